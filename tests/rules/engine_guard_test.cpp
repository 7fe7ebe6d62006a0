// One file can never end the scan: an exception from a file's reader or from a matcher fails
// that file with an `internal` diagnostic and the other files are still scanned.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "rules/engine.h"

namespace ccscan::rules {
namespace {

// Throws on files whose path contains "boom"; elsewhere finds one thing per file.
class ThrowingMatcher : public Matcher {
public:
    void match_file(const Rule&, const FileContext& ctx, std::vector<Finding>& out) const override {
        Finding f;
        f.location = {ctx.file.path, {{1, 1}, {1, 2}}};
        f.message = "half-built finding 4012 8888 8888 1881";
        out.push_back(f);
        if (ctx.file.path.find("boom") != std::string::npos) throw std::runtime_error("matcher exploded");
    }
};

class ThrowingScanMatcher : public Matcher {
public:
    bool per_file() const override { return false; }
    void match_scan(const Rule&, const ScanContext&, std::vector<Finding>&) const override { throw std::logic_error("scan pass exploded"); }
};

FileSource text_file(std::string path, std::string bytes) {
    FileSource s;
    s.path = std::move(path);
    s.size = bytes.size();
    s.load = [bytes] { return Result<std::string>(bytes); };
    return s;
}

const InventoryEntry* entry(const ScanResult& r, std::string_view path) {
    for (const InventoryEntry& e : r.inventory) {
        if (e.path == path) return &e;
    }
    return nullptr;
}

}  // namespace

TEST_CASE("an exception in a matcher fails only that file", "[engine][guard]") {
    Rule rule;
    rule.id = "T-001";
    rule.title = "test rule";
    rule.matcher = std::make_shared<ThrowingMatcher>();
    std::vector<FileSource> files = {text_file("a.txt", "alpha\n"), text_file("boom.txt", "beta\n"), text_file("c.txt", "gamma\n")};
    ScanOptions opt;
    opt.jobs = 2;
    ScanResult r = run_scan({&rule}, files, opt);
    REQUIRE(r.inventory.size() == 3);
    REQUIRE(entry(r, "a.txt")->status == FileStatus::scanned);
    REQUIRE(entry(r, "c.txt")->status == FileStatus::scanned);
    const InventoryEntry* boom = entry(r, "boom.txt");
    REQUIRE(boom->status == FileStatus::failed);
    REQUIRE(boom->reason.find("matcher exploded") != std::string::npos);
    REQUIRE(boom->reason.find("T-001") != std::string::npos);
    // The other files' findings are kept; the throwing rule's half-built finding is not.
    REQUIRE(r.findings.size() == 2);
    for (const Finding& f : r.findings) REQUIRE(f.location.path != "boom.txt");
    bool internal = false;
    for (const auto& d : r.diagnostics) internal = internal || (d.code == "internal" && d.path == "boom.txt");
    REQUIRE(internal);
}

TEST_CASE("an exception while reading a file fails only that file", "[engine][guard]") {
    Rule rule;
    rule.id = "T-002";
    rule.matcher = std::make_shared<ThrowingMatcher>();
    FileSource bad = text_file("bad.txt", "");
    bad.load = []() -> Result<std::string> { throw std::runtime_error("reader exploded"); };
    ScanResult r = run_scan({&rule}, {text_file("a.txt", "alpha\n"), bad}, ScanOptions{});
    REQUIRE(entry(r, "a.txt")->status == FileStatus::scanned);
    REQUIRE(entry(r, "bad.txt")->status == FileStatus::failed);
    REQUIRE(entry(r, "bad.txt")->reason.find("reader exploded") != std::string::npos);
}

TEST_CASE("an exception in a whole-scan matcher becomes a diagnostic", "[engine][guard]") {
    Rule per_file, whole;
    per_file.id = "T-003";
    per_file.matcher = std::make_shared<ThrowingMatcher>();
    whole.id = "T-004";
    whole.matcher = std::make_shared<ThrowingScanMatcher>();
    ScanResult r = run_scan({&per_file, &whole}, {text_file("a.txt", "alpha\n")}, ScanOptions{});
    REQUIRE(r.findings.size() == 1);
    bool internal = false;
    for (const auto& d : r.diagnostics) internal = internal || (d.code == "internal" && d.message.find("T-004") != std::string::npos);
    REQUIRE(internal);
}

}  // namespace ccscan::rules
