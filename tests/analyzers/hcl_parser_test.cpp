#include <catch2/catch.hpp>

#include <chrono>

#include "analyzers/hcl_parser.h"

using namespace ccscan::analyzers;

namespace {

Span span(std::uint32_t l1, std::uint32_t c1, std::uint32_t l2, std::uint32_t c2) { return {{l1, c1}, {l2, c2}}; }

const Node& at(const Node& n, std::initializer_list<std::string_view> keys) {
    const Node* cur = &n;
    for (std::string_view k : keys) {
        INFO("key " << k);
        cur = cur->find(k);
        REQUIRE(cur);
    }
    return *cur;
}

}  // namespace

TEST_CASE("hcl: blocks nest by type and labels; literals become scalars", "[hcl]") {
    const std::string text =
        "resource \"aws_connect_instance\" \"main\" {\n"
        "  contact_flow_logs_enabled = true\n"
        "  n    = 1.5\n"
        "  s    = \"a\\\"b\\n$${x}\"\n"
        "  none = null\n"
        "  ref  = var.x\n"
        "  tpl  = \"arn:${var.region}\"\n"
        "  l    = [\"a\", 2]\n"
        "  o    = { k = \"v\", \"q\" = false }\n"
        "}\n"
        "resource \"aws_connect_instance\" \"backup\" {}\n"
        "locals { a = 1 }\n"
        "locals { b = 2 }\n";
    auto r = parse_hcl(text, "main.tf", {});
    REQUIRE(r.ok());
    CHECK(r->format == "terraform");
    const Node& root = r->root;
    const Node& type = at(root, {"resource", "aws_connect_instance"});
    CHECK(type.children.size() == 2);
    const Node& main = at(type, {"main"});
    CHECK(main.kind == NodeKind::object);
    CHECK(main.tag == "block");
    CHECK(main.key_span == span(1, 33, 1, 39));
    CHECK(main.span == span(1, 1, 10, 2));
    const Node& logs = at(main, {"contact_flow_logs_enabled"});
    CHECK(logs.scalar_type == ScalarType::boolean);
    CHECK(logs.value == "true");
    CHECK(logs.key_span == span(2, 3, 2, 28));
    CHECK(logs.span == span(2, 31, 2, 35));
    CHECK(at(main, {"n"}).scalar_type == ScalarType::number);
    CHECK(at(main, {"n"}).value == "1.5");
    const Node& s = at(main, {"s"});
    CHECK(s.scalar_type == ScalarType::string);
    CHECK(s.value == "a\"b\n${x}");
    CHECK(s.span == span(4, 10, 4, 23));
    CHECK(at(main, {"none"}).scalar_type == ScalarType::null);
    CHECK(at(main, {"ref"}).scalar_type == ScalarType::expression);
    CHECK(at(main, {"ref"}).value == "var.x");
    CHECK(at(main, {"tpl"}).scalar_type == ScalarType::expression);
    CHECK(at(main, {"tpl"}).value == "\"arn:${var.region}\"");
    const Node& l = at(main, {"l"});
    REQUIRE(l.kind == NodeKind::array);
    REQUIRE(l.children.size() == 2);
    CHECK(l.children[0].value == "a");
    CHECK(l.children[1].scalar_type == ScalarType::number);
    const Node& o = at(main, {"o"});
    CHECK(o.kind == NodeKind::object);
    CHECK(at(o, {"k"}).value == "v");
    CHECK(at(o, {"q"}).value == "false");
    CHECK(at(o, {"q"}).key_span == span(9, 21, 9, 24));
    CHECK(at(type, {"backup"}).children.empty());
    const Node& locals = at(root, {"locals"});
    CHECK(locals.children.size() == 2);
    CHECK(root.children.size() == 2);
}

TEST_CASE("hcl: repeated nested blocks become an array; single ones an object", "[hcl]") {
    const std::string text =
        "resource \"aws_connect_instance_storage_config\" \"rec\" {\n"
        "  resource_type = \"CALL_RECORDINGS\"\n"
        "  storage_config {\n"
        "    s3_config {\n"
        "      encryption_config { encryption_type = \"KMS\" }\n"
        "    }\n"
        "  }\n"
        "  rule { a = 1 }\n"
        "  rule { a = 2 }\n"
        "  rule { a = 3 }\n"
        "  dynamic \"setting\" { content {} }\n"
        "}\n";
    auto r = parse_hcl(text, "s.tf", {});
    REQUIRE(r.ok());
    const Node& rec = at(r->root, {"resource", "aws_connect_instance_storage_config", "rec"});
    const Node& enc = at(rec, {"storage_config", "s3_config", "encryption_config", "encryption_type"});
    CHECK(enc.value == "KMS");
    CHECK(enc.span == span(5, 45, 5, 50));
    const Node& rules = at(rec, {"rule"});
    REQUIRE(rules.kind == NodeKind::array);
    CHECK(rules.tag == "blocks");
    REQUIRE(rules.children.size() == 3);
    CHECK(rules.children[2].get("a") == "3");
    CHECK(rules.children[0].key.empty());
    CHECK(rules.span == span(8, 3, 10, 17));
    CHECK(at(rec, {"dynamic", "setting", "content"}).kind == NodeKind::object);
}

TEST_CASE("hcl: jsonencode literals are navigable; other calls stay expressions", "[hcl]") {
    const std::string text =
        "resource \"aws_connect_contact_flow\" \"pay\" {\n"
        "  content = jsonencode({\n"
        "    Version = \"2019-10-30\"\n"
        "    \"StartAction\" = \"a1\"\n"
        "    Actions = [{ Identifier = \"a1\", Type = \"GetParticipantInput\",\n"
        "                 Parameters = { StoreInput = \"True\" } }]\n"
        "  })\n"
        "  other   = file(\"flows/pay.json\")\n"
        "  tags    = merge(local.tags, { a = 1 })\n"
        "  policy  = <<EOT\n"
        "{\"Version\": \"2012-10-17\"}\n"
        "EOT\n"
        "  indented = <<-EOT\n"
        "    line one\n"
        "      line two\n"
        "    EOT\n"
        "}\n";
    auto r = parse_hcl(text, "flow.tf", {});
    REQUIRE(r.ok());
    const Node& pay = at(r->root, {"resource", "aws_connect_contact_flow", "pay"});
    const Node& content = at(pay, {"content"});
    CHECK(content.kind == NodeKind::object);
    CHECK(content.tag == "jsonencode");
    CHECK(content.span == span(2, 13, 7, 5));
    CHECK(at(content, {"Version"}).value == "2019-10-30");
    CHECK(at(content, {"StartAction"}).value == "a1");
    const Node& actions = at(content, {"Actions"});
    REQUIRE(actions.kind == NodeKind::array);
    const Node& store = at(actions.children.at(0), {"Parameters", "StoreInput"});
    CHECK(store.value == "True");
    CHECK(store.span == span(6, 46, 6, 52));
    CHECK(at(pay, {"other"}).scalar_type == ScalarType::expression);
    CHECK(at(pay, {"other"}).value == "file(\"flows/pay.json\")");
    CHECK(at(pay, {"tags"}).scalar_type == ScalarType::expression);
    const Node& policy = at(pay, {"policy"});
    CHECK(policy.scalar_type == ScalarType::string);
    CHECK(policy.value == "{\"Version\": \"2012-10-17\"}\n");
    CHECK(at(pay, {"indented"}).value == "line one\n  line two\n");
}

TEST_CASE("hcl: syntax errors point at the first error node", "[hcl]") {
    auto r = parse_hcl("resource \"a\" \"b\" {\n  x = 1\n  y = = 2\n}\n", "bad.tf", {});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "parse-error");
    CHECK(r.error().span.start.line == 3);
    CHECK(r.error().message.find("HCL syntax error") == 0);
    auto unclosed = parse_hcl("locals {\n  a = 1\n", "bad.tf", {});
    REQUIRE_FALSE(unclosed.ok());
    CHECK(unclosed.error().code == "parse-error");
}

TEST_CASE("hcl: limits and hostile nesting", "[hcl][hostile]") {
    std::string deep = "locals {\n  x = ";
    for (int i = 0; i < 5000; ++i) deep += "[";
    for (int i = 0; i < 5000; ++i) deep += "]";
    deep += "\n}\n";
    auto start = std::chrono::steady_clock::now();
    auto r = parse_hcl(deep, "deep.tf", {});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "limit-depth");
    CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < 5.0);
    ParseLimits few;
    few.max_nodes = 3;
    CHECK(parse_hcl("locals {\n a = 1\n b = 2\n c = 3\n}\n", "f.tf", few).error().code == "limit-nodes");
    few.max_bytes = 4;
    CHECK(parse_hcl("locals {}\n", "f.tf", few).error().code == "limit-size");
}
