// Lazily compiled code queries: the prefilter read from the query text equals the one the
// compiled query reports, for every query of the built-in packs; errors keep the pack position.
#include <catch2/catch.hpp>

#include <fstream>

#include "analyzers/yaml_parser.h"
#include "rules/code/code_matcher.h"
#include "rules/code/lazy_query.h"
#include "rules/pack_loader.h"
#include "tests/read_file.h"

using namespace ccscan;

namespace {

// Every (language, query text) of the built-in packs' code matchers.
std::vector<std::pair<std::string, std::string>> builtin_queries() {
    std::vector<std::pair<std::string, std::string>> out;
    for (const char* pack : {"pci-dss", "gdpr", "ccpa"}) {
        std::string path = std::string(CCSCAN_SOURCE_DIR) + "/rules/packs/" + pack + "/code.yaml";
        std::string text = ccscan::test::read_source_file(std::string("rules/packs/") + pack + "/code.yaml");
        auto doc = analyzers::parse_yaml(text, path, analyzers::ParseLimits{});
        REQUIRE(doc.ok());
        for (const analyzers::Node& rule : doc->root.find("rules")->children) {
            const analyzers::Node* code = rule.find("match") ? rule.find("match")->find("code") : nullptr;
            if (!code) continue;
            if (const analyzers::Node* qs = code->find("queries")) {
                for (const analyzers::Node& q : qs->children) out.emplace_back(q.key, q.value);
            }
            if (const analyzers::Node* q = code->find("query")) {
                for (const analyzers::Node& l : code->find("languages")->children) out.emplace_back(l.value, q->value);
            }
        }
    }
    return out;
}

}  // namespace

TEST_CASE("lazy query: literals read from the text equal the compiled query's", "[code]") {
    auto queries = builtin_queries();
    REQUIRE(queries.size() >= 10);
    int with_literals = 0;
    for (const auto& [lang, text] : queries) {
        auto compiled = rules::code::CompiledQuery::compile(lang, text);
        REQUIRE(compiled.ok());
        INFO(lang << " query:\n" << text);
        CHECK(rules::code::literals_of_text(text) == compiled.value()->required_literals());
        with_literals += compiled.value()->required_literals().empty() ? 0 : 1;
    }
    CHECK(with_literals > 0);  // the comparison covers queries that give a prefilter
}

TEST_CASE("lazy query: text literals follow patterns, negation and capture comparisons", "[code]") {
    using rules::code::literals_of_text;
    CHECK(literals_of_text(R"((call (identifier) @f (#eq? @f "get")))") == std::vector<std::string>{"get"});
    CHECK(literals_of_text(R"(((a) @x (#any-of? @x "p" "q\"r")))") == std::vector<std::string>{"p", "q\"r"});
    CHECK(literals_of_text(R"(((a) @x (#not-eq? @x "p")))").empty());
    CHECK(literals_of_text(R"(((a) @x (b) @y (#eq? @x @y)))").empty());
    CHECK(literals_of_text("((a) @x (#eq? @x \"p\")) ; comment (#eq? @x \"z\")\n((b) @y (#match? @y \"q\"))").empty());
    CHECK(literals_of_text("((a) @x (#eq? @x \"p\"))\n[(b) (c)] @y").empty());
}

TEST_CASE("lazy query: a broken query is reported on first use with its pack position", "[code]") {
    auto doc = analyzers::parse_yaml("code:\n  queries:\n    go: '(no_such_node) @x'\n", "pack.yaml", analyzers::ParseLimits{});
    REQUIRE(doc.ok());
    rules::PackContext lazy{"pack.yaml", false};
    auto m = rules::code::make_code_matcher(*doc->root.find("code"), lazy);
    REQUIRE(m.ok());  // not compiled yet
    CHECK_FALSE((*m)->prepare("python"));
    auto error = (*m)->prepare("go");
    REQUIRE(error);
    CHECK(error->to_string().find("pack.yaml:3:") == 0);
    CHECK(error->message.find("unknown node type") != std::string::npos);
}
