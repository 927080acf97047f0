//! Agreement JSON from arbitrary bytes: parse, then (when it parses) validate, allocate,
//! serialise the allocation and check the round trip. Must never panic, hang or blow up.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vardavtal::{Agreement, Options, allocate, validate};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(a) = Agreement::from_json(text) else {
        return;
    };
    // Round trip: what it writes, it reads back identically.
    let again = Agreement::from_json(&a.to_json());
    assert_eq!(
        again.as_ref().ok(),
        Some(&a),
        "round trip changed the agreement"
    );
    let _ = validate::validate(&a, &validate::Checks::new());
    if let Ok(alloc) = allocate(&a, &Options::default()) {
        // Every pot is handed out exactly.
        assert!(alloc.check().is_ok(), "rows do not sum to their pots");
        let _ = serde_json::to_string(&alloc);
        let _ = alloc.pivot();
        for r in alloc.rows().iter().take(50) {
            let _ = r.explain();
        }
    }
});
