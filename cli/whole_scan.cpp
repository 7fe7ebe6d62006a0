#include "cli/whole_scan.h"

#include <unistd.h>
#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "analyzers/hash.h"
#include "cli/cache_setup.h"
#include "cli/hash_key.h"
#include "cli/output.h"
#include "cli/scan_command.h"

namespace ccscan::cli {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view k_magic = "ccscan-whole-scan 1\n";

void put(std::string& out, std::string_view s) {
    out += std::to_string(s.size());
    out += ':';
    out += s;
}

// Reads a length-prefixed field at `pos`; false when the bytes end early or are malformed.
bool take(std::string_view in, std::size_t& pos, std::string_view& field) {
    const std::size_t colon = in.find(':', pos);
    if (colon == std::string_view::npos || colon == pos || colon - pos > 20) return false;
    std::uint64_t n = 0;
    for (std::size_t i = pos; i < colon; ++i) {
        if (in[i] < '0' || in[i] > '9') return false;
        n = n * 10 + static_cast<std::uint64_t>(in[i] - '0');
    }
    if (n > in.size() - colon - 1) return false;
    field = in.substr(colon + 1, static_cast<std::size_t>(n));
    pos = colon + 1 + static_cast<std::size_t>(n);
    return true;
}

std::optional<std::string> file_sha256(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return analyzers::sha256_hex(bytes.str());
}

// The SHA-256 of every file not skipped, on `jobs` threads; nullopt when one cannot be read.
std::optional<std::vector<std::string>> hash_sources(const std::vector<rules::FileSource>& sources, unsigned jobs,
                                                     std::uint64_t& bytes_hashed) {
    std::vector<std::string> hashes(sources.size());
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    std::atomic<std::uint64_t> total{0};
    auto work = [&] {
        for (std::size_t i = next++; i < sources.size() && !failed; i = next++) {
            const rules::FileSource& s = sources[i];
            if (!s.skip_reason.empty()) continue;
            auto bytes = s.load ? s.load() : analyzers::Result<std::string>(std::string());
            if (!bytes.ok()) {
                failed = true;
                return;
            }
            total += bytes->size();
            hashes[i] = analyzers::sha256_hex(*bytes);
        }
    };
    const unsigned n = std::clamp(jobs ? jobs : std::thread::hardware_concurrency(), 1u, 64u);
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < n && t < sources.size(); ++t) threads.emplace_back(work);
    work();
    for (std::thread& t : threads) t.join();
    bytes_hashed = total;
    if (failed) return std::nullopt;
    return hashes;
}

// Every framework catalogue (they decide the control matrix), by name and content.
std::string frameworks_digest(const std::string& data_root) {
    std::vector<std::string> files;
    std::error_code ec;
    for (fs::directory_iterator it(fs::path(data_root) / "frameworks", ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec)) files.push_back(it->path().string());
    }
    std::sort(files.begin(), files.end());
    std::string all;
    for (const std::string& f : files) all += f + " " + file_sha256(f).value_or("unreadable") + "\n";
    return analyzers::sha256_hex(all);
}

}  // namespace

std::string encode_rendered(const RenderedReports& r) {
    std::string out(k_magic);
    put(out, std::to_string(r.exit_code));
    put(out, r.summary);
    put(out, std::to_string(r.reports.size()));
    for (const auto& [id, bytes] : r.reports) {
        put(out, id);
        put(out, bytes);
    }
    return out;
}

std::optional<RenderedReports> decode_rendered(std::string_view in) {
    if (in.substr(0, k_magic.size()) != k_magic) return std::nullopt;
    std::size_t pos = k_magic.size();
    std::string_view code, summary, count;
    if (!take(in, pos, code) || !take(in, pos, summary) || !take(in, pos, count)) return std::nullopt;
    if (code.size() != 1 || code[0] < '0' || code[0] > '2' || count.empty() || count.size() > 3) return std::nullopt;
    RenderedReports r;
    r.exit_code = code[0] - '0';
    r.summary = summary;
    int n = 0;
    if (std::from_chars(count.data(), count.data() + count.size(), n).ptr != count.data() + count.size()) return std::nullopt;
    for (int i = 0; i < n; ++i) {
        std::string_view id, bytes;
        if (!take(in, pos, id) || !take(in, pos, bytes)) return std::nullopt;
        r.reports.emplace_back(id, bytes);
    }
    if (pos != in.size()) return std::nullopt;
    return r;
}

std::optional<std::string> whole_scan_key(const WholeScanInputs& in, const ScanRequest& req, std::uint64_t& bytes_hashed,
                                          std::unordered_set<std::string>& file_hashes) {
    bytes_hashed = 0;
    if (req.git_history || !req.pull.empty() || req.timestamps || !req.git_ref.empty()) return std::nullopt;
    const auto& sources = *in.sources;
    for (const rules::FileSource& s : sources) {
        if (s.origin != analyzers::Origin::worktree || s.git) return std::nullopt;
    }
    std::string sign_key = "none";
    if (!req.sign_key_file.empty()) {
        auto key = read_key_file(req.sign_key_file, "signing key");
        if (!key.ok()) return std::nullopt;  // the scan reports the error
        sign_key = analyzers::hmac_sha256_hex(*key, "ccscan whole-scan cache");
    }
    std::string baseline = "none";
    if (!req.baseline.empty()) {
        auto digest = file_sha256(req.baseline);
        if (!digest) return std::nullopt;  // the scan reports the error
        baseline = req.baseline + " " + *digest;
    }
    auto hashes = hash_sources(sources, in.jobs, bytes_hashed);
    if (!hashes) return std::nullopt;
    file_hashes.insert(hashes->begin(), hashes->end());

    std::string key;
    auto field = [&key](std::string_view name, std::string_view value) {
        key += name;
        key += ' ';
        put(key, value);
        key += '\n';
    };
    field("whole-scan", "1");
    field("file-scan-key", in.file_scan_key);
    std::error_code ec;
    field("cwd", fs::current_path(ec).string());
    field("root", fs::absolute(in.info->root, ec).string());
    for (const std::string& t : in.info->targets) field("target", t);
    field("git-commit", in.info->git_commit);
    field("git-ref", in.info->git_ref);
    for (const auto& [name, value] : in.info->options) field("option " + name, value);
    field("organisation", in.info->organisation);
    field("assessment", in.info->assessment);
    field("config", in.config_path.empty() ? "none" : in.config_path + " " + file_sha256(in.config_path).value_or("unreadable"));
    field("baseline", baseline);
    field("sign-key", sign_key);
    field("today", in.today);
    field("data-root", in.data_root);
    field("frameworks", frameworks_digest(in.data_root));
    for (const rules::Pack& p : *in.packs) field("pack-path", p.id + " " + p.path);
    for (const std::string& f : req.formats) field("format", f);
    field("fail-on", req.fail_on);
    field("include-suppressed", req.include_suppressed ? "yes" : "no");
    field("category", req.category);
    field("plain-path", req.plain_path ? "yes" : "no");
    field("shard", req.shard);
    const bool to_stdout = req.output.empty() || req.output == "-";
    field("color", to_stdout && isatty(STDOUT_FILENO) ? "yes" : "no");
    for (const analyzers::Diagnostic& d : *in.discovery_diagnostics) field("diagnostic", d.code + " " + d.path + " " + d.to_string());
    for (std::size_t i = 0; i < sources.size(); ++i) {
        const rules::FileSource& s = sources[i];
        field("file", s.path + "\n" + s.abs_path + "\n" + s.inventory_path + "\n" + s.forced_format + "\n" + std::to_string(s.size) + "\n" +
                          (s.skip_reason.empty() ? "sha256 " + (*hashes)[i] : "skipped " + s.skip_reason));
    }
    return analyzers::sha256_hex(key);
}

}  // namespace ccscan::cli

namespace ccscan::cli {

bool look_up_whole_scan(WholeScan& whole, const WholeScanInputs& in, const ScanRequest& req, const Config& cfg) {
    auto dir = cache_folder_for(req.no_cache, req.cache_dir, cfg);
    if (!dir) return false;
    rules::CacheFolder folder(*dir);
    if (folder.prepare()) return false;  // the scan warns and runs without the cache
    whole.folder = *dir;
    const auto started = std::chrono::steady_clock::now();
    whole.key = whole_scan_key(in, req, whole.bytes_hashed, whole.file_hashes);
    whole.hash_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (!whole.key) return false;
    if (auto bytes = folder.read(*whole.key)) whole.hit = decode_rendered(*bytes);
    return whole.hit.has_value();
}

}  // namespace ccscan::cli

namespace ccscan::cli {

// False when the report depends on more than the key: a file ran out of its time budget, hit an
// internal error or could not be read, or its bytes changed between hashing and scanning.
bool storable(const rules::Report& report, const WholeScan& whole) {
    for (const analyzers::Diagnostic& d : report.diagnostics) {
        if (d.code == "limit-time" || d.code == "internal" || d.code == "io-error" || d.code == "limit-size") return false;
    }
    return std::all_of(report.inventory.begin(), report.inventory.end(),
                       [&](const rules::InventoryEntry& e) { return e.sha256.empty() || whole.file_hashes.count(e.sha256); });
}

int write_scan_reports(const rules::Report* report, WholeScan& whole, const ScanRequest& req, Run& run, std::string& stats_cache) {
    int code = k_exit_ok;
    if (whole.hit) {
        code = replay_reports(*whole.hit, req, run);
        whole.counters.scan_hits = 1;
    } else {
        RenderedReports kept;
        if (whole.key && !storable(*report, whole)) whole.key.reset();
        code = emit_reports(*report, req, run, whole.key ? &kept : nullptr);
        if (whole.key) {
            whole.counters.scan_misses = 1;
            if (code != k_exit_usage && rules::CacheFolder(*whole.folder).write(*whole.key, encode_rendered(kept)))
                whole.counters.scan_stores = 1;
            stats_cache += whole.counters.scan_stores ? "; whole scan: miss, stored" : "; whole scan: miss";
        }
    }
    if (whole.folder) rules::CacheFolder(*whole.folder).record(whole.counters);
    return code;
}

}  // namespace ccscan::cli
