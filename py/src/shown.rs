//! `vardavtal.shown`: what can be shown of an agreement now, as the page shows it. Core
//! computes everything ([`vardavtal::allocation::shown`]): the allocation of every pot that
//! can be allocated, what is missing with why and what a user could supply, the outcome
//! inputs per measure, the coverage and kr per invånare. This module converts the arguments
//! and the result's parts (amounts as `decimal.Decimal`, findings as the dicts of
//! `Findings`, in the language of `set_lang`; names of kinds as core serialises them).

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};
use vardavtal::allocation::{MeasureInput, Missing, PerCapita, Shown};
use vardavtal::{Agreement, Key, Loc, Options};

use crate::error::{OrRaise, finding_dict};
use crate::objects::{PyAgreement, PyAllocation, PyKey, decimal, json_loads, record_list};
use crate::objects::{Shape, reduce, skin};

/// The columns of `Shown.open`.
const OPEN_COLUMNS: &[&str] = &["component", "name", "amount", "why", "supply", "hint"];

/// The columns of the rows of `Shown.per_capita`.
const PER_CAPITA_COLUMNS: &[&str] = &["recipient", "total", "population", "per_capita"];

/// What can be shown of an agreement now, and what it needs for the rest: the allocation of
/// every pot that can be allocated with the inputs given; for everything else why not and
/// what could be supplied (outcomes of named measures, a key of one's own, or nothing); the
/// outcome inputs per measure that the performance criteria read; kr per invånare.
///
/// Nothing stays hidden behind the first error: what ``allocate`` would raise for is listed
/// in ``open`` with why. Nothing is invented either: money split by the key given in
/// `assume` is marked by a ``supplied_key`` note. The same as the web page's ``shown``.
///
/// Parameters
/// ----------
/// agreement : Agreement, dict, str or os.PathLike
///     An ``Agreement``, a dict in the agreement file format, JSON text, a catalog id
///     (``"komiljard-2019"``) or an agreement file as a ``pathlib.Path`` (a ``str`` is
///     never read as a path).
/// outcomes : dict, str, os.PathLike or None
///     The performance outcomes, ``{measure: {code: {"value", "previous", "met"}}}``, JSON
///     text or a file as a ``pathlib.Path``: the components they complete are allocated.
/// key : Key, str, os.PathLike, dict or None
///     The key for components without a key of their own, as in ``allocate``.
/// unit : {"krona", "ore"}
///     The rounding unit: whole kronor (the default) or öre.
/// strict : bool
///     As in ``allocate``: money not allocated and keys chosen by default are errors; here
///     they are listed in ``open`` instead of being noted.
/// assume : Key, str, os.PathLike, dict or None
///     A key for money whose split the sources do not give (a component with an amount and
///     no rule, or a rule not published): it is split by this key and marked
///     ``supplied_key``. Not a what-if of the other components: they keep their own keys.
///
/// Returns
/// -------
/// Shown
///     ``allocation`` (an ``Allocation``), ``open`` (what is missing), ``measures`` (the
///     outcome inputs), ``coverage`` (``"all"``, ``"part"`` or ``"nothing"``) and
///     ``per_capita``.
///
/// Raises
/// ------
/// InputError
///     An agreement, outcomes or key that cannot be read, as in ``allocate`` (``syntax``,
///     ``unknown_field``, ``invalid_value``, ``invalid_amount``, ``unknown_agreement``,
///     ``io``, …), located at the argument (``["key"]``, ``["outcomes", …]``,
///     ``["assume"]``).
/// AllocationError
///     A key that cannot be resolved (``no_population_data``, ``unknown_recipient``), as in
///     ``allocate``. What cannot be allocated is not raised: it is in ``open``.
///
/// Examples
/// --------
/// >>> s = vardavtal.shown("komiljard-2019")
/// >>> s.coverage, s.allocation.total  # the part by population
/// ('part', Decimal('320000000'))
/// >>> o = s.open[0]
/// >>> o["component"], o["supply"]["type"], o["supply"]["measures"]
/// ('prestation', 'outcomes', ['wait60', 'wait90'])
/// >>> [(m["measure"], m["fields"]) for m in s.measures]
/// [('wait60', ['value']), ('wait90', ['value', 'previous'])]
/// >>> s = vardavtal.shown(
/// ...     "okad-tillganglighet-2022", assume="population:regions:2023-11-01"
/// ... )
/// >>> s.allocation.total  # block 2, SKR's 11 000 000 kr and block 1 by the supplied key
/// Decimal('2966600000')
/// >>> [n["code"] for n in s.allocation.notes if n["code"] == "supplied_key"]
/// ['supplied_key']
#[pyfunction]
#[pyo3(signature = (agreement, *, outcomes = None, key = None, unit = "krona", strict = false,
                    assume = None))]
pub fn shown(
    py: Python<'_>,
    agreement: &Bound<'_, PyAny>,
    outcomes: Option<&Bound<'_, PyAny>>,
    key: Option<&Bound<'_, PyAny>>,
    unit: &str,
    strict: bool,
    assume: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyShown> {
    let a = crate::convert::agreement(py, agreement, &Loc::root())?;
    let opts = crate::options(py, outcomes, key, unit, strict)?;
    let assume = crate::convert::opt_key(py, assume, &Loc::root().join("assume"))?;
    let s = py
        .detach(|| vardavtal::allocation::shown(&a, &opts, assume.as_ref()))
        .or_raise(py)?;
    Ok(PyShown(
        s,
        Inputs {
            agreement: a,
            opts,
            assume,
        },
    ))
}

/// A missing piece of money as a dict: amounts as `Decimal`, findings as dicts (messages in
/// the current language), what could be supplied in core's serde form.
fn missing<'py>(py: Python<'py>, m: &Missing) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("component", m.component.as_deref())?;
    d.set_item("name", &m.name)?;
    let amount = match m.amount {
        Some(a) => decimal(py, a.value())?,
        None => py.None().into_bound(py),
    };
    d.set_item("amount", amount)?;
    let why = PyList::empty(py);
    for f in &m.why {
        why.append(finding_dict(py, f)?)?;
    }
    d.set_item("why", why)?;
    d.set_item("supply", json_loads(py, &m.supply)?)?;
    d.set_item("hint", finding_dict(py, &m.hint)?)?;
    Ok(d)
}

/// The outcome inputs of one measure as a dict: recipients as `(code, name)`.
fn measure<'py>(py: Python<'py>, m: &MeasureInput) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("measure", &m.measure)?;
    d.set_item("fields", json_loads(py, &m.fields)?)?;
    let who: Vec<(&str, &str)> = m
        .recipients
        .iter()
        .map(|(r, n)| (r.as_str(), n.as_str()))
        .collect();
    d.set_item("recipients", who)?;
    d.set_item("criteria", json_loads(py, &m.criteria)?)?;
    Ok(d)
}

/// Kr per invånare as a dict: its `key` and its `rows` (`Records`, amounts as `Decimal`).
fn per_capita<'py>(py: Python<'py>, p: &PerCapita) -> PyResult<Bound<'py, PyDict>> {
    let rows = PyList::empty(py);
    for r in &p.rows {
        let x = PyDict::new(py);
        x.set_item("recipient", r.recipient.as_str())?;
        x.set_item("total", decimal(py, r.total.value())?)?;
        x.set_item("population", r.population)?;
        x.set_item("per_capita", decimal(py, r.per_capita.value())?)?;
        rows.append(x)?;
    }
    let d = PyDict::new(py);
    d.set_item("key", &p.key)?;
    d.set_item("rows", record_list(py, PER_CAPITA_COLUMNS, rows)?)?;
    Ok(d)
}

// ------------------------------------------------------------------ Shown

/// What `shown` was asked: kept for pickling, which asks again.
pub struct Inputs {
    agreement: Agreement,
    opts: Options,
    assume: Option<Key>,
}

/// What can be shown of an agreement now, and what it needs for the rest. Made by
/// ``vardavtal.shown``.
///
/// ``allocation`` is an ``Allocation`` of every pot that can be allocated (its notes say
/// what is not, and mark money split by a supplied key); ``open`` lists the rest with why
/// and what could be supplied; ``measures`` are the outcome inputs the criteria read.
/// Messages in ``open`` follow ``vardavtal.set_lang`` when read. ``to_json()`` is the
/// core's JSON form (the web page's ``ShownResult``). Pickles by computing it again.
///
/// Examples
/// --------
/// >>> s = vardavtal.shown("sektorsbidrag-2024")
/// >>> s.agreement, s.coverage, s.open
/// ('sektorsbidrag-2024', 'all', [])
/// >>> s.allocation.total == sum(s.allocation.amounts)
/// True
#[pyclass(name = "Shown", module = "vardavtal", frozen)]
pub struct PyShown(pub Shown, Inputs);

impl Shape for Shown {}

skin! {
    PyShown |s|
    view s.0;
    get {
        /// The agreement id.
        agreement -> &str = &s.0.agreement;
        /// How much of the agreement is shown: `"all"`, `"part"` or `"nothing"`.
        coverage -> &str = s.0.coverage().as_str();
    }
    {
        /// The allocation of every pot that can be allocated with the inputs given.
        ///
        /// Returns
        /// -------
        /// Allocation
        ///     Its notes say what is not allocated (``not_allocated``, ``component_cannot_run``)
        ///     and mark money split by the key of `assume` (``supplied_key``).
        #[getter]
        fn allocation(&self) -> PyAllocation {
            PyAllocation::from(self.0.allocation.clone())
        }
        /// What is not shown, why, and what could be supplied.
        ///
        /// Returns
        /// -------
        /// Records
        ///     One dict per piece of money: ``component`` (``None`` for the agreement as a
        ///     whole), ``name``, ``amount`` (``Decimal`` or ``None``), ``why`` (findings as
        ///     dicts), ``supply`` (``{"type": "outcomes", "measures", "recipients"}``,
        ///     ``{"type": "key"}`` or ``{"type": "nothing"}``) and ``hint`` (the same in a
        ///     sentence, a finding of code ``supply``); messages in the language of
        ///     ``vardavtal.set_lang``.
        #[getter]
        fn open<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            let l = PyList::empty(py);
            for m in &self.0.open {
                l.append(missing(py, m)?)?;
            }
            record_list(py, OPEN_COLUMNS, l)
        }
        /// The outcome inputs the performance criteria read, one per measure.
        ///
        /// Returns
        /// -------
        /// list of dict
        ///     ``measure`` (the key of outcome files, ``"wait60"``), ``fields`` (of
        ///     ``"value"``, ``"previous"``, ``"met"``), ``recipients`` (``(code, name)``) and
        ///     ``criteria`` (``component``, ``criterion``, ``name``, ``test``: the test in
        ///     words, in the language set when ``shown`` was called).
        #[getter]
        fn measures<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
            let l = PyList::empty(py);
            for m in &self.0.measures {
                l.append(measure(py, m)?)?;
            }
            Ok(l)
        }
        /// Kr per invånare of every recipient's total, or ``None``.
        ///
        /// Returns
        /// -------
        /// dict or None
        ///     ``key`` (the population used, ``"population:regions:2017-12-31"``) and
        ///     ``rows`` (``Records``: ``recipient``, ``total``, ``population``,
        ///     ``per_capita``, amounts as ``Decimal``); ``None`` when nothing is allocated or
        ///     no bundled population fits.
        #[getter]
        fn per_capita<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDict>>> {
            self.0.per_capita.as_ref().map(|p| per_capita(py, p)).transpose()
        }
        /// The result as JSON: the core's serde form (amounts as strings, messages in
        /// English), as the web page's ``ShownResult`` has it.
        ///
        /// Returns
        /// -------
        /// str
        ///     The JSON text.
        fn to_json(&self) -> String {
            serde_json::to_string(&self.0).unwrap_or_default()
        }
        fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
            let f = py.import("vardavtal")?.getattr("shown")?;
            let i = &self.1;
            let kw = PyDict::new(py);
            let outcomes = if i.opts.outcomes.is_empty() {
                None
            } else {
                Some(json_loads(py, &i.opts.outcomes)?)
            };
            kw.set_item("outcomes", outcomes)?;
            kw.set_item("key", i.opts.key.clone().map(PyKey))?;
            kw.set_item("unit", i.opts.unit.as_str())?;
            kw.set_item("strict", i.opts.strict)?;
            kw.set_item("assume", i.assume.clone().map(PyKey))?;
            let partial = py.import("functools")?.getattr("partial")?;
            reduce(partial.call((f,), Some(&kw))?, (PyAgreement(i.agreement.clone()),))
        }
    }
}
