#!/usr/bin/env bash
# Assembles a real corpus of a few hundred MB for `bench/run --real`: the published sources of the
# contact-center SDKs ccscan's users call (Twilio, the AWS SDK v2 and the v3 Connect and Lex clients, Genesys
# Cloud's platform client), installed with npm --ignore-scripts (no install script runs) into a
# folder outside the repository. Versions are pinned so the corpus stays the same.
#   bench/real_corpus.sh [DIR]     (default: ${CCSCAN_BENCH_DIR:-/tmp/ccscan-bench}/real)
set -euo pipefail
dir=${1:-${CCSCAN_BENCH_DIR:-${TMPDIR:-/tmp}/ccscan-bench}/real}
packages=(twilio@5.8.2 aws-sdk@2.1693.0 purecloud-platform-client-v2@262.0.0 @aws-sdk/client-connect@3.1136.0
  @aws-sdk/client-lex-models-v2@3.1048.0)
mkdir -p "$dir"
cd "$dir"
[ -f package.json ] || echo '{"name": "ccscan-real-corpus", "private": true}' > package.json
npm install --ignore-scripts --no-audit --no-fund --loglevel=error --no-save "${packages[@]}"
echo "real corpus: $dir ($(du -sh node_modules | cut -f1), $(find node_modules -type f | wc -l) files)"
