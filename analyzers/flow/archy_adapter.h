// Genesys Cloud Archy YAML adapter. The top-level key is the flow type (inboundCall, secureCall,
// commonModule, ...); `menus` (choices with dtmf), `tasks`/`states` (sequences of actions whose
// `outputs` hold nested action lists) become one graph per file. References are `refId`s
// (`/inboundCall/tasks/task[Pay_11]`). Every node carries prop "flow_type" so rules can tell a
// secureCall flow from the rest; transferToFlowSecure/transferToFlow are transfers by flow name.
#pragma once

#include <vector>

#include "analyzers/document.h"
#include "analyzers/flow/sensitivity.h"
#include "analyzers/flow_graph.h"
#include "analyzers/input_file.h"

namespace ccscan::analyzers {
struct SniffInput;
}

namespace ccscan::analyzers::flow {

std::vector<FlowGraph> build_genesys_archy(const InputFile& file, const Document& doc, const SensitivityLexicon& lex,
                                           std::vector<Diagnostic>& notes);

// Content signature (format table): the first top-level key is an Archy flow type (`inboundCall:`, `secureCall:`, ...).
bool sniff_genesys_archy(const SniffInput& in);

}  // namespace ccscan::analyzers::flow
