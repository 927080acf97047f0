//! The Python classes: thin newtypes over core values (`Agreement`, `Allocation`, `Row`,
//! `Key`, `Scenario`, `Comparison`, `Findings`, `Catalog`, `Source`). Each converts its
//! fields to Python values (amounts as `decimal.Decimal`, dates as `datetime.date`), offers
//! `to_records()` (a list of dicts), and hands layout (`__repr__`, `_repr_html_`,
//! `to_pandas()`) to the small Python module `vardavtal._tables`. Objects pickle through the
//! serde JSON forms of the core.

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};
use rust_decimal::Decimal;
use vardavtal::agreement::When;
use vardavtal::catalog::{Catalog, Source};
use vardavtal::view::View;
use vardavtal::{
    Agreement, Allocation, Comparison, Difference, Error, Finding, Key, Loc, Outcomes, RecipientId,
    Row, Sek, Severity,
};

use crate::convert;
use crate::error::{OrRaise, finding_dict, py_err};

// ------------------------------------------------------------------ helpers

fn json_loads<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.call_method1("loads", (text,))
}

pub(crate) fn dec(s: Sek) -> Decimal {
    s.0
}

/// Records as a pandas DataFrame with these columns (pandas is optional).
pub(crate) fn to_pandas<'py>(
    py: Python<'py>,
    records: Bound<'py, PyList>,
    columns: &[&str],
) -> PyResult<Bound<'py, PyAny>> {
    py.import("vardavtal._tables")?
        .call_method1("to_pandas", (records, columns.to_vec()))
}

fn when_date(w: Option<When>) -> Option<NaiveDate> {
    w.map(When::first_day)
}

fn when_text(w: Option<When>) -> Option<String> {
    w.map(|d| d.to_string())
}

fn reduce_with<'py>(
    py: Python<'py>,
    module: &str,
    attr: &str,
    args: Bound<'py, PyTuple>,
) -> PyResult<Bound<'py, PyTuple>> {
    let f = py.import(module)?.getattr(attr)?;
    PyTuple::new(py, [f, args.into_any()])
}

// ------------------------------------------------------------------ Findings

/// Validation findings, allocation notes or the findings of an error: a sequence of dicts
/// `{"code", "severity", "loc", "msg", "ctx"}`.
#[pyclass(name = "Findings", module = "vardavtal._vardavtal", frozen, sequence)]
pub struct PyFindings(pub Vec<Finding>);

crate::view::core_view!(PyFindings);

const FINDING_COLUMNS: &[&str] = &["code", "severity", "at", "msg", "loc", "ctx"];

#[pymethods]
impl PyFindings {
    /// Every finding as a dict (`code`, `severity`, `loc`, `msg`, `ctx`), like `VardavtalError.errors()`.
    fn errors<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let l = PyList::empty(py);
        for f in &self.0 {
            l.append(finding_dict(py, f)?)?;
        }
        Ok(l)
    }

    /// One dict per finding, with `at`, the location as text (`components[1].amount`).
    fn to_records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let l = PyList::empty(py);
        for f in &self.0 {
            let d = finding_dict(py, f)?;
            d.set_item("at", f.loc.to_string())?;
            l.append(d)?;
        }
        Ok(l)
    }

    /// The findings as a pandas DataFrame (needs pandas).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_pandas(py, self.to_records(py)?, FINDING_COLUMNS)
    }

    /// True when a finding has severity error.
    #[getter]
    fn has_errors(&self) -> bool {
        self.0.iter().any(|f| f.severity == Severity::Error)
    }

    /// Raise the findings of severity error as an exception (`ValidationError` for
    /// validation findings); do nothing when there are none.
    fn raise_for_errors(&self, py: Python<'_>) -> PyResult<()> {
        let errors: Vec<Finding> = self
            .0
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .cloned()
            .collect();
        if errors.is_empty() {
            Ok(())
        } else {
            Err(py_err(py, &Error::from_findings(errors)))
        }
    }

    /// The findings as JSON (a list of objects).
    fn to_json(&self) -> String {
        serde_json::to_string(&self.0).unwrap_or_default()
    }

    /// Findings from their JSON form.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &str) -> PyResult<Self> {
        vardavtal::json::from_str::<Vec<Finding>>(text)
            .map(PyFindings)
            .or_raise(py)
    }

    fn __len__(&self) -> usize {
        self.0.len()
    }

    fn __getitem__<'py>(&self, py: Python<'py>, index: isize) -> PyResult<Bound<'py, PyDict>> {
        let n = self.0.len() as isize;
        let i = if index < 0 { index + n } else { index };
        match usize::try_from(i).ok().and_then(|i| self.0.get(i)) {
            Some(f) => finding_dict(py, f),
            None => Err(pyo3::exceptions::PyIndexError::new_err(
                "finding index out of range",
            )),
        }
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(self.errors(py)?.try_iter()?.into_any())
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyFindings>()
            .is_ok_and(|o| o.get().0 == self.0)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let f = py.get_type::<PyFindings>().getattr("from_json")?;
        PyTuple::new(py, [f, PyTuple::new(py, [self.to_json()])?.into_any()])
    }
}

// ------------------------------------------------------------------ Key

/// A resolved distribution key: recipients in code order with exact weights.
///
/// `Key(spec)` takes what `key=` takes everywhere: `"population:regions:2021-11-01"`,
/// `"population:municipalities:DATE"`, `"needs:regions:2024"`, a CSV path, or `{code: weight}`.
#[pyclass(name = "Key", module = "vardavtal._vardavtal", frozen)]
#[derive(Clone)]
pub struct PyKey(pub Key);

crate::view::core_view!(PyKey);

const KEY_COLUMNS: &[&str] = &["code", "name", "weight"];

#[pymethods]
impl PyKey {
    #[new]
    fn new(py: Python<'_>, spec: &Bound<'_, PyAny>) -> PyResult<Self> {
        convert::key(py, spec, &Loc::root().join("key")).map(PyKey)
    }

    /// What the key is (`"population:regions:2021-11-01"`).
    #[getter]
    fn description(&self) -> &str {
        self.0.description()
    }
    /// Source ids of the key's figures.
    #[getter]
    fn sources(&self) -> Vec<String> {
        self.0.sources().to_vec()
    }
    /// Recipient codes, in code order.
    #[getter]
    fn recipients(&self) -> Vec<String> {
        self.0.recipients().iter().map(|r| r.to_string()).collect()
    }
    /// Weights, in the order of `recipients`.
    #[getter]
    fn weights(&self) -> Vec<Decimal> {
        self.0.weights().to_vec()
    }
    /// The sum of the weights.
    #[getter]
    fn total(&self) -> Decimal {
        self.0.total()
    }

    /// One dict per recipient: `code`, `name`, `weight`.
    fn to_records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let l = PyList::empty(py);
        for (r, w) in self.0.iter() {
            let d = PyDict::new(py);
            d.set_item("code", r.as_str())?;
            d.set_item("name", r.name().unwrap_or(r.as_str()))?;
            d.set_item("weight", w)?;
            l.append(d)?;
        }
        Ok(l)
    }

    /// The key as a pandas DataFrame (needs pandas).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_pandas(py, self.to_records(py)?, KEY_COLUMNS)
    }

    fn __len__(&self) -> usize {
        self.0.len()
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyKey>().is_ok_and(|o| o.get().0 == self.0)
    }

    /// A key from its parts (used by pickle). The recipients need not be known codes.
    #[staticmethod]
    fn _from_state(
        py: Python<'_>,
        description: String,
        sources: Vec<String>,
        codes: Vec<String>,
        weights: Vec<String>,
    ) -> PyResult<Self> {
        let ids: Vec<RecipientId> = codes.into_iter().map(RecipientId::new).collect();
        let mut entries = Vec::with_capacity(ids.len());
        for (id, w) in ids.iter().zip(&weights) {
            entries.push((
                id.clone(),
                vardavtal::money::parse_plain_decimal(w).or_raise(py)?,
            ));
        }
        Key::new(description, sources, entries, &ids)
            .map(PyKey)
            .or_raise(py)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let f = py.get_type::<PyKey>().getattr("_from_state")?;
        let args = (
            self.0.description(),
            self.sources(),
            self.recipients(),
            self.0
                .weights()
                .iter()
                .map(|w| w.to_string())
                .collect::<Vec<_>>(),
        )
            .into_pyobject(py)?;
        PyTuple::new(py, [f, args.into_any()])
    }
}

// ------------------------------------------------------------------ Scenario

/// One what-if of a batch: another key, other outcomes, or both.
#[pyclass(name = "Scenario", module = "vardavtal._vardavtal", frozen)]
#[derive(Clone)]
pub struct PyScenario {
    /// The key for key-based rules at the same level.
    pub key: Option<Key>,
    /// The outcomes (replacing the base outcomes of the batch).
    pub outcomes: Option<Outcomes>,
}

#[pymethods]
impl PyScenario {
    #[new]
    #[pyo3(signature = (key = None, outcomes = None))]
    fn new(
        py: Python<'_>,
        key: Option<&Bound<'_, PyAny>>,
        outcomes: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        Ok(PyScenario {
            key: convert::opt_key(py, key, &Loc::root().join("key"))?,
            outcomes: convert::outcomes(py, outcomes, &Loc::root().join("outcomes"))?,
        })
    }
    /// The scenario's key, if any.
    #[getter]
    fn key(&self) -> Option<PyKey> {
        self.key.clone().map(PyKey)
    }
    /// The scenario's outcomes as a dict, if any.
    #[getter]
    fn outcomes<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        match &self.outcomes {
            Some(o) => Ok(Some(json_loads(
                py,
                &serde_json::to_string(o).unwrap_or_default(),
            )?)),
            None => Ok(None),
        }
    }
    fn __repr__(&self) -> String {
        format!(
            "Scenario(key={}, outcomes={})",
            self.key
                .as_ref()
                .map_or("None".to_owned(), |k| format!("{:?}", k.description())),
            self.outcomes
                .as_ref()
                .map_or("None".to_owned(), |o| format!("<{} criteria>", o.0.len()))
        )
    }
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let cls = py.get_type::<PyScenario>().into_any();
        let key = self.key().into_pyobject(py)?.into_any();
        let outcomes = self
            .outcomes
            .as_ref()
            .map(|o| serde_json::to_string(o).unwrap_or_default())
            .into_pyobject(py)?
            .into_any();
        PyTuple::new(py, [cls, PyTuple::new(py, [key, outcomes])?.into_any()])
    }
}

// ------------------------------------------------------------------ Row

/// One amount to one recipient, with the figures behind it.
#[pyclass(name = "Row", module = "vardavtal._vardavtal", frozen)]
pub struct PyRow(pub Row);

const ROW_COLUMNS: &[&str] = &[
    "code",
    "name",
    "amount",
    "agreement",
    "component",
    "tranche",
    "date",
    "when",
    "part",
    "criterion",
    "pot",
    "key",
    "weight",
    "total_weight",
    "quota",
    "floor",
    "left_over",
    "remainder_rank",
    "recipients",
    "note",
];

fn row_record<'py>(py: Python<'py>, r: &Row) -> PyResult<Bound<'py, PyDict>> {
    let b = &r.basis;
    let d = PyDict::new(py);
    d.set_item("code", r.recipient.as_str())?;
    d.set_item("name", &r.name)?;
    d.set_item("amount", dec(r.amount))?;
    d.set_item("agreement", &r.agreement)?;
    d.set_item("component", &r.component)?;
    d.set_item("tranche", &r.tranche)?;
    d.set_item("date", when_date(r.date))?;
    d.set_item("when", when_text(r.date))?;
    d.set_item("part", r.part.as_str())?;
    d.set_item("criterion", &r.criterion)?;
    d.set_item("pot", dec(b.pot))?;
    d.set_item("key", &b.key)?;
    d.set_item("weight", b.weight)?;
    d.set_item("total_weight", b.total_weight)?;
    d.set_item("quota", b.quota)?;
    d.set_item("floor", dec(b.floor))?;
    d.set_item("left_over", dec(b.left_over))?;
    d.set_item("remainder_rank", b.remainder_rank)?;
    d.set_item("recipients", b.recipients)?;
    d.set_item("note", &b.note)?;
    Ok(d)
}

#[pymethods]
impl PyRow {
    /// The agreement id (`"split"` for a plain split).
    #[getter]
    fn agreement(&self) -> &str {
        &self.0.agreement
    }
    /// The component id.
    #[getter]
    fn component(&self) -> &str {
        &self.0.component
    }
    /// The tranche id, when paid in tranches.
    #[getter]
    fn tranche(&self) -> Option<&str> {
        self.0.tranche.as_deref()
    }
    /// The payment date (the first day it can fall on), when known.
    #[getter]
    fn date(&self) -> Option<NaiveDate> {
        when_date(self.0.date)
    }
    /// The payment date as the source gives it: a day `"2022-06-15"` or a month `"2022-06"`.
    #[getter]
    fn when(&self) -> Option<String> {
        when_text(self.0.date)
    }
    /// The recipient code.
    #[getter]
    fn recipient(&self) -> &str {
        self.0.recipient.as_str()
    }
    /// The recipient's name.
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }
    /// What the money is (`"share"`, `"fixed"`, `"each"`, `"equal"`, `"earned"`, `"bonus"`, `"returned"`).
    #[getter]
    fn part(&self) -> &str {
        self.0.part.as_str()
    }
    /// The performance criterion, for earned money.
    #[getter]
    fn criterion(&self) -> Option<&str> {
        self.0.criterion.as_deref()
    }
    /// The amount.
    #[getter]
    fn amount(&self) -> Decimal {
        dec(self.0.amount)
    }
    /// The figures behind the amount: pot, key, weight, total_weight, quota, floor,
    /// left_over, remainder_rank, recipients, note.
    #[getter]
    fn basis<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let b = &self.0.basis;
        let d = PyDict::new(py);
        d.set_item("pot", dec(b.pot))?;
        d.set_item("key", &b.key)?;
        d.set_item("weight", b.weight)?;
        d.set_item("total_weight", b.total_weight)?;
        d.set_item("quota", b.quota)?;
        d.set_item("floor", dec(b.floor))?;
        d.set_item("left_over", dec(b.left_over))?;
        d.set_item("remainder_rank", b.remainder_rank)?;
        d.set_item("recipients", b.recipients)?;
        d.set_item("note", &b.note)?;
        Ok(d)
    }
    /// A sentence a person can read: the key figures, the exact quota, and the rounding.
    fn explain(&self) -> String {
        self.0.explain()
    }
    /// The row as one flat dict (as in `Allocation.to_records()`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        row_record(py, &self.0)
    }
    /// The row as JSON.
    fn to_json(&self) -> String {
        serde_json::to_string(&self.0).unwrap_or_default()
    }
    /// A row from its JSON form.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &str) -> PyResult<Self> {
        vardavtal::json::from_str::<Row>(text)
            .map(PyRow)
            .or_raise(py)
    }
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyRow>().is_ok_and(|o| o.get().0 == self.0)
    }
    fn __repr__(&self) -> String {
        format!("Row({})", self.0)
    }
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let f = py.get_type::<PyRow>().getattr("from_json")?;
        PyTuple::new(py, [f, PyTuple::new(py, [self.to_json()])?.into_any()])
    }
}

// ------------------------------------------------------------------ Allocation

/// The result of a split or an allocation: every amount, the pots, and notes.
#[pyclass(name = "Allocation", module = "vardavtal._vardavtal", frozen)]
pub struct PyAllocation(pub Allocation);

crate::view::core_view!(PyAllocation);

fn totals_table<'py>(
    py: Python<'py>,
    title: &str,
    key: &str,
    totals: Vec<vardavtal::Total>,
) -> PyResult<Bound<'py, PyAny>> {
    crate::view::table(py, &vardavtal::view::totals(title, key, &totals))
}

#[pymethods]
impl PyAllocation {
    /// The rounding unit (`"krona"` or `"ore"`).
    #[getter]
    fn unit(&self) -> &str {
        self.0.unit.as_str()
    }
    /// The apportionment method (`"largest_remainder"`).
    #[getter]
    fn method(&self) -> String {
        serde_json::to_value(self.0.method)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }
    /// The sum of every row.
    #[getter]
    fn total(&self) -> Decimal {
        dec(self.0.total())
    }
    /// The sum of the pots.
    #[getter]
    fn pot_total(&self) -> Decimal {
        dec(self.0.pot_total())
    }
    /// Every amount, as `Row` objects.
    #[getter]
    fn rows(&self) -> Vec<PyRow> {
        self.0.rows.iter().cloned().map(PyRow).collect()
    }
    /// The pots handed out (agreement, component, tranche, date, when, amount, rule, key, key_sources).
    #[getter]
    fn pots<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::view::table(py, &self.0.pots_table())
    }
    /// Components that were not allocated, and why.
    #[getter]
    fn notes(&self) -> PyFindings {
        PyFindings(self.0.notes.clone())
    }
    /// Totals by recipient (`code`, `name`, `amount`), in code order.
    fn by_recipient<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        totals_table(py, "Totals by recipient", "code", self.0.by_recipient())
    }
    /// Totals by component (`agreement/component`).
    fn by_component<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        totals_table(
            py,
            "Totals by component",
            "component",
            self.0.by_component(),
        )
    }
    /// Totals by payment date (`"unscheduled"` where unknown).
    fn by_date<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        totals_table(py, "Totals by payment date", "when", self.0.by_date())
    }
    /// The allocation as a recipients × pots table: `code`, `name`, one column per pot, `total`.
    fn pivot<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::view::table(py, &vardavtal::view::View::table(&self.0.pivot()))
    }
    /// The explanation of every row (or of one recipient's rows).
    #[pyo3(signature = (recipient = None))]
    fn explain(&self, recipient: Option<&str>) -> Vec<String> {
        self.0
            .rows
            .iter()
            .filter(|r| recipient.is_none_or(|x| r.recipient.as_str() == x))
            .map(Row::explain)
            .collect()
    }
    /// One flat dict per row (amounts as `Decimal`, dates as `datetime.date`).
    fn to_records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let l = PyList::empty(py);
        for r in &self.0.rows {
            l.append(row_record(py, r)?)?;
        }
        Ok(l)
    }
    /// The rows as a pandas DataFrame (needs pandas).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_pandas(py, self.to_records(py)?, ROW_COLUMNS)
    }
    /// The allocation as JSON (the serde form of the core, with totals).
    fn to_json(&self) -> String {
        serde_json::to_string(&self.0).unwrap_or_default()
    }
    /// An allocation from its JSON form.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &str) -> PyResult<Self> {
        vardavtal::json::from_str::<Allocation>(text)
            .map(PyAllocation)
            .or_raise(py)
    }
    fn __len__(&self) -> usize {
        self.0.rows.len()
    }
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyAllocation>()
            .is_ok_and(|o| o.get().0 == self.0)
    }
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let f = py.get_type::<PyAllocation>().getattr("from_json")?;
        PyTuple::new(py, [f, PyTuple::new(py, [self.to_json()])?.into_any()])
    }
}

// ------------------------------------------------------------------ Comparison

/// The per-recipient difference between two allocations (`b − a`).
#[pyclass(name = "Comparison", module = "vardavtal._vardavtal", frozen)]
pub struct PyComparison(pub Comparison);

crate::view::core_view!(PyComparison);

const COMPARISON_COLUMNS: &[&str] = &["code", "name", "a", "b", "diff"];

#[pymethods]
impl PyComparison {
    /// The sum of the differences (`total(b) − total(a)`).
    #[getter]
    fn total_diff(&self) -> Decimal {
        dec(self.0.total_diff())
    }
    /// One dict per recipient: `code`, `name`, `a`, `b`, `diff`.
    fn to_records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let l = PyList::empty(py);
        for r in &self.0.rows {
            let d = PyDict::new(py);
            d.set_item("code", &r.recipient)?;
            d.set_item("name", &r.name)?;
            d.set_item("a", dec(r.a))?;
            d.set_item("b", dec(r.b))?;
            d.set_item("diff", dec(r.diff))?;
            l.append(d)?;
        }
        Ok(l)
    }
    /// The comparison as a pandas DataFrame (needs pandas).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_pandas(py, self.to_records(py)?, COMPARISON_COLUMNS)
    }
    /// A comparison from its rows `(code, name, a, b, diff)` as plain decimal strings (used by pickle).
    #[staticmethod]
    fn _from_state(
        py: Python<'_>,
        rows: Vec<(String, String, String, String, String)>,
    ) -> PyResult<Self> {
        let mut out = Vec::with_capacity(rows.len());
        for (recipient, name, a, b, diff) in rows {
            let p = |s: &str| s.parse::<Sek>().or_raise(py);
            out.push(Difference {
                a: p(&a)?,
                b: p(&b)?,
                diff: p(&diff)?,
                recipient,
                name,
            });
        }
        Ok(PyComparison(Comparison { rows: out }))
    }
    fn __len__(&self) -> usize {
        self.0.rows.len()
    }
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyComparison>()
            .is_ok_and(|o| o.get().0 == self.0)
    }
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let f = py.get_type::<PyComparison>().getattr("_from_state")?;
        let rows: Vec<(String, String, String, String, String)> = self
            .0
            .rows
            .iter()
            .map(|r| {
                (
                    r.recipient.clone(),
                    r.name.clone(),
                    r.a.to_string(),
                    r.b.to_string(),
                    r.diff.to_string(),
                )
            })
            .collect();
        let args = PyTuple::new(py, [rows.into_pyobject(py)?.into_any()])?;
        PyTuple::new(py, [f, args.into_any()])
    }
}

// ------------------------------------------------------------------ Agreement

/// An agreement (överenskommelse). `Agreement(x)` takes a dict in the agreement file
/// format, JSON text, a catalog id or a file path.
#[pyclass(name = "Agreement", module = "vardavtal._vardavtal", frozen)]
#[derive(Clone)]
pub struct PyAgreement(pub Agreement);

crate::view::core_view!(PyAgreement);

#[pymethods]
impl PyAgreement {
    #[new]
    fn new(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Self> {
        convert::agreement(py, data, &Loc::root()).map(PyAgreement)
    }
    /// Parse an agreement from JSON text.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &str) -> PyResult<Self> {
        Agreement::from_json(text).map(PyAgreement).or_raise(py)
    }
    /// Read an agreement file (JSON).
    #[staticmethod]
    fn from_file(py: Python<'_>, path: std::path::PathBuf) -> PyResult<Self> {
        Agreement::from_file(&path).map(PyAgreement).or_raise(py)
    }
    /// An agreement from a dict in the agreement file format (amounts as str or Decimal).
    #[staticmethod]
    fn from_dict(py: Python<'_>, data: &Bound<'_, PyDict>) -> PyResult<Self> {
        convert::agreement(py, data.as_any(), &Loc::root()).map(PyAgreement)
    }
    /// The agreement as JSON (the file format).
    fn to_json(&self) -> String {
        self.0.to_json()
    }
    /// The agreement as a dict (the file format: amounts as str).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_loads(py, &self.0.to_json())
    }
    /// Stable id.
    #[getter]
    fn id(&self) -> &str {
        &self.0.id
    }
    /// Swedish title as published.
    #[getter]
    fn title(&self) -> &str {
        &self.0.title
    }
    /// English title.
    #[getter]
    fn title_en(&self) -> Option<&str> {
        self.0.title_en.as_deref()
    }
    /// `"base"`, `"supplementary"`, `"sector_grant"`, `"reimbursement"` or `"budget_proposal"`.
    #[getter]
    fn kind(&self) -> &str {
        self.0.kind.as_str()
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
        match self.0.status {
            vardavtal::Status::Signed => "signed",
            vardavtal::Status::Pending { .. } => "pending",
            vardavtal::Status::Proposed => "proposed",
        }
    }
    /// The years covered.
    #[getter]
    fn years(&self) -> Vec<i32> {
        self.0.years.clone()
    }
    /// The total as published, where published.
    #[getter]
    fn amount(&self) -> Option<Decimal> {
        self.0.amount.as_ref().map(|f| dec(f.value))
    }
    /// The decision dates, as the sources state them.
    #[getter]
    fn decided(&self) -> Vec<NaiveDate> {
        self.0.decided.iter().map(|d| d.date.first_day()).collect()
    }
    /// The sources: dicts `{"source": id, "quote": phrase}`.
    #[getter]
    fn sources<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let l = PyList::empty(py);
        for s in &self.0.sources {
            let d = PyDict::new(py);
            d.set_item("source", &s.source)?;
            d.set_item("quote", &s.quote)?;
            l.append(d)?;
        }
        Ok(l)
    }
    /// Remarks.
    #[getter]
    fn notes(&self) -> Vec<String> {
        self.0.notes.clone()
    }
    /// Every component of the tree, depth first: `loc`, `id`, `name`, `kind`, `amount`,
    /// `recipients`, `rule`.
    fn components<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::view::table(py, &vardavtal::view::View::table(&self.0))
    }
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyAgreement>()
            .is_ok_and(|o| o.get().0 == self.0)
    }
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let f = py.get_type::<PyAgreement>().getattr("from_json")?;
        PyTuple::new(py, [f, PyTuple::new(py, [self.0.to_json()])?.into_any()])
    }
}

// ------------------------------------------------------------------ Catalog and sources

/// A source text of the catalog: a press release or web page, with its full text.
#[pyclass(name = "Source", module = "vardavtal._vardavtal", frozen)]
pub struct PySource(pub &'static Source);

#[pymethods]
impl PySource {
    /// Id (`"003"`).
    #[getter]
    fn id(&self) -> &str {
        &self.0.id
    }
    /// File name of the text.
    #[getter]
    fn file(&self) -> &str {
        &self.0.file
    }
    /// Headline as published.
    #[getter]
    fn title(&self) -> &str {
        &self.0.title
    }
    /// Publisher.
    #[getter]
    fn publisher(&self) -> &str {
        &self.0.publisher
    }
    /// Publication date, where the text says.
    #[getter]
    fn published(&self) -> Option<NaiveDate> {
        self.0.published
    }
    /// The full text.
    #[getter]
    fn text(&self) -> &str {
        &self.0.text
    }
    fn __repr__(&self) -> String {
        format!(
            "Source({:?}, {:?}, publisher={:?}, published={}, {} characters)",
            self.0.id,
            self.0.title,
            self.0.publisher,
            self.0
                .published
                .map_or("None".to_owned(), |d| d.to_string()),
            self.0.text.chars().count()
        )
    }
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        reduce_with(
            py,
            "vardavtal",
            "source",
            PyTuple::new(py, [self.0.id.as_str()])?,
        )
    }
}

/// The source of the catalog with this id.
pub fn source(py: Python<'_>, id: &str) -> PyResult<PySource> {
    let cat = vardavtal::catalog::catalog().or_raise(py)?;
    cat.find_source(id).map(PySource).or_raise(py)
}

/// The bundled catalog of real agreements, their sources and packages.
#[pyclass(name = "Catalog", module = "vardavtal._vardavtal", frozen)]
pub struct PyCatalog(pub &'static Catalog);

impl PyCatalog {
    fn list(&self) -> vardavtal::view::AgreementList<'static> {
        vardavtal::view::AgreementList(self.0.agreements.iter().collect())
    }
}

#[pymethods]
impl PyCatalog {
    /// Every agreement with its components and figures (what `vardavtal catalog` prints).
    fn __str__(&self) -> String {
        self.list().text()
    }
    /// One line per agreement.
    fn __repr__(&self) -> String {
        self.list().table().to_text_limited(Some(60))
    }
    /// The agreements as an HTML table, for notebooks.
    fn _repr_html_(&self) -> String {
        self.list().table().to_html()
    }
    /// The catalog as text, as `str()` and `vardavtal catalog`.
    fn to_text(&self) -> String {
        self.list().text()
    }
    /// One CSV line per agreement (id, title, years, kind, amount, source, quote), as
    /// `vardavtal catalog --format csv`.
    fn to_csv(&self) -> String {
        self.list().csv()
    }
}

const CATALOG_COLUMNS: &[&str] = &[
    "id",
    "title",
    "kind",
    "status",
    "years",
    "amount",
    "components",
    "sources",
];

#[pymethods]
impl PyCatalog {
    /// Every agreement.
    #[getter]
    fn agreements(&self) -> Vec<PyAgreement> {
        self.0.agreements.iter().cloned().map(PyAgreement).collect()
    }
    /// Every source text.
    #[getter]
    fn sources(&self) -> Vec<PySource> {
        self.0.sources.iter().map(PySource).collect()
    }
    /// The press-release totals over several agreements, as dicts.
    #[getter]
    fn packages<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_loads(
            py,
            &serde_json::to_string(&self.0.packages).unwrap_or_default(),
        )
    }
    /// The agreement with this id (`InputError` `unknown_agreement`, with the closest ids, when there is none).
    fn agreement(&self, py: Python<'_>, id: &str) -> PyResult<PyAgreement> {
        self.0
            .find_agreement(id)
            .cloned()
            .map(PyAgreement)
            .or_raise(py)
    }
    /// The source with this id.
    fn source(&self, py: Python<'_>, id: &str) -> PyResult<PySource> {
        source(py, id)
    }
    /// The agreements covering `year`.
    fn for_year(&self, year: i32) -> Vec<PyAgreement> {
        self.0
            .for_year(year)
            .into_iter()
            .cloned()
            .map(PyAgreement)
            .collect()
    }
    /// One dict per agreement: `id`, `title`, `kind`, `status`, `years`, `amount`,
    /// `components` (how many), `sources` (ids).
    fn to_records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let l = PyList::empty(py);
        for a in &self.0.agreements {
            let pa = PyAgreement(a.clone());
            let d = PyDict::new(py);
            d.set_item("id", &a.id)?;
            d.set_item("title", &a.title)?;
            d.set_item("kind", a.kind.as_str())?;
            d.set_item("status", pa.status())?;
            d.set_item("years", &a.years)?;
            d.set_item("amount", pa.amount())?;
            d.set_item("components", a.walk().len())?;
            d.set_item(
                "sources",
                a.sources
                    .iter()
                    .map(|s| s.source.as_str())
                    .collect::<Vec<_>>(),
            )?;
            l.append(d)?;
        }
        Ok(l)
    }
    /// The agreements as a pandas DataFrame (needs pandas).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_pandas(py, self.to_records(py)?, CATALOG_COLUMNS)
    }
    fn __len__(&self) -> usize {
        self.0.agreements.len()
    }
    fn __contains__(&self, id: &str) -> bool {
        self.0.agreement(id).is_some()
    }
    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(self.agreements().into_pyobject(py)?.try_iter()?.into_any())
    }
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        reduce_with(py, "vardavtal", "catalog", PyTuple::empty(py))
    }
}
