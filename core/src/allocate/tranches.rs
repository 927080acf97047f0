//! A component paid in tranches: its rule runs once, on the whole component (so each
//! recipient's amount is the floor or the ceiling of its quota of the component), and each
//! row is then spread over the tranches by [`apportion::controlled_rounding`]: every
//! tranche's rows sum to the tranche, every row's tranches to the row, and each tranche
//! amount is the floor or the ceiling of the row's amount × tranche / component. The
//! figures of that spread are the row's [`TrancheBasis`].

use std::sync::Arc;

use super::explain::quota_decimal;
use super::{Row, TrancheBasis};
use crate::agreement::When;
use crate::apportion::{self, ApportionError};
use crate::finding::Result;
use crate::key::apportion_error;
use crate::money::{Sek, Unit};

/// A component's pot for one tranche: (tranche id, payment date, amount).
pub(super) type TranchePot = (Option<String>, Option<When>, Sek);

/// Spread `rows` (the rule's rows for the whole component, summing to `amount`) over
/// `pots` (the tranches, summing to `amount`): the rows of the first tranche, then of the
/// next, each row of the component once per tranche. One tranche takes the rows as they
/// are (no [`TrancheBasis`]: nothing was spread).
pub(super) fn spread(
    rows: Vec<Row>,
    pots: &[TranchePot],
    amount: Sek,
    unit: Unit,
) -> Result<Vec<Row>> {
    if let [(tranche, date, _)] = pots {
        // One tranche pays the whole component: its rows are the component's, as they are.
        let tranche: Option<Arc<str>> = tranche.as_deref().map(Arc::from);
        return Ok(rows
            .into_iter()
            .map(|mut r| {
                r.tranche.clone_from(&tranche);
                r.date = *date;
                r
            })
            .collect());
    }
    let row_units: Vec<u128> = rows
        .iter()
        .map(|r| unit.to_units(r.amount))
        .collect::<Result<_>>()?;
    let col_units: Vec<u128> = pots
        .iter()
        .map(|p| unit.to_units(p.2))
        .collect::<Result<_>>()?;
    let total = unit.to_units(amount)?;
    let cells = apportion::controlled_rounding(&row_units, &col_units)
        .ok_or_else(|| apportion_error(ApportionError::TooLarge))?;
    let m = pots.len();
    let mut out = Vec::with_capacity(cells.len());
    for (t, (tranche, date, pot)) in pots.iter().enumerate() {
        // one copy of the tranche id, shared by its rows
        let tranche: Option<Arc<str>> = tranche.as_deref().map(Arc::from);
        let pot_units = col_units.get(t).copied().unwrap_or(0);
        for (r, (row, units)) in rows.iter().zip(&row_units).enumerate() {
            let cell = cells.get(r * m + t).copied().unwrap_or(0);
            let prod = units.saturating_mul(pot_units);
            let (floor, rem) = match total {
                0 => (0, 0),
                c => (prod / c, prod % c),
            };
            let quota = quota_decimal(floor, rem, total, unit.scale()).unwrap_or_else(|| {
                row.amount
                    .0
                    .checked_mul(pot.0)
                    .and_then(|x| x.checked_div(amount.0))
                    .unwrap_or_default()
            });
            let mut r = row.clone();
            r.tranche.clone_from(&tranche);
            r.date = *date;
            r.amount = unit.from_units(cell)?;
            r.basis.tranche = Some(TrancheBasis {
                of: row.amount,
                pot: *pot,
                component: amount,
                quota,
                floor: unit.from_units(floor)?,
            });
            out.push(r);
        }
    }
    Ok(out)
}
