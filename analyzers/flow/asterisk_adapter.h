// Asterisk dialplan adapter (extensions.conf and included files), working from raw text so it
// does not depend on the INI parser: `[context]`, `exten => pattern,prio(label),App(args)`,
// `same => n(label),...`, `include => ctx`. One FlowGraph per context (name = context), with a
// synthetic entry node fanning out to each extension ("exten:<pattern>") and to included
// contexts. Edges: next priority, Goto/GotoIf (labels resolved), Gosub/Macro (call + fall
// through), Background/WaitExten menus ("dtmf:<pattern>"). Jumps into other contexts, in this
// file or any other file of the scan, are transfer nodes with `target_flow` = the context.
#pragma once

#include <string>
#include <vector>

#include "analyzers/diagnostic.h"
#include "analyzers/flow/sensitivity.h"
#include "analyzers/flow_graph.h"
#include "analyzers/input_file.h"

namespace ccscan::analyzers {
struct SniffInput;
}

namespace ccscan::analyzers::flow {

std::vector<FlowGraph> build_asterisk_dialplan(const InputFile& file, const SensitivityLexicon& lex,
                                               std::vector<Diagnostic>& notes);

// Content signature (format table): `exten =>` / `same =>` lines.
bool sniff_asterisk_dialplan(const SniffInput& in);

}  // namespace ccscan::analyzers::flow
