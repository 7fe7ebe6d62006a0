// blank_templates (declared in analyzers/xml_parser.h).
#include <algorithm>
#include <array>
#include <vector>

#include "analyzers/xml_parser.h"

namespace ccscan::analyzers {
namespace {

// Quote- and nesting-aware scans look this far; past it a plain search for the closer decides,
// which keeps hostile input ("${${${..." megabytes long) linear.
constexpr std::size_t k_scan_window = 1024;

bool starts_with(std::string_view s, std::size_t at, std::string_view p) { return s.compare(at, p.size(), p) == 0; }

// Blanks [from, to) except line breaks.
void blank(std::string& out, std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to && i < out.size(); ++i) {
        if (out[i] != '\n' && out[i] != '\r') out[i] = ' ';
    }
}

// End of a `${...}` / `#{...}` expression starting at `at`, honouring nested braces and quotes.
std::size_t expression_end(std::string_view s, std::size_t at) {
    int depth = 0;
    char quote = 0;
    for (std::size_t i = at + 1; i < s.size() && i < at + k_scan_window; ++i) {
        char c = s[i];
        if (quote) {
            if (c == '\\') ++i;
            else if (c == quote) quote = 0;
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '{') {
            ++depth;
        } else if (c == '}' && --depth == 0) {
            return i + 1;
        }
    }
    return std::string_view::npos;
}

// End of a JSP custom tag starting at `at`, skipping quoted attribute values (which may hold '>').
std::size_t tag_end(std::string_view s, std::size_t at) {
    char quote = 0;
    for (std::size_t i = at + 1; i < s.size() && i < at + k_scan_window; ++i) {
        char c = s[i];
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '>') {
            return i + 1;
        }
    }
    return std::string_view::npos;
}

// Plain searches for a closer; once one fails it fails for every later start, so it is not
// repeated (linear time on unterminated input).
class Closers {
public:
    explicit Closers(std::string_view s) : m_s(s) {}
    bool known_missing(std::string_view close) const {
        return std::find(m_missing.begin(), m_missing.end(), close) != m_missing.end();
    }
    std::size_t after(std::size_t from, std::string_view close) {
        if (known_missing(close)) return std::string_view::npos;
        std::size_t e = m_s.find(close, from);
        if (e != std::string_view::npos) return e + close.size();
        m_missing.push_back(close);
        return e;
    }

private:
    std::string_view m_s;
    std::vector<std::string_view> m_missing;
};

// A windowed scan first (it understands quotes and nesting), then the plain search. Once the
// closer is known to be missing, neither runs: an opener costs O(1) from then on.
template <class Scan>
std::size_t either(Scan scan, Closers& closers, std::size_t from, std::string_view close) {
    if (closers.known_missing(close)) return std::string_view::npos;
    std::size_t scanned = scan();
    return scanned != std::string_view::npos ? scanned : closers.after(from, close);
}

// The end of a template construct starting at `i`, or npos when none starts there.
std::size_t template_end(std::string_view s, std::size_t i, Closers& closers) {
    // JSP/JSTL tag libraries, then FreeMarker directives (`<#if>`, `</#if>`) and macros (`<@m/>`).
    static constexpr std::array<std::string_view, 18> k_tags = {
        "<c:",    "</c:",    "<fmt:",  "</fmt:",  "<jsp:", "</jsp:", "<fn:", "</fn:", "<spring:",
        "</spring:", "<form:", "</form:", "<sql:", "</sql:", "<#",   "</#",   "<@",   "</@"};
    char c = s[i];
    if (c == '<') {
        if (starts_with(s, i, "<%")) return closers.after(i + 2, "%>");
        if (starts_with(s, i, "<?php") || starts_with(s, i, "<?=")) return closers.after(i + 2, "?>");
        for (std::string_view t : k_tags) {
            if (starts_with(s, i, t)) return either([&] { return tag_end(s, i); }, closers, i, ">");
        }
        return std::string_view::npos;
    }
    if (c == '{' && starts_with(s, i, "{{{")) return closers.after(i + 3, "}}}");
    if (c == '{' && starts_with(s, i, "{{")) return closers.after(i + 2, "}}");
    if ((c == '$' || c == '#') && starts_with(s, i + 1, "{")) return either([&] { return expression_end(s, i + 1); }, closers, i, "}");
    return std::string_view::npos;
}

}  // namespace

std::string blank_templates(std::string_view text) {
    std::string out(text);
    Closers closers(text);
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t end = template_end(text, i, closers);
        if (end == std::string_view::npos) {
            ++i;
            continue;
        }
        blank(out, i, end);
        i = end;
    }
    return out;
}

}  // namespace ccscan::analyzers
