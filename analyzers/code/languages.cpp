#include "analyzers/code/languages.h"

extern "C" {
const TSLanguage* tree_sitter_python();
const TSLanguage* tree_sitter_javascript();
const TSLanguage* tree_sitter_typescript();
const TSLanguage* tree_sitter_tsx();
const TSLanguage* tree_sitter_java();
const TSLanguage* tree_sitter_c_sharp();
const TSLanguage* tree_sitter_go();
const TSLanguage* tree_sitter_php();
const TSLanguage* tree_sitter_ruby();
}

namespace ccscan::analyzers::code {

const std::vector<CodeLanguage>& code_languages() {
    static const std::vector<CodeLanguage> k_languages = {
        {"python", &tree_sitter_python},
        {"javascript", &tree_sitter_javascript},
        {"typescript", &tree_sitter_typescript},
        {"tsx", &tree_sitter_tsx},
        {"java", &tree_sitter_java},
        {"csharp", &tree_sitter_c_sharp},
        {"go", &tree_sitter_go},
        {"php", &tree_sitter_php},  // the `php` grammar: HTML text around <?php ... ?>
        {"ruby", &tree_sitter_ruby},
    };
    return k_languages;
}

const TSLanguage* language_for(std::string_view format) {
    for (const CodeLanguage& l : code_languages()) {
        if (l.id == format) return l.grammar();
    }
    return nullptr;
}

}  // namespace ccscan::analyzers::code
