//! # vardavtal
//!
//! Exact allocation and validation of the Swedish state–SKR health care funding agreements
//! (*överenskommelser*): who gets how much of each agreement, on which rule, when, and
//! why — every krona of a pot handed out, nothing lost or invented.
//!
//! ```
//! use vardavtal::{KeySpec, Sek, Unit, split};
//! // Block 2 of "Ökad tillgänglighet 2022": 443 miljoner kronor by population.
//! let key = "population:regions:2021-11-01".parse::<KeySpec>()?.resolve()?;
//! let alloc = split("443000000".parse()?, &key, None, Unit::Krona)?;
//! assert_eq!(alloc.total(), "443000000".parse::<Sek>()?);
//! let stockholm = &alloc.rows[0];
//! assert_eq!(stockholm.name, "Region Stockholm");
//! println!("{}", stockholm.explain());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Overview
//!
//! | concept | module |
//! | --- | --- |
//! | money, rounding unit | [`money`] |
//! | regions, municipalities, population (SCB) | [`reference`] |
//! | recipients and groups | [`recipient`] |
//! | distribution keys | [`key`] |
//! | the exact apportionment (hot path) | [`apportion`] |
//! | agreements, components, tranches, provenance | [`agreement`] |
//! | rules | [`rule`] |
//! | performance outcomes | [`outcomes`] |
//! | allocation and explanations | [`allocation`] |
//! | scenario comparison | [`compare`] |
//! | errors and findings | [`finding`] |
//! | reading JSON | [`json`] |
//! | Swedish amounts | [`swedish`] |
//!
//! Every problem — a bad input, an impossible allocation, a validation finding — has the
//! same shape ([`Finding`]: `code`, `severity`, `loc`, `msg`, `ctx`).
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod allocation;
pub mod apportion;
pub mod catalog;
pub mod compare;
pub mod finding;
pub mod input;
pub mod model;
pub mod money;
mod names;
pub mod reconcile;
pub mod sweep;
pub mod validate;
pub mod view;

// The modules of the model, the catalog's report and JSON reading at the root too, where
// they have always been reachable.
pub use catalog::report;
pub use input::json;
#[cfg(feature = "schema")]
pub use model::schema;
pub use model::{agreement, key, outcomes, recipient, reference, rule};

pub use agreement::{
    Agreement, AgreementKind, Component, ComponentKind, Dated, Figure, SourceRef, Status, Tranche,
    When,
};
pub use allocation::{
    Allocation, Basis, Method, Options, Part, Pivot, PivotColumn, PivotRow, Pot, Row, Scenario,
    Total, allocate, allocate_all, allocate_batch, allocate_component, split,
};
pub use compare::{Comparison, Difference, compare};
pub use finding::{Code, Error, ErrorKind, Finding, Loc, LocPart, Result, Severity};
pub use key::{Key, KeySpec, Weight};
pub use money::swedish;
pub use money::{Sek, Unit};
pub use outcomes::{Outcome, Outcomes};
pub use recipient::{Group, RecipientId, RecipientKind};
pub use rule::{Criterion, Performance, Rule, Test, Unearned};

/// The Rust examples of the README, run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
