//! Links: ids used once (agreements, components, tranches), supplementary agreements and
//! their base, packages and their members.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;

use crate::agreement::{Agreement, AgreementKind};
use crate::catalog::Package;
use crate::finding::{Finding, Loc};
use crate::message::templates::validate as templates;
use crate::money::{Sek, saturating_sum};

use super::figures::{check_other_figures, gap, sum_ranges};

/// Component ids used once in the agreement, and each tranche once per component.
pub(super) fn check_duplicate_ids(a: &Agreement, at: &Loc, out: &mut Vec<Finding>) {
    let mut ids: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, c) in a.walk() {
        *ids.entry(c.id.as_str()).or_default() += 1;
    }
    for (id, n) in ids.iter().filter(|(_, n)| **n > 1) {
        out.push(
            templates::COMPONENT_ID_DUPLICATE
                .error(at.join("components"))
                .with("id", id)
                .with("times", n)
                .with("agreement", &a.id),
        );
    }
    let mut tranche_ids = BTreeSet::new();
    for (i, t) in a.tranches.iter().enumerate() {
        if !tranche_ids.insert((t.id.as_str(), t.component.as_str())) {
            out.push(
                templates::TRANCHE_ID_DUPLICATE
                    .error(at.join("tranches").join(i))
                    .with("tranche", &t.id)
                    .with("component", &t.component),
            );
        }
    }
}

/// Each supplementary agreement's base: in the set, not a cycle, covering its years, older.
pub(super) fn check_links(agreements: &[Agreement], out: &mut Vec<Finding>) {
    let by_id: BTreeMap<&str, &Agreement> = agreements.iter().map(|a| (a.id.as_str(), a)).collect();
    for a in agreements {
        let AgreementKind::Supplementary { base } = &a.kind else {
            continue;
        };
        let at = Loc::root().join(a.id.as_str()).join("kind").join("base");
        // Follow the chain of bases to find cycles.
        let mut seen = vec![a.id.as_str()];
        let mut next = Some(base.as_str());
        while let Some(id) = next {
            if seen.contains(&id) {
                out.push(
                    templates::SUPPLEMENT_BASE_CYCLE
                        .error(at.clone())
                        .with("agreement", &a.id)
                        .with("cycle", format!("{} → {id}", seen.join(" → ")))
                        .with("chain", seen.join(",")),
                );
                break;
            }
            seen.push(id);
            next = match by_id.get(id).map(|b| &b.kind) {
                Some(AgreementKind::Supplementary { base }) => Some(base.as_str()),
                _ => None,
            };
        }
        let Some(b) = by_id.get(base.as_str()) else {
            out.push(
                templates::SUPPLEMENT_BASE_MISSING
                    .warning(at)
                    .with("agreement", &a.id)
                    .with("base", base),
            );
            continue;
        };
        let uncovered: Vec<String> = a
            .years
            .iter()
            .filter(|y| !b.years.contains(y))
            .map(ToString::to_string)
            .collect();
        if !uncovered.is_empty() {
            out.push(
                templates::SUPPLEMENT_YEARS_OUTSIDE_BASE
                    .warning(at.clone())
                    .with("agreement", &a.id)
                    .with("year_list", uncovered.join(", "))
                    .with("base", &b.id)
                    .with("years", uncovered.join(",")),
            );
        }
        if let (Some(sd), Some(bd)) = (a.decided.first(), b.decided.first())
            && sd.date.last_day() < bd.date.first_day()
        {
            out.push(
                templates::SUPPLEMENT_DATED_BEFORE_BASE
                    .warning(at)
                    .with("agreement", &a.id)
                    .with("base_id", &b.id)
                    .with("supplement", sd.date)
                    .with("base", bd.date),
            );
        }
    }
}

/// A package's total against its members' (agreements' or packages') amounts.
pub(super) fn check_package(
    p: &Package,
    agreements: &[Agreement],
    packages: &[&Package],
    out: &mut Vec<Finding>,
) {
    let at = Loc::root().join("packages").join(p.id.as_str());
    check_other_figures(&p.amount, &p.other_figures, &at, out);
    let mut figs = Vec::new();
    let mut missing = Vec::new();
    for m in &p.members {
        // A member is an agreement, or another package (whose total stands for its members).
        let fig = match (
            agreements.iter().find(|a| &a.id == m),
            packages.iter().find(|q| &q.id == m && q.id != p.id),
        ) {
            (Some(a), _) => state_money(a),
            (None, Some(q)) => Some(&q.amount),
            (None, None) => {
                out.push(
                    templates::PACKAGE_MEMBER_UNKNOWN
                        .error(at.join("members"))
                        .with("package", &p.id)
                        .with("member", m),
                );
                continue;
            }
        };
        match fig {
            Some(f) => figs.push(f),
            None => missing.push(m.as_str()),
        }
    }
    let sum = sum_ranges(figs.iter().copied());
    for (i, total) in std::iter::once(&p.amount)
        .chain(&p.other_figures)
        .enumerate()
    {
        let loc = if i == 0 {
            at.join("amount")
        } else {
            at.join("other_figures").join(i - 1)
        };
        let (low, high) = total.range();
        // Missing members can only add money: then only an excess is certain.
        let g = if missing.is_empty() {
            gap(sum, (low, high))
        } else {
            (sum.0 - high).max(Decimal::ZERO)
        };
        if !g.is_zero() {
            let known = saturating_sum(figs.iter().map(|f| f.value.0));
            out.push(
                templates::PACKAGE_MEMBERS_DO_NOT_SUM
                    .warning(loc)
                    .with("members", figs.len())
                    .with("package", &p.id)
                    .with("total_cited", total.cite())
                    .with("sum", Sek(known))
                    .with("total", total.value)
                    .with("gap", Sek(g)),
            );
        }
    }
    if !missing.is_empty() {
        out.push(
            templates::PACKAGE_MEMBERS_UNPUBLISHED
                .info(at.join("members"))
                .with("package", &p.id)
                .with("missing_list", missing.join(", "))
                .with("missing", missing.join(",")),
        );
    }
}

/// What the state puts into an agreement, which is what a package of the government's
/// counts: its state funding where the regions or municipalities co-fund it, else its
/// amount.
fn state_money(a: &crate::Agreement) -> Option<&crate::agreement::Figure> {
    a.funding
        .iter()
        .find(|f| f.payer == crate::agreement::Payer::State)
        .and_then(|f| f.amount.as_ref())
        .or(a.amount.as_ref())
}
