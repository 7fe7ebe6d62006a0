// `ccscan pull twilio` and `ccscan pull genesys` end to end against the fake APIs
// (tests/fixtures/pull/twilio|genesys/routes.json): basic auth and OAuth client credentials
// checked by the server, Twilio next_page_url / next_page_uri and Genesys pageNumber/pageCount
// pagination, a 429 and an expired bearer token recovered, a missing resource listed as failed,
// TwiML fetched from a voice URL without credentials; then scanned, and every output searched
// for the secrets.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <random>

#include "tests/cli/pull_server.h"

namespace fs = std::filesystem;
using ccscan::test::PullServer;
using ccscan::test::read_all;
using ccscan::test::read_tree;
using ccscan::test::run_ccscan;
using ccscan::test::run_ccscan_env;

namespace {

constexpr const char* k_account = "ACa1b2c3d4e5f60718293a4b5c6d7e8f90";

std::string random_hex(int n) {
    std::mt19937 rng(std::random_device{}());
    std::uniform_int_distribution<int> d(0, 15);
    std::string s;
    for (int i = 0; i < n; ++i) s += "0123456789abcdef"[d(rng)];
    return s;
}

void check_absent(const std::string& where, const std::string& text, const std::vector<std::string>& secrets) {
    INFO(where);
    for (const std::string& s : secrets) CHECK(text.find(s) == std::string::npos);
}

}  // namespace

TEST_CASE("pull twilio: studio flows, applications, numbers, TwiML and serverless metadata, then scanned", "[e2e][pull]") {
    if (!PullServer::available()) {
        WARN("python3 or openssl missing: pull tests skipped");
        return;
    }
    const std::string token = random_hex(32);
    PullServer server("twilio", "twilio/routes.json", {{"PULL_BASIC_USER", k_account}, {"PULL_BASIC_PASSWORD", token}});
    REQUIRE(server.running());
    const fs::path out = server.dir() / "out";
    const std::string env = std::string("env -u TWILIO_API_KEY TWILIO_ACCOUNT_SID=") + k_account + " TWILIO_AUTH_TOKEN=" + token;
    auto r = run_ccscan_env(env, "pull twilio --endpoint-url " + server.url() + " --ca-bundle " + server.ca() + " --retry-base-ms 1 --output " +
                                     out.string());
    INFO(r.text);
    CHECK(r.code == 1);
    CHECK(r.text.find("studio flow 'Customer survey'") != std::string::npos);  // 404: listed as failed
    CHECK(r.text.find("voice URL is not https") != std::string::npos);
    const std::vector<std::string> requests = server.requests();
    REQUIRE_FALSE(requests.empty());  // no request log: the checks below would pass on nothing
    for (const std::string& line : requests) {
        INFO(line);
        CHECK(line.find("auth_error") == std::string::npos);  // the TwiML URL got no Authorization header either
        CHECK(line.find("\"method\": \"GET\"") != std::string::npos);
    }
    const std::string fixtures = ccscan::test::source_dir() + "/tests/fixtures/pull/twilio/";
    CHECK(read_all(out / "twilio/studio/Billing-IVR.FW0a1b2c3d.json") == read_all(fixtures + "studio/billing-ivr.json"));
    CHECK(read_all(out / "twilio/twiml/application-Payments-line-AP0a1b2c3d4e5f60718293a4b5c6d7e8f9.xml") == read_all(fixtures + "twiml/payments.xml"));
    auto manifest = nlohmann::json::parse(read_all(out / "ccscan-pull.json"));
    CHECK(manifest["platform"] == "twilio");
    CHECK(manifest["operations"]["twilio:ListStudioFlows"]["calls"] == 3);  // two pages, one 429
    CHECK(manifest["operations"]["twilio:ListIncomingPhoneNumbers"]["calls"] == 2);
    CHECK(manifest["operations"]["twilio:FetchVoiceUrlTwiml"]["calls"] == 1);  // the same URL is fetched once
    const std::string tree = read_tree(out);
    CHECK(tree.find("+15005550006") == std::string::npos);
    CHECK(tree.find("charge-card") != std::string::npos);
    check_absent("twilio pull", r.text + tree, {token, k_account});

    auto scan = run_ccscan("scan " + out.string() + " --format json -q", false);
    CHECK(scan.code == 1);
    CHECK(scan.text.find("\"rule_id\": \"CCS-FLOW-011\"") != std::string::npos);  // the Studio flow
    CHECK(scan.text.find("twilio/twiml/application-Payments-line") != std::string::npos);
    CHECK(scan.text.find("\"pull.platform\": \"twilio\"") != std::string::npos);
    check_absent("twilio scan", scan.text, {token, k_account});
}

TEST_CASE("pull genesys: flows, retention policies, queues, trunks and integrations, then scanned", "[e2e][pull]") {
    if (!PullServer::available()) return;
    const std::string id = random_hex(8) + "-0000-4000-8000-" + random_hex(12);
    const std::string secret = random_hex(43);
    const std::string bearer = random_hex(40);
    PullServer server("genesys", "genesys/routes.json", {{"PULL_BASIC_USER", id}, {"PULL_BASIC_PASSWORD", secret}, {"PULL_BEARER", bearer}});
    REQUIRE(server.running());
    const fs::path out = server.dir() / "out";
    const std::string env = "GENESYS_CLOUD_CLIENT_ID=" + id + " GENESYS_CLOUD_CLIENT_SECRET=" + secret + " GENESYS_CLOUD_REGION=mypurecloud.ie";
    auto r = run_ccscan_env(env, "pull genesys --endpoint-url " + server.url() + " --ca-bundle " + server.ca() + " --retry-base-ms 1 -o " + out.string());
    INFO(r.text);
    CHECK(r.code == 1);
    CHECK(r.text.find("architect flow 'Secure payment'") != std::string::npos);
    int token_requests = 0;
    const std::vector<std::string> requests = server.requests();
    REQUIRE_FALSE(requests.empty());
    for (const std::string& line : requests) {
        INFO(line);
        CHECK(line.find("auth_error") == std::string::npos);
        if (line.find("/oauth/token") != std::string::npos) ++token_requests;
        else CHECK(line.find("\"method\": \"GET\"") != std::string::npos);
    }
    CHECK(token_requests == 2);  // the first token was refused once (expired) and fetched again
    auto manifest = nlohmann::json::parse(read_all(out / "ccscan-pull.json"));
    CHECK(manifest["platform"] == "genesys-cloud");
    CHECK(manifest["region"] == "mypurecloud.ie");
    CHECK(manifest["operations"]["genesys:GetFlows"]["calls"] == 3);
    CHECK(fs::exists(out / "genesys/flows/Billing-inbound.a1c4e7f0.json"));
    CHECK(fs::exists(out / "genesys/trunk-base-settings.json"));
    CHECK(fs::exists(out / "genesys/integrations.json"));
    const std::string tf = read_all(out / "genesys/recording-and-queues.tf.json");
    CHECK(tf.find("\"genesyscloud_recording_media_retention_policy\"") != std::string::npos);
    CHECK(tf.find("\"enable_transcription\": true") != std::string::npos);
    check_absent("genesys pull", r.text + read_tree(out), {id, secret, bearer});

    auto scan = run_ccscan("scan " + out.string() + " --format json,sarif,html,text --output " + (server.dir() / "report").string() + " -q", false);
    CHECK(scan.code == 0);  // the findings are medium: below the default --fail-on high
    const std::string json = read_all(server.dir() / "report/ccscan.json");
    CHECK(json.find("\"rule_id\": \"CCS-GEN-101\"") != std::string::npos);  // seven-year retention over the policy maximum
    CHECK(json.find("genesys/recording-and-queues.tf.json") != std::string::npos);
    CHECK(json.find("\"pull.platform\": \"genesys-cloud\"") != std::string::npos);
    CHECK(read_all(server.dir() / "report/ccscan.html").find("genesys-cloud") != std::string::npos);
    check_absent("genesys reports", read_tree(server.dir() / "report") + scan.text, {id, secret, bearer});
}

TEST_CASE("scan --pull pulls into a temporary folder and scans it in one step", "[e2e][pull]") {
    if (!PullServer::available()) return;
    const std::string token = random_hex(32);
    PullServer server("scan-pull", "twilio/routes.json", {{"PULL_BASIC_USER", k_account}, {"PULL_BASIC_PASSWORD", token}});
    REQUIRE(server.running());
    const std::string env = std::string("env -u TWILIO_API_KEY TWILIO_ACCOUNT_SID=") + k_account + " TWILIO_AUTH_TOKEN=" + token;
    auto r = run_ccscan_env(env, "scan --pull twilio --endpoint-url " + server.url() + " --ca-bundle " + server.ca() +
                                     " --retry-base-ms 1 --format json -q");
    INFO(r.text);
    CHECK(r.code == 1);
    CHECK(r.text.find("\"rule_id\": \"CCS-FLOW-011\"") != std::string::npos);
    CHECK(r.text.find("\"pull twilio\"") != std::string::npos);  // the target as given
    CHECK(r.text.find("\"pull-failed\"") != std::string::npos);   // the 404 flow, listed as failed
    check_absent("scan --pull", r.text, {token, k_account});
}
