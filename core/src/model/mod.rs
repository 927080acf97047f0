//! The model of an agreement and what it is split by: agreements with their components,
//! tranches, conditions and provenance ([`agreement`]), rules ([`rule`]), recipients and
//! groups ([`recipient`]), performance outcomes ([`outcomes`]), distribution keys
//! ([`key`]) and the bundled SCB reference data they are built from ([`reference`](mod@reference)).
//! The JSON Schema of agreement files is generated from these types (`schema`, with the
//! `schema` feature).

pub mod agreement;
mod build;
pub mod key;
pub mod outcomes;
pub mod recipient;
pub mod reference;
pub mod rule;
#[cfg(feature = "schema")]
pub mod schema;
