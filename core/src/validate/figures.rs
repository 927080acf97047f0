//! Figures: no negative amounts, parts that add up to their whole, earmarks within their
//! parent, co-funding shares that add up, and other published figures for the same thing.

use rust_decimal::Decimal;

use crate::agreement::{Agreement, Component, ComponentKind, Figure};
use crate::finding::{Finding, Loc, Severity};
use crate::message::Template;
use crate::message::templates::validate as templates;
use crate::money::{Sek, saturating_sum};
use crate::swedish::{SwedishAmount, format_kr};

impl Figure {
    /// The interval of true values consistent with the figure as published (its precision
    /// and hedge word); an exact figure gives `(value, value)`.
    ///
    /// ```
    /// use vardavtal::rust_decimal::Decimal;
    /// let a = vardavtal::catalog::catalog().find_agreement("okad-tillganglighet-2022")?;
    /// // "2 967 miljoner kronor": stated to the million, so ± half a million.
    /// let total = a.amount.as_ref().unwrap();
    /// assert_eq!(total.range(), (Decimal::from(2_966_500_000u64), Decimal::from(2_967_500_000u64)));
    /// // "2 512 600 000 kronor": exact.
    /// let block1 = a.component("block-1").and_then(|c| c.amount.as_ref()).unwrap();
    /// assert_eq!(block1.range(), (Decimal::from(2_512_600_000u64), Decimal::from(2_512_600_000u64)));
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
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
    ///
    /// ```
    /// let a = vardavtal::catalog::catalog().find_agreement("okad-tillganglighet-2022")?;
    /// let total = a.amount.as_ref().unwrap();
    /// assert_eq!(total.cite(), "2 967 000 000 kr (003: \"2 967 miljoner kronor\")");
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn cite(&self) -> String {
        match &self.source {
            Some(s) if s.inferred.is_some() => format!(
                "{} ({}: {:?}; {})",
                format_kr(self.value.0),
                s.source,
                s.quote,
                crate::view::words::pick("inferred", "härlett")
            ),
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

/// A finding of `exact` when the interval `r` is one amount, else of `range` (which shows
/// `{key:kr} to {key_high:kr}`), with `key` (its low end) and `key_high` in its context.
pub(super) fn ranged(
    exact: &'static Template,
    range: &'static Template,
    severity: Severity,
    loc: Loc,
    key: &str,
    r: (Decimal, Decimal),
) -> Finding {
    let t = if r.0 == r.1 { exact } else { range };
    let f = match severity {
        Severity::Error => t.error(loc),
        Severity::Warning => t.warning(loc),
        Severity::Info => t.info(loc),
    };
    f.with(key, r.0).with(&format!("{key}_high"), r.1)
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
                templates::AMOUNT_NEGATIVE
                    .error(loc.clone())
                    .with("amount", f.value),
            );
        }
    }
}

/// The whole agreement: its top-level parts, co-funding shares and other figures.
pub(super) fn check_totals(a: &Agreement, at: &Loc, out: &mut Vec<Finding>) {
    if let Some(total) = &a.amount {
        check_parts(total, &a.components, at, None, out);
        check_other_figures(total, &a.other_figures, at, out);
        let funded: Vec<&Figure> = a.funding.iter().filter_map(|f| f.amount.as_ref()).collect();
        if !a.funding.is_empty() && funded.len() == a.funding.len() {
            let sum = sum_ranges(funded.iter().copied());
            let g = gap(sum, total.range());
            if !g.is_zero() {
                out.push(
                    ranged(
                        &templates::FUNDING_SHARES_DO_NOT_SUM,
                        &templates::FUNDING_SHARES_DO_NOT_SUM_RANGE,
                        Severity::Warning,
                        at.join("funding"),
                        "sum",
                        sum,
                    )
                    .with("total", total.value)
                    .with("total_cited", total.cite())
                    .with("gap", g),
                );
            }
        }
    }
}

/// One component (at `loc`): its parts, other figures and earmarks.
pub(super) fn check_component(c: &Component, loc: &Loc, out: &mut Vec<Finding>) {
    if let Some(amount) = &c.amount {
        check_parts(amount, &c.components, loc, Some(&c.id), out);
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
                        templates::EARMARK_LARGER_THAN_PARENT
                            .error(loc.join("components").join(i).join("amount"))
                            .with("earmark_id", &e.id)
                            .with("earmark_cited", ea.cite())
                            .with("component", &c.id)
                            .with("parent_cited", amount.cite())
                            .with("earmark", ea.value)
                            .with("parent", amount.value)
                            .with("excess", g),
                    );
                }
            }
        }
    }
}

/// The templates of the findings on the parts of a whole: the agreement's, or a component's.
struct PartsTemplates {
    known_exceed: &'static Template,
    known_exceed_range: &'static Template,
    unpublished: &'static Template,
    do_not_sum: &'static Template,
}

const OF_AGREEMENT: PartsTemplates = PartsTemplates {
    known_exceed: &templates::AGREEMENT_KNOWN_PARTS_EXCEED,
    known_exceed_range: &templates::AGREEMENT_KNOWN_PARTS_EXCEED_RANGE,
    unpublished: &templates::AGREEMENT_PARTS_UNPUBLISHED,
    do_not_sum: &templates::AGREEMENT_PARTS_DO_NOT_SUM,
};

const OF_COMPONENT: PartsTemplates = PartsTemplates {
    known_exceed: &templates::COMPONENT_KNOWN_PARTS_EXCEED,
    known_exceed_range: &templates::COMPONENT_KNOWN_PARTS_EXCEED_RANGE,
    unpublished: &templates::COMPONENT_PARTS_UNPUBLISHED,
    do_not_sum: &templates::COMPONENT_PARTS_DO_NOT_SUM,
};

/// The parts of `total` (the agreement's when `component` is `None`) against it.
fn check_parts(
    total: &Figure,
    parts: &[Component],
    at: &Loc,
    component: Option<&str>,
    out: &mut Vec<Finding>,
) {
    let t = if component.is_some() {
        &OF_COMPONENT
    } else {
        &OF_AGREEMENT
    };
    let of = |f: Finding| match component {
        Some(id) => f.with("component", id),
        None => f,
    };
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
            let f = ranged(
                t.known_exceed,
                t.known_exceed_range,
                Severity::Warning,
                at.join("components"),
                "sum",
                known,
            );
            out.push(
                of(f)
                    .with("sum", Sek(known.0))
                    .with("total", total.value)
                    .with("total_cited", total.cite())
                    .with("gap", Sek(excess)),
            );
            return;
        }
        out.push(
            of(t.unpublished.info(at.join("components")))
                .with("missing", missing.join(","))
                .with("missing_list", missing.join(", ")),
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
            of(t.do_not_sum.warning(at.join("components")))
                .with("parts_sum", Sek(parts_sum))
                .with("total_cited", total.cite())
                .with("apart", Sek(diff.abs()))
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
                templates::FIGURES_DISAGREE
                    .warning(at.join("other_figures").join(i))
                    .with("figure_cited", main.cite())
                    .with("other_cited", o.cite())
                    .with("figure", main.value)
                    .with("other", o.value)
                    .with("gap", Sek(g)),
            );
        }
    }
}
