#include "cli/scan_command.h"

#include <CLI/CLI.hpp>

#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>
#include <thread>

#include "analyzers/discovery.h"
#include "analyzers/git_source.h"
#include "cli/cache_setup.h"
#include "cli/config.h"
#include "cli/data_root.h"
#include "cli/hash_key.h"
#include "cli/output.h"
#include "cli/progress.h"
#include "cli/pull_provenance.h"
#include "cli/report_assembly.h"
#include "cli/shard_merge.h"
#include "cli/sources.h"
#include "cli/whole_scan.h"
#include "reporters/write_reports.h"
#include "rules/baseline.h"
#include "rules/engine.h"
#include "rules/pack_loader.h"
#include "rules/result_cache.h"
#include "rules/shard.h"

namespace ccscan::cli {

namespace fs = std::filesystem;

namespace {

constexpr double k_default_file_timeout_s = 30;

std::string today_utc() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

std::string now_utc() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}


// The scan root: the target folder, or the folder of a single target file.
// Clones of git URLs live until the process ends (reports read sources after the scan).
struct CloneFolders {
    std::vector<std::string> folders;
    ~CloneFolders() {
        std::error_code ec;
        for (const std::string& f : folders) fs::remove_all(f, ec);
    }
};

CloneFolders& temp_folders() {
    static CloneFolders folders;
    return folders;
}

std::optional<std::string> make_temp_folder(Run& run) {
    char tmpl[] = "/tmp/ccscan-XXXXXX";
    const char* dir = mkdtemp(tmpl);
    if (!dir) {
        run.err << "ccscan: cannot create a temporary folder\n";
        return std::nullopt;
    }
    temp_folders().folders.emplace_back(dir);
    return std::string(dir);
}

// --pull PLATFORM: the live configuration, pulled into a temporary folder.
std::optional<std::string> pull_target(const ScanRequest& req, Run& run) {
    auto dir = make_temp_folder(run);
    if (!dir) return std::nullopt;
    PullSettings settings = req.pull_settings;
    if (settings.ca_bundle.empty()) settings.ca_bundle = req.ca_bundle;
    auto pulled = perform_pull(req.pull, *dir + "/pulled", settings, req.quiet, !req.no_progress, run);
    if (!pulled) return std::nullopt;
    run.exit_code = k_exit_ok;
    return *dir + "/pulled";
}

std::optional<std::string> clone_target(const std::string& url, const std::string& ca_bundle, Run& run) {
    static CloneFolders clones;
    char tmpl[] = "/tmp/ccscan-clone-XXXXXX";
    const char* dir = mkdtemp(tmpl);
    if (!dir) {
        run.err << "ccscan: cannot create a temporary folder for the clone\n";
        return std::nullopt;
    }
    clones.folders.emplace_back(dir);
    std::string target = std::string(dir) + "/repo";
    auto cloned = analyzers::clone_repository(url, target, ca_bundle);
    if (!cloned.ok()) {
        run.err << "ccscan: " << cloned.error().to_string() << "\n";
        return std::nullopt;
    }
    return target;
}

std::string root_of(const std::vector<std::string>& targets) {
    std::error_code ec;
    if (targets.size() == 1) {
        fs::path p(targets.front());
        if (fs::is_directory(p, ec)) return p.string();
        return p.has_parent_path() ? p.parent_path().string() : std::string(".");
    }
    return ".";
}

void print_stats(const ScanStats& stats, double wall, std::ostream& err) {
    char line[160];
    err << "phase        seconds   (read/parse/analysis: summed over " << stats.jobs << " worker thread(s))\n";
    for (const char* phase : {"discovery", "read", "parse", "analysis", "flow", "report"}) {
        auto it = stats.seconds.find(phase);
        std::snprintf(line, sizeof line, "%-12s %8.3f\n", phase, it == stats.seconds.end() ? 0.0 : it->second);
        err << line;
    }
    double mb = static_cast<double>(stats.bytes) / (1024.0 * 1024.0);
    std::snprintf(line, sizeof line, "total        %8.3f   %zu files, %.1f MiB, %.1f MiB/s, %.0f files/s\n", wall, stats.files, mb,
                  wall > 0 ? mb / wall : 0.0, wall > 0 ? static_cast<double>(stats.files) / wall : 0.0);
    err << line;
    if (!stats.cache.empty()) err << "cache        " << stats.cache << "\n";
}

// Prints a usage-level error (config, pack, baseline, clone) and sets exit code 2.
void usage_error(const analyzers::Diagnostic& error, Run& run) {
    run.err << "ccscan: " << error.to_string() << "\n";
    run.exit_code = k_exit_usage;
}

// `--pull` fetches the platform's configuration and a git URL target is cloned; the request then
// scans that folder.
bool resolve_targets(ScanRequest& req, Run& run) {
    if (req.targets.empty()) req.targets.push_back(".");
    if (!req.pull.empty()) {
        auto folder = pull_target(req, run);
        if (!folder) {
            run.exit_code = k_exit_usage;
            return false;
        }
        req.targets = {*folder};
    } else if (req.targets.size() == 1 && analyzers::looks_like_git_url(req.targets.front())) {
        auto folder = clone_target(req.targets.front(), req.ca_bundle, run);
        if (!folder) {
            run.exit_code = k_exit_usage;
            return false;
        }
        req.targets = {*folder};
    }
    return true;
}

// --config, else .ccscan.yaml at the scan root, else defaults. Sets `config_path` when one is read.
std::optional<Config> load_scan_config(const ScanRequest& req, const std::string& root, std::string& config_path, Run& run) {
    config_path = req.config;
    std::error_code ec;
    const fs::path beside = fs::path(root) / ".ccscan.yaml";
    if (config_path.empty() && fs::exists(beside, ec)) config_path = beside.string();
    if (config_path.empty()) return Config{};
    auto loaded = load_config(config_path);
    if (!loaded.ok()) {
        usage_error(loaded.error(), run);
        return std::nullopt;
    }
    return std::move(loaded.value());
}

// Flags win over the config file.
void apply_config(ScanRequest& req, const Config& cfg) {
    if (req.packs.empty() && cfg.packs) req.packs = *cfg.packs;
    if (req.exclude.empty() && cfg.exclude) req.exclude = *cfg.exclude;
    if (!req.max_file_size) req.max_file_size = cfg.max_file_size.value_or(10u * 1024u * 1024u);
    if (!req.jobs) req.jobs = cfg.jobs.value_or(0);
    if (req.file_timeout < 0) req.file_timeout = cfg.file_timeout.value_or(k_default_file_timeout_s);
    if (req.baseline.empty() && cfg.baseline) req.baseline = *cfg.baseline;
}

// The rules a scan runs: every loaded rule, or for history scans those that look for values
// that were ever committed.
std::vector<const rules::Rule*> select_rules(const std::vector<rules::Pack>& packs, const ScanRequest& req) {
    std::vector<const rules::Rule*> out;
    for (const rules::Pack& p : packs) {
        for (const rules::Rule& r : p.rules) {
            if (!req.git_history || r.matcher->runs_on_history()) out.push_back(&r);
        }
    }
    return out;
}

rules::ScanOptions scan_options(const ScanRequest& req, const Config& cfg, std::string hash_key) {
    rules::ScanOptions sopts;
    sopts.jobs = req.jobs;
    sopts.policy = cfg.policy;
    sopts.hash_key = std::move(hash_key);
    sopts.fast_paths = !req.plain_path;
    sopts.file_timeout = std::chrono::milliseconds(static_cast<long long>(req.file_timeout * 1000));
    return sopts;
}

// `whole`: the per-file counters go there (the scan command records them with the whole-scan
// entry's); without it they are recorded here.
rules::ScanResult run_rules(const std::vector<rules::Pack>& packs, const std::vector<const rules::Rule*>& rule_ptrs,
                            std::vector<rules::FileSource> sources, const ScanRequest& req, const Config& cfg, std::string hash_key,
                            const std::optional<rules::ShardSpec>& shard, Run& run, ScanStats* stats, WholeScan* whole) {
    rules::ScanOptions sopts = scan_options(req, cfg, std::move(hash_key));
    if (shard) sopts.owns = [shard](const std::string& path) { return shard->owns(path); };
    Progress progress(run.raw_err ? *run.raw_err : run.err, !req.quiet && !req.no_progress && isatty(STDERR_FILENO));
    sopts.progress = [&progress](std::size_t done, std::size_t total) { progress.update(done, total); };
    std::optional<rules::ResultCache> cache;
    if (auto dir = cache_folder_for(req.no_cache, req.cache_dir, cfg)) {
        rules::CacheFolder folder(*dir);
        if (auto error = folder.prepare())
            run.err << "ccscan: warning: " << error->to_string() << "; scanning without the cache\n";
        else
            cache.emplace(std::move(folder), cache_scan_key(packs, rule_ptrs, sopts));
    }
    sopts.cache = cache ? &*cache : nullptr;
    rules::ScanResult result = rules::run_scan(rule_ptrs, std::move(sources), sopts);
    progress.finish();
    if (cache) {
        const rules::CacheCounters c = cache->counters();
        if (whole)
            whole->counters = c;
        else
            cache->folder().record(c);
        if (stats)
            stats->cache = std::to_string(c.hits) + " hits, " + std::to_string(c.misses) + " misses, " + std::to_string(c.stores) +
                           " stored (" + cache->folder().dir() + ")";
    }
    return result;
}

void record_stats(const rules::ScanResult& result, double discovery_s, std::size_t files, unsigned jobs, ScanStats* stats) {
    if (!stats) return;
    stats->seconds = result.phase_seconds;
    stats->seconds["discovery"] = discovery_s;
    stats->bytes = result.bytes_read;
    stats->files = files;
    stats->jobs = jobs ? jobs : std::max(1u, std::thread::hardware_concurrency());
}

// Waivers, inline suppressions and the baseline; false (exit 2) when the baseline cannot be read.
bool apply_suppressions_and_baseline(rules::ScanResult& result, const ScanRequest& req, const Config& cfg,
                                     std::vector<rules::StaleEntry>& stale, Run& run) {
    rules::apply_suppressions(result.findings, result.suppressions, cfg.waivers, today_utc(), result.diagnostics, stale);
    if (req.baseline.empty()) return true;
    auto baseline = rules::load_baseline(req.baseline);
    if (!baseline.ok()) {
        usage_error(baseline.error(), run);
        return false;
    }
    rules::apply_baseline(result.findings, *baseline, req.baseline, stale);
    return true;
}

rules::ScanInfo scan_info(const ScanRequest& given, const ScanRequest& req, const Config& cfg, const std::string& root,
                          const std::string& config_path, const std::string& git_commit, const std::vector<rules::Pack>& packs) {
    rules::ScanInfo info;
    info.targets = !req.pull.empty() ? std::vector<std::string>{"pull " + req.pull} : given.targets.empty() ? req.targets : given.targets;
    for (std::string& t : info.targets) t = analyzers::mask_url_credentials(t);
    info.root = root;
    info.git_commit = git_commit;
    info.git_ref = req.git_ref;
    if (!req.changed_since.empty()) info.options["changed-since"] = req.changed_since;
    if (req.git_history) info.options["git-history"] = req.since.empty() ? "all" : "since " + req.since;
    info.organisation = cfg.organisation;
    info.assessment = cfg.assessment;
    if (req.timestamps) info.started_at = now_utc();
    info.options["fail-on"] = req.fail_on.empty() ? cfg.fail_on.value_or("high") : req.fail_on;
    if (!config_path.empty()) info.options["config"] = config_path;
    if (!req.baseline.empty()) info.options["baseline"] = req.baseline;
    // `verify` walks the root again with the same excludes to notice added and removed files.
    std::string excludes;
    for (const std::string& g : req.exclude) excludes += (excludes.empty() ? "" : "\n") + g;
    if (!excludes.empty()) info.options["exclude"] = excludes;
    std::string packs_opt;
    for (const rules::Pack& p : packs) packs_opt += (packs_opt.empty() ? "" : ",") + p.id;
    info.options["packs"] = packs_opt;
    return info;
}

}  // namespace

std::optional<rules::Report> perform_scan(const ScanRequest& given, Run& run, ScanStats* stats, WholeScan* whole) {
    const auto started = std::chrono::steady_clock::now();
    ScanRequest req = given;
    std::optional<rules::ShardSpec> shard;
    if (!req.shard.empty()) {
        auto parsed = rules::parse_shard(req.shard);
        if (!parsed.ok()) {
            run.err << "ccscan: " << parsed.error().message << "\n";
            run.exit_code = k_exit_usage;
            return std::nullopt;
        }
        if (req.git_history) {
            run.err << "ccscan: --shard cannot be combined with --git-history (a finding's first introduction is decided "
                       "across every file's history); scan the history in one run\n";
            run.exit_code = k_exit_usage;
            return std::nullopt;
        }
        shard = *parsed;
    }
    if (!resolve_targets(req, run)) return std::nullopt;
    const std::string root = root_of(req.targets);
    std::string config_path;
    std::optional<Config> cfg = load_scan_config(req, root, config_path, run);
    if (!cfg) return std::nullopt;
    apply_config(req, *cfg);
    auto hash_key = resolve_hash_key({req.redaction_key_file, cfg->fingerprint_key});
    if (!hash_key.ok()) {
        usage_error(hash_key.error(), run);
        return std::nullopt;
    }

    // Code queries are compiled on first use, per language the scan meets.
    const std::string data = data_root();
    auto packs = rules::load_packs(req.packs, data + "/packs", rules::PackLoadOptions{false});
    if (!packs.ok()) {
        usage_error(packs.error(), run);
        return std::nullopt;
    }
    const std::vector<const rules::Rule*> rule_ptrs = select_rules(*packs, req);

    std::vector<analyzers::Diagnostic> diagnostics;
    // History scans run content rules only: a change in which none of their patterns (nor an
    // inline suppression) occurs is not diffed line by line. --plain-path diffs every change (the
    // findings must be the same).
    analyzers::TextPrefilter history_prefilter;
    if (req.git_history && !req.plain_path) {
        history_prefilter = [&rule_ptrs](std::string_view text) {
            return text.find("ccscan:ignore") != std::string_view::npos ||
                   std::any_of(rule_ptrs.begin(), rule_ptrs.end(), [&](const rules::Rule* r) { return r->matcher->may_match(text, ""); });
        };
    }
    auto plan = collect_sources(req, root, diagnostics, history_prefilter);
    if (!plan.ok()) {
        usage_error(plan.error(), run);
        return std::nullopt;
    }
    const double discovery_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const std::size_t file_count = plan->sources.size();
    const std::string key = hash_key.value();
    if (whole) {
        const rules::ScanInfo info = scan_info(given, req, *cfg, root, config_path, plan->git_commit, *packs);
        const WholeScanInputs in{cache_scan_key(*packs, rule_ptrs, scan_options(req, *cfg, key)),
                                 &plan->sources,
                                 &diagnostics,
                                 &info,
                                 &*packs,
                                 config_path,
                                 data,
                                 today_utc(),
                                 req.jobs};
        if (look_up_whole_scan(*whole, in, req, *cfg)) {
            if (stats) {
                stats->seconds = {{"discovery", discovery_s}, {"read", whole->hash_seconds}};
                stats->bytes = whole->bytes_hashed;
                stats->files = file_count;
                stats->jobs = req.jobs ? req.jobs : std::max(1u, std::thread::hardware_concurrency());
                stats->cache = "whole-scan hit: reports written from the cache (" + *whole->folder + ")";
            }
            return std::nullopt;
        }
    }
    rules::ScanResult result =
        run_rules(*packs, rule_ptrs, std::move(plan->sources), req, *cfg, std::move(hash_key.value()), shard, run, stats, whole);
    if (!result.rule_errors.empty()) {
        for (const analyzers::Diagnostic& e : result.rule_errors) usage_error(e, run);
        return std::nullopt;
    }
    record_stats(result, discovery_s, file_count, req.jobs, stats);

    if (req.git_history) keep_first_introduction(result.findings, plan->commit_order);
    std::vector<rules::StaleEntry> stale;
    if (!apply_suppressions_and_baseline(result, req, *cfg, stale, run)) return std::nullopt;
    std::move(diagnostics.begin(), diagnostics.end(), std::back_inserter(result.diagnostics));
    rules::ScanInfo info = scan_info(given, req, *cfg, root, config_path, plan->git_commit, *packs);
    add_pull_provenance(root, info, result.diagnostics);
    if (!shard) return assemble_report(*packs, std::move(result), std::move(stale), std::move(info), data);
    // A diagnostic belongs to the shard that owns its path (one without a path to the shard that
    // owns the empty path), so the merged reports hold each once.
    std::erase_if(result.diagnostics, [&](const analyzers::Diagnostic& d) { return !shard->owns(d.path); });
    rules::ShardInfo shard_info{shard->index, shard->count, {}, result.applicable};
    rules::Report report = assemble_report(*packs, std::move(result), std::move(stale), std::move(info), data);
    shard_info.config_digest = shard_config_digest(report, req, config_path, key);
    report.shard = std::move(shard_info);
    return report;
}

void setup_scan_command(CLI::App& sub, Run& run) {
    auto req = std::make_shared<ScanRequest>();
    auto formats = std::make_shared<std::string>();
    sub.add_option("paths", req->targets, "Folders or files to scan (default: .)");
    sub.add_option("--pack", req->packs, "Rule pack: a built-in name (pci-dss, gdpr, ccpa), a file or a folder; repeatable (default: every built-in pack)")
        ->allow_extra_args(false);
    sub.add_option("--format", *formats, "Comma-separated report formats: text, json, sarif, html, junit, markdown, csv, github (default: text)");
    sub.add_option("--output,-o", req->output, "A file for one format, a folder for several (default: stdout)");
    sub.add_option("--fail-on", req->fail_on, "Exit 1 when a finding at or above this severity is reported: critical|high|medium|low|info|none (default: high)")
        ->check(CLI::IsMember({"critical", "high", "medium", "low", "info", "none"}));
    sub.add_option("--exclude", req->exclude, "Glob of paths not to scan; repeatable")->allow_extra_args(false);
    sub.add_option("--max-file-size", req->max_file_size, "Skip files larger than this many bytes (default: 10485760)");
    sub.add_option("--file-timeout", req->file_timeout,
                   "Per-file time budget in seconds; a file that exceeds it is reported as failed (default: 30; 0: none)")
        ->check(CLI::Range(0.0, k_max_file_timeout_s));
    sub.add_option("--jobs,-j", req->jobs, "Worker threads (default: one per core)")->check(CLI::Range(0, static_cast<int>(k_max_jobs)));
    sub.add_option("--config", req->config, "Configuration file (default: .ccscan.yaml at the scan root)");
    sub.add_option("--baseline", req->baseline, "Report and fail only on findings not in this baseline file");
    sub.add_option("--sign-key", req->sign_key_file, "Sign the JSON report's integrity digest with HMAC-SHA256 under the key in this file (checked by `ccscan verify --sign-key`)");
    sub.add_option("--redaction-key-file", req->redaction_key_file,
                   "Key of the keyed hashes in masked secrets (default: CCSCAN_FINGERPRINT_KEY, redaction.key, else a per-installation random key)");
    sub.add_flag("--quiet,-q", req->quiet, "No progress, no summary on stderr");
    sub.add_flag("--no-progress", req->no_progress, "No progress bar");
    sub.add_flag("--include-suppressed", req->include_suppressed, "Include suppressed and baselined findings in SARIF (as suppressions)");
    sub.add_flag("--timestamps", req->timestamps, "Record the scan time in reports (output is then not byte-identical across runs)");
    sub.add_option("--category", req->category, "SARIF automationDetails category (GitHub code scanning)");
    sub.add_option("--git-ref", req->git_ref, "Scan the tree of this commit (branch, tag, sha) without checking it out; works on bare repositories");
    sub.add_option("--changed-since", req->changed_since, "Scan only files added or changed since this commit (renames followed)");
    sub.add_flag(
        "--git-history", req->git_history,
        "Scan the lines every commit added (content rules); each finding names the commit that introduced it (docs/git-history.md)");
    sub.add_option("--since", req->since, "With --git-history: only commits after this one");
    sub.add_flag("--all", req->all_refs, "With --git-history: every branch and tag, not only HEAD");
    sub.add_option("--cache", req->cache_dir, "Keep per-file results in this folder and reuse them for unchanged files (docs/cache.md; default: `cache:` in .ccscan.yaml)");
    sub.add_flag("--no-cache", req->no_cache, "Use no result cache, even when .ccscan.yaml enables one");
    sub.add_option("--shard", req->shard,
                   "Scan part K of N of the tree (K/N, 1-based): report only the files whose path hashes to it; merge the JSON reports "
                   "with `ccscan report --merge` (docs/sharding.md)");
    sub.add_flag("--stats", req->stats, "Print per-phase timings and throughput to stderr");
    // Hidden: every rule on every applicable file on its own, without prefilters or shared tree
    // walks; the output must be the same (tests/e2e compares the two).
    sub.add_flag("--plain-path", req->plain_path, "")->group("");
    sub.add_option("--pull", req->pull, "Pull this platform's live configuration (connect, twilio, genesys; see `ccscan pull`) into a temporary folder and scan it")
        ->check(CLI::IsMember({"connect", "amazon-connect", "twilio", "genesys", "genesys-cloud"}));
    sub.add_option("--ca-bundle", req->ca_bundle, "PEM file of CAs to trust when cloning an https git URL or pulling (TLS verification is always on)")
        ->check(CLI::ExistingFile);
    {
        // The pull options of `ccscan pull`, for --pull (without its own --ca-bundle).
        PullSettings& s = req->pull_settings;
        sub.add_option("--instance-id", s.instance_id, "With --pull connect: the Amazon Connect instance id");
        sub.add_option("--region", s.region, "With --pull: AWS region or Genesys Cloud region domain");
        sub.add_option("--profile", s.profile, "With --pull connect: AWS profile");
        sub.add_option("--endpoint-url", s.endpoint_url, "With --pull: send API requests to this https base URL");
        sub.add_option("--max-retries", s.max_retries, "With --pull: retries of a throttled or failed request (default: 5)")->check(CLI::Range(0, 20));
        sub.add_option("--retry-base-ms", s.retry_base_ms, "")->check(CLI::Range(0L, 60000L))->group("");
    }
    sub.callback([req, formats, &run] {
        req->formats = reporters::split_format_list(*formats);
        ScanStats stats;
        const auto started = std::chrono::steady_clock::now();
        WholeScan whole;
        auto report = perform_scan(*req, run, &stats, &whole);
        if (!report && !whole.hit) return;
        const auto reporting = std::chrono::steady_clock::now();
        run.exit_code = write_scan_reports(report ? &*report : nullptr, whole, *req, run, stats.cache);
        if (req->stats) {
            stats.seconds["report"] = std::chrono::duration<double>(std::chrono::steady_clock::now() - reporting).count();
            print_stats(stats, std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(), run.err);
        }
    });
}

void setup_baseline_command(CLI::App& sub, Run& run) {
    sub.require_subcommand(1);
    CLI::App* create = sub.add_subcommand("create", "Record the current findings as accepted (by content-based fingerprint)");
    auto req = std::make_shared<ScanRequest>();
    auto output = std::make_shared<std::string>(".ccscan-baseline.json");
    create->add_option("paths", req->targets, "Folders or files to scan (default: .)");
    create->add_option("--pack", req->packs, "Rule pack (repeatable)")->allow_extra_args(false);
    create->add_option("--exclude", req->exclude, "Glob of paths not to scan; repeatable")->allow_extra_args(false);
    create->add_option("--config", req->config, "Configuration file");
    create->add_option("--output,-o", *output, "Baseline file to write (default: .ccscan-baseline.json)");
    create->callback([req, output, &run] {
        req->quiet = true;
        auto report = perform_scan(*req, run);
        if (!report) return;
        std::ofstream out(*output, std::ios::binary);
        if (!out) {
            run.err << "ccscan: cannot write " << *output << "\n";
            run.exit_code = k_exit_usage;
            return;
        }
        out << rules::baseline_to_json(report->findings);
        run.err << "ccscan: baseline with " << report->findings.size() << " finding(s) written to " << *output << "\n";
        run.exit_code = k_exit_ok;
    });
}

}  // namespace ccscan::cli
