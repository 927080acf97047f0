//! The exported functions: the operations of the CLI and the Python package (split,
//! allocate, explain, compare, validate, reconcile, CSV) and the bundled data (catalog, sources,
//! reference). Each converts its inputs ([`crate::convert`]), calls the core, and returns
//! plain JS objects in the core's serde shape; every error is thrown as a `VardavtalError`.

use serde::Serialize;
use vardavtal::catalog::Catalog;
use vardavtal::reconcile::PublishedTable;
use vardavtal::reference::{self, Level, Municipality, Region};
use vardavtal::{Allocation, Code, Loc, Row, Sek};
use wasm_bindgen::prelude::*;

use crate::convert::{self, to_value};
use crate::error::{IntoJs, JsResult, invalid, to_js};

/// The version of the package (the same as the core crate's).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

fn the_catalog() -> JsResult<&'static Catalog> {
    vardavtal::catalog::catalog().js()
}

/// The bundled catalog: the source texts, every agreement and the packages.
#[wasm_bindgen(unchecked_return_type = "Catalog")]
pub fn catalog() -> JsResult<JsValue> {
    to_value(the_catalog()?).js()
}

/// One agreement of the catalog, by id (throws `unknown_component` when there is none).
#[wasm_bindgen(unchecked_return_type = "Agreement")]
pub fn agreement(id: &str) -> JsResult<JsValue> {
    match the_catalog()?.agreement(id) {
        Some(a) => to_value(a).js(),
        None => Err(to_js(
            &invalid(
                Code::UnknownComponent,
                Loc::root().join(id),
                format!("the catalog has no agreement {id:?}"),
            )
            .with("id", id),
        )),
    }
}

/// The source texts the catalog's figures are quoted from.
#[wasm_bindgen(unchecked_return_type = "Source[]")]
pub fn sources() -> JsResult<JsValue> {
    to_value(&the_catalog()?.sources).js()
}

/// One source of the catalog, by id, with its full text.
#[wasm_bindgen(unchecked_return_type = "Source")]
pub fn source(id: &str) -> JsResult<JsValue> {
    match the_catalog()?.source(id) {
        Some(s) => to_value(s).js(),
        None => Err(to_js(
            &invalid(
                Code::InvalidValue,
                Loc::root().join(id),
                format!("the catalog has no source {id:?}"),
            )
            .with("id", id),
        )),
    }
}

#[derive(Serialize)]
struct PopulationDates {
    regions: Vec<String>,
    municipalities: Vec<String>,
}

#[derive(Serialize)]
struct Reference {
    regions: &'static [Region],
    municipalities: &'static [Municipality],
    population_dates: PopulationDates,
}

/// The bundled SCB reference data: the regions, the municipalities and the reference
/// dates that have population figures (for keys `population:LEVEL:DATE`).
#[wasm_bindgen(unchecked_return_type = "Reference")]
pub fn reference() -> JsResult<JsValue> {
    let dates = |l: Level| {
        reference::population_dates(l)
            .iter()
            .map(ToString::to_string)
            .collect()
    };
    to_value(&Reference {
        regions: reference::regions(),
        municipalities: reference::municipalities(),
        population_dates: PopulationDates {
            regions: dates(Level::Regions),
            municipalities: dates(Level::Municipalities),
        },
    })
    .js()
}

/// Resolve a key: its description, sources, recipients and weights.
#[wasm_bindgen(js_name = resolveKey, unchecked_return_type = "ResolvedKey")]
pub fn resolve_key(
    #[wasm_bindgen(unchecked_param_type = "KeyInput")] key: JsValue,
) -> JsResult<JsValue> {
    to_value(&convert::key(&key).js()?).js()
}

/// An amount given by a person (`"443 miljoner kronor"`, `"1,6 miljarder"`) as a plain
/// decimal string (`"443000000"`).
#[wasm_bindgen(js_name = parseAmount)]
pub fn parse_amount(
    #[wasm_bindgen(unchecked_param_type = "string")] amount: JsValue,
) -> JsResult<String> {
    convert::amount(&amount, "amount")
        .map(|s| s.to_string())
        .js()
}

/// An amount (a plain decimal string) written the Swedish way: `"1 382 000 000 kr"`.
#[wasm_bindgen(js_name = formatKr)]
pub fn format_kr(
    #[wasm_bindgen(unchecked_param_type = "string")] amount: JsValue,
) -> JsResult<String> {
    let s: Sek = convert::amount(&amount, "amount").js()?;
    Ok(vardavtal::swedish::format_kr(s.value()))
}

/// Split `amount` by `key` in whole `unit`s by largest remainder, optionally giving `each`
/// to every recipient first. The rows sum exactly to the amount.
#[wasm_bindgen(unchecked_return_type = "Allocation")]
pub fn split(
    #[wasm_bindgen(unchecked_param_type = "string")] amount: JsValue,
    #[wasm_bindgen(unchecked_param_type = "KeyInput")] key: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "string")] each: Option<JsValue>,
    #[wasm_bindgen(unchecked_optional_param_type = "Unit")] unit: Option<JsValue>,
) -> JsResult<JsValue> {
    let pot = convert::amount(&amount, "amount").js()?;
    let key = convert::key(&key).js()?;
    let each = convert::opt_amount(&each.unwrap_or(JsValue::UNDEFINED), "each").js()?;
    let unit = convert::unit(&unit.unwrap_or(JsValue::UNDEFINED)).js()?;
    to_value(&vardavtal::split(pot, &key, each, unit).js()?).js()
}

fn allocation(agreement: &JsValue, options: Option<JsValue>) -> JsResult<Allocation> {
    let a = convert::agreement(agreement).js()?;
    let opts = convert::options(&options.unwrap_or(JsValue::UNDEFINED)).js()?;
    vardavtal::allocate(&a, &opts).js()
}

/// Allocate every component of an agreement (JSON text or object), by tranche, with an
/// optional replacement key, performance outcomes and rounding unit.
#[wasm_bindgen(unchecked_return_type = "Allocation")]
pub fn allocate(
    #[wasm_bindgen(unchecked_param_type = "AgreementInput")] agreement: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "AllocateOptions")] options: Option<JsValue>,
) -> JsResult<JsValue> {
    to_value(&allocation(&agreement, options)?).js()
}

/// The explanation of every amount of an agreement's allocation (or of one recipient's),
/// one sentence per row, in the order of `allocate(…).rows`.
#[wasm_bindgen(unchecked_return_type = "string[]")]
pub fn explain(
    #[wasm_bindgen(unchecked_param_type = "AgreementInput")] agreement: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "AllocateOptions")] options: Option<JsValue>,
    #[wasm_bindgen(unchecked_optional_param_type = "string")] recipient: Option<String>,
) -> JsResult<JsValue> {
    let alloc = allocation(&agreement, options)?;
    let lines: Vec<String> = alloc
        .rows
        .iter()
        .filter(|r| {
            recipient
                .as_deref()
                .is_none_or(|x| r.recipient.as_str() == x)
        })
        .map(Row::explain)
        .collect();
    to_value(&lines).js()
}

/// The explanation of one row of an allocation returned earlier.
#[wasm_bindgen(js_name = explainRow)]
pub fn explain_row(#[wasm_bindgen(unchecked_param_type = "Row")] row: JsValue) -> JsResult<String> {
    Ok(convert::from_value::<Row>(row, "row").js()?.explain())
}

/// An allocation as a table: recipients × pots (component and tranche), with totals.
#[wasm_bindgen(unchecked_return_type = "Pivot")]
pub fn pivot(
    #[wasm_bindgen(unchecked_param_type = "Allocation")] allocation: JsValue,
) -> JsResult<JsValue> {
    to_value(
        &convert::from_value::<Allocation>(allocation, "allocation")
            .js()?
            .pivot(),
    )
    .js()
}

/// An allocation as CSV text (the core's `Allocation::to_csv`): a header, then
/// `code,name,amount,agreement,component,tranche,date,part,criterion,quota,weight,pot` per row.
#[wasm_bindgen(js_name = allocationCsv)]
pub fn allocation_csv(
    #[wasm_bindgen(unchecked_param_type = "Allocation")] allocation: JsValue,
) -> JsResult<String> {
    Ok(convert::from_value::<Allocation>(allocation, "allocation")
        .js()?
        .to_csv())
}

/// Check a published per-region table (CSV, or text pasted from a web page or a PDF)
/// against the model, optionally with the pot and the rule the publisher states: do the rows
/// add up, which regions are missing, repeated or unknown, which amounts have an irregular
/// digit grouping, which bundled key and rounding reproduce the table, and the verdict on
/// every row. Returns the core's reconciliation with `report`, its text for a reader.
#[wasm_bindgen(unchecked_return_type = "ReconcileResult")]
pub fn reconcile(
    #[wasm_bindgen(js_name = tableText, unchecked_param_type = "string")] table_text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ReconcileOptions")] options: Option<JsValue>,
) -> JsResult<JsValue> {
    let text = convert::table_text(&table_text).js()?;
    let statement = convert::statement(&options.unwrap_or(JsValue::UNDEFINED)).js()?;
    let table = PublishedTable::parse("table", &text).js()?;
    let rec = vardavtal::reconcile::reconcile(&table, &statement);
    let out = to_value(&rec).js()?;
    js_sys::Reflect::set(
        &out,
        &JsValue::from_str("report"),
        &JsValue::from_str(&rec.to_string()),
    )?;
    Ok(out)
}

/// The per-recipient difference `b − a` between two allocations (another key date,
/// other outcomes, another version of an agreement).
#[wasm_bindgen(unchecked_return_type = "Comparison")]
pub fn compare(
    #[wasm_bindgen(unchecked_param_type = "Allocation")] a: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Allocation")] b: JsValue,
) -> JsResult<JsValue> {
    let a: Allocation = convert::from_value(a, "a").js()?;
    let b: Allocation = convert::from_value(b, "b").js()?;
    to_value(&vardavtal::compare(&a, &b)).js()
}

/// Validate one agreement or an array of them (with the links between them): every
/// finding, never only the first. Throws only when an agreement cannot be read.
#[wasm_bindgen(unchecked_return_type = "Finding[]")]
pub fn validate(
    #[wasm_bindgen(unchecked_param_type = "AgreementInput | AgreementInput[]")] agreements: JsValue,
) -> JsResult<JsValue> {
    let list = convert::agreements(&agreements).js()?;
    to_value(&vardavtal::validate::validate_all(&list)).js()
}

/// Validate the bundled catalog.
#[wasm_bindgen(js_name = validateCatalog, unchecked_return_type = "Finding[]")]
pub fn validate_catalog() -> JsResult<JsValue> {
    to_value(&vardavtal::validate::validate_catalog()).js()
}
