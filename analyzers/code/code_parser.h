// parse_code: turns a code InputFile (python, javascript, typescript, tsx, java, csharp, go, php,
// ruby) into a SyntaxTree with tree-sitter. Syntax errors do not fail the file (tree-sitter
// recovers; rules still see the valid parts): they add one note with the first error's position.
// A parse that runs past the time limit, or a language without a grammar, returns nullptr and
// adds a note. Never throws.
#pragma once

#include <chrono>
#include <memory>
#include <string_view>
#include <vector>

#include "analyzers/code/syntax_tree_impl.h"
#include "analyzers/diagnostic.h"
#include "analyzers/input_file.h"

namespace ccscan::analyzers {

inline constexpr std::chrono::milliseconds k_default_parse_timeout{5000};

std::shared_ptr<const SyntaxTree> parse_code(const InputFile& file, std::string_view format, std::vector<Diagnostic>& notes);
std::shared_ptr<const SyntaxTree> parse_code(const InputFile& file, std::string_view format, std::vector<Diagnostic>& notes,
                                             std::chrono::milliseconds timeout);

// Same, from a string (tests, embedded snippets).
std::shared_ptr<const SyntaxTree> parse_source(std::string source, std::string_view format, const std::string& path,
                                               std::vector<Diagnostic>& notes,
                                               std::chrono::milliseconds timeout = k_default_parse_timeout);

}  // namespace ccscan::analyzers
