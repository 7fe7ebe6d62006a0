// Where the files of a scan come from: folders and files on disk (discovery), the tree of a git
// commit (--git-ref), only what changed since a commit (--changed-since), or the lines every
// commit added (--git-history).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "analyzers/diagnostic.h"
#include "analyzers/git_source.h"
#include "cli/scan_command.h"
#include "rules/engine.h"

namespace ccscan::cli {

struct SourcePlan {
    std::vector<rules::FileSource> sources;
    std::string git_commit;                   // HEAD (or --git-ref) of the scanned repository
    std::map<std::string, int> commit_order;  // history scans: commit id -> position, oldest first
};

// `history_prefilter`: with --git-history, changes in which it finds nothing are not diffed line
// by line (analyzers/git_history.h); empty: every change is.
analyzers::Result<SourcePlan> collect_sources(const ScanRequest& req, const std::string& root,
                                              std::vector<analyzers::Diagnostic>& diagnostics,
                                              const analyzers::TextPrefilter& history_prefilter = {});

// History scans report a value once, at the commit that introduced it: keeps the first finding
// (in commit order) of each rule and fingerprint key.
void keep_first_introduction(std::vector<rules::Finding>& findings, const std::map<std::string, int>& commit_order);

}  // namespace ccscan::cli
