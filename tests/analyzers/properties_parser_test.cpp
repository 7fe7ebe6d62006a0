#include <catch2/catch.hpp>

#include "analyzers/ini_parser.h"

using namespace ccscan::analyzers;

namespace {

Span span(std::uint32_t l1, std::uint32_t c1, std::uint32_t l2, std::uint32_t c2) { return {{l1, c1}, {l2, c2}}; }

}  // namespace

TEST_CASE("properties: separators, escapes, continuation lines and spans", "[ini]") {
    const std::string text =
        "# comment\n"
        "! another\n"
        "db.password = s3cr\\u0065t\n"
        "api.key:abc\n"
        "name value with spaces\n"
        "path=c:\\\\tmp\\tx\n"
        "multi = one, \\\n"
        "        two\n"
        "key\\ with\\ space = v\n"
        "empty=\n";
    auto r = parse_properties(text, "app.properties", {});
    REQUIRE(r.ok());
    const Node& root = r->root;
    REQUIRE(root.children.size() == 7);
    const Node* pw = root.find("db.password");
    REQUIRE(pw);
    CHECK(pw->value == "s3cret");
    CHECK(pw->key_span == span(3, 1, 3, 12));
    CHECK(pw->span == span(3, 15, 3, 26));
    CHECK(root.get("api.key") == "abc");
    CHECK(root.get("name") == "value with spaces");
    CHECK(root.get("path") == "c:\\tmp\tx");
    const Node* multi = root.find("multi");
    CHECK(multi->value == "one, two");
    CHECK(multi->span == span(7, 9, 8, 12));
    CHECK(root.get("key with space") == "v");
    CHECK(root.find("empty")->value.empty());
}

TEST_CASE("properties: limits", "[ini][hostile]") {
    ParseLimits few;
    few.max_nodes = 2;
    auto r = parse_properties("a=1\nb=2\nc=3\n", "f.properties", few);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "limit-nodes");
    CHECK(r.error().span.start == Position{3, 1});
    few.max_bytes = 2;
    CHECK(parse_properties("a=1\n", "f.properties", few).error().code == "limit-size");
    std::string dangling(100000, '\\');  // one long line of escapes must end
    CHECK(parse_properties(dangling, "f.properties", {}).ok());
}
