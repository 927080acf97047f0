//! Distribution keys (fördelningsnycklar): the weights a pot is split by.
//!
//! A [`KeySpec`] says which key (a bundled population at a date, the bundled 2024
//! care-need key, population × a supplied need index, or weights supplied by the user);
//! [`KeySpec::resolve`] turns it into a [`Key`]: recipients in code order with exact
//! non-negative weights, ready to split a pot with [`Key::split`].
//!
//! ```
//! use vardavtal::{KeySpec, Sek, Unit};
//! let key = "population:regions:2021-11-01".parse::<KeySpec>()?.resolve()?;
//! let parts = key.split("443000000".parse()?, Unit::Krona)?;
//! assert_eq!(parts.len(), 21);
//! assert_eq!(parts.iter().map(|p| p.value()).sum::<rust_decimal::Decimal>(), "443000000".parse()?);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::apportion::{self, ApportionError};
use crate::finding::{Error, Finding, Loc, Result};
use crate::input::bounds::Bounded;
use crate::message::Template;
use crate::message::templates::input::{
    APPORTION_TOO_LARGE, APPORTION_WEIGHTS_ALL_ZERO, DATE_OUT_OF_RANGE, DATE_REFUSED, DATE_SHAPE,
    KEY_ARGUMENT_NEITHER_SPEC_NOR_FILE, KEY_CSV_HEADER_COLUMNS, KEY_CSV_HEADER_TWICE,
    KEY_CSV_HEADER_UNREADABLE, KEY_CSV_MALFORMED, KEY_DUPLICATE_RECIPIENT, KEY_EMPTY,
    KEY_NEGATIVE_WEIGHT, KEY_SPEC_DATE_OUT_OF_RANGE, KEY_SPEC_DATE_REFUSED, KEY_SPEC_DATE_SHAPE,
    KEY_SPEC_UNKNOWN_FORM, KEY_SPEC_UNKNOWN_LEVEL, KEY_WEIGHT_SUM_TOO_LARGE, KEY_WEIGHTS_ALL_ZERO,
    KEY_WEIGHTS_TOO_MANY_DIGITS, NEED_INDEX_CODES_WITHOUT_POPULATION, NEED_INDEX_PRODUCT_TOO_LARGE,
    NO_POPULATION_DATA_MUNICIPALITIES, NO_POPULATION_DATA_REGIONS,
};
use crate::money::{Sek, Unit};
use crate::recipient::RecipientId;
use crate::reference::{self, Level};

/// Which distribution key to use.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::{KeySpec, reference::Level};
let spec: KeySpec = "population:municipalities:2024-12-31".parse()?;
assert!(matches!(spec, KeySpec::Population { level: Level::Municipalities, .. }));
assert_eq!(spec.to_string(), "population:municipalities:2024-12-31");
assert_eq!(spec.resolve()?.len(), 290);
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum KeySpec {
    /// SCB population of the regions or municipalities at a reference date in the
    /// bundled data (fördelas enligt befolkningsmängd). Text form
    /// `population:regions:2021-11-01`.
    Population {
        /// Regions or municipalities.
        level: Level,
        /// Reference date (`YYYY-MM-DD`).
        #[cfg_attr(feature = "schema", schemars(with = "String"))]
        #[serde(with = "date_str")]
        date: NaiveDate,
    },
    /// The bundled care-need key of the regions for 2024 (efter vårdbehov): the
    /// health care sub-model of the cost-equalisation system, as published. Text form
    /// `needs:regions:2024`.
    NeedsRegions2024 {},
    /// Needs-weighted population: population at `date` × a need index per recipient.
    NeedsWeighted {
        /// Regions or municipalities.
        level: Level,
        /// Reference date of the population.
        #[cfg_attr(feature = "schema", schemars(with = "String"))]
        #[serde(with = "date_str")]
        date: NaiveDate,
        /// Need index by recipient code (plain decimal strings, non-negative).
        #[cfg_attr(feature = "schema", schemars(with = "BTreeMap<String, String>"))]
        #[serde(deserialize_with = "crate::json::unique_map")]
        index: BTreeMap<RecipientId, Weight>,
    },
    /// Weights supplied by the user, by recipient code (non-negative plain decimal strings).
    Weights {
        /// A name for the key, shown in explanations.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        name: Option<String>,
        /// Weight by recipient code.
        #[cfg_attr(feature = "schema", schemars(with = "BTreeMap<String, String>"))]
        #[serde(deserialize_with = "crate::json::unique_map")]
        weights: BTreeMap<RecipientId, Weight>,
    },
}

/// A key weight or need index, exact; a plain decimal string in files (read also as Swedish
/// writes it: `"0,72"`, `"72 %"`, `"2 411 859"`).
///
/// Built in code ([`Weight::new`], `parse`) a weight is never negative. Read from a file it
/// can be, so that the problem is reported where it is: a key with a negative weight is
/// refused (`negative_weight`, located at the weight) when it is built or validated.
#[cfg_attr(
    any(doc, doctest),
    doc = r##"
```
use vardavtal::{Weight, rust_decimal::Decimal};
let w: Weight = "72 %".parse()?;
assert_eq!(w.value(), Decimal::new(72, 2));
// in a file: a string as Swedish writes it, or a whole JSON number
let ws: Vec<Weight> = serde_json::from_str(r#"["2 411 859", 2411859, "0,72"]"#)?;
assert_eq!(ws[0], ws[1]);
assert_eq!(serde_json::to_string(&ws[2])?, r#""0.72""#);
# Ok::<(), Box<dyn std::error::Error>>(())
```
"##
)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[serde(transparent)]
pub struct Weight(
    #[serde(
        serialize_with = "crate::money::decimal_str::serialize",
        deserialize_with = "crate::money::decimal_str::deserialize_weight"
    )]
    pub(crate) Decimal,
);

impl Weight {
    /// The weight as a `Decimal`.
    ///
    /// ```
    /// use vardavtal::{Weight, rust_decimal::Decimal};
    /// assert_eq!("2 411 859".parse::<Weight>()?.value(), Decimal::from(2_411_859));
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn value(self) -> Decimal {
        self.0
    }
    /// A weight, refused when negative.
    ///
    /// ```
    /// use vardavtal::{Code, Weight};
    /// let w: Weight = "2 411 859".parse()?; // as Swedish writes it, or "0,72", "72 %"
    /// assert_eq!(w, Weight::new(2_411_859.into())?);
    /// assert_eq!(Weight::new((-1).into()).unwrap_err().code(), Code::NegativeWeight);
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    ///
    /// # Errors
    /// `negative_weight` below zero.
    pub fn new(d: Decimal) -> Result<Weight> {
        if d.is_sign_negative() && !d.is_zero() {
            let f = crate::message::templates::input::WEIGHT_NEGATIVE.error(Loc::root());
            return Err(f.with("weight", d).into_error());
        }
        Ok(Weight(d))
    }
}

impl FromStr for Weight {
    type Err = Error;
    /// A weight as [`parse_weight`](crate::money::parse_weight) reads it, refused when
    /// negative.
    fn from_str(s: &str) -> Result<Weight> {
        Weight::new(crate::money::parse_weight(s)?)
    }
}

impl FromStr for KeySpec {
    type Err = Error;
    /// `population:regions:DATE`, `population:municipalities:DATE` or `needs:regions:2024`.
    fn from_str(s: &str) -> Result<KeySpec> {
        let bad = |f: Finding| f.with("key", s).into_error();
        let parts: Vec<&str> = s.split(':').collect();
        match parts.as_slice() {
            ["population", level, date] => {
                let level = match *level {
                    "regions" => Level::Regions,
                    "municipalities" => Level::Municipalities,
                    l => {
                        let f = KEY_SPEC_UNKNOWN_LEVEL.error(Loc::root()).with("level", l);
                        return Err(bad(f));
                    }
                };
                let date = read_date(date)
                    .map_err(|b| bad(b.finding(&KEY_SPEC_DATE).with("input", *date)))?;
                Ok(KeySpec::Population { level, date })
            }
            ["needs", "regions", "2024"] => Ok(KeySpec::NeedsRegions2024 {}),
            _ => Err(bad(KEY_SPEC_UNKNOWN_FORM.error(Loc::root()))),
        }
    }
}

impl fmt::Display for KeySpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeySpec::Population { level, date } => {
                write!(f, "population:{}:{date}", level.as_str())
            }
            KeySpec::NeedsRegions2024 {} => f.write_str("needs:regions:2024"),
            KeySpec::NeedsWeighted { level, date, .. } => {
                write!(f, "needs-weighted population:{}:{date}", level.as_str())
            }
            KeySpec::Weights { name, weights } => match name {
                Some(n) => write!(f, "{n}"),
                None => write!(f, "{}", supplied_description(weights.len())),
            },
        }
    }
}

/// The source of weights a user supplied.
const SUPPLIED: &str = "supplied";

/// What unnamed supplied weights are called.
fn supplied_description(n: usize) -> String {
    format!("supplied weights ({n} recipients)")
}

/// Parse a `YYYY-MM-DD` date: four-digit year, two-digit month and day, nothing else
/// (no sign, no unpadded fields, no time).
///
/// ```
/// use vardavtal::{Code, key::parse_date};
/// assert_eq!(parse_date("2021-11-01")?.to_string(), "2021-11-01");
/// assert_eq!(parse_date("2021-11-1").unwrap_err().code(), Code::InvalidDate);
/// assert_eq!(parse_date("2021-02-30").unwrap_err().code(), Code::InvalidDate);
/// # Ok::<(), vardavtal::Error>(())
/// ```
///
/// # Errors
/// `invalid_date` when the text is not `YYYY-MM-DD` (four, two and two digits) or names a
/// month or day that does not exist.
pub fn parse_date(s: &str) -> Result<NaiveDate> {
    read_date(s).map_err(|b| b.finding(&PLAIN_DATE).with("input", s).into_error())
}

/// Why a text is not a `YYYY-MM-DD` date.
enum BadDate {
    /// Not four digits, a dash, two digits, a dash and two digits.
    Shape,
    /// A month or day that does not exist.
    OutOfRange,
    /// Refused by the calendar for another reason (its words).
    Other(String),
}

/// The templates of a bad date, one for each [`BadDate`].
struct DateTemplates {
    shape: &'static Template,
    out_of_range: &'static Template,
    other: &'static Template,
}

/// A date alone.
const PLAIN_DATE: DateTemplates = DateTemplates {
    shape: &DATE_SHAPE,
    out_of_range: &DATE_OUT_OF_RANGE,
    other: &DATE_REFUSED,
};

/// The date of a key spec.
const KEY_SPEC_DATE: DateTemplates = DateTemplates {
    shape: &KEY_SPEC_DATE_SHAPE,
    out_of_range: &KEY_SPEC_DATE_OUT_OF_RANGE,
    other: &KEY_SPEC_DATE_REFUSED,
};

impl BadDate {
    /// The finding (at the root) of this problem, from `t`.
    fn finding(self, t: &DateTemplates) -> Finding {
        match self {
            BadDate::Shape => t.shape.error(Loc::root()),
            BadDate::OutOfRange => t.out_of_range.error(Loc::root()),
            BadDate::Other(why) => t.other.error(Loc::root()).with("reason", why),
        }
    }
}

/// A strict `YYYY-MM-DD` date, or why it is not one.
fn read_date(s: &str) -> std::result::Result<NaiveDate, BadDate> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if !shape {
        return Err(BadDate::Shape);
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| match e.kind() {
        chrono::format::ParseErrorKind::OutOfRange => BadDate::OutOfRange,
        _ => BadDate::Other(e.to_string()),
    })
}

/// serde helpers for `NaiveDate` fields: written and read as strict `YYYY-MM-DD`.
pub mod date_str {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    /// Serialise as `YYYY-MM-DD`.
    ///
    /// ```
    /// use vardavtal::chrono::NaiveDate;
    /// #[derive(serde::Serialize)]
    /// struct Paid {
    ///     #[serde(serialize_with = "vardavtal::key::date_str::serialize")]
    ///     date: NaiveDate,
    /// }
    /// let date = NaiveDate::from_ymd_opt(2022, 3, 1).unwrap();
    /// assert_eq!(serde_json::to_string(&Paid { date }).unwrap(), r#"{"date":"2022-03-01"}"#);
    /// ```
    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(&d.format("%Y-%m-%d"))
    }

    /// Deserialise from a strict `YYYY-MM-DD` string.
    ///
    /// ```
    /// use vardavtal::chrono::NaiveDate;
    /// #[derive(serde::Deserialize)]
    /// struct Paid {
    ///     #[serde(deserialize_with = "vardavtal::key::date_str::deserialize")]
    ///     date: NaiveDate,
    /// }
    /// let p: Paid = serde_json::from_str(r#"{"date": "2022-03-01"}"#).unwrap();
    /// assert_eq!(p.date, NaiveDate::from_ymd_opt(2022, 3, 1).unwrap());
    /// assert!(serde_json::from_str::<Paid>(r#"{"date": "2022-3-1"}"#).is_err());
    /// ```
    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> std::result::Result<NaiveDate, D::Error> {
        let s = String::deserialize(d)?;
        super::parse_date(&s).map_err(|e| {
            serde::de::Error::custom(
                e.findings()
                    .first()
                    .map_or(String::new(), |f| f.msg.clone()),
            )
        })
    }
}

impl KeySpec {
    /// Resolve the key against the bundled data: recipients in code order with weights.
    ///
    /// ```
    /// use vardavtal::{KeySpec, RecipientId, rust_decimal::Decimal};
    /// let key = "needs:regions:2024".parse::<KeySpec>()?.resolve()?;
    /// assert_eq!(key.len(), 21);
    /// assert_eq!(key.iter().next(), Some((&RecipientId::new("01"), Decimal::from(1_267_100_000))));
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`KeySpec::resolve_with`], with no declared recipients.
    pub fn resolve(&self) -> Result<Key> {
        self.resolve_with(&[])
    }

    /// Resolve, accepting the recipient codes in `declared` as well as the known ones.
    ///
    /// ```
    /// use vardavtal::{Code, KeySpec, RecipientId};
    /// let spec: KeySpec = serde_json::from_str(
    ///     r#"{"type": "weights", "weights": {"SKR": "3", "socialstyrelsen": "1"}}"#,
    /// ).unwrap();
    /// assert_eq!(spec.resolve().unwrap_err().code(), Code::UnknownRecipient);
    /// let key = spec.resolve_with(&[RecipientId::new("socialstyrelsen")])?;
    /// assert_eq!(key.split_units(100)?, vec![75, 25]);
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    ///
    /// # Errors
    /// `no_population_data` when the bundled data has no population of the level at the
    /// date (a population or needs-weighted key). For a needs-weighted key,
    /// `unknown_recipient` for index codes with no population and `too_large` when a
    /// population × index does not fit a `Decimal`. For supplied weights (and the products
    /// of a need index) every error of [`Key::new`]: `empty_key`, `unknown_recipient` (a
    /// code neither known nor in `declared`), `negative_weight`, `zero_total_weight`,
    /// `too_large`, and `invalid_value` for a code longer than
    /// [`MAX_CODE_CHARS`](crate::input::bounds::MAX_CODE_CHARS).
    pub fn resolve_with(&self, declared: &[RecipientId]) -> Result<Key> {
        match self {
            // Bundled keys name known codes only, so `declared` does not change them.
            KeySpec::Population { level, date } => bundled(Some((*level, *date)), || {
                let rows = population_rows(*level, *date)?;
                let sources = distinct(rows.iter().map(|r| r.source));
                Key::new(
                    self.to_string(),
                    sources,
                    rows.iter()
                        .map(|r| (RecipientId::new(r.code), Decimal::from(r.population))),
                    &[],
                )
            }),
            KeySpec::NeedsRegions2024 {} => bundled(None, || {
                let rows = reference::needs_key_regions_2024();
                Key::new(
                    self.to_string(),
                    distinct(rows.iter().map(|r| r.2)),
                    rows.iter()
                        .map(|r| (RecipientId::new(r.0), Decimal::from(r.1))),
                    &[],
                )
            }),
            KeySpec::NeedsWeighted { level, date, index } => {
                let rows = population_rows(*level, *date)?;
                let pop: BTreeMap<&str, u64> =
                    rows.iter().map(|r| (r.code, r.population)).collect();
                let mut missing = Vec::new();
                let mut entries = Vec::new();
                for (code, w) in index {
                    match pop.get(code.as_str()) {
                        Some(p) => entries.push((
                            code.clone(),
                            Decimal::from(*p)
                                .checked_mul(w.0)
                                .ok_or_else(|| {
                                    NEED_INDEX_PRODUCT_TOO_LARGE
                                        .error(loc_key(code))
                                        .with("recipient", code)
                                })
                                .map_err(crate::finding::Finding::into_error)?,
                        )),
                        None => missing.push(code.to_string()),
                    }
                }
                if !missing.is_empty() {
                    let population = KeySpec::Population {
                        level: *level,
                        date: *date,
                    };
                    return Err(NEED_INDEX_CODES_WITHOUT_POPULATION
                        .error(Loc::root().join("index"))
                        .with("population", population)
                        .with("missing", missing.join(", "))
                        .with("codes", missing.join(","))
                        .into_error());
                }
                Key::new(
                    self.to_string(),
                    distinct(rows.iter().map(|r| r.source)),
                    entries,
                    declared,
                )
            }
            KeySpec::Weights { weights, .. } => Key::new(
                self.to_string(),
                vec![SUPPLIED.into()],
                weights.iter().map(|(k, w)| (k.clone(), w.0)),
                declared,
            ),
        }
    }
}

/// The position of the one header in `names`; a `key_csv_header_twice` error naming both
/// when two headers are (`region_code,code,weight`), so that no column is chosen silently.
fn header_column(
    headers: &csv::StringRecord,
    names: &[&str],
    what: (&str, &str),
    file: &Loc,
) -> Result<Option<usize>> {
    let mut found = headers
        .iter()
        .enumerate()
        .filter(|(_, h)| names.contains(h));
    let first = found.next();
    match (first, found.next()) {
        (Some((_, a)), Some((_, b))) => Err(KEY_CSV_HEADER_TWICE
            .error(file.join(1usize))
            .with("what", what.0)
            .with("what.sv", what.1)
            .with("columns", format!("{a}, {b}"))
            .into_error()),
        _ => Ok(first.map(|(i, _)| i)),
    }
}

fn loc_key(code: &RecipientId) -> Loc {
    Loc::root().join("weights").join(code.as_str())
}

fn distinct<'a>(it: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut v: Vec<String> = it.map(str::to_owned).collect();
    v.sort();
    v.dedup();
    v
}

fn population_rows(
    level: Level,
    date: NaiveDate,
) -> Result<Vec<&'static reference::PopulationRow>> {
    let rows = reference::population(level, date);
    if rows.is_empty() {
        let dates: Vec<String> = reference::population_dates(level)
            .iter()
            .map(ToString::to_string)
            .collect();
        let t = match level {
            Level::Regions => &NO_POPULATION_DATA_REGIONS,
            Level::Municipalities => &NO_POPULATION_DATA_MUNICIPALITIES,
        };
        return Err(t
            .error(Loc::root())
            .with("date", date)
            .with("level", level.as_str())
            .with("dates", dates.join(", "))
            .with("available", dates.join(","))
            .into_error());
    }
    Ok(rows)
}

/// A bundled key (a population at a date, or the care-need key when `date` is `None`),
/// resolved once per process and then handed out again: a key by name costs a look-up.
fn bundled(at: Option<(Level, NaiveDate)>, make: impl FnOnce() -> Result<Key>) -> Result<Key> {
    type Cache = Vec<(Option<(Level, NaiveDate)>, Key)>;
    static CACHE: std::sync::Mutex<Cache> = std::sync::Mutex::new(Vec::new());
    let found = |c: &Cache| c.iter().find(|(a, _)| *a == at).map(|(_, k)| k.clone());
    if let Some(k) = CACHE.lock().ok().and_then(|c| found(&c)) {
        return Ok(k);
    }
    let key = make()?;
    if let Ok(mut c) = CACHE.lock() {
        c.push((at, key.clone()));
    }
    Ok(key)
}

/// A key by its spec text (`population:regions:2021-11-01`): the text is looked up first,
/// so a bundled key asked for by name again is not even parsed again.
///
/// Each thread keeps its own list of the keys it has asked for by name, so the look-up takes
/// no lock (a lock and a scan were a tenth of a split over 290 municipalities); the shared
/// list behind it resolves each key once per process.
fn by_name(spec: &str) -> Result<Key> {
    type Named = Vec<(Box<str>, Key)>;
    thread_local! {
        static MINE: std::cell::RefCell<Named> = const { std::cell::RefCell::new(Vec::new()) };
    }
    static NAMED: std::sync::Mutex<Named> = std::sync::Mutex::new(Vec::new());
    let find = |c: &Named| c.iter().find(|(s, _)| &**s == spec).map(|(_, k)| k.clone());
    if let Some(k) = MINE.with(|m| find(&m.borrow())) {
        return Ok(k);
    }
    let shared = NAMED.lock().ok().and_then(|c| find(&c));
    if let Some(k) = shared {
        MINE.with(|m| m.borrow_mut().push((spec.into(), k.clone())));
        return Ok(k);
    }
    let parsed = spec.parse::<KeySpec>()?;
    let key = parsed.resolve()?;
    let bundled = !matches!(
        parsed,
        KeySpec::Weights { .. } | KeySpec::NeedsWeighted { .. }
    );
    if let (true, Ok(mut c)) = (bundled, NAMED.lock()) {
        c.push((spec.into(), key.clone()));
        MINE.with(|m| m.borrow_mut().push((spec.into(), key.clone())));
    }
    Ok(key)
}

/// A resolved distribution key: recipients in code order, each with an exact weight.
///
/// Cheap to clone (the figures are shared), so a bundled key is resolved once and handed
/// out again ([`KeySpec::resolve`]).
///
/// ```
/// use vardavtal::{Key, rust_decimal::Decimal};
/// let key = Key::from_spec("population:regions:2021-11-01")?;
/// assert_eq!((key.len(), key.total()), (21, Decimal::from(10_443_100)));
/// let again = key.clone(); // shares the figures
/// assert_eq!(again.weights()[0], Decimal::from(2_411_859)); // Region Stockholm
/// # Ok::<(), vardavtal::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Key(Arc<data::Key>);

mod data {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Serialize};

    use crate::recipient::RecipientId;

    /// A resolved distribution key: recipients in code order, each with an exact weight.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
    #[serde(try_from = "super::KeyForm")]
    pub struct Key {
        pub(super) description: String,
        pub(super) sources: Vec<String>,
        pub(super) recipients: Vec<RecipientId>,
        #[serde(serialize_with = "super::ser_weights")]
        pub(super) weights: Vec<Decimal>,
        #[serde(skip)]
        pub(super) int_weights: Vec<u128>,
        #[serde(skip)]
        pub(super) total: Decimal,
    }
}

/// The JSON form of a [`Key`], read back through [`Key::new`] (which checks it again; the
/// recipients need not be known codes):
///
/// ```
/// let k = vardavtal::input::key("code,weight\n01,2\n03,1.5\n")?;
/// let back: vardavtal::Key = vardavtal::json::from_str(&serde_json::to_string(&k).unwrap())?;
/// assert_eq!(back, k);
/// # Ok::<(), vardavtal::Error>(())
/// ```
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyForm {
    description: String,
    sources: Vec<String>,
    recipients: Vec<RecipientId>,
    weights: Vec<Weight>,
}

impl TryFrom<KeyForm> for data::Key {
    type Error = Error;
    fn try_from(f: KeyForm) -> Result<data::Key> {
        let entries = f
            .recipients
            .iter()
            .cloned()
            .zip(f.weights.into_iter().map(|w| w.0));
        let k = Key::new(f.description, f.sources, entries, &f.recipients)?;
        Ok(Arc::unwrap_or_clone(k.0))
    }
}

fn ser_weights<S: serde::Serializer>(w: &[Decimal], s: S) -> std::result::Result<S::Ok, S::Error> {
    s.collect_seq(w.iter().map(|d| d.normalize().to_string()))
}

impl Key {
    /// A key of weights as a user supplied them (a host language's mapping, a table's
    /// rows), unnamed, in the order given. Nothing is refused before every pair is seen:
    /// the errors are those of [`Key::new`], every one, each located at its code.
    ///
    /// ```
    /// use vardavtal::{Code, Key, RecipientId, rust_decimal::Decimal};
    /// let one = |c: &str, w: i64| (RecipientId::new(c), Decimal::from(w));
    /// let key = Key::supplied([one("01", 3), one("03", 1)])?;
    /// assert_eq!(key.description(), "supplied weights (2 recipients)");
    /// let e = Key::supplied([one("01", 1), one("99", 1), one("03", -1), one("01", 2)]).unwrap_err();
    /// let mut codes: Vec<&str> = e.findings().iter().map(|f| f.code.as_str()).collect();
    /// codes.sort();
    /// assert_eq!(codes, ["duplicate_recipient", "negative_weight", "unknown_recipient"]);
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`Key::new`]: `empty_key`; every `invalid_value` (`text_too_long`),
    /// `unknown_recipient`, `duplicate_recipient` and `negative_weight`; then `too_large`
    /// and `zero_total_weight`.
    pub fn supplied(weights: impl IntoIterator<Item = (RecipientId, Decimal)>) -> Result<Key> {
        let weights: Vec<_> = weights.into_iter().collect();
        Key::new(
            supplied_description(weights.len()),
            vec![SUPPLIED.into()],
            weights,
            &[],
        )
    }

    /// A key from (recipient, weight) pairs in any order. Refuses an empty key, negative
    /// weights, unknown or duplicate recipient codes and all-zero weights, naming each
    /// problem (all of them, not only the first).
    ///
    /// ```
    /// use vardavtal::{Code, Key, RecipientId, rust_decimal::Decimal};
    /// let k = Key::new("mine", vec![], [("03".into(), Decimal::ONE), ("01".into(), Decimal::TWO)], &[])?;
    /// assert_eq!(k.recipients()[0], RecipientId::new("01")); // in code order
    /// assert_eq!(k.total(), Decimal::from(3));
    /// let e = Key::new("bad", vec![], [("99".into(), Decimal::ONE)], &[]).unwrap_err();
    /// assert_eq!(e.code(), Code::UnknownRecipient);
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    ///
    /// # Errors
    /// `empty_key` when there are no entries. Then, every one found: `invalid_value`
    /// (`text_too_long`) for a code longer than
    /// [`MAX_CODE_CHARS`](crate::input::bounds::MAX_CODE_CHARS), `unknown_recipient` for a
    /// code that is neither a known recipient nor in `declared`, `duplicate_recipient` for
    /// a code given twice, `negative_weight` for a weight below zero. Then `too_large` when
    /// the weights' sum, or the weights as integers of one scale, do not fit, and
    /// `zero_total_weight` when every weight is zero.
    pub fn new(
        description: impl Into<String>,
        sources: Vec<String>,
        entries: impl IntoIterator<Item = (RecipientId, Decimal)>,
        declared: &[RecipientId],
    ) -> Result<Key> {
        // in code order, for the binary search of `check_known`
        let declared: std::borrow::Cow<'_, [RecipientId]> = if declared.is_sorted() {
            declared.into()
        } else {
            let mut d = declared.to_vec();
            d.sort_unstable();
            d.into()
        };
        let declared = &*declared;
        let mut entries: Vec<(RecipientId, Decimal)> = entries.into_iter().collect();
        if entries.is_empty() {
            return Err(KEY_EMPTY.error(Loc::root()).into_error());
        }
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        let mut problems = crate::finding::Problems::default();
        for (i, (code, w)) in entries.iter().enumerate() {
            if let Some(n) = Bounded::Code.excess(code.as_str()) {
                // located by its shown form: the code itself may be megabytes
                let at = Loc::root().join(crate::escape::shown(code.as_str()).into_owned());
                problems.push(Bounded::Code.finding(at, n));
                continue;
            }
            let at = Loc::root().join(code.as_str());
            if let Err(e) = code.check_known(declared, &at) {
                problems.extend(e.into_findings());
            }
            if i > 0 && entries.get(i - 1).map(|p| &p.0) == Some(code) {
                problems.push(
                    KEY_DUPLICATE_RECIPIENT
                        .error(at.clone())
                        .with("recipient", code),
                );
            }
            if w.is_sign_negative() && !w.is_zero() {
                problems.push(
                    KEY_NEGATIVE_WEIGHT
                        .error(at)
                        .with("recipient", code)
                        .with("weight", w),
                );
            }
        }
        problems.into_result()?;
        let total = entries
            .iter()
            .try_fold(Decimal::ZERO, |a, (_, w)| a.checked_add(*w))
            .ok_or_else(|| KEY_WEIGHT_SUM_TOO_LARGE.error(Loc::root()))
            .map_err(crate::finding::Finding::into_error)?;
        if total.is_zero() {
            return Err(KEY_WEIGHTS_ALL_ZERO.error(Loc::root()).into_error());
        }
        let ws: Vec<Decimal> = entries.iter().map(|(_, w)| *w).collect();
        let int_weights = scale_to_integers(&ws)
            .ok_or_else(|| KEY_WEIGHTS_TOO_MANY_DIGITS.error(Loc::root()))
            .map_err(crate::finding::Finding::into_error)?;
        let (recipients, weights) = entries.into_iter().unzip();
        Ok(Key(Arc::new(data::Key {
            description: description.into(),
            sources,
            recipients,
            weights,
            int_weights,
            total,
        })))
    }

    /// A key from CSV text with a header naming a `code` column (or `region_code`,
    /// `municipality_code`) and a `weight` column; other columns are ignored. Errors name
    /// the line and column.
    ///
    /// ```
    /// use vardavtal::{Code, Key};
    /// // as Swedish Excel writes it: semicolons, spaces between thousands
    /// let k = Key::from_csv("k.csv", "kod;vikt\n01;2 411 859\n03;1\n", &[])?;
    /// assert_eq!(k.weights()[0].to_string(), "2411859");
    /// let e = Key::from_csv("k.csv", "code,weight\n01,x\n", &[]).unwrap_err();
    /// assert_eq!(e.code(), Code::InvalidAmount);
    /// assert_eq!(e.findings()[0].loc.to_string(), "k.csv[2].weight");
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    ///
    /// # Errors
    /// `syntax` when the header cannot be read, names a code or weight column twice or
    /// lacks one of them, or a record is malformed. Then, every one found: `invalid_value`
    /// (`text_too_long`) for a code too long, `invalid_amount` for a weight that
    /// [`parse_weight`](crate::money::parse_weight) does not read. Then every error of
    /// [`Key::new`]. Every location starts with `name`.
    pub fn from_csv(name: &str, text: &str, declared: &[RecipientId]) -> Result<Key> {
        let file = Loc::root().join(name);
        // Swedish Excel writes a byte-order mark and separates by semicolons.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let first = text.lines().next().unwrap_or_default();
        let delimiter = if first.contains(';') { b';' } else { b',' };
        let mut rdr = csv::ReaderBuilder::new()
            .trim(csv::Trim::All)
            .delimiter(delimiter)
            .from_reader(text.as_bytes());
        let headers = rdr
            .headers()
            .map_err(|e| {
                KEY_CSV_HEADER_UNREADABLE
                    .error(file.clone())
                    .with("reason", e)
            })
            .map_err(crate::finding::Finding::into_error)?
            .clone();
        const CODES: &[&str] = &[
            "code",
            "region_code",
            "municipality_code",
            "kod",
            "regionkod",
            "kommunkod",
        ];
        let (ci, wi) = (
            header_column(&headers, CODES, ("code", "koden"), &file)?,
            header_column(&headers, &["weight", "vikt"], ("weight", "vikten"), &file)?,
        );
        let (Some(ci), Some(wi)) = (ci, wi) else {
            // the header's own words are not echoed: they may be a file's contents
            return Err(KEY_CSV_HEADER_COLUMNS
                .error(file.join(1usize))
                .with("count", headers.len())
                .into_error());
        };
        let mut entries = Vec::new();
        let mut problems = crate::finding::Problems::default();
        for rec in rdr.records() {
            let rec = rec
                .map_err(|e| {
                    let line = e.position().map_or(0, |p| p.line());
                    KEY_CSV_MALFORMED
                        .error(file.join(line as usize))
                        .with("reason", e)
                })
                .map_err(crate::finding::Finding::into_error)?;
            let line = rec.position().map_or(0, |p| p.line()) as usize;
            let code = rec.get(ci).unwrap_or_default();
            let weight = rec.get(wi).unwrap_or_default();
            if let Some(n) = Bounded::Code.excess(code) {
                problems.push(Bounded::Code.finding(file.join(line).join("code"), n));
                continue;
            }
            match crate::money::parse_weight(weight) {
                Ok(w) => entries.push((RecipientId::new(code), w)),
                Err(e) => {
                    problems.extend(e.prefixed(&file.join(line).join("weight")).into_findings())
                }
            }
        }
        problems.into_result()?;
        Key::new(
            format!("weights from {name}"),
            vec![name.to_owned()],
            entries,
            declared,
        )
        .map_err(|e| e.prefixed(&file))
    }

    /// A key from text: a key spec (`population:regions:DATE`, …) or the text of a CSV file
    /// with columns `code,weight` (for skins that get file contents, not paths).
    ///
    /// ```
    /// use vardavtal::Key;
    /// assert_eq!(Key::from_text("key", "population:regions:2021-11-01")?.len(), 21);
    /// assert_eq!(Key::from_text("key", "code,weight\n01,1\n")?.len(), 1);
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    ///
    /// # Errors
    /// For a key spec, every error of [`Key::from_spec`], located under `name`; for CSV
    /// text, every error of [`Key::from_csv`].
    pub fn from_text(name: &str, text: &str) -> Result<Key> {
        // a byte-order mark is the start of a CSV file, as in a file read by `from_csv`
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let t = text.trim();
        if !t.is_empty() && !t.contains(['\n', ',']) {
            return by_name(t).map_err(|e| e.prefixed(&Loc::root().join(name)));
        }
        Key::from_csv(name, text, &[])
    }

    /// A key from a key spec (`population:regions:DATE`, …), never a path; its errors are
    /// not located.
    ///
    /// ```
    /// use vardavtal::{Code, Key};
    /// assert_eq!(Key::from_spec("needs:regions:2024")?.len(), 21);
    /// assert_eq!(Key::from_spec("population:regions:1900-11-01").unwrap_err().code(), Code::NoPopulationData);
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    ///
    /// # Errors
    /// `invalid_value` when the text is not a key spec (an unknown form or level, a date
    /// that is not `YYYY-MM-DD`), `no_population_data` when the bundled data has no
    /// population at the date.
    pub fn from_spec(spec: &str) -> Result<Key> {
        by_name(spec)
    }

    /// A key from a command-line style argument: `population:regions:DATE`,
    /// `population:municipalities:DATE`, `needs:regions:2024`, or the path of a CSV file
    /// with columns `code,weight`.
    ///
    /// ```
    /// use vardavtal::{Code, Key};
    /// assert_eq!(Key::from_arg("population:municipalities:2024-12-31")?.len(), 290);
    /// let e = Key::from_arg("befolkning.csv").unwrap_err(); // no such file
    /// assert_eq!(e.code(), Code::Io);
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    ///
    /// # Errors
    /// For an argument that starts as a key spec, every error of [`Key::from_spec`]; `io`
    /// (`key_argument_neither_spec_nor_file`) when it is neither a key spec nor an existing
    /// path; for a file, every error of [`crate::input::key_file`].
    pub fn from_arg(arg: &str) -> Result<Key> {
        let looks_like_spec = arg.starts_with("population:") || arg.starts_with("needs:");
        if looks_like_spec {
            return by_name(arg);
        }
        if !std::path::Path::new(arg).exists() {
            return match arg.parse::<KeySpec>() {
                Ok(spec) => spec.resolve(),
                Err(e) if looks_like_spec => Err(e),
                Err(_) => Err(KEY_ARGUMENT_NEITHER_SPEC_NOR_FILE
                    .error(Loc::root().join(arg))
                    .with("input", arg)
                    .into_error()),
            };
        }
        crate::input::key_file(std::path::Path::new(arg))
    }

    /// The same key limited to `members` (for example the municipalities of one region);
    /// linear in the key and the members (a set, not a search of the list per recipient).
    /// The recipients kept were accepted when this key was made (declared ones included),
    /// so they are accepted again.
    ///
    /// ```
    /// use vardavtal::{Code, RecipientId, input};
    /// let key = input::key("population:regions:2021-11-01")?;
    /// let two = key.restrict(&[RecipientId::new("01"), RecipientId::new("03")])?;
    /// assert_eq!(two.len(), 2);
    /// assert_eq!(key.restrict(&[RecipientId::new("0114")]).unwrap_err().code(), Code::EmptyKey);
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    ///
    /// # Errors
    /// `empty_key` when no recipient of the key is among `members`; `zero_total_weight`
    /// when every recipient kept weighs zero.
    pub fn restrict(&self, members: &[RecipientId]) -> Result<Key> {
        let members: std::collections::HashSet<&RecipientId> = members.iter().collect();
        Key::new(
            self.0.description.clone(),
            self.0.sources.clone(),
            self.iter()
                .filter(|(r, _)| members.contains(r))
                .map(|(r, w)| (r.clone(), w)),
            self.recipients(),
        )
    }

    /// What the key is (`"population:regions:2021-11-01"`).
    ///
    /// ```
    /// use vardavtal::Key;
    /// let key = Key::from_spec("population:regions:2021-11-01")?;
    /// assert_eq!(key.description(), "population:regions:2021-11-01");
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn description(&self) -> &str {
        &self.0.description
    }
    /// Source ids of the figures in the key.
    ///
    /// ```
    /// use vardavtal::{Key, reference};
    /// let key = Key::from_spec("population:regions:2021-11-01")?;
    /// assert_eq!(key.sources(), ["scb-1nov-key-reconstructed"]);
    /// assert!(reference::data_source(&key.sources()[0]).is_some());
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn sources(&self) -> &[String] {
        &self.0.sources
    }
    /// Recipients in code order.
    ///
    /// ```
    /// let key = vardavtal::input::key("code,weight\n03,1\n01,2\n")?;
    /// let codes: Vec<&str> = key.recipients().iter().map(|r| r.as_str()).collect();
    /// assert_eq!(codes, ["01", "03"]);
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn recipients(&self) -> &[RecipientId] {
        &self.0.recipients
    }
    /// Weights, in the order of [`Key::recipients`].
    ///
    /// ```
    /// use vardavtal::rust_decimal::Decimal;
    /// let key = vardavtal::input::key("code,weight\n03,1.5\n01,2\n")?;
    /// assert_eq!(key.weights(), [Decimal::TWO, Decimal::new(15, 1)]);
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn weights(&self) -> &[Decimal] {
        &self.0.weights
    }
    /// The sum of the weights.
    ///
    /// ```
    /// use vardavtal::{Key, rust_decimal::Decimal};
    /// // the population of the 21 regions on 1 November 2021
    /// let key = Key::from_spec("population:regions:2021-11-01")?;
    /// assert_eq!(key.total(), Decimal::from(10_443_100));
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn total(&self) -> Decimal {
        self.0.total
    }
    /// Number of recipients.
    ///
    /// ```
    /// use vardavtal::Key;
    /// assert_eq!(Key::from_spec("population:municipalities:2024-12-31")?.len(), 290);
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn len(&self) -> usize {
        self.0.recipients.len()
    }
    /// Always false: a key has at least one recipient.
    ///
    /// ```
    /// use vardavtal::{Code, Key};
    /// assert!(!Key::from_spec("needs:regions:2024")?.is_empty());
    /// assert_eq!(Key::supplied([]).unwrap_err().code(), Code::EmptyKey);
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.0.recipients.is_empty()
    }
    /// (recipient, weight) pairs in code order.
    ///
    /// ```
    /// use vardavtal::{Key, rust_decimal::Decimal};
    /// let key = Key::from_spec("population:regions:2021-11-01")?;
    /// let (code, weight) = key.iter().last().unwrap();
    /// assert_eq!((code.as_str(), weight), ("25", Decimal::from(249_752)));
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = (&RecipientId, Decimal)> {
        self.0.recipients.iter().zip(self.0.weights.iter().copied())
    }
    /// The weights as exact integers (all scaled by the same power of ten).
    ///
    /// ```
    /// let key = vardavtal::input::key("code,weight\n01,2\n03,1.5\n")?;
    /// assert_eq!(key.int_weights(), [20, 15]);
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn int_weights(&self) -> &[u128] {
        &self.0.int_weights
    }

    /// Split `pot` by the key in whole `unit`s, by largest remainder; parts in the order
    /// of [`Key::recipients`], summing exactly to `pot`.
    ///
    /// ```
    /// use vardavtal::{Key, Sek, Unit};
    /// // 443 miljoner kronor by population, as block 2 of "Ökad tillgänglighet 2022"
    /// let key = Key::from_spec("population:regions:2021-11-01")?;
    /// let parts = key.split(Sek::kronor(443_000_000), Unit::Krona)?;
    /// assert_eq!(parts[0], Sek::kronor(102_311_913)); // Region Stockholm
    /// assert_eq!(parts.iter().sum::<Sek>(), Sek::kronor(443_000_000));
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    ///
    /// # Errors
    /// The errors of [`Unit::to_units`] on `pot` (`negative_amount`,
    /// `amount_finer_than_unit`, `too_large`), and `too_large` when the pot and the weights
    /// are too large to apportion exactly.
    pub fn split(&self, pot: Sek, unit: Unit) -> Result<Vec<Sek>> {
        let units = unit.to_units(pot)?;
        self.split_units(units)?
            .into_iter()
            .map(|u| unit.from_units(u))
            .collect()
    }

    /// Split a whole number of units by the key (the hot path).
    ///
    /// ```
    /// let key = vardavtal::input::key("code,weight\n01,1\n03,1\n")?;
    /// assert_eq!(key.split_units(3)?, vec![2, 1]); // the tie goes to the first code
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    ///
    /// # Errors
    /// `too_large` when the pot and the weights are too large to apportion exactly in 128
    /// bits (a key always has recipients and weights that are not all zero).
    pub fn split_units(&self, pot_units: u128) -> Result<Vec<u128>> {
        apportion::largest_remainder(pot_units, &self.0.int_weights).map_err(apportion_error)
    }
}

/// Non-negative decimals as integers, all multiplied by the same power of ten (the
/// smallest that makes every one whole); `None` when they do not fit 128 bits.
///
/// ```
/// use vardavtal::{key::scale_to_integers, rust_decimal::Decimal};
/// let ws = [Decimal::TWO, Decimal::new(15, 1), Decimal::new(25, 2)];
/// assert_eq!(scale_to_integers(&ws), Some(vec![200, 150, 25]));
/// assert_eq!(scale_to_integers(&[Decimal::MAX, Decimal::new(1, 28)]), None);
/// ```
pub fn scale_to_integers(ws: &[Decimal]) -> Option<Vec<u128>> {
    let scale = ws.iter().map(|w| w.normalize().scale()).max().unwrap_or(0);
    ws.iter()
        .map(|w| {
            let n = w.normalize();
            10u128
                .checked_pow(scale - n.scale())
                .and_then(|f| n.mantissa().unsigned_abs().checked_mul(f))
        })
        .collect()
}

/// Map the hot path's error to the common shape.
///
/// ```
/// use vardavtal::{Code, apportion::{ApportionError, largest_remainder}, key::apportion_error};
/// let e = largest_remainder(10, &[0, 0]).map_err(apportion_error).unwrap_err();
/// assert_eq!(e.code(), Code::ZeroTotalWeight);
/// assert_eq!(e.findings()[0].msg, "the weights of the key are all zero");
/// ```
pub fn apportion_error(e: ApportionError) -> Error {
    let t = match e {
        ApportionError::Empty => &KEY_EMPTY,
        ApportionError::ZeroTotal => &APPORTION_WEIGHTS_ALL_ZERO,
        ApportionError::TooLarge => &APPORTION_TOO_LARGE,
    };
    t.error(Loc::root()).into_error()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Code;

    #[test]
    fn parses_key_strings() {
        let k: KeySpec = "population:municipalities:2024-12-31".parse().unwrap();
        assert_eq!(k.to_string(), "population:municipalities:2024-12-31");
        assert_eq!(k.resolve().unwrap().len(), 290);
        let e = "population:regions:2022-01-01"
            .parse::<KeySpec>()
            .unwrap()
            .resolve()
            .unwrap_err();
        assert_eq!(e.code(), Code::NoPopulationData);
        assert!(e.to_string().contains("2021-11-01"));
        assert_eq!(
            "population:counties:2021-11-01"
                .parse::<KeySpec>()
                .unwrap_err()
                .code(),
            Code::InvalidValue
        );
        assert_eq!(
            "population:regions:2021-13-01"
                .parse::<KeySpec>()
                .unwrap_err()
                .code(),
            Code::InvalidValue
        );
    }

    #[test]
    fn key_checks_report_every_problem() {
        let e = Key::new(
            "t",
            vec![],
            [
                ("01".into(), Decimal::ONE),
                ("99".into(), Decimal::ONE),
                ("03".into(), Decimal::NEGATIVE_ONE),
                ("01".into(), Decimal::ONE),
            ],
            &[],
        )
        .unwrap_err();
        let codes: Vec<Code> = e.findings().iter().map(|f| f.code).collect();
        assert_eq!(
            codes,
            vec![
                Code::DuplicateRecipient,
                Code::NegativeWeight,
                Code::UnknownRecipient
            ]
        );
        assert_eq!(
            Key::new("t", vec![], [], &[]).unwrap_err().code(),
            Code::EmptyKey
        );
        assert_eq!(
            Key::new("t", vec![], [("01".into(), Decimal::ZERO)], &[])
                .unwrap_err()
                .code(),
            Code::ZeroTotalWeight
        );
    }

    #[test]
    fn csv_keys() {
        let k = Key::from_csv("k.csv", "code,weight\n03,1.5\n01,2\n", &[]).unwrap();
        assert_eq!(
            k.recipients(),
            &[RecipientId::new("01"), RecipientId::new("03")]
        );
        assert_eq!(k.int_weights(), &[20, 15]);
        let e = Key::from_csv("k.csv", "code,weight\n01,x\n03,1e3\n", &[]).unwrap_err();
        assert_eq!(e.findings().len(), 2);
        assert_eq!(e.findings()[1].loc.to_string(), "k.csv[3].weight");
        let e = Key::from_csv("k.csv", "region,amount\n01,1\n", &[]).unwrap_err();
        assert_eq!(e.code(), Code::Syntax);
    }

    #[test]
    fn needs_weighted() {
        let spec = KeySpec::NeedsWeighted {
            level: Level::Regions,
            date: parse_date("2021-11-01").unwrap(),
            index: [
                ("01".into(), Weight(Decimal::new(15, 1))),
                ("03".into(), Weight(Decimal::ONE)),
            ]
            .into(),
        };
        let k = spec.resolve().unwrap();
        assert_eq!(k.len(), 2);
        assert!(k.weights()[0] > k.weights()[1]);
    }
}
