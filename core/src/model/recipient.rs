//! Recipients of money: regions, municipalities, SKR, the state (money returned to it) and
//! other named recipients, and the groups an agreement pays (all regions, all
//! municipalities, the municipalities of a region, a named group whose members are unknown).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::finding::{Loc, Result};
use crate::message::templates::input::RECIPIENT_UNKNOWN;
use crate::reference;

/// A recipient code: `"03"` (a region), `"0114"` (a municipality), `"SKR"`, `"staten"`
/// (the state, for money returned to it) or the id of a recipient an agreement declares.
///
/// Read from JSON, a code has at most [`crate::input::bounds::MAX_CODE_CHARS`] characters.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::{RecipientId, RecipientKind};
let r = RecipientId::new("03");
assert_eq!(r.kind(), RecipientKind::Region);
assert_eq!(r.name(), Some("Region Uppsala"));
assert_eq!(RecipientId::new("SKR").name(), Some("Sveriges Kommuner och Regioner"));
```
"#
)]
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
// the schema says what a JSON author needs, not the Rust example
#[cfg_attr(
    feature = "schema",
    schemars(
        description = "A recipient code: `\"03\"` (a region), `\"0114\"` (a municipality), `\"SKR\"`, `\"staten\"`\n(the state, for money returned to it) or the id of a recipient an agreement declares.\n\nRead from JSON, a code has at most 64 characters."
    )
)]
#[serde(transparent)]
pub struct RecipientId(#[serde(deserialize_with = "crate::input::bounds::code")] pub(crate) String);

/// What kind of recipient a code names.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::{RecipientId, RecipientKind};
assert_eq!(RecipientId::new("0114").kind(), RecipientKind::Municipality);
assert_eq!(RecipientId::new("staten").kind(), RecipientKind::State);
assert_eq!(RecipientKind::Skr.as_str(), "skr");
assert_eq!("other".parse::<RecipientKind>()?, RecipientKind::Other);
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RecipientKind {
    /// One of the 21 regions.
    Region,
    /// One of the 290 municipalities.
    Municipality,
    /// Sveriges Kommuner och Regioner.
    Skr,
    /// The state (staten): unearned money returned to it.
    State,
    /// Anything else: must be declared by the agreement.
    Other,
}

crate::names::names!(RecipientKind { Region => "region", Municipality => "municipality", Skr => "skr", State => "state", Other => "other" });

/// The code of SKR.
pub const SKR: &str = "SKR";
/// The code of the state (money returned to the state).
pub const STATE: &str = "staten";

impl RecipientId {
    /// A recipient code as given.
    ///
    /// ```
    /// use vardavtal::RecipientId;
    /// let r = RecipientId::new("0180");
    /// assert_eq!(r, RecipientId::from("0180"));
    /// assert_eq!(r.name(), Some("Stockholm"));
    /// ```
    pub fn new(code: impl Into<String>) -> Self {
        RecipientId(code.into())
    }
    /// The code as a string.
    ///
    /// ```
    /// use vardavtal::RecipientId;
    /// assert_eq!(RecipientId::new("SKR").as_str(), "SKR");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// The kind of recipient the code names, from its form: two digits a region,
    /// four digits a municipality.
    ///
    /// ```
    /// use vardavtal::{RecipientId, RecipientKind};
    /// assert_eq!(RecipientId::new("25").kind(), RecipientKind::Region);
    /// assert_eq!(RecipientId::new("2584").kind(), RecipientKind::Municipality);
    /// // by form only: "02" is no region, but has a region's form
    /// assert_eq!(RecipientId::new("02").kind(), RecipientKind::Region);
    /// assert_eq!(RecipientId::new("socialstyrelsen").kind(), RecipientKind::Other);
    /// ```
    pub fn kind(&self) -> RecipientKind {
        let s = self.0.as_str();
        let digits = s.bytes().all(|b| b.is_ascii_digit());
        match s {
            SKR => RecipientKind::Skr,
            STATE => RecipientKind::State,
            _ if digits && s.len() == 2 => RecipientKind::Region,
            _ if digits && s.len() == 4 => RecipientKind::Municipality,
            _ => RecipientKind::Other,
        }
    }
    /// The official name for regions, municipalities, SKR and the state; `None` for
    /// other recipients and unknown codes.
    ///
    /// ```
    /// use vardavtal::RecipientId;
    /// assert_eq!(RecipientId::new("2584").name(), Some("Kiruna"));
    /// assert_eq!(RecipientId::new("staten").name(), Some("Staten"));
    /// assert_eq!(RecipientId::new("02").name(), None);
    /// ```
    pub fn name(&self) -> Option<&'static str> {
        match self.kind() {
            RecipientKind::Region => reference::region(&self.0).map(|r| r.name),
            RecipientKind::Municipality => reference::municipality(&self.0).map(|m| m.name),
            RecipientKind::Skr => Some("Sveriges Kommuner och Regioner"),
            RecipientKind::State => Some("Staten"),
            RecipientKind::Other => None,
        }
    }
    /// True for codes of regions and municipalities that exist, SKR and the state.
    ///
    /// ```
    /// use vardavtal::RecipientId;
    /// assert!(RecipientId::new("01").is_known() && RecipientId::new("SKR").is_known());
    /// assert!(!RecipientId::new("02").is_known() && !RecipientId::new("skr").is_known());
    /// ```
    pub fn is_known(&self) -> bool {
        self.name().is_some()
    }
    /// An `unknown_recipient` error unless the code is known or in `declared`, which is
    /// in code order (as [`crate::Agreement::declared_ids`] gives it): a binary search, so
    /// checking every one of n recipients takes O(n log n), not O(n²).
    ///
    /// ```
    /// use vardavtal::{Agreement, Code, Loc, RecipientId};
    /// let a = Agreement::new("exempel", "Exempel").with_recipient("socialstyrelsen", "Socialstyrelsen");
    /// let declared = a.declared_ids();
    /// RecipientId::new("03").check_known(&declared, &Loc::root())?;
    /// RecipientId::new("socialstyrelsen").check_known(&declared, &Loc::root())?;
    /// let e = RecipientId::new("02").check_known(&declared, &Loc::root()).unwrap_err();
    /// assert_eq!(e.code(), Code::UnknownRecipient);
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    ///
    /// # Errors
    /// `unknown_recipient`, located at `loc`, when the code is neither known nor declared.
    pub fn check_known(&self, declared: &[RecipientId], loc: &Loc) -> Result<()> {
        if self.is_known() || declared.binary_search(self).is_ok() {
            return Ok(());
        }
        Err(RECIPIENT_UNKNOWN
            .error(loc.clone())
            .with("recipient", &self.0)
            .into_error())
    }
}

impl fmt::Display for RecipientId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for RecipientId {
    fn from(s: &str) -> Self {
        RecipientId::new(s)
    }
}

impl std::borrow::Borrow<str> for RecipientId {
    /// A map keyed by `RecipientId` is looked up by `&str`: `map.get("01")`.
    ///
    /// ```
    /// use std::collections::BTreeMap;
    /// use vardavtal::RecipientId;
    /// let m = BTreeMap::from([(RecipientId::new("01"), 1)]);
    /// assert_eq!(m.get("01"), Some(&1));
    /// ```
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for RecipientId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// A recipient an agreement names that is not a region, municipality, SKR or the state
/// (for example a national authority or "the 10 model municipalities" as one recipient).
#[cfg_attr(
    any(doc, doctest),
    doc = r##"
```
use vardavtal::{Agreement, RecipientId, recipient::DeclaredRecipient};
let a = Agreement::new("exempel", "Exempel").with_recipient("socialstyrelsen", "Socialstyrelsen");
assert_eq!(a.recipients[0].name, "Socialstyrelsen");
assert_eq!(a.recipient_name(&RecipientId::new("socialstyrelsen")), "Socialstyrelsen");
// as an agreement file writes one
let d: DeclaredRecipient = serde_json::from_str(r#"{"id": "modell", "name": "De 10 modellkommunerna", "members": 10}"#)?;
assert_eq!((d.id.as_str(), d.members), ("modell", Some(10)));
# Ok::<(), Box<dyn std::error::Error>>(())
```
"##
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DeclaredRecipient {
    /// The code used in rules.
    pub id: RecipientId,
    /// The name as published.
    #[serde(deserialize_with = "crate::input::bounds::name")]
    pub name: String,
    /// How many members a group recipient has, where the source says (and its members
    /// are unknown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members: Option<u32>,
}

/// Who a component pays.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::{Group, catalog::catalog};
let a = catalog().agreement("aldreomsorg-2020-2022").ok_or("not in the catalog")?;
let c = a.component("modellkommuner").ok_or("no such component")?;
let g = c.recipients.as_ref().ok_or("no recipients")?;
assert!(matches!(g, Group::Named { members: Some(10), .. }));
assert_eq!(g.describe(), "de 10 modellkommunerna");
# Ok::<(), Box<dyn std::error::Error>>(())
```
"#
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Group {
    /// All 21 regions (regionerna).
    Regions,
    /// All 290 municipalities (kommunerna).
    Municipalities,
    /// Regions and municipalities jointly (kommuner och regioner gemensamt).
    RegionsAndMunicipalities,
    /// The municipalities of one region.
    MunicipalitiesOf(String),
    /// One recipient.
    Recipient(RecipientId),
    /// A list of recipients.
    List(Vec<RecipientId>),
    /// A group known by name whose members are not published ("de 10 modellkommunerna").
    Named {
        /// The name as published.
        name: String,
        /// The number of members, where the source says.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        members: Option<u32>,
    },
}

impl Group {
    /// The members, where they are known (`None` for named groups and the joint group).
    ///
    /// ```
    /// use vardavtal::{Group, RecipientId};
    /// assert_eq!(Group::Regions.members().map(|m| m.len()), Some(21));
    /// assert_eq!(Group::MunicipalitiesOf("09".into()).members(), Some(vec![RecipientId::new("0980")]));
    /// assert_eq!(Group::RegionsAndMunicipalities.members(), None);
    /// ```
    pub fn members(&self) -> Option<Vec<RecipientId>> {
        match self {
            Group::Regions => Some(
                reference::regions()
                    .iter()
                    .map(|r| RecipientId::new(r.code))
                    .collect(),
            ),
            Group::Municipalities => Some(
                reference::municipalities()
                    .iter()
                    .map(|m| RecipientId::new(m.code))
                    .collect(),
            ),
            Group::MunicipalitiesOf(r) => Some(
                reference::municipalities()
                    .iter()
                    .filter(|m| m.region == r)
                    .map(|m| RecipientId::new(m.code))
                    .collect(),
            ),
            Group::Recipient(r) => Some(vec![r.clone()]),
            Group::List(v) => Some(v.clone()),
            Group::RegionsAndMunicipalities | Group::Named { .. } => None,
        }
    }

    /// The population level a per-capita key over this group is taken at.
    ///
    /// ```
    /// use vardavtal::{Group, Level};
    /// assert_eq!(Group::MunicipalitiesOf("25".into()).level(), Some(Level::Municipalities));
    /// assert_eq!(Group::Regions.level(), Some(Level::Regions));
    /// assert_eq!(Group::Recipient("SKR".into()).level(), None);
    /// ```
    pub fn level(&self) -> Option<reference::Level> {
        match self {
            Group::Regions => Some(reference::Level::Regions),
            Group::Municipalities | Group::MunicipalitiesOf(_) => {
                Some(reference::Level::Municipalities)
            }
            _ => None,
        }
    }

    /// A short English description ("all 21 regions").
    ///
    /// ```
    /// use vardavtal::Group;
    /// assert_eq!(Group::Regions.describe(), "all 21 regions");
    /// assert_eq!(Group::MunicipalitiesOf("25".into()).describe(), "the municipalities of Region Norrbotten");
    /// assert_eq!(Group::Recipient("SKR".into()).describe(), "Sveriges Kommuner och Regioner");
    /// ```
    pub fn describe(&self) -> String {
        match self {
            Group::Regions => "all 21 regions".into(),
            Group::Municipalities => "all 290 municipalities".into(),
            Group::RegionsAndMunicipalities => "regions and municipalities jointly".into(),
            Group::MunicipalitiesOf(r) => format!(
                "the municipalities of {}",
                reference::region(r).map_or(r.as_str(), |x| x.name)
            ),
            Group::Recipient(r) => r.name().unwrap_or(r.as_str()).to_owned(),
            Group::List(v) => format!("{} named recipients", v.len()),
            Group::Named { name, .. } => name.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Code;

    #[test]
    fn kinds_and_names() {
        assert_eq!(RecipientId::new("0114").name(), Some("Upplands Väsby"));
        assert_eq!(RecipientId::new("02").kind(), RecipientKind::Region);
        assert!(!RecipientId::new("02").is_known());
        assert_eq!(RecipientId::new("x").kind(), RecipientKind::Other);
        let e = RecipientId::new("99")
            .check_known(&[], &Loc::root())
            .unwrap_err();
        assert_eq!(e.code(), Code::UnknownRecipient);
    }

    #[test]
    fn group_members() {
        assert_eq!(Group::Regions.members().map(|v| v.len()), Some(21));
        assert_eq!(Group::Municipalities.members().map(|v| v.len()), Some(290));
        assert_eq!(
            Group::MunicipalitiesOf("09".into()).members(),
            Some(vec![RecipientId::new("0980")])
        );
        let g: Group =
            serde_json::from_str(r#"{"named":{"name":"modellkommuner","members":10}}"#).unwrap();
        assert!(g.members().is_none());
    }
}
