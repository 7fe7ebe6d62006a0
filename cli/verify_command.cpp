// `ccscan verify results.json [PATH] [--sign-key FILE]`: shows later that a report is still the
// evidence it was and that it still matches what is deployed.
//   1. The report itself: its integrity digest (reporters/integrity.h) must match its content;
//      an edited finding, status, input hash or pack hash is named. With --sign-key the report
//      must carry a signature made with that key.
//   2. The inputs: every file of the inventory is re-hashed under PATH (default: the report's
//      scan root). For a scan of one folder the folder is walked again with the recorded
//      excludes and .gitignore, so files added or removed since are named too. Paths in reports
//      are masked (a card number in a file name), so files are matched by their masked path.
//   3. The packs: each pack is loaded again from its recorded path and its hash compared.
//   4. A pulled folder (`ccscan pull`): its files against the pull manifest (cli/pull_provenance.h).
// Exit 0: all unchanged; 1: anything changed, missing, added or edited; 2: the report cannot be read.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>

#include "analyzers/discovery.h"
#include "analyzers/hash.h"
#include "analyzers/text_mask.h"
#include "rules/shard.h"
#include "cli/command.h"
#include "cli/data_root.h"
#include "cli/hash_key.h"
#include "cli/pull_provenance.h"
#include "reporters/integrity.h"
#include "reporters/json_reporter.h"
#include "reporters/reporter.h"
#include "rules/pack_loader.h"

namespace ccscan::cli {

namespace {

namespace fs = std::filesystem;

struct Drift {
    int unchanged = 0, changed = 0, missing = 0, unhashed = 0, added = 0, packs_changed = 0;
    bool walked = false;
};

std::optional<std::string> read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string short_hash(const std::string& h) { return h.size() > 12 ? h.substr(0, 12) + "..." : h; }

void check_entry(const rules::InventoryEntry& e, const std::optional<std::string>& content, Drift& d, std::ostream& out) {
    if (!content) {
        ++d.missing;
        out << "missing   " << e.path << "\n";
    } else if (e.sha256.empty()) {
        ++d.unhashed;  // skipped without being read: only its presence can be checked
    } else if (analyzers::sha256_hex(*content) != e.sha256) {
        ++d.changed;
        out << "changed   " << e.path << "  sha256 " << short_hash(e.sha256) << " -> " << short_hash(analyzers::sha256_hex(*content)) << "\n";
    } else {
        ++d.unchanged;
    }
}

// Scans of one folder from the work tree can be walked again; git trees, history, several
// targets and pulls cannot (or not the same way).
bool walkable(const rules::Report& report, const std::string& folder) {
    std::error_code ec;
    return report.scan.targets.size() == 1 && report.scan.git_ref.empty() && !report.scan.options.count("git-history") &&
           !report.scan.options.count("changed-since") && fs::is_directory(folder, ec);
}

std::vector<std::string> recorded_excludes(const rules::Report& report) {
    std::vector<std::string> out;
    auto it = report.scan.options.find("exclude");
    if (it == report.scan.options.end()) return out;
    std::istringstream in(it->second);
    for (std::string g; std::getline(in, g);) {
        if (!g.empty()) out.push_back(g);
    }
    return out;
}

// The inventory against a new walk of `folder`: files by masked path, so a masked name still
// finds its file; several files with the same masked name are told apart by their hashes.
void verify_walked(const rules::Report& report, const std::string& folder, Drift& d, std::ostream& out) {
    d.walked = true;
    analyzers::DiscoveryOptions opts;
    opts.excludes = recorded_excludes(report);
    std::vector<analyzers::Diagnostic> diags;
    std::map<std::string, std::vector<analyzers::DiscoveredFile>> by_path;
    for (analyzers::DiscoveredFile& f : analyzers::discover(folder, opts, diags)) {
        // A shard's report lists only its own files: the other shards' are not "added".
        if (report.shard && rules::shard_of(f.path, report.shard->count) != report.shard->index) continue;
        by_path[analyzers::mask_digit_runs(f.path)].push_back(std::move(f));
    }
    for (const rules::InventoryEntry& e : report.inventory) {
        auto it = by_path.find(e.path);
        if (it == by_path.end() || it->second.empty()) {
            check_entry(e, std::nullopt, d, out);
            continue;
        }
        std::vector<analyzers::DiscoveredFile>& candidates = it->second;
        std::size_t pick = 0;
        std::optional<std::string> content;
        for (std::size_t i = 0; i < candidates.size(); ++i) {
            auto c = read_text(candidates[i].abs_path);
            if (i == 0 || (c && analyzers::sha256_hex(*c) == e.sha256)) {
                pick = i;
                content = c;
            }
            if (c && analyzers::sha256_hex(*c) == e.sha256) break;
        }
        // An excluded or ignored folder is listed as "dir/" and read as nothing.
        if (!content && !e.path.empty() && e.path.back() == '/') content = std::string();
        check_entry(e, content, d, out);
        candidates.erase(candidates.begin() + static_cast<std::ptrdiff_t>(pick));
    }
    for (const auto& [path, left] : by_path) {
        for (std::size_t i = 0; i < left.size(); ++i) {
            ++d.added;
            out << "added     " << path << "\n";
        }
    }
}

void verify_listed(const rules::Report& report, const std::string& folder, Drift& d, std::ostream& out) {
    auto read = reporters::source_reader(folder);
    for (const rules::InventoryEntry& e : report.inventory) check_entry(e, read(e.path), d, out);
}

void verify_packs(const rules::Report& report, Drift& d, std::ostream& out) {
    const std::string builtin = data_root() + "/packs";
    for (const rules::PackSummary& p : report.packs) {
        if (p.path.empty()) continue;
        auto loaded = rules::load_packs({p.path}, builtin);
        if (!loaded.ok() || loaded->empty()) {
            ++d.packs_changed;
            out << "changed   pack " << p.id << " (" << p.path << "): cannot be loaded"
                << (loaded.ok() ? "" : ": " + loaded.error().to_string()) << "\n";
        } else if (loaded->front().sha256 != p.sha256) {
            ++d.packs_changed;
            out << "changed   pack " << p.id << " (" << p.path << ")  sha256 " << short_hash(p.sha256) << " -> "
                << short_hash(loaded->front().sha256) << "\n";
        }
    }
}

void print_files_line(const rules::Report& report, const std::string& folder, const Drift& d, std::ostream& out) {
    out << "ccscan verify: " << report.inventory.size() << " files in " << folder << ": " << d.unchanged << " unchanged, "
        << d.changed << " changed, " << d.missing << " missing";
    if (d.walked) out << ", " << d.added << " added";
    if (d.unhashed > 0) out << " (" << d.unhashed << " present but not hashed at scan time)";
    out << "; " << report.packs.size() - static_cast<std::size_t>(d.packs_changed) << " of " << report.packs.size() << " packs unchanged";
    if (!d.walked) out << "; files added since the scan are not checked (not a scan of one folder)";
    out << "\n";
}

void print_report_line(const reporters::IntegrityResult& integrity, bool key_given, std::ostream& out) {
    out << "ccscan verify: report " << (integrity.problems.empty() ? "intact" : "EDITED OR UNVERIFIABLE");
    if (integrity.signature_checked && integrity.problems.empty()) out << ", signature valid";
    else if (integrity.signed_report && !key_given) out << " (signed; give --sign-key to check the signature)";
    else if (!integrity.signed_report && integrity.present) out << " (digest only, not signed: detects accidental edits, not deliberate ones)";
    out << "\n";
}

struct VerifyOptions {
    std::string report_path, root, sign_key_file;
};

void run_verify(const VerifyOptions& opt, Run& run) {
    auto text = read_text(opt.report_path);
    if (!text) {
        run.err << "ccscan: " << opt.report_path << ": cannot read the JSON report\n";
        run.exit_code = k_exit_usage;
        return;
    }
    auto report = reporters::read_json_report(*text, opt.report_path);
    if (!report.ok()) {
        run.err << "ccscan: " << report.error().to_string() << "\n";
        run.exit_code = k_exit_usage;
        return;
    }
    std::string key;
    if (!opt.sign_key_file.empty()) {
        auto k = read_key_file(opt.sign_key_file, "signing key");
        if (!k.ok()) {
            run.err << "ccscan: " << k.error().to_string() << "\n";
            run.exit_code = k_exit_usage;
            return;
        }
        key = std::move(k.value());
    }
    const reporters::IntegrityResult integrity = reporters::check_integrity(*text, key);
    for (const std::string& p : integrity.problems) run.out << "report    " << p << "\n";
    const std::string folder = opt.root.empty() ? (report->scan.root.empty() ? "." : report->scan.root) : opt.root;
    Drift d;
    if (walkable(*report, folder)) verify_walked(*report, folder, d, run.out);
    else verify_listed(*report, folder, d, run.out);
    verify_packs(*report, d, run.out);
    print_files_line(*report, folder, d, run.out);
    const PullCheck pulled = verify_pull_manifest(folder, run.out);
    if (pulled.present) {
        run.out << "ccscan verify: ccscan-pull.json: " << pulled.unchanged << " pulled file(s) unchanged, " << pulled.changed << " changed, "
                << pulled.missing << " missing\n";
    }
    print_report_line(integrity, !key.empty(), run.out);
    const bool drift = d.changed + d.missing + d.added + d.packs_changed + pulled.changed + pulled.missing > 0;
    run.exit_code = drift || !integrity.problems.empty() ? k_exit_findings : k_exit_ok;
}

}  // namespace

void setup_verify_command(CLI::App& sub, Run& run) {
    auto opt = std::make_shared<VerifyOptions>();
    sub.add_option("report", opt->report_path, "JSON report written by `ccscan scan --format json`")->required();
    sub.add_option("path", opt->root, "Folder to check (default: the scan root recorded in the report)");
    sub.add_option("--sign-key", opt->sign_key_file, "Key file the report was signed with (`scan --sign-key`): the signature must match");
    sub.callback([opt, &run] { run_verify(*opt, run); });
}

}  // namespace ccscan::cli
