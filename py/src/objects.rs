//! The Python classes: newtypes over core values. Every class that core can show gets the
//! same methods from [`skin!`]: `str()` and `to_text()` (the core's text, as the CLI prints
//! it), `repr()`, `_repr_html_()`, `to_csv()`, `to_records()` and `to_pandas()` (from the
//! core's table, converted in one place: [`records`]), `len()`, `==`, and `to_json()`,
//! `from_json()` and pickling through the core's serde JSON form where core reads it back.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};
use rust_decimal::Decimal;
use vardavtal::agreement::When;
use vardavtal::catalog::{Catalog, Source};
use vardavtal::view::{self, AgreementList, Cell, Kind, SourceView, Table, View};
use vardavtal::{
    Agreement, Allocation, Comparison, Error, Finding, Key, Loc, Row, Scenario, Severity,
};

use crate::convert;
use crate::error::{OrRaise, finding_dict, py_err};

/// Which table of a core value `to_records()` gives: its table, or a longer form.
pub trait Shape: View {
    /// The table whose rows `to_records()` gives.
    fn records_table(&self) -> Table {
        self.table()
    }
    /// `to_records()` and the columns of `to_pandas()`: the rows of [`Shape::records_table`].
    fn py_records<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyList>, Vec<String>)> {
        let t = self.records_table();
        Ok((
            records(py, &t)?,
            t.columns.into_iter().map(|c| c.id).collect(),
        ))
    }
    /// What `to_pandas()` builds its frame from: one list per column of
    /// [`Shape::records_table`] (much faster for pandas than one dict per row), and the
    /// whole-number columns with gaps (kept as pandas' nullable `Int64`, not floats).
    fn py_frame<'py>(&self, py: Python<'py>) -> PyResult<Frame<'py>> {
        let t = self.records_table();
        let d = PyDict::new(py);
        let mut nullable_ints = Vec::new();
        for (i, c) in t.columns.iter().enumerate() {
            let cells = t.rows.iter().map(|r| r.get(i).unwrap_or(&Cell::Empty));
            if c.kind == Kind::Integer
                && t.rows
                    .iter()
                    .any(|r| matches!(r.get(i), None | Some(Cell::Empty)))
            {
                nullable_ints.push(c.id.clone());
            }
            d.set_item(&c.id, column(py, cells)?)?;
        }
        let columns = t.columns.into_iter().map(|c| c.id).collect();
        Ok(Frame {
            data: d.into_any(),
            columns,
            nullable_ints,
        })
    }
    /// The exact columnar form, for `to_arrow()`: one pyarrow array per column, amounts and
    /// decimals as `decimal128` built from their integer mantissas (no text, no floats).
    fn py_arrow<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let t = self.records_table();
        let pa = py
            .import("pyarrow")
            .map_err(|e| needs(py, "to_arrow()", "pyarrow", e))?;
        let arrays = PyList::empty(py);
        for (i, c) in t.columns.iter().enumerate() {
            let cells: Vec<&Cell> = t
                .rows
                .iter()
                .map(|r| r.get(i).unwrap_or(&Cell::Empty))
                .collect();
            arrays.append(arrow_column(&pa, c.kind, &cells)?)?;
        }
        let names: Vec<String> = t.columns.into_iter().map(|c| c.id).collect();
        pa.getattr("Table")?
            .call_method1("from_arrays", (arrays, names))
    }
}

/// The columns of a frame and the whole-number columns that have gaps.
pub struct Frame<'py> {
    /// One list per column, keyed by column id.
    pub data: Bound<'py, PyAny>,
    /// The column ids in order.
    pub columns: Vec<String>,
    /// Whole-number columns with empty cells.
    pub nullable_ints: Vec<String>,
}

/// A column's cells as a Python list; a cell equal to the one before reuses its object
/// (the pot, agreement and component repeat on every row of a pot).
fn column<'py, 'a>(
    py: Python<'py>,
    cells: impl Iterator<Item = &'a Cell>,
) -> PyResult<Bound<'py, PyList>> {
    let out = PyList::empty(py);
    let mut last: Option<(&Cell, Bound<'py, PyAny>)> = None;
    for c in cells {
        let obj = match &last {
            Some((prev, obj)) if *prev == c => obj.clone(),
            _ => cell(py, c)?,
        };
        out.append(&obj)?;
        last = Some((c, obj));
    }
    Ok(out)
}

/// One column as a pyarrow array: text as `string`, whole numbers as `int64`, days as
/// `date32`, months as text, amounts and decimals as `decimal128(38, s)` with `s` the
/// column's largest scale (`decimal256` through `decimal.Decimal` where 38 digits do not
/// hold them).
fn arrow_column<'py>(
    pa: &Bound<'py, PyModule>,
    kind: Kind,
    cells: &[&Cell],
) -> PyResult<Bound<'py, PyAny>> {
    let py = pa.py();
    let decimals: Option<Vec<Option<Decimal>>> = cells
        .iter()
        .map(|c| match c {
            Cell::Amount(a) => Some(Some(a.value())),
            Cell::Decimal(d) => Some(Some(*d)),
            Cell::Empty => Some(None),
            _ => None,
        })
        .collect();
    match decimals {
        Some(ds) if matches!(kind, Kind::Amount | Kind::Decimal) => arrow_decimals(pa, &ds),
        _ => {
            let values = column(py, cells.iter().copied())?;
            let ty = match kind {
                Kind::Integer => "int64",
                Kind::Date
                    if cells
                        .iter()
                        .all(|c| matches!(c, Cell::Empty | Cell::Date(When::Day(_)))) =>
                {
                    "date32"
                }
                _ => "string",
            };
            let kwargs = PyDict::new(py);
            kwargs.set_item("type", pa.call_method0(ty)?)?;
            pa.call_method("array", (values,), Some(&kwargs))
        }
    }
}

/// Decimals as one `decimal128(38, s)` array from their mantissas at the largest scale.
fn arrow_decimals<'py>(
    pa: &Bound<'py, PyModule>,
    ds: &[Option<Decimal>],
) -> PyResult<Bound<'py, PyAny>> {
    let py = pa.py();
    let scale = ds.iter().flatten().map(|d| d.scale()).max().unwrap_or(0);
    let limit = 10i128.pow(38);
    let mantissas: Option<Vec<i128>> = ds
        .iter()
        .map(|d| {
            let d = d.unwrap_or_default();
            let m = d
                .mantissa()
                .checked_mul(10i128.checked_pow(scale - d.scale())?)?;
            (m.abs() < limit).then_some(m)
        })
        .collect();
    let Some(mantissas) = mantissas else {
        let values = PyList::new(py, ds.iter().map(|d| d.map(|d| d.normalize())))?;
        let kwargs = PyDict::new(py);
        kwargs.set_item("type", pa.call_method1("decimal256", (76, scale))?)?;
        return pa.call_method("array", (values,), Some(&kwargs));
    };
    let bytes: Vec<u8> = mantissas.iter().flat_map(|m| m.to_le_bytes()).collect();
    // Arrow's validity bitmap: bit j of byte i says whether value 8i + j is present.
    let valid = ds.iter().any(Option::is_none).then(|| {
        ds.chunks(8)
            .map(|c| {
                c.iter()
                    .enumerate()
                    .filter(|(_, d)| d.is_some())
                    .fold(0u8, |b, (j, _)| b | (1 << j))
            })
            .collect::<Vec<u8>>()
    });
    let buffer = |b: &[u8]| pa.call_method1("py_buffer", (pyo3::types::PyBytes::new(py, b),));
    let validity = match &valid {
        Some(bits) => buffer(bits)?,
        None => py.None().into_bound(py),
    };
    let ty = pa.call_method1("decimal128", (38, scale))?;
    pa.getattr("Array")?.call_method1(
        "from_buffers",
        (ty, ds.len(), vec![validity, buffer(&bytes)?]),
    )
}

/// The `ImportError` of a method that needs an optional package.
pub fn needs(py: Python<'_>, method: &str, package: &str, e: PyErr) -> PyErr {
    let err = pyo3::exceptions::PyImportError::new_err(format!(
        "{method} needs {package}, which is not installed: pip install {package} \
         (or use to_records(), which needs nothing)"
    ));
    err.set_cause(py, Some(e));
    err
}

impl Shape for Allocation {
    /// One record per amount (the long form, as in the CSV).
    fn records_table(&self) -> Table {
        self.rows_table()
    }
}
impl Shape for Comparison {}
impl Shape for Key {}
impl Shape for Table {}
impl Shape for Agreement {}
impl Shape for AgreementList<'_> {}
impl Shape for Vec<Finding> {}
impl Shape for SourceView<'_> {}

/// A cell as a Python value: amounts and decimals as `decimal.Decimal`, integers as `int`,
/// a day as `datetime.date`, a month as its text (`"2022-06"`), nothing as `None`.
fn cell<'py>(py: Python<'py>, c: &Cell) -> PyResult<Bound<'py, PyAny>> {
    Ok(match c {
        Cell::Empty => py.None().into_bound(py),
        Cell::Text(s) => PyString::new(py, s).into_any(),
        Cell::Amount(a) => decimal(py, a.value())?,
        Cell::Integer(i) => i.into_pyobject(py)?.into_any(),
        Cell::Decimal(d) => d.into_pyobject(py)?.into_any(),
        Cell::Date(When::Day(d)) => d.into_pyobject(py)?.into_any(),
        Cell::Date(m) => PyString::new(py, &m.to_string()).into_any(),
        other => PyString::new(py, &other.plain()).into_any(),
    })
}

/// A table's rows as dicts keyed by column id.
pub fn records<'py>(py: Python<'py>, t: &Table) -> PyResult<Bound<'py, PyList>> {
    let keys: Vec<_> = t.columns.iter().map(|c| PyString::new(py, &c.id)).collect();
    let out = PyList::empty(py);
    for r in &t.rows {
        let d = PyDict::new(py);
        for (k, c) in keys.iter().zip(r) {
            d.set_item(k, cell(py, c)?)?;
        }
        out.append(d)?;
    }
    Ok(out)
}

/// A frame's columns as a pandas DataFrame (pandas is optional).
pub fn pandas<'py>(py: Python<'py>, frame: Frame<'py>) -> PyResult<Bound<'py, PyAny>> {
    py.import("vardavtal._tables")?.call_method1(
        "to_pandas",
        (frame.data, frame.columns, frame.nullable_ints),
    )
}

/// Records that are not a core table (the structured parts of a result) as a
/// `vardavtal.Records`: a list of dicts that knows its columns.
pub fn record_list<'py>(
    py: Python<'py>,
    columns: &[&str],
    records: Bound<'py, PyList>,
) -> PyResult<Bound<'py, PyAny>> {
    py.import("vardavtal._tables")?
        .getattr("Records")?
        .call1((columns.to_vec(), records))
}

/// `(f, (arg,))` for `__reduce__`.
pub fn reduce<'py>(
    f: Bound<'py, PyAny>,
    args: impl IntoPyObject<'py, Target = PyTuple>,
) -> PyResult<Bound<'py, PyTuple>> {
    let py = f.py();
    let args = pyo3::BoundObject::into_bound(args.into_pyobject(py).map_err(Into::into)?);
    PyTuple::new(py, [f, args.into_any()])
}

/// The methods every class shares, then the class's own (one `#[pymethods]` block).
/// `view` names the core value shown; `len` its length; `json` the core type read back
/// by `from_json` (and pickling).
macro_rules! skin {
    (
        $ty:ident |$s:ident|
        $(view $view:expr;)?
        $(len $len:expr;)?
        $(json $core:ty;)?
        $(get { $($(#[$m:meta])* $g:ident -> $gt:ty = $ge:expr;)* })?
        { $($methods:tt)* }
    ) => {
        #[::pyo3::pymethods]
        impl $ty {
            $(
            /// The text people read: what the CLI prints with `--format table`.
            fn __str__(&self) -> String {
                let $s = self;
                ::vardavtal::view::View::text(&$view)
            }
            /// The text people read: the same as ``str()``, byte for byte what the CLI prints with
            /// ``--format table`` for the same call (``print(alloc.to_text())``).
            ///
            /// Parameters
            /// ----------
            /// lang : {"sv", "en"} or None
            ///     ``"sv"`` for Swedish, ``"en"`` for English; by default the language of
            ///     ``vardavtal.set_lang`` (English unless set).
            ///
            /// Returns
            /// -------
            /// str
            ///     The text, lines separated by ``"\n"``.
            ///
            /// Raises
            /// ------
            /// InputError
            ///     ``invalid_value`` for an unknown `lang`.
            #[pyo3(signature = (lang = None))]
            fn to_text(&self, lang: Option<&str>) -> ::pyo3::PyResult<String> {
                $crate::convert::in_lang(lang, || self.__str__())
            }
            fn __repr__(&self) -> String {
                let $s = self;
                ::vardavtal::view::View::preview(&$view)
            }
            fn _repr_html_(&self) -> String {
                let $s = self;
                ::vardavtal::view::View::table(&$view).to_html()
            }
            /// The table as CSV: byte for byte what the CLI prints with ``--format csv``
            /// (``Path("a.csv").write_text(alloc.to_csv())``).
            ///
            /// Parameters
            /// ----------
            /// swedish : bool
            ///     ``False`` (the default): the machine CSV, commas, a header of column ids, amounts as
            ///     plain decimals (``1382000000``). ``True``: the CSV for Swedish Excel (``--format
            ///     csv-sv``), semicolons, decimal comma, a byte-order mark, codes kept as text.
            /// lang : {"sv", "en"} or None
            ///     ``"sv"`` for Swedish, ``"en"`` for English; by default the language of
            ///     ``vardavtal.set_lang`` (English unless set).
            ///
            /// Returns
            /// -------
            /// str
            ///     The CSV text.
            ///
            /// Raises
            /// ------
            /// InputError
            ///     ``invalid_value`` for an unknown `lang`.
            #[pyo3(signature = (swedish = false, lang = None))]
            fn to_csv(&self, swedish: bool, lang: Option<&str>) -> ::pyo3::PyResult<String> {
                let $s = self;
                $crate::convert::in_lang(lang, || if swedish { ::vardavtal::view::View::csv_sv(&$view) } else { ::vardavtal::view::View::csv(&$view) })
            }
            /// The result as an Excel workbook (``--format xlsx`` in the CLI): one sheet per table (for
            /// an allocation: the pivot, every amount, the pots and the notes), amounts as numbers in
            /// kronor, codes as text, dates as dates.
            ///
            /// Parameters
            /// ----------
            /// path : str, os.PathLike or None
            ///     Where to write the ``.xlsx`` file as well (``alloc.to_excel("fördelning.xlsx")``);
            ///     ``None`` only returns the bytes.
            /// lang : {"sv", "en"} or None
            ///     ``"sv"`` for Swedish, ``"en"`` for English; by default the language of
            ///     ``vardavtal.set_lang`` (English unless set).
            ///
            /// Returns
            /// -------
            /// bytes
            ///     The ``.xlsx`` file.
            ///
            /// Raises
            /// ------
            /// OSError
            ///     When `path` cannot be written.
            /// InputError
            ///     ``invalid_value`` for an unknown `lang`.
            #[pyo3(signature = (path = None, lang = None))]
            fn to_excel<'py>(&self, py: ::pyo3::Python<'py>, path: Option<std::path::PathBuf>, lang: Option<&str>) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::types::PyBytes>> {
                let $s = self;
                let sheets = $crate::convert::in_lang(lang, || ::vardavtal::view::View::sheets(&$view))?;
                let bytes = $crate::error::OrRaise::or_raise(::vardavtal::view::xlsx(&sheets), py)?;
                if let Some(p) = path {
                    std::fs::write(&p, &bytes).map_err(|e| ::pyo3::exceptions::PyOSError::new_err(format!("cannot write {}: {e}", p.display())))?;
                }
                Ok(::pyo3::types::PyBytes::new(py, &bytes))
            }
            /// The rows of the core's table as plain Python data, needing no other package.
            ///
            /// Returns
            /// -------
            /// list of dict
            ///     One dict per row, keyed by column id: amounts and decimals as ``decimal.Decimal``,
            ///     whole numbers as ``int``, days as ``datetime.date``, months as ``str``
            ///     (``"2022-06"``), empty cells as ``None`` (``alloc.to_records()[0]["amount"]`` is a
            ///     ``Decimal``). For an allocation, one record per amount (the long form, as in the CSV).
            fn to_records<'py>(&self, py: ::pyo3::Python<'py>) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::types::PyList>> {
                let $s = self;
                Ok($crate::objects::Shape::py_records(&$view, py)?.0)
            }
            /// The records as a pandas DataFrame (pandas is optional).
            ///
            /// Returns
            /// -------
            /// pandas.DataFrame
            ///     The rows of ``to_records()``, columns in the table's order; amounts as
            ///     ``decimal.Decimal`` objects, whole numbers with gaps as pandas' ``Int64``.
            ///
            /// Raises
            /// ------
            /// ImportError
            ///     When pandas is not installed.
            fn to_pandas<'py>(&self, py: ::pyo3::Python<'py>) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
                let $s = self;
                $crate::objects::pandas(py, $crate::objects::Shape::py_frame(&$view, py)?)
            }
            /// The table as a pyarrow Table, exact (pyarrow is optional).
            ///
            /// Returns
            /// -------
            /// pyarrow.Table
            ///     The rows of ``to_records()``: amounts and decimals as ``decimal128`` (from their
            ///     integer mantissas, never floats), codes and names as strings, days as ``date32``.
            ///
            /// Raises
            /// ------
            /// ImportError
            ///     When pyarrow is not installed.
            fn to_arrow<'py>(&self, py: ::pyo3::Python<'py>) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
                let $s = self;
                $crate::objects::Shape::py_arrow(&$view, py)
            }
            /// The table as a polars DataFrame, from ``to_arrow()`` (exact decimals).
            ///
            /// Returns
            /// -------
            /// polars.DataFrame
            ///     The rows of ``to_records()``.
            ///
            /// Raises
            /// ------
            /// ImportError
            ///     When polars or pyarrow is not installed.
            fn to_polars<'py>(&self, py: ::pyo3::Python<'py>) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
                let pl = py.import("polars").map_err(|e| $crate::objects::needs(py, "to_polars()", "polars", e))?;
                pl.call_method1("from_arrow", (self.to_arrow(py)?,))
            }
            )?
            $(
            fn __len__(&self) -> usize {
                let $s = self;
                $len
            }
            )?
            fn __eq__(&self, other: &::pyo3::Bound<'_, ::pyo3::PyAny>) -> bool {
                other.cast::<Self>().is_ok_and(|o| o.get().0 == self.0)
            }
            $(
            /// The value as JSON: the core's serde form (amounts as strings), read back by
            /// ``from_json``.
            ///
            /// Returns
            /// -------
            /// str
            ///     The JSON text.
            fn to_json(&self) -> String {
                serde_json::to_string(&self.0).unwrap_or_default()
            }
            /// The value from its JSON form (``to_json()``).
            ///
            /// Parameters
            /// ----------
            /// text : str
            ///     JSON text as ``to_json()`` writes it.
            ///
            /// Returns
            /// -------
            /// object
            ///     The value, an instance of the class this is called on.
            ///
            /// Raises
            /// ------
            /// InputError
            ///     ``syntax``, ``invalid_value``, … when the text is not that form.
            #[staticmethod]
            fn from_json(py: ::pyo3::Python<'_>, text: &str) -> ::pyo3::PyResult<Self> {
                $crate::error::OrRaise::or_raise(::vardavtal::json::from_str::<$core>(text).map(<Self as From<$core>>::from), py)
            }
            fn __reduce__<'py>(&self, py: ::pyo3::Python<'py>) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::types::PyTuple>> {
                $crate::objects::reduce(::pyo3::types::PyAnyMethods::getattr(py.get_type::<Self>().as_any(), "from_json")?, (self.to_json(),))
            }
            )?
            $($(
            $(#[$m])*
            #[getter]
            fn $g(&self) -> $gt {
                let $s = self;
                $ge
            }
            )*)?
            $($methods)*
        }
    };
}
pub(crate) use skin;

/// `From` the core value, for the classes that read it back from JSON.
macro_rules! wraps {
    ($($py:ident($core:ty)),* $(,)?) => {
        $(impl From<$core> for $py {
            fn from(v: $core) -> Self {
                $py(v)
            }
        })*
    };
}
wraps!(
    PyTable(Table),
    PyFindings(Vec<Finding>),
    PyKey(Key),
    PyComparison(Comparison),
    PyRow(Row),
    PyAgreement(Agreement),
    PyScenario(Scenario),
);

/// An amount as a `decimal.Decimal`: from an `int` when it is whole (several times faster
/// than from its text), else from its text.
pub fn decimal<'py>(py: Python<'py>, d: Decimal) -> PyResult<Bound<'py, PyAny>> {
    match (d.scale(), i64::try_from(d.mantissa())) {
        (0, Ok(i)) => crate::convert::DECIMAL
            .import(py, "decimal", "Decimal")?
            .call1((i,)),
        _ => d.into_pyobject(py).map(Bound::into_any),
    }
}

// ------------------------------------------------------------------ Table

/// A table from the core: reference data (`regions()`, `population()`), the pivot of an
/// allocation. Iterating gives one dict per row (as `to_records()`); `columns` are the ids.
#[pyclass(name = "Table", module = "vardavtal", frozen, sequence)]
pub struct PyTable(pub Table);

skin! {
    PyTable |s|
    view s.0;
    len s.0.rows.len();
    json Table;
    get {
        /// What the table shows.
        title -> &str = &s.0.title;
        /// The column ids (the keys of the records).
        columns -> Vec<String> = s.0.columns.iter().map(|c| c.id.clone()).collect();
    }
    {
        fn __getitem__<'py>(&self, py: Python<'py>, index: isize) -> PyResult<Bound<'py, PyAny>> {
            records(py, &self.0)?.as_any().get_item(index)
        }
        fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            Ok(records(py, &self.0)?.try_iter()?.into_any())
        }
    }
}

// ------------------------------------------------------------------ Findings

/// Validation findings, allocation notes or the findings of an error.
///
/// A sequence of dicts ``{"code", "severity", "loc", "msg", "ctx"}``: a stable snake_case
/// ``code``, a ``severity`` (``"error"``, ``"warning"``, ``"info"``), a ``loc`` path of str
/// and int, the ``msg`` in the current language and the values behind it in ``ctx``. Made by
/// ``vardavtal.validate``, ``Allocation.notes`` and ``Reconciliation.findings``.
///
/// Examples
/// --------
/// >>> findings = vardavtal.validate("okad-tillganglighet-2022")
/// >>> sorted(findings[0])
/// ['code', 'ctx', 'loc', 'msg', 'severity']
/// >>> findings.raise_for_errors()  # nothing: no finding is an error
#[pyclass(name = "Findings", module = "vardavtal", frozen, sequence)]
pub struct PyFindings(pub Vec<Finding>);

skin! {
    PyFindings |s|
    view s.0;
    len s.0.len();
    json Vec<Finding>;
    get {
        /// True when a finding has severity error.
        has_errors -> bool = s.0.iter().any(|f| f.severity == Severity::Error);
    }
    {
        /// Every finding as a dict, like ``VardavtalError.errors()``.
        ///
        /// Returns
        /// -------
        /// list of dict
        ///     ``code``, ``severity``, ``loc``, ``msg``, ``ctx``; the messages in the language of
        ///     ``vardavtal.set_lang``.
        fn errors<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
            PyList::new(py, self.0.iter().map(|f| finding_dict(py, f)).collect::<PyResult<Vec<_>>>()?)
        }
        /// Raise the findings of severity error as an exception; do nothing when there are none.
        ///
        /// Returns
        /// -------
        /// None
        ///
        /// Raises
        /// ------
        /// ValidationError
        ///     For validation findings of severity error (other findings raise the class of their
        ///     code: ``InputError``, ``AllocationError``), carrying every error in ``.errors()``.
        fn raise_for_errors(&self, py: Python<'_>) -> PyResult<()> {
            let errors: Vec<Finding> =
                self.0.iter().filter(|f| f.severity == Severity::Error).cloned().collect();
            if errors.is_empty() { Ok(()) } else { Err(py_err(py, &Error::from_findings(errors))) }
        }
        fn __getitem__<'py>(&self, py: Python<'py>, index: isize) -> PyResult<Bound<'py, PyAny>> {
            self.errors(py)?.as_any().get_item(index)
        }
        fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            Ok(self.errors(py)?.try_iter()?.into_any())
        }
    }
}

// ------------------------------------------------------------------ Key

/// A resolved distribution key: recipients in code order with exact weights.
///
/// Parameters
/// ----------
/// spec : Key, str, os.PathLike or dict
///     What ``key=`` takes everywhere: ``"population:regions:2021-11-01"``,
///     ``"population:municipalities:DATE"``, ``"needs:regions:2024"``, CSV text or a CSV
///     path (columns ``code,weight``), or ``{code: weight}``.
///
/// Raises
/// ------
/// InputError
///     A spec, CSV or weight that cannot be read (``invalid_value``, ``syntax``,
///     ``negative_weight``, ``io``).
/// AllocationError
///     ``no_population_data``, ``unknown_recipient``, ``duplicate_recipient``.
///
/// Examples
/// --------
/// >>> k = vardavtal.Key({"03": 1, "01": 2})
/// >>> k.recipients, k.weights, k.total
/// (['01', '03'], [Decimal('2'), Decimal('1')], Decimal('3'))
/// >>> k.description
/// 'supplied weights (2 recipients)'
#[pyclass(name = "Key", module = "vardavtal", frozen)]
#[derive(Clone)]
pub struct PyKey(pub Key);

skin! {
    PyKey |s|
    view s.0;
    len s.0.len();
    json Key;
    get {
        /// What the key is (`"population:regions:2021-11-01"`).
        description -> &str = s.0.description();
        /// Source ids of the key's figures.
        sources -> Vec<String> = s.0.sources().to_vec();
        /// Recipient codes, in code order.
        recipients -> Vec<String> = s.0.recipients().iter().map(|r| r.to_string()).collect();
        /// Weights, in the order of `recipients`.
        weights -> Vec<Decimal> = s.0.weights().to_vec();
        /// The sum of the weights.
        total -> Decimal = s.0.total();
    }
    {
        #[new]
        fn new(py: Python<'_>, spec: &Bound<'_, PyAny>) -> PyResult<Self> {
            convert::key(py, spec, &Loc::root().join("key")).map(PyKey)
        }
    }
}

// ------------------------------------------------------------------ Scenario

/// One what-if of a batch: another key, other outcomes, or both.
#[pyclass(name = "Scenario", module = "vardavtal", frozen)]
#[derive(Clone)]
pub struct PyScenario(pub Scenario);

skin! {
    PyScenario |s|
    json Scenario;
    get {
        /// The scenario's key, if any.
        key -> Option<PyKey> = s.0.key.clone().map(PyKey);
    }
    {
        #[new]
        #[pyo3(signature = (key = None, outcomes = None))]
        fn new(py: Python<'_>, key: Option<&Bound<'_, PyAny>>, outcomes: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
            Ok(PyScenario(Scenario::new(
                convert::opt_key(py, key, &Loc::root().join("key"))?,
                convert::outcomes(py, outcomes, &Loc::root().join("outcomes"))?,
            )))
        }
        /// The scenario's outcomes as a dict, if any.
        #[getter]
        fn outcomes<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
            self.0.outcomes.as_ref().map(|o| json_loads(py, o)).transpose()
        }
        fn __repr__(&self) -> String {
            self.0.to_string()
        }
    }
}

/// A serde value as plain Python data (`json.loads` of its JSON form: amounts as str).
pub fn json_loads<'py>(py: Python<'py>, v: &impl serde::Serialize) -> PyResult<Bound<'py, PyAny>> {
    let text = serde_json::to_string(v).unwrap_or_default();
    py.import("json")?.call_method1("loads", (text,))
}

// ------------------------------------------------------------------ Row

/// One amount to one recipient, with the figures behind it.
#[pyclass(name = "Row", module = "vardavtal", frozen)]
pub struct PyRow(pub Row);

fn opt_date(w: Option<When>) -> Option<chrono::NaiveDate> {
    w.map(When::first_day)
}

skin! {
    PyRow |s|
    json Row;
    get {
        /// The agreement id (`"split"` for a plain split).
        agreement -> &str = &s.0.agreement;
        /// The component id.
        component -> &str = &s.0.component;
        /// The tranche id, when paid in tranches.
        tranche -> Option<&str> = s.0.tranche.as_deref();
        /// The payment date (the first day it can fall on), when known.
        date -> Option<chrono::NaiveDate> = opt_date(s.0.date);
        /// The payment date as the source gives it: a day `"2022-06-15"` or a month `"2022-06"`.
        when -> Option<String> = s.0.date.map(|d| d.to_string());
        /// The recipient code.
        recipient -> &str = s.0.recipient.as_str();
        /// The recipient's name.
        name -> &str = &s.0.name;
        /// What the money is (`"share"`, `"fixed"`, `"each"`, `"equal"`, `"earned"`, `"bonus"`, `"returned"`).
        part -> &str = s.0.part.as_str();
        /// The performance criterion, for earned money.
        criterion -> Option<&str> = s.0.criterion.as_deref();
    }
    {
        /// The amount.
        #[getter]
        fn amount<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            decimal(py, self.0.amount.value())
        }
        /// The figures behind the amount: pot, key, weight, total_weight, quota, floor,
        /// left_over, remainder_rank, recipients, note, and tranche (for a row of one
        /// tranche: of, pot, component, quota, floor; else None).
        #[getter]
        fn basis<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
            let b = &self.0.basis;
            let d = PyDict::new(py);
            d.set_item("pot", b.pot.value())?;
            d.set_item("key", &b.key)?;
            d.set_item("weight", b.weight)?;
            d.set_item("total_weight", b.total_weight)?;
            d.set_item("quota", b.quota)?;
            d.set_item("floor", b.floor.value())?;
            d.set_item("left_over", b.left_over.value())?;
            d.set_item("remainder_rank", b.remainder_rank)?;
            d.set_item("recipients", b.recipients)?;
            d.set_item("note", &b.note)?;
            let tranche = match &b.tranche {
                Some(t) => {
                    let td = PyDict::new(py);
                    td.set_item("of", t.of.value())?;
                    td.set_item("pot", t.pot.value())?;
                    td.set_item("component", t.component.value())?;
                    td.set_item("quota", t.quota)?;
                    td.set_item("floor", t.floor.value())?;
                    Some(td)
                }
                None => None,
            };
            d.set_item("tranche", tranche)?;
            Ok(d)
        }
        /// The sentence behind the amount: the key's figures, the exact quota and the rounding.
        ///
        /// Parameters
        /// ----------
        /// lang : {"sv", "en"} or None
        ///     ``"sv"`` for Swedish, ``"en"`` for English; by default the language of
        ///     ``vardavtal.set_lang`` (English unless set).
        ///
        /// Returns
        /// -------
        /// str
        ///     One sentence a person can read.
        ///
        /// Raises
        /// ------
        /// InputError
        ///     ``invalid_value`` for an unknown `lang`.
        #[pyo3(signature = (lang = None))]
        fn explain(&self, lang: Option<&str>) -> PyResult<String> {
            crate::convert::in_lang(lang, || self.0.explain_in(vardavtal::message::Lang::current()))
        }
        /// The row as one flat dict: the fields and the basis.
        fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
            let d = self.basis(py)?;
            d.set_item("code", self.recipient())?;
            d.set_item("name", self.name())?;
            d.set_item("amount", self.amount(py)?)?;
            d.set_item("agreement", self.agreement())?;
            d.set_item("component", self.component())?;
            d.set_item("tranche", self.tranche())?;
            d.set_item("date", self.date())?;
            d.set_item("when", self.when())?;
            d.set_item("part", self.part())?;
            d.set_item("criterion", self.criterion())?;
            Ok(d)
        }
        fn __repr__(&self) -> String {
            format!("Row({})", self.0)
        }
    }
}

// ------------------------------------------------------------------ Allocation

/// The result of a split or an allocation: every amount, the pots, and notes.
///
/// ``str()`` is the recipients × pots table the CLI prints; ``to_records()``, ``to_csv()``
/// and ``to_pandas()`` have one row per amount; ``len()`` is the number of amounts. Made by
/// ``split``, ``split_batch``, ``allocate`` and ``allocate_batch``, or read back with
/// ``Allocation.from_json``.
///
/// Examples
/// --------
/// >>> alloc = vardavtal.split(1000, key={"01": 2, "03": 1})
/// >>> len(alloc), alloc.total
/// (2, Decimal('1000'))
/// >>> alloc.by_recipient()[0]["amount"]
/// Decimal('667')
#[pyclass(name = "Allocation", module = "vardavtal", frozen)]
pub struct PyAllocation(pub Allocation, Cache);

/// What an allocation's Python objects are made once for: its rows and its amounts.
pub struct Cache {
    rows: PyOnceLock<Py<PyTuple>>,
    amounts: PyOnceLock<Py<PyTuple>>,
}

impl From<Allocation> for PyAllocation {
    fn from(a: Allocation) -> Self {
        let cache = Cache {
            rows: PyOnceLock::new(),
            amounts: PyOnceLock::new(),
        };
        PyAllocation(a, cache)
    }
}

skin! {
    PyAllocation |s|
    view s.0;
    len s.0.len();
    json Allocation;
    get {
        /// The rounding unit (`"krona"` or `"ore"`).
        unit -> &str = s.0.unit.as_str();
        /// The sum of every row.
        total -> Decimal = s.0.total().value();
        /// The sum of the pots.
        pot_total -> Decimal = s.0.pot_total().value();
        /// What the allocation does not cover, and why: money not allocated
        /// (`not_allocated`), keys chosen by default (`default_key`), outcomes that nothing
        /// reads (`unknown_outcome`, warnings).
        notes -> PyFindings = PyFindings(s.0.notes.clone());
    }
    {
        /// Every amount, as ``Row`` objects.
        ///
        /// Returns
        /// -------
        /// tuple of Row
        ///     In row order (by pot, then recipient code); made once per allocation.
        #[getter]
        fn rows<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
            let make = || PyTuple::new(py, self.0.rows().iter().cloned().map(PyRow)).map(Bound::unbind);
            Ok(self.1.rows.get_or_try_init(py, make)?.bind(py).clone())
        }
        /// Every amount as a ``Decimal``, without making the rows (fast for large splits).
        ///
        /// Returns
        /// -------
        /// tuple of Decimal
        ///     In the order of ``rows``; made once per allocation.
        #[getter]
        fn amounts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
            let make = || {
                let list: Vec<_> = self.0.amounts().into_iter().map(|a| decimal(py, a.value())).collect::<PyResult<_>>()?;
                PyTuple::new(py, list).map(Bound::unbind)
            };
            Ok(self.1.amounts.get_or_try_init(py, make)?.bind(py).clone())
        }
        /// The apportionment method (`"largest_remainder"`).
        #[getter]
        fn method<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            json_loads(py, &self.0.method)
        }
        /// The pots handed out: `agreement`, `component`, `tranche`, `date`, `amount`,
        /// `rule`, `key`, `key_sources`.
        #[getter]
        fn pots(&self) -> PyTable {
            PyTable(self.0.pots_table())
        }
        /// Totals by recipient (`code`, `name`, `amount`), in code order.
        fn by_recipient(&self) -> PyTable {
            PyTable(view::totals("Totals by recipient", "code", &self.0.by_recipient()))
        }
        /// Totals by component (`component` is `agreement/component`, `name`, `amount`).
        fn by_component(&self) -> PyTable {
            PyTable(view::totals("Totals by component", "component", &self.0.by_component()))
        }
        /// Totals by payment date (`when` is `"unscheduled"` where unknown, `name`, `amount`).
        fn by_date(&self) -> PyTable {
            PyTable(view::totals("Totals by payment date", "when", &self.0.by_date()))
        }
        /// The recipients × pots table that ``str()`` shows.
        ///
        /// Returns
        /// -------
        /// Table
        ///     ``code``, ``name``, one column per pot (named by its header) and ``total`` when there
        ///     is more than one pot.
        fn pivot(&self) -> PyTable {
            PyTable(self.0.pivot().table())
        }
        /// The explanation of every amount, or of one recipient's.
        ///
        /// Parameters
        /// ----------
        /// recipient : str or None
        ///     A recipient code (``"03"``): only its amounts. ``None`` explains every amount.
        /// lang : {"sv", "en"} or None
        ///     ``"sv"`` for Swedish, ``"en"`` for English; by default the language of
        ///     ``vardavtal.set_lang`` (English unless set).
        ///
        /// Returns
        /// -------
        /// list of str
        ///     One sentence per amount, in row order.
        ///
        /// Raises
        /// ------
        /// InputError
        ///     ``invalid_value`` for an unknown `lang`.
        #[pyo3(signature = (recipient = None, lang = None))]
        fn explain(&self, recipient: Option<&str>, lang: Option<&str>) -> PyResult<Vec<String>> {
            crate::convert::in_lang(lang, || self.0.explanations(recipient))
        }
    }
}

// ------------------------------------------------------------------ Comparison

/// The per-recipient difference between two allocations (``b − a``), made by
/// ``vardavtal.compare(a, b)``.
///
/// ``str()`` is the table the CLI prints; ``to_records()`` has ``code``, ``name``, ``a``,
/// ``b``, ``diff``; ``total_diff`` is ``b.total − a.total``.
#[pyclass(name = "Comparison", module = "vardavtal", frozen)]
pub struct PyComparison(pub Comparison);

skin! {
    PyComparison |s|
    view s.0;
    len s.0.rows.len();
    json Comparison;
    get {
        /// The sum of the differences (`total(b) − total(a)`).
        total_diff -> Decimal = s.0.total_diff().value();
    }
    {
    }
}

// ------------------------------------------------------------------ Agreement

/// An agreement (överenskommelse): its components, amounts, rules, recipients and sources.
///
/// Parameters
/// ----------
/// data : dict, str or os.PathLike
///     A dict in the agreement file format, JSON text, a catalog id
///     (``"okad-tillganglighet-2022"``) or the path of an agreement file.
///
/// Raises
/// ------
/// InputError
///     ``syntax``, ``unknown_field``, ``invalid_value``, ``invalid_amount``,
///     ``unknown_agreement``, ``io``, located in the data (``["components", 0, "amount"]``).
///
/// Examples
/// --------
/// >>> a = vardavtal.Agreement("okad-tillganglighet-2022")
/// >>> a.title
/// 'Ökad tillgänglighet i hälso- och sjukvården 2022'
/// >>> a.years, a.amount
/// ([2022], Decimal('2967000000'))
#[pyclass(name = "Agreement", module = "vardavtal", frozen)]
#[derive(Clone)]
pub struct PyAgreement(pub Agreement);

skin! {
    PyAgreement |s|
    view s.0;
    json Agreement;
    get {
        /// Stable id.
        id -> &str = &s.0.id;
        /// Swedish title as published.
        title -> &str = &s.0.title;
        /// English title.
        title_en -> Option<&str> = s.0.title_en.as_deref();
        /// `"base"`, `"supplementary"`, `"sector_grant"`, `"reimbursement"` or `"budget_proposal"`.
        kind -> &str = s.0.kind.as_str();
        /// The years covered.
        years -> Vec<i32> = s.0.years.clone();
        /// The total as published, where published.
        amount -> Option<Decimal> = s.0.amount.as_ref().map(|f| f.value.value());
        /// The decision dates, as the sources state them.
        decided -> Vec<chrono::NaiveDate> = s.0.decided.iter().map(|d| d.date.first_day()).collect();
        /// Remarks.
        notes -> Vec<String> = s.0.notes.clone();
    }
    {
        #[new]
        fn new(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Self> {
            convert::agreement(py, data, &Loc::root()).map(PyAgreement)
        }
        /// Read an agreement file (JSON in the agreement file format).
        ///
        /// Parameters
        /// ----------
        /// path : str or os.PathLike
        ///     The file.
        ///
        /// Returns
        /// -------
        /// Agreement
        ///
        /// Raises
        /// ------
        /// InputError
        ///     ``io`` when the file cannot be read; ``syntax``, ``unknown_field``, … when its
        ///     content is not an agreement.
        #[staticmethod]
        fn from_file(py: Python<'_>, path: std::path::PathBuf) -> PyResult<Self> {
            vardavtal::input::agreement_file(&path)
                .map(PyAgreement)
                .or_raise(py)
        }
        /// An agreement from a dict in the agreement file format.
        ///
        /// Parameters
        /// ----------
        /// data : dict
        ///     The agreement; amounts as ``str`` or ``Decimal``, never ``float``.
        ///
        /// Returns
        /// -------
        /// Agreement
        ///
        /// Raises
        /// ------
        /// InputError
        ///     ``unknown_field``, ``invalid_value``, ``invalid_amount``, …, located in the dict.
        #[staticmethod]
        fn from_dict(py: Python<'_>, data: &Bound<'_, PyDict>) -> PyResult<Self> {
            convert::agreement(py, data.as_any(), &Loc::root()).map(PyAgreement)
        }
        /// The agreement as plain Python data.
        ///
        /// Returns
        /// -------
        /// dict
        ///     The agreement file format, amounts as ``str``; ``Agreement.from_dict`` reads it back.
        fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            json_loads(py, &self.0)
        }
        /// The id of the base agreement of a supplementary agreement.
        #[getter]
        fn base(&self) -> Option<&str> {
            match &self.0.kind {
                vardavtal::AgreementKind::Supplementary { base } => Some(base),
                _ => None,
            }
        }
        /// `"signed"`, `"pending"` or `"proposed"`.
        #[getter]
        fn status(&self) -> &str {
            self.0.status.as_str()
        }
        /// The sources: dicts `{"source": id, "quote": phrase}`.
        #[getter]
        fn sources<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            json_loads(py, &self.0.sources)
        }
        /// Every component of the agreement's tree, depth first.
        ///
        /// Returns
        /// -------
        /// Table
        ///     ``loc``, ``id``, ``name``, ``kind``, ``amount``, ``recipients``, ``rule`` (the table
        ///     ``_repr_html_()`` shows).
        fn components(&self) -> PyTable {
            PyTable(self.0.table())
        }
    }
}

// ------------------------------------------------------------------ Catalog and sources

/// A source text of the catalog: a press release or web page, with its full text.
#[pyclass(name = "Source", module = "vardavtal", frozen)]
pub struct PySource(pub &'static Source);

skin! {
    PySource |s|
    view SourceView::Source(s.0);
    get {
        /// Id (`"003"`).
        id -> &str = &s.0.id;
        /// File name of the text.
        file -> &str = &s.0.file;
        /// Headline as published.
        title -> &str = &s.0.title;
        /// Publisher.
        publisher -> &str = &s.0.publisher;
        /// Publication date, where the text says.
        published -> Option<chrono::NaiveDate> = s.0.published;
        /// The full text.
        text -> &str = &s.0.text;
    }
    {
        fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
            reduce(py.import("vardavtal")?.getattr("source")?, (self.id(),))
        }
    }
}

/// The bundled catalog of real agreements, their sources and packages.
#[pyclass(name = "Catalog", module = "vardavtal", frozen)]
pub struct PyCatalog(pub &'static Catalog);

skin! {
    PyCatalog |s|
    view AgreementList(s.0.agreements.iter().collect());
    len s.0.agreements.len();
    get {
        /// Every agreement.
        agreements -> Vec<PyAgreement> = s.0.agreements.iter().cloned().map(PyAgreement).collect();
        /// Every source text.
        sources -> Vec<PySource> = s.0.sources.iter().map(PySource).collect();
    }
    {
        /// The press-release totals over several agreements, as dicts.
        #[getter]
        fn packages<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            json_loads(py, &self.0.packages)
        }
        /// The agreement with this id.
        ///
        /// Parameters
        /// ----------
        /// id : str
        ///     The agreement id (``"okad-tillganglighet-2022"``).
        ///
        /// Returns
        /// -------
        /// Agreement
        ///
        /// Raises
        /// ------
        /// InputError
        ///     ``unknown_agreement`` when there is none (``ctx["did_you_mean"]`` names the closest
        ///     id).
        fn agreement(&self, py: Python<'_>, id: &str) -> PyResult<PyAgreement> {
            self.0.find_agreement(id).cloned().map(PyAgreement).or_raise(py)
        }
        /// The source with this id (as ``vardavtal.source``).
        ///
        /// Parameters
        /// ----------
        /// id : str
        ///     The source id (``"003"``).
        ///
        /// Returns
        /// -------
        /// Source
        ///
        /// Raises
        /// ------
        /// InputError
        ///     ``unknown_source`` when there is none.
        fn source(&self, py: Python<'_>, id: &str) -> PyResult<PySource> {
            self.0.find_source(id).map(PySource).or_raise(py)
        }
        /// The agreements whose money may be used in a year (covering it, or carried over to it).
        ///
        /// Parameters
        /// ----------
        /// year : int
        ///     The year (``2022``).
        ///
        /// Returns
        /// -------
        /// list of Agreement
        fn for_year(&self, year: i32) -> Vec<PyAgreement> {
            self.0.for_year(year).into_iter().cloned().map(PyAgreement).collect()
        }
        /// What every recipient gets of every agreement of one year of this catalog (as
        /// ``vardavtal.year``).
        ///
        /// Parameters
        /// ----------
        /// year : int
        ///     The year (``2022``).
        /// level : {"regions", "municipalities"} or None
        ///     ``"regions"`` sums municipalities' money to their region; ``None`` (the
        ///     default) keeps every recipient as paid.
        ///
        /// Returns
        /// -------
        /// YearView
        ///     Recipients × agreements; ``str()`` is the text ``vardavtal year YEAR`` prints.
        ///
        /// Raises
        /// ------
        /// InputError
        ///     ``invalid_value`` (at ``["level"]``) for any other level.
        ///
        /// Examples
        /// --------
        /// >>> y = vardavtal.catalog().allocate(2022)
        /// >>> y == vardavtal.year(2022)
        /// True
        #[pyo3(signature = (year, level = None))]
        fn allocate(&self, py: Python<'_>, year: i32, level: Option<&str>) -> PyResult<crate::across::PyYearView> {
            crate::across::year_of(py, self.0, year, level)
        }
        fn __contains__(&self, id: &str) -> bool {
            self.0.agreement(id).is_some()
        }
        fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            Ok(self.agreements().into_pyobject(py)?.try_iter()?.into_any())
        }
        fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
            reduce(py.import("vardavtal")?.getattr("catalog")?, PyTuple::empty(py))
        }
    }
}
