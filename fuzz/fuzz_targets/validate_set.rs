//! Validation of a set of agreements built from arbitrary data: ids and bases (cycles,
//! self-references, missing bases, duplicate ids), years and dates at the edges of their
//! ranges, figures anywhere in the decimal range with any precision and hedge word,
//! nested components and earmarks, tranches by amount or share, frames, fixed-plus-key
//! and performance shares. `validate` and `allocate` must never panic; a set that
//! validates also round-trips through JSON.
#![no_main]

use arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;
use vardavtal::agreement::{Frame, Tranche};
use vardavtal::recipient::Group;
use vardavtal::rule::{Criterion, Performance, Test, Unearned};
use vardavtal::swedish::Qualifier;
use vardavtal::{
    Agreement, AgreementKind, Component, ComponentKind, Dated, Figure, KeySpec, Options, Rule, Sek,
    Status, Weight, When, allocate, validate,
};

/// A weight as a file may hold it: any decimal, negative ones too (a `Weight` built in
/// code cannot be negative; one read from JSON can, and validation must refuse it).
fn weight(u: &mut Unstructured<'_>) -> arbitrary::Result<Weight> {
    let d = decimal(u)?;
    serde_json::from_value(serde_json::Value::String(d.to_string()))
        .map_err(|_| arbitrary::Error::IncorrectFormat)
}

fn decimal(u: &mut Unstructured<'_>) -> arbitrary::Result<Decimal> {
    Ok(match u.int_in_range(0..=5)? {
        0 => Decimal::MAX,
        1 => Decimal::MIN,
        2 => Decimal::new(i64::from(u.int_in_range(-5i8..=5)?), 0),
        3 => Decimal::new(i64::from(u.arbitrary::<i32>()?), u.int_in_range(0..=6)?),
        _ => {
            let m = u.arbitrary::<i128>()? % (1i128 << 96);
            Decimal::try_from_i128_with_scale(m, u.int_in_range(0..=28)?).unwrap_or_default()
        }
    })
}

fn figure(u: &mut Unstructured<'_>) -> arbitrary::Result<Figure> {
    let value = Sek::from(decimal(u)?);
    let precision = if u.arbitrary()? {
        Some(Sek::from(decimal(u)?))
    } else {
        None
    };
    let qualifier = match u.int_in_range(0..=4)? {
        0 => Some(Qualifier::About),
        1 => Some(Qualifier::Over),
        2 => Some(Qualifier::Nearly),
        3 => Some(Qualifier::Under),
        _ => None,
    };
    let year = if u.arbitrary()? { Some(year(u)?) } else { None };
    Ok(Figure {
        value,
        precision,
        qualifier,
        year,
        source: None,
    })
}

fn year(u: &mut Unstructured<'_>) -> arbitrary::Result<i32> {
    Ok(match u.int_in_range(0..=3)? {
        0 => i32::MIN,
        1 => i32::MAX,
        2 => u.int_in_range(2015..=2026)?,
        _ => u.arbitrary()?,
    })
}

fn when(u: &mut Unstructured<'_>) -> arbitrary::Result<When> {
    let d = match u.int_in_range(0..=2)? {
        0 => chrono::NaiveDate::MIN,
        1 => chrono::NaiveDate::MAX,
        _ => chrono::NaiveDate::from_ymd_opt(
            u.int_in_range(2015..=2026)?,
            u.int_in_range(1..=12)?,
            1,
        )
        .unwrap_or_default(),
    };
    Ok(if u.arbitrary()? {
        When::Day(d)
    } else {
        When::Month(d)
    })
}

const CODES: &[&str] = &["01", "03", "25", "0114", "2584", "SKR", "staten", "99", "x"];

fn id(u: &mut Unstructured<'_>, prefix: &str) -> arbitrary::Result<String> {
    Ok(format!("{prefix}{}", u.int_in_range(0..=5)?))
}

fn key_spec(u: &mut Unstructured<'_>) -> arbitrary::Result<Option<KeySpec>> {
    Ok(match u.int_in_range(0..=3)? {
        0 => None,
        1 => Some(KeySpec::NeedsRegions2024 {}),
        2 => Some(KeySpec::Population {
            level: vardavtal::reference::Level::Regions,
            date: chrono::NaiveDate::from_ymd_opt(u.int_in_range(2018..=2025)?, 11, 1)
                .unwrap_or_default(),
        }),
        _ => {
            let mut weights = std::collections::BTreeMap::new();
            for _ in 0..u.int_in_range(0..=4)? {
                let c = *u.choose(CODES)?;
                weights.insert(c.into(), weight(u)?);
            }
            Some(KeySpec::Weights {
                name: None,
                weights,
            })
        }
    })
}

fn rule(u: &mut Unstructured<'_>) -> arbitrary::Result<Option<Rule>> {
    Ok(match u.int_in_range(0..=7)? {
        0 => None,
        1 => Some(Rule::PerCapita { key: key_spec(u)? }),
        2 => Some(Rule::ByNeed { key: key_spec(u)? }),
        3 => Some(Rule::Fixed {
            recipient: (*u.choose(CODES)?).into(),
        }),
        4 => Some(Rule::Equal {}),
        5 => Some(Rule::FixedPlusKey {
            each: Sek::from(decimal(u)?),
            key: key_spec(u)?,
        }),
        6 => {
            let mut criteria = Vec::new();
            for _ in 0..u.int_in_range(0..=3)? {
                criteria.push(Criterion {
                    id: id(u, "k")?,
                    name: "K".into(),
                    share: weight(u)?,
                    test: Test::Met { measure: None },
                });
            }
            Some(Rule::Performance(Performance {
                criteria,
                unearned: if u.arbitrary()? {
                    Unearned::BonusPot
                } else {
                    Unearned::ReturnToState
                },
                key: key_spec(u)?,
            }))
        }
        _ => Some(Rule::Reimbursement {}),
    })
}

fn group(u: &mut Unstructured<'_>) -> arbitrary::Result<Option<Group>> {
    Ok(match u.int_in_range(0..=5)? {
        0 => None,
        1 => Some(Group::Regions),
        2 => Some(Group::Municipalities),
        3 => Some(Group::MunicipalitiesOf((*u.choose(CODES)?).into())),
        4 => {
            let mut v = Vec::new();
            for _ in 0..u.int_in_range(0..=4)? {
                v.push((*u.choose(CODES)?).into());
            }
            Some(Group::List(v))
        }
        _ => Some(Group::Recipient((*u.choose(CODES)?).into())),
    })
}

fn component(u: &mut Unstructured<'_>, depth: u32) -> arbitrary::Result<Component> {
    let mut components = Vec::new();
    if depth < 3 {
        for _ in 0..u.int_in_range(0..=3)? {
            components.push(component(u, depth + 1)?);
        }
    }
    // Component is non-exhaustive: built by `new`, then its fields set (in the order the
    // bytes are drawn).
    let mut c = Component::new(id(u, "c")?, "C");
    c.kind = *u.choose(&[
        ComponentKind::Block,
        ComponentKind::Item,
        ComponentKind::Earmark,
    ])?;
    c.amount = if u.int_in_range(0..=4)? > 0 {
        Some(figure(u)?)
    } else {
        None
    };
    c.other_figures = if u.arbitrary()? {
        vec![figure(u)?]
    } else {
        Vec::new()
    };
    c.recipients = group(u)?;
    c.rule = rule(u)?;
    c.components = components;
    Ok(c)
}

fn agreement(u: &mut Unstructured<'_>) -> arbitrary::Result<Agreement> {
    let kind = match u.int_in_range(0..=3)? {
        0 | 1 => AgreementKind::Supplementary { base: id(u, "a")? },
        2 => AgreementKind::BudgetProposal {},
        _ => AgreementKind::Base {},
    };
    let mut years = Vec::new();
    for _ in 0..u.int_in_range(0..=3)? {
        years.push(year(u)?);
    }
    let mut components = Vec::new();
    for _ in 0..u.int_in_range(0..=3)? {
        components.push(component(u, 0)?);
    }
    let mut tranches = Vec::new();
    for _ in 0..u.int_in_range(0..=3)? {
        let by_share: bool = u.arbitrary()?;
        let tranche_id = id(u, "t")?;
        let date = if u.arbitrary()? { Some(when(u)?) } else { None };
        let mut t = Tranche::new(tranche_id, id(u, "c")?);
        t.date = date;
        t.amount = if by_share { None } else { Some(figure(u)?) };
        t.share = if by_share {
            Some(weight(u)?)
        } else {
            None
        };
        tranches.push(t);
    }
    let mut frames = Vec::new();
    if u.arbitrary()? {
        frames.push(Frame {
            id: "f".into(),
            per_year: figure(u)?,
            years: years.clone(),
        });
    }
    let mut decided = Vec::new();
    for _ in 0..u.int_in_range(0..=2)? {
        decided.push(Dated {
            date: when(u)?,
            source: None,
        });
    }
    let mut a = Agreement::new(id(u, "a")?, "A");
    a.kind = kind;
    a.decided = decided;
    a.status = if u.arbitrary()? {
        Status::Signed
    } else {
        Status::Proposed
    };
    a.years = years;
    a.amount = if u.arbitrary()? {
        Some(figure(u)?)
    } else {
        None
    };
    a.other_figures = if u.arbitrary()? {
        vec![figure(u)?]
    } else {
        Vec::new()
    };
    a.components = components;
    a.carry_over = if u.arbitrary()? {
        Some(vardavtal::agreement::CarryOver {
            until: when(u)?.first_day(),
            source: None,
        })
    } else {
        None
    };
    a.tranches = tranches;
    a.frames = frames;
    a.key = key_spec(u)?;
    Ok(a)
}

fn four_digit_dates(a: &Agreement) -> bool {
    use chrono::Datelike;
    let ok = |d: chrono::NaiveDate| (0..=9999).contains(&d.year());
    a.decided.iter().all(|d| ok(d.date.first_day()))
        && a.tranches
            .iter()
            .all(|t| t.date.is_none_or(|d| ok(d.first_day())))
        && a.carry_over.as_ref().is_none_or(|c| ok(c.until))
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let mut set = Vec::new();
    for _ in 0..u.int_in_range(1..=4).unwrap_or(1) {
        match agreement(&mut u) {
            Ok(a) => set.push(a),
            Err(_) => break,
        }
    }
    let findings = validate::validate(&set, &validate::Checks::new());
    for f in &findings {
        let _ = f.to_string();
    }
    for a in &set {
        // What the model holds, it writes and reads back identically (dates beyond
        // four-digit years have no YYYY-MM-DD form, so they are left out of this law).
        if four_digit_dates(a) {
            assert_eq!(
                Agreement::from_json(&a.to_json()).ok().as_ref(),
                Some(a),
                "round trip"
            );
        }
        if let Ok(alloc) = allocate(a, &Options::default()) {
            assert!(alloc.check().is_ok(), "rows do not sum to their pots");
            let _ = serde_json::to_string(&alloc);
            let _ = alloc.pivot();
        }
    }
});
