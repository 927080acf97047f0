//! The output writers on arbitrary tables (text with control characters, ANSI/OSC escapes,
//! formulas, amounts of any sign and scale): `to_text`, `to_csv`, `to_csv_sv`, JSON records
//! and the XLSX never panic; the text has no raw control character but line breaks; no
//! text cell of the Swedish CSV starts a formula; amounts keep their sign and digits in the
//! plain CSV; and the output is at most a stated factor of the input (amplification).
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;
use vardavtal::escape;
use vardavtal::view::{Cell, Column, Kind, Table};

#[derive(Debug, Arbitrary)]
enum In {
    Empty,
    Text(String),
    Amount(i64, u8),
    Integer(i64),
}

#[derive(Debug, Arbitrary)]
struct Input {
    title: String,
    headers: Vec<(String, u8)>,
    rows: Vec<Vec<In>>,
    notes: Vec<String>,
}

/// Output bytes per input byte the writers may make (a cell is quoted, escaped `\u{1b}` is
/// 6 bytes for 1, the text aligns columns), and a constant for headers and frames.
const FACTOR: usize = 64;
const CONSTANT: usize = 64 << 10;

fuzz_target!(|input: Input| {
    let kinds = [Kind::Text, Kind::Amount, Kind::Integer, Kind::Decimal];
    let columns: Vec<Column> = input
        .headers
        .iter()
        .take(8)
        .enumerate()
        .map(|(i, (h, k))| Column::titled(&format!("c{i}"), h, kinds[usize::from(*k) % 4]))
        .collect();
    if columns.is_empty() {
        return;
    }
    let mut t = Table::new(&input.title, columns.clone());
    let mut size = input.title.len() + input.headers.iter().map(|h| h.0.len() + 8).sum::<usize>();
    for r in input.rows.iter().take(200) {
        let row: Vec<Cell> = r
            .iter()
            .take(columns.len())
            .map(|c| match c {
                In::Empty => Cell::Empty,
                In::Text(s) => {
                    size += s.len() + 8;
                    Cell::Text(s.clone())
                }
                In::Amount(m, s) => {
                    size += 24;
                    Cell::Amount(vardavtal::Sek::from(Decimal::new(*m, u32::from(*s % 10))))
                }
                In::Integer(i) => {
                    size += 24;
                    Cell::Integer(i128::from(*i))
                }
            })
            .collect();
        if row.len() == columns.len() {
            t.rows.push(row);
        }
    }
    for n in input.notes.iter().take(8) {
        size += n.len() + 8;
        t.notes.push(n.clone());
    }
    let bound = CONSTANT + FACTOR * size;

    let text = t.to_text();
    assert!(text.len() <= bound, "text {} > {bound}", text.len());
    assert!(
        !text.chars().any(|c| c != '\n' && escape::is_control(c)),
        "{text:?}"
    );

    let csv = t.to_csv();
    assert!(csv.len() <= bound);
    let mut rdr = csv::ReaderBuilder::new().from_reader(csv.as_bytes());
    for (rec, row) in rdr.records().zip(&t.rows) {
        let rec = rec.expect("the plain CSV reads back");
        for (field, cell) in rec.iter().zip(row) {
            match cell {
                // exact values, signs kept: a negative amount is a number
                Cell::Amount(a) => {
                    assert_eq!(field.parse::<Decimal>().ok(), Some(a.value().normalize()))
                }
                Cell::Text(s) => assert_eq!(field, s),
                _ => {}
            }
        }
    }

    let sv = t.to_csv_sv();
    assert!(sv.len() <= bound);
    let body = sv.strip_prefix('\u{feff}').unwrap();
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(body.as_bytes());
    for (rec, row) in rdr.records().zip(&t.rows) {
        let rec = rec.expect("the Swedish CSV reads back");
        for (field, cell) in rec.iter().zip(row) {
            if let Cell::Text(_) = cell {
                // a text cell never starts a formula, but the `="01"` that keeps it text
                assert!(
                    !escape::is_formula(field) || field.starts_with("=\""),
                    "{field:?}"
                );
            }
        }
    }

    let records = serde_json::to_string(&t.to_records()).unwrap();
    assert!(records.len() <= bound);
    // a workbook, or an error (a text longer than Excel's 32 767 characters), never a panic
    if let Ok(xlsx) = vardavtal::view::xlsx(std::slice::from_ref(&t)) {
        assert!(xlsx.len() <= bound + (16 << 10));
    }
});
