//! The year view: for one year, every recipient × every agreement of what is allocatable,
//! with totals that equal the allocated pots exactly, the part of each agreement's amount
//! that is not allocated, co-funding apart from the state's money, and municipalities
//! summed to their region when asked.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Mark, Open, marks, money_of};
use crate::agreement::{Agreement, Payer};
use crate::allocation::{Options, Row};
use crate::catalog::Catalog;
use crate::finding::{Finding, Loc};
use crate::message::templates::allocate as templates;
use crate::money::{Sek, saturating_sum};
use crate::recipient::RecipientId;
use crate::reference::{self, Level};

/// One agreement of the year view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[non_exhaustive]
pub struct YearAgreement {
    /// The agreement id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its stated amount (the state's money), when stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<Sek>,
    /// What is allocated of it in the year (the sum of its column).
    pub allocated: Sek,
    /// The stated amount less what is allocated, when an amount is stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_allocated: Option<Sek>,
    /// Co-funding by others than the state (the regions' own money), apart.
    pub cofunding: Vec<(Payer, Option<Sek>)>,
    /// Proposed, pending or conditional money.
    pub marks: Vec<Mark>,
    /// Whether the model reproduces the agreement's published tables (`table_reproduced`,
    /// `table_not_reproduced`); empty when the catalog bundles none.
    pub receipts: Vec<Finding>,
}

/// Every recipient × every agreement of one year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[non_exhaustive]
pub struct YearView {
    /// The year.
    pub year: i32,
    /// Municipalities summed to their region when `Regions`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    /// The agreements usable in the year, in the catalog's order.
    pub agreements: Vec<YearAgreement>,
    /// The recipients, in code order, with their names.
    pub recipients: Vec<(RecipientId, String)>,
    /// `amounts[r][a]`: what recipient `r` gets of agreement `a` in the year.
    pub amounts: Vec<Vec<Sek>>,
    /// Money that cannot be computed, and rows paid outside the year or undated in an
    /// agreement of several years (which year they fall in is not known).
    pub open: Vec<Open>,
}

/// What every recipient gets of every agreement of `catalog` usable in `year`; with
/// `level = Some(Regions)` municipalities are summed to their region.
///
/// ```
/// use vardavtal::{across, catalog::catalog};
/// let y = across::year(catalog(), 2022, None);
/// let okad = y.agreements.iter().position(|a| a.id == "okad-tillganglighet-2022").unwrap();
/// let column: vardavtal::Sek = y.amounts.iter().map(|r| r[okad]).sum();
/// assert_eq!(column, y.agreements[okad].allocated);
/// assert_eq!(column.to_string(), "454000000");
/// # Ok::<(), vardavtal::Error>(())
/// ```
pub fn year(catalog: &Catalog, year: i32, level: Option<Level>) -> YearView {
    let agreements: Vec<&Agreement> = catalog
        .agreements
        .iter()
        .filter(|a| a.usable_in(year))
        .collect();
    let mut cells: BTreeMap<RecipientId, BTreeMap<usize, Sek>> = BTreeMap::new();
    let mut names: BTreeMap<RecipientId, String> = BTreeMap::new();
    let mut open = Vec::new();
    let mut columns = Vec::new();
    for (i, a) in agreements.iter().enumerate() {
        let money = money_of(a, &Options::default());
        let mut allocated = Sek::ZERO;
        for row in money.allocations.iter().flat_map(|al| al.rows().iter()) {
            if !in_year(a, row, year) {
                open.push(outside(a, row, year));
                continue;
            }
            let (who, name) = summed_to(row, level);
            let cell = cells
                .entry(who.clone())
                .or_default()
                .entry(i)
                .or_insert(Sek::ZERO);
            *cell = Sek(cell.0 + row.amount.0);
            allocated = Sek(allocated.0 + row.amount.0);
            names.entry(who).or_insert(name);
        }
        open.extend(money.open);
        let mut column = year_agreement(a, allocated);
        column.receipts = crate::catalog::receipts::receipts_of(catalog, &a.id)
            .into_iter()
            .map(|r| r.finding)
            .collect();
        columns.push(column);
    }
    let recipients: Vec<(RecipientId, String)> = names.into_iter().collect();
    let amounts = recipients
        .iter()
        .map(|(r, _)| {
            let row = cells.get(r);
            (0..columns.len())
                .map(|i| row.and_then(|c| c.get(&i)).copied().unwrap_or(Sek::ZERO))
                .collect()
        })
        .collect();
    YearView {
        year,
        level,
        agreements: columns,
        recipients,
        amounts,
        open,
    }
}

/// Whether a row is money of `year`: paid in it, or undated in an agreement of that year
/// alone.
fn in_year(a: &Agreement, row: &Row, year: i32) -> bool {
    dated_in(a, row.date, year)
}

/// Whether money paid on `date` (or undated) of `a` is money of `year`.
pub(super) fn dated_in(a: &Agreement, date: Option<crate::agreement::When>, year: i32) -> bool {
    use chrono::Datelike;
    match date {
        Some(d) => d.first_day().year() == year,
        None => a.years == [year],
    }
}

/// The note on a row that is not placed in the year.
fn outside(a: &Agreement, row: &Row, year: i32) -> Open {
    not_in_year(a, &row.component, &row.recipient, row.amount, year)
}

/// The note on money of `component` to `recipient` that is not placed in `year`.
pub(super) fn not_in_year(
    a: &Agreement,
    component: &str,
    recipient: &RecipientId,
    amount: Sek,
    year: i32,
) -> Open {
    let why: Finding = templates::NOT_IN_YEAR
        .info(Loc::root().join(a.id.as_str()))
        .with("agreement", &a.id)
        .with("component", component)
        .with("recipient", recipient)
        .with("amount", amount)
        .with("year", year)
        .with(
            "years",
            a.years
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        );
    Open {
        agreement: a.id.clone(),
        component: Some(component.to_owned()),
        amount: Some(amount),
        why,
    }
}

/// The recipient a row counts for: itself, or its region when municipalities are summed.
fn summed_to(row: &Row, level: Option<Level>) -> (RecipientId, String) {
    if level == Some(Level::Regions)
        && let Some(m) = reference::municipalities()
            .iter()
            .find(|m| m.code == row.recipient.as_str())
    {
        let region = RecipientId::new(m.region);
        let name = region.name().unwrap_or(m.region).to_owned();
        return (region, name);
    }
    (row.recipient.clone(), row.name.clone())
}

fn year_agreement(a: &Agreement, allocated: Sek) -> YearAgreement {
    let amount = a.amount.as_ref().map(|f| f.value);
    YearAgreement {
        id: a.id.clone(),
        title: a.title.clone(),
        amount,
        allocated,
        not_allocated: amount.map(|x| Sek(x.0 - allocated.0)),
        cofunding: a
            .funding
            .iter()
            .filter(|f| f.payer != Payer::State)
            .map(|f| (f.payer, f.amount.as_ref().map(|x| x.value)))
            .collect(),
        marks: marks(a, None),
        receipts: Vec::new(),
    }
}

impl YearView {
    /// The total of every column: what is allocated in the year.
    ///
    /// ```
    /// use vardavtal::{across, catalog::catalog, Sek};
    /// let y = across::year(catalog(), 2022, None);
    /// assert_eq!(y.total(), Sek::kronor(507_000_000));
    /// // One column per agreement usable in the year: its stated amount, what is allocated of it
    /// // and the rest, co-funding apart.
    /// let okad = y.agreements.iter().find(|a| a.id == "okad-tillganglighet-2022").unwrap();
    /// assert_eq!(okad.amount, Some(Sek::kronor(2_967_000_000)));
    /// assert_eq!(okad.allocated, Sek::kronor(454_000_000));
    /// assert_eq!(okad.not_allocated, Some(Sek::kronor(2_513_000_000)));
    /// let sjs = y.agreements.iter().find(|a| a.id == "sammanhallen-jamlik-saker-vard-2022").unwrap();
    /// assert_eq!(sjs.cofunding.len(), 1); // the regions' own 100 MSEK
    /// // One row per recipient, in code order: `amounts[r][a]`.
    /// assert_eq!(y.recipients[0].1, "Region Stockholm");
    /// assert_eq!(y.amounts.len(), y.recipients.len());
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn total(&self) -> Sek {
        Sek(saturating_sum(
            self.agreements.iter().map(|a| a.allocated.0),
        ))
    }
}
