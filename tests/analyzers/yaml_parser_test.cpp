#include <catch2/catch.hpp>

#include "analyzers/yaml_parser.h"

using namespace ccscan::analyzers;

TEST_CASE("yaml: mappings, sequences and scalar types with spans", "[yaml]") {
    auto r = parse_yaml("name: acme\nretention: 90\nflags:\n  - true\n  - \"x\"\n", "a.yaml", {});
    REQUIRE(r.ok());
    const Node& root = r->root;
    REQUIRE(root.kind == NodeKind::object);
    const Node* name = root.find("name");
    REQUIRE(name);
    CHECK(name->value == "acme");
    CHECK(name->span.start == Position{1, 7});
    CHECK(name->span.end == Position{1, 11});
    CHECK(name->key_span.start == Position{1, 1});
    CHECK(root.find("retention")->scalar_type == ScalarType::number);
    const Node* flags = root.find("flags");
    REQUIRE(flags->kind == NodeKind::array);
    CHECK(flags->children[0].scalar_type == ScalarType::boolean);
    CHECK(flags->children[1].scalar_type == ScalarType::string);
    CHECK(flags->children[1].span.start == Position{5, 5});
    CHECK(flags->children[1].span.end == Position{5, 8});
}

TEST_CASE("yaml: syntax error has line and column", "[yaml]") {
    auto r = parse_yaml("a: [1, 2\nb: 3\n", "bad.yaml", {});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "parse-error");
    CHECK(r.error().span.start.line >= 1);
    CHECK(r.error().to_string().rfind("bad.yaml:", 0) == 0);
}

TEST_CASE("yaml: multi-document, anchors and merge keys", "[yaml]") {
    auto r = parse_yaml("base: &b {x: 1, y: 2}\nchild:\n  <<: *b\n  y: 3\n---\nsecond: true\n", "m.yaml", {});
    REQUIRE(r.ok());
    REQUIRE(r->multi_document);
    REQUIRE(r->root.children.size() == 2);
    const Node* child = r->root.children[0].find("child");
    REQUIRE(child);
    CHECK(child->get("x") == "1");
    CHECK(child->get("y") == "3");
}

TEST_CASE("yaml: billion laughs is rejected quickly", "[yaml][hostile]") {
    std::string text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
    char prev = 'a';
    for (char c = 'b'; c <= 'j'; ++c) {
        text += std::string(1, c) + ": &" + c + " [";
        for (int i = 0; i < 9; ++i) text += std::string(i ? "," : "") + "*" + prev;
        text += "]\n";
        prev = c;
    }
    auto r = parse_yaml(text, "lol.yaml", {});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "limit-alias");
}

TEST_CASE("yaml: absurd nesting is a diagnostic, not a crash", "[yaml][hostile]") {
    std::string deep(100000, '[');
    auto r = parse_yaml(deep, "deep.yaml", {});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "limit-depth");
    std::string dashes;
    for (int i = 0; i < 5000; ++i) dashes += "- ";
    auto r2 = parse_yaml(dashes + "x\n", "dash.yaml", {});
    REQUIRE_FALSE(r2.ok());
    CHECK(r2.error().code == "limit-depth");
}
