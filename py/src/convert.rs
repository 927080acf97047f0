//! Conversions from Python values to core types: money (`Decimal`, `int`, `str`; never
//! `float`), weights, keys, units, dates, agreements and outcomes (objects, dicts, JSON text,
//! files). Every refusal is an `InputError` whose finding names the argument in `loc`.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDate, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple, PyType};
use rust_decimal::Decimal;
use vardavtal::key::{Weight, parse_date};
use vardavtal::money::parse_plain_decimal;
use vardavtal::reference::Level;
use vardavtal::{Agreement, Code, Key, KeySpec, Loc, Outcomes, RecipientId, Sek, Unit};

use crate::error::{OrRaise, input, py_err};
use crate::objects::{PyAgreement, PyKey};

static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();

fn is_decimal(py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<bool> {
    obj.is_instance(DECIMAL.import(py, "decimal", "Decimal")?)
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".into())
}

fn repr(obj: &Bound<'_, PyAny>) -> String {
    obj.repr()
        .map(|r| r.to_string())
        .unwrap_or_else(|_| "?".into())
}

const FLOAT_WHY: &str = "floats cannot represent every öre exactly (0.1 is stored as 0.1000000000000000055511151231257827…); \
pass a decimal.Decimal, an int or a str such as \"443400000\" or \"443,4 miljoner kronor\"";

fn refuse_float(py: Python<'_>, obj: &Bound<'_, PyAny>, loc: &Loc, what: &str) -> PyErr {
    py_err(
        py,
        &vardavtal::Error::new(
            Code::InvalidAmount,
            loc.clone(),
            format!(
                "{} is a float, which is not accepted as {what}: {FLOAT_WHY}",
                repr(obj)
            ),
        )
        .with("input", repr(obj))
        .with("type", "float"),
    )
}

/// A plain decimal string for an exact Python number (`Decimal` or `int`), or `None`.
fn exact_number_text(py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
    if obj.is_instance_of::<PyBool>() {
        return Ok(None);
    }
    if obj.is_instance_of::<PyInt>() {
        return Ok(Some(obj.str()?.to_string()));
    }
    if is_decimal(py, obj)? {
        // format(d, "f") writes every digit without an exponent ("1E+3" → "1000").
        return Ok(Some(
            obj.call_method1("__format__", ("f",))?.str()?.to_string(),
        ));
    }
    Ok(None)
}

/// An amount: `Decimal`, `int`, or `str` (plain `"443400000"` or Swedish
/// `"443,4 miljoner kronor"`); a `float` is refused with the reason.
pub fn money(py: Python<'_>, obj: &Bound<'_, PyAny>, loc: &Loc) -> PyResult<Sek> {
    if obj.is_instance_of::<PyFloat>() {
        return Err(refuse_float(py, obj, loc, "an amount"));
    }
    if let Some(text) = exact_number_text(py, obj)? {
        return parse_plain_decimal(&text)
            .map(Sek)
            .map_err(|e| e.prefixed(loc))
            .or_raise(py);
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Sek::parse_any(&s.to_cow()?)
            .map_err(|e| e.prefixed(loc))
            .or_raise(py);
    }
    Err(input(
        py,
        Code::InvalidAmount,
        loc,
        format!(
            "expected an amount (decimal.Decimal, int or str), got {} {}",
            type_name(obj),
            repr(obj)
        ),
    ))
}

/// A non-negative weight: `Decimal`, `int` or a plain decimal `str`.
pub fn weight(py: Python<'_>, obj: &Bound<'_, PyAny>, loc: &Loc) -> PyResult<Decimal> {
    if obj.is_instance_of::<PyFloat>() {
        return Err(refuse_float(py, obj, loc, "a weight"));
    }
    let text = match exact_number_text(py, obj)? {
        Some(t) => t,
        None => match obj.cast::<PyString>() {
            Ok(s) => s.to_cow()?.into_owned(),
            Err(_) => {
                return Err(input(
                    py,
                    Code::InvalidValue,
                    loc,
                    format!(
                        "expected a weight (decimal.Decimal, int or str), got {} {}",
                        type_name(obj),
                        repr(obj)
                    ),
                ));
            }
        },
    };
    parse_plain_decimal(&text)
        .map_err(|e| e.prefixed(loc))
        .or_raise(py)
}

/// The rounding unit: `"krona"` or `"ore"`.
pub fn unit(py: Python<'_>, s: &str) -> PyResult<Unit> {
    s.parse::<Unit>()
        .map_err(|e| e.prefixed(&Loc::root().join("unit")))
        .or_raise(py)
}

/// `"regions"` or `"municipalities"`.
pub fn level(py: Python<'_>, s: &str) -> PyResult<Level> {
    match s {
        "regions" => Ok(Level::Regions),
        "municipalities" => Ok(Level::Municipalities),
        _ => Err(input(
            py,
            Code::InvalidValue,
            &Loc::root().join("level"),
            format!("unknown level {s:?}: expected \"regions\" or \"municipalities\""),
        )),
    }
}

/// A date: `datetime.date` or a `"YYYY-MM-DD"` str.
pub fn date(py: Python<'_>, obj: &Bound<'_, PyAny>, loc: &Loc) -> PyResult<NaiveDate> {
    if let Ok(s) = obj.cast::<PyString>() {
        return parse_date(&s.to_cow()?)
            .map_err(|e| e.prefixed(loc))
            .or_raise(py);
    }
    if obj.is_instance_of::<PyDate>()
        && let Ok(d) = obj.extract::<NaiveDate>()
    {
        return Ok(d);
    }
    Err(input(
        py,
        Code::InvalidDate,
        loc,
        format!(
            "expected a datetime.date or a \"YYYY-MM-DD\" str, got {} {}",
            type_name(obj),
            repr(obj)
        ),
    ))
}

/// A file path from `os.PathLike`, or `None` when `obj` is not one.
pub fn path_like(obj: &Bound<'_, PyAny>) -> PyResult<Option<PathBuf>> {
    if obj.is_instance_of::<PyString>() || !obj.hasattr("__fspath__")? {
        return Ok(None);
    }
    Ok(Some(obj.call_method0("__fspath__")?.extract::<PathBuf>()?))
}

/// A distribution key: a [`PyKey`], a key string (`"population:regions:2021-11-01"`,
/// `"population:municipalities:DATE"`, `"needs:regions:2024"`), the path of a CSV file
/// (`str` or `os.PathLike`) with columns `code,weight`, or a mapping `{code: weight}`.
pub fn key(py: Python<'_>, obj: &Bound<'_, PyAny>, loc: &Loc) -> PyResult<Key> {
    if let Ok(k) = obj.cast::<PyKey>() {
        return Ok(k.get().0.clone());
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return vardavtal::input::key(&s.to_cow()?)
            .map_err(|e| e.prefixed(loc))
            .or_raise(py);
    }
    if let Some(p) = path_like(obj)? {
        return Key::from_arg(&p.to_string_lossy())
            .map_err(|e| e.prefixed(loc))
            .or_raise(py);
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut weights = BTreeMap::new();
        for (k, v) in d.iter() {
            let Ok(code) = k.cast::<PyString>() else {
                return Err(input(
                    py,
                    Code::InvalidValue,
                    loc,
                    format!(
                        "the keys of a weights dict are recipient codes (str), got {} {}",
                        type_name(&k),
                        repr(&k)
                    ),
                ));
            };
            let code = code.to_cow()?.into_owned();
            let w = weight(py, &v, &loc.join(code.as_str()))?;
            weights.insert(RecipientId::new(code), Weight(w));
        }
        return KeySpec::Weights {
            name: None,
            weights,
        }
        .resolve()
        .map_err(|e| e.prefixed(loc))
        .or_raise(py);
    }
    Err(input(
        py,
        Code::InvalidValue,
        loc,
        format!(
            "expected a key: a vardavtal.Key, a str such as \"population:regions:2021-11-01\" or \"needs:regions:2024\", \
             a CSV path, or a dict {{code: weight}}; got {} {}",
            type_name(obj),
            repr(obj)
        ),
    ))
}

/// An optional key (`None` stays `None`).
pub fn opt_key(py: Python<'_>, obj: Option<&Bound<'_, PyAny>>, loc: &Loc) -> PyResult<Option<Key>> {
    match obj {
        Some(o) if !o.is_none() => key(py, o, loc).map(Some),
        _ => Ok(None),
    }
}

/// How deep a Python value may nest: the core's JSON reader refuses more than 128 levels,
/// and a value that contains itself nests without end.
const MAX_DEPTH: usize = 128;

/// A Python value as JSON: dict, list, tuple, str, bool, int, `Decimal` (a plain decimal
/// string), `datetime.date` (ISO string) and `None`. A `float` is refused: amounts in the
/// model are exact. So is a value nested more than 128 levels deep (or containing itself).
pub fn json_value(
    py: Python<'_>,
    obj: &Bound<'_, PyAny>,
    loc: &Loc,
) -> PyResult<serde_json::Value> {
    json_value_at(py, obj, loc, 0)
}

fn json_value_at(
    py: Python<'_>,
    obj: &Bound<'_, PyAny>,
    loc: &Loc,
    depth: usize,
) -> PyResult<serde_json::Value> {
    use serde_json::Value;
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.is_instance_of::<PyInt>() {
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(Value::from(i));
        }
        if let Ok(u) = obj.extract::<u64>() {
            return Ok(Value::from(u));
        }
        return Ok(Value::String(obj.str()?.to_string()));
    }
    if obj.is_instance_of::<PyFloat>() {
        return Err(refuse_float(
            py,
            obj,
            loc,
            "a value of an agreement or outcomes",
        ));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(s.to_cow()?.into_owned()));
    }
    if is_decimal(py, obj)? {
        return Ok(Value::String(
            obj.call_method1("__format__", ("f",))?.str()?.to_string(),
        ));
    }
    if obj.is_instance_of::<PyDate>() {
        return Ok(Value::String(
            obj.call_method0("isoformat")?.str()?.to_string(),
        ));
    }
    let nests = obj.is_instance_of::<PyDict>()
        || obj.is_instance_of::<PyList>()
        || obj.is_instance_of::<PyTuple>();
    if nests && depth >= MAX_DEPTH {
        return Err(input(
            py,
            Code::InvalidValue,
            loc,
            format!(
                "the value is nested more than {MAX_DEPTH} levels deep (or contains itself); agreements and outcomes never are"
            ),
        ));
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut m = serde_json::Map::new();
        for (k, v) in d.iter() {
            let Ok(ks) = k.cast::<PyString>() else {
                return Err(input(
                    py,
                    Code::InvalidValue,
                    loc,
                    format!("dict keys must be str, got {} {}", type_name(&k), repr(&k)),
                ));
            };
            let ks = ks.to_cow()?.into_owned();
            let val = json_value_at(py, &v, &loc.join(ks.as_str()), depth + 1)?;
            m.insert(ks, val);
        }
        return Ok(Value::Object(m));
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        let mut v = Vec::new();
        for (i, item) in obj.try_iter()?.enumerate() {
            v.push(json_value_at(py, &item?, &loc.join(i), depth + 1)?);
        }
        return Ok(Value::Array(v));
    }
    Err(input(
        py,
        Code::InvalidValue,
        loc,
        format!(
            "{} {} has no JSON form (expected dict, list, str, int, bool, Decimal, date or None)",
            type_name(obj),
            repr(obj)
        ),
    ))
}

fn json_text(py: Python<'_>, obj: &Bound<'_, PyAny>, loc: &Loc) -> PyResult<String> {
    let v = json_value(py, obj, loc)?;
    serde_json::to_string(&v).map_err(|e| input(py, Code::InvalidValue, loc, e.to_string()))
}

/// An agreement: a [`PyAgreement`], a dict in the agreement file format, JSON text (a str
/// starting with `{`), the id of an agreement of the bundled catalog, or the path of an
/// agreement file (`str` or `os.PathLike`).
pub fn agreement(py: Python<'_>, obj: &Bound<'_, PyAny>, loc: &Loc) -> PyResult<Agreement> {
    if let Ok(a) = obj.cast::<PyAgreement>() {
        return Ok(a.get().0.clone());
    }
    if obj.is_instance_of::<PyDict>() {
        let text = json_text(py, obj, loc)?;
        return Agreement::from_json(&text)
            .map_err(|e| e.prefixed(loc))
            .or_raise(py);
    }
    if let Some(p) = path_like(obj)? {
        return Agreement::from_file(&p)
            .map_err(|e| e.prefixed(loc))
            .or_raise(py);
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return vardavtal::input::agreement(&s.to_cow()?)
            .map_err(|e| e.prefixed(loc))
            .or_raise(py);
    }
    Err(input(
        py,
        Code::InvalidValue,
        loc,
        format!(
            "expected an agreement: a vardavtal.Agreement, a dict, JSON text, a catalog id or a file path; got {} {}",
            type_name(obj),
            repr(obj)
        ),
    ))
}

/// Performance outcomes: a dict `{criterion: {code: {"value",
/// "previous", "met"}}}`, JSON text (a str starting with `{`), or the path of an outcomes
/// file (`str` or `os.PathLike`). `None` is no outcomes.
pub fn outcomes(
    py: Python<'_>,
    obj: Option<&Bound<'_, PyAny>>,
    loc: &Loc,
) -> PyResult<Option<Outcomes>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    if obj.is_instance_of::<PyDict>() {
        let text = json_text(py, obj, loc)?;
        return Outcomes::from_json(&text)
            .map(Some)
            .map_err(|e| e.prefixed(loc))
            .or_raise(py);
    }
    if let Some(p) = path_like(obj)? {
        return Outcomes::from_file(&p)
            .map(Some)
            .map_err(|e| e.prefixed(loc))
            .or_raise(py);
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return vardavtal::input::outcomes(&s.to_cow()?)
            .map(Some)
            .map_err(|e| e.prefixed(loc))
            .or_raise(py);
    }
    Err(input(
        py,
        Code::InvalidValue,
        loc,
        format!(
            "expected outcomes: a dict, JSON text or a file path; got {} {}",
            type_name(obj),
            repr(obj)
        ),
    ))
}

/// A published table as `(name, text)`: the text itself (a `str` with a line break), the
/// path of a file (a one-line `str` or `os.PathLike`; the name is the path), or a file-like
/// object with `read()` (text, or UTF-8 bytes; the name is its `name` attribute, when a str).
/// Text given directly is named `"table"`, so parse errors are located under `table`.
pub fn table(py: Python<'_>, obj: &Bound<'_, PyAny>, loc: &Loc) -> PyResult<(String, String)> {
    let name_of = |o: &Bound<'_, PyAny>| -> String {
        o.getattr("name")
            .ok()
            .and_then(|n| n.cast::<PyString>().ok().map(|s| s.to_string()))
            .unwrap_or_else(|| "table".to_owned())
    };
    if let Ok(s) = obj.cast::<PyString>() {
        let s = s.to_cow()?;
        if s.contains('\n') {
            return Ok(("table".to_owned(), s.into_owned()));
        }
        let path = std::path::Path::new(s.as_ref());
        let text = vardavtal::json::read_text(path)
            .map_err(|e| {
                let mut findings = e.into_findings();
                for f in &mut findings {
                    f.msg.push_str(
                        " (a str without a line break is read as a path; table text has one line per row)",
                    );
                }
                vardavtal::Error::from_findings(findings)
            })
            .or_raise(py)?;
        return Ok((path.display().to_string(), text));
    }
    if let Some(p) = path_like(obj)? {
        let text = vardavtal::json::read_text(&p).or_raise(py)?;
        return Ok((p.display().to_string(), text));
    }
    if obj.hasattr("read")? {
        let data = obj.call_method0("read")?;
        if let Ok(s) = data.cast::<PyString>() {
            return Ok((name_of(obj), s.to_cow()?.into_owned()));
        }
        if let Ok(b) = data.extract::<Vec<u8>>() {
            let name = name_of(obj);
            return String::from_utf8(b)
                .map(|t| (name.clone(), t))
                .map_err(|e| {
                    input(
                        py,
                        Code::Io,
                        &Loc::root().join(name.as_str()),
                        format!("{name} is not UTF-8 text: {e}"),
                    )
                });
        }
        return Err(input(
            py,
            Code::InvalidValue,
            loc,
            format!(
                "read() of the table returned {}, not str or bytes",
                type_name(&data)
            ),
        ));
    }
    Err(input(
        py,
        Code::InvalidValue,
        loc,
        format!(
            "expected a table: its text (a str with line breaks), a file path or a file object; got {} {}",
            type_name(obj),
            repr(obj)
        ),
    ))
}

/// The rule a publisher states: `"population"`, `"need"` or
/// `"fixed-plus-population:AMOUNT"` (the amount plain or Swedish); `None` is no rule.
pub fn stated_rule(
    py: Python<'_>,
    obj: Option<&Bound<'_, PyAny>>,
    loc: &Loc,
) -> PyResult<Option<vardavtal::reconcile::StatedRule>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    match obj.cast::<PyString>() {
        Ok(s) => s
            .to_cow()?
            .parse()
            .map(Some)
            .map_err(|e: vardavtal::Error| e.prefixed(loc))
            .or_raise(py),
        Err(_) => Err(input(
            py,
            Code::InvalidValue,
            loc,
            format!(
                "expected a rule (str): \"population\", \"need\" or \"fixed-plus-population:AMOUNT\"; got {} {}",
                type_name(obj),
                repr(obj)
            ),
        )),
    }
}
