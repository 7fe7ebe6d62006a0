#!/usr/bin/env bash
# clang-format (.clang-format) on the C++ lines changed since BASE, never on whole files (the tree
# predates .clang-format; see scripts/lint-changed.sh, which checks committed ranges in CI).
#   scripts/format-changed.sh [BASE]           rewrites those lines in place       (make format)
#   scripts/format-changed.sh --check [BASE]   prints what would change, exit 1 if anything would
#                                              (make format-check)
# Lines are those changed since the merge base of BASE and HEAD. BASE defaults to HEAD: the
# changes in the work tree and the index not yet committed. New files count once git knows them
# (`git add` or `git add -N`). Exit 2 when clang-format is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
check=false
if [[ "${1:-}" == "--check" ]]; then check=true; shift; fi
base="${1:-HEAD}"
git rev-parse --verify -q "$base^{commit}" >/dev/null || { echo "format: no such base '$base'" >&2; exit 2; }
# From where this branch left BASE: lines BASE changed since then are not ours to format (with
# BASE=main in a branch that main has moved past, a plain diff would show main's new lines too).
base="$(git merge-base "$base" HEAD)"
fmt_diff="$(command -v clang-format-diff-14 || command -v clang-format-diff || true)"
fmt="$(command -v clang-format-14 || command -v clang-format || true)"
if [[ -z "$fmt_diff" || -z "$fmt" ]]; then
  echo "format: clang-format / clang-format-diff not installed (scripts/install-deps.sh --test)" >&2; exit 2
fi
changes() { git diff -U0 --no-color "$base" -- '*.cpp' '*.h' ':!third_party'; }
if $check; then
  out="$(changes | "$fmt_diff" -p1 -binary "$fmt")"
  if [[ -n "$out" ]]; then
    printf '%s\n' "$out"
    echo "format: the lines above (changed since $base) differ from .clang-format; run: make format"
    exit 1
  fi
  echo "format: changed lines are formatted ($base..work tree)"
else
  changes | "$fmt_diff" -p1 -i -binary "$fmt"
  echo "format: formatted the C++ lines changed since $base"
fi
