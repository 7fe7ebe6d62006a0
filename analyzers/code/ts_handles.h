// RAII handles for tree-sitter objects: the one place ccscan touches tree-sitter's manual memory
// management. Every TSParser, TSTree, TSQuery and TSQueryCursor lives in one of these.
#pragma once

#include <memory>

#include <tree_sitter/api.h>

namespace ccscan::analyzers::code {

struct ParserDeleter {
    void operator()(TSParser* p) const { ts_parser_delete(p); }
};
struct TreeDeleter {
    void operator()(TSTree* t) const { ts_tree_delete(t); }
};
struct QueryDeleter {
    void operator()(TSQuery* q) const { ts_query_delete(q); }
};
struct QueryCursorDeleter {
    void operator()(TSQueryCursor* c) const { ts_query_cursor_delete(c); }
};

using ParserPtr = std::unique_ptr<TSParser, ParserDeleter>;
using TreePtr = std::unique_ptr<TSTree, TreeDeleter>;
using QueryPtr = std::unique_ptr<TSQuery, QueryDeleter>;
using QueryCursorPtr = std::unique_ptr<TSQueryCursor, QueryCursorDeleter>;

}  // namespace ccscan::analyzers::code
