//! JavaScript values in, JavaScript values out: the only conversions the skin makes.
//!
//! Objects (options, keys as `{code: weight}`, agreements, outcomes) cross as their JSON
//! text and are read by the core's [`vardavtal::input::args`], so their errors carry the
//! same codes and locations as from the CLI and Python. Amounts are strings; a JavaScript
//! number is refused, since it may be a binary float.

use serde::Serialize;
use serde::de::DeserializeOwned;
use vardavtal::input::args;
use vardavtal::{Agreement, Code, Key, Loc, Options, Result, Sek, Unit};
use wasm_bindgen::JsValue;

use crate::error::invalid;

/// Rust values to plain JS objects and arrays (maps become objects, not `Map`s). The value
/// crosses as JSON text and `JSON.parse` builds it: one call into JS instead of one per
/// field, many times faster for allocations with hundreds of rows.
pub fn to_value<T: Serialize + ?Sized>(v: &T) -> Result<JsValue> {
    let text = serde_json::to_string(v).unwrap_or_default();
    js_sys::JSON::parse(&text).map_err(|_| {
        let msg = "cannot convert the result to JavaScript";
        invalid(Code::InvalidValue, Loc::root(), msg.to_owned())
    })
}

/// A JS value as JSON text: `null` for `undefined` and a function; a value that JSON
/// cannot write (one that contains itself, a `BigInt`) is the core's `value_not_json`
/// error at `what`.
fn json(v: &JsValue, what: &str) -> Result<String> {
    match js_sys::JSON::stringify(v) {
        Ok(s) => Ok(s.as_string().unwrap_or_else(|| "null".to_owned())),
        Err(_) => Err(args::not_json(what)),
    }
}

/// A JS value (such as an allocation or a row returned earlier) back into a Rust value,
/// through its JSON text (a string is taken as that text).
pub fn from_value<T: DeserializeOwned>(v: JsValue, what: &str) -> Result<T> {
    let text = match v.as_string() {
        Some(s) => s,
        None => json(&v, what)?,
    };
    serde_json::from_str(&text).map_err(|e| {
        let msg = format!("not a valid {what}: {e}");
        invalid(Code::InvalidValue, Loc::root().join(what), msg)
    })
}

/// A JS value, the argument `what`, as a JSON value (`null` for `undefined`); one that
/// nests too deep or has no JSON form is an error at `what`.
fn value(v: &JsValue, what: &str) -> Result<serde_json::Value> {
    args::value(&json(v, what)?, what)
}

/// An amount at `field`: a string, plain (`"443000000"`) or Swedish (`"443 miljoner kronor"`).
pub fn amount(v: &JsValue, field: &str) -> Result<Sek> {
    let text = v.as_string().map(serde_json::Value::String);
    args::amount(&text.map_or_else(|| value(v, field), Ok)?, field)
}

/// An optional amount (`undefined` or `null` for none).
pub fn opt_amount(v: &JsValue, field: &str) -> Result<Option<Sek>> {
    (!v.is_undefined() && !v.is_null())
        .then(|| amount(v, field))
        .transpose()
}

/// The rounding unit: `"krona"` (default) or `"ore"`.
pub fn unit(v: &JsValue) -> Result<Unit> {
    args::unit(&value(v, "unit")?)
}

/// An agreement: JSON text, a catalog id or an object in the agreement file format.
pub fn agreement(v: &JsValue) -> Result<Agreement> {
    match v.as_string() {
        Some(s) => vardavtal::input::agreement_text(&s),
        None => args::agreement(&value(v, "agreement")?),
    }
}

/// One agreement or an array of them (each JSON text or an object).
pub fn agreements(v: &JsValue) -> Result<Vec<Agreement>> {
    args::agreements(&value(v, "agreements")?)
}

/// A key: a key spec or CSV text (read by the core's `input::key_text`), or an object
/// `{code: weight}` with weights as strings; errors are located under `key`.
pub fn key(v: &JsValue) -> Result<Key> {
    match v.as_string() {
        Some(s) => vardavtal::input::key_text(&s),
        None => args::key(&value(v, "key")?),
    }
}

/// Allocation options `{key?, outcomes?, unit?}`; the defaults when absent.
pub fn options(v: &JsValue) -> Result<Options> {
    args::options(&value(v, "options")?)
}

/// The options of `shown`: an allocation's options and `assume`, a key.
pub fn shown_options(v: &JsValue) -> Result<(Options, Option<Key>)> {
    args::shown_options(&value(v, "options")?)
}

/// The sides of `change`, `{agreement?, against?, component?, keyA?, keyB?, potA?, potB?,
/// unit?}`.
pub fn change_options(v: &JsValue) -> Result<vardavtal::across::ChangeQuery> {
    args::change(&value(v, "options")?)
}

/// What the publisher states about a table, `{pot?, rule?}`.
pub fn statement(v: &JsValue) -> Result<vardavtal::reconcile::Statement> {
    args::statement(&value(v, "statement")?)
}

/// The text of a published table (a string; it may be CSV or text pasted from a web page
/// or a PDF).
pub fn table_text(v: &JsValue) -> Result<String> {
    v.as_string().ok_or_else(|| {
        let msg = "the table must be its text (a string), not an object or a number";
        invalid(Code::InvalidValue, Loc::root().join("table"), msg)
    })
}
