// Redaction property: random made-up card numbers (Luhn-valid, real brand ranges), SSNs,
// phone numbers and secrets are planted in every format and in every position ccscan reports
// from (prompt texts, attribute values, URLs, log calls, string literals, comments, config
// values, file contents, file and folder names, labels cut to length, card numbers grouped by
// dots, in URL query strings (plain and URL-encoded) and on lines over 10,000 characters).
// Whatever the scan finds, no output of any format, nor stderr, nor the flow graph, nor a
// baseline, nor `verify`, may contain one of the raw values, its digits alone, or any run of
// more digits than a masked card number shows; and the values are found (both sides). The seed is printed on failure and can be forced
// with CCSCAN_PROPERTY_SEED to reproduce a run.
#include <catch2/catch.hpp>

#include "tests/scratch.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include "tests/cli/run_binary.h"
#include "tests/read_file.h"

namespace fs = std::filesystem;
using ccscan::test::run_ccscan;

namespace {

struct Planted {
    std::string name;   // placeholder, e.g. PAN
    std::string value;  // as written into files
    bool digits;        // also search its digits alone and long digit windows
    std::string secret_tail;  // for secrets: the random part (no fragment of it may appear)
};

class Generator {
public:
    explicit Generator(unsigned seed) : m_rng(seed) {}

    std::string digits(int n) {
        std::string s;
        for (int i = 0; i < n; ++i) s += static_cast<char>('0' + pick(0, 9));
        return s;
    }
    std::string alnum(int n, std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") {
        std::string s;
        for (int i = 0; i < n; ++i) s += alphabet[static_cast<std::size_t>(pick(0, static_cast<int>(alphabet.size()) - 1))];
        return s;
    }
    // A Luhn-valid number in a real brand range (Visa, Mastercard, Amex, Discover).
    std::string pan() {
        static const std::vector<std::pair<std::string, int>> brands = {{"4", 16}, {"51", 16}, {"55", 16}, {"2221", 16}, {"34", 15}, {"37", 15}, {"6011", 16}};
        const auto& [prefix, length] = brands[static_cast<std::size_t>(pick(0, static_cast<int>(brands.size()) - 1))];
        std::string body = prefix + digits(length - 1 - static_cast<int>(prefix.size()));
        return body + luhn_check_digit(body);
    }
    std::string ssn() {
        int area = pick(1, 899);
        if (area == 666) area = 667;
        char buf[16];
        std::snprintf(buf, sizeof buf, "%03d-%02d-%04d", area, pick(1, 99), pick(1, 9999));
        return buf;
    }
    int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(m_rng); }

private:
    static std::string luhn_check_digit(const std::string& body) {
        int sum = 0;
        bool dbl = true;  // the check digit will be appended at the right
        for (auto it = body.rbegin(); it != body.rend(); ++it, dbl = !dbl) {
            int d = *it - '0';
            if (dbl) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
        }
        return std::string(1, static_cast<char>('0' + (10 - sum % 10) % 10));
    }
    std::mt19937 m_rng;
};

std::string spaced(const std::string& pan) {
    std::string out;
    for (std::size_t i = 0; i < pan.size(); ++i) out += (i && i % 4 == 0 ? " " : "") + std::string(1, pan[i]);
    return out;
}

std::vector<Planted> plant_values(Generator& g) {
    std::vector<Planted> v;
    v.push_back({"PAN", g.pan(), true, ""});
    v.push_back({"PAN2", g.pan(), true, ""});
    std::string p3 = g.pan();
    v.push_back({"PAN_SPACED", spaced(p3), true, ""});
    std::string p4 = g.pan();
    std::string dashed = p4.substr(0, 4) + "-" + p4.substr(4, 4) + "-" + p4.substr(8, 4) + "-" + p4.substr(12);
    v.push_back({"PAN_DASHED", dashed, true, ""});
    v.push_back({"SSN", g.ssn(), true, ""});
    v.push_back({"PHONE", "+1 202 555 01" + g.digits(2), true, ""});
    std::string aws = g.alnum(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");
    v.push_back({"AWS_KEY", "AKIA" + aws, false, aws});
    std::string aws_secret = g.alnum(40, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+");
    v.push_back({"AWS_SECRET", aws_secret, false, aws_secret});
    std::string stripe = g.alnum(24);
    v.push_back({"STRIPE", "sk_live_" + stripe, false, stripe});
    std::string twilio = g.alnum(32, "0123456789abcdef");
    v.push_back({"TWILIO_TOKEN", twilio, false, twilio});
    std::string gh = g.alnum(36);
    v.push_back({"GITHUB", "ghp_" + gh, false, gh});
    std::string password = g.alnum(14);
    v.push_back({"PASSWORD", password, false, password});
    std::string p5 = g.pan();
    std::string dotted;
    for (std::size_t i = 0; i < p5.size(); ++i) dotted += (i && i % 4 == 0 ? "." : "") + std::string(1, p5[i]);
    v.push_back({"PAN_DOTTED", dotted, true, ""});
    v.push_back({"PAN_URL", g.pan(), true, ""});
    v.push_back({"PAN_URL_ENCODED", g.pan(), true, ""});
    v.push_back({"PAN_LONG_LINE", g.pan(), true, ""});
    v.push_back({"PAN_NAME", g.pan(), true, ""});
    v.push_back({"SSN_NAME", g.ssn(), true, ""});
    v.push_back({"SSN_CUT", g.ssn(), true, ""});
    return v;
}

// Files in every format, each with values in the positions its rules report from.
const std::map<std::string, std::string>& templates() {
    static const std::map<std::string, std::string> t = {
        {"notes/customers.txt", "Customer called about card {PAN} and SSN {SSN}; call back on {PHONE}.\nBackup card {PAN_SPACED}, old {PAN_DASHED}\n"},
        {"data/export.csv", "name,card,ssn,phone\nA. Person,{PAN},{SSN},{PHONE}\nB. Person,{PAN_DASHED},,\n"},
        {"connect/flows/pay.json", R"({
  "Version": "2019-10-30",
  "StartAction": "say",
  "Actions": [
    {"Identifier": "say", "Type": "MessageParticipant",
     "Parameters": {"Text": "We have card {PAN} on file, SSN {SSN}."}, "Transitions": {"NextAction": "ask"}},
    {"Identifier": "ask", "Type": "GetParticipantInput",
     "Parameters": {"Text": "Please enter your card number", "StoreInput": "True",
                    "InputValidation": {"CustomValidation": {"MaximumLength": "16"}}},
     "Transitions": {"NextAction": "keep", "Errors": [{"NextAction": "keep", "ErrorType": "NoMatchingError"}]}},
    {"Identifier": "keep", "Type": "UpdateContactAttributes",
     "Parameters": {"Attributes": {"card_number": "$.StoredCustomerInput", "backup": "{PAN2}"}},
     "Transitions": {"NextAction": "call"}},
    {"Identifier": "call", "Type": "InvokeLambdaFunction",
     "Parameters": {"LambdaFunctionARN": "arn:aws:lambda:eu-west-1:000000000000:function:pay",
                    "LambdaInvocationAttributes": {"pan": "$.Attributes.card_number", "key": "{AWS_KEY}"}},
     "Transitions": {"NextAction": "end"}},
    {"Identifier": "end", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}
  ]
})"},
        {"twilio/studio/pay.json", R"({
  "description": "payments", "flags": {"allow_concurrent_calls": true},
  "initial_state": "Trigger",
  "states": [
    {"name": "Trigger", "type": "trigger", "transitions": [{"event": "incomingCall", "next": "gather_card"}], "properties": {}},
    {"name": "gather_card", "type": "gather-input-on-call",
     "transitions": [{"event": "keypress", "next": "post"}],
     "properties": {"say": "Enter the card number, for example {PAN}", "number_of_digits": 16}},
    {"name": "post", "type": "make-http-request",
     "transitions": [{"event": "success", "next": "sms"}],
     "properties": {"method": "POST", "url": "http://pay.example.com/charge?card={PAN2}&token={STRIPE}",
                    "body": "{{widgets.gather_card.Digits}}"}},
    {"name": "sms", "type": "send-message", "transitions": [],
     "properties": {"body": "Card {{widgets.gather_card.Digits}} charged; ref {PAN_DASHED}", "to": "{PHONE}"}}
  ]
})"},
        {"voicexml/pay.vxml", R"(<?xml version="1.0" encoding="UTF-8"?>
<vxml version="2.1" xmlns="http://www.w3.org/2001/vxml">
  <form id="pay">
    <field name="card_number" type="digits?length=16">
      <prompt>Enter your card number. Ours is {PAN}.</prompt>
      <filled>
        <log>card <value expr="card_number"/> for {SSN}</log>
        <submit next="http://pay.example.com/charge?ssn={SSN}&amp;pan={PAN2}" namelist="card_number"/>
      </filled>
    </field>
  </form>
</vxml>
)"},
        {"asterisk/extensions.conf", "[payments]\nexten => s,1,Answer()\n same => n,MixMonitor(${UNIQUEID}-${CALLERID(num)}.wav)\n"
                                     " same => n,Verbose(1,card {PAN} ssn {SSN})\n same => n,Read(card_number,enter-card,16)\n"
                                     " same => n,Set(CDR(userfield)=${card_number} {PAN2})\n same => n,Hangup()\n"},
        {"asterisk/pjsip.conf", "[transport-udp]\ntype=transport\nprotocol=udp\nbind=0.0.0.0\n\n[trunk-auth]\ntype=auth\nauth_type=userpass\n"
                                "username=acme\npassword={AWS_SECRET}\n"},
        {"genesys/pay.yaml", "inboundCall:\n  name: Pay\n  division: Home\n  startUpTaskActions:\n    - playAudio:\n        name: Say\n"
                             "        audio:\n          tts: \"Card on file {PAN}, call {PHONE}\"\n    - collectInput:\n        name: Card\n"
                             "        inputData: Flow.CardNumber\n        digits:\n          exactly: 16\n"},
        {"terraform/main.tf", "provider \"aws\" {\n  region     = \"eu-west-1\"\n  access_key = \"{AWS_KEY}\"\n  secret_key = \"{AWS_SECRET}\"\n}\n\n"
                              "resource \"aws_connect_instance\" \"main\" {\n  instance_alias = \"acme\"\n  identity_management_type = \"CONNECT_MANAGED\"\n"
                              "  inbound_calls_enabled = true\n  outbound_calls_enabled = true\n  # test card {PAN}\n}\n"},
        {"config/app.properties", "twilio.account_sid=AC0000000000000000000000000000000\ntwilio.auth_token={TWILIO_TOKEN}\nsupport.card={PAN}\n"},
        {"config/settings.yaml", "stripe_key: {STRIPE}\ngithub_token: {GITHUB}\ncustomer:\n  ssn: \"{SSN}\"\n  card: \"{PAN}\"\n"},
        {"lambda/handler.py", "import logging\nimport requests\n\nSTRIPE_KEY = \"{STRIPE}\"\nTEST_CARD = \"{PAN}\"\n\n"
                              "def handler(event, context):\n    card_number = event['Details']['Parameters']['card_number']\n"
                              "    logging.info('card %s ssn {SSN}', card_number)\n    print(event)\n"
                              "    requests.post('http://pay.example.com/charge?card={PAN2}', data={'pan': card_number}, verify=False)\n"
                              "    return {'ok': True}\n"},
        {"functions/pay.js", "const token = '{TWILIO_TOKEN}';\nexports.handler = function (context, event, callback) {\n"
                             "  const cardNumber = event.Digits;\n  console.log('card', cardNumber, '{PAN}');\n"
                             "  fetch('http://pay.example.com/charge?pan={PAN2}');\n  callback(null, {});\n};\n"},
        {"functions/pay.ts", "const awsKey: string = \"{AWS_KEY}\";\nexport const handler = async (event: any) => {\n"
                             "  const cvv: string = event.Details.Parameters.cvv;\n  console.log(`cvv ${cvv} card {PAN}`);\n  return {};\n};\n"},
        {"services/Pay.java", "class Pay {\n  static final String KEY = \"{STRIPE}\";\n  void run(String cardNumber) {\n"
                              "    System.out.println(\"card \" + cardNumber + \" {PAN}\");\n  }\n}\n"},
        {"services/Pay.cs", "class Pay {\n  const string Key = \"{GITHUB}\";\n  void Run(string cardNumber) {\n"
                            "    System.Console.WriteLine(\"card \" + cardNumber + \" {PAN}\");\n  }\n}\n"},
        {"services/pay.go", "package pay\n\nimport \"log\"\n\nconst key = \"{AWS_KEY}\"\n\nfunc Pay(cardNumber string) {\n"
                            "\tlog.Printf(\"card %s {PAN}\", cardNumber)\n}\n"},
        {"services/pay.php", "<?php\n$key = '{STRIPE}';\nfunction pay($cardNumber) {\n  error_log(\"card $cardNumber {PAN}\");\n}\n"},
        {"services/pay.rb", "KEY = '{GITHUB}'\ndef pay(card_number)\n  puts \"card #{card_number} {PAN}\"\nend\n"},
        // Graph labels: secrets read out in prompts, and an SSN where the label is cut to length
        // (43 characters before it: the cut at 48 falls inside it).
        {"connect/flows/secrets.json", R"({"Version": "2019-10-30", "StartAction": "key",
  "Actions": [
    {"Identifier": "key", "Type": "MessageParticipant",
     "Parameters": {"Text": "Your access key is {AWS_KEY} for the portal"}, "Transitions": {"NextAction": "pw"}},
    {"Identifier": "pw", "Type": "MessageParticipant",
     "Parameters": {"Text": "password: '{PASSWORD}'"}, "Transitions": {"NextAction": "ssn"}},
    {"Identifier": "ssn", "Type": "MessageParticipant",
     "Parameters": {"Text": "We will confirm the number we hold on file {SSN_CUT} with you now"}, "Transitions": {"NextAction": "end"}},
    {"Identifier": "end", "Type": "DisconnectParticipant", "Parameters": {}, "Transitions": {}}
  ]})"},
        {"notes/dotted.txt", "Customer card {PAN_DOTTED} charged\n"},
        {"config/endpoints.yaml", "charge_url: https://pay.example.com/charge?card={PAN_URL}&ref=7\n"
                                  "redirect: https://pay.example.com/c?q=card%3D{PAN_URL_ENCODED}%26x%3D1\n"},
        {"data/minified.json", "{\"pad\": \"" + std::string(12000, 'x') + "\", \"card\": \"{PAN_LONG_LINE}\"}\n"},
        {"vonage/ncco.json", R"([{"action": "talk", "text": "Your card {PAN} and phone {PHONE}"},
 {"action": "record", "eventUrl": ["http://rec.example.com/{PAN2}"]},
 {"action": "input", "type": ["dtmf"], "dtmf": {"maxDigits": 16}, "eventUrl": ["http://pay.example.com/card?ssn={SSN}"]}])"},
    };
    return t;
}

std::string fill(std::string text, const std::vector<Planted>& values) {
    for (const Planted& p : values) {
        const std::string key = "{" + p.name + "}";
        for (std::size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + p.value.size())) text.replace(at, key.size(), p.value);
    }
    return text;
}

std::string digits_of(const std::string& s) {
    std::string d;
    for (char c : s) {
        if (c >= '0' && c <= '9') d += c;
    }
    return d;
}

using ccscan::test::read_file;

// Where `value` leaks into `text`: the raw value, its digits alone, any 11 consecutive digits of
// it (a masked card number shows at most 6 + 4), or any 8 characters of a secret's random part.
std::string leak(const std::string& text, const Planted& p) {
    if (text.find(p.value) != std::string::npos) return "raw value";
    if (p.digits) {
        const std::string d = digits_of(p.value);
        if (text.find(d) != std::string::npos) return "digits";
        for (std::size_t i = 0; d.size() >= 11 && i + 11 <= d.size(); ++i) {
            if (text.find(d.substr(i, 11)) != std::string::npos) return "11-digit window at " + std::to_string(i);
        }
    }
    for (std::size_t i = 0; p.secret_tail.size() >= 8 && i + 8 <= p.secret_tail.size(); ++i) {
        if (text.find(p.secret_tail.substr(i, 8)) != std::string::npos) return "8-character fragment at " + std::to_string(i);
    }
    return {};
}

}  // namespace

TEST_CASE("no output of any format contains a planted card number, SSN, phone or secret", "[e2e][redaction]") {
    unsigned seed = 20261128;
    if (const char* s = std::getenv("CCSCAN_PROPERTY_SEED")) seed = static_cast<unsigned>(std::strtoul(s, nullptr, 10));
    for (unsigned round = 0; round < 3; ++round) {
        Generator g(seed + round);
        const std::vector<Planted> values = plant_values(g);
        INFO("seed " << seed + round << " (CCSCAN_PROPERTY_SEED=" << seed << " reproduces this run)");
        const fs::path root = ccscan::test::scratch_path("ccscan-redaction");
        fs::remove_all(root);
        const fs::path tree = root / "tree", out = root / "out";
        for (const auto& [path, text] : templates()) {
            fs::create_directories((tree / path).parent_path());
            std::ofstream(tree / path, std::ios::binary) << fill(text, values);
        }
        // Names of files and folders.
        for (const char* named : {"exports/{PAN_NAME}/statement.txt", "customers/{SSN_NAME}.txt"}) {
            const fs::path p = tree / fill(named, values);
            fs::create_directories(p.parent_path());
            std::ofstream(p, std::ios::binary) << "called back\n";
        }
        fs::create_directories(out);

        std::vector<std::pair<std::string, std::string>> outputs;  // (what, text)
        auto scan = run_ccscan("scan " + tree.string() + " --format sarif,html,json,text,junit,markdown,csv,github --output " +
                               out.string() + " --fail-on none --no-progress");
        REQUIRE(scan.code == 0);
        outputs.emplace_back("scan stdout+stderr", scan.text);
        auto text = run_ccscan("scan " + tree.string() + " --fail-on none --no-progress");
        outputs.emplace_back("scan text to a terminal-less stdout", text.text);
        for (const auto& entry : fs::directory_iterator(out))
            outputs.emplace_back(entry.path().filename().string(), read_file(entry.path()));
        REQUIRE(outputs.size() >= 10);  // the 8 report files and the two streams
        for (const char* flow : {"connect/flows/pay.json", "connect/flows/secrets.json", "twilio/studio/pay.json", "voicexml/pay.vxml", "asterisk/extensions.conf",
                                 "genesys/pay.yaml", "vonage/ncco.json"}) {
            for (const char* fmt : {"json", "dot", "mermaid"}) {
                auto g2 = run_ccscan(std::string("graph ") + (tree / flow).string() + " --format " + fmt);
                outputs.emplace_back(std::string("graph ") + fmt + " " + flow, g2.text);
            }
        }
        auto base = run_ccscan("baseline create " + tree.string() + " --output " + (root / "baseline.json").string());
        outputs.emplace_back("baseline create output", base.text);
        outputs.emplace_back("baseline.json", read_file(root / "baseline.json"));
        auto rerender = run_ccscan("report --from " + (out / "ccscan.json").string() + " --format html,sarif,markdown --output " +
                                   (root / "rerender").string());
        outputs.emplace_back("report --from", rerender.text);
        std::size_t rerendered = 0;
        for (const auto& entry : fs::directory_iterator(root / "rerender")) {
            outputs.emplace_back("re-rendered " + entry.path().filename().string(), read_file(entry.path()));
            ++rerendered;
        }
        REQUIRE(rerendered == 3);  // html, sarif, markdown: no file must not mean no leak
        auto verify = run_ccscan("verify " + (out / "ccscan.json").string() + " " + tree.string());
        outputs.emplace_back("verify", verify.text);
        std::ofstream(tree / "notes" / "customers.txt", std::ios::app) << "edited\n";
        auto drift = run_ccscan("verify " + (out / "ccscan.json").string() + " " + tree.string());
        outputs.emplace_back("verify after an edit", drift.text);

        for (const auto& [what, body] : outputs) {
            for (const Planted& p : values) {
                std::string how = leak(body, p);
                INFO(what << ": " << p.name << " leaked (" << how << ")");
                CHECK(how.empty());
            }
        }

        // The property means something only if the values were found: every planted file has
        // findings, and the evidence shows the masked forms.
        const std::string json = read_file(out / "ccscan.json");
        for (const auto& [path, unused] : templates()) {
            INFO("no finding reported in " << path);
            CHECK(json.find("\"path\": \"" + path + "\"", json.find("\"findings\"")) < json.find("\"inventory\""));
        }
        const std::string pan = values[0].value;
        CHECK(json.find(pan.substr(0, 6)) != std::string::npos);
        CHECK(json.find(pan.substr(pan.size() - 4)) != std::string::npos);
        // Both sides for the forms that were once neither leaked nor reported, and for names.
        for (const Planted& p : values) {
            if (p.name.rfind("PAN_", 0) != 0 || p.name == "PAN_SPACED" || p.name == "PAN_DASHED") continue;
            const std::string d = digits_of(p.value);
            const std::string masked = d.substr(0, 6) + std::string(d.size() - 10, '*') + d.substr(d.size() - 4);
            INFO(p.name << " not reported with evidence " << masked);
            CHECK(json.find("\"evidence\": \"" + masked + "\"") != std::string::npos);
        }
        for (const Planted& p : values) {
            if (p.name == "SSN_NAME") CHECK(json.find("\"evidence\": \"***-**-" + p.value.substr(7) + "\"") != std::string::npos);
        }
        CHECK(json.find("CCS-CONTENT-006") != std::string::npos);
        CHECK(json.find("\"path\": \"customers/***-**-") != std::string::npos);
    }
}
