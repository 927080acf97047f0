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
        let pot = Sek::from(Decimal::from(pot));
        let each = Sek::from(Decimal::from(each));
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
                prop_assert!(each.value() * Decimal::from(weights.len()) > pot.value());
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
            c.amount = Some(vardavtal::Figure::exact(Sek::from(Decimal::from(*x) + Decimal::from(21u64 * 5_000_000))));
        }
        a.tranches.retain(|t| t.share.is_some());
        if let Some(vardavtal::Rule::Performance(p)) = a.components[0].rule.as_mut() {
            p.unearned = if bonus { vardavtal::Unearned::BonusPot } else { vardavtal::Unearned::ReturnToState };
        }
        let mut outcomes = Outcomes::default();
        for (r, (v, p)) in reference::regions().iter().zip(&values) {
            for crit in ["vardgaranti", "bup"] {
                outcomes.set(crit, RecipientId::new(r.code), Outcome::measured(Decimal::new(*v as i64, 2)).with_previous(Decimal::new(*p as i64, 2)));
            }
        }
        let alloc = allocate(&a, &Options::new().with_outcomes(outcomes)).unwrap();
        alloc.check().unwrap();
        let expected: Decimal = a.components.iter().filter_map(|c| c.amount.as_ref()).map(|f| f.value.value()).sum();
        prop_assert_eq!(alloc.total().value(), expected);
        prop_assert_eq!(alloc.pot_total().value(), expected);
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
        a.tranches.retain(|t| t.component == "prestation");
        if let Some(vardavtal::Rule::Performance(p)) = a.components[0].rule.as_mut() {
            p.unearned = if bonus { vardavtal::Unearned::BonusPot } else { vardavtal::Unearned::ReturnToState };
        }
        let mut outcomes = Outcomes::default();
        for (r, (v1, p1, v2, p2)) in reference::regions().iter().zip(&values) {
            let o = |v: &u32, p: &u32| Outcome::measured(Decimal::new(*v as i64, 2)).with_previous(Decimal::new(*p as i64, 2));
            outcomes.set("vardgaranti", RecipientId::new(r.code), o(v1, p1));
            outcomes.set("bup", RecipientId::new(r.code), o(v2, p2));
        }
        let opts = Options::new().with_outcomes(outcomes.clone());
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
    let e = split(Sek::from(Decimal::new(-5, 0)), &k, None, Unit::Krona).unwrap_err();
    assert_eq!(e.code(), Code::NegativeAmount);
    let e = split(Sek::from(Decimal::new(1005, 3)), &k, None, Unit::Ore).unwrap_err();
    assert_eq!(e.code(), Code::AmountFinerThanUnit);
    assert!(e.to_string().contains("1.005"), "{e}");
}

/// An agreement with one component of `pot` kronor for the first regions, split by
/// `weights` (a `weights` key) or in equal parts (`weights` all `None`), paid in tranches of
/// `tranches` kronor.
fn tranched(pot: u64, weights: &[u64], equal: bool, tranches: &[u64]) -> Agreement {
    let regions = reference::regions();
    let codes: Vec<&str> = regions.iter().take(weights.len()).map(|r| r.code).collect();
    let rule = if equal {
        r#"{"type": "equal"}"#.to_owned()
    } else {
        let w: Vec<String> = codes
            .iter()
            .zip(weights)
            .map(|(c, w)| format!(r#""{c}": "{w}""#))
            .collect();
        format!(
            r#"{{"type": "per_capita", "key": {{"type": "weights", "name": "w", "weights": {{{}}}}}}}"#,
            w.join(", ")
        )
    };
    let ts: Vec<String> = tranches
        .iter()
        .enumerate()
        .map(|(i, t)| format!(r#"{{"id": "t{i}", "component": "c", "amount": "{t}"}}"#))
        .collect();
    let list: Vec<String> = codes.iter().map(|c| format!("\"{c}\"")).collect();
    Agreement::from_json(&format!(
        r#"{{"id": "x", "title": "X", "kind": {{"type": "base"}}, "years": [2025],
            "components": [{{"id": "c", "name": "C", "amount": "{pot}", "recipients": {{"list": [{}]}}, "rule": {rule}}}],
            "tranches": [{}]}}"#,
        list.join(", "),
        ts.join(", ")
    ))
    .unwrap()
}

/// The laws of a component paid in tranches, on its allocation: every tranche's rows sum
/// exactly to the tranche; every amount is non-negative; each recipient's total over the
/// tranches is the floor or the ceiling of its quota of the component (`pot × w / Σw`);
/// each recipient's tranche amounts are each within one unit of its total × tranche / pot.
fn check_tranche_laws(pot: u64, weights: &[u64], tranches: &[u64], alloc: &vardavtal::Allocation) {
    alloc.check().unwrap();
    let total_w: u128 = weights.iter().map(|w| u128::from(*w)).sum();
    let mut by_tranche = vec![0u128; tranches.len()];
    let mut by_recipient = vec![0u128; weights.len()];
    let mut cells = vec![vec![0u128; tranches.len()]; weights.len()];
    let regions = reference::regions();
    for row in alloc.rows() {
        assert!(!row.amount.value().is_sign_negative() || row.amount.value().is_zero());
        let x: u128 = row.amount.value().try_into().unwrap();
        let t: usize = row.tranche.as_deref().unwrap()[1..].parse().unwrap();
        let r = regions
            .iter()
            .position(|g| g.code == row.recipient.as_str())
            .unwrap();
        by_tranche[t] += x;
        by_recipient[r] += x;
        cells[r][t] += x;
    }
    for (t, want) in tranches.iter().enumerate() {
        assert_eq!(by_tranche[t], u128::from(*want), "tranche t{t}");
    }
    for (r, w) in weights.iter().enumerate() {
        let exact = u128::from(pot) * u128::from(*w);
        let got = by_recipient[r] * total_w;
        assert!(
            got < exact + total_w && got + total_w > exact,
            "recipient {r}: {} for a quota of {pot} × {w} / {total_w}",
            by_recipient[r]
        );
        for (t, amount) in tranches.iter().enumerate() {
            if pot == 0 {
                assert_eq!(cells[r][t], 0);
                continue;
            }
            let exact = by_recipient[r] * u128::from(*amount);
            let got = cells[r][t] * u128::from(pot);
            assert!(got + u128::from(pot) > exact && got < exact + u128::from(pot));
        }
    }
}

/// Tranche amounts summing to `pot`: `cuts` cut points in 0..=pot.
fn tranche_amounts(pot: u64, cuts: &[u64]) -> Vec<u64> {
    let mut points: Vec<u64> = cuts.iter().map(|c| c % (pot + 1)).collect();
    points.push(0);
    points.push(pot);
    points.sort_unstable();
    points.windows(2).map(|w| w[1] - w[0]).collect()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn tranches_keep_the_quota_rule_of_the_component(
        pot in prop_oneof![0u64..200, 0u64..10_000_000_000],
        weights in prop::collection::vec(prop_oneof![Just(0u64), 1u64..10, 1u64..3_000_000], 1..22),
        cuts in prop::collection::vec(any::<u64>(), 0..16),
        equal in any::<bool>(),
    ) {
        prop_assume!(weights.iter().any(|w| *w > 0));
        let weights: Vec<u64> = if equal { vec![1; weights.len()] } else { weights };
        let tranches = tranche_amounts(pot, &cuts);
        let a = tranched(pot, &weights, equal, &tranches);
        let alloc = allocate(&a, &Options::default()).unwrap();
        check_tranche_laws(pot, &weights, &tranches, &alloc);
    }

    #[test]
    fn controlled_rounding_keeps_rows_columns_and_cells(
        rows in prop::collection::vec(prop_oneof![Just(0u128), 0u128..10, 0u128..10_000_000_000], 0..40),
        cuts in prop::collection::vec(any::<u128>(), 0..20),
    ) {
        let total: u128 = rows.iter().sum();
        let mut points: Vec<u128> = cuts.iter().map(|c| c % (total + 1)).collect();
        points.extend([0, total]);
        points.sort_unstable();
        let cols: Vec<u128> = points.windows(2).map(|w| w[1] - w[0]).collect();
        let cells = vardavtal::apportion::controlled_rounding(&rows, &cols).unwrap();
        let m = cols.len();
        for (r, a) in rows.iter().enumerate() {
            prop_assert_eq!(cells[r * m..(r + 1) * m].iter().sum::<u128>(), *a);
            for (t, b) in cols.iter().enumerate() {
                let x = cells[r * m + t];
                prop_assert!(x * total < a * b + total && x * total + total > a * b || total == 0 && x == 0);
            }
        }
        for (t, b) in cols.iter().enumerate() {
            prop_assert_eq!((0..rows.len()).map(|r| cells[r * m + t]).sum::<u128>(), *b);
        }
    }
}

#[test]
fn equal_parts_in_four_tranches_keep_stockholm_within_its_quota() {
    // Issue 18: 100 kr equally among 01, 03 and 04 in four tranches of 25 kr gave
    // Stockholm 36 kr (each tranche on its own, ties to the lowest code); its quota is
    // 33,33 kr.
    let a = Agreement::from_json(
        r#"{"id": "x", "title": "X", "kind": {"type": "base"}, "years": [2025],
            "components": [{"id": "c", "name": "C", "amount": "100", "recipients": {"list": ["01", "03", "04"]}, "rule": {"type": "equal"}}],
            "tranches": [{"id": "t0", "component": "c", "amount": "25"}, {"id": "t1", "component": "c", "amount": "25"},
                         {"id": "t2", "component": "c", "amount": "25"}, {"id": "t3", "component": "c", "amount": "25"}]}"#,
    )
    .unwrap();
    let alloc = allocate(&a, &Options::default()).unwrap();
    let totals: Vec<(String, String)> = alloc
        .by_recipient()
        .into_iter()
        .map(|t| (t.key, t.amount.to_string()))
        .collect();
    assert_eq!(
        totals,
        [("01", "34"), ("03", "33"), ("04", "33")].map(|(a, b)| (a.to_owned(), b.to_owned()))
    );
    check_tranche_laws(100, &[1, 1, 1], &[25; 4], &alloc);
    let stockholm: Vec<String> = alloc
        .rows()
        .iter()
        .filter(|r| r.recipient.as_str() == "01")
        .map(|r| r.amount.to_string())
        .collect();
    assert_eq!(stockholm, ["9", "9", "8", "8"]);
    // The explanation says both steps, in both languages.
    let first = alloc.rows().first().unwrap();
    assert_eq!(
        first.explain(),
        "Region Stockholm (01) gets 9 kr of c, tranche t0: its 34 kr of c in all: pot 100 kr × weight 1 / total weight 3 (equal parts (3 named recipients)) = exact quota 33,3333 kr…; rounded down to 33 kr and given one unit of the 1 kr left over (remainder rank 1 of 3); tranche t0 pays 25 kr of the component's 100 kr: 34 kr × 25 kr / 100 kr = exact 8,50 kr; rounded up to 9 kr, so that the recipient's tranches sum to 34 kr and the tranche's rows to 25 kr."
    );
    assert_eq!(
        first.explain_in(vardavtal::message::Lang::Sv),
        "Region Stockholm (01) får 9 kr av c, delbetalning t0: dess 34 kr av c totalt: en lika del av 100 kr för var och en av 3 mottagare, exakt 33,3333… kr; avrundat nedåt till 33 kr och en enhet av de 1 kr som blev över (resten är nummer 1 av 3 i storlek); delbetalning t0 är 25 kr av komponentens 100 kr: 34 kr × 25 kr / 100 kr = exakt 8,50 kr; avrundat uppåt till 9 kr, så att mottagarens delbetalningar summerar till 34 kr och delbetalningens rader till 25 kr."
    );
}

#[test]
fn a_milliard_in_sixteen_tranches_keeps_every_region_within_its_quota() {
    // Issue 18: 1 mdkr per capita in 16 tranches left 13 of 21 regions outside
    // floor/ceiling of their quota, by up to 8 kr.
    let key = "population:regions:2021-11-01"
        .parse::<KeySpec>()
        .unwrap()
        .resolve()
        .unwrap();
    let weights: Vec<u64> = key
        .int_weights()
        .iter()
        .map(|w| u64::try_from(*w).unwrap())
        .collect();
    let codes: Vec<&str> = reference::regions().iter().map(|r| r.code).collect();
    let keyed: Vec<&str> = key.recipients().iter().map(|r| r.as_str()).collect();
    assert_eq!(keyed, codes, "the key is in the order of the regions");
    let tranches = vec![62_500_000u64; 16];
    let a = tranched(1_000_000_000, &weights, false, &tranches);
    let alloc = allocate(&a, &Options::default()).unwrap();
    check_tranche_laws(1_000_000_000, &weights, &tranches, &alloc);
    // The totals are those of the component apportioned once.
    let once = split("1000000000".parse().unwrap(), &key, None, Unit::Krona).unwrap();
    let want: Vec<Sek> = once.by_recipient().into_iter().map(|t| t.amount).collect();
    let got: Vec<Sek> = alloc.by_recipient().into_iter().map(|t| t.amount).collect();
    assert_eq!(got, want);
}

#[test]
fn the_alabama_paradox_of_largest_remainder_happens_and_is_flagged() {
    // README, Exactness: one krona more can cut a region by one krona (the Alabama paradox
    // of largest remainder). 443 000 020 → 443 000 021 kr over the regions by the
    // population of 1 November 2021 is one such step; `across::paradoxes` flags it.
    let key = "population:regions:2021-11-01"
        .parse::<KeySpec>()
        .unwrap()
        .resolve()
        .unwrap();
    let a = split("443000020".parse().unwrap(), &key, None, Unit::Krona).unwrap();
    let b = split("443000021".parse().unwrap(), &key, None, Unit::Krona).unwrap();
    let found = vardavtal::across::paradoxes(&a, &b).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].code, Code::ApportionmentParadox);
    let who = found[0].ctx["recipient"].clone();
    let of = |x: &vardavtal::Allocation| {
        x.rows()
            .iter()
            .find(|r| r.recipient.as_str() == who)
            .unwrap()
            .amount
            .value()
    };
    assert_eq!(of(&a) - of(&b), Decimal::ONE);
    // How often: of the 5 000 one-krona steps from 443 000 000 kr, how many cut someone.
    let w = key.int_weights();
    let mut prev = vardavtal::apportion::largest_remainder(443_000_000, w).unwrap();
    let mut with_loser = 0;
    for pot in 443_000_001..=443_005_000u128 {
        let next = vardavtal::apportion::largest_remainder(pot, w).unwrap();
        if next.iter().zip(&prev).any(|(n, p)| n < p) {
            with_loser += 1;
        }
        prev = next;
    }
    assert_eq!(who, "20", "Region Dalarna");
    assert_eq!(with_loser, 396, "measured: 396 of 5 000 steps (7,9 %)");
}
