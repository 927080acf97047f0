//! Links: ids used once (agreements, components, tranches), supplementary agreements and
//! their base, packages and their members.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;

use crate::agreement::{Agreement, AgreementKind};
use crate::catalog::Package;
use crate::finding::{Code, Finding, Loc};
use crate::money::{Sek, saturating_sum};
use crate::swedish::format_kr;

use super::figures::{check_other_figures, gap, sum_ranges};

/// Component ids used once in the agreement, and each tranche once per component.
pub(super) fn check_duplicate_ids(a: &Agreement, at: &Loc, out: &mut Vec<Finding>) {
    let mut ids: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, c) in a.walk() {
        *ids.entry(c.id.as_str()).or_default() += 1;
    }
    for (id, n) in ids.iter().filter(|(_, n)| **n > 1) {
        out.push(
            Finding::error(
                Code::DuplicateId,
                at.join("components"),
                format!(
                    "component id {id:?} is used {n} times in agreement {}",
                    a.id
                ),
            )
            .with("id", id),
        );
    }
    let mut tranche_ids = BTreeSet::new();
    for (i, t) in a.tranches.iter().enumerate() {
        if !tranche_ids.insert((t.id.as_str(), t.component.as_str())) {
            out.push(Finding::error(
                Code::DuplicateId,
                at.join("tranches").join(i),
                format!(
                    "tranche {:?} of component {:?} appears twice",
                    t.id, t.component
                ),
            ));
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
                    Finding::error(Code::BaseCycle, at.clone(), format!("supplementary agreement {} refers to itself through its bases: {} → {id}", a.id, seen.join(" → ")))
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
                Finding::warning(Code::MissingBase, at, format!("supplementary agreement {} refers to base agreement {base:?}, which is not in the set", a.id))
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
                Finding::warning(
                    Code::BaseDoesNotCover,
                    at.clone(),
                    format!(
                        "supplementary agreement {} covers {} which its base {} does not",
                        a.id,
                        uncovered.join(", "),
                        b.id
                    ),
                )
                .with("years", uncovered.join(",")),
            );
        }
        if let (Some(sd), Some(bd)) = (a.decided.first(), b.decided.first())
            && sd.date.last_day() < bd.date.first_day()
        {
            out.push(
                Finding::warning(
                    Code::SupplementBeforeBase,
                    at,
                    format!(
                        "supplementary agreement {} is dated {}, before its base {} ({})",
                        a.id, sd.date, b.id, bd.date
                    ),
                )
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
    packages: &[Package],
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
                out.push(Finding::error(Code::UnknownComponent, at.join("members"), format!("package {} names {m:?}, which is neither an agreement nor a package of the set", p.id)).with("member", m));
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
                Finding::warning(
                    Code::PartsDoNotSum,
                    loc,
                    format!(
                        "the state's money in the {} members of {} with a published total sums to {} but the source says {}: {} beyond the precision of the figures",
                        figs.len(),
                        p.id,
                        format_kr(known),
                        total.cite(),
                        format_kr(g)
                    ),
                )
                .with("sum", Sek(known))
                .with("total", total.value)
                .with("gap", Sek(g)),
            );
        }
    }
    if !missing.is_empty() {
        out.push(
            Finding::info(
                Code::MissingFigure,
                at.join("members"),
                format!(
                    "the total of {} can be checked only in part: no amount is published for {}",
                    p.id,
                    missing.join(", ")
                ),
            )
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
