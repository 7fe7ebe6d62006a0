// SARIF 2.1.0 for GitHub code scanning and any SARIF viewer: one run, rules with GitHub's
// properties (sarif_tool.cpp), results with exact regions relative to %SRCROOT%, GitHub's
// primaryLocationLineHash (when RenderOptions::read_source can read the file) plus our own
// content-based fingerprint, related locations, code flows for flow/taint paths, and files that
// failed as tool execution notifications. Suppressed findings are left out unless
// include_suppressed, then carried with `suppressions` (GitHub dismisses them).
#include <algorithm>
#include <filesystem>
#include <list>
#include <map>
#include <ostream>
#include <sstream>
#include <optional>
#include <set>
#include <string_view>

#include "reporters/escape.h"
#include "reporters/json_stream.h"
#include "reporters/line_hash.h"
#include "reporters/names.h"
#include "reporters/reporter.h"
#include "reporters/sarif_parts.h"
#include "reporters/summary.h"

namespace ccscan::reporters {

namespace {

using sarif::Json;

Json region(const analyzers::Span& span) {
    Json r;
    r["startLine"] = span.start.line;
    if (span.start.column > 0) r["startColumn"] = span.start.column;
    const bool end_line_ok = span.end.line >= span.start.line;
    if (end_line_ok) r["endLine"] = span.end.line;
    const bool end_col_ok = end_line_ok && span.end.column > 0 && span.start.column > 0 &&
                            (span.end.line > span.start.line || span.end.column >= span.start.column);
    if (end_col_ok) r["endColumn"] = span.end.column;
    return r;
}

// Number of UTF-16 code units in a UTF-8 byte range (SARIF's default columnKind).
std::uint32_t utf16_length(std::string_view bytes) {
    std::uint32_t n = 0;
    for (unsigned char c : bytes) {
        if ((c & 0xC0) == 0x80) continue;  // continuation byte
        n += c >= 0xF0 ? 2 : 1;            // 4-byte sequences are surrogate pairs
    }
    return n;
}

// The scanned files as SARIF needs them: GitHub's line hashes, and byte columns converted to
// UTF-16 columns. Findings come sorted by path, so only the few files last used are kept (a
// finding's related locations may be in other files): memory stays at a few files, not every
// file with a finding. Unreadable files keep byte columns (identical for ASCII) and get no line
// hash.
class Sources {
public:
    explicit Sources(const RenderOptions& options) : m_options(options) {}

    std::optional<std::string> line_hash(const rules::Location& l) {
        const File& f = file(l.path);
        if (!l.span.known() || l.span.start.line > f.hashes.size()) return std::nullopt;
        return f.hashes[l.span.start.line - 1];
    }

    analyzers::Span utf16_span(const rules::Location& l) {
        const File& f = file(l.path);
        if (!f.index || !l.span.known()) return l.span;
        return {convert(f, l.span.start), convert(f, l.span.end)};
    }

private:
    static constexpr std::size_t k_kept = 8;

    struct File {
        std::string path;
        std::string content;
        std::optional<analyzers::LineIndex> index;
        std::vector<std::string> hashes;
    };

    // The reference is valid until the next call.
    const File& file(const std::string& path) {
        auto it = std::find_if(m_files.begin(), m_files.end(), [&](const File& f) { return f.path == path; });
        if (it != m_files.end()) {
            m_files.splice(m_files.begin(), m_files, it);  // most recently used first
            return m_files.front();
        }
        File f;
        f.path = path;
        if (auto content = m_options.read_source ? m_options.read_source(path) : std::nullopt) {
            f.content = std::move(*content);
            f.index.emplace(f.content);
            f.hashes = line_hashes(f.content);
        }
        if (m_files.size() == k_kept) m_files.pop_back();
        m_files.push_front(std::move(f));
        return m_files.front();
    }

    static analyzers::Position convert(const File& f, analyzers::Position p) {
        if (p.line == 0 || p.column == 0 || p.line > f.index->line_count()) return p;
        const std::size_t start = f.index->line_start(p.line);
        const std::size_t len = std::min<std::size_t>(p.column - 1, f.content.size() - start);
        return {p.line, utf16_length(std::string_view(f.content).substr(start, len)) + 1 +
                            static_cast<std::uint32_t>(p.column - 1 - len)};
    }

    const RenderOptions& m_options;
    std::list<File> m_files;
};

Json physical_location(Sources& src, const std::string& path, const analyzers::Span& span) {
    Json p;
    p["artifactLocation"] = Json{{"uri", sarif::encode_path(path)}, {"uriBaseId", sarif::k_root_id}};
    const analyzers::Span s = src.utf16_span({path, span});
    if (s.known()) p["region"] = region(s);
    return p;
}

Json location(Sources& src, const rules::Location& l, const std::string& message = {}) {
    Json j;
    j["physicalLocation"] = physical_location(src, l.path, l.span);
    if (!message.empty()) j["message"] = Json{{"text", sarif_text(message)}};
    return j;
}

Json code_flows(Sources& src, const rules::Finding& f) {
    Json steps = Json::array();
    const std::size_t n = f.path.size();
    for (std::size_t i = 0; i < n; ++i) {
        // Over the limit keep the start of the path and its last step (the offending node).
        if (n > sarif::k_max_flow_steps && i >= sarif::k_max_flow_steps - 1 && i + 1 != n) continue;
        const rules::PathStep& step = f.path[i];
        steps.push_back(Json{{"location", location(src, step.location, step.message.empty() ? "step" : step.message)}});
    }
    return Json::array({Json{{"threadFlows", Json::array({Json{{"locations", std::move(steps)}}})}}});
}

Json suppressions(Sources& src, const rules::Suppression& s) {
    if (s.kind == rules::SuppressionKind::none) return Json::array();
    Json j;
    j["kind"] = s.kind == rules::SuppressionKind::inline_comment ? "inSource" : "external";
    j["status"] = "accepted";
    if (!s.reason.empty()) j["justification"] = s.reason;
    if (!s.where.path.empty()) j["location"] = location(src, s.where);
    Json props{{"ccscanKind", std::string(to_string(s.kind))}};
    if (!s.expires.empty()) props["expires"] = s.expires;
    if (!s.approver.empty()) props["approver"] = s.approver;
    j["properties"] = std::move(props);
    return Json::array({std::move(j)});
}

Json result_properties(const rules::Finding& f) {
    Json p;
    p["controls"] = f.controls;
    p["severity"] = rules::to_string(f.severity);
    if (!f.evidence.empty()) p["evidence"] = f.evidence;
    if (!f.format.empty()) p["format"] = f.format;
    if (f.origin) p["origin"] = Json{{"commit", f.origin->commit}, {"author", f.origin->author}, {"date", f.origin->date}};
    return p;
}

Json result_json(Sources& src, const rules::Finding& f, std::size_t rule_index, bool with_suppressions) {
    Json r;
    r["ruleId"] = f.rule_id;
    r["ruleIndex"] = rule_index;
    r["level"] = sarif::level(f.severity);
    r["message"] = Json{{"text", sarif_text(f.message.empty() ? f.rule_id : f.message)}};
    r["locations"] = Json::array({location(src, f.location)});
    Json fingerprints = Json::object();
    if (auto hash = src.line_hash(f.location)) fingerprints["primaryLocationLineHash"] = *hash;
    if (!f.fingerprint.empty()) fingerprints["ccscan/v1"] = f.fingerprint;
    if (!fingerprints.empty()) r["partialFingerprints"] = std::move(fingerprints);
    if (!f.related.empty()) {
        Json related = Json::array();
        for (std::size_t i = 0; i < f.related.size() && i < sarif::k_max_related; ++i) {
            Json l = location(src, f.related[i]);
            l["id"] = i + 1;
            related.push_back(std::move(l));
        }
        r["relatedLocations"] = std::move(related);
    }
    if (!f.path.empty()) r["codeFlows"] = code_flows(src, f);
    if (with_suppressions) r["suppressions"] = suppressions(src, f.suppression);
    r["properties"] = result_properties(f);
    return r;
}

// Which findings go into the run: unsuppressed ones (all with include_suppressed), at most
// k_max_results, the most severe first when cutting; report order is kept.
std::vector<const rules::Finding*> selected_findings(const rules::Report& report, bool include_suppressed,
                                                     std::size_t& omitted) {
    std::vector<const rules::Finding*> out;
    for (const rules::Finding& f : report.findings) {
        if (include_suppressed || !is_suppressed(f)) out.push_back(&f);
    }
    omitted = out.size() > sarif::k_max_results ? out.size() - sarif::k_max_results : 0;
    if (omitted == 0) return out;
    std::vector<const rules::Finding*> by_severity = out;
    std::stable_sort(by_severity.begin(), by_severity.end(),
                     [](const rules::Finding* a, const rules::Finding* b) { return a->severity > b->severity; });
    by_severity.resize(sarif::k_max_results);
    std::sort(by_severity.begin(), by_severity.end(), [&](const rules::Finding* a, const rules::Finding* b) { return a < b; });
    return by_severity;  // pointers into report.findings: address order is report order
}

Json notification(Sources& src, const std::string& level, const std::string& code, const std::string& message,
                  const std::string& path, const analyzers::Span& span) {
    Json n;
    n["level"] = level;
    n["message"] = Json{{"text", sarif_text(message)}};
    n["descriptor"] = Json{{"id", code}};
    if (!path.empty()) n["locations"] = Json::array({Json{{"physicalLocation", physical_location(src, path, span)}}});
    return n;
}

// The failed files no diagnostic already names, each as a notification.
bool failed_without_diagnostic(const rules::InventoryEntry& e, const std::set<std::string>& diagnosed) {
    return e.status == rules::FileStatus::failed && !diagnosed.count(e.path);
}

void write_invocation(JsonStream& out, Sources& src, const rules::Report& report, const RenderOptions& options,
                      std::size_t omitted) {
    std::set<std::string> diagnosed;
    for (const analyzers::Diagnostic& d : report.diagnostics) diagnosed.insert(d.path);
    const bool any_failed = std::any_of(report.inventory.begin(), report.inventory.end(),
                                        [&](const rules::InventoryEntry& e) { return failed_without_diagnostic(e, diagnosed); });
    out.begin_object();
    out.member("executionSuccessful", true);
    if (options.timestamps && !report.scan.started_at.empty()) out.member("startTimeUtc", report.scan.started_at);
    if (!report.diagnostics.empty() || any_failed || omitted > 0) {
        out.key("toolExecutionNotifications");
        out.begin_array();
        for (const analyzers::Diagnostic& d : report.diagnostics) {
            out.value(notification(src, std::string(to_string(d.level)), d.code.empty() ? "diagnostic" : d.code, d.message, d.path, d.span));
        }
        for (const rules::InventoryEntry& e : report.inventory) {
            if (failed_without_diagnostic(e, diagnosed)) out.value(notification(src, "error", "file-failed", "not examined: " + e.reason, e.path, {}));
        }
        if (omitted > 0) {
            out.value(notification(src, "warning", "results-truncated",
                                   std::to_string(omitted) + " results left out: GitHub code scanning accepts at most " +
                                       std::to_string(sarif::k_max_results) +
                                       " results per run (the most severe are kept; the JSON report has all)",
                                   "", {}));
        }
        out.end_array();
    }
    out.end_object();
}

std::string root_uri(const std::string& root) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path abs = fs::absolute(fs::path(root.empty() ? "." : root), ec).lexically_normal();
    std::string text = abs.generic_string();
    if (text.empty() || text.back() != '/') text += '/';
    return "file://" + sarif::encode_path(text);
}

Json run_properties(const rules::Report& report) {
    Json packs = Json::array();
    for (const rules::PackSummary& p : report.packs) {
        packs.push_back(Json{{"id", p.id}, {"version", p.version}, {"sha256", p.sha256}});
    }
    Json props{{"packs", std::move(packs)}};
    if (!report.scan.git_commit.empty()) props["gitCommit"] = report.scan.git_commit;
    return props;
}

}  // namespace

void write_sarif(const rules::Report& report, const RenderOptions& options, std::ostream& stream) {
    sarif::Tool tool = sarif::build_tool(report);
    std::size_t omitted = 0;
    const std::vector<const rules::Finding*> findings = selected_findings(report, options.include_suppressed, omitted);
    Sources sources(options);
    std::string category = options.category.empty() ? std::string("ccscan") : options.category;
    if (category.back() != '/') category += '/';

    JsonStream out(stream);
    out.begin_object();
    out.member("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    out.member("version", "2.1.0");
    out.key("runs");
    out.begin_array();
    out.begin_object();
    out.key("tool");
    out.value(Json{{"driver", std::move(tool.driver)}});
    if (!tool.taxonomies.empty()) {
        out.key("taxonomies");
        out.value(tool.taxonomies);
    }
    out.key("automationDetails");
    out.value(Json{{"id", category}});
    out.key("originalUriBaseIds");
    out.value(Json{{sarif::k_root_id, Json{{"uri", root_uri(report.scan.root)}}}});
    out.key("invocations");
    out.begin_array();
    write_invocation(out, sources, report, options, omitted);
    out.end_array();
    out.key("results");
    out.begin_array();
    for (const rules::Finding* f : findings) {
        out.value(result_json(sources, *f, tool.rule_index.at(f->rule_id), options.include_suppressed));
    }
    out.end_array();
    out.member("columnKind", "utf16CodeUnits");
    out.key("properties");
    out.value(run_properties(report));
    out.end_object();
    out.end_array();
    out.end_object();
    stream << '\n';
}

std::string render_sarif(const rules::Report& report, const RenderOptions& options) {
    std::ostringstream out;
    write_sarif(report, options, out);
    return std::move(out).str();
}

}  // namespace ccscan::reporters
