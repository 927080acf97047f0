//! Python values to what core takes. Strings go to core's [`vardavtal::input`] (the same
//! argument means the same thing in every skin); Python-only types are converted first:
//! `decimal.Decimal`, Decimal-likes (`as_tuple()`), `int` and integer scalars of other
//! libraries (`__index__`: numpy's `int64`) to plain decimal text, dicts and dict-likes (a
//! `Mapping`, a pandas Series) to JSON or weights, `os.PathLike` to a path, file objects to
//! their text. numpy and pandas are never imported: their values are read by duck typing.
//! Python's own type errors (a float where money is expected, a type that is no argument
//! at all) are core's [`vardavtal::input::host`] findings.

use std::path::PathBuf;

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDate, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple, PyType};
use vardavtal::input::host::{self, Expected};
use vardavtal::money::parse_plain_decimal;
use vardavtal::{Agreement, Key, Loc, Outcomes, RecipientId, Sek, input};

use crate::error::{OrRaise, py_err};
use crate::objects::{PyAgreement, PyKey};

/// `decimal.Decimal`, imported once.
pub static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();
/// `numbers.Real`, imported once (numpy registers its floating types there).
static REAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();
/// `numbers.Rational`, imported once (ints and fractions: exact).
static RATIONAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();
/// `collections.abc.Mapping`, imported once.
static MAPPING: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// The name of `obj`'s type (`float64`, `Series`).
fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_default()
}

/// Whether `obj` is a binary floating-point number: a `float` (numpy's `float64` is one) or
/// another real number that is not rational (numpy's `float32`, `float16`).
fn is_float_like(py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<bool> {
    if obj.is_instance_of::<PyFloat>() {
        return Ok(true);
    }
    Ok(obj.is_instance(REAL.import(py, "numbers", "Real")?)?
        && !obj.is_instance(RATIONAL.import(py, "numbers", "Rational")?)?)
}

/// `InputError` at `loc`: expected `what`, got `obj` (its type and a short preview of its
/// repr, never the whole of a long value); for a float, the reason it is refused.
fn wrong(py: Python<'_>, obj: &Bound<'_, PyAny>, loc: &Loc, what: Expected) -> PyErr {
    let ty = type_name(obj);
    let repr = obj.repr().map(|r| r.to_string()).unwrap_or_default();
    let e = if is_float_like(py, obj).unwrap_or(false) {
        host::float_refused(what, loc.clone(), &ty, &repr)
    } else {
        host::wrong_type(what, loc.clone(), &ty, &repr)
    };
    py_err(py, &e)
}

/// Core's result, its error located under `loc`.
fn at<T>(py: Python<'_>, loc: &Loc, r: vardavtal::Result<T>) -> PyResult<T> {
    r.map_err(|e| e.prefixed(loc)).or_raise(py)
}

/// An integer as a Python `int`: an `int` (not a `bool`), or an integer scalar of another
/// library through `__index__` (numpy's `int64`, `uint8`; not numpy's `bool_` nor a float).
fn int_of<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Option<Bound<'py, PyAny>>> {
    if obj.is_instance_of::<PyBool>() || obj.is_instance_of::<PyString>() {
        return Ok(None);
    }
    if obj.is_instance_of::<PyInt>() {
        return Ok(Some(obj.clone()));
    }
    if !obj.hasattr("__index__")? || type_name(obj).starts_with("bool") || is_float_like(py, obj)? {
        return Ok(None);
    }
    Ok(Some(obj.call_method0("__index__")?))
}

/// Plain decimal text for a `Decimal`, an `int` (not a `bool`), an integer scalar
/// (`__index__`: numpy's `int64`) or a Decimal-like (an object with `as_tuple()`, the
/// decimal protocol), else `None`.
fn number_text(py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
    if obj.is_instance_of::<PyString>() {
        return Ok(None);
    }
    let decimal = DECIMAL.import(py, "decimal", "Decimal")?;
    let d = if obj.is_instance(decimal)? {
        obj.clone()
    } else if let Some(i) = int_of(py, obj)? {
        return Ok(Some(i.str()?.to_string()));
    } else if obj.hasattr("as_tuple")? && !is_float_like(py, obj)? {
        match obj
            .call_method0("as_tuple")
            .and_then(|t| decimal.call1((t,)))
        {
            Ok(d) => d,
            Err(_) => return Ok(None),
        }
    } else {
        return Ok(None);
    };
    // format(d, "f") writes every digit without an exponent ("1E+3" → "1000").
    Ok(Some(
        d.call_method1("__format__", ("f",))?.str()?.to_string(),
    ))
}

/// `(key, value)` pairs of Python objects.
type Pairs<'py> = Vec<(Bound<'py, PyAny>, Bound<'py, PyAny>)>;

/// The `(key, value)` pairs of a dict, a `collections.abc.Mapping`, or another dict-like
/// with `items()` (a pandas Series: index → value); `None` for anything else.
fn items_of<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Option<Pairs<'py>>> {
    if let Ok(d) = obj.cast::<PyDict>() {
        return Ok(Some(d.iter().collect()));
    }
    let mapping = obj.is_instance(MAPPING.import(py, "collections.abc", "Mapping")?)?;
    let dict_like = !obj.is_instance_of::<PyString>()
        && obj
            .getattr("items")
            .map(|f| f.is_callable())
            .unwrap_or(false);
    if !(mapping || dict_like) {
        return Ok(None);
    }
    let mut pairs = Vec::new();
    for item in obj.call_method0("items")?.try_iter()? {
        pairs.push(item?.extract::<(Bound<'py, PyAny>, Bound<'py, PyAny>)>()?);
    }
    Ok(Some(pairs))
}

/// An amount: `Decimal`, `int`, or `str` (plain `"443400000"` or Swedish
/// `"443,4 miljoner kronor"`); never a `float`.
pub fn money(py: Python<'_>, obj: &Bound<'_, PyAny>, loc: &Loc) -> PyResult<Sek> {
    if let Some(t) = number_text(py, obj)? {
        return at(py, loc, parse_plain_decimal(&t).map(Sek::from));
    }
    match obj.cast::<PyString>() {
        Ok(s) => at(py, loc, Sek::parse_any(&s.to_cow()?)),
        Err(_) => Err(wrong(py, obj, loc, Expected::Amount)),
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

/// A `str` argument (`what` names it in the error of anything else).
pub fn text(py: Python<'_>, obj: &Bound<'_, PyAny>, loc: &Loc, what: Expected) -> PyResult<String> {
    match obj.cast::<PyString>() {
        Ok(s) => Ok(s.to_cow()?.into_owned()),
        Err(_) => Err(wrong(py, obj, loc, what)),
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
    let s = text(py, obj, loc, Expected::Date)?;
    at(py, loc, vardavtal::key::parse_date(&s))
}

/// A distribution key: a `Key`, a str as core reads it ([`input::key_string`]: a key spec
/// or CSV text, never a path), an `os.PathLike` CSV file ([`input::key_file`]), or a dict
/// `{code: weight}` or another dict-like (a `Mapping`, a pandas Series indexed by code);
/// weights are `Decimal`, `int`, integer scalars (numpy's `int64`) or `str`.
pub fn key(py: Python<'_>, obj: &Bound<'_, PyAny>, loc: &Loc) -> PyResult<Key> {
    if let Ok(k) = obj.cast::<PyKey>() {
        return Ok(k.get().0.clone());
    }
    if let Some(pairs) = items_of(py, obj)? {
        let mut weights = Vec::new();
        for (k, v) in pairs {
            let code = text(py, &k, loc, Expected::RecipientCode)?;
            let wl = loc.join(code.as_str());
            let w = match (number_text(py, &v)?, v.cast::<PyString>()) {
                (Some(t), _) => t,
                (None, Ok(s)) => s.to_cow()?.into_owned(),
                _ => return Err(wrong(py, &v, &wl, Expected::Weight)),
            };
            let w = at(py, &wl, vardavtal::money::parse_weight(&w))?;
            weights.push((RecipientId::new(code), w));
        }
        return at(py, loc, Key::supplied(weights));
    }
    if let Some(p) = path_of(obj)? {
        return at(py, loc, input::key_file(&p));
    }
    match str_of(obj)? {
        Some(s) => at(py, loc, input::key_string(&s)),
        None => Err(wrong(py, obj, loc, Expected::Key)),
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
const MAX_DEPTH: usize = vardavtal::input::args::MAX_DEPTH;

/// A Python value as JSON text: dict, list, tuple, str, bool, int, `Decimal` (a plain
/// decimal string), `datetime.date` (ISO) and `None`; a `float` is refused.
pub fn json(py: Python<'_>, obj: &Bound<'_, PyAny>, loc: &Loc) -> PyResult<String> {
    Ok(json_value(py, obj, loc, 0)?.to_string())
}

/// An `int` as a JSON number, or as a string when it does not fit an `i64`.
fn int_json(i: &Bound<'_, PyAny>) -> serde_json::Value {
    i.extract::<i64>().map_or_else(
        |_| serde_json::Value::String(i.to_string()),
        serde_json::Value::from,
    )
}

fn json_value(
    py: Python<'_>,
    obj: &Bound<'_, PyAny>,
    loc: &Loc,
    depth: usize,
) -> PyResult<serde_json::Value> {
    use serde_json::Value;
    // Python's own types first (no attribute look-ups), then other libraries' by duck typing.
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(s.to_cow()?.into_owned()));
    }
    if obj.is_instance_of::<PyInt>() {
        return Ok(int_json(obj));
    }
    let is_list = obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>();
    let pairs = match obj.cast::<PyDict>() {
        Ok(d) => Some(d.iter().collect::<Vec<_>>()),
        Err(_) if is_list => None,
        Err(_) => {
            if let Some(i) = int_of(py, obj)? {
                return Ok(int_json(&i));
            }
            if let Some(t) = number_text(py, obj)? {
                return Ok(Value::String(t));
            }
            if is_float_like(py, obj)? {
                return Err(wrong(py, obj, loc, Expected::Value));
            }
            if obj.is_instance_of::<PyDate>() {
                return Ok(Value::String(obj.call_method0("isoformat")?.to_string()));
            }
            items_of(py, obj)?
        }
    };
    if (is_list || pairs.is_some()) && depth >= MAX_DEPTH {
        let what = loc.0.first().map_or("value".to_owned(), |p| match p {
            vardavtal::LocPart::Key(k) => k.clone(),
            vardavtal::LocPart::Index(i) => i.to_string(),
        });
        return Err(py_err(
            py,
            &vardavtal::input::args::too_deep(loc.clone(), &what),
        ));
    }
    if let Some(pairs) = pairs {
        let mut m = serde_json::Map::new();
        for (k, v) in pairs {
            let k = text(py, &k, loc, Expected::DictKey)?;
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
    Err(wrong(py, obj, loc, Expected::Value))
}

/// An agreement: an `Agreement`, a dict in the agreement file format, an `os.PathLike`
/// file ([`input::agreement_file`]), or a str as core reads it ([`input::agreement_text`]:
/// JSON text or a catalog id, never a path).
pub fn agreement(py: Python<'_>, obj: &Bound<'_, PyAny>, loc: &Loc) -> PyResult<Agreement> {
    if let Ok(a) = obj.cast::<PyAgreement>() {
        return Ok(a.get().0.clone());
    }
    if items_of(py, obj)?.is_some() {
        // a dict is built in Python, where an int is exact: core reads it as an amount
        let v = json_value(py, obj, loc, 0)?;
        return at(py, loc, input::args::agreement_built(v));
    }
    if let Some(p) = path_of(obj)? {
        return at(py, loc, input::agreement_file(&p));
    }
    match str_of(obj)? {
        Some(s) => at(py, loc, input::agreement_text(&s)),
        None => Err(wrong(py, obj, loc, Expected::Agreement)),
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
    let arg = if items_of(py, obj)?.is_some() {
        json(py, obj, loc)?
    } else {
        match str_of(obj)? {
            Some(s) => s,
            None => return Err(wrong(py, obj, loc, Expected::Outcomes)),
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
        return Err(wrong(py, obj, loc, Expected::Table));
    }
    let name = match obj.getattr("name").ok().map(|n| n.extract::<String>()) {
        Some(Ok(n)) => n,
        _ => "table".to_owned(),
    };
    let data = obj.call_method0("read")?;
    let bytes = match data.cast::<PyString>() {
        Ok(s) => s.to_cow()?.into_owned().into_bytes(),
        Err(_) => data
            .extract::<Vec<u8>>()
            .map_err(|_| wrong(py, &data, loc, Expected::TableRead))?,
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
