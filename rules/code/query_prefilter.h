// What a file must contain for a code query to match in it, read from the query text without
// compiling the query (a prefilter, as Semgrep's): a pattern with #eq?/#any-of? literals needs
// one of them in the file; a pattern without needs the required substrings ("atoms") of one of
// its #match? regular expressions, as RE2's FilteredRE2 computes them (compared with the file
// lower-cased, as FilteredRE2 expects). A query with a pattern that needs neither has no
// prefilter. Like the literals, this assumes the predicate's capture is part of every match.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/literals.h"

namespace re2 {
class FilteredRE2;
}

namespace ccscan::rules::code {

class QueryPrefilter {
public:
    // nullopt: some pattern needs nothing that can be tested.
    static std::optional<QueryPrefilter> from_text(std::string_view query_text);
    // false: no pattern of the query can match in a file of these bytes.
    bool may_match(std::string_view bytes) const;
    bool may_match(const LiteralFinder& file) const;
    // What may_match asks the file about.
    void literals(std::vector<Literal>& out) const;

private:
    std::vector<Literal> m_literals;                   // exact; any of them lets the file through
    std::shared_ptr<const re2::FilteredRE2> m_filter;  // one regex per pattern without literals
    std::vector<Literal> m_atoms;                      // what m_filter needs (icase)
};

}  // namespace ccscan::rules::code
