#include "rules/flow/flow_matcher.h"

#include <algorithm>
#include <deque>
#include <map>
#include <functional>
#include <optional>
#include <set>

#include "rules/flow/flow_analysis.h"
#include "rules/flow/node_selector.h"
#include "rules/flow/taint.h"
#include "rules/finding_groups.h"
#include "rules/message.h"
#include "rules/pack_support.h"
#include "rules/rule.h"

namespace ccscan::rules::flow {

using analyzers::FlowKind;
using analyzers::Node;

namespace {

enum class Mode { check, require, preceded_by, decline_branch, taint };

constexpr std::size_t k_max_path_steps = 64;

struct Requirement {
    StateVar var;
    std::uint8_t allowed = 0;  // bitmask of allowed value indices
};

// Describes a (possibly product) state value for path steps: "recording: on, hold: off".
std::string describe(StateVar var, const std::optional<Requirement>& unless, int value) {
    const auto& xs = state_values(var);
    int nx = static_cast<int>(xs.size());
    std::string s = std::string(to_string(var)) + ": " + std::string(xs[static_cast<std::size_t>(value % nx)]);
    if (unless) {
        s += ", " + std::string(to_string(unless->var)) + ": " +
             std::string(state_values(unless->var)[static_cast<std::size_t>(value / nx)]);
    }
    return s;
}

// The node that established the offending value of `var` on a counterexample path (`values`:
// the combined value on entry to each step): the last step entered with another value of `var`
// set it; when the path starts with it (a default such as "no notice"), the path's entry.
NodeRef cause_on_path(const std::vector<NodeRef>& path, const std::vector<int>& values, int nx) {
    if (path.empty()) return {};
    int bad = values.back() % nx;
    for (std::size_t i = values.size() - 1; i-- > 0;) {
        if (values[i] % nx != bad) return path[i];
    }
    return path.front();
}

std::string ref_key(NodeRef r) { return std::to_string(r.graph) + ":" + std::to_string(r.node); }

// Everything a rule evaluation needs that depends on the scan (graphs, policy).
struct Scan {
    const ScanContext& ctx;
    ScanGraphs graphs;
    PromptMatcher notice;
    PromptMatcher consent;
    PromptPatterns patterns;

    // Shortest paths from the roots to every node, computed on first use.
    std::vector<NodeRef> path_from_roots(NodeRef r) {
        if (!m_reach) m_reach = std::make_unique<StateReach>(graphs, EffectFn([](const FlowNode&) { return std::optional<int>(); }));
        return m_reach->path_to(r, 0);
    }
    std::unique_ptr<StateReach> m_reach;

    // The reachable values of a built-in variable (with `unless`: tracked together with that
    // one), computed once per scan: rules asking about the same variables share the search.
    const StateReach& builtin_reach(StateVar var, std::optional<StateVar> unless) {
        std::unique_ptr<StateReach>& slot = m_builtin[{static_cast<int>(var), unless ? static_cast<int>(*unless) : -1}];
        if (!slot) {
            EffectFn fx = builtin_effect(var, patterns);
            int nx = static_cast<int>(state_values(var).size());
            TransferFn transfer = unless ? product_transfer(fx, nx, builtin_effect(*unless, patterns)) : as_transfer(fx);
            slot = std::make_unique<StateReach>(graphs, transfer);
        }
        return *slot;
    }
    std::map<std::pair<int, int>, std::unique_ptr<StateReach>> m_builtin;

    // The interned variables of the graphs, for every taint rule of the scan.
    const TaintVariables& taint_variables() {
        if (!m_taint_vars) m_taint_vars = make_taint_variables(graphs);
        return *m_taint_vars;
    }
    std::shared_ptr<const TaintVariables> m_taint_vars;

    explicit Scan(const ScanContext& c)
        : ctx(c), graphs(c.flows), notice(c.policy.list("notice_prompts")), consent(c.policy.list("consent_prompts")),
          patterns{c.policy.list("notice_prompts"), c.policy.list("consent_prompts")} {}
};

std::string step_text(const FlowNode& n, std::string_view state) {
    std::string s = n.label.empty() ? n.platform_type : n.label;
    s += " (" + std::string(analyzers::to_string(n.kind));
    if (n.input.sensitivity != analyzers::Sensitivity::none) s += ", " + std::string(analyzers::to_string(n.input.sensitivity));
    s += ")";
    if (!state.empty()) s += " - " + std::string(state);
    return s;
}

class FlowMatcher final : public Matcher {
public:
    Mode mode = Mode::check;
    std::optional<NodeSelector> at;
    std::vector<Requirement> require;
    std::optional<Requirement> unless;  // a state in which `require` does not apply (agent on hold)
    std::optional<NodeSelector> preceded_by;
    StateVar decline_var = StateVar::recording;
    std::optional<NodeSelector> sources, sinks, sanitizers;
    GroupBy group_by = GroupBy::node;

    bool per_file() const override { return false; }
    bool needs_flows() const override { return true; }
    void match_file(const Rule&, const FileContext&, std::vector<Finding>&) const override {}

    void match_scan(const Rule& rule, const ScanContext& ctx, std::vector<Finding>& out) const override {
        if (ctx.flows.empty()) return;  // every mode reports at nodes of flows
        std::shared_ptr<void>& state = ctx.kind_state["flow"];
        if (!state) state = std::make_shared<Scan>(ctx);
        Scan& scan = *static_cast<Scan*>(state.get());
        FindingGroups groups;
        switch (mode) {
            case Mode::check: run_check(rule, scan, groups); break;
            case Mode::require: run_require(rule, scan, groups); break;
            case Mode::preceded_by: run_preceded(rule, scan, groups); break;
            case Mode::decline_branch: run_decline(rule, scan, groups); break;
            case Mode::taint: run_taint(rule, scan, groups); break;
        }
        groups.flush(out);
    }

private:
    bool selected(const NodeSelector& s, const Scan& scan, const FlowNode& n) const {
        return s.matches(n, &scan.notice, &scan.consent);
    }

    // Nodes of graphs this rule applies to, matching `at`.
    template <class Fn>
    void for_each_at(const Rule& rule, const Scan& scan, Fn fn) const {
        for (std::uint32_t g = 0; g < scan.graphs.size(); ++g) {
            const FlowGraph& fg = scan.graphs.graph(g);
            if (!rule.applies_to.applies(fg.platform, fg.path)) continue;
            for (std::uint32_t i = 0; i < fg.nodes.size(); ++i) {
                if (at && selected(*at, scan, fg.nodes[i]) && !judged_by_definition(scan, fg.nodes[i])) fn(NodeRef{g, i});
            }
        }
    }

    // A bot block whose bot definition is in the scan (a Lex export) is judged by the bot's
    // slots, which the analysis enters from it: the block's own words (prompt, intent names) are
    // only the fallback, so one root cause is not reported twice.
    static bool judged_by_definition(const Scan& scan, const FlowNode& n) {
        if (n.kind != analyzers::FlowKind::bot) return false;
        return !n.transfer.flow.empty() && !scan.graphs.resolve_flows(n.transfer.flow).empty();
    }

    Finding make_finding(const Rule& rule, const Scan& scan, NodeRef r, MessageVars vars, const std::string& key) const {
        const FlowGraph& g = scan.graphs.graph(r.graph);
        const FlowNode& n = scan.graphs.node(r);
        vars.emplace("flow", g.name);
        vars.emplace("node", n.label);
        vars.emplace("id", n.id);
        vars.emplace("kind", std::string(analyzers::to_string(n.kind)));
        vars.emplace("platform_type", n.platform_type);
        vars.emplace("sensitivity", std::string(analyzers::to_string(n.input.sensitivity)));
        analyzers::for_each_prop(n, [&](std::string_view k, const std::string& v) { vars.emplace("prop." + std::string(k), v); });
        Finding f;
        f.sensitivity = std::string(analyzers::to_string(n.input.sensitivity));
        f.location = {g.path, n.span};
        f.message = render_message(rule.message_template.empty() ? rule.title : rule.message_template, vars);
        f.fingerprint_key = "flow:" + g.name + "/" + n.id + (key.empty() ? "" : "/" + key);
        f.format = g.platform;
        return f;
    }

    // Path steps; with `values` (the state value on entry to each step, from StateReach), each
    // step shows that state (`state_of(value)`).
    void add_path(Finding& f, const Scan& scan, const std::vector<NodeRef>& path, const std::vector<int>* values,
                  const std::function<std::string(int)>& state_of) const {
        // Long transfer chains make long paths: keep the entry and the last steps before the
        // node, and say how many were left out (reports stay small, the cut is visible).
        std::size_t omit_from = path.size() > k_max_path_steps ? 1 : path.size();
        std::size_t omit_to = path.size() > k_max_path_steps ? path.size() - (k_max_path_steps - 1) : path.size();
        for (std::size_t i = 0; i < path.size(); ++i) {
            if (i >= omit_from && i < omit_to) continue;
            const FlowNode& n = scan.graphs.node(path[i]);
            std::string state = values ? state_of((*values)[i]) : std::string();
            std::string text = step_text(n, state);
            if (i == omit_to && omit_to > omit_from) text = "(" + std::to_string(omit_to - omit_from) + " steps omitted) " + text;
            f.path.push_back({{scan.graphs.graph(path[i].graph).path, n.span}, std::move(text)});
        }
    }

    void add_path(Finding& f, const Scan& scan, const std::vector<NodeRef>& path) const {
        add_path(f, scan, path, nullptr, {});
    }

    // Adds a finding at `at` under its root cause (`cause`) or, grouped by node, on its own.
    void emit(FindingGroups& groups, NodeRef at, NodeRef cause, const std::string& what, Finding f) const {
        std::size_t rank = f.path.size();
        std::string key = what + "@" + (group_by == GroupBy::cause  ? ref_key(cause)
                                        : group_by == GroupBy::flow ? std::to_string(at.graph)
                                                                    : ref_key(at));
        groups.add(std::move(key), rank, std::move(f));
    }

    void run_check(const Rule& rule, Scan& scan, FindingGroups& out) const {
        for_each_at(rule, scan, [&](NodeRef r) {
            Finding f = make_finding(rule, scan, r, {}, "");
            std::vector<NodeRef> path = scan.path_from_roots(r);
            add_path(f, scan, path);
            emit(out, r, path.empty() ? r : path.front(), "", std::move(f));
        });
    }

    void run_require(const Rule& rule, Scan& scan, FindingGroups& out) const {
        struct Check {
            const StateReach* reach = nullptr;
            std::uint8_t bad = 0;  // values that violate the requirement
        };
        std::vector<Check> checks;
        for (const Requirement& req : require) {
            Check c;
            int nx = static_cast<int>(state_values(req.var).size());
            int nu = unless ? static_cast<int>(state_values(unless->var).size()) : 1;
            for (int v = 0; v < nx * nu; ++v) {
                bool ok = (req.allowed & (1u << (v % nx))) || (unless && (unless->allowed & (1u << (v / nx))));
                if (!ok) c.bad = static_cast<std::uint8_t>(c.bad | (1u << v));
            }
            c.reach = &scan.builtin_reach(req.var, unless ? std::optional<StateVar>(unless->var) : std::nullopt);
            checks.push_back(c);
        }
        for_each_at(rule, scan, [&](NodeRef r) {
            for (std::size_t i = 0; i < require.size(); ++i) {
                std::uint8_t bad = checks[i].reach->values_at(r) & checks[i].bad;
                if (!bad) continue;
                int value = 0;
                while (!(bad & (1u << value))) ++value;
                StateVar var = require[i].var;
                int nx = static_cast<int>(state_values(var).size());
                MessageVars vars{{"state", std::string(to_string(var))},
                                 {"value", std::string(state_values(var)[static_cast<std::size_t>(value % nx)])}};
                Finding f = make_finding(rule, scan, r, vars, std::string(to_string(var)));
                std::vector<int> values;
                std::vector<NodeRef> path = checks[i].reach->path_to(r, value, &values);
                add_path(f, scan, path, &values, [&](int v) { return describe(var, unless, v); });
                emit(out, r, cause_on_path(path, values, nx), std::string(to_string(var)), std::move(f));
                break;  // one finding per node: the first requirement violated
            }
        });
    }

    void run_preceded(const Rule& rule, const Scan& scan, FindingGroups& out) const {
        const NodeSelector& pre = *preceded_by;
        const PromptMatcher* notice = &scan.notice;
        const PromptMatcher* consent = &scan.consent;
        EffectFn fx = [&pre, notice, consent](const FlowNode& n) -> std::optional<int> {
            if (pre.matches(n, notice, consent)) return 1;
            return std::nullopt;
        };
        StateReach reach(scan.graphs, fx);
        for_each_at(rule, scan, [&](NodeRef r) {
            if (!(reach.values_at(r) & 1u)) return;
            Finding f = make_finding(rule, scan, r, {{"state", "seen"}, {"value", "no"}}, "preceded");
            std::vector<int> values;
            std::vector<NodeRef> path = reach.path_to(r, 0, &values);
            add_path(f, scan, path, &values, [](int v) { return std::string(v ? "preceded: yes" : "preceded: no"); });
            emit(out, r, path.empty() ? r : path.front(), "preceded", std::move(f));
        });
    }

    // A branch declines when, without passing the question again, it reaches no node turning the
    // variable on, and (if the variable may already be on) reaches a node turning it off.
    bool branch_declines(const Scan& scan, NodeRef question, NodeRef start, const EffectFn& fx, bool may_be_on) const {
        std::set<NodeRef> seen{question};
        std::deque<NodeRef> work{start};
        bool turned_off = false;
        while (!work.empty()) {
            NodeRef r = work.front();
            work.pop_front();
            if (!seen.insert(r).second) continue;
            auto e = fx(scan.graphs.node(r));
            if (e && *e != 0 && *e != 2) return false;  // on (2 = paused for recording counts as off)
            if (e) {
                turned_off = true;
                continue;
            }
            for (NodeRef next : scan.graphs.successors(r)) work.push_back(next);
        }
        return turned_off || !may_be_on;
    }

    void run_decline(const Rule& rule, Scan& scan, FindingGroups& out) const {
        EffectFn fx = builtin_effect(decline_var, scan.patterns);
        const StateReach& reach = scan.builtin_reach(decline_var, std::nullopt);
        for_each_at(rule, scan, [&](NodeRef r) {
            bool may_be_on = (reach.values_at(r) & 0b10u) != 0;
            for (NodeRef next : scan.graphs.successors(r)) {
                if (branch_declines(scan, r, next, fx, may_be_on)) return;
            }
            Finding f = make_finding(rule, scan, r, {{"state", std::string(to_string(decline_var))}}, "decline");
            StateVar var = decline_var;
            std::vector<int> values;
            std::vector<NodeRef> path = reach.path_to(r, may_be_on ? 1 : 0, &values);
            add_path(f, scan, path, &values, [var](int v) { return describe(var, std::nullopt, v); });
            emit(out, r, r, "decline", std::move(f));
        });
    }

    // The root cause of each hit: hits that share a source (one card number leaking into a log
    // and a Lambda) or a sink (card number and expiry sent in one request) are one cause, named
    // by the first source of their connected group.
    static std::vector<NodeRef> taint_causes(const Scan& scan, const std::vector<TaintHit>& hits) {
        std::map<std::uint32_t, std::uint32_t> parent;  // global node index -> parent
        std::function<std::uint32_t(std::uint32_t)> find = [&](std::uint32_t x) {
            auto it = parent.emplace(x, x).first;
            return it->second == x ? x : (it->second = find(it->second));
        };
        for (const TaintHit& h : hits) {
            std::uint32_t a = find(scan.graphs.global(h.source)), b = find(scan.graphs.global(h.sink));
            if (a != b) parent[std::max(a, b)] = std::min(a, b);
        }
        std::vector<NodeRef> out;
        for (const TaintHit& h : hits) out.push_back(scan.graphs.local(find(scan.graphs.global(h.source))));
        return out;
    }

    void run_taint(const Rule& rule, Scan& scan, FindingGroups& out) const {
        auto pred = [&](const std::optional<NodeSelector>& s) -> NodePredicate {
            if (!s) return nullptr;
            return [&scan, &s, this](const FlowNode& n) { return selected(*s, scan, n); };
        };
        std::vector<TaintHit> hits = find_taint(scan.graphs, pred(sources), pred(sinks), pred(sanitizers), &scan.taint_variables());
        std::vector<NodeRef> cause = taint_causes(scan, hits);
        for (std::size_t hi = 0; hi < hits.size(); ++hi) {
            const TaintHit& h = hits[hi];
            const FlowGraph& g = scan.graphs.graph(h.sink.graph);
            if (!rule.applies_to.applies(g.platform, g.path)) continue;
            const FlowNode& src = scan.graphs.node(h.source);
            MessageVars vars{{"variable", h.variable},
                             {"source", src.label},
                             {"source_sensitivity", std::string(analyzers::to_string(src.input.sensitivity))}};
            Finding f = make_finding(rule, scan, h.sink, vars, "taint:" + h.variable);
            f.sensitivity = std::string(analyzers::to_string(src.input.sensitivity));
            f.related.push_back({scan.graphs.graph(h.source.graph).path, src.span});
            std::vector<NodeRef> path = scan.path_from_roots(h.source);
            std::vector<NodeRef> rest = shortest_path(scan.graphs, {h.source}, h.sink);
            if (!rest.empty()) path.insert(path.end(), rest.begin() + 1, rest.end());
            add_path(f, scan, path);
            emit(out, h.sink, cause[hi], "taint", std::move(f));
        }
    }
};

Result<std::vector<Requirement>> parse_require(const Node& spec, const PackContext& ctx) {
    if (spec.kind != analyzers::NodeKind::object) return spec_error(ctx, spec, "require must be a mapping of state variable to allowed values");
    std::vector<Requirement> out;
    for (const Node& v : spec.children) {
        Requirement req;
        if (!parse_state_var(v.key, req.var) || req.var == StateVar::seen) {
            std::vector<std::string> names;
            for (std::string_view name : user_state_var_names()) names.emplace_back(name);
            std::string hint = did_you_mean(v.key, names);
            return spec_error(ctx, v, "unknown state variable '" + v.key + "'" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
        }
        std::vector<std::string> values;
        if (v.kind == analyzers::NodeKind::scalar) values.push_back(v.value);
        for (const Node& c : v.children) values.push_back(c.value);
        for (const std::string& val : values) {
            int idx = state_value_index(req.var, val);
            if (idx < 0) {
                std::string allowed;
                for (std::string_view s : state_values(req.var)) allowed += (allowed.empty() ? "" : ", ") + std::string(s);
                return spec_error(ctx, v, "unknown value '" + val + "' for " + v.key + " (one of " + allowed + ")");
            }
            req.allowed = static_cast<std::uint8_t>(req.allowed | (1u << idx));
        }
        out.push_back(req);
    }
    return out;
}

Result<std::optional<NodeSelector>> optional_selector(const Node& spec, std::string_view key, const PackContext& ctx,
                                                      std::string_view what) {
    const Node* n = spec.find(key);
    if (!n) return std::optional<NodeSelector>{};
    auto s = NodeSelector::parse(*n, ctx, what);
    if (!s.ok()) return s.error();
    return std::optional<NodeSelector>(std::move(s.value()));
}

}  // namespace

Result<std::shared_ptr<const Matcher>> make_flow_matcher(const Node& spec, const PackContext& ctx) {
    if (auto err = check_keys(ctx, spec, {"at", "require", "unless", "preceded_by", "decline_branch", "taint", "group_by"}, "flow matcher")) return *err;
    auto m = std::make_shared<FlowMatcher>();
    // A state requirement or an ordering fails because of one node on the path (the entry with
    // no notice, the node that turned recording on), a taint because of its source: one finding
    // per cause by default.
    if (spec.find("require") || spec.find("preceded_by") || spec.find("taint")) m->group_by = GroupBy::cause;
    if (const Node* g = spec.find("group_by")) {
        if (!parse_group_by(g->value, m->group_by)) return spec_error(ctx, *g, "group_by must be 'cause', 'node' or 'flow'");
        if (spec.find("decline_branch")) return spec_error(ctx, *g, "group_by does not apply to decline_branch (one finding per question)");
    }
    int modes = 0;
    for (std::string_view k : {"require", "preceded_by", "decline_branch", "taint"}) modes += spec.find(k) ? 1 : 0;
    if (modes > 1) return spec_error(ctx, spec, "flow matcher: use only one of require, preceded_by, decline_branch, taint");
    auto at = optional_selector(spec, "at", ctx, "flow matcher 'at'");
    if (!at.ok()) return at.error();
    m->at = std::move(at.value());
    if (const Node* t = spec.find("taint")) {
        if (auto err = check_keys(ctx, *t, {"sources", "sinks", "sanitizers"}, "flow taint")) return *err;
        if (!t->find("sources") || !t->find("sinks")) return spec_error(ctx, *t, "flow taint needs 'sources' and 'sinks'");
        auto so = optional_selector(*t, "sources", ctx, "flow taint 'sources'");
        if (!so.ok()) return so.error();
        auto si = optional_selector(*t, "sinks", ctx, "flow taint 'sinks'");
        if (!si.ok()) return si.error();
        auto sa = optional_selector(*t, "sanitizers", ctx, "flow taint 'sanitizers'");
        if (!sa.ok()) return sa.error();
        m->sources = std::move(so.value());
        m->sinks = std::move(si.value());
        m->sanitizers = std::move(sa.value());
        m->mode = Mode::taint;
        return std::shared_ptr<const Matcher>(m);
    }
    if (!m->at) return spec_error(ctx, spec, "flow matcher needs 'at' (a node selector) or 'taint'");
    if (spec.find("unless") && !spec.find("require")) return spec_error(ctx, *spec.find("unless"), "unless goes with require");
    if (const Node* r = spec.find("require")) {
        auto req = parse_require(*r, ctx);
        if (!req.ok()) return req.error();
        m->require = std::move(req.value());
        m->mode = Mode::require;
        if (const Node* u = spec.find("unless")) {
            auto un = parse_require(*u, ctx);
            if (!un.ok()) return un.error();
            if (un->size() != 1) return spec_error(ctx, *u, "unless takes exactly one state variable (e.g. {hold: [on]})");
            m->unless = un->front();
            for (const Requirement& r : m->require) {
                if (state_values(r.var).size() * state_values(m->unless->var).size() > 8) {
                    return spec_error(ctx, *u, "unless: too many combined values with " + std::string(to_string(r.var)));
                }
            }
        }
    } else if (spec.find("preceded_by")) {
        auto pre = optional_selector(spec, "preceded_by", ctx, "flow matcher 'preceded_by'");
        if (!pre.ok()) return pre.error();
        m->preceded_by = std::move(pre.value());
        m->mode = Mode::preceded_by;
    } else if (const Node* d = spec.find("decline_branch")) {
        if (!parse_state_var(d->value, m->decline_var) || m->decline_var == StateVar::notice ||
            m->decline_var == StateVar::consent || m->decline_var == StateVar::seen) {
            return spec_error(ctx, *d, "decline_branch must name a state variable a node can turn off (recording, ivr_recording, analytics, logging, streaming)");
        }
        m->mode = Mode::decline_branch;
    }
    return std::shared_ptr<const Matcher>(m);
}

}  // namespace ccscan::rules::flow
