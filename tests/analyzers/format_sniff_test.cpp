#include <catch2/catch.hpp>

#include "analyzers/format_registry.h"

using namespace ccscan::analyzers;

namespace {

std::string detect(const std::string& path, const std::string& bytes = "") { return detect_format(path, bytes).format; }

}  // namespace

TEST_CASE("detect: JSON flows are recognised by content, whatever the name", "[detect]") {
    CHECK(detect("exports/data.json", "{\"Version\": \"2019-10-30\", \"StartAction\": \"a\", \"Actions\": [{\"Identifier\": \"a\", \"Type\": \"DisconnectParticipant\"}]}") == "amazon-connect-flow");
    CHECK(detect("old.json", "{\"modules\": [{\"id\": \"1\", \"type\": \"PlayPrompt\", \"branches\": []}], \"version\": \"1\", \"type\": \"contactFlow\", \"start\": \"1\"}") == "amazon-connect-flow-legacy");
    CHECK(detect("ivr.json", "{\"description\": \"IVR\", \"states\": [{\"name\": \"Trigger\", \"type\": \"trigger\", \"transitions\": []}], \"initial_state\": \"Trigger\"}") == "twilio-studio-flow");
    CHECK(detect("answer.json", "[{\"action\": \"talk\", \"text\": \"Hello\"}, {\"action\": \"input\"}]") == "vonage-ncco");
    CHECK(detect("Slot.json", "{\"slotName\": \"CardNumber\", \"slotTypeName\": \"AMAZON.Number\", \"obfuscationSetting\": {\"obfuscationSettingType\": \"None\"}}") == "amazon-lex");
    CHECK(detect("stack.json", "{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\": {\"F\": {\"Type\": \"AWS::Connect::ContactFlow\"}}}") == "cloudformation");
    CHECK(detect("plain.json", "{\"a\": 1}") == "json");
    CHECK(detect("main.tf.json", "{\"resource\": {}}") == "terraform");
}

TEST_CASE("detect: YAML, XML and templates", "[detect]") {
    CHECK(detect("flows/payment.yaml", "inboundCall:\n  name: Payments\n  startUpRef: ./menus/menu[Main]\n") == "genesys-archy");
    CHECK(detect("stack.yml", "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  I:\n    Type: AWS::Connect::Instance\n") == "cloudformation");
    CHECK(detect("values.yaml", "replicas: 2\n") == "yaml");
    CHECK(detect("pay.xml", "<?xml version=\"1.0\"?>\n<Response><Gather numDigits=\"16\"/></Response>") == "twiml");
    CHECK(detect("main.vxml", "<vxml version=\"2.1\"><form/></vxml>") == "voicexml");
    CHECK(detect("ivr/PaymentForm.jsp", "<%@ page contentType=\"application/voicexml+xml\" %>\n<?xml version=\"1.0\"?>\n<vxml version=\"2.1\"><form id=\"pay\"/></vxml>") == "voicexml");
    CHECK(detect("session.ccxml", "<ccxml version=\"1.0\"/>") == "ccxml");
    CHECK(detect("dialplan/default.xml", "<include>\n <context name=\"default\">\n  <extension name=\"pay\"><condition field=\"destination_number\" expression=\"^1000$\"><action application=\"answer\"/></condition></extension>\n </context>\n</include>") == "freeswitch-xml");
    // FusionPBX-style snippets: one <extension> per file, or a bare <context>, no <document> root.
    CHECK(detect("dialplan/default/100_user_record.xml", "<extension name=\"user_record\" context=\"global\" continue=\"true\">\n <condition field=\"${user_exists}\" expression=\"^true$\">\n  <action application=\"record_session\" data=\"${uuid}.wav\"/>\n </condition>\n</extension>") == "freeswitch-xml");
    CHECK(detect("billing.xml", "<context name=\"billing\">\n <extension name=\"pay\"><condition><action application=\"answer\"/></condition></extension>\n</context>") == "freeswitch-xml");
    CHECK(detect("plugin.xml", "<extension point=\"org.eclipse.ui.views\"><view id=\"x\"/></extension>") == "xml");
    CHECK(detect("pom.xml", "<project><modelVersion>4.0.0</modelVersion></project>") == "xml");
    CHECK(detect("index.html", "<html><body>hi</body></html>") == "text");
}

TEST_CASE("detect: Asterisk files by name and by content", "[detect]") {
    CHECK(detect("etc/asterisk/extensions.conf") == "asterisk-dialplan");
    CHECK(detect("etc/asterisk/extensions.conf.sample") == "asterisk-dialplan");
    CHECK(detect("pjsip.conf") == "asterisk-sip");
    CHECK(detect("pjsip_wizard.conf") == "asterisk-sip");
    CHECK(detect("sip.conf.orig") == "asterisk-sip");
    CHECK(detect("logger.conf") == "asterisk-conf");
    CHECK(detect("custom/trunks.conf", "[trunk]\ntype=endpoint\ntransport=udp\n") == "asterisk-sip");
    CHECK(detect("custom/ivr.conf", "[ivr]\nexten => s,1,Answer()\n same => n,Read(PAN,,16)\n") == "asterisk-dialplan");
    CHECK(detect("app.ini", "[main]\nkey = value\n") == "ini");
    CHECK(detect("dialplan", "[default]\nexten => 100,1,Dial(PJSIP/100)\n") == "asterisk-dialplan");
}

TEST_CASE("detect: code, Terraform and unsupported exports", "[detect]") {
    CHECK(detect("lambda/handler.py") == "python");
    CHECK(detect("fn/index.mjs") == "javascript");
    CHECK(detect("src/a.ts") == "typescript");
    CHECK(detect("src/a.tsx") == "tsx");
    CHECK(detect("A.java") == "java");
    CHECK(detect("A.cs") == "csharp");
    CHECK(detect("main.go") == "go");
    CHECK(detect("ivr.php") == "php");
    CHECK(detect("ivr.php", "<?php echo '<?xml version=\"1.0\"?>'; ?>\n<vxml version=\"2.1\"/>") == "voicexml");
    CHECK(detect("app.rb") == "ruby");
    CHECK(detect("app.properties") == "properties");
    CHECK(detect("infra/connect.tf") == "terraform");
    CHECK(detect("connect.tf.tmpl") == "terraform");
    CHECK(detect("README") == "text");
    Detection genesys = detect_format("Payments.i3InboundFlow", "PK\x03\x04");
    CHECK(genesys.unsupported);
    CHECK(genesys.reason.find("Archy") != std::string::npos);
    CHECK(detect_format("script.aef", "").unsupported);
}

TEST_CASE("detect: every format id is in the table", "[detect]") {
    for (const char* id : {"json", "yaml", "xml", "ini", "terraform", "cloudformation", "properties", "text", "amazon-connect-flow",
                           "amazon-connect-flow-legacy", "twilio-studio-flow", "twiml", "genesys-archy", "asterisk-dialplan",
                           "asterisk-sip", "freeswitch-xml", "voicexml", "ccxml", "vonage-ncco", "amazon-lex", "python",
                           "javascript", "typescript", "tsx", "java", "csharp", "go", "php", "ruby"}) {
        INFO(id);
        CHECK(find_format(id) != nullptr);
    }
}
