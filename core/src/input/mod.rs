//! Reading what a user gives: one policy, for every skin, that turns an argument (text,
//! JSON, a path, a catalog id, a key spec) into an agreement, a key, outcomes or a
//! published table. The CLI, Python and JavaScript call these, so the same argument means
//! the same thing everywhere.
//!
//! | argument | agreement | key | outcomes | table |
//! | --- | --- | --- | --- | --- |
//! | JSON text (starts with `{`) | parsed | — | parsed | — |
//! | a catalog id | the catalog's | — | — | — |
//! | a key spec (`population:regions:2021-11-01`) | — | resolved | — | — |
//! | CSV text (has a line break or a comma) | — | `code,weight` | — | the table text |
//! | anything else | a file path | a CSV file path | a file path | a file path |
//!
//! ```
//! use vardavtal::input;
//! let a = input::agreement("okad-tillganglighet-2022")?;
//! assert_eq!(a.id, "okad-tillganglighet-2022");
//! let k = input::key("code,weight\n01,2\n03,1\n")?;
//! assert_eq!(k.len(), 2);
//! assert_eq!(input::key("population:regions:2021-11-01")?.len(), 21);
//! let e = input::agreement("okad-tillganglighet-2021").unwrap_err();
//! assert_eq!(e.code(), vardavtal::Code::UnknownAgreement);
//! # Ok::<(), vardavtal::Error>(())
//! ```

pub mod args;
pub mod json;
mod problems;

use std::path::Path;

use crate::agreement::Agreement;
use crate::catalog::catalog;
use crate::finding::{Loc, Result};
use crate::key::Key;
use crate::message::templates::input::{
    TABLE_FILE_NOT_FOUND, TABLE_FILE_UNREADABLE, TEXT_NOT_UTF8, TEXT_NOT_UTF8_INCOMPLETE,
};
use crate::outcomes::Outcomes;
use crate::reconcile::PublishedTable;
use crate::reference::Level;

fn is_json(arg: &str) -> bool {
    arg.trim_start().starts_with('{')
}

/// Whether an argument reads as an id rather than a file name (`komiljard-2019`, not
/// `a.json` or `dir/a`).
fn looks_like_id(arg: &str) -> bool {
    !arg.is_empty()
        && arg
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// An agreement from JSON text, a catalog id or the path of an agreement file. An id that
/// is neither in the catalog nor a file is an `unknown_agreement` error with the closest
/// ids.
pub fn agreement(arg: &str) -> Result<Agreement> {
    if is_json(arg) {
        return Agreement::from_json(arg);
    }
    let cat = catalog()?;
    if let Some(a) = cat.agreement(arg) {
        return Ok(a.clone());
    }
    if looks_like_id(arg) && !Path::new(arg).exists() {
        return cat.find_agreement(arg).cloned();
    }
    Agreement::from_file(Path::new(arg))
}

/// A key from a key spec (`population:regions:DATE`, `population:municipalities:DATE`,
/// `needs:regions:2024`), CSV text with columns `code,weight` (it has a line break or a
/// comma), or the path of such a CSV file.
pub fn key(arg: &str) -> Result<Key> {
    if arg.contains(['\n', ',']) {
        return Key::from_text("key", arg);
    }
    Key::from_arg(arg.trim())
}

/// An agreement given as text by a skin that has no files (the browser): a catalog id
/// (an unknown id is an `unknown_agreement` error with the closest ids), else JSON text,
/// never a path.
///
/// ```
/// use vardavtal::input;
/// assert_eq!(input::agreement_text("okad-tillganglighet-2022")?.id, "okad-tillganglighet-2022");
/// assert_eq!(input::agreement_text("okad-tillganglighet-2021").unwrap_err().code(), vardavtal::Code::UnknownAgreement);
/// assert_eq!(input::agreement_text("").unwrap_err().code(), vardavtal::Code::Syntax);
/// assert_eq!(input::agreement_text("[1]").unwrap_err().code(), input::agreement_text("[1]").unwrap_err().code());
/// # Ok::<(), vardavtal::Error>(())
/// ```
pub fn agreement_text(arg: &str) -> Result<Agreement> {
    if looks_like_id(arg) {
        return catalog()?.find_agreement(arg).cloned();
    }
    Agreement::from_json(arg)
}

/// A key given as text by a skin that has no files (the browser): a key spec or CSV text
/// with columns `code,weight`, never a path; its errors are located under `key`, the
/// argument's name.
///
/// ```
/// use vardavtal::input;
/// assert_eq!(input::key_text("code,weight\n01,1\n")?.len(), 1);
/// let e = input::key_text("befolkning").unwrap_err();
/// assert_eq!((e.code(), e.findings()[0].loc.to_string()), (vardavtal::Code::InvalidValue, "key".to_owned()));
/// # Ok::<(), vardavtal::Error>(())
/// ```
pub fn key_text(arg: &str) -> Result<Key> {
    Key::from_text("key", arg)
}

/// Performance outcomes from JSON text or the path of an outcomes file.
pub fn outcomes(arg: &str) -> Result<Outcomes> {
    if is_json(arg) {
        return Outcomes::from_json(arg);
    }
    Outcomes::from_file(Path::new(arg))
}

/// The name and text of a published table: the argument itself when it has a line break
/// (named `"table"`), else the text of the file it names (named by its path). A file that
/// cannot be read says that an argument without a line break is read as a path.
///
/// ```
/// let (name, text) = vardavtal::input::table_text("Region Uppsala 5 kr\n")?;
/// assert_eq!((name.as_str(), text.as_str()), ("table", "Region Uppsala 5 kr\n"));
/// let e = vardavtal::input::table_text("no-such-table.txt").unwrap_err();
/// assert_eq!(e.code(), vardavtal::Code::Io);
/// assert!(e.findings()[0].msg.contains("line break"));
/// # Ok::<(), vardavtal::Error>(())
/// ```
pub fn table_text(arg: &str) -> Result<(String, String)> {
    if arg.contains('\n') {
        return Ok(("table".to_owned(), arg.to_owned()));
    }
    let path = Path::new(arg);
    let text = crate::json::read_text_or(path, &TABLE_FILE_NOT_FOUND, &TABLE_FILE_UNREADABLE)?;
    Ok((path.display().to_string(), text))
}

/// A published table from its text or the path of a file ([`table_text`]).
pub fn table(arg: &str) -> Result<PublishedTable> {
    let (name, text) = table_text(arg)?;
    PublishedTable::parse(&name, &text)
}

/// The contents of a file already read (a Python or JavaScript file object) as text: an
/// `io` error at `name` when the bytes are not UTF-8.
///
/// ```
/// let e = vardavtal::input::text_of("table", b"Region Uppsala \xff\n").unwrap_err();
/// assert_eq!(e.code(), vardavtal::Code::Io);
/// ```
pub fn text_of(name: &str, bytes: &[u8]) -> Result<String> {
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        let e = e.utf8_error();
        let f = match e.error_len() {
            Some(n) => TEXT_NOT_UTF8.error(Loc::root().join(name)).with("bytes", n),
            None => TEXT_NOT_UTF8_INCOMPLETE.error(Loc::root().join(name)),
        };
        f.with("path", name).with("index", e.valid_up_to()).into()
    })
}

/// A level of recipients: `"regions"` or `"municipalities"` (else `invalid_value` at
/// `level`).
///
/// ```
/// use vardavtal::{input, reference::Level};
/// assert_eq!(input::level("municipalities")?, Level::Municipalities);
/// assert!(input::level("counties").is_err());
/// # Ok::<(), vardavtal::Error>(())
/// ```
pub fn level(arg: &str) -> Result<Level> {
    arg.parse::<Level>()
        .map_err(|e| e.prefixed(&Loc::root().join("level")))
}

/// Validate agreement files (paths, catalog ids or JSON text, read as [`agreement`]) together,
/// with outcomes when given: a file that does not read is a finding too, and the others
/// are still checked.
pub fn validate_files(files: &[String], outcomes: Option<Outcomes>) -> Vec<crate::Finding> {
    let mut findings = Vec::new();
    let mut agreements = Vec::new();
    for f in files {
        match agreement(f) {
            Ok(a) => agreements.push(a),
            Err(e) => findings.extend(e.into_findings()),
        }
    }
    findings.extend(match outcomes {
        Some(outcomes) => crate::validate::validate_with_options(
            &agreements,
            &crate::Options {
                outcomes,
                ..crate::Options::default()
            },
        ),
        None => crate::validate::validate_all(&agreements),
    });
    findings
}
