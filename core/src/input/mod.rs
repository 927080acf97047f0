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
//! That table is the command line's: its arguments are paths by contract. A skin that gets
//! strings from code (Python's `str`, JavaScript) never reads one as a path: it calls the
//! `*_text` readers ([`agreement_text`], [`key_text`], [`outcomes_text`]; a table's text is
//! the string itself), and the `*_file` readers ([`agreement_file`], [`key_file`],
//! [`outcomes_file`], [`table_file`]) only for what is a path (Python's `os.PathLike`).
//! Errors from a file never echo its contents: a value of the file in a message is
//! replaced by `…`, and the location (the file, line and column or field) says where.
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
pub mod bounds;
pub mod host;
pub mod json;
pub use json::MAX_FILE_BYTES;
mod problems;

use std::path::Path;

use crate::agreement::Agreement;
use crate::catalog::catalog;
use crate::finding::{Loc, Result};
use crate::key::Key;
use crate::message::templates::input::{
    KEY_TEXT_NOT_A_FILE, TABLE_FILE_NOT_FOUND, TABLE_FILE_UNREADABLE, TEXT_NOT_UTF8,
    TEXT_NOT_UTF8_INCOMPLETE,
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
///
/// ```
/// use vardavtal::{Code, input};
/// assert_eq!(input::agreement("okad-tillganglighet-2022")?.years, [2022]);
/// let json = r#"{"id": "x", "title": "X", "kind": {"type": "base"}, "years": [2022]}"#;
/// assert_eq!(input::agreement(json)?.id, "x");
/// assert_eq!(input::agreement("okad-tillganglighet-2021").unwrap_err().code(), Code::UnknownAgreement);
/// # Ok::<(), vardavtal::Error>(())
/// ```
///
/// # Errors
/// For JSON text, every error of [`Agreement::from_json`]; `unknown_agreement` for an id
/// that is neither in the catalog nor a file; for a path, every error of
/// [`agreement_file`].
pub fn agreement(arg: &str) -> Result<Agreement> {
    if is_json(arg) {
        return Agreement::from_json(arg);
    }
    let cat = catalog();
    if let Some(a) = cat.agreement(arg) {
        return Ok(a.clone());
    }
    if looks_like_id(arg) && !Path::new(arg).exists() {
        return cat.find_agreement(arg).cloned();
    }
    agreement_file(Path::new(arg))
}

/// An agreement from the file at `path` (a path the caller knows is one); error locations
/// start with the file name, and no message echoes the file's contents.
///
/// ```
/// use std::path::Path;
/// let a = vardavtal::input::agreement_file(Path::new("catalog/agreements/okad-tillganglighet-2022.json"))?;
/// assert_eq!((a.id.as_str(), a.years.as_slice()), ("okad-tillganglighet-2022", &[2022][..]));
/// let e = vardavtal::input::agreement_file(Path::new("data/regions.csv")).unwrap_err();
/// assert_eq!((e.code(), e.findings()[0].loc.to_string()), (vardavtal::Code::Syntax, "data/regions.csv".into()));
/// # Ok::<(), vardavtal::Error>(())
/// ```
///
/// # Errors
/// Every error of [`crate::json::from_file`]: `io`, then those of [`Agreement::from_json`].
pub fn agreement_file(path: &Path) -> Result<Agreement> {
    crate::json::from_file(path)
}

/// A key from the CSV file at `path` (columns `code,weight`; a path the caller knows is
/// one), its errors located under the file name, none echoing the file's contents.
///
/// ```
/// use std::path::Path;
/// // columns region_code,weight,source: the weights of the needs key of 2024
/// let key = vardavtal::input::key_file(Path::new("data/needs_key_regions_2024.csv"))?;
/// assert_eq!(key.len(), 21);
/// let e = vardavtal::input::key_file(Path::new("no-such-key.csv")).unwrap_err();
/// assert_eq!(e.code(), vardavtal::Code::Io);
/// # Ok::<(), vardavtal::Error>(())
/// ```
///
/// # Errors
/// Every error of [`crate::json::read_text`] (`io`), then every error of [`Key::from_csv`],
/// located under the file name.
pub fn key_file(path: &Path) -> Result<Key> {
    let text = crate::json::read_text(path)?;
    let name = path.display().to_string();
    Key::from_csv(&name, &text, &[]).map_err(|e| redacted(e, &text))
}

/// Performance outcomes from JSON text, never a path; its errors are located under
/// `outcomes`.
///
/// ```
/// let e = vardavtal::input::outcomes_text("examples/demo-outcomes.json").unwrap_err();
/// assert_eq!(e.code(), vardavtal::Code::Syntax);
/// ```
///
/// # Errors
/// Every error of [`Outcomes::from_json`].
pub fn outcomes_text(arg: &str) -> Result<Outcomes> {
    Outcomes::from_json(arg)
}

/// Performance outcomes from the JSON file at `path`.
///
/// ```
/// use std::path::Path;
/// use vardavtal::{RecipientId, input};
/// let path = std::env::temp_dir().join(format!("outcomes-{}.json", std::process::id()));
/// std::fs::write(&path, r#"{"vardgaranti": {"01": {"value": "0.61"}}}"#)?;
/// let o = input::outcomes_file(&path)?;
/// # std::fs::remove_file(&path)?;
/// let stockholm = o.get("vardgaranti", &RecipientId::new("01"));
/// assert_eq!(stockholm.and_then(|x| x.value), Some("0.61".parse()?));
/// assert_eq!(input::outcomes_file(Path::new("no-such.json")).unwrap_err().code(), vardavtal::Code::Io);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// Every error of [`Outcomes::from_file`]: `io`, then those of [`Outcomes::from_json`].
pub fn outcomes_file(path: &Path) -> Result<Outcomes> {
    crate::json::from_file(path)
}

/// The name and text of the published table in the file at `path` (named by its path).
///
/// ```
/// use std::path::Path;
/// let (name, text) = vardavtal::input::table_file(Path::new("catalog/tables/forlossningsvard-2019.csv"))?;
/// assert_eq!(name, "catalog/tables/forlossningsvard-2019.csv");
/// assert_eq!(text.lines().next(), Some("region,amount"));
/// assert_eq!(text.lines().count(), 23);
/// # Ok::<(), vardavtal::Error>(())
/// ```
///
/// # Errors
/// `io` when the file cannot be read, as [`crate::json::read_text`] says (no such file, not
/// a regular file, too large, unreadable, not UTF-8).
pub fn table_file(path: &Path) -> Result<(String, String)> {
    let text = crate::json::read_text_or(path, &TABLE_FILE_NOT_FOUND, &TABLE_FILE_UNREADABLE)?;
    Ok((path.display().to_string(), text))
}

/// Context values that are never the file's own words: where it is and why it failed.
const NOT_CONTENTS: &[&str] = &[
    "path", "line", "column", "index", "bytes", "reason", "expected", "names", "what", "more",
    "count", "missing", "length", "limit", "what.sv", "columns",
];

/// `e` (from reading `text`, the contents of a file) with every value of the file left out
/// of its messages: a context value found in `text` becomes `…`, and so does a quoted
/// part of a value (an excerpt, the JSON reader's detail); the location stays.
pub(crate) fn redacted(e: crate::Error, text: &str) -> crate::Error {
    let hide = |v: &str| !v.is_empty() && text.contains(v);
    let findings = e
        .into_findings()
        .into_iter()
        .map(|mut f| {
            let mut changed = false;
            for (k, v) in f.ctx.iter_mut() {
                if NOT_CONTENTS.contains(&k.as_str()) {
                    continue;
                }
                let new = if k != "detail" && hide(v) {
                    "…".to_owned()
                } else {
                    redact_quoted(v, &hide)
                };
                if new != *v {
                    *v = new;
                    changed = true;
                }
            }
            if let (true, Some(t)) = (changed, f.template) {
                f.msg = t.render(crate::message::Lang::En, &f.ctx);
            } else if f.template.is_none() {
                f.msg = redact_quoted(&f.msg, &hide);
            }
            f
        })
        .collect();
    crate::Error::from_findings(findings)
}

/// `s` with every `"…"` or `` `…` `` quoted part that `hide` says is the file's replaced
/// by `…`.
fn redact_quoted(s: &str, hide: &dyn Fn(&str) -> bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(['"', '`']) {
        let q = &rest[i..i + 1];
        out.push_str(&rest[..=i]);
        let after = &rest[i + 1..];
        match after.find(q) {
            Some(j) => {
                let inner = &after[..j];
                out.push_str(if hide(inner) { "…" } else { inner });
                out.push_str(q);
                rest = &after[j + 1..];
            }
            None => {
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A key from a key spec (`population:regions:DATE`, `population:municipalities:DATE`,
/// `needs:regions:2024`), CSV text with columns `code,weight` (it has a line break or a
/// comma), or the path of such a CSV file.
///
/// ```
/// use vardavtal::{Code, input};
/// assert_eq!(input::key("population:regions:2021-11-01")?.len(), 21);
/// assert_eq!(input::key("code,weight\n01,1\n03,1\n")?.len(), 2);
/// assert_eq!(input::key("no/such/key.csv").unwrap_err().code(), Code::Io);
/// # Ok::<(), vardavtal::Error>(())
/// ```
///
/// # Errors
/// For CSV text, every error of [`Key::from_text`]; else every error of [`Key::from_arg`]
/// (a key spec, or the path of a CSV file).
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
///
/// # Errors
/// `unknown_agreement` for an id the catalog does not have; else every error of
/// [`Agreement::from_json`].
pub fn agreement_text(arg: &str) -> Result<Agreement> {
    if looks_like_id(arg) {
        return catalog().find_agreement(arg).cloned();
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
///
/// # Errors
/// `invalid_value` (`key_text_not_a_file`) for a string that reads as a file name; else
/// every error of [`Key::from_text`], located under `key`.
pub fn key_text(arg: &str) -> Result<Key> {
    if names_a_file(arg) {
        return Err(not_a_file(arg).prefixed(&Loc::root().join("key")));
    }
    Key::from_text("key", arg)
}

/// A key given as a string by a skin that locates the errors itself (Python): CSV text
/// with columns `code,weight` (it has a line break or a comma) or a key spec, never a
/// path; a string that reads as a file name is an `invalid_value` error saying so.
///
/// ```
/// use vardavtal::input;
/// assert_eq!(input::key_string("population:regions:2021-11-01")?.len(), 21);
/// let e = input::key_string("/proc/self/environ").unwrap_err();
/// assert_eq!((e.code(), e.findings()[0].loc.to_string()), (vardavtal::Code::InvalidValue, "(root)".to_owned()));
/// # Ok::<(), vardavtal::Error>(())
/// ```
///
/// # Errors
/// For CSV text, every error of [`Key::from_text`]; `invalid_value` (`key_text_not_a_file`)
/// for a string that reads as a file name; else every error of [`Key::from_spec`].
pub fn key_string(arg: &str) -> Result<Key> {
    // a byte-order mark starts CSV text (as it starts a file): "\u{feff}" alone is CSV with
    // no header, as in `key_text` and a file
    if arg.contains(['\n', ',']) || arg.starts_with('\u{feff}') {
        return Key::from_text("key", arg);
    }
    if names_a_file(arg) {
        return Err(not_a_file(arg));
    }
    Key::from_spec(arg.trim())
}

/// An amount typed by a person (plain `"443000000"` or Swedish `"443 miljoner kronor"`),
/// its errors located at `arg`, the argument's name (the command line's `split AMOUNT`, as
/// Python's and JavaScript's `amount`).
///
/// ```
/// let e = vardavtal::input::amount("1e9", "amount").unwrap_err();
/// assert_eq!(e.findings()[0].loc.to_string(), "amount");
/// ```
///
/// # Errors
/// Every error of [`Sek::parse_any`](crate::Sek::parse_any) (`invalid_amount`), located at
/// `arg`.
pub fn amount(text: &str, arg: &str) -> Result<crate::Sek> {
    crate::Sek::parse_any(text).map_err(|e| e.prefixed(&Loc::root().join(arg)))
}

/// Whether a one-line string that is no key spec reads as the name of a file.
fn names_a_file(arg: &str) -> bool {
    let t = arg.trim();
    let spec = t.starts_with("population:") || t.starts_with("needs:");
    !t.is_empty()
        && !t.contains(['\n', ','])
        && !spec
        && (t.contains(['/', '\\']) || t.ends_with(".csv") || t.ends_with(".txt"))
}

/// The error of a string given as a key that names a file: strings are never read as files.
fn not_a_file(arg: &str) -> crate::Error {
    KEY_TEXT_NOT_A_FILE
        .error(Loc::root())
        .with("input", crate::finding::excerpt(arg.trim()))
        .into_error()
}

/// Performance outcomes from JSON text or the path of an outcomes file.
///
/// ```
/// let o = vardavtal::input::outcomes(r#"{"wait90": {"01": {"met": true}}}"#)?;
/// assert_eq!(o.get("wait90", &"01".into()).and_then(|x| x.met), Some(true));
/// # Ok::<(), vardavtal::Error>(())
/// ```
///
/// # Errors
/// Every error of [`outcomes_text`] for JSON text, else of [`outcomes_file`].
pub fn outcomes(arg: &str) -> Result<Outcomes> {
    if is_json(arg) {
        return outcomes_text(arg);
    }
    outcomes_file(Path::new(arg))
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
///
/// # Errors
/// For an argument without a line break, every error of [`table_file`] (`io`).
pub fn table_text(arg: &str) -> Result<(String, String)> {
    if arg.contains('\n') {
        return Ok(("table".to_owned(), arg.to_owned()));
    }
    table_file(Path::new(arg))
}

/// A published table from its text or the path of a file ([`table_text`]).
///
/// ```
/// let t = vardavtal::input::table("Region Uppsala 5 kr\nRegion Stockholm 10 kr\n")?;
/// assert_eq!(t.rows.len(), 2);
/// # Ok::<(), vardavtal::Error>(())
/// ```
///
/// # Errors
/// Every error of [`table_text`], then of [`PublishedTable::parse`].
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
///
/// # Errors
/// `io` (`text_not_utf8`, `text_not_utf8_incomplete`) when the bytes are not UTF-8.
pub fn text_of(name: &str, bytes: &[u8]) -> Result<String> {
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        let e = e.utf8_error();
        let f = match e.error_len() {
            Some(n) => TEXT_NOT_UTF8.error(Loc::root().join(name)).with("bytes", n),
            None => TEXT_NOT_UTF8_INCOMPLETE.error(Loc::root().join(name)),
        };
        f.with("path", name)
            .with("index", e.valid_up_to())
            .into_error()
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
///
/// # Errors
/// `invalid_value`, located at `level`, for any other text.
pub fn level(arg: &str) -> Result<Level> {
    arg.parse::<Level>()
        .map_err(|e| e.prefixed(&Loc::root().join("level")))
}

/// A recipient code as typed: the white space around it removed (`" 12 "` is `12`).
///
/// ```
/// use vardavtal::input;
/// assert_eq!(input::recipient(" 12\n").as_str(), "12");
/// ```
pub fn recipient(arg: &str) -> crate::RecipientId {
    crate::RecipientId::new(arg.trim())
}

/// Validate agreement files (paths, catalog ids or JSON text, read as [`agreement`]) together,
/// with outcomes when given: a file that does not read is a finding too, and the others
/// are still checked.
///
/// ```
/// use vardavtal::{Code, input::validate_files};
/// let findings = validate_files(&["okad-tillganglighet-2022".into(), "no-such-agreement".into()], None);
/// let codes: Vec<_> = findings.iter().map(|f| f.code).collect();
/// assert_eq!(codes, [Code::UnknownAgreement, Code::DefaultKey]);
/// ```
pub fn validate_files(files: &[String], outcomes: Option<Outcomes>) -> Vec<crate::Finding> {
    let mut findings = Vec::new();
    let mut agreements = Vec::new();
    for f in files {
        match agreement(f) {
            Ok(a) => agreements.push(a),
            Err(e) => findings.extend(e.into_findings()),
        }
    }
    let opts = outcomes.map(|o| crate::Options::new().with_outcomes(o));
    let checks = crate::validate::Checks {
        options: opts.as_ref(),
        ..crate::validate::Checks::new()
    };
    findings.extend(crate::validate::validate(&agreements, &checks));
    findings
}

#[cfg(test)]
mod tests {
    use crate::finding::Code;

    #[test]
    fn a_str_that_names_a_file_is_not_read() {
        let e = super::key_text("/proc/self/environ").unwrap_err();
        assert_eq!(e.code(), Code::InvalidValue);
        assert_eq!(e.findings()[0].loc.to_string(), "key");
        assert!(e.findings()[0].msg.contains("never the name of a file"));
        assert!(super::outcomes_text("/etc/passwd").is_err());
        assert_ne!(
            super::agreement_text("/etc/passwd").unwrap_err().code(),
            Code::Io
        );
    }

    #[test]
    fn errors_from_a_file_do_not_echo_its_contents() {
        let dir = std::env::temp_dir().join(format!("vardavtal-redact-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let k = dir.join("k.csv");
        std::fs::write(&k, "HEMLIG=1,x\n01,2\n").unwrap();
        let e = super::key_file(&k).unwrap_err();
        assert!(!format!("{e:?}").contains("HEMLIG"), "{e:?}");
        std::fs::write(&k, "code,weight\n01,HEMLIG\nHEMLIG2,1\n").unwrap();
        let e = super::key_file(&k).unwrap_err();
        assert!(!format!("{e:?}").contains("HEMLIG"), "{e:?}");
        let a = dir.join("a.json");
        std::fs::write(
            &a,
            r#"{"id": "x", "title": "t", "kind": {"type": "HEMLIG"}, "years": ["HEMLIG"]}"#,
        )
        .unwrap();
        let e = super::agreement_file(&a).unwrap_err();
        assert!(!format!("{e:?}").contains("HEMLIG"), "{e:?}");
        std::fs::remove_dir_all(&dir).ok();
    }
}

#[cfg(all(test, unix))]
mod files {
    use crate::finding::Code;
    use std::path::Path;
    use std::time::{Duration, Instant};

    #[test]
    fn only_regular_files_are_read_promptly() {
        let start = Instant::now();
        for p in ["/dev/zero", "/dev/null", "/tmp"] {
            if !Path::new(p).exists() {
                continue;
            }
            let e = super::key_file(Path::new(p)).unwrap_err();
            assert_eq!(e.code(), Code::Io, "{p}");
            assert!(!e.findings()[0].ctx["kind"].is_empty());
            assert!(super::agreement_file(Path::new(p)).is_err());
            assert!(super::table_file(Path::new(p)).is_err());
            assert!(super::outcomes_file(Path::new(p)).is_err());
        }
        // a FIFO with no writer: refused before it is opened, so nothing blocks
        let fifo = std::env::temp_dir().join(format!("vardavtal-fifo-{}", std::process::id()));
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            let e = super::key_file(&fifo).unwrap_err();
            assert_eq!(e.findings()[0].ctx["kind"], "fifo");
            let e = super::agreement(&fifo.display().to_string()).unwrap_err();
            assert_eq!(e.code(), Code::Io);
            std::fs::remove_file(&fifo).ok();
        }
        assert!(start.elapsed() < Duration::from_secs(5));
    }

    #[test]
    fn a_file_over_the_limit_is_refused_before_it_is_read() {
        let e = crate::json::read_text_within(Path::new("Cargo.toml"), 8).unwrap_err();
        let f = &e.findings()[0];
        assert_eq!((f.code, f.ctx["limit"].as_str()), (Code::Io, "8"));
        assert!(
            f.msg.contains("more than the limit of 8 bytes"),
            "{}",
            f.msg
        );
        assert_eq!(super::MAX_FILE_BYTES, 256 << 20);
    }
}
