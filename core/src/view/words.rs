//! The words of the views and the catalog report for people, in each language, in one
//! place: the titles, totals and labels they write, and the names for people of the ids a
//! cell holds (a rule, a part, a kind, a verdict).
//!
//! A cell keeps its id (`per_capita`) for machines — the plain CSV and the records are the
//! same in every language — and people read its name: the id in English, a Swedish name in
//! Swedish ([`for_people`], used by the text, HTML, Swedish CSV and Excel forms).

use std::borrow::Cow;

use chrono::NaiveDate;

use crate::agreement::When;
use crate::key::KeySpec;
use crate::message::{Lang, day_sv};

/// Whether texts are made in Swedish now ([`Lang::current`]).
pub(crate) fn sv() -> bool {
    Lang::current() == Lang::Sv
}

/// `en` or `sv`, by the language of texts now.
pub(crate) fn pick<'a>(en: &'a str, sv_text: &'a str) -> &'a str {
    if sv() { sv_text } else { en }
}

/// Yes and no in the cells of these columns.
const YES_NO: &[(&str, &str)] = &[("no", "nej"), ("yes", "ja")];

/// Column id → (id in a cell → its Swedish name).
const NAMES: &[(&str, &[(&str, &str)])] = &[
    ("adds_up", YES_NO),
    (
        "against",
        &[("pot", "potten"), ("total_line", "summaraden")],
    ),
    ("exact", YES_NO),
    (
        "kind",
        &[
            ("base", "grundöverenskommelse"),
            ("block", "block"),
            ("budget_proposal", "budgetförslag"),
            ("earmark", "öronmärkt del"),
            ("item", "post"),
            ("reimbursement", "kostnadsersättning"),
            ("sector_grant", "sektorsbidrag"),
            ("supplementary", "tilläggsöverenskommelse"),
        ],
    ),
    (
        "part",
        &[
            ("bonus", "bonus"),
            ("each", "fast belopp"),
            ("earned", "uppnått"),
            ("equal", "lika del"),
            ("fixed", "hela potten"),
            ("returned", "åter till staten"),
            ("share", "andel"),
        ],
    ),
    (
        "rounding",
        &[
            ("half_up", "vanlig avrundning (halva uppåt)"),
            ("largest_remainder", "största rest"),
            ("truncation", "avkortning"),
        ],
    ),
    (
        "rule",
        &[
            ("by_need", "efter vårdbehov"),
            ("equal", "i lika delar"),
            ("fixed", "hela beloppet till en mottagare"),
            (
                "fixed_plus_key",
                "fast belopp per mottagare, resten efter nyckel",
            ),
            ("per_capita", "per invånare"),
            ("performance", "efter prestation"),
            ("reimbursement", "ersättning för faktiska kostnader"),
            ("unpublished", "inte publicerad"),
        ],
    ),
    (
        "severity",
        &[
            ("error", "fel"),
            ("info", "anteckning"),
            ("warning", "varning"),
        ],
    ),
    (
        "verdict",
        &[
            ("DIFFERS", "AVVIKER"),
            ("DUPLICATE", "DUBBLETT"),
            ("IRREGULAR GROUPING", "OREGELBUNDEN GRUPPERING"),
            ("UNKNOWN REGION", "OKÄND REGION"),
            ("not compared", "inte jämförd"),
            ("ok", "ok"),
        ],
    ),
];

/// The Swedish name of `id` in a column, if it has one.
fn name_sv(column: &str, id: &str) -> Option<&'static str> {
    NAMES
        .iter()
        .find(|(c, _)| *c == column)
        .and_then(|(_, names)| names.iter().find(|(k, _)| *k == id))
        .map(|(_, v)| *v)
}

/// The name people read of `id` in `column`: `id` itself in English (and where Swedish has
/// no name for it), its Swedish name in Swedish.
pub(crate) fn name<'a>(column: &str, id: &'a str) -> &'a str {
    name_in(Lang::current(), column, id)
}

/// The name people read of `id` in `column` in `lang` (see [`name`]).
pub(crate) fn name_in<'a>(lang: Lang, column: &str, id: &'a str) -> &'a str {
    match (lang == Lang::Sv).then(|| name_sv(column, id)).flatten() {
        Some(s) => s,
        None => id,
    }
}

/// A text cell as people read it in a column: a rule's, part's, kind's … name, a group of
/// recipients or a key in words; the text as it is in English.
pub(crate) fn for_people<'a>(column: &str, text: &'a str) -> Cow<'a, str> {
    if !sv() {
        return Cow::Borrowed(text);
    }
    match column {
        "recipients" => Cow::Owned(group_sv(text)),
        "what" => citation_what(text),
        "key" if text.parse::<KeySpec>().is_err() => Cow::Owned(key_sv(text)),
        _ => Cow::Borrowed(name(column, text)),
    }
}

/// A group of recipients described in English ([`crate::Group::describe`]) in Swedish:
/// `all 21 regions` → `alla 21 regioner`; a name stays as it is.
pub(crate) fn group_sv(en: &str) -> String {
    match en {
        "all 21 regions" => return "alla 21 regioner".to_owned(),
        "all 290 municipalities" => return "alla 290 kommuner".to_owned(),
        "regions and municipalities jointly" => {
            return "regioner och kommuner gemensamt".to_owned();
        }
        _ => {}
    }
    if let Some(r) = en.strip_prefix("the municipalities of ") {
        return format!("kommunerna i {r}");
    }
    if let Some(n) = en.strip_suffix(" named recipients") {
        return format!("{n} namngivna mottagare");
    }
    en.to_owned()
}

/// What a key is, for people: the id in English (`population:regions:2021-11-01`), words in
/// Swedish (`befolkningen i regionerna den 1 november 2021`).
pub(crate) fn key(desc: &str) -> String {
    if sv() { key_sv(desc) } else { desc.to_owned() }
}

fn level_sv(level: crate::reference::Level) -> &'static str {
    match level {
        crate::reference::Level::Regions => "regionerna",
        _ => "kommunerna",
    }
}

fn key_sv(desc: &str) -> String {
    match desc.parse::<KeySpec>() {
        Ok(KeySpec::Population { level, date }) => {
            format!("befolkningen i {} den {}", level_sv(level), day_sv(date))
        }
        Ok(KeySpec::NeedsRegions2024 {}) => "vårdbehovsnyckeln för regionerna 2024".to_owned(),
        Ok(KeySpec::NeedsWeighted { level, date, .. }) => format!(
            "den behovsviktade befolkningen i {} den {}",
            level_sv(level),
            day_sv(date)
        ),
        _ => {
            if let Some(g) = desc
                .strip_prefix("equal parts (")
                .and_then(|r| r.strip_suffix(')'))
            {
                return format!("mellan {}", group_sv(g));
            }
            if let Some(n) = desc.strip_prefix("weights from ") {
                return format!("vikter från {n}");
            }
            if let Some(n) = desc
                .strip_prefix("supplied weights (")
                .and_then(|r| r.strip_suffix(" recipients)"))
            {
                return format!("angivna vikter ({n} mottagare)");
            }
            desc.to_owned()
        }
    }
}

/// A payment date for people: `2022-06` in English, `juni 2022` (a month) or
/// `15 juni 2022` (a day) in Swedish.
pub(crate) fn when(w: When) -> String {
    match (sv(), w) {
        (false, w) => w.to_string(),
        (true, When::Day(d)) => day_sv(d),
        (true, When::Month(d)) => day_sv(d)
            .split_once(' ')
            .map_or_else(|| w.to_string(), |(_, m)| m.to_owned()),
    }
}

/// A day for people: ISO in English, `1 november 2021` in Swedish.
pub(crate) fn day(d: NaiveDate) -> String {
    if sv() { day_sv(d) } else { d.to_string() }
}

/// The label of a total line.
pub(crate) fn total() -> &'static str {
    pick("total", "totalt")
}

/// The title of an allocation's pivot: `Allocation of 443 000 000 kr to 21 recipients (21
/// rows, unit krona)`.
pub(crate) fn allocation_title(total: &str, recipients: usize, rows: usize, unit: &str) -> String {
    if sv() {
        let unit = if unit == "ore" { "öre" } else { unit };
        format!("Fördelning av {total} till {recipients} mottagare ({rows} rader, enhet {unit})")
    } else {
        format!("Allocation of {total} to {recipients} recipients ({rows} rows, unit {unit})")
    }
}

/// `443 000 000 kr to 21 recipients`.
pub(crate) fn pivot_title(total: &str, recipients: usize) -> String {
    if sv() {
        format!("{total} till {recipients} mottagare")
    } else {
        format!("{total} to {recipients} recipients")
    }
}

/// `Allocation of 443 000 000 kr (21 rows)`.
pub(crate) fn rows_title(total: &str, rows: usize) -> String {
    if sv() {
        format!("Fördelning av {total} ({rows} rader)")
    } else {
        format!("Allocation of {total} ({rows} rows)")
    }
}

/// `Allocation of 443 000 000 kr by part`.
pub(crate) fn parts_title(total: &str) -> String {
    if sv() {
        format!("Fördelning av {total} per del")
    } else {
        format!("Allocation of {total} by part")
    }
}

/// The sheets of an allocation besides its pivot: `Rows: …`, `Notes: …`, `Pots`.
pub(crate) fn rows_sheet(title: &str) -> String {
    format!("{}: {title}", pick("Rows", "Rader"))
}
/// See [`rows_sheet`].
pub(crate) fn notes_sheet(title: &str) -> String {
    format!("{}: {title}", pick("Notes", "Anteckningar"))
}
/// See [`rows_sheet`].
pub(crate) fn pots() -> &'static str {
    pick("Pots", "Potter")
}

/// `: 443 000 000 kr by per_capita` of a pot line: how its money is handed out.
pub(crate) fn pot_how(amount: &str, rule: &str) -> String {
    if sv() {
        format!(": {amount} {}", name("rule", rule))
    } else {
        format!(": {amount} by {rule}")
    }
}

/// `Comparison of 21 recipients (B − A)`.
pub(crate) fn comparison_title(n: usize) -> String {
    if sv() {
        format!("Jämförelse av {n} mottagare (B − A)")
    } else {
        format!("Comparison of {n} recipients (B − A)")
    }
}

/// The label of a comparison's total line.
pub(crate) fn total_difference() -> &'static str {
    pick("total difference", "skillnad totalt")
}

/// `Findings (0 errors, 1 warning, 1 note)`.
pub(crate) fn findings_title(tally: &str) -> String {
    format!("{} ({tally})", pick("Findings", "Iakttagelser"))
}

/// `Key population:regions:2021-11-01 (21 recipients)`.
pub(crate) fn key_title(desc: &str, n: usize) -> String {
    if sv() {
        format!("Nyckel: {} ({n} mottagare)", key_sv(desc))
    } else {
        format!("Key {desc} ({n} recipients)")
    }
}

/// `source scb-…: …`, a note of a key.
pub(crate) fn key_source(id: &str, what: &str) -> String {
    format!("{} {id}: {what}", pick("source", "källa"))
}

/// What stands for an agreement's total when none is published.
pub(crate) fn no_total() -> &'static str {
    pick("no total published", "ingen summa publicerad")
}

/// `3 agreements`.
pub(crate) fn agreements(n: usize) -> String {
    match (sv(), n) {
        (true, 1) => "1 överenskommelse".to_owned(),
        (true, n) => format!("{n} överenskommelser"),
        (false, n) => format!("{n} agreements"),
    }
}

/// `Report: agreements covering 2022`, or of every agreement.
pub(crate) fn report_title(year: Option<i32>) -> String {
    match (sv(), year) {
        (false, Some(y)) => format!("Report: agreements covering {y}"),
        (false, None) => "Report: every agreement of the catalog".to_owned(),
        (true, Some(y)) => format!("Rapport: överenskommelser som gäller {y}"),
        (true, None) => "Rapport: alla överenskommelser i katalogen".to_owned(),
    }
}

/// The heading of the text report.
pub(crate) fn report_heading(year: Option<i32>) -> String {
    match (sv(), year) {
        (false, Some(y)) => format!("# vardavtal report: agreements covering {y}"),
        (false, None) => "# vardavtal report: every agreement of the catalog".to_owned(),
        (true, Some(y)) => format!("# vardavtal, rapport: överenskommelser som gäller {y}"),
        (true, None) => "# vardavtal, rapport: alla överenskommelser i katalogen".to_owned(),
    }
}

/// `Reconciliation of examples/published-table.txt`.
pub(crate) fn reconciliation_title(table: &str) -> String {
    format!("{} {table}", pick("Reconciliation of", "Avstämning av"))
}

/// `Totals` of a reconciliation.
pub(crate) fn totals() -> &'static str {
    pick("Totals", "Summor")
}

/// `Key fits, best first`.
pub(crate) fn fits() -> &'static str {
    pick(
        "Key fits, best first",
        "Nycklarnas träffsäkerhet, bäst först",
    )
}

/// `Implied population key (total 10 443 100)`.
pub(crate) fn implied_title(total: &str) -> String {
    if sv() {
        format!("Befolkningsnyckel som tabellen ger (totalt {total})")
    } else {
        format!("Implied population key (total {total})")
    }
}

/// `12 figures`.
pub(crate) fn figures(n: usize) -> String {
    match (sv(), n) {
        (true, 1) => "1 belopp".to_owned(),
        (true, n) => format!("{n} belopp"),
        (false, n) => format!("{n} figures"),
    }
}

/// The labels of a source's text: publisher, published, file, and what stands for a date
/// not stated.
pub(crate) fn source_labels() -> [&'static str; 4] {
    if sv() {
        ["utgivare", "publicerad", "fil", "inte angivet"]
    } else {
        ["publisher", "published", "file", "not stated"]
    }
}

/// What a cited figure is ([`crate::report::Citation::what`], English in the data): as
/// it is in English, in Swedish words in Swedish (`okad-tillganglighet-2022 totalt (annan
/// källa)`).
pub(crate) fn citation_what(what: &str) -> Cow<'_, str> {
    if !sv() {
        return Cow::Borrowed(what);
    }
    const WORDS: &[(&str, &str)] = &[
        (" (other source)", " (annan källa)"),
        (" funding by state", " finansiering från staten"),
        (" funding by regions", " finansiering från regionerna"),
        (
            " funding by municipalities",
            " finansiering från kommunerna",
        ),
        (" tranche ", " delbetalning "),
        (" frame ", " ram "),
        (" per year", " per år"),
    ];
    let mut s = what.to_owned();
    for (en, sv_text) in WORDS {
        s = s.replace(en, sv_text);
    }
    let of = s
        .find(" delbetalning ")
        .and_then(|i| s.get(i..)?.find(" of ").map(|j| i + j));
    if let Some(at) = of {
        s.replace_range(at..at + 4, " av ");
    }
    let s = match s.split_once(" total") {
        Some((a, b)) if b.is_empty() || b.starts_with(' ') => format!("{a} totalt{b}"),
        _ => s,
    };
    Cow::Owned(s)
}

/// The labels of a citation: source, text, no source, quote not found.
pub(crate) fn citation_labels() -> [&'static str; 4] {
    if sv() {
        ["källa", "text", "(ingen)", "(citatet finns inte i texten)"]
    } else {
        ["source", "text", "(none)", "(quote not found in the text)"]
    }
}

/// `The 21 regions (SCB)`.
pub(crate) fn regions_title() -> &'static str {
    pick("The 21 regions (SCB)", "De 21 regionerna (SCB)")
}

/// `The 290 municipalities (SCB)`.
pub(crate) fn municipalities_title() -> &'static str {
    pick("The 290 municipalities (SCB)", "De 290 kommunerna (SCB)")
}

/// `Population of the regions on 2021-11-01 (SCB)`.
pub(crate) fn population_title(level: crate::reference::Level, date: NaiveDate) -> String {
    if sv() {
        format!(
            "Befolkningen i {} den {} (SCB)",
            level_sv(level),
            day_sv(date)
        )
    } else {
        format!("Population of the {} on {date} (SCB)", level.as_str())
    }
}

/// `(5 rows not shown)` under a cut table.
pub(crate) fn not_shown(n: usize) -> String {
    match sv() {
        true => format!("({n} rader visas inte)"),
        false => format!("({n} rows not shown)"),
    }
}

/// The cuts of a sheet name from a title (up to the first) and the name of a sheet without
/// a title.
#[cfg(feature = "xlsx")]
pub(crate) fn sheet_cuts() -> (&'static [&'static str], &'static str) {
    if sv() {
        (&[" av ", " (", ":", " — "], "Tabell")
    } else {
        (&[" of ", " (", ":", " — "], "Table")
    }
}

/// The name of a severity, as a word in a line (`warning`, `varning`).
pub(crate) fn severity(s: crate::Severity) -> &'static str {
    name("severity", s.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::with_lang;

    #[test]
    fn names_and_keys_in_each_language() {
        assert_eq!(name("rule", "per_capita"), "per_capita");
        with_lang(Lang::Sv, || {
            assert_eq!(name("rule", "per_capita"), "per invånare");
            assert_eq!(name("part", "fixed"), "hela potten");
            assert_eq!(name("name", "fixed"), "fixed");
            assert_eq!(
                key("population:regions:2021-11-01"),
                "befolkningen i regionerna den 1 november 2021"
            );
            assert_eq!(
                key("equal parts (3 named recipients)"),
                "mellan 3 namngivna mottagare"
            );
            assert_eq!(
                key("supplied weights (2 recipients)"),
                "angivna vikter (2 mottagare)"
            );
            assert_eq!(key("weights from nyckel.csv"), "vikter från nyckel.csv");
            assert_eq!(
                when("2022-06".parse().unwrap_or(When::Month(NaiveDate::MIN))),
                "juni 2022"
            );
        });
        assert_eq!(
            key("population:regions:2021-11-01"),
            "population:regions:2021-11-01"
        );
    }
}
