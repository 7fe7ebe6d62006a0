#include "analyzers/yaml_parser.h"

#include <yaml-cpp/yaml.h>
#include <yaml-cpp/eventhandler.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <sstream>

namespace ccscan::analyzers {
namespace {

// Thrown from the event handler to stop yaml-cpp: an exceeded limit, or a parser that stalls.
struct Abort {
    Diagnostic diagnostic;
};

bool is_null_text(std::string_view v) { return v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL"; }
bool is_bool_text(std::string_view v) {
    return v == "true" || v == "True" || v == "TRUE" || v == "false" || v == "False" || v == "FALSE";
}
bool is_number_text(std::string_view v) {
    if (v.empty()) return false;
    std::size_t i = (v[0] == '-' || v[0] == '+') ? 1 : 0;
    if (i == v.size()) return false;
    if (v.substr(i) == ".inf" || v.substr(i) == ".Inf" || v == ".nan" || v == ".NaN") return true;
    if (v.substr(i, 2) == "0x" || v.substr(i, 2) == "0o") return v.size() > i + 2;
    bool digit = false, dot = false, exp = false;
    for (; i < v.size(); ++i) {
        char c = v[i];
        if (c >= '0' && c <= '9') {
            digit = true;
        } else if (c == '.' && !dot && !exp) {
            dot = true;
        } else if ((c == 'e' || c == 'E') && digit && !exp) {
            exp = true;
            if (i + 1 < v.size() && (v[i + 1] == '+' || v[i + 1] == '-')) ++i;
        } else {
            return false;
        }
    }
    return digit;
}

// Builds Documents from yaml-cpp events. A stack of open containers; scalars attach to the top.
class Builder : public YAML::EventHandler {
public:
    Builder(std::string_view text, const std::string& path, const ParseLimits& limits)
        : m_text(text), m_index(text), m_path(path), m_limits(limits) {}

    std::vector<Node> documents;

    void OnDocumentStart(const YAML::Mark& mark) override {
        // yaml-cpp 0.7 never consumes a ',' (or other flow token) outside a flow collection: it
        // reports an empty document at the same place, forever. A second document starting where
        // the previous one did is that loop.
        if (m_last_document_start && *m_last_document_start == mark.pos) {
            std::size_t pos = static_cast<std::size_t>(mark.pos);
            std::string what = pos < m_text.size() && std::ispunct(static_cast<unsigned char>(m_text[pos]))
                                   ? "unexpected '" + std::string(1, m_text[pos]) + "' outside a flow collection"
                                   : "the parser cannot continue here";
            throw Abort{make_diagnostic("parse-error", m_path, to_pos(mark), "YAML syntax error: " + what)};
        }
        m_last_document_start = mark.pos;
        m_stack.clear();
        m_have_root = false;
    }
    void OnDocumentEnd() override {
        documents.push_back(m_have_root ? std::move(m_root) : Node{});
        m_root = Node{};
    }
    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        Node n;
        n.kind = NodeKind::scalar;
        n.scalar_type = ScalarType::null;
        n.span = {to_pos(mark), to_pos(mark)};
        attach(std::move(n), anchor);
    }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        auto it = m_anchors.find(anchor);
        Node n;
        if (it != m_anchors.end()) {
            n = it->second;
            std::size_t count = count_nodes(n);
            m_alias_nodes += count;
            if (m_alias_nodes > m_limits.max_alias_expansion) {
                throw Abort{make_diagnostic("limit-alias", m_path, to_pos(mark),
                    "YAML aliases expand to more than " + std::to_string(m_limits.max_alias_expansion) +
                    " nodes (billion-laughs protection); the file was not analysed")};
            }
            bump(count);
        }
        n.span = {to_pos(mark), to_pos(mark)};
        n.tag = "alias";
        attach(std::move(n), 0);
    }
    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        Node n;
        n.kind = NodeKind::scalar;
        n.value = value;
        if (tag == "?") {
            if (is_null_text(value)) n.scalar_type = ScalarType::null;
            else if (is_bool_text(value)) n.scalar_type = ScalarType::boolean;
            else if (is_number_text(value)) n.scalar_type = ScalarType::number;
        } else if (tag != "!") {
            n.tag = tag;
        }
        // yaml-cpp counts lines its own way (a NUL byte ends its line); never end before the start.
        n.span = {to_pos(mark), std::max(to_pos(mark), scalar_end(mark))};
        attach(std::move(n), anchor);
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        open(NodeKind::array, mark, tag, anchor);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        open(NodeKind::object, mark, tag, anchor);
    }
    void OnMapEnd() override { close(); }

private:
    struct Frame {
        Node node;
        YAML::anchor_t anchor = 0;
        bool expecting_key = true;  // maps only
        Node pending_key;
        std::vector<Node> merges;   // `<<:` values, applied when the map closes (explicit keys win)
    };

    Position to_pos(const YAML::Mark& m) const {
        return {static_cast<std::uint32_t>(m.line + 1), static_cast<std::uint32_t>(m.column + 1)};
    }

    // End of a scalar that starts at `mark`: the end of its token on that line (quoted: the closing
    // quote; plain: up to a comment, ',' / ']' / '}' in flow context, or the line end).
    Position scalar_end(const YAML::Mark& mark) const {
        std::size_t pos = static_cast<std::size_t>(mark.pos);
        if (pos >= m_text.size()) return to_pos(mark);
        std::size_t line_end = m_text.find('\n', pos);
        if (line_end == std::string_view::npos) line_end = m_text.size();
        char q = m_text[pos];
        std::size_t end = line_end;
        if (q == '"' || q == '\'') {
            for (std::size_t i = pos + 1; i < line_end; ++i) {
                if (q == '"' && m_text[i] == '\\') { ++i; continue; }
                if (m_text[i] == q) {
                    if (q == '\'' && i + 1 < line_end && m_text[i + 1] == '\'') { ++i; continue; }
                    end = i + 1;
                    break;
                }
            }
        } else if (q == '|' || q == '>') {
            end = line_end;  // block scalar: the indicator line (content follows)
        } else {
            for (std::size_t i = pos; i < line_end; ++i) {
                char c = m_text[i];
                if (c == '#' && i > pos && (m_text[i - 1] == ' ' || m_text[i - 1] == '\t')) { end = i; break; }
                if (!m_stack.empty() && m_flow_depth > 0 && (c == ',' || c == ']' || c == '}')) { end = i; break; }
                if (c == ':' && (i + 1 == line_end || m_text[i + 1] == ' ')) { end = i; break; }
            }
            while (end > pos && (m_text[end - 1] == ' ' || m_text[end - 1] == '\t' || m_text[end - 1] == '\r')) --end;
        }
        Position p = m_index.position(end == pos ? pos : end - 1);
        p.column += 1;
        return p;
    }

    static std::size_t count_nodes(const Node& n) {
        std::size_t c = 1;
        for (const Node& ch : n.children) c += count_nodes(ch);
        return c;
    }

    void bump(std::size_t count) {
        m_nodes += count;
        if (m_nodes > m_limits.max_nodes) {
            throw Abort{make_diagnostic("limit-nodes", m_path, {},
                "document has more than " + std::to_string(m_limits.max_nodes) + " nodes")};
        }
    }

    void open(NodeKind kind, const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor) {
        if (m_stack.size() >= m_limits.max_depth) {
            throw Abort{make_diagnostic("limit-depth", m_path, to_pos(mark),
                "nesting deeper than " + std::to_string(m_limits.max_depth) + " levels")};
        }
        Frame f;
        f.node.kind = kind;
        f.node.span = {to_pos(mark), to_pos(mark)};
        if (tag != "?" && tag != "!" && tag != "tag:yaml.org,2002:map" && tag != "tag:yaml.org,2002:seq") f.node.tag = tag;
        f.anchor = anchor;
        std::size_t pos = static_cast<std::size_t>(mark.pos);
        if (pos < m_text.size() && (m_text[pos] == '[' || m_text[pos] == '{')) ++m_flow_depth;
        m_flow.push_back(pos < m_text.size() && (m_text[pos] == '[' || m_text[pos] == '{'));
        m_stack.push_back(std::move(f));
        bump(1);
    }

    void close() {
        Frame f = std::move(m_stack.back());
        m_stack.pop_back();
        if (m_flow.back()) --m_flow_depth;
        m_flow.pop_back();
        // The mapping ends where its own last entry (or `<<:` value) ends; members merged in keep
        // the spans of their definition, usually earlier in the file, so they come after this.
        if (!f.node.children.empty()) f.node.span.end = f.node.children.back().span.end;
        for (const Node& m : f.merges) f.node.span.end = std::max(f.node.span.end, m.span.end);
        for (const Node& m : f.merges) merge_into(f.node, m);
        // An empty entry at the end of the input ("key:\n  -") is a null that yaml-cpp places at
        // column 1 of the last line, before the collection's own start.
        f.node.span.end = std::max(f.node.span.end, f.node.span.start);
        attach(std::move(f.node), f.anchor);
    }

    void attach(Node n, YAML::anchor_t anchor) {
        if (anchor != 0) m_anchors[anchor] = n;
        if (n.kind == NodeKind::scalar) bump(1);
        if (m_stack.empty()) {
            m_root = std::move(n);
            m_have_root = true;
            return;
        }
        Frame& top = m_stack.back();
        if (top.node.kind == NodeKind::array) {
            top.node.children.push_back(std::move(n));
            return;
        }
        if (top.expecting_key) {
            top.pending_key = std::move(n);
            top.expecting_key = false;
            return;
        }
        top.expecting_key = true;
        if (top.pending_key.value == "<<" && top.pending_key.kind == NodeKind::scalar) {
            top.merges.push_back(std::move(n));
            return;
        }
        n.key = top.pending_key.kind == NodeKind::scalar ? top.pending_key.value : std::string("<complex key>");
        n.key_span = top.pending_key.span;
        top.node.children.push_back(std::move(n));
    }

    // YAML merge key: `<<: *base` or `<<: [*a, *b]`; keys already present win.
    static void merge_into(Node& target, const Node& source) {
        if (source.kind == NodeKind::array) {
            for (const Node& item : source.children) merge_into(target, item);
            return;
        }
        if (source.kind != NodeKind::object) return;
        for (const Node& member : source.children) {
            if (!target.find(member.key)) target.children.push_back(member);
        }
    }

    std::string_view m_text;
    LineIndex m_index;
    const std::string& m_path;
    const ParseLimits& m_limits;
    std::vector<Frame> m_stack;
    std::vector<bool> m_flow;
    int m_flow_depth = 0;
    std::map<YAML::anchor_t, Node> m_anchors;
    Node m_root;
    bool m_have_root = false;
    std::size_t m_nodes = 0;
    std::size_t m_alias_nodes = 0;
    std::optional<int> m_last_document_start;
};

// yaml-cpp recurses per nesting level; reject absurd nesting before handing it the text.
std::optional<Diagnostic> precheck_depth(std::string_view text, const std::string& path, const ParseLimits& limits) {
    std::size_t depth = 0, line = 1, col = 0;
    bool in_single = false, in_double = false, in_comment = false;
    std::size_t block_prefix = 0;
    bool at_line_start = true;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        ++col;
        if (c == '\n') {
            ++line, col = 0, in_comment = false, at_line_start = true, block_prefix = 0;
            continue;
        }
        if (at_line_start) {
            if (c == ' ' || c == '-' || c == '\t' || c == '?') {
                if (++block_prefix > limits.max_depth * 2) {
                    return make_diagnostic("limit-depth", path, {static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(col)},
                                           "block nesting deeper than " + std::to_string(limits.max_depth) + " levels");
                }
                continue;
            }
            at_line_start = false;
        }
        if (in_comment) continue;
        if (in_double) { if (c == '\\') ++i; else if (c == '"') in_double = false; continue; }
        if (in_single) { if (c == '\'') in_single = false; continue; }
        if (c == '#') in_comment = true;
        else if (c == '"') in_double = true;
        else if (c == '\'' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '[' || text[i - 1] == '{' || text[i - 1] == ',')) in_single = true;
        else if (c == '[' || c == '{') {
            if (++depth > limits.max_depth) {
                return make_diagnostic("limit-depth", path, {static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(col)},
                                       "nesting deeper than " + std::to_string(limits.max_depth) + " levels");
            }
        } else if ((c == ']' || c == '}') && depth > 0) --depth;
    }
    return std::nullopt;
}

}  // namespace

Result<Document> parse_yaml(std::string_view text, const std::string& path, const ParseLimits& limits) {
    if (text.size() > limits.max_bytes) {
        return make_diagnostic("limit-size", path, {}, "file larger than " + std::to_string(limits.max_bytes) + " bytes");
    }
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    if (auto d = precheck_depth(text, path, limits)) return *d;
    Builder builder(text, path, limits);
    try {
        std::istringstream in{std::string(text)};
        YAML::Parser parser(in);
        while (parser.HandleNextDocument(builder)) {
        }
    } catch (const Abort& e) {
        return e.diagnostic;
    } catch (const YAML::Exception& e) {
        Position at{static_cast<std::uint32_t>(e.mark.line + 1), static_cast<std::uint32_t>(e.mark.column + 1)};
        if (e.mark.is_null()) at = {};
        Diagnostic d = make_diagnostic("parse-error", path, at, "YAML syntax error: " + e.msg);
        return d;
    } catch (const std::exception& e) {
        return make_diagnostic("parse-error", path, {}, std::string("YAML error: ") + e.what());
    }
    Document doc;
    doc.format = "yaml";
    if (builder.documents.size() == 1) {
        doc.root = std::move(builder.documents.front());
    } else {
        doc.multi_document = builder.documents.size() > 1;
        doc.root.kind = NodeKind::array;
        doc.root.children = std::move(builder.documents);
        if (!doc.root.children.empty()) {
            doc.root.span = {doc.root.children.front().span.start,
                             std::max(doc.root.children.front().span.start, doc.root.children.back().span.end)};
        }
    }
    return doc;
}

}  // namespace ccscan::analyzers
