//! The result of an allocation: [`Allocation`] with its [`Row`]s, [`Pot`]s, the figures
//! behind each amount ([`Basis`]), what the money is ([`Part`]), totals ([`Total`]), the
//! check that every pot is handed out exactly, CSV, and the serialised form.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::Method;
use crate::agreement::When;
use crate::finding::{Code, Error, Finding, Loc, Result};
use crate::money::{Sek, Unit, saturating_sum};
use crate::recipient::RecipientId;

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
    /// part,criterion,quota,weight,pot`, amounts as plain decimals (the CSV of
    /// [`Allocation::rows_table`]).
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
        self.rows_table().to_csv()
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
