#include "analyzers/pull/pull.h"

#include <ctime>

#include "analyzers/pull/output_folder.h"
#include "analyzers/pull/pull_context.h"

namespace ccscan::analyzers::pull {

namespace {

constexpr int k_max_pages = 1000;  // a list that pages forever is cut and reported

std::string now_utc() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

}  // namespace

const std::vector<std::string>& pull_platforms() {
    static const std::vector<std::string> k_platforms = {"connect", "twilio", "genesys"};
    return k_platforms;
}

std::string canonical_platform(const std::string& name) {
    if (name == "connect" || name == "amazon-connect" || name == "aws") return "amazon-connect";
    if (name == "twilio") return "twilio";
    if (name == "genesys" || name == "genesys-cloud") return "genesys-cloud";
    return "";
}

bool PullContext::fail(const std::string& resource, std::string_view operation, const Diagnostic& error) {
    PullFailure f{api.scrub(resource), std::string(operation), api.scrub(error.message)};
    result.manifest.failures.push_back(f);
    Diagnostic d = error;
    d.message = api.scrub(resource + ": " + error.message);
    result.problems.push_back(std::move(d));
    if (is_fatal(error)) {
        result.stopped = true;
        result.manifest.complete = false;
    }
    return !result.stopped;
}

void PullContext::step(const std::string& label, std::size_t done, std::size_t total) const {
    if (options.progress) options.progress(label, done, total);
}

void PullContext::write_json(const std::string& path, const Json& value, const std::string& source) {
    write_text(path, value.dump(2) + "\n", source);
}

void PullContext::write_text(const std::string& path, const std::string& bytes, const std::string& source) {
    auto written = out.write(path, bytes, api.scrub(source));
    if (!written.ok()) fail(path, "write", written.error());
}

Result<std::vector<Json>> aws_list_all(PullContext& ctx, std::string_view operation, ApiArgs args, const char* list_key, bool token_in_body,
                                       int page_size) {
    std::vector<Json> items;
    std::string token;
    const char* token_key = token_in_body ? "nextToken" : "NextToken";
    for (int page = 0; page < k_max_pages; ++page) {
        ApiArgs a = args;
        if (token_in_body) {
            if (!a.body) a.body = Json::object();
            (*a.body)["maxResults"] = page_size;
            if (!token.empty()) (*a.body)["nextToken"] = token;
        } else {
            a.query.emplace_back("maxResults", std::to_string(page_size));
            if (!token.empty()) a.query.emplace_back("nextToken", token);
        }
        auto page_json = ctx.api.call(operation, a);
        if (!page_json.ok()) return page_json.error();
        const Json& j = *page_json;
        if (j.contains(list_key) && j[list_key].is_array()) {
            for (const Json& item : j[list_key]) items.push_back(item);
        }
        std::string next = j.contains(token_key) && j[token_key].is_string() ? j[token_key].get<std::string>() : "";
        if (next.empty()) return items;
        if (next == token) return make_diagnostic("pull-bad-response", "", {}, std::string(operation) + ": the API returned the same page token twice");
        token = next;
    }
    return make_diagnostic("pull-bad-response", "", {}, std::string(operation) + ": more than " + std::to_string(k_max_pages) + " pages; stopped");
}

Result<PullResult> run_pull(const PullOptions& options) {
    const std::string platform = canonical_platform(options.platform);
    if (platform.empty()) return make_diagnostic("usage", "", {}, "unknown platform '" + options.platform + "' (connect, twilio, genesys)");
    PullResult result;
    PullManifest& m = result.manifest;
    m.tool = options.tool;
    m.platform = platform;
    m.pulled_at = now_utc();
    ApiSession api(options.session, m);
    if (options.sleep) api.sleep = options.sleep;
    if (platform == "amazon-connect") {
        if (options.instance_id.empty()) return make_diagnostic("usage", "", {}, "pull connect needs --instance-id (the Amazon Connect instance id)");
        auto creds = resolve_aws(options.profile, options.region, options.env);
        if (!creds.ok()) return creds.error();
        m.region = creds->region;
        m.scope = "instance " + options.instance_id;
        api.use_aws(std::move(creds.value()));
        m.endpoint = api.base_url(ApiHost::aws_connect);
    } else if (platform == "twilio") {
        auto creds = resolve_twilio(options.env);
        if (!creds.ok()) return creds.error();
        m.account = mask_identifier(creds->account_sid);
        m.scope = "account " + m.account;
        api.use_twilio(std::move(creds.value()));
        m.endpoint = api.base_url(ApiHost::twilio_api);
    } else {
        auto creds = resolve_genesys(options.region, options.env);
        if (!creds.ok()) return creds.error();
        m.region = creds->region;
        api.use_genesys(std::move(creds.value()));
        m.endpoint = api.base_url(ApiHost::genesys_api);
    }
    OutputFolder out(options.output, m);
    auto ready = out.prepare();
    if (!ready.ok()) return ready.error();
    PullContext ctx{options, api, out, result};
    if (platform == "amazon-connect") pull_connect(ctx);
    else if (platform == "twilio") pull_twilio(ctx);
    else pull_genesys(ctx);
    auto written = out.write_manifest();
    if (!written.ok()) return written.error();
    return result;
}

}  // namespace ccscan::analyzers::pull
