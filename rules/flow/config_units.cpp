#include "rules/flow/config_units.h"

#include <algorithm>
#include <map>
#include <numeric>

#include "analyzers/glob.h"

namespace ccscan::rules::flow {

namespace {

std::vector<std::string> segments(std::string_view path) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : path) {
        if (c == '/' || c == '\\') {
            if (!cur.empty()) out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) out.push_back(cur);
    // A variable segment ($${conf_dir}, ${base_dir}) is a prefix the scan cannot know.
    std::erase_if(out, [](const std::string& s) { return s.find("${") != std::string::npos || s == "." || s == ".."; });
    return out;
}

std::string join_tail(const std::vector<std::string>& segs, std::size_t k) {
    std::string out;
    for (std::size_t i = segs.size() - k; i < segs.size(); ++i) out += (out.empty() ? "" : "/") + segs[i];
    return out;
}

struct UnionFind {
    std::vector<std::uint32_t> parent;
    explicit UnionFind(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0u); }
    std::uint32_t find(std::uint32_t x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    }
    void join(std::uint32_t a, std::uint32_t b) {
        a = find(a);
        b = find(b);
        if (a != b) parent[std::max(a, b)] = std::min(a, b);
    }
};


}  // namespace

std::size_t common_dirs(std::string_view a, std::string_view b) {
    std::size_t n = 0, last = 0;
    while (n < a.size() && n < b.size() && a[n] == b[n]) {
        if (a[n] == '/') last = n + 1;
        ++n;
    }
    return last;
}

std::vector<std::string> resolve_include(std::string_view include, std::string_view from, const std::vector<std::string>& paths) {
    // Relative to the including file first (FreeSWITCH; Asterisk's config dir is usually the
    // folder of extensions.conf too).
    std::size_t slash = from.find_last_of('/');
    std::string dir = slash == std::string_view::npos ? std::string() : std::string(from.substr(0, slash + 1));
    if (!include.empty() && include.front() != '/' && include.find("${") == std::string_view::npos) {
        std::string pattern = "/" + dir + std::string(include);  // a leading '/' anchors at the scan root
        std::vector<std::string> out;
        for (const std::string& p : paths) {
            if (analyzers::glob_match(pattern, p)) out.push_back(p);
        }
        if (!out.empty()) return out;
    }
    std::vector<std::string> segs = segments(include);
    for (std::size_t k = segs.size(); k > 0; --k) {
        std::string tail = join_tail(segs, k);
        // A pattern with a '/' is anchored at the scan root: "**/" lets it end anywhere.
        std::string pattern = k > 1 ? "**/" + tail : tail;
        std::vector<std::string> out;
        for (const std::string& p : paths) {
            if (analyzers::glob_match(pattern, p) || (k > 1 && analyzers::glob_match(tail, p))) out.push_back(p);
        }
        if (out.empty()) continue;
        // Of equally good matches, the ones nearest the including file (same server folder).
        std::size_t best = 0;
        for (const std::string& p : out) best = std::max(best, common_dirs(p, from));
        std::erase_if(out, [&](const std::string& p) { return common_dirs(p, from) < best; });
        return out;
    }
    return {};
}

std::vector<std::uint32_t> config_units(const std::vector<const analyzers::FlowGraph*>& graphs) {
    std::map<std::string, std::uint32_t> file_index;
    std::vector<std::string> files;
    std::vector<std::uint32_t> file_of(graphs.size());
    for (std::size_t g = 0; g < graphs.size(); ++g) {
        auto [it, added] = file_index.emplace(graphs[g]->path, static_cast<std::uint32_t>(files.size()));
        if (added) files.push_back(graphs[g]->path);
        file_of[g] = it->second;
    }
    UnionFind uf(files.size());
    for (std::size_t g = 0; g < graphs.size(); ++g) {
        for (const std::string& inc : graphs[g]->includes) {
            for (const std::string& target : resolve_include(inc, graphs[g]->path, files)) uf.join(file_of[g], file_index[target]);
        }
    }
    std::map<std::uint32_t, std::uint32_t> dense;
    std::vector<std::uint32_t> out(graphs.size());
    for (std::size_t g = 0; g < graphs.size(); ++g) {
        std::uint32_t root = uf.find(file_of[g]);
        auto it = dense.emplace(root, static_cast<std::uint32_t>(dense.size())).first;
        out[g] = it->second;
    }
    return out;
}

}  // namespace ccscan::rules::flow
