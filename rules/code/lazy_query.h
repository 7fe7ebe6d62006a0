// A tree-sitter query that is compiled on first use. Compiling every query of every language at
// pack load was most of ccscan's start-up (tree-sitter's query analysis), although a scan meets
// only the languages in its files: a scan builds its code matchers with lazy queries, and each
// (language, text) is compiled the first time a file of that language needs it, once per
// process, thread-safe. Commands that validate packs (`rules test`, `rules list`) compile
// eagerly, so a broken query is reported at load with its pack position.
//
// The prefilter a rule derives from its queries (#eq?/#any-of? literals) is read from the query
// text without compiling it: `literals_of_text` (tested equal to what the compiled query reports
// for every built-in query).
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "analyzers/diagnostic.h"
#include "rules/code/query.h"

namespace ccscan::rules::code {

class LazyQuery {
public:
    // `where` locates errors: the pack file and the position of the query in it.
    LazyQuery(std::string language, std::string text, analyzers::Diagnostic where);

    // The compiled query, or the compile error (with the pack position of `where`).
    const analyzers::Result<std::shared_ptr<const CompiledQuery>>& get() const;
    const std::string& language() const { return m_language; }
    const std::string& text() const { return m_text; }

private:
    std::string m_language, m_text;
    analyzers::Diagnostic m_where;
    mutable std::once_flag m_once;
    mutable std::optional<analyzers::Result<std::shared_ptr<const CompiledQuery>>> m_result;
};

// Literal strings every top-level pattern of `text` requires through a non-negated #eq? or
// #any-of? with string values; empty when some pattern has none (no prefilter then). Same
// result as CompiledQuery::required_literals for a query that compiles.
std::vector<std::string> literals_of_text(std::string_view text);

// Per top-level pattern of `text`, what a match needs: the literals of literals_of_text and the
// regular expressions of its non-negated #match? predicates. Empty when a pattern is a bare
// anonymous node (it needs nothing a prefilter can test).
struct PatternNeeds {
    std::vector<std::string> literals;
    std::vector<std::string> regexes;
};
std::vector<PatternNeeds> pattern_needs_of_text(std::string_view text);

}  // namespace ccscan::rules::code
