#!/usr/bin/env bash
# `pip install ./py` as a user does it: into a fresh venv with nothing installed by hand (pip
# fetches maturin itself, through the pyproject's build backend), then `import vardavtal`
# and a split from a directory outside the repository, so the installed package is the one
# imported. Then the sdist, as a package index serves it: `maturin sdist` (the py crate, the
# core crate with its data and catalog, the workspace's Cargo.toml and Cargo.lock), checked
# for the files the build needs, installed into a second fresh venv (pip builds it from
# source) and imported the same way. The venvs are temporary; CARGO_TARGET_DIR defaults to
# the repository's target, so the release build that py/ci.sh made is reused where it can be.
#   PYTHON=python3.12 scripts/pip-install-check.sh
set -Eeuo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
PYTHON=${PYTHON:-python3}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
trap 'echo "!!! scripts/pip-install-check.sh FAILED at line $LINENO: $BASH_COMMAND" >&2' ERR

"$PYTHON" -m venv "$WORK/venv"
PY=$WORK/venv/bin/python
"$PY" -m pip install -q --disable-pip-version-check "$ROOT/py"
"$PY" -m pip list --disable-pip-version-check --format=freeze | grep -i '^vardavtal=='

smoke() { # smoke PYTHON: import the installed package from outside the repository
  (cd "$WORK" && "$1" - <<'PYEOF'
import vardavtal

assert "/site-packages/" in vardavtal.__file__, vardavtal.__file__
alloc = vardavtal.split(100, key="population:regions:2021-11-01")
assert alloc.total == 100, alloc.total
assert len(vardavtal.catalog().agreements) >= 28
print("import vardavtal", vardavtal.__version__, "from", vardavtal.__file__, "- split(100).total =", alloc.total)
PYEOF
  )
}
smoke "$PY"

echo "--- the sdist"
"$PY" -m pip install -q --disable-pip-version-check "maturin>=1.16,<2"
"$WORK/venv/bin/maturin" sdist -m "$ROOT/py/Cargo.toml" --out "$WORK/sdist"
SDIST=$(ls "$WORK"/sdist/vardavtal-*.tar.gz)
tar tzf "$SDIST" >"$WORK/sdist.txt"
for f in pyproject.toml Cargo.lock core/Cargo.toml core/build.rs core/src/lib.rs core/data/regions.csv \
  core/data/population_regions.csv core/catalog/sources.json core/catalog/agreements/komiljard-2019.json \
  py/Cargo.toml py/src/lib.rs python/vardavtal/__init__.py python/vardavtal/py.typed; do
  grep -q "^vardavtal-[^/]*/$f\$" "$WORK/sdist.txt" || { echo "the sdist lacks $f" >&2; exit 1; }
done
printf '%s: %d bytes, %d files\n' "$(basename "$SDIST")" "$(wc -c <"$SDIST")" "$(wc -l <"$WORK/sdist.txt")"
"$PYTHON" -m venv "$WORK/venv-sdist"
"$WORK/venv-sdist/bin/python" -m pip install -q --disable-pip-version-check "$SDIST"
smoke "$WORK/venv-sdist/bin/python"
