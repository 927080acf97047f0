"""The bad-input corpus (tests/corpus/manifest.json) through Python: each input raises the
exception class of its code's family (InputError, AllocationError, ValidationError) with
``.errors()`` naming the expected code and location, or gives the expected result; and
hostile Python values (deep or cyclic lists) are refused, never crash the interpreter."""

from __future__ import annotations

import decimal
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any, Dict, List, Optional, Type

import pytest

import vardavtal
from vardavtal import AllocationError, InputError, ValidationError, VardavtalError

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "corpus"
DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo-agreement.json"
KEY21 = "population:regions:2021-11-01"
ENTRIES: List[Dict[str, Any]] = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
CLASSES: Dict[str, Type[VardavtalError]] = {
    "input": InputError,
    "allocation": AllocationError,
    "validation": ValidationError,
}


def entry_id(e: Dict[str, Any]) -> str:
    return str(e.get("file") or "+".join(e["files"]))


def loc_matches(expect: Dict[str, Any], loc: List[Any], prefix: List[Any]) -> bool:
    want = prefix + list(expect["loc"])
    if expect.get("loc_prefix"):
        return loc[: len(want)] == want
    return loc == want


def check_raised(err: VardavtalError, expect: Dict[str, Any], prefix: List[Any]) -> None:
    assert isinstance(err, CLASSES[expect["family"]]), (type(err), expect)
    errors = err.errors()
    assert errors, "an error carries its findings"
    first = errors[0]
    assert set(first) == {"code", "severity", "loc", "msg", "ctx"}
    assert first["severity"] == "error" and first["msg"]
    assert first["code"] == expect["code"], (first, expect)
    assert loc_matches(expect, first["loc"], prefix), (first["loc"], prefix, expect["loc"])
    assert err.code == expect["code"]
    if expect["family"] == "input":
        assert isinstance(err, ValueError)


def first_error(findings: vardavtal.Findings) -> Optional[Dict[str, Any]]:
    for f in findings:
        if f["severity"] == "error":
            return f
    return None


@pytest.mark.parametrize("entry", ENTRIES, ids=entry_id)
def test_corpus_entry(entry: Dict[str, Any]) -> None:
    kind: str = entry["kind"]
    stage: str = entry["stage"]
    expect: Dict[str, Any] = entry["expect"]
    ok = expect["code"] is None
    if kind == "agreement":
        path = CORPUS / entry["file"]
        if stage == "parse":
            with pytest.raises(VardavtalError) as info:
                vardavtal.Agreement.from_file(path)
            check_raised(info.value, expect, [str(path)])
            with pytest.raises(VardavtalError) as info:
                vardavtal.validate(path)
            check_raised(info.value, expect, [str(path)])
            with pytest.raises(VardavtalError) as info:
                vardavtal.allocate(path)
            check_raised(info.value, expect, [str(path)])
            if not entry.get("bytes"):
                # The same text given as a str parses to the same error, without the file name.
                with pytest.raises(VardavtalError) as info:
                    vardavtal.Agreement.from_json(path.read_text(encoding="utf-8"))
                check_raised(info.value, expect, [])
            return
        agreement = vardavtal.Agreement.from_file(path)
        found = first_error(vardavtal.validate(agreement))
        if stage == "validate":
            assert found is not None, entry
            assert found["code"] == expect["code"], (found, expect)
            assert loc_matches(expect, found["loc"], []), (found["loc"], expect["loc"])
            alloc_expect = entry.get("allocate")
        else:
            assert found is None, found
            alloc_expect = expect
        if alloc_expect is None:
            try:
                vardavtal.allocate(agreement)
            except VardavtalError:
                pass
            return
        if alloc_expect["code"] is None:
            alloc = vardavtal.allocate(agreement)
            assert alloc.total == alloc.pot_total
            return
        with pytest.raises(VardavtalError) as info:
            vardavtal.allocate(agreement, strict=entry.get("strict", False))
        check_raised(info.value, alloc_expect, [])
    elif kind == "agreement_set":
        paths = [CORPUS / f for f in entry["files"]]
        found = first_error(vardavtal.validate(paths))
        assert found is not None
        assert found["code"] == expect["code"], (found, expect)
        assert loc_matches(expect, found["loc"], []), found["loc"]
    elif kind == "key_csv":
        path = CORPUS / entry["file"]
        if stage != "split":
            with pytest.raises(VardavtalError) as info:
                vardavtal.key(path)
            check_raised(info.value, expect, ["key", str(path)])
            return
        pot = entry.get("pot", "1000")
        if ok:
            alloc = vardavtal.split(pot, key=path)
            assert alloc.total == Decimal(pot)
            return
        with pytest.raises(VardavtalError) as info:
            vardavtal.split(pot, key=path)
        check_raised(info.value, expect, [])
    elif kind == "amount":
        text = (CORPUS / entry["file"]).read_text(encoding="utf-8")
        unit = entry.get("unit", "krona")
        if stage == "parse":
            with pytest.raises(VardavtalError) as info:
                vardavtal.parse_amount(text)
            check_raised(info.value, expect, ["amount"])
            with pytest.raises(VardavtalError) as info:
                vardavtal.split(text, key=KEY21, unit=unit)
            check_raised(info.value, expect, ["amount"])
            return
        if ok:
            alloc = vardavtal.split(text, key=KEY21, unit=unit)
            assert alloc.total == vardavtal.parse_amount(text)
            # Python's default decimal context keeps 28 digits; the largest amount has 29.
            with decimal.localcontext() as ctx:
                ctx.prec = 60
                assert sum((r.amount for r in alloc.rows), Decimal(0)) == alloc.total
            return
        with pytest.raises(VardavtalError) as info:
            vardavtal.split(text, key=KEY21, unit=unit)
        # the pot's own errors are located at the argument, as its parse errors are
        own = expect["code"] in ("negative_amount", "amount_finer_than_unit")
        check_raised(info.value, expect, ["amount"] if own else [])
    elif kind == "outcomes":
        path = CORPUS / entry["file"]
        with pytest.raises(VardavtalError) as info:
            vardavtal.allocate(DEMO, outcomes=path)
        check_raised(info.value, expect, ["outcomes", str(path)])
    else:
        raise AssertionError(f"unknown kind {kind}")


def test_manifest_covers_every_kind() -> None:
    kinds = {e["kind"] for e in ENTRIES}
    assert kinds == {"agreement", "agreement_set", "key_csv", "amount", "outcomes"}
    assert len(ENTRIES) >= 100


def run_isolated(code: str) -> "subprocess.CompletedProcess[str]":
    """Run `code` in a fresh interpreter, so that a crash fails this test, not pytest."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)


HOSTILE_PRELUDE = """
import sys, vardavtal
def check(value):
    try:
        vardavtal.Agreement({"id": "x", "title": "X", "kind": {"type": "base"}, "years": [2022], "notes": value})
    except vardavtal.VardavtalError as e:
        print("refused", e.code)
    else:
        print("accepted")
"""


@pytest.mark.parametrize(
    "build",
    [
        "v = []\nfor _ in range(100000):\n    v = [v]\n",
        "v = {}\ncur = v\nfor _ in range(100000):\n    cur['x'] = {}\n    cur = cur['x']\n",
        "v = []\nv.append(v)\n",
    ],
    ids=["list-100000-deep", "dict-100000-deep", "list-containing-itself"],
)
def test_hostile_python_values_are_refused_not_crashing(build: str) -> None:
    r = run_isolated(HOSTILE_PRELUDE + build + "check(v)\n")
    assert r.returncode == 0, f"the interpreter died ({r.returncode}): {r.stderr[-2000:]}"
    assert r.stdout.startswith("refused"), r.stdout + r.stderr[-2000:]
