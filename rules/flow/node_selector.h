// NodeSelector: which flow nodes a flow rule talks about, read from the rule's YAML:
//   {kind: [collect_input], sensitivity: [pan, cvv], platform_type: [...],
//    props: {store_input: "true", encrypted: {not_in: ["true"]}, url: {regex: "^(http|ws)://"}},
//    prompt: "(?i)card", prompt_matches: notice, any: [{...}, {...}]}
// Every given key must hold (and); list values are alternatives (or); `any` holds when one of
// its selectors does. `sensitivity: [any]`
// means any class but none. Strict keys, RE2 patterns checked at load time.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analyzers/document.h"
#include "analyzers/flow_graph.h"
#include "rules/flow/flow_analysis.h"
#include "rules/matcher.h"

namespace re2 {
class RE2;
}

namespace ccscan::rules::flow {

struct PropCondition {
    std::string prop;
    std::optional<std::vector<std::string>> in;      // equals / in (case-insensitive)
    std::optional<std::vector<std::string>> not_in;  // not_equals / not_in
    std::shared_ptr<const re2::RE2> regex;
    std::optional<bool> exists;  // exists: true / missing: true (false)
};

class NodeSelector {
public:
    static Result<NodeSelector> parse(const analyzers::Node& spec, const PackContext& ctx, std::string_view what);

    // `prompts` resolves `prompt_matches: notice|consent` with the scan's policy patterns.
    bool matches(const analyzers::FlowNode& n, const PromptMatcher* notice, const PromptMatcher* consent) const;
    bool uses_notice() const;
    bool uses_consent() const;

private:
    std::vector<analyzers::FlowKind> m_kinds;
    std::vector<std::string> m_platform_types;
    std::vector<analyzers::Sensitivity> m_sensitivities;
    bool m_any_sensitivity = false;
    std::vector<PropCondition> m_props;
    std::shared_ptr<const re2::RE2> m_prompt;
    std::string m_prompt_matches;
    std::vector<NodeSelector> m_any;
};

}  // namespace ccscan::rules::flow
