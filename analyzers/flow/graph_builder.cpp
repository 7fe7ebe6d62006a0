#include "analyzers/flow/graph_builder.h"

#include <algorithm>
#include <charconv>
#include <functional>
#include <set>
#include <tuple>

#include "analyzers/flow/label.h"
#include "analyzers/text_mask.h"

namespace ccscan::analyzers::flow {

GraphBuilder::GraphBuilder(std::string path, std::string platform, std::string name) {
    m_graph.path = std::move(path);
    m_graph.platform = std::move(platform);
    m_graph.name = std::move(name);
}

std::uint32_t GraphBuilder::add(FlowNode node) {
    auto index = static_cast<std::uint32_t>(m_graph.nodes.size());
    if (m_ids.count(node.id)) {
        note(node.span, "duplicate identifier '" + node.id + "'; the later node is renamed");
        node.id += "#" + std::to_string(index);
    }
    m_ids[node.id] = index;
    node.label = mask_digit_runs(node.label);  // labels end up in messages and graphs
    m_graph.nodes.push_back(std::move(node));
    return index;
}

std::uint32_t GraphBuilder::add_entry(std::string id, std::string platform_type, std::string label, const Span& span) {
    FlowNode n;
    n.id = std::move(id);
    n.kind = FlowKind::entry;
    n.platform_type = std::move(platform_type);
    n.label = std::move(label);
    n.span = span;
    std::uint32_t index = add(std::move(n));
    m_graph.entry = index;
    return index;
}

void GraphBuilder::edge(std::uint32_t from, std::uint32_t to, std::string condition) {
    m_graph.edges.push_back({from, to, std::move(condition)});
}

void GraphBuilder::edge_to(std::uint32_t from, std::string to_id, std::string condition) {
    m_pending.push_back({from, std::move(to_id), std::move(condition)});
}

void GraphBuilder::note(const Span& at, std::string message) {
    Diagnostic d;
    d.code = "flow-note";
    d.path = m_graph.path;
    d.span = at;
    d.level = DiagnosticLevel::note;
    d.message = std::move(message);
    m_graph.notes.push_back(std::move(d));
}

std::uint32_t GraphBuilder::index_of(std::string_view id) const {
    auto it = m_ids.find(std::string(id));
    return it == m_ids.end() ? UINT32_MAX : it->second;
}

FlowGraph GraphBuilder::finish(std::vector<Diagnostic>& notes) {
    for (Pending& p : m_pending) {
        std::uint32_t to = index_of(p.to);
        if (to == UINT32_MAX) {
            note(m_graph.nodes[p.from].span, "transition to unknown node '" + p.to + "' ignored");
            continue;
        }
        edge(p.from, to, std::move(p.condition));
    }
    m_pending.clear();
    if (!m_entry_id.empty()) {
        std::uint32_t e = index_of(m_entry_id);
        if (e == UINT32_MAX) {
            note({}, "start node '" + m_entry_id + "' not found; using the first node");
        } else {
            m_graph.entry = e;
        }
    }
    std::set<std::tuple<std::uint32_t, std::uint32_t, std::string>> seen;
    std::vector<FlowEdge> unique;
    for (FlowEdge& e : m_graph.edges) {
        if (seen.insert({e.from, e.to, e.condition}).second) unique.push_back(std::move(e));
    }
    m_graph.edges = std::move(unique);
    notes.insert(notes.end(), m_graph.notes.begin(), m_graph.notes.end());
    return std::move(m_graph);
}

std::string flow_name_from_path(const std::string& path) {
    std::size_t slash = path.find_last_of('/');
    std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
    std::size_t dot = base.find('.');
    return dot == std::string::npos || dot == 0 ? base : base.substr(0, dot);
}

void for_each_scalar(const Node& node, const std::function<void(const Node&)>& fn) {
    if (!node.is_container()) {
        fn(node);
        return;
    }
    if (node.kind == NodeKind::element && !node.value.empty()) fn(node);
    for (const Node& c : node.children) for_each_scalar(c, fn);
}

std::string subtree_text(const Node& node) {
    std::string out;
    for_each_scalar(node, [&](const Node& n) {
        if (n.value.empty()) return;
        if (!out.empty()) out += ' ';
        out += n.value;
    });
    return out;
}

std::string short_text(std::string_view text, std::size_t max) { return analyzers::shorten_masked(text, max); }

bool truthy(std::string_view text) {
    std::string l = lower(text);
    return l == "true" || l == "yes" || l == "1" || l == "enabled" || l == "enable" || l == "on";
}

std::string find_url(std::string_view text) {
    static const std::vector<std::string_view> k_schemes = {"https://", "http://", "wss://", "ws://", "sips:", "sip:", "agi://"};
    std::string l = lower(text);
    std::size_t best = std::string::npos;
    for (std::string_view s : k_schemes) {
        std::size_t p = l.find(s);
        // Word start only: "https://" must not also count as "http" inside something else.
        while (p != std::string::npos && p > 0 && std::isalnum(static_cast<unsigned char>(l[p - 1]))) p = l.find(s, p + 1);
        if (p < best) best = p;
    }
    if (best == std::string::npos) return {};
    std::size_t end = best;
    while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) && text[end] != '"' &&
           text[end] != '\'' && text[end] != '<' && text[end] != '>' && text[end] != ',' && text[end] != ')') {
        ++end;
    }
    return std::string(text.substr(best, end - best));
}

std::string tail_segment(std::string_view text) {
    std::size_t p = text.find_last_of("/:");
    return std::string(p == std::string_view::npos ? text : text.substr(p + 1));
}

int parse_int(std::string_view text) {
    int value = 0;
    std::size_t b = text.find_first_not_of(" \t");
    if (b == std::string_view::npos) return 0;
    auto res = std::from_chars(text.data() + b, text.data() + text.size(), value);
    return res.ec == std::errc() ? value : 0;
}

int digit_count(std::string_view text) {
    int value = 0;
    auto res = std::from_chars(text.data(), text.data() + text.size(), value);
    return res.ec == std::errc() ? value : 0;
}

void add_unique(std::vector<std::string>& list, std::string value) {
    if (value.empty()) return;
    if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(std::move(value));
}

}  // namespace ccscan::analyzers::flow
