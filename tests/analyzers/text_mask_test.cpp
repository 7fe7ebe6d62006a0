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
