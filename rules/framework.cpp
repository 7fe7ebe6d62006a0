#include "rules/framework.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "analyzers/yaml_parser.h"
#include "rules/yaml_snapshots.h"
#include "rules/pack_support.h"

namespace ccscan::rules {

namespace fs = std::filesystem;
using analyzers::Diagnostic;
using analyzers::Node;
using analyzers::NodeKind;

namespace {

Result<std::string> read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return analyzers::make_diagnostic("framework-io", path, {}, "cannot read framework file");
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

Result<Control> parse_control(const Node& n, const PackContext& ctx, const std::string& framework_id) {
    if (auto e = check_keys(ctx, n, {"id", "title", "summary", "automation"}, "control")) return *e;
    SpecReader r{ctx, {}};
    Control c;
    c.where = n.span;
    c.id = r.string(n, "id", true).value_or("");
    c.title = r.string(n, "title", true).value_or("");
    c.summary = r.string(n, "summary", true).value_or("");
    c.automation = r.string(n, "automation", true).value_or("");
    if (!r.ok()) return *r.error;
    if (framework_of(c.id) != framework_id || c.id.size() <= framework_id.size() + 1) {
        return spec_error(ctx, *n.find("id"), "control id '" + c.id + "' must look like '" + framework_id + ":<number>'");
    }
    if (c.automation != "automated" && c.automation != "partial" && c.automation != "manual") {
        std::string msg = "automation must be automated, partial or manual, not '" + c.automation + "'";
        std::string hint = did_you_mean(c.automation, {"automated", "partial", "manual"});
        if (!hint.empty()) msg += " (did you mean '" + hint + "'?)";
        return spec_error(ctx, *n.find("automation"), msg);
    }
    return c;
}

}  // namespace

const Control* Framework::find(std::string_view control_id) const {
    for (const Control& c : controls) {
        if (c.id == control_id) return &c;
    }
    return nullptr;
}

std::string framework_of(std::string_view control_id) {
    auto colon = control_id.find(':');
    return colon == std::string_view::npos ? std::string() : std::string(control_id.substr(0, colon));
}

Result<Framework> parse_framework(std::string_view text, const std::string& path) {
    auto doc = parse_rules_yaml(text, path);
    if (!doc.ok()) return doc.error();
    PackContext ctx{path};
    const Node& root = doc->root;
    if (auto e = check_keys(ctx, root, {"framework", "controls"}, "framework file")) return *e;
    SpecReader r{ctx, {}};
    const Node* header = r.mapping(root, "framework", true);
    const Node* controls = r.list(root, "controls", true);
    if (!r.ok()) return *r.error;
    if (auto e = check_keys(ctx, *header, {"id", "name", "version", "url"}, "framework header")) return *e;
    Framework fw;
    fw.path = path;
    fw.id = r.string(*header, "id", true).value_or("");
    fw.name = r.string(*header, "name", true).value_or("");
    fw.version = r.string(*header, "version", true).value_or("");
    fw.url = r.string(*header, "url").value_or("");
    if (!r.ok()) return *r.error;
    if (fw.id.empty() || fw.id.find(':') != std::string::npos) {
        return spec_error(ctx, *header->find("id"), "framework id must be a non-empty name without ':'");
    }
    std::set<std::string> seen;
    for (const Node& item : controls->children) {
        auto c = parse_control(item, ctx, fw.id);
        if (!c.ok()) return c.error();
        if (!seen.insert(c->id).second) return spec_error(ctx, *item.find("id"), "duplicate control id '" + c->id + "'");
        fw.controls.push_back(std::move(c.value()));
    }
    return fw;
}

Result<std::vector<Framework>> load_frameworks(const std::string& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return analyzers::make_diagnostic("framework-io", dir, {}, "no such frameworks folder");
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        std::string ext = entry.path().extension().string();
        if (entry.is_regular_file(ec) && (ext == ".yaml" || ext == ".yml")) files.push_back(entry.path().string());
    }
    std::sort(files.begin(), files.end());
    std::vector<Framework> out;
    for (const std::string& f : files) {
        auto text = read_text(f);
        if (!text.ok()) return text.error();
        auto fw = parse_framework(*text, f);
        if (!fw.ok()) return fw.error();
        for (const Framework& other : out) {
            if (other.id == fw->id) {
                return analyzers::make_diagnostic("framework-error", f, {}, "framework '" + fw->id + "' is also defined in " + other.path);
            }
        }
        out.push_back(std::move(fw.value()));
    }
    std::sort(out.begin(), out.end(), [](const Framework& a, const Framework& b) { return a.id < b.id; });
    return out;
}

std::vector<Diagnostic> check_rule_controls(const std::vector<Framework>& frameworks, const std::vector<Pack>& packs) {
    std::vector<Diagnostic> out;
    for (const Pack& pack : packs) {
        for (const Rule& rule : pack.rules) {
            for (const std::string& control : rule.controls) {
                std::string fw_id = framework_of(control);
                auto fw = std::find_if(frameworks.begin(), frameworks.end(), [&](const Framework& f) { return f.id == fw_id; });
                std::string msg;
                if (fw == frameworks.end()) {
                    msg = "rule " + rule.id + " names control '" + control + "' of unknown framework '" + fw_id + "'";
                } else if (!fw->find(control)) {
                    std::vector<std::string> ids;
                    for (const Control& c : fw->controls) ids.push_back(c.id);
                    msg = "rule " + rule.id + " names control '" + control + "', which is not in the " + fw->name + " catalogue (rules/frameworks/" + fs::path(fw->path).filename().string() + ")";
                    std::string hint = did_you_mean(control, ids);
                    if (!hint.empty()) msg += " (did you mean '" + hint + "'?)";
                } else {
                    continue;
                }
                Diagnostic d = analyzers::make_diagnostic("unknown-control", rule.source_path, rule.where.start, msg);
                d.span = rule.where;
                out.push_back(std::move(d));
            }
        }
    }
    return out;
}

}  // namespace ccscan::rules
