#include <catch2/catch.hpp>

#include "analyzers/flow/studio_adapter.h"
#include "flow_test_util.h"

using namespace ccscan;
using analyzers::FlowKind;
using analyzers::Sensitivity;

TEST_CASE("Studio: widgets, properties, Liquid references", "[flow][studio][twilio-studio-flow]") {
    auto p = test::build_fixture("studio/payment_ivr.json", "twilio-studio-flow");
    REQUIRE(p.flows.size() == 1);
    const auto& g = p.flows[0];
    CHECK(g.platform == "twilio-studio-flow");
    CHECK(g.nodes[g.entry].id == "Trigger");
    CHECK(g.nodes[g.entry].kind == FlowKind::entry);
    const auto* rec = test::find_node(g, "record_all");
    CHECK(rec->kind == FlowKind::recording);
    CHECK(analyzers::node_prop(*rec, "recording") == "on");
    CHECK(analyzers::node_prop(*rec, "url") == "http://hooks.example.com/recordings");
    const auto* gather = test::find_node(g, "gather_card");
    CHECK(gather->kind == FlowKind::collect_input);
    CHECK(gather->input.sensitivity == Sensitivity::pan);
    CHECK(gather->writes.at(0) == "widgets.gather_card.Digits");
    const auto* set = test::find_node(g, "set_card");
    CHECK(set->reads == std::vector<std::string>{"widgets.gather_card.Digits"});
    CHECK(set->writes == std::vector<std::string>{"flow.variables.card"});
    CHECK(test::find_node(g, "charge")->reads == std::vector<std::string>{"flow.variables.card"});
    CHECK(analyzers::node_prop(*test::find_node(g, "sms_receipt"), "message") == "sms");
    CHECK(test::has_edge(g, "Trigger", "record_all", ""));
    CHECK(test::has_edge(g, "gather_card", "gather_card", "timeout"));
    CHECK(test::has_edge(g, "gather_card", "set_card", "keypress"));
    CHECK(p.notes.empty());
}

TEST_CASE("Studio: capture-payments is a payment_capture node", "[flow][studio]") {
    auto p = test::build_fixture("studio/secure_payment.json", "twilio-studio-flow");
    const auto& g = p.flows.at(0);
    CHECK(test::find_node(g, "pay")->kind == FlowKind::payment_capture);
    CHECK(test::find_node(g, "notice")->kind == FlowKind::prompt);
}

TEST_CASE("Studio: legacy PascalCase types and split conditions", "[flow][studio]") {
    auto p = test::build_fixture("studio/legacy_export.json", "twilio-studio-flow");
    const auto& g = p.flows.at(0);
    CHECK(test::find_node(g, "GetCard")->kind == FlowKind::collect_input);
    CHECK(test::find_node(g, "GetCard")->input.sensitivity == Sensitivity::pan);
    CHECK(test::has_edge(g, "Split", "Bye", "cond:valid"));
    CHECK(test::has_edge(g, "Split", "Bye", "noMatch"));
    REQUIRE(p.notes.size() == 1);
    CHECK(p.notes[0].message.find("WidgetFromTheFuture") != std::string::npos);
}

TEST_CASE("Studio: messages that carry personal data are marked; phone numbers and card digits are not", "[flow][studio]") {
    auto p = test::build("notify.json", R"({"description": "n", "initial_state": "Trigger", "states": [
  {"name": "Trigger", "type": "trigger", "transitions": [{"next": "dob", "event": "incomingCall"}], "properties": {}},
  {"name": "dob", "type": "gather-input-on-call", "transitions": [{"next": "a", "event": "keypress"}],
   "properties": {"say": "Please enter your date of birth", "number_of_digits": 8}},
  {"name": "a", "type": "send-message", "transitions": [{"next": "b", "event": "sent"}], "properties": {"body": "DOB {{widgets.dob.Digits}}"}},
  {"name": "b", "type": "send-message", "transitions": [{"next": "c", "event": "sent"}], "properties": {"to": "{{flow.data.phone_number}}", "body": "ssn {{flow.data.ssn}}"}},
  {"name": "c", "type": "send-message", "transitions": [], "properties": {"to": "{{flow.data.phone_number}}", "body": "Hi {{flow.data.first_name}}"}}]})",
                         "twilio-studio-flow");
    const auto& g = p.flows[0];
    CHECK(analyzers::node_prop(*test::find_node(g, "a"), "personal_data") == "dob");
    CHECK(analyzers::node_prop(*test::find_node(g, "b"), "personal_data") == "ssn");
    CHECK(analyzers::node_prop(*test::find_node(g, "c"), "personal_data").empty());
}

TEST_CASE("Studio: legacy transitions that name a widget's sid", "[flow][studio]") {
    auto p = test::build("legacy.json", R"({"description": "vm", "initial_state": "Trigger", "states": [
  {"name": "Trigger", "type": "Trigger", "sid": "FF00", "transitions": [{"next": "FF01", "event": "incomingCall"}], "properties": {}},
  {"name": "Voicemail", "type": "Record", "sid": "FF01", "transitions": [], "properties": {}}]})", "twilio-studio-flow");
    CHECK(test::has_edge(p.flows[0], "Trigger", "Voicemail", ""));
    CHECK(p.notes.empty());
}
