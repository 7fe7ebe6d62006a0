// ParsedFile: what an analyzer makes of one InputFile. A file may carry a Document (structured
// formats), zero or more FlowGraphs (IVR flows, including flows embedded in IaC), a SyntaxTree
// (code), and always its text (InputFile::bytes) for content rules.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analyzers/document.h"
#include "analyzers/embedded_code.h"
#include "analyzers/flow_graph.h"
#include "analyzers/input_file.h"
#include "analyzers/syntax_tree.h"

namespace ccscan::analyzers {

struct ParsedFile {
    std::string format;                     // format id
    std::optional<Document> document;
    std::vector<FlowGraph> flows;
    std::shared_ptr<const SyntaxTree> syntax;
    std::vector<EmbeddedCode> embedded_code;  // function code inside templates (CloudFormation, Terraform)
    std::vector<Diagnostic> notes;          // non-fatal notes from parsers/adapters
    std::optional<Diagnostic> failure;      // set when the file could not be parsed: "failed"
};

}  // namespace ccscan::analyzers
