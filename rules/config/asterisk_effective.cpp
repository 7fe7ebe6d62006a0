// Effective chan_sip / PJSIP settings (rules/config/effective.h): includes, templates, [general].
#include <algorithm>
#include <deque>
#include <optional>
#include <set>

#include "rules/config/effective.h"

namespace ccscan::rules::config {

using analyzers::Node;
using analyzers::NodeKind;

namespace {

constexpr int k_max_include_depth = 8;

struct Entry {
    const Node* node = nullptr;
    std::string path;
};

// A section as Asterisk's config loader sees it, after textual includes.
struct RawSection {
    std::string name;
    std::string path;
    Node header;  // key, tag and the span of the `[name]` line
    std::vector<Entry> entries;
    bool is_template = false;
    std::vector<std::string> bases;
};

std::string trim(std::string s) {
    auto sp = [](char c) { return c == ' ' || c == '\t'; };
    while (!s.empty() && sp(s.back())) s.pop_back();
    std::size_t l = 0;
    while (l < s.size() && sp(s[l])) ++l;
    return s.substr(l);
}

// "(!,tmpl1,tmpl2)" -> template flag and base names; "(+)" -> append.
void parse_tag(const std::string& tag, RawSection& s, bool& append) {
    append = false;
    if (tag.size() < 2) return;
    std::string inner = tag.substr(1, tag.size() - 2);
    std::size_t start = 0;
    while (start <= inner.size()) {
        std::size_t comma = inner.find(',', start);
        std::string item = trim(inner.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (item == "!") s.is_template = true;
        else if (item == "+") append = true;
        else if (!item.empty()) s.bases.push_back(item);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
}

const analyzers::Document* find_doc(const std::vector<ScanDocument>& docs, const std::string& path) {
    auto it = std::lower_bound(docs.begin(), docs.end(), path, [](const ScanDocument& d, const std::string& p) { return d.path < p; });
    return it != docs.end() && it->path == path ? it->document : nullptr;
}

bool is_include(const Node& n) { return n.kind == NodeKind::scalar && (n.key == "#include" || n.key == "#tryinclude"); }

class Loader {
public:
    explicit Loader(const std::vector<ScanDocument>& docs) : m_docs(docs) {}

    void load(const std::string& path, const analyzers::Document& doc, int depth) {
        m_active.insert(path);
        for (const Node& sec : doc.root.children) {
            if (sec.kind != NodeKind::object) continue;
            if (!sec.key.empty() || m_sections.empty()) open_section(sec, path);
            for (const Node& c : sec.children) {
                if (!is_include(c)) {
                    m_sections[m_current].entries.push_back({&c, path});
                    continue;
                }
                std::string target = resolve_include(path, c.value, m_docs);
                const analyzers::Document* inc = target.empty() ? nullptr : find_doc(m_docs, target);
                if (inc && depth < k_max_include_depth && !m_active.count(target)) load(target, *inc, depth + 1);
            }
        }
        m_active.erase(path);
    }

    std::vector<RawSection>& sections() { return m_sections; }

private:
    void open_section(const Node& sec, const std::string& path) {
        RawSection s;
        s.name = sec.key;
        s.path = path;
        s.header.kind = NodeKind::object;
        s.header.key = sec.key;
        s.header.tag = sec.tag;
        s.header.span = {sec.span.start, {sec.span.start.line, sec.key_span.end.column + 1}};
        s.header.key_span = sec.key_span;
        bool append = false;
        parse_tag(sec.tag, s, append);
        if (append) {
            for (std::size_t i = m_sections.size(); i-- > 0;) {
                if (m_sections[i].name == s.name) {
                    m_current = i;
                    return;
                }
            }
        }
        m_sections.push_back(std::move(s));
        m_current = m_sections.size() - 1;
    }

    const std::vector<ScanDocument>& m_docs;
    std::vector<RawSection> m_sections;
    std::size_t m_current = 0;
    std::set<std::string> m_active;
};

// One section's settings, last assignment of a key wins, in first-appearance order.
struct Setting {
    Entry entry;
    std::string from;  // section that wrote it
};
using Settings = std::vector<std::pair<std::string, Setting>>;

void assign(Settings& out, const std::string& key, const Setting& s) {
    for (auto& [k, v] : out) {
        if (k == key) {
            v = s;
            return;
        }
    }
    out.emplace_back(key, s);
}

class Resolver {
public:
    explicit Resolver(const std::vector<RawSection>& sections) : m_sections(sections) {}

    // Memoized: a template shared by thousands of peers (or a hostile diamond of templates) is
    // resolved once.
    const Settings& settings_of(std::size_t index, int depth = 0) {
        if (auto it = m_memo.find(index); it != m_memo.end()) return it->second;
        Settings out;
        const RawSection& s = m_sections[index];
        if (depth <= 16) {
            for (const std::string& base : s.bases) {
                std::size_t b = find_before(base, index);
                if (b == m_sections.size()) continue;
                for (const auto& [k, v] : settings_of(b, depth + 1)) assign(out, k, v);
            }
        }
        for (const Entry& e : s.entries) assign(out, e.node->key, {e, s.name});
        return m_memo.emplace(index, std::move(out)).first->second;
    }

private:
    // Asterisk resolves a template name among the sections read before it.
    std::size_t find_before(const std::string& name, std::size_t index) const {
        for (std::size_t i = index; i-- > 0;) {
            if (m_sections[i].name == name) return i;
        }
        return m_sections.size();
    }
    const std::vector<RawSection>& m_sections;
    std::map<std::size_t, Settings> m_memo;
};

std::string platform_name(Resolution kind) { return kind == Resolution::pjsip ? "PJSIP" : "chan_sip"; }

class UnitBuilder {
public:
    UnitBuilder(const ResolveSpec& spec, EffectiveUnit& unit) : m_spec(spec), m_unit(unit) {}

    void add_section(const RawSection& raw, const Settings& own, const Settings* general) {
        Node sec = raw.header;
        std::vector<ValueOrigin> origins;
        auto place = [&](const Setting& s, ValueOrigin origin) {
            sec.children.push_back(*s.entry.node);
            sec.children.back().children.clear();
            origins.push_back(std::move(origin));
        };
        for (const auto& [key, s] : own) {
            if (s.entry.node->tag == "default") place(s, default_origin(key));
            else place(s, {s.entry.path, s.from, s.from == raw.name ? "" : ", set in template [" + s.from + "]", group_of(s.entry), false});
        }
        if (general) {
            for (const auto& [key, s] : *general) {
                if (sec.find(key)) continue;
                if (s.entry.node->tag == "default") place(s, default_origin(key));
                else place(s, {s.entry.path, "general", ", inherited from [general]", group_of(s.entry), false});
            }
        }
        bool defaults_here = m_spec.kind == Resolution::pjsip || raw.name == "general";
        if (defaults_here) add_defaults(raw, sec, origins);
        m_unit.root.children.push_back(std::move(sec));
        Node& placed = m_unit.root.children.back();
        m_unit.origins[&placed] = {raw.path, raw.name, "", group_of({nullptr, raw.path}, raw.header.span), false};
        for (std::size_t i = 0; i < origins.size(); ++i) m_unit.origins[&placed.children[i]] = origins[i];
    }

    // [general] with the defaults it lacks, as settings peers inherit.
    Settings general_with_defaults(const RawSection& raw, const Settings& own) {
        Settings out = own;
        m_general_path = raw.path;
        for (const auto& [key, value] : m_spec.defaults) {
            bool present = std::any_of(out.begin(), out.end(), [&key = key](const auto& kv) { return kv.first == key; });
            if (present) continue;
            m_owned.push_back(default_node(key, value, raw.header.span));
            m_default_notes[key] = default_note(value);
            out.emplace_back(key, Setting{{&m_owned.back(), raw.path}, "general"});
        }
        return out;
    }

private:
    void add_defaults(const RawSection& raw, Node& sec, std::vector<ValueOrigin>& origins) {
        for (const auto& [key, value] : m_spec.defaults) {
            if (sec.find(key)) continue;
            sec.children.push_back(default_node(key, value, raw.header.span));
            origins.push_back({raw.path, raw.name, default_note(value), "default:" + key, true});
        }
    }
    ValueOrigin default_origin(const std::string& key) {
        return {m_general_path, "general", m_default_notes[key], "default:" + key, true};
    }
    static Node default_node(const std::string& key, const std::string& value, analyzers::Span at) {
        Node n;
        n.kind = NodeKind::scalar;
        n.key = key;
        n.value = value;
        n.tag = "default";
        n.span = at;
        return n;
    }
    std::string default_note(const std::string& value) const {
        return ", not set: " + platform_name(m_spec.kind) + "'s default is '" + value + "'";
    }
    static std::string group_of(const Entry& e, analyzers::Span at = {}) {
        analyzers::Span s = e.node ? e.node->span : at;
        return e.path + ":" + std::to_string(s.start.line) + ":" + std::to_string(s.start.column);
    }

    const ResolveSpec& m_spec;
    EffectiveUnit& m_unit;
    std::string m_general_path;
    std::map<std::string, std::string> m_default_notes;
    std::deque<Node> m_owned;
};

std::unique_ptr<EffectiveUnit> build_unit(const ResolveSpec& spec, const ScanDocument& root, const std::vector<ScanDocument>& docs) {
    Loader loader(docs);
    loader.load(root.path, *root.document, 0);
    const std::vector<RawSection>& sections = loader.sections();
    auto unit = std::make_unique<EffectiveUnit>();
    unit->path = root.path;
    unit->root.kind = NodeKind::object;
    // Origins are keyed by node address: the sections must never move once placed.
    unit->root.children.reserve(sections.size());
    Resolver resolver(sections);
    UnitBuilder builder(spec, *unit);
    std::optional<Settings> general;
    if (spec.kind == Resolution::chan_sip) {
        for (std::size_t i = 0; i < sections.size(); ++i) {
            if (sections[i].name != "general" || sections[i].is_template) continue;
            general = builder.general_with_defaults(sections[i], resolver.settings_of(i));
            unit->has_general = true;
            builder.add_section(sections[i], *general, nullptr);
            break;
        }
    }
    for (std::size_t i = 0; i < sections.size(); ++i) {
        const RawSection& s = sections[i];
        if (s.is_template || s.name.empty() || (spec.kind == Resolution::chan_sip && s.name == "general")) continue;
        builder.add_section(s, resolver.settings_of(i), general ? &*general : nullptr);
    }
    return unit;
}

}  // namespace

std::string resolve_include(const std::string& including_path, std::string target, const std::vector<ScanDocument>& docs) {
    if (target.size() >= 2 && (target.front() == '"' || target.front() == '<')) target = target.substr(1, target.size() - 2);
    while (!target.empty() && target.front() == '/') target.erase(0, 1);
    std::string dir = including_path.substr(0, including_path.rfind('/') + 1);
    // "/etc/asterisk/sip_custom.conf": try ever shorter suffixes relative to the including file.
    for (std::size_t pos = 0; pos != std::string::npos;) {
        std::string candidate = dir + target.substr(pos);
        if (find_doc(docs, candidate)) return candidate;
        pos = target.find('/', pos);
        if (pos != std::string::npos) ++pos;
    }
    return {};
}

std::vector<std::unique_ptr<EffectiveUnit>> asterisk_units(const ResolveSpec& spec, const std::vector<ScanDocument>& docs) {
    std::set<std::string> included;
    for (const ScanDocument& d : docs) {
        for (const Node& sec : d.document->root.children) {
            for (const Node& c : sec.children) {
                if (!is_include(c)) continue;
                std::string target = resolve_include(d.path, c.value, docs);
                if (!target.empty() && target != d.path) included.insert(target);
            }
        }
    }
    std::vector<std::unique_ptr<EffectiveUnit>> units;
    for (const ScanDocument& d : docs) {
        if (!included.count(d.path)) units.push_back(build_unit(spec, d, docs));
    }
    return units;
}

}  // namespace ccscan::rules::config
