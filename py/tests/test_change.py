"""``vardavtal.change`` and ``vardavtal.sensitivity``: the core's decomposition and key-date
sweep, their parts as Python values, their texts (the CLI's, in both languages), errors and
pickling."""

from __future__ import annotations

import datetime
import pickle
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

import vardavtal
from vardavtal import AllocationError, InputError, VardavtalError

K21 = "population:regions:2021-11-01"
K23 = "population:regions:2023-11-01"


@pytest.fixture(autouse=True)
def english() -> Any:
    vardavtal.set_lang("en")
    yield
    vardavtal.set_lang("en")


def test_change_of_a_key_date_is_all_share_and_matches_two_splits() -> None:
    c = vardavtal.change("12", "okad-tillganglighet-2022", component="block-2", key_a=K21, key_b=K23)
    a = vardavtal.split(443_000_000, key=K21)
    b = vardavtal.split(443_000_000, key=K23)

    def skane(s: vardavtal.Allocation) -> Decimal:
        return [r.amount for r in s.rows if r.recipient == "12"][0]

    assert (c.a["amount"], c.b["amount"]) == (skane(a), skane(b)) == (Decimal("59429771"), Decimal("59679159"))
    assert c.difference == c.b["amount"] - c.a["amount"] == Decimal("249388")
    assert c.pot_effect == 0
    assert c.difference == c.pot_effect + c.share_effect + c.rounding
    # The share effect by hand: 443 000 000 × (1 422 288 / 10 557 682 − 1 400 973 / 10 443 100),
    # rounded half away from zero.
    exact = 443_000_000 * (Fraction(1_422_288, 10_557_682) - Fraction(1_400_973, 10_443_100))
    assert c.share_effect == Decimal(round(exact))
    assert (c.a["weight"], c.a["total_weight"]) == (Decimal(1_400_973), Decimal(10_443_100))
    assert (c.recipient, c.name, c.unit) == ("12", "Region Skåne", "krona")


def test_change_of_pots_is_all_pot_and_defaults_b_to_a() -> None:
    c = vardavtal.change(" 12 ", pot_a="100", pot_b=Decimal(200), key_a=K21)
    assert c.b["key"] == c.a["key"] == K21
    assert (c.a["amount"], c.b["amount"]) == (Decimal(13), Decimal(27))
    # pot effect: 100 × 1 400 973 / 10 443 100 = 13.415 3… → 13; rounding is the rest.
    assert (c.pot_effect, c.share_effect, c.rounding) == (Decimal(13), Decimal(0), Decimal(1))
    assert c.sentence(lang="sv").startswith("Region Skåne (12) får 27 kr i stället för 13 kr")
    assert c.sentence().startswith("Region Skåne (12) gets 27 kr instead of 13 kr")


def test_change_text_is_the_cli_text_in_both_languages() -> None:
    c = vardavtal.change("12", pot_a="100", pot_b="200", key_a=K21)
    assert str(c).splitlines()[0] == "Change for Region Skåne (12): A → B"
    assert c.to_text(lang="sv").splitlines()[0] == "Förändring för Region Skåne (12): A → B"
    rec = c.to_records()
    assert rec[0]["code"] == "12" and rec[0]["diff"] == Decimal(14)
    assert c.to_csv().splitlines()[0].startswith("code,name,")


def test_change_errors_are_located() -> None:
    with pytest.raises(InputError) as e:
        vardavtal.change("12")
    assert e.value.errors()[0]["code"] == "invalid_value"
    with pytest.raises(InputError) as e:
        vardavtal.change("12", "okad-tillganglighet-2022", pot_a="1", key_a=K21)
    assert e.value.errors()[0]["loc"] == ["pot_a"]
    with pytest.raises(InputError) as e:
        vardavtal.change("12", pot_a=1.5, key_a=K21)  # type: ignore[arg-type]
    assert e.value.errors()[0]["loc"][0] == "pot_a"
    with pytest.raises(AllocationError) as e2:
        vardavtal.change("99", pot_a="100", key_a=K21)
    assert e2.value.errors()[0]["code"] == "unknown_recipient"


def test_change_pickles_and_reads_back_its_json() -> None:
    c = vardavtal.change("12", pot_a="100", pot_b="200", key_a=K21)
    assert pickle.loads(pickle.dumps(c)) == c
    assert vardavtal.Change.from_json(c.to_json()) == c


def test_sensitivity_every_date_sums_to_the_pot() -> None:
    s = vardavtal.sensitivity("okad-tillganglighet-2022")
    assert (s.agreement, s.level, len(s)) == ("okad-tillganglighet-2022", None, len(s.pots))
    p = s.pots[0]
    assert (p["agreement"], p["component"], p["level"]) == ("okad-tillganglighet-2022", "block-2", "regions")
    assert p["dates"] == vardavtal.population_dates("regions")
    assert p["convention"] == datetime.date(2021, 11, 1)
    assert len(p["recipients"]) == 21 and p["recipients"][0] == ("01", "Region Stockholm")
    for d in range(len(p["dates"])):
        assert sum(row[d] for row in p["amounts"]) == p["pot"] == Decimal(443_000_000)
    # Skåne's amount at the convention's date is the split by that key.
    d21 = p["dates"].index(datetime.date(2021, 11, 1))
    skane = p["recipients"].index(("12", "Region Skåne"))
    assert p["amounts"][skane][d21] == Decimal("59429771")
    top = p["movers"][0]
    assert top["spread"] == top["max"][0] - top["min"][0] >= p["movers"][-1]["spread"]


def test_sensitivity_text_tables_and_pickle() -> None:
    s = vardavtal.sensitivity("okad-tillganglighet-2022", level="regions")
    assert str(s) == s.to_text(lang="en") != s.to_text(lang="sv")
    assert len(s.to_records()) > 0
    assert pickle.loads(pickle.dumps(s)) == s


def test_sensitivity_errors() -> None:
    with pytest.raises(InputError) as e:
        vardavtal.sensitivity(level="counties")  # type: ignore[arg-type]
    assert e.value.errors()[0]["loc"] == ["level"]
    with pytest.raises(VardavtalError) as e2:
        vardavtal.sensitivity("no-such-agreement")
    assert e2.value.errors()[0]["code"] == "unknown_agreement"
