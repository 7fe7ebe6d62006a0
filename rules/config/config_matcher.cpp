#include "rules/config/config_matcher.h"

#include <re2/re2.h>

#include "rules/config/condition.h"
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
    ConfigMatcher(Path select, std::optional<Condition> where, Path report)
        : m_select(std::move(select)), m_where(std::move(where)), m_report(std::move(report)) {}

    bool needs_document() const override { return true; }

    void match_file(const Rule& rule, const FileContext& ctx, std::vector<Finding>& out) const override {
        if (!ctx.parsed.document) return;
        const Node& root = ctx.parsed.document->root;
        Selector selector;
        std::vector<Hit> candidates;
        if (m_select.segments.empty()) candidates.push_back({&root, {}});
        else selector.select(root, m_select, candidates);
        for (const Hit& cand : candidates) {
            if (m_where && !evaluate(*m_where, *cand.node, ctx.policy, selector)) continue;
            Hit at = cand;
            if (!m_report.segments.empty()) {
                std::vector<Hit> reported;
                selector.select(*cand.node, m_report, reported, cand.key);
                if (!reported.empty()) at = reported.front();
            }
            Finding f;
            f.location = {ctx.file.path, at.node->span};
            if (!f.location.span.known()) f.location.span = cand.node->span;
            f.fingerprint_key = at.key;
            MessageVars vars{{"name", display_name(*cand.node)}, {"path", at.key}, {"key", at.node->key},
                             {"value", safe_value(*at.node)}};
            f.message = render_message(rule_message(rule), vars);
            if (at.node->kind == analyzers::NodeKind::scalar || at.node->kind == analyzers::NodeKind::attribute) {
                std::string v = safe_value(*at.node);
                if (!at.node->key.empty()) f.evidence = at.node->key + ": " + v;
            }
            out.push_back(std::move(f));
        }
    }

private:
    static std::string_view rule_message(const Rule& rule) { return rule.message_template.empty() ? rule.title : rule.message_template; }
    Path m_select;
    std::optional<Condition> m_where;
    Path m_report;
};

}  // namespace

Result<std::shared_ptr<const Matcher>> make_config_matcher(const Node& spec, const PackContext& ctx) {
    if (auto e = check_keys(ctx, spec, {"select", "where", "report"}, "config matcher")) return *e;
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
    return std::shared_ptr<const Matcher>(std::make_shared<ConfigMatcher>(std::move(select), std::move(where), std::move(report)));
}

}  // namespace ccscan::rules::config
