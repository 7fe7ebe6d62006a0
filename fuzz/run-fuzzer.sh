#!/usr/bin/env bash
# Runs one libFuzzer harness for a while, seeded with its committed corpus and dictionary.
#   fuzz/run-fuzzer.sh NAME SECONDS        e.g. fuzz/run-fuzzer.sh yaml 60
# NAME is a harness (fuzz/NAME_fuzzer.cpp); the binaries come from the CCSCAN_FUZZ build in
# $FUZZ_BUILD (default build-asan). Seeds: fuzz/corpus/NAME/ plus the repository files listed in
# fuzz/corpus/NAME.seeds (fixtures and examples, not kept twice). New inputs go to a temporary
# working corpus, so the committed corpus stays as written; set FUZZ_WORK=DIR to keep (and reuse)
# the working corpus.
# A crash, leak, timeout or sanitizer report is saved under $FUZZ_ARTIFACTS/NAME (default
# $FUZZ_BUILD/fuzz-artifacts) and the script exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ $# -lt 2 ]]; then
  echo "usage: fuzz/run-fuzzer.sh NAME SECONDS [extra libFuzzer flags]" >&2
  exit 2
fi
name=$1 seconds=$2
shift 2
build=${FUZZ_BUILD:-build-asan}
bin="$build/fuzz/${name}_fuzzer"
if [[ ! -x "$bin" ]]; then
  echo "no fuzzer '$name' at $bin: configure with clang and -DCCSCAN_FUZZ=ON, build target 'fuzzers'" >&2
  exit 2
fi

artifacts="${FUZZ_ARTIFACTS:-$build/fuzz-artifacts}/$name"
mkdir -p "$artifacts"
if [[ -n "${FUZZ_WORK:-}" ]]; then
  work="$FUZZ_WORK"
  mkdir -p "$work"
else
  work=$(mktemp -d "${TMPDIR:-/tmp}/ccscan-fuzz-$name.XXXXXX")
  trap 'rm -rf "$work"' EXIT
fi

# Listed seeds go into the working corpus (libFuzzer reads folders, not single files).
if [[ -f "fuzz/corpus/$name.seeds" ]]; then
  while IFS= read -r seed; do
    [[ -z "$seed" || "$seed" == \#* ]] && continue
    [[ -f "$seed" ]] || { echo "fuzz/corpus/$name.seeds: no such file '$seed'" >&2; exit 2; }
    cp "$seed" "$work/seed-$(tr '/' '_' <<<"$seed")"
  done <"fuzz/corpus/$name.seeds"
fi

dict=()
[[ -f "fuzz/dicts/$name.dict" ]] && dict=("-dict=fuzz/dicts/$name.dict")

# Inputs are configuration files: 64 KiB reaches every construct without making each run slow.
set +e
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1} \
  LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=fuzz/lsan.supp:print_suppressions=0} \
  "$bin" "$work" "fuzz/corpus/$name" "${dict[@]}" \
  -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$artifacts/" -print_final_stats=1 "$@" >"$work.log" 2>&1
status=$?
set -e
grep -v -E '^#[0-9]+[[:space:]]+(NEW|REDUCE|pulse)' "$work.log" || true
# One summary line from libFuzzer's last status line ("#N DONE cov: C ft: F corp: K/...").
last=$(grep -E '^#[0-9]+[[:space:]]+(DONE|INITED)' "$work.log" | tail -n 1 || true)
rm -f "$work.log"
if [[ $status -ne 0 ]]; then
  echo "fuzzer '$name' failed (exit $status); reproducer in $artifacts/" >&2
  exit "$status"
fi
execs=$(sed -E 's/^#([0-9]+).*/\1/' <<<"$last")
cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+' <<<"$last" || true)
echo "fuzz $name: ${seconds}s, ${execs:-?} execs, ${cov:-no coverage line}, no crash"
