// Twilio Studio adapter: flow definitions (`states`, `initial_state`), current kebab-case widget
// types and legacy PascalCase exports (`Gather`, `Pay`, `Record`, `SayPlay`, ...). Variables are
// Liquid references: `{{widgets.<name>.Digits}}`, `{{flow.variables.<x>}}`, `{{trigger.call.From}}`.
#pragma once

#include <string>
#include <vector>

#include "analyzers/document.h"
#include "analyzers/flow/sensitivity.h"
#include "analyzers/flow_graph.h"
#include "analyzers/input_file.h"

namespace ccscan::analyzers {
struct SniffInput;
}

namespace ccscan::analyzers::flow {

std::vector<FlowGraph> build_twilio_studio(const InputFile& file, const Document& doc, const SensitivityLexicon& lex,
                                           std::vector<Diagnostic>& notes);
FlowGraph build_studio_root(const Node& root, const std::string& path, const std::string& name, const Span& embed_span,
                            const SensitivityLexicon& lex, std::vector<Diagnostic>& notes);

// Liquid references in `text` ("{{widgets.card.Digits | upcase}}" -> "widgets.card.Digits").
void liquid_refs(std::string_view text, std::vector<std::string>& out);

// Content signature (format table): `initial_state` or the Studio schema URL, or `states` with `transitions`.
bool sniff_twilio_studio(const SniffInput& in);

}  // namespace ccscan::analyzers::flow
