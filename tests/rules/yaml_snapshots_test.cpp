// The built-in packs, frameworks and detector catalogue are embedded as snapshots, and reading a
// file through its snapshot gives the same Document as parsing it; an edited file is parsed.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "analyzers/yaml_parser.h"
#include "rules/yaml_snapshots.h"
#include "tests/read_file.h"

using namespace ccscan;

namespace {

using ccscan::test::read_file;

bool same(const analyzers::Node& a, const analyzers::Node& b) {
    if (a.kind != b.kind || a.scalar_type != b.scalar_type || a.key != b.key || a.value != b.value || a.tag != b.tag ||
        a.span != b.span || a.key_span != b.key_span || a.children.size() != b.children.size())
        return false;
    for (std::size_t i = 0; i < a.children.size(); ++i) {
        if (!same(a.children[i], b.children[i])) return false;
    }
    return true;
}

}  // namespace

TEST_CASE("yaml snapshots: every built-in rules file reads the same through its snapshot", "[snapshot]") {
    namespace fs = std::filesystem;
    const fs::path rules = fs::path(CCSCAN_SOURCE_DIR) / "rules";
    std::vector<fs::path> files{rules / "data" / "detectors.yaml"};
    for (const auto& e : fs::recursive_directory_iterator(rules / "packs")) {
        if (e.path().extension() == ".yaml") files.push_back(e.path());
    }
    for (const auto& e : fs::directory_iterator(rules / "frameworks")) files.push_back(e.path());
    REQUIRE(files.size() > 10);
    // Every file was snapshotted at build time; fuzz builds embed none (CMakeLists.txt).
    CHECK(rules::builtin_snapshot_count() == (CCSCAN_FUZZ_BUILD ? std::size_t{0} : files.size()));
    for (const fs::path& f : files) {
        INFO(f.string());
        const std::string text = read_file(f);
        auto parsed = analyzers::parse_yaml(text, f.string(), analyzers::ParseLimits{});
        auto snapped = rules::parse_rules_yaml(text, f.string());
        REQUIRE(parsed.ok());
        REQUIRE(snapped.ok());
        CHECK(same(parsed->root, snapped->root));
        CHECK(parsed->multi_document == snapped->multi_document);
    }
}

TEST_CASE("yaml snapshots: an edited file is parsed, errors keep their position", "[snapshot]") {
    const std::string text = read_file(std::filesystem::path(CCSCAN_SOURCE_DIR) / "rules/packs/pci-dss/pack.yaml") + "\nbroken: [\n";
    auto doc = rules::parse_rules_yaml(text, "pack.yaml");
    REQUIRE_FALSE(doc.ok());
    CHECK(doc.error().to_string().find("pack.yaml:") == 0);
}
