//! Rendering a [`Table`]: aligned text, HTML, CSV and JSON records, and the number forms
//! for people.

use comfy_table::{CellAlignment, presets};
use rust_decimal::Decimal;
use serde_json::{Map, Value};

use super::{Cell, Kind, Table, words};
use crate::agreement::When;

/// A whole number grouped by spaces: `10 443 100`.
pub(crate) fn group(n: i128) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// A decimal for people: the integer part grouped by spaces, a decimal comma.
pub(crate) fn number(d: Decimal) -> String {
    let s = d.normalize().to_string();
    let (sign, s) = s.strip_prefix('-').map_or(("", s.as_str()), |r| ("-", r));
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let int = int.parse::<i128>().map_or_else(|_| int.to_owned(), group);
    if frac.is_empty() {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int},{frac}")
    }
}

impl Table {
    /// The table as aligned text for people: the title, the rows, the footer lines, the
    /// notes; control characters in them escaped ([`crate::escape::controls`]), so that an
    /// id with an ANSI escape reaches a terminal as text.
    ///
    /// ```
    /// use vardavtal::{Sek, view::{Cell, Column, Kind, Table}};
    /// let mut t = Table::new("Pots", vec![Column::new("code", Kind::Text), Column::new("amount", Kind::Amount)]);
    /// t.rows.push(vec!["01".into(), Sek::kronor(1_382_000_000).into()]);
    /// t.rows.push(vec!["03".into(), Cell::Empty]);
    /// t.footer.push(vec!["total".into(), Sek::kronor(1_382_000_000).into()]);
    /// t.notes.push("The pot of 2022.".into());
    /// assert_eq!(t.to_text(), "\
    /// Pots
    /// | code  |           amount |
    /// |-------|------------------|
    /// | 01    | 1 382 000 000 kr |
    /// | 03    |                  |
    /// | total | 1 382 000 000 kr |
    /// The pot of 2022.
    /// ");
    /// ```
    pub fn to_text(&self) -> String {
        self.to_text_limited(None)
    }

    /// As [`Table::to_text`], showing at most `limit` rows (the first ones and the last
    /// five, with a line saying how many are not shown).
    ///
    /// ```
    /// use vardavtal::view::regions;
    /// let text = regions().to_text_limited(Some(10)); // 21 regions
    /// assert!(text.contains("| 01   | Region Stockholm") && text.contains("| 25   | Region Norrbotten"));
    /// assert!(!text.contains("Region Gotland"));
    /// assert!(text.ends_with("(11 rows not shown)\n"));
    /// ```
    pub fn to_text_limited(&self, limit: Option<usize>) -> String {
        let mut t = comfy_table::Table::new();
        t.load_style(presets::ASCII_MARKDOWN);
        t.set_header(
            self.columns
                .iter()
                .map(|c| crate::escape::controls(&c.header).into_owned()),
        );
        let (shown, cut) = shown_rows(&self.rows, limit);
        for r in shown {
            match r {
                Some(r) => t.add_row(self.row_for_people(r)),
                None => t.add_row(self.columns.iter().map(|_| "…")),
            };
        }
        for r in &self.footer {
            t.add_row(self.row_for_people(r));
        }
        for (i, c) in self.columns.iter().enumerate() {
            if let (true, Some(col)) = (c.kind.is_numeric(), t.column_mut(i)) {
                col.set_cell_alignment(CellAlignment::Right);
            }
        }
        let mut s = String::new();
        if !self.title.is_empty() {
            s.push_str(&crate::escape::controls(&self.title));
            s.push('\n');
        }
        if !self.columns.is_empty() {
            s.push_str(&t.to_string());
            s.push('\n');
        }
        if cut > 0 {
            s.push_str(&words::not_shown(cut));
            s.push('\n');
        }
        for n in &self.notes {
            s.push_str(&crate::escape::controls(n));
            s.push('\n');
        }
        s
    }

    /// The table as an HTML fragment (for notebooks and pages): amounts right-aligned.
    ///
    /// ```
    /// use vardavtal::{Sek, view::{Cell, Column, Kind, Table}};
    /// let mut t = Table::new("Pots", vec![Column::new("code", Kind::Text), Column::new("amount", Kind::Amount)]);
    /// t.rows.push(vec!["01".into(), Sek::kronor(1_382_000_000).into()]);
    /// t.rows.push(vec!["03".into(), Cell::Empty]);
    /// let html = t.to_html();
    /// assert!(html.starts_with("<div class=\"vardavtal\"><strong>Pots</strong><table>"));
    /// assert!(html.contains("<td style=\"text-align:right\">1 382 000 000 kr</td>"));
    /// ```
    pub fn to_html(&self) -> String {
        let e = escape;
        let align = |k: Kind| if k.is_numeric() { "right" } else { "left" };
        let mut s = format!(
            "<div class=\"vardavtal\"><strong>{}</strong><table><thead><tr>",
            e(&self.title)
        );
        for c in &self.columns {
            s.push_str(&format!(
                "<th style=\"text-align:{}\">{}</th>",
                align(c.kind),
                e(&c.header)
            ));
        }
        s.push_str("</tr></thead><tbody>");
        for (i, r) in self.rows.iter().chain(&self.footer).enumerate() {
            let tag = if i >= self.rows.len() { "th" } else { "td" };
            s.push_str("<tr>");
            for (c, v) in self.columns.iter().zip(r) {
                s.push_str(&format!(
                    "<{tag} style=\"text-align:{}\">{}</{tag}>",
                    align(c.kind),
                    e(&cell_for_people(&c.id, v))
                ));
            }
            s.push_str("</tr>");
        }
        s.push_str("</tbody></table>");
        for n in &self.notes {
            s.push_str(&format!("<div>{}</div>", e(n)));
        }
        s.push_str("</div>");
        s
    }

    /// The rows as CSV with a header of column ids; numbers as plain decimals.
    ///
    /// Every value is written exactly as it is, for programs: a text cell that starts with
    /// `=`, `+`, `-`, `@`, a tab or a carriage return is not neutralised here (a program
    /// must get the id it gave), so a spreadsheet that opens this file may read such a
    /// cell as a formula. For people and spreadsheets write [`Table::to_csv_sv`] or the
    /// XLSX, which neutralise text cells ([`crate::escape::formula`]).
    ///
    /// ```
    /// use vardavtal::{Sek, view::{Cell, Column, Kind, Table}};
    /// let mut t = Table::new("Pots", vec![Column::new("code", Kind::Text), Column::new("amount", Kind::Amount)]);
    /// t.rows.push(vec!["01".into(), Sek::kronor(1_382_000_000).into()]);
    /// t.rows.push(vec!["03".into(), Cell::Empty]);
    /// assert_eq!(t.to_csv(), "code,amount\n01,1382000000\n03,\n");
    /// ```
    pub fn to_csv(&self) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        let _ = w.write_record(self.columns.iter().map(|c| c.id.as_str()));
        for r in &self.rows {
            let _ = w.write_record(r.iter().map(Cell::plain));
        }
        w.into_inner()
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .unwrap_or_default()
    }

    /// CSV for Swedish Excel: a UTF-8 byte-order mark, semicolons, the headers people
    /// read, amounts and decimals with a decimal comma and no grouping, and text that
    /// Excel would turn into a number or a date (`01`, `0114`, `2019-06`) written as
    /// `="01"`, so that it stays text. A text cell that a spreadsheet would run as a
    /// formula (`=HYPERLINK(…)`, `@SUM(…)`, `-x`: [`crate::escape::is_formula`]) is
    /// written with a leading `'`; amounts and numbers are numbers and keep their sign.
    ///
    /// ```
    /// use vardavtal::view::{Cell, Column, Kind, Table};
    /// let mut t = Table::new("t", vec![Column::new("code", Kind::Text), Column::titled("amount", "Belopp", Kind::Amount)]);
    /// t.rows.push(vec![Cell::Text("01".into()), Cell::Amount("1234.5".parse()?)]);
    /// // `="01"`, quoted as CSV quotes a field with quotes in it
    /// assert_eq!(t.to_csv_sv(), "\u{feff}code;Belopp\r\n\"=\"\"01\"\"\";1234,5\r\n");
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn to_csv_sv(&self) -> String {
        let mut w = csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        let _ = w.write_record(self.columns.iter().map(|c| c.header.as_str()));
        for r in &self.rows {
            let _ = w.write_record(
                self.columns
                    .iter()
                    .zip(r)
                    .map(|(c, v)| v.for_swedish_excel(&c.id)),
            );
        }
        let body = w
            .into_inner()
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .unwrap_or_default();
        format!("\u{feff}{body}")
    }

    /// The rows as JSON objects keyed by column id (amounts and decimals as strings).
    ///
    /// ```
    /// use vardavtal::{Sek, view::{Cell, Column, Kind, Table}};
    /// let mut t = Table::new("Pots", vec![Column::new("code", Kind::Text), Column::new("amount", Kind::Amount)]);
    /// t.rows.push(vec!["01".into(), Sek::kronor(1_382_000_000).into()]);
    /// t.rows.push(vec!["03".into(), Cell::Empty]);
    /// let records = t.to_records();
    /// assert_eq!(records[0]["amount"], "1382000000");
    /// assert!(records[1]["amount"].is_null());
    /// ```
    pub fn to_records(&self) -> Vec<Map<String, Value>> {
        self.rows
            .iter()
            .map(|r| {
                self.columns
                    .iter()
                    .zip(r)
                    .map(|(c, v)| (c.id.clone(), serde_json::to_value(v).unwrap_or(Value::Null)))
                    .collect()
            })
            .collect()
    }
}

impl Table {
    /// The cells of a row as people read them, by the columns they are in.
    fn row_for_people(&self, r: &[Cell]) -> Vec<String> {
        r.iter()
            .enumerate()
            .map(|(i, v)| match self.columns.get(i) {
                Some(c) => cell_for_people(&c.id, v),
                None => v.for_people(),
            })
            .map(|s| match crate::escape::controls(&s) {
                std::borrow::Cow::Borrowed(_) => s,
                std::borrow::Cow::Owned(o) => o,
            })
            .collect()
    }
}

/// A cell as people read it in column `column`: a text holding an id (a rule, a part, a
/// kind…) by its name in the language of texts now ([`words::for_people`]), other cells as
/// [`Cell::for_people`] writes them.
pub(crate) fn cell_for_people(column: &str, v: &Cell) -> String {
    match v {
        Cell::Text(s) => words::for_people(column, s).into_owned(),
        _ => v.for_people(),
    }
}

/// The rows to show (None: the "…" line) and how many are cut.
fn shown_rows(rows: &[Vec<Cell>], limit: Option<usize>) -> (Vec<Option<&Vec<Cell>>>, usize) {
    match limit {
        Some(l) if rows.len() > l => {
            let head = l.saturating_sub(5).max(1);
            let tail = rows.len().saturating_sub(5).max(head);
            let mut v: Vec<Option<&Vec<Cell>>> = rows.iter().take(head).map(Some).collect();
            v.push(None);
            v.extend(rows.iter().skip(tail).map(Some));
            (v, tail - head)
        }
        _ => (rows.iter().map(Some).collect(), 0),
    }
}

fn escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            _ => o.push(c),
        }
    }
    o
}

impl Cell {
    /// The value in a CSV for Swedish Excel ([`Table::to_csv_sv`]).
    fn for_swedish_excel(&self, column: &str) -> String {
        match self {
            Cell::Amount(_) | Cell::Decimal(_) => self.plain().replace('.', ","),
            Cell::Text(s) if excel_would_convert(s) => format!("=\"{s}\""),
            Cell::Text(s) => crate::escape::formula(&words::for_people(column, s)).into_owned(),
            Cell::Date(When::Month(_)) => format!("=\"{}\"", self.plain()),
            _ => self.plain(),
        }
    }
}

/// Text that Excel reads as a number or a date: digits with a leading zero (`01`), or
/// digits and dashes (`2019-06`).
fn excel_would_convert(s: &str) -> bool {
    let digits = !s.is_empty() && s.chars().all(|c| c.is_ascii_digit() || c == '-');
    digits && (s.starts_with('0') || s.contains('-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_for_people() {
        assert_eq!(group(10_443_100), "10 443 100");
        assert_eq!(group(-1_000), "-1 000");
        assert_eq!(group(999), "999");
        assert_eq!(
            number("12328618.7476".parse().unwrap_or_default()),
            "12 328 618,7476"
        );
        assert_eq!(number("-0.50".parse().unwrap_or_default()), "-0,5");
    }
}
