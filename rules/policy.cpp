#include "rules/policy.h"

#include <cstdlib>

namespace ccscan::rules {

const std::vector<PolicyParameter>& policy_parameters() {
    static const std::vector<PolicyParameter> k_params = {
        {"max_retention_days", "Longest retention, in days, for call recordings, transcripts and contact-center data stores", {"365"}, false},
        {"max_recording_retention_days", "Longest retention, in days, for call and screen recordings", {"365"}, false},
        {"max_transcript_retention_days", "Longest retention, in days, for chat and call transcripts", {"365"}, false},
        {"max_media_stream_retention_hours", "Longest retention, in hours, for live media streams (Kinesis Video Streams)", {"24"}, false},
        {"min_log_retention_days", "Shortest retention, in days, for audit and flow logs (PCI DSS 10.5.1: 365)", {"365"}, false},
        {"allowed_regions", "Regions where contact-center data may be stored or processed", {"us-east-1", "us-west-2", "eu-west-1", "eu-west-2", "eu-central-1"}, true},
        {"approved_endpoints", "Host names (globs) of third parties flows and code may send data to", {}, true},
        {"notice_prompts", "Regular expressions (RE2, case-insensitive) that identify a recording/privacy notice in prompt text or prompt names", {"(?i)(this call|calls?) (may|will) be (recorded|monitored)", "(?i)recorded for (quality|training)", "(?i)privacy (notice|policy)", "(?i)recording[ _-]?(notice|disclaimer|announcement|warning)", "(?i)grabad[ao]", "(?i)enregistr", "(?i)aufgezeichnet", "(?i)gravad[ao]"}, true},
        {"consent_prompts", "Regular expressions that identify a consent question (the caller answers yes or no)", {"(?i)(do you|press .* to) (consent|agree)", "(?i)consent to (be recorded|recording)"}, true},
        {"sensitive_words", "Extra words that mark a variable, slot or prompt as sensitive, as CLASS:word (e.g. pan:cardnum)", {}, true},
        {"test_card_numbers", "Treat well-known test card numbers (4111 1111 1111 1111, ...) as test data, not leaks", {"true"}, false},
    };
    return k_params;
}

Policy::Policy() {
    for (const PolicyParameter& p : policy_parameters()) m_values[p.name] = p.default_value;
}

void Policy::set(const std::string& name, std::vector<std::string> values) {
    m_values[name] = std::move(values);
}

std::optional<std::string> Policy::scalar(std::string_view name) const {
    auto it = m_values.find(name);
    if (it == m_values.end() || it->second.empty()) return std::nullopt;
    return it->second.front();
}

std::vector<std::string> Policy::list(std::string_view name) const {
    auto it = m_values.find(name);
    return it == m_values.end() ? std::vector<std::string>{} : it->second;
}

std::optional<double> Policy::number(std::string_view name) const {
    auto v = scalar(name);
    if (!v) return std::nullopt;
    char* end = nullptr;
    double d = std::strtod(v->c_str(), &end);
    if (end == v->c_str()) return std::nullopt;
    return d;
}

bool Policy::has(std::string_view name) const { return m_values.find(name) != m_values.end(); }

std::string Policy::canonical() const {
    std::string out;
    for (const auto& [name, values] : m_values) {
        out += std::to_string(name.size()) + ":" + name + "=" + std::to_string(values.size());
        for (const std::string& v : values) out += "," + std::to_string(v.size()) + ":" + v;
        out += ";";
    }
    return out;
}

}  // namespace ccscan::rules
