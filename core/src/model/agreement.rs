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
    pub fn first_day(self) -> NaiveDate {
        match self {
            When::Day(d) | When::Month(d) => d,
        }
    }
    /// The last day the payment can fall on.
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
                Error::from(DATE_OR_MONTH_INVALID.error(Loc::root()).with("input", s))
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
    /// # Errors
    /// Every error of [`crate::json::from_file`]: `io` when the file cannot be read, then
    /// those of [`Agreement::from_json`], located under the file name.
    pub fn from_file(path: &std::path::Path) -> Result<Agreement> {
        crate::json::from_file(path)
    }

    /// The agreement as pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The recipient codes the agreement declares, in code order, each once (what
    /// [`RecipientId::check_known`] searches).
    pub fn declared_ids(&self) -> Vec<RecipientId> {
        let mut ids: Vec<RecipientId> = self.recipients.iter().map(|r| r.id.clone()).collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// The display names of many recipients: [`Agreement::recipient_name`] with the
    /// declared names looked up in a map made once, so n look-ups take O(n log n).
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

/// One agreement as a set of one, so that [`crate::validate::validate`] takes `&a` as well
/// as a slice, an array or a `Vec` of agreements.
///
/// ```
/// use vardavtal::Agreement;
/// let a = Agreement::new("x", "X");
/// let set: &[Agreement] = a.as_ref();
/// assert_eq!(set.len(), 1);
/// assert_eq!(set[0].id, "x");
/// ```
impl AsRef<[Agreement]> for Agreement {
    fn as_ref(&self) -> &[Agreement] {
        std::slice::from_ref(self)
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
