// Two runs on the same input give identical bytes in every format.
#include <catch2/catch.hpp>

#include "tests/scratch.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/cli/run_binary.h"
#include "tests/read_file.h"

namespace fs = std::filesystem;
using ccscan::test::run_ccscan;

TEST_CASE("every format is byte-identical across runs and job counts", "[e2e][determinism]") {
    std::string target = ccscan::test::source_dir() + "/tests/fixtures/flows/connect";
    fs::path a = ccscan::test::scratch_path("ccscan-det-a");
    fs::path b = ccscan::test::scratch_path("ccscan-det-b");
    fs::remove_all(a);
    fs::remove_all(b);
    std::string formats = " --format json,sarif,html,text,junit,markdown,csv,github -q --fail-on none --output ";
    REQUIRE(run_ccscan("scan " + target + formats + a.string() + "/ --jobs 1").code == 0);
    REQUIRE(run_ccscan("scan " + target + formats + b.string() + "/ --jobs 2").code == 0);
    int compared = 0;
    for (const auto& entry : fs::directory_iterator(a)) {
        INFO(entry.path().filename().string());
        CHECK(ccscan::test::read_file(entry.path()) == ccscan::test::read_file(b / entry.path().filename()));
        ++compared;
    }
    CHECK(compared == 8);
}
