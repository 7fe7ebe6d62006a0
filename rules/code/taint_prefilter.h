// A literal prefilter for taint specs (rules/code/taint.h), in the way Semgrep skips files: a
// spec can report on a file only if the file names one of its sources and one of its sinks for
// the file's language, so a file whose text holds no literal of either is never parsed for it.
//
// Literals are compared ASCII case-insensitively, on the text as it is and with '$' removed (the
// walk reads identifiers with '$' and whitespace removed, `normalize_access`):
//   sources: the first word of each name ("card number" -> card: every identifier or key the
//            walk takes for that name holds it), each whole-payload identifier, and the longest
//            identifier run of each access path ("event.Details.Parameters" -> parameters);
//   sinks:   the longest identifier run of each call pattern of the language ("System.out.print*"
//            -> system); a pattern without one ("*") lets every file through.
// A spec with a source name of no words lets every file through.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "rules/code/taint.h"
#include "rules/literals.h"

namespace ccscan::rules::code {

class TaintPrefilter {
public:
    explicit TaintPrefilter(const TaintSpec& spec);
    // false: no finding of the spec is possible in this file of language `lang`.
    bool may_match(std::string_view bytes, std::string_view lang) const;
    bool may_match(const LiteralFinder& file, std::string_view lang) const;
    // What may_match asks a file of any language about.
    void literals(std::vector<Literal>& out) const;

private:
    bool m_open = false;                     // some source cannot be reduced to a literal
    std::vector<Literal> m_sources;          // icase_dollar
    std::map<std::string, std::vector<Literal>, std::less<>> m_sinks;  // language -> icase_dollar literals ("" = any)
};

}  // namespace ccscan::rules::code
