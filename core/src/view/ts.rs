//! The shapes of the JSON forms as TypeScript declarations (the optional feature `tsify`,
//! used by the WebAssembly skin): most types derive them where they are defined; this
//! module declares the few whose JSON form is written by hand (`Sek`, `When`, `Figure`,
//! `Allocation`), so the `.d.ts` of the wasm package is generated from the Rust types.
//!
//! The allocation's form is [`AllocationData`], a mirror of `Allocation`'s `Serialize`;
//! the test below checks that the mirror serialises exactly as the allocation does.

use serde::Serialize;

use crate::allocation::{Method, Pot, Row, Total};
use crate::finding::Finding;
use crate::money::{Sek, Unit};

#[cfg(feature = "tsify")]
#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const LEAVES: &str = r#"
/** An exact amount of kronor as a plain decimal string: "443000000", "4500000.5". */
export type Sek = string;
/** An exact decimal (a weight, a quota) as a string. */
export type Decimal = string;
/** A date, "YYYY-MM-DD". */
export type NaiveDate = string;
/** A date ("YYYY-MM-DD") or a month ("YYYY-MM"). */
export type When = string;
/** A figure in a file: a plain decimal string (exact, without a source) or its object form. */
export type Figure = Sek | FigureObject;
"#;

/// The JSON form of an [`Allocation`](crate::Allocation), with its totals: what its
/// `Serialize` writes (`AllocationData` in TypeScript).
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::{Key, Sek, Unit, split, view::ts::AllocationData};
let key = Key::from_arg("population:regions:2021-11-01")?;
let alloc = split(Sek::kronor(443_000_000), &key, None, Unit::Krona)?;
let data = AllocationData::from(&alloc);
assert_eq!((data.total, data.rows.len()), (Sek::kronor(443_000_000), 21));
assert_eq!(serde_json::to_value(&data)?, serde_json::to_value(&alloc)?);
# Ok::<(), Box<dyn std::error::Error>>(())
```
"#
)]
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[serde(rename = "AllocationData")]
pub struct AllocationData {
    /// The rounding unit.
    pub unit: Unit,
    /// The apportionment method.
    pub method: Method,
    /// The sum of every row.
    pub total: Sek,
    /// The pots handed out.
    pub pots: Vec<Pot>,
    /// Every amount.
    pub rows: Vec<Row>,
    /// The totals by recipient, component and date.
    pub totals: AllocationTotals,
    /// What the allocation does not cover, and why (`not_allocated`, `default_key`, `unknown_outcome`).
    pub notes: Vec<Finding>,
}

/// The totals of an [`AllocationData`].
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::{Key, Sek, Unit, split, view::ts::AllocationData};
let key = Key::from_arg("population:regions:2021-11-01")?;
let totals = AllocationData::from(&split(Sek::kronor(443_000_000), &key, None, Unit::Krona)?).totals;
assert_eq!((totals.by_recipient.len(), totals.by_component.len()), (21, 1));
assert_eq!((totals.by_recipient[0].name.as_str(), totals.by_recipient[0].amount), ("Region Stockholm", Sek::kronor(102_311_913)));
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
pub struct AllocationTotals {
    /// By recipient.
    pub by_recipient: Vec<Total>,
    /// By component.
    pub by_component: Vec<Total>,
    /// By payment date.
    pub by_date: Vec<Total>,
}

impl From<&crate::Allocation> for AllocationData {
    fn from(a: &crate::Allocation) -> Self {
        AllocationData {
            unit: a.unit,
            method: a.method,
            total: a.total(),
            pots: a.pots.clone(),
            rows: a.rows().to_vec(),
            totals: AllocationTotals {
                by_recipient: a.by_recipient(),
                by_component: a.by_component(),
                by_date: a.by_date(),
            },
            notes: a.notes.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mirror_serialises_as_the_allocation() {
        let key = crate::Key::from_arg("population:regions:2021-11-01").unwrap();
        let a = crate::split(Sek::kronor(443_000_000), &key, None, Unit::Krona).unwrap();
        assert_eq!(
            serde_json::to_string(&AllocationData::from(&a)).unwrap(),
            serde_json::to_string(&a).unwrap()
        );
    }
}
