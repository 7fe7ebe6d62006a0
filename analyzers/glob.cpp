#include "analyzers/glob.h"

#include <vector>

namespace ccscan::analyzers {
namespace {

std::vector<std::string_view> split(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t slash = s.find('/', start);
        if (slash == std::string_view::npos) slash = s.size();
        if (slash > start) out.push_back(s.substr(start, slash - start));  // "a//b" == "a/b"
        start = slash + 1;
    }
    return out;
}

// Matches one pattern token at pat[p] against `c`. Returns the index after the token, or npos
// when the token does not match. `*` is handled by the caller.
std::size_t match_token(std::string_view pat, std::size_t p, char c) {
    constexpr std::size_t k_no = std::string_view::npos;
    char t = pat[p];
    if (t == '?') return p + 1;
    if (t == '\\' && p + 1 < pat.size()) return pat[p + 1] == c ? p + 2 : k_no;
    if (t != '[') return t == c ? p + 1 : k_no;
    std::size_t i = p + 1;
    bool negate = i < pat.size() && (pat[i] == '!' || pat[i] == '^');
    if (negate) ++i;
    std::size_t first = i;
    bool hit = false;
    for (; i < pat.size() && (pat[i] != ']' || i == first); ++i) {
        char lo = pat[i];
        if (i + 2 < pat.size() && pat[i + 1] == '-' && pat[i + 2] != ']') {
            if (lo <= c && c <= pat[i + 2]) hit = true;
            i += 2;
        } else if (lo == c) {
            hit = true;
        }
    }
    if (i >= pat.size()) return t == c ? p + 1 : k_no;  // no closing ']': a literal '['
    return hit != negate ? i + 1 : k_no;
}

// One path segment against one pattern segment: greedy with a single backtrack point per '*',
// which is linear in practice and O(n*m) at worst.
bool match_segment(std::string_view pat, std::string_view s) {
    std::size_t p = 0, i = 0;
    std::size_t star_p = std::string_view::npos, star_i = 0;
    while (i < s.size()) {
        if (p < pat.size() && pat[p] == '*') {
            while (p < pat.size() && pat[p] == '*') ++p;
            star_p = p;
            star_i = i;
            continue;
        }
        if (p < pat.size()) {
            std::size_t next = match_token(pat, p, s[i]);
            if (next != std::string_view::npos) {
                p = next;
                ++i;
                continue;
            }
        }
        if (star_p == std::string_view::npos) return false;
        p = star_p;
        i = ++star_i;
    }
    while (p < pat.size() && pat[p] == '*') ++p;
    return p == pat.size();
}

// Segment lists, where a "**" pattern segment stands for any number of path segments. The same
// greedy scheme as match_segment is exact here because every other segment consumes exactly one.
bool match_segments(const std::vector<std::string_view>& pats, const std::vector<std::string_view>& segs,
                    std::size_t seg_count) {
    std::size_t p = 0, i = 0;
    std::size_t star_p = std::string_view::npos, star_i = 0;
    while (i < seg_count) {
        if (p < pats.size() && pats[p] == "**") {
            star_p = ++p;
            star_i = i;
            continue;
        }
        if (p < pats.size() && match_segment(pats[p], segs[i])) {
            ++p;
            ++i;
            continue;
        }
        if (star_p == std::string_view::npos) return false;
        p = star_p;
        i = ++star_i;
    }
    while (p < pats.size() && pats[p] == "**") ++p;
    return p == pats.size();
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
    while (path.substr(0, 2) == "./") path.remove_prefix(2);
    while (!path.empty() && path.front() == '/') path.remove_prefix(1);
    bool path_is_dir = !path.empty() && path.back() == '/';
    bool dir_only = false;
    while (!pattern.empty() && pattern.back() == '/') {
        dir_only = true;
        pattern.remove_suffix(1);
    }
    bool anchored = false;
    while (!pattern.empty() && pattern.front() == '/') {
        anchored = true;
        pattern.remove_prefix(1);
    }
    if (pattern.empty()) return false;
    std::vector<std::string_view> segs = split(path);
    if (segs.empty()) return false;
    // Directories are the proper prefixes of the path, and the whole path when it ends in '/'.
    std::size_t last = dir_only && !path_is_dir ? segs.size() - 1 : segs.size();
    if (!anchored && pattern.find('/') == std::string_view::npos) {
        for (std::size_t i = 0; i < last; ++i) {
            if (match_segment(pattern, segs[i])) return true;
        }
        return false;
    }
    std::vector<std::string_view> pats = split(pattern);
    for (std::size_t n = 1; n <= last; ++n) {
        if (match_segments(pats, segs, n)) return true;
    }
    return false;
}

}  // namespace ccscan::analyzers
