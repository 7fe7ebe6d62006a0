// End-to-end: a flow that passes collected values to a Lambda or Twilio Function whose source is
// in the same scan joins the handler's finding (both halves of the path, the flow's data class
// deciding the controls). Files from the realistic evaluation set.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <string>

#include "tests/cli/run_binary.h"

using ccscan::test::run_ccscan;
using ccscan::test::source_dir;

namespace {

const nlohmann::json* find(const nlohmann::json& report, const std::string& rule, const std::string& path) {
    for (const auto& f : report["findings"]) {
        if (f["rule_id"] == rule && f["location"]["path"] == path) return &f;
    }
    return nullptr;
}

bool has_control(const nlohmann::json& f, const std::string& prefix) {
    for (const auto& c : f["controls"]) {
        if (c.get<std::string>().rfind(prefix, 0) == 0) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("cross-artifact: flow half then handler half, controls from the flow's data", "[e2e][flow][code]") {
    auto out = run_ccscan("scan " + source_dir() + "/tests/realistic --format json --fail-on none", false);
    REQUIRE(out.code == 0);
    auto report = nlohmann::json::parse(out.text);

    // Connect -> ARN function:northwind-take-payment -> code/lambda/northwind_take_payment.py (by name).
    const auto* pay = find(report, "CCS-CODE-002", "code/lambda/northwind_take_payment.py");
    REQUIRE(pay);
    const auto& path = (*pay)["path"];
    REQUIRE(path.size() >= 4);
    CHECK(path[0]["location"]["path"] == "connect/card-payment-ssml.json");
    CHECK(path.back()["location"]["path"] == "code/lambda/northwind_take_payment.py");
    CHECK(has_control(*pay, "pci-dss:"));  // the flow collected a card number
    CHECK((*pay)["message"].get<std::string>().find("pan data that flow") != std::string::npos);
    bool related_source = false;
    for (const auto& r : (*pay)["related"]) related_source |= r["path"] == "connect/card-payment-ssml.json";
    CHECK(related_source);

    // Connect -> fabrikam-verify-caller, deployed by serverless.yml from fabrikam-verify-caller/index.js.
    const auto* dob = find(report, "CCS-CODE-002", "code/lambda/fabrikam-verify-caller/index.js");
    REQUIRE(dob);
    REQUIRE(!(*dob)["path"].empty());
    CHECK((*dob)["path"][0]["location"]["path"] == "connect/account-verify-dob.json");
    CHECK_FALSE(has_control(*dob, "pci-dss:"));  // a date of birth is personal data, not card data
    CHECK(has_control(*dob, "gdpr:"));

    // Studio run-function https://...twil.io/pay-balance -> functions/pay-balance.js.
    const auto* studio = find(report, "CCS-CODE-002", "code/twilio-functions/functions/pay-balance.js");
    REQUIRE(studio);
    CHECK((*studio)["path"][0]["location"]["path"] == "studio/pay-by-phone.json");
    CHECK(has_control(*studio, "pci-dss:"));
}

TEST_CASE("cross-artifact: a handler scanned without its flow keeps only its own half", "[e2e][flow][code]") {
    auto out = run_ccscan("scan " + source_dir() + "/tests/realistic/code --format json --fail-on none", false);
    REQUIRE(out.code == 0);
    auto report = nlohmann::json::parse(out.text);
    const auto* dob = find(report, "CCS-CODE-002", "lambda/fabrikam-verify-caller/index.js");
    REQUIRE(dob);
    for (const auto& step : (*dob)["path"]) CHECK(step["location"]["path"] == "lambda/fabrikam-verify-caller/index.js");
    CHECK_FALSE(has_control(*dob, "pci-dss:"));
}
