#include "analyzers/json_parser.h"

#include "analyzers/utf8.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace ccscan::analyzers {
namespace {

class JsonParser {
public:
    JsonParser(std::string_view text, const std::string& path, const ParseLimits& limits)
        : m_text(text), m_path(path), m_limits(limits), m_jsonc(is_jsonc_path(path)) {}

    Result<Document> parse() {
        if (m_text.size() > m_limits.max_bytes) return fail_at(0, "limit-size", "file larger than " + std::to_string(m_limits.max_bytes) + " bytes");
        if (m_text.substr(0, 3) == "\xEF\xBB\xBF") advance(3);
        skip_ws();
        if (m_error) return *m_error;
        Document doc;
        doc.format = "json";
        if (m_pos >= m_text.size()) return fail("empty document: expected a JSON value");
        if (!parse_value(doc.root)) return *m_error;
        skip_ws();
        if (m_error) return *m_error;
        if (m_pos < m_text.size()) return fail("unexpected content after the JSON value");
        return doc;
    }

private:
    // One open container on the explicit stack.
    struct Frame {
        Node node;
        bool expect_value_after_comma = false;
    };

    Position here() const { return {m_line, static_cast<std::uint32_t>(m_pos - m_line_start + 1)}; }
    Position end_here() const { return here(); }

    Diagnostic fail(const std::string& message, const std::string& code = "parse-error") {
        if (!m_error) m_error = make_diagnostic(code, m_path, here(), message);
        return *m_error;
    }
    Diagnostic fail_at(std::size_t, const std::string& code, const std::string& message) {
        return make_diagnostic(code, m_path, {}, message);
    }

    void advance(std::size_t n = 1) {
        for (std::size_t i = 0; i < n && m_pos < m_text.size(); ++i) {
            if (m_text[m_pos] == '\n') {
                ++m_line;
                m_line_start = m_pos + 1;
            }
            ++m_pos;
        }
    }

    void skip_ws() {
        while (m_pos < m_text.size()) {
            char c = m_text[m_pos];
            if (c == ' ' || c == '\t' || c == '\r') {
                ++m_pos;
            } else if (c == '\n') {
                advance();
            } else if (m_jsonc && c == '/' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '/') {
                while (m_pos < m_text.size() && m_text[m_pos] != '\n') ++m_pos;
            } else if (m_jsonc && c == '/' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '*') {
                std::size_t close = m_text.find("*/", m_pos + 2);
                if (close == std::string_view::npos) {
                    fail("unterminated /* comment");
                    m_pos = m_text.size();
                    return;
                }
                advance(close + 2 - m_pos);
            } else {
                break;
            }
        }
    }

    // JSONC: a ',' before the closing bracket is tolerated.
    bool may_close(const Frame& f) const { return m_jsonc || !f.expect_value_after_comma; }

    bool count_node() {
        if (++m_nodes > m_limits.max_nodes) {
            fail("document has more than " + std::to_string(m_limits.max_nodes) + " nodes", "limit-nodes");
            return false;
        }
        return true;
    }

    bool read_hex4(std::uint32_t& out) {
        if (m_pos + 4 > m_text.size()) return false;
        out = 0;
        for (int i = 0; i < 4; ++i) {
            char c = m_text[m_pos + i];
            out <<= 4;
            if (c >= '0' && c <= '9') out |= static_cast<std::uint32_t>(c - '0');
            else if (c >= 'a' && c <= 'f') out |= static_cast<std::uint32_t>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') out |= static_cast<std::uint32_t>(c - 'A' + 10);
            else return false;
        }
        m_pos += 4;
        return true;
    }

    // At an opening quote; reads the string into `out`, leaves m_pos after the closing quote.
    bool parse_string(std::string& out) {
        ++m_pos;
        while (true) {
            std::size_t start = m_pos;
            while (m_pos < m_text.size() && m_text[m_pos] != '"' && m_text[m_pos] != '\\' &&
                   static_cast<unsigned char>(m_text[m_pos]) >= 0x20) {
                ++m_pos;
            }
            out.append(m_text.substr(start, m_pos - start));
            if (m_pos >= m_text.size()) {
                fail("unterminated string");
                return false;
            }
            char c = m_text[m_pos];
            if (c == '"') {
                ++m_pos;
                return true;
            }
            if (c != '\\') {
                if (c == '\n') {
                    fail("unterminated string (newline inside a string)");
                    return false;
                }
                // Tolerated: raw control characters (tabs) inside strings, seen in hand-edited exports.
                out += c;
                ++m_pos;
                continue;
            }
            ++m_pos;
            if (m_pos >= m_text.size()) {
                fail("unterminated escape sequence");
                return false;
            }
            char e = m_text[m_pos++];
            switch (e) {
                case '"': out += '"'; break;
                case '\\': out += '\\'; break;
                case '/': out += '/'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'u': {
                    std::uint32_t cp = 0;
                    if (!read_hex4(cp)) {
                        --m_pos;
                        fail("invalid \\u escape: expected four hex digits");
                        return false;
                    }
                    if (cp >= 0xD800 && cp <= 0xDBFF && m_text.substr(m_pos, 2) == "\\u") {
                        std::size_t save = m_pos;
                        m_pos += 2;
                        std::uint32_t lo = 0;
                        if (read_hex4(lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
                            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                        } else {
                            m_pos = save;
                        }
                    }
                    append_utf8(out, cp);
                    break;
                }
                default:
                    m_pos -= 2;
                    fail(std::string("invalid escape '\\") + e + "' in string");
                    return false;
            }
        }
    }

    bool parse_number(Node& n) {
        std::size_t start = m_pos;
        if (m_text[m_pos] == '-') ++m_pos;
        auto digits = [&] {
            std::size_t s = m_pos;
            while (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9') ++m_pos;
            return m_pos > s;
        };
        if (!digits()) {
            fail("invalid number");
            return false;
        }
        if (m_pos < m_text.size() && m_text[m_pos] == '.') {
            ++m_pos;
            if (!digits()) {
                fail("invalid number: expected digits after '.'");
                return false;
            }
        }
        if (m_pos < m_text.size() && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
            ++m_pos;
            if (m_pos < m_text.size() && (m_text[m_pos] == '+' || m_text[m_pos] == '-')) ++m_pos;
            if (!digits()) {
                fail("invalid number: expected exponent digits");
                return false;
            }
        }
        n.kind = NodeKind::scalar;
        n.scalar_type = ScalarType::number;
        n.value = std::string(m_text.substr(start, m_pos - start));
        return true;
    }

    bool parse_literal(Node& n) {
        static const struct {
            std::string_view word;
            ScalarType type;
        } k_literals[] = {{"true", ScalarType::boolean}, {"false", ScalarType::boolean}, {"null", ScalarType::null}};
        for (const auto& l : k_literals) {
            if (m_text.substr(m_pos, l.word.size()) == l.word) {
                n.kind = NodeKind::scalar;
                n.scalar_type = l.type;
                n.value = std::string(l.word);
                m_pos += l.word.size();
                return true;
            }
        }
        fail(std::string("unexpected character '") + m_text[m_pos] + "': expected a JSON value");
        return false;
    }

    // Parses a scalar at m_pos into n (not containers).
    bool parse_scalar(Node& n) {
        char c = m_text[m_pos];
        n.span.start = here();
        bool ok;
        if (c == '"') {
            n.kind = NodeKind::scalar;
            ok = parse_string(n.value);
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            ok = parse_number(n);
        } else {
            ok = parse_literal(n);
        }
        n.span.end = end_here();
        return ok && count_node();
    }

    // Parses the value at m_pos; containers are handled with an explicit stack.
    bool parse_value(Node& root) {
        std::vector<Frame> stack;
        Node pending;  // the value just completed, to attach to the top frame
        std::string key;
        Span key_span;
        while (true) {
            skip_ws();
            if (m_pos >= m_text.size()) {
                fail(stack.empty() ? "expected a JSON value" : "unexpected end of input: unclosed " +
                     std::string(stack.back().node.kind == NodeKind::object ? "object" : "array"));
                return false;
            }
            Frame* top = stack.empty() ? nullptr : &stack.back();
            // Inside an object: read the key first (or the closing brace).
            if (top && top->node.kind == NodeKind::object && key_span.start.line == 0) {
                if (m_text[m_pos] == '}' && may_close(*top)) {
                    if (!close(stack, pending)) return false;
                    if (!attach(stack, pending, key, key_span, root)) return !m_error;
                    if (m_error) return false;
                    continue;
                }
                if (m_text[m_pos] != '"') {
                    fail(top->node.children.empty() && !top->expect_value_after_comma ? "expected a string key or '}'" : "expected a string key");
                    return false;
                }
                key.clear();
                key_span.start = here();
                if (!parse_string(key)) return false;
                key_span.end = end_here();
                skip_ws();
                if (m_pos >= m_text.size() || m_text[m_pos] != ':') {
                    fail("expected ':' after object key");
                    return false;
                }
                ++m_pos;
                skip_ws();
                if (m_pos >= m_text.size()) {
                    fail("expected a value after ':'");
                    return false;
                }
            }
            if (top && top->node.kind == NodeKind::array && m_text[m_pos] == ']' && may_close(*top)) {
                if (!close(stack, pending)) return false;
                if (!attach(stack, pending, key, key_span, root)) return !m_error;
                    if (m_error) return false;
                continue;
            }
            char c = m_text[m_pos];
            if (c == '{' || c == '[') {
                if (stack.size() >= m_limits.max_depth) {
                    fail("nesting deeper than " + std::to_string(m_limits.max_depth) + " levels", "limit-depth");
                    return false;
                }
                Frame f;
                f.node.kind = c == '{' ? NodeKind::object : NodeKind::array;
                f.node.span.start = here();
                f.node.key = std::move(key);
                f.node.key_span = key_span;
                key.clear();
                key_span = {};
                ++m_pos;
                if (!count_node()) return false;
                stack.push_back(std::move(f));
                continue;
            }
            if (c == '}' || c == ']') {
                fail(std::string("unexpected '") + c + "'" + (top && top->expect_value_after_comma ? " after ','" : ""));
                return false;
            }
            Node n;
            if (!parse_scalar(n)) return false;
            pending = std::move(n);
            if (!attach(stack, pending, key, key_span, root)) return !m_error;
                    if (m_error) return false;
        }
    }

    // Closes the top container (at its closing bracket) into `pending`.
    bool close(std::vector<Frame>& stack, Node& pending) {
        ++m_pos;
        pending = std::move(stack.back().node);
        pending.span.end = end_here();
        stack.pop_back();
        return true;
    }

    // Attaches `pending` to the top frame (or makes it the root). Returns false when the root is
    // complete. Reads the separator that follows a member or item.
    bool attach(std::vector<Frame>& stack, Node& pending, std::string& key, Span& key_span, Node& root) {
        if (stack.empty()) {
            root = std::move(pending);
            return false;
        }
        Frame& top = stack.back();
        if (top.node.kind == NodeKind::object) {
            if (pending.key.empty() && pending.key_span.start.line == 0) {
                pending.key = std::move(key);
                pending.key_span = key_span;
            }
        }
        key.clear();
        key_span = {};
        top.node.children.push_back(std::move(pending));
        pending = Node{};
        skip_ws();
        top.expect_value_after_comma = false;
        if (m_pos < m_text.size() && m_text[m_pos] == ',') {
            ++m_pos;
            top.expect_value_after_comma = true;
            return true;
        }
        char want = top.node.kind == NodeKind::object ? '}' : ']';
        if (m_pos < m_text.size() && m_text[m_pos] == want) return true;
        if (m_pos >= m_text.size()) return true;  // reported as unclosed by the caller
        fail(top.node.kind == NodeKind::object ? "expected ',' or '}' after object member" : "expected ',' or ']' after array item");
        return true;
    }

    std::string_view m_text;
    const std::string& m_path;
    const ParseLimits& m_limits;
    const bool m_jsonc;
    std::size_t m_pos = 0;
    std::uint32_t m_line = 1;
    std::size_t m_line_start = 0;
    std::size_t m_nodes = 0;
    std::optional<Diagnostic> m_error;
};

}  // namespace

bool is_jsonc_path(std::string_view path) {
    const std::size_t slash = path.find_last_of("/\\");
    const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    const std::string_view dir = slash == std::string_view::npos ? std::string_view{} : path.substr(0, slash);
    auto ends = [](std::string_view s, std::string_view suffix) { return s.ends_with(suffix); };
    auto starts = [](std::string_view s, std::string_view prefix) { return s.starts_with(prefix); };
    if (ends(name, ".jsonc") || ends(name, ".code-workspace")) return true;
    if (!ends(name, ".json")) return false;
    if (starts(name, "tsconfig") || starts(name, "jsconfig") || name == "devcontainer.json" ||
        name == ".devcontainer.json" || starts(name, ".eslintrc") || name == "api-extractor.json") {
        return true;
    }
    return ends(dir, ".vscode") || ends(dir, ".devcontainer");
}

Result<Document> parse_json(std::string_view text, const std::string& path, const ParseLimits& limits) {
    JsonParser p(text, path, limits);
    return p.parse();
}

}  // namespace ccscan::analyzers
