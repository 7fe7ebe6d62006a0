// `ccscan report` and `ccscan verify`, driven through their CLI11 setup functions.
#include <catch2/catch.hpp>

#include "tests/scratch.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "analyzers/hash.h"
#include "cli/command.h"
#include "reporters/reporter.h"
#include "tests/read_file.h"
#include "tests/reporters/sample_report.h"

namespace ccscan::cli {
void setup_report_command(CLI::App& sub, Run& run);
void setup_verify_command(CLI::App& sub, Run& run);
}  // namespace ccscan::cli

using namespace ccscan;
namespace fs = std::filesystem;

namespace {

struct Outcome {
    int code;
    std::string out, err;
};

Outcome run_command(void (*setup)(CLI::App&, cli::Run&), std::vector<std::string> args) {
    std::ostringstream out, err;
    cli::Run run{out, err, cli::k_exit_ok};
    CLI::App app{"test"};
    setup(app, run);
    std::reverse(args.begin(), args.end());
    try {
        app.parse(args);
    } catch (const CLI::ParseError& e) {
        return {cli::k_exit_usage, out.str(), e.what()};
    }
    return {run.exit_code, out.str(), err.str()};
}

void write(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

using ccscan::test::read_file;

// A report whose inventory describes files written into `root`.
rules::Report report_over(const fs::path& root) {
    rules::Report r = test::sample_report();
    r.scan.root = root.string();
    r.packs.clear();  // the sample's packs have made-up hashes (pack checks: tests/cli/tamper_test.cpp)
    r.inventory.clear();
    for (const char* path : {"flows/payment.json", "lambda/handler.py", "studio/ivr.json"}) {
        const std::string content = test::sample_source(path);
        write(root / path, content);
        r.inventory.push_back({path, "json", rules::FileStatus::scanned, "", analyzers::sha256_hex(content), content.size(), 0});
    }
    r.inventory.push_back({"assets/logo.png", "", rules::FileStatus::skipped, "binary", "", 10, 0});
    write(root / "assets/logo.png", "PNG");
    return r;
}

}  // namespace

TEST_CASE("ccscan report re-renders every format byte-identically", "[report][report-command]") {
    const fs::path dir = ccscan::test::scratch_path("ccscan-report-command");
    fs::remove_all(dir);
    const rules::Report report = report_over(dir / "src");
    write(dir / "results.json", reporters::render_json(report, {}));
    std::string formats;
    for (const reporters::Reporter& r : reporters::reporters()) formats += (formats.empty() ? "" : ",") + std::string(r.id);
    auto res = run_command(&cli::setup_report_command,
                           {"--from", (dir / "results.json").string(), "--format", formats, "--output", (dir / "out").string(), "-q"});
    REQUIRE(res.code == 0);
    reporters::RenderOptions options;
    options.read_source = reporters::source_reader(report.scan.root);
    for (const reporters::Reporter& r : reporters::reporters()) {
        const std::string name = std::string(r.extension) == ".txt" ? "ccscan-" + std::string(r.id) + ".txt" : "ccscan" + std::string(r.extension);
        INFO(name);
        CHECK(read_file(dir / "out" / name) == r.render(report, options));
    }
    // SARIF had the sources: line hashes are present.
    CHECK(read_file(dir / "out" / "ccscan.sarif").find("primaryLocationLineHash") != std::string::npos);
}

TEST_CASE("ccscan report: one format to stdout, --fail-on, bad input", "[report][report-command]") {
    const fs::path dir = ccscan::test::scratch_path("ccscan-report-command-2");
    fs::remove_all(dir);
    write(dir / "results.json", reporters::render_json(test::sample_report(), {}));
    auto md = run_command(&cli::setup_report_command, {"--from", (dir / "results.json").string(), "--format", "markdown", "-q"});
    CHECK(md.code == 0);
    CHECK(md.out == reporters::render_markdown(test::sample_report(), {}));
    auto fail = run_command(&cli::setup_report_command, {"--from", (dir / "results.json").string(), "--fail-on", "high", "-q"});
    CHECK(fail.code == 1);

    write(dir / "bad.json", "{\"tool\": {}, \"findings\": [ }");
    auto bad = run_command(&cli::setup_report_command, {"--from", (dir / "bad.json").string()});
    CHECK(bad.code == 2);
    CHECK_THAT(bad.err, Catch::Contains("bad.json:1:"));
    auto missing = run_command(&cli::setup_report_command, {"--from", (dir / "nope.json").string()});
    CHECK(missing.code == 2);
    auto unknown = run_command(&cli::setup_report_command, {"--from", (dir / "results.json").string(), "--format", "pdf"});
    CHECK(unknown.code == 2);
    CHECK_THAT(unknown.err, Catch::Contains("unknown report format 'pdf'"));
}

TEST_CASE("ccscan verify reports drift", "[report][verify-command]") {
    const fs::path dir = ccscan::test::scratch_path("ccscan-verify-command");
    fs::remove_all(dir);
    const rules::Report report = report_over(dir / "src");
    write(dir / "results.json", reporters::render_json(report, {}));
    const std::string results = (dir / "results.json").string();

    auto clean = run_command(&cli::setup_verify_command, {results});
    CHECK(clean.code == 0);
    CHECK_THAT(clean.out, Catch::Contains("3 unchanged, 0 changed, 0 missing, 0 added (1 present but not hashed at scan time)"));

    write(dir / "src/flows/payment.json", "changed\n");
    fs::remove(dir / "src/studio/ivr.json");
    auto drift = run_command(&cli::setup_verify_command, {results});
    CHECK(drift.code == 1);
    CHECK_THAT(drift.out, Catch::Contains("changed   flows/payment.json"));
    CHECK_THAT(drift.out, Catch::Contains("missing   studio/ivr.json"));
    CHECK_THAT(drift.out, Catch::Contains("1 unchanged, 1 changed, 1 missing, 0 added"));

    // An explicit PATH wins over the recorded root.
    fs::create_directories(dir / "copy");
    fs::copy(dir / "src", dir / "copy", fs::copy_options::recursive);
    write(dir / "copy/flows/payment.json", test::sample_source("flows/payment.json"));
    write(dir / "copy/studio/ivr.json", test::sample_source("studio/ivr.json"));
    CHECK(run_command(&cli::setup_verify_command, {results, (dir / "copy").string()}).code == 0);

    CHECK(run_command(&cli::setup_verify_command, {(dir / "none.json").string()}).code == 2);
}
