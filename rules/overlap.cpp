#include "rules/overlap.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace ccscan::rules {

namespace {

bool has_tag(const Rule& r, const char* tag) { return std::find(r.tags.begin(), r.tags.end(), tag) != r.tags.end(); }

}  // namespace

void drop_generic_duplicates(const std::vector<const Rule*>& rules, std::vector<Finding>& findings) {
    std::map<std::string, const Rule*> by_id;
    for (const Rule* r : rules) by_id[r->id] = r;
    auto kind = [&](const Finding& f) {
        auto it = by_id.find(f.rule_id);
        if (it == by_id.end() || !has_tag(*it->second, "credentials")) return 0;
        return it->second->matcher_kind == "content" ? 1 : 2;  // 1: generic detector, 2: specific rule
    };
    std::set<std::tuple<std::string, std::uint32_t>> specific;
    for (const Finding& f : findings) {
        if (kind(f) == 2) specific.insert({f.location.path, f.location.span.start.line});
    }
    if (specific.empty()) return;
    std::erase_if(findings, [&](const Finding& f) {
        return kind(f) == 1 && specific.count({f.location.path, f.location.span.start.line});
    });
}

}  // namespace ccscan::rules
