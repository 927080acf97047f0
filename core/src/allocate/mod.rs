//! Allocation: who gets how much of an agreement, a component or a pot, when, and why.
//!
//! Every step hands out a pot exactly ([`crate::apportion`]): the rows of a step sum to its
//! pot, each amount is the floor or ceiling of its exact quota in the rounding unit, and
//! each row carries the figures behind it ([`Basis`]) and a readable explanation
//! ([`Row::explain`]).
//!
//! This module owns the entries ([`allocate`], [`allocate_all`], [`allocate_component`],
//! [`allocate_batch`], [`split`]) and what they run with ([`Options`], [`Method`],
//! [`Scenario`]); the rest is one file per concept:
//!
//! | concept | file |
//! | --- | --- |
//! | the result: [`Allocation`], [`Row`], [`Pot`], [`Basis`], [`Part`], [`Total`], its check and serialised form | `result.rs` |
//! | the recipients × pots table ([`Pivot`]) | `pivot.rs` |
//! | explanations ([`Row::explain`]) and exact quota figures | `explain.rs` |
//! | one apportioning step and the rows it writes | `step.rs` |
//! | a component's pots (tranches) and key | `plan.rs` |
//! | a component's rows spread over its tranches ([`TrancheBasis`]) | `tranches.rs` |
//! | the rules: per capita, need, fixed, equal, fixed plus key | `rules.rs` |
//! | the performance rule: criteria, qualification, bonus pot or return | `performance.rs` |
//! | many performance scenarios, fast ([`sweep`]) | `sweep.rs` |
//! | scenario comparison ([`compare`]) | `compare.rs` |
//! | what can be shown of an agreement now, what it needs for the rest, kr per invånare ([`shown()`]) | `shown.rs` |
//!
//! ```
//! use vardavtal::{allocate, Agreement, Options};
//! let a = Agreement::from_json(r#"{"id": "demo", "title": "Demo", "kind": {"type": "base"}, "years": [2022],
//!   "components": [{"id": "b2", "name": "Utvecklingsblock", "amount": "443000000",
//!                   "recipients": "regions", "rule": {"type": "per_capita"}}]}"#)?;
//! let alloc = allocate(&a, &Options::default())?;
//! assert_eq!(alloc.len(), 21);
//! assert_eq!(alloc.total().to_string(), "443000000");
//! let uppsala = alloc.rows().iter().find(|r| r.recipient.as_str() == "03").unwrap();
//! assert!(uppsala.explain().contains("population:regions:2021-11-01"));
//! # Ok::<(), vardavtal::Error>(())
//! ```

mod explain;
mod performance;
mod pivot;
mod plan;
mod result;
mod rules;
mod shown;
mod step;
mod tranches;

pub mod compare;
pub mod sweep;

use serde::{Deserialize, Serialize};
use std::sync::Arc;

use crate::agreement::{Agreement, Component};
use crate::finding::{Code, Error, Finding, Loc, Result};
use crate::key::Key;
use crate::message::Template;
use crate::message::templates::allocate as templates;
use crate::money::{Sek, Unit, checked_sum};
use crate::outcomes::Outcomes;
use crate::recipient::RecipientId;
use crate::rule::Rule;

pub use pivot::{Pivot, PivotColumn, PivotRow};
pub(crate) use plan::{default_key_of, key_refusal};
pub use result::{Allocation, Basis, Part, Pot, Row, Total, TrancheBasis};
pub use shown::{
    Coverage, MeasureInput, Missing, OutcomeField, PerCapita, PerCapitaRow, Reader, Shown, Supply,
    shown,
};

use plan::{TrancheIndex, pots_of, tranche_index};
use rules::{fixed_plus_key, run_rule};
use step::Step;

/// The apportionment method.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::{Method, Options};
assert_eq!(Options::default().method, Method::LargestRemainder);
assert_eq!(vardavtal::json::from_str::<Method>("\"largest_remainder\"")?, Method::LargestRemainder);
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Method {
    /// Largest remainder (Hamilton), ties to the first recipient in code order.
    #[default]
    LargestRemainder,
}

/// What an allocation runs with: built from [`Options::new`] (the defaults: whole kronor,
/// largest remainder, the rules' own keys, no outcomes, not strict) and the `with_*` setters.
///
/// ```
/// use vardavtal::{Code, Options, Unit, allocate, input};
/// let a = input::agreement("okad-tillganglighet-2022")?;
/// let in_ore = Options::new().with_unit(Unit::Ore);
/// assert_eq!(allocate(&a, &in_ore)?.unit, Unit::Ore);
/// let strict = Options::new().with_strict(true);
/// assert_eq!(allocate(&a, &strict).unwrap_err().code(), Code::NotAllocated);
/// assert_eq!(Options::new(), Options::default());
/// # Ok::<(), vardavtal::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct Options {
    /// The rounding unit (whole kronor by default).
    pub unit: Unit,
    /// The apportionment method.
    pub method: Method,
    /// A key that replaces the key of every population-based rule (per capita, fixed plus
    /// key, performance) whose recipients are at the same level (regions or
    /// municipalities): the what-if of another key date. Care-need keys are not replaced.
    pub key: Option<Key>,
    /// Performance outcomes.
    pub outcomes: Outcomes,
    /// Strict mode: money of the agreement that is not allocated (`not_allocated`) and keys
    /// chosen by default (`default_key`) are errors, not notes.
    pub strict: bool,
}

impl Options {
    /// The defaults: whole kronor, largest remainder, the rules' own keys, no outcomes, not
    /// strict.
    ///
    /// ```
    /// use vardavtal::{Method, Options, Unit};
    /// let o = Options::new();
    /// assert_eq!((o.unit, o.method, o.key.is_none(), o.strict), (Unit::Krona, Method::LargestRemainder, true, false));
    /// assert!(o.outcomes.is_empty());
    /// ```
    pub fn new() -> Options {
        Options::default()
    }

    /// Round to this unit.
    ///
    /// ```
    /// use vardavtal::{Options, Sek, Unit, allocate, input};
    /// let a = input::agreement("okad-tillganglighet-2022")?;
    /// let al = allocate(&a, &Options::new().with_unit(Unit::Ore))?;
    /// // Region Stockholm's share of block 2, to the öre (102 311 913 kr in whole kronor).
    /// assert_eq!(al.rows()[0].amount, "102311912.84".parse::<Sek>()?);
    /// assert_eq!(al.total(), Sek::kronor(454_000_000));
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn with_unit(mut self, unit: Unit) -> Self {
        self.unit = unit;
        self
    }

    /// Apportion by this method.
    ///
    /// ```
    /// use vardavtal::{Method, Options};
    /// let o = Options::new().with_method(Method::LargestRemainder);
    /// assert_eq!(o, Options::default()); // largest remainder is the default, and the only method
    /// ```
    pub fn with_method(mut self, method: Method) -> Self {
        self.method = method;
        self
    }

    /// Replace the key of every population-based rule at the key's level (see
    /// [`Options::key`]); `None` keeps the rules' own keys.
    ///
    /// ```
    /// use vardavtal::{Key, Options, Sek, allocate, input};
    /// let a = input::agreement("okad-tillganglighet-2022")?;
    /// // Block 2 by the population of 1 November 2023 instead of 2021.
    /// let opts = Options::new().with_key(Key::from_arg("population:regions:2023-11-01")?);
    /// let al = allocate(&a, &opts)?;
    /// assert_eq!(al.pots[0].key.as_deref(), Some("population:regions:2023-11-01"));
    /// assert_eq!(al.rows()[0].amount, Sek::kronor(103_050_073)); // Region Stockholm, 102 311 913 kr by 2021
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn with_key(mut self, key: impl Into<Option<Key>>) -> Self {
        self.key = key.into();
        self
    }

    /// Performance outcomes.
    ///
    /// ```
    /// use vardavtal::{Code, Options, Outcome, Outcomes, Sek, allocate_component, input, reference};
    /// let a = input::agreement("komiljard-2019")?;
    /// let e = allocate_component(&a, "prestation", &Options::new()).unwrap_err();
    /// assert_eq!(e.code(), Code::MissingOutcomes);
    /// // Every region had at least 71 % waiting at most 60 days: each earns its full share.
    /// let mut o = Outcomes::default();
    /// for r in reference::regions() {
    ///     o.set("wait60", r.code.clone().into(), Outcome::measured("0.8".parse()?));
    /// }
    /// let al = allocate_component(&a, "prestation", &Options::new().with_outcomes(o))?;
    /// assert_eq!(al.total(), Sek::kronor(1_280_000_000));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_outcomes(mut self, outcomes: Outcomes) -> Self {
        self.outcomes = outcomes;
        self
    }

    /// Strict mode (see [`Options::strict`]).
    ///
    /// ```
    /// use vardavtal::{Code, Options, allocate, input};
    /// let a = input::agreement("okad-tillganglighet-2022")?;
    /// let e = allocate(&a, &Options::new().with_strict(true)).unwrap_err();
    /// let found: Vec<_> = e.findings().iter().map(|f| (f.code, f.loc.to_string())).collect();
    /// assert_eq!(found[2], (Code::DefaultKey, "components[1]".to_string()));
    /// assert_eq!(found.len(), 3);
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn with_strict(mut self, strict: bool) -> Self {
        self.strict = strict;
        self
    }
}

/// An allocation with nothing in it yet, in the unit and method of `opts`.
fn empty(opts: &Options) -> Allocation {
    Allocation::new(opts.unit, opts.method, Vec::new(), Vec::new(), Vec::new())
}

/// Allocate every component of an agreement, by tranche.
///
/// Components with a rule are allocated whole; a component without a rule allocates its
/// parts. Components that cannot be allocated ahead of time (reimbursement, unpublished
/// rule, no amount and no parts) are listed in [`Allocation::notes`]. Every error found
/// is reported, not only the first.
///
/// ```
/// use vardavtal::{Agreement, Options, Sek, allocate};
/// let a = Agreement::from_json(r#"{"id": "d", "title": "D", "kind": {"type": "base"}, "years": [2022],
///   "components": [{"id": "b", "name": "B", "amount": "1000", "recipients": "regions", "rule": {"type": "per_capita"}}]}"#)?;
/// let al = allocate(&a, &Options::default())?;
/// assert_eq!(al.total(), Sek::kronor(1000));
/// assert_eq!(al.rows().len(), 21); // one row per region, by population
/// # Ok::<(), vardavtal::Error>(())
/// ```
///
/// # Errors
///
/// First, every error [`crate::validate::validate`] reports on the agreement, with the
/// same code and location (without the agreement's id in front): an agreement that does
/// not validate is not allocated. Then what depends on `opts`: `amount_finer_than_unit`,
/// `missing_outcomes`, in strict mode `not_allocated` and `default_key`, and `too_large`.
pub fn allocate(agreement: &Agreement, opts: &Options) -> Result<Allocation> {
    let refused = crate::validate::refusals(agreement);
    if !refused.is_empty() {
        return Err(Error::from_findings(refused));
    }
    let mut out = empty(opts);
    let mut errors: Vec<Finding> = Vec::new();
    collect(
        &Of::new(agreement),
        &tranche_index(agreement),
        &agreement.components,
        &Loc::root(),
        opts,
        &mut out,
        &mut errors,
    );
    not_allocated(agreement, &mut out);
    unread_outcomes(agreement, &opts.outcomes, &mut out);
    finish_strict(out, errors, opts.strict)
}

/// Outcomes that nothing reads are ignored, so each is a warning (`unknown_outcome`): a
/// criterion or measure that no performance rule of `a` reads, a recipient that is not known.
fn unread_outcomes(a: &Agreement, outcomes: &Outcomes, out: &mut Allocation) {
    let mut read = std::collections::BTreeSet::new();
    for (_, c) in a.walk() {
        if let Some(Rule::Performance(p)) = &c.rule {
            for crit in &p.criteria {
                read.extend(crit.test.measures(&crit.id));
            }
        }
    }
    let declared = a.declared_ids();
    for (id, by) in &outcomes.0 {
        let at = Loc::root().join("outcomes").join(id.as_str());
        if !read.contains(id.as_str()) {
            let reads: Vec<&str> = read.iter().copied().collect();
            let f = if reads.is_empty() {
                templates::OUTCOME_NO_PERFORMANCE_RULE.warning(at)
            } else {
                templates::OUTCOME_CRITERION_NOT_READ
                    .warning(at)
                    .with("reads", reads.join(", "))
            };
            out.notes
                .push(f.with("criterion", id).with("agreement", &a.id));
            continue;
        }
        for r in by.keys().filter(|r| r.check_known(&declared, &at).is_err()) {
            let f = templates::OUTCOME_RECIPIENT_UNKNOWN.warning(at.join(r.as_str()));
            out.notes.push(f.with("criterion", id).with("recipient", r));
        }
    }
}

/// The note on the money of `a` that the allocation does not hand out: its share of the
/// agreement's stated amount, and why (no components, or the components noted).
fn not_allocated(a: &Agreement, out: &mut Allocation) {
    let Some(total) = a.amount.as_ref().map(|f| f.value) else {
        return;
    };
    let allocated = out.pot_total();
    let Some(rest) = total
        .checked_sub(allocated)
        .filter(|r| r.value().is_sign_positive() && !r.value().is_zero())
    else {
        return;
    };
    let share = allocated
        .value()
        .checked_mul(100.into())
        .and_then(|x| x.checked_div(total.value()))
        .map_or_else(|| "0".to_owned(), |x| x.round_dp(1).normalize().to_string());
    let noted = out
        .notes
        .iter()
        .filter(|n| n.code == Code::NotAllocated)
        .count();
    let note = match noted {
        _ if a.components.is_empty() => {
            templates::AGREEMENT_WITHOUT_COMPONENTS_NOT_ALLOCATED.info(Loc::root())
        }
        1 => templates::AGREEMENT_ONE_COMPONENT_NOT_ALLOCATED.info(Loc::root()),
        n => templates::AGREEMENT_COMPONENTS_NOT_ALLOCATED
            .info(Loc::root())
            .with("components", n),
    };
    let note = note
        .with("agreement", &a.id)
        .with("rest", rest)
        .with("allocated", allocated)
        .with("amount", total)
        .with("share", share);
    out.notes.insert(0, note);
}

/// [`finish`], and in strict mode every `not_allocated` and `default_key` note an error.
fn finish_strict(
    mut out: Allocation,
    mut errors: Vec<Finding>,
    strict: bool,
) -> Result<Allocation> {
    if strict {
        let strict_codes = [Code::NotAllocated, Code::DefaultKey];
        let (hard, keep): (Vec<_>, Vec<_>) = out
            .notes
            .into_iter()
            .partition(|n| strict_codes.contains(&n.code));
        out.notes = keep;
        errors.extend(hard.into_iter().map(|n| Finding {
            severity: crate::Severity::Error,
            ..n
        }));
    }
    finish(out, errors)
}

/// The allocation, or every error found; also an error when the pots together exceed what a
/// decimal holds (so that every total of the allocation is exact).
fn finish(out: Allocation, errors: Vec<Finding>) -> Result<Allocation> {
    if !errors.is_empty() {
        return Err(Error::from_findings(errors));
    }
    if checked_sum(out.pots.iter().map(|p| p.amount.0)).is_none() {
        return Err(templates::POTS_TOO_LARGE.error(Loc::root()).into_error());
    }
    Ok(out)
}

/// Allocate several agreements into one allocation.
///
/// ```
/// use vardavtal::{Agreement, Options, Sek, allocate_all};
/// let a = Agreement::from_json(r#"{"id": "d", "title": "D", "kind": {"type": "base"}, "years": [2022],
///   "components": [{"id": "b", "name": "B", "amount": "1000", "recipients": "regions", "rule": {"type": "per_capita"}}]}"#)?;
/// let mut b = a.clone();
/// b.id = "e".into();
/// let al = allocate_all(&[a, b], &Options::default())?;
/// assert_eq!(al.total(), Sek::kronor(2000));
/// assert_eq!(al.pots.len(), 2);
/// # Ok::<(), vardavtal::Error>(())
/// ```
///
/// # Errors
/// Every error of [`allocate`] on each agreement, located under its index; `too_large` when
/// the pots together do not fit a `Decimal`.
pub fn allocate_all(agreements: &[Agreement], opts: &Options) -> Result<Allocation> {
    let mut out = empty(opts);
    let mut errors = Vec::new();
    for (i, a) in agreements.iter().enumerate() {
        match allocate(a, opts) {
            Ok(x) => out.extend(x),
            Err(e) => errors.extend(e.prefixed(&Loc::root().join(i)).into_findings()),
        }
    }
    finish(out, errors)
}

/// Allocate one component (by id) of an agreement.
///
/// ```
/// use vardavtal::{Code, Options, Sek, allocate_component, input};
/// let a = input::agreement("okad-tillganglighet-2022")?;
/// let block2 = allocate_component(&a, "block-2", &Options::default())?;
/// assert_eq!(block2.total(), Sek::kronor(443_000_000));
/// let e = allocate_component(&a, "block-9", &Options::default()).unwrap_err();
/// assert_eq!(e.code(), Code::UnknownComponent);
/// # Ok::<(), vardavtal::Error>(())
/// ```
///
/// # Errors
/// `unknown_component` when the agreement has no component `component` (at any depth).
/// Then, as [`allocate`]: every error [`crate::validate::validate`] reports on the
/// agreement, then for the component `amount_finer_than_unit`, `missing_outcomes`,
/// in strict mode `not_allocated` and `default_key`, and `too_large`.
pub fn allocate_component(
    agreement: &Agreement,
    component: &str,
    opts: &Options,
) -> Result<Allocation> {
    let Some((loc, c)) = agreement
        .walk()
        .into_iter()
        .find(|(_, c)| c.id == component)
    else {
        return Err(unknown_component(agreement, component));
    };
    let refused = crate::validate::refusals(agreement);
    if !refused.is_empty() {
        return Err(Error::from_findings(refused));
    }
    let mut out = empty(opts);
    let mut errors = Vec::new();
    let parent = Loc(loc
        .0
        .get(..loc.0.len().saturating_sub(2))
        .map(<[_]>::to_vec)
        .unwrap_or_default());
    collect(
        &Of::new(agreement),
        &tranche_index(agreement),
        std::slice::from_ref(c),
        &parent,
        opts,
        &mut out,
        &mut errors,
    );
    finish_strict(out, errors, opts.strict)
}

/// The note on an unpublished rule: what it needs, in English and, where the agreement says
/// it, in Swedish.
fn unpublished(note: Finding, needs: &str, needs_sv: &Option<String>) -> Finding {
    let note = note.with("needs", needs);
    match needs_sv {
        Some(sv) => note.with("needs.sv", sv),
        None => note,
    }
}

/// The error on a component `component` that `agreement` does not have.
fn unknown_component(agreement: &Agreement, component: &str) -> Error {
    templates::COMPONENT_NOT_IN_AGREEMENT
        .error(Loc::root())
        .with("agreement", &agreement.id)
        .with("component", component)
        .into_error()
}

/// The agreement being allocated, with its id as every row shares it (one copy).
struct Of<'a> {
    a: &'a Agreement,
    id: Arc<str>,
}

impl<'a> Of<'a> {
    fn new(a: &'a Agreement) -> Self {
        Of {
            a,
            id: Arc::from(a.id.as_str()),
        }
    }
}

fn collect(
    of: &Of<'_>,
    index: &TrancheIndex<'_>,
    comps: &[Component],
    at: &Loc,
    opts: &Options,
    out: &mut Allocation,
    errors: &mut Vec<Finding>,
) {
    for (i, c) in comps.iter().enumerate() {
        let here = at.join("components").join(i);
        let note = |t: &'static Template| t.info(here.clone()).with("component", &c.id);
        match &c.rule {
            None if c.components.is_empty() => {
                out.notes
                    .push(note(&templates::COMPONENT_WITHOUT_RULE).with("name", &c.name));
            }
            None => collect(of, index, &c.components, &here, opts, out, errors),
            Some(Rule::Reimbursement {}) => {
                out.notes.push(note(&templates::COMPONENT_REIMBURSED));
            }
            Some(Rule::Unpublished { needs, needs_sv }) => {
                out.notes.push(unpublished(
                    note(&templates::COMPONENT_RULE_UNPUBLISHED),
                    needs,
                    needs_sv,
                ));
            }
            Some(rule) => match pots_of(c, index.get(c.id.as_str()).map_or(&[][..], Vec::as_slice))
            {
                Err(e) => errors.extend(e.prefixed(&here).into_findings()),
                Ok(pots) => run_pots(of, c, rule, pots, &here, opts, out, errors),
            },
        }
    }
}

/// Run a component's rule once, on its whole amount, then spread its rows over its pots
/// (one per tranche; [`tranches::spread`]): its pots and rows into `out`, the notes on its
/// key once, its errors located under its rule.
#[allow(clippy::too_many_arguments)]
fn run_pots(
    of: &Of<'_>,
    c: &Component,
    rule: &Rule,
    pots: Vec<tranches::TranchePot>,
    here: &Loc,
    opts: &Options,
    out: &mut Allocation,
    errors: &mut Vec<Finding>,
) {
    let Some(amount) = checked_sum(pots.iter().map(|p| p.2.0)).map(Sek) else {
        errors.push(templates::POTS_TOO_LARGE.error(here.clone()));
        return;
    };
    let whole = matches!(pots.as_slice(), [(None, _, _)]);
    let a = of.a;
    // one copy of each id, shared by every row of the agreement or component
    let step = Step {
        agreement: Arc::clone(&of.id),
        component: Arc::from(c.id.as_str()),
        tranche: None,
        date: pots.first().filter(|_| whole).and_then(|p| p.1),
        unit: opts.unit,
    };
    let mut notes = Vec::new();
    let run = run_rule(a, c, rule, amount, &step, opts, &mut notes).and_then(|(rows, key)| {
        let rows = if whole {
            rows
        } else {
            tranches::spread(rows, &pots, amount, opts.unit)?
        };
        Ok((rows, key))
    });
    let (rows, key) = match run {
        Ok(x) => x,
        Err(e) => {
            errors.extend(e.prefixed(&here.join("rule")).into_findings());
            return;
        }
    };
    for (tranche, date, pot) in pots {
        out.pots.push(Pot {
            agreement: a.id.clone(),
            component: c.id.clone(),
            tranche,
            date,
            amount: pot,
            rule: rule.as_str().to_owned(),
            key: key.as_ref().map(|k| k.description().to_owned()),
            key_sources: key
                .as_ref()
                .map(|k| k.sources().to_vec())
                .unwrap_or_default(),
        });
    }
    out.push_rows(rows);
    // The notes on the key are located at this component, so only its own can repeat
    // them (comparing with every note of the allocation made many components quadratic).
    let mut own: Vec<Finding> = Vec::new();
    for n in notes {
        let n = n.prefixed(here);
        if !own.contains(&n) {
            own.push(n);
        }
    }
    out.notes.extend(own);
}

/// One what-if scenario of a batch: another key, other outcomes, or both. Its JSON form
/// reads back; `Display` is `Scenario(key=…, outcomes=…)`.
///
/// ```
/// use vardavtal::Scenario;
/// let s: Scenario = vardavtal::json::from_str("{}")?;
/// assert_eq!(s, Scenario::default());
/// assert_eq!(s.to_string(), "Scenario(key=None, outcomes=None)");
/// # Ok::<(), vardavtal::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Scenario {
    /// The key for key-based rules at the same level (as [`Options::key`]).
    #[serde(default)]
    pub key: Option<Key>,
    /// The outcomes (replacing those of the base options).
    #[serde(default)]
    pub outcomes: Option<Outcomes>,
}

impl Scenario {
    /// A scenario of a key (replacing the population keys, as [`Options::key`]) and
    /// outcomes; `None` keeps the agreement's own.
    ///
    /// ```
    /// use vardavtal::{Key, Scenario};
    /// let s = Scenario::new(Some(Key::from_arg("population:regions:2023-11-01")?), None);
    /// assert_eq!(s.to_string(), r#"Scenario(key="population:regions:2023-11-01", outcomes=None)"#);
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn new(key: Option<Key>, outcomes: Option<Outcomes>) -> Scenario {
        Scenario { key, outcomes }
    }
}

impl std::fmt::Display for Scenario {
    /// `Scenario(key="population:regions:2021-11-01", outcomes=<2 criteria>)`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let key = self
            .key
            .as_ref()
            .map_or("None".into(), |k| format!("{:?}", k.description()));
        let outcomes = self
            .outcomes
            .as_ref()
            .map_or("None".into(), |o| format!("<{} criteria>", o.0.len()));
        write!(f, "Scenario(key={key}, outcomes={outcomes})")
    }
}

/// Allocate `agreement` once per scenario, each on `base` with the scenario's key and
/// outcomes. The results are in the order of `scenarios`; a failed scenario does not stop
/// the others.
///
/// ```
/// use vardavtal::{Agreement, Options, Scenario, Key, allocate_batch};
/// let a = Agreement::from_json(r#"{"id": "d", "title": "D", "kind": {"type": "base"}, "years": [2022],
///   "components": [{"id": "b", "name": "B", "amount": "1000", "recipients": "regions", "rule": {"type": "per_capita"}}]}"#)?;
/// let scenarios = vec![Scenario::default(), Scenario::new(Some(Key::from_arg("population:regions:2023-11-01")?), None)];
/// let results = allocate_batch(&a, &Options::default(), &scenarios);
/// assert!(results.iter().all(|r| r.as_ref().is_ok_and(|x| x.total().to_string() == "1000")));
/// # Ok::<(), vardavtal::Error>(())
/// ```
///
/// # Errors
/// The call itself does not fail; each result has the errors of [`allocate`] with the
/// scenario's options.
pub fn allocate_batch(
    agreement: &Agreement,
    base: &Options,
    scenarios: &[Scenario],
) -> Vec<Result<Allocation>> {
    scenarios
        .iter()
        .map(|s| {
            let opts = Options {
                unit: base.unit,
                method: base.method,
                key: s.key.clone().or_else(|| base.key.clone()),
                outcomes: s.outcomes.clone().unwrap_or_else(|| base.outcomes.clone()),
                strict: base.strict,
            };
            allocate(agreement, &opts)
        })
        .collect()
}

/// Split `pot` by `key`, optionally giving `each` to every recipient first, in whole
/// `unit`s. The allocation has one pot (component `"split"`).
///
/// A pot that is negative or finer than the unit is an error at `amount` (the argument's
/// name in every skin), a fixed amount each so at `each`.
///
/// ```
/// use vardavtal::{split, KeySpec, Unit};
/// let key = "population:regions:2021-11-01".parse::<KeySpec>()?.resolve()?;
/// let e = split("-5".parse()?, &key, None, Unit::Krona).unwrap_err();
/// assert_eq!((e.code(), e.findings()[0].loc.to_string()), (vardavtal::Code::NegativeAmount, "amount".to_owned()));
/// let a = split("2100000000".parse()?, &key, Some("50000000".parse()?), Unit::Krona)?;
/// assert_eq!(a.total().to_string(), "2100000000");
/// let each: rust_decimal::Decimal = "50000000".parse()?;
/// assert!(a.by_recipient().iter().all(|t| t.amount.value() > each));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// `negative_amount`, `amount_finer_than_unit` or `too_large` ([`Unit::to_units`]) for the
/// pot, located at `amount`, and for `each`, located at `each`; `too_large` when the pot
/// and the key's weights are too large to apportion exactly. With `each`: `too_large` when
/// `each` × the recipients does not fit, `rule_not_runnable` when it exceeds the pot.
pub fn split(pot: Sek, key: &Key, each: Option<Sek>, unit: Unit) -> Result<Allocation> {
    let step = Step {
        agreement: Arc::from("split"),
        component: Arc::from("split"),
        tranche: None,
        date: None,
        unit,
    };
    let pot_row = Pot {
        agreement: "split".into(),
        component: "split".into(),
        tranche: None,
        date: None,
        amount: pot,
        // labelled by what it is: a care-need key makes it a split by need
        rule: match (each, key.description().starts_with("needs:")) {
            (Some(_), _) => "fixed_plus_key",
            (None, true) => "by_need",
            (None, false) => "per_capita",
        }
        .into(),
        key: Some(key.description().to_owned()),
        key_sources: key.sources().to_vec(),
    };
    let at = |name: &str| {
        let loc = Loc::root().join(name);
        move |e: Error| e.prefixed(&loc)
    };
    // the pot's own problems (negative, finer than the unit) are located at the argument
    unit.to_units(pot).map_err(at("amount"))?;
    if let Some(each) = each {
        unit.to_units(each).map_err(at("each"))?;
    }
    let Some(each) = each else {
        let units = unit.to_units(pot)?;
        // Every figure of a row is at most the pot's units: when they convert back to an
        // amount, so does every figure, and the rows can be made later without failing.
        unit.from_units(units)?;
        let parts = key.split_units(units)?;
        let notes = plan::precision_note("split", key).into_iter().collect();
        return Ok(Allocation::split(unit, pot_row, key, parts, notes));
    };
    let names = |r: &RecipientId| r.name().map_or_else(|| r.to_string(), str::to_owned);
    let rows = fixed_plus_key(&step, pot, each, key, &names)?;
    Ok(Allocation::new(
        unit,
        Method::LargestRemainder,
        vec![pot_row],
        rows,
        plan::precision_note("split", key).into_iter().collect(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::Lang;

    #[test]
    fn notes_and_errors_read_in_english_and_swedish() {
        let a = Agreement::from_json(
            r#"{"id": "d", "title": "D", "kind": {"type": "base"}, "years": [2022], "amount": "1000",
              "components": [{"id": "b", "name": "B", "amount": "400", "recipients": "regions",
                              "rule": {"type": "per_capita"}},
                             {"id": "c", "name": "C", "amount": "600"}]}"#,
        )
        .unwrap();
        let alloc = allocate(&a, &Options::default()).unwrap();
        let note = alloc.notes.first().unwrap();
        assert_eq!(
            note.msg,
            "d allocates 400 kr of its 1 000 kr (40 %): 600 kr are not allocated; 1 component is not allocated (the note below says why)"
        );
        assert!(
            note.message(Lang::Sv)
                .starts_with("d fördelar 400 kr av sina 1 000 kr (40 %)")
        );
        let default = alloc
            .notes
            .iter()
            .find(|n| n.code == Code::DefaultKey)
            .unwrap();
        assert!(default.msg.starts_with("b names no key: the default population:regions:2021-11-01 is used, the bundled population of the regions closest on or before 1 November 2021 (0 days before it)"));
        assert!(
            default
                .message(Lang::Sv)
                .contains("befolkningen i regionerna närmast den 1 november 2021")
        );
        let e = allocate_component(&a, "x", &Options::default()).unwrap_err();
        assert_eq!(e.findings()[0].msg, "agreement d has no component \"x\"");
        let sv = e.in_lang(Lang::Sv);
        assert_eq!(
            sv.findings()[0].msg,
            "överenskommelsen d har ingen komponent \"x\""
        );
    }
}
