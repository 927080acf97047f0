//! Reading a published table: CSV with a header or text pasted from a web page or a PDF;
//! labels and region names (tolerant of case, diacritics, "Region"/"län" and codes); units
//! (`kr`, `tkr`, `mnkr`, header units); Swedish number formats and the readings of an
//! irregular digit grouping.

use super::*;
use crate::message::Template;
use crate::message::templates::reconcile as templates;

/// How a published table was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
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
#[non_exhaustive]
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
    ///
    /// ```
    /// use vardavtal::{reconcile::PublishedTable, Sek};
    /// let t = PublishedTable::parse("t", "Region Stockholm 54,5 mnkr\nRegion Uppsala 12 345 kr\n")?;
    /// let (a, b) = (&t.rows[0], &t.rows[1]);
    /// assert_eq!((a.recipient.as_ref().map(|r| r.as_str()), a.printed.as_str()), (Some("01"), "54,5 mnkr"));
    /// assert_eq!((a.amount, a.precision), (Some(Sek::kronor(54_500_000)), Sek::kronor(100_000)));
    /// assert!(a.is_rounded() && !b.is_rounded());
    /// assert!(!b.is_irregular());
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
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
#[non_exhaustive]
pub struct IgnoredLine {
    /// The 1-based line of the input.
    pub line: usize,
    /// The line as written.
    pub text: String,
}

/// A per-region table as published, read line by line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[non_exhaustive]
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
    ///
    /// A text of more than [`MAX_TABLE_LINES`](crate::input::bounds::MAX_TABLE_LINES)
    /// lines is an `invalid_value` error (`table_too_many_lines`) before any line is read;
    /// [`PublishedTable::parse_within`] takes another limit.
    ///
    /// ```
    /// use vardavtal::{Code, Sek, reconcile::PublishedTable};
    /// let t = PublishedTable::parse("t", "Fördelning 2023\nRegion Uppsala 1 234 567 kr\n")?;
    /// assert_eq!(t.rows.len(), 1);
    /// assert_eq!(t.rows[0].amount, Some(Sek::kronor(1_234_567)));
    /// let e = PublishedTable::parse("t", "no amounts here\n").unwrap_err();
    /// assert_eq!(e.code(), Code::Syntax);
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    ///
    /// # Errors
    /// `invalid_value` (`table_too_many_lines`) for a text of more than
    /// [`MAX_TABLE_LINES`](crate::input::bounds::MAX_TABLE_LINES) lines; `syntax` for a CSV
    /// record that cannot be read (`table_csv_malformed`) or when no line has an amount
    /// (`table_no_rows`, followed by the `table_unparsed_line` warnings of the lines).
    pub fn parse(name: &str, text: &str) -> Result<PublishedTable> {
        Self::parse_within(name, text, crate::input::bounds::MAX_TABLE_LINES)
    }

    /// As [`PublishedTable::parse`], reading a table of at most `max_lines` lines.
    ///
    /// ```
    /// use vardavtal::reconcile::PublishedTable;
    /// let e = PublishedTable::parse_within("t", "Region Uppsala 1 kr\n".repeat(3).as_str(), 2).unwrap_err();
    /// assert_eq!(e.code(), vardavtal::Code::InvalidValue);
    /// assert_eq!(e.findings()[0].loc.to_string(), "rows[3]");
    /// ```
    ///
    /// # Errors
    /// As [`PublishedTable::parse`], with `max_lines` as the limit.
    pub fn parse_within(name: &str, text: &str, max_lines: usize) -> Result<PublishedTable> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.lines().nth(max_lines).is_some() {
            return Err(templates::TABLE_TOO_MANY_LINES
                .error(loc_row(max_lines + 1))
                .with("name", name)
                .with("limit", max_lines)
                .into_error());
        }
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
            let mut findings = vec![
                templates::TABLE_NO_ROWS
                    .error(Loc::root().join(name))
                    .with("quoted", format!("{name:?}"))
                    .with("name", name),
            ];
            findings.extend(table.findings);
            return Err(Error::from_findings(findings));
        }
        Ok(table)
    }

    fn unparsed(&mut self, line: usize, text: &str, why: Unreadable) {
        let (t, reason) = match why {
            Unreadable::LabelNoAmount => (
                &templates::TABLE_LINE_LABEL_NO_AMOUNT,
                "a region or total with no amount",
            ),
            Unreadable::RegionNoAmount => (
                &templates::TABLE_LINE_REGION_NO_AMOUNT,
                "a region with no amount",
            ),
            Unreadable::AmountNoLabel => (
                &templates::TABLE_LINE_AMOUNT_NO_LABEL,
                "an amount with no region or total label",
            ),
            Unreadable::NoAmount => (&templates::TABLE_LINE_NO_AMOUNT, "no amount"),
        };
        self.findings
            .push(unread(t, line, text).with("reason", reason));
    }

    fn bad_amount(&mut self, line: usize, text: &str, amount_text: &str, why: &BadAmount) {
        let (t, why) = match why {
            BadAmount::TooManyDigits => (
                &templates::TABLE_LINE_AMOUNT_TOO_MANY_DIGITS,
                "too many digits".to_owned(),
            ),
            BadAmount::Hedged => (
                &templates::TABLE_LINE_AMOUNT_HEDGED,
                "a hedged figure is not an exact amount".to_owned(),
            ),
            BadAmount::Invalid(f) => (&templates::TABLE_LINE_AMOUNT_INVALID, f.msg.clone()),
        };
        let quoted = format!("{amount_text:?}");
        let reason = format!("the amount {quoted} is not a number ({why})");
        self.findings.push(
            unread(t, line, text)
                .with("amount_quoted", quoted)
                .with("why", why)
                .with("reason", reason),
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
            AmountRead::Bad(why) => {
                self.bad_amount(line, text, amount_text, &why);
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
                            self.unparsed(l, &t, Unreadable::LabelNoAmount);
                        }
                        pending = Some((line, raw.trim().to_owned(), cleaned));
                    }
                    LabelKind::Other => {
                        if let Some(u) = header_unit(raw) {
                            unit = Some(u);
                        }
                        if starts_with_region(&cleaned) {
                            self.unparsed(line, raw, Unreadable::RegionNoAmount);
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
                            self.unparsed(line, raw, Unreadable::AmountNoLabel);
                        }
                    },
                }
                continue;
            }
            if let Some((l, t, _)) = pending.take() {
                self.unparsed(l, &t, Unreadable::LabelNoAmount);
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
            self.unparsed(l, &t, Unreadable::LabelNoAmount);
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
                templates::TABLE_CSV_MALFORMED
                    .error(Loc::root().join(self.name.as_str()).join(line))
                    .with("error", e)
                    .into_error()
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
                self.unparsed(line, text, Unreadable::NoAmount);
                continue;
            }
            if label.is_empty() {
                self.unparsed(line, text, Unreadable::AmountNoLabel);
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

pub(super) fn loc_row(line: usize) -> Loc {
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
    Bad(BadAmount),
}

/// Why an amount cannot be read.
enum BadAmount {
    TooManyDigits,
    Hedged,
    /// The reader's finding.
    Invalid(Finding),
}

/// Why a line cannot be read.
#[derive(Clone, Copy)]
enum Unreadable {
    LabelNoAmount,
    RegionNoAmount,
    AmountNoLabel,
    NoAmount,
}

/// The warning of `t` that line `line` (`text`) cannot be read.
fn unread(t: &'static Template, line: usize, text: &str) -> Finding {
    t.warning(loc_row(line))
        .with("line", line)
        .with("text", text.trim())
        .with("quoted", format!("{:?}", text.trim()))
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
            _ => AmountRead::Bad(BadAmount::TooManyDigits),
        };
    }
    let with_unit = match unit.filter(|_| !has_unit) {
        Some(u) => format!("{text} {u}"),
        None => text.to_owned(),
    };
    match parse_swedish(&with_unit) {
        Ok(a) if a.qualifier.is_some() => AmountRead::Bad(BadAmount::Hedged),
        Ok(a) => AmountRead::Value {
            value: a.value,
            precision: a.precision,
        },
        Err(msg) if msg.msg.contains("irregular digit grouping") => {
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
                _ => AmountRead::Bad(BadAmount::Invalid(msg)),
            }
        }
        Err(msg) => AmountRead::Bad(BadAmount::Invalid(msg)),
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
}
