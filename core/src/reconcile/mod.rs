//! Reconciling a published per-region table against the model: does it add up, which key
//! and rounding produced it, and which rows are wrong.
//!
//! Governments and SKR publish per-region tables ("fördelning per region"). [`PublishedTable::parse`]
//! reads such a table — CSV with a header, or text pasted from a web page or a PDF (a region
//! name or code and an amount per line, Swedish number formatting, `kr`/`tkr`/`mnkr`
//! suffixes, a `Totalt`/`Summa` line) — and [`reconcile`] checks it against what the
//! publisher states ([`Statement`]: the pot and the rule):
//!
//! * do the rows add up to the table's own total line and to the stated pot, and by how much not;
//! * are regions missing, duplicated or unknown;
//! * is an amount printed with an irregular digit grouping (`"544 99 160"`), and which reading
//!   of it makes the table add up;
//! * which bundled key (every regional population date and the 2024 care-need key) with which
//!   rounding (largest remainder, plain rounding, truncation) reproduces the table exactly, or
//!   comes closest;
//! * when none does: the population key implied by the table (the total population `T` and
//!   the populations `p_i` that reproduce every row), so a reader can see which SCB figures the
//!   publisher used;
//! * per region, the difference between the table and the model's allocation of the same pot.
//!
//! All arithmetic is exact (integers and `Decimal`); every check is a [`Finding`].
//!
//! ```
//! use vardavtal::reconcile::{PublishedTable, Statement, StatedRule, reconcile};
//! use vardavtal::{KeySpec, Sek, Unit};
//! // Build a correct table: 443 miljoner kronor by population on 2021-11-01.
//! let key = "population:regions:2021-11-01".parse::<KeySpec>()?.resolve()?;
//! let parts = key.split("443000000".parse()?, Unit::Krona)?;
//! let mut text = String::from("Region;Belopp (kr)\n");
//! for (r, a) in key.recipients().iter().zip(&parts) {
//!     text.push_str(&format!("{};{a}\n", r.name().unwrap_or_default()));
//! }
//! let table = PublishedTable::parse("table.csv", &text)?;
//! let rec = reconcile(&table, &Statement::new(Some("443000000".parse()?), Some(StatedRule::Population)));
//! assert!(rec.summary.exact);
//! assert_eq!(rec.fits[0].key, "population:regions:2021-11-01");
//! println!("{rec}");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

//!
//! The module is laid out by concept: `table` reads the published table (CSV or pasted
//! text, labels and region names, units, digit groupings); `fit` tries every bundled key ×
//! rounding and searches for the implied key; `verdict` judges each row, the duplicates,
//! the irregular groupings and the totals; `report` writes the text and the headline, in
//! English or Swedish, with the words of `words` (one place for both languages). This
//! file holds the public entry [`reconcile`], the [`Statement`] and the result types, and
//! the whole-unit arithmetic the steps share.

use std::fmt;
use std::sync::OnceLock;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::apportion;
use crate::finding::{Code, Error, Finding, Loc, Result, Severity};
use crate::key::KeySpec;
use crate::message::templates::reconcile as templates;
use crate::money::{Sek, Unit, parse_plain_decimal};
use crate::recipient::RecipientId;
use crate::reference::{self, Level};
use crate::swedish::{format_kr, parse_swedish_text as parse_swedish};

mod fit;
mod pots;
mod report;
mod table;
mod verdict;
mod words;

use pots::both_pots;
use report::{group, headline};
use verdict::reconcile_usable;

pub use table::{IgnoredLine, PublishedTable, TableFormat, TableRow};

// ---------------------------------------------------------------------------------------
// The statement and the result
// ---------------------------------------------------------------------------------------

/// What the publisher states about a table: the pot and, if known, the rule.
#[cfg_attr(
    any(doc, doctest),
    doc = r##"
```
use vardavtal::{Sek, reconcile::{StatedRule, Statement}};
// As in the catalog's `tables.json`: 1 590 miljoner kronor by population.
let s: Statement = vardavtal::json::from_str(r#"{"pot": "1590000000", "rule": {"type": "population"}}"#)?;
assert_eq!(s, Statement::new(Some(Sek::kronor(1_590_000_000)), Some(StatedRule::Population)));
# Ok::<(), vardavtal::Error>(())
```
"##
)]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Statement {
    /// The amount the table distributes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pot: Option<Sek>,
    /// How it is distributed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<StatedRule>,
}

impl Statement {
    /// A statement of the pot and, if known, the rule; `Statement::default()` states neither.
    ///
    /// ```
    /// use vardavtal::{Sek, reconcile::{StatedRule, Statement}};
    /// let s = Statement::new(Some(Sek::kronor(443_000_000)), Some(StatedRule::Population));
    /// assert_eq!((s.pot, s.rule), (Some(Sek::kronor(443_000_000)), Some(StatedRule::Population)));
    /// assert_eq!(Statement::default(), Statement::new(None, None));
    /// ```
    pub fn new(pot: Option<Sek>, rule: Option<StatedRule>) -> Statement {
        Statement { pot, rule }
    }
}

/// The rule a publisher states for a table.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::{Sek, reconcile::StatedRule};
let r: StatedRule = "fixed-plus-population:100 miljoner kronor".parse()?;
assert_eq!(r, StatedRule::FixedPlusPopulation { each: Sek::kronor(100_000_000) });
assert_eq!(r.to_string(), "100 000 000 kr per region, the rest by population");
assert_eq!("need".parse::<StatedRule>()?.to_string(), "by care need");
assert!("by population".parse::<StatedRule>().is_err());
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum StatedRule {
    /// By population (fördelas enligt befolkningsmängd).
    Population,
    /// A fixed amount per region, the rest by population.
    FixedPlusPopulation {
        /// The fixed amount each of the 21 regions gets.
        each: Sek,
    },
    /// By care need (efter vårdbehov).
    Need,
}

impl fmt::Display for StatedRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&words::rule(self, crate::message::Lang::En))
    }
}

impl std::str::FromStr for StatedRule {
    type Err = crate::Error;
    /// `population`, `need`, or `fixed-plus-population:AMOUNT` (the amount plain or in a
    /// Swedish form: `fixed-plus-population:100 miljoner kronor`).
    fn from_str(s: &str) -> Result<StatedRule> {
        match s.split_once(':') {
            None if s == "population" => Ok(StatedRule::Population),
            None if s == "need" => Ok(StatedRule::Need),
            Some(("fixed-plus-population", each)) => Ok(StatedRule::FixedPlusPopulation {
                each: Sek::parse_any(each)?,
            }),
            _ => Err(templates::STATED_RULE_UNKNOWN
                .error(crate::Loc::root())
                .with("quoted", format!("{s:?}"))
                .with("value", s)
                .into_error()),
        }
    }
}

/// How a key's exact quotas are rounded to whole kronor.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::reconcile::Rounding;
// The roundings are tried in this order; the crate's own apportionment first.
assert_eq!(Rounding::ALL[0], Rounding::LargestRemainder);
assert_eq!(Rounding::HalfUp.to_string(), "plain rounding (half up)");
```
"#
)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Rounding {
    /// Largest remainder (the crate's apportionment): sums exactly to the pot.
    LargestRemainder,
    /// Each quota rounded half up on its own: may not sum to the pot.
    HalfUp,
    /// Each quota truncated: sums to the pot or less.
    Truncation,
}

impl Rounding {
    /// Every rounding, in the order they are tried.
    pub const ALL: [Rounding; 3] = [
        Rounding::LargestRemainder,
        Rounding::HalfUp,
        Rounding::Truncation,
    ];
    /// The snake_case name.
    ///
    /// ```
    /// use vardavtal::reconcile::Rounding;
    /// let names: Vec<&str> = Rounding::ALL.iter().map(|r| r.as_str()).collect();
    /// assert_eq!(names, ["largest_remainder", "half_up", "truncation"]);
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Rounding::LargestRemainder => "largest_remainder",
            Rounding::HalfUp => "half_up",
            Rounding::Truncation => "truncation",
        }
    }
}

/// A whole number with its digits grouped by spaces ("10 554 692").
///
/// ```
/// use vardavtal::reconcile::grouped;
/// assert_eq!(grouped(10_554_692), "10 554 692");
/// assert_eq!(grouped(999), "999");
/// ```
pub fn grouped(n: u64) -> String {
    group(u128::from(n))
}

/// A rounding in words, in `lang` ("största rest").
///
/// ```
/// use vardavtal::{message::Lang, reconcile::{Rounding, rounding_words}};
/// assert_eq!(rounding_words(Rounding::LargestRemainder, Lang::Sv), "största rest");
/// assert_eq!(rounding_words(Rounding::LargestRemainder, Lang::En), "largest remainder");
/// ```
pub fn rounding_words(r: Rounding, lang: crate::message::Lang) -> String {
    words::rounding(r, lang)
}

impl fmt::Display for Rounding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Rounding::LargestRemainder => "largest remainder",
            Rounding::HalfUp => "plain rounding (half up)",
            Rounding::Truncation => "truncation",
        })
    }
}

/// How well one bundled key with one rounding reproduces the table.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::{Sek, reconcile::Rounding};
// SKL's table of 2019 for childbirth care: 1 590 miljoner kronor by population.
let cat = vardavtal::catalog::catalog();
let rec = cat.table("forlossningsvard-2019").unwrap().reconcile()?;
let best = &rec.fits[0];
assert_eq!((best.key.as_str(), best.rounding), ("population:regions:2018-12-31", Rounding::LargestRemainder));
assert_eq!((best.rows_compared, best.rows_matching, best.exact), (21, 13, false));
assert_eq!((best.total_abs_diff, best.model_total), (Sek::kronor(8), Sek::kronor(1_590_000_000)));
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[non_exhaustive]
pub struct KeyFit {
    /// The key (`"population:regions:2021-11-01"`, `"needs:regions:2024"`).
    pub key: String,
    /// The rounding.
    pub rounding: Rounding,
    /// True when every region row of the table equals the model's amount (rows in `tkr` or
    /// `mnkr` within half their precision).
    pub exact: bool,
    /// Region rows compared.
    pub rows_compared: usize,
    /// Region rows equal to the model's amount.
    pub rows_matching: usize,
    /// The sum over the compared rows of |table − model| (beyond the precision of rounded rows).
    pub total_abs_diff: Sek,
    /// What the model's amounts sum to (differs from the pot under plain rounding or truncation).
    pub model_total: Sek,
}

impl KeyFit {
    /// Whether the table follows this key: at least half its region rows match it (else it
    /// is not a split by the key, and its rows are not held against it).
    ///
    /// ```
    /// let cat = vardavtal::catalog::catalog();
    /// // 2019: 13 of 21 rows match the closest key; 2023: none does.
    /// for (id, followed) in [("forlossningsvard-2019", true), ("cancervard-svf-2023-andra-utbetalningen", false)] {
    ///     let rec = cat.table(id).unwrap().reconcile()?;
    ///     assert_eq!(rec.fits[0].followed(), followed);
    /// }
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn followed(&self) -> bool {
        self.rows_compared > 0 && self.rows_matching * 2 >= self.rows_compared
    }
}

/// The verdict on one row.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::reconcile::Verdict;
let cat = vardavtal::catalog::catalog();
let rec = cat.table("forlossningsvard-2019").unwrap().reconcile()?;
let differs = rec.rows.iter().filter(|r| r.verdict == Verdict::Differs).count();
assert_eq!((rec.rows[0].verdict, differs), (Verdict::Ok, 8));
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Verdict {
    /// Equal to the best key's amount (within the precision of a rounded row).
    Ok,
    /// Different from the best key's amount.
    Differs,
    /// The amount's digit grouping is irregular.
    IrregularGrouping,
    /// A second row for a region.
    Duplicate,
    /// The name is not a region.
    Unknown,
    /// Not held against a key: the table follows none (then `expected` and `diff` are the
    /// closest key's, for information), or there was no model amount to compare with.
    NotCompared,
}

impl Verdict {
    /// A short word for reports.
    ///
    /// ```
    /// use vardavtal::reconcile::Verdict;
    /// assert_eq!(Verdict::Ok.as_str(), "ok");
    /// assert_eq!(Verdict::Differs.as_str(), "DIFFERS");
    /// assert_eq!(Verdict::NotCompared.as_str(), "not compared");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Ok => "ok",
            Verdict::Differs => "DIFFERS",
            Verdict::IrregularGrouping => "IRREGULAR GROUPING",
            Verdict::Duplicate => "DUPLICATE",
            Verdict::Unknown => "UNKNOWN REGION",
            Verdict::NotCompared => "not compared",
        }
    }
}

/// One reading of an irregularly grouped amount.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::{Sek, reconcile::{PublishedTable, Statement, Verdict, reconcile}};
// "1 00 kr": 100 kr or 1 000 kr? Only 100 kr makes the table add up to its total line.
let text = "Region Stockholm 1 00 kr\nRegion Uppsala 50 kr\nSumma 150 kr\n";
let rec = reconcile(&PublishedTable::parse("t", text)?, &Statement::default());
let row = &rec.rows[0];
assert_eq!((row.verdict, row.amount), (Verdict::IrregularGrouping, Some(Sek::kronor(100))));
let readings: Vec<_> = row.readings.iter().map(|r| (r.amount, r.adds_up)).collect();
assert_eq!(readings, [(Sek::kronor(100), true), (Sek::kronor(1000), false)]);
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[non_exhaustive]
pub struct Reading {
    /// The amount under this reading.
    pub amount: Sek,
    /// True when with this reading the rows add up to the stated total.
    pub adds_up: bool,
}

/// One row of the table with its verdict.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::{RecipientId, Sek, reconcile::Verdict};
let cat = vardavtal::catalog::catalog();
let rec = cat.table("forlossningsvard-2019").unwrap().reconcile()?;
let row = &rec.rows[3]; // line 5 of the CSV, after the header
assert_eq!((row.line, row.text.as_str()), (5, "05,71740341"));
assert_eq!((row.recipient.clone(), row.name.as_str()), (Some(RecipientId::new("05")), "Region Östergötland"));
assert_eq!((row.amount, row.expected), (Some(Sek::kronor(71_740_341)), Some(Sek::kronor(71_740_342))));
assert_eq!((row.diff, row.verdict), (Some(Sek::kronor(-1)), Verdict::Differs));
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[non_exhaustive]
pub struct RowVerdict {
    /// The 1-based line of the input.
    pub line: usize,
    /// The line as written.
    pub text: String,
    /// The region name or code as written.
    pub label: String,
    /// The region, when the label names one.
    pub recipient: Option<RecipientId>,
    /// The official name of the region, or the label verbatim.
    pub name: String,
    /// The amount as written.
    pub printed: String,
    /// The amount in kronor (for an irregular grouping: the reading that makes the table add
    /// up, else the reading nearest the model).
    pub amount: Option<Sek>,
    /// True when the amount is stated less precisely than to the krona (`tkr`, `mnkr`).
    pub rounded: bool,
    /// The model's amount with the best key (the closest one when the table follows none).
    pub expected: Option<Sek>,
    /// amount − expected.
    pub diff: Option<Sek>,
    /// The verdict.
    pub verdict: Verdict,
    /// For an irregular grouping, every reading and whether it makes the table add up.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub readings: Vec<Reading>,
    /// The region's population in the implied key, when one was found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub implied_population: Option<u64>,
    /// A remark for a reader ("two adjacent digits swapped: 54 499 160 kr expected").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A check of the rows' sum against a stated total.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::Sek;
// The 2021 cancer-care table, whose Gotland row is cut off in the stored text.
let cat = vardavtal::catalog::catalog();
let rec = cat.table("cancervard-svf-2021-andra-utbetalningen").unwrap().reconcile()?;
let t = &rec.totals[0];
assert_eq!((t.against.as_str(), t.stated, t.rows_sum), ("total_line", Sek::kronor(185_000_000), Sek::kronor(183_930_889)));
assert_eq!((t.diff, t.adds_up), (Sek::kronor(-1_069_111), false));
assert_eq!(t.explanation.as_deref(), Some("accounted for by the missing region(s) Region Gotland (-1 069 111 kr)"));
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[non_exhaustive]
pub struct TotalCheck {
    /// `"total_line"` (the table's own total) or `"pot"` (the stated pot).
    pub against: String,
    /// The line of the total line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// The stated total.
    pub stated: Sek,
    /// What the rows add up to.
    pub rows_sum: Sek,
    /// rows_sum − stated.
    pub diff: Sek,
    /// How far apart they may be because rows are rounded (`tkr`, `mnkr`).
    pub tolerance: Sek,
    /// True when |diff| ≤ tolerance.
    pub adds_up: bool,
    /// What accounts for the difference, when something does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
}

/// The population key implied by a table that no bundled key reproduces.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::reconcile::Rounding;
// The 2023 cancer-care table follows no bundled key, but one population key reproduces it.
let cat = vardavtal::catalog::catalog();
let rec = cat.table("cancervard-svf-2023-andra-utbetalningen").unwrap().reconcile()?;
let k = rec.implied.as_ref().unwrap();
assert_eq!((k.total, k.candidates), (10_554_692, 1));
assert_eq!((k.near.as_str(), k.rounding), ("population:regions:2023-11-01", Some(Rounding::LargestRemainder)));
assert!(k.searched.0 <= k.total && k.total <= k.searched.1);
assert_eq!(k.populations.len(), 21);
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[non_exhaustive]
pub struct ImpliedKey {
    /// The total population T (of the candidates, the one nearest the closest bundled key).
    pub total: u64,
    /// The population of each region under T, in region code order.
    pub populations: Vec<ImpliedPopulation>,
    /// How many totals in the searched range every row is consistent with (within its
    /// precision of its exact share).
    pub candidates: u64,
    /// The first candidate totals (at most 100), ascending.
    pub totals: Vec<u64>,
    /// The searched range of T (inclusive), ±8 % around the closest bundled population key.
    pub searched: (u64, u64),
    /// The bundled population key the search was centred on.
    pub near: String,
    /// The rounding that reproduces every row with these populations; none when no
    /// rounding the model knows does (the rows are then only within their precision of
    /// the shares, and the key is not said to reproduce the table).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rounding: Option<Rounding>,
}

/// One region of an implied key.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
let cat = vardavtal::catalog::catalog();
let rec = cat.table("cancervard-svf-2023-andra-utbetalningen").unwrap().reconcile()?;
let stockholm = &rec.implied.as_ref().unwrap().populations[0];
assert_eq!((stockholm.recipient.as_str(), stockholm.name.as_str()), ("01", "Region Stockholm"));
// 2 240 fewer inhabitants than the bundled count of 1 November 2023.
assert_eq!((stockholm.population, stockholm.bundled), (2_453_674, 2_455_914));
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[non_exhaustive]
pub struct ImpliedPopulation {
    /// The region.
    pub recipient: RecipientId,
    /// Its name.
    pub name: String,
    /// Inhabitants implied by the table.
    pub population: u64,
    /// Inhabitants in the bundled key the search was centred on.
    pub bundled: u64,
}

/// Where the pot the model splits comes from.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::{Sek, reconcile::{PotSource, PublishedTable, Statement, reconcile}};
let table = PublishedTable::parse("t", "Region Stockholm 100 kr\nRegion Uppsala 50 kr\n")?;
// No pot stated and no total line: the rows' sum is split.
let rec = reconcile(&table, &Statement::default());
assert_eq!((rec.pot_source, rec.pot), (PotSource::Rows, Sek::kronor(150)));
let rec = reconcile(&table, &Statement::new(Some(Sek::kronor(200)), None));
assert_eq!((rec.pot_source, rec.pot), (PotSource::Stated, Sek::kronor(200)));
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PotSource {
    /// The stated pot.
    Stated,
    /// The table's total line.
    TotalLine,
    /// The sum of the rows.
    Rows,
}

/// The outcome in a few figures and one sentence.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
// The 2025 cancer-care table: 18 regions, the rest are paid otherwise.
let cat = vardavtal::catalog::catalog();
let rec = cat.table("cancervard-svf-2025-andra-utbetalningen").unwrap().reconcile()?;
let s = &rec.summary;
assert_eq!((s.rows, s.regions, s.adds_up, s.exact), (18, 18, true, false));
assert_eq!(s.missing, ["Region Halland", "Region Gävleborg", "Region Västerbotten"]);
assert!(s.headline.starts_with("The rows add up to the stated total, 182 500 000 kr."));
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[non_exhaustive]
pub struct Summary {
    /// Rows with an amount (total lines not counted).
    pub rows: usize,
    /// Distinct regions named.
    pub regions: usize,
    /// Names of the regions with no row.
    pub missing: Vec<String>,
    /// Rows that repeat a region.
    pub duplicates: usize,
    /// Rows whose name is not a region.
    pub unknown: usize,
    /// Rows with an irregular digit grouping.
    pub irregular: usize,
    /// Region rows that differ from the best key.
    pub differing: usize,
    /// What the rows add up to.
    pub rows_sum: Sek,
    /// True when the rows add up to every stated total (within rounding).
    pub adds_up: bool,
    /// The best key and rounding.
    pub best: Option<KeyFit>,
    /// True when a bundled key reproduces every region row.
    pub exact: bool,
    /// One sentence for a reader.
    pub headline: String,
}

/// The result of [`reconcile`]: a verdict per row, the findings, the key fits, the implied key.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::{Sek, Unit, reconcile::PotSource};
let cat = vardavtal::catalog::catalog();
let rec = cat.table("forlossningsvard-2019").unwrap().reconcile()?;
assert_eq!((rec.table.as_str(), rec.unit), ("forlossningsvard-2019.csv", Unit::Krona));
assert_eq!((rec.pot, rec.pot_source), (Sek::kronor(1_590_000_000), PotSource::Stated));
// 21 rows; the total line and the stated pot both checked.
assert_eq!((rec.rows.len(), rec.totals.len()), (21, 2));
assert!(rec.to_string().starts_with("Reconciliation of forlossningsvard-2019.csv"));
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[non_exhaustive]
pub struct Reconciliation {
    /// The table's name.
    pub table: String,
    /// What the publisher states.
    pub statement: Statement,
    /// The rounding unit of the comparison (öre when an amount has öre).
    pub unit: Unit,
    /// The pot the model splits.
    pub pot: Sek,
    /// Where that pot comes from.
    pub pot_source: PotSource,
    /// Every row, in input order.
    pub rows: Vec<RowVerdict>,
    /// The rows' sum against the total line and the pot.
    pub totals: Vec<TotalCheck>,
    /// Every finding: lines that could not be read, then the checks.
    pub findings: Vec<Finding>,
    /// Every bundled key × rounding, best first.
    pub fits: Vec<KeyFit>,
    /// The implied population key, when no bundled key reproduces the table.
    pub implied: Option<ImpliedKey>,
    /// The outcome in brief.
    pub summary: Summary,
}

impl Reconciliation {
    /// True when some finding has severity warning or error.
    ///
    /// ```
    /// use vardavtal::{Code, Sek};
    /// use vardavtal::reconcile::{PotSource, PublishedTable, Statement, Verdict, reconcile};
    /// let text = "Region Stockholm 100 kr\nRegion Uppsala 50 kr\nSumma 150 kr\n";
    /// let rec = reconcile(&PublishedTable::parse("t", text)?, &Statement::default());
    /// // No pot stated: the model splits the table's total line.
    /// assert_eq!((rec.pot, rec.pot_source), (Sek::kronor(150), PotSource::TotalLine));
    /// let total = &rec.totals[0];
    /// assert_eq!((total.against.as_str(), total.rows_sum, total.adds_up), ("total_line", Sek::kronor(150), true));
    /// // The summary: two rows, both regions, 19 regions missing, no bundled key reproduces it.
    /// let s = &rec.summary;
    /// assert_eq!((s.rows, s.regions, s.missing.len(), s.exact), (2, 2, 19, false));
    /// // The best key fits no row, so the table is not held against it.
    /// let best = &rec.fits[0];
    /// assert_eq!((best.rows_compared, best.rows_matching, best.followed()), (2, 0, false));
    /// assert_eq!(rec.rows[0].verdict, Verdict::NotCompared);
    /// assert!(rec.has_problems());
    /// assert_eq!(rec.findings_with(Code::RowMissing).count(), 19);
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn has_problems(&self) -> bool {
        self.findings
            .iter()
            .any(|f| f.severity >= Severity::Warning)
    }
    /// The findings with this code.
    ///
    /// ```
    /// use vardavtal::Code;
    /// let cat = vardavtal::catalog::catalog();
    /// let rec = cat.table("forlossningsvard-2019").unwrap().reconcile()?;
    /// // Eight rows one krona off the closest key, each a warning at its row.
    /// let locs: Vec<String> = rec.findings_with(Code::RowDiffers).map(|f| f.loc.to_string()).collect();
    /// assert_eq!(locs.len(), 8);
    /// assert_eq!(locs[0], "rows[5]");
    /// assert_eq!(rec.findings_with(Code::RowMissing).count(), 0);
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn findings_with(&self, code: Code) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.code == code)
    }
}

// ---------------------------------------------------------------------------------------
// Whole units, shared by the steps
// ---------------------------------------------------------------------------------------

const N: usize = 21;

/// An amount in whole units (kronor or öre) with its precision in units.
#[derive(Debug, Clone, Copy)]
struct Obs {
    a: i128,
    p: i128,
}

impl Obs {
    /// Doubled tolerance: a rounded row may be off by half its precision.
    fn tol2(self) -> i128 {
        if self.p > 1 { self.p } else { 0 }
    }
    fn matches(self, e: i128) -> bool {
        self.a.abs_diff(e).saturating_mul(2) <= self.tol2().unsigned_abs()
    }
    fn excess2(self, e: i128) -> u128 {
        self.a
            .abs_diff(e)
            .saturating_mul(2)
            .saturating_sub(self.tol2().unsigned_abs())
    }
}

fn region_index(code: &str) -> Option<usize> {
    reference::regions().iter().position(|r| r.code == code)
}

fn to_units(d: Decimal, unit: Unit) -> Option<i128> {
    let n = d.normalize();
    let scale = unit.scale().checked_sub(n.scale())?;
    10i128.checked_pow(scale)?.checked_mul(n.mantissa())
}

fn from_units(u: i128, unit: Unit) -> Sek {
    // Values come from sums and differences of decimals, which fit.
    Decimal::try_from_i128_with_scale(u, unit.scale()).map_or(Sek::ZERO, |d| Sek(d.normalize()))
}

fn from_half_units(u2: u128, unit: Unit) -> Sek {
    i128::try_from(u2)
        .ok()
        .and_then(|u| u.checked_mul(5))
        .and_then(|u| Decimal::try_from_i128_with_scale(u, unit.scale() + 1).ok())
        .map_or(Sek::ZERO, |d| Sek(d.normalize()))
}

fn kr(s: Sek) -> String {
    format_kr(s.value())
}

fn kr_units(u: i128, unit: Unit) -> String {
    kr(from_units(u, unit))
}

fn signed_kr(u: i128, unit: Unit) -> String {
    if u > 0 {
        format!("+{}", kr_units(u, unit))
    } else {
        kr_units(u, unit)
    }
}

/// Check a published table against the model: sums, regions, digit grouping, which bundled
/// key and rounding reproduce it, the implied key when none does, and the per-region
/// differences from the model's allocation of the same pot by the stated rule.
///
/// ```
/// use vardavtal::Code;
/// use vardavtal::reconcile::{PublishedTable, Statement, reconcile};
/// // Two regions of the 21: the others have no row.
/// let table = PublishedTable::parse("t", "Region Stockholm 100 kr\nRegion Uppsala 50 kr\n")?;
/// let rec = reconcile(&table, &Statement::default());
/// assert!(rec.has_problems());
/// assert_eq!(rec.findings_with(Code::RowMissing).count(), 19);
/// # Ok::<(), vardavtal::Error>(())
/// ```
pub fn reconcile(table: &PublishedTable, statement: &Statement) -> Reconciliation {
    // A negative pot or fixed amount cannot be checked against: report it, do not use it.
    let mut refused = Vec::new();
    let mut usable = statement.clone();
    if let Some(p) = usable.pot.filter(|p| p.is_negative()) {
        refused.push(
            templates::STATED_POT_NEGATIVE
                .error(crate::Loc::root().join("pot"))
                .with("pot", p),
        );
        usable.pot = None;
    }
    if let Some(StatedRule::FixedPlusPopulation { each }) = usable
        .rule
        .clone()
        .filter(|r| matches!(r, StatedRule::FixedPlusPopulation { each } if each.is_negative()))
    {
        refused.push(
            templates::STATED_FIXED_NEGATIVE
                .error(crate::Loc::root().join("rule").join("each"))
                .with("each", each),
        );
        usable.rule = None;
    }
    let mut r = reconcile_usable(table, &usable);
    both_pots(table, &usable, &mut r);
    r.statement = statement.clone();
    r.findings.splice(0..0, refused);
    r
}
