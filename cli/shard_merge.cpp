#include "cli/shard_merge.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "analyzers/hash.h"
#include "rules/control_matrix.h"
#include "rules/framework.h"

namespace ccscan::cli {

namespace {

std::string file_digest(const std::string& path) {
    if (path.empty()) return "-";
    std::ifstream in(path, std::ios::binary);
    if (!in) return "unreadable";
    std::ostringstream text;
    text << in.rdbuf();
    return analyzers::sha256_hex(text.str());
}

analyzers::Diagnostic refuse(const std::string& name, const std::string& why) {
    return analyzers::make_diagnostic("merge-refused", name, {}, why);
}

bool same_stale(const rules::StaleEntry& a, const rules::StaleEntry& b) {
    return std::tie(a.kind, a.rule_id, a.fingerprint, a.where, a.message) == std::tie(b.kind, b.rule_id, b.fingerprint, b.where, b.message);
}

// Inline suppressions belong to one file, so one shard: their stale entries are joined. A
// waiver or baseline entry is stale in the whole tree only when it is stale in every shard.
std::vector<rules::StaleEntry> merge_stale(const std::vector<rules::Report>& shards) {
    std::vector<rules::StaleEntry> out;
    for (const rules::Report& r : shards)
        for (const rules::StaleEntry& s : r.stale)
            if (s.kind == "inline") out.push_back(s);
    auto count_in = [](const rules::Report& r, const rules::StaleEntry& s) {
        return std::count_if(r.stale.begin(), r.stale.end(), [&](const rules::StaleEntry& t) { return same_stale(s, t); });
    };
    std::vector<const rules::StaleEntry*> taken;
    for (const rules::StaleEntry& s : shards.front().stale) {
        if (s.kind == "inline") continue;
        auto seen = std::count_if(taken.begin(), taken.end(), [&](const rules::StaleEntry* t) { return same_stale(s, *t); });
        bool everywhere = std::all_of(shards.begin(), shards.end(), [&](const rules::Report& r) { return count_in(r, s) > seen; });
        taken.push_back(&s);
        if (everywhere) out.push_back(s);
    }
    std::stable_sort(out.begin(), out.end(), rules::stale_order);
    return out;
}

}  // namespace

std::string shard_config_digest(const rules::Report& report, const ScanRequest& req, const std::string& config_path,
                                const std::string& hash_key) {
    std::string text = "ccscan-shard-config/1\ntool " + report.tool.name + " " + report.tool.version + "\nroot " + report.scan.root + "\n";
    for (const std::string& t : report.scan.targets) text += "target " + t + "\n";
    text += "git " + report.scan.git_commit + " " + report.scan.git_ref + "\n";
    for (const auto& [k, v] : report.scan.options) text += "option " + k + "=" + v + "\n";
    for (const rules::PackSummary& p : report.packs) text += "pack " + p.id + " " + p.version + " " + p.sha256 + "\n";
    text += "config " + file_digest(config_path) + "\nbaseline " + file_digest(req.baseline) + "\n";
    text += "key " + (hash_key.empty() ? std::string("-") : analyzers::sha256_hex("ccscan-shard-key\n" + hash_key)) + "\n";
    text += "max-file-size " + std::to_string(req.max_file_size) + "\nfile-timeout " + std::to_string(req.file_timeout) + "\n";
    text += std::string("plain-path ") + (req.plain_path ? "1" : "0") + "\n";
    return analyzers::sha256_hex(text);
}

analyzers::Result<rules::Report> merge_shard_reports(std::vector<rules::Report> shards, const std::vector<std::string>& names,
                                                     const std::string& data_root) {
    if (shards.empty()) return refuse("", "no shard reports to merge");
    for (std::size_t i = 0; i < shards.size(); ++i)
        if (!shards[i].shard) return refuse(names[i], "not a shard report (write one with `ccscan scan --shard K/N --format json`)");
    const rules::Report& first = shards.front();
    const int count = first.shard->count;
    std::map<int, std::string> by_index;
    for (std::size_t i = 0; i < shards.size(); ++i) {
        const rules::Report& r = shards[i];
        const std::string& name = names[i];
        if (r.shard->count != count)
            return refuse(name, "shard " + std::to_string(r.shard->index) + "/" + std::to_string(r.shard->count) + " mixed with " +
                                    names[0] + " (shard " + std::to_string(first.shard->index) + "/" + std::to_string(count) + ")");
        if (r.tool.version != first.tool.version)
            return refuse(name, "written by ccscan " + r.tool.version + ", " + names[0] + " by ccscan " + first.tool.version);
        if (r.scan.root != first.scan.root)
            return refuse(name, "scan root '" + r.scan.root + "' differs from '" + first.scan.root + "' in " + names[0]);
        if (r.shard->config_digest != first.shard->config_digest)
            return refuse(name, "scanned with another configuration than " + names[0] +
                                    " (packs, policy, options or redaction key differ; configuration digest " +
                                    r.shard->config_digest.substr(0, 12) + " vs " + first.shard->config_digest.substr(0, 12) + ")");
        if (auto [it, fresh] = by_index.emplace(r.shard->index, name); !fresh)
            return refuse(name, "shard " + std::to_string(r.shard->index) + "/" + std::to_string(count) + " given twice (also " + it->second + ")");
    }
    std::string missing;
    for (int k = 1; k <= count; ++k)
        if (!by_index.count(k)) missing += (missing.empty() ? "" : ", ") + std::to_string(k) + "/" + std::to_string(count);
    if (!missing.empty()) return refuse("", "missing shard report(s): " + missing);

    rules::Report merged;
    merged.tool = first.tool;
    merged.scan = first.scan;
    merged.packs = first.packs;
    merged.rules = first.rules;
    merged.frameworks = first.frameworks;
    std::map<std::string, int> applicable;
    std::map<std::string, std::string> owner;
    for (std::size_t i = 0; i < shards.size(); ++i) {
        rules::Report& r = shards[i];
        for (const auto& [rule, n] : r.shard->applicable) applicable[rule] += n;
        for (const rules::InventoryEntry& e : r.inventory)
            if (auto [it, fresh] = owner.emplace(e.path, names[i]); !fresh)
                return refuse(names[i], "file '" + e.path + "' is also in " + it->second + " (reports of different trees?)");
        std::move(r.findings.begin(), r.findings.end(), std::back_inserter(merged.findings));
        std::move(r.inventory.begin(), r.inventory.end(), std::back_inserter(merged.inventory));
        std::move(r.diagnostics.begin(), r.diagnostics.end(), std::back_inserter(merged.diagnostics));
    }
    std::stable_sort(merged.findings.begin(), merged.findings.end(), rules::finding_less);
    std::stable_sort(merged.inventory.begin(), merged.inventory.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
    std::stable_sort(merged.diagnostics.begin(), merged.diagnostics.end(), rules::diagnostic_order);
    merged.stale = merge_stale(shards);
    // The control matrix counts the whole tree's findings and applicable artifacts.
    // (When the catalogues cannot be read, each shard holds no matrix and one of them the error.)
    if (auto frameworks = rules::load_frameworks(data_root + "/frameworks"); frameworks.ok())
        merged.controls = rules::compute_control_matrix(*frameworks, merged.rules, merged.findings, applicable);
    return merged;
}

}  // namespace ccscan::cli
