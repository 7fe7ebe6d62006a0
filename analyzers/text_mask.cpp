#include "analyzers/text_mask.h"

#include <vector>

namespace ccscan::analyzers {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_separator(char c) { return c == ' ' || c == '-'; }

// A run starting at `begin`: digits joined by single separators. Returns its end (one past the
// last digit) and the positions of its digits.
std::size_t scan_run(std::string_view text, std::size_t begin, std::vector<std::size_t>& digits) {
    digits.clear();
    std::size_t i = begin, end = begin;
    while (i < text.size()) {
        if (is_digit(text[i])) {
            digits.push_back(i);
            end = ++i;
        } else if (is_separator(text[i]) && i + 1 < text.size() && is_digit(text[i + 1]) && !digits.empty()) {
            ++i;
        } else {
            break;
        }
    }
    return end;
}

// Calls `on_run(digit positions)` for every run of at least k_masked_digit_run digits; stops
// early when it returns false.
template <typename OnRun>
void for_each_long_run(std::string_view text, OnRun on_run) {
    std::vector<std::size_t> digits;
    for (std::size_t i = 0; i < text.size();) {
        if (!is_digit(text[i])) {
            ++i;
            continue;
        }
        i = scan_run(text, i, digits);
        if (digits.size() >= k_masked_digit_run && !on_run(digits)) return;
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

}  // namespace ccscan::analyzers
