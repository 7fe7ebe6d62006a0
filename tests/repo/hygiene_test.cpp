// Repository hygiene: nothing that an install or build step produces is tracked in git, and the
// grammar sources the build compiles are pinned byte for byte.
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

namespace {

std::string shell_output(const std::string& cmd) {
    std::string out;
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p);
    std::array<char, 4096> buf{};
    std::size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
    REQUIRE(pclose(p) == 0);
    return out;
}

bool in_git_checkout() {
    return std::filesystem::exists(std::filesystem::path(CCSCAN_SOURCE_DIR) / ".git");
}

}  // namespace

TEST_CASE("no tracked file matches .gitignore", "[repo]") {
    if (!in_git_checkout()) {
        WARN("not a git checkout: hygiene check not applicable");
        return;
    }
    // -c -i --exclude-standard: tracked files that the ignore rules would exclude.
    std::string ignored =
        shell_output("git -C '" + std::string(CCSCAN_SOURCE_DIR) + "' ls-files -c -i --exclude-standard");
    INFO("tracked but ignored:\n" << ignored.substr(0, 2000));
    CHECK(ignored.empty());
}

TEST_CASE("no npm install output is tracked", "[repo]") {
    if (!in_git_checkout()) {
        WARN("not a git checkout: hygiene check not applicable");
        return;
    }
    std::string tracked = shell_output("git -C '" + std::string(CCSCAN_SOURCE_DIR) +
                                       "' ls-files | grep -E '(^|/)node_modules/|\\.(wasm|node)$' || true");
    INFO("tracked install output:\n" << tracked.substr(0, 2000));
    CHECK(tracked.empty());
}

TEST_CASE("every pinned tree-sitter source matches its recorded SHA-256", "[repo]") {
    namespace fs = std::filesystem;
    fs::path dir = fs::path(CCSCAN_SOURCE_DIR) / "third_party/tree-sitter";
    std::ifstream record(dir / "sources.sha256");
    REQUIRE(record);
    std::string line;
    int lines = 0;
    bool has_runtime = false;
    while (std::getline(record, line)) {
        ++lines;
        auto sep = line.find("  ");
        REQUIRE(sep == 64);
        std::string rel = line.substr(sep + 2);
        has_runtime = has_runtime || rel == "tree-sitter/vendor/tree-sitter/lib/src/lib.c";
        REQUIRE(fs::exists(dir / "node_modules" / rel));
    }
    CHECK(has_runtime);
    CHECK(lines >= 10);
    // sha256sum -c is the independent check of the same record the configure step enforces.
    CHECK(shell_output("cd '" + dir.string() + "/node_modules' && sha256sum --quiet -c ../sources.sha256 && echo verified") ==
          "verified\n");
}
