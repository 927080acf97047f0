//! The bundled catalog of real agreements: every agreement, component, figure, tranche,
//! condition and carry-over that the source texts state, each figure with its source and
//! quoted Swedish phrase; the source texts themselves; and the packages (press-release
//! totals over several agreements).
//!
//! The data lives in `core/catalog/` (JSON, one file per agreement) and is compiled into
//! the crate.
//!
//! ```
//! let cat = vardavtal::catalog::catalog();
//! let a = cat.agreement("okad-tillganglighet-2022").expect("in the catalog");
//! assert_eq!(a.amount.as_ref().map(|f| f.value.to_string()), Some("2967000000".into()));
//! let src = cat.source("003").expect("a source");
//! assert!(src.text.contains("2 967 miljoner kronor"));
//! # Ok::<(), vardavtal::Error>(())
//! ```

pub mod receipts;
pub mod report;

pub use receipts::TableEntry;

use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::agreement::{Agreement, Figure};
use crate::finding::{Error, Loc, Result};
use crate::message::Template;
use crate::message::templates::validate as templates;

/// A source text: a press release or web page the catalog's figures are quoted from (the
/// whole text, or for the further public sources the sentences quoted from it).
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
let s = vardavtal::catalog::catalog().find_source("003")?;
assert_eq!(s.title, "Överenskommelser mellan SKR och regeringen inom vård och omsorg");
assert_eq!(s.published.map(|d| d.to_string()).as_deref(), Some("2022-08-15"));
assert!(s.text.contains("Block 2, utvecklingsblocket på 443 miljoner kronor"));
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Source {
    /// Id (`"003"`), used in [`crate::SourceRef::source`].
    pub id: String,
    /// The file name of the text in `core/catalog/sources/`.
    pub file: String,
    /// Its headline, as published.
    pub title: String,
    /// Who published it.
    pub publisher: String,
    /// When it was published, where the text says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub published: Option<NaiveDate>,
    /// Where it is published: the page's address, or a public repository's file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The full text (filled in from the file; not in `sources.json`).
    #[serde(default, skip_deserializing, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

/// A press-release total over several agreements ("totalt ca 11 miljarder kronor").
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
let cat = vardavtal::catalog::catalog();
let p = cat.packages.iter().find(|p| p.id == "overenskommelser-januari-2022").unwrap();
assert_eq!((p.year, p.members.len()), (Some(2022), 4));
// A member may itself be a package: the two förlossningsvård agreements' 2022 total.
assert_eq!(p.members[3], "forlossningsvard-2022");
assert!(cat.packages.iter().any(|q| q.id == p.members[3]));
assert_eq!(p.amount.cite(), "11 000 000 000 kr (002: \"totalt ca 11 miljarder kronor\")");
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Package {
    /// Id.
    pub id: String,
    /// What the press release calls it.
    pub title: String,
    /// The ids of the agreements the total covers, or of other packages (a package of
    /// packages: `overenskommelser-januari-2022` lists `forlossningsvard-2022`).
    pub members: Vec<String>,
    /// The year the total is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// The total as published.
    pub amount: Figure,
    /// The same total as stated by other sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_figures: Vec<Figure>,
    /// Remarks (e.g. which members the source does not name).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// The catalog: sources, agreements and packages.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
let cat = vardavtal::catalog::catalog();
let a = cat.find_agreement("forlossningsvard-2019")?;
// Its figures cite sources of the catalog, and its published table is bundled too.
let quoted = a.amount.as_ref().and_then(|f| f.source.as_ref()).unwrap();
assert!(cat.source(&quoted.source).is_some());
assert!(cat.tables.iter().any(|t| t.agreement.as_deref() == Some("forlossningsvard-2019")));
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[non_exhaustive]
pub struct Catalog {
    /// The source texts.
    pub sources: Vec<Source>,
    /// Every agreement.
    pub agreements: Vec<Agreement>,
    /// Press-release totals.
    pub packages: Vec<Package>,
    /// Published per-region tables, the receipts the model is checked against.
    pub tables: Vec<TableEntry>,
}

include!(concat!(env!("OUT_DIR"), "/catalog_files.rs"));

static CATALOG: OnceLock<Catalog> = OnceLock::new();

/// The bundled catalog (parsed once, on first use).
///
/// ```
/// use vardavtal::catalog::catalog;
/// let cat = catalog();
/// assert!(std::ptr::eq(cat, catalog())); // the same catalog on every call
/// assert_eq!(cat.agreements.len(), 30);
/// assert!(cat.agreement("okad-tillganglighet-2022").is_some());
/// ```
///
/// # Panics
/// Never in a released crate: the catalog is data compiled into the crate, not input, and
/// the crate's tests (run on the packaged crate too) read every file of it. A catalog edited
/// into something unreadable fails those tests with the located error of
/// [`crate::json::from_str`].
#[allow(
    clippy::panic,
    reason = "compiled-in data, not input: the crate's tests read every file of it"
)]
pub fn catalog() -> &'static Catalog {
    CATALOG.get_or_init(|| load().unwrap_or_else(|e| panic!("the bundled catalog: {e}")))
}

fn load() -> Result<Catalog> {
    let mut sources: Vec<Source> = crate::json::from_str(SOURCES_JSON)
        .map_err(|e| e.prefixed(&Loc::root().join("sources.json")))?;
    for s in &mut sources {
        if let Some((_, text)) = SOURCE_TEXTS.iter().find(|(f, _)| *f == s.file) {
            s.text = (*text).to_owned();
        }
    }
    let packages: Vec<Package> = crate::json::from_str(PACKAGES_JSON)
        .map_err(|e| e.prefixed(&Loc::root().join("packages.json")))?;
    let mut tables: Vec<TableEntry> = crate::json::from_str(TABLES_JSON)
        .map_err(|e| e.prefixed(&Loc::root().join("tables.json")))?;
    for t in &mut tables {
        if let Some((_, text)) = TABLE_FILES.iter().find(|(f, _)| *f == t.file) {
            t.text = (*text).to_owned();
        }
    }
    let mut agreements = Vec::new();
    let mut errors = Vec::new();
    for (file, text) in AGREEMENT_FILES {
        match Agreement::from_json(text) {
            Ok(a) => agreements.push(a),
            Err(e) => errors.extend(e.prefixed(&Loc::root().join(*file)).into_findings()),
        }
    }
    if !errors.is_empty() {
        return Err(Error::from_findings(errors));
    }
    Ok(Catalog {
        sources,
        agreements,
        packages,
        tables,
    })
}

impl Catalog {
    /// A catalog of one's own: these agreements and the source texts they cite (no press
    /// totals, no published tables), for the views across agreements
    /// ([`crate::across`]) on agreements that are not in the bundled catalog.
    ///
    /// ```
    /// use vardavtal::{Agreement, RecipientId, Sek, across, catalog::Catalog};
    /// let a = Agreement::from_json(r#"{"id": "d", "title": "D", "kind": {"type": "base"}, "years": [2022],
    ///   "components": [{"id": "b", "name": "B", "amount": "1000", "recipients": "regions", "rule": {"type": "per_capita"}}]}"#)?;
    /// let cat = Catalog::new(vec![a], Vec::new());
    /// assert!(cat.packages.is_empty() && cat.tables.is_empty());
    /// let v = across::recipient(&cat, &RecipientId::new("03"), Some(2022))?;
    /// assert_eq!((v.lines.len(), v.lines[0].agreement.as_str()), (1, "d"));
    /// assert_eq!(v.lines[0].pot, Sek::kronor(1000));
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn new(agreements: Vec<Agreement>, sources: Vec<Source>) -> Catalog {
        Catalog {
            sources,
            agreements,
            ..Catalog::default()
        }
    }

    /// The agreement with this id.
    ///
    /// ```
    /// let cat = vardavtal::catalog::catalog();
    /// let a = cat.agreement("okad-tillganglighet-2022").unwrap();
    /// assert_eq!(a.amount.as_ref().map(|f| f.value), Some(vardavtal::Sek::kronor(2_967_000_000)));
    /// assert!(cat.agreement("no-such-agreement").is_none());
    /// // The sources the figures are quoted from, by id.
    /// let s = cat.source("003").unwrap();
    /// assert_eq!(s.publisher, "Sveriges Kommuner och Regioner (SKR)");
    /// assert_eq!(s.published.map(|d| d.to_string()).as_deref(), Some("2022-08-15"));
    /// // Press-release totals over several agreements.
    /// let p = cat.packages.iter().find(|p| p.id == "overenskommelser-januari-2022").unwrap();
    /// assert_eq!(p.members.len(), 4);
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn agreement(&self, id: &str) -> Option<&Agreement> {
        self.agreements.iter().find(|a| a.id == id)
    }
    /// The source with this id.
    ///
    /// ```
    /// let cat = vardavtal::catalog::catalog();
    /// assert_eq!(cat.source("003").map(|s| s.publisher.as_str()), Some("Sveriges Kommuner och Regioner (SKR)"));
    /// assert!(cat.source("999").is_none());
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }
    /// The bundled published table with this id.
    ///
    /// ```
    /// let cat = vardavtal::catalog::catalog();
    /// let t = cat.table("forlossningsvard-2019").unwrap();
    /// assert_eq!(t.agreement.as_deref(), Some("forlossningsvard-2019"));
    /// assert!(cat.table("no-such-table").is_none());
    /// ```
    pub fn table(&self, id: &str) -> Option<&TableEntry> {
        self.tables.iter().find(|t| t.id == id)
    }
    /// The agreement with this id, or an `unknown_agreement` error located at `id` that
    /// suggests the closest ids.
    ///
    /// ```
    /// let cat = vardavtal::catalog::catalog();
    /// let e = cat.find_agreement("okad-tillganglighet-2021").unwrap_err();
    /// assert_eq!(e.code(), vardavtal::Code::UnknownAgreement);
    /// assert!(e.to_string().contains("did you mean \"okad-tillganglighet-2022\""));
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    ///
    /// # Errors
    /// `unknown_agreement`, located at `id`, when the catalog has no agreement with this
    /// id.
    pub fn find_agreement(&self, id: &str) -> Result<&Agreement> {
        self.agreement(id).ok_or_else(|| {
            let ids = self.agreements.iter().map(|a| a.id.as_str());
            let t = &templates::CATALOG_AGREEMENT_UNKNOWN;
            unknown([t, &templates::CATALOG_AGREEMENT_UNKNOWN_NEAR], id, ids)
        })
    }
    /// The source with this id, or an `unknown_source` error located at `id` that suggests
    /// the closest ids.
    ///
    /// ```
    /// use vardavtal::Code;
    /// let cat = vardavtal::catalog::catalog();
    /// assert_eq!(cat.find_source("003")?.id, "003");
    /// assert_eq!(cat.find_source("999").unwrap_err().code(), Code::UnknownSource);
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    ///
    /// # Errors
    /// `unknown_source`, located at `id`, when the catalog has no source with this id.
    pub fn find_source(&self, id: &str) -> Result<&Source> {
        self.source(id).ok_or_else(|| {
            let ids = self.sources.iter().map(|s| s.id.as_str());
            let t = &templates::CATALOG_SOURCE_UNKNOWN;
            unknown([t, &templates::CATALOG_SOURCE_UNKNOWN_NEAR], id, ids)
        })
    }
    /// The agreements whose money may be used in `year`: those covering it, and those whose
    /// carry-over reaches it ([`Agreement::usable_in`]).
    ///
    /// ```
    /// let cat = vardavtal::catalog::catalog();
    /// let ids: Vec<&str> = cat.for_year(2022).iter().map(|a| a.id.as_str()).collect();
    /// assert!(ids.contains(&"okad-tillganglighet-2022"));
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn for_year(&self, year: i32) -> Vec<&Agreement> {
        self.agreements
            .iter()
            .filter(|a| a.usable_in(year))
            .collect()
    }
}

/// The error for an id the catalog does not have, with the closest ids as suggestions:
/// made from `templates[0]`, or `templates[1]` when there is a suggestion.
fn unknown<'a>(
    templates: [&'static Template; 2],
    id: &str,
    ids: impl Iterator<Item = &'a str>,
) -> Error {
    let mut near: Vec<(f64, &str)> = ids
        .map(|c| (strsim::normalized_damerau_levenshtein(id, c), c))
        .filter(|(d, _)| *d >= 0.6)
        .collect();
    near.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    let loc = Loc::root().join("id");
    let f = match near.first() {
        None => templates[0].error(loc),
        Some((_, c)) => templates[1].error(loc).with("did_you_mean", c),
    };
    f.with("id", id).into_error()
}
