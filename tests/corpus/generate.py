#!/usr/bin/env python3
"""Writes the bad-input corpus (tests/corpus/*/) and its manifest (tests/corpus/manifest.json).

The expectations are written here by hand, one entry per input: what vardavtal must answer
(the first error's code and location). Run it again after adding an entry:

    python3 tests/corpus/generate.py

The corpus is read by core/tests/corpus.rs, cli/tests/corpus.rs and py/tests/test_corpus.py
(and the wasm runner); see tests/corpus/README.md for what each kind and stage means.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any, Dict, List, Optional

HERE = Path(__file__).resolve().parent
MAX = "79228162514264337593543950335"  # the largest Decimal: 2^96 - 1

# code -> family (core/src/finding.rs Code::kind): the Python exception class follows it.
FAMILY = {
    "syntax": "input", "unknown_field": "input", "invalid_value": "input", "invalid_amount": "input",
    "invalid_date": "input", "io": "input", "negative_amount": "input", "negative_weight": "input",
    "amount_finer_than_unit": "allocation", "empty_key": "allocation", "zero_total_weight": "allocation",
    "unknown_recipient": "allocation", "duplicate_recipient": "allocation", "no_population_data": "allocation",
    "missing_outcomes": "allocation", "unknown_component": "allocation", "rule_not_runnable": "allocation",
    "too_large": "allocation", "shares_do_not_sum": "allocation", "not_allocated": "allocation",
    "default_key": "allocation", "unknown_outcome": "input",
    "parts_do_not_sum": "validation", "earmark_exceeds_parent": "validation", "tranches_do_not_sum": "validation",
    "base_cycle": "validation", "duplicate_id": "validation", "dates_out_of_order": "validation",
    "missing_base": "validation",
}

entries: List[Dict[str, Any]] = []


def expect(code: Optional[str], loc: Optional[List[Any]]) -> Dict[str, Any]:
    if code is None:
        return {"code": None, "loc": None, "family": None}
    return {"code": code, "loc": loc, "family": FAMILY[code]}


def write(rel: str, content: Any) -> None:
    p = HERE / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        p.write_bytes(content)
    else:
        p.write_text(content, encoding="utf-8", newline="")


def add(kind: str, rel: str, content: Any, stage: str, code: Optional[str], loc: Optional[List[Any]],
        about: str, loc_prefix: bool = False, **extra: Any) -> None:
    write(rel, content)
    x = expect(code, loc)
    if loc_prefix:
        x["loc_prefix"] = True
    e: Dict[str, Any] = {"file": rel, "kind": kind, "stage": stage, "expect": x, "about": about}
    e.update(extra)
    entries.append(e)


def agreement(**over: Any) -> Dict[str, Any]:
    a: Dict[str, Any] = {"id": "x", "title": "X", "kind": {"type": "base"}, "years": [2022],
                         "components": [{"id": "a", "name": "A", "amount": "1000", "recipients": "regions",
                                         "rule": {"type": "per_capita"}}]}
    a.update(over)
    return a


def comp(**over: Any) -> Dict[str, Any]:
    c: Dict[str, Any] = {"id": "a", "name": "A", "amount": "1000", "recipients": "regions",
                         "rule": {"type": "per_capita"}}
    c.update(over)
    return c


def dump(a: Any) -> str:
    return json.dumps(a, ensure_ascii=False, indent=1) + "\n"


def ag(name: str, content: Any, stage: str, code: Optional[str], loc: Optional[List[Any]], about: str = "",
       **extra: Any) -> None:
    text = content if isinstance(content, (str, bytes)) else dump(content)
    if stage == "validate" and code is not None and loc is not None:
        # One contract: allocating refuses every error validation reports, with the same code and
        # the same location (validation puts the agreement's id in front).
        refused = expect(code, loc[1:])
        if extra.get("loc_prefix"):
            refused["loc_prefix"] = True
        extra["allocate"] = refused
    add("agreement", f"agreement/{name}.json", text, stage, code, loc, about, **extra)


for d in ("agreement", "agreement_set", "key_csv", "amount", "outcomes"):
    shutil.rmtree(HERE / d, ignore_errors=True)

AMT = ["components", 0, "amount"]
XAMT = ["x", "components", 0, "amount"]

# --- malformed JSON -----------------------------------------------------------------------
ag("json-empty", "", "parse", "syntax", [], "an empty file")
ag("json-truncated", '{"id": "x", "title": "X", "kind": {"type": "base"}, "years": [20', "parse", "syntax",
   ["years"], "the file ends in the middle of a value")
ag("json-trailing-comma", '{"id": "x", "title": "X", "kind": {"type": "base"}, "years": [2022],}\n', "parse",
   "syntax", [], "a comma after the last field")
ag("json-single-quotes", "{'id': 'x'}\n", "parse", "syntax", [], "single quotes are not JSON")
ag("json-comment", '{"id": "x", // the id\n "title": "X", "kind": {"type": "base"}, "years": [2022]}\n', "parse",
   "syntax", [], "comments are not JSON")
ag("json-trailing-garbage", dump(agreement()) + "}\n", "parse", "syntax", [], "text after the agreement")
ag("json-two-documents", dump(agreement()) + dump(agreement()), "parse", "syntax", [],
   "two agreements in one file")
ag("json-bom", "\ufeff" + dump(agreement()), "parse", "syntax", [], "a UTF-8 byte order mark before the JSON")
ag("json-not-utf8", b'{"id": "x\xff\xfe", "title": "X", "kind": {"type": "base"}, "years": [2022]}\n', "parse",
   "io", [], "bytes that are not UTF-8 (a file reader answers io; skins that take text cannot produce it)",
   bytes=True)
ag("json-lone-surrogate", '{"id": "x\\ud800", "title": "X", "kind": {"type": "base"}, "years": [2022]}\n', "parse",
   "syntax", ["id"], "a JSON escape of a lone UTF-16 surrogate")
ag("json-control-char", '{"id": "x\x01", "title": "X", "kind": {"type": "base"}, "years": [2022]}\n', "parse",
   "syntax", ["id"], "a raw control character in a string")
ag("json-nan-literal", '{"id": "x", "title": "X", "kind": {"type": "base"}, "years": [NaN]}\n', "parse", "syntax",
   ["years", 0], "NaN is not a JSON literal")

# --- deeply nested --------------------------------------------------------------------------
ag("deep-arrays-10000", "[" * 10000 + "]" * 10000 + "\n", "parse", "invalid_value", [0],
   "10 000 nested arrays: refused at the first one (an agreement is an object), without recursing")
ag("deep-kind-10000", '{"id": "x", "title": "X", "kind": {"type": "base", "x": ' + "[" * 10000 + "]" * 10000
   + '}, "years": [2022]}\n', "parse", "syntax", ["kind", "x", 0, 0, 0], loc_prefix=True, about=
   "10 000 nested arrays inside the tagged kind object: serde_json's recursion limit, a clean syntax error")
ag("deep-rule-10000", dump(agreement(components=[comp(rule={"x": "[[[["})]))
   .replace('"[[[["', "[" * 10000 + "]" * 10000), "parse", "syntax", ["components", 0, "rule", "x", 0, 0, 0], loc_prefix=True, about=
   "10 000 nested arrays inside a rule (buffered by the tagged enum): recursion limit")
deep: Dict[str, Any] = {"id": "c", "name": "C"}
for i in range(200):
    deep = {"id": f"c{i}", "name": "C", "components": [deep]}
ag("deep-components-200", dump(agreement(components=[deep])).replace("\n", "").replace(" ", "") + "\n", "parse",
   "syntax", ["components", 0] + ["components", 0] * 30, loc_prefix=True, about=
   "components nested 200 deep: recursion limit (128 JSON levels), not a stack overflow")
ok_deep: Dict[str, Any] = {"id": "c", "name": "C", "amount": "1000", "recipients": "regions",
                           "rule": {"type": "per_capita"}}
for i in range(55):
    ok_deep = {"id": f"c{i}", "name": "C", "components": [ok_deep]}
ag("deep-components-55-ok", dump(agreement(components=[ok_deep])), "allocate", None, None,
   "components nested 56 deep (within the limit of 128 JSON levels): parses, validates and allocates")
test_any: Dict[str, Any] = {"type": "met"}
for _ in range(200):
    test_any = {"type": "any", "tests": [test_any]}
ag("deep-test-any-200", dump(agreement(components=[comp(rule={"type": "performance", "unearned": "bonus_pot",
                                                                 "criteria": [{"id": "k", "name": "K", "share": "1",
                                                                               "test": test_any}]})])),
   "parse", "syntax", ["components", 0, "rule", "criteria", 0, "test"] + ["tests", 0] * 30, loc_prefix=True,
   about="performance tests nested 200 deep: recursion limit")

# --- wrong types ----------------------------------------------------------------------------
ag("type-top-level-array", "[]\n", "parse", "invalid_value", [], "a list where the agreement object belongs")
ag("type-top-level-string", '"x"\n', "parse", "invalid_value", [], "a string where the agreement object belongs")
ag("type-id-number", agreement(id=5), "parse", "invalid_value", ["id"], "an id that is a number")
ag("type-years-strings", agreement(years=["2022"]), "parse", "invalid_value", ["years", 0], "years as strings")
ag("type-year-float", '{"id": "x", "title": "X", "kind": {"type": "base"}, "years": [2022.5]}\n', "parse",
   "invalid_value", ["years", 0], "a fractional year")
ag("type-year-too-big", '{"id": "x", "title": "X", "kind": {"type": "base"}, "years": [3000000000]}\n', "parse",
   "invalid_value", ["years", 0], "a year that does not fit 32 bits")
ag("type-components-object", agreement(components={"a": comp()}), "parse", "invalid_value", ["components"],
   "components as an object instead of a list")
ag("type-amount-number", agreement(components=[comp(amount=1000)]), "parse", "invalid_amount", AMT,
   "an amount as a JSON number (may be a float): refused as an amount")
ag("type-amount-float", '{"id": "x", "title": "X", "kind": {"type": "base"}, "years": [2022], "components": '
   '[{"id": "a", "name": "A", "amount": 1000.5}]}\n', "parse", "invalid_amount", AMT, "an amount as a float")
ag("type-amount-null", agreement(components=[comp(amount=None)]), "validate", "rule_not_runnable",
   ["x", "components", 0, "rule"], "an amount that is null is no amount: the rule has nothing to split",
   allocate=expect("rule_not_runnable", ["components", 0, "amount"]))
ag("type-amount-bool", agreement(components=[comp(amount=True)]), "parse", "invalid_amount", AMT,
   "an amount that is true")
ag("type-kind-string", agreement(kind="base"), "parse", "invalid_value", ["kind"],
   "kind as a string instead of {\"type\": …}")
ag("type-kind-unknown", agreement(kind={"type": "loan"}), "parse", "invalid_value", ["kind", "type"],
   "an unknown kind")
ag("type-missing-id", {k: v for k, v in agreement().items() if k != "id"}, "parse", "invalid_value", [],
   "a required field missing")
ag("type-duplicate-field", '{"id": "x", "id": "y", "title": "X", "kind": {"type": "base"}, "years": [2022]}\n',
   "parse", "invalid_value", [], "the same field twice: refused, not last-wins")
ag("type-recipients-number", agreement(components=[comp(recipients=21)]), "parse", "invalid_value",
   ["components", 0, "recipients"], "recipients as a number: valid JSON of the wrong shape, not a syntax error")
ag("type-recipients-bare-list", agreement(components=[comp(recipients=["01", "03"])]), "parse", "invalid_value",
   ["components", 0, "recipients"], "a bare list of recipients instead of {\"list\": […]}")
ag("type-rule-each-number", agreement(components=[comp(rule={"type": "fixed_plus_key", "each": 5})]), "parse",
   "invalid_amount", ["components", 0, "rule"], "a fixed amount as a JSON number")

# --- unknown fields -------------------------------------------------------------------------
ag("unknown-top", agreement(colour="red"), "parse", "unknown_field", ["colour"], "an unknown top-level field")
ag("unknown-misspelt-amount", agreement(components=[{"id": "a", "name": "A", "ammount": "1000"}]), "parse",
   "unknown_field", ["components", 0, "ammount"], "a misspelt field is refused, not ignored")
ag("unknown-in-figure", agreement(components=[comp(amount={"value": "1000", "precison": "1"})]), "parse",
   "unknown_field", ["components", 0, "amount", "precison"], "an unknown field in a figure object")
ag("unknown-in-kind", agreement(kind={"type": "base", "base": "y"}), "parse", "unknown_field", ["kind"],
   "a base on a base agreement")
ag("unknown-in-rule", agreement(components=[comp(rule={"type": "per_capita", "weights": {"01": "1"}})]), "parse",
   "unknown_field", ["components", 0, "rule"], "an unknown field in a rule")
ag("unknown-in-rule-equal", agreement(components=[comp(rule={"type": "equal", "colour": "red"},
                                                       recipients={"list": ["01", "03"]})]),
   "parse", "unknown_field", ["components", 0, "rule"], "an unknown field in a rule without fields")
ag("unknown-in-key-needs", agreement(key={"type": "needs_regions2024", "year": "2025"}), "parse", "unknown_field",
   ["key"], "an unknown field in a key without fields")
ag("unknown-in-tranche", agreement(tranches=[{"id": "t", "component": "a", "amount": "1000", "paid": "2022-06"}]),
   "parse", "unknown_field", ["tranches", 0, "paid"], "an unknown field in a tranche")

# --- amounts --------------------------------------------------------------------------------
for name, value, about in [
    ("too-many-digits", "123456789012345678901234567890", "30 digits: more than a decimal holds"),
    ("max-plus-one", "79228162514264337593543950336", "one more than the largest decimal"),
    ("too-many-decimals", "0.00000000000000000000000000001", "29 decimals"),
    ("exponent", "1e9", "exponent notation"),
    ("exponent-upper", "4.43E8", "exponent notation with a capital E"),
    ("thousands-space", "443 000 000", "thousands grouped by spaces in a file amount"),
    ("thousands-comma", "443,000,000", "thousands grouped by commas"),
    ("thousands-dot", "443.000.000", "thousands grouped by dots"),
    ("decimal-comma", "4,5", "a decimal comma in a file amount"),
    ("nan", "NaN", "NaN"),
    ("infinity", "Infinity", "Infinity"),
    ("minus-infinity", "-Infinity", "-Infinity"),
    ("inf", "inf", "inf"),
    ("plus-sign", "+5", "a plus sign"),
    ("leading-dot", ".5", "no digit before the point"),
    ("trailing-dot", "5.", "no digit after the point"),
    ("hex", "0x10", "hexadecimal"),
    ("empty", "", "an empty string"),
    ("space-padded", " 1000", "a leading space"),
    ("swedish-words", "443 miljoner kronor", "a Swedish form where a plain decimal belongs"),
    ("fullwidth-digits", "\uff11\uff10\uff10\uff10", "full-width digits"),
    ("arabic-indic-digits", "\u0661\u0660\u0660\u0660", "Arabic-Indic digits"),
    ("unicode-minus", "\u22121000", "a Unicode minus sign"),
]:
    ag(f"amount-{name}", agreement(components=[comp(amount=value)]), "parse", "invalid_amount", AMT,
       f"component amount: {about}")
ag("amount-figure-value-exponent", agreement(components=[comp(amount={"value": "1e3"})]), "parse", "invalid_amount",
   ["components", 0, "amount", "value"], "the value of a figure object in exponent notation")
ag("amount-figure-precision-nan", agreement(components=[comp(amount={"value": "1000", "precision": "NaN"})]),
   "parse", "invalid_amount", ["components", 0, "amount", "precision"], "a precision that is NaN")
ag("amount-top-level-infinity", agreement(amount="Infinity"), "parse", "invalid_amount", ["amount"],
   "the agreement's total is Infinity")
ag("amount-tranche-share-exponent", agreement(tranches=[{"id": "t", "component": "a", "share": "5e-1"}]), "parse",
   "invalid_amount", ["tranches", 0, "share"], "a tranche share in exponent notation")
ag("amount-negative", agreement(components=[comp(amount="-1000")]), "validate", "negative_amount", XAMT,
   "a negative pot", allocate=expect("negative_amount", AMT))
ag("amount-negative-total", agreement(amount="-1"), "validate", "negative_amount", ["x", "amount"],
   "a negative total")
# --- bounds (issue 18): ids, names and codes longer than their limits; escapes and formulas
ag("bounds-id-too-long", agreement(id="a" * 257), "parse", "invalid_value", ["id"],
   "an agreement id of 257 characters: longer than the limit of 256 (text_too_long)")
ag("bounds-component-name-too-long", agreement(components=[comp(name="N" * 1001)]), "parse", "invalid_value",
   ["components", 0, "name"], "a component name of 1001 characters: longer than the limit of 1000")
ag("bounds-tranche-id-too-long", agreement(tranches=[{"id": "t" * 257, "component": "a", "amount": "1000"}]),
   "parse", "invalid_value", ["tranches", 0, "id"], "a tranche id longer than the limit")
ag("bounds-declared-code-too-long", agreement(recipients=[{"id": "R" * 65, "name": "R"}]),
   "parse", "invalid_value", ["recipients", 0, "id"], "a declared recipient code longer than the limit of 64")
ag("bounds-listed-code-too-long", agreement(components=[comp(recipients={"list": ["01", "R" * 65]})]),
   "parse", "invalid_value", ["components", 0, "recipients", 1],
   "a code in a component's list of recipients longer than the limit of 64")
ag("escape-in-id", agreement(id="x\u001b]8;;http://example.com\u0007y\u001b[2J"), "allocate", None, None,
   "ANSI and OSC escapes in the id: valid, allocated; shown escaped in text output")
ag("formula-in-id", agreement(id="=HYPERLINK(\"http://example.com\")",
                              components=[comp(id="@SUM(A1)", name="-2+3")]), "allocate", None, None,
   "ids that a spreadsheet would run as formulas: valid; neutralised in the Swedish CSV and the XLSX")

# --- what an allocation does not cover: notes, errors in strict mode -----------------------
ag("strict-not-allocated", agreement(amount="1000", components=[]), "allocate", "not_allocated", [],
   "an agreement with an amount and no components: a not_allocated note, an error in strict mode", strict=True)
ag("strict-default-key", agreement(), "allocate", "default_key", ["components", 0],
   "a per-capita component that names no key: a default_key note, an error in strict mode", strict=True)
ag("strict-unpublished-rule", agreement(amount="2000", components=[comp(), comp(id="b", rule={"type": "unpublished", "needs": "the key"})]),
   "allocate", "not_allocated", [],
   "half of the agreement has no published rule: its share is a not_allocated note (an error in strict mode)",
   strict=True)
ag("amount-zero", agreement(components=[comp(amount="0")]), "allocate", None, None,
   "a zero pot: valid, every region gets 0")
ag("amount-negative-zero", agreement(components=[comp(amount="-0")]), "allocate", None, None,
   "minus zero is zero: valid")
ag("amount-max", agreement(components=[comp(amount=MAX)]), "allocate", None, None,
   "the largest decimal as a pot: split exactly")
ag("amount-max-twice", agreement(components=[comp(amount=MAX), comp(id="b", amount=MAX)]), "allocate", "too_large",
   [], "two pots of the largest decimal: their total does not fit (an error, not a panic)")
ag("amount-max-ore", agreement(components=[comp(amount=MAX, rule={"type": "equal"}, recipients={"list": ["01", "03"]})]),
   "allocate", None, None, "the largest decimal split equally in two")
ag("amount-finer-than-krona", agreement(components=[comp(amount="1000.5")]), "allocate", "amount_finer_than_unit",
   ["components", 0, "rule"], "a pot with öre, split in whole kronor")
ag("amount-zero-each", agreement(components=[comp(amount="0", rule={"type": "fixed_plus_key", "each": "1"})]),
   "validate", "rule_not_runnable", ["x", "components", 0, "rule", "each"],
   "a zero pot with a fixed amount each", allocate=expect("rule_not_runnable", ["components", 0, "rule", "each"]))
ag("amount-parts-overflow", agreement(amount="1", components=[{"id": "a", "name": "A", "amount": MAX},
                                                             {"id": "b", "name": "B", "amount": MAX}]),
   "allocate", None, None,
   "parts whose sum does not fit a decimal: a parts_do_not_sum warning, not a panic")
ag("amount-earmark-overflow", agreement(components=[{"id": "a", "name": "A", "amount": MAX, "components": [
    {"id": "e", "name": "E", "kind": "earmark", "amount": "-" + MAX}]}]), "validate", "negative_amount",
   ["x", "components", 0, "components", 0, "amount"], "an earmark at the bottom of the range: no overflow")
ag("amount-each-overflow", agreement(components=[comp(amount="1", rule={"type": "fixed_plus_key", "each": MAX})]),
   "validate", "rule_not_runnable", ["x", "components", 0, "rule", "each"],
   "21 × the largest decimal each: refused without overflowing",
   allocate=expect("rule_not_runnable", ["components", 0, "rule", "each"]))
ag("amount-tranche-shares-overflow", agreement(tranches=[{"id": "t1", "component": "a", "share": MAX},
                                                         {"id": "t2", "component": "a", "share": MAX}]),
   "validate", "tranches_do_not_sum", ["x", "tranches", 0], "tranche shares whose sum does not fit",
   allocate=expect("shares_do_not_sum", ["components", 0, "tranches", 0]))
ag("amount-tranche-negative-share", agreement(tranches=[{"id": "t1", "component": "a", "share": "-1"},
                                                        {"id": "t2", "component": "a", "share": "2"}]),
   "validate", "negative_weight", ["x", "tranches", 0, "share"],
   "tranche shares -1 and 2 sum to 1 but a negative share is not a share",
   allocate=expect("negative_weight", ["components", 0, "tranches", 0, "share"]))
ag("amount-criteria-shares-overflow", agreement(components=[comp(rule={
    "type": "performance", "unearned": "bonus_pot", "criteria": [
        {"id": "k1", "name": "K", "share": MAX, "test": {"type": "met"}},
        {"id": "k2", "name": "K", "share": MAX, "test": {"type": "met"}}]})]),
   "validate", "shares_do_not_sum", ["x", "components", 0, "rule", "criteria"],
   "criterion shares whose sum does not fit",
   allocate=expect("shares_do_not_sum", ["components", 0, "rule", "criteria"]))

# --- keys, weights, recipients in agreements ------------------------------------------------
RK = ["x", "components", 0, "rule", "key"]
ag("key-empty-weights", agreement(components=[comp(rule={"type": "per_capita", "key": {"type": "weights",
                                                                                        "weights": {}}})]),
   "validate", "empty_key", RK, "a key with no weights", allocate=expect("empty_key", ["components", 0, "rule"]))
ag("key-all-zero", agreement(components=[comp(rule={"type": "per_capita", "key": {
    "type": "weights", "weights": {"01": "0", "03": "0"}}})]), "validate", "zero_total_weight", RK,
   "weights that are all zero", allocate=expect("zero_total_weight", ["components", 0, "rule"]))
ag("key-negative-weight", agreement(components=[comp(rule={"type": "per_capita", "key": {
    "type": "weights", "weights": {"01": "-1", "03": "2"}}})]), "validate", "negative_weight", RK + ["01"],
   "a negative weight", allocate=expect("negative_weight", ["components", 0, "rule", "01"]))
ag("key-unknown-code", agreement(components=[comp(rule={"type": "per_capita", "key": {
    "type": "weights", "weights": {"01": "1", "99": "1"}}})]), "validate", "unknown_recipient", RK + ["99"],
   "a weight for region 99, which does not exist",
   allocate=expect("unknown_recipient", ["components", 0, "rule", "99"]))
ag("key-duplicate-code", '{"id": "x", "title": "X", "kind": {"type": "base"}, "years": [2022], "components": [{"id": '
   '"a", "name": "A", "amount": "1000", "rule": {"type": "per_capita", "key": {"type": "weights", "weights": '
   '{"01": "1", "01": "2"}}}}]}\n', "parse", "duplicate_recipient", ["components", 0, "rule"],
   "the same code twice in a weights object: refused, not last-wins")
ag("key-weight-exponent", agreement(components=[comp(rule={"type": "per_capita", "key": {
    "type": "weights", "weights": {"01": "1e3"}}})]), "parse", "invalid_amount", ["components", 0, "rule"],
   "a weight in exponent notation")
ag("key-date-out-of-range", agreement(components=[comp(rule={"type": "per_capita", "key": {
    "type": "population", "level": "regions", "date": "2022-02-30"}})]), "parse", "invalid_date",
   ["components", 0, "rule"], "a key date that does not exist")
ag("key-no-population", agreement(components=[comp(rule={"type": "per_capita", "key": {
    "type": "population", "level": "regions", "date": "1900-01-01"}})]), "validate", "no_population_data", RK,
   "a key date with no bundled population",
   allocate=expect("no_population_data", ["components", 0, "rule"]))
ag("recipients-unknown", agreement(components=[comp(recipients={"list": ["01", "99"]}, rule={"type": "equal"})]), "validate",
   "unknown_recipient", ["x", "components", 0, "recipients", 1], "an unknown code in a list of recipients",
   allocate=expect("unknown_recipient", ["components", 0, "rule", "99"]))
ag("recipients-duplicate", agreement(components=[comp(recipients={"list": ["01", "01"]}, rule={"type": "equal"})]),
   "validate", "duplicate_recipient", ["x", "components", 0, "recipients", 1],
   "the same region twice in a list of recipients",
   allocate=expect("duplicate_recipient", ["components", 0, "rule", "01"]))
ag("recipients-unknown-region-of", agreement(components=[comp(recipients={"municipalities_of": "99"})]), "validate",
   "unknown_recipient", ["x", "components", 0, "recipients"], "the municipalities of a region that does not exist")
ag("fixed-unknown", agreement(components=[comp(recipients=None, rule={"type": "fixed", "recipient": "Region X"})]),
   "validate", "unknown_recipient", ["x", "components", 0, "rule", "recipient"],
   "a fixed amount to an undeclared recipient",
   allocate=expect("unknown_recipient", ["components", 0, "rule", "recipient"]))
ag("duplicate-component-id", agreement(components=[comp(), comp()]), "validate", "duplicate_id",
   ["x", "components"], "two components with the same id")
ag("rule-without-amount", agreement(components=[{k: v for k, v in comp().items() if k != "amount"}]), "validate",
   "rule_not_runnable", ["x", "components", 0, "rule"], "a rule with no amount to split",
   allocate=expect("rule_not_runnable", ["components", 0, "amount"]))
ag("earmark-exceeds", agreement(components=[{"id": "a", "name": "A", "amount": "100", "components": [
    {"id": "e", "name": "E", "kind": "earmark", "amount": "101"}]}]), "validate", "earmark_exceeds_parent",
   ["x", "components", 0, "components", 0, "amount"], "an earmark larger than its parent")
ag("tranches-do-not-sum", agreement(tranches=[{"id": "t1", "component": "a", "amount": "600"},
                                              {"id": "t2", "component": "a", "amount": "500"}]), "validate",
   "tranches_do_not_sum", ["x", "tranches", 0], "tranches of 600 and 500 for a pot of 1000",
   allocate=expect("tranches_do_not_sum", ["components", 0, "tranches", 0]))
ag("tranche-unknown-component", agreement(tranches=[{"id": "t1", "component": "zz", "amount": "1000"}]),
   "validate", "unknown_component", ["x", "tranches", 0], "a tranche for a component that does not exist")
ag("no-years", agreement(years=[]), "validate", "invalid_value", ["x", "years"], "no years",
   allocate=expect("rule_not_runnable", ["components", 0, "rule"]))

# --- one validation contract: what allocating refused, validating now reports (issues 18, 19) --
ag("duplicate-component-ids", agreement(components=[comp(), comp(amount="500")]), "validate", "duplicate_id",
   ["x", "components"], "two components with the same id (both used to be allocated)")
ag("tranche-amount-and-share", agreement(tranches=[{"id": "t1", "component": "a", "amount": "1000", "share": "0.5"}]),
   "validate", "invalid_value", ["x", "tranches", 0, "share"],
   "a tranche with both an amount and a share (the share used to be ignored)")
ag("list-declared-weights", agreement(
    recipients=[{"id": "SKR", "name": "Sveriges Kommuner och Regioner"}],
    components=[comp(recipients={"list": ["SKR", "01"]},
                     rule={"type": "per_capita", "key": {"type": "weights", "name": "w",
                                                         "weights": {"SKR": "1", "01": "3"}}})]),
   "allocate", None, None, "a declared recipient in a list group with a weights key: allocated "
   "(the key's restriction to the group used to forget the declared recipients)")
ag("fixed-each-negative", agreement(components=[comp(rule={"type": "fixed_plus_key", "each": "-1"})]),
   "validate", "negative_amount", ["x", "components", 0, "rule", "each"], "a negative fixed amount per recipient")
ag("fixed-each-half-krona", agreement(components=[comp(rule={"type": "fixed_plus_key", "each": "0.5"})]),
   "allocate", "amount_finer_than_unit", ["components", 0, "rule", "each"],
   "0,50 kr each: valid in öre, refused in whole kronor (the unit is an option of the allocation, "
   "which validate checks with the options)")
ag("years-duplicate", agreement(years=[2022, 2023, 2022]), "validate", "duplicate_id", ["x", "years", 2],
   "a year listed twice")
ag("performance-no-criteria", agreement(components=[comp(rule={"type": "performance", "unearned": "bonus_pot",
                                                                "criteria": []})]),
   "validate", "rule_not_runnable", ["x", "components", 0, "rule", "criteria"],
   "a performance rule without criteria: rule_not_runnable in both (validate said shares_do_not_sum)")

# --- dates ----------------------------------------------------------------------------------
DEC = ["decided", 0, "date"]
for name, value, about in [
    ("feb-30", "2022-02-30", "30 February"),
    ("month-13", "2022-13-01", "month 13"),
    ("day-0", "2022-01-00", "day 0"),
    ("year-5-digits", "99999-01-01", "a five-digit year"),
    ("plus-sign", "+2022-01-01", "a signed year"),
    ("unpadded", "2022-1-1", "month and day without leading zeros"),
    ("slashes", "2022/01/01", "slashes"),
    ("swedish-order", "01-06-2022", "day-month-year"),
    ("with-time", "2022-06-01T00:00:00", "a time after the date"),
    ("empty", "", "an empty date"),
]:
    ag(f"date-{name}", agreement(decided=[{"date": value}]), "parse", "invalid_date", DEC,
       f"decision date: {about}")
ag("date-carry-over-feb-30", agreement(carry_over={"until": "2022-02-30"}), "parse", "invalid_date",
   ["carry_over", "until"], "carry-over until 30 February")
ag("date-carry-over-5-digit-year", agreement(carry_over={"until": "99999-12-31"}), "parse", "invalid_date",
   ["carry_over", "until"], "carry-over until a five-digit year")
ag("date-tranche-month-13", agreement(tranches=[{"id": "t", "component": "a", "amount": "1000",
                                                 "date": "2022-13"}]), "parse", "invalid_date",
   ["tranches", 0, "date"], "a payment month 13")
ag("date-year-min", agreement(years=[-2147483648]), "validate", "no_population_data", ["x", "components", 0, "rule"],
   "the smallest 32-bit year: no default key date (and no overflow)")
ag("date-year-max", agreement(years=[2147483647]), "validate", "no_population_data", ["x", "components", 0, "rule"],
   "the largest 32-bit year: no date to look the population up at (and no overflow)")
ag("date-tranche-before-decision", agreement(decided=[{"date": "2022-06-01"}], tranches=[
    {"id": "t", "component": "a", "amount": "1000", "date": "2022-05"}]), "validate", "dates_out_of_order",
   ["x", "tranches", 0, "date"], "paid in May, decided in June")

# --- several problems in one file -----------------------------------------------------------
# The manifest checks the first finding; the core's tests (input/problems.rs) check that every
# one of them is reported, located, in both languages.
ag("several-problems", agreement(components=[comp(amount="1e9"), comp(id="b"), comp(id="c", components=[
    comp(id="c1", recipients="counties")])], colour="red", tranches=[
    {"id": "t", "component": "a", "amount": "1000", "date": "2022-13"}]), "parse", "invalid_amount", AMT,
   "four independent problems (a bad amount in components[0], a bad group in components[2].components[0], "
   "an unknown field at the top, a payment month 13): all four are reported, the first one serde meets first")

# --- agreement sets (validation of several files) -------------------------------------------
def aset(name: str, agreements: List[Dict[str, Any]], code: str, loc: List[Any], about: str) -> None:
    files = []
    for i, a in enumerate(agreements):
        rel = f"agreement_set/{name}-{i + 1}.json"
        write(rel, dump(a))
        files.append(rel)
    entries.append({"files": files, "kind": "agreement_set", "stage": "validate", "expect": expect(code, loc),
                    "about": about})


def sup(id_: str, base: str) -> Dict[str, Any]:
    return agreement(id=id_, kind={"type": "supplementary", "base": base}, components=[])


aset("self-reference", [sup("s", "s")], "base_cycle", ["s", "kind", "base"],
     "a supplementary agreement that is its own base")
aset("cycle-2", [sup("s1", "s2"), sup("s2", "s1")], "base_cycle", ["s1", "kind", "base"],
     "two supplementary agreements, each the other's base")
aset("cycle-3", [agreement(id="b", components=[]), sup("s1", "s3"), sup("s2", "s1"), sup("s3", "s2")], "base_cycle",
     ["s1", "kind", "base"], "three supplementary agreements in a cycle (and an unrelated base)")
aset("duplicate-id", [agreement(), agreement()], "duplicate_id", ["x"], "two agreements with the same id")

# --- key CSV --------------------------------------------------------------------------------
def kc(name: str, text: Any, stage: str, code: Optional[str], loc: Optional[List[Any]], about: str,
       **extra: Any) -> None:
    add("key_csv", f"key_csv/{name}.csv", text, stage, code, loc, about, **extra)


kc("empty", "", "parse", "syntax", [1], "an empty file")
kc("header-only", "code,weight\n", "key", "empty_key", [], "a header and no rows")
kc("wrong-header", "region,amount\n01,1\n", "parse", "syntax", [1], "no code and weight columns")
kc("semicolons", "code;weight\n01;1,5\n03;2\n", "split", None, None,
   "semicolon-separated with decimal commas (a Swedish spreadsheet export): read as such")
kc("semicolons-bad-weight", "kod;vikt\n01;1,5\n03;1,2,3\n", "parse", "invalid_amount", [3, "weight"],
   "a Swedish spreadsheet export with a weight that is no number")
kc("decimal-comma", "code,weight\n01,1,5\n", "parse", "syntax", [2], "a decimal comma splits the row in three")
kc("quoted-decimal-comma", 'code,weight\n01,"1,5"\n', "split", None, None,
   "a quoted decimal comma: read as 1.5")
kc("thousands-space", "code,weight\n01,2 389 000\n", "split", None, None,
   "a weight with thousands grouped by spaces: read as 2389000")
kc("thousands-irregular", "code,weight\n01,2 38 9000\n", "parse", "invalid_amount", [2, "weight"],
   "digits separated by spaces, not in groups of three")
kc("exponent", "code,weight\n01,1\n03,1e3\n", "parse", "invalid_amount", [3, "weight"], "exponent notation")
kc("nan", "code,weight\n01,NaN\n", "parse", "invalid_amount", [2, "weight"], "NaN")
kc("infinity", "code,weight\n01,Infinity\n", "parse", "invalid_amount", [2, "weight"], "Infinity")
kc("empty-weight", "code,weight\n01,\n", "parse", "invalid_amount", [2, "weight"], "an empty weight")
kc("too-many-digits", "code,weight\n01,123456789012345678901234567890\n", "parse", "invalid_amount",
   [2, "weight"], "a weight with more digits than fit")
kc("all-zero", "code,weight\n01,0\n03,0\n", "key", "zero_total_weight", [], "weights that are all zero")
kc("negative", "code,weight\n01,-1\n03,2\n", "key", "negative_weight", ["01"], "a negative weight")
kc("unknown-code", "code,weight\n01,1\n99,1\n", "key", "unknown_recipient", ["99"], "region 99 does not exist")
kc("leading-zero-lost", "code,weight\n1,2389000\n3,383000\n", "key", "unknown_recipient", ["1"],
   "codes whose leading zero a spreadsheet dropped")
kc("duplicate-code", "code,weight\n01,1\n03,1\n01,2\n", "key", "duplicate_recipient", ["01"],
   "the same region twice")
kc("ragged", "code,weight\n01,1\n03\n", "parse", "syntax", [3], "a row with one field")
kc("not-utf8", b"code,weight\n01,1\n03,\xff\n", "parse", "io", [], "bytes that are not UTF-8", bytes=True)
kc("weights-sum-overflow", f"code,weight\n01,{MAX}\n03,{MAX}\n", "key", "too_large", [],
   "weights whose sum does not fit a decimal")
kc("weights-scale-overflow", f"code,weight\n01,0.0000000000000000000000000001\n03,{MAX}\n", "key", "too_large", [],
   "weights too fine and too large to scale to integers together")
kc("split-overflow", f"code,weight\n01,{MAX}\n03,0\n", "split", "too_large", [],
   "a key that parses but whose products with the pot overflow 128 bits", pot=MAX)
kc("bom-ok", "\ufeffcode,weight\n01,1\n03,3\n", "split", None, None, "a byte order mark before the header: read")

# --- bounds (issue 18): a code of more than 64 characters, a header that names the code twice
kc("code-too-long", "code,weight\n01,1\n" + "9" * 65 + ",1\n", "parse", "invalid_value", [3, "code"],
   "a recipient code of 65 characters: longer than the limit of 64 (text_too_long)")
kc("bom-only", "\ufeff", "parse", "syntax", [1], "a byte order mark and nothing else: no header (as an empty file)")
kc("two-code-headers", "region_code,code,weight\n01,03,1\n", "parse", "syntax", [1],
   "two columns that both name the code: an error naming both, not the first chosen silently")
kc("escape-in-code", "code,weight\n01,1\n\u001b[31m03,1\n", "key", "unknown_recipient", ["\u001b[31m03"],
   "an ANSI escape in a code: unknown, and shown escaped")

# --- amounts (a pot given by a person: Sek::parse_any, then split by population:regions:2021-11-01) --
def am(name: str, text: str, stage: str, code: Optional[str], about: str, **extra: Any) -> None:
    add("amount", f"amount/{name}.txt", text, stage, code, [] if code else None, about, **extra)


am("exponent", "1e9", "parse", "invalid_amount", "exponent notation")
am("exponent-swedish", "4,43E8 kronor", "parse", "invalid_amount", "exponent notation in a Swedish form")
am("nan", "NaN", "parse", "invalid_amount", "NaN")
am("infinity", "Infinity", "parse", "invalid_amount", "Infinity")
am("minus-infinity", "-Infinity", "parse", "invalid_amount", "-Infinity")
am("infinity-sign", "\u221e", "parse", "invalid_amount", "the infinity sign")
am("empty", "", "parse", "invalid_amount", "nothing")
am("thousands-comma", "443,000,000", "parse", "invalid_amount", "thousands grouped by commas")
am("thousands-dot", "443.000.000", "parse", "invalid_amount", "thousands grouped by dots")
am("irregular-grouping", "443 00 000", "parse", "invalid_amount", "a thousands group of two digits")
am("too-many-digits", "123456789012345678901234567890", "parse", "invalid_amount", "30 digits")
am("too-large-swedish", "99999999999999999999 miljarder", "parse", "invalid_amount",
   "10^29 kronor in Swedish words")
am("hedged", "ca 11 miljarder", "parse", "invalid_amount", "a hedged figure is not an exact amount")
am("fullwidth", "\uff11\uff10\uff10\uff10", "parse", "invalid_amount", "full-width digits")
am("two-numbers", "12 kr 50 \u00f6re", "parse", "invalid_amount", "kronor and öre as two numbers")
am("double-minus", "--5", "parse", "invalid_amount", "two minus signs")
am("negative", "-100", "split", "negative_amount", "a negative pot")
am("negative-swedish", "\u22125 miljoner kronor", "split", "negative_amount", "a negative pot in Swedish form")
am("finer-than-krona", "1.5", "split", "amount_finer_than_unit", "öre in a pot split in whole kronor")
am("zero", "0", "split", None, "a zero pot: every region gets 0")
am("max", MAX, "split", None, "the largest decimal")
am("max-ore", MAX, "split", "too_large", "the largest decimal in öre: the parts do not fit a decimal",
   unit="ore")

# --- outcomes -------------------------------------------------------------------------------
def oc(name: str, text: str, code: str, loc: List[Any], about: str) -> None:
    add("outcomes", f"outcomes/{name}.json", text, "parse", code, loc, about)


oc("malformed", '{"vantetid": {"01": {"met": true}', "syntax", ["vantetid"], "the file ends early")
oc("array", "[]\n", "invalid_value", [], "a list instead of an object")
oc("value-number", '{"vantetid": {"01": {"value": 0.5}}}\n', "invalid_amount", ["vantetid", "01", "value"],
   "a measured value as a JSON number")
oc("value-nan", '{"vantetid": {"01": {"value": "NaN"}}}\n', "invalid_amount", ["vantetid", "01", "value"],
   "a measured value NaN")
oc("met-string", '{"vantetid": {"01": {"met": "yes"}}}\n', "invalid_value", ["vantetid", "01", "met"],
   "met as a string")
oc("unknown-field", '{"vantetid": {"01": {"valu": "1"}}}\n', "unknown_field", ["vantetid", "01", "valu"],
   "a misspelt field")
oc("duplicate-recipient", '{"vantetid": {"01": {"met": true}, "01": {"met": false}}}\n', "duplicate_recipient",
   ["vantetid"], "the same region twice: refused, not last-wins")

(HERE / "manifest.json").write_text(json.dumps(entries, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(f"{len(entries)} entries")
