"""The cross-skin test: for a fixed set of calls, the CLI's text and CSV, Python's and
JavaScript's are byte-identical, because core renders them.

Run with the Python that has the `vardavtal` wheel installed, after `cargo build` (the CLI)
and the wasm package for node (wasm/pkg-nodejs):

    python tests/cross-skin/check.py [path/to/vardavtal-cli-binary]
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import vardavtal

ROOT = Path(__file__).resolve().parents[2]
CLI = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "target" / "debug" / "vardavtal"
DEMO = str(ROOT / "examples" / "demo-agreement.json")
OUTCOMES = str(ROOT / "examples" / "demo-outcomes.json")
TABLE = (ROOT / "examples" / "published-table.txt").read_text(encoding="utf-8")
MUNI = "population:municipalities:2024-12-31"
K21, K23 = "population:regions:2021-11-01", "population:regions:2023-11-01"
POT = "1 382 000 000 kr"


def alloc(key: str | None = None) -> vardavtal.Allocation:
    # Python reads a file only from a path object, never by probing a str.
    return vardavtal.allocate(Path(DEMO), outcomes=Path(OUTCOMES), key=key)


# name: (CLI arguments, the Python value, the JavaScript expression, formats)
CASES = {
    "split-each": (
        ["split", "443 miljoner kronor", "--key", MUNI, "--each", "1000000"],
        lambda: vardavtal.split("443 miljoner kronor", key=MUNI, each="1000000"),
        f'v.split("443 miljoner kronor", "{MUNI}", "1000000")',
        ("table", "csv", "csv-sv"),
    ),
    "demo-allocation": (
        ["allocate", DEMO, "--outcomes", OUTCOMES],
        alloc,
        "v.allocate(demo, { outcomes })",
        ("table", "csv", "csv-sv"),
    ),
    "comparison": (
        ["compare", DEMO, "--outcomes", OUTCOMES, "--key", K21, "--key-b", K23],
        lambda: vardavtal.compare(alloc(K21), alloc(K23)),
        f'v.compare(v.allocate(demo, {{ outcomes, key: "{K21}" }}), v.allocate(demo, {{ outcomes, key: "{K23}" }}))',
        ("table", "csv", "csv-sv"),
    ),
    "catalog-findings": (
        ["validate", "--catalog"],
        lambda: vardavtal.validate(),
        "v.validateCatalog()",
        ("table", "csv", "csv-sv"),
    ),
    "shown": (
        ["shown", "okad-tillganglighet-2022", "--assume", K23],
        lambda: vardavtal.shown("okad-tillganglighet-2022", assume=K23),
        f'v.shown("okad-tillganglighet-2022", {{ assume: "{K23}" }})',
        ("table", "csv", "csv-sv"),
    ),
    "reconciliation": (
        ["reconcile", TABLE, "--pot", POT],
        lambda: vardavtal.reconcile(TABLE, pot=POT),
        f'v.reconcile(table, {{ pot: "{POT}" }})',
        ("table", "csv", "csv-sv"),
    ),
}

NODE = r"""
const v = require(process.argv[1]);
const fs = require("fs");
const input = JSON.parse(fs.readFileSync(0, "utf8"));
const out = {};
for (const [name, expr] of Object.entries(input.cases)) {
  const value = new Function("v", "demo", "outcomes", "table", "return " + expr)(
    v, input.demo, input.outcomes, input.table);
  out[name] = { table: value.toText(), csv: value.toCsv(), "csv-sv": value.toCsv(true) };
}
process.stdout.write(JSON.stringify(out));
"""


def cli(args: list[str], fmt: str) -> str:
    # bytes, decoded as they are: the Swedish CSV's CRLF line ends stay
    r = subprocess.run([str(CLI), *args, "--format", fmt], capture_output=True, cwd=ROOT)
    if r.returncode not in (0, 1) or r.stderr:
        raise SystemExit(f"CLI {args} failed ({r.returncode}): {r.stderr.decode()}")
    return r.stdout.decode("utf-8")


def js() -> dict[str, dict[str, str]]:
    payload = {
        "cases": {n: c[2] for n, c in CASES.items()},
        "demo": Path(DEMO).read_text(encoding="utf-8"),
        "outcomes": Path(OUTCOMES).read_text(encoding="utf-8"),
        "table": TABLE,
    }
    pkg = str(ROOT / "wasm" / "pkg-nodejs" / "vardavtal_wasm.js")
    r = subprocess.run(["node", "-e", NODE, pkg], input=json.dumps(payload), capture_output=True, text=True, check=True)
    out: dict[str, dict[str, str]] = json.loads(r.stdout)
    return out


def main() -> None:
    from_js = js()
    failures = []
    for name, (args, py, _, formats) in CASES.items():
        value = py()
        for fmt in formats:
            want = cli(args, fmt)
            python = {"table": str(value), "csv": value.to_csv(), "csv-sv": value.to_csv(swedish=True)}[fmt]
            got = {"python": python, "javascript": from_js[name][fmt]}
            if not want.strip():
                failures.append(f"{name} {fmt}: the CLI printed nothing")
            for skin, text in got.items():
                if text != want:
                    failures.append(f"{name} {fmt}: {skin} differs from the CLI\n--- cli\n{want[:600]}\n--- {skin}\n{text[:600]}")
            print(f"{name:18} {fmt:6} {len(want):7} bytes: CLI = Python = JavaScript" if all(t == want for t in got.values()) else f"{name:18} {fmt:6} DIFFERS")
    if failures:
        raise SystemExit("\n\n".join(failures))


if __name__ == "__main__":
    main()
