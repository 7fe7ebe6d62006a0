#include "rules/code/taint.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <optional>
#include <set>
#include <unordered_map>

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

// A source name split once per spec: its words and the words joined ("card number" -> card,
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

// One spec's part of a walk: its sources split into words, its sinks for the tree's language,
// the variables it holds tainted in the current scope, and its hits.
struct SpecState {
    const TaintSpec* spec = nullptr;
    std::vector<NameWords> names;
    std::vector<std::string> sinks;
    std::map<std::string, Chain, std::less<>> vars;
    std::set<std::string, std::less<>> clean;  // assigned a clean value in this scope
    std::vector<TaintHit> out;
};

// Specs of one walk, as a bit set (at most k_max_specs per walk; find_taint_all walks again for more).
using SpecSet = std::uint64_t;
constexpr std::size_t k_max_specs = 64;
constexpr SpecSet bit(std::size_t i) { return SpecSet{1} << i; }

// Walks each scope of a tree once for every spec: what depends only on the tree (node classes,
// normalized texts, callees, identifier words) is computed once and shared; what depends on a
// spec (sources, sinks, sanitizers, tainted variables) is kept per spec. Each spec sees exactly
// the steps a walk of its own would take, in the same order.
class ScopeWalker {
public:
    ScopeWalker(const SyntaxTree& tree, const LanguageKinds& kinds, const std::string& path, std::vector<SpecState>& specs)
        : m_tree(tree), m_kinds(kinds), m_path(path), m_specs(specs), m_fields(ts_tree_language(tree.tree())) {
        for (SpecState& s : m_specs) {
            for (const std::string& name : s.spec->source_names) {
                NameWords w{identifier_words(name), {}};
                for (const std::string& part : w.words) w.joined += part;
                s.names.push_back(std::move(w));
            }
        }
        m_all = m_specs.size() == k_max_specs ? ~SpecSet{0} : bit(m_specs.size()) - 1;
        m_found.resize(m_specs.size());
        // Sized once: classify() hands out references into this table.
        m_classes.resize(ts_language_symbol_count(ts_tree_language(tree.tree())) + 1);
    }

    // Walks one scope; nested functions are appended to `nested` for their own walk.
    void walk_scope(TSNode scope, std::vector<TSNode>& nested) {
        for (SpecState& s : m_specs) {
            s.vars.clear();
            s.clean.clear();
        }
        walk(scope, scope, nested);
    }

private:
    template <typename F>
    void each(SpecSet set, F&& f) {
        for (std::size_t i = 0; i < m_specs.size(); ++i) {
            if (set & bit(i)) f(i, m_specs[i]);
        }
    }

    Location loc(TSNode n) const { return {m_path, m_tree.span(n)}; }
    TSNode field(TSNode n, const char* name) {
        if (!name) return TSNode{};
        return ts_node_child_by_field_id(n, m_fields.id(name));
    }
    // normalize_access of a node's text, once per node.
    const std::string& normalized(TSNode n) {
        auto [it, fresh] = m_normalized.try_emplace(n.id);
        if (fresh) it->second = normalize_access(m_tree.text(n));
        return it->second;
    }
    std::string short_text(TSNode n) { return analyzers::shorten_masked(normalized(n), 57); }

    // The normalized callee of a call node, once per node.
    const std::string& callee_of(TSNode call, const CallKind& ck) {
        auto [it, fresh] = m_callees.try_emplace(call.id);
        if (!fresh) return it->second;
        TSNode obj = field(call, ck.object), name = field(call, ck.callee);
        if (ts_node_is_null(name)) return it->second;
        std::string c = normalized(name);
        if (!ts_node_is_null(obj)) c = normalized(obj) + "." + c;
        it->second = std::move(c);
        return it->second;
    }

    const SymbolClass& classify(TSNode n) {
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

    // The specs in `set` for which an identifier or key names a sensitive source; words are split
    // once per distinct text, and each spec's answer is kept per text.
    SpecSet sensitive_names(std::string_view text, SpecSet set) {
        auto it = m_sensitive.find(text);
        if (it == m_sensitive.end()) it = m_sensitive.emplace(std::string(text), Sensitive{identifier_words(text), 0, 0}).first;
        Sensitive& s = it->second;
        each(set & ~s.known, [&](std::size_t i, const SpecState& spec) {
            for (const NameWords& w : spec.names) {
                if (words_match(s.words, w)) {
                    s.hits |= bit(i);
                    break;
                }
            }
            s.known |= bit(i);
        });
        return s.hits & set;
    }

    static bool is_sanitizer(const TaintSpec& spec, std::string_view last_lower) {
        for (const std::string& w : spec.sanitizers) {
            if (last_lower.find(w) != std::string::npos) return true;
        }
        return false;
    }

    static Chain source_step(const Location& at, const std::string& what, const char* why, bool payload = false) {
        return Chain{what, {PathStep{at, "source: '" + what + "' (" + why + ")"}}, payload};
    }

    // "'CardNumber'" -> "CardNumber": messages quote the source themselves.
    static std::string unquoted(std::string s) {
        if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'' || s.front() == '`') && s.back() == s.front()) return s.substr(1, s.size() - 2);
        return s;
    }

    // The ancestors of a node as taint_of reached it, innermost first; where the chain ends they
    // are asked of tree-sitter (ts_node_parent searches down from the root: costly per node).
    struct Up {
        TSNode node;
        const Up* next = nullptr;
    };
    static TSNode parent_of(TSNode n, const Up* up) { return up ? up->node : ts_node_parent(n); }
    static TSNode grandparent_of(TSNode n, const Up* up) {
        if (!up) return ts_node_parent(ts_node_parent(n));
        return up->next ? up->next->node : ts_node_parent(up->node);
    }

    // `attrs.get('cvv')`, `params.get("cardNumber")`, `json.getString("pan")`: a key read through
    // a getter call is read like a subscript.
    bool is_getter_argument(TSNode n, const Up* up) {
        TSNode args = parent_of(n, up);
        if (ts_node_is_null(args)) return false;
        TSNode call = grandparent_of(n, up);
        if (ts_node_is_null(call)) return false;
        const SymbolClass& cc = classify(call);
        if (!cc.call || ts_node_named_child_count(args) == 0 || ts_node_start_byte(ts_node_named_child(args, 0)) != ts_node_start_byte(n)) return false;
        const std::string& callee = callee_of(call, *cc.call);
        std::string last = callee.substr(callee.rfind('.') == std::string::npos ? 0 : callee.rfind('.') + 1);
        return last == "get" || (last.size() > 3 && last.rfind("get", 0) == 0 && std::isupper(static_cast<unsigned char>(last[3])));
    }

    bool used_whole(TSNode n, const Up* up) {
        TSNode parent = parent_of(n, up);
        if (ts_node_is_null(parent) || !classify(parent).access) return true;
        return ts_node_start_byte(ts_node_named_child(parent, 0)) != ts_node_start_byte(n);
    }

    static bool path_matches(const TaintSpec& spec, const std::string& text) {
        for (const std::string& p : spec.source_paths) {
            if (!p.empty() && p.back() == '*' ? text.rfind(p.substr(0, p.size() - 1), 0) == 0 : text == p) return true;
        }
        return false;
    }

    // `parent_access`: whether n's parent is an access (1/0), or -1 when the caller does not know.
    bool parent_is_access(TSNode n, int parent_access, const Up* up) {
        if (parent_access >= 0) return parent_access == 1;
        TSNode parent = parent_of(n, up);
        return !ts_node_is_null(parent) && classify(parent).access;
    }

    // For each spec in `want`, the chain its own taint_of would find for `n`, stored in m_found
    // (which holds nothing for them on entry). `in_object`: n is the object of an enclosing
    // access (event in event.x): a path or whole source there is only a part of the value the
    // access reads, so it does not count. Returns the specs that found a chain.
    // `up`: n's ancestors (null: not known).
    SpecSet taint_of(TSNode n, SpecSet want, const Up* up, bool in_object = false, int depth = 0, int parent_access = -1) {
        if (ts_node_is_null(n) || depth > k_max_depth || !want) return 0;
        const SymbolClass& cls = classify(n);
        if (cls.function) return 0;
        SpecSet found = 0;
        if (cls.call) {
            const std::string& callee = callee_of(n, *cls.call);
            auto dot = callee.rfind('.');
            std::string lower;
            for (char c : std::string_view(callee).substr(dot == std::string::npos ? 0 : dot + 1))
                lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            each(want, [&](std::size_t i, const SpecState& s) {
                if (is_sanitizer(*s.spec, lower)) want &= ~bit(i);
            });
        }
        auto take = [&](std::size_t i, Chain c) {
            m_found[i] = std::move(c);
            found |= bit(i);
            want &= ~bit(i);
        };
        if (cls.identifier || cls.access) {
            const std::string& text = normalized(n);
            std::optional<bool> whole;
            SpecSet named = 0;
            bool named_known = false;
            each(want, [&](std::size_t i, const SpecState& s) {
                if (auto it = s.vars.find(text); it != s.vars.end()) {
                    if (in_object && it->second.payload) want &= ~bit(i);
                    else take(i, it->second);
                    return;
                }
                if (s.clean.count(text)) {
                    want &= ~bit(i);
                    return;
                }
                if (!in_object && path_matches(*s.spec, text)) {
                    take(i, source_step(loc(n), short_text(n), "contact or request payload", text.find("Digits") == std::string::npos));
                    return;
                }
                if (!cls.identifier) return;
                for (const std::string& w : s.spec->source_whole) {
                    if (in_object || text != w) continue;
                    if (!whole) whole = used_whole(n, up);
                    if (*whole) {
                        take(i, source_step(loc(n), text, "whole payload", true));
                        return;
                    }
                }
                if (!named_known) {
                    named = sensitive_names(text, want);
                    named_known = true;
                }
                if (named & bit(i)) take(i, source_step(loc(n), text, "sensitive name"));
            });
        } else if (cls.string && (parent_is_access(n, parent_access, up) || is_getter_argument(n, up))) {
            SpecSet named = sensitive_names(m_tree.text(n), want);
            if (named) {
                std::string what = unquoted(short_text(n));
                each(named, [&](std::size_t i, const SpecState&) { take(i, source_step(loc(n), what, "sensitive key")); });
            }
        }
        const bool access = cls.access;
        const auto children = m_tree.named_children(n);
        const Up here{n, up};
        for (std::size_t i = 0; i < children.size && want; ++i) {
            SpecSet got = taint_of(children.data[i], want, &here, access && i == 0, depth + 1, access ? 1 : 0);
            found |= got;
            want &= ~got;
        }
        return found;
    }

    void assign(TSNode n, const AssignKind& ak) {
        TSNode lhs = field(n, ak.lhs);
        TSNode rhs = ak.rhs ? field(n, ak.rhs) : TSNode{};
        if (!ak.rhs && ts_node_named_child_count(n) > 1) rhs = ts_node_named_child(n, ts_node_named_child_count(n) - 1);
        if (ts_node_is_null(lhs) || ts_node_is_null(rhs) || ts_node_start_byte(rhs) == ts_node_start_byte(lhs)) return;
        const Up at{n};  // rhs is a child of the assignment
        SpecSet tainted = taint_of(rhs, m_all, &at);
        std::vector<TSNode> targets;
        if (classify(lhs).sequence) {
            for (std::uint32_t i = 0; i < ts_node_named_child_count(lhs); ++i) targets.push_back(ts_node_named_child(lhs, i));
        } else {
            targets.push_back(lhs);
        }
        each(m_all, [&](std::size_t i, SpecState& s) {
            for (TSNode t : targets) {
                const std::string& key = normalized(t);
                if (!(tainted & bit(i))) {
                    s.vars.erase(key);
                    s.clean.insert(key);  // card_number = "redacted": the name no longer holds card data
                    continue;
                }
                s.clean.erase(key);
                Chain c = *m_found[i];
                c.steps.push_back(PathStep{loc(n), "'" + analyzers::shorten_masked(key, 57) + "' holds '" + c.source + "'"});
                s.vars[key] = std::move(c);
            }
            m_found[i].reset();
        });
    }

    // `args_field`: the field holding the call's arguments (looked up only for sinks), or
    // nullptr to take the whole node.
    void check_sink(TSNode n, const std::string& callee, const char* args_field) {
        SpecSet sinks = 0;
        each(m_all, [&](std::size_t i, const SpecState& s) {
            for (const std::string& p : s.sinks) {
                if (callee_matches(p, callee)) {
                    sinks |= bit(i);
                    break;
                }
            }
        });
        if (!sinks) return;
        TSNode args = args_field ? field(n, args_field) : n;
        const Up at{n};  // the arguments field is a child of the call
        const bool own = args_field && !ts_node_is_null(args);
        SpecSet tainted = own ? taint_of(args, sinks, &at) : taint_of(n, sinks, nullptr);
        each(tainted, [&](std::size_t i, SpecState& s) {
            Chain& chain = *m_found[i];
            TaintHit hit{n, callee, chain.source, std::move(chain.steps)};
            hit.steps.push_back(PathStep{loc(n), "sink: " + callee + "(...) receives '" + chain.source + "'"});
            s.out.push_back(std::move(hit));
            m_found[i].reset();
        });
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
        if (cls.call) check_sink(n, std::string(callee_of(n, *cls.call)), cls.call->args);
        if (cls.statement_sink) check_sink(n, std::string(cls.statement_sink), nullptr);
    }

    struct Sensitive {
        std::vector<std::string> words;
        SpecSet known = 0, hits = 0;
    };

    const SyntaxTree& m_tree;
    const LanguageKinds& m_kinds;
    const std::string& m_path;
    std::vector<SpecState>& m_specs;
    SpecSet m_all = 0;
    std::vector<std::optional<Chain>> m_found;  // by spec: what the current taint_of found
    FieldIds m_fields;
    std::vector<SymbolClass> m_classes;  // by grammar symbol; never resized after construction
    std::unordered_map<const void*, std::string> m_normalized;  // node id -> normalize_access(text)
    std::unordered_map<const void*, std::string> m_callees;     // call node id -> normalized callee
    std::map<std::string, Sensitive, std::less<>> m_sensitive;  // identifier/key text -> words, answers
};

}  // namespace

// The sinks of `spec` for a language: "any", the language's own, and javascript's for
// typescript/tsx that have none of their own.
std::vector<std::string> sinks_for(const TaintSpec& spec, std::string_view lang) {
    std::vector<std::string> sinks;
    auto add = [&](std::string_view key) {
        if (auto it = spec.sinks.find(key); it != spec.sinks.end()) sinks.insert(sinks.end(), it->second.begin(), it->second.end());
    };
    add("any");
    add(lang);
    if ((lang == "typescript" || lang == "tsx") && !spec.sinks.count(lang)) add("javascript");
    return sinks;
}

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

std::vector<std::vector<TaintHit>> find_taint_all(const SyntaxTree& tree, const std::vector<const TaintSpec*>& specs, const std::string& path) {
    std::vector<std::vector<TaintHit>> out(specs.size());
    const LanguageKinds* kinds = kinds_for(tree.language());
    if (!kinds) return out;
    // Specs without a sink in this language find nothing: they are not walked.
    std::vector<std::size_t> index;
    std::vector<SpecState> states;
    for (std::size_t i = 0; i < specs.size(); ++i) {
        std::vector<std::string> sinks = sinks_for(*specs[i], tree.language());
        if (sinks.empty()) continue;
        index.push_back(i);
        states.push_back(SpecState{specs[i], {}, std::move(sinks), {}, {}, {}});
    }
    for (std::size_t first = 0; first < states.size(); first += k_max_specs) {
        std::vector<SpecState> group(std::make_move_iterator(states.begin() + static_cast<long>(first)),
                                     std::make_move_iterator(states.begin() + static_cast<long>(std::min(states.size(), first + k_max_specs))));
        ScopeWalker walker(tree, *kinds, path, group);
        std::vector<TSNode> scopes{tree.root()};
        for (std::size_t i = 0; i < scopes.size(); ++i) {
            std::vector<TSNode> nested;
            walker.walk_scope(scopes[i], nested);
            scopes.insert(scopes.end(), nested.begin(), nested.end());
        }
        for (std::size_t g = 0; g < group.size(); ++g) {
            std::vector<TaintHit>& hits = out[index[first + g]];
            hits = std::move(group[g].out);
            std::sort(hits.begin(), hits.end(), [](const TaintHit& a, const TaintHit& b) { return ts_node_start_byte(a.sink) < ts_node_start_byte(b.sink); });
            hits.erase(std::unique(hits.begin(), hits.end(), [](const TaintHit& a, const TaintHit& b) {
                           return ts_node_start_byte(a.sink) == ts_node_start_byte(b.sink) && ts_node_end_byte(a.sink) == ts_node_end_byte(b.sink);
                       }),
                       hits.end());
        }
    }
    return out;
}

std::vector<TaintHit> find_taint(const SyntaxTree& tree, const TaintSpec& spec, const std::string& path) {
    return std::move(find_taint_all(tree, {&spec}, path).front());
}

}  // namespace ccscan::rules::code
