// NCCO shapes from real applications: webhooks that name what an input collects, one-key
// confirmations, read-backs of template placeholders, websocket endpoints.
#include <catch2/catch.hpp>

#include "flow_test_util.h"

using namespace ccscan;
using analyzers::FlowKind;
using analyzers::Sensitivity;

TEST_CASE("NCCO: the input's webhook path names what it collects", "[flow][ncco]") {
    auto p = test::build("pin.json", R"([
  {"action": "talk", "text": "Key in the four digits you chose."},
  {"action": "input", "type": ["dtmf"], "dtmf": {"maxDigits": 4}, "eventUrl": ["https://x.example.com/webhooks/verify-pin?x=1"]}
])", "vonage-ncco");
    REQUIRE(p.flows.size() == 1);
    CHECK(p.flows[0].nodes[2].input.sensitivity == Sensitivity::pin);
}

TEST_CASE("NCCO: a one-key confirmation after a read-back is not sensitive; the read-back is marked", "[flow][ncco]") {
    auto p = test::build("confirm.json", R"([
  {"action": "talk", "text": "<speak>You entered {{card_number}}. Press 1 if that is right.</speak>"},
  {"action": "input", "type": ["dtmf"], "dtmf": {"maxDigits": 1}, "eventUrl": ["https://x.example.com/confirm"]}
])", "vonage-ncco");
    const auto& g = p.flows[0];
    CHECK(analyzers::node_prop(g.nodes[1], "reads_back") == "pan");
    CHECK(g.nodes[2].input.sensitivity == Sensitivity::none);
    auto masked = test::build("confirm.json", R"([{"action": "talk", "text": "A card ending in ${cardLast4}."}])", "vonage-ncco");
    CHECK(analyzers::node_prop(masked.flows[0].nodes[1], "reads_back").empty());
}

TEST_CASE("NCCO: websocket endpoints; an unencrypted URL is the node's URL", "[flow][ncco]") {
    auto p = test::build("ws.json", R"([
  {"action": "connect", "eventUrl": ["https://x.example.com/events"],
   "endpoint": [{"type": "websocket", "uri": "ws://bot.example.net/socket", "content-type": "audio/l16;rate=16000"}]}
])", "vonage-ncco");
    const auto& n = p.flows[0].nodes[1];
    CHECK(n.kind == FlowKind::streaming);
    CHECK(analyzers::node_prop(n, "stream_url") == "ws://bot.example.net/socket");
    CHECK(analyzers::node_prop(n, "url") == "ws://bot.example.net/socket");
}
