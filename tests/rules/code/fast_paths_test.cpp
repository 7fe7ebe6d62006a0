// The code matcher's fast paths: the literal prefilters of taint specs and queries, and one taint
// walk for several specs giving each exactly the hits of a walk of its own.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "analyzers/code/code_parser.h"
#include "rules/code/query_prefilter.h"
#include "rules/code/taint.h"
#include "rules/code/taint_prefilter.h"
#include "tests/read_file.h"

using namespace ccscan;
using rules::code::TaintSpec;

namespace {

TaintSpec card_spec() {
    TaintSpec s;
    s.source_names = {"card number", "cvv"};
    s.source_paths = {"event.Digits"};
    s.sinks = {{"python", {"logging.*", "print"}}, {"php", {"echo"}}, {"javascript", {"console.*"}}};
    s.sanitizers = {"mask"};
    return s;
}

// The spec of tests/rules/code/taint_test.cpp, which finds the EXPECT lines of every fixture.
TaintSpec fixture_spec() {
    TaintSpec s;
    s.source_names = {"card number", "pan", "cvv"};
    s.source_paths = {"event.Digits"};
    s.sinks = {{"python", {"logging.*", "logger.*", "print"}},
               {"javascript", {"console.*", "logger.*"}},
               {"java", {"logger.*", "LOGGER.*", "System.out.print*"}},
               {"csharp", {"*.LogInformation", "Console.Write*"}},
               {"go", {"log.*", "fmt.Print*"}},
               {"php", {"error_log", "echo", "Log.*"}},
               {"ruby", {"puts", "logger.*"}}};
    s.sanitizers = {"mask", "tokeniz", "redact"};
    return s;
}

TaintSpec payload_spec() {
    TaintSpec s;
    s.source_whole = {"event"};
    s.source_paths = {"event['Details']"};
    s.sinks = {{"any", {"print", "console.log", "*.info"}}};
    return s;
}

std::string describe(const analyzers::SyntaxTree& tree, const std::vector<rules::code::TaintHit>& hits) {
    std::string out;
    for (const auto& h : hits) {
        out += std::to_string(tree.span(h.sink).start.line) + " " + h.callee + " " + h.source + ":";
        for (const auto& s : h.steps) out += " [" + std::to_string(s.location.span.start.line) + "] " + s.message;
        out += "\n";
    }
    return out;
}

}  // namespace

TEST_CASE("taint prefilter: a file needs a source and a sink literal of its language", "[code][prefilter]") {
    rules::code::TaintPrefilter f(card_spec());
    CHECK(f.may_match("def f(cardNumber):\n    print(cardNumber)\n", "python"));
    CHECK(f.may_match("def f(CARD_NO):\n    logging.info(CARD_NO)\n", "python"));  // "card" and "logging"
    CHECK_FALSE(f.may_match("def f(x):\n    print(x)\n", "python"));             // no source
    CHECK_FALSE(f.may_match("def f(cvv):\n    return cvv\n", "python"));           // no sink
    CHECK_FALSE(f.may_match("func f(cvv string) { log.Print(cvv) }\n", "go"));     // no sink for go
    CHECK(f.may_match("<?php\nECHO $c$vv;\n", "php"));                             // case, and '$' removed
    CHECK(f.may_match("function f(event) { console.log(event.Digits) }", "javascript"));
    rules::code::TaintPrefilter any(payload_spec());
    CHECK(any.may_match("func f(event Event) { print(event) }", "go"));
    CHECK_FALSE(any.may_match("func f(e T) { print(e) }", "go"));
}

TEST_CASE("query prefilter: #eq? literals, else the atoms of a #match? regex", "[code][prefilter]") {
    auto eq = rules::code::QueryPrefilter::from_text(R"q(((identifier) @report (#eq? @report "InsecureSkipVerify")))q");
    REQUIRE(eq);
    CHECK(eq->may_match("x := InsecureSkipVerify"));
    CHECK_FALSE(eq->may_match("x := insecureskipverify"));  // #eq? is exact
    auto re = rules::code::QueryPrefilter::from_text(
        R"q((keyword_argument name: (identifier) @k value: (string) @c (#match? @k "(?i)(password|api_?key)") (#match? @c "^[^{}]{8,}$")))q");
    REQUIRE(re);
    CHECK(re->may_match("connect(PASSWORD='hunter22hunter')"));
    CHECK(re->may_match("connect(api_key='hunter22hunter')"));
    CHECK_FALSE(re->may_match("connect(user='hunter22hunter')"));
    // A pattern whose only regex has no required substring: no prefilter for the query.
    CHECK_FALSE(rules::code::QueryPrefilter::from_text(R"q(((string) @c (#match? @c "^[^{}]{8,}$")))q"));
    CHECK_FALSE(rules::code::QueryPrefilter::from_text(R"q(((identifier) @report))q"));
    // Two patterns: either one's need lets the file through.
    auto two = rules::code::QueryPrefilter::from_text(R"q(((identifier) @a (#eq? @a "verify")) ((identifier) @b (#match? @b "^secret_")))q");
    REQUIRE(two);
    CHECK(two->may_match("verify = 1"));
    CHECK(two->may_match("SECRET_X = 1"));
    CHECK_FALSE(two->may_match("x = 1"));
}

TEST_CASE("taint: one walk for several specs gives each its own walk's hits", "[code]") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"python", "python/taint.py"}, {"javascript", "javascript/taint.js"}, {"typescript", "typescript/taint.ts"},
        {"java", "java/Taint.java"},   {"csharp", "csharp/Taint.cs"},         {"go", "go/taint.go"},
        {"php", "php/taint.php"},      {"ruby", "ruby/taint.rb"}};
    const TaintSpec card = fixture_spec(), payload = payload_spec();
    for (const auto& [lang, rel] : cases) {
        DYNAMIC_SECTION(lang) {
            const std::string text = test::read_source_file("tests/fixtures/code/" + rel);
            std::vector<analyzers::Diagnostic> notes;
            auto tree = analyzers::parse_source(text, lang, rel, notes);
            REQUIRE(tree);
            auto both = rules::code::find_taint_all(*tree, {&card, &payload, &card}, rel);
            REQUIRE(both.size() == 3);
            CHECK(describe(*tree, both[0]) == describe(*tree, rules::code::find_taint(*tree, card, rel)));
            CHECK(describe(*tree, both[1]) == describe(*tree, rules::code::find_taint(*tree, payload, rel)));
            CHECK(describe(*tree, both[2]) == describe(*tree, both[0]));
            CHECK_FALSE(both[0].empty());
        }
    }
}
