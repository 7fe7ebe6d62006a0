// `ccscan rules frameworks [--format json] [--framework ID] [--pack P]`: the control catalogues
// (rules/frameworks/*.yaml) with each control's automation level and the rules that evidence it,
// so users see up front which controls a scan can show and which need human evidence. Controls
// named by rules but missing from the catalogues are reported as errors (exit code 2).
#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iomanip>
#include <map>
#include <memory>
#include <ostream>
#include <set>

#include "cli/command.h"
#include "cli/data_root.h"
#include "rules/framework.h"
#include "rules/pack_loader.h"
#include "rules/pack_support.h"

namespace ccscan::cli {

namespace {

struct FrameworksOptions {
    std::string format = "text";
    std::vector<std::string> frameworks;  // ids to show; empty: all
    std::vector<std::string> packs;       // packs whose rules are mapped; empty: built-in
    std::string dir;                      // frameworks folder; empty: <data>/frameworks
};

using RulesByControl = std::map<std::string, std::set<std::string>>;

void print_text(const std::vector<const rules::Framework*>& fws, const RulesByControl& by_control, Run& run) {
    for (const rules::Framework* fw : fws) {
        std::map<std::string, int> counts;
        for (const auto& c : fw->controls) counts[c.automation]++;
        run.out << fw->name << " " << fw->version << " (" << fw->id << "): " << fw->controls.size() << " controls, "
                << counts["automated"] << " automated, " << counts["partial"] << " partial, " << counts["manual"] << " manual\n";
        for (const auto& c : fw->controls) {
            run.out << "  " << std::left << std::setw(22) << c.id << std::setw(10) << c.automation << c.title;
            auto it = by_control.find(c.id);
            if (it != by_control.end()) {
                run.out << "  [";
                bool first = true;
                for (const auto& r : it->second) run.out << (first ? "" : ", ") << r, first = false;
                run.out << "]";
            } else if (c.automation != "manual") {
                run.out << "  [no rule]";
            }
            run.out << "\n";
        }
        run.out << "\n";
    }
}

void print_json(const std::vector<const rules::Framework*>& fws, const RulesByControl& by_control, Run& run) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const rules::Framework* fw : fws) {
        nlohmann::ordered_json j;
        j["id"] = fw->id;
        j["name"] = fw->name;
        j["version"] = fw->version;
        j["url"] = fw->url;
        j["controls"] = nlohmann::ordered_json::array();
        for (const auto& c : fw->controls) {
            auto it = by_control.find(c.id);
            std::vector<std::string> rule_ids;
            if (it != by_control.end()) rule_ids.assign(it->second.begin(), it->second.end());
            j["controls"].push_back({{"id", c.id}, {"title", c.title}, {"summary", c.summary},
                                     {"automation", c.automation}, {"rules", rule_ids}});
        }
        out.push_back(std::move(j));
    }
    run.out << out.dump(2) << "\n";
}

void run_frameworks(const FrameworksOptions& o, Run& run) {
    std::string dir = o.dir.empty() ? data_root() + "/frameworks" : o.dir;
    auto fws = rules::load_frameworks(dir);
    if (!fws.ok()) {
        run.err << "ccscan: " << fws.error().to_string() << "\n";
        run.exit_code = k_exit_usage;
        return;
    }
    auto packs = rules::load_packs(o.packs, data_root() + "/packs");
    if (!packs.ok()) {
        run.err << "ccscan: " << packs.error().to_string() << "\n";
        run.exit_code = k_exit_usage;
        return;
    }
    RulesByControl by_control;
    for (const auto& p : *packs) {
        for (const auto& r : p.rules) {
            for (const auto& c : r.controls) by_control[c].insert(r.id);
        }
    }
    std::vector<const rules::Framework*> shown;
    std::vector<std::string> ids;
    for (const auto& fw : *fws) ids.push_back(fw.id);
    for (const std::string& want : o.frameworks) {
        if (std::find(ids.begin(), ids.end(), want) == ids.end()) {
            run.err << "ccscan: no framework '" << want << "'";
            std::string hint = rules::did_you_mean(want, ids);
            if (!hint.empty()) run.err << " (did you mean '" << hint << "'?)";
            run.err << "\n";
            run.exit_code = k_exit_usage;
            return;
        }
    }
    for (const auto& fw : *fws) {
        if (o.frameworks.empty() || std::find(o.frameworks.begin(), o.frameworks.end(), fw.id) != o.frameworks.end()) shown.push_back(&fw);
    }
    if (o.format == "json") print_json(shown, by_control, run);
    else print_text(shown, by_control, run);
    auto problems = rules::check_rule_controls(*fws, *packs);
    for (const auto& d : problems) run.err << "ccscan: " << d.to_string() << "\n";
    run.exit_code = problems.empty() ? k_exit_ok : k_exit_usage;
}

}  // namespace

void setup_frameworks_command(CLI::App& sub, Run& run) {
    auto o = std::make_shared<FrameworksOptions>();
    sub.add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}));
    sub.add_option("--framework", o->frameworks, "Show only this framework (repeatable): pci-dss, gdpr, ccpa");
    sub.add_option("--pack", o->packs, "Rule pack whose rules are mapped to controls (repeatable; default: every built-in pack)");
    sub.add_option("--frameworks-dir", o->dir, "Folder of framework catalogues (default: <data>/frameworks)");
    sub.callback([o, &run] { run_frameworks(*o, run); });
}

}  // namespace ccscan::cli
