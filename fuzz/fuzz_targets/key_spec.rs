//! Key specs and key text from arbitrary text (`population:regions:DATE`, `needs:…`, CSV
//! text, a byte-order mark, names of files): `KeySpec::from_str`, `Key::from_text`,
//! `input::key_text` and `input::key_string` never panic and never read a file; a key that
//! is read splits a pot exactly.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;
use vardavtal::{Key, KeySpec, Sek, Unit, input, split};

fuzz_target!(|data: (&str, u32)| {
    let (text, pot) = data;
    if let Ok(spec) = text.parse::<KeySpec>() {
        let _ = spec.resolve();
    }
    let keys = [
        Key::from_text("key", text),
        input::key_text(text),
        input::key_string(text),
    ];
    // a string is never a path: the three read the same text the same way, or refuse it
    for k in keys.into_iter().flatten() {
        assert!(k.total() > Decimal::ZERO);
        let pot = Sek::from(Decimal::from(pot));
        if let Ok(a) = split(pot, &k, None, Unit::Krona) {
            assert_eq!(a.total(), pot);
            assert!(a.check().is_ok());
        }
    }
});
