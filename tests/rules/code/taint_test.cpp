// Taint over the per-language fixtures in tests/fixtures/code/<lang>/: every line marked EXPECT
// must be reported as a sink, and no other line.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>

#include "analyzers/code/code_parser.h"
#include "rules/code/taint.h"
#include "tests/read_file.h"

using namespace ccscan;

namespace {

std::string read_fixture(const std::string& rel) { return ccscan::test::read_source_file("tests/fixtures/code/" + rel); }

std::set<std::uint32_t> expected_lines(const std::string& text) {
    std::set<std::uint32_t> out;
    std::istringstream in(text);
    std::string line;
    for (std::uint32_t n = 1; std::getline(in, line); ++n) {
        if (line.find("EXPECT") != std::string::npos && line.find("lines marked EXPECT") == std::string::npos) out.insert(n);
    }
    return out;
}

rules::code::TaintSpec card_spec() {
    rules::code::TaintSpec s;
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

}  // namespace

TEST_CASE("taint: fixtures per language report exactly the EXPECT lines", "[code]") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"python", "python/taint.py"}, {"javascript", "javascript/taint.js"}, {"typescript", "typescript/taint.ts"},
        {"java", "java/Taint.java"},   {"csharp", "csharp/Taint.cs"},         {"go", "go/taint.go"},
        {"php", "php/taint.php"},      {"ruby", "ruby/taint.rb"}};
    const rules::code::TaintSpec spec = card_spec();
    for (const auto& [lang, rel] : cases) {
        DYNAMIC_SECTION(lang) {
            std::string text = read_fixture(rel);
            std::vector<analyzers::Diagnostic> notes;
            auto tree = analyzers::parse_source(text, lang, rel, notes);
            REQUIRE(tree);
            CHECK_FALSE(tree->has_error());
            std::set<std::uint32_t> got;
            for (const auto& hit : rules::code::find_taint(*tree, spec, rel)) {
                got.insert(tree->span(hit.sink).start.line);
                REQUIRE(hit.steps.size() >= 2);
                CHECK(hit.steps.front().message.rfind("source:", 0) == 0);
                CHECK(hit.steps.back().location.span.start.line == tree->span(hit.sink).start.line);
            }
            CHECK(got == expected_lines(text));
        }
    }
}

TEST_CASE("taint: path steps follow the assignments", "[code]") {
    std::vector<analyzers::Diagnostic> notes;
    auto tree = analyzers::parse_source("def f(event):\n    a = event.Digits\n    b = 'x' + a\n    print(b)\n", "python", "f.py", notes);
    REQUIRE(tree);
    auto hits = rules::code::find_taint(*tree, card_spec(), "f.py");
    REQUIRE(hits.size() == 1);
    REQUIRE(hits[0].steps.size() == 4);
    CHECK(hits[0].steps[0].location.span.start.line == 2);
    CHECK(hits[0].steps[1].location.span.start.line == 2);
    CHECK(hits[0].steps[2].location.span.start.line == 3);
    CHECK(hits[0].steps[3].location.span.start.line == 4);
    CHECK(hits[0].source == "event.Digits");
}

TEST_CASE("taint: identifier words and callee patterns", "[code]") {
    using rules::code::callee_matches;
    using rules::code::identifier_words;
    CHECK(identifier_words("cardNumber") == std::vector<std::string>{"card", "number"});
    CHECK(identifier_words("CARD_NO") == std::vector<std::string>{"card", "no"});
    CHECK(identifier_words("HTTPServerPan2") == std::vector<std::string>{"http", "server", "pan2"});
    CHECK(callee_matches("logger.*", "self.logger.info"));
    CHECK(callee_matches("print", "print"));
    CHECK_FALSE(callee_matches("print", "pprint"));
    CHECK(callee_matches("*.info", "log.info"));
    CHECK_FALSE(callee_matches("logging.*", "mylogging_helper"));
}

TEST_CASE("taint: pathological nesting neither crashes nor hangs", "[code]") {
    std::string deep = "def f(card_number):\n    x = " + std::string(20000, '(') + "card_number" + std::string(20000, ')') + "\n    print(x)\n";
    std::vector<analyzers::Diagnostic> notes;
    auto tree = analyzers::parse_source(deep, "python", "deep.py", notes);
    REQUIRE(tree);
    auto hits = rules::code::find_taint(*tree, card_spec(), "deep.py");
    CHECK(hits.empty());  // beyond the depth bound the value is not followed
    std::string shallow = "def f(card_number):\n    x = ((card_number))\n    print(x)\n";
    auto t2 = analyzers::parse_source(shallow, "python", "s.py", notes);
    REQUIRE(t2);
    CHECK(rules::code::find_taint(*t2, card_spec(), "s.py").size() == 1);
    std::string broken = std::string(20000, '(') + "\n";
    notes.clear();
    CHECK(analyzers::parse_source(broken, "python", "b.py", notes));
    CHECK(notes.at(0).code == "code-syntax");
}
