// SyntaxTree: a tree-sitter tree plus the source it was parsed from (code files).
// Owns the TSTree; the source string outlives it. Implemented in analyzers/code/.
#pragma once

#include <memory>
#include <string>

namespace ccscan::analyzers {

class SyntaxTree;  // defined in analyzers/code/syntax_tree_impl.h

}  // namespace ccscan::analyzers
