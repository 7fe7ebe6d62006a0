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

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace ccscan::reporters {

// The `integrity` member for `doc` (a report document without one). `sign_key` empty: no
// signature.
nlohmann::ordered_json integrity_of(const nlohmann::ordered_json& doc, std::string_view sign_key);

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
