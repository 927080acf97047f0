//! The recipient view: one region, municipality or other recipient across every agreement
//! of the catalog (or of one year): per agreement, component and tranche its amount, the
//! pot, its share and rank, the key and kr per invånare by the key's own population; the
//! money it may get but that cannot be computed yet, with why; proposed, pending and
//! conditional money marked.

use rust_decimal::{Decimal, RoundingStrategy};

const HALF_UP: RoundingStrategy = RoundingStrategy::MidpointAwayFromZero;
use serde::Serialize;

use super::{Mark, Open, marks, money_of};
use crate::agreement::{Agreement, When};
use crate::allocation::{Allocation, Options, Part, Row};
use crate::catalog::Catalog;
use crate::finding::{Finding, Loc, Result};
use crate::key::KeySpec;
use crate::money::{Sek, saturating_sum};
use crate::recipient::{Group, RecipientId};

/// One amount the recipient gets, with the figures that place it among the others.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[non_exhaustive]
pub struct Line {
    /// The agreement id.
    pub agreement: String,
    /// The component id.
    pub component: String,
    /// The tranche id, when paid in tranches.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tranche: Option<String>,
    /// The payment date, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<When>,
    /// What the money is (a share by the key, a fixed amount, …).
    pub part: Part,
    /// The amount.
    pub amount: Sek,
    /// The pot it is a part of.
    pub pot: Sek,
    /// The amount's share of the pot, in per cent, rounded to 4 decimals (half away from
    /// zero).
    #[serde(with = "crate::money::decimal_str")]
    pub share: Decimal,
    /// Its rank among the recipients of the pot (1 = the most).
    pub rank: usize,
    /// How many recipients share the pot.
    pub recipients: usize,
    /// The key (`population:regions:2021-11-01`).
    pub key: String,
    /// The population of the recipient by the key, for a population key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub population: Option<u64>,
    /// Kronor per invånare by that population, rounded to öre (half away from zero).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per_capita: Option<Sek>,
    /// Proposed, pending or conditional money.
    pub marks: Vec<Mark>,
    /// What the published table of this component gives the recipient, when the catalog
    /// bundles one (zero when the table has no row for it); absent when the recipient's
    /// money of the component is paid in several lines.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<Sek>,
}

/// One recipient across agreements.
///
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::{across, catalog::catalog, RecipientId, Sek};
// Region Skåne in 2022: one line (block 2 of Ökad tillgänglighet), the rest open.
let v = across::recipient(catalog(), &RecipientId::new("12"), Some(2022))?;
assert_eq!((v.name.as_str(), v.year), ("Region Skåne", Some(2022)));
assert_eq!(v.total, v.lines.iter().map(|l| l.amount).sum::<Sek>());
// A line places the amount in its pot: share in per cent, rank, kr per invånare.
let line = &v.lines[0];
assert_eq!((line.agreement.as_str(), line.component.as_str()), ("okad-tillganglighet-2022", "block-2"));
assert_eq!((line.amount, line.pot), (Sek::kronor(59_429_771), Sek::kronor(443_000_000)));
assert_eq!(line.share.to_string(), "13.4153");
assert_eq!((line.population, line.per_capita), (Some(1_400_973), Some("42.42".parse()?)));
assert_eq!(line.key, "population:regions:2021-11-01");
// Money that cannot be computed yet is listed with why: block 1's rule is not published.
let open = v.open.iter().find(|o| o.agreement == "okad-tillganglighet-2022").unwrap();
assert_eq!(open.component.as_deref(), Some("block-1"));
assert_eq!(open.why.code, vardavtal::Code::NotAllocated);
# Ok::<(), Box<dyn std::error::Error>>(())
```
"#
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[non_exhaustive]
pub struct RecipientView {
    /// The recipient.
    pub recipient: RecipientId,
    /// Its name.
    pub name: String,
    /// The year asked for (money usable in it), or every year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Every amount it gets, by agreement in the catalog's order.
    pub lines: Vec<Line>,
    /// The sum of `lines`.
    pub total: Sek,
    /// Money of those agreements that cannot be computed yet, and why.
    pub open: Vec<Open>,
    /// Whether the model reproduces the published tables of the components it gets money
    /// of (`table_reproduced`, `table_not_reproduced`).
    pub receipts: Vec<Finding>,
}

/// What `who` gets from every agreement of `catalog` usable in `year` (or all).
///
/// ```
/// use vardavtal::{across, catalog::catalog, RecipientId};
/// let v = across::recipient(catalog(), &RecipientId::new("12"), Some(2022))?;
/// assert_eq!(v.name, "Region Skåne");
/// let block2 = v.lines.iter().find(|l| l.component == "block-2").unwrap();
/// assert_eq!(block2.amount.to_string(), "59429771");
/// assert_eq!((block2.rank, block2.recipients), (3, 21));
/// assert!(!v.open.is_empty()); // block 1 of the same agreement: its rule is not published
/// # Ok::<(), vardavtal::Error>(())
/// ```
///
/// # Errors
/// `unknown_recipient`, located at `recipient`, when `who` is not a region, municipality,
/// SKR or the state. What cannot be allocated is listed in [`RecipientView::open`], not an
/// error.
pub fn recipient(catalog: &Catalog, who: &RecipientId, year: Option<i32>) -> Result<RecipientView> {
    let name = who.name().map(str::to_owned).ok_or_else(|| {
        crate::message::templates::input::RECIPIENT_UNKNOWN
            .error(Loc::root().join("recipient"))
            .with("recipient", who)
            .into_error()
    })?;
    let mut lines = Vec::new();
    let mut open = Vec::new();
    let mut receipts = Vec::new();
    for a in catalog
        .agreements
        .iter()
        .filter(|a| year.is_none_or(|y| a.usable_in(y)))
    {
        let money = money_of(a, &Options::default());
        let first = lines.len();
        for al in &money.allocations {
            // Money of the agreement paid in another year (or undated in an agreement of
            // several years) is not money of `year`: listed as open, as in the year view.
            for l in lines_of(al, who, |c| marks(a, Some(c))) {
                match year {
                    Some(y) if !super::year::dated_in(a, l.date, y) => {
                        open.push(super::year::not_in_year(a, &l.component, who, l.amount, y))
                    }
                    _ => lines.push(l),
                }
            }
        }
        receipts.extend(published_in(
            catalog,
            a,
            who,
            lines.get_mut(first..).unwrap_or_default(),
        ));
        let by_component = money.open.iter().any(|o| o.component.is_some());
        open.extend(money.open.into_iter().filter(|o| match &o.component {
            Some(c) => may_pay(a, c, who),
            None => !by_component,
        }));
    }
    let total = Sek(saturating_sum(lines.iter().map(|l| l.amount.0)));
    Ok(RecipientView {
        recipient: who.clone(),
        name,
        year,
        lines,
        total,
        open,
        receipts,
    })
}

/// The published tables of `a` whose component `lines` (the recipient's lines of `a`)
/// pay: each line gets the table's amount for the recipient, and the verdict of each table
/// is returned.
fn published_in(
    catalog: &Catalog,
    a: &Agreement,
    who: &RecipientId,
    lines: &mut [Line],
) -> Vec<Finding> {
    let mut out = Vec::new();
    for r in crate::catalog::receipts::receipts_of(catalog, &a.id) {
        let Some(c) = r.component.as_deref() else {
            continue;
        };
        let n = lines.iter().filter(|l| l.component == c).count();
        if n == 0 {
            continue;
        }
        let amount = r.published.get(who).copied().unwrap_or(Sek::ZERO);
        for l in lines.iter_mut().filter(|l| l.component == c && n == 1) {
            l.published = Some(amount);
        }
        out.push(r.finding);
    }
    out
}

/// Whether component `id` of `a` may pay `who`: its recipients include it, or are not
/// known.
fn may_pay(a: &Agreement, id: &str, who: &RecipientId) -> bool {
    a.component(id)
        .and_then(|c| c.recipients.as_ref())
        .and_then(Group::members)
        .is_none_or(|m| m.contains(who))
}

/// The lines of `who` in one allocation: each of its rows, placed among the rows of the
/// same pot.
fn lines_of(al: &Allocation, who: &RecipientId, marks: impl Fn(&str) -> Vec<Mark>) -> Vec<Line> {
    let rows = al.rows();
    let same_pot = |a: &Row, b: &Row| {
        (&a.component, &a.tranche, a.part, &a.criterion)
            == (&b.component, &b.tranche, b.part, &b.criterion)
    };
    rows.iter()
        .filter(|r| &r.recipient == who)
        .map(|r| {
            let pot: Vec<&Row> = rows.iter().filter(|o| same_pot(o, r)).collect();
            let rank = 1 + pot.iter().filter(|o| o.amount > r.amount).count();
            line(r, rank, pot.len(), marks(&r.component))
        })
        .collect()
}

fn line(r: &Row, rank: usize, recipients: usize, marks: Vec<Mark>) -> Line {
    let b = &r.basis;
    let share = match b.pot.0.is_zero() {
        true => Decimal::ZERO,
        false => (r.amount.0 * Decimal::ONE_HUNDRED / b.pot.0).round_dp_with_strategy(4, HALF_UP),
    };
    let population = match b.key.parse::<KeySpec>() {
        Ok(KeySpec::Population { .. }) if r.part == Part::Share => b.weight.try_into().ok(),
        _ => None,
    };
    let per_capita = population
        .filter(|p: &u64| *p > 0)
        .map(|p| Sek((r.amount.0 / Decimal::from(p)).round_dp_with_strategy(2, HALF_UP)));
    Line {
        agreement: r.agreement.to_string(),
        component: r.component.to_string(),
        tranche: r.tranche.as_deref().map(str::to_owned),
        date: r.date,
        part: r.part,
        amount: r.amount,
        pot: b.pot,
        share,
        rank,
        recipients,
        key: b.key.clone(),
        population,
        per_capita,
        marks,
        published: None,
    }
}
