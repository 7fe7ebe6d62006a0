// File discovery: turns a scan target (a folder or one file) into the list of files the scan
// will examine or report as skipped. Every file the walk meets ends in the list, either to scan
// (skip_reason empty) or skipped with a reason, so reports can show what was not examined:
//   - "excluded by pattern 'P'"        an --exclude / config glob (analyzers/glob.h) matched;
//   - "ignored by .gitignore"          the target is inside a git repository whose ignore rules
//                                      match (files tracked in the index are still scanned);
//   - "too large (N bytes, limit M)"   over DiscoveryOptions::max_file_size;
//   - "unreadable: ..."                permission or I/O errors;
//   - "not a regular file", "symbolic link ..." (FIFOs, sockets, devices, links out of the root).
// An excluded or ignored directory is listed once, as "dir/", instead of file by file. Nothing
// inside `.git` is listed. Symbolic links to files inside the root are scanned under the link's
// name; links to directories are never followed (a target inside the root is scanned at its real
// path, one outside is reported), so a walk cannot loop or leave the root.
// Paths are relative to the target, '/'-separated, sorted; never throws.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analyzers/diagnostic.h"

namespace ccscan::analyzers {

struct DiscoveryOptions {
    std::vector<std::string> excludes;                  // globs relative to the target
    std::uint64_t max_file_size = 10u * 1024u * 1024u;  // bytes
    bool use_gitignore = true;
};

struct DiscoveredFile {
    std::string path;         // relative to the target ('/'-separated); the file name for a file target
    std::string abs_path;     // where to read it
    std::uint64_t size = 0;
    std::string skip_reason;  // empty: scan it
};

// `diags` receives problems that concern the walk itself (a missing target, a folder too deep).
std::vector<DiscoveredFile> discover(const std::string& root_or_file, const DiscoveryOptions& options,
                                     std::vector<Diagnostic>& diags);

}  // namespace ccscan::analyzers
