// Lex exports as bot graphs, and Connect bot nodes that name the bot they hand the caller to.
#include <catch2/catch.hpp>

#include "flow_test_util.h"

using namespace ccscan;
using analyzers::FlowKind;
using analyzers::Sensitivity;

TEST_CASE("Lex V2 export: a Slot.json is a slot of the bot named by its folder", "[flow][lex][amazon-lex]") {
    auto p = test::build("export/BillingBot/BotLocales/en_GB/Intents/PayBill/Slots/CardNumber/Slot.json", R"({
  "name": "CardNumber",
  "slotTypeName": "AMAZON.AlphaNumeric",
  "valueElicitationSetting": {"promptSpecification": {"messageGroupsList": [
    {"message": {"plainTextMessage": {"value": "What is the long number on your card?"}}}]}},
  "obfuscationSetting": {"obfuscationSettingType": "None"}
})", "amazon-lex");
    REQUIRE(p.flows.size() == 1);
    const auto& g = p.flows[0];
    CHECK(g.name == "BillingBot");
    CHECK(g.platform == "amazon-lex");
    REQUIRE(g.nodes.size() == 2);
    CHECK(g.nodes[1].kind == FlowKind::bot);
    CHECK(g.nodes[1].id == "PayBill/CardNumber");
    CHECK(g.nodes[1].input.sensitivity == Sensitivity::pan);
    CHECK(analyzers::node_prop(g.nodes[1], "obfuscated") == "false");
    CHECK(g.nodes[1].span.start.line == 2);
}

TEST_CASE("Lex: slot type and prompt decide when the slot name does not; Bot.json has no graph", "[flow][lex]") {
    auto by_type = test::build("B/BotLocales/en_US/Intents/I/Slots/Value/Slot.json",
                               R"({"name": "Value", "slotTypeName": "CardNumberType", "obfuscationSetting": {"obfuscationSettingType": "DefaultObfuscation"}})",
                               "amazon-lex");
    REQUIRE(by_type.flows.size() == 1);
    CHECK(by_type.flows[0].nodes[1].input.sensitivity == Sensitivity::pan);
    CHECK(analyzers::node_prop(by_type.flows[0].nodes[1], "obfuscated") == "true");
    auto amount = test::build("B/BotLocales/en_US/Intents/I/Slots/Amount/Slot.json",
                              R"({"name": "Amount", "slotTypeName": "AMAZON.Number"})", "amazon-lex");
    REQUIRE(amount.flows.size() == 1);
    CHECK(amount.flows[0].nodes[1].input.sensitivity == Sensitivity::none);
    auto bot = test::build("B/Bot.json", R"({"name": "B", "dataPrivacy": {"childDirected": false}})", "amazon-lex");
    CHECK(bot.flows.empty());
}

TEST_CASE("Lex V1 export: every intent's slots in one graph named after the bot", "[flow][lex]") {
    auto p = test::build("PayBill_Export.json", R"({"metadata": {"schemaVersion": "1.0"}, "resource": {"name": "PayBill", "intents": [
  {"name": "Pay", "slots": [{"name": "cardNumber", "slotType": "AMAZON.NUMBER", "obfuscationSetting": "NONE"},
                            {"name": "amount", "slotType": "AMAZON.NUMBER"}]}]}})", "amazon-lex");
    REQUIRE(p.flows.size() == 1);
    const auto& g = p.flows[0];
    CHECK(g.name == "PayBill");
    REQUIRE(g.nodes.size() == 3);
    CHECK(g.nodes[1].input.sensitivity == Sensitivity::pan);
    CHECK(analyzers::node_prop(g.nodes[1], "obfuscated") == "false");
    CHECK(g.nodes[2].input.sensitivity == Sensitivity::none);
}

TEST_CASE("Connect: bot nodes name the Lex bot from the console metadata", "[flow][connect][lex]") {
    auto p = test::build("flows/billing.json", R"({"Version": "2019-10-30", "StartAction": "bot",
  "Metadata": {"ActionMetadata": {"bot": {"parameters": {"LexV2Bot": {"AliasArn": {"lexV2BotName": "BillingBot"}}}},
                                  "v1": {"position": {"x": 1, "y": 1}}}},
  "Actions": [
    {"Identifier": "bot", "Type": "ConnectParticipantWithLexBot",
     "Parameters": {"Text": "How can I help?", "LexV2Bot": {"AliasArn": "arn:aws:lex:eu-west-2:111122223333:bot-alias/K2QJ8WZ4NA/LIVE7ALIAS"}},
     "Transitions": {"NextAction": "v1"}},
    {"Identifier": "v1", "Type": "GetParticipantInput",
     "Parameters": {"Text": "Say your card number", "LexBot": {"Name": "CardBot", "Region": "us-east-1"}}, "Transitions": {}}]})",
                         "amazon-connect-flow");
    REQUIRE(p.flows.size() == 1);
    const auto* bot = test::find_node(p.flows[0], "bot");
    REQUIRE(bot);
    CHECK(bot->kind == FlowKind::bot);
    CHECK(analyzers::node_prop(*bot, "target_flow") == "BillingBot");
    CHECK(bot->input.sensitivity == Sensitivity::none);
    const auto* v1 = test::find_node(p.flows[0], "v1");
    REQUIRE(v1);
    CHECK(v1->kind == FlowKind::bot);
    CHECK(analyzers::node_prop(*v1, "target_flow") == "CardBot");
    CHECK(v1->input.sensitivity == Sensitivity::pan);
}

TEST_CASE("Connect: a bot node with a neutral prompt takes its sensitivity from the intents it branches on", "[flow][connect][lex]") {
    auto p = test::build("flows/pay.json", R"({"Version": "2019-10-30", "StartAction": "bot", "Actions": [
    {"Identifier": "bot", "Type": "ConnectParticipantWithLexBot",
     "Parameters": {"Text": "How can I help?", "LexV2Bot": {"AliasArn": "arn:aws:lex:eu-west-2:111122223333:bot-alias/K2QJ8WZ4NA/LIVE7ALIAS"}},
     "Transitions": {"Conditions": [{"NextAction": "x", "Condition": {"Operator": "Equals", "Operands": ["CheckBalance"]}},
                                    {"NextAction": "x", "Condition": {"Operator": "Equals", "Operands": ["PayWithCreditCard"]}}]}},
    {"Identifier": "x", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}]})", "amazon-connect-flow");
    CHECK(test::find_node(p.flows[0], "bot")->input.sensitivity == Sensitivity::pan);
}
