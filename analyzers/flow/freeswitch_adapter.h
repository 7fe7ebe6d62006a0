// FreeSWITCH XML dialplan adapter: `<context name>` -> one graph per context (name = context);
// each `<extension>` is a branch from the context entry ("cond:<expression>"), its `<action>`s
// run in order, `<anti-action>`s form the alternative branch. Applications: record_session,
// stop_record_session, record_session_mask/unmask, play_and_get_digits, read, playback, log,
// info, set, export, curl, socket, bridge, transfer (to another context: a transfer node).
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

std::vector<FlowGraph> build_freeswitch(const InputFile& file, const Document& doc, const SensitivityLexicon& lex,
                                        std::vector<Diagnostic>& notes);

// Content signature (format table): a `<document>` naming freeswitch, a dialplan `<extension>` snippet, or `<include>`/`<context>`/`<section>`/`<profile>`/`<configuration>` with extensions, applications, params or gateways.
bool sniff_freeswitch(const SniffInput& in);

}  // namespace ccscan::analyzers::flow
