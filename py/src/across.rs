//! `vardavtal.recipient`, `vardavtal.year` and `Catalog.allocate`: the questions across
//! agreements and years. Core computes the views and renders their tables; this module
//! converts the arguments and the views' parts (amounts as `decimal.Decimal`, marks, parts
//! and payers as their snake_case names, findings as dicts).

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};
use vardavtal::Sek;
use vardavtal::across::{Open, RecipientView, YearView};
use vardavtal::catalog::Catalog;
use vardavtal::reference::Level;

use crate::error::{OrRaise, finding_dict};
use crate::objects::{Shape, decimal, record_list, reduce, skin};

impl Shape for RecipientView {}
impl Shape for YearView {}

/// The columns of `RecipientView.lines`.
const LINE_COLUMNS: &[&str] = &[
    "agreement",
    "component",
    "tranche",
    "date",
    "when",
    "part",
    "amount",
    "pot",
    "share",
    "rank",
    "recipients",
    "key",
    "population",
    "per_capita",
    "marks",
];

/// The columns of `open`.
const OPEN_COLUMNS: &[&str] = &["agreement", "component", "amount", "why"];

/// The columns of `YearView.agreements`.
const AGREEMENT_COLUMNS: &[&str] = &[
    "id",
    "title",
    "amount",
    "allocated",
    "not_allocated",
    "cofunding",
    "marks",
];

fn opt_decimal<'py>(py: Python<'py>, s: Option<Sek>) -> PyResult<Bound<'py, PyAny>> {
    match s {
        Some(s) => decimal(py, s.value()),
        None => Ok(py.None().into_bound(py)),
    }
}

fn level_name(level: Option<Level>) -> Option<&'static str> {
    level.map(Level::as_str)
}

/// Money that cannot be computed yet, as `vardavtal.Records` of dicts.
pub(crate) fn open_records<'py>(py: Python<'py>, open: &[Open]) -> PyResult<Bound<'py, PyAny>> {
    let l = PyList::empty(py);
    for o in open {
        let d = PyDict::new(py);
        d.set_item("agreement", &o.agreement)?;
        d.set_item("component", o.component.as_deref())?;
        d.set_item("amount", opt_decimal(py, o.amount)?)?;
        d.set_item("why", finding_dict(py, &o.why)?)?;
        l.append(d)?;
    }
    record_list(py, OPEN_COLUMNS, l)
}

/// What one recipient gets from every agreement of the catalog, or of one year.
///
/// Every component whose rule can run is allocated on its own (as ``allocate`` does, with
/// the default options); the recipient's amounts are its lines, placed among the other
/// recipients of the same pot (share, rank) and, for a population key, per invånare by the
/// key's own population. Money of those agreements that cannot be computed yet (performance
/// outcomes not given, a rule not published) is listed in ``open`` with why; proposed,
/// pending and conditional money is marked.
///
/// Parameters
/// ----------
/// code : str
///     The recipient code: a region (``"12"``), a municipality (``"1280"``) or ``"SKR"``.
/// year : int or None
///     Only the agreements whose money may be used in that year; ``None`` (the default)
///     takes every agreement of the catalog.
///
/// Returns
/// -------
/// RecipientView
///     Its ``lines`` (one per amount), ``total`` (their sum) and ``open``; ``str()`` is the
///     text ``vardavtal recipient CODE --year YEAR`` prints, ``to_pandas()`` one row per
///     amount.
///
/// Raises
/// ------
/// AllocationError
///     ``unknown_recipient`` (at ``["recipient"]``) for a code that is not a region, a
///     municipality or SKR.
///
/// Examples
/// --------
/// >>> v = vardavtal.recipient("12", year=2022)
/// >>> v.name
/// 'Region Skåne'
/// >>> block2 = [l for l in v.lines if l["component"] == "block-2"][0]
/// >>> block2["amount"], block2["rank"], block2["recipients"]
/// (Decimal('59429771'), 3, 21)
/// >>> v.total == sum(l["amount"] for l in v.lines)
/// True
/// >>> vardavtal.recipient("99")
/// Traceback (most recent call last):
///     ...
/// vardavtal.AllocationError: ...
#[pyfunction]
#[pyo3(signature = (code, year = None))]
pub fn recipient(py: Python<'_>, code: &str, year: Option<i32>) -> PyResult<PyRecipientView> {
    let cat = vardavtal::catalog::catalog();
    let who = vardavtal::input::recipient(code);
    py.detach(|| vardavtal::across::recipient(cat, &who, year))
        .map(PyRecipientView)
        .or_raise(py)
}

/// The year view of `cat`: the level read, the view computed without the GIL.
pub fn year_of(
    py: Python<'_>,
    cat: &Catalog,
    year: i32,
    level: Option<&str>,
) -> PyResult<PyYearView> {
    let level = level
        .map(vardavtal::input::level)
        .transpose()
        .or_raise(py)?;
    Ok(PyYearView(
        py.detach(|| vardavtal::across::year(cat, year, level)),
    ))
}

/// What every recipient gets of every agreement of one year: recipients × agreements.
///
/// Every component of the agreements usable in the year whose rule can run is allocated on
/// its own; each column sums exactly to what is allocated of its agreement (``allocated``),
/// and ``not_allocated`` is the stated amount less that. Co-funding by others than the state
/// is kept apart; what cannot be computed, and rows paid in another year, are in ``open``.
///
/// Parameters
/// ----------
/// year : int
///     The year (``2022``).
/// level : {"regions", "municipalities"} or None
///     ``"regions"`` sums municipalities' money to their region; ``None`` (the default) or
///     ``"municipalities"`` keeps every recipient as paid.
///
/// Returns
/// -------
/// YearView
///     ``agreements``, ``recipients``, ``amounts`` (``amounts[r][a]``) and ``total``;
///     ``str()`` is the text ``vardavtal year YEAR`` prints, ``to_pandas()`` the recipients ×
///     agreements table (``code``, ``name``, one column per agreement that allocates
///     something, ``total``).
///
/// Raises
/// ------
/// InputError
///     ``invalid_value`` (at ``["level"]``) for any other level.
///
/// Examples
/// --------
/// >>> y = vardavtal.year(2022)
/// >>> a = [x["id"] for x in y.agreements].index("okad-tillganglighet-2022")
/// >>> sum(row[a] for row in y.amounts)  # block 2 and SKR's 11 000 000 kr
/// Decimal('454000000')
/// >>> y.total == sum(x["allocated"] for x in y.agreements)
/// True
/// >>> y.to_text(lang="sv").splitlines()[0]  # doctest: +ELLIPSIS
/// 'Fördelat 2022: ...'
#[pyfunction]
#[pyo3(signature = (year, level = None))]
pub fn year(py: Python<'_>, year: i32, level: Option<&str>) -> PyResult<PyYearView> {
    let cat = vardavtal::catalog::catalog();
    year_of(py, cat, year, level)
}

// ------------------------------------------------------------------ RecipientView

/// One recipient across agreements: what it gets from each, and what is still open. Made by
/// ``vardavtal.recipient``.
///
/// ``str()`` is the text the CLI prints (``vardavtal recipient 12 --year 2022``);
/// ``to_records()``, ``to_csv()`` and ``to_pandas()`` have one row per amount (``agreement``,
/// ``component``, ``tranche``, ``date``, ``amount``, ``pot``, ``share``, ``rank``,
/// ``recipients``, ``key``, ``population``, ``per_capita``, ``marks``); ``len()`` is the number
/// of amounts. Pickles by computing the view again.
///
/// Examples
/// --------
/// >>> v = vardavtal.recipient("12", year=2022)
/// >>> v.recipient, v.year
/// ('12', 2022)
/// >>> str(v).splitlines()[0]  # doctest: +ELLIPSIS
/// 'Region Skåne (12) 2022: ... kr in all'
#[pyclass(name = "RecipientView", module = "vardavtal", frozen)]
pub struct PyRecipientView(pub RecipientView);

skin! {
    PyRecipientView |s|
    view s.0;
    len s.0.lines.len();
    get {
        /// The recipient code (`"12"`).
        recipient -> &str = s.0.recipient.as_str();
        /// Its name (`"Region Skåne"`).
        name -> &str = &s.0.name;
        /// The year asked for, or `None` for every year.
        year -> Option<i32> = s.0.year;
    }
    {
        /// The sum of the lines.
        ///
        /// Returns
        /// -------
        /// Decimal
        ///     In kronor.
        #[getter]
        fn total<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            decimal(py, self.0.total.value())
        }
        /// Every amount the recipient gets, by agreement in the catalog's order.
        ///
        /// Returns
        /// -------
        /// Records
        ///     One dict per amount: ``agreement``, ``component``, ``tranche``, ``date`` (the first
        ///     day it can be paid, a ``datetime.date``) and ``when`` (as the source gives it:
        ///     ``"2022-06-15"`` or ``"2022-06"``), ``part`` (``"share"``, ``"fixed"``, …),
        ///     ``amount`` and ``pot`` (``Decimal``), ``share`` (of the pot, in per cent, a
        ///     ``Decimal``), ``rank`` (1 = the most) among ``recipients``, ``key``,
        ///     ``population`` and ``per_capita`` (kr per invånare, for a population key, else
        ///     ``None``) and ``marks`` (``"proposed"``, ``"pending"``, ``"conditional"``).
        #[getter]
        fn lines<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            let l = PyList::empty(py);
            for x in &self.0.lines {
                let d = PyDict::new(py);
                d.set_item("agreement", &x.agreement)?;
                d.set_item("component", &x.component)?;
                d.set_item("tranche", x.tranche.as_deref())?;
                d.set_item("date", x.date.map(vardavtal::agreement::When::first_day))?;
                d.set_item("when", x.date.map(|w| w.to_string()))?;
                d.set_item("part", x.part.as_str())?;
                d.set_item("amount", decimal(py, x.amount.value())?)?;
                d.set_item("pot", decimal(py, x.pot.value())?)?;
                d.set_item("share", x.share)?;
                d.set_item("rank", x.rank)?;
                d.set_item("recipients", x.recipients)?;
                d.set_item("key", &x.key)?;
                d.set_item("population", x.population)?;
                d.set_item("per_capita", opt_decimal(py, x.per_capita)?)?;
                d.set_item("marks", x.marks.iter().map(|m| m.as_str()).collect::<Vec<_>>())?;
                l.append(d)?;
            }
            record_list(py, LINE_COLUMNS, l)
        }
        /// Money of those agreements that the recipient may get but that cannot be computed
        /// yet.
        ///
        /// Returns
        /// -------
        /// Records
        ///     One dict per open amount: ``agreement``, ``component`` (``None`` for the whole
        ///     agreement), ``amount`` (``Decimal`` when stated, else ``None``) and ``why`` (the
        ///     finding, a dict with ``code``, ``severity``, ``loc``, ``msg``, ``ctx``).
        #[getter]
        fn open<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            open_records(py, &self.0.open)
        }
        /// The view as JSON: the serde form of the core.
        ///
        /// Returns
        /// -------
        /// str
        ///     The JSON text (amounts as strings).
        fn to_json(&self) -> String {
            serde_json::to_string(&self.0).unwrap_or_default()
        }
        fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
            let f = py.import("vardavtal")?.getattr("recipient")?;
            reduce(f, (self.0.recipient.as_str(), self.0.year))
        }
    }
}

// ------------------------------------------------------------------ YearView

/// Every recipient × every agreement of one year. Made by ``vardavtal.year`` and
/// ``Catalog.allocate``.
///
/// ``str()`` is the text the CLI prints (``vardavtal year 2022``); ``to_records()``,
/// ``to_csv()`` and ``to_pandas()`` have one row per recipient (``code``, ``name``, one column
/// per agreement that allocates something, ``total``); ``len()`` is the number of recipients.
/// Pickles by computing the view again.
///
/// Examples
/// --------
/// >>> y = vardavtal.year(2022, level="regions")
/// >>> y.level, y.recipients[0]
/// ('regions', ('01', 'Region Stockholm'))
/// >>> y.to_pandas().columns[:2].tolist()
/// ['code', 'name']
#[pyclass(name = "YearView", module = "vardavtal", frozen)]
pub struct PyYearView(pub YearView);

skin! {
    PyYearView |s|
    view s.0;
    len s.0.recipients.len();
    get {
        /// The year.
        year -> i32 = s.0.year;
        /// `"regions"` when municipalities are summed to their region, else `None`.
        level -> Option<&str> = level_name(s.0.level);
        /// The recipients in code order, as `(code, name)`: the rows of `amounts`.
        recipients -> Vec<(String, String)> =
            s.0.recipients.iter().map(|(r, n)| (r.to_string(), n.clone())).collect();
    }
    {
        /// What is allocated in the year: the sum of every agreement's ``allocated``.
        ///
        /// Returns
        /// -------
        /// Decimal
        ///     In kronor.
        #[getter]
        fn total<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            decimal(py, self.0.total().value())
        }
        /// The agreements usable in the year, in the catalog's order: the columns of
        /// ``amounts``.
        ///
        /// Returns
        /// -------
        /// Records
        ///     One dict per agreement: ``id``, ``title``, ``amount`` (as stated, ``Decimal`` or
        ///     ``None``), ``allocated`` (the sum of its column), ``not_allocated`` (``amount``
        ///     less ``allocated``, or ``None``), ``cofunding`` (a list of ``{"payer", "amount"}``
        ///     for money of others than the state) and ``marks``.
        #[getter]
        fn agreements<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            let l = PyList::empty(py);
            for a in &self.0.agreements {
                let d = PyDict::new(py);
                d.set_item("id", &a.id)?;
                d.set_item("title", &a.title)?;
                d.set_item("amount", opt_decimal(py, a.amount)?)?;
                d.set_item("allocated", decimal(py, a.allocated.value())?)?;
                d.set_item("not_allocated", opt_decimal(py, a.not_allocated)?)?;
                let cofunding = PyList::empty(py);
                for (payer, amount) in &a.cofunding {
                    let c = PyDict::new(py);
                    c.set_item("payer", payer.as_str())?;
                    c.set_item("amount", opt_decimal(py, *amount)?)?;
                    cofunding.append(c)?;
                }
                d.set_item("cofunding", cofunding)?;
                d.set_item("marks", a.marks.iter().map(|m| m.as_str()).collect::<Vec<_>>())?;
                l.append(d)?;
            }
            record_list(py, AGREEMENT_COLUMNS, l)
        }
        /// ``amounts[r][a]``: what recipient ``recipients[r]`` gets of agreement
        /// ``agreements[a]`` in the year.
        ///
        /// Returns
        /// -------
        /// list of list of Decimal
        ///     One list per recipient, one amount per agreement (``Decimal('0')`` where it gets
        ///     nothing).
        #[getter]
        fn amounts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
            let rows = PyList::empty(py);
            for r in &self.0.amounts {
                let row = PyList::empty(py);
                for x in r {
                    row.append(decimal(py, x.value())?)?;
                }
                rows.append(row)?;
            }
            Ok(rows)
        }
        /// Money that cannot be computed, and rows paid outside the year (or undated in an
        /// agreement of several years).
        ///
        /// Returns
        /// -------
        /// Records
        ///     One dict per item: ``agreement``, ``component``, ``amount`` (``Decimal`` or
        ///     ``None``) and ``why`` (the finding as a dict).
        #[getter]
        fn open<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            open_records(py, &self.0.open)
        }
        /// The view as JSON: the serde form of the core.
        ///
        /// Returns
        /// -------
        /// str
        ///     The JSON text (amounts as strings).
        fn to_json(&self) -> String {
            serde_json::to_string(&self.0).unwrap_or_default()
        }
        fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
            let f = py.import("vardavtal")?.getattr("year")?;
            reduce(f, (self.0.year, level_name(self.0.level)))
        }
    }
}
