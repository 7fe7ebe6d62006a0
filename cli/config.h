// .ccscan.yaml: found at the scan root (or --config FILE). Keys mirror the long flags; every
// setting is also a flag and flags win. Unknown keys are errors with line, column and a
// suggestion.
//
//   packs: [pci-dss, ./my-pack.yaml]
//   format: [sarif, html]
//   output: out/
//   fail-on: high
//   exclude: ["**/test/**"]
//   max-file-size: 10485760
//   jobs: 4
//   organisation: ACME Corp
//   assessment: Q4 2026 PCI DSS assessment
//   policy: {max_retention_days: 365, allowed_regions: [eu-west-1]}
//   waivers:
//     - {rule: CCS-FLOW-001, path: "flows/legacy/*.json", reason: "...", expires: 2027-01-31, approver: "..."}
//   baseline: .ccscan-baseline.json
//   cache: true              # or a folder (docs/cache.md)
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analyzers/diagnostic.h"
#include "rules/policy.h"
#include "rules/suppression.h"

namespace ccscan::cli {

// Ranges of the numeric settings, shared by the config file and the flags (values outside them
// are diagnostics, not overflowing conversions).
inline constexpr double k_max_file_timeout_s = 1'000'000;         // about 11 days
inline constexpr std::int64_t k_max_file_size_limit = 1LL << 50;  // 1 PiB
inline constexpr std::int64_t k_max_jobs = 4096;

struct Config {
    std::string path;  // where it was read from; empty when none
    std::optional<std::vector<std::string>> packs;
    std::optional<std::vector<std::string>> formats;
    std::optional<std::string> output;
    std::optional<std::string> fail_on;
    std::optional<std::vector<std::string>> exclude;
    std::optional<std::uint64_t> max_file_size;
    std::optional<double> file_timeout;  // seconds
    std::optional<unsigned> jobs;
    std::optional<std::string> baseline;
    // `cache:` - absent or false: nullopt; true: "" (the default folder); else the folder.
    std::optional<std::string> cache;
    std::string organisation;
    std::string assessment;
    rules::Policy policy;
    std::vector<rules::Waiver> waivers;
    std::string fingerprint_key;
};

analyzers::Result<Config> load_config(const std::string& path);

// Text of the commented starter file `ccscan init` writes.
std::string starter_config();

}  // namespace ccscan::cli
