#include "analyzers/safe_text.h"

#include "analyzers/utf8.h"

namespace ccscan::analyzers {

namespace {

constexpr char k_hex[] = "0123456789abcdef";

bool continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

void append_hex(std::string& out, std::uint32_t value, int digits) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) out += k_hex[(value >> shift) & 0xF];
}

void append_escape(std::string& out, std::uint32_t cp) {
    switch (cp) {
        case '\n': out += "\\n"; return;
        case '\r': out += "\\r"; return;
        case '\t': out += "\\t"; return;
        default: break;
    }
    if (cp < 0x80) {
        out += "\\x";
        append_hex(out, cp, 2);
    } else if (cp < 0x10000) {
        out += "\\u";
        append_hex(out, cp, 4);
    } else {
        out += "\\U";
        append_hex(out, cp, 8);
    }
}

bool kept(std::uint32_t cp, const EscapeOptions& o) {
    return (cp == '\n' && o.keep_newline) || (cp == '\t' && o.keep_tab) || (cp == '\r' && o.keep_cr);
}

}  // namespace

CodePoint decode_utf8_at(std::string_view text, std::size_t offset) {
    const auto lead = static_cast<unsigned char>(text[offset]);
    if (lead < 0x80) return {lead, 1, true};
    std::size_t size = 0;
    std::uint32_t cp = 0, min = 0;
    if ((lead & 0xE0) == 0xC0) size = 2, cp = lead & 0x1F, min = 0x80;
    else if ((lead & 0xF0) == 0xE0) size = 3, cp = lead & 0x0F, min = 0x800;
    else if ((lead & 0xF8) == 0xF0) size = 4, cp = lead & 0x07, min = 0x10000;
    else return {lead, 1, false};
    if (offset + size > text.size()) return {lead, 1, false};
    for (std::size_t i = 1; i < size; ++i) {
        const auto b = static_cast<unsigned char>(text[offset + i]);
        if (!continuation(b)) return {lead, 1, false};
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {lead, 1, false};
    return {cp, size, true};
}

bool is_unsafe_code_point(std::uint32_t cp) {
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return true;  // C0, DEL, C1
    if (cp < 0x00A0) return false;
    switch (cp) {
        case 0x061C:                                   // Arabic letter mark
        case 0x115F: case 0x1160: case 0x3164: case 0xFFA0:  // Hangul fillers (invisible)
        case 0x180E:                                   // Mongolian vowel separator
        case 0xFEFF:                                   // zero-width no-break space / BOM
        case 0xFFFE: case 0xFFFF:                      // noncharacters (not XML characters)
            return true;
        default: break;
    }
    if (cp == 0x200B || (cp >= 0x200E && cp <= 0x200F)) return true;  // ZWSP, LRM, RLM
    if (cp >= 0x2028 && cp <= 0x202E) return true;  // line/paragraph separators, LRE..RLO
    if (cp >= 0x2060 && cp <= 0x206F) return true;  // word joiner, invisible operators, LRI..PDI, ...
    if (cp >= 0xFFF9 && cp <= 0xFFFB) return true;  // interlinear annotation
    return cp >= 0xE0000 && cp <= 0xE007F;          // tag characters ("ASCII smuggling")
}

std::string visible_text(std::string_view text, const EscapeOptions& options) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const CodePoint c = decode_utf8_at(text, i);
        if (!c.valid) {
            if (options.replace_invalid) {
                append_utf8(out, 0xFFFD);
            } else {
                out += "\\x";
                append_hex(out, c.value, 2);
            }
        } else if (is_unsafe_code_point(c.value) && !kept(c.value, options)) {
            append_escape(out, c.value);
        } else {
            out.append(text.substr(i, c.size));
        }
        i += c.size;
    }
    return out;
}

bool is_visible_text(std::string_view text, const EscapeOptions& options) {
    for (std::size_t i = 0; i < text.size();) {
        const CodePoint c = decode_utf8_at(text, i);
        if (!c.valid || (is_unsafe_code_point(c.value) && !kept(c.value, options))) return false;
        i += c.size;
    }
    return true;
}

std::string valid_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const CodePoint c = decode_utf8_at(text, i);
        if (c.valid) out.append(text.substr(i, c.size));
        else append_utf8(out, 0xFFFD);
        i += c.size;
    }
    return out;
}

}  // namespace ccscan::analyzers
