//! The core's views in Python: a core [`Table`] becomes records (a list of dicts with
//! `Decimal` amounts, `int`s, `datetime.date`s) or a `vardavtal.Table` that shows the
//! text and HTML the core rendered; [`core_view!`] gives a class over a core value the
//! methods every result has (`str`, `repr`, `_repr_html_`, `to_text`, `to_csv`).

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use vardavtal::view::{Cell, Table};

/// A cell as a Python value.
fn cell<'py>(py: Python<'py>, c: &Cell) -> PyResult<Bound<'py, PyAny>> {
    Ok(match c {
        Cell::Empty => py.None().into_bound(py),
        Cell::Text(s) => s.into_pyobject(py)?.into_any(),
        Cell::Amount(a) => a.value().into_pyobject(py)?.into_any(),
        Cell::Decimal(d) => d.into_pyobject(py)?.into_any(),
        Cell::Integer(i) => i.into_pyobject(py)?.into_any(),
        Cell::Date(w) => w.first_day().into_pyobject(py)?.into_any(),
    })
}

/// The rows of a table as a list of dicts keyed by column id.
pub fn records<'py>(py: Python<'py>, t: &Table) -> PyResult<Bound<'py, PyList>> {
    let l = PyList::empty(py);
    for r in &t.rows {
        let d = PyDict::new(py);
        for (c, v) in t.columns.iter().zip(r) {
            d.set_item(&c.id, cell(py, v)?)?;
        }
        l.append(d)?;
    }
    Ok(l)
}

/// A `vardavtal.Table`: the records, with the text and HTML the core rendered.
pub fn table<'py>(py: Python<'py>, t: &Table) -> PyResult<Bound<'py, PyAny>> {
    let columns: Vec<&str> = t.column_ids();
    py.import("vardavtal._tables")?.getattr("Table")?.call1((
        &t.title,
        columns,
        records(py, t)?,
        t.to_text(),
        t.to_text_limited(Some(60)),
        t.to_html(),
    ))
}

/// The records of a table as a pandas DataFrame (pandas is optional).
pub fn pandas<'py>(py: Python<'py>, t: &Table) -> PyResult<Bound<'py, PyAny>> {
    py.import("vardavtal._tables")?
        .call_method1("to_pandas", (records(py, t)?, t.column_ids()))
}

/// `str()`, `repr()`, `_repr_html_()`, `to_text()` and `to_csv()` of a class `$py(value)`
/// whose value has a core view: what the core renders, identical to the CLI's output.
macro_rules! core_view {
    ($py:ty) => {
        #[pymethods]
        impl $py {
            /// The result as text for people (what the CLI prints with `--format table`).
            fn __str__(&self) -> String {
                vardavtal::view::View::text(&self.0)
            }
            /// A short form: long tables show their first and last rows.
            fn __repr__(&self) -> String {
                vardavtal::view::View::preview(&self.0)
            }
            /// The table as HTML, for notebooks.
            fn _repr_html_(&self) -> String {
                vardavtal::view::View::table(&self.0).to_html()
            }
            /// The result as text for people, as `str()`: identical to the CLI's
            /// `--format table` output.
            ///
            /// Returns:
            ///     str: aligned text with Swedish amounts (`1 382 000 000 kr`).
            fn to_text(&self) -> String {
                vardavtal::view::View::text(&self.0)
            }
            /// The result as CSV with a header (amounts as plain decimals): identical to
            /// the CLI's `--format csv` output.
            ///
            /// Returns:
            ///     str: CSV text, one line per row.
            fn to_csv(&self) -> String {
                vardavtal::view::View::csv(&self.0)
            }
        }
    };
}
pub(crate) use core_view;

/// A `vardavtal.Table` with records of the skin's own (nested values, booleans) under
/// `columns`, and the text and HTML the core rendered for `t`.
pub fn table_with<'py>(
    py: Python<'py>,
    t: &Table,
    columns: Option<&[&str]>,
    records: Bound<'py, PyList>,
) -> PyResult<Bound<'py, PyAny>> {
    let columns: Vec<&str> = columns.map_or_else(|| t.column_ids(), <[&str]>::to_vec);
    py.import("vardavtal._tables")?.getattr("Table")?.call1((
        &t.title,
        columns,
        records,
        t.to_text(),
        t.to_text_limited(Some(60)),
        t.to_html(),
    ))
}
