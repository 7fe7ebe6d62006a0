// Baselines survive edits: shift every finding's line and reformat the flow, and the scan still
// passes; add one new violation and only it is reported.
#include <catch2/catch.hpp>

#include "tests/scratch.h"

#include <filesystem>
#include <fstream>
#include <algorithm>
#include <cmath>
#include <sstream>

#include <nlohmann/json.hpp>

#include "tests/cli/run_binary.h"
#include "tests/read_file.h"

namespace fs = std::filesystem;
using ccscan::test::run_ccscan;

namespace {

using ccscan::test::read_file;

nlohmann::ordered_json unsuppressed(const std::string& report) {
    auto doc = nlohmann::ordered_json::parse(report);
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& f : doc["findings"]) {
        if (!f.contains("suppression") || f["suppression"].is_null() || f["suppression"].value("kind", "none") == "none") out.push_back(f);
    }
    return out;
}

}  // namespace

TEST_CASE("baseline: edits keep findings matched; a new violation fails alone", "[e2e][baseline]") {
    fs::path repo = ccscan::test::scratch_path("ccscan-baseline-repo");
    fs::remove_all(repo);
    fs::create_directories(repo / "flows");
    fs::copy_file(ccscan::test::source_dir() + "/tests/fixtures/flows/connect/pay_by_phone.json", repo / "flows" / "pay.json");
    std::string baseline = (repo / "baseline.json").string();
    std::string scan = "scan " + (repo / "flows").string() + " --format json -q --fail-on low --baseline " + baseline;

    auto created = run_ccscan("baseline create " + (repo / "flows").string() + " --output " + baseline);
    REQUIRE(created.code == 0);
    auto before = run_ccscan("scan " + (repo / "flows").string() + " --format json -q --fail-on none", false);
    REQUIRE(nlohmann::json::parse(before.text)["findings"].size() > 3);
    CHECK(run_ccscan(scan).code == 0);

    // Reformat the whole flow (every line moves) and reorder its actions.
    auto flow = nlohmann::ordered_json::parse(read_file(repo / "flows" / "pay.json"));
    std::reverse(flow["Actions"].begin(), flow["Actions"].end());
    std::ofstream(repo / "flows" / "pay.json") << "\n\n\n" << flow.dump(7) << "\n";
    auto shifted = run_ccscan(scan, false);
    INFO(shifted.text.substr(0, 3000));
    CHECK(shifted.code == 0);
    CHECK(unsuppressed(shifted.text).empty());

    // One new violation: a CVV prompt stored without encryption while recording is on.
    nlohmann::ordered_json cvv = {
        {"Identifier", "security-code"},
        {"Type", "GetParticipantInput"},
        {"Parameters", {{"Text", "Please enter the three digit security code on the back of your card."}, {"StoreInput", "True"}}},
        {"Transitions", {{"NextAction", "save-card"}}}};
    for (auto& a : flow["Actions"]) {
        if (a["Identifier"] == "card-number") a["Transitions"]["NextAction"] = "security-code";
    }
    flow["Actions"].push_back(cvv);
    std::ofstream(repo / "flows" / "pay.json") << flow.dump(2) << "\n";
    auto added = run_ccscan(scan, false);
    CHECK(added.code == 1);
    auto fresh = unsuppressed(added.text);
    REQUIRE_FALSE(fresh.empty());
    // Every new finding is at the new action.
    std::string text = read_file(repo / "flows" / "pay.json");
    std::size_t at = text.find("\"Identifier\": \"security-code\"");
    REQUIRE(at != std::string::npos);
    int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
    for (const auto& f : fresh) {
        INFO(f.dump());
        CHECK(std::abs(f["location"]["start_line"].get<int>() - line) <= 1);
    }
}
