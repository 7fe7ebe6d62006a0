#include <catch2/catch.hpp>

#include "rules/finding_groups.h"

using namespace ccscan::rules;

namespace {
Finding at(std::uint32_t line, std::string message = "m") {
    Finding f;
    f.location = {"f.json", {{line, 1}, {line, 2}}};
    f.message = std::move(message);
    return f;
}
}  // namespace

TEST_CASE("finding groups: one finding per cause, nearest member primary", "[rules][groups]") {
    FindingGroups g;
    g.add("entry", 5, at(30, "cvv"));
    g.add("entry", 3, at(20, "card"));
    g.add("other", 1, at(50, "alone"));
    g.add("entry", 5, at(40, "expiry"));
    std::vector<Finding> out;
    g.flush(out);
    REQUIRE(out.size() == 2);
    CHECK(out[0].message == "card (and 2 more places with the same cause, listed as related locations)");
    REQUIRE(out[0].related.size() == 2);
    CHECK(out[0].related[0].span.start.line == 30);
    CHECK(out[0].related[1].span.start.line == 40);
    CHECK(out[1].message == "alone");
    CHECK(out[1].related.empty());
}

TEST_CASE("finding groups: related locations of members are kept, not counted", "[rules][groups]") {
    FindingGroups g;
    Finding a = at(10), b = at(12);
    a.related.push_back({"f.json", {{2, 1}, {2, 3}}});  // the taint source
    b.related.push_back({"f.json", {{2, 1}, {2, 3}}});
    g.add("src", 1, std::move(a));
    g.add("src", 2, std::move(b));
    std::vector<Finding> out;
    g.flush(out);
    REQUIRE(out.size() == 1);
    CHECK(out[0].related.size() == 2);  // the source once, the other sink
    CHECK(out[0].message == "m (and 1 more place with the same cause, listed as related locations)");
    CHECK(parse_group_by("flow", *std::make_unique<GroupBy>()));
}
