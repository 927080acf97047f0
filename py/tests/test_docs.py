"""The docstrings: every public function has the four numpy-style sections, the main methods
say what they return, and every ``>>>`` example of the package runs (doctest)."""

from __future__ import annotations

import doctest
import inspect
import pydoc
from typing import Any, Iterator, List, Tuple

import pytest

import vardavtal

SECTIONS = ("Parameters", "Returns", "Raises", "Examples")
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE

FUNCTIONS = sorted(n for n in vardavtal.__all__ if inspect.isroutine(getattr(vardavtal, n)))
CLASSES = sorted(n for n in vardavtal.__all__ if inspect.isclass(getattr(vardavtal, n)))

# The main methods and properties of the classes: each says what it takes and returns.
METHODS = {
    "Allocation": [
        "rows", "amounts", "explain", "pivot", "to_text", "to_csv", "to_excel",
        "to_records", "to_pandas", "to_arrow", "to_polars", "to_json", "from_json",
    ],
    "Key": ["to_text", "to_csv", "to_excel", "to_records", "to_pandas", "to_arrow", "to_polars"],
    "Agreement": ["from_file", "from_dict", "to_dict", "components", "to_text", "to_records", "to_pandas"],
    "Findings": ["errors", "raise_for_errors", "to_text", "to_csv", "to_records", "to_pandas"],
    "Comparison": ["to_text", "to_csv", "to_excel", "to_records", "to_pandas", "to_arrow", "to_polars"],
    "Reconciliation": ["to_text", "to_csv", "to_excel", "to_records", "to_pandas", "to_json"],
    "Catalog": ["agreement", "source", "for_year", "allocate"],
    "RecipientView": [
        "total", "lines", "open", "to_text", "to_csv", "to_records", "to_pandas", "to_arrow", "to_json",
    ],
    "Shown": ["allocation", "open", "measures", "per_capita", "to_json"],
    "YearView": [
        "total", "agreements", "amounts", "open", "to_text", "to_csv", "to_records", "to_pandas",
        "to_arrow", "to_json",
    ],
}


def has_section(doc: str, name: str) -> bool:
    """A numpy-style section: its name on a line, underlined with dashes."""
    lines = [line.strip() for line in doc.splitlines()]
    return any(a == name and b == "-" * len(name) for a, b in zip(lines, lines[1:]))


def documented() -> Iterator[Tuple[str, str]]:
    """Every public docstring: the module's, each function's, each class's and those of
    its methods and properties, as (qualified name, docstring)."""
    yield "vardavtal", vardavtal.__doc__ or ""
    for name in FUNCTIONS:
        yield name, getattr(vardavtal, name).__doc__ or ""
    for name in CLASSES:
        cls = getattr(vardavtal, name)
        yield name, cls.__doc__ or ""
        for attr in sorted(vars(cls)):
            if attr.startswith("__"):
                continue
            doc = getattr(getattr(cls, attr), "__doc__", None)  # a staticmethod's own, too
            if isinstance(doc, str):
                yield f"{name}.{attr}", doc


DOCS = dict(documented())


def examples(name: str) -> doctest.DocTest:
    return doctest.DocTestParser().get_doctest(DOCS[name], {"vardavtal": vardavtal}, name, None, 0)


@pytest.mark.parametrize("name", FUNCTIONS)
def test_every_function_has_the_four_sections(name: str) -> None:
    doc = DOCS[name]
    missing = [s for s in SECTIONS if not has_section(doc, s)]
    assert not missing, f"vardavtal.{name}: no {', '.join(missing)} section"
    assert examples(name).examples, f"vardavtal.{name}: no >>> example"
    # The summary is the first line, and help() shows all of it (not two lines).
    assert doc.strip().splitlines()[0].strip()
    assert len(pydoc.render_doc(getattr(vardavtal, name)).splitlines()) > 15


@pytest.mark.parametrize("method", [f"{c}.{m}" for c, ms in sorted(METHODS.items()) for m in ms])
def test_main_methods_say_what_they_return(method: str) -> None:
    doc = DOCS.get(method, "")
    assert doc.strip(), f"{method}: no docstring"
    assert has_section(doc, "Returns"), f"{method}: no Returns section"


def test_the_functions_are_all_there() -> None:
    assert set(FUNCTIONS) == {
        "split", "split_batch", "allocate", "allocate_batch", "explain", "compare",
        "validate", "catalog", "source", "key", "reconcile", "regions", "municipalities",
        "population", "population_dates", "parse_amount", "set_lang", "get_lang",
        "recipient", "year", "change", "sensitivity", "shown",
    }


@pytest.mark.parametrize("name", [n for n in DOCS if ">>>" in DOCS[n]])
def test_examples_run(name: str) -> None:
    vardavtal.set_lang("en")
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    out: List[str] = []
    try:
        runner.run(examples(name), out=out.append)
    finally:
        vardavtal.set_lang("en")
    assert runner.failures == 0, "".join(out)
    assert runner.tries > 0


def test_every_example_is_found() -> None:
    # The examples run above are those of every public docstring that has one: at least
    # one per function, and more in the classes.
    with_examples = [n for n in DOCS if ">>>" in DOCS[n]]
    assert set(FUNCTIONS) <= set(with_examples)
    total = sum(len(examples(n).examples) for n in with_examples)
    assert total > 3 * len(FUNCTIONS)


def test_a_failing_example_fails() -> None:
    # The runner of test_examples_run reports a wrong expectation (it does not pass everything).
    test = doctest.DocTestParser().get_doctest(
        ">>> vardavtal.parse_amount('1 mnkr')\nDecimal('2')\n", {"vardavtal": vardavtal}, "bad", None, 0
    )
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    sink: List[Any] = []
    runner.run(test, out=sink.append)
    assert runner.failures == 1
