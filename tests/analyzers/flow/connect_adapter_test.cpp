#include <catch2/catch.hpp>

#include "analyzers/flow/connect_adapter.h"
#include "flow_test_util.h"

using namespace ccscan;
using analyzers::FlowKind;
using analyzers::Sensitivity;

TEST_CASE("Connect flow language: nodes, kinds, properties and sensitivity", "[flow][connect][amazon-connect-flow]") {
    auto parsed = test::build_fixture("connect/pay_by_phone.json", "amazon-connect-flow");
    REQUIRE(parsed.flows.size() == 1);
    const auto& g = parsed.flows[0];
    CHECK(g.name == "pay_by_phone");
    CHECK(g.platform == "amazon-connect-flow");
    REQUIRE(g.nodes.size() == 9);  // entry + 8 actions
    CHECK(g.nodes[g.entry].kind == FlowKind::entry);

    const auto* rec = test::find_node(g, "record-all");
    REQUIRE(rec);
    CHECK(rec->kind == FlowKind::recording);
    CHECK(rec->actions.recording == analyzers::Recording::on);
    CHECK(rec->actions.ivr_recording == analyzers::Switch::on);
    CHECK(rec->actions.analytics == analyzers::Analytics::on);
    CHECK(rec->span.start.line == 12);  // the action object

    const auto* card = test::find_node(g, "card-number");
    REQUIRE(card);
    CHECK(card->kind == FlowKind::collect_input);
    CHECK(card->input.sensitivity == Sensitivity::pan);
    CHECK(card->input.store == true);
    CHECK(card->input.encrypted == false);
    CHECK(card->input.max_digits == 16);
    CHECK(card->writes == std::vector<std::string>{"$.StoredCustomerInput"});

    const auto* menu = test::find_node(g, "menu");
    REQUIRE(menu);
    CHECK(menu->input.sensitivity == Sensitivity::none);

    const auto* save = test::find_node(g, "save-card");
    REQUIRE(save);
    CHECK(save->kind == FlowKind::set_data);
    CHECK(save->reads == std::vector<std::string>{"$.StoredCustomerInput"});
    CHECK(save->writes == std::vector<std::string>{"$.Attributes.cardNumber"});
    CHECK(analyzers::node_prop(*save, "sensitive_key") == "cardNumber");

    const auto* charge = test::find_node(g, "charge");
    REQUIRE(charge);
    CHECK(charge->kind == FlowKind::invoke);
    CHECK(charge->reads == std::vector<std::string>{"$.Attributes.cardNumber"});
}

TEST_CASE("Connect flow language: edges carry conditions and errors", "[flow][connect]") {
    auto parsed = test::build_fixture("connect/pay_by_phone.json", "amazon-connect-flow");
    const auto& g = parsed.flows.at(0);
    CHECK(test::has_edge(g, "(entry)", "greeting", ""));
    CHECK(test::has_edge(g, "menu", "card-number", "dtmf:1"));
    CHECK(test::has_edge(g, "menu", "to-queue", "dtmf:2"));
    CHECK(test::has_edge(g, "menu", "menu", "error:InputTimeLimitExceeded"));
    CHECK(test::has_edge(g, "menu", "to-queue", ""));
    CHECK(test::has_edge(g, "to-queue", "bye", "error:QueueAtCapacity"));
    CHECK_FALSE(test::has_edge(g, "bye", "greeting", ""));
    CHECK(parsed.notes.empty());
}

TEST_CASE("Connect: transfers name their target flow; digit counts refine sensitivity", "[flow][connect]") {
    auto parsed = test::build_fixture("connect/pay_secure.json", "amazon-connect-flow");
    const auto& g = parsed.flows.at(0);
    const auto* t = test::find_node(g, "pay-module");
    REQUIRE(t);
    CHECK(t->kind == FlowKind::transfer);
    CHECK(t->transfer.flow == "take_payment");
    CHECK(analyzers::node_prop(*test::find_node(g, "card"), "encrypted") == "true");
    CHECK(test::find_node(g, "cvv")->input.sensitivity == Sensitivity::cvv);
    CHECK(analyzers::node_prop(*test::find_node(g, "pause"), "recording") == "off");
}

TEST_CASE("Connect legacy export: modules, parameters and branches", "[flow][connect][amazon-connect-flow-legacy]") {
    auto parsed = test::build_fixture("connect/legacy_export.json", "amazon-connect-flow-legacy");
    REQUIRE(parsed.flows.size() == 1);
    const auto& g = parsed.flows[0];
    CHECK(g.platform == "amazon-connect-flow-legacy");
    const auto* in = test::find_node(g, "m2");
    REQUIRE(in);
    CHECK(in->kind == FlowKind::collect_input);
    CHECK(in->input.sensitivity == Sensitivity::pan);
    CHECK(analyzers::node_prop(*in, "encrypted") == "false");
    CHECK(analyzers::node_prop(*test::find_node(g, "m1"), "logging") == "on");
    CHECK(test::has_edge(g, "m2", "m4", "error:Error"));
    CHECK(test::has_edge(g, "(entry)", "m1", ""));
    // The unknown module is kept as `other` and reported as a note.
    CHECK(test::find_node(g, "m5")->kind == FlowKind::other);
    REQUIRE(parsed.notes.size() == 1);
    CHECK(parsed.notes[0].message.find("SomethingNew") != std::string::npos);
}

TEST_CASE("Connect: a dangling transition is a note, not a failure", "[flow][connect]") {
    std::string text = R"({"Version":"2019-10-30","StartAction":"a","Actions":[
      {"Identifier":"a","Type":"MessageParticipant","Parameters":{"Text":"hi"},"Transitions":{"NextAction":"missing"}}]})";
    auto parsed = test::build("f.json", text, "amazon-connect-flow");
    REQUIRE(parsed.flows.size() == 1);
    CHECK(parsed.flows[0].edges.size() == 1);  // entry -> a only
    REQUIRE(parsed.notes.size() == 1);
    CHECK(parsed.notes[0].message.find("missing") != std::string::npos);
}
