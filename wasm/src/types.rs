//! The shapes of what JavaScript passes in, as Rust types whose TypeScript declarations
//! are derived (tsify-next); the shapes of results are derived on the core's types
//! (feature `tsify` of the core), so the generated `.d.ts` follows the Rust types.

use std::collections::BTreeMap;

use serde::Serialize;
use tsify_next::Tsify;
use vardavtal::reference::{self, Level, Municipality, Region};
use vardavtal::{Agreement, Outcomes, RecipientId, Unit, Weight};

/// A key: `"population:regions:2021-11-01"`, `"population:municipalities:DATE"`,
/// `"needs:regions:2024"`, CSV text with columns `code,weight`, or `{code: weight}` with
/// weights as strings.
#[derive(Tsify)]
#[serde(untagged)]
#[allow(dead_code)]
pub enum KeyInput {
    /// A key spec or CSV text.
    Text(String),
    /// Weights by recipient code.
    Weights(BTreeMap<RecipientId, Weight>),
}

/// An agreement as JSON text, a catalog id, or an object in the agreement file format.
#[derive(Tsify)]
#[serde(untagged)]
#[allow(dead_code)]
pub enum AgreementInput {
    /// JSON text or a catalog id.
    Text(String),
    /// The agreement as an object.
    Object(Box<Agreement>),
}

/// Performance outcomes: JSON text or an object.
#[derive(Tsify)]
#[serde(untagged)]
#[allow(dead_code)]
pub enum OutcomesInput {
    /// JSON text.
    Text(String),
    /// Criterion id → recipient code → outcome.
    Object(Outcomes),
}

/// The options of `allocate` and `explain` (read by `convert::options`).
#[derive(Tsify)]
#[allow(dead_code)]
pub struct AllocateOptions {
    /// Replaces the key of key-based rules at the same level.
    #[tsify(optional)]
    key: Option<KeyInput>,
    /// Performance outcomes.
    #[tsify(optional)]
    outcomes: Option<OutcomesInput>,
    /// The rounding unit (default krona).
    #[tsify(optional)]
    unit: Option<Unit>,
}

/// What the publisher states about a table (read by `convert::statement`).
#[derive(Tsify)]
#[allow(dead_code)]
pub struct ReconcileOptions {
    /// The pot, an amount string (`"1 382 miljoner kronor"`).
    #[tsify(optional)]
    pot: Option<String>,
    /// `"population"`, `"need"` or `"fixed-plus-population:AMOUNT"`.
    #[tsify(optional)]
    rule: Option<String>,
}

/// The reference dates that have population figures, by level.
#[derive(Serialize, Tsify)]
pub struct PopulationDates {
    regions: Vec<String>,
    municipalities: Vec<String>,
}

/// The bundled SCB reference data.
#[derive(Serialize, Tsify)]
pub struct Reference {
    regions: &'static [Region],
    municipalities: &'static [Municipality],
    population_dates: PopulationDates,
}

impl Reference {
    /// The bundled data.
    pub fn bundled() -> Self {
        let dates = |l: Level| {
            reference::population_dates(l)
                .iter()
                .map(ToString::to_string)
                .collect()
        };
        Reference {
            regions: reference::regions(),
            municipalities: reference::municipalities(),
            population_dates: PopulationDates {
                regions: dates(Level::Regions),
                municipalities: dates(Level::Municipalities),
            },
        }
    }
}
