//! The report over the catalog: for each agreement, its components and figures with their
//! sources, the per-region allocation where its rule allows one, and its findings — each
//! in a line a person understands. Also the provenance look-up behind `vardavtal source`.
//!
//! ```
//! let cat = vardavtal::catalog::catalog();
//! let r = vardavtal::report::report(cat, Some(2022));
//! let text = r.to_string();
//! assert!(text.contains("okad-tillganglighet-2022"));
//! assert!(text.contains("Region Uppsala"));
//! # Ok::<(), vardavtal::Error>(())
//! ```

use std::fmt;

use serde::Serialize;

use crate::agreement::{Agreement, Component, Figure};
use crate::allocation::{Allocation, Options, allocate_component};
use crate::catalog::receipts::Receipt;
use crate::catalog::{Catalog, Source};
use crate::finding::{Finding, Loc, LocPart, Result};
use crate::message::Lang;
use crate::message::templates::validate as templates;
use crate::rule::Rule;
use crate::swedish::format_kr;
use crate::view::words::{self, pick};

/// One component, as a line of the report.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::{Sek, catalog::catalog, report};
let a = catalog().find_agreement("okad-tillganglighet-2022")?;
let line = &report::component_lines(a)[1];
assert_eq!((line.depth, line.id.as_str(), line.name.as_str()), (1, "block-2", "Block 2: utvecklingsblocket"));
assert_eq!(line.amount.as_ref().map(|f| f.value), Some(Sek::kronor(443_000_000)));
assert_eq!(line.rule.as_deref(), Some("by population"));
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
pub struct ComponentLine {
    /// Depth in the tree (1 = top level).
    pub depth: usize,
    /// Component id.
    pub id: String,
    /// Swedish name.
    pub name: String,
    /// Block, item or earmark.
    pub kind: String,
    /// The amount, with its source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<Figure>,
    /// Who it pays.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recipients: Option<String>,
    /// The rule.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
}

/// The allocation of one component, or why it cannot be made.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::{Code, catalog::catalog, report};
// Kömiljarden 2019: the performance part needs outcomes the catalog does not have.
let r = report::report(catalog(), Some(2019));
let komi = r.agreements.iter().find(|a| a.agreement.id == "komiljard-2019").unwrap();
let prestation = komi.allocations.iter().find(|c| c.component == "prestation").unwrap();
assert!(prestation.allocation.is_none());
assert_eq!(prestation.errors[0].code, Code::MissingOutcomes);
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
pub struct ComponentAllocation {
    /// Component id.
    pub component: String,
    /// The allocation, when it could be made.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allocation: Option<Allocation>,
    /// Why it could not be made.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<Finding>,
}

/// One agreement in the report.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::{Code, catalog::catalog, report};
let r = report::report(catalog(), Some(2019));
let a = r.agreements.iter().find(|a| a.agreement.id == "forlossningsvard-2019").unwrap();
assert_eq!((a.components.len(), a.allocations.len(), a.receipts.len()), (1, 1, 1));
assert_eq!(a.receipts[0].finding.code, Code::TableNotReproduced);
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
pub struct AgreementReport {
    /// The agreement.
    pub agreement: Agreement,
    /// Its components, depth first.
    pub components: Vec<ComponentLine>,
    /// The allocations its rules allow.
    pub allocations: Vec<ComponentAllocation>,
    /// Its published per-region tables, each checked against the model.
    pub receipts: Vec<Receipt>,
    /// Its findings.
    pub findings: Vec<Finding>,
}

/// The report over the catalog (or the agreements of one year).
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::{Code, catalog::catalog, report};
let r = report::report(catalog(), Some(2022));
assert_eq!(r.year, Some(2022));
assert!(r.agreements.iter().all(|a| a.agreement.usable_in(2022)));
// The members of "Nära 11 miljarder kronor" sum to 11 006 miljoner kronor.
assert_eq!(r.package_findings[0].code, Code::PartsDoNotSum);
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
pub struct Report {
    /// The year, when the report is for one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// The agreements.
    pub agreements: Vec<AgreementReport>,
    /// Findings on the packages (press-release totals) of the year.
    pub package_findings: Vec<Finding>,
}

/// The components of an agreement as report lines.
///
/// ```
/// use vardavtal::{catalog::catalog, report};
/// let a = catalog().agreement("okad-tillganglighet-2022").unwrap();
/// let lines = report::component_lines(a);
/// let ids: Vec<_> = lines.iter().map(|l| (l.depth, l.id.as_str(), l.kind.as_str())).collect();
/// assert_eq!(ids[..2], [(1, "block-1", "block"), (1, "block-2", "block")]);
/// assert_eq!(lines[0].recipients.as_deref(), Some("all 21 regions"));
/// # Ok::<(), vardavtal::Error>(())
/// ```
pub fn component_lines(a: &Agreement) -> Vec<ComponentLine> {
    a.walk()
        .into_iter()
        .map(|(loc, c)| ComponentLine {
            depth: loc.0.len() / 2,
            id: c.id.clone(),
            name: c.name.clone(),
            kind: format!("{:?}", c.kind).to_lowercase(),
            amount: c.amount.clone(),
            recipients: c.recipients.as_ref().map(crate::Group::describe),
            rule: c.rule.as_ref().map(describe_rule),
        })
        .collect()
}

fn describe_rule(r: &Rule) -> String {
    describe_rule_in(r, Lang::En)
}

/// A rule in words, in `lang` (the English one is kept in [`ComponentLine::rule`]).
fn describe_rule_in(r: &Rule, lang: Lang) -> String {
    if lang == Lang::Sv {
        return describe_rule_sv(r);
    }
    match r {
        Rule::PerCapita { key: Some(k) } => format!("by population ({k})"),
        Rule::PerCapita { key: None } => "by population".into(),
        Rule::ByNeed { key } => format!(
            "by care need ({})",
            key.as_ref()
                .map_or("needs:regions:2024".into(), ToString::to_string)
        ),
        Rule::Fixed { recipient } => format!("whole amount to {recipient}"),
        Rule::Equal {} => "equal parts".into(),
        Rule::FixedPlusKey { each, .. } => format!(
            "{} per recipient, the rest by population",
            format_kr(each.0)
        ),
        Rule::Performance(p) => format!(
            "on performance: {}; unearned money {}",
            p.criteria
                .iter()
                .map(|c| format!("{} ({})", c.id, c.test.describe()))
                .collect::<Vec<_>>()
                .join("; "),
            match p.unearned {
                crate::Unearned::BonusPot => "goes to a bonus pot",
                crate::Unearned::ReturnToState => "returns to the state",
            }
        ),
        Rule::Reimbursement {} => "reimbursement of actual costs".into(),
        Rule::Unpublished { needs, .. } => format!("not published (needs {needs})"),
    }
}

fn describe_rule_sv(r: &Rule) -> String {
    let key = |k: &Option<crate::KeySpec>, default: &str| {
        let k = k.as_ref().map_or(default.to_owned(), ToString::to_string);
        crate::message::with_lang(Lang::Sv, || words::key(&k))
    };
    match r {
        Rule::PerCapita { key: Some(k) } => {
            format!("per invånare ({})", key(&Some(k.clone()), ""))
        }
        Rule::PerCapita { key: None } => "per invånare".into(),
        Rule::ByNeed { key: k } => format!("efter vårdbehov ({})", key(k, "needs:regions:2024")),
        Rule::Fixed { recipient } => format!("hela beloppet till {recipient}"),
        Rule::Equal {} => "lika delar".into(),
        Rule::FixedPlusKey { each, .. } => format!(
            "{} per mottagare, resten efter befolkning",
            format_kr(each.0)
        ),
        Rule::Performance(p) => format!(
            "efter prestation: {}; pengar som inte uppnås {}",
            p.criteria
                .iter()
                .map(|c| format!("{} ({})", c.id, c.test.describe_sv()))
                .collect::<Vec<_>>()
                .join("; "),
            match p.unearned {
                crate::Unearned::BonusPot => "går till en bonuspott",
                crate::Unearned::ReturnToState => "går tillbaka till staten",
            }
        ),
        Rule::Reimbursement {} => "ersättning för faktiska kostnader".into(),
        Rule::Unpublished { needs, needs_sv } => {
            format!(
                "inte publicerad (kräver {})",
                needs_sv.as_deref().unwrap_or(needs)
            )
        }
    }
}

/// Components whose rule allows an allocation ahead of time: the first with a rule on
/// each branch, other than reimbursement and unpublished rules.
pub(crate) fn allocatable(a: &Agreement) -> Vec<&Component> {
    fn go<'a>(cs: &'a [Component], out: &mut Vec<&'a Component>) {
        for c in cs {
            match &c.rule {
                None => go(&c.components, out),
                Some(Rule::Reimbursement {} | Rule::Unpublished { .. }) => {}
                Some(_) => out.push(c),
            }
        }
    }
    let mut out = Vec::new();
    go(&a.components, &mut out);
    out
}

/// Build the report for the catalog, for one year or all.
///
/// ```
/// use vardavtal::{catalog::catalog, report, Sek};
/// let r = report::report(catalog(), Some(2022));
/// assert_eq!((r.year, r.agreements.len()), (Some(2022), 15));
/// let okad = r.agreements.iter().find(|a| a.agreement.id == "okad-tillganglighet-2022").unwrap();
/// // The allocations its rules allow, per component, or why not.
/// let allocated: Vec<_> = okad.allocations.iter()
///     .map(|c| (c.component.as_str(), c.allocation.as_ref().map(|al| al.total())))
///     .collect();
/// assert_eq!(allocated, [("block-2", Some(Sek::kronor(443_000_000))), ("skr", Some(Sek::kronor(11_000_000)))]);
/// # Ok::<(), vardavtal::Error>(())
/// ```
pub fn report(catalog: &Catalog, year: Option<i32>) -> Report {
    let findings = crate::validate::validate(catalog, &Default::default());
    let first_key = |f: &Finding| match f.loc.0.first() {
        Some(LocPart::Key(k)) => k.clone(),
        _ => String::new(),
    };
    let agreements = catalog
        .agreements
        .iter()
        .filter(|a| year.is_none_or(|y| a.usable_in(y)))
        .map(|a| AgreementReport {
            agreement: a.clone(),
            components: component_lines(a),
            allocations: allocatable(a)
                .into_iter()
                .map(
                    |c| match allocate_component(a, &c.id, &Options::default()) {
                        Ok(x) => ComponentAllocation {
                            component: c.id.clone(),
                            allocation: Some(x),
                            errors: Vec::new(),
                        },
                        Err(e) => ComponentAllocation {
                            component: c.id.clone(),
                            allocation: None,
                            errors: e.into_findings(),
                        },
                    },
                )
                .collect(),
            receipts: crate::catalog::receipts::receipts_of(catalog, &a.id),
            findings: findings
                .iter()
                .filter(|f| first_key(f) == a.id)
                .cloned()
                .collect(),
        })
        .collect();
    let package_findings = findings
        .iter()
        .filter(|f| first_key(f) == "packages")
        .filter(|f| {
            year.is_none_or(|y| {
                let id = match f.loc.0.get(1) {
                    Some(LocPart::Key(k)) => k.as_str(),
                    _ => "",
                };
                catalog
                    .packages
                    .iter()
                    .any(|p| p.id == id && p.year.is_none_or(|py| py == y))
            })
        })
        .cloned()
        .collect();
    Report {
        year,
        agreements,
        package_findings,
    }
}

/// Who pays what (state money and co-funding apart), the conditions and the frames.
fn write_terms(f: &mut fmt::Formatter<'_>, a: &crate::Agreement) -> fmt::Result {
    if a.funding
        .iter()
        .any(|x| x.payer != crate::agreement::Payer::State)
    {
        write!(f, "   {}: ", pick("funding", "finansiering"))?;
        for (i, x) in a.funding.iter().enumerate() {
            let who = match x.payer {
                crate::agreement::Payer::State => pick("the state", "staten"),
                crate::agreement::Payer::Regions => {
                    pick("the regions (co-funding)", "regionerna (medfinansiering)")
                }
                crate::agreement::Payer::Municipalities => pick(
                    "the municipalities (co-funding)",
                    "kommunerna (medfinansiering)",
                ),
            };
            write!(f, "{}{who} ", if i > 0 { "; " } else { "" })?;
            match &x.amount {
                Some(fig) => write_figure(f, fig)?,
                None => write!(
                    f,
                    "{}",
                    pick("(amount not published)", "(beloppet inte publicerat)")
                )?,
            }
        }
        writeln!(f)?;
    }
    for c in &a.conditions {
        let what = match c.kind {
            crate::agreement::ConditionKind::Appropriation => pick(
                "subject to parliament's appropriation",
                "under förutsättning att riksdagen anvisar medel",
            ),
            crate::agreement::ConditionKind::Performance => pick(
                "paid only when results are shown",
                "betalas bara när resultat visas",
            ),
            crate::agreement::ConditionKind::Reporting => pick(
                "paid only when the recipients report",
                "betalas bara när mottagarna rapporterar",
            ),
        };
        let to = c
            .applies_to
            .as_deref()
            .map_or(String::new(), |x| format!(" ({x})"));
        writeln!(f, "   {}: {what}{to}", pick("condition", "villkor"))?;
    }
    for fr in &a.frames {
        write!(f, "   {} {}: ", pick("frame", "ram"), fr.id)?;
        write_figure(f, &fr.per_year)?;
        let years: Vec<String> = fr.years.iter().map(ToString::to_string).collect();
        writeln!(f, " {}, {}", pick("per year", "per år"), years.join(", "))?;
    }
    Ok(())
}

/// Where a component's rule is stated: ` (source: "quote")`, or marked inferred.
fn write_rule_source(f: &mut fmt::Formatter<'_>, src: &crate::SourceRef) -> fmt::Result {
    match &src.inferred {
        None => write!(f, " ({}: {:?})", src.source, src.quote),
        // How it was inferred is written in English in the catalog: shown in English only.
        Some(how) if !words::sv() => write!(
            f,
            " (inferred, not stated, from {}: {:?}; {how})",
            src.source, src.quote
        ),
        Some(_) => write!(
            f,
            " (härlett, inte angivet, ur {}: {:?})",
            src.source, src.quote
        ),
    }
}

/// An amount with its sign (`+1 kr`, `-1 kr`).
fn signed(s: crate::Sek) -> String {
    if s.0.is_sign_positive() && !s.0.is_zero() {
        format!("+{}", format_kr(s.0))
    } else {
        format_kr(s.0)
    }
}

fn write_figure(f: &mut fmt::Formatter<'_>, fig: &Figure) -> fmt::Result {
    write!(f, "{}", fig.cite())
}

impl fmt::Display for AgreementReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_heading(f)?;
        write_terms(f, &self.agreement)?;
        self.write_components(f)?;
        self.write_allocations(f)?;
        self.write_receipts(f)?;
        for x in &self.findings {
            writeln!(
                f,
                "   {}[{}] {}",
                words::severity(x.severity),
                x.code,
                x.message(Lang::current())
            )?;
        }
        Ok(())
    }
}

impl AgreementReport {
    /// The heading line (id, title, years, kind, status) and the total with its figures.
    fn write_heading(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let a = &self.agreement;
        let mut years = match (a.years.iter().min(), a.years.iter().max()) {
            (Some(x), Some(y)) if x != y => format!("{x}–{y}"),
            (Some(x), _) => x.to_string(),
            _ => "?".into(),
        };
        if let Some(c) = &a.carry_over {
            years.push_str(&format!(
                ", {} {}",
                pick("may be used until", "får användas till och med"),
                words::day(c.until)
            ));
        }
        let status = match &a.status {
            crate::Status::Signed => pick("signed", "undertecknad").to_owned(),
            crate::Status::Pending { party } => format!(
                "{} {party}",
                pick("pending approval by", "väntar på godkännande av")
            ),
            crate::Status::Proposed => pick("proposed", "föreslagen").to_owned(),
        };
        let kind = match &a.kind {
            crate::AgreementKind::Supplementary { base } => {
                format!("{} {base}", pick("supplementary to", "tillägg till"))
            }
            k if words::sv() => words::name("kind", k.as_str()).to_owned(),
            k => k.as_str().replace('_', " "),
        };
        let total = pick("total", "totalt");
        writeln!(f, "## {} — {} ({years}; {kind}; {status})", a.id, a.title)?;
        match &a.amount {
            Some(fig) => {
                write!(f, "   {total}: ")?;
                write_figure(f, fig)?;
                for o in &a.other_figures {
                    write!(f, "; {} ", pick("also", "även"))?;
                    write_figure(f, o)?;
                }
                writeln!(f)?;
            }
            None => writeln!(
                f,
                "   {total}: {}",
                pick("not published", "inte publicerat")
            )?,
        }
        Ok(())
    }

    /// One line per component: amount, recipients and rule.
    fn write_components(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let a = &self.agreement;
        let lang = Lang::current();
        let walked = a.walk();
        for (i, c) in self.components.iter().enumerate() {
            // the component itself, for its rule in the language of texts now
            let own = walked.get(i).map(|(_, x)| *x).filter(|x| x.id == c.id);
            let indent = "   ".repeat(c.depth);
            let kind = words::name("kind", &c.kind);
            write!(f, "{indent}- {} ({}, {kind}): ", c.id, c.name)?;
            match &c.amount {
                Some(fig) => write_figure(f, fig)?,
                None => write!(
                    f,
                    "{}",
                    pick("amount not published", "beloppet inte publicerat")
                )?,
            }
            if let Some(r) = &c.recipients {
                write!(
                    f,
                    "; {} {}",
                    pick("to", "till"),
                    words::for_people("recipients", r)
                )?;
            }
            let rule = match own.and_then(|x| x.rule.as_ref()) {
                Some(r) if lang != Lang::En => Some(describe_rule_in(r, lang)),
                _ => c.rule.clone(),
            };
            if let Some(r) = &rule {
                write!(f, "; {r}")?;
            }
            if let Some(src) = own
                .filter(|x| x.rule.is_some())
                .and_then(|x| x.sources.first())
            {
                write_rule_source(f, src)?;
            }
            writeln!(f)?;
        }
        Ok(())
    }

    /// Whether a published table exists and whether the model reproduces it, with the rows
    /// that differ.
    fn write_receipts(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let allocated = self.allocations.iter().any(|a| a.allocation.is_some());
        if allocated && self.receipts.is_empty() {
            writeln!(
                f,
                "   {}",
                pick(
                    "no published per-region table is bundled",
                    "ingen publicerad tabell per region medföljer"
                )
            )?;
        }
        for r in &self.receipts {
            let x = &r.finding;
            let sev = words::severity(x.severity);
            writeln!(f, "   {sev}[{}] {}", x.code, x.message(Lang::current()))?;
            for d in &r.differences {
                writeln!(
                    f,
                    "      {:>4} {:<28} {} {:>18}, {} {:>18} ({})",
                    d.recipient.as_str(),
                    d.name,
                    pick("published", "publicerat"),
                    format_kr(d.published.0),
                    pick("model", "modellen"),
                    format_kr(d.model.0),
                    signed(d.diff)
                )?;
            }
        }
        Ok(())
    }

    /// Each allocation made, per recipient with its total, or why it could not be made.
    fn write_allocations(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let total = pick("total", "totalt");
        for ca in &self.allocations {
            match &ca.allocation {
                Some(al) => {
                    let how = al.pots.first().map_or(String::new(), |p| {
                        let rule = words::name("rule", &p.rule);
                        match (&p.key, words::sv()) {
                            (Some(k), false) => format!("{rule} by {k}"),
                            (Some(k), true) => format!("{rule}, {}", words::key(k)),
                            (None, _) => rule.to_owned(),
                        }
                    });
                    writeln!(
                        f,
                        "   {} {} ({how}):",
                        pick("allocation of", "fördelning av"),
                        ca.component
                    )?;
                    for t in al.by_recipient() {
                        writeln!(
                            f,
                            "      {:>4} {:<28} {:>18}",
                            t.key,
                            t.name,
                            format_kr(t.amount.0)
                        )?;
                    }
                    writeln!(
                        f,
                        "      {:>4} {:<28} {:>18}",
                        "",
                        total,
                        format_kr(al.total().0)
                    )?;
                }
                None => {
                    for e in &ca.errors {
                        writeln!(
                            f,
                            "   {} {}: {}",
                            pick("cannot allocate", "kan inte fördela"),
                            ca.component,
                            e.message(Lang::current())
                        )?;
                    }
                }
            }
        }
        Ok(())
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", words::report_heading(self.year))?;
        for a in &self.agreements {
            writeln!(f)?;
            write!(f, "{a}")?;
        }
        if !self.package_findings.is_empty() {
            writeln!(f)?;
            writeln!(
                f,
                "## {}",
                pick("Press-release totals", "Summor i pressmeddelanden")
            )?;
            for x in &self.package_findings {
                writeln!(
                    f,
                    "   {}[{}] {}",
                    words::severity(x.severity),
                    x.code,
                    x.message(Lang::current())
                )?;
            }
        }
        Ok(())
    }
}

/// One figure with where it comes from.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::{Sek, catalog::catalog, report};
let c = &report::citations(catalog(), "okad-tillganglighet-2022/block-2")?[0];
assert_eq!((c.what.as_str(), c.figure.value), ("okad-tillganglighet-2022/block-2", Sek::kronor(443_000_000)));
assert_eq!(c.source_title.as_deref(), Some("Överenskommelser mellan SKR och regeringen inom vård och omsorg (Sveriges Kommuner och Regioner (SKR), 2022-08-15)"));
assert!(c.context.as_deref().is_some_and(|l| l.starts_with("Block 2, utvecklingsblocket på 443 miljoner kronor")));
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
pub struct Citation {
    /// What the figure is (`"okad-tillganglighet-2022/block-1 amount"`).
    pub what: String,
    /// The figure.
    pub figure: Figure,
    /// The source's headline and publisher.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_title: Option<String>,
    /// The line of the source text that holds the quote.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
}

/// The figures behind a catalog id (`AGREEMENT`, `AGREEMENT/COMPONENT` or a package id),
/// each with its source and the line of the source text that states it.
///
/// ```
/// let cat = vardavtal::catalog::catalog();
/// let c = vardavtal::report::citations(cat, "okad-tillganglighet-2022")?;
/// assert!(c[0].context.as_deref().unwrap_or("").contains("2 967 miljoner kronor"));
/// # Ok::<(), vardavtal::Error>(())
/// ```
///
/// # Errors
/// Located at `id`: `unknown_component` for `AGREEMENT/COMPONENT` when the agreement has
/// no such component; `unknown_agreement` (`catalog_id_unknown`) for an id that is neither
/// an agreement nor a package of the catalog.
pub fn citations(catalog: &Catalog, id: &str) -> Result<Vec<Citation>> {
    let (aid, cid) = match id.split_once('/') {
        Some((a, c)) => (a, Some(c)),
        None => (id, None),
    };
    let mut figs: Vec<(String, &Figure)> = Vec::new();
    if let Some(a) = catalog.agreement(aid) {
        match cid {
            None => {
                figs.extend(a.amount.iter().map(|f| (format!("{aid} total"), f)));
                figs.extend(
                    a.other_figures
                        .iter()
                        .map(|f| (format!("{aid} total (other source)"), f)),
                );
                for fu in &a.funding {
                    figs.extend(
                        fu.amount.iter().map(|f| {
                            (format!("{aid} funding by {:?}", fu.payer).to_lowercase(), f)
                        }),
                    );
                }
                for (_, c) in a.walk() {
                    figs.extend(c.amount.iter().map(|f| (format!("{aid}/{}", c.id), f)));
                    figs.extend(
                        c.other_figures
                            .iter()
                            .map(|f| (format!("{aid}/{} (other source)", c.id), f)),
                    );
                }
                for t in &a.tranches {
                    figs.extend(
                        t.amount
                            .iter()
                            .map(|f| (format!("{aid} tranche {} of {}", t.id, t.component), f)),
                    );
                }
                for fr in &a.frames {
                    figs.push((format!("{aid} frame {} per year", fr.id), &fr.per_year));
                }
            }
            Some(c) => {
                let comp = a.component(c).ok_or_else(|| {
                    templates::CATALOG_COMPONENT_UNKNOWN
                        .error(Loc::root().join(id))
                        .with("agreement", aid)
                        .with("component", c)
                        .into_error()
                })?;
                figs.extend(comp.amount.iter().map(|f| (format!("{aid}/{c}"), f)));
                figs.extend(
                    comp.other_figures
                        .iter()
                        .map(|f| (format!("{aid}/{c} (other source)"), f)),
                );
            }
        }
    } else if let Some(p) = catalog.packages.iter().find(|p| p.id == id) {
        figs.push((format!("{id} total"), &p.amount));
        figs.extend(
            p.other_figures
                .iter()
                .map(|f| (format!("{id} total (other source)"), f)),
        );
    } else {
        return Err(templates::CATALOG_ID_UNKNOWN
            .error(Loc::root().join(id))
            .with("id", id)
            .into_error());
    }
    Ok(figs
        .into_iter()
        .map(|(what, f)| {
            let src = f.source.as_ref().and_then(|s| catalog.source(&s.source));
            Citation {
                what,
                figure: f.clone(),
                source_title: src.map(|s| {
                    format!(
                        "{} ({}{})",
                        s.title,
                        s.publisher,
                        s.published.map_or(String::new(), |d| format!(", {d}"))
                    )
                }),
                context: f
                    .source
                    .as_ref()
                    .zip(src)
                    .and_then(|(r, s)| context(s, &r.quote)),
            }
        })
        .collect())
}

/// The line of a source's text that holds `quote`.
///
/// ```
/// use vardavtal::{catalog::catalog, report};
/// let s = catalog().find_source("003")?;
/// let line = report::context(s, "443 miljoner kronor").unwrap();
/// assert!(line.starts_with("Block 2, utvecklingsblocket på 443 miljoner kronor"));
/// assert_eq!(report::context(s, "no such words"), None);
/// # Ok::<(), vardavtal::Error>(())
/// ```
pub fn context(source: &Source, quote: &str) -> Option<String> {
    source
        .text
        .lines()
        .find(|l| l.contains(quote))
        .map(|l| l.trim().to_owned())
}
