//! Decided or not: money only proposed, awaiting approval or subject to appropriation; an
//! agreed amount against the frame it falls under.

use rust_decimal::Decimal;

use crate::agreement::{Agreement, AgreementKind, ConditionKind, Figure, Status};
use crate::finding::{Finding, Loc};
use crate::message::templates::validate as templates;

use super::figures::gap;

/// The agreement's status, its appropriation conditions and its frames.
pub(super) fn check_decision(a: &Agreement, at: &Loc, out: &mut Vec<Finding>) {
    if a.status == Status::Proposed || a.kind == (AgreementKind::BudgetProposal {}) {
        let f = match &a.amount {
            Some(total) => templates::AGREEMENT_ONLY_PROPOSED_TOTAL
                .info(at.join("status"))
                .with("total", total.value)
                .with("total_cited", total.cite()),
            None => templates::AGREEMENT_ONLY_PROPOSED.info(at.join("status")),
        };
        out.push(f.with("agreement", &a.id));
    }
    if let Status::Pending { party } = &a.status {
        out.push(
            templates::AGREEMENT_AWAITS_APPROVAL
                .info(at.join("status"))
                .with("agreement", &a.id)
                .with("party", party),
        );
    }
    for (i, c) in a.conditions.iter().enumerate() {
        if c.kind == ConditionKind::Appropriation {
            let loc = at.join("conditions").join(i);
            out.push(match c.applies_to.as_deref() {
                Some(what) => templates::MONEY_SUBJECT_TO_APPROPRIATION
                    .info(loc)
                    .with("applies_to", what),
                None => templates::AGREEMENT_MONEY_SUBJECT_TO_APPROPRIATION
                    .info(loc)
                    .with("applies_to", "the agreement's money"),
            });
        }
    }
    for (i, f) in a.frames.iter().enumerate() {
        for (year, fig) in figures_by_year(a) {
            if f.years.contains(&year) && gap(fig.range(), f.per_year.range()) > Decimal::ZERO {
                let difference = fig.value.0.saturating_sub(f.per_year.value.0).abs();
                out.push(
                    templates::AGREED_AMOUNT_DIFFERS_FROM_FRAME
                        .info(at.join("frames").join(i))
                        .with("year", year)
                        .with("agreed", fig.value)
                        .with("frame", f.per_year.value)
                        .with("agreed_cited", fig.cite())
                        .with("frame_cited", f.per_year.cite())
                        .with("frame_id", &f.id)
                        .with("difference", difference),
                );
            }
        }
    }
}

/// The agreement's total per year: its amount, for its year (or its only year).
fn figures_by_year(a: &Agreement) -> Vec<(i32, &Figure)> {
    let Some(f) = &a.amount else {
        return Vec::new();
    };
    match (f.year, a.years.as_slice()) {
        (Some(y), _) => vec![(y, f)],
        (None, [y]) => vec![(*y, f)],
        _ => Vec::new(),
    }
}
