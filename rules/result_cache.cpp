#include "rules/result_cache.h"

#include <algorithm>

#include "analyzers/hash.h"
#include "rules/cache_codec.h"
#include "rules/engine.h"

namespace ccscan::rules {

namespace {

// A diagnostic that says the outcome depends on more than the file's bytes.
bool circumstantial(const analyzers::Diagnostic& d) {
    return d.code == "limit-time" || d.code == "internal";
}

}  // namespace

std::string ResultCache::key_for(const FileSource& src, const std::string& sha256_hex) const {
    analyzers::Sha256 h;
    auto field = [&h](std::string_view s) {
        h.update(std::to_string(s.size()));
        h.update(":");
        h.update(s);
    };
    field(m_scan_key);
    field(src.path);
    field(src.inventory_path);
    field(src.forced_format);
    field(src.origin == analyzers::Origin::commit ? "commit" : "worktree");
    field(src.git ? src.git->commit + '\n' + src.git->author + '\n' + src.git->date : std::string("-"));
    field(sha256_hex);
    return h.hex_digest();
}

std::optional<FileOutcome> ResultCache::load(const std::string& key) {
    std::optional<FileOutcome> found;
    if (auto bytes = m_folder.read(key)) found = decode_outcome(*bytes);
    ++(found ? m_hits : m_misses);
    return found;
}

void ResultCache::store(const std::string& key, const FileOutcome& o) {
    if (o.timed_out || o.document || !o.rule_errors.empty() || o.entry.sha256.empty()) return;
    if (std::any_of(o.diagnostics.begin(), o.diagnostics.end(), circumstantial)) return;
    EncodedOutcome encoded = encode_outcome(o);
    if (!encoded.clean) return;
    if (m_folder.write(key, encoded.bytes)) ++m_stores;
}

}  // namespace ccscan::rules
