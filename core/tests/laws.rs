//! The laws of money, as properties (1 000 cases each): every allocation sums exactly to
//! its pot; every amount is the floor or the ceiling of its exact quota in the rounding
//! unit; the result does not depend on the order of the input; equal weights get amounts
//! within one unit of each other; zero weight gets zero. And the inputs that make an
//! allocation impossible return an error that names the problem.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use proptest::prelude::*;
use rust_decimal::Decimal;
use vardavtal::{
    Agreement, Code, Key, KeySpec, Options, Outcome, Outcomes, RecipientId, Sek, Unit, allocate,
    reference, split,
};

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 1000,
        ..ProptestConfig::default()
    }
}

/// Municipality codes, so keys can have up to 290 distinct known recipients.
fn codes() -> Vec<&'static str> {
    reference::municipalities().iter().map(|m| m.code).collect()
}

/// (pot in units, weights with at least one non-zero, unit)
fn inputs() -> impl Strategy<Value = (u64, Vec<u64>, Unit)> {
    (
        prop_oneof![0u64..1000, 0u64..10_000_000_000_000, Just(u64::MAX / 4)],
        prop::collection::vec(
            prop_oneof![Just(0u64), 0u64..10, 0u64..3_000_000, 0u64..u32::MAX as u64],
            1..60,
        ),
        prop_oneof![Just(Unit::Krona), Just(Unit::Ore)],
    )
        .prop_filter("some weight", |(_, w, _)| w.iter().any(|x| *x > 0))
}

fn key_of(weights: &[u64]) -> Key {
    let c = codes();
    Key::new(
        "test",
        vec![],
        weights
            .iter()
            .enumerate()
            .map(|(i, w)| (RecipientId::new(c[i]), Decimal::from(*w))),
        &[],
    )
    .unwrap()
}

fn pot_of(units: u64, unit: Unit) -> Sek {
    unit.from_units(units as u128).unwrap()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn sums_exactly_to_the_pot((pot, weights, unit) in inputs()) {
        let key = key_of(&weights);
        let a = split(pot_of(pot, unit), &key, None, unit).unwrap();
        prop_assert_eq!(a.total(), pot_of(pot, unit));
        prop_assert_eq!(a.len(), weights.len());
    }

    #[test]
    fn every_amount_is_floor_or_ceiling_of_its_quota((pot, weights, unit) in inputs()) {
        let key = key_of(&weights);
        let parts = key.split(pot_of(pot, unit), unit).unwrap();
        let total: u128 = weights.iter().map(|w| *w as u128).sum();
        for (p, w) in parts.iter().zip(&weights) {
            let units = unit.to_units(*p).unwrap();
            let num = pot as u128 * *w as u128;
            let floor = num / total;
            if num.is_multiple_of(total) {
                prop_assert_eq!(units, floor);
            } else {
                prop_assert!(units == floor || units == floor + 1, "{} not in [{}, {}]", units, floor, floor + 1);
            }
        }
    }

    #[test]
    fn order_of_the_input_does_not_matter((pot, weights, unit) in inputs(), seed in any::<u64>()) {
        let c = codes();
        let entries: Vec<(RecipientId, Decimal)> =
            weights.iter().enumerate().map(|(i, w)| (RecipientId::new(c[i]), Decimal::from(*w))).collect();
        let mut shuffled = entries.clone();
        // A deterministic shuffle from the seed.
        let mut s = seed | 1;
        for i in (1..shuffled.len()).rev() {
            s ^= s << 13; s ^= s >> 7; s ^= s << 17;
            shuffled.swap(i, (s % (i as u64 + 1)) as usize);
        }
        let a = split(pot_of(pot, unit), &Key::new("a", vec![], entries, &[]).unwrap(), None, unit).unwrap();
        let b = split(pot_of(pot, unit), &Key::new("b", vec![], shuffled, &[]).unwrap(), None, unit).unwrap();
        let ta: Vec<_> = a.by_recipient().into_iter().map(|t| (t.key, t.amount)).collect();
        let tb: Vec<_> = b.by_recipient().into_iter().map(|t| (t.key, t.amount)).collect();
        prop_assert_eq!(ta, tb);
    }

    #[test]
    fn equal_weights_get_amounts_within_one_unit((pot, weights, unit) in inputs(), w in 1u64..1_000_000) {
        let equal = vec![w; weights.len()];
        let parts = key_of(&equal).split(pot_of(pot, unit), unit).unwrap();
        let units: Vec<u128> = parts.iter().map(|p| unit.to_units(*p).unwrap()).collect();
        let (min, max) = (units.iter().min().unwrap(), units.iter().max().unwrap());
        prop_assert!(max - min <= 1);
    }

    #[test]
    fn zero_weight_gets_zero((pot, weights, unit) in inputs()) {
        let parts = key_of(&weights).split(pot_of(pot, unit), unit).unwrap();
        for (p, w) in parts.iter().zip(&weights) {
            if *w == 0 {
                prop_assert_eq!(*p, Sek::ZERO);
            }
        }
    }

    #[test]
    fn decimal_weights_and_fixed_amounts_also_sum_exactly(
        pot in 0u64..100_000_000_000,
        weights in prop::collection::vec((0u64..100_000_000, 0u32..6), 1..30),
        each in 0u64..1_000_000,
    ) {
        prop_assume!(weights.iter().any(|(w, _)| *w > 0));
        let c = codes();
        let key = Key::new("d", vec![], weights.iter().enumerate().map(|(i, (m, s))| (RecipientId::new(c[i]), Decimal::new(*m as i64, *s))), &[]).unwrap();
        let pot = Sek(Decimal::from(pot));
        let each = Sek(Decimal::from(each));
        match split(pot, &key, Some(each), Unit::Krona) {
            Ok(a) => {
                prop_assert_eq!(a.total(), pot);
                for t in a.by_recipient() {
                    prop_assert!(t.amount >= each);
                }
            }
            Err(e) => {
                // Only when the fixed amounts alone exceed the pot.
                prop_assert_eq!(e.code(), Code::RuleNotRunnable);
                prop_assert!(each.0 * Decimal::from(weights.len()) > pot.0);
            }
        }
    }

    #[test]
    fn an_agreement_with_every_rule_hands_out_every_pot(
        amounts in prop::collection::vec(0u64..5_000_000_000, 6),
        values in prop::collection::vec((0u32..100, 0u32..100), 21),
        bonus in any::<bool>(),
    ) {
        let mut a = Agreement::from_json(include_str!("../../examples/demo-agreement.json")).unwrap();
        for (c, x) in a.components.iter_mut().zip(&amounts) {
            c.amount = Some(vardavtal::Figure::exact(Sek(Decimal::from(*x) + Decimal::from(21u64 * 5_000_000))));
        }
        a.tranches.retain(|t| t.share.is_some());
        if let Some(vardavtal::Rule::Performance(p)) = a.components[0].rule.as_mut() {
            p.unearned = if bonus { vardavtal::Unearned::BonusPot } else { vardavtal::Unearned::ReturnToState };
        }
        let mut outcomes = Outcomes::default();
        for (r, (v, p)) in reference::regions().iter().zip(&values) {
            for crit in ["vardgaranti", "bup"] {
                outcomes.set(crit, RecipientId::new(r.code), Outcome { value: Some(Decimal::new(*v as i64, 2)), previous: Some(Decimal::new(*p as i64, 2)), met: None });
            }
        }
        let alloc = allocate(&a, &Options { outcomes, ..Options::default() }).unwrap();
        alloc.check().unwrap();
        let expected: Decimal = a.components.iter().filter_map(|c| c.amount.as_ref()).map(|f| f.value.0).sum();
        prop_assert_eq!(alloc.total().0, expected);
        prop_assert_eq!(alloc.pot_total().0, expected);
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn a_sweep_gives_the_totals_of_a_full_allocation(
        values in prop::collection::vec((0u32..100, 0u32..100, 0u32..100, 0u32..100), 21),
        bonus in any::<bool>(),
    ) {
        let mut a = Agreement::from_json(include_str!("../../examples/demo-agreement.json")).unwrap();
        a.components.truncate(1);
        if let Some(vardavtal::Rule::Performance(p)) = a.components[0].rule.as_mut() {
            p.unearned = if bonus { vardavtal::Unearned::BonusPot } else { vardavtal::Unearned::ReturnToState };
        }
        let mut outcomes = Outcomes::default();
        for (r, (v1, p1, v2, p2)) in reference::regions().iter().zip(&values) {
            let o = |v: &u32, p: &u32| Outcome { value: Some(Decimal::new(*v as i64, 2)), previous: Some(Decimal::new(*p as i64, 2)), met: None };
            outcomes.set("vardgaranti", RecipientId::new(r.code), o(v1, p1));
            outcomes.set("bup", RecipientId::new(r.code), o(v2, p2));
        }
        let opts = Options { outcomes: outcomes.clone(), ..Options::default() };
        let full = allocate(&a, &opts).unwrap();
        let sweep = vardavtal::sweep::PerformanceSweep::new(&a, "prestation", &opts).unwrap();
        let (totals, returned) = sweep.totals(&outcomes).unwrap();
        let by: std::collections::BTreeMap<String, Sek> = full.by_recipient().into_iter().map(|t| (t.key, t.amount)).collect();
        for (r, t) in sweep.recipients().iter().zip(&totals) {
            prop_assert_eq!(by.get(r.as_str()).copied().unwrap_or(Sek::ZERO), *t);
        }
        prop_assert_eq!(by.get("staten").copied().unwrap_or(Sek::ZERO), returned);
    }
}

#[test]
fn impossible_inputs_name_the_problem() {
    let key = |w: &[(&str, i64)]| {
        Key::new(
            "t",
            vec![],
            w.iter()
                .map(|(c, x)| (RecipientId::new(*c), Decimal::from(*x))),
            &[],
        )
    };
    assert_eq!(key(&[]).unwrap_err().code(), Code::EmptyKey);
    assert_eq!(
        key(&[("01", 0), ("03", 0)]).unwrap_err().code(),
        Code::ZeroTotalWeight
    );
    assert_eq!(
        key(&[("01", -1), ("03", 2)]).unwrap_err().code(),
        Code::NegativeWeight
    );
    let e = key(&[("01", 1), ("00", 2)]).unwrap_err();
    assert_eq!(e.code(), Code::UnknownRecipient);
    assert!(e.to_string().contains("\"00\""), "{e}");
    let e = "population:regions:2022-11-01"
        .parse::<KeySpec>()
        .unwrap()
        .resolve()
        .unwrap_err();
    assert_eq!(e.code(), Code::NoPopulationData);
    let k = key(&[("01", 1), ("03", 2)]).unwrap();
    let e = split(Sek(Decimal::new(-5, 0)), &k, None, Unit::Krona).unwrap_err();
    assert_eq!(e.code(), Code::NegativeAmount);
    let e = split(Sek(Decimal::new(1005, 3)), &k, None, Unit::Ore).unwrap_err();
    assert_eq!(e.code(), Code::AmountFinerThanUnit);
    assert!(e.to_string().contains("1.005"), "{e}");
}
