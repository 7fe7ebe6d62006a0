#include "analyzers/flow_graph.h"

#include <array>

namespace ccscan::analyzers {

namespace {

template <std::size_t N>
bool parse_name(const std::array<std::string_view, N>& names, std::string_view text, std::size_t& out) {
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] == text) {
            out = i;
            return true;
        }
    }
    return false;
}

std::string text(std::string_view s) { return std::string(s); }
std::string boolean(const std::optional<bool>& b) { return b ? (*b ? "true" : "false") : ""; }
std::string flag(bool b) { return b ? "true" : ""; }
std::string sensitivity(Sensitivity s) { return s == Sensitivity::none ? "" : std::string(to_string(s)); }

constexpr std::array<std::string_view, 3> k_message_names = {"", "sms", "email"};
constexpr std::array<std::string_view, 4> k_persist_names = {"", "true", "cdr", "participant_data"};

}  // namespace

std::string_view to_string(FlowKind kind) { return k_flow_kind_names[static_cast<std::size_t>(kind)]; }

bool parse_flow_kind(std::string_view text, FlowKind& out) {
    std::size_t i = 0;
    if (!parse_name(k_flow_kind_names, text, i)) return false;
    out = static_cast<FlowKind>(i);
    return true;
}

std::string_view to_string(Sensitivity s) { return k_sensitivity_names[static_cast<std::size_t>(s)]; }

bool parse_sensitivity(std::string_view text, Sensitivity& out) {
    std::size_t i = 0;
    if (!parse_name(k_sensitivity_names, text, i)) return false;
    out = static_cast<Sensitivity>(i);
    return true;
}

std::string_view to_string(Switch s) { return k_switch_names[static_cast<std::size_t>(s)]; }
std::string_view to_string(Recording r) { return k_recording_names[static_cast<std::size_t>(r)]; }
std::string_view to_string(Analytics a) { return k_analytics_names[static_cast<std::size_t>(a)]; }
std::string_view to_string(MessageChannel m) { return k_message_names[static_cast<std::size_t>(m)]; }
std::string_view to_string(Persist p) { return k_persist_names[static_cast<std::size_t>(p)]; }

const std::vector<NodeFact>& node_facts() {
    static const std::vector<NodeFact> k_facts = {
        {"recording", [](const FlowNode& n) { return text(to_string(n.actions.recording)); }},
        {"ivr_recording", [](const FlowNode& n) { return text(to_string(n.actions.ivr_recording)); }},
        {"analytics", [](const FlowNode& n) { return text(to_string(n.actions.analytics)); }},
        {"logging", [](const FlowNode& n) { return text(to_string(n.actions.logging)); }},
        {"streaming", [](const FlowNode& n) { return text(to_string(n.actions.streaming)); }},
        {"hold", [](const FlowNode& n) { return text(to_string(n.actions.hold)); }},
        {"voicemail", [](const FlowNode& n) { return flag(n.voicemail); }},
        {"transcribe", [](const FlowNode& n) { return boolean(n.transcribe); }},
        {"recording_file", [](const FlowNode& n) { return n.recording_file; }},
        {"prompt_text", [](const FlowNode& n) { return n.prompt_text; }},
        {"prompt", [](const FlowNode& n) { return n.prompt_file; }},
        {"prompt_id", [](const FlowNode& n) { return n.prompt_id; }},
        {"store_input", [](const FlowNode& n) { return boolean(n.input.store); }},
        {"encrypted", [](const FlowNode& n) { return boolean(n.input.encrypted); }},
        {"max_digits", [](const FlowNode& n) { return n.input.max_digits ? std::to_string(n.input.max_digits) : ""; }},
        {"record_utterance", [](const FlowNode& n) { return boolean(n.input.record_utterance); }},
        {"obfuscated", [](const FlowNode& n) { return boolean(n.input.obfuscated); }},
        {"url", [](const FlowNode& n) { return n.url; }},
        {"stream_url", [](const FlowNode& n) { return n.stream_url; }},
        {"method", [](const FlowNode& n) { return n.method; }},
        {"message", [](const FlowNode& n) { return text(to_string(n.message)); }},
        {"personal_data", [](const FlowNode& n) { return sensitivity(n.personal_data); }},
        {"reads_back", [](const FlowNode& n) { return sensitivity(n.reads_back); }},
        {"bot_slot", [](const FlowNode& n) { return n.bot_slot; }},
        {"bot_slot_sensitivity", [](const FlowNode& n) { return sensitivity(n.bot_slot_sensitivity); }},
        {"persist", [](const FlowNode& n) { return text(to_string(n.persist)); }},
        {"sensitive_key", [](const FlowNode& n) { return n.sensitive_key; }},
        {"target_flow", [](const FlowNode& n) { return n.transfer.flow; }},
        {"target_node", [](const FlowNode& n) { return n.transfer.node; }},
        {"secure", [](const FlowNode& n) { return flag(n.transfer.secure); }},
        {"log", [](const FlowNode& n) { return flag(n.log); }},
    };
    return k_facts;
}

std::string node_prop(const FlowNode& node, std::string_view name) {
    for (const NodeFact& f : node_facts()) {
        if (f.name == name) return f.get(node);
    }
    auto it = node.raw.find(std::string(name));
    return it == node.raw.end() ? std::string() : it->second;
}

void for_each_prop(const FlowNode& node, const std::function<void(std::string_view, const std::string&)>& fn) {
    for (const NodeFact& f : node_facts()) {
        std::string v = f.get(node);
        if (!v.empty()) fn(f.name, v);
    }
    for (const auto& [k, v] : node.raw) {
        if (!v.empty()) fn(k, v);
    }
}

}  // namespace ccscan::analyzers
