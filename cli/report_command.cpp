// `ccscan report --from results.json --format html,sarif --output DIR`: re-renders a saved JSON
// report (the native, lossless format) in any other format, byte-identical to rendering it
// during the scan, with the same --format/--output semantics as `ccscan scan`.
// `ccscan report --merge s1.json s2.json ...` renders the reports of the shards of one scan
// (`scan --shard K/N`) as the single run's report (cli/shard_merge.h, docs/sharding.md).
#include <CLI/CLI.hpp>

#include <fstream>
#include <memory>
#include <optional>
#include <sstream>

#include "cli/command.h"
#include "cli/data_root.h"
#include "cli/output.h"
#include "cli/scan_command.h"
#include "cli/shard_merge.h"
#include "reporters/json_reporter.h"
#include "reporters/write_reports.h"

namespace ccscan::cli {

namespace {

struct ReportRequest {
    std::string from;
    std::vector<std::string> merge;
    std::string formats;
    std::string root;
    ScanRequest out;
};

std::optional<rules::Report> load_report(const std::string& path, Run& run) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        run.err << "ccscan: " << path << ": cannot read the JSON report\n";
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    auto report = reporters::read_json_report(text.str(), path);
    if (!report.ok()) {
        run.err << "ccscan: " << report.error().to_string() << "\n";
        return std::nullopt;
    }
    return std::move(report.value());
}

std::optional<rules::Report> merge_reports(const std::vector<std::string>& paths, Run& run) {
    std::vector<rules::Report> shards;
    for (const std::string& p : paths) {
        auto r = load_report(p, run);
        if (!r) return std::nullopt;
        shards.push_back(std::move(*r));
    }
    auto merged = merge_shard_reports(std::move(shards), paths, data_root());
    if (!merged.ok()) {
        const analyzers::Diagnostic& e = merged.error();
        run.err << "ccscan: cannot merge: " << (e.path.empty() ? "" : e.path + ": ") << e.message << "\n";
        return std::nullopt;
    }
    return std::move(merged.value());
}

}  // namespace

void setup_report_command(CLI::App& sub, Run& run) {
    auto req = std::make_shared<ReportRequest>();
    req->out.fail_on = "none";
    auto* from = sub.add_option("--from", req->from, "JSON report written by `ccscan scan --format json`");
    auto* merge = sub.add_option("--merge", req->merge, "JSON reports of every shard of one `ccscan scan --shard K/N` run, in any order: render them as one report");
    from->excludes(merge);
    merge->excludes(from);
    sub.add_option("--format", req->formats, "Comma-separated formats: text, json, sarif, html, junit, markdown, csv, github (default: text)");
    sub.add_option("--output,-o", req->out.output, "A file for one format, a folder for several (default: stdout)");
    sub.add_option("--root", req->root, "Folder holding the scanned files, for SARIF line fingerprints (default: the report's scan root)");
    sub.add_option("--fail-on", req->out.fail_on, "Exit 1 when a finding at or above this severity is in the report (default: none)")
        ->check(CLI::IsMember({"critical", "high", "medium", "low", "info", "none"}));
    sub.add_option("--category", req->out.category, "SARIF automationDetails category (GitHub code scanning)");
    sub.add_option("--sign-key", req->out.sign_key_file, "Sign the re-rendered JSON report's integrity digest with the key in this file");
    sub.add_flag("--include-suppressed", req->out.include_suppressed, "Include suppressed and baselined findings in SARIF (as suppressions)");
    sub.add_flag("--timestamps", req->out.timestamps, "Show the recorded scan time in reports that have a place for it");
    sub.add_flag("--quiet,-q", req->out.quiet, "No summary on stderr");
    sub.callback([req, &run] {
        if (req->from.empty() && req->merge.empty()) {
            run.err << "ccscan: report needs --from REPORT.json or --merge SHARD.json...\n";
            run.exit_code = k_exit_usage;
            return;
        }
        auto report = req->merge.empty() ? load_report(req->from, run) : merge_reports(req->merge, run);
        if (!report) {
            run.exit_code = k_exit_usage;
            return;
        }
        if (!req->root.empty()) report->scan.root = req->root;
        req->out.formats = reporters::split_format_list(req->formats);
        run.exit_code = emit_reports(*report, req->out, run);
    });
}

}  // namespace ccscan::cli
