//! The JSON Schema of agreement and outcome files, generated from the types (feature
//! `schema`). The committed copy is `schema/agreement.schema.json`; a test keeps it equal
//! to what the types generate.

use crate::{Agreement, Outcomes};

/// The JSON Schema of an agreement file.
pub fn agreement_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Agreement)).unwrap_or_default()
}

/// The JSON Schema of an outcomes file.
pub fn outcomes_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Outcomes)).unwrap_or_default()
}
