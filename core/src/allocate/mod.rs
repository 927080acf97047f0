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
//! | the rules: per capita, need, fixed, equal, fixed plus key | `rules.rs` |
//! | the performance rule: criteria, qualification, bonus pot or return | `performance.rs` |
//! | many performance scenarios, fast ([`sweep`]) | `sweep.rs` |
//! | scenario comparison ([`compare`]) | `compare.rs` |
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
mod step;

pub mod compare;
pub mod sweep;

use serde::{Deserialize, Serialize};

use crate::agreement::{Agreement, Component};
use crate::finding::{Code, Error, Finding, Loc, Result};
use crate::key::Key;
use crate::money::{Sek, Unit, checked_sum};
use crate::outcomes::Outcomes;
use crate::recipient::RecipientId;
use crate::rule::Rule;

pub use pivot::{Pivot, PivotColumn, PivotRow};
pub use result::{Allocation, Basis, Part, Pot, Row, Total};

use plan::{TrancheIndex, pots_of, tranche_index};
use rules::{fixed_plus_key, run_rule};
use step::Step;

/// The apportionment method.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Largest remainder (Hamilton), ties to the first recipient in code order.
    #[default]
    LargestRemainder,
}

/// What an allocation runs with.
#[derive(Debug, Clone, Default, PartialEq)]
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
pub fn allocate(agreement: &Agreement, opts: &Options) -> Result<Allocation> {
    let mut out = empty(opts);
    let mut errors: Vec<Finding> = Vec::new();
    collect(
        agreement,
        &tranche_index(agreement),
        &agreement.components,
        &Loc::root(),
        opts,
        &mut out,
        &mut errors,
    );
    finish(out, errors)
}

/// The allocation, or every error found; also an error when the pots together exceed what a
/// decimal holds (so that every total of the allocation is exact).
fn finish(out: Allocation, errors: Vec<Finding>) -> Result<Allocation> {
    if !errors.is_empty() {
        return Err(Error::from_findings(errors));
    }
    if checked_sum(out.pots.iter().map(|p| p.amount.0)).is_none() {
        return Err(Error::new(
            Code::TooLarge,
            Loc::root(),
            "the pots together are more than a decimal holds (about 7.9 × 10^28 kronor)",
        ));
    }
    Ok(out)
}

/// Allocate several agreements into one allocation.
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
        return Err(Error::new(
            Code::UnknownComponent,
            Loc::root(),
            format!("agreement {} has no component {component:?}", agreement.id),
        ));
    };
    let mut out = empty(opts);
    let mut errors = Vec::new();
    let parent = Loc(loc
        .0
        .get(..loc.0.len().saturating_sub(2))
        .map(<[_]>::to_vec)
        .unwrap_or_default());
    collect(
        agreement,
        &tranche_index(agreement),
        std::slice::from_ref(c),
        &parent,
        opts,
        &mut out,
        &mut errors,
    );
    finish(out, errors)
}

fn collect(
    a: &Agreement,
    index: &TrancheIndex<'_>,
    comps: &[Component],
    at: &Loc,
    opts: &Options,
    out: &mut Allocation,
    errors: &mut Vec<Finding>,
) {
    for (i, c) in comps.iter().enumerate() {
        let here = at.join("components").join(i);
        let note =
            |msg: String| Finding::info(Code::Note, here.clone(), msg).with("component", &c.id);
        match &c.rule {
            None if c.components.is_empty() => {
                out.notes.push(note(format!(
                    "{} ({}) has no rule: not allocated",
                    c.id, c.name
                )));
            }
            None => collect(a, index, &c.components, &here, opts, out, errors),
            Some(Rule::Reimbursement {}) => {
                out.notes.push(note(format!("{} is paid as reimbursement of reported actual costs: nothing to split ahead of time", c.id)));
            }
            Some(Rule::Unpublished { needs }) => {
                out.notes.push(note(format!(
                    "{}: the sources do not say how it is split; needs {needs}",
                    c.id
                )));
            }
            Some(rule) => match pots_of(c, index.get(c.id.as_str()).map_or(&[][..], Vec::as_slice))
            {
                Err(e) => errors.extend(e.prefixed(&here).into_findings()),
                Ok(pots) => {
                    for (tranche, date, pot) in pots {
                        let step = Step {
                            agreement: &a.id,
                            component: &c.id,
                            tranche: tranche.as_deref(),
                            date,
                            unit: opts.unit,
                        };
                        match run_rule(a, c, rule, pot, &step, opts) {
                            Ok((rows, key)) => {
                                out.pots.push(Pot {
                                    agreement: a.id.clone(),
                                    component: c.id.clone(),
                                    tranche: tranche.clone(),
                                    date,
                                    amount: pot,
                                    rule: rule.as_str().to_owned(),
                                    key: key.as_ref().map(|k| k.description().to_owned()),
                                    key_sources: key
                                        .map(|k| k.sources().to_vec())
                                        .unwrap_or_default(),
                                });
                                out.push_rows(rows);
                            }
                            Err(e) => errors.extend(e.prefixed(&here.join("rule")).into_findings()),
                        }
                    }
                }
            },
        }
    }
}

/// One what-if scenario of a batch: another key, other outcomes, or both.
#[derive(Debug, Clone, Default)]
pub struct Scenario {
    /// The key for key-based rules at the same level (as [`Options::key`]).
    pub key: Option<Key>,
    /// The outcomes (replacing those of the base options).
    pub outcomes: Option<Outcomes>,
}

/// Allocate `agreement` once per scenario, each on `base` with the scenario's key and
/// outcomes. The results are in the order of `scenarios`; a failed scenario does not stop
/// the others.
///
/// ```
/// use vardavtal::{Agreement, Options, Scenario, Key, allocate_batch};
/// let a = Agreement::from_json(r#"{"id": "d", "title": "D", "kind": {"type": "base"}, "years": [2022],
///   "components": [{"id": "b", "name": "B", "amount": "1000", "recipients": "regions", "rule": {"type": "per_capita"}}]}"#)?;
/// let scenarios = vec![Scenario::default(), Scenario { key: Some(Key::from_arg("population:regions:2023-11-01")?), outcomes: None }];
/// let results = allocate_batch(&a, &Options::default(), &scenarios);
/// assert!(results.iter().all(|r| r.as_ref().is_ok_and(|x| x.total().to_string() == "1000")));
/// # Ok::<(), vardavtal::Error>(())
/// ```
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
            };
            allocate(agreement, &opts)
        })
        .collect()
}

/// Split `pot` by `key`, optionally giving `each` to every recipient first, in whole
/// `unit`s. The allocation has one pot (component `"split"`).
///
/// ```
/// use vardavtal::{split, KeySpec, Unit};
/// let key = "population:regions:2021-11-01".parse::<KeySpec>()?.resolve()?;
/// let a = split("2100000000".parse()?, &key, Some("50000000".parse()?), Unit::Krona)?;
/// assert_eq!(a.total().to_string(), "2100000000");
/// let each: rust_decimal::Decimal = "50000000".parse()?;
/// assert!(a.by_recipient().iter().all(|t| t.amount.value() > each));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn split(pot: Sek, key: &Key, each: Option<Sek>, unit: Unit) -> Result<Allocation> {
    let step = Step {
        agreement: "split",
        component: "split",
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
        rule: if each.is_some() {
            "fixed_plus_key"
        } else {
            "per_capita"
        }
        .into(),
        key: Some(key.description().to_owned()),
        key_sources: key.sources().to_vec(),
    };
    let Some(each) = each else {
        let units = unit.to_units(pot)?;
        // Every figure of a row is at most the pot's units: when they convert back to an
        // amount, so does every figure, and the rows can be made later without failing.
        unit.from_units(units)?;
        let parts = key.split_units(units)?;
        return Ok(Allocation::split(unit, pot_row, key, parts));
    };
    let names = |r: &RecipientId| r.name().map_or_else(|| r.to_string(), str::to_owned);
    let rows = fixed_plus_key(&step, pot, each, key, &names)?;
    Ok(Allocation::new(
        unit,
        Method::LargestRemainder,
        vec![pot_row],
        rows,
        Vec::new(),
    ))
}
