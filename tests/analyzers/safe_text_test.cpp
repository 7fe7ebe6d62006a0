#include <catch2/catch.hpp>

#include "analyzers/safe_text.h"

using namespace ccscan::analyzers;

TEST_CASE("safe_text decodes strict UTF-8", "[safe-text]") {
    CHECK(decode_utf8_at("\xe2\x80\xae", 0).value == 0x202E);
    CHECK(decode_utf8_at("\xf0\x9f\x98\x80", 0).size == 4);
    CHECK_FALSE(decode_utf8_at("\xc0\xaf", 0).valid);          // overlong '/'
    CHECK_FALSE(decode_utf8_at("\xed\xa0\x80", 0).valid);      // surrogate
    CHECK_FALSE(decode_utf8_at("\xf4\x90\x80\x80", 0).valid);  // past U+10FFFF
    CHECK_FALSE(decode_utf8_at("\xe2\x80", 0).valid);          // truncated
    CHECK_FALSE(decode_utf8_at("\x9b", 0).valid);              // a lone C1 byte
}

TEST_CASE("safe_text shows controls, bidi and invalid bytes escaped", "[safe-text]") {
    CHECK(visible_text("a\x1b[2Jb") == "a\\x1b[2Jb");
    CHECK(visible_text("\x07\x7f\t\r\n") == "\\x07\\x7f\\t\\r\\n");
    CHECK(visible_text("\xc2\x9b\xc2\x85") == "\\u009b\\u0085");
    CHECK(visible_text("abc\xe2\x80\xae\xe2\x81\xa6\xe2\x80\x8b\xef\xbb\xbf") == "abc\\u202e\\u2066\\u200b\\ufeff");
    CHECK(visible_text("\xf3\xa0\x80\x81") == "\\U000e0001");  // tag character
    CHECK(visible_text("x\xff\x9b") == "x\\xff\\x9b");
    CHECK(visible_text("x\xff", {.replace_invalid = true}) == "x\xef\xbf\xbd");
    CHECK(visible_text("a\nb\tc", {.keep_newline = true}) == "a\nb\\tc");
    // Ordinary text, accents, CJK, emoji and joiners in scripts that need them stay as they are.
    const std::string plain = "Caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x98\x80 \xd9\x85\xe2\x80\x8c\xd9\x8a";
    CHECK(visible_text(plain) == plain);
    CHECK(is_visible_text(plain));
    CHECK_FALSE(is_visible_text("\x1b"));
    CHECK(valid_utf8("a\xff" "b") == "a\xef\xbf\xbd" "b");
}
