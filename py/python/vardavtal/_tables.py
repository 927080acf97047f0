"""Records that are not a core table (the parts of a result: totals, pots, fits) and the
optional pandas conversion. Tables are rendered by the core (``vardavtal.Table``)."""

from __future__ import annotations

import importlib
from typing import Any, Dict, List, Sequence, Union

__all__ = ["Records", "to_pandas"]


def to_pandas(
    data: Union[List[Dict[str, Any]], Dict[str, List[Any]]],
    columns: Sequence[str],
    nullable_ints: Sequence[str] = (),
) -> Any:
    """A pandas DataFrame of ``data`` (one dict per row, or one list per column) with
    ``columns`` in this order (pandas is optional); the ``nullable_ints`` columns (whole
    numbers with gaps, such as ``remainder_rank``) as pandas' ``Int64``, not floats."""
    try:
        pd: Any = importlib.import_module("pandas")
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError(
            "to_pandas() needs pandas, which is not installed: pip install pandas "
            "(or use to_records(), which needs nothing)"
        ) from e
    df = pd.DataFrame(data, columns=list(columns))
    for c in nullable_ints:
        df[c] = pd.array([v if v is not None else pd.NA for v in df[c]], dtype="Int64")
    return df


def _nullable_ints(records: List[Dict[str, Any]], columns: Sequence[str]) -> List[str]:
    """The columns whose values are whole numbers with gaps."""
    out = []
    for c in columns:
        values = [r.get(c) for r in records]
        present = [v for v in values if v is not None]
        if present and len(present) < len(values) and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
            out.append(c)
    return out


class Records(List[Dict[str, Any]]):
    """A list of dicts (one per row) that knows its columns, for ``to_pandas()``."""

    def __init__(self, columns: Sequence[str], records: Sequence[Dict[str, Any]] = ()) -> None:
        super().__init__(records)
        self.columns: List[str] = list(columns)

    def to_records(self) -> List[Dict[str, Any]]:
        """The rows as a plain list of dicts."""
        return [dict(r) for r in self]

    def to_pandas(self) -> Any:
        """The rows as a pandas DataFrame (needs pandas)."""
        records = self.to_records()
        return to_pandas(records, self.columns, _nullable_ints(records, self.columns))

    def __reduce__(self) -> Any:
        return (Records, (self.columns, list(self)))
