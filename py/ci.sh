#!/usr/bin/env bash
# Python skin CI: install what is missing into the venv, build the abi3 wheel, install it,
# run pytest against the installed wheel, check the stubs (mypy.stubtest), run the notebook.
# Idempotent. Run from anywhere; VENV defaults to <repo>/.venv, CARGO_TARGET_DIR to cargo's
# default (<repo>/target).
set -Eeuo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
VENV=${VENV:-$ROOT/.venv}
PY="$VENV/bin/python"
export PYO3_PYTHON="$PY" # the same interpreter for cargo and maturin builds
trap 'echo "!!! py/ci.sh FAILED at line $LINENO: $BASH_COMMAND" >&2' ERR

step() { echo; echo "=== [py] $*"; }

step "venv and tools"
[ -x "$PY" ] || python3 -m venv "$VENV"
missing=()
"$PY" -c 'import maturin' 2>/dev/null || missing+=("maturin==1.16.*")
for mod in pytest hypothesis mypy numpy pandas nbclient ipykernel nbformat matplotlib openpyxl pyarrow polars; do
  "$PY" -c "import $mod" 2>/dev/null || missing+=("$mod")
done
"$PY" -c 'import dask.distributed' 2>/dev/null || missing+=("dask[distributed]")
if [ ${#missing[@]} -gt 0 ]; then
  "$PY" -m pip install -q --disable-pip-version-check "${missing[@]}"
fi

step "build the abi3 wheel"
rm -f dist/vardavtal-*.whl
"$VENV/bin/maturin" build --release --locked -m py/Cargo.toml -i "$PY" --out dist
"$PY" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps dist/vardavtal-*.whl

# From a neutral directory, so `import vardavtal` is the installed wheel, not py/python.
NEUTRAL=$(mktemp -d)
trap 'rm -rf "$NEUTRAL"' EXIT
cd "$NEUTRAL"
"$PY" -c 'import vardavtal, sys; assert "/site-packages/" in vardavtal.__file__, vardavtal.__file__; print("vardavtal", vardavtal.__version__, "from", vardavtal.__file__)'

step "smoke: split 443,4 miljoner kronor by region"
"$PY" -c "import vardavtal; print(vardavtal.split('443,4 miljoner kronor', key='population:regions:2021-11-01'))"

step "pytest"
"$PY" -m pytest -q -p no:cacheprovider "$ROOT/py/tests"

step "stubtest"
"$PY" -m mypy.stubtest vardavtal
"$PY" -m mypy --strict --no-incremental --cache-dir /dev/null "$ROOT/py/tests" "$ROOT/py/bench" "$ROOT/py/examples"

step "notebook"
"$PY" - "$ROOT/examples/notebook.ipynb" <<'PYEOF'
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

path = Path(sys.argv[1])
nb = nbformat.read(path, as_version=4)
NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
print(f"{path.name}: {sum(c.cell_type == 'code' for c in nb.cells)} code cells ran")
PYEOF
echo; echo "=== [py] all passed"
