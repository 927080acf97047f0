"""``vardavtal.shown``: what can be shown of an agreement now (the core's ``shown``, the web
page's ``ShownResult``): the allocatable pots, what is missing with why and what could be
supplied, the outcome inputs per measure, coverage, kr per invånare; its parts as Python
values, messages in the language of ``set_lang``, errors located at the argument, pickling."""

from __future__ import annotations

import json
import pickle
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any, Dict, List

import pytest

import vardavtal
from vardavtal import InputError

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "demo-agreement.json"
DEMO_OUTCOMES = ROOT / "examples" / "demo-outcomes.json"
K23 = "population:regions:2023-11-01"


@pytest.fixture(autouse=True)
def english() -> Any:
    vardavtal.set_lang("en")
    yield
    vardavtal.set_lang("en")


def row_sum(alloc: vardavtal.Allocation) -> Decimal:
    return sum((r.amount for r in alloc.rows), Decimal(0))


def component(s: vardavtal.Shown, cid: str) -> Dict[str, Any]:
    found = [o for o in s.open if o["component"] == cid]
    assert len(found) == 1, (cid, [o["component"] for o in s.open])
    return found[0]


def komiljard_outcomes() -> Dict[str, Dict[str, Dict[str, str]]]:
    """Every region's outcomes of both measures kömiljarden 2019 reads (as the web page's
    test gives them)."""
    regions = [r["code"] for r in vardavtal.regions()]
    return {
        "wait90": {c: {"value": "0,80", "previous": "0,75"} for c in regions},
        "wait60": {c: {"value": "0,60"} for c in regions},
    }


def test_komiljard_shows_the_population_part_and_asks_for_both_measures() -> None:
    s = vardavtal.shown("komiljard-2019")
    assert isinstance(s, vardavtal.Shown)
    assert s.agreement == "komiljard-2019"
    assert s.coverage == "part"
    assert isinstance(s.allocation, vardavtal.Allocation)
    assert s.allocation.total == Decimal(320_000_000) == row_sum(s.allocation)
    assert [(m["measure"], m["fields"]) for m in s.measures] == [
        ("wait60", ["value"]),
        ("wait90", ["value", "previous"]),
    ]
    for m in s.measures:
        assert len(m["recipients"]) == 21
        assert m["recipients"][0] == ("01", "Region Stockholm")
        assert m["criteria"][0]["criterion"] == "wait90"
        assert set(m["criteria"][0]) == {"component", "criterion", "name", "test"}
    prestation = component(s, "prestation")
    assert prestation["supply"]["type"] == "outcomes"
    assert prestation["supply"]["measures"] == ["wait60", "wait90"]
    assert len(prestation["supply"]["recipients"]) == 21
    assert prestation["hint"]["code"] == "supply"
    assert prestation["hint"]["severity"] == "info"
    assert "wait60, wait90" in prestation["hint"]["msg"]
    assert prestation["why"] and all(set(w) == {"code", "severity", "loc", "msg", "ctx"} for w in prestation["why"])
    # skl: no amount, no rule: nothing to supply
    skl = component(s, "skl")
    assert skl["supply"] == {"type": "nothing"} and skl["amount"] is None
    assert s.open.columns == ["component", "name", "amount", "why", "supply", "hint"]
    # kr per invånare by the key of the population part
    pc = s.per_capita
    assert pc is not None
    assert pc["key"] == "population:regions:2017-12-31"
    assert len(pc["rows"]) == 21
    uppsala = [r for r in pc["rows"] if r["recipient"] == "03"][0]
    assert isinstance(uppsala["total"], Decimal) and isinstance(uppsala["population"], int)
    exact = uppsala["total"] / uppsala["population"]
    assert abs(uppsala["per_capita"] - exact) <= Decimal("0.005")
    assert sum(r["total"] for r in pc["rows"]) == s.allocation.total


def test_komiljard_completed_with_outcomes_of_both_measures() -> None:
    outcomes = komiljard_outcomes()
    s = vardavtal.shown("komiljard-2019", outcomes=outcomes)
    assert all(o["component"] != "prestation" for o in s.open)
    assert s.allocation.total == Decimal(1_600_000_000) == row_sum(s.allocation)
    assert s.allocation == vardavtal.allocate("komiljard-2019", outcomes=outcomes)
    assert s.allocation.total > vardavtal.shown("komiljard-2019").allocation.total


def test_the_demo_agreement_without_and_with_its_outcomes() -> None:
    bare = vardavtal.shown(DEMO)
    assert bare.coverage == "part"
    prestation = component(bare, "prestation")
    assert prestation["amount"] == Decimal(2_000_000_000)
    assert prestation["supply"]["type"] == "outcomes"
    assert prestation["supply"]["measures"] == ["bup", "vardgaranti"]
    assert [m["measure"] for m in bare.measures] == ["bup", "vardgaranti"]
    # everything but the performance part
    assert bare.allocation.total == Decimal(1_400_000_000) == row_sum(bare.allocation)
    full = vardavtal.shown(DEMO, outcomes=DEMO_OUTCOMES)
    assert full.coverage == "all" and list(full.open) == []
    assert full.allocation == vardavtal.allocate(DEMO, outcomes=DEMO_OUTCOMES)
    assert full.allocation.total == Decimal(3_400_000_000) == row_sum(full.allocation)


def test_okad_tillganglighet_shows_its_allocatable_blocks() -> None:
    s = vardavtal.shown("okad-tillganglighet-2022")
    # block 2 and SKR's fixed 11 000 000 kr
    assert s.allocation.total == Decimal(443_000_000 + 11_000_000) == row_sum(s.allocation)
    assert {p["component"] for p in s.allocation.pots} >= {"block-2"}
    block1 = component(s, "block-1")
    assert block1["supply"] == {"type": "key"}
    assert block1["amount"] == Decimal(2_512_600_000)
    assert block1["hint"]["code"] == "supply"


def test_a_supplied_key_splits_unpublished_money_and_marks_it() -> None:
    s = vardavtal.shown("okad-tillganglighet-2022", assume=K23)
    assert s.allocation.total == Decimal(443_000_000 + 11_000_000 + 2_512_600_000)
    assert s.allocation.total == row_sum(s.allocation)
    assert all(o["component"] != "block-1" for o in s.open)
    marked = [n for n in s.allocation.notes if n["code"] == "supplied_key"]
    assert len(marked) == 1 and K23 in marked[0]["msg"]
    # block 2 keeps its own key; two population keys: kr per invånare by the convention's date
    block2 = [p for p in s.allocation.pots if p["component"] == "block-2"][0]
    assert block2["key"] == "population:regions:2021-11-01"
    assert s.per_capita is not None and s.per_capita["key"] == "population:regions:2021-11-01"
    # the supplied key is a Key, a spec or a dict alike
    assert vardavtal.shown("okad-tillganglighet-2022", assume=vardavtal.key(K23)) == s


def test_a_supplied_key_that_does_not_fit_is_said() -> None:
    s = vardavtal.shown("okad-tillganglighet-2022", assume="population:municipalities:2021-12-31")
    block1 = component(s, "block-1")
    assert any("does not cover" in w["msg"] for w in block1["why"])
    assert s.allocation.total == Decimal(443_000_000 + 11_000_000)


def test_reimbursed_money_shows_nothing_and_asks_for_nothing() -> None:
    s = vardavtal.shown("covid-vaccination-2022")
    assert s.coverage == "nothing"
    assert len(s.open) == 1 and s.open[0]["supply"] == {"type": "nothing"}
    assert s.per_capita is None
    assert s.allocation.total == 0
    assert vardavtal.shown("sektorsbidrag-2024").coverage == "all"


def test_every_catalog_agreement_opens() -> None:
    for a in vardavtal.catalog():
        s = vardavtal.shown(a)
        assert s.allocation.total == row_sum(s.allocation), a.id
        assert s.coverage in ("all", "part", "nothing")
        assert (s.coverage == "nothing") == (len(s.allocation.pots) == 0), a.id
        for o in s.open:
            assert o["why"], a.id
            assert o["hint"]["msg"], a.id


def test_messages_follow_set_lang_when_read() -> None:
    s = vardavtal.shown("komiljard-2019")
    en = component(s, "prestation")
    vardavtal.set_lang("sv")
    sv = component(s, "prestation")
    assert sv["hint"]["msg"] != en["hint"]["msg"]
    assert "fyll i utfallen [wait60, wait90] för 21 mottagare" in sv["hint"]["msg"]
    # the codes, locations and context are the same in both
    for k in ("code", "severity", "loc", "ctx"):
        assert sv["hint"][k] == en["hint"][k]
        assert [w[k] for w in sv["why"]] == [w[k] for w in en["why"]]


def test_to_json_is_the_core_form_the_web_page_reads() -> None:
    s = vardavtal.shown("komiljard-2019")
    data = json.loads(s.to_json())
    assert set(data) == {"agreement", "allocation", "open", "measures", "per_capita"}
    assert data["agreement"] == "komiljard-2019"
    # amounts as strings, the allocation's own JSON form
    assert json.loads(s.allocation.to_json()) == data["allocation"]
    assert data["open"][0]["component"] == "prestation"
    assert data["open"][0]["supply"] == {
        "type": "outcomes",
        "measures": ["wait60", "wait90"],
        "recipients": s.open[0]["supply"]["recipients"],
    }
    assert data["measures"][0]["recipients"][0] == ["01", "Region Stockholm"]
    pc = s.per_capita
    assert pc is not None
    assert [Decimal(r["per_capita"]) for r in data["per_capita"]["rows"]] == [r["per_capita"] for r in pc["rows"]]


def test_pickles_by_asking_again() -> None:
    # Outcomes with trailing zeros: their JSON form drops them ("0.80" as "0.8"), and the
    # notes show the value as the JSON form does, so the pickled result is equal.
    regions = [r["code"] for r in vardavtal.regions()]
    outcomes = {
        "wait90": {c: {"value": "0,80", "previous": "0,750"} for c in regions},
        "wait60": {c: {"value": "0,60"} for c in regions},
    }
    s = vardavtal.shown("komiljard-2019", outcomes=outcomes, unit="ore")
    back = pickle.loads(pickle.dumps(s))
    assert back == s
    # the same through a pickled Scenario's outcomes
    sc = pickle.loads(pickle.dumps(vardavtal.Scenario(outcomes=outcomes)))
    direct = vardavtal.allocate("komiljard-2019", outcomes=outcomes)
    assert vardavtal.allocate("komiljard-2019", outcomes=sc.outcomes) == direct
    assert any("wait90: 0.8, last year 0.75" in line for line in direct.explain("01"))
    assert back.allocation.unit == "ore"
    t = vardavtal.shown("okad-tillganglighet-2022", assume={"01": 1, "03": 1}, strict=True)
    assert pickle.loads(pickle.dumps(t)) == t
    assert repr(t).startswith("okad-tillganglighet-2022: what can be shown now (part of it)")


def test_the_view_is_the_cli_s() -> None:
    # str(), to_text and to_csv are the core's view of Shown, byte for byte what
    # `vardavtal shown` prints (the cross-skin check compares them).
    s = vardavtal.shown("komiljard-2019")
    text = str(s)
    assert text.startswith("komiljard-2019: what can be shown now (part of it)")
    assert "enter the outcomes [wait60, wait90] of 21 recipients to compute prestation" in text
    assert "fyll i utfallen [wait60, wait90] för 21 mottagare" in s.to_text(lang="sv")
    rows = s.to_records()
    assert len(rows) == 21 and rows[0]["code"] == "01"
    assert sum(r["total"] for r in rows) == s.allocation.total == 320_000_000
    assert all(r["per_capita"] == (r["total"] / r["population"]).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) for r in rows)
    assert s.to_csv().splitlines()[0] == "code,name,total,population,per_capita"


def test_strict_lists_what_allocate_would_raise_for() -> None:
    with pytest.raises(vardavtal.AllocationError):
        vardavtal.allocate("okad-tillganglighet-2022", strict=True)
    s = vardavtal.shown("okad-tillganglighet-2022", strict=True)
    assert s.coverage in ("part", "nothing")
    assert any(o["component"] == "block-1" for o in s.open)


def test_arguments_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        vardavtal.shown("komiljard-2019", None)  # type: ignore[call-arg]


@pytest.mark.parametrize(
    ("kwargs", "loc", "code"),
    [
        ({"key": "population:nowhere:2021"}, ["key"], "invalid_value"),
        ({"assume": "population:nowhere:2021"}, ["assume"], "invalid_value"),
        ({"assume": 7}, ["assume"], "invalid_value"),
        ({"key": {"01": "-1"}}, ["key", "01"], "negative_weight"),
        ({"outcomes": "{"}, ["outcomes"], "syntax"),
    ],
)
def test_bad_arguments_raise_input_error_at_the_argument(kwargs: Dict[str, Any], loc: List[Any], code: str) -> None:
    with pytest.raises(InputError) as ei:
        vardavtal.shown("komiljard-2019", **kwargs)
    err = ei.value.errors()[0]
    assert err["loc"][: len(loc)] == loc
    assert err["code"] == code
    # the same as allocate raises for its key
    if "key" in kwargs:
        with pytest.raises(InputError) as ea:
            vardavtal.allocate("komiljard-2019", key=kwargs["key"])
        assert ea.value.errors() == ei.value.errors()


def test_an_unknown_agreement_is_the_same_error_as_allocate() -> None:
    with pytest.raises(InputError) as es:
        vardavtal.shown("komiljard-2091")
    with pytest.raises(InputError) as ea:
        vardavtal.allocate("komiljard-2091")
    assert es.value.errors() == ea.value.errors()
    assert es.value.errors()[0]["code"] == "unknown_agreement"
