//! Limits on what one value of the input may hold: the length of an id, a name or a
//! recipient code, and the lines of a pasted table. Each is a located error when passed
//! (`invalid_value`, template `text_too_long` or `table_too_many_lines`), so that no single
//! value can make every row of a result, every line of output or every error message as
//! large as itself.
//!
//! | what | limit | where |
//! | --- | --- | --- |
//! | an id (agreement, component, tranche, frame, criterion) | [`MAX_ID_CHARS`] | reading JSON |
//! | a name or title | [`MAX_NAME_CHARS`] | reading JSON |
//! | a recipient code | [`MAX_CODE_CHARS`] | reading JSON, a key's CSV, [`crate::Key::new`] |
//! | the lines of a published table | [`MAX_TABLE_LINES`] (another with [`crate::reconcile::PublishedTable::parse_within`]) | [`crate::reconcile::PublishedTable::parse`] |
//!
//! Free text (notes, quotes, what a rule needs) is bounded only by the size of the input
//! ([`crate::input::MAX_FILE_BYTES`] for a file): it is never copied per row.
//!
//! ```
//! let json = format!(r#"{{"id": "{}", "title": "t", "kind": {{"type": "base"}}, "years": [2022]}}"#, "a".repeat(300));
//! let e = vardavtal::Agreement::from_json(&json).unwrap_err();
//! assert_eq!(e.code(), vardavtal::Code::InvalidValue);
//! assert_eq!(e.findings()[0].loc.to_string(), "id");
//! assert_eq!(e.findings()[0].ctx["length"], "300");
//! assert_eq!(e.findings()[0].ctx["limit"], "256");
//! ```

use serde::{Deserialize, Deserializer};

use crate::finding::{Finding, Loc};
use crate::message::templates::input::TEXT_TOO_LONG;

/// The most characters of an id (an agreement's, a component's, a tranche's, a frame's, a
/// criterion's).
pub const MAX_ID_CHARS: usize = 256;
/// The most characters of a name or a title.
pub const MAX_NAME_CHARS: usize = 1_000;
/// The most characters of a recipient code (`03`, `0114`, `SKR`, a declared recipient's).
pub const MAX_CODE_CHARS: usize = 64;
/// The most lines of a published table given to reconcile (a table of the 290
/// municipalities with headers and notes has a few hundred).
pub const MAX_TABLE_LINES: usize = 10_000;

/// What a bounded text is: its limit and its name in messages.
///
/// ```
/// use vardavtal::input::bounds::{Bounded, MAX_CODE_CHARS};
/// assert_eq!(Bounded::Code.limit(), MAX_CODE_CHARS);
/// assert_eq!(Bounded::Code.excess(&"0".repeat(70)), Some(70));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bounded {
    /// An id ([`MAX_ID_CHARS`]).
    Id,
    /// A name or a title ([`MAX_NAME_CHARS`]).
    Name,
    /// A recipient code ([`MAX_CODE_CHARS`]).
    Code,
}

impl Bounded {
    /// The most characters of this kind of text.
    ///
    /// ```
    /// use vardavtal::input::bounds::Bounded;
    /// assert_eq!((Bounded::Id.limit(), Bounded::Name.limit(), Bounded::Code.limit()), (256, 1000, 64));
    /// ```
    pub fn limit(self) -> usize {
        match self {
            Bounded::Id => MAX_ID_CHARS,
            Bounded::Name => MAX_NAME_CHARS,
            Bounded::Code => MAX_CODE_CHARS,
        }
    }
    fn words(self) -> (&'static str, &'static str) {
        match self {
            Bounded::Id => ("id", "id:t"),
            Bounded::Name => ("name", "namnet"),
            Bounded::Code => ("recipient code", "mottagarkoden"),
        }
    }
    fn from_word(w: &str) -> Option<Bounded> {
        [Bounded::Id, Bounded::Name, Bounded::Code]
            .into_iter()
            .find(|b| b.words().0 == w)
    }
    /// The length of `s` in characters when it is longer than the limit.
    ///
    /// ```
    /// use vardavtal::input::bounds::Bounded;
    /// assert_eq!(Bounded::Id.excess(&"a".repeat(300)), Some(300));
    /// assert_eq!(Bounded::Name.excess("Region Uppsala"), None);
    /// assert_eq!(Bounded::Code.excess(&"ö".repeat(64)), None); // 128 bytes, 64 characters
    /// ```
    pub fn excess(self, s: &str) -> Option<usize> {
        let limit = self.limit();
        // a short string in bytes is short in characters
        if s.len() <= limit {
            return None;
        }
        let n = s.chars().count();
        (n > limit).then_some(n)
    }
    /// The `text_too_long` error at `loc` for a text of `length` characters.
    ///
    /// ```
    /// use vardavtal::{Code, Loc, input::bounds::Bounded};
    /// let f = Bounded::Code.finding(Loc::root().join("code"), 70);
    /// assert_eq!((f.code, f.loc.to_string()), (Code::InvalidValue, "code".into()));
    /// assert_eq!(f.msg, "the recipient code has 70 characters, more than the limit of 64");
    /// ```
    pub fn finding(self, loc: Loc, length: usize) -> Finding {
        let (en, sv) = self.words();
        TEXT_TOO_LONG
            .error(loc)
            .with("what", en)
            .with("what.sv", sv)
            .with("length", length)
            .with("limit", self.limit())
    }
    /// `s`, or the `text_too_long` error at `loc`.
    ///
    /// ```
    /// use vardavtal::{Loc, input::bounds::Bounded};
    /// assert!(Bounded::Id.check("okad-tillganglighet-2022", || Loc::root().join("id")).is_ok());
    /// let e = Bounded::Id.check(&"a".repeat(300), || Loc::root().join("id")).unwrap_err();
    /// assert_eq!(e.findings()[0].msg, "the id has 300 characters, more than the limit of 256");
    /// ```
    ///
    /// # Errors
    /// `invalid_value` (`text_too_long`), located at `loc()`, when `s` has more characters
    /// than the limit.
    pub fn check(self, s: &str, loc: impl FnOnce() -> Loc) -> crate::Result<()> {
        match self.excess(s) {
            Some(n) => Err(self.finding(loc(), n).into_error()),
            None => Ok(()),
        }
    }
}

/// The words of the serde error for a text too long; [`from_serde`] reads them back.
const MARK: &str = "text too long: ";

fn serde_error<E: serde::de::Error>(b: Bounded, n: usize) -> E {
    E::custom(format!(
        "{MARK}{}, {n} characters, limit {}",
        b.words().0,
        b.limit()
    ))
}

/// The `text_too_long` finding at `loc` when `msg` is the words of a serde error made here.
pub(crate) fn from_serde(msg: &str, loc: Loc) -> Option<Finding> {
    let rest = &msg[msg.find(MARK)? + MARK.len()..];
    let mut parts = rest.split(", ");
    let b = Bounded::from_word(parts.next()?)?;
    let n = parts.next()?.strip_suffix(" characters")?.parse().ok()?;
    Some(b.finding(loc, n))
}

fn bounded<'de, D: Deserializer<'de>>(d: D, b: Bounded) -> Result<String, D::Error> {
    let s = String::deserialize(d)?;
    match b.excess(&s) {
        Some(n) => Err(serde_error(b, n)),
        None => Ok(s),
    }
}

/// Deserialise an id of at most [`MAX_ID_CHARS`] characters (`#[serde(deserialize_with)]`).
///
/// ```
/// #[derive(Debug, serde::Deserialize)]
/// struct Tranche {
///     #[serde(deserialize_with = "vardavtal::input::bounds::id")]
///     id: String,
/// }
/// assert_eq!(vardavtal::json::from_str::<Tranche>(r#"{"id": "t1"}"#)?.id, "t1");
/// let long = format!(r#"{{"id": "{}"}}"#, "t".repeat(257));
/// let e = vardavtal::json::from_str::<Tranche>(&long).unwrap_err();
/// assert_eq!(e.findings()[0].msg, "the id has 257 characters, more than the limit of 256");
/// # Ok::<(), vardavtal::Error>(())
/// ```
pub fn id<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    bounded(d, Bounded::Id)
}

/// Deserialise a name of at most [`MAX_NAME_CHARS`] characters.
///
/// ```
/// #[derive(Debug, serde::Deserialize)]
/// struct Named {
///     #[serde(deserialize_with = "vardavtal::input::bounds::name")]
///     name: String,
/// }
/// assert_eq!(vardavtal::json::from_str::<Named>(r#"{"name": "Region Uppsala"}"#)?.name, "Region Uppsala");
/// let long = format!(r#"{{"name": "{}"}}"#, "n".repeat(1001));
/// let e = vardavtal::json::from_str::<Named>(&long).unwrap_err();
/// assert_eq!((e.code(), e.findings()[0].loc.to_string()), (vardavtal::Code::InvalidValue, "name".into()));
/// # Ok::<(), vardavtal::Error>(())
/// ```
pub fn name<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    bounded(d, Bounded::Name)
}

/// Deserialise an optional name of at most [`MAX_NAME_CHARS`] characters.
///
/// ```
/// #[derive(Debug, serde::Deserialize)]
/// struct Part {
///     #[serde(default, deserialize_with = "vardavtal::input::bounds::opt_name")]
///     title: Option<String>,
/// }
/// assert_eq!(vardavtal::json::from_str::<Part>("{}")?.title, None);
/// let long = format!(r#"{{"title": "{}"}}"#, "n".repeat(1001));
/// let e = vardavtal::json::from_str::<Part>(&long).unwrap_err();
/// assert_eq!(e.findings()[0].msg, "the name has 1001 characters, more than the limit of 1000");
/// # Ok::<(), vardavtal::Error>(())
/// ```
pub fn opt_name<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    match Option::<String>::deserialize(d)? {
        Some(s) => match Bounded::Name.excess(&s) {
            Some(n) => Err(serde_error(Bounded::Name, n)),
            None => Ok(Some(s)),
        },
        None => Ok(None),
    }
}

/// Deserialise an optional id of at most [`MAX_ID_CHARS`] characters.
///
/// ```
/// #[derive(Debug, serde::Deserialize)]
/// struct Part {
///     #[serde(default, deserialize_with = "vardavtal::input::bounds::opt_id")]
///     parent: Option<String>,
/// }
/// assert_eq!(vardavtal::json::from_str::<Part>(r#"{"parent": "a"}"#)?.parent.as_deref(), Some("a"));
/// let long = format!(r#"{{"parent": "{}"}}"#, "p".repeat(257));
/// let e = vardavtal::json::from_str::<Part>(&long).unwrap_err();
/// assert_eq!(e.findings()[0].loc.to_string(), "parent");
/// # Ok::<(), vardavtal::Error>(())
/// ```
pub fn opt_id<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    match Option::<String>::deserialize(d)? {
        Some(s) => match Bounded::Id.excess(&s) {
            Some(n) => Err(serde_error(Bounded::Id, n)),
            None => Ok(Some(s)),
        },
        None => Ok(None),
    }
}

/// Deserialise a recipient code of at most [`MAX_CODE_CHARS`] characters.
///
/// ```
/// #[derive(Debug, serde::Deserialize)]
/// struct Row {
///     #[serde(deserialize_with = "vardavtal::input::bounds::code")]
///     code: String,
/// }
/// assert_eq!(vardavtal::json::from_str::<Row>(r#"{"code": "0114"}"#)?.code, "0114");
/// let long = format!(r#"{{"code": "{}"}}"#, "0".repeat(70));
/// let e = vardavtal::json::from_str::<Row>(&long).unwrap_err();
/// assert_eq!(e.findings()[0].msg, "the recipient code has 70 characters, more than the limit of 64");
/// # Ok::<(), vardavtal::Error>(())
/// ```
pub fn code<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    bounded(d, Bounded::Code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_words_read_back() {
        let e: serde_json::Error = serde_error(Bounded::Code, 70);
        let f = from_serde(&e.to_string(), Loc::root().join("x")).unwrap();
        assert_eq!(f.ctx["length"], "70");
        assert_eq!(f.ctx["limit"], "64");
        assert_eq!(f.ctx["what"], "recipient code");
        assert_eq!(
            f.msg,
            "the recipient code has 70 characters, more than the limit of 64"
        );
        assert!(from_serde("something else", Loc::root()).is_none());
    }

    #[test]
    fn limits_count_characters_not_bytes() {
        assert_eq!(Bounded::Code.excess(&"å".repeat(64)), None);
        assert_eq!(Bounded::Code.excess(&"å".repeat(65)), Some(65));
        assert_eq!(Bounded::Id.excess(&"a".repeat(256)), None);
    }
}
