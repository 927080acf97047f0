//! The one shape of every problem vardavtal reports: input errors, allocation errors and
//! validation findings alike.
//!
//! A [`Finding`] has a stable snake_case [`Code`], a [`Severity`], a location path
//! ([`Loc`], such as `components[1].amount`), a human message and context values. The
//! same shape serialises to JSON, becomes a dict in Python and a plain object in JS.
//! An [`Error`] is one or more findings of severity error.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::message::{Lang, Template};

/// How serious a finding is.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::{Severity, catalog::catalog, validate::{validate, Checks}};
// the bundled catalog has warnings and notes, never an error
let findings = validate(&catalog().agreements, &Checks::new());
assert!(findings.iter().any(|f| f.severity == Severity::Warning));
assert!(findings.iter().all(|f| f.severity < Severity::Error));
assert_eq!("warning".parse::<Severity>()?, Severity::Warning);
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Informational: worth knowing, nothing wrong.
    Info,
    /// Probably wrong or inconsistent, but the data can still be used.
    Warning,
    /// Wrong: the input cannot be used as it is.
    Error,
}

crate::names::names!(Severity { Info => "info", Warning => "warning", Error => "error" });

macro_rules! codes {
    ($( $(#[$doc:meta])* $variant:ident => $name:literal, $kind:ident; )*) => {
        /// A stable, machine-readable finding code. The string forms never change once
        /// published; new codes may be added.
        #[cfg_attr(
            any(doc, doctest),
            doc = r#"
```
use vardavtal::{Code, Sek};
let e = "12e3".parse::<Sek>().unwrap_err();
assert_eq!(e.code(), Code::InvalidAmount);
assert_eq!(e.code().to_string(), "invalid_amount");
assert_eq!("invalid_amount".parse::<Code>()?, Code::InvalidAmount);
# Ok::<(), vardavtal::Error>(())
```
"#
        )]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
        #[serde(rename_all = "snake_case")]
        #[non_exhaustive]
        pub enum Code {
            $( $(#[$doc])* $variant, )*
        }

        impl Code {
            /// Every code, in declaration order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The stable snake_case name of the code.
            ///
            /// ```
            /// use vardavtal::Code;
            /// assert_eq!(Code::UnknownRecipient.as_str(), "unknown_recipient");
            /// assert_eq!(Code::PartsDoNotSum.as_str(), "parts_do_not_sum");
            /// ```
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }

            /// The family the code belongs to; bindings map it to an exception class.
            ///
            /// ```
            /// use vardavtal::{Code, ErrorKind};
            /// assert_eq!(Code::InvalidAmount.kind(), ErrorKind::Input);
            /// assert_eq!(Code::UnknownComponent.kind(), ErrorKind::Allocation);
            /// assert_eq!(Code::PartsDoNotSum.kind(), ErrorKind::Validation);
            /// ```
            pub fn kind(self) -> ErrorKind {
                match self { $(Code::$variant => ErrorKind::$kind,)* }
            }
        }
    };
}

codes! {
    /// Text that is not valid JSON or CSV, or has the wrong structure.
    Syntax => "syntax", Input;
    /// A field that is not part of the format.
    UnknownField => "unknown_field", Input;
    /// A value of the wrong type or form.
    InvalidValue => "invalid_value", Input;
    /// An amount that is not a plain decimal (or Swedish form where accepted), or does not fit.
    InvalidAmount => "invalid_amount", Input;
    /// A date that is not `YYYY-MM-DD` or out of range.
    InvalidDate => "invalid_date", Input;
    /// A file that cannot be read.
    Io => "io", Input;
    /// An amount below zero where only non-negative amounts make sense.
    NegativeAmount => "negative_amount", Input;
    /// A key weight below zero.
    NegativeWeight => "negative_weight", Input;
    /// An amount that has digits finer than the rounding unit.
    AmountFinerThanUnit => "amount_finer_than_unit", Allocation;
    /// A distribution key with no recipients.
    EmptyKey => "empty_key", Allocation;
    /// A distribution key whose weights are all zero.
    ZeroTotalWeight => "zero_total_weight", Allocation;
    /// A recipient code that is not a region, municipality or declared recipient.
    UnknownRecipient => "unknown_recipient", Allocation;
    /// The same recipient twice in a key or table.
    DuplicateRecipient => "duplicate_recipient", Allocation;
    /// A reference date for which the bundled data has no population.
    NoPopulationData => "no_population_data", Allocation;
    /// Performance outcomes missing for some recipients or criteria.
    MissingOutcomes => "missing_outcomes", Allocation;
    /// A component id that does not exist.
    UnknownComponent => "unknown_component", Allocation;
    /// An agreement id that the catalog does not have.
    UnknownAgreement => "unknown_agreement", Input;
    /// A source id that the catalog does not have.
    UnknownSource => "unknown_source", Input;
    /// A rule that cannot run on the data given.
    RuleNotRunnable => "rule_not_runnable", Allocation;
    /// Money of an agreement that an allocation does not hand out, and why (an info note;
    /// an error in strict mode).
    NotAllocated => "not_allocated", Allocation;
    /// A key chosen by default because none was given: which, why, and how far its date is
    /// from the convention (an info note; an error in strict mode).
    DefaultKey => "default_key", Allocation;
    /// A key that covers only some of the recipients a component pays: the others get
    /// nothing (a warning).
    PartialKey => "partial_key", Allocation;
    /// Outcomes for a criterion or a recipient that the agreement does not have.
    UnknownOutcome => "unknown_outcome", Input;
    /// Numbers too large to apportion exactly.
    TooLarge => "too_large", Allocation;
    /// Criterion shares or tranche shares that do not add up to one.
    SharesDoNotSum => "shares_do_not_sum", Allocation;
    /// A component, item or block whose parts do not add up to its amount.
    PartsDoNotSum => "parts_do_not_sum", Validation;
    /// An earmark larger than the amount it is reserved from.
    EarmarkExceedsParent => "earmark_exceeds_parent", Validation;
    /// Co-funding shares that do not add up to the total.
    FundingDoesNotSum => "funding_does_not_sum", Validation;
    /// Tranches that do not add up to what they pay.
    TranchesDoNotSum => "tranches_do_not_sum", Validation;
    /// Two sources that state different figures for the same thing.
    SourcesDisagree => "sources_disagree", Validation;
    /// A supplementary agreement whose base agreement is not in the set.
    MissingBase => "missing_base", Validation;
    /// A supplementary agreement whose years are not covered by its base.
    BaseDoesNotCover => "base_does_not_cover", Validation;
    /// A supplementary agreement dated before its base.
    SupplementBeforeBase => "supplement_before_base", Validation;
    /// A supplementary agreement that refers to itself, directly or in a cycle.
    BaseCycle => "base_cycle", Validation;
    /// Dates in an impossible order.
    DatesOutOfOrder => "dates_out_of_order", Validation;
    /// An amount subject to appropriation or only proposed.
    NotDecided => "not_decided", Validation;
    /// An agreed amount that differs from its multi-year frame.
    FrameMismatch => "frame_mismatch", Validation;
    /// Two things with the same id.
    DuplicateId => "duplicate_id", Validation;
    /// A figure the model lacks (the source does not give it).
    MissingFigure => "missing_figure", Validation;
    /// An observation about the data or the model, such as a rule whose figures are not published.
    Note => "note", Validation;
    /// A line of a published table that could not be read as a region and an amount.
    TableUnparsedLine => "table_unparsed_line", Validation;
    /// The rows of a published table do not add up to its total line or the stated pot.
    TableTotalMismatch => "table_total_mismatch", Validation;
    /// A region that has no row in a published table.
    RowMissing => "row_missing", Validation;
    /// A region that has more than one row in a published table.
    RowDuplicate => "row_duplicate", Validation;
    /// A row of a published table whose name is not a region.
    RowUnknown => "row_unknown", Validation;
    /// An amount whose digit grouping is irregular (a thousands group that is not three digits).
    IrregularGrouping => "irregular_grouping", Validation;
    /// A bundled key and rounding that reproduce a published table exactly.
    KeyReproduces => "key_reproduces", Validation;
    /// No bundled key reproduces a published table; the closest one is named.
    KeyDiffers => "key_differs", Validation;
    /// The population key implied by a published table that no bundled key reproduces.
    ImpliedKey => "implied_key", Validation;
    /// A row of a published table that differs from the key the rest of the table follows.
    RowDiffers => "row_differs", Validation;
    /// A recipient that gets less in the second of two splits although it should not by
    /// the figures: from a larger pot with the same key (the Alabama paradox), or although
    /// its exact quota did not fall (the population paradox) — an info in comparisons of
    /// splits and key-date sweeps.
    ApportionmentParadox => "apportionment_paradox", Allocation;
    /// What a user could supply to compute money that cannot be computed now: outcomes of
    /// named measures, a key of their own, or nothing (an info, in [`crate::allocation::shown()`]).
    Supply => "supply", Allocation;
    /// Money split by a key the user chose because the sources do not say how it is split:
    /// an illustration, not the agreement's split (a warning).
    SuppliedKey => "supplied_key", Allocation;
    /// A published table bundled with the catalog that the model reproduces (the catalog's
    /// rule and key with largest remainder, or for a table of no component a bundled key).
    TableReproduced => "table_reproduced", Validation;
    /// A published table bundled with the catalog that the model does not reproduce: how
    /// many rows differ, by how much, and what fits instead.
    TableNotReproduced => "table_not_reproduced", Validation;
    /// A published table whose stated pot and rows disagree, checked with both: which one a
    /// key reproduces (a mistyped pot in the text reads as such).
    PotChecked => "pot_checked", Validation;
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The family of a [`Code`]: what went wrong, at which stage.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::{ErrorKind, Options, Sek, allocate_component, input};
assert_eq!("12e3".parse::<Sek>().unwrap_err().kind(), ErrorKind::Input);
let a = input::agreement("okad-tillganglighet-2022")?;
let e = allocate_component(&a, "block-9", &Options::default()).unwrap_err();
assert_eq!(e.kind(), ErrorKind::Allocation);
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input could not be read or parsed (bad JSON, CSV, amount, date, field).
    Input,
    /// The input parsed but an allocation cannot run on it.
    Allocation,
    /// A check on the content of agreements.
    Validation,
}

crate::names::names!(ErrorKind { Input => "input", Allocation => "allocation", Validation => "validation" });

impl std::str::FromStr for Code {
    type Err = Error;
    /// A code by its stable name (`"unknown_recipient"`); an unknown name is an
    /// `invalid_value` error listing every code.
    ///
    /// ```
    /// use vardavtal::Code;
    /// assert_eq!("unknown_recipient".parse::<Code>()?, Code::UnknownRecipient);
    /// let e = "nope".parse::<Code>().unwrap_err();
    /// assert_eq!(e.code(), Code::InvalidValue);
    /// assert!(e.to_string().contains("one of syntax, unknown_field, invalid_value, "), "{e}");
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    fn from_str(s: &str) -> std::result::Result<Self, Error> {
        Code::ALL
            .iter()
            .copied()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| {
                let names: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
                crate::names::unknown_name("code", s, &names)
            })
    }
}

/// One step of a location path: a field name or a list index.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::{Loc, LocPart};
let at = Loc::root().join("components").join(1).join("amount");
assert_eq!(at.0[1], LocPart::Index(1));
assert_eq!(at.0[2], LocPart::Key("amount".to_owned()));
```
"#
)]
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[serde(untagged)]
pub enum LocPart {
    /// A field name, file name or recipient code.
    Key(String),
    /// A position in a list (0-based) or a line number (1-based, in CSV files).
    Index(u64),
}

impl From<&str> for LocPart {
    fn from(s: &str) -> Self {
        LocPart::Key(s.to_owned())
    }
}
impl From<String> for LocPart {
    fn from(s: String) -> Self {
        LocPart::Key(s)
    }
}
impl From<usize> for LocPart {
    fn from(i: usize) -> Self {
        LocPart::Index(i as u64)
    }
}

/// A location path such as `["agreements", 2, "components", 0, "amount"]`.
#[cfg_attr(
    any(doc, doctest),
    doc = r##"
```
use vardavtal::{Code, input};
// a key with a recipient code that does not exist
let e = input::key("code,weight\n99,1\n").unwrap_err();
assert_eq!(e.code(), Code::UnknownRecipient);
let at = &e.findings()[0].loc;
assert_eq!(at.to_string(), "key.99");
assert_eq!(serde_json::to_string(at)?, r#"["key","99"]"#);
# Ok::<(), Box<dyn std::error::Error>>(())
```
"##
)]
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[serde(transparent)]
pub struct Loc(pub Vec<LocPart>);

impl Loc {
    /// The empty path (the whole input).
    ///
    /// ```
    /// use vardavtal::Loc;
    /// assert!(Loc::root().0.is_empty());
    /// assert_eq!(Loc::root().to_string(), "(root)");
    /// ```
    pub fn root() -> Self {
        Loc(Vec::new())
    }
    /// This path with one more step.
    ///
    /// ```
    /// use vardavtal::Loc;
    /// let at = Loc::root().join("components").join(1).join("amount");
    /// assert_eq!(at.to_string(), "components[1].amount");
    /// ```
    pub fn join(&self, part: impl Into<LocPart>) -> Self {
        let mut v = self.0.clone();
        v.push(part.into());
        Loc(v)
    }
    /// This path with `prefix` in front (for example a file name).
    ///
    /// ```
    /// use vardavtal::Loc;
    /// let at = Loc::root().join(3).join("weight");
    /// assert_eq!(at.prefixed(&Loc::root().join("key.csv")).to_string(), "key.csv[3].weight");
    /// ```
    pub fn prefixed(&self, prefix: &Loc) -> Self {
        let mut v = prefix.0.clone();
        v.extend(self.0.iter().cloned());
        Loc(v)
    }
}

impl fmt::Display for Loc {
    /// `components[1].amount`; the empty path prints as `(root)`. A step written by a user
    /// (a file name, a recipient code) is shown as [`crate::escape::shown`] shows it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("(root)");
        }
        for (i, p) in self.0.iter().enumerate() {
            match p {
                LocPart::Key(k) if i == 0 => write!(f, "{}", crate::escape::shown(k))?,
                LocPart::Key(k) => write!(f, ".{}", crate::escape::shown(k))?,
                LocPart::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// Build a [`Loc`] from steps: `loc!["components", 1, "amount"]`.
///
/// ```
/// use vardavtal::{Loc, loc};
/// let at = loc!["components", 1, "amount"];
/// assert_eq!(at, Loc::root().join("components").join(1).join("amount"));
/// assert_eq!(at.to_string(), "components[1].amount");
/// ```
#[macro_export]
macro_rules! loc {
    ($($p:expr),* $(,)?) => { $crate::finding::Loc(vec![$($crate::finding::LocPart::from($p)),*]) };
}

/// One problem or observation, with a stable code, a location and context values.
///
/// Two findings are equal when their code, severity, location, message and context are:
/// the template is how the message was made, not part of what it says.
#[cfg_attr(
    any(doc, doctest),
    doc = r##"
```
use vardavtal::{Agreement, Code, Severity, validate::{validate, Checks}};
let a = Agreement::from_json(r#"{"id": "x", "title": "X", "kind": {"type": "base"}, "years": [2022],
  "amount": "100", "components": [{"id": "a", "name": "A", "amount": "60"}, {"id": "b", "name": "B", "amount": "30"}]}"#)?;
let f = &validate(&a, &Checks::new())[0];
assert_eq!((f.code, f.severity), (Code::PartsDoNotSum, Severity::Warning));
assert_eq!(f.loc.to_string(), "x.components");
assert_eq!(f.ctx["gap"], "10");
assert!(f.msg.starts_with("the parts of the agreement sum to 90 kr but it is 100 kr"));
# Ok::<(), vardavtal::Error>(())
```
"##
)]
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
pub struct Finding {
    /// Stable machine-readable code.
    pub code: Code,
    /// How serious it is.
    pub severity: Severity,
    /// Where it is.
    pub loc: Loc,
    /// What is wrong, for a person.
    pub msg: String,
    /// The values behind the message (amounts as plain decimal strings).
    pub ctx: BTreeMap<String, String>,
    /// The template the message is made from, when there is one: it gives the message in
    /// every language ([`Finding::message`]). Not part of the serialized shape.
    #[serde(skip)]
    pub template: Option<&'static Template>,
}

impl Finding {
    /// A finding of severity error.
    ///
    /// ```
    /// use vardavtal::{Code, Finding, Severity, loc};
    /// let f = Finding::error(Code::UnknownRecipient, loc!["key", 3], "unknown recipient code \"99\"");
    /// assert_eq!(f.severity, Severity::Error);
    /// assert_eq!(f.to_string(), "error[unknown_recipient] at key[3]: unknown recipient code \"99\"");
    /// ```
    pub fn error(code: Code, loc: Loc, msg: impl Into<String>) -> Self {
        Finding {
            code,
            severity: Severity::Error,
            loc,
            msg: msg.into(),
            ctx: BTreeMap::new(),
            template: None,
        }
    }
    /// A finding made from a template (see [`Template::error`]): its code is the
    /// template's, its message the template's English text filled from the context.
    pub(crate) fn templated(t: &'static Template, severity: Severity, loc: Loc) -> Self {
        Finding {
            code: t.code,
            severity,
            loc,
            msg: t.render(Lang::En, &BTreeMap::new()),
            ctx: BTreeMap::new(),
            template: Some(t),
        }
    }
    /// The message in `lang`: the template's text filled from the context, or the message
    /// as it was written when the finding has no template. A finding read back from its
    /// JSON form (which has no template) finds its template again by its code and English
    /// message.
    ///
    /// ```
    /// use vardavtal::{Finding, Options, allocate_component, input, message::Lang};
    /// let a = input::agreement("okad-tillganglighet-2022")?;
    /// let e = allocate_component(&a, "block-9", &Options::default()).unwrap_err();
    /// let f = &e.findings()[0];
    /// assert_eq!(f.message(Lang::En), "agreement okad-tillganglighet-2022 has no component \"block-9\"");
    /// assert_eq!(f.message(Lang::Sv), "överenskommelsen okad-tillganglighet-2022 har ingen komponent \"block-9\"");
    /// // read back from JSON, it still has its Swedish message
    /// let back: Finding = serde_json::from_str(&serde_json::to_string(f)?)?;
    /// assert_eq!(back.message(Lang::Sv), f.message(Lang::Sv));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn message(&self, lang: Lang) -> Cow<'_, str> {
        if lang == Lang::En {
            return Cow::Borrowed(&self.msg);
        }
        match self.template.or_else(|| self.recovered_template()) {
            Some(t) => Cow::Owned(t.render(lang, &self.ctx)),
            None => Cow::Borrowed(&self.msg),
        }
    }
    /// The template whose English text, filled from this finding's context, is its message.
    fn recovered_template(&self) -> Option<&'static Template> {
        crate::message::templates::all()
            .filter(|t| t.code == self.code || t.id == "more_problems")
            .find(|t| t.render(Lang::En, &self.ctx) == self.msg)
    }
    /// The same finding with its message in `lang` (its code, location and context
    /// unchanged): what a skin shows or serializes for a user who chose a language.
    ///
    /// ```
    /// use vardavtal::{Sek, message::Lang};
    /// let f = "12e3".parse::<Sek>().unwrap_err().into_findings().remove(0);
    /// let sv = f.clone().in_lang(Lang::Sv);
    /// assert_eq!(sv.msg, "\"12e3\" är inget decimaltal: exponentform godtas inte; skriv ut alla siffror");
    /// assert_eq!((sv.code, &sv.loc, &sv.ctx), (f.code, &f.loc, &f.ctx));
    /// ```
    pub fn in_lang(mut self, lang: Lang) -> Self {
        if lang != Lang::En {
            self.msg = self.message(lang).into_owned();
        }
        self
    }
    /// A finding of severity warning.
    ///
    /// ```
    /// use vardavtal::{Code, Finding, Loc, Severity};
    /// let f = Finding::warning(Code::PartialKey, Loc::root().join("key"), "the key has 20 of the 21 regions");
    /// assert_eq!(f.severity, Severity::Warning);
    /// assert_eq!(f.to_string(), "warning[partial_key] at key: the key has 20 of the 21 regions");
    /// ```
    pub fn warning(code: Code, loc: Loc, msg: impl Into<String>) -> Self {
        Finding {
            severity: Severity::Warning,
            ..Finding::error(code, loc, msg)
        }
    }
    /// A finding of severity info.
    ///
    /// ```
    /// use vardavtal::{Code, Finding, Loc, Severity};
    /// let f = Finding::info(Code::Note, Loc::root().join("cancervard-2022"), "a note");
    /// assert_eq!(f.severity, Severity::Info);
    /// assert_eq!(f.to_string(), "info[note] at cancervard-2022: a note");
    /// ```
    pub fn info(code: Code, loc: Loc, msg: impl Into<String>) -> Self {
        Finding {
            severity: Severity::Info,
            ..Finding::error(code, loc, msg)
        }
    }
    /// Add a context value (a finding made from a template fills its message with it).
    ///
    /// ```
    /// use vardavtal::{Code, Finding, Loc, message::templates};
    /// let f = Finding::error(Code::UnknownRecipient, Loc::root(), "unknown recipient").with("code", "99");
    /// assert_eq!(f.ctx["code"], "99");
    /// let f = templates::AMOUNT_FINER_THAN_UNIT.error(Loc::root())
    ///     .with("amount", "1000.50")
    ///     .with("unit", "krona");
    /// assert_eq!(f.msg, "1 000,50 kr has digits finer than the rounding unit (krona)");
    /// ```
    pub fn with(mut self, key: &str, value: impl fmt::Display) -> Self {
        self.ctx.insert(key.to_owned(), value.to_string());
        if let Some(t) = self.template {
            self.msg = t.render(Lang::En, &self.ctx);
        }
        self
    }
    /// Put `prefix` (such as a file name) in front of the location.
    ///
    /// ```
    /// use vardavtal::{Code, Finding, loc};
    /// let f = Finding::error(Code::NegativeWeight, loc![3, "weight"], "negative weight");
    /// assert_eq!(f.prefixed(&loc!["key.csv"]).loc.to_string(), "key.csv[3].weight");
    /// ```
    pub fn prefixed(mut self, prefix: &Loc) -> Self {
        self.loc = self.loc.prefixed(prefix);
        self
    }
    /// The error of this finding, which is of severity error: how the crate fails with a
    /// finding made from a template. Not public, so that no warning becomes an error.
    pub(crate) fn into_error(self) -> Error {
        debug_assert_eq!(self.severity, Severity::Error, "{self}");
        Error {
            findings: vec![self],
            source: None,
        }
    }
}

impl PartialEq for Finding {
    fn eq(&self, other: &Self) -> bool {
        (self.code, self.severity, &self.loc, &self.msg, &self.ctx)
            == (
                other.code,
                other.severity,
                &other.loc,
                &other.msg,
                &other.ctx,
            )
    }
}
impl Eq for Finding {}

impl fmt::Display for Finding {
    /// `error[unknown_recipient] at key[3]: unknown recipient code "99"`, the message in
    /// the [current](Lang::current) language (`fel[unknown_recipient] vid key[3]: …`);
    /// control characters escaped ([`crate::escape`]), so a line is one line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lang = Lang::current();
        let (severity, at) = match (lang, self.severity) {
            (Lang::Sv, Severity::Error) => ("fel", "vid"),
            (Lang::Sv, Severity::Warning) => ("varning", "vid"),
            (Lang::Sv, Severity::Info) => ("anteckning", "vid"),
            (_, s) => (s.as_str(), "at"),
        };
        let msg = self.message(lang);
        let msg = crate::escape::controls(&msg);
        write!(f, "{severity}[{}] {at} {}: {msg}", self.code, self.loc)
    }
}

/// The error type of vardavtal: one or more findings of severity error.
///
/// ```
/// use vardavtal::{Code, Sek};
/// let err = "12e3".parse::<Sek>().unwrap_err();
/// assert_eq!(err.code(), Code::InvalidAmount);
/// assert!(err.is_input());
/// ```
///
/// It serializes as its list of findings (`[{"code": …, "severity": …, "loc": …, "msg": …,
/// "ctx": …}]`), the form every skin shows. An error made from an operating-system error
/// (a file that cannot be read) keeps it as its [`source`](std::error::Error::source).
///
/// A warning never becomes an error: there is no conversion from a [`Finding`], and the
/// crate's entries fail only with findings of severity error.
///
/// ```compile_fail
/// use vardavtal::{Code, Error, Finding, Loc};
/// let w = Finding::warning(Code::Note, Loc::root(), "only a warning");
/// let e: Error = w.into(); // does not compile: no `From<Finding> for Error`
/// ```
#[derive(Debug, Clone)]
pub struct Error {
    findings: Vec<Finding>,
    source: Option<Arc<dyn std::error::Error + Send + Sync + 'static>>,
}

impl fmt::Display for Error {
    /// Every finding, one per line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&display_all(&self.findings))
    }
}

impl std::error::Error for Error {
    /// The operating system's error behind it, when there is one.
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        let e: &(dyn std::error::Error + Send + Sync + 'static) = self.source.as_deref()?;
        Some(e)
    }
}

impl PartialEq for Error {
    /// Equal when the findings are (the source, a cause kept for the reader, is not
    /// compared).
    fn eq(&self, other: &Error) -> bool {
        self.findings == other.findings
    }
}

impl Eq for Error {}

impl Serialize for Error {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_seq(&self.findings)
    }
}

fn display_all(findings: &[Finding]) -> String {
    findings
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

impl Error {
    /// An error with one finding.
    ///
    /// ```
    /// use vardavtal::{Code, Error, Loc};
    /// let e = Error::new(Code::UnknownAgreement, Loc::root(), "no agreement \"x\"");
    /// assert_eq!((e.code(), e.findings().len()), (Code::UnknownAgreement, 1));
    /// assert_eq!(e.to_string(), "error[unknown_agreement] at (root): no agreement \"x\"");
    /// ```
    pub fn new(code: Code, loc: Loc, msg: impl Into<String>) -> Self {
        Error {
            findings: vec![Finding::error(code, loc, msg)],
            source: None,
        }
    }
    /// An error from findings (at least one). An empty list becomes an internal
    /// `invalid_value` error rather than a silent success. At most [`MAX_FINDINGS`] are
    /// kept; the last one then says how many more there were.
    ///
    /// ```
    /// use vardavtal::{Code, Error, Finding, finding::MAX_FINDINGS, loc};
    /// let rows = (0..1500usize).map(|i| Finding::error(Code::NegativeWeight, loc![i], "negative weight"));
    /// let e = Error::from_findings(rows.collect());
    /// assert_eq!(e.findings().len(), MAX_FINDINGS);
    /// assert_eq!(e.findings()[MAX_FINDINGS - 1].msg, "… and 501 more problems, not listed");
    /// assert_eq!(Error::from_findings(vec![]).code(), Code::InvalidValue);
    /// ```
    pub fn from_findings(mut findings: Vec<Finding>) -> Self {
        if findings.is_empty() {
            return Error::new(Code::InvalidValue, Loc::root(), "unspecified error");
        }
        if findings.len() > MAX_FINDINGS {
            let more = findings.len() - (MAX_FINDINGS - 1);
            findings.truncate(MAX_FINDINGS - 1);
            let code = findings.first().map_or(Code::InvalidValue, |f| f.code);
            findings.push(more_problems(code, more));
        }
        Error {
            findings,
            source: None,
        }
    }
    /// The same error with `source` as its cause ([`std::error::Error::source`]): the
    /// operating system's error behind a file that cannot be read.
    ///
    /// ```
    /// use std::error::Error as _;
    /// use vardavtal::input;
    /// let e = input::agreement_file("no/such/file.json".as_ref()).unwrap_err();
    /// let io = e.source().and_then(|s| s.downcast_ref::<std::io::Error>());
    /// assert_eq!(io.map(|e| e.kind()), Some(std::io::ErrorKind::NotFound));
    /// ```
    pub fn with_source(mut self, source: impl std::error::Error + Send + Sync + 'static) -> Self {
        self.source = Some(Arc::new(source));
        self
    }
    /// Add a context value to the (first) finding.
    ///
    /// ```
    /// use vardavtal::{Code, Error, loc};
    /// let e = Error::new(Code::UnknownRecipient, loc!["key", 3], "unknown recipient").with("code", "99");
    /// assert_eq!(e.findings()[0].ctx["code"], "99");
    /// ```
    pub fn with(mut self, key: &str, value: impl fmt::Display) -> Self {
        if let Some(f) = self.findings.first_mut() {
            *f = std::mem::replace(f, Finding::error(Code::Note, Loc::root(), "")).with(key, value);
        }
        self
    }
    /// The same error with every message in `lang` (codes, locations and context unchanged).
    ///
    /// ```
    /// use vardavtal::{Code, Sek, message::Lang};
    /// let e = "12e3".parse::<Sek>().unwrap_err().in_lang(Lang::Sv);
    /// assert_eq!(e.code(), Code::InvalidAmount);
    /// assert_eq!(e.findings()[0].msg, "\"12e3\" är inget decimaltal: exponentform godtas inte; skriv ut alla siffror");
    /// ```
    pub fn in_lang(self, lang: Lang) -> Self {
        Error {
            findings: self.findings.into_iter().map(|f| f.in_lang(lang)).collect(),
            source: self.source,
        }
    }
    /// Put `prefix` (such as a file name) in front of every location.
    ///
    /// ```
    /// use vardavtal::{Loc, Sek};
    /// let e = "12e3".parse::<Sek>().unwrap_err().prefixed(&Loc::root().join("amount"));
    /// assert_eq!(e.findings()[0].loc.to_string(), "amount");
    /// ```
    pub fn prefixed(mut self, prefix: &Loc) -> Self {
        for f in &mut self.findings {
            f.loc = f.loc.prefixed(prefix);
        }
        self
    }
    /// Every location that starts with the field `from` starts with `to` instead (an
    /// argument read by another argument's reader: `assume` read as a `key`).
    pub(crate) fn renamed(mut self, from: &str, to: &str) -> Self {
        for f in &mut self.findings {
            if let Some(first) = f.loc.0.first_mut().filter(|p| **p == LocPart::from(from)) {
                *first = LocPart::from(to);
            }
        }
        self
    }
    /// The code of the first finding.
    ///
    /// ```
    /// use vardavtal::{Code, Sek};
    /// assert_eq!("12e3".parse::<Sek>().unwrap_err().code(), Code::InvalidAmount);
    /// ```
    pub fn code(&self) -> Code {
        self.findings.first().map_or(Code::InvalidValue, |f| f.code)
    }
    /// The family of the first finding's code.
    ///
    /// ```
    /// use vardavtal::{ErrorKind, Options, allocate_component, input};
    /// let a = input::agreement("okad-tillganglighet-2022")?;
    /// let e = allocate_component(&a, "block-9", &Options::default()).unwrap_err();
    /// assert_eq!(e.kind(), ErrorKind::Allocation);
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn kind(&self) -> ErrorKind {
        self.code().kind()
    }
    /// True when the input could not be read or parsed.
    ///
    /// ```
    /// use vardavtal::Agreement;
    /// let e = Agreement::from_json(r#"{"id": "x", "title": "X", "kind": {"type": "base"}, "years": [2022], "extra": 1}"#).unwrap_err();
    /// assert!(e.is_input() && !e.is_allocation() && !e.is_validation());
    /// ```
    pub fn is_input(&self) -> bool {
        self.kind() == ErrorKind::Input
    }
    /// True when an allocation cannot run on the input.
    ///
    /// ```
    /// use vardavtal::{Options, allocate_component, input};
    /// let a = input::agreement("okad-tillganglighet-2022")?;
    /// let e = allocate_component(&a, "block-9", &Options::default()).unwrap_err();
    /// assert!(e.is_allocation() && !e.is_input());
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn is_allocation(&self) -> bool {
        self.kind() == ErrorKind::Allocation
    }
    /// True when the error carries validation findings.
    ///
    /// ```
    /// use vardavtal::{Agreement, Code, Options, allocate};
    /// // an earmark of 70 kr reserved from a block of 60 kr
    /// let a = Agreement::from_json(r#"{"id": "x", "title": "X", "kind": {"type": "base"}, "years": [2022],
    ///   "components": [{"id": "a", "name": "A", "amount": "60", "components": [{"id": "e", "name": "E", "amount": "70", "kind": "earmark"}]}]}"#)?;
    /// let e = allocate(&a, &Options::default()).unwrap_err();
    /// assert!(e.is_validation());
    /// assert_eq!(e.code(), Code::EarmarkExceedsParent);
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn is_validation(&self) -> bool {
        self.kind() == ErrorKind::Validation
    }
    /// Every finding, first one first.
    ///
    /// ```
    /// use vardavtal::{Agreement, Code, Options, allocate};
    /// let a = Agreement::from_json(r#"{"id": "x", "title": "X", "kind": {"type": "base"}, "years": [2022],
    ///   "amount": "-1", "components": [{"id": "a", "name": "A", "amount": "-60"}]}"#)?;
    /// let e = allocate(&a, &Options::default()).unwrap_err();
    /// let at: Vec<String> = e.findings().iter().map(|f| f.loc.to_string()).collect();
    /// assert_eq!(at, ["amount", "components[0].amount"]);
    /// assert!(e.findings().iter().all(|f| f.code == Code::NegativeAmount));
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }
    /// Every finding, by value.
    ///
    /// ```
    /// use vardavtal::{Agreement, Code, Options, allocate};
    /// let a = Agreement::from_json(r#"{"id": "x", "title": "X", "kind": {"type": "base"}, "years": [2022],
    ///   "amount": "-1", "components": [{"id": "a", "name": "A", "amount": "-60"}]}"#)?;
    /// let findings = allocate(&a, &Options::default()).unwrap_err().into_findings();
    /// assert_eq!(findings.len(), 2);
    /// assert_eq!(findings[1].msg, "the amount -60 kr is negative");
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn into_findings(self) -> Vec<Finding> {
        self.findings
    }
}

/// A one-line tally of findings by severity: `"1 error, 5 warnings, 11 notes"`.
///
/// ```
/// use vardavtal::finding::{tally, Finding, Code, Loc};
/// let f = [Finding::warning(Code::Note, Loc::root(), "x"), Finding::info(Code::Note, Loc::root(), "y")];
/// assert_eq!(tally(&f), "0 errors, 1 warning, 1 note");
/// ```
pub fn tally(findings: &[Finding]) -> String {
    tally_in(findings, Lang::En)
}

/// [`tally`] in `lang`: `"0 fel, 1 varning, 1 anteckning"`.
///
/// ```
/// use vardavtal::{catalog::catalog, finding::tally_in, message::Lang, validate::{validate, Checks}};
/// let findings = validate(&catalog().agreements, &Checks::new());
/// assert!(tally_in(&findings, Lang::Sv).starts_with("0 fel, "));
/// assert_eq!(tally_in(&[], Lang::Sv), "0 fel, 0 varningar, 0 anteckningar");
/// ```
pub fn tally_in(findings: &[Finding], lang: Lang) -> String {
    let count = |s: Severity| {
        let n = findings.iter().filter(|f| f.severity == s).count();
        crate::message::counted(s, n, lang)
    };
    format!(
        "{}, {}, {}",
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info)
    )
}

/// The most findings an [`Error`] carries (the input behind more is pathological; the last
/// finding then counts the rest).
pub const MAX_FINDINGS: usize = 1000;

/// A collector of findings that keeps at most [`MAX_FINDINGS`] of them and counts the rest,
/// so that an input with millions of bad rows costs bounded memory.
///
/// ```
/// use vardavtal::{Code, Finding, finding::{MAX_FINDINGS, Problems}, loc};
/// let mut problems = Problems::default();
/// for row in 1..=5000usize {
///     problems.push(Finding::error(Code::NegativeWeight, loc!["key.csv", row], "negative weight"));
/// }
/// let e = problems.into_result().unwrap_err();
/// assert_eq!(e.findings().len(), MAX_FINDINGS);
/// assert_eq!(e.findings()[MAX_FINDINGS - 1].msg, "… and 4001 more problems, not listed");
/// ```
#[derive(Debug, Default)]
pub struct Problems {
    findings: Vec<Finding>,
    more: usize,
}

impl Problems {
    /// Record a finding (kept while there is room, else counted).
    ///
    /// ```
    /// use vardavtal::{Code, Finding, finding::Problems, loc};
    /// let mut problems = Problems::default();
    /// problems.push(Finding::error(Code::NegativeWeight, loc!["key.csv", 3], "negative weight"));
    /// assert_eq!(problems.into_result().unwrap_err().code(), Code::NegativeWeight);
    /// ```
    pub fn push(&mut self, f: Finding) {
        if self.findings.len() < MAX_FINDINGS - 1 {
            self.findings.push(f);
        } else {
            self.more += 1;
        }
    }
    /// Record several findings.
    ///
    /// ```
    /// use vardavtal::{Code, Finding, finding::Problems, loc};
    /// let mut problems = Problems::default();
    /// problems.extend([2usize, 5].map(|row| Finding::error(Code::NegativeWeight, loc![row], "negative weight")));
    /// assert_eq!(problems.into_result().unwrap_err().findings().len(), 2);
    /// ```
    pub fn extend(&mut self, fs: impl IntoIterator<Item = Finding>) {
        for f in fs {
            self.push(f);
        }
    }
    /// True when a further finding would only be counted, not kept: a caller may then
    /// [`count`](Problems::count) it without making its message.
    ///
    /// ```
    /// use vardavtal::{Code, Finding, finding::Problems, loc};
    /// let mut problems = Problems::default();
    /// for row in 1..=2000usize {
    ///     if problems.is_full() {
    ///         problems.count(); // no message made
    ///     } else {
    ///         problems.push(Finding::error(Code::NegativeWeight, loc![row], format!("row {row}: negative weight")));
    ///     }
    /// }
    /// let e = problems.into_result().unwrap_err();
    /// assert_eq!(e.findings().last().map(|f| f.msg.as_str()), Some("… and 1001 more problems, not listed"));
    /// ```
    pub fn is_full(&self) -> bool {
        self.findings.len() >= MAX_FINDINGS - 1
    }
    /// Count a finding that is not kept (the last finding of the error says how many).
    ///
    /// ```
    /// use vardavtal::{Code, Finding, finding::Problems, loc};
    /// let mut problems = Problems::default();
    /// problems.push(Finding::error(Code::NegativeWeight, loc![1], "negative weight"));
    /// problems.count();
    /// problems.count();
    /// let e = problems.into_result().unwrap_err();
    /// assert_eq!(e.findings()[1].msg, "… and 2 more problems, not listed");
    /// ```
    pub fn count(&mut self) {
        self.more += 1;
    }
    /// True when nothing was recorded.
    ///
    /// ```
    /// use vardavtal::{Code, Finding, Loc, finding::Problems};
    /// let mut problems = Problems::default();
    /// assert!(problems.is_empty());
    /// problems.push(Finding::error(Code::NegativeWeight, Loc::root(), "negative weight"));
    /// assert!(!problems.is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.findings.is_empty()
    }
    /// The error of everything recorded (the last finding counts those not kept), or
    /// `Ok(())` when nothing was.
    ///
    /// # Errors
    /// The error of every finding recorded, with their codes (when some were only counted,
    /// a last finding with the code of the first says how many).
    ///
    /// ```
    /// use vardavtal::{Code, Finding, Loc, finding::Problems};
    /// assert!(Problems::default().into_result().is_ok());
    /// let mut problems = Problems::default();
    /// problems.push(Finding::error(Code::NegativeWeight, Loc::root(), "negative weight"));
    /// assert_eq!(problems.into_result().unwrap_err().code(), Code::NegativeWeight);
    /// ```
    pub fn into_result(mut self) -> Result<()> {
        if self.findings.is_empty() {
            return Ok(());
        }
        if self.more > 0 {
            let code = self.findings.first().map_or(Code::InvalidValue, |f| f.code);
            self.findings.push(more_problems(code, self.more));
        }
        Err(Error {
            findings: self.findings,
            source: None,
        })
    }
}

/// The last finding of a list that kept only the first [`MAX_FINDINGS`]: `more` were not
/// kept; it has the code of the first.
fn more_problems(code: Code, more: usize) -> Finding {
    let f = crate::message::templates::MORE_PROBLEMS.error(Loc::root());
    Finding { code, ..f }.with("more", more)
}

/// A bounded excerpt of user input for messages: the input itself when short, else its
/// first 60 characters and its length.
///
/// ```
/// use vardavtal::finding::excerpt;
/// assert_eq!(excerpt("01;x"), r#""01;x""#);
/// assert_eq!(excerpt(&"9".repeat(100)), format!("\"{}\"… (100 characters)", "9".repeat(60)));
/// ```
pub fn excerpt(s: &str) -> String {
    let n = s.chars().count();
    if n <= 80 {
        format!("{s:?}")
    } else {
        let head: String = s.chars().take(60).collect();
        format!("{head:?}… ({n} characters)")
    }
}

/// The result type of vardavtal.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_snake_case() {
        let mut seen = std::collections::BTreeSet::new();
        for c in Code::ALL {
            let s = c.as_str();
            assert!(seen.insert(s), "duplicate code {s}");
            assert!(s.chars().all(|ch| ch.is_ascii_lowercase() || ch == '_'));
            assert_eq!(serde_json::to_value(c).ok(), Some(serde_json::json!(s)));
        }
    }

    #[test]
    fn loc_display() {
        assert_eq!(
            loc!["components", 1usize, "amount"].to_string(),
            "components[1].amount"
        );
        assert_eq!(Loc::root().to_string(), "(root)");
    }

    #[test]
    fn finding_serialises_in_the_common_shape() {
        let f = Finding::error(Code::UnknownRecipient, loc!["key", 3usize], "unknown")
            .with("code", "99");
        let v = serde_json::to_value(&f).ok();
        assert_eq!(
            v,
            Some(
                serde_json::json!({"code":"unknown_recipient","severity":"error","loc":["key",3],"msg":"unknown","ctx":{"code":"99"}})
            )
        );
    }
}
