// Frameworks: the control catalogues under rules/frameworks/*.yaml (PCI DSS, GDPR, CCPA/CPRA).
// Each control has a canonical id ("pci-dss:3.3.1.2", "gdpr:Art.32", "ccpa:11-CCR-7012"), a
// title, a summary in our own words and how far a scan can evidence it (automated, partial,
// manual). The control matrix (rules/control_matrix.h) is computed against these catalogues, so
// controls no rule can check still appear, as Manual.
//
// Loading is strict: an unknown key, a missing field, a bad automation value, a control id that
// does not start with the framework id or a duplicate id is a Diagnostic with file, line and
// column. Frameworks are returned sorted by id, controls in file order.
#pragma once

#include <string>
#include <vector>

#include "analyzers/diagnostic.h"
#include "rules/rule.h"

namespace ccscan::rules {

struct Control {
    std::string id;          // canonical, "pci-dss:3.3.1.2"
    std::string title;
    std::string summary;
    std::string automation;  // automated | partial | manual
    analyzers::Span where;   // in the framework file
};

struct Framework {
    std::string id;       // "pci-dss"
    std::string name;     // "PCI DSS"
    std::string version;  // "4.0.1"
    std::string url;      // where to read the standard itself (optional)
    std::string path;     // file it was loaded from
    std::vector<Control> controls;

    const Control* find(std::string_view control_id) const;
};

// Parses one framework file's text (`path` names it in diagnostics).
Result<Framework> parse_framework(std::string_view text, const std::string& path);

// Loads every *.yaml file of `dir`; framework ids must be unique.
Result<std::vector<Framework>> load_frameworks(const std::string& dir);

// The framework part of a canonical control id ("pci-dss" for "pci-dss:3.3.1.2"), or empty.
std::string framework_of(std::string_view control_id);

// Every control a rule names must exist in its framework's catalogue. One diagnostic per unknown
// control (code "unknown-control"), at the rule in its pack file, with a "did you mean" when a
// close id exists. Controls of frameworks that are not loaded are reported too.
std::vector<analyzers::Diagnostic> check_rule_controls(const std::vector<Framework>& frameworks,
                                                       const std::vector<Pack>& packs);

}  // namespace ccscan::rules
