#include "rules/flow/taint.h"

#include <algorithm>
#include <deque>
#include <map>
#include <memory>
#include <optional>

namespace ccscan::rules::flow {

bool variable_covers(std::string_view read, std::string_view var) {
    if (read == var) return true;
    auto prefix = [](std::string_view a, std::string_view b) {
        return a.size() > b.size() && a.substr(0, b.size()) == b && a[b.size()] == '.';
    };
    return prefix(read, var) || prefix(var, read);
}

// Variables are interned: ids follow the variables' string order, so iterating a TaintSet in id
// order is iterating it in name order (which decides which variable a hit names).
using VarId = std::uint32_t;
// variable -> source (smallest NodeRef wins), sorted by variable.
using TaintSet = std::vector<std::pair<VarId, NodeRef>>;

// Every variable a node writes, and for every read the written variables it covers.
class TaintVariables {
public:
    explicit TaintVariables(const ScanGraphs& graphs) {
        std::uint32_t total = graphs.total_nodes();
        for (std::uint32_t i = 0; i < total; ++i) {
            for (const std::string& w : graphs.node(graphs.local(i)).writes) m_names.push_back(w);
        }
        std::sort(m_names.begin(), m_names.end());
        m_names.erase(std::unique(m_names.begin(), m_names.end()), m_names.end());
        m_writes.resize(total);
        m_reads.resize(total);
        std::map<std::string_view, std::uint32_t> read_index;
        for (std::uint32_t i = 0; i < total; ++i) {
            const FlowNode& n = graphs.node(graphs.local(i));
            for (const std::string& w : n.writes) m_writes[i].push_back(id_of(w));
            for (const std::string& r : n.reads) {
                auto [it, added] = read_index.emplace(r, static_cast<std::uint32_t>(m_covered.size()));
                if (added) m_covered.push_back(covered_by(r));
                m_reads[i].push_back(it->second);
            }
        }
    }
    const std::string& name(VarId v) const { return m_names[v]; }
    const std::vector<VarId>& writes(std::uint32_t node) const { return m_writes[node]; }
    // Per read of the node (in order): the written variables it covers, ascending.
    std::size_t read_count(std::uint32_t node) const { return m_reads[node].size(); }
    const std::vector<VarId>& covered(std::uint32_t node, std::size_t read) const { return m_covered[m_reads[node][read]]; }

private:
    VarId id_of(std::string_view w) const {
        return static_cast<VarId>(std::lower_bound(m_names.begin(), m_names.end(), w) - m_names.begin());
    }
    // The written variables `read` covers: itself, its dotted prefixes and everything below it.
    std::vector<VarId> covered_by(std::string_view read) const {
        std::vector<VarId> out;
        auto it = std::lower_bound(m_names.begin(), m_names.end(), read);
        if (it != m_names.end() && *it == read) out.push_back(static_cast<VarId>(it - m_names.begin()));
        for (std::size_t dot = read.find('.'); dot != std::string_view::npos; dot = read.find('.', dot + 1)) {
            auto p = std::lower_bound(m_names.begin(), m_names.end(), read.substr(0, dot));
            if (p != m_names.end() && *p == read.substr(0, dot)) out.push_back(static_cast<VarId>(p - m_names.begin()));
        }
        for (auto b = std::upper_bound(m_names.begin(), m_names.end(), read); b != m_names.end(); ++b) {
            if (b->size() <= read.size() || b->compare(0, read.size(), read) != 0) break;  // past the names below `read`
            if ((*b)[read.size()] == '.') out.push_back(static_cast<VarId>(b - m_names.begin()));
        }
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    }

    std::vector<std::string> m_names;
    std::vector<std::vector<VarId>> m_writes;
    std::vector<std::vector<std::uint32_t>> m_reads;  // index into m_covered
    std::vector<std::vector<VarId>> m_covered;
};

namespace {

using Variables = TaintVariables;

const NodeRef* lookup(const TaintSet& set, VarId v) {
    auto it = std::lower_bound(set.begin(), set.end(), v, [](const auto& e, VarId id) { return e.first < id; });
    return it != set.end() && it->first == v ? &it->second : nullptr;
}

bool merge(TaintSet& into, const TaintSet& from) {
    bool changed = false;
    TaintSet out;
    out.reserve(into.size() + from.size());
    auto a = into.cbegin();
    auto b = from.cbegin();
    while (a != into.cend() || b != from.cend()) {
        if (b == from.cend() || (a != into.cend() && a->first < b->first)) {
            out.push_back(*a++);
        } else if (a == into.cend() || b->first < a->first) {
            out.push_back(*b++);
            changed = true;
        } else {
            if (b->second < a->second) changed = true;
            out.emplace_back(a->first, std::min(a->second, b->second));
            ++a;
            ++b;
        }
    }
    if (changed) into = std::move(out);
    return changed;
}

void set_var(TaintSet& set, VarId v, std::optional<NodeRef> src) {
    auto it = std::lower_bound(set.begin(), set.end(), v, [](const auto& e, VarId id) { return e.first < id; });
    bool present = it != set.end() && it->first == v;
    if (!src) {
        if (present) set.erase(it);
    } else if (present) {
        it->second = *src;
    } else {
        set.insert(it, {v, *src});
    }
}

// What flows out of node `i` given what flows in.
TaintSet transfer(const Variables& vars, std::uint32_t i, NodeRef r, const TaintSet& in, bool source, bool sanitizer) {
    TaintSet out = in;
    if (sanitizer) {
        for (VarId w : vars.writes(i)) set_var(out, w, std::nullopt);
        return out;
    }
    std::optional<NodeRef> origin;
    if (source) origin = r;
    for (std::size_t k = 0; k < vars.read_count(i); ++k) {
        for (VarId v : vars.covered(i, k)) {
            const NodeRef* src = lookup(in, v);
            if (src && (!origin || *src < *origin)) origin = *src;
        }
    }
    // Overwritten with something clean when there is no origin.
    for (VarId w : vars.writes(i)) set_var(out, w, origin);
    return out;
}

}  // namespace

std::shared_ptr<const TaintVariables> make_taint_variables(const ScanGraphs& graphs) {
    return std::make_shared<const TaintVariables>(graphs);
}

std::vector<TaintHit> find_taint(const ScanGraphs& graphs, const NodePredicate& is_source, const NodePredicate& is_sink,
                                 const NodePredicate& is_sanitizer, const TaintVariables* shared) {
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
    std::optional<Variables> own;
    if (!shared) own.emplace(graphs);
    const Variables& vars = shared ? *shared : *own;
    std::vector<TaintSet> in(total);
    std::vector<char> queued(total, 1);
    std::deque<std::uint32_t> work;
    for (std::uint32_t i = 0; i < total; ++i) work.push_back(i);
    while (!work.empty()) {
        std::uint32_t i = work.front();
        work.pop_front();
        queued[i] = 0;
        NodeRef r = graphs.local(i);
        TaintSet out = transfer(vars, i, r, in[i], src[i] != 0, san[i] != 0);
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
        for (std::size_t k = 0; k < vars.read_count(i); ++k) {
            const NodeRef* found = nullptr;
            for (VarId v : vars.covered(i, k)) {  // ascending: the first in name order
                if ((found = lookup(in[i], v))) break;
            }
            if (found) {
                hits.push_back({*found, r, n.reads[k]});
                break;
            }
        }
    }
    return hits;
}

}  // namespace ccscan::rules::flow
