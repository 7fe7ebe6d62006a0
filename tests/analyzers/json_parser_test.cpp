#include <catch2/catch.hpp>


#include "analyzers/json_parser.h"

using namespace ccscan::analyzers;

TEST_CASE("json: objects, arrays, scalars with exact spans", "[json]") {
    auto r = parse_json("{\n  \"a\": \"x\\u00e9\",\n  \"n\": -1.5e3,\n  \"l\": [true, null, {\"k\": 1}]\n}\n", "f.json", {});
    REQUIRE(r.ok());
    const Node& root = r->root;
    REQUIRE(root.kind == NodeKind::object);
    CHECK(root.span.start == Position{1, 1});
    CHECK(root.span.end == Position{5, 2});
    const Node* a = root.find("a");
    REQUIRE(a);
    CHECK(a->value == "x\xc3\xa9");
    CHECK(a->key_span.start == Position{2, 3});
    CHECK(a->key_span.end == Position{2, 6});
    CHECK(a->span.start == Position{2, 8});
    CHECK(a->span.end == Position{2, 17});
    CHECK(root.find("n")->scalar_type == ScalarType::number);
    const Node* l = root.find("l");
    REQUIRE(l->children.size() == 3);
    CHECK(l->children[0].scalar_type == ScalarType::boolean);
    CHECK(l->children[1].scalar_type == ScalarType::null);
    CHECK(l->children[2].find("k")->span.start == Position{4, 27});
}

TEST_CASE("json: errors name line and column", "[json]") {
    auto check = [](const std::string& text, Position at, const std::string& msg) {
        auto r = parse_json(text, "bad.json", {});
        REQUIRE_FALSE(r.ok());
        INFO(r.error().to_string());
        CHECK(r.error().span.start == at);
        CHECK(r.error().message.find(msg) != std::string::npos);
    };
    check("{\"a\": 1\n \"b\": 2}", {2, 2}, "expected ',' or '}'");
    check("[1, 2,]", {1, 7}, "unexpected ']' after ','");
    check("{\"a\" 1}", {1, 6}, "expected ':'");
    check("{\"a\": tru}", {1, 7}, "expected a JSON value");
    check("[1, 2", {1, 6}, "unclosed array");
    check("\"abc", {1, 5}, "unterminated string");
    check("{} x", {1, 4}, "unexpected content");
    check("", {1, 1}, "empty document");
}

TEST_CASE("json: surrogate pairs, BOM and duplicate keys", "[json]") {
    auto r = parse_json("\xEF\xBB\xBF{\"e\": \"\\ud83d\\ude00\", \"e\": 2}", "f.json", {});
    REQUIRE(r.ok());
    CHECK(r->root.children.size() == 2);
    CHECK(r->root.children[0].value == "\xF0\x9F\x98\x80");
}

TEST_CASE("json: hostile depth and size end quickly as diagnostics", "[json][hostile]") {
    std::string deep(100000, '[');
    auto r = parse_json(deep, "deep.json", {});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "limit-depth");
    std::string big = "[";
    for (int i = 0; i < 200000; ++i) big += (i ? "," : "") + std::string("{\"Identifier\":\"x\",\"Type\":\"T\"}");
    big += "]";
    auto ok = parse_json(big, "big.json", {});
    REQUIRE(ok.ok());
    CHECK(ok->root.children.size() == 200000);
    ParseLimits small;
    small.max_nodes = 1000;
    auto limited = parse_json(big, "big.json", small);
    REQUIRE_FALSE(limited.ok());
    CHECK(limited.error().code == "limit-nodes");
}

TEST_CASE("json: JSONC files (tsconfig, .vscode, *.jsonc) take comments and trailing commas", "[json]") {
    const std::string text =
        "// compiler options\n"
        "{\n"
        "  \"compilerOptions\": { /* strict */ \"strict\": true, },\n"
        "  \"include\": [\"src\", ],  // trailing\n"
        "}\n";
    for (const char* path : {"tsconfig.json", "app/tsconfig.build.json", ".vscode/settings.json", "x/.devcontainer/devcontainer.json", "a.jsonc"}) {
        INFO(path);
        auto r = parse_json(text, path, {});
        REQUIRE(r.ok());
        const Node* opts = r->root.find("compilerOptions");
        REQUIRE(opts);
        REQUIRE(opts->find("strict"));
        CHECK(opts->find("strict")->span.start == Position{3, 47});
        CHECK(r->root.find("include")->children.size() == 1);
    }
    // Plain JSON stays strict: a flow export with a comment is malformed, with a location.
    auto strict = parse_json(text, "flow.json", {});
    REQUIRE_FALSE(strict.ok());
    CHECK(strict.error().span.start.line == 1);
    CHECK(strict.error().span.start.column == 1);
    auto trailing = parse_json("{\"a\": 1,}", "flow.json", {});
    REQUIRE_FALSE(trailing.ok());
    // An unterminated comment is an error at the place it leaves off.
    auto open = parse_json("{\"a\": 1 /* no end\n", "tsconfig.json", {});
    REQUIRE_FALSE(open.ok());
    CHECK_THAT(open.error().message, Catch::Contains("unterminated /* comment"));
}
