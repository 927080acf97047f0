"""Table layout for people (text and HTML) and the optional pandas conversion.

Only presentation lives here: the figures come from the core, already computed.
"""

from __future__ import annotations

import html
import importlib
from decimal import Decimal
from typing import Any, Dict, List, Optional, Sequence

__all__ = ["Table", "render_text", "render_html", "to_pandas"]


def to_pandas(records: List[Dict[str, Any]], columns: Sequence[str]) -> Any:
    """A pandas DataFrame of ``records`` with ``columns`` in this order (pandas is optional)."""
    try:
        pd: Any = importlib.import_module("pandas")
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError(
            "to_pandas() needs pandas, which is not installed: pip install pandas "
            "(or use to_records(), which needs nothing)"
        ) from e
    df = pd.DataFrame.from_records(records, columns=list(columns))
    for c in df.columns:
        values = [v for v in df[c] if v is not None]
        # Whole-number columns with gaps (remainder_rank) stay integers, not floats with NaN.
        if values and len(values) < len(df) and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            df[c] = pd.array([v if v is not None else pd.NA for v in df[c]], dtype="Int64")
    return df


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, Decimal):
        if v == v.to_integral_value():
            return f"{v:,.0f}".replace(",", " ")
        return f"{v:,}".replace(",", " ")
    if isinstance(v, (list, tuple)):
        return ", ".join(_cell(x) for x in v)
    return str(v)


def render_text(
    title: str,
    columns: Sequence[str],
    right: Sequence[bool],
    rows: Sequence[Sequence[str]],
    footer: Sequence[str] = (),
    limit: Optional[int] = None,
) -> str:
    """An aligned text table; with ``limit``, long tables show their head and tail."""
    shown: List[Sequence[str]] = list(rows)
    cut = 0
    if limit is not None and len(shown) > limit:
        head = max(limit - 5, 1)
        cut = len(shown) - head - 5
        shown = shown[:head] + [["…"] * len(columns)] + shown[-5:]
    if limit is not None:
        shown = [[c if len(c) <= 80 else c[:79] + "…" for c in r] for r in shown]
    widths = [len(c) for c in columns]
    for r in shown:
        for i, c in enumerate(r):
            widths[i] = max(widths[i], len(c))

    def line(cells: Sequence[str]) -> str:
        out = []
        for i, c in enumerate(cells):
            out.append(c.rjust(widths[i]) if right[i] else c.ljust(widths[i]))
        return ("  ".join(out)).rstrip()

    lines = [title, line(columns), line(["-" * w for w in widths])]
    lines += [line(r) for r in shown]
    if cut:
        lines.append(f"({cut} rows not shown; str() or to_records() has them all)")
    lines += list(footer)
    return "\n".join(lines)


def render_html(
    title: str,
    columns: Sequence[str],
    right: Sequence[bool],
    rows: Sequence[Sequence[str]],
    footer: Sequence[str] = (),
) -> str:
    """An HTML table for Jupyter."""
    e = html.escape
    align = ["right" if r else "left" for r in right]
    head = "".join(f'<th style="text-align:{a}">{e(c)}</th>' for c, a in zip(columns, align))
    body = "".join(
        "<tr>" + "".join(f'<td style="text-align:{a}">{e(c)}</td>' for c, a in zip(r, align)) + "</tr>"
        for r in rows
    )
    foot = "".join(f"<div>{e(f)}</div>" for f in footer)
    return (
        f'<div class="vardavtal"><strong>{e(title)}</strong>'
        f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{foot}</div>"
    )


class Table(List[Dict[str, Any]]):
    """A list of dicts (one per row) that knows its columns and shows itself as a table.

    ``to_records()`` gives the plain list; ``to_pandas()`` a DataFrame (pandas optional).
    """

    def __init__(self, title: str, columns: Sequence[str], records: Sequence[Dict[str, Any]] = ()) -> None:
        super().__init__(records)
        self.title = title
        self.columns: List[str] = list(columns)

    def to_records(self) -> List[Dict[str, Any]]:
        """The rows as a plain list of dicts."""
        return [dict(r) for r in self]

    def to_pandas(self) -> Any:
        """The rows as a pandas DataFrame (needs pandas)."""
        return to_pandas(self.to_records(), self.columns)

    def _layout(self) -> Any:
        rows = [[_cell(r.get(c)) for c in self.columns] for r in self]
        right = [bool(self) and all(isinstance(r.get(c), (int, Decimal)) and not isinstance(r.get(c), bool) for r in self) for c in self.columns]
        return rows, right

    def __repr__(self) -> str:
        rows, right = self._layout()
        return render_text(f"{self.title} ({len(self)} rows)", self.columns, right, rows, (), 60)

    def __str__(self) -> str:
        rows, right = self._layout()
        return render_text(f"{self.title} ({len(self)} rows)", self.columns, right, rows)

    def _repr_html_(self) -> str:
        rows, right = self._layout()
        return render_html(f"{self.title} ({len(self)} rows)", self.columns, right, rows)

    def __reduce__(self) -> Any:
        return (Table, (self.title, self.columns, list(self)))
