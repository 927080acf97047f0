//! The skin's functions in wasm, under node (`cargo test -p vardavtal-wasm --target
//! wasm32-unknown-unknown --test node`; the runner is set in `.cargo/config.toml`).
#![cfg(target_arch = "wasm32")]
// A test may unwrap: a failure is the test failing (clippy.toml allows it for #[test] only).
#![allow(clippy::unwrap_used)]

use vardavtal_wasm::api;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

const KEY: &str = "population:regions:2021-11-01";
const DEMO: &str = include_str!("../../examples/demo-agreement.json");
const DEMO_OUTCOMES: &str = include_str!("../../examples/demo-outcomes.json");

fn get(v: &JsValue, field: &str) -> JsValue {
    js_sys::Reflect::get(v, &JsValue::from_str(field)).unwrap_or(JsValue::UNDEFINED)
}

fn string(v: &JsValue, field: &str) -> String {
    get(v, field).as_string().unwrap_or_default()
}

fn options(outcomes: &str) -> JsValue {
    let o = js_sys::Object::new();
    js_sys::Reflect::set(&o, &"outcomes".into(), &outcomes.into()).unwrap();
    o.into()
}

#[wasm_bindgen_test]
fn split_hands_out_the_pot() {
    let a = api::split("443 miljoner kronor".into(), KEY.into(), None, None).unwrap();
    assert_eq!(a.total(), "443000000");
    assert_eq!(string(&a.to_json().unwrap(), "total"), "443000000");
    let rows = js_sys::Array::from(&a.rows().unwrap());
    assert_eq!(rows.length(), 21);
    let sum: u64 = rows
        .iter()
        .map(|r| string(&r, "amount").parse::<u64>().unwrap())
        .sum();
    assert_eq!(sum, 443_000_000);
    let why = api::explain_row(rows.get(0), None).unwrap();
    assert!(why.starts_with("Region Stockholm (01) gets"), "{why}");
    let varfor = api::explain_row(rows.get(0), Some("sv".into())).unwrap();
    assert!(varfor.starts_with("Region Stockholm (01) får"), "{varfor}");
}

#[wasm_bindgen_test]
fn totals_and_the_excel_workbook() {
    let a = api::allocate(DEMO.into(), Some(options(DEMO_OUTCOMES))).unwrap();
    let totals = a.totals().unwrap();
    let by_date = js_sys::Array::from(&get(&totals, "by_date"));
    let sum: u64 = by_date
        .iter()
        .map(|t| string(&t, "amount").parse::<u64>().unwrap())
        .sum();
    assert_eq!(sum, 3_400_000_000);
    let book = a.to_excel().unwrap();
    assert_eq!(book.get(..2), Some(&b"PK"[..]));
    assert!(book.len() > 5000, "{}", book.len());
}

#[wasm_bindgen_test]
fn errors_are_vardavtal_errors_with_the_finding_shape() {
    let e = api::split(JsValue::from_f64(0.1), KEY.into(), None, None).unwrap_err();
    assert!(e.is_instance_of::<js_sys::Error>());
    assert_eq!(string(&e, "name"), "VardavtalError");
    assert_eq!(string(&e, "code"), "invalid_amount");
    assert_eq!(string(&e, "severity"), "error");
    assert_eq!(
        js_sys::Array::from(&get(&e, "loc"))
            .get(0)
            .as_string()
            .as_deref(),
        Some("amount")
    );
    assert_eq!(js_sys::Array::from(&get(&e, "errors")).length(), 1);
    let e = api::split(
        "1000".into(),
        "population:regions:1999-01-01".into(),
        None,
        None,
    )
    .unwrap_err();
    assert_eq!(string(&e, "code"), "no_population_data");
    assert_eq!(string(&get(&e, "ctx"), "date"), "1999-01-01");
}

#[wasm_bindgen_test]
fn allocate_pivot_and_compare_the_demo() {
    let a = api::allocate(DEMO.into(), Some(options(DEMO_OUTCOMES))).unwrap();
    assert_eq!(a.total(), "3400000000");
    let p = a.pivot();
    assert_eq!(string(&p.to_json().unwrap(), "total"), "3400000000");
    assert!(a.to_text().contains("3 400 000 000 kr"));
    let c = api::compare(&a, &a).to_json().unwrap();
    let rows = js_sys::Array::from(&get(&c, "rows"));
    assert!(rows.iter().all(|r| string(&r, "diff") == "0"));
    let e = api::allocate(DEMO.into(), None).unwrap_err();
    assert_eq!(string(&e, "code"), "missing_outcomes");
}

#[wasm_bindgen_test]
fn validate_and_data() {
    let f = api::validate(DEMO.into()).unwrap().to_json().unwrap();
    assert!(js_sys::Array::is_array(&f));
    assert!(js_sys::Array::is_array(
        &api::validate_catalog().to_json().unwrap()
    ));
    let r = api::reference().unwrap();
    assert_eq!(js_sys::Array::from(&get(&r, "regions")).length(), 21);
    assert_eq!(api::parse_amount("4,5 mnkr".into()).unwrap(), "4500000");
}
