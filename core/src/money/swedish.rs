//! Amounts as Swedish press releases write them: `"2 967 miljoner kronor"`,
//! `"1,6 miljarder kronor"`, `"nära 3 miljarder"`, `"nästan en halv miljard kronor"`,
//! `"16,3 MSEK"`, `"1 382 000 000 kr"`.
//!
//! [`parse_swedish`] reads such a figure into a [`SwedishAmount`]: the value in kronor, the
//! precision it was stated with (the kronor worth of one unit of its last written digit) and
//! its hedge word ([`Qualifier`]), so that [`SwedishAmount::range`] gives the interval of true
//! values the figure is consistent with. [`format_kr`] and [`format_short`] write amounts back
//! in Swedish style.
//!
//! Swedish numbers use a decimal comma and group thousands with spaces (ASCII space, U+00A0
//! no-break space or U+202F narrow no-break space) in groups of exactly three digits. Parsing
//! is exact: a figure with more digits than a `Decimal` holds, or whose range could not be held
//! exactly, is an error, never silently rounded.

use std::fmt;

use rust_decimal::Decimal;

use crate::finding::{Error, Finding, Loc, excerpt};
use crate::message::Template;
use crate::message::templates::reconcile as templates;

/// A hedge word in front of a published figure.
///
/// Swedish words, case-insensitive: `About`: "ca", "ca.", "c:a", "cirka", "omkring", "runt",
/// "ungefär"; `Over`: "över", "drygt", "mer än"; `Nearly`: "nära", "nästan", "knappt",
/// "närmare"; `Under`: "under", "mindre än".
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::swedish::{Qualifier, parse_swedish};
assert_eq!(parse_swedish("nära 3 miljarder")?.qualifier, Some(Qualifier::Nearly));
assert_eq!(Qualifier::Nearly.as_str(), "nearly");
assert_eq!(Qualifier::parse("over"), Some(Qualifier::Over));
assert_eq!(Qualifier::parse("ungefär"), None);
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Qualifier {
    /// About the figure ("ca", "cirka", "omkring", "runt", "ungefär").
    About,
    /// More than the figure ("över", "drygt", "mer än").
    Over,
    /// Nearly the figure, a little less ("nära", "nästan", "knappt", "närmare").
    Nearly,
    /// Less than the figure ("under", "mindre än").
    Under,
}

impl Qualifier {
    /// The English name: `"about"`, `"over"`, `"nearly"` or `"under"`.
    ///
    /// ```
    /// use vardavtal::swedish::parse_swedish;
    /// let hedged = parse_swedish("drygt 6,3 miljarder kronor")?;
    /// assert_eq!(hedged.qualifier.map(|q| q.as_str()), Some("over"));
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            Qualifier::About => "about",
            Qualifier::Over => "over",
            Qualifier::Nearly => "nearly",
            Qualifier::Under => "under",
        }
    }

    /// The qualifier with the English name `s` (as given by [`Qualifier::as_str`], ASCII
    /// case-insensitive), or `None`.
    ///
    /// ```
    /// use vardavtal::swedish::Qualifier;
    /// assert_eq!(Qualifier::parse("Nearly"), Some(Qualifier::Nearly));
    /// assert_eq!(Qualifier::parse("nästan"), None); // the English name, not the Swedish word
    /// ```
    pub fn parse(s: &str) -> Option<Self> {
        [
            Qualifier::About,
            Qualifier::Over,
            Qualifier::Nearly,
            Qualifier::Under,
        ]
        .into_iter()
        .find(|q| q.as_str().eq_ignore_ascii_case(s))
    }
}

impl fmt::Display for Qualifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A figure as published: value in kronor, the precision it was stated with, and its hedge word.
///
/// ```
/// use vardavtal::swedish::{Qualifier, SwedishAmount, parse_swedish};
/// use rust_decimal::Decimal;
/// let a: SwedishAmount = parse_swedish("Över 6,3 miljarder kronor")?;
/// assert_eq!(a.value, Decimal::from(6_300_000_000_i64));
/// assert_eq!(a.precision, Decimal::from(100_000_000));
/// assert_eq!(a.qualifier, Some(Qualifier::Over));
/// # Ok::<(), vardavtal::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SwedishAmount {
    /// The value in kronor, exact: 9 400 000 000 for "9,4 miljarder".
    pub value: Decimal,
    /// The value in kronor of one unit of the last digit written: 100 000 000 for
    /// "9,4 miljarder", 1 for "443000000", 0.01 for "1 382 000 000,50 kr", 1 000 000 000 for
    /// "tre miljarder", 500 000 000 for "en halv miljard".
    pub precision: Decimal,
    /// The hedge word in front of the figure, if any.
    pub qualifier: Option<Qualifier>,
}

impl SwedishAmount {
    /// The interval of true values consistent with the figure, as `(low, high)`, both inclusive:
    ///
    /// * no qualifier or [`Qualifier::About`]: `[value - precision/2, value + precision/2]`
    /// * [`Qualifier::Over`]: `[value, value + precision]`
    /// * [`Qualifier::Nearly`] and [`Qualifier::Under`]: `[value - precision, value]`
    ///
    /// Exact for every amount [`parse_swedish`] returns. For a hand-built amount whose bounds
    /// do not fit a `Decimal` the bounds saturate instead of panicking.
    ///
    /// ```
    /// use vardavtal::swedish::{parse_swedish};
    /// use rust_decimal::Decimal;
    /// let (low, high) = parse_swedish("9,4 miljarder")?.range();
    /// assert_eq!(low, Decimal::from(9_350_000_000_i64));
    /// assert_eq!(high, Decimal::from(9_450_000_000_i64));
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn range(&self) -> (Decimal, Decimal) {
        exact_range(self.value, self.precision, self.qualifier)
            .unwrap_or_else(|| saturating_range(self.value, self.precision, self.qualifier))
    }

    /// True when `x` lies in [`SwedishAmount::range`].
    ///
    /// ```
    /// use vardavtal::swedish::{parse_swedish};
    /// use rust_decimal::Decimal;
    /// assert!(parse_swedish("nära 3 miljarder")?.contains(Decimal::from(2_967_000_000_i64)));
    /// assert!(!parse_swedish("över 2 miljarder")?.contains(Decimal::from(1_999_000_000)));
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn contains(&self, x: Decimal) -> bool {
        let (low, high) = self.range();
        low <= x && x <= high
    }
}

/// The range computed in integers on a common scale, so it is exact or `None`.
fn exact_range(
    value: Decimal,
    precision: Decimal,
    qualifier: Option<Qualifier>,
) -> Option<(Decimal, Decimal)> {
    let p = precision.abs();
    let centred = matches!(qualifier, None | Some(Qualifier::About));
    // Half the precision is 5 at one more decimal place.
    let (pm, ps) = if centred {
        (p.mantissa().checked_mul(5)?, p.scale().checked_add(1)?)
    } else {
        (p.mantissa(), p.scale())
    };
    let (vm, vs) = (value.mantissa(), value.scale());
    let scale = vs.max(ps);
    let vm = rescale(vm, scale.checked_sub(vs)?)?;
    let pm = rescale(pm, scale.checked_sub(ps)?)?;
    let (low, high) = if centred {
        (vm.checked_sub(pm)?, vm.checked_add(pm)?)
    } else if qualifier == Some(Qualifier::Over) {
        (vm, vm.checked_add(pm)?)
    } else {
        (vm.checked_sub(pm)?, vm)
    };
    Some((to_decimal(low, scale)?, to_decimal(high, scale)?))
}

/// Fallback for hand-built amounts whose exact bounds do not fit.
fn saturating_range(
    value: Decimal,
    precision: Decimal,
    qualifier: Option<Qualifier>,
) -> (Decimal, Decimal) {
    let p = precision.abs();
    match qualifier {
        None | Some(Qualifier::About) => {
            let half = p.checked_div(Decimal::from(2)).unwrap_or(p);
            (value.saturating_sub(half), value.saturating_add(half))
        }
        Some(Qualifier::Over) => (value, value.saturating_add(p)),
        Some(Qualifier::Nearly | Qualifier::Under) => (value.saturating_sub(p), value),
    }
}

/// `m * 10^by`, or `None` on overflow.
fn rescale(m: i128, by: u32) -> Option<i128> {
    10_i128.checked_pow(by)?.checked_mul(m)
}

/// The decimal `m / 10^scale` when it fits exactly, normalized.
fn to_decimal(m: i128, scale: u32) -> Option<Decimal> {
    Decimal::try_from_i128_with_scale(m, scale)
        .ok()
        .map(|d| d.normalize())
}

/// `m * 10^(exp - frac)` exactly, or `None` when it does not fit a `Decimal`.
fn scaled(m: i128, frac: u32, exp: u32) -> Option<Decimal> {
    if frac >= exp {
        Decimal::try_from_i128_with_scale(m, frac - exp).ok()
    } else {
        let m = rescale(m, exp - frac)?;
        Decimal::try_from_i128_with_scale(m, 0).ok()
    }
}

/// Parse a figure as a Swedish press release writes it.
///
/// Accepts an optional hedge word ([`Qualifier`]; "totalt" and "sammanlagt" are ignored), an
/// optional minus sign (`-` or `−`), a number (digits with a decimal comma and thousands
/// grouped by spaces, or a number word "en" … "tolv", "en halv", "ett halvt") and an optional
/// unit: "kr", "kronor", "sek"; "tkr", "tusen" (thousand); "mnkr", "mkr", "msek", "miljon",
/// "miljoner", "mn", "milj", "milj." (million); "mdkr", "mdr", "md", "miljard", "miljarder",
/// "mdsek" (billion). A bare multiplier may be followed by "kronor" or "kr". Case-insensitive;
/// a trailing "." or "," is tolerated.
///
/// Errors are an [`Error`] with code `invalid_amount`, a message naming the problem and
/// quoting the offending text, and the input (as `ctx["input"]`).
///
/// ```
/// use vardavtal::swedish::{Qualifier, parse_swedish};
/// use rust_decimal::Decimal;
/// let a = parse_swedish("nästan en halv miljard kronor")?;
/// assert_eq!(a.value, Decimal::from(500_000_000));
/// assert_eq!(a.precision, Decimal::from(500_000_000));
/// assert_eq!(a.qualifier, Some(Qualifier::Nearly));
/// let b = parse_swedish("1 382 000 000,50 kr")?;
/// assert_eq!(b.precision, Decimal::new(1, 2));
/// let e = parse_swedish("544 99 160").unwrap_err();
/// assert_eq!(e.code(), vardavtal::Code::InvalidAmount);
/// assert_eq!(
///     e.findings()[0].msg,
///     "irregular digit grouping in \"544 99 160\": thousands groups must have three digits"
/// );
/// assert!(parse_swedish("1.5").unwrap_err().findings()[0].msg.contains("\"1,5\""));
/// # Ok::<(), vardavtal::Error>(())
/// ```
///
/// # Errors
/// `invalid_amount` when the text is not an amount as Swedish writes it: empty, no number,
/// words before or after it that are not a unit, an unknown unit, irregular digit grouping,
/// an ambiguous dot, two hedges, or more digits than a `Decimal` holds. A hedged figure is
/// read (its [`SwedishAmount::qualifier`] says so), not refused.
pub fn parse_swedish(s: &str) -> Result<SwedishAmount, Error> {
    parse_swedish_text(s).map_err(|f| f.with("input", excerpt(s)).into_error())
}

/// A finding of `t` about the text `s` (an error, at the root).
fn bad(t: &'static Template, s: &str) -> Finding {
    t.error(Loc::root()).with("text", s)
}

/// [`parse_swedish`] with its error as a bare finding (no `input`), for callers that put
/// the message into a finding of their own (reconcile's unreadable cells,
/// [`crate::Sek::parse_any`]).
pub(crate) fn parse_swedish_text(s: &str) -> Result<SwedishAmount, Finding> {
    let trimmed = s.trim();
    if trimmed.is_empty() {
        return Err(bad(&templates::SWEDISH_AMOUNT_EMPTY, s));
    }
    let text = trimmed
        .trim_end_matches(['.', ',', ';', ':', '!', '?'])
        .trim_end();
    check_exponent(text, s)?;
    let toks = tokenize(text);

    // Hedge words and ignored words.
    let mut i = 0;
    let mut qualifier = None;
    while let Some(tok) = toks.get(i) {
        let word = tok.to_lowercase();
        if matches!(word.as_str(), "totalt" | "sammanlagt" | "sammantaget") {
            i += 1;
        } else if let Some((q, used)) = qualifier_at(&toks, i) {
            if qualifier.is_some() {
                return Err(bad(&templates::SWEDISH_AMOUNT_TWO_HEDGES, s));
            }
            qualifier = Some(q);
            i += used;
        } else {
            break;
        }
    }

    // Sign.
    let negative = matches!(toks.get(i), Some(&("-" | "\u{2212}")));
    if negative {
        i += 1;
    }

    // Number.
    let Some(first) = toks.get(i) else {
        return Err(no_number(s, text));
    };
    let number = if starts_with_digit(first) {
        let count = toks
            .iter()
            .skip(i)
            .take_while(|t| starts_with_digit(t))
            .count();
        let digits = toks.get(i..i + count).unwrap_or_default();
        i += count;
        read_digits(digits, s)?
    } else if let Some((number, used)) = number_word_at(&toks, i) {
        if negative {
            return Err(bad(&templates::SWEDISH_AMOUNT_MINUS_WORD, s));
        }
        i += used;
        number
    } else {
        let lower = first.to_lowercase();
        let bare = lower.trim_start_matches(['-', '+', '\u{2212}']);
        if matches!(bare, "nan" | "inf" | "infinity" | "oändligt" | "∞") {
            return Err(bad(&templates::SWEDISH_AMOUNT_NOT_A_NUMBER, s).with("word", first));
        }
        if !text.chars().any(|c| c.is_ascii_digit()) {
            return Err(no_number(s, text));
        }
        return Err(bad(&templates::SWEDISH_AMOUNT_BEFORE, s).with("word", first));
    };

    // Unit.
    let (exp, used) = unit_at(&toks, i, s)?;
    i += used;
    if let Some(rest) = toks.get(i) {
        return Err(bad(&templates::SWEDISH_AMOUNT_AFTER, s).with("word", rest));
    }

    let too_many = || bad(&templates::SWEDISH_AMOUNT_TOO_MANY_DIGITS, s);
    let (value, precision) = match number {
        Number::Digits { mantissa, frac } => (
            scaled(mantissa, frac, exp).ok_or_else(too_many)?,
            scaled(1, frac, exp).ok_or_else(too_many)?,
        ),
        Number::Word(n) => (
            scaled(n, 0, exp).ok_or_else(too_many)?,
            scaled(1, 0, exp).ok_or_else(too_many)?,
        ),
        Number::Half => {
            let half = scaled(5, 1, exp).ok_or_else(too_many)?;
            (half, half)
        }
    };
    let value = if negative && !value.is_zero() {
        -value
    } else {
        value
    };
    let amount = SwedishAmount {
        value: value.normalize(),
        precision: precision.normalize(),
        qualifier,
    };
    if exact_range(amount.value, amount.precision, amount.qualifier).is_none() {
        return Err(too_many());
    }
    Ok(amount)
}

/// A number as written, before its unit is applied.
enum Number {
    /// Digits: the integer of all digits written, and how many stood after the comma.
    Digits { mantissa: i128, frac: u32 },
    /// A whole number word.
    Word(i128),
    /// "en halv", "ett halvt".
    Half,
}

fn no_number(s: &str, text: &str) -> Finding {
    if text.is_empty() {
        bad(&templates::SWEDISH_AMOUNT_NO_DIGITS, s)
    } else {
        bad(&templates::SWEDISH_AMOUNT_NO_NUMBER, s)
    }
}

fn starts_with_digit(t: &str) -> bool {
    t.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// Rejects "1e9", "1,5E+9" and the like.
fn check_exponent(text: &str, s: &str) -> Result<(), Finding> {
    let chars: Vec<char> = text.chars().collect();
    for (k, w) in chars.windows(2).enumerate() {
        if let [d, 'e' | 'E'] = w {
            if !d.is_ascii_digit() {
                continue;
            }
            let mut after = chars.iter().skip(k + 2).peekable();
            if matches!(after.peek(), Some('+' | '-' | '\u{2212}')) {
                after.next();
            }
            if after.next().is_some_and(|c| c.is_ascii_digit()) {
                return Err(bad(&templates::SWEDISH_AMOUNT_EXPONENT, s));
            }
        }
    }
    Ok(())
}

/// Splits on any whitespace; splits a leading minus sign off digits ("-5" → "-", "5") and a
/// number off a unit written against it ("100mnkr" → "100", "mnkr").
fn tokenize(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for word in text.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        let mut rest = word;
        if let Some(sign) = ['-', '\u{2212}'].into_iter().find(|c| rest.starts_with(*c)) {
            let after = rest.get(sign.len_utf8()..).unwrap_or_default();
            if starts_with_digit(after) {
                out.push(rest.get(..sign.len_utf8()).unwrap_or_default());
                rest = after;
            }
        }
        if starts_with_digit(rest) {
            let end = rest
                .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
                .unwrap_or(rest.len());
            if let (Some(number), Some(tail)) = (rest.get(..end), rest.get(end..)) {
                out.push(number);
                if !tail.is_empty() {
                    out.push(tail);
                }
                continue;
            }
        }
        out.push(rest);
    }
    out
}

fn qualifier_at(toks: &[&str], i: usize) -> Option<(Qualifier, usize)> {
    let word = toks.get(i)?.to_lowercase();
    let next_is_an = toks.get(i + 1).is_some_and(|t| t.to_lowercase() == "än");
    match word.as_str() {
        "ca" | "ca." | "c:a" | "cirka" | "omkring" | "runt" | "ungefär" => {
            Some((Qualifier::About, 1))
        }
        "över" | "drygt" => Some((Qualifier::Over, 1)),
        "mer" if next_is_an => Some((Qualifier::Over, 2)),
        "nära" | "nästan" | "knappt" | "närmare" => Some((Qualifier::Nearly, 1)),
        "under" => Some((Qualifier::Under, 1)),
        "mindre" if next_is_an => Some((Qualifier::Under, 2)),
        _ => None,
    }
}

fn number_word_at(toks: &[&str], i: usize) -> Option<(Number, usize)> {
    let word = toks.get(i)?.to_lowercase();
    let next = toks.get(i + 1).map(|t| t.to_lowercase());
    if matches!(word.as_str(), "en" | "ett") && matches!(next.as_deref(), Some("halv" | "halvt")) {
        return Some((Number::Half, 2));
    }
    let n = match word.as_str() {
        "en" | "ett" => 1,
        "två" => 2,
        "tre" => 3,
        "fyra" => 4,
        "fem" => 5,
        "sex" => 6,
        "sju" => 7,
        "åtta" => 8,
        "nio" => 9,
        "tio" => 10,
        "elva" => 11,
        "tolv" => 12,
        _ => return None,
    };
    Some((Number::Word(n), 1))
}

/// A Swedish unit word: how many kronor it stands for (as a power of ten) and whether it is
/// a bare multiplier ("miljoner", "tusen": may be followed by "kronor" or "kr").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct UnitWord {
    /// The word, lower case, as written without a trailing ".".
    pub(crate) word: &'static str,
    /// Its value is 10^`exp` kronor.
    pub(crate) exp: u32,
    /// A bare multiplier, not naming the currency itself.
    pub(crate) bare: bool,
}

const fn u(word: &'static str, exp: u32, bare: bool) -> UnitWord {
    UnitWord { word, exp, bare }
}

/// The Swedish unit vocabulary of the crate, once: every unit word an amount, a header or a
/// title may use. Kronor ("kr", "kronor", "krona", "sek"), thousands ("tkr", "tsek",
/// "tusen"), millions ("mnkr", "mkr", "msek", "mnsek", "miljon", "miljoner", "mn", "milj")
/// and billions ("mdkr", "mdsek", "mdr", "md", "miljard", "miljarder").
pub(crate) const UNIT_WORDS: &[UnitWord] = &[
    u("kr", 0, false),
    u("kronor", 0, false),
    u("krona", 0, false),
    u("sek", 0, false),
    u("tkr", 3, false),
    u("tsek", 3, false),
    u("tusen", 3, true),
    u("mnkr", 6, false),
    u("mkr", 6, false),
    u("msek", 6, false),
    u("mnsek", 6, false),
    u("miljon", 6, true),
    u("miljoner", 6, true),
    u("mn", 6, true),
    u("milj", 6, true),
    u("mdkr", 9, false),
    u("mdsek", 9, false),
    u("mdr", 9, true),
    u("md", 9, true),
    u("miljard", 9, true),
    u("miljarder", 9, true),
];

/// The unit a lower-case word (without a trailing ".") names, if any.
pub(crate) fn unit(word: &str) -> Option<UnitWord> {
    UNIT_WORDS.iter().find(|u| u.word == word).copied()
}

/// True when a lower-case word names the currency itself ("kr", "kronor", "krona", "sek").
pub(crate) fn is_currency(word: &str) -> bool {
    unit(word).is_some_and(|u| u.exp == 0)
}

/// The power of ten of the unit at `i` (0 when there is none) and how many tokens it used.
fn unit_at(toks: &[&str], i: usize, s: &str) -> Result<(u32, usize), Finding> {
    let Some(tok) = toks.get(i) else {
        return Ok((0, 0));
    };
    let lower = tok.to_lowercase();
    let word = lower.strip_suffix('.').unwrap_or(&lower);
    let (exp, bare) = match unit(word) {
        Some(u) => (u.exp, u.bare),
        None => {
            return Err(bad(&templates::SWEDISH_AMOUNT_UNKNOWN_UNIT, s).with("word", tok));
        }
    };
    let currency = toks.get(i + 1).is_some_and(|t| {
        let t = t.to_lowercase();
        is_currency(t.strip_suffix('.').unwrap_or(&t))
    });
    Ok((exp, if bare && currency { 2 } else { 1 }))
}

/// Reads the digit tokens of one number: thousands groups of three, one decimal comma.
fn read_digits(groups: &[&str], s: &str) -> Result<Number, Finding> {
    let written = groups.join(" ");
    let grouping = |t: &'static Template| t.error(Loc::root()).with("written", &written);
    if written.contains('.') {
        return Err(dot_error(&written));
    }
    if written.matches(',').count() > 1 {
        return Err(grouping(&templates::SWEDISH_AMOUNT_TWO_COMMAS));
    }
    let count = groups.len();
    for (k, group) in groups.iter().enumerate() {
        let (int, frac) = match group.split_once(',') {
            Some((int, frac)) => (int, Some(frac)),
            None => (*group, None),
        };
        if frac.is_some() && k + 1 != count {
            return Err(grouping(&templates::SWEDISH_AMOUNT_GROUPS_AFTER_DECIMALS));
        }
        if frac == Some("") {
            return Err(grouping(&templates::SWEDISH_AMOUNT_EMPTY_DECIMALS));
        }
        if count > 1 && k == 0 && !(1..=3).contains(&int.len()) {
            return Err(grouping(&templates::SWEDISH_AMOUNT_FIRST_GROUP));
        }
        if k > 0 && int.len() != 3 {
            return Err(grouping(&templates::SWEDISH_AMOUNT_THOUSANDS_GROUP));
        }
    }
    let too_many = || bad(&templates::SWEDISH_AMOUNT_TOO_MANY_DIGITS, s);
    let mut mantissa: i128 = 0;
    let mut frac: u32 = 0;
    let mut after_comma = false;
    for c in written.chars() {
        if c == ',' {
            after_comma = true;
        } else if let Some(d) = c.to_digit(10) {
            mantissa = mantissa
                .checked_mul(10)
                .and_then(|m| m.checked_add(i128::from(d)))
                .ok_or_else(too_many)?;
            if after_comma {
                frac = frac.checked_add(1).ok_or_else(too_many)?;
            }
        }
    }
    Ok(Number::Digits { mantissa, frac })
}

fn dot_error(written: &str) -> Finding {
    let parts: Vec<&str> = written.split('.').collect();
    let digits_only = |p: &&str| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit());
    let all_digits = parts.iter().all(digits_only);
    let tail_threes = parts.iter().skip(1).all(|p| p.len() == 3);
    let t = if all_digits && parts.len() > 2 && tail_threes {
        &templates::SWEDISH_AMOUNT_DOT_THOUSANDS
    } else if all_digits && parts.len() == 2 && tail_threes {
        &templates::SWEDISH_AMOUNT_DOT_AMBIGUOUS
    } else if all_digits && parts.len() == 2 {
        &templates::SWEDISH_AMOUNT_DOT_DECIMAL
    } else {
        &templates::SWEDISH_AMOUNT_DOT
    };
    t.error(Loc::root())
        .with("written", written)
        .with("spaced", written.replace('.', " "))
        .with("comma", written.replace('.', ","))
}

/// Writes `v` with thousands grouped by ASCII spaces and a decimal comma, with its exact digits
/// (trailing fractional zeros dropped, but at least `min_frac` decimals when it has any).
fn render(v: Decimal, min_frac: usize) -> String {
    let v = v.normalize();
    if v.is_zero() {
        return "0".to_owned();
    }
    let digits = v.mantissa().unsigned_abs().to_string();
    let scale = usize::try_from(v.scale()).unwrap_or(0);
    let (int, frac) = if digits.len() > scale {
        digits
            .split_at_checked(digits.len() - scale)
            .map(|(a, b)| (a.to_owned(), b.to_owned()))
            .unwrap_or_else(|| (digits.clone(), String::new()))
    } else {
        ("0".to_owned(), format!("{digits:0>scale$}"))
    };
    let mut out = String::with_capacity(int.len() * 4 / 3 + frac.len() + 4);
    if v.is_sign_negative() {
        out.push('-');
    }
    let n = int.len();
    for (k, c) in int.chars().enumerate() {
        if k > 0 && (n - k) % 3 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(',');
        out.push_str(&frac);
        for _ in frac.len()..min_frac {
            out.push('0');
        }
    }
    out
}

/// Writes an amount in full: `"1 382 000 000 kr"`.
///
/// Thousands are grouped by ASCII spaces; öre are shown only when non-zero, with at least two
/// decimals (`",50"`), and otherwise with the value's exact digits, trailing fractional zeros
/// dropped; a negative amount has a leading `-`.
///
/// ```
/// use vardavtal::swedish::{format_kr};
/// use rust_decimal::Decimal;
/// assert_eq!(format_kr(Decimal::from(1_382_000_000)), "1 382 000 000 kr");
/// assert_eq!(format_kr(Decimal::new(138_200_000_050, 2)), "1 382 000 000,50 kr");
/// assert_eq!(format_kr(Decimal::new(-450_000, 2)), "-4 500 kr");
/// ```
pub fn format_kr(v: Decimal) -> String {
    format!("{} kr", render(v, 2))
}

/// [`format_kr`] with no-break spaces (U+00A0) between the thousands and before `kr`, so
/// that an amount never wraps: for pages and documents.
///
/// ```
/// use vardavtal::swedish::format_kr_no_break;
/// assert_eq!(format_kr_no_break("1382000000".parse().unwrap()), "1\u{a0}382\u{a0}000\u{a0}000\u{a0}kr");
/// ```
pub fn format_kr_no_break(v: Decimal) -> String {
    format_kr(v).replace(' ', "\u{a0}")
}

/// A number as Swedish text writes it, exactly: `10 443 100`, `3,774`.
///
/// ```
/// use vardavtal::swedish::format_number;
/// assert_eq!(format_number("10443100".parse().unwrap()), "10 443 100");
/// assert_eq!(format_number("3.7740".parse().unwrap()), "3,774");
/// ```
pub fn format_number(v: Decimal) -> String {
    render(v, 0)
}

/// Writes an amount as a press release would, exactly (never rounding): `"2,3 miljarder
/// kronor"`, `"1 miljard kronor"`, `"2 967 miljoner kronor"`, `"4,5 miljoner kronor"`,
/// `"1 miljon kronor"`.
///
/// Miljarder when |v| ≥ 10⁹ and v/10⁹ has at most one decimal; else miljoner when |v| ≥ 10⁶
/// and v/10⁶ has at most one decimal; otherwise the full form of [`format_kr`] ending in
/// "kronor".
///
/// ```
/// use vardavtal::swedish::{format_short, parse_swedish};
/// use rust_decimal::Decimal;
/// assert_eq!(format_short(Decimal::from(2_300_000_000_i64)), "2,3 miljarder kronor");
/// assert_eq!(format_short(Decimal::from(34_355_000_000_i64)), "34 355 miljoner kronor");
/// assert_eq!(format_short(Decimal::from(4_550_000)), "4 550 000 kronor");
/// let v = Decimal::from(1_382_000_000);
/// assert_eq!(parse_swedish(&format_short(v))?.value, v);
/// # Ok::<(), vardavtal::Error>(())
/// ```
pub fn format_short(v: Decimal) -> String {
    let v = v.normalize();
    for (exp, one, many) in [(9_u32, "miljard", "miljarder"), (6, "miljon", "miljoner")] {
        if let Some(x) = in_unit(v, exp) {
            let word = if x.abs() == Decimal::ONE { one } else { many };
            return format!("{} {word} kronor", render(x, 0));
        }
    }
    format!("{} kronor", render(v, 2))
}

/// `v / 10^exp` when |v| ≥ 10^exp and the quotient has at most one decimal.
fn in_unit(v: Decimal, exp: u32) -> Option<Decimal> {
    let unit = scaled(1, 0, exp)?;
    if v.abs() < unit {
        return None;
    }
    let x = Decimal::try_from_i128_with_scale(v.mantissa(), v.scale().checked_add(exp)?)
        .ok()?
        .normalize();
    (x.scale() <= 1).then_some(x)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Code;
    use proptest::prelude::*;

    fn d(m: i64, scale: u32) -> Decimal {
        Decimal::new(m, scale)
    }

    fn n(m: i64) -> Decimal {
        Decimal::from(m)
    }

    fn check(
        s: &str,
        value: Decimal,
        precision: Decimal,
        qualifier: Option<Qualifier>,
    ) -> Result<(), Error> {
        let a = parse_swedish(s)?;
        assert_eq!(a.value, value, "value of {s:?}");
        assert_eq!(a.precision, precision, "precision of {s:?}");
        assert_eq!(a.qualifier, qualifier, "qualifier of {s:?}");
        Ok(())
    }

    fn err(s: &str) -> String {
        match parse_swedish(s) {
            Ok(a) => format!("unexpectedly parsed {s:?} as {a:?}"),
            Err(e) => {
                assert_eq!(e.code(), Code::InvalidAmount, "code of {s:?}");
                e.findings()
                    .first()
                    .map_or(String::new(), |f| f.msg.clone())
            }
        }
    }

    const M: i64 = 1_000_000;
    const G: i64 = 1_000_000_000;

    #[test]
    fn brief_examples() -> Result<(), Error> {
        use Qualifier::*;
        check("2 967 miljoner kronor", n(2_967 * M), n(M), None)?;
        check("1,6 miljarder kronor", n(1_600 * M), n(100 * M), None)?;
        check("4,5 miljoner kronor", n(4_500_000), n(100_000), None)?;
        check("530 miljoner kr", n(530 * M), n(M), None)?;
        check("34 355 miljoner kronor", n(34_355 * M), n(M), None)?;
        check("nära 3 miljarder", n(3 * G), n(G), Some(Nearly))?;
        check("över 2 miljarder", n(2 * G), n(G), Some(Over))?;
        check(
            "Över 6,3 miljarder kronor",
            n(6_300 * M),
            n(100 * M),
            Some(Over),
        )?;
        check("ca 11 miljarder", n(11 * G), n(G), Some(About))?;
        check(
            "totalt ca 11 miljarder kronor",
            n(11 * G),
            n(G),
            Some(About),
        )?;
        check("100 mnkr", n(100 * M), n(M), None)?;
        check("3 mdkr", n(3 * G), n(G), None)?;
        check("tre miljarder", n(3 * G), n(G), None)?;
        check(
            "nästan en halv miljard kronor",
            n(500 * M),
            n(500 * M),
            Some(Nearly),
        )?;
        check("1,28 miljarder kronor", n(1_280 * M), n(10 * M), None)?;
        check("1 382 000 000 kr", n(1_382 * M), n(1), None)?;
        check("183,7 miljoner kr", n(183_700_000), n(100_000), None)?;
        check("443000000", n(443 * M), n(1), None)?;
        check("16,3 MSEK", n(16_300_000), n(100_000), None)?;
        check("250 tkr", n(250_000), n(1_000), None)?;
        check("9,4 miljarder", n(9_400 * M), n(100 * M), None)?;
        check("4,50 miljoner", n(4_500_000), n(10_000), None)?;
        check("1 382 000 000,50 kr", d(138_200_000_050, 2), d(1, 2), None)?;
        check("en halv miljard", n(500 * M), n(500 * M), None)?;
        Ok(())
    }

    #[test]
    fn qualifier_words() -> Result<(), Error> {
        use Qualifier::*;
        for (word, q) in [
            ("ca", About),
            ("ca.", About),
            ("c:a", About),
            ("cirka", About),
            ("omkring", About),
            ("runt", About),
            ("ungefär", About),
            ("UNGEFÄR", About),
            ("över", Over),
            ("ÖVER", Over),
            ("drygt", Over),
            ("mer än", Over),
            ("Mer Än", Over),
            ("nära", Nearly),
            ("nästan", Nearly),
            ("knappt", Nearly),
            ("närmare", Nearly),
            ("under", Under),
            ("mindre än", Under),
        ] {
            check(&format!("{word} 5 miljoner"), n(5 * M), n(M), Some(q))?;
            check(&format!("totalt {word} 5 mkr"), n(5 * M), n(M), Some(q))?;
            check(&format!("sammanlagt {word} 5 mkr"), n(5 * M), n(M), Some(q))?;
        }
        Ok(())
    }

    #[test]
    fn qualifier_names() {
        for q in [
            Qualifier::About,
            Qualifier::Over,
            Qualifier::Nearly,
            Qualifier::Under,
        ] {
            assert_eq!(Qualifier::parse(q.as_str()), Some(q));
            assert_eq!(q.to_string(), q.as_str());
        }
        assert_eq!(Qualifier::parse("About"), Some(Qualifier::About));
        assert_eq!(Qualifier::parse("ca"), None);
        assert_eq!(Qualifier::parse(""), None);
    }

    #[test]
    fn units() -> Result<(), Error> {
        for (unit, exp) in [
            ("", 1),
            ("kr", 1),
            ("kronor", 1),
            ("SEK", 1),
            ("sek", 1),
            ("tkr", 1_000),
            ("tusen kronor", 1_000),
            ("mnkr", M),
            ("mkr", M),
            ("Mkr", M),
            ("msek", M),
            ("MSEK", M),
            ("miljon", M),
            ("miljoner", M),
            ("miljoner kronor", M),
            ("miljoner kr", M),
            ("mn", M),
            ("mn kr", M),
            ("milj", M),
            ("milj.", M),
            ("milj. kr", M),
            ("mdkr", G),
            ("mdr", G),
            ("md", G),
            ("md kr", G),
            ("miljard", G),
            ("miljarder", G),
            ("miljarder kr", G),
            ("Miljarder Kronor", G),
            ("mdsek", G),
            ("MDSEK", G),
        ] {
            check(&format!("12 {unit}"), n(12 * exp), n(exp), None)?;
        }
        // A unit written against the number.
        check("100mnkr", n(100 * M), n(M), None)?;
        check("3,5mdkr", n(3_500 * M), n(100 * M), None)?;
        check("250tkr", n(250_000), n(1_000), None)?;
        Ok(())
    }

    #[test]
    fn number_words() -> Result<(), Error> {
        for (v, word) in [
            (1, "en"),
            (1, "ett"),
            (2, "två"),
            (3, "tre"),
            (4, "fyra"),
            (5, "fem"),
            (6, "sex"),
            (7, "sju"),
            (8, "åtta"),
            (9, "nio"),
            (10, "tio"),
            (11, "elva"),
            (12, "tolv"),
        ] {
            check(&format!("{word} miljoner kronor"), n(v * M), n(M), None)?;
            check(
                &format!("{} miljarder", word.to_uppercase()),
                n(v * G),
                n(G),
                None,
            )?;
        }
        check("ett halvt mdkr", n(500 * M), n(500 * M), None)?;
        check("en halv miljon", n(500_000), n(500_000), None)?;
        check("tre", n(3), n(1), None)?;
        check("en halv krona", d(5, 1), d(5, 1), None)?;
        Ok(())
    }

    #[test]
    fn separators_sign_and_punctuation() -> Result<(), Error> {
        check("2\u{a0}967 miljoner kronor", n(2_967 * M), n(M), None)?;
        check(
            "2\u{202f}967\u{a0}miljoner\u{a0}kronor",
            n(2_967 * M),
            n(M),
            None,
        )?;
        check("1\u{a0}382\u{202f}000 000 kr", n(1_382 * M), n(1), None)?;
        check("  3 miljarder kronor.  ", n(3 * G), n(G), None)?;
        check("3 miljarder,", n(3 * G), n(G), None)?;
        check("443000000.", n(443 * M), n(1), None)?;
        check("1,5.", d(15, 1), d(1, 1), None)?;
        check("-5 miljoner", n(-5 * M), n(M), None)?;
        check("- 5 miljoner", n(-5 * M), n(M), None)?;
        check("\u{2212}1,5 miljarder", n(-1_500 * M), n(100 * M), None)?;
        check("ca -2 967 mkr", n(-2_967 * M), n(M), Some(Qualifier::About))?;
        check("-0", n(0), n(1), None)?;
        check("0,5 kr", d(5, 1), d(1, 1), None)?;
        check("0", n(0), n(1), None)?;
        check("007", n(7), n(1), None)?;
        check("12345", n(12_345), n(1), None)?;
        check("1,500 miljarder", n(1_500 * M), n(M), None)?;
        check(
            "79 228 162 514 miljarder",
            Decimal::from(79_228_162_514_i128 * 1_000_000_000),
            n(G),
            None,
        )?;
        check(
            "0,000000000000000000000001 kr",
            Decimal::new(1, 24),
            Decimal::new(1, 24),
            None,
        )?;
        let neg = parse_swedish("-0,00")?;
        assert!(!neg.value.is_sign_negative());
        Ok(())
    }

    #[test]
    fn errors() {
        let cases: &[(&str, &str)] = &[
            ("", "empty input"),
            ("   \u{a0} ", "empty input"),
            (".", "no digits"),
            ("kr", "no digits"),
            ("miljarder kronor", "no digits"),
            ("ca", "no digits"),
            ("ca.", "no digits"),
            ("1e9", "exponent"),
            ("1E9 kr", "exponent"),
            ("1,5e+9", "exponent"),
            ("2e-3 miljoner", "exponent"),
            ("NaN", "\"NaN\" is not a number"),
            ("inf", "\"inf\" is not a number"),
            ("-Infinity", "is not a number"),
            ("ca NaN kr", "\"NaN\" is not a number"),
            (
                "544 99 160",
                "irregular digit grouping in \"544 99 160\": thousands groups must have three digits",
            ),
            ("1 2345", "irregular digit grouping in \"1 2345\""),
            ("1234 567", "the first group must have one to three digits"),
            ("12 34 miljoner", "irregular digit grouping"),
            ("1 000,5 00", "digits after the decimal part"),
            (
                "1.382.000",
                "a dot is not a thousands separator in \"1.382.000\"",
            ),
            ("1.382.000", "\"1 382 000\""),
            ("1.5", "\"1,5\""),
            ("1.5 miljarder", "decimal separator"),
            ("1.500", "\"1 500\""),
            ("1.500", "\"1,500\""),
            ("1,5.3", "unexpected \".\""),
            ("1,5,3", "more than one decimal comma"),
            ("3, miljoner", "no digits after the decimal comma"),
            ("5 dollar", "unknown unit \"dollar\""),
            ("5 miljoner euro", "unexpected \"euro\" after the amount"),
            ("5 mnkr kronor", "unexpected \"kronor\" after the amount"),
            ("5 kr kr", "unexpected \"kr\""),
            ("5%", "unknown unit \"%\""),
            ("3-4 miljoner", "unknown unit \"-4\""),
            ("+5", "unexpected \"+5\" before the number"),
            ("cirka över 3 miljarder", "more than one hedge word"),
            ("kr 100", "unexpected \"kr\" before the number"),
            ("- tre miljarder", "minus sign must be followed by digits"),
            ("-", "no digits"),
            (
                "99999999999999999999999999999999999999999",
                "too many digits",
            ),
            ("0,00000000000000000000000000000001 kr", "too many digits"),
            ("0,0000000000000000000000000001 kr", "too many digits"),
            (
                "79 228 162 514 264 337 593 543 950 335 kr",
                "too many digits",
            ),
            ("100 000 000 000 000 000 000 miljarder", "too many digits"),
        ];
        for (input, needle) in cases {
            let e = err(input);
            assert!(e.contains(needle), "{input:?}: {e:?} lacks {needle:?}");
        }
    }

    #[test]
    fn ranges() -> Result<(), Error> {
        let r = |s: &str| parse_swedish(s).map(|a| a.range());
        assert_eq!(r("9,4 miljarder")?, (n(9_350 * M), n(9_450 * M)));
        assert_eq!(r("över 2 miljarder")?, (n(2 * G), n(3 * G)));
        assert_eq!(r("nära 3 miljarder")?, (n(2 * G), n(3 * G)));
        assert_eq!(r("under 3 miljarder")?, (n(2 * G), n(3 * G)));
        assert_eq!(r("ca 11 miljarder")?, (n(10_500 * M), n(11_500 * M)));
        assert_eq!(r("en halv miljard")?, (n(250 * M), n(750 * M)));
        assert_eq!(r("nästan en halv miljard")?, (n(0), n(500 * M)));
        assert_eq!(r("443000000")?, (d(4_429_999_995, 1), d(4_430_000_005, 1)));
        assert_eq!(r("-5 miljoner")?, (n(-5_500_000), n(-4_500_000)));
        assert_eq!(
            r("1 382 000 000,50 kr")?,
            (d(1_382_000_000_495, 3), d(1_382_000_000_505, 3))
        );

        assert!(parse_swedish("nära 3 miljarder")?.contains(n(2_967 * M)));
        assert!(parse_swedish("över 6,3 miljarder")?.contains(n(6_373 * M)));
        assert!(parse_swedish("ca 11 miljarder")?.contains(n(10_900 * M)));
        assert!(parse_swedish("9,4 miljarder")?.contains(n(9_350 * M)));
        assert!(parse_swedish("9,4 miljarder")?.contains(n(9_450 * M)));
        assert!(!parse_swedish("9,4 miljarder")?.contains(n(9_450 * M + 1)));
        assert!(!parse_swedish("över 6,3 miljarder")?.contains(n(6_299 * M)));
        assert!(!parse_swedish("nära 3 miljarder")?.contains(n(3 * G + 1)));
        Ok(())
    }

    #[test]
    fn range_of_hand_built_amounts_saturates() {
        let a = SwedishAmount {
            value: Decimal::MAX,
            precision: Decimal::MAX,
            qualifier: None,
        };
        let (low, high) = a.range();
        assert!(low <= high);
        assert_eq!(high, Decimal::MAX);
        let b = SwedishAmount {
            value: Decimal::MIN,
            precision: Decimal::new(-1, 0),
            qualifier: Some(Qualifier::Under),
        };
        assert_eq!(b.range(), (Decimal::MIN, Decimal::MIN));
        let c = SwedishAmount {
            value: Decimal::new(1, 28),
            precision: Decimal::new(1, 28),
            qualifier: Some(Qualifier::About),
        };
        let (low, high) = c.range();
        assert!(low <= high);
        assert!(c.contains(Decimal::new(1, 28)));
    }

    #[test]
    fn format_kr_examples() {
        assert_eq!(format_kr(n(1_382 * M)), "1 382 000 000 kr");
        assert_eq!(format_kr(d(138_200_000_050, 2)), "1 382 000 000,50 kr");
        assert_eq!(format_kr(d(138_200_000_000, 2)), "1 382 000 000 kr");
        assert_eq!(format_kr(d(5, 1)), "0,50 kr");
        assert_eq!(format_kr(d(125, 3)), "0,125 kr");
        assert_eq!(format_kr(d(-45_001, 1)), "-4 500,10 kr");
        assert_eq!(format_kr(n(0)), "0 kr");
        assert_eq!(format_kr(d(0, 5)), "0 kr");
        assert_eq!(format_kr(-n(0)), "0 kr");
        assert_eq!(format_kr(n(100)), "100 kr");
        assert_eq!(format_kr(n(1_000)), "1 000 kr");
        assert_eq!(format_kr(n(443 * M)), "443 000 000 kr");
        assert_eq!(
            format_kr(Decimal::new(1, 28)),
            "0,0000000000000000000000000001 kr"
        );
        assert_eq!(
            format_kr(Decimal::MAX),
            "79 228 162 514 264 337 593 543 950 335 kr"
        );
        assert_eq!(
            format_kr(Decimal::MIN),
            "-79 228 162 514 264 337 593 543 950 335 kr"
        );
    }

    #[test]
    fn format_short_examples() {
        assert_eq!(format_short(n(2_300 * M)), "2,3 miljarder kronor");
        assert_eq!(format_short(n(G)), "1 miljard kronor");
        assert_eq!(format_short(n(-G)), "-1 miljard kronor");
        assert_eq!(format_short(n(2_967 * M)), "2 967 miljoner kronor");
        assert_eq!(format_short(n(4_500_000)), "4,5 miljoner kronor");
        assert_eq!(format_short(n(M)), "1 miljon kronor");
        assert_eq!(format_short(n(34_355 * M)), "34 355 miljoner kronor");
        assert_eq!(format_short(n(1_382 * M)), "1 382 miljoner kronor");
        assert_eq!(format_short(n(1_382 * M + 1)), "1 382 000 001 kronor");
        assert_eq!(format_short(n(4_550_000)), "4 550 000 kronor");
        assert_eq!(format_short(n(999_999)), "999 999 kronor");
        assert_eq!(format_short(n(100_000)), "100 000 kronor");
        assert_eq!(format_short(d(125, 1)), "12,50 kronor");
        assert_eq!(format_short(n(-2_300 * M)), "-2,3 miljarder kronor");
        assert_eq!(format_short(n(1_000 * G)), "1 000 miljarder kronor");
        assert_eq!(
            format_short(d(2_300_000_000_000, 3)),
            "2,3 miljarder kronor"
        );
        assert_eq!(format_short(n(0)), "0 kronor");
        assert_eq!(format_short(n(900 * M)), "900 miljoner kronor");
        assert_eq!(
            format_short(Decimal::MAX),
            "79 228 162 514 264 337 593 543 950 335 kronor"
        );
        assert_eq!(
            format_short(Decimal::new(1, 28)),
            "0,0000000000000000000000000001 kronor"
        );
    }

    /// A decimal with at most 26 significant digits and at most 26 decimals: every such value
    /// and its range fit exactly, even when written with two decimals.
    fn small_decimal() -> impl Strategy<Value = Decimal> {
        let bound = 10_i128.pow(26);
        (-bound + 1..bound, 0_u32..=26).prop_filter_map("fits", |(m, s)| {
            Decimal::try_from_i128_with_scale(m, s).ok()
        })
    }

    fn press_text() -> impl Strategy<Value = String> {
        let word = prop_oneof![
            Just("ca"),
            Just("ca."),
            Just("över"),
            Just("mer"),
            Just("än"),
            Just("totalt"),
            Just("en"),
            Just("halv"),
            Just("tre"),
            Just("-"),
            Just("\u{2212}"),
            Just("1"),
            Just("23"),
            Just("456"),
            Just("7890"),
            Just("0,5"),
            Just("1,"),
            Just(","),
            Just("."),
            Just("1.5"),
            Just("e"),
            Just("9e9"),
            Just("miljoner"),
            Just("miljarder"),
            Just("mdkr"),
            Just("milj."),
            Just("kr"),
            Just("kronor"),
            Just("NaN"),
            Just("99999999999999999999"),
            Just("0,0000000000000001"),
        ];
        let sep = prop_oneof![Just(" "), Just("\u{a0}"), Just("\u{202f}"), Just("")];
        prop::collection::vec((word, sep), 0..10).prop_map(|parts| {
            parts
                .into_iter()
                .map(|(w, s)| format!("{w}{s}"))
                .collect::<String>()
        })
    }

    proptest! {
        #[test]
        fn format_kr_round_trips_with_ore(m in any::<i64>(), scale in 0_u32..=2) {
            let v = Decimal::new(m, scale);
            let text = format_kr(v);
            let a = parse_swedish(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(a.value, v);
            let expected = if v.normalize().scale() == 0 { Decimal::ONE } else { Decimal::new(1, 2) };
            prop_assert_eq!(a.precision, expected);
            prop_assert_eq!(a.qualifier, None);
            prop_assert!(a.contains(v));
        }

        #[test]
        fn format_kr_round_trips(v in small_decimal()) {
            let text = format_kr(v);
            let a = parse_swedish(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(a.value, v);
            prop_assert!(a.precision <= Decimal::ONE);
            prop_assert!(a.contains(v));
        }

        #[test]
        fn format_short_round_trips(v in small_decimal()) {
            let text = format_short(v);
            let a = parse_swedish(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(a.value, v);
            prop_assert!(a.contains(v));
        }

        #[test]
        fn format_short_round_trips_round_figures(m in -100_000_i64..100_000, exp in 5_u32..=12) {
            let v = Decimal::from(m) * Decimal::from(10_i64.pow(exp));
            let text = format_short(v);
            let a = parse_swedish(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(a.value, v);
            prop_assert!(text.ends_with(" kronor"));
        }

        #[test]
        fn grouped_integers_parse(m in any::<u64>(), q in 0_usize..5) {
            let hedge = ["", "ca ", "över ", "nästan ", "mindre än "].get(q).copied().unwrap_or("");
            let text = format!("{hedge}{}", render(Decimal::from(m), 0)).replace(' ', "\u{a0}");
            let a = parse_swedish(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(a.value, Decimal::from(m));
            prop_assert_eq!(a.precision, Decimal::ONE);
            prop_assert!(a.contains(Decimal::from(m)));
            let (low, high) = a.range();
            prop_assert!(low <= high);
        }

        #[test]
        fn no_panic_on_arbitrary_strings(s in any::<String>()) {
            if let Ok(a) = parse_swedish(&s) {
                let (low, high) = a.range();
                prop_assert!(low <= high);
                prop_assert!(a.contains(a.value));
            }
        }

        #[test]
        fn no_panic_on_press_like_strings(s in press_text()) {
            if let Ok(a) = parse_swedish(&s) {
                let (low, high) = a.range();
                prop_assert!(low <= high);
                prop_assert!(a.contains(a.value));
                prop_assert_eq!(parse_swedish(&format_kr(a.value)).map(|b| b.value), Ok(a.value));
            }
        }

        #[test]
        fn no_panic_on_number_like_strings(s in "[-\u{2212}0-9 ,.eE+a-zåäöÅÄÖ\u{a0}]{0,40}") {
            let _ = parse_swedish(&s);
        }

        #[test]
        fn formatters_never_panic(lo in any::<u32>(), mid in any::<u32>(), hi in any::<u32>(), neg in any::<bool>(), scale in 0_u32..=28) {
            let v = Decimal::from_parts(lo, mid, hi, neg, scale);
            prop_assert!(format_kr(v).ends_with(" kr"));
            prop_assert!(format_short(v).ends_with(" kronor"));
            let a = SwedishAmount { value: v, precision: v, qualifier: Some(Qualifier::Over) };
            let (low, high) = a.range();
            prop_assert!(low <= high);
        }
    }
}
