#include <catch2/catch.hpp>

#include "tests/scratch.h"

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "reporters/reporter.h"
#include "reporters/summary.h"
#include "reporters/write_reports.h"
#include "tests/read_file.h"
#include "tests/reporters/sample_report.h"

using namespace ccscan;
namespace fs = std::filesystem;

namespace {

fs::path fresh_dir(const std::string& name) {
    const fs::path dir = ccscan::test::scratch_path(("ccscan-reports-" + name));
    fs::remove_all(dir);
    return dir;
}

using ccscan::test::read_file;

}  // namespace

TEST_CASE("the reporter table lists every format once", "[report][registry]") {
    std::vector<std::string> ids;
    for (const reporters::Reporter& r : reporters::reporters()) {
        ids.emplace_back(r.id);
        CHECK(r.extension.front() == '.');
        CHECK_FALSE(r.description.empty());
    }
    CHECK(ids == std::vector<std::string>{"text", "json", "sarif", "html", "junit", "markdown", "csv", "github"});
    CHECK(reporters::find_reporter("sarif")->extension == ".sarif");
    CHECK(reporters::find_reporter("pdf") == nullptr);
}

TEST_CASE("an unknown format is a diagnostic with a suggestion", "[report][registry]") {
    auto out = reporters::render(test::sample_report(), "sarf", {});
    REQUIRE_FALSE(out.ok());
    CHECK_THAT(out.error().message, Catch::Contains("unknown report format 'sarf' (did you mean 'sarif'?)"));
    CHECK_THAT(out.error().message, Catch::Contains("known formats: text, json, sarif"));
    CHECK(reporters::suggest_reporter("xyzzy").empty());
}

TEST_CASE("write_reports: one format goes to stdout or a file", "[report][write-reports]") {
    const rules::Report report = test::sample_report();
    std::ostringstream stdout_stream;
    auto to_stdout = reporters::write_reports(report, {"markdown"}, "", {}, stdout_stream);
    REQUIRE(to_stdout.ok());
    CHECK(to_stdout->empty());
    CHECK(stdout_stream.str() == reporters::render_markdown(report, {}));

    std::ostringstream unused;
    auto none = reporters::write_reports(report, {}, "-", {}, unused);
    REQUIRE(none.ok());
    CHECK(unused.str() == reporters::render_text(report, {}));  // default format

    const fs::path dir = fresh_dir("one");
    fs::create_directories(dir);
    auto file = reporters::write_reports(report, {"sarif"}, (dir / "out.sarif").string(), {}, unused);
    REQUIRE(file.ok());
    CHECK(read_file(dir / "out.sarif") == reporters::render_sarif(report, {}));
    // An existing folder receives ccscan.<ext>.
    auto into_folder = reporters::write_reports(report, {"csv"}, dir.string(), {}, unused);
    REQUIRE(into_folder.ok());
    CHECK(fs::exists(dir / "ccscan.csv"));
    // A file in a folder that does not exist yet: the folder is made.
    const fs::path nested = fresh_dir("one-nested") / "a" / "b" / "report.html";
    auto made = reporters::write_reports(report, {"html"}, nested.string(), {}, unused);
    REQUIRE(made.ok());
    CHECK(fs::is_regular_file(nested));
    // A path that cannot be a folder gives the reason.
    auto blocked = reporters::write_reports(report, {"json"}, (dir / "out.sarif" / "x.json").string(), {}, unused);
    REQUIRE_FALSE(blocked.ok());
    CHECK_THAT(blocked.error().message, Catch::Contains("cannot create output folder"));
}

TEST_CASE("write_reports: several formats make a folder of ccscan.<ext>", "[report][write-reports]") {
    const rules::Report report = test::sample_report();
    const fs::path dir = fresh_dir("many") / "nested";
    std::ostringstream unused;
    auto written = reporters::write_reports(report, {"json", "text", "github", "json"}, dir.string(), {}, unused);
    REQUIRE(written.ok());
    CHECK(written->size() == 3);
    CHECK(read_file(dir / "ccscan.json") == reporters::render_json(report, {}));
    // text and github share .txt, so both are named by id.
    CHECK(read_file(dir / "ccscan-text.txt") == reporters::render_text(report, {}));
    CHECK(read_file(dir / "ccscan-github.txt") == reporters::render_github(report, {}));
    CHECK(unused.str().empty());
}

TEST_CASE("write_reports: errors before anything is written", "[report][write-reports]") {
    const rules::Report report = test::sample_report();
    std::ostringstream unused;
    auto several_to_stdout = reporters::write_reports(report, {"json", "html"}, "", {}, unused);
    REQUIRE_FALSE(several_to_stdout.ok());
    CHECK_THAT(several_to_stdout.error().message, Catch::Contains("--output FOLDER"));
    const fs::path dir = fresh_dir("bad");
    auto unknown = reporters::write_reports(report, {"json", "htm"}, dir.string(), {}, unused);
    REQUIRE_FALSE(unknown.ok());
    CHECK_THAT(unknown.error().message, Catch::Contains("did you mean 'html'"));
    CHECK_FALSE(fs::exists(dir));
    CHECK(reporters::split_format_list("html, sarif,,json") == std::vector<std::string>{"html", "sarif", "json"});
}

TEST_CASE("controls sort the way people read them", "[report][registry]") {
    using reporters::natural_less;
    CHECK(natural_less("pci-dss:2.2.4", "pci-dss:10.5.1"));
    CHECK_FALSE(natural_less("pci-dss:10.5.1", "pci-dss:2.2.4"));
    CHECK(natural_less("pci-dss:3.3.1", "pci-dss:3.3.1.2"));
    CHECK(natural_less("gdpr:Art.5(1)(f)", "gdpr:Art.13"));
    CHECK(natural_less("ccpa:1798.100(a)", "ccpa:1798.130"));
    CHECK_FALSE(natural_less("a1", "a1"));
}
