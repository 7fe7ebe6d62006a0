// The credential chains of `ccscan pull`, resolved from a fake environment and profile files.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>

#include "analyzers/pull/credentials.h"
#include "analyzers/pull/manifest.h"
#include "tests/scratch.h"

using namespace ccscan::analyzers::pull;
namespace fs = std::filesystem;

namespace {

std::map<std::string, std::string>& fake_env() {
    static std::map<std::string, std::string> env;
    return env;
}

std::string lookup(const char* name) {
    auto it = fake_env().find(name);
    return it == fake_env().end() ? "" : it->second;
}

void write(const fs::path& p, const std::string& text) {
    std::ofstream out(p);
    out << text;
}

}  // namespace

TEST_CASE("pull credentials: AWS environment, profiles, region order", "[pull][credentials]") {
    const fs::path dir = ccscan::test::scratch_path("ccscan-aws-creds");
    fs::create_directories(dir);
    write(dir / "credentials", "[default]\naws_access_key_id = AKIADEFAULT000000000\naws_secret_access_key = defaultsecret\n"
                               "[audit]\naws_access_key_id=AKIAAUDIT00000000000\naws_secret_access_key=auditsecret\naws_session_token=audittoken\n");
    write(dir / "config", "[default]\nregion = us-east-1\n[profile audit]\nregion = eu-west-2\n[profile sso]\nsso_session = corp\nregion = eu-west-1\n");
    auto& env = fake_env();
    env = {{"AWS_SHARED_CREDENTIALS_FILE", (dir / "credentials").string()}, {"AWS_CONFIG_FILE", (dir / "config").string()}};

    auto d = resolve_aws("", "", &lookup);
    REQUIRE(d.ok());
    CHECK(d->access_key_id == "AKIADEFAULT000000000");
    CHECK(d->region == "us-east-1");

    env["AWS_PROFILE"] = "audit";
    auto a = resolve_aws("", "", &lookup);
    REQUIRE(a.ok());
    CHECK(a->session_token == "audittoken");
    CHECK(a->region == "eu-west-2");
    env["AWS_REGION"] = "ap-southeast-2";
    CHECK(resolve_aws("", "", &lookup)->region == "ap-southeast-2");
    CHECK(resolve_aws("", "ca-central-1", &lookup)->region == "ca-central-1");

    env["AWS_ACCESS_KEY_ID"] = "AKIAENV0000000000000";
    env["AWS_SECRET_ACCESS_KEY"] = "envsecret";
    CHECK(resolve_aws("", "", &lookup)->access_key_id == "AKIAENV0000000000000");
    CHECK(resolve_aws("default", "", &lookup)->access_key_id == "AKIADEFAULT000000000");  // --profile wins

    auto sso = resolve_aws("sso", "", &lookup);
    REQUIRE_FALSE(sso.ok());
    CHECK(sso.error().message.find("SSO") != std::string::npos);
    auto missing = resolve_aws("nobody", "", &lookup);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message.find("nobody") != std::string::npos);
    for (const auto& secret : {"defaultsecret", "auditsecret", "envsecret"}) CHECK(missing.error().message.find(secret) == std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("pull credentials: Twilio auth token or API key, Genesys client credentials", "[pull][credentials]") {
    auto& env = fake_env();
    env = {{"TWILIO_ACCOUNT_SID", "AC00000000000000000000000000000001"}, {"TWILIO_AUTH_TOKEN", "tok"}};
    auto t = resolve_twilio(&lookup);
    REQUIRE(t.ok());
    CHECK(t->username == "AC00000000000000000000000000000001");
    env["TWILIO_API_KEY"] = "SK00000000000000000000000000000001";
    env["TWILIO_API_SECRET"] = "apisecret";
    CHECK(resolve_twilio(&lookup)->username == "SK00000000000000000000000000000001");
    env.erase("TWILIO_ACCOUNT_SID");
    CHECK_FALSE(resolve_twilio(&lookup).ok());

    env = {{"GENESYS_CLOUD_CLIENT_ID", "id"}, {"GENESYS_CLOUD_CLIENT_SECRET", "secret"}};
    CHECK(resolve_genesys("", &lookup)->region == "mypurecloud.com");
    env["GENESYS_CLOUD_REGION"] = "mypurecloud.ie";
    CHECK(resolve_genesys("", &lookup)->region == "mypurecloud.ie");
    CHECK(resolve_genesys("usw2.pure.cloud", &lookup)->region == "usw2.pure.cloud");
    env.erase("GENESYS_CLOUD_CLIENT_SECRET");
    CHECK_FALSE(resolve_genesys("", &lookup).ok());
}

TEST_CASE("pull manifest: round trip and masking", "[pull]") {
    PullManifest m;
    m.platform = "twilio";
    m.account = mask_identifier("AC0123456789abcdef0123456789abcdef");
    m.operations["twilio:ListStudioFlows"] = {2, 1, 0};
    m.failures.push_back({"studio flow 'x'", "twilio:FetchStudioFlow", "HTTP 404"});
    m.files.push_back({"b.json", "00", 2, "src"});
    m.files.push_back({"a.json", "11", 3, "src"});
    m.complete = false;
    CHECK(m.account == std::string(30, '*') + "cdef");
    auto back = manifest_from_json(manifest_to_json(m), "ccscan-pull.json");
    REQUIRE(back.ok());
    CHECK(back->platform == "twilio");
    CHECK_FALSE(back->complete);
    CHECK(back->operations["twilio:ListStudioFlows"].retries == 1);
    REQUIRE(back->files.size() == 2);
    CHECK(back->files[0].path == "a.json");  // sorted
    CHECK(back->failures.at(0).operation == "twilio:FetchStudioFlow");
    CHECK_FALSE(manifest_from_json("{\"x\": 1}", "ccscan-pull.json").ok());
    CHECK_FALSE(manifest_from_json("not json", "ccscan-pull.json").ok());
}
