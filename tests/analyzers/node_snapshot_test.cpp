// Document snapshots: a round trip gives the same tree (kinds, values, tags, spans), and
// truncated or corrupted snapshots fail instead of yielding a partial tree.
#include <catch2/catch.hpp>

#include "analyzers/node_snapshot.h"
#include "analyzers/yaml_parser.h"

using namespace ccscan::analyzers;

namespace {

void require_same(const Node& a, const Node& b) {
    REQUIRE(a.kind == b.kind);
    REQUIRE(a.scalar_type == b.scalar_type);
    REQUIRE(a.key == b.key);
    REQUIRE(a.value == b.value);
    REQUIRE(a.tag == b.tag);
    REQUIRE(a.span == b.span);
    REQUIRE(a.key_span == b.key_span);
    REQUIRE(a.children.size() == b.children.size());
    for (std::size_t i = 0; i < a.children.size(); ++i) require_same(a.children[i], b.children[i]);
}

const char* k_yaml = "pack: {id: x, name: \"Ünïcode\"}\nrules:\n  - id: A-1\n    tags: [a, b]\n    n: 12\n    t: !tag true\n"
                     "    text: |\n      two\n      lines\n  - ~\n";

}  // namespace

TEST_CASE("node snapshot: round trip keeps every field and span", "[snapshot]") {
    auto doc = parse_yaml(k_yaml, "p.yaml", ParseLimits{});
    REQUIRE(doc.ok());
    doc->format = "yaml";
    std::string snap;
    write_snapshot(*doc, snap);
    auto back = read_snapshot(snap);
    REQUIRE(back.ok());
    CHECK(back->format == "yaml");
    CHECK(back->multi_document == doc->multi_document);
    require_same(doc->root, back->root);
}

TEST_CASE("node snapshot: truncated or corrupted input fails", "[snapshot]") {
    auto doc = parse_yaml(k_yaml, "p.yaml", ParseLimits{});
    REQUIRE(doc.ok());
    std::string snap;
    write_snapshot(*doc, snap);
    for (std::size_t n = 0; n < snap.size(); n += 7) CHECK_FALSE(read_snapshot(std::string_view(snap).substr(0, n)).ok());
    CHECK_FALSE(read_snapshot(snap + "x").ok());
    std::string bad = snap;
    bad[bad.size() / 2] = '\xff';
    bad[bad.size() / 2 + 1] = '\xff';
    auto r = read_snapshot(bad);  // may still parse (a changed string byte), never crashes
    (void)r;
}

TEST_CASE("node snapshot: a set finds entries by hash and ignores malformed blobs", "[snapshot]") {
    auto doc = parse_yaml(k_yaml, "p.yaml", ParseLimits{});
    REQUIRE(doc.ok());
    std::string blob;
    const std::string hash(64, 'a');
    SnapshotSet::append_entry(blob, hash, *doc);
    SnapshotSet set = SnapshotSet::from_blob(blob);
    REQUIRE(set.find(hash));
    CHECK_FALSE(set.find(std::string(64, 'b')));
    auto back = read_snapshot(*set.find(hash));
    REQUIRE(back.ok());
    require_same(doc->root, back->root);
    CHECK(SnapshotSet::from_blob(blob.substr(0, blob.size() - 3)).entries().empty());
    CHECK(SnapshotSet::from_blob("not a snapshot").entries().empty());
}
