//! Values of a typed host language (Python) that are of the wrong type: the error that
//! refuses them, naming what was expected (in both languages), the value's type and a
//! short preview of the value. A refused object is never shown whole: a pandas Series or a
//! long list is cut to one line of at most [`PREVIEW_CHARS`] characters, so an error
//! message stays a line, whatever was passed.
//!
//! ```
//! use vardavtal::input::host::{self, Expected};
//! use vardavtal::{Code, Loc};
//! let e = host::wrong_type(Expected::Amount, Loc::root().join("amount"), "Series", "0    1\n1    2\n");
//! assert_eq!(e.code(), Code::InvalidAmount);
//! assert_eq!(e.findings()[0].msg, "expected an amount (Decimal, int or str), got Series 0 1 1 2");
//! let e = host::float_refused(Expected::Amount, Loc::root(), "float64", "443400000.0");
//! assert!(e.findings()[0].msg.starts_with("443400000.0 is a float (float64), which cannot hold every öre exactly"));
//! assert_eq!(host::preview(&"x".repeat(500)).chars().count(), host::PREVIEW_CHARS + 1);
//! ```

use crate::finding::{Error, Loc};
use crate::message::Template;
use crate::message::templates::input::{
    HOST_AMOUNT_FLOAT, HOST_AMOUNT_WRONG_TYPE, HOST_VALUE_FLOAT, HOST_VALUE_WRONG_TYPE,
};

/// The most characters of a refused value shown in a message (then `…`).
pub const PREVIEW_CHARS: usize = 60;

/// What an argument of a host language should have been.
///
/// ```
/// use vardavtal::{Loc, input::host::{Expected, wrong_type}};
/// let e = wrong_type(Expected::RecipientCode, Loc::root().join("recipient"), "int", "3");
/// assert_eq!(e.findings()[0].msg, "expected a recipient code (str), got int 3");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Expected {
    /// An amount of money (`invalid_amount`).
    Amount,
    /// A weight of a key.
    Weight,
    /// A recipient code.
    RecipientCode,
    /// A distribution key.
    Key,
    /// A date.
    Date,
    /// An agreement.
    Agreement,
    /// Performance outcomes.
    Outcomes,
    /// A published table.
    Table,
    /// What a file object's `read()` gives.
    TableRead,
    /// A value of an agreement or outcomes given as a dict.
    Value,
    /// A key of a dict that becomes JSON.
    DictKey,
    /// A stated allocation rule.
    Rule,
}

impl Expected {
    /// What was expected, in English and in Swedish.
    fn words(self) -> (&'static str, &'static str) {
        match self {
            Expected::Amount => (
                "an amount (Decimal, int or str)",
                "ett belopp (Decimal, int eller str)",
            ),
            Expected::Weight => (
                "a weight (Decimal, int or str)",
                "en vikt (Decimal, int eller str)",
            ),
            Expected::RecipientCode => ("a recipient code (str)", "en mottagarkod (str)"),
            Expected::Key => (
                "a key (Key, str, pathlib.Path or {code: weight})",
                "en fördelningsnyckel (Key, str, pathlib.Path eller {code: weight})",
            ),
            Expected::Date => (
                "a datetime.date or a \"YYYY-MM-DD\" str",
                "ett datum (datetime.date eller en str ”ÅÅÅÅ-MM-DD”)",
            ),
            Expected::Agreement => (
                "an agreement (Agreement, dict, str or pathlib.Path)",
                "en överenskommelse (Agreement, dict, str eller pathlib.Path)",
            ),
            Expected::Outcomes => (
                "outcomes (dict, str or pathlib.Path)",
                "utfall (dict, str eller pathlib.Path)",
            ),
            Expected::Table => (
                "a table (its text, a pathlib.Path or a file)",
                "en tabell (dess text, en pathlib.Path eller en fil)",
            ),
            Expected::TableRead => ("str or bytes from read()", "str eller bytes från read()"),
            Expected::Value => (
                "dict, list, str, int, bool, Decimal, date or None",
                "dict, list, str, int, bool, Decimal, date eller None",
            ),
            Expected::DictKey => ("a str dict key", "en nyckel av typen str"),
            Expected::Rule => ("a rule (str)", "en fördelningsregel (str)"),
        }
    }
}

/// `repr` on one line (runs of white space become one space), cut to [`PREVIEW_CHARS`]
/// characters and `…`.
///
/// ```
/// use vardavtal::input::host::{PREVIEW_CHARS, preview};
/// assert_eq!(preview("0    1\n1    2\ndtype: int64"), "0 1 1 2 dtype: int64");
/// let long = preview(&format!("{:?}", vec![1; 100]));
/// assert_eq!(long.chars().count(), PREVIEW_CHARS + 1);
/// assert!(long.ends_with('…'));
/// ```
pub fn preview(repr: &str) -> String {
    let line = repr.split_whitespace().collect::<Vec<_>>().join(" ");
    match line.char_indices().nth(PREVIEW_CHARS) {
        Some((cut, _)) => format!("{}…", line.get(..cut).unwrap_or_default()),
        None => line,
    }
}

fn refuse(t: &'static Template, expected: Expected, loc: Loc, ty: &str, repr: &str) -> Error {
    let (en, sv) = expected.words();
    t.error(loc)
        .with("expected", en)
        .with("expected.sv", sv)
        .with("type", ty)
        .with("value", preview(repr))
        .into_error()
}

/// A value of type `ty` (its `repr`) where `expected` was wanted: `invalid_amount` for an
/// amount, else `invalid_value`.
///
/// ```
/// use vardavtal::{Code, Loc, input::host::{Expected, wrong_type}};
/// let e = wrong_type(Expected::Key, Loc::root().join("key"), "int", "42");
/// assert_eq!((e.code(), e.findings()[0].loc.to_string()), (Code::InvalidValue, "key".into()));
/// assert_eq!(e.findings()[0].msg, "expected a key (Key, str, pathlib.Path or {code: weight}), got int 42");
/// ```
pub fn wrong_type(expected: Expected, loc: Loc, ty: &str, repr: &str) -> Error {
    let t = match expected {
        Expected::Amount => &HOST_AMOUNT_WRONG_TYPE,
        _ => &HOST_VALUE_WRONG_TYPE,
    };
    refuse(t, expected, loc, ty, repr)
}

/// A binary floating-point number of type `ty` (its `repr`) where `expected` (an exact
/// number) was wanted, with the reason: `invalid_amount` for an amount (or a number in an
/// agreement or outcomes), else `invalid_value`.
///
/// ```
/// use vardavtal::{Code, Loc, input::host::{Expected, float_refused}};
/// let e = float_refused(Expected::Weight, Loc::root().join("key").join("01"), "float", "0.1");
/// assert_eq!((e.code(), e.findings()[0].loc.to_string()), (Code::InvalidValue, "key.01".into()));
/// assert!(e.findings()[0].msg.starts_with("0.1 is a float (float), which cannot hold every decimal exactly"));
/// ```
pub fn float_refused(expected: Expected, loc: Loc, ty: &str, repr: &str) -> Error {
    let t = match expected {
        Expected::Amount | Expected::Value => &HOST_AMOUNT_FLOAT,
        _ => &HOST_VALUE_FLOAT,
    };
    refuse(t, expected, loc, ty, repr)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Code;
    use crate::message::Lang;

    #[test]
    fn previews_are_one_short_line() {
        assert_eq!(preview("Decimal('1.5')"), "Decimal('1.5')");
        let long = "01    1\n".repeat(1000);
        let p = preview(&long);
        assert!(!p.contains('\n') && p.ends_with('…'));
        assert_eq!(p.chars().count(), PREVIEW_CHARS + 1);
        assert_eq!(preview(&"å".repeat(61)).chars().count(), PREVIEW_CHARS + 1);
        assert_eq!(preview(&"å".repeat(60)), "å".repeat(60));
    }

    #[test]
    fn refusals_read_in_both_languages() {
        let e = wrong_type(Expected::Key, Loc::root().join("key"), "list", "[1, 2]");
        let f = &e.findings()[0];
        assert_eq!(f.code, Code::InvalidValue);
        assert_eq!(
            f.message(Lang::Sv),
            "värdet ska vara en fördelningsnyckel (Key, str, pathlib.Path eller {code: weight}), men det är av typen list: [1, 2]"
        );
        let e = float_refused(Expected::Weight, Loc::root(), "float", "0.5");
        assert_eq!(e.code(), Code::InvalidValue);
        assert!(
            e.findings()[0]
                .message(Lang::Sv)
                .contains("flyttal (float)")
        );
        let e = float_refused(Expected::Value, Loc::root(), "float", "1e6");
        assert_eq!(e.code(), Code::InvalidAmount);
    }
}
