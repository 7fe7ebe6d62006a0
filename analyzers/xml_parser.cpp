#include "analyzers/xml_parser.h"

#include <pugixml.hpp>

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "analyzers/text.h"

namespace ccscan::analyzers {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }


// One attribute as written in a start tag: byte ranges of its name and quoted value.
struct RawAttribute {
    std::size_t name_begin, name_end, value_begin, value_end;
};

class XmlBuilder {
public:
    XmlBuilder(std::string_view text, const std::string& path, const ParseLimits& limits)
        : m_text(text), m_lines(text), m_path(path), m_limits(limits) {}

    Result<Document> build(const pugi::xml_document& xml) {
        std::vector<pugi::xml_node> roots;
        for (pugi::xml_node n = xml.first_child(); n; n = n.next_sibling()) {
            if (n.type() == pugi::node_element) roots.push_back(n);
        }
        if (roots.empty()) return make_diagnostic("parse-error", m_path, position(m_text.size()), "no root element");
        Document doc;
        doc.format = "xml";
        std::optional<Diagnostic> error;
        std::size_t end = 0;
        if (!element(roots.front(), 1, doc.root, end, error)) return *error;
        if (roots.size() > 1) {
            std::size_t at = static_cast<std::size_t>(roots[1].offset_debug()) - 1;
            doc.notes.push_back(make_diagnostic("xml-extra-root", m_path, position(at),
                                                "more than one root element; only the first was analysed"));
        }
        return doc;
    }

private:
    Position position(std::size_t offset) const { return m_lines.position(offset); }
    Span span(std::size_t begin, std::size_t end) const { return {position(begin), position(end)}; }

    // Builds `out` from element `x`; `end` receives the offset just after its end tag.
    bool element(const pugi::xml_node& x, std::size_t depth, Node& out, std::size_t& end,
                 std::optional<Diagnostic>& error) {
        std::size_t lt = static_cast<std::size_t>(x.offset_debug()) - 1;
        if (depth > m_limits.max_depth) {
            error = make_diagnostic("limit-depth", m_path, position(lt),
                                    "XML nested deeper than " + std::to_string(m_limits.max_depth) + " levels; not analysed");
            return false;
        }
        if (!count(lt, error)) return false;
        out.kind = NodeKind::element;
        out.key = x.name();
        std::size_t name_end = lt + 1 + out.key.size();
        out.key_span = span(lt + 1, name_end);
        bool self_closing = false;
        std::size_t pos = attributes(x, name_end, out, self_closing, error);
        if (pos == std::string_view::npos) return false;
        std::string text;
        for (pugi::xml_node c = x.first_child(); c; c = c.next_sibling()) {
            if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
                std::string_view piece = trim(c.value());
                if (!piece.empty() && !text.empty()) text += ' ';
                text += piece;
            } else if (c.type() == pugi::node_element) {
                Node child;
                if (!element(c, depth + 1, child, pos, error)) return false;
                out.children.push_back(std::move(child));
            }
        }
        out.value = std::move(text);
        end = self_closing ? pos : end_tag_after(pos);
        out.span = span(lt, end);
        return true;
    }

    bool count(std::size_t at, std::optional<Diagnostic>& error) {
        if (++m_nodes <= m_limits.max_nodes) return true;
        error = make_diagnostic("limit-nodes", m_path, position(at),
                                "more than " + std::to_string(m_limits.max_nodes) + " XML nodes; not analysed");
        return false;
    }

    // Scans the start tag from just after the element name; adds attribute nodes with exact
    // spans. Returns the offset after the start tag's '>' (npos on a limit error).
    std::size_t attributes(const pugi::xml_node& x, std::size_t pos, Node& out, bool& self_closing,
                           std::optional<Diagnostic>& error) {
        pugi::xml_attribute a = x.first_attribute();
        while (pos < m_text.size()) {
            while (pos < m_text.size() && is_space(m_text[pos])) ++pos;
            if (pos >= m_text.size()) break;
            if (m_text[pos] == '>') return pos + 1;
            if (m_text.compare(pos, 2, "/>") == 0) {
                self_closing = true;
                return pos + 2;
            }
            RawAttribute raw{};
            pos = raw_attribute(pos, raw);
            if (!a) continue;  // pugixml dropped it (cannot happen for a document it accepted)
            if (!count(raw.name_begin, error)) return std::string_view::npos;
            Node n;
            n.kind = NodeKind::attribute;
            n.key = a.name();
            n.value = a.value();
            n.key_span = span(raw.name_begin, raw.name_end);
            n.span = span(raw.value_begin, raw.value_end);
            out.children.push_back(std::move(n));
            a = a.next_attribute();
        }
        return pos;
    }

    std::size_t raw_attribute(std::size_t pos, RawAttribute& raw) const {
        raw.name_begin = pos;
        while (pos < m_text.size() && !is_space(m_text[pos]) && m_text[pos] != '=' && m_text[pos] != '>' &&
               m_text[pos] != '/') {
            ++pos;
        }
        raw.name_end = pos;
        while (pos < m_text.size() && is_space(m_text[pos])) ++pos;
        if (pos < m_text.size() && m_text[pos] == '=') ++pos;
        while (pos < m_text.size() && is_space(m_text[pos])) ++pos;
        raw.value_begin = pos;
        if (pos < m_text.size() && (m_text[pos] == '"' || m_text[pos] == '\'')) {
            std::size_t close = m_text.find(m_text[pos], pos + 1);
            pos = close == std::string_view::npos ? m_text.size() : close + 1;
        }
        raw.value_end = pos;
        if (raw.name_end == raw.name_begin && pos == raw.value_begin) ++pos;  // stray byte: never stall
        return pos;
    }

    // Offset just after the end tag that follows `pos`, skipping comments, CDATA and PIs (their
    // text may contain "</").
    std::size_t end_tag_after(std::size_t pos) const {
        while (pos < m_text.size()) {
            std::size_t lt = m_text.find('<', pos);
            if (lt == std::string_view::npos) return m_text.size();
            std::string_view rest = m_text.substr(lt);
            std::string_view close;
            if (rest.substr(0, 4) == "<!--") close = "-->";
            else if (rest.substr(0, 9) == "<![CDATA[") close = "]]>";
            else if (rest.substr(0, 2) == "<?") close = "?>";
            if (close.empty()) {
                std::size_t gt = m_text.find('>', lt);
                return gt == std::string_view::npos ? m_text.size() : gt + 1;
            }
            std::size_t e = m_text.find(close, lt);
            pos = e == std::string_view::npos ? m_text.size() : e + close.size();
        }
        return m_text.size();
    }

    std::string_view m_text;
    LineIndex m_lines;
    const std::string& m_path;
    const ParseLimits& m_limits;
    std::size_t m_nodes = 0;
};

// A tag-stack scan of the source, run only after pugixml rejected it, to name the element a
// mismatch or an unclosed element is about. Comments, CDATA, PIs, the DOCTYPE (with its internal
// subset) and quoted attribute values are skipped. Linear in the text.
class TagScan {
public:
    explicit TagScan(std::string_view text) : m_text(text) {}

    struct Finding {
        std::size_t at = std::string_view::npos;  // where to report
        std::string message;
    };

    Finding run() {
        std::size_t pos = 0;
        while ((pos = m_text.find('<', pos)) != std::string_view::npos) {
            std::string_view rest = m_text.substr(pos);
            if (rest.substr(0, 4) == "<!--") pos = skip_past(pos, "-->");
            else if (rest.substr(0, 9) == "<![CDATA[") pos = skip_past(pos, "]]>");
            else if (rest.substr(0, 2) == "<?") pos = skip_past(pos, "?>");
            else if (rest.substr(0, 2) == "<!") pos = doctype_end(pos);
            else if (rest.substr(0, 2) == "</") {
                Finding f = end_tag(pos);
                if (f.at != std::string_view::npos) return f;
                pos = tag_end(pos);
            } else {
                pos = start_tag(pos);
            }
        }
        if (m_open.empty()) return {};
        const auto& [name, at] = m_open.back();
        return {at, "unclosed element <" + name + ">: the file ends before its end tag"};
    }

private:
    std::size_t skip_past(std::size_t pos, std::string_view close) const {
        std::size_t e = m_text.find(close, pos);
        return e == std::string_view::npos ? m_text.size() : e + close.size();
    }
    std::size_t doctype_end(std::size_t pos) const {
        int bracket = 0;
        for (std::size_t i = pos + 2; i < m_text.size(); ++i) {
            if (m_text[i] == '[') ++bracket;
            else if (m_text[i] == ']') --bracket;
            else if (m_text[i] == '>' && bracket <= 0) return i + 1;
        }
        return m_text.size();
    }
    std::size_t name_end(std::size_t pos) const {
        while (pos < m_text.size() && !is_space(m_text[pos]) && m_text[pos] != '>' && m_text[pos] != '/') ++pos;
        return pos;
    }
    // Offset after the '>' closing the tag at `pos`, quoted values skipped.
    std::size_t tag_end(std::size_t pos) const {
        char quote = 0;
        for (std::size_t i = pos + 1; i < m_text.size(); ++i) {
            char c = m_text[i];
            if (quote) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i + 1;
            }
        }
        return m_text.size();
    }
    std::size_t start_tag(std::size_t pos) {
        std::size_t end = tag_end(pos);
        bool self_closing = end >= 2 && m_text[end - 1] == '>' && m_text[end - 2] == '/';
        if (!self_closing) m_open.emplace_back(std::string(m_text.substr(pos + 1, name_end(pos + 1) - pos - 1)), pos);
        return end;
    }
    Finding end_tag(std::size_t pos) {
        std::string name(m_text.substr(pos + 2, name_end(pos + 2) - pos - 2));
        if (m_open.empty()) return {pos, "end tag </" + name + "> without an open element"};
        if (m_open.back().first == name) {
            m_open.pop_back();
            return {};
        }
        return {pos, "mismatched end tag </" + name + ">; expected </" + m_open.back().first + ">"};
    }

    std::string_view m_text;
    std::vector<std::pair<std::string, std::size_t>> m_open;  // name, offset of '<'
};

std::string status_text(pugi::xml_parse_status status) {
    switch (status) {
        case pugi::status_unrecognized_tag: return "unrecognized markup after '<'";
        case pugi::status_bad_pi: return "malformed XML declaration or processing instruction";
        case pugi::status_bad_comment: return "malformed comment";
        case pugi::status_bad_cdata: return "malformed CDATA section";
        case pugi::status_bad_doctype: return "malformed DOCTYPE";
        case pugi::status_bad_pcdata: return "malformed text";
        case pugi::status_bad_start_element: return "malformed start tag";
        case pugi::status_bad_attribute: return "malformed attribute";
        case pugi::status_bad_end_element: return "malformed end tag";
        case pugi::status_end_element_mismatch: return "mismatched end tag";
        case pugi::status_no_document_element: return "no root element";
        default: return "XML could not be read";
    }
}

Diagnostic syntax_error(std::string_view text, const std::string& path, const pugi::xml_parse_result& r) {
    LineIndex lines(text);
    std::size_t at = std::min(static_cast<std::size_t>(r.offset), text.size());
    std::string message = status_text(r.status);
    if (r.status == pugi::status_end_element_mismatch) {
        TagScan::Finding f = TagScan(text).run();
        if (f.at != std::string_view::npos) {
            at = f.at;
            message = f.message;
        }
    }
    return make_diagnostic("parse-error", path, lines.position(at), "XML syntax error: " + message);
}

std::optional<pugi::xml_parse_result> load(pugi::xml_document& xml, std::string_view text) {
    // parse_default expands only the predefined entities and character references; DTDs are
    // skipped, so custom entities are never expanded.
    pugi::xml_parse_result r = xml.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
    if (r) return std::nullopt;
    return r;
}

}  // namespace

Result<Document> parse_xml(std::string_view text, const std::string& path, const ParseLimits& limits,
                           const XmlOptions& options) {
    if (text.size() > limits.max_bytes) {
        return make_diagnostic("limit-size", path, {}, "file larger than " + std::to_string(limits.max_bytes) + " bytes; not parsed");
    }
    std::string blanked;
    if (options.blank_templates) {
        blanked = blank_templates(text);
        text = blanked;
    }
    pugi::xml_document xml;
    std::optional<pugi::xml_parse_result> failed = load(xml, text);
    if (failed && !options.blank_templates) {
        // Not well-formed as written: template markup may be the reason.
        blanked = blank_templates(text);
        if (blanked != text && !load(xml, blanked)) {
            Result<Document> doc = XmlBuilder(blanked, path, limits).build(xml);
            if (doc.ok()) {
                Diagnostic note = make_diagnostic("xml-templates-blanked", path, Position{1, 1},
                                                  "not well-formed XML as written; parsed with its template markup blanked");
                note.level = DiagnosticLevel::note;
                doc->notes.push_back(std::move(note));
            }
            return doc;
        }
    }
    if (failed) return syntax_error(text, path, *failed);
    return XmlBuilder(text, path, limits).build(xml);
}

}  // namespace ccscan::analyzers
