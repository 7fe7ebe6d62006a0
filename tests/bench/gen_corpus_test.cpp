// bench/gen_corpus.py: the benchmark corpus is a pure function of (seed, size, commits), and
// ccscan scans a tiny one end to end. Kept small (64 KiB, 3 commits) so it costs about a second.
#include <array>
#include <cstdio>
#include <filesystem>
#include <string>
#include <sys/wait.h>

#include <catch2/catch.hpp>

#include "tests/cli/run_binary.h"
#include "tests/scratch.h"

namespace {

std::string shell(const std::string& cmd) {
    std::string out;
    FILE* p = popen((cmd + " 2>&1").c_str(), "r");
    REQUIRE(p);
    std::array<char, 4096> buf{};
    std::size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
    int status = pclose(p);
    INFO(cmd << "\n" << out);
    REQUIRE((WIFEXITED(status) && WEXITSTATUS(status) == 0));
    return out;
}

std::string generate(const std::filesystem::path& dir, const std::string& args) {
    std::filesystem::remove_all(dir);
    shell("python3 " + ccscan::test::source_dir() + "/bench/gen_corpus.py " + dir.string() + " " + args);
    // Content hash of every file with its path, .git excluded.
    return shell("cd " + dir.string() + " && find . -path ./.git -prune -o -type f -print | LC_ALL=C sort | xargs sha256sum | sha256sum");
}

}  // namespace

TEST_CASE("bench corpus generator is deterministic and its corpus scans", "[bench]") {
    const auto a = ccscan::test::scratch_path("ccscan-gen-a");
    const auto b = ccscan::test::scratch_path("ccscan-gen-b");
    const std::string first = generate(a, "--size 64KiB --seed 7");
    CHECK(generate(b, "--size 64KiB --seed 7") == first);
    CHECK(generate(b, "--size 64KiB --seed 8") != first);

    auto r = ccscan::test::run_ccscan("scan " + a.string() + " --format json -q --fail-on none");
    CHECK(r.code == 0);
    CHECK(r.text.find("\"status\": \"scanned\"") != std::string::npos);

    generate(a, "--size 32KiB --git-commits 3 --seed 7");
    generate(b, "--size 32KiB --git-commits 3 --seed 7");
    const std::string head = shell("git -C " + a.string() + " rev-parse HEAD");
    CHECK(head.size() == 41);
    CHECK(shell("git -C " + b.string() + " rev-parse HEAD") == head);
    std::filesystem::remove_all(a);
    std::filesystem::remove_all(b);
}
