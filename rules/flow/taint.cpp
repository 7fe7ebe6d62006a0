#include "rules/flow/taint.h"

#include <deque>
#include <map>

namespace ccscan::rules::flow {

bool variable_covers(std::string_view read, std::string_view var) {
    if (read == var) return true;
    auto prefix = [](std::string_view a, std::string_view b) {
        return a.size() > b.size() && a.substr(0, b.size()) == b && a[b.size()] == '.';
    };
    return prefix(read, var) || prefix(var, read);
}

namespace {

using TaintSet = std::map<std::string, NodeRef>;  // variable -> source (smallest NodeRef wins)

bool merge(TaintSet& into, const TaintSet& from) {
    bool changed = false;
    for (const auto& [var, src] : from) {
        auto [it, inserted] = into.emplace(var, src);
        if (inserted) {
            changed = true;
        } else if (src < it->second) {
            it->second = src;
            changed = true;
        }
    }
    return changed;
}

// What flows out of node `r` given what flows in.
TaintSet transfer(const ScanGraphs& graphs, NodeRef r, const TaintSet& in, bool source, bool sanitizer) {
    const FlowNode& n = graphs.node(r);
    TaintSet out = in;
    if (sanitizer) {
        for (const std::string& w : n.writes) out.erase(w);
        return out;
    }
    std::optional<NodeRef> origin;
    if (source) origin = r;
    for (const std::string& read : n.reads) {
        for (const auto& [var, src] : in) {
            if (variable_covers(read, var) && (!origin || src < *origin)) origin = src;
        }
    }
    for (const std::string& w : n.writes) {
        if (origin) {
            out[w] = *origin;
        } else {
            out.erase(w);  // overwritten with something clean
        }
    }
    return out;
}

}  // namespace

std::vector<TaintHit> find_taint(const ScanGraphs& graphs, const NodePredicate& is_source, const NodePredicate& is_sink,
                                 const NodePredicate& is_sanitizer) {
    std::uint32_t total = graphs.total_nodes();
    std::vector<char> src(total), san(total), sink(total);
    bool any_source = false;
    for (std::uint32_t i = 0; i < total; ++i) {
        const FlowNode& n = graphs.node(graphs.local(i));
        san[i] = is_sanitizer && is_sanitizer(n);
        src[i] = !san[i] && is_source(n);
        sink[i] = is_sink(n);
        any_source = any_source || src[i];
    }
    std::vector<TaintHit> hits;
    if (!any_source) return hits;
    std::vector<TaintSet> in(total);
    std::vector<char> queued(total, 1);
    std::deque<std::uint32_t> work;
    for (std::uint32_t i = 0; i < total; ++i) work.push_back(i);
    while (!work.empty()) {
        std::uint32_t i = work.front();
        work.pop_front();
        queued[i] = 0;
        NodeRef r = graphs.local(i);
        TaintSet out = transfer(graphs, r, in[i], src[i] != 0, san[i] != 0);
        if (out.empty()) continue;
        for (NodeRef next : graphs.successors(r)) {
            std::uint32_t ni = graphs.global(next);
            if (merge(in[ni], out) && !queued[ni]) {
                queued[ni] = 1;
                work.push_back(ni);
            }
        }
    }
    for (std::uint32_t i = 0; i < total; ++i) {
        if (!sink[i] || in[i].empty()) continue;
        NodeRef r = graphs.local(i);
        const FlowNode& n = graphs.node(r);
        for (const std::string& read : n.reads) {
            bool found = false;
            for (const auto& [var, s] : in[i]) {
                if (variable_covers(read, var)) {
                    hits.push_back({s, r, read});
                    found = true;
                    break;
                }
            }
            if (found) break;
        }
    }
    return hits;
}

}  // namespace ccscan::rules::flow
