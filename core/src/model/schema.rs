//! The JSON Schema of agreement and outcome files, generated from the types (feature
//! `schema`). The committed copy is `schema/agreement.schema.json`; a test keeps it equal
//! to what the types generate.

use crate::{Agreement, Outcomes};

/// The JSON Schema of an agreement file.
///
/// ```
/// let schema = vardavtal::schema::agreement_schema();
/// assert_eq!(schema["title"], "Agreement");
/// assert_eq!(schema["required"], serde_json::json!(["id", "title", "kind", "years"]));
/// ```
pub fn agreement_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Agreement)).unwrap_or_default()
}

/// The JSON Schema of an outcomes file.
///
/// ```
/// let schema = vardavtal::schema::outcomes_schema();
/// assert_eq!(schema["title"], "Outcomes");
/// assert_eq!(schema["type"], "object");
/// ```
pub fn outcomes_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Outcomes)).unwrap_or_default()
}
