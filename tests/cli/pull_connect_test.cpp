// `ccscan pull connect` end to end against the fake Amazon Connect / Lex / Lambda API
// (tests/fixtures/pull/connect/routes.json): SigV4 with a session token checked by the server,
// NextToken pagination (with a token that needs percent-encoding), a 429, a 500, a dropped
// connection and a truncated body each retried, an access-denied flow listed as failed while
// the rest is written; then the pulled folder is scanned and compared with the same flow files
// placed by hand, and every output is searched for the credentials.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <random>
#include <set>

#include "analyzers/hash.h"
#include "tests/cli/pull_server.h"

namespace fs = std::filesystem;
using ccscan::test::PullServer;
using ccscan::test::read_all;
using ccscan::test::run_ccscan;
using ccscan::test::run_ccscan_env;

namespace {

constexpr const char* k_instance = "0c1d2e3f-aaaa-4bbb-8ccc-444455556666";

struct AwsSecrets {
    std::string key, secret, token, env_value;
};

std::string random_text(std::mt19937& rng, int n, std::string_view alphabet) {
    std::string s;
    std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
    for (int i = 0; i < n; ++i) s += alphabet[pick(rng)];
    return s;
}

AwsSecrets make_secrets() {
    std::mt19937 rng(std::random_device{}());
    const std::string upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    const std::string mixed = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    return {"AKIA" + random_text(rng, 16, upper), random_text(rng, 40, mixed), "IQoJb3JpZ2lu" + random_text(rng, 60, mixed),
            "sk_live_" + random_text(rng, 24, mixed)};
}

std::map<std::string, std::string> server_env(const AwsSecrets& s) {
    return {{"PULL_AWS_KEY", s.key}, {"PULL_AWS_SECRET", s.secret}, {"PULL_AWS_TOKEN", s.token}, {"PULL_ENV_SECRET", s.env_value}};
}

std::string client_env(const AwsSecrets& s) {
    return "env -u AWS_PROFILE AWS_ACCESS_KEY_ID=" + s.key + " AWS_SECRET_ACCESS_KEY=" + s.secret + " AWS_SESSION_TOKEN=" + s.token +
           " AWS_CONFIG_FILE=/nonexistent AWS_SHARED_CREDENTIALS_FILE=/nonexistent";
}

std::string pull_args(const PullServer& server, const fs::path& out, const std::string& extra = "") {
    return std::string("pull connect --instance-id ") + k_instance + " --region eu-west-2 --endpoint-url " + server.url() + " --ca-bundle " +
           server.ca() + " --retry-base-ms 1 --output " + out.string() + " " + extra;
}

void check_no_secret(const std::string& where, const std::string& text, const AwsSecrets& s) {
    INFO(where);
    CHECK(text.find(s.key) == std::string::npos);
    CHECK(text.find(s.secret) == std::string::npos);
    CHECK(text.find(s.token) == std::string::npos);
    CHECK(text.find(s.env_value) == std::string::npos);
}

// rule id, path and line of every finding of a JSON report.
std::multiset<std::string> finding_keys(const std::string& json_text, const std::string& path_prefix) {
    std::multiset<std::string> keys;
    auto j = nlohmann::json::parse(json_text, nullptr, false);
    if (!j.is_object() || !j.contains("findings")) return keys;
    for (const auto& f : j["findings"]) {
        const std::string path = f["location"]["path"].get<std::string>();
        if (path.rfind(path_prefix, 0) == 0) keys.insert(f["rule_id"].get<std::string>() + " " + path + ":" + std::to_string(f["location"]["start_line"].get<int>()));
    }
    return keys;
}

}  // namespace

TEST_CASE("pull connect: every resource is read through pagination, retries and a denied flow, then scanned", "[e2e][pull]") {
    if (!PullServer::available()) {
        WARN("python3 or openssl missing: pull tests skipped");
        return;
    }
    const AwsSecrets secrets = make_secrets();
    PullServer server("connect", "connect/routes.json", server_env(secrets));
    REQUIRE(server.running());
    const fs::path out = server.dir() / "out";
    auto r = run_ccscan_env(client_env(secrets), pull_args(server, out, "--no-progress"));
    INFO(r.text);
    CHECK(r.code == 1);  // written, with one resource failed
    CHECK(r.text.find("contact flow 'Supervisor whisper'") != std::string::npos);
    CHECK(r.text.find("AccessDeniedException") != std::string::npos);
    check_no_secret("pull output", r.text, secrets);

    // Every request was signed correctly (the server checks SigV4 and the session token) and
    // none was rejected for its credentials.
    const auto requests = server.requests();
    REQUIRE(!requests.empty());
    int retried_429 = 0;
    for (const std::string& line : requests) {
        INFO(line);
        CHECK(line.find("auth_error") == std::string::npos);
        const bool allowed = line.find("\"method\": \"GET\"") != std::string::npos || line.find("/botversions/") != std::string::npos;
        CHECK(allowed);
        if (line.find("\"status\": 429") != std::string::npos) ++retried_429;
    }
    CHECK(retried_429 == 1);
    CHECK(std::any_of(requests.begin(), requests.end(), [](const std::string& l) { return l.find("nextToken=attr%2Bpage%2F2%3D%3D") != std::string::npos; }));
    CHECK(std::any_of(requests.begin(), requests.end(), [](const std::string& l) { return l.find("nextToken=flows-page-2") != std::string::npos; }));

    // The flows are written exactly as DescribeContactFlow's Content.
    const std::string fixtures = ccscan::test::source_dir() + "/tests/fixtures/pull/connect/flows/";
    CHECK(read_all(out / "connect/flows/Card-payment.f1000000.json") == read_all(fixtures + "card-payment.json"));
    CHECK(read_all(out / "connect/flows/Main-menu.f2000000.json") == read_all(fixtures + "main-menu.json"));
    CHECK(read_all(out / "connect/modules/Logging-module.m1000000.json") == read_all(fixtures + "logging-module.json"));
    CHECK(!fs::exists(out / "connect/flows/Supervisor-whisper.f3000000.json"));

    // The manifest: scope, masked account, operations, the failure, a hash of every file.
    auto manifest = nlohmann::json::parse(read_all(out / "ccscan-pull.json"));
    CHECK(manifest["platform"] == "amazon-connect");
    CHECK(manifest["account"] == "********3333");
    CHECK(manifest["complete"] == true);
    CHECK(manifest["operations"]["connect:ListContactFlows"]["retries"] == 1);
    CHECK(manifest["operations"]["connect:DescribeContactFlow"]["retries"] == 2);
    CHECK(manifest["operations"]["connect:DescribeContactFlowModule"]["retries"] == 1);
    REQUIRE(manifest["failures"].size() == 2);
    CHECK(manifest["failures"][0]["operation"] == "connect:DescribeContactFlow");
    CHECK(manifest["failures"][1]["resource"] == "lex V1 bot 'LegacyBilling'");  // listed, not pulled
    CHECK(manifest["files"].size() == 7);
    for (const auto& f : manifest["files"]) {
        CHECK(ccscan::analyzers::sha256_hex(read_all(out / f["path"].get<std::string>())) == f["sha256"]);
    }
    // Phone numbers masked, Lambda environment values never written.
    const std::string tree = ccscan::test::read_tree(out);
    CHECK(tree.find("+442079460123") == std::string::npos);
    CHECK(tree.find("PAYMENT_API_KEY") != std::string::npos);
    check_no_secret("pulled files", tree, secrets);

    // Scanned: the flows as Connect flows, the storage configs as CloudFormation, the bot as Lex.
    auto scan = run_ccscan("scan " + out.string() + " --format json -q", false);
    CHECK(scan.code == 1);
    CHECK(scan.text.find("\"rule_id\": \"CCS-FLOW-001\"") != std::string::npos);
    CHECK(scan.text.find("\"rule_id\": \"CCS-IAC-002\"") != std::string::npos);
    CHECK(scan.text.find("\"rule_id\": \"CCS-LEX-001\"") != std::string::npos);
    CHECK(scan.text.find("\"pull.platform\": \"amazon-connect\"") != std::string::npos);
    CHECK(scan.text.find("Supervisor whisper") != std::string::npos);  // the failed resource is in the report
    check_no_secret("scan report", scan.text, secrets);

    // The same flow files placed by hand give the same flow findings.
    const fs::path hand = server.dir() / "hand";
    fs::create_directories(hand / "connect/flows");
    fs::create_directories(hand / "connect/modules");
    fs::copy_file(fixtures + "card-payment.json", hand / "connect/flows/Card-payment.f1000000.json");
    fs::copy_file(fixtures + "main-menu.json", hand / "connect/flows/Main-menu.f2000000.json");
    fs::copy_file(fixtures + "logging-module.json", hand / "connect/modules/Logging-module.m1000000.json");
    auto by_hand = run_ccscan("scan " + hand.string() + " --format json -q", false);
    const auto pulled_keys = finding_keys(scan.text, "connect/flows/");
    CHECK(!pulled_keys.empty());
    CHECK(pulled_keys == finding_keys(by_hand.text, "connect/flows/"));
    CHECK(finding_keys(scan.text, "connect/modules/") == finding_keys(by_hand.text, "connect/modules/"));
}

TEST_CASE("pull connect: throttled past the last retry stops with a clear error and an incomplete manifest", "[e2e][pull]") {
    if (!PullServer::available()) return;
    const AwsSecrets secrets = make_secrets();
    PullServer server("connect-throttle", "connect/routes-throttled.json", server_env(secrets));
    REQUIRE(server.running());
    const fs::path out = server.dir() / "out";
    auto r = run_ccscan_env(client_env(secrets), pull_args(server, out, "--max-retries 2"));
    INFO(r.text);
    CHECK(r.code == 1);
    CHECK(r.text.find("throttled (HTTP 400 ThrottlingException: Rate exceeded) after 3 attempts") != std::string::npos);
    CHECK(r.text.find("stopped early") != std::string::npos);
    auto manifest = nlohmann::json::parse(read_all(out / "ccscan-pull.json"));
    CHECK(manifest["complete"] == false);
    CHECK(manifest["operations"]["connect:ListContactFlows"]["calls"] == 3);
    CHECK(!manifest["operations"].contains("connect:ListContactFlowModules"));
    check_no_secret("throttled pull", r.text + ccscan::test::read_tree(out), secrets);
}

TEST_CASE("pull connect: expired or wrong credentials stop the pull without printing them", "[e2e][pull]") {
    if (!PullServer::available()) return;
    const AwsSecrets secrets = make_secrets();
    SECTION("expired session token") {
        PullServer server("connect-expired", "connect/routes-expired.json", server_env(secrets));
        REQUIRE(server.running());
        auto r = run_ccscan_env(client_env(secrets), pull_args(server, server.dir() / "out"));
        INFO(r.text);
        CHECK(r.code == 1);
        CHECK(r.text.find("credentials rejected (HTTP 403 ExpiredTokenException") != std::string::npos);
        CHECK(server.requests().size() == 1);  // not retried, not continued
        CHECK(r.text.find("(access key ****)") != std::string::npos);  // the server echoed the key id: scrubbed
        check_no_secret("expired", r.text + ccscan::test::read_tree(server.dir() / "out"), secrets);
    }
    SECTION("a secret key the server does not know") {
        PullServer server("connect-wrong", "connect/routes.json", server_env(secrets));
        REQUIRE(server.running());
        AwsSecrets wrong = secrets;
        wrong.secret = make_secrets().secret;
        auto r = run_ccscan_env(client_env(wrong), pull_args(server, server.dir() / "out"));
        INFO(r.text);
        CHECK(r.code == 1);
        CHECK(r.text.find("credentials rejected") != std::string::npos);
        check_no_secret("wrong key", r.text + ccscan::test::read_tree(server.dir() / "out"), wrong);
    }
}

TEST_CASE("pull connect: TLS is verified; without the test CA the pull fails", "[e2e][pull]") {
    if (!PullServer::available()) return;
    const AwsSecrets secrets = make_secrets();
    PullServer server("connect-tls", "connect/routes.json", server_env(secrets));
    REQUIRE(server.running());
    auto r = run_ccscan_env(client_env(secrets), std::string("pull connect --instance-id ") + k_instance + " --region eu-west-2 --endpoint-url " +
                                                     server.url() + " --output " + (server.dir() / "out").string());
    INFO(r.text);
    CHECK(r.code == 1);
    CHECK(r.text.find("--ca-bundle") != std::string::npos);
    CHECK(server.requests().empty());  // the handshake failed before any request was sent
    auto plain = run_ccscan_env(client_env(secrets), std::string("pull connect --instance-id ") + k_instance +
                                                         " --region eu-west-2 --endpoint-url http://127.0.0.1:9 --output " +
                                                         (server.dir() / "out2").string());
    CHECK(plain.code == 1);
    CHECK(plain.text.find("Unsupported protocol") != std::string::npos);
}

TEST_CASE("pull connect: missing credentials or instance are usage errors", "[e2e][pull]") {
    auto r = run_ccscan_env("env -u AWS_ACCESS_KEY_ID -u AWS_PROFILE AWS_CONFIG_FILE=/nonexistent AWS_SHARED_CREDENTIALS_FILE=/nonexistent",
                            "pull connect --instance-id x --region eu-west-2 --output /tmp/ccscan-pull-never");
    CHECK(r.code == 2);
    CHECK(r.text.find("no AWS credentials") != std::string::npos);
    auto n = run_ccscan_env("AWS_ACCESS_KEY_ID=AKIAEXAMPLE AWS_SECRET_ACCESS_KEY=x", "pull connect --region eu-west-2 --output /tmp/ccscan-pull-never");
    CHECK(n.code == 2);
    CHECK(n.text.find("--instance-id") != std::string::npos);
    CHECK(!fs::exists("/tmp/ccscan-pull-never"));
}

TEST_CASE("pull connect: verify re-checks the pulled files against the manifest and the report", "[e2e][pull]") {
    if (!PullServer::available()) return;
    const AwsSecrets secrets = make_secrets();
    PullServer server("connect-verify", "connect/routes.json", server_env(secrets));
    REQUIRE(server.running());
    const fs::path out = server.dir() / "out";
    REQUIRE(run_ccscan_env(client_env(secrets), pull_args(server, out, "-q")).code == 1);
    const fs::path report = server.dir() / "report.json";
    run_ccscan("scan " + out.string() + " --format json --output " + report.string() + " -q");
    auto clean = run_ccscan("verify " + report.string());
    INFO(clean.text);
    CHECK(clean.code == 0);
    CHECK(clean.text.find("ccscan-pull.json: 7 pulled file(s) unchanged, 0 changed, 0 missing") != std::string::npos);
    // A pulled flow edited after the pull: verify says so, and a new scan reports the drift.
    std::ofstream(out / "connect/flows/Main-menu.f2000000.json", std::ios::app) << " ";
    auto drift = run_ccscan("verify " + report.string());
    INFO(drift.text);
    CHECK(drift.code == 1);
    CHECK(drift.text.find("changed   connect/flows/Main-menu.f2000000.json  (differs from the pulled copy") != std::string::npos);
    auto rescan = run_ccscan("scan " + out.string() + " --format json -q", false);
    CHECK(rescan.text.find("\"pull-drift\"") != std::string::npos);
}

TEST_CASE("pull connect: a request that outlives --timeout is retried", "[e2e][pull]") {
    if (!PullServer::available()) return;
    const AwsSecrets secrets = make_secrets();
    PullServer server("connect-timeout", "connect/routes-timeout.json", server_env(secrets));
    REQUIRE(server.running());
    const fs::path out = server.dir() / "out";
    auto r = run_ccscan_env(client_env(secrets), pull_args(server, out, "--timeout 2 -q"));
    INFO(r.text);
    auto manifest = nlohmann::json::parse(read_all(out / "ccscan-pull.json"));
    CHECK(manifest["operations"]["connect:DescribeInstance"]["retries"].get<int>() >= 1);
    CHECK(manifest["operations"]["connect:DescribeInstance"]["failures"] == 0);
    CHECK(manifest["account"] == "********3333");  // read on a later attempt
}
