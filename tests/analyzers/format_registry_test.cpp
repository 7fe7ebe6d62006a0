#include <catch2/catch.hpp>

#include <set>

#include "analyzers/format_registry.h"

using namespace ccscan::analyzers;

namespace {

std::string detect(std::string_view path, std::string_view bytes = "") { return detect_format(path, bytes).format; }

const char* k_connect_flow = R"({
  "Version": "2019-10-30",
  "StartAction": "a1",
  "Metadata": {"entryPointPosition": {"x": 40, "y": 40}},
  "Actions": [{"Identifier": "a1", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}]
})";

const char* k_legacy_flow = R"({"modules": [{"id": "m1", "type": "Disconnect", "branches": [], "parameters": []}],
 "version": "1", "type": "contactFlow", "start": "m1", "metadata": {"name": "Main"}})";

const char* k_studio = R"({
  "description": "IVR",
  "states": [{"name": "Trigger", "type": "trigger", "transitions": [{"event": "incomingCall", "next": "gather"}],
              "properties": {}}],
  "initial_state": "Trigger",
  "flags": {"allow_concurrent_calls": true}
})";

const char* k_ncco = R"([
  {"action": "talk", "text": "Please enter your account number"},
  {"action": "input", "type": ["dtmf"], "dtmf": {"maxDigits": 8}}
])";

const char* k_lex_v1 = R"({"metadata": {"schemaVersion": "1.0", "importType": "LEX", "importFormat": "JSON"},
 "resource": {"name": "PayBot", "intents": [{"name": "Pay", "slots": [{"name": "card", "obfuscationSetting": "NONE"}]}],
 "slotTypes": []}})";

const char* k_lex_v2_slot = R"({"slotName": "cardNumber", "slotTypeName": "AMAZON.Number",
 "obfuscationSetting": {"obfuscationSettingType": "None"}})";

const char* k_lex_v2_bot = R"({"name": "PayBot", "dataPrivacy": {"childDirected": false}, "idleSessionTTLInSeconds": 300})";

const char* k_cfn_json = R"({"AWSTemplateFormatVersion": "2010-09-09",
 "Resources": {"Instance": {"Type": "AWS::Connect::Instance", "Properties": {}}}})";

const char* k_cfn_json_no_version = R"({"Resources": {"Flow": {"Type": "AWS::Connect::ContactFlow"}}})";

const char* k_cfn_yaml = "Resources:\n  Flow:\n    Type: AWS::Connect::ContactFlow\n    Properties:\n      Content: '{}'\n";

const char* k_archy = "inboundCall:\n  name: Payments IVR\n  division: Home\n  startUpRef: ./menus/menu[Main_10]\n";

const char* k_tf_json = R"({"resource": {"aws_connect_instance": {"main": {"identity_management_type": "CONNECT_MANAGED"}}}})";

}  // namespace

TEST_CASE("detect: the format table is complete and consistent", "[detect]") {
    const std::set<std::string> expected = {
        "json", "yaml", "xml", "ini", "terraform", "cloudformation", "properties", "text", "amazon-connect-flow",
        "amazon-connect-flow-legacy", "twilio-studio-flow", "twiml", "genesys-archy", "asterisk-dialplan",
        "asterisk-sip", "asterisk-conf", "freeswitch-xml", "voicexml", "ccxml", "vonage-ncco", "amazon-lex",
        "python", "javascript", "typescript", "tsx", "java", "csharp", "go", "php", "ruby"};
    std::set<std::string> ids;
    for (const FormatInfo& f : formats()) {
        CHECK(ids.insert(std::string(f.id)).second);
        CHECK_FALSE(f.description.empty());
        CHECK(std::set<std::string_view>{"json", "yaml", "xml", "ini", "hcl", "properties", "code", "text"}.count(f.syntax) == 1);
        CHECK(find_format(f.id) == &f);
    }
    CHECK(ids == expected);
    CHECK(find_format("genesys-terraform") == nullptr);
    CHECK(find_format("amazon-connect-flow")->family == FormatFamily::flow);
    CHECK(find_format("python")->family == FormatFamily::code);
}

TEST_CASE("detect: JSON platforms are found by content whatever the name", "[detect]") {
    CHECK(detect("data.json", k_connect_flow) == "amazon-connect-flow");
    CHECK(detect("exports/Main IVR", k_connect_flow) == "amazon-connect-flow");
    CHECK(detect("flow.txt", k_connect_flow) == "amazon-connect-flow");
    CHECK(detect("legacy.json", k_legacy_flow) == "amazon-connect-flow-legacy");
    CHECK(detect("ivr.json", k_studio) == "twilio-studio-flow");
    CHECK(detect("answer.json", k_ncco) == "vonage-ncco");
    CHECK(detect("PayBot_Export.json", k_lex_v1) == "amazon-lex");
    CHECK(detect("Slot.json", k_lex_v2_slot) == "amazon-lex");
    CHECK(detect("Bot.json", k_lex_v2_bot) == "amazon-lex");
    CHECK(detect("stack.json", k_cfn_json) == "cloudformation");
    CHECK(detect("stack.template", k_cfn_json_no_version) == "cloudformation");
    CHECK(detect("main.tf.json", k_tf_json) == "terraform");
    CHECK(detect("generated.json", k_tf_json) == "terraform");
    CHECK(detect("package.json", R"({"name": "x", "version": "1.0.0", "modules": []})") == "json");
    CHECK(detect("list.json", R"([{"id": 1}, {"action": "x"}])") == "json");  // only the first element counts
    CHECK(detect("nested.json", R"({"a": {"Version": 1, "Actions": []}})") == "json");
    CHECK(detect("\xEF\xBB\xBF" "bom.json", std::string("\xEF\xBB\xBF") + k_connect_flow) == "amazon-connect-flow");
}

TEST_CASE("detect: YAML, Terraform, properties and code by name and content", "[detect]") {
    CHECK(detect("flows/payments.yaml", k_archy) == "genesys-archy");
    CHECK(detect("flows/payments.yml", std::string("# Archy export\n---\n") + k_archy) == "genesys-archy");
    CHECK(detect("template.yaml", k_cfn_yaml) == "cloudformation");
    CHECK(detect("template.yaml", "AWSTemplateFormatVersion: '2010-09-09'\n") == "cloudformation");
    CHECK(detect("sam.yml", "Transform: AWS::Serverless-2016-10-31\nResources: {}\n") == "cloudformation");
    CHECK(detect("config.yaml", "name: x\nbot: true\n") == "yaml");  // an Archy key that is not first
    CHECK(detect("docker-compose.yml", "services:\n  web:\n    image: x\n") == "yaml");
    CHECK(detect("main.tf") == "terraform");
    CHECK(detect("prod.tfvars") == "terraform");
    CHECK(detect("infra/connect", "resource \"aws_connect_instance\" \"main\" {\n}\n") == "terraform");
    CHECK(detect("app.properties") == "properties");
    CHECK(detect("handler.py") == "python");
    CHECK(detect("index.mjs") == "javascript");
    CHECK(detect("lib.cjs") == "javascript");
    CHECK(detect("app.ts") == "typescript");
    CHECK(detect("App.tsx") == "tsx");
    CHECK(detect("Main.java") == "java");
    CHECK(detect("Program.cs") == "csharp");
    CHECK(detect("main.go") == "go");
    CHECK(detect("index.php", "<?php echo 'hi';") == "php");
    CHECK(detect("app.rb") == "ruby");
    CHECK(detect("README.md", "[general]\nkey=value\n") == "text");
    CHECK(detect("notes.txt", "just some words\n") == "text");
    CHECK(detect("Makefile", "all:\n\tcc x.c\n") == "text");
}

TEST_CASE("detect: XML platforms by root element, also inside templates", "[detect]") {
    CHECK(detect("menu.vxml") == "voicexml");
    CHECK(detect("cc.ccxml") == "ccxml");
    CHECK(detect("doc.xml", "<?xml version=\"1.0\"?>\n<!-- hi -->\n<vxml version=\"2.1\"><form/></vxml>") == "voicexml");
    CHECK(detect("call.xml", "<ccxml version=\"1.0\"></ccxml>") == "ccxml");
    CHECK(detect("answer.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Gather numDigits=\"16\"/></Response>") == "twiml");
    CHECK(detect("dialplan/default.xml",
                 "<include>\n  <context name=\"default\">\n    <extension name=\"pay\">\n"
                 "      <condition field=\"destination_number\" expression=\"^1000$\"/>\n"
                 "    </extension>\n  </context>\n</include>\n") == "freeswitch-xml");
    CHECK(detect("freeswitch.xml", "<?xml version=\"1.0\"?>\n<document type=\"freeswitch/xml\">\n</document>") == "freeswitch-xml");
    CHECK(detect("sofia.conf.xml", "<configuration name=\"sofia.conf\" description=\"sofia\">\n<profiles/></configuration>") == "freeswitch-xml");
    CHECK(detect("vars.xml", "<include>\n  <X-PRE-PROCESS cmd=\"set\" data=\"domain=x\"/>\n</include>") == "freeswitch-xml");
    CHECK(detect("pom.xml", "<?xml version=\"1.0\"?>\n<project><modelVersion>4.0.0</modelVersion></project>") == "xml");
    CHECK(detect("web.xml", "<include><servlet/></include>") == "xml");
    // Markup quoted in a comment or CDATA before the root is not the root.
    CHECK(detect("a.xml", "<?xml version=\"1.0\"?>\n<!-- the old flow used <Response><Gather> -->\n<vxml version=\"2.1\"/>") == "voicexml");
    CHECK(detect("b.xml", "<!-- <vxml> lived here -->\n<Response><Say>hello</Say></Response>") == "twiml");
    CHECK(detect("c.xml", "<!-- unterminated <vxml>") == "xml");
    const char* jsp = "<%@ page contentType=\"application/voicexml+xml\" %>\n<%@ taglib prefix=\"c\" uri=\"x\" %>\n"
                      "<?xml version=\"1.0\"?>\n<c:set var=\"x\" value=\"1\"/>\n<vxml version=\"2.1\"></vxml>\n";
    CHECK(detect("ivr/menu.jsp", jsp) == "voicexml");
    CHECK(detect("ivr/menu.php", "<?php header('Content-Type: text/xml'); ?>\n<vxml version=\"2.1\"></vxml>") == "voicexml");
    CHECK(detect("ivr/menu.mustache", "{{! generated }}\n<vxml version=\"2.1\">{{#fields}}{{/fields}}</vxml>") == "voicexml");
    CHECK(detect("twiml.php", "<?php echo '<?xml version=\"1.0\"?>'; ?>\n<Response><Say>Hi</Say></Response>") == "twiml");
    CHECK(detect("index.php", "<?php\nfunction f() {}\n") == "php");
    CHECK(detect("page.html", "<html><body/></html>") == "text");
    CHECK(detect("page.jsp", "<%@ page %>\n<html></html>") == "text");
}

TEST_CASE("detect: Asterisk by name, suffixes and content", "[detect]") {
    CHECK(detect("extensions.conf") == "asterisk-dialplan");
    CHECK(detect("etc/asterisk/extensions_custom.conf") == "asterisk-dialplan");
    CHECK(detect("extensions.conf.sample") == "asterisk-dialplan");
    CHECK(detect("pjsip.conf.sample") == "asterisk-sip");
    CHECK(detect("pjsip_wizard.conf") == "asterisk-sip");
    CHECK(detect("sip.conf.orig") == "asterisk-sip");
    CHECK(detect("logger.conf") == "asterisk-conf");
    CHECK(detect("features.conf") == "asterisk-conf");
    CHECK(detect("queues.conf.bak") == "asterisk-conf");
    CHECK(detect("manager.conf.j2") == "asterisk-conf");
    CHECK(detect("custom/ivr.conf", "[ivr]\nexten => s,1,Answer()\n same => n,Hangup()\n") == "asterisk-dialplan");
    CHECK(detect("trunks.conf", "[trunk]\ntype = endpoint\ncontext = from-pstn\n") == "asterisk-sip");
    CHECK(detect("legacy.conf", "[general]\nallowguest=yes\n") == "asterisk-sip");
    CHECK(detect("app.conf", "[main]\nport = 8080\n") == "ini");
    CHECK(detect("nginx.conf", "server {\n  listen 80;\n}\n") == "text");
    CHECK(detect("settings.ini") == "ini");
    CHECK(detect("dialplan.txt", "[from-pstn]\nexten => _X.,1,Goto(ivr,s,1)\n") == "asterisk-dialplan");
    CHECK(detect("README", "[general]\nkey=value\n") == "text");  // no name hint: content rules only
}

TEST_CASE("detect: proprietary exports are recognised and reported as unsupported", "[detect]") {
    Detection g = detect_format("flows/Payments.i3InboundFlow", "PK\x03\x04");
    CHECK(g.unsupported);
    CHECK(g.reason.find("Genesys Architect") != std::string::npos);
    CHECK(detect_format("x.i3InQueueFlow", "").unsupported);
    CHECK(detect_format("x.i3OutboundFlow", "").unsupported);
    Detection c = detect_format("scripts/main.aef", "");
    CHECK(c.unsupported);
    CHECK(c.reason.find("Cisco UCCX") != std::string::npos);
    CHECK_FALSE(detect_format("flow.json", k_connect_flow).unsupported);
}

TEST_CASE("analyze: picks the parser by syntax and records failures", "[detect]") {
    AnalyzeOptions options;
    InputFile flow{"data.json", "", k_connect_flow, Origin::worktree, std::nullopt};
    ParsedFile p = analyze(flow, "amazon-connect-flow", options);
    REQUIRE(p.document);
    CHECK_FALSE(p.failure);
    CHECK(p.format == "amazon-connect-flow");
    CHECK(p.document->format == "amazon-connect-flow");
    CHECK(p.document->root.find("Actions")->children.size() == 1);

    InputFile cfn{"stack.yaml", "", k_cfn_yaml, Origin::worktree, std::nullopt};
    ParsedFile c = analyze(cfn, "cloudformation", options);
    REQUIRE(c.document);
    CHECK(c.document->root.find("Resources")->find("Flow")->get("Type") == "AWS::Connect::ContactFlow");
    InputFile cfn_json{"stack.json", "", k_cfn_json, Origin::worktree, std::nullopt};
    REQUIRE(analyze(cfn_json, "cloudformation", options).document);

    InputFile jsp{"menu.jsp", "", "<%@ page %>\n<vxml version=\"2.1\"><form id=\"<%= id %>\"/></vxml>", Origin::worktree, std::nullopt};
    ParsedFile v = analyze(jsp, "voicexml", options);
    REQUIRE(v.document);
    CHECK(v.document->root.key == "vxml");
    CHECK(v.document->root.span.start == Position{2, 1});

    InputFile dial{"extensions.conf", "", "[ivr]\nexten => s,1,Answer()\n", Origin::worktree, std::nullopt};
    REQUIRE(analyze(dial, "asterisk-dialplan", options).document->root.find("ivr"));
    InputFile tf{"main.tf", "", "locals {\n  a = 1\n}\n", Origin::worktree, std::nullopt};
    CHECK(analyze(tf, "terraform", options).document->root.find("locals")->get("a") == "1");
    InputFile tfjson{"main.tf.json", "", k_tf_json, Origin::worktree, std::nullopt};
    CHECK(analyze(tfjson, "terraform", options).document->root.find("resource"));
    InputFile props{"a.properties", "", "k=v\n", Origin::worktree, std::nullopt};
    CHECK(analyze(props, "properties", options).document->root.get("k") == "v");

    InputFile broken{"broken.json", "", "{\"a\": }", Origin::worktree, std::nullopt};
    ParsedFile b = analyze(broken, "json", options);
    CHECK_FALSE(b.document);
    REQUIRE(b.failure);
    CHECK(b.failure->code == "parse-error");
    CHECK(b.failure->path == "broken.json");
    CHECK(b.failure->span.start == Position{1, 7});

    InputFile code{"a.py", "", "print(1)\n", Origin::worktree, std::nullopt};
    ParsedFile py = analyze(code, "python", options);
    CHECK_FALSE(py.document);
    CHECK_FALSE(py.failure);
    CHECK_FALSE(analyze(code, "no-such-format", options).document);
    AnalyzeOptions nothing;
    nothing.want_document = false;
    nothing.want_flows = false;
    CHECK_FALSE(analyze(flow, "amazon-connect-flow", nothing).document);
}
