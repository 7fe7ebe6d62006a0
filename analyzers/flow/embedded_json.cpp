#include "analyzers/flow/embedded_json.h"

#include "analyzers/json_parser.h"

namespace ccscan::analyzers::flow {

Result<Document> parse_embedded_json(std::string_view text, const std::string& path) {
    return parse_json(text, path, ParseLimits{});
}

}  // namespace ccscan::analyzers::flow
