// Escaping for each output context, one function per context, so that text from a scanned file
// (messages quoting prompts, evidence, file names, custom rule titles) can never take over the
// output it is written into: no terminal escape sequence, no new GitHub workflow command, no
// spreadsheet formula, no HTML element or link, no Markdown link/image/table break, no invalid
// XML/JSON. Every reporter writes data only through these (each at one writing point); all of
// them build on analyzers/safe_text.h, so unsafe code points are shown the same way everywhere
// (`\x1b`, `\u202e`). Pure functions; never throw.
#pragma once

#include <string>
#include <string_view>

namespace ccscan::reporters {

// Terminal and log text on one line: every control (LF, CR and tab included), DEL, C1, bidi and
// invisible format character shown escaped, invalid bytes as `\xNN`.
std::string terminal_text(std::string_view text);

// GitHub workflow commands (@actions/core): data escapes %, CR, LF (so one annotation stays one
// log line and nothing in it can start a `::command::`); properties also ':' and ','. Other
// unsafe code points are shown escaped (the Actions log renders ANSI sequences).
std::string github_data(std::string_view text);
std::string github_property(std::string_view text);

// One RFC 4180 CSV field: quoted when it holds a comma, quote or line break, and prefixed with
// `'` when a spreadsheet would read it as a formula (first non-blank character = + - @, or a
// leading tab or CR; OWASP "CSV injection"). Unsafe code points other than tab/CR/LF escaped.
std::string csv_cell(std::string_view text);

// Markdown inline text (GitHub-flavoured, table cells included): every character with Markdown
// meaning backslash-escaped, so no emphasis, link, image, autolink, HTML, math or table break;
// line breaks become spaces.
std::string markdown_inline(std::string_view text);
// A code span that text cannot leave: the fence is longer than any backtick run inside;
// `in_table` escapes '|' (GFM reads it as a cell border even inside code).
std::string markdown_code(std::string_view text, bool in_table);

// HTML text and double-quoted attribute values (& < > " ' as entities), unsafe code points shown.
std::string html_text(std::string_view text);
// `url` when it is an absolute http(s) URL made only of URL characters (RFC 3986), else "".
std::string http_url(std::string_view url);

// XML 1.0 character data before the XML writer escapes markup: invalid bytes become U+FFFD and
// characters XML cannot carry (most C0, U+FFFE/FFFF) or that reorder text are shown escaped;
// tab, CR and LF stay.
std::string xml_text(std::string_view text);

// SARIF message text for humans: unsafe code points shown, invalid bytes U+FFFD, and "](" written
// "\](" (SARIF 3.11.6: otherwise "[text](uri)" is an embedded link a viewer renders).
std::string sarif_text(std::string_view text);

// A serialized JSON document (ASCII structure, UTF-8 strings) with DEL, C1, bidi and invisible
// format characters inside strings written as \uXXXX escapes: the parsed values are unchanged,
// but no raw byte can act on a terminal or a reader when the file is shown.
std::string json_document(std::string_view json);

// Graphviz double-quoted string content: '"' and '\' escaped, unsafe code points shown, LF as
// dot's "\n" line break.
std::string dot_label(std::string_view text);
// Mermaid quoted label content: quotes, markup, '#', '&' and '`' as Mermaid entity codes
// (#quot; ...), unsafe code points shown, LF as a space.
std::string mermaid_label(std::string_view text);

}  // namespace ccscan::reporters
