//! Validation: every check on the content of agreements, returning every finding (never
//! only the first), each with a stable code, severity, location, message and context.
//!
//! Published figures are judged within their stated precision: "9,4 miljarder" stands for
//! 9.35 to 9.45 billion, "nära 3 miljarder" for 2 to 3 billion. Rounding in a press release
//! is not a finding; a real gap is, with its size.
//!
//! | code | severity | what |
//! | --- | --- | --- |
//! | `parts_do_not_sum` | warning | blocks or items that do not add up to their parent; packages whose members do not add up |
//! | `earmark_exceeds_parent` | error | an earmark larger than its parent |
//! | `funding_does_not_sum` | warning | co-funding shares that do not add up to the total |
//! | `tranches_do_not_sum` | error | tranches that do not add up to what they pay |
//! | `sources_disagree` | warning | two figures (or dates) for the same thing that cannot both be right |
//! | `missing_base`, `base_does_not_cover`, `supplement_before_base`, `base_cycle` | warning/error | supplementary agreements and their base |
//! | `dates_out_of_order` | error | payment before decision; carry-over ending before the period |
//! | `not_decided`, `frame_mismatch` | info | money subject to appropriation or only proposed; an agreed amount against its frame |
//! | `unknown_recipient`, `duplicate_id`, `negative_amount`, `rule_not_runnable`, `no_population_data`, `shares_do_not_sum` | error | input the model cannot use |
//! | `missing_figure` | info | a figure a check needs that the sources do not give |
//!
//! ```
//! use vardavtal::{Agreement, Code, validate::validate};
//! let a = Agreement::from_json(r#"{"id": "x", "title": "X", "kind": {"type": "base"}, "years": [2022],
//!   "amount": "100", "components": [{"id": "a", "name": "A", "amount": "60"}, {"id": "b", "name": "B", "amount": "30"}]}"#)?;
//! let findings = validate(&a);
//! assert_eq!(findings[0].code, Code::PartsDoNotSum);
//! assert_eq!(findings[0].ctx["gap"], "10");
//! # Ok::<(), vardavtal::Error>(())
//! ```

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;

use crate::agreement::{
    Agreement, AgreementKind, Component, ComponentKind, ConditionKind, Figure, Status,
};
use crate::catalog::Package;
use crate::finding::{Code, Finding, Loc};
use crate::key::KeySpec;
use crate::money::{Sek, checked_sum, saturating_sum};
use crate::recipient::{Group, RecipientId};
use crate::rule::Rule;
use crate::swedish::{SwedishAmount, format_kr};

/// Validate one agreement on its own (links to other agreements are not checked).
pub fn validate(agreement: &Agreement) -> Vec<Finding> {
    let mut out = Vec::new();
    check_agreement(agreement, &mut out);
    out
}

/// Validate a set of agreements, including the links between them (a supplement's base)
/// and duplicate ids.
pub fn validate_all(agreements: &[Agreement]) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for a in agreements {
        if !seen.insert(a.id.as_str()) {
            out.push(
                Finding::error(
                    Code::DuplicateId,
                    Loc::root().join(a.id.as_str()),
                    format!("agreement id {:?} is used more than once", a.id),
                )
                .with("id", &a.id),
            );
        }
        check_agreement(a, &mut out);
    }
    check_links(agreements, &mut out);
    out
}

/// Validate a set of agreements, and also that every rule can run on the given inputs
/// (performance outcomes for every recipient and criterion, the key dates).
pub fn validate_with_options(agreements: &[Agreement], opts: &crate::Options) -> Vec<Finding> {
    let mut out = validate_all(agreements);
    for a in agreements {
        if let Err(e) = crate::allocate(a, opts) {
            let at = Loc::root().join(a.id.as_str());
            out.extend(
                e.into_findings()
                    .into_iter()
                    .filter(|f| f.code == Code::MissingOutcomes)
                    .map(|f| f.prefixed(&at)),
            );
        }
    }
    out
}

/// Validate agreements and the packages (press-release totals) over them.
pub fn validate_with_packages(agreements: &[Agreement], packages: &[Package]) -> Vec<Finding> {
    let mut out = validate_all(agreements);
    for p in packages {
        check_package(p, agreements, packages, &mut out);
    }
    out
}

/// Validate the bundled catalog (agreements and packages).
pub fn validate_catalog() -> Vec<Finding> {
    match crate::catalog::catalog() {
        Ok(c) => validate_with_packages(&c.agreements, &c.packages),
        Err(e) => e.into_findings(),
    }
}

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
fn gap(a: (Decimal, Decimal), b: (Decimal, Decimal)) -> Decimal {
    if a.1 < b.0 {
        b.0.saturating_sub(a.1)
    } else if b.1 < a.0 {
        a.0.saturating_sub(b.1)
    } else {
        Decimal::ZERO
    }
}

fn sum_ranges<'a>(it: impl Iterator<Item = &'a Figure>) -> (Decimal, Decimal) {
    it.map(Figure::range)
        .fold((Decimal::ZERO, Decimal::ZERO), |(l, h), (a, b)| {
            (l.saturating_add(a), h.saturating_add(b))
        })
}

fn fmt_range(r: (Decimal, Decimal)) -> String {
    if r.0 == r.1 {
        format_kr(r.0)
    } else {
        format!("{} to {}", format_kr(r.0), format_kr(r.1))
    }
}

fn check_agreement(a: &Agreement, out: &mut Vec<Finding>) {
    let at = Loc::root().join(a.id.as_str());
    let declared = a.declared_ids();

    // Every figure: not negative.
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
        let loc = loc.prefixed(&at);
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

    // Duplicate ids within the agreement.
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

    // Whole agreement: top-level parts, co-funding, other figures.
    if let Some(total) = &a.amount {
        check_parts(total, &a.components, &at, "the agreement", out);
        check_other_figures(total, &a.other_figures, &at, out);
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

    // Components: parts, earmarks, other figures, rules.
    for (loc, c) in a.walk() {
        let loc = loc.prefixed(&at);
        if let Some(amount) = &c.amount {
            check_parts(
                amount,
                &c.components,
                &loc,
                &format!("component {}", c.id),
                out,
            );
            check_other_figures(amount, &c.other_figures, &loc, out);
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
                                format!("earmark {} ({}) is larger than {} ({}) it is reserved from, by {}", e.id, ea.cite(), c.id, amount.cite(), format_kr(g)),
                            )
                            .with("earmark", ea.value)
                            .with("parent", amount.value)
                            .with("excess", g),
                        );
                    }
                }
            }
        }
        check_rule(a, c, &loc, &declared, out);
    }

    // Tranches.
    let components: BTreeMap<&str, &Component> = a
        .walk()
        .into_iter()
        .map(|(_, c)| (c.id.as_str(), c))
        .collect();
    let mut by_component: BTreeMap<&str, Vec<(usize, &crate::agreement::Tranche)>> =
        BTreeMap::new();
    for (i, t) in a.tranches.iter().enumerate() {
        by_component
            .entry(t.component.as_str())
            .or_default()
            .push((i, t));
    }
    for (cid, ts) in &by_component {
        let first = at.join("tranches").join(ts.first().map_or(0, |t| t.0));
        let Some(c) = components.get(cid).copied() else {
            out.push(
                Finding::error(
                    Code::UnknownComponent,
                    first,
                    format!(
                        "a tranche pays component {cid:?}, which agreement {} does not have",
                        a.id
                    ),
                )
                .with("component", cid),
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
                        Finding::error(
                            Code::TranchesDoNotSum,
                            first,
                            format!(
                                "the tranches of {cid} sum to {} but it is {}: a gap of {}",
                                fmt_range(sum),
                                total.cite(),
                                format_kr(g)
                            ),
                        )
                        .with("sum", sum.0)
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
                    out.push(Finding::error(
                        Code::NegativeWeight,
                        at.join("tranches").join(*i).join("share"),
                        format!("tranche {} of {cid} has a negative share", t.id),
                    ));
                }
            }
            let sum = checked_sum(shares.iter().copied()).unwrap_or(Decimal::MAX);
            if sum != Decimal::ONE {
                out.push(
                    Finding::error(
                        Code::TranchesDoNotSum,
                        first,
                        format!("the tranche shares of {cid} sum to {sum}, not 1"),
                    )
                    .with("sum", sum),
                );
            }
        } else {
            out.push(Finding::error(
                Code::InvalidValue,
                first,
                format!("the tranches of {cid} must all give an amount or all give a share"),
            ));
        }
    }

    // Dates.
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
                Finding::warning(
                    Code::SourcesDisagree,
                    at.join("decided"),
                    format!(
                        "the sources give different decision dates: {}",
                        cites.join(" vs ")
                    ),
                )
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
                    Finding::error(
                        Code::DatesOutOfOrder,
                        at.join("tranches").join(i).join("date"),
                        format!("tranche {} is paid {td}, before the decision ({d})", t.id),
                    )
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
                Finding::error(Code::DatesOutOfOrder, at.join("carry_over").join("until"), format!("the money may be used until {}, before the agreement's period ends ({last})", co.until))
                    .with("until", co.until)
                    .with("last_year", last),
            );
        }
    }
    if a.years.is_empty() {
        out.push(Finding::error(
            Code::InvalidValue,
            at.join("years"),
            "the agreement covers no years",
        ));
    }

    // Decided or not.
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

fn check_other_figures(main: &Figure, others: &[Figure], at: &Loc, out: &mut Vec<Finding>) {
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

fn check_rule(
    a: &Agreement,
    c: &Component,
    at: &Loc,
    declared: &[RecipientId],
    out: &mut Vec<Finding>,
) {
    let rl = at.join("rule");
    let unknown = |r: &RecipientId, loc: Loc, out: &mut Vec<Finding>| {
        if let Err(e) = r.check_known(declared, &loc) {
            out.extend(e.into_findings());
        }
    };
    match &c.recipients {
        Some(Group::List(v)) => {
            let mut seen = BTreeSet::new();
            for (i, r) in v.iter().enumerate() {
                if !seen.insert(r) {
                    out.push(
                        Finding::error(
                            Code::DuplicateRecipient,
                            at.join("recipients").join(i),
                            format!(
                                "recipient {r} appears more than once in the list of component {}",
                                c.id
                            ),
                        )
                        .with("recipient", r),
                    );
                }
            }
            for (i, r) in v.iter().enumerate() {
                unknown(r, at.join("recipients").join(i), out);
            }
        }
        Some(Group::Recipient(r)) => unknown(r, at.join("recipients"), out),
        Some(Group::MunicipalitiesOf(r)) if crate::reference::region(r).is_none() => {
            out.push(
                Finding::error(
                    Code::UnknownRecipient,
                    at.join("recipients"),
                    format!("unknown region code {r:?}"),
                )
                .with("recipient", r),
            );
        }
        _ => {}
    }
    let Some(rule) = &c.rule else { return };
    let needs_amount = !matches!(rule, Rule::Reimbursement {} | Rule::Unpublished { .. });
    if needs_amount && c.amount.is_none() {
        out.push(Finding::error(
            Code::RuleNotRunnable,
            rl.clone(),
            format!(
                "component {} has a {} rule but no amount to split",
                c.id,
                rule.as_str()
            ),
        ));
    }
    let keys: Vec<&KeySpec> = match rule {
        Rule::PerCapita { key } | Rule::ByNeed { key } | Rule::FixedPlusKey { key, .. } => {
            key.iter().collect()
        }
        Rule::Performance(p) => p.key.iter().collect(),
        _ => Vec::new(),
    };
    for k in keys.into_iter().chain(a.key.as_ref()) {
        if let Err(e) = k.resolve_with(declared) {
            out.extend(e.prefixed(&rl.join("key")).into_findings());
        }
    }
    match rule {
        Rule::Fixed { recipient } => unknown(recipient, rl.join("recipient"), out),
        Rule::Equal {} if c.recipients.as_ref().and_then(Group::members).is_none() => {
            out.push(Finding::error(
                Code::RuleNotRunnable,
                rl,
                format!(
                    "an equal split needs known recipients; component {} names none",
                    c.id
                ),
            ));
        }
        Rule::FixedPlusKey { each, .. } => {
            let n = c
                .recipients
                .as_ref()
                .and_then(Group::members)
                .map_or(21, |m| m.len());
            if let Some(amount) = &c.amount
                && each
                    .0
                    .checked_mul(Decimal::from(n))
                    .is_none_or(|x| x > amount.value.0)
            {
                out.push(
                    Finding::error(
                        Code::RuleNotRunnable,
                        rl.join("each"),
                        format!(
                            "{n} recipients × {} each is more than the amount {}",
                            format_kr(each.0),
                            amount.cite()
                        ),
                    )
                    .with("each", each)
                    .with("recipients", n),
                );
            }
        }
        Rule::Performance(p) => {
            let sum = checked_sum(p.criteria.iter().map(|c| c.share.0)).unwrap_or(Decimal::MAX);
            if p.criteria.is_empty() || sum != Decimal::ONE {
                out.push(
                    Finding::error(
                        Code::SharesDoNotSum,
                        rl.join("criteria"),
                        format!("the criteria's shares sum to {sum}, not 1"),
                    )
                    .with("sum", sum),
                );
            }
            let mut seen = BTreeSet::new();
            for (i, cr) in p.criteria.iter().enumerate() {
                if !seen.insert(cr.id.as_str()) {
                    out.push(Finding::error(
                        Code::DuplicateId,
                        rl.join("criteria").join(i),
                        format!("criterion id {:?} appears twice", cr.id),
                    ));
                }
            }
        }
        _ => {}
    }
}

fn check_links(agreements: &[Agreement], out: &mut Vec<Finding>) {
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

fn check_package(
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
            (Some(a), _) => a.amount.as_ref(),
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
                        "the {} members of {} with a published total sum to {} but the source says {}: {} beyond the precision of the figures",
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
