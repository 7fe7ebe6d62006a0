// RAII for libgit2: unique_ptr aliases that free each handle type, one-time library init, and
// the last libgit2 error as text. The only place ccscan touches libgit2 handle lifetimes; add an
// alias here when a new handle type is needed.
//
//   ensure_libgit2();
//   GitRepository repo = open_repository(path);   // null when `path` is not inside a repository
#pragma once

#include <git2.h>

#include <memory>
#include <string>

#include "analyzers/diagnostic.h"

namespace ccscan::analyzers {

template <class T, void (*Free)(T*)>
struct GitDeleter {
    void operator()(T* p) const {
        if (p) Free(p);
    }
};

template <class T, void (*Free)(T*)>
using GitHandle = std::unique_ptr<T, GitDeleter<T, Free>>;

using GitRepository = GitHandle<git_repository, git_repository_free>;
using GitIndex = GitHandle<git_index, git_index_free>;
using GitObject = GitHandle<git_object, git_object_free>;
using GitCommit = GitHandle<git_commit, git_commit_free>;
using GitTree = GitHandle<git_tree, git_tree_free>;
using GitBlob = GitHandle<git_blob, git_blob_free>;
using GitReference = GitHandle<git_reference, git_reference_free>;
using GitRevwalk = GitHandle<git_revwalk, git_revwalk_free>;
using GitDiff = GitHandle<git_diff, git_diff_free>;
using GitPatch = GitHandle<git_patch, git_patch_free>;
using GitRemote = GitHandle<git_remote, git_remote_free>;

// Calls git_libgit2_init exactly once per process (thread-safe); the library stays initialised
// until exit.
void ensure_libgit2();

// False when no folder from `path` up holds `.git` or is a bare repository (and GIT_DIR is not
// set): libgit2 is then not initialised at all (its start-up parses the system CA bundle).
bool may_be_in_repository(const std::string& path);

// The message of the last libgit2 error on this thread, or "unknown libgit2 error".
std::string last_git_error();
// A `git-error` diagnostic on `where`: "<what>: <last libgit2 error>".
Diagnostic git_failure(const std::string& where, const std::string& what);
// An object id as 40 hex digits.
std::string oid_hex(const git_oid* oid);

// Opens the repository containing `path` (searching parent folders). Null when there is none.
GitRepository open_repository(const std::string& path);

}  // namespace ccscan::analyzers
