//! What a component's rule runs on: its pots (one per tranche that pays it, or the whole
//! amount) and its key (the override, the rule's, the agreement's or the default
//! population key).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::Options;
use crate::agreement::{Agreement, Component};
use crate::apportion;
use crate::finding::{Code, Error, Finding, Loc, Result};
use crate::key::{Key, KeySpec, apportion_error, scale_to_integers};
use crate::message::templates::allocate as templates;
use crate::money::{Sek, Unit, checked_sum};
use crate::recipient::{Group, RecipientId, RecipientKind};
use crate::reference::{self, Level};

use super::tranches::TranchePot;

/// The pots of a component: one per tranche that pays it, or the whole amount.
pub(crate) fn component_pots(a: &Agreement, c: &Component) -> Result<Vec<TranchePot>> {
    let tranches: Vec<(usize, &crate::agreement::Tranche)> = a
        .tranches
        .iter()
        .enumerate()
        .filter(|(_, t)| t.component == c.id)
        .collect();
    pots_of(c, &tranches)
}

/// The tranches of an agreement by the component they pay (built once per allocation).
pub(super) type TrancheIndex<'a> = BTreeMap<&'a str, Vec<(usize, &'a crate::agreement::Tranche)>>;

pub(super) fn tranche_index(a: &Agreement) -> TrancheIndex<'_> {
    let mut m: TrancheIndex<'_> = BTreeMap::new();
    for (i, t) in a.tranches.iter().enumerate() {
        m.entry(t.component.as_str()).or_default().push((i, t));
    }
    m
}

/// The pots of a component paid by `tranches` (with their indexes in the agreement).
pub(super) fn pots_of(
    c: &Component,
    tranches: &[(usize, &crate::agreement::Tranche)],
) -> Result<Vec<TranchePot>> {
    let Some(amount) = c.amount.as_ref().map(|f| f.value) else {
        let f = templates::COMPONENT_WITHOUT_AMOUNT.error(Loc::root().join("amount"));
        return Err(f.with("component", &c.id).into_error());
    };
    if amount.is_negative() {
        let f = templates::COMPONENT_AMOUNT_NEGATIVE.error(Loc::root().join("amount"));
        return Err(f
            .with("component", &c.id)
            .with("amount", amount)
            .into_error());
    }
    if tranches.is_empty() {
        return Ok(vec![(None, None, amount)]);
    }
    if tranches.iter().all(|(_, t)| t.amount.is_some()) {
        return by_amounts(c, amount, tranches);
    }
    if tranches.iter().all(|(_, t)| t.share.is_some()) {
        return by_shares(c, amount, tranches);
    }
    let at = tranche_loc(tranches.first().map_or(0, |t| t.0));
    let f = templates::TRANCHES_AMOUNTS_AND_SHARES_MIXED.error(at);
    Err(f.with("component", &c.id).into_error())
}

/// The location of tranche `i` of the agreement.
fn tranche_loc(i: usize) -> Loc {
    Loc::root().join("tranches").join(i)
}

/// Tranches that each give an amount: the amounts, which must sum to the component's.
fn by_amounts(
    c: &Component,
    amount: Sek,
    tranches: &[(usize, &crate::agreement::Tranche)],
) -> Result<Vec<TranchePot>> {
    let sum = checked_sum(
        tranches
            .iter()
            .filter_map(|(_, t)| t.amount.as_ref())
            .map(|f| f.value.0),
    )
    .ok_or_else(|| {
        let at = tranche_loc(tranches.first().map_or(0, |t| t.0));
        templates::TRANCHE_AMOUNTS_TOO_LARGE.error(at).into_error()
    })?;
    if sum != amount.0 {
        let at = tranche_loc(tranches.first().map_or(0, |t| t.0));
        let f = templates::TRANCHE_AMOUNTS_DO_NOT_SUM.error(at);
        return Err(f
            .with("component_id", &c.id)
            .with("tranches", Sek(sum))
            .with("component", amount)
            .into_error());
    }
    Ok(tranches
        .iter()
        .map(|(_, t)| {
            (
                Some(t.id.clone()),
                t.date,
                t.amount.as_ref().map_or(Sek::ZERO, |f| f.value),
            )
        })
        .collect())
}

/// Tranches that each give a share: the component's amount split by the shares (which must
/// sum to 1), in whole kronor when the amount is whole, else in öre.
fn by_shares(
    c: &Component,
    amount: Sek,
    tranches: &[(usize, &crate::agreement::Tranche)],
) -> Result<Vec<TranchePot>> {
    let shares: Vec<Decimal> = tranches
        .iter()
        .filter_map(|(_, t)| t.share.map(|s| s.0))
        .collect();
    if let Some((i, t)) = tranches.iter().find(|(_, t)| {
        t.share
            .is_some_and(|w| w.0.is_sign_negative() && !w.0.is_zero())
    }) {
        let f = templates::TRANCHE_SHARE_NEGATIVE.error(tranche_loc(*i).join("share"));
        return Err(f
            .with("tranche", &t.id)
            .with("component", &c.id)
            .into_error());
    }
    let sum = checked_sum(shares.iter().copied()).unwrap_or(Decimal::MAX);
    if sum != Decimal::ONE {
        let at = tranche_loc(tranches.first().map_or(0, |t| t.0));
        let f = templates::TRANCHE_SHARES_DO_NOT_SUM.error(at);
        return Err(f.with("component", &c.id).with("sum", sum).into_error());
    }
    let w = scale_to_integers(&shares).ok_or_else(|| {
        templates::TRANCHE_SHARES_TOO_PRECISE
            .error(Loc::root())
            .into_error()
    })?;
    // Tranches are split in whole kronor; the rule then splits each tranche.
    let units = Unit::Krona
        .to_units(amount)
        .or_else(|_| Unit::Ore.to_units(amount));
    let (unit, units) = match units {
        Ok(u) if amount.0.normalize().scale() == 0 => (Unit::Krona, u),
        Ok(u) => (Unit::Ore, u),
        Err(e) => return Err(e),
    };
    let parts = apportion::largest_remainder(units, &w).map_err(apportion_error)?;
    tranches
        .iter()
        .zip(parts)
        .map(|((_, t), p)| Ok((Some(t.id.clone()), t.date, unit.from_units(p)?)))
        .collect()
}

/// The key a rule runs on: the override (when at the same level), the rule's key, the
/// agreement's key, or the default population key of the component's recipients.
///
/// A default key is named in `notes` (`default_key`): which key, and how many days its date
/// is from the convention (the population of 1 November of the year before).
pub(crate) fn resolve_key(
    a: &Agreement,
    c: &Component,
    spec: Option<&KeySpec>,
    default: Option<KeySpec>,
    opts: &Options,
    notes: &mut Vec<Finding>,
) -> Result<Key> {
    let group = c.recipients.as_ref();
    let group_level = group.and_then(Group::level).or(match group {
        None => Some(Level::Regions),
        _ => None,
    });
    let declared = a.declared_ids();
    let key = match (&opts.key, group_level) {
        (Some(k), Some(level)) if key_level(k) == Some(level) => k.clone(),
        _ => match spec.or(a.key.as_ref()).cloned().or(default) {
            Some(s) => s.resolve_with(&declared)?,
            None => {
                let Some(level) = group_level else {
                    let f = templates::KEY_NEEDED_FOR_GROUP.error(Loc::root());
                    let group = group.map_or("?".into(), Group::describe);
                    return Err(f.with("component", &c.id).with("group", group).into_error());
                };
                let (date, year) = default_date(a, level)?;
                notes.push(default_key_note(c, level, date, year));
                KeySpec::Population { level, date }.resolve()?
            }
        },
    };
    let key = match group {
        Some(Group::MunicipalitiesOf(_) | Group::List(_)) => match group.and_then(Group::members) {
            Some(m) => key.restrict(&m)?,
            None => key,
        },
        _ => key,
    };
    if let Some(members) = group.map_or_else(|| Group::Regions.members(), Group::members) {
        notes.extend(partial_key_note(c, &key, &members));
    }
    notes.extend(precision_note(&c.id, &key));
    Ok(key)
}

/// The date of the default population key of `level` for agreement `a`, and the agreement's
/// first year it is chosen by.
fn default_date(a: &Agreement, level: Level) -> Result<(NaiveDate, i32)> {
    let Some(year) = a.first_year() else {
        return Err(templates::DEFAULT_KEY_NO_YEARS
            .error(Loc::root())
            .into_error());
    };
    let date = reference::default_population_date(level, year).ok_or_else(|| {
        let t = match level {
            Level::Regions => &templates::DEFAULT_KEY_NO_POPULATION_REGIONS,
            Level::Municipalities => &templates::DEFAULT_KEY_NO_POPULATION_MUNICIPALITIES,
        };
        let f = t.error(Loc::root()).with("level", level.as_str());
        f.with("convention_year", year.saturating_sub(1))
            .into_error()
    })?;
    Ok((date, year))
}

/// The note on a key whose figures are rounded: the care-need key of 2024 is a published
/// table of amounts rounded to 100 000 kr (per the source), so each weight, and each share
/// it gives, is exact only to ±50 000 kr in 6 000 000 000 kr.
pub(crate) fn precision_note(component: &str, key: &Key) -> Option<Finding> {
    (key.description() == "needs:regions:2024").then(|| {
        templates::CARE_NEED_KEY_2024_PRECISION
            .info(Loc::root())
            .with("component", component)
            .with("key", key.description())
            .with("precision", "50000 of 6000000000")
    })
}

/// The warning on a key that leaves out some of the component's recipients (they get nothing).
fn partial_key_note(c: &Component, key: &Key, members: &[RecipientId]) -> Option<Finding> {
    let missing: Vec<&RecipientId> = members
        .iter()
        .filter(|m| key.recipients().binary_search(m).is_err())
        .collect();
    if missing.is_empty() {
        return None;
    }
    let shown: Vec<String> = missing.iter().take(5).map(|m| m.to_string()).collect();
    let more = if missing.len() > 5 { ", …" } else { "" };
    let f = templates::KEY_LEAVES_OUT_RECIPIENTS
        .warning(Loc::root())
        .with("component", &c.id)
        .with("covered", members.len() - missing.len())
        .with("members", members.len())
        .with("shown", format!("{}{more}", shown.join(", ")));
    Some(
        f.with("key", key.description())
            .with("missing", missing.len()),
    )
}

/// The key a component's rule would run on when it names none, as a `default_key`
/// finding (for validation: what the allocation will choose, said before it runs).
pub(crate) fn default_key_of(a: &Agreement, c: &Component) -> Option<Finding> {
    let spec = match c.rule.as_ref()? {
        crate::rule::Rule::PerCapita { key } | crate::rule::Rule::FixedPlusKey { key, .. } => {
            key.as_ref()
        }
        crate::rule::Rule::Performance(p) => p.key.as_ref(),
        _ => return None,
    };
    let mut notes = Vec::new();
    resolve_key(a, c, spec, None, &Options::default(), &mut notes).ok()?;
    notes.into_iter().find(|n| n.code == Code::DefaultKey)
}

/// What the key of a component's rule refuses when the allocation makes it with the
/// default options (its default, its restriction to the component's recipients), located
/// as under the rule: for validation, so that it refuses what the allocation would.
pub(crate) fn key_refusal(a: &Agreement, c: &Component) -> Option<Error> {
    let spec = match c.rule.as_ref()? {
        crate::rule::Rule::PerCapita { key } | crate::rule::Rule::FixedPlusKey { key, .. } => {
            key.clone()
        }
        crate::rule::Rule::Performance(p) => p.key.clone(),
        crate::rule::Rule::ByNeed { key } => {
            Some(key.clone().unwrap_or(KeySpec::NeedsRegions2024 {}))
        }
        _ => return None,
    };
    resolve_key(
        a,
        c,
        spec.as_ref(),
        None,
        &Options::default(),
        &mut Vec::new(),
    )
    .err()
}

/// The note on a default key: the population of `level` at `date` for an agreement of `year`.
fn default_key_note(c: &Component, level: Level, date: NaiveDate, year: i32) -> Finding {
    let spec = KeySpec::Population { level, date };
    let convention = NaiveDate::from_ymd_opt(year.saturating_sub(1), 11, 1).unwrap_or(date);
    let days = (convention - date).num_days();
    let t = match level {
        Level::Regions => &templates::DEFAULT_KEY_REGIONS,
        Level::Municipalities => &templates::DEFAULT_KEY_MUNICIPALITIES,
    };
    t.info(Loc::root())
        .with("level", level.as_str())
        .with("convention_year", year.saturating_sub(1))
        .with("component", &c.id)
        .with("key", &spec)
        .with("convention", convention)
        .with("days", days)
}

/// The level of a key whose recipients are all regions or all municipalities.
pub(super) fn key_level(k: &Key) -> Option<Level> {
    let kinds: Vec<RecipientKind> = k.recipients().iter().map(RecipientId::kind).collect();
    if kinds.iter().all(|x| *x == RecipientKind::Region) {
        Some(Level::Regions)
    } else if kinds.iter().all(|x| *x == RecipientKind::Municipality) {
        Some(Level::Municipalities)
    } else {
        None
    }
}
