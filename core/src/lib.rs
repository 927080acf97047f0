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
//! let stockholm = &alloc.rows()[0];
//! assert_eq!(stockholm.name, "Region Stockholm");
//! println!("{}", stockholm.explain());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Overview
//!
//! The folders of `core/src` are the concepts; each module's doc says what it owns.
//!
//! | where | what it owns |
//! | --- | --- |
//! | [`money`] | exact amounts ([`Sek`]), the rounding unit, Swedish forms in and out ([`swedish`]: `"1,6 miljarder kronor"`) |
//! | [`model`] | agreements, components, tranches and provenance ([`agreement`]), rules ([`rule`]), recipients and groups ([`recipient`]), outcomes ([`outcomes`]), distribution keys ([`key`]), the bundled SCB data ([`reference`](mod@reference)) |
//! | [`apportion`] | the exact apportionment kernel in integers of the unit: largest remainder (the hot path), half up, truncation |
//! | [`allocate`](mod@allocate) | allocating pots, components and agreements by their rules, with explanations; [`sweep`] for fast performance what-ifs; [`compare`](mod@compare) for scenarios |
//! | [`across`] | questions across agreements and years: one recipient in every agreement ([`across::recipient`]), one year's recipients × agreements ([`across::year()`]) |
//! | [`validate`] | every check on agreements, with stable codes |
//! | [`reconcile`] | checking a published per-region table: reading it, fitting keys and roundings, per-row verdicts |
//! | [`catalog`] | the bundled real agreements, their sources and packages; the catalog [`report`] |
//! | [`input`] | one policy for reading what a user gives (JSON text, a catalog id, a path, a key spec, CSV text), for every skin; [`input::args`] for arguments given as values (the browser's objects, Python dicts) |
//! | [`view`] | every result as a table, rendered as text, HTML, CSV (plain, and for Swedish Excel) and JSON records, and as an Excel workbook (feature `xlsx`): what the CLI prints and Python and JavaScript show |
//! | [`finding`] | the one error and finding shape ([`Finding`]: `code`, `severity`, `loc`, `msg`, `ctx`) |
//! | [`message`] | texts for people in Swedish and English: the language of a call ([`message::Lang`], `--lang`), the template of every finding ([`message::templates`]) |
//!
//! Every problem — a bad input, an impossible allocation, a validation finding — has that
//! same shape, in every skin.
//!
//! ```
//! use vardavtal::{input, view::{Format, render}, Options, allocate};
//! // A catalog agreement by id, allocated, shown as the CLI shows it.
//! let a = input::agreement("okad-tillganglighet-2022")?;
//! let alloc = allocate(&a, &Options::default())?;
//! let text = String::from_utf8(render(&alloc, Format::Table)?).unwrap_or_default();
//! assert!(text.contains("443 000 000 kr") && text.contains("note: block-1"));
//! // What cannot be computed is said, not dropped: 443 of the 2 967 MSEK are allocated,
//! // block 1 has no published split, and block 2's key was chosen by default.
//! use vardavtal::Code;
//! let codes: Vec<Code> = alloc.notes.iter().map(|n| n.code).collect();
//! assert_eq!(codes, [Code::NotAllocated, Code::NotAllocated, Code::DefaultKey]);
//! // Strict mode makes both an error.
//! let strict = Options::new().with_strict(true);
//! assert_eq!(allocate(&a, &strict).unwrap_err().findings().len(), 3);
//! # Ok::<(), vardavtal::Error>(())
//! ```
//!
//! # Cookbook
//!
//! | to … | call |
//! | --- | --- |
//! | split a pot by population | [`split()`] with [`input::key`]`("population:regions:2021-11-01")` |
//! | allocate a catalog agreement | [`input::agreement`]`("okad-tillganglighet-2022")`, then [`allocate()`] |
//! | build an agreement in code | [`Agreement::new`] and its `with_*` setters, [`Component::new`], [`Rule::per_capita_by`] (see `examples/in_code.rs`) |
//! | explain one amount, in Swedish | [`Row::explain_in`]`(message::Lang::Sv)` |
//! | check an agreement | [`validate::validate`] (every finding; [`validate::Checks`] for options and packages) |
//! | check a published table | [`input::table`], then [`reconcile::reconcile`] |
//! | run many what-ifs fast | [`allocate_batch`], [`sweep`] |
//! | one recipient across agreements, one year | [`across::recipient`], [`across::year()`] |
//! | a change between two years, decomposed | [`across::ChangeQuery`], [`across::change()`] |
//! | show a result as a table, CSV or Excel | [`view::View`], [`view::render`] |
//! | match an error | [`Error::code`] against a [`Code`]; [`Error::findings`] for every problem |
//!
//! Money is [`Sek`] (exact, `+`, `-`, `Sum`); amounts in JSON are strings. The crates whose
//! types appear in signatures are re-exported: [`rust_decimal`], [`chrono`].
//!
//! # Features
//!
#![doc = document_features::document_features!()]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod across;
pub mod allocate;
pub mod apportion;
pub mod catalog;
pub mod escape;
pub mod finding;
pub mod input;
pub mod message;
pub mod model;
pub mod money;
mod names;
pub mod reconcile;
pub mod validate;
pub mod view;

// Allocation lives in `allocate/`; its old module paths stay reachable.
pub use allocate::{self as allocation, compare, sweep};
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
pub use reference::Level;
pub use rule::{Criterion, Performance, Rule, Test, Unearned};

// The crates whose types appear in the public signatures (amounts are `Decimal`s, dates
// `NaiveDate`s), so that a user names them in the versions this crate was built with.
pub use chrono;
pub use rust_decimal;

/// The Rust examples of the README, run as doctests in the repository (they read its
/// `examples/`; build.rs sets `readme_doctests` there, not in the packaged crate).
#[cfg(all(doctest, readme_doctests))]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
