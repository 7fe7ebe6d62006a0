// A tree-sitter query compiled for one language, with its text predicates, which the C runtime
// does not apply: #eq?, #not-eq?, #match?, #not-match? (RE2), #any-of?, #not-any-of?. Each
// predicate's first argument is a capture; the second a string or (for eq) another capture.
// A compile error carries the query-relative line and column of tree-sitter's error offset.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

#include "analyzers/code/syntax_tree_impl.h"
#include "analyzers/diagnostic.h"

namespace ccscan::rules::code {

struct Predicate {
    enum class Op { eq, match, any_of } op = Op::eq;
    bool negate = false;
    std::uint32_t capture = 0;
    std::int64_t other_capture = -1;  // #eq? @a @b
    std::vector<std::string> values;  // eq: one, any_of: several
    std::shared_ptr<const RE2> regex;
};

struct QueryMatch {
    std::vector<std::pair<std::string_view, TSNode>> captures;  // capture name -> node, match order
    const TSNode* find(std::string_view name) const;
};

class CompiledQuery {
public:
    // Fails with a message naming the query line/column of the error.
    static analyzers::Result<std::shared_ptr<const CompiledQuery>> compile(std::string_view language, const std::string& text);

    std::vector<QueryMatch> run(const analyzers::SyntaxTree& tree) const;
    // Literal strings every pattern requires (#eq?/#any-of? values); empty when some pattern
    // has none, so no prefilter can be derived.
    const std::vector<std::string>& required_literals() const { return m_literals; }

private:
    bool accept(const TSQueryMatch& m, const analyzers::SyntaxTree& tree) const;
    analyzers::code::QueryPtr m_query;
    std::vector<std::vector<Predicate>> m_predicates;  // per pattern
    std::vector<std::string> m_literals;
};

}  // namespace ccscan::rules::code
