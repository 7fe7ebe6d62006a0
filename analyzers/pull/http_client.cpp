#include "analyzers/pull/http_client.h"

#include <curl/curl.h>

#include <memory>
#include <mutex>

namespace ccscan::analyzers::pull {

namespace {

void ensure_curl() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Sink {
    std::string* body;
    std::string* retry_after;
    std::uint64_t max;
    bool too_large = false;
};

std::size_t on_body(char* data, std::size_t size, std::size_t n, void* user) {
    auto* sink = static_cast<Sink*>(user);
    if (sink->body->size() + size * n > sink->max) {
        sink->too_large = true;
        return 0;
    }
    sink->body->append(data, size * n);
    return size * n;
}

std::size_t on_header(char* data, std::size_t size, std::size_t n, void* user) {
    auto* sink = static_cast<Sink*>(user);
    std::string line(data, size * n);
    static constexpr std::string_view k_name = "retry-after:";
    if (line.size() > k_name.size()) {
        std::string lower = line.substr(0, k_name.size());
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (lower == k_name) {
            std::string v = line.substr(k_name.size());
            while (!v.empty() && (v.back() == '\r' || v.back() == '\n' || v.back() == ' ')) v.pop_back();
            while (!v.empty() && v.front() == ' ') v.erase(0, 1);
            *sink->retry_after = v;
        }
    }
    return size * n;
}

struct CurlDeleter {
    void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct ListDeleter {
    void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

bool retryable(CURLcode code) {
    switch (code) {
        case CURLE_OPERATION_TIMEDOUT:
        case CURLE_COULDNT_CONNECT:
        case CURLE_PARTIAL_FILE:
        case CURLE_RECV_ERROR:
        case CURLE_SEND_ERROR:
        case CURLE_GOT_NOTHING:
        case CURLE_HTTP2:
        case CURLE_HTTP2_STREAM:
            return true;
        default:
            return false;
    }
}

// The host of a URL, for messages (never the query, which can carry page tokens).
std::string host_of(const std::string& url) {
    auto start = url.find("://");
    start = start == std::string::npos ? 0 : start + 3;
    auto end = url.find_first_of("/?#", start);
    return url.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

}  // namespace

HttpClient::HttpClient(HttpOptions options) : m_options(std::move(options)) { ensure_curl(); }

bool HttpClient::perform(const HttpRequest& req, HttpResponse& resp, TransportError& error) const {
    std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
    if (!curl) {
        error = {"cannot initialise the HTTP client", false};
        return false;
    }
    CURL* c = curl.get();
    resp = HttpResponse{};
    Sink sink{&resp.body, &resp.retry_after, m_options.max_body};
    curl_easy_setopt(c, CURLOPT_URL, req.url.c_str());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "https");
    curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "https");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);  // a redirect never carries credentials elsewhere
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!m_options.ca_bundle.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, m_options.ca_bundle.c_str());
    curl_easy_setopt(c, CURLOPT_TIMEOUT, m_options.timeout_s);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, m_options.connect_timeout_s);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_USERAGENT, "ccscan-pull/" CCSCAN_PULL_VERSION);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, &on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, &on_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &sink);
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
    curl_slist* raw = nullptr;
    for (const std::string& h : req.headers) raw = curl_slist_append(raw, h.c_str());
    std::string bearer;
    if (req.auth == HttpAuthKind::bearer) {
        bearer = "Authorization: Bearer " + req.secret;
        raw = curl_slist_append(raw, bearer.c_str());
    }
    std::unique_ptr<curl_slist, ListDeleter> headers(raw);
    if (headers) curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
    if (req.method == HttpMethod::post) {
        curl_easy_setopt(c, CURLOPT_POST, 1L);
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, req.body.c_str());
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, static_cast<long>(req.body.size()));
    } else {
        curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
    }
    if (req.auth == HttpAuthKind::aws_sigv4) {
        curl_easy_setopt(c, CURLOPT_AWS_SIGV4, req.sigv4_scope.c_str());
        curl_easy_setopt(c, CURLOPT_USERNAME, req.user.c_str());
        curl_easy_setopt(c, CURLOPT_PASSWORD, req.secret.c_str());
    } else if (req.auth == HttpAuthKind::basic) {
        curl_easy_setopt(c, CURLOPT_HTTPAUTH, static_cast<long>(CURLAUTH_BASIC));
        curl_easy_setopt(c, CURLOPT_USERNAME, req.user.c_str());
        curl_easy_setopt(c, CURLOPT_PASSWORD, req.secret.c_str());
    }
    const CURLcode code = curl_easy_perform(c);
    if (sink.too_large) {
        error = {host_of(req.url) + ": response larger than " + std::to_string(m_options.max_body) + " bytes", false};
        return false;
    }
    if (code != CURLE_OK) {
        std::string what = curl_easy_strerror(code);
        if (code == CURLE_PEER_FAILED_VERIFICATION || code == CURLE_SSL_CACERT_BADFILE) {
            what += " (TLS verification is always on; pass --ca-bundle FILE to trust a private CA)";
        }
        error = {host_of(req.url) + ": " + what, retryable(code),
                 code == CURLE_PEER_FAILED_VERIFICATION || code == CURLE_SSL_CACERT_BADFILE || code == CURLE_SSL_CONNECT_ERROR};
        return false;
    }
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &resp.status);
    return true;
}

}  // namespace ccscan::analyzers::pull
