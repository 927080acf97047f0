//! Tranches and dates: tranches that pay known components and add up to what they pay;
//! payments after the decision, one decision date, a carry-over that outlasts the period.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;

use crate::agreement::{Agreement, Component, Figure, Tranche};
use crate::finding::{Finding, Loc, Severity};
use crate::message::templates::validate as templates;
use crate::money::checked_sum;

use super::figures::{gap, ranged, sum_ranges};

/// The tranches of each component: the component exists, and its tranches all give an
/// amount (summing to it) or all give a share (summing to 1).
pub(super) fn check_tranches(a: &Agreement, at: &Loc, out: &mut Vec<Finding>) {
    let components: BTreeMap<&str, &Component> = a
        .walk()
        .into_iter()
        .map(|(_, c)| (c.id.as_str(), c))
        .collect();
    let mut by_component: BTreeMap<&str, Vec<(usize, &Tranche)>> = BTreeMap::new();
    for (i, t) in a.tranches.iter().enumerate() {
        by_component
            .entry(t.component.as_str())
            .or_default()
            .push((i, t));
    }
    for (i, t) in a.tranches.iter().enumerate() {
        if t.amount.is_some() && t.share.is_some() {
            out.push(
                templates::TRANCHE_AMOUNT_AND_SHARE
                    .error(at.join("tranches").join(i).join("share"))
                    .with("tranche", &t.id)
                    .with("component", &t.component),
            );
        }
    }
    for (cid, ts) in &by_component {
        let first = at.join("tranches").join(ts.first().map_or(0, |t| t.0));
        let Some(c) = components.get(cid).copied() else {
            out.push(
                templates::TRANCHE_COMPONENT_UNKNOWN
                    .error(first)
                    .with("component", cid)
                    .with("agreement", &a.id),
            );
            continue;
        };
        let amounts: Vec<&Figure> = ts.iter().filter_map(|(_, t)| t.amount.as_ref()).collect();
        let shares: Vec<Decimal> = ts
            .iter()
            .filter_map(|(_, t)| t.share.map(|s| s.0))
            .collect();
        if amounts.len() == ts.len() {
            if let Some(total) = &c.amount {
                let sum = sum_ranges(amounts.iter().copied());
                let g = gap(sum, total.range());
                if !g.is_zero() {
                    out.push(
                        ranged(
                            &templates::TRANCHE_AMOUNTS_DO_NOT_SUM,
                            &templates::TRANCHE_AMOUNTS_DO_NOT_SUM_RANGE,
                            Severity::Error,
                            first,
                            "sum",
                            sum,
                        )
                        .with("component_id", cid)
                        .with("component_cited", total.cite())
                        .with("component", total.value)
                        .with("gap", g),
                    );
                }
            }
        } else if shares.len() == ts.len() {
            for (i, t) in ts {
                if t.share
                    .is_some_and(|w| w.0.is_sign_negative() && !w.0.is_zero())
                {
                    out.push(
                        templates::TRANCHE_SHARE_NEGATIVE
                            .error(at.join("tranches").join(*i).join("share"))
                            .with("tranche", &t.id)
                            .with("component", cid),
                    );
                }
            }
            let sum = checked_sum(shares.iter().copied()).unwrap_or(Decimal::MAX);
            if sum != Decimal::ONE {
                out.push(
                    templates::TRANCHE_SHARES_DO_NOT_SUM
                        .error(first)
                        .with("component", cid)
                        .with("sum", sum),
                );
            }
        } else {
            out.push(
                templates::TRANCHES_AMOUNTS_AND_SHARES_MIXED
                    .error(first)
                    .with("component", cid),
            );
        }
    }
}

/// The dates: one decision date across the sources, tranches paid after it, a carry-over
/// that ends after the period, and at least one year.
pub(super) fn check_dates(a: &Agreement, at: &Loc, out: &mut Vec<Finding>) {
    let decided = a.decided.first().map(|d| d.date);
    if a.decided.len() > 1 {
        let dates: BTreeSet<String> = a.decided.iter().map(|d| d.date.to_string()).collect();
        if dates.len() > 1 {
            let cites: Vec<String> = a
                .decided
                .iter()
                .map(|d| match &d.source {
                    Some(s) => format!("{} ({}: {:?})", d.date, s.source, s.quote),
                    None => d.date.to_string(),
                })
                .collect();
            out.push(
                templates::DECISION_DATES_DISAGREE
                    .warning(at.join("decided"))
                    .with("cited", cites.join(" vs "))
                    .with("dates", dates.into_iter().collect::<Vec<_>>().join(",")),
            );
        }
    }
    if let Some(d) = decided {
        for (i, t) in a.tranches.iter().enumerate() {
            if let Some(td) = t.date
                && td.last_day() < d.first_day()
            {
                out.push(
                    templates::TRANCHE_PAID_BEFORE_DECISION
                        .error(at.join("tranches").join(i).join("date"))
                        .with("tranche", &t.id)
                        .with("paid", td)
                        .with("decided", d),
                );
            }
        }
    }
    if let (Some(co), Some(last)) = (&a.carry_over, a.years.iter().max()) {
        let period_end = chrono::NaiveDate::from_ymd_opt(*last, 12, 31);
        if period_end.is_some_and(|end| co.until < end) {
            out.push(
                templates::CARRY_OVER_ENDS_BEFORE_PERIOD
                    .error(at.join("carry_over").join("until"))
                    .with("until", co.until)
                    .with("last_year", last),
            );
        }
    }
    if a.years.is_empty() {
        out.push(templates::AGREEMENT_WITHOUT_YEARS.error(at.join("years")));
    }
    let mut seen = BTreeSet::new();
    for (i, y) in a.years.iter().enumerate() {
        if !seen.insert(*y) {
            out.push(
                templates::YEAR_LISTED_TWICE
                    .error(at.join("years").join(i))
                    .with("year", y),
            );
        }
    }
}
