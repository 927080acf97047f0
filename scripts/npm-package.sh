#!/usr/bin/env bash
# Builds the npm package `vardavtal` and packs it: the wasm32 release build of the wasm
# crate, bound twice by wasm-bindgen (web/: an ES module with init() for browsers and
# bundlers; node/: CommonJS for node, which ES modules import by name), with
# npm/package.json (its version set to the workspace's), npm/README.md and the licenses.
# Writes $OUT/package/ (the package's tree) and $OUT/vardavtal-VERSION.tgz (npm pack);
# OUT defaults to <target>/npm. Needs the wasm32 target and the wasm-bindgen-cli of the
# version in Cargo.lock (wasm/ci.sh installs both).
#   bash scripts/npm-package.sh
set -Eeuo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
trap 'echo "!!! scripts/npm-package.sh FAILED at line $LINENO: $BASH_COMMAND" >&2' ERR
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
OUT=${OUT:-$TARGET_DIR/npm}
STAGE=$OUT/package

cargo build -p vardavtal-wasm --target wasm32-unknown-unknown --release --locked
WASM=$TARGET_DIR/wasm32-unknown-unknown/release/vardavtal_wasm.wasm
rm -rf "$STAGE" "$OUT"/vardavtal-*.tgz
mkdir -p "$STAGE"
wasm-bindgen --target web --out-dir "$STAGE/web" "$WASM"
wasm-bindgen --target nodejs --out-dir "$STAGE/node" "$WASM"
# web/ is ES modules for every tool that reads package.json "type" (node, bundlers).
printf '{ "type": "module" }\n' >"$STAGE/web/package.json"

VERSION=$(awk '/^\[workspace.package\]/{p=1} p && /^version *=/{gsub(/version *= *|"/, ""); print; exit}' Cargo.toml)
[ -n "$VERSION" ] || { echo "no [workspace.package] version in Cargo.toml" >&2; exit 1; }
node -e '
  const fs = require("fs");
  const [src, dst, version] = process.argv.slice(1);
  const pkg = JSON.parse(fs.readFileSync(src, "utf8"));
  pkg.version = version;
  fs.writeFileSync(dst, JSON.stringify(pkg, null, 2) + "\n");
' npm/package.json "$STAGE/package.json" "$VERSION"
cp npm/README.md LICENSE-MIT LICENSE-APACHE "$STAGE/"

(cd "$STAGE" && npm pack --silent --pack-destination "$OUT" >/dev/null)
TGZ=$OUT/vardavtal-$VERSION.tgz
[ -f "$TGZ" ] || { echo "npm pack wrote no $TGZ" >&2; exit 1; }
printf '%s: %d bytes packed, %d bytes unpacked in %d files\n' "$TGZ" "$(wc -c <"$TGZ")" \
  "$(du -sb "$STAGE" | cut -f1)" "$(find "$STAGE" -type f | wc -l)"
