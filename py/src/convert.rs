//! Python values to what core takes. Strings go to core's [`vardavtal::input`] (the same
//! argument means the same thing in every skin); Python-only types are converted first:
//! `decimal.Decimal` and `int` to plain decimal text, dicts to JSON, `os.PathLike` to a
//! path, file objects to their text. Only Python's own type errors are made here (a
//! `float` where money is expected, a type that is no argument at all).

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDate, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple, PyType};
use vardavtal::money::parse_plain_decimal;
use vardavtal::{
    Agreement, Code, Error, Key, KeySpec, Loc, Outcomes, RecipientId, Sek, Weight, input,
};

use crate::error::{OrRaise, py_err};
use crate::objects::{PyAgreement, PyKey};

/// `decimal.Decimal`, imported once.
pub static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// `InputError` at `loc`: expected `what`, got (the type and repr of) `obj`.
fn wrong(py: Python<'_>, obj: &Bound<'_, PyAny>, loc: &Loc, code: Code, what: &str) -> PyErr {
    let ty = obj
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_default();
    let repr = obj.repr().map(|r| r.to_string()).unwrap_or_default();
    let e = if obj.is_instance_of::<PyFloat>() {
        Error::new(
            code,
            loc.clone(),
            format!(
                "{repr} is a float, which cannot hold every öre exactly: pass a decimal.Decimal, an int or a str"
            ),
        )
    } else {
        Error::new(
            code,
            loc.clone(),
            format!("expected {what}, got {ty} {repr}"),
        )
    };
    py_err(py, &e.with("type", ty))
}

/// Core's result, its error located under `loc`.
fn at<T>(py: Python<'_>, loc: &Loc, r: vardavtal::Result<T>) -> PyResult<T> {
    r.map_err(|e| e.prefixed(loc)).or_raise(py)
}

/// Plain decimal text for a `Decimal` or an `int` (not a `bool`), else `None`.
fn number_text(py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
    if obj.is_instance_of::<PyInt>() && !obj.is_instance_of::<PyBool>() {
        return Ok(Some(obj.str()?.to_string()));
    }
    if obj.is_instance(DECIMAL.import(py, "decimal", "Decimal")?)? {
        // format(d, "f") writes every digit without an exponent ("1E+3" → "1000").
        return Ok(Some(
            obj.call_method1("__format__", ("f",))?.str()?.to_string(),
        ));
    }
    Ok(None)
}

/// An amount: `Decimal`, `int`, or `str` (plain `"443400000"` or Swedish
/// `"443,4 miljoner kronor"`); never a `float`.
pub fn money(py: Python<'_>, obj: &Bound<'_, PyAny>, loc: &Loc) -> PyResult<Sek> {
    if let Some(t) = number_text(py, obj)? {
        return at(py, loc, parse_plain_decimal(&t).map(Sek));
    }
    match obj.cast::<PyString>() {
        Ok(s) => at(py, loc, Sek::parse_any(&s.to_cow()?)),
        Err(_) => Err(wrong(
            py,
            obj,
            loc,
            Code::InvalidAmount,
            "an amount (Decimal, int or str)",
        )),
    }
}

/// An optional amount (`None` stays `None`).
pub fn opt_money(
    py: Python<'_>,
    obj: Option<&Bound<'_, PyAny>>,
    loc: &Loc,
) -> PyResult<Option<Sek>> {
    obj.filter(|o| !o.is_none())
        .map(|o| money(py, o, loc))
        .transpose()
}

/// A `str` argument.
pub fn text(py: Python<'_>, obj: &Bound<'_, PyAny>, loc: &Loc, what: &str) -> PyResult<String> {
    match obj.cast::<PyString>() {
        Ok(s) => Ok(s.to_cow()?.into_owned()),
        Err(_) => Err(wrong(py, obj, loc, Code::InvalidValue, what)),
    }
}

/// A `str` argument: text, never a path (`None` when `obj` is no `str`).
fn str_of(obj: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
    match obj.cast::<PyString>() {
        Ok(s) => Ok(Some(s.to_cow()?.into_owned())),
        Err(_) => Ok(None),
    }
}

/// A path: an `os.PathLike` (`pathlib.Path`), never a `str` (`None` for anything else).
/// Only a path is read as a file.
fn path_of(obj: &Bound<'_, PyAny>) -> PyResult<Option<PathBuf>> {
    if obj.is_instance_of::<PyString>() || !obj.hasattr("__fspath__")? {
        return Ok(None);
    }
    Ok(Some(obj.call_method0("__fspath__")?.extract::<PathBuf>()?))
}

/// The rounding unit: `"krona"` or `"ore"`.
pub fn unit(py: Python<'_>, s: &str) -> PyResult<vardavtal::Unit> {
    at(py, &Loc::root().join("unit"), s.parse())
}

/// A date: `datetime.date` or a `"YYYY-MM-DD"` str.
pub fn date(py: Python<'_>, obj: &Bound<'_, PyAny>, loc: &Loc) -> PyResult<NaiveDate> {
    if obj.is_instance_of::<PyDate>() {
        return obj.extract();
    }
    let s = text(py, obj, loc, "a datetime.date or a \"YYYY-MM-DD\" str")?;
    at(py, loc, vardavtal::key::parse_date(&s))
}

/// A distribution key: a `Key`, a str as core reads it ([`input::key_string`]: a key spec
/// or CSV text, never a path), an `os.PathLike` CSV file ([`input::key_file`]), or a dict
/// `{code: weight}`.
pub fn key(py: Python<'_>, obj: &Bound<'_, PyAny>, loc: &Loc) -> PyResult<Key> {
    if let Ok(k) = obj.cast::<PyKey>() {
        return Ok(k.get().0.clone());
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut weights = BTreeMap::new();
        for (k, v) in d.iter() {
            let code = text(py, &k, loc, "a recipient code (str)")?;
            let wl = loc.join(code.as_str());
            let w = match (number_text(py, &v)?, v.cast::<PyString>()) {
                (Some(t), _) => t,
                (None, Ok(s)) => s.to_cow()?.into_owned(),
                _ => {
                    return Err(wrong(
                        py,
                        &v,
                        &wl,
                        Code::InvalidValue,
                        "a weight (Decimal, int or str)",
                    ));
                }
            };
            weights.insert(
                RecipientId::new(code),
                Weight(at(py, &wl, vardavtal::money::parse_weight(&w))?),
            );
        }
        return at(
            py,
            loc,
            KeySpec::Weights {
                name: None,
                weights,
            }
            .resolve(),
        );
    }
    if let Some(p) = path_of(obj)? {
        return at(py, loc, input::key_file(&p));
    }
    match str_of(obj)? {
        Some(s) => at(py, loc, input::key_string(&s)),
        None => Err(wrong(
            py,
            obj,
            loc,
            Code::InvalidValue,
            "a key (Key, str, pathlib.Path or {code: weight})",
        )),
    }
}

/// An optional key (`None` stays `None`).
pub fn opt_key(py: Python<'_>, obj: Option<&Bound<'_, PyAny>>, loc: &Loc) -> PyResult<Option<Key>> {
    obj.filter(|o| !o.is_none())
        .map(|o| key(py, o, loc))
        .transpose()
}

/// How deep a Python value may nest: the core's JSON reader refuses more than 128 levels,
/// and a value that contains itself nests without end.
const MAX_DEPTH: usize = 128;

/// A Python value as JSON text: dict, list, tuple, str, bool, int, `Decimal` (a plain
/// decimal string), `datetime.date` (ISO) and `None`; a `float` is refused.
pub fn json(py: Python<'_>, obj: &Bound<'_, PyAny>, loc: &Loc) -> PyResult<String> {
    Ok(json_value(py, obj, loc, 0)?.to_string())
}

fn json_value(
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
        return Ok(obj
            .extract::<i64>()
            .map_or_else(|_| Value::String(obj.to_string()), Value::from));
    }
    if let Some(t) = number_text(py, obj)? {
        return Ok(Value::String(t));
    }
    if obj.is_instance_of::<PyFloat>() {
        return Err(wrong(py, obj, loc, Code::InvalidAmount, "a number"));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(s.to_cow()?.into_owned()));
    }
    if obj.is_instance_of::<PyDate>() {
        return Ok(Value::String(obj.call_method0("isoformat")?.to_string()));
    }
    let is_list = obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>();
    if (is_list || obj.is_instance_of::<PyDict>()) && depth >= MAX_DEPTH {
        let msg =
            format!("the value is nested more than {MAX_DEPTH} levels deep (or contains itself)");
        return Err(py_err(
            py,
            &Error::new(Code::InvalidValue, loc.clone(), msg),
        ));
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut m = serde_json::Map::new();
        for (k, v) in d.iter() {
            let k = text(py, &k, loc, "a str dict key")?;
            let v = json_value(py, &v, &loc.join(k.as_str()), depth + 1)?;
            m.insert(k, v);
        }
        return Ok(Value::Object(m));
    }
    if is_list {
        let mut v = Vec::new();
        for (i, item) in obj.try_iter()?.enumerate() {
            v.push(json_value(py, &item?, &loc.join(i), depth + 1)?);
        }
        return Ok(Value::Array(v));
    }
    Err(wrong(
        py,
        obj,
        loc,
        Code::InvalidValue,
        "dict, list, str, int, bool, Decimal, date or None",
    ))
}

/// An agreement: an `Agreement`, a dict in the agreement file format, an `os.PathLike`
/// file ([`input::agreement_file`]), or a str as core reads it ([`input::agreement_text`]:
/// JSON text or a catalog id, never a path).
pub fn agreement(py: Python<'_>, obj: &Bound<'_, PyAny>, loc: &Loc) -> PyResult<Agreement> {
    if let Ok(a) = obj.cast::<PyAgreement>() {
        return Ok(a.get().0.clone());
    }
    if obj.is_instance_of::<PyDict>() {
        // a dict is built in Python, where an int is exact: core reads it as an amount
        let v = json_value(py, obj, loc, 0)?;
        return at(py, loc, input::args::agreement_built(v));
    }
    if let Some(p) = path_of(obj)? {
        return at(py, loc, input::agreement_file(&p));
    }
    match str_of(obj)? {
        Some(s) => at(py, loc, input::agreement_text(&s)),
        None => Err(wrong(
            py,
            obj,
            loc,
            Code::InvalidValue,
            "an agreement (Agreement, dict, str or pathlib.Path)",
        )),
    }
}

/// Performance outcomes: a dict `{criterion: {code: {"value", "previous", "met"}}}`, JSON
/// text as a str ([`input::outcomes_text`], never a path), or an `os.PathLike` file
/// ([`input::outcomes_file`]).
/// `None` is no outcomes.
pub fn outcomes(
    py: Python<'_>,
    obj: Option<&Bound<'_, PyAny>>,
    loc: &Loc,
) -> PyResult<Option<Outcomes>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    if let Some(p) = path_of(obj)? {
        return at(py, loc, input::outcomes_file(&p)).map(Some);
    }
    let arg = if obj.is_instance_of::<PyDict>() {
        json(py, obj, loc)?
    } else {
        match str_of(obj)? {
            Some(s) => s,
            None => {
                return Err(wrong(
                    py,
                    obj,
                    loc,
                    Code::InvalidValue,
                    "outcomes (dict, str or pathlib.Path)",
                ));
            }
        }
    };
    at(py, loc, input::outcomes_text(&arg)).map(Some)
}

/// A published table as `(name, text)`: a str is the table's text itself (named
/// `"table"`, never a path), an `os.PathLike` its file ([`input::table_file`]), or a file
/// object with `read()` (text or UTF-8 bytes, named by its `name` attribute, else
/// `"table"`).
pub fn table(py: Python<'_>, obj: &Bound<'_, PyAny>, loc: &Loc) -> PyResult<(String, String)> {
    if let Some(p) = path_of(obj)? {
        return input::table_file(&p).or_raise(py);
    }
    if let Some(s) = str_of(obj)? {
        return Ok(("table".to_owned(), s));
    }
    if !obj.hasattr("read")? {
        return Err(wrong(
            py,
            obj,
            loc,
            Code::InvalidValue,
            "a table (its text, a pathlib.Path or a file)",
        ));
    }
    let name = match obj.getattr("name").ok().map(|n| n.extract::<String>()) {
        Some(Ok(n)) => n,
        _ => "table".to_owned(),
    };
    let data = obj.call_method0("read")?;
    let bytes = match data.cast::<PyString>() {
        Ok(s) => s.to_cow()?.into_owned().into_bytes(),
        Err(_) => data.extract::<Vec<u8>>().map_err(|_| {
            wrong(
                py,
                &data,
                loc,
                Code::InvalidValue,
                "str or bytes from read()",
            )
        })?,
    };
    Ok((name.clone(), input::text_of(&name, &bytes).or_raise(py)?))
}

/// Runs `f` with texts in `lang` (`"sv"`, `"en"`), or in the current language when `None`.
pub fn in_lang<T>(lang: Option<&str>, f: impl FnOnce() -> T) -> PyResult<T> {
    match lang {
        None => Ok(f()),
        Some(l) => {
            let l = l
                .parse::<vardavtal::message::Lang>()
                .map_err(|e| Python::attach(|py| crate::error::py_err(py, &e)))?;
            Ok(vardavtal::message::with_lang(l, f))
        }
    }
}
