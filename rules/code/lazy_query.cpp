#include "rules/code/lazy_query.h"

#include <string_view>

namespace ccscan::rules::code {

LazyQuery::LazyQuery(std::string language, std::string text, analyzers::Diagnostic where)
    : m_language(std::move(language)), m_text(std::move(text)), m_where(std::move(where)) {}

const analyzers::Result<std::shared_ptr<const CompiledQuery>>& LazyQuery::get() const {
    std::call_once(m_once, [this] {
        auto compiled = CompiledQuery::compile(m_language, m_text);
        if (compiled.ok()) {
            m_result.emplace(std::move(compiled.value()));
            return;
        }
        analyzers::Diagnostic d = m_where;
        d.message = compiled.error().message;
        m_result.emplace(std::move(d));
    });
    return *m_result;
}

namespace {

// A small reader for tree-sitter query text: strings, comments, nesting.
class QueryText {
public:
    explicit QueryText(std::string_view t) : m_t(t) {}
    bool done() const { return m_i >= m_t.size(); }
    char peek() const { return m_t[m_i]; }
    std::size_t pos() const { return m_i; }

    void skip_space_and_comments() {
        while (!done()) {
            char c = peek();
            if (c == ';') {
                while (!done() && peek() != '\n') ++m_i;
            } else if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == ',') {
                ++m_i;
            } else {
                return;
            }
        }
    }
    // At a '"': the decoded string.
    std::string string() {
        std::string out;
        ++m_i;
        while (!done() && peek() != '"') {
            char c = m_t[m_i++];
            if (c == '\\' && !done()) {
                char e = m_t[m_i++];
                out += e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e == '0' ? '\0' : e;
            } else {
                out += c;
            }
        }
        if (!done()) ++m_i;
        return out;
    }
    // A bare token (node name, capture, predicate name, quantifier...).
    std::string_view token() {
        std::size_t b = m_i;
        while (!done()) {
            char c = peek();
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '(' || c == ')' || c == '[' || c == ']' || c == '"' ||
                c == ';' || c == ',')
                break;
            ++m_i;
        }
        if (m_i == b) ++m_i;  // a lone bracket or quote handled by the caller
        return m_t.substr(b, m_i - b);
    }

private:
    std::string_view m_t;
    std::size_t m_i = 0;
};

// Reads one group (at '(' or '['), collecting literals of the predicates in it (and, when
// `regexes` is given, the patterns of its non-negated #match? predicates on a capture).
void read_group(QueryText& q, std::vector<std::string>& literals, std::vector<std::string>* regexes = nullptr) {
    char open = q.peek();
    char close = open == '(' ? ')' : ']';
    q.token();  // the bracket
    q.skip_space_and_comments();
    if (open == '(' && !q.done() && q.peek() == '#') {
        std::string name(q.token());
        const bool wanted = name == "#eq?" || name == "#any-of?";
        const bool match = name == "#match?";
        std::vector<std::string> strings;
        bool capture_value = false;
        int args = 0;
        while (q.skip_space_and_comments(), !q.done() && q.peek() != close) {
            if (q.peek() == '"') {
                strings.push_back(q.string());
            } else if (q.peek() == '(' || q.peek() == '[') {
                read_group(q, literals, regexes);
            } else {
                std::string_view t = q.token();
                if (args > 0 && !t.empty() && t[0] == '@') capture_value = true;
            }
            ++args;
        }
        if (!q.done()) q.token();
        if (wanted && !capture_value) literals.insert(literals.end(), strings.begin(), strings.end());
        if (match && regexes && !capture_value && strings.size() == 1) regexes->push_back(strings.front());
        return;
    }
    while (q.skip_space_and_comments(), !q.done() && q.peek() != close) {
        if (q.peek() == '(' || q.peek() == '[') read_group(q, literals, regexes);
        else if (q.peek() == '"') q.string();
        else q.token();
    }
    if (!q.done()) q.token();
}

}  // namespace

std::vector<std::string> literals_of_text(std::string_view text) {
    QueryText q(text);
    std::vector<std::string> all;
    bool every_pattern_has_literal = true;
    bool any_pattern = false;
    while (q.skip_space_and_comments(), !q.done()) {
        char c = q.peek();
        if (c == '(' || c == '[') {
            std::vector<std::string> mine;
            read_group(q, mine);
            any_pattern = true;
            every_pattern_has_literal = every_pattern_has_literal && !mine.empty();
            all.insert(all.end(), mine.begin(), mine.end());
        } else if (c == '"') {
            q.string();  // a top-level anonymous node pattern: no predicate
            any_pattern = true;
            every_pattern_has_literal = false;
        } else {
            q.token();  // captures and quantifiers of the previous pattern
        }
    }
    if (!any_pattern || !every_pattern_has_literal) return {};
    return all;
}

std::vector<PatternNeeds> pattern_needs_of_text(std::string_view text) {
    QueryText q(text);
    std::vector<PatternNeeds> out;
    while (q.skip_space_and_comments(), !q.done()) {
        char c = q.peek();
        if (c == '(' || c == '[') {
            PatternNeeds needs;
            read_group(q, needs.literals, &needs.regexes);
            out.push_back(std::move(needs));
        } else if (c == '"') {
            q.string();  // a top-level anonymous node pattern: nothing to test
            return {};
        } else {
            q.token();
        }
    }
    return out;
}

}  // namespace ccscan::rules::code
