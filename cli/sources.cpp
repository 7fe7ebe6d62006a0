#include "cli/sources.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>

#include "analyzers/discovery.h"
#include "analyzers/git_source.h"
#include "analyzers/glob.h"

namespace ccscan::cli {

namespace fs = std::filesystem;
using analyzers::Result;

namespace {

// Reads what the file holds when its worker gets to it, never more than the size cap: a file
// that grew past the cap after discovery (a log being written during the scan) fails with a
// reason instead of being read whole.
rules::FileSource worktree_source(const analyzers::DiscoveredFile& d, std::uint64_t max_size) {
    rules::FileSource s;
    s.path = d.path;
    s.abs_path = d.abs_path;
    s.size = d.size;
    s.skip_reason = d.skip_reason;
    std::string abs = d.abs_path;
    s.load = [abs, max_size, expected = d.size]() -> Result<std::string> {
        std::ifstream in(abs, std::ios::binary);
        if (!in) return analyzers::make_diagnostic("io-error", "", {}, "unreadable: cannot open file");
        std::string bytes;
        bytes.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(expected, max_size)));
        char buf[1 << 16];
        while (in.read(buf, sizeof buf) || in.gcount() > 0) {
            bytes.append(buf, static_cast<std::size_t>(in.gcount()));
            if (bytes.size() > max_size) {
                return analyzers::make_diagnostic("limit-size", "", {}, "file grew beyond the size cap (" + std::to_string(max_size) +
                                                                            " bytes) during the scan; not scanned");
            }
        }
        if (in.bad()) return analyzers::make_diagnostic("io-error", "", {}, "unreadable: read error");
        return bytes;
    };
    return s;
}

bool excluded(const ScanRequest& req, const std::string& path) {
    return std::any_of(req.exclude.begin(), req.exclude.end(), [&](const std::string& g) { return analyzers::glob_match(g, path); });
}

Result<SourcePlan> from_disk(const ScanRequest& req, std::vector<analyzers::Diagnostic>& diagnostics) {
    SourcePlan plan;
    analyzers::DiscoveryOptions dopts;
    dopts.excludes = req.exclude;
    dopts.max_file_size = req.max_file_size;
    std::error_code ec;
    for (const std::string& target : req.targets) {
        if (!fs::exists(target, ec)) return analyzers::make_diagnostic("usage", target, {}, "no such file or directory");
        const bool target_is_file = fs::is_regular_file(target, ec);
        for (analyzers::DiscoveredFile& d : analyzers::discover(target, dopts, diagnostics)) {
            // One target: paths relative to it (or the file's name). Several: relative to the cwd.
            if (req.targets.size() > 1) {
                d.path = (target_is_file ? fs::path(target) : fs::path(target) / d.path).lexically_normal().generic_string();
            } else if (target_is_file) {
                d.path = fs::path(target).filename().generic_string();
            }
            plan.sources.push_back(worktree_source(d, req.max_file_size));
        }
    }
    return plan;
}

Result<SourcePlan> from_commit(const ScanRequest& req, const std::string& root) {
    auto repo = analyzers::GitRepo::open(root);
    if (!repo.ok()) return repo.error();
    SourcePlan plan;
    auto files = (*repo)->tree_files(req.git_ref, plan.git_commit);
    if (!files.ok()) return files.error();
    std::shared_ptr<analyzers::GitRepo> shared = *repo;
    for (const analyzers::GitTreeFile& f : *files) {
        rules::FileSource s;
        s.path = f.path;
        s.size = f.size;
        s.origin = analyzers::Origin::commit;
        if (excluded(req, f.path)) s.skip_reason = "excluded by --exclude";
        else if (f.size > req.max_file_size) s.skip_reason = "too large (" + std::to_string(f.size) + " bytes)";
        std::string oid = f.oid;
        s.load = [shared, oid]() { return shared->read_blob(oid); };
        plan.sources.push_back(std::move(s));
    }
    return plan;
}

// One source per commit and file it added lines to: the blob with every other line blanked.
Result<SourcePlan> from_history(const ScanRequest& req, const std::string& root, const analyzers::TextPrefilter& may_match) {
    auto repo = analyzers::GitRepo::open(root);
    if (!repo.ok()) return repo.error();
    auto additions = (*repo)->history(req.since, req.all_refs, may_match);
    if (!additions.ok()) return additions.error();
    SourcePlan plan;
    plan.git_commit = (*repo)->head_commit();
    std::shared_ptr<analyzers::GitRepo> shared = *repo;
    for (analyzers::GitAddition& a : *additions) {
        plan.commit_order.emplace(a.origin.commit, static_cast<int>(plan.commit_order.size()));
        rules::FileSource s;
        s.path = a.path;
        s.inventory_path = a.origin.commit.substr(0, 12) + ":" + a.path;
        s.origin = analyzers::Origin::commit;
        s.git = a.origin;
        if (excluded(req, a.path)) s.skip_reason = "excluded by --exclude";
        if (s.skip_reason.empty()) s.skip_reason = a.skip_reason;
        if (a.whole_blob) {
            s.load = [shared, oid = a.oid]() { return shared->read_blob(oid); };
        } else if (a.text_kept) {
            auto kept = std::make_shared<analyzers::GitAddition>(std::move(a));
            s.load = [kept]() -> Result<std::string> { return analyzers::blanked_text(*kept); };
        } else {
            auto lines = std::make_shared<std::vector<std::uint32_t>>(std::move(a.added_lines));
            s.load = [shared, oid = a.oid, lines]() -> Result<std::string> {
                auto blob = shared->read_blob(oid);
                if (!blob.ok()) return blob.error();
                return analyzers::only_added_lines(*blob, *lines);
            };
        }
        plan.sources.push_back(std::move(s));
    }
    return plan;
}

}  // namespace

Result<SourcePlan> collect_sources(const ScanRequest& req, const std::string& root, std::vector<analyzers::Diagnostic>& diagnostics,
                                   const analyzers::TextPrefilter& history_prefilter) {
    if (!req.git_ref.empty()) return from_commit(req, root);
    if (req.git_history) return from_history(req, root, history_prefilter);
    auto plan = from_disk(req, diagnostics);
    if (!plan.ok()) return plan;
    if (auto repo = analyzers::GitRepo::open(root); repo.ok()) plan->git_commit = (*repo)->head_commit();
    if (req.changed_since.empty()) return plan;
    auto repo = analyzers::GitRepo::open(root);
    if (!repo.ok()) return repo.error();
    auto changed = (*repo)->changed_since(req.changed_since);
    if (!changed.ok()) return changed.error();
    // Paths from git are relative to the work tree; ours are relative to the scan root.
    std::error_code ec;
    std::string prefix = fs::relative(fs::absolute(root, ec), (*repo)->workdir(), ec).generic_string();
    prefix = (prefix == "." || prefix.empty()) ? "" : prefix + "/";
    std::set<std::string> wanted(changed->begin(), changed->end());
    for (rules::FileSource& s : plan->sources) {
        if (s.skip_reason.empty() && !wanted.count(prefix + s.path)) s.skip_reason = "unchanged since " + req.changed_since;
    }
    return plan;
}

void keep_first_introduction(std::vector<rules::Finding>& findings, const std::map<std::string, int>& commit_order) {
    auto order = [&](const rules::Finding& f) {
        auto it = f.origin ? commit_order.find(f.origin->commit) : commit_order.end();
        return it == commit_order.end() ? -1 : it->second;
    };
    std::stable_sort(findings.begin(), findings.end(), [&](const auto& a, const auto& b) { return order(a) < order(b); });
    std::set<std::pair<std::string, std::string>> seen;
    std::vector<rules::Finding> kept;
    for (rules::Finding& f : findings) {
        if (seen.emplace(f.rule_id, f.fingerprint_key.empty() ? f.message : f.fingerprint_key).second) kept.push_back(std::move(f));
    }
    rules::assign_fingerprints(kept);  // sorts too
    findings = std::move(kept);
}

}  // namespace ccscan::cli
