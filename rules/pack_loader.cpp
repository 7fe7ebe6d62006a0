#include "rules/pack_loader.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <re2/re2.h>

#include "analyzers/format_registry.h"
#include "analyzers/hash.h"
#include "analyzers/yaml_parser.h"
#include "rules/pack_support.h"
#include "rules/registry.h"
#include "rules/yaml_snapshots.h"

namespace ccscan::rules {

using analyzers::Diagnostic;
using analyzers::Node;
using analyzers::NodeKind;
namespace fs = std::filesystem;

namespace {

constexpr std::int64_t k_max_test_count = 1'000'000;  // findings a rule test may expect

Result<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return analyzers::make_diagnostic("pack-io", path, {}, "cannot read pack file");
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

Result<std::vector<RuleTest>> parse_tests(const Node& list, const PackContext& ctx, const std::string& rule_id) {
    std::vector<RuleTest> out;
    if (list.kind != NodeKind::array) return spec_error(ctx, list, "'tests' must be a list");
    for (const Node& t : list.children) {
        if (auto e = check_keys(ctx, t, {"name", "expect", "count", "lines", "related", "filename", "format", "content", "files"},
                                "test of rule " + rule_id)) {
            return *e;
        }
        SpecReader r{ctx, {}};
        RuleTest test;
        test.where = t.span;
        test.name = r.string(t, "name").value_or("");
        auto expect = r.string(t, "expect", true);
        test.filename = r.string(t, "filename").value_or("");
        test.format = r.string(t, "format").value_or("");
        auto content = r.string(t, "content", true);
        auto count = r.integer(t, "count", 0, k_max_test_count);
        auto lines = r.strings(t, "lines");
        auto related = r.strings(t, "related");
        if (!r.ok()) return *r.error;
        if (*expect != "match" && *expect != "no_match") {
            std::string hint = did_you_mean(*expect, {"match", "no_match"});
            return spec_error(ctx, *t.find("expect"), "expect must be 'match' or 'no_match'" +
                                                      (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
        }
        test.expect_match = *expect == "match";
        test.content = *content;
        if (count) test.count = static_cast<int>(*count);
        if (lines) {
            for (const std::string& l : *lines) {
                int line = 0;
                auto [end, ec] = std::from_chars(l.data(), l.data() + l.size(), line);
                if (ec != std::errc{} || end != l.data() + l.size() || line < 1) {
                    return spec_error(ctx, *t.find("lines"), "'lines' must list line numbers (1, 2, ...)");
                }
                test.lines.push_back(line);
            }
        }
        if (related) {
            for (const std::string& l : *related) {
                int line = 0;
                auto [end, ec] = std::from_chars(l.data(), l.data() + l.size(), line);
                if (ec != std::errc{} || end != l.data() + l.size() || line < 1) {
                    return spec_error(ctx, *t.find("related"), "'related' must list line numbers (1, 2, ...)");
                }
                test.related_lines.push_back(line);
            }
        }
        if (test.filename.empty() && test.format.empty()) {
            return spec_error(ctx, t, "test of rule " + rule_id + " needs 'filename' or 'format'");
        }
        if (!test.format.empty() && !analyzers::find_format(test.format)) {
            return spec_error(ctx, *t.find("format"), "unknown format '" + test.format + "'");
        }
        if (const Node* files = t.find("files")) {
            if (files->kind != NodeKind::array) return spec_error(ctx, *files, "'files' must be a list");
            for (const Node& f : files->children) {
                if (auto e = check_keys(ctx, f, {"filename", "content"}, "test file")) return *e;
                SpecReader fr{ctx, {}};
                auto fname = fr.string(f, "filename", true);
                auto fcontent = fr.string(f, "content", true);
                if (!fr.ok()) return *fr.error;
                test.extra_files.emplace_back(*fname, *fcontent);
            }
        }
        out.push_back(std::move(test));
    }
    return out;
}

Result<Selector> parse_selector(const Node& n, const PackContext& ctx) {
    if (auto e = check_keys(ctx, n, {"formats", "paths", "exclude_paths"}, "applies_to")) return *e;
    SpecReader r{ctx, {}};
    Selector s;
    s.formats = r.strings(n, "formats").value_or(std::vector<std::string>{});
    s.paths = r.strings(n, "paths").value_or(std::vector<std::string>{});
    s.exclude_paths = r.strings(n, "exclude_paths").value_or(std::vector<std::string>{});
    if (!r.ok()) return *r.error;
    const Node* formats = n.find("formats");
    for (std::size_t i = 0; i < s.formats.size(); ++i) {
        if (analyzers::find_format(s.formats[i])) continue;
        std::vector<std::string> ids;
        for (const auto& f : analyzers::formats()) ids.emplace_back(f.id);
        std::string hint = did_you_mean(s.formats[i], ids);
        const Node& at = formats->kind == NodeKind::array ? formats->children[i] : *formats;
        return spec_error(ctx, at, "unknown format '" + s.formats[i] + "'" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
    }
    return s;
}

Result<Rule> parse_rule(const Node& n, const PackContext& ctx, const std::string& pack_id) {
    static const RE2 k_id("[A-Z][A-Z0-9]*(-[A-Z0-9]+)+");
    static const RE2 k_control("(pci-dss|gdpr|ccpa):[A-Za-z0-9.()\\-]+");
    const std::string what = "rule";
    if (auto e = check_keys(ctx, n, {"id", "title", "severity", "precision", "controls", "controls_by_sensitivity", "tags", "description",
                                     "remediation", "help_uri", "applies_to", "message", "match", "tests"}, what)) {
        return *e;
    }
    SpecReader r{ctx, {}};
    Rule rule;
    rule.pack = pack_id;
    rule.source_path = ctx.pack_path;
    rule.where = n.span;
    rule.id = r.string(n, "id", true).value_or("");
    if (!r.ok()) return *r.error;
    if (!RE2::FullMatch(rule.id, k_id)) return spec_error(ctx, *n.find("id"), "rule id '" + rule.id + "' must look like CCS-AREA-001 (upper case, dash separated)");
    const std::string in_rule = " in rule " + rule.id;
    rule.title = r.string(n, "title", true).value_or("");
    auto severity = r.string(n, "severity", true);
    rule.precision = r.string(n, "precision").value_or("high");
    rule.controls = r.strings(n, "controls", true).value_or(std::vector<std::string>{});
    rule.unconditional_controls = rule.controls.size();
    if (const Node* cbs = n.find("controls_by_sensitivity")) {
        auto cond = parse_conditional_controls(*cbs, ctx);
        if (!cond.ok()) {
            analyzers::Diagnostic d = cond.error();
            d.message += " in rule " + rule.id;
            return d;
        }
        rule.controls_by_sensitivity = std::move(cond.value());
        for (const ConditionalControls& c : rule.controls_by_sensitivity) {
            for (const std::string& id : c.controls) {
                if (std::find(rule.controls.begin(), rule.controls.end(), id) == rule.controls.end()) rule.controls.push_back(id);
            }
        }
    }
    rule.tags = r.strings(n, "tags").value_or(std::vector<std::string>{});
    rule.description = r.string(n, "description", true).value_or("");
    rule.remediation = r.string(n, "remediation", true).value_or("");
    rule.help_uri = r.string(n, "help_uri").value_or("");
    rule.message_template = r.string(n, "message").value_or("");
    const Node* match = r.mapping(n, "match", true);
    if (!r.ok()) {
        r.error->message += in_rule;
        return *r.error;
    }
    auto sev = parse_severity(*severity);
    if (!sev) {
        std::string hint = did_you_mean(*severity, {"critical", "high", "medium", "low", "info"});
        return spec_error(ctx, *n.find("severity"), "severity must be critical, high, medium, low or info" + in_rule +
                                                    (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
    }
    rule.severity = *sev;
    if (rule.precision != "very-high" && rule.precision != "high" && rule.precision != "medium" && rule.precision != "low") {
        return spec_error(ctx, *n.find("precision"), "precision must be very-high, high, medium or low" + in_rule);
    }
    for (std::size_t i = 0; i < rule.controls.size(); ++i) {
        if (!RE2::FullMatch(rule.controls[i], k_control)) {
            const Node* c = n.find(i < rule.unconditional_controls ? "controls" : "controls_by_sensitivity");
            if (i >= rule.unconditional_controls) return spec_error(ctx, *c, "control '" + rule.controls[i] + "' is not a canonical id (pci-dss:3.3.1, gdpr:Art.32, ccpa:1798.150)" + in_rule);
            return spec_error(ctx, c->kind == NodeKind::array ? c->children[i] : *c,
                              "control '" + rule.controls[i] + "' is not a canonical id (pci-dss:3.3.1, gdpr:Art.32, ccpa:1798.150)" + in_rule);
        }
    }
    if (const Node* a = n.find("applies_to")) {
        auto s = parse_selector(*a, ctx);
        if (!s.ok()) return s.error();
        rule.applies_to = std::move(s.value());
    }
    if (match->children.size() != 1) {
        return spec_error(ctx, *match, "'match' takes exactly one matcher kind (config, flow, code, content)" + in_rule);
    }
    const Node& kind_node = match->children.front();
    const MatcherKind* kind = find_matcher_kind(kind_node.key);
    if (!kind) {
        std::vector<std::string> names;
        for (const auto& k : matcher_kinds()) names.emplace_back(k.name);
        std::string hint = did_you_mean(kind_node.key, names);
        return spec_error(ctx, kind_node, "unknown matcher kind '" + kind_node.key + "'" + in_rule +
                                          (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
    }
    rule.matcher_kind = std::string(kind->name);
    auto matcher = kind->factory(kind_node, ctx);
    if (!matcher.ok()) {
        Diagnostic d = matcher.error();
        if (d.path.empty()) d.path = ctx.pack_path;
        d.message += in_rule;
        return d;
    }
    rule.matcher = std::move(matcher.value());
    if (const Node* tests = n.find("tests")) {
        auto t = parse_tests(*tests, ctx, rule.id);
        if (!t.ok()) return t.error();
        rule.tests = std::move(t.value());
    }
    return rule;
}

// Reads `rules:` (and `pack:` when allowed) of one YAML file into `pack`.
std::optional<Diagnostic> load_file_into(const std::string& path, Pack& pack, bool header_allowed, bool header_required,
                                         const PackLoadOptions& options) {
    auto bytes = read_file(path);
    if (!bytes.ok()) return bytes.error();
    const std::string file_hash = analyzers::sha256_hex(*bytes);
    pack.sha256 = pack.sha256.empty() ? file_hash : analyzers::sha256_hex(pack.sha256 + file_hash);
    auto doc = parse_rules_yaml(*bytes, path, file_hash);
    if (!doc.ok()) return doc.error();
    PackContext ctx{path, options.compile_queries};
    const Node& root = doc->root;
    if (root.kind != NodeKind::object) return spec_error(ctx, root, "a pack file must be a mapping with 'pack:' and 'rules:'");
    if (header_allowed) {
        if (auto e = check_keys(ctx, root, {"pack", "rules"}, "pack file")) return e;
    } else if (auto e = check_keys(ctx, root, {"rules"}, "rule file (the pack header belongs in pack.yaml)")) {
        return e;
    }
    if (const Node* header = root.find("pack")) {
        if (auto e = check_keys(ctx, *header, {"id", "name", "version", "description"}, "pack header")) return e;
        SpecReader r{ctx, {}};
        pack.id = r.string(*header, "id", true).value_or("");
        pack.name = r.string(*header, "name").value_or(pack.id);
        pack.version = r.string(*header, "version").value_or("0.0.0");
        pack.description = r.string(*header, "description").value_or("");
        if (!r.ok()) return r.error;
    } else if (header_required) {
        return spec_error(ctx, root, "missing 'pack:' header (id, name, version)");
    }
    if (const Node* rules = root.find("rules")) {
        if (rules->kind != NodeKind::array) return spec_error(ctx, *rules, "'rules' must be a list");
        for (const Node& r : rules->children) {
            auto rule = parse_rule(r, ctx, pack.id);
            if (!rule.ok()) return rule.error();
            pack.rules.push_back(std::move(rule.value()));
        }
    }
    return std::nullopt;
}

}  // namespace

Result<Pack> load_pack(const std::string& path, const PackLoadOptions& options) {
    Pack pack;
    pack.path = path;
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        std::string header = (fs::path(path) / "pack.yaml").string();
        if (!fs::exists(header, ec)) return analyzers::make_diagnostic("pack-error", path, {}, "pack folder has no pack.yaml");
        if (auto e = load_file_into(header, pack, true, true, options)) return *e;
        std::vector<std::string> files;
        for (const auto& entry : fs::directory_iterator(path, ec)) {
            std::string ext = entry.path().extension().string();
            if (entry.path().filename() != "pack.yaml" && (ext == ".yaml" || ext == ".yml")) files.push_back(entry.path().string());
        }
        std::sort(files.begin(), files.end());
        for (const std::string& f : files) {
            if (auto e = load_file_into(f, pack, false, false, options)) return *e;
        }
        for (Rule& r : pack.rules) r.pack = pack.id;
        return pack;
    }
    if (!fs::exists(path, ec)) return analyzers::make_diagnostic("pack-io", path, {}, "no such pack file or folder");
    if (auto e = load_file_into(path, pack, true, true, options)) return *e;
    for (Rule& r : pack.rules) r.pack = pack.id;
    return pack;
}

std::vector<std::string> builtin_pack_names(const std::string& builtin_dir) {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(builtin_dir, ec)) {
        if (entry.is_directory(ec) && fs::exists(entry.path() / "pack.yaml", ec)) names.push_back(entry.path().filename().string());
        else if (entry.path().extension() == ".yaml") names.push_back(entry.path().stem().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

Result<std::vector<Pack>> load_packs(const std::vector<std::string>& specs, const std::string& builtin_dir,
                                     const PackLoadOptions& options) {
    std::vector<std::string> paths;
    std::vector<std::string> names = specs.empty() ? builtin_pack_names(builtin_dir) : specs;
    std::vector<std::string> builtins = builtin_pack_names(builtin_dir);
    if (specs.empty() && builtins.empty()) {
        return analyzers::make_diagnostic("pack-io", builtin_dir, {},
                                          "no built-in rule packs found here; set CCSCAN_DATA_DIR to the folder that holds "
                                          "packs/ and frameworks/, or name packs with --pack");
    }
    std::error_code ec;
    for (const std::string& s : names) {
        if (std::find(builtins.begin(), builtins.end(), s) != builtins.end()) {
            fs::path dir = fs::path(builtin_dir) / s;
            paths.push_back(fs::is_directory(dir, ec) ? dir.string() : (fs::path(builtin_dir) / (s + ".yaml")).string());
        } else if (fs::exists(s, ec)) {
            paths.push_back(s);
        } else {
            std::string hint = did_you_mean(s, builtins);
            return analyzers::make_diagnostic("pack-io", s, {}, "no built-in pack, file or folder named '" + s + "'" +
                                                                  (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
        }
    }
    std::vector<Pack> packs;
    std::map<std::string, std::string> seen;  // rule id -> where
    for (const std::string& p : paths) {
        auto pack = load_pack(p, options);
        if (!pack.ok()) return pack.error();
        for (const Rule& r : pack->rules) {
            auto [it, inserted] = seen.emplace(r.id, r.source_path + ":" + std::to_string(r.where.start.line));
            if (!inserted) {
                Diagnostic d = analyzers::make_diagnostic("pack-duplicate", r.source_path, r.where.start,
                                                          "duplicate rule id '" + r.id + "' (first defined at " + it->second + ")");
                return d;
            }
        }
        packs.push_back(std::move(pack.value()));
    }
    return packs;
}

}  // namespace ccscan::rules
