"""Issue 18 in Python: bounded values, escaped output and the same code and loc as the CLI
and JavaScript for the divergent cases (the JS twin is wasm/js-tests/bounds.test.mjs)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any, Dict, List

import pytest

import vardavtal
from vardavtal import VardavtalError

KEY21 = "population:regions:2021-11-01"


def first(e: VardavtalError) -> Dict[str, Any]:
    return e.errors()[0]


def test_integer_weights_are_exact_as_in_javascript() -> None:
    a = vardavtal.split(100, key={"01": 1, "03": 3})
    assert [r.amount for r in a.rows] == [Decimal(25), Decimal(75)]


@pytest.mark.parametrize("bad", [True, False])
def test_boolean_weights_are_invalid_value_at_the_code(bad: bool) -> None:
    with pytest.raises(VardavtalError) as ei:
        vardavtal.split(100, key={"01": bad, "03": 1})
    assert (first(ei.value)["code"], first(ei.value)["loc"]) == ("invalid_value", ["key", "01"])


@pytest.mark.parametrize("text", ["\ufeff", "\ufeff\n"])
def test_a_key_text_of_only_a_bom_is_syntax_at_line_1(text: str, tmp_path: Path) -> None:
    with pytest.raises(VardavtalError) as ei:
        vardavtal.split(100, key=text)
    e = first(ei.value)
    assert (e["code"], e["loc"][0], e["loc"][-1]) == ("syntax", "key", 1)
    p = tmp_path / "bom.csv"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(VardavtalError) as ei:
        vardavtal.split(100, key=p)
    assert (first(ei.value)["code"], first(ei.value)["loc"][-1]) == ("syntax", 1)


def test_two_code_columns_are_an_error_naming_both() -> None:
    with pytest.raises(VardavtalError) as ei:
        vardavtal.split(100, key="region_code,code,weight\n01,03,1\n")
    e = first(ei.value)
    assert (e["code"], e["loc"][0], e["loc"][-1]) == ("syntax", "key", 1)
    assert "region_code, code" in e["msg"]


@pytest.mark.parametrize(
    "amount,code", [("-5", "negative_amount"), ("1.5", "amount_finer_than_unit")]
)
def test_the_pots_own_errors_are_located_at_amount(amount: str, code: str) -> None:
    with pytest.raises(VardavtalError) as ei:
        vardavtal.split(amount, key=KEY21)
    assert (first(ei.value)["code"], first(ei.value)["loc"]) == (code, ["amount"])


def test_a_value_that_contains_itself_is_a_clear_error() -> None:
    looped: List[Any] = []
    looped.append(looped)
    with pytest.raises(VardavtalError) as ei:
        vardavtal.allocate({"id": "x", "components": looped})
    e = first(ei.value)
    assert e["code"] == "invalid_value"
    assert "nests more than 128 levels deep, or contains itself" in e["msg"]


def test_an_id_longer_than_its_limit_is_refused_at_its_place() -> None:
    a = {"id": "a" * 257, "title": "T", "kind": {"type": "base"}, "years": [2022], "components": []}
    with pytest.raises(VardavtalError) as ei:
        vardavtal.allocate(a)
    e = first(ei.value)
    assert (e["code"], e["loc"]) == ("invalid_value", ["id"])
    assert e["ctx"]["length"] == "257" and e["ctx"]["limit"] == "256"


def test_a_long_code_makes_a_short_error(tmp_path: Path) -> None:
    p = tmp_path / "k.csv"
    p.write_text("code,weight\n" + "9" * 1_000_000 + ",1\n", encoding="utf-8")
    with pytest.raises(VardavtalError) as ei:
        vardavtal.split(100, key=p)
    assert first(ei.value)["code"] == "invalid_value"
    assert len(str(ei.value)) < 1000


def test_escapes_in_ids_reach_no_terminal_raw() -> None:
    a = {"id": "x\x1b]8;;http://e.com\x07y\x1b[2J", "title": "T", "kind": {"type": "base"}, "years": [2022],
         "components": [{"id": "=HYPERLINK(\"http://e.com\")", "name": "C", "amount": "100",
                         "recipients": {"list": ["01", "03"]}, "rule": {"type": "equal"}}]}
    alloc = vardavtal.allocate(a)
    text = str(alloc)
    assert "\x1b" not in text and "\x07" not in text and "\\u{1b}" in text
    assert "'=HYPERLINK" in alloc.to_csv(swedish=True)
    # the plain CSV keeps every value exact (documented): programs get the id they gave
    assert '"=HYPERLINK(""http://e.com"")"' in alloc.to_csv()
