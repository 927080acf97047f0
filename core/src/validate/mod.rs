//! Validation: every check on the content of agreements, returning every finding (never
//! only the first), each with a stable code, severity, location, message and context.
//!
//! Published figures are judged within their stated precision: "9,4 miljarder" stands for
//! 9.35 to 9.45 billion, "nära 3 miljarder" for 2 to 3 billion. Rounding in a press release
//! is not a finding; a real gap is, with its size.
//!
//! | code | severity | what |
//! | --- | --- | --- |
//! | `parts_do_not_sum` | warning | blocks or items that do not add up to their parent; packages whose members do not add up |
//! | `earmark_exceeds_parent` | error | an earmark larger than its parent |
//! | `funding_does_not_sum` | warning | co-funding shares that do not add up to the total |
//! | `tranches_do_not_sum` | error | tranches that do not add up to what they pay |
//! | `sources_disagree` | warning | two figures (or dates) for the same thing that cannot both be right |
//! | `missing_base`, `base_does_not_cover`, `supplement_before_base`, `base_cycle` | warning/error | supplementary agreements and their base |
//! | `dates_out_of_order` | error | payment before decision; carry-over ending before the period |
//! | `not_decided`, `frame_mismatch` | info | money subject to appropriation or only proposed; an agreed amount against its frame |
//! | `unknown_recipient`, `duplicate_id`, `negative_amount`, `rule_not_runnable`, `no_population_data`, `shares_do_not_sum` | error | input the model cannot use |
//! | `missing_figure` | info | a figure a check needs that the sources do not give |
//!
//! ```
//! use vardavtal::{Agreement, Code, validate::{validate, Checks}};
//! let a = Agreement::from_json(r#"{"id": "x", "title": "X", "kind": {"type": "base"}, "years": [2022],
//!   "amount": "100", "components": [{"id": "a", "name": "A", "amount": "60"}, {"id": "b", "name": "B", "amount": "30"}]}"#)?;
//! let findings = validate(&a, &Checks::new());
//! assert_eq!(findings[0].code, Code::PartsDoNotSum);
//! assert_eq!(findings[0].ctx["gap"], "10");
//! # Ok::<(), vardavtal::Error>(())
//! ```
//!
//! # Layout
//!
//! Validation owns every check on the *content* of agreements and packages (reading and
//! shape are [`crate::json`]'s and [`crate::agreement`]'s). The public entry is
//! [`validate`] of a [`Subject`], with [`Checks`] for what it checks beyond it; the checks live one concern a file: `figures` (negative amounts,
//! parts, earmarks, co-funding, other figures), `rules` (recipients and rules), `tranches`
//! (tranches and dates), `decision` (undecided money and frames) and `links` (duplicate ids,
//! supplements and their base, packages). Findings come out in a fixed order: per agreement
//! figures, ids, totals, components, tranches, dates, decision; then links.

use std::collections::BTreeSet;

use crate::agreement::Agreement;
use crate::catalog::{Catalog, Package};
use crate::finding::{Finding, Loc};
use crate::message::templates::validate as templates;

mod decision;
mod figures;
mod links;
mod rules;
mod tranches;

/// What [`validate`] checks beyond the agreements' own content and the links between them:
/// that every rule runs with some allocation options, and the packages (press-release
/// totals) over the agreements beyond the [`Subject`]'s own. `Checks::default()` checks
/// neither.
///
/// ```
/// use vardavtal::{catalog::catalog, Options, validate::Checks};
/// let opts = Options::default();
/// let cat = catalog();
/// let checks = Checks::new().with_options(&opts).with_packages(&cat.packages);
/// assert_eq!(checks.options, Some(&opts));
/// assert_eq!(checks.packages.len(), cat.packages.len());
/// assert_eq!(Checks::default().options, None);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq)]
#[non_exhaustive]
pub struct Checks<'a> {
    /// Check that every rule can run with these options: every error
    /// [`crate::allocate()`] gives with them (performance outcomes for every recipient and
    /// criterion, amounts in the rounding unit, strict mode, a key override) is a finding,
    /// located under the agreement's id; none is reported twice.
    pub options: Option<&'a crate::Options>,
    /// Check these packages (press-release totals over several agreements) against the
    /// agreements.
    pub packages: &'a [Package],
}

impl<'a> Checks<'a> {
    /// No checks beyond the agreements and their links (the default).
    ///
    /// ```
    /// use vardavtal::validate::Checks;
    /// assert_eq!(Checks::new(), Checks::default());
    /// ```
    pub fn new() -> Self {
        Self::default()
    }
    /// Also check that every rule runs with `options` (see [`Checks::options`]).
    ///
    /// ```
    /// use vardavtal::{Options, Unit, validate::Checks};
    /// let ore = Options::new().with_unit(Unit::Ore);
    /// assert_eq!(Checks::new().with_options(&ore).options.map(|o| o.unit), Some(Unit::Ore));
    /// ```
    pub fn with_options(mut self, options: &'a crate::Options) -> Self {
        self.options = Some(options);
        self
    }
    /// Also check `packages` against the agreements.
    ///
    /// ```
    /// use vardavtal::{catalog::catalog, validate::Checks};
    /// let cat = catalog();
    /// assert!(!Checks::new().with_packages(&cat.packages).packages.is_empty());
    /// ```
    pub fn with_packages(mut self, packages: &'a [Package]) -> Self {
        self.packages = packages;
        self
    }
}

/// Validate agreements: each one's content, the links between them (duplicate ids, a
/// supplement's base), the packages over them, and what `checks` asks for (that the rules
/// run with some options; more packages). Every finding, never only the first, in a fixed
/// order: per agreement, then links, then the options' refusals, then packages. The
/// [`Subject`] is one [`Agreement`] (`&a`), an array, a slice or a `Vec` of them, or a
/// [`Catalog`] (its agreements and packages).
///
/// ```
/// use vardavtal::{Agreement, Code, validate::{validate, Checks}};
/// let a = Agreement::from_json(r#"{"id": "x", "title": "X", "kind": {"type": "base"}, "years": [2022],
///   "components": [{"id": "a", "name": "A", "amount": "-5"}]}"#)?;
/// assert_eq!(validate(&a, &Checks::new())[0].code, Code::NegativeAmount);
/// // two agreements with one id
/// let findings = validate(&[a.clone(), a], &Checks::new());
/// assert!(findings.iter().any(|f| f.code == Code::DuplicateId));
/// # Ok::<(), vardavtal::Error>(())
/// ```
///
/// With options: 1000,50 kr cannot be split in whole kronor; in öre it can.
///
/// ```
/// use vardavtal::{Agreement, Code, Options, Unit, validate::{validate, Checks}};
/// let a = Agreement::from_json(r#"{"id": "d", "title": "D", "kind": {"type": "base"}, "years": [2022],
///   "components": [{"id": "b", "name": "B", "amount": "1000.50", "recipients": "regions", "rule": {"type": "per_capita"}}]}"#)?;
/// let finer = |f: &vardavtal::Finding| f.code == Code::AmountFinerThanUnit;
/// assert!(!validate(&a, &Checks::new()).iter().any(finer));
/// let kronor = Options::default();
/// assert!(validate(&a, &Checks::new().with_options(&kronor)).iter().any(finer));
/// let ore = Options::new().with_unit(Unit::Ore);
/// assert!(!validate(&a, &Checks::new().with_options(&ore)).iter().any(finer));
/// # Ok::<(), vardavtal::Error>(())
/// ```
///
/// The bundled catalog with its packages has notes and warnings, never an error:
///
/// ```
/// use vardavtal::{catalog::catalog, Severity, validate::{validate, Checks}};
/// let findings = validate(catalog(), &Checks::new());
/// assert!(findings.iter().all(|f| f.severity != Severity::Error));
/// // the agreements alone, without the packages over them: fewer findings
/// assert!(findings.len() > validate(&catalog().agreements, &Checks::new()).len());
/// ```
pub fn validate<S: Subject + ?Sized>(subject: &S, checks: &Checks<'_>) -> Vec<Finding> {
    let agreements = subject.agreements();
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for a in agreements {
        if !seen.insert(a.id.as_str()) {
            out.push(
                templates::AGREEMENT_ID_DUPLICATE
                    .error(Loc::root().join(a.id.as_str()))
                    .with("id", &a.id),
            );
        }
        check_agreement(a, &mut out);
    }
    links::check_links(agreements, &mut out);
    if let Some(opts) = checks.options {
        check_options(agreements, opts, &mut out);
    }
    let packages: Vec<&Package> = subject.packages().iter().chain(checks.packages).collect();
    for p in &packages {
        links::check_package(p, agreements, &packages, &mut out);
    }
    out
}

/// What [`validate`] takes: agreements, and the packages (press-release totals) over them.
/// One [`Agreement`] (`&a`), an array, a slice or a `Vec` of them has no packages; the
/// [`Catalog`] brings its own.
///
/// ```
/// use vardavtal::{Agreement, catalog::catalog, validate::Subject};
/// let a = Agreement::new("x", "X");
/// assert_eq!((a.agreements().len(), a.packages().len()), (1, 0));
/// assert_eq!([a.clone(), a].agreements().len(), 2);
/// let cat = catalog();
/// assert_eq!(cat.agreements().len(), cat.agreements.len());
/// assert!(!Subject::packages(cat).is_empty());
/// ```
pub trait Subject {
    /// The agreements, each checked on its own and with the links between them.
    ///
    /// ```
    /// use vardavtal::{Agreement, validate::Subject};
    /// let set = vec![Agreement::new("a", "A"), Agreement::new("b", "B")];
    /// let ids: Vec<&str> = set.agreements().iter().map(|a| a.id.as_str()).collect();
    /// assert_eq!(ids, ["a", "b"]);
    /// ```
    fn agreements(&self) -> &[Agreement];
    /// The packages over the agreements (none by default; a catalog's own).
    ///
    /// ```
    /// use vardavtal::{Agreement, catalog::catalog, validate::Subject};
    /// assert!(Agreement::new("a", "A").packages().is_empty());
    /// let cat = catalog();
    /// assert!(Subject::packages(cat).iter().any(|p| p.id == "overenskommelser-januari-2022"));
    /// ```
    fn packages(&self) -> &[Package] {
        &[]
    }
}

impl Subject for Agreement {
    fn agreements(&self) -> &[Agreement] {
        std::slice::from_ref(self)
    }
}

impl Subject for [Agreement] {
    fn agreements(&self) -> &[Agreement] {
        self
    }
}

impl<const N: usize> Subject for [Agreement; N] {
    fn agreements(&self) -> &[Agreement] {
        self
    }
}

impl Subject for Vec<Agreement> {
    fn agreements(&self) -> &[Agreement] {
        self
    }
}

impl Subject for Catalog {
    fn agreements(&self) -> &[Agreement] {
        &self.agreements
    }
    fn packages(&self) -> &[Package] {
        &self.packages
    }
}

/// Every error [`crate::allocate()`] gives with `opts`, located under the agreement's id,
/// unless already reported.
fn check_options(agreements: &[Agreement], opts: &crate::Options, out: &mut Vec<Finding>) {
    for a in agreements {
        if let Err(e) = crate::allocate(a, opts) {
            let at = Loc::root().join(a.id.as_str());
            for f in e.into_findings() {
                let f = f.prefixed(&at);
                if !out.iter().any(|o| o.code == f.code && o.loc == f.loc) {
                    out.push(f);
                }
            }
        }
    }
}

/// The errors of [`validate`] on one agreement, located in the agreement (without its id in
/// front): what [`crate::allocate()`] refuses before it computes anything, so that the two
/// share one contract. Allocation refuses exactly these, with the same codes and locations;
/// beyond them it refuses only what depends on its options (the rounding unit, strict mode,
/// outcomes, a key override), which [`validate`] checks with [`Checks::options`].
pub(crate) fn refusals(a: &Agreement) -> Vec<Finding> {
    let mut out = Vec::new();
    check_agreement_at(a, &Loc::root(), &mut out);
    out.retain(|f| f.severity == crate::Severity::Error);
    out
}

/// Every check on one agreement on its own, in the order the findings are reported.
fn check_agreement(a: &Agreement, out: &mut Vec<Finding>) {
    check_agreement_at(a, &Loc::root().join(a.id.as_str()), out);
}

/// [`check_agreement`], with every location under `at`.
fn check_agreement_at(a: &Agreement, at: &Loc, out: &mut Vec<Finding>) {
    let at = at.clone();
    let declared = a.declared_ids();
    figures::check_negative(a, &at, out);
    links::check_duplicate_ids(a, &at, out);
    figures::check_totals(a, &at, out);
    for (loc, c) in a.walk() {
        let loc = loc.prefixed(&at);
        figures::check_component(c, &loc, out);
        rules::check_rule(a, c, &loc, &declared, out);
        // A key-based rule that names no key gets the default: said here, as a warning.
        if let Some(n) = crate::allocate::default_key_of(a, c) {
            out.push(Finding {
                severity: crate::Severity::Warning,
                ..n.prefixed(&loc)
            });
        }
    }
    tranches::check_tranches(a, &at, out);
    tranches::check_dates(a, &at, out);
    decision::check_decision(a, &at, out);
}
