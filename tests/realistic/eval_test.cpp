// Precision and recall on the realistic evaluation set (tests/realistic/README.md): one scan of
// the whole folder with the built-in packs, compared finding by finding (rule, file, line) with
// the auditor's expectations written beside each file.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "tests/cli/run_binary.h"

namespace fs = std::filesystem;

namespace {

constexpr const char* k_expect_suffix = ".expect.yaml";
// The evaluation set must stay big enough to mean something.
constexpr int k_min_files = 60;
constexpr double k_min_overall = 0.95;
constexpr double k_min_platform = 0.90;

struct Key {
    std::string rule;
    std::string path;
    int line = 0;
    auto operator<=>(const Key&) const = default;
};

struct Expectations {
    std::set<Key> findings;
    std::vector<Key> forbidden;  // line 0: anywhere in the file
    std::string format;
};

struct Tally {
    int files = 0, tp = 0, fp = 0, fn = 0;
    double precision() const { return tp + fp == 0 ? 1.0 : double(tp) / (tp + fp); }
    double recall() const { return tp + fn == 0 ? 1.0 : double(tp) / (tp + fn); }
};

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string platform_of(const std::string& rel) { return rel.substr(0, rel.find('/')); }

Expectations read_expectations(const fs::path& file, const std::string& rel) {
    Expectations e;
    YAML::Node root = YAML::LoadFile(file.string());
    if (root["format"]) e.format = root["format"].as<std::string>();
    for (const auto& f : root["findings"]) e.findings.insert({f["rule"].as<std::string>(), rel, f["line"].as<int>()});
    if (root["not"])
        for (const auto& f : root["not"]) e.forbidden.push_back({f["rule"].as<std::string>(), rel, f["line"] ? f["line"].as<int>() : 0});
    return e;
}

std::string percent(double v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * v);
    return buf;
}

}  // namespace

TEST_CASE("realistic evaluation set: precision and recall per platform", "[realistic]") {
    const fs::path root = fs::path(ccscan::test::source_dir()) / "tests/realistic";
    std::map<std::string, Expectations> expected;  // by path relative to root
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (!entry.is_regular_file()) continue;
        std::string rel = fs::relative(entry.path(), root).generic_string();
        if (rel.find('/') == std::string::npos || ends_with(rel, k_expect_suffix)) continue;  // README, this test, expectations
        fs::path exp = entry.path();
        exp += k_expect_suffix;
        INFO("evaluation file without expectations: " << rel);
        REQUIRE(fs::exists(exp));
        expected[rel] = read_expectations(exp, rel);
    }
    CHECK(int(expected.size()) >= k_min_files);

    auto out = ccscan::test::run_ccscan("scan '" + root.string() + "' --format json --fail-on none --no-progress --quiet"
                                        " --exclude '*.expect.yaml' --exclude README.md --exclude eval_test.cpp", false);
    REQUIRE(out.code == 0);
    auto report = nlohmann::json::parse(out.text);

    std::map<std::string, std::string> status, format;
    for (const auto& f : report["inventory"]) {
        status[f["path"]] = f["status"];
        format[f["path"]] = f["format"];
    }
    std::map<std::string, std::set<Key>> reported;
    for (const auto& f : report["findings"]) {
        std::string path = f["location"]["path"];
        reported[path].insert({f["rule_id"], path, f["location"]["start_line"]});
    }

    std::map<std::string, Tally> tally;
    Tally all;
    std::ostringstream misses;
    for (const auto& [rel, exp] : expected) {
        INFO("file " << rel);
        CHECK(status[rel] == "scanned");
        if (!exp.format.empty()) CHECK(format[rel] == exp.format);
        Tally& t = tally[platform_of(rel)];
        ++t.files;
        ++all.files;
        const auto& got = reported[rel];
        for (const Key& k : got) {
            bool ok = exp.findings.count(k) > 0;
            (ok ? t.tp : t.fp)++;
            (ok ? all.tp : all.fp)++;
            if (!ok) misses << "  false positive: " << rel << ":" << k.line << " " << k.rule << "\n";
        }
        for (const Key& k : exp.findings)
            if (!got.count(k)) {
                ++t.fn;
                ++all.fn;
                misses << "  missed:         " << rel << ":" << k.line << " " << k.rule << "\n";
            }
        for (const Key& k : exp.forbidden)
            for (const Key& g : got) {
                INFO("forbidden finding " << k.rule << " at " << rel << ":" << g.line);
                CHECK_FALSE((g.rule == k.rule && (k.line == 0 || k.line == g.line)));
            }
    }

    std::ostringstream table;
    table << "| platform | files | expected | reported | true positives | precision | recall |\n"
          << "|---|---:|---:|---:|---:|---:|---:|\n";
    auto row = [&](const std::string& name, const Tally& t) {
        table << "| " << name << " | " << t.files << " | " << t.tp + t.fn << " | " << t.tp + t.fp << " | " << t.tp << " | "
              << percent(t.precision()) << " | " << percent(t.recall()) << " |\n";
    };
    for (const auto& [name, t] : tally) row(name, t);
    row("**all**", all);
    // The table for docs/realistic-evaluation.md, and what to look at when a number drops.
    std::ofstream(fs::path(CCSCAN_BINARY).parent_path() / "realistic-evaluation.md") << table.str() << "\n" << misses.str();
    WARN("realistic evaluation\n" << table.str() << misses.str());

    for (const auto& [name, t] : tally) {
        INFO("platform " << name);
        CHECK(t.precision() >= k_min_platform);
        CHECK(t.recall() >= k_min_platform);
    }
    CHECK(all.precision() >= k_min_overall);
    CHECK(all.recall() >= k_min_overall);
}
