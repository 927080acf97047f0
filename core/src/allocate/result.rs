//! The result of an allocation: [`Allocation`] with its [`Row`]s, [`Pot`]s, the figures
//! behind each amount ([`Basis`]), what the money is ([`Part`]), totals ([`Total`]), the
//! check that every pot is handed out exactly, CSV, and the serialised form.

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::Method;
use crate::agreement::When;
use crate::finding::{Error, Finding, Loc, Result};
use crate::key::Key;
use crate::message::templates::allocate as templates;
use crate::money::{Sek, Unit, saturating_sum};
use crate::recipient::RecipientId;

/// What a row's money is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
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
///
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::{split, KeySpec, Part, Sek, Unit};
let key = "population:regions:2021-11-01".parse::<KeySpec>()?.resolve()?;
let al = split(Sek::kronor(443_000_000), &key, None, Unit::Krona)?;
let row = &al.rows()[0];
assert_eq!((row.recipient.as_str(), row.name.as_str()), ("01", "Region Stockholm"));
assert_eq!((row.part, row.part.as_str()), (Part::Share, "share"));
// Its quota is 443 000 000 × 2 411 859 / 10 443 100 kr; it got the floor and, 3rd by
// remainder, one of the 10 kronor left over.
let b = &row.basis;
assert_eq!((b.weight.to_string(), b.total_weight.to_string()), ("2411859".into(), "10443100".into()));
assert!(b.quota.to_string().starts_with("102311912.84"));
assert_eq!((b.floor, b.left_over, b.remainder_rank), (Sek::kronor(102_311_912), Sek::kronor(10), Some(3)));
assert_eq!(row.amount, Sek::kronor(102_311_913));
assert_eq!((b.recipients, b.key.as_str()), (21, "population:regions:2021-11-01"));
# Ok::<(), Box<dyn std::error::Error>>(())
```
"#
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[non_exhaustive]
pub struct Basis {
    /// The pot of this step (a component, criterion or bonus pot; for a component paid in
    /// tranches, the figures are those of the whole component and [`Basis::tranche`] says
    /// how the recipient's amount was spread over the tranches).
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
    /// The same note in Swedish.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_sv: Option<String>,
    /// For performance money: whether the recipient qualified (when not, its share by the
    /// key, `floor` or one unit more, went to the bonus pot or back to the state).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualified: Option<bool>,
    /// For a row of one tranche: how the recipient's amount of the whole component (which
    /// the figures above are of) was spread over the tranches. `None` for a component paid
    /// at once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tranche: Option<TrancheBasis>,
}

/// How a row of a component paid in tranches got its tranche's amount: the component is
/// apportioned once (the [`Basis`] figures), and each recipient's amount `of` is spread
/// over the tranches in proportion to them. The row's amount is `floor` or one unit more
/// (never more than one unit from `quota`), chosen so that each recipient's tranches sum
/// exactly to its `of` and each tranche's rows to its `pot`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[non_exhaustive]
pub struct TrancheBasis {
    /// The recipient's amount of the whole component (this part of it), which its rows of
    /// the tranches sum to.
    pub of: Sek,
    /// The tranche's amount.
    pub pot: Sek,
    /// The component's amount, which the tranches sum to.
    pub component: Sek,
    /// The exact share `of × pot / component`, in kronor (to 28 significant digits when it
    /// does not terminate).
    #[serde(with = "crate::money::decimal_str")]
    pub quota: Decimal,
    /// The quota rounded down to the unit.
    pub floor: Sek,
}

/// One amount to one recipient.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[non_exhaustive]
pub struct Row {
    /// The agreement id (`"split"` for a plain split), shared by every row of the
    /// agreement (one copy, however many rows).
    #[cfg_attr(feature = "tsify", tsify(type = "string"))]
    pub agreement: Arc<str>,
    /// The component id, shared by the rows of the component.
    #[cfg_attr(feature = "tsify", tsify(type = "string"))]
    pub component: Arc<str>,
    /// The tranche id, when the component is paid in tranches (shared).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(type = "string", optional))]
    pub tranche: Option<Arc<str>>,
    /// The payment date, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<When>,
    /// Who gets it.
    pub recipient: RecipientId,
    /// The recipient's name.
    pub name: String,
    /// What the money is.
    pub part: Part,
    /// The performance criterion, for earned money (shared).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(type = "string", optional))]
    pub criterion: Option<Arc<str>>,
    /// The amount.
    pub amount: Sek,
    /// The figures behind the amount.
    pub basis: Basis,
}

/// One pot that was apportioned: the rows with the same agreement, component, tranche,
/// part and criterion sum exactly to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[non_exhaustive]
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
///
/// A plain split is lean: it keeps the key (shared) and the parts in units, as the kernel
/// gives them, and makes its [`Row`]s — names, key label, quota, remainder rank — the
/// first time they are asked for ([`Allocation::rows`]); [`Allocation::amounts`] reads
/// the amounts without making them.
///
/// ```
/// use vardavtal::{allocate, input, Options, RecipientId, Sek};
/// let al = allocate(&input::agreement("okad-tillganglighet-2022")?, &Options::default())?;
/// // 21 regions' shares of block 2, and SKR's fixed 11 MSEK: 22 rows, two pots.
/// assert_eq!((al.len(), al.is_empty()), (22, false));
/// assert_eq!(al.total(), Sek::kronor(454_000_000));
/// assert_eq!(al.pot_total(), al.total());
/// assert!(al.check().is_ok()); // every pot's rows sum to it
/// let pots: Vec<_> = al.pots.iter().map(|p| (p.component.as_str(), p.rule.as_str())).collect();
/// assert_eq!(pots, [("block-2", "per_capita"), ("skr", "fixed")]);
/// // Totals by component, by recipient (in code order) and by payment date.
/// let by_component: Vec<_> = al.by_component().into_iter().map(|t| (t.key, t.amount)).collect();
/// assert_eq!(by_component[1], ("okad-tillganglighet-2022/skr".to_string(), Sek::kronor(11_000_000)));
/// assert_eq!(al.by_recipient()[0].name, "Region Stockholm");
/// assert_eq!(al.by_date()[0].key, "unscheduled");
/// let skr: Vec<_> = al.rows_of(&RecipientId::new("SKR")).map(|r| r.amount).collect();
/// assert_eq!(skr, [Sek::kronor(11_000_000)]);
/// # Ok::<(), vardavtal::Error>(())
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Allocation {
    /// The rounding unit.
    pub unit: Unit,
    /// The apportionment method.
    pub method: Method,
    /// The pots handed out, one per component and tranche.
    pub pots: Vec<Pot>,
    rows: Rows,
    /// What the allocation does not cover, and why: money of the agreement not allocated
    /// (`not_allocated`) and keys chosen by default (`default_key`), as infos; outcomes
    /// that nothing reads (`unknown_outcome`), as warnings.
    pub notes: Vec<Finding>,
}

/// The rows of an allocation: made, or a split's parts with its rows made on first use.
#[derive(Debug, Clone)]
enum Rows {
    Made(Vec<Row>),
    Split(Box<LeanSplit>),
}

/// A pot split over a key: the parts in units, in the key's order.
#[derive(Debug, Clone)]
struct LeanSplit {
    pot: Sek,
    key: Key,
    parts: Vec<u128>,
    made: OnceLock<Vec<Row>>,
}

impl PartialEq for Allocation {
    fn eq(&self, o: &Self) -> bool {
        (self.unit, self.method, &self.pots, &self.notes) == (o.unit, o.method, &o.pots, &o.notes)
            && self.rows() == o.rows()
    }
}
impl Eq for Allocation {}

/// A total for one key (recipient, component, date).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[non_exhaustive]
pub struct Total {
    /// The recipient code, component id or date.
    pub key: String,
    /// A name for it.
    pub name: String,
    /// The total.
    pub amount: Sek,
}

impl Allocation {
    /// An allocation of `rows` from `pots`, with `notes` on what was not allocated.
    pub fn new(
        unit: Unit,
        method: Method,
        pots: Vec<Pot>,
        rows: Vec<Row>,
        notes: Vec<Finding>,
    ) -> Allocation {
        Allocation {
            unit,
            method,
            pots,
            rows: Rows::Made(rows),
            notes,
        }
    }

    /// `pot` split over `key` into `parts` (units in the key's order, summing to the
    /// pot): the rows are made when first asked for.
    pub(crate) fn split(
        unit: Unit,
        pot_row: Pot,
        key: &Key,
        parts: Vec<u128>,
        notes: Vec<Finding>,
    ) -> Allocation {
        let lean = LeanSplit {
            pot: pot_row.amount,
            key: key.clone(),
            parts,
            made: OnceLock::new(),
        };
        Allocation {
            unit,
            method: Method::LargestRemainder,
            pots: vec![pot_row],
            rows: Rows::Split(Box::new(lean)),
            notes,
        }
    }

    /// Every amount, with the figures behind it.
    pub fn rows(&self) -> &[Row] {
        match &self.rows {
            Rows::Made(rows) => rows,
            Rows::Split(s) => s.made.get_or_init(|| s.make(self.unit)),
        }
    }

    /// The rows, owned.
    pub fn into_rows(self) -> Vec<Row> {
        self.rows.into_vec(self.unit)
    }

    /// The number of rows.
    pub fn len(&self) -> usize {
        match &self.rows {
            Rows::Made(rows) => rows.len(),
            Rows::Split(s) => s.parts.len(),
        }
    }

    /// True when nothing was allocated.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The amounts, in row order, without making the rows of a split.
    ///
    /// ```
    /// let key = vardavtal::input::key("population:regions:2021-11-01")?;
    /// let a = vardavtal::split("443000000".parse()?, &key, None, vardavtal::Unit::Krona)?;
    /// let amounts = a.amounts();
    /// assert_eq!(amounts.len(), 21);
    /// assert!(amounts.iter().zip(a.rows()).all(|(x, r)| *x == r.amount));
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn amounts(&self) -> Vec<Sek> {
        match &self.rows {
            Rows::Made(rows) => rows.iter().map(|r| r.amount).collect(),
            Rows::Split(s) => s.parts.iter().map(|p| s.amount(self.unit, *p)).collect(),
        }
    }

    /// The amounts in whole units of [`Allocation::unit`] (kronor or öre), in row order:
    /// for a split, the kernel's parts as they are.
    ///
    /// # Errors
    /// Never for an allocation this crate made. For one read back from JSON whose rows are
    /// not whole units: the errors of [`Unit::to_units`] (`negative_amount`,
    /// `amount_finer_than_unit`, `too_large`).
    pub fn units(&self) -> Result<Vec<u128>> {
        match &self.rows {
            Rows::Made(rows) => rows.iter().map(|r| self.unit.to_units(r.amount)).collect(),
            Rows::Split(s) => Ok(s.parts.clone()),
        }
    }

    /// The sum of every row.
    pub fn total(&self) -> Sek {
        Sek(saturating_sum(self.amounts().into_iter().map(|a| a.0)))
    }
    /// The sum of the pots.
    pub fn pot_total(&self) -> Sek {
        Sek(saturating_sum(self.pots.iter().map(|p| p.amount.0)))
    }
    /// Totals by recipient, in code order.
    pub fn by_recipient(&self) -> Vec<Total> {
        totals(
            self.rows()
                .iter()
                .map(|r| (r.recipient.to_string(), r.name.clone(), r.amount)),
        )
    }
    /// Totals by component (`agreement/component`).
    pub fn by_component(&self) -> Vec<Total> {
        totals(self.rows().iter().map(|r| {
            (
                format!("{}/{}", r.agreement, r.component),
                r.component.to_string(),
                r.amount,
            )
        }))
    }
    /// Totals by payment date (`"unscheduled"` where the date is not known).
    pub fn by_date(&self) -> Vec<Total> {
        totals(self.rows().iter().map(|r| {
            let d = r.date.map_or("unscheduled".to_owned(), |d| d.to_string());
            (d.clone(), d, r.amount)
        }))
    }
    /// The rows of one recipient.
    pub fn rows_of<'a>(&'a self, recipient: &'a RecipientId) -> impl Iterator<Item = &'a Row> + 'a {
        self.rows()
            .iter()
            .filter(move |r| &r.recipient == recipient)
    }
    /// Check that the rows of each pot sum exactly to it; an error names every pot that
    /// does not (it never should).
    ///
    /// # Errors
    /// `parts_do_not_sum` (`rows_do_not_sum_to_pot`) for every pot whose rows do not sum to
    /// it.
    pub fn check(&self) -> Result<()> {
        let mut sums: BTreeMap<(&str, &str, Option<&str>), Decimal> = BTreeMap::new();
        for r in self.rows() {
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
                let f = templates::ROWS_DO_NOT_SUM_TO_POT.error(Loc::root().join(k.0).join(k.1));
                let f = f
                    .with("pot", v)
                    .with("agreement", k.0)
                    .with("component", k.1);
                match k.2 {
                    Some(t) => f.with("tranche", t),
                    None => f,
                }
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

    /// Add rows (of pots already added).
    pub(crate) fn push_rows(&mut self, more: Vec<Row>) {
        let mine = std::mem::replace(&mut self.rows, Rows::Made(Vec::new()));
        let mut rows = mine.into_vec(self.unit);
        rows.extend(more);
        self.rows = Rows::Made(rows);
    }

    /// Merge another allocation into this one (same unit and method).
    pub fn extend(&mut self, other: Allocation) {
        self.push_rows(other.rows.into_vec(other.unit));
        self.pots.extend(other.pots);
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
        Ok(Allocation::new(r.unit, r.method, r.pots, r.rows, r.notes))
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
        st.serialize_field("rows", self.rows())?;
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

impl Rows {
    fn into_vec(self, unit: Unit) -> Vec<Row> {
        match self {
            Rows::Made(rows) => rows,
            Rows::Split(mut s) => match s.made.take() {
                Some(rows) => rows,
                None => s.make(unit),
            },
        }
    }
}

impl LeanSplit {
    fn amount(&self, unit: Unit, units: u128) -> Sek {
        // Every part is at most the pot's units, which came from a Sek: it fits.
        unit.from_units(units).unwrap_or(self.pot)
    }

    /// The rows, as an allocation of the pot by the key makes them.
    fn make(&self, unit: Unit) -> Vec<Row> {
        let step = super::Step {
            agreement: Arc::from("split"),
            component: Arc::from("split"),
            tranche: None,
            date: None,
            unit,
        };
        let names = |r: &RecipientId| r.name().map_or_else(|| r.to_string(), str::to_owned);
        // `split` checked that the pot's units convert back to an amount, and every figure
        // is at most that, so making the rows does not fail.
        step.by_key_parts(self.pot, &self.key, &self.parts, Part::Share, None, &names)
            .unwrap_or_default()
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

impl<'a> IntoIterator for &'a Allocation {
    type Item = &'a Row;
    type IntoIter = std::slice::Iter<'a, Row>;
    /// The rows ([`Allocation::rows`]), made the first time they are asked for.
    ///
    /// ```
    /// use vardavtal::{input, split, Sek, Unit};
    /// let key = input::key("population:regions:2021-11-01")?;
    /// let alloc = split(Sek::kronor(443_000_000), &key, None, Unit::Krona)?;
    /// let total: Sek = (&alloc).into_iter().map(|r| r.amount).sum();
    /// assert_eq!(total, alloc.total());
    /// for row in &alloc {
    ///     assert!(!row.name.is_empty());
    /// }
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    fn into_iter(self) -> Self::IntoIter {
        self.rows().iter()
    }
}
