#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>

#include "analyzers/flow_graph.h"
#include "tests/read_file.h"

using namespace ccscan::analyzers;

namespace {

// A node with every typed fact set.
FlowNode full_node() {
    FlowNode n;
    n.actions = {Recording::paused, Switch::on, Analytics::redacted, Switch::off, Switch::on, Switch::on};
    n.voicemail = true;
    n.transcribe = false;
    n.recording_file = "rec-${UNIQUEID}.wav";
    n.prompt_text = "Enter your card number";
    n.prompt_file = "enter-card";
    n.prompt_id = "arn:prompt/1";
    n.input = {16, Sensitivity::pan, true, false, true, false};
    n.url = "http://pay.example.com";
    n.stream_url = "wss://stream.example.com";
    n.method = "POST";
    n.message = MessageChannel::email;
    n.personal_data = Sensitivity::dob;
    n.reads_back = Sensitivity::pan;
    n.bot_slot = "CardNumber";
    n.bot_slot_sensitivity = Sensitivity::pan;
    n.persist = Persist::cdr;
    n.sensitive_key = "cardNumber";
    n.transfer = {"payments", "payments,s,1", true};
    n.log = true;
    return n;
}

}  // namespace

TEST_CASE("flow model: every fact has a unique name and reads its own field", "[flow][model]") {
    std::set<std::string_view> names;
    FlowNode empty;
    FlowNode full = full_node();
    for (const NodeFact& f : node_facts()) {
        INFO(f.name);
        CHECK(names.insert(f.name).second);
        CHECK(f.get(empty).empty());   // absent unless an adapter sets it
        CHECK_FALSE(f.get(full).empty());
        CHECK(node_prop(full, f.name) == f.get(full));
    }
    CHECK(node_prop(full, "recording") == "paused");
    CHECK(node_prop(full, "analytics") == "redacted");
    CHECK(node_prop(full, "persist") == "cdr");
    CHECK(node_prop(full, "max_digits") == "16");
    CHECK(node_prop(full, "encrypted") == "false");
    CHECK(node_prop(full, "target_node") == "payments,s,1");
    CHECK(node_prop(full, "reads_back") == "pan");
}

TEST_CASE("flow model: raw platform parameters are props too, typed facts first", "[flow][model]") {
    FlowNode n;
    n.raw["flow_type"] = "secureCall";
    n.raw["empty"] = "";
    n.url = "http://x.example";
    CHECK(node_prop(n, "flow_type") == "secureCall");
    CHECK(node_prop(n, "missing").empty());
    std::vector<std::string> seen;
    for_each_prop(n, [&](std::string_view k, const std::string& v) { seen.push_back(std::string(k) + "=" + v); });
    CHECK(seen == std::vector<std::string>{"url=http://x.example", "flow_type=secureCall"});
}

TEST_CASE("flow model: docs/flow-model.md lists every fact", "[flow][model]") {
    const std::string doc = ccscan::test::read_source_file("docs/flow-model.md");
    for (const NodeFact& f : node_facts()) {
        INFO(f.name);
        CHECK(doc.find("`" + std::string(f.name) + "`") != std::string::npos);
    }
}
