// VoiceXML as templates serve it: inline SRGS grammars, builtin digit grammars, <record> with
// its own prompts and an upload in <filled>.
#include <catch2/catch.hpp>

#include "flow_test_util.h"

using namespace ccscan;
using analyzers::FlowKind;
using analyzers::Sensitivity;

TEST_CASE("VoiceXML: an inline DTMF grammar's repeat count and rule ids decide the field", "[flow][voicexml]") {
    auto p = test::build("pay.vxml", R"(<vxml version="2.1"><form id="f">
  <field name="entry">
    <grammar mode="dtmf" root="d"><rule id="d"><item repeat="15-16"><ruleref uri="#digit"/></item></rule></grammar>
    <prompt>Key in the long number, then press pound.</prompt>
  </field>
  <field name="x">
    <grammar mode="dtmf" root="securitycode"><rule id="securitycode"><item repeat="3"><ruleref uri="#digit"/></item></rule></grammar>
  </field>
  <field name="y" type="digits?minlength=13;maxlength=19"/>
</form></vxml>)", "voicexml");
    const auto& g = p.flows[0];
    const auto* entry = test::find_node(g, "entry");
    REQUIRE(entry);
    CHECK(analyzers::node_prop(*entry, "max_digits") == "16");
    CHECK(entry->input.sensitivity == Sensitivity::pan);
    const auto* x = test::find_node(g, "x");
    REQUIRE(x);
    CHECK(x->input.sensitivity == Sensitivity::cvv);
    const auto* y = test::find_node(g, "y");
    REQUIRE(y);
    CHECK(analyzers::node_prop(*y, "max_digits") == "19");
}

TEST_CASE("VoiceXML: <record> prompts play first, its <filled> submit follows", "[flow][voicexml]") {
    auto p = test::build("vm.vxml", R"(<vxml version="2.1"><form id="vm">
  <record name="msg" beep="true">
    <prompt>Your message will be recorded.</prompt>
    <filled><submit next="http://vm.example.com/upload" method="post" namelist="msg"/></filled>
  </record>
</form></vxml>)", "voicexml");
    const auto& g = p.flows[0];
    const auto* rec = test::find_node(g, "msg");
    REQUIRE(rec);
    bool prompt_first = false, upload_after = false;
    for (const auto& e : g.edges) {
        if (g.nodes[e.to].id == "msg" && g.nodes[e.from].kind == FlowKind::prompt) prompt_first = true;
        if (g.nodes[e.from].platform_type == "filled" && g.nodes[e.to].platform_type == "submit") upload_after = true;
    }
    CHECK(prompt_first);
    CHECK(upload_after);
}

TEST_CASE("sensitivity: a 16-digit entry is not a phone number whatever the prompt says", "[flow][sensitivity]") {
    auto p = test::build("pay.vxml", R"(<vxml version="2.1"><form id="f">
  <field name="num"><grammar mode="dtmf" src="builtin:dtmf/digits?length=16"/>
    <prompt>Using your telephone keypad, enter the sixteen digits now.</prompt></field>
  <field name="callback"><grammar mode="dtmf" src="builtin:dtmf/digits?length=10"/>
    <prompt>Please enter your phone number.</prompt></field>
</form></vxml>)", "voicexml");
    CHECK(test::find_node(p.flows[0], "num")->input.sensitivity == Sensitivity::pan);
    CHECK(test::find_node(p.flows[0], "callback")->input.sensitivity == Sensitivity::phone);
}

TEST_CASE("VoiceXML: a submit without namelist sends every input item; templated names get one", "[flow][voicexml]") {
    auto p = test::build("card.vxml.mustache", R"(<vxml version="2.1"><form id="card">
  <field name="    ">
    <grammar mode="dtmf" root="cardnum"><rule id="cardnum"><item repeat="13-19"><ruleref uri="#digit"/></item></rule></grammar>
    <filled><submit next="      "/></filled>
  </field>
</form></vxml>)", "voicexml");
    const auto& g = p.flows[0];
    const auto* field = test::find_node(g, "field@2:3");
    REQUIRE(field);
    CHECK(field->input.sensitivity == Sensitivity::pan);
    const analyzers::FlowNode* submit = nullptr;
    for (const auto& n : g.nodes) {
        if (n.platform_type == "submit") submit = &n;
    }
    REQUIRE(submit);
    CHECK(submit->reads == std::vector<std::string>{"field@2:3"});
}
