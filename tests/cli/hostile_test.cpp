// Hostile inputs end quickly with a diagnostic, never a crash or a hang; the rest of the scan
// still happens. (Timing is not asserted here: the suite's own timeout catches a hang, and
// bench/ measures speed.)
#include <catch2/catch.hpp>

#include "tests/scratch.h"

#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

#include "tests/cli/run_binary.h"

namespace {

using ccscan::test::run_ccscan;

fs::path make_corpus() {
    fs::path dir = ccscan::test::scratch_path("ccscan-hostile");
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

namespace {

fs::path fresh_dir(const std::string& name) {
    fs::path dir = ccscan::test::scratch_path(name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

// The inventory entry of `path` in a JSON report (the object text up to the next entry).
std::string inventory_entry(const std::string& json, const std::string& path) {
    std::size_t at = json.find("\"path\": \"" + path + "\"", json.find("\"inventory\""));
    if (at == std::string::npos) return {};
    return json.substr(at, json.find('}', at) - at);
}

}  // namespace

TEST_CASE("a 1 GB file is skipped by the size cap without being read", "[e2e][hostile]") {
    fs::path dir = fresh_dir("ccscan-hostile-huge");
    { std::ofstream(dir / "huge.json") << "{"; }
    fs::resize_file(dir / "huge.json", std::uintmax_t{1} << 30);  // sparse: no gigabyte written
    std::ofstream(dir / "ok.yaml") << "a: 1\n";
    auto r = run_ccscan("scan " + dir.string() + " --format json -q --fail-on none");
    INFO(r.text.substr(0, 3000));
    REQUIRE(r.code == 0);
    std::string entry = inventory_entry(r.text, "huge.json");
    CHECK(entry.find("\"skipped\"") != std::string::npos);
    CHECK(entry.find("too large") != std::string::npos);
    CHECK(inventory_entry(r.text, "ok.yaml").find("\"scanned\"") != std::string::npos);
}

TEST_CASE("special files and odd names: FIFOs are never opened, names are escaped", "[e2e][hostile]") {
    fs::path dir = fresh_dir("ccscan-hostile-names");
    REQUIRE(mkfifo((dir / "pipe.json").c_str(), 0600) == 0);  // reading it would block forever
    std::error_code ec;
    fs::create_symlink(dir / "missing-target.yaml", dir / "dangling.yaml", ec);
    std::ofstream(dir / "new\nline.yaml") << "a: 1\n";
    std::ofstream(dir / "caf\xc3\xa9 fl\xc3\xb6w.json") << "{\"a\": 1}";
    std::ofstream(dir / "bad\xff" "byte.yaml") << "a: 1\n";
    auto r = run_ccscan("scan " + dir.string() + " --format json -q --fail-on none");
    INFO(r.text.substr(0, 4000));
    REQUIRE(r.code == 0);
    CHECK(inventory_entry(r.text, "pipe.json").find("not a regular file") != std::string::npos);
    CHECK(inventory_entry(r.text, "new\\nline.yaml").find("\"scanned\"") != std::string::npos);
    CHECK(inventory_entry(r.text, "caf\xc3\xa9 fl\xc3\xb6w.json").find("\"scanned\"") != std::string::npos);
    CHECK(r.text.find("dangling.yaml") != std::string::npos);
    // The report stays valid UTF-8 JSON even for a name that is not UTF-8.
    CHECK(r.text.find("bad\xff") == std::string::npos);
    CHECK(r.text.find("byte.yaml") != std::string::npos);
}

TEST_CASE("unreadable files are listed as failed and the scan goes on", "[e2e][hostile]") {
    if (geteuid() == 0) {
        WARN("running as root: permissions do not stop reads; covered by the FIFO and dangling-link cases");
        return;
    }
    fs::path dir = fresh_dir("ccscan-hostile-perm");
    std::ofstream(dir / "secret.yaml") << "a: 1\n";
    fs::permissions(dir / "secret.yaml", fs::perms::none);
    std::ofstream(dir / "ok.yaml") << "a: 1\n";
    auto r = run_ccscan("scan " + dir.string() + " --format json -q --fail-on none");
    fs::permissions(dir / "secret.yaml", fs::perms::owner_all);
    REQUIRE(r.code == 0);
    CHECK(inventory_entry(r.text, "secret.yaml").find("\"failed\"") != std::string::npos);
}

TEST_CASE("a file over its time budget is failed with limit-time, the rest is scanned", "[e2e][hostile]") {
    fs::path dir = fresh_dir("ccscan-hostile-budget");
    {
        // About 3 MB of Python: parsing it takes far longer than a 1 ms budget.
        std::ofstream py(dir / "handler.py");
        for (int i = 0; i < 60000; ++i) py << "def f" << i << "(event):\n    return event['k" << i << "']\n";
    }
    std::ofstream(dir / "ok.yaml") << "a: 1\n";
    auto r = run_ccscan("scan " + dir.string() + " --format json -q --fail-on none --file-timeout 0.001");
    INFO(r.text.substr(0, 3000));
    REQUIRE(r.code == 0);
    std::string entry = inventory_entry(r.text, "handler.py");
    CHECK(entry.find("\"failed\"") != std::string::npos);
    CHECK(entry.find("time budget of 1 ms exceeded") != std::string::npos);
    CHECK(r.text.find("limit-time") != std::string::npos);
    // The other file is still accounted for (under a sanitizer even it may run out of 1 ms).
    CHECK_FALSE(inventory_entry(r.text, "ok.yaml").empty());
    // With the default budget the same file is scanned.
    auto normal = run_ccscan("scan " + dir.string() + " --format json -q --fail-on none");
    CHECK(inventory_entry(normal.text, "handler.py").find("\"scanned\"") != std::string::npos);
}

TEST_CASE("100,000 small files are all accounted for", "[e2e][hostile]") {
    fs::path dir = fresh_dir("ccscan-hostile-many");
    for (int d = 0; d < 100; ++d) {
        fs::path sub = dir / ("d" + std::to_string(d));
        fs::create_directories(sub);
        for (int i = 0; i < 1000; ++i) std::ofstream(sub / ("f" + std::to_string(i) + ".txt")) << "note " << i << "\n";
    }
    auto r = run_ccscan("scan " + dir.string() + " --format json -q --fail-on none --pack pci-dss");
    REQUIRE(r.code == 0);
    std::size_t entries = 0;
    for (std::size_t at = r.text.find("\"status\": \"scanned\""); at != std::string::npos; at = r.text.find("\"status\": \"scanned\"", at + 1)) ++entries;
    CHECK(entries == 100000);
    fs::remove_all(dir);
}
