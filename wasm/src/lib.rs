//! WebAssembly skin of vardavtal: the operations of the CLI and the Python package for
//! JavaScript and TypeScript, built with wasm-bindgen.
//!
//! ```js
//! import init, { split, allocate, pivot, VardavtalError } from "./pkg-web/vardavtal_wasm.js";
//! await init();
//! const a = split("443 miljoner kronor", "population:regions:2021-11-01");
//! a.total; // "443000000"
//! try { split("12e3", "population:regions:2021-11-01"); }
//! catch (e) { if (e instanceof VardavtalError) console.log(e.code, e.loc, e.errors); }
//! ```
//!
//! # Overview
//!
//! | what | module |
//! | --- | --- |
//! | the exported functions | [`api`] |
//! | JS values in, JS values out | [`convert`] |
//! | `VardavtalError` | [`error`] |
//!
//! The skin holds no domain logic: it converts values and errors, and calls the core.
//! Amounts cross as strings; every error is a `VardavtalError` (an `Error` subclass) with
//! the finding shape `code`, `severity`, `loc`, `msg`, `ctx`, plus `errors`, every finding.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod api;
pub mod convert;
pub mod error;
