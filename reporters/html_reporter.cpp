// The HTML assessment report: one self-contained file (inline CSS, inline SVG charts, a little
// inline JS for filters, a Content-Security-Policy that forbids any network access) rendered from
// reporters/templates/report.html.mustache, which is embedded into the binary at build time
// (cmake/embed.cmake). This file holds the entry point and the scope/coverage/waiver sections;
// html_findings.cpp holds the findings, charts and control matrix.
#include <cassert>
#include <ostream>
#include <sstream>
#include <string_view>

#include "reporters/escape.h"
#include "reporters/html_model.h"
#include "reporters/names.h"
#include "reporters/summary.h"

namespace ccscan::embedded {
extern const char k_report_html_template[];
extern const std::size_t k_report_html_template_size;
}  // namespace ccscan::embedded

namespace ccscan::reporters {

namespace html {

Data list() { return Data(Data::type::list); }

Data text_list(const std::vector<std::string>& items) {
    Data out = list();
    for (const std::string& item : items) out.push_back(Data("text", item));
    return out;
}

std::string location_text(const rules::Location& l) {
    std::string out = l.path;
    if (l.span.start.line > 0) out += ":" + std::to_string(l.span.start.line) + ":" + std::to_string(l.span.start.column);
    return out;
}

namespace {

Data packs_data(const rules::Report& report) {
    Data out = list();
    for (const rules::PackSummary& p : report.packs) {
        Data d;
        d.set("id", p.id);
        d.set("name", p.name);
        d.set("version", p.version);
        d.set("path", p.path);
        d.set("sha256", p.sha256);
        d.set("rules", std::to_string(p.rule_count));
        out.push_back(d);
    }
    return out;
}

Data options_data(const rules::Report& report) {
    Data out = list();
    for (const auto& [key, value] : report.scan.options) {
        Data d;
        d.set("key", key);
        d.set("value", value);
        out.push_back(d);
    }
    return out;
}

Data inventory_data(const rules::Report& report) {
    Data out = list();
    for (const rules::InventoryEntry& e : report.inventory) {
        Data d;
        d.set("path", e.path);
        d.set("format", e.format.empty() ? "-" : e.format);
        d.set("status", std::string(rules::to_string(e.status)));
        d.set("size", std::to_string(e.size));
        d.set("sha256", e.sha256.empty() ? "-" : e.sha256);
        out.push_back(d);
    }
    return out;
}

Data not_examined_data(const rules::Report& report) {
    Data out = list();
    for (const rules::InventoryEntry& e : report.inventory) {
        if (e.status == rules::FileStatus::scanned) continue;
        Data d;
        d.set("path", e.path);
        d.set("status", std::string(rules::to_string(e.status)));
        d.set("reason", e.reason.empty() ? "-" : e.reason);
        out.push_back(d);
    }
    return out;
}

Data diagnostics_data(const rules::Report& report) {
    Data out = list();
    for (const analyzers::Diagnostic& diag : report.diagnostics) {
        Data d;
        d.set("location", html::location_text({diag.path, diag.span}));
        d.set("level", std::string(to_string(diag.level)));
        d.set("code", diag.code);
        d.set("message", diag.message);
        out.push_back(d);
    }
    return out;
}

Data suppressions_data(const rules::Report& report) {
    Data out = list();
    for (const rules::Finding& f : report.findings) {
        if (!is_suppressed(f)) continue;
        Data d;
        d.set("rule_id", f.rule_id);
        d.set("location", location_text(f.location));
        d.set("message", f.message);
        d.set("kind", std::string(to_string(f.suppression.kind)));
        d.set("reason", f.suppression.reason.empty() ? "-" : f.suppression.reason);
        d.set("expires", f.suppression.expires.empty() ? "-" : f.suppression.expires);
        d.set("approver", f.suppression.approver.empty() ? "-" : f.suppression.approver);
        d.set("declared_at", f.suppression.where.path.empty() ? "-" : location_text(f.suppression.where));
        out.push_back(d);
    }
    return out;
}

Data stale_data(const rules::Report& report) {
    Data out = list();
    for (const rules::StaleEntry& s : report.stale) {
        Data d;
        d.set("kind", s.kind);
        d.set("rule_id", s.rule_id.empty() ? "-" : s.rule_id);
        d.set("location", s.where.path.empty() ? "-" : location_text(s.where));
        d.set("message", s.message);
        out.push_back(d);
    }
    return out;
}

Data manual_data(const rules::Report& report) {
    Data out = list();
    const Summary summary = summarize(report);
    for (const rules::ControlResult* cp : controls_in_natural_order(report)) {
        const rules::ControlResult& c = *cp;
        if (c.status != rules::ControlStatus::manual) continue;
        std::string framework = c.framework;
        for (const FrameworkCounts& fw : summary.frameworks) {
            if (fw.id == c.framework) framework = fw.display;
        }
        Data d;
        d.set("framework", framework);
        d.set("id", c.id);
        d.set("title", c.title);
        out.push_back(d);
    }
    return out;
}

// Sets `name` to the list and `has_<name>` to whether it has items.
void set_list(Data& view, const std::string& name, const Data& items) {
    view.set(name, items);
    view.set("has_" + name, Data(!items.list_value().empty()));
}

}  // namespace

void add_scope(Data& view, const rules::Report& report, const RenderOptions& options) {
    const rules::ScanInfo& scan = report.scan;
    view.set("tool_name", report.tool.name);
    view.set("tool_version", report.tool.version);
    view.set("tool_uri", report.tool.information_uri);
    view.set("organisation", scan.organisation.empty() ? "-" : scan.organisation);
    view.set("assessment", scan.assessment.empty() ? "Compliance scan" : scan.assessment);
    view.set("targets", text_list(scan.targets));
    view.set("root", scan.root.empty() ? "." : scan.root);
    view.set("git_commit", scan.git_commit.empty() ? "-" : scan.git_commit);
    view.set("git_ref", scan.git_ref.empty() ? "-" : scan.git_ref);
    const bool timed = options.timestamps && !scan.started_at.empty();
    view.set("has_started_at", Data(timed));
    view.set("started_at", timed ? scan.started_at : "");
    set_list(view, "packs", packs_data(report));
    set_list(view, "options", options_data(report));
    set_list(view, "inventory", inventory_data(report));
    set_list(view, "not_examined", not_examined_data(report));
    set_list(view, "diagnostics", diagnostics_data(report));
    set_list(view, "suppressions", suppressions_data(report));
    set_list(view, "stale", stale_data(report));
    set_list(view, "manual", manual_data(report));
}

}  // namespace html

namespace {

// The findings section of the template: its item lines, from the line after the opening tag to
// the line before the closing one (both tags alone on their lines, which mustache drops).
constexpr std::string_view k_items_open = "  {{#findings}}\n";
constexpr std::string_view k_items_close = "  {{/findings}}\n";
// Where the items go in the page: no escaped value can contain it (html_text shows controls).
const std::string k_items_marker = "\x01" "ccscan-findings" "\x01";

struct PageTemplates {
    std::string page;     // the template with the items cut out and the marker where they were
    std::string finding;  // the item lines, rendered once per finding
};

PageTemplates split_template(const std::string& text) {
    const std::size_t open = text.find(k_items_open);
    const std::size_t close = open == std::string::npos ? open : text.find(k_items_close, open);
    assert(close != std::string::npos && "the report template lists findings in a {{#findings}} section");
    PageTemplates t;
    // The marker ends the line before the section: that line is written, then its newline, then
    // the items, exactly where the section's lines were.
    t.page = text.substr(0, open - 1) + "{{{findings_marker}}}\n" + text.substr(close + k_items_close.size());
    t.finding = text.substr(open + k_items_open.size(), close - open - k_items_open.size());
    return t;
}

}  // namespace

void write_html(const rules::Report& report, const RenderOptions& options, std::ostream& out) {
    static const PageTemplates k_templates =
        split_template(std::string(embedded::k_report_html_template, embedded::k_report_html_template_size));
    kainjow::mustache::mustache page(k_templates.page);
    kainjow::mustache::mustache item(k_templates.finding);
    // The template ships inside the binary and is covered by tests; a parse error is a bug.
    if (!page.is_valid() || !item.is_valid()) {
        out << "<!doctype html><title>ccscan</title><p>report template error</p>\n";
        return;
    }
    // Every {{value}} of the template is escaped here, the one writing point: entities for text
    // and (double-quoted) attributes, unsafe code points shown as \x1b / \u202e.
    const auto escape = [](const std::string& text) { return html_text(text); };
    page.set_custom_escape(escape);
    item.set_custom_escape(escape);
    html::Data view;
    html::add_scope(view, report, options);
    html::add_charts(view, report);
    html::add_controls(view, report);
    html::add_findings(view, report);
    view.set("findings_marker", k_items_marker);
    const auto write = [&](std::string_view text) { out.write(text.data(), static_cast<std::streamsize>(text.size())); };
    const auto write_items = [&] {
        html::for_each_finding_view(report, [&](const html::Data& finding) { item.render(finding, out); });
    };
    // mustache hands over a line, then its newline: the items follow the marker line's newline.
    bool items_next = false;
    page.render(view, [&](const std::string& text) {
        const std::size_t at = text.find(k_items_marker);
        if (at == std::string::npos) {
            write(text);
            if (items_next) write_items();
            items_next = false;
            return;
        }
        write(std::string_view(text).substr(0, at));
        write(std::string_view(text).substr(at + k_items_marker.size()));
        items_next = true;
    });
    if (items_next) write_items();
}

std::string render_html(const rules::Report& report, const RenderOptions& options) {
    std::ostringstream out;
    write_html(report, options, out);
    return std::move(out).str();
}

}  // namespace ccscan::reporters
