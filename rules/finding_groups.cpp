#include "rules/finding_groups.h"

#include <algorithm>
#include <map>

namespace ccscan::rules {

bool parse_group_by(std::string_view text, GroupBy& out) {
    if (text == "node") {
        out = GroupBy::node;
        return true;
    }
    if (text == "cause") {
        out = GroupBy::cause;
        return true;
    }
    if (text == "flow") {
        out = GroupBy::flow;
        return true;
    }
    return false;
}

void FindingGroups::add(std::string key, std::size_t rank, Finding finding) {
    std::size_t order = m_members.size();
    m_members.push_back({std::move(key), rank, order, std::move(finding)});
}

namespace {

std::string more_text(std::size_t n) {
    return " (and " + std::to_string(n) + " more " + (n == 1 ? "place" : "places") + " with the same cause, listed as related locations)";
}

}  // namespace

void FindingGroups::flush(std::vector<Finding>& out) {
    std::map<std::string, std::vector<Member*>> by_key;
    std::vector<std::string> key_order;
    for (Member& m : m_members) {
        auto& list = by_key[m.key];
        if (list.empty()) key_order.push_back(m.key);
        list.push_back(&m);
    }
    for (const std::string& key : key_order) {
        std::vector<Member*>& list = by_key[key];
        std::sort(list.begin(), list.end(), [](const Member* a, const Member* b) {
            if (a->rank != b->rank) return a->rank < b->rank;
            if (a->finding.location != b->finding.location) return a->finding.location < b->finding.location;
            return a->order < b->order;
        });
        Finding primary = std::move(list.front()->finding);
        std::vector<Location> others;
        for (std::size_t i = 1; i < list.size(); ++i) {
            const Finding& f = list[i]->finding;
            if (f.location != primary.location) others.push_back(f.location);
            for (const Location& l : f.related) others.push_back(l);
        }
        std::sort(others.begin(), others.end());
        others.erase(std::unique(others.begin(), others.end()), others.end());
        for (const Location& l : others) {
            if (l == primary.location || std::find(primary.related.begin(), primary.related.end(), l) != primary.related.end()) continue;
            primary.related.push_back(l);
        }
        // The count in the message is of flagged nodes (a taint source among the related
        // locations is not one of them).
        std::size_t members = 0;
        std::vector<Location> seen{primary.location};
        for (std::size_t i = 1; i < list.size(); ++i) {
            const Location& l = list[i]->finding.location;
            if (std::find(seen.begin(), seen.end(), l) != seen.end()) continue;
            seen.push_back(l);
            ++members;
        }
        if (members > 0) primary.message += more_text(members);
        out.push_back(std::move(primary));
    }
    m_members.clear();
}

}  // namespace ccscan::rules
