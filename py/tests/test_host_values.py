"""Values of other libraries as keys, weights and amounts: numpy integer scalars, Decimal-likes,
pandas Series and other dict-likes (Mappings) are read by duck typing (vardavtal imports neither
numpy nor pandas); floats, numpy's included, are refused with a short message; a refused object is
never dumped whole into the message."""

import subprocess
import sys
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Dict, Iterator, Tuple

import numpy as np
import pandas as pd  # type: ignore[import-untyped, unused-ignore]
import pytest

import vardavtal
from vardavtal import InputError

KEY21 = "population:regions:2021-11-01"
WEIGHTS = {"01": 2, "03": 1}


class Weights(Mapping):  # type: ignore[type-arg]
    """A read-only Mapping that is no dict."""

    def __init__(self, d: Dict[str, Any]) -> None:
        self._d = d

    def __getitem__(self, k: str) -> Any:
        return self._d[k]

    def __iter__(self) -> Iterator[str]:
        return iter(self._d)

    def __len__(self) -> int:
        return len(self._d)


class DecimalLike:
    """A scalar that speaks the decimal protocol (as_tuple) and is no Decimal."""

    def __init__(self, text: str) -> None:
        self._d = Decimal(text)

    def as_tuple(self) -> Tuple[int, Tuple[int, ...], int]:
        t = self._d.as_tuple()
        return (t.sign, t.digits, int(t.exponent))


def amounts(a: vardavtal.Allocation) -> Dict[str, Decimal]:
    return {r["code"]: r["amount"] for r in a.by_recipient()}


def test_numpy_is_not_imported_by_vardavtal() -> None:
    code = "import sys, vardavtal; vardavtal.split(100, key={'01': 1}); print('numpy' in sys.modules, 'pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


@pytest.mark.parametrize("amount", [np.int64(1000), np.int32(1000), np.uint64(1000), DecimalLike("1000"), Decimal("1E+3")])
def test_integer_scalars_and_decimal_likes_as_amounts(amount: Any) -> None:
    a = vardavtal.split(amount, key=WEIGHTS)
    assert a.total == 1000
    assert amounts(a) == {"01": Decimal(667), "03": Decimal(333)}
    assert vardavtal.parse_amount(amount) == Decimal(1000)


def test_decimal_like_keeps_ore() -> None:
    a = vardavtal.split(DecimalLike("1000.01"), key=WEIGHTS, unit="ore", each=np.int64(100))
    assert a.total == Decimal("1000.01")


def test_numpy_weights_in_a_dict_mapping_and_series_give_the_same_split() -> None:
    plain = vardavtal.split(1000, key=WEIGHTS)
    as_numpy = vardavtal.split(1000, key={"01": np.int64(2), "03": np.int8(1)})
    as_mapping = vardavtal.split(1000, key=Weights({"01": 2, "03": Decimal(1)}))
    as_series = vardavtal.split(1000, key=pd.Series([2, 1], index=["01", "03"]))
    as_decimal_series = vardavtal.split(1000, key=pd.Series([Decimal(2), Decimal(1)], index=["01", "03"]))
    for other in (as_numpy, as_mapping, as_series, as_decimal_series):
        assert amounts(other) == amounts(plain)
        assert other.total == plain.total == 1000


def test_a_series_with_a_code_twice_is_refused_not_overwritten() -> None:
    # A pandas index may repeat a label; the second weight must not silently replace the first.
    with pytest.raises(vardavtal.AllocationError) as ei:
        vardavtal.split(1000, key=pd.Series([2, 1, 5], index=["01", "03", "01"]))
    errors = ei.value.errors()
    assert [e["code"] for e in errors] == ["duplicate_recipient"]
    assert errors[0]["loc"] == ["key", "01"]


def test_a_region_population_series_from_a_dataframe() -> None:
    pop = vardavtal.population("2021-11-01").to_pandas()
    series = pd.Series(pop["population"].to_numpy(dtype="int64"), index=pop["code"])
    assert amounts(vardavtal.split(443_000_000, key=series)) == amounts(vardavtal.split(443_000_000, key=KEY21))


@pytest.mark.parametrize("bad", [np.float64(0.5), np.float32(0.5), 0.5])
def test_float_weights_are_refused_shortly(bad: Any) -> None:
    with pytest.raises(InputError) as ei:
        vardavtal.split(100, key={"01": bad, "03": 1})
    e = ei.value.errors()[0]
    assert e["code"] == "invalid_value" and e["loc"] == ["key", "01"]
    assert "float" in e["msg"] and "exactly" in e["msg"]


@pytest.mark.parametrize("bad", [np.float64(443e6), np.float32(443e6), np.float16(1)])
def test_numpy_float_amounts_are_refused(bad: Any) -> None:
    with pytest.raises(InputError) as ei:
        vardavtal.split(bad, key=KEY21)
    e = ei.value.errors()[0]
    assert e["code"] == "invalid_amount" and e["loc"] == ["amount"]
    assert "float" in e["msg"] and "öre" in e["msg"]
    assert e["ctx"]["type"] == type(bad).__name__


def test_numpy_bool_is_no_amount() -> None:
    with pytest.raises(InputError) as ei:
        vardavtal.split(np.bool_(True), key=KEY21)  # type: ignore[arg-type]  # the stubs refuse it too
    assert ei.value.errors()[0]["code"] == "invalid_amount"


def test_a_float_series_is_refused_at_its_first_weight() -> None:
    with pytest.raises(InputError) as ei:
        vardavtal.split(100, key=pd.Series([0.5, 0.5], index=["01", "03"]))
    assert ei.value.errors()[0]["loc"] == ["key", "01"]


def test_a_refused_series_is_not_dumped_into_the_message() -> None:
    big = pd.Series(range(100_000), name="a" * 500)
    with pytest.raises(InputError) as ei:
        vardavtal.split(big, key=KEY21)
    e = ei.value.errors()[0]
    assert e["code"] == "invalid_amount" and e["ctx"]["type"] == "Series"
    assert len(e["msg"]) < 200 and "\n" not in e["msg"] and e["msg"].endswith("…")
    assert len(str(ei.value)) < 250
    with pytest.raises(InputError) as ei:
        vardavtal.split(100, key=list(range(100_000)))  # type: ignore[arg-type]
    assert len(ei.value.errors()[0]["msg"]) < 200


def test_int_codes_of_a_series_are_refused_not_padded() -> None:
    with pytest.raises(InputError) as ei:
        vardavtal.split(100, key=pd.Series([1, 2], index=[1, 3]))
    e = ei.value.errors()[0]
    assert e["code"] == "invalid_value" and "recipient code" in e["msg"]


def test_agreements_and_outcomes_as_mappings_with_numpy_values() -> None:
    d: Dict[str, Any] = {"id": "x", "title": "X", "kind": {"type": "base"}, "years": [np.int64(2022)],
                         "components": [Weights({"id": "a", "name": "A", "amount": np.int64(1_000_000), "recipients": "regions",
                                                 "rule": {"type": "per_capita", "key": {"type": "population", "level": "regions", "date": "2021-11-01"}}})]}
    assert vardavtal.allocate(Weights(d)).total == 1_000_000
    d["components"][0]._d["amount"] = np.float64(1e6)
    with pytest.raises(InputError) as ei:
        vardavtal.allocate(d)
    assert ei.value.errors()[0]["loc"] == ["components", 0, "amount"]
    assert ei.value.errors()[0]["code"] == "invalid_amount"


def test_swedish_refusal() -> None:
    vardavtal.set_lang("sv")
    try:
        with pytest.raises(InputError) as ei:
            vardavtal.split(np.float64(1.5), key=KEY21)  # type: ignore[arg-type]  # the stubs refuse floats too
    finally:
        vardavtal.set_lang("en")
    assert "flyttal" in ei.value.errors()[0]["msg"]
