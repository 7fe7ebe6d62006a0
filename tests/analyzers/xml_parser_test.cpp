#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "analyzers/xml_parser.h"
#include "tests/read_file.h"

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
    CHECK(r.error().span.start.column == 1);
    CHECK(r.error().message == "XML syntax error: mismatched end tag </a>; expected </b>");
    auto empty = parse_xml("<!-- nothing -->", "e.xml", {});
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().message == "XML syntax error: no root element");
}

TEST_CASE("xml: unclosed elements are reported at their start tag", "[xml]") {
    // The end tag inside the comment, the quoted '>' and the CDATA must not confuse the scan.
    const std::string text =
        "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE vxml [ <!ENTITY x \"y\"> ]>\n"
        "<vxml>\n"
        "  <form id=\"a>b\">\n"
        "    <!-- </form> -->\n"
        "    <block><![CDATA[</block>]]></block>\n"
        "    <field name=\"pin\">\n"
        "  </form>\n";
    auto r = parse_xml(text, "u.vxml", {});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "parse-error");
    CHECK(r.error().message == "XML syntax error: mismatched end tag </form>; expected </field>");
    CHECK(r.error().span.start == Position{8, 3});

    auto eof = parse_xml("<vxml>\n  <form id=\"a\">\n    <block/>\n", "u.vxml", {});
    REQUIRE_FALSE(eof.ok());
    CHECK(eof.error().message == "XML syntax error: unclosed element <form>: the file ends before its end tag");
    CHECK(eof.error().span.start == Position{2, 3});

    auto extra = parse_xml("<a/>\n</b>\n", "x.xml", {});
    REQUIRE_FALSE(extra.ok());
    CHECK(extra.error().span.start.line == 2);

    auto attr = parse_xml("<a>\n  <b x=\"1\" y=2/>\n</a>", "x.xml", {});
    REQUIRE_FALSE(attr.ok());
    CHECK(attr.error().message == "XML syntax error: malformed attribute");
    CHECK(attr.error().span.start.line == 2);
}

TEST_CASE("xml: custom entities are never expanded (billion laughs)", "[xml][hostile]") {
    std::string lol = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n";
    for (int i = 1; i <= 9; ++i) {
        lol += " <!ENTITY lol" + std::to_string(i) + " \"";
        for (int k = 0; k < 10; ++k) lol += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
        lol += "\">\n";
    }
    lol += "]>\n<lolz>&lol9;</lolz>\n";
    auto r = parse_xml(lol, "lol.xml", {});
    REQUIRE(r.ok());
    CHECK(r->root.value == "&lol9;");
}

TEST_CASE("xml: depth and node limits", "[xml][hostile]") {
    std::string deep;
    for (int i = 0; i < 100000; ++i) deep += "<a>";
    for (int i = 0; i < 100000; ++i) deep += "</a>";
    auto r = parse_xml(deep, "deep.xml", {});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "limit-depth");
    CHECK(r.error().span.start == Position{1, 1 + 3 * 512});
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

    auto retried = parse_xml(jsp, "menu.vxml", {});  // not XML as written: retried blanked, with a note
    REQUIRE(retried.ok());
    REQUIRE(retried->notes.size() == 1);
    CHECK(retried->notes[0].code == "xml-templates-blanked");
    CHECK(retried->root.find("form")->span.start == Position{5, 3});
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
    std::string out = blank_templates(hostile);
    CHECK(out.size() == hostile.size());
    std::string out2 = blank_templates(closed_late);
    CHECK(out2.find_first_not_of(' ') == closed_late.size() - 1);  // all blanked up to the final '>' 
}

namespace {

std::string fixture(const std::string& name) { return ccscan::test::read_source_file("tests/fixtures/parsers/" + name); }

}  // namespace

TEST_CASE("xml: a JSP-generated VoiceXML payment form", "[xml]") {
    const std::string text = fixture("payment.vxml.jsp");
    XmlOptions options;
    options.blank_templates = true;
    auto r = parse_xml(text, "payment.vxml.jsp", {}, options);
    REQUIRE(r.ok());
    CHECK(r->notes.empty());
    const Node& vxml = r->root;
    CHECK(vxml.key == "vxml");
    CHECK(vxml.span == span(4, 1, 20, 8));
    const Node* lang = vxml.find("xml:lang");
    REQUIRE(lang);
    CHECK(lang->key_span == span(5, 7, 5, 15));
    CHECK(lang->value == "en-US");
    const Node* var = vxml.find("var");
    REQUIRE(var);
    CHECK(var->get("expr").find("sessionScope") == std::string_view::npos);  // blanked
    const Node* form = vxml.find("form");
    REQUIRE(form);
    CHECK(form->span == span(7, 3, 19, 10));
    // The <c:if> wrapper is gone; its content stays in the form, in order.
    REQUIRE(form->children.size() == 4);
    CHECK(form->children[1].key == "block");
    // Text pieces are trimmed and joined, not re-spaced inside: the blanked Mustache stays blank.
    CHECK(form->children[1].find("prompt")->value == "Welcome back," + std::string(23, ' ') + ".");
    const Node* field = form->find("field");
    REQUIRE(field);
    CHECK(field->get("name") == "card_number");
    CHECK(field->find("type")->span == span(11, 36, 11, 70));
    CHECK(field->find("prompt")->value == "Please enter your card number, followed by the pound key.");
    CHECK(field->find("property")->span == span(13, 7, 13, 49));
    const Node* submit = form->children[3].find("submit");
    REQUIRE(submit);
    CHECK(submit->get("namelist") == "card_number");
    CHECK(submit->find("next")->span == span(17, 20, 17, 57));
}

TEST_CASE("xml: FreeMarker directives in TwiML are blanked", "[xml]") {
    const std::string text = fixture("voice.ftl.xml");
    auto plain = parse_xml(text, "voice.ftl.xml", {});  // `<#if>` is not XML: retried blanked
    REQUIRE(plain.ok());
    REQUIRE(plain->notes.size() == 1);
    const Node& response = plain->root;
    REQUIRE(response.children.size() == 3);
    CHECK(response.children[0].key == "Say");
    CHECK(response.children[0].value == "Hello again");
    CHECK(response.children[1].value == "Welcome");
    const Node& gather = response.children[2];
    CHECK(gather.key == "Gather");
    CHECK(gather.span == span(8, 3, 10, 12));
    CHECK(gather.get("numDigits") == "16");
    CHECK(gather.find("Say")->value == "Enter your card number");
    std::string blanked = blank_templates("<#list a as b>x</#list><@m a=\"1\"/>");
    CHECK(blanked == std::string(14, ' ') + "x" + std::string(8, ' ') + std::string(11, ' '));
}

TEST_CASE("xml: plain XML keeps ${...} data (FreeSWITCH) and the UTF-8 BOM does not shift columns", "[xml]") {
    auto r = parse_xml("\xEF\xBB\xBF<include>\n  <X-PRE-PROCESS cmd=\"set\" data=\"domain=${local_ip_v4}\"/>\n</include>\n",
                       "vars.xml", {});
    REQUIRE(r.ok());
    CHECK(r->notes.empty());
    const Node* pre = r->root.find("X-PRE-PROCESS");
    REQUIRE(pre);
    CHECK(pre->get("data") == "domain=${local_ip_v4}");
    CHECK(pre->find("data")->span == span(2, 33, 2, 56));
    CHECK(r->root.span.start == Position{1, 4});
}

TEST_CASE("xml: error description stays linear on hostile input", "[xml][hostile]") {
    std::string deep;
    for (int i = 0; i < 100000; ++i) deep += "<a>";
    std::string quotes;
    for (int i = 0; i < 100000; ++i) quotes += "<b x=\"1\">";
    quotes += "</c>";
    auto r = parse_xml(deep, "deep.xml", {});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message == "XML syntax error: unclosed element <a>: the file ends before its end tag");
    CHECK(r.error().span.start == Position{1, 1 + 3 * 99999});
    auto q = parse_xml(quotes, "q.xml", {});
    REQUIRE_FALSE(q.ok());
    CHECK(q.error().message == "XML syntax error: mismatched end tag </c>; expected </b>");
    CHECK(q.error().span.start.column == 1 + 9 * 100000);
}
