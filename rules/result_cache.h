// The result cache (like ccache, for compliance scans; docs/cache.md). The engine asks it, for
// each file it has read and hashed, for the outcome of the per-file pass under a key made of
//   the scan key (tool version, build id, loaded packs and rules, policy, options that change
//   results; cli/cache_setup.h builds it) + the file's path and origin + SHA-256 of its bytes,
// and stores the outcome after a miss. The whole-scan pass (flow rules, cross-artifact taint,
// fingerprints) always runs, on cached and fresh outcomes alike, so output is byte-identical.
//
// Not stored: files that failed for a reason other than their content (time budget, internal
// error, read error), outcomes with pack errors, files whose Document a whole-scan config rule
// keeps (the Document is the file's whole content), and outcomes holding free text that reports
// would mask (rules/cache_codec.h). Those files are scanned every time.
#pragma once

#include <atomic>
#include <optional>
#include <string>

#include "rules/cache_folder.h"
#include "rules/file_outcome.h"

namespace ccscan::rules {

struct FileSource;

class ResultCache {
public:
    ResultCache(CacheFolder folder, std::string scan_key) : m_folder(std::move(folder)), m_scan_key(std::move(scan_key)) {}

    // The entry key of one file (hex SHA-256).
    std::string key_for(const FileSource& src, const std::string& sha256_hex) const;
    // The cached outcome (a hit), or nullopt (a miss). Thread-safe.
    std::optional<FileOutcome> load(const std::string& key);
    // Stores a fresh outcome when it may be cached (see above). Thread-safe.
    void store(const std::string& key, const FileOutcome& outcome);

    CacheCounters counters() const { return {m_hits.load(), m_misses.load(), m_stores.load()}; }
    const CacheFolder& folder() const { return m_folder; }

private:
    CacheFolder m_folder;
    std::string m_scan_key;
    std::atomic<std::uint64_t> m_hits{0}, m_misses{0}, m_stores{0};
};

}  // namespace ccscan::rules
