//! The performance rule: the pot split over the criteria by their shares, each criterion's
//! pot by the key to the recipients that qualify, and the money not earned to a bonus pot
//! (by what each recipient earned) or back to the state.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::explain::kr;
use super::step::Step;
use super::{Part, Row};
use crate::apportion;
use crate::finding::{Code, Error, Finding, Loc, Result};
use crate::key::{Key, apportion_error, scale_to_integers};
use crate::money::{Sek, checked_sum};
use crate::outcomes::Outcomes;
use crate::recipient::{RecipientId, STATE};
use crate::rule::{Performance, Unearned};

pub(super) fn performance(
    step: &Step<'_>,
    pot: Sek,
    p: &Performance,
    key: &Key,
    outcomes: &Outcomes,
    names: &dyn Fn(&RecipientId) -> String,
) -> Result<Vec<Row>> {
    if p.criteria.is_empty() {
        return Err(Error::new(
            Code::RuleNotRunnable,
            Loc::root().join("criteria"),
            "a performance rule needs at least one criterion",
        ));
    }
    let shares: Vec<Decimal> = p.criteria.iter().map(|c| c.share.0).collect();
    let sum = checked_sum(shares.iter().copied()).unwrap_or(Decimal::MAX);
    if sum != Decimal::ONE || shares.iter().any(|s| s.is_sign_negative() && !s.is_zero()) {
        return Err(Error::new(
            Code::SharesDoNotSum,
            Loc::root().join("criteria"),
            format!("the criteria's shares sum to {sum}, not 1"),
        )
        .with("sum", sum));
    }
    // Every outcome the rule needs, or an error listing all that are missing.
    let mut missing = Vec::new();
    let mut passes: Vec<Vec<bool>> = Vec::new();
    for (ci, crit) in p.criteria.iter().enumerate() {
        let mut v = Vec::with_capacity(key.len());
        let mut lacking = Vec::new();
        for r in key.recipients() {
            match crit.test.evaluate(&crit.id, r, outcomes) {
                Some(b) => v.push(b),
                None => lacking.push(r.to_string()),
            }
        }
        if !lacking.is_empty() {
            missing.push(
                Finding::error(
                    Code::MissingOutcomes,
                    Loc::root().join("criteria").join(ci),
                    format!(
                        "criterion {} ({}) needs outcomes [{}] ({}) for {} recipients: {}",
                        crit.id,
                        crit.name,
                        crit.test.measures(&crit.id).join(", "),
                        crit.test.describe(),
                        lacking.len(),
                        lacking.join(", ")
                    ),
                )
                .with("criterion", &crit.id)
                .with("recipients", lacking.join(",")),
            );
        }
        passes.push(v);
    }
    if !missing.is_empty() {
        return Err(Error::from_findings(missing));
    }
    let crit_pots = apportion::largest_remainder(
        step.unit.to_units(pot)?,
        &scale_to_integers(&shares).ok_or_else(|| {
            Error::new(
                Code::TooLarge,
                Loc::root(),
                "criterion shares have too many digits",
            )
        })?,
    )
    .map_err(apportion_error)?;
    let mut rows = Vec::new();
    let mut unearned: u128 = 0;
    let mut earned: BTreeMap<RecipientId, Decimal> = BTreeMap::new();
    for ((crit, cpot), pass) in p.criteria.iter().zip(crit_pots).zip(&passes) {
        let cpot = step.unit.from_units(cpot)?;
        for (mut row, ok) in step
            .by_key(cpot, key, Part::Earned, Some(&crit.id), names)?
            .into_iter()
            .zip(pass)
        {
            let measured: String = crit
                .test
                .measures(&crit.id)
                .into_iter()
                .filter_map(|m| {
                    let o = outcomes.get(m, &row.recipient)?;
                    Some(match (o.value, o.previous, o.met) {
                        (Some(v), Some(p), _) => format!(" ({m}: {v}, last year {p})"),
                        (Some(v), None, _) => format!(" ({m}: {v})"),
                        (_, _, Some(x)) => format!(" ({m} met: {x})"),
                        _ => String::new(),
                    })
                })
                .collect();
            row.basis.qualified = Some(*ok);
            if *ok {
                *earned.entry(row.recipient.clone()).or_default() += row.amount.0;
                row.basis.note = Some(format!(
                    "Qualified on {}: {}{measured}",
                    crit.id,
                    crit.test.describe()
                ));
            } else {
                unearned += step.unit.to_units(row.amount)?;
                row.basis.note = Some(format!(
                    "Did not qualify on {}: {}{measured}; its {} goes to {}",
                    crit.id,
                    crit.test.describe(),
                    kr(row.amount),
                    match p.unearned {
                        Unearned::BonusPot => "the bonus pot",
                        Unearned::ReturnToState => "the state",
                    }
                ));
                row.amount = Sek::ZERO;
            }
            rows.push(row);
        }
    }
    if unearned == 0 {
        return Ok(rows);
    }
    let unearned_sek = step.unit.from_units(unearned)?;
    let earners: Vec<(RecipientId, Decimal)> =
        earned.into_iter().filter(|(_, v)| !v.is_zero()).collect();
    if p.unearned == Unearned::BonusPot && !earners.is_empty() {
        let bonus_key = Key::new(
            format!("money earned on the criteria of {}", step.component),
            vec![],
            earners,
            &[RecipientId::new(STATE)],
        )?;
        rows.extend(step.by_key(unearned_sek, &bonus_key, Part::Bonus, None, names)?);
    } else {
        let note = match p.unearned {
            Unearned::BonusPot => Some(
                "No recipient earned any money, so the bonus pot cannot be paid out".to_owned(),
            ),
            Unearned::ReturnToState => None,
        };
        let state = RecipientId::new(STATE);
        let name = names(&state);
        rows.push(step.whole(unearned_sek, state, name, Part::Returned, note));
    }
    Ok(rows)
}
