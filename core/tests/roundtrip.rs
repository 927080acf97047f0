//! Round trip: an agreement written as JSON and read back is the identical agreement,
//! amounts with their exact digits and stated precision (1 000 generated agreements, and
//! every agreement of the catalog).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeMap;

use chrono::NaiveDate;
use proptest::prelude::*;
use rust_decimal::Decimal;
use vardavtal::agreement::{CarryOver, Frame, Funding, Payer, Tranche};
use vardavtal::recipient::DeclaredRecipient;
use vardavtal::reference::Level;
use vardavtal::rule::{Criterion, Performance, Test, Unearned};
use vardavtal::swedish::Qualifier;
use vardavtal::{
    Agreement, AgreementKind, Component, ComponentKind, Dated, Figure, Group, KeySpec, Rule, Sek,
    SourceRef, Status, Weight, When,
};

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 1000,
        ..ProptestConfig::default()
    }
}

/// An amount with 0–4 decimals (trailing zeros included: "1000.50"), sometimes negative,
/// sometimes at the edges of the decimal range.
fn amount() -> impl Strategy<Value = Sek> {
    prop_oneof![
        8 => (0i64..10_000_000_000_000, 0u32..=4).prop_map(|(m, s)| Sek::from(Decimal::new(m, s))),
        1 => (-1_000_000i64..0, 0u32..=2).prop_map(|(m, s)| Sek::from(Decimal::new(m, s))),
        1 => prop_oneof![Just(Sek::from(Decimal::MAX)), Just(Sek::from(Decimal::ZERO)), Just(Sek::from(Decimal::new(1, 28)))],
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z0-9-]{1,12}",
        "[ -~]{0,20}",
        Just("Ökad tillgänglighet i hälso- och sjukvården \"2022\"\n\t\\".to_owned()),
        Just("9,4 miljarder kronor".to_owned()),
    ]
}

fn source() -> impl Strategy<Value = Option<SourceRef>> {
    prop::option::of(("[0-9]{3}", text(), prop::option::of(text())).prop_map(
        |(source, quote, inferred)| SourceRef {
            source,
            quote,
            inferred,
        },
    ))
}

fn figure() -> impl Strategy<Value = Figure> {
    (
        amount(),
        prop::option::of(prop_oneof![
            Just(Sek::from(Decimal::new(1, 0))),
            Just(Sek::from(Decimal::new(100_000_000, 0))),
            Just(Sek::from(Decimal::new(500_000_000, 0))),
            Just(Sek::from(Decimal::new(1, 2))),
            Just(Sek::from(Decimal::new(100, 2))),
        ]),
        prop::option::of(prop_oneof![
            Just(Qualifier::About),
            Just(Qualifier::Over),
            Just(Qualifier::Nearly),
            Just(Qualifier::Under)
        ]),
        prop::option::of(2015i32..2030),
        source(),
    )
        .prop_map(|(value, precision, qualifier, year, source)| Figure {
            value,
            precision,
            qualifier,
            year,
            source,
        })
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (1900i32..2100, 1u32..=12, 1u32..=28)
        .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

fn when() -> impl Strategy<Value = When> {
    prop_oneof![
        date().prop_map(When::Day),
        (2015i32..2030, 1u32..=12)
            .prop_map(|(y, m)| When::Month(NaiveDate::from_ymd_opt(y, m, 1).unwrap()))
    ]
}

fn code() -> impl Strategy<Value = vardavtal::RecipientId> {
    prop::sample::select(vec![
        "01", "03", "25", "0114", "2584", "SKR", "staten", "inera",
    ])
    .prop_map(vardavtal::RecipientId::new)
}

fn weight() -> impl Strategy<Value = Weight> {
    (0i64..10_000_000, 0u32..=4)
        .prop_map(|(m, s)| Weight::new(Decimal::new(m, s)).expect("not negative"))
}

fn key_spec() -> impl Strategy<Value = KeySpec> {
    let level = prop_oneof![Just(Level::Regions), Just(Level::Municipalities)];
    prop_oneof![
        (level.clone(), date()).prop_map(|(level, date)| KeySpec::Population { level, date }),
        Just(KeySpec::NeedsRegions2024 {}),
        (
            level,
            date(),
            prop::collection::btree_map(code(), weight(), 0..4)
        )
            .prop_map(|(level, date, index)| KeySpec::NeedsWeighted { level, date, index }),
        (
            prop::option::of(text()),
            prop::collection::btree_map(code(), weight(), 0..4)
        )
            .prop_map(|(name, weights)| KeySpec::Weights { name, weights }),
    ]
}

fn test_leaf() -> impl Strategy<Value = Test> {
    let measure = prop::option::of("[a-z]{1,6}");
    let threshold = (0i64..1000, 0u32..=3).prop_map(|(m, s)| Decimal::new(m, s));
    prop_oneof![
        (any::<bool>(), measure.clone()).prop_map(|(lower_is_better, measure)| Test::Improved {
            lower_is_better,
            measure
        }),
        (threshold.clone(), measure.clone())
            .prop_map(|(threshold, measure)| Test::AtLeast { threshold, measure }),
        (threshold, measure.clone())
            .prop_map(|(threshold, measure)| Test::AtMost { threshold, measure }),
        measure.prop_map(|measure| Test::Met { measure }),
    ]
}

fn test() -> impl Strategy<Value = Test> {
    test_leaf().prop_recursive(3, 8, 3, |inner| {
        prop::collection::vec(inner, 0..3).prop_map(|tests| Test::Any { tests })
    })
}

fn rule() -> impl Strategy<Value = Rule> {
    let key = || prop::option::of(key_spec());
    prop_oneof![
        key().prop_map(|key| Rule::PerCapita { key }),
        key().prop_map(|key| Rule::ByNeed { key }),
        code().prop_map(|recipient| Rule::Fixed { recipient }),
        Just(Rule::Equal {}),
        (amount(), key()).prop_map(|(each, key)| Rule::FixedPlusKey { each, key }),
        (
            prop::collection::vec(
                ("[a-z]{1,5}", text(), weight(), test()).prop_map(|(id, name, share, test)| {
                    Criterion {
                        id,
                        name,
                        share,
                        test,
                    }
                }),
                0..3
            ),
            prop_oneof![Just(Unearned::BonusPot), Just(Unearned::ReturnToState)],
            key(),
        )
            .prop_map(|(criteria, unearned, key)| Rule::Performance(Performance {
                criteria,
                unearned,
                key
            })),
        Just(Rule::Reimbursement {}),
        (text(), prop::option::of(text())).prop_map(|(needs, sv)| Rule::unpublished(needs, sv)),
    ]
}

fn group() -> impl Strategy<Value = Group> {
    prop_oneof![
        Just(Group::Regions),
        Just(Group::Municipalities),
        Just(Group::RegionsAndMunicipalities),
        Just(Group::MunicipalitiesOf("09".into())),
        code().prop_map(Group::Recipient),
        prop::collection::vec(code(), 0..4).prop_map(Group::List),
        (text(), prop::option::of(0u32..300))
            .prop_map(|(name, members)| Group::Named { name, members }),
    ]
}

fn leaf_component() -> impl Strategy<Value = Component> {
    (
        "[a-z][a-z0-9-]{0,8}",
        text(),
        prop_oneof![
            Just(ComponentKind::Block),
            Just(ComponentKind::Item),
            Just(ComponentKind::Earmark)
        ],
        prop::option::of(figure()),
        prop::collection::vec(figure(), 0..2),
        prop::option::of(group()),
        prop::option::of(rule()),
        prop::collection::vec(source().prop_filter_map("some", |s| s), 0..2),
        prop::collection::vec(text(), 0..2),
    )
        .prop_map(
            |(id, name, kind, amount, other_figures, recipients, rule, sources, notes)| {
                // Component is non-exhaustive: built by `new`, then every field set.
                let mut c = Component::new(id, name);
                c.kind = kind;
                c.amount = amount;
                c.other_figures = other_figures;
                c.recipients = recipients;
                c.rule = rule;
                c.sources = sources;
                c.notes = notes;
                c
            },
        )
}

/// Components nested up to three levels.
fn component() -> impl Strategy<Value = Component> {
    leaf_component().prop_recursive(3, 12, 3, |inner| {
        (leaf_component(), prop::collection::vec(inner, 0..3)).prop_map(|(mut c, parts)| {
            c.components = parts;
            c
        })
    })
}

fn agreement() -> impl Strategy<Value = Agreement> {
    let head = (
        "[a-z][a-z0-9-]{0,16}",
        text(),
        prop::option::of(text()),
        prop_oneof![
            Just(AgreementKind::Base {}),
            "[a-z]{1,8}".prop_map(|base| AgreementKind::Supplementary { base }),
            Just(AgreementKind::SectorGrant {}),
            Just(AgreementKind::Reimbursement {}),
            Just(AgreementKind::BudgetProposal {}),
        ],
        prop::collection::vec(text(), 0..3),
        prop::collection::vec(
            (when(), source()).prop_map(|(date, source)| Dated { date, source }),
            0..3,
        ),
        prop_oneof![
            Just(Status::Signed),
            Just(Status::Proposed),
            text().prop_map(|party| Status::Pending { party })
        ],
        prop::collection::vec(2015i32..2030, 0..4),
    );
    let money = (
        prop::option::of(figure()),
        prop::collection::vec(figure(), 0..2),
        prop::collection::vec(
            (
                prop_oneof![
                    Just(Payer::State),
                    Just(Payer::Regions),
                    Just(Payer::Municipalities)
                ],
                prop::option::of(figure()),
            )
                .prop_map(|(payer, amount)| Funding { payer, amount }),
            0..3,
        ),
        prop::collection::vec(component(), 0..4),
    );
    let rest = (
        prop::option::of(
            (date(), source()).prop_map(|(until, source)| CarryOver { until, source }),
        ),
        prop::collection::vec(
            (
                "[a-z0-9]{1,4}",
                prop::option::of(when()),
                "[a-z]{1,6}",
                prop::option::of(figure()),
                prop::option::of(weight()),
            )
                .prop_map(|(id, date, component, amount, share)| {
                    let mut t = Tranche::new(id, component);
                    t.date = date;
                    t.amount = amount;
                    t.share = share;
                    t
                }),
            0..4,
        ),
        prop::collection::vec(
            (
                "[a-z]{1,4}",
                figure(),
                prop::collection::vec(2015i32..2030, 0..3),
            )
                .prop_map(|(id, per_year, years)| Frame {
                    id,
                    per_year,
                    years,
                }),
            0..2,
        ),
        prop::collection::vec(
            ("[a-z]{2,8}", text(), prop::option::of(0u32..100)).prop_map(|(id, name, members)| {
                DeclaredRecipient {
                    id: id.as_str().into(),
                    name,
                    members,
                }
            }),
            0..2,
        ),
        prop::option::of(key_spec()),
        prop::collection::vec(source().prop_filter_map("some", |s| s), 0..2),
        prop::collection::vec(text(), 0..2),
    );
    (head, money, rest).prop_map(
        |(
            (id, title, title_en, kind, parties, decided, status, years),
            (amount, other_figures, funding, components),
            (carry_over, tranches, frames, recipients, key, sources, notes),
        )| {
            let mut a = Agreement::new(id, title);
            a.title_en = title_en;
            a.kind = kind;
            a.parties = parties;
            a.decided = decided;
            a.status = status;
            a.years = years;
            a.amount = amount;
            a.other_figures = other_figures;
            a.funding = funding;
            a.components = components;
            a.carry_over = carry_over;
            a.tranches = tranches;
            a.frames = frames;
            a.recipients = recipients;
            a.key = key;
            a.sources = sources;
            a.notes = notes;
            a
        },
    )
}

/// Every figure of the agreement, written as the file writes it: value and precision as
/// their exact decimal strings.
fn figures(a: &Agreement) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |f: &Figure| {
        out.push(format!(
            "{} {:?} {:?} {:?}",
            f.value,
            f.precision.map(|p| p.to_string()),
            f.qualifier,
            f.year
        ))
    };
    a.amount.iter().chain(&a.other_figures).for_each(&mut push);
    for (_, c) in a.walk() {
        c.amount.iter().chain(&c.other_figures).for_each(&mut push);
    }
    a.tranches
        .iter()
        .filter_map(|t| t.amount.as_ref())
        .for_each(&mut push);
    a.frames.iter().map(|f| &f.per_year).for_each(&mut push);
    out
}

/// 1 000 generated agreements. Run on a thread with a large stack: proptest's strategies
/// for a type this size take more than a test thread's 2 MB in debug builds (the parsing
/// itself does not; see corpus.rs for nesting on a 1 MB stack).
#[test]
fn agreements_round_trip() {
    std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(|| {
            let mut runner = proptest::test_runner::TestRunner::new(config());
            let result = runner.run(&agreement(), |a| {
                let json = a.to_json();
                let back = Agreement::from_json(&json);
                prop_assert!(back.is_ok(), "{json}\n{:?}", back.err());
                let back = back.unwrap();
                prop_assert_eq!(&back, &a);
                // The exact digits: the figures print the same, and writing again gives
                // the same text.
                prop_assert_eq!(figures(&back), figures(&a));
                prop_assert_eq!(back.to_json(), json);
                Ok(())
            });
            if let Err(e) = result {
                panic!("{e}");
            }
        })
        .unwrap()
        .join()
        .unwrap();
}

/// A figure's digits survive exactly, including the largest decimal, 28 decimals and a
/// value with trailing zeros (written without them, read back equal).
#[test]
fn exact_digits() {
    for (value, want) in [
        (
            "79228162514264337593543950335",
            "79228162514264337593543950335",
        ),
        (
            "0.0000000000000000000000000001",
            "0.0000000000000000000000000001",
        ),
        ("1000.50", "1000.5"),
        ("443000000", "443000000"),
        ("-12.3400", "-12.34"),
    ] {
        let text = format!(
            r#"{{"id":"x","title":"X","kind":{{"type":"base"}},"years":[2022],"amount":{{"value":"{value}","precision":"0.01"}}}}"#
        );
        let a = Agreement::from_json(&text).unwrap();
        let back = Agreement::from_json(&a.to_json()).unwrap();
        assert_eq!(back, a);
        let f = back.amount.unwrap();
        assert_eq!(f.value.to_string(), want);
        assert_eq!(f.precision.map(|p| p.to_string()).as_deref(), Some("0.01"));
    }
}

#[test]
fn every_catalog_agreement_round_trips() {
    let cat = vardavtal::catalog::catalog();
    assert!(!cat.agreements.is_empty());
    let mut by_id = BTreeMap::new();
    for a in &cat.agreements {
        let json = a.to_json();
        let back = Agreement::from_json(&json).unwrap_or_else(|e| panic!("{}: {e}", a.id));
        assert_eq!(&back, a, "{}", a.id);
        assert_eq!(figures(&back), figures(a), "{}", a.id);
        assert_eq!(back.to_json(), json, "{}", a.id);
        by_id.insert(a.id.clone(), back);
    }
    // The files on disk read to the same agreements as the catalog holds.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog/agreements");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let a = Agreement::from_file(&path).unwrap();
            assert_eq!(by_id.get(&a.id), Some(&a), "{}", path.display());
        }
    }
}
