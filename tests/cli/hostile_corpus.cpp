#include "tests/cli/hostile_corpus.h"

#include <fstream>

#include <nlohmann/json.hpp>

namespace ccscan::test::hostile {

namespace fs = std::filesystem;
using nlohmann::json;

const std::vector<Payload>& payloads() {
    static const std::vector<Payload> k_all = {
        {"esc", "HX1-% \x1b[2J\x1b[31mred\x1b[0m", "HX1-% \\x1b[2J\\x1b[31mred\\x1b[0m",
         "HX1-% \\\\x1b\\[2J\\\\x1b\\[31mred\\\\x1b\\[0m", "HX1-% \\x1b[2J\\x1b[31mred\\x1b[0m"},
        {"c0-del", "HX2-% a\x01" "b\x08" "c\x7f" "d\x0b" "e", "HX2-% a\\x01b\\x08c\\x7fd\\x0be",
         "HX2-% a\\\\x01b\\\\x08c\\\\x7fd\\\\x0be", "HX2-% a\\x01b\\x08c\\x7fd\\x0be"},
        {"c1", "HX3-% \xc2\x9b" "2J \xc2\x85nel", "HX3-% \\u009b2J \\u0085nel", "HX3-% \\\\u009b2J \\\\u0085nel",
         "HX3-% \\u009b2J \\u0085nel"},
        {"bidi", "HX4-% abc\xe2\x80\xae" "dcba\xe2\x80\xac \xe2\x81\xa6x\xe2\x81\xa9 z\xe2\x80\x8bw\xef\xbb\xbf",
         "HX4-% abc\\u202edcba\\u202c \\u2066x\\u2069 z\\u200bw\\ufeff",
         "HX4-% abc\\\\u202edcba\\\\u202c \\\\u2066x\\\\u2069 z\\\\u200bw\\\\ufeff",
         "HX4-% abc\\u202edcba\\u202c \\u2066x\\u2069 z\\u200bw\\ufeff"},
        {"gh-command", "HX5-%\r\n::error::HXPWN\n::set-output name=x::y", "HX5-%\\r\\n::error::HXPWN\\n::set-output name=x::y",
         "HX5-%  ::error::HXPWN ::set-output name=x::y", "::error::HXPWN", true},
        {"csv-equals", "=HYPERLINK(\"http://evil\",\"HX6-%\")", "=HYPERLINK(\"http://evil\",\"HX6-%\")",
         "=HYPERLINK\\(\"http\\://evil\",\"HX6-%\"\\)", "=HYPERLINK(&quot;http://evil&quot;,&quot;HX6-%&quot;)"},
        {"csv-plus", "+HX7-%+1", "+HX7-%+1", "+HX7-%+1", "+HX7-%+1"},
        {"csv-minus", "-HX8-%-1", "-HX8-%-1", "-HX8-%-1", "-HX8-%-1"},
        {"csv-at", "@HX9-%(1)", "@HX9-%(1)", "\\@HX9-%\\(1\\)", "@HX9-%(1)"},
        {"csv-tab", "\tHX10-%=1+2", "HX10-%=1+2", "HX10-%=1+2", "HX10-%=1+2", true},
        {"html", "HX11-% <script>alert(1)</script>\"><img src=x onerror=alert(1)>",
         "HX11-% <script>alert(1)</script>\"><img src=x onerror=alert(1)>",
         "HX11-% \\<script\\>alert\\(1\\)\\</script\\>\"\\>\\<img src=x onerror=alert\\(1\\)\\>",
         "HX11-% &lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"},
        {"js-url", "javascript:alert('HX12-%')", "javascript:alert('HX12-%')", "javascript:alert\\('HX12-%'\\)",
         "javascript:alert(&apos;HX12-%&apos;)"},
        {"md-link", "HX13-% [x](http://evil) ![i](http://e/i.png) | <b>b</b> `c`",
         "HX13-% [x](http://evil) ![i](http://e/i.png) | <b>b</b> `c`",
         "HX13-% \\[x\\]\\(http\\://evil\\) \\!\\[i\\]\\(http\\://e/i.png\\) \\| \\<b\\>b\\</b\\> \\`c\\`",
         "HX13-% [x](http://evil) ![i](http://e/i.png) | &lt;b&gt;b&lt;/b&gt; `c`"},
        {"md-break", "HX14-%\n## head\n| a | b |\nwww.evil.com", "HX14-%\\n## head\\n| a | b |\\nwww.evil.com",
         "HX14-% \\#\\# head \\| a \\| b \\| www\\.evil.com", "## head", true},
        {"xml-break", "HX15-% </failure></testcase>]]><![CDATA[x", "HX15-% </failure></testcase>]]><![CDATA[x",
         "HX15-% \\</failure\\>\\</testcase\\>\\]\\]\\>\\<\\!\\[CDATA\\[x",
         "HX15-% &lt;/failure&gt;&lt;/testcase&gt;]]&gt;&lt;![CDATA[x"},
        {"invalid-utf8", "HX16-% \xff\xfe\xc0\xaf end", "HX16-% \\xff\\xfe\\xc0\\xaf end",
         "HX16-% \\\\xff\\\\xfe\\\\xc0\\\\xaf end", "HX16-% \\xff\\xfe\\xc0\\xaf end", false, true},
    };
    return k_all;
}

std::string with_tag(const std::string& pattern, const std::string& tag) {
    std::string out;
    for (char c : pattern) {
        if (c == '%') out += tag;
        else out += c;
    }
    return out;
}

std::string name_payload() { return " \x1b[2J\xe2\x80\xae\xc2\x9b=<b>[l](x)|\xff"; }
std::string name_payload_text() { return " \\x1b[2J\\u202e\\u009b=<b>[l](x)|\\xff"; }

namespace {

// The values of one file: key "hxN" -> payload N, plus a hostile key.
json values_json(const std::string& tag) {
    json out = json::object();
    int n = 0;
    for (const Payload& p : payloads()) {
        ++n;
        if (p.needs_bytes) continue;
        out["hx" + std::to_string(n)] = with_tag(p.raw, tag);
    }
    out["hxkey\x1b[2J\xe2\x80\xae"] = "HXK-" + tag;
    return out;
}

std::string prompt(const std::string& tag) { return "Enter your card number HXP-" + tag + " \x1b[2J\xe2\x80\xae"; }

std::string xml_attr(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '<': out += "&lt;"; break;
            case '&': out += "&amp;"; break;
            case '"': out += "&quot;"; break;
            case '\n': out += "&#10;"; break;
            case '\r': out += "&#13;"; break;
            case '\t': out += "&#9;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string xml_values(const std::string& tag) {
    std::string out;
    int n = 0;
    for (const Payload& p : payloads()) {
        ++n;
        if (!p.needs_bytes) out += "<Hx n=\"" + std::to_string(n) + "\" v=\"" + xml_attr(with_tag(p.raw, tag)) + "\"/>\n";
    }
    return out;
}

std::string connect_flow(const std::string& tag) {
    json flow = {{"Version", "2019-10-30"}, {"StartAction", "rec"}};
    flow["Actions"] = json::array({
        {{"Identifier", "rec"}, {"Type", "UpdateContactRecordingBehavior"},
         {"Parameters", {{"RecordingBehavior", {{"RecordedParticipants", {"Agent", "Customer"}}}}}},
         {"Transitions", {{"NextAction", "card"}}}},
        {{"Identifier", "card"}, {"Type", "GetParticipantInput"},
         {"Parameters", {{"Text", prompt(tag)}, {"StoreInput", "True"}, {"InputValidation", {{"CustomValidation", {{"MaximumLength", "16"}}}}}}},
         {"Transitions", {{"NextAction", "end"}}}},
        {{"Identifier", "end"}, {"Type", "DisconnectParticipant"}, {"Parameters", json::object()}, {"Transitions", json::object()}}});
    flow["Hostile"] = values_json(tag);
    return flow.dump();
}

std::string studio_flow(const std::string& tag) {
    json flow = {{"description", "hostile"}, {"initial_state", "Trigger"}, {"flags", {{"allow_concurrent_calls", true}}}};
    flow["states"] = json::array({
        {{"name", "Trigger"}, {"type", "trigger"}, {"transitions", {{{"next", "Card"}, {"event", "incomingCall"}}}}, {"properties", json::object()}},
        {{"name", "Card"}, {"type", "gather-input-on-call"}, {"transitions", json::array()},
         {"properties", {{"say", prompt(tag)}, {"number_of_digits", 16}}}}});
    flow["hostile"] = values_json(tag);
    return flow.dump();
}

std::string ncco(const std::string& tag) {
    json talk = {{"action", "talk"}, {"text", prompt(tag)}, {"hostile", values_json(tag)}};
    return json::array({{{"action", "record"}, {"eventUrl", {"https://example.com/rec"}}}, talk,
                        {{"action", "input"}, {"type", {"dtmf"}}, {"dtmf", {{"maxDigits", 16}}}, {"eventUrl", {"https://example.com/card"}}}})
        .dump();
}

std::string archy(const std::string& tag) {
    // JSON strings are YAML double-quoted scalars; \u escapes carry the control characters.
    std::string out = "inboundCall:\n  name: " + json(prompt(tag)).dump() +
                      "\n  startUpRef: \"/inboundCall/tasks/task[T_1]\"\n  defaultLanguage: en-us\n"
                      "  initialGreeting:\n    tts: This call is recorded.\n  tasks:\n    - task:\n        name: Pay\n"
                      "        refId: T_1\n        actions:\n          - collectInput:\n              name: Card\n"
                      "              inputData:\n                var: Task.CardNumber\n              digits:\n"
                      "                exactly: 16\n              inputAudio:\n                tts: " +
                      json(prompt(tag)).dump() + "\nhostile:\n";
    const json values = values_json(tag);
    for (const auto& [key, value] : values.items()) out += "  " + json(key).dump() + ": " + value.dump() + "\n";
    return out;
}

std::string twiml(const std::string& tag) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response>\n  <Start><Recording recordingStatusCallback=\"https://h.example.com/rec\"/></Start>\n"
           "  <!-- HXC-" + tag + " comment \x1b[2J -->\n  <Gather input=\"dtmf\" numDigits=\"16\" action=\"https://pay.example.com/card\">\n    <Say>" + prompt(tag) +
           "</Say>\n  </Gather>\n" + xml_values(tag) + "</Response>\n";
}

std::string voicexml(const std::string& tag) {
    return "<?xml version=\"1.0\"?>\n<vxml version=\"2.1\" xmlns=\"http://www.w3.org/2001/vxml\">\n  <!-- HXC-" + tag +
           " \x1b[2J -->\n  <form id=\"pay\">\n    <field name=\"card\" type=\"digits?length=16\">\n      <prompt>" + prompt(tag) +
           "</prompt>\n    </field>\n  </form>\n" + xml_values(tag) + "</vxml>\n";
}

std::string freeswitch(const std::string& tag) {
    return "<?xml version=\"1.0\"?>\n<document type=\"freeswitch/xml\">\n  <section name=\"dialplan\">\n    <context name=\"default\">\n"
           "      <extension name=\"pay\">\n" + xml_values(tag) + "        <condition field=\"destination_number\" expression=\"^1$\">\n"
           "          <action application=\"record_session\" data=\"/tmp/x.wav\"/>\n"
           "          <action application=\"play_and_get_digits\" data=\"16 16 1 5000 # card.wav invalid.wav card_number \\d+\"/>\n"
           "        </condition>\n      </extension>\n    </context>\n  </section>\n</document>\n";
}

std::string asterisk(const std::string& tag) {
    std::string out = "; HXC-" + tag + " comment \x1b[2J\n[pay]\nexten => s,1,MixMonitor(x.wav)\n same => n,Read(CARDNUM,enter-card-number,16)\n";
    for (const Payload& p : payloads()) {
        if (!p.multiline) out += " same => n,NoOp(" + with_tag(p.raw, tag) + ")\n";
    }
    return out;
}

std::string python(const std::string& tag) {
    return "# HXC-" + tag + " \x1b[2J\xe2\x80\xae comment\ndef handler(event, context):\n    note = \"HXS-" + tag +
           " \x1b[31m\"  # \xc2\x9b\n    return {\"ok\": True, \"note\": note}\n";
}

}  // namespace

std::vector<CorpusFile> write_corpus(const fs::path& dir) {
    fs::remove_all(dir);
    fs::create_directories(dir);
    struct Spec {
        std::string tag, ext;
        std::string (*make)(const std::string&);
        bool ini, echoes;
    };
    const std::vector<Spec> specs = {
        {"connect", ".json", connect_flow, false, true}, {"studio", ".json", studio_flow, false, true},
        {"ncco", ".json", ncco, false, true},            {"archy", ".yaml", archy, false, true},
        {"twiml", ".xml", twiml, false, true},           {"vxml", ".vxml", voicexml, false, true},
        {"fsxml", ".xml", freeswitch, false, true},      {"asterisk", ".conf", asterisk, true, true},
        {"python", ".py", python, false, false},
    };
    std::vector<CorpusFile> files;
    for (const Spec& s : specs) {
        // The Asterisk dialplan is recognised by its name, so the hostile part goes into a folder.
        std::string name = "hx-" + s.tag + name_payload() + s.ext;
        if (s.tag == "asterisk") {
            fs::create_directories(dir / ("hx-" + s.tag + name_payload()));
            name = "hx-" + s.tag + name_payload() + "/extensions.conf";
        }
        if (s.tag == "connect") name = "hx-" + s.tag + name_payload() + "\r\n::error::HXNAME" + s.ext;
        std::ofstream(dir / name, std::ios::binary) << s.make(s.tag);
        files.push_back({s.tag, name, s.ini, s.echoes});
    }
    std::ofstream(dir / ("hx-text" + name_payload() + ".txt"), std::ios::binary) << "HXT-text \x1b[2J\xe2\x80\xae plain\n";
    files.push_back({"text", "hx-text" + name_payload() + ".txt", false, false});
    // A file that fails to parse: its name travels through every "not examined" list.
    std::ofstream(dir / ("hx-broken" + name_payload() + ".json"), std::ios::binary) << "{\"Actions\": [{\"Identifier\": \"HXB \x1b[2J";
    files.push_back({"broken", "hx-broken" + name_payload() + ".json", false, false});
    std::ofstream(dir.parent_path() / "hostile-pack.yaml", std::ios::binary) << R"PACK(pack:
  id: hostile
  name: "Hostile echo \e[2J"
  version: 1.0.0
  description: Reports every value holding HX with the value as the message.
rules:
  - id: HX-ECHO
    title: "=cmd|' /C calc'!A0 <script>alert(1)</script> [t](http://evil) \e[31m"
    severity: high
    precision: high
    controls: [pci-dss:3.3.1]
    description: "Echo \e[2J <b>x</b>"
    remediation: "@SUM(1) ![i](http://evil/i.png) \e[2J"
    help_uri: "javascript:alert(1)"
    message: "{{value}}"
    match:
      config:
        select: "**"
        where: {regex: "HX"}
    tests:
      - {name: "echo \e[2J", expect: match, filename: a.json, content: '{"a": "HX"}'}
      - {name: quiet, expect: no_match, filename: a.json, content: '{"a": "b"}'}
  - id: HX-ECHO-XML
    title: "Echo of <Hx v=...> \e[2J"
    severity: high
    precision: high
    controls: [pci-dss:3.3.1]
    description: echo
    remediation: "=1+1"
    help_uri: https://example.com/hx
    message: "{{value}}"
    match:
      config:
        select: "**"
        where: {path: "@v", regex: "HX"}
        report: "@v"
    tests:
      - {name: xml, expect: match, filename: a.xml, content: '<a><Hx v="HX"/></a>'}
      - {name: quiet, expect: no_match, filename: a.xml, content: '<a><Hx v="b"/></a>'}
)PACK";
    return files;
}

}  // namespace ccscan::test::hostile
