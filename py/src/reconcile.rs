//! `vardavtal.reconcile`: check a published per-region table against the model. Core reads
//! and reconciles the table; this module converts the arguments and the result's parts
//! (amounts as `decimal.Decimal`, verdicts and roundings as their snake_case names).

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};
use vardavtal::input::host::Expected;
use vardavtal::reconcile::{KeyFit, PublishedTable, Reconciliation, StatedRule, Statement};
use vardavtal::{Loc, Sek};

use crate::convert;
use crate::error::OrRaise;
use crate::objects::{Frame, PyFindings, Shape, json_loads, record_list, reduce, skin};

/// What a reconciliation was computed from, so that it pickles: the table's name and text
/// and the statement.
#[derive(Clone)]
pub struct Inputs {
    name: String,
    text: String,
    statement: Statement,
}

fn run(i: Inputs) -> vardavtal::Result<PyReconciliation> {
    let t = PublishedTable::parse(&i.name, &i.text)?;
    Ok(PyReconciliation(
        vardavtal::reconcile::reconcile(&t, &i.statement),
        i,
    ))
}

/// Check a published per-region table against the model.
///
/// Do the rows add up to the table's total line and the stated pot; are regions missing,
/// repeated or unknown; is an amount printed with an irregular digit grouping
/// (``"521 60 836 kr"``); which bundled key and rounding reproduce the table (or come
/// closest); and the verdict on every row. A table that does not add up is a finding, not an
/// exception.
///
/// Parameters
/// ----------
/// table : str, os.PathLike or file object
///     The table: its text (CSV with a header, or text pasted from a web page or a PDF, with
///     Swedish number formatting; a ``str`` is always the text, never a path), a file as a
///     ``pathlib.Path``, or a file object (text or UTF-8 bytes).
/// pot : Decimal, int, str or None
///     The amount the publisher says the table distributes (``"1 382 miljoner kronor"``);
///     never ``float``. ``None`` takes the table's total line, else the rows' sum.
/// rule : str or None
///     The rule the publisher states: ``"population"``, ``"need"`` or
///     ``"fixed-plus-population:AMOUNT"``; ``None`` tries every bundled key.
///
/// Returns
/// -------
/// Reconciliation
///     The verdict on every row (``rows``), the totals checks (``totals``), the
///     ``findings``, every bundled key with every rounding, best first (``fits``), the
///     implied population key when none reproduces the table (``implied``) and a
///     ``summary``. ``str()`` is the per-row report the CLI prints.
///
/// Raises
/// ------
/// InputError
///     A table, pot or rule that cannot be read: ``io`` (a file), ``invalid_amount`` (a
///     ``float`` pot, a hedged figure), ``invalid_value`` (an unknown rule).
///
/// Examples
/// --------
/// >>> alloc = vardavtal.split("1 382 miljoner kronor", key="population:regions:2021-11-01")
/// >>> table = "\n".join(f"{r.name}\t{r.amount} kr" for r in alloc.rows)
/// >>> rec = vardavtal.reconcile(table, pot="1 382 miljoner kronor", rule="population")
/// >>> rec.summary["adds_up"], rec.summary["exact"]
/// (True, True)
/// >>> rec.fits[0]["key"]
/// 'population:regions:2021-11-01'
/// >>> rec.has_problems
/// False
#[pyfunction]
#[pyo3(signature = (table, pot = None, rule = None))]
pub fn reconcile(
    py: Python<'_>,
    table: &Bound<'_, PyAny>,
    pot: Option<&Bound<'_, PyAny>>,
    rule: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyReconciliation> {
    let (name, text) = convert::table(py, table, &Loc::root().join("table"))?;
    let statement = Statement::new(
        convert::opt_money(py, pot, &Loc::root().join("pot"))?,
        match rule.filter(|r| !r.is_none()) {
            Some(r) => Some(
                convert::text(py, r, &Loc::root().join("rule"), Expected::Rule)?
                    .parse()
                    .map_err(|e: vardavtal::Error| e.prefixed(&Loc::root().join("rule")))
                    .or_raise(py)?,
            ),
            None => None,
        },
    );
    let inputs = Inputs {
        name,
        text,
        statement,
    };
    py.detach(|| run(inputs)).or_raise(py)
}

/// The result of ``vardavtal.reconcile``: the verdict on every row, the totals checks, the
/// findings, every bundled key with every rounding (best first), the implied population key
/// when no bundled key reproduces the table, and a summary.
///
/// ``str()`` is the per-row report the CLI prints; ``to_records()``, ``to_csv()`` and
/// ``to_pandas()`` have one row per line of the table; ``len()`` is the number of rows.
///
/// Examples
/// --------
/// >>> rec = vardavtal.reconcile("Region Stockholm\t100 kr\nRegion Uppsala\t50 kr\nTotalt\t150 kr")
/// >>> rec.pot, rec.pot_source
/// (Decimal('150'), 'total_line')
/// >>> rec.summary["adds_up"]  # the rows add up to the total line, but 19 regions are missing
/// True
/// >>> sorted({f["code"] for f in rec.findings})
/// ['key_differs', 'row_missing']
#[pyclass(name = "Reconciliation", module = "vardavtal", frozen)]
pub struct PyReconciliation(pub Reconciliation, Inputs);

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

fn dec(s: Option<Sek>) -> Option<rust_decimal::Decimal> {
    s.map(Sek::value)
}

fn fit<'py>(py: Python<'py>, f: &KeyFit) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("key", &f.key)?;
    d.set_item("rounding", f.rounding.as_str())?;
    d.set_item("exact", f.exact)?;
    d.set_item("rows_matching", f.rows_matching)?;
    d.set_item("rows_compared", f.rows_compared)?;
    d.set_item("total_abs_diff", f.total_abs_diff.value())?;
    d.set_item("model_total", f.model_total.value())?;
    Ok(d)
}

/// The rows of a reconciliation as dicts (what `to_records()` and `rows` give).
fn rows<'py>(py: Python<'py>, rec: &Reconciliation) -> PyResult<Bound<'py, PyList>> {
    let l = PyList::empty(py);
    for r in &rec.rows {
        let d = PyDict::new(py);
        d.set_item("line", r.line)?;
        d.set_item("code", r.recipient.as_ref().map(|c| c.as_str()))?;
        d.set_item("name", &r.name)?;
        d.set_item("printed", &r.printed)?;
        d.set_item("amount", dec(r.amount))?;
        d.set_item("expected", dec(r.expected))?;
        d.set_item("diff", dec(r.diff))?;
        d.set_item("verdict", json_loads(py, &r.verdict)?)?;
        d.set_item("note", &r.note)?;
        d.set_item("rounded", r.rounded)?;
        let readings = PyList::empty(py);
        for x in &r.readings {
            let rd = PyDict::new(py);
            rd.set_item("amount", x.amount.value())?;
            rd.set_item("adds_up", x.adds_up)?;
            readings.append(rd)?;
        }
        d.set_item("readings", readings)?;
        d.set_item("implied_population", r.implied_population)?;
        d.set_item("label", &r.label)?;
        d.set_item("text", &r.text)?;
        l.append(d)?;
    }
    Ok(l)
}

impl Shape for Reconciliation {
    fn py_frame<'py>(&self, py: Python<'py>) -> PyResult<Frame<'py>> {
        let (records, columns) = self.py_records(py)?;
        let gaps = self.rows.iter().any(|r| r.implied_population.is_none());
        let nullable_ints = if gaps {
            vec!["implied_population".to_owned()]
        } else {
            vec![]
        };
        Ok(Frame {
            data: records.into_any(),
            columns,
            nullable_ints,
        })
    }
    fn py_records<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyList>, Vec<String>)> {
        Ok((
            rows(py, self)?,
            ROW_COLUMNS.iter().map(|c| c.to_string()).collect(),
        ))
    }
}

skin! {
    PyReconciliation |s|
    view s.0;
    len s.0.rows.len();
    get {
        /// The table's name (the file path, or `"table"` for text).
        table -> &str = &s.0.table;
        /// The rounding unit of the comparison (`"krona"`, or `"ore"` when an amount has öre).
        unit -> &str = s.0.unit.as_str();
        /// The pot the model splits.
        pot -> rust_decimal::Decimal = s.0.pot.value();
        /// Every finding: lines that could not be read, then the checks.
        findings -> PyFindings = PyFindings(s.0.findings.clone());
        /// True when some finding is a warning or an error.
        has_problems -> bool = s.0.has_problems();
    }
    {
        /// What the publisher states: `{"pot": Decimal | None, "rule": dict | None}`; the
        /// rule is `{"type": "population" | "need" | "fixed_plus_population", "each"?: Decimal}`.
        #[getter]
        fn statement<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
            let d = PyDict::new(py);
            d.set_item("pot", dec(self.0.statement.pot))?;
            let rule = json_loads(py, &self.0.statement.rule)?;
            if let Some(StatedRule::FixedPlusPopulation { each }) = &self.0.statement.rule {
                rule.set_item("each", each.value())?;
            }
            d.set_item("rule", rule)?;
            Ok(d)
        }
        /// Where that pot comes from: `"stated"`, `"total_line"` or `"rows"`.
        #[getter]
        fn pot_source<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            json_loads(py, &self.0.pot_source)
        }
        /// Every row with its verdict (`"ok"`, `"differs"`, `"irregular_grouping"`,
        /// `"duplicate"`, `"unknown"`, `"not_compared"`), in input order.
        #[getter]
        fn rows<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            record_list(py, ROW_COLUMNS, rows(py, &self.0)?)
        }
        /// The rows' sum against the table's total line and the stated pot.
        #[getter]
        fn totals<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            let l = PyList::empty(py);
            for t in &self.0.totals {
                let d = PyDict::new(py);
                d.set_item("against", &t.against)?;
                d.set_item("line", t.line)?;
                d.set_item("stated", t.stated.value())?;
                d.set_item("rows_sum", t.rows_sum.value())?;
                d.set_item("diff", t.diff.value())?;
                d.set_item("tolerance", t.tolerance.value())?;
                d.set_item("adds_up", t.adds_up)?;
                d.set_item("explanation", &t.explanation)?;
                l.append(d)?;
            }
            let cols = ["against", "line", "stated", "rows_sum", "diff", "tolerance", "adds_up", "explanation"];
            record_list(py, &cols, l)
        }
        /// Every bundled key with every rounding, best first.
        #[getter]
        fn fits<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            let l = PyList::new(py, self.0.fits.iter().map(|f| fit(py, f)).collect::<PyResult<Vec<_>>>()?)?;
            let cols = ["key", "rounding", "exact", "rows_matching", "rows_compared", "total_abs_diff", "model_total"];
            record_list(py, &cols, l)
        }
        /// The population key implied by the table when no bundled key reproduces it, else
        /// `None`: `total`, `candidates`, `totals`, `searched`, `near`, `rounding` and
        /// `populations` (a `Table`: `code`, `name`, `population`, `bundled`).
        #[getter]
        fn implied<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
            let Some(k) = &self.0.implied else { return Ok(None) };
            let d = json_loads(py, k)?;
            d.set_item("populations", crate::objects::PyTable(k.table()))?;
            Ok(Some(d))
        }
        /// The outcome in brief: `rows`, `regions`, `missing`, `duplicates`, `unknown`,
        /// `irregular`, `differing`, `rows_sum`, `adds_up`, `best` (a fit or `None`), `exact`,
        /// `headline`.
        #[getter]
        fn summary<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            let s = &self.0.summary;
            let d = json_loads(py, s)?;
            d.set_item("rows_sum", s.rows_sum.value())?;
            d.set_item("best", s.best.as_ref().map(|f| fit(py, f)).transpose()?)?;
            Ok(d)
        }
        /// The reconciliation as JSON: the serde form of the core.
        ///
        /// Returns
        /// -------
        /// str
        ///     The JSON text (amounts as strings).
        fn to_json(&self) -> String {
            serde_json::to_string(&self.0).unwrap_or_default()
        }
        /// Reconcile again from the inputs (used by pickle): the table's name and text and the
        /// statement as JSON.
        #[staticmethod]
        fn _from_state(py: Python<'_>, name: String, text: String, statement: &str) -> PyResult<Self> {
            let statement = vardavtal::json::from_str(statement).or_raise(py)?;
            py.detach(|| run(Inputs { name, text, statement })).or_raise(py)
        }
        fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
            let i = &self.1;
            let statement = serde_json::to_string(&i.statement).unwrap_or_default();
            reduce(py.get_type::<Self>().getattr("_from_state")?, (&i.name, &i.text, statement))
        }
    }
}
