//! Key-date sensitivity: every population-based pot of the catalog (or of one agreement)
//! allocated by the population of every bundled date of its level, the date the
//! convention gives (1 November of the year before the agreement's first year, or the
//! latest bundled date before it), the date the allocation uses, the largest movers, and
//! the paradoxes of largest remainder between consecutive dates.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::Open;
use crate::agreement::Agreement;
use crate::allocation::{Allocation, Options, allocate_component};
use crate::catalog::Catalog;
use crate::finding::{Finding, Loc};
use crate::key::KeySpec;
use crate::message::templates::allocate as templates;
use crate::money::Sek;
use crate::recipient::RecipientId;
use crate::reference::{self, Level};

/// How much one recipient's money of a pot moves over the dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[non_exhaustive]
pub struct Mover {
    /// The recipient.
    pub recipient: RecipientId,
    /// Its name.
    pub name: String,
    /// The least it gets, and on which date (the earliest of equal ones).
    pub min: (Sek, NaiveDate),
    /// The most it gets, and on which date (the earliest of equal ones).
    pub max: (Sek, NaiveDate),
    /// `max − min`.
    pub spread: Sek,
}

/// One population-based pot under every bundled date of its level.
///
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::{across, catalog::catalog, reference::Level, Sek};
let s = across::sensitivity(catalog(), Some("okad-tillganglighet-2022"), None)?;
let pot = &s.pots[0];
assert_eq!((pot.component.as_str(), pot.pot, pot.level), ("block-2", Sek::kronor(443_000_000), Level::Regions));
assert_eq!(pot.used.to_string(), "2021-11-01");
// `amounts[r][d]`: every column sums to the pot.
for d in 0..pot.dates.len() {
    assert_eq!(pot.amounts.iter().map(|r| r[d]).sum::<Sek>(), pot.pot);
}
// The movers, the largest spread first: Region Stockholm moves 2 816 670 kr.
let m = &pot.movers[0];
assert_eq!((m.name.as_str(), m.spread), ("Region Stockholm", Sek::kronor(2_816_670)));
assert_eq!(m.max.0 - m.min.0, m.spread);
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[non_exhaustive]
pub struct PotDates {
    /// The agreement id.
    pub agreement: String,
    /// The component id.
    pub component: String,
    /// The pot (what the component hands out).
    pub pot: Sek,
    /// The level of the population key.
    pub level: Level,
    /// The date of the key the allocation uses (named, or by default).
    pub used: NaiveDate,
    /// The date the convention gives (none when the agreement has no years or the data
    /// has no date early enough).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub convention: Option<NaiveDate>,
    /// The bundled dates it was allocated on, oldest first.
    pub dates: Vec<NaiveDate>,
    /// The recipients, in code order, with their names.
    pub recipients: Vec<(RecipientId, String)>,
    /// `amounts[r][d]`: what recipient `r` gets of the pot by the population on date `d`.
    pub amounts: Vec<Vec<Sek>>,
    /// Every recipient, the largest spread first (then in code order).
    pub movers: Vec<Mover>,
    /// Paradoxes of largest remainder from one date to the next (`apportionment_paradox`).
    pub paradoxes: Vec<Finding>,
}

/// The key-date sensitivity of the population-based pots of a catalog or an agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[non_exhaustive]
pub struct Sensitivity {
    /// The agreement asked for, or every agreement of the catalog.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agreement: Option<String>,
    /// The level asked for, or both.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    /// One entry per population-based pot, in the catalog's order.
    pub pots: Vec<PotDates>,
    /// Dates on which a pot could not be allocated, and why.
    pub open: Vec<Open>,
}

/// The sensitivity to the key date of every population-based pot of `catalog`'s
/// agreements (or of agreement `only`), at `level` (or both).
///
/// ```
/// use vardavtal::{across, catalog::catalog, reference::{self, Level}};
/// let s = across::sensitivity(catalog(), Some("okad-tillganglighet-2022"), None)?;
/// let block2 = &s.pots[0];
/// assert_eq!(block2.component, "block-2");
/// assert_eq!(block2.dates, reference::population_dates(Level::Regions));
/// assert_eq!(block2.convention.map(|d| d.to_string()).as_deref(), Some("2021-11-01"));
/// # Ok::<(), vardavtal::Error>(())
/// ```
///
/// # Errors
/// `unknown_agreement` when `only` names an agreement the catalog does not have. A date on
/// which a pot cannot be allocated is listed in [`Sensitivity::open`], not an error.
pub fn sensitivity(
    catalog: &Catalog,
    only: Option<&str>,
    level: Option<Level>,
) -> crate::Result<Sensitivity> {
    let agreements: Vec<&Agreement> = match only {
        Some(id) => vec![catalog.find_agreement(id)?],
        None => catalog.agreements.iter().collect(),
    };
    let mut out = Sensitivity {
        agreement: only.map(str::to_owned),
        level,
        pots: Vec::new(),
        open: Vec::new(),
    };
    for a in agreements {
        for c in crate::catalog::report::allocatable(a) {
            let Ok(base) = allocate_component(a, &c.id, &Options::default()) else {
                continue; // not allocatable as it stands: the recipient and year views say why
            };
            let Some((lvl, used)) = population_key(&base) else {
                continue;
            };
            if level.is_some_and(|l| l != lvl) {
                continue;
            }
            let convention = a
                .first_year()
                .and_then(|y| reference::default_population_date(lvl, y));
            out.pots.push(pot_dates(
                a,
                &c.id,
                &base,
                lvl,
                used,
                convention,
                &mut out.open,
            ));
        }
    }
    Ok(out)
}

/// The level and date of the population key an allocation splits by, if it does.
fn population_key(al: &Allocation) -> Option<(Level, NaiveDate)> {
    al.rows()
        .iter()
        .find_map(|r| match r.basis.key.parse::<KeySpec>() {
            Ok(KeySpec::Population { level, date }) => Some((level, date)),
            _ => None,
        })
}

/// Component `id` of `a` allocated on every bundled date of `level`.
fn pot_dates(
    a: &Agreement,
    id: &str,
    base: &Allocation,
    level: Level,
    used: NaiveDate,
    convention: Option<NaiveDate>,
    open: &mut Vec<Open>,
) -> PotDates {
    let mut dates = Vec::new();
    let mut allocations = Vec::new();
    for date in reference::population_dates(level) {
        let spec = KeySpec::Population { level, date };
        let run = spec.resolve().and_then(|key| {
            let opts = Options {
                key: Some(key),
                ..Options::default()
            };
            allocate_component(a, id, &opts)
        });
        match run {
            Ok(al) => {
                dates.push(date);
                allocations.push(al);
            }
            Err(e) => open.extend(e.into_findings().into_iter().map(|f| {
                Open {
                    agreement: a.id.clone(),
                    component: Some(id.to_owned()),
                    amount: Some(base.total()),
                    why: templates::SENSITIVITY_DATE_FAILED
                        .info(Loc::root().join(a.id.as_str()))
                        .with("agreement", &a.id)
                        .with("component", id)
                        .with("key", &spec)
                        .with("why", &f.msg)
                        .with("why.sv", f.message(crate::message::Lang::Sv)),
                }
            })),
        }
    }
    let (recipients, amounts) = grid(&allocations);
    let movers = movers(&recipients, &amounts, &dates);
    let paradoxes = allocations
        .windows(2)
        .filter_map(|w| match w {
            [x, y] => super::paradoxes(x, y).ok(),
            _ => None,
        })
        .flatten()
        .collect();
    PotDates {
        agreement: a.id.clone(),
        component: id.to_owned(),
        pot: base.total(),
        level,
        used,
        convention,
        dates,
        recipients,
        amounts,
        movers,
        paradoxes,
    }
}

/// Recipients × allocations of each recipient's total.
#[allow(clippy::type_complexity)]
fn grid(allocations: &[Allocation]) -> (Vec<(RecipientId, String)>, Vec<Vec<Sek>>) {
    let mut cells: BTreeMap<RecipientId, (String, Vec<Sek>)> = BTreeMap::new();
    for (i, al) in allocations.iter().enumerate() {
        for r in al.rows() {
            let e = cells
                .entry(r.recipient.clone())
                .or_insert_with(|| (r.name.clone(), vec![Sek::ZERO; allocations.len()]));
            if let Some(cell) = e.1.get_mut(i) {
                *cell = Sek(cell.0 + r.amount.0);
            }
        }
    }
    cells
        .into_iter()
        .map(|(who, (name, row))| ((who, name), row))
        .unzip()
}

/// Every recipient's least and most over the dates, the largest spread first.
fn movers(
    recipients: &[(RecipientId, String)],
    amounts: &[Vec<Sek>],
    dates: &[NaiveDate],
) -> Vec<Mover> {
    let mut out: Vec<Mover> = recipients
        .iter()
        .zip(amounts)
        .filter_map(|((who, name), row)| {
            let cells: Vec<(Sek, NaiveDate)> =
                row.iter().copied().zip(dates.iter().copied()).collect();
            // The earliest date among equal amounts: min_by/max_by keep the first/last.
            let min = cells.iter().copied().min_by(|x, y| x.0.cmp(&y.0))?;
            let max = cells.iter().copied().rev().max_by(|x, y| x.0.cmp(&y.0))?;
            Some(Mover {
                recipient: who.clone(),
                name: name.clone(),
                min,
                max,
                spread: Sek(max.0.0 - min.0.0),
            })
        })
        .collect();
    out.sort_by(|x, y| y.spread.cmp(&x.spread).then(x.recipient.cmp(&y.recipient)));
    out
}
