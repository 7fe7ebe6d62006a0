#include <catch2/catch.hpp>

#include <string>

#include "../../analyzers/flow/flow_test_util.h"
#include "rules/flow/flow_matcher.h"
#include "rules/rule.h"

using namespace ccscan;

namespace {

std::string action(const std::string& id, const std::string& type, const std::string& params, const std::string& transitions) {
    return "{\"Identifier\":\"" + id + "\",\"Type\":\"" + type + "\",\"Parameters\":{" + params + "},\"Transitions\":{" +
           transitions + "}}";
}

std::string a(int i) { return "a" + std::to_string(i); }

// 5,000 actions: recording on at a0; a chain of prompts with a menu every 50 actions that loops
// back 10 actions; at a2500 a Compare either turns recording off (a4999) or goes straight on
// (unless `always_off`); the card number is collected at a4998.
std::string generated_flow(bool always_off) {
    std::string out = "{\"Version\":\"2019-10-30\",\"StartAction\":\"a0\",\"Actions\":[\n";
    out += action("a0", "UpdateContactRecordingBehavior", "\"RecordingBehavior\":{\"RecordedParticipants\":[\"Agent\",\"Customer\"]}",
                  "\"NextAction\":\"a1\"");
    for (int i = 1; i < 4998; ++i) {
        out += ",\n";
        if (i == 2500) {
            std::string def = always_off ? "a4999" : "a2501";
            out += action(a(i), "Compare", "\"ComparisonValue\":\"$.Attributes.route\"",
                          "\"NextAction\":\"" + def + "\",\"Conditions\":[{\"NextAction\":\"a4999\",\"Condition\":{\"Operator\":\"Equals\",\"Operands\":[\"secure\"]}}]");
        } else if (i % 50 == 0) {
            out += action(a(i), "GetParticipantInput", "\"Text\":\"Press 1 to continue, 2 to hear that again\",\"StoreInput\":\"False\"",
                          "\"NextAction\":\"" + a(i + 1) + "\",\"Conditions\":[{\"NextAction\":\"" + a(i + 1) +
                              "\",\"Condition\":{\"Operator\":\"Equals\",\"Operands\":[\"1\"]}},{\"NextAction\":\"" + a(i - 10) +
                              "\",\"Condition\":{\"Operator\":\"Equals\",\"Operands\":[\"2\"]}}],\"Errors\":[{\"NextAction\":\"" + a(i) +
                              "\",\"ErrorType\":\"InputTimeLimitExceeded\"}]");
        } else {
            out += action(a(i), "MessageParticipant", "\"Text\":\"Step " + std::to_string(i) + "\"", "\"NextAction\":\"" + a(i + 1) + "\"");
        }
    }
    out += ",\n" + action("a4998", "GetParticipantInput", "\"Text\":\"Enter your card number\",\"StoreInput\":\"True\"", "");
    out += ",\n" + action("a4999", "UpdateContactRecordingBehavior", "\"RecordingBehavior\":{\"RecordedParticipants\":[]}",
                          "\"NextAction\":\"a2501\"");
    return out + "\n]}\n";
}

std::vector<rules::Finding> check(const analyzers::ParsedFile& p) {
    auto spec = analyzers::parse_yaml("at: {kind: collect_input, sensitivity: [pan]}\nrequire: {recording: [off, paused]}\n", "s.yaml",
                                      analyzers::ParseLimits{});
    auto m = rules::flow::make_flow_matcher(spec->root, rules::PackContext{"s.yaml"});
    REQUIRE(m.ok());
    rules::Rule rule;
    rules::Policy policy;
    rules::ScanContext ctx{{&p.flows.at(0)}, policy};
    std::vector<rules::Finding> out;
    m.value()->match_scan(rule, ctx, out);
    return out;
}

}  // namespace

TEST_CASE("flow analysis on a generated 5,000-action Connect flow with loops and a join", "[flow][scale]") {
    auto p = test::build("generated.json", generated_flow(false), "amazon-connect-flow");
    REQUIRE(p.flows.size() == 1);
    REQUIRE(p.flows[0].nodes.size() == 5001);
    CHECK(p.notes.empty());
    auto found = check(p);
    REQUIRE(found.size() == 1);
    CHECK(found[0].fingerprint_key == "flow:generated/a4998/recording");
    // Shortest counterexample: entry, a0 .. a4998 straight through (no loop, no detour).
    REQUIRE(found[0].path.size() == 5000);
    CHECK(found[0].path[1].message.find("recording: off") != std::string::npos);  // entering a0
    CHECK(found[0].path[2].message.find("recording: on") != std::string::npos);
    CHECK(found[0].path[2501].message.find("Compare") != std::string::npos);

    // When every path goes through the suspension, the join has only "off": no finding.
    auto safe = test::build("generated.json", generated_flow(true), "amazon-connect-flow");
    CHECK(check(safe).empty());
}
