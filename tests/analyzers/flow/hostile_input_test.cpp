#include <catch2/catch.hpp>

#include "flow_test_util.h"

using namespace ccscan;

TEST_CASE("flow adapters survive malformed and unexpected input", "[flow][hostile]") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"amazon-connect-flow", "[]"},
        {"amazon-connect-flow", R"({"StartAction": 5, "Actions": "nope"})"},
        {"amazon-connect-flow", R"({"StartAction": "a", "Actions": [1, "x", {"Identifier": "a"}, {"Type": "GetParticipantInput", "Transitions": {"Conditions": [{}], "Errors": 3}}]})"},
        {"amazon-connect-flow-legacy", R"({"modules": [{"id": "m", "branches": [{}], "parameters": [{"name": "Text"}]}], "start": "zz"})"},
        {"twilio-studio-flow", R"({"states": [{"name": "a", "transitions": [{"next": "b"}, 7]}, {}], "initial_state": "missing"})"},
        {"vonage-ncco", R"({"action": "talk"})"},
        {"vonage-ncco", R"([{"action": "connect", "endpoint": "x"}, 3, []])"},
        {"genesys-archy", "inboundCall:\n  tasks:\n    - task:\n        actions:\n          - collectInput:\n          - 5\n          - decision:\n              outputs:\n                yes: 3\n"},
        {"genesys-archy", "- a\n- b\n"},
        {"asterisk-dialplan", "exten => s,1,Answer()\n[ctx\nexten => ,,,\nsame => n\nexten => s,999999999999999999,Goto(${X})\nexten => s,n,GotoIf(?:)\nexten => s,n,Gosub()\ninclude =>\n[\n"},
        {"asterisk-dialplan", std::string("\0\xff\xfe[x]\nexten => s,1,Read(", 24)},
        {"twiml", "<Response><Gather><Say/></Gather><Unknown/></Response>"},
        {"voicexml", "<vxml><form><field><filled><goto next=\"#nowhere\"/></filled></field></form><form/></vxml>"},
        {"freeswitch-xml", "<include><context><extension><condition><action/><anti-action application=\"transfer\" data=\"x\"/></condition></extension></context></include>"},
        {"ccxml", "<ccxml><eventprocessor><transition><dialogstart/><log/></transition></eventprocessor></ccxml>"},
    };
    for (const auto& [format, text] : cases) {
        INFO(format << ": " << text);
        auto p = test::build("x", text, format);
        for (const auto& g : p.flows) {
            CHECK(g.entry < std::max<std::size_t>(g.nodes.size(), 1));
            for (const auto& e : g.edges) {
                CHECK(e.from < g.nodes.size());
                CHECK(e.to < g.nodes.size());
            }
        }
    }
}

TEST_CASE("flow adapters report what they skip", "[flow][hostile]") {
    auto connect = test::build("x.json", R"({"StartAction": "a", "Actions": [{"Identifier": "a", "Type": "FutureAction", "Transitions": {"NextAction": "b"}}]})",
                               "amazon-connect-flow");
    REQUIRE(connect.notes.size() == 2);  // unknown type, dangling transition
    auto goto_var = test::build("x.conf", "[c]\nexten => s,1,Goto(${DEST})\n", "asterisk-dialplan");
    REQUIRE(goto_var.notes.size() == 1);
    CHECK(goto_var.notes[0].message.find("computed jump target") != std::string::npos);
}
