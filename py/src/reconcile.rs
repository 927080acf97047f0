//! `vardavtal.reconcile`: check a published per-region table against the model. The
//! table is read and reconciled by the core ([`vardavtal::reconcile`]); this module converts
//! the arguments and hands the result to Python as a `Reconciliation` (amounts as
//! `decimal.Decimal`, verdicts and roundings as their snake_case names).

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};
use vardavtal::Loc;
use vardavtal::reconcile::{
    ImpliedKey, KeyFit, PublishedTable, Reconciliation, RowVerdict, StatedRule, Statement,
    TotalCheck, reconcile as core_reconcile,
};
use vardavtal::view::View;

use crate::convert;
use crate::error::OrRaise;
use crate::objects::{PyFindings, dec, to_pandas};
use crate::view::table_with;

/// The snake_case serde name of a unit enum (`Verdict`, `PotSource`), from its JSON value.
fn snake(v: serde_json::Result<serde_json::Value>) -> String {
    v.ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn run(name: &str, text: &str, statement: &Statement) -> vardavtal::Result<Reconciliation> {
    let t = PublishedTable::parse(name, text)?;
    Ok(core_reconcile(&t, statement))
}

/// Check a published per-region table: do the rows add up to its total line and the
/// stated pot, are regions missing, repeated or unknown, is an amount printed with an
/// irregular digit grouping, which bundled key and rounding reproduce the table (or come
/// closest), and the verdict on every row.
///
/// `table` is the table's text (CSV with a header, or text pasted from a web page or a PDF),
/// a file path, or a file object. `pot` is the amount the publisher says the table
/// distributes (`Decimal`, `int` or `str`, Swedish forms accepted; never `float`); `rule`
/// is `"population"`, `"need"` or `"fixed-plus-population:AMOUNT"`.
#[pyfunction]
#[pyo3(signature = (table, pot = None, rule = None))]
pub fn reconcile(
    py: Python<'_>,
    table: &Bound<'_, PyAny>,
    pot: Option<&Bound<'_, PyAny>>,
    rule: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyReconciliation> {
    let (name, text) = convert::table(py, table, &Loc::root().join("table"))?;
    let pot = match pot.filter(|p| !p.is_none()) {
        Some(p) => Some(convert::money(py, p, &Loc::root().join("pot"))?),
        None => None,
    };
    let rule = convert::stated_rule(py, rule, &Loc::root().join("rule"))?;
    let statement = Statement { pot, rule };
    let rec = py.detach(|| run(&name, &text, &statement)).or_raise(py)?;
    Ok(PyReconciliation {
        rec,
        name,
        text,
        statement,
    })
}

/// The result of `vardavtal.reconcile`: the verdict on every row, the totals checks, the
/// findings, every bundled key with every rounding (best first), the implied population key
/// when no bundled key reproduces the table, and a summary. `str()` is the per-row report.
#[pyclass(name = "Reconciliation", module = "vardavtal._vardavtal", frozen)]
pub struct PyReconciliation {
    rec: Reconciliation,
    // The inputs, for pickling: the result is recomputed from them.
    name: String,
    text: String,
    statement: Statement,
}

const ROW_COLUMNS: &[&str] = &[
    "line",
    "code",
    "name",
    "printed",
    "amount",
    "expected",
    "diff",
    "verdict",
    "note",
    "rounded",
    "readings",
    "implied_population",
    "label",
    "text",
];

fn row_record<'py>(py: Python<'py>, r: &RowVerdict) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("line", r.line)?;
    d.set_item("code", r.recipient.as_ref().map(|c| c.as_str()))?;
    d.set_item("name", &r.name)?;
    d.set_item("printed", &r.printed)?;
    d.set_item("amount", r.amount.map(dec))?;
    d.set_item("expected", r.expected.map(dec))?;
    d.set_item("diff", r.diff.map(dec))?;
    d.set_item("verdict", snake(serde_json::to_value(r.verdict)))?;
    d.set_item("note", &r.note)?;
    d.set_item("rounded", r.rounded)?;
    let readings = PyList::empty(py);
    for x in &r.readings {
        let rd = PyDict::new(py);
        rd.set_item("amount", dec(x.amount))?;
        rd.set_item("adds_up", x.adds_up)?;
        readings.append(rd)?;
    }
    d.set_item("readings", readings)?;
    d.set_item("implied_population", r.implied_population)?;
    d.set_item("label", &r.label)?;
    d.set_item("text", &r.text)?;
    Ok(d)
}

fn fit_record<'py>(py: Python<'py>, f: &KeyFit) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("key", &f.key)?;
    d.set_item("rounding", f.rounding.as_str())?;
    d.set_item("exact", f.exact)?;
    d.set_item("rows_matching", f.rows_matching)?;
    d.set_item("rows_compared", f.rows_compared)?;
    d.set_item("total_abs_diff", dec(f.total_abs_diff))?;
    d.set_item("model_total", dec(f.model_total))?;
    Ok(d)
}

fn total_record<'py>(py: Python<'py>, t: &TotalCheck) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("against", &t.against)?;
    d.set_item("line", t.line)?;
    d.set_item("stated", dec(t.stated))?;
    d.set_item("rows_sum", dec(t.rows_sum))?;
    d.set_item("diff", dec(t.diff))?;
    d.set_item("tolerance", dec(t.tolerance))?;
    d.set_item("adds_up", t.adds_up)?;
    d.set_item("explanation", &t.explanation)?;
    Ok(d)
}

fn implied_dict<'py>(py: Python<'py>, k: &ImpliedKey) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("total", k.total)?;
    d.set_item("candidates", k.candidates)?;
    d.set_item("totals", &k.totals)?;
    d.set_item("searched", k.searched)?;
    d.set_item("near", &k.near)?;
    d.set_item("rounding", k.rounding.map(|r| r.as_str()))?;
    let l = PyList::empty(py);
    for p in &k.populations {
        let pd = PyDict::new(py);
        pd.set_item("code", p.recipient.as_str())?;
        pd.set_item("name", &p.name)?;
        pd.set_item("population", p.population)?;
        pd.set_item("bundled", p.bundled)?;
        l.append(pd)?;
    }
    d.set_item("populations", table_with(py, &k.table(), None, l)?)?;
    Ok(d)
}

fn rule_dict<'py>(py: Python<'py>, r: &StatedRule) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    match r {
        StatedRule::Population => d.set_item("type", "population")?,
        StatedRule::Need => d.set_item("type", "need")?,
        StatedRule::FixedPlusPopulation { each } => {
            d.set_item("type", "fixed_plus_population")?;
            d.set_item("each", dec(*each))?;
        }
    }
    Ok(d)
}

#[pymethods]
impl PyReconciliation {
    /// The table's name (the file path, or `"table"` for text).
    #[getter]
    fn table(&self) -> &str {
        &self.rec.table
    }
    /// What the publisher states: `{"pot": Decimal | None, "rule": dict | None}`.
    #[getter]
    fn statement<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("pot", self.rec.statement.pot.map(dec))?;
        match &self.rec.statement.rule {
            Some(r) => d.set_item("rule", rule_dict(py, r)?)?,
            None => d.set_item("rule", py.None())?,
        }
        Ok(d)
    }
    /// The rounding unit of the comparison (`"krona"`, or `"ore"` when an amount has öre).
    #[getter]
    fn unit(&self) -> &str {
        self.rec.unit.as_str()
    }
    /// The pot the model splits.
    #[getter]
    fn pot(&self) -> rust_decimal::Decimal {
        dec(self.rec.pot)
    }
    /// Where that pot comes from: `"stated"`, `"total_line"` or `"rows"`.
    #[getter]
    fn pot_source(&self) -> String {
        snake(serde_json::to_value(self.rec.pot_source))
    }
    /// Every row with its verdict (`"ok"`, `"differs"`, `"irregular_grouping"`,
    /// `"duplicate"`, `"unknown"`, `"not_compared"`), in input order.
    #[getter]
    fn rows<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        table_with(
            py,
            &self.rec.table(),
            Some(ROW_COLUMNS),
            self.to_records(py)?,
        )
    }
    /// The rows' sum against the table's total line and the stated pot.
    #[getter]
    fn totals<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let l = PyList::empty(py);
        for t in &self.rec.totals {
            l.append(total_record(py, t)?)?;
        }
        table_with(py, &self.rec.totals_table(), None, l)
    }
    /// Every finding: lines that could not be read, then the checks.
    #[getter]
    fn findings(&self) -> PyFindings {
        PyFindings(self.rec.findings.clone())
    }
    /// Every bundled key with every rounding, best first.
    #[getter]
    fn fits<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let l = PyList::empty(py);
        for f in &self.rec.fits {
            l.append(fit_record(py, f)?)?;
        }
        table_with(py, &self.rec.fits_table(), None, l)
    }
    /// The population key implied by the table when no bundled key reproduces it, else `None`.
    #[getter]
    fn implied<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDict>>> {
        self.rec
            .implied
            .as_ref()
            .map(|k| implied_dict(py, k))
            .transpose()
    }
    /// The outcome in brief: `rows`, `regions`, `missing`, `duplicates`, `unknown`,
    /// `irregular`, `differing`, `rows_sum`, `adds_up`, `best` (a fit or `None`), `exact`,
    /// `headline`.
    #[getter]
    fn summary<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let s = &self.rec.summary;
        let d = PyDict::new(py);
        d.set_item("rows", s.rows)?;
        d.set_item("regions", s.regions)?;
        d.set_item("missing", &s.missing)?;
        d.set_item("duplicates", s.duplicates)?;
        d.set_item("unknown", s.unknown)?;
        d.set_item("irregular", s.irregular)?;
        d.set_item("differing", s.differing)?;
        d.set_item("rows_sum", dec(s.rows_sum))?;
        d.set_item("adds_up", s.adds_up)?;
        match &s.best {
            Some(f) => d.set_item("best", fit_record(py, f)?)?,
            None => d.set_item("best", py.None())?,
        }
        d.set_item("exact", s.exact)?;
        d.set_item("headline", &s.headline)?;
        Ok(d)
    }
    /// True when some finding is a warning or an error.
    #[getter]
    fn has_problems(&self) -> bool {
        self.rec.has_problems()
    }
    /// One dict per row (as in `rows`).
    fn to_records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let l = PyList::empty(py);
        for r in &self.rec.rows {
            l.append(row_record(py, r)?)?;
        }
        Ok(l)
    }
    /// The rows as a pandas DataFrame (needs pandas).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_pandas(py, self.to_records(py)?, ROW_COLUMNS)
    }
    /// The reconciliation as JSON (the serde form of the core).
    fn to_json(&self) -> String {
        serde_json::to_string(&self.rec).unwrap_or_default()
    }
    /// Reconcile again from the inputs (used by pickle): the table's name and text and the
    /// statement as JSON.
    #[staticmethod]
    fn _from_state(py: Python<'_>, name: String, text: String, statement: &str) -> PyResult<Self> {
        let statement: Statement = vardavtal::json::from_str(statement).or_raise(py)?;
        let rec = py.detach(|| run(&name, &text, &statement)).or_raise(py)?;
        Ok(PyReconciliation {
            rec,
            name,
            text,
            statement,
        })
    }
    fn __len__(&self) -> usize {
        self.rec.rows.len()
    }
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyReconciliation>()
            .is_ok_and(|o| o.get().rec == self.rec)
    }
    /// The per-row report (what `vardavtal reconcile` prints).
    fn __repr__(&self) -> String {
        self.rec.preview()
    }
    fn __str__(&self) -> String {
        self.rec.text()
    }
    /// The rows as an HTML table, for notebooks.
    fn _repr_html_(&self) -> String {
        self.rec.table().to_html()
    }
    /// The report as text, as `str()` and `vardavtal reconcile`.
    fn to_text(&self) -> String {
        self.rec.text()
    }
    /// One CSV line per row of the table (line, code, name, published, expected, diff,
    /// verdict), as `vardavtal reconcile --format csv`.
    fn to_csv(&self) -> String {
        self.rec.csv()
    }
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let f = py.get_type::<PyReconciliation>().getattr("_from_state")?;
        let statement = serde_json::to_string(&self.statement).unwrap_or_default();
        let args = (self.name.as_str(), self.text.as_str(), statement).into_pyobject(py)?;
        PyTuple::new(py, [f, args.into_any()])
    }
}
