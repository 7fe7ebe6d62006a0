// GraphBuilder: the small toolkit every flow adapter uses to turn a platform's structure into a
// FlowGraph: nodes added by platform id, edges declared by id before the target exists and
// resolved at the end (a dangling target becomes a note, never a failure), plus helpers for
// reading Documents (text of a subtree, variable references, URLs).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/document.h"
#include "analyzers/flow_graph.h"
#include "analyzers/text.h"

namespace ccscan::analyzers::flow {

class GraphBuilder {
public:
    GraphBuilder(std::string path, std::string platform, std::string name);

    // Adds a node; a later node with the same id gets a "#2" suffix (and a note).
    std::uint32_t add(FlowNode node);
    // Adds the graph's entry node (kind entry) and makes it the entry.
    std::uint32_t add_entry(std::string id, std::string platform_type, std::string label, const Span& span);
    // Edge between known indices.
    void edge(std::uint32_t from, std::uint32_t to, std::string condition = {});
    // Edge to a node id that may be declared later; resolved by finish().
    void edge_to(std::uint32_t from, std::string to_id, std::string condition = {});
    void set_entry(std::uint32_t index) { m_graph.entry = index; }
    void set_entry_id(std::string id) { m_entry_id = std::move(id); }
    void note(const Span& at, std::string message);
    bool has(std::string_view id) const { return m_ids.count(std::string(id)) != 0; }
    std::uint32_t index_of(std::string_view id) const;
    FlowNode& node(std::uint32_t index) { return m_graph.nodes[index]; }
    std::size_t size() const { return m_graph.nodes.size(); }
    // Resolves pending edges, drops duplicates, moves the notes into `notes` too.
    FlowGraph finish(std::vector<Diagnostic>& notes);

private:
    struct Pending {
        std::uint32_t from;
        std::string to;
        std::string condition;
    };
    FlowGraph m_graph;
    std::map<std::string, std::uint32_t> m_ids;
    std::vector<Pending> m_pending;
    std::string m_entry_id;
};

// Flow name from a file path: the file stem ("flows/Pay by card.json" -> "Pay by card").
std::string flow_name_from_path(const std::string& path);
// All scalar text under `node` (values of scalars, attributes and elements), space separated.
std::string subtree_text(const Node& node);
// Every scalar in the subtree, depth first, with its node (for URL and reference scans).
void for_each_scalar(const Node& node, const std::function<void(const Node&)>& fn);
// Short label: analyzers::shorten_masked (digit runs masked first, then cut at a word).
std::string short_text(std::string_view text, std::size_t max = 60);
// "true"/"yes"/"1"/"enabled" (any case).
bool truthy(std::string_view text);
// First http(s)/ws(s)/sip/agi URL in `text`, or empty.
std::string find_url(std::string_view text);
// Last segment of an ARN or path ("arn:...:contact-flow/abc" -> "abc").
std::string tail_segment(std::string_view text);
// Decimal integer at the start of `text`, or 0 (never throws).
int parse_int(std::string_view text);
// A digit count as adapters read it (max_digits): the integer `text` starts with, no leading
// space, or 0.
int digit_count(std::string_view text);
// Adds `value` to `list` when absent.
void add_unique(std::vector<std::string>& list, std::string value);

}  // namespace ccscan::analyzers::flow
