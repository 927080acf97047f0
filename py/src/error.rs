//! Error mapping: a core [`Error`] becomes a Python exception of the class its
//! [`ErrorKind`] names (`InputError`, `AllocationError`, `ValidationError`, all under
//! `VardavtalError`, defined in `vardavtal/_errors.py`), carrying every finding as a dict
//! (`code`, `severity`, `loc`, `msg`, `ctx`) for `.errors()`.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use vardavtal::{Code, Error, ErrorKind, Finding, Loc, LocPart};

/// A finding as the dict Python sees: `{"code", "severity", "loc", "msg", "ctx"}`.
pub fn finding_dict<'py>(py: Python<'py>, f: &Finding) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("code", f.code.as_str())?;
    d.set_item("severity", f.severity.as_str())?;
    d.set_item("loc", loc_list(py, &f.loc)?)?;
    d.set_item("msg", f.message(vardavtal::message::Lang::current()))?;
    let ctx = PyDict::new(py);
    for (k, v) in &f.ctx {
        ctx.set_item(k, v)?;
    }
    d.set_item("ctx", ctx)?;
    Ok(d)
}

/// A location path as a list of str and int.
pub fn loc_list<'py>(py: Python<'py>, loc: &Loc) -> PyResult<Bound<'py, PyList>> {
    let l = PyList::empty(py);
    for p in &loc.0 {
        match p {
            LocPart::Key(k) => l.append(k)?,
            LocPart::Index(i) => l.append(i)?,
        }
    }
    Ok(l)
}

/// The Python exception for a core error.
pub fn py_err(py: Python<'_>, e: &Error) -> PyErr {
    build(py, e).unwrap_or_else(|err| err)
}

fn build(py: Python<'_>, e: &Error) -> PyResult<PyErr> {
    let name = match e.kind() {
        ErrorKind::Input => "InputError",
        ErrorKind::Allocation => "AllocationError",
        ErrorKind::Validation => "ValidationError",
        _ => "VardavtalError", // a family added later: the base class
    };
    let cls = py.import("vardavtal._errors")?.getattr(name)?;
    let errors = PyList::empty(py);
    for f in e.findings() {
        errors.append(finding_dict(py, f)?)?;
    }
    Ok(PyErr::from_value(cls.call1((e.to_string(), errors))?))
}

/// An `InputError` with one finding at `loc`.
pub fn input(py: Python<'_>, code: Code, loc: &Loc, msg: impl Into<String>) -> PyErr {
    py_err(py, &Error::new(code, loc.clone(), msg))
}

/// `?` for core results inside functions that return `PyResult`.
pub trait OrRaise<T> {
    /// The value, or the core error as a Python exception.
    fn or_raise(self, py: Python<'_>) -> PyResult<T>;
}

impl<T> OrRaise<T> for vardavtal::Result<T> {
    fn or_raise(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|e| py_err(py, &e))
    }
}
