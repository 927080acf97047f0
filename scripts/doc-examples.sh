#!/usr/bin/env bash
# Every public type and function of the crate has a code example in its docs: rustdoc's lint
# `missing_doc_code_examples` (unstable, so a pinned nightly toolchain runs it), warnings denied.
#   scripts/doc-examples.sh          fail, listing the items without an example
#   scripts/doc-examples.sh --list   only list them (file:line and the item's first doc line)
# Installs the pinned nightly (minimal profile, ~10 s) when it is missing.
set -Eeuo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
NIGHTLY=${DOC_EXAMPLES_TOOLCHAIN:-nightly-2026-05-20}
rustup run "$NIGHTLY" rustc -V >/dev/null 2>&1 || rustup toolchain install "$NIGHTLY" --profile minimal
out=$(mktemp)
trap 'rm -f "$out"' EXIT
status=0
cargo +"$NIGHTLY" rustdoc -q -p vardavtal --all-features --locked -- \
  -Z unstable-options -Zcrate-attr="feature(rustdoc_missing_doc_code_examples)" \
  -W rustdoc::missing-doc-code-examples >"$out" 2>&1 || status=$?
missing=$(grep -A2 '^warning: missing code example' "$out" | grep -- '-->' | awk '{print $2}' || true)
if [ "$status" -ne 0 ]; then cat "$out"; exit "$status"; fi
if [ -z "$missing" ]; then
  echo "every public item of vardavtal has a code example"
  exit 0
fi
while IFS=: read -r file line _; do
  printf '%s:%s  %s\n' "$file" "$line" "$(sed -n "${line}p" "$file" | sed 's/^ *//' | cut -c1-90)"
done <<<"$missing"
echo "$(wc -l <<<"$missing") public items without a code example"
[ "${1:-}" = "--list" ] || exit 1
