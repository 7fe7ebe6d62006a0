#include <catch2/catch.hpp>

#include "analyzers/ini_parser.h"
#include "analyzers/properties_parser.h"

using namespace ccscan::analyzers;

namespace {

Span span(std::uint32_t l1, std::uint32_t c1, std::uint32_t l2, std::uint32_t c2) { return {{l1, c1}, {l2, c2}}; }

}  // namespace

TEST_CASE("ini: Asterisk dialplan sections, arrows, templates and exact spans", "[ini]") {
    const std::string text =
        "; extensions.conf\n"
        "#include \"extensions_custom.conf\"\n"
        "[globals]\n"
        "TRUNK = PJSIP/provider ; the trunk\n"
        "[ivr-payments](!)\n"
        "exten => s,1,Answer()\n"
        " same => n,Read(CARD,enter-card,16)   \n"
        "exten => 1,1,Set(msg=a\\;b)\n"
        "[from-pstn](ivr-payments,other)\n"
        "exten=>_X.,1,Goto(ivr-payments,s,1)\n";
    auto r = parse_ini(text, "extensions.conf", {});
    REQUIRE(r.ok());
    const Node& root = r->root;
    CHECK(root.kind == NodeKind::object);
    REQUIRE(root.children.size() == 4);
    const Node& pre = root.children[0];
    CHECK(pre.key.empty());
    REQUIRE(pre.children.size() == 1);
    CHECK(pre.children[0].key == "#include");
    CHECK(pre.children[0].value == "extensions_custom.conf");
    CHECK(pre.children[0].key_span == span(2, 1, 2, 9));
    CHECK(pre.children[0].span == span(2, 11, 2, 33));

    const Node& globals = root.children[1];
    CHECK(globals.key == "globals");
    CHECK(globals.key_span == span(3, 2, 3, 9));
    CHECK(globals.span == span(3, 1, 4, 23));
    const Node* trunk = globals.find("TRUNK");
    REQUIRE(trunk);
    CHECK(trunk->value == "PJSIP/provider");
    CHECK(trunk->tag.empty());
    CHECK(trunk->key_span == span(4, 1, 4, 6));
    CHECK(trunk->span == span(4, 9, 4, 23));

    const Node& ivr = root.children[2];
    CHECK(ivr.key == "ivr-payments");
    CHECK(ivr.tag == "(!)");
    REQUIRE(ivr.children.size() == 3);
    CHECK(ivr.children[0].key == "exten");
    CHECK(ivr.children[0].tag == "=>");
    CHECK(ivr.children[0].value == "s,1,Answer()");
    CHECK(ivr.children[0].span == span(6, 10, 6, 22));
    CHECK(ivr.children[1].key == "same");
    CHECK(ivr.children[1].key_span == span(7, 2, 7, 6));
    CHECK(ivr.children[1].value == "n,Read(CARD,enter-card,16)");
    CHECK(ivr.children[1].span == span(7, 10, 7, 36));
    CHECK(ivr.children[2].value == "1,1,Set(msg=a;b)");
    CHECK(ivr.children[2].span == span(8, 10, 8, 27));

    const Node& pstn = root.children[3];
    CHECK(pstn.tag == "(ivr-payments,other)");
    CHECK(pstn.children[0].tag == "=>");
    CHECK(pstn.children[0].value == "_X.,1,Goto(ivr-payments,s,1)");
    CHECK(pstn.children[0].span.start == Position{10, 8});
    CHECK(r->notes.empty());
}

TEST_CASE("ini: pjsip sections, duplicates, block comments and odd lines", "[ini]") {
    const std::string text =
        "[transport-udp]\r\n"
        "type=transport\r\n"
        "protocol=udp\r\n"
        ";--\r\n"
        "[disabled]\r\n"
        "type=endpoint\r\n"
        "--;\r\n"
        "[6001]\r\n"
        "type=endpoint\r\n"
        "media_encryption =\r\n"
        "this line is odd\r\n"
        "[6001]\r\n"
        "type=aor\r\n"
        "#exec /usr/local/bin/gen.sh\r\n";
    auto r = parse_ini(text, "pjsip.conf", {});
    REQUIRE(r.ok());
    const Node& root = r->root;
    REQUIRE(root.children.size() == 3);
    CHECK(root.children[0].get("protocol") == "udp");
    CHECK(root.children[0].find("protocol")->span == span(3, 10, 3, 13));
    CHECK(root.children[1].key == "6001");
    CHECK(root.children[2].key == "6001");
    CHECK(root.children[2].get("type") == "aor");
    const Node* enc = root.children[1].find("media_encryption");
    REQUIRE(enc);
    CHECK(enc->value.empty());
    CHECK(root.children[2].find("#exec")->value == "/usr/local/bin/gen.sh");
    REQUIRE(r->notes.size() == 1);
    CHECK(r->notes[0].span.start == Position{11, 1});
}

TEST_CASE("ini: limits", "[ini][hostile]") {
    ParseLimits few;
    few.max_nodes = 2;
    auto r = parse_ini("[a]\nx=1\ny=2\n", "f.conf", few);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "limit-nodes");
    CHECK(r.error().span.start == Position{3, 1});
    few.max_bytes = 3;
    CHECK(parse_ini("[a]\nx=1\n", "f.conf", few).error().code == "limit-size");
    std::string big;
    for (int i = 0; i < 100000; ++i) big += "[s" + std::to_string(i) + "]\nk = v\n";
    auto ok = parse_ini(big, "big.conf", {});
    REQUIRE(ok.ok());
    CHECK(ok->root.children.size() == 100000);
}

TEST_CASE("properties: separators, escapes, continuation lines and spans", "[ini]") {
    const std::string text =
        "# comment\n"
        "! another\n"
        "db.password = s3cr\\u0065t\n"
        "api.key:abc\n"
        "name value with spaces\n"
        "path=c:\\\\tmp\\tx\n"
        "multi = one, \\\n"
        "        two\n"
        "key\\ with\\ space = v\n"
        "empty=\n";
    auto r = parse_properties(text, "app.properties", {});
    REQUIRE(r.ok());
    const Node& root = r->root;
    REQUIRE(root.children.size() == 7);
    const Node* pw = root.find("db.password");
    REQUIRE(pw);
    CHECK(pw->value == "s3cret");
    CHECK(pw->key_span == span(3, 1, 3, 12));
    CHECK(pw->span == span(3, 15, 3, 26));
    CHECK(root.get("api.key") == "abc");
    CHECK(root.get("name") == "value with spaces");
    CHECK(root.get("path") == "c:\\tmp\tx");
    const Node* multi = root.find("multi");
    CHECK(multi->value == "one, two");
    CHECK(multi->span == span(7, 9, 8, 12));
    CHECK(root.get("key with space") == "v");
    CHECK(root.find("empty")->value.empty());
}
