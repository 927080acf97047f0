"""vardavtal: exact allocation and validation of the Swedish state–SKR health care
funding agreements (*överenskommelser*), from Python.

>>> import vardavtal
>>> alloc = vardavtal.split("443,4 miljoner kronor", key="population:regions:2021-11-01")
>>> alloc.total
Decimal('443400000')

Money goes in as ``decimal.Decimal``, ``int`` or ``str`` (plain or Swedish form) and comes
out as ``decimal.Decimal``; a ``float`` is refused, since it cannot hold every öre exactly.
``reconcile(table, pot=None, rule=None)`` checks a published per-region table (does it add
up, which key and rounding produced it, which rows are wrong). ``recipient(code, year)``
answers what one region or municipality gets across every agreement, ``year(year)`` what
every recipient gets of every agreement of a year (``Catalog.allocate(year)``),
``change(code, …)`` how one recipient's money changed between two splits and why (the pot,
its share of the key, rounding), ``sensitivity(agreement)`` every population-based pot under
every bundled key date, ``shown(agreement)`` what can be shown of an agreement now and what
it needs for the rest (outcomes, a key of one's own). Errors are
``VardavtalError`` subclasses (wrong input is also a ``ValueError``) with ``.errors()``.
Every result shows itself as the core renders it: ``str()`` is the text the CLI prints,
``to_csv()`` its CSV, ``_repr_html_()`` the HTML table, ``to_records()`` and ``to_pandas()``
the rows of the core's table. Every computation is done by the Rust core; this package
converts.
"""

from ._errors import AllocationError, InputError, ValidationError, VardavtalError
from ._tables import Records
from ._vardavtal import (
    Agreement,
    Allocation,
    Catalog,
    Change,
    Comparison,
    Findings,
    Key,
    Reconciliation,
    RecipientView,
    Row,
    Scenario,
    Sensitivity,
    Shown,
    Source,
    Table,
    YearView,
    __version__,
    allocate,
    allocate_batch,
    catalog,
    change,
    compare,
    explain,
    get_lang,
    key,
    municipalities,
    parse_amount,
    population,
    population_dates,
    recipient,
    reconcile,
    regions,
    sensitivity,
    shown,
    set_lang,
    source,
    split,
    split_batch,
    validate,
    year,
)

__all__ = [
    "Agreement",
    "Allocation",
    "AllocationError",
    "Catalog",
    "Change",
    "Comparison",
    "Findings",
    "InputError",
    "Key",
    "Reconciliation",
    "RecipientView",
    "Records",
    "Row",
    "Scenario",
    "Sensitivity",
    "Shown",
    "Source",
    "Table",
    "ValidationError",
    "VardavtalError",
    "YearView",
    "__version__",
    "allocate",
    "allocate_batch",
    "catalog",
    "change",
    "compare",
    "explain",
    "get_lang",
    "key",
    "municipalities",
    "parse_amount",
    "population",
    "population_dates",
    "recipient",
    "reconcile",
    "regions",
    "sensitivity",
    "shown",
    "set_lang",
    "source",
    "split",
    "split_batch",
    "validate",
    "year",
]
