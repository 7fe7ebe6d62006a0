#include "rules/yaml_snapshots.h"

#include "analyzers/hash.h"
#include "analyzers/node_snapshot.h"
#include "analyzers/yaml_parser.h"

namespace ccscan::embedded {
extern const char k_rules_snapshots[];
extern const std::size_t k_rules_snapshots_size;
}  // namespace ccscan::embedded

namespace ccscan::rules {

namespace {

const analyzers::SnapshotSet& snapshots() {
    static const analyzers::SnapshotSet k_set =
        analyzers::SnapshotSet::from_blob(std::string_view(embedded::k_rules_snapshots, embedded::k_rules_snapshots_size));
    return k_set;
}

}  // namespace

analyzers::Result<analyzers::Document> parse_rules_yaml(std::string_view bytes, const std::string& path, const std::string& sha256_hex) {
    const std::string hash = sha256_hex.empty() ? analyzers::sha256_hex(bytes) : sha256_hex;
    if (const std::string_view* snap = snapshots().find(hash)) {
        auto doc = analyzers::read_snapshot(*snap);
        if (doc.ok()) return doc;
    }
    return analyzers::parse_yaml(bytes, path, analyzers::ParseLimits{});
}

std::size_t builtin_snapshot_count() {
    std::size_t n = 0;
    for (const auto& [hash, snap] : snapshots().entries()) n += snap.empty() ? 0 : 1;
    return n;
}

}  // namespace ccscan::rules
