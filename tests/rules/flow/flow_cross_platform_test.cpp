#include <catch2/catch.hpp>

#include "../../analyzers/flow/flow_test_util.h"
#include "rules/flow/flow_analysis.h"
#include "rules/flow/flow_matcher.h"
#include "rules/rule.h"

using namespace ccscan;

namespace {

std::vector<rules::Finding> run(const std::vector<analyzers::ParsedFile>& files, const std::string& spec) {
    auto doc = analyzers::parse_yaml(spec, "spec.yaml", analyzers::ParseLimits{});
    REQUIRE(doc.ok());
    auto m = rules::flow::make_flow_matcher(doc->root, rules::PackContext{"spec.yaml"});
    REQUIRE(m.ok());
    rules::Rule rule;
    rule.message_template = "{{node}}";
    rules::Policy policy;
    rules::ScanContext ctx{{}, policy};
    for (const auto& f : files) {
        for (const auto& g : f.flows) ctx.flows.push_back(&g);
    }
    std::vector<rules::Finding> out;
    m.value()->match_scan(rule, ctx, out);
    return out;
}

}  // namespace

TEST_CASE("Asterisk: recording started in one file is active at Read in another file", "[flow][asterisk]") {
    std::vector<analyzers::ParsedFile> files;
    files.push_back(test::build_fixture("asterisk/extensions.conf", "asterisk-dialplan"));
    files.push_back(test::build_fixture("asterisk/payments.conf", "asterisk-dialplan"));
    auto found = run(files, "at: {kind: collect_input, sensitivity: [pan, cvv]}\nrequire: {recording: [off, paused]}\n");
    // payments: CARDNUM and CVV reached through Goto(payments,s,1) with MixMonitor on.
    // payments-secure stops recording first: no finding there.
    REQUIRE(found.size() == 2);
    CHECK(found[0].location.path == "asterisk/payments.conf");
    CHECK(found[0].location.span.start.line == 3);
    CHECK(found[1].location.span.start.line == 4);
    REQUIRE(found[0].path.size() >= 4);
    CHECK(found[0].path[0].location.path == "asterisk/extensions.conf");

    // Alone, the payments file has no recording: nothing to report.
    std::vector<analyzers::ParsedFile> alone;
    alone.push_back(test::build_fixture("asterisk/payments.conf", "asterisk-dialplan"));
    CHECK(run(alone, "at: {kind: collect_input, sensitivity: [pan, cvv]}\nrequire: {recording: [off, paused]}\n").empty());
}

TEST_CASE("Asterisk: card digits reach CDR, Verbose and AGI", "[flow][asterisk]") {
    std::vector<analyzers::ParsedFile> files;
    files.push_back(test::build_fixture("asterisk/payments.conf", "asterisk-dialplan"));
    auto found = run(files, "taint:\n  sources: {kind: collect_input, sensitivity: [pan, cvv]}\n  sinks: {kind: [set_data, logging, invoke]}\n");
    std::vector<std::uint32_t> lines;
    for (const auto& f : found) lines.push_back(f.location.span.start.line);
    CHECK(lines == std::vector<std::uint32_t>{5, 6, 8});
}

TEST_CASE("Asterisk: caller number in a recording file name", "[flow][asterisk]") {
    std::vector<analyzers::ParsedFile> files;
    files.push_back(test::build_fixture("asterisk/extensions.conf", "asterisk-dialplan"));
    files.push_back(test::build_fixture("asterisk/payments.conf", "asterisk-dialplan"));
    auto found = run(files, "at: {kind: recording, props: {recording_file: {regex: 'CALLERID\\((num|all)\\)'}}}\n");
    REQUIRE(found.size() == 1);
    CHECK(found[0].location.span.start.line == 13);
}

TEST_CASE("Transfers resolve by name, file stem, ARN tail and Terraform reference", "[flow]") {
    analyzers::FlowGraph a, b;
    a.name = "Main IVR";
    a.path = "flows/main.json";
    b.name = "pay";
    b.path = "infra/connect.tf";
    rules::flow::ScanGraphs sg({&a, &b});
    CHECK(sg.resolve_flow("main ivr") == 0u);
    CHECK(sg.resolve_flow("main") == 0u);
    CHECK(sg.resolve_flow("arn:aws:connect:us-east-1:1:instance/x/contact-flow/pay") == 1u);
    CHECK(sg.resolve_flow("${aws_connect_contact_flow.pay.contact_flow_id}") == 1u);
    CHECK_FALSE(sg.resolve_flow("other").has_value());
}

TEST_CASE("A context defined in two files is one context for transfers", "[flow][asterisk]") {
    std::vector<analyzers::ParsedFile> files;
    files.push_back(test::build("a.conf", "[main]\nexten => s,1,MixMonitor(${UNIQUEID}.wav)\n same => n,Goto(pay,s,1)\n[pay]\nexten => x,1,NoOp()\n",
                                "asterisk-dialplan"));
    files.push_back(test::build("b.conf", "[pay]\nexten => s,1,Read(CARDNUM,enter-card-number,16)\n", "asterisk-dialplan"));
    auto found = run(files, "at: {kind: collect_input, sensitivity: [pan]}\nrequire: {recording: [off]}\n");
    REQUIRE(found.size() == 1);
    CHECK(found[0].location.path == "b.conf");
}
