#include "analyzers/parsers.h"

#include "analyzers/flow/builder.h"
#include "analyzers/json_parser.h"
#include "analyzers/yaml_parser.h"

namespace ccscan::analyzers {

Result<Document> parse_document(std::string_view syntax, std::string_view text, const std::string& path, const ParseLimits& limits) {
    if (syntax == "json") return parse_json(text, path, limits);
    if (syntax == "yaml") return parse_yaml(text, path, limits);
    Document empty;
    return empty;
}

void build_artifacts(const InputFile& file, ParsedFile& parsed, const AnalyzeOptions& options) {
    if (options.want_flows && has_flow_adapter(parsed.format)) {
        if (options.extra_sensitive_words.empty()) {
            build_flows(file, parsed, SensitivityLexicon::builtin());
        } else {
            SensitivityLexicon lex = SensitivityLexicon::with_extras(options.extra_sensitive_words, parsed.notes);
            build_flows(file, parsed, lex);
        }
    }
}

}  // namespace ccscan::analyzers
