// The history walk behind GitRepo::history (analyzers/git_source.h): commits in a deterministic
// order (topological, then commit time, oldest first), each diffed against its first parent (or
// the empty tree) tree to tree, and for every file the commit added or modified, the lines it
// added. Line diffs are computed only where needed (docs/git-history.md):
//   - a file the commit added: every line is new, the blob is not read during the walk;
//   - a file that only grew at its end (logs, ledgers): the appended lines, without a diff;
//   - any other change: the changed middle of the file (common first and last lines trimmed)
//     goes through the prefilter first, and only when it may match is it diffed line by line.
// Each blob is read at most once by the walk (the last version of each path is kept, within a
// budget, for the next commit's comparison); blob hashes are not re-verified on read.
#pragma once

#include <git2.h>

#include <string>
#include <vector>

#include "analyzers/git_source.h"

namespace ccscan::analyzers {

// `where` names the repository in errors. The caller serialises access to `repo`.
Result<std::vector<GitAddition>> walk_history(git_repository* repo, const std::string& where, const std::string& since, bool all,
                                              const TextPrefilter& may_match);

}  // namespace ccscan::analyzers
