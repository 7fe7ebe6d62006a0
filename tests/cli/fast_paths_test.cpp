// The engine's fast paths (code-rule prefilters, one taint walk per syntax tree for every taint
// rule) against the plain path of the hidden `--plain-path` flag (every applicable rule on every
// file on its own): the JSON reports are the same, findings byte for byte. The only differences
// allowed are those of files the fast path did not parse: their inventory entry says so
// (k_text_only_reason) and the notes parsing them would have made (`code-syntax`) are absent.
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "rules/engine.h"
#include "tests/cli/run_binary.h"
#include "tests/read_file.h"
#include "tests/scratch.h"

namespace {

using nlohmann::ordered_json;
namespace fs = std::filesystem;

ordered_json scan_json(const std::string& target, const fs::path& out, const std::string& extra) {
    auto r = ccscan::test::run_ccscan("scan " + target + " --format json -o " + out.string() + " -q --fail-on none -j 2 " + extra);
    INFO(r.text);
    REQUIRE(r.code == 0);
    return ordered_json::parse(ccscan::test::read_file(out));
}

struct Compared {
    std::size_t not_parsed_fast = 0;   // files the fast path only content-scanned
    std::size_t not_parsed_plain = 0;  // ... and the plain path (no rule needed their model)
};

// Checks the two reports are the same up to the files only the fast path left unparsed.
Compared compare(ordered_json fast, ordered_json plain) {
    const std::string text_only(ccscan::rules::k_text_only_reason);
    CHECK(fast["findings"].dump() == plain["findings"].dump());
    REQUIRE(fast["inventory"].size() == plain["inventory"].size());
    Compared c;
    std::set<std::string> skipped_parse;
    for (std::size_t i = 0; i < fast["inventory"].size(); ++i) {
        ordered_json& f = fast["inventory"][i];
        ordered_json& p = plain["inventory"][i];
        REQUIRE(f["path"] == p["path"]);
        if (p.value("reason", "") == text_only) ++c.not_parsed_plain;
        if (f.value("reason", "") != text_only) continue;
        ++c.not_parsed_fast;
        if (p.value("reason", "") == text_only) continue;
        // Parsed on the plain path only: scanned there with no other reason.
        CHECK(p["status"] == "scanned");
        CHECK(f["status"] == "scanned");
        CHECK(p.value("reason", "").empty());
        CHECK(f["format"] == p["format"]);
        CHECK(f["sha256"] == p["sha256"]);
        skipped_parse.insert(f["path"].get<std::string>());
        p = f;
    }
    ordered_json kept = ordered_json::array();
    for (const ordered_json& d : plain["diagnostics"]) {
        if (d["code"] == "code-syntax" && skipped_parse.count(d["path"].get<std::string>())) continue;
        kept.push_back(d);
    }
    plain["diagnostics"] = kept;
    // The digest covers the inventory, whose reasons differ by design.
    fast.erase("integrity");
    plain.erase("integrity");
    CHECK(fast.dump(1) == plain.dump(1));
    return c;
}

}  // namespace

TEST_CASE("fast paths: same report as the plain path on the example contact center", "[e2e][fast-paths]") {
    const std::string example = ccscan::test::source_dir() + "/examples/acme-contact-center";
    const fs::path dir = ccscan::test::scratch_path("ccscan-fast-paths-example");
    fs::create_directories(dir);
    ordered_json fast = scan_json(example, dir / "fast.json", "");
    ordered_json plain = scan_json(example, dir / "plain.json", "--plain-path");
    REQUIRE(fast["findings"].size() > 10);
    compare(fast, plain);
    fs::remove_all(dir);
}

TEST_CASE("fast paths: same report as the plain path on a generated corpus", "[e2e][fast-paths]") {
    const fs::path dir = ccscan::test::scratch_path("ccscan-fast-paths-corpus");
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path corpus = dir / "corpus";
    const std::string gen = "python3 " + ccscan::test::source_dir() + "/bench/gen_corpus.py " + corpus.string() + " --size 768KiB --seed 42";
    REQUIRE(std::system((gen + " > /dev/null").c_str()) == 0);
    // A handler no code rule can match (no source, no sink literal): the prefilter leaves it unparsed.
    {
        std::ofstream(corpus / "plain_math.py") << "def add(a, b):\n    return a + b\n";
        std::ofstream(corpus / "broken_math.py") << "def add(a, b:\n    return a +\n";
    }
    ordered_json fast = scan_json(corpus.string(), dir / "fast.json", "");
    ordered_json plain = scan_json(corpus.string(), dir / "plain.json", "--plain-path");
    REQUIRE(fast["findings"].size() > 50);
    Compared c = compare(fast, plain);
    CHECK(c.not_parsed_fast > c.not_parsed_plain);  // the prefilters had work to do
    bool broken_unparsed = false;
    for (const ordered_json& e : fast["inventory"]) {
        if (e["path"] == "broken_math.py") broken_unparsed = e.value("reason", "") == ccscan::rules::k_text_only_reason;
    }
    CHECK(broken_unparsed);
    fs::remove_all(dir);
}
