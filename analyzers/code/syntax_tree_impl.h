// SyntaxTree: a tree-sitter tree plus the source bytes it was parsed from and its language id.
// Owns the TSTree (RAII); TSNode values handed out are valid as long as the SyntaxTree lives.
// Immutable after construction, so one tree can be read by several matchers at once (tree-sitter
// trees are safe for concurrent reads).
#pragma once

#include <string>
#include <string_view>

#include "analyzers/code/ts_handles.h"
#include "analyzers/diagnostic.h"
#include "analyzers/syntax_tree.h"

namespace ccscan::analyzers {

class SyntaxTree {
public:
    SyntaxTree(std::string language, std::string source, code::TreePtr tree)
        : m_language(std::move(language)), m_source(std::move(source)), m_tree(std::move(tree)) {}

    const std::string& language() const { return m_language; }  // format id ("python")
    std::string_view source() const { return m_source; }
    const TSTree* tree() const { return m_tree.get(); }
    TSNode root() const { return ts_tree_root_node(m_tree.get()); }
    bool has_error() const { return ts_node_has_error(root()); }

    // The bytes of `node`.
    std::string_view text(TSNode node) const {
        std::uint32_t b = ts_node_start_byte(node), e = ts_node_end_byte(node);
        if (b > m_source.size() || e > m_source.size() || e < b) return {};
        return std::string_view(m_source).substr(b, e - b);
    }
    // 1-based span of `node` (columns count bytes, end column exclusive + 1 as SARIF).
    Span span(TSNode node) const {
        TSPoint s = ts_node_start_point(node), e = ts_node_end_point(node);
        return Span{{s.row + 1, s.column + 1}, {e.row + 1, e.column + 1}};
    }

private:
    std::string m_language;
    std::string m_source;
    code::TreePtr m_tree;
};

}  // namespace ccscan::analyzers
