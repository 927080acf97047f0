"""The analyst's baseline: a per-capita split by largest remainder in plain Python.

This is what a careful analyst writes without vardavtal: read the population, give every
region the whole kronor of its exact share, then hand the kronor that are left one each to
the largest remainders. Two versions, as one would write them: with ``decimal`` and with
``fractions``. Ties between equal remainders go to the first in the list (Python's sort
is stable, also with ``reverse=True``); the lists are in code order, so this is the same
rule as vardavtal's. Nothing here is tuned for speed.

    python3 benches/baseline_decimal.py     # split 443 000 000 kr over the 21 regions
"""

import csv
import math
from decimal import ROUND_FLOOR, Decimal, localcontext
from fractions import Fraction
from pathlib import Path


def read_population(path, code_column, date):
    """The population of each code on a reference date, in code order."""
    population = {}
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["reference_date"] == date:
                population[row[code_column]] = int(row["population"])
    return dict(sorted(population.items()))


def split_decimal(pot, weights):
    """Largest remainder with decimal.Decimal (40 significant digits, more than enough)."""
    with localcontext() as ctx:
        ctx.prec = 40
        total = sum(Decimal(w) for w in weights)
        quotas = [Decimal(pot) * Decimal(w) / total for w in weights]
        amounts = [int(q.to_integral_value(rounding=ROUND_FLOOR)) for q in quotas]
        remainders = [q - a for q, a in zip(quotas, amounts)]
    left = pot - sum(amounts)
    order = sorted(range(len(weights)), key=lambda i: remainders[i], reverse=True)
    for i in order[:left]:
        amounts[i] += 1
    return amounts


def split_fractions(pot, weights):
    """Largest remainder with fractions.Fraction (exact rationals)."""
    total = sum(weights)
    quotas = [Fraction(pot * w, total) for w in weights]
    amounts = [math.floor(q) for q in quotas]
    remainders = [q - a for q, a in zip(quotas, amounts)]
    left = pot - sum(amounts)
    order = sorted(range(len(weights)), key=lambda i: remainders[i], reverse=True)
    for i in order[:left]:
        amounts[i] += 1
    return amounts


if __name__ == "__main__":
    data = Path(__file__).resolve().parent.parent / "core" / "data"
    regions = read_population(data / "population_regions.csv", "region_code", "2021-11-01")
    amounts = split_decimal(443_000_000, list(regions.values()))
    assert amounts == split_fractions(443_000_000, list(regions.values()))
    for code, amount in zip(regions, amounts):
        print(f"{code}  {amount:>12,}".replace(",", " "))
    print(f"sum {sum(amounts):>12,}".replace(",", " "))
