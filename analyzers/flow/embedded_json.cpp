#include "analyzers/flow/embedded_json.h"

#include "analyzers/yaml_parser.h"

namespace ccscan::analyzers::flow {

// JSON is a subset of YAML 1.2's flow syntax; the YAML parser reads it with spans and limits.
Result<Document> parse_embedded_json(std::string_view text, const std::string& path) {
    return parse_yaml(text, path, ParseLimits{});
}

}  // namespace ccscan::analyzers::flow
