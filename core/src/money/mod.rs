//! Money: exact amounts in Swedish kronor ([`Sek`]), the rounding unit ([`Unit`]) and the
//! strict plain-decimal syntax every amount and weight is read and written in.
//!
//! Amounts are `rust_decimal::Decimal`, never floats. In files they are JSON strings of plain
//! decimals (`"443000000"`, `"4500000.50"`): no exponent, no separators, no `NaN`, and
//! never silently rounded: a number with more digits than fit is an error.
//!
//! Amounts as people write them in Swedish ("2 967 miljoner kronor", "4,5 mnkr"), in and
//! out, are [`swedish`]'s, which also holds the one Swedish unit vocabulary of the crate.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::finding::{Error, Finding, Loc, Result, excerpt};
use crate::message::templates::reconcile as templates;
use swedish::SwedishAmount;

mod arith;
pub mod swedish;

/// An exact amount of Swedish kronor.
///
/// ```
/// use vardavtal::Sek;
/// let pot: Sek = "443000000".parse()?;
/// assert_eq!(pot.to_string(), "443000000");
/// assert!("4,5".parse::<Sek>().is_err()); // plain decimals only; see `swedish` for "4,5 miljoner"
/// # Ok::<(), vardavtal::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Sek(pub(crate) Decimal);

impl Sek {
    /// Zero kronor.
    pub const ZERO: Sek = Sek(Decimal::ZERO);

    /// A whole number of kronor.
    ///
    /// ```
    /// use vardavtal::Sek;
    /// assert_eq!(Sek::kronor(443_000_000), "443000000".parse::<Sek>()?);
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn kronor(n: i64) -> Sek {
        Sek(Decimal::from(n))
    }
    /// The amount as a `Decimal`.
    ///
    /// ```
    /// use vardavtal::{Sek, rust_decimal::Decimal};
    /// let pot: Sek = "4500000.50".parse()?;
    /// assert_eq!(pot.value(), Decimal::new(450_000_050, 2));
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn value(self) -> Decimal {
        self.0
    }
    /// True when below zero.
    ///
    /// ```
    /// use vardavtal::Sek;
    /// assert!("-0.50".parse::<Sek>()?.is_negative());
    /// assert!(!Sek::ZERO.is_negative() && !Sek::kronor(1).is_negative());
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn is_negative(self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }
    /// Sum, or `None` on overflow.
    ///
    /// ```
    /// use vardavtal::{Sek, rust_decimal::Decimal};
    /// let a = Sek::kronor(443_000_000);
    /// assert_eq!(a.checked_add(Sek::kronor(57_000_000)), Some(Sek::kronor(500_000_000)));
    /// assert_eq!(Sek::from(Decimal::MAX).checked_add(Sek::kronor(1)), None);
    /// ```
    pub fn checked_add(self, other: Sek) -> Option<Sek> {
        self.0.checked_add(other.0).map(Sek)
    }
    /// Difference, or `None` on overflow.
    ///
    /// ```
    /// use vardavtal::{Sek, rust_decimal::Decimal};
    /// let a = Sek::kronor(443_000_000);
    /// assert_eq!(a.checked_sub(Sek::kronor(443_000_001)), Some(Sek::kronor(-1)));
    /// assert_eq!(Sek::from(Decimal::MIN).checked_sub(Sek::kronor(1)), None);
    /// ```
    pub fn checked_sub(self, other: Sek) -> Option<Sek> {
        self.0.checked_sub(other.0).map(Sek)
    }
    /// The amount as Swedish text writes it, exactly ([`swedish::format_kr`]).
    ///
    /// ```
    /// use vardavtal::Sek;
    /// assert_eq!(Sek::kronor(443_000_000).format_kr(), "443 000 000 kr");
    /// ```
    pub fn format_kr(self) -> String {
        swedish::format_kr(self.0)
    }
    /// The amount as a press release writes it, exactly ([`swedish::format_short`]).
    ///
    /// ```
    /// use vardavtal::Sek;
    /// assert_eq!(Sek::kronor(2_300_000_000).format_short(), "2,3 miljarder kronor");
    /// ```
    pub fn format_short(self) -> String {
        swedish::format_short(self.0)
    }
}

impl Sek {
    /// Parse an amount given by a person: a plain decimal (`"443000000"`) or a Swedish
    /// form (`"443 miljoner kronor"`, `"1,6 miljarder"`, `"4,5 mnkr"`). A hedged figure
    /// ("ca 11 miljarder") is refused: it is not an exact amount.
    ///
    /// ```
    /// use vardavtal::Sek;
    /// assert_eq!(Sek::parse_any("443,4 miljoner kronor")?.to_string(), "443400000");
    /// assert_eq!(Sek::parse_any("443400000")?.to_string(), "443400000");
    /// assert!(Sek::parse_any("ca 11 miljarder").is_err());
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    ///
    /// # Errors
    /// `invalid_amount` when the text is neither a plain decimal nor an amount as Swedish
    /// writes it (the message says what is wrong), or is a hedged figure (`ca`, `över`,
    /// `nästan`, `under`).
    pub fn parse_any(s: &str) -> Result<Sek> {
        if let Ok(d) = parse_plain_decimal(s.trim()) {
            return Ok(Sek(d));
        }
        match swedish::parse_swedish_text(s) {
            Ok(SwedishAmount {
                qualifier: Some(q), ..
            }) => Err(hedged(q)
                .error(Loc::root())
                .with("quoted", format!("{s:?}"))
                .with("qualifier", q.as_str())
                .with("input", s)
                .into_error()),
            Ok(a) => Ok(Sek(a.value)),
            Err(f) => Err(shortened(f).with("input", excerpt(s)).into_error()),
        }
    }
}

/// The template of a hedged figure with qualifier `q`.
fn hedged(q: swedish::Qualifier) -> &'static crate::message::Template {
    match q {
        swedish::Qualifier::About => &templates::AMOUNT_HEDGED_ABOUT,
        swedish::Qualifier::Over => &templates::AMOUNT_HEDGED_OVER,
        swedish::Qualifier::Nearly => &templates::AMOUNT_HEDGED_NEARLY,
        swedish::Qualifier::Under => &templates::AMOUNT_HEDGED_UNDER,
    }
}

/// The parser quotes the offending part: keep a message about a huge input short by
/// cutting each quoted value to 100 characters.
fn shortened(mut f: Finding) -> Finding {
    if f.msg.chars().count() <= 300 {
        return f;
    }
    let long: Vec<(String, String)> = f
        .ctx
        .iter()
        .filter(|(_, v)| v.chars().count() > 100)
        .map(|(k, v)| {
            (
                k.clone(),
                format!("{}…", v.chars().take(100).collect::<String>()),
            )
        })
        .collect();
    for (k, v) in long {
        f = f.with(&k, v);
    }
    f
}

impl fmt::Display for Sek {
    /// The plain decimal with its exact digits, trailing fractional zeros removed.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.normalize())
    }
}

impl FromStr for Sek {
    type Err = Error;
    fn from_str(s: &str) -> Result<Sek> {
        parse_plain_decimal(s).map(Sek)
    }
}

impl From<Decimal> for Sek {
    fn from(d: Decimal) -> Self {
        Sek(d)
    }
}

impl Serialize for Sek {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Sek {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        decimal_str::deserialize(d).map(Sek)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Sek {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Sek".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": PLAIN_DECIMAL_PATTERN,
            "description": "An amount of Swedish kronor as a plain decimal string, e.g. \"443000000\" or \"4500000.50\"."
        })
    }
}

/// The regular expression of the plain decimal syntax (for the JSON Schema).
pub const PLAIN_DECIMAL_PATTERN: &str = r"^-?[0-9]+(\.[0-9]+)?$";

/// Parse a plain decimal (`-?[0-9]+(\.[0-9]+)?`) exactly.
///
/// Refuses exponents, separators, signs other than a leading `-`, `NaN`, `inf` and
/// numbers with more digits than a `Decimal` holds (28), each with a message that says so.
///
/// ```
/// use vardavtal::{Code, money::parse_plain_decimal};
/// assert_eq!(parse_plain_decimal("4500000.50")?.to_string(), "4500000.50");
/// assert_eq!(parse_plain_decimal("4,5").unwrap_err().code(), Code::InvalidAmount);
/// # Ok::<(), vardavtal::Error>(())
/// ```
///
/// # Errors
/// `invalid_amount` when the text is empty, not in the plain syntax (an exponent, a
/// separator, a decimal comma, `NaN`, `inf`) or has more digits than a `Decimal` holds.
pub fn parse_plain_decimal(s: &str) -> Result<Decimal> {
    let bad = |t: &'static crate::message::Template| {
        t.error(Loc::root()).with("input", excerpt(s)).into_error()
    };
    let body = s.strip_prefix('-').unwrap_or(s);
    if body.is_empty() {
        return Err(bad(&templates::PLAIN_DECIMAL_EMPTY));
    }
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || frac.is_some_and(|f| !digits(f)) {
        let why = if body.contains(['e', 'E']) && body.chars().any(|c| c.is_ascii_digit()) {
            &templates::PLAIN_DECIMAL_EXPONENT
        } else if body.contains([' ', '\u{a0}', '\u{202f}', '_', '\'']) {
            &templates::PLAIN_DECIMAL_SEPARATOR
        } else if body.contains(',') {
            &templates::PLAIN_DECIMAL_COMMA
        } else if body.eq_ignore_ascii_case("nan") || body.to_ascii_lowercase().starts_with("inf") {
            &templates::PLAIN_DECIMAL_NOT_A_NUMBER
        } else {
            &templates::PLAIN_DECIMAL_SYNTAX
        };
        return Err(bad(why));
    }
    Decimal::from_str_exact(s)
        .map_err(|_| bad(&templates::PLAIN_DECIMAL_TOO_MANY_DIGITS).with("max_digits", 28))
}

/// A measured value as a person writes it (an outcome: a share, a rate): a plain decimal
/// (`0.72`), the same with a decimal comma (`0,72`), or a percentage (`72 %`, `72,5%`),
/// read as its fraction (`0.72`, `0.725`), exactly. Anything else is the error of
/// [`parse_plain_decimal`].
///
/// ```
/// use vardavtal::money::parse_measure;
/// for s in ["0.72", "0,72", "72 %", "72%"] {
///     assert_eq!(parse_measure(s)?.to_string(), "0.72");
/// }
/// assert_eq!(parse_measure("72,5 %")?.to_string(), "0.725");
/// assert!(parse_measure("0,7,2").is_err() && parse_measure("ca 72 %").is_err());
/// # Ok::<(), vardavtal::Error>(())
/// ```
///
/// # Errors
/// `invalid_amount` when the text is none of these forms, or a percentage that does not fit
/// a `Decimal` once divided by 100.
pub fn parse_measure(s: &str) -> Result<Decimal> {
    let t = s.trim();
    let (number, percent) = match t.strip_suffix('%') {
        Some(n) => (n.trim_end(), true),
        None => (t, false),
    };
    let plain = match (number.contains('.'), number.matches(',').count()) {
        (false, 1) => number.replace(',', "."),
        _ => number.to_owned(),
    };
    let d = parse_plain_decimal(&plain).map_err(|_| {
        parse_plain_decimal(s).err().unwrap_or_else(|| {
            templates::MEASURE_INVALID
                .error(Loc::root())
                .with("input", excerpt(s))
                .into_error()
        })
    })?;
    if percent {
        d.checked_div(Decimal::ONE_HUNDRED).ok_or_else(|| {
            templates::MEASURE_OUT_OF_RANGE
                .error(Loc::root())
                .with("input", excerpt(s))
                .into_error()
        })
    } else {
        Ok(d)
    }
}

/// A key weight as a Swedish analyst or Excel writes it: a plain decimal, a decimal comma,
/// a percentage (read as [`parse_measure`] does), or a whole number with its thousands
/// grouped by spaces (`2 411 859`, also with no-break spaces as Swedish Excel writes them).
///
/// ```
/// use vardavtal::money::parse_weight;
/// assert_eq!(parse_weight("2 411 859")?.to_string(), "2411859");
/// assert_eq!(parse_weight("2\u{a0}411\u{a0}859,5")?.to_string(), "2411859.5");
/// assert_eq!(parse_weight("0,72")?.to_string(), "0.72");
/// assert_eq!(parse_weight("72 %")?.to_string(), "0.72");
/// assert!(parse_weight("2 41 859").is_err() && parse_weight("1,000,000").is_err());
/// # Ok::<(), vardavtal::Error>(())
/// ```
///
/// # Errors
/// `invalid_amount`, as [`parse_measure`]: a text that is none of these forms, such as
/// irregular thousands groups.
pub fn parse_weight(s: &str) -> Result<Decimal> {
    let t = s.trim();
    let spaced = |c: char| c == ' ' || c == '\u{a0}' || c == '\u{202f}';
    if !t.contains(spaced) || t.ends_with('%') {
        return parse_measure(t);
    }
    let (int, frac) = t.split_once(',').unwrap_or((t, ""));
    let groups: Vec<&str> = int.split(spaced).collect();
    let grouped = groups.len() > 1
        && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit()))
        && groups.first().is_some_and(|g| (1..=3).contains(&g.len()))
        && groups.iter().skip(1).all(|g| g.len() == 3);
    if !grouped {
        return parse_measure(t);
    }
    let joined = groups.concat();
    if frac.is_empty() {
        parse_measure(&joined)
    } else {
        parse_measure(&format!("{joined},{frac}"))
    }
}

/// serde helpers for `Decimal` fields: written as plain decimal strings, read only from
/// strings in the strict plain syntax (JSON numbers are refused, since they may be floats).
pub mod decimal_str {
    use super::*;

    /// Serialise as a plain decimal string.
    ///
    /// ```
    /// use vardavtal::rust_decimal::Decimal;
    /// #[derive(serde::Serialize)]
    /// struct Share {
    ///     #[serde(serialize_with = "vardavtal::money::decimal_str::serialize")]
    ///     share: Decimal,
    /// }
    /// let json = serde_json::to_string(&Share { share: Decimal::new(7250, 4) }).unwrap();
    /// assert_eq!(json, r#"{"share":"0.725"}"#);
    /// ```
    pub fn serialize<S: Serializer>(d: &Decimal, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(&d.normalize())
    }

    /// Deserialise from a plain decimal string.
    ///
    /// ```
    /// use vardavtal::rust_decimal::Decimal;
    /// #[derive(serde::Deserialize)]
    /// struct Pot {
    ///     #[serde(deserialize_with = "vardavtal::money::decimal_str::deserialize")]
    ///     amount: Decimal,
    /// }
    /// let pot: Pot = serde_json::from_str(r#"{"amount": "4500000.50"}"#).unwrap();
    /// assert_eq!(pot.amount, Decimal::new(450_000_050, 2));
    /// // a JSON number may be a float: refused
    /// assert!(serde_json::from_str::<Pot>(r#"{"amount": 4500000.5}"#).is_err());
    /// ```
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Decimal, D::Error> {
        d.deserialize_str(V(
            parse_plain_decimal,
            "a plain decimal number as a string, e.g. \"443000000\"",
        ))
    }

    /// Deserialise a key weight as [`parse_weight`] reads it (`"0,72"`, `"2 411 859"`), or
    /// a whole JSON number of at most 2^53 − 1 in size (exact in every language, as
    /// Python's `int` is: `{"01": 2}`). A boolean, a fractional number (it may be a binary
    /// float) or a larger one is an `invalid_value` error.
    ///
    /// ```
    /// use vardavtal::rust_decimal::Decimal;
    /// #[derive(serde::Deserialize)]
    /// struct W(#[serde(deserialize_with = "vardavtal::money::decimal_str::deserialize_weight")] Decimal);
    /// let read = |json: &str| serde_json::from_str::<W>(json).map(|w| w.0.to_string());
    /// assert_eq!(read(r#""2 411 859""#).unwrap(), "2411859");
    /// assert_eq!(read("2411859").unwrap(), "2411859");
    /// assert_eq!(read(r#""0,72""#).unwrap(), "0.72");
    /// assert!(read("0.72").is_err() && read("9007199254740992").is_err());
    /// ```
    pub fn deserialize_weight<'de, D: Deserializer<'de>>(
        d: D,
    ) -> std::result::Result<Decimal, D::Error> {
        d.deserialize_any(WeightV)
    }

    /// The largest whole number every language holds exactly (JavaScript's
    /// `Number.MAX_SAFE_INTEGER`).
    const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

    /// A weight: a string read by [`parse_weight`] or a safe whole number.
    struct WeightV;
    impl serde::de::Visitor<'_> for WeightV {
        type Value = Decimal;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a weight: a number as a string (\"2411859\", \"2 411 859\", \"0,72\") or a whole number")
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> std::result::Result<Decimal, E> {
            serde::de::Visitor::visit_str(V(parse_weight, ""), v)
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> std::result::Result<Decimal, E> {
            if v > MAX_SAFE_INTEGER {
                return Err(E::custom(format!(
                    "the weight {v} is larger than 2^53 - 1, the largest whole number a JSON reader holds exactly in every language: write it as a string"
                )));
            }
            Ok(Decimal::from(v))
        }
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> std::result::Result<Decimal, E> {
            match u64::try_from(v) {
                Ok(u) => self.visit_u64(u),
                // a negative weight is read, and refused by the key with its own code
                Err(_) if v.unsigned_abs() <= MAX_SAFE_INTEGER => Ok(Decimal::from(v)),
                Err(_) => Err(E::custom(format!(
                    "the weight {v} is beyond 2^53 - 1 in size: write it as a string"
                ))),
            }
        }
        fn visit_f64<E: serde::de::Error>(self, v: f64) -> std::result::Result<Decimal, E> {
            Err(E::custom(format!(
                "the weight {v} is a fractional JSON number, which may be a binary float: write it as a string (\"0.72\")"
            )))
        }
        fn visit_bool<E: serde::de::Error>(self, v: bool) -> std::result::Result<Decimal, E> {
            Err(E::custom(format!(
                "the weight {v} is a boolean: a weight is a number as a string or a whole number"
            )))
        }
    }

    /// A string read by a parser of this module.
    struct V(fn(&str) -> Result<Decimal>, &'static str);
    impl serde::de::Visitor<'_> for V {
        type Value = Decimal;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.1)
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> std::result::Result<Decimal, E> {
            (self.0)(v).map_err(|e| {
                E::custom(
                    e.findings()
                        .first()
                        .map_or(String::new(), |f| f.msg.clone()),
                )
            })
        }
    }
}

/// The sum of decimals, or `None` when it does not fit a `Decimal`.
///
/// ```
/// use vardavtal::{money::checked_sum, rust_decimal::Decimal};
/// let parts = [Decimal::new(443_000_000, 0), Decimal::new(4_500_000_50, 2)];
/// assert_eq!(checked_sum(parts), Some(Decimal::new(447_500_000_50, 2)));
/// assert_eq!(checked_sum([Decimal::MAX, Decimal::ONE]), None);
/// ```
pub fn checked_sum(it: impl IntoIterator<Item = Decimal>) -> Option<Decimal> {
    it.into_iter()
        .try_fold(Decimal::ZERO, |a, x| a.checked_add(x))
}

/// The sum of decimals, saturating at the bounds of `Decimal`: for totals whose parts are
/// known to fit (an allocation's rows sum to its pots, which are checked), so that no input
/// can make a total panic.
///
/// ```
/// use vardavtal::{money::saturating_sum, rust_decimal::Decimal};
/// let parts = [Decimal::new(443_000_000, 0), Decimal::new(57_000_000, 0)];
/// assert_eq!(saturating_sum(parts), Decimal::new(500_000_000, 0));
/// assert_eq!(saturating_sum([Decimal::MAX, Decimal::ONE]), Decimal::MAX);
/// ```
pub fn saturating_sum(it: impl IntoIterator<Item = Decimal>) -> Decimal {
    it.into_iter()
        .fold(Decimal::ZERO, |a, x| a.saturating_add(x))
}

/// The unit an allocation rounds to: whole kronor (the practice of official distributions)
/// or öre.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::Unit;
assert_eq!("öre".parse::<Unit>()?, Unit::Ore);
assert_eq!(Unit::default(), Unit::Krona);
assert_eq!(Unit::Ore.amount().to_string(), "0.01");
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Unit {
    /// Whole kronor (1 kr). The default.
    #[default]
    Krona,
    /// Öre (0.01 kr).
    Ore,
}

impl Unit {
    /// The unit as an amount.
    ///
    /// ```
    /// use vardavtal::{Unit, rust_decimal::Decimal};
    /// assert_eq!(Unit::Krona.amount(), Decimal::ONE);
    /// assert_eq!(Unit::Ore.amount(), Decimal::new(1, 2));
    /// ```
    pub fn amount(self) -> Decimal {
        match self {
            Unit::Krona => Decimal::ONE,
            Unit::Ore => Decimal::new(1, 2),
        }
    }
    /// Decimal places of the unit.
    ///
    /// ```
    /// use vardavtal::Unit;
    /// assert_eq!((Unit::Krona.scale(), Unit::Ore.scale()), (0, 2));
    /// ```
    pub fn scale(self) -> u32 {
        match self {
            Unit::Krona => 0,
            Unit::Ore => 2,
        }
    }
    /// The name (`"krona"` or `"ore"`).
    ///
    /// ```
    /// use vardavtal::Unit;
    /// assert_eq!("öre".parse::<Unit>()?.as_str(), "ore");
    /// assert_eq!(Unit::Krona.as_str(), "krona");
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Krona => "krona",
            Unit::Ore => "ore",
        }
    }
    /// `amount` as a whole number of units; an error if it is negative or finer than the unit.
    ///
    /// ```
    /// use vardavtal::{Code, Unit};
    /// assert_eq!(Unit::Ore.to_units("12.34".parse()?)?, 1234);
    /// assert_eq!(Unit::Krona.to_units("0.5".parse()?).unwrap_err().code(), Code::AmountFinerThanUnit);
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    ///
    /// # Errors
    /// `negative_amount` when `amount` is below zero; `amount_finer_than_unit` when it has
    /// digits finer than the unit (`0.5` in whole kronor); `too_large` when the number of
    /// units does not fit 128 bits.
    pub fn to_units(self, amount: Sek) -> Result<u128> {
        if amount.is_negative() {
            return Err(templates::UNITS_AMOUNT_NEGATIVE
                .error(Loc::root())
                .with("amount", amount)
                .into_error());
        }
        let d = amount.0.normalize();
        if d.scale() > self.scale() {
            return Err(templates::UNITS_AMOUNT_FINER_THAN_UNIT
                .error(Loc::root())
                .with("amount", amount)
                .with("unit", self.as_str())
                .into_error());
        }
        let m = d.mantissa().unsigned_abs();
        10u128
            .checked_pow(self.scale() - d.scale())
            .and_then(|f| m.checked_mul(f))
            .ok_or_else(|| templates::UNITS_TOO_LARGE.error(Loc::root()).into_error())
    }
    /// A whole number of units as an amount in kronor.
    ///
    /// ```
    /// use vardavtal::{Sek, Unit};
    /// assert_eq!(Unit::Ore.from_units(1234)?, "12.34".parse::<Sek>()?);
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    ///
    /// # Errors
    /// `too_large` when the amount does not fit a `Decimal`.
    pub fn from_units(self, units: u128) -> Result<Sek> {
        i128::try_from(units)
            .ok()
            .and_then(|u| Decimal::try_from_i128_with_scale(u, self.scale()).ok())
            .map(Sek)
            .ok_or_else(|| {
                templates::UNITS_TOO_LARGE_FOR_DECIMAL
                    .error(Loc::root())
                    .into_error()
            })
    }
}

impl fmt::Display for Unit {
    /// `krona` or `ore`, as in JSON.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Unit {
    type Err = Error;
    fn from_str(s: &str) -> Result<Unit> {
        match s {
            "krona" | "kronor" | "kr" => Ok(Unit::Krona),
            "ore" | "öre" => Ok(Unit::Ore),
            _ => Err(templates::ROUNDING_UNIT_UNKNOWN
                .error(Loc::root())
                .with("quoted", format!("{s:?}"))
                .with("value", s)
                .into_error()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Code;

    #[test]
    fn plain_decimals_parse_exactly() {
        for (s, want) in [
            ("0", "0"),
            ("443000000", "443000000"),
            ("-12.50", "-12.5"),
            ("0.01", "0.01"),
        ] {
            assert_eq!(
                s.parse::<Sek>().map(|x| x.to_string()).ok().as_deref(),
                Some(want)
            );
        }
    }

    #[test]
    fn refuses_what_is_not_plain() {
        for s in [
            "", "-", "1e9", "1E9", "NaN", "inf", "1 000", "1,5", "+5", ".5", "5.", "0x10", "1_000",
            " 1",
        ] {
            let e = s.parse::<Sek>().expect_err(s);
            assert_eq!(e.code(), Code::InvalidAmount, "{s}");
        }
        let e = "123456789012345678901234567890"
            .parse::<Sek>()
            .expect_err("too long");
        assert!(e.to_string().contains("more digits than fit"));
    }

    #[test]
    fn units() {
        let u = Unit::Krona.to_units(Sek(Decimal::new(443_000_000, 0)));
        assert_eq!(u.ok(), Some(443_000_000));
        assert_eq!(
            Unit::Ore.to_units(Sek(Decimal::new(1050, 2))).ok(),
            Some(1050)
        );
        let e = Unit::Krona
            .to_units(Sek(Decimal::new(1050, 2)))
            .expect_err("finer");
        assert_eq!(e.code(), Code::AmountFinerThanUnit);
        let e = Unit::Krona
            .to_units(Sek(Decimal::new(-1, 0)))
            .expect_err("neg");
        assert_eq!(e.code(), Code::NegativeAmount);
        assert_eq!(
            Unit::Ore.from_units(1050).ok(),
            Some(Sek(Decimal::new(1050, 2)))
        );
    }

    #[test]
    fn serde_is_strings_only() {
        let s: Sek = serde_json::from_str("\"10.5\"").expect("str");
        assert_eq!(serde_json::to_string(&s).ok().as_deref(), Some("\"10.5\""));
        assert!(serde_json::from_str::<Sek>("10.5").is_err());
        assert!(serde_json::from_str::<Sek>("\"1e3\"").is_err());
    }
}
