"""The Python side of the comparison harness (run by benches/compare.py, not by hand):
``python bench_python.py INPUTS.json [--quick]`` prints one JSON object with the timings of
the vardavtal Python package (split, split_batch) and of the analyst's baseline
(baseline_decimal.py: decimal and fractions), and the amounts each gave.

Timing as in the Rust binary: a warm-up (0.2 s), then samples that each run the operation
enough times to last at least the target; the figures are the medians over the samples of
(sample time / iterations), by the wall clock and by the thread's CPU time
(``time.thread_time_ns``).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any, Callable, Dict, List

sys.path.insert(0, str(Path(__file__).resolve().parent))
import baseline_decimal  # noqa: E402

QUICK = "--quick" in sys.argv
SAMPLES = 7 if QUICK else 31
TARGET = 0.005 if QUICK else 0.02
WARMUP = 0.05 if QUICK else 0.2
BATCH = 1000  # allocations per split_batch call


def timed(f: Callable[[], object], per: int = 1) -> Dict[str, Any]:
    """Median/min/max nanoseconds per operation; `per` operations per call of f."""
    until = time.perf_counter() + WARMUP
    while time.perf_counter() < until:
        f()
    iters = 1
    while True:
        t = time.perf_counter()
        for _ in range(iters):
            f()
        e = time.perf_counter() - t
        if e >= TARGET:
            break
        iters = min(max(iters + 1, int(iters * TARGET / max(e, 1e-9)) + 1), iters * 10)
    wall: List[float] = []
    cpu: List[float] = []
    for _ in range(SAMPLES):
        c = time.thread_time_ns()
        t = time.perf_counter_ns()
        for _ in range(iters):
            f()
        wall.append((time.perf_counter_ns() - t) / iters / per)
        cpu.append((time.thread_time_ns() - c) / iters / per)
    wall.sort()
    cpu.sort()
    return {"median_ns": wall[len(wall) // 2], "min_ns": wall[0], "max_ns": wall[-1],
            "cpu_median_ns": cpu[len(cpu) // 2], "samples": SAMPLES, "iters": iters, "per_call": per}


def main() -> None:
    inputs = json.loads(Path(sys.argv[1]).read_text())
    pot = int(inputs["pot"])
    timings: List[Dict[str, Any]] = []
    amounts: Dict[str, Dict[str, Any]] = {}
    try:
        import vardavtal
    except ImportError:
        vardavtal = None
    try:
        import pandas as pd
    except ImportError:
        pd = None
    for case in inputs["cases"]:
        cid, codes = case["id"], case["codes"]
        weights = [int(w) for w in case["weights"]]
        got: Dict[str, Any] = {}

        got["decimal baseline"] = {"codes": codes, "amounts": [str(a) for a in baseline_decimal.split_decimal(pot, weights)]}
        got["fractions baseline"] = {"codes": codes, "amounts": [str(a) for a in baseline_decimal.split_fractions(pot, weights)]}
        timings.append({"impl": "python", "case": cid, "what": "decimal baseline",
                        "t": timed(lambda: baseline_decimal.split_decimal(pot, weights))})
        if pd is not None:
            timings.append({"impl": "python", "case": cid, "what": "decimal baseline → DataFrame",
                            "t": timed(lambda: pd.DataFrame({"code": codes, "amount": baseline_decimal.split_decimal(pot, weights)}))})
        timings.append({"impl": "python", "case": cid, "what": "fractions baseline",
                        "t": timed(lambda: baseline_decimal.split_fractions(pot, weights))})

        if vardavtal is not None:
            key = vardavtal.Key(dict(zip(codes, weights)))
            bundled = vardavtal.key(case["spec"])
            assert key.recipients == bundled.recipients and key.weights == bundled.weights, case["spec"]
            one = vardavtal.split(pot, key=key)
            got["python split"] = {"codes": [r.recipient for r in one.rows], "amounts": [str(r.amount) for r in one.rows]}
            keys = [key] * BATCH
            batch = vardavtal.split_batch(pot, keys)
            assert all(b == one for b in batch)
            got["python split_batch"] = {"codes": [r.recipient for r in batch[-1].rows],
                                         "amounts": [str(r.amount) for r in batch[-1].rows]}
            timings.append({"impl": "python", "case": cid, "what": "split",
                            "t": timed(lambda: vardavtal.split(pot, key=key))})
            assert list(one.amounts) == [r.amount for r in one.rows]
            timings.append({"impl": "python", "case": cid, "what": "split → amounts",
                            "t": timed(lambda: vardavtal.split(pot, key=key).amounts)})
            timings.append({"impl": "python", "case": cid, "what": "split → rows → amounts",
                            "t": timed(lambda: [r.amount for r in vardavtal.split(pot, key=key).rows])})
            if pd is not None:
                timings.append({"impl": "python", "case": cid, "what": "split → to_pandas",
                                "t": timed(lambda: vardavtal.split(pot, key=key).to_pandas())})
            timings.append({"impl": "python", "case": cid, "what": "split(key=spec string)",
                            "t": timed(lambda: vardavtal.split(pot, key=case["spec"]))})
            timings.append({"impl": "python", "case": cid, "what": "split_batch",
                            "t": timed(lambda: vardavtal.split_batch(pot, keys), per=BATCH)})
            timings.append({"impl": "python", "case": cid, "what": "split_batch → amounts",
                            "t": timed(lambda: [a.amounts for a in vardavtal.split_batch(pot, keys)], per=BATCH)})
        amounts[cid] = got

    # Sweep through the Python batch API: allocate_batch over scenarios of who qualifies on
    # the demo agreement's performance component (2 criteria, bonus pot, 21 regions).
    sweep = None
    if vardavtal is not None:
        demo = json.loads((Path(__file__).resolve().parent.parent / "examples" / "demo-agreement.json").read_text())
        demo["components"] = [c for c in demo["components"] if c["id"] == "prestation"]
        agreement = vardavtal.Agreement(demo)
        criteria = [c["id"] for c in demo["components"][0]["rule"]["criteria"]]
        regions = [case["codes"] for case in inputs["cases"] if case["id"] == "regions"][0]
        # outcomes that pass or fail each criterion's test (vardgaranti: improved or at least
        # 0.71; bup: lower than last year)
        verdict = {"vardgaranti": ({"value": "0.5", "previous": "0.6"}, {"value": "0.8", "previous": "0.7"}),
                   "bup": ({"value": "20", "previous": "10"}, {"value": "10", "previous": "20"})}
        x = 0x9E3779B97F4A7C15
        scenarios = []
        for _ in range(BATCH):
            outcomes: Dict[str, Dict[str, Dict[str, str]]] = {}
            for crit in criteria:
                outcomes[crit] = {}
                for r in regions:
                    x ^= (x << 13) & 0xFFFFFFFFFFFFFFFF
                    x ^= x >> 7
                    x ^= (x << 17) & 0xFFFFFFFFFFFFFFFF
                    outcomes[crit][r] = verdict[crit][x % 4 != 0]
            scenarios.append(vardavtal.Scenario(outcomes=outcomes))
        result = vardavtal.allocate_batch(agreement, scenarios)
        assert len(result) == BATCH and all(r.total == 2_000_000_000 for r in result)
        timings.append({"impl": "python", "case": "regions", "what": "allocate_batch performance scenarios",
                        "t": timed(lambda: vardavtal.allocate_batch(agreement, scenarios), per=BATCH)})
        sweep = {"scenarios_per_call": BATCH, "rows_per_scenario": len(result[0].rows)}
    print(json.dumps({"impl": "python", "python": sys.version.split()[0],
                      "vardavtal": getattr(vardavtal, "__version__", None),
                      "vardavtal_file": getattr(vardavtal, "__file__", None),
                      "timings": timings, "amounts": amounts, "sweep": sweep}))


if __name__ == "__main__":
    main()
