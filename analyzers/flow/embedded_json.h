// Parses JSON embedded in another file (CloudFormation `Content`, Terraform heredocs) into a
// Document. Positions inside the result are relative to the embedded text; callers re-anchor
// nodes on the embedding string's span.
#pragma once

#include <string>
#include <string_view>

#include "analyzers/diagnostic.h"
#include "analyzers/document.h"

namespace ccscan::analyzers::flow {

Result<Document> parse_embedded_json(std::string_view text, const std::string& path);

}  // namespace ccscan::analyzers::flow
