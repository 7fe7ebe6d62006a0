// Gitignore-style globs over '/'-separated relative paths (rule selectors, --exclude, waivers).
//
//   *        any run of characters except '/'        ?      one character except '/'
//   [abc]    one of; ranges [a-z]; [!x] or [^x] negate \x     the character x literally
//   **       as a whole segment: any number of directories (zero included): `**/x`, `a/**`,
//            `a/**/b`; elsewhere it behaves like `*`
//   A pattern without '/' matches a name at any depth (`*.json`, `node_modules`); a pattern with
//   a '/' is anchored at the root (a leading '/' only anchors). A trailing '/' matches
//   directories only. As in .gitignore, a pattern that matches a directory matches everything
//   under it (`vendor` matches `vendor/a/b.js`). A path ending in '/' names a directory.
// Matching is case-sensitive and runs in O(pattern x path) time: no exponential backtracking.
#pragma once

#include <string_view>

namespace ccscan::analyzers {

bool glob_match(std::string_view pattern, std::string_view path);

}  // namespace ccscan::analyzers
