#include "reporters/line_hash.h"

#include <array>
#include <cstdint>
#include <map>

namespace ccscan::reporters {

namespace {

constexpr std::size_t k_block = 100;
constexpr std::uint64_t k_mod = 37;
constexpr std::uint32_t k_eof = 65535;

// Decodes UTF-8 into UTF-16 code units the way Node's "utf8" decoder does for valid input;
// an invalid byte becomes U+FFFD.
std::vector<std::uint16_t> utf16_units(std::string_view text) {
    std::vector<std::uint16_t> out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const auto b = static_cast<unsigned char>(text[i]);
        int extra = b < 0x80 ? 0 : (b >> 5) == 0x6 ? 1 : (b >> 4) == 0xE ? 2 : (b >> 3) == 0x1E ? 3 : -1;
        std::uint32_t cp = extra == 0 ? b : extra == 1 ? (b & 0x1F) : extra == 2 ? (b & 0x0F) : (b & 0x07);
        bool valid = extra >= 0 && i + static_cast<std::size_t>(extra) < text.size();
        for (int k = 1; valid && k <= extra; ++k) {
            const auto c = static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]);
            valid = (c >> 6) == 0x2;
            cp = (cp << 6) | (c & 0x3F);
        }
        if (!valid) {
            out.push_back(0xFFFD);
            ++i;
            continue;
        }
        i += static_cast<std::size_t>(extra) + 1;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            out.push_back(static_cast<std::uint16_t>(0xD800 + (cp >> 10)));
            out.push_back(static_cast<std::uint16_t>(0xDC00 + (cp & 0x3FF)));
        } else {
            out.push_back(static_cast<std::uint16_t>(cp));
        }
    }
    return out;
}

std::string hex(std::uint64_t v) {
    static const char* k_digits = "0123456789abcdef";
    std::string out;
    do {
        out.insert(out.begin(), k_digits[v & 0xF]);
        v >>= 4;
    } while (v != 0);
    return out;
}

class RollingHasher {
public:
    explicit RollingHasher(std::vector<std::string>& out) : m_out(out) {
        m_line_numbers.fill(-1);
        for (std::size_t i = 0; i < k_block; ++i) m_first_mod *= k_mod;
    }

    void feed(std::uint32_t current) {
        const std::uint32_t space = ' ', tab = '\t', lf = '\n', cr = '\r';
        if (current == space || current == tab || (m_prev_cr && current == lf)) {
            m_prev_cr = false;
            return;
        }
        m_prev_cr = current == cr;
        if (current == cr) current = lf;
        if (m_line_numbers[m_index] != -1) emit();
        if (m_line_start) {
            m_line_start = false;
            m_line_numbers[m_index] = ++m_line;
        }
        if (current == lf) m_line_start = true;
        update(current);
    }

    void finish() {
        feed(k_eof);
        for (std::size_t i = 0; i < k_block; ++i) {
            if (m_line_numbers[m_index] != -1) emit();
            update(0);
        }
    }

private:
    void emit() {
        const std::string value = hex(m_hash);
        const int n = ++m_counts[value];
        const auto line = static_cast<std::size_t>(m_line_numbers[m_index]);
        if (m_out.size() < line) m_out.resize(line);
        m_out[line - 1] = value + ":" + std::to_string(n);
        m_line_numbers[m_index] = -1;
    }

    void update(std::uint32_t current) {
        const std::uint64_t begin = m_window[m_index];
        m_window[m_index] = current;
        m_hash = k_mod * m_hash + current - m_first_mod * begin;  // wraps mod 2^64 like Long
        m_index = (m_index + 1) % k_block;
    }

    std::vector<std::string>& m_out;
    std::array<std::uint32_t, k_block> m_window{};
    std::array<long, k_block> m_line_numbers{};
    std::map<std::string, int> m_counts;
    std::uint64_t m_hash = 0;
    std::uint64_t m_first_mod = 1;
    std::size_t m_index = 0;
    long m_line = 0;
    bool m_line_start = true;
    bool m_prev_cr = false;
};

}  // namespace

std::vector<std::string> line_hashes(std::string_view content) {
    std::vector<std::string> out;
    RollingHasher hasher(out);
    for (std::uint16_t unit : utf16_units(content)) hasher.feed(unit);
    hasher.finish();
    return out;
}

}  // namespace ccscan::reporters
