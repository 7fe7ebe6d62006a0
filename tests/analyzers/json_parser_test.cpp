#include <catch2/catch.hpp>

#include <chrono>

#include "analyzers/json_parser.h"

using namespace ccscan::analyzers;

namespace {

Span span(std::uint32_t l1, std::uint32_t c1, std::uint32_t l2, std::uint32_t c2) { return {{l1, c1}, {l2, c2}}; }

Diagnostic error_of(const std::string& text, ParseLimits limits = {}) {
    auto r = parse_json(text, "bad.json", limits);
    REQUIRE_FALSE(r.ok());
    return r.error();
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_CASE("json: objects, arrays and scalars carry exact spans", "[json]") {
    auto r = parse_json("{\n  \"a\": \"x\\u00e9\",\n  \"n\": -1.5e3,\n  \"l\": [true, null, {\"k\": 1}]\n}\n", "f.json", {});
    REQUIRE(r.ok());
    CHECK(r->format == "json");
    const Node& root = r->root;
    REQUIRE(root.kind == NodeKind::object);
    CHECK(root.span == span(1, 1, 5, 2));
    CHECK(root.key_span.known() == false);
    const Node* a = root.find("a");
    REQUIRE(a);
    CHECK(a->kind == NodeKind::scalar);
    CHECK(a->scalar_type == ScalarType::string);
    CHECK(a->value == "x\xc3\xa9");
    CHECK(a->key_span == span(2, 3, 2, 6));
    CHECK(a->span == span(2, 8, 2, 17));
    const Node* n = root.find("n");
    CHECK(n->scalar_type == ScalarType::number);
    CHECK(n->value == "-1.5e3");
    CHECK(n->span == span(3, 8, 3, 14));
    const Node* l = root.find("l");
    REQUIRE(l->kind == NodeKind::array);
    CHECK(l->span == span(4, 8, 4, 30));
    REQUIRE(l->children.size() == 3);
    CHECK(l->children[0].scalar_type == ScalarType::boolean);
    CHECK(l->children[0].value == "true");
    CHECK(l->children[0].key.empty());
    CHECK(l->children[0].span == span(4, 9, 4, 13));
    CHECK(l->children[1].scalar_type == ScalarType::null);
    CHECK(l->children[1].span == span(4, 15, 4, 19));
    const Node& inner = l->children[2];
    CHECK(inner.kind == NodeKind::object);
    CHECK(inner.span == span(4, 21, 4, 29));
    CHECK(inner.find("k")->key_span == span(4, 22, 4, 25));
    CHECK(inner.find("k")->span == span(4, 27, 4, 28));
}

TEST_CASE("json: scalar roots, empty containers and all escapes", "[json]") {
    auto s = parse_json("  \"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"  \n", "f.json", {});
    REQUIRE(s.ok());
    CHECK(s->root.value == "a\"b\\c/d\b\f\n\r\t");
    CHECK(s->root.span == span(1, 3, 1, 25));
    auto e = parse_json("{\"o\": {}, \"a\": []}", "f.json", {});
    REQUIRE(e.ok());
    CHECK(e->root.find("o")->kind == NodeKind::object);
    CHECK(e->root.find("o")->children.empty());
    CHECK(e->root.find("a")->span == span(1, 16, 1, 18));
    for (const char* num : {"0", "-0", "12", "0.5", "1e10", "1E+2", "-3.25e-7"}) {
        auto r = parse_json(num, "n.json", {});
        REQUIRE(r.ok());
        CHECK(r->root.value == num);
        CHECK(r->root.scalar_type == ScalarType::number);
    }
    auto f = parse_json("false", "f.json", {});
    REQUIRE(f.ok());
    CHECK(f->root.scalar_type == ScalarType::boolean);
}

TEST_CASE("json: surrogate pairs, BOM and duplicate keys", "[json]") {
    auto r = parse_json("\xEF\xBB\xBF{\"e\": \"\\ud83d\\ude00\", \"e\": 2}", "f.json", {});
    REQUIRE(r.ok());
    REQUIRE(r->root.children.size() == 2);
    CHECK(r->root.children[0].key == "e");
    CHECK(r->root.children[1].key == "e");
    CHECK(r->root.children[0].value == "\xF0\x9F\x98\x80");
    CHECK(r->root.children[1].value == "2");
    CHECK(r->root.span.start == Position{1, 4});  // columns count bytes, the BOM's too
    CHECK(r->root.children[0].key_span == span(1, 5, 1, 8));
    auto lone = parse_json("[\"\\ud83d\", \"\\ude00x\", \"\\u0041\\u00DF\\u20AC\"]", "f.json", {});
    REQUIRE(lone.ok());
    CHECK(lone->root.children[0].value == "\xEF\xBF\xBD");
    CHECK(lone->root.children[1].value == "\xEF\xBF\xBDx");
    CHECK(lone->root.children[2].value == "A\xC3\x9F\xE2\x82\xAC");
    auto crlf = parse_json("{\r\n\"k\":\r\n 1}\r\n", "f.json", {});
    REQUIRE(crlf.ok());
    CHECK(crlf->root.find("k")->span == span(3, 2, 3, 3));
}

TEST_CASE("json: errors name line, column and what was expected", "[json]") {
    auto check = [](const std::string& text, Position at, const std::string& msg) {
        Diagnostic d = error_of(text);
        INFO(text << " -> " << d.to_string());
        CHECK(d.code == "parse-error");
        CHECK(d.path == "bad.json");
        CHECK(d.span.start == at);
        CHECK(d.message.find(msg) != std::string::npos);
    };
    check("{\"a\": 1\n \"b\": 2}", {2, 2}, "expected ',' or '}' after object member");
    check("[1 2]", {1, 4}, "expected ',' or ']' after array element");
    check("[1, 2,]", {1, 7}, "unexpected ']' after ','");
    check("{\"a\": 1,}", {1, 9}, "unexpected '}' after ','");
    check("{\"a\" 1}", {1, 6}, "expected ':'");
    check("{a: 1}", {1, 2}, "expected a string key");
    check("{\"a\": tru}", {1, 7}, "expected a JSON value");
    check("{\"a\": }", {1, 7}, "expected a JSON value");
    check("[1, 2", {1, 6}, "unclosed array opened at line 1, column 1");
    check("{\"x\": {\n", {2, 1}, "unclosed object opened at line 1, column 7");
    check("\"abc", {1, 5}, "unterminated string");
    check("[\"ab\ncd\"]", {1, 5}, "line break before the closing");
    check("{} x", {1, 4}, "unexpected content");
    check("", {1, 1}, "empty document");
    check("  \n ", {2, 2}, "empty document");
    check("[01]", {1, 3}, "invalid number");
    check("[1.]", {1, 4}, "digit after '.'");
    check("[-]", {1, 3}, "invalid number");
    check("[1e]", {1, 4}, "exponent");
    check("[\"\\x\"]", {1, 3}, "invalid escape '\\x'");
    check("[\"\\u12G4\"]", {1, 3}, "four hex digits");
    check("// c\n{}", {1, 1}, "comments are not allowed");
    check("[truex]", {1, 2}, "expected a JSON value");
}

TEST_CASE("json: limits are diagnostics with their own codes", "[json][hostile]") {
    ParseLimits limits;
    limits.max_depth = 3;
    CHECK(parse_json("[[[1]]]", "f.json", limits).ok());
    Diagnostic d = error_of("[[[[1]]]]", limits);
    CHECK(d.code == "limit-depth");
    CHECK(d.span.start == Position{1, 4});
    limits = {};
    limits.max_nodes = 3;
    CHECK(parse_json("[1, 2]", "f.json", limits).ok());
    CHECK(error_of("[1, 2, 3]", limits).code == "limit-nodes");
    limits = {};
    limits.max_bytes = 4;
    CHECK(error_of("[1, 2]", limits).code == "limit-size");
}

TEST_CASE("json: 100,000-deep nesting fails fast with limit-depth", "[json][hostile]") {
    auto start = std::chrono::steady_clock::now();
    std::string deep = std::string(100000, '[') + std::string(100000, ']');
    Diagnostic d = error_of(deep);
    CHECK(d.code == "limit-depth");
    CHECK(d.span.start == Position{1, 513});
    std::string objects;
    for (int i = 0; i < 100000; ++i) objects += "{\"a\":";
    CHECK(error_of(objects).code == "limit-depth");
    CHECK(seconds_since(start) < 1.0);
}

TEST_CASE("json: a 50 MB single-line document parses in well under a few seconds", "[json][hostile]") {
    std::string big = "[";
    big.reserve(52u * 1024u * 1024u);
    std::string text;
    while (text.size() < 400) text += "Thanks for calling \\u00e9 \\\"ACME\\\" ";
    int count = 0;
    while (big.size() < 50u * 1024u * 1024u) {
        if (count) big += ',';
        big += "{\"Identifier\":\"a" + std::to_string(count) + "\",\"Text\":\"" + text + "\",\"n\":12.5}";
        ++count;
    }
    big += "]";
    auto start = std::chrono::steady_clock::now();
    auto r = parse_json(big, "big.json", {});
    double took = seconds_since(start);
    REQUIRE(r.ok());
    REQUIRE(r->root.children.size() == static_cast<std::size_t>(count));
    const Node& last = r->root.children.back();
    CHECK(last.find("Identifier")->value == "a" + std::to_string(count - 1));
    CHECK(last.span.end == Position{1, static_cast<std::uint32_t>(big.size())});
#ifdef NDEBUG
    CHECK(took < 2.0);
#else
    CHECK(took < 15.0);  // unoptimised build on a shared machine; Release takes about half a second
#endif
}
