//! Performance outcomes (måluppfyllelse): per criterion and recipient, the measured value,
//! last year's value, or whether the requirement is met; and the test that says whether a
//! recipient qualifies.
//!
//! In files, outcomes are JSON keyed by criterion id, then recipient code:
//!
//! ```
//! use vardavtal::Outcomes;
//! let o = Outcomes::from_json(r#"{"wait90": {"01": {"value": "0.82", "previous": "0.79"},
//!                                          "03": {"met": false}}}"#)?;
//! assert_eq!(o.get("wait90", &"01".into()).and_then(|x| x.previous).map(|d| d.to_string()), Some("0.79".into()));
//! # Ok::<(), vardavtal::Error>(())
//! ```

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::finding::Result;
use crate::recipient::RecipientId;
use crate::rule::Test;

/// One recipient's outcome on one criterion.
#[cfg_attr(
    any(doc, doctest),
    doc = r##"
```
use vardavtal::{Outcome, rust_decimal::Decimal};
// as a file writes it: "72 %" and "0,61" read exactly
let o: Outcome = serde_json::from_str(r#"{"value": "72 %", "previous": "0,61"}"#)?;
assert_eq!(o, Outcome::measured(Decimal::new(72, 2)).with_previous(Decimal::new(61, 2)));
assert_eq!(serde_json::to_string(&o)?, r#"{"value":"0.72","previous":"0.61"}"#);
# Ok::<(), Box<dyn std::error::Error>>(())
```
"##
)]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Outcome {
    /// This year's value.
    #[serde(default, with = "opt_decimal", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub value: Option<Decimal>,
    /// Last year's value.
    #[serde(default, with = "opt_decimal", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub previous: Option<Decimal>,
    /// Whether the requirement is met, where stated directly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub met: Option<bool>,
}

impl Outcome {
    /// A measured value, this year's.
    ///
    /// ```
    /// use vardavtal::{Outcome, rust_decimal::Decimal};
    ///
    /// let o = Outcome::measured(Decimal::new(72, 2)).with_previous(Decimal::new(61, 2));
    /// assert_eq!(o.value, Some(Decimal::new(72, 2)));
    /// assert_eq!(Outcome::stated(true).met, Some(true));
    /// ```
    pub fn measured(value: Decimal) -> Outcome {
        Outcome {
            value: Some(value),
            ..Outcome::default()
        }
    }

    /// Whether the requirement is met, stated directly.
    ///
    /// ```
    /// use vardavtal::{Outcome, Outcomes, Test};
    /// let mut o = Outcomes::default();
    /// o.set("plan", "03".into(), Outcome::stated(false));
    /// let met = Test::Met { measure: None };
    /// assert_eq!(met.evaluate("plan", &"03".into(), &o), Some(false));
    /// ```
    pub fn stated(met: bool) -> Outcome {
        Outcome {
            met: Some(met),
            ..Outcome::default()
        }
    }

    /// With last year's value too (for criteria that measure a change).
    ///
    /// ```
    /// use vardavtal::{Outcome, rust_decimal::Decimal};
    /// let o = Outcome::measured(Decimal::new(82, 2)).with_previous(Decimal::new(79, 2));
    /// assert_eq!((o.value, o.previous), (Some(Decimal::new(82, 2)), Some(Decimal::new(79, 2))));
    /// ```
    pub fn with_previous(mut self, previous: Decimal) -> Self {
        self.previous = Some(previous);
        self
    }
}

mod opt_decimal {
    use rust_decimal::Decimal;
    use serde::{Deserializer, Serializer};
    pub fn serialize<S: Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => crate::money::decimal_str::serialize(d, s),
            None => s.serialize_none(),
        }
    }
    /// From a string as a person writes a measured value: `"0.72"`, `"0,72"` or `"72 %"`
    /// ([`crate::money::parse_measure`]); JSON numbers are refused, as for every decimal.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Decimal;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(
                    "a plain decimal number as a string, e.g. \"0.72\", \"0,72\" or \"72 %\"",
                )
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Decimal, E> {
                crate::money::parse_measure(v).map_err(|e| {
                    E::custom(
                        e.findings()
                            .first()
                            .map_or(String::new(), |f| f.msg.clone()),
                    )
                })
            }
        }
        d.deserialize_str(V).map(Some)
    }
}

/// Outcomes by criterion id, then recipient code. In files, a criterion or recipient given
/// twice is an error.
#[cfg_attr(
    any(doc, doctest),
    doc = r##"
```
use vardavtal::{Code, Outcome, Outcomes};
let mut o = Outcomes::default();
o.set("wait90", "01".into(), Outcome::stated(true));
assert_eq!(serde_json::to_string(&o)?, r#"{"wait90":{"01":{"met":true}}}"#);
let twice = Outcomes::from_json(r#"{"wait90": {"01": {"met": true}, "01": {"met": false}}}"#);
assert_eq!(twice.unwrap_err().code(), Code::DuplicateRecipient);
# Ok::<(), Box<dyn std::error::Error>>(())
```
"##
)]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Outcomes(pub(crate) BTreeMap<String, BTreeMap<RecipientId, Outcome>>);

/// One criterion's outcomes, by recipient (unique codes).
#[derive(Deserialize)]
#[serde(transparent)]
struct ByRecipient(
    #[serde(deserialize_with = "crate::json::unique_map")] BTreeMap<RecipientId, Outcome>,
);

impl<'de> Deserialize<'de> for Outcomes {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let m: BTreeMap<String, ByRecipient> = crate::json::unique_map(d)?;
        Ok(Outcomes(m.into_iter().map(|(k, v)| (k, v.0)).collect()))
    }
}

impl Outcomes {
    /// Parse outcomes from JSON.
    ///
    /// ```
    /// use vardavtal::{Code, Outcomes};
    /// let o = Outcomes::from_json(r#"{"wait60": {"01": {"value": "0,74"}, "03": {"value": "68 %"}}}"#)?;
    /// assert_eq!(o.get("wait60", &"03".into()).and_then(|x| x.value).map(|d| d.to_string()), Some("0.68".into()));
    /// let e = Outcomes::from_json(r#"{"wait60": {"01": {"value": 0.74}}}"#).unwrap_err();
    /// assert_eq!(e.code(), Code::InvalidAmount); // a JSON number may be a float: refused
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    ///
    /// # Errors
    /// Every error of [`crate::json::from_str`], every problem of the document: `syntax`,
    /// `unknown_field`, `invalid_amount` (a value that
    /// [`parse_measure`](crate::money::parse_measure) does not read, or a JSON number, which
    /// may have lost digits: give `"0.74"`), `duplicate_recipient`
    /// (a criterion or recipient given twice) and `invalid_value` (any other value of the
    /// wrong type, or a recipient code too long).
    pub fn from_json(text: &str) -> Result<Outcomes> {
        crate::json::from_str(text)
    }
    /// Read an outcomes file (JSON).
    ///
    /// ```
    /// use vardavtal::{Code, Outcomes};
    /// let path = std::env::temp_dir().join(format!("vardavtal-outcomes-{}.json", std::process::id()));
    /// std::fs::write(&path, r#"{"wait90": {"01": {"value": "0.82", "previous": "0.79"}}}"#)?;
    /// let o = Outcomes::from_file(&path);
    /// std::fs::remove_file(&path)?;
    /// assert_eq!(o?.criteria().count(), 1);
    /// let missing = Outcomes::from_file(std::path::Path::new("no/such/outcomes.json"));
    /// assert_eq!(missing.unwrap_err().code(), Code::Io);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// Every error of [`crate::json::from_file`]: `io` when the file cannot be read, then
    /// those of [`Outcomes::from_json`], located under the file name.
    pub fn from_file(path: &std::path::Path) -> Result<Outcomes> {
        crate::json::from_file(path)
    }
    /// The outcome of `recipient` on `criterion`.
    ///
    /// ```
    /// use vardavtal::{Outcomes, RecipientId};
    /// let o = Outcomes::from_json(r#"{"wait90": {"01": {"met": true}}}"#)?;
    /// assert_eq!(o.get("wait90", &RecipientId::new("01")).and_then(|x| x.met), Some(true));
    /// assert!(o.get("wait90", &RecipientId::new("03")).is_none() && o.get("wait60", &"01".into()).is_none());
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn get(&self, criterion: &str, recipient: &RecipientId) -> Option<&Outcome> {
        self.0.get(criterion).and_then(|m| m.get(recipient))
    }
    /// Set an outcome.
    ///
    /// ```
    /// use vardavtal::{Outcome, Outcomes};
    /// let mut o = Outcomes::default();
    /// o.set("wait60", "01".into(), Outcome::measured("0.70".parse()?));
    /// o.set("wait60", "01".into(), Outcome::measured("0.74".parse()?)); // replaces
    /// assert_eq!(o.get("wait60", &"01".into()).and_then(|x| x.value).map(|d| d.to_string()), Some("0.74".into()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn set(&mut self, criterion: &str, recipient: RecipientId, outcome: Outcome) {
        self.0
            .entry(criterion.to_owned())
            .or_default()
            .insert(recipient, outcome);
    }
    /// True when there are no outcomes.
    ///
    /// ```
    /// use vardavtal::Outcomes;
    /// assert!(Outcomes::default().is_empty());
    /// assert!(Outcomes::from_json("{}")?.is_empty());
    /// assert!(!Outcomes::from_json(r#"{"wait90": {"01": {"met": true}}}"#)?.is_empty());
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// Every criterion's outcomes, by recipient, in criterion order.
    ///
    /// ```
    /// use vardavtal::Outcomes;
    /// let o = Outcomes::from_json(r#"{"wait90": {"01": {"met": true}, "03": {"met": false}},
    ///                                 "wait60": {"01": {"value": "0.74"}}}"#)?;
    /// let counts: Vec<(&str, usize)> = o.criteria().map(|(c, by)| (c, by.len())).collect();
    /// assert_eq!(counts, [("wait60", 1), ("wait90", 2)]);
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn criteria(&self) -> impl Iterator<Item = (&str, &BTreeMap<RecipientId, Outcome>)> {
        self.0.iter().map(|(c, m)| (c.as_str(), m))
    }
}

impl Test {
    /// Whether `recipient` passes the test on `criterion`, reading its outcomes; `None`
    /// when an outcome the test needs is missing.
    ///
    /// ```
    /// use vardavtal::{Outcome, Outcomes, Test};
    /// let mut o = Outcomes::default();
    /// o.set("wait90", "01".into(), Outcome::measured("0.72".parse()?).with_previous("0.75".parse()?));
    /// let improved = Test::Improved { lower_is_better: false, measure: None };
    /// assert_eq!(improved.evaluate("wait90", &"01".into(), &o), Some(false));
    /// let level = Test::AtLeast { threshold: "0.71".parse()?, measure: None };
    /// assert_eq!(level.evaluate("wait90", &"01".into(), &o), Some(true));
    /// assert_eq!(level.evaluate("wait90", &"03".into(), &o), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn evaluate(
        &self,
        criterion: &str,
        recipient: &RecipientId,
        outcomes: &Outcomes,
    ) -> Option<bool> {
        if let Test::Any { tests } = self {
            let results: Vec<Option<bool>> = tests
                .iter()
                .map(|t| t.evaluate(criterion, recipient, outcomes))
                .collect();
            return if results.contains(&Some(true)) {
                Some(true)
            } else if results.iter().all(Option::is_some) {
                Some(false)
            } else {
                None
            };
        }
        let o = outcomes.get(self.measure().unwrap_or(criterion), recipient)?;
        match self {
            Test::Improved {
                lower_is_better, ..
            } => {
                let (v, p) = (o.value?, o.previous?);
                Some(if *lower_is_better { v < p } else { v > p })
            }
            Test::AtLeast { threshold, .. } => Some(o.value? >= *threshold),
            Test::AtMost { threshold, .. } => Some(o.value? <= *threshold),
            Test::Met { .. } => o.met,
            Test::Any { .. } => None,
        }
    }

    /// The outcome ids this test reads for `criterion`.
    ///
    /// ```
    /// use vardavtal::Test;
    /// // "Kömiljarden" 2019: improved on wait90, or at least 71 % on wait60
    /// let t = Test::Any { tests: vec![
    ///     Test::Improved { lower_is_better: false, measure: Some("wait90".into()) },
    ///     Test::AtLeast { threshold: "0.71".parse()?, measure: Some("wait60".into()) },
    /// ] };
    /// assert_eq!(t.measures("waiting"), ["wait60", "wait90"]);
    /// assert_eq!(Test::Met { measure: None }.measures("plan"), ["plan"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn measures<'a>(&'a self, criterion: &'a str) -> Vec<&'a str> {
        match self {
            Test::Any { tests } => {
                let mut v: Vec<&str> = tests.iter().flat_map(|t| t.measures(criterion)).collect();
                v.sort_unstable();
                v.dedup();
                v
            }
            t => vec![t.measure().unwrap_or(criterion)],
        }
    }
}
