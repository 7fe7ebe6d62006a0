#include <catch2/catch.hpp>

#include "flow_test_util.h"

using namespace ccscan;
using analyzers::FlowKind;
using analyzers::Sensitivity;

TEST_CASE("Archy: menus, tasks, nested outputs and secure transfers", "[flow][archy][genesys-archy]") {
    auto p = test::build_fixture("archy/inbound_payments.yaml", "genesys-archy");
    REQUIRE(p.flows.size() == 1);
    const auto& g = p.flows[0];
    CHECK(g.name == "Payments Inbound");
    CHECK(g.platform == "genesys-archy");
    const auto* collect = test::find_node(g, "Collect card");
    REQUIRE(collect);
    CHECK(collect->kind == FlowKind::collect_input);
    CHECK(collect->input.sensitivity == Sensitivity::pan);
    CHECK(analyzers::node_prop(*collect, "flow_type") == "inboundCall");
    CHECK(collect->writes == std::vector<std::string>{"Task.cardNumber"});
    const auto* save = test::find_node(g, "Save card");
    REQUIRE(save);
    CHECK(save->kind == FlowKind::set_data);
    CHECK(save->reads == std::vector<std::string>{"Task.cardNumber"});
    CHECK(test::has_edge(g, "Collect card", "Save card", "output:success"));
    CHECK(test::has_edge(g, "Collect card", "Give up", "output:failure"));
    CHECK(test::has_edge(g, "Save card", "To secure flow", ""));  // branch joins the next action
    CHECK_FALSE(test::has_edge(g, "Give up", "To secure flow", ""));
    CHECK(analyzers::node_prop(*test::find_node(g, "To secure flow"), "target_flow") == "Secure Payment");
    CHECK(test::has_edge(g, "(initialGreeting)", "Main Menu_10", ""));
    CHECK(test::has_edge(g, "Main Menu_10", "Pay", "dtmf:1"));
    CHECK(test::has_edge(g, "Pay", "Pay_20", "jump"));
    CHECK(p.notes.empty());
}

TEST_CASE("NCCO: actions in order, input ends the array's path", "[flow][ncco][vonage-ncco]") {
    auto p = test::build_fixture("ncco/record_then_input.json", "vonage-ncco");
    REQUIRE(p.flows.size() == 1);
    const auto& g = p.flows[0];
    REQUIRE(g.nodes.size() == 5);
    CHECK(g.nodes[1].kind == FlowKind::recording);
    CHECK(analyzers::node_prop(g.nodes[1], "recording") == "on");
    CHECK(g.nodes[3].kind == FlowKind::collect_input);
    CHECK(g.nodes[3].input.sensitivity == Sensitivity::pan);  // from the talk before it
    CHECK(analyzers::node_prop(g.nodes[3], "url") == "http://example.com/card");
    CHECK(g.edges.size() == 3);
}
