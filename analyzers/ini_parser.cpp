#include "analyzers/ini_parser.h"

#include <optional>

namespace ccscan::analyzers {
namespace {

struct Line {
    std::string_view text;
    std::uint32_t number = 0;
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// Trims and reports how many bytes were removed from the left.
std::string_view trim(std::string_view s, std::size_t* left = nullptr) {
    std::size_t l = 0;
    while (l < s.size() && is_space(s[l])) ++l;
    std::size_t r = s.size();
    while (r > l && is_space(s[r - 1])) --r;
    if (left) *left = l;
    return s.substr(l, r - l);
}

// The part of a line before an unescaped ';' comment; "\;" stays (as ';').
std::string strip_comment(std::string_view s, std::size_t& kept) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == ';') {
            out += ';';
            ++i;
            continue;
        }
        if (s[i] == ';') break;
        out += s[i];
    }
    kept = out.size();
    return out;
}

Span span_of(std::uint32_t line, std::size_t col0, std::size_t len) {
    auto c = static_cast<std::uint32_t>(col0 + 1);
    return {{line, c}, {line, static_cast<std::uint32_t>(col0 + 1 + len)}};
}

Diagnostic note(const std::string& path, std::uint32_t line, std::string msg) {
    Diagnostic d = make_diagnostic("ini-unparsed-line", path, {line, 1}, std::move(msg));
    d.level = DiagnosticLevel::note;
    return d;
}

template <class F>
void for_each_line(std::string_view text, F&& f) {
    std::uint32_t n = 1;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        f(Line{text.substr(start, end - start), n});
        if (end == text.size()) break;
        start = end + 1;
        ++n;
    }
}

}  // namespace

Result<Document> parse_ini(std::string_view text, const std::string& path, const ParseLimits& limits) {
    if (text.size() > limits.max_bytes) return make_diagnostic("limit-size", path, {}, "file larger than " + std::to_string(limits.max_bytes) + " bytes");
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    Document doc;
    doc.format = "ini";
    doc.root.kind = NodeKind::object;
    Node* section = nullptr;
    std::size_t nodes = 0;
    std::optional<Diagnostic> error;
    std::uint32_t last_line = 1;
    for_each_line(text, [&](const Line& line) {
        if (error) return;
        last_line = line.number;
        if (++nodes > limits.max_nodes) {
            error = make_diagnostic("limit-nodes", path, {line.number, 1}, "more than " + std::to_string(limits.max_nodes) + " entries");
            return;
        }
        std::size_t kept = 0;
        std::string body = strip_comment(line.text, kept);
        std::size_t left = 0;
        std::string_view t = trim(body, &left);
        if (t.empty()) return;
        if (t.front() == '#') {
            // #include "file", #tryinclude, #exec
            std::size_t sp = t.find_first_of(" \t");
            Node n;
            n.kind = NodeKind::scalar;
            n.key = std::string(t.substr(0, sp));
            n.key_span = span_of(line.number, left, n.key.size());
            if (sp != std::string_view::npos) {
                std::size_t vleft = 0;
                std::string_view v = trim(t.substr(sp), &vleft);
                if (v.size() >= 2 && (v.front() == '"' || v.front() == '<') ) v = v.substr(1, v.size() - 2), ++vleft;
                n.value = std::string(v);
                n.span = span_of(line.number, left + sp + vleft, v.size());
            } else {
                n.span = n.key_span;
            }
            if (!section) {
                doc.root.children.push_back(Node{NodeKind::object, ScalarType::string, "", "", "", n.key_span, {}, {}});
                section = &doc.root.children.back();
            }
            section->children.push_back(std::move(n));
            section->span.end = section->children.back().span.end;
            return;
        }
        if (t.front() == '[') {
            std::size_t close = t.find(']');
            if (close == std::string_view::npos) {
                doc.notes.push_back(note(path, line.number, "section header without ']'"));
                return;
            }
            Node s;
            s.kind = NodeKind::object;
            s.key = std::string(trim(t.substr(1, close - 1)));
            s.key_span = span_of(line.number, left + 1, close - 1);
            std::string_view rest = trim(t.substr(close + 1));
            if (!rest.empty() && rest.front() == '(') s.tag = std::string(rest.substr(0, rest.find(')') + 1));
            s.span = span_of(line.number, left, t.size());
            doc.root.children.push_back(std::move(s));
            section = &doc.root.children.back();
            return;
        }
        // key = value | key => value
        std::size_t eq = t.find('=');
        if (eq == std::string_view::npos) {
            doc.notes.push_back(note(path, line.number, "line is neither a section, a '#' directive nor 'key = value'"));
            return;
        }
        bool arrow = eq + 1 < t.size() && t[eq + 1] == '>';
        std::size_t kleft = 0;
        std::string_view key = trim(t.substr(0, eq), &kleft);
        std::size_t vstart = eq + (arrow ? 2 : 1);
        std::size_t vleft = 0;
        std::string_view value = trim(t.substr(vstart), &vleft);
        Node n;
        n.kind = NodeKind::scalar;
        n.key = std::string(key);
        n.value = std::string(value);
        n.tag = arrow ? "=>" : "";
        n.key_span = span_of(line.number, left + kleft, key.size());
        n.span = value.empty() ? span_of(line.number, left + vstart, 0) : span_of(line.number, left + vstart + vleft, value.size());
        if (!section) {
            Node s;
            s.kind = NodeKind::object;
            s.span = n.key_span;
            doc.root.children.push_back(std::move(s));
            section = &doc.root.children.back();
        }
        section->children.push_back(std::move(n));
        section->span.end = section->children.back().span.end;
    });
    if (error) return *error;
    doc.root.span = {{1, 1}, {last_line, 1}};
    return doc;
}

}  // namespace ccscan::analyzers
