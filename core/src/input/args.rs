//! Arguments given as values, not as text or paths: what a skin without files (the
//! browser) receives as objects. The skin writes its object as JSON and core reads it
//! here, so every field has the same codes and locations as from the CLI and Python:
//! the options of an allocation `{key?, outcomes?, unit?}`, what a publisher states about
//! a table `{pot?, rule?}`, a key as text or `{code: weight}`, and one agreement or a list
//! of them. The shapes are TypeScript types too (feature `tsify`).
//!
//! ```
//! use serde_json::json;
//! use vardavtal::{Code, Unit, input::args};
//! let o = args::options(&json!({"key": "population:regions:2021-11-01", "unit": "ore"}))?;
//! assert_eq!((o.unit, o.key.map(|k| k.len())), (Unit::Ore, Some(21)));
//! let e = args::options(&json!({"outcome": {}})).unwrap_err();
//! assert_eq!((e.code(), e.findings()[0].loc.to_string()), (Code::UnknownField, "options.outcome".to_owned()));
//! let e = args::statement(&json!({"pot": 1382000000})).unwrap_err();
//! assert_eq!((e.code(), e.findings()[0].loc.to_string()), (Code::InvalidAmount, "pot".to_owned()));
//! # Ok::<(), vardavtal::Error>(())
//! ```

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::agreement::Agreement;
use crate::finding::{Error, Loc, Result};
use crate::key::{Key, KeySpec, Weight};
use crate::message::Template;
use crate::message::templates::input::{
    AGREEMENT_ARGUMENT_WRONG_TYPE, AMOUNT_ARGUMENT_NOT_A_STRING, BATCH_ERRORS_OPTION_UNKNOWN,
    COMPONENT_ARGUMENT_NOT_A_STRING, KEY_ARGUMENT_WRONG_TYPE, OPTION_UNKNOWN,
    OPTIONS_NOT_AN_OBJECT, RULE_ARGUMENT_NOT_A_STRING, STRICT_OPTION_NOT_A_BOOLEAN,
    UNIT_ARGUMENT_NOT_A_STRING, VALUE_NOT_JSON, VALUE_TOO_DEEP,
};
use crate::money::{Sek, Unit};
use crate::outcomes::Outcomes;
use crate::recipient::RecipientId;
use crate::reconcile::{StatedRule, Statement};

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// The error of a value of the wrong type, from `t`, at `loc`.
fn wrong(t: &'static Template, loc: Loc, v: &Value) -> Error {
    t.error(loc).with("type", type_name(v)).into_error()
}

/// The fields of an options object (`null` is none given); a field not in `fields` is
/// an `unknown_field` error at `what.field`, every one of them.
fn fields(v: &Value, what: &str, names: &[&str]) -> Result<Map<String, Value>> {
    let map = match v {
        Value::Null => Map::new(),
        Value::Object(m) => m.clone(),
        v => {
            let shape = format!("{{{}?}}", names.join("?, "));
            return Err(OPTIONS_NOT_AN_OBJECT
                .error(Loc::root().join(what))
                .with("type", type_name(v))
                .with("what", what)
                .with("shape", shape)
                .into_error());
        }
    };
    let unknown: Vec<_> = map
        .keys()
        .filter(|k| !names.contains(&k.as_str()))
        .map(|k| {
            OPTION_UNKNOWN
                .error(Loc::root().join(what).join(k.as_str()))
                .with("option", k)
                .with("expected", names.join(", "))
        })
        .collect();
    if unknown.is_empty() {
        Ok(map)
    } else {
        Err(Error::from_findings(unknown))
    }
}

/// How deep a value given as an object may nest (the JSON reader's own limit).
pub const MAX_DEPTH: usize = 128;

/// The error of a value, the argument `what`, that nests deeper than [`MAX_DEPTH`] or
/// contains itself (a skin that walks an object finds either).
///
/// ```
/// use vardavtal::{Code, Loc, input::args::too_deep};
/// let e = too_deep(Loc::root().join("options"), "options");
/// assert_eq!((e.code(), e.findings()[0].loc.to_string()), (Code::InvalidValue, "options".into()));
/// assert_eq!(e.findings()[0].msg, "the options nests more than 128 levels deep, or contains itself");
/// ```
pub fn too_deep(loc: Loc, what: &str) -> Error {
    VALUE_TOO_DEEP
        .error(loc)
        .with("what", what)
        .with("limit", MAX_DEPTH)
        .into_error()
}

/// The error of a value, the argument `what`, that has no JSON form: it contains itself,
/// nests deeper than a JSON writer goes, or holds a value such as a JavaScript `BigInt`.
///
/// ```
/// use vardavtal::{Code, input::args::not_json};
/// let e = not_json("outcomes");
/// assert_eq!((e.code(), e.findings()[0].loc.to_string()), (Code::InvalidValue, "outcomes".into()));
/// assert!(e.findings()[0].msg.starts_with("the outcomes cannot be written as JSON"));
/// ```
pub fn not_json(what: &str) -> Error {
    VALUE_NOT_JSON
        .error(Loc::root().join(what))
        .with("what", what)
        .into_error()
}

/// The value of the JSON text a skin wrote of the argument `what`: a value that nests
/// deeper than [`MAX_DEPTH`] is [`too_deep`], other text that is not JSON a `syntax`
/// error, both at `what`.
///
/// ```
/// let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
/// let e = vardavtal::input::args::value(&deep, "options").unwrap_err();
/// assert_eq!((e.code(), e.findings()[0].loc.to_string()), (vardavtal::Code::InvalidValue, "options".to_owned()));
/// ```
///
/// # Errors
/// `invalid_value` (`value_too_deep`) for a value nested deeper than [`MAX_DEPTH`];
/// `syntax` for other text that is not JSON; both located at `what`.
pub fn value(text: &str, what: &str) -> Result<Value> {
    serde_json::from_str(text).map_err(|e| {
        let at = Loc::root().join(what);
        if e.to_string().starts_with("recursion limit exceeded") {
            too_deep(at, what)
        } else {
            crate::json::from_str::<Value>(text)
                .err()
                .unwrap_or_else(|| not_json(what))
                .prefixed(&at)
        }
    })
}

/// A field that is there and not `null`.
fn given<'a>(map: &'a Map<String, Value>, name: &str) -> Option<&'a Value> {
    map.get(name).filter(|v| !v.is_null())
}

/// A key: a string (a key spec or CSV text, read by [`super::key_text`]), an object
/// `{code: weight}` with weights as strings, or a key's own JSON form (`{description,
/// sources, recipients, weights}`, as a resolved key writes itself); errors are located
/// under `key`.
///
/// ```
/// use serde_json::json;
/// use vardavtal::{Code, input::args};
/// assert_eq!(args::key(&json!("population:regions:2021-11-01"))?.len(), 21);
/// assert_eq!(args::key(&json!({"01": "2", "03": "1"}))?.len(), 2);
/// let e = args::key(&json!({"01": "x"})).unwrap_err();
/// assert_eq!((e.code(), e.findings()[0].loc.to_string()), (Code::InvalidAmount, "key.01".into()));
/// # Ok::<(), vardavtal::Error>(())
/// ```
///
/// # Errors
/// For a string, every error of [`super::key_text`]. For a key's own JSON form, every error
/// of [`crate::json::from_str`] reading a [`Key`]. For an object `{code: weight}`, the
/// errors of [`crate::json::from_str`] reading the weights (`invalid_amount`,
/// `invalid_value`, `duplicate_recipient`), then every error of [`KeySpec::resolve`] on
/// them (those of [`Key::new`]). `invalid_value` (`key_argument_wrong_type`) for any other
/// value. Every location starts with `key`.
pub fn key(v: &Value) -> Result<Key> {
    let at = Loc::root().join("key");
    match v {
        Value::String(s) => super::key_text(s),
        Value::Object(m) if m.contains_key("recipients") && m.contains_key("weights") => {
            crate::json::from_str(&v.to_string()).map_err(|e| e.prefixed(&at))
        }
        Value::Object(_) => {
            let weights: BTreeMap<RecipientId, Weight> =
                crate::json::from_str(&v.to_string()).map_err(|e| e.prefixed(&at))?;
            let spec = KeySpec::Weights {
                name: None,
                weights,
            };
            spec.resolve().map_err(|e| e.prefixed(&at))
        }
        _ => Err(wrong(&KEY_ARGUMENT_WRONG_TYPE, at, v)),
    }
}

/// [`key`] given as the argument `field`: its errors located under `field`, not `key`.
fn key_as(v: &Value, field: &str) -> Result<Key> {
    key(v).map_err(|e| e.renamed("key", field))
}

/// An amount given as a value at `field`: a string, plain (`"443000000"`) or Swedish
/// (`"443 miljoner kronor"`); a number is refused, since it may have lost digits.
///
/// ```
/// use serde_json::json;
/// use vardavtal::{Code, Sek, input::args};
/// assert_eq!(args::amount(&json!("443 miljoner kronor"), "pot")?, Sek::kronor(443_000_000));
/// let e = args::amount(&json!(443000000), "pot").unwrap_err();
/// assert_eq!((e.code(), e.findings()[0].loc.to_string()), (Code::InvalidAmount, "pot".into()));
/// # Ok::<(), vardavtal::Error>(())
/// ```
///
/// # Errors
/// `invalid_amount`, located at `field`: a value that is not a string
/// (`amount_argument_not_a_string`), or a string [`Sek::parse_any`] does not read.
pub fn amount(v: &Value, field: &str) -> Result<Sek> {
    match v {
        Value::String(s) => Sek::parse_any(s).map_err(|e| e.prefixed(&Loc::root().join(field))),
        _ => Err(
            wrong(&AMOUNT_ARGUMENT_NOT_A_STRING, Loc::root().join(field), v).with("field", field),
        ),
    }
}

/// A string field parsed by `FromStr`, its error located at `field`; a value that is not
/// a string is an error from `not_a_string`.
fn parsed<T: std::str::FromStr<Err = Error>>(
    v: &Value,
    field: &str,
    not_a_string: &'static Template,
) -> Result<T> {
    match v {
        Value::String(s) => s
            .parse()
            .map_err(|e: Error| e.prefixed(&Loc::root().join(field))),
        _ => Err(wrong(not_a_string, Loc::root().join(field), v)),
    }
}

/// How a batch of scenarios reports one that fails, the argument `errors`: `"raise"` (the
/// whole call fails; `true`) or `"return"` (the error in the scenario's place; `false`).
///
/// ```
/// use vardavtal::{Code, input::args::batch_raises};
/// assert!(batch_raises("raise")?);
/// assert!(!batch_raises("return")?);
/// let e = batch_raises("ignore").unwrap_err();
/// assert_eq!((e.code(), e.findings()[0].loc.to_string()), (Code::InvalidValue, "errors".into()));
/// # Ok::<(), vardavtal::Error>(())
/// ```
///
/// # Errors
/// `invalid_value` (`batch_errors_option_unknown`), located at `errors`, for anything else.
pub fn batch_raises(errors: &str) -> Result<bool> {
    match errors {
        "raise" => Ok(true),
        "return" => Ok(false),
        _ => Err(BATCH_ERRORS_OPTION_UNKNOWN
            .error(Loc::root().join("errors"))
            .with("value", errors)
            .into_error()),
    }
}

/// Performance outcomes: JSON text or an object; errors are located under `outcomes`.
fn outcomes(v: &Value) -> Result<Outcomes> {
    let text = match v {
        Value::String(s) => s.clone(),
        _ => v.to_string(),
    };
    Outcomes::from_json(&text).map_err(|e| e.prefixed(&Loc::root().join("outcomes")))
}

/// The rounding unit: `"krona"` or `"ore"`; `null` is the default, whole kronor.
///
/// ```
/// use serde_json::{Value, json};
/// use vardavtal::{Unit, input::args};
/// assert_eq!(args::unit(&json!("ore"))?, Unit::Ore);
/// assert_eq!(args::unit(&Value::Null)?, Unit::Krona);
/// assert_eq!(args::unit(&json!("cent")).unwrap_err().findings()[0].loc.to_string(), "unit");
/// # Ok::<(), vardavtal::Error>(())
/// ```
///
/// # Errors
/// `invalid_value`, located at `unit`, for a value that is not a string
/// (`unit_argument_not_a_string`) or not a unit's name (`rounding_unit_unknown`).
pub fn unit(v: &Value) -> Result<Unit> {
    match v {
        Value::Null => Ok(Unit::default()),
        v => parsed(v, "unit", &UNIT_ARGUMENT_NOT_A_STRING),
    }
}

/// The options of an allocation, `{key?, outcomes?, unit?, strict?}` (`null` for none):
/// the defaults where a field is absent.
///
/// ```
/// use serde_json::json;
/// use vardavtal::{Unit, input::args};
/// let o = args::options(&json!({"key": {"01": "1", "03": "1"}, "strict": true}))?;
/// assert_eq!((o.unit, o.strict, o.key.map(|k| k.len())), (Unit::Krona, true, Some(2)));
/// assert_eq!(args::options(&json!(null))?, vardavtal::Options::default());
/// # Ok::<(), vardavtal::Error>(())
/// ```
///
/// # Errors
/// `invalid_value` (`options_not_an_object`) for a value that is neither an object nor
/// `null`; `unknown_field` for every field not listed; `invalid_value` for a `strict` that
/// is not a boolean; then the errors of [`unit()`], of [`key`] and of [`Outcomes::from_json`]
/// (for `outcomes`), each located under its field.
pub fn options(v: &Value) -> Result<crate::Options> {
    let map = fields(v, "options", &["key", "outcomes", "unit", "strict"])?;
    let strict = match given(&map, "strict") {
        None => false,
        Some(Value::Bool(b)) => *b,
        Some(v) => {
            return Err(wrong(
                &STRICT_OPTION_NOT_A_BOOLEAN,
                Loc::root().join("strict"),
                v,
            ));
        }
    };
    Ok(crate::Options {
        unit: unit(map.get("unit").unwrap_or(&Value::Null))?,
        key: given(&map, "key").map(key).transpose()?,
        outcomes: given(&map, "outcomes")
            .map(outcomes)
            .transpose()?
            .unwrap_or_default(),
        strict,
        ..crate::Options::default()
    })
}

/// The options of what can be shown of an agreement, `{key?, outcomes?, unit?, strict?,
/// assume?}`: an allocation's options, and `assume`, a key for money whose split the
/// sources do not give (see [`crate::allocation::shown()`]).
///
/// ```
/// use serde_json::json;
/// use vardavtal::{Unit, input::args};
/// let (o, assume) = args::shown_options(&json!({"unit": "ore", "assume": "population:regions:2021-11-01"}))?;
/// assert_eq!((o.unit, assume.map(|k| k.len())), (Unit::Ore, Some(21)));
/// // a bad key is located at `assume`, where it was given
/// let e = args::shown_options(&json!({"assume": {"01": "x"}})).unwrap_err();
/// assert_eq!(e.findings()[0].loc.to_string(), "assume.01");
/// let e = args::shown_options(&json!({"assume": 1})).unwrap_err();
/// assert_eq!(e.findings()[0].loc.to_string(), "assume");
/// # Ok::<(), vardavtal::Error>(())
/// ```
///
/// # Errors
/// As [`options`] (with `assume` among the fields), and every error of [`key`] for
/// `assume`, located under `assume`.
pub fn shown_options(v: &Value) -> Result<(crate::Options, Option<Key>)> {
    let mut map = fields(
        v,
        "options",
        &["key", "outcomes", "unit", "strict", "assume"],
    )?;
    let assume = map.remove("assume").filter(|v| !v.is_null());
    let assume = assume.map(|k| key_as(&k, "assume")).transpose()?;
    Ok((options(&Value::Object(map))?, assume))
}

/// The sides of a change, `{agreement?, against?, component?, keyA?, keyB?, potA?, potB?,
/// unit?}` (`null` for none): the question of [`crate::across::ChangeQuery`].
///
/// ```
/// use serde_json::json;
/// use vardavtal::{Code, Sek, input::args};
/// let q = args::change(&json!({"potA": "1000", "potB": "2000", "keyA": "population:regions:2021-11-01"}))?;
/// assert_eq!((q.pot_a, q.pot_b), (Some(Sek::kronor(1000)), Some(Sek::kronor(2000))));
/// assert_eq!(q.key_a.map(|k| k.len()), Some(21));
/// let e = args::change(&json!({"agreement": "okad-tillganglighet-2022", "component": 1})).unwrap_err();
/// assert_eq!((e.code(), e.findings()[0].loc.to_string()), (Code::InvalidValue, "component".into()));
/// let e = args::change(&json!({"keyB": {"01": "-1"}})).unwrap_err();
/// assert_eq!(e.findings()[0].loc.to_string(), "keyB.01");
/// # Ok::<(), vardavtal::Error>(())
/// ```
///
/// # Errors
/// `invalid_value` and `unknown_field` for the object, as [`options`]; `invalid_value` for
/// a `component` that is not a string; then every error of [`agreement`] (for `agreement`,
/// `against`), [`key`] (`keyA`, `keyB`), [`amount`] (`potA`, `potB`) and [`unit()`], each
/// located under its field.
pub fn change(v: &Value) -> Result<crate::across::ChangeQuery> {
    let names = [
        "agreement",
        "against",
        "component",
        "keyA",
        "keyB",
        "potA",
        "potB",
        "unit",
    ];
    let map = fields(v, "options", &names)?;
    fn at(f: &'static str) -> impl Fn(Error) -> Error {
        move |e| e.prefixed(&Loc::root().join(f))
    }
    let key_at = |f: &'static str| given(&map, f).map(|k| key_as(k, f)).transpose();
    let component = match given(&map, "component") {
        None => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(v) => {
            return Err(wrong(
                &COMPONENT_ARGUMENT_NOT_A_STRING,
                Loc::root().join("component"),
                v,
            ));
        }
    };
    Ok(crate::across::ChangeQuery {
        agreement: given(&map, "agreement")
            .map(|a| agreement(a).map_err(at("agreement")))
            .transpose()?,
        against: given(&map, "against")
            .map(|a| agreement(a).map_err(at("against")))
            .transpose()?,
        component,
        key_a: key_at("keyA")?,
        key_b: key_at("keyB")?,
        pot_a: given(&map, "potA").map(|p| amount(p, "potA")).transpose()?,
        pot_b: given(&map, "potB").map(|p| amount(p, "potB")).transpose()?,
        unit: unit(map.get("unit").unwrap_or(&Value::Null))?,
    })
}

/// What a publisher states about a table, `{pot?, rule?}` (`null` for none): the pot an
/// amount string, the rule `"population"`, `"need"` or `"fixed-plus-population:AMOUNT"`.
///
/// ```
/// use serde_json::json;
/// use vardavtal::{Sek, input::args, reconcile::StatedRule};
/// let s = args::statement(&json!({"pot": "1 382 miljoner kronor", "rule": "population"}))?;
/// assert_eq!((s.pot, s.rule), (Some(Sek::kronor(1_382_000_000)), Some(StatedRule::Population)));
/// let s = args::statement(&json!({"rule": "fixed-plus-population:5000000"}))?;
/// assert_eq!(s.rule, Some(StatedRule::FixedPlusPopulation { each: Sek::kronor(5_000_000) }));
/// # Ok::<(), vardavtal::Error>(())
/// ```
///
/// # Errors
/// `invalid_value` and `unknown_field` for the object, as [`options`]; every error of
/// [`amount`] for `pot`; for `rule`, `invalid_value` for a value that is not a string or
/// not a stated rule, and `invalid_amount` for the amount of
/// `fixed-plus-population:AMOUNT`.
pub fn statement(v: &Value) -> Result<Statement> {
    let map = fields(v, "options", &["pot", "rule"])?;
    Ok(Statement {
        pot: given(&map, "pot").map(|p| amount(p, "pot")).transpose()?,
        rule: given(&map, "rule")
            .map(|r| parsed::<StatedRule>(r, "rule", &RULE_ARGUMENT_NOT_A_STRING))
            .transpose()?,
    })
}

/// An agreement as a value: a string (a catalog id or JSON text, read by
/// [`super::agreement_text`]) or an object in the agreement file format.
///
/// ```
/// use serde_json::json;
/// use vardavtal::{Code, input::args};
/// assert_eq!(args::agreement(&json!("okad-tillganglighet-2022"))?.years, [2022]);
/// let a = args::agreement(&json!({"id": "x", "title": "X", "kind": {"type": "base"}, "years": [2022]}))?;
/// assert_eq!(a.id, "x");
/// assert_eq!(args::agreement(&json!(1)).unwrap_err().code(), Code::InvalidValue);
/// # Ok::<(), vardavtal::Error>(())
/// ```
///
/// # Errors
/// For a string, every error of [`super::agreement_text`]; for an object, every error of
/// [`Agreement::from_json`]; `invalid_value` (`agreement_argument_wrong_type`) for any
/// other value.
pub fn agreement(v: &Value) -> Result<Agreement> {
    match v {
        Value::String(s) => super::agreement_text(s),
        Value::Object(_) => Agreement::from_json(&v.to_string()),
        _ => Err(wrong(&AGREEMENT_ARGUMENT_WRONG_TYPE, Loc::root(), v)),
    }
}

/// An agreement built in a program (a Python dict): whole numbers are exact there, so a
/// whole number where the format has an amount is read as that amount (`1000` as
/// `"1000"`); `years`, `year` and `members` stay numbers. Files and text keep the strict
/// form, where an amount is a string.
///
/// ```
/// use serde_json::json;
/// let a = vardavtal::input::args::agreement_built(json!({"id": "x", "title": "X", "kind": {"type": "base"},
///     "years": [2022], "components": [{"id": "a", "name": "A", "amount": 1000, "recipients": "regions",
///     "rule": {"type": "per_capita"}}]}))?;
/// assert_eq!(a.components[0].amount.as_ref().map(|f| f.value.to_string()), Some("1000".into()));
/// # Ok::<(), vardavtal::Error>(())
/// ```
///
/// # Errors
/// Every error of [`Agreement::from_json`].
pub fn agreement_built(mut v: Value) -> Result<Agreement> {
    whole_numbers_as_amounts(&mut v, None);
    Agreement::from_json(&v.to_string())
}

fn whole_numbers_as_amounts(v: &mut Value, key: Option<&str>) {
    match v {
        Value::Number(n)
            if (n.is_i64() || n.is_u64()) && !matches!(key, Some("years" | "year" | "members")) =>
        {
            *v = Value::String(n.to_string());
        }
        Value::Array(items) => items
            .iter_mut()
            .for_each(|x| whole_numbers_as_amounts(x, key)),
        Value::Object(m) => m
            .iter_mut()
            .for_each(|(k, x)| whole_numbers_as_amounts(x, Some(k))),
        _ => {}
    }
}

/// One agreement or a list of them: every agreement that cannot be read is reported
/// (located by its index), not only the first.
///
/// ```
/// use serde_json::json;
/// use vardavtal::{Code, input::args};
/// assert_eq!(args::agreements(&json!("okad-tillganglighet-2022"))?.len(), 1);
/// let e = args::agreements(&json!(["okad-tillganglighet-2022", 1, "no-such-agreement"])).unwrap_err();
/// let found: Vec<_> = e.findings().iter().map(|f| (f.code, f.loc.to_string())).collect();
/// assert_eq!(found, [(Code::InvalidValue, "[1]".into()), (Code::UnknownAgreement, "[2].id".into())]);
/// # Ok::<(), vardavtal::Error>(())
/// ```
///
/// # Errors
/// Every error of [`agreement`], for each agreement that cannot be read, located under its
/// index in a list.
pub fn agreements(v: &Value) -> Result<Vec<Agreement>> {
    let list = match v {
        Value::Array(list) => list,
        v => return agreement(v).map(|a| vec![a]),
    };
    let mut out = Vec::with_capacity(list.len());
    let mut errors = Vec::new();
    for (i, item) in list.iter().enumerate() {
        match agreement(item) {
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

/// The shapes of these arguments in TypeScript (the `.d.ts` of the wasm package).
#[cfg(feature = "tsify")]
#[allow(dead_code)]
mod ts {
    use std::collections::BTreeMap;

    use tsify_next::Tsify;

    use crate::agreement::Agreement;
    use crate::key::Weight;
    use crate::money::Unit;
    use crate::outcomes::Outcomes;
    use crate::recipient::RecipientId;

    /// A key: `"population:regions:2021-11-01"`, `"population:municipalities:DATE"`,
    /// `"needs:regions:2024"`, CSV text with columns `code,weight`, or `{code: weight}`
    /// with weights as strings.
    #[derive(Tsify)]
    #[serde(untagged)]
    pub enum KeyInput {
        /// A key spec or CSV text.
        Text(String),
        /// Weights by recipient code.
        Weights(BTreeMap<RecipientId, Weight>),
    }

    /// An agreement as JSON text, a catalog id, or an object in the agreement file format.
    #[derive(Tsify)]
    #[serde(untagged)]
    pub enum AgreementInput {
        /// JSON text or a catalog id.
        Text(String),
        /// The agreement as an object.
        Object(Box<Agreement>),
    }

    /// Performance outcomes: JSON text or an object.
    #[derive(Tsify)]
    #[serde(untagged)]
    pub enum OutcomesInput {
        /// JSON text.
        Text(String),
        /// Criterion id → recipient code → outcome.
        Object(Outcomes),
    }

    /// The options of `allocate` and `explain` (read by `input::args::options`).
    #[derive(Tsify)]
    pub struct AllocateOptions {
        /// Replaces the key of key-based rules at the same level.
        #[tsify(optional)]
        key: Option<KeyInput>,
        /// Performance outcomes.
        #[tsify(optional)]
        outcomes: Option<OutcomesInput>,
        /// The rounding unit (default krona).
        #[tsify(optional)]
        unit: Option<Unit>,
        /// Money not allocated and keys chosen by default are errors, not notes.
        #[tsify(optional)]
        strict: Option<bool>,
    }

    /// The options of `shown` (read by `input::args::shown_options`): an allocation's, and
    /// `assume`, a key for money whose split the sources do not give.
    #[derive(Tsify)]
    pub struct ShownOptions {
        /// The options of an allocation.
        #[serde(flatten)]
        allocate: AllocateOptions,
        /// Splits money whose split the sources do not give, marked `supplied_key`.
        #[tsify(optional)]
        assume: Option<KeyInput>,
    }

    /// The sides of `change` (read by `input::args::change`): two agreements (or one
    /// against itself) on their keys, or two pots split by the keys.
    #[derive(Tsify)]
    #[serde(rename_all = "camelCase")]
    pub struct ChangeOptions {
        /// The agreement of A: a catalog id, JSON text or an object.
        #[tsify(optional)]
        agreement: Option<AgreementInput>,
        /// The agreement of B (default: A's).
        #[tsify(optional)]
        against: Option<AgreementInput>,
        /// Only this component of the agreement(s).
        #[tsify(optional)]
        component: Option<String>,
        /// The key of A (default: the agreement's own).
        #[tsify(optional)]
        key_a: Option<KeyInput>,
        /// The key of B (default: A's).
        #[tsify(optional)]
        key_b: Option<KeyInput>,
        /// Without an agreement: the pot of A, an amount string.
        #[tsify(optional)]
        pot_a: Option<String>,
        /// The pot of B (default: A's).
        #[tsify(optional)]
        pot_b: Option<String>,
        /// The rounding unit (default krona).
        #[tsify(optional)]
        unit: Option<Unit>,
    }

    /// What the publisher states about a table (read by `input::args::statement`).
    #[derive(Tsify)]
    pub struct ReconcileOptions {
        /// The pot, an amount string (`"1 382 miljoner kronor"`).
        #[tsify(optional)]
        pot: Option<String>,
        /// `"population"`, `"need"` or `"fixed-plus-population:AMOUNT"`.
        #[tsify(optional)]
        rule: Option<String>,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Code;

    fn v(text: &str) -> Value {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn a_resolved_key_reads_back_as_a_key() {
        let k = crate::input::key("population:regions:2021-11-01").unwrap();
        assert_eq!(key(&serde_json::to_value(&k).unwrap()).unwrap(), k);
    }

    #[test]
    fn every_unknown_option_is_reported() {
        let e = options(&v(r#"{"kye": 1, "unti": "ore"}"#)).unwrap_err();
        assert_eq!(e.findings().len(), 2);
        assert!(e.findings().iter().all(|f| f.code == Code::UnknownField));
    }

    #[test]
    fn values_of_the_wrong_type_are_located() {
        let e = options(&v(r#"{"unit": 1}"#)).unwrap_err();
        assert_eq!(
            (e.code(), e.findings()[0].loc.to_string()),
            (Code::InvalidValue, "unit".into())
        );
        let e = key(&v("42")).unwrap_err();
        assert_eq!(
            (e.code(), e.findings()[0].loc.to_string()),
            (Code::InvalidValue, "key".into())
        );
        // a whole number is a weight, exactly, as a Python int is (issue 18: skin parity)
        let k = key(&v(r#"{"01": 1, "03": 9007199254740991}"#)).unwrap();
        assert_eq!(
            k.weights(),
            ["1".parse().unwrap(), "9007199254740991".parse().unwrap()]
        );
        // a boolean, a fractional number or a whole number beyond 2^53 - 1 is not: the same
        // code and location as Python's
        for bad in [
            r#"{"01": true}"#,
            r#"{"01": 1.5}"#,
            r#"{"01": 9007199254740992}"#,
        ] {
            let e = key(&v(bad)).unwrap_err();
            assert_eq!(
                (e.code(), e.findings()[0].loc.to_string()),
                (Code::InvalidValue, "key.01".into()),
                "{bad}"
            );
        }
        let e = statement(&v(r#""population""#)).unwrap_err();
        assert_eq!(e.code(), Code::InvalidValue);
        let e = statement(&v(r#"{"rule": 1}"#)).unwrap_err();
        assert_eq!(
            (e.code(), e.findings()[0].loc.to_string()),
            (Code::InvalidValue, "rule".into())
        );
    }

    #[test]
    fn null_is_the_defaults_and_lists_report_every_bad_agreement() {
        assert_eq!(options(&v("null")).unwrap(), crate::Options::default());
        assert_eq!(statement(&v("null")).unwrap(), Statement::default());
        let e = agreements(&v(
            r#"[1, "okad-tillganglighet-2022", "no-such-agreement"]"#,
        ))
        .unwrap_err();
        assert_eq!(e.findings().len(), 2);
        assert_eq!(
            agreements(&v(r#""okad-tillganglighet-2022""#))
                .unwrap()
                .len(),
            1
        );
    }
}
