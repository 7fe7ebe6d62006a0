#include <catch2/catch.hpp>

#include "../../analyzers/flow/flow_test_util.h"
#include "rules/flow/flow_matcher.h"
#include "rules/rule.h"

using namespace ccscan;

namespace {

struct Harness {
    std::vector<analyzers::ParsedFile> files;
    rules::Policy policy;

    void add(const std::string& rel, const std::string& format) { files.push_back(test::build_fixture(rel, format)); }
    void add_text(const std::string& path, const std::string& text, const std::string& format) {
        files.push_back(test::build(path, text, format));
    }

    std::vector<rules::Finding> run(const std::string& spec_yaml, const std::string& message = "{{node}}") {
        auto doc = analyzers::parse_yaml(spec_yaml, "spec.yaml", analyzers::ParseLimits{});
        REQUIRE(doc.ok());
        rules::PackContext ctx{"spec.yaml"};
        auto m = rules::flow::make_flow_matcher(doc->root, ctx);
        if (!m.ok()) FAIL(m.error().to_string());
        rules::Rule rule;
        rule.id = "CCS-FLOW-TEST";
        rule.message_template = message;
        rules::ScanContext sctx{{}, policy};
        for (const auto& f : files) {
            for (const auto& g : f.flows) sctx.flows.push_back(&g);
        }
        std::vector<rules::Finding> out;
        m.value()->match_scan(rule, sctx, out);
        return out;
    }
};

std::string spec_error(const std::string& spec_yaml) {
    auto doc = analyzers::parse_yaml(spec_yaml, "spec.yaml", analyzers::ParseLimits{});
    REQUIRE(doc.ok());
    auto m = rules::flow::make_flow_matcher(doc->root, rules::PackContext{"spec.yaml"});
    return m.ok() ? std::string() : m.error().to_string();
}

const char* k_recording_off_at_card = R"(
at: {kind: [collect_input], sensitivity: [pan, cvv]}
require: {recording: [off, paused], ivr_recording: off}
)";

}  // namespace

TEST_CASE("flow require: recording on at card input, with the shortest path", "[flow]") {
    Harness h;
    h.add("connect/pay_by_phone.json", "amazon-connect-flow");
    auto found = h.run(k_recording_off_at_card, "{{state}} is {{value}} at {{node}}");
    REQUIRE(found.size() == 1);
    const auto& f = found[0];
    CHECK(f.location.path == "connect/pay_by_phone.json");
    CHECK(f.location.span.start.line == 37);
    CHECK(f.message == "recording is on at GetParticipantInput 'Please enter your 16 digit card number followed...'");
    REQUIRE(f.path.size() == 5);  // entry, greeting, record-all, menu, card-number
    // Each step shows the state on entry to it: recording-all is entered with recording off.
    CHECK(f.path[2].message.find("recording: off") != std::string::npos);
    CHECK(f.path[3].message.find("recording: on") != std::string::npos);
    CHECK(f.path[4].message.find("recording: on") != std::string::npos);
    CHECK(f.path.back().location == f.location);
    CHECK(f.fingerprint_key == "flow:pay_by_phone/card-number/recording");
}

TEST_CASE("flow require: recording suspended before card input passes; loops converge", "[flow]") {
    Harness h;
    h.add("connect/pay_secure.json", "amazon-connect-flow");
    CHECK(h.run(k_recording_off_at_card).empty());
}

TEST_CASE("flow require: state carries across TransferToFlow into another file", "[flow]") {
    Harness h;
    h.add("connect/pay_secure.json", "amazon-connect-flow");
    h.add("connect/take_payment.json", "amazon-connect-flow");
    // take_payment turns logging on itself: expiry collected while logging is on.
    auto found = h.run("at: {kind: collect_input, sensitivity: [expiry]}\nrequire: {logging: off}\n");
    REQUIRE(found.size() == 1);
    CHECK(found[0].location.path == "connect/take_payment.json");
    // recording was turned off in pay_secure before the transfer, and carried over: no finding.
    CHECK(h.run("at: {kind: collect_input, sensitivity: [expiry]}\nrequire: {recording: [off, paused]}\n").empty());
    // Without the caller flow in the scan, the callee starts from defaults: still no finding.
    Harness alone;
    alone.add("connect/take_payment.json", "amazon-connect-flow");
    CHECK(alone.run("at: {kind: collect_input, sensitivity: [expiry]}\nrequire: {recording: [off, paused]}\n").empty());
}

TEST_CASE("flow require: a transfer from a recording flow makes the callee's input a violation", "[flow]") {
    Harness h;
    h.add("connect/take_payment.json", "amazon-connect-flow");
    h.add_text("caller.json", R"({"Version":"2019-10-30","StartAction":"rec","Actions":[
      {"Identifier":"rec","Type":"UpdateContactRecordingBehavior","Parameters":{"RecordingBehavior":{"RecordedParticipants":["Customer"]}},"Transitions":{"NextAction":"go"}},
      {"Identifier":"go","Type":"TransferToFlow","Parameters":{"ContactFlowId":"arn:aws:connect:us-east-1:111122223333:instance/i/contact-flow/take_payment"},"Transitions":{}}]})",
               "amazon-connect-flow");
    auto found = h.run("at: {kind: collect_input, sensitivity: [expiry]}\nrequire: {recording: [off, paused]}\n");
    REQUIRE(found.size() == 1);
    CHECK(found[0].location.path == "connect/take_payment.json");
    REQUIRE(found[0].path.size() >= 4);
    CHECK(found[0].path[0].location.path == "caller.json");
}

TEST_CASE("flow preceded_by and notice state: notice before recording", "[flow]") {
    Harness bad;
    bad.add("connect/pay_by_phone.json", "amazon-connect-flow");
    auto found = bad.run("at: {kind: recording, props: {recording: \"on\"}}\nrequire: {notice: yes}\n");
    REQUIRE(found.size() == 1);
    CHECK(found[0].fingerprint_key == "flow:pay_by_phone/record-all/notice");
    auto pre = bad.run("at: {kind: recording, props: {recording: \"on\"}}\npreceded_by: {prompt_matches: notice}\n");
    CHECK(pre.size() == 1);

    Harness good;
    good.add("connect/pay_secure.json", "amazon-connect-flow");
    CHECK(good.run("at: {kind: recording, props: {recording: \"on\"}}\nrequire: {notice: yes}\n").empty());
    CHECK(good.run("at: {kind: recording, props: {recording: \"on\"}}\npreceded_by: {prompt_matches: notice}\n").empty());
}

TEST_CASE("flow taint: stored card input reaches attributes and Lambda", "[flow]") {
    Harness h;
    h.add("connect/pay_by_phone.json", "amazon-connect-flow");
    const char* spec = R"(
taint:
  sources: {kind: collect_input, sensitivity: [pan, cvv, expiry, pin]}
  sinks: {kind: [set_data, invoke, logging, prompt]}
  sanitizers: {props: {encrypted: "true"}}
)";
    auto found = h.run(spec, "{{variable}} from {{source}}");
    // One source, two sinks: one finding at the nearest sink; the source and the other sink are
    // related locations, and the message counts the other sink.
    REQUIRE(found.size() == 1);
    CHECK(found[0].fingerprint_key == "flow:pay_by_phone/save-card/taint:$.StoredCustomerInput");
    REQUIRE(found[0].related.size() == 2);
    CHECK(found[0].message.find("(and 1 more place with the same cause") != std::string::npos);
    CHECK(found[0].path.back().location == found[0].location);

    // Grouped by node, each sink is its own finding again.
    auto by_node = h.run(std::string(spec) + "group_by: node\n", "{{variable}} from {{source}}");
    REQUIRE(by_node.size() == 2);
    CHECK(by_node[1].fingerprint_key == "flow:pay_by_phone/charge/taint:$.Attributes.cardNumber");

    Harness safe;
    safe.add("connect/pay_secure.json", "amazon-connect-flow");
    CHECK(safe.run(spec).empty());
}

TEST_CASE("flow check mode: property conditions and regexes", "[flow]") {
    Harness h;
    h.add("connect/pay_by_phone.json", "amazon-connect-flow");
    auto found = h.run("at: {kind: collect_input, sensitivity: any, props: {store_input: \"true\", encrypted: {not_in: [\"true\"]}}}\n");
    REQUIRE(found.size() == 1);
    CHECK(found[0].fingerprint_key == "flow:pay_by_phone/card-number");
    CHECK(h.run("at: {props: {function: {regex: \"charge-card$\"}}}\n").size() == 1);
    CHECK(h.run("at: {props: {url: {exists: true}}}\n").empty());
}

TEST_CASE("flow decline_branch: consent question needs a branch that stops recording", "[flow]") {
    auto flow = [](const std::string& no_branch) {
        return std::string(R"({"Version":"2019-10-30","StartAction":"rec","Actions":[
      {"Identifier":"rec","Type":"UpdateContactRecordingBehavior","Parameters":{"RecordingBehavior":{"RecordedParticipants":["Agent","Customer"]}},"Transitions":{"NextAction":"ask"}},
      {"Identifier":"ask","Type":"GetParticipantInput","Parameters":{"Text":"Do you consent to be recorded? Press 1 for yes, 2 for no.","StoreInput":"False"},
       "Transitions":{"NextAction":"q","Conditions":[{"NextAction":"q","Condition":{"Operator":"Equals","Operands":["1"]}},
                                                     {"NextAction":")") + no_branch + R"(","Condition":{"Operator":"Equals","Operands":["2"]}}]}},
      {"Identifier":"off","Type":"UpdateContactRecordingBehavior","Parameters":{"RecordingBehavior":{"RecordedParticipants":[]}},"Transitions":{"NextAction":"q"}},
      {"Identifier":"q","Type":"TransferContactToQueue","Parameters":{},"Transitions":{}}]})";
    };
    const char* spec = "at: {kind: collect_input, prompt_matches: consent}\ndecline_branch: recording\n";
    Harness bad;
    bad.add_text("consent.json", flow("q"), "amazon-connect-flow");
    CHECK(bad.run(spec).size() == 1);
    Harness good;
    good.add_text("consent.json", flow("off"), "amazon-connect-flow");
    CHECK(good.run(spec).empty());
}

TEST_CASE("flow matcher spec errors name the key and suggest", "[flow]") {
    CHECK(spec_error("at: {kind: collect_input}\nrequire: {recordin: off}\n").find("did you mean 'recording'") != std::string::npos);
    CHECK(spec_error("at: {kind: collect_input}\nrequire: {recording: maybe}\n").find("unknown value 'maybe'") != std::string::npos);
    CHECK(spec_error("at: {knd: collect_input}\n").find("did you mean 'kind'") != std::string::npos);
    CHECK(spec_error("at: {kind: collect}\n").find("unknown flow node kind") != std::string::npos);
    CHECK(spec_error("requir: {recording: off}\n").find("spec.yaml:1:1") != std::string::npos);
    CHECK(spec_error("at: {kind: prompt}\nrequire: {notice: yes}\npreceded_by: {kind: prompt}\n").find("only one") != std::string::npos);
    CHECK(spec_error("taint: {sources: {kind: collect_input}}\n").find("sinks") != std::string::npos);
    CHECK(spec_error("at: {prompt: \"(unclosed\"}\n").find("invalid regular expression") != std::string::npos);
    CHECK(spec_error("at: {kind: collect_input}\nrequire: {recording: [off]}\n").empty());
}

TEST_CASE("flow require with unless: recording allowed while the agent is on hold", "[flow]") {
    auto flow = [](bool hold) {
        std::string h = hold ? R"({"Identifier":"hold","Type":"UpdatePreviousContactParticipantState","Parameters":{"ParticipantState":"AgentOnHold"},"Transitions":{"NextAction":"card"}},)"
                             : R"({"Identifier":"hold","Type":"MessageParticipant","Parameters":{"Text":"One moment"},"Transitions":{"NextAction":"card"}},)";
        return R"({"Version":"2019-10-30","StartAction":"rec","Actions":[
          {"Identifier":"rec","Type":"UpdateContactRecordingBehavior","Parameters":{"RecordingBehavior":{"RecordedParticipants":["Agent","Customer"]}},"Transitions":{"NextAction":"hold"}},
          )" + h + R"(
          {"Identifier":"card","Type":"GetParticipantInput","Parameters":{"Text":"Enter your card number","StoreInput":"True"},"Transitions":{}}]})";
    };
    const char* spec = "at: {kind: collect_input, sensitivity: [pan]}\nrequire: {recording: [off, paused]}\nunless: {hold: [on]}\n";
    Harness held;
    held.add_text("held.json", flow(true), "amazon-connect-flow");
    CHECK(held.run(spec).empty());
    Harness open;
    open.add_text("open.json", flow(false), "amazon-connect-flow");
    auto found = open.run(spec);
    REQUIRE(found.size() == 1);
    CHECK(found[0].path.back().message.find("recording: on, hold: off") != std::string::npos);
    CHECK(spec_error("at: {kind: prompt}\nunless: {hold: on}\n").find("unless goes with require") != std::string::npos);
}
