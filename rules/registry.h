// The matcher registry: one table of matcher kinds (config, flow, code, content) and their
// factories. The pack loader looks kinds up here; `ccscan rules kinds` lists them.
#pragma once

#include <string_view>
#include <vector>

#include "rules/matcher.h"

namespace ccscan::rules {

struct MatcherKind {
    std::string_view name;
    std::string_view description;
    MatcherFactory factory;
};

const std::vector<MatcherKind>& matcher_kinds();
const MatcherKind* find_matcher_kind(std::string_view name);

}  // namespace ccscan::rules
