//! The performance rule, written once: the pot split over the criteria by their shares,
//! each criterion's pot by the key ([`Potentials`]), who qualifies on what
//! ([`qualifications`]), what each recipient earned ([`earn`]), and where the money not
//! earned goes: a bonus pot shared by what each recipient earned, or back to the state
//! ([`settle`]).
//!
//! The full allocation ([`performance`], with rows and explanations) and the sweep
//! ([`super::sweep::PerformanceSweep`], totals only) both run these functions, in units,
//! so a sweep's totals are those of a full allocation by construction.

use std::sync::Arc;

use rust_decimal::Decimal;

use super::explain::kr;
use super::step::Step;
use super::{Part, Row};
use crate::apportion;
use crate::finding::{Error, Loc, Result};
use crate::key::{Key, apportion_error, scale_to_integers};
use crate::message::templates::allocate as templates;
use crate::money::{Sek, checked_sum};
use crate::outcomes::Outcomes;
use crate::recipient::{RecipientId, STATE};
use crate::rule::{Criterion, Performance, Unearned};

/// Refuse a rule without criteria, or whose criteria's shares are negative or do not sum
/// to 1.
pub(super) fn check(p: &Performance) -> Result<()> {
    if p.criteria.is_empty() {
        let at = Loc::root().join("criteria");
        return Err(templates::PERFORMANCE_WITHOUT_CRITERIA
            .error(at)
            .into_error());
    }
    let shares = p.criteria.iter().map(|c| c.share.0);
    let sum = checked_sum(shares.clone()).unwrap_or(Decimal::MAX);
    let negative = shares.clone().any(|s| s.is_sign_negative() && !s.is_zero());
    if sum != Decimal::ONE || negative {
        let at = Loc::root().join("criteria");
        let f = templates::CRITERIA_SHARES_DO_NOT_SUM.error(at);
        return Err(f.with("sum", sum).into_error());
    }
    Ok(())
}

/// What each recipient of a key can earn on each criterion of a (checked) rule, in units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Potentials {
    /// The pot of each criterion.
    pots: Vec<u128>,
    /// Each criterion's pot split by the key: criteria × recipients.
    cells: Vec<u128>,
    /// The number of recipients.
    n: usize,
}

impl Potentials {
    /// Split `pot` units over the criteria by their shares, then each criterion's pot by
    /// `key`.
    pub(super) fn new(p: &Performance, key: &Key, pot: u128) -> Result<Potentials> {
        let shares: Vec<Decimal> = p.criteria.iter().map(|c| c.share.0).collect();
        let weights = scale_to_integers(&shares).ok_or_else(|| {
            templates::CRITERIA_SHARES_TOO_PRECISE
                .error(Loc::root())
                .into_error()
        })?;
        let pots = apportion::largest_remainder(pot, &weights).map_err(apportion_error)?;
        let mut cells = Vec::with_capacity(pots.len() * key.len());
        for cp in &pots {
            cells.extend(key.split_units(*cp)?);
        }
        Ok(Potentials {
            pots,
            cells,
            n: key.len(),
        })
    }

    /// Every cell: `cells()[c × n + r]` is what recipient `r` can earn on criterion `c`.
    pub(super) fn cells(&self) -> &[u128] {
        &self.cells
    }

    /// Each criterion's pot and its split by the key.
    pub(super) fn criteria(&self) -> impl Iterator<Item = (u128, &[u128])> {
        self.pots
            .iter()
            .copied()
            .zip(self.cells.chunks(self.n.max(1)))
    }
}

/// Whether each recipient of `key` qualifies on each criterion (criteria × recipients, as
/// [`Potentials::cells`]), or an error listing every outcome that is missing.
pub(super) fn qualifications(p: &Performance, key: &Key, outcomes: &Outcomes) -> Result<Vec<bool>> {
    let mut missing = Vec::new();
    let mut passes = Vec::with_capacity(p.criteria.len() * key.len());
    for (ci, crit) in p.criteria.iter().enumerate() {
        let mut lacking = Vec::new();
        for r in key.recipients() {
            match crit.test.evaluate(&crit.id, r, outcomes) {
                Some(b) => passes.push(b),
                None => lacking.push(r.to_string()),
            }
        }
        if !lacking.is_empty() {
            let at = Loc::root().join("criteria").join(ci);
            missing.push(
                templates::CRITERION_OUTCOMES_MISSING
                    .error(at)
                    .with("criterion", &crit.id)
                    .with("name", &crit.name)
                    .with("measures", crit.test.measures(&crit.id).join(", "))
                    .with("test", crit.test.describe())
                    .with("test.sv", crit.test.describe_sv())
                    .with("count", lacking.len())
                    .with("listed", lacking.join(", "))
                    .with("recipients", lacking.join(",")),
            );
        }
    }
    if missing.is_empty() {
        Ok(passes)
    } else {
        Err(Error::from_findings(missing))
    }
}

/// What each recipient earned (into `earned`, as long as the key) given who qualifies on
/// what (as [`Potentials::cells`]); returns the units not earned.
pub(super) fn earn(cells: &[u128], qualified: &[bool], earned: &mut [u128]) -> u128 {
    earned.fill(0);
    let n = earned.len().max(1);
    let mut unearned: u128 = 0;
    for (pots, quals) in cells.chunks(n).zip(qualified.chunks(n)) {
        for ((e, p), q) in earned.iter_mut().zip(pots).zip(quals) {
            if *q {
                *e += p;
            } else {
                unearned += p;
            }
        }
    }
    unearned
}

/// Where the money not earned goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Settlement {
    /// Everything was earned.
    AllEarned,
    /// The bonus pot, shared by what each recipient earned (in the order of the key).
    Bonus(Vec<u128>),
    /// Back to the state: with a return rule, or a bonus pot that no one earned a share of.
    Returned(u128),
}

/// Settle `unearned` units by the rule, given what each recipient earned.
pub(super) fn settle(rule: Unearned, unearned: u128, earned: &[u128]) -> Result<Settlement> {
    if unearned == 0 {
        return Ok(Settlement::AllEarned);
    }
    if rule == Unearned::BonusPot && earned.iter().any(|x| *x > 0) {
        let bonus = apportion::largest_remainder(unearned, earned).map_err(apportion_error)?;
        return Ok(Settlement::Bonus(bonus));
    }
    Ok(Settlement::Returned(unearned))
}

/// The performance rule with rows and explanations: one row per criterion and recipient
/// (zero where it did not qualify), then the bonus pot's rows or the state's row.
pub(super) fn performance(
    step: &Step,
    pot: Sek,
    p: &Performance,
    key: &Key,
    outcomes: &Outcomes,
    names: &dyn Fn(&RecipientId) -> String,
) -> Result<Vec<Row>> {
    check(p)?;
    let qualified = qualifications(p, key, outcomes)?;
    let potentials = Potentials::new(p, key, step.unit.to_units(pot)?)?;
    let mut earned = vec![0u128; key.len()];
    let unearned = earn(potentials.cells(), &qualified, &mut earned);
    let mut rows = Vec::with_capacity(potentials.cells().len() + key.len());
    let by_criterion = p
        .criteria
        .iter()
        .zip(potentials.criteria())
        .zip(qualified.chunks(key.len().max(1)));
    for ((crit, (cpot, parts)), quals) in by_criterion {
        let cpot = step.unit.from_units(cpot)?;
        let crit_id: Arc<str> = Arc::from(crit.id.as_str());
        let earned_rows =
            step.by_key_parts(cpot, key, parts, Part::Earned, Some(&crit_id), names)?;
        for (mut row, ok) in earned_rows.into_iter().zip(quals) {
            row.basis.qualified = Some(*ok);
            let (en, sv) = qualification_note(crit, &row, *ok, p.unearned, outcomes);
            row.basis.note = Some(en);
            row.basis.note_sv = Some(sv);
            if !*ok {
                row.amount = Sek::ZERO;
            }
            rows.push(row);
        }
    }
    match settle(p.unearned, unearned, &earned)? {
        Settlement::AllEarned => {}
        Settlement::Bonus(bonus) => {
            rows.extend(bonus_rows(step, unearned, key, &earned, &bonus, names)?);
        }
        Settlement::Returned(units) => {
            let note = match p.unearned {
                Unearned::BonusPot => Some((
                    "No recipient earned any money, so the bonus pot cannot be paid out".to_owned(),
                    "Ingen mottagare uppnådde något, så bonuspotten kan inte betalas ut".to_owned(),
                )),
                Unearned::ReturnToState => None,
            };
            let state = RecipientId::new(STATE);
            let name = names(&state);
            let amount = step.unit.from_units(units)?;
            rows.push(step.whole(amount, state, name, Part::Returned, note));
        }
    }
    Ok(rows)
}

/// Why a recipient qualified on a criterion or not, with the outcomes measured, in English
/// and in Swedish.
fn qualification_note(
    crit: &Criterion,
    row: &Row,
    ok: bool,
    unearned: Unearned,
    outcomes: &Outcomes,
) -> (String, String) {
    let (mut en, mut sv) = (String::new(), String::new());
    for m in crit.test.measures(&crit.id) {
        let Some(o) = outcomes.get(m, &row.recipient) else {
            continue;
        };
        let num = |d: Decimal| crate::swedish::format_number(d);
        match (o.value, o.previous, o.met) {
            // values as their JSON form writes them (`0.80` as `0.8`), so that outcomes read
            // back from JSON (a pickle, a saved scenario) explain alike
            (Some(v), Some(p), _) => {
                let (v, p) = (v.normalize(), p.normalize());
                en += &format!(" ({m}: {v}, last year {p})");
                sv += &format!(" ({m}: {}, förra året {})", num(v), num(p));
            }
            (Some(v), None, _) => {
                let v = v.normalize();
                en += &format!(" ({m}: {v})");
                sv += &format!(" ({m}: {})", num(v));
            }
            (_, _, Some(x)) => {
                en += &format!(" ({m} met: {x})");
                sv += &format!(" ({m} uppfyllt: {})", if x { "ja" } else { "nej" });
            }
            _ => {}
        }
    }
    let (id, test, test_sv) = (&crit.id, crit.test.describe(), crit.test.describe_sv());
    if ok {
        return (
            format!("Qualified on {id}: {test}{en}"),
            format!("Uppfyllde {id}: {test_sv}{sv}"),
        );
    }
    let (to, till) = match unearned {
        Unearned::BonusPot => ("the bonus pot", "bonuspotten"),
        Unearned::ReturnToState => ("the state", "staten"),
    };
    let amount = kr(row.amount);
    (
        format!("Did not qualify on {id}: {test}{en}; its {amount} goes to {to}"),
        format!("Uppfyllde inte {id}: {test_sv}{sv}; dess {amount} går till {till}"),
    )
}

/// The rows of the bonus pot: the `bonus` units [`settle`] gave each recipient that earned
/// something, with the figures of a key of what they earned.
fn bonus_rows(
    step: &Step,
    unearned: u128,
    key: &Key,
    earned: &[u128],
    bonus: &[u128],
    names: &dyn Fn(&RecipientId) -> String,
) -> Result<Vec<Row>> {
    let mut earners = Vec::new();
    let mut parts = Vec::new();
    for ((r, e), b) in key.recipients().iter().zip(earned).zip(bonus) {
        if *e > 0 {
            earners.push((r.clone(), step.unit.from_units(*e)?.0));
            parts.push(*b);
        }
    }
    let bonus_key = Key::new(
        format!("money earned on the criteria of {}", step.component),
        vec![],
        earners,
        &[RecipientId::new(STATE)],
    )?;
    let pot = step.unit.from_units(unearned)?;
    step.by_key_parts(pot, &bonus_key, &parts, Part::Bonus, None, names)
}
