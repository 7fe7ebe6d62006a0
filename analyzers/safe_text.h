// Text that came from a scanned file (or its name) is attacker-controlled: it can hold terminal
// escape sequences, other control characters, bidirectional overrides that reorder what a reader
// sees ("Trojan Source"), invisible format characters and bytes that are not UTF-8. This module
// is the one decoder and the one list of such characters; every output context builds its own
// escaping on it (reporters/escape.h for report formats, cli/terminal_stream.h for stderr).
//
// Unsafe code points are shown, never passed: `\x1b` for C0 and DEL, `\u202e` for C1 and format
// characters (`\U000e0041` beyond the BMP), and a byte that is not part of valid UTF-8 as `\xff`
// or as U+FFFD (EscapeOptions). Pure functions; never throw.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace ccscan::analyzers {

// One decoded code point at a byte offset. `valid` is false for a byte that does not start a
// well-formed UTF-8 sequence (overlong forms, surrogates, values past U+10FFFF, truncation);
// `value` is then that byte and `size` is 1.
struct CodePoint {
    std::uint32_t value = 0;
    std::size_t size = 1;
    bool valid = true;
};

CodePoint decode_utf8_at(std::string_view text, std::size_t offset);

// C0 controls, DEL, C1 controls, bidi embeddings/overrides/isolates/marks, zero-width and other
// invisible format characters (U+200B, U+2060..2064, U+FEFF, tag characters, Hangul fillers, ...)
// and the noncharacters U+FFFE/U+FFFF. Tab, LF and CR are included: callers keep them explicitly.
bool is_unsafe_code_point(std::uint32_t cp);

struct EscapeOptions {
    bool keep_newline = false;  // LF passes raw (the format's own line structure allows it)
    bool keep_tab = false;
    bool keep_cr = false;
    bool replace_invalid = false;  // invalid bytes become U+FFFD instead of `\xNN`
};

// `text` with every unsafe code point shown as an escape (`\n`, `\r`, `\t`, `\x1b`, `\u202e`)
// and every invalid byte as `\xNN` or U+FFFD. The result is valid UTF-8.
std::string visible_text(std::string_view text, const EscapeOptions& options = {});

// True when visible_text(text, options) == text (nothing to escape), without allocating.
bool is_visible_text(std::string_view text, const EscapeOptions& options = {});

// Only the encoding repaired: every invalid byte becomes U+FFFD.
std::string valid_utf8(std::string_view text);

}  // namespace ccscan::analyzers
