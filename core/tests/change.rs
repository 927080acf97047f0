//! A change between two splits decomposed exactly (the pot, the share, rounding), the
//! paradoxes of largest remainder flagged, and every population-based pot under every
//! bundled key date — by hand-checked figures.
#![allow(clippy::indexing_slicing)]

use proptest::prelude::*;
use rust_decimal::Decimal;
use vardavtal::across::{self, Change};
use vardavtal::catalog::catalog;
use vardavtal::message::{Lang, with_lang};
use vardavtal::reference::{self, Level};
use vardavtal::view::View;
use vardavtal::{Code, Key, Options, RecipientId, Sek, Unit, allocate_component, input, split};

type R = Result<(), Box<dyn std::error::Error>>;

const OKAD: &str = "okad-tillganglighet-2022";

fn parts_sum(c: &Change) -> Decimal {
    c.pot_effect.value() + c.share_effect.value() + c.rounding.value()
}

/// Block 2 of Ökad tillgänglighet 2022, 443 000 000 kr, by the population of 1 November
/// 2021 and of 1 November 2023: Skåne's weights 1 400 973 / 10 443 100 and
/// 1 422 288 / 10 557 682, quotas 59 429 770,7577 and 59 679 159,1185 kr.
#[test]
fn skane_block_2_by_two_key_dates() -> R {
    let a = catalog().find_agreement(OKAD)?;
    let by = |spec: &str| -> Result<_, vardavtal::Error> {
        let opts = Options::new().with_key(Some(Key::from_arg(spec)?));
        allocate_component(a, "block-2", &opts)
    };
    let skane = RecipientId::new("12");
    let c = across::change(
        &by("population:regions:2021-11-01")?,
        &by("population:regions:2023-11-01")?,
        &skane,
    )?;
    assert_eq!(c.name, "Region Skåne");
    assert_eq!(
        (c.a.amount, c.b.amount),
        (Sek::kronor(59_429_771), Sek::kronor(59_679_159))
    );
    assert_eq!(c.difference, Sek::kronor(249_388));
    // The same pot: nothing from it; 443e6 × (1422288/10557682 − 1400973/10443100)
    // = 249 388,3608 kr from the share, rounded to 249 388; no rounding left.
    assert_eq!(c.pot_effect, Sek::ZERO);
    assert_eq!(c.share_effect, Sek::kronor(249_388));
    assert_eq!(c.rounding, Sek::ZERO);
    assert_eq!(parts_sum(&c), c.difference.value());
    assert_eq!(c.a.weight, Decimal::from(1_400_973));
    assert_eq!(c.b.total_weight, Decimal::from(10_557_682));
    assert!(c.paradoxes.is_empty());
    // The sentence, in both languages.
    let en = c.sentence(Lang::En);
    assert!(
        en.contains("a difference of 249 388 kr") && en.contains("0 kr because the pot changed"),
        "{en}"
    );
    let sv = c.sentence(Lang::Sv);
    assert!(sv.contains("en skillnad på 249 388 kr"), "{sv}");
    assert!(
        sv.contains("den 1 november 2023") && sv.contains("13,4716 %"),
        "{sv}"
    );
    // The table, in both languages.
    let text = c.text();
    assert!(
        text.contains("share_effect") && text.contains("249 388 kr"),
        "{text}"
    );
    let text_sv = with_lang(Lang::Sv, || c.text());
    assert!(
        text_sv.contains("andelen ändrades") && text_sv.contains("Förändring för Region Skåne")
    );
    Ok(())
}

/// The pot grows too (443 → 500 MSEK): 1 400 973 × 57 000 000 / 10 443 100 =
/// 7 646 719,94 kr from the pot, 500e6 × (1422288/10557682 − 1400973/10443100) =
/// 281 476,71 kr from the share; 67 357 967 − 59 429 771 = 7 928 196 kr, so rounding is
/// 7 928 196 − 7 646 720 − 281 477 = −1 kr.
#[test]
fn a_larger_pot_and_another_key_date() -> R {
    let c = across::decompose(
        Sek::kronor(443_000_000),
        &input::key("population:regions:2021-11-01")?,
        Sek::kronor(500_000_000),
        &input::key("population:regions:2023-11-01")?,
        &RecipientId::new("12"),
        Unit::Krona,
    )?;
    assert_eq!(c.difference, Sek::kronor(7_928_196));
    assert_eq!(c.pot_effect, Sek::kronor(7_646_720));
    assert_eq!(c.share_effect, Sek::kronor(281_477));
    assert_eq!(c.rounding, Sek::kronor(-1));
    assert_eq!(parts_sum(&c), c.difference.value());
    Ok(())
}

/// The textbook Alabama paradox of largest remainder: weights 6, 6, 2; 10 units give
/// 4, 4, 2 (quotas 4,29, 4,29, 1,43), 11 units give 5, 5, 1 (quotas 4,71, 4,71, 1,57).
#[test]
fn alabama_paradox_is_flagged() -> R {
    let key = input::key("code,weight\n01,6\n03,6\n04,2\n")?;
    let ten = split(Sek::kronor(10), &key, None, Unit::Krona)?;
    let eleven = split(Sek::kronor(11), &key, None, Unit::Krona)?;
    let found = across::paradoxes(&ten, &eleven)?;
    assert_eq!(found.len(), 1);
    let f = &found[0];
    assert_eq!(f.code, Code::ApportionmentParadox);
    assert_eq!(f.severity, vardavtal::Severity::Info);
    assert_eq!(f.ctx["recipient"], "04");
    assert!(
        f.msg.contains("Alabama paradox") && f.msg.contains("2 kr"),
        "{}",
        f.msg
    );
    assert!(f.message(Lang::Sv).contains("Alabamaparadoxen"));
    // In the change of the recipient it touches, and not in the others'.
    let c = across::change(&ten, &eleven, &RecipientId::new("04"))?;
    assert_eq!((c.difference, c.paradoxes.len()), (Sek::kronor(-1), 1));
    assert_eq!(parts_sum(&c), c.difference.value());
    assert!(
        across::change(&ten, &eleven, &RecipientId::new("01"))?
            .paradoxes
            .is_empty()
    );
    assert!(c.text().contains("Alabama paradox"));
    Ok(())
}

#[test]
fn an_ordinary_change_is_not_flagged() -> R {
    // 10 → 12 over 6, 6, 2: 4, 4, 2 → 5, 5, 2; nobody gets less.
    let key = input::key("code,weight\n01,6\n03,6\n04,2\n")?;
    let ten = split(Sek::kronor(10), &key, None, Unit::Krona)?;
    let twelve = split(Sek::kronor(12), &key, None, Unit::Krona)?;
    assert!(across::paradoxes(&ten, &twelve)?.is_empty());
    // A smaller pot: less is no paradox.
    assert!(across::paradoxes(&twelve, &ten)?.is_empty());
    // Block 2 by two key dates: no region is flagged.
    let a = split(
        Sek::kronor(443_000_000),
        &input::key("population:regions:2021-11-01")?,
        None,
        Unit::Krona,
    )?;
    let b = split(
        Sek::kronor(443_000_000),
        &input::key("population:regions:2023-11-01")?,
        None,
        Unit::Krona,
    )?;
    assert!(across::paradoxes(&a, &b)?.is_empty());
    Ok(())
}

/// The population paradox: weights 2, 5, 8 → 3, 7, 9 over 10 units. 01 grows fastest
/// (+50 %), its quota rises from 1,33 to 1,58, yet it gets 1 instead of 2.
#[test]
fn population_paradox_is_flagged() -> R {
    let a = split(
        Sek::kronor(10),
        &input::key("code,weight\n01,2\n03,5\n04,8\n")?,
        None,
        Unit::Krona,
    )?;
    let b = split(
        Sek::kronor(10),
        &input::key("code,weight\n01,3\n03,7\n04,9\n")?,
        None,
        Unit::Krona,
    )?;
    assert_eq!(a.amounts(), [2, 3, 5].map(Sek::kronor));
    assert_eq!(b.amounts(), [1, 4, 5].map(Sek::kronor));
    let found = across::paradoxes(&a, &b)?;
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].ctx["recipient"], "01");
    assert!(
        found[0].msg.contains("population paradox"),
        "{}",
        found[0].msg
    );
    assert!(found[0].message(Lang::Sv).contains("befolkningsparadoxen"));
    Ok(())
}

#[test]
fn money_not_split_by_one_key_is_refused() -> R {
    let key = input::key("population:regions:2021-11-01")?;
    let each = split(
        Sek::kronor(443_000_000),
        &key,
        Some(Sek::kronor(1_000_000)),
        Unit::Krona,
    )?;
    let plain = split(Sek::kronor(443_000_000), &key, None, Unit::Krona)?;
    let e = across::change(&each, &plain, &RecipientId::new("12")).unwrap_err();
    assert_eq!(e.findings()[0].code, Code::RuleNotRunnable);
    let e = across::change(&plain, &plain, &RecipientId::new("0180")).unwrap_err();
    assert_eq!(e.findings()[0].code, Code::UnknownRecipient);
    Ok(())
}

#[test]
fn sensitivity_of_block_2_lists_every_bundled_date() -> R {
    let s = across::sensitivity(catalog(), Some(OKAD), None)?;
    assert_eq!(s.pots.len(), 1);
    let p = &s.pots[0];
    assert_eq!((p.component.as_str(), p.level), ("block-2", Level::Regions));
    assert_eq!(p.dates, reference::population_dates(Level::Regions));
    let nov_2021 = chrono::NaiveDate::from_ymd_opt(2021, 11, 1);
    assert_eq!((Some(p.used), p.convention), (nov_2021, nov_2021));
    assert_eq!(p.recipients.len(), 21);
    // Every date hands out the whole pot; the used date gives the allocation's amounts.
    let used = p
        .dates
        .iter()
        .position(|d| *d == p.used)
        .ok_or("used date")?;
    for d in 0..p.dates.len() {
        let sum: Decimal = p.amounts.iter().map(|r| r[d].value()).sum();
        assert_eq!(sum, Decimal::from(443_000_000));
    }
    let skane = p
        .recipients
        .iter()
        .position(|(r, _)| r.as_str() == "12")
        .ok_or("Skåne")?;
    assert_eq!(p.amounts[skane][used], Sek::kronor(59_429_771));
    // The largest mover: Stockholm, 101 035 860 kr (2017-12-31) to 103 852 530 kr
    // (2025-12-31).
    let top = &p.movers[0];
    assert_eq!(top.recipient.as_str(), "01");
    assert_eq!(top.spread, Sek::from(top.max.0.value() - top.min.0.value()));
    assert!(p.movers.windows(2).all(|w| w[0].spread >= w[1].spread));
    // The views: movers and the grid, in both languages.
    let text = s.text();
    assert!(
        text.contains("2021-11-01*†") && text.contains("Region Stockholm"),
        "{text}"
    );
    let sv = with_lang(Lang::Sv, || s.text());
    assert!(
        sv.contains("1 november 2021*†") && sv.contains("spännvidd"),
        "{sv}"
    );
    assert!(s.csv().lines().count() == 1 + 21 * p.dates.len());
    Ok(())
}

#[test]
fn sensitivity_of_the_catalog_keeps_to_the_level() -> R {
    let all = across::sensitivity(catalog(), None, None)?;
    assert!(all.pots.iter().any(|p| p.agreement == OKAD));
    let m = across::sensitivity(catalog(), None, Some(Level::Municipalities))?;
    assert!(m.pots.iter().all(|p| p.level == Level::Municipalities));
    Ok(())
}

fn key_of(weights: &[u32]) -> Result<Key, vardavtal::Error> {
    let text: String = std::iter::once("code,weight\n".to_owned())
        .chain(
            reference::regions()
                .iter()
                .zip(weights)
                .map(|(r, w)| format!("{},{w}\n", r.code)),
        )
        .collect();
    input::key(&text)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// The three parts sum to the difference to the unit, whatever the pots and keys;
    /// rounding is at most 2 units; each effect is zero when its cause did not change.
    #[test]
    fn parts_always_sum_to_the_difference(
        pot_a in 0u64..2_000_000_000_000,
        pot_b in 0u64..2_000_000_000_000,
        wa in prop::collection::vec(0u32..20_000_000, 2..21),
        wb in prop::collection::vec(0u32..20_000_000, 2..21),
        pick in 0usize..21,
        ore in any::<bool>(),
    ) {
        let n = wa.len().min(wb.len());
        let (mut wa, mut wb) = (wa[..n].to_vec(), wb[..n].to_vec());
        wa[0] = wa[0].max(1);
        wb[0] = wb[0].max(1);
        let unit = if ore { Unit::Ore } else { Unit::Krona };
        let sek = |u: u64| Sek::from(Decimal::new(u as i64, unit.scale()));
        let who = RecipientId::new(reference::regions()[pick % n].code);
        let (ka, kb) = (key_of(&wa).unwrap_or_else(|e| panic!("{e}")), key_of(&wb).unwrap_or_else(|e| panic!("{e}")));
        let c = across::decompose(sek(pot_a), &ka, sek(pot_b), &kb, &who, unit);
        let c = c.unwrap_or_else(|e| panic!("{e}"));
        prop_assert_eq!(parts_sum(&c), c.difference.value());
        prop_assert_eq!(c.difference.value(), c.b.amount.value() - c.a.amount.value());
        prop_assert!(c.rounding.value().abs() <= Decimal::from(2) * unit.amount());
        let same = across::decompose(sek(pot_a), &ka, sek(pot_b), &ka, &who, unit).unwrap_or_else(|e| panic!("{e}"));
        prop_assert!(same.share_effect.value().is_zero());
        let same_pot = across::decompose(sek(pot_a), &ka, sek(pot_a), &kb, &who, unit).unwrap_or_else(|e| panic!("{e}"));
        prop_assert!(same_pot.pot_effect.value().is_zero());
    }
}
