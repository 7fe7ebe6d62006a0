// The read-only allow-list: only Describe/List/Get (Twilio: List/Fetch) operations exist, every
// one is a GET except the Lex V2 List* calls AWS defines as POST and the Genesys OAuth token
// request, and the session refuses anything else without sending it.
#include <catch2/catch.hpp>

#include <set>

#include "analyzers/pull/api_session.h"
#include "analyzers/pull/operations.h"

using namespace ccscan::analyzers::pull;

TEST_CASE("pull allow-list: only read operations, GET except the documented POSTs", "[pull][allow-list]") {
    const std::set<std::string_view> read_verbs = {"List", "Describe", "Get", "Fetch"};
    std::set<std::string_view> names;
    for (const Operation& op : operations()) {
        INFO(op.name);
        CHECK(names.insert(op.name).second);  // unique
        CHECK(read_verbs.count(operation_verb(op)) == 1);
        CHECK(is_allow_listed(&op));
        if (op.method == HttpMethod::post) {
            const bool lex_list = op.name.rfind("lex:List", 0) == 0;
            const bool token = op.name == "genesys:GetOAuthToken";
            CHECK((lex_list || token));
        }
        const std::string name(op.name);
        for (const char* verb : {"Create", "Update", "Delete", "Put", "Associate", "Disassociate", "Start", "Stop", "Tag", "Untag", "Import"}) {
            CHECK(name.find(std::string(":") + verb) == std::string::npos);
        }
    }
    CHECK(find_operation("connect:DeleteContactFlow") == nullptr);
    CHECK(find_operation("connect:UpdateContactFlowContent") == nullptr);
    Operation copy = operations().front();
    CHECK_FALSE(is_allow_listed(&copy));
    CHECK_FALSE(is_allow_listed(nullptr));
}

TEST_CASE("pull session: an operation off the allow-list is refused before any request", "[pull][allow-list]") {
    PullManifest manifest;
    SessionOptions options;
    options.endpoint_url = "https://127.0.0.1:9";  // nothing listens: a request would fail differently
    options.max_retries = 0;
    ApiSession session(options, manifest);
    AwsCredentials creds;
    creds.access_key_id = "AKIAEXAMPLEEXAMPLE00";
    creds.secret_access_key = "not-a-real-secret-key";
    creds.region = "eu-west-2";
    session.use_aws(creds);
    for (const char* op : {"connect:DeleteContactFlow", "connect:CreateContactFlow", "lambda:UpdateFunctionCode", "twilio:DeleteStudioFlow", "genesys:DeleteFlow"}) {
        auto r = session.call(op, {{{"InstanceId", "x"}}});
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == "pull-not-allowed");
        CHECK(is_fatal(r.error()));
    }
    auto page = session.call_page("connect:DeleteContactFlow", "https://example.test/x");
    CHECK(page.error().code == "pull-not-allowed");
    CHECK(manifest.operations.empty());  // nothing was sent, nothing counted
}

TEST_CASE("pull session: a next-page link can only point at the same resource", "[pull][allow-list]") {
    PullManifest manifest;
    SessionOptions options;
    options.endpoint_url = "https://127.0.0.1:9";
    ApiSession session(options, manifest);
    for (const char* link : {"https://studio.twilio.com/v2/Flows/FW123/Revisions", "https://evil.example/v1/Services", "/v2/../v1/Services",
                             "relative/path"}) {
        auto r = session.call_page("twilio:ListStudioFlows", link);
        INFO(link);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == "pull-bad-response");
    }
    CHECK(manifest.operations.empty());
}

TEST_CASE("pull session: credentials are scrubbed from messages", "[pull]") {
    PullManifest manifest;
    ApiSession session(SessionOptions{}, manifest);
    TwilioCredentials creds{"AC0123456789abcdef0123456789abcdef", "AC0123456789abcdef0123456789abcdef", "f00dfeedf00dfeedf00dfeedf00dfeed"};
    session.use_twilio(creds);
    const std::string text = session.scrub("user AC0123456789abcdef0123456789abcdef token f00dfeedf00dfeedf00dfeedf00dfeed!");
    CHECK(text == "user **** token ****!");
}

TEST_CASE("pull: uri_encode keeps only unreserved characters", "[pull]") {
    CHECK(uri_encode("attr+page/2==") == "attr%2Bpage%2F2%3D%3D");
    CHECK(uri_encode("a-b_c.d~e") == "a-b_c.d~e");
    CHECK(uri_encode("a b") == "a%20b");
}
