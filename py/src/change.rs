//! `vardavtal.change` and `vardavtal.sensitivity`: one recipient's change between two splits,
//! decomposed, and every population-based pot under every bundled key date. Core computes
//! and renders both; this module converts the arguments and the views' parts.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};
use vardavtal::Loc;
use vardavtal::across::{Change, ChangeQuery, PotDates, Sensitivity, Side};

use crate::convert;
use crate::error::OrRaise;
use crate::objects::{PyFindings, Shape, decimal, reduce, skin};

impl Shape for Change {}
impl Shape for Sensitivity {}

/// One recipient's change between two splits (two key dates, two agreements, two pots),
/// decomposed exactly: ``difference == pot_effect + share_effect + rounding`` to the krona.
///
/// Compare either an agreement (its allocatable money, or one `component`'s) under two keys
/// or against another agreement, or two pots split by keys. What B does not set is as A.
///
/// Parameters
/// ----------
/// code : str
///     The recipient: ``"12"`` (Region Skåne), ``"0180"`` (Stockholm).
/// agreement : Agreement, dict, str, os.PathLike or None
///     The agreement of A, as ``allocate`` takes it (a catalog id such as
///     ``"okad-tillganglighet-2022"``); its money must be split by one key.
/// against : Agreement, dict, str, os.PathLike or None
///     The agreement of B (default: as A).
/// component : str or None
///     Only this component of the agreement(s).
/// key_a, key_b : Key, str, os.PathLike, dict or None
///     The keys of A and B, as ``split`` takes them (default: the agreement's own; B as A).
/// pot_a, pot_b : str, int, Decimal or None
///     Without an agreement: the pots of A and B (B as A), split by ``key_a`` and ``key_b``.
/// unit : {"krona", "ore"}
///     The rounding unit of both splits.
///
/// Returns
/// -------
/// Change
///     ``a`` and ``b`` (pot, key, weight, quota, amount of each side), ``difference``,
///     ``pot_effect``, ``share_effect``, ``rounding``, ``sentence()`` and ``paradoxes``.
///
/// Raises
/// ------
/// InputError
///     ``invalid_value`` with nothing to compare or arguments that exclude each other; the
///     errors of reading an agreement, key or amount, located at the argument.
/// AllocationError
///     ``rule_not_runnable`` when an allocation is not one pot split by one key;
///     ``unknown_recipient`` when the recipient is in neither.
///
/// Examples
/// --------
/// >>> c = vardavtal.change("12", "okad-tillganglighet-2022", component="block-2",
/// ...                      key_a="population:regions:2021-11-01",
/// ...                      key_b="population:regions:2023-11-01")
/// >>> c.pot_effect
/// Decimal('0')
/// >>> c.difference == c.pot_effect + c.share_effect + c.rounding
/// True
/// >>> c2 = vardavtal.change("12", pot_a="400 miljoner kronor", pot_b="443 miljoner kronor",
/// ...                       key_a="population:regions:2021-11-01")
/// >>> c2.share_effect
/// Decimal('0')
#[pyfunction]
#[pyo3(signature = (code, agreement = None, *, against = None, component = None,
                    key_a = None, key_b = None, pot_a = None, pot_b = None, unit = "krona"))]
#[allow(clippy::too_many_arguments)] // the keyword arguments of one call
pub fn change(
    py: Python<'_>,
    code: &str,
    agreement: Option<&Bound<'_, PyAny>>,
    against: Option<&Bound<'_, PyAny>>,
    component: Option<String>,
    key_a: Option<&Bound<'_, PyAny>>,
    key_b: Option<&Bound<'_, PyAny>>,
    pot_a: Option<&Bound<'_, PyAny>>,
    pot_b: Option<&Bound<'_, PyAny>>,
    unit: &str,
) -> PyResult<PyChange> {
    let at = |field: &str| Loc::root().join(field);
    let agreement_of = |obj: Option<&Bound<'_, PyAny>>, field: &str| {
        obj.filter(|o| !o.is_none())
            .map(|o| convert::agreement(py, o, &at(field)))
            .transpose()
    };
    let query = ChangeQuery::new()
        .with_agreement(agreement_of(agreement, "agreement")?)
        .with_against(agreement_of(against, "against")?)
        .with_component(component)
        .with_key_a(convert::opt_key(py, key_a, &at("key_a"))?)
        .with_key_b(convert::opt_key(py, key_b, &at("key_b"))?)
        .with_pot_a(convert::opt_money(py, pot_a, &at("pot_a"))?)
        .with_pot_b(convert::opt_money(py, pot_b, &at("pot_b"))?)
        .with_unit(convert::unit(py, unit)?);
    let who = vardavtal::input::recipient(code);
    py.detach(|| query.run(&who)).map(PyChange).or_raise(py)
}

/// The sensitivity to the key date of every population-based pot of the catalog (or of one
/// agreement): each pot allocated by the population of every bundled date of its level,
/// the date the convention gives, the largest movers and any paradox of largest remainder.
///
/// Parameters
/// ----------
/// agreement : str or None
///     Only this catalog agreement (``"okad-tillganglighet-2022"``); ``None`` (the default)
///     takes every agreement of the catalog.
/// level : {"regions", "municipalities"} or None
///     Only pots keyed by the population of that level; ``None`` takes both.
///
/// Returns
/// -------
/// Sensitivity
///     ``pots`` (one dict per pot with its ``dates``, ``recipients``, ``amounts[r][d]``,
///     ``movers`` and ``paradoxes``) and ``open``; ``str()`` is the text
///     ``vardavtal sensitivity`` prints.
///
/// Raises
/// ------
/// InputError
///     ``invalid_value`` (at ``["level"]``) for any other level.
/// CatalogError
///     ``unknown_agreement`` for an id that is not in the catalog.
///
/// Examples
/// --------
/// >>> s = vardavtal.sensitivity("okad-tillganglighet-2022")
/// >>> p = s.pots[0]
/// >>> p["component"], p["convention"]
/// ('block-2', datetime.date(2021, 11, 1))
/// >>> all(sum(r[d] for r in p["amounts"]) == p["pot"] for d in range(len(p["dates"])))
/// True
#[pyfunction]
#[pyo3(signature = (agreement = None, *, level = None))]
pub fn sensitivity(
    py: Python<'_>,
    agreement: Option<&str>,
    level: Option<&str>,
) -> PyResult<PySensitivity> {
    let cat = vardavtal::catalog::catalog();
    let level = level
        .map(vardavtal::input::level)
        .transpose()
        .or_raise(py)?;
    py.detach(|| vardavtal::across::sensitivity(cat, agreement, level))
        .map(PySensitivity)
        .or_raise(py)
}

fn side<'py>(py: Python<'py>, s: &Side) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("pot", decimal(py, s.pot.value())?)?;
    d.set_item("key", &s.key)?;
    d.set_item("weight", s.weight)?;
    d.set_item("total_weight", s.total_weight)?;
    d.set_item("quota", s.quota)?;
    d.set_item("amount", decimal(py, s.amount.value())?)?;
    Ok(d)
}

fn pot<'py>(py: Python<'py>, p: &PotDates) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("agreement", &p.agreement)?;
    d.set_item("component", &p.component)?;
    d.set_item("pot", decimal(py, p.pot.value())?)?;
    d.set_item("level", p.level.as_str())?;
    d.set_item("used", p.used)?;
    d.set_item("convention", p.convention)?;
    d.set_item("dates", &p.dates)?;
    let who: Vec<(&str, &str)> = p
        .recipients
        .iter()
        .map(|(r, n)| (r.as_str(), n.as_str()))
        .collect();
    d.set_item("recipients", who)?;
    let amounts = PyList::empty(py);
    for row in &p.amounts {
        let r = PyList::empty(py);
        for x in row {
            r.append(decimal(py, x.value())?)?;
        }
        amounts.append(r)?;
    }
    d.set_item("amounts", amounts)?;
    let movers = PyList::empty(py);
    for m in &p.movers {
        let x = PyDict::new(py);
        x.set_item("recipient", m.recipient.as_str())?;
        x.set_item("name", &m.name)?;
        x.set_item("min", (decimal(py, m.min.0.value())?, m.min.1))?;
        x.set_item("max", (decimal(py, m.max.0.value())?, m.max.1))?;
        x.set_item("spread", decimal(py, m.spread.value())?)?;
        movers.append(x)?;
    }
    d.set_item("movers", movers)?;
    d.set_item("paradoxes", PyFindings(p.paradoxes.clone()))?;
    Ok(d)
}

// ------------------------------------------------------------------ Change

/// One recipient's change between two splits, decomposed. Made by ``vardavtal.change``.
///
/// ``str()`` is the text the CLI prints (``vardavtal change``); ``to_records()``,
/// ``to_csv()`` and ``to_pandas()`` have one row per part of the decomposition. Pickles
/// through its JSON form.
///
/// Examples
/// --------
/// >>> c = vardavtal.change("01", pot_a="100", key_a="population:regions:2021-11-01",
/// ...                      key_b="population:regions:2023-11-01")
/// >>> c.recipient, c.a["key"], c.b["key"]
/// ('01', 'population:regions:2021-11-01', 'population:regions:2023-11-01')
#[pyclass(name = "Change", module = "vardavtal", frozen)]
pub struct PyChange(pub Change);

impl From<Change> for PyChange {
    fn from(c: Change) -> Self {
        PyChange(c)
    }
}

skin! {
    PyChange |s|
    view s.0;
    json Change;
    get {
        /// The recipient code (`"12"`).
        recipient -> &str = s.0.recipient.as_str();
        /// Its name (`"Region Skåne"`).
        name -> &str = &s.0.name;
        /// The rounding unit of both splits (`"krona"` or `"ore"`).
        unit -> &str = s.0.unit.as_str();
        /// The paradoxes of largest remainder that touch the recipient
        /// (`apportionment_paradox` findings).
        paradoxes -> PyFindings = PyFindings(s.0.paradoxes.clone());
    }
    {
        /// Side A: ``pot``, ``key``, ``weight``, ``total_weight``, ``quota`` and ``amount``.
        ///
        /// Returns
        /// -------
        /// dict
        ///     Amounts and the quota as ``Decimal``.
        #[getter]
        fn a<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
            side(py, &self.0.a)
        }
        /// Side B, as ``a``.
        ///
        /// Returns
        /// -------
        /// dict
        ///     Amounts and the quota as ``Decimal``.
        #[getter]
        fn b<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
            side(py, &self.0.b)
        }
        /// ``b["amount"] - a["amount"]``: the sum of the three parts, exactly.
        ///
        /// Returns
        /// -------
        /// Decimal
        ///     In kronor.
        #[getter]
        fn difference<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            decimal(py, self.0.difference.value())
        }
        /// "The pot changed": the old share × the pot's change, rounded to the unit.
        ///
        /// Returns
        /// -------
        /// Decimal
        ///     In kronor.
        #[getter]
        fn pot_effect<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            decimal(py, self.0.pot_effect.value())
        }
        /// "Its share of the key changed": the new pot × the share's change, rounded.
        ///
        /// Returns
        /// -------
        /// Decimal
        ///     In kronor.
        #[getter]
        fn share_effect<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            decimal(py, self.0.share_effect.value())
        }
        /// The rest: largest remainder's rounding of both amounts and of the two effects.
        ///
        /// Returns
        /// -------
        /// Decimal
        ///     In kronor (at most 2 units either way).
        #[getter]
        fn rounding<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            decimal(py, self.0.rounding.value())
        }
        /// The decomposition in a sentence.
        ///
        /// Parameters
        /// ----------
        /// lang : {"sv", "en"} or None
        ///     By default the language of ``vardavtal.set_lang``.
        ///
        /// Returns
        /// -------
        /// str
        ///     ``"Region Skåne (12) gets … instead of …"``.
        ///
        /// Raises
        /// ------
        /// InputError
        ///     ``invalid_value`` for an unknown `lang`.
        #[pyo3(signature = (lang = None))]
        fn sentence(&self, lang: Option<&str>) -> PyResult<String> {
            convert::in_lang(lang, || self.0.sentence(vardavtal::message::Lang::current()))
        }
    }
}

// ------------------------------------------------------------------ Sensitivity

/// Every population-based pot under every bundled key date. Made by
/// ``vardavtal.sensitivity``.
///
/// ``str()`` is the text the CLI prints (``vardavtal sensitivity``); ``to_records()``,
/// ``to_csv()`` and ``to_pandas()`` give the core's table. Pickles by computing the view
/// again.
///
/// Examples
/// --------
/// >>> s = vardavtal.sensitivity("okad-tillganglighet-2022", level="regions")
/// >>> s.agreement, s.level, len(s.pots)
/// ('okad-tillganglighet-2022', 'regions', 1)
#[pyclass(name = "Sensitivity", module = "vardavtal", frozen)]
pub struct PySensitivity(pub Sensitivity);

skin! {
    PySensitivity |s|
    view s.0;
    len s.0.pots.len();
    get {
        /// The agreement asked for, or `None` for the whole catalog.
        agreement -> Option<&str> = s.0.agreement.as_deref();
        /// The level asked for, or `None` for both.
        level -> Option<&str> = s.0.level.map(|l| l.as_str());
    }
    {
        /// One dict per population-based pot, in the catalog's order.
        ///
        /// Returns
        /// -------
        /// list of dict
        ///     ``agreement``, ``component``, ``pot`` (``Decimal``), ``level``, ``used`` (the
        ///     key date the allocation uses), ``convention`` (the date the convention gives, or
        ///     ``None``), ``dates``, ``recipients`` (``(code, name)``), ``amounts``
        ///     (``amounts[r][d]``, ``Decimal``), ``movers`` (``recipient``, ``name``, ``min`` and
        ///     ``max`` as ``(amount, date)``, ``spread``; the largest spread first) and
        ///     ``paradoxes``.
        #[getter]
        fn pots<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
            let l = PyList::empty(py);
            for p in &self.0.pots {
                l.append(pot(py, p)?)?;
            }
            Ok(l)
        }
        /// Dates on which a pot could not be allocated, and why.
        ///
        /// Returns
        /// -------
        /// Records
        ///     ``agreement``, ``component``, ``amount`` and ``why`` (the finding as a dict).
        #[getter]
        fn open<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            crate::across::open_records(py, &self.0.open)
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
            let f = py.import("vardavtal")?.getattr("sensitivity")?;
            let kw = PyDict::new(py);
            kw.set_item("level", self.0.level.map(|l| l.as_str()))?;
            let partial = py.import("functools")?.getattr("partial")?;
            reduce(partial.call((f,), Some(&kw))?, (self.0.agreement.as_deref(),))
        }
    }
}
