#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "analyzers/hcl_parser.h"
#include "tests/read_file.h"

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

std::string fixture(const std::string& name) { return ccscan::test::read_source_file("tests/fixtures/parsers/" + name); }

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
    CHECK(at(main, {"tpl"}).value == "arn:${var.region}");
    CHECK(at(main, {"tpl"}).span == span(7, 10, 7, 29));
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
    CHECK(r.error().message == "HCL syntax error: unexpected '='");
    auto unclosed = parse_hcl("locals {\n  a = 1\n", "bad.tf", {});
    REQUIRE_FALSE(unclosed.ok());
    CHECK(unclosed.error().code == "parse-error");
}

TEST_CASE("hcl: limits and hostile nesting", "[hcl][hostile]") {
    std::string deep = "locals {\n  x = ";
    for (int i = 0; i < 5000; ++i) deep += "[";
    for (int i = 0; i < 5000; ++i) deep += "]";
    deep += "\n}\n";
    auto r = parse_hcl(deep, "deep.tf", {});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "limit-depth");
    ParseLimits few;
    few.max_nodes = 3;
    CHECK(parse_hcl("locals {\n a = 1\n b = 2\n c = 3\n}\n", "f.tf", few).error().code == "limit-nodes");
    few.max_bytes = 4;
    CHECK(parse_hcl("locals {}\n", "f.tf", few).error().code == "limit-size");
}

TEST_CASE("hcl: Amazon Connect instance, storage configs, contact flow, variables and locals", "[hcl]") {
    auto r = parse_hcl(fixture("connect.tf"), "connect.tf", {});
    REQUIRE(r.ok());
    const Node& root = r->root;
    CHECK(at(root, {"provider", "aws", "region"}).value == "eu-west-1");

    const Node& instance = at(root, {"resource", "aws_connect_instance", "main"});
    const Node& logs = at(instance, {"contact_flow_logs_enabled"});
    CHECK(logs.scalar_type == ScalarType::boolean);
    CHECK(logs.value == "false");
    CHECK(logs.key_span == span(11, 3, 11, 28));
    CHECK(logs.span == span(11, 31, 11, 36));
    const Node& alias = at(instance, {"instance_alias"});
    CHECK(alias.scalar_type == ScalarType::expression);
    CHECK(alias.value == "acme-payments-${var.environment}");
    CHECK(alias.span == span(9, 31, 9, 65));
    CHECK(at(instance, {"tags", "cost-center"}).key_span == span(14, 5, 14, 18));
    CHECK(at(instance, {"tags", "Environment"}).scalar_type == ScalarType::expression);

    const Node& configs = at(root, {"resource", "aws_connect_instance_storage_config"});
    REQUIRE(configs.children.size() == 2);
    const Node& enc = at(configs, {"recordings", "storage_config", "s3_config", "encryption_config"});
    CHECK(enc.kind == NodeKind::object);
    CHECK(enc.key_span == span(28, 7, 28, 24));
    CHECK(at(enc, {"encryption_type"}).key_span == span(29, 9, 29, 24));
    CHECK(at(enc, {"encryption_type"}).span == span(29, 27, 29, 32));
    CHECK(at(enc, {"key_id"}).value == "aws_kms_key.connect.arn");
    const Node& hours = at(configs, {"media", "storage_config", "kinesis_video_stream_config", "retention_period_hours"});
    CHECK(hours.scalar_type == ScalarType::number);
    CHECK(hours.value == "48");
    CHECK(hours.key_span.start == Position{44, 7});

    const Node& content = at(root, {"resource", "aws_connect_contact_flow", "payment", "content"});
    CHECK(content.tag == "jsonencode");
    CHECK(content.kind == NodeKind::object);
    const Node& actions = at(content, {"Actions"});
    REQUIRE(actions.children.size() == 2);
    CHECK(actions.children[0].get("Type") == "GetParticipantInput");
    const Node& store = at(actions.children[0], {"Parameters", "StoreInput"});
    CHECK(store.value == "True");
    CHECK(store.key_span == span(67, 11, 67, 21));
    CHECK(store.span == span(67, 35, 67, 41));
    CHECK(at(actions.children[0], {"Transitions", "Errors"}).kind == NodeKind::array);
    CHECK(at(actions.children[1], {"Parameters"}).children.empty());

    const Node& env = at(root, {"variable", "environment"});
    CHECK(env.get("default") == "prod");
    CHECK(at(env, {"type"}).scalar_type == ScalarType::expression);
    CHECK(at(env, {"validation", "condition"}).value == "contains([\"dev\", \"prod\"], var.environment)");
    const Node& locals = at(root, {"locals"});
    CHECK(at(locals, {"retention_days"}).value == "var.environment == \"prod\" ? 365 : 30");
    CHECK(at(locals, {"retention_days"}).scalar_type == ScalarType::expression);
    CHECK(at(locals, {"queue_names"}).scalar_type == ScalarType::expression);
    CHECK(at(locals, {"offset"}).scalar_type == ScalarType::number);
    CHECK(at(locals, {"offset"}).value == "-5");
    CHECK(at(locals, {"offset"}).span == span(95, 20, 95, 22));
    CHECK(at(root, {"output", "instance_arn", "sensitive"}).value == "false");
}

TEST_CASE("hcl: Genesys Cloud routing queue with repeated member blocks", "[hcl]") {
    auto r = parse_hcl(fixture("genesys.tf"), "genesys.tf", {});
    REQUIRE(r.ok());
    const Node& provider = at(r->root, {"terraform", "required_providers", "genesyscloud"});
    CHECK(provider.get("source") == "mypurecloud/genesyscloud");
    const Node& queue = at(r->root, {"resource", "genesyscloud_routing_queue", "payments"});
    CHECK(at(queue, {"enable_transcription"}).value == "true");
    CHECK(at(queue, {"acw_timeout_ms"}).value == "300000");
    CHECK(at(queue, {"media_settings_call", "service_level_percentage"}).value == "0.8");
    const Node& members = at(queue, {"members"});
    REQUIRE(members.kind == NodeKind::array);
    REQUIRE(members.children.size() == 2);
    CHECK(members.key_span == span(25, 3, 25, 10));
    CHECK(members.span.start == Position{25, 3});
    CHECK(members.children[1].span.start == Position{29, 3});
    CHECK(at(members.children[1], {"ring_num"}).value == "2");
    CHECK(at(members.children[1], {"ring_num"}).key_span == span(31, 5, 31, 13));
    CHECK(at(queue, {"wrapup_codes"}).kind == NodeKind::array);
    CHECK(at(r->root, {"module", "ivr", "source"}).value == "./modules/ivr");
}

TEST_CASE("hcl: Twilio Studio flow definition from an indented heredoc", "[hcl]") {
    auto r = parse_hcl(fixture("twilio.tf"), "twilio.tf", {});
    REQUIRE(r.ok());
    const Node& flow = at(r->root, {"resource", "twilio_studio_flows_v2", "payments_ivr"});
    CHECK(flow.get("status") == "published");
    const Node& definition = at(flow, {"definition"});
    CHECK(definition.scalar_type == ScalarType::string);
    CHECK(definition.tag == "heredoc");
    CHECK(definition.span.start == Position{5, 20});
    CHECK(definition.span.end.line == 17);
    CHECK(definition.value.rfind("{\n  \"description\": \"Payments IVR\",\n", 0) == 0);
    CHECK(definition.value.find("\"type\": \"capture-payments\"") != std::string::npos);
    CHECK(definition.value.substr(definition.value.size() - 2) == "}\n");
}

TEST_CASE("hcl: syntax errors name the problem with line and column", "[hcl]") {
    auto r = parse_hcl("resource \"aws_connect_instance\" \"main\" {\n  inbound_calls_enabled = true\n  tags = { a = }\n}\n", "e.tf", {});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "parse-error");
    CHECK(r.error().span.start == Position{3, 12});
    CHECK(r.error().message == "HCL syntax error: unexpected token");
    auto missing = parse_hcl("locals {\n  a = [1, 2\n}\n", "m.tf", {});
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message == "HCL syntax error: missing ']'");
    CHECK(missing.error().span.start == Position{3, 1});
    auto eof = parse_hcl("resource \"a\" \"b\" {\n  x = \"unterminated\n}\n", "u.tf", {});
    REQUIRE_FALSE(eof.ok());
    CHECK(eof.error().to_string() == "u.tf:4:1: HCL syntax error: unexpected end of input");
    auto secret = parse_hcl("locals {\n  token = \"sk_live_made_up_value\" \"x\"\n}\n", "s.tf", {});
    REQUIRE_FALSE(secret.ok());
    CHECK(secret.error().message == "HCL syntax error: unexpected string");  // never the value itself
    CHECK(secret.error().span.start == Position{2, 11});
}

TEST_CASE("hcl: blocks with the same type and labels stay separate objects under one key", "[hcl]") {
    auto r = parse_hcl("provider \"aws\" {\n  region = \"eu-west-1\"\n}\nprovider \"aws\" {\n  alias  = \"us\"\n  region = \"us-east-1\"\n}\n",
                       "p.tf", {});
    REQUIRE(r.ok());
    const Node& provider = at(r->root, {"provider"});
    REQUIRE(provider.children.size() == 2);
    CHECK(provider.children[0].key == "aws");
    CHECK(provider.children[1].key == "aws");
    CHECK(provider.children[0].get("region") == "eu-west-1");
    CHECK(provider.children[1].get("region") == "us-east-1");
    CHECK(provider.children[1].key_span == span(4, 10, 4, 15));
    CHECK(provider.span == span(1, 1, 7, 2));
}
