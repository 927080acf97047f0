//! Key CSV from arbitrary text: parse; on success, split a pot by it and check that the
//! parts sum exactly to the pot.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;
use vardavtal::{Key, Sek, Unit, split};

fuzz_target!(|data: (&str, u64)| {
    let (text, pot) = data;
    let Ok(key) = Key::from_csv("k.csv", text, &[]) else {
        return;
    };
    assert!(!key.is_empty());
    assert!(key.total() > Decimal::ZERO);
    let pot = Sek::from(Decimal::from(pot));
    if let Ok(a) = split(pot, &key, None, Unit::Krona) {
        assert_eq!(a.total(), pot);
        assert!(a.check().is_ok());
    }
});
