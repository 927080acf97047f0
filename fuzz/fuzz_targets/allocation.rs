//! The laws of money on arbitrary pots and weights: `Key::new` + `split`; on success the
//! parts sum exactly to the pot, and each part is the floor or the ceiling of its exact
//! quota pot × weight / total in the rounding unit.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;
use vardavtal::{Key, RecipientId, Sek, Unit, reference, split};

#[derive(Debug, Arbitrary)]
struct Input {
    /// Pot mantissa and scale (scale 0..=28).
    pot: (u128, u8),
    /// (recipient index, weight mantissa, weight scale, negative)
    weights: Vec<(u16, u128, u8, bool)>,
    ore: bool,
    each: Option<(u64, u8)>,
}

fn dec(m: u128, scale: u8, negative: bool) -> Option<Decimal> {
    let m = i128::try_from(m).ok()?;
    let d = Decimal::try_from_i128_with_scale(m, u32::from(scale % 29)).ok()?;
    Some(if negative { -d } else { d })
}

fuzz_target!(|input: Input| {
    let codes: Vec<&str> = reference::municipalities()
        .iter()
        .map(|m| m.code)
        .chain(reference::regions().iter().map(|r| r.code))
        .chain(["SKR", "staten", "99", "x"])
        .collect();
    let Some(pot) = dec(input.pot.0, input.pot.1, false) else {
        return;
    };
    let mut entries = Vec::new();
    for (i, m, s, neg) in input.weights.iter().take(400) {
        let Some(w) = dec(*m, *s, *neg) else { return };
        let code = codes
            .get(usize::from(*i) % codes.len())
            .copied()
            .unwrap_or("01");
        entries.push((RecipientId::new(code), w));
    }
    let Ok(key) = Key::new("fuzz", vec![], entries.clone(), &[]) else {
        return;
    };
    // A key that was accepted has known, distinct recipients and non-negative weights
    // with a positive total.
    assert!(
        key.weights()
            .iter()
            .all(|w| !w.is_sign_negative() || w.is_zero())
    );
    assert!(key.total() > Decimal::ZERO);
    assert_eq!(key.len(), entries.len());
    let unit = if input.ore { Unit::Ore } else { Unit::Krona };
    let each = input
        .each
        .and_then(|(m, s)| dec(u128::from(m), s % 3, false))
        .map(Sek::from);
    let Ok(alloc) = split(Sek::from(pot), &key, each, unit) else {
        return;
    };
    // The sum law.
    assert_eq!(alloc.total(), Sek::from(pot), "parts do not sum to the pot");
    assert!(alloc.check().is_ok());
    if each.is_some() {
        return;
    }
    // The floor/ceil law, in integers: units × w / total.
    let Ok(units) = unit.to_units(Sek::from(pot)) else {
        panic!("split succeeded on a pot that is not whole units");
    };
    let ws = key.int_weights();
    let total: u128 = ws.iter().sum();
    assert_eq!(alloc.len(), ws.len());
    for (row, w) in alloc.rows().iter().zip(ws) {
        let got = unit.to_units(row.amount).unwrap_or(u128::MAX);
        let prod = units
            .checked_mul(*w)
            .unwrap_or_else(|| panic!("split succeeded but {units}×{w} overflows"));
        let floor = prod / total;
        let ceil = floor + u128::from(prod % total != 0);
        assert!(
            got == floor || got == ceil,
            "{} got {got}, quota between {floor} and {ceil}",
            row.recipient
        );
        assert_eq!(unit.to_units(row.basis.floor).ok(), Some(floor));
    }
});
