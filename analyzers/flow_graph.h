// FlowGraph: the one normalized IVR model for every platform (Amazon Connect, Twilio Studio and
// TwiML, Genesys Archy, Asterisk, FreeSWITCH, VoiceXML/CCXML, Vonage NCCO).
//
// A graph owns its nodes and edges; node indices are stable. Adapters (analyzers/flow/*) build
// graphs from Documents or text; the flow analysis (rules/flow/*) reads them.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/diagnostic.h"

namespace ccscan::analyzers {

enum class FlowKind : std::uint8_t {
    entry, prompt, collect_input, payment_capture, recording, analytics, logging, streaming,
    set_data, invoke, transfer, bot, hold, end, other
};
std::string_view to_string(FlowKind kind);
bool parse_flow_kind(std::string_view text, FlowKind& out);

enum class Sensitivity : std::uint8_t {
    none, pan, cvv, expiry, pin, ssn, bank_account, dob, phone, email
};
std::string_view to_string(Sensitivity s);
bool parse_sensitivity(std::string_view text, Sensitivity& out);

struct FlowNode {
    std::string id;             // platform identifier (action Identifier, state name, "ctx,exten,prio")
    std::string platform_type;  // e.g. "GetParticipantInput", "gather-input-on-call", "Read"
    FlowKind kind = FlowKind::other;
    std::string label;          // short human description for paths and graphs
    std::map<std::string, std::string> props;  // normalized properties (see docs/flow-model.md)
    std::vector<std::string> reads;   // variables/attributes read
    std::vector<std::string> writes;  // variables/attributes written
    Sensitivity sensitivity = Sensitivity::none;
    Span span;
};

struct FlowEdge {
    std::uint32_t from = 0;
    std::uint32_t to = 0;
    std::string condition;  // "" (unconditional), "dtmf:1", "error:NoMatchingError", "timeout", ...
};

struct FlowGraph {
    std::string path;      // file the flow came from (relative to the scan root)
    std::string platform;  // format id of the platform (e.g. "amazon-connect-flow")
    std::string name;      // flow name, context name, form id
    std::uint32_t entry = 0;
    std::vector<FlowNode> nodes;
    std::vector<FlowEdge> edges;
    std::vector<Diagnostic> notes;  // constructs the adapter did not understand
    // Files this graph's file pulls in, as written (Asterisk `#include`/`#tryinclude`, FreeSWITCH
    // `X-PRE-PROCESS cmd="include"`): files linked this way are one configuration unit, and a
    // jump resolves inside its own unit first (rules/flow/flow_analysis.h).
    std::vector<std::string> includes;
};

}  // namespace ccscan::analyzers
