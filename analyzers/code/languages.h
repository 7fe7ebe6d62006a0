// The table of code languages ccscan parses with tree-sitter: format id -> grammar. The one
// place that knows which grammar serves which format id.
#pragma once

#include <string_view>
#include <vector>

#include <tree_sitter/api.h>

namespace ccscan::analyzers::code {

struct CodeLanguage {
    std::string_view id;  // format id: python, javascript, typescript, tsx, java, csharp, go, php, ruby
    const TSLanguage* (*grammar)();
};

const std::vector<CodeLanguage>& code_languages();
// nullptr when `format` is not a code format.
const TSLanguage* language_for(std::string_view format);

}  // namespace ccscan::analyzers::code
