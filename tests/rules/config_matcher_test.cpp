#include <catch2/catch.hpp>

#include "analyzers/yaml_parser.h"
#include "rules/config/condition.h"
#include "rules/config/config_matcher.h"
#include "rules/config/path.h"
#include "rules/rule.h"

using namespace ccscan;
using namespace ccscan::rules::config;

namespace {

analyzers::Node yaml(const std::string& text) {
    auto r = analyzers::parse_yaml(text, "t.yaml", {});
    REQUIRE(r.ok());
    return r->root;
}

std::vector<Hit> select(const analyzers::Node& root, const std::string& path, Selector& s) {
    auto p = parse_path(path);
    REQUIRE(p.ok());
    std::vector<Hit> hits;
    s.select(root, *p, hits);
    return hits;
}

}  // namespace

TEST_CASE("path: members, wildcards, indexes, filters and recursion", "[path]") {
    auto root = yaml(
        "Actions:\n"
        "  - Identifier: a1\n    Type: GetParticipantInput\n    Parameters: {StoreInput: 'True'}\n"
        "  - Identifier: a2\n    Type: MessageParticipant\n    Parameters: {Text: hi}\n"
        "nested: {deep: {StoreInput: 'False'}}\n");
    Selector s;
    auto items = select(root, "Actions[*]", s);
    REQUIRE(items.size() == 2);
    CHECK(items[0].key == "Actions[Identifier=a1]");
    CHECK(select(root, "Actions[1].Type", s).front().node->value == "MessageParticipant");
    CHECK(select(root, "Actions[-1].Type", s).front().node->value == "MessageParticipant");
    auto filtered = select(root, "Actions[Type=GetParticipantInput].Parameters.StoreInput", s);
    REQUIRE(filtered.size() == 1);
    CHECK(filtered[0].node->span.start.line == 4);
    CHECK(select(root, "**.StoreInput", s).size() == 2);
    CHECK(select(root, "*.deep.StoreInput", s).size() == 1);
    CHECK(select(root, "Actions[*].Missing", s).empty());
}

TEST_CASE("path: syntax errors are reported", "[path]") {
    CHECK_FALSE(parse_path("Actions[*").ok());
    CHECK_FALSE(parse_path("a|yaml").ok());
    CHECK_FALSE(parse_path("a[x").ok());
    CHECK(parse_path("\"a.b\".c").ok());
}

TEST_CASE("path: |json navigates an embedded JSON string and reports at the string", "[path]") {
    auto root = yaml("Resources:\n  Flow:\n    Type: AWS::Connect::ContactFlow\n    Properties:\n      Content: '{\"Actions\": [{\"Type\": \"X\"}]}'\n");
    Selector s;
    auto hits = select(root, "Resources.*.Properties.Content|json.Actions[*].Type", s);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].node->value == "X");
    CHECK(hits[0].node->span.start.line == 5);
}

TEST_CASE("conditions: operators, groups, items and policy values", "[path][condition]") {
    auto root = yaml("a: 'True'\nn: 400\nlist: [Agent, Customer]\nitems: [{k: 1}, {k: 5}]\nregion: ap-south-1\n");
    rules::PackContext ctx{"p.yaml"};
    rules::Policy policy;
    Selector s;
    auto eval = [&](const std::string& spec) {
        auto c = parse_condition(yaml(spec), ctx);
        REQUIRE(c.ok());
        return evaluate(*c, root, policy, s);
    };
    CHECK(eval("{path: a, equals: 'true', ignore_case: true}"));
    CHECK_FALSE(eval("{path: a, equals: 'true'}"));
    CHECK(eval("{path: n, gt: 365}"));
    CHECK_FALSE(eval("{path: n, le: '${policy.max_retention_days}'}"));
    CHECK(eval("{path: list, contains: Customer}"));
    CHECK(eval("{path: nope, missing: true}"));
    CHECK_FALSE(eval("{path: nope, not_equals: x}"));
    CHECK(eval("{any_item: {path: 'items[*]', where: {path: k, ge: 5}}}"));
    CHECK(eval("{no_item: {path: 'items[*]', where: {path: k, gt: 5}}}"));
    CHECK(eval("{path: region, not_in: '${policy.allowed_regions}'}"));
    CHECK(eval("{all: [{path: a, exists: true}, {not: {path: a, equals: 'False'}}]}"));
    CHECK(eval("{path: region, regex: '^ap-'}"));
}

TEST_CASE("conditions: bad specs name the key and suggest", "[condition]") {
    rules::PackContext ctx{"p.yaml"};
    auto bad = parse_condition(yaml("path: a\nequls: x\n"), ctx);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message.find("did you mean 'equals'") != std::string::npos);
    CHECK(bad.error().span.start.line == 2);
    auto two = parse_condition(yaml("{path: a, equals: x, in: [y]}"), ctx);
    REQUIRE_FALSE(two.ok());
    auto re = parse_condition(yaml("{path: a, regex: '(unclosed'}"), ctx);
    REQUIRE_FALSE(re.ok());
    CHECK(re.error().message.find("invalid regular expression") != std::string::npos);
}

TEST_CASE("config matcher: finds candidates and reports at the relative node", "[config-matcher]") {
    rules::PackContext ctx{"p.yaml"};
    auto spec = yaml("select: 'Actions[*]'\nwhere: {all: [{path: Type, equals: GetParticipantInput}, {path: Parameters.InputEncryption, missing: true}]}\nreport: Parameters.StoreInput\n");
    auto m = make_config_matcher(spec, ctx);
    REQUIRE(m.ok());
    analyzers::InputFile file{"flow.yaml", "", "", analyzers::Origin::worktree, std::nullopt};
    analyzers::ParsedFile parsed;
    parsed.document = analyzers::Document{};
    parsed.document->root = yaml(
        "Actions:\n"
        "  - Identifier: store-card\n    Type: GetParticipantInput\n    Parameters: {StoreInput: 'True'}\n"
        "  - Identifier: ok\n    Type: GetParticipantInput\n    Parameters: {StoreInput: 'True', InputEncryption: {Key: k}}\n");
    rules::Rule rule;
    rule.id = "CCS-T-001";
    rule.title = "t";
    rule.message_template = "input {{name}} unencrypted ({{key}}={{value}})";
    rules::Policy policy;
    rules::FileContext fctx{file, parsed, policy, {}};
    std::vector<rules::Finding> out;
    (*m)->match_file(rule, fctx, out);
    REQUIRE(out.size() == 1);
    CHECK(out[0].location.span.start == analyzers::Position{4, 30});
    CHECK(out[0].message == "input store-card unencrypted (StoreInput=True)");
    CHECK(out[0].fingerprint_key == "Actions[Identifier=store-card].Parameters.StoreInput");
}
