#include "rules/baseline.h"

#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

namespace ccscan::rules {

std::string baseline_to_json(const std::vector<Finding>& findings) {
    nlohmann::ordered_json doc;
    doc["version"] = 1;
    doc["tool"] = "ccscan";
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const Finding& f : findings) {
        if (f.suppression.kind == SuppressionKind::inline_comment || f.suppression.kind == SuppressionKind::waiver) continue;
        nlohmann::ordered_json e;
        e["rule_id"] = f.rule_id;
        e["path"] = f.location.path;
        e["fingerprint"] = f.fingerprint;
        e["message"] = f.message;
        list.push_back(std::move(e));
    }
    doc["findings"] = std::move(list);
    return doc.dump(2) + "\n";
}

analyzers::Result<Baseline> load_baseline(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return analyzers::make_diagnostic("baseline-io", path, {}, "cannot read baseline file");
    std::ostringstream ss;
    ss << in.rdbuf();
    nlohmann::json doc = nlohmann::json::parse(ss.str(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || !doc.contains("findings") || !doc["findings"].is_array()) {
        return analyzers::make_diagnostic("baseline-invalid", path, {}, "not a ccscan baseline (expected {\"findings\": [...]}); create one with `ccscan baseline create`");
    }
    Baseline b;
    for (const auto& e : doc["findings"]) {
        if (!e.is_object() || !e.contains("fingerprint") || !e["fingerprint"].is_string()) continue;
        b.entries.push_back({e.value("rule_id", ""), e.value("path", ""), e["fingerprint"].get<std::string>(), e.value("message", "")});
    }
    return b;
}

void apply_baseline(std::vector<Finding>& findings, const Baseline& baseline, const std::string& baseline_path,
                    std::vector<StaleEntry>& stale) {
    std::set<std::string> known;
    for (const BaselineEntry& e : baseline.entries) known.insert(e.fingerprint);
    std::set<std::string> used;
    for (Finding& f : findings) {
        if (!known.count(f.fingerprint)) continue;
        used.insert(f.fingerprint);
        if (f.suppression.kind == SuppressionKind::none) {
            f.suppression.kind = SuppressionKind::baseline;
            f.suppression.reason = "in baseline " + baseline_path;
        }
    }
    for (const BaselineEntry& e : baseline.entries) {
        if (used.count(e.fingerprint)) continue;
        stale.push_back({"baseline", e.rule_id, e.fingerprint, {e.path, {}}, "baseline entry no longer matches: " + e.message});
    }
}

}  // namespace ccscan::rules
