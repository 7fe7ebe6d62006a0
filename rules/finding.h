// Finding: one rule violation at one exact location.
//
// Redacted by construction: `evidence` is only ever filled through rules/redact.h (masked PAN,
// secret type and length); matchers never copy a raw matched value into any field.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analyzers/diagnostic.h"
#include "analyzers/input_file.h"
#include "rules/severity.h"

namespace ccscan::rules {

struct Location {
    std::string path;  // relative to the scan root
    analyzers::Span span;
    friend auto operator<=>(const Location&, const Location&) = default;
    friend bool operator==(const Location&, const Location&) = default;
};

// One step of a counterexample path (flow) or taint trace (code).
struct PathStep {
    Location location;
    std::string message;  // "GetParticipantInput 'Card number' (collect_input, pan) - recording: on"
};

enum class SuppressionKind { none, inline_comment, waiver, baseline };

struct Suppression {
    SuppressionKind kind = SuppressionKind::none;
    std::string reason;
    std::string expires;   // YYYY-MM-DD or empty
    std::string approver;  // waivers only
    Location where;        // the comment or the config entry
};

struct Finding {
    std::string rule_id;
    Severity severity = Severity::medium;
    std::string message;
    Location location;
    std::vector<Location> related;
    std::vector<PathStep> path;  // flow/taint path, entry first
    std::vector<std::string> controls;
    // Class of the data the finding is about (pan, cvv, ssn, ..., "none"; "" unknown), set by the
    // matcher; decides the rule's conditional controls (rules/rule_controls.h).
    std::string sensitivity;
    std::string evidence;     // masked preview, may be empty
    std::string fingerprint;  // stable, content-based (see rules/fingerprint.h)
    // Matchers set this: a location-independent description of the offending thing (a structural
    // path such as "Actions[Identifier=store-card].Parameters.StoreInput", a normalized code
    // snippet, a keyed hash of a detected value). The engine turns it into `fingerprint`.
    std::string fingerprint_key;
    std::string remediation;
    // Matchers may suggest a shift of the rule's severity (content rules: -1 in test files or
    // next to "test"/"example" words, +1 next to raising context words); the engine applies it
    // when it sets `severity`, clamped to info..critical.
    int severity_delta = 0;
    std::string format;  // format id of the file
    std::optional<analyzers::GitOrigin> origin;
    Suppression suppression;
};

// Total order used for deterministic output: path, line, column, rule, message, fingerprint.
bool finding_less(const Finding& a, const Finding& b);

}  // namespace ccscan::rules
