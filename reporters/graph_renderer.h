// Renders IVR flow graphs (`ccscan graph FILE`) as Graphviz dot, Mermaid or JSON, with the
// states the flow analysis computes on entry to each node (recording, logging, notice, ...).
// JSON shape: {"nodes":[{id, flow, kind, platform_type, label, sensitivity, location, state}],
//              "edges":[{from, to, condition}]}; transfers between the given graphs are edges
// with condition "transfer". Output is deterministic (graph order, node order, edge order).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analyzers/flow_graph.h"
#include "rules/policy.h"

namespace ccscan::reporters {

enum class GraphFormat { dot, mermaid, json };

bool parse_graph_format(std::string_view text, GraphFormat& out);
std::string render_graphs(const std::vector<const analyzers::FlowGraph*>& graphs, GraphFormat format,
                          const rules::Policy& policy);

}  // namespace ccscan::reporters
