"""Sweeps of kömiljarden 2019 that outgrow one core, on Dask distributed.

Many what-if scenarios of the agreement ``komiljard-2019`` (1,6 miljarder kronor: 320 miljoner by
population in June, 1,28 miljarder in December to the regions that shortened their waits, the rest
returned to the state): each scenario draws every region's outcomes (the share waiting at most 90
days this year and last, the share waiting at most 60 days) and the population key date. A chunk of
scenarios is one Dask task: the worker makes its scenarios from the chunk's seed, allocates them in
one ``vardavtal.allocate_batch`` call (the allocations run in Rust without the GIL) and returns the
sums per region, so only a few numbers cross the network. The agreement travels to the workers
through the package's pickling (every vardavtal object pickles through its JSON form).

The totals are exact (``Decimal``), so a sweep on a cluster gives the same sums as the same sweep
run locally, to the krona: ``sweep_local(...) == sweep_dask(client, ...)``.

    python py/examples/dask_sweep.py                       # 100 000 scenarios, 1 and 2 workers
    python py/examples/dask_sweep.py --scenarios 20000 --workers 1 2 4
    python py/examples/dask_sweep.py --scheduler tcp://host:8786   # an existing cluster

Needs ``pip install "vardavtal[dask]"`` (``dask[distributed]``).
"""

import argparse
import random
import time
from collections import defaultdict
from decimal import Decimal
from typing import Any, Dict, List, Optional, Sequence, Tuple

import vardavtal

AGREEMENT = "komiljard-2019"
CHUNK = 2_000
"""Scenarios per task: large enough that a task runs for a good fraction of a second."""

Totals = Dict[str, Decimal]
"""Sums over scenarios: per recipient (the region codes, and ``"staten"``: what is returned to the
state), and ``"scenarios"``, how many."""


def _share(rng: random.Random, low: int, high: int) -> str:
    """A share in percent with one decimal, as text (outcomes are exact, never floats)."""
    return f"{rng.randint(low * 10, high * 10) / 1000:.3f}"


def scenarios(seed: int, n: int, codes: Sequence[str], dates: Sequence[str]) -> List[vardavtal.Scenario]:
    """``n`` scenarios drawn from ``seed``: the same seed gives the same scenarios anywhere."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        wait90 = {c: {"value": _share(rng, 60, 95), "previous": _share(rng, 60, 95)} for c in codes}
        wait60 = {c: {"value": _share(rng, 50, 85)} for c in codes}
        key = f"population:regions:{rng.choice(dates)}"
        out.append(vardavtal.Scenario(key=key, outcomes={"wait90": wait90, "wait60": wait60}))
    return out


def drawn(seed: int, n: int) -> List[vardavtal.Scenario]:
    """The scenarios of chunk ``seed``: over the 21 regions and the bundled population dates."""
    codes = [r["code"] for r in vardavtal.regions().to_records()]
    dates = [d.isoformat() for d in vardavtal.population_dates("regions")]
    return scenarios(seed, n, codes, dates)


def sweep_chunk(agreement: vardavtal.Agreement, seed: int, n: int) -> Totals:
    """Allocate the ``n`` scenarios of ``seed`` in one batch (without the GIL); their sums."""
    totals: Totals = defaultdict(Decimal)
    for alloc in vardavtal.allocate_batch(agreement, drawn(seed, n)):
        for row in alloc.rows:
            totals[row.recipient] += row.amount
    totals["scenarios"] += n
    return dict(totals)


def chunks(n_scenarios: int, chunk: int = CHUNK) -> List[Tuple[int, int]]:
    """``(seed, size)`` of every chunk of a sweep of ``n_scenarios``."""
    return [(seed, min(chunk, n_scenarios - start)) for seed, start in enumerate(range(0, n_scenarios, chunk))]


def combine(parts: Sequence[Totals]) -> Totals:
    """The sums of the chunks' sums (exact: Decimal)."""
    total: Totals = defaultdict(Decimal)
    for p in parts:
        for k, v in p.items():
            total[k] += v
    return dict(total)


def sweep_local(n_scenarios: int, chunk: int = CHUNK) -> Totals:
    """The sweep in this process, chunk after chunk."""
    agreement = vardavtal.catalog().agreement(AGREEMENT)
    return combine([sweep_chunk(agreement, seed, n) for seed, n in chunks(n_scenarios, chunk)])


def sweep_dask(client: Any, n_scenarios: int, chunk: int = CHUNK) -> Totals:
    """The sweep on the workers of a ``dask.distributed.Client``: one task per chunk."""
    agreement = client.scatter(vardavtal.catalog().agreement(AGREEMENT), broadcast=True)
    futures = [client.submit(sweep_chunk, agreement, seed, n, pure=False) for seed, n in chunks(n_scenarios, chunk)]
    return combine(client.gather(futures))


def throughput(workers: int, n_scenarios: int, chunk: int = CHUNK) -> Tuple[float, float]:
    """Scenarios per second on a ``LocalCluster`` of ``workers`` processes (one thread each):
    by the wall clock, and per CPU-second of a worker (what a worker does on a core of its own,
    whatever else the machine runs)."""
    from dask.distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)  # type: ignore[no-untyped-call]
    with cluster, Client(cluster) as client:  # type: ignore[no-untyped-call]
        sweep_dask(client, 2 * chunk * workers, chunk)  # warm up: import and catalog in every worker
        cpu0 = sum(client.run(time.process_time).values())
        t0 = time.perf_counter()
        sweep_dask(client, n_scenarios, chunk)
        wall = time.perf_counter() - t0
        cpu = sum(client.run(time.process_time).values()) - cpu0
        return n_scenarios / wall, n_scenarios / cpu


def main(argv: Optional[Sequence[str]] = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--scenarios", type=int, default=100_000)
    p.add_argument("--chunk", type=int, default=CHUNK)
    p.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    p.add_argument("--scheduler", help="the address of an existing Dask scheduler (then --workers is not used)")
    args = p.parse_args(argv)
    t0, cpu0 = time.perf_counter(), time.process_time()
    local = sweep_local(args.scenarios, args.chunk)
    wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    print(f"local, this process: {args.scenarios / wall:,.0f} scenarios/s ({args.scenarios / cpu:,.0f} per CPU-second)", flush=True)
    if args.scheduler:
        from dask.distributed import Client

        with Client(args.scheduler) as client:  # type: ignore[no-untyped-call]
            t0 = time.perf_counter()
            assert sweep_dask(client, args.scenarios, args.chunk) == local
            print(f"{args.scheduler}: {args.scenarios / (time.perf_counter() - t0):,.0f} scenarios/s")
    else:
        for w in args.workers:
            wall, cpu = throughput(w, args.scenarios, args.chunk)
            print(f"LocalCluster, {w} worker(s): {wall:,.0f} scenarios/s ({cpu:,.0f} per CPU-second of a worker)")
    returned = local.get("staten", Decimal(0)) / local["scenarios"]
    print(f"{local['scenarios']} scenarios; returned to the state on average {returned:,.0f} kr of {AGREEMENT}")


if __name__ == "__main__":
    main()
