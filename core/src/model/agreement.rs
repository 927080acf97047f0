//! The agreement model (överenskommelse): kind, parties, status, years, funding sources,
//! the tree of funding components, conditions, carry-over, payment tranches, frames and
//! provenance. Agreement files are JSON in this shape; unknown fields are rejected.
//!
//! ```
//! use vardavtal::Agreement;
//! let a = Agreement::from_json(r#"{
//!   "id": "demo", "title": "Demo 2022", "kind": {"type": "base"}, "years": [2022],
//!   "components": [{"id": "b2", "name": "Utvecklingsblock", "amount": "443000000",
//!                   "recipients": "regions", "rule": {"type": "per_capita"}}]
//! }"#)?;
//! assert_eq!(a.components[0].amount.as_ref().map(|f| f.value.to_string()), Some("443000000".into()));
//! # Ok::<(), vardavtal::Error>(())
//! ```

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize};

use crate::finding::{Error, Loc, Result};
use crate::key::{KeySpec, parse_date};
use crate::message::templates::input::DATE_OR_MONTH_INVALID;
use crate::money::Sek;
use crate::recipient::{DeclaredRecipient, Group, RecipientId};
use crate::rule::Rule;
use crate::swedish::Qualifier;

/// An agreement between the state and SKR (or a budget proposal), as published.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::{AgreementKind, Sek, Status};
let a = vardavtal::input::agreement("okad-tillganglighet-2022")?;
assert_eq!(a.title, "Ökad tillgänglighet i hälso- och sjukvården 2022");
assert_eq!((&a.kind, &a.status, &a.years[..]), (&AgreementKind::base(), &Status::Signed, &[2022][..]));
assert_eq!(a.amount.map(|f| f.value), Some(Sek::kronor(2_967_000_000)));
assert_eq!(a.components.len(), 3);
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Agreement {
    /// Stable id (`"okad-tillganglighet-2022"`).
    #[serde(deserialize_with = "crate::input::bounds::id")]
    pub id: String,
    /// Swedish title as published.
    #[serde(deserialize_with = "crate::input::bounds::name")]
    pub title: String,
    /// English title.
    #[serde(
        deserialize_with = "crate::input::bounds::opt_name",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub title_en: Option<String>,
    /// Base, supplementary, sector grant, reimbursement or budget proposal.
    pub kind: AgreementKind,
    /// The parties (`["staten", "SKR"]`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<String>,
    /// When it was decided or signed, as each source states it (the first is the one
    /// used; sources that disagree are all recorded).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decided: Vec<Dated>,
    /// Signed, pending approval by a party, or only proposed.
    #[serde(default)]
    pub status: Status,
    /// The years the agreement covers (`[2020, 2021, 2022]`).
    pub years: Vec<i32>,
    /// The total as published, where published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Figure>,
    /// The same total as published by other sources, where they differ or restate it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_figures: Vec<Figure>,
    /// Who pays: the state, and co-funding by regions or municipalities (medfinansiering).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub funding: Vec<Funding>,
    /// The funding components (blocks, items, earmarks), as a tree.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub components: Vec<Component>,
    /// Conditions, such as parliament's appropriation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<Condition>,
    /// Until when the money may be used (medlen får även användas …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carry_over: Option<CarryOver>,
    /// Payment tranches.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tranches: Vec<Tranche>,
    /// Multi-year frames the agreed amounts belong to ("600 miljoner kronor per år 2021–2023").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub frames: Vec<Frame>,
    /// Recipients other than regions, municipalities, SKR and the state.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recipients: Vec<DeclaredRecipient>,
    /// The default distribution key of the agreement's key-based rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<KeySpec>,
    /// Where the agreement is described.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceRef>,
    /// Remarks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// What kind of agreement this is.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::AgreementKind;
let a = vardavtal::input::agreement("forsorjningsberedskap-lakemedel-2022")?;
assert_eq!(a.kind, AgreementKind::supplementary("forsorjningsberedskap-lakemedel-grund"));
assert_eq!(vardavtal::input::agreement("sektorsbidrag-2024")?.kind, AgreementKind::sector_grant());
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum AgreementKind {
    /// A base agreement (grundöverenskommelse), possibly for several years.
    Base {},
    /// A supplementary agreement (tilläggsöverenskommelse) to the base agreement `base`.
    Supplementary {
        /// Id of the base agreement.
        base: String,
    },
    /// A general sector grant (sektorsbidrag).
    SectorGrant {},
    /// Reimbursement of actual costs: no amount is split ahead of time.
    Reimbursement {},
    /// Money proposed in a budget bill, not decided.
    BudgetProposal {},
}

impl AgreementKind {
    /// `"base"`, `"supplementary"`, ….
    ///
    /// ```
    /// use vardavtal::AgreementKind;
    /// assert_eq!(AgreementKind::supplementary("covid-testning-2022").as_str(), "supplementary");
    /// assert_eq!(vardavtal::input::agreement("covid-vaccination-2022")?.kind.as_str(), "reimbursement");
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            AgreementKind::Base {} => "base",
            AgreementKind::Supplementary { .. } => "supplementary",
            AgreementKind::SectorGrant {} => "sector_grant",
            AgreementKind::Reimbursement {} => "reimbursement",
            AgreementKind::BudgetProposal {} => "budget_proposal",
        }
    }
}

/// Where an agreement stands.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::Status;
// Kömiljarden 2019 awaited the decision of SKL.
let a = vardavtal::input::agreement("komiljard-2019")?;
assert_eq!(a.status, Status::Pending { party: "SKL".into() });
assert_eq!(vardavtal::input::agreement("sektorsbidrag-2024")?.status, Status::Proposed);
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Status {
    /// Signed by both parties.
    #[default]
    Signed,
    /// Signed by one party, awaiting approval by `party` (e.g. SKL's board).
    Pending {
        /// The party whose approval is awaited.
        party: String,
    },
    /// Proposed only (a budget bill): not decided.
    Proposed,
}

impl Status {
    /// `"signed"`, `"pending"` or `"proposed"`: the name in files.
    ///
    /// ```
    /// use vardavtal::Status;
    /// assert_eq!(Status::default().as_str(), "signed");
    /// assert_eq!(Status::Pending { party: "SKL".into() }.as_str(), "pending");
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            Status::Signed => "signed",
            Status::Pending { .. } => "pending",
            Status::Proposed => "proposed",
        }
    }
}

/// A published figure: an amount, the precision it was stated with, a hedge word, and
/// the source that states it. In files, a plain decimal string is an exact figure
/// without a source.
///
/// ```
/// use vardavtal::Sek;
/// let a = vardavtal::input::agreement("okad-tillganglighet-2022")?;
/// let total = a.amount.expect("published");
/// assert_eq!(total.value, Sek::kronor(2_967_000_000));
/// assert_eq!(total.precision, Some(Sek::kronor(1_000_000))); // "2 967 miljoner": to the million
/// assert_eq!(total.source.map(|s| s.quote), Some("2 967 miljoner kronor".into()));
/// # Ok::<(), vardavtal::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Figure {
    /// The amount in kronor.
    pub value: Sek,
    /// The value of one unit of the last digit stated ("9,4 miljarder" → 100000000);
    /// absent when the figure is exact to the krona.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub precision: Option<Sek>,
    /// A hedge word in front of the figure ("ca", "över", "nära").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
    /// The year the amount is for, when the figure is for one year of several.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// The source stating the figure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
}

/// The object form of a [`Figure`] in files.
#[derive(Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct FigureObject {
    /// The amount in kronor.
    value: Sek,
    /// The value of one unit of the last digit stated ("9,4 miljarder" → "100000000");
    /// absent when the figure is exact to the krona.
    #[serde(default)]
    precision: Option<Sek>,
    /// A hedge word in front of the figure.
    #[serde(default)]
    qualifier: Option<Qualifier>,
    /// The year the amount is for, when the figure is for one year of several.
    #[serde(default)]
    year: Option<i32>,
    /// The source stating the figure.
    #[serde(default)]
    source: Option<SourceRef>,
}

impl Figure {
    /// An exact figure without a source.
    ///
    /// ```
    /// use vardavtal::{Agreement, Figure, Sek};
    /// // A plain decimal string in a file is an exact figure.
    /// let json = r#"{"id": "x", "title": "X", "kind": {"type": "base"}, "years": [2022], "amount": "443000000"}"#;
    /// let a = Agreement::from_json(json)?;
    /// assert_eq!(a.amount, Some(Figure::exact(Sek::kronor(443_000_000))));
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn exact(value: Sek) -> Self {
        Figure {
            value,
            precision: None,
            qualifier: None,
            year: None,
            source: None,
        }
    }
}

impl<'de> Deserialize<'de> for Figure {
    /// From a plain decimal string (an exact figure) or an object `{"value": …}`.
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Figure, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Figure;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an amount as a plain decimal string or a figure object {\"value\": …}")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> std::result::Result<Figure, E> {
                v.parse::<Sek>().map(Figure::exact).map_err(|e| {
                    E::custom(
                        e.findings()
                            .first()
                            .map_or(String::new(), |f| f.msg.clone()),
                    )
                })
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                m: A,
            ) -> std::result::Result<Figure, A::Error> {
                let r = FigureObject::deserialize(serde::de::value::MapAccessDeserializer::new(m))?;
                Ok(Figure {
                    value: r.value,
                    precision: r.precision,
                    qualifier: r.qualifier,
                    year: r.year,
                    source: r.source,
                })
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Figure {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Figure".into()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let obj = g.subschema_for::<FigureObject>();
        let plain = g.subschema_for::<Sek>();
        schemars::json_schema!({
            "description": "A published figure: a plain decimal string (exact, no source) or an object with value, precision, qualifier and source.",
            "anyOf": [plain, obj]
        })
    }
}

/// A pointer to the text that states a figure: the source's id and the quoted phrase.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
let a = vardavtal::input::agreement("forsorjningsberedskap-lakemedel-2022")?;
let cited = a.carry_over.and_then(|c| c.source).expect("cited");
assert_eq!((cited.source.as_str(), cited.quote.as_str()), ("003", "Medlen får även användas 2023"));
assert_eq!(cited.inferred, None); // stated by the source, not inferred
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    /// Source id (for the bundled catalog, the seed file's number: `"003"`).
    pub source: String,
    /// The Swedish phrase as published.
    pub quote: String,
    /// Set when the source does not state the fact itself: it was reached by reasoning
    /// (say how), e.g. a rule and key date found by fitting a published table to SCB data.
    /// Shown as inferred, never as stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inferred: Option<String>,
}

/// Who pays part of an agreement's money.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::{Sek, agreement::Payer};
// The regions co-fund "Sammanhållen, jämlik och säker vård" 2022.
let a = vardavtal::input::agreement("sammanhallen-jamlik-saker-vard-2022")?;
let regions = a.funding.iter().find(|f| f.payer == Payer::Regions).expect("co-funded");
assert_eq!(regions.amount.as_ref().map(|f| f.value), Some(Sek::kronor(100_000_000)));
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Funding {
    /// The payer.
    pub payer: Payer,
    /// How much it pays.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Figure>,
}

/// A payer of an agreement's money.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::agreement::Payer;
let a = vardavtal::input::agreement("sammanhallen-jamlik-saker-vard-2022")?;
let payers: Vec<Payer> = a.funding.iter().map(|f| f.payer).collect();
assert_eq!(payers, [Payer::Regions, Payer::State]);
assert_eq!("municipalities".parse::<Payer>()?, Payer::Municipalities);
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Payer {
    /// The state (staten).
    State,
    /// The regions (co-funding: regionerna står för).
    Regions,
    /// The municipalities (co-funding).
    Municipalities,
}

crate::names::names!(Payer { State => "state", Regions => "regions", Municipalities => "municipalities" });

/// What a component is to its parent.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::ComponentKind;
let a = vardavtal::input::agreement("god-och-nara-vard-2019")?;
// 'omstallning' is reserved out of its parent's money, not added to it.
assert_eq!(a.component("omstallning").map(|c| c.kind), Some(ComponentKind::Earmark));
assert_eq!(a.component("skr").map(|c| c.kind), Some(ComponentKind::Block));
assert_eq!(ComponentKind::Earmark.as_str(), "earmark");
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ComponentKind {
    /// A block or part with its own rule; blocks of a parent add up to it.
    #[default]
    Block,
    /// An item (a line of a list of what the money goes to); items add up to the parent.
    Item,
    /// Part of the parent's amount reserved for a purpose (öronmärkt): not added to the
    /// siblings, and at most the parent.
    Earmark,
}

crate::names::names!(ComponentKind { Block => "block", Item => "item", Earmark => "earmark" });

/// A funding component: a block, item or earmark, with its amount, recipients and rule,
/// and its own parts.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::{Group, Rule, Sek};
let a = vardavtal::input::agreement("okad-tillganglighet-2022")?;
let block2 = a.component("block-2").expect("in the agreement");
assert_eq!(block2.name, "Block 2: utvecklingsblocket");
assert_eq!(block2.amount.as_ref().map(|f| f.value), Some(Sek::kronor(443_000_000)));
assert_eq!(block2.recipients, Some(Group::Regions));
assert_eq!(block2.rule, Some(Rule::per_capita()));
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Component {
    /// Id, unique within the agreement.
    #[serde(deserialize_with = "crate::input::bounds::id")]
    pub id: String,
    /// Swedish name as published.
    #[serde(deserialize_with = "crate::input::bounds::name")]
    pub name: String,
    /// Block, item or earmark.
    #[serde(default)]
    pub kind: ComponentKind,
    /// The amount, where published (a plain decimal string or a figure object).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Figure>,
    /// The same amount as stated by other sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_figures: Vec<Figure>,
    /// Who it pays.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipients: Option<Group>,
    /// How it is split. A component with a rule is allocated whole; its parts describe
    /// the use of the money and are not allocated again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<Rule>,
    /// Its parts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub components: Vec<Component>,
    /// Where its recipients and rule are stated (its amount carries its own source).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceRef>,
    /// Remarks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// A condition on an agreement's money.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::agreement::ConditionKind;
// Kömiljarden 2019: the population part is paid against a status report.
let a = vardavtal::input::agreement("komiljard-2019")?;
let c = &a.conditions[0];
assert_eq!((c.kind, c.applies_to.as_deref()), (ConditionKind::Reporting, Some("befolkning")));
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// What kind of condition.
    pub kind: ConditionKind,
    /// The component or frame it applies to (the whole agreement when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_to: Option<String>,
    /// Where it is stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
}

/// Kinds of condition.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::agreement::ConditionKind;
// Cancer care 2022: the 600 miljoner a year are "förutsatt att riksdagen ställer medlen till förfogande".
let a = vardavtal::input::agreement("cancervard-2022")?;
assert_eq!(a.conditions[0].kind, ConditionKind::Appropriation);
assert_eq!(a.conditions[0].applies_to.as_deref(), Some("cancer-600-per-ar"));
assert_eq!(ConditionKind::Appropriation.to_string(), "appropriation");
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ConditionKind {
    /// "förutsatt att riksdagen ställer medlen till förfogande": subject to parliament's
    /// appropriation.
    Appropriation,
    /// Paid only when results are shown.
    Performance,
    /// Paid only when the recipient reports (a status report, monthly reporting to a
    /// national database with a response rate).
    Reporting,
}

crate::names::names!(ConditionKind { Appropriation => "appropriation", Performance => "performance", Reporting => "reporting" });

/// Money that may also be used later.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
// "Medlen får även användas 2023"
let a = vardavtal::input::agreement("forsorjningsberedskap-lakemedel-2022")?;
let carry = a.carry_over.as_ref().expect("stated");
assert_eq!(carry.until.to_string(), "2023-12-31");
assert!(a.usable_in(2023) && !a.usable_in(2024));
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CarryOver {
    /// The last day the money may be used.
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    #[serde(with = "crate::key::date_str")]
    pub until: NaiveDate,
    /// Where it is stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
}

/// A date as precise as the source gives it: a day (`2019-06-15`) or a month (`2019-06`,
/// "betalas ut i juni", "i december 2020").
///
/// ```
/// use vardavtal::When;
/// let june: When = "2019-06".parse()?;
/// assert_eq!(june, When::Month("2019-06-01".parse()?));
/// assert_eq!(june.to_string(), "2019-06");
/// assert!(matches!("2019-06-15".parse::<When>()?, When::Day(_)));
/// assert!("2019-13".parse::<When>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum When {
    /// A day.
    Day(NaiveDate),
    /// A month (the first day of it).
    Month(NaiveDate),
}

impl When {
    /// The first day the payment can fall on.
    ///
    /// ```
    /// use vardavtal::When;
    /// assert_eq!("2020-12".parse::<When>()?.first_day().to_string(), "2020-12-01");
    /// assert_eq!("2020-12-15".parse::<When>()?.first_day().to_string(), "2020-12-15");
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn first_day(self) -> NaiveDate {
        match self {
            When::Day(d) | When::Month(d) => d,
        }
    }
    /// The last day the payment can fall on.
    ///
    /// ```
    /// use vardavtal::When;
    /// assert_eq!("2024-02".parse::<When>()?.last_day().to_string(), "2024-02-29");
    /// assert_eq!("2019-12".parse::<When>()?.last_day().to_string(), "2019-12-31");
    /// assert_eq!("2019-06-15".parse::<When>()?.last_day().to_string(), "2019-06-15");
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn last_day(self) -> NaiveDate {
        match self {
            When::Day(d) => d,
            When::Month(d) => {
                let next = if d.month() == 12 {
                    NaiveDate::from_ymd_opt(d.year() + 1, 1, 1)
                } else {
                    NaiveDate::from_ymd_opt(d.year(), d.month() + 1, 1)
                };
                next.and_then(|n| n.pred_opt()).unwrap_or(d)
            }
        }
    }
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            When::Day(d) => write!(f, "{d}"),
            When::Month(d) => write!(f, "{}", d.format("%Y-%m")),
        }
    }
}

impl std::str::FromStr for When {
    type Err = Error;
    fn from_str(s: &str) -> Result<When> {
        if s.len() == 7 {
            let d = parse_date(&format!("{s}-01")).map_err(|_| {
                DATE_OR_MONTH_INVALID
                    .error(Loc::root())
                    .with("input", s)
                    .into_error()
            })?;
            return Ok(When::Month(d));
        }
        parse_date(s).map(When::Day)
    }
}

impl Serialize for When {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for When {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(|e: Error| {
            serde::de::Error::custom(
                e.findings()
                    .first()
                    .map_or(String::new(), |f| f.msg.clone()),
            )
        })
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for When {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "When".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": r"^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$",
            "description": "A payment day YYYY-MM-DD, or a month YYYY-MM where the source names only the month."
        })
    }
}

/// A date with the source that states it.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
// Two sources date the decision on "Psykisk hälsa 2021–2022" differently: both are kept.
let a = vardavtal::input::agreement("psykisk-halsa-2021-2022")?;
let dates: Vec<String> = a.decided.iter().map(|d| d.date.to_string()).collect();
assert_eq!(dates, ["2020-12", "2022-12"]);
assert_eq!(a.decided[0].source.as_ref().map(|s| s.quote.as_str()), Some("i december 2020"));
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Dated {
    /// The date.
    pub date: When,
    /// Where it is stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
}

/// A payment tranche: when part of a component's money is paid.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::Sek;
// Kömiljarden 2019: 320 miljoner kronor in June, by population.
let a = vardavtal::input::agreement("komiljard-2019")?;
let june = &a.tranches[0];
assert_eq!((june.id.as_str(), june.component.as_str()), ("juni", "befolkning"));
assert_eq!(june.date.map(|d| d.to_string()), Some("2019-06".into()));
assert_eq!(june.amount.as_ref().map(|f| f.value), Some(Sek::kronor(320_000_000)));
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Tranche {
    /// Id, unique within the agreement.
    #[serde(deserialize_with = "crate::input::bounds::id")]
    pub id: String,
    /// When it is paid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<When>,
    /// The component it pays.
    #[serde(deserialize_with = "crate::input::bounds::id")]
    pub component: String,
    /// How much it pays (give this or `share`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Figure>,
    /// Which share of the component it pays, as a fraction ("0.5").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub share: Option<crate::key::Weight>,
}

/// A multi-year frame: an amount per year intended for several years, usually subject to
/// appropriation.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::Sek;
// "600 miljoner kronor per år" for cancer care 2021–2023.
let a = vardavtal::input::agreement("cancervard-2022")?;
let frame = &a.frames[0];
assert_eq!(frame.per_year.value, Sek::kronor(600_000_000));
assert_eq!(frame.years, [2021, 2022, 2023]);
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Frame {
    /// Id, unique within the agreement.
    #[serde(deserialize_with = "crate::input::bounds::id")]
    pub id: String,
    /// The amount per year.
    pub per_year: Figure,
    /// The years of the frame.
    pub years: Vec<i32>,
}

impl Agreement {
    /// Parse an agreement from JSON. Errors name the line, column and field.
    ///
    /// ```
    /// use vardavtal::{Agreement, Code};
    /// let a = Agreement::from_json(r#"{"id": "x", "title": "X", "kind": {"type": "base"}, "years": [2024]}"#)?;
    /// assert_eq!(a.years, [2024]);
    /// let e = Agreement::from_json(r#"{"id": "x", "title": "X", "kind": {"type": "base"},
    ///   "years": [2024], "colour": "red"}"#).unwrap_err();
    /// assert_eq!(e.code(), Code::UnknownField);
    /// assert_eq!(e.findings()[0].loc.to_string(), "colour");
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    ///
    /// # Errors
    /// Every error of [`crate::json::from_str`], every problem of the document: `syntax`,
    /// `unknown_field`, `invalid_amount`, `invalid_date`, `duplicate_recipient` (a
    /// recipient given twice in a map) and `invalid_value` (any other value the format
    /// refuses, or an id or name longer than its [bound](crate::input::bounds)).
    pub fn from_json(text: &str) -> Result<Agreement> {
        crate::json::from_str(text)
    }

    /// Read an agreement file (JSON); error locations start with the file name.
    ///
    /// ```
    /// use std::path::Path;
    /// use vardavtal::{Agreement, Code};
    /// let a = Agreement::from_file(Path::new("catalog/agreements/komiljard-2019.json"))?;
    /// assert_eq!(a.id, "komiljard-2019");
    /// let e = Agreement::from_file(Path::new("no-such-agreement.json")).unwrap_err();
    /// assert_eq!(e.code(), Code::Io);
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    ///
    /// # Errors
    /// Every error of [`crate::json::from_file`]: `io` when the file cannot be read, then
    /// those of [`Agreement::from_json`], located under the file name.
    pub fn from_file(path: &std::path::Path) -> Result<Agreement> {
        crate::json::from_file(path)
    }

    /// The agreement as pretty JSON.
    ///
    /// ```
    /// use vardavtal::{Agreement, Sek};
    /// let a = Agreement::new("demo-2024", "Demo 2024").with_years([2024]).with_amount(Sek::kronor(10_000_000));
    /// let json = a.to_json();
    /// assert!(json.contains(r#""value": "10000000""#)); // amounts are strings
    /// assert_eq!(Agreement::from_json(&json)?, a);
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The recipient codes the agreement declares, in code order, each once (what
    /// [`RecipientId::check_known`] searches).
    ///
    /// ```
    /// use vardavtal::{Agreement, RecipientId};
    /// let a = Agreement::new("x", "X")
    ///     .with_recipient("socialstyrelsen", "Socialstyrelsen")
    ///     .with_recipient("ehalsomyndigheten", "E-hälsomyndigheten")
    ///     .with_recipient("socialstyrelsen", "Socialstyrelsen");
    /// assert_eq!(a.declared_ids(), [RecipientId::new("ehalsomyndigheten"), RecipientId::new("socialstyrelsen")]);
    /// ```
    pub fn declared_ids(&self) -> Vec<RecipientId> {
        let mut ids: Vec<RecipientId> = self.recipients.iter().map(|r| r.id.clone()).collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// The display names of many recipients: [`Agreement::recipient_name`] with the
    /// declared names looked up in a map made once, so n look-ups take O(n log n).
    ///
    /// ```
    /// use vardavtal::{Agreement, RecipientId};
    /// let a = Agreement::new("x", "X").with_recipient("ehalsomyndigheten", "E-hälsomyndigheten");
    /// let name = a.recipient_names();
    /// let names: Vec<String> = ["01", "ehalsomyndigheten", "okand"].map(RecipientId::new).iter().map(&name).collect();
    /// assert_eq!(names, ["Region Stockholm", "E-hälsomyndigheten", "okand"]);
    /// ```
    pub fn recipient_names(&self) -> impl Fn(&RecipientId) -> String + '_ {
        let declared: std::collections::BTreeMap<&RecipientId, &str> = self
            .recipients
            .iter()
            .rev() // the first declaration of a code wins, as in `recipient_name`
            .map(|r| (&r.id, r.name.as_str()))
            .collect();
        move |id| {
            id.name()
                .or_else(|| declared.get(id).copied())
                .map_or_else(|| id.to_string(), str::to_owned)
        }
    }

    /// The display name of a recipient: official, declared, or the code itself.
    ///
    /// ```
    /// use vardavtal::{Agreement, RecipientId};
    /// let a = Agreement::new("x", "X").with_recipient("modellkommuner", "De 10 modellkommunerna");
    /// assert_eq!(a.recipient_name(&RecipientId::new("0114")), "Upplands Väsby");
    /// assert_eq!(a.recipient_name(&RecipientId::new("modellkommuner")), "De 10 modellkommunerna");
    /// assert_eq!(a.recipient_name(&RecipientId::new("okand")), "okand");
    /// ```
    pub fn recipient_name(&self, id: &RecipientId) -> String {
        id.name()
            .map(str::to_owned)
            .or_else(|| {
                self.recipients
                    .iter()
                    .find(|r| &r.id == id)
                    .map(|r| r.name.clone())
            })
            .unwrap_or_else(|| id.to_string())
    }

    /// Every component of the tree, depth first, with its location path.
    ///
    /// ```
    /// let a = vardavtal::input::agreement("god-och-nara-vard-2019")?;
    /// let tree: Vec<String> = a.walk().iter().map(|(loc, c)| format!("{loc} {}", c.id)).collect();
    /// assert_eq!(tree, [
    ///     "components[0] primarvard",
    ///     "components[0].components[0] regioner",
    ///     "components[0].components[0].components[0] omstallning",
    ///     "components[0].components[1] skr",
    /// ]);
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn walk(&self) -> Vec<(Loc, &Component)> {
        fn go<'a>(cs: &'a [Component], at: &Loc, out: &mut Vec<(Loc, &'a Component)>) {
            for (i, c) in cs.iter().enumerate() {
                let here = at.join("components").join(i);
                out.push((here.clone(), c));
                go(&c.components, &here, out);
            }
        }
        let mut out = Vec::new();
        go(&self.components, &Loc::root(), &mut out);
        out
    }

    /// The component with this id anywhere in the tree.
    ///
    /// ```
    /// use vardavtal::Sek;
    /// let a = vardavtal::input::agreement("komiljard-2019")?;
    /// let c = a.component("prestation").expect("a component of komiljard-2019");
    /// assert_eq!(c.amount.as_ref().map(|f| f.value), Some(Sek::kronor(1_280_000_000)));
    /// assert!(a.component("block-2").is_none());
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn component(&self, id: &str) -> Option<&Component> {
        fn find<'a>(cs: &'a [Component], id: &str) -> Option<&'a Component> {
            cs.iter().find_map(|c| {
                if c.id == id {
                    Some(c)
                } else {
                    find(&c.components, id)
                }
            })
        }
        find(&self.components, id)
    }

    /// The first year covered.
    ///
    /// ```
    /// use vardavtal::Agreement;
    /// assert_eq!(vardavtal::input::agreement("aldreomsorg-2020-2022")?.first_year(), Some(2020));
    /// assert_eq!(Agreement::new("x", "X").first_year(), None);
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn first_year(&self) -> Option<i32> {
        self.years.iter().copied().min()
    }

    /// Whether money of the agreement may be used in `year`: a year it covers, or a later
    /// year up to its carry-over (`medlen får även användas …`).
    ///
    /// ```
    /// let a = vardavtal::input::agreement("forsorjningsberedskap-lakemedel-2022")?;
    /// assert!(a.usable_in(2022) && a.usable_in(2023) && !a.usable_in(2021));
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn usable_in(&self, year: i32) -> bool {
        use chrono::Datelike;
        let after = self
            .years
            .iter()
            .copied()
            .max()
            .is_some_and(|last| year > last);
        self.years.contains(&year)
            || (after
                && self
                    .carry_over
                    .as_ref()
                    .is_some_and(|c| c.until.year() >= year))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Code;

    #[test]
    fn figures_from_strings_or_objects() {
        let c: Component = serde_json::from_str(r#"{"id":"a","name":"A","amount":"5"}"#).unwrap();
        assert_eq!(c.amount, Some(Figure::exact(Sek::kronor(5))));
        let c: Component = serde_json::from_str(
            r#"{"id":"a","name":"A","amount":{"value":"9400000000","precision":"100000000","source":{"source":"001","quote":"9,4 miljarder"}}}"#,
        )
        .unwrap();
        assert_eq!(
            c.amount.and_then(|f| f.precision),
            Some(Sek::kronor(100_000_000))
        );
        assert!(serde_json::from_str::<Component>(r#"{"id":"a","name":"A","amount":5}"#).is_err());
        assert!(
            serde_json::from_str::<Component>(
                r#"{"id":"a","name":"A","amount":{"value":"5","x":1}}"#
            )
            .is_err()
        );
    }

    #[test]
    fn pay_dates() {
        let m: When = "2019-06".parse().unwrap();
        assert_eq!(m.last_day().to_string(), "2019-06-30");
        assert_eq!(
            "2019-12".parse::<When>().unwrap().last_day().to_string(),
            "2019-12-31"
        );
        assert!("2019-13".parse::<When>().is_err());
        assert_eq!(serde_json::to_string(&m).unwrap(), "\"2019-06\"");
    }

    #[test]
    fn unknown_fields_are_rejected_with_location() {
        let e = Agreement::from_json(
            r#"{"id":"x","title":"t","kind":{"type":"base"},"years":[2022],"colour":"red"}"#,
        )
        .unwrap_err();
        assert_eq!(e.code(), Code::UnknownField);
        assert!(e.to_string().contains("colour"), "{e}");
    }
}
