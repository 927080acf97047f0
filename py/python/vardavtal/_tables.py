"""The table type of results (a list of dicts that shows itself as the core renders it)
and the optional pandas conversion. Nothing is laid out here: the text and HTML come from
the Rust core, the same as the command line prints.
"""

from __future__ import annotations

import importlib
from typing import Any, Dict, List, Sequence

__all__ = ["Table", "to_pandas"]


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


class Table(List[Dict[str, Any]]):
    """A list of dicts (one per row) that knows its columns and shows itself as a table.

    ``str()`` is the core's text, ``repr()`` its short form, ``_repr_html_()`` its HTML;
    ``to_records()`` gives the plain list; ``to_pandas()`` a DataFrame (pandas optional).
    """

    def __init__(
        self,
        title: str,
        columns: Sequence[str],
        records: Sequence[Dict[str, Any]] = (),
        text: str = "",
        preview: str = "",
        html: str = "",
    ) -> None:
        super().__init__(records)
        self.title = title
        self.columns: List[str] = list(columns)
        self._text, self._preview, self._html = text, preview, html

    def to_records(self) -> List[Dict[str, Any]]:
        """The rows as a plain list of dicts."""
        return [dict(r) for r in self]

    def to_pandas(self) -> Any:
        """The rows as a pandas DataFrame (needs pandas)."""
        return to_pandas(self.to_records(), self.columns)

    def __repr__(self) -> str:
        return self._preview

    def __str__(self) -> str:
        return self._text

    def _repr_html_(self) -> str:
        return self._html

    def __reduce__(self) -> Any:
        return (Table, (self.title, self.columns, list(self), self._text, self._preview, self._html))
