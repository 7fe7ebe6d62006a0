// Masking of digit runs in free text: the last line of defence between what a scanned file says
// (a prompt that reads out a card number, a URL with an SSN in its query, a log call with a
// phone number) and anything ccscan prints. Every run of nine or more digits, possibly split by
// single spaces or dashes, is masked: card-number length runs (13+ digits) keep at most the
// first six and last four digits, shorter runs (SSNs, phone numbers, account numbers) only the
// last four. Separators are kept so the text stays readable. Runs inside identifiers or hex
// (a digit run touching a letter) are masked too: a card number glued to a word is still one.
#pragma once

#include <string>
#include <string_view>

namespace ccscan::analyzers {

inline constexpr std::size_t k_masked_digit_run = 9;

std::string mask_digit_runs(std::string_view text);

// True when mask_digit_runs would change `text`.
bool has_maskable_digit_run(std::string_view text);

}  // namespace ccscan::analyzers
