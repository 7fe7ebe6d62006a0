#include <catch2/catch.hpp>

#include "flow_test_util.h"

using namespace ccscan;
using analyzers::FlowKind;
using analyzers::Sensitivity;

TEST_CASE("TwiML: verbs in order, recording start/stop, Gather and Pay", "[flow][twiml]") {
    auto p = test::build_fixture("twiml/gather_card.xml", "twiml");
    REQUIRE(p.flows.size() == 1);
    const auto& g = p.flows[0];
    REQUIRE(g.nodes.size() == 7);
    CHECK(g.nodes[1].kind == FlowKind::prompt);
    CHECK(analyzers::node_prop(g.nodes[2], "recording") == "on");
    CHECK(g.nodes[3].kind == FlowKind::collect_input);
    CHECK(g.nodes[3].platform_type == "Gather");
    CHECK(g.nodes[3].input.sensitivity == Sensitivity::pan);
    CHECK(analyzers::node_prop(g.nodes[3], "url") == "http://pay.example.com/card");
    CHECK(g.nodes[3].span.start.line == 7);
    CHECK(analyzers::node_prop(g.nodes[4], "recording") == "off");
    CHECK(g.nodes[5].kind == FlowKind::payment_capture);
    CHECK(g.nodes[6].kind == FlowKind::end);
    CHECK(g.edges.size() == 6);
    CHECK(p.notes.empty());
}

TEST_CASE("VoiceXML: forms, fields, goto, log and submit", "[flow][voicexml]") {
    auto p = test::build_fixture("voicexml/payment.vxml", "voicexml");
    REQUIRE(p.flows.size() == 1);
    const auto& g = p.flows[0];
    const auto* field = test::find_node(g, "cardNumber");
    REQUIRE(field);
    CHECK(field->kind == FlowKind::collect_input);
    CHECK(field->input.sensitivity == Sensitivity::pan);
    CHECK(analyzers::node_prop(*field, "max_digits") == "16");
    CHECK(analyzers::node_prop(*field, "record_utterance") == "true");
    CHECK(test::has_edge(g, "pay", "cardNumber", ""));
    bool goto_edge = false, log_reads = false, submit = false;
    for (const auto& e : g.edges) {
        if (g.nodes[e.from].platform_type == "goto" && g.nodes[e.to].id == "pay") goto_edge = true;
    }
    for (const auto& n : g.nodes) {
        if (n.platform_type == "log") log_reads = std::find(n.reads.begin(), n.reads.end(), "cardNumber") != n.reads.end();
        if (n.platform_type == "submit") submit = analyzers::node_prop(n, "url") == "http://pay.example.com/charge" && analyzers::node_prop(n, "method") == "get";
    }
    CHECK(goto_edge);
    CHECK(log_reads);
    CHECK(submit);
}

TEST_CASE("FreeSWITCH: contexts, extensions, recording and transfers", "[flow][freeswitch][freeswitch-xml]") {
    auto p = test::build_fixture("freeswitch/default.xml", "freeswitch-xml");
    REQUIRE(p.flows.size() == 2);
    const auto& g = p.flows[0];
    CHECK(g.name == "default");
    REQUIRE(g.nodes.size() == 6);
    CHECK(analyzers::node_prop(g.nodes[2], "recording") == "on");
    CHECK(g.nodes[3].kind == FlowKind::collect_input);
    CHECK(g.nodes[3].input.sensitivity == Sensitivity::pan);
    CHECK(g.nodes[3].writes == std::vector<std::string>{"card_number"});
    CHECK(g.nodes[4].reads == std::vector<std::string>{"card_number"});
    CHECK(analyzers::node_prop(g.nodes[5], "target_flow") == "secure-payments");
    CHECK(analyzers::node_prop(p.flows[1].nodes[1], "recording") == "paused");
    CHECK(p.flows[1].nodes[2].input.sensitivity == Sensitivity::cvv);
    CHECK(p.notes.empty());
}

TEST_CASE("CCXML: transitions, dialogs, sends and logs", "[flow][ccxml]") {
    auto p = test::build("call/session.ccxml", R"(<?xml version="1.0"?>
<ccxml version="1.0">
  <eventprocessor>
    <transition event="connection.alerting">
      <dialogstart src="http://ivr.example.com/pay.vxml"/>
      <log expr="'caller ' + callerid"/>
    </transition>
    <transition event="dialog.exit">
      <send target="https://billing.example.com/done" namelist="result"/>
      <disconnect/>
    </transition>
  </eventprocessor>
</ccxml>)", "ccxml");
    REQUIRE(p.flows.size() == 1);
    const auto& g = p.flows[0];
    CHECK(g.name == "session");
    REQUIRE(g.nodes.size() == 5);
    CHECK(g.nodes[1].kind == FlowKind::invoke);
    CHECK(g.nodes[1].url == "http://ivr.example.com/pay.vxml");
    CHECK(g.nodes[2].kind == FlowKind::logging);
    CHECK(g.nodes[2].log);
    CHECK(g.nodes[3].url == "https://billing.example.com/done");
    CHECK(g.nodes[3].reads == std::vector<std::string>{"result"});
    CHECK(g.nodes[4].kind == FlowKind::end);
    CHECK(test::has_edge(g, "(entry)", g.nodes[1].id, "event:connection.alerting"));
    CHECK(test::has_edge(g, "(entry)", g.nodes[3].id, "event:dialog.exit"));
    CHECK(test::has_edge(g, g.nodes[1].id, g.nodes[2].id, ""));
}
