// The format registry: one table of every format ccscan knows, the only place that knows a
// format. A row holds its id, family and parser, the file names and content signatures that
// detect it, and, for IVR platforms, the flow adapter that builds its graphs and the extractors
// of flows embedded in it. Format detection (format_sniff.cpp), `analyze`, build_flows
// (flow/builder.cpp), `ccscan formats`, rule selectors, the flow fuzzer and the tests all read
// this table. Adding a platform is one row here plus one adapter file (docs/architecture.md).
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/document.h"
#include "analyzers/flow_graph.h"
#include "analyzers/input_file.h"
#include "analyzers/parsed_file.h"

namespace ccscan::analyzers {

class SensitivityLexicon;

enum class FormatFamily { structured, flow, code, text };

// Where content sniffing looks for a signature: a JSON, YAML or XML document, an INI-style
// `.conf`, or a file whose name gives no hint (`bare`).
enum class SniffIn : std::uint8_t { none, json, yaml, xml, conf, bare };

struct SniffInput {
    std::string_view head;   // the first 64 KiB
    std::string_view bytes;  // the whole file (for keys behind a long block)
    std::string root;        // xml: lower-case name of the first element
};
using SniffFn = bool (*)(const SniffInput&);

// A content signature: within one container kind, lower ranks are tried first.
struct Signature {
    SniffIn in = SniffIn::none;
    int rank = 0;
    SniffFn test = nullptr;
};

// Builds the flows of a file (doc is null when the document was not parsed).
using FlowAdapter = std::vector<FlowGraph> (*)(const InputFile& file, const Document* doc, const SensitivityLexicon& lex,
                                               std::vector<Diagnostic>& notes);
// Builds one flow embedded in another document from its root node; every node takes
// `embed_span` when it is known (the JSON string the flow came in).
using RootAdapter = FlowGraph (*)(const Node& root, const std::string& path, const std::string& name,
                                  const Span& embed_span, const SensitivityLexicon& lex, std::vector<Diagnostic>& notes);
// A flow embedded in a document: its value (a JSON string or an object), its name, and the
// format id of the flow language (a row with a RootAdapter).
struct EmbeddedFlow {
    const Node* value = nullptr;
    std::string name;
    std::string_view format;
};
using EmbeddedExtractor = std::vector<EmbeddedFlow> (*)(const Document& doc);

struct FormatInfo {
    std::string_view id;           // "amazon-connect-flow"
    std::string_view description;
    FormatFamily family;
    std::string_view syntax;       // parser used: json, yaml, xml, ini, hcl, properties, code, text
    // The parser when the bytes say otherwise: a json row whose bytes are not JSON (YAML
    // CloudFormation), or a non-json row whose bytes are JSON (.tf.json).
    std::string_view other_syntax = {};
    // Space-separated name patterns that decide the format: ".vxml" (suffix), "sip.conf"
    // (whole name), "pjsip*.conf" (prefix and suffix).
    std::string_view names = {};
    std::array<Signature, 2> signatures = {};
    FlowAdapter flow = nullptr;
    RootAdapter flow_root = nullptr;
    EmbeddedExtractor embedded = nullptr;
    bool served = false;  // may be served from a template or script (.jsp, .php, .mustache)

    bool has_flows() const { return flow || embedded; }
};

const std::vector<FormatInfo>& formats();
const FormatInfo* find_format(std::string_view id);

struct Detection {
    std::string format;        // format id; "text" for unrecognised text
    bool unsupported = false;  // recognised but not analysable (.i3InboundFlow, UCCX .aef): skipped
    std::string reason;        // why unsupported
};

// Name first (extensions, well-known names such as pjsip.conf, extensions.conf.sample), then
// content sniffing (JSON keys, XML root elements, YAML top-level keys, dialplan syntax).
Detection detect_format(std::string_view path, std::string_view bytes);

struct AnalyzeOptions {
    ParseLimits limits;
    bool want_document = true;
    bool want_flows = true;
    bool want_syntax = true;
    std::vector<std::string> extra_sensitive_words;  // "pan:cardnum" (policy.sensitive_words)
    // When the file's time budget runs out: code parsing stops there (a parse that needs longer
    // is cancelled and reported as limit-time). Default: no deadline beyond the parser's own.
    std::optional<std::chrono::steady_clock::time_point> deadline;
};

// Parses the file as `format` and builds what the options ask for. Never throws; a parse
// failure sets ParsedFile::failure with file, line and column.
ParsedFile analyze(const InputFile& file, std::string_view format, const AnalyzeOptions& options);

}  // namespace ccscan::analyzers
