// `ccscan verify results.json [PATH]`: re-hashes every file the scan recorded (inventory) under
// PATH (default: the report's scan root) and reports drift, so an auditor can show later that
// the evidence still matches what is deployed. Exit 0: unchanged; 1: a file changed or is
// missing; 2: the report cannot be read. Files added since the scan are not seen: scan again.
#include <CLI/CLI.hpp>

#include <fstream>
#include <memory>
#include <optional>
#include <sstream>

#include "analyzers/hash.h"
#include "cli/command.h"
#include "cli/pull_provenance.h"
#include "reporters/json_reporter.h"
#include "reporters/reporter.h"

namespace ccscan::cli {

namespace {

struct Drift {
    int unchanged = 0, changed = 0, missing = 0, unhashed = 0;
};

std::optional<std::string> read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string short_hash(const std::string& h) { return h.size() > 12 ? h.substr(0, 12) + "..." : h; }

Drift verify_inventory(const rules::Report& report, const std::string& root, std::ostream& out) {
    Drift d;
    auto read = reporters::source_reader(root);
    for (const rules::InventoryEntry& e : report.inventory) {
        auto content = read(e.path);
        if (!content) {
            ++d.missing;
            out << "missing   " << e.path << "\n";
        } else if (e.sha256.empty()) {
            ++d.unhashed;  // skipped without being read: only its presence can be checked
        } else if (analyzers::sha256_hex(*content) != e.sha256) {
            ++d.changed;
            out << "changed   " << e.path << "  sha256 " << short_hash(e.sha256) << " -> "
                << short_hash(analyzers::sha256_hex(*content)) << "\n";
        } else {
            ++d.unchanged;
        }
    }
    return d;
}

}  // namespace

void setup_verify_command(CLI::App& sub, Run& run) {
    auto report_path = std::make_shared<std::string>();
    auto root = std::make_shared<std::string>();
    sub.add_option("report", *report_path, "JSON report written by `ccscan scan --format json`")->required();
    sub.add_option("path", *root, "Folder to check (default: the scan root recorded in the report)");
    sub.callback([report_path, root, &run] {
        auto text = read_text(*report_path);
        if (!text) {
            run.err << "ccscan: " << *report_path << ": cannot read the JSON report\n";
            run.exit_code = k_exit_usage;
            return;
        }
        auto report = reporters::read_json_report(*text, *report_path);
        if (!report.ok()) {
            run.err << "ccscan: " << report.error().to_string() << "\n";
            run.exit_code = k_exit_usage;
            return;
        }
        const std::string folder = root->empty() ? (report->scan.root.empty() ? "." : report->scan.root) : *root;
        const Drift d = verify_inventory(*report, folder, run.out);
        run.out << "ccscan verify: " << report->inventory.size() << " files in " << folder << ": " << d.unchanged
                << " unchanged, " << d.changed << " changed, " << d.missing << " missing";
        if (d.unhashed > 0) run.out << " (" << d.unhashed << " present but not hashed at scan time)";
        run.out << "\n";
        const PullCheck pulled = verify_pull_manifest(folder, run.out);
        if (pulled.present) {
            run.out << "ccscan verify: ccscan-pull.json: " << pulled.unchanged << " pulled file(s) unchanged, " << pulled.changed << " changed, "
                    << pulled.missing << " missing\n";
        }
        run.exit_code = d.changed + d.missing + pulled.changed + pulled.missing > 0 ? k_exit_findings : k_exit_ok;
    });
}

}  // namespace ccscan::cli
