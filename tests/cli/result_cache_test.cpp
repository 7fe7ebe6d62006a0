// End-to-end: the result cache (docs/cache.md). Reports are byte-identical between an uncached
// scan, a cold-cache scan and a warm-cache scan, on the example and on a generated corpus; a
// changed file is the only miss; a changed pack or policy misses everything; a corrupt entry is
// a miss; `ccscan cache stats|clear|prune` work; entries hold no secret of the scanned files.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <sys/stat.h>

#include "tests/cli/run_binary.h"
#include "tests/scratch.h"

using ccscan::test::run_ccscan;
using ccscan::test::source_dir;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// The JSON, SARIF and text reports of one scan of `target` (extra: flags such as --cache DIR).
std::map<std::string, std::string> reports(const fs::path& target, const fs::path& out, const std::string& extra) {
    fs::remove_all(out);
    auto r = run_ccscan("scan " + target.string() + " --format json,sarif,text --output " + out.string() + " --fail-on none -q " + extra);
    INFO(r.text);
    REQUIRE(r.code == 0);
    std::map<std::string, std::string> files;
    for (const auto& f : fs::directory_iterator(out)) files[f.path().filename().string()] = slurp(f.path());
    REQUIRE(files.size() == 3);
    return files;
}

struct Counts {
    int hits = -1, misses = -1, stores = -1;
};

// "last scan      H hits, M misses, S stored" of `ccscan cache stats`.
Counts last_scan(const fs::path& cache) {
    auto r = run_ccscan("cache stats --cache " + cache.string());
    REQUIRE(r.code == 0);
    auto at = r.text.find("last scan");
    REQUIRE(at != std::string::npos);
    Counts c;
    REQUIRE(std::sscanf(r.text.c_str() + at, "last scan %d hits, %d misses, %d stored", &c.hits, &c.misses, &c.stores) == 3);
    return c;
}

void check_identity(const fs::path& target, const fs::path& scratch) {
    const fs::path cache = scratch / "cache";
    const auto plain = reports(target, scratch / "out", "--no-cache");
    const auto cold = reports(target, scratch / "out", "--cache " + cache.string());
    const Counts c = last_scan(cache);
    CHECK(c.hits == 0);
    CHECK(c.stores > 0);
    const auto warm = reports(target, scratch / "out", "--cache " + cache.string());
    const Counts w = last_scan(cache);
    CHECK(w.hits == c.stores);
    CHECK(w.misses == c.misses - c.stores);  // the files that are never cached (docs/cache.md)
    CHECK(w.stores == 0);
    for (const auto& [name, text] : plain) {
        INFO(name);
        CHECK(cold.at(name) == text);
        CHECK(warm.at(name) == text);
    }
}

}  // namespace

TEST_CASE("result cache: uncached, cold and warm reports of the example are byte-identical", "[e2e][cache]") {
    const fs::path scratch = ccscan::test::scratch_path("ccscan-cache-example");
    fs::remove_all(scratch);
    check_identity(source_dir() + "/examples/acme-contact-center", scratch);
    // Entries are private and hold no secret of the example (reports mask it; so does the cache).
    struct stat st{};
    REQUIRE(::stat((scratch / "cache").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0700);
    std::size_t entries = 0;
    for (const auto& f : fs::recursive_directory_iterator(scratch / "cache")) {
        if (!f.is_regular_file() || f.path().parent_path() == scratch / "cache") continue;
        ++entries;
        REQUIRE(::stat(f.path().c_str(), &st) == 0);
        CHECK((st.st_mode & 0777) == 0600);
        CHECK(slurp(f.path()).find("Q7m2Vx9Lr4tZp8Kw") == std::string::npos);
    }
    CHECK(entries > 10);
    fs::remove_all(scratch);
}

TEST_CASE("result cache: uncached, cold and warm reports of a generated corpus are byte-identical", "[e2e][cache]") {
    const fs::path scratch = ccscan::test::scratch_path("ccscan-cache-corpus");
    fs::remove_all(scratch);
    fs::create_directories(scratch);
    const fs::path corpus = scratch / "corpus";
    REQUIRE(std::system(("python3 " + source_dir() + "/bench/gen_corpus.py " + corpus.string() + " --size 1MiB >/dev/null").c_str()) == 0);
    check_identity(corpus, scratch);
    fs::remove_all(scratch);
}

TEST_CASE("result cache: a changed file is the only miss; changed policy or packs miss everything", "[e2e][cache]") {
    const fs::path scratch = ccscan::test::scratch_path("ccscan-cache-change");
    fs::remove_all(scratch);
    fs::create_directories(scratch);
    const fs::path tree = scratch / "tree";
    fs::copy(source_dir() + "/examples/acme-contact-center", tree, fs::copy_options::recursive);
    const fs::path cache = scratch / "cache";
    const std::string with_cache = "--cache " + cache.string();
    reports(tree, scratch / "out", with_cache);
    reports(tree, scratch / "out", with_cache);
    const Counts warm0 = last_scan(cache);
    REQUIRE(warm0.hits > 10);

    SECTION("one file changed") {
        std::ofstream(tree / "lambda/payment_handler_secure.py", std::ios::app) << "\n# changed\n";
        const auto warm = reports(tree, scratch / "out", with_cache);
        const Counts c = last_scan(cache);
        CHECK(c.hits == warm0.hits - 1);
        CHECK(c.misses == warm0.misses + 1);
        CHECK(c.stores == 1);
        CHECK(warm == reports(tree, scratch / "out", "--no-cache"));
    }
    SECTION("policy changed") {
        std::string config = slurp(tree / ".ccscan.yaml");
        const std::string before = "max_recording_retention_days: 180";
        const auto at = config.find(before);
        REQUIRE(at != std::string::npos);
        std::ofstream(tree / ".ccscan.yaml", std::ios::binary) << config.replace(at, before.size(), "max_recording_retention_days: 90");
        const auto warm = reports(tree, scratch / "out", with_cache);
        CHECK(last_scan(cache).hits == 0);
        CHECK(warm == reports(tree, scratch / "out", "--no-cache"));
    }
    SECTION("packs changed") {
        const auto warm = reports(tree, scratch / "out", with_cache + " --pack pci-dss");
        CHECK(last_scan(cache).hits == 0);
        CHECK(warm == reports(tree, scratch / "out", "--no-cache --pack pci-dss"));
    }
    SECTION("a corrupt and a truncated entry are misses") {
        std::vector<fs::path> entries;
        for (const auto& f : fs::recursive_directory_iterator(cache))
            if (f.is_regular_file() && f.path().parent_path() != cache) entries.push_back(f.path());
        REQUIRE(entries.size() >= 2);
        std::sort(entries.begin(), entries.end());
        fs::resize_file(entries[0], fs::file_size(entries[0]) / 2);
        {
            std::fstream f(entries[1], std::ios::in | std::ios::out | std::ios::binary);
            f.seekp(20);
            f.put('\x7f');
        }
        const auto warm = reports(tree, scratch / "out", with_cache);
        const Counts c = last_scan(cache);
        CHECK(c.hits == warm0.hits - 2);
        CHECK(c.misses == warm0.misses + 2);
        CHECK(c.stores == 2);
        CHECK(warm == reports(tree, scratch / "out", "--no-cache"));
    }
    SECTION("cache stats, prune and clear") {
        auto stats = run_ccscan("cache stats --cache " + cache.string());
        CHECK(stats.code == 0);
        CHECK(stats.text.find("entries") != std::string::npos);
        CHECK(run_ccscan("cache prune --cache " + cache.string()).code == 2);  // needs a limit
        CHECK(run_ccscan("cache prune --cache " + cache.string() + " --max-size 10G").text.find("removed 0 entries") == 0);
        CHECK(run_ccscan("cache prune --cache " + cache.string() + " --max-age 30d").text.find("removed 0 entries") == 0);
        auto pruned = run_ccscan("cache prune --cache " + cache.string() + " --max-size 0");
        CHECK(pruned.text.find("; 0 left") != std::string::npos);
        reports(tree, scratch / "out", with_cache);
        auto cleared = run_ccscan("cache clear --cache " + cache.string());
        CHECK(cleared.code == 0);
        CHECK(cleared.text.rfind("removed ", 0) == 0);
        CHECK(run_ccscan("cache stats --cache " + cache.string()).text.find("entries        0 ") != std::string::npos);
        CHECK(fs::exists(cache / "CACHEDIR.TAG"));
    }
    fs::remove_all(scratch);
}

TEST_CASE("result cache: a shard's reports are the same with and without the cache", "[e2e][cache]") {
    const fs::path scratch = ccscan::test::scratch_path("ccscan-cache-shard");
    fs::remove_all(scratch);
    const std::string example = source_dir() + "/examples/acme-contact-center";
    const std::string cache = "--cache " + (scratch / "cache").string();
    for (const char* shard : {"1/2", "2/2"}) {
        INFO(shard);
        const std::string opt = std::string("--shard ") + shard;
        const auto plain = reports(example, scratch / "out", opt + " --no-cache");
        CHECK(reports(example, scratch / "out", opt + " " + cache) == plain);  // cold for this shard's files
        CHECK(reports(example, scratch / "out", opt + " " + cache) == plain);  // warm
        CHECK(last_scan(scratch / "cache").hits > 0);
    }
    fs::remove_all(scratch);
}

TEST_CASE("result cache: .ccscan.yaml `cache:` enables it, --no-cache overrides", "[e2e][cache]") {
    const fs::path scratch = ccscan::test::scratch_path("ccscan-cache-config");
    fs::remove_all(scratch);
    fs::create_directories(scratch / "tree");
    std::ofstream(scratch / "tree" / "app.env") << "API_URL=https://example.com\n";
    std::ofstream(scratch / "tree" / ".ccscan.yaml") << "cache: true\n";
    const std::string env = "XDG_CACHE_HOME=" + scratch.string() + "/xdg";
    auto r = ccscan::test::run_ccscan_env(env, "scan " + (scratch / "tree").string() + " --no-cache -q --fail-on none");
    CHECK(r.code == 0);
    CHECK_FALSE(fs::exists(scratch / "xdg" / "ccscan"));
    r = ccscan::test::run_ccscan_env(env, "scan " + (scratch / "tree").string() + " -q --fail-on none");
    CHECK(r.code == 0);
    CHECK(fs::exists(scratch / "xdg" / "ccscan" / "CACHEDIR.TAG"));
    std::ofstream(scratch / "tree" / ".ccscan.yaml") << "cache: ../mine\n";
    r = run_ccscan("scan " + (scratch / "tree").string() + " -q --fail-on none");
    CHECK(r.code == 0);
    CHECK(fs::exists(scratch / "mine" / "CACHEDIR.TAG"));
    fs::remove_all(scratch);
}
