// Taint over flow graphs: values written by source nodes (sensitive inputs) flow through the
// variables/attributes nodes read and write, across transfers, to sink nodes (attributes,
// invocations, logs, prompts read back, messages). A sanitizer node (input encryption,
// payment capture, tokenization) neither taints nor propagates what it writes.
// Propagation: a node that reads a tainted variable taints what it writes. Variables match by
// name or dotted prefix ("$.Attributes" covers "$.Attributes.card").
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "rules/flow/flow_analysis.h"

namespace ccscan::rules::flow {

struct TaintHit {
    NodeRef source;
    NodeRef sink;
    std::string variable;  // the tainted variable the sink reads
};

using NodePredicate = std::function<bool(const FlowNode&)>;

// The variables the nodes of `graphs` read and write, interned: built once per scan and
// shared by every taint search over the same graphs.
class TaintVariables;
std::shared_ptr<const TaintVariables> make_taint_variables(const ScanGraphs& graphs);

// `vars`: those of `graphs` (make_taint_variables), or null to build them for this search.
std::vector<TaintHit> find_taint(const ScanGraphs& graphs, const NodePredicate& is_source, const NodePredicate& is_sink,
                                 const NodePredicate& is_sanitizer, const TaintVariables* vars = nullptr);

// Whether reading `read` observes variable `var`.
bool variable_covers(std::string_view read, std::string_view var);

}  // namespace ccscan::rules::flow
