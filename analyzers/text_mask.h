// Masking of digit runs in free text: the last line of defence between what a scanned file says
// (a prompt that reads out a card number, a URL with an SSN in its query, a log call with a
// phone number) and anything ccscan prints. Every run of nine or more digits, possibly split by
// single spaces, dashes or dots (dotted runs only when card-number long or grouped like an
// SSN: IP addresses and versions stay readable), is masked: card-number length runs (13+ digits) keep at most the
// first six and last four digits, shorter runs (SSNs, phone numbers, account numbers) only the
// last four. Separators are kept so the text stays readable. Runs inside identifiers or hex
// (a digit run touching a letter) are masked too: a card number glued to a word is still one.
#pragma once

#include <string>
#include <string_view>

namespace ccscan::analyzers {

inline constexpr std::size_t k_masked_digit_run = 9;

std::string mask_digit_runs(std::string_view text);

// The one way ccscan shortens a text for display (labels, messages, evidence, path steps):
// masks digit runs first, so a cut can never leave an unmasked part of a number (cutting
// "287-65-4321" first would keep 8 of its 9 digits), puts the text on one line, and cuts at
// `max` bytes before the word the cut would split (never part of a token such as a key or a
// password) and never inside a UTF-8 sequence; "..." marks a cut.
std::string shorten_masked(std::string_view text, std::size_t max);

// True when mask_digit_runs would change `text`.
bool has_maskable_digit_run(std::string_view text);

}  // namespace ccscan::analyzers
