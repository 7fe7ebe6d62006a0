// Amazon Lex adapter: a bot export becomes a small graph named after the bot, so that a
// Connect flow that hands the caller to the bot (a bot node whose `target_flow` is the bot's
// name) continues into the bot's slots with the flow's state (recording on or off).
//
// Lex V2 exports keep one slot per file (`<Bot>/BotLocales/<locale>/Intents/<Intent>/Slots/
// <Slot>/Slot.json`): the bot is the folder above `BotLocales`. Lex V1 exports hold every
// intent and slot in one file (`resource.name`, `resource.intents[].slots[]`). Each slot is a
// node of kind `bot` (platform type `LexSlot`) whose sensitivity comes from the slot's name, then
// its slot type, then its elicitation prompt; prop `obfuscated` says whether Lex masks the value
// in conversation logs. Files without slots (Bot.json, locales) give no graph.
#pragma once

#include <vector>

#include "analyzers/document.h"
#include "analyzers/flow/sensitivity.h"
#include "analyzers/flow_graph.h"
#include "analyzers/input_file.h"

namespace ccscan::analyzers::flow {

std::vector<FlowGraph> build_amazon_lex(const InputFile& file, const Document& doc, const SensitivityLexicon& lex,
                                        std::vector<Diagnostic>& notes);

}  // namespace ccscan::analyzers::flow
