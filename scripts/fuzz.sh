#!/usr/bin/env bash
# Run every cargo-fuzz target of fuzz/ for a short while (CI), or longer by hand.
#
#   scripts/fuzz.sh                 # each target FUZZ_SECONDS (default 20) seconds (11 targets:
#                                   # about 4 minutes in CI)
#   FUZZ_SECONDS=400 scripts/fuzz.sh agreement amount    # only these targets
#
# Targets are built optimised with debug assertions and overflow checks (cargo-fuzz's
# default). Needs cargo-fuzz (`cargo install cargo-fuzz`) and libFuzzer's nightly flags: on a stable
# toolchain this script sets RUSTC_BOOTSTRAP=1. Each target's corpus (fuzz/corpus/TARGET,
# gitignored) is seeded from the repository: the catalog agreements, examples/ and the
# bad-input corpus tests/corpus/. A crash leaves its input in fuzz/artifacts/TARGET/ and
# makes the script exit non-zero; reproduce it with
#   RUSTC_BOOTSTRAP=1 cargo fuzz run TARGET fuzz/artifacts/TARGET/crash-…
# (from fuzz/), then turn it into a regression test (see fuzz/README.md).
set -Eeuo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT/fuzz"
SECONDS_EACH=${FUZZ_SECONDS:-20}
export RUSTC_BOOTSTRAP=${RUSTC_BOOTSTRAP:-1}
ALL=(agreement validate_set amount allocation key_csv reconcile performance declared key_spec ore writers)
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=("${ALL[@]}")

command -v cargo-fuzz >/dev/null || { echo "cargo-fuzz is not installed: cargo install cargo-fuzz" >&2; exit 2; }

seed() { # seed TARGET FILES...
  local dir="corpus/$1"; shift
  mkdir -p "$dir"
  local f
  for f in "$@"; do
    [ -f "$f" ] || continue
    cp -n "$f" "$dir/seed-$(basename "$(dirname "$f")")-$(basename "$f")" 2>/dev/null || true
  done
}
seed agreement "$ROOT"/core/catalog/agreements/*.json "$ROOT"/examples/*.json "$ROOT"/tests/corpus/agreement/*.json
seed amount "$ROOT"/tests/corpus/amount/*
seed key_csv "$ROOT"/tests/corpus/key_csv/*
seed reconcile "$ROOT"/examples/published-table.txt
seed performance "$ROOT"/examples/demo-outcomes.json "$ROOT"/tests/corpus/outcomes/*.json
seed key_spec "$ROOT"/tests/corpus/key_csv/*
seed ore "$ROOT"/tests/corpus/amount/*
mkdir -p corpus/validate_set corpus/allocation corpus/declared corpus/writers

unset CARGO_TARGET_DIR # the fuzz crate builds into fuzz/target (gitignored)
cargo fuzz build
LOGS="$ROOT/fuzz/target/fuzz-logs"
mkdir -p "$LOGS"
failed=()
for t in "${TARGETS[@]}"; do
  echo "=== fuzz $t for ${SECONDS_EACH}s"
  # -rss_limit_mb: an input that needs more than 2 GB is a finding too; -timeout: so is
  # one that takes more than 10 s.
  # writers: LeakSanitizer reports the 32 bytes glibc keeps for a thread-local destructor
  # (__cxa_thread_atexit_impl), registered on first use, never freed: not a leak of ours
  extra=()
  [ "$t" = writers ] && extra=(-detect_leaks=0)
  if ! cargo fuzz run "$t" -- "${extra[@]}" -max_total_time="$SECONDS_EACH" -rss_limit_mb=2048 \
      -timeout=10 -max_len="${FUZZ_MAX_LEN:-65536}" -print_final_stats=1 2>&1 | tee "$LOGS/$t.log" \
      | grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units|==[0-9]+==|SUMMARY|artifact_prefix|Test unit written)'; then
    :
  fi
  if grep -qE 'Test unit written|SUMMARY: libFuzzer|deadly signal|panicked' "$LOGS/$t.log"; then
    failed+=("$t")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "!!! fuzz: crashes in ${failed[*]} (inputs in fuzz/artifacts/)" >&2
  exit 1
fi
echo "=== fuzz: no crashes in ${TARGETS[*]}"
