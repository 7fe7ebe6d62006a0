#include "cli/cache_setup.h"

#include <cstdlib>
#include <filesystem>

#include "analyzers/hash.h"
#include "rules/cache_codec.h"

namespace ccscan::cli {

namespace fs = std::filesystem;

std::string default_cache_folder() {
    const char* xdg = std::getenv("XDG_CACHE_HOME");
    if (xdg && *xdg == '/') return (fs::path(xdg) / "ccscan").string();
    const char* home = std::getenv("HOME");
    if (home && *home) return (fs::path(home) / ".cache" / "ccscan").string();
    return {};
}

std::optional<std::string> cache_folder_for(bool no_cache, const std::string& flag_dir, const Config& cfg) {
    if (no_cache) return std::nullopt;
    if (!flag_dir.empty()) return flag_dir;
    if (!cfg.cache) return std::nullopt;
    if (cfg.cache->empty()) {
        std::string dir = default_cache_folder();
        if (dir.empty()) return std::nullopt;
        return dir;
    }
    fs::path dir(*cfg.cache);
    if (dir.is_relative() && !cfg.path.empty()) dir = fs::path(cfg.path).parent_path() / dir;
    return dir.string();
}

std::string cache_scan_key(const std::vector<rules::Pack>& packs, const std::vector<const rules::Rule*>& rules,
                           const rules::ScanOptions& options) {
    std::string key;
    auto field = [&key](const std::string& name, const std::string& value) {
        key += name + " " + std::to_string(value.size()) + ":" + value + "\n";
    };
    field("tool", CCSCAN_VERSION);
    field("build", build_id());
    field("codec", std::to_string(rules::k_cache_codec_version));
    for (const rules::Pack& p : packs) field("pack", p.id + " " + p.sha256);
    for (const rules::Rule* r : rules) field("rule", r->id + " " + r->pack);
    field("policy", options.policy.canonical());
    const auto& l = options.limits;
    field("limits", std::to_string(l.max_depth) + " " + std::to_string(l.max_nodes) + " " +
                        std::to_string(l.max_alias_expansion) + " " + std::to_string(l.max_bytes));
    field("file-timeout-ms", std::to_string(options.file_timeout.count()));
    field("hash-key", options.hash_key.empty() ? "none" : analyzers::hmac_sha256_hex(options.hash_key, "ccscan result cache"));
    return analyzers::sha256_hex(key);
}

}  // namespace ccscan::cli
