#!/usr/bin/env bash
# `pip install ./py` as a user does it: into a fresh venv with nothing installed by hand (pip
# fetches maturin itself, through the pyproject's build backend), then `import vardavtal`
# and a split from a directory outside the repository, so the installed package is the one
# imported. The venv is temporary; CARGO_TARGET_DIR defaults to the repository's target, so
# the release build that py/ci.sh made is reused rather than done again.
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

cd "$WORK"
"$PY" - <<'PYEOF'
import vardavtal

assert "/site-packages/" in vardavtal.__file__, vardavtal.__file__
alloc = vardavtal.split(100, key="population:regions:2021-11-01")
assert alloc.total == 100, alloc.total
print("import vardavtal", vardavtal.__version__, "from", vardavtal.__file__, "- split(100).total =", alloc.total)
PYEOF
