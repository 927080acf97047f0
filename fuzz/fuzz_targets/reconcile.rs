//! Published tables from arbitrary text (pasted or CSV) and an arbitrary stated pot and
//! rule: `PublishedTable::parse` + `reconcile` never panic; a table is refused above its
//! line limit; every view of the reconciliation renders, its text has no raw control
//! characters, and its size is bounded by the input's (no amplification).
#![no_main]

use libfuzzer_sys::fuzz_target;
use vardavtal::reconcile::{PublishedTable, Statement, reconcile};
use vardavtal::view::{Format, render};
use vardavtal::{Sek, input::bounds::MAX_TABLE_LINES};

fuzz_target!(|data: (&str, Option<&str>, Option<&str>)| {
    let (text, pot, rule) = data;
    let Ok(table) = PublishedTable::parse("t", text) else {
        return;
    };
    assert!(text.lines().count() <= MAX_TABLE_LINES);
    let statement = Statement::new(
        pot.and_then(|p| Sek::parse_any(p).ok()),
        rule.and_then(|r| r.parse().ok()),
    );
    let r = reconcile(&table, &statement);
    let input = text.len() + pot.map_or(0, str::len) + rule.map_or(0, str::len);
    for format in [Format::Table, Format::Csv, Format::CsvSv, Format::Json] {
        let out = render(&r, format).expect("every view renders");
        // amplification: a line of input is at most a few lines of report
        assert!(
            out.len() <= 1 << 20 | 400 * input,
            "{format:?}: {} bytes of output from {input} bytes",
            out.len()
        );
        if format == Format::Table {
            let s = String::from_utf8(out).unwrap();
            assert!(
                !s.chars()
                    .any(|c| c != '\n' && vardavtal::escape::is_control(c)),
                "a raw control character in the text"
            );
        }
    }
});
