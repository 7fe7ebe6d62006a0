#include "analyzers/parsers.h"

#include "analyzers/json_parser.h"
#include "analyzers/yaml_parser.h"

namespace ccscan::analyzers {

Result<Document> parse_document(std::string_view syntax, std::string_view text, const std::string& path, const ParseLimits& limits) {
    if (syntax == "json") return parse_json(text, path, limits);
    if (syntax == "yaml") return parse_yaml(text, path, limits);
    Document empty;
    return empty;
}

void build_artifacts(const InputFile&, ParsedFile&, const AnalyzeOptions&) {}

}  // namespace ccscan::analyzers
