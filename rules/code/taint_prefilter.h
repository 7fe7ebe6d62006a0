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

namespace ccscan::rules::code {

class TaintPrefilter {
public:
    explicit TaintPrefilter(const TaintSpec& spec);
    // false: no finding of the spec is possible in this file of language `lang`.
    bool may_match(std::string_view bytes, std::string_view lang) const;

private:
    bool m_open = false;                     // some source cannot be reduced to a literal
    std::vector<std::string> m_sources;      // lower case
    std::map<std::string, std::vector<std::string>, std::less<>> m_sinks;  // language -> lower-case literals ("" = any)
};

}  // namespace ccscan::rules::code
