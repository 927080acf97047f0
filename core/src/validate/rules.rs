//! Recipients and rules: known recipients named once, and rules that can run (an amount to
//! split, resolvable keys, enough money for fixed parts, criteria shares summing to 1).

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use crate::agreement::{Agreement, Component};
use crate::finding::{Finding, Loc};
use crate::key::KeySpec;
use crate::message::templates::validate as templates;
use crate::money::checked_sum;
use crate::recipient::{Group, RecipientId};
use crate::rule::Rule;

/// A component's recipients and rule (at `at`, the component's location).
pub(super) fn check_rule(
    a: &Agreement,
    c: &Component,
    at: &Loc,
    declared: &[RecipientId],
    out: &mut Vec<Finding>,
) {
    check_recipients(c, at, declared, out);
    let rl = at.join("rule");
    let Some(rule) = &c.rule else { return };
    let needs_amount = !matches!(rule, Rule::Reimbursement {} | Rule::Unpublished { .. });
    if needs_amount && c.amount.is_none() {
        out.push(
            templates::RULE_WITHOUT_AMOUNT
                .error(rl.clone())
                .with("component", &c.id)
                .with("rule", rule.as_str()),
        );
    }
    let keys: Vec<&KeySpec> = match rule {
        Rule::PerCapita { key } | Rule::ByNeed { key } | Rule::FixedPlusKey { key, .. } => {
            key.iter().collect()
        }
        Rule::Performance(p) => p.key.iter().collect(),
        _ => Vec::new(),
    };
    let mut key_errors = false;
    for k in keys.into_iter().chain(a.key.as_ref()) {
        if let Err(e) = k.resolve_with(declared) {
            key_errors = true;
            out.extend(e.prefixed(&rl.join("key")).into_findings());
        }
    }
    // The key as the allocation makes it (default key, restricted to the recipients): what
    // it refuses, at the rule, as it does. Without years there is no default key date:
    // that is said once, on the years (`check_dates`).
    if !key_errors
        && !a.years.is_empty()
        && let Some(e) = crate::allocate::key_refusal(a, c)
    {
        out.extend(e.prefixed(&rl).into_findings());
    }
    check_rule_shape(c, rule, rl, declared, out);
}

/// The recipients of a component: each once in a list, each known.
fn check_recipients(c: &Component, at: &Loc, declared: &[RecipientId], out: &mut Vec<Finding>) {
    match &c.recipients {
        Some(Group::List(v)) => {
            let mut seen = BTreeSet::new();
            for (i, r) in v.iter().enumerate() {
                if !seen.insert(r) {
                    out.push(
                        templates::RECIPIENT_LISTED_TWICE
                            .error(at.join("recipients").join(i))
                            .with("component", &c.id)
                            .with("recipient", r),
                    );
                }
            }
            for (i, r) in v.iter().enumerate() {
                unknown(r, declared, &at.join("recipients").join(i), out);
            }
        }
        Some(Group::Recipient(r)) => unknown(r, declared, &at.join("recipients"), out),
        Some(Group::MunicipalitiesOf(r)) if crate::reference::region(r).is_none() => {
            out.push(
                templates::REGION_CODE_UNKNOWN
                    .error(at.join("recipients"))
                    .with("recipient", r),
            );
        }
        _ => {}
    }
}

/// A recipient that is neither a region, a municipality nor declared by the agreement.
fn unknown(r: &RecipientId, declared: &[RecipientId], loc: &Loc, out: &mut Vec<Finding>) {
    if let Err(e) = r.check_known(declared, loc) {
        out.extend(e.into_findings());
    }
}

/// What each kind of rule needs: a known fixed recipient, known recipients for an equal
/// split, enough money for the fixed parts, criteria shares summing to 1 with unique ids.
fn check_rule_shape(
    c: &Component,
    rule: &Rule,
    rl: Loc,
    declared: &[RecipientId],
    out: &mut Vec<Finding>,
) {
    match rule {
        Rule::Fixed { recipient } => unknown(recipient, declared, &rl.join("recipient"), out),
        Rule::Equal {} if c.recipients.as_ref().and_then(Group::members).is_none() => {
            out.push(
                templates::EQUAL_SPLIT_WITHOUT_RECIPIENTS
                    .error(rl)
                    .with("component", &c.id),
            );
        }
        Rule::FixedPlusKey { each, .. } if each.0.is_sign_negative() && !each.0.is_zero() => {
            out.push(
                templates::FIXED_EACH_NEGATIVE
                    .error(rl.join("each"))
                    .with("component", &c.id)
                    .with("each", each),
            );
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
                    templates::FIXED_PARTS_EXCEED_AMOUNT
                        .error(rl.join("each"))
                        .with("amount", amount.value)
                        .with("amount_cited", amount.cite())
                        .with("each", each)
                        .with("recipients", n),
                );
            }
        }
        Rule::Performance(p) => {
            let sum = checked_sum(p.criteria.iter().map(|c| c.share.0)).unwrap_or(Decimal::MAX);
            if p.criteria.is_empty() {
                out.push(
                    crate::message::templates::allocate::PERFORMANCE_WITHOUT_CRITERIA
                        .error(rl.join("criteria")),
                );
            } else if sum != Decimal::ONE {
                out.push(
                    crate::message::templates::allocate::CRITERIA_SHARES_DO_NOT_SUM
                        .error(rl.join("criteria"))
                        .with("sum", sum),
                );
            }
            let mut seen = BTreeSet::new();
            for (i, cr) in p.criteria.iter().enumerate() {
                if !seen.insert(cr.id.as_str()) {
                    out.push(
                        templates::CRITERION_ID_DUPLICATE
                            .error(rl.join("criteria").join(i))
                            .with("criterion", &cr.id),
                    );
                }
            }
        }
        _ => {}
    }
}
