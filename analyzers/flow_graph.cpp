#include "analyzers/flow_graph.h"

#include <array>

namespace ccscan::analyzers {

namespace {

constexpr std::array<std::string_view, 15> k_kinds = {
    "entry", "prompt", "collect_input", "payment_capture", "recording", "analytics", "logging", "streaming",
    "set_data", "invoke", "transfer", "bot", "hold", "end", "other"};

constexpr std::array<std::string_view, 10> k_sensitivities = {
    "none", "pan", "cvv", "expiry", "pin", "ssn", "bank_account", "dob", "phone", "email"};

}  // namespace

std::string_view to_string(FlowKind kind) { return k_kinds[static_cast<std::size_t>(kind)]; }

bool parse_flow_kind(std::string_view text, FlowKind& out) {
    for (std::size_t i = 0; i < k_kinds.size(); ++i) {
        if (k_kinds[i] == text) {
            out = static_cast<FlowKind>(i);
            return true;
        }
    }
    return false;
}

std::string_view to_string(Sensitivity s) { return k_sensitivities[static_cast<std::size_t>(s)]; }

bool parse_sensitivity(std::string_view text, Sensitivity& out) {
    for (std::size_t i = 0; i < k_sensitivities.size(); ++i) {
        if (k_sensitivities[i] == text) {
            out = static_cast<Sensitivity>(i);
            return true;
        }
    }
    return false;
}

}  // namespace ccscan::analyzers
