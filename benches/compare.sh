#!/usr/bin/env bash
# The comparison harness, in one command:
#
#   bash benches/compare.sh            # ~1.5 min once built (the first build: several); --quick: ~30 s
#
# Builds what it needs (release builds; nothing outside benches/ and the cargo target
# directory is written), then runs benches/compare.py: the same split of 443 000 000 kr
# over the 21 regions and the 290 municipalities in Rust, through the Python package
# (split, split_batch), through the wasm package under node, with the analyst's Python
# baseline (decimal, fractions) and with dinero.js allocate; checks the amounts; prints the
# table and writes it to benches/results.md; then, when Chromium and wasm/pkg-web are there,
# times the web page's recompute of the demo agreement (benches/page.mjs) into
# benches/.build/page.json. Not part of CI.
#
# Environment:
#   CARGO_TARGET_DIR  where cargo builds (default: benches/.build/target)
#   PYTHON            an interpreter that already has vardavtal installed (a release build);
#                     default: build the wheel into the venv benches/.build/venv
#   WASM_PKG          a wasm-bindgen --target nodejs package directory; default: build it
#                     into benches/.build/pkg-nodejs (falls back to wasm/pkg-nodejs)
set -Eeuo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
BUILD=$HERE/.build
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$BUILD/target}
export PATH="$HOME/.cargo/bin:$PATH"
mkdir -p "$BUILD"
trap 'echo "!!! benches/compare.sh failed at line $LINENO: $BASH_COMMAND" >&2' ERR
say() { echo "=== $*" >&2; }

say "rust timing binary (benches/rust, release)"
(cd "$HERE/rust" && cargo build --release --locked -q)
RUST_BIN=$CARGO_TARGET_DIR/release/vardavtal-compare

if [ -z "${PYTHON:-}" ]; then
  say "python wheel (release) into benches/.build/venv"
  VENV=$BUILD/venv
  [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
  PYTHON=$VENV/bin/python
  MATURIN=$ROOT/.venv/bin/maturin
  if [ ! -x "$MATURIN" ]; then
    "$PYTHON" -c 'import maturin' 2>/dev/null || "$PYTHON" -m pip install -q --disable-pip-version-check "maturin>=1.16,<2"
    MATURIN=$VENV/bin/maturin
  fi
  rm -rf "$BUILD/wheel"
  PYO3_PYTHON="$PYTHON" "$MATURIN" build --release --locked -q -m "$ROOT/py/Cargo.toml" -i "$PYTHON" --out "$BUILD/wheel" >&2
  "$PYTHON" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps "$BUILD"/wheel/vardavtal-*.whl
  # pandas for the DataFrame rows (to_pandas against the analyst's own DataFrame)
  "$PYTHON" -c 'import pandas' 2>/dev/null || "$PYTHON" -m pip install -q --disable-pip-version-check pandas
fi

if [ -z "${WASM_PKG:-}" ]; then
  WB=$(awk '$0=="name = \"wasm-bindgen\""{getline; gsub(/version = |"/, ""); print; exit}' "$ROOT/Cargo.lock")
  if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $WB" ] &&
     rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "wasm package (release, --target nodejs) into benches/.build/pkg-nodejs"
    (cd "$ROOT" && cargo build -q -p vardavtal-wasm --target wasm32-unknown-unknown --release --locked)
    rm -rf "$BUILD/pkg-nodejs"
    wasm-bindgen --target nodejs --out-dir "$BUILD/pkg-nodejs" "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/vardavtal_wasm.wasm"
    WASM_PKG=$BUILD/pkg-nodejs
  elif [ -f "$ROOT/wasm/pkg-nodejs/vardavtal_wasm.js" ]; then
    say "wasm-bindgen $WB or the wasm32 target missing: using wasm/pkg-nodejs as built by wasm/ci.sh"
    WASM_PKG=$ROOT/wasm/pkg-nodejs
  else
    say "no wasm package (run bash wasm/ci.sh): the wasm rows are skipped"
    WASM_PKG=
  fi
fi

if [ ! -f "$HERE/node_modules/dinero.js/package.json" ]; then
  say "npm ci (dinero.js) in benches/"
  (cd "$HERE" && npm ci --no-audit --no-fund --silent)
fi

say "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
rc=0
python3 "$HERE/compare.py" --rust "$RUST_BIN" --python "$PYTHON" --pkg "$WASM_PKG" "$@" || rc=$?

# The page's recompute of the demo agreement in headless Chromium (benches/page.mjs), when
# Chromium, the page's package (wasm/pkg-web, built by wasm/ci.sh: it is not rebuilt here)
# and playwright-core (wasm/node_modules) are present; its figures go to benches/.build/page.json.
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [ -x "$CHROMIUM" ] && [ -f "$ROOT/wasm/pkg-web/vardavtal_wasm.js" ] &&
   [ -f "$ROOT/wasm/node_modules/playwright-core/package.json" ]; then
  say "the page's recompute (benches/page.mjs, headless Chromium) into benches/.build/page.json"
  RUNS=200
  case " $* " in *" --quick "*) RUNS=50 ;; esac
  CHROMIUM=$CHROMIUM XDG_CONFIG_HOME=$BUILD/xdg/config XDG_CACHE_HOME=$BUILD/xdg/cache \
    node "$HERE/page.mjs" --runs "$RUNS" --out "$BUILD/page.json" >/dev/null || rc=$?
else
  say "no $CHROMIUM, wasm/pkg-web or wasm/node_modules/playwright-core (bash wasm/ci.sh): the page's recompute is skipped"
fi
exit "$rc"
