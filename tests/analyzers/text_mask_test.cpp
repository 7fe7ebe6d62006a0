#include <catch2/catch.hpp>

#include "analyzers/text_mask.h"

using ccscan::analyzers::has_maskable_digit_run;
using ccscan::analyzers::mask_digit_runs;

TEST_CASE("card-number runs keep at most the first six and last four digits", "[text-mask]") {
    CHECK(mask_digit_runs("card 4929123456781234 on file") == "card 492912******1234 on file");
    CHECK(mask_digit_runs("card 4929 1234 5678 1234.") == "card 4929 12** **** 1234.");
    CHECK(mask_digit_runs("4929-1234-5678-1234") == "4929-12**-****-1234");
    CHECK(mask_digit_runs("http://x.example/pay?pan=4929123456781234&a=1") == "http://x.example/pay?pan=492912******1234&a=1");
    CHECK(mask_digit_runs("abc4929123456781234def") == "abc492912******1234def");
}

TEST_CASE("shorter long runs (SSN, phone, account numbers) keep only the last four", "[text-mask]") {
    CHECK(mask_digit_runs("ssn 123-45-6789)") == "ssn ***-**-6789)");
    CHECK(mask_digit_runs("call +1 202 555 0143 now") == "call +* *** *** 0143 now");
    CHECK(mask_digit_runs("account 000000000000:function") == "account ********0000:function");
}

TEST_CASE("text without long digit runs is unchanged", "[text-mask]") {
    for (const char* s : {"", "s,3 Verbose(1,hello)", "2026-11-28", "10.0.0.1:5060", "retain 3650 days", "12345678", "1 2 3 4 5 6 7 8",
                          "1--2--3--4--5--6--7--8--9"}) {
        INFO(s);
        CHECK_FALSE(has_maskable_digit_run(s));
        CHECK(mask_digit_runs(s) == s);
    }
    // Double separators end a run.
    CHECK(mask_digit_runs("1234  5678 9") == "1234  5678 9");
    // Two numbers joined by single separators are one run.
    CHECK(has_maskable_digit_run("1 2 3 4 5 6 7 8 9"));
}

TEST_CASE("dotted card numbers and SSNs are masked, IP addresses and versions are not", "[text-mask]") {
    CHECK(mask_digit_runs("card 4929.1234.5678.1234 ok") == "card 4929.12**.****.1234 ok");
    CHECK(mask_digit_runs("ssn 287.65.4321") == "ssn ***.**.4321");
    for (const char* s : {"192.168.100.200", "v10.12.1234", "3.14159265", "10.0.0.1:5060"}) {
        INFO(s);
        CHECK(mask_digit_runs(s) == s);
    }
}

TEST_CASE("shortening masks first, then cuts before the word it would split", "[text-mask]") {
    using ccscan::analyzers::shorten_masked;
    // The cut would fall inside the SSN: cutting first kept 8 of its 9 digits.
    CHECK(shorten_masked("ssn 287-65-4321 on file", 12) == "ssn...");
    CHECK(shorten_masked("ssn 287-65-4321 on file", 16) == "ssn ***-**-4321...");
    CHECK(shorten_masked("card 4929123456781234", 100) == "card 492912******1234");
    // A token (key, password) is never shown in part.
    CHECK(shorten_masked("key AKIAQWERTYUIOPASDFGH here", 10) == "key...");
    CHECK(shorten_masked("Please enter\nyour card number now", 17) == "Please enter your...");
    CHECK(shorten_masked("short", 10) == "short");
    // A quoted value the cut would split is left out whole (its closing quote is what lets the
    // secret detectors recognise it); an apostrophe opens nothing.
    CHECK(shorten_masked("your password: 'Winter2024xyz' now", 29) == "your password:...");
    CHECK(shorten_masked("we don't take cards here ok", 20) == "we don't take cards...");
    // Never inside a UTF-8 sequence.
    CHECK(shorten_masked("caf\xC3\xA9 au lait", 4) == "...");
    for (std::size_t max = 0; max < 30; ++max) {
        std::string s = shorten_masked("id 123456789012 and 987-65-4321 x", max);
        INFO(s);
        CHECK(s.find("1234567") == std::string::npos);
        CHECK(s.find("987") == std::string::npos);
    }
}
