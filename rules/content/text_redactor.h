// Masking of free text that is not a finding but quotes scanned files: flow-graph labels and
// property values (`ccscan graph`), finding messages and path steps, diagnostics. Every
// built-in content detector (card numbers, SSNs, IBANs, phones, e-mail, API keys, tokens,
// passwords) runs over the text and each value it finds is replaced by the same masked preview
// a finding would carry; then digit runs are masked (analyzers/text_mask) as a last line of
// defence. Test card numbers are masked too: nothing here is reported, only shown.
#pragma once

#include <string>
#include <string_view>

namespace ccscan::rules::content {

// `hash_key`: as ScanOptions::hash_key (secret previews carry a keyed hash only with a key).
std::string redact_text(std::string_view text, std::string_view hash_key = {});

}  // namespace ccscan::rules::content
