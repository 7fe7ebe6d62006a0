#include "analyzers/text_mask.h"

#include <vector>

namespace ccscan::analyzers {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_separator(char c) { return c == ' ' || c == '-' || c == '.'; }

// A run starting at `begin`: digits joined by single separators. Returns its end (one past the
// last digit) and the positions of its digits; `dotted` tells whether a dot joined two groups.
std::size_t scan_run(std::string_view text, std::size_t begin, std::vector<std::size_t>& digits, std::vector<std::size_t>& groups,
                     bool& dotted) {
    digits.clear();
    groups.assign(1, 0);
    dotted = false;
    std::size_t i = begin, end = begin;
    while (i < text.size()) {
        if (is_digit(text[i])) {
            digits.push_back(i);
            ++groups.back();
            end = ++i;
        } else if (is_separator(text[i]) && i + 1 < text.size() && is_digit(text[i + 1]) && !digits.empty()) {
            dotted = dotted || text[i] == '.';
            groups.push_back(0);
            ++i;
        } else {
            break;
        }
    }
    return end;
}

// Dots also join version numbers, IP addresses and decimals: a dotted run counts only when it
// is card-number long (13+ digits; an IPv4 address has at most 12) or grouped like an SSN.
bool counts(const std::vector<std::size_t>& digits, const std::vector<std::size_t>& groups, bool dotted) {
    if (digits.size() < k_masked_digit_run) return false;
    if (!dotted) return true;
    return digits.size() >= 13 || (groups.size() == 3 && groups[0] == 3 && groups[1] == 2 && groups[2] == 4);
}

// Calls `on_run(digit positions)` for every run of at least k_masked_digit_run digits; stops
// early when it returns false.
template <typename OnRun>
void for_each_long_run(std::string_view text, OnRun on_run) {
    std::vector<std::size_t> digits, groups;
    bool dotted = false;
    for (std::size_t i = 0; i < text.size();) {
        if (!is_digit(text[i])) {
            ++i;
            continue;
        }
        i = scan_run(text, i, digits, groups, dotted);
        if (counts(digits, groups, dotted) && !on_run(digits)) return;
    }
}

}  // namespace

bool has_maskable_digit_run(std::string_view text) {
    bool found = false;
    for_each_long_run(text, [&](const std::vector<std::size_t>&) {
        found = true;
        return false;  // one is enough
    });
    return found;
}

std::string mask_digit_runs(std::string_view text) {
    std::string out(text);
    for_each_long_run(text, [&](const std::vector<std::size_t>& digits) {
        const std::size_t n = digits.size();
        const std::size_t keep_head = n >= 13 ? 6 : 0;
        for (std::size_t k = keep_head; k + 4 < n; ++k) out[digits[k]] = '*';
        return true;
    });
    return out;
}

namespace {

bool is_token_char(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80 || c == '_' || c == '-' ||
           c == '+' || c == '/' || c == '=' || c == '*' || c == '.';
}

bool is_alnum(char c) { return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// A quoted value the cut would split (`password: "Winter2024x...`) loses its closing quote, and
// with it what lets a detector recognise it later: cut before the opening quote instead. A quote
// after a letter (don't) opens nothing.
std::size_t before_open_quote(std::string_view text, std::size_t cut) {
    char open = 0;
    std::size_t open_at = 0;
    for (std::size_t i = 0; i < cut; ++i) {
        const char c = text[i];
        if (open) {
            if (c == open) open = 0;
        } else if ((c == '"' || c == '\'' || c == '`') && (i == 0 || !is_alnum(text[i - 1]))) {
            open = c;
            open_at = i;
        }
    }
    return open ? open_at : cut;
}

}  // namespace

std::string shorten_masked(std::string_view text, std::size_t max) {
    std::string out = mask_digit_runs(text);
    for (char& c : out) {
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    }
    if (out.size() <= max) return out;
    std::size_t cut = max;
    // Inside a token (the character before and at the cut both belong to it): drop the token.
    if (cut > 0 && is_token_char(static_cast<unsigned char>(out[cut])) && is_token_char(static_cast<unsigned char>(out[cut - 1]))) {
        while (cut > 0 && is_token_char(static_cast<unsigned char>(out[cut - 1]))) --cut;
    }
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    cut = before_open_quote(out, cut);
    while (cut > 0 && out[cut - 1] == ' ') --cut;
    out.resize(cut);
    return out + "...";
}

}  // namespace ccscan::analyzers
