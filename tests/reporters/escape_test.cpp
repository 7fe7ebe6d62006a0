#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "reporters/escape.h"

using namespace ccscan::reporters;

TEST_CASE("escape: terminal and GitHub", "[escape]") {
    CHECK(terminal_text("x\x1b[31m\nfake line\xe2\x80\xae") == "x\\x1b[31m\\nfake line\\u202e");
    CHECK(github_data("50%\r\n::error::x\x1b") == "50%25%0D%0A::error::x\\x1b");
    CHECK(github_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A");
}

TEST_CASE("escape: CSV cells never start a formula", "[escape]") {
    CHECK(csv_cell("=SUM(A1)") == "'=SUM(A1)");
    CHECK(csv_cell("+1") == "'+1");
    CHECK(csv_cell("-1") == "'-1");
    CHECK(csv_cell("@x") == "'@x");
    CHECK(csv_cell("\tx") == "'\tx");
    CHECK(csv_cell("\rx") == "\"'\rx\"");
    CHECK(csv_cell("  =x") == "'  =x");
    CHECK(csv_cell("a,\"b\"") == "\"a,\"\"b\"\"\"");
    CHECK(csv_cell("a\x1b" "b") == "a\\x1bb");
    CHECK(csv_cell("plain") == "plain");
}

TEST_CASE("escape: Markdown text and code spans", "[escape]") {
    CHECK(markdown_inline("[x](http://e) ![i](y) <b> | *a* `c`") ==
          "\\[x\\]\\(http\\://e\\) \\!\\[i\\]\\(y\\) \\<b\\> \\| \\*a\\* \\`c\\`");
    CHECK(markdown_inline("a\n## b\r\nc") == "a \\#\\# b  c");
    CHECK(markdown_inline("www.e.com a@b.c v4.0.1 3:14") == "www\\.e.com a\\@b.c v4.0.1 3:14");
    CHECK(markdown_code("a|b", true) == "`a\\|b`");
    CHECK(markdown_code("a|b", false) == "`a|b`");
    CHECK(markdown_code("a`b", false) == "``a`b``");
    CHECK(markdown_code("`x", false) == "`` `x ``");
}

TEST_CASE("escape: HTML and URLs", "[escape]") {
    CHECK(html_text("<script>\"'&\x1b") == "&lt;script&gt;&quot;&apos;&amp;\\x1b");
    CHECK(http_url("https://example.com/a?b=c#d") == "https://example.com/a?b=c#d");
    CHECK(http_url("javascript:alert(1)").empty());
    CHECK(http_url("https://e.com/\"onmouseover=x").empty());
    CHECK(http_url("https://e.com/ x").empty());
    CHECK(http_url("https://").empty());
    CHECK(http_url("data:text/html,x").empty());
}

TEST_CASE("escape: XML, SARIF and JSON documents", "[escape]") {
    CHECK(xml_text("a\x01\tb\xff") == "a\\x01\tb\xef\xbf\xbd");
    CHECK(sarif_text("[x](http://e) [y] \x1b") == "[x\\](http://e) [y] \\x1b");
    const std::string raw = nlohmann::json({{"m", "a\x7f\xc2\x9b\xe2\x80\xae\xf3\xa0\x80\x81"}}).dump();
    const std::string safe = json_document(raw);
    CHECK(safe == "{\"m\":\"a\\u007f\\u009b\\u202e\\udb40\\udc01\"}");
    CHECK(nlohmann::json::parse(safe) == nlohmann::json::parse(raw));  // the values are unchanged
}

TEST_CASE("escape: graph labels", "[escape]") {
    CHECK(dot_label("a\"b\\c\nd\x1b") == "a\\\"b\\\\c\\nd\\\\x1b");
    CHECK(mermaid_label("a\"<b>#`&\nc") == "a#quot;#lt;b#gt;#35;#96;#38; c");
}
