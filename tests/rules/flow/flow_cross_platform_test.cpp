#include <algorithm>

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
    // payments: CARDNUM and CVV reached through Goto(payments,s,1) with MixMonitor on: one
    // cause (the MixMonitor), one finding at CARDNUM, CVV related.
    // payments-secure stops recording first: no finding there.
    REQUIRE(found.size() == 1);
    CHECK(found[0].location.path == "asterisk/payments.conf");
    CHECK(found[0].location.span.start.line == 3);
    REQUIRE(found[0].related.size() == 1);
    CHECK(found[0].related[0].span.start.line == 4);
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
    // One card number, three places it leaks: one finding at the first, the others related.
    REQUIRE(found.size() == 1);
    CHECK(found[0].location.span.start.line == 5);
    std::vector<std::uint32_t> related;
    for (const auto& l : found[0].related) related.push_back(l.span.start.line);
    CHECK(std::find(related.begin(), related.end(), 6u) != related.end());
    CHECK(std::find(related.begin(), related.end(), 8u) != related.end());
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

TEST_CASE("A context defined in two files of one unit is one context for transfers", "[flow][asterisk]") {
    const char* spec = "at: {kind: collect_input, sensitivity: [pan]}\nrequire: {recording: [off]}\n";
    const char* main_conf = "[main]\nexten => s,1,MixMonitor(${UNIQUEID}.wav)\n same => n,Goto(pay,s,1)\n[pay]\nexten => x,1,NoOp()\n";
    const char* pay_conf = "[pay]\nexten => s,1,Read(CARDNUM,enter-card-number,16)\n";
    // a.conf includes b.conf: Asterisk loads them together, [pay] is one context.
    std::vector<analyzers::ParsedFile> unit;
    unit.push_back(test::build("pbx/a.conf", std::string("#include \"b.conf\"\n") + main_conf, "asterisk-dialplan"));
    unit.push_back(test::build("pbx/b.conf", pay_conf, "asterisk-dialplan"));
    auto found = run(unit, spec);
    REQUIRE(found.size() == 1);
    CHECK(found[0].location.path == "pbx/b.conf");

    // The same two files with no include between them are two dialplans: a's Goto(pay,...)
    // lands in a's own [pay], never in b's namesake (the false critical of issue 11).
    std::vector<analyzers::ParsedFile> apart;
    apart.push_back(test::build("a.conf", main_conf, "asterisk-dialplan"));
    apart.push_back(test::build("b.conf", pay_conf, "asterisk-dialplan"));
    CHECK(run(apart, spec).empty());

    // A root that only includes (extensions.conf) links its files into one unit, through
    // absolute paths and globs as Asterisk writes them.
    std::vector<analyzers::ParsedFile> rooted;
    rooted.push_back(test::build("etc/extensions.conf", "#include /etc/asterisk/ivr/*.conf\n", "asterisk-dialplan"));
    rooted.push_back(test::build("etc/ivr/main.conf", "[main]\nexten => s,1,MixMonitor(x.wav)\n same => n,Goto(pay,s,1)\n", "asterisk-dialplan"));
    rooted.push_back(test::build("etc/ivr/pay.conf", pay_conf, "asterisk-dialplan"));
    rooted.push_back(test::build("other/pay.conf", "[pay]\nexten => s,1,Read(CARDNUM,enter-card-number,16)\n", "asterisk-dialplan"));
    found = run(rooted, spec);
    REQUIRE(found.size() == 1);
    CHECK(found[0].location.path == "etc/ivr/pay.conf");
}

TEST_CASE("FreeSWITCH X-PRE-PROCESS include makes one configuration unit", "[flow][freeswitch]") {
    const char* spec = "at: {kind: collect_input, sensitivity: [pan]}\nrequire: {recording: [off]}\n";
    auto doc = [](const char* ctx, const char* body, const char* include) {
        return std::string("<document type=\"freeswitch/xml\"><section name=\"dialplan\">") + include + "<context name=\"" + ctx +
               "\">" + body + "</context></section></document>";
    };
    const char* rec = "<extension name=\"in\"><condition field=\"destination_number\" expression=\"^1000$\">"
                      "<action application=\"record_session\" data=\"/tmp/${uuid}.wav\"/>"
                      "<action application=\"transfer\" data=\"pay XML billing\"/></condition></extension>";
    const char* billing = "<extension name=\"pay\"><condition field=\"destination_number\" expression=\"^pay$\">"
                          "<action application=\"play_and_get_digits\" data=\"16 16 3 7000 # enter-card-number.wav invalid.wav card_number \\d+\"/>"
                          "</condition></extension>";
    std::vector<analyzers::ParsedFile> apart;
    apart.push_back(test::build("fs1/dialplan/default.xml", doc("default", rec, "").c_str(), "freeswitch-xml"));
    apart.push_back(test::build("fs1/dialplan/billing.xml", doc("billing", "", "").c_str(), "freeswitch-xml"));
    apart.push_back(test::build("fs2/dialplan/billing.xml", doc("billing", billing, "").c_str(), "freeswitch-xml"));
    // fs1 has its own (empty) billing context: the transfer stays in fs1.
    CHECK(run(apart, spec).empty());
    std::vector<analyzers::ParsedFile> unit;
    unit.push_back(test::build("fs2/dialplan/default.xml",
                               doc("default", rec, "<X-PRE-PROCESS cmd=\"include\" data=\"$${conf_dir}/dialplan/billing.xml\"/>").c_str(),
                               "freeswitch-xml"));
    unit.push_back(test::build("fs1/dialplan/billing.xml", doc("billing", "", "").c_str(), "freeswitch-xml"));
    unit.push_back(test::build("fs2/dialplan/billing.xml", doc("billing", billing, "").c_str(), "freeswitch-xml"));
    // Both billing files end in dialplan/billing.xml; fs2's is nearer the including file, so
    // only it joins fs2's unit (with the recording on at its card input).
    auto found = run(unit, spec);
    REQUIRE(found.size() == 1);
    CHECK(found[0].location.path == "fs2/dialplan/billing.xml");
}

TEST_CASE("A flow reached only by transfers starts with its callers' state", "[flow]") {
    const char* spec = "at: {kind: collect_input, sensitivity: any}\nrequire: {notice: [yes]}\n";
    std::vector<analyzers::ParsedFile> files;
    files.push_back(test::build("in.conf", "[in]\nexten => s,1,Playback(this-call-may-be-recorded)\n same => n,Goto(pay,s,1)\n",
                                "asterisk-dialplan"));
    files.push_back(test::build("pay.conf", "[pay]\nexten => s,1,Read(CARDNUM,enter-card-number,16)\n", "asterisk-dialplan"));
    // The notice is played in [in] before Goto(pay,...): [pay] is not analysed from defaults.
    CHECK(run(files, spec).empty());
    // On its own, [pay] is a root without a notice.
    std::vector<analyzers::ParsedFile> alone;
    alone.push_back(test::build("pay.conf", "[pay]\nexten => s,1,Read(CARDNUM,enter-card-number,16)\n", "asterisk-dialplan"));
    CHECK(run(alone, spec).size() == 1);
    // Two flows that transfer to each other: both still analysed.
    std::vector<analyzers::ParsedFile> cycle;
    cycle.push_back(test::build("c.conf", "[a]\nexten => s,1,Goto(b,s,1)\n[b]\nexten => s,1,Read(CARDNUM,enter-card-number,16)\n same => n,Goto(a,s,1)\n",
                                "asterisk-dialplan"));
    CHECK(run(cycle, spec).size() == 1);
}
