#include "cli/output.h"

#include <unistd.h>
#include <ostream>
#include <sstream>

#include "cli/hash_key.h"
#include "reporters/reporter.h"
#include "reporters/write_reports.h"

namespace ccscan::cli {

int exit_code_for(const rules::Report& report, const std::string& fail_on) {
    if (fail_on == "none") return k_exit_ok;
    auto threshold = rules::parse_severity(fail_on.empty() ? "high" : fail_on);
    if (!threshold) return k_exit_usage;
    for (const rules::Finding& f : report.findings) {
        if (f.suppression.kind == rules::SuppressionKind::none && f.severity >= *threshold) return k_exit_findings;
    }
    return k_exit_ok;
}

namespace {

std::string summary_line(const rules::Report& report) {
    std::ostringstream err;
    int counts[5] = {0, 0, 0, 0, 0};
    int suppressed = 0;
    for (const rules::Finding& f : report.findings) {
        if (f.suppression.kind != rules::SuppressionKind::none) ++suppressed;
        else ++counts[static_cast<int>(f.severity)];
    }
    int scanned = 0, skipped = 0, failed = 0;
    for (const auto& e : report.inventory) {
        (e.status == rules::FileStatus::scanned ? scanned : e.status == rules::FileStatus::skipped ? skipped : failed)++;
    }
    err << "ccscan: " << counts[4] << " critical, " << counts[3] << " high, " << counts[2] << " medium, " << counts[1]
        << " low, " << counts[0] << " info";
    if (suppressed) err << " (" << suppressed << " suppressed)";
    err << "; " << scanned << " files scanned, " << skipped << " skipped, " << failed << " failed\n";
    return err.str();
}

bool text_on_stdout(const ScanRequest& req) {
    const bool to_stdout = req.output.empty() || req.output == "-";
    return to_stdout && (req.formats.empty() || req.formats.front() == "text");
}

void emit_one(const reporters::Reporter& r, const rules::Report& report, const reporters::RenderOptions& options, std::ostream& out) {
    if (r.write) {
        r.write(report, options, out);
        return;
    }
    const std::string bytes = r.render(report, options);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

}  // namespace

int emit_reports(const rules::Report& report, const ScanRequest& req, Run& run, RenderedReports* keep) {
    reporters::RenderOptions ro;
    ro.include_suppressed = req.include_suppressed;
    ro.timestamps = req.timestamps;
    ro.category = req.category;
    ro.read_source = reporters::source_reader(report.scan.root);
    if (!req.sign_key_file.empty()) {
        auto key = read_key_file(req.sign_key_file, "signing key");
        if (!key.ok()) {
            run.err << "ccscan: " << key.error().to_string() << "\n";
            return k_exit_usage;
        }
        ro.sign_key = std::move(key.value());
    }
    const bool to_stdout = req.output.empty() || req.output == "-";
    ro.color = to_stdout && isatty(STDOUT_FILENO);
    auto written = keep ? reporters::write_reports_with(
                              req.formats, req.output,
                              [&](const reporters::Reporter& r, std::ostream& out) {
                                  std::ostringstream bytes;
                                  emit_one(r, report, ro, bytes);
                                  keep->reports.emplace_back(r.id, std::move(bytes).str());
                                  out << keep->reports.back().second;
                              },
                              run.out)
                        : reporters::write_reports(report, req.formats, req.output, ro, run.out);
    if (!written.ok()) {
        run.err << "ccscan: " << written.error().to_string() << "\n";
        return k_exit_usage;
    }
    const std::string summary = summary_line(report);
    if (!req.quiet && !text_on_stdout(req)) run.err << summary;
    std::string fail_on = req.fail_on;
    if (fail_on.empty()) {
        auto it = report.scan.options.find("fail-on");
        fail_on = it == report.scan.options.end() ? "high" : it->second;
    }
    const int code = exit_code_for(report, fail_on);
    if (keep) {
        keep->summary = summary;
        keep->exit_code = code;
    }
    return code;
}

int replay_reports(const RenderedReports& stored, const ScanRequest& req, Run& run) {
    auto written = reporters::write_reports_with(
        req.formats, req.output,
        [&](const reporters::Reporter& r, std::ostream& out) {
            for (const auto& [id, bytes] : stored.reports) {
                if (id == r.id) out << bytes;
            }
        },
        run.out);
    if (!written.ok()) {
        run.err << "ccscan: " << written.error().to_string() << "\n";
        return k_exit_usage;
    }
    if (!req.quiet && !text_on_stdout(req)) run.err << stored.summary;
    return stored.exit_code;
}

}  // namespace ccscan::cli
