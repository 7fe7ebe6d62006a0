// The code matcher: predicates applied by us, report captures, prefilters, pack-load errors.
#include <catch2/catch.hpp>

#include "analyzers/code/code_parser.h"
#include "analyzers/yaml_parser.h"
#include "rules/code/code_matcher.h"
#include "rules/code/query.h"
#include "rules/rule.h"

using namespace ccscan;

namespace {

struct Built {
    analyzers::Document doc;
    analyzers::Result<std::shared_ptr<const rules::Matcher>> matcher;
};

Built build(const std::string& yaml) {
    auto doc = analyzers::parse_yaml(yaml, "pack.yaml", analyzers::ParseLimits{});
    REQUIRE(doc.ok());
    const analyzers::Node* spec = doc->root.find("code");
    REQUIRE(spec);
    rules::PackContext ctx{"pack.yaml"};
    auto m = rules::code::make_code_matcher(*spec, ctx);
    return Built{std::move(doc.value()), std::move(m)};
}

std::vector<rules::Finding> run(const rules::Matcher& m, const std::string& lang, const std::string& path, const std::string& src) {
    analyzers::InputFile file{path, "", src, analyzers::Origin::worktree, std::nullopt};
    analyzers::ParsedFile parsed;
    parsed.format = lang;
    parsed.syntax = analyzers::parse_code(file, lang, parsed.notes);
    rules::Policy policy;
    rules::Rule rule;
    rule.title = "t";
    rule.message_template = "{{language}}: {{capture}}";
    std::vector<rules::Finding> out;
    m.match_file(rule, rules::FileContext{file, parsed, policy, {}}, out);
    return out;
}

}  // namespace

TEST_CASE("code query: #eq?, #not-eq?, #any-of?, #match? are applied", "[code]") {
    auto b = build(R"(code:
  queries:
    python: |
      (call function: (attribute object: (identifier) @o attribute: (identifier) @m) @report
        (#eq? @o "requests") (#not-eq? @m "head") (#any-of? @m "get" "post" "head") (#not-match? @m "^p"))
)");
    REQUIRE(b.matcher.ok());
    auto found = run(**b.matcher, "python", "a.py", "requests.get(u)\nrequests.post(u)\nrequests.head(u)\nhttpx.get(u)\n");
    REQUIRE(found.size() == 1);
    CHECK(found[0].location.span.start == analyzers::Position{1, 1});
    CHECK(found[0].location.span.end == analyzers::Position{1, 13});
    CHECK(found[0].message == "python: requests.get");
    CHECK_FALSE(found[0].fingerprint_key.empty());
}

TEST_CASE("code query: literal captures are masked in messages", "[code]") {
    auto b = build(R"(code:
  queries:
    python: '(keyword_argument name: (identifier) @k value: (string) @report (#eq? @k "password"))'
)");
    REQUIRE(b.matcher.ok());
    auto found = run(**b.matcher, "python", "a.py", "connect(password=\"Xk9mQ2vLr7zP\")\n");
    REQUIRE(found.size() == 1);
    CHECK(found[0].message.find("Xk9mQ2vLr7zP") == std::string::npos);
    CHECK(found[0].message.find("literal") != std::string::npos);
}

TEST_CASE("code matcher: prefilter derived from #eq? literals, or given", "[code]") {
    auto derived = build(R"(code:
  queries:
    go: '((identifier) @report (#eq? @report "InsecureSkipVerify"))'
)");
    REQUIRE(derived.matcher.ok());
    CHECK((*derived.matcher)->may_match("x := InsecureSkipVerify", "go"));
    CHECK_FALSE((*derived.matcher)->may_match("package main", "go"));
    CHECK((*derived.matcher)->needs_syntax());
    auto none = build(R"(code:
  queries:
    go: '((identifier) @report (#match? @report "^Insecure"))'
)");
    REQUIRE(none.matcher.ok());
    // The regex's required substring is the prefilter; one with none lets every file through.
    CHECK_FALSE((*none.matcher)->may_match("package main", "go"));
    CHECK((*none.matcher)->may_match("x := insecureTransport", "go"));
    auto open = build(R"(code:
  queries:
    go: '((identifier) @report (#match? @report "^[A-Z]"))'
)");
    REQUIRE(open.matcher.ok());
    CHECK((*open.matcher)->may_match("package main", "go"));
    CHECK_FALSE((*open.matcher)->may_match("package main", "python"));  // no query for python
    auto given = build(R"(code:
  prefilter: [verify]
  languages: [python, ruby]
  query: '((identifier) @report)'
)");
    REQUIRE(given.matcher.ok());
    CHECK_FALSE((*given.matcher)->may_match("x = 1", "python"));
    CHECK(run(**given.matcher, "ruby", "a.rb", "verify = 1\n").size() == 1);
}

TEST_CASE("code matcher: pack errors name the file, line and query position", "[code]") {
    auto bad_syntax = build("code:\n  queries:\n    python: |\n      (call function: (identifier) @f\n        (#eq? @f \"x\")\n");
    REQUIRE_FALSE(bad_syntax.matcher.ok());
    std::string msg = bad_syntax.matcher.error().to_string();
    CHECK(msg.find("pack.yaml:3:") == 0);
    CHECK(msg.find("syntax error in python query at query line") != std::string::npos);
    auto bad_node = build("code:\n  queries:\n    go: '(no_such_node) @x'\n");
    REQUIRE_FALSE(bad_node.matcher.ok());
    CHECK(bad_node.matcher.error().message.find("unknown node type") != std::string::npos);
    auto bad_lang = build("code:\n  queries:\n    pyhton: '(call) @x'\n");
    REQUIRE_FALSE(bad_lang.matcher.ok());
    CHECK(bad_lang.matcher.error().message.find("did you mean 'python'") != std::string::npos);
    auto bad_pred = build("code:\n  queries:\n    python: '((identifier) @x (#lua-match? @x \"a\"))'\n");
    REQUIRE_FALSE(bad_pred.matcher.ok());
    CHECK(bad_pred.matcher.error().message.find("unsupported predicate #lua-match?") != std::string::npos);
    auto bad_key = build("code:\n  taints: {}\n");
    REQUIRE_FALSE(bad_key.matcher.ok());
    INFO(bad_key.matcher.error().message);
    CHECK(bad_key.matcher.error().message.find("did you mean 'taint'") != std::string::npos);
}

TEST_CASE("parse_code: every language parses; syntax errors are notes; timeouts stop", "[code]") {
    const std::vector<std::pair<std::string, std::string>> samples = {
        {"python", "x = 1\n"}, {"javascript", "let x = 1;\n"}, {"typescript", "let x: number = 1;\n"},
        {"tsx", "const a = <div>hi</div>;\n"}, {"java", "class A {}\n"}, {"csharp", "class A {}\n"},
        {"go", "package main\n"}, {"php", "<?php echo 1;\n"}, {"ruby", "x = 1\n"}};
    for (const auto& [lang, src] : samples) {
        std::vector<analyzers::Diagnostic> notes;
        auto t = analyzers::parse_source(src, lang, "f", notes);
        REQUIRE(t);
        CHECK(t->language() == lang);
        CHECK_FALSE(t->has_error());
        CHECK(notes.empty());
    }
    std::vector<analyzers::Diagnostic> notes;
    auto broken = analyzers::parse_source("def f(:\n  pass\n", "python", "b.py", notes);
    REQUIRE(broken);
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].code == "code-syntax");
    CHECK(notes[0].span.start.line == 1);
    notes.clear();
    CHECK_FALSE(analyzers::parse_source("x = 1", "cobol", "c", notes));
    CHECK(notes.at(0).code == "code-language");
    notes.clear();
    std::string big;
    for (int i = 0; i < 200000; ++i) big += "x" + std::to_string(i) + " = [1, (2, {3: 4})]\n";
    CHECK_FALSE(analyzers::parse_source(big, "python", "big.py", notes, std::chrono::milliseconds(1)));
    CHECK(notes.at(0).code == "limit-time");
}

TEST_CASE("code query: URLs shown, quoted parts of code blanked", "[code]") {
    auto b = build(R"(code:
  queries:
    python: '(call function: (identifier) @f arguments: (argument_list (string (string_content) @u)) @report (#eq? @f "get"))'
)");
    REQUIRE(b.matcher.ok());
    auto found = run(**b.matcher, "python", "a.py", "get(\"http://crm.example.net/x\")\nget(\"sk_live_abcdefghijklmnop\")\n");
    REQUIRE(found.size() == 2);
    CHECK(found[0].message == "python: (\"...\")");
    auto with_u = build(R"(code:
  report: u
  queries:
    python: '(call function: (identifier) @f arguments: (argument_list (string (string_content) @u)) (#eq? @f "get"))'
)");
    REQUIRE(with_u.matcher.ok());
    auto urls = run(**with_u.matcher, "python", "a.py", "get(\"http://crm.example.net/x\")\nget(\"sk_live_abcdefghijklmnop\")\n");
    REQUIRE(urls.size() == 2);
    CHECK(urls[0].message == "python: http://crm.example.net/x");
    CHECK(urls[1].message.find("sk_live") == std::string::npos);
    CHECK(urls[1].location.span.start == analyzers::Position{2, 6});
}

TEST_CASE("code query: one compiled query per language and text", "[code]") {
    auto a = rules::code::CompiledQuery::compile("python", "(identifier) @x");
    auto b = rules::code::CompiledQuery::compile("python", "(identifier) @x");
    auto c = rules::code::CompiledQuery::compile("ruby", "(identifier) @x");
    REQUIRE((a.ok() && b.ok() && c.ok()));
    CHECK(a.value().get() == b.value().get());
    CHECK(a.value().get() != c.value().get());
}
