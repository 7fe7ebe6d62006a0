#include "analyzers/ini_parser.h"

#include <optional>

namespace ccscan::analyzers {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// A line with its comment removed: [begin, end) byte offsets into the text, trimmed.
struct Content {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool empty() const { return begin >= end; }
};

class IniParser {
public:
    IniParser(std::string_view text, const std::string& path, const ParseLimits& limits)
        : m_text(text), m_lines(text), m_path(path), m_limits(limits) {}

    Result<Document> parse() {
        if (m_text.size() > m_limits.max_bytes) {
            return make_diagnostic("limit-size", m_path, {}, "file larger than " + std::to_string(m_limits.max_bytes) + " bytes; not parsed");
        }
        m_doc.format = "ini";
        m_doc.root.kind = NodeKind::object;
        std::size_t start = m_text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
        while (start <= m_text.size()) {
            std::size_t nl = m_text.find('\n', start);
            std::size_t end = nl == std::string_view::npos ? m_text.size() : nl;
            if (!line(start, end)) return *m_error;
            if (nl == std::string_view::npos) break;
            start = nl + 1;
        }
        m_doc.root.span = {position(0), position(m_text.size())};
        return std::move(m_doc);
    }

private:
    Position position(std::size_t offset) const { return m_lines.position(offset); }
    Span span(std::size_t b, std::size_t e) const { return {position(b), position(e)}; }

    // Strips comments (tracking `;-- --;` blocks across lines) and surrounding blanks.
    Content strip(std::size_t begin, std::size_t end) {
        std::size_t i = begin;
        std::size_t out_end = end;
        if (m_in_block) {
            std::size_t close = m_text.substr(0, end).find("--;", begin);
            if (close == std::string_view::npos) return {};
            m_in_block = false;
            i = begin = close + 3;
        }
        for (; i < end; ++i) {
            if (m_text[i] == '\\' && i + 1 < end && m_text[i + 1] == ';') {
                ++i;
            } else if (m_text[i] == ';') {
                if (m_text.compare(i, 3, ";--") == 0) {
                    std::size_t close = m_text.substr(0, end).find("--;", i + 3);
                    if (close == std::string_view::npos) m_in_block = true;
                    // Text after an inline block comment is rare in Asterisk configs; drop it.
                }
                out_end = i;
                break;
            }
        }
        while (begin < out_end && is_blank(m_text[begin])) ++begin;
        while (out_end > begin && is_blank(m_text[out_end - 1])) --out_end;
        return {begin, out_end};
    }

    bool line(std::size_t begin, std::size_t end) {
        Content c = strip(begin, end);
        if (c.empty()) return true;
        char first = m_text[c.begin];
        if (first == '[') return section(c);
        if (first == '#') return directive(c);
        std::size_t eq = m_text.find('=', c.begin);
        if (eq == std::string_view::npos || eq >= c.end) {
            note(c.begin, "line is neither a [section] nor a key = value pair; ignored");
            return true;
        }
        return entry(c, eq);
    }

    bool section(const Content& c) {
        std::size_t close = m_text.find(']', c.begin);
        if (close == std::string_view::npos || close >= c.end) {
            note(c.begin, "unterminated section header (missing ']'); line ignored");
            return true;
        }
        if (!count(c.begin)) return false;
        Node s;
        s.kind = NodeKind::object;
        s.key = std::string(m_text.substr(c.begin + 1, close - c.begin - 1));
        s.key_span = span(c.begin + 1, close);
        s.span = span(c.begin, c.end);
        std::size_t rest = close + 1;
        while (rest < c.end && is_blank(m_text[rest])) ++rest;
        if (rest < c.end) s.tag = std::string(m_text.substr(rest, c.end - rest));
        m_doc.root.children.push_back(std::move(s));
        return true;
    }

    bool directive(const Content& c) {
        std::size_t name_end = c.begin + 1;
        while (name_end < c.end && !is_blank(m_text[name_end])) ++name_end;
        std::string name(m_text.substr(c.begin, name_end - c.begin));
        if (name != "#include" && name != "#exec" && name != "#tryinclude") {
            note(c.begin, "unknown directive '" + name + "'; ignored");
            return true;
        }
        std::size_t vb = name_end;
        while (vb < c.end && is_blank(m_text[vb])) ++vb;
        std::size_t ve = c.end;
        if (ve - vb >= 2 && (m_text[vb] == '"' || m_text[vb] == '<') && (m_text[ve - 1] == '"' || m_text[ve - 1] == '>')) {
            ++vb;
            --ve;
        }
        return add_scalar(name, c.begin, name_end, vb, ve, "");
    }

    bool entry(const Content& c, std::size_t eq) {
        std::size_t ke = eq;
        while (ke > c.begin && is_blank(m_text[ke - 1])) --ke;
        std::size_t vb = eq + 1;
        std::string tag;
        if (vb < c.end && m_text[vb] == '>') {
            tag = "=>";
            ++vb;
        }
        while (vb < c.end && is_blank(m_text[vb])) ++vb;
        return add_scalar(std::string(m_text.substr(c.begin, ke - c.begin)), c.begin, ke, vb, c.end, tag);
    }

    bool add_scalar(std::string key, std::size_t kb, std::size_t ke, std::size_t vb, std::size_t ve, std::string tag) {
        if (!count(kb)) return false;
        Node n;
        n.kind = NodeKind::scalar;
        n.key = std::move(key);
        n.key_span = span(kb, ke);
        n.span = span(vb, ve);
        n.tag = std::move(tag);
        n.value.reserve(ve - vb);
        for (std::size_t i = vb; i < ve; ++i) {
            if (m_text[i] == '\\' && i + 1 < ve && m_text[i + 1] == ';') ++i;
            n.value += m_text[i];
        }
        Node& sec = current_section();
        sec.span.end = n.span.end > n.key_span.end ? n.span.end : n.key_span.end;
        sec.children.push_back(std::move(n));
        return true;
    }

    Node& current_section() {
        if (m_doc.root.children.empty()) {
            Node s;
            s.kind = NodeKind::object;
            s.span = span(0, 0);
            m_doc.root.children.push_back(std::move(s));
        }
        return m_doc.root.children.back();
    }

    bool count(std::size_t at) {
        if (++m_nodes <= m_limits.max_nodes) return true;
        m_error = make_diagnostic("limit-nodes", m_path, position(at),
                                  "more than " + std::to_string(m_limits.max_nodes) + " entries; not analysed");
        return false;
    }

    void note(std::size_t at, std::string message) {
        if (m_doc.notes.size() < 100) m_doc.notes.push_back(make_diagnostic("ini-unrecognised", m_path, position(at), std::move(message)));
    }

    std::string_view m_text;
    LineIndex m_lines;
    const std::string& m_path;
    const ParseLimits& m_limits;
    Document m_doc;
    std::size_t m_nodes = 0;
    bool m_in_block = false;
    std::optional<Diagnostic> m_error;
};

}  // namespace

Result<Document> parse_ini(std::string_view text, const std::string& path, const ParseLimits& limits) {
    return IniParser(text, path, limits).parse();
}

}  // namespace ccscan::analyzers
