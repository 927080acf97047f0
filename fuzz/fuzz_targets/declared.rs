//! Declared recipients: an agreement built from arbitrary data with declared recipients
//! (any codes, names, groups with members), components paying lists and groups of them
//! by equal parts, weights or fixed amounts: `validate` and `allocate` never panic, an
//! allocation sums to its pots, and every recipient in it is known or declared.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use serde_json::{Value, json};
use vardavtal::{Agreement, Options, allocate, validate};

#[derive(Debug, Arbitrary)]
struct Input {
    /// (code index, name, members)
    declared: Vec<(u8, String, Option<u32>)>,
    /// (amount, listed code indices, rule: 0 equal, 1 weights, 2 fixed, 3 per capita)
    components: Vec<(u32, Vec<u8>, u8, Vec<u16>)>,
}

fn code(i: u8) -> String {
    match i % 8 {
        0 => "01".into(),
        1 => "0114".into(),
        2 => "SKR".into(),
        3 => "staten".into(),
        4 => format!("r{}", i / 8),
        5 => format!("R-{}", i / 8),
        6 => "\u{1b}[31mx".into(),
        _ => format!("{}", i),
    }
}

fuzz_target!(|input: Input| {
    let declared: Vec<Value> = input
        .declared
        .iter()
        .take(64)
        .map(|(i, name, members)| {
            let mut d = json!({"id": code(*i), "name": name});
            if let Some(m) = members {
                d["members"] = json!(m);
            }
            d
        })
        .collect();
    let components: Vec<Value> = input
        .components
        .iter()
        .take(8)
        .enumerate()
        .map(|(n, (amount, list, rule, ws))| {
            let list: Vec<String> = list.iter().take(32).map(|i| code(*i)).collect();
            let rule = match rule % 4 {
                0 => json!({"type": "equal"}),
                1 => {
                    let weights: serde_json::Map<String, Value> = list
                        .iter()
                        .zip(ws)
                        .map(|(c, w)| (c.clone(), json!(w.to_string())))
                        .collect();
                    json!({"type": "per_capita", "key": {"type": "weights", "weights": weights}})
                }
                2 => {
                    json!({"type": "fixed", "recipient": list.first().cloned().unwrap_or_default()})
                }
                _ => json!({"type": "per_capita"}),
            };
            json!({"id": format!("c{n}"), "name": "C", "amount": amount.to_string(),
                   "recipients": {"list": list}, "rule": rule})
        })
        .collect();
    let a = json!({"id": "d", "title": "D", "kind": {"type": "base"}, "years": [2022],
                   "recipients": declared, "components": components});
    let Ok(a) = Agreement::from_json(&a.to_string()) else {
        return;
    };
    let _ = validate::validate(&a, &validate::Checks::new());
    if let Ok(x) = allocate(&a, &Options::default()) {
        assert!(x.check().is_ok(), "{:?}", x.check());
        let known = a.declared_ids();
        for r in x.rows() {
            assert!(r.recipient.is_known() || known.binary_search(&r.recipient).is_ok());
        }
    }
});
