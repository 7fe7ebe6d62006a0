// The result cache's encoding round-trips every cached field exactly, refuses anything that is
// not a whole entry of its version, and flags outcomes holding text reports would mask; the
// cache folder treats missing, truncated and corrupt entries as misses.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sys/stat.h>

#include "rules/cache_codec.h"
#include "rules/cache_folder.h"
#include "tests/scratch.h"

using namespace ccscan;
using rules::FileOutcome;

namespace {

analyzers::Span span(std::uint32_t a, std::uint32_t b, std::uint32_t c, std::uint32_t d) { return {{a, b}, {c, d}}; }

FileOutcome sample() {
    FileOutcome o;
    o.entry = {"flows/pay.json", "amazon-connect-flow", rules::FileStatus::scanned, "content rules only: not parsed", "ab12", 123456789012ull, 2};
    rules::Finding f;
    f.rule_id = "CCS-FLOW-001";
    f.severity = rules::Severity::critical;
    f.message = "card number collected while recording";
    f.location = {"flows/pay.json", span(3, 1, 3, 40)};
    f.related = {{"flows/other.json", span(1, 2, 3, 4)}};
    f.path = {{{"flows/pay.json", span(5, 6, 7, 8)}, "GetParticipantInput 'Card'"}};
    f.controls = {"pci-dss:3.3.1", "gdpr:Art.32"};
    f.sensitivity = "pan";
    f.evidence = "411111******1111";
    f.fingerprint_key = "Actions[Identifier=x]";
    f.remediation = "Pause recording.";
    f.severity_delta = -1;
    f.format = "amazon-connect-flow";
    f.origin = analyzers::GitOrigin{"c0ffee", "A <a@example.com>", "2026-01-02T03:04:05Z"};
    f.suppression = {rules::SuppressionKind::inline_comment, "lab", "2027-01-01", "", {"flows/pay.json", span(2, 1, 2, 9)}};
    o.findings = {f, rules::Finding{}};
    analyzers::Diagnostic d = analyzers::make_diagnostic("code-syntax", "flows/pay.json", {4, 2}, "syntax error");
    d.level = analyzers::DiagnosticLevel::note;
    o.diagnostics = {d};
    analyzers::FlowGraph g;
    g.path = "flows/pay.json";
    g.platform = "amazon-connect-flow";
    g.name = "Pay";
    g.entry = 1;
    analyzers::FlowNode n;
    n.id = "n1";
    n.platform_type = "GetParticipantInput";
    n.kind = analyzers::FlowKind::collect_input;
    n.label = "Card";
    n.prompt_text = "Enter your card";
    n.actions.recording = analyzers::Recording::paused;
    n.actions.analytics = analyzers::Analytics::redacted;
    n.input.max_digits = 16;
    n.input.store = true;
    n.input.encrypted = false;
    n.input.sensitivity = analyzers::Sensitivity::pan;
    n.url = "https://pay.example.com/x";
    n.transfer = {"Other", "n2", true};
    n.message = analyzers::MessageChannel::sms;
    n.persist = analyzers::Persist::cdr;
    n.voicemail = true;
    n.transcribe = false;
    n.log = true;
    n.raw = {{"function", "arn:aws:lambda:fn"}, {"flow_type", "inbound"}};
    n.reads = {"$.Attributes.x"};
    n.writes = {"card"};
    n.span = span(9, 1, 12, 2);
    g.nodes = {n, analyzers::FlowNode{}};
    g.edges = {{0, 1, "dtmf:1"}, {1, 0, ""}};
    g.notes = {d};
    g.includes = {"extensions_common.conf"};
    o.flows = {g};
    o.handlers = {{"acme-pay", "src/pay_handler"}};
    o.applicable_rules = {"CCS-FLOW-001", "CCS-CONTENT-001"};
    o.suppressions = {{{"flows/pay.json", span(2, 1, 2, 9)}, {"*"}, "lab only", "2027-03-31", true}};
    return o;
}

}  // namespace

TEST_CASE("cache codec: decode(encode(o)) re-encodes to the same bytes and keeps every field", "[cache]") {
    const FileOutcome o = sample();
    rules::EncodedOutcome e = rules::encode_outcome(o);
    CHECK(e.clean);
    auto back = rules::decode_outcome(e.bytes);
    REQUIRE(back);
    CHECK(rules::encode_outcome(*back).bytes == e.bytes);
    CHECK(back->entry.size == 123456789012ull);
    CHECK(back->entry.reason == o.entry.reason);
    REQUIRE(back->findings.size() == 2);
    const rules::Finding& f = back->findings[0];
    CHECK(f.severity == rules::Severity::critical);
    CHECK(f.severity_delta == -1);
    CHECK(f.location == o.findings[0].location);
    CHECK(f.path[0].message == "GetParticipantInput 'Card'");
    CHECK(f.origin->author == "A <a@example.com>");
    CHECK(f.suppression.kind == rules::SuppressionKind::inline_comment);
    CHECK_FALSE(back->findings[1].origin);
    REQUIRE(back->flows.size() == 1);
    const analyzers::FlowNode& n = back->flows[0].nodes[0];
    CHECK(n.input.store == std::optional<bool>(true));
    CHECK(n.input.encrypted == std::optional<bool>(false));
    CHECK_FALSE(n.input.obfuscated);
    CHECK(n.actions.recording == analyzers::Recording::paused);
    CHECK(n.transfer.secure);
    CHECK(n.raw.at("function") == "arn:aws:lambda:fn");
    CHECK(back->flows[0].edges[0].condition == "dtmf:1");
    CHECK(back->diagnostics[0].level == analyzers::DiagnosticLevel::note);
    CHECK(back->suppressions[0].malformed_date);
    CHECK(back->handlers[0].module == "src/pay_handler");
}

TEST_CASE("cache codec: truncated, extended, corrupt or other-version bytes decode as nothing", "[cache]") {
    const std::string bytes = rules::encode_outcome(sample()).bytes;
    for (std::size_t n = 0; n < bytes.size(); n += 7) CHECK_FALSE(rules::decode_outcome(bytes.substr(0, n)));
    CHECK_FALSE(rules::decode_outcome(bytes + "x"));
    std::string other = bytes;
    other[4] = static_cast<char>(rules::k_cache_codec_version + 1);
    CHECK_FALSE(rules::decode_outcome(other));
    // Any byte flipped: a miss or some outcome, never a crash (the folder's checksum catches the rest).
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        std::string flipped = bytes;
        flipped[i] = static_cast<char>(flipped[i] ^ 0xff);
        (void)rules::decode_outcome(flipped);
    }
}

TEST_CASE("cache codec: an outcome holding a value reports would mask is not clean", "[cache]") {
    FileOutcome o = sample();
    o.flows[0].nodes[0].raw["secret"] = "4111111111111111";
    CHECK_FALSE(rules::encode_outcome(o).clean);
    FileOutcome p = sample();
    p.diagnostics[0].message = "bad value 123456789012";
    CHECK_FALSE(rules::encode_outcome(p).clean);
}

TEST_CASE("cache codec: a login in a URL, a dial string or a parameter's assignment is not clean", "[cache]") {
    CHECK(rules::encode_outcome(sample()).clean);
    for (const std::string& value : {std::string("http://svc:tok3nValue@10.0.0.5/hook"), std::string("IAX2/trunk:s3cretpass@peer/100"),
                                     std::string("curl -u admin:hunter2@ https://pay.example.test")}) {
        INFO(value);
        FileOutcome o = sample();
        o.flows[0].nodes[0].raw["command"] = value;
        CHECK_FALSE(rules::encode_outcome(o).clean);
    }
    FileOutcome o = sample();
    o.flows[0].nodes[0].raw["password"] = "q8Zr2LmX9vKpT4wN";  // a secret only as `password="..."`
    CHECK_FALSE(rules::encode_outcome(o).clean);
}

TEST_CASE("cache folder: entries round-trip; missing, truncated and corrupt ones are misses", "[cache]") {
    const auto dir = ccscan::test::scratch_path("ccscan-cache-folder");
    std::filesystem::remove_all(dir);
    rules::CacheFolder folder((dir / "c").string());
    REQUIRE_FALSE(folder.prepare());
    struct stat st{};
    REQUIRE(::stat(folder.dir().c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0700);
    const std::string key = "3fa9e0";
    CHECK_FALSE(folder.read(key));
    REQUIRE(folder.write(key, "payload bytes"));
    CHECK(folder.read(key) == std::optional<std::string>("payload bytes"));
    const auto entry = dir / "c" / "3f" / key;
    REQUIRE(::stat(entry.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    std::filesystem::resize_file(entry, 14);
    CHECK_FALSE(folder.read(key));
    REQUIRE(folder.write(key, "payload bytes"));
    {
        std::fstream f(entry, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(-1, std::ios::end);
        f.put('X');
    }
    CHECK_FALSE(folder.read(key));
    REQUIRE(folder.write("aa01", "one"));
    REQUIRE(folder.write("ab02", "two"));
    folder.record({3, 1, 2});
    folder.record({1, 0, 0});
    rules::CacheFolderStats s = folder.stats();
    CHECK(s.entries == 3);
    CHECK(s.total.hits == 4);
    CHECK(s.last.hits == 1);
    CHECK(folder.prune(std::nullopt, std::uint64_t{0}) == 3);
    CHECK(folder.stats().entries == 0);
    REQUIRE(folder.write("aa01", "one"));
    std::ofstream(dir / "c" / "keep.txt") << "not ours";
    CHECK(folder.clear() == 1);
    CHECK(std::filesystem::exists(dir / "c" / "keep.txt"));
    CHECK(folder.stats().total.hits == 0);
    std::filesystem::remove_all(dir);
}
