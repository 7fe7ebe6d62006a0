// The legacy Amazon Connect console export (`{"modules": [...], "start": id}`): modules with a
// type, `parameters` [{name, value, namespace}] and `branches` [{condition, transition}].
#pragma once

#include <string>
#include <vector>

#include "analyzers/document.h"
#include "analyzers/flow/sensitivity.h"
#include "analyzers/flow_graph.h"

namespace ccscan::analyzers {
struct SniffInput;
}

namespace ccscan::analyzers::flow {

FlowGraph build_connect_legacy_root(const Node& root, const std::string& path, const std::string& name,
                                    const SensitivityLexicon& lex, std::vector<Diagnostic>& notes);

// Content signature (format table): legacy export: a `modules` list with `contactFlow`/`branches`/`start`.
bool sniff_amazon_connect_legacy(const SniffInput& in);

}  // namespace ccscan::analyzers::flow
