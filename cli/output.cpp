#include "cli/output.h"

#include <filesystem>
#include <fstream>
#include <ostream>
#include <unistd.h>

#include "reporters/reporter.h"

namespace ccscan::cli {

namespace fs = std::filesystem;

std::vector<std::string> split_formats(const std::string& list) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : list + ",") {
        if (c == ',' || c == ' ') {
            if (!cur.empty()) out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    return out;
}

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

void print_summary(const rules::Report& report, std::ostream& err) {
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
}

}  // namespace

int emit_reports(const rules::Report& report, const ScanRequest& req, Run& run) {
    std::vector<std::string> formats = req.formats.empty() ? std::vector<std::string>{"text"} : req.formats;
    for (const std::string& f : formats) {
        if (!reporters::find_reporter(f)) {
            run.err << "ccscan: unknown format '" << f << "'" << reporters::suggest_reporter(f) << "\n";
            return k_exit_usage;
        }
    }
    reporters::RenderOptions ro;
    ro.include_suppressed = req.include_suppressed;
    ro.timestamps = req.timestamps;
    ro.category = req.category;
    ro.read_source = reporters::source_reader(report.scan.root);
    bool to_stdout = req.output.empty() || req.output == "-";
    bool folder = !to_stdout && (formats.size() > 1 || req.output.back() == '/' || fs::is_directory(req.output));
    if (to_stdout && formats.size() > 1) {
        run.err << "ccscan: several formats need --output FOLDER\n";
        return k_exit_usage;
    }
    std::error_code ec;
    if (folder) fs::create_directories(req.output, ec);
    for (const std::string& f : formats) {
        reporters::RenderOptions opts = ro;
        opts.color = to_stdout && f == "text" && isatty(STDOUT_FILENO);
        auto bytes = reporters::render(report, f, opts);
        if (!bytes.ok()) {
            run.err << "ccscan: " << bytes.error().message << "\n";
            return k_exit_internal;
        }
        if (to_stdout) {
            run.out << *bytes;
            continue;
        }
        std::string path = folder ? (fs::path(req.output) / ("ccscan" + std::string(reporters::find_reporter(f)->extension))).string()
                                  : req.output;
        std::ofstream out(path, std::ios::binary);
        out << *bytes;
        if (!out) {
            run.err << "ccscan: cannot write " << path << "\n";
            return k_exit_usage;
        }
    }
    bool text_on_stdout = to_stdout && formats.front() == "text";
    if (!req.quiet && !text_on_stdout) print_summary(report, run.err);
    return exit_code_for(report, req.fail_on.empty() ? report.scan.options.count("fail-on") ? report.scan.options.at("fail-on") : "high" : req.fail_on);
}

}  // namespace ccscan::cli
