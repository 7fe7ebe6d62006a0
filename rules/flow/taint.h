// Taint over flow graphs: values written by source nodes (sensitive inputs) flow through the
// variables/attributes nodes read and write, across transfers, to sink nodes (attributes,
// invocations, logs, prompts read back, messages). A sanitizer node (input encryption,
// payment capture, tokenization) neither taints nor propagates what it writes.
// Propagation: a node that reads a tainted variable taints what it writes. Variables match by
// name or dotted prefix ("$.Attributes" covers "$.Attributes.card").
#pragma once

#include <functional>
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

std::vector<TaintHit> find_taint(const ScanGraphs& graphs, const NodePredicate& is_source, const NodePredicate& is_sink,
                                 const NodePredicate& is_sanitizer);

// Whether reading `read` observes variable `var`.
bool variable_covers(std::string_view read, std::string_view var);

}  // namespace ccscan::rules::flow
