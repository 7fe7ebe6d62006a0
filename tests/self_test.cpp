// The test helpers themselves: a missing or renamed fixture must fail the test that reads it,
// never leave it to pass on nothing. Each case below reads a file that does not exist and is
// tagged [!shouldfail]: Catch2 reports it passed only when something in it failed, and its own
// assertions pass on "" and on no flows, so only the helper can fail it: a helper that silently
// returned nothing would turn these cases red.
#include <catch2/catch.hpp>

#include "tests/analyzers/flow/flow_test_util.h"
#include "tests/read_file.h"

namespace {

const char* const k_missing = "tests/fixtures/no-such-fixture.json";

}  // namespace

TEST_CASE("helpers: read_file stops the test on a missing file", "[helpers][!shouldfail]") {
    const std::string text = ccscan::test::read_file(std::string(CCSCAN_SOURCE_DIR) + "/" + k_missing);
    CHECK(text.find("card") == std::string::npos);  // would pass vacuously on ""
}

TEST_CASE("helpers: read_source_file stops the test on a missing fixture", "[helpers][!shouldfail]") {
    CHECK(ccscan::test::read_source_file(k_missing).find("card") == std::string::npos);
}

TEST_CASE("helpers: a flow fixture that is missing yields no graphs but a failure", "[helpers][!shouldfail]") {
    const ccscan::analyzers::ParsedFile parsed = ccscan::test::build_fixture("connect/no-such-flow.json", "amazon-connect-flow");
    CHECK(parsed.flows.size() < 1000);  // any assertion about findings after it would pass vacuously
}

TEST_CASE("helpers: XML that does not parse stops the test", "[helpers][!shouldfail]") {
    const ccscan::analyzers::Document doc = ccscan::test::xml_document("<vxml><form id='pay'>");
    CHECK(doc.root.children.size() < 1000);
}

TEST_CASE("helpers: the same helpers pass on files that exist", "[helpers]") {
    CHECK_FALSE(ccscan::test::read_source_file("tests/fixtures/flows/connect/pay_by_phone.json").empty());
    CHECK_FALSE(ccscan::test::build_fixture("connect/pay_by_phone.json", "amazon-connect-flow").flows.empty());
    CHECK(ccscan::test::xml_document("<vxml><form id='pay'/></vxml>").root.key == "vxml");
}
