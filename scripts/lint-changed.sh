#!/usr/bin/env bash
# Style check of the lines a change touches, never of whole files (the tree predates
# .clang-format; reformatting it would conflict with every open branch):
#   - clang-format (.clang-format) on the changed lines of C++ files,
#   - clang-tidy (.clang-tidy) on the changed lines of changed .cpp files, with the build's
#     compile_commands.json (BUILD, default build/), when it exists (GCC-only warning flags
#     there are ignored: -Wno-unknown-warning-option).
# The range is BASE..HEAD: the first argument, else $LINT_BASE, else the last commit (HEAD~1),
# which is what CI (.ci/run) checks on its clean clone. Without a given base, a HEAD without a
# parent (the first commit, or a shallow clone's only commit) and a merge commit are skipped,
# said so: a merge's branches were checked when they were committed.
# Exit 0 when clean, skipped or when the tools are missing (said so), 1 with the offending lines.
set -euo pipefail
cd "$(dirname "$0")/.."
base="${1:-${LINT_BASE:-}}"
if [[ -z "$base" ]]; then
  if ! git rev-parse --verify -q "HEAD~1^{commit}" >/dev/null; then
    shallow="$(git rev-parse --is-shallow-repository 2>/dev/null || echo false)"
    echo "lint: HEAD has no parent here (shallow clone: $shallow); changed-lines lint skipped"; exit 0
  fi
  if [[ "$(git rev-list --parents -n 1 HEAD | wc -w)" -gt 2 ]]; then
    echo "lint: HEAD is a merge commit; changed-lines lint skipped (set LINT_BASE or pass a base to check a range)"; exit 0
  fi
  base="HEAD~1"
fi
git rev-parse --verify -q "$base^{commit}" >/dev/null || { echo "lint: no such base '$base'" >&2; exit 2; }
fmt_diff="$(command -v clang-format-diff-14 || command -v clang-format-diff || true)"
if [[ -z "$fmt_diff" ]]; then echo "lint: clang-format-diff not installed; skipped"; exit 0; fi
status=0
paths=(-- '*.cpp' '*.h' ':!third_party')
out="$(git diff -U0 --no-color "$base" HEAD "${paths[@]}" | "$fmt_diff" -p1 -binary "$(command -v clang-format-14 || command -v clang-format)")"
if [[ -n "$out" ]]; then
  printf '%s\n' "$out"
  echo "lint: the lines above differ from .clang-format; fix them with:"
  echo "  git diff -U0 $base HEAD -- '*.cpp' '*.h' | $(basename "$fmt_diff") -p1 -i"
  status=1
fi
tidy_diff="$(command -v clang-tidy-diff-14.py || command -v clang-tidy-diff || true)"
build="${BUILD:-build}"
if [[ -n "$tidy_diff" && -f "$build/compile_commands.json" ]]; then
  tidy_out="$(git diff -U0 --no-color "$base" HEAD -- '*.cpp' ':!third_party' ':!fuzz' |
    "$tidy_diff" -p1 -path "$build" -quiet -j 2 -clang-tidy-binary "$(command -v clang-tidy-14 || command -v clang-tidy)" \
      -extra-arg=-Wno-unknown-warning-option 2>/dev/null || true)"
  if grep -q 'warning:\|error:' <<<"$tidy_out"; then
    printf '%s\n' "$tidy_out" | grep -A3 'warning:\|error:'
    echo "lint: clang-tidy found the problems above in changed lines"
    status=1
  fi
else
  echo "lint: clang-tidy-diff or $build/compile_commands.json missing; clang-tidy skipped"
fi
[[ $status -eq 0 ]] && echo "lint: changed lines are clean ($base..HEAD)"
exit $status
