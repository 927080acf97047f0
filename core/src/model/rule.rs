//! Rules: how a component's money is split among its recipients.
//!
//! Per capita by a key (fördelas enligt befolkningsmängd), by care need (efter vårdbehov),
//! a fixed amount to a named recipient, an equal split, a fixed amount per recipient plus
//! the rest by a key, performance-based (prestationsbaserad) with criteria and a bonus pot
//! or return to the state, and reimbursement of reported actual costs. The computation is
//! in [`crate::allocation`]; this module holds the rules as data.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::key::{KeySpec, Weight};
use crate::money::Sek;
use crate::recipient::RecipientId;

/// How a component is split.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::Rule;
let a = vardavtal::input::agreement("komiljard-2019")?;
let rules: Vec<&str> = a.components.iter().filter_map(|c| c.rule.as_ref()).map(Rule::as_str).collect();
assert_eq!(rules, ["per_capita", "performance"]);
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Rule {
    /// By population (per capita): each recipient's share of the key. Without a key, the
    /// agreement's key, else SCB's population of the component's recipients on 1 November
    /// of the year before the agreement's first year (or the latest date before it).
    PerCapita {
        /// The key; see above for the default.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        key: Option<KeySpec>,
    },
    /// By care need (efter vårdbehov): a needs-weighted key. Without a key, the bundled
    /// 2024 care-need key of the regions.
    ByNeed {
        /// The key (`needs_regions2024` or `needs_weighted`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        key: Option<KeySpec>,
    },
    /// The whole amount to one named recipient.
    Fixed {
        /// Who gets it.
        recipient: RecipientId,
    },
    /// Equal parts to every member of the component's recipient group.
    Equal {},
    /// A fixed amount to every recipient of the key, then the rest by the key (e.g. "dels
    /// efter befolkningsmängd, dels som ett fast belopp om 100 miljoner kronor per region").
    FixedPlusKey {
        /// The fixed amount each recipient gets first.
        each: Sek,
        /// The key for the rest (default as for `per_capita`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        key: Option<KeySpec>,
    },
    /// Paid on performance: the pot is divided among criteria by their shares; each
    /// criterion's money is divided by the key, and a recipient gets its part of a
    /// criterion when it qualifies on that criterion's outcome.
    Performance(Performance),
    /// The state reimburses reported actual costs: nothing is split ahead of time.
    Reimbursement {},
    /// The sources do not say how the money is split; `needs` says what would be needed.
    #[non_exhaustive]
    Unpublished {
        /// What the rule would need (e.g. "the annex with the per-region distribution").
        needs: String,
        /// The same in Swedish ("bilagan med fördelningen per region"), shown in Swedish
        /// output; without it the English is shown there too.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        needs_sv: Option<String>,
    },
}

impl Rule {
    /// `"per_capita"`, `"performance"`, ….
    ///
    /// ```
    /// use vardavtal::{Rule, Sek};
    /// assert_eq!(Rule::fixed_plus_key(Sek::kronor(100_000_000), None).as_str(), "fixed_plus_key");
    /// let a = vardavtal::input::agreement("sektorsbidrag-2024")?;
    /// assert_eq!(a.component("regioner").and_then(|c| c.rule.as_ref()).map(Rule::as_str), Some("by_need"));
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            Rule::PerCapita { .. } => "per_capita",
            Rule::ByNeed { .. } => "by_need",
            Rule::Fixed { .. } => "fixed",
            Rule::Equal {} => "equal",
            Rule::FixedPlusKey { .. } => "fixed_plus_key",
            Rule::Performance(_) => "performance",
            Rule::Reimbursement {} => "reimbursement",
            Rule::Unpublished { .. } => "unpublished",
        }
    }
}

/// A performance-based rule.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::{Rule, Unearned};
// Kömiljarden 2019: 1,28 miljarder kronor paid on shorter waiting times.
let a = vardavtal::input::agreement("komiljard-2019")?;
let Some(Rule::Performance(p)) = a.component("prestation").and_then(|c| c.rule.clone()) else {
    panic!("a performance rule");
};
assert_eq!(p.criteria.len(), 1);
assert_eq!(p.unearned, Unearned::ReturnToState);
assert_eq!(p.key, None); // the default population key
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Performance {
    /// The criteria (prestationskrav); their shares must add up to 1.
    pub criteria: Vec<Criterion>,
    /// What happens to money not earned.
    pub unearned: Unearned,
    /// The key each criterion's money is divided by (default as for `per_capita`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<KeySpec>,
}

/// What happens to performance money a recipient does not earn.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::Unearned;
assert_eq!("bonus_pot".parse::<Unearned>()?, Unearned::BonusPot);
assert_eq!(Unearned::ReturnToState.to_string(), "return_to_state");
assert!("bonus".parse::<Unearned>().is_err());
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Unearned {
    /// It goes to a bonus pot paid to the recipients that earned money, in proportion to
    /// what they earned ("utifrån samma fördelning som medlen för uppfyllda prestationskrav").
    BonusPot,
    /// It returns to the state.
    ReturnToState,
}

crate::names::names!(Unearned { BonusPot => "bonus_pot", ReturnToState => "return_to_state" });

/// One performance criterion.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::{Rule, Weight};
let a = vardavtal::input::agreement("komiljard-2019")?;
let Some(Rule::Performance(p)) = a.component("prestation").and_then(|c| c.rule.clone()) else {
    panic!("a performance rule");
};
let wait = &p.criteria[0];
assert_eq!(wait.id, "wait90");
assert_eq!(wait.share, "1".parse::<Weight>()?); // the whole pot
assert_eq!(wait.test.describe(), "improved on last year (wait90) or at least 0.71 (wait60)");
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Id, used in outcome files.
    #[serde(deserialize_with = "crate::input::bounds::id")]
    pub id: String,
    /// What it measures.
    #[serde(deserialize_with = "crate::input::bounds::name")]
    pub name: String,
    /// The share of the pot it carries, as a fraction ("0.5").
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub share: Weight,
    /// How a recipient qualifies.
    pub test: Test,
}

/// How a recipient qualifies on a criterion, from its outcome.
///
/// Each test reads the outcome recorded under the criterion's id, or under `measure` when
/// it names another one (a criterion met by "improved on the 90-day share, or at least
/// 71 % within 60 days" reads two measures).
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::{Test, rust_decimal::Decimal};
// Kömiljarden 2019: improved on the 90-day share, or at least 71 % within 60 days.
let test = Test::Any { tests: vec![
    Test::Improved { lower_is_better: false, measure: Some("wait90".into()) },
    Test::AtLeast { threshold: Decimal::new(71, 2), measure: Some("wait60".into()) },
] };
assert_eq!(test.describe(), "improved on last year (wait90) or at least 0.71 (wait60)");
```
"#
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Test {
    /// Better than last year: `value` above `previous` (below, when lower is better).
    Improved {
        /// True for measures where less is better (waiting days).
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        lower_is_better: bool,
        /// The outcome to read (default: the criterion's id).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        measure: Option<String>,
    },
    /// `value` at or above a threshold.
    AtLeast {
        /// The threshold.
        #[serde(with = "crate::money::decimal_str")]
        #[cfg_attr(feature = "schema", schemars(with = "String"))]
        threshold: Decimal,
        /// The outcome to read (default: the criterion's id).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        measure: Option<String>,
    },
    /// `value` at or below a threshold.
    AtMost {
        /// The threshold.
        #[serde(with = "crate::money::decimal_str")]
        #[cfg_attr(feature = "schema", schemars(with = "String"))]
        threshold: Decimal,
        /// The outcome to read (default: the criterion's id).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        measure: Option<String>,
    },
    /// The outcome states directly whether the requirement is met (`met`).
    Met {
        /// The outcome to read (default: the criterion's id).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        measure: Option<String>,
    },
    /// Any of the tests (e.g. improved on last year, or at least 71 % within 60 days).
    Any {
        /// The alternatives.
        tests: Vec<Test>,
    },
}

impl Test {
    /// A short English description ("improved on last year or at least 0.71").
    ///
    /// ```
    /// use vardavtal::{Test, rust_decimal::Decimal};
    /// assert_eq!(Test::AtMost { threshold: Decimal::from(90), measure: None }.describe(), "at most 90");
    /// assert_eq!(Test::Improved { lower_is_better: true, measure: Some("days".into()) }.describe(), "lower than last year (days)");
    /// ```
    pub fn describe(&self) -> String {
        let of = |m: &Option<String>| m.as_ref().map_or(String::new(), |m| format!(" ({m})"));
        match self {
            Test::Improved {
                lower_is_better: false,
                measure,
            } => format!("improved on last year{}", of(measure)),
            Test::Improved {
                lower_is_better: true,
                measure,
            } => format!("lower than last year{}", of(measure)),
            Test::AtLeast { threshold, measure } => {
                format!("at least {}{}", threshold.normalize(), of(measure))
            }
            Test::AtMost { threshold, measure } => {
                format!("at most {}{}", threshold.normalize(), of(measure))
            }
            Test::Met { measure } => format!("requirement met{}", of(measure)),
            Test::Any { tests } => tests
                .iter()
                .map(Test::describe)
                .collect::<Vec<_>>()
                .join(" or "),
        }
    }

    /// The same description in Swedish ("bättre än förra året eller minst 0,71").
    ///
    /// ```
    /// use vardavtal::{Test, rust_decimal::Decimal};
    /// let test = Test::Any { tests: vec![
    ///     Test::Improved { lower_is_better: false, measure: None },
    ///     Test::AtLeast { threshold: Decimal::new(71, 2), measure: None },
    /// ] };
    /// assert_eq!(test.describe_sv(), "bättre än förra året eller minst 0,71");
    /// ```
    pub fn describe_sv(&self) -> String {
        let of = |m: &Option<String>| m.as_ref().map_or(String::new(), |m| format!(" ({m})"));
        let num = |t: &Decimal| crate::swedish::format_number(*t);
        match self {
            Test::Improved {
                lower_is_better: false,
                measure,
            } => format!("bättre än förra året{}", of(measure)),
            Test::Improved {
                lower_is_better: true,
                measure,
            } => format!("lägre än förra året{}", of(measure)),
            Test::AtLeast { threshold, measure } => {
                format!("minst {}{}", num(threshold), of(measure))
            }
            Test::AtMost { threshold, measure } => {
                format!("högst {}{}", num(threshold), of(measure))
            }
            Test::Met { measure } => format!("kravet uppfyllt{}", of(measure)),
            Test::Any { tests } => tests
                .iter()
                .map(Test::describe_sv)
                .collect::<Vec<_>>()
                .join(" eller "),
        }
    }

    /// The outcome this test reads, other than the criterion's own.
    ///
    /// ```
    /// use vardavtal::{Test, rust_decimal::Decimal};
    /// let at_least = Test::AtLeast { threshold: Decimal::new(71, 2), measure: Some("wait60".into()) };
    /// assert_eq!(at_least.measure(), Some("wait60"));
    /// assert_eq!(Test::Met { measure: None }.measure(), None); // reads the criterion's own outcome
    /// ```
    pub fn measure(&self) -> Option<&str> {
        match self {
            Test::Improved { measure, .. }
            | Test::AtLeast { measure, .. }
            | Test::AtMost { measure, .. }
            | Test::Met { measure } => measure.as_deref(),
            Test::Any { .. } => None,
        }
    }
}
