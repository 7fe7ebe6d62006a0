#!/usr/bin/env bash
# ccscan's code matcher (tree-sitter query + #eq? predicate) against ast-grep with the equivalent
# pattern on the generated Python corpus. One run each. ast-grep comes from bench/package.json
# (npm ci --ignore-scripts in bench/).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
ccscan=${CCSCAN:-$here/../build/ccscan}
sg=$here/node_modules/@ast-grep/cli-linux-x64-gnu/ast-grep
[ -x "$sg" ] || { (cd "$here" && npm ci --ignore-scripts --no-audit --no-fund >/dev/null) && chmod u+x "$sg"; }
corpus=${CORPUS:-${TMPDIR:-/tmp}/ccscan-bench-corpus}  # outside the repo: .gitignore would skip it
[ -d "$corpus/py" ] || python3 "$here/gen_corpus.py" "$corpus" "${FILES:-2000}"
now() { date +%s.%N; }
t0=$(now)
sg_hits=$("$sg" run -p '$F($$$A, verify=False)' -l python "$corpus/py" --json=stream | grep -c '"file"' || true)
t1=$(now)
"$ccscan" scan "$corpus/py" --pack "$here/packs/code-bench.yaml" --format json -o /tmp/ccscan-bench-code.json -q || true
t2=$(now)
cc_hits=$(grep -c '"rule_id": "BENCH-CODE-001"' /tmp/ccscan-bench-code.json || true)
awk -v a="$t0" -v b="$t1" -v c="$t2" -v sh="$sg_hits" -v ch="$cc_hits" 'BEGIN {
  sg = b - a; cc = c - b;
  printf "ast-grep %.3f s  %d matches\n", sg, sh;
  printf "ccscan   %.3f s  %d findings\n", cc, ch;
  printf "ratio ccscan/ast-grep: %.2f\n", cc / sg }'
