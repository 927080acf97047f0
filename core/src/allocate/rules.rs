//! The rules that split a pot: per capita, by need, fixed, equal parts, fixed plus key, and
//! performance (in [`super::performance`]).

use rust_decimal::Decimal;

use super::performance::performance;
use super::plan::resolve_key;
use super::step::Step;
use super::{Options, Part, Row};
use crate::agreement::{Agreement, Component};
use crate::finding::{Loc, Result};
use crate::key::{Key, KeySpec};
use crate::message::templates::allocate as templates;
use crate::money::Sek;
use crate::recipient::{Group, RecipientId};
use crate::rule::Rule;

pub(super) fn run_rule(
    a: &Agreement,
    c: &Component,
    rule: &Rule,
    pot: Sek,
    step: &Step,
    opts: &Options,
    notes: &mut Vec<crate::Finding>,
) -> Result<(Vec<Row>, Option<Key>)> {
    let names = a.recipient_names();
    match rule {
        Rule::PerCapita { key } => {
            let key = resolve_key(a, c, key.as_ref(), None, opts, notes)?;
            Ok((
                step.by_key(pot, &key, Part::Share, None, &names)?,
                Some(key),
            ))
        }
        Rule::ByNeed { key } => {
            // A care-need key is not replaced by a population key: neither the override of
            // the options nor the agreement's default key applies.
            let spec = key.clone().unwrap_or(KeySpec::NeedsRegions2024 {});
            let no_override = Options {
                key: None,
                ..Options::default()
            };
            let key = resolve_key(a, c, Some(&spec), None, &no_override, notes)?;
            Ok((
                step.by_key(pot, &key, Part::Share, None, &names)?,
                Some(key),
            ))
        }
        Rule::Fixed { recipient } => {
            recipient.check_known(&a.declared_ids(), &Loc::root().join("recipient"))?;
            step.unit.to_units(pot)?;
            Ok((
                vec![step.whole(pot, recipient.clone(), names(recipient), Part::Fixed, None)],
                None,
            ))
        }
        Rule::Equal {} => {
            let key = equal_key(a, c)?;
            Ok((
                step.by_key(pot, &key, Part::Equal, None, &names)?,
                Some(key),
            ))
        }
        Rule::FixedPlusKey { each, key } => {
            let key = resolve_key(a, c, key.as_ref(), None, opts, notes)?;
            Ok((fixed_plus_key(step, pot, *each, &key, &names)?, Some(key)))
        }
        Rule::Performance(p) => {
            let key = resolve_key(a, c, p.key.as_ref(), None, opts, notes)?;
            Ok((
                performance(step, pot, p, &key, &opts.outcomes, &names)?,
                Some(key),
            ))
        }
        Rule::Reimbursement {} | Rule::Unpublished { .. } => Ok((Vec::new(), None)),
    }
}

/// The key of an equal split: weight 1 for each member of the component's recipients.
fn equal_key(a: &Agreement, c: &Component) -> Result<Key> {
    let members = c
        .recipients
        .as_ref()
        .and_then(Group::members)
        .ok_or_else(|| {
            let f = templates::EQUAL_SPLIT_RECIPIENTS_UNKNOWN.error(Loc::root());
            f.with("component", &c.id).into_error()
        })?;
    Key::new(
        format!(
            "equal parts ({})",
            c.recipients.as_ref().map_or(String::new(), Group::describe)
        ),
        vec![],
        members.into_iter().map(|m| (m, Decimal::ONE)),
        &a.declared_ids(),
    )
}

pub(super) fn fixed_plus_key(
    step: &Step,
    pot: Sek,
    each: Sek,
    key: &Key,
    names: &dyn Fn(&RecipientId) -> String,
) -> Result<Vec<Row>> {
    let each_units = step
        .unit
        .to_units(each)
        .map_err(|e| e.prefixed(&Loc::root().join("each")))?;
    let pot_units = step.unit.to_units(pot)?;
    let n = key.len() as u128;
    let fixed_total = each_units.checked_mul(n).ok_or_else(|| {
        templates::FIXED_AMOUNTS_TOO_LARGE
            .error(Loc::root().join("each"))
            .into_error()
    })?;
    if fixed_total > pot_units {
        let at = Loc::root().join("each");
        let f = match step.unit.from_units(fixed_total) {
            Ok(fixed) => templates::FIXED_AMOUNTS_EXCEED_POT
                .error(at)
                .with("fixed", fixed),
            Err(_) => templates::FIXED_AMOUNTS_OVERFLOW.error(at),
        };
        return Err(f
            .with("each", each)
            .with("recipients", n)
            .with("pot", pot)
            .into_error());
    }
    let mut rows: Vec<Row> = key
        .recipients()
        .iter()
        .map(|r| step.whole(each, r.clone(), names(r), Part::Each, None))
        .collect();
    let rest = step.unit.from_units(pot_units - fixed_total)?;
    rows.extend(step.by_key(rest, key, Part::Share, None, names)?);
    Ok(rows)
}
