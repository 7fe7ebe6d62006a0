#include "reporters/escape.h"

#include <algorithm>

#include "analyzers/safe_text.h"

namespace ccscan::reporters {

namespace {

using analyzers::EscapeOptions;
using analyzers::visible_text;

constexpr EscapeOptions k_keep_whitespace{.keep_newline = true, .keep_tab = true, .keep_cr = true};

std::string lines_as_spaces(std::string_view text) {
    std::string out(text);
    std::replace_if(out.begin(), out.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
    return out;
}

std::string lowercase(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return out;
}

bool formula_start(std::string_view cell) {
    if (cell.empty()) return false;
    if (cell.front() == '\t' || cell.front() == '\r') return true;
    const auto first = cell.find_first_not_of(' ');
    return first != std::string_view::npos && std::string_view("=+-@").find(cell[first]) != std::string_view::npos;
}

bool url_char(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
    return std::string_view("-._~:/?#[]@!$&'()*+,;=%").find(c) != std::string_view::npos;
}

void append_json_escape(std::string& out, std::uint32_t unit) {
    static constexpr char k_hex[] = "0123456789abcdef";
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4) out += k_hex[(unit >> shift) & 0xF];
}

}  // namespace

std::string terminal_text(std::string_view text) { return visible_text(text); }

std::string github_data(std::string_view text) {
    std::string out;
    for (char c : visible_text(text, {.keep_newline = true, .keep_cr = true})) {
        if (c == '%') out += "%25";
        else if (c == '\r') out += "%0D";
        else if (c == '\n') out += "%0A";
        else out += c;
    }
    return out;
}

std::string github_property(std::string_view text) {
    std::string out;
    for (char c : github_data(text)) {
        if (c == ':') out += "%3A";
        else if (c == ',') out += "%2C";
        else out += c;
    }
    return out;
}

std::string csv_cell(std::string_view text) {
    std::string value = visible_text(text, k_keep_whitespace);
    if (formula_start(value)) value.insert(0, "'");
    if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string markdown_inline(std::string_view text) {
    const std::string shown = visible_text(lines_as_spaces(text));
    std::string out;
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const char c = shown[i];
        // GitHub links http://x, a@b.c and www.x without any markup: ':' before '/', '@' and the
        // dot of "www." are escaped too.
        const bool scheme = c == ':' && i + 1 < shown.size() && shown[i + 1] == '/';
        const bool www_dot = c == '.' && i >= 3 && lowercase(std::string_view(shown).substr(i - 3, 3)) == "www";
        if (scheme || www_dot || std::string_view("\\`*_[]()<>#!|~&@$").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

std::string markdown_code(std::string_view text, bool in_table) {
    std::string body;
    for (char c : visible_text(lines_as_spaces(text))) {
        if (c == '|' && in_table) body += '\\';
        body += c;
    }
    std::size_t longest = 0, run = 0;
    for (char c : body) {
        run = c == '`' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    const std::string fence(longest + 1, '`');
    const bool pad = !body.empty() && (body.front() == '`' || body.back() == '`');
    return fence + (pad ? " " : "") + body + (pad ? " " : "") + fence;
}

std::string html_text(std::string_view text) {
    std::string out;
    for (char c : visible_text(text, k_keep_whitespace)) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string http_url(std::string_view url) {
    const bool web = url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
    const std::size_t scheme = url.find("://");
    if (!web || url.size() <= scheme + 3 || !std::all_of(url.begin(), url.end(), url_char)) return "";
    return std::string(url);
}

std::string xml_text(std::string_view text) {
    EscapeOptions options = k_keep_whitespace;
    options.replace_invalid = true;
    return visible_text(text, options);
}

std::string sarif_text(std::string_view text) {
    const std::string shown = visible_text(text, {.keep_newline = true, .replace_invalid = true});
    std::string out;
    for (std::size_t i = 0; i < shown.size(); ++i) {
        if (shown[i] == ']' && i + 1 < shown.size() && shown[i + 1] == '(') out += '\\';
        out += shown[i];
    }
    return out;
}

std::string json_document(std::string_view json) {
    std::string out;
    out.reserve(json.size());
    for (std::size_t i = 0; i < json.size();) {
        const analyzers::CodePoint c = analyzers::decode_utf8_at(json, i);
        if (!c.valid) {
            append_json_escape(out, 0xFFFD);
        } else if (c.value >= 0x7F && analyzers::is_unsafe_code_point(c.value)) {
            if (c.value < 0x10000) {
                append_json_escape(out, c.value);
            } else {
                const std::uint32_t v = c.value - 0x10000;
                append_json_escape(out, 0xD800 + (v >> 10));
                append_json_escape(out, 0xDC00 + (v & 0x3FF));
            }
        } else {
            out.append(json.substr(i, c.size));
        }
        i += c.size;
    }
    return out;
}

std::string dot_label(std::string_view text) {
    std::string out;
    for (char c : visible_text(text, {.keep_newline = true})) {
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out;
}

std::string mermaid_label(std::string_view text) {
    std::string out;
    for (char c : visible_text(lines_as_spaces(text))) {
        switch (c) {
            case '"': out += "#quot;"; break;
            case '<': out += "#lt;"; break;
            case '>': out += "#gt;"; break;
            case '#': out += "#35;"; break;
            case '&': out += "#38;"; break;
            case '`': out += "#96;"; break;
            default: out += c;
        }
    }
    return out;
}

}  // namespace ccscan::reporters
