#include "cli/config.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "analyzers/yaml_parser.h"
#include "rules/pack_support.h"

namespace ccscan::cli {

using analyzers::Node;
using analyzers::NodeKind;

namespace {

std::optional<analyzers::Diagnostic> load_policy(const Node& n, const rules::PackContext& ctx, rules::Policy& policy) {
    if (n.kind != NodeKind::object) return rules::spec_error(ctx, n, "'policy' must be a mapping");
    std::vector<std::string> names;
    for (const auto& p : rules::policy_parameters()) names.push_back(p.name);
    for (const Node& c : n.children) {
        auto it = std::find_if(rules::policy_parameters().begin(), rules::policy_parameters().end(),
                               [&](const rules::PolicyParameter& p) { return p.name == c.key; });
        if (it == rules::policy_parameters().end()) {
            std::string hint = rules::did_you_mean(c.key, names);
            return rules::spec_error(ctx, c, "unknown policy parameter '" + c.key + "'" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
        }
        std::vector<std::string> values;
        if (c.kind == NodeKind::scalar) {
            values.push_back(c.value);
        } else if (c.kind == NodeKind::array) {
            for (const Node& item : c.children) {
                if (item.kind != NodeKind::scalar) return rules::spec_error(ctx, item, "policy values must be scalars");
                values.push_back(item.value);
            }
        } else {
            return rules::spec_error(ctx, c, "policy '" + c.key + "' must be a value or a list");
        }
        if (!it->is_list && values.size() != 1) return rules::spec_error(ctx, c, "policy '" + c.key + "' takes one value");
        policy.set(c.key, std::move(values));
    }
    return std::nullopt;
}

std::optional<analyzers::Diagnostic> load_waivers(const Node& n, const rules::PackContext& ctx, std::vector<rules::Waiver>& out) {
    if (n.kind != NodeKind::array) return rules::spec_error(ctx, n, "'waivers' must be a list");
    for (const Node& w : n.children) {
        if (auto e = rules::check_keys(ctx, w, {"rule", "path", "fingerprint", "reason", "expires", "approver"}, "waiver")) return e;
        rules::SpecReader r{ctx, {}};
        rules::Waiver waiver;
        waiver.rule_id = r.string(w, "rule", true).value_or("");
        waiver.path_glob = r.string(w, "path").value_or("");
        waiver.fingerprint = r.string(w, "fingerprint").value_or("");
        waiver.reason = r.string(w, "reason", true).value_or("");
        waiver.expires = r.string(w, "expires").value_or("");
        waiver.approver = r.string(w, "approver").value_or("");
        if (!r.ok()) return r.error;
        if (waiver.reason.empty()) return rules::spec_error(ctx, w, "a waiver needs a non-empty reason");
        waiver.where = {ctx.pack_path, w.span};
        out.push_back(std::move(waiver));
    }
    return std::nullopt;
}

}  // namespace

analyzers::Result<Config> load_config(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return analyzers::make_diagnostic("config-io", path, {}, "cannot read config file");
    std::ostringstream ss;
    ss << in.rdbuf();
    auto doc = analyzers::parse_yaml(ss.str(), path, analyzers::ParseLimits{});
    if (!doc.ok()) return doc.error();
    Config cfg;
    cfg.path = path;
    rules::PackContext ctx{path};
    const Node& root = doc->root;
    if (root.kind == NodeKind::scalar && root.scalar_type == analyzers::ScalarType::null) return cfg;  // empty file
    if (auto e = rules::check_keys(ctx, root, {"packs", "format", "output", "fail-on", "exclude", "max-file-size", "file-timeout", "jobs",
                                               "baseline", "organisation", "assessment", "policy", "waivers", "redaction", "cache"},
                                   "config")) {
        return *e;
    }
    rules::SpecReader r{ctx, {}};
    cfg.packs = r.strings(root, "packs");
    cfg.formats = r.strings(root, "format");
    cfg.output = r.string(root, "output");
    cfg.fail_on = r.string(root, "fail-on");
    cfg.exclude = r.strings(root, "exclude");
    cfg.baseline = r.string(root, "baseline");
    if (auto v = r.integer(root, "max-file-size", 0, k_max_file_size_limit)) cfg.max_file_size = static_cast<std::uint64_t>(*v);
    if (auto v = r.number_in(root, "file-timeout", 0, k_max_file_timeout_s)) cfg.file_timeout = *v;
    if (auto v = r.integer(root, "jobs", 0, k_max_jobs)) cfg.jobs = static_cast<unsigned>(*v);
    if (const Node* c = root.find("cache")) {
        // true: the default folder; false: no cache; a string: that folder.
        if (c->kind == NodeKind::scalar && c->scalar_type == analyzers::ScalarType::boolean) {
            if (r.boolean(root, "cache").value_or(false)) cfg.cache = std::string();
        } else if (auto dir = r.string(root, "cache")) {
            if (dir->empty()) return rules::spec_error(ctx, *c, "cache must be true, false or a folder");
            cfg.cache = *dir;
        }
    }
    cfg.organisation = r.string(root, "organisation").value_or("");
    cfg.assessment = r.string(root, "assessment").value_or("");
    if (const Node* red = r.mapping(root, "redaction")) {
        if (auto e = rules::check_keys(ctx, *red, {"key"}, "redaction")) return *e;
        cfg.fingerprint_key = r.string(*red, "key").value_or("");
    }
    if (!r.ok()) return *r.error;
    if (cfg.fail_on && !rules::parse_severity(*cfg.fail_on) && *cfg.fail_on != "none") {
        return rules::spec_error(ctx, *root.find("fail-on"), "fail-on must be critical, high, medium, low, info or none");
    }
    if (const Node* p = root.find("policy")) {
        if (auto e = load_policy(*p, ctx, cfg.policy)) return *e;
    }
    if (const Node* w = root.find("waivers")) {
        if (auto e = load_waivers(*w, ctx, cfg.waivers)) return *e;
    }
    return cfg;
}

std::string starter_config() {
    std::string out =
        "# ccscan configuration (https://github.com/ccscan/ccscan/blob/main/docs/configuration.md).\n"
        "# Every key mirrors a command-line flag; flags win over this file.\n"
        "\n"
        "# Rule packs: built-in names (pci-dss, gdpr, ccpa) or paths to your own packs.\n"
        "# packs: [pci-dss, gdpr, ccpa]\n"
        "\n"
        "# Report formats and where to write them (a folder when several formats are given).\n"
        "# format: [text]\n"
        "# output: out/\n"
        "\n"
        "# Exit with 1 when a finding at or above this severity is reported (or: none).\n"
        "fail-on: high\n"
        "\n"
        "# Files and folders not to scan (globs relative to the scan root).\n"
        "exclude: []\n"
        "\n"
        "# max-file-size: 10485760\n"
        "# baseline: .ccscan-baseline.json\n"
        "\n"
        "# Result cache (docs/cache.md): true for $XDG_CACHE_HOME/ccscan (else ~/.cache/ccscan), or a folder.\n"
        "# cache: true\n"
        "\n"
        "# organisation: ACME Corp\n"
        "# assessment: 2026 PCI DSS assessment\n"
        "\n"
        "# Organisation policy parameters used by the rules (defaults shown).\n"
        "policy:\n";
    for (const auto& p : rules::policy_parameters()) {
        out += "  # " + p.description + "\n";
        if (p.is_list) {
            out += "  # " + p.name + ": [";
            for (std::size_t i = 0; i < p.default_value.size(); ++i) out += (i ? ", " : "") + std::string("\"") + p.default_value[i] + "\"";
            out += "]\n";
        } else {
            out += "  # " + p.name + ": " + (p.default_value.empty() ? "" : p.default_value.front()) + "\n";
        }
    }
    out +=
        "\n"
        "# Waivers for findings in files without comments (JSON flows). Each needs a reason;\n"
        "# an expired waiver stops applying and is reported.\n"
        "waivers: []\n"
        "#  - rule: CCS-FLOW-001\n"
        "#    path: \"flows/legacy/*.json\"\n"
        "#    reason: \"Flow retired in Q1; traffic already moved to payment-v2\"\n"
        "#    expires: 2027-03-31\n"
        "#    approver: security@acme.example\n";
    return out;
}

}  // namespace ccscan::cli
