#include "analyzers/pull/api_session.h"

#include <algorithm>
#include <thread>

namespace ccscan::analyzers::pull {

namespace {

constexpr std::size_t k_error_excerpt = 240;

const char* aws_service(ApiHost host) {
    switch (host) {
        case ApiHost::aws_connect: return "connect";
        case ApiHost::aws_lex: return "lex";
        case ApiHost::aws_lambda: return "lambda";
        default: return "";
    }
}

bool is_aws(ApiHost h) { return h == ApiHost::aws_connect || h == ApiHost::aws_lex || h == ApiHost::aws_lambda; }
bool is_genesys(ApiHost h) { return h == ApiHost::genesys_api || h == ApiHost::genesys_login; }

// The error code and message of an error body (AWS: __type/code/Code + message/Message; Twilio:
// code + message; Genesys: code + message), shortened.
std::pair<std::string, std::string> error_of(const std::string& body) {
    Json j = Json::parse(body, nullptr, false);
    std::string code, message;
    if (j.is_object()) {
        for (const char* k : {"__type", "code", "Code", "error"}) {
            if (j.contains(k) && code.empty()) code = j[k].is_string() ? j[k].get<std::string>() : j[k].dump();
        }
        for (const char* k : {"message", "Message", "error_description"}) {
            if (j.contains(k) && j[k].is_string() && message.empty()) message = j[k].get<std::string>();
        }
    }
    if (auto hash = code.rfind('#'); hash != std::string::npos) code = code.substr(hash + 1);  // "aws.protocol#ThrottlingException"
    if (message.size() > k_error_excerpt) message = message.substr(0, k_error_excerpt) + "...";
    return {code, message};
}

bool throttling_code(const std::string& code) {
    static const char* const k_codes[] = {"ThrottlingException", "TooManyRequestsException", "Throttling", "ThrottledException",
                                          "RequestLimitExceeded", "LimitExceededException", "SlowDown", "20429", "too.many.requests"};
    return std::any_of(std::begin(k_codes), std::end(k_codes), [&](const char* c) { return code == c; });
}

bool auth_code(long status, const std::string& code) {
    static const char* const k_codes[] = {"ExpiredTokenException", "ExpiredToken", "UnrecognizedClientException", "InvalidSignatureException",
                                          "IncompleteSignature", "InvalidClientTokenId", "SignatureDoesNotMatch", "20003", "bad.credentials",
                                          "authentication.required", "invalid_client", "MissingAuthenticationTokenException"};
    if (status == 401) return true;
    return std::any_of(std::begin(k_codes), std::end(k_codes), [&](const char* c) { return code == c; });
}

void replace_all(std::string& text, const std::string& what, const std::string& with) {
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + with.size())) text.replace(at, what.size(), with);
}

}  // namespace

std::string uri_encode(std::string_view s) {
    static const char* k_hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += k_hex[c >> 4];
            out += k_hex[c & 15];
        }
    }
    return out;
}

bool is_fatal(const Diagnostic& d) { return d.code == "pull-auth" || d.code == "pull-throttled" || d.code == "pull-not-allowed" || d.code == "pull-tls"; }

ApiSession::ApiSession(SessionOptions options, PullManifest& manifest)
    : m_options(std::move(options)), m_http(m_options.http), m_manifest(manifest), m_rng(std::random_device{}()) {
    sleep = [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); };
}

void ApiSession::use_aws(AwsCredentials c) {
    for (const std::string& s : c.secrets()) m_secrets.push_back(s);
    m_aws = std::move(c);
}
void ApiSession::use_twilio(TwilioCredentials c) {
    for (const std::string& s : c.secrets()) m_secrets.push_back(s);
    m_twilio = std::move(c);
}
void ApiSession::use_genesys(GenesysCredentials c) {
    for (const std::string& s : c.secrets()) m_secrets.push_back(s);
    m_genesys = std::move(c);
}

std::string ApiSession::scrub(std::string text) const {
    for (const std::string& s : m_secrets) {
        if (s.size() >= 4) replace_all(text, s, "****");
    }
    if (m_bearer.size() >= 4) replace_all(text, m_bearer, "****");
    return text;
}

std::string ApiSession::base_url(ApiHost host) const {
    std::string base = m_options.endpoint_url;
    if (!base.empty()) {
        while (!base.empty() && base.back() == '/') base.pop_back();
        return base;
    }
    const std::string region = m_aws ? m_aws->region : "";
    const std::string gregion = m_genesys ? m_genesys->region : "mypurecloud.com";
    switch (host) {
        case ApiHost::aws_connect: return "https://connect." + region + ".amazonaws.com";
        case ApiHost::aws_lex: return "https://models-v2-lex." + region + ".amazonaws.com";
        case ApiHost::aws_lambda: return "https://lambda." + region + ".amazonaws.com";
        case ApiHost::twilio_api: return "https://api.twilio.com";
        case ApiHost::twilio_studio: return "https://studio.twilio.com";
        case ApiHost::twilio_serverless: return "https://serverless.twilio.com";
        case ApiHost::genesys_api: return "https://api." + gregion;
        case ApiHost::genesys_login: return "https://login." + gregion;
        case ApiHost::twiml_url: return "";
    }
    return "";
}

Diagnostic ApiSession::failure(const Operation& op, std::string code, const std::string& message) const {
    return make_diagnostic(std::move(code), "", {}, scrub(std::string(op.name) + ": " + message));
}

Result<Json> ApiSession::call(std::string_view name, const ApiArgs& args) {
    const Operation* op = find_operation(name);
    if (!is_allow_listed(op)) {
        return make_diagnostic("pull-not-allowed", "", {}, std::string(name) + " is not on the read-only allow-list; not sent");
    }
    std::string path(op->path);
    for (const auto& [key, value] : args.params) replace_all(path, "{" + key + "}", uri_encode(value));
    if (path.find('{') != std::string::npos) return failure(*op, "pull-not-allowed", "missing a path parameter in " + std::string(op->path));
    std::vector<std::pair<std::string, std::string>> query = args.query;
    std::sort(query.begin(), query.end());
    std::string qs;
    for (const auto& [k, v] : query) qs += (qs.empty() ? "?" : "&") + uri_encode(k) + "=" + uri_encode(v);
    return send(*op, path + qs, args);
}

Result<Json> ApiSession::call_page(std::string_view name, const std::string& link) {
    const Operation* op = find_operation(name);
    if (!is_allow_listed(op)) return make_diagnostic("pull-not-allowed", "", {}, std::string(name) + " is not on the read-only allow-list; not sent");
    std::string rest = link;
    if (auto scheme = rest.find("://"); scheme != std::string::npos) {
        auto slash = rest.find('/', scheme + 3);
        rest = slash == std::string::npos ? "/" : rest.substr(slash);
    }
    const std::string path = rest.substr(0, rest.find('?'));
    // Only the same resource (no other path, no template left unfilled): a next-page link can
    // never turn a read into another request.
    const std::string_view tmpl = op->path;
    const std::string prefix(tmpl.substr(0, tmpl.find('{')));
    if (rest.empty() || rest[0] != '/' || path.rfind(prefix, 0) != 0 || path.find("..") != std::string::npos ||
        std::count(path.begin(), path.end(), '/') != std::count(tmpl.begin(), tmpl.end(), '/')) {
        return failure(*op, "pull-bad-response", "next-page link does not point at the same resource; not followed");
    }
    return send(*op, rest, ApiArgs{});
}

bool ApiSession::authorize(const Operation& op, HttpRequest& req, Diagnostic& error) {
    if (is_aws(op.host)) {
        if (!m_aws) return error = failure(op, "pull-auth", "no AWS credentials"), false;
        req.auth = HttpAuthKind::aws_sigv4;
        req.user = m_aws->access_key_id;
        req.secret = m_aws->secret_access_key;
        req.sigv4_scope = "aws:amz:" + m_aws->region + ":" + aws_service(op.host);
        // libcurl signs every header it sends, so the session token is covered by the signature.
        if (!m_aws->session_token.empty()) req.headers.push_back("X-Amz-Security-Token: " + m_aws->session_token);
        return true;
    }
    if (op.host == ApiHost::genesys_login) {
        if (!m_genesys) return error = failure(op, "pull-auth", "no Genesys Cloud credentials"), false;
        req.auth = HttpAuthKind::basic;
        req.user = m_genesys->client_id;
        req.secret = m_genesys->client_secret;
        return true;
    }
    if (is_genesys(op.host)) {
        if (m_bearer.empty()) {
            auto token = fetch_genesys_token();
            if (!token.ok()) return error = token.error(), false;
        }
        req.auth = HttpAuthKind::bearer;
        req.secret = m_bearer;
        return true;
    }
    if (!m_twilio) return error = failure(op, "pull-auth", "no Twilio credentials"), false;
    req.auth = HttpAuthKind::basic;
    req.user = m_twilio->username;
    req.secret = m_twilio->password;
    return true;
}

Result<bool> ApiSession::fetch_genesys_token() {
    ApiArgs args;
    args.form = "grant_type=client_credentials";
    auto token = call("genesys:GetOAuthToken", args);
    if (!token.ok()) {
        Diagnostic d = token.error();
        d.code = "pull-auth";
        return d;
    }
    if (!token->is_object() || !token->contains("access_token") || !(*token)["access_token"].is_string()) {
        return make_diagnostic("pull-auth", "", {}, "genesys:GetOAuthToken: the response has no access_token");
    }
    m_bearer = (*token)["access_token"].get<std::string>();
    return true;
}

std::chrono::milliseconds ApiSession::backoff(int attempt, const std::string& retry_after) {
    using std::chrono::milliseconds;
    const long long cap = static_cast<long long>(m_options.retry_cap.count());
    long long ceiling = std::min<long long>(cap, static_cast<long long>(m_options.retry_base.count()) << std::min(attempt, 20));
    std::uniform_int_distribution<long long> jitter(0, std::max(0LL, ceiling));
    long long wait = jitter(m_rng);  // "full jitter"
    if (!retry_after.empty() && std::all_of(retry_after.begin(), retry_after.end(), ::isdigit) && retry_after.size() < 6) {
        wait = std::max(wait, std::min(cap, std::stoll(retry_after) * 1000));
    }
    return milliseconds(wait);
}

Result<Json> ApiSession::send(const Operation& op, const std::string& path_and_query, const ApiArgs& args) {
    auto body = send_raw(op, base_url(op.host) + path_and_query, args, true);
    if (!body.ok()) return body.error();
    return Json::parse(*body);
}

Result<std::string> ApiSession::fetch_twiml(const std::string& url) {
    const Operation* op = find_operation("twilio:FetchVoiceUrlTwiml");
    if (url.rfind("https://", 0) != 0) return failure(*op, "pull-http", "not an https URL; not fetched");
    return send_raw(*op, url, ApiArgs{}, false);
}

Result<std::string> ApiSession::send_raw(const Operation& op, const std::string& url, const ApiArgs& args, bool want_json) {
    OperationCount& count = m_manifest.operations[std::string(op.name)];
    HttpRequest req;
    req.method = op.method;  // from the allow-list, never from the caller
    req.url = url;
    req.headers.push_back(op.host == ApiHost::twiml_url ? "Accept: application/xml, text/xml" : "Accept: application/json");
    if (op.method == HttpMethod::post) {
        if (!args.form.empty()) {
            req.body = args.form;
            req.headers.push_back("Content-Type: application/x-www-form-urlencoded");
        } else {
            req.body = args.body ? args.body->dump() : "{}";
            req.headers.push_back("Content-Type: application/json");
        }
    }
    Diagnostic auth_error;
    if (op.host != ApiHost::twiml_url && !authorize(op, req, auth_error)) return auth_error;
    bool refreshed = false;
    std::string last;
    int attempts = 0;
    for (int attempt = 0; attempt <= m_options.max_retries; ++attempt) {
        attempts = attempt + 1;
        if (attempt > 0) ++count.retries;
        ++count.calls;
        HttpResponse resp;
        TransportError terr;
        std::string retry_after;
        if (!m_http.perform(req, resp, terr)) {
            last = terr.message;
            if (terr.tls) {
                ++count.failures;
                return failure(op, "pull-tls", last);
            }
            if (!terr.retryable) break;
        } else if (resp.status >= 200 && resp.status < 300) {
            if (!want_json || Json::accept(resp.body)) return resp.body;
            last = "the response is not valid JSON (truncated?)";
        } else {
            auto [code, message] = error_of(resp.body);
            const std::string what = "HTTP " + std::to_string(resp.status) + (code.empty() ? "" : " " + code) + (message.empty() ? "" : ": " + message);
            if (resp.status == 429 || throttling_code(code)) {
                last = "throttled (" + what + ")";
                retry_after = resp.retry_after;
                if (attempt == m_options.max_retries) {
                    ++count.failures;
                    return failure(op, "pull-throttled", last + " after " + std::to_string(attempt + 1) +
                                                             " attempts; try again later or ask for a higher API rate limit");
                }
            } else if (is_genesys(op.host) && op.host != ApiHost::genesys_login && resp.status == 401 && !refreshed) {
                refreshed = true;  // an expired token: fetch a new one once
                m_bearer.clear();
                if (!authorize(op, req, auth_error)) return auth_error;
                req.secret = m_bearer;
                continue;
            } else if (auth_code(resp.status, code)) {
                ++count.failures;
                return failure(op, "pull-auth", "credentials rejected (" + what + "); they may have expired: refresh them and pull again");
            } else if (resp.status >= 500 && resp.status != 501) {
                last = what;
            } else {
                ++count.failures;
                return failure(op, "pull-http", what);
            }
        }
        if (attempt < m_options.max_retries) sleep(backoff(attempt, retry_after));
    }
    ++count.failures;
    return failure(op, "pull-transport", last + " (after " + std::to_string(attempts) + (attempts == 1 ? " attempt)" : " attempts)"));
}

}  // namespace ccscan::analyzers::pull
