//! Python skin of vardavtal: the native module `vardavtal._vardavtal`.
//!
//! A thin skin: [`convert`] turns Python values into what core takes (through
//! [`vardavtal::input`]), [`objects`] and [`reconcile`] wrap core values in Python classes
//! that show themselves as core renders them, and [`error`] maps core errors to Python
//! exceptions. Every rule, computation, table and message is in the core crate.

use pyo3::prelude::*;
use pyo3::types::PyList;
use vardavtal::{Error, Finding, KeySpec, Loc, Options, Scenario, reference, view};

pub mod convert;
pub mod error;
pub mod objects;
pub mod reconcile;

use error::{OrRaise, py_err};
use objects::{PyAgreement, PyAllocation, PyCatalog, PyComparison, PyFindings, PyKey, PyRow};
use objects::{PyScenario, PySource, PyTable};

fn options(
    py: Python<'_>,
    outcomes: Option<&Bound<'_, PyAny>>,
    key: Option<&Bound<'_, PyAny>>,
    unit: &str,
    strict: bool,
) -> PyResult<Options> {
    Ok(Options {
        strict,
        unit: convert::unit(py, unit)?,
        key: convert::opt_key(py, key, &Loc::root().join("key"))?,
        outcomes: convert::outcomes(py, outcomes, &Loc::root().join("outcomes"))?
            .unwrap_or_default(),
        ..Options::default()
    })
}

/// Split `amount` by `key`, optionally giving `each` to every recipient first, in whole
/// `unit`s (`"krona"` or `"ore"`) by largest remainder.
///
/// `amount` and `each` are `Decimal`, `int` or `str` (`"443,4 miljoner kronor"`), never
/// `float`. `key` is a `Key`, a key spec (`"population:regions:2021-11-01"`), CSV text or a
/// CSV path (columns `code,weight`), or `{code: weight}`. Returns an `Allocation`; raises
/// `InputError` for what cannot be read and `AllocationError` for what cannot be split.
///
/// >>> str(split("443 miljoner kronor", key="code,weight\n01,2\n03,1\n")).splitlines()[0]
/// 'Allocation of 443 000 000 kr to 2 recipients (2 rows, unit krona)'
#[pyfunction]
#[pyo3(signature = (amount, key, each = None, unit = "krona"))]
fn split(
    py: Python<'_>,
    amount: &Bound<'_, PyAny>,
    key: &Bound<'_, PyAny>,
    each: Option<&Bound<'_, PyAny>>,
    unit: &str,
) -> PyResult<PyAllocation> {
    let pot = convert::money(py, amount, &Loc::root().join("amount"))?;
    let each = convert::opt_money(py, each, &Loc::root().join("each"))?;
    let key = convert::key(py, key, &Loc::root().join("key"))?;
    let unit = convert::unit(py, unit)?;
    py.detach(|| vardavtal::split(pot, &key, each, unit))
        .map(PyAllocation::from)
        .or_raise(py)
}

/// Split `amount` once per key, releasing the GIL while the core works. Results are in
/// the order of `keys`.
#[pyfunction]
#[pyo3(signature = (amount, keys, each = None, unit = "krona"))]
fn split_batch(
    py: Python<'_>,
    amount: &Bound<'_, PyAny>,
    keys: &Bound<'_, PyAny>,
    each: Option<&Bound<'_, PyAny>>,
    unit: &str,
) -> PyResult<Vec<PyAllocation>> {
    let pot = convert::money(py, amount, &Loc::root().join("amount"))?;
    let each = convert::opt_money(py, each, &Loc::root().join("each"))?;
    let unit = convert::unit(py, unit)?;
    let mut ks = Vec::new();
    for (i, k) in keys.try_iter()?.enumerate() {
        ks.push(convert::key(py, &k?, &Loc::root().join("keys").join(i))?);
    }
    let results = py.detach(|| {
        ks.iter()
            .map(|k| vardavtal::split(pot, k, each, unit))
            .collect()
    });
    let at: Vec<usize> = (0..ks.len()).collect();
    collect_batch(py, results, "keys", true, &at)?
        .into_iter()
        .map(|r| r.map_err(|e| py_err(py, &e)))
        .collect()
}

/// Gather batch results: every failure is reported (locations prefixed by
/// `[what, index]`), not only the first.
fn collect_batch(
    py: Python<'_>,
    results: Vec<vardavtal::Result<vardavtal::Allocation>>,
    what: &str,
    raise: bool,
    at: &[usize],
) -> PyResult<Vec<Result<PyAllocation, Error>>> {
    let mut failed: Vec<Finding> = Vec::new();
    let mut out = Vec::with_capacity(results.len());
    for (r, i) in results.into_iter().zip(at) {
        out.push(r.map(PyAllocation::from).map_err(|e| {
            let e = e.prefixed(&Loc::root().join(what).join(*i));
            if raise {
                failed.extend(e.findings().iter().cloned());
            }
            e
        }));
    }
    if !failed.is_empty() {
        return Err(py_err(py, &Error::from_findings(failed)));
    }
    Ok(out)
}

/// Allocate every component of an agreement, by tranche. `agreement` is an `Agreement`, a
/// dict, JSON text, a catalog id or a file path. What is not allocated, and a key chosen by
/// default, are in `notes` (`not_allocated`, `default_key`); with `strict=True` they raise
/// `AllocationError` instead.
#[pyfunction]
#[pyo3(signature = (agreement, outcomes = None, key = None, unit = "krona", strict = false))]
fn allocate(
    py: Python<'_>,
    agreement: &Bound<'_, PyAny>,
    outcomes: Option<&Bound<'_, PyAny>>,
    key: Option<&Bound<'_, PyAny>>,
    unit: &str,
    strict: bool,
) -> PyResult<PyAllocation> {
    let a = convert::agreement(py, agreement, &Loc::root())?;
    let opts = options(py, outcomes, key, unit, strict)?;
    py.detach(|| vardavtal::allocate(&a, &opts))
        .map(PyAllocation::from)
        .or_raise(py)
}

/// Allocate an agreement once per scenario (a `Scenario`, or a key), in one call that
/// releases the GIL. `errors="raise"` raises one exception naming every failed scenario;
/// `errors="return"` puts the exception in place of the allocation.
#[pyfunction]
#[pyo3(signature = (agreement, scenarios, outcomes = None, key = None, unit = "krona", errors = "raise"))]
fn allocate_batch<'py>(
    py: Python<'py>,
    agreement: &Bound<'py, PyAny>,
    scenarios: &Bound<'py, PyAny>,
    outcomes: Option<&Bound<'py, PyAny>>,
    key: Option<&Bound<'py, PyAny>>,
    unit: &str,
    errors: &str,
) -> PyResult<Bound<'py, PyList>> {
    let raise = match errors {
        "raise" => true,
        "return" => false,
        _ => {
            let msg = format!("errors must be \"raise\" or \"return\", not {errors:?}");
            let e = Error::new(
                vardavtal::Code::InvalidValue,
                Loc::root().join("errors"),
                msg,
            );
            return Err(py_err(py, &e));
        }
    };
    let a = convert::agreement(py, agreement, &Loc::root())?;
    let base = options(py, outcomes, key, unit, false)?;
    // Scenarios that cannot be read fail on their own: raised, or returned in their place.
    let (mut list, mut at, mut unread) = (Vec::new(), Vec::new(), Vec::new());
    for (i, s) in scenarios.try_iter()?.enumerate() {
        match scenario(py, &s?, i) {
            Ok(sc) => {
                list.push(sc);
                at.push(i);
            }
            Err(e) if raise => return Err(e),
            Err(e) => unread.push((i, e)),
        }
    }
    let results = py.detach(|| vardavtal::allocate_batch(&a, &base, &list));
    let mut slots = std::collections::BTreeMap::new();
    for (i, e) in unread {
        slots.insert(i, e.into_value(py).into_bound(py).into_any());
    }
    for (i, r) in at
        .iter()
        .zip(collect_batch(py, results, "scenarios", raise, &at)?)
    {
        let i = *i;
        let value = match r {
            Ok(x) => Bound::new(py, x)?.into_any(),
            Err(e) => py_err(py, &e).into_value(py).into_bound(py).into_any(),
        };
        slots.insert(i, value);
    }
    PyList::new(py, slots.into_values())
}

/// A scenario of a batch: a `Scenario`, or a key (read as `key=` is).
fn scenario(py: Python<'_>, s: &Bound<'_, PyAny>, i: usize) -> PyResult<Scenario> {
    Ok(match s.cast::<PyScenario>() {
        Ok(sc) => sc.get().0.clone(),
        Err(_) => Scenario {
            key: Some(convert::key(py, s, &Loc::root().join("scenarios").join(i))?),
            outcomes: None,
        },
    })
}

/// The explanation of every amount of an agreement's allocation (or one recipient's, by
/// code): the lines of `vardavtal explain`.
#[pyfunction]
#[pyo3(signature = (agreement, outcomes = None, key = None, unit = "krona", recipient = None, lang = None))]
fn explain(
    py: Python<'_>,
    agreement: &Bound<'_, PyAny>,
    outcomes: Option<&Bound<'_, PyAny>>,
    key: Option<&Bound<'_, PyAny>>,
    unit: &str,
    recipient: Option<&str>,
    lang: Option<&str>,
) -> PyResult<Vec<String>> {
    let a = convert::agreement(py, agreement, &Loc::root())?;
    let opts = options(py, outcomes, key, unit, false)?;
    let alloc = vardavtal::allocate(&a, &opts).or_raise(py)?;
    convert::in_lang(lang, || alloc.explanations(recipient))
}

/// Sets the language of messages, explanations and headers for the whole process: ``"sv"``
/// (svenska) or ``"en"`` (English, the default). Codes, locations and context are the same
/// in both.
///
/// Parameters
/// ----------
/// lang : str
///     ``"sv"`` or ``"en"``.
///
/// Raises
/// ------
/// InputError
///     ``invalid_value`` for any other language.
///
/// Examples
/// --------
/// >>> vardavtal.set_lang("sv")
/// >>> vardavtal.get_lang()
/// 'sv'
/// >>> vardavtal.set_lang("en")
#[pyfunction]
fn set_lang(py: Python<'_>, lang: &str) -> PyResult<()> {
    vardavtal::message::set_lang(lang.parse().or_raise(py)?);
    Ok(())
}

/// The language of messages, explanations and headers: ``"sv"`` or ``"en"``.
#[pyfunction]
fn get_lang() -> &'static str {
    vardavtal::message::Lang::current().as_str()
}

/// The per-recipient difference between two allocations (`b − a`).
#[pyfunction]
fn compare(a: &PyAllocation, b: &PyAllocation) -> PyComparison {
    PyComparison(vardavtal::compare(&a.0, &b.0))
}

/// Validate an agreement, a list of agreements (with the links between them), or the
/// bundled catalog (`None`, the default, or a `Catalog`). Returns every finding.
#[pyfunction]
#[pyo3(signature = (target = None))]
fn validate(py: Python<'_>, target: Option<&Bound<'_, PyAny>>) -> PyResult<PyFindings> {
    let Some(t) = target.filter(|t| !t.is_none() && !t.is_instance_of::<PyCatalog>()) else {
        return Ok(PyFindings(py.detach(vardavtal::validate::validate_catalog)));
    };
    if t.is_instance_of::<PyList>() || t.is_instance_of::<pyo3::types::PyTuple>() {
        let mut all = Vec::new();
        for (i, x) in t.try_iter()?.enumerate() {
            all.push(convert::agreement(py, &x?, &Loc::root().join(i))?);
        }
        return Ok(PyFindings(
            py.detach(|| vardavtal::validate::validate_all(&all)),
        ));
    }
    let a = convert::agreement(py, t, &Loc::root())?;
    Ok(PyFindings(vardavtal::validate::validate(&a)))
}

/// The bundled catalog of real agreements.
#[pyfunction]
fn catalog(py: Python<'_>) -> PyResult<PyCatalog> {
    vardavtal::catalog::catalog().map(PyCatalog).or_raise(py)
}

/// The catalog source with this id, with its full text (`InputError` `unknown_source`,
/// with the closest ids, when there is none).
#[pyfunction]
fn source(py: Python<'_>, id: &str) -> PyResult<PySource> {
    catalog(py)?.0.find_source(id).map(PySource).or_raise(py)
}

/// A distribution key, resolved (see `Key`).
#[pyfunction]
fn key(py: Python<'_>, spec: &Bound<'_, PyAny>) -> PyResult<PyKey> {
    convert::key(py, spec, &Loc::root().join("key")).map(PyKey)
}

/// An amount given by a person, exactly: `"443400000"`, `"443,4 miljoner kronor"`,
/// `Decimal`, `int`. Hedged figures (`"ca 11 miljarder"`) and floats are refused.
#[pyfunction]
fn parse_amount(py: Python<'_>, amount: &Bound<'_, PyAny>) -> PyResult<rust_decimal::Decimal> {
    convert::money(py, amount, &Loc::root().join("amount")).map(|s| s.value())
}

/// The 21 regions: `code`, `name`, `county`.
#[pyfunction]
fn regions() -> PyTable {
    PyTable(view::regions())
}

/// The 290 municipalities: `code`, `name`, `region`.
#[pyfunction]
fn municipalities() -> PyTable {
    PyTable(view::municipalities())
}

/// The reference dates with population figures (`"regions"` or `"municipalities"`), oldest first.
#[pyfunction]
#[pyo3(signature = (level = "regions"))]
fn population_dates(py: Python<'_>, level: &str) -> PyResult<Vec<chrono::NaiveDate>> {
    Ok(reference::population_dates(
        vardavtal::input::level(level).or_raise(py)?,
    ))
}

/// The population at a reference date (`datetime.date` or `"YYYY-MM-DD"`): `code`,
/// `name`, `population`, `source`. `AllocationError` `no_population_data` (with the dates
/// that have data) when there is none for the date.
#[pyfunction]
#[pyo3(signature = (date, level = "regions"))]
fn population(py: Python<'_>, date: &Bound<'_, PyAny>, level: &str) -> PyResult<PyTable> {
    let level = vardavtal::input::level(level).or_raise(py)?;
    let date = convert::date(py, date, &Loc::root().join("date"))?;
    KeySpec::Population { level, date }.resolve().or_raise(py)?;
    Ok(PyTable(view::population(level, date)))
}

/// The native module `vardavtal._vardavtal`.
#[pymodule]
fn _vardavtal(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<PyAgreement>()?;
    m.add_class::<PyAllocation>()?;
    m.add_class::<PyRow>()?;
    m.add_class::<PyKey>()?;
    m.add_class::<PyScenario>()?;
    m.add_class::<PyComparison>()?;
    m.add_class::<PyFindings>()?;
    m.add_class::<PyCatalog>()?;
    m.add_class::<PySource>()?;
    m.add_class::<PyTable>()?;
    m.add_class::<reconcile::PyReconciliation>()?;
    m.add_function(wrap_pyfunction!(split, m)?)?;
    m.add_function(wrap_pyfunction!(split_batch, m)?)?;
    m.add_function(wrap_pyfunction!(allocate, m)?)?;
    m.add_function(wrap_pyfunction!(allocate_batch, m)?)?;
    m.add_function(wrap_pyfunction!(explain, m)?)?;
    m.add_function(wrap_pyfunction!(set_lang, m)?)?;
    m.add_function(wrap_pyfunction!(get_lang, m)?)?;
    m.add_function(wrap_pyfunction!(compare, m)?)?;
    m.add_function(wrap_pyfunction!(validate, m)?)?;
    m.add_function(wrap_pyfunction!(catalog, m)?)?;
    m.add_function(wrap_pyfunction!(source, m)?)?;
    m.add_function(wrap_pyfunction!(key, m)?)?;
    m.add_function(wrap_pyfunction!(parse_amount, m)?)?;
    m.add_function(wrap_pyfunction!(regions, m)?)?;
    m.add_function(wrap_pyfunction!(municipalities, m)?)?;
    m.add_function(wrap_pyfunction!(population_dates, m)?)?;
    m.add_function(wrap_pyfunction!(population, m)?)?;
    m.add_function(wrap_pyfunction!(reconcile::reconcile, m)?)?;
    Ok(())
}
