#include "rules/flow/node_selector.h"

#include <algorithm>

#include <re2/re2.h>

#include "analyzers/text.h"
#include "rules/pack_support.h"

namespace ccscan::rules::flow {

using analyzers::lower;
using analyzers::Node;
using analyzers::NodeKind;

namespace {

template <std::size_t N>
std::string joined(const std::array<std::string_view, N>& names) {
    std::string out;
    for (std::string_view n : names) out += (out.empty() ? "" : ", ") + std::string(n);
    return out;
}

std::vector<std::string> lowered(std::vector<std::string> v) {
    for (std::string& s : v) s = lower(s);
    return v;
}

Result<std::shared_ptr<const re2::RE2>> compile(const Node& at, const std::string& pattern, const PackContext& ctx) {
    auto re = std::make_shared<const re2::RE2>(pattern, re2::RE2::Quiet);
    if (!re->ok()) return spec_error(ctx, at, "invalid regular expression: " + re->error());
    return re;
}

Result<PropCondition> parse_prop(const Node& n, const PackContext& ctx) {
    PropCondition c;
    c.prop = n.key;
    if (n.kind == NodeKind::scalar) {
        c.in = std::vector<std::string>{lower(n.value)};
        return c;
    }
    if (n.kind == NodeKind::array) {
        std::vector<std::string> vals;
        for (const Node& v : n.children) vals.push_back(lower(v.value));
        c.in = vals;
        return c;
    }
    if (auto err = check_keys(ctx, n, {"equals", "in", "not_equals", "not_in", "regex", "exists", "missing"},
                              "flow props condition '" + n.key + "'")) {
        return *err;
    }
    SpecReader r{ctx, std::nullopt};
    if (auto v = r.string(n, "equals")) c.in = std::vector<std::string>{lower(*v)};
    if (auto v = r.strings(n, "in")) c.in = lowered(*v);
    if (auto v = r.string(n, "not_equals")) c.not_in = std::vector<std::string>{lower(*v)};
    if (auto v = r.strings(n, "not_in")) c.not_in = lowered(*v);
    if (auto v = r.boolean(n, "exists")) c.exists = *v;
    if (auto v = r.boolean(n, "missing")) c.exists = !*v;
    if (auto v = r.string(n, "regex")) {
        auto re = compile(*n.find("regex"), *v, ctx);
        if (!re.ok()) return re.error();
        c.regex = re.value();
    }
    if (r.error) return *r.error;
    return c;
}

}  // namespace

Result<NodeSelector> NodeSelector::parse(const Node& spec, const PackContext& ctx, std::string_view what) {
    if (auto err = check_keys(ctx, spec, {"kind", "platform_type", "sensitivity", "props", "prompt", "prompt_matches", "any"}, what)) {
        return *err;
    }
    NodeSelector s;
    SpecReader r{ctx, std::nullopt};
    if (auto kinds = r.strings(spec, "kind")) {
        for (const std::string& k : *kinds) {
            analyzers::FlowKind fk;
            if (!analyzers::parse_flow_kind(k, fk)) {
                return spec_error(ctx, *spec.find("kind"), "unknown flow node kind '" + k +
                                                               "' (one of " + joined(analyzers::k_flow_kind_names) + ")");
            }
            s.m_kinds.push_back(fk);
        }
    }
    if (auto types = r.strings(spec, "platform_type")) s.m_platform_types = *types;
    if (auto sens = r.strings(spec, "sensitivity")) {
        for (const std::string& v : *sens) {
            analyzers::Sensitivity sv;
            if (v == "any") {
                s.m_any_sensitivity = true;
            } else if (analyzers::parse_sensitivity(v, sv)) {
                s.m_sensitivities.push_back(sv);
            } else {
                return spec_error(ctx, *spec.find("sensitivity"), "unknown sensitivity '" + v +
                                                                      "' (one of any, " + joined(analyzers::k_sensitivity_names) + ")");
            }
        }
    }
    if (const Node* props = r.mapping(spec, "props")) {
        for (const Node& p : props->children) {
            auto c = parse_prop(p, ctx);
            if (!c.ok()) return c.error();
            s.m_props.push_back(std::move(c.value()));
        }
    }
    if (auto p = r.string(spec, "prompt")) {
        auto re = compile(*spec.find("prompt"), *p, ctx);
        if (!re.ok()) return re.error();
        s.m_prompt = re.value();
    }
    if (auto pm = r.string(spec, "prompt_matches")) {
        if (*pm != "notice" && *pm != "consent") {
            return spec_error(ctx, *spec.find("prompt_matches"), "prompt_matches must be 'notice' (policy.notice_prompts) or 'consent' (policy.consent_prompts)");
        }
        s.m_prompt_matches = *pm;
    }
    if (const Node* any = spec.find("any")) {
        if (any->kind != NodeKind::array || any->children.empty()) return spec_error(ctx, *any, "any must be a non-empty list of node selectors");
        for (const Node& alt : any->children) {
            auto sub = NodeSelector::parse(alt, ctx, what);
            if (!sub.ok()) return sub.error();
            s.m_any.push_back(std::move(sub.value()));
        }
    }
    if (r.error) return *r.error;
    return s;
}

bool NodeSelector::uses_notice() const {
    return m_prompt_matches == "notice" || std::any_of(m_any.begin(), m_any.end(), [](const NodeSelector& a) { return a.uses_notice(); });
}

bool NodeSelector::uses_consent() const {
    return m_prompt_matches == "consent" || std::any_of(m_any.begin(), m_any.end(), [](const NodeSelector& a) { return a.uses_consent(); });
}

bool NodeSelector::matches(const analyzers::FlowNode& n, const PromptMatcher* notice, const PromptMatcher* consent) const {
    if (!m_kinds.empty() && std::find(m_kinds.begin(), m_kinds.end(), n.kind) == m_kinds.end()) return false;
    if (!m_platform_types.empty() &&
        std::find(m_platform_types.begin(), m_platform_types.end(), n.platform_type) == m_platform_types.end()) {
        return false;
    }
    if (m_any_sensitivity || !m_sensitivities.empty()) {
        bool ok = (m_any_sensitivity && n.input.sensitivity != analyzers::Sensitivity::none) ||
                  std::find(m_sensitivities.begin(), m_sensitivities.end(), n.input.sensitivity) != m_sensitivities.end();
        if (!ok) return false;
    }
    for (const PropCondition& c : m_props) {
        const std::string raw = analyzers::node_prop(n, c.prop);
        bool present = !raw.empty();
        if (c.exists && *c.exists != present) return false;
        std::string value = lower(raw);
        if (c.in && std::find(c.in->begin(), c.in->end(), value) == c.in->end()) return false;
        if (c.not_in && std::find(c.not_in->begin(), c.not_in->end(), value) != c.not_in->end()) return false;
        if (c.regex && (!present || !re2::RE2::PartialMatch(raw, *c.regex))) return false;
    }
    if (m_prompt) {
        if (n.prompt_text.empty() || !re2::RE2::PartialMatch(n.prompt_text, *m_prompt)) return false;
    }
    if (m_prompt_matches == "notice" && !(notice && notice->matches(n))) return false;
    if (m_prompt_matches == "consent" && !(consent && consent->matches(n))) return false;
    if (!m_any.empty() && std::none_of(m_any.begin(), m_any.end(), [&](const NodeSelector& a) { return a.matches(n, notice, consent); })) {
        return false;
    }
    return true;
}

}  // namespace ccscan::rules::flow
