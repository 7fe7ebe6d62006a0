// SyntaxTree: a tree-sitter tree plus the source bytes it was parsed from and its language id.
// Owns the TSTree (RAII); TSNode values handed out are valid as long as the SyntaxTree lives.
// Immutable after construction, so one tree can be read by several matchers at once (tree-sitter
// trees are safe for concurrent reads; the named-children index is built once, under call_once).
#pragma once

#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

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

    // The named children of `node`, in order, for any node reached from the root through named
    // children. Built for the whole tree on first use (one cursor walk) and shared by every
    // matcher of the file: ts_node_named_child(n, i) rescans the siblings before i on every call.
    struct Children {
        const TSNode* data = nullptr;
        std::size_t size = 0;
        const TSNode* begin() const { return data; }
        const TSNode* end() const { return data + size; }
    };
    Children named_children(TSNode node) const {
        std::call_once(m_index_once, [this] { build_index(); });
        auto it = m_index.find(node.id);
        if (it == m_index.end()) return {};
        return {m_children.data() + it->second.first, it->second.second};
    }

private:
    void build_index() const {
        std::vector<TSNode> stack{root()};
        TSTreeCursor cursor = ts_tree_cursor_new(root());
        while (!stack.empty()) {
            TSNode n = stack.back();
            stack.pop_back();
            std::size_t first = m_children.size();
            ts_tree_cursor_reset(&cursor, n);
            if (ts_tree_cursor_goto_first_child(&cursor)) {
                do {
                    TSNode child = ts_tree_cursor_current_node(&cursor);
                    if (ts_node_is_named(child)) m_children.push_back(child);
                } while (ts_tree_cursor_goto_next_sibling(&cursor));
            }
            m_index.emplace(n.id, std::make_pair(first, m_children.size() - first));
            for (std::size_t i = first; i < m_children.size(); ++i) stack.push_back(m_children[i]);
        }
        ts_tree_cursor_delete(&cursor);
    }

    std::string m_language;
    std::string m_source;
    code::TreePtr m_tree;
    mutable std::once_flag m_index_once;
    mutable std::vector<TSNode> m_children;
    mutable std::unordered_map<const void*, std::pair<std::size_t, std::size_t>> m_index;  // node id -> range in m_children
};

}  // namespace ccscan::analyzers
