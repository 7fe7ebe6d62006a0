#include <catch2/catch.hpp>

#include "reporters/line_hash.h"

using ccscan::reporters::line_hashes;
using Hashes = std::vector<std::string>;

// Expected values are the published test vectors of GitHub's codeql-action (fingerprints.test.ts),
// so a match means GitHub computes the same primaryLocationLineHash.
TEST_CASE("line hashes match GitHub's upload action", "[report][line-hash]") {
    CHECK(line_hashes("") == Hashes{"c129715d7a2bc9a3:1"});
    CHECK(line_hashes(" a\nb\n  \t\tc\n d") ==
          Hashes{"271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1"});
    const Hashes greetings{"e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1",
                           "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1"};
    CHECK(line_hashes(" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n") == greetings);
    CHECK(line_hashes(" hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r") == greetings);
    CHECK(line_hashes(" hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n") == greetings);
    CHECK(line_hashes(" hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n") == greetings);
    CHECK(line_hashes(" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End") ==
          Hashes{"8b7cf3e952e7aeb2:1", "b1ae1287ec4718d9:1", "bff680108adb0fcc:1", "c6805c5e1288b612:1",
                 "b86d3392aea1be30:1", "e6ceba753e1a442:1"});
}

TEST_CASE("identical lines are told apart by a counter", "[report][line-hash]") {
    std::string lorem;
    for (int i = 0; i < 10; ++i) lorem += "Lorem ipsum dolor sit amet.\n";
    CHECK(line_hashes(lorem) == Hashes{"a7f2ff13bc495cf2:1", "a7f2ff13bc495cf2:2", "a7f2ff13bc495cf2:3",
                                       "a7f2ff13bc495cf2:4", "a7f2ff13bc495cf2:5", "a7f2ff13bc495cf2:6",
                                       "a7f2ff1481e87703:1", "a9cf91f7bbf1862b:1", "55ec222b86bcae53:1",
                                       "cc97dc7b1d7d8f7b:1", "c129715d7a2bc9a3:1"});
}

TEST_CASE("line hashes read UTF-8 as UTF-16 code units", "[report][line-hash]") {
    // A non-BMP character is two UTF-16 units: the hash differs from a one-unit character.
    const auto astral = line_hashes("a\xF0\x9F\x98\x80" "b\n");
    const auto bmp = line_hashes("a\xC3\xA9" "b\n");
    REQUIRE(astral.size() == 2);
    REQUIRE(bmp.size() == 2);
    CHECK(astral[0] != bmp[0]);
    // An invalid byte does not derail the following lines' count.
    CHECK(line_hashes("\xFF\nx\n").size() == 3);
}
