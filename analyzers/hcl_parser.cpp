#include "analyzers/hcl_parser.h"

#include <tree_sitter/api.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <memory>
#include <optional>
#include <vector>

#include "analyzers/hcl_strings.h"

extern "C" const TSLanguage* tree_sitter_hcl();

namespace ccscan::analyzers {
namespace {

constexpr auto k_parse_timeout = std::chrono::seconds(20);

struct ParserDeleter {
    void operator()(TSParser* p) const { ts_parser_delete(p); }
};
struct TreeDeleter {
    void operator()(TSTree* t) const { ts_tree_delete(t); }
};

std::string_view type_of(TSNode n) { return ts_node_type(n); }
Position position(TSPoint p) { return {p.row + 1, p.column + 1}; }
Span span_of(TSNode n) { return {position(ts_node_start_point(n)), position(ts_node_end_point(n))}; }

// Named children, comments left out. A cursor walk: indexed access is linear per call in
// tree-sitter, which made bodies with many blocks quadratic.
std::vector<TSNode> named_children(TSNode n) {
    std::vector<TSNode> out;
    TSTreeCursor cursor = ts_tree_cursor_new(n);
    if (ts_tree_cursor_goto_first_child(&cursor)) {
        do {
            TSNode c = ts_tree_cursor_current_node(&cursor);
            if (ts_node_is_named(c) && type_of(c) != "comment") out.push_back(c);
        } while (ts_tree_cursor_goto_next_sibling(&cursor));
    }
    ts_tree_cursor_delete(&cursor);
    return out;
}

// Deadline for tree-sitter's progress callback: hostile input cannot hold a worker forever.
bool past_deadline(TSParseState* state) {
    auto* deadline = static_cast<std::chrono::steady_clock::time_point*>(state->payload);
    return std::chrono::steady_clock::now() > *deadline;
}

const char* read_source(void* payload, std::uint32_t byte, TSPoint, std::uint32_t* bytes_read) {
    const auto* text = static_cast<const std::string_view*>(payload);
    if (byte >= text->size()) {
        *bytes_read = 0;
        return "";
    }
    *bytes_read = static_cast<std::uint32_t>(text->size() - byte);
    return text->data() + byte;
}

class HclBuilder {
public:
    HclBuilder(std::string_view text, const std::string& path, const ParseLimits& limits)
        : m_text(text), m_path(path), m_limits(limits) {}

    Result<Document> build(TSNode root) {
        if (ts_node_has_error(root)) return syntax_error(root);
        Document doc;
        doc.format = "terraform";
        doc.root.kind = NodeKind::object;
        doc.root.span = span_of(root);
        for (TSNode c : named_children(root)) {
            if (type_of(c) == "body" && !body(c, doc.root, 1, true)) return *m_error;
        }
        return doc;
    }

private:
    std::string_view text_of(TSNode n) const {
        return m_text.substr(ts_node_start_byte(n), ts_node_end_byte(n) - ts_node_start_byte(n));
    }

    // The first named child of a wrapper node (literal_value, template_expr, collection_value).
    // The grammar always gives one; a tree that does not (a grammar change, an error-recovery
    // shape) becomes a diagnostic at the node instead of an exception.
    std::optional<TSNode> only_child(TSNode wrapper) {
        std::vector<TSNode> parts = named_children(wrapper);
        if (!parts.empty()) return parts[0];
        m_error = make_diagnostic("parse-error", m_path, span_of(wrapper).start,
                                  "HCL " + std::string(type_of(wrapper)) + " without a value; not analysed");
        return std::nullopt;
    }

    bool check(TSNode at, std::size_t depth) {
        if (depth > m_limits.max_depth) {
            m_error = make_diagnostic("limit-depth", m_path, span_of(at).start,
                                      "HCL nested deeper than " + std::to_string(m_limits.max_depth) + " levels; not analysed");
            return false;
        }
        if (++m_nodes > m_limits.max_nodes) {
            m_error = make_diagnostic("limit-nodes", m_path, span_of(at).start,
                                      "more than " + std::to_string(m_limits.max_nodes) + " HCL nodes; not analysed");
            return false;
        }
        return true;
    }

    // The first ERROR or MISSING node, found with a cursor (no recursion on deep trees).
    Diagnostic syntax_error(TSNode root) const {
        TSTreeCursor cursor = ts_tree_cursor_new(root);
        TSNode found = root;
        for (;;) {
            TSNode n = ts_tree_cursor_current_node(&cursor);
            if (ts_node_is_error(n) || ts_node_is_missing(n)) {
                found = n;
                break;
            }
            if (ts_node_has_error(n) && ts_tree_cursor_goto_first_child(&cursor)) continue;
            bool moved = false;
            while (!(moved = ts_tree_cursor_goto_next_sibling(&cursor))) {
                if (!ts_tree_cursor_goto_parent(&cursor)) break;
            }
            if (!moved) break;
        }
        ts_tree_cursor_delete(&cursor);
        // A missing closer is named; any other missing token means what follows was unexpected.
        std::string_view missing = ts_node_is_missing(found) ? type_of(found) : std::string_view();
        bool closer = missing == "}" || missing == "]" || missing == ")" || missing == "\"";
        std::string message = closer ? "HCL syntax error: missing '" + std::string(missing) + "'"
                                     : "HCL syntax error: " + unexpected(ts_node_start_byte(found));
        return make_diagnostic("parse-error", m_path, span_of(found).start, message);
    }

    // What the source holds at an error: punctuation is quoted; words and strings are not (they
    // may be values, and diagnostics never carry scanned values).
    std::string unexpected(std::size_t byte) const {
        std::string_view t = m_text.substr(std::min(byte, m_text.size()));
        std::size_t i = t.find_first_not_of(" \t\r\n");
        if (i == std::string_view::npos) return "unexpected end of input";
        unsigned char c = static_cast<unsigned char>(t[i]);
        if (c == '"' || c == '<') return "unexpected string";
        if (std::ispunct(c)) return std::string("unexpected '") + static_cast<char>(c) + "'";
        return "unexpected token";
    }

    bool body(TSNode b, Node& target, std::size_t depth, bool top) {
        for (TSNode c : named_children(b)) {
            std::string_view t = type_of(c);
            bool ok = t == "attribute" ? attribute(c, target, depth) : t == "block" ? block(c, target, depth, top) : true;
            if (!ok) return false;
        }
        return true;
    }

    bool attribute(TSNode a, Node& target, std::size_t depth) {
        std::vector<TSNode> parts = named_children(a);
        if (parts.size() < 2) return true;
        Node v;
        if (!value(parts[1], v, depth + 1)) return false;
        v.key = std::string(text_of(parts[0]));
        v.key_span = span_of(parts[0]);
        target.children.push_back(std::move(v));
        return true;
    }

    static Node object_node(std::string key, Span key_span, Span span, std::string tag) {
        Node n;
        n.kind = NodeKind::object;
        n.key = std::move(key);
        n.key_span = key_span;
        n.span = span;
        n.tag = std::move(tag);
        return n;
    }

    static Node& group(Node& parent, const std::string& key, Span key_span, Span span) {
        for (Node& c : parent.children) {
            if (c.key == key && c.kind == NodeKind::object && c.tag.empty()) {
                c.span.end = std::max(c.span.end, span.end);
                return c;
            }
        }
        parent.children.push_back(object_node(key, key_span, span, ""));
        return parent.children.back();
    }

    std::string label_text(TSNode label) const {
        return type_of(label) == "string_lit" ? decode_hcl_template(m_text, label) : std::string(text_of(label));
    }

    bool block(TSNode b, Node& target, std::size_t depth, bool top) {
        if (!check(b, depth)) return false;
        std::vector<TSNode> parts = named_children(b);
        std::vector<TSNode> labels;
        std::optional<TSNode> inner;
        for (std::size_t i = 1; i < parts.size(); ++i) {
            std::string_view t = type_of(parts[i]);
            if (t == "string_lit" || t == "identifier") labels.push_back(parts[i]);
            else if (t == "body") inner = parts[i];
        }
        std::string type(text_of(parts[0]));
        Span span = span_of(b);
        Node* parent = &target;
        std::string key = type;
        Span key_span = span_of(parts[0]);
        for (std::size_t i = 0; i < labels.size(); ++i) {
            parent = &group(*parent, key, key_span, span);
            key = label_text(labels[i]);
            key_span = span_of(labels[i]);
        }
        Node obj = object_node(key, key_span, span, "block");
        if (inner && !body(*inner, obj, depth + 1, false)) return false;
        if (!labels.empty()) {
            parent->children.push_back(std::move(obj));
        } else if (top && (type == "locals" || type == "terraform")) {
            merge(*parent, std::move(obj));
        } else {
            add_repeatable(*parent, std::move(obj));
        }
        return true;
    }

    // Top-level `locals` (and `terraform`) blocks: one object, whatever the number of blocks.
    static void merge(Node& parent, Node obj) {
        for (Node& c : parent.children) {
            if (c.key == obj.key && c.kind == NodeKind::object && c.tag == "block") {
                for (Node& m : obj.children) c.children.push_back(std::move(m));
                return;
            }
        }
        parent.children.push_back(std::move(obj));
    }

    // A second unlabeled block of one type turns the object into an array of objects.
    static void add_repeatable(Node& parent, Node obj) {
        for (Node& c : parent.children) {
            if (c.key != obj.key) continue;
            if (c.kind == NodeKind::object && c.tag == "block") {
                Node first = std::move(c);
                Node arr;
                arr.kind = NodeKind::array;
                arr.key = first.key;
                arr.key_span = first.key_span;
                arr.span = {first.span.start, obj.span.end};
                arr.tag = "blocks";
                first.key.clear();
                obj.key.clear();
                arr.children.push_back(std::move(first));
                arr.children.push_back(std::move(obj));
                c = std::move(arr);
                return;
            }
            if (c.kind == NodeKind::array && c.tag == "blocks") {
                c.span.end = obj.span.end;
                obj.key.clear();
                c.children.push_back(std::move(obj));
                return;
            }
        }
        parent.children.push_back(std::move(obj));
    }

    void expression(TSNode e, Node& out) const {
        out.kind = NodeKind::scalar;
        out.scalar_type = ScalarType::expression;
        out.value = std::string(text_of(e));
        out.span = span_of(e);
    }

    // `e` is an `expression` node (or a literal inside one).
    bool value(TSNode e, Node& out, std::size_t depth) {
        if (!check(e, depth)) return false;
        std::vector<TSNode> parts = named_children(e);
        out.span = span_of(e);
        if (parts.size() != 1) {
            expression(e, out);
            return true;
        }
        TSNode c = parts[0];
        std::string_view t = type_of(c);
        if (t == "literal_value" || t == "template_expr" || t == "collection_value") {
            std::optional<TSNode> inner = only_child(c);
            if (!inner) return false;
            if (t == "literal_value") return literal(*inner, out, e);
            if (t == "template_expr") return template_value(*inner, out, e);
            return collection(*inner, out, depth);
        }
        if (t == "function_call") return call(c, out, depth);
        if (t == "operation" && negative_number(c, out)) return true;
        expression(e, out);
        return true;
    }

    // `-5`: a number, not an expression.
    bool negative_number(TSNode op, Node& out) const {
        std::vector<TSNode> parts = named_children(op);
        if (parts.size() != 1 || type_of(parts[0]) != "unary_operation") return false;
        std::vector<TSNode> operand = named_children(parts[0]);
        if (operand.size() != 1 || type_of(operand[0]) != "literal_value") return false;
        std::vector<TSNode> lit = named_children(operand[0]);
        if (lit.size() != 1 || type_of(lit[0]) != "numeric_lit" || text_of(parts[0]).substr(0, 1) != "-") return false;
        out.kind = NodeKind::scalar;
        out.scalar_type = ScalarType::number;
        out.value = "-" + std::string(text_of(lit[0]));
        return true;
    }

    bool literal(TSNode lit, Node& out, TSNode whole) {
        std::string_view t = type_of(lit);
        out.kind = NodeKind::scalar;
        if (t == "numeric_lit") {
            out.scalar_type = ScalarType::number;
            out.value = std::string(text_of(lit));
        } else if (t == "bool_lit") {
            out.scalar_type = ScalarType::boolean;
            out.value = std::string(text_of(lit));
        } else if (t == "null_lit") {
            out.scalar_type = ScalarType::null;
            out.value = "null";
        } else if (t == "string_lit") {
            out.scalar_type = ScalarType::string;
            out.value = decode_hcl_template(m_text, lit);
        } else {
            expression(whole, out);
        }
        return true;
    }

    bool template_value(TSNode tmpl, Node& out, TSNode whole) {
        std::string_view t = type_of(tmpl);
        if (t == "heredoc_template") {
            out.kind = NodeKind::scalar;
            out.scalar_type = ScalarType::string;
            out.value = heredoc_content(m_text, tmpl);
            out.tag = "heredoc";
        } else if (t == "quoted_template" && is_plain_hcl_template(tmpl)) {
            out.kind = NodeKind::scalar;
            out.scalar_type = ScalarType::string;
            out.value = decode_hcl_template(m_text, tmpl);
        } else if (t == "quoted_template") {
            // "arn:${var.region}": an expression; its value is the template without the quotes.
            expression(whole, out);
            std::string_view inner = text_of(tmpl);
            if (inner.size() >= 2 && inner.front() == '"' && inner.back() == '"') out.value = inner.substr(1, inner.size() - 2);
        } else {
            expression(whole, out);
        }
        return true;
    }

    bool collection(TSNode coll, Node& out, std::size_t depth) {
        bool is_tuple = type_of(coll) == "tuple";
        out.kind = is_tuple ? NodeKind::array : NodeKind::object;
        for (TSNode c : named_children(coll)) {
            std::string_view t = type_of(c);
            if (is_tuple && t == "expression") {
                Node item;
                if (!value(c, item, depth + 1)) return false;
                out.children.push_back(std::move(item));
            } else if (!is_tuple && t == "object_elem") {
                TSNode k = ts_node_child_by_field_name(c, "key", 3);
                TSNode v = ts_node_child_by_field_name(c, "val", 3);
                if (ts_node_is_null(k) || ts_node_is_null(v)) continue;
                Node item;
                if (!value(v, item, depth + 1)) return false;
                item.key = object_key(k);
                item.key_span = span_of(k);
                out.children.push_back(std::move(item));
            }
        }
        return true;
    }

    // `Version = ...`, `"Version" = ...` -> Version; any other key expression keeps its text.
    std::string object_key(TSNode k) const {
        std::vector<TSNode> parts = named_children(k);
        if (parts.size() == 1 && type_of(parts[0]) == "variable_expr") return std::string(text_of(parts[0]));
        if (parts.size() == 1 && type_of(parts[0]) == "literal_value") {
            TSNode lit = ts_node_named_child(parts[0], 0);
            if (!ts_node_is_null(lit) && type_of(lit) == "string_lit") return decode_hcl_template(m_text, lit);
        }
        return std::string(text_of(k));
    }

    // jsonencode/yamlencode of a literal object or tuple: the literal, navigable.
    bool call(TSNode fn, Node& out, std::size_t depth) {
        std::vector<TSNode> parts = named_children(fn);
        std::string_view name = parts.empty() ? std::string_view() : text_of(parts[0]);
        if ((name == "jsonencode" || name == "yamlencode") && parts.size() == 2 &&
            type_of(parts[1]) == "function_arguments") {
            std::vector<TSNode> args = named_children(parts[1]);
            if (args.size() == 1) {
                std::vector<TSNode> inner = named_children(args[0]);
                if (inner.size() == 1 && type_of(inner[0]) == "collection_value") {
                    std::optional<TSNode> coll = only_child(inner[0]);
                    if (!coll || !collection(*coll, out, depth)) return false;
                    out.tag = std::string(name);
                    out.span = span_of(fn);
                    return true;
                }
            }
        }
        expression(fn, out);
        return true;
    }

    std::string_view m_text;
    const std::string& m_path;
    const ParseLimits& m_limits;
    std::size_t m_nodes = 0;
    std::optional<Diagnostic> m_error;
};

}  // namespace

Result<Document> parse_hcl(std::string_view text, const std::string& path, const ParseLimits& limits) {
    if (text.size() > limits.max_bytes) {
        return make_diagnostic("limit-size", path, {}, "file larger than " + std::to_string(limits.max_bytes) + " bytes; not parsed");
    }
    std::unique_ptr<TSParser, ParserDeleter> parser(ts_parser_new());
    if (!ts_parser_set_language(parser.get(), tree_sitter_hcl())) {
        return make_diagnostic("internal", path, {}, "tree-sitter-hcl grammar version not supported by the runtime");
    }
    auto deadline = std::chrono::steady_clock::now() + k_parse_timeout;
    TSParseOptions options{&deadline, past_deadline};
    TSInput input{&text, read_source, TSInputEncodingUTF8, nullptr};
    std::unique_ptr<TSTree, TreeDeleter> tree(ts_parser_parse_with_options(parser.get(), nullptr, input, options));
    if (!tree) {
        return make_diagnostic("limit-time", path, {}, "HCL parsing took longer than " +
                               std::to_string(k_parse_timeout.count()) + " s; not analysed");
    }
    return HclBuilder(text, path, limits).build(ts_tree_root_node(tree.get()));
}

}  // namespace ccscan::analyzers
