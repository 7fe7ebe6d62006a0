// TwiML adapter (`<Response>` documents): verbs run in order. <Gather> (with nested <Say>),
// <Pay>, <Record>, <Start>/<Stop> of <Recording> and <Stream>, <Dial record=...>, <Say>/<Play>,
// <Redirect>, <Sms>/<Message>, <Hangup>. The XML Document comes from parse_xml.
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

std::vector<FlowGraph> build_twiml(const InputFile& file, const Document& doc, const SensitivityLexicon& lex,
                                   std::vector<Diagnostic>& notes);

// Content signature (format table): a `<Response>` root.
bool sniff_twiml(const SniffInput& in);

}  // namespace ccscan::analyzers::flow
