// A compact binary form of a parsed Document (node tree with spans), read back far faster than
// the YAML it came from. ccscan's built-in packs, frameworks and detector catalogue are parsed
// at build time (tools/pack_snapshot.cpp) and embedded as snapshots keyed by the SHA-256 of the
// source bytes; at run time a file whose bytes hash to a snapshot is read from the snapshot, any
// other file (an edited or user pack) is parsed as usual. Same Document either way (tested).
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "analyzers/diagnostic.h"
#include "analyzers/document.h"

namespace ccscan::analyzers {

// Appends the snapshot of `doc` (format, root, multi_document; not notes) to `out`.
void write_snapshot(const Document& doc, std::string& out);
// Reads one snapshot written by write_snapshot; fails on truncated or malformed input.
Result<Document> read_snapshot(std::string_view bytes);

// A set of snapshots keyed by the SHA-256 (hex) of their source text:
//   "CCSNAP1\n" then, per entry, 64 hex digits, a varint length and the snapshot.
class SnapshotSet {
public:
    // An empty set when `blob` is empty or malformed (files are then parsed).
    static SnapshotSet from_blob(std::string_view blob);
    static void append_entry(std::string& blob, const std::string& sha256_hex, const Document& doc);
    static constexpr std::string_view k_magic = "CCSNAP1\n";

    // The snapshot of a file whose bytes hash to `sha256_hex`, or nullptr.
    const std::string_view* find(const std::string& sha256_hex) const;
    const std::map<std::string, std::string_view, std::less<>>& entries() const { return m_entries; }

private:
    std::map<std::string, std::string_view, std::less<>> m_entries;
};

}  // namespace ccscan::analyzers
