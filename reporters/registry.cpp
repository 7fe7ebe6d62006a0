// The one table of output formats. Adding a format: write render_<id> in its own file, declare it
// in reporter.h, add one line here.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "reporters/reporter.h"
#include "rules/pack_support.h"

namespace ccscan::reporters {

const std::vector<Reporter>& reporters() {
    static const std::vector<Reporter> k_reporters = {
        {"text", ".txt", "Human-readable findings grouped by file, with a summary", &render_text},
        {"json", ".json", "Native lossless JSON (re-render any format with `ccscan report --from`)", &render_json, &write_json},
        {"sarif", ".sarif", "SARIF 2.1.0 for GitHub code scanning and SARIF viewers", &render_sarif, &write_sarif},
        {"html", ".html", "Self-contained HTML assessment report for auditors (controls, evidence, coverage)", &render_html, &write_html},
        {"junit", ".xml", "JUnit XML: a test suite per rule, a failure per finding", &render_junit},
        {"markdown", ".md", "Markdown summary for pull-request comments and $GITHUB_STEP_SUMMARY", &render_markdown},
        {"csv", ".csv", "CSV, one row per finding (RFC 4180, formula-safe)", &render_csv},
        {"github", ".txt", "GitHub Actions workflow annotations (::error file=...)", &render_github},
    };
    return k_reporters;
}

const Reporter* find_reporter(std::string_view id) {
    for (const Reporter& r : reporters()) {
        if (r.id == id) return &r;
    }
    return nullptr;
}

std::string suggest_reporter(std::string_view id) {
    std::vector<std::string> ids;
    for (const Reporter& r : reporters()) ids.emplace_back(r.id);
    const std::string guess = rules::did_you_mean(id, ids);
    return guess.empty() ? std::string() : " (did you mean '" + guess + "'?)";
}

analyzers::Result<std::string> render(const rules::Report& report, std::string_view format,
                                      const RenderOptions& options) {
    if (const Reporter* r = find_reporter(format)) return r->render(report, options);
    std::string message = "unknown report format '" + std::string(format) + "'";
    message += suggest_reporter(format);
    std::string known;
    for (const Reporter& r : reporters()) known += (known.empty() ? "" : ", ") + std::string(r.id);
    return analyzers::make_diagnostic("unknown-format", "", {}, message + "; known formats: " + known);
}

std::function<std::optional<std::string>(const std::string&)> source_reader(std::string root) {
    return [root = std::move(root)](const std::string& path) -> std::optional<std::string> {
        namespace fs = std::filesystem;
        const fs::path rel = fs::path(path).lexically_normal();
        if (rel.empty() || rel.is_absolute() || *rel.begin() == "..") return std::nullopt;
        std::ifstream in(fs::path(root.empty() ? "." : root) / rel, std::ios::binary);
        if (!in) return std::nullopt;
        std::ostringstream bytes;
        bytes << in.rdbuf();
        if (in.bad()) return std::nullopt;
        return bytes.str();
    };
}

}  // namespace ccscan::reporters
