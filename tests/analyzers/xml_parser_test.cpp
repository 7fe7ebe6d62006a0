#include <catch2/catch.hpp>

#include <chrono>

#include "analyzers/xml_parser.h"

using namespace ccscan::analyzers;

namespace {

Span span(std::uint32_t l1, std::uint32_t c1, std::uint32_t l2, std::uint32_t c2) { return {{l1, c1}, {l2, c2}}; }

}  // namespace

TEST_CASE("xml: elements, attributes first, text as value, exact spans", "[xml]") {
    const std::string text =
        "<?xml version=\"1.0\"?>\n"
        "<vxml version=\"2.1\" xmlns='http://www.w3.org/2001/vxml'>\n"
        "  <form id=\"pay\">\n"
        "    <field name=\"card\" type = \"digits\">\n"
        "      <prompt>Enter your &amp; card <![CDATA[number]]></prompt>\n"
        "    </field>\n"
        "    <!-- </form> in a comment -->\n"
        "    <log expr=\"card\"/>\n"
        "  </form>\n"
        "</vxml>\n";
    auto r = parse_xml(text, "a.vxml", {});
    REQUIRE(r.ok());
    const Node& root = r->root;
    CHECK(root.kind == NodeKind::element);
    CHECK(root.key == "vxml");
    CHECK(root.key_span == span(2, 2, 2, 6));
    CHECK(root.span == span(2, 1, 10, 8));
    REQUIRE(root.children.size() == 3);
    CHECK(root.children[0].kind == NodeKind::attribute);
    CHECK(root.children[0].key == "version");
    CHECK(root.children[0].value == "2.1");
    CHECK(root.children[0].key_span == span(2, 7, 2, 14));
    CHECK(root.children[0].span == span(2, 15, 2, 20));
    CHECK(root.children[1].key == "xmlns");
    CHECK(root.children[1].span == span(2, 27, 2, 56));
    const Node& form = root.children[2];
    CHECK(form.key == "form");
    CHECK(form.span == span(3, 3, 9, 10));
    CHECK(form.get("id") == "pay");
    const Node* field = form.find("field");
    REQUIRE(field);
    CHECK(field->span == span(4, 5, 6, 13));
    const Node* type = field->find("type");
    REQUIRE(type);
    CHECK(type->value == "digits");
    CHECK(type->key_span == span(4, 24, 4, 28));
    CHECK(type->span == span(4, 31, 4, 39));
    const Node* prompt = field->find("prompt");
    REQUIRE(prompt);
    CHECK(prompt->value == "Enter your & card number");
    CHECK(prompt->span == span(5, 7, 5, 64));
    const Node* log = form.find("log");
    REQUIRE(log);
    CHECK(log->span == span(8, 5, 8, 23));
    CHECK(log->children.size() == 1);
}

TEST_CASE("xml: attribute values containing '>' and multi-line start tags", "[xml]") {
    auto r = parse_xml("<Response>\n  <Gather\n    action=\"/next?a=1&amp;b=>\"\n    numDigits='16'/>\n</Response>", "t.xml", {});
    REQUIRE(r.ok());
    const Node* gather = r->root.find("Gather");
    REQUIRE(gather);
    CHECK(gather->span == span(2, 3, 4, 21));
    CHECK(gather->find("action")->value == "/next?a=1&b=>");
    CHECK(gather->find("numDigits")->key_span == span(4, 5, 4, 14));
    CHECK(gather->find("numDigits")->span == span(4, 15, 4, 19));
}

TEST_CASE("xml: syntax errors carry line and column", "[xml]") {
    auto r = parse_xml("<a>\n  <b>\n</a>\n", "bad.xml", {});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "parse-error");
    CHECK(r.error().span.start.line == 3);
    CHECK(r.error().message.find("XML syntax error") != std::string::npos);
    auto empty = parse_xml("<!-- nothing -->", "e.xml", {});
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().message.find("XML syntax error") == 0);
}

TEST_CASE("xml: custom entities are never expanded (billion laughs)", "[xml][hostile]") {
    std::string lol = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n";
    for (int i = 1; i <= 9; ++i) {
        lol += " <!ENTITY lol" + std::to_string(i) + " \"";
        for (int k = 0; k < 10; ++k) lol += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
        lol += "\">\n";
    }
    lol += "]>\n<lolz>&lol9;</lolz>\n";
    auto start = std::chrono::steady_clock::now();
    auto r = parse_xml(lol, "lol.xml", {});
    REQUIRE(r.ok());
    CHECK(r->root.value == "&lol9;");
    CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < 1.0);
}

TEST_CASE("xml: depth and node limits", "[xml][hostile]") {
    std::string deep;
    for (int i = 0; i < 100000; ++i) deep += "<a>";
    for (int i = 0; i < 100000; ++i) deep += "</a>";
    auto start = std::chrono::steady_clock::now();
    auto r = parse_xml(deep, "deep.xml", {});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "limit-depth");
    CHECK(r.error().span.start == Position{1, 1 + 3 * 512});
    CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < 2.0);
    ParseLimits few;
    few.max_nodes = 3;
    auto n = parse_xml("<a x='1'><b/><c/></a>", "n.xml", few);
    REQUIRE_FALSE(n.ok());
    CHECK(n.error().code == "limit-nodes");
    few.max_bytes = 5;
    CHECK(parse_xml("<a x='1'/>", "n.xml", few).error().code == "limit-size");
}

TEST_CASE("xml: template markup is blanked with offsets kept", "[xml]") {
    const std::string jsp =
        "<%@ page contentType=\"application/voicexml+xml\" %>\n"
        "<?xml version=\"1.0\"?>\n"
        "<vxml version=\"2.1\">\n"
        "<c:if test=\"${user.vip > 0}\">\n"
        "  <form id=\"<%= formId %>\">\n"
        "    <block><prompt>Hello {{name}} {{{raw}}} <?php echo $x; ?></prompt></block>\n"
        "  </form>\n"
        "</c:if>\n"
        "<field name=\"n\" expr=\"${param.n}\"/>\n"
        "</vxml>\n";
    std::string blanked = blank_templates(jsp);
    CHECK(blanked.size() == jsp.size());
    CHECK(blanked.find("<%") == std::string::npos);
    CHECK(blanked.find("c:if") == std::string::npos);
    CHECK(blanked.find("{{") == std::string::npos);
    CHECK(blanked.find("php") == std::string::npos);
    CHECK(blanked.find("${") == std::string::npos);
    CHECK(std::count(blanked.begin(), blanked.end(), '\n') == std::count(jsp.begin(), jsp.end(), '\n'));

    CHECK_FALSE(parse_xml(jsp, "menu.jsp", {}).ok());  // not XML until blanked
    XmlOptions options;
    options.blank_templates = true;
    auto r = parse_xml(jsp, "menu.jsp", {}, options);
    REQUIRE(r.ok());
    CHECK(r->root.key == "vxml");
    CHECK(r->root.span.start == Position{3, 1});
    const Node* form = r->root.find("form");
    REQUIRE(form);
    CHECK(form->span.start == Position{5, 3});
    CHECK(form->find("id")->span == span(5, 12, 5, 27));
    const Node* field = r->root.find("field");
    REQUIRE(field);
    CHECK(field->find("expr")->span == span(9, 22, 9, 34));
    CHECK(field->get("name") == "n");
}

TEST_CASE("xml: unterminated template markup stays linear", "[xml][hostile]") {
    std::string hostile;
    for (int i = 0; i < 200000; ++i) hostile += "${<c:\"<%{{";
    std::string closed_late = hostile + "}>";  // closers exist, but only at the very end
    auto start = std::chrono::steady_clock::now();
    std::string out = blank_templates(hostile);
    CHECK(out.size() == hostile.size());
    std::string out2 = blank_templates(closed_late);
    CHECK(out2.find_first_not_of(' ') == closed_late.size() - 1);  // all blanked up to the final '>' 
    CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < 3.0);
}
