#!/usr/bin/env bash
# CI of the WebAssembly skin and the web page. Idempotent; run from anywhere:
#   bash wasm/ci.sh                  (everything; browser test when Chromium is present/installable)
#   WITH_BROWSER=1 bash wasm/ci.sh   (fail when Chromium cannot be installed)
#   WITH_BROWSER=0 bash wasm/ci.sh   (skip the browser test)
# Installs what is missing (rustup target, wasm-bindgen-cli of the exact version in
# Cargo.lock, chromium + chromium-driver via apt, node_modules via npm ci), then builds
# wasm/pkg-web and wasm/pkg-nodejs, runs clippy, checks that the generated .d.ts equals the
# committed wasm/ts/vardavtal_wasm.d.ts (UPDATE_DTS=1 rewrites it), builds the CLI (the node
# tests compare toText/toCsv with it byte for byte), runs the node tests, tsc,
# wasm-bindgen-test under node and the end-to-end browser test, and prints the .wasm size.
set -Eeuo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

export CARGO_HOME=${CARGO_HOME:-$HOME/.cargo}
export PATH="$CARGO_HOME/bin:$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=never CARGO_INCREMENTAL=0 CARGO_NET_RETRY=5
WITH_BROWSER=${WITH_BROWSER:-auto}
WASM_TARGET=wasm32-unknown-unknown
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}

declare -a TIMES=()
step() { # step "name" cmd...
  local name=$1; shift
  echo; echo "=== [$name] $*"
  local t0=$SECONDS
  "$@"
  TIMES+=("$(printf '%5ds  %s' $((SECONDS - t0)) "$name")")
}
summary() { echo; echo "=== step times"; printf '%s\n' "${TIMES[@]}"; echo "total ${SECONDS}s"; }
trap 'echo "!!! FAILED at line $LINENO: $BASH_COMMAND" >&2; summary' ERR

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }

# wasm-bindgen-cli MUST equal the wasm-bindgen crate version in Cargo.lock
WB_VERSION=$(awk '$0=="name = \"wasm-bindgen\""{getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
[ -n "$WB_VERSION" ] || { echo "wasm-bindgen not found in Cargo.lock" >&2; exit 1; }

# ---------------------------------------------------------------- installs
install_rust_target() {
  rustup target list --installed | grep -qx "$WASM_TARGET" || rustup target add "$WASM_TARGET"
  rustup component list --installed | grep -q '^clippy' || rustup component add clippy
}
install_wasm_bindgen() {
  if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $WB_VERSION" ] &&
     command -v wasm-bindgen-test-runner >/dev/null; then
    echo "wasm-bindgen $WB_VERSION already installed"; return
  fi
  # --locked first; where the registry lacks a version its lockfile names, resolve afresh
  # (the version of wasm-bindgen-cli itself stays exact).
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --locked --force ||
    cargo install wasm-bindgen-cli --version "$WB_VERSION" --force
}
install_chromium() {
  [ "$WITH_BROWSER" = 0 ] && { echo "WITH_BROWSER=0: browser test skipped"; return; }
  if [ -x /usr/bin/chromium ] && command -v chromedriver >/dev/null; then echo "chromium present"; return; fi
  if as_root apt-get update -q && as_root apt-get install -y -q --no-install-recommends chromium chromium-driver; then return; fi
  [ "$WITH_BROWSER" = 1 ] && { echo "chromium install failed and WITH_BROWSER=1" >&2; return 1; }
  echo "################################################################"
  echo "WARNING: chromium could not be installed: THE BROWSER TEST IS SKIPPED"
  echo "################################################################"
  WITH_BROWSER=0
}
install_node() {
  if [ -f wasm/node_modules/playwright-core/package.json ] && [ -x wasm/node_modules/.bin/tsc ]; then
    echo "node_modules present"; return
  fi
  (cd wasm && npm ci --no-audit --no-fund)
}

step rust-target      install_rust_target
step wasm-bindgen-cli install_wasm_bindgen
step chromium         install_chromium
step npm-ci           install_node

# ---------------------------------------------------------------- build
wasm_build() {
  cargo build -p vardavtal-wasm --target "$WASM_TARGET" --release --locked
  local wasm=$TARGET_DIR/$WASM_TARGET/release/vardavtal_wasm.wasm
  rm -rf wasm/pkg-web wasm/pkg-nodejs
  wasm-bindgen --target web    --out-dir wasm/pkg-web    "$wasm"
  wasm-bindgen --target nodejs --out-dir wasm/pkg-nodejs "$wasm"
}
wasm_size() {
  local f=wasm/pkg-web/vardavtal_wasm_bg.wasm
  printf 'vardavtal_wasm_bg.wasm: %d bytes raw, %d bytes gzip -9\n' "$(wc -c <"$f")" "$(gzip -9 -c "$f" | wc -c)"
}
step wasm-build  wasm_build
step wasm-size   wasm_size

# The TypeScript declarations are generated from the Rust types (tsify-next); the committed
# copy is what users read and review, so a change to a type shows in the diff.
dts_check() {
  local gen=wasm/pkg-web/vardavtal_wasm.d.ts committed=wasm/ts/vardavtal_wasm.d.ts
  if [ "${UPDATE_DTS:-0}" = 1 ]; then cp "$gen" "$committed"; echo "updated $committed"; return; fi
  diff -u "$committed" "$gen" || {
    echo "the generated $gen differs from the committed $committed: run UPDATE_DTS=1 bash wasm/ci.sh and commit it" >&2
    return 1
  }
  echo "$gen equals $committed"
}
cli_build() { cargo build -p vardavtal-cli --locked; }
step dts-check    dts_check
step cli-build    cli_build
export VARDAVTAL_CLI=$TARGET_DIR/debug/vardavtal

# ---------------------------------------------------------------- checks and tests
step clippy-wasm  cargo clippy -p vardavtal-wasm --target "$WASM_TARGET" --all-targets --locked -- -D warnings
step node-test    node --test wasm/js-tests/
step tsc          bash -c "cd wasm && node_modules/.bin/tsc -p tsconfig.json"
# the runner (wasm-bindgen-test-runner) is set in .cargo/config.toml; node is its default
step wasm-bindgen-test-node cargo test -p vardavtal-wasm --target "$WASM_TARGET" --locked --test node
if [ "$WITH_BROWSER" != 0 ]; then
  # keep Chromium's ~/.config/chromium and ~/.cache out of $HOME
  export XDG_CONFIG_HOME=$ROOT/target/xdg/config XDG_CACHE_HOME=$ROOT/target/xdg/cache
  mkdir -p "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
  step browser-e2e node wasm/js-tests/browser.mjs
fi

summary
