// Internal to the SARIF reporter: the pieces sarif_reporter.cpp assembles into one run.
// sarif_tool.cpp builds tool.driver (rules with GitHub's properties) and the framework
// taxonomies; sarif_reporter.cpp builds results, invocations and the log around them.
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "rules/finding.h"
#include "rules/report.h"

namespace ccscan::reporters::sarif {

using Json = nlohmann::ordered_json;

inline constexpr const char* k_root_id = "%SRCROOT%";
// GitHub code scanning limits (docs.github.com, "SARIF results exceed limit"): hard limits are
// 25,000 results per run, 1,000 locations per result, 10,000 thread-flow locations per result
// (1,000 displayed) and 20 tags per rule (10 displayed).
inline constexpr std::size_t k_max_results = 25000;
inline constexpr std::size_t k_max_related = 1000;
inline constexpr std::size_t k_max_flow_steps = 1000;
inline constexpr std::size_t k_max_tags = 20;

struct Tool {
    Json driver;
    Json taxonomies = Json::array();
    std::map<std::string, std::size_t> rule_index;  // rule id -> index in driver.rules
};

// Rules: every rule of the report plus any rule id only seen in findings, sorted by id.
Tool build_tool(const rules::Report& report);

// "error" | "warning" | "note".
std::string level(rules::Severity severity);

// RFC 3986 path encoding of a '/'-separated relative path.
std::string encode_path(const std::string& path);

}  // namespace ccscan::reporters::sarif
