// Effective FreeSWITCH settings (rules/config/effective.h): `$${var}` expansion and defaults.
#include <algorithm>

#include "rules/config/effective.h"

namespace ccscan::rules::config {

using analyzers::Node;
using analyzers::NodeKind;

namespace {

struct Variable {
    std::string value;
    std::string path;
    std::uint32_t line = 0;
};
using Variables = std::map<std::string, Variable>;

void collect_sets(const Node& n, const std::string& path, Variables& out, int depth = 0) {
    if (depth > 256) return;
    if (n.kind == NodeKind::element && n.key == "X-PRE-PROCESS" && n.get("cmd") == "set") {
        std::string data(n.get("data"));
        std::size_t eq = data.find('=');
        if (eq != std::string::npos && eq > 0) out[data.substr(0, eq)] = {data.substr(eq + 1), path, n.span.start.line};
    }
    for (const Node& c : n.children) {
        if (c.kind == NodeKind::element) collect_sets(c, path, out, depth + 1);
    }
}

std::string dir_of(const std::string& path) { return path.substr(0, path.rfind('/') + 1); }

struct VarFile {
    std::string dir;
    Variables vars;
};

// The variables a file sees: sets in ancestor folders (nearest last, so it wins), then its own.
// `files` holds only the documents that set variables, each collected once.
Variables visible_variables(const ScanDocument& doc, const std::vector<std::pair<const ScanDocument*, VarFile>>& files) {
    std::vector<const std::pair<const ScanDocument*, VarFile>*> ancestors;
    const std::string dir = dir_of(doc.path);
    const Variables* own = nullptr;
    for (const auto& f : files) {
        if (f.first->path == doc.path) own = &f.second.vars;
        else if (dir.compare(0, f.second.dir.size(), f.second.dir) == 0) ancestors.push_back(&f);
    }
    std::stable_sort(ancestors.begin(), ancestors.end(), [](const auto* a, const auto* b) { return a->second.dir.size() < b->second.dir.size(); });
    Variables vars;
    for (const auto* f : ancestors) {
        for (const auto& [k, v] : f->second.vars) vars[k] = v;
    }
    if (own) {
        for (const auto& [k, v] : *own) vars[k] = v;
    }
    return vars;
}

// Whether a file needs a unit of its own: it holds a profile (defaults) or uses a variable.
bool worth_resolving(const Node& n, int depth = 0) {
    if (depth > 256) return false;
    if (n.kind == NodeKind::element && n.key == "profile") return true;
    for (const Node& c : n.children) {
        if (c.kind == NodeKind::attribute && c.value.find("$${") != std::string::npos) return true;
        if (c.kind == NodeKind::element && worth_resolving(c, depth + 1)) return true;
    }
    return false;
}

std::string base_name(const std::string& path) { return path.substr(path.rfind('/') + 1); }

class Expander {
public:
    Expander(const ResolveSpec& spec, const Variables& vars, EffectiveUnit& unit) : m_spec(spec), m_vars(vars), m_unit(unit) {}

    // Defaults first (they add nodes), then expansion (which only changes values), so the
    // addresses recorded for origins stay valid.
    void expand(Node& root) {
        add_all_defaults(root, 0);
        substitute_all(root, "", 0);
    }

private:
    void substitute(Node& attr, const std::string& param_name) {
        std::string out, note;
        bool undefined = false;
        std::size_t pos = 0;
        while (pos < attr.value.size()) {
            std::size_t at = attr.value.find("$${", pos);
            std::size_t close = at == std::string::npos ? at : attr.value.find('}', at);
            if (close == std::string::npos) {
                out += attr.value.substr(pos);
                break;
            }
            out += attr.value.substr(pos, at - pos);
            std::string var = attr.value.substr(at + 3, close - at - 3);
            auto it = m_vars.find(var);
            if (it != m_vars.end()) {
                out += it->second.value;
                note += ", from $${" + var + "} in " + base_name(it->second.path) + ":" + std::to_string(it->second.line);
            } else {
                undefined = true;
                note += ", $${" + var + "} is not set in any vars.xml of this scan";
            }
            pos = close + 1;
        }
        if (undefined) {
            std::string fallback = default_of(attr.key == "value" ? param_name : "");
            if (out.empty() && !fallback.empty()) {
                out = fallback;
                note += ", so FreeSWITCH's default '" + fallback + "' applies";
            }
        }
        attr.value = out;
        m_notes.emplace_back(&attr, note);
    }

    void add_all_defaults(Node& n, int depth) {
        if (depth > 256) return;
        for (Node& c : n.children) {
            if (c.kind == NodeKind::element) add_all_defaults(c, depth + 1);
        }
        if (n.key == "profile") add_defaults(n);
    }

    void substitute_all(Node& n, const std::string& param_name, int depth) {
        if (depth > 256) return;
        std::string name = n.key == "param" ? std::string(n.get("name")) : param_name;
        for (Node& c : n.children) {
            if (c.kind == NodeKind::attribute && c.value.find("$${") != std::string::npos) substitute(c, name);
            else if (c.kind == NodeKind::element) substitute_all(c, name, depth + 1);
        }
    }

    std::string default_of(const std::string& param) const {
        for (const auto& [k, v] : m_spec.defaults) {
            if (k == param) return v;
        }
        return {};
    }

    void add_defaults(Node& profile) {
        Node* settings = nullptr;
        for (Node& c : profile.children) {
            if (c.kind == NodeKind::element && c.key == "settings") settings = &c;
        }
        if (!settings) return;
        for (const auto& [key, value] : m_spec.defaults) {
            bool present = std::any_of(settings->children.begin(), settings->children.end(),
                                       [&key = key](const Node& p) { return p.key == "param" && p.get("name") == key; });
            if (present) continue;
            Node param;
            param.kind = NodeKind::element;
            param.key = "param";
            param.span = {settings->span.start, settings->span.start};
            param.tag = "default";
            for (const auto& [a, v] : {std::pair<std::string, std::string>{"name", key}, {"value", value}}) {
                Node attr;
                attr.kind = NodeKind::attribute;
                attr.key = a;
                attr.value = v;
                attr.span = param.span;
                attr.tag = "default";
                param.children.push_back(std::move(attr));
            }
            settings->children.push_back(std::move(param));
            m_defaults.push_back({settings, settings->children.size() - 1,
                                  ", not set: FreeSWITCH's default is '" + value + "'",
                                  "default:" + key + ":" + std::to_string(profile.span.start.line)});
        }
    }

public:
    // Records origins once the tree no longer moves.
    void record(const std::string& path) {
        for (const auto& [node, note] : m_notes) m_unit.origins[node] = {path, "", note, "", false};
        for (const auto& d : m_defaults) {
            Node& param = d.settings->children[d.index];
            ValueOrigin o{path, "", d.note, d.group, true};
            m_unit.origins[&param] = o;
            for (Node& a : param.children) m_unit.origins[&a] = o;
        }
    }

private:
    struct Added {
        Node* settings;
        std::size_t index;
        std::string note, group;
    };
    const ResolveSpec& m_spec;
    const Variables& m_vars;
    EffectiveUnit& m_unit;
    std::vector<std::pair<Node*, std::string>> m_notes;
    std::vector<Added> m_defaults;
};

}  // namespace

std::vector<std::unique_ptr<EffectiveUnit>> freeswitch_units(const ResolveSpec& spec, const std::vector<ScanDocument>& docs) {
    std::vector<std::pair<const ScanDocument*, VarFile>> var_files;
    for (const ScanDocument& d : docs) {
        VarFile f{dir_of(d.path), {}};
        collect_sets(d.document->root, d.path, f.vars);
        if (!f.vars.empty()) var_files.emplace_back(&d, std::move(f));
    }
    std::vector<std::unique_ptr<EffectiveUnit>> units;
    for (const ScanDocument& d : docs) {
        if (!worth_resolving(d.document->root)) continue;
        auto unit = std::make_unique<EffectiveUnit>();
        unit->path = d.path;
        // A synthetic parent, so that paths such as `**.profile` also reach a root `<profile>`.
        unit->root.kind = NodeKind::element;
        unit->root.children.push_back(d.document->root);
        Variables vars = visible_variables(d, var_files);
        Expander ex(spec, vars, *unit);
        ex.expand(unit->root);
        ex.record(d.path);
        units.push_back(std::move(unit));
    }
    return units;
}

}  // namespace ccscan::rules::config
