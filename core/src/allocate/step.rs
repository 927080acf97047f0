//! One apportioning step: a pot handed out over a key (or whole to one recipient), as rows
//! with the figures behind each amount.

use std::sync::Arc;

use rust_decimal::Decimal;

use super::explain::quota_decimal;
use super::{Basis, Part, Row};
use crate::agreement::When;
use crate::apportion;
use crate::finding::Result;
use crate::key::Key;
use crate::money::{Sek, Unit};
use crate::recipient::RecipientId;

/// The context one apportioning step writes its rows in.
///
/// Its ids are shared: every row it writes holds the same `Arc<str>`, not a copy.
pub(super) struct Step {
    pub(super) agreement: Arc<str>,
    pub(super) component: Arc<str>,
    pub(super) tranche: Option<Arc<str>>,
    pub(super) date: Option<When>,
    pub(super) unit: Unit,
}

impl Step {
    pub(super) fn row(
        &self,
        recipient: RecipientId,
        name: String,
        part: Part,
        criterion: Option<&Arc<str>>,
        amount: Sek,
        basis: Basis,
    ) -> Row {
        Row {
            agreement: Arc::clone(&self.agreement),
            component: Arc::clone(&self.component),
            tranche: self.tranche.clone(),
            date: self.date,
            recipient,
            name,
            part,
            criterion: criterion.cloned(),
            amount,
            basis,
        }
    }

    /// Apportion `pot` over `key`; one row per recipient of the key.
    pub(super) fn by_key(
        &self,
        pot: Sek,
        key: &Key,
        part: Part,
        criterion: Option<&Arc<str>>,
        names: &dyn Fn(&RecipientId) -> String,
    ) -> Result<Vec<Row>> {
        let parts = key.split_units(self.unit.to_units(pot)?)?;
        self.by_key_parts(pot, key, &parts, part, criterion, names)
    }

    /// As [`Step::by_key`], with `pot` already split by `key` into `parts` (units in the
    /// order of the key, summing to the pot): one row per recipient of the key, with the
    /// figures behind each part.
    pub(super) fn by_key_parts(
        &self,
        pot: Sek,
        key: &Key,
        parts: &[u128],
        part: Part,
        criterion: Option<&Arc<str>>,
        names: &dyn Fn(&RecipientId) -> String,
    ) -> Result<Vec<Row>> {
        let units = parts.iter().fold(0u128, |a, p| a.saturating_add(*p));
        // The parts were split by these weights (or proportional ones), so the total is
        // positive and no product overflows.
        let total_w: u128 = key.int_weights().iter().sum::<u128>().max(1);
        let floors: Vec<u128> = key
            .int_weights()
            .iter()
            .map(|w| units.saturating_mul(*w) / total_w)
            .collect();
        let left = units - floors.iter().sum::<u128>();
        let ranks = if left > 0 {
            apportion::remainder_ranks(units, key.int_weights())
        } else {
            None
        };
        let left_over = self.unit.from_units(left)?;
        let n = key.len();
        let mut rows = Vec::with_capacity(n);
        for (i, ((recipient, weight), amount)) in key.iter().zip(parts.iter().copied()).enumerate()
        {
            let floor = floors.get(i).copied().unwrap_or(0);
            let w = key.int_weights().get(i).copied().unwrap_or(0);
            let rem = units
                .saturating_mul(w)
                .saturating_sub(floor.saturating_mul(total_w));
            let quota =
                quota_decimal(floor, rem, total_w, self.unit.scale()).unwrap_or_else(|| {
                    pot.0
                        .checked_mul(weight)
                        .and_then(|x| x.checked_div(key.total()))
                        .unwrap_or_default()
                });
            let basis = Basis {
                pot,
                key: key.description().to_owned(),
                weight,
                total_weight: key.total(),
                quota,
                floor: self.unit.from_units(floor)?,
                left_over,
                remainder_rank: if amount > floor {
                    ranks.as_ref().and_then(|r| r.get(i)).map(|r| r.1)
                } else {
                    None
                },
                recipients: n,
                note: None,
                note_sv: None,
                qualified: None,
                tranche: None,
            };
            rows.push(self.row(
                recipient.clone(),
                names(recipient),
                part,
                criterion,
                self.unit.from_units(amount)?,
                basis,
            ));
        }
        Ok(rows)
    }

    pub(super) fn whole(
        &self,
        pot: Sek,
        recipient: RecipientId,
        name: String,
        part: Part,
        note: Option<(String, String)>,
    ) -> Row {
        let (note, note_sv) = note.unzip();
        let basis = Basis {
            pot,
            key: "whole amount".into(),
            weight: Decimal::ONE,
            total_weight: Decimal::ONE,
            quota: pot.0,
            floor: pot,
            left_over: Sek::ZERO,
            remainder_rank: None,
            recipients: 1,
            note,
            note_sv,
            qualified: None,
            tranche: None,
        };
        self.row(recipient, name, part, None, pot, basis)
    }
}
