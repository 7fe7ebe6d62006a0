#include "reporters/names.h"

#include <array>

namespace ccscan::reporters {

using analyzers::DiagnosticLevel;
using rules::ControlStatus;
using rules::FileStatus;
using rules::SuppressionKind;

std::string_view to_string(SuppressionKind kind) {
    switch (kind) {
        case SuppressionKind::none: return "none";
        case SuppressionKind::inline_comment: return "inline";
        case SuppressionKind::waiver: return "waiver";
        case SuppressionKind::baseline: return "baseline";
    }
    return "none";
}

std::string_view to_string(DiagnosticLevel level) {
    switch (level) {
        case DiagnosticLevel::error: return "error";
        case DiagnosticLevel::warning: return "warning";
        case DiagnosticLevel::note: return "note";
    }
    return "error";
}

namespace {

// Finds the enum value whose name is `text` among `all`, using the matching to_string.
template <class Enum, std::size_t N, class Name>
std::optional<Enum> parse_among(std::string_view text, const std::array<Enum, N>& all, Name name) {
    for (Enum e : all) {
        if (name(e) == text) return e;
    }
    return std::nullopt;
}

}  // namespace

std::optional<SuppressionKind> parse_suppression_kind(std::string_view text) {
    constexpr std::array all{SuppressionKind::none, SuppressionKind::inline_comment, SuppressionKind::waiver,
                             SuppressionKind::baseline};
    return parse_among(text, all, [](SuppressionKind k) { return to_string(k); });
}

std::optional<DiagnosticLevel> parse_diagnostic_level(std::string_view text) {
    constexpr std::array all{DiagnosticLevel::error, DiagnosticLevel::warning, DiagnosticLevel::note};
    return parse_among(text, all, [](DiagnosticLevel l) { return to_string(l); });
}

std::optional<FileStatus> parse_file_status(std::string_view text) {
    constexpr std::array all{FileStatus::scanned, FileStatus::skipped, FileStatus::failed};
    return parse_among(text, all, [](FileStatus s) { return rules::to_string(s); });
}

std::optional<ControlStatus> parse_control_status(std::string_view text) {
    constexpr std::array all{ControlStatus::fail, ControlStatus::pass, ControlStatus::not_applicable,
                             ControlStatus::manual, ControlStatus::waived};
    return parse_among(text, all, [](ControlStatus s) { return rules::to_string(s); });
}

std::string_view status_label(ControlStatus status) {
    return status == ControlStatus::not_applicable ? "n/a" : rules::to_string(status);
}

}  // namespace ccscan::reporters
