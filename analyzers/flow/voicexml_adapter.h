// VoiceXML 2.1 and CCXML adapters. VoiceXML: forms and their items (<block>, <field>, <record>,
// <transfer>, <subdialog>) in document order; <goto next="#id"> and <submit> leave the form;
// <log>, <submit namelist>, <data namelist> read variables; `<property name="recordutterance">`
// marks the fields in its scope. CCXML: each <transition> is a branch from the entry with its
// event; <dialogstart src>, <createcall>, <send>, <log> are nodes.
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

std::vector<FlowGraph> build_voicexml(const InputFile& file, const Document& doc, const SensitivityLexicon& lex,
                                      std::vector<Diagnostic>& notes);
std::vector<FlowGraph> build_ccxml(const InputFile& file, const Document& doc, const SensitivityLexicon& lex,
                                   std::vector<Diagnostic>& notes);

// Content signature (format table): a `<vxml>` / `<ccxml>` root.
bool sniff_voicexml(const SniffInput& in);
bool sniff_ccxml(const SniffInput& in);

}  // namespace ccscan::analyzers::flow
