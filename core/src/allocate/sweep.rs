//! Sweeps: the same performance-based component allocated under many outcome scenarios,
//! fast. Only the totals per recipient are computed (no rows, no explanations), with the
//! same exact arithmetic as [`crate::allocate()`], so every total equals the one a full
//! allocation gives.
//!
//! ```
//! use vardavtal::{Agreement, Options, sweep::PerformanceSweep};
//! let a = Agreement::from_json(include_str!("../../../examples/demo-agreement.json"))?;
//! let sweep = PerformanceSweep::new(&a, "prestation", &Options::default())?;
//! // Every region meets every criterion: each gets its full share.
//! let all = vec![true; sweep.criteria().len() * sweep.recipients().len()];
//! let mut totals = vec![0u128; sweep.recipients().len()];
//! let returned = sweep.totals_into(&all, &mut totals)?;
//! assert_eq!(returned, 0);
//! assert_eq!(totals.iter().sum::<u128>(), 2_000_000_000);
//! # Ok::<(), vardavtal::Error>(())
//! ```

use super::Options;
use super::plan::{component_pots, resolve_key};
use crate::agreement::Agreement;
use crate::apportion::{largest_remainder, largest_remainder_into};
use crate::finding::{Code, Error, Loc, Result};
use crate::key::{apportion_error, scale_to_integers};
use crate::money::{Sek, Unit};
use crate::outcomes::Outcomes;
use crate::recipient::RecipientId;
use crate::rule::{Performance, Rule, Unearned};

/// A performance-based component prepared for many scenarios.
#[derive(Debug, Clone)]
pub struct PerformanceSweep {
    rule: Performance,
    recipients: Vec<RecipientId>,
    /// What each recipient can earn on each criterion, in units: criteria × recipients.
    potentials: Vec<u128>,
    unit: Unit,
}

impl PerformanceSweep {
    /// Prepare component `component` of `agreement` (a performance rule paid in one
    /// tranche) with the key of `opts`.
    pub fn new(agreement: &Agreement, component: &str, opts: &Options) -> Result<PerformanceSweep> {
        let c = agreement.component(component).ok_or_else(|| {
            Error::new(
                Code::UnknownComponent,
                Loc::root(),
                format!("agreement {} has no component {component:?}", agreement.id),
            )
        })?;
        let Some(Rule::Performance(p)) = &c.rule else {
            return Err(Error::new(
                Code::RuleNotRunnable,
                Loc::root(),
                format!("component {component} is not performance-based"),
            ));
        };
        let pots = component_pots(agreement, c)?;
        let [(_, _, pot)] = pots.as_slice() else {
            return Err(Error::new(
                Code::RuleNotRunnable,
                Loc::root(),
                format!("a sweep needs component {component} paid in one tranche"),
            ));
        };
        let key = resolve_key(agreement, c, p.key.as_ref(), None, opts)?;
        let shares: Vec<rust_decimal::Decimal> = p.criteria.iter().map(|c| c.share.0).collect();
        if p.criteria.is_empty()
            || crate::money::checked_sum(shares.iter().copied()) != Some(rust_decimal::Decimal::ONE)
        {
            return Err(Error::new(
                Code::SharesDoNotSum,
                Loc::root().join("criteria"),
                "the criteria's shares must sum to 1",
            ));
        }
        let weights = scale_to_integers(&shares).ok_or_else(|| {
            Error::new(
                Code::TooLarge,
                Loc::root(),
                "criterion shares have too many digits",
            )
        })?;
        let crit_pots =
            largest_remainder(opts.unit.to_units(*pot)?, &weights).map_err(apportion_error)?;
        let mut potentials = Vec::with_capacity(crit_pots.len() * key.len());
        for cp in crit_pots {
            potentials.extend(key.split_units(cp)?);
        }
        Ok(PerformanceSweep {
            rule: p.clone(),
            recipients: key.recipients().to_vec(),
            potentials,
            unit: opts.unit,
        })
    }

    /// The recipients, in the order of the totals.
    pub fn recipients(&self) -> &[RecipientId] {
        &self.recipients
    }

    /// The criterion ids, in the order of `qualified`'s rows.
    pub fn criteria(&self) -> Vec<&str> {
        self.rule.criteria.iter().map(|c| c.id.as_str()).collect()
    }

    /// The totals per recipient, in units, for one scenario: `qualified[c × n + r]` says
    /// whether recipient `r` qualifies on criterion `c`. Returns the units returned to the
    /// state (zero with a bonus pot unless no recipient earned anything).
    pub fn totals_into(&self, qualified: &[bool], out: &mut [u128]) -> Result<u128> {
        let n = self.recipients.len();
        if qualified.len() != self.potentials.len() || out.len() < n {
            return Err(Error::new(
                Code::InvalidValue,
                Loc::root(),
                format!(
                    "a scenario needs {} qualifications ({} criteria × {n} recipients)",
                    self.potentials.len(),
                    self.rule.criteria.len()
                ),
            ));
        }
        let out = out.get_mut(..n).unwrap_or_default();
        out.fill(0);
        let mut unearned: u128 = 0;
        for (pots, quals) in self.potentials.chunks(n).zip(qualified.chunks(n)) {
            for ((o, p), q) in out.iter_mut().zip(pots).zip(quals) {
                if *q {
                    *o += p;
                } else {
                    unearned += p;
                }
            }
        }
        if unearned == 0 {
            return Ok(0);
        }
        if self.rule.unearned == Unearned::BonusPot && out.iter().any(|x| *x > 0) {
            let earned = out.to_vec();
            let mut bonus = vec![0u128; n];
            largest_remainder_into(unearned, &earned, &mut bonus).map_err(apportion_error)?;
            for (o, b) in out.iter_mut().zip(bonus) {
                *o += b;
            }
            return Ok(0);
        }
        Ok(unearned)
    }

    /// The totals per recipient for one set of outcomes (the tests of the criteria
    /// evaluated as in [`crate::allocate()`]), and the amount returned to the state.
    pub fn totals(&self, outcomes: &Outcomes) -> Result<(Vec<Sek>, Sek)> {
        let mut qualified = Vec::with_capacity(self.potentials.len());
        for c in &self.rule.criteria {
            for r in &self.recipients {
                qualified.push(c.test.evaluate(&c.id, r, outcomes).ok_or_else(|| {
                    Error::new(
                        Code::MissingOutcomes,
                        Loc::root(),
                        format!("criterion {} needs outcomes for {r}", c.id),
                    )
                    .with("criterion", &c.id)
                    .with("recipient", r)
                })?);
            }
        }
        let mut out = vec![0u128; self.recipients.len()];
        let returned = self.totals_into(&qualified, &mut out)?;
        let totals = out
            .into_iter()
            .map(|u| self.unit.from_units(u))
            .collect::<Result<_>>()?;
        Ok((totals, self.unit.from_units(returned)?))
    }
}
