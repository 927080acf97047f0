#!/usr/bin/env bash
# The skins' share of core's lines: hand-written skin code (py/src, py/python without the
# stubs, wasm/src, wasm/js, cli/src) against core/src, counted as lines of the files.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
count() { find "$@" -type f \( -name '*.rs' -o -name '*.py' -o -name '*.js' -o -name '*.mjs' \) -print0 2>/dev/null | xargs -0 cat 2>/dev/null | wc -l; }
core=$(count core/src)
total=0
for s in py/src py/python wasm/src wasm/js cli/src; do
  n=$(count "$s"); total=$((total + n)); printf '%-12s %6d\n' "$s" "$n"
done
printf '%-12s %6d\n' "skins" "$total" "core/src" "$core"
awk -v s="$total" -v c="$core" 'BEGIN { printf "share        %5.1f %%\n", 100 * s / c }'
