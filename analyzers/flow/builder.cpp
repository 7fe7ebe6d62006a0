#include "analyzers/flow/builder.h"

#include <iterator>

#include "analyzers/flow/embedded_json.h"
#include "analyzers/flow/graph_builder.h"
#include "analyzers/format_registry.h"

namespace ccscan::analyzers {

namespace {

// An embedded flow: a JSON string (parsed here), or an object node (jsonencode(...) in HCL,
// inline YAML in CloudFormation), built by its flow language's RootAdapter.
void embedded(const InputFile& file, const EmbeddedFlow& e, const SensitivityLexicon& lex, ParsedFile& parsed) {
    const FormatInfo* language = find_format(e.format);
    if (!language || !language->flow_root) return;
    const Node& value = *e.value;
    if (value.kind == NodeKind::object) {
        parsed.flows.push_back(language->flow_root(value, file.path, e.name, {}, lex, parsed.notes));
        return;
    }
    if (value.kind != NodeKind::scalar || value.scalar_type == ScalarType::expression) {
        parsed.notes.push_back(make_diagnostic("flow-note", file.path, value.span.start,
                                               "embedded flow '" + e.name + "' is computed (" + flow::short_text(value.value, 40) +
                                                   "); not analysed"));
        parsed.notes.back().level = DiagnosticLevel::note;
        return;
    }
    auto doc = flow::parse_embedded_json(value.value, file.path);
    if (!doc.ok()) {
        Diagnostic d = doc.error();
        d.path = file.path;
        d.span = value.span;
        d.level = DiagnosticLevel::note;
        d.message = "embedded flow '" + e.name + "' is not valid JSON: " + d.message;
        parsed.notes.push_back(std::move(d));
        return;
    }
    parsed.flows.push_back(language->flow_root(doc->root, file.path, e.name, value.span, lex, parsed.notes));
}

}  // namespace

bool has_flow_adapter(std::string_view format) {
    const FormatInfo* f = find_format(format);
    return f && f->has_flows();
}

void build_flows(const InputFile& file, ParsedFile& parsed, const SensitivityLexicon& lex) {
    const FormatInfo* f = find_format(parsed.format);
    if (!f) return;
    const Document* doc = parsed.document ? &*parsed.document : nullptr;
    if (f->flow) {
        auto graphs = f->flow(file, doc, lex, parsed.notes);
        std::move(graphs.begin(), graphs.end(), std::back_inserter(parsed.flows));
    }
    if (f->embedded && doc) {
        for (const EmbeddedFlow& e : f->embedded(*doc)) embedded(file, e, lex, parsed);
    }
}

}  // namespace ccscan::analyzers
