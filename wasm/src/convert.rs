//! JavaScript values in, JavaScript values out: the only conversions the skin makes.
//!
//! Inputs that are documents (agreements, outcomes, key weights) are read by the core's
//! JSON reader, from text or from a plain object (turned into JSON text first), so their
//! errors carry the same codes and locations as from the CLI and Python. Amounts are
//! strings, read by `Sek::parse_any` (plain decimals and Swedish forms); a JavaScript
//! number is refused, since it may be a binary float.

use std::collections::BTreeMap;

use serde::Serialize;
use serde::de::DeserializeOwned;
use vardavtal::key::Weight;
use vardavtal::reconcile::{StatedRule, Statement};
use vardavtal::{
    Agreement, Code, Error, Key, KeySpec, Loc, Options, Outcomes, RecipientId, Result, Sek, Unit,
};
use wasm_bindgen::{JsCast, JsValue};

use crate::error::invalid;

/// Rust values to plain JS objects and arrays (maps become objects, not `Map`s). The value
/// crosses as JSON text and `JSON.parse` builds it: one call into JS instead of one per
/// field, many times faster for allocations with hundreds of rows.
pub fn to_value<T: Serialize + ?Sized>(v: &T) -> Result<JsValue> {
    let text = serde_json::to_string(v).map_err(|e| {
        invalid(
            Code::InvalidValue,
            Loc::root(),
            format!("cannot convert the result to JavaScript: {e}"),
        )
    })?;
    js_sys::JSON::parse(&text).map_err(|_| {
        invalid(
            Code::InvalidValue,
            Loc::root(),
            "cannot convert the result to JavaScript".to_owned(),
        )
    })
}

/// A JS value (such as an allocation or a row returned earlier) back into a Rust value,
/// through its JSON text (a string is taken as that text).
pub fn from_value<T: DeserializeOwned>(v: JsValue, what: &str) -> Result<T> {
    let text = v
        .as_string()
        .or_else(|| js_sys::JSON::stringify(&v).ok().and_then(|s| s.as_string()))
        .ok_or_else(|| {
            invalid(
                Code::InvalidValue,
                Loc::root().join(what),
                format!("not a valid {what}: it cannot be written as JSON"),
            )
        })?;
    serde_json::from_str(&text).map_err(|e| {
        invalid(
            Code::InvalidValue,
            Loc::root().join(what),
            format!("not a valid {what}: {e}"),
        )
    })
}

fn absent(v: &JsValue) -> bool {
    v.is_undefined() || v.is_null()
}

fn type_name(v: &JsValue) -> String {
    v.js_typeof().as_string().unwrap_or_default()
}

/// An amount: a string, plain (`"443000000"`) or Swedish (`"443 miljoner kronor"`).
pub fn amount(v: &JsValue, field: &str) -> Result<Sek> {
    match v.as_string() {
        Some(s) => Sek::parse_any(&s).map_err(|e| e.prefixed(&Loc::root().join(field))),
        None => Err(invalid(
            Code::InvalidAmount,
            Loc::root().join(field),
            format!("the {field} must be a string such as \"443000000\" or \"443 miljoner kronor\", not a {}: amounts cross as strings so that no digit is lost", type_name(v)),
        )
        .with("type", type_name(v))),
    }
}

/// An optional amount (`undefined` or `null` for none).
pub fn opt_amount(v: &JsValue, field: &str) -> Result<Option<Sek>> {
    if absent(v) {
        Ok(None)
    } else {
        amount(v, field).map(Some)
    }
}

/// The rounding unit: `"krona"` (default) or `"ore"`.
pub fn unit(v: &JsValue) -> Result<Unit> {
    if absent(v) {
        return Ok(Unit::Krona);
    }
    match v.as_string() {
        Some(s) => s
            .parse()
            .map_err(|e: Error| e.prefixed(&Loc::root().join("unit"))),
        None => Err(invalid(
            Code::InvalidValue,
            Loc::root().join("unit"),
            format!(
                "the unit must be \"krona\" or \"ore\", not a {}",
                type_name(v)
            ),
        )),
    }
}

/// A string as it is, an object or array as its JSON text.
fn json_text(v: &JsValue, what: &str) -> Result<String> {
    if let Some(s) = v.as_string() {
        return Ok(s);
    }
    if v.is_object()
        && let Some(s) = js_sys::JSON::stringify(v).ok().and_then(|s| s.as_string())
    {
        return Ok(s);
    }
    Err(invalid(
        Code::InvalidValue,
        Loc::root(),
        format!(
            "the {what} must be JSON text or an object, not a {}",
            type_name(v)
        ),
    ))
}

/// An agreement: JSON text, a catalog id or an object in the agreement file format (read
/// by the core's `input::agreement_text`).
pub fn agreement(v: &JsValue) -> Result<Agreement> {
    vardavtal::input::agreement_text(&json_text(v, "agreement")?)
}

/// One agreement or an array of them (each JSON text or an object).
pub fn agreements(v: &JsValue) -> Result<Vec<Agreement>> {
    let Some(arr) = v.dyn_ref::<js_sys::Array>() else {
        return agreement(v).map(|a| vec![a]);
    };
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (i, item) in arr.iter().enumerate() {
        match agreement(&item) {
            Ok(a) => out.push(a),
            Err(e) => errors.extend(e.prefixed(&Loc::root().join(i)).into_findings()),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(Error::from_findings(errors))
    }
}

/// Performance outcomes: JSON text or an object (criterion id → recipient code →
/// `{value, previous, met}`); none when absent.
pub fn outcomes(v: &JsValue) -> Result<Outcomes> {
    if absent(v) {
        return Ok(Outcomes::default());
    }
    Outcomes::from_json(&json_text(v, "outcomes")?)
        .map_err(|e| e.prefixed(&Loc::root().join("outcomes")))
}

/// A key: `"population:regions:DATE"`, `"population:municipalities:DATE"`,
/// `"needs:regions:2024"`, CSV text with columns `code,weight` (both read by
/// the core's `input::key_text`, which locates its errors under `key`), or an object `{code: weight}` with
/// weights as strings. Errors are located under `key`.
pub fn key(v: &JsValue) -> Result<Key> {
    let at = Loc::root().join("key");
    if let Some(s) = v.as_string() {
        return vardavtal::input::key_text(&s);
    }
    if v.is_object() {
        let weights: BTreeMap<RecipientId, Weight> =
            vardavtal::json::from_str(&json_text(v, "key")?).map_err(|e| e.prefixed(&at))?;
        return KeySpec::Weights {
            name: None,
            weights,
        }
        .resolve()
        .map_err(|e| e.prefixed(&at));
    }
    Err(invalid(
        Code::InvalidValue,
        at,
        format!(
            "the key must be a string (\"population:regions:2021-11-01\" or CSV text) or an object {{code: weight}}, not a {}",
            type_name(v)
        ),
    ))
}

/// An optional key.
pub fn opt_key(v: &JsValue) -> Result<Option<Key>> {
    if absent(v) {
        Ok(None)
    } else {
        key(v).map(Some)
    }
}

/// Allocation options `{key?, outcomes?, unit?}`; the defaults when absent.
pub fn options(v: &JsValue) -> Result<Options> {
    if absent(v) {
        return Ok(Options::default());
    }
    if !v.is_object() {
        return Err(invalid(
            Code::InvalidValue,
            Loc::root().join("options"),
            format!(
                "the options must be an object {{key?, outcomes?, unit?}}, not a {}",
                type_name(v)
            ),
        ));
    }
    let obj: &js_sys::Object = v.unchecked_ref();
    let unknown: Vec<String> = js_sys::Object::keys(obj)
        .iter()
        .filter_map(|k| k.as_string())
        .filter(|k| !matches!(k.as_str(), "key" | "outcomes" | "unit"))
        .collect();
    if let Some(k) = unknown.first() {
        return Err(invalid(
            Code::UnknownField,
            Loc::root().join("options").join(k.as_str()),
            format!("unknown option {k:?}: expected key, outcomes or unit"),
        ));
    }
    let get = |name: &str| {
        js_sys::Reflect::get(v, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
    };
    Ok(Options {
        unit: unit(&get("unit"))?,
        key: opt_key(&get("key"))?,
        outcomes: outcomes(&get("outcomes"))?,
        ..Options::default()
    })
}

/// The text of a published table (a string; it may be CSV or text pasted from a web page
/// or a PDF).
pub fn table_text(v: &JsValue) -> Result<String> {
    v.as_string().ok_or_else(|| {
        invalid(
            Code::InvalidValue,
            Loc::root().join("table"),
            format!(
                "the table must be its text (a string), not a {}",
                type_name(v)
            ),
        )
    })
}

/// What the publisher states about a table, from `{pot?, rule?}`: the pot an amount
/// string, the rule `"population"`, `"need"` or `"fixed-plus-population:AMOUNT"`.
pub fn statement(v: &JsValue) -> Result<Statement> {
    if absent(v) {
        return Ok(Statement::default());
    }
    if !v.is_object() {
        return Err(invalid(
            Code::InvalidValue,
            Loc::root().join("options"),
            format!(
                "the options must be an object {{pot?, rule?}}, not a {}",
                type_name(v)
            ),
        ));
    }
    let obj: &js_sys::Object = v.unchecked_ref();
    let unknown: Vec<String> = js_sys::Object::keys(obj)
        .iter()
        .filter_map(|k| k.as_string())
        .filter(|k| !matches!(k.as_str(), "pot" | "rule"))
        .collect();
    if let Some(k) = unknown.first() {
        return Err(invalid(
            Code::UnknownField,
            Loc::root().join("options").join(k.as_str()),
            format!("unknown option {k:?}: expected pot or rule"),
        ));
    }
    let get = |name: &str| {
        js_sys::Reflect::get(v, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
    };
    let rule = get("rule");
    let rule = if absent(&rule) {
        None
    } else {
        match rule.as_string() {
            Some(s) => Some(
                s.parse::<StatedRule>()
                    .map_err(|e| e.prefixed(&Loc::root().join("rule")))?,
            ),
            None => {
                return Err(invalid(
                    Code::InvalidValue,
                    Loc::root().join("rule"),
                    format!(
                        "the rule must be \"population\", \"need\" or \"fixed-plus-population:AMOUNT\", not a {}",
                        type_name(&rule)
                    ),
                ));
            }
        }
    };
    Ok(Statement {
        pot: opt_amount(&get("pot"), "pot")?,
        rule,
    })
}
