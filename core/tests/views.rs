//! The views core renders for every skin: the same amounts, totals and notes in text,
//! CSV, JSON records and HTML.

use rust_decimal::Decimal;
use vardavtal::catalog::catalog;
use vardavtal::view::{self, Cell, Format, Kind, View, render};
use vardavtal::{Agreement, Key, Options, Outcomes, Sek, Unit, allocate, compare, split};

fn demo() -> vardavtal::Result<vardavtal::Allocation> {
    let a = Agreement::from_json(include_str!("../../examples/demo-agreement.json"))?;
    let o = Outcomes::from_json(include_str!("../../examples/demo-outcomes.json"))?;
    allocate(&a, &Options::new().with_outcomes(o))
}

fn sum_column(csv: &str, column: &str) -> Decimal {
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    let i = r
        .headers()
        .ok()
        .and_then(|h| h.iter().position(|c| c == column));
    r.records()
        .filter_map(|x| x.ok())
        .filter_map(|x| {
            i.and_then(|i| x.get(i))
                .and_then(|v| v.parse::<Decimal>().ok())
        })
        .sum()
}

#[test]
fn a_split_reads_the_same_in_text_csv_and_records() -> vardavtal::Result<()> {
    let key = Key::from_arg("population:regions:2021-11-01")?;
    let a = split(Sek::kronor(443_000_000), &key, None, Unit::Krona)?;
    let text = a.text();
    // People: Swedish digit groups and "kr"; the total line; the pot and its key.
    assert!(text.contains("| 03   | Region Uppsala"), "{text}");
    assert!(
        text.contains("16 720 152 kr") && text.contains("443 000 000 kr"),
        "{text}"
    );
    assert!(
        text.contains("by per_capita (population:regions:2021-11-01)"),
        "{text}"
    );
    // Data: plain decimals that sum to the pot.
    let csv = String::from_utf8(render(&a, Format::Csv)?).unwrap_or_default();
    assert_eq!(sum_column(&csv, "amount"), Decimal::from(443_000_000));
    assert!(
        csv.lines()
            .nth(2)
            .is_some_and(|l| l.starts_with("03,Region Uppsala,16720152,"))
    );
    // Records: amounts as strings, one per recipient in the table view.
    let t = a.table();
    assert_eq!(t.rows.len(), 21);
    let rec = t.to_records();
    assert_eq!(
        rec.get(1).and_then(|r| r.get("split")),
        Some(&serde_json::json!("16720152"))
    );
    assert_eq!(t.footer.len(), 1);
    Ok(())
}

#[test]
fn the_demo_pivot_totals_add_up_in_every_column() -> vardavtal::Result<()> {
    let a = demo()?;
    let t = a.table();
    let footer = t.footer.first().cloned().unwrap_or_default();
    for (i, c) in t
        .columns
        .iter()
        .enumerate()
        .filter(|(_, c)| c.kind == Kind::Amount)
    {
        let col: Decimal = t
            .rows
            .iter()
            .filter_map(|r| match r.get(i) {
                Some(Cell::Amount(s)) => Some(s.value()),
                _ => None,
            })
            .sum();
        assert_eq!(
            footer.get(i),
            Some(&Cell::Amount(Sek::from(col))),
            "column {}",
            c.header
        );
    }
    assert_eq!(footer.last(), Some(&Cell::Amount(a.total())));
    // Every pot is named under the table.
    assert_eq!(
        t.notes
            .iter()
            .filter(|n| !n.starts_with("note: ") && n.contains(": ") && n.contains(" by "))
            .count(),
        a.pots.len()
    );
    Ok(())
}

#[test]
fn a_comparison_shows_the_total_difference() -> vardavtal::Result<()> {
    let pot = Sek::kronor(443_000_000);
    let a = split(
        pot,
        &Key::from_arg("population:regions:2021-11-01")?,
        None,
        Unit::Krona,
    )?;
    let b = split(
        pot,
        &Key::from_arg("population:regions:2023-11-01")?,
        None,
        Unit::Krona,
    )?;
    let c = compare(&a, &b);
    let text = c.text();
    assert!(
        text.contains("B − A |") && text.contains("total difference"),
        "{text}"
    );
    assert_eq!(sum_column(&c.csv(), "diff"), Decimal::ZERO);
    Ok(())
}

#[test]
fn findings_text_ends_with_the_tally_and_csv_has_every_finding() {
    let f = vardavtal::validate::validate(catalog(), &Default::default());
    let text = f.text();
    assert!(
        text.trim_end().ends_with(&vardavtal::finding::tally(&f)),
        "{text}"
    );
    let csv = String::from_utf8(render(&f, Format::Csv).unwrap()).unwrap_or_default();
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(r.records().count(), f.len());
}

#[test]
fn long_tables_are_cut_for_repr_and_html_is_escaped() -> vardavtal::Result<()> {
    let key = Key::from_arg("population:municipalities:2024-12-31")?;
    let a = split(Sek::kronor(1_000_000), &key, None, Unit::Krona)?;
    let t = a.table();
    let short = t.to_text_limited(Some(20));
    assert!(short.contains("(270 rows not shown)"), "{short}");
    assert!(short.contains("Upplands Väsby") && short.contains("Kiruna"));
    let mut t = view::regions();
    t.title = "<script>".into();
    assert!(t.to_html().contains("&lt;script&gt;") && !t.to_html().contains("<script>"));
    Ok(())
}

#[test]
fn reference_tables_and_formats() -> vardavtal::Result<()> {
    assert_eq!(view::regions().rows.len(), 21);
    assert_eq!(view::municipalities().rows.len(), 290);
    let date = vardavtal::key::parse_date("2021-11-01")?;
    let p = view::population(vardavtal::reference::Level::Regions, date);
    assert_eq!(p.rows.len(), 21);
    assert!(p.to_text().contains("2 411 859"), "{}", p.to_text());
    for f in Format::NAMES {
        assert_eq!(f.parse::<Format>()?.as_str(), *f);
    }
    assert_eq!(
        "ods".parse::<Format>().map_err(|e| e.code()),
        Err(vardavtal::Code::InvalidValue)
    );
    Ok(())
}

#[test]
fn a_split_is_labelled_by_what_its_key_is() {
    let pot = vardavtal::Sek::kronor(1_000_000);
    let rule = |spec: &str| {
        let key = vardavtal::input::key(spec).unwrap();
        vardavtal::split(pot, &key, None, vardavtal::Unit::Krona)
            .unwrap()
            .pots[0]
            .rule
            .clone()
    };
    assert_eq!(rule("needs:regions:2024"), "by_need");
    assert_eq!(rule("population:regions:2021-11-01"), "per_capita");
}

#[test]
fn the_catalog_text_shows_co_funding_conditions_and_frames() {
    let cat = vardavtal::catalog::catalog();
    let text = vardavtal::view::View::text(&vardavtal::report::report(cat, None));
    assert!(
        text.contains("funding: the regions (co-funding) 100 000 000 kr"),
        "{text}"
    );
    assert!(text.contains("the state 284 000 000 kr"));
    assert!(text.contains("condition: subject to parliament's appropriation"));
    assert!(text.contains("frame cancer-600-per-ar: 600 000 000 kr"));
    // a package of the government's counts the state's money, not the regions' co-funding
    let findings = vardavtal::validate::validate(catalog(), &Default::default());
    let f = findings
        .iter()
        .find(|f| {
            f.loc
                .to_string()
                .starts_with("packages.overenskommelser-januari-2022")
        })
        .unwrap();
    assert!(
        f.msg.contains("the state's money") && f.msg.contains("11 006 000 000 kr"),
        "{}",
        f.msg
    );
}

/// Issue 18: ids with ANSI/OSC escapes and formulas. Text output (and every message) escapes
/// control characters; the Swedish CSV and the XLSX neutralise text cells that start a
/// formula, amounts stay numbers; the plain CSV keeps every value exact.
#[test]
fn escapes_and_formulas_in_ids_are_neutralised() {
    use vardavtal::view::{Format, View, render};
    let a = vardavtal::Agreement::from_json(
        r#"{"id": "x\u001b]8;;http://e.com\u0007y\u001b[2J", "title": "T\u009b", "kind": {"type": "base"},
            "years": [2022], "components": [{"id": "=HYPERLINK(\"http://e.com\")", "name": "-2+3",
            "amount": "100", "recipients": {"list": ["01", "03"]}, "rule": {"type": "equal"}}]}"#,
    )
    .unwrap();
    let alloc = vardavtal::allocate(&a, &vardavtal::Options::default()).unwrap();
    for text in [alloc.text(), alloc.preview(), alloc.pivot().text()] {
        assert!(
            !text.chars().any(|c| c != '\n' && c.is_control()),
            "{text:?}"
        );
    }
    let rows = String::from_utf8(render(&alloc.rows_table(), Format::Table).unwrap()).unwrap();
    assert!(
        rows.contains("\\u{1b}]8;;http://e.com\\u{7}y\\u{1b}[2J"),
        "{rows}"
    );
    let sv = String::from_utf8(render(&alloc, Format::CsvSv).unwrap()).unwrap();
    assert!(sv.contains("'=HYPERLINK"), "{sv}");
    assert!(
        !sv.contains(";=HYPERLINK") && !sv.contains(";\"=HYPERLINK"),
        "{sv}"
    );
    let plain = alloc.to_csv();
    assert!(
        plain.contains("\"=HYPERLINK(\"\"http://e.com\"\")\""),
        "{plain}"
    );
    // a negative amount is a number, not neutralised, in the Swedish CSV
    let mut t = vardavtal::view::Table::new(
        "t",
        vec![
            vardavtal::view::Column::titled("x", "X", vardavtal::view::Kind::Text),
            vardavtal::view::Column::titled("a", "A", vardavtal::view::Kind::Amount),
        ],
    );
    t.rows.push(vec![
        vardavtal::view::Cell::Text("@SUM(A1)".into()),
        vardavtal::view::Cell::Amount("-5.5".parse().unwrap()),
    ]);
    assert_eq!(t.to_csv_sv(), "\u{feff}X;A\r\n'@SUM(A1);-5,5\r\n");
    // a header with a control character (found by the fuzz target writers) is escaped too
    t.columns[0].header = "X\u{4}\u{1b}[2J".into();
    assert!(t.to_text().contains("X\\u{4}\\u{1b}[2J"), "{}", t.to_text());
    // an error about such an id is one line
    let e = vardavtal::allocate_component(&a, "nej\u{1b}[2J", &vardavtal::Options::default())
        .unwrap_err()
        .to_string();
    assert!(!e.chars().any(char::is_control), "{e:?}");
}
