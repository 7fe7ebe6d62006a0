// Tamper evidence for the native JSON report. render_json adds an `integrity` member computed
// over the rest of the document; `ccscan verify` recomputes it (check_integrity) and names what
// no longer matches.
//
//   "integrity": {
//     "algorithm": "sha256",
//     "canonical": "json-sorted-keys-compact",  // the document without `integrity`, keys sorted,
//                                               // no whitespace, as nlohmann::json::dump() writes it
//     "digest": "<64 hex>",                      // SHA-256 of that canonical text
//     "sections": {"findings": "<16 hex>", ...}, // SHA-256 (first 16 hex) of each top-level member
//     "findings": ["<16 hex>", ...],             // one per finding, in report order
//     "inventory": ["<16 hex>", ...],            // one per inventory entry (path, status, sha256)
//     "signature": {"algorithm": "hmac-sha256", "key_id": "<16 hex>", "value": "<64 hex>"}
//   }
//
// The digest covers every finding, status, input hash (inventory) and pack hash. It detects
// accidental and naive edits only: anyone can recompute it after editing. The signature
// (HMAC-SHA256 of the digest under a key given with `--sign-key FILE`) is what proves that the
// report is the one written by a holder of the key; `key_id` (SHA-256 of the key, first 16 hex)
// tells a wrong key from an edit. See docs/json-format.md.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyzers/hash.h"

namespace ccscan::reporters {

// The `integrity` member for `doc` (a report document without one). `sign_key` empty: no
// signature.
nlohmann::ordered_json integrity_of(const nlohmann::ordered_json& doc, std::string_view sign_key);

// The same member computed without the document: render_json gives it the report's top-level
// members in canonical order (sorted by name), each whole or, for the long arrays, an item at a
// time; only the canonical text of one item is held. Items are nlohmann::json values, whose
// sorted keys are the canonical order.
class IntegrityBuilder {
public:
    void section(std::string_view name, const nlohmann::json& value);
    void begin_items(std::string_view name);  // a member that is an array
    void item(const nlohmann::json& value);
    void end_items();
    // The `integrity` member; call once, after the last section.
    nlohmann::ordered_json finish(std::string_view sign_key);

private:
    void begin(std::string_view name);
    void add(std::string_view text);  // to the document's and the current section's digests

    analyzers::Sha256 m_document;
    std::optional<analyzers::Sha256> m_section;
    std::string m_name;
    bool m_first_section = true, m_first_item = true;
    std::vector<std::pair<std::string, std::string>> m_sections;
    std::vector<std::string> m_findings, m_inventory;
};

struct IntegrityResult {
    bool present = false;    // the report has an `integrity` member
    bool signed_report = false;
    bool signature_checked = false;  // a key was given and the report is signed
    std::vector<std::string> problems;  // empty: intact (and, with a key, signed by it)
};

// Checks the report text (as written by render_json). `sign_key` empty: the signature, if any,
// is not checked (and that is not a problem); non-empty: the report must be signed with it.
IntegrityResult check_integrity(std::string_view report_text, std::string_view sign_key);

}  // namespace ccscan::reporters
