//! Allocation: who gets how much of an agreement, a component or a pot, when, and why.
//!
//! Every step hands out a pot exactly ([`crate::apportion`]): the rows of a step sum to its
//! pot, each amount is the floor or ceiling of its exact quota in the rounding unit, and
//! each row carries the figures behind it ([`Basis`]) and a readable explanation
//! ([`Row::explain`]).
//!
//! ```
//! use vardavtal::{allocate, Agreement, Options};
//! let a = Agreement::from_json(r#"{"id": "demo", "title": "Demo", "kind": {"type": "base"}, "years": [2022],
//!   "components": [{"id": "b2", "name": "Utvecklingsblock", "amount": "443000000",
//!                   "recipients": "regions", "rule": {"type": "per_capita"}}]}"#)?;
//! let alloc = allocate(&a, &Options::default())?;
//! assert_eq!(alloc.rows.len(), 21);
//! assert_eq!(alloc.total().to_string(), "443000000");
//! let uppsala = alloc.rows.iter().find(|r| r.recipient.as_str() == "03").unwrap();
//! assert!(uppsala.explain().contains("population:regions:2021-11-01"));
//! # Ok::<(), vardavtal::Error>(())
//! ```

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::agreement::{Agreement, Component, When};
use crate::apportion;
use crate::finding::{Code, Error, Finding, Loc, Result};
use crate::key::{Key, KeySpec, apportion_error, scale_to_integers};
use crate::money::{Sek, Unit, checked_sum, saturating_sum};
use crate::outcomes::Outcomes;
use crate::recipient::{Group, RecipientId, RecipientKind, STATE};
use crate::reference::{self, Level};
use crate::rule::{Performance, Rule, Unearned};

/// The apportionment method.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Largest remainder (Hamilton), ties to the first recipient in code order.
    #[default]
    LargestRemainder,
}

/// What an allocation runs with.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The rounding unit (whole kronor by default).
    pub unit: Unit,
    /// The apportionment method.
    pub method: Method,
    /// A key that replaces the key of every population-based rule (per capita, fixed plus
    /// key, performance) whose recipients are at the same level (regions or
    /// municipalities): the what-if of another key date. Care-need keys are not replaced.
    pub key: Option<Key>,
    /// Performance outcomes.
    pub outcomes: Outcomes,
}

/// What a row's money is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// A share of the pot by the key.
    Share,
    /// The whole pot, to a named recipient.
    Fixed,
    /// The fixed amount every recipient gets first.
    Each,
    /// An equal part.
    Equal,
    /// Money earned on a performance criterion.
    Earned,
    /// A share of the bonus pot of unearned performance money.
    Bonus,
    /// Unearned money returned to the state.
    Returned,
}

impl Part {
    /// `"share"`, `"fixed"`, ….
    pub fn as_str(self) -> &'static str {
        match self {
            Part::Share => "share",
            Part::Fixed => "fixed",
            Part::Each => "each",
            Part::Equal => "equal",
            Part::Earned => "earned",
            Part::Bonus => "bonus",
            Part::Returned => "returned",
        }
    }
}

/// The figures behind one amount.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
pub struct Basis {
    /// The pot of this step (a component, tranche, criterion or bonus pot).
    pub pot: Sek,
    /// What the weights are (`"population:regions:2021-11-01"`).
    pub key: String,
    /// The recipient's weight.
    #[serde(with = "crate::money::decimal_str")]
    pub weight: Decimal,
    /// The sum of the weights.
    #[serde(with = "crate::money::decimal_str")]
    pub total_weight: Decimal,
    /// The exact quota `pot × weight / total_weight`, in kronor (to 28 significant digits
    /// when it does not terminate).
    #[serde(with = "crate::money::decimal_str")]
    pub quota: Decimal,
    /// The quota rounded down to the unit.
    pub floor: Sek,
    /// Units left over after every recipient got its floor, handed out by largest remainder.
    pub left_over: Sek,
    /// The rank of the recipient's remainder when it got one of the units left over.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remainder_rank: Option<usize>,
    /// How many recipients share the pot.
    pub recipients: usize,
    /// Why the recipient qualified or not, for performance money.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// For performance money: whether the recipient qualified (when not, its share by the
    /// key, `floor` or one unit more, went to the bonus pot or back to the state).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualified: Option<bool>,
}

/// One amount to one recipient.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
pub struct Row {
    /// The agreement id (`"split"` for a plain split).
    pub agreement: String,
    /// The component id.
    pub component: String,
    /// The tranche id, when the component is paid in tranches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tranche: Option<String>,
    /// The payment date, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<When>,
    /// Who gets it.
    pub recipient: RecipientId,
    /// The recipient's name.
    pub name: String,
    /// What the money is.
    pub part: Part,
    /// The performance criterion, for earned money.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criterion: Option<String>,
    /// The amount.
    pub amount: Sek,
    /// The figures behind the amount.
    pub basis: Basis,
}

/// One pot that was apportioned: the rows with the same agreement, component, tranche,
/// part and criterion sum exactly to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
pub struct Pot {
    /// The agreement id.
    pub agreement: String,
    /// The component id.
    pub component: String,
    /// The tranche id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tranche: Option<String>,
    /// The payment date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<When>,
    /// The amount handed out.
    pub amount: Sek,
    /// The rule (`"per_capita"`, …).
    pub rule: String,
    /// The key, for key-based rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Where the key's figures come from (source ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub key_sources: Vec<String>,
}

/// The result of allocating a pot, a component, an agreement or a set of agreements.
///
/// Serialises with its totals: `{"unit", "method", "total", "pots", "rows",
/// "totals": {"by_recipient", "by_component", "by_date"}, "notes"}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allocation {
    /// The rounding unit.
    pub unit: Unit,
    /// The apportionment method.
    pub method: Method,
    /// The pots handed out, one per component and tranche.
    pub pots: Vec<Pot>,
    /// Every amount.
    pub rows: Vec<Row>,
    /// Components that were not allocated and why (severity info).
    pub notes: Vec<Finding>,
}

/// A total for one key (recipient, component, date).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
pub struct Total {
    /// The recipient code, component id or date.
    pub key: String,
    /// A name for it.
    pub name: String,
    /// The total.
    pub amount: Sek,
}

impl Allocation {
    /// The sum of every row.
    pub fn total(&self) -> Sek {
        Sek(saturating_sum(self.rows.iter().map(|r| r.amount.0)))
    }
    /// The sum of the pots.
    pub fn pot_total(&self) -> Sek {
        Sek(saturating_sum(self.pots.iter().map(|p| p.amount.0)))
    }
    /// Totals by recipient, in code order.
    pub fn by_recipient(&self) -> Vec<Total> {
        totals(
            self.rows
                .iter()
                .map(|r| (r.recipient.to_string(), r.name.clone(), r.amount)),
        )
    }
    /// Totals by component (`agreement/component`).
    pub fn by_component(&self) -> Vec<Total> {
        totals(self.rows.iter().map(|r| {
            (
                format!("{}/{}", r.agreement, r.component),
                r.component.clone(),
                r.amount,
            )
        }))
    }
    /// Totals by payment date (`"unscheduled"` where the date is not known).
    pub fn by_date(&self) -> Vec<Total> {
        totals(self.rows.iter().map(|r| {
            let d = r.date.map_or("unscheduled".to_owned(), |d| d.to_string());
            (d.clone(), d, r.amount)
        }))
    }
    /// The rows of one recipient.
    pub fn rows_of<'a>(&'a self, recipient: &'a RecipientId) -> impl Iterator<Item = &'a Row> + 'a {
        self.rows.iter().filter(move |r| &r.recipient == recipient)
    }
    /// Check that the rows of each pot sum exactly to it; an error names every pot that
    /// does not (it never should).
    pub fn check(&self) -> Result<()> {
        let mut sums: BTreeMap<(&str, &str, Option<&str>), Decimal> = BTreeMap::new();
        for r in &self.rows {
            let e = sums
                .entry((&r.agreement, &r.component, r.tranche.as_deref()))
                .or_default();
            *e = e.saturating_add(r.amount.0);
        }
        let mut pots: BTreeMap<(&str, &str, Option<&str>), Decimal> = BTreeMap::new();
        for p in &self.pots {
            let e = pots
                .entry((&p.agreement, &p.component, p.tranche.as_deref()))
                .or_default();
            *e = e.saturating_add(p.amount.0);
        }
        let bad: Vec<Finding> = pots
            .iter()
            .filter(|(k, v)| sums.get(*k).copied().unwrap_or_default() != **v)
            .map(|(k, v)| {
                Finding::error(
                    Code::PartsDoNotSum,
                    Loc::root().join(k.0).join(k.1),
                    format!("rows do not sum to the pot {v}"),
                )
            })
            .collect();
        if bad.is_empty() {
            Ok(())
        } else {
            Err(Error::from_findings(bad))
        }
    }
    /// The rows as CSV: a header, then `code,name,amount,agreement,component,tranche,date,
    /// part,criterion,quota,weight,pot`, amounts as plain decimals.
    ///
    /// ```
    /// use vardavtal::{split, KeySpec, Unit};
    /// let key = "population:regions:2021-11-01".parse::<KeySpec>()?.resolve()?;
    /// let csv = split("100".parse()?, &key, None, Unit::Krona)?.to_csv();
    /// assert!(csv.starts_with("code,name,amount,"));
    /// assert_eq!(csv.lines().count(), 22);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_csv(&self) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        let _ = w.write_record([
            "code",
            "name",
            "amount",
            "agreement",
            "component",
            "tranche",
            "date",
            "part",
            "criterion",
            "quota",
            "weight",
            "pot",
        ]);
        for r in &self.rows {
            let _ = w.write_record([
                r.recipient.to_string(),
                r.name.clone(),
                r.amount.to_string(),
                r.agreement.clone(),
                r.component.clone(),
                r.tranche.clone().unwrap_or_default(),
                r.date.map(|d| d.to_string()).unwrap_or_default(),
                r.part.as_str().to_owned(),
                r.criterion.clone().unwrap_or_default(),
                r.basis.quota.normalize().to_string(),
                r.basis.weight.normalize().to_string(),
                r.basis.pot.to_string(),
            ]);
        }
        w.into_inner()
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .unwrap_or_default()
    }

    /// Merge another allocation into this one (same unit and method).
    pub fn extend(&mut self, other: Allocation) {
        self.pots.extend(other.pots);
        self.rows.extend(other.rows);
        self.notes.extend(other.notes);
    }
}

impl<'de> Deserialize<'de> for Allocation {
    /// From the serialised form (the totals, being derived, are ignored).
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Raw {
            unit: Unit,
            method: Method,
            pots: Vec<Pot>,
            rows: Vec<Row>,
            #[serde(default)]
            notes: Vec<Finding>,
        }
        let r = Raw::deserialize(d)?;
        Ok(Allocation {
            unit: r.unit,
            method: r.method,
            pots: r.pots,
            rows: r.rows,
            notes: r.notes,
        })
    }
}

impl Serialize for Allocation {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        #[derive(Serialize)]
        struct Totals {
            by_recipient: Vec<Total>,
            by_component: Vec<Total>,
            by_date: Vec<Total>,
        }
        let mut st = s.serialize_struct("Allocation", 7)?;
        st.serialize_field("unit", &self.unit)?;
        st.serialize_field("method", &self.method)?;
        st.serialize_field("total", &self.total())?;
        st.serialize_field("pots", &self.pots)?;
        st.serialize_field("rows", &self.rows)?;
        st.serialize_field(
            "totals",
            &Totals {
                by_recipient: self.by_recipient(),
                by_component: self.by_component(),
                by_date: self.by_date(),
            },
        )?;
        st.serialize_field("notes", &self.notes)?;
        st.end()
    }
}

/// A column of a [`Pivot`]: one pot (agreement, component, tranche).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
pub struct PivotColumn {
    /// Agreement id.
    pub agreement: String,
    /// Component id.
    pub component: String,
    /// Tranche id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tranche: Option<String>,
    /// Payment date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<When>,
}

impl PivotColumn {
    /// A short header: `component`, or `component/tranche (date)`.
    pub fn header(&self) -> String {
        let mut h = self.component.clone();
        if let Some(t) = &self.tranche {
            h = format!("{h}/{t}");
        }
        if let Some(d) = self.date {
            h = format!("{h} ({d})");
        }
        h
    }
}

/// A row of a [`Pivot`]: one recipient's amount in each column, and its total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
pub struct PivotRow {
    /// Recipient code.
    pub recipient: RecipientId,
    /// Recipient name.
    pub name: String,
    /// Amount per column (zero where the recipient has none).
    pub amounts: Vec<Sek>,
    /// The recipient's total.
    pub total: Sek,
}

/// An allocation as a table: recipients × pots, with totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
pub struct Pivot {
    /// The columns, in the order the pots were allocated.
    pub columns: Vec<PivotColumn>,
    /// One row per recipient, in code order.
    pub rows: Vec<PivotRow>,
    /// Column totals.
    pub totals: Vec<Sek>,
    /// The grand total.
    pub total: Sek,
}

impl Allocation {
    /// The allocation as a recipients × pots table.
    pub fn pivot(&self) -> Pivot {
        let mut columns: Vec<PivotColumn> = Vec::new();
        let mut index: BTreeMap<(&str, &str, Option<&str>), usize> = BTreeMap::new();
        for p in &self.pots {
            let k = (
                p.agreement.as_str(),
                p.component.as_str(),
                p.tranche.as_deref(),
            );
            if let std::collections::btree_map::Entry::Vacant(e) = index.entry(k) {
                e.insert(columns.len());
                columns.push(PivotColumn {
                    agreement: p.agreement.clone(),
                    component: p.component.clone(),
                    tranche: p.tranche.clone(),
                    date: p.date,
                });
            }
        }
        let mut by: BTreeMap<RecipientId, (String, Vec<Decimal>)> = BTreeMap::new();
        let mut totals = vec![Decimal::ZERO; columns.len()];
        for r in &self.rows {
            let Some(&ci) = index.get(&(
                r.agreement.as_str(),
                r.component.as_str(),
                r.tranche.as_deref(),
            )) else {
                continue;
            };
            let e = by
                .entry(r.recipient.clone())
                .or_insert_with(|| (r.name.clone(), vec![Decimal::ZERO; columns.len()]));
            if let (Some(x), Some(t)) = (e.1.get_mut(ci), totals.get_mut(ci)) {
                *x = x.saturating_add(r.amount.0);
                *t = t.saturating_add(r.amount.0);
            }
        }
        let rows = by
            .into_iter()
            .map(|(recipient, (name, v))| PivotRow {
                recipient,
                name,
                total: Sek(saturating_sum(v.iter().copied())),
                amounts: v.into_iter().map(Sek).collect(),
            })
            .collect();
        Pivot {
            columns,
            rows,
            total: Sek(saturating_sum(totals.iter().copied())),
            totals: totals.into_iter().map(Sek).collect(),
        }
    }
}

fn totals(it: impl Iterator<Item = (String, String, Sek)>) -> Vec<Total> {
    let mut m: BTreeMap<String, (String, Decimal)> = BTreeMap::new();
    for (k, n, a) in it {
        let e = m.entry(k).or_insert_with(|| (n, Decimal::ZERO));
        e.1 = e.1.saturating_add(a.0);
    }
    m.into_iter()
        .map(|(key, (name, amount))| Total {
            key,
            name,
            amount: Sek(amount),
        })
        .collect()
}

impl Row {
    /// A sentence a person can read: the key figures, the exact quota, and how rounding
    /// moved the amount.
    pub fn explain(&self) -> String {
        let b = &self.basis;
        let what = match (self.part, &self.criterion) {
            (Part::Earned, Some(c)) => format!("{} (criterion {c})", self.component),
            (Part::Bonus, _) => format!("the bonus pot of {}", self.component),
            _ => self.component.clone(),
        };
        let when = match (&self.tranche, self.date) {
            (Some(t), Some(d)) => format!(", tranche {t} paid {d}"),
            (Some(t), None) => format!(", tranche {t}"),
            (None, Some(d)) => format!(", paid {d}"),
            (None, None) => String::new(),
        };
        let head = format!(
            "{} ({}) gets {} of {what}{when}",
            self.name,
            self.recipient,
            kr(self.amount)
        );
        let body = match self.part {
            Part::Fixed => format!("the whole pot of {} goes to this recipient", kr(b.pot)),
            Part::Each => format!(
                "the fixed amount of {} that every recipient of the key gets first",
                kr(b.pot)
            ),
            Part::Returned => format!(
                "money not earned on performance ({}) returns to the state",
                kr(b.pot)
            ),
            Part::Earned if b.qualified == Some(false) => format!(
                "its share of the criterion's pot would have been pot {} × weight {} / total weight {} ({}), about {}, but it did not qualify",
                kr(b.pot),
                b.weight.normalize(),
                b.total_weight.normalize(),
                b.key,
                kr(Sek(b.quota.round_dp(0))),
            ),
            _ => {
                let rounding = if self.amount == b.floor {
                    if b.left_over.0.is_zero() {
                        "no rounding was needed".to_owned()
                    } else {
                        format!(
                            "rounded down to {}; the {} left over went to larger remainders",
                            kr(b.floor),
                            kr(b.left_over)
                        )
                    }
                } else {
                    format!(
                        "rounded down to {} and given one unit of the {} left over (remainder rank {} of {})",
                        kr(b.floor),
                        kr(b.left_over),
                        b.remainder_rank.unwrap_or(0),
                        b.recipients
                    )
                };
                let shown = b.quota.round_dp(4);
                let approx = if shown == b.quota { "" } else { "…" };
                format!(
                    "pot {} × weight {} / total weight {} ({}) = exact quota {}{approx}; {rounding}",
                    kr(b.pot),
                    b.weight.normalize(),
                    b.total_weight.normalize(),
                    b.key,
                    kr(Sek(shown)),
                )
            }
        };
        match &b.note {
            Some(n) => format!("{head}: {body}. {n}."),
            None => format!("{head}: {body}."),
        }
    }
}

fn kr(s: Sek) -> String {
    crate::swedish::format_kr(s.0)
}

/// The exact quota `floor + rem / total` (in units of `10^-unit_scale` kronor) as a decimal in
/// kronor, from integers: exact when the fraction terminates within the digits a `Decimal`
/// holds, else truncated to them. `None` when the integers do not fit (the caller then
/// divides decimals). Integer arithmetic is much faster than decimal division, notably in
/// WebAssembly.
fn quota_decimal(floor: u128, rem: u128, total: u128, unit_scale: u32) -> Option<Decimal> {
    const MAX_MANTISSA: u128 = (1 << 96) - 1;
    if total == 0 || floor > MAX_MANTISSA {
        return None;
    }
    if rem == 0 {
        return i128::try_from(floor)
            .ok()
            .and_then(|f| Decimal::try_from_i128_with_scale(f, unit_scale).ok());
    }
    // A Decimal holds 28 to 29 significant digits: start where floor·10^d just fits.
    let floor_digits = floor.checked_ilog10().map_or(0, |x| x + 1);
    let mut d = 28u32
        .saturating_sub(unit_scale)
        .min(29u32.saturating_sub(floor_digits));
    loop {
        let p = 10u128.checked_pow(d)?;
        let fits = rem
            .checked_mul(p)
            .zip(floor.checked_mul(p))
            .and_then(|(r, f)| f.checked_add(r / total))
            .filter(|m| *m <= MAX_MANTISSA);
        if let Some(m) = fits {
            return i128::try_from(m)
                .ok()
                .and_then(|m| Decimal::try_from_i128_with_scale(m, d + unit_scale).ok());
        }
        d = d.checked_sub(1)?;
    }
}

/// The context one apportioning step writes its rows in.
struct Step<'a> {
    agreement: &'a str,
    component: &'a str,
    tranche: Option<&'a str>,
    date: Option<When>,
    unit: Unit,
}

impl Step<'_> {
    fn row(
        &self,
        recipient: RecipientId,
        name: String,
        part: Part,
        criterion: Option<&str>,
        amount: Sek,
        basis: Basis,
    ) -> Row {
        Row {
            agreement: self.agreement.to_owned(),
            component: self.component.to_owned(),
            tranche: self.tranche.map(str::to_owned),
            date: self.date,
            recipient,
            name,
            part,
            criterion: criterion.map(str::to_owned),
            amount,
            basis,
        }
    }

    /// Apportion `pot` over `key`; one row per recipient of the key.
    fn by_key(
        &self,
        pot: Sek,
        key: &Key,
        part: Part,
        criterion: Option<&str>,
        names: &dyn Fn(&RecipientId) -> String,
    ) -> Result<Vec<Row>> {
        let units = self.unit.to_units(pot)?;
        let parts = key.split_units(units)?;
        // split_units succeeded, so the total is positive and no product overflows.
        let total_w: u128 = key.int_weights().iter().sum::<u128>().max(1);
        let floors: Vec<u128> = key
            .int_weights()
            .iter()
            .map(|w| units.saturating_mul(*w) / total_w)
            .collect();
        let left = units - floors.iter().sum::<u128>();
        let ranks = if left > 0 {
            apportion::remainder_ranks(units, key.int_weights())
        } else {
            None
        };
        let left_over = self.unit.from_units(left)?;
        let n = key.len();
        let mut rows = Vec::with_capacity(n);
        for (i, ((recipient, weight), amount)) in key.iter().zip(parts).enumerate() {
            let floor = floors.get(i).copied().unwrap_or(0);
            let w = key.int_weights().get(i).copied().unwrap_or(0);
            let rem = units
                .saturating_mul(w)
                .saturating_sub(floor.saturating_mul(total_w));
            let quota =
                quota_decimal(floor, rem, total_w, self.unit.scale()).unwrap_or_else(|| {
                    pot.0
                        .checked_mul(weight)
                        .and_then(|x| x.checked_div(key.total()))
                        .unwrap_or_default()
                });
            let basis = Basis {
                pot,
                key: key.description().to_owned(),
                weight,
                total_weight: key.total(),
                quota,
                floor: self.unit.from_units(floor)?,
                left_over,
                remainder_rank: if amount > floor {
                    ranks.as_ref().and_then(|r| r.get(i)).map(|r| r.1)
                } else {
                    None
                },
                recipients: n,
                note: None,
                qualified: None,
            };
            rows.push(self.row(
                recipient.clone(),
                names(recipient),
                part,
                criterion,
                self.unit.from_units(amount)?,
                basis,
            ));
        }
        Ok(rows)
    }

    fn whole(
        &self,
        pot: Sek,
        recipient: RecipientId,
        name: String,
        part: Part,
        note: Option<String>,
    ) -> Row {
        let basis = Basis {
            pot,
            key: "whole amount".into(),
            weight: Decimal::ONE,
            total_weight: Decimal::ONE,
            quota: pot.0,
            floor: pot,
            left_over: Sek::ZERO,
            remainder_rank: None,
            recipients: 1,
            note,
            qualified: None,
        };
        self.row(recipient, name, part, None, pot, basis)
    }
}

/// Allocate every component of an agreement, by tranche.
///
/// Components with a rule are allocated whole; a component without a rule allocates its
/// parts. Components that cannot be allocated ahead of time (reimbursement, unpublished
/// rule, no amount and no parts) are listed in [`Allocation::notes`]. Every error found
/// is reported, not only the first.
pub fn allocate(agreement: &Agreement, opts: &Options) -> Result<Allocation> {
    let mut out = Allocation {
        unit: opts.unit,
        method: opts.method,
        pots: Vec::new(),
        rows: Vec::new(),
        notes: Vec::new(),
    };
    let mut errors: Vec<Finding> = Vec::new();
    collect(
        agreement,
        &tranche_index(agreement),
        &agreement.components,
        &Loc::root(),
        opts,
        &mut out,
        &mut errors,
    );
    finish(out, errors)
}

/// The allocation, or every error found; also an error when the pots together exceed what a
/// decimal holds (so that every total of the allocation is exact).
fn finish(out: Allocation, errors: Vec<Finding>) -> Result<Allocation> {
    if !errors.is_empty() {
        return Err(Error::from_findings(errors));
    }
    if checked_sum(out.pots.iter().map(|p| p.amount.0)).is_none() {
        return Err(Error::new(
            Code::TooLarge,
            Loc::root(),
            "the pots together are more than a decimal holds (about 7.9 × 10^28 kronor)",
        ));
    }
    Ok(out)
}

/// Allocate several agreements into one allocation.
pub fn allocate_all(agreements: &[Agreement], opts: &Options) -> Result<Allocation> {
    let mut out = Allocation {
        unit: opts.unit,
        method: opts.method,
        pots: Vec::new(),
        rows: Vec::new(),
        notes: Vec::new(),
    };
    let mut errors = Vec::new();
    for (i, a) in agreements.iter().enumerate() {
        match allocate(a, opts) {
            Ok(x) => out.extend(x),
            Err(e) => errors.extend(e.prefixed(&Loc::root().join(i)).into_findings()),
        }
    }
    finish(out, errors)
}

/// Allocate one component (by id) of an agreement.
pub fn allocate_component(
    agreement: &Agreement,
    component: &str,
    opts: &Options,
) -> Result<Allocation> {
    let Some((loc, c)) = agreement
        .walk()
        .into_iter()
        .find(|(_, c)| c.id == component)
    else {
        return Err(Error::new(
            Code::UnknownComponent,
            Loc::root(),
            format!("agreement {} has no component {component:?}", agreement.id),
        ));
    };
    let mut out = Allocation {
        unit: opts.unit,
        method: opts.method,
        pots: Vec::new(),
        rows: Vec::new(),
        notes: Vec::new(),
    };
    let mut errors = Vec::new();
    let parent = Loc(loc
        .0
        .get(..loc.0.len().saturating_sub(2))
        .map(<[_]>::to_vec)
        .unwrap_or_default());
    collect(
        agreement,
        &tranche_index(agreement),
        std::slice::from_ref(c),
        &parent,
        opts,
        &mut out,
        &mut errors,
    );
    finish(out, errors)
}

fn collect(
    a: &Agreement,
    index: &TrancheIndex<'_>,
    comps: &[Component],
    at: &Loc,
    opts: &Options,
    out: &mut Allocation,
    errors: &mut Vec<Finding>,
) {
    for (i, c) in comps.iter().enumerate() {
        let here = at.join("components").join(i);
        let note =
            |msg: String| Finding::info(Code::Note, here.clone(), msg).with("component", &c.id);
        match &c.rule {
            None if c.components.is_empty() => {
                out.notes.push(note(format!(
                    "{} ({}) has no rule: not allocated",
                    c.id, c.name
                )));
            }
            None => collect(a, index, &c.components, &here, opts, out, errors),
            Some(Rule::Reimbursement {}) => {
                out.notes.push(note(format!("{} is paid as reimbursement of reported actual costs: nothing to split ahead of time", c.id)));
            }
            Some(Rule::Unpublished { needs }) => {
                out.notes.push(note(format!(
                    "{}: the sources do not say how it is split; needs {needs}",
                    c.id
                )));
            }
            Some(rule) => match pots_of(c, index.get(c.id.as_str()).map_or(&[][..], Vec::as_slice))
            {
                Err(e) => errors.extend(e.prefixed(&here).into_findings()),
                Ok(pots) => {
                    for (tranche, date, pot) in pots {
                        let step = Step {
                            agreement: &a.id,
                            component: &c.id,
                            tranche: tranche.as_deref(),
                            date,
                            unit: opts.unit,
                        };
                        match run_rule(a, c, rule, pot, &step, opts) {
                            Ok((rows, key)) => {
                                out.pots.push(Pot {
                                    agreement: a.id.clone(),
                                    component: c.id.clone(),
                                    tranche: tranche.clone(),
                                    date,
                                    amount: pot,
                                    rule: rule.as_str().to_owned(),
                                    key: key.as_ref().map(|k| k.description().to_owned()),
                                    key_sources: key
                                        .map(|k| k.sources().to_vec())
                                        .unwrap_or_default(),
                                });
                                out.rows.extend(rows);
                            }
                            Err(e) => errors.extend(e.prefixed(&here.join("rule")).into_findings()),
                        }
                    }
                }
            },
        }
    }
}

/// A component's pot for one tranche: (tranche id, payment date, amount).
type TranchePot = (Option<String>, Option<When>, Sek);

/// The pots of a component: one per tranche that pays it, or the whole amount.
pub(crate) fn component_pots(a: &Agreement, c: &Component) -> Result<Vec<TranchePot>> {
    let tranches: Vec<(usize, &crate::agreement::Tranche)> = a
        .tranches
        .iter()
        .enumerate()
        .filter(|(_, t)| t.component == c.id)
        .collect();
    pots_of(c, &tranches)
}

/// The tranches of an agreement by the component they pay (built once per allocation).
type TrancheIndex<'a> = BTreeMap<&'a str, Vec<(usize, &'a crate::agreement::Tranche)>>;

fn tranche_index(a: &Agreement) -> TrancheIndex<'_> {
    let mut m: TrancheIndex<'_> = BTreeMap::new();
    for (i, t) in a.tranches.iter().enumerate() {
        m.entry(t.component.as_str()).or_default().push((i, t));
    }
    m
}

fn pots_of(
    c: &Component,
    tranches: &[(usize, &crate::agreement::Tranche)],
) -> Result<Vec<TranchePot>> {
    let Some(amount) = c.amount.as_ref().map(|f| f.value) else {
        return Err(Error::new(
            Code::RuleNotRunnable,
            Loc::root().join("amount"),
            format!("component {} has a rule but no amount to split", c.id),
        ));
    };
    if amount.is_negative() {
        return Err(Error::new(
            Code::NegativeAmount,
            Loc::root().join("amount"),
            format!("the amount of component {} is negative ({amount})", c.id),
        ));
    }
    if tranches.is_empty() {
        return Ok(vec![(None, None, amount)]);
    }
    let tloc = |i: usize| Loc::root().join("tranches").join(i);
    if tranches.iter().all(|(_, t)| t.amount.is_some()) {
        let sum = checked_sum(
            tranches
                .iter()
                .filter_map(|(_, t)| t.amount.as_ref())
                .map(|f| f.value.0),
        )
        .ok_or_else(|| {
            Error::new(
                Code::TooLarge,
                tloc(tranches.first().map_or(0, |t| t.0)),
                "the tranche amounts sum to more than a decimal holds",
            )
        })?;
        if sum != amount.0 {
            return Err(Error::new(
                Code::TranchesDoNotSum,
                tloc(tranches.first().map_or(0, |t| t.0)),
                format!(
                    "the tranches of component {} sum to {} but the component is {}",
                    c.id,
                    Sek(sum),
                    amount
                ),
            )
            .with("tranches", Sek(sum))
            .with("component", amount));
        }
        return Ok(tranches
            .iter()
            .map(|(_, t)| {
                (
                    Some(t.id.clone()),
                    t.date,
                    t.amount.as_ref().map_or(Sek::ZERO, |f| f.value),
                )
            })
            .collect());
    }
    if tranches.iter().all(|(_, t)| t.share.is_some()) {
        let shares: Vec<Decimal> = tranches
            .iter()
            .filter_map(|(_, t)| t.share.map(|s| s.0))
            .collect();
        if let Some((i, t)) = tranches.iter().find(|(_, t)| {
            t.share
                .is_some_and(|w| w.0.is_sign_negative() && !w.0.is_zero())
        }) {
            return Err(Error::new(
                Code::NegativeWeight,
                tloc(*i).join("share"),
                format!(
                    "tranche {} of component {} has a negative share",
                    t.id, c.id
                ),
            ));
        }
        let sum = checked_sum(shares.iter().copied()).unwrap_or(Decimal::MAX);
        if sum != Decimal::ONE {
            return Err(Error::new(
                Code::SharesDoNotSum,
                tloc(tranches.first().map_or(0, |t| t.0)),
                format!(
                    "the tranche shares of component {} sum to {sum}, not 1",
                    c.id
                ),
            )
            .with("sum", sum));
        }
        let w = scale_to_integers(&shares).ok_or_else(|| {
            Error::new(
                Code::TooLarge,
                Loc::root(),
                "tranche shares have too many digits",
            )
        })?;
        // Tranches are split in whole kronor; the rule then splits each tranche.
        let units = Unit::Krona
            .to_units(amount)
            .or_else(|_| Unit::Ore.to_units(amount));
        let (unit, units) = match units {
            Ok(u) if amount.0.normalize().scale() == 0 => (Unit::Krona, u),
            Ok(u) => (Unit::Ore, u),
            Err(e) => return Err(e),
        };
        let parts = apportion::largest_remainder(units, &w).map_err(apportion_error)?;
        return tranches
            .iter()
            .zip(parts)
            .map(|((_, t), p)| Ok((Some(t.id.clone()), t.date, unit.from_units(p)?)))
            .collect();
    }
    Err(Error::new(
        Code::InvalidValue,
        tloc(tranches.first().map_or(0, |t| t.0)),
        format!(
            "the tranches of component {} must all give an amount or all give a share",
            c.id
        ),
    ))
}

/// The key a rule runs on: the override (when at the same level), the rule's key, the
/// agreement's key, or the default population key of the component's recipients.
pub(crate) fn resolve_key(
    a: &Agreement,
    c: &Component,
    spec: Option<&KeySpec>,
    default: Option<KeySpec>,
    opts: &Options,
) -> Result<Key> {
    let group = c.recipients.as_ref();
    let group_level = group.and_then(Group::level).or(match group {
        None => Some(Level::Regions),
        _ => None,
    });
    let declared = a.declared_ids();
    let key = match (&opts.key, group_level) {
        (Some(k), Some(level)) if key_level(k) == Some(level) => k.clone(),
        _ => match spec.or(a.key.as_ref()).cloned().or(default) {
            Some(s) => s.resolve_with(&declared)?,
            None => {
                let Some(level) = group_level else {
                    return Err(Error::new(
                        Code::RuleNotRunnable,
                        Loc::root(),
                        format!(
                            "component {} pays {}, whose members are not known: the rule needs a key",
                            c.id,
                            group.map_or("?".into(), Group::describe)
                        ),
                    ));
                };
                let year = a.first_year().ok_or_else(|| {
                    Error::new(
                        Code::RuleNotRunnable,
                        Loc::root(),
                        "the agreement has no years, so there is no default key date",
                    )
                })?;
                let date = reference::default_population_date(level, year).ok_or_else(|| {
                    Error::new(
                        Code::NoPopulationData,
                        Loc::root(),
                        format!(
                            "no bundled population of the {} on or before 1 November {}",
                            level.as_str(),
                            year.saturating_sub(1)
                        ),
                    )
                })?;
                KeySpec::Population { level, date }.resolve()?
            }
        },
    };
    match group {
        Some(Group::MunicipalitiesOf(_) | Group::List(_)) => match group.and_then(Group::members) {
            Some(m) => key.restrict(&m),
            None => Ok(key),
        },
        _ => Ok(key),
    }
}

/// The level of a key whose recipients are all regions or all municipalities.
fn key_level(k: &Key) -> Option<Level> {
    let kinds: Vec<RecipientKind> = k.recipients().iter().map(RecipientId::kind).collect();
    if kinds.iter().all(|x| *x == RecipientKind::Region) {
        Some(Level::Regions)
    } else if kinds.iter().all(|x| *x == RecipientKind::Municipality) {
        Some(Level::Municipalities)
    } else {
        None
    }
}

fn run_rule(
    a: &Agreement,
    c: &Component,
    rule: &Rule,
    pot: Sek,
    step: &Step<'_>,
    opts: &Options,
) -> Result<(Vec<Row>, Option<Key>)> {
    let names = |r: &RecipientId| a.recipient_name(r);
    match rule {
        Rule::PerCapita { key } => {
            let key = resolve_key(a, c, key.as_ref(), None, opts)?;
            Ok((
                step.by_key(pot, &key, Part::Share, None, &names)?,
                Some(key),
            ))
        }
        Rule::ByNeed { key } => {
            // A care-need key is not replaced by a population key: neither the override of
            // the options nor the agreement's default key applies.
            let spec = key.clone().unwrap_or(KeySpec::NeedsRegions2024 {});
            let no_override = Options {
                key: None,
                ..Options::default()
            };
            let key = resolve_key(a, c, Some(&spec), None, &no_override)?;
            Ok((
                step.by_key(pot, &key, Part::Share, None, &names)?,
                Some(key),
            ))
        }
        Rule::Fixed { recipient } => {
            recipient.check_known(&a.declared_ids(), &Loc::root().join("recipient"))?;
            step.unit.to_units(pot)?;
            Ok((
                vec![step.whole(pot, recipient.clone(), names(recipient), Part::Fixed, None)],
                None,
            ))
        }
        Rule::Equal {} => {
            let members = c
                .recipients
                .as_ref()
                .and_then(Group::members)
                .ok_or_else(|| {
                    Error::new(
                        Code::RuleNotRunnable,
                        Loc::root(),
                        format!(
                            "an equal split needs known recipients; component {} names none",
                            c.id
                        ),
                    )
                })?;
            let key = Key::new(
                format!(
                    "equal parts ({})",
                    c.recipients.as_ref().map_or(String::new(), Group::describe)
                ),
                vec![],
                members.into_iter().map(|m| (m, Decimal::ONE)),
                &a.declared_ids(),
            )?;
            Ok((
                step.by_key(pot, &key, Part::Equal, None, &names)?,
                Some(key),
            ))
        }
        Rule::FixedPlusKey { each, key } => {
            let key = resolve_key(a, c, key.as_ref(), None, opts)?;
            Ok((fixed_plus_key(step, pot, *each, &key, &names)?, Some(key)))
        }
        Rule::Performance(p) => {
            let key = resolve_key(a, c, p.key.as_ref(), None, opts)?;
            Ok((
                performance(step, pot, p, &key, &opts.outcomes, &names)?,
                Some(key),
            ))
        }
        Rule::Reimbursement {} | Rule::Unpublished { .. } => Ok((Vec::new(), None)),
    }
}

fn fixed_plus_key(
    step: &Step<'_>,
    pot: Sek,
    each: Sek,
    key: &Key,
    names: &dyn Fn(&RecipientId) -> String,
) -> Result<Vec<Row>> {
    let each_units = step
        .unit
        .to_units(each)
        .map_err(|e| e.prefixed(&Loc::root().join("each")))?;
    let pot_units = step.unit.to_units(pot)?;
    let n = key.len() as u128;
    let fixed_total = each_units.checked_mul(n).ok_or_else(|| {
        Error::new(
            Code::TooLarge,
            Loc::root().join("each"),
            "fixed amounts too large",
        )
    })?;
    if fixed_total > pot_units {
        return Err(Error::new(
            Code::RuleNotRunnable,
            Loc::root().join("each"),
            format!(
                "{n} recipients × {} each = {} is more than the pot of {}",
                kr(each),
                step.unit
                    .from_units(fixed_total)
                    .map_or_else(|_| "more than a decimal holds".to_owned(), kr),
                kr(pot)
            ),
        )
        .with("each", each)
        .with("recipients", n)
        .with("pot", pot));
    }
    let mut rows: Vec<Row> = key
        .recipients()
        .iter()
        .map(|r| step.whole(each, r.clone(), names(r), Part::Each, None))
        .collect();
    let rest = step.unit.from_units(pot_units - fixed_total)?;
    rows.extend(step.by_key(rest, key, Part::Share, None, names)?);
    Ok(rows)
}

fn performance(
    step: &Step<'_>,
    pot: Sek,
    p: &Performance,
    key: &Key,
    outcomes: &Outcomes,
    names: &dyn Fn(&RecipientId) -> String,
) -> Result<Vec<Row>> {
    if p.criteria.is_empty() {
        return Err(Error::new(
            Code::RuleNotRunnable,
            Loc::root().join("criteria"),
            "a performance rule needs at least one criterion",
        ));
    }
    let shares: Vec<Decimal> = p.criteria.iter().map(|c| c.share.0).collect();
    let sum = checked_sum(shares.iter().copied()).unwrap_or(Decimal::MAX);
    if sum != Decimal::ONE || shares.iter().any(|s| s.is_sign_negative() && !s.is_zero()) {
        return Err(Error::new(
            Code::SharesDoNotSum,
            Loc::root().join("criteria"),
            format!("the criteria's shares sum to {sum}, not 1"),
        )
        .with("sum", sum));
    }
    // Every outcome the rule needs, or an error listing all that are missing.
    let mut missing = Vec::new();
    let mut passes: Vec<Vec<bool>> = Vec::new();
    for (ci, crit) in p.criteria.iter().enumerate() {
        let mut v = Vec::with_capacity(key.len());
        let mut lacking = Vec::new();
        for r in key.recipients() {
            match crit.test.evaluate(&crit.id, r, outcomes) {
                Some(b) => v.push(b),
                None => lacking.push(r.to_string()),
            }
        }
        if !lacking.is_empty() {
            missing.push(
                Finding::error(
                    Code::MissingOutcomes,
                    Loc::root().join("criteria").join(ci),
                    format!(
                        "criterion {} ({}) needs outcomes [{}] ({}) for {} recipients: {}",
                        crit.id,
                        crit.name,
                        crit.test.measures(&crit.id).join(", "),
                        crit.test.describe(),
                        lacking.len(),
                        lacking.join(", ")
                    ),
                )
                .with("criterion", &crit.id)
                .with("recipients", lacking.join(",")),
            );
        }
        passes.push(v);
    }
    if !missing.is_empty() {
        return Err(Error::from_findings(missing));
    }
    let crit_pots = apportion::largest_remainder(
        step.unit.to_units(pot)?,
        &scale_to_integers(&shares).ok_or_else(|| {
            Error::new(
                Code::TooLarge,
                Loc::root(),
                "criterion shares have too many digits",
            )
        })?,
    )
    .map_err(apportion_error)?;
    let mut rows = Vec::new();
    let mut unearned: u128 = 0;
    let mut earned: BTreeMap<RecipientId, Decimal> = BTreeMap::new();
    for ((crit, cpot), pass) in p.criteria.iter().zip(crit_pots).zip(&passes) {
        let cpot = step.unit.from_units(cpot)?;
        for (mut row, ok) in step
            .by_key(cpot, key, Part::Earned, Some(&crit.id), names)?
            .into_iter()
            .zip(pass)
        {
            let measured: String = crit
                .test
                .measures(&crit.id)
                .into_iter()
                .filter_map(|m| {
                    let o = outcomes.get(m, &row.recipient)?;
                    Some(match (o.value, o.previous, o.met) {
                        (Some(v), Some(p), _) => format!(" ({m}: {v}, last year {p})"),
                        (Some(v), None, _) => format!(" ({m}: {v})"),
                        (_, _, Some(x)) => format!(" ({m} met: {x})"),
                        _ => String::new(),
                    })
                })
                .collect();
            row.basis.qualified = Some(*ok);
            if *ok {
                *earned.entry(row.recipient.clone()).or_default() += row.amount.0;
                row.basis.note = Some(format!(
                    "Qualified on {}: {}{measured}",
                    crit.id,
                    crit.test.describe()
                ));
            } else {
                unearned += step.unit.to_units(row.amount)?;
                row.basis.note = Some(format!(
                    "Did not qualify on {}: {}{measured}; its {} goes to {}",
                    crit.id,
                    crit.test.describe(),
                    kr(row.amount),
                    match p.unearned {
                        Unearned::BonusPot => "the bonus pot",
                        Unearned::ReturnToState => "the state",
                    }
                ));
                row.amount = Sek::ZERO;
            }
            rows.push(row);
        }
    }
    if unearned == 0 {
        return Ok(rows);
    }
    let unearned_sek = step.unit.from_units(unearned)?;
    let earners: Vec<(RecipientId, Decimal)> =
        earned.into_iter().filter(|(_, v)| !v.is_zero()).collect();
    if p.unearned == Unearned::BonusPot && !earners.is_empty() {
        let bonus_key = Key::new(
            format!("money earned on the criteria of {}", step.component),
            vec![],
            earners,
            &[RecipientId::new(STATE)],
        )?;
        rows.extend(step.by_key(unearned_sek, &bonus_key, Part::Bonus, None, names)?);
    } else {
        let note = match p.unearned {
            Unearned::BonusPot => Some(
                "No recipient earned any money, so the bonus pot cannot be paid out".to_owned(),
            ),
            Unearned::ReturnToState => None,
        };
        let state = RecipientId::new(STATE);
        let name = names(&state);
        rows.push(step.whole(unearned_sek, state, name, Part::Returned, note));
    }
    Ok(rows)
}

/// One what-if scenario of a batch: another key, other outcomes, or both.
#[derive(Debug, Clone, Default)]
pub struct Scenario {
    /// The key for key-based rules at the same level (as [`Options::key`]).
    pub key: Option<Key>,
    /// The outcomes (replacing those of the base options).
    pub outcomes: Option<Outcomes>,
}

/// Allocate `agreement` once per scenario, each on `base` with the scenario's key and
/// outcomes. The results are in the order of `scenarios`; a failed scenario does not stop
/// the others.
///
/// ```
/// use vardavtal::{Agreement, Options, Scenario, Key, allocate_batch};
/// let a = Agreement::from_json(r#"{"id": "d", "title": "D", "kind": {"type": "base"}, "years": [2022],
///   "components": [{"id": "b", "name": "B", "amount": "1000", "recipients": "regions", "rule": {"type": "per_capita"}}]}"#)?;
/// let scenarios = vec![Scenario::default(), Scenario { key: Some(Key::from_arg("population:regions:2023-11-01")?), outcomes: None }];
/// let results = allocate_batch(&a, &Options::default(), &scenarios);
/// assert!(results.iter().all(|r| r.as_ref().is_ok_and(|x| x.total().to_string() == "1000")));
/// # Ok::<(), vardavtal::Error>(())
/// ```
pub fn allocate_batch(
    agreement: &Agreement,
    base: &Options,
    scenarios: &[Scenario],
) -> Vec<Result<Allocation>> {
    scenarios
        .iter()
        .map(|s| {
            let opts = Options {
                unit: base.unit,
                method: base.method,
                key: s.key.clone().or_else(|| base.key.clone()),
                outcomes: s.outcomes.clone().unwrap_or_else(|| base.outcomes.clone()),
            };
            allocate(agreement, &opts)
        })
        .collect()
}

/// Split `pot` by `key`, optionally giving `each` to every recipient first, in whole
/// `unit`s. The allocation has one pot (component `"split"`).
///
/// ```
/// use vardavtal::{split, KeySpec, Unit};
/// let key = "population:regions:2021-11-01".parse::<KeySpec>()?.resolve()?;
/// let a = split("2100000000".parse()?, &key, Some("50000000".parse()?), Unit::Krona)?;
/// assert_eq!(a.total().to_string(), "2100000000");
/// let each: rust_decimal::Decimal = "50000000".parse()?;
/// assert!(a.by_recipient().iter().all(|t| t.amount.value() > each));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn split(pot: Sek, key: &Key, each: Option<Sek>, unit: Unit) -> Result<Allocation> {
    let step = Step {
        agreement: "split",
        component: "split",
        tranche: None,
        date: None,
        unit,
    };
    let names = |r: &RecipientId| r.name().map_or_else(|| r.to_string(), str::to_owned);
    let rows = match each {
        Some(e) => fixed_plus_key(&step, pot, e, key, &names)?,
        None => step.by_key(pot, key, Part::Share, None, &names)?,
    };
    Ok(Allocation {
        unit,
        method: Method::LargestRemainder,
        pots: vec![Pot {
            agreement: "split".into(),
            component: "split".into(),
            tranche: None,
            date: None,
            amount: pot,
            rule: if each.is_some() {
                "fixed_plus_key"
            } else {
                "per_capita"
            }
            .into(),
            key: Some(key.description().to_owned()),
            key_sources: key.sources().to_vec(),
        }],
        rows,
        notes: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_quotas_equal_decimal_division() {
        let cases: &[(u128, u128, u128, u32)] = &[
            (443_000_000, 2_411_859, 10_443_100, 0),
            (443_000_000, 394_154, 10_443_100, 0),
            (1, 1, 3, 0),
            (10_001, 7, 9, 2),
            (0, 5, 7, 0),
            (123_456_789_012_345, 999_999_937, 1_000_000_007, 2),
        ];
        for &(pot, w, total, scale) in cases {
            let floor = pot * w / total;
            let rem = pot * w - floor * total;
            let q = quota_decimal(floor, rem, total, scale).unwrap();
            let unit = Decimal::new(1, scale);
            let exact = Decimal::from(pot) * unit * Decimal::from(w) / Decimal::from(total);
            assert!(
                (q - exact).abs() < Decimal::new(1, 18),
                "{pot} {w} {total}: {q} vs {exact}"
            );
            assert!(q <= exact, "truncated, never rounded up: {q} vs {exact}");
        }
        assert_eq!(quota_decimal(3, 0, 7, 0), Some(Decimal::from(3)));
    }
}
