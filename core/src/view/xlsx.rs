//! Tables as an Excel workbook (feature `xlsx`, with rust_xlsxwriter): one sheet per table,
//! its title on top, then the headers people read and the rows; amounts as numbers in a
//! kronor format, whole numbers as numbers, codes and other text as text (so `01` keeps
//! its zero), days as dates, months as text (`2022-06` does not turn into a date); the
//! footer in bold and the notes below.
//!
//! Excel holds numbers as binary doubles: an amount or decimal is written as a number only
//! when Excel shows it with exactly its digits (every amount below 2^53 öre), and as text
//! otherwise, so no figure is changed.
//!
//! Text that a spreadsheet would run as a formula (`=HYPERLINK(…)`, `@SUM(…)`: it starts
//! with `=`, `+`, `-`, `@`, a tab or a carriage return) is a string cell with Excel's quote
//! prefix: shown exactly, never evaluated, still text when edited.

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use super::{Cell, Kind, Table, words};
use crate::agreement::When;
use crate::finding::{Error, Loc, Result};

/// The workbook of `sheets`, as the bytes of an `.xlsx` file.
///
/// ```
/// let key = vardavtal::input::key("population:regions:2021-11-01")?;
/// let a = vardavtal::split("443000000".parse()?, &key, None, vardavtal::Unit::Krona)?;
/// let bytes = vardavtal::view::xlsx(&vardavtal::view::View::sheets(&a))?;
/// assert_eq!(&bytes[..2], b"PK"); // a zip container
/// # Ok::<(), vardavtal::Error>(())
/// ```
pub fn workbook(sheets: &[Table]) -> Result<Vec<u8>> {
    let mut book = Workbook::new();
    let mut names: Vec<String> = Vec::new();
    for t in sheets {
        let name = unique(sheet_name(&t.title), &names);
        let ws = book.add_worksheet();
        write_sheet(ws, &name, t).map_err(excel_error)?;
        names.push(name);
    }
    book.save_to_buffer().map_err(excel_error)
}

fn excel_error(e: XlsxError) -> Error {
    crate::message::templates::reconcile::XLSX_WRITE_FAILED
        .error(Loc::root())
        .with("error", e)
        .into_error()
}

/// A sheet name from a title: up to `" of "`, `" ("` or `":"`, without the characters
/// Excel refuses, at most 31 characters.
fn sheet_name(title: &str) -> String {
    let (cuts, untitled) = words::sheet_cuts();
    let cut = cuts
        .iter()
        .filter_map(|p| title.find(p))
        .min()
        .unwrap_or(title.len());
    let name: String = title
        .get(..cut)
        .unwrap_or(title)
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .take(28)
        .collect();
    if name.trim().is_empty() {
        untitled.to_owned()
    } else {
        name.trim().to_owned()
    }
}

/// `name`, or `name (2)`, `name (3)`… when it is taken.
fn unique(name: String, taken: &[String]) -> String {
    let free = |n: &String| !taken.iter().any(|t| t.eq_ignore_ascii_case(n));
    if free(&name) {
        return name;
    }
    (2..)
        .map(|i| format!("{name} ({i})"))
        .find(free)
        .unwrap_or(name)
}

fn write_sheet(ws: &mut Worksheet, name: &str, t: &Table) -> std::result::Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    ws.set_name(name)?;
    ws.write_string_with_format(0, 0, &t.title, &quoted(&t.title, &bold))?;
    for (c, col) in t.columns.iter().enumerate() {
        ws.write_string_with_format(1, col_num(c), &col.header, &bold)?;
    }
    let formats: Vec<Format> = (0..t.columns.len()).map(|c| number_format(t, c)).collect();
    let mut row = 2u32;
    for (cells, strong) in t
        .rows
        .iter()
        .map(|r| (r, false))
        .chain(t.footer.iter().map(|r| (r, true)))
    {
        for (c, cell) in cells.iter().enumerate() {
            let f = formats.get(c).cloned().unwrap_or_default();
            let f = if strong { f.set_bold() } else { f };
            let id = t.columns.get(c).map_or("", |col| col.id.as_str());
            write_cell(ws, row, col_num(c), id, cell, &f)?;
        }
        row += 1;
    }
    for n in &t.notes {
        row += 1;
        ws.write_string_with_format(row, 0, n, &quoted(n, &Format::new()))?;
    }
    ws.set_autofit_max_width(60).autofit();
    Ok(())
}

fn col_num(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

/// The number format of a column: kronor (with öre when an amount has them), grouped
/// whole numbers, decimals as they are, days as ISO dates.
fn number_format(t: &Table, c: usize) -> Format {
    let kind = t.columns.get(c).map(|col| col.kind);
    let ore =
        t.rows.iter().chain(&t.footer).any(
            |r| matches!(r.get(c), Some(Cell::Amount(a)) if a.value().normalize().scale() > 0),
        );
    match kind {
        Some(Kind::Amount) if ore => Format::new().set_num_format("#,##0.00 \"kr\""),
        Some(Kind::Amount) => Format::new().set_num_format("#,##0 \"kr\""),
        Some(Kind::Integer) => Format::new().set_num_format("#,##0"),
        Some(Kind::Date) => Format::new().set_num_format("yyyy-mm-dd"),
        _ => Format::new(),
    }
}

/// A decimal as a double when Excel shows exactly its digits, else `None`.
fn exact_double(d: rust_decimal::Decimal) -> Option<f64> {
    let text = d.normalize().to_string();
    let x: f64 = text.parse().ok()?;
    (x.abs() < 9.0e15 && x.to_string() == text).then_some(x)
}

/// `f`, with Excel's quote prefix when the text `s` would read as a formula
/// ([`crate::escape::is_formula`]): the cell shows `s` exactly and stays text when it is
/// edited, as a `'` typed in front makes it (the XLSX form of the Swedish CSV's `'`).
fn quoted(s: &str, f: &Format) -> Format {
    if crate::escape::is_formula(s) {
        f.clone().set_quote_prefix()
    } else {
        f.clone()
    }
}

fn write_cell(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    column: &str,
    cell: &Cell,
    f: &Format,
) -> std::result::Result<(), XlsxError> {
    let text =
        |ws: &mut Worksheet, s: &str| ws.write_string_with_format(row, col, s, f).map(|_| ());
    match cell {
        Cell::Empty => Ok(()),
        Cell::Text(s) => {
            let s = words::for_people(column, s);
            ws.write_string_with_format(row, col, s.as_ref(), &quoted(&s, f))
                .map(|_| ())
        }
        Cell::Amount(a) => match exact_double(a.value()) {
            Some(x) => ws.write_number_with_format(row, col, x, f).map(|_| ()),
            None => text(ws, &a.to_string()),
        },
        Cell::Decimal(d) => match exact_double(*d) {
            Some(x) => ws.write_number_with_format(row, col, x, f).map(|_| ()),
            None => text(ws, &d.normalize().to_string()),
        },
        Cell::Integer(i) => match i32::try_from(*i) {
            Ok(x) => ws.write_number_with_format(row, col, x, f).map(|_| ()),
            Err(_) => text(ws, &i.to_string()),
        },
        Cell::Date(When::Day(d)) => {
            use chrono::Datelike;
            let day = ExcelDateTime::from_ymd(
                u16::try_from(d.year()).unwrap_or(1900),
                u8::try_from(d.month()).unwrap_or(1),
                u8::try_from(d.day()).unwrap_or(1),
            )?;
            ws.write_datetime_with_format(row, col, &day, f).map(|_| ())
        }
        Cell::Date(m) => text(ws, &m.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_exact_doubles_become_numbers() {
        let d = |s: &str| s.parse::<rust_decimal::Decimal>().unwrap();
        assert_eq!(exact_double(d("443000000")), Some(443_000_000.0));
        assert_eq!(exact_double(d("33.34")), Some(33.34));
        assert_eq!(exact_double(d("9007199254740993")), None);
        assert_eq!(exact_double(d("12328618.747611223432")), None);
    }

    #[test]
    fn sheet_names_are_short_clean_and_unique() {
        assert_eq!(
            sheet_name("Allocation of 443 000 000 kr to 21 recipients"),
            "Allocation"
        );
        assert_eq!(sheet_name("Findings (2 errors)"), "Findings");
        assert_eq!(sheet_name("a/b:c"), "ab");
        let taken = vec!["Allocation".to_owned()];
        assert_eq!(unique("Allocation".into(), &taken), "Allocation (2)");
        crate::message::with_lang(crate::message::Lang::Sv, || {
            let t = "Fördelning av 443 000 000 kr till 21 mottagare";
            assert_eq!(sheet_name(t), "Fördelning");
            assert_eq!(sheet_name("Rader: Fördelning av 1 kr"), "Rader");
            assert_eq!(sheet_name(""), "Tabell");
        });
    }
}
