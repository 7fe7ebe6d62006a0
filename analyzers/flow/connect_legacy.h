// The legacy Amazon Connect console export (`{"modules": [...], "start": id}`): modules with a
// type, `parameters` [{name, value, namespace}] and `branches` [{condition, transition}].
#pragma once

#include <string>
#include <vector>

#include "analyzers/document.h"
#include "analyzers/flow/sensitivity.h"
#include "analyzers/flow_graph.h"

namespace ccscan::analyzers::flow {

FlowGraph build_connect_legacy_root(const Node& root, const std::string& path, const std::string& name,
                                    const SensitivityLexicon& lex, std::vector<Diagnostic>& notes);

}  // namespace ccscan::analyzers::flow
