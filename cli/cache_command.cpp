// `ccscan cache stats|clear|prune`: the result cache's folder (docs/cache.md).
#include <CLI/CLI.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <ostream>

#include "cli/cache_setup.h"
#include "cli/command.h"
#include "cli/config.h"
#include "rules/cache_folder.h"

namespace ccscan::cli {

namespace {

struct CacheRequest {
    std::string dir;     // --cache
    std::string config;  // --config
    std::string max_age;
    std::string max_size;
};

// --cache DIR, else the folder `cache:` of --config FILE or ./.ccscan.yaml names, else the default.
std::optional<std::string> folder_of(const CacheRequest& req, Run& run) {
    if (!req.dir.empty()) return req.dir;
    std::error_code ec;
    std::string config = req.config;
    if (config.empty() && std::filesystem::exists(".ccscan.yaml", ec)) config = ".ccscan.yaml";
    if (!config.empty()) {
        auto cfg = load_config(config);
        if (!cfg.ok()) {
            run.err << "ccscan: " << cfg.error().to_string() << "\n";
            run.exit_code = k_exit_usage;
            return std::nullopt;
        }
        if (cfg->cache && !cfg->cache->empty()) return cache_folder_for(false, "", *cfg);
    }
    std::string dir = default_cache_folder();
    if (dir.empty()) {
        run.err << "ccscan: no cache folder: give --cache DIR (neither XDG_CACHE_HOME nor HOME is set)\n";
        run.exit_code = k_exit_usage;
        return std::nullopt;
    }
    return dir;
}

// "30d", "12h", "45m", "90s"; a bare number is days.
std::optional<double> parse_age(const std::string& text) {
    char* end = nullptr;
    double v = std::strtod(text.c_str(), &end);
    if (end == text.c_str() || !std::isfinite(v) || v < 0) return std::nullopt;
    std::string unit(end);
    if (unit.empty() || unit == "d") return v * 86400;
    if (unit == "h") return v * 3600;
    if (unit == "m") return v * 60;
    if (unit == "s") return v;
    return std::nullopt;
}

// "500M", "2GiB", "100k", "4096"; K/M/G are powers of 1024.
std::optional<std::uint64_t> parse_size(const std::string& text) {
    char* end = nullptr;
    double v = std::strtod(text.c_str(), &end);
    if (end == text.c_str() || !std::isfinite(v) || v < 0) return std::nullopt;
    std::string unit(end);
    for (char& c : unit) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (unit.size() > 1 && unit.back() == 'B') unit.pop_back();
    if (unit.size() > 1 && unit.back() == 'I') unit.pop_back();
    double scale = unit.empty() || unit == "B" ? 1 : unit == "K" ? 1024.0 : unit == "M" ? 1024.0 * 1024 : unit == "G" ? 1024.0 * 1024 * 1024 : 0;
    if (scale == 0 || v * scale > 1e18) return std::nullopt;
    return static_cast<std::uint64_t>(v * scale);
}

std::string mib(std::uint64_t bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return buf;
}

void add_folder_options(CLI::App& app, CacheRequest& req) {
    app.add_option("--cache", req.dir, "The cache folder (default: `cache:` in ./.ccscan.yaml, else $XDG_CACHE_HOME/ccscan or ~/.cache/ccscan)");
    app.add_option("--config", req.config, "Configuration file whose `cache:` names the folder (default: ./.ccscan.yaml)");
}

// "H hits, M misses, S stored; whole scan: H hits, M misses, S stored".
std::string counters(const rules::CacheCounters& c) {
    return std::to_string(c.hits) + " hits, " + std::to_string(c.misses) + " misses, " + std::to_string(c.stores) +
           " stored; whole scan: " + std::to_string(c.scan_hits) + " hits, " + std::to_string(c.scan_misses) + " misses, " +
           std::to_string(c.scan_stores) + " stored";
}

}  // namespace

void setup_cache_command(CLI::App& sub, Run& run) {
    sub.require_subcommand(1);
    auto req = std::make_shared<CacheRequest>();
    CLI::App* stats = sub.add_subcommand("stats", "Entries, size, and hits/misses of the last scan and since the last clear");
    add_folder_options(*stats, *req);
    stats->callback([req, &run] {
        auto dir = folder_of(*req, run);
        if (!dir) return;
        const rules::CacheFolderStats s = rules::CacheFolder(*dir).stats();
        run.out << "cache folder   " << *dir << "\n"
                << "entries        " << s.entries << " (" << mib(s.bytes) << ")\n"
                << "last scan      " << counters(s.last) << "\n"
                << "since clear    " << counters(s.total) << "\n";
    });
    CLI::App* clear = sub.add_subcommand("clear", "Remove every entry and reset the statistics");
    add_folder_options(*clear, *req);
    clear->callback([req, &run] {
        auto dir = folder_of(*req, run);
        if (!dir) return;
        run.out << "removed " << rules::CacheFolder(*dir).clear() << " entries from " << *dir << "\n";
    });
    CLI::App* prune = sub.add_subcommand(
        "prune", "Remove entries by age (--max-age: not used for that long) and/or by size (--max-size: least recently used first)");
    add_folder_options(*prune, *req);
    prune->add_option("--max-age", req->max_age, "Remove entries not used for this long: 30d, 12h, 45m, 90s (a bare number is days)");
    prune->add_option("--max-size", req->max_size, "Then remove the least recently used entries until the rest take at most this: 500M, 2G, 4096");
    prune->callback([req, &run] {
        std::optional<double> age;
        std::optional<std::uint64_t> size;
        if (!req->max_age.empty() && !(age = parse_age(req->max_age))) {
            run.err << "ccscan: --max-age must be a number with an optional unit d, h, m or s: " << req->max_age << "\n";
            run.exit_code = k_exit_usage;
            return;
        }
        if (!req->max_size.empty() && !(size = parse_size(req->max_size))) {
            run.err << "ccscan: --max-size must be a number with an optional unit K, M or G: " << req->max_size << "\n";
            run.exit_code = k_exit_usage;
            return;
        }
        if (!age && !size) {
            run.err << "ccscan: cache prune needs --max-age, --max-size or both\n";
            run.exit_code = k_exit_usage;
            return;
        }
        auto dir = folder_of(*req, run);
        if (!dir) return;
        const rules::CacheFolder folder(*dir);
        const std::uint64_t removed = folder.prune(age, size);
        const rules::CacheFolderStats s = folder.stats();
        run.out << "removed " << removed << " entries; " << s.entries << " left (" << mib(s.bytes) << ")\n";
    });
}

}  // namespace ccscan::cli
