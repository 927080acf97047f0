//! Figures: no negative amounts, parts that add up to their whole, earmarks within their
//! parent, co-funding shares that add up, and other published figures for the same thing.

use rust_decimal::Decimal;

use crate::agreement::{Agreement, Component, ComponentKind, Figure};
use crate::finding::{Code, Finding, Loc};
use crate::money::{Sek, saturating_sum};
use crate::swedish::{SwedishAmount, format_kr};

impl Figure {
    /// The interval of true values consistent with the figure as published (its precision
    /// and hedge word); an exact figure gives `(value, value)`.
    pub fn range(&self) -> (Decimal, Decimal) {
        match self.precision {
            None if self.qualifier.is_none() => (self.value.0, self.value.0),
            p => SwedishAmount {
                value: self.value.0,
                precision: p.map_or(Decimal::ONE, |p| p.0),
                qualifier: self.qualifier,
            }
            .range(),
        }
    }

    /// How the figure was published: `"2 967 000 000 kr (003: \"2 967 miljoner kronor\")"`.
    pub fn cite(&self) -> String {
        match &self.source {
            Some(s) => format!("{} ({}: {:?})", format_kr(self.value.0), s.source, s.quote),
            None => format_kr(self.value.0),
        }
    }
}

/// The distance between two intervals (zero when they overlap).
pub(super) fn gap(a: (Decimal, Decimal), b: (Decimal, Decimal)) -> Decimal {
    if a.1 < b.0 {
        b.0.saturating_sub(a.1)
    } else if b.1 < a.0 {
        a.0.saturating_sub(b.1)
    } else {
        Decimal::ZERO
    }
}

pub(super) fn sum_ranges<'a>(it: impl Iterator<Item = &'a Figure>) -> (Decimal, Decimal) {
    it.map(Figure::range)
        .fold((Decimal::ZERO, Decimal::ZERO), |(l, h), (a, b)| {
            (l.saturating_add(a), h.saturating_add(b))
        })
}

pub(super) fn fmt_range(r: (Decimal, Decimal)) -> String {
    if r.0 == r.1 {
        format_kr(r.0)
    } else {
        format!("{} to {}", format_kr(r.0), format_kr(r.1))
    }
}

/// Every figure of the agreement (its amount, other figures, funding, components and
/// tranches): none may be negative.
pub(super) fn check_negative(a: &Agreement, at: &Loc, out: &mut Vec<Finding>) {
    let mut figures: Vec<(Loc, &Figure)> = Vec::new();
    if let Some(f) = &a.amount {
        figures.push((at.join("amount"), f));
    }
    for (i, f) in a.other_figures.iter().enumerate() {
        figures.push((at.join("other_figures").join(i), f));
    }
    for (i, f) in a.funding.iter().enumerate() {
        if let Some(x) = &f.amount {
            figures.push((at.join("funding").join(i).join("amount"), x));
        }
    }
    for (loc, c) in a.walk() {
        let loc = loc.prefixed(at);
        if let Some(f) = &c.amount {
            figures.push((loc.join("amount"), f));
        }
        for (i, f) in c.other_figures.iter().enumerate() {
            figures.push((loc.join("other_figures").join(i), f));
        }
    }
    for (i, t) in a.tranches.iter().enumerate() {
        if let Some(f) = &t.amount {
            figures.push((at.join("tranches").join(i).join("amount"), f));
        }
    }
    for (loc, f) in &figures {
        if f.value.is_negative() {
            out.push(
                Finding::error(
                    Code::NegativeAmount,
                    loc.clone(),
                    format!("the amount {} is negative", format_kr(f.value.0)),
                )
                .with("amount", f.value),
            );
        }
    }
}

/// The whole agreement: its top-level parts, co-funding shares and other figures.
pub(super) fn check_totals(a: &Agreement, at: &Loc, out: &mut Vec<Finding>) {
    if let Some(total) = &a.amount {
        check_parts(total, &a.components, at, "the agreement", out);
        check_other_figures(total, &a.other_figures, at, out);
        let funded: Vec<&Figure> = a.funding.iter().filter_map(|f| f.amount.as_ref()).collect();
        if !a.funding.is_empty() && funded.len() == a.funding.len() {
            let sum = sum_ranges(funded.iter().copied());
            let g = gap(sum, total.range());
            if !g.is_zero() {
                out.push(
                    Finding::warning(
                        Code::FundingDoesNotSum,
                        at.join("funding"),
                        format!(
                            "the funding shares sum to {} but the total is {}: a gap of {}",
                            fmt_range(sum),
                            total.cite(),
                            format_kr(g)
                        ),
                    )
                    .with("sum", sum.0)
                    .with("total", total.value)
                    .with("gap", g),
                );
            }
        }
    }
}

/// One component (at `loc`): its parts, other figures and earmarks.
pub(super) fn check_component(c: &Component, loc: &Loc, out: &mut Vec<Finding>) {
    if let Some(amount) = &c.amount {
        check_parts(
            amount,
            &c.components,
            loc,
            &format!("component {}", c.id),
            out,
        );
        check_other_figures(amount, &c.other_figures, loc, out);
        for (i, e) in c
            .components
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == ComponentKind::Earmark)
        {
            if let Some(ea) = &e.amount {
                let g = ea.range().0.saturating_sub(amount.range().1);
                if g > Decimal::ZERO {
                    out.push(
                        Finding::error(
                            Code::EarmarkExceedsParent,
                            loc.join("components").join(i).join("amount"),
                            format!(
                                "earmark {} ({}) is larger than {} ({}) it is reserved from, by {}",
                                e.id,
                                ea.cite(),
                                c.id,
                                amount.cite(),
                                format_kr(g)
                            ),
                        )
                        .with("earmark", ea.value)
                        .with("parent", amount.value)
                        .with("excess", g),
                    );
                }
            }
        }
    }
}

fn check_parts(total: &Figure, parts: &[Component], at: &Loc, what: &str, out: &mut Vec<Finding>) {
    let adding: Vec<&Component> = parts
        .iter()
        .filter(|c| c.kind != ComponentKind::Earmark)
        .collect();
    if adding.is_empty() {
        return;
    }
    let missing: Vec<&str> = adding
        .iter()
        .filter(|c| c.amount.is_none())
        .map(|c| c.id.as_str())
        .collect();
    if !missing.is_empty() {
        // The known parts alone may already exceed the whole.
        let known = sum_ranges(adding.iter().filter_map(|c| c.amount.as_ref()));
        let excess = known.0.saturating_sub(total.range().1);
        if excess > Decimal::ZERO {
            out.push(
                Finding::warning(
                    Code::PartsDoNotSum,
                    at.join("components"),
                    format!("the parts of {what} with a published amount already sum to {}, more than {}: by {}", fmt_range(known), total.cite(), format_kr(excess)),
                )
                .with("sum", Sek(known.0))
                .with("total", total.value)
                .with("gap", Sek(excess)),
            );
            return;
        }
        out.push(
            Finding::info(
                Code::MissingFigure,
                at.join("components"),
                format!(
                    "cannot check that the parts of {what} add up: no amount is published for {}",
                    missing.join(", ")
                ),
            )
            .with("missing", missing.join(",")),
        );
        return;
    }
    let sum = sum_ranges(adding.iter().filter_map(|c| c.amount.as_ref()));
    let g = gap(sum, total.range());
    if !g.is_zero() {
        let parts_sum = adding
            .iter()
            .filter_map(|c| c.amount.as_ref())
            .map(|f| f.value.0);
        let parts_sum = saturating_sum(parts_sum);
        let diff = total.value.0.saturating_sub(parts_sum);
        out.push(
            Finding::warning(
                Code::PartsDoNotSum,
                at.join("components"),
                format!(
                    "the parts of {what} sum to {} but it is {}: {} apart, {} beyond the precision of the figures",
                    format_kr(parts_sum),
                    total.cite(),
                    format_kr(diff.abs()),
                    format_kr(g)
                ),
            )
            .with("sum", Sek(sum.0))
            .with("total", total.value)
            .with("difference", Sek(diff))
            .with("gap", Sek(g)),
        );
    }
}

pub(super) fn check_other_figures(
    main: &Figure,
    others: &[Figure],
    at: &Loc,
    out: &mut Vec<Finding>,
) {
    for (i, o) in others.iter().enumerate() {
        let g = gap(main.range(), o.range());
        if !g.is_zero() {
            out.push(
                Finding::warning(
                    Code::SourcesDisagree,
                    at.join("other_figures").join(i),
                    format!(
                        "the sources disagree: {} vs {}, a gap of {} beyond their precision",
                        main.cite(),
                        o.cite(),
                        format_kr(g)
                    ),
                )
                .with("figure", main.value)
                .with("other", o.value)
                .with("gap", Sek(g)),
            );
        }
    }
}
