//! Python skin of vardavtal: the native module `vardavtal._vardavtal`.
//!
//! A thin skin: it converts Python values to core types and back ([`convert`], [`objects`])
//! and maps core errors to Python exceptions ([`error`]); [`reconcile`] checks published
//! tables. Every rule and computation is in
//! the core crate. The Python package around it (`py/python/vardavtal`) adds the exception
//! classes and table layout.

use pyo3::prelude::*;
use pyo3::types::PyList;
use vardavtal::reference;
use vardavtal::{Error, Finding, Loc, Options, Scenario, Sek};

pub mod convert;
pub mod error;
pub mod objects;
pub mod reconcile;
pub mod view;

use error::{OrRaise, py_err};
use objects::{
    PyAgreement, PyAllocation, PyCatalog, PyComparison, PyFindings, PyKey, PyRow, PyScenario,
    PySource,
};

fn options(
    py: Python<'_>,
    outcomes: Option<&Bound<'_, PyAny>>,
    key: Option<&Bound<'_, PyAny>>,
    unit: &str,
) -> PyResult<Options> {
    Ok(Options {
        unit: convert::unit(py, unit)?,
        key: convert::opt_key(py, key, &Loc::root().join("key"))?,
        outcomes: convert::outcomes(py, outcomes, &Loc::root().join("outcomes"))?
            .unwrap_or_default(),
        ..Options::default()
    })
}

/// Split `amount` by `key`, optionally giving `each` to every recipient first, in whole
/// `unit`s by largest remainder.
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
    let each = match each.filter(|e| !e.is_none()) {
        Some(e) => Some(convert::money(py, e, &Loc::root().join("each"))?),
        None => None,
    };
    let key = convert::key(py, key, &Loc::root().join("key"))?;
    let unit = convert::unit(py, unit)?;
    vardavtal::split(pot, &key, each, unit)
        .map(PyAllocation)
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
    let each = match each.filter(|e| !e.is_none()) {
        Some(e) => Some(convert::money(py, e, &Loc::root().join("each"))?),
        None => None,
    };
    let unit = convert::unit(py, unit)?;
    let mut ks = Vec::new();
    for (i, k) in keys.try_iter()?.enumerate() {
        ks.push(convert::key(py, &k?, &Loc::root().join("keys").join(i))?);
    }
    let results: Vec<vardavtal::Result<vardavtal::Allocation>> = py.detach(|| {
        ks.iter()
            .map(|k| vardavtal::split(pot, k, each, unit))
            .collect()
    });
    collect_batch(py, results, "keys", true)?
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
) -> PyResult<Vec<Result<PyAllocation, Error>>> {
    let mut failed: Vec<Finding> = Vec::new();
    let mut out = Vec::with_capacity(results.len());
    for (i, r) in results.into_iter().enumerate() {
        match r {
            Ok(a) => out.push(Ok(PyAllocation(a))),
            Err(e) => {
                let e = e.prefixed(&Loc::root().join(what).join(i));
                if raise {
                    failed.extend(e.findings().iter().cloned());
                }
                out.push(Err(e));
            }
        }
    }
    if !failed.is_empty() {
        return Err(py_err(py, &Error::from_findings(failed)));
    }
    Ok(out)
}

/// Allocate every component of an agreement, by tranche.
#[pyfunction]
#[pyo3(signature = (agreement, outcomes = None, key = None, unit = "krona"))]
fn allocate(
    py: Python<'_>,
    agreement: &Bound<'_, PyAny>,
    outcomes: Option<&Bound<'_, PyAny>>,
    key: Option<&Bound<'_, PyAny>>,
    unit: &str,
) -> PyResult<PyAllocation> {
    let a = convert::agreement(py, agreement, &Loc::root())?;
    let opts = options(py, outcomes, key, unit)?;
    py.detach(|| vardavtal::allocate(&a, &opts))
        .map(PyAllocation)
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
            return Err(error::input(
                py,
                vardavtal::Code::InvalidValue,
                &Loc::root().join("errors"),
                format!("errors must be \"raise\" or \"return\", not {errors:?}"),
            ));
        }
    };
    let a = convert::agreement(py, agreement, &Loc::root())?;
    let base = options(py, outcomes, key, unit)?;
    let mut list = Vec::new();
    for (i, s) in scenarios.try_iter()?.enumerate() {
        let s = s?;
        let loc = Loc::root().join("scenarios").join(i);
        list.push(match s.cast::<PyScenario>() {
            Ok(sc) => Scenario {
                key: sc.get().key.clone(),
                outcomes: sc.get().outcomes.clone(),
            },
            Err(_) => Scenario {
                key: Some(convert::key(py, &s, &loc)?),
                outcomes: None,
            },
        });
    }
    let results = py.detach(|| vardavtal::allocate_batch(&a, &base, &list));
    let out = PyList::empty(py);
    for r in collect_batch(py, results, "scenarios", raise)? {
        match r {
            Ok(x) => out.append(x)?,
            Err(e) => out.append(py_err(py, &e).into_value(py))?,
        }
    }
    Ok(out)
}

/// The explanation of every amount of an agreement's allocation (or one recipient's).
#[pyfunction]
#[pyo3(signature = (agreement, outcomes = None, key = None, unit = "krona", recipient = None))]
fn explain(
    py: Python<'_>,
    agreement: &Bound<'_, PyAny>,
    outcomes: Option<&Bound<'_, PyAny>>,
    key: Option<&Bound<'_, PyAny>>,
    unit: &str,
    recipient: Option<&str>,
) -> PyResult<Vec<String>> {
    let a = convert::agreement(py, agreement, &Loc::root())?;
    let opts = options(py, outcomes, key, unit)?;
    let alloc = vardavtal::allocate(&a, &opts).or_raise(py)?;
    Ok(alloc
        .rows
        .iter()
        .filter(|r| recipient.is_none_or(|x| r.recipient.as_str() == x))
        .map(vardavtal::Row::explain)
        .collect())
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

/// The catalog source with this id, with its full text.
#[pyfunction]
fn source(py: Python<'_>, id: &str) -> PyResult<PySource> {
    objects::source(py, id)
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
    convert::money(py, amount, &Loc::root().join("amount")).map(Sek::value)
}

/// The 21 regions: `code`, `name`, `county`.
#[pyfunction]
fn regions(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    view::table(py, &vardavtal::view::regions())
}

/// The 290 municipalities: `code`, `name`, `region`.
#[pyfunction]
fn municipalities(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    view::table(py, &vardavtal::view::municipalities())
}

/// The reference dates with population figures (`"regions"` or `"municipalities"`), oldest first.
#[pyfunction]
#[pyo3(signature = (level = "regions"))]
fn population_dates(py: Python<'_>, level: &str) -> PyResult<Vec<chrono::NaiveDate>> {
    Ok(reference::population_dates(convert::level(py, level)?))
}

/// The population at a reference date: `code`, `name`, `population`, `source`.
#[pyfunction]
#[pyo3(signature = (date, level = "regions"))]
fn population<'py>(
    py: Python<'py>,
    date: &Bound<'py, PyAny>,
    level: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let lv = convert::level(py, level)?;
    let d = convert::date(py, date, &Loc::root().join("date"))?;
    if reference::population(lv, d).is_empty() {
        // The core's own message lists the dates with data.
        let spec = vardavtal::KeySpec::Population { level: lv, date: d };
        spec.resolve().map(|_| ()).or_raise(py)?;
    }
    view::table(py, &vardavtal::view::population(lv, d))
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
    m.add_class::<reconcile::PyReconciliation>()?;
    m.add_function(wrap_pyfunction!(split, m)?)?;
    m.add_function(wrap_pyfunction!(split_batch, m)?)?;
    m.add_function(wrap_pyfunction!(allocate, m)?)?;
    m.add_function(wrap_pyfunction!(allocate_batch, m)?)?;
    m.add_function(wrap_pyfunction!(explain, m)?)?;
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
