// Git as a source of files, through libgit2 (handles in analyzers/git_handle.h):
// - the tree of any commit, read without a checkout (bare repositories too);
// - the paths changed between a commit and the work tree (renames followed);
// - the history: for every commit, oldest first, the lines it added to each file
//   (analyzers/git_history.cpp; docs/git-history.md);
// - cloning a URL (https, ssh, file://) into a folder.
// Errors are Diagnostics naming the repository and what failed; nothing here throws.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/diagnostic.h"
#include "analyzers/input_file.h"

namespace ccscan::analyzers {

struct GitTreeFile {
    std::string path;  // relative to the repository root
    std::string oid;   // blob id (hex)
    std::uint64_t size = 0;
};

// One commit's additions to one file (against its first parent, or the empty tree): the new
// blob and the 1-based line numbers it added. A file the commit added has every line new
// (`whole_blob`: the scan reads the blob). Otherwise the added lines' text is kept with it while
// the walk's memory budget lasts (`text_kept`: the scan needs no second read of the blob).
struct GitAddition {
    std::string path;
    std::string oid;
    GitOrigin origin;
    bool whole_blob = false;
    std::vector<std::uint32_t> added_lines;  // sorted; empty when whole_blob
    bool text_kept = false;
    std::string added_text;      // with text_kept: the added lines in order, each followed by '\n'
    std::uint32_t segments = 0;  // with text_kept: '\n'-separated segments of the blob (newlines + 1)
    std::string skip_reason;     // non-empty: listed in the inventory, not scanned
};

// True when text could hold something a history scan reports (the content rules' patterns).
// History walks diff line by line only the changes it accepts; empty: every change.
using TextPrefilter = std::function<bool(std::string_view)>;

// The blob with every line the commit did not add blanked (kept as an empty line), so line
// numbers and columns stay those of the file at that commit.
std::string only_added_lines(std::string_view blob, const std::vector<std::uint32_t>& added);
// The same text, rebuilt from an addition whose text was kept.
std::string blanked_text(const GitAddition& a);

// A repository opened once and shared by worker threads (blob reads are serialised).
class GitRepo {
public:
    static Result<std::shared_ptr<GitRepo>> open(const std::string& path);
    ~GitRepo();

    // The commit `rev` resolves to (full hex), and its tree's files.
    Result<std::vector<GitTreeFile>> tree_files(const std::string& rev, std::string& commit_out);
    Result<std::string> read_blob(const std::string& oid);
    // Paths added, modified, renamed or copied between `rev` and the work tree (with the index).
    Result<std::vector<std::string>> changed_since(const std::string& rev);
    // Commits reachable from HEAD (or every reference with `all`), oldest first, excluding
    // those reachable from `since` when given; each commit's added lines per file.
    Result<std::vector<GitAddition>> history(const std::string& since, bool all, const TextPrefilter& may_match = {});
    // HEAD's commit id, or empty.
    std::string head_commit();
    // The work tree folder (empty for bare repositories).
    std::string workdir() const;

private:
    GitRepo() = default;
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    std::mutex m_mutex;
};

bool looks_like_git_url(const std::string& target);
// Clones `url` into `folder` (which must not exist). Never prompts for credentials. A full clone:
// libgit2 1.5 has no shallow fetch. `ca_bundle` (PEM) is trusted for https in addition to the
// system store; TLS is always verified. Errors never quote credentials embedded in the URL.
Result<bool> clone_repository(const std::string& url, const std::string& folder, const std::string& ca_bundle = "");
// "https://user:token@host/x" -> "https://****@host/x" (for reports and messages).
std::string mask_url_credentials(const std::string& url);

}  // namespace ccscan::analyzers
