// One root cause, one finding. A flow rule reports candidates, each with the key of its root
// cause (for "no notice before collection": the entry of the path; for "recording on while card
// data is keyed in": the node that turned recording on; for a taint rule grouped by cause: the
// source). Candidates with the same key become one finding: the one nearest its cause (shortest
// counterexample path, then source order) is primary, the others are its related locations and
// the message says how many more places share the cause. A flow rule's `group_by`
// (docs/flow-rules.md) chooses the key; code taint groups the hits of one source in one file.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "rules/finding.h"

namespace ccscan::rules {

enum class GroupBy { node, cause, flow };
bool parse_group_by(std::string_view text, GroupBy& out);

class FindingGroups {
public:
    // `key` names the root cause; `rank` orders members (lower is nearer the cause).
    void add(std::string key, std::size_t rank, Finding finding);
    // Moves one finding per key into `out`, in the order keys were first added.
    void flush(std::vector<Finding>& out);

private:
    struct Member {
        std::string key;
        std::size_t rank = 0;
        std::size_t order = 0;
        Finding finding;
    };
    std::vector<Member> m_members;
};

}  // namespace ccscan::rules
