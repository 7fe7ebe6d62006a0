// One pull's connection to one platform: the only code that builds HTTP requests. A request is
// made from an allow-listed Operation (analyzers/pull/operations.h) named by the caller, its
// path parameters and query; the method and host come from the table. The session signs it
// (AWS SigV4 through libcurl, Twilio basic auth, Genesys Cloud OAuth bearer token fetched with
// the client-credentials grant), retries throttling (429, ThrottlingException and its kin),
// 5xx, timeouts and truncated bodies with exponential backoff and full jitter up to a bounded
// number of attempts, counts every call in the manifest, and scrubs every credential out of
// every message it returns.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyzers/diagnostic.h"
#include "analyzers/pull/credentials.h"
#include "analyzers/pull/http_client.h"
#include "analyzers/pull/manifest.h"
#include "analyzers/pull/operations.h"

namespace ccscan::analyzers::pull {

using Json = nlohmann::ordered_json;

struct SessionOptions {
    HttpOptions http;
    std::string endpoint_url;  // replaces every host of the platform (tests, VPC endpoints)
    int max_retries = 5;
    std::chrono::milliseconds retry_base{400};
    std::chrono::milliseconds retry_cap{20000};
};

struct ApiArgs {
    ApiArgs() = default;
    ApiArgs(std::map<std::string, std::string> p, std::vector<std::pair<std::string, std::string>> q = {})  // NOLINT: implicit by design
        : params(std::move(p)), query(std::move(q)) {}
    std::map<std::string, std::string> params;                // path template values
    std::vector<std::pair<std::string, std::string>> query;  // sorted and encoded by the session
    std::optional<Json> body;                                 // JSON body (POST operations)
    std::string form;                                         // form body (the OAuth token request)
};

// Diagnostic codes a pull distinguishes: pull-auth (credentials rejected or expired: stop),
// pull-throttled (still throttled after the last retry: stop), pull-not-allowed (an operation
// off the allow-list: a bug), pull-tls (the certificate did not verify: stop), others (pull-http, pull-transport, pull-bad-response: this
// resource failed, go on with the rest).
bool is_fatal(const Diagnostic& d);

class ApiSession {
public:
    ApiSession(SessionOptions options, PullManifest& manifest);
    void use_aws(AwsCredentials credentials);
    void use_twilio(TwilioCredentials credentials);
    void use_genesys(GenesysCredentials credentials);

    // Sends the named operation and parses the JSON response.
    Result<Json> call(std::string_view operation, const ApiArgs& args = {});
    // As call(), for a next-page link the API returned (Twilio next_page_url, Genesys nextUri):
    // only its path and query are used, and the path must be the operation's own.
    Result<Json> call_page(std::string_view operation, const std::string& link);
    // GETs a TwiML document from a voice URL an API response named: https only, on the URL's own
    // host, with no credentials. Returns the body.
    Result<std::string> fetch_twiml(const std::string& url);
    // Replaces every credential (and the bearer token) in `text` with "****".
    std::string scrub(std::string text) const;
    // The base URL a host resolves to, for the manifest.
    std::string base_url(ApiHost host) const;
    // The sleep between attempts; tests replace it to run instantly.
    std::function<void(std::chrono::milliseconds)> sleep;

private:
    Result<Json> send(const Operation& op, const std::string& path_and_query, const ApiArgs& args);
    Result<std::string> send_raw(const Operation& op, const std::string& url, const ApiArgs& args, bool want_json);
    bool authorize(const Operation& op, HttpRequest& request, Diagnostic& error);
    Result<bool> fetch_genesys_token();
    std::chrono::milliseconds backoff(int attempt, const std::string& retry_after);
    Diagnostic failure(const Operation& op, std::string code, const std::string& message) const;

    SessionOptions m_options;
    HttpClient m_http;
    PullManifest& m_manifest;
    std::optional<AwsCredentials> m_aws;
    std::optional<TwilioCredentials> m_twilio;
    std::optional<GenesysCredentials> m_genesys;
    std::string m_bearer;
    std::vector<std::string> m_secrets;
    std::mt19937_64 m_rng;
};

// RFC 3986 percent-encoding of everything but unreserved characters (what SigV4 expects).
std::string uri_encode(std::string_view s);

}  // namespace ccscan::analyzers::pull
