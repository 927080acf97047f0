//! Decided or not: money only proposed, awaiting approval or subject to appropriation; an
//! agreed amount against the frame it falls under.

use rust_decimal::Decimal;

use crate::agreement::{Agreement, AgreementKind, ConditionKind, Figure, Status};
use crate::finding::{Code, Finding, Loc};
use crate::swedish::format_kr;

use super::figures::gap;

/// The agreement's status, its appropriation conditions and its frames.
pub(super) fn check_decision(a: &Agreement, at: &Loc, out: &mut Vec<Finding>) {
    if a.status == Status::Proposed || a.kind == (AgreementKind::BudgetProposal {}) {
        let total = a
            .amount
            .as_ref()
            .map_or(String::new(), |f| format!(" ({})", f.cite()));
        out.push(Finding::info(
            Code::NotDecided,
            at.join("status"),
            format!("{} is only proposed{total}: not decided money", a.id),
        ));
    }
    if let Status::Pending { party } = &a.status {
        out.push(
            Finding::info(
                Code::NotDecided,
                at.join("status"),
                format!("{} awaits approval by {party}", a.id),
            )
            .with("party", party),
        );
    }
    for (i, c) in a.conditions.iter().enumerate() {
        if c.kind == ConditionKind::Appropriation {
            let what = c.applies_to.as_deref().unwrap_or("the agreement's money");
            out.push(
                Finding::info(
                    Code::NotDecided,
                    at.join("conditions").join(i),
                    format!("{what} is subject to parliament's appropriation: not decided money"),
                )
                .with("applies_to", what),
            );
        }
    }
    for (i, f) in a.frames.iter().enumerate() {
        for (year, fig) in figures_by_year(a) {
            if f.years.contains(&year) && gap(fig.range(), f.per_year.range()) > Decimal::ZERO {
                out.push(
                    Finding::info(
                        Code::FrameMismatch,
                        at.join("frames").join(i),
                        format!(
                            "the agreed amount for {year}, {}, differs from the frame of {} a year ({}) by {}",
                            fig.cite(),
                            f.per_year.cite(),
                            f.id,
                            format_kr(fig.value.0.saturating_sub(f.per_year.value.0).abs())
                        ),
                    )
                    .with("year", year)
                    .with("agreed", fig.value)
                    .with("frame", f.per_year.value),
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
