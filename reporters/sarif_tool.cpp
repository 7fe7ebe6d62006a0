// tool.driver and the framework taxonomies of the SARIF run. Each framework (pci-dss, gdpr,
// ccpa) is one taxonomy whose taxa are its controls; a rule points at the controls it evidences
// through `relationships`, and carries the controls again as `properties.tags`, which GitHub
// shows and filters by.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>
#include <vector>

#include "analyzers/hash.h"
#include "reporters/sarif_parts.h"
#include "reporters/summary.h"

namespace ccscan::reporters::sarif {

namespace {

struct Taxon {
    std::string id;  // local part: "3.3.2"
    std::string title;
};

struct Framework {
    std::string id, name, version, guid;
    std::vector<Taxon> taxa;
    std::size_t taxon_index(const std::string& local) const {
        for (std::size_t i = 0; i < taxa.size(); ++i) {
            if (taxa[i].id == local) return i;
        }
        return taxa.size();
    }
};

std::pair<std::string, std::string> split_control(const std::string& control) {
    const auto colon = control.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == control.size()) return {};
    return {control.substr(0, colon), control.substr(colon + 1)};
}

// A stable name-based GUID (version 5 layout) so the same framework always gets the same guid.
std::string stable_guid(const std::string& name) {
    std::string h = analyzers::sha256_hex("ccscan-taxonomy:" + name).substr(0, 32);
    h[12] = '5';
    h[16] = "89ab"[std::stoi(h.substr(16, 1), nullptr, 16) & 0x3];
    return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) + "-" + h.substr(20, 12);
}

Framework& framework_for(std::vector<Framework>& all, const std::string& id) {
    auto it = std::find_if(all.begin(), all.end(), [&](const Framework& f) { return f.id == id; });
    if (it != all.end()) return *it;
    all.push_back({id, id, "", stable_guid(id), {}});
    return all.back();
}

void add_taxon(Framework& fw, const std::string& local, const std::string& title) {
    if (fw.taxon_index(local) < fw.taxa.size()) return;
    fw.taxa.push_back({local, title});
}

std::vector<Framework> collect_frameworks(const rules::Report& report) {
    std::vector<Framework> all;
    for (const rules::FrameworkSummary& f : report.frameworks) {
        all.push_back({f.id, f.name.empty() ? f.id : f.name, f.version, stable_guid(f.id), {}});
    }
    for (const rules::ControlResult* c : controls_in_natural_order(report)) {
        auto [fw, local] = split_control(c->id);
        if (!fw.empty()) add_taxon(framework_for(all, fw), local, c->title);
    }
    for (const rules::RuleSummary& r : report.rules) {
        for (const std::string& control : r.controls) {
            auto [fw, local] = split_control(control);
            if (!fw.empty()) add_taxon(framework_for(all, fw), local, "");
        }
    }
    all.erase(std::remove_if(all.begin(), all.end(), [](const Framework& f) { return f.taxa.empty(); }), all.end());
    return all;
}

Json taxonomy_json(const Framework& fw, const std::string& display) {
    Json t;
    t["name"] = fw.name;
    t["guid"] = fw.guid;
    if (!fw.version.empty()) t["version"] = fw.version;
    t["shortDescription"] = Json{{"text", display}};
    t["isComprehensive"] = false;
    Json taxa = Json::array();
    for (const Taxon& taxon : fw.taxa) {
        Json j;
        j["id"] = taxon.id;
        j["shortDescription"] = Json{{"text", taxon.title.empty() ? fw.id + ":" + taxon.id : taxon.title}};
        taxa.push_back(std::move(j));
    }
    t["taxa"] = std::move(taxa);
    return t;
}

std::string problem_severity(rules::Severity s) {
    if (s >= rules::Severity::high) return "error";
    if (s == rules::Severity::medium) return "warning";
    return "recommendation";
}

std::string security_severity_text(rules::Severity s) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.1f", rules::security_severity(s));
    return buf;
}

bool absolute_http_uri(const std::string& uri) {
    return uri.rfind("https://", 0) == 0 || uri.rfind("http://", 0) == 0;
}

std::string help_markdown(const rules::RuleSummary& r) {
    std::string md = "**" + r.title + "**\n\n";
    if (!r.description.empty()) md += r.description + "\n\n";
    if (!r.remediation.empty()) md += "**Remediation**\n\n" + r.remediation + "\n\n";
    if (!r.controls.empty()) {
        md += "**Controls:**";
        for (const std::string& c : r.controls) md += " `" + c + "`";
        md += "\n\n";
    }
    if (absolute_http_uri(r.help_uri)) md += "[More information](" + r.help_uri + ")\n";
    while (!md.empty() && md.back() == '\n') md.pop_back();
    return md;
}

std::vector<std::string> rule_tags(const rules::RuleSummary& r) {
    std::vector<std::string> tags{"security"};
    for (const auto* source : {&r.controls, &r.tags}) {
        for (const std::string& t : *source) {
            if (std::find(tags.begin(), tags.end(), t) == tags.end()) tags.push_back(t);
        }
    }
    if (tags.size() > k_max_tags) tags.resize(k_max_tags);
    return tags;
}

Json relationships(const rules::RuleSummary& r, const std::vector<Framework>& frameworks) {
    Json out = Json::array();
    for (const std::string& control : r.controls) {
        // Not a structured binding: clang 14 cannot capture those in the lambda below.
        const auto parts = split_control(control);
        const auto& fw_id = parts.first;
        const auto& local = parts.second;
        auto fw = std::find_if(frameworks.begin(), frameworks.end(), [&](const Framework& f) { return f.id == fw_id; });
        if (fw == frameworks.end()) continue;
        const auto component = static_cast<std::size_t>(fw - frameworks.begin());
        Json target{{"id", local},
                    {"index", fw->taxon_index(local)},
                    {"toolComponent", Json{{"name", fw->name}, {"index", component}, {"guid", fw->guid}}}};
        out.push_back(Json{{"target", std::move(target)}, {"kinds", Json::array({"relevant"})}});
    }
    return out;
}

Json rule_json(const rules::RuleSummary& r, const std::vector<Framework>& frameworks) {
    const std::string title = r.title.empty() ? r.id : r.title;
    Json j;
    j["id"] = r.id;
    j["shortDescription"] = Json{{"text", title}};
    j["fullDescription"] = Json{{"text", r.description.empty() ? title : r.description}};
    std::string help_text = r.remediation.empty() ? (r.description.empty() ? title : r.description) : r.remediation;
    j["help"] = Json{{"text", help_text}, {"markdown", help_markdown(r)}};
    if (absolute_http_uri(r.help_uri)) j["helpUri"] = r.help_uri;
    j["defaultConfiguration"] = Json{{"level", level(r.severity)}};
    Json rel = relationships(r, frameworks);
    if (!rel.empty()) j["relationships"] = std::move(rel);
    Json props;
    props["tags"] = rule_tags(r);
    props["security-severity"] = security_severity_text(r.severity);
    props["precision"] = r.precision.empty() ? "medium" : r.precision;
    props["problem.severity"] = problem_severity(r.severity);
    if (!r.pack.empty()) props["pack"] = r.pack;
    j["properties"] = std::move(props);
    return j;
}

// The report's rules plus a minimal summary for any rule id only seen in a finding.
std::vector<rules::RuleSummary> all_rules(const rules::Report& report) {
    std::vector<rules::RuleSummary> out = report.rules;
    std::set<std::string> known;
    for (const auto& r : out) known.insert(r.id);
    for (const rules::Finding& f : report.findings) {
        if (!known.insert(f.rule_id).second) continue;
        rules::RuleSummary r;
        r.id = f.rule_id;
        r.title = f.rule_id;
        r.severity = f.severity;
        r.controls = f.controls;
        r.remediation = f.remediation;
        out.push_back(std::move(r));
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    return out;
}

}  // namespace

std::string level(rules::Severity severity) {
    if (severity >= rules::Severity::high) return "error";
    if (severity == rules::Severity::medium) return "warning";
    return "note";
}

std::string encode_path(const std::string& path) {
    static const char* k_hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : path) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += k_hex[c >> 4];
            out += k_hex[c & 0xF];
        }
    }
    return out;
}

Tool build_tool(const rules::Report& report) {
    Tool tool;
    const std::vector<Framework> frameworks = collect_frameworks(report);
    std::map<std::string, std::string> display;
    for (const rules::FrameworkSummary& f : report.frameworks) display[f.id] = framework_display(f);
    Json rules_json = Json::array();
    for (const rules::RuleSummary& r : all_rules(report)) {
        tool.rule_index[r.id] = rules_json.size();
        rules_json.push_back(rule_json(r, frameworks));
    }
    Json supported = Json::array();
    for (std::size_t i = 0; i < frameworks.size(); ++i) {
        const Framework& fw = frameworks[i];
        tool.taxonomies.push_back(taxonomy_json(fw, display.count(fw.id) ? display[fw.id] : fw.name));
        supported.push_back(Json{{"name", fw.name}, {"index", i}, {"guid", fw.guid}});
    }
    Json& d = tool.driver;
    d["name"] = report.tool.name;
    if (!report.tool.version.empty()) {
        d["version"] = report.tool.version;
        d["semanticVersion"] = report.tool.version;
    }
    if (absolute_http_uri(report.tool.information_uri)) d["informationUri"] = report.tool.information_uri;
    if (!supported.empty()) d["supportedTaxonomies"] = std::move(supported);
    d["rules"] = std::move(rules_json);
    return tool;
}

}  // namespace ccscan::reporters::sarif
