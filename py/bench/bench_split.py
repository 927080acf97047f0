"""Cost of one split over the 21 regions from Python, and of batches of 10 000 scenarios.

Run with the installed wheel (a release build): ``python py/bench/bench_split.py``.
Method: ``timeit.repeat``; each figure is the median over the repeats of (time / number).
"""

from __future__ import annotations

import statistics
import timeit
from typing import Callable, List

import vardavtal

KEY = "population:regions:2021-11-01"
AGREEMENT = {
    "id": "bench",
    "title": "Bench",
    "kind": {"type": "base"},
    "years": [2022],
    "components": [{"id": "b2", "name": "Block 2", "amount": "443000000", "recipients": "regions", "rule": {"type": "per_capita"}}],
}


def median_seconds(f: Callable[[], object], number: int, repeat: int) -> float:
    times: List[float] = timeit.repeat(f, number=number, repeat=repeat)
    return statistics.median(t / number for t in times)


def show(label: str, seconds: float) -> None:
    if seconds < 1e-3:
        print(f"{label:<62} {seconds * 1e6:10.1f} µs")
    else:
        print(f"{label:<62} {seconds * 1e3:10.1f} ms")


def main() -> None:
    key = vardavtal.key(KEY)
    agreement = vardavtal.Agreement(AGREEMENT)
    dates = [f"population:regions:{d.isoformat()}" for d in vardavtal.population_dates("regions")]
    keys = [vardavtal.key(d) for d in dates]
    keys10k = [keys[i % len(keys)] for i in range(10_000)]

    show("split(443000000, key=Key) — 21 regions", median_seconds(lambda: vardavtal.split(443_000_000, key=key), 2000, 7))
    show("split('443,4 miljoner kronor', key='population:...') — 21 regions", median_seconds(lambda: vardavtal.split("443,4 miljoner kronor", key=KEY), 2000, 7))
    show("allocate(agreement) — one per-capita component", median_seconds(lambda: vardavtal.allocate(agreement), 2000, 7))
    show("split_batch(443000000, 10 000 Keys)", median_seconds(lambda: vardavtal.split_batch(443_000_000, keys10k), 1, 5))
    show("allocate_batch(agreement, 10 000 Keys)", median_seconds(lambda: vardavtal.allocate_batch(agreement, keys10k), 1, 5))
    show("loop of 10 000 split() calls, for comparison", median_seconds(lambda: [vardavtal.split(443_000_000, key=k) for k in keys10k], 1, 5))


if __name__ == "__main__":
    main()
