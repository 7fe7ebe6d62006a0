// `ccscan scan --shard K/N` + `ccscan report --merge`: for N = 1, 2, 3, on the example contact
// center (whose flows invoke Lambda handlers declared in IaC: the cross-artifact pass) and on a
// generated corpus, the merged reports in every format are byte-identical to one run's; the
// shards' inventories partition the tree; every refusal says why.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/cli/run_binary.h"
#include "tests/cli/shard_support.h"
#include "tests/scratch.h"

namespace {

namespace fs = std::filesystem;
using ccscan::test::run_ccscan;
using nlohmann::json;

void scan(const std::string& target, const std::string& args) {
    auto r = run_ccscan("scan " + target + " -q --no-progress --fail-on none -j 2 " + args);
    INFO(r.text);
    REQUIRE(r.code == 0);
}

std::string shard_file(const fs::path& dir, int k, int n) { return (dir / ("shard-" + std::to_string(k) + "of" + std::to_string(n) + ".json")).string(); }

// Scans `target` in n shards, merges them (in reverse order) and compares with `single`.
void check_shards(const std::string& target, const fs::path& dir, const fs::path& single, int n, const std::string& extra) {
    std::string files;
    for (int k = n; k >= 1; --k) {
        scan(target, "--shard " + std::to_string(k) + "/" + std::to_string(n) + " --format json -o " + shard_file(dir, k, n) + extra);
        files += " " + shard_file(dir, k, n);
    }
    const fs::path merged = dir / ("merged-" + std::to_string(n));
    auto r = run_ccscan("report --merge" + files + " --format " + ccscan::test::k_all_formats + " -o " + merged.string() + "/");
    INFO(r.text);
    REQUIRE(r.code == 0);
    ccscan::test::require_same_folder(single, merged);

    // The shards' inventories partition the whole inventory.
    const json whole = json::parse(ccscan::test::slurp(single / "ccscan.json"));
    std::multiset<std::string> paths;
    for (int k = 1; k <= n; ++k) {
        const json part = json::parse(ccscan::test::slurp(shard_file(dir, k, n)));
        CHECK(part["shard"]["index"] == k);
        CHECK(part["shard"]["count"] == n);
        for (const json& e : part["inventory"]) paths.insert(e["path"].get<std::string>());
    }
    std::multiset<std::string> expected;
    for (const json& e : whole["inventory"]) expected.insert(e["path"].get<std::string>());
    CHECK(paths == expected);
    CHECK(std::set<std::string>(paths.begin(), paths.end()).size() == paths.size());
}

void check_tree(const std::string& target, const fs::path& dir, const std::string& extra = "") {
    const fs::path single = dir / "single";
    scan(target, "--format " + ccscan::test::k_all_formats + " -o " + single.string() + "/" + extra);
    const json whole = json::parse(ccscan::test::slurp(single / "ccscan.json"));
    CHECK_FALSE(whole.contains("shard"));
    REQUIRE(whole["summary"]["files"]["scanned"].get<int>() > 20);
    REQUIRE(whole["findings"].size() > 20);
    for (int n : {1, 2, 3}) check_shards(target, dir, single, n, extra);
}

}  // namespace

TEST_CASE("shards: merged reports of the example contact center are those of one run", "[e2e][shard]") {
    const fs::path dir = ccscan::test::scratch_path("ccscan-shard-example");
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string example = ccscan::test::source_dir() + "/examples/acme-contact-center";
    check_tree(example, dir);
    // The example links files: a flow's collected card data reaches a Lambda handler's finding.
    CHECK(ccscan::test::slurp(dir / "single" / "ccscan.json").find("the handler receives") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("shards: merged reports of a generated corpus are those of one run", "[e2e][shard]") {
    const fs::path dir = fs::path(CCSCAN_BUILD_DIR) / ("shard-test-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path corpus = dir / "corpus";
    REQUIRE(std::system(("python3 " + ccscan::test::source_dir() + "/bench/gen_corpus.py " + corpus.string() + " --size 1MiB >/dev/null").c_str()) == 0);
    // A repository of its own: the build folder is ignored by the .gitignore of the one around it.
    REQUIRE(std::system(("git -C " + corpus.string() + " init -q").c_str()) == 0);
    check_tree(corpus.string(), dir);
    fs::remove_all(dir);
}

TEST_CASE("shards: a baseline suppresses and goes stale across shards as in one run", "[e2e][shard]") {
    const fs::path dir = ccscan::test::scratch_path("ccscan-shard-baseline");
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string example = ccscan::test::source_dir() + "/examples/acme-contact-center";
    const fs::path base = dir / "baseline.json";
    REQUIRE(run_ccscan("baseline create " + example + " -o " + base.string()).code == 0);
    // Half of today's findings accepted, and two entries that match nothing (stale in every shard).
    json b = json::parse(ccscan::test::slurp(base));
    json kept = json::array();
    for (std::size_t i = 0; i < b["findings"].size(); i += 2) kept.push_back(b["findings"][i]);
    for (const char* path : {"gone/one.conf", "gone/two.conf"})
        kept.push_back({{"rule_id", "CCS-FLOW-020"}, {"path", path}, {"fingerprint", std::string(32, '0')}, {"message", "gone"}});
    b["findings"] = kept;
    std::ofstream(base) << b.dump(2) << "\n";
    check_tree(example, dir, " --baseline " + base.string());
    const json whole = json::parse(ccscan::test::slurp(dir / "single" / "ccscan.json"));
    CHECK(whole["summary"]["findings"]["suppressed"].get<int>() > 10);
    CHECK(std::count_if(whole["stale"].begin(), whole["stale"].end(), [](const json& s) { return s["kind"] == "baseline"; }) == 2);
    fs::remove_all(dir);
}

TEST_CASE("shards: --shard takes K/N with 1 <= K <= N", "[e2e][shard]") {
    const std::string example = ccscan::test::source_dir() + "/examples/acme-contact-center";
    for (const char* bad : {"0/3", "4/3", "3", "a/b", "1/0", "-1/2", "1/3/4"}) {
        INFO(bad);
        auto r = run_ccscan("scan " + example + " -q --shard " + bad);
        CHECK(r.code == 2);
        CHECK(r.text.find("--shard") != std::string::npos);
    }
    auto r = run_ccscan("scan " + example + " -q --shard 1/2 --git-history");
    CHECK(r.code == 2);
    CHECK(r.text.find("--git-history") != std::string::npos);
}

TEST_CASE("shards: merge refuses reports that do not make one scan", "[e2e][shard]") {
    const fs::path dir = ccscan::test::scratch_path("ccscan-shard-refuse");
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string example = ccscan::test::source_dir() + "/examples/acme-contact-center";
    for (int k = 1; k <= 3; ++k) scan(example, "--shard " + std::to_string(k) + "/3 --format json -o " + shard_file(dir, k, 3));
    scan(example, "--shard 1/2 --format json -o " + shard_file(dir, 1, 2));
    scan(example, "--format json -o " + (dir / "single.json").string());
    scan(example, "--shard 3/3 --exclude '*.tf' --format json -o " + (dir / "other-config.json").string());
    auto edited = [&](const std::string& name, const char* section, const char* key, const char* value) {
        json j = json::parse(ccscan::test::slurp(shard_file(dir, 3, 3)));
        j[section][key] = value;
        const std::string path = (dir / name).string();
        std::ofstream(path) << j.dump(2) << "\n";
        return path;
    };
    const std::string s1 = shard_file(dir, 1, 3), s2 = shard_file(dir, 2, 3), s3 = shard_file(dir, 3, 3);
    struct Case {
        std::string files, says;
    };
    const std::vector<Case> cases = {
        {s1 + " " + s2, "missing shard report(s): 3/3"},
        {s1 + " " + s2 + " " + s3 + " " + s2, "given twice"},
        {s1 + " " + s2 + " " + shard_file(dir, 1, 2), "mixed with"},
        {s1 + " " + s2 + " " + (dir / "single.json").string(), "not a shard report"},
        {s1 + " " + s2 + " " + (dir / "other-config.json").string(), "another configuration"},
        {s1 + " " + s2 + " " + edited("version.json", "tool", "version", "0.0.0-other"), "written by ccscan 0.0.0-other"},
        {s1 + " " + s2 + " " + edited("root.json", "scan", "root", "/elsewhere"), "scan root '/elsewhere'"},
    };
    for (const Case& c : cases) {
        INFO(c.files);
        auto r = run_ccscan("report --merge " + c.files + " --format json -o " + (dir / "out.json").string());
        INFO(r.text);
        CHECK(r.code == 2);
        CHECK(r.text.find("cannot merge") != std::string::npos);
        CHECK(r.text.find(c.says) != std::string::npos);
        CHECK_FALSE(fs::exists(dir / "out.json"));
    }
    // A shard member that cannot name one of N parts (count 0 would need no other shard).
    for (const auto& [key, value] : {std::pair{"count", 0}, std::pair{"index", 4}}) {
        json j = json::parse(ccscan::test::slurp(s3));
        j["shard"][key] = value;
        const std::string bad = (dir / "bad-shard.json").string();
        std::ofstream(bad) << j.dump(2) << "\n";
        auto r = run_ccscan("report --merge " + bad + " --format json -o " + (dir / "out.json").string());
        INFO(key << ": " << r.text);
        CHECK(r.code == 2);
        CHECK(r.text.find("expected 1 <= index <= count") != std::string::npos);
        CHECK_FALSE(fs::exists(dir / "out.json"));
    }
    fs::remove_all(dir);
}

TEST_CASE("shards: verify checks a shard report against its own files only", "[e2e][shard]") {
    const fs::path dir = ccscan::test::scratch_path("ccscan-shard-verify");
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string example = ccscan::test::source_dir() + "/examples/acme-contact-center";
    for (int k = 1; k <= 3; ++k) {
        scan(example, "--shard " + std::to_string(k) + "/3 --format json -o " + shard_file(dir, k, 3));
        auto r = run_ccscan("verify " + shard_file(dir, k, 3));
        INFO(r.text);
        CHECK(r.code == 0);
        CHECK(r.text.find(" 0 added") != std::string::npos);
    }
    fs::remove_all(dir);
}
