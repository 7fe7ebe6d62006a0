// The content detector catalogue (rules/data/detectors.yaml, embedded at build time) and the
// scanner that runs a set of detectors over a file's text in one pass.
//
// ContentScanner compiles every pattern of its detectors into one RE2::Set (when first needed;
// each pattern's RE2 is compiled once per process and shared); a scan first asks the
// set which patterns occur at all, then walks only those patterns' matches and runs their
// validators (Luhn + brand, SSN rules, IBAN mod-97, entropy...) on the candidates. RE2 gives
// linear time; all classes are ASCII. A Detection never holds the raw value: only its offsets,
// a masked preview (rules/redact.h) and a keyed hash of the normalized value.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

#include "analyzers/diagnostic.h"
#include "rules/content/value_checks.h"

namespace ccscan::rules::content {

struct DetectorSpec {
    std::string id;
    std::string description;
    std::string regex;
    // Resolved from their names when the catalogue / pack loads (rules/content/value_checks.h).
    const Validator* validator = &default_validator();  // luhn_pan | ssn | iban | phone | email | entropy | none
    const Mask* mask = &default_mask();                 // secret | pan | ssn | iban | phone | email
    std::vector<std::string> context;
    bool context_required = false;
    std::vector<std::shared_ptr<const RE2>> ignore;
};

struct Catalog {
    std::vector<DetectorSpec> detectors;
    std::set<std::string, std::less<>> test_cards;  // digits only
    std::vector<std::string> test_paths;
    const DetectorSpec* find(std::string_view id) const;
};

// Parses a catalogue; errors carry the YAML file's line and column.
analyzers::Result<Catalog> parse_catalog(std::string_view yaml, const std::string& path);
// The built-in catalogue, parsed once (it is tested: a broken built-in file fails the tests).
const Catalog& builtin_catalog();

struct Detection {
    const DetectorSpec* detector = nullptr;
    std::size_t begin = 0, end = 0;  // byte offsets of the value in the text
    std::string evidence;            // masked
    std::string value_hash;          // keyed hash of the normalized value (empty without a key)
    std::string brand;               // card brand for PANs
    bool context = false;            // a context word was near
    bool test_value = false;         // a well-known test card number
};

class ContentScanner : public std::enable_shared_from_this<ContentScanner> {
public:
    // `specs` must outlive the scanner. Fails when a pattern does not compile.
    static analyzers::Result<std::shared_ptr<const ContentScanner>> build(std::vector<const DetectorSpec*> specs);
    // One scanner for the detectors of several (each detector once), so that the content rules
    // that apply to one file share one pass over its text. Built once per distinct set of parts
    // and kept while they live; null when the union does not compile (the caller then scans with
    // each part on its own). The parts' detector specs must outlive its use.
    static std::shared_ptr<const ContentScanner> union_of(const std::vector<const ContentScanner*>& parts);
    // Position of `d` among this scanner's detectors, or npos: a rule keeps from a shared pass
    // the detections of its own detectors, in the order its own scan would give them.
    std::size_t index_of(const DetectorSpec* d) const;

    // Detections in text order.
    // `hash_key`: key of the keyed hash in secret previews (empty: none).
    std::vector<Detection> scan(std::string_view text, const std::set<std::string, std::less<>>& test_cards,
                                std::string_view hash_key = {}) const;
    // Cheap: true when any pattern occurs at all.
    bool any(std::string_view text) const;

private:
    ContentScanner() = default;
    void scan_one(std::size_t index, std::string_view text, const std::set<std::string, std::less<>>& test_cards,
                  std::string_view hash_key, std::vector<Detection>& out) const;
    // The set, compiled on first need: null while a text is better searched with each pattern on
    // its own (a scanner's first few short texts; compiling the set costs more than they do) or
    // when the set does not compile. Both ways find the same patterns.
    const RE2::Set* set_for(std::string_view text) const;
    std::vector<const DetectorSpec*> m_specs;
    std::vector<std::shared_ptr<const RE2>> m_res;  // shared by every scanner of the same pattern
    mutable std::once_flag m_set_once;
    mutable std::unique_ptr<RE2::Set> m_set;
    mutable std::atomic<bool> m_set_ready{false};
    mutable std::atomic<std::size_t> m_small_scans{0};
};

// True when `word` (lower-case) occurs in `lowered` not preceded by a letter.
bool has_context_word(std::string_view lowered, const std::vector<std::string>& words);

}  // namespace ccscan::rules::content
