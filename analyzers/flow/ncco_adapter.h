// Vonage NCCO adapter: a JSON array of actions run in order (talk, stream, input, record,
// connect, conversation, notify). An `input` action hands control to its eventUrl, so it ends
// the array's path.
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

std::vector<FlowGraph> build_vonage_ncco(const InputFile& file, const Document& doc, const SensitivityLexicon& lex,
                                         std::vector<Diagnostic>& notes);

// Content signature (format table): a JSON array of objects with NCCO `action`s.
bool sniff_vonage_ncco(const SniffInput& in);

}  // namespace ccscan::analyzers::flow
