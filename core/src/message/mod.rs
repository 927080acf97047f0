//! Messages for people, in Swedish and English: the language ([`Lang`]), the [`Template`]
//! of a finding (one text per language, with named places filled from the finding's
//! context), and how a template is filled.
//!
//! A template owns its code and its texts, as pydantic-core's error types own theirs: the
//! code, location and context of a finding are the same in every language; only the text
//! differs. A finding made from a template ([`Template::error`], [`Template::warning`],
//! [`Template::info`]) can be read in either language with [`Finding::message`]:
//!
//! ```
//! use vardavtal::message::{templates, Lang};
//! use vardavtal::Loc;
//! let f = templates::AMOUNT_FINER_THAN_UNIT.error(Loc::root())
//!     .with("amount", "10.5")
//!     .with("unit", "krona");
//! assert_eq!(f.code, vardavtal::Code::AmountFinerThanUnit);
//! assert_eq!(f.message(Lang::En), "10,50 kr has digits finer than the rounding unit (krona)");
//! assert_eq!(f.message(Lang::Sv), "10,50 kr har siffror finare än avrundningsenheten (krona)");
//! assert_eq!(f.msg, f.message(Lang::En));
//! ```
//!
//! A place is written `{name}` (the context value as it is), `{name:kr}` (an amount in
//! kronor, `1 382 000 000 kr`), `{name:num}` (a number: `0.72` in English, `0,72` in
//! Swedish) or `{name:date}` (a day: `2021-11-01` in English, `1 november 2021` in
//! Swedish). A value that is itself a text for people (a rule described in words) has its
//! Swedish form under `name.sv` in the context, which a Swedish text uses. A place whose
//! value is missing stays as it is written, so a template never hides that a value is
//! missing.

pub mod templates;

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::finding::{Code, Finding, Loc, Severity};

/// The language of a text for people. Codes, locations and context are the same in every
/// language.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::{Sek, message::Lang};
let f = "12e3".parse::<Sek>().unwrap_err().into_findings().remove(0);
assert_eq!(f.message(Lang::En), "\"12e3\" is not a plain decimal number: exponent notation is not accepted; write all digits");
assert_eq!(f.message(Lang::Sv), "\"12e3\" är inget decimaltal: exponentform godtas inte; skriv ut alla siffror");
assert_eq!(("sv".parse::<Lang>()?, Lang::default()), (Lang::Sv, Lang::En));
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Lang {
    /// English (the libraries' default).
    #[default]
    En,
    /// Swedish.
    Sv,
}

crate::names::names!(Lang { En => "en", Sv => "sv" });

impl Lang {
    /// The language of texts made now on this thread: the one of [`with_lang`] when inside
    /// it, else the default of [`set_lang`] (English unless set).
    ///
    /// ```
    /// use vardavtal::{Sek, message::{Lang, with_lang}};
    /// assert_eq!(Lang::current(), Lang::En);
    /// let e = "12e3".parse::<Sek>().unwrap_err();
    /// let line = with_lang(Lang::Sv, || {
    ///     assert_eq!(Lang::current(), Lang::Sv);
    ///     e.to_string()
    /// });
    /// assert!(line.starts_with("fel[invalid_amount] vid (root): \"12e3\" är inget decimaltal"));
    /// ```
    pub fn current() -> Lang {
        SCOPED.with(std::cell::Cell::get).unwrap_or_else(|| {
            match DEFAULT.load(std::sync::atomic::Ordering::Relaxed) {
                1 => Lang::Sv,
                _ => Lang::En,
            }
        })
    }
}

static DEFAULT: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

thread_local! {
    static SCOPED: std::cell::Cell<Option<Lang>> = const { std::cell::Cell::new(None) };
}

/// Sets the language of texts for the whole process (a command line's `--lang`, Python's
/// `vardavtal.set_lang`, the page's language button).
///
/// ```
/// use vardavtal::{Sek, message::{Lang, set_lang}};
/// set_lang(Lang::Sv);
/// let e = "12e3".parse::<Sek>().unwrap_err();
/// assert_eq!(e.to_string(), "fel[invalid_amount] vid (root): \"12e3\" är inget decimaltal: exponentform godtas inte; skriv ut alla siffror");
/// # set_lang(Lang::En);
/// ```
pub fn set_lang(lang: Lang) {
    let v = match lang {
        Lang::Sv => 1,
        Lang::En => 0,
    };
    DEFAULT.store(v, std::sync::atomic::Ordering::Relaxed);
}

/// Runs `f` with texts in `lang` on this thread (a call's own `lang=`), then restores the
/// language before.
///
/// ```
/// use vardavtal::message::{with_lang, Lang};
/// assert_eq!(with_lang(Lang::Sv, Lang::current), Lang::Sv);
/// assert_eq!(Lang::current(), Lang::En);
/// ```
pub fn with_lang<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    struct Restore(Option<Lang>);
    impl Drop for Restore {
        fn drop(&mut self) {
            SCOPED.with(|s| s.set(self.0));
        }
    }
    let _restore = Restore(SCOPED.with(|s| s.replace(Some(lang))));
    f()
}

/// The text of a finding in each language, with named places filled from its context.
///
/// ```
/// use vardavtal::{Code, message::templates};
/// let t = &templates::AMOUNT_FINER_THAN_UNIT;
/// assert_eq!((t.code, t.id), (Code::AmountFinerThanUnit, "amount_finer_than_unit"));
/// assert_eq!(t.sv, "{amount:kr} har siffror finare än avrundningsenheten ({unit})");
/// ```
#[derive(Debug, PartialEq, Eq)]
pub struct Template {
    /// The code of every finding made from this template.
    pub code: Code,
    /// A stable name of the template (unique; several templates may share a code).
    pub id: &'static str,
    /// The English text.
    pub en: &'static str,
    /// The Swedish text.
    pub sv: &'static str,
}

impl Template {
    /// The text in `lang`.
    ///
    /// ```
    /// use vardavtal::message::{Lang, templates};
    /// let t = &templates::AMOUNT_FINER_THAN_UNIT;
    /// assert_eq!(t.text(Lang::En), "{amount:kr} has digits finer than the rounding unit ({unit})");
    /// ```
    pub fn text(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Sv => self.sv,
        }
    }
    /// The text in `lang` with its places filled from `ctx`.
    ///
    /// ```
    /// use std::collections::BTreeMap;
    /// use vardavtal::message::{Lang, templates};
    /// let ctx = BTreeMap::from([("amount".to_owned(), "1000.50".to_owned()), ("unit".to_owned(), "krona".to_owned())]);
    /// assert_eq!(
    ///     templates::AMOUNT_FINER_THAN_UNIT.render(Lang::Sv, &ctx),
    ///     "1 000,50 kr har siffror finare än avrundningsenheten (krona)"
    /// );
    /// ```
    pub fn render(&self, lang: Lang, ctx: &BTreeMap<String, String>) -> String {
        fill(self.text(lang), lang, ctx)
    }
    /// A finding of severity error made from this template (add its context with
    /// [`Finding::with`]).
    ///
    /// ```
    /// use vardavtal::{loc, message::templates};
    /// let f = templates::AMOUNT_FINER_THAN_UNIT.error(loc!["components", 0, "amount"])
    ///     .with("amount", "1000.50")
    ///     .with("unit", "krona");
    /// assert_eq!(
    ///     f.to_string(),
    ///     "error[amount_finer_than_unit] at components[0].amount: 1 000,50 kr has digits finer than the rounding unit (krona)"
    /// );
    /// ```
    pub fn error(&'static self, loc: Loc) -> Finding {
        self.finding(Severity::Error, loc)
    }
    /// A finding of severity warning made from this template.
    ///
    /// ```
    /// use vardavtal::{Code, Loc, Severity, message::templates};
    /// let f = templates::AMOUNT_FINER_THAN_UNIT.warning(Loc::root()).with("amount", "10.5");
    /// assert_eq!((f.code, f.severity), (Code::AmountFinerThanUnit, Severity::Warning));
    /// // a place whose value is missing stays as it is written
    /// assert_eq!(f.msg, "10,50 kr has digits finer than the rounding unit ({unit})");
    /// ```
    pub fn warning(&'static self, loc: Loc) -> Finding {
        self.finding(Severity::Warning, loc)
    }
    /// A finding of severity info made from this template.
    ///
    /// ```
    /// use vardavtal::{Loc, Severity, message::{Lang, templates}};
    /// let f = templates::MORE_PROBLEMS.info(Loc::root()).with("more", 3);
    /// assert_eq!(f.severity, Severity::Info);
    /// assert_eq!(f.message(Lang::Sv), "… och 3 problem till, som inte listas");
    /// ```
    pub fn info(&'static self, loc: Loc) -> Finding {
        self.finding(Severity::Info, loc)
    }
    fn finding(&'static self, severity: Severity, loc: Loc) -> Finding {
        Finding::templated(self, severity, loc)
    }
}

/// `text` with every `{name}`, `{name:kr}`, `{name:num}` and `{name:date}` replaced by its
/// value in `ctx`.
///
/// ```
/// use std::collections::BTreeMap;
/// use vardavtal::message::{Lang, fill};
/// let ctx = BTreeMap::from([("pot".to_owned(), "443000000".to_owned()), ("date".to_owned(), "2021-11-01".to_owned())]);
/// assert_eq!(fill("{pot:kr} on {date:date}", Lang::En, &ctx), "443 000 000 kr on 2021-11-01");
/// assert_eq!(fill("{pot:kr} den {date:date}", Lang::Sv, &ctx), "443 000 000 kr den 1 november 2021");
/// assert_eq!(fill("{missing}", Lang::En, &ctx), "{missing}");
/// ```
pub fn fill(text: &str, lang: Lang, ctx: &BTreeMap<String, String>) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let place = &after[..close];
        let (name, form) = place.split_once(':').unwrap_or((place, ""));
        let own = match lang {
            Lang::Sv => ctx.get(&format!("{name}.sv")),
            Lang::En => None,
        };
        match own.or_else(|| ctx.get(name)) {
            Some(v) => out.push_str(&format_value(v, form, lang)),
            None => {
                out.push('{');
                out.push_str(place);
                out.push('}');
            }
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// A context value in its form (`kr`, `num`, `date`), and every value that is not a number
/// or a day as [`crate::escape::shown`] shows it: control characters escaped, a very long
/// value shortened.
fn format_value<'a>(v: &'a str, form: &str, lang: Lang) -> Cow<'a, str> {
    match formatted(v, form, lang) {
        Cow::Borrowed(b) => crate::escape::shown(b),
        owned => owned,
    }
}

fn formatted<'a>(v: &'a str, form: &str, lang: Lang) -> Cow<'a, str> {
    match form {
        "kr" => v
            .parse::<rust_decimal::Decimal>()
            .map_or(Cow::Borrowed(v), |d| {
                Cow::Owned(crate::swedish::format_kr(d))
            }),
        "num" => match (lang, v.parse::<rust_decimal::Decimal>()) {
            (Lang::Sv, Ok(d)) => Cow::Owned(crate::swedish::format_number(d)),
            _ => Cow::Borrowed(v),
        },
        "date" => match (lang, v.parse::<chrono::NaiveDate>()) {
            (Lang::Sv, Ok(d)) => Cow::Owned(day_sv(d)),
            _ => Cow::Borrowed(v),
        },
        _ => Cow::Borrowed(v),
    }
}

/// A day as Swedish prose writes it: `1 november 2021`.
///
/// ```
/// use vardavtal::{chrono::NaiveDate, message::day_sv};
/// let d: NaiveDate = "2024-12-31".parse()?;
/// assert_eq!(day_sv(d), "31 december 2024");
/// # Ok::<(), vardavtal::chrono::ParseError>(())
/// ```
pub fn day_sv(d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    const MONTHS: [&str; 12] = [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ];
    let month = MONTHS.get(d.month0() as usize).copied().unwrap_or("");
    format!("{} {month} {}", d.day(), d.year())
}

/// The name of a finding's severity for people, counted: `1 varning`, `5 varningar`.
///
/// ```
/// use vardavtal::{Severity, message::{Lang, counted}};
/// assert_eq!(counted(Severity::Warning, 5, Lang::Sv), "5 varningar");
/// assert_eq!(counted(Severity::Info, 1, Lang::En), "1 note");
/// ```
pub fn counted(severity: Severity, n: usize, lang: Lang) -> String {
    let (one, many) = match (lang, severity) {
        (Lang::En, Severity::Error) => ("error", "errors"),
        (Lang::En, Severity::Warning) => ("warning", "warnings"),
        (Lang::En, Severity::Info) => ("note", "notes"),
        (Lang::Sv, Severity::Error) => ("fel", "fel"),
        (Lang::Sv, Severity::Warning) => ("varning", "varningar"),
        (Lang::Sv, Severity::Info) => ("anteckning", "anteckningar"),
    };
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_filled_and_missing_ones_kept() {
        let mut ctx = BTreeMap::new();
        ctx.insert("pot".to_owned(), "443000000".to_owned());
        ctx.insert("date".to_owned(), "2021-11-01".to_owned());
        ctx.insert("share".to_owned(), "0.72".to_owned());
        ctx.insert("test".to_owned(), "at least 0.72".to_owned());
        ctx.insert("test.sv".to_owned(), "minst 0,72".to_owned());
        assert_eq!(fill("{test}", Lang::Sv, &ctx), "minst 0,72");
        assert_eq!(fill("{test}", Lang::En, &ctx), "at least 0.72");
        let t = "{pot:kr} den {date:date}, {share:num}, {missing} {";
        assert_eq!(
            fill(t, Lang::Sv, &ctx),
            "443 000 000 kr den 1 november 2021, 0,72, {missing} {"
        );
        assert_eq!(
            fill(t, Lang::En, &ctx),
            "443 000 000 kr den 2021-11-01, 0.72, {missing} {"
        );
    }

    #[test]
    fn counts_agree_in_number() {
        assert_eq!(counted(Severity::Warning, 1, Lang::Sv), "1 varning");
        assert_eq!(counted(Severity::Warning, 2, Lang::Sv), "2 varningar");
        assert_eq!(counted(Severity::Info, 0, Lang::En), "0 notes");
    }
}
