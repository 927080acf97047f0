//! Scenario comparison: the per-recipient difference between two allocations (another key
//! date, other outcomes, another version of an agreement).
//!
//! ```
//! use vardavtal::{compare, split, KeySpec, Unit};
//! let pot = "443000000".parse()?;
//! let a = split(pot, &"population:regions:2021-11-01".parse::<KeySpec>()?.resolve()?, None, Unit::Krona)?;
//! let b = split(pot, &"population:regions:2023-11-01".parse::<KeySpec>()?.resolve()?, None, Unit::Krona)?;
//! let cmp = compare(&a, &b);
//! assert_eq!(cmp.rows.len(), 21);
//! assert!(cmp.total_diff().value().is_zero()); // same pot, moved between regions
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::Allocation;
use crate::money::Sek;

/// One recipient's totals in two allocations.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::{Sek, Unit, compare, input, split};
// Block 2 of Ökad tillgänglighet 2022 by the population of 2021, and of 2023.
let pot = Sek::kronor(443_000_000);
let a = split(pot, &input::key("population:regions:2021-11-01")?, None, Unit::Krona)?;
let b = split(pot, &input::key("population:regions:2023-11-01")?, None, Unit::Krona)?;
let d = &compare(&a, &b).rows[0];
assert_eq!((d.recipient.as_str(), d.name.as_str()), ("01", "Region Stockholm"));
assert_eq!((d.a, d.b, d.diff), (Sek::kronor(102_311_913), Sek::kronor(103_050_073), Sek::kronor(738_160)));
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
pub struct Difference {
    /// Recipient code.
    pub recipient: String,
    /// Recipient name.
    pub name: String,
    /// Total in the first allocation (zero when absent).
    pub a: Sek,
    /// Total in the second allocation (zero when absent).
    pub b: Sek,
    /// `b − a`.
    pub diff: Sek,
}

/// The per-recipient comparison of two allocations.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::{Sek, Unit, compare, input, split};
let pot = Sek::kronor(443_000_000);
let a = split(pot, &input::key("population:regions:2021-11-01")?, None, Unit::Krona)?;
let b = split(pot, &input::key("population:regions:2023-11-01")?, None, Unit::Krona)?;
let cmp = compare(&a, &b);
// One row per region in code order; the same pot, so the differences sum to zero.
assert_eq!((cmp.rows.len(), cmp.rows[20].recipient.as_str()), (21, "25"));
assert_eq!(cmp.total_diff(), Sek::ZERO);
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[serde(deny_unknown_fields)]
pub struct Comparison {
    /// One row per recipient in either allocation, in code order.
    pub rows: Vec<Difference>,
}

impl Comparison {
    /// The sum of the differences (`total(b) − total(a)`).
    ///
    /// ```
    /// use vardavtal::{Sek, Unit, compare, input, split};
    /// let key = input::key("code,weight\n01,1\n03,1\n")?;
    /// let cmp = compare(
    ///     &split(Sek::kronor(10), &key, None, Unit::Krona)?,
    ///     &split(Sek::kronor(12), &key, None, Unit::Krona)?,
    /// );
    /// let d = &cmp.rows[1];
    /// assert_eq!((d.recipient.as_str(), d.name.as_str()), ("03", "Region Uppsala"));
    /// assert_eq!((d.a, d.b, d.diff), (Sek::kronor(5), Sek::kronor(6), Sek::kronor(1)));
    /// assert_eq!(cmp.total_diff(), Sek::kronor(2));
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn total_diff(&self) -> Sek {
        Sek(crate::money::saturating_sum(
            self.rows.iter().map(|r| r.diff.0),
        ))
    }
}

/// Compare the totals by recipient of `a` and `b`.
///
/// ```
/// use vardavtal::{Sek, Unit, compare, input, split};
/// let key = input::key("code,weight\n01,1\n03,1\n")?;
/// let a = split(Sek::kronor(10), &key, None, Unit::Krona)?; // 5, 5
/// let b = split(Sek::kronor(11), &key, None, Unit::Krona)?; // 6, 5: the tie to the first code
/// let cmp = compare(&a, &b);
/// assert_eq!(cmp.rows[0].diff, Sek::kronor(1));
/// assert_eq!(cmp.rows[1].diff, Sek::ZERO);
/// assert_eq!(cmp.total_diff(), Sek::kronor(1));
/// # Ok::<(), vardavtal::Error>(())
/// ```
pub fn compare(a: &Allocation, b: &Allocation) -> Comparison {
    let mut m: BTreeMap<String, (String, Decimal, Decimal)> = BTreeMap::new();
    for t in a.by_recipient() {
        m.entry(t.key)
            .or_insert((t.name, Decimal::ZERO, Decimal::ZERO))
            .1 += t.amount.0; // bounded by the allocation's checked total
    }
    for t in b.by_recipient() {
        m.entry(t.key)
            .or_insert((t.name, Decimal::ZERO, Decimal::ZERO))
            .2 += t.amount.0;
    }
    Comparison {
        rows: m
            .into_iter()
            .map(|(recipient, (name, a, b))| Difference {
                recipient,
                name,
                a: Sek(a),
                b: Sek(b),
                diff: Sek(b - a),
            })
            .collect(),
    }
}
