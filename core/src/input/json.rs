//! Reading JSON input into the model, with errors in the common finding shape: the path
//! of the offending field (`components[1].amount`), the line and column, and a code
//! (`syntax`, `unknown_field`, `invalid_amount`, `invalid_value`).

use serde::de::DeserializeOwned;

use crate::finding::{Error, Loc, LocPart, Result};
use crate::message::Template;
use crate::message::templates::input::{
    FILE_NOT_FOUND, FILE_NOT_REGULAR, FILE_TOO_LARGE, FILE_UNREADABLE, JSON_DUPLICATE_KEY,
    JSON_INVALID_AMOUNT, JSON_INVALID_DATE, JSON_INVALID_VALUE, JSON_SYNTAX, JSON_UNKNOWN_FIELD,
};

/// Parse JSON text into `T`, mapping every failure to an [`Error`] with a location. When
/// well-formed JSON does not read as `T`, the error lists every problem of the document,
/// the one serde stopped at first (see `problems`).
///
/// ```
/// use vardavtal::{Agreement, Code};
/// let e = vardavtal::json::from_str::<Agreement>(r#"{"id": "x", "title": "t", "kind": {"type": "base"},
///   "years": [2022], "components": [{"id": "a", "name": "A", "amount": "1e9"}]}"#).unwrap_err();
/// assert_eq!(e.code(), Code::InvalidAmount);
/// assert_eq!(e.findings()[0].loc.to_string(), "components[0].amount");
/// ```
///
/// # Errors
/// Every problem of the document, the first one serde stopped at first: `syntax` for text
/// that is not JSON (or has text after the value), `unknown_field`, `invalid_amount` for an
/// amount that is not a plain decimal string, `invalid_date` for a date that is not
/// `YYYY-MM-DD`, `duplicate_recipient` for a key given twice in a map (recipients,
/// criteria), and `invalid_value` for any other value `T` refuses, or an id, name or code
/// longer than its [bound](super::bounds) (`text_too_long`).
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value: T = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let loc = path_loc(e.path());
        let inner = e.into_inner();
        let msg = inner.to_string();
        if let Some(f) = super::bounds::from_serde(&msg, loc.clone()) {
            return f.into_error();
        }
        let template = classify(&inner, &msg, text);
        super::problems::every::<T>(text, reading_error(template, loc, &inner))
    })?;
    de.end()
        .map_err(|e| reading_error(&JSON_SYNTAX, Loc::root(), &e))?;
    Ok(value)
}

/// The error of JSON that cannot be read: serde's words as the detail, with the line and
/// column.
fn reading_error(template: &'static Template, loc: Loc, e: &serde_json::Error) -> Error {
    template
        .error(loc)
        .with("detail", e)
        .with("line", e.line())
        .with("column", e.column())
        .into_error()
}

/// The largest file read (256 MiB): a larger one is an `io` error (`file_too_large`)
/// before anything is read. [`read_text_within`] takes another limit.
pub const MAX_FILE_BYTES: u64 = 256 << 20;

/// Read a text file; an `io` error names the file. Only a regular file of at most
/// [`MAX_FILE_BYTES`] is read: a directory, a device (`/dev/zero`) or a pipe is an error
/// before it is opened, so nothing blocks or reads without end.
///
/// ```
/// use std::path::Path;
/// let text = vardavtal::json::read_text(Path::new("data/regions.csv"))?;
/// assert_eq!(text.lines().nth(1), Some("01,Region Stockholm,Stockholms län"));
/// let e = vardavtal::json::read_text(Path::new("data")).unwrap_err(); // a directory
/// assert_eq!((e.code(), e.findings()[0].loc.to_string()), (vardavtal::Code::Io, "data".into()));
/// # Ok::<(), vardavtal::Error>(())
/// ```
///
/// # Errors
/// `io` when there is no such file, it is not a regular file, it is larger than
/// [`MAX_FILE_BYTES`], it cannot be read, or it is not UTF-8.
pub fn read_text(path: &std::path::Path) -> Result<String> {
    read_text_or(path, &FILE_NOT_FOUND, &FILE_UNREADABLE)
}

/// Read a text file as [`read_text`] does, with `max` bytes as the limit.
///
/// ```
/// let e = vardavtal::json::read_text_within(std::path::Path::new("Cargo.toml"), 10).unwrap_err();
/// assert_eq!((e.code(), e.findings()[0].ctx["limit"].as_str()), (vardavtal::Code::Io, "10"));
/// ```
///
/// # Errors
/// As [`read_text`], with `max` as the limit.
pub fn read_text_within(path: &std::path::Path, max: u64) -> Result<String> {
    read_file(path, &FILE_NOT_FOUND, &FILE_UNREADABLE, max)
}

/// Read a text file; an `io` error from `not_found` when there is no such file, else
/// from `unreadable`, names the file and the system's reason.
pub(crate) fn read_text_or(
    path: &std::path::Path,
    not_found: &'static Template,
    unreadable: &'static Template,
) -> Result<String> {
    read_file(path, not_found, unreadable, MAX_FILE_BYTES)
}

/// What a file is, for the context of `file_not_regular`.
fn kind(t: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "fifo";
        }
        if t.is_char_device() {
            return "char_device";
        }
        if t.is_block_device() {
            return "block_device";
        }
        if t.is_socket() {
            return "socket";
        }
    }
    if t.is_dir() { "directory" } else { "other" }
}

/// The reading policy of every file: the file's type and size are checked (`stat`,
/// which never blocks) before it is opened, again on the open file, and at most `max`
/// bytes are read.
fn read_file(
    path: &std::path::Path,
    not_found: &'static Template,
    unreadable: &'static Template,
    max: u64,
) -> Result<String> {
    use std::io::Read;
    let at = || Loc::root().join(path.display().to_string());
    let io = |e: std::io::Error| -> Error {
        let t = match e.kind() {
            std::io::ErrorKind::NotFound => not_found,
            _ => unreadable,
        };
        let f = t
            .error(at())
            .with("path", path.display())
            .with("reason", &e);
        f.into_error().with_source(e)
    };
    let check = |m: &std::fs::Metadata| -> Result<()> {
        if !m.is_file() {
            return Err(FILE_NOT_REGULAR
                .error(at())
                .with("path", path.display())
                .with("kind", kind(m.file_type()))
                .into_error());
        }
        if m.len() > max {
            return Err(FILE_TOO_LARGE
                .error(at())
                .with("path", path.display())
                .with("size", m.len())
                .with("limit", max)
                .into_error());
        }
        Ok(())
    };
    check(&std::fs::metadata(path).map_err(io)?)?;
    let file = std::fs::File::open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    check(&meta)?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(max + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > max {
        // the file grew while it was read
        return Err(FILE_TOO_LARGE
            .error(at())
            .with("path", path.display())
            .with("size", bytes.len())
            .with("limit", max)
            .into_error());
    }
    String::from_utf8(bytes).map_err(|e| {
        match crate::input::text_of(&path.display().to_string(), e.as_bytes()) {
            Err(e) => e,
            Ok(_) => io(std::io::ErrorKind::InvalidData.into()),
        }
    })
}

/// Read and parse a JSON file; error locations start with the file name.
///
/// ```
/// use std::path::Path;
/// use vardavtal::{Agreement, json::from_file};
/// let a: Agreement = from_file(Path::new("catalog/agreements/okad-tillganglighet-2022.json"))?;
/// assert_eq!(a.title, "Ökad tillgänglighet i hälso- och sjukvården 2022");
/// let e = from_file::<Agreement>(Path::new("catalog/packages.json")).unwrap_err();
/// assert!(e.findings()[0].loc.to_string().starts_with("catalog/packages.json"));
/// # Ok::<(), vardavtal::Error>(())
/// ```
///
/// # Errors
/// Every error of [`read_text`] (`io`), then every error of [`from_str`], located under the
/// file name, its values left out of the messages.
pub fn from_file<T: DeserializeOwned>(path: &std::path::Path) -> Result<T> {
    let text = read_text(path)?;
    from_str(&text).map_err(|e| {
        super::redacted(e, &text).prefixed(&Loc::root().join(path.display().to_string()))
    })
}

/// Deserialise a JSON object into a map whose keys must be unique: a key given twice is an
/// error ("appears more than once"), not a silent last-wins.
///
/// ```
/// use std::collections::BTreeMap;
/// #[derive(Debug, serde::Deserialize)]
/// struct Weights {
///     #[serde(deserialize_with = "vardavtal::json::unique_map")]
///     w: BTreeMap<String, u32>,
/// }
/// assert_eq!(vardavtal::json::from_str::<Weights>(r#"{"w": {"01": 1, "03": 2}}"#)?.w.len(), 2);
/// let e = vardavtal::json::from_str::<Weights>(r#"{"w": {"01": 1, "01": 2}}"#).unwrap_err();
/// assert_eq!(e.code(), vardavtal::Code::DuplicateRecipient);
/// assert!(e.findings()[0].msg.starts_with("recipient code or key 01 appears more than once"));
/// # Ok::<(), vardavtal::Error>(())
/// ```
pub fn unique_map<'de, D, K, V>(
    d: D,
) -> std::result::Result<std::collections::BTreeMap<K, V>, D::Error>
where
    D: serde::Deserializer<'de>,
    K: serde::Deserialize<'de> + Ord + std::fmt::Display,
    V: serde::Deserialize<'de>,
{
    struct Vis<K, V>(std::marker::PhantomData<(K, V)>);
    impl<'de, K, V> serde::de::Visitor<'de> for Vis<K, V>
    where
        K: serde::Deserialize<'de> + Ord + std::fmt::Display,
        V: serde::Deserialize<'de>,
    {
        type Value = std::collections::BTreeMap<K, V>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an object with unique keys")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut m: A,
        ) -> std::result::Result<Self::Value, A::Error> {
            let mut out = std::collections::BTreeMap::new();
            while let Some(k) = m.next_key::<K>()? {
                if out.contains_key(&k) {
                    return Err(serde::de::Error::custom(format!(
                        "recipient code or key {k} appears more than once"
                    )));
                }
                let v = m.next_value()?;
                out.insert(k, v);
            }
            Ok(out)
        }
    }
    d.deserialize_map(Vis(std::marker::PhantomData))
}

/// The template (and so the code) of a JSON reading error. serde reports a value of the
/// wrong type for an enum as a syntax error ("expected value"); when the text is
/// well-formed JSON, it is a wrong value.
pub(super) fn classify(e: &serde_json::Error, msg: &str, text: &str) -> &'static Template {
    use serde_json::error::Category;
    let amount = [
        "not a plain decimal",
        "plain decimal number as a string",
        "an amount as a plain decimal string",
    ];
    let date = [
        "YYYY-MM",
        "input contains invalid characters",
        "premature end of input",
        "input is out of range",
        "trailing input",
    ];
    match e.classify() {
        Category::Syntax
            if msg.starts_with("expected value")
                && serde_json::from_str::<serde_json::Value>(text).is_ok() =>
        {
            &JSON_INVALID_VALUE
        }
        Category::Syntax | Category::Eof | Category::Io => &JSON_SYNTAX,
        Category::Data if msg.starts_with("unknown field") => &JSON_UNKNOWN_FIELD,
        Category::Data if msg.contains("appears more than once") => &JSON_DUPLICATE_KEY,
        Category::Data if amount.iter().any(|m| msg.contains(m)) => &JSON_INVALID_AMOUNT,
        Category::Data if date.iter().any(|m| msg.contains(m)) => &JSON_INVALID_DATE,
        Category::Data => &JSON_INVALID_VALUE,
    }
}

pub(super) fn path_loc(path: &serde_path_to_error::Path) -> Loc {
    use serde_path_to_error::Segment;
    Loc(path
        .iter()
        .filter_map(|s| match s {
            Segment::Seq { index } => Some(LocPart::Index(*index as u64)),
            Segment::Map { key } => Some(LocPart::Key(key.clone())),
            Segment::Enum { .. } | Segment::Unknown => None,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Agreement;
    use crate::finding::Code;

    #[test]
    fn syntax_errors_have_line_and_column() {
        let e = from_str::<Agreement>("{\n  \"id\": }").unwrap_err();
        assert_eq!(e.code(), Code::Syntax);
        assert_eq!(
            e.findings()[0].ctx.get("line").map(String::as_str),
            Some("2")
        );
    }

    #[test]
    fn trailing_garbage_is_an_error() {
        let e =
            from_str::<Agreement>(r#"{"id":"x","title":"t","kind":{"type":"base"},"years":[1]} x"#)
                .unwrap_err();
        assert_eq!(e.code(), Code::Syntax);
    }

    #[test]
    fn wrong_types_name_the_field() {
        let e = from_str::<Agreement>(
            r#"{"id":"x","title":"t","kind":{"type":"base"},"years":["2022"]}"#,
        )
        .unwrap_err();
        assert_eq!(e.code(), Code::InvalidValue);
        assert_eq!(e.findings()[0].loc.to_string(), "years[0]");
    }
}
