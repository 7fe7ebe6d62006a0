// Strict reading of pack YAML (as a Document with spans): typed getters and key checks that turn
// every mistake into a Diagnostic `FILE:LINE:COL: message (did you mean '...')`.
// Used by the pack loader and by every matcher factory.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/diagnostic.h"
#include "analyzers/document.h"
#include "rules/matcher.h"

namespace ccscan::rules {

// The closest candidate within a small edit distance, or empty.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

// Diagnostic at `node` (its key span when it has a key, else its span).
analyzers::Diagnostic spec_error(const PackContext& ctx, const analyzers::Node& node, std::string message);

// Fails on the first key of `object` not in `allowed` (with a suggestion), or when `object` is
// not a mapping. `what` names the thing for the message ("rule CCS-X-001", "config matcher").
std::optional<analyzers::Diagnostic> check_keys(const PackContext& ctx, const analyzers::Node& object,
                                                std::initializer_list<std::string_view> allowed,
                                                std::string_view what);

// Typed getters: nullopt + diagnostic when present with the wrong type; `required` adds
// "missing key" when absent (at the parent's span).
struct SpecReader {
    const PackContext& ctx;
    std::optional<analyzers::Diagnostic> error;

    std::optional<std::string> string(const analyzers::Node& parent, std::string_view key, bool required = false);
    std::optional<std::vector<std::string>> strings(const analyzers::Node& parent, std::string_view key, bool required = false);  // scalar or list
    std::optional<double> number(const analyzers::Node& parent, std::string_view key, bool required = false);
    // A finite number in [min, max]; anything else ("1e99", ".inf", "-1") is a diagnostic naming
    // the range, so callers can convert it without overflow.
    std::optional<double> number_in(const analyzers::Node& parent, std::string_view key, double min, double max,
                                    bool required = false);
    // A whole number in [min, max] ("4", not "4.5" or "1e99"); the bounds are within +-2^53.
    std::optional<std::int64_t> integer(const analyzers::Node& parent, std::string_view key, std::int64_t min,
                                        std::int64_t max, bool required = false);
    std::optional<bool> boolean(const analyzers::Node& parent, std::string_view key, bool required = false);
    const analyzers::Node* mapping(const analyzers::Node& parent, std::string_view key, bool required = false);
    const analyzers::Node* list(const analyzers::Node& parent, std::string_view key, bool required = false);
    bool ok() const { return !error; }
    void fail(analyzers::Diagnostic d) { if (!error) error = std::move(d); }
};

}  // namespace ccscan::rules
