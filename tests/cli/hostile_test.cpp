// Hostile inputs end quickly with a diagnostic, never a crash or a hang; the rest of the scan
// still happens. (Timing is not asserted here: the suite's own timeout catches a hang, and
// bench/ measures speed.)
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sys/wait.h>

namespace fs = std::filesystem;

namespace {

struct Out {
    int code = -1;
    std::string text;
};

Out run(const std::string& args) {
    std::string cmd = std::string(CCSCAN_BINARY) + " " + args + " 2>&1";
    Out r;
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p);
    std::array<char, 4096> buf{};
    std::size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.text.append(buf.data(), n);
    int status = pclose(p);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

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
    Out r = run("scan " + dir.string() + " --format json -q --fail-on none");
    INFO(r.text.substr(0, 4000));
    REQUIRE(r.code == 0);
    CHECK(r.text.find("\"lol.yaml\"") != std::string::npos);
    CHECK(r.text.find("limit-alias") != std::string::npos);
    CHECK(r.text.find("limit-depth") != std::string::npos);
    CHECK(r.text.find("\"odd name with spaces.json\"") != std::string::npos);
    CHECK(r.text.find("root:x:0:0") == std::string::npos);  // never read through a link out of the root
}
