//! Published per-region tables as receipts: the tables bundled with the catalog
//! (`core/catalog/tables.json` and `core/catalog/tables/*.csv`), each with its source, and
//! for each whether the model reproduces it — the catalog's rule and key for the component
//! the table pays, with largest remainder — row by row, with the difference when it does
//! not and what fits instead (another bundled key, or a population key that is not bundled),
//! from [`crate::reconcile`].
//!
//! ```
//! let cat = vardavtal::catalog::catalog();
//! let r = vardavtal::catalog::receipts::receipts_of(cat, "cancervard-2025");
//! assert!(r[0].reproduced, "{}", r[0].finding.msg);
//! # Ok::<(), vardavtal::Error>(())
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::agreement::SourceRef;
use crate::allocation::{Options, allocate_component};
use crate::catalog::Catalog;
use crate::finding::{Finding, Loc};
use crate::message::Lang;
use crate::message::templates::validate as templates;
use crate::money::Sek;
use crate::recipient::RecipientId;
use crate::reconcile::{PublishedTable, Reconciliation, Statement, reconcile};

/// A published per-region table bundled with the catalog, as listed in `tables.json`.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::{Sek, reconcile::StatedRule};
let cat = vardavtal::catalog::catalog();
let t = cat.table("forlossningsvard-2019").unwrap();
assert_eq!((t.agreement.as_deref(), t.component.as_deref()), (Some("forlossningsvard-2019"), Some("regioner")));
assert_eq!((t.statement.pot, t.statement.rule.clone()), (Some(Sek::kronor(1_590_000_000)), Some(StatedRule::Population)));
assert!(t.text.starts_with("region,amount\n01,364329400\n"));
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct TableEntry {
    /// Id (`"forlossningsvard-2019"`).
    pub id: String,
    /// The file name of the table in `core/catalog/tables/` (CSV `region,amount`, a
    /// `Summa` line for the published total).
    pub file: String,
    /// What the table is.
    pub title: String,
    /// The agreement whose money it distributes, when the catalog has it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreement: Option<String>,
    /// The component of that agreement it distributes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub component: Option<String>,
    /// Where it is published, with the sentence that introduces it.
    pub source: SourceRef,
    /// What the publisher states: the pot and the rule.
    #[serde(default)]
    pub statement: Statement,
    /// Remarks (where the copy comes from, what is missing).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The table's text (filled in from the file; not in `tables.json`).
    #[serde(default, skip_deserializing, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

impl TableEntry {
    /// The table read and checked on its own against its statement: sums, regions, digit
    /// grouping, the bundled key and rounding behind it ([`reconcile()`]).
    ///
    /// ```
    /// let cat = vardavtal::catalog::catalog();
    /// let rec = cat.table("forlossningsvard-2019").unwrap().reconcile()?;
    /// assert_eq!(rec.rows.len(), 21);
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    ///
    /// # Errors
    /// Every error of [`PublishedTable::parse`] on the bundled text.
    pub fn reconcile(&self) -> crate::Result<Reconciliation> {
        let table = PublishedTable::parse(&self.file, &self.text)?;
        Ok(reconcile(&table, &self.statement))
    }
}

/// One row where the published table and the model differ.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::{Sek, catalog::{catalog, receipts}};
let r = &receipts::receipts_of(catalog(), "forlossningsvard-2019")[0];
let d = &r.differences[0];
assert_eq!((d.recipient.as_str(), d.name.as_str()), ("05", "Region Östergötland"));
assert_eq!((d.published, d.model, d.diff), (Sek::kronor(71_740_341), Sek::kronor(71_740_342), Sek::kronor(-1)));
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
pub struct RowDifference {
    /// The recipient.
    pub recipient: RecipientId,
    /// Its name.
    pub name: String,
    /// The published amount (zero when the table has no row for it).
    pub published: Sek,
    /// The model's amount (zero when the model pays it nothing).
    pub model: Sek,
    /// published − model.
    pub diff: Sek,
}

/// A published table checked against the model.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::{Code, RecipientId, Sek, catalog::{catalog, receipts}};
let r = &receipts::receipts_of(catalog(), "forlossningsvard-2019")[0];
assert_eq!((r.table.as_str(), r.component.as_deref()), ("forlossningsvard-2019", Some("regioner")));
assert_eq!((r.reproduced, r.key.as_deref()), (false, Some("population:regions:2018-12-31")));
assert_eq!((r.rows, r.differences.len()), (21, 8));
assert_eq!(r.published[&RecipientId::new("01")], Sek::kronor(364_329_400));
assert_eq!(r.finding.code, Code::TableNotReproduced);
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
pub struct Receipt {
    /// The table's id.
    pub table: String,
    /// What the table is.
    pub title: String,
    /// Where it is published.
    pub source: SourceRef,
    /// The agreement it belongs to, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agreement: Option<String>,
    /// The component it distributes, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub component: Option<String>,
    /// True when the model reproduces every row (for a table of no component: when a
    /// bundled key does).
    pub reproduced: bool,
    /// The key of the model's allocation compared with.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Rows compared (the union of the table's regions and the model's recipients).
    pub rows: usize,
    /// The rows where table and model differ.
    pub differences: Vec<RowDifference>,
    /// The published amount per recipient.
    pub published: BTreeMap<RecipientId, Sek>,
    /// The table checked on its own: sums, best bundled key and rounding, implied key
    /// (absent when the table cannot be read).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reconciliation: Option<Reconciliation>,
    /// The verdict in one finding (`table_reproduced` or `table_not_reproduced`).
    pub finding: Finding,
}

impl Receipt {
    /// The largest difference of a row, in absolute value.
    ///
    /// ```
    /// use vardavtal::{catalog::{catalog, receipts}, Sek};
    /// let cat = catalog();
    /// // The 2025 table of the second payment for cancer care: reproduced row by row.
    /// let r = &receipts::receipts_of(cat, "cancervard-2025")[0];
    /// assert!(r.reproduced);
    /// assert_eq!((r.max_diff(), r.total_abs_diff()), (Sek::ZERO, Sek::ZERO));
    /// // Childbirth care 2019: rows off by at most one krona from the model's 2018 key.
    /// let entry = cat.table("forlossningsvard-2019").unwrap();
    /// let r = receipts::receipt(cat, entry);
    /// assert_eq!(r.key.as_deref(), Some("population:regions:2018-12-31"));
    /// assert_eq!((r.reproduced, r.max_diff(), r.total_abs_diff()), (false, Sek::kronor(1), Sek::kronor(8)));
    /// assert_eq!(receipts::receipts(cat).len(), cat.tables.len());
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn max_diff(&self) -> Sek {
        Sek(self
            .differences
            .iter()
            .map(|d| d.diff.0.abs())
            .max()
            .unwrap_or_default())
    }
    /// The sum of the rows' differences in absolute value.
    ///
    /// ```
    /// use vardavtal::{Sek, catalog::{catalog, receipts}};
    /// // 2019: eight rows one krona off, four up and four down.
    /// let r = &receipts::receipts_of(catalog(), "forlossningsvard-2019")[0];
    /// assert_eq!(r.total_abs_diff(), Sek::kronor(8));
    /// assert_eq!(r.differences.iter().map(|d| d.diff).sum::<Sek>(), Sek::ZERO);
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn total_abs_diff(&self) -> Sek {
        Sek(crate::money::saturating_sum(
            self.differences.iter().map(|d| d.diff.0.abs()),
        ))
    }
}

/// Every bundled table checked against the model, in the order of `tables.json`.
///
/// ```
/// use vardavtal::catalog::{catalog, receipts};
/// let cat = catalog();
/// let all = receipts::receipts(cat);
/// assert_eq!(all.len(), cat.tables.len());
/// assert_eq!(all[0].table, cat.tables[0].id);
/// assert!(all.iter().any(|r| r.table == "cancervard-svf-2025-andra-utbetalningen" && r.reproduced));
/// # Ok::<(), vardavtal::Error>(())
/// ```
pub fn receipts(catalog: &Catalog) -> Vec<Receipt> {
    catalog.tables.iter().map(|t| receipt(catalog, t)).collect()
}

/// The receipts of one agreement's published tables.
///
/// ```
/// use vardavtal::catalog::{catalog, receipts};
/// let cat = catalog();
/// let r = receipts::receipts_of(cat, "cancervard-2023");
/// assert_eq!(r.len(), 1);
/// assert_eq!((r[0].table.as_str(), r[0].component.as_deref()), ("cancervard-svf-2023-andra-utbetalningen", Some("andra")));
/// assert!(receipts::receipts_of(cat, "okad-tillganglighet-2022").is_empty());
/// # Ok::<(), vardavtal::Error>(())
/// ```
pub fn receipts_of(catalog: &Catalog, agreement: &str) -> Vec<Receipt> {
    catalog
        .tables
        .iter()
        .filter(|t| t.agreement.as_deref() == Some(agreement))
        .map(|t| receipt(catalog, t))
        .collect()
}

/// One table checked: read, reconciled on its own, and compared row by row with the
/// model's allocation of its component.
///
/// ```
/// use vardavtal::catalog::{catalog, receipts};
/// let cat = catalog();
/// // A table of no agreement in the catalog: checked against the bundled keys only.
/// let entry = cat.table("cancervard-svf-2021-andra-utbetalningen").unwrap();
/// let r = receipts::receipt(cat, entry);
/// assert_eq!((r.agreement.as_deref(), r.key.as_deref()), (None, None));
/// assert_eq!((r.reproduced, r.rows), (false, 20)); // Gotland's row is missing
/// assert!(r.reconciliation.is_some());
/// # Ok::<(), vardavtal::Error>(())
/// ```
pub fn receipt(catalog: &Catalog, entry: &TableEntry) -> Receipt {
    let cited = format!("{}: {:?}", entry.source.source, entry.source.quote);
    let loc = Loc::root().join("tables").join(entry.id.as_str());
    let base = |t: &'static crate::message::Template| {
        t.info(loc.clone())
            .with("table", &entry.id)
            .with("cited", &cited)
            .with("agreement", entry.agreement.as_deref().unwrap_or("–"))
            .with("component", entry.component.as_deref().unwrap_or("–"))
    };
    let rec = match entry.reconcile() {
        Ok(rec) => rec,
        Err(e) => {
            let msg = e
                .findings()
                .first()
                .map_or(String::new(), |f| f.msg.clone());
            let finding = base(&templates::RECEIPT_UNREADABLE).with("error", msg);
            return unread(entry, warn(finding));
        }
    };
    let published: BTreeMap<RecipientId, Sek> = rec
        .rows
        .iter()
        .filter_map(|r| Some((r.recipient.clone()?, r.amount?)))
        .collect();
    let best = rec.summary.best.clone();
    let exact = rec.summary.exact;
    // A population key not bundled reproduces the table only when a rounding does.
    let implied = rec
        .implied
        .as_ref()
        .filter(|k| k.rounding.is_some())
        .map(|k| crate::reconcile::grouped(k.total));
    let best_ctx = |f: Finding| with_best(f, best.as_ref());
    let mut out = Receipt {
        rows: published.len(),
        published,
        reconciliation: Some(rec),
        ..unread(entry, base(&templates::RECEIPT_KEY_ONLY))
    };
    let model = entry
        .agreement
        .as_deref()
        .zip(entry.component.as_deref())
        .map(|(a, c)| {
            catalog
                .find_agreement(a)
                .and_then(|a| allocate_component(a, c, &Options::default()))
        });
    let rows = out.rows;
    out.finding = match model {
        None => {
            out.reproduced = exact;
            let t = if exact {
                &templates::RECEIPT_KEY_ONLY
            } else {
                &templates::RECEIPT_KEY_ONLY_NONE
            };
            best_ctx(base(t).with("rows", rows))
        }
        Some(Err(e)) => {
            let msg = e
                .findings()
                .first()
                .map_or(String::new(), |f| f.msg.clone());
            warn(base(&templates::RECEIPT_NOT_ALLOCATED).with("error", msg))
        }
        Some(Ok(al)) => {
            let t = compare(&mut out, &al, exact, implied.is_some());
            let f = match t {
                Some(t) => warn(best_ctx(
                    base(t)
                        .with("differing", out.differences.len())
                        .with("max_diff", out.max_diff())
                        .with("abs_diff", out.total_abs_diff())
                        .with("implied_total", implied.as_deref().unwrap_or("–")),
                )),
                None => base(&templates::RECEIPT_REPRODUCED),
            };
            f.with("key", out.key.as_deref().unwrap_or("–"))
                .with("rows", out.rows)
        }
    };
    out
}

/// The best bundled key of the table's own reconciliation, as context of a verdict.
fn with_best(f: Finding, best: Option<&crate::reconcile::KeyFit>) -> Finding {
    match best {
        Some(b) => f
            .with("best_key", &b.key)
            .with("best_rounding", b.rounding)
            .with(
                "best_rounding.sv",
                crate::reconcile::rounding_words(b.rounding, Lang::Sv),
            )
            .with("best_matching", b.rows_matching),
        None => f
            .with("best_key", "–")
            .with("best_rounding", "–")
            .with("best_matching", 0),
    }
}

/// Compare the table with the model's allocation `al`: fills the key, the differences and
/// the row count of `out`; returns the template of the verdict when they differ (another
/// key reproduces the table, a population key not bundled does, or none).
fn compare(
    out: &mut Receipt,
    al: &crate::allocation::Allocation,
    exact: bool,
    implied: bool,
) -> Option<&'static crate::message::Template> {
    out.key = al.pots.first().and_then(|p| p.key.clone());
    let names = al.by_recipient();
    out.differences = differences(&out.published, &names);
    out.rows = out
        .published
        .keys()
        .map(ToString::to_string)
        .chain(names.iter().map(|t| t.key.clone()))
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    out.reproduced = out.differences.is_empty();
    if out.reproduced {
        None
    } else if exact {
        Some(&templates::RECEIPT_DIFFERS_KEY)
    } else if implied {
        Some(&templates::RECEIPT_DIFFERS_IMPLIED)
    } else {
        Some(&templates::RECEIPT_DIFFERS_CLOSEST)
    }
}

/// The rows where the published amounts and the model's totals per recipient differ, over
/// the recipients of either.
fn differences(
    published: &BTreeMap<RecipientId, Sek>,
    model: &[crate::allocation::Total],
) -> Vec<RowDifference> {
    let model: BTreeMap<RecipientId, (&str, Sek)> = model
        .iter()
        .map(|t| (RecipientId::new(&t.key), (t.name.as_str(), t.amount)))
        .collect();
    let mut ids: Vec<&RecipientId> = published.keys().chain(model.keys()).collect();
    ids.sort_unstable();
    ids.dedup();
    ids.into_iter()
        .filter_map(|id| {
            let p = published.get(id).copied().unwrap_or(Sek::ZERO);
            let (name, m) = model.get(id).copied().unwrap_or(("", Sek::ZERO));
            (p != m).then(|| RowDifference {
                recipient: id.clone(),
                name: id.name().unwrap_or(name).to_owned(),
                published: p,
                model: m,
                diff: Sek(p.0 - m.0),
            })
        })
        .collect()
}

fn warn(mut f: Finding) -> Finding {
    f.severity = crate::finding::Severity::Warning;
    f
}

/// A receipt for a table that could not be read (and the start of one that could).
fn unread(entry: &TableEntry, finding: Finding) -> Receipt {
    Receipt {
        table: entry.id.clone(),
        title: entry.title.clone(),
        source: entry.source.clone(),
        agreement: entry.agreement.clone(),
        component: entry.component.clone(),
        reproduced: false,
        key: None,
        rows: 0,
        differences: Vec::new(),
        published: BTreeMap::new(),
        reconciliation: None,
        finding,
    }
}
