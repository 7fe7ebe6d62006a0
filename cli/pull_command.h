// `ccscan pull PLATFORM --output DIR` and the pull half of `ccscan scan --pull PLATFORM`:
// options, credentials from the environment, a progress line on a TTY, the summary and the
// exit code (0 everything read, 1 written with failures, 2 nothing pulled). The work is done by
// analyzers/pull (run_pull); this file only wires and prints.
#pragma once

#include <optional>
#include <string>

#include "analyzers/pull/pull.h"
#include "cli/command.h"

namespace CLI {
class App;
}

namespace ccscan::cli {

struct PullSettings {
    std::string instance_id, region, profile, endpoint_url, ca_bundle;
    long timeout_s = 60;
    int max_retries = 5;
    long retry_base_ms = 400;
};

// Declares --instance-id, --region, --profile, --endpoint-url, --ca-bundle, --timeout,
// --max-retries on `sub` (shared by `pull` and `scan --pull`).
void add_pull_options(CLI::App& sub, PullSettings& settings);

// Runs a pull into `output` and prints its summary (unless quiet). nullopt (with the error
// printed and run.exit_code = 2) when nothing could be pulled.
std::optional<analyzers::pull::PullResult> perform_pull(const std::string& platform, const std::string& output, const PullSettings& settings,
                                                        bool quiet, bool progress, Run& run);

void setup_pull_command(CLI::App& sub, Run& run);

}  // namespace ccscan::cli
