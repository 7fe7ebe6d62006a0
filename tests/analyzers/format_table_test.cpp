// The format table is the only place that knows a format, so these tests walk the table: every
// row must be detected from a real-looking sample, and every row with flows must have a fuzz
// seed that builds flows and an adapter test tagged with the format id. A new row without them
// fails here.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "analyzers/flow/sensitivity.h"
#include "analyzers/format_registry.h"
#include "tests/read_file.h"

using namespace ccscan::analyzers;

namespace {

struct Sample {
    std::string path;
    std::string bytes;
};

// One sample per format id, detected by the same name rules and signatures a scan uses.
const std::map<std::string, Sample>& samples() {
    static const std::map<std::string, Sample> k_samples = {
        {"json", {"plain.json", "{\"a\": 1}"}},
        {"yaml", {"values.yaml", "replicas: 2\n"}},
        {"xml", {"pom.xml", "<project><modelVersion>4.0.0</modelVersion></project>"}},
        {"ini", {"app.ini", "[main]\nkey = value\n"}},
        {"properties", {"app.properties", "k=v\n"}},
        {"terraform", {"infra/connect", "resource \"aws_connect_instance\" \"main\" {\n}\n"}},
        {"cloudformation", {"stack.json", R"({"AWSTemplateFormatVersion": "2010-09-09", "Resources": {}})"}},
        {"amazon-connect-flow", {"exports/data.json", R"({"Version": "2019-10-30", "StartAction": "a", "Actions": [{"Identifier": "a", "Type": "DisconnectParticipant"}]})"}},
        {"amazon-connect-flow-legacy", {"old.json", R"({"modules": [{"id": "1", "type": "PlayPrompt", "branches": []}], "type": "contactFlow", "start": "1"})"}},
        {"twilio-studio-flow", {"ivr.json", R"({"states": [{"name": "Trigger", "type": "trigger", "transitions": []}], "initial_state": "Trigger"})"}},
        {"twiml", {"pay.xml", "<?xml version=\"1.0\"?>\n<Response><Gather numDigits=\"16\"/></Response>"}},
        {"genesys-archy", {"flows/payment.yaml", "inboundCall:\n  name: Payments\n"}},
        {"asterisk-dialplan", {"custom/ivr.conf", "[ivr]\nexten => s,1,Answer()\n"}},
        {"asterisk-sip", {"custom/trunks.conf", "[trunk]\ntype=endpoint\n"}},
        {"asterisk-conf", {"etc/asterisk/logger.conf", "[logfiles]\nmessages => notice\n"}},
        {"freeswitch-xml", {"dialplan/default/100.xml", "<extension name=\"pay\"><condition><action application=\"answer\"/></condition></extension>"}},
        {"voicexml", {"ivr/Pay.jsp", "<%@ page contentType=\"application/voicexml+xml\" %>\n<vxml version=\"2.1\"><form/></vxml>"}},
        {"ccxml", {"call.xml", "<ccxml version=\"1.0\"></ccxml>"}},
        {"vonage-ncco", {"answer.json", R"([{"action": "talk", "text": "Hello"}, {"action": "input"}])"}},
        {"amazon-lex", {"Slot.json", R"({"slotName": "cardNumber", "slotTypeName": "AMAZON.Number"})"}},
        {"python", {"lambda/handler.py", ""}},
        {"javascript", {"fn/index.mjs", ""}},
        {"typescript", {"src/types.d.ts", ""}},
        {"tsx", {"src/App.tsx", ""}},
        {"java", {"Main.java", ""}},
        {"csharp", {"Program.cs", ""}},
        {"go", {"main.go", ""}},
        {"php", {"index.php", "<?php echo 'hi';"}},
        {"ruby", {"app.rb", ""}},
        {"text", {"README", "just words\n"}},
    };
    return k_samples;
}

using ccscan::test::read_file;

// fuzz/corpus/flow seeds by the format id on their first line.
std::map<std::string, std::vector<std::string>> flow_seeds() {
    std::map<std::string, std::vector<std::string>> out;
    for (const auto& e : std::filesystem::directory_iterator(std::string(CCSCAN_SOURCE_DIR) + "/fuzz/corpus/flow")) {
        std::string text = read_file(e.path());
        std::size_t nl = text.find('\n');
        if (nl != std::string::npos) out[text.substr(0, nl)].push_back(text.substr(nl + 1));
    }
    return out;
}

}  // namespace

TEST_CASE("format table: every row is detected from a sample", "[detect][formats]") {
    for (const FormatInfo& f : formats()) {
        INFO(f.id);
        auto it = samples().find(std::string(f.id));
        REQUIRE(it != samples().end());
        CHECK(detect_format(it->second.path, it->second.bytes).format == f.id);
    }
    CHECK(samples().size() == formats().size());
}

TEST_CASE("format table: rows are consistent", "[detect][formats]") {
    for (const FormatInfo& f : formats()) {
        INFO(f.id);
        CHECK((f.family == FormatFamily::flow) <= f.has_flows());  // a flow platform has an adapter
        for (const Signature& s : f.signatures) CHECK((s.in == SniffIn::none) == (s.test == nullptr));
        if (f.served) CHECK(f.syntax == "xml");
        if (f.embedded) CHECK(f.family != FormatFamily::flow);
    }
    // Embedded flows name a flow language that can build them from a root node.
    for (const char* id : {"amazon-connect-flow", "twilio-studio-flow"}) CHECK(find_format(id)->flow_root != nullptr);
}

TEST_CASE("format table: every row with flows has a fuzz seed that builds flows", "[detect][formats][fuzz]") {
    auto seeds = flow_seeds();
    for (const FormatInfo& f : formats()) {
        if (!f.has_flows()) continue;
        INFO(f.id);
        auto it = seeds.find(std::string(f.id));
        REQUIRE(it != seeds.end());
        std::size_t flows = 0;
        for (const std::string& bytes : it->second) {
            InputFile file{"fuzz/seed", "", bytes, Origin::worktree, std::nullopt};
            ParsedFile parsed = analyze(file, f.id, AnalyzeOptions{});
            CHECK_FALSE(parsed.failure);
            for (const FlowGraph& g : parsed.flows) {
                CHECK(g.nodes.size() >= 2);
                ++flows;
            }
        }
        CHECK(flows > 0);
    }
    for (const auto& [id, files] : seeds) {
        INFO(id);
        CHECK((find_format(id) && find_format(id)->has_flows()));  // no seed for a format the fuzzer does not run
    }
}

TEST_CASE("format table: every row with flows has an adapter test tagged with its id", "[detect][formats]") {
    std::set<std::string> tags;
    for (const Catch::TestCase& t : Catch::getRegistryHub().getTestCaseRegistry().getAllTests()) {
        for (const std::string& tag : t.tags) tags.insert(tag);
    }
    for (const FormatInfo& f : formats()) {
        if (!f.has_flows()) continue;
        INFO(f.id);
        CHECK(tags.count(std::string(f.id)) == 1);
    }
}
