// The format registry: one table of every format ccscan knows (id, family, how it is parsed),
// format detection by file name and content sniffing, and `analyze`, which turns an InputFile
// into a ParsedFile. The same table drives `ccscan formats`, rule selectors and reports.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/document.h"
#include "analyzers/input_file.h"
#include "analyzers/parsed_file.h"

namespace ccscan::analyzers {

enum class FormatFamily { structured, flow, code, text };

struct FormatInfo {
    std::string_view id;           // "amazon-connect-flow"
    std::string_view description;
    FormatFamily family;
    std::string_view syntax;       // parser used: json, yaml, xml, ini, hcl, properties, code, text
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
