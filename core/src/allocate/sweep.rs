//! Sweeps: the same performance-based component allocated under many outcome scenarios,
//! fast. Only the totals per recipient are computed (no rows, no explanations), by the
//! same functions as [`crate::allocate()`] (those of `performance.rs`: the criteria's pots
//! by the key, what each recipient earned, the bonus pot or the return to the state), so
//! every total equals the one a full allocation gives.
//!
//! ```
//! use vardavtal::{Options, catalog, sweep::PerformanceSweep};
//! // Kömiljarden 2019: 1,28 miljarder kronor for shorter waits.
//! let cat = catalog::catalog();
//! let a = cat.agreement("komiljard-2019").expect("in the catalog");
//! let sweep = PerformanceSweep::new(a, "prestation", &Options::default())?;
//! // Every region meets every criterion: each gets its full share.
//! let all = vec![true; sweep.criteria().len() * sweep.recipients().len()];
//! let mut totals = vec![0u128; sweep.recipients().len()];
//! let returned = sweep.totals_into(&all, &mut totals)?;
//! assert_eq!(returned, 0);
//! assert_eq!(totals.iter().sum::<u128>(), 1_280_000_000);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use super::Options;
use super::performance::{self, Potentials, Settlement};
use super::plan::{component_pots, resolve_key};
use crate::agreement::Agreement;
use crate::finding::{Error, Loc, Result};
use crate::key::Key;
use crate::message::templates::allocate as templates;
use crate::money::{Sek, Unit};
use crate::outcomes::Outcomes;
use crate::recipient::RecipientId;
use crate::rule::{Performance, Rule};

/// A performance-based component prepared for many scenarios.
///
/// ```
/// use vardavtal::{Options, catalog::catalog, sweep::PerformanceSweep};
/// let a = catalog().find_agreement("komiljard-2019")?;
/// let sweep = PerformanceSweep::new(a, "prestation", &Options::default())?;
/// // Only Region Stockholm (the first recipient) qualifies: the rest goes back to the state.
/// let mut qualified = vec![false; sweep.recipients().len()];
/// qualified[0] = true;
/// let mut totals = vec![0u128; sweep.recipients().len()];
/// let returned = sweep.totals_into(&qualified, &mut totals)?;
/// assert_eq!((totals[0], returned), (291_932_055, 1_280_000_000 - 291_932_055));
/// # Ok::<(), vardavtal::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct PerformanceSweep {
    rule: Performance,
    key: Key,
    /// What each recipient can earn on each criterion, in units: criteria × recipients.
    potentials: Potentials,
    unit: Unit,
}

impl PerformanceSweep {
    /// Prepare component `component` of `agreement` (a performance rule paid in one
    /// tranche) with the key of `opts`.
    ///
    /// ```
    /// use vardavtal::{Code, Options, catalog::catalog, sweep::PerformanceSweep};
    /// let cat = catalog();
    /// let a = cat.find_agreement("komiljard-2019")?;
    /// let sweep = PerformanceSweep::new(a, "prestation", &Options::default())?;
    /// assert_eq!(sweep.recipients().len(), 21);
    /// let other = cat.find_agreement("okad-tillganglighet-2022")?;
    /// let e = PerformanceSweep::new(other, "block-2", &Options::default()).unwrap_err();
    /// assert_eq!(e.code(), Code::RuleNotRunnable); // a population split, not a performance rule
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    ///
    /// # Errors
    /// `unknown_component` when the agreement has no such component; then, as
    /// [`allocate`](fn@crate::allocate), every error [`crate::validate::validate`] reports on
    /// the agreement (same code and location); `rule_not_runnable`
    /// when its rule is not a performance rule, it is paid in more than one tranche, it has
    /// no amount, its criteria are none, or its recipients have no key (no key for the
    /// group, no year for the default key). The errors of its amount and tranches:
    /// `negative_amount`, `invalid_value` (tranche amounts and shares mixed),
    /// `tranches_do_not_sum`, `negative_weight`, `shares_do_not_sum`. The errors of its key
    /// ([`crate::KeySpec::resolve_with`], [`Key::restrict`]), `no_population_data` among them.
    /// `shares_do_not_sum` when the criteria's shares do not sum to one;
    /// `amount_finer_than_unit` when the amount has digits finer than the unit of `opts`;
    /// `too_large` when the figures do not fit.
    pub fn new(agreement: &Agreement, component: &str, opts: &Options) -> Result<PerformanceSweep> {
        let c = agreement
            .component(component)
            .ok_or_else(|| super::unknown_component(agreement, component))?;
        let refused = crate::validate::refusals(agreement);
        if !refused.is_empty() {
            return Err(Error::from_findings(refused));
        }
        let Some(Rule::Performance(p)) = &c.rule else {
            let f = templates::SWEEP_COMPONENT_NOT_PERFORMANCE.error(Loc::root());
            return Err(f.with("component", component).into_error());
        };
        let pots = component_pots(agreement, c)?;
        let [(_, _, pot)] = pots.as_slice() else {
            let f = templates::SWEEP_NEEDS_ONE_TRANCHE.error(Loc::root());
            return Err(f.with("component", component).into_error());
        };
        let key = resolve_key(agreement, c, p.key.as_ref(), None, opts, &mut Vec::new())?;
        performance::check(p)?;
        let potentials = Potentials::new(p, &key, opts.unit.to_units(*pot)?)?;
        Ok(PerformanceSweep {
            rule: p.clone(),
            key,
            potentials,
            unit: opts.unit,
        })
    }

    /// The recipients, in the order of the totals.
    ///
    /// ```
    /// use vardavtal::{Options, RecipientId, catalog::catalog, sweep::PerformanceSweep};
    /// let a = catalog().find_agreement("komiljard-2019")?;
    /// let sweep = PerformanceSweep::new(a, "prestation", &Options::default())?;
    /// assert_eq!(sweep.recipients().len(), 21);
    /// assert_eq!(sweep.recipients()[..2], [RecipientId::new("01"), RecipientId::new("03")]);
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn recipients(&self) -> &[RecipientId] {
        self.key.recipients()
    }

    /// The criterion ids, in the order of `qualified`'s rows.
    ///
    /// ```
    /// use vardavtal::{Options, catalog::catalog, sweep::PerformanceSweep};
    /// let a = catalog().find_agreement("komiljard-2019")?;
    /// let sweep = PerformanceSweep::new(a, "prestation", &Options::default())?;
    /// assert_eq!(sweep.criteria(), ["wait90"]);
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn criteria(&self) -> Vec<&str> {
        self.rule.criteria.iter().map(|c| c.id.as_str()).collect()
    }

    /// The totals per recipient, in units, for one scenario: `qualified[c × n + r]` says
    /// whether recipient `r` qualifies on criterion `c`. Returns the units returned to the
    /// state (zero with a bonus pot unless no recipient earned anything).
    ///
    /// ```
    /// use vardavtal::{Code, Options, catalog::catalog, sweep::PerformanceSweep};
    /// let a = catalog().find_agreement("komiljard-2019")?;
    /// let sweep = PerformanceSweep::new(a, "prestation", &Options::default())?;
    /// let mut out = vec![0u128; sweep.recipients().len()];
    /// // nobody qualifies on anything: with nothing earned, everything goes back to the state
    /// let none = vec![false; sweep.criteria().len() * out.len()];
    /// assert_eq!(sweep.totals_into(&none, &mut out)?, 1_280_000_000);
    /// assert!(out.iter().all(|x| *x == 0));
    /// let e = sweep.totals_into(&[true], &mut out).unwrap_err();
    /// assert_eq!(e.code(), Code::InvalidValue);
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    ///
    /// # Errors
    /// `invalid_value` (`sweep_qualifications_count`) when `qualified` is not criteria ×
    /// recipients long or `out` is shorter than the recipients; `too_large` when a bonus
    /// pot is too large to share exactly.
    pub fn totals_into(&self, qualified: &[bool], out: &mut [u128]) -> Result<u128> {
        let n = self.key.len();
        let cells = self.potentials.cells();
        if qualified.len() != cells.len() || out.len() < n {
            return Err(templates::SWEEP_QUALIFICATIONS_COUNT
                .error(Loc::root())
                .with("needed", cells.len())
                .with("criteria", self.rule.criteria.len())
                .with("recipients", n)
                .into_error());
        }
        let out = out.get_mut(..n).unwrap_or_default();
        let unearned = performance::earn(cells, qualified, out);
        match performance::settle(self.rule.unearned, unearned, out)? {
            Settlement::AllEarned => Ok(0),
            Settlement::Bonus(bonus) => {
                for (o, b) in out.iter_mut().zip(bonus) {
                    *o += b;
                }
                Ok(0)
            }
            Settlement::Returned(units) => Ok(units),
        }
    }

    /// The totals per recipient for one set of outcomes (the tests of the criteria
    /// evaluated as in [`crate::allocate()`]), and the amount returned to the state.
    ///
    /// ```
    /// use vardavtal::{Code, Options, Outcomes, catalog::catalog, sweep::PerformanceSweep};
    /// let a = catalog().find_agreement("komiljard-2019")?;
    /// let sweep = PerformanceSweep::new(a, "prestation", &Options::default())?;
    /// let e = sweep.totals(&Outcomes::default()).unwrap_err();
    /// assert_eq!(e.code(), Code::MissingOutcomes);
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    ///
    /// # Errors
    /// `missing_outcomes` for every criterion some recipient has no outcome for; then the
    /// errors of [`PerformanceSweep::totals_into`]; `too_large` when a total does not fit a
    /// `Decimal`.
    pub fn totals(&self, outcomes: &Outcomes) -> Result<(Vec<Sek>, Sek)> {
        let qualified = performance::qualifications(&self.rule, &self.key, outcomes)?;
        let mut out = vec![0u128; self.key.len()];
        let returned = self.totals_into(&qualified, &mut out)?;
        let totals = out
            .into_iter()
            .map(|u| self.unit.from_units(u))
            .collect::<Result<_>>()?;
        Ok((totals, self.unit.from_units(returned)?))
    }
}
