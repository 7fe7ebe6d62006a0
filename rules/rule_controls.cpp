#include "rules/rule_controls.h"

#include <algorithm>

#include "analyzers/flow_graph.h"
#include "rules/pack_support.h"

namespace ccscan::rules {

namespace {

bool is_card(std::string_view s) { return s == "pan" || s == "cvv" || s == "expiry" || s == "pin"; }

}  // namespace

const std::vector<std::string>& sensitivity_condition_names() {
    static const std::vector<std::string> k_names = {"card", "personal", "any", "unknown", "none", "pan", "cvv", "expiry",
                                                     "pin", "ssn", "bank_account", "dob", "phone", "email"};
    return k_names;
}

bool sensitivity_satisfies(std::string_view condition, std::string_view sensitivity) {
    if (condition == "unknown") return sensitivity.empty();
    if (sensitivity.empty()) return false;
    if (condition == "any") return sensitivity != "none";
    if (condition == "card") return is_card(sensitivity);
    if (condition == "personal") return sensitivity != "none" && !is_card(sensitivity);
    return condition == sensitivity;
}

analyzers::Result<std::vector<ConditionalControls>> parse_conditional_controls(const analyzers::Node& n, const PackContext& ctx) {
    if (n.kind != analyzers::NodeKind::array) {
        return spec_error(ctx, n, "controls_by_sensitivity must be a list of {when: [classes], controls: [ids]}");
    }
    std::vector<ConditionalControls> out;
    for (const analyzers::Node& item : n.children) {
        if (auto e = check_keys(ctx, item, {"when", "controls"}, "controls_by_sensitivity entry")) return *e;
        SpecReader r{ctx, {}};
        ConditionalControls c;
        c.when = r.strings(item, "when", true).value_or(std::vector<std::string>{});
        c.controls = r.strings(item, "controls", true).value_or(std::vector<std::string>{});
        if (!r.ok()) return *r.error;
        const auto& names = sensitivity_condition_names();
        for (const std::string& w : c.when) {
            if (std::find(names.begin(), names.end(), w) != names.end()) continue;
            std::string hint = did_you_mean(w, names);
            return spec_error(ctx, *item.find("when"), "unknown sensitivity class '" + w + "' in controls_by_sensitivity" +
                                                           (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
        }
        if (c.when.empty() || c.controls.empty()) return spec_error(ctx, item, "controls_by_sensitivity entry needs a non-empty 'when' and 'controls'");
        out.push_back(std::move(c));
    }
    return out;
}

std::vector<std::string> controls_for(const std::vector<std::string>& all, std::size_t unconditional,
                                      const std::vector<ConditionalControls>& conditional, std::string_view sensitivity) {
    if (conditional.empty()) return all;
    std::vector<std::string> out(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(std::min(unconditional, all.size())));
    for (const ConditionalControls& c : conditional) {
        bool holds = std::any_of(c.when.begin(), c.when.end(), [&](const std::string& w) { return sensitivity_satisfies(w, sensitivity); });
        if (!holds) continue;
        for (const std::string& id : c.controls) {
            if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
        }
    }
    // Keep the rule's order of controls (reports list them as the pack does).
    std::vector<std::string> ordered;
    for (const std::string& id : all) {
        if (std::find(out.begin(), out.end(), id) != out.end()) ordered.push_back(id);
    }
    return ordered;
}

}  // namespace ccscan::rules
