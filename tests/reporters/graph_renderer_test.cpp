#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "../analyzers/flow/flow_test_util.h"
#include "reporters/graph_renderer.h"

using namespace ccscan;

namespace {

std::string render(const analyzers::ParsedFile& p, reporters::GraphFormat f) {
    std::vector<const analyzers::FlowGraph*> graphs;
    for (const auto& g : p.flows) graphs.push_back(&g);
    return reporters::render_graphs(graphs, f, rules::Policy{});
}

}  // namespace

TEST_CASE("graph JSON: nodes with kind, sensitivity, location and state; edges with conditions", "[flow][graph]") {
    auto p = test::build_fixture("connect/pay_by_phone.json", "amazon-connect-flow");
    auto j = nlohmann::json::parse(render(p, reporters::GraphFormat::json));
    REQUIRE(j["nodes"].size() == 9);
    const auto& card = j["nodes"][4];
    CHECK(card["id"] == "card-number");
    CHECK(card["kind"] == "collect_input");
    CHECK(card["sensitivity"] == "pan");
    CHECK(card["location"]["path"] == "connect/pay_by_phone.json");
    CHECK(card["location"]["line"] == 37);
    CHECK(card["state"]["recording"] == nlohmann::json::array({"on"}));
    CHECK(card["state"]["notice"] == nlohmann::json::array({"no"}));
    CHECK(j["nodes"][0]["entry"] == true);
    bool dtmf = false;
    for (const auto& e : j["edges"]) {
        if (e["from"] == "menu" && e["to"] == "card-number" && e["condition"] == "dtmf:1") dtmf = true;
    }
    CHECK(dtmf);
}

TEST_CASE("graph dot and mermaid: one cluster per flow, labels escaped, transfers dashed", "[flow][graph]") {
    analyzers::ParsedFile both;
    auto a = test::build_fixture("connect/pay_secure.json", "amazon-connect-flow");
    auto b = test::build_fixture("connect/take_payment.json", "amazon-connect-flow");
    for (auto& g : a.flows) both.flows.push_back(g);
    for (auto& g : b.flows) both.flows.push_back(g);
    std::string dot = render(both, reporters::GraphFormat::dot);
    CHECK(dot.rfind("digraph flows {", 0) == 0);
    CHECK(dot.find("subgraph cluster_0") != std::string::npos);
    CHECK(dot.find("subgraph cluster_1") != std::string::npos);
    CHECK(dot.find("[label=\"transfer\", style=dashed]") != std::string::npos);
    CHECK(dot.find("[label=\"dtmf:1\"]") != std::string::npos);
    CHECK(dot.find("recording=on") != std::string::npos);
    std::string mm = render(both, reporters::GraphFormat::mermaid);
    CHECK(mm.rfind("flowchart TD\n", 0) == 0);
    CHECK(mm.find(" -.->|\"transfer\"|") != std::string::npos);
    CHECK(mm.find("subgraph g1 [\"take_payment\"]") != std::string::npos);
    analyzers::FlowGraph g;
    g.name = "q";
    analyzers::FlowNode quoted;
    quoted.id = "x";
    quoted.platform_type = "t";
    quoted.kind = analyzers::FlowKind::prompt;
    quoted.label = "say \"hi\" <now>";
    g.nodes.push_back(quoted);
    std::string esc = reporters::render_graphs({&g}, reporters::GraphFormat::mermaid, rules::Policy{});
    CHECK(esc.find("say #quot;hi#quot; #lt;now#gt;") != std::string::npos);
    std::string escdot = reporters::render_graphs({&g}, reporters::GraphFormat::dot, rules::Policy{});
    CHECK(escdot.find("say \\\"hi\\\" <now>") != std::string::npos);
}

TEST_CASE("graph format names", "[flow][graph]") {
    reporters::GraphFormat f;
    CHECK(reporters::parse_graph_format("mermaid", f));
    CHECK(f == reporters::GraphFormat::mermaid);
    CHECK_FALSE(reporters::parse_graph_format("svg", f));
}

TEST_CASE("graph labels go through the same secret and PII masking as findings", "[flow][graph][redaction]") {
    // Made-up values: an AWS access key id and a password read out in prompts, an SSN where the
    // label is cut, a card number in a node id.
    const std::string flow = R"({"Version": "2019-10-30", "StartAction": "key",
      "Actions": [
        {"Identifier": "key", "Type": "MessageParticipant",
         "Parameters": {"Text": "Your key is AKIAZ3MPLQ7RTX4KW2NB"}, "Transitions": {"NextAction": "pw"}},
        {"Identifier": "pw", "Type": "MessageParticipant",
         "Parameters": {"Text": "password: 'Wq8#tZ3vLp9x'"}, "Transitions": {"NextAction": "ssn"}},
        {"Identifier": "ssn", "Type": "MessageParticipant",
         "Parameters": {"Text": "We have your social security number ssn 287-65-4321 on file"}, "Transitions": {"NextAction": "card 4929581234567898"}},
        {"Identifier": "card 4929581234567898", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}
      ]})";
    auto p = test::build("flows/leaky.json", flow, "amazon-connect-flow");
    REQUIRE(p.flows.size() == 1);
    for (auto fmt : {reporters::GraphFormat::json, reporters::GraphFormat::dot, reporters::GraphFormat::mermaid}) {
        const std::string out = render(p, fmt);
        INFO(out);
        CHECK(out.find("AKIAZ3MPLQ7RTX4KW2NB") == std::string::npos);
        CHECK(out.find("Z3MPLQ7R") == std::string::npos);
        CHECK(out.find("Wq8#tZ3vLp9x") == std::string::npos);
        CHECK(out.find("287-65") == std::string::npos);
        CHECK(out.find("4929581234567898") == std::string::npos);
        CHECK(out.find("aws_access_key_id") != std::string::npos);  // masked, not dropped
        CHECK(out.find("password_assignment") != std::string::npos);
        CHECK(out.find("492958******7898") != std::string::npos);
    }
}
