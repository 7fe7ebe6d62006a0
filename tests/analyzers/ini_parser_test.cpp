#include <catch2/catch.hpp>

#include "analyzers/ini_parser.h"

using namespace ccscan::analyzers;

TEST_CASE("ini: Asterisk sections, templates, arrows, comments, includes", "[ini]") {
    const char* text =
        "; pjsip.conf\n"
        "#include \"pjsip_custom.conf\"\n"
        "[transport-udp]\n"
        "type = transport   ; comment\n"
        "protocol=udp\n"
        "[endpoint-tmpl](!)\n"
        "media_encryption = no\n"
        "[default]\n"
        "exten => _X.,1,Read(PAN,enter-card,16)\n"
        " same => n,Set(x=a\\;b)\n"
        "garbage line\n";
    auto r = parse_ini(text, "pjsip.conf", {});
    REQUIRE(r.ok());
    const Node& root = r->root;
    REQUIRE(root.children.size() == 4);
    CHECK(root.children[0].key.empty());
    CHECK(root.children[0].children[0].key == "#include");
    CHECK(root.children[0].children[0].value == "pjsip_custom.conf");
    const Node& udp = root.children[1];
    CHECK(udp.key == "transport-udp");
    CHECK(udp.get("type") == "transport");
    CHECK(udp.find("type")->span.start == Position{4, 8});
    CHECK(udp.find("type")->span.end == Position{4, 17});
    CHECK(udp.find("protocol")->key_span.start == Position{5, 1});
    CHECK(root.children[2].tag == "(!)");
    const Node& dp = root.children[3];
    CHECK(dp.children[0].tag == "=>");
    CHECK(dp.children[0].value == "_X.,1,Read(PAN,enter-card,16)");
    CHECK(dp.children[1].key == "same");
    CHECK(dp.children[1].value == "n,Set(x=a;b)");
    REQUIRE(r->notes.size() == 1);
    CHECK(r->notes[0].span.start.line == 11);
}

TEST_CASE("properties: separators, comments and spans", "[ini]") {
    auto r = parse_properties("# db\ndb.url = jdbc:postgresql://h/db\ndb.password:secret\nflag\n", "app.properties", {});
    REQUIRE(r.ok());
    CHECK(r->root.get("db.url") == "jdbc:postgresql://h/db");
    CHECK(r->root.find("db.password")->span.start == Position{3, 13});
    CHECK(r->root.find("flag") != nullptr);
}

TEST_CASE("ini: node limit is a diagnostic", "[ini][hostile]") {
    std::string many;
    for (int i = 0; i < 2000; ++i) many += "k=v\n";
    ParseLimits small;
    small.max_nodes = 100;
    auto r = parse_ini(many, "big.conf", small);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "limit-nodes");
}
