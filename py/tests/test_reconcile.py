"""vardavtal.reconcile: a published per-region table checked against the model."""

from __future__ import annotations

import io
import json
import pickle
from decimal import Decimal
from pathlib import Path
from typing import Any, Dict, List

import pytest

import vardavtal
from vardavtal import InputError

KEY21 = "population:regions:2021-11-01"
ROOT = Path(__file__).resolve().parents[2]
PUBLISHED = ROOT / "examples" / "published-table.txt"
POT = Decimal("443000000")


def correct_table(pot: Decimal = POT) -> str:
    """A table as a publisher would print it: the model's own split, Swedish CSV."""
    alloc = vardavtal.split(pot, key=KEY21)
    lines = ["Region;Belopp (kr)"]
    lines += [f"{r.name};{r.amount}" for r in alloc.rows]
    return "\n".join(lines) + "\n"


def findings_with(rec: vardavtal.Reconciliation, code: str) -> List[Dict[str, Any]]:
    return [f for f in rec.findings if f["code"] == code]


# ------------------------------------------------------------------ a correct table


def test_a_correct_table_is_reproduced_exactly() -> None:
    rec = vardavtal.reconcile(correct_table(), pot="443 miljoner kronor", rule="population")
    s = rec.summary
    assert s["exact"] is True and s["adds_up"] is True
    assert s["rows"] == 21 and s["regions"] == 21 and s["missing"] == []
    assert s["best"] is not None and s["best"]["key"] == KEY21
    assert s["best"]["rounding"] == "largest_remainder"
    assert rec.fits[0]["key"] == KEY21 and rec.fits[0]["exact"] is True
    assert rec.pot == POT and rec.pot_source == "stated" and rec.unit == "krona"
    assert rec.statement == {"pot": POT, "rule": {"type": "population"}}
    assert rec.table == "table"
    assert all(r["verdict"] == "ok" for r in rec.rows)
    assert all(r["diff"] == 0 for r in rec.rows)
    assert isinstance(rec.rows[0]["amount"], Decimal)
    assert rec.rows[0]["code"] == "01" and rec.rows[0]["name"] == "Region Stockholm"
    assert sum(r["amount"] for r in rec.rows) == POT
    assert [t["against"] for t in rec.totals] == ["pot"]
    assert rec.totals[0]["adds_up"] is True and rec.totals[0]["diff"] == 0
    assert rec.implied is None
    assert not rec.has_problems
    (reproduces,) = findings_with(rec, "key_reproduces")
    assert reproduces["ctx"]["key"] == KEY21
    assert len(rec) == 21


def test_report_is_the_cores_text() -> None:
    rec = vardavtal.reconcile(correct_table(), pot=POT)
    text = str(rec)
    assert text.startswith("Reconciliation of table")
    assert "stated pot: 443 000 000 kr" in text
    assert "best key: population:regions:2021-11-01 with largest remainder: 21 of 21" in text
    assert repr(rec) == text
    html = rec._repr_html_()
    assert html.startswith('<div class="vardavtal">') and "Region Uppsala" in html


# ------------------------------------------------------------------ a mistyped row


def test_a_mistyped_row_differs_and_is_named() -> None:
    alloc = vardavtal.split(POT, key=KEY21)
    uppsala = str(next(r.amount for r in alloc.rows if r.recipient == "03"))
    swapped = uppsala[:2] + uppsala[3] + uppsala[2] + uppsala[4:]
    assert swapped != uppsala
    text = correct_table().replace(f"Region Uppsala;{uppsala}\n", f"Region Uppsala;{swapped}\n")
    rec = vardavtal.reconcile(text, pot=POT)
    row = next(r for r in rec.rows if r["code"] == "03")
    assert row["verdict"] == "differs"
    assert row["amount"] == Decimal(swapped) and row["expected"] == Decimal(uppsala)
    assert row["diff"] == Decimal(swapped) - Decimal(uppsala)
    assert "two adjacent digits swapped" in (row["note"] or "")
    others = [r for r in rec.rows if r["code"] != "03"]
    assert all(r["verdict"] == "ok" for r in others)
    (differs,) = findings_with(rec, "row_differs")
    assert differs["loc"] == ["rows", row["line"]]
    assert differs["severity"] == "warning"
    assert differs["ctx"]["expected"] == uppsala
    (mismatch,) = findings_with(rec, "table_total_mismatch")
    assert mismatch["ctx"]["against"] == "pot"
    assert rec.summary["differing"] == 1 and rec.summary["adds_up"] is False
    assert rec.summary["exact"] is False and rec.has_problems
    assert rec.totals[0]["diff"] == row["diff"]


# ------------------------------------------------------------------ the example table


def check_published(rec: vardavtal.Reconciliation) -> None:
    (irregular,) = findings_with(rec, "irregular_grouping")
    assert irregular["loc"] == ["rows", 4]
    assert irregular["ctx"]["printed"] == "521 60 836 kr"
    row = next(r for r in rec.rows if r["line"] == 4)
    assert row["name"] == "Region Uppsala" and row["verdict"] == "irregular_grouping"
    assert row["amount"] == Decimal("52160836")
    assert {"amount": Decimal("52160836"), "adds_up": True} in row["readings"]
    assert rec.summary["exact"] is True and rec.summary["irregular"] == 1
    assert rec.fits[0]["key"] == KEY21
    assert findings_with(rec, "key_reproduces")[0]["ctx"]["key"] == KEY21
    assert rec.pot == Decimal("1382000000") and rec.pot_source == "total_line"
    assert rec.totals[0]["against"] == "total_line" and rec.totals[0]["line"] == 24


def test_the_published_example_has_an_irregular_grouping() -> None:
    rec = vardavtal.reconcile(PUBLISHED)
    check_published(rec)
    assert rec.table == str(PUBLISHED)


@pytest.mark.parametrize("form", ["path", "text", "text file", "bytes file"])
def test_every_form_of_table(form: str) -> None:
    text = PUBLISHED.read_text(encoding="utf-8")
    table: Any
    if form == "path":
        table = PUBLISHED
    elif form == "text":
        table = text
    elif form == "text file":
        table = io.StringIO(text)
    else:
        table = io.BytesIO(text.encode("utf-8"))
    check_published(vardavtal.reconcile(table))


def test_file_object_name_locates_errors() -> None:
    with PUBLISHED.open(encoding="utf-8") as f:
        rec = vardavtal.reconcile(f)
    assert rec.table == str(PUBLISHED)
    with pytest.raises(InputError) as ei:
        vardavtal.reconcile(io.BytesIO(b"Region Uppsala \xff\n"))
    assert ei.value.code == "io" and ei.value.errors()[0]["loc"] == ["table"]


# ------------------------------------------------------------------ the statement and errors


def test_pot_and_rule_forms() -> None:
    rec = vardavtal.reconcile(PUBLISHED, pot="1 382 miljoner kronor", rule="fixed-plus-population:100 miljoner kronor")
    assert rec.statement == {"pot": Decimal("1382000000"), "rule": {"type": "fixed_plus_population", "each": Decimal("100000000")}}
    assert rec.summary["exact"] is False
    rec = vardavtal.reconcile(PUBLISHED, pot=1_382_000_000, rule="need")
    assert rec.statement["rule"] == {"type": "need"}
    assert rec.summary["exact"] is True  # the need key is tried first, the population key still wins


def test_float_pot_is_refused() -> None:
    with pytest.raises(InputError) as ei:
        vardavtal.reconcile(PUBLISHED, pot=1382e6)  # type: ignore[arg-type]  # the stubs refuse floats too
    e = ei.value.errors()[0]
    assert e["code"] == "invalid_amount" and e["loc"] == ["pot"]
    assert "float" in e["msg"]


@pytest.mark.parametrize(
    "kwargs,code,loc",
    [
        ({"pot": "ca 1,4 miljarder"}, "invalid_amount", ["pot"]),
        ({"rule": "by population"}, "invalid_value", ["rule"]),
        ({"rule": "fixed-plus-population:mycket"}, "invalid_amount", ["rule"]),
        ({"rule": 1}, "invalid_value", ["rule"]),
    ],
)
def test_bad_statements(kwargs: Dict[str, Any], code: str, loc: List[Any]) -> None:
    with pytest.raises(InputError) as ei:
        vardavtal.reconcile(PUBLISHED, **kwargs)
    e = ei.value.errors()[0]
    assert e["code"] == code
    assert e["loc"] == loc


def test_bad_tables() -> None:
    with pytest.raises(InputError) as ei:
        vardavtal.reconcile("Fördelning per region\n\nnågot helt annat\n")
    assert ei.value.code == "syntax" and ei.value.errors()[0]["loc"] == ["table"]
    with pytest.raises(InputError) as ei:
        vardavtal.reconcile(ROOT / "no-such-table.txt")
    assert ei.value.code == "io"
    # a str is the table's text, never a path: a file name is a table that does not read
    with pytest.raises(InputError) as ei:
        vardavtal.reconcile(str(PUBLISHED))
    assert ei.value.code != "io" and ei.value.errors()[0]["loc"] == ["table"]
    with pytest.raises(InputError) as ei:
        vardavtal.reconcile(42)  # type: ignore[arg-type]
    assert ei.value.code == "invalid_value" and ei.value.errors()[0]["loc"] == ["table"]


def test_unreadable_lines_are_findings_not_errors() -> None:
    text = correct_table() + "Region Uppsala och Gotland\n"
    rec = vardavtal.reconcile(text, pot=POT)
    (unparsed,) = findings_with(rec, "table_unparsed_line")
    assert unparsed["loc"] == ["rows", 23]
    assert rec.summary["exact"] is True


# ------------------------------------------------------------------ tables, pickling, JSON


def test_records_pandas_json_and_pickle() -> None:
    rec = vardavtal.reconcile(PUBLISHED)
    records = rec.to_records()
    assert [r["line"] for r in records] == list(range(3, 24))
    assert list(records[0]) == list(rec.rows.columns)
    df = rec.to_pandas()
    assert list(df.columns) == list(rec.rows.columns)
    assert df.loc[df["line"] == 4, "verdict"].item() == "irregular_grouping"
    data = json.loads(rec.to_json())
    assert data["summary"]["best"]["key"] == KEY21
    assert data["rows"][1]["verdict"] == "irregular_grouping"
    again = pickle.loads(pickle.dumps(rec))
    assert again == rec and str(again) == str(rec)
    stated = vardavtal.reconcile(correct_table(), pot="443 miljoner kronor", rule="fixed-plus-population:1000")
    assert pickle.loads(pickle.dumps(stated)) == stated
    assert stated != rec
    assert isinstance(rec.findings, vardavtal.Findings)
    assert pickle.loads(pickle.dumps(rec.findings)) == rec.findings


def test_implied_key_when_no_bundled_key_fits() -> None:
    # A pot split by a key no bundled date has: every weight of 2021-11-01 plus 1000.
    weights = {r["code"]: r["weight"] + 1000 for r in vardavtal.key(KEY21).to_records()}
    alloc = vardavtal.split(POT, key=weights)
    text = "Region;Belopp\n" + "".join(f"{r.name};{r.amount}\n" for r in alloc.rows)
    rec = vardavtal.reconcile(text, pot=POT)
    assert rec.summary["exact"] is False
    implied = rec.implied
    assert implied is not None
    assert implied["candidates"] >= 1
    assert len(implied["populations"]) == 21
    assert findings_with(rec, "implied_key")
