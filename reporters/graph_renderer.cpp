#include "reporters/graph_renderer.h"

#include "analyzers/text_mask.h"

#include <memory>

#include <nlohmann/json.hpp>

#include "reporters/escape.h"
#include "rules/content/text_redactor.h"
#include "rules/flow/flow_analysis.h"

namespace ccscan::reporters {

namespace {

using analyzers::FlowGraph;
using analyzers::FlowNode;
using rules::flow::NodeRef;
using rules::flow::ScanGraphs;
using rules::flow::StateReach;
using rules::flow::StateVar;

// Possible values of every built-in state variable on entry to each node.
struct States {
    std::vector<std::pair<StateVar, std::unique_ptr<StateReach>>> reach;

    States(const ScanGraphs& graphs, const rules::Policy& policy) {
        rules::flow::PromptPatterns pats{policy.list("notice_prompts"), policy.list("consent_prompts")};
        for (std::size_t v = 0; v + 1 < rules::flow::k_state_vars; ++v) {
            auto var = static_cast<StateVar>(v);
            reach.emplace_back(var, std::make_unique<StateReach>(graphs, rules::flow::builtin_effect(var, pats)));
        }
    }

    // "recording": ["off", "on"] for each variable that is reachable.
    nlohmann::ordered_json at(NodeRef r) const {
        nlohmann::ordered_json out = nlohmann::ordered_json::object();
        for (const auto& [var, sr] : reach) {
            std::uint8_t mask = sr->values_at(r);
            if (!mask) continue;
            nlohmann::ordered_json vals = nlohmann::ordered_json::array();
            const auto& names = rules::flow::state_values(var);
            for (std::size_t i = 0; i < names.size(); ++i) {
                if (mask & (1u << i)) vals.push_back(std::string(names[i]));
            }
            out[std::string(rules::flow::to_string(var))] = vals;
        }
        return out;
    }

    std::string summary(NodeRef r) const {
        std::string s;
        for (const auto& [var, sr] : reach) {
            std::uint8_t mask = sr->values_at(r);
            if (!(mask & ~1u)) continue;  // only what is not the default
            const auto& names = rules::flow::state_values(var);
            s += (s.empty() ? "" : ", ") + std::string(rules::flow::to_string(var)) + "=";
            std::string vals;
            for (std::size_t i = 0; i < names.size(); ++i) {
                if (mask & (1u << i)) vals += (vals.empty() ? "" : "|") + std::string(names[i]);
            }
            s += vals;
        }
        return s;
    }
};

// Every text of a graph quotes the flow file (labels hold prompts, names, URLs): it goes through
// the same masking as finding messages before it is escaped for its format.
std::string clean(std::string_view s) { return rules::content::redact_text(s); }

std::string node_text(const FlowNode& n) {
    std::string s = clean(n.label.empty() ? n.platform_type : n.label);
    s += " [" + std::string(analyzers::to_string(n.kind));
    if (n.input.sensitivity != analyzers::Sensitivity::none) s += ", " + std::string(analyzers::to_string(n.input.sensitivity));
    return s + "]";
}

std::string key(const ScanGraphs& g, NodeRef r) { return "n" + std::to_string(g.global(r)); }

template <class EdgeFn>
void for_each_edge(const ScanGraphs& graphs, EdgeFn fn) {
    for (std::uint32_t g = 0; g < graphs.size(); ++g) {
        const FlowGraph& fg = graphs.graph(g);
        for (const analyzers::FlowEdge& e : fg.edges) fn(NodeRef{g, e.from}, NodeRef{g, e.to}, e.condition);
        for (std::uint32_t n = 0; n < fg.nodes.size(); ++n) {
            for (NodeRef s : graphs.successors({g, n})) {
                if (s.graph != g) fn(NodeRef{g, n}, s, "transfer");
            }
        }
    }
}

std::string render_dot(const ScanGraphs& graphs, const States& states) {
    std::string out = "digraph flows {\n  rankdir=TB;\n  node [shape=box, fontname=\"Helvetica\"];\n";
    for (std::uint32_t g = 0; g < graphs.size(); ++g) {
        const FlowGraph& fg = graphs.graph(g);
        out += "  subgraph cluster_" + std::to_string(g) + " {\n    label=\"" + dot_label(clean(fg.name + " (" + fg.path + ")")) + "\";\n";
        for (std::uint32_t n = 0; n < fg.nodes.size(); ++n) {
            const FlowNode& node = fg.nodes[n];
            std::string label = node_text(node);
            std::string st = states.summary({g, n});
            if (!st.empty()) label += "\n" + st;
            std::string style = node.input.sensitivity != analyzers::Sensitivity::none ? ", color=red" : "";
            out += "    " + key(graphs, {g, n}) + " [label=\"" + dot_label(label) + "\"" + style + "];\n";
        }
        out += "  }\n";
    }
    for_each_edge(graphs, [&](NodeRef a, NodeRef b, const std::string& cond) {
        out += "  " + key(graphs, a) + " -> " + key(graphs, b);
        if (!cond.empty()) out += " [label=\"" + dot_label(clean(cond)) + "\"" + (cond == "transfer" ? ", style=dashed" : "") + "]";
        out += ";\n";
    });
    return out + "}\n";
}

std::string render_mermaid(const ScanGraphs& graphs, const States& states) {
    std::string out = "flowchart TD\n";
    for (std::uint32_t g = 0; g < graphs.size(); ++g) {
        const FlowGraph& fg = graphs.graph(g);
        out += "  subgraph g" + std::to_string(g) + " [\"" + mermaid_label(clean(fg.name)) + "\"]\n";
        for (std::uint32_t n = 0; n < fg.nodes.size(); ++n) {
            std::string st = states.summary({g, n});
            out += "    " + key(graphs, {g, n}) + "[\"" + mermaid_label(node_text(fg.nodes[n])) +
                   (st.empty() ? "" : "<br/>" + mermaid_label(st)) + "\"]\n";
        }
        out += "  end\n";
    }
    for_each_edge(graphs, [&](NodeRef a, NodeRef b, const std::string& cond) {
        out += "  " + key(graphs, a) + (cond == "transfer" ? " -.->" : " -->");
        if (!cond.empty()) out += "|\"" + mermaid_label(clean(cond)) + "\"|";
        out += " " + key(graphs, b) + "\n";
    });
    return out;
}

std::string render_json(const ScanGraphs& graphs, const States& states) {
    nlohmann::ordered_json nodes = nlohmann::ordered_json::array();
    for (std::uint32_t g = 0; g < graphs.size(); ++g) {
        const FlowGraph& fg = graphs.graph(g);
        for (std::uint32_t n = 0; n < fg.nodes.size(); ++n) {
            const FlowNode& node = fg.nodes[n];
            nlohmann::ordered_json j;
            j["id"] = clean(node.id);
            j["flow"] = clean(fg.name);
            j["kind"] = std::string(analyzers::to_string(node.kind));
            j["platform_type"] = clean(node.platform_type);
            j["label"] = clean(node.label);
            j["sensitivity"] = std::string(analyzers::to_string(node.input.sensitivity));
            j["location"] = {{"path", clean(fg.path)}, {"line", node.span.start.line}, {"column", node.span.start.column},
                             {"end_line", node.span.end.line}, {"end_column", node.span.end.column}};
            j["state"] = states.at({g, n});
            if (n == fg.entry) j["entry"] = true;
            nodes.push_back(std::move(j));
        }
    }
    nlohmann::ordered_json edges = nlohmann::ordered_json::array();
    for_each_edge(graphs, [&](NodeRef a, NodeRef b, const std::string& cond) {
        edges.push_back({{"from", clean(graphs.node(a).id)}, {"to", clean(graphs.node(b).id)}, {"condition", clean(cond)}});
    });
    nlohmann::ordered_json out;
    out["nodes"] = std::move(nodes);
    out["edges"] = std::move(edges);
    return json_document(out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)) + "\n";
}

}  // namespace

bool parse_graph_format(std::string_view text, GraphFormat& out) {
    if (text == "dot") out = GraphFormat::dot;
    else if (text == "mermaid") out = GraphFormat::mermaid;
    else if (text == "json") out = GraphFormat::json;
    else return false;
    return true;
}

std::string render_graphs(const std::vector<const analyzers::FlowGraph*>& graphs, GraphFormat format,
                          const rules::Policy& policy) {
    ScanGraphs sg(graphs);
    States states(sg, policy);
    // Every text field was masked (clean()); the digit-run mask over the whole rendering is the
    // last line of defence for anything added later.
    switch (format) {
        case GraphFormat::dot: return analyzers::mask_digit_runs(render_dot(sg, states));
        case GraphFormat::mermaid: return analyzers::mask_digit_runs(render_mermaid(sg, states));
        case GraphFormat::json: break;
    }
    return analyzers::mask_digit_runs(render_json(sg, states));
}

}  // namespace ccscan::reporters
