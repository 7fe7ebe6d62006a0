#include "rules/config/condition.h"

#include <algorithm>
#include <cstdlib>
#include <span>

#include "analyzers/text.h"
#include "rules/pack_support.h"

namespace ccscan::rules::config {

using analyzers::Node;
using analyzers::NodeKind;

namespace {

struct OpName {
    const char* name;
    Condition::Op op;
};

constexpr OpName k_value_ops[] = {
    {"equals", Condition::Op::equals}, {"not_equals", Condition::Op::not_equals},
    {"in", Condition::Op::in}, {"not_in", Condition::Op::not_in},
    {"regex", Condition::Op::regex}, {"not_regex", Condition::Op::not_regex},
    {"contains", Condition::Op::contains}, {"exists", Condition::Op::exists},
    {"missing", Condition::Op::missing}, {"gt", Condition::Op::gt}, {"ge", Condition::Op::ge},
    {"lt", Condition::Op::lt}, {"le", Condition::Op::le},
};
constexpr OpName k_group_ops[] = {
    {"all", Condition::Op::all}, {"any", Condition::Op::any}, {"not", Condition::Op::negate},
    {"any_item", Condition::Op::any_item}, {"no_item", Condition::Op::no_item},
    {"all_items", Condition::Op::all_items},
};

using analyzers::lower;

bool is_policy_ref(std::string_view v) { return v.size() > 10 && v.substr(0, 9) == "${policy." && v.back() == '}'; }

std::vector<std::string> resolve(const std::vector<std::string>& values, const Policy& policy) {
    std::vector<std::string> out;
    for (const std::string& v : values) {
        if (is_policy_ref(v)) {
            auto list = policy.list(std::string_view(v).substr(9, v.size() - 10));
            out.insert(out.end(), list.begin(), list.end());
        } else {
            out.push_back(v);
        }
    }
    return out;
}

std::optional<double> to_number(std::string_view s) {
    std::string str(s);
    char* end = nullptr;
    double d = std::strtod(str.c_str(), &end);
    if (str.empty() || end == str.c_str()) return std::nullopt;
    return d;
}

bool scalar_like(const Node& n) { return n.kind == NodeKind::scalar || n.kind == NodeKind::attribute || n.kind == NodeKind::element; }

bool value_matches(const Condition& c, const Node& n, const std::vector<std::string>& values, const RE2* re) {
    auto eq = [&](std::string_view a, std::string_view b) { return c.ignore_case ? lower(a) == lower(b) : a == b; };
    switch (c.op) {
        case Condition::Op::equals:
        case Condition::Op::not_equals:
        case Condition::Op::in:
        case Condition::Op::not_in:
            if (!scalar_like(n)) return false;
            return std::any_of(values.begin(), values.end(), [&](const std::string& v) { return eq(n.value, v); });
        case Condition::Op::regex:
        case Condition::Op::not_regex:
            return scalar_like(n) && re && RE2::PartialMatch(n.value, *re);
        case Condition::Op::contains:
            if (n.kind == NodeKind::array) {
                return std::any_of(n.children.begin(), n.children.end(), [&](const Node& ch) {
                    return scalar_like(ch) && std::any_of(values.begin(), values.end(), [&](const std::string& v) { return eq(ch.value, v); });
                });
            }
            if (!scalar_like(n)) return false;
            return std::any_of(values.begin(), values.end(), [&](const std::string& v) {
                return c.ignore_case ? lower(n.value).find(lower(v)) != std::string::npos : n.value.find(v) != std::string::npos;
            });
        case Condition::Op::gt:
        case Condition::Op::ge:
        case Condition::Op::lt:
        case Condition::Op::le: {
            auto a = to_number(n.value);
            auto b = values.empty() ? std::nullopt : to_number(values.front());
            if (!scalar_like(n) || !a || !b) return false;
            if (c.op == Condition::Op::gt) return *a > *b;
            if (c.op == Condition::Op::ge) return *a >= *b;
            if (c.op == Condition::Op::lt) return *a < *b;
            return *a <= *b;
        }
        default:
            return false;
    }
}

}  // namespace

analyzers::Result<Condition> parse_condition(const Node& spec, const PackContext& ctx) {
    if (spec.kind != NodeKind::object) return spec_error(ctx, spec, "a condition must be a mapping");
    Condition c;
    // Group forms.
    for (const OpName& g : k_group_ops) {
        const Node* n = spec.find(g.name);
        if (!n) continue;
        c.op = g.op;
        if (g.op == Condition::Op::all || g.op == Condition::Op::any) {
            if (auto e = check_keys(ctx, spec, {g.name}, "condition")) return *e;
            if (n->kind != NodeKind::array) return spec_error(ctx, *n, std::string("'") + g.name + "' takes a list of conditions");
            for (const Node& item : n->children) {
                auto child = parse_condition(item, ctx);
                if (!child.ok()) return child.error();
                c.children.push_back(std::move(child.value()));
            }
            return c;
        }
        if (g.op == Condition::Op::negate) {
            if (auto e = check_keys(ctx, spec, {g.name}, "condition")) return *e;
            auto child = parse_condition(*n, ctx);
            if (!child.ok()) return child.error();
            c.children.push_back(std::move(child.value()));
            return c;
        }
        // *_item: {path, where}
        if (auto e = check_keys(ctx, spec, {g.name}, "condition")) return *e;
        if (auto e = check_keys(ctx, *n, {"path", "where"}, g.name)) return *e;
        SpecReader r{ctx, {}};
        auto p = r.string(*n, "path", true);
        const Node* where = r.mapping(*n, "where", true);
        if (!r.ok()) return *r.error;
        auto parsed = parse_path(*p);
        if (!parsed.ok()) return spec_error(ctx, *n->find("path"), parsed.error().message);
        c.path = std::move(parsed.value());
        auto child = parse_condition(*where, ctx);
        if (!child.ok()) return child.error();
        c.children.push_back(std::move(child.value()));
        return c;
    }
    // Value forms: exactly one operator, plus path and ignore_case.
    if (auto e = check_keys(ctx, spec, {"path", "ignore_case", "equals", "not_equals", "in", "not_in", "regex", "not_regex",
                                        "contains", "exists", "missing", "gt", "ge", "lt", "le", "all", "any", "not",
                                        "any_item", "no_item", "all_items"}, "condition")) {
        return *e;
    }
    SpecReader r{ctx, {}};
    const OpName* found = nullptr;
    for (const OpName& v : k_value_ops) {
        if (spec.find(v.name)) {
            if (found) return spec_error(ctx, *spec.find(v.name), std::string("a condition takes one operator; found both '") + found->name + "' and '" + v.name + "'");
            found = &v;
        }
    }
    if (!found) return spec_error(ctx, spec, "condition has no operator (equals, in, regex, exists, missing, gt, all, any, not, ...)");
    c.op = found->op;
    if (auto p = r.string(spec, "path")) {
        auto parsed = parse_path(*p);
        if (!parsed.ok()) return spec_error(ctx, *spec.find("path"), parsed.error().message);
        c.path = std::move(parsed.value());
    }
    if (auto ic = r.boolean(spec, "ignore_case")) c.ignore_case = *ic;
    const Node* val = spec.find(found->name);
    if (c.op == Condition::Op::exists || c.op == Condition::Op::missing) {
        auto b = r.boolean(spec, found->name);
        if (!r.ok()) return *r.error;
        if (!*b) c.op = c.op == Condition::Op::exists ? Condition::Op::missing : Condition::Op::exists;
        return c;
    }
    auto values = r.strings(spec, found->name);
    if (!r.ok()) return *r.error;
    c.values = *values;
    if (c.op == Condition::Op::regex || c.op == Condition::Op::not_regex) {
        if (c.values.size() != 1) return spec_error(ctx, *val, "'regex' takes one pattern");
        if (is_policy_ref(c.values.front())) return c;
        RE2::Options o;
        o.set_log_errors(false);
        o.set_case_sensitive(!c.ignore_case);
        c.regex = std::make_shared<RE2>(c.values.front(), o);
        if (!c.regex->ok()) return spec_error(ctx, *val, "invalid regular expression: " + c.regex->error());
    }
    if ((c.op == Condition::Op::gt || c.op == Condition::Op::ge || c.op == Condition::Op::lt || c.op == Condition::Op::le) &&
        !is_policy_ref(c.values.front()) && !to_number(c.values.front())) {
        return spec_error(ctx, *val, std::string("'") + found->name + "' takes a number or ${policy.NAME}");
    }
    return c;
}

bool evaluate(const Condition& c, const Node& candidate, const Policy& policy, Selector& selector) {
    switch (c.op) {
        case Condition::Op::all:
            return std::all_of(c.children.begin(), c.children.end(), [&](const Condition& ch) { return evaluate(ch, candidate, policy, selector); });
        case Condition::Op::any:
            return std::any_of(c.children.begin(), c.children.end(), [&](const Condition& ch) { return evaluate(ch, candidate, policy, selector); });
        case Condition::Op::negate:
            return !evaluate(c.children.front(), candidate, policy, selector);
        default:
            break;
    }
    // A condition on the candidate itself (no path) needs no selection and no allocation.
    const Node* self = &candidate;
    std::vector<const Node*> selected;
    std::span<const Node* const> hits(&self, 1);
    if (!c.path.segments.empty()) {
        selector.select_nodes(candidate, c.path, selected);
        hits = selected;
    }
    switch (c.op) {
        case Condition::Op::exists: return !hits.empty();
        case Condition::Op::missing: return hits.empty();
        case Condition::Op::any_item:
            return std::any_of(hits.begin(), hits.end(), [&](const Node* h) { return evaluate(c.children.front(), *h, policy, selector); });
        case Condition::Op::no_item:
            return std::none_of(hits.begin(), hits.end(),
                                [&](const Node* h) { return evaluate(c.children.front(), *h, policy, selector); });
        case Condition::Op::all_items:
            return !hits.empty() &&
                   std::all_of(hits.begin(), hits.end(), [&](const Node* h) { return evaluate(c.children.front(), *h, policy, selector); });
        default:
            break;
    }
    // Every value comparison is false on no node (positive: none matches; negative: needs one),
    // so the values are resolved only when there is something to compare (a `**` selection
    // evaluates its conditions on every node of a 5,000-action flow).
    if (hits.empty()) return false;
    const bool has_ref = std::any_of(c.values.begin(), c.values.end(), [](const std::string& v) { return is_policy_ref(v); });
    const std::vector<std::string> resolved = has_ref ? resolve(c.values, policy) : std::vector<std::string>{};
    const std::vector<std::string>& values = has_ref ? resolved : c.values;
    bool is_regex = c.op == Condition::Op::regex || c.op == Condition::Op::not_regex;
    if (is_regex && !c.regex) {
        // A policy list of patterns: any of them.
        std::vector<std::unique_ptr<RE2>> res;
        RE2::Options o;
        o.set_log_errors(false);
        o.set_case_sensitive(!c.ignore_case);
        for (const std::string& v : values) res.push_back(std::make_unique<RE2>(v, o));
        auto any_re = [&](const Node& n) {
            return scalar_like(n) && std::any_of(res.begin(), res.end(), [&](const auto& re) { return re->ok() && RE2::PartialMatch(n.value, *re); });
        };
        if (c.op == Condition::Op::not_regex)
            return !hits.empty() && std::none_of(hits.begin(), hits.end(), [&](const Node* h) { return any_re(*h); });
        return std::any_of(hits.begin(), hits.end(), [&](const Node* h) { return any_re(*h); });
    }
    const RE2* re = c.regex.get();
    bool negative = c.op == Condition::Op::not_equals || c.op == Condition::Op::not_in || c.op == Condition::Op::not_regex;
    if (negative) {
        return !hits.empty() && std::none_of(hits.begin(), hits.end(), [&](const Node* h) { return value_matches(c, *h, values, re); });
    }
    return std::any_of(hits.begin(), hits.end(), [&](const Node* h) { return value_matches(c, *h, values, re); });
}

}  // namespace ccscan::rules::config
