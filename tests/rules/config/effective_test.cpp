// Effective configurations (rules/config/effective.h): includes, templates, [general],
// FreeSWITCH variables and platform defaults.
#include <catch2/catch.hpp>

#include <deque>

#include "analyzers/ini_parser.h"
#include "analyzers/xml_parser.h"
#include "rules/config/effective.h"

using namespace ccscan;
using namespace ccscan::rules::config;
using analyzers::Node;

namespace {

struct Scan {
    std::deque<analyzers::Document> docs;
    std::vector<rules::ScanDocument> list;
    void ini(const std::string& path, const std::string& text) {
        auto r = analyzers::parse_ini(text, path, {});
        REQUIRE(r.ok());
        docs.push_back(std::move(r.value()));
        list.push_back({path, &docs.back()});
    }
    void xml(const std::string& path, const std::string& text) {
        auto r = analyzers::parse_xml(text, path, {});
        REQUIRE(r.ok());
        docs.push_back(std::move(r.value()));
        list.push_back({path, &docs.back()});
    }
    std::vector<rules::ScanDocument> sorted() {
        auto out = list;
        std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
        return out;
    }
};

const Node* section(const EffectiveUnit& u, const std::string& name) {
    for (const Node& s : u.root.children)
        if (s.key == name) return &s;
    return nullptr;
}

const Node* param(const Node& n, const std::string& name) {
    if (n.key == "param" && n.get("name") == name) return &n;
    for (const Node& c : n.children) {
        if (c.kind != analyzers::NodeKind::element) continue;
        if (const Node* p = param(c, name)) return p;
    }
    return nullptr;
}

}  // namespace

TEST_CASE("chan_sip: own > later template > earlier template > [general] > default", "[effective]") {
    Scan scan;
    scan.ini("sip.conf",
             "[general]\ntransport=tls\n\n"
             "[base](!)\ntype=friend\nencryption=no\nnat=no\n\n"
             "[secure](!,base)\nencryption=yes\n\n"
             "[a](secure)\n\n"
             "[b](secure,base)\n\n"
             "[c](base)\nencryption=yes\n");
    ResolveSpec spec{Resolution::chan_sip, {{"encryption", "no"}, {"insecure", "no"}}};
    auto units = resolve_units(spec, scan.sorted());
    REQUIRE(units.size() == 1);
    const EffectiveUnit& u = *units[0];
    CHECK(u.has_general);
    CHECK(section(u, "base") == nullptr);  // templates are not candidates
    CHECK(section(u, "a")->get("encryption") == "yes");   // secure overrides base it inherits
    CHECK(section(u, "b")->get("encryption") == "no");    // the later template wins
    CHECK(section(u, "c")->get("encryption") == "yes");   // own line wins
    CHECK(section(u, "a")->get("type") == "friend");      // through two template levels
    const Node* transport = section(u, "a")->find("transport");
    REQUIRE(transport);
    CHECK(u.origins.at(transport).note == ", inherited from [general]");
    CHECK(transport->span.start.line == 2);
    const Node* insecure = section(u, "a")->find("insecure");
    REQUIRE(insecure);
    CHECK(u.origins.at(insecure).is_default);
    CHECK(insecure->span.start.line == 1);  // a default takes effect at [general]
    const Node* enc_b = section(u, "b")->find("encryption");
    CHECK(u.origins.at(enc_b).note == ", set in template [base]");
    CHECK(enc_b->span.start.line == 6);
}

TEST_CASE("chan_sip: #include splices files; included files are not units of their own", "[effective]") {
    Scan scan;
    scan.ini("pbx/sip.conf", "[general]\n#include sip_general_additional.conf\n#include \"/etc/asterisk/sip_general_custom.conf\"\n"
                             "#include sip_additional.conf\n#include missing.conf\n");
    scan.ini("pbx/sip_general_additional.conf", "allowguest=yes\ntransport=udp\n");
    scan.ini("pbx/sip_general_custom.conf", "allowguest=no\n");
    scan.ini("pbx/sip_additional.conf", "[2001]\ntype=friend\nhost=dynamic\n\n[2001](+)\ntransport=tls\n");
    scan.ini("other/sip.conf", "[general]\nallowguest=yes\n");  // an unrelated PBX in the same scan
    ResolveSpec spec{Resolution::chan_sip, {}};
    auto units = resolve_units(spec, scan.sorted());
    REQUIRE(units.size() == 2);
    const EffectiveUnit* pbx = units[0]->path == "pbx/sip.conf" ? units[0].get() : units[1].get();
    const Node* general = section(*pbx, "general");
    REQUIRE(general);
    CHECK(general->get("allowguest") == "no");  // the custom file is included later and wins
    CHECK(pbx->origins.at(general->find("allowguest")).path == "pbx/sip_general_custom.conf");
    const Node* ext = section(*pbx, "2001");
    REQUIRE(ext);
    CHECK(pbx->origins.at(ext).path == "pbx/sip_additional.conf");  // sections keep their file
    CHECK(pbx->origins.at(general).path == "pbx/sip.conf");
    CHECK(ext->get("transport") == "tls");  // (+) appended to the earlier [2001]
    CHECK(ext->get("host") == "dynamic");
}

TEST_CASE("chan_sip: include cycles and template loops terminate", "[effective]") {
    Scan scan;
    scan.ini("a.conf", "[general]\n#include b.conf\n[x](y)\ntype=peer\n[y](!,x)\n");
    scan.ini("b.conf", "#include a.conf\nnat=no\n");
    ResolveSpec spec{Resolution::chan_sip, {}};
    auto units = resolve_units(spec, scan.sorted());
    // Each file includes the other: neither is a root, nothing is judged twice.
    CHECK(units.empty());
    Scan alone;
    alone.ini("sip.conf", "[general]\n#include sip.conf\n[x](x)\ntype=peer\n");
    auto u = resolve_units(spec, alone.sorted());
    REQUIRE(u.size() == 1);
    CHECK(section(*u[0], "x")->get("type") == "peer");
}

TEST_CASE("chan_sip: a diamond of templates is resolved once per template", "[effective]") {
    std::string text = "[general]\n[t0](!)\ntype=friend\n";
    for (int i = 1; i < 40; ++i) text += "[t" + std::to_string(i) + "](!,t" + std::to_string(i - 1) + ",t" + std::to_string(i - 1) + ")\nk" + std::to_string(i) + "=v\n";
    text += "[peer](t39,t39)\n";
    Scan scan;
    scan.ini("sip.conf", text);
    auto units = resolve_units({Resolution::chan_sip, {}}, scan.sorted());
    REQUIRE(units.size() == 1);
    // 2^39 paths through the templates without memoization; the depth cap keeps 16 levels.
    CHECK(section(*units[0], "peer")->get("k39") == "v");
}

TEST_CASE("pjsip: defaults attach to each section, templates fold in", "[effective]") {
    Scan scan;
    scan.ini("pjsip.conf", "[ep](!)\ntype=endpoint\n\n[7001](ep)\naors=7001\n\n[7002](ep)\nmedia_encryption=sdes\n");
    ResolveSpec spec{Resolution::pjsip, {{"media_encryption", "no"}}};
    auto units = resolve_units(spec, scan.sorted());
    REQUIRE(units.size() == 1);
    const Node* a = section(*units[0], "7001");
    CHECK(a->get("type") == "endpoint");
    CHECK(a->get("media_encryption") == "no");
    CHECK(units[0]->origins.at(a->find("media_encryption")).group == "default:media_encryption");
    CHECK(section(*units[0], "7002")->get("media_encryption") == "sdes");
}

TEST_CASE("freeswitch: $${vars} from the nearest vars.xml, undefined ones and defaults", "[effective]") {
    Scan scan;
    scan.xml("conf/vars.xml", "<include>\n  <X-PRE-PROCESS cmd=\"set\" data=\"ssl=false\"/>\n  <X-PRE-PROCESS cmd=\"set\" data=\"port=5080\"/>\n</include>\n");
    scan.xml("conf/sip_profiles/vars.xml", "<include>\n  <X-PRE-PROCESS cmd=\"set\" data=\"port=5090\"/>\n</include>\n");
    scan.xml("conf/sip_profiles/external.xml",
             "<profile name=\"external\">\n  <settings>\n    <param name=\"tls\" value=\"$${ssl}\"/>\n"
             "    <param name=\"sip-port\" value=\"$${port}\"/>\n    <param name=\"ext-sip-ip\" value=\"$${nowhere}\"/>\n"
             "    <param name=\"auth-calls\" value=\"$${nowhere}\"/>\n  </settings>\n</profile>\n");
    scan.xml("elsewhere/vars.xml", "<include><X-PRE-PROCESS cmd=\"set\" data=\"ssl=true\"/></include>\n");
    ResolveSpec spec{Resolution::freeswitch, {{"auth-calls", "false"}, {"log-auth-failures", "false"}}};
    auto units = resolve_units(spec, scan.sorted());
    const EffectiveUnit* profile = nullptr;
    for (const auto& u : units)
        if (u->path == "conf/sip_profiles/external.xml") profile = u.get();
    REQUIRE(profile);
    const Node* tls = param(profile->root, "tls");
    REQUIRE(tls);
    CHECK(tls->get("value") == "false");  // not the unrelated elsewhere/vars.xml
    CHECK(profile->origins.at(tls->find("value")).note == ", from $${ssl} in vars.xml:2");
    CHECK(param(profile->root, "sip-port")->get("value") == "5090");  // the nearer folder wins
    CHECK(param(profile->root, "ext-sip-ip")->get("value").empty());  // undefined: expands to nothing
    const Node* auth = param(profile->root, "auth-calls");
    CHECK(auth->get("value") == "false");  // undefined, so the declared default
    CHECK(profile->origins.at(auth->find("value")).note.find("not set in any vars.xml") != std::string::npos);
    const Node* log = param(profile->root, "log-auth-failures");
    REQUIRE(log);  // absent: synthesized at <settings>
    CHECK(log->span.start.line == 2);
    CHECK(profile->origins.at(log).is_default);
}
