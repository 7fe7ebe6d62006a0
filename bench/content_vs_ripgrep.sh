#!/usr/bin/env bash
# ccscan's content detectors (one RE2::Set pass + Luhn/brand validation) against ripgrep with the
# same PAN pattern (no validation, --no-unicode, -uu) on a generated corpus. One run each.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
ccscan=${CCSCAN:-$here/../build/ccscan}
corpus=${CORPUS:-${TMPDIR:-/tmp}/ccscan-bench-corpus}  # outside the repo: .gitignore would skip it
[ -d "$corpus/text" ] || python3 "$here/gen_corpus.py" "$corpus" "${FILES:-2000}"
pattern='[0-9]{4}[ -][0-9]{4}[ -][0-9]{4}[ -][0-9]{1,7}|[0-9]{4}[ -][0-9]{6}[ -][0-9]{4,5}|[0-9]{13,19}'
now() { date +%s.%N; }
t0=$(now)
rg_hits=$(rg --no-unicode -uu -o -c -e "$pattern" "$corpus/text" | awk -F: '{s+=$NF} END {print s+0}')
t1=$(now)
"$ccscan" scan "$corpus/text" --pack "$here/packs/content-bench.yaml" --format json -o /tmp/ccscan-bench-content.json -q || true
t2=$(now)
cc_hits=$(grep -c '"rule_id": "BENCH-CONTENT-001"' /tmp/ccscan-bench-content.json || true)
awk -v a="$t0" -v b="$t1" -v c="$t2" -v rh="$rg_hits" -v ch="$cc_hits" 'BEGIN {
  rg = b - a; cc = c - b;
  printf "ripgrep  %.3f s  %d candidate matches (no validation)\n", rg, rh;
  printf "ccscan   %.3f s  %d validated card numbers\n", cc, ch;
  printf "ratio ccscan/ripgrep: %.2f\n", cc / rg }'
