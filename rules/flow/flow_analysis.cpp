#include "rules/flow/flow_analysis.h"

#include <algorithm>
#include <deque>
#include <memory>

#include <re2/re2.h>

#include "analyzers/text.h"
#include "rules/flow/config_units.h"

namespace ccscan::rules::flow {

using analyzers::lower;

namespace {

constexpr std::array<std::string_view, k_state_vars> k_var_names = {
    "recording", "ivr_recording", "analytics", "logging", "streaming", "hold", "notice", "consent", "seen"};

// The state values of a channel setting: its enum names without `unset`.
template <std::size_t N>
std::vector<std::string_view> values_of(const std::array<std::string_view, N>& names) {
    return {names.begin() + 1, names.end()};
}

// Value index of an action (enum value - 1), or nullopt when the node leaves it unset.
template <class E>
std::optional<int> action_index(E e) {
    if (e == E::unset) return std::nullopt;
    return static_cast<int>(e) - 1;
}

// Names a transfer may use for a graph: its name, its file stem, and a Terraform
// "aws_connect_contact_flow.<label>.id" reference's label.
std::vector<std::string> target_candidates(std::string_view target) {
    std::vector<std::string> out{lower(target)};
    for (std::string_view prefix : {"aws_connect_contact_flow_module.", "aws_connect_contact_flow."}) {
        std::size_t p = target.find(prefix);
        if (p == std::string_view::npos) continue;
        std::string_view rest = target.substr(p + prefix.size());
        out.push_back(lower(rest.substr(0, rest.find('.'))));
        break;
    }
    std::size_t slash = target.find_last_of("/:");
    if (slash != std::string_view::npos) out.push_back(lower(target.substr(slash + 1)));
    return out;
}

}  // namespace

std::string_view to_string(StateVar v) { return k_var_names[static_cast<std::size_t>(v)]; }

bool parse_state_var(std::string_view text, StateVar& out) {
    for (std::size_t i = 0; i < k_var_names.size(); ++i) {
        if (k_var_names[i] == text) {
            out = static_cast<StateVar>(i);
            return true;
        }
    }
    return false;
}

std::vector<std::string_view> user_state_var_names() {
    std::vector<std::string_view> out;
    for (std::string_view n : k_var_names) {
        if (n != to_string(StateVar::seen)) out.push_back(n);
    }
    return out;
}

std::optional<int> channel_effect(StateVar v, const analyzers::ChannelActions& a) {
    switch (v) {
        case StateVar::recording: return action_index(a.recording);
        case StateVar::ivr_recording: return action_index(a.ivr_recording);
        case StateVar::analytics: return action_index(a.analytics);
        case StateVar::logging: return action_index(a.logging);
        case StateVar::streaming: return action_index(a.streaming);
        case StateVar::hold: return action_index(a.hold);
        default: return std::nullopt;
    }
}

const std::vector<std::string_view>& state_values(StateVar v) {
    static const std::vector<std::string_view> k_onoff = values_of(analyzers::k_switch_names);
    static const std::vector<std::string_view> k_recording = values_of(analyzers::k_recording_names);
    static const std::vector<std::string_view> k_analytics = values_of(analyzers::k_analytics_names);
    static const std::vector<std::string_view> k_yesno = {"no", "yes"};
    static const std::vector<std::string_view> k_consent = {"no", "asked"};
    switch (v) {
        case StateVar::recording: return k_recording;
        case StateVar::analytics: return k_analytics;
        case StateVar::notice:
        case StateVar::seen: return k_yesno;
        case StateVar::consent: return k_consent;
        default: return k_onoff;
    }
}

int state_value_index(StateVar v, std::string_view value) {
    const auto& vals = state_values(v);
    auto it = std::find(vals.begin(), vals.end(), value);
    return it == vals.end() ? -1 : static_cast<int>(it - vals.begin());
}

ScanGraphs::ScanGraphs(std::vector<const FlowGraph*> graphs) : m_graphs(std::move(graphs)) {
    for (std::uint32_t g = 0; g < m_graphs.size(); ++g) {
        m_offset.push_back(m_total);
        m_total += static_cast<std::uint32_t>(m_graphs[g]->nodes.size());
        std::string stem = m_graphs[g]->path.substr(m_graphs[g]->path.find_last_of('/') + 1);
        stem = lower(stem.substr(0, stem.find('.')));
        std::string name = lower(m_graphs[g]->name);
        if (!name.empty()) m_by_name.emplace(name, g);
        if (stem != name) m_by_name.emplace(stem, g);
    }
    m_unit = config_units(m_graphs);
    m_graph_of.resize(m_total);
    for (std::uint32_t g = 0; g < m_graphs.size(); ++g) {
        std::fill_n(m_graph_of.begin() + m_offset[g], m_graphs[g]->nodes.size(), g);
    }
    m_succ.resize(m_total);
    for (std::uint32_t g = 0; g < m_graphs.size(); ++g) {
        const FlowGraph& fg = *m_graphs[g];
        for (const analyzers::FlowEdge& e : fg.edges) {
            if (e.from < fg.nodes.size() && e.to < fg.nodes.size()) m_succ[m_offset[g] + e.from].push_back({g, e.to});
        }
        for (std::uint32_t n = 0; n < fg.nodes.size(); ++n) {
            const analyzers::Transfer& tr = fg.nodes[n].transfer;
            if (tr.flow.empty()) continue;
            for (std::uint32_t target : resolve_from(g, tr.flow)) {
                if (target == g && tr.node.empty()) continue;
                const FlowGraph& tg = *m_graphs[target];
                std::uint32_t to = tg.entry;
                if (!tr.node.empty()) {
                    for (std::uint32_t i = 0; i < tg.nodes.size(); ++i) {
                        if (tg.nodes[i].id == tr.node) to = i;
                    }
                }
                m_succ[m_offset[g] + n].push_back({target, to});
            }
        }
    }
    for (auto& s : m_succ) {
        std::sort(s.begin(), s.end());
        s.erase(std::unique(s.begin(), s.end()), s.end());
    }
    compute_roots();
}

void ScanGraphs::compute_roots() {
    std::vector<char> targeted(m_graphs.size(), 0);
    for (std::uint32_t i = 0; i < m_total; ++i) {
        NodeRef from = local(i);
        for (NodeRef to : m_succ[i]) {
            if (to.graph != from.graph) targeted[to.graph] = 1;
        }
    }
    std::vector<char> seen(m_total, 0);
    std::deque<std::uint32_t> work;
    auto add_root = [&](std::uint32_t g) {
        NodeRef r{g, m_graphs[g]->entry};
        m_roots.push_back(r);
        seen[global(r)] = 1;
        work.push_back(global(r));
        while (!work.empty()) {
            std::uint32_t i = work.front();
            work.pop_front();
            for (NodeRef next : m_succ[i]) {
                std::uint32_t ni = global(next);
                if (!seen[ni]) {
                    seen[ni] = 1;
                    work.push_back(ni);
                }
            }
        }
    };
    for (std::uint32_t g = 0; g < m_graphs.size(); ++g) {
        if (!targeted[g] && !m_graphs[g]->nodes.empty()) add_root(g);
    }
    // A graph none of whose nodes is reachable yet (transfers may enter at a target node).
    for (std::uint32_t g = 0; g < m_graphs.size(); ++g) {
        bool reached = false;
        for (std::uint32_t n = 0; n < m_graphs[g]->nodes.size() && !reached; ++n) reached = seen[global({g, n})] != 0;
        if (!reached && !m_graphs[g]->nodes.empty()) add_root(g);
    }
}

NodeRef ScanGraphs::local(std::uint32_t global) const {
    std::uint32_t g = m_graph_of[global];
    return {g, global - m_offset[g]};
}

std::vector<std::uint32_t> ScanGraphs::resolve_flows(std::string_view target) const {
    for (const std::string& c : target_candidates(target)) {
        auto [b, e] = m_by_name.equal_range(c);
        if (b == e) continue;
        std::vector<std::uint32_t> out;
        for (auto it = b; it != e; ++it) out.push_back(it->second);
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    }
    return {};
}

std::vector<std::uint32_t> ScanGraphs::resolve_from(std::uint32_t from, std::string_view target) const {
    std::vector<std::uint32_t> all = resolve_flows(target);
    std::vector<std::uint32_t> same;
    for (std::uint32_t g : all) {
        if (m_unit[g] == m_unit[from]) same.push_back(g);
    }
    if (!same.empty()) return same;
    // No unit defines it (the files' root is not in the scan): the graphs nearest the jumping
    // file (same server folder) before any namesake elsewhere.
    std::size_t best = 0;
    for (std::uint32_t g : all) best = std::max(best, common_dirs(m_graphs[g]->path, m_graphs[from]->path));
    std::erase_if(all, [&](std::uint32_t g) { return common_dirs(m_graphs[g]->path, m_graphs[from]->path) < best; });
    return all;
}

std::optional<std::uint32_t> ScanGraphs::resolve_flow(std::string_view target) const {
    auto all = resolve_flows(target);
    if (all.empty()) return std::nullopt;
    return all.front();
}

TransferFn as_transfer(EffectFn effect) {
    return [effect = std::move(effect)](const FlowNode& n, int value) {
        auto e = effect(n);
        return e ? *e : value;
    };
}

TransferFn product_transfer(EffectFn a, int a_count, EffectFn b) {
    return [a = std::move(a), a_count, b = std::move(b)](const FlowNode& n, int value) {
        auto ea = a(n);
        auto eb = b(n);
        int va = ea ? *ea : value % a_count;
        int vb = eb ? *eb : value / a_count;
        return va + a_count * vb;
    };
}

StateReach::StateReach(const ScanGraphs& graphs, EffectFn effect) : StateReach(graphs, as_transfer(std::move(effect))) {}

StateReach::StateReach(const ScanGraphs& graphs, const TransferFn& transfer) : m_graphs(graphs) {
    m_mask.assign(graphs.total_nodes(), 0);
    m_parent.assign(static_cast<std::size_t>(graphs.total_nodes()) * 8, -2);
    // Computed on demand: most (node, value) pairs are never reached.
    std::vector<std::int8_t> out_of(static_cast<std::size_t>(graphs.total_nodes()) * 8, -1);
    auto next_value = [&](std::uint32_t gi, int value) {
        std::int8_t& o = out_of[static_cast<std::size_t>(gi) * 8 + static_cast<std::size_t>(value)];
        if (o < 0) {
            int v = transfer(graphs.node(graphs.local(gi)), value);
            o = static_cast<std::int8_t>(v >= 0 && v < 8 ? v : value);
        }
        return static_cast<int>(o);
    };
    std::deque<std::int64_t> work;
    for (NodeRef root : graphs.roots()) {
        std::uint32_t gi = graphs.global(root);
        m_mask[gi] |= 1;
        m_parent[static_cast<std::size_t>(gi) * 8] = -1;
        work.push_back(static_cast<std::int64_t>(gi) * 8);
    }
    while (!work.empty()) {
        std::int64_t s = work.front();
        work.pop_front();
        auto gi = static_cast<std::uint32_t>(s / 8);
        int value = static_cast<int>(s % 8);
        int out = next_value(gi, value);
        for (NodeRef next : graphs.successors(graphs.local(gi))) {
            std::uint32_t ni = graphs.global(next);
            if (m_mask[ni] & (1u << out)) continue;
            m_mask[ni] = static_cast<std::uint8_t>(m_mask[ni] | (1u << out));
            std::int64_t ns = static_cast<std::int64_t>(ni) * 8 + out;
            m_parent[static_cast<std::size_t>(ns)] = s;
            work.push_back(ns);
        }
    }
}

std::vector<NodeRef> StateReach::path_to(NodeRef r, int value, std::vector<int>* values) const {
    std::vector<NodeRef> out;
    if (values) values->clear();
    std::int64_t s = static_cast<std::int64_t>(m_graphs.global(r)) * 8 + value;
    if (m_parent[static_cast<std::size_t>(s)] == -2) return out;
    while (s >= 0) {
        out.push_back(m_graphs.local(static_cast<std::uint32_t>(s / 8)));
        if (values) values->push_back(static_cast<int>(s % 8));
        s = m_parent[static_cast<std::size_t>(s)];
    }
    std::reverse(out.begin(), out.end());
    if (values) std::reverse(values->begin(), values->end());
    return out;
}

PromptMatcher::PromptMatcher(const std::vector<std::string>& patterns) {
    for (const std::string& p : patterns) {
        auto re = std::make_shared<RE2>(p, RE2::Quiet);
        if (re->ok()) m_res.push_back(std::move(re));
    }
}

bool PromptMatcher::matches(const FlowNode& n) const {
    if (m_res.empty()) return false;
    for (const std::string* text : {&n.prompt_text, &n.prompt_file, &n.prompt_id}) {
        if (text->empty()) continue;
        for (const auto& re : m_res) {
            if (RE2::PartialMatch(*text, *re)) return true;
        }
    }
    return false;
}

EffectFn builtin_effect(StateVar v, const PromptPatterns& prompts) {
    if (v == StateVar::notice) {
        PromptMatcher m(prompts.notice);
        return [m](const FlowNode& n) -> std::optional<int> {
            if (m.matches(n)) return 1;
            return std::nullopt;
        };
    }
    if (v == StateVar::consent) {
        PromptMatcher m(prompts.consent);
        return [m](const FlowNode& n) -> std::optional<int> {
            if (n.kind == analyzers::FlowKind::collect_input && m.matches(n)) return 1;
            return std::nullopt;
        };
    }
    return [v](const FlowNode& n) { return channel_effect(v, n.actions); };
}

std::vector<NodeRef> shortest_path(const ScanGraphs& graphs, const std::vector<NodeRef>& from, NodeRef to) {
    std::vector<std::int64_t> parent(graphs.total_nodes(), -2);
    std::deque<std::uint32_t> work;
    for (NodeRef f : from) {
        std::uint32_t gi = graphs.global(f);
        if (parent[gi] != -2) continue;
        parent[gi] = -1;
        work.push_back(gi);
    }
    std::uint32_t target = graphs.global(to);
    while (!work.empty() && parent[target] == -2) {
        std::uint32_t gi = work.front();
        work.pop_front();
        for (NodeRef next : graphs.successors(graphs.local(gi))) {
            std::uint32_t ni = graphs.global(next);
            if (parent[ni] != -2) continue;
            parent[ni] = gi;
            work.push_back(ni);
        }
    }
    std::vector<NodeRef> out;
    if (parent[target] == -2) return out;
    for (std::int64_t s = target; s >= 0; s = parent[static_cast<std::size_t>(s)]) out.push_back(graphs.local(static_cast<std::uint32_t>(s)));
    std::reverse(out.begin(), out.end());
    return out;
}

}  // namespace ccscan::rules::flow
