// Conditions of `config` rules, evaluated on a candidate node (see docs/writing-rules.md):
//   {path: P, equals: V} / not_equals / in: [..] / not_in / regex / not_regex / contains /
//   exists: true / missing: true / gt, ge, lt, le: N  (+ ignore_case: true)
//   all: [..] / any: [..] / not: {..}
//   any_item: {path: P, where: {..}} / no_item / all_items
// Values may be `${policy.NAME}` (a scalar, or a list for in/not_in).
//
// Semantics over the nodes P selects: equals/in/regex/contains/gt.. hold when ANY selected node
// satisfies them; not_equals/not_in/not_regex hold when at least one node is selected and NONE
// matches; exists/missing test whether P selects anything. A missing path never satisfies a
// value comparison, so "X is not Y" rules pair `not_equals` with nothing and "X missing or not Y"
// rules say `any: [{path: X, missing: true}, {path: X, not_equals: Y}]`.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "analyzers/document.h"
#include "rules/config/path.h"
#include "rules/matcher.h"
#include "rules/policy.h"

namespace ccscan::rules::config {

struct Condition {
    enum class Op {
        equals, not_equals, in, not_in, regex, not_regex, contains, exists, missing,
        gt, ge, lt, le, all, any, negate, any_item, no_item, all_items
    } op = Op::exists;
    Path path;                        // relative to the candidate; empty = the candidate itself
    std::vector<std::string> values;  // literal values (may hold ${policy.X})
    bool ignore_case = false;
    std::shared_ptr<RE2> regex;       // compiled when the value is literal
    std::vector<Condition> children;  // all/any/not/*_item(where)
};

analyzers::Result<Condition> parse_condition(const analyzers::Node& spec, const PackContext& ctx);

// Evaluates `cond` on `candidate`. `selector` owns nodes created while navigating.
bool evaluate(const Condition& cond, const analyzers::Node& candidate, const Policy& policy, Selector& selector);

}  // namespace ccscan::rules::config
