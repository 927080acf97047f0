"""The comparison harness: the same split timed in every implementation, in one run.

Run it through ``bash benches/compare.sh`` (which builds what it needs first); directly:

    python3 benches/compare.py --rust BIN --python PY [--pkg WASM_PKG_NODEJS] [--quick]
    python3 benches/compare.py --render-only     # rewrite results.md from the last run

1. Reads the inputs from core/data/*.csv: 443 000 000 kr over the 21 regions' population
   2021-11-01 and over the 290 municipalities' population 2024-12-31, and writes them to
   benches/.build/inputs.json, which every implementation reads.
2. Runs, one after the other: the Rust timing binary (benches/rust), the Python package and
   the analyst's baseline (benches/bench_python.py under PY), and the wasm package and
   dinero.js under node (benches/bench.mjs).
3. Checks the amounts: every implementation of vardavtal's rule (largest remainder, ties to
   the first in code order) must give identical amounts; dinero.js, whose rule differs, must
   give the pot exactly and each part the floor or the ceiling of its exact quota.
4. Prints the table of medians and ratios and the targets met or not, and writes them to
   benches/results.md. Exits non-zero when a check of the amounts fails.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import platform
import re
import subprocess
import sys
import time
from fractions import Fraction
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = ROOT / "core" / "data"
BUILD = HERE / ".build"
POT = 443_000_000

CASES = [
    ("municipalities", "290 municipalities", "population_municipalities.csv", "municipality_code",
     "2024-12-31", "population:municipalities:2024-12-31"),
    ("regions", "21 regions", "population_regions.csv", "region_code",
     "2021-11-01", "population:regions:2021-11-01"),
]

# Implementations that apply vardavtal's rule; their amounts must be identical.
SAME_RULE = ["hot path", "split", "python split", "python split_batch", "wasm split",
             "decimal baseline", "fractions baseline"]
# Implementations with another tie-break: only the pot and floor/ceil are checked.
OTHER_RULE = ["dinero.js", "dinero.js bigint"]


def load() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def machine() -> Dict[str, str]:
    model = "?"
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            if line.startswith("Model name:"):
                model = line.split(":", 1)[1].strip()
    except (OSError, subprocess.CalledProcessError):
        pass
    return {"cpu": model, "cores": str(os.cpu_count()), "os": platform.platform()}


def inputs() -> Dict[str, Any]:
    cases = []
    for cid, label, file, col, date, spec in CASES:
        pop: Dict[str, int] = {}
        with open(DATA / file, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if row["reference_date"] == date:
                    pop[row[col]] = int(row["population"])
        codes = sorted(pop)
        cases.append({"id": cid, "label": label, "spec": spec, "source": f"core/data/{file} @ {date}",
                      "codes": codes, "weights": [str(pop[c]) for c in codes]})
    return {"pot": str(POT), "cases": cases}


def run(name: str, cmd: List[str]) -> Tuple[Optional[Dict[str, Any]], str, str]:
    before = load()
    print(f"--- {name}: {' '.join(cmd)}  (load {before})", file=sys.stderr, flush=True)
    t = time.time()
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        print(p.stderr, file=sys.stderr)
        print(f"!!! {name} failed (exit {p.returncode})", file=sys.stderr)
        return None, before, load()
    print(f"    {time.time() - t:.1f} s", file=sys.stderr)
    return json.loads(p.stdout.strip().splitlines()[-1]), before, load()


def thin(text: str) -> str:
    """Thousands separated by spaces (Swedish style): 443,000,000 → 443 000 000."""
    return re.sub(r"(?<=\d),(?=\d{3})", " ", text)


def cpu_or_wall(t: Dict[str, Any]) -> float:
    c = t.get("cpu_median_ns")
    return float(c if c is not None else t["median_ns"])


def fmt_ns(ns: float) -> str:
    if ns < 1e3:
        return f"{ns:.0f} ns"
    if ns < 1e6:
        return f"{ns / 1e3:.2f} µs"
    if ns < 1e9:
        return f"{ns / 1e6:.2f} ms"
    return f"{ns / 1e9:.2f} s"


def fmt_x(r: float) -> str:
    if r < 1:
        return f"{r:.2f}×"
    return f"{r:.1f}×" if r < 100 else f"{r:,.0f}×"


def faster(base: float, ours: float) -> str:
    """'N× faster' or 'N× slower'."""
    r = base / ours
    return f"{fmt_x(r)} faster" if r >= 1 else f"{fmt_x(1 / r)} slower"


def check_amounts(inp: Dict[str, Any], got: Dict[str, Dict[str, Any]]) -> Tuple[List[str], bool]:
    """Lines describing the checks; ok is False when an amount differs where it must not."""
    lines: List[str] = []
    ok = True
    for case in inp["cases"]:
        cid = case["id"]
        codes = case["codes"]
        weights = [int(w) for w in case["weights"]]
        total = sum(weights)
        quota = {c: Fraction(POT * w, total) for c, w in zip(codes, weights)}
        ref = None
        lines.append(f"**{case['label']}** ({case['source']}, total {total:,}):")
        lines.append("")
        for impl in SAME_RULE + OTHER_RULE:
            entry = got.get(cid, {}).get(impl)
            if entry is None:
                lines.append(f"- {impl}: not run")
                continue
            amounts = {c: int(a) for c, a in zip(entry["codes"], entry["amounts"])}
            s = sum(amounts.values())
            floor_ceil = all(math.floor(quota[c]) <= a <= math.ceil(quota[c]) for c, a in amounts.items())
            complete = sorted(amounts) == codes
            if ref is None:
                ref = amounts
            diff = [c for c in codes if amounts.get(c) != ref.get(c)]
            base = f"sum {s:,} {'=' if s == POT else '≠'} pot, floor/ceil of the quota: {'yes' if floor_ceil else 'NO'}"
            if impl in SAME_RULE:
                good = complete and s == POT and floor_ceil and not diff
                ok &= good
                lines.append(f"- {impl}: {'identical to the Rust hot path' if not diff else f'DIFFERS for {len(diff)} recipients: {diff[:5]}'}; {base}")
            else:
                good = complete and s == POT and floor_ceil
                ok &= good
                why = ""
                if diff:
                    ex = diff[0]
                    why = (f" (e.g. {ex}: remainder {float(quota[ex] - math.floor(quota[ex])):.3f}, "
                           f"vardavtal {ref[ex]}, dinero.js {amounts[ex]})")
                lines.append(f"- {impl}: {len(diff)} of {len(codes)} amounts differ from vardavtal's (another rule for the "
                             f"kronor left over){why}; {base}")
        extra = got.get(cid, {}).get("dinero.js öre")
        if extra is not None:
            pot_ore = POT * 100
            amounts = [int(a) for a in extra["amounts"]]
            q = [Fraction(pot_ore * w, total) for w in weights]
            bad = sum(1 for a, qq in zip(amounts, q) if not math.floor(qq) <= a <= math.ceil(qq))
            lines.append(f"- dinero.js (number) with the pot in öre (SEK, scale 2): sum {'=' if sum(amounts) == pot_ore else '≠'} pot; "
                         f"{bad} parts outside floor/ceil of the quota (pot × weight exceeds 2^53 ≈ 9.0e15 here, so the "
                         f"number calculator computes rounded products: not exact in general; in kronor the products stay below 2^53)")
        lines.append("")
    return lines, ok


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rust", default="")
    ap.add_argument("--python", default="")
    ap.add_argument("--pkg", default="")
    ap.add_argument("--node", default="node")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--out", default=str(HERE / "results.md"))
    ap.add_argument("--render-only", action="store_true",
                    help="only rewrite the table from the last run's benches/.build/raw.json")
    a = ap.parse_args()
    q = ["--quick"] if a.quick else []

    BUILD.mkdir(exist_ok=True)
    inp = inputs()
    path = BUILD / "inputs.json"
    path.write_text(json.dumps(inp, indent=1))
    raw = BUILD / "raw.json"
    if a.render_only:
        saved = json.loads(raw.read_text())
        results, loads, load_start, load_end, when = (saved["results"], saved["loads"], saved["load_start"],
                                                      saved["load_end"], saved["when"])
        inp = saved["inputs"]
        a.quick = saved.get("quick", False)
    else:
        if not (a.rust and a.python):
            ap.error("--rust and --python are required (or --render-only)")
        results, loads, load_start, load_end, when = run_all(a, path, q)
        raw.write_text(json.dumps({"results": results, "loads": loads, "load_start": load_start,
                                   "load_end": load_end, "when": when, "inputs": inp, "quick": a.quick}))
    return render(a, inp, results, loads, load_start, load_end, when)


def run_all(a: argparse.Namespace, path: Path, q: List[str]) -> Tuple[Dict[str, Any], Dict[str, Any], str, str, str]:
    when = time.strftime('%Y-%m-%d %H:%M %Z')
    load_start = load()
    results = {}
    loads = {}
    for name, cmd in [
        ("rust", [a.rust, str(path), *q]),
        ("python", [a.python, str(HERE / "bench_python.py"), str(path), *q]),
        ("node", [a.node, str(HERE / "bench.mjs"), str(path), a.pkg, *q]),
    ]:
        r, l0, l1 = run(name, cmd)
        loads[name] = (l0, l1)
        if r is not None:
            results[name] = r
    return results, loads, load_start, load(), when


def render(a: argparse.Namespace, inp: Dict[str, Any], results: Dict[str, Any], loads: Dict[str, Any],
           load_start: str, load_end: str, when: str) -> int:

    # amounts, merged per case
    got: Dict[str, Dict[str, Any]] = {}
    for r in results.values():
        for cid, d in r.get("amounts", {}).items():
            got.setdefault(cid, {}).update(d)
    check_lines, ok = check_amounts(inp, got)

    t: Dict[Tuple[str, str, str], float] = {}
    wall: Dict[Tuple[str, str, str], float] = {}
    for r in results.values():
        for x in r.get("timings", []):
            k = (x["impl"], x["case"], x["what"])
            t[k] = cpu_or_wall(x["t"])
            wall[k] = x["t"]["median_ns"]

    def T(impl: str, case: str, what: str) -> Optional[float]:
        """The CPU-time median (the wall-clock one where CPU time is not available)."""
        return t.get((impl, case, what))

    def W(impl: str, case: str, what: str) -> Optional[float]:
        return wall.get((impl, case, what))

    out: List[str] = []
    m = machine()
    out.append("# Benchmark comparison: one split, every implementation")
    out.append("")
    out.append(f"Generated by `bash benches/compare.sh{' --quick' if a.quick else ''}` on {when}. "
               f"Machine: {m['cpu']}, {m['cores']} cores, {m['os']}; load average (1/5/15 min) {load_start} at the start, "
               f"{load_end} at the end (per part: " + ", ".join(f"{k} {v[0]} → {v[1]}" for k, v in loads.items()) + "). "
               f"Versions: Python {results.get('python', {}).get('python', '?')}, node {results.get('node', {}).get('node', '?')}, "
               f"vardavtal {results.get('python', {}).get('vardavtal', '?')} (Python), {results.get('node', {}).get('wasm', '?')} (wasm).")
    out.append("")
    out.append(f"Pot {POT:,} kr in whole kronor; medians over {'7' if a.quick else '31'} samples, each at least "
               f"{'5' if a.quick else '20'} ms long; one thread. **CPU** is the median of the CPU time per split (the thread's "
               f"for Rust and Python, the node process's for node): it leaves out the time spent waiting for a core that "
               f"other processes hold, so it is what an idle machine's wall clock would show; **wall** is the wall-clock "
               f"median. Ratios are of CPU medians, *time of the row / time of the Rust row*: "
               f"hot path = `largest_remainder_into` on the key's integer weights (amounts only); "
               f"split = `vardavtal::split` (rows with names and explanation figures, what the skins return).")
    for case in inp["cases"]:
        cid = case["id"]
        hot, full = T("rust", cid, "hot path"), T("rust", cid, "split")
        out.append("")
        out.append(f"## {case['label']}")
        out.append("")
        out.append("| implementation | CPU median per split | wall median | × Rust hot path | × Rust split |")
        out.append("|---|---:|---:|---:|---:|")
        rows = [
            ("Rust `largest_remainder_into` (hot path)", "rust", "hot path"),
            ("Rust `Key::split_units` (allocates the Vec)", "rust", "split_units"),
            ("Rust `split` (lean: rows made on first use)", "rust", "split"),
            ("Rust `split` + every amount (`amounts()`)", "rust", "split + amounts"),
            ("Rust `split` + its rows made (`rows()`: names, quotas, ranks)", "rust", "split + rows"),
            ("Rust key by name (`input::key(\"population:…\")`) + `split`", "rust", "resolve key + split"),
            ("Rust key by name + `split` + its JSON text", "rust", "resolve key + split + JSON"),
            ("Python `split_batch` (1 000 per call), per allocation", "python", "split_batch"),
            ("Python `split_batch` + every amount (`a.amounts`), per allocation", "python", "split_batch → amounts"),
            ("Python `split(pot, key=Key)`", "python", "split"),
            ("Python `split` + every amount as `Decimal` (`a.amounts`)", "python", "split → amounts"),
            ("Python `split` + every row's amount (`[r.amount for r in a.rows]`)", "python", "split → rows → amounts"),
            ("Python `split(pot, key=\"population:…\")`", "python", "split(key=spec string)"),
            ("Python `split(…).to_pandas()` (the long form, 12 columns)", "python", "split → to_pandas"),
            ("Python baseline `decimal` → `pd.DataFrame` (2 columns)", "python", "decimal baseline → DataFrame"),
            ("wasm under node `split(pot, \"population:…\")`", "node", "wasm split(key=spec)"),
            ("wasm under node `split(pot, \"population:…\")` + every amount (`a.amounts`)", "node", "wasm split(key=spec) → amounts"),
            ("wasm under node `split(pot, \"population:…\")` + every amount in units (`a.units`, a `BigInt64Array`)", "node", "wasm split(key=spec) → units"),
            ("wasm under node `split(pot, \"population:…\")` + its rows (`a.rows`)", "node", "wasm split(key=spec) → rows"),
            ("wasm under node `split(pot, {code: weight})`", "node", "wasm split(key=object)"),
            ("wasm under node `split(pot, csvText)`", "node", "wasm split(key=CSV)"),
            ("dinero.js 2.0.2 `allocate` (number)", "node", "dinero.js allocate"),
            ("dinero.js 2.0.2 `allocate` (number) + reading every amount", "node", "dinero.js allocate → amounts"),
            ("dinero.js 2.0.2 `allocate` (bigint)", "node", "dinero.js/bigint allocate"),
            ("Python baseline, `decimal` (benches/baseline_decimal.py)", "python", "decimal baseline"),
            ("Python baseline, `fractions`", "python", "fractions baseline"),
        ]
        for label, impl, what in rows:
            v = T(impl, cid, what)
            if v is None:
                out.append(f"| {label} | not run | | | |")
                continue
            out.append(f"| {label} | {fmt_ns(v)} | {fmt_ns(W(impl, cid, what) or 0)} | {fmt_x(v / hot) if hot else ''} | "
                       f"{fmt_x(v / full) if full else ''} |")

    # growth and sweeps
    rust = results.get("rust", {})
    if rust.get("catalog"):
        c = rust["catalog"]
        out.append("")
        out.append("## The whole catalog's what-if (Rust)")
        out.append("")
        out.append(f"Every agreement of the catalog ({c['agreements']}) allocated once with each bundled population key "
                   f"({c['keys']}: both levels, every date), {c['agreements'] * c['keys']} allocations, {c['rows']} rows: "
                   f"**{fmt_ns(c['t']['cpu_median_ns'])}** CPU, {fmt_ns(c['t']['median_ns'])} wall.")
    if rust.get("memory"):
        out.append("")
        out.append("## Memory per row (Rust `split`, heap and the value itself, counted by the allocator)")
        out.append("")
        out.append("| case | rows | lean (as `split` returns it) | with its rows made (`rows()`) |")
        out.append("|---|---:|---:|---:|")
        for cid, m in rust["memory"].items():
            out.append(f"| {cid} | {m['rows']} | {m['lean_bytes_per_row']} B | {m['made_bytes_per_row']} B |")
    if rust.get("growth"):
        out.append("")
        out.append("## Growth with the number of recipients (Rust hot path, synthetic weights)")
        out.append("")
        out.append("| recipients | path | CPU median | wall median | CPU per recipient |")
        out.append("|---:|---|---:|---:|---:|")
        for g in rust["growth"]:
            ns = cpu_or_wall(g["t"])
            out.append(f"| {g['n']:,} | {g['path']} | {fmt_ns(ns)} | {fmt_ns(g['t']['median_ns'])} | {ns / g['n']:.1f} ns |")
        extra = [("hot path, öre", "290 municipalities, pot in öre (64-bit path)"),
                 ("hot path, 128-bit", "290 municipalities, pot 10^12 kr in öre (128-bit path)")]
        for what, label in extra:
            v = T("rust", "municipalities", what)
            if v is not None:
                out.append(f"| {label} | | {fmt_ns(v)} | {fmt_ns(W('rust', 'municipalities', what) or 0)} | {v / 290:.1f} ns |")
    if rust.get("sweep"):
        out.append("")
        out.append("## Sweeps (Rust `PerformanceSweep::totals_into`, demo agreement's performance component, one thread)")
        out.append("")
        out.append("| scenarios | recipients × criteria | CPU median | wall median | CPU per scenario |")
        out.append("|---:|---|---:|---:|---:|")
        for s in rust["sweep"]:
            ns = cpu_or_wall(s["t"])
            out.append(f"| {s['scenarios']:,} | {s['recipients']} × {s['criteria']} | {fmt_ns(ns)} | {fmt_ns(s['t']['median_ns'])} | "
                       f"{ns / s['scenarios']:.0f} ns |")
        v = T("python", "regions", "allocate_batch performance scenarios")
        if v is not None:
            out.append(f"| 1,000 through Python `allocate_batch` (full allocations, 62 rows each) | 21 × 2 | {fmt_ns(v * 1000)} | "
                       f"{fmt_ns((W('python', 'regions', 'allocate_batch performance scenarios') or 0) * 1000)} | {v:,.0f} ns |")

    # targets
    out.append("")
    out.append("## Targets")
    out.append("")
    out.append("Judged on the CPU medians (the wall medians match them on an idle machine).")
    out.append("")

    def verdict(ok_: Optional[bool]) -> str:
        return "not measured" if ok_ is None else ("**met**" if ok_ else "**not met**")

    sweep100k = next((cpu_or_wall(s["t"]) for s in rust.get("sweep", []) if s["scenarios"] == 100_000), None)
    sweep100k_wall = next((s["t"]["median_ns"] for s in rust.get("sweep", []) if s["scenarios"] == 100_000), None)
    out.append("| target | compared (like with like in bold) | 290 municipalities | 21 regions |")
    out.append("|---|---|---|---|")

    def cell(ok_: Optional[bool], text: str) -> str:
        return f"{text} — {verdict(ok_)}" if ok_ is not None else "not measured"

    def row(target: str, what: str, f: Any) -> None:
        cells = []
        for cid in ("municipalities", "regions"):
            try:
                cells.append(f(cid))
            except (TypeError, ZeroDivisionError):
                cells.append("not measured")
        out.append(f"| {target} | {what} | {cells[0]} | {cells[1]} |")

    def ratio_cell(num: Optional[float], den: Optional[float], limit: float) -> str:
        r = num / den  # type: ignore[operator]
        return cell(r <= limit, f"{fmt_ns(num)} = {fmt_x(r)}")  # type: ignore[arg-type]

    def speed_cell(base: Optional[float], ours: Optional[float], limit: float) -> str:
        return cell(base / ours >= limit, f"{fmt_ns(ours)}: {faster(base, ours)}")  # type: ignore[operator,arg-type]

    row("Rust per-capita split ≤ 2 µs (290 municipalities)", "**hot path** `largest_remainder_into`",
        lambda c: cell(T("rust", c, "hot path") <= 2000, fmt_ns(T("rust", c, "hot path"))))  # type: ignore[operator,arg-type]
    row("", "`split` with rows (for reference)", lambda c: fmt_ns(T("rust", c, "split")))  # type: ignore[arg-type]
    if sweep100k:
        out.append(f"| 100 000 scenarios ≤ 100 ms, one core | **`PerformanceSweep::totals_into`** | | "
                   f"{fmt_ns(sweep100k)} (wall {fmt_ns(sweep100k_wall or 0)}) — {verdict(sweep100k <= 100e6)} |")
    row("Python batch ≤ 2× Rust per allocation", "`split_batch` / **Rust `split` (rows)**",
        lambda c: ratio_cell(T("python", c, "split_batch"), T("rust", c, "split"), 2))
    row("", "`split_batch` / Rust hot path",
        lambda c: ratio_cell(T("python", c, "split_batch"), T("rust", c, "hot path"), 2))
    row("wasm under node ≤ 3× Rust", "`split(pot, \"population:…\")` / **Rust resolve by name + `split` + JSON text**",
        lambda c: ratio_cell(T("node", c, "wasm split(key=spec)"), T("rust", c, "resolve key + split + JSON"), 3))
    row("", "`split(pot, \"population:…\")` / Rust resolve by name + `split`",
        lambda c: ratio_cell(T("node", c, "wasm split(key=spec)"), T("rust", c, "resolve key + split"), 3))
    row("", "`split(pot, \"population:…\")` / Rust `split`",
        lambda c: ratio_cell(T("node", c, "wasm split(key=spec)"), T("rust", c, "split"), 3))
    row("", "`split(pot, \"population:…\")` / Rust hot path",
        lambda c: ratio_cell(T("node", c, "wasm split(key=spec)"), T("rust", c, "hot path"), 3))
    row("≥ 100× faster than the Python decimal baseline", "**Python `split`**",
        lambda c: speed_cell(T("python", c, "decimal baseline"), T("python", c, "split"), 100))
    row("", "Python `split_batch`",
        lambda c: speed_cell(T("python", c, "decimal baseline"), T("python", c, "split_batch"), 100))
    row("", "Rust hot path",
        lambda c: speed_cell(T("python", c, "decimal baseline"), T("rust", c, "hot path"), 100))
    row("≥ 10× faster than dinero.js `allocate`", "**wasm `split`** (fastest key form)",
        lambda c: speed_cell(T("node", c, "dinero.js allocate"),
                             min(x for x in (T("node", c, "wasm split(key=spec)"), T("node", c, "wasm split(key=object)")) if x), 10))
    row("", "Rust `split`",
        lambda c: speed_cell(T("node", c, "dinero.js allocate"), T("rust", c, "split"), 10))
    row("", "Rust hot path",
        lambda c: speed_cell(T("node", c, "dinero.js allocate"), T("rust", c, "hot path"), 10))

    out.append("")
    out.append("## Amounts")
    out.append("")
    out.append("vardavtal's rule: largest remainder, the kronor left over one each to the largest remainders, ties to the first "
               "in code order. dinero.js `allocate`: floor of each share, then the kronor left over one each to the parts with "
               "the largest *ratios* (here: the most populous), whatever their remainders; ties between equal ratios in the "
               "order of the engine's sort. So dinero.js is compared on the sum and the floor/ceiling property only.")
    out.append("")
    out.extend(check_lines)
    out.append("")
    out.append(f"Amounts check: {'PASSED' if ok else 'FAILED'}.")
    text = thin("\n".join(out) + "\n")
    Path(a.out).write_text(text, encoding="utf-8")
    print(text)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
