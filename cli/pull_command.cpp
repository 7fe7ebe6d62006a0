#include "cli/pull_command.h"

#include <CLI/CLI.hpp>

#include <memory>
#include <ostream>
#include <unistd.h>

namespace ccscan::cli {

namespace pull = analyzers::pull;

namespace {

// One status line on stderr, redrawn in place: "pulling contact flows 3/12".
class PullProgress {
public:
    PullProgress(std::ostream& err, bool enabled) : m_err(err), m_enabled(enabled) {}
    void update(const std::string& step, std::size_t done, std::size_t total) {
        if (!m_enabled) return;
        m_err << "\r\033[Kpulling " << step;
        if (total) m_err << " " << done << "/" << total;
        m_err << std::flush;
        m_drawn = true;
    }
    void finish() {
        if (m_drawn) m_err << "\r\033[K" << std::flush;
        m_drawn = false;
    }

private:
    std::ostream& m_err;
    bool m_enabled;
    bool m_drawn = false;
};

}  // namespace

void add_pull_options(CLI::App& sub, PullSettings& s) {
    sub.add_option("--instance-id", s.instance_id, "Amazon Connect instance id (connect)");
    sub.add_option("--region", s.region, "AWS region (default: AWS_REGION or the profile's) or Genesys Cloud region domain (default: GENESYS_CLOUD_REGION or mypurecloud.com)");
    sub.add_option("--profile", s.profile, "AWS profile in ~/.aws/credentials and ~/.aws/config (default: AWS_PROFILE or default)");
    sub.add_option("--endpoint-url", s.endpoint_url, "Send every API request to this https base URL instead of the vendor's (VPC endpoints, tests)");
    sub.add_option("--ca-bundle", s.ca_bundle, "PEM file of CAs to trust for TLS (verification is always on)")->check(CLI::ExistingFile);
    sub.add_option("--timeout", s.timeout_s, "Seconds one API request may take (default: 60)")->check(CLI::Range(1L, 3600L));
    sub.add_option("--max-retries", s.max_retries, "Retries of a throttled or failed request, with exponential backoff (default: 5)")->check(CLI::Range(0, 20));
    sub.add_option("--retry-base-ms", s.retry_base_ms, "First backoff ceiling in milliseconds (default: 400)")->check(CLI::Range(0L, 60000L))->group("");
}

std::optional<pull::PullResult> perform_pull(const std::string& platform, const std::string& output, const PullSettings& s, bool quiet,
                                             bool progress_wanted, Run& run) {
    pull::PullOptions o;
    o.platform = platform;
    o.output = output;
    o.instance_id = s.instance_id;
    o.region = s.region;
    o.profile = s.profile;
    o.session.endpoint_url = s.endpoint_url;
    o.session.http.ca_bundle = s.ca_bundle;
    o.session.http.timeout_s = s.timeout_s;
    o.session.max_retries = s.max_retries;
    o.session.retry_base = std::chrono::milliseconds(s.retry_base_ms);
    o.tool = "ccscan " CCSCAN_VERSION;
    PullProgress progress(run.err, progress_wanted && !quiet && isatty(STDERR_FILENO));
    o.progress = [&progress](const std::string& step, std::size_t done, std::size_t total) { progress.update(step, done, total); };
    auto result = pull::run_pull(o);
    progress.finish();
    if (!result.ok()) {
        run.err << "ccscan pull: " << result.error().message << "\n";
        run.exit_code = k_exit_usage;
        return std::nullopt;
    }
    const pull::PullManifest& m = result->manifest;
    if (!quiet) {
        for (const analyzers::Diagnostic& d : result->problems) run.err << "ccscan pull: failed: " << d.message << "\n";
        run.err << "ccscan pull: " << m.platform << ": " << m.files.size() << " file(s) written to " << output << ", "
                << m.failures.size() << " resource(s) failed" << (result->stopped ? ", stopped early" : "") << "; manifest "
                << output << "/" << pull::k_manifest_name << "\n";
    }
    run.exit_code = m.failures.empty() ? k_exit_ok : k_exit_findings;
    return std::move(result.value());
}

void setup_pull_command(CLI::App& sub, Run& run) {
    auto platform = std::make_shared<std::string>();
    auto output = std::make_shared<std::string>();
    auto settings = std::make_shared<PullSettings>();
    auto quiet = std::make_shared<bool>(false);
    auto no_progress = std::make_shared<bool>(false);
    sub.add_option("platform", *platform, "connect (Amazon Connect), twilio or genesys (Genesys Cloud)")
        ->required()
        ->check(CLI::IsMember({"connect", "amazon-connect", "twilio", "genesys", "genesys-cloud"}));
    sub.add_option("--output,-o", *output, "Folder to write the configuration and ccscan-pull.json into")->required();
    add_pull_options(sub, *settings);
    sub.add_flag("--quiet,-q", *quiet, "No progress and no summary on stderr");
    sub.add_flag("--no-progress", *no_progress, "No progress line");
    sub.callback([=, &run] { perform_pull(*platform, *output, *settings, *quiet, !*no_progress, run); });
}

}  // namespace ccscan::cli
