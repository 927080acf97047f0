//! An allocation as a table: recipients × pots, with row and column totals.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use super::Allocation;
use crate::agreement::When;
use crate::money::{Sek, saturating_sum};
use crate::recipient::RecipientId;

/// A column of a [`Pivot`]: one pot (agreement, component, tranche).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
pub struct PivotColumn {
    /// Agreement id.
    pub agreement: String,
    /// Component id.
    pub component: String,
    /// Tranche id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tranche: Option<String>,
    /// Payment date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<When>,
}

impl PivotColumn {
    /// A short header: `component`, or `component/tranche (date)`.
    pub fn header(&self) -> String {
        let mut h = self.component.clone();
        if let Some(t) = &self.tranche {
            h = format!("{h}/{t}");
        }
        if let Some(d) = self.date {
            h = format!("{h} ({d})");
        }
        h
    }
}

/// A row of a [`Pivot`]: one recipient's amount in each column, and its total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
pub struct PivotRow {
    /// Recipient code.
    pub recipient: RecipientId,
    /// Recipient name.
    pub name: String,
    /// Amount per column (zero where the recipient has none).
    pub amounts: Vec<Sek>,
    /// The recipient's total.
    pub total: Sek,
}

/// An allocation as a table: recipients × pots, with totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
pub struct Pivot {
    /// The columns, in the order the pots were allocated.
    pub columns: Vec<PivotColumn>,
    /// One row per recipient, in code order.
    pub rows: Vec<PivotRow>,
    /// Column totals.
    pub totals: Vec<Sek>,
    /// The grand total.
    pub total: Sek,
}

impl Allocation {
    /// The allocation as a recipients × pots table.
    ///
    /// ```
    /// use vardavtal::{allocate, input, Options, Sek};
    /// let al = allocate(&input::agreement("okad-tillganglighet-2022")?, &Options::default())?;
    /// let p = al.pivot();
    /// let headers: Vec<String> = p.columns.iter().map(|c| c.header()).collect();
    /// assert_eq!(headers, ["block-2", "skr"]);
    /// assert_eq!(p.totals, [Sek::kronor(443_000_000), Sek::kronor(11_000_000)]);
    /// assert_eq!(p.total, Sek::kronor(454_000_000));
    /// // One row per recipient, zero where it has nothing of a pot.
    /// let stockholm = &p.rows[0];
    /// assert_eq!(stockholm.name, "Region Stockholm");
    /// assert_eq!(stockholm.amounts, [Sek::kronor(102_311_913), Sek::ZERO]);
    /// assert_eq!(stockholm.total, Sek::kronor(102_311_913));
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn pivot(&self) -> Pivot {
        let mut columns: Vec<PivotColumn> = Vec::new();
        let mut index: BTreeMap<(&str, &str, Option<&str>), usize> = BTreeMap::new();
        for p in &self.pots {
            let k = (
                p.agreement.as_str(),
                p.component.as_str(),
                p.tranche.as_deref(),
            );
            if let std::collections::btree_map::Entry::Vacant(e) = index.entry(k) {
                e.insert(columns.len());
                columns.push(PivotColumn {
                    agreement: p.agreement.clone(),
                    component: p.component.clone(),
                    tranche: p.tranche.clone(),
                    date: p.date,
                });
            }
        }
        let mut by: BTreeMap<RecipientId, (String, Vec<Decimal>)> = BTreeMap::new();
        let mut totals = vec![Decimal::ZERO; columns.len()];
        for r in self.rows() {
            let Some(&ci) = index.get(&(&*r.agreement, &*r.component, r.tranche.as_deref())) else {
                continue;
            };
            let e = by
                .entry(r.recipient.clone())
                .or_insert_with(|| (r.name.clone(), vec![Decimal::ZERO; columns.len()]));
            if let (Some(x), Some(t)) = (e.1.get_mut(ci), totals.get_mut(ci)) {
                *x = x.saturating_add(r.amount.0);
                *t = t.saturating_add(r.amount.0);
            }
        }
        let rows = by
            .into_iter()
            .map(|(recipient, (name, v))| PivotRow {
                recipient,
                name,
                total: Sek(saturating_sum(v.iter().copied())),
                amounts: v.into_iter().map(Sek).collect(),
            })
            .collect();
        Pivot {
            columns,
            rows,
            total: Sek(saturating_sum(totals.iter().copied())),
            totals: totals.into_iter().map(Sek).collect(),
        }
    }
}
