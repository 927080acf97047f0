//! Questions across agreements and years: what one recipient gets from every agreement
//! ([`recipient`]) and what every recipient gets in one year ([`year()`]). Both read the
//! same per-component allocations of the catalog ([`money_of`]): every component whose
//! rule can run is allocated on its own, so one component that needs performance outcomes
//! does not hide the others; what cannot be allocated is kept, with why ([`Open`]).
//!
//! Between two splits: one recipient's change decomposed into the pot's change, its
//! share's change and rounding ([`change()`], [`decompose`]), with the paradoxes of largest
//! remainder ([`paradoxes`]); and every population-based pot under every bundled key date
//! ([`sensitivity()`]); a change as the skins ask for it: [`ChangeQuery`].

mod asked;
mod change;
mod recipient;
mod sensitivity;
mod year;

pub use asked::ChangeQuery;
pub use change::{Change, Side, change, decompose, paradoxes};
pub use recipient::{Line, RecipientView, recipient};
pub use sensitivity::{Mover, PotDates, Sensitivity, sensitivity};
pub use year::{YearAgreement, YearView, year};

use serde::Serialize;

use crate::agreement::{Agreement, Status};
use crate::allocation::{Allocation, Options, allocate, allocate_component};
use crate::finding::{Code, Finding};
use crate::money::Sek;

/// Money of an agreement that cannot be computed now, and why: a rule the sources do not
/// publish, performance outcomes not given, costs reimbursed afterwards.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::{Code, Options, Sek, across, input};
let a = input::agreement("okad-tillganglighet-2022")?;
let open = &across::money_of(&a, &Options::default()).open[0];
assert_eq!((open.agreement.as_str(), open.component.as_deref()), ("okad-tillganglighet-2022", Some("block-1")));
// Block 1's rule is not published.
assert_eq!((open.amount, open.why.code), (Some(Sek::kronor(2_512_600_000)), Code::NotAllocated));
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[non_exhaustive]
pub struct Open {
    /// The agreement id.
    pub agreement: String,
    /// The component id, when one component is open (else the whole agreement).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub component: Option<String>,
    /// Its amount, when stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<Sek>,
    /// Why it cannot be computed: the finding an allocation gives.
    pub why: Finding,
}

/// What may change whether money is paid: the agreement is only proposed or awaits a
/// party's approval, or the money is conditional (on an appropriation, on results).
///
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::{across::{self, Mark}, catalog::catalog};
let cat = catalog();
let a = cat.agreement("prestationsbundna-bidrag-2024").unwrap();
assert_eq!(across::marks(a, None), [Mark::Proposed, Mark::Conditional]);
assert_eq!(Mark::Pending.as_str(), "pending");
assert_eq!("conditional".parse::<Mark>()?, Mark::Conditional);
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Mark {
    /// A proposal (a budget bill): not decided.
    Proposed,
    /// Awaiting a party's approval.
    Pending,
    /// Paid on a condition stated in the agreement.
    Conditional,
}

crate::names::names!(Mark { Proposed => "proposed", Pending => "pending", Conditional => "conditional" });

/// The allocations of one agreement's components that can be computed, and the rest.
///
/// ```
/// use vardavtal::{Options, across, input};
/// let a = input::agreement("okad-tillganglighet-2022")?;
/// let money = across::money_of(&a, &Options::default());
/// assert_eq!(money.agreement.id, "okad-tillganglighet-2022");
/// let computed: Vec<&str> = money.allocations.iter().map(|al| al.pots[0].component.as_str()).collect();
/// assert_eq!(computed, ["block-2", "skr"]);
/// assert_eq!(money.open[0].component.as_deref(), Some("block-1"));
/// # Ok::<(), vardavtal::Error>(())
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct AgreementMoney<'a> {
    /// The agreement.
    pub agreement: &'a Agreement,
    /// One allocation per component whose rule ran.
    pub allocations: Vec<Allocation>,
    /// What could not be computed, and why.
    pub open: Vec<Open>,
}

/// Every component of `a` allocated on its own with `opts`, and what cannot be.
///
/// ```
/// use vardavtal::{across, input, Code, Options, Sek};
/// let a = input::agreement("okad-tillganglighet-2022")?;
/// let money = across::money_of(&a, &Options::default());
/// // Block 2 (by population) and SKR's fixed sum are allocated; block 1 is open, with why.
/// assert_eq!(money.allocations.len(), 2);
/// assert_eq!(money.allocations.iter().map(|al| al.total()).sum::<Sek>(), Sek::kronor(454_000_000));
/// assert_eq!(money.open.len(), 1);
/// let open = &money.open[0];
/// assert_eq!(open.component.as_deref(), Some("block-1"));
/// assert_eq!((open.amount, open.why.code), (Some(Sek::kronor(2_512_600_000)), Code::NotAllocated));
/// # Ok::<(), vardavtal::Error>(())
/// ```
pub fn money_of<'a>(a: &'a Agreement, opts: &Options) -> AgreementMoney<'a> {
    let mut out = AgreementMoney {
        agreement: a,
        allocations: Vec::new(),
        open: Vec::new(),
    };
    let runnable = crate::catalog::report::allocatable(a);
    for c in &runnable {
        match allocate_component(a, &c.id, opts) {
            Ok(al) => out.allocations.push(al),
            Err(e) => out
                .open
                .extend(e.into_findings().into_iter().map(|why| Open {
                    agreement: a.id.clone(),
                    component: Some(c.id.clone()),
                    amount: c.amount.as_ref().map(|f| f.value),
                    why,
                })),
        }
    }
    // What the whole agreement's allocation notes as not allocated (rules not published,
    // reimbursement, no components), where no component's own error says it already.
    if let Ok(whole) = allocate(a, opts) {
        for n in whole
            .notes
            .into_iter()
            .filter(|n| n.code == Code::NotAllocated)
        {
            let component = n.ctx.get("component").cloned();
            let known = out
                .open
                .iter()
                .any(|o| o.component.is_some() && o.component == component);
            if !known && (component.is_some() || runnable.is_empty()) {
                let amount = component
                    .as_deref()
                    .and_then(|id| a.component(id))
                    .and_then(|c| c.amount.as_ref().map(|f| f.value));
                out.open.push(Open {
                    agreement: a.id.clone(),
                    component,
                    amount: amount.or_else(|| a.amount.as_ref().map(|f| f.value)),
                    why: n,
                });
            }
        }
    }
    out
}

/// The marks of money of component `component` of `a`.
///
/// ```
/// use vardavtal::{across::{self, Mark}, catalog::catalog};
/// let cat = catalog();
/// // Signed, unconditional: no marks.
/// assert!(across::marks(cat.find_agreement("okad-tillganglighet-2022")?, None).is_empty());
/// // Kömiljarden 2019 awaits a party's approval.
/// assert_eq!(across::marks(cat.find_agreement("komiljard-2019")?, Some("prestation")), [Mark::Pending]);
/// # Ok::<(), vardavtal::Error>(())
/// ```
pub fn marks(a: &Agreement, component: Option<&str>) -> Vec<Mark> {
    let mut out = Vec::new();
    match a.status {
        Status::Proposed => out.push(Mark::Proposed),
        Status::Pending { .. } => out.push(Mark::Pending),
        Status::Signed => {}
    }
    let conditional = a
        .conditions
        .iter()
        .any(|c| c.applies_to.is_none() || c.applies_to.as_deref() == component);
    if conditional {
        out.push(Mark::Conditional);
    }
    out
}
