// Sharded scans (docs/sharding.md): `ccscan scan --shard K/N` reports the part of the tree whose
// paths hash to shard K, and `ccscan report --merge` joins N such reports into the report one
// run would have written. A file belongs to shard (SHA-256(path) mod N) + 1, the path being the
// one relative to the scan root as discovery names it (before digit-run masking).
#pragma once

#include <string>
#include <string_view>

#include "analyzers/diagnostic.h"

namespace ccscan::rules {

struct ShardSpec {
    int index = 1;  // K, 1-based
    int count = 1;  // N

    bool owns(std::string_view path) const;
};

// The shard a path belongs to, 1..count.
int shard_of(std::string_view path, int count);

// "K/N" with 1 <= K <= N; the error says what is wrong.
analyzers::Result<ShardSpec> parse_shard(std::string_view text);

}  // namespace ccscan::rules
