"""Records that are not a core table (the parts of a result: totals, pots, fits) and the
optional pandas conversion. Tables are rendered by the core (``vardavtal.Table``)."""

from __future__ import annotations

import importlib
from typing import Any, Dict, List, Sequence, Union

__all__ = ["Records", "to_pandas"]


def to_pandas(data: Union[List[Dict[str, Any]], Dict[str, List[Any]]], columns: Sequence[str]) -> Any:
    """A pandas DataFrame of ``data`` (one dict per row, or one list per column) with
    ``columns`` in this order (pandas is optional)."""
    try:
        pd: Any = importlib.import_module("pandas")
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError(
            "to_pandas() needs pandas, which is not installed: pip install pandas "
            "(or use to_records(), which needs nothing)"
        ) from e
    df = pd.DataFrame(data, columns=list(columns))
    for c in df.columns:
        values = [v for v in df[c] if v is not None]
        # Whole-number columns with gaps (remainder_rank) stay integers, not floats with NaN.
        if values and len(values) < len(df) and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            df[c] = pd.array([v if v is not None else pd.NA for v in df[c]], dtype="Int64")
    return df


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
        return to_pandas(self.to_records(), self.columns)

    def __reduce__(self) -> Any:
        return (Records, (self.columns, list(self)))
