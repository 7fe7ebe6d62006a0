// End-to-end: the result cache (docs/cache.md). Reports are byte-identical between an uncached
// scan, a cold-cache scan and a warm-cache scan, on the example and on a generated corpus; a
// changed file is the only miss; a changed pack or policy misses everything; a corrupt entry is
// a miss; `ccscan cache stats|clear|prune` work; entries hold no secret of the scanned files.
// A repeated scan of an unchanged tree is a whole-scan hit: every format, the exit code and the
// stderr summary are the same as uncached; a changed file, baseline, option or format misses it.
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
// `formats`: the same three in another order misses the whole-scan entry (formats are part of its
// key) and writes the same files, so it shows the per-file entries.
std::map<std::string, std::string> reports(const fs::path& target, const fs::path& out, const std::string& extra,
                                           const std::string& formats = "json,sarif,text") {
    fs::remove_all(out);
    auto r = run_ccscan("scan " + target.string() + " --format " + formats + " --output " + out.string() + " --fail-on none -q " + extra);
    INFO(r.text);
    REQUIRE(r.code == 0);
    std::map<std::string, std::string> files;
    for (const auto& f : fs::directory_iterator(out)) files[f.path().filename().string()] = slurp(f.path());
    REQUIRE(files.size() == 3);
    return files;
}

struct Counts {
    int hits = -1, misses = -1, stores = -1;
    int scan_hits = -1, scan_misses = -1, scan_stores = -1;  // whole-scan entries
};

// "last scan      H hits, M misses, S stored; whole scan: H hits, M misses, S stored" of
// `ccscan cache stats`.
Counts last_scan(const fs::path& cache) {
    auto r = run_ccscan("cache stats --cache " + cache.string());
    REQUIRE(r.code == 0);
    auto at = r.text.find("last scan");
    REQUIRE(at != std::string::npos);
    Counts c;
    REQUIRE(std::sscanf(r.text.c_str() + at, "last scan %d hits, %d misses, %d stored; whole scan: %d hits, %d misses, %d stored", &c.hits,
                        &c.misses, &c.stores, &c.scan_hits, &c.scan_misses, &c.scan_stores) == 6);
    return c;
}

void check_identity(const fs::path& target, const fs::path& scratch) {
    const fs::path cache = scratch / "cache";
    const auto plain = reports(target, scratch / "out", "--no-cache");
    const auto cold = reports(target, scratch / "out", "--cache " + cache.string());
    const Counts c = last_scan(cache);
    CHECK(c.hits == 0);
    CHECK(c.stores > 0);
    CHECK(c.scan_misses == 1);
    CHECK(c.scan_stores == 1);
    const auto whole = reports(target, scratch / "out", "--cache " + cache.string());
    const Counts h = last_scan(cache);
    CHECK(h.scan_hits == 1);
    CHECK(h.hits + h.misses + h.stores == 0);  // nothing scanned
    const auto warm = reports(target, scratch / "out", "--cache " + cache.string(), "text,sarif,json");
    const Counts w = last_scan(cache);
    CHECK(w.scan_hits == 0);
    CHECK(w.hits == c.stores);
    CHECK(w.misses == c.misses - c.stores);  // the files that are never cached (docs/cache.md)
    CHECK(w.stores == 0);
    for (const auto& [name, text] : plain) {
        INFO(name);
        CHECK(cold.at(name) == text);
        CHECK(whole.at(name) == text);
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
    reports(tree, scratch / "out", with_cache, "text,sarif,json");
    const Counts warm0 = last_scan(cache);
    REQUIRE(warm0.hits > 10);

    SECTION("one file changed") {
        std::ofstream(tree / "lambda/payment_handler_secure.py", std::ios::app) << "\n# changed\n";
        const auto warm = reports(tree, scratch / "out", with_cache);
        const Counts c = last_scan(cache);
        CHECK(c.scan_hits == 0);  // the whole-scan entry misses, the other files' entries hit
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
        CHECK(last_scan(cache).scan_hits == 0);
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
            if (f.is_regular_file() && f.path().parent_path() != cache && slurp(f.path()).find("ccscan-whole-scan") == std::string::npos)
                entries.push_back(f.path());
        REQUIRE(entries.size() >= 2);
        std::sort(entries.begin(), entries.end());
        fs::resize_file(entries[0], fs::file_size(entries[0]) / 2);
        {
            std::fstream f(entries[1], std::ios::in | std::ios::out | std::ios::binary);
            f.seekp(20);
            f.put('\x7f');
        }
        const auto warm = reports(tree, scratch / "out", with_cache, "sarif,json,text");
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
        CHECK(last_scan(scratch / "cache").scan_hits == 1);
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

TEST_CASE("result cache: a cache folder inside the scanned tree is listed as skipped, not scanned", "[e2e][cache]") {
    const fs::path scratch = ccscan::test::scratch_path("ccscan-cache-inside");
    fs::remove_all(scratch);
    fs::create_directories(scratch / "tree");
    std::ofstream(scratch / "tree" / "notes.txt") << "test card for the lab: 4539 1488 0343 6467\n";
    std::ofstream(scratch / "tree" / ".ccscan.yaml") << "cache: .ccscan-cache\n";
    const fs::path cache = scratch / "tree" / ".ccscan-cache";
    const std::string args = "scan " + (scratch / "tree").string() + " --format json -q --fail-on none";
    auto first = run_ccscan(args);
    REQUIRE(fs::exists(cache / "CACHEDIR.TAG"));
    auto second = run_ccscan(args);
    auto third = run_ccscan(args);
    INFO(third.text);
    CHECK(third.text.find("\"path\": \".ccscan-cache/\"") != std::string::npos);
    CHECK(third.text.find("cache folder (CACHEDIR.TAG)") != std::string::npos);
    CHECK(third.text.find(".ccscan-cache/") == third.text.rfind(".ccscan-cache/"));  // nothing inside it is listed
    // Its entries do not change the tree the next scan sees: the repeat is a whole-scan hit.
    CHECK(last_scan(cache).scan_hits == 1);
    CHECK(second.text == third.text);
    fs::remove_all(scratch);
}

namespace {

struct Scan {
    int code = -1;
    std::string stderr_text;                   // the summary
    std::map<std::string, std::string> files;  // the report files
};

// Runs ccscan with stdout and stderr to files; returns the exit code.
int run_to(const std::string& args, const fs::path& out, const fs::path& err) {
    const int status = std::system((std::string(CCSCAN_BINARY) + " " + args + " >" + out.string() + " 2>" + err.string()).c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

Scan scan_all_formats(const fs::path& target, const fs::path& out, const std::string& extra) {
    fs::remove_all(out);
    const fs::path err = out.string() + ".stderr";
    const int code =
        run_to("scan " + target.string() + " --format json,sarif,html,text,markdown,csv,junit --output " + out.string() + " " + extra,
               out.string() + ".stdout", err);
    Scan s{code, slurp(err), {}};
    for (const auto& f : fs::directory_iterator(out)) s.files[f.path().filename().string()] = slurp(f.path());
    REQUIRE(s.files.size() == 7);
    return s;
}

void check_same(const Scan& a, const Scan& b) {
    CHECK(a.code == b.code);
    CHECK(a.stderr_text == b.stderr_text);
    for (const auto& [name, text] : a.files) {
        INFO(name);
        CHECK(b.files.at(name) == text);
    }
}

}  // namespace

TEST_CASE("result cache: a whole-scan hit writes every format, exit code and summary as an uncached scan", "[e2e][cache]") {
    const fs::path scratch = ccscan::test::scratch_path("ccscan-cache-whole");
    fs::remove_all(scratch);
    fs::create_directories(scratch);
    const fs::path tree = scratch / "tree";
    fs::copy(source_dir() + "/examples/acme-contact-center", tree, fs::copy_options::recursive);
    const fs::path out = scratch / "out";
    const std::string cache = "--cache " + (scratch / "cache").string();
    const Scan plain = scan_all_formats(tree, out, "--no-cache");
    CHECK(plain.code == 1);  // the example has high findings
    check_same(plain, scan_all_formats(tree, out, cache));
    CHECK(last_scan(scratch / "cache").scan_stores == 1);
    check_same(plain, scan_all_formats(tree, out, cache));
    CHECK(last_scan(scratch / "cache").scan_hits == 1);

    // One format on stdout (with its summary on stderr), and --stats names the hit.
    const fs::path o = scratch / "stdout", e = scratch / "stderr";
    const int plain_code = run_to("scan " + tree.string() + " --format sarif --no-cache", o, e);
    const std::string plain_out = slurp(o), plain_err = slurp(e);
    CHECK(run_to("scan " + tree.string() + " --format sarif " + cache, o, e) == plain_code);
    CHECK(run_to("scan " + tree.string() + " --format sarif " + cache, o, e) == plain_code);
    CHECK(slurp(o) == plain_out);
    CHECK(slurp(e) == plain_err);
    CHECK(run_to("scan " + tree.string() + " --format sarif --stats " + cache, o, e) == plain_code);
    CHECK(slurp(o) == plain_out);
    CHECK(slurp(e).find("whole-scan hit") != std::string::npos);

    SECTION("an option that shapes the reports misses") {
        const Scan low = scan_all_formats(tree, out, "--fail-on none --no-cache");
        check_same(low, scan_all_formats(tree, out, "--fail-on none " + cache));
        CHECK(last_scan(scratch / "cache").scan_hits == 0);
        CHECK(last_scan(scratch / "cache").hits > 10);  // the per-file entries still hit
        check_same(low, scan_all_formats(tree, out, "--fail-on none " + cache));
        CHECK(last_scan(scratch / "cache").scan_hits == 1);
    }
    SECTION("a changed baseline misses") {
        const fs::path baseline = scratch / "baseline.json";
        REQUIRE(run_ccscan("baseline create " + tree.string() + " --pack pci-dss -o " + baseline.string()).code == 0);
        const std::string with = "--baseline " + baseline.string() + " ";
        const Scan first = scan_all_formats(tree, out, with + "--no-cache");
        check_same(first, scan_all_formats(tree, out, with + cache));
        check_same(first, scan_all_formats(tree, out, with + cache));
        CHECK(last_scan(scratch / "cache").scan_hits == 1);
        REQUIRE(run_ccscan("baseline create " + tree.string() + " -o " + baseline.string()).code == 0);
        const Scan second = scan_all_formats(tree, out, with + "--no-cache");
        CHECK(second.files.at("ccscan.json") != first.files.at("ccscan.json"));
        check_same(second, scan_all_formats(tree, out, with + cache));
        CHECK(last_scan(scratch / "cache").scan_hits == 0);
    }
    SECTION("a changed file misses") {
        std::ofstream(tree / "lambda/payment_handler_secure.py", std::ios::app) << "\n# changed\n";
        const Scan changed = scan_all_formats(tree, out, "--no-cache");
        check_same(changed, scan_all_formats(tree, out, cache));
        CHECK(last_scan(scratch / "cache").scan_hits == 0);
        CHECK(last_scan(scratch / "cache").stores == 1);
    }
    fs::remove_all(scratch);
}
