//! Escaping what users wrote before it reaches a terminal, a spreadsheet or a message: the
//! one place that decides how an id, a name or a code from the input is shown.
//!
//! - [`controls`]: control characters (C0 but none kept, DEL, C1, and the Unicode
//!   bidirectional overrides and line separators) written as `\u{1b}`, so that an ANSI or
//!   OSC escape in an id (`"\u{1b}]8;;http://…"`) reaches a terminal as text, never as a
//!   command, and a line break in a name cannot forge a line of output. Used by the text
//!   of every table ([`crate::view::Table::to_text`]) and every message and location
//!   ([`crate::Finding`]'s display).
//! - [`shown`]: as [`controls`], and a value longer than [`MAX_SHOWN_CHARS`] (more than any
//!   id, name or code may be: [`crate::input::bounds`]) shortened in the middle with the
//!   count of characters left out, so that a 50 MB value makes an error line of about a
//!   kilobyte (the value itself stays whole in the finding's `ctx`).
//! - [`formula`]: a text cell that a spreadsheet would run as a formula (it starts with
//!   `=`, `+`, `-`, `@`, a tab or a carriage return: `=HYPERLINK(…)`, `@SUM(…)`) prefixed
//!   with `'`, as OWASP's CSV-injection advice has it. The Swedish CSV and the XLSX write
//!   text cells through it; amounts and other numbers are numbers there and are never
//!   touched, so `-5` stays a negative amount. The plain CSV keeps every value exact and
//!   is not neutralised (documented at [`crate::view::Table::to_csv`]).
//!
//! ```
//! use vardavtal::escape;
//! assert_eq!(escape::controls("a\u{1b}[31mb\n"), "a\\u{1b}[31mb\\u{a}");
//! assert_eq!(escape::formula("=1+2"), "'=1+2");
//! assert_eq!(escape::formula("Region Uppsala"), "Region Uppsala");
//! let long = "9".repeat(1_000_000);
//! assert!(escape::shown(&long).len() < 1_100);
//! ```

use std::borrow::Cow;
use std::fmt::Write;

/// The most characters of a value a message or a location shows, more than any id, name
/// or code may have; a longer value is shortened in the middle (`first … (999 100
/// characters left out) … last`).
pub const MAX_SHOWN_CHARS: usize = 1_024;

/// Whether `c` is escaped in output for people: C0 controls (tab and line breaks too: a
/// value is shown on one line), DEL, C1 controls, the bidirectional embeddings, overrides
/// and isolates, and the Unicode line and paragraph separators.
///
/// ```
/// use vardavtal::escape::is_control;
/// assert!(is_control('\u{1b}') && is_control('\n') && is_control('\u{202e}'));
/// assert!(!is_control('å') && !is_control(' '));
/// ```
pub fn is_control(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{2028}' | '\u{2029}')
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// `s` with every control character ([`is_control`]) written as `\u{hex}`; borrowed when
/// there is none.
///
/// ```
/// use std::borrow::Cow;
/// use vardavtal::escape::controls;
/// // a recipient code with a terminal escape and a line break in it
/// assert_eq!(controls("01\u{1b}[2J\r\n"), "01\\u{1b}[2J\\u{d}\\u{a}");
/// assert!(matches!(controls("Region Skåne"), Cow::Borrowed("Region Skåne")));
/// ```
pub fn controls(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_control) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        push_char(&mut out, c);
    }
    Cow::Owned(out)
}

fn push_char(out: &mut String, c: char) {
    if is_control(c) {
        let _ = write!(out, "\\u{{{:x}}}", c as u32);
    } else {
        out.push(c);
    }
}

/// `s` as a message or a location shows it: control characters escaped ([`controls`]) and,
/// when longer than [`MAX_SHOWN_CHARS`] characters, its first 800 and last 100 characters
/// around the count of those left out.
///
/// ```
/// let long = "x".repeat(2000);
/// let s = vardavtal::escape::shown(&long);
/// assert!(s.starts_with("xxx") && s.contains(" … (1100 characters left out) … "));
/// ```
pub fn shown(s: &str) -> Cow<'_, str> {
    const HEAD: usize = 800;
    const TAIL: usize = 100;
    // a quick bound first: a short string in bytes is short in characters
    if s.len() <= MAX_SHOWN_CHARS || s.chars().count() <= MAX_SHOWN_CHARS {
        return controls(s);
    }
    let n = s.chars().count();
    let mut out = String::with_capacity(4 * (HEAD + TAIL) + 48);
    s.chars().take(HEAD).for_each(|c| push_char(&mut out, c));
    let _ = write!(out, " … ({} characters left out) … ", n - HEAD - TAIL);
    s.chars()
        .skip(n - TAIL)
        .for_each(|c| push_char(&mut out, c));
    Cow::Owned(out)
}

/// A text of several lines (a report) with every control character but the line break
/// escaped as [`controls`] escapes it.
///
/// ```
/// assert_eq!(vardavtal::escape::lines("a\u{1b}[2J\nb\r\n"), "a\\u{1b}[2J\nb\\u{d}\n");
/// ```
pub fn lines(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c != '\n' && is_control(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if c == '\n' {
            out.push(c);
        } else {
            push_char(&mut out, c);
        }
    }
    Cow::Owned(out)
}

/// Whether a spreadsheet reads a text that starts so as a formula.
///
/// ```
/// use vardavtal::escape::is_formula;
/// assert!(is_formula("=HYPERLINK(\"http://x\")") && is_formula("@SUM(A1)") && is_formula("-5"));
/// assert!(!is_formula("Region Uppsala") && !is_formula("a=b"));
/// ```
pub fn is_formula(s: &str) -> bool {
    s.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// A text cell for a spreadsheet: prefixed with `'` when it would start a formula
/// ([`is_formula`]), as it is otherwise.
///
/// ```
/// use vardavtal::escape::formula;
/// assert_eq!(formula("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
/// assert_eq!(formula("+46 18 611 00 00"), "'+46 18 611 00 00");
/// assert_eq!(formula("Region Uppsala"), "Region Uppsala");
/// ```
pub fn formula(s: &str) -> Cow<'_, str> {
    if is_formula(s) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_written_out() {
        assert_eq!(controls("plain åäö"), "plain åäö");
        assert!(matches!(controls("plain"), Cow::Borrowed(_)));
        assert_eq!(
            controls("\u{1b}]8;;http://x\u{7}id\u{9b}\u{7f}\t"),
            "\\u{1b}]8;;http://x\\u{7}id\\u{9b}\\u{7f}\\u{9}"
        );
        assert_eq!(controls("a\u{202e}b\r\n"), "a\\u{202e}b\\u{d}\\u{a}");
    }

    #[test]
    fn long_values_are_shortened_with_a_count() {
        let s = format!("{}\u{1b}{}", "a".repeat(799), "b".repeat(50_000_000));
        let out = shown(&s);
        assert!(out.len() < 1_100, "{}", out.len());
        assert!(out.starts_with(&format!("{}\\u{{1b}}", "a".repeat(799))));
        assert!(out.ends_with(&"b".repeat(100)));
        assert!(out.contains("(49999900 characters left out)"));
        assert_eq!(shown(&"é".repeat(1024)), "é".repeat(1024));
        assert!(shown(&"é".repeat(1025)).contains("(125 characters left out)"));
    }

    #[test]
    fn formulas_are_neutralised() {
        for s in ["=HYPERLINK(\"x\")", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(formula(s), format!("'{s}"));
        }
        for s in ["", "01", "Region Skåne", "a=b", "'=x"] {
            assert_eq!(formula(s), s);
        }
    }
}
