#include "analyzers/flow/label.h"

#include <cctype>
#include <cstdint>

#include "analyzers/text_mask.h"
#include "analyzers/utf8.h"

namespace ccscan::analyzers::flow {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// A '<' that opens markup: a tag name, a closing tag, a comment/CDATA/doctype or a PI.
bool opens_tag(std::string_view s, std::size_t i) {
    if (i + 1 >= s.size()) return false;
    char c = s[i + 1];
    return std::isalpha(static_cast<unsigned char>(c)) || c == '/' || c == '!' || c == '?';
}

// An entity's character; NUL, surrogates and values past U+10FFFF are dropped, not replaced.
void append_entity_char(std::string& out, std::uint32_t cp) {
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return;
    analyzers::append_utf8(out, cp);
}

// Decodes the entity at s[i] == '&'; returns its length (0 when it is not one).
std::size_t decode_entity(std::string_view s, std::size_t i, std::string& out) {
    static const std::pair<std::string_view, char> k_named[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}, {"&nbsp;", ' '}};
    for (const auto& [name, c] : k_named) {
        if (s.substr(i, name.size()) == name) {
            out += c;
            return name.size();
        }
    }
    if (s.substr(i, 2) != "&#") return 0;
    std::size_t j = i + 2;
    bool hex = j < s.size() && (s[j] == 'x' || s[j] == 'X');
    if (hex) ++j;
    std::uint32_t cp = 0;
    std::size_t start = j;
    while (j < s.size() && j - start < 7 && std::isxdigit(static_cast<unsigned char>(s[j]))) {
        char c = s[j];
        if (!hex && !std::isdigit(static_cast<unsigned char>(c))) break;
        cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : (std::tolower(c) - 'a' + 10));
        ++j;
    }
    if (j == start || j >= s.size() || s[j] != ';') return 0;
    append_entity_char(out, cp);
    return j + 1 - i;
}

}  // namespace

std::string plain_text(std::string_view text) {
    std::string raw;
    raw.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == '<' && opens_tag(text, i)) {
            bool comment = text.substr(i, 4) == "<!--";
            std::size_t end = comment ? text.find("-->", i + 4) : text.find('>', i + 1);
            if (text.substr(i, 9) == "<![CDATA[") {
                i += 9;  // keep the CDATA content, drop the brackets
                continue;
            }
            raw += ' ';  // a tag separates words (<break/> between sentences)
            i = end == std::string_view::npos ? text.size() : end + (comment ? 3 : 1);
            continue;
        }
        if (text.substr(i, 3) == "]]>") {
            i += 3;
            continue;
        }
        if (text[i] == '&') {
            if (std::size_t n = decode_entity(text, i, raw)) {
                i += n;
                continue;
            }
        }
        raw += text[i++];
    }
    std::string out;
    out.reserve(raw.size());
    for (char c : raw) {
        if (is_space(c)) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::string cut_text(std::string_view text, std::size_t max) { return shorten_masked(text, max); }

std::string node_label(std::string_view name, std::string_view text, std::size_t max) {
    std::string plain = plain_text(text);
    std::string out(name);
    if (plain.empty() || plain == name) return out;
    return out + " '" + cut_text(plain, max) + "'";
}

}  // namespace ccscan::analyzers::flow
