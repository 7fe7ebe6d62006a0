// Flow analysis over every FlowGraph of a scan: the graphs joined by transfers (Connect
// TransferToFlow/InvokeFlowModule, Studio run-subflow, Asterisk Goto/Gosub/include into other
// contexts, Archy transferToFlowSecure), a forward state analysis to a fixpoint with shortest
// counterexample paths, and taint propagation from sources through variables to sinks.
//
// State: each tracked property (recording, ivr_recording, analytics, logging, streaming, hold,
// notice, consent, and one rule-defined "seen" flag) has a small set of values; a node either
// sets it (its effect) or passes it on. The analysis is a breadth-first search over (node,
// value) pairs: the set of values reachable at a node is the fixpoint of the join ("maybe on"
// counts as on), and BFS parents give the shortest path from an entry that reaches each value.
// Callee effects are not propagated back to a caller after Gosub/InvokeFlowModule (a documented
// over-approximation in docs/flow-rules.md).
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/flow_graph.h"

namespace re2 {
class RE2;
}

namespace ccscan::rules::flow {

using analyzers::FlowGraph;
using analyzers::FlowNode;

enum class StateVar : std::uint8_t { recording, ivr_recording, analytics, logging, streaming, hold, notice, consent, seen };
inline constexpr std::size_t k_state_vars = 9;

std::string_view to_string(StateVar v);
bool parse_state_var(std::string_view text, StateVar& out);
// Values of a variable; index 0 is the default at an entry ("off"/"no").
const std::vector<std::string_view>& state_values(StateVar v);
int state_value_index(StateVar v, std::string_view value);  // -1 when unknown
// The variables a rule may name in `require`/`unless` (every one but the internal `seen`).
std::vector<std::string_view> user_state_var_names();
// What a node's channel actions do to `v` (recording .. hold): the value index it sets, or
// nullopt. The value names are those of the enums in flow_graph.h.
std::optional<int> channel_effect(StateVar v, const analyzers::ChannelActions& actions);

struct NodeRef {
    std::uint32_t graph = 0;
    std::uint32_t node = 0;
    friend auto operator<=>(const NodeRef&, const NodeRef&) = default;
};

// The graphs of one scan with their successor lists and resolved transfers.
class ScanGraphs {
public:
    explicit ScanGraphs(std::vector<const FlowGraph*> graphs);

    std::size_t size() const { return m_graphs.size(); }
    const FlowGraph& graph(std::uint32_t g) const { return *m_graphs[g]; }
    const FlowNode& node(NodeRef r) const { return m_graphs[r.graph]->nodes[r.node]; }
    std::uint32_t global(NodeRef r) const { return m_offset[r.graph] + r.node; }
    NodeRef local(std::uint32_t global) const;
    std::uint32_t total_nodes() const { return m_total; }
    // Successors inside the graph and into transfer targets (other graphs).
    const std::vector<NodeRef>& successors(NodeRef r) const { return m_succ[global(r)]; }
    // Where calls start: the entries of graphs no other graph transfers to, then (in graph
    // order) the entry of any graph still unreachable from those (a cycle of transfers, or a
    // flow only reached from itself). A flow reached only by transfers from other flows of the
    // scan is analysed with its callers' state, not from defaults.
    const std::vector<NodeRef>& roots() const { return m_roots; }
    // The graph a transfer node's target_flow names, if it is part of the scan (the first by
    // path when several share the name).
    std::optional<std::uint32_t> resolve_flow(std::string_view target) const;
    // Every graph of that name: an Asterisk context defined in several files is one context.
    std::vector<std::uint32_t> resolve_flows(std::string_view target) const;
    // The graphs a jump from graph `from` reaches: those of its own configuration unit
    // (config_units.h) when the unit defines the name, else the graphs of that name nearest the
    // jumping file (sharing the longest folder prefix: a snippet whose root is not in the scan
    // still links to what it names).
    std::vector<std::uint32_t> resolve_from(std::uint32_t from, std::string_view target) const;

private:
    void compute_roots();

    std::vector<const FlowGraph*> m_graphs;
    std::vector<std::uint32_t> m_offset;
    std::vector<std::uint32_t> m_graph_of;  // global node index -> graph
    std::uint32_t m_total = 0;
    std::vector<std::uint32_t> m_unit;  // configuration unit per graph
    std::vector<std::vector<NodeRef>> m_succ;
    std::vector<NodeRef> m_roots;
    std::multimap<std::string, std::uint32_t> m_by_name;  // lower-case name / file stem -> graphs
};

// What a node does to one variable: the value index it sets, or nullopt.
using EffectFn = std::function<std::optional<int>(const FlowNode&)>;
// The value after a node given the value before it (general form, values 0..7).
using TransferFn = std::function<int(const FlowNode&, int value)>;
TransferFn as_transfer(EffectFn effect);
// Two variables tracked together (so a rule can ask "recording on while the agent is not on
// hold"): value = a + a_count * b. a_count * b_count must be at most 8.
TransferFn product_transfer(EffectFn a, int a_count, EffectFn b);

// Reachable (node, value) pairs for one variable, with BFS parents for shortest paths.
class StateReach {
public:
    StateReach(const ScanGraphs& graphs, EffectFn effect);
    StateReach(const ScanGraphs& graphs, const TransferFn& transfer);
    // Bitmask of values that can hold on entry to `r` (bit i = value index i).
    std::uint8_t values_at(NodeRef r) const { return m_mask[m_graphs.global(r)]; }
    // Shortest path from an entry to `r` arriving with `value`, entry first. With `values`, also
    // the value on entry to each step (read off the search states: no transfer is re-run).
    std::vector<NodeRef> path_to(NodeRef r, int value, std::vector<int>* values = nullptr) const;

private:
    const ScanGraphs& m_graphs;
    std::vector<std::uint8_t> m_mask;
    std::vector<std::int64_t> m_parent;  // per (global node * 8 + value): parent state or -1 (root) / -2 (unreached)
};

// Node effect on the built-in variables (from the node's channel actions; notice/consent from prompts
// matching the given RE2 patterns).
struct PromptPatterns {
    std::vector<std::string> notice;
    std::vector<std::string> consent;
};
EffectFn builtin_effect(StateVar v, const PromptPatterns& prompts);
// Whether a node's prompt (prompt_text, prompt, prompt_id) matches any of the RE2 patterns
// (compiled once; invalid patterns are skipped: the config loader reports them).
class PromptMatcher {
public:
    explicit PromptMatcher(const std::vector<std::string>& patterns);
    bool matches(const FlowNode& n) const;
    bool empty() const { return m_res.empty(); }

private:
    std::vector<std::shared_ptr<const re2::RE2>> m_res;
};

// Plain graph BFS: shortest path between two nodes over successors (empty when unreachable).
std::vector<NodeRef> shortest_path(const ScanGraphs& graphs, const std::vector<NodeRef>& from, NodeRef to);

}  // namespace ccscan::rules::flow
