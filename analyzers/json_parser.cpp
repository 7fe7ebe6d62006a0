#include "analyzers/json_parser.h"

#include <cctype>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <vector>

namespace ccscan::analyzers {
namespace {

// One open container on the explicit stack.
struct Frame {
    Node node;
    std::string pending_key;  // objects: key of the member whose value is being parsed
    Span pending_key_span;
};

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string describe(char c) {
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7F) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "0x%02X", static_cast<unsigned char>(c));
        return std::string("byte ") + buf;
    }
    return std::string("'") + c + "'";
}

class JsonParser {
public:
    JsonParser(std::string_view text, const std::string& path, const ParseLimits& limits)
        : m_text(text), m_path(path), m_limits(limits) {}

    Result<Document> parse() {
        if (m_text.size() > m_limits.max_bytes) {
            return make_diagnostic("limit-size", m_path, {},
                                   "file larger than " + std::to_string(m_limits.max_bytes) + " bytes; not parsed");
        }
        if (m_text.substr(0, 3) == "\xEF\xBB\xBF") m_pos = 3;  // columns still count its bytes
        skip_ws();
        if (at_end()) return error_here("empty document: expected a JSON value");
        std::optional<Node> root = run();
        if (!root) return *m_error;
        skip_ws();
        if (!at_end()) return error_here("unexpected content after the JSON value: " + describe(peek()));
        Document doc;
        doc.format = "json";
        doc.root = std::move(*root);
        return doc;
    }

private:
    enum class Want { value, first_member, member, first_element, after_item };

    bool at_end() const { return m_pos >= m_text.size(); }
    char peek() const { return m_text[m_pos]; }
    Position here() const {
        return {m_line, static_cast<std::uint32_t>(m_pos - m_line_start + 1)};
    }

    Diagnostic error_here(const std::string& message, const std::string& code = "parse-error") {
        if (!m_error) m_error = make_diagnostic(code, m_path, here(), message);
        return *m_error;
    }

    void skip_ws() {
        while (m_pos < m_text.size() && is_ws(m_text[m_pos])) {
            if (m_text[m_pos] == '\n') {
                ++m_line;
                m_line_start = m_pos + 1;
            }
            ++m_pos;
        }
    }

    bool count_node() {
        if (++m_nodes > m_limits.max_nodes) {
            error_here("more than " + std::to_string(m_limits.max_nodes) + " JSON nodes; not analysed", "limit-nodes");
            return false;
        }
        return true;
    }

    // The state machine over the explicit stack. Returns the root, or nullopt with m_error set.
    std::optional<Node> run() {
        Want want = Want::value;
        for (;;) {
            skip_ws();
            if (at_end()) {
                unexpected_end();
                return std::nullopt;
            }
            std::optional<Node> done;  // a value that just completed
            switch (want) {
                case Want::value:
                    if (!value(want, done)) return std::nullopt;
                    break;
                case Want::first_member:
                case Want::member:
                    if (peek() == '}' && want == Want::first_member) {
                        done = close();
                    } else if (!member_key(want == Want::member)) {
                        return std::nullopt;
                    } else {
                        want = Want::value;
                    }
                    break;
                case Want::first_element:
                    if (peek() == ']') done = close();
                    else want = Want::value;
                    break;
                case Want::after_item:
                    if (!after_item(want, done)) return std::nullopt;
                    break;
            }
            if (!done) continue;
            if (m_stack.empty()) return done;
            attach(std::move(*done));
            want = Want::after_item;
        }
    }

    void unexpected_end() {
        if (m_stack.empty()) {
            error_here("unexpected end of input: expected a JSON value");
            return;
        }
        const Node& open = m_stack.back().node;
        const char* what = open.kind == NodeKind::object ? "unclosed object" : "unclosed array";
        error_here(std::string("unexpected end of input: ") + what + " opened at line " +
                   std::to_string(open.span.start.line) + ", column " + std::to_string(open.span.start.column));
    }

    // Parses a scalar into `done`, or opens a container and moves `want` into it.
    bool value(Want& want, std::optional<Node>& done) {
        if (!count_node()) return false;
        char c = peek();
        if (c == '{' || c == '[') {
            if (m_stack.size() >= m_limits.max_depth) {
                error_here("nesting deeper than " + std::to_string(m_limits.max_depth) + " levels; not analysed",
                           "limit-depth");
                return false;
            }
            Frame f;
            f.node.kind = c == '{' ? NodeKind::object : NodeKind::array;
            f.node.span.start = here();
            ++m_pos;
            m_stack.push_back(std::move(f));
            want = c == '{' ? Want::first_member : Want::first_element;
            return true;
        }
        Node n;
        n.span.start = here();
        if (c == '"') {
            if (!string_token(n.value)) return false;
            n.scalar_type = ScalarType::string;
        } else if (c == '-' || is_digit(c)) {
            if (!number_token(n.value)) return false;
            n.scalar_type = ScalarType::number;
        } else if (!literal(n)) {
            if (c == ']' && !m_stack.empty() && m_after_comma) return fail_close("']'");
            if (c == '}' && !m_stack.empty() && m_after_comma) return fail_close("'}'");
            if (c == '/') error_here("comments are not allowed in JSON");
            else error_here("expected a JSON value (string, number, object, array, true, false or null), found " + describe(c));
            return false;
        }
        n.span.end = here();
        done = std::move(n);
        return true;
    }

    bool fail_close(const std::string& what) {
        error_here("unexpected " + what + " after ',' (trailing commas are not allowed in JSON)");
        return false;
    }

    bool literal(Node& n) {
        static constexpr std::string_view k_words[] = {"true", "false", "null"};
        for (std::string_view w : k_words) {
            if (m_text.compare(m_pos, w.size(), w) != 0) continue;
            std::size_t after = m_pos + w.size();
            if (after < m_text.size() && std::isalnum(static_cast<unsigned char>(m_text[after]))) continue;
            n.value = std::string(w);
            n.scalar_type = w == "null" ? ScalarType::null : ScalarType::boolean;
            m_pos = after;
            return true;
        }
        return false;
    }

    bool member_key(bool after_comma) {
        if (peek() != '"') {
            if (peek() == '}' && after_comma) return fail_close("'}'");
            error_here("expected a string key in double quotes, found " + describe(peek()));
            return false;
        }
        Frame& f = m_stack.back();
        f.pending_key_span.start = here();
        f.pending_key.clear();
        if (!string_token(f.pending_key)) return false;
        f.pending_key_span.end = here();
        skip_ws();
        if (at_end() || peek() != ':') {
            if (at_end()) unexpected_end();
            else error_here("expected ':' after object key, found " + describe(peek()));
            return false;
        }
        ++m_pos;
        m_after_comma = false;
        return true;
    }

    bool after_item(Want& want, std::optional<Node>& done) {
        bool is_object = m_stack.back().node.kind == NodeKind::object;
        char c = peek();
        char closer = is_object ? '}' : ']';
        if (c == ',') {
            ++m_pos;
            m_after_comma = true;
            want = is_object ? Want::member : Want::value;
            return true;
        }
        if (c == closer) {
            done = close();
            return true;
        }
        error_here(is_object ? "expected ',' or '}' after object member, found " + describe(c)
                             : "expected ',' or ']' after array element, found " + describe(c));
        return false;
    }

    Node close() {
        ++m_pos;
        m_after_comma = false;
        Node n = std::move(m_stack.back().node);
        m_stack.pop_back();
        n.span.end = here();
        return n;
    }

    void attach(Node n) {
        Frame& f = m_stack.back();
        if (f.node.kind == NodeKind::object) {
            n.key = std::move(f.pending_key);
            n.key_span = f.pending_key_span;
        }
        m_after_comma = false;
        f.node.children.push_back(std::move(n));
    }

    bool hex4(std::size_t at, std::uint32_t& out) const {
        if (at + 4 > m_text.size()) return false;
        out = 0;
        for (std::size_t i = at; i < at + 4; ++i) {
            char c = m_text[i];
            out <<= 4;
            if (is_digit(c)) out |= static_cast<std::uint32_t>(c - '0');
            else if (c >= 'a' && c <= 'f') out |= static_cast<std::uint32_t>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') out |= static_cast<std::uint32_t>(c - 'A' + 10);
            else return false;
        }
        return true;
    }

    // \uXXXX at m_pos (on the backslash); consumes it and any low surrogate that follows.
    bool unicode_escape(std::string& out) {
        std::uint32_t cp = 0;
        if (!hex4(m_pos + 2, cp)) {
            error_here("invalid \\u escape: expected four hex digits");
            return false;
        }
        m_pos += 6;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            std::uint32_t low = 0;
            if (m_text.compare(m_pos, 2, "\\u") == 0 && hex4(m_pos + 2, low) && low >= 0xDC00 && low <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                m_pos += 6;
            } else {
                cp = 0xFFFD;  // lone high surrogate
            }
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            cp = 0xFFFD;  // lone low surrogate
        }
        append_utf8(out, cp);
        return true;
    }

    // An escape at m_pos (on the backslash); errors point at the backslash.
    bool escape(std::string& out) {
        if (m_pos + 1 >= m_text.size()) {
            error_here("unterminated string: input ends inside an escape");
            return false;
        }
        char c = m_text[m_pos + 1];
        switch (c) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': return unicode_escape(out);
            default:
                error_here("invalid escape '\\" + std::string(1, c) + "' in string");
                return false;
        }
        m_pos += 2;
        return true;
    }

    // A string at m_pos (on the opening quote); appends its unescaped content.
    bool string_token(std::string& out) {
        ++m_pos;
        for (;;) {
            // Raw pointers: this loop is the parser's hot path, also in unoptimised builds.
            const char* begin = m_text.data() + m_pos;
            const char* end = m_text.data() + m_text.size();
            const char* p = begin;
            while (p < end && *p != '"' && *p != '\\' && *p != '\n' && *p != '\r') ++p;
            out.append(begin, static_cast<std::size_t>(p - begin));
            m_pos += static_cast<std::size_t>(p - begin);
            if (at_end()) {
                error_here("unterminated string: missing closing '\"'");
                return false;
            }
            char c = peek();
            if (c == '"') {
                ++m_pos;
                return true;
            }
            if (c != '\\') {
                error_here("unterminated string: line break before the closing '\"'");
                return false;
            }
            if (!escape(out)) return false;
        }
    }

    bool digits() {
        std::size_t start = m_pos;
        while (m_pos < m_text.size() && is_digit(m_text[m_pos])) ++m_pos;
        return m_pos > start;
    }

    bool number_token(std::string& out) {
        std::size_t start = m_pos;
        if (peek() == '-') ++m_pos;
        if (at_end() || !is_digit(peek())) return number_error("expected a digit");
        if (peek() == '0') ++m_pos;
        else digits();
        if (!at_end() && peek() == '.') {
            ++m_pos;
            if (!digits()) return number_error("expected a digit after '.'");
        }
        if (!at_end() && (peek() == 'e' || peek() == 'E')) {
            ++m_pos;
            if (!at_end() && (peek() == '+' || peek() == '-')) ++m_pos;
            if (!digits()) return number_error("expected a digit in the exponent");
        }
        if (!at_end() && (is_digit(peek()) || std::isalpha(static_cast<unsigned char>(peek())) || peek() == '.')) {
            return number_error("unexpected " + describe(peek()) + " in number");
        }
        out.assign(m_text.data() + start, m_pos - start);
        return true;
    }

    bool number_error(const std::string& what) {
        error_here("invalid number: " + what);
        return false;
    }

    std::string_view m_text;
    const std::string& m_path;
    const ParseLimits& m_limits;
    std::size_t m_pos = 0;
    std::uint32_t m_line = 1;
    std::size_t m_line_start = 0;
    std::size_t m_nodes = 0;
    bool m_after_comma = false;
    std::vector<Frame> m_stack;
    std::optional<Diagnostic> m_error;
};

}  // namespace

Result<Document> parse_json(std::string_view text, const std::string& path, const ParseLimits& limits) {
    return JsonParser(text, path, limits).parse();
}

}  // namespace ccscan::analyzers
