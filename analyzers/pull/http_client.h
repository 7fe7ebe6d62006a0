// The one HTTPS client of `ccscan pull` (libcurl, wrapped here only). TLS verification is always
// on: there is no option to turn it off, only `ca_bundle` to trust another CA (as the AWS CLI's
// --ca-bundle). Requests are built and sent only by ApiSession (analyzers/pull/api_session.h)
// from an allow-listed Operation; `perform` is private to it. Never throws; transport errors are
// Diagnostics naming the host and what failed, never a header or a credential.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analyzers/diagnostic.h"
#include "analyzers/pull/operations.h"

namespace ccscan::analyzers::pull {

struct HttpOptions {
    std::string ca_bundle;          // PEM file of trusted CAs; empty: the system store
    long timeout_s = 60;            // whole request
    long connect_timeout_s = 15;
    std::uint64_t max_body = 64u << 20;  // a response larger than this fails
};

enum class HttpAuthKind { none, aws_sigv4, basic, bearer };

struct HttpRequest {
    HttpMethod method = HttpMethod::get;
    std::string url;
    std::vector<std::string> headers;  // "Name: value"
    std::string body;                  // POST only
    HttpAuthKind auth = HttpAuthKind::none;
    std::string user, secret;          // sigv4: key id + secret key; basic: user + password; bearer: token in secret
    std::string sigv4_scope;           // "aws:amz:REGION:SERVICE"
};

struct HttpResponse {
    long status = 0;
    std::string body;
    std::string retry_after;  // Retry-After header, when sent
};

// A transport failure: `retryable` for timeouts, resets and truncated bodies.
struct TransportError {
    std::string message;
    bool retryable = false;
    bool tls = false;  // the server's certificate did not verify: nothing else will either
};

class HttpClient {
public:
    explicit HttpClient(HttpOptions options);
    const HttpOptions& options() const { return m_options; }

private:
    friend class ApiSession;
    // Sends one request; a response with any status is a success here.
    bool perform(const HttpRequest& request, HttpResponse& response, TransportError& error) const;

    HttpOptions m_options;
};

}  // namespace ccscan::analyzers::pull
