#!/usr/bin/env bash
# The npm package as its users get it: builds and packs it (scripts/npm-package.sh), installs
# the tarball into a fresh folder outside the repository, imports it from node as an ES
# module and with require(), type-checks a TypeScript user (tsc, moduleResolution bundler),
# bundles a page with esbuild (`import init, { split } from "vardavtal"`, the .wasm as a
# file) and loads that page in headless Chromium (wasm/js-tests/package-bundle.mjs). The
# consumer's files are npm/consumer/. esbuild and tsc are the locked dev dependencies of
# wasm/ (npm ci there, as wasm/ci.sh does). WITH_BROWSER=0 skips the browser.
#   bash scripts/npm-package-check.sh
set -Eeuo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
trap 'echo "!!! scripts/npm-package-check.sh FAILED at line $LINENO: $BASH_COMMAND" >&2' ERR
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
export OUT=${OUT:-$TARGET_DIR/npm}
WITH_BROWSER=${WITH_BROWSER:-auto}

[ -x wasm/node_modules/.bin/esbuild ] && [ -x wasm/node_modules/.bin/tsc ] || (cd wasm && npm ci --no-audit --no-fund)
bash scripts/npm-package.sh
TGZ=$(ls "$OUT"/vardavtal-*.tgz)

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp npm/consumer/* "$WORK/"
cd "$WORK"
printf '{ "name": "vardavtal-consumer", "version": "1.0.0", "private": true }\n' >package.json
npm install --no-audit --no-fund --silent "$TGZ"
npm ls vardavtal
node esm.mjs
node cjs.cjs
"$ROOT/wasm/node_modules/.bin/tsc" -p tsconfig.json
echo "tsc: the package's types check"
"$ROOT/wasm/node_modules/.bin/esbuild" page.js --bundle --format=esm --platform=browser --minify \
  --loader:.wasm=file --outdir=dist --log-level=warning
ls -l dist
if [ "$WITH_BROWSER" = 0 ] || [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "WITH_BROWSER=0 or no Chromium: the bundled page is not loaded in a browser"
  [ "$WITH_BROWSER" = 1 ] && exit 1
  exit 0
fi
export XDG_CONFIG_HOME=$TARGET_DIR/xdg/config XDG_CACHE_HOME=$TARGET_DIR/xdg/cache
mkdir -p "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
node "$ROOT/wasm/js-tests/package-bundle.mjs" "$WORK"
