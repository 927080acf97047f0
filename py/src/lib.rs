//! Python skin of vardavtal: the native module `vardavtal._vardavtal`.
//!
//! A thin skin: [`convert`] turns Python values into what core takes (through
//! [`vardavtal::input`]), [`objects`], [`reconcile`], [`across`], [`change`] and [`shown`]
//! wrap core values in Python classes that show themselves as core renders them, and
//! [`error`] maps core errors to Python exceptions. Every rule, computation, table and
//! message is in the core crate.

use pyo3::prelude::*;
use pyo3::types::PyList;
use vardavtal::{Error, Finding, KeySpec, Loc, Options, Scenario, reference, view};

pub mod across;
pub mod change;
pub mod convert;
pub mod error;
pub mod objects;
pub mod reconcile;
pub mod shown;

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
    Ok(Options::new()
        .with_strict(strict)
        .with_unit(convert::unit(py, unit)?)
        .with_key(convert::opt_key(py, key, &Loc::root().join("key"))?)
        .with_outcomes(
            convert::outcomes(py, outcomes, &Loc::root().join("outcomes"))?.unwrap_or_default(),
        ))
}

/// Split an amount by a distribution key, to the krona (or öre), by largest remainder.
///
/// Every krona of `amount` is handed out: every recipient gets `each` first (when given), the
/// rest is split in proportion to the key's weights and rounded down to whole `unit`s, and the
/// units left over go to the largest remainders. Every amount is explained
/// (``Allocation.explain()``).
///
/// Parameters
/// ----------
/// amount : Decimal, int or str
///     The pot: ``Decimal``, ``int`` or ``str``, plain (``"443400000"``) or Swedish
///     (``"443,4 miljoner kronor"``, ``"34 355 mnkr"``); never ``float``.
/// key : Key, str, os.PathLike or dict
///     A ``Key``; a key spec (``"population:regions:2021-11-01"``,
///     ``"population:municipalities:DATE"``, ``"needs:regions:2024"``); CSV text with columns
///     ``code,weight``; a CSV file as a ``pathlib.Path`` (a ``str`` is never read as a
///     path); or ``{code: weight}`` with ``Decimal``, ``int`` or
///     ``str`` weights.
/// each : Decimal, int, str or None
///     A fixed amount every recipient gets before the rest is split by the key.
/// unit : {"krona", "ore"}
///     The rounding unit: whole kronor (the default) or öre.
///
/// Returns
/// -------
/// Allocation
///     One row per amount, by recipient code (two per recipient with `each`: the fixed
///     amount and the share); the amounts sum to `amount` exactly.
///
/// Raises
/// ------
/// InputError
///     What cannot be read: ``invalid_amount`` (a ``float``, a hedged figure such as
///     ``"ca 11 miljarder"``), ``negative_amount``, ``negative_weight``, ``invalid_value``
///     (an unknown key spec or unit), ``io`` (a key file that cannot be read).
/// AllocationError
///     What cannot be split: ``unknown_recipient``, ``no_population_data`` (no bundled
///     population at the key's date; the dates that have data are in ``ctx``),
///     ``amount_finer_than_unit`` (öre with ``unit="krona"``), ``empty_key``,
///     ``zero_total_weight``.
///
/// Examples
/// --------
/// >>> alloc = vardavtal.split("443 miljoner kronor", key="population:regions:2021-11-01")
/// >>> alloc.total
/// Decimal('443000000')
/// >>> alloc.rows[1].name, alloc.rows[1].amount
/// ('Region Uppsala', Decimal('16720152'))
/// >>> vardavtal.split(100, key={"01": 2, "03": 1}).amounts
/// (Decimal('67'), Decimal('33'))
/// >>> alloc = vardavtal.split(1000, key={"01": 3, "03": 1}, each=100)
/// >>> [t["amount"] for t in alloc.by_recipient()]  # 100 each, then 600 and 200
/// [Decimal('700'), Decimal('300')]
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

/// Split one amount once per key, in one call that releases the GIL while the core works.
///
/// The same as ``[split(amount, k, each, unit) for k in keys]``, faster: the keys are read
/// first, then every split runs without the GIL. Every failed key is reported, not only the
/// first.
///
/// Parameters
/// ----------
/// amount : Decimal, int or str
///     The pot, as in ``split``; never ``float``.
/// keys : iterable of Key, str, os.PathLike or dict
///     The keys, each as ``key=`` of ``split`` takes it.
/// each : Decimal, int, str or None
///     A fixed amount every recipient gets first, in every split.
/// unit : {"krona", "ore"}
///     The rounding unit: whole kronor (the default) or öre.
///
/// Returns
/// -------
/// list of Allocation
///     One allocation per key, in the order of `keys`.
///
/// Raises
/// ------
/// InputError
///     An amount or key that cannot be read (``invalid_amount``, ``invalid_value``, ``io``,
///     …), located at ``["keys", i, …]``.
/// AllocationError
///     Keys that cannot be split (``no_population_data``, ``unknown_recipient``, …): one
///     exception with the findings of every failed key, located at ``["keys", i]``.
///
/// Examples
/// --------
/// >>> a, b = vardavtal.split_batch(
/// ...     "443 miljoner kronor",
/// ...     ["population:regions:2021-11-01", "population:regions:2023-11-01"],
/// ... )
/// >>> a.total == b.total == 443_000_000
/// True
/// >>> vardavtal.compare(a, b).total_diff
/// Decimal('0')
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

/// Allocate every component of an agreement to its recipients, by tranche.
///
/// Every pot the agreement's rules can hand out is split to the krona (or öre) by largest
/// remainder. What is not allocated (a figure not published, a rule that needs data), and a
/// key chosen by default, are reported in the allocation's ``notes`` (``not_allocated``,
/// ``default_key``); with ``strict=True`` they raise instead.
///
/// Parameters
/// ----------
/// agreement : Agreement, dict, str or os.PathLike
///     An ``Agreement``, a dict in the agreement file format, JSON text, a catalog id
///     (``"okad-tillganglighet-2022"``) or an agreement file as a ``pathlib.Path`` (a
///     ``str`` is never read as a path).
/// outcomes : dict, str, os.PathLike or None
///     The performance outcomes of performance-based components,
///     ``{criterion: {code: {"value", "previous", "met"}}}``, JSON text or a file as a
///     ``pathlib.Path``.
/// key : Key, str, os.PathLike, dict or None
///     The key for components without a key of their own, as ``split`` takes it; ``None``
///     chooses the population at the convention's date (a ``default_key`` note).
/// unit : {"krona", "ore"}
///     The rounding unit: whole kronor (the default) or öre.
/// strict : bool
///     Raise ``AllocationError`` for ``not_allocated`` and ``default_key`` instead of noting
///     them.
///
/// Returns
/// -------
/// Allocation
///     Every amount to every recipient, with the pots and the notes.
///
/// Raises
/// ------
/// InputError
///     An agreement, outcomes or key that cannot be read: ``syntax``, ``unknown_field``,
///     ``invalid_value``, ``invalid_amount``, ``unknown_agreement`` (an unknown catalog id,
///     with the closest ids), ``io``, ``unknown_outcome``.
/// AllocationError
///     What cannot be allocated: ``missing_outcomes``, ``no_population_data``,
///     ``rule_not_runnable``, ``shares_do_not_sum``, …; with ``strict=True`` also
///     ``not_allocated`` and ``default_key``.
///
/// Examples
/// --------
/// >>> alloc = vardavtal.allocate(
/// ...     "okad-tillganglighet-2022", key="population:regions:2021-11-01"
/// ... )
/// >>> alloc.total  # block 2 by the key, and SKR's fixed 11 000 000 kr
/// Decimal('454000000')
/// >>> {n["code"] for n in alloc.notes}  # block 1's performance shares are not published
/// {'not_allocated'}
/// >>> vardavtal.allocate("okad-tillganglighet-2022", strict=True)
/// Traceback (most recent call last):
///     ...
/// vardavtal.AllocationError: ...
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

/// Allocate an agreement once per scenario, in one call that releases the GIL.
///
/// A scenario is a ``Scenario`` (another key, other outcomes, or both) or a key, taken as
/// ``key=`` is; what a scenario does not set comes from `outcomes` and `key`.
///
/// Parameters
/// ----------
/// agreement : Agreement, dict, str or os.PathLike
///     An ``Agreement``, a dict in the agreement file format, JSON text, a catalog id
///     (``"okad-tillganglighet-2022"``) or an agreement file as a ``pathlib.Path`` (a
///     ``str`` is never read as a path).
/// scenarios : iterable of Scenario, Key, str, os.PathLike or dict
///     The what-ifs, in order.
/// outcomes : dict, str, os.PathLike or None
///     The performance outcomes of performance-based components,
///     ``{criterion: {code: {"value", "previous", "met"}}}``, JSON text or a file as a
///     ``pathlib.Path``.
///     The base for every scenario.
/// key : Key, str, os.PathLike, dict or None
///     The base key for every scenario without a key.
/// unit : {"krona", "ore"}
///     The rounding unit: whole kronor (the default) or öre.
/// errors : {"raise", "return"}
///     ``"raise"`` (the default) raises one exception naming every failed scenario (located
///     at ``["scenarios", i, …]``); ``"return"`` puts the exception in place of the
///     allocation.
///
/// Returns
/// -------
/// list of Allocation (or VardavtalError with ``errors="return"``)
///     One result per scenario, in the order of `scenarios`.
///
/// Raises
/// ------
/// InputError
///     An agreement, outcomes, key or scenario that cannot be read (as in ``allocate``), or
///     ``errors`` that is neither ``"raise"`` nor ``"return"`` (``invalid_value``).
/// AllocationError
///     With ``errors="raise"``, scenarios that cannot be allocated (``no_population_data``,
///     ``missing_outcomes``, …), every one of them in ``.errors()``.
///
/// Examples
/// --------
/// >>> dates = ["2021-11-01", "2023-11-01"]
/// >>> allocs = vardavtal.allocate_batch(
/// ...     "okad-tillganglighet-2022", [f"population:regions:{d}" for d in dates]
/// ... )
/// >>> [a.total for a in allocs]
/// [Decimal('454000000'), Decimal('454000000')]
/// >>> out = vardavtal.allocate_batch(
/// ...     "okad-tillganglighet-2022", ["population:regions:1900-01-01"], errors="return"
/// ... )
/// >>> out[0].code
/// 'no_population_data'
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
    let raise = vardavtal::input::args::batch_raises(errors).or_raise(py)?;
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
        Err(_) => Scenario::new(
            Some(convert::key(py, s, &Loc::root().join("scenarios").join(i))?),
            None,
        ),
    })
}

/// Explain every amount of an agreement's allocation, or one recipient's: the lines of
/// ``vardavtal explain``.
///
/// The same as ``allocate(agreement, outcomes, key, unit).explain(recipient, lang)``.
///
/// Parameters
/// ----------
/// agreement : Agreement, dict, str or os.PathLike
///     An ``Agreement``, a dict in the agreement file format, JSON text, a catalog id
///     (``"okad-tillganglighet-2022"``) or an agreement file as a ``pathlib.Path`` (a
///     ``str`` is never read as a path).
/// outcomes : dict, str, os.PathLike or None
///     The performance outcomes of performance-based components,
///     ``{criterion: {code: {"value", "previous", "met"}}}``, JSON text or a file as a
///     ``pathlib.Path``.
/// key : Key, str, os.PathLike, dict or None
///     The key for components without a key of their own, as in ``allocate``.
/// unit : {"krona", "ore"}
///     The rounding unit: whole kronor (the default) or öre.
/// recipient : str or None
///     A recipient code (``"03"``): only its amounts. ``None`` explains every amount.
/// lang : {"sv", "en"} or None
///     The language of the sentences; by default that of ``set_lang`` (English unless set).
///
/// Returns
/// -------
/// list of str
///     One sentence per amount, in row order: the key's figures, the exact quota and the
///     rounding.
///
/// Raises
/// ------
/// InputError
///     As ``allocate``; also ``invalid_value`` for an unknown `lang`.
/// AllocationError
///     As ``allocate``.
///
/// Examples
/// --------
/// >>> lines = vardavtal.explain(
/// ...     "okad-tillganglighet-2022", key="population:regions:2021-11-01", recipient="03"
/// ... )
/// >>> len(lines)
/// 1
/// >>> print(lines[0])  # doctest: +ELLIPSIS
/// Region Uppsala (03) gets 16 720 152 kr of ...
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
/// Returns
/// -------
/// None
///     The language is set for every later call that is not given ``lang=``.
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

/// The language of messages, explanations and headers for the whole process.
///
/// Parameters
/// ----------
/// None
///
/// Returns
/// -------
/// str
///     ``"sv"`` (svenska) or ``"en"`` (English, the default), as set by ``set_lang``.
///
/// Raises
/// ------
/// Nothing
///     Always returns a language.
///
/// Examples
/// --------
/// >>> vardavtal.get_lang()
/// 'en'
/// >>> vardavtal.set_lang("sv")
/// >>> vardavtal.get_lang()
/// 'sv'
/// >>> vardavtal.set_lang("en")
#[pyfunction]
fn get_lang() -> &'static str {
    vardavtal::message::Lang::current().as_str()
}

/// The per-recipient difference between two allocations (``b − a``), for what-ifs: another
/// key date, other outcomes, another rule.
///
/// Parameters
/// ----------
/// a : Allocation
///     The base.
/// b : Allocation
///     The alternative.
///
/// Returns
/// -------
/// Comparison
///     One row per recipient of either (``code``, ``name``, ``a``, ``b``, ``diff``) and
///     ``total_diff`` (``b.total − a.total``).
///
/// Raises
/// ------
/// TypeError
///     When `a` or `b` is not an ``Allocation``. Allocations always compare; no
///     ``VardavtalError`` is raised.
///
/// Examples
/// --------
/// >>> a = vardavtal.split("443 miljoner kronor", key="population:regions:2021-11-01")
/// >>> b = vardavtal.split("443 miljoner kronor", key="population:regions:2023-11-01")
/// >>> diff = vardavtal.compare(a, b)
/// >>> diff.total_diff  # money moves between regions, none is lost
/// Decimal('0')
/// >>> len(diff)
/// 21
#[pyfunction]
fn compare(a: &PyAllocation, b: &PyAllocation) -> PyComparison {
    PyComparison(vardavtal::compare(&a.0, &b.0))
}

/// Check the content of agreements: parts that do not add up, earmarks, co-funding,
/// tranches, disagreeing sources, supplements and their base, dates, money not decided.
///
/// Parameters
/// ----------
/// target : Agreement, dict, str, os.PathLike, list, Catalog or None
///     One agreement (as ``allocate`` takes it), a list or tuple of them (checked together,
///     with the links between them: supplements and their base), or the bundled catalog
///     (``None``, the default, or a ``Catalog``).
///
/// Returns
/// -------
/// Findings
///     Every finding, with stable codes (``parts_do_not_sum``, ``sources_disagree``, …),
///     severities, locations and messages. Findings of severity error are returned, not
///     raised: ``Findings.raise_for_errors()`` raises them as ``ValidationError``.
///
/// Raises
/// ------
/// InputError
///     An agreement that cannot be read (``syntax``, ``unknown_field``, ``invalid_amount``,
///     ``unknown_agreement``, ``io``, …), located at ``[i, …]`` in a list.
///
/// Examples
/// --------
/// >>> findings = vardavtal.validate("psykisk-halsa-2019")
/// >>> [f["code"] for f in findings if f["code"] == "sources_disagree"]
/// ['sources_disagree']
/// >>> findings.has_errors
/// False
#[pyfunction]
#[pyo3(signature = (target = None))]
fn validate(py: Python<'_>, target: Option<&Bound<'_, PyAny>>) -> PyResult<PyFindings> {
    let Some(t) = target.filter(|t| !t.is_none() && !t.is_instance_of::<PyCatalog>()) else {
        let cat = vardavtal::catalog::catalog();
        let all = py.detach(|| vardavtal::validate::validate(cat, &Default::default()));
        return Ok(PyFindings(all));
    };
    if t.is_instance_of::<PyList>() || t.is_instance_of::<pyo3::types::PyTuple>() {
        let mut all = Vec::new();
        for (i, x) in t.try_iter()?.enumerate() {
            all.push(convert::agreement(py, &x?, &Loc::root().join(i))?);
        }
        return Ok(PyFindings(py.detach(|| {
            vardavtal::validate::validate(&all, &vardavtal::validate::Checks::new())
        })));
    }
    let a = convert::agreement(py, t, &Loc::root())?;
    Ok(PyFindings(vardavtal::validate::validate(
        &a,
        &vardavtal::validate::Checks::new(),
    )))
}

/// The bundled catalog of real agreements, with their sources and the press-release totals
/// over several agreements.
///
/// Parameters
/// ----------
/// None
///
/// Returns
/// -------
/// Catalog
///     The agreements (``catalog().agreement(id)``, ``for_year(year)``), the source texts
///     (``sources``) and the ``packages``; ``str()`` lists the agreements.
///
/// Raises
/// ------
/// None
///     The catalog is data compiled into the package (its tests read every file of it).
///
/// Examples
/// --------
/// >>> cat = vardavtal.catalog()
/// >>> "okad-tillganglighet-2022" in cat
/// True
/// >>> cat.agreement("okad-tillganglighet-2022").amount
/// Decimal('2967000000')
#[pyfunction]
fn catalog() -> PyCatalog {
    PyCatalog(vardavtal::catalog::catalog())
}

/// The catalog source with this id: a press release or web page, with its full text.
///
/// Parameters
/// ----------
/// id : str
///     The source id (``"003"``), as the agreements' figures cite it.
///
/// Returns
/// -------
/// Source
///     Its ``title``, ``publisher``, ``published`` date and full ``text``.
///
/// Raises
/// ------
/// InputError
///     ``unknown_source`` when the catalog has no such source (``ctx`` names the closest
///     ids).
///
/// Examples
/// --------
/// >>> s = vardavtal.source("003")
/// >>> s.id
/// '003'
/// >>> "2 967 miljoner kronor" in s.text
/// True
/// >>> vardavtal.source("999")
/// Traceback (most recent call last):
///     ...
/// vardavtal.InputError: ...
#[pyfunction]
fn source(py: Python<'_>, id: &str) -> PyResult<PySource> {
    vardavtal::catalog::catalog()
        .find_source(id)
        .map(PySource)
        .or_raise(py)
}

/// A distribution key, resolved: recipients in code order with exact weights (the same as
/// ``Key(spec)``).
///
/// Parameters
/// ----------
/// spec : Key, str, os.PathLike or dict
///     A key spec (``"population:regions:2021-11-01"``, ``"population:municipalities:DATE"``,
///     ``"needs:regions:2024"``), CSV text with columns ``code,weight``, a CSV file as a ``pathlib.Path`` (a ``str`` is
///     never read as a path), or
///     ``{code: weight}`` with ``Decimal``, ``int`` or ``str`` weights.
///
/// Returns
/// -------
/// Key
///     Its ``recipients``, ``weights``, ``total``, ``description`` and ``sources``.
///
/// Raises
/// ------
/// InputError
///     ``invalid_value`` (an unknown spec), ``invalid_date``, ``negative_weight``,
///     ``syntax`` (CSV that cannot be read), ``io`` (a file that cannot be read).
/// AllocationError
///     ``no_population_data`` (no bundled population at that date), ``unknown_recipient``,
///     ``duplicate_recipient``.
///
/// Examples
/// --------
/// >>> k = vardavtal.key("population:regions:2021-11-01")
/// >>> len(k), k.total
/// (21, Decimal('10443100'))
/// >>> k.recipients[:3]
/// ['01', '03', '04']
/// >>> vardavtal.key({"01": "1.5", "03": 1}).weights
/// [Decimal('1.5'), Decimal('1')]
#[pyfunction]
fn key(py: Python<'_>, spec: &Bound<'_, PyAny>) -> PyResult<PyKey> {
    convert::key(py, spec, &Loc::root().join("key")).map(PyKey)
}

/// Read an amount as a person writes it, exactly.
///
/// Parameters
/// ----------
/// amount : Decimal, int or str
///     ``"443400000"``, ``"443,4 miljoner kronor"``, ``"1,6 miljarder"``, ``"34 355 mnkr"``,
///     a ``Decimal`` or an ``int``. Never ``float``.
///
/// Returns
/// -------
/// Decimal
///     The amount in kronor.
///
/// Raises
/// ------
/// InputError
///     ``invalid_amount`` for a ``float``, a hedged figure (``"ca 11 miljarder"``,
///     ``"nära 3 miljarder"``), ``NaN``, or more digits than fit; ``negative_amount`` for an
///     amount below zero.
///
/// Examples
/// --------
/// >>> vardavtal.parse_amount("443,4 miljoner kronor")
/// Decimal('443400000')
/// >>> vardavtal.parse_amount("34 355 mnkr")
/// Decimal('34355000000')
/// >>> vardavtal.parse_amount("ca 11 miljarder")
/// Traceback (most recent call last):
///     ...
/// vardavtal.InputError: ...
#[pyfunction]
fn parse_amount(py: Python<'_>, amount: &Bound<'_, PyAny>) -> PyResult<rust_decimal::Decimal> {
    convert::money(py, amount, &Loc::root().join("amount")).map(|s| s.value())
}

/// The 21 regions.
///
/// Parameters
/// ----------
/// None
///
/// Returns
/// -------
/// Table
///     One row per region in code order: ``code``, ``name``, ``county``.
///
/// Raises
/// ------
/// Nothing
///     The table is bundled.
///
/// Examples
/// --------
/// >>> r = vardavtal.regions()
/// >>> len(r)
/// 21
/// >>> r[0]["code"], r[0]["name"]
/// ('01', 'Region Stockholm')
#[pyfunction]
fn regions() -> PyTable {
    PyTable(view::regions())
}

/// The 290 municipalities.
///
/// Parameters
/// ----------
/// None
///
/// Returns
/// -------
/// Table
///     One row per municipality in code order: ``code``, ``name``, ``region`` (the code of
///     its region).
///
/// Raises
/// ------
/// Nothing
///     The table is bundled.
///
/// Examples
/// --------
/// >>> m = vardavtal.municipalities()
/// >>> len(m)
/// 290
/// >>> m.columns
/// ['code', 'name', 'region']
#[pyfunction]
fn municipalities() -> PyTable {
    PyTable(view::municipalities())
}

/// The reference dates for which population figures are bundled, oldest first.
///
/// Parameters
/// ----------
/// level : {"regions", "municipalities"}
///     Regions (the default) or municipalities.
///
/// Returns
/// -------
/// list of datetime.date
///     The dates, usable in ``population(date)`` and ``"population:LEVEL:DATE"`` keys.
///
/// Raises
/// ------
/// InputError
///     ``invalid_value`` for any other level.
///
/// Examples
/// --------
/// >>> import datetime
/// >>> datetime.date(2021, 11, 1) in vardavtal.population_dates()
/// True
#[pyfunction]
#[pyo3(signature = (level = "regions"))]
fn population_dates(py: Python<'_>, level: &str) -> PyResult<Vec<chrono::NaiveDate>> {
    Ok(reference::population_dates(
        vardavtal::input::level(level).or_raise(py)?,
    ))
}

/// The population of every region (or municipality) at a reference date, as SCB publishes it.
///
/// Parameters
/// ----------
/// date : datetime.date or str
///     The reference date, a ``datetime.date`` or ``"YYYY-MM-DD"``; one of
///     ``population_dates(level)``.
/// level : {"regions", "municipalities"}
///     Regions (the default) or municipalities.
///
/// Returns
/// -------
/// Table
///     One row per region or municipality: ``code``, ``name``, ``population``, ``source``.
///
/// Raises
/// ------
/// InputError
///     ``invalid_date`` for a date that cannot be read, ``invalid_value`` for an unknown
///     level.
/// AllocationError
///     ``no_population_data`` when nothing is bundled for the date (``ctx`` lists the dates
///     that have data).
///
/// Examples
/// --------
/// >>> pop = vardavtal.population("2021-11-01")
/// >>> pop[1]["name"], pop[1]["population"]
/// ('Region Uppsala', 394154)
/// >>> sum(r["population"] for r in pop)
/// 10443100
/// >>> vardavtal.population("1900-01-01")
/// Traceback (most recent call last):
///     ...
/// vardavtal.AllocationError: ...
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
    m.add_class::<across::PyRecipientView>()?;
    m.add_class::<across::PyYearView>()?;
    m.add_class::<change::PyChange>()?;
    m.add_class::<change::PySensitivity>()?;
    m.add_class::<shown::PyShown>()?;
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
    m.add_function(wrap_pyfunction!(across::recipient, m)?)?;
    m.add_function(wrap_pyfunction!(across::year, m)?)?;
    m.add_function(wrap_pyfunction!(change::change, m)?)?;
    m.add_function(wrap_pyfunction!(change::sensitivity, m)?)?;
    m.add_function(wrap_pyfunction!(shown::shown, m)?)?;
    Ok(())
}
