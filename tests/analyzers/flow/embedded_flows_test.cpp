#include <catch2/catch.hpp>

#include "flow_test_util.h"

using namespace ccscan;
using analyzers::FlowKind;
using analyzers::Node;
using analyzers::NodeKind;

TEST_CASE("CloudFormation: ContactFlow Content is parsed; nodes point at the embedding string", "[flow][iac][cloudformation]") {
    auto p = test::build_fixture("iac/connect.cfn.yaml", "cloudformation");
    REQUIRE(p.flows.size() == 1);
    const auto& g = p.flows[0];
    CHECK(g.name == "Payment IVR");
    CHECK(g.platform == "amazon-connect-flow");
    const auto* card = test::find_node(g, "card");
    REQUIRE(card);
    CHECK(card->kind == FlowKind::collect_input);
    CHECK(card->span.start.line == 10);  // the Content scalar
    // The broken module is a note with the file's location, not a failure.
    REQUIRE(p.notes.size() == 1);
    CHECK(p.notes[0].message.find("Broken module") != std::string::npos);
    CHECK(p.notes[0].span.start.line == 20);
}

TEST_CASE("Terraform: aws_connect_contact_flow content as a string or a jsonencode object", "[flow][iac][terraform]") {
    std::string flow = R"({"Version":"2019-10-30","StartAction":"a","Actions":[
      {"Identifier":"a","Type":"TransferToFlow","Parameters":{"ContactFlowId":"${aws_connect_contact_flow.pay.contact_flow_id}"},"Transitions":{}}]})";
    analyzers::ParsedFile parsed;
    parsed.format = "terraform";
    analyzers::Document doc;
    doc.root.kind = NodeKind::object;
    Node resource{NodeKind::object, analyzers::ScalarType::string, "resource", "", "", {}, {}, {}};
    Node type{NodeKind::object, analyzers::ScalarType::string, "aws_connect_contact_flow", "", "", {}, {}, {}};
    Node main{NodeKind::object, analyzers::ScalarType::string, "main", "", "", {}, {}, {}};
    Node content{NodeKind::scalar, analyzers::ScalarType::string, "content", flow, "", {{7, 13}, {9, 4}}, {{7, 3}, {7, 10}}, {}};
    main.children.push_back(content);
    Node computed{NodeKind::object, analyzers::ScalarType::string, "computed", "", "", {}, {}, {}};
    computed.children.push_back({NodeKind::scalar, analyzers::ScalarType::expression, "content", "file(var.path)", "", {{20, 13}, {20, 27}}, {}, {}});
    type.children.push_back(main);
    type.children.push_back(computed);
    resource.children.push_back(type);
    doc.root.children.push_back(resource);
    parsed.document = doc;
    analyzers::InputFile file{"infra/connect.tf", "", "", analyzers::Origin::worktree, std::nullopt};
    analyzers::build_flows(file, parsed, analyzers::SensitivityLexicon::builtin());
    REQUIRE(parsed.flows.size() == 1);
    CHECK(parsed.flows[0].name == "main");
    CHECK(parsed.flows[0].nodes[1].span.start.line == 7);
    CHECK(analyzers::node_prop(parsed.flows[0].nodes[1], "target_flow") == "${aws_connect_contact_flow.pay.contact_flow_id}");
    REQUIRE(parsed.notes.size() == 1);
    CHECK(parsed.notes[0].message.find("computed") != std::string::npos);
}
