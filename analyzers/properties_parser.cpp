// parse_properties (declared in analyzers/ini_parser.h): java.util.Properties semantics —
// `#`/`!` comments, key and value separated by the first unescaped `=`, `:` or blank, a trailing
// backslash continues the value on the next line (leading blanks there dropped), escapes
// \t \n \r \f \uXXXX and `\x` -> x. key_span covers the key as written; span covers the value as
// written, across continuation lines.
#include "analyzers/ini_parser.h"
#include "analyzers/utf8.h"

#include <cctype>

namespace ccscan::analyzers {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\f'; }
bool is_eol(char c) { return c == '\n' || c == '\r'; }


class PropertiesParser {
public:
    PropertiesParser(std::string_view text, const std::string& path, const ParseLimits& limits)
        : m_text(text), m_lines(text), m_path(path), m_limits(limits) {}

    Result<Document> parse() {
        if (m_text.size() > m_limits.max_bytes) {
            return make_diagnostic("limit-size", m_path, {}, "file larger than " + std::to_string(m_limits.max_bytes) + " bytes; not parsed");
        }
        Document doc;
        doc.format = "properties";
        doc.root.kind = NodeKind::object;
        doc.root.span = {position(0), position(m_text.size())};
        if (m_text.substr(0, 3) == "\xEF\xBB\xBF") m_pos = 3;
        while (m_pos < m_text.size()) {
            skip_blanks_and_eols();
            if (m_pos >= m_text.size()) break;
            if (m_text[m_pos] == '#' || m_text[m_pos] == '!') {
                skip_to_eol();
                continue;
            }
            if (doc.root.children.size() >= m_limits.max_nodes) {
                return make_diagnostic("limit-nodes", m_path, position(m_pos),
                                       "more than " + std::to_string(m_limits.max_nodes) + " properties; not analysed");
            }
            doc.root.children.push_back(entry());
        }
        return doc;
    }

private:
    Position position(std::size_t offset) const { return m_lines.position(offset); }

    void skip_blanks_and_eols() {
        while (m_pos < m_text.size() && (is_blank(m_text[m_pos]) || is_eol(m_text[m_pos]))) ++m_pos;
    }
    void skip_to_eol() {
        while (m_pos < m_text.size() && !is_eol(m_text[m_pos])) ++m_pos;
    }

    // After a backslash at the end of a line: skips the line break and the next line's blanks.
    void continue_line() {
        if (m_pos < m_text.size() && m_text[m_pos] == '\r') ++m_pos;
        if (m_pos < m_text.size() && m_text[m_pos] == '\n') ++m_pos;
        while (m_pos < m_text.size() && is_blank(m_text[m_pos])) ++m_pos;
    }

    // One escape at m_pos (just after the backslash).
    void escape(std::string& out) {
        char c = m_text[m_pos];
        if (is_eol(c)) return continue_line();
        ++m_pos;
        switch (c) {
            case 't': out += '\t'; return;
            case 'n': out += '\n'; return;
            case 'r': out += '\r'; return;
            case 'f': out += '\f'; return;
            case 'u': break;
            default: out += c; return;
        }
        unsigned cp = 0;
        std::size_t i = 0;
        for (; i < 4 && m_pos < m_text.size() && std::isxdigit(static_cast<unsigned char>(m_text[m_pos])); ++i, ++m_pos) {
            char h = m_text[m_pos];
            cp = cp * 16 + static_cast<unsigned>(h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
        }
        if (i == 4) append_utf8(out, cp);
        else out += 'u';
    }

    // Reads key or value text up to a stop condition; returns the end offset of the raw text.
    template <class Stop>
    std::size_t read(std::string& out, Stop stop) {
        std::size_t last = m_pos;
        while (m_pos < m_text.size() && !is_eol(m_text[m_pos]) && !stop(m_text[m_pos])) {
            if (m_text[m_pos] == '\\' && m_pos + 1 < m_text.size()) {
                ++m_pos;
                escape(out);
            } else {
                out += m_text[m_pos++];
            }
            last = m_pos;
        }
        return last;
    }

    Node entry() {
        Node n;
        n.kind = NodeKind::scalar;
        std::size_t kb = m_pos;
        std::size_t ke = read(n.key, [](char c) { return c == '=' || c == ':' || is_blank(c); });
        n.key_span = {position(kb), position(ke)};
        while (m_pos < m_text.size() && is_blank(m_text[m_pos])) ++m_pos;
        if (m_pos < m_text.size() && (m_text[m_pos] == '=' || m_text[m_pos] == ':')) ++m_pos;
        while (m_pos < m_text.size() && is_blank(m_text[m_pos])) ++m_pos;
        std::size_t vb = m_pos;
        std::size_t ve = read(n.value, [](char) { return false; });
        n.span = {position(vb), position(ve)};
        return n;
    }

    std::string_view m_text;
    LineIndex m_lines;
    const std::string& m_path;
    const ParseLimits& m_limits;
    std::size_t m_pos = 0;
};

}  // namespace

Result<Document> parse_properties(std::string_view text, const std::string& path, const ParseLimits& limits) {
    return PropertiesParser(text, path, limits).parse();
}

}  // namespace ccscan::analyzers
