// Amazon Connect adapters: the flow language (flows and flow modules, `StartAction` +
// `Actions`), the legacy console export (`modules` with `branches` and `parameters`), and the
// same JSON embedded in CloudFormation (`AWS::Connect::ContactFlow(Module)` `Content`) and
// Terraform (`aws_connect_contact_flow(_module)` `content`).
//
// Edges: Transitions.NextAction (unconditional), Conditions ("cond:<operand>", or "dtmf:<d>" on
// input actions), Errors ("error:<ErrorType>"). Node properties are documented in
// docs/flow-model.md. Unknown action types become `other` nodes plus a note.
#pragma once

#include <string>
#include <vector>

#include "analyzers/diagnostic.h"
#include "analyzers/document.h"
#include "analyzers/flow/sensitivity.h"
#include "analyzers/flow_graph.h"
#include "analyzers/input_file.h"

namespace ccscan::analyzers {
struct SniffInput;
}

namespace ccscan::analyzers::flow {

std::vector<FlowGraph> build_amazon_connect(const InputFile& file, const Document& doc, const SensitivityLexicon& lex,
                                            std::vector<Diagnostic>& notes);
std::vector<FlowGraph> build_amazon_connect_legacy(const InputFile& file, const Document& doc,
                                                   const SensitivityLexicon& lex, std::vector<Diagnostic>& notes);

// One flow-language or legacy root (object) into a graph named `name`. When `embed_span` is
// known, every node takes it as its span (the JSON string the flow is embedded in).
FlowGraph build_connect_root(const Node& root, const std::string& path, const std::string& name,
                             const Span& embed_span, const SensitivityLexicon& lex, std::vector<Diagnostic>& notes);


// Content signature (format table): JSON flow language: `StartAction` or an `Actions` list, with `Version`/`StartAction` and typed actions.
bool sniff_amazon_connect(const SniffInput& in);

}  // namespace ccscan::analyzers::flow
