// Rule and Pack: the loaded, validated form of a pack file (rules/packs/*.yaml).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "analyzers/diagnostic.h"
#include "rules/matcher.h"
#include "rules/rule_controls.h"
#include "rules/severity.h"

namespace ccscan::rules {

// Which files a rule looks at. Empty lists mean "any".
struct Selector {
    std::vector<std::string> formats;    // format ids (analyzers/format_registry)
    std::vector<std::string> paths;      // globs on the relative path ("**/flows/*.json")
    std::vector<std::string> exclude_paths;
    bool applies(std::string_view format, std::string_view path) const;
};

// An embedded example: `expect: match` inputs must produce at least one finding of the rule
// (exactly `count` when given, on `line` when given); `expect: no_match` inputs must produce none.
struct RuleTest {
    std::string name;
    bool expect_match = true;
    int count = -1;          // -1: any positive number
    std::vector<int> lines;  // expected start lines (any order), optional
    std::vector<int> related_lines;  // lines the findings' related locations must include, optional
    std::string filename;    // used for format detection ("flow.json")
    std::string format;      // forces a format id; empty: detect from filename + content
    std::string content;
    std::vector<std::pair<std::string, std::string>> extra_files;  // other files of the same scan (cross-flow tests)
    analyzers::Span where;   // of the test in the pack file
};

struct Rule {
    std::string id;
    std::string pack;  // pack id
    std::string title;
    Severity severity = Severity::medium;
    std::string precision = "high";  // very-high | high | medium | low (SARIF properties.precision)
    // Every control the rule can name: the unconditional ones first (`unconditional_controls` of
    // them), then those of `controls_by_sensitivity` (rule_controls.h). Control matrices, SARIF
    // tags and lint see them all; a finding gets controls_for() its sensitivity.
    std::vector<std::string> controls;
    std::size_t unconditional_controls = 0;
    std::vector<ConditionalControls> controls_by_sensitivity;
    std::vector<std::string> tags;
    std::string description;
    std::string remediation;
    std::string help_uri;
    std::string message_template;  // `message:`; empty: the title
    std::string matcher_kind;  // config | flow | code | content
    Selector applies_to;
    std::shared_ptr<const Matcher> matcher;
    std::vector<RuleTest> tests;
    std::string source_path;  // pack file
    analyzers::Span where;    // of the rule in the pack file
};

struct Pack {
    std::string id;
    std::string name;
    std::string version;
    std::string description;
    std::string path;    // file it was loaded from
    std::string sha256;  // of the file's bytes
    std::vector<Rule> rules;
};

}  // namespace ccscan::rules
