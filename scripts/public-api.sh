#!/usr/bin/env bash
# The crate's public API, one item a line, as cargo-public-api lists it from rustdoc's JSON
# (it needs a nightly toolchain installed beside the stable one). The listing is committed as
# core/public-api.txt, so that a change to the surface shows in review:
#   scripts/public-api.sh          rewrite core/public-api.txt
#   scripts/public-api.sh --check  fail when the listing is not the API's
# Install once: cargo install cargo-public-api --locked; rustup toolchain install nightly
set -Eeuo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=core/public-api.txt
new=$(mktemp)
trap 'rm -f "$new"' EXIT
cargo public-api -p vardavtal -ss 2>/dev/null | grep -v '^\s*$' >"$new"
if [ "${1:-}" = "--check" ]; then
  diff -u "$out" "$new" && echo "public API unchanged ($(wc -l <"$out") items)"
else
  mv "$new" "$out"
  echo "wrote $out ($(wc -l <"$out") items)"
fi
