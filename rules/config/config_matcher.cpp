#include "rules/config/config_matcher.h"

#include <algorithm>
#include <map>

#include <re2/re2.h>

#include "rules/config/condition.h"
#include "rules/config/effective.h"
#include "rules/config/path.h"
#include "rules/message.h"
#include "rules/pack_support.h"
#include "analyzers/text_mask.h"
#include "rules/redact.h"
#include "rules/rule.h"

namespace ccscan::rules::config {

using analyzers::Node;

namespace {

bool looks_secret_key(std::string_view key) {
    static const RE2 k_secret("(?i)(pass(word|wd)?|secret|token|api[_-]?key|private[_-]?key|credential|auth)");
    return RE2::PartialMatch(key, k_secret);
}

bool has_long_digit_run(std::string_view v) {
    int run = 0;
    for (char c : v) {
        run = (c >= '0' && c <= '9') ? run + 1 : (c == ' ' || c == '-') ? run : 0;
        if (run >= 9) return true;
    }
    return false;
}

// The value as it may appear in a message: short, non-secret values verbatim; others masked.
std::string safe_value(const Node& n) {
    if (n.kind != analyzers::NodeKind::scalar && n.kind != analyzers::NodeKind::attribute) return {};
    if (looks_secret_key(n.key) || has_long_digit_run(n.value)) return mask_opaque("value", n.value);
    return analyzers::shorten_masked(n.value, 77);
}

class ConfigMatcher : public Matcher {
public:
    ConfigMatcher(Path select, std::optional<Condition> where, Path report, std::optional<ResolveSpec> resolve)
        : m_select(std::move(select)), m_where(std::move(where)), m_report(std::move(report)), m_resolve(std::move(resolve)) {}

    bool needs_document() const override { return true; }
    // Rules that resolve includes, templates or variables see the whole scan's configuration.
    bool per_file() const override { return !m_resolve; }

    void match_file(const Rule& rule, const FileContext& ctx, std::vector<Finding>& out) const override {
        if (!ctx.parsed.document) return;
        Selector selector;
        for (const Match& m : matches(ctx.parsed.document->root, ctx.policy, selector)) {
            Finding f;
            f.location = {ctx.file.path, m.at.node->span};
            if (!f.location.span.known()) f.location.span = m.candidate.node->span;
            f.fingerprint_key = m.at.key;
            fill_message(rule, f, m, display_name(*m.candidate.node), "");
            out.push_back(std::move(f));
        }
    }

    void match_scan(const Rule& rule, const ScanContext& ctx, std::vector<Finding>& out) const override {
        std::vector<ScanDocument> docs;
        for (const ScanDocument& d : ctx.documents) {
            if (rule.applies_to.applies(d.document->format, d.path)) docs.push_back(d);
        }
        if (docs.empty()) return;
        for (const auto& unit : resolve_units(*m_resolve, docs)) match_unit(rule, *unit, ctx.policy, out);
    }

private:
    struct Match {
        Hit candidate;
        Hit at;
    };

    std::vector<Match> matches(const Node& root, const Policy& policy, Selector& selector) const {
        std::vector<Match> found;
        // Keys are spelled only for the candidates the condition keeps.
        auto consider = [&](const Node& node, const KeyTrail& trail) {
            if (m_where && !evaluate(*m_where, node, policy, selector)) return;
            Hit cand{&node, trail.key()};
            Hit at = cand;
            if (!m_report.segments.empty()) {
                std::vector<Hit> reported;
                selector.select(node, m_report, reported, cand.key);
                if (!reported.empty()) at = reported.front();
            }
            found.push_back({std::move(cand), std::move(at)});
        };
        if (m_select.segments.empty()) {
            const std::string none;
            consider(root, KeyTrail(&none));
        } else {
            selector.visit(root, m_select, {}, consider);
        }
        return found;
    }

    static void fill_message(const Rule& rule, Finding& f, const Match& m, const std::string& name, const std::string& origin) {
        const Node& at = *m.at.node;
        MessageVars vars{{"name", name}, {"path", m.at.key}, {"key", at.key}, {"value", safe_value(at)}, {"origin", origin}};
        f.message = render_message(rule_message(rule), vars);
        if ((at.kind == analyzers::NodeKind::scalar || at.kind == analyzers::NodeKind::attribute) && !at.key.empty())
            f.evidence = at.key + ": " + safe_value(at);
    }

    // One finding per root cause: sections that get the same offending value from the same
    // place (a template, [general], a default) are related locations of one finding.
    void match_unit(const Rule& rule, const EffectiveUnit& unit, const Policy& policy, std::vector<Finding>& out) const {
        Selector selector;
        std::map<std::string, std::size_t> by_group;
        std::map<std::size_t, std::vector<std::string>> affected;  // names of the related sections
        std::map<std::size_t, bool> inherited;  // the first section got the value from elsewhere
        std::size_t first = out.size();
        auto origin_of = [&](const Node* n) {
            auto it = unit.origins.find(n);
            return it != unit.origins.end() ? it->second : ValueOrigin{unit.path, "", "", "", false};
        };
        for (const Match& m : matches(unit.root, policy, selector)) {
            ValueOrigin at = origin_of(m.at.node);
            ValueOrigin cand = origin_of(m.candidate.node);
            Location where{at.path, m.at.node->span.known() ? m.at.node->span : m.candidate.node->span};
            Location cand_where{cand.path, m.candidate.node->span};
            std::string group = at.group.empty() ? where.path + ":" + std::to_string(where.span.start.line) + ":" +
                                                       std::to_string(where.span.start.column) + ":" + m.at.key
                                                 : at.group;
            std::string cand_name = display_name(*m.candidate.node);
            auto [it, fresh] = by_group.emplace(group, out.size());
            if (!fresh) {
                Finding& f = out[it->second];
                if (cand_where != f.location && std::find(f.related.begin(), f.related.end(), cand_where) == f.related.end()) {
                    f.related.push_back(cand_where);
                    affected[it->second].push_back(cand_name);
                }
                continue;
            }
            Finding f;
            f.location = where;
            // Content-based, so that inserting lines above does not change it: where the value
            // is written (file and section, or the profile's structural key) and which setting.
            f.fingerprint_key = at.path + "\n" + (at.section.empty() ? m.at.key : at.section + "." + m.at.node->key) +
                                (at.is_default ? "\ndefault" : "");
            fill_message(rule, f, m, at.section.empty() ? cand_name : at.section, at.note);
            bool elsewhere = cand_where != where;
            if (elsewhere) {
                f.related.push_back(cand_where);
                affected[out.size()].push_back(cand_name);
            }
            inherited[out.size()] = elsewhere;
            out.push_back(std::move(f));
        }
        for (std::size_t i = first; i < out.size(); ++i) append_affected(out[i], affected[i], inherited[i]);
    }

    // "...; in effect for [a], [b] and 3 more" when the value reaches other sections than where it
    // is written; "...; also [b]" when the finding's own section is the first of several.
    static void append_affected(Finding& f, const std::vector<std::string>& names, bool inherited) {
        if (names.empty() || (inherited && names.size() < 2)) return;
        constexpr std::size_t k_listed = 4;
        std::string list;
        for (std::size_t i = 0; i < names.size() && i < k_listed; ++i) list += (i ? ", [" : "[") + names[i] + "]";
        if (names.size() > k_listed) list += " and " + std::to_string(names.size() - k_listed) + " more";
        f.message += (inherited ? "; in effect for " : "; also ") + list;
    }

    static std::string_view rule_message(const Rule& rule) { return rule.message_template.empty() ? rule.title : rule.message_template; }
    Path m_select;
    std::optional<Condition> m_where;
    Path m_report;
    std::optional<ResolveSpec> m_resolve;
};

}  // namespace

Result<std::shared_ptr<const Matcher>> make_config_matcher(const Node& spec, const PackContext& ctx) {
    if (auto e = check_keys(ctx, spec, {"select", "where", "report", "resolve"}, "config matcher")) return *e;
    SpecReader r{ctx, {}};
    auto select_text = r.string(spec, "select");
    auto report_text = r.string(spec, "report");
    const Node* where_node = r.mapping(spec, "where");
    if (!r.ok()) return *r.error;
    Path select, report;
    if (select_text) {
        auto p = parse_path(*select_text);
        if (!p.ok()) return spec_error(ctx, *spec.find("select"), p.error().message);
        select = std::move(p.value());
    }
    if (report_text) {
        auto p = parse_path(*report_text);
        if (!p.ok()) return spec_error(ctx, *spec.find("report"), p.error().message);
        report = std::move(p.value());
    }
    std::optional<Condition> where;
    if (where_node) {
        auto c = parse_condition(*where_node, ctx);
        if (!c.ok()) return c.error();
        where = std::move(c.value());
    }
    std::optional<ResolveSpec> resolve;
    if (const Node* r = spec.find("resolve")) {
        auto parsed = parse_resolve_spec(*r, ctx);
        if (!parsed.ok()) return parsed.error();
        resolve = std::move(parsed.value());
    }
    return std::shared_ptr<const Matcher>(
        std::make_shared<ConfigMatcher>(std::move(select), std::move(where), std::move(report), std::move(resolve)));
}

}  // namespace ccscan::rules::config
