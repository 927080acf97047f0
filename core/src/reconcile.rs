//! Reconciling a published per-region table against the model: does it add up, which key
//! and rounding produced it, and which rows are wrong.
//!
//! Governments and SKR publish per-region tables ("fördelning per region"). [`PublishedTable::parse`]
//! reads such a table — CSV with a header, or text pasted from a web page or a PDF (a region
//! name or code and an amount per line, Swedish number formatting, `kr`/`tkr`/`mnkr`
//! suffixes, a `Totalt`/`Summa` line) — and [`reconcile`] checks it against what the
//! publisher states ([`Statement`]: the pot and the rule):
//!
//! * do the rows add up to the table's own total line and to the stated pot, and by how much not;
//! * are regions missing, duplicated or unknown;
//! * is an amount printed with an irregular digit grouping (`"544 99 160"`), and which reading
//!   of it makes the table add up;
//! * which bundled key (every regional population date and the 2024 care-need key) with which
//!   rounding (largest remainder, plain rounding, truncation) reproduces the table exactly, or
//!   comes closest;
//! * when none does: the population key implied by the table (the total population `T` and
//!   the populations `p_i` that reproduce every row), so a reader can see which SCB figures the
//!   publisher used;
//! * per region, the difference between the table and the model's allocation of the same pot.
//!
//! All arithmetic is exact (integers and `Decimal`); every check is a [`Finding`].
//!
//! ```
//! use vardavtal::reconcile::{PublishedTable, Statement, StatedRule, reconcile};
//! use vardavtal::{KeySpec, Sek, Unit};
//! // Build a correct table: 443 miljoner kronor by population on 2021-11-01.
//! let key = "population:regions:2021-11-01".parse::<KeySpec>()?.resolve()?;
//! let parts = key.split("443000000".parse()?, Unit::Krona)?;
//! let mut text = String::from("Region;Belopp (kr)\n");
//! for (r, a) in key.recipients().iter().zip(&parts) {
//!     text.push_str(&format!("{};{a}\n", r.name().unwrap_or_default()));
//! }
//! let table = PublishedTable::parse("table.csv", &text)?;
//! let rec = reconcile(&table, &Statement { pot: Some("443000000".parse()?), rule: Some(StatedRule::Population) });
//! assert!(rec.summary.exact);
//! assert_eq!(rec.fits[0].key, "population:regions:2021-11-01");
//! println!("{rec}");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::sync::OnceLock;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::apportion;
use crate::finding::{Code, Error, Finding, Loc, Result, Severity};
use crate::key::KeySpec;
use crate::money::{Sek, Unit, parse_plain_decimal};
use crate::recipient::RecipientId;
use crate::reference::{self, Level};
use crate::swedish::{format_kr, parse_swedish};

// ---------------------------------------------------------------------------------------
// The published table
// ---------------------------------------------------------------------------------------

/// How a published table was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum TableFormat {
    /// CSV (`,`, `;` or tab separated) with a header naming a region and an amount column.
    Csv,
    /// Text pasted from a web page or a PDF: a region and an amount per line.
    Text,
}

/// One line of a published table that holds an amount: a region row, an unknown row or a
/// total line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
pub struct TableRow {
    /// The 1-based line of the input.
    pub line: usize,
    /// The line as written (two lines joined by `" / "` when a PDF put the name and the
    /// amount on lines of their own).
    pub text: String,
    /// The region name or code as written.
    pub label: String,
    /// The region the label names, when it names one.
    pub recipient: Option<RecipientId>,
    /// The amount as written (`"54,5 mnkr"`).
    pub printed: String,
    /// The amount in kronor; `None` when the digit grouping is irregular (see `readings`).
    pub amount: Option<Sek>,
    /// The kronor worth of one unit of the last digit written: 1 for `"54 499 160 kr"`,
    /// 1000 for `"54 499 tkr"`, 100 000 for `"54,5 mnkr"`. Above one krona the amount is
    /// rounded and is compared within half of this.
    pub precision: Sek,
    /// For an amount with an irregular digit grouping, the readings that regroup it
    /// (digits concatenated first, then short groups padded with zeros).
    pub readings: Vec<Sek>,
}

impl TableRow {
    /// True when the amount is stated less precisely than to the krona (`tkr`, `mnkr`).
    pub fn is_rounded(&self) -> bool {
        self.precision.value() > Decimal::ONE
    }
    /// True when the digit grouping of the amount is irregular.
    pub fn is_irregular(&self) -> bool {
        self.amount.is_none() && !self.readings.is_empty()
    }
}

/// A line that was skipped as a header or title line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
pub struct IgnoredLine {
    /// The 1-based line of the input.
    pub line: usize,
    /// The line as written.
    pub text: String,
}

/// A per-region table as published, read line by line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
pub struct PublishedTable {
    /// A name for the table (a file name), shown in reports.
    pub name: String,
    /// CSV or pasted text.
    pub format: TableFormat,
    /// The rows with an amount other than total lines, in input order.
    pub rows: Vec<TableRow>,
    /// The table's own total lines (`Totalt`, `Summa`, `Total`, `Riket`).
    pub totals: Vec<TableRow>,
    /// Header and title lines that were skipped.
    pub ignored: Vec<IgnoredLine>,
    /// Lines that could not be read (`table_unparsed_line`).
    pub findings: Vec<Finding>,
}

impl PublishedTable {
    /// Read a published table. CSV is recognised by a header with a region column
    /// (`region`, `code`, `namn`, `län` …) and an amount column (`amount`, `belopp`, `kr`,
    /// `tkr` …), separated by `,`, `;` or tabs; anything else is read as pasted text. A
    /// unit in a header (`Belopp (tkr)`) applies to amounts written without one.
    ///
    /// A line that cannot be read becomes a `table_unparsed_line` finding, unless it is blank
    /// or an obvious header or title line (no amount and no region name; or a year such as
    /// `"Fördelning 2023"`). An error (`syntax`) only when no line has an amount.
    pub fn parse(name: &str, text: &str) -> Result<PublishedTable> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let lines: Vec<&str> = text.lines().collect();
        let mut table = PublishedTable {
            name: name.to_owned(),
            format: TableFormat::Text,
            rows: Vec::new(),
            totals: Vec::new(),
            ignored: Vec::new(),
            findings: Vec::new(),
        };
        match detect_csv(&lines) {
            Some(csv) => {
                table.format = TableFormat::Csv;
                table.read_csv(&lines, &csv)?;
            }
            None => table.read_text(&lines),
        }
        if table.rows.is_empty() && table.totals.is_empty() {
            let mut findings = vec![Finding::error(
                Code::Syntax,
                Loc::root().join(name),
                format!(
                    "no line of {name:?} has a region and an amount: expected lines such as \"Region Uppsala 54 499 160 kr\" or CSV with a header region,amount"
                ),
            )];
            findings.extend(table.findings);
            return Err(Error::from_findings(findings));
        }
        Ok(table)
    }

    fn unparsed(&mut self, line: usize, text: &str, why: &str) {
        self.findings.push(
            Finding::warning(
                Code::TableUnparsedLine,
                loc_row(line),
                format!("line {line} cannot be read: {why}: {:?}", text.trim()),
            )
            .with("line", line)
            .with("text", text.trim())
            .with("reason", why),
        );
    }

    fn ignore(&mut self, line: usize, text: &str) {
        self.ignored.push(IgnoredLine {
            line,
            text: text.trim().to_owned(),
        });
    }

    fn push_row(
        &mut self,
        line: usize,
        text: &str,
        label: &str,
        amount_text: &str,
        unit: Option<&str>,
    ) {
        let label = clean_label(label);
        let kind = classify_label(&label);
        let read = read_amount(amount_text, unit);
        let (amount, precision, readings) = match read {
            AmountRead::Value { value, precision } => {
                (Some(Sek(value)), Sek(precision), Vec::new())
            }
            AmountRead::Irregular {
                readings,
                precision,
            } => (None, Sek(precision), readings),
            AmountRead::Bad(msg) => {
                self.unparsed(
                    line,
                    text,
                    &format!("the amount {amount_text:?} is not a number ({msg})"),
                );
                return;
            }
        };
        let row = TableRow {
            line,
            text: text.trim().to_owned(),
            label: label.clone(),
            recipient: match kind {
                LabelKind::Region(i) => reference::regions()
                    .get(i)
                    .map(|r| RecipientId::new(r.code)),
                _ => None,
            },
            printed: amount_text.trim().to_owned(),
            amount,
            precision,
            readings,
        };
        match kind {
            LabelKind::Total => self.totals.push(row),
            _ => self.rows.push(row),
        }
    }

    fn read_text(&mut self, lines: &[&str]) {
        let mut unit: Option<&'static str> = None;
        // A region or total name on a line of its own, waiting for its amount on the next line.
        let mut pending: Option<(usize, String, String)> = None;
        for (i, raw) in lines.iter().enumerate() {
            let line = i + 1;
            if raw.trim().is_empty() {
                continue;
            }
            let (label, amount_text) = split_line(raw);
            let Some(amount_text) = amount_text else {
                let cleaned = clean_label(&label);
                match classify_label(&cleaned) {
                    LabelKind::Region(_) | LabelKind::Total => {
                        if let Some((l, t, _)) = pending.take() {
                            self.unparsed(l, &t, "a region or total with no amount");
                        }
                        pending = Some((line, raw.trim().to_owned(), cleaned));
                    }
                    LabelKind::Other => {
                        if let Some(u) = header_unit(raw) {
                            unit = Some(u);
                        }
                        if starts_with_region(&cleaned) {
                            self.unparsed(line, raw, "a region with no amount");
                        } else {
                            self.ignore(line, raw);
                        }
                    }
                }
                continue;
            };
            if label.trim().is_empty() {
                match pending.take() {
                    Some((l, t, name)) => {
                        let joined = format!("{t} / {}", raw.trim());
                        self.push_row(l, &joined, &name, &amount_text, unit);
                    }
                    None => match code_in_front(&amount_text) {
                        Some((code, rest)) => self.push_row(line, raw, &code, &rest, unit),
                        None => {
                            self.unparsed(line, raw, "an amount with no region or total label");
                        }
                    },
                }
                continue;
            }
            if let Some((l, t, _)) = pending.take() {
                self.unparsed(l, &t, "a region or total with no amount");
            }
            let cleaned = clean_label(&label);
            if matches!(classify_label(&cleaned), LabelKind::Other) && is_year(&amount_text) {
                if let Some(u) = header_unit(raw) {
                    unit = Some(u);
                }
                self.ignore(line, raw);
                continue;
            }
            self.push_row(line, raw, &label, &amount_text, unit);
        }
        if let Some((l, t, _)) = pending {
            self.unparsed(l, &t, "a region or total with no amount");
        }
    }

    fn read_csv(&mut self, lines: &[&str], csv: &CsvLayout) -> Result<()> {
        for (i, raw) in lines.iter().enumerate().take(csv.header) {
            if !raw.trim().is_empty() {
                self.ignore(i + 1, raw);
            }
        }
        let body = lines.get(csv.header..).unwrap_or_default().join("\n");
        let mut rdr = csv::ReaderBuilder::new()
            .delimiter(csv.delimiter)
            .has_headers(true)
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(body.as_bytes());
        for rec in rdr.records() {
            let rec = rec.map_err(|e| {
                let line = e.position().map_or(0, |p| p.line() as usize) + csv.header;
                Error::new(
                    Code::Syntax,
                    Loc::root().join(self.name.as_str()).join(line),
                    format!("malformed CSV: {e}"),
                )
            })?;
            let line = rec.position().map_or(0, |p| p.line() as usize) + csv.header;
            let text = lines
                .get(line.saturating_sub(1))
                .copied()
                .unwrap_or_default();
            if rec.iter().all(str::is_empty) {
                continue;
            }
            let cell = |c: Option<usize>| c.and_then(|c| rec.get(c)).unwrap_or_default().to_owned();
            let code = cell(csv.code);
            let name = cell(csv.name);
            let label = match (code.is_empty(), name.is_empty()) {
                (false, false) => format!("{code} {name}"),
                (false, true) => code,
                _ => name,
            };
            let amount = cell(Some(csv.amount));
            if amount.is_empty() {
                if label.is_empty() {
                    continue;
                }
                self.unparsed(line, text, "no amount");
                continue;
            }
            if label.is_empty() {
                self.unparsed(line, text, "an amount with no region or total label");
                continue;
            }
            self.push_row(line, text, &label, &amount, csv.unit);
        }
        Ok(())
    }
}

struct CsvLayout {
    header: usize,
    delimiter: u8,
    code: Option<usize>,
    name: Option<usize>,
    amount: usize,
    unit: Option<&'static str>,
}

fn detect_csv(lines: &[&str]) -> Option<CsvLayout> {
    let header = lines.iter().position(|l| !l.trim().is_empty())?;
    let first = lines.get(header)?;
    let delimiter = [b'\t', b';', b',']
        .into_iter()
        .filter(|d| first.contains(char::from(*d)))
        .max_by_key(|d| first.matches(char::from(*d)).count())?;
    let cells: Vec<String> = first
        .split(char::from(delimiter))
        .map(|c| fold(c.trim().trim_matches('"')))
        .collect();
    let is_code = |c: &str| {
        matches!(
            c,
            "code" | "kod" | "region code" | "regionkod" | "lanskod" | "lan kod" | "lan code"
        )
    };
    let is_name = |c: &str| {
        matches!(
            c,
            "region"
                | "regions"
                | "name"
                | "namn"
                | "region name"
                | "regionnamn"
                | "region namn"
                | "mottagare"
                | "recipient"
                | "lan"
                | "landsting"
        )
    };
    let is_amount = |c: &str| {
        c.split(' ').any(|w| {
            matches!(
                w,
                "amount"
                    | "belopp"
                    | "kr"
                    | "kronor"
                    | "sek"
                    | "tkr"
                    | "mnkr"
                    | "mkr"
                    | "summa"
                    | "medel"
                    | "fordelning"
                    | "bidrag"
                    | "utbetalning"
            )
        })
    };
    let code = cells.iter().position(|c| is_code(c));
    let name = cells.iter().position(|c| is_name(c));
    let amount = cells
        .iter()
        .enumerate()
        .position(|(i, c)| Some(i) != code && Some(i) != name && is_amount(c))?;
    if code.is_none() && name.is_none() {
        return None;
    }
    let unit = first
        .split(char::from(delimiter))
        .nth(amount)
        .and_then(header_unit);
    Some(CsvLayout {
        header,
        delimiter,
        code,
        name,
        amount,
        unit,
    })
}

fn loc_row(line: usize) -> Loc {
    Loc::root().join("rows").join(line)
}

/// Lower case, Swedish letters folded to ASCII, anything else than letters and digits a
/// single space.
fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'å' | 'ä' | 'á' | 'à' | 'â' => 'a',
            'ö' | 'ø' | 'ó' | 'ò' | 'ô' => 'o',
            'é' | 'è' | 'ê' => 'e',
            'ü' | 'ú' => 'u',
            c if c.is_ascii_alphanumeric() => c,
            _ => ' ',
        };
        if c != ' ' || !out.ends_with(' ') {
            out.push(c);
        }
    }
    out.trim().to_owned()
}

/// The core of a region name: `"Region Jönköpings län"` → `"jonkoping"`,
/// `"Västra Götalandsregionen"` → `"vastra gotaland"`.
fn core_name(folded: &str) -> String {
    let mut s = folded.trim();
    for p in ["region ", "regionen ", "landstinget ", "landsting "] {
        if let Some(r) = s.strip_prefix(p) {
            s = r;
            break;
        }
    }
    for suf in [
        " lans landsting",
        " landsting",
        " lan",
        " regionen",
        "regionen",
        " region",
    ] {
        if let Some(r) = s.strip_suffix(suf) {
            s = r.trim_end();
            break;
        }
    }
    let mut s = s.to_owned();
    if s.len() > 3 && s.ends_with('s') {
        s.pop();
    }
    s
}

fn aliases() -> &'static [(String, usize)] {
    static ALIASES: OnceLock<Vec<(String, usize)>> = OnceLock::new();
    ALIASES.get_or_init(|| {
        let mut v = Vec::new();
        for (i, r) in reference::regions().iter().enumerate() {
            v.push((core_name(&fold(r.name)), i));
            v.push((core_name(&fold(r.county)), i));
            let extra: &[&str] = match r.code {
                "01" => &["sll"],
                "04" => &["sodermanland"],
                "14" => &["vgr"],
                "23" => &["jamtland harjedalen", "jamtland"],
                _ => &[],
            };
            v.extend(extra.iter().map(|e| ((*e).to_owned(), i)));
        }
        v
    })
}

enum LabelKind {
    Region(usize),
    Total,
    Other,
}

/// Which region (or total line) a label names, case-insensitively and tolerantly:
/// `"Region Uppsala"`, `"Uppsala"`, `"Uppsala län"`, `"Västra Götalandsregionen"`,
/// `"Region Jönköpings län"`, `"03"`, `"03 Region Uppsala"`.
fn classify_label(label: &str) -> LabelKind {
    let folded = fold(label);
    let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    let is_digits = |w: &str| w.bytes().all(|b| b.is_ascii_digit());
    let code = words
        .iter()
        .find(|w| is_digits(w) && w.len() <= 2)
        .and_then(|w| region_by_code(w));
    let name = words
        .iter()
        .filter(|w| !is_digits(w))
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    if name.is_empty() {
        return code.map_or(LabelKind::Other, LabelKind::Region);
    }
    let first = name.split(' ').next().unwrap_or_default();
    if matches!(
        name.as_str(),
        "riket" | "hela riket" | "sverige" | "alla regioner" | "samtliga regioner" | "regionerna"
    ) || matches!(first, "totalt" | "total" | "summa" | "totalsumma" | "sum")
    {
        return LabelKind::Total;
    }
    // A code next to a name that is not a region ("Tabell 1. Fördelning") names nothing.
    let core = core_name(&name);
    match aliases().iter().find(|(a, _)| *a == core) {
        Some((_, i)) => LabelKind::Region(*i),
        None => LabelKind::Other,
    }
}

fn region_by_code(w: &str) -> Option<usize> {
    let code = if w.len() == 1 {
        format!("0{w}")
    } else {
        w.to_owned()
    };
    reference::regions().iter().position(|r| r.code == code)
}

/// True when a label without an amount begins with a region name ("Region Uppsala: se
/// ovan"): such a line is reported, not skipped as a title.
fn starts_with_region(label: &str) -> bool {
    let folded = fold(label);
    let words: Vec<&str> = folded.split(' ').collect();
    (1..=words.len().min(4)).any(|n| {
        let head = words.get(..n).unwrap_or_default().join(" ");
        matches!(classify_label(&head), LabelKind::Region(_))
    })
}

fn clean_label(label: &str) -> String {
    label
        .trim()
        .trim_end_matches([':', '.', '…', '-', '–', '—', '=', '\t', ' '])
        .trim()
        .to_owned()
}

/// A unit named in a header or title line ("Belopp (tkr)", "miljoner kronor").
fn header_unit(text: &str) -> Option<&'static str> {
    let folded = fold(text);
    let words: Vec<&str> = folded.split(' ').collect();
    for (k, w) in words.iter().enumerate() {
        let next = words.get(k + 1).copied().unwrap_or_default();
        let money_next = matches!(next, "kronor" | "kr" | "sek");
        match *w {
            "tkr" | "tsek" => return Some("tkr"),
            "mnkr" | "mkr" | "msek" | "mnsek" => return Some("mnkr"),
            "mdkr" | "mdsek" => return Some("mdkr"),
            "tusen" if money_next => return Some("tkr"),
            "miljoner" | "mn" | "milj" if money_next => return Some("mnkr"),
            "miljarder" | "mdr" if money_next => return Some("mdkr"),
            _ => {}
        }
    }
    None
}

const UNIT_WORDS: &[&str] = &[
    "kr",
    "kronor",
    "krona",
    "sek",
    "tkr",
    "tsek",
    "tusen",
    "mnkr",
    "mkr",
    "msek",
    "mnsek",
    "miljon",
    "miljoner",
    "mn",
    "milj",
    "mdkr",
    "mdsek",
    "mdr",
    "md",
    "miljard",
    "miljarder",
];

fn unit_word(tok: &str) -> Option<String> {
    let t = tok
        .trim_matches(['(', ')', '[', ']', ',', ':', ';'])
        .to_lowercase();
    let bare = t.strip_suffix('.').unwrap_or(&t);
    UNIT_WORDS.contains(&bare).then(|| bare.to_owned())
}

fn is_sign(tok: &str) -> bool {
    matches!(tok, "-" | "\u{2212}")
}

fn is_number_token(tok: &str) -> bool {
    let body = tok
        .strip_prefix('-')
        .or_else(|| tok.strip_prefix('\u{2212}'))
        .unwrap_or(tok);
    body.chars().next().is_some_and(|c| c.is_ascii_digit())
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
}

/// Tokens split on any whitespace (including U+00A0 and U+202F), with their byte offsets.
fn tokens(line: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in line.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push((s, line.get(s..i).unwrap_or_default()));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push((s, line.get(s..).unwrap_or_default()));
    }
    out
}

/// Split a pasted line into its label and the amount at its end (digits in groups, an
/// optional decimal comma and unit words). Tab-separated lines are read by cells.
fn split_line(line: &str) -> (String, Option<String>) {
    if line.contains('\t') {
        let cells: Vec<&str> = line
            .split('\t')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        let numeric = |c: &str| {
            let toks = tokens(c);
            toks.first()
                .is_some_and(|(_, t)| is_number_token(t) || is_sign(t))
        };
        if let Some(k) = cells.iter().rposition(|c| numeric(c)) {
            let label: Vec<&str> = cells
                .get(..k)
                .unwrap_or_default()
                .iter()
                .copied()
                .filter(|c| c.chars().any(char::is_alphabetic) || (c.len() <= 2 && !c.is_empty()))
                .collect();
            return (label.join(" "), cells.get(k).map(|c| (*c).to_owned()));
        }
        return (cells.join(" "), None);
    }
    let toks = tokens(line);
    let mut k = toks.len();
    // Unit words at the end.
    let mut units = 0;
    while k > 0 && units < 2 {
        match toks.get(k - 1) {
            Some((_, t)) if unit_word(t).is_some() => {
                k -= 1;
                units += 1;
            }
            _ => break,
        }
    }
    // A unit written against the number ("160kr").
    let mut glued = false;
    if units == 0
        && let Some((_, t)) = toks.get(k.wrapping_sub(1))
    {
        let end = t
            .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
            .unwrap_or(t.len());
        glued = end > 0 && end < t.len() && unit_word(t.get(end..).unwrap_or_default()).is_some();
    }
    let mut n = 0;
    if glued {
        k -= 1;
        n += 1;
    }
    while k > 0 {
        match toks.get(k - 1) {
            Some((_, t)) if is_number_token(t) => {
                k -= 1;
                n += 1;
            }
            _ => break,
        }
    }
    if n == 0 {
        return (line.trim().to_owned(), None);
    }
    if k > 0 && toks.get(k - 1).is_some_and(|(_, t)| is_sign(t)) {
        k -= 1;
    }
    let at = toks.get(k).map_or(line.len(), |(o, _)| *o);
    let label = line.get(..at).unwrap_or_default().trim().to_owned();
    let amount = line.get(at..).unwrap_or_default().trim().to_owned();
    (label, Some(amount))
}

/// A region code in front of an amount on a line with no name ("03 54 499 160",
/// "10 122 837 903 kr"): the code and the amount after it.
fn code_in_front(amount: &str) -> Option<(String, String)> {
    let run = tokens(amount);
    let (_, first) = run.first()?;
    let (off, _) = run.get(1)?;
    let rest = amount.get(*off..)?;
    let is_code = first.len() == 2
        && first.bytes().all(|b| b.is_ascii_digit())
        && region_by_code(first).is_some();
    (is_code && parse_swedish(rest).is_ok()).then(|| ((*first).to_owned(), rest.to_owned()))
}

/// A bare year ("2023"), the number in a title such as "Fördelning 2023".
fn is_year(amount: &str) -> bool {
    let nums: Vec<&str> = tokens(amount)
        .into_iter()
        .map(|(_, t)| t)
        .filter(|t| unit_word(t).is_none())
        .collect();
    matches!(nums.as_slice(), [t] if t.len() == 4 && t.parse::<u32>().is_ok_and(|y| (1900..=2099).contains(&y)))
}

enum AmountRead {
    Value {
        value: Decimal,
        precision: Decimal,
    },
    Irregular {
        readings: Vec<Sek>,
        precision: Decimal,
    },
    Bad(String),
}

/// Read an amount: a plain decimal (`54499160`, `54499160.50`) or Swedish form
/// (`54 499 160 kr`, `54,5 mnkr`). `unit` applies when the text names none.
fn read_amount(text: &str, unit: Option<&str>) -> AmountRead {
    let text = text.trim();
    let has_unit = tokens(text).iter().any(|(_, t)| unit_word(t).is_some())
        || text.ends_with(|c: char| c.is_alphabetic());
    let multiplier = match unit.filter(|_| !has_unit) {
        Some(u) => match parse_swedish(&format!("1 {u}")) {
            Ok(a) => a.value,
            Err(_) => Decimal::ONE,
        },
        None => Decimal::ONE,
    };
    if let Ok(d) = parse_plain_decimal(text) {
        let precision = Decimal::new(1, d.scale());
        return match (d.checked_mul(multiplier), precision.checked_mul(multiplier)) {
            (Some(v), Some(p)) => AmountRead::Value {
                value: v.normalize(),
                precision: p.normalize(),
            },
            _ => AmountRead::Bad("too many digits".into()),
        };
    }
    let with_unit = match unit.filter(|_| !has_unit) {
        Some(u) => format!("{text} {u}"),
        None => text.to_owned(),
    };
    match parse_swedish(&with_unit) {
        Ok(a) if a.qualifier.is_some() => {
            AmountRead::Bad("a hedged figure is not an exact amount".into())
        }
        Ok(a) => AmountRead::Value {
            value: a.value,
            precision: a.precision,
        },
        Err(msg) if msg.contains("irregular digit grouping") => {
            let readings = regroupings(&with_unit);
            let precision = readings
                .iter()
                .filter_map(|r| parse_swedish(r).ok())
                .map(|a| a.precision)
                .next();
            let values: Vec<Sek> = dedup(
                readings
                    .iter()
                    .filter_map(|r| parse_swedish(r).ok())
                    .map(|a| Sek(a.value))
                    .collect(),
            );
            match precision {
                Some(p) if !values.is_empty() => AmountRead::Irregular {
                    readings: values,
                    precision: p,
                },
                _ => AmountRead::Bad(msg),
            }
        }
        Err(msg) => AmountRead::Bad(msg),
    }
}

fn dedup<T: PartialEq>(v: Vec<T>) -> Vec<T> {
    let mut out: Vec<T> = Vec::with_capacity(v.len());
    for x in v {
        if !out.contains(&x) {
            out.push(x);
        }
    }
    out
}

/// The regular readings of an irregularly grouped number, as texts: the digits
/// concatenated ("544 99 160" → "54499160"), then each short group padded with zeros on
/// the left or the right ("544099160", "544990160").
fn regroupings(text: &str) -> Vec<String> {
    let toks: Vec<&str> = tokens(text).into_iter().map(|(_, t)| t).collect();
    let sign = toks.first().is_some_and(|t| is_sign(t));
    let skip = usize::from(sign);
    let groups: Vec<&str> = toks
        .iter()
        .skip(skip)
        .take_while(|t| is_number_token(t))
        .copied()
        .collect();
    let rest: Vec<&str> = toks.iter().skip(skip + groups.len()).copied().collect();
    let (last_int, frac) = match groups.last().and_then(|g| g.split_once(',')) {
        Some((i, f)) => (Some(i), Some(f)),
        None => (None, None),
    };
    let ints: Vec<&str> = groups
        .iter()
        .enumerate()
        .map(|(k, g)| {
            if k + 1 == groups.len() {
                last_int.unwrap_or(g)
            } else {
                g
            }
        })
        .collect();
    let finish = |digits: String| {
        let mut s = String::new();
        if sign {
            s.push('-');
        }
        s.push_str(&digits);
        if let Some(f) = frac {
            s.push(',');
            s.push_str(f);
        }
        for r in &rest {
            s.push(' ');
            s.push_str(r);
        }
        s
    };
    let mut out = vec![finish(ints.concat())];
    let short: Vec<usize> = ints
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(_, g)| g.len() < 3)
        .map(|(k, _)| k)
        .collect();
    if short.is_empty() || short.len() > 6 {
        return out;
    }
    for mask in 0..(1u32 << short.len()) {
        let digits: String = ints
            .iter()
            .enumerate()
            .map(|(k, g)| match short.iter().position(|s| *s == k) {
                Some(bit) => {
                    let zeros = "0".repeat(3 - g.len());
                    if mask & (1 << bit) == 0 {
                        format!("{zeros}{g}")
                    } else {
                        format!("{g}{zeros}")
                    }
                }
                None => (*g).to_owned(),
            })
            .collect();
        out.push(finish(digits));
    }
    out
}

// ---------------------------------------------------------------------------------------
// The statement and the result
// ---------------------------------------------------------------------------------------

/// What the publisher states about a table: the pot and, if known, the rule.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// The amount the table distributes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pot: Option<Sek>,
    /// How it is distributed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<StatedRule>,
}

/// The rule a publisher states for a table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum StatedRule {
    /// By population (fördelas enligt befolkningsmängd).
    Population,
    /// A fixed amount per region, the rest by population.
    FixedPlusPopulation {
        /// The fixed amount each of the 21 regions gets.
        each: Sek,
    },
    /// By care need (efter vårdbehov).
    Need,
}

impl fmt::Display for StatedRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StatedRule::Population => f.write_str("by population"),
            StatedRule::FixedPlusPopulation { each } => write!(
                f,
                "{} per region, the rest by population",
                format_kr(each.value())
            ),
            StatedRule::Need => f.write_str("by care need"),
        }
    }
}

impl std::str::FromStr for StatedRule {
    type Err = crate::Error;
    /// `population`, `need`, or `fixed-plus-population:AMOUNT` (the amount plain or in a
    /// Swedish form: `fixed-plus-population:100 miljoner kronor`).
    fn from_str(s: &str) -> Result<StatedRule> {
        match s.split_once(':') {
            None if s == "population" => Ok(StatedRule::Population),
            None if s == "need" => Ok(StatedRule::Need),
            Some(("fixed-plus-population", each)) => Ok(StatedRule::FixedPlusPopulation {
                each: Sek::parse_any(each)?,
            }),
            _ => Err(crate::Error::new(
                Code::InvalidValue,
                crate::Loc::root(),
                format!(
                    "unknown rule {s:?}: expected population, need or fixed-plus-population:AMOUNT"
                ),
            )),
        }
    }
}

/// How a key's exact quotas are rounded to whole kronor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum Rounding {
    /// Largest remainder (the crate's apportionment): sums exactly to the pot.
    LargestRemainder,
    /// Each quota rounded half up on its own: may not sum to the pot.
    HalfUp,
    /// Each quota truncated: sums to the pot or less.
    Truncation,
}

impl Rounding {
    /// Every rounding, in the order they are tried.
    pub const ALL: [Rounding; 3] = [
        Rounding::LargestRemainder,
        Rounding::HalfUp,
        Rounding::Truncation,
    ];
    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Rounding::LargestRemainder => "largest_remainder",
            Rounding::HalfUp => "half_up",
            Rounding::Truncation => "truncation",
        }
    }
}

impl fmt::Display for Rounding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Rounding::LargestRemainder => "largest remainder",
            Rounding::HalfUp => "plain rounding (half up)",
            Rounding::Truncation => "truncation",
        })
    }
}

/// How well one bundled key with one rounding reproduces the table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
pub struct KeyFit {
    /// The key (`"population:regions:2021-11-01"`, `"needs:regions:2024"`).
    pub key: String,
    /// The rounding.
    pub rounding: Rounding,
    /// True when every region row of the table equals the model's amount (rows in `tkr` or
    /// `mnkr` within half their precision).
    pub exact: bool,
    /// Region rows compared.
    pub rows_compared: usize,
    /// Region rows equal to the model's amount.
    pub rows_matching: usize,
    /// The sum over the compared rows of |table − model| (beyond the precision of rounded rows).
    pub total_abs_diff: Sek,
    /// What the model's amounts sum to (differs from the pot under plain rounding or truncation).
    pub model_total: Sek,
}

/// The verdict on one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Equal to the best key's amount (within the precision of a rounded row).
    Ok,
    /// Different from the best key's amount.
    Differs,
    /// The amount's digit grouping is irregular.
    IrregularGrouping,
    /// A second row for a region.
    Duplicate,
    /// The name is not a region.
    Unknown,
    /// No model amount to compare with.
    NotCompared,
}

impl Verdict {
    /// A short word for reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Ok => "ok",
            Verdict::Differs => "DIFFERS",
            Verdict::IrregularGrouping => "IRREGULAR GROUPING",
            Verdict::Duplicate => "DUPLICATE",
            Verdict::Unknown => "UNKNOWN REGION",
            Verdict::NotCompared => "not compared",
        }
    }
}

/// One reading of an irregularly grouped amount.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
pub struct Reading {
    /// The amount under this reading.
    pub amount: Sek,
    /// True when with this reading the rows add up to the stated total.
    pub adds_up: bool,
}

/// One row of the table with its verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
pub struct RowVerdict {
    /// The 1-based line of the input.
    pub line: usize,
    /// The line as written.
    pub text: String,
    /// The region name or code as written.
    pub label: String,
    /// The region, when the label names one.
    pub recipient: Option<RecipientId>,
    /// The official name of the region, or the label verbatim.
    pub name: String,
    /// The amount as written.
    pub printed: String,
    /// The amount in kronor (for an irregular grouping: the reading that makes the table add
    /// up, else the reading nearest the model).
    pub amount: Option<Sek>,
    /// True when the amount is stated less precisely than to the krona (`tkr`, `mnkr`).
    pub rounded: bool,
    /// The model's amount with the best key.
    pub expected: Option<Sek>,
    /// amount − expected.
    pub diff: Option<Sek>,
    /// The verdict.
    pub verdict: Verdict,
    /// For an irregular grouping, every reading and whether it makes the table add up.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub readings: Vec<Reading>,
    /// The region's population in the implied key, when one was found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub implied_population: Option<u64>,
    /// A remark for a reader ("two adjacent digits swapped: 54 499 160 kr expected").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A check of the rows' sum against a stated total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
pub struct TotalCheck {
    /// `"total_line"` (the table's own total) or `"pot"` (the stated pot).
    pub against: String,
    /// The line of the total line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// The stated total.
    pub stated: Sek,
    /// What the rows add up to.
    pub rows_sum: Sek,
    /// rows_sum − stated.
    pub diff: Sek,
    /// How far apart they may be because rows are rounded (`tkr`, `mnkr`).
    pub tolerance: Sek,
    /// True when |diff| ≤ tolerance.
    pub adds_up: bool,
    /// What accounts for the difference, when something does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
}

/// The population key implied by a table that no bundled key reproduces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
pub struct ImpliedKey {
    /// The total population T (of the candidates, the one nearest the closest bundled key).
    pub total: u64,
    /// The population of each region under T, in region code order.
    pub populations: Vec<ImpliedPopulation>,
    /// How many totals in the searched range reproduce the table.
    pub candidates: u64,
    /// The first candidate totals (at most 100), ascending.
    pub totals: Vec<u64>,
    /// The searched range of T (inclusive), ±8 % around the closest bundled population key.
    pub searched: (u64, u64),
    /// The bundled population key the search was centred on.
    pub near: String,
    /// The rounding that reproduces every row with these populations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rounding: Option<Rounding>,
}

/// One region of an implied key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
pub struct ImpliedPopulation {
    /// The region.
    pub recipient: RecipientId,
    /// Its name.
    pub name: String,
    /// Inhabitants implied by the table.
    pub population: u64,
    /// Inhabitants in the bundled key the search was centred on.
    pub bundled: u64,
}

/// Where the pot the model splits comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum PotSource {
    /// The stated pot.
    Stated,
    /// The table's total line.
    TotalLine,
    /// The sum of the rows.
    Rows,
}

/// The outcome in a few figures and one sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
pub struct Summary {
    /// Rows with an amount (total lines not counted).
    pub rows: usize,
    /// Distinct regions named.
    pub regions: usize,
    /// Names of the regions with no row.
    pub missing: Vec<String>,
    /// Rows that repeat a region.
    pub duplicates: usize,
    /// Rows whose name is not a region.
    pub unknown: usize,
    /// Rows with an irregular digit grouping.
    pub irregular: usize,
    /// Region rows that differ from the best key.
    pub differing: usize,
    /// What the rows add up to.
    pub rows_sum: Sek,
    /// True when the rows add up to every stated total (within rounding).
    pub adds_up: bool,
    /// The best key and rounding.
    pub best: Option<KeyFit>,
    /// True when a bundled key reproduces every region row.
    pub exact: bool,
    /// One sentence for a reader.
    pub headline: String,
}

/// The result of [`reconcile`]: a verdict per row, the findings, the key fits, the implied key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(
    feature = "tsify",
    derive(tsify_next::Tsify),
    serde(rename = "ReconciliationData")
)]
pub struct Reconciliation {
    /// The table's name.
    pub table: String,
    /// What the publisher states.
    pub statement: Statement,
    /// The rounding unit of the comparison (öre when an amount has öre).
    pub unit: Unit,
    /// The pot the model splits.
    pub pot: Sek,
    /// Where that pot comes from.
    pub pot_source: PotSource,
    /// Every row, in input order.
    pub rows: Vec<RowVerdict>,
    /// The rows' sum against the total line and the pot.
    pub totals: Vec<TotalCheck>,
    /// Every finding: lines that could not be read, then the checks.
    pub findings: Vec<Finding>,
    /// Every bundled key × rounding, best first.
    pub fits: Vec<KeyFit>,
    /// The implied population key, when no bundled key reproduces the table.
    pub implied: Option<ImpliedKey>,
    /// The outcome in brief.
    pub summary: Summary,
}

impl Reconciliation {
    /// True when some finding has severity warning or error.
    pub fn has_problems(&self) -> bool {
        self.findings
            .iter()
            .any(|f| f.severity >= Severity::Warning)
    }
    /// The findings with this code.
    pub fn findings_with(&self, code: Code) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.code == code)
    }
}

// ---------------------------------------------------------------------------------------
// Reconciling
// ---------------------------------------------------------------------------------------

const N: usize = 21;

/// An amount in whole units (kronor or öre) with its precision in units.
#[derive(Debug, Clone, Copy)]
struct Obs {
    a: i128,
    p: i128,
}

impl Obs {
    /// Doubled tolerance: a rounded row may be off by half its precision.
    fn tol2(self) -> i128 {
        if self.p > 1 { self.p } else { 0 }
    }
    fn matches(self, e: i128) -> bool {
        self.a.abs_diff(e).saturating_mul(2) <= self.tol2().unsigned_abs()
    }
    fn excess2(self, e: i128) -> u128 {
        self.a
            .abs_diff(e)
            .saturating_mul(2)
            .saturating_sub(self.tol2().unsigned_abs())
    }
}

struct Cand {
    name: String,
    weights: Vec<u128>,
    population: bool,
}

fn candidates(rule: Option<&StatedRule>) -> Vec<Cand> {
    let mut specs: Vec<KeySpec> = reference::population_dates(Level::Regions)
        .into_iter()
        .rev()
        .map(|date| KeySpec::Population {
            level: Level::Regions,
            date,
        })
        .collect();
    if matches!(rule, Some(StatedRule::Need)) {
        specs.insert(0, KeySpec::NeedsRegions2024 {});
    } else {
        specs.push(KeySpec::NeedsRegions2024 {});
    }
    specs
        .into_iter()
        .filter_map(|spec| {
            let key = spec.resolve().ok()?;
            let mut weights = vec![0u128; N];
            for (r, w) in key.recipients().iter().zip(key.int_weights()) {
                let i = region_index(r.as_str())?;
                *weights.get_mut(i)? = *w;
            }
            Some(Cand {
                name: spec.to_string(),
                weights,
                population: matches!(spec, KeySpec::Population { .. }),
            })
        })
        .collect()
}

fn region_index(code: &str) -> Option<usize> {
    reference::regions().iter().position(|r| r.code == code)
}

/// `pot` over `weights` with `rounding`, plus `each` to every one; `None` on overflow.
fn model(pot: u128, each: u128, weights: &[u128], rounding: Rounding) -> Option<Vec<i128>> {
    let rest = pot.checked_sub(each.checked_mul(weights.len() as u128)?)?;
    let parts: Vec<u128> = match rounding {
        Rounding::LargestRemainder => apportion::largest_remainder(rest, weights).ok()?,
        Rounding::HalfUp | Rounding::Truncation => {
            let total = weights.iter().try_fold(0u128, |a, w| a.checked_add(*w))?;
            if total == 0 {
                return None;
            }
            weights
                .iter()
                .map(|w| {
                    let prod = rest.checked_mul(*w)?;
                    let (q, r) = (prod / total, prod % total);
                    let up = rounding == Rounding::HalfUp && r.checked_mul(2)? >= total;
                    Some(q + u128::from(up))
                })
                .collect::<Option<_>>()?
        }
    };
    parts
        .into_iter()
        .map(|p| i128::try_from(p.checked_add(each)?).ok())
        .collect()
}

fn to_units(d: Decimal, unit: Unit) -> Option<i128> {
    let n = d.normalize();
    let scale = unit.scale().checked_sub(n.scale())?;
    10i128.checked_pow(scale)?.checked_mul(n.mantissa())
}

fn from_units(u: i128, unit: Unit) -> Sek {
    // Values come from sums and differences of decimals, which fit.
    Decimal::try_from_i128_with_scale(u, unit.scale()).map_or(Sek::ZERO, |d| Sek(d.normalize()))
}

fn from_half_units(u2: u128, unit: Unit) -> Sek {
    i128::try_from(u2)
        .ok()
        .and_then(|u| u.checked_mul(5))
        .and_then(|u| Decimal::try_from_i128_with_scale(u, unit.scale() + 1).ok())
        .map_or(Sek::ZERO, |d| Sek(d.normalize()))
}

fn kr(s: Sek) -> String {
    format_kr(s.value())
}

fn kr_units(u: i128, unit: Unit) -> String {
    kr(from_units(u, unit))
}

fn signed_kr(u: i128, unit: Unit) -> String {
    if u > 0 {
        format!("+{}", kr_units(u, unit))
    } else {
        kr_units(u, unit)
    }
}

/// Working state of one row during reconciliation.
struct Work<'a> {
    row: &'a TableRow,
    region: Option<usize>,
    obs: Option<Obs>,
    readings: Vec<(i128, bool)>,
    verdict: Verdict,
    canonical: bool,
    note: Option<String>,
}

/// Check a published table against the model: sums, regions, digit grouping, which bundled
/// key and rounding reproduce it, the implied key when none does, and the per-region
/// differences from the model's allocation of the same pot by the stated rule.
pub fn reconcile(table: &PublishedTable, statement: &Statement) -> Reconciliation {
    // A negative pot or fixed amount cannot be checked against: report it, do not use it.
    let mut refused = Vec::new();
    let mut usable = statement.clone();
    if let Some(p) = usable.pot.filter(|p| p.is_negative()) {
        refused.push(
            Finding::error(
                Code::NegativeAmount,
                crate::Loc::root().join("pot"),
                format!(
                    "the stated pot {} is negative, so the table is not checked against it",
                    format_kr(p.value())
                ),
            )
            .with("pot", p),
        );
        usable.pot = None;
    }
    if let Some(StatedRule::FixedPlusPopulation { each }) = usable
        .rule
        .clone()
        .filter(|r| matches!(r, StatedRule::FixedPlusPopulation { each } if each.is_negative()))
    {
        refused.push(
            Finding::error(
                Code::NegativeAmount,
                crate::Loc::root().join("rule").join("each"),
                format!(
                    "the stated fixed amount {} is negative, so the rule is not used",
                    format_kr(each.value())
                ),
            )
            .with("each", each),
        );
        usable.rule = None;
    }
    let mut r = reconcile_usable(table, &usable);
    r.statement = statement.clone();
    r.findings.splice(0..0, refused);
    r
}

fn reconcile_usable(table: &PublishedTable, statement: &Statement) -> Reconciliation {
    let mut findings: Vec<Finding> = table.findings.clone();

    // The unit: öre when any amount has öre.
    let has_ore = table
        .rows
        .iter()
        .chain(&table.totals)
        .filter_map(|r| r.amount)
        .chain(statement.pot)
        .chain(match &statement.rule {
            Some(StatedRule::FixedPlusPopulation { each }) => Some(*each),
            _ => None,
        })
        .any(|a| a.value().normalize().scale() > 0);
    let unit = if has_ore { Unit::Ore } else { Unit::Krona };
    let units_of = |s: Sek| to_units(s.value(), unit);
    let precision_of = |r: &TableRow| units_of(r.precision).unwrap_or(1).max(1);

    // Rows and regions.
    let mut work: Vec<Work> = table
        .rows
        .iter()
        .map(|row| {
            let region = row
                .recipient
                .as_ref()
                .and_then(|r| region_index(r.as_str()));
            let obs = row.amount.and_then(units_of).map(|a| Obs {
                a,
                p: precision_of(row),
            });
            let readings = row
                .readings
                .iter()
                .filter_map(|r| units_of(*r))
                .map(|a| (a, false))
                .collect();
            Work {
                row,
                region,
                obs,
                readings,
                verdict: if region.is_none() {
                    Verdict::Unknown
                } else if row.is_irregular() {
                    Verdict::IrregularGrouping
                } else {
                    Verdict::NotCompared
                },
                canonical: false,
                note: None,
            }
        })
        .collect();
    let mut count = [0usize; N];
    for w in &work {
        if let Some(c) = w.region.and_then(|i| count.get_mut(i)) {
            *c += 1;
        }
    }
    let duplicated = |i: usize| count.get(i).copied().unwrap_or(0) > 1;
    let missing: Vec<usize> = (0..N).filter(|i| count.get(*i) == Some(&0)).collect();

    // The stated totals.
    let pot_units = statement.pot.and_then(units_of);
    let total_line = table
        .totals
        .iter()
        .find_map(|t| Some((t, units_of(t.amount?)?)));
    let target = pot_units.or(total_line.map(|t| t.1));
    let total_line_tol2 = total_line.map_or(0, |(t, _)| {
        Obs {
            a: 0,
            p: precision_of(t),
        }
        .tol2()
    });

    // Irregular groupings: which readings make the rows add up.
    let base_sum: i128 = work.iter().filter_map(|w| w.obs).map(|o| o.a).sum();
    let base_tol2: i128 = work.iter().filter_map(|w| w.obs).map(Obs::tol2).sum();
    let irregular: Vec<usize> = work
        .iter()
        .enumerate()
        .filter(|(_, w)| !w.readings.is_empty())
        .map(|(k, _)| k)
        .collect();
    if let Some(target) = target {
        let combos: usize = irregular
            .iter()
            .filter_map(|k| work.get(*k))
            .map(|w| w.readings.len())
            .product();
        if !irregular.is_empty() && combos <= 4096 {
            let mut matching: Vec<Vec<usize>> = Vec::new();
            for c in 0..combos {
                let mut rest = c;
                let mut pick = Vec::with_capacity(irregular.len());
                let mut sum = base_sum;
                let mut tol2 = base_tol2;
                for k in &irregular {
                    let Some(w) = work.get(*k) else { continue };
                    let n = w.readings.len().max(1);
                    let r = rest % n;
                    rest /= n;
                    pick.push(r);
                    sum += w.readings.get(r).map_or(0, |x| x.0);
                    tol2 += Obs {
                        a: 0,
                        p: precision_of(w.row),
                    }
                    .tol2();
                }
                if (sum - target).unsigned_abs().saturating_mul(2) <= tol2.unsigned_abs() {
                    matching.push(pick);
                }
            }
            for pick in &matching {
                for (k, r) in irregular.iter().zip(pick) {
                    if let Some(x) = work.get_mut(*k).and_then(|w| w.readings.get_mut(*r)) {
                        x.1 = true;
                    }
                }
            }
            if let Some(pick) = matching.first() {
                for (k, r) in irregular.iter().zip(pick) {
                    if let Some(w) = work.get_mut(*k) {
                        let p = precision_of(w.row);
                        w.obs = w.readings.get(*r).map(|x| Obs { a: x.0, p });
                    }
                }
            }
        }
    }

    // The pot the model splits.
    let rows_sum_now: i128 = work.iter().filter_map(|w| w.obs).map(|o| o.a).sum();
    let (pot, pot_source) = match (pot_units, total_line) {
        (Some(p), _) => (p, PotSource::Stated),
        (None, Some((_, t))) => (t, PotSource::TotalLine),
        (None, None) => (rows_sum_now, PotSource::Rows),
    };
    let each = match &statement.rule {
        Some(StatedRule::FixedPlusPopulation { each }) => units_of(*each).unwrap_or(0),
        _ => 0,
    };
    let pot_u = u128::try_from(pot).unwrap_or(0);
    let each_u = u128::try_from(each).unwrap_or(0);
    if each_u.saturating_mul(N as u128) > pot_u {
        findings.push(
            Finding::error(
                Code::RuleNotRunnable,
                Loc::root().join("statement"),
                format!(
                    "the fixed amount per region ({}) for 21 regions exceeds the pot ({})",
                    kr_units(each, unit),
                    kr_units(pot, unit)
                ),
            )
            .with("each", from_units(each, unit))
            .with("pot", from_units(pot, unit)),
        );
    }

    // Key fits, over the first row of each region that is not repeated.
    let mut obs: [Option<Obs>; N] = [None; N];
    for w in &work {
        if let Some(i) = w.region.filter(|i| !duplicated(*i))
            && let Some(slot) = obs.get_mut(i)
        {
            *slot = w.obs;
        }
    }
    let cands = candidates(statement.rule.as_ref());
    struct Fit {
        cand: usize,
        rounding: Rounding,
        expected: Vec<i128>,
        excess2: u128,
        compared: usize,
        matching: usize,
    }
    let mut fits: Vec<Fit> = Vec::new();
    for (ci, cand) in cands.iter().enumerate() {
        for rounding in Rounding::ALL {
            let Some(expected) = model(pot_u, each_u, &cand.weights, rounding) else {
                continue;
            };
            let (mut excess2, mut compared, mut matching) = (0u128, 0usize, 0usize);
            for (o, e) in obs.iter().zip(&expected) {
                if let Some(o) = o {
                    compared += 1;
                    matching += usize::from(o.matches(*e));
                    excess2 = excess2.saturating_add(o.excess2(*e));
                }
            }
            fits.push(Fit {
                cand: ci,
                rounding,
                expected,
                excess2,
                compared,
                matching,
            });
        }
    }
    fits.sort_by_key(|f| (f.excess2, f.compared - f.matching, f.cand, f.rounding));
    let key_fits: Vec<KeyFit> = fits
        .iter()
        .map(|f| KeyFit {
            key: cands
                .get(f.cand)
                .map(|c| c.name.clone())
                .unwrap_or_default(),
            rounding: f.rounding,
            exact: f.compared > 0 && f.matching == f.compared,
            rows_compared: f.compared,
            rows_matching: f.matching,
            total_abs_diff: from_half_units(f.excess2, unit),
            model_total: from_units(f.expected.iter().sum(), unit),
        })
        .collect();
    let best = fits.first();
    let best_fit = key_fits.first().cloned();
    let exact = best_fit.as_ref().is_some_and(|f| f.exact);
    let expected_of = |i: usize| best.and_then(|b| b.expected.get(i).copied());
    // The table follows the best key when at least half its region rows match it.
    let follows = best.is_some_and(|b| b.compared > 0 && b.matching * 2 >= b.compared);

    // Duplicates: the row that matches the key is the region's row; the others repeat it.
    for i in 0..N {
        if !duplicated(i) {
            for w in work.iter_mut().filter(|w| w.region == Some(i)) {
                w.canonical = true;
            }
            continue;
        }
        let e = expected_of(i);
        let pick = work
            .iter()
            .position(|w| {
                w.region == Some(i) && matches!((w.obs, e), (Some(o), Some(e)) if o.matches(e))
            })
            .or_else(|| work.iter().position(|w| w.region == Some(i)));
        for (k, w) in work.iter_mut().enumerate() {
            if w.region == Some(i) {
                w.canonical = Some(k) == pick;
            }
        }
    }
    let first_line_of = |i: usize, work: &[Work]| {
        work.iter()
            .find(|w| w.region == Some(i) && w.canonical)
            .map_or(0, |w| w.row.line)
    };
    let mut dup_findings = Vec::new();
    for w in work.iter().filter(|w| w.region.is_some() && !w.canonical) {
        let Some(i) = w.region else { continue };
        let region = reference::regions().get(i);
        let name = region.map_or("", |r| r.name);
        let first = first_line_of(i, &work);
        let mut f = Finding::warning(
            Code::RowDuplicate,
            loc_row(w.row.line),
            format!(
                "{name} appears again on line {} (first on line {first})",
                w.row.line
            ),
        )
        .with("region", region.map_or("", |r| r.code))
        .with("name", name)
        .with("first_line", first)
        .with("label", &w.row.label);
        if let Some(o) = w.obs {
            f = f.with("amount", from_units(o.a, unit));
            // Is it the amount of a missing region, under a different name?
            if follows
                && let Some(m) = missing
                    .iter()
                    .find(|m| expected_of(**m).is_some_and(|e| o.matches(e)))
            {
                let mname = reference::regions().get(*m).map_or("", |r| r.name);
                f.msg.push_str(&format!(
                    "; its amount is what the key gives {mname}, which has no row: the name may be wrong"
                ));
                f = f.with("likely_region", mname);
            }
        }
        dup_findings.push((w.row.line, f));
    }

    // Irregular rows with no reading that adds up: the reading nearest the model.
    for w in work
        .iter_mut()
        .filter(|w| !w.readings.is_empty() && w.obs.is_none())
    {
        let e = w.region.and_then(expected_of);
        let p = precision_of(w.row);
        let pick = match e {
            Some(e) => w
                .readings
                .iter()
                .min_by_key(|r| r.0.abs_diff(e))
                .map(|r| r.0),
            None => w.readings.first().map(|r| r.0),
        };
        w.obs = pick.map(|a| Obs { a, p });
    }

    // Row verdicts.
    let mut row_findings = Vec::new();
    let best_name = best
        .and_then(|b| cands.get(b.cand))
        .map_or(String::new(), |c| c.name.clone());
    let best_rounding = best.map_or(Rounding::LargestRemainder, |b| b.rounding);
    for w in work.iter_mut() {
        let e = w.region.and_then(expected_of);
        let Some(i) = w.region else { continue };
        if !w.canonical {
            w.verdict = Verdict::Duplicate;
            continue;
        }
        let (Some(o), Some(e)) = (w.obs, e) else {
            continue;
        };
        let ok = o.matches(e);
        if w.verdict != Verdict::IrregularGrouping {
            w.verdict = if ok { Verdict::Ok } else { Verdict::Differs };
        }
        if !ok && follows && w.verdict == Verdict::Differs {
            let name = reference::regions().get(i).map_or("", |r| r.name);
            let hint = swapped_digits(o.a, e);
            let mut msg = format!(
                "{name}: the table says {}, the key {best_name} ({best_rounding}) gives {} ({})",
                w.row.printed,
                kr_units(e, unit),
                signed_kr(o.a - e, unit)
            );
            if let Some(h) = &hint {
                msg.push_str(&format!("; {h}"));
                w.note = Some(format!("{h}: {} expected", kr_units(e, unit)));
            }
            let mut f = Finding::warning(Code::RowDiffers, loc_row(w.row.line), msg)
                .with("region", reference::regions().get(i).map_or("", |r| r.code))
                .with("name", name)
                .with("printed", &w.row.printed)
                .with("amount", from_units(o.a, unit))
                .with("expected", from_units(e, unit))
                .with("diff", from_units(o.a - e, unit))
                .with("key", &best_name)
                .with("rounding", best_rounding.as_str());
            if let Some(h) = hint {
                f = f.with("hint", h);
            }
            row_findings.push((w.row.line, f));
        }
    }

    // Irregular grouping findings.
    for w in work.iter_mut().filter(|w| !w.readings.is_empty()) {
        let list: Vec<String> = w.readings.iter().map(|r| kr_units(r.0, unit)).collect();
        let adding: Vec<String> = w
            .readings
            .iter()
            .filter(|r| r.1)
            .map(|r| kr_units(r.0, unit))
            .collect();
        let name = w
            .region
            .and_then(|i| reference::regions().get(i))
            .map_or(w.row.label.as_str(), |r| r.name);
        let mut msg = format!(
            "{name}: the amount {:?} has an irregular digit grouping (a thousands group that is not three digits); it may be read as {}",
            w.row.printed,
            list.join(", ")
        );
        match (adding.as_slice(), target) {
            ([one], Some(_)) => msg.push_str(&format!(
                "; read as {one} the rows add up to the stated total"
            )),
            ([], Some(_)) => msg.push_str("; no reading makes the rows add up to the stated total"),
            (_, Some(_)) => msg.push_str(&format!(
                "; the rows add up to the stated total with {}",
                adding.join(" or ")
            )),
            (_, None) => {}
        }
        let model_reading = w
            .region
            .and_then(expected_of)
            .and_then(|e| {
                w.readings.iter().find(|r| {
                    Obs {
                        a: r.0,
                        p: precision_of(w.row),
                    }
                    .matches(e)
                })
            })
            .map(|r| r.0);
        if let Some(m) = model_reading {
            msg.push_str(&format!(
                "; {} is what the key {best_name} gives",
                kr_units(m, unit)
            ));
        }
        let mut f = Finding::warning(Code::IrregularGrouping, loc_row(w.row.line), msg)
            .with("printed", &w.row.printed)
            .with(
                "readings",
                w.readings
                    .iter()
                    .map(|r| from_units(r.0, unit).to_string())
                    .collect::<Vec<_>>()
                    .join(","),
            )
            .with(
                "adds_up",
                w.readings
                    .iter()
                    .filter(|r| r.1)
                    .map(|r| from_units(r.0, unit).to_string())
                    .collect::<Vec<_>>()
                    .join(","),
            );
        if let Some(m) = model_reading {
            f = f.with("key_reading", from_units(m, unit));
        }
        if w.verdict == Verdict::IrregularGrouping {
            w.note = Some(match adding.as_slice() {
                [one] => format!("read as {one}, the table adds up"),
                _ => format!("readings: {}", list.join(", ")),
            });
        }
        row_findings.push((w.row.line, f));
    }

    // Unknown rows.
    for w in work.iter().filter(|w| w.region.is_none()) {
        row_findings.push((
            w.row.line,
            Finding::warning(
                Code::RowUnknown,
                loc_row(w.row.line),
                format!("{:?} is not a region", w.row.label),
            )
            .with("label", &w.row.label)
            .with("printed", &w.row.printed),
        ));
    }
    row_findings.extend(dup_findings);
    row_findings.sort_by_key(|(line, _)| *line);

    // Missing regions.
    for i in &missing {
        let Some(r) = reference::regions().get(*i) else {
            continue;
        };
        let mut msg = format!("{} ({}) has no row in the table", r.name, r.code);
        let mut f = Finding::warning(Code::RowMissing, Loc::root().join("rows"), "")
            .with("region", r.code)
            .with("name", r.name);
        if let Some(e) = expected_of(*i) {
            msg.push_str(&format!(
                "; the key {best_name} gives it {}",
                kr_units(e, unit)
            ));
            f = f.with("expected", from_units(e, unit));
        }
        f.msg = msg;
        findings.push(f);
    }
    findings.extend(row_findings.into_iter().map(|(_, f)| f));

    // Sums.
    let rows_sum: i128 = work.iter().filter_map(|w| w.obs).map(|o| o.a).sum();
    let rows_tol2: i128 = work.iter().filter_map(|w| w.obs).map(Obs::tol2).sum();
    let explain = |diff: i128| -> Option<String> {
        let mut parts: Vec<(String, i128)> = Vec::new();
        let dups: Vec<&Work> = work
            .iter()
            .filter(|w| w.region.is_some() && !w.canonical)
            .collect();
        let unknown: Vec<&Work> = work.iter().filter(|w| w.region.is_none()).collect();
        let differing: Vec<&Work> = work
            .iter()
            .filter(|w| w.canonical && w.verdict == Verdict::Differs)
            .collect();
        if !dups.is_empty() {
            let lines: Vec<String> = dups.iter().map(|w| w.row.line.to_string()).collect();
            parts.push((
                format!("the repeated row(s) on line {}", lines.join(", ")),
                dups.iter().filter_map(|w| w.obs).map(|o| o.a).sum(),
            ));
        }
        if !missing.is_empty() && follows {
            let names: Vec<&str> = missing
                .iter()
                .filter_map(|i| reference::regions().get(*i))
                .map(|r| r.name)
                .collect();
            parts.push((
                format!("the missing region(s) {}", names.join(", ")),
                -missing.iter().filter_map(|i| expected_of(*i)).sum::<i128>(),
            ));
        }
        if !unknown.is_empty() {
            let lines: Vec<String> = unknown.iter().map(|w| w.row.line.to_string()).collect();
            parts.push((
                format!(
                    "the row(s) that are not regions, on line {}",
                    lines.join(", ")
                ),
                unknown.iter().filter_map(|w| w.obs).map(|o| o.a).sum(),
            ));
        }
        if !differing.is_empty() && follows {
            let lines: Vec<String> = differing.iter().map(|w| w.row.line.to_string()).collect();
            parts.push((
                format!(
                    "the row(s) that differ from the key, on line {}",
                    lines.join(", ")
                ),
                differing
                    .iter()
                    .filter_map(|w| Some(w.obs?.a - expected_of(w.region?)?))
                    .sum(),
            ));
        }
        // The smallest combination of causes that accounts for the whole difference.
        let n = parts.len();
        for size in 1..=n {
            for mask in 0u32..(1 << n) {
                if mask.count_ones() as usize != size {
                    continue;
                }
                let chosen: Vec<&(String, i128)> = parts
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| mask & (1 << k) != 0)
                    .map(|(_, p)| p)
                    .collect();
                if chosen.iter().map(|p| p.1).sum::<i128>() == diff {
                    let what: Vec<String> = chosen
                        .iter()
                        .map(|p| format!("{} ({})", p.0, signed_kr(p.1, unit)))
                        .collect();
                    return Some(format!("accounted for by {}", what.join(" and ")));
                }
            }
        }
        if let Some(b) = best {
            let model_total: i128 = b.expected.iter().sum();
            if b.rounding != Rounding::LargestRemainder && exact && model_total - pot == diff {
                return Some(format!(
                    "the rows are {} of the key {best_name}, which does not preserve the total; largest remainder would",
                    b.rounding
                ));
            }
        }
        let rows = work.len() as u128;
        (diff.unsigned_abs() <= rows).then(|| {
            "no more than one krona per row: the size of rounding each row on its own".to_owned()
        })
    };
    let mut totals = Vec::new();
    let mut check = |against: &str,
                     line: Option<usize>,
                     stated: i128,
                     extra_tol2: i128,
                     findings: &mut Vec<Finding>| {
        let diff = rows_sum - stated;
        let tol2 = rows_tol2 + extra_tol2;
        let adds_up = diff.unsigned_abs().saturating_mul(2) <= tol2.unsigned_abs();
        let explanation = if adds_up { None } else { explain(diff) };
        let what = match against {
            "pot" => "the stated pot".to_owned(),
            _ => format!("the total line (line {})", line.unwrap_or(0)),
        };
        if !adds_up {
            let more = if diff > 0 { "more" } else { "less" };
            let mut msg = format!(
                "the rows add up to {}, {} {more} than {what} ({})",
                kr_units(rows_sum, unit),
                kr_units(diff.abs(), unit),
                kr_units(stated, unit)
            );
            if let Some(e) = &explanation {
                msg.push_str(&format!(": {e}"));
            }
            let mut f = Finding::warning(Code::TableTotalMismatch, Loc::root().join("total"), msg)
                .with("against", against)
                .with("rows_sum", from_units(rows_sum, unit))
                .with("stated", from_units(stated, unit))
                .with("diff", from_units(diff, unit));
            if let Some(l) = line {
                f = f.with("line", l);
            }
            if tol2 > 0 {
                f = f.with("tolerance", from_half_units(tol2.unsigned_abs(), unit));
            }
            if let Some(e) = &explanation {
                f = f.with("explanation", e);
            }
            findings.push(f);
        }
        totals.push(TotalCheck {
            against: against.to_owned(),
            line,
            stated: from_units(stated, unit),
            rows_sum: from_units(rows_sum, unit),
            diff: from_units(diff, unit),
            tolerance: from_half_units(tol2.unsigned_abs(), unit),
            adds_up,
            explanation,
        });
    };
    for t in &table.totals {
        if let Some(a) = t.amount.and_then(units_of) {
            let tol2 = Obs {
                a: 0,
                p: precision_of(t),
            }
            .tol2();
            check("total_line", Some(t.line), a, tol2, &mut findings);
        }
    }
    if let Some(p) = pot_units {
        check("pot", None, p, 0, &mut findings);
        if let Some((t, a)) = total_line {
            let d = a - p;
            if d.unsigned_abs().saturating_mul(2) > total_line_tol2.unsigned_abs() {
                findings.push(
                    Finding::warning(
                        Code::TableTotalMismatch,
                        Loc::root().join("total"),
                        format!(
                            "the total line (line {}) says {}, the stated pot is {} ({})",
                            t.line,
                            t.printed,
                            kr_units(p, unit),
                            signed_kr(d, unit)
                        ),
                    )
                    .with("against", "pot")
                    .with("line", t.line)
                    .with("total_line", from_units(a, unit))
                    .with("stated", from_units(p, unit))
                    .with("diff", from_units(d, unit)),
                );
            }
        }
    }
    let adds_up = totals.iter().all(|t| t.adds_up);

    // Which key.
    if let (Some(b), Some(bf)) = (best, &best_fit) {
        if bf.exact {
            let others: Vec<String> = key_fits
                .iter()
                .skip(1)
                .filter(|f| f.exact)
                .map(|f| format!("{} ({})", f.key, f.rounding))
                .collect();
            let mut msg = format!(
                "the key {best_name} with {} reproduces every region row ({} of {})",
                b.rounding, bf.rows_matching, bf.rows_compared
            );
            if !others.is_empty() {
                msg.push_str(&format!("; so do {}", others.join(", ")));
            }
            findings.push(
                Finding::info(Code::KeyReproduces, Loc::root(), msg)
                    .with("key", &best_name)
                    .with("rounding", b.rounding.as_str())
                    .with("rows", bf.rows_compared),
            );
        } else {
            findings.push(
                Finding::info(
                    Code::KeyDiffers,
                    Loc::root(),
                    format!(
                        "no bundled key reproduces the table; the closest is {best_name} with {}: {} of {} region rows match, and the rows differ from it by {} in all",
                        b.rounding,
                        bf.rows_matching,
                        bf.rows_compared,
                        kr(bf.total_abs_diff)
                    ),
                )
                .with("key", &best_name)
                .with("rounding", b.rounding.as_str())
                .with("rows_matching", bf.rows_matching)
                .with("rows_compared", bf.rows_compared)
                .with("total_abs_diff", bf.total_abs_diff),
            );
        }
    }

    // The implied key.
    let complete = obs.iter().all(Option::is_some);
    let mut implied = None;
    if !exact && complete {
        let center = fits
            .iter()
            .find(|f| cands.get(f.cand).is_some_and(|c| c.population))
            .and_then(|f| cands.get(f.cand));
        let obs_all: Vec<Obs> = obs.iter().flatten().copied().collect();
        if let Some(c) = center {
            implied = implied_key(&obs_all, pot_u, each_u, c);
        }
        if let Some(k) = &implied {
            let head: Vec<String> = k
                .totals
                .iter()
                .take(5)
                .map(|t| group(u128::from(*t)))
                .collect();
            let mut msg = format!(
                "the table is reproduced exactly by a population key with total {} inhabitants",
                group(u128::from(k.total))
            );
            if k.candidates > 1 {
                msg.push_str(&format!(
                    " (one of {} totals that do: {}{})",
                    k.candidates,
                    head.join(", "),
                    if k.candidates > 5 { ", …" } else { "" }
                ));
            }
            msg.push_str(&format!(
                "; the closest bundled key, {}, has {}",
                k.near,
                group(center.map_or(0, |c| c.weights.iter().sum()))
            ));
            findings.push(
                Finding::info(Code::ImpliedKey, Loc::root(), msg)
                    .with("total", k.total)
                    .with("candidates", k.candidates)
                    .with(
                        "totals",
                        k.totals
                            .iter()
                            .take(10)
                            .map(u64::to_string)
                            .collect::<Vec<_>>()
                            .join(","),
                    )
                    .with("near", &k.near)
                    .with(
                        "populations",
                        k.populations
                            .iter()
                            .map(|p| format!("{}:{}", p.recipient, p.population))
                            .collect::<Vec<_>>()
                            .join(","),
                    ),
            );
        }
    }

    // Rows out.
    let implied_of = |i: usize| {
        implied
            .as_ref()
            .and_then(|k: &ImpliedKey| k.populations.get(i))
            .map(|p| p.population)
    };
    let rows: Vec<RowVerdict> = work
        .iter()
        .map(|w| {
            let e = w.region.and_then(expected_of);
            RowVerdict {
                line: w.row.line,
                text: w.row.text.clone(),
                label: w.row.label.clone(),
                recipient: w.row.recipient.clone(),
                name: w
                    .region
                    .and_then(|i| reference::regions().get(i))
                    .map_or_else(|| w.row.label.clone(), |r| r.name.to_owned()),
                printed: w.row.printed.clone(),
                amount: w.obs.map(|o| from_units(o.a, unit)),
                rounded: w.row.is_rounded(),
                expected: e.map(|e| from_units(e, unit)),
                diff: w.obs.zip(e).map(|(o, e)| from_units(o.a - e, unit)),
                verdict: w.verdict,
                readings: w
                    .readings
                    .iter()
                    .map(|r| Reading {
                        amount: from_units(r.0, unit),
                        adds_up: r.1,
                    })
                    .collect(),
                implied_population: w.region.filter(|_| w.canonical).and_then(implied_of),
                note: w.note.clone(),
            }
        })
        .collect();

    // Summary.
    let differing = rows
        .iter()
        .filter(|r| r.verdict == Verdict::Differs)
        .count();
    let summary = Summary {
        rows: rows.len(),
        regions: count.iter().filter(|c| **c > 0).count(),
        missing: missing
            .iter()
            .filter_map(|i| reference::regions().get(*i))
            .map(|r| r.name.to_owned())
            .collect(),
        duplicates: rows
            .iter()
            .filter(|r| r.verdict == Verdict::Duplicate)
            .count(),
        unknown: rows
            .iter()
            .filter(|r| r.verdict == Verdict::Unknown)
            .count(),
        irregular: work.iter().filter(|w| !w.readings.is_empty()).count(),
        differing,
        rows_sum: from_units(rows_sum, unit),
        adds_up,
        best: best_fit.clone(),
        exact,
        headline: String::new(),
    };
    let mut rec = Reconciliation {
        table: table.name.clone(),
        statement: statement.clone(),
        unit,
        pot: from_units(pot, unit),
        pot_source,
        rows,
        totals,
        findings,
        fits: key_fits,
        implied,
        summary,
    };
    rec.summary.headline = headline(&rec);
    rec
}

/// The implied population key: every total T in ±8 % around the centre key's total for
/// which each row is the floor or ceiling of `pot·p_i/T` with whole p_i summing to T.
fn implied_key(obs: &[Obs], pot: u128, each: u128, center: &Cand) -> Option<ImpliedKey> {
    let rest = pot.checked_sub(each.checked_mul(obs.len() as u128)?)?;
    if rest == 0 {
        return None;
    }
    let c: u128 = center.weights.iter().sum();
    // Below two kronor per inhabitant the amounts cannot pin the populations down.
    if rest <= c.checked_mul(2)? {
        return None;
    }
    let lo_t = u64::try_from(c.checked_mul(92)? / 100).ok()?.max(1);
    let hi_t = u64::try_from(c.checked_mul(108)? / 100).ok()?;
    let each = i128::try_from(each).ok()?;
    let d = i128::try_from(rest).ok()?.checked_mul(2)?;
    // Per row: 2·(amount − each) and the doubled half-width (precision + 2).
    let rows: Vec<(i128, i128)> = obs
        .iter()
        .map(|o| (2 * (o.a - each), o.p.max(1) + 2))
        .collect();
    // Guard the products (a·T) against overflow once.
    let max_a = rows.iter().map(|r| r.0.abs() + r.1).max().unwrap_or(0);
    max_a.checked_mul(i128::from(hi_t))?;
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by_key(|k| rows.get(*k).map_or(0, |r| r.1));
    let bounds = |t: i128, k: usize| -> Option<(i128, i128)> {
        let (a2, w) = *rows.get(k)?;
        let low = (a2 - w) * t;
        let high = (a2 + w) * t;
        let lo = if low < 0 { 0 } else { low / d + 1 };
        let hi = if high <= 0 { -1 } else { (high - 1) / d };
        (lo <= hi).then_some((lo, hi))
    };
    let mut count = 0u64;
    let mut totals = Vec::new();
    let mut best: Option<u64> = None;
    for t in lo_t..=hi_t {
        let ti = i128::from(t);
        let (mut sum_lo, mut sum_hi) = (0i128, 0i128);
        let mut ok = true;
        for k in &order {
            match bounds(ti, *k) {
                Some((lo, hi)) => {
                    sum_lo += lo;
                    sum_hi += hi;
                    if sum_lo > ti {
                        ok = false;
                        break;
                    }
                }
                None => {
                    ok = false;
                    break;
                }
            }
        }
        if ok && sum_lo <= ti && ti <= sum_hi {
            count += 1;
            if totals.len() < 100 {
                totals.push(t);
            }
            let nearer = best.is_none_or(|b| u128::from(t).abs_diff(c) < u128::from(b).abs_diff(c));
            if nearer {
                best = Some(t);
            }
        }
    }
    let t = best?;
    let ti = i128::from(t);
    let mut pops: Vec<i128> = Vec::with_capacity(rows.len());
    let mut his = Vec::with_capacity(rows.len());
    for k in 0..rows.len() {
        let (lo, hi) = bounds(ti, k)?;
        pops.push(lo);
        his.push(hi);
    }
    let mut left = ti - pops.iter().sum::<i128>();
    for (p, hi) in pops.iter_mut().zip(&his) {
        let add = left.min(hi - *p);
        *p += add;
        left -= add;
    }
    let weights: Vec<u128> = pops
        .iter()
        .map(|p| u128::try_from(*p).unwrap_or(0))
        .collect();
    let rounding = Rounding::ALL.into_iter().find(|r| {
        model(pot, u128::try_from(each).unwrap_or(0), &weights, *r)
            .is_some_and(|m| m.iter().zip(obs).all(|(e, o)| o.matches(*e)))
    });
    let populations = reference::regions()
        .iter()
        .zip(&pops)
        .zip(&center.weights)
        .map(|((r, p), b)| ImpliedPopulation {
            recipient: RecipientId::new(r.code),
            name: r.name.to_owned(),
            population: u64::try_from(*p).unwrap_or(0),
            bundled: u64::try_from(*b).unwrap_or(0),
        })
        .collect();
    Some(ImpliedKey {
        total: t,
        populations,
        candidates: count,
        totals,
        searched: (lo_t, hi_t),
        near: center.name.clone(),
        rounding,
    })
}

/// "two adjacent digits swapped" when `a` and `e` have the same digits but two exchanged.
fn swapped_digits(a: i128, e: i128) -> Option<String> {
    let (x, y) = (a.unsigned_abs().to_string(), e.unsigned_abs().to_string());
    if x.len() != y.len() || a.signum() != e.signum() {
        return None;
    }
    let diff: Vec<usize> = x
        .bytes()
        .zip(y.bytes())
        .enumerate()
        .filter(|(_, (p, q))| p != q)
        .map(|(k, _)| k)
        .collect();
    let [i, j] = diff.as_slice() else { return None };
    let (xb, yb) = (x.as_bytes(), y.as_bytes());
    (xb.get(*i) == yb.get(*j) && xb.get(*j) == yb.get(*i)).then(|| {
        if j - i == 1 {
            "two adjacent digits swapped".to_owned()
        } else {
            "two digits swapped".to_owned()
        }
    })
}

/// A whole number with spaces between thousands: 10 452 301.
fn group(n: u128) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (k, c) in s.chars().enumerate() {
        if k > 0 && (s.len() - k).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

fn headline(rec: &Reconciliation) -> String {
    let s = &rec.summary;
    let mut parts = Vec::new();
    let pot_check = rec.totals.iter().find(|t| t.against == "pot");
    let line_check = rec.totals.iter().find(|t| t.against == "total_line");
    match (pot_check, line_check) {
        (Some(p), _) if !p.adds_up => parts.push(format!(
            "The rows add up to {}, {} {} than the stated pot of {}.",
            kr(p.rows_sum),
            kr(Sek(p.diff.value().abs())),
            if p.diff.value().is_sign_positive() {
                "more"
            } else {
                "less"
            },
            kr(p.stated)
        )),
        (_, Some(l)) if !l.adds_up => parts.push(format!(
            "The rows add up to {}, not to the {} of the table's total line.",
            kr(l.rows_sum),
            kr(l.stated)
        )),
        (None, None) => parts.push(format!(
            "The rows add up to {} (no total stated).",
            kr(s.rows_sum)
        )),
        _ => parts.push(format!(
            "The rows add up to the stated total, {}.",
            kr(s.rows_sum)
        )),
    }
    if !s.missing.is_empty() {
        parts.push(format!("Missing: {}.", s.missing.join(", ")));
    }
    if s.duplicates > 0 {
        parts.push(format!("{} repeated row(s).", s.duplicates));
    }
    if s.unknown > 0 {
        parts.push(format!("{} row(s) not a region.", s.unknown));
    }
    if s.irregular > 0 {
        parts.push(format!(
            "{} amount(s) with irregular digit grouping.",
            s.irregular
        ));
    }
    match &s.best {
        Some(b) if b.exact => parts.push(format!(
            "The key {} with {} reproduces every region row.",
            b.key, b.rounding
        )),
        Some(b) => {
            parts.push(format!(
                "No bundled key reproduces the table; closest: {} with {} ({} of {} rows match).",
                b.key, b.rounding, b.rows_matching, b.rows_compared
            ));
            if let Some(k) = &rec.implied {
                parts.push(format!(
                    "A population key totalling {} inhabitants reproduces it exactly.",
                    group(u128::from(k.total))
                ));
            }
        }
        None => {}
    }
    if s.differing > 0
        && s.best
            .as_ref()
            .is_some_and(|b| b.rows_matching * 2 >= b.rows_compared)
    {
        let lines: Vec<String> = rec
            .rows
            .iter()
            .filter(|r| r.verdict == Verdict::Differs)
            .map(|r| format!("line {} ({})", r.line, r.name))
            .collect();
        parts.push(format!("Differs from that key: {}.", lines.join(", ")));
    }
    parts.join(" ")
}

impl fmt::Display for Reconciliation {
    /// A per-row report for a reader.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = &self.summary;
        writeln!(f, "Reconciliation of {}", self.table)?;
        match self.statement.pot {
            Some(p) => write!(f, "  stated pot: {}", kr(p))?,
            None => write!(
                f,
                "  no pot stated; the model splits {} ({})",
                kr(self.pot),
                match self.pot_source {
                    PotSource::TotalLine => "the table's total line",
                    _ => "the sum of the rows",
                }
            )?,
        }
        match &self.statement.rule {
            Some(r) => writeln!(f, "; rule: {r}")?,
            None => writeln!(f, "; rule not stated")?,
        }
        writeln!(
            f,
            "  {} rows, {} of 21 regions; the rows add up to {}",
            s.rows,
            s.regions,
            kr(s.rows_sum)
        )?;
        if let Some(b) = &s.best {
            writeln!(
                f,
                "  best key: {} with {}: {} of {} region rows match{}",
                b.key,
                b.rounding,
                b.rows_matching,
                b.rows_compared,
                if b.exact {
                    String::new()
                } else {
                    format!(", {} apart in all", kr(b.total_abs_diff))
                }
            )?;
        }
        writeln!(f)?;
        writeln!(
            f,
            "  {:>4}  {:<28} {:>20} {:>20} {:>14}  verdict",
            "line", "region", "published", "expected", "difference"
        )?;
        for r in &self.rows {
            let published = match r.amount {
                Some(_) if r.verdict == Verdict::IrregularGrouping => r.printed.clone(),
                Some(_) if r.rounded => format!("≈ {}", r.printed),
                Some(a) => kr(a),
                None => r.printed.clone(),
            };
            let mut name: String = r.name.chars().take(28).collect();
            if r.name.chars().count() > 28 {
                name.pop();
                name.push('…');
            }
            let diff = r.diff.map_or(String::new(), |d| {
                if d.value().is_zero() {
                    "0".to_owned()
                } else if d.value().is_sign_positive() {
                    format!("+{}", kr(d))
                } else {
                    kr(d)
                }
            });
            write!(
                f,
                "  {:>4}  {:<28} {:>20} {:>20} {:>14}  {}",
                r.line,
                name,
                published,
                r.expected.map_or(String::new(), kr),
                diff,
                r.verdict.as_str()
            )?;
            if let Some(n) = &r.note {
                write!(f, " ({n})")?;
            }
            writeln!(f)?;
        }
        for m in &s.missing {
            writeln!(f, "  {:>4}  {:<28} {:>20}", "—", m, "(no row)")?;
        }
        if !self.totals.is_empty() {
            writeln!(f)?;
            writeln!(f, "  totals:")?;
            for t in &self.totals {
                let what = match t.line {
                    Some(l) => format!("total line (line {l})"),
                    None => "stated pot".to_owned(),
                };
                write!(
                    f,
                    "    {what}: {}; rows: {}; ",
                    kr(t.stated),
                    kr(t.rows_sum)
                )?;
                if t.adds_up {
                    if t.tolerance.value().is_zero() {
                        write!(f, "adds up")?;
                    } else {
                        write!(
                            f,
                            "adds up within the rounding of the rows (±{})",
                            kr(t.tolerance)
                        )?;
                    }
                } else {
                    write!(f, "DIFFERENCE {}", kr(t.diff))?;
                    if let Some(e) = &t.explanation {
                        write!(f, " — {e}")?;
                    }
                }
                writeln!(f)?;
            }
        }
        if !self.fits.is_empty() {
            writeln!(f)?;
            writeln!(f, "  closest keys:")?;
            for k in self.fits.iter().take(4) {
                writeln!(
                    f,
                    "    {:<32} {:<26} {:>2}/{:<2} rows{}",
                    k.key,
                    k.rounding.to_string(),
                    k.rows_matching,
                    k.rows_compared,
                    if k.exact {
                        "  exact".to_owned()
                    } else {
                        format!("  {} apart", kr(k.total_abs_diff))
                    }
                )?;
            }
        }
        if let Some(k) = &self.implied {
            writeln!(f)?;
            writeln!(
                f,
                "  implied population key: total {} inhabitants ({} candidate total(s) in {}–{}; closest bundled key {}){}",
                group(u128::from(k.total)),
                k.candidates,
                group(u128::from(k.searched.0)),
                group(u128::from(k.searched.1)),
                k.near,
                k.rounding.map_or(String::new(), |r| format!(", {r}"))
            )?;
            for p in &k.populations {
                let d = i128::from(p.population) - i128::from(p.bundled);
                writeln!(
                    f,
                    "    {:<28} {:>12}  (bundled {:>12}, {}{})",
                    p.name,
                    group(u128::from(p.population)),
                    group(u128::from(p.bundled)),
                    if d >= 0 { "+" } else { "-" },
                    group(d.unsigned_abs())
                )?;
            }
        }
        if !self.findings.is_empty() {
            writeln!(f)?;
            writeln!(f, "  findings:")?;
            for x in &self.findings {
                writeln!(f, "    {x}")?;
            }
        }
        if !self.summary.headline.is_empty() {
            writeln!(f)?;
            writeln!(f, "  {}", self.summary.headline)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_names_match_tolerantly() {
        let code = |s: &str| match classify_label(s) {
            LabelKind::Region(i) => reference::regions().get(i).map(|r| r.code),
            _ => None,
        };
        assert_eq!(code("Region Uppsala"), Some("03"));
        assert_eq!(code("uppsala"), Some("03"));
        assert_eq!(code("Uppsala län"), Some("03"));
        assert_eq!(code("03"), Some("03"));
        assert_eq!(code("3"), Some("03"));
        assert_eq!(code("03 Region Uppsala"), Some("03"));
        assert_eq!(code("Västra Götalandsregionen"), Some("14"));
        assert_eq!(code("VÄSTRA GÖTALAND"), Some("14"));
        assert_eq!(code("Region Jönköpings län"), Some("06"));
        assert_eq!(code("Jönköping"), Some("06"));
        assert_eq!(code("Region Sörmland"), Some("04"));
        assert_eq!(code("Södermanlands län"), Some("04"));
        assert_eq!(code("Region Jämtland Härjedalen"), Some("23"));
        assert_eq!(code("Stockholms läns landsting"), Some("01"));
        assert_eq!(code("Region Gotland 1)"), Some("09"));
        assert_eq!(code("Dalarnas län"), Some("20"));
        assert_eq!(code("Uppsala kommun"), None);
        assert!(matches!(classify_label("Totalt"), LabelKind::Total));
        assert!(matches!(classify_label("Summa"), LabelKind::Total));
        assert!(matches!(classify_label("Total"), LabelKind::Total));
    }

    #[test]
    fn lines_split_into_label_and_amount() {
        let s = |l: &str| split_line(l);
        assert_eq!(
            s("Region Uppsala 54 499 160 kr"),
            ("Region Uppsala".into(), Some("54 499 160 kr".into()))
        );
        assert_eq!(
            s("Uppsala län:\u{a0}54\u{a0}499\u{202f}160"),
            ("Uppsala län:".into(), Some("54\u{a0}499\u{202f}160".into()))
        );
        assert_eq!(
            s("Region Skåne 54,5 mnkr"),
            ("Region Skåne".into(), Some("54,5 mnkr".into()))
        );
        assert_eq!(
            s("Region Skåne 160kr"),
            ("Region Skåne".into(), Some("160kr".into()))
        );
        assert_eq!(
            s("03 54 499 160"),
            (String::new(), Some("03 54 499 160".into()))
        );
        assert_eq!(
            code_in_front("10 122 837 903 kr"),
            Some(("10".into(), "122 837 903 kr".into()))
        );
        assert_eq!(
            s("03\tRegion Uppsala\t383 713\t54 499 160"),
            ("03 Region Uppsala".into(), Some("54 499 160".into()))
        );
        assert_eq!(s("Region Uppsala"), ("Region Uppsala".into(), None));
    }

    #[test]
    fn irregular_groupings_have_readings() {
        match read_amount("544 99 160 kr", None) {
            AmountRead::Irregular {
                readings,
                precision,
            } => {
                let r: Vec<String> = readings.iter().map(ToString::to_string).collect();
                assert_eq!(r, ["54499160", "544099160", "544990160"]);
                assert_eq!(precision, Decimal::ONE);
            }
            _ => panic!("expected readings"),
        }
        match read_amount("54 499", Some("tkr")) {
            AmountRead::Value { value, precision } => {
                assert_eq!(value, Decimal::from(54_499_000));
                assert_eq!(precision, Decimal::from(1000));
            }
            _ => panic!("expected a value"),
        }
    }

    #[test]
    fn swapped() {
        assert_eq!(
            swapped_digits(54_949_160, 54_499_160).as_deref(),
            Some("two adjacent digits swapped")
        );
        assert_eq!(swapped_digits(54_499_161, 54_499_160), None);
        assert_eq!(group(10_452_301), "10 452 301");
        assert_eq!(group(999), "999");
    }
}
