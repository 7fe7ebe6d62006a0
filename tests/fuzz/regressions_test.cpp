// Inputs the libFuzzer harnesses (fuzz/) found, minimized, each fed through the harness's entry
// point: every one must end with a Diagnostic (or a clean result), never a crash, a hang or a
// sanitizer report. docs/fuzzing.md lists the runs that found them.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "analyzers/format_registry.h"
#include "analyzers/yaml_parser.h"
#include "cli/app.h"
#include "cli/command.h"
#include "cli/config.h"
#include "rules/pack_loader.h"
#include "tests/scratch.h"

using namespace ccscan;
using namespace ccscan::analyzers;

namespace {

// The fuzz harnesses' path: `analyze` as a format, no code syntax trees.
ParsedFile analyze_text(std::string_view format, const std::string& path, std::string_view bytes) {
    InputFile file;
    file.path = path;
    file.bytes = std::string(bytes);
    AnalyzeOptions options;
    options.want_syntax = false;
    return analyze(file, format, options);
}

// Writes `text` to a scratch file named `name` (the pack and config harnesses load from disk).
std::string write_scratch(const std::string& name, std::string_view text) {
    auto dir = test::scratch_path("ccscan-fuzz-regressions");
    std::filesystem::create_directories(dir);
    auto path = dir / name;
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
}

int run_cli(std::vector<std::string> args, std::string& err_text) {
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    std::ostringstream out, err;
    int code = cli::run_app(static_cast<int>(argv.size()), argv.data(), out, err);
    err_text = err.str();
    return code;
}

}  // namespace

TEST_CASE("fuzz regression: yaml stray ',' outside a flow collection stops with a diagnostic", "[fuzz][yaml]") {
    // yaml-cpp 0.7 reported an empty document at the ',' forever (a hang that grew memory).
    for (std::string_view text : {std::string_view(",\n"), std::string_view(" ,"), std::string_view("a\n---\n,\n"),
                                  std::string_view("%YAML 1.2\n,--\n? cow: {a: [!!int  d: value\"&a pty:\n")}) {
        auto r = parse_yaml(text, "stray.yaml", {});
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == "parse-error");
        CHECK(r.error().message.find("unexpected ','") != std::string::npos);
        CHECK(r.error().span.start.line >= 1);
    }
    // The same through `analyze`, as a scanned Genesys Archy flow: a failed file, not a hang.
    ParsedFile parsed = analyze_text("genesys-archy", "flows/inbound.yaml", "inboundCall:\n  name: x\n---\n,\n");
    REQUIRE(parsed.failure);
    CHECK(parsed.failure->path == "flows/inbound.yaml");
    CHECK(parsed.failure->span.start == Position{4, 1});
}

TEST_CASE("fuzz regression: yaml merged members do not end a mapping before it starts", "[fuzz][yaml]") {
    // The mapping's end was taken from its last child, which after `<<: *b` was a member copied
    // from the anchor on line 1: a span ending before it starts.
    auto r = parse_yaml("base: &b {x: 1}\nchild:\n  y: 2\n  <<: *b\n", "merge.yaml", {});
    REQUIRE(r.ok());
    const Node* child = r->root.find("child");
    REQUIRE(child);
    CHECK(child->find("x"));
    CHECK(child->span.start == Position{3, 3});
    CHECK_FALSE(child->span.end < child->span.start);
    CHECK(child->span.end.line == 4);
}

TEST_CASE("fuzz regression: yaml empty entry at the end of the input keeps the sequence span ordered", "[fuzz][yaml]") {
    // yaml-cpp marks the trailing null at 2:1, before the sequence's start at 2:3.
    ParsedFile parsed = analyze_text("yaml", "sip.yaml", "endpoints:\n  -");
    REQUIRE(parsed.document);
    const Node* endpoints = parsed.document->root.find("endpoints");
    REQUIRE(endpoints);
    CHECK(endpoints->kind == NodeKind::array);
    CHECK(endpoints->span.start == Position{2, 3});
    CHECK_FALSE(endpoints->span.end < endpoints->span.start);
}

TEST_CASE("fuzz regression: yaml with a NUL byte keeps every span ordered", "[fuzz][yaml]") {
    // yaml-cpp's marks and ccscan's line index disagreed after a NUL byte: the root ended before
    // it started.
    ParsedFile parsed = analyze_text("yaml", "nul.yaml", std::string_view("\0\n-,", 4));
    if (parsed.document) {
        const Node& root = parsed.document->root;
        CHECK_FALSE(root.span.end < root.span.start);
        for (const Node& child : root.children) CHECK_FALSE(child.span.end < child.span.start);
    } else {
        CHECK(parsed.failure->code == "parse-error");
    }
}

TEST_CASE("fuzz regression: numbers out of range in .ccscan.yaml are diagnostics", "[fuzz][config]") {
    // Converting 1e99 to an integer (max-file-size, jobs) was undefined behaviour.
    struct Case {
        std::string text;
        std::string expect;
    };
    for (const Case& c : std::vector<Case>{{"max-file-size: 1e99\n", "'max-file-size' must be a whole number"},
                                           {"jobs: -1\n", "'jobs' must be a whole number from 0 to 4096"},
                                           {"jobs: 2.5\n", "'jobs' must be a whole number"},
                                           {"file-timeout: 1e999\n", "'file-timeout' must be a number from 0 to 1000000"},
                                           {"file-timeout: -0.5\n", "'file-timeout' must be a number from 0 to 1000000"},
                                           {"file-timeout: 1e99\n", "'file-timeout' must be a number from 0"}}) {
        auto cfg = cli::load_config(write_scratch("numbers.ccscan.yaml", c.text));
        REQUIRE_FALSE(cfg.ok());
        CHECK(cfg.error().message.find(c.expect) != std::string::npos);
        CHECK(cfg.error().span.start == Position{1, 1});
    }
    auto ok = cli::load_config(write_scratch("numbers.ccscan.yaml", "jobs: 4\nmax-file-size: 1048576\nfile-timeout: 2.5\n"));
    REQUIRE(ok.ok());
    CHECK(*ok->jobs == 4u);
    CHECK(*ok->max_file_size == 1048576u);
}

TEST_CASE("fuzz regression: rule test count and lines out of range are diagnostics", "[fuzz][pack]") {
    const std::string head =
        "pack: {id: p, name: P, version: 1.0.0}\n"
        "rules:\n"
        "  - id: CCS-P-001\n"
        "    title: t\n"
        "    severity: low\n"
        "    controls: [pci-dss:10.2.1]\n"
        "    description: d\n"
        "    remediation: r\n"
        "    message: m\n"
        "    applies_to: {formats: [yaml]}\n"
        "    match:\n"
        "      config: {select: \"a\", where: {path: b, equals: \"c\"}}\n"
        "    tests:\n";
    auto count = rules::load_pack(write_scratch("count.yaml", head + "      - {expect: match, filename: a.yaml, content: x, count: 1e99}\n"));
    REQUIRE_FALSE(count.ok());
    CHECK(count.error().message.find("'count' must be a whole number") != std::string::npos);
    auto lines = rules::load_pack(write_scratch("lines.yaml", head + "      - {expect: match, filename: a.yaml, content: x, lines: [99999999999]}\n"));
    REQUIRE_FALSE(lines.ok());
    CHECK(lines.error().message.find("'lines' must list line numbers") != std::string::npos);
}

TEST_CASE("fuzz regression: --file-timeout out of range is a usage error", "[fuzz][cli]") {
    // 1e99 seconds * 1000 converted to milliseconds overflowed.
    std::string err;
    CHECK(run_cli({"ccscan", "scan", ".", "--file-timeout", "1e99"}, err) == cli::k_exit_usage);
    CHECK(err.find("--file-timeout") != std::string::npos);
}
