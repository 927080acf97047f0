"""A sweep of 100 000 scenarios of kömiljarden 2019 on a Dask LocalCluster of 2 worker processes
(py/examples/dask_sweep.py) gives, to the krona, the totals of the same sweep run in this process;
the agreement reaches the workers through the package's pickling and the results come back whole."""

import importlib
import os
import sys
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import vardavtal

pytest.importorskip("dask.distributed", reason="dask[distributed] is installed by py/ci.sh")
from dask.distributed import Client, LocalCluster  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SCENARIOS = int(os.environ.get("DASK_SWEEP_SCENARIOS", "100000"))


@pytest.fixture(scope="module")
def dask_sweep() -> Any:
    # on sys.path before the cluster starts: its worker processes get the parent's sys.path
    sys.path.insert(0, str(EXAMPLES))
    try:
        yield importlib.import_module("dask_sweep")
    finally:
        sys.path.remove(str(EXAMPLES))


def test_a_chunk_is_deterministic_and_exact(dask_sweep: Any) -> None:
    a = vardavtal.catalog().agreement(dask_sweep.AGREEMENT)
    one = dask_sweep.sweep_chunk(a, 7, 50)
    assert one == dask_sweep.sweep_chunk(a, 7, 50)
    assert one["scenarios"] == 50
    regions = [k for k in one if k not in ("staten", "scenarios")]
    assert len(regions) == 21
    # every scenario hands out 1,6 miljarder kronor: to the regions or back to the state
    assert sum(one[k] for k in regions) + one["staten"] == 50 * Decimal("1600000000")
    assert 0 < one["staten"] < 50 * Decimal("1280000000")


def test_sweep_on_two_workers_equals_the_local_sweep(dask_sweep: Any) -> None:
    assert SCENARIOS >= 100_000 or "DASK_SWEEP_SCENARIOS" in os.environ
    t0 = time.perf_counter()
    local = dask_sweep.sweep_local(SCENARIOS)
    t_local = time.perf_counter() - t0
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)  # type: ignore[no-untyped-call]
    with cluster, Client(cluster) as client:  # type: ignore[no-untyped-call]
        t0 = time.perf_counter()
        remote = dask_sweep.sweep_dask(client, SCENARIOS)
        t_remote = time.perf_counter() - t0
        # an Allocation made on a worker from a pickled agreement and scenario comes back
        # through pickling with this process's amounts, row for row
        a = vardavtal.catalog().agreement(dask_sweep.AGREEMENT)
        sc = dask_sweep.drawn(10**6, 1)[0]
        there = client.submit(lambda ag, s: vardavtal.allocate_batch(ag, [s])[0], a, sc).result()
        here = vardavtal.allocate_batch(a, [sc])[0]
        assert isinstance(there, vardavtal.Allocation) and len(there) == len(here) > 21
        assert [(r.part, r.recipient, r.amount) for r in there.rows] == [(r.part, r.recipient, r.amount) for r in here.rows]
    assert remote == local
    assert local["scenarios"] == SCENARIOS
    print(f"\n{SCENARIOS} scenarios: {SCENARIOS / t_local:,.0f}/s in this process, {SCENARIOS / t_remote:,.0f}/s on 2 workers")
