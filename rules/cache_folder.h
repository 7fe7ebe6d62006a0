// The result cache's folder: one file per entry, sharded by the first two hex digits of its key
// (`DIR/3f/3fa9...`), written to a temporary file and renamed into place, so concurrent scans
// sharing a folder see each entry whole or not at all. An entry starts with a magic and a
// checksum of its payload; a missing, truncated or corrupt entry is a miss. The folder is created
// 0700 and entries 0600 (they hold findings, i.e. what reports hold). `clear` and `prune` only
// remove what looks like an entry (two-hex-digit folders, hex-named files, stale temporary files),
// whatever else the folder holds.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "analyzers/diagnostic.h"

namespace ccscan::rules {

struct CacheCounters {
    std::uint64_t hits = 0, misses = 0, stores = 0;                 // per-file entries
    std::uint64_t scan_hits = 0, scan_misses = 0, scan_stores = 0;  // whole-scan entries (cli/whole_scan.h)
};

struct CacheFolderStats {
    std::uint64_t entries = 0;
    std::uint64_t bytes = 0;
    CacheCounters total;  // every scan since the last clear
    CacheCounters last;   // the last scan that used the folder
};

class CacheFolder {
public:
    explicit CacheFolder(std::string dir) : m_dir(std::move(dir)) {}
    const std::string& dir() const { return m_dir; }

    // Creates the folder (mode 0700) and its CACHEDIR.TAG; a diagnostic when it cannot.
    std::optional<analyzers::Diagnostic> prepare() const;

    // The payload stored under `key` (lowercase hex, at least 3 characters), or nullopt.
    std::optional<std::string> read(std::string_view key) const;
    // Best effort: false when the entry could not be written (the scan goes on without it).
    bool write(std::string_view key, std::string_view payload) const;

    // Adds one scan's counters to the folder's statistics (under a lock).
    void record(const CacheCounters& scan) const;
    CacheFolderStats stats() const;
    // Removes every entry and resets the statistics; returns the number of entries removed.
    std::uint64_t clear() const;
    // Removes entries not used for `max_age_s` seconds, then the least recently used ones until
    // the entries take at most `max_bytes`; either may be absent. Returns entries removed.
    std::uint64_t prune(std::optional<double> max_age_s, std::optional<std::uint64_t> max_bytes) const;

private:
    std::string m_dir;
};

}  // namespace ccscan::rules
