// Test helpers for flow adapters and flow rules: read a fixture, parse it (JSON, YAML, XML),
// build its graphs, find nodes.
#pragma once

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "analyzers/flow/builder.h"
#include "analyzers/flow/sensitivity.h"
#include "analyzers/flow_graph.h"
#include "analyzers/input_file.h"
#include "analyzers/parsed_file.h"
#include "analyzers/json_parser.h"
#include "analyzers/yaml_parser.h"
#include "xml_test_doc.h"

namespace ccscan::test {

inline std::string read_fixture(const std::string& rel) {
    std::ifstream in(std::string(CCSCAN_SOURCE_DIR) + "/tests/fixtures/flows/" + rel, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Builds the graphs of `text` as format `format` (path used for names and locations).
inline analyzers::ParsedFile build(const std::string& path, const std::string& text, const std::string& format) {
    analyzers::InputFile file{path, "", text, analyzers::Origin::worktree, std::nullopt};
    analyzers::ParsedFile parsed;
    parsed.format = format;
    static const std::vector<std::string> k_xml = {"twiml", "voicexml", "ccxml", "freeswitch-xml"};
    if (std::find(k_xml.begin(), k_xml.end(), format) != k_xml.end()) {
        parsed.document = xml_document(text);
    } else if (format != "asterisk-dialplan") {
        bool json = !text.empty() && (text[0] == '{' || text[0] == '[');
        auto doc = json ? analyzers::parse_json(text, path, analyzers::ParseLimits{})
                        : analyzers::parse_yaml(text, path, analyzers::ParseLimits{});
        if (doc.ok()) parsed.document = std::move(doc.value());
    }
    analyzers::build_flows(file, parsed, analyzers::SensitivityLexicon::builtin());
    return parsed;
}

inline analyzers::ParsedFile build_fixture(const std::string& rel, const std::string& format) {
    return build(rel, read_fixture(rel), format);
}

inline const analyzers::FlowNode* find_node(const analyzers::FlowGraph& g, const std::string& id) {
    for (const auto& n : g.nodes) {
        if (n.id == id) return &n;
    }
    return nullptr;
}

inline bool has_edge(const analyzers::FlowGraph& g, const std::string& from, const std::string& to,
                     const std::string& condition) {
    for (const auto& e : g.edges) {
        if (g.nodes[e.from].id == from && g.nodes[e.to].id == to && e.condition == condition) return true;
    }
    return false;
}

}  // namespace ccscan::test
