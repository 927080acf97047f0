//! The öre unit: an amount typed by a person (plain or Swedish, any digits), split in öre
//! by population and by an arbitrary small key: every part is a whole number of öre, the
//! parts sum exactly to the pot, and the same pot in whole kronor is refused
//! (`amount_finer_than_unit`, at `amount`) exactly when it has öre.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;
use std::sync::OnceLock;
use vardavtal::{Code, Key, RecipientId, Sek, Unit, split};

fn population() -> &'static Key {
    static K: OnceLock<Key> = OnceLock::new();
    K.get_or_init(|| Key::from_arg("population:regions:2021-11-01").unwrap())
}

fuzz_target!(|data: (&str, Vec<u16>)| {
    let (text, weights) = data;
    let Ok(pot) = Sek::parse_any(text) else {
        return;
    };
    let entries = ["01", "03", "04", "05"]
        .iter()
        .zip(&weights)
        .map(|(c, w)| (RecipientId::new(*c), Decimal::from(*w)));
    let small = Key::new("fuzz", vec![], entries, &[]).ok();
    for key in std::iter::once(population()).chain(small.as_ref()) {
        match split(pot, key, None, Unit::Ore) {
            Ok(a) => {
                assert_eq!(a.total(), pot);
                assert!(a.check().is_ok());
                for x in a.amounts() {
                    assert_eq!(
                        x.value().normalize().scale().min(2),
                        x.value().normalize().scale()
                    );
                }
                let kronor = split(pot, key, None, Unit::Krona);
                let has_ore = pot.value().normalize().scale() > 0;
                match kronor {
                    Err(e) if e.code() == Code::AmountFinerThanUnit => {
                        assert!(has_ore);
                        assert_eq!(e.findings()[0].loc.to_string(), "amount");
                    }
                    Err(_) => {}
                    Ok(_) => assert!(!has_ore),
                }
            }
            Err(e) => assert_ne!(e.code(), Code::Io),
        }
    }
});
