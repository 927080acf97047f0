"""The laws of the money, checked through Python with hypothesis: an allocation hands out
exactly the pot, every amount is the floor or the ceiling of its exact quota
pot × w / W (computed with fractions.Fraction), and the result does not depend on the
order of a dict key."""

from __future__ import annotations

import math
import random
from decimal import Decimal
from fractions import Fraction
from typing import Dict, List

from hypothesis import given, settings
from hypothesis import strategies as st

import vardavtal

REGIONS: List[str] = [r["code"] for r in vardavtal.regions()]

weights_st = st.dictionaries(
    st.sampled_from(REGIONS),
    st.integers(min_value=0, max_value=10**9),
    min_size=1,
    max_size=len(REGIONS),
).filter(lambda d: sum(d.values()) > 0)

decimal_weights_st = st.dictionaries(
    st.sampled_from(REGIONS),
    st.decimals(min_value=0, max_value=10**6, places=3, allow_nan=False, allow_infinity=False),
    min_size=1,
).filter(lambda d: sum(d.values()) > 0)

pots_st = st.integers(min_value=0, max_value=10**15)


def check_laws(pot: Fraction, weights: Dict[str, Fraction], alloc: vardavtal.Allocation, unit: Fraction) -> None:
    total_w = sum(weights.values())
    amounts = {r.recipient: Fraction(r.amount) for r in alloc.rows}
    assert set(amounts) == set(weights)
    assert sum(amounts.values()) == pot, "the pot is handed out exactly"
    assert alloc.total == Decimal(pot.numerator) / Decimal(pot.denominator)
    for code, w in weights.items():
        quota_units = pot * w / total_w / unit
        got_units = amounts[code] / unit
        assert got_units.denominator == 1, "every amount is a whole number of units"
        assert got_units in (math.floor(quota_units), math.ceil(quota_units)), (code, got_units, quota_units)


@settings(max_examples=200, deadline=None)
@given(pot=pots_st, weights=weights_st)
def test_split_is_exact_and_within_one_krona(pot: int, weights: Dict[str, int]) -> None:
    alloc = vardavtal.split(pot, key=weights)
    assert all(isinstance(r.amount, Decimal) for r in alloc.rows)
    check_laws(Fraction(pot), {k: Fraction(v) for k, v in weights.items()}, alloc, Fraction(1))


@settings(max_examples=100, deadline=None)
@given(
    pot=st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False, allow_infinity=False),
    weights=decimal_weights_st,
)
def test_split_in_ore_with_decimal_weights(pot: Decimal, weights: Dict[str, Decimal]) -> None:
    alloc = vardavtal.split(pot, key=weights, unit="ore")
    check_laws(Fraction(pot), {k: Fraction(v) for k, v in weights.items()}, alloc, Fraction(1, 100))


@settings(max_examples=100, deadline=None)
@given(pot=pots_st, weights=weights_st, seed=st.integers())
def test_order_of_a_dict_key_does_not_matter(pot: int, weights: Dict[str, int], seed: int) -> None:
    items = list(weights.items())
    random.Random(seed).shuffle(items)
    a = vardavtal.split(pot, key=weights)
    b = vardavtal.split(pot, key=dict(items))
    assert a == b
    assert a.to_records() == b.to_records()


@settings(max_examples=50, deadline=None)
@given(pot=pots_st, seed=st.integers(min_value=0, max_value=3))
def test_population_keys_hand_out_the_pot(pot: int, seed: int) -> None:
    dates = vardavtal.population_dates("regions")
    d = dates[seed % len(dates)]
    alloc = vardavtal.split(str(pot), key=f"population:regions:{d.isoformat()}")
    assert alloc.total == pot
    assert len(alloc.rows) == 21


@settings(max_examples=50, deadline=None)
@given(pot=st.integers(min_value=0, max_value=10**12), weights=weights_st)
def test_int_str_and_decimal_amounts_agree(pot: int, weights: Dict[str, int]) -> None:
    a = vardavtal.split(pot, key=weights)
    assert a == vardavtal.split(str(pot), key=weights)
    assert a == vardavtal.split(Decimal(pot), key=weights)
