//! Performance outcomes from arbitrary JSON text, allocated with the demo agreement (a
//! performance component with criteria, a bonus pot and money returned to the state):
//! never a panic; an allocation that succeeds hands out every pot exactly, and every
//! criterion's rows sum to it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use vardavtal::{Agreement, Options, Outcomes, Unit, allocate};

fn demo() -> &'static Agreement {
    static A: OnceLock<Agreement> = OnceLock::new();
    A.get_or_init(|| {
        Agreement::from_json(include_str!("../../examples/demo-agreement.json")).unwrap()
    })
}

fuzz_target!(|data: (&str, bool)| {
    let (text, ore) = data;
    let Ok(outcomes) = Outcomes::from_json(text) else {
        return;
    };
    let opts =
        Options::new()
            .with_outcomes(outcomes)
            .with_unit(if ore { Unit::Ore } else { Unit::Krona });
    if let Ok(a) = allocate(demo(), &opts) {
        assert!(a.check().is_ok(), "{:?}", a.check());
        let pots: rust_decimal::Decimal = a.pots.iter().map(|p| p.amount.value()).sum();
        assert_eq!(a.total().value(), pots);
        let _ = a.pivot();
        let _ = serde_json::to_string(&a).unwrap();
    }
});
