"""Questions across agreements and years: ``vardavtal.recipient``, ``vardavtal.year`` and
``Catalog.allocate`` — the core's views, their parts as Python values, their tables, errors
and pickling."""

from __future__ import annotations

import datetime
import json
import os
import pickle
import subprocess
from decimal import Decimal
from typing import Any, Callable, List, Tuple

import pytest

import vardavtal
from vardavtal import AllocationError, InputError, VardavtalError

KEY21 = "population:regions:2021-11-01"


@pytest.fixture(autouse=True)
def english() -> Any:
    vardavtal.set_lang("en")
    yield
    vardavtal.set_lang("en")


# ------------------------------------------------------------------ recipient


def test_skane_2022_equals_its_lines_and_the_split_of_block_2() -> None:
    v = vardavtal.recipient("12", year=2022)
    assert (v.recipient, v.name, v.year) == ("12", "Region Skåne", 2022)
    assert isinstance(v.total, Decimal)
    assert v.total == sum(line["amount"] for line in v.lines)
    assert len(v) == len(v.lines) > 0
    # The data: every allocated pot of 2022 that pays Skåne is block 2 of
    # okad-tillganglighet-2022, 443 miljoner kronor by population at 2021-11-01.
    pots = {(line["agreement"], line["component"], line["key"], line["pot"]) for line in v.lines}
    assert pots == {("okad-tillganglighet-2022", "block-2", KEY21, Decimal("443000000"))}
    split = vardavtal.split(443_000_000, key=KEY21)
    skane = [r.amount for r in split.rows if r.recipient == "12"]
    assert skane == [v.total] == [Decimal("59429771")]


def test_recipient_lines_are_python_values() -> None:
    v = vardavtal.recipient("12", year=2022)
    line = v.lines[0]
    assert v.lines.columns == list(line)
    assert line["part"] == "share"
    assert isinstance(line["amount"], Decimal) and isinstance(line["pot"], Decimal)
    assert line["share"] == Decimal("13.4153")
    assert (line["rank"], line["recipients"]) == (3, 21)
    assert line["population"] == 1_400_973
    assert line["per_capita"] == Decimal("42.42")
    assert line["marks"] == []
    assert line["date"] is None or isinstance(line["date"], datetime.date)


def test_recipient_open_money_says_why() -> None:
    v = vardavtal.recipient("12", year=2022)
    assert v.open, "block 1 of okad-tillganglighet-2022 is not published"
    block1 = [o for o in v.open if o["component"] == "block-1"]
    assert len(block1) == 1
    o = block1[0]
    assert o["agreement"] == "okad-tillganglighet-2022"
    assert o["amount"] == Decimal("2512600000")
    assert set(o["why"]) == {"code", "severity", "loc", "msg", "ctx"}
    assert o["why"]["code"] == "not_allocated"
    assert set(v.open.columns) == {"agreement", "component", "amount", "why"}


def test_recipient_text_is_the_cli_title_and_swedish() -> None:
    v = vardavtal.recipient("12", year=2022)
    assert str(v).splitlines()[0] == "Region Skåne (12) 2022: 59 429 771 kr in all"
    assert v.to_text() == str(v)
    assert v.to_text(lang="sv").splitlines()[0] == "Region Skåne (12) 2022: 59 429 771 kr totalt"
    assert vardavtal.get_lang() == "en"
    assert "59 429 771 kr" in repr(v) or "Region Skåne" in repr(v)
    assert "<table" in v._repr_html_()


def test_recipient_every_year() -> None:
    v = vardavtal.recipient("12")
    assert v.year is None
    assert str(v).splitlines()[0].startswith("Region Skåne (12): ")
    assert len({line["agreement"] for line in v.lines}) >= 1
    assert v.total == sum(line["amount"] for line in v.lines)
    assert v.total >= vardavtal.recipient("12", year=2022).total


def test_recipient_tables() -> None:
    v = vardavtal.recipient("12", year=2022)
    df = v.to_pandas()
    assert list(df.columns) == [
        "agreement", "component", "tranche", "date", "amount", "pot", "share_pct", "rank",
        "recipients", "key", "population", "per_capita", "marks", "published",
    ]
    assert len(df) == len(v.lines)
    assert df["amount"].sum() == v.total
    t = v.to_arrow()
    assert t.column_names == list(df.columns)
    assert str(t.schema.field("amount").type).startswith("decimal128")
    assert v.to_records()[0]["amount"] == v.lines[0]["amount"]
    assert v.to_csv().splitlines()[0].startswith("agreement,component,tranche")
    assert json.loads(v.to_json())["recipient"] == "12"


def test_unknown_recipient() -> None:
    with pytest.raises(VardavtalError) as info:
        vardavtal.recipient("99", year=2022)
    assert isinstance(info.value, (AllocationError, InputError))
    errors = info.value.errors()
    assert [e["code"] for e in errors] == ["unknown_recipient"]
    assert errors[0]["loc"] == ["recipient"]
    assert errors[0]["ctx"]["recipient"] == "99"


def test_recipient_pickles_and_compares() -> None:
    v = vardavtal.recipient("12", year=2022)
    again = pickle.loads(pickle.dumps(v))
    assert again == v and str(again) == str(v)
    assert v != vardavtal.recipient("12")
    every = vardavtal.recipient("12")
    assert pickle.loads(pickle.dumps(every)) == every


# ------------------------------------------------------------------ year


def test_year_columns_sum_to_what_is_allocated() -> None:
    y = vardavtal.year(2022)
    assert y.year == 2022 and y.level is None
    assert len(y) == len(y.recipients) == len(y.amounts)
    assert all(len(row) == len(y.agreements) for row in y.amounts)
    for i, a in enumerate(y.agreements):
        column = sum((row[i] for row in y.amounts), Decimal(0))
        assert column == a["allocated"], a["id"]
        if a["amount"] is not None:
            assert a["not_allocated"] == a["amount"] - a["allocated"]
    assert y.total == sum(a["allocated"] for a in y.agreements)
    okad = [a["id"] for a in y.agreements].index("okad-tillganglighet-2022")
    # Block 2 (443 000 000 kr) and SKR's fixed 11 000 000 kr.
    assert y.agreements[okad]["allocated"] == Decimal("454000000")
    skane = [code for code, _ in y.recipients].index("12")
    assert y.amounts[skane][okad] == vardavtal.recipient("12", year=2022).total


def test_year_parts_are_python_values() -> None:
    y = vardavtal.year(2022)
    a = y.agreements[0]
    assert list(a) == y.agreements.columns == [
        "id", "title", "amount", "allocated", "not_allocated", "cofunding", "marks",
    ]
    assert isinstance(a["allocated"], Decimal)
    assert all(isinstance(c, dict) and set(c) == {"payer", "amount"} for x in y.agreements for c in x["cofunding"])
    assert all(isinstance(x, Decimal) for row in y.amounts for x in row)
    assert y.recipients[0] == ("01", "Region Stockholm")
    assert all(set(o) == {"agreement", "component", "amount", "why"} for o in y.open)


def test_year_text_and_tables() -> None:
    y = vardavtal.year(2022)
    title = str(y).splitlines()[0]
    assert title.startswith("Allocated in 2022: ") and title.endswith(" agreements")
    assert y.to_text(lang="sv").startswith("Fördelat 2022")
    df = y.to_pandas()
    shown = [a["id"] for a in y.agreements if a["allocated"] != 0]
    assert list(df.columns) == ["code", "name", *shown, "total"]
    assert len(df) == len(y.recipients)
    assert df["okad-tillganglighet-2022"].sum() == Decimal("454000000")
    assert df["total"].sum() == y.total
    assert y.to_arrow().column_names == list(df.columns)
    assert json.loads(y.to_json())["year"] == 2022


def test_year_regions_level_sums_municipalities() -> None:
    y = vardavtal.year(2022, level="regions")
    assert y.level == "regions"
    assert not [code for code, _ in y.recipients if len(code) == 4]  # no municipality
    assert "12" in [code for code, _ in y.recipients]
    assert y.total == vardavtal.year(2022).total


def test_year_unknown_level() -> None:
    with pytest.raises(InputError) as info:
        vardavtal.year(2022, level="counties")  # type: ignore[arg-type]
    errors = info.value.errors()
    assert errors[0]["code"] == "invalid_value"
    assert errors[0]["loc"] == ["level"]


def test_catalog_allocate_is_the_year_view() -> None:
    cat = vardavtal.catalog()
    assert cat.allocate(2022) == vardavtal.year(2022)
    assert cat.allocate(2022, level="regions") == vardavtal.year(2022, level="regions")
    assert str(cat.allocate(2022)) == str(vardavtal.year(2022))


def test_year_pickles() -> None:
    for y in (vardavtal.year(2022), vardavtal.year(2022, level="regions")):
        again = pickle.loads(pickle.dumps(y))
        assert again == y and again.level == y.level


def test_every_year_adds_up() -> None:
    years = sorted({y for a in vardavtal.catalog() for y in a.years})
    for year in years:
        y = vardavtal.year(year)
        totals: List[Decimal] = [sum((row[i] for row in y.amounts), Decimal(0)) for i in range(len(y.agreements))]
        assert totals == [a["allocated"] for a in y.agreements], year


# ------------------------------------------------------------------ the CLI's text

CLI = os.environ.get("VARDAVTAL_CLI")


CALLS: List[Tuple[List[str], Callable[[], Any]]] = [
    (["recipient", "12", "--year", "2022"], lambda: vardavtal.recipient("12", year=2022)),
    (["recipient", "12"], lambda: vardavtal.recipient("12")),
    (["year", "2022"], lambda: vardavtal.year(2022)),
    (["year", "2022", "--level", "regions"], lambda: vardavtal.year(2022, level="regions")),
]


@pytest.mark.skipif(not CLI, reason="set VARDAVTAL_CLI to a built `vardavtal` binary")
@pytest.mark.parametrize("args, call", CALLS, ids=[" ".join(a) for a, _ in CALLS])
def test_str_is_the_cli_text(args: List[str], call: Callable[[], Any]) -> None:
    assert CLI
    out = subprocess.run([CLI, *args], check=True, capture_output=True, text=True).stdout
    assert str(call()) == out  # byte for byte, the final line break too
