// Hostile inputs end quickly with a diagnostic, never a crash or a hang; the rest of the scan
// still happens. (Timing is not asserted here: the suite's own timeout catches a hang, and
// bench/ measures speed.)
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

#include "tests/cli/run_binary.h"

namespace {

using ccscan::test::run_ccscan;

fs::path make_corpus() {
    fs::path dir = fs::temp_directory_path() / "ccscan-hostile";
    fs::remove_all(dir);
    fs::create_directories(dir);
    // Billion laughs.
    std::string lol = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
    char prev = 'a';
    for (char c = 'b'; c <= 'j'; ++c) {
        lol += std::string(1, c) + ": &" + c + " [";
        for (int i = 0; i < 9; ++i) lol += std::string(i ? "," : "") + "*" + prev;
        lol += "]\n";
        prev = c;
    }
    std::ofstream(dir / "lol.yaml") << lol;
    std::ofstream(dir / "deep.json") << std::string(200000, '[') << std::string(200000, ']');
    std::ofstream(dir / "deep.yaml") << std::string(200000, '[');
    // A 20 MB single-line JSON array of objects.
    {
        std::ofstream big(dir / "big.json");
        big << "[";
        for (int i = 0; i < 400000; ++i) big << (i ? "," : "") << "{\"Identifier\":\"a" << i << "\",\"Type\":\"MessageParticipant\"}";
        big << "]";
    }
    std::ofstream(dir / "nul.json", std::ios::binary) << std::string("{\"a\":\0\"b\"}", 11);
    std::ofstream(dir / "badutf8.yaml", std::ios::binary) << "name: \xff\xfe\xfd\n";
    std::ofstream(dir / "odd name with spaces.json") << "{\"a\": 1}";
    std::ofstream(dir / "ok.json") << "{\"a\": 1}";
    std::error_code ec;
    fs::create_directory_symlink(dir, dir / "loop", ec);
    fs::create_symlink("/etc/passwd", dir / "outside", ec);
    return dir;
}

}  // namespace

TEST_CASE("hostile inputs become diagnostics and the scan completes", "[e2e][hostile]") {
    fs::path dir = make_corpus();
    auto r = run_ccscan("scan " + dir.string() + " --format json -q --fail-on none");
    INFO(r.text.substr(0, 4000));
    REQUIRE(r.code == 0);
    CHECK(r.text.find("\"lol.yaml\"") != std::string::npos);
    CHECK(r.text.find("limit-alias") != std::string::npos);
    CHECK(r.text.find("limit-depth") != std::string::npos);
    CHECK(r.text.find("\"odd name with spaces.json\"") != std::string::npos);
    CHECK(r.text.find("root:x:0:0") == std::string::npos);  // never read through a link out of the root
}
