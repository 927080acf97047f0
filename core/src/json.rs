//! Reading JSON input into the model, with errors in the common finding shape: the path
//! of the offending field (`components[1].amount`), the line and column, and a code
//! (`syntax`, `unknown_field`, `invalid_amount`, `invalid_value`).

use serde::de::DeserializeOwned;

use crate::finding::{Code, Error, Loc, LocPart, Result};

/// Parse JSON text into `T`, mapping every failure to an [`Error`] with a location.
///
/// ```
/// use vardavtal::{Agreement, Code};
/// let e = vardavtal::json::from_str::<Agreement>(r#"{"id": "x", "title": "t", "kind": {"type": "base"},
///   "years": [2022], "components": [{"id": "a", "name": "A", "amount": "1e9"}]}"#).unwrap_err();
/// assert_eq!(e.code(), Code::InvalidAmount);
/// assert_eq!(e.findings()[0].loc.to_string(), "components[0].amount");
/// ```
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value: T = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let loc = path_loc(e.path());
        let inner = e.into_inner();
        let msg = inner.to_string();
        let code = classify(&inner, &msg);
        Error::new(code, loc, msg)
            .with("line", inner.line())
            .with("column", inner.column())
    })?;
    de.end().map_err(|e| {
        Error::new(Code::Syntax, Loc::root(), e.to_string())
            .with("line", e.line())
            .with("column", e.column())
    })?;
    Ok(value)
}

/// Read a text file; an `io` error names the file.
pub fn read_text(path: &std::path::Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| {
        Error::new(
            Code::Io,
            Loc::root().join(path.display().to_string()),
            format!("cannot read {}: {e}", path.display()),
        )
        .with("path", path.display())
    })
}

/// Read and parse a JSON file; error locations start with the file name.
pub fn from_file<T: DeserializeOwned>(path: &std::path::Path) -> Result<T> {
    let text = read_text(path)?;
    from_str(&text).map_err(|e| e.prefixed(&Loc::root().join(path.display().to_string())))
}

fn classify(e: &serde_json::Error, msg: &str) -> Code {
    use serde_json::error::Category;
    match e.classify() {
        Category::Syntax | Category::Eof | Category::Io => Code::Syntax,
        Category::Data if msg.starts_with("unknown field") => Code::UnknownField,
        Category::Data
            if msg.contains("not a plain decimal")
                || msg.contains("plain decimal number as a string") =>
        {
            Code::InvalidAmount
        }
        Category::Data
            if msg.contains("YYYY-MM")
                || msg.contains("input contains invalid characters")
                || msg.contains("premature end of input") =>
        {
            Code::InvalidDate
        }
        Category::Data => Code::InvalidValue,
    }
}

fn path_loc(path: &serde_path_to_error::Path) -> Loc {
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
