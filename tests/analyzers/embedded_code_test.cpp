// Code embedded in templates: found per template shape, every line placed in the template.
#include <catch2/catch.hpp>

#include "analyzers/embedded_code.h"
#include "analyzers/hcl_parser.h"
#include "analyzers/json_parser.h"
#include "analyzers/yaml_parser.h"

using namespace ccscan::analyzers;

TEST_CASE("embedded code: CloudFormation ZipFile block scalar, lines and columns", "[embedded]") {
    const std::string text =
        "Resources:\n"
        "  Fn:\n"
        "    Type: AWS::Lambda::Function\n"
        "    Properties:\n"
        "      Runtime: python3.12\n"
        "      Code:\n"
        "        ZipFile: |\n"
        "          def handler(event, context):\n"
        "\n"
        "              print(event)\n";
    auto doc = parse_yaml(text, "t.yaml", {});
    REQUIRE(doc.ok());
    auto code = find_embedded_code(*doc, "cloudformation", text);
    REQUIRE(code.size() == 1);
    CHECK(code[0].language == "python");
    CHECK(code[0].where == "Resources.Fn.Properties.Code.ZipFile");
    CHECK(code[0].text.rfind("def handler", 0) == 0);
    // "print" is line 3, column 5 of the code; in the template line 10, column 15.
    CHECK(map_position(code[0], {3, 5}) == Position{10, 15});
    CHECK(map_position(code[0], {1, 1}) == Position{8, 11});
}

TEST_CASE("embedded code: SAM InlineCode with the runtime from Globals, Fn::Join in JSON", "[embedded]") {
    const std::string sam =
        "Globals:\n  Function:\n    Runtime: nodejs20.x\nResources:\n  F:\n    Type: AWS::Serverless::Function\n"
        "    Properties:\n      InlineCode: |\n        exports.handler = async () => {};\n";
    auto doc = parse_yaml(sam, "t.yaml", {});
    REQUIRE(doc.ok());
    auto code = find_embedded_code(*doc, "cloudformation", sam);
    REQUIRE(code.size() == 1);
    CHECK(code[0].language == "javascript");
    CHECK(map_position(code[0], {1, 1}) == Position{9, 9});

    const std::string json =
        "{\"Resources\": {\"F\": {\"Type\": \"AWS::Lambda::Function\", \"Properties\": {\"Runtime\": \"nodejs18.x\",\n"
        "  \"Code\": {\"ZipFile\": {\"Fn::Join\": [\"\\n\", [\n"
        "    \"exports.handler = async (event) => {\",\n"
        "    \"  console.log(event);\",\n"
        "    {\"Ref\": \"AWS::Region\"},\n"
        "    \"};\"]]}}}}}}\n";
    auto jdoc = parse_json(json, "t.json", {});
    REQUIRE(jdoc.ok());
    auto jcode = find_embedded_code(*jdoc, "cloudformation", json);
    REQUIRE(jcode.size() == 1);
    CHECK(jcode[0].text == "exports.handler = async (event) => {\n  console.log(event);\n};\n");
    CHECK(map_position(jcode[0], {2, 3}) == Position{4, 8});  // console on the second item's line
    CHECK(map_position(jcode[0], {3, 1}).line == 6);
}

TEST_CASE("embedded code: Terraform archive_file heredoc; unknown languages are skipped", "[embedded]") {
    const std::string tf =
        "data \"archive_file\" \"f\" {\n"
        "  type = \"zip\"\n"
        "  source {\n"
        "    filename = \"index.py\"\n"
        "    content  = <<-EOT\n"
        "      def handler(event, context):\n"
        "          print(event)\n"
        "    EOT\n"
        "  }\n"
        "  source {\n"
        "    filename = \"README.md\"\n"
        "    content  = \"not code\"\n"
        "  }\n"
        "}\n";
    auto doc = parse_hcl(tf, "main.tf", {});
    REQUIRE(doc.ok());
    auto code = find_embedded_code(*doc, "terraform", tf);
    REQUIRE(code.size() == 1);
    CHECK(code[0].language == "python");
    CHECK(map_position(code[0], {2, 5}) == Position{7, 11});
    CHECK(find_embedded_code(*doc, "yaml", tf).empty());
}
