"""The Python API: conversions, errors and their .errors() shape, tables, pickling, batches."""

from __future__ import annotations

import datetime
import os
import pickle
import threading
from decimal import Decimal
from pathlib import Path
from typing import Any, Dict, List

import pytest

import vardavtal
from vardavtal import AllocationError, InputError, VardavtalError

KEY21 = "population:regions:2021-11-01"
ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "demo-agreement.json"
DEMO_OUTCOMES = ROOT / "examples" / "demo-outcomes.json"

SIMPLE: Dict[str, Any] = {
    "id": "d",
    "title": "D",
    "kind": {"type": "base"},
    "years": [2022],
    "components": [
        {"id": "b", "name": "B", "amount": "1000000", "recipients": "regions", "rule": {"type": "per_capita"}}
    ],
}


def assert_error_shape(errors: List[Dict[str, Any]]) -> None:
    assert errors, "at least one finding"
    for e in errors:
        assert set(e) == {"code", "severity", "loc", "msg", "ctx"}
        assert isinstance(e["code"], str) and e["code"].islower()
        assert e["severity"] in ("error", "warning", "info")
        assert all(isinstance(p, (str, int)) for p in e["loc"])
        assert isinstance(e["msg"], str) and e["msg"]
        assert isinstance(e["ctx"], dict)


# ------------------------------------------------------------------ split and money


def test_split_swedish_amount_per_region() -> None:
    alloc = vardavtal.split("443,4 miljoner kronor", key=KEY21)
    assert alloc.total == Decimal("443400000")
    assert len(alloc) == 21
    text = str(alloc)
    assert "Region Stockholm" in text and "443 400 000 kr" in text
    assert alloc.rows[0].recipient == "01"
    assert isinstance(alloc.rows[0].amount, Decimal)
    assert "population:regions:2021-11-01" in alloc.rows[1].explain()


def test_split_each_and_ore() -> None:
    alloc = vardavtal.split(Decimal("2100000000"), key=KEY21, each=50_000_000)
    assert alloc.total == 2_100_000_000
    assert all(t["amount"] > 50_000_000 for t in alloc.by_recipient())
    ore = vardavtal.split("1000.01", key={"01": 1, "03": 2}, unit="ore")
    assert ore.total == Decimal("1000.01")


@pytest.mark.parametrize("bad", [0.1, 443e6, float("nan")])
def test_float_is_refused_with_the_reason(bad: float) -> None:
    with pytest.raises(InputError) as ei:
        vardavtal.split(bad, key=KEY21)  # type: ignore[arg-type]  # the stubs refuse floats too
    err = ei.value
    assert isinstance(err, ValueError) and isinstance(err, VardavtalError)
    assert "float" in str(err) and "exactly" in str(err)
    errors = err.errors()
    assert_error_shape(errors)
    assert errors[0]["code"] == "invalid_amount"
    assert errors[0]["loc"] == ["amount"]


def test_float_weight_and_float_each_are_refused() -> None:
    with pytest.raises(InputError) as ei:
        vardavtal.split(100, key={"01": 0.5, "03": 1})  # type: ignore[dict-item]
    assert ei.value.errors()[0]["loc"] == ["key", "01"]
    with pytest.raises(InputError) as ei:
        vardavtal.split(100, key=KEY21, each=1.5)  # type: ignore[arg-type]
    assert ei.value.errors()[0]["loc"] == ["each"]


@pytest.mark.parametrize(
    "amount,code",
    [("ca 11 miljarder", "invalid_amount"), ("12e3", "invalid_amount"), (True, "invalid_amount"), ([1], "invalid_amount"), ("-5", "negative_amount")],
)
def test_bad_amounts(amount: Any, code: str) -> None:
    with pytest.raises(VardavtalError) as ei:
        vardavtal.split(amount, key=KEY21)
    assert ei.value.errors()[0]["code"] == code
    assert_error_shape(ei.value.errors())


def test_amount_finer_than_unit_is_an_allocation_error() -> None:
    with pytest.raises(AllocationError) as ei:
        vardavtal.split("10.5", key=KEY21)
    assert ei.value.code == "amount_finer_than_unit"


def test_parse_amount() -> None:
    assert vardavtal.parse_amount("443,4 miljoner kronor") == Decimal("443400000")
    assert vardavtal.parse_amount("1,6 miljarder") == Decimal("1600000000")
    assert vardavtal.parse_amount(Decimal("1E+3")) == 1000
    with pytest.raises(InputError):
        vardavtal.parse_amount(Decimal("NaN"))
    with pytest.raises(InputError, match="more digits"):
        vardavtal.parse_amount(10**40)


# ------------------------------------------------------------------ keys


def test_bad_keys() -> None:
    with pytest.raises(InputError) as ei:
        vardavtal.split(100, key="population:counties:2021-11-01")
    assert ei.value.errors()[0]["code"] == "invalid_value"
    assert ei.value.errors()[0]["loc"][0] == "key"
    with pytest.raises(AllocationError) as ai:
        vardavtal.split(100, key="population:regions:2022-01-01")
    e = ai.value.errors()[0]
    assert e["code"] == "no_population_data"
    assert "2021-11-01" in e["ctx"]["available"]
    with pytest.raises(InputError):
        vardavtal.split(100, key=42)  # type: ignore[arg-type]
    with pytest.raises(InputError) as ei:
        vardavtal.split(100, key=Path("no/such/file.csv"))
    assert ei.value.errors()[0]["code"] == "io"
    # a str is never read as a file
    with pytest.raises(InputError) as ei:
        vardavtal.split(100, key="no/such/file.csv")
    assert ei.value.errors()[0]["code"] == "invalid_value"


def test_a_str_is_never_read_as_a_file(monkeypatch: pytest.MonkeyPatch) -> None:
    secret = "vardavtal-secret-value-4711"
    monkeypatch.setenv("VARDAVTAL_SECRET", secret)
    values = [v for v in os.environ.values() if len(v) >= 4]
    with pytest.raises(InputError) as ei:
        vardavtal.split("100", key="/proc/self/environ")
    err = ei.value.errors()[0]
    assert err["code"] == "invalid_value" and err["loc"] == ["key"]
    assert "is not a key" in err["msg"] and "never the name of a file" in err["msg"]
    shown = str(ei.value) + repr(ei.value.errors())
    assert secret not in shown
    assert not any(v in shown for v in values if v not in ("/proc/self/environ",) and len(v) > 20)
    # an explicit path is read, but its contents are never echoed
    if Path("/proc/self/environ").exists():
        with pytest.raises(InputError) as ei:
            vardavtal.split("100", key=Path("/proc/self/environ"))
        shown = str(ei.value) + repr(ei.value.errors())
        assert secret not in shown
    for bad in ("/etc/passwd", "examples/demo-agreement.json"):
        with pytest.raises(VardavtalError) as ai:
            vardavtal.allocate(bad)
        assert ai.value.code != "io"
        with pytest.raises(VardavtalError) as ai:
            vardavtal.allocate(DEMO, outcomes=bad)
        assert ai.value.code != "io"


def test_file_contents_are_not_echoed(tmp_path: Path) -> None:
    p = tmp_path / "k.csv"
    p.write_text("code,weight\n01,geheimnis\n")
    with pytest.raises(InputError) as ei:
        vardavtal.split(100, key=p)
    assert "geheimnis" not in str(ei.value) + repr(ei.value.errors())
    assert ei.value.errors()[0]["loc"][-1] == "weight"
    p.write_text("geheimnis-header,x\n01,1\n")
    with pytest.raises(InputError) as ei:
        vardavtal.split(100, key=p)
    assert "geheimnis" not in str(ei.value) + repr(ei.value.errors())
    a = tmp_path / "a.json"
    a.write_text('{"id": "x", "title": "t", "kind": {"type": "base"}, "years": ["geheimnis"]}')
    with pytest.raises(InputError) as ei:
        vardavtal.allocate(a)
    assert "geheimnis" not in str(ei.value) + repr(ei.value.errors())
    assert ei.value.errors()[0]["loc"][-2:] == ["years", 0]


def test_unknown_recipient_reports_every_problem() -> None:
    # The class follows the first finding's kind (here negative_weight: input); all are listed.
    with pytest.raises(ValueError) as ei:
        vardavtal.split(100, key={"01": 1, "99": 1, "03": -1})
    assert isinstance(ei.value, InputError)
    errors = ei.value.errors()
    assert_error_shape(errors)
    codes = sorted(e["code"] for e in errors)
    with pytest.raises(AllocationError):
        vardavtal.split(100, key={"01": 1, "99": 1})
    assert codes == ["negative_weight", "unknown_recipient"]
    unknown = next(e for e in errors if e["code"] == "unknown_recipient")
    assert unknown["loc"] == ["key", "99"]
    assert unknown["ctx"] == {"recipient": "99"}


def test_csv_key(tmp_path: Path) -> None:
    p = tmp_path / "k.csv"
    p.write_text("code,weight\n03,1.5\n01,2\n")
    alloc = vardavtal.split(350, key=p)
    assert [r.amount for r in alloc.rows] == [200, 150]
    p.write_text("code,weight\n01,x\n")
    with pytest.raises(InputError) as ei:
        vardavtal.key(p)
    assert ei.value.errors()[0]["loc"][-1] == "weight"


def test_key_object_and_reference_data() -> None:
    k = vardavtal.Key(KEY21)
    assert len(k) == 21 and k.description == KEY21
    assert k.total == sum(k.weights)
    assert vardavtal.split(100, key=k) == vardavtal.split(100, key=KEY21)
    assert len(vardavtal.key("needs:regions:2024")) == 21
    assert len(vardavtal.regions()) == 21
    assert len(vardavtal.municipalities()) == 290
    dates = vardavtal.population_dates()
    assert datetime.date(2021, 11, 1) in dates
    pop = vardavtal.population(datetime.date(2021, 11, 1))
    assert pop == vardavtal.population("2021-11-01")
    assert sum(r["population"] for r in pop) == k.total
    assert len(vardavtal.population(vardavtal.population_dates("municipalities")[-1], level="municipalities")) == 290
    with pytest.raises(AllocationError):
        vardavtal.population("1900-01-01")
    with pytest.raises(InputError):
        vardavtal.population("2021-13-01")


# ------------------------------------------------------------------ agreements


def test_agreement_from_dict_json_file_and_catalog() -> None:
    a = vardavtal.Agreement.from_dict(SIMPLE)
    assert a == vardavtal.Agreement(SIMPLE)
    assert a == vardavtal.Agreement.from_json(a.to_json())
    assert a.to_dict()["components"][0]["amount"]["value"] == "1000000"
    demo = vardavtal.Agreement.from_file(DEMO)
    assert demo == vardavtal.Agreement(DEMO) == vardavtal.Agreement.from_file(str(DEMO))
    cat = vardavtal.catalog()
    assert "okad-tillganglighet-2022" in cat
    okad = cat.agreement("okad-tillganglighet-2022")
    assert okad == vardavtal.Agreement("okad-tillganglighet-2022")
    assert okad.amount == Decimal("2967000000")
    assert okad.years == [2022]


def test_agreement_dict_with_decimal_and_float() -> None:
    d = dict(SIMPLE, components=[dict(SIMPLE["components"][0], amount=Decimal("1000000"))])
    assert vardavtal.allocate(d).total == 1_000_000
    d = dict(SIMPLE, components=[dict(SIMPLE["components"][0], amount=1e6)])
    with pytest.raises(InputError) as ei:
        vardavtal.allocate(d)
    assert ei.value.errors()[0]["loc"] == ["components", 0, "amount"]


def test_agreement_errors_have_locations() -> None:
    bad = dict(SIMPLE, components=[dict(SIMPLE["components"][0], amount="1e9")])
    with pytest.raises(InputError) as ei:
        vardavtal.Agreement.from_dict(bad)
    e = ei.value.errors()[0]
    assert e["code"] == "invalid_amount"
    assert e["loc"] == ["components", 0, "amount"]
    with pytest.raises(InputError) as ei:
        vardavtal.Agreement.from_json('{"id": }')
    assert ei.value.errors()[0]["code"] == "syntax"
    # An unknown catalog id is an input error with its own code, and the closest id.
    with pytest.raises(InputError) as ai:
        vardavtal.catalog().agreement("okad-tillganglighet-2021")
    assert ai.value.code == "unknown_agreement"
    assert ai.value.errors()[0]["ctx"]["did_you_mean"] == "okad-tillganglighet-2022"
    with pytest.raises(InputError) as ai:
        vardavtal.source("999")
    assert ai.value.code == "unknown_source"


def test_an_agreement_dict_reports_every_problem() -> None:
    bad = dict(SIMPLE, components=[dict(SIMPLE["components"][0], amount="1e9")], colour="red")
    with pytest.raises(InputError) as ei:
        vardavtal.allocate(bad)
    errors = ei.value.errors()
    assert_error_shape(errors)
    assert sorted((e["code"], e["loc"]) for e in errors) == [
        ("invalid_amount", ["components", 0, "amount"]),
        ("unknown_field", ["colour"]),
    ]
    assert ei.value.code == errors[0]["code"]
    # One problem is one finding.
    with pytest.raises(InputError) as ei:
        vardavtal.allocate(dict(SIMPLE, colour="red"))
    assert [(e["code"], e["loc"]) for e in ei.value.errors()] == [("unknown_field", ["colour"])]


def test_allocate_explain_compare() -> None:
    alloc = vardavtal.allocate(DEMO, outcomes=DEMO_OUTCOMES)
    assert alloc.total == alloc.pot_total
    assert len(vardavtal.explain(DEMO, outcomes=DEMO_OUTCOMES, recipient="03")) == len(alloc.explain("03")) > 0
    b = vardavtal.allocate(DEMO, outcomes=DEMO_OUTCOMES, key="population:regions:2023-11-01")
    cmp = vardavtal.compare(alloc, b)
    assert len(cmp) >= 21
    assert cmp.total_diff == b.total - alloc.total
    assert {"code", "name", "a", "b", "diff"} == set(cmp.to_records()[0])


def test_missing_outcomes_are_reported() -> None:
    with pytest.raises(AllocationError) as ei:
        vardavtal.allocate(DEMO)
    errors = ei.value.errors()
    assert_error_shape(errors)
    assert {e["code"] for e in errors} == {"missing_outcomes"}
    assert errors[0]["loc"][:2] == ["components", 0]


def test_validate() -> None:
    findings = vardavtal.validate()
    assert isinstance(findings, vardavtal.Findings)
    assert findings == vardavtal.validate(vardavtal.catalog())
    for f in findings:
        assert_error_shape([f])
    one = vardavtal.validate("okad-tillganglighet-2022")
    assert all(f["loc"][0] == "okad-tillganglighet-2022" for f in one) or len(one) == 0
    several = vardavtal.validate([SIMPLE, DEMO])
    assert isinstance(several.to_records(), list)
    if not findings.has_errors:
        findings.raise_for_errors()


def test_source() -> None:
    s = vardavtal.source("003")
    assert "2 967 miljoner kronor" in s.text
    assert s.published is None or isinstance(s.published, datetime.date)
    with pytest.raises(InputError):
        vardavtal.source("nope")


# ------------------------------------------------------------------ tables


def test_records_and_pandas() -> None:
    alloc = vardavtal.split(443_000_000, key=KEY21)
    recs = alloc.to_records()
    assert recs[0]["code"] == "01" and isinstance(recs[0]["amount"], Decimal)
    assert sum(r["amount"] for r in recs) == 443_000_000
    pd = pytest.importorskip("pandas")
    df = alloc.to_pandas()
    assert isinstance(df, pd.DataFrame)
    assert list(df["code"]) == [r["code"] for r in recs]
    assert df["amount"].sum() == Decimal(443_000_000)
    assert len(vardavtal.catalog().to_pandas()) == len(vardavtal.catalog())
    assert list(vardavtal.validate().to_pandas().columns)[:2] == ["code", "severity"]
    assert len(vardavtal.regions().to_pandas()) == 21
    assert "<table>" in alloc._repr_html_()
    assert "<table>" in vardavtal.catalog()._repr_html_()
    assert "<table>" in vardavtal.regions()._repr_html_()
    assert "Region Uppsala" in repr(alloc)


def test_to_pandas_without_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins
    import importlib

    real = importlib.import_module

    def fake(name: str, *a: Any, **k: Any) -> Any:
        if name == "pandas":
            raise ImportError("no pandas")
        return real(name, *a, **k)

    monkeypatch.setattr(importlib, "import_module", fake)
    del builtins
    with pytest.raises(ImportError, match="needs pandas"):
        vardavtal.split(100, key=KEY21).to_pandas()


# ------------------------------------------------------------------ scale


def test_pickle_round_trips() -> None:
    alloc = vardavtal.allocate(DEMO, outcomes=DEMO_OUTCOMES)
    objs: List[Any] = [
        alloc,
        alloc.rows[0],
        vardavtal.Agreement(DEMO),
        vardavtal.key(KEY21),
        vardavtal.key({"01": "1.5", "03": 2}),
        vardavtal.validate(),
        vardavtal.compare(alloc, alloc),
        vardavtal.regions(),
    ]
    for o in objs:
        assert pickle.loads(pickle.dumps(o)) == o
    assert len(pickle.loads(pickle.dumps(vardavtal.catalog()))) == len(vardavtal.catalog())
    assert pickle.loads(pickle.dumps(vardavtal.source("003"))).text == vardavtal.source("003").text
    sc = pickle.loads(pickle.dumps(vardavtal.Scenario(key=KEY21, outcomes=DEMO_OUTCOMES)))
    assert sc.key == vardavtal.key(KEY21) and sc.outcomes is not None
    err = pickle.loads(pickle.dumps(pytest.raises(InputError, vardavtal.split, "x", key=KEY21).value))
    assert isinstance(err, InputError) and err.errors()[0]["code"] == "invalid_amount"


def test_allocate_batch() -> None:
    scenarios: List[Any] = [KEY21, vardavtal.Scenario(key="population:regions:2023-11-01"), {"01": 1}, vardavtal.key("needs:regions:2024")]
    out = vardavtal.allocate_batch(SIMPLE, scenarios)
    assert [a.total for a in out] == [1_000_000] * 4
    assert out[0] == vardavtal.allocate(SIMPLE, key=KEY21)
    assert len(out[2]) == 1
    # A key that cannot be read fails at once, naming its scenario.
    with pytest.raises(AllocationError) as ei:
        vardavtal.allocate_batch(SIMPLE, [KEY21, {"99": 1}])
    assert ei.value.errors()[0]["loc"][:2] == ["scenarios", 1]
    # Scenarios that fail in the core are all reported, not only the first.
    ok, bad = vardavtal.Scenario(outcomes=DEMO_OUTCOMES), vardavtal.Scenario(outcomes={})
    with pytest.raises(AllocationError) as ei:
        vardavtal.allocate_batch(DEMO, [ok, bad, bad])
    assert {tuple(e["loc"][:2]) for e in ei.value.errors()} == {("scenarios", 1), ("scenarios", 2)}
    mixed = vardavtal.allocate_batch(DEMO, [ok, bad], errors="return")
    assert isinstance(mixed[0], vardavtal.Allocation) and isinstance(mixed[1], AllocationError)
    assert mixed[1].errors()[0]["code"] == "missing_outcomes"
    with pytest.raises(InputError) as bad_errors:
        vardavtal.allocate_batch(SIMPLE, [], errors="ignore")  # type: ignore[arg-type]
    [e] = bad_errors.value.errors()
    assert (e["code"], e["loc"]) == ("invalid_value", ["errors"])
    assert '"raise"' in e["msg"] and '"ignore"' in e["msg"]


def test_batch_with_outcomes() -> None:
    base = vardavtal.allocate(DEMO, outcomes=DEMO_OUTCOMES)
    out = vardavtal.allocate_batch(DEMO, [vardavtal.Scenario(outcomes=DEMO_OUTCOMES)] * 3)
    assert out == [base] * 3


def test_split_batch_and_threads() -> None:
    keys = [KEY21, "population:regions:2023-11-01"] * 50
    out = vardavtal.split_batch(443_000_000, keys)
    assert all(a.total == 443_000_000 for a in out)
    assert out[0] == vardavtal.split(443_000_000, key=KEY21)
    results: List[Any] = []

    def work() -> None:
        results.append(vardavtal.allocate_batch(SIMPLE, [KEY21] * 200))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 4 and all(len(r) == 200 for r in results)


def test_no_panic_reaches_python() -> None:
    # Extreme inputs come back as VardavtalError, never as a PanicException (a BaseException).
    amounts: List[Any] = ["9" * 28, 10**27]
    keys: List[Any] = [{"01": "9" * 28, "03": 1}, {"01": "0.0000000000000000000000000001", "03": 1}]
    for amount in amounts:
        for key in keys:
            try:
                vardavtal.split(amount, key=key)
            except VardavtalError:
                pass


# ------------------------------------------------------------------ what core shows and reads


def test_the_views_are_the_cores() -> None:
    alloc = vardavtal.split(443_000_000, key=KEY21)
    text = str(alloc)
    assert text == alloc.to_text() and text.startswith("Allocation of 443 000 000 kr to 21 recipients")
    assert "| 03   | Region Uppsala" in text
    assert alloc.to_csv().startswith("code,name,amount,agreement,component,tranche,date,part,criterion,quota,weight,pot\n")
    assert alloc.to_csv().count("\n") == len(alloc) + 1
    assert repr(alloc) == text  # 21 rows: nothing cut
    munis = vardavtal.municipalities()
    assert "(230 rows not shown)" in repr(munis) and "(230 rows not shown)" not in str(munis)
    assert munis.columns == ["code", "name", "region"] and munis[0]["code"] == munis.to_records()[0]["code"]
    assert munis[-1] == munis.to_records()[-1]
    pivot = alloc.pivot()
    assert isinstance(pivot, vardavtal.Table) and pivot.columns[:2] == ["code", "name"] and len(pivot.columns) == 3
    assert vardavtal.Table.from_json(pivot.to_json()) == pivot
    findings = vardavtal.validate()
    assert str(findings).endswith("\n") and findings.to_csv().startswith("code,severity,loc,msg\n")
    assert [r["code"] for r in findings.to_records()] == [f["code"] for f in findings]
    assert "443 000 000 kr" in vardavtal.catalog().agreement("okad-tillganglighet-2022").to_text()
    assert vardavtal.source("003").to_text().startswith("003 — ")


def test_csv_text_keys_and_unknown_agreements() -> None:
    alloc = vardavtal.split(350, key="code,weight\n03,1.5\n01,2\n")
    assert [r.amount for r in alloc.rows] == [200, 150]
    assert vardavtal.Key("code,weight\n01,1\n") == vardavtal.key("code,weight\n01,1\n")
    with pytest.raises(InputError) as ei:
        vardavtal.allocate("okad-tillganglighet-2021")
    assert ei.value.code == "unknown_agreement"
    assert "okad-tillganglighet-2022" in str(ei.value)
    with pytest.raises(InputError) as ei:
        vardavtal.source("nope")
    assert ei.value.code == "unknown_source"

def test_text_csv_and_keys_as_the_core_reads_and_renders_them() -> None:
    # A key given as CSV text is read as in every skin (vardavtal::input::key).
    a = vardavtal.split("100", key="code,weight\n01,1\n03,3\n")
    assert [r.amount for r in a.rows] == [Decimal(25), Decimal(75)]
    text = str(a)
    assert text == a.to_text() and text.startswith("Allocation of 100 kr to 2 recipients")
    assert "| 03   | Region Uppsala" in text and "75 kr" in text
    assert a.to_csv().splitlines()[0].startswith("code,name,amount,")
    assert a.to_csv().splitlines()[2].startswith("03,Region Uppsala,75,")
    findings = vardavtal.validate()
    assert str(findings).rstrip().endswith("notes") and findings.to_csv().startswith("code,severity,loc,msg")


def test_what_is_not_allocated_is_said_and_strict_makes_it_an_error() -> None:
    empty = vardavtal.allocate("cancervard-2022")
    assert len(empty) == 0
    assert [n["code"] for n in empty.notes] == ["not_allocated"]
    assert "530 000 000 kr" in empty.notes[0]["msg"]
    a = vardavtal.allocate("okad-tillganglighet-2022")
    assert [n["code"] for n in a.notes] == ["not_allocated", "not_allocated", "default_key"]
    assert a.notes[0]["ctx"]["allocated"] == "454000000" and a.notes[0]["ctx"]["amount"] == "2967000000"
    assert "population:regions:2021-11-01" in a.notes[2]["msg"]
    with pytest.raises(AllocationError) as info:
        vardavtal.allocate("okad-tillganglighet-2022", strict=True)
    assert sorted(f["code"] for f in info.value.errors()) == ["default_key", "not_allocated", "not_allocated"]
    # a key given is no default
    given = vardavtal.allocate("okad-tillganglighet-2022", key="population:regions:2021-11-01")
    assert "default_key" not in [n["code"] for n in given.notes]


def test_outcomes_that_nothing_reads_are_warnings() -> None:
    import json

    outcomes: Dict[str, Any] = json.loads(DEMO_OUTCOMES.read_text())
    outcomes["no-such-criterion"] = {"01": {"met": True}}
    first = next(iter(outcomes))
    outcomes[first]["99"] = next(iter(outcomes[first].values()))
    a = vardavtal.allocate(DEMO, outcomes=outcomes)
    unread = [n for n in a.notes if n["code"] == "unknown_outcome"]
    assert [n["severity"] for n in unread] == ["warning", "warning"]
    assert {tuple(n["loc"]) for n in unread} == {("outcomes", "no-such-criterion"), ("outcomes", first, "99")}
    # ignored, so the amounts are those of the outcomes without them
    assert a.amounts == vardavtal.allocate(DEMO, outcomes=DEMO_OUTCOMES).amounts


def test_a_split_reads_its_amounts_without_its_rows_and_caches_them() -> None:
    a = vardavtal.split("443000000", key="population:municipalities:2024-12-31")
    assert a.amounts is a.amounts and a.rows is a.rows
    assert list(a.amounts) == [r.amount for r in a.rows]
    assert all(isinstance(x, Decimal) for x in a.amounts) and sum(a.amounts) == 443000000
    ore = vardavtal.split("100.01", key={"01": "1", "03": "2"}, unit="ore")
    assert list(ore.amounts) == [Decimal("33.34"), Decimal("66.67")]


def test_allocate_batch_returns_a_scenario_that_cannot_be_read_in_its_place() -> None:
    keys = ["population:regions:1999-01-01", "population:regions:2021-11-01", "befolkning"]
    out = vardavtal.allocate_batch(DEMO, keys, outcomes=DEMO_OUTCOMES, errors="return")
    assert len(out) == 3
    assert isinstance(out[0], AllocationError) and out[0].code == "no_population_data"
    assert out[0].errors()[0]["loc"][:2] == ["scenarios", 0]
    assert isinstance(out[1], vardavtal.Allocation) and out[1].total == Decimal("3400000000")
    assert isinstance(out[2], InputError) and out[2].errors()[0]["loc"][:2] == ["scenarios", 2]
    with pytest.raises(AllocationError):
        vardavtal.allocate_batch(DEMO, keys, outcomes=DEMO_OUTCOMES)


def test_a_key_that_leaves_out_recipients_is_a_warning() -> None:
    a = vardavtal.allocate("okad-tillganglighet-2022", key={"01": "1", "03": "2"})
    [w] = [n for n in a.notes if n["code"] == "partial_key"]
    assert w["severity"] == "warning" and w["ctx"]["missing"] == "19"
    assert "covers 2 of the 21 recipients of block-2" in w["msg"]
    # Block 2 to the two recipients of the key, and SKR's fixed 11 000 000 kr.
    assert len(a) == 3 and a.total == Decimal("454000000")
    assert [r.amount for r in a.rows if r.recipient == "SKR"] == [Decimal("11000000")]


def test_an_excel_workbook_of_the_demo_allocation_reads_back_exactly(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    a = vardavtal.allocate(DEMO, outcomes=DEMO_OUTCOMES)
    path = tmp_path / "fördelning.xlsx"
    data = a.to_excel(path)
    assert path.read_bytes() == data and data[:2] == b"PK"
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Allocation", "Rows", "Pots", "Notes"]
    rows = list(book["Rows"].iter_rows(values_only=True))
    header = rows[1]
    assert header[:3] == ("code", "name", "amount")
    body = [r for r in rows[2:] if r[0] is not None]
    assert len(body) == len(a)
    # codes stay text (with their zero), amounts are whole numbers that sum to the pots
    assert all(isinstance(r[0], str) for r in body) and body[0][0] == "01"
    assert all(isinstance(r[2], int) for r in body)
    assert sum(r[2] for r in body) == a.total == Decimal("3400000000")
    assert [Decimal(r[2]) for r in body] == list(a.amounts)
    assert book["Rows"].cell(3, 3).number_format == '#,##0 "kr"'


def test_the_swedish_csv_reads_back_with_swedish_conventions() -> None:
    import csv
    import io

    a = vardavtal.split("100.01", key={"01": "1", "03": "2"}, unit="ore")
    text = a.to_csv(swedish=True)
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    header, body = rows[0], rows[1:]
    code, amount = header.index("code"), header.index("amount")
    assert [r[code] for r in body] == ['="01"', '="03"']  # Excel keeps them as text
    assert [Decimal(r[amount].replace(",", ".")) for r in body] == list(a.amounts)
    assert a.to_csv() != text and "," in a.to_csv()


def test_an_agreement_dict_takes_int_amounts_as_the_readme_says() -> None:
    d: Dict[str, Any] = {"id": "x", "title": "X", "kind": {"type": "base"}, "years": [2022],
                         "components": [{"id": "a", "name": "A", "amount": 1000, "recipients": "regions",
                                         "rule": {"type": "per_capita", "key": {"type": "population", "level": "regions", "date": "2021-11-01"}}}]}
    a = vardavtal.allocate(d)
    assert a.total == Decimal(1000) and len(a) == 21
    assert vardavtal.Agreement(d).components().to_records()[0]["amount"] == Decimal(1000)
    d["components"][0]["amount"] = 1000.0
    with pytest.raises(InputError) as info:
        vardavtal.Agreement(d)
    assert info.value.code == "invalid_amount" and "float" in str(info.value)


def test_errors_name_the_public_module_and_pickle() -> None:
    import json

    with pytest.raises(InputError) as info:
        vardavtal.split("ca 11 miljarder", key="population:regions:2021-11-01")
    assert type(info.value).__module__ == "vardavtal"
    assert repr(type(info.value)) == "<class 'vardavtal.InputError'>"
    back = pickle.loads(pickle.dumps(info.value))
    assert type(back) is InputError and back.errors() == info.value.errors()
    # counts in the singular where there is one
    none = vardavtal.Findings.from_json("[]")
    assert str(none).splitlines()[-1] == "0 errors, 0 warnings, 0 notes"
    f = vardavtal.validate("okad-tillganglighet-2022")
    single = vardavtal.Findings.from_json(json.dumps([f[0]]))
    assert str(single).splitlines()[-1] == "0 errors, 1 warning, 0 notes"


def test_outcomes_take_a_decimal_comma_and_percentages() -> None:
    import json

    outcomes: Dict[str, Any] = json.loads(DEMO_OUTCOMES.read_text())
    swedish = json.loads(json.dumps(outcomes))
    changed = 0
    for by_code in swedish.values():
        for o in by_code.values():
            for field in ("value", "previous"):
                if isinstance(o.get(field), str) and "." in o[field]:
                    o[field] = f"{Decimal(o[field]) * 100:f} %".replace(".", ",")
                    changed += 1
    assert changed > 0
    assert vardavtal.allocate(DEMO, outcomes=swedish).amounts == vardavtal.allocate(DEMO, outcomes=outcomes).amounts
    with pytest.raises(InputError) as info:
        vardavtal.allocate(DEMO, outcomes={"bup": {"01": {"value": "ca 72 %"}}})
    assert info.value.code == "invalid_amount"


def test_to_arrow_is_exact_columns() -> None:
    pa = pytest.importorskip("pyarrow")
    alloc = vardavtal.split(443_000_000, key="population:municipalities:2024-12-31")
    t = alloc.to_arrow()
    assert isinstance(t, pa.Table)
    assert t.num_rows == 290
    assert pa.types.is_decimal(t.schema.field("amount").type)
    assert pa.types.is_string(t.schema.field("code").type)
    amounts = t.column("amount").to_pylist()
    assert amounts == list(alloc.amounts)
    assert sum(amounts) == Decimal(443_000_000)
    # The exact quotas keep every digit the core has, not a float's.
    quotas = t.column("quota").to_pylist()
    assert quotas == [r["quota"] for r in alloc.to_records()]
    assert t.column_names == list(alloc.to_records()[0])


def test_to_polars_from_arrow() -> None:
    pl = pytest.importorskip("polars")
    pytest.importorskip("pyarrow")
    df = vardavtal.split(1000, key=KEY21, each=10).to_polars()
    assert isinstance(df, pl.DataFrame)
    assert df["amount"].sum() == Decimal(1000)
    assert df.height == len(vardavtal.split(1000, key=KEY21, each=10).to_records())


def test_swedish_messages_after_pickling() -> None:
    alloc = vardavtal.allocate("okad-tillganglighet-2022")
    back = pickle.loads(pickle.dumps(alloc))
    assert back == alloc
    assert back.to_text(lang="sv") == alloc.to_text(lang="sv")
    assert "allocates" not in back.to_text(lang="sv")


def test_swedish_explanations_and_messages() -> None:
    alloc = vardavtal.split(443_000_000, key=KEY21)
    row = next(r for r in alloc.rows if r.recipient == "03")
    assert row.explain(lang="sv").startswith("Region Uppsala (03) får 16 720 152 kr av 443 000 000 kr")
    assert row.explain(lang="en") == row.explain()
    assert alloc.explain("03", lang="sv") == [row.explain(lang="sv")]
    assert vardavtal.get_lang() == "en"
    vardavtal.set_lang("sv")
    try:
        assert vardavtal.get_lang() == "sv"
        assert row.explain().startswith("Region Uppsala (03) får")
    finally:
        vardavtal.set_lang("en")
    with pytest.raises(vardavtal.InputError) as e:
        vardavtal.set_lang("de")  # type: ignore[arg-type]  # the stubs refuse it too
    assert e.value.errors()[0]["code"] == "invalid_value"


def test_classes_name_the_public_module() -> None:
    alloc = vardavtal.split(100, key="population:regions:2021-11-01")
    values: List[Any] = [
        alloc, alloc.rows[0], alloc.pivot(), vardavtal.key("population:regions:2021-11-01"),
        vardavtal.catalog(), vardavtal.validate(), vardavtal.recipient("12", year=2022),
        vardavtal.year(2022), vardavtal.compare(alloc, alloc),
    ]
    for v in values:
        cls = type(v)
        assert cls.__module__ == "vardavtal", cls
        assert getattr(vardavtal, cls.__name__) is cls
        assert repr(cls) == f"<class 'vardavtal.{cls.__name__}'>"
