// Internal to the HTML reporter: builds the mustache view (kainjow::mustache::data) of a Report.
// Every value goes into the template through {{escaped}} tags, escaped by html_text
// (reporters/escape.h, set as the template's escape in render_html); the template never receives
// pre-built markup, so a finding message such as "<script>" can only ever show as text, and the
// only href built from data is a rule pack's help_uri that passed http_url.
#pragma once

#include <functional>

#include <mustache.hpp>

#include "reporters/reporter.h"
#include "rules/report.h"

namespace ccscan::reporters::html {

using Data = kainjow::mustache::data;

// Scope header, packs, options, input hashes, coverage, suppressions, manual checklist.
void add_scope(Data& view, const rules::Report& report, const RenderOptions& options);
// Severity bars and per-framework control-status bars (numbers for the inline SVG).
void add_charts(Data& view, const rules::Report& report);
// Control matrix per framework.
void add_controls(Data& view, const rules::Report& report);
// The findings' filter choices and has_findings. The findings themselves are not in the view:
// render_html renders each from the findings section of the template as for_each_finding_view
// builds it, so the page's model does not grow with the findings.
void add_findings(Data& view, const rules::Report& report);
// Each open finding's view (most severe first, numbered from 1), one at a time.
void for_each_finding_view(const rules::Report& report, const std::function<void(const Data&)>& render);

// Small helpers shared by the builders.
Data list();
Data text_list(const std::vector<std::string>& items);
std::string location_text(const rules::Location& l);

}  // namespace ccscan::reporters::html
