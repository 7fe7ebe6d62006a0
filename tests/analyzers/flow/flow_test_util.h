// Test helpers for flow adapters and flow rules: read a fixture, parse it (JSON, YAML, XML),
// build its graphs, find nodes. Every helper stops the test (REQUIRE) when the fixture is
// missing, does not parse or yields no flows, before any assertion about findings.
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "analyzers/flow/builder.h"
#include "analyzers/flow/sensitivity.h"
#include "analyzers/flow_graph.h"
#include "analyzers/format_registry.h"
#include "analyzers/input_file.h"
#include "analyzers/json_parser.h"
#include "analyzers/parsed_file.h"
#include "analyzers/yaml_parser.h"
#include "tests/read_file.h"
#include "xml_test_doc.h"

namespace ccscan::test {

// The fixture's bytes; the test stops here when the file is missing or empty (a renamed
// fixture must not turn every "no finding" assertion after it into a vacuous pass).
inline std::string read_fixture(const std::string& rel) { return read_source_file("tests/fixtures/flows/" + rel); }

// Builds the graphs of `text` as format `format` (path used for names and locations). The
// format must be a row of the format table with flows, and the text must parse: the test stops
// otherwise. Zero flows is allowed here (Bot.json has none); build_fixture requires some.
inline analyzers::ParsedFile build(const std::string& path, const std::string& text, const std::string& format) {
    INFO(path << " as " << format);
    const analyzers::FormatInfo* info = analyzers::find_format(format);
    REQUIRE(info != nullptr);
    REQUIRE(info->has_flows());
    analyzers::InputFile file{path, "", text, analyzers::Origin::worktree, std::nullopt};
    analyzers::ParsedFile parsed;
    parsed.format = format;
    if (info->syntax == "xml") {
        parsed.document = xml_document(text);
        REQUIRE_FALSE(parsed.document->root.key.empty());
    } else if (info->syntax != "ini") {
        bool json = !text.empty() && (text[0] == '{' || text[0] == '[');
        auto doc = json ? analyzers::parse_json(text, path, analyzers::ParseLimits{})
                        : analyzers::parse_yaml(text, path, analyzers::ParseLimits{});
        INFO((doc.ok() ? std::string() : doc.error().message));
        REQUIRE(doc.ok());
        parsed.document = std::move(doc.value());
    }
    analyzers::build_flows(file, parsed, analyzers::SensitivityLexicon::builtin());
    return parsed;
}

// A fixture's graphs: the fixture must exist, parse and hold at least one flow with nodes.
inline analyzers::ParsedFile build_fixture(const std::string& rel, const std::string& format) {
    analyzers::ParsedFile parsed = build(rel, read_fixture(rel), format);
    INFO("fixture " << rel);
    REQUIRE_FALSE(parsed.flows.empty());
    for (const auto& g : parsed.flows) REQUIRE_FALSE(g.nodes.empty());
    return parsed;
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
