// One file handed to the scanner, from the work tree or from a git object.
#pragma once

#include <optional>
#include <string>

namespace ccscan::analyzers {

enum class Origin { worktree, commit };

// Who introduced a file version (git history scans); empty fields when unknown.
struct GitOrigin {
    std::string commit;  // full hex id
    std::string author;  // "Name <email>"
    std::string date;    // ISO 8601, UTC
    friend bool operator==(const GitOrigin&, const GitOrigin&) = default;
};

struct InputFile {
    std::string path;      // relative to the scan root, '/' separators, never starts with "./"
    std::string abs_path;  // where it was read from (empty for git blobs)
    std::string bytes;     // whole content
    Origin origin = Origin::worktree;
    std::optional<GitOrigin> git;
};

}  // namespace ccscan::analyzers
