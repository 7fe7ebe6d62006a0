#include <catch2/catch.hpp>

#include <string>

#include "analyzers/glob.h"

using ccscan::analyzers::glob_match;

TEST_CASE("glob: star, question mark and classes stay inside one segment", "[glob]") {
    CHECK(glob_match("*.json", "flow.json"));
    CHECK(glob_match("*.json", "a/b/flow.json"));
    CHECK_FALSE(glob_match("*.json", "flow.yaml"));
    CHECK_FALSE(glob_match("*.json", "flow.json.bak"));
    CHECK(glob_match("flows/*.json", "flows/main.json"));
    CHECK_FALSE(glob_match("flows/*.json", "flows/sub/main.json"));
    CHECK_FALSE(glob_match("flows/*.json", "x/flows/main.json"));  // a '/' anchors at the root
    CHECK(glob_match("flow?.json", "flow1.json"));
    CHECK_FALSE(glob_match("flow?.json", "flow12.json"));
    CHECK_FALSE(glob_match("a?b", "a/b"));
    CHECK(glob_match("flow[0-9].json", "flow7.json"));
    CHECK_FALSE(glob_match("flow[0-9].json", "flowx.json"));
    CHECK(glob_match("flow[!0-9].json", "flowx.json"));
    CHECK(glob_match("flow[^0-9].json", "flowx.json"));
    CHECK_FALSE(glob_match("flow[!0-9].json", "flow3.json"));
    CHECK(glob_match("[abc]", "b"));
    CHECK(glob_match("[]x]", "]"));
    CHECK(glob_match("a[", "a["));           // unclosed class: literal '['
    CHECK(glob_match("\\*.json", "*.json"));  // escaped star is literal
    CHECK_FALSE(glob_match("\\*.json", "a.json"));
    CHECK(glob_match("*", ".hidden"));
    CHECK(glob_match("a*b*c", "aXXbYYc"));
    CHECK_FALSE(glob_match("a*b*c", "aXXbYY"));
    CHECK(glob_match("Flow.json", "Flow.json"));
    CHECK_FALSE(glob_match("flow.json", "Flow.json"));  // case-sensitive
}

TEST_CASE("glob: double star spans any number of directories", "[glob]") {
    CHECK(glob_match("**", "a/b/c.txt"));
    CHECK(glob_match("**/*.tf", "main.tf"));
    CHECK(glob_match("**/*.tf", "infra/prod/main.tf"));
    CHECK(glob_match("infra/**/*.tf", "infra/main.tf"));
    CHECK(glob_match("infra/**/*.tf", "infra/a/b/c/main.tf"));
    CHECK_FALSE(glob_match("infra/**/*.tf", "other/main.tf"));
    CHECK_FALSE(glob_match("infra/**/*.tf", "infra/a/main.json"));
    CHECK(glob_match("infra/**", "infra/x/y"));
    CHECK(glob_match("a/**/b/**/c", "a/x/b/y/z/c"));
    CHECK_FALSE(glob_match("a/**/b/**/c", "a/x/c/y/b"));
    CHECK(glob_match("a**b", "aXb"));          // not a whole segment: acts like '*'
    CHECK_FALSE(glob_match("a**b", "a/b"));
}

TEST_CASE("glob: anchoring, directories and path normalisation", "[glob]") {
    CHECK(glob_match("node_modules", "node_modules/pkg/index.js"));
    CHECK(glob_match("node_modules", "web/node_modules/pkg/index.js"));
    CHECK_FALSE(glob_match("node_modules", "web/my_node_modules.js"));
    CHECK(glob_match("/build", "build/out.json"));
    CHECK_FALSE(glob_match("/build", "src/build/out.json"));
    CHECK(glob_match("docs/", "docs/a.md"));
    CHECK_FALSE(glob_match("docs/", "docs"));  // a file named docs is not a directory
    CHECK(glob_match("docs/", "docs/"));       // a path ending in '/' is a directory
    CHECK(glob_match("src/gen/", "src/gen/"));
    CHECK(glob_match("tests/fixtures", "tests/fixtures/flows/a.json"));
    CHECK(glob_match("*.json", "./flow.json"));
    CHECK(glob_match("a/b", "a//b"));
    CHECK_FALSE(glob_match("", "a"));
    CHECK_FALSE(glob_match("a", ""));
    CHECK(glob_match("odd name*", "dir/odd name\nwith newline"));
}

TEST_CASE("glob: pathological patterns end quickly", "[glob][hostile]") {
    std::string pattern;
    for (int i = 0; i < 30; ++i) pattern += "*a";
    pattern += "b";
    std::string name(5000, 'a');
    CHECK_FALSE(glob_match(pattern, name));
    std::string deep_pattern;
    for (int i = 0; i < 30; ++i) deep_pattern += "**/a/";
    deep_pattern += "b";
    std::string deep_path;
    for (int i = 0; i < 300; ++i) deep_path += "a/";
    deep_path += "c";
    CHECK_FALSE(glob_match(deep_pattern, deep_path));
}
