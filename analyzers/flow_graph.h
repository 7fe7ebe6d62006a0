// FlowGraph: the one normalized IVR model for every platform (Amazon Connect, Twilio Studio and
// TwiML, Genesys Archy, Asterisk, FreeSWITCH, VoiceXML/CCXML, Vonage NCCO).
//
// A graph owns its nodes and edges; node indices are stable. Adapters (analyzers/flow/*) build
// graphs from Documents or text; the flow analysis (rules/flow/*) reads them. The contract
// between the two is the typed fields of FlowNode; rule packs name the same facts as strings
// (`props: {store_input: "true"}`, `{{prop.url}}`), and `node_facts()` is the one table that maps
// each name to its field (docs/flow-model.md lists them).
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/diagnostic.h"

namespace ccscan::analyzers {

enum class FlowKind : std::uint8_t {
    entry, prompt, collect_input, payment_capture, recording, analytics, logging, streaming,
    set_data, invoke, transfer, bot, hold, end, other
};
inline constexpr std::array<std::string_view, 15> k_flow_kind_names = {
    "entry", "prompt", "collect_input", "payment_capture", "recording", "analytics", "logging", "streaming",
    "set_data", "invoke", "transfer", "bot", "hold", "end", "other"};
std::string_view to_string(FlowKind kind);
bool parse_flow_kind(std::string_view text, FlowKind& out);

enum class Sensitivity : std::uint8_t {
    none, pan, cvv, expiry, pin, ssn, bank_account, dob, phone, email
};
inline constexpr std::array<std::string_view, 10> k_sensitivity_names = {
    "none", "pan", "cvv", "expiry", "pin", "ssn", "bank_account", "dob", "phone", "email"};
std::string_view to_string(Sensitivity s);
bool parse_sensitivity(std::string_view text, Sensitivity& out);

// What a node does to a channel setting the flow analysis tracks; `unset`: it leaves it as is.
// The names after `unset` are the state values of the analysis, in order (index 0 = default).
enum class Switch : std::uint8_t { unset, off, on };
enum class Recording : std::uint8_t { unset, off, on, paused };
enum class Analytics : std::uint8_t { unset, off, on, redacted };  // on = unredacted
inline constexpr std::array<std::string_view, 3> k_switch_names = {"", "off", "on"};
inline constexpr std::array<std::string_view, 4> k_recording_names = {"", "off", "on", "paused"};
inline constexpr std::array<std::string_view, 4> k_analytics_names = {"", "off", "on", "redacted"};
std::string_view to_string(Switch s);
std::string_view to_string(Recording r);
std::string_view to_string(Analytics a);

enum class MessageChannel : std::uint8_t { none, sms, email };
// Data kept beyond the flow: Connect contact attributes ("true"), Asterisk CDR, Archy participant data.
enum class Persist : std::uint8_t { none, attributes, cdr, participant_data };
std::string_view to_string(MessageChannel m);
std::string_view to_string(Persist p);

// Settings of the channel a node changes (all `unset` for most nodes).
struct ChannelActions {
    Recording recording = Recording::unset;
    Switch ivr_recording = Switch::unset;  // Connect IVRRecordingBehavior
    Analytics analytics = Analytics::unset;
    Switch logging = Switch::unset;  // flow logging (a log statement is FlowNode::log)
    Switch streaming = Switch::unset;
    Switch hold = Switch::unset;  // agent on hold
};

// How a collect_input (or payment_capture) node takes its input, and what the input is.
struct InputSpec {
    int max_digits = 0;  // 0: not given
    // The data class of the input, from the node's words and names, else from its digit count
    // (analyzers/flow/sensitivity.h).
    Sensitivity sensitivity = Sensitivity::none;
    std::optional<bool> store;      // Connect StoreInput (the input outlives the block)
    std::optional<bool> encrypted;  // Connect InputEncryption / legacy EncryptEntry
    std::optional<bool> record_utterance;  // VoiceXML recordutterance in scope
    std::optional<bool> obfuscated;        // Lex slot obfuscation (the value is masked in logs)
};

// A transfer into another flow (resolved over the whole scan by the flow analysis).
struct Transfer {
    std::string flow;  // target flow name / ARN tail / context
    std::string node;  // target node id inside it (Asterisk "ctx,exten,prio"), or empty
    bool secure = false;  // Archy transferToFlowSecure
};

struct FlowNode {
    std::string id;             // platform identifier (action Identifier, state name, "ctx,exten,prio")
    std::string platform_type;  // e.g. "GetParticipantInput", "gather-input-on-call", "Read"
    FlowKind kind = FlowKind::other;
    std::string label;          // short human description for paths and graphs

    // Normalized facts (docs/flow-model.md). Empty strings / unset values: not given.
    std::string prompt_text;  // what the caller hears (TTS, SSML, sound file names as words)
    std::string prompt_file;  // sound file (Asterisk/FreeSWITCH)          [prop: prompt]
    std::string prompt_id;    // Connect PromptId
    ChannelActions actions;
    InputSpec input;
    std::string url;         // first URL the node talks to
    std::string stream_url;  // where a media stream goes (streaming nodes)
    std::string method;  // HTTP method
    Transfer transfer;
    MessageChannel message = MessageChannel::none;  // sends an SMS / e-mail
    Sensitivity personal_data = Sensitivity::none;  // personal data a message carries
    Sensitivity reads_back = Sensitivity::none;     // sensitive value a prompt reads back to the caller
    std::string bot_slot;                           // a Lex slot with a sensitive name the node reads
    Sensitivity bot_slot_sensitivity = Sensitivity::none;
    Persist persist = Persist::none;
    bool voicemail = false;  // records the caller's message (no effect on the recording state)
    std::optional<bool> transcribe;
    std::string recording_file;  // file name template of a recording
    bool log = false;            // a log statement (Asterisk Verbose, VoiceXML <log>)
    std::string sensitive_key;   // an attribute/variable with a sensitive name (`cardNumber`)
    // The platform's own parameters that have no normalized meaning, kept for rules that need
    // them (Connect `function`, Archy `flow_type`, Studio `payment_connector`/`flex`/`secret`,
    // Connect `recorded_participants`, Asterisk `command`, Lex `slot_type`). Keys must not be node_facts() names.
    std::map<std::string, std::string> raw;

    std::vector<std::string> reads;   // variables/attributes read
    std::vector<std::string> writes;  // variables/attributes written
    Span span;
};

// The string name rule packs use for each typed fact, with its value as text ("" = absent).
struct NodeFact {
    std::string_view name;
    std::string (*get)(const FlowNode&);
};
const std::vector<NodeFact>& node_facts();
// A fact by name (node_facts(), then FlowNode::raw); "" when the node has none.
std::string node_prop(const FlowNode& node, std::string_view name);
// Every fact the node has (non-empty), typed ones first, then raw.
void for_each_prop(const FlowNode& node, const std::function<void(std::string_view, const std::string&)>& fn);

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
