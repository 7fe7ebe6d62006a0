#!/usr/bin/env bash
# Validates a SARIF file the two ways GitHub-bound SARIF must pass:
#  1. the SARIF 2.1.0 JSON schema (ajv, draft 2020-12, with formats), and
#  2. the Microsoft SARIF multitool's `validate` rules, both the SARIF ones and GitHub's own
#     ingestion rules (--rule-kind "Gh;Sarif"); its exit code is 0 even on errors, so we count
#     the error-level results in the SARIF log it writes.
# Exits 0 when both are clean, 1 on any error (printed), 2 when the tools are not installed
# (run `npm ci` in tests/tools).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
file="${1:?usage: validate_sarif.sh FILE.sarif}"
mt_dir="$here/node_modules/@microsoft/sarif-multitool-linux"
multitool="$mt_dir/Sarif.Multitool"
schema="$mt_dir/sarif-2.1.0.json"
ajv="$here/node_modules/.bin/ajv"

if [[ ! -f "$multitool" || ! -x "$ajv" || ! -f "$schema" ]]; then
  echo "validate_sarif.sh: tools missing; run 'npm ci' in $here" >&2
  exit 2
fi
[[ -x "$multitool" ]] || chmod u+x "$multitool"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# ajv decides the parser by extension.
cp "$file" "$work/input.json"

status=0
if ! "$ajv" validate --spec=draft2020 --strict=false -c ajv-formats -s "$schema" -d "$work/input.json" \
      >"$work/ajv.out" 2>&1; then
  echo "schema validation failed:" >&2
  cat "$work/ajv.out" >&2
  status=1
fi

# The multitool is a self-contained .NET app; keep it offline and quiet.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1
"$multitool" validate "$work/input.json" -o "$work/verdict.sarif" --log ForceOverwrite \
  --rule-kind "Gh;Sarif" >"$work/mt.out" 2>&1 || true
if [[ ! -f "$work/verdict.sarif" ]]; then
  echo "SARIF multitool produced no verdict:" >&2
  cat "$work/mt.out" >&2
  exit 1
fi
errors="$(node -e '
  const log = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const out = [];
  for (const run of log.runs || []) {
    for (const r of run.results || []) {
      if ((r.level || "warning").toLowerCase() !== "error") continue;
      const m = r.message || {};
      out.push(`${r.ruleId} ${m.id || ""}: ${m.text || (m.arguments || []).join(" | ")}`);
    }
    for (const inv of run.invocations || []) {
      for (const n of inv.toolExecutionNotifications || []) {
        if ((n.level || "").toLowerCase() === "error") out.push(`tool error: ${n.message && n.message.text}`);
      }
    }
  }
  process.stdout.write(out.join("\n"));
' "$work/verdict.sarif")"
if [[ -n "$errors" ]]; then
  echo "SARIF multitool reported errors:" >&2
  echo "$errors" >&2
  status=1
fi
exit "$status"
