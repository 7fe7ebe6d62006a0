#include "rules/config/path.h"

#include "analyzers/json_parser.h"

namespace ccscan::rules::config {

using analyzers::Node;
using analyzers::NodeKind;

namespace {

constexpr const char* k_id_keys[] = {"Identifier", "id", "Id", "name", "Name", "refId", "sid", "identifier"};

analyzers::Diagnostic path_error(std::string_view text, std::size_t at, const std::string& why) {
    analyzers::Diagnostic d;
    d.code = "path-error";
    d.message = "invalid path '" + std::string(text) + "' at offset " + std::to_string(at) + ": " + why;
    return d;
}

bool read_quoted(std::string_view text, std::size_t& i, std::string& out) {
    char q = text[i++];
    while (i < text.size() && text[i] != q) {
        if (text[i] == '\\' && i + 1 < text.size()) ++i;
        out += text[i++];
    }
    if (i >= text.size()) return false;
    ++i;
    return true;
}

}  // namespace

analyzers::Result<Path> parse_path(std::string_view text) {
    Path p;
    p.text = std::string(text);
    std::size_t i = 0;
    while (i < text.size()) {
        char c = text[i];
        PathSegment seg;
        if (c == '.') {
            ++i;
            continue;
        }
        if (c == '[') {
            std::size_t close = text.find(']', i);
            if (close == std::string_view::npos) return path_error(text, i, "missing ']'");
            std::string_view inner = text.substr(i + 1, close - i - 1);
            if (inner == "*") {
                seg.type = PathSegment::Type::any_item;
            } else if (!inner.empty() && (inner[0] == '"' || inner[0] == '\'')) {
                std::size_t j = i + 1;
                seg.type = PathSegment::Type::key;
                if (!read_quoted(text, j, seg.name)) return path_error(text, i, "unterminated quote");
                close = text.find(']', j);
                if (close == std::string_view::npos) return path_error(text, j, "missing ']'");
            } else if (auto eq = inner.find('='); eq != std::string_view::npos) {
                seg.type = PathSegment::Type::filter;
                seg.name = std::string(inner.substr(0, eq));
                seg.value = std::string(inner.substr(eq + 1));
                if (seg.value.size() >= 2 && (seg.value[0] == '"' || seg.value[0] == '\'')) {
                    seg.value = seg.value.substr(1, seg.value.size() - 2);
                }
            } else {
                seg.type = PathSegment::Type::index;
                char* end = nullptr;
                std::string num(inner);
                seg.index = std::strtol(num.c_str(), &end, 10);
                if (num.empty() || *end != '\0') return path_error(text, i, "expected *, a number, a quoted key or key=value");
            }
            i = close + 1;
        } else if (c == '"' || c == '\'') {
            seg.type = PathSegment::Type::key;
            if (!read_quoted(text, i, seg.name)) return path_error(text, i, "unterminated quote");
        } else if (c == '|') {
            if (text.substr(i, 5) != "|json") return path_error(text, i, "only '|json' may follow '|'");
            seg.type = PathSegment::Type::json;
            i += 5;
        } else {
            std::size_t j = i;
            while (j < text.size() && text[j] != '.' && text[j] != '[' && text[j] != '|') ++j;
            std::string_view word = text.substr(i, j - i);
            if (word == "*") seg.type = PathSegment::Type::any_key;
            else if (word == "**") seg.type = PathSegment::Type::recursive;
            else if (word[0] == '@') seg.type = PathSegment::Type::attribute, seg.name = std::string(word.substr(1));
            else seg.type = PathSegment::Type::key, seg.name = std::string(word);
            i = j;
        }
        p.segments.push_back(std::move(seg));
    }
    return p;
}

std::string item_key(const Node& item, std::size_t index) {
    if (item.kind == NodeKind::object || item.kind == NodeKind::element) {
        for (const char* k : k_id_keys) {
            const Node* c = item.find(k);
            if (c && c->kind != NodeKind::object && c->kind != NodeKind::array && !c->value.empty()) {
                return std::string(k) + "=" + c->value;
            }
        }
    }
    return "#" + std::to_string(index);
}

std::string display_name(const Node& node) {
    for (const char* k : k_id_keys) {
        const Node* c = node.find(k);
        if (c && (c->kind == NodeKind::scalar || c->kind == NodeKind::attribute) && !c->value.empty()) return c->value;
    }
    return node.key;
}

std::string KeyTrail::key() const {
    if (!m_base) return {};
    std::string key = *m_base;
    for (const Entry& e : m_steps) {
        switch (e.step) {
            case Step::item: key += "[" + item_key(*e.child, e.index) + "]"; break;
            case Step::attribute: key += ".@" + e.child->key; break;
            case Step::member:
                if (key.empty())
                    key = e.child->key;
                else
                    key += "." + e.child->key;
                break;
            case Step::json: key += "|json"; break;
        }
    }
    return key;
}

void Selector::select(const Node& from, const Path& path, std::vector<Hit>& out, const std::string& base_key) {
    KeyTrail trail(&base_key);
    auto sink = [&](const Node& n, const KeyTrail& t) { out.push_back({&n, t.key()}); };
    walk(from, path, 0, trail, sink, 0);
}

void Selector::select_nodes(const Node& from, const Path& path, std::vector<const Node*>& out) {
    // One member name (`key_id`, `Type`), the usual condition path: the walk's own key case, inline.
    if (path.segments.size() == 1 && path.segments.front().type == PathSegment::Type::key) {
        if (from.kind == NodeKind::array) return;
        const std::string& name = path.segments.front().name;
        for (const Node& c : from.children) {
            if (c.kind != NodeKind::attribute && c.key == name) out.push_back(&c);
        }
        return;
    }
    KeyTrail trail(nullptr);
    auto sink = [&](const Node& n, const KeyTrail&) { out.push_back(&n); };
    walk(from, path, 0, trail, sink, 0);
}

void Selector::visit(const Node& from, const Path& path, const std::string& base_key, const Visit& visit) {
    KeyTrail trail(&base_key);
    walk(from, path, 0, trail, visit, 0);
}

template <typename Sink>
void Selector::walk(const Node& node, const Path& path, std::size_t seg, KeyTrail& trail, Sink& sink, int depth) {
    if (depth > 4096) return;
    if (seg == path.segments.size()) {
        sink(node, trail);
        return;
    }
    const PathSegment& s = path.segments[seg];
    // Descends into a child with the key step child_key used to spell.
    auto into = [&](const Node& child, std::size_t index, std::size_t next) {
        KeyTrail::Step step = node.kind == NodeKind::array        ? KeyTrail::Step::item
                              : child.kind == NodeKind::attribute ? KeyTrail::Step::attribute
                                                                  : KeyTrail::Step::member;
        trail.push(step, &child, index);
        walk(child, path, next, trail, sink, depth + 1);
        trail.pop();
    };
    switch (s.type) {
        case PathSegment::Type::key:
            if (node.kind == NodeKind::array) break;
            for (std::size_t i = 0; i < node.children.size(); ++i) {
                const Node& c = node.children[i];
                if (c.kind != NodeKind::attribute && c.key == s.name) into(c, i, seg + 1);
            }
            break;
        case PathSegment::Type::attribute:
            for (std::size_t i = 0; i < node.children.size(); ++i) {
                const Node& c = node.children[i];
                if (c.kind == NodeKind::attribute && c.key == s.name) into(c, i, seg + 1);
            }
            break;
        case PathSegment::Type::any_key:
            if (node.kind == NodeKind::array) break;
            for (std::size_t i = 0; i < node.children.size(); ++i) {
                const Node& c = node.children[i];
                if (c.kind != NodeKind::attribute) into(c, i, seg + 1);
            }
            break;
        case PathSegment::Type::any_item:
            if (node.kind != NodeKind::array) {
                // Tolerance: a single object where a list is usual (hand-edited exports) counts as one item.
                if (node.kind == NodeKind::object) walk(node, path, seg + 1, trail, sink, depth + 1);
                break;
            }
            for (std::size_t i = 0; i < node.children.size(); ++i) into(node.children[i], i, seg + 1);
            break;
        case PathSegment::Type::index: {
            if (node.kind != NodeKind::array) break;
            long n = static_cast<long>(node.children.size());
            long idx = s.index < 0 ? n + s.index : s.index;
            if (idx >= 0 && idx < n) into(node.children[idx], static_cast<std::size_t>(idx), seg + 1);
            break;
        }
        case PathSegment::Type::filter:
            for (std::size_t i = 0; i < node.children.size(); ++i) {
                const Node& c = node.children[i];
                const Node* f = c.find(s.name);
                if (!f && !s.name.empty() && s.name[0] == '@') f = c.find(s.name.substr(1));
                if (f && f->value == s.value) into(c, i, seg + 1);
            }
            break;
        case PathSegment::Type::recursive:
            walk(node, path, seg + 1, trail, sink, depth + 1);
            for (std::size_t i = 0; i < node.children.size(); ++i) {
                if (node.children[i].kind == NodeKind::attribute) continue;
                into(node.children[i], i, seg);
            }
            break;
        case PathSegment::Type::json: {
            if (node.kind != NodeKind::scalar && node.kind != NodeKind::attribute) {
                // Already structured (YAML CloudFormation, jsonencode in HCL): navigate as is.
                trail.push(KeyTrail::Step::json, &node, 0);
                walk(node, path, seg + 1, trail, sink, depth + 1);
                trail.pop();
                break;
            }
            auto parsed = analyzers::parse_json(node.value, "", analyzers::ParseLimits{});
            if (!parsed.ok()) break;
            // Findings inside embedded JSON point at the embedding string.
            Node inner = std::move(parsed->root);
            std::vector<Node*> stack{&inner};
            while (!stack.empty()) {
                Node* n = stack.back();
                stack.pop_back();
                n->span = node.span;
                n->key_span = {};
                for (Node& c : n->children) stack.push_back(&c);
            }
            m_owned.push_back(std::move(inner));
            trail.push(KeyTrail::Step::json, &node, 0);
            walk(m_owned.back(), path, seg + 1, trail, sink, depth + 1);
            trail.pop();
            break;
        }
    }
}

}  // namespace ccscan::rules::config
