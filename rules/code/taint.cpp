#include "rules/code/taint.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <optional>
#include <set>

#include "analyzers/text_mask.h"

namespace ccscan::rules::code {

using analyzers::SyntaxTree;

namespace {

// Recursion bound for the tree walks (generated or hostile code nests deeper than any person writes).
constexpr int k_max_depth = 400;

struct AssignKind {
    const char* type;
    const char* lhs;
    const char* rhs;  // nullptr: last named child that is not the lhs
};
struct CallKind {
    const char* type;
    const char* object;  // optional receiver field (java, php, ruby)
    const char* callee;  // function/method name field
    const char* args;
};
struct LanguageKinds {
    std::string_view id;
    std::vector<AssignKind> assigns;
    std::vector<CallKind> calls;
    std::vector<std::string_view> functions;
    std::vector<std::pair<std::string_view, std::string_view>> statement_sinks;  // node type -> callee name
};

// Per-language node kinds: the one place that knows each grammar's shapes.
const std::vector<LanguageKinds>& language_kinds() {
    static const std::vector<CallKind> k_js_calls = {{"call_expression", nullptr, "function", "arguments"},
                                                     {"new_expression", nullptr, "constructor", "arguments"}};
    static const std::vector<AssignKind> k_js_assigns = {{"variable_declarator", "name", "value"},
                                                         {"assignment_expression", "left", "right"},
                                                         {"augmented_assignment_expression", "left", "right"}};
    static const std::vector<std::string_view> k_js_functions = {"function_declaration", "function_expression", "arrow_function",
                                                                 "method_definition", "generator_function_declaration", "function"};
    static const std::vector<LanguageKinds> k_table = {
        {"python", {{"assignment", "left", "right"}, {"augmented_assignment", "left", "right"}},
         {{"call", nullptr, "function", "arguments"}}, {"function_definition", "lambda"}, {}},
        {"javascript", k_js_assigns, k_js_calls, k_js_functions, {}},
        {"typescript", k_js_assigns, k_js_calls, k_js_functions, {}},
        {"tsx", k_js_assigns, k_js_calls, k_js_functions, {}},
        {"java", {{"variable_declarator", "name", "value"}, {"assignment_expression", "left", "right"}},
         {{"method_invocation", "object", "name", "arguments"}, {"object_creation_expression", nullptr, "type", "arguments"}},
         {"method_declaration", "constructor_declaration", "lambda_expression"}, {}},
        {"csharp", {{"variable_declarator", "name", nullptr}, {"assignment_expression", "left", "right"}},
         {{"invocation_expression", nullptr, "function", "arguments"}, {"object_creation_expression", nullptr, "type", "arguments"}},
         {"method_declaration", "constructor_declaration", "local_function_statement", "lambda_expression"}, {}},
        {"go", {{"short_var_declaration", "left", "right"}, {"assignment_statement", "left", "right"}, {"var_spec", "name", "value"}},
         {{"call_expression", nullptr, "function", "arguments"}}, {"function_declaration", "method_declaration", "func_literal"}, {}},
        {"php", {{"assignment_expression", "left", "right"}, {"augmented_assignment_expression", "left", "right"}},
         {{"function_call_expression", nullptr, "function", "arguments"},
          {"member_call_expression", "object", "name", "arguments"},
          {"scoped_call_expression", "scope", "name", "arguments"},
          {"nullsafe_member_call_expression", "object", "name", "arguments"}},
         {"function_definition", "method_declaration", "anonymous_function", "arrow_function"},
         {{"echo_statement", "echo"}, {"print_intrinsic", "print"}}},
        {"ruby", {{"assignment", "left", "right"}, {"operator_assignment", "left", "right"}},
         {{"call", "receiver", "method", "arguments"}}, {"method", "singleton_method", "lambda", "do_block", "block"}, {}},
    };
    return k_table;
}

const LanguageKinds* kinds_for(std::string_view lang) {
    for (const LanguageKinds& k : language_kinds()) {
        if (k.id == lang) return &k;
    }
    return nullptr;
}

// Field ids by name for one language, looked up once per name (ts_node_child_by_field_name
// compares the name with every field name of the grammar on each call). Names come from the
// static kind table, so their addresses identify them.
class FieldIds {
public:
    explicit FieldIds(const TSLanguage* lang) : m_lang(lang) {}
    TSFieldId id(const char* name) {
        for (const auto& [n, id] : m_ids) {
            if (n == name) return id;
        }
        TSFieldId id = ts_language_field_id_for_name(m_lang, name, static_cast<std::uint32_t>(std::strlen(name)));
        m_ids.emplace_back(name, id);
        return id;
    }

private:
    const TSLanguage* m_lang;
    std::vector<std::pair<const char*, TSFieldId>> m_ids;
};

std::string normalize_access(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '$') continue;
        if (c == '"') c = '\'';
        if ((c == '-' || c == ':') && i + 1 < text.size() && (text[i + 1] == '>' || text[i + 1] == ':')) {
            out += '.';
            ++i;
            continue;
        }
        if (c == '?' && i + 1 < text.size() && text[i + 1] == '.') continue;
        out += c;
    }
    return out;
}

bool type_has(TSNode n, const char* part) { return std::strstr(ts_node_type(n), part) != nullptr; }

bool is_access(TSNode n) {
    return type_has(n, "member") || type_has(n, "attribute") || type_has(n, "subscript") || type_has(n, "field_access") ||
           type_has(n, "selector_expression") || type_has(n, "element_reference") || type_has(n, "element_access") ||
           type_has(n, "property_access") || type_has(n, "index_expression");
}

bool is_identifier(TSNode n) {
    return type_has(n, "identifier") || std::strcmp(ts_node_type(n), "variable_name") == 0 || std::strcmp(ts_node_type(n), "name") == 0 ||
           std::strcmp(ts_node_type(n), "constant") == 0;
}

// A source name split once per file: its words and the words joined ("card number" -> card,
// number / "cardnumber").
struct NameWords {
    std::vector<std::string> words;
    std::string joined;
};

bool words_match(const std::vector<std::string>& words, const NameWords& want) {
    if (want.words.empty()) return false;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (words[i] == want.joined) return true;
        if (i + want.words.size() <= words.size() && std::equal(want.words.begin(), want.words.end(), words.begin() + static_cast<long>(i)))
            return true;
    }
    return false;
}

// Node classes by grammar symbol, computed once per symbol (node type strings are compared with
// strstr/strcmp, which would otherwise run for every visit of every node).
struct SymbolClass {
    bool known = false;
    bool access = false, identifier = false, function = false, string = false, sequence = false;
    const CallKind* call = nullptr;
    std::vector<const AssignKind*> assigns;
    const char* statement_sink = nullptr;
};

struct Chain {
    std::string source;
    std::vector<PathStep> steps;
    // The value is a payload object (a whole event, its Parameters): one field read out of it
    // (`params["CardNumber"]`) is not the payload, so it does not carry this taint on.
    bool payload = false;
};

class ScopeWalker {
public:
    ScopeWalker(const SyntaxTree& tree, const TaintSpec& spec, const LanguageKinds& kinds, const std::string& path,
                const std::vector<std::string>& sinks, std::vector<TaintHit>& out)
        : m_tree(tree), m_spec(spec), m_kinds(kinds), m_path(path), m_sinks(sinks), m_out(out),
          m_fields(ts_tree_language(tree.tree())) {
        for (const std::string& s : m_spec.source_names) {
            NameWords w{identifier_words(s), {}};
            for (const std::string& part : w.words) w.joined += part;
            m_names.push_back(std::move(w));
        }
        // Sized once: classify() hands out references into this table.
        m_classes.resize(ts_language_symbol_count(ts_tree_language(tree.tree())) + 1);
    }

    // Walks one scope; nested functions are appended to `nested` for their own walk.
    void walk_scope(TSNode scope, std::vector<TSNode>& nested) {
        m_vars.clear();
        m_clean.clear();
        walk(scope, scope, nested);
    }

private:
    Location loc(TSNode n) const { return {m_path, m_tree.span(n)}; }
    TSNode field(TSNode n, const char* name) const {
        if (!name) return TSNode{};
        return ts_node_child_by_field_id(n, m_fields.id(name));
    }
    std::string short_text(TSNode n) const {
        std::string t = normalize_access(m_tree.text(n));
        return analyzers::shorten_masked(t, 57);
    }

    std::string callee_of(TSNode call, const CallKind& ck) const {
        TSNode obj = field(call, ck.object), name = field(call, ck.callee);
        if (ts_node_is_null(name)) return {};
        std::string c = normalize_access(m_tree.text(name));
        if (!ts_node_is_null(obj)) c = normalize_access(m_tree.text(obj)) + "." + c;
        return c;
    }

    const SymbolClass& classify(TSNode n) const {
        static const SymbolClass k_unknown;  // never written: symbols outside the language's table
        TSSymbol sym = ts_node_symbol(n);
        if (sym >= m_classes.size()) return k_unknown;
        SymbolClass& c = m_classes[sym];
        if (c.known) return c;
        c.known = true;
        const char* type = ts_node_type(n);
        c.access = is_access(n);
        c.identifier = is_identifier(n);
        c.function = std::find(m_kinds.functions.begin(), m_kinds.functions.end(), std::string_view(type)) != m_kinds.functions.end();
        c.string = type_has(n, "string");
        c.sequence = type_has(n, "list") || type_has(n, "pattern") || type_has(n, "tuple");
        for (const CallKind& ck : m_kinds.calls) {
            if (!c.call && std::strcmp(type, ck.type) == 0) c.call = &ck;
        }
        for (const AssignKind& ak : m_kinds.assigns) {
            if (std::strcmp(type, ak.type) == 0) c.assigns.push_back(&ak);
        }
        for (const auto& [t, name] : m_kinds.statement_sinks) {
            if (!c.statement_sink && t == type) c.statement_sink = name.data();
        }
        return c;
    }

    const CallKind* call_kind(TSNode n) const { return classify(n).call; }

    bool is_function(TSNode n) const { return classify(n).function; }

    // Whether an identifier or key names a sensitive source; words are split once per distinct text.
    bool sensitive_name(std::string_view text) const {
        auto it = m_sensitive.find(text);
        if (it != m_sensitive.end()) return it->second;
        std::vector<std::string> words = identifier_words(text);
        bool hit = false;
        for (const NameWords& w : m_names) hit = hit || words_match(words, w);
        m_sensitive.emplace(std::string(text), hit);
        return hit;
    }

    bool is_sanitizer(const std::string& callee) const {
        std::string lower;
        auto dot = callee.rfind('.');
        for (char c : callee.substr(dot == std::string::npos ? 0 : dot + 1)) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        for (const std::string& w : m_spec.sanitizers) {
            if (lower.find(w) != std::string::npos) return true;
        }
        return false;
    }

    std::optional<Chain> source_step(TSNode n, const std::string& what, const char* why, bool payload = false) const {
        return Chain{what, {PathStep{loc(n), "source: '" + what + "' (" + why + ")"}}, payload};
    }

    // "'CardNumber'" -> "CardNumber": messages quote the source themselves.
    static std::string unquoted(std::string s) {
        if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'' || s.front() == '`') && s.back() == s.front()) return s.substr(1, s.size() - 2);
        return s;
    }

    // `attrs.get('cvv')`, `params.get("cardNumber")`, `json.getString("pan")`: a key read through
    // a getter call is read like a subscript.
    bool is_getter_argument(TSNode n) const {
        TSNode args = ts_node_parent(n);
        if (ts_node_is_null(args)) return false;
        TSNode call = ts_node_parent(args);
        if (ts_node_is_null(call)) return false;
        const SymbolClass& cc = classify(call);
        if (!cc.call || ts_node_named_child_count(args) == 0 || ts_node_start_byte(ts_node_named_child(args, 0)) != ts_node_start_byte(n)) return false;
        std::string callee = callee_of(call, *cc.call);
        std::string last = callee.substr(callee.rfind('.') == std::string::npos ? 0 : callee.rfind('.') + 1);
        return last == "get" || (last.size() > 3 && last.rfind("get", 0) == 0 && std::isupper(static_cast<unsigned char>(last[3])));
    }

    bool used_whole(TSNode n) const {
        TSNode parent = ts_node_parent(n);
        if (ts_node_is_null(parent) || !is_access(parent)) return true;
        return ts_node_start_byte(ts_node_named_child(parent, 0)) != ts_node_start_byte(n);
    }

    bool path_matches(const std::string& text) const {
        for (const std::string& p : m_spec.source_paths) {
            if (!p.empty() && p.back() == '*' ? text.rfind(p.substr(0, p.size() - 1), 0) == 0 : text == p) return true;
        }
        return false;
    }

    // `in_object`: n is the object of an enclosing access (event in event.x): a path or whole
    // source there is only a part of the value the access reads, so it does not count.
    // `parent_access`: whether n's parent is an access (1/0), or -1 when the caller does not know.
    bool parent_is_access(TSNode n, int parent_access) const {
        if (parent_access >= 0) return parent_access == 1;
        TSNode parent = ts_node_parent(n);
        return !ts_node_is_null(parent) && classify(parent).access;
    }

    std::optional<Chain> taint_of(TSNode n, bool in_object = false, int depth = 0, int parent_access = -1) const {
        if (ts_node_is_null(n) || depth > k_max_depth) return std::nullopt;
        const SymbolClass& cls = classify(n);
        if (cls.function) return std::nullopt;
        if (cls.call) {
            if (is_sanitizer(callee_of(n, *cls.call))) return std::nullopt;
        }
        if (cls.identifier || cls.access) {
            std::string text = normalize_access(m_tree.text(n));
            if (auto it = m_vars.find(text); it != m_vars.end()) {
                if (in_object && it->second.payload) return std::nullopt;
                return it->second;
            }
            if (m_clean.count(text)) return std::nullopt;
            if (!in_object && path_matches(text)) return source_step(n, short_text(n), "contact or request payload", text.find("Digits") == std::string::npos);
            if (cls.identifier) {
                for (const std::string& w : m_spec.source_whole) {
                    if (!in_object && text == w && used_whole(n)) return source_step(n, text, "whole payload", true);
                }
                if (sensitive_name(text)) return source_step(n, text, "sensitive name");
            }
        } else if (cls.string && (parent_is_access(n, parent_access) || is_getter_argument(n))) {
            if (sensitive_name(m_tree.text(n))) return source_step(n, unquoted(short_text(n)), "sensitive key");
        }
        const bool access = cls.access;
        const auto children = m_tree.named_children(n);
        for (std::size_t i = 0; i < children.size; ++i) {
            if (auto c = taint_of(children.data[i], access && i == 0, depth + 1, access ? 1 : 0)) return c;
        }
        return std::nullopt;
    }

    void assign(TSNode n, const AssignKind& ak) {
        TSNode lhs = field(n, ak.lhs);
        TSNode rhs = ak.rhs ? field(n, ak.rhs) : TSNode{};
        if (!ak.rhs && ts_node_named_child_count(n) > 1) rhs = ts_node_named_child(n, ts_node_named_child_count(n) - 1);
        if (ts_node_is_null(lhs) || ts_node_is_null(rhs) || ts_node_start_byte(rhs) == ts_node_start_byte(lhs)) return;
        std::optional<Chain> chain = taint_of(rhs);
        std::vector<TSNode> targets;
        if (classify(lhs).sequence) {
            for (std::uint32_t i = 0; i < ts_node_named_child_count(lhs); ++i) targets.push_back(ts_node_named_child(lhs, i));
        } else {
            targets.push_back(lhs);
        }
        for (TSNode t : targets) {
            std::string key = normalize_access(m_tree.text(t));
            if (!chain) {
                m_vars.erase(key);
                m_clean.insert(key);  // card_number = "redacted": the name no longer holds card data
                continue;
            }
            m_clean.erase(key);
            Chain c = *chain;
            c.steps.push_back(PathStep{loc(n), "'" + analyzers::shorten_masked(key, 57) + "' holds '" + c.source + "'"});
            m_vars[key] = std::move(c);
        }
    }

    // `args_field`: the field holding the call's arguments (looked up only for sinks), or
    // nullptr to take the whole node.
    void check_sink(TSNode n, const std::string& callee, const char* args_field) {
        bool sink = false;
        for (const std::string& p : m_sinks) sink = sink || callee_matches(p, callee);
        if (!sink) return;
        TSNode args = args_field ? field(n, args_field) : n;
        std::optional<Chain> chain = taint_of(ts_node_is_null(args) ? n : args);
        if (!chain) return;
        TaintHit hit{n, callee, chain->source, chain->steps};
        hit.steps.push_back(PathStep{loc(n), "sink: " + callee + "(...) receives '" + chain->source + "'"});
        m_out.push_back(std::move(hit));
    }

    void walk(TSNode n, TSNode scope, std::vector<TSNode>& nested, int depth = 0) {
        if (depth > k_max_depth) return;  // pathological nesting: stay within the stack
        const SymbolClass& cls = classify(n);
        if (ts_node_start_byte(n) != ts_node_start_byte(scope) || ts_node_end_byte(n) != ts_node_end_byte(scope)) {
            if (cls.function) {
                nested.push_back(n);
                return;
            }
        }
        for (TSNode child : m_tree.named_children(n)) walk(child, scope, nested, depth + 1);
        // Post-order: inner calls and right-hand sides are seen before the enclosing statement.
        for (const AssignKind* ak : cls.assigns) assign(n, *ak);
        if (cls.call) check_sink(n, callee_of(n, *cls.call), cls.call->args);
        if (cls.statement_sink) check_sink(n, std::string(cls.statement_sink), nullptr);
    }

    const SyntaxTree& m_tree;
    const TaintSpec& m_spec;
    const LanguageKinds& m_kinds;
    const std::string& m_path;
    const std::vector<std::string>& m_sinks;
    std::vector<TaintHit>& m_out;
    std::map<std::string, Chain, std::less<>> m_vars;
    std::set<std::string, std::less<>> m_clean;  // assigned a clean value in this scope
    std::vector<NameWords> m_names;
    mutable FieldIds m_fields;
    mutable std::vector<SymbolClass> m_classes;                   // by grammar symbol; never resized after construction
    mutable std::map<std::string, bool, std::less<>> m_sensitive;  // identifier/key text -> sensitive name
};

}  // namespace

std::vector<std::string> identifier_words(std::string_view ident) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        if (!cur.empty()) out.push_back(cur);
        cur.clear();
    };
    for (std::size_t i = 0; i < ident.size(); ++i) {
        char c = ident[i];
        bool upper = c >= 'A' && c <= 'Z', lower = c >= 'a' && c <= 'z', digit = c >= '0' && c <= '9';
        if (!upper && !lower && !digit) {
            flush();
            continue;
        }
        if (upper && i > 0) {
            char p = ident[i - 1];
            bool prev_lower = (p >= 'a' && p <= 'z') || (p >= '0' && p <= '9');
            bool next_lower = i + 1 < ident.size() && ident[i + 1] >= 'a' && ident[i + 1] <= 'z';
            bool prev_upper = p >= 'A' && p <= 'Z';
            if (prev_lower || (prev_upper && next_lower)) flush();
        }
        cur += upper ? static_cast<char>(c - 'A' + 'a') : c;
    }
    flush();
    return out;
}

bool callee_matches(std::string_view pattern, std::string_view callee) {
    // Iterative glob with '*' (any run of characters).
    auto glob = [](std::string_view p, std::string_view s) {
        std::size_t pi = 0, si = 0, star = std::string_view::npos, mark = 0;
        while (si < s.size()) {
            if (pi < p.size() && p[pi] == '*') {
                star = pi++;
                mark = si;
            } else if (pi < p.size() && p[pi] == s[si]) {
                ++pi;
                ++si;
            } else if (star != std::string_view::npos) {
                pi = star + 1;
                si = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.size() && p[pi] == '*') ++pi;
        return pi == p.size();
    };
    if (glob(pattern, callee)) return true;
    if (!pattern.empty() && pattern[0] != '*') {
        for (std::size_t dot = callee.find('.'); dot != std::string_view::npos; dot = callee.find('.', dot + 1)) {
            if (glob(pattern, callee.substr(dot + 1))) return true;
        }
    }
    return false;
}

std::vector<TaintHit> find_taint(const SyntaxTree& tree, const TaintSpec& spec, const std::string& path) {
    std::vector<TaintHit> out;
    const LanguageKinds* kinds = kinds_for(tree.language());
    if (!kinds) return out;
    std::vector<std::string> sinks;
    auto add = [&](std::string_view key) {
        if (auto it = spec.sinks.find(key); it != spec.sinks.end()) sinks.insert(sinks.end(), it->second.begin(), it->second.end());
    };
    add("any");
    add(tree.language());
    if ((tree.language() == "typescript" || tree.language() == "tsx") && !spec.sinks.count(tree.language())) add("javascript");
    if (sinks.empty()) return out;
    ScopeWalker walker(tree, spec, *kinds, path, sinks, out);
    std::vector<TSNode> scopes{tree.root()};
    for (std::size_t i = 0; i < scopes.size(); ++i) {
        std::vector<TSNode> nested;
        walker.walk_scope(scopes[i], nested);
        scopes.insert(scopes.end(), nested.begin(), nested.end());
    }
    std::sort(out.begin(), out.end(), [](const TaintHit& a, const TaintHit& b) { return ts_node_start_byte(a.sink) < ts_node_start_byte(b.sink); });
    out.erase(std::unique(out.begin(), out.end(), [](const TaintHit& a, const TaintHit& b) {
                  return ts_node_start_byte(a.sink) == ts_node_start_byte(b.sink) && ts_node_end_byte(a.sink) == ts_node_end_byte(b.sink);
              }),
              out.end());
    return out;
}

}  // namespace ccscan::rules::code
