#include "rules/code/query.h"

#include <algorithm>

#include "analyzers/code/languages.h"

namespace ccscan::rules::code {

using analyzers::Diagnostic;

namespace {

Diagnostic query_error(std::string msg) { return analyzers::make_diagnostic("code-query", "", {}, std::move(msg)); }

std::string where_in(const std::string& text, std::uint32_t offset) {
    std::uint32_t line = 1, col = 1;
    for (std::uint32_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            col = 1;
        } else {
            ++col;
        }
    }
    return "query line " + std::to_string(line) + ", column " + std::to_string(col);
}

const char* error_name(TSQueryError e) {
    switch (e) {
        case TSQueryErrorSyntax: return "syntax error";
        case TSQueryErrorNodeType: return "unknown node type";
        case TSQueryErrorField: return "unknown field";
        case TSQueryErrorCapture: return "unknown capture";
        case TSQueryErrorStructure: return "impossible pattern structure";
        case TSQueryErrorLanguage: return "language mismatch";
        default: return "error";
    }
}

// Reads the predicates of one pattern; unknown operators are errors (silently ignoring one would
// make a rule match more than its author meant).
analyzers::Result<std::vector<Predicate>> read_predicates(const TSQuery* q, std::uint32_t pattern, std::vector<std::string>& literals) {
    std::uint32_t n = 0;
    const TSQueryPredicateStep* steps = ts_query_predicates_for_pattern(q, pattern, &n);
    std::vector<Predicate> out;
    std::vector<const TSQueryPredicateStep*> cur;
    auto str = [&](const TSQueryPredicateStep* s) {
        std::uint32_t len = 0;
        const char* v = ts_query_string_value_for_id(q, s->value_id, &len);
        return std::string(v, len);
    };
    for (std::uint32_t i = 0; i < n; ++i) {
        if (steps[i].type != TSQueryPredicateStepTypeDone) {
            cur.push_back(&steps[i]);
            continue;
        }
        if (cur.empty() || cur[0]->type != TSQueryPredicateStepTypeString) return query_error("malformed predicate");
        std::string op = str(cur[0]);
        Predicate p;
        p.negate = op.rfind("not-", 0) == 0;
        std::string base = p.negate ? op.substr(4) : op;
        if (base == "eq?") p.op = Predicate::Op::eq;
        else if (base == "match?") p.op = Predicate::Op::match;
        else if (base == "any-of?") p.op = Predicate::Op::any_of;
        else return query_error("unsupported predicate #" + op + " (use #eq?, #not-eq?, #match?, #not-match?, #any-of?, #not-any-of?)");
        if (cur.size() < 3 || cur[1]->type != TSQueryPredicateStepTypeCapture)
            return query_error("#" + op + " needs a capture and a value");
        p.capture = cur[1]->value_id;
        if (p.op == Predicate::Op::eq && cur[2]->type == TSQueryPredicateStepTypeCapture) {
            p.other_capture = cur[2]->value_id;
        } else {
            for (std::size_t k = 2; k < cur.size(); ++k) {
                if (cur[k]->type != TSQueryPredicateStepTypeString) return query_error("#" + op + " takes string values");
                p.values.push_back(str(cur[k]));
            }
        }
        if (p.op == Predicate::Op::match) {
            p.regex = std::make_shared<const RE2>(p.values.at(0), RE2::Quiet);
            if (!p.regex->ok()) return query_error("bad regex in #" + op + ": " + p.regex->error());
        }
        if (!p.negate && p.op != Predicate::Op::match) literals.insert(literals.end(), p.values.begin(), p.values.end());
        out.push_back(std::move(p));
        cur.clear();
    }
    return out;
}

}  // namespace

const TSNode* QueryMatch::find(std::string_view name) const {
    for (const auto& [n, node] : captures) {
        if (n == name) return &node;
    }
    return nullptr;
}

analyzers::Result<std::shared_ptr<const CompiledQuery>> CompiledQuery::compile(std::string_view language, const std::string& text) {
    const TSLanguage* lang = analyzers::code::language_for(language);
    if (!lang) return query_error("unknown code language '" + std::string(language) + "'");
    std::uint32_t offset = 0;
    TSQueryError err = TSQueryErrorNone;
    analyzers::code::QueryPtr q(ts_query_new(lang, text.data(), static_cast<std::uint32_t>(text.size()), &offset, &err));
    if (!q) {
        std::string near = text.substr(std::min<std::size_t>(offset, text.size()), 20);
        std::replace(near.begin(), near.end(), '\n', ' ');
        return query_error(std::string(error_name(err)) + " in " + std::string(language) + " query at " + where_in(text, offset) +
                           " (near '" + near + "')");
    }
    std::shared_ptr<CompiledQuery> out(new CompiledQuery());
    bool every_pattern_has_literal = true;
    std::vector<std::string> literals;
    for (std::uint32_t i = 0; i < ts_query_pattern_count(q.get()); ++i) {
        std::vector<std::string> mine;
        auto preds = read_predicates(q.get(), i, mine);
        if (!preds.ok()) return query_error(preds.error().message + " in " + std::string(language) + " query");
        every_pattern_has_literal = every_pattern_has_literal && !mine.empty();
        literals.insert(literals.end(), mine.begin(), mine.end());
        out->m_predicates.push_back(std::move(preds.value()));
    }
    if (every_pattern_has_literal) out->m_literals = std::move(literals);
    out->m_query = std::move(q);
    return std::shared_ptr<const CompiledQuery>(std::move(out));
}

bool CompiledQuery::accept(const TSQueryMatch& m, const analyzers::SyntaxTree& tree) const {
    auto text_of = [&](std::uint32_t capture, std::string_view& out) {
        for (std::uint16_t i = 0; i < m.capture_count; ++i) {
            if (m.captures[i].index == capture) {
                out = tree.text(m.captures[i].node);
                return true;
            }
        }
        return false;
    };
    for (const Predicate& p : m_predicates[m.pattern_index]) {
        std::string_view a;
        if (!text_of(p.capture, a)) continue;  // optional capture absent: predicate does not apply
        bool ok = false;
        switch (p.op) {
            case Predicate::Op::eq:
                if (p.other_capture >= 0) {
                    std::string_view b;
                    ok = text_of(static_cast<std::uint32_t>(p.other_capture), b) && a == b;
                } else {
                    ok = a == p.values[0];
                }
                break;
            case Predicate::Op::match: ok = RE2::PartialMatch(a, *p.regex); break;
            case Predicate::Op::any_of: ok = std::find(p.values.begin(), p.values.end(), a) != p.values.end(); break;
        }
        if (ok == p.negate) return false;
    }
    return true;
}

std::vector<QueryMatch> CompiledQuery::run(const analyzers::SyntaxTree& tree) const {
    std::vector<QueryMatch> out;
    analyzers::code::QueryCursorPtr cursor(ts_query_cursor_new());
    ts_query_cursor_set_match_limit(cursor.get(), 10000);
    ts_query_cursor_exec(cursor.get(), m_query.get(), tree.root());
    TSQueryMatch m;
    while (ts_query_cursor_next_match(cursor.get(), &m)) {
        if (!accept(m, tree)) continue;
        QueryMatch qm;
        for (std::uint16_t i = 0; i < m.capture_count; ++i) {
            std::uint32_t len = 0;
            const char* name = ts_query_capture_name_for_id(m_query.get(), m.captures[i].index, &len);
            qm.captures.emplace_back(std::string_view(name, len), m.captures[i].node);
        }
        out.push_back(std::move(qm));
    }
    return out;
}

}  // namespace ccscan::rules::code
