// Source code embedded in infrastructure templates: Lambda code inside CloudFormation and SAM
// (`Code.ZipFile`, `InlineCode`, plain or built with Fn::Join / Fn::Sub) and Terraform heredocs
// that become function files (`archive_file` `source { content = <<EOF ... }`,
// `source_content`, `local_file` `content`). The engine scans each piece with the code rules of
// its language and maps the findings back into the template with `map_position`.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analyzers/diagnostic.h"
#include "analyzers/document.h"

namespace ccscan::analyzers {

struct EmbeddedCode {
    std::string language;  // format id of the code: python, javascript, typescript, ...
    std::string text;      // the code as the function will run it
    std::string where;     // structural path in the template ("Resources.PayFn.Properties.Code.ZipFile")
    // Where line i (0-based) of `text` begins in the template: column 1 of the code line i is
    // at line_starts[i]. Lines past the end map to the last entry.
    std::vector<Position> line_starts;
};

// Finds embedded code in a parsed CloudFormation (JSON or YAML) or Terraform document.
// `bytes` is the template text, used to place each code line exactly.
std::vector<EmbeddedCode> find_embedded_code(const Document& doc, std::string_view format, std::string_view bytes);

// A position inside `code.text` (1-based) as a position in the template.
Position map_position(const EmbeddedCode& code, Position in_code);

}  // namespace ccscan::analyzers
