#!/usr/bin/env bash
# Installs what building and testing ccscan needs on Debian 12: apt packages (when missing) and
# the pinned npm sources (tree-sitter grammars; test tools). Safe to run repeatedly.
#   scripts/install-deps.sh          build dependencies
#   scripts/install-deps.sh --test   also the test tools (SARIF validators, Chromium, clang-format/tidy, clang with
#                                    the libFuzzer/ASan runtime for the fuzz harnesses)
set -euo pipefail
cd "$(dirname "$0")/.."

build_pkgs=(cmake ninja-build g++ make pkg-config git ccache libcli11-dev libyaml-cpp-dev libgit2-dev
  nlohmann-json3-dev catch2 libre2-dev libssl-dev libpugixml-dev libkainjow-mustache-dev libcurl4-openssl-dev)
test_pkgs=(chromium ripgrep python3 openssl clang libclang-rt-14-dev clang-format-14 clang-tidy-14)
want=("${build_pkgs[@]}")
[[ "${1:-}" == "--test" ]] && want+=("${test_pkgs[@]}")
command -v npm >/dev/null 2>&1 || want+=(npm)

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "ccscan needs these Debian packages; run as root:" >&2
    echo "  apt-get update && apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm sources, pinned by the committed package-lock.json files; no install scripts run.
npm_ci() {
  local dir=$1
  local stamp="$dir/node_modules/.ccscan-lock-sha"
  local sha
  sha=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$sha" ]]; then return 0; fi
  (cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  echo "$sha" > "$stamp"
}
npm_ci third_party/tree-sitter
# The lock file pins the packages; sources.sha256 pins the C sources the build compiles (CMake
# checks the same record at configure time).
(cd third_party/tree-sitter/node_modules && sha256sum --quiet -c ../sources.sha256) || {
  echo "tree-sitter sources differ from third_party/tree-sitter/sources.sha256: remove" \
       "third_party/tree-sitter/node_modules and run scripts/install-deps.sh again" >&2
  exit 1
}
if [[ "${1:-}" == "--test" && -f tests/tools/package-lock.json ]]; then
  npm_ci tests/tools
  find tests/tools/node_modules/@microsoft -name Sarif.Multitool -type f -exec chmod u+x {} + 2>/dev/null || true
fi
