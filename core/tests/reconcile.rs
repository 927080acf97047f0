#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! Reconciling published per-region tables built from the bundled data and the rules.

use rust_decimal::Decimal;
use vardavtal::reconcile::{
    PublishedTable, Reconciliation, Rounding, StatedRule, Statement, TableFormat, Verdict,
    reconcile,
};
use vardavtal::swedish::format_kr;
use vardavtal::{Code, Key, KeySpec, RecipientId, Sek, Severity, Unit};

const POT: i64 = 1_382_000_000;

fn key(spec: &str) -> Key {
    spec.parse::<KeySpec>().unwrap().resolve().unwrap()
}

/// (region name, amount) by largest remainder.
fn lr_table(spec: &str, pot: i64) -> Vec<(String, i64)> {
    let k = key(spec);
    let parts = k.split(Sek::kronor(pot), Unit::Krona).unwrap();
    k.recipients()
        .iter()
        .zip(parts)
        .map(|(r, a)| {
            (
                r.name().unwrap().to_owned(),
                i64::try_from(a.value().mantissa()).unwrap(),
            )
        })
        .collect()
}

fn kr(a: i64) -> String {
    format_kr(Decimal::from(a))
}

/// Pasted text: a title, a header, one "name amount kr" line per row, a total line.
fn text_table(rows: &[(String, String)], total: Option<&str>) -> String {
    let mut s = String::from("Fördelning per region 2022\nRegion\tBelopp\n");
    for (name, amount) in rows {
        s.push_str(&format!("{name} {amount}\n"));
    }
    if let Some(t) = total {
        s.push_str(&format!("Totalt {t}\n"));
    }
    s
}

fn printed(rows: &[(String, i64)]) -> Vec<(String, String)> {
    rows.iter().map(|(n, a)| (n.clone(), kr(*a))).collect()
}

fn statement(pot: i64) -> Statement {
    Statement::new(Some(Sek::kronor(pot)), Some(StatedRule::Population))
}

fn problems(rec: &Reconciliation) -> Vec<String> {
    rec.findings
        .iter()
        .filter(|f| f.severity >= Severity::Warning)
        .map(ToString::to_string)
        .collect()
}

fn codes(rec: &Reconciliation) -> Vec<Code> {
    rec.findings.iter().map(|f| f.code).collect()
}

/// The 1-based input line of row `k` of `text_table` (title and header come first).
fn line_of(k: usize) -> usize {
    k + 3
}

#[test]
fn a_correct_table_is_reproduced_by_its_key() {
    let rows = lr_table("population:regions:2021-11-01", POT);
    let text = text_table(&printed(&rows), Some(&kr(POT)));
    let table = PublishedTable::parse("correct.txt", &text).unwrap();
    assert_eq!(table.format, TableFormat::Text);
    assert_eq!(table.rows.len(), 21);
    assert_eq!(table.totals.len(), 1);
    assert_eq!(table.ignored.len(), 2);
    let rec = reconcile(&table, &statement(POT));
    assert!(problems(&rec).is_empty(), "{:?}", problems(&rec));
    let best = &rec.fits[0];
    assert_eq!(best.key, "population:regions:2021-11-01");
    assert_eq!(best.rounding, Rounding::LargestRemainder);
    assert!(best.exact);
    assert_eq!(best.rows_matching, 21);
    assert!(rec.summary.exact && rec.summary.adds_up);
    assert!(rec.rows.iter().all(|r| r.verdict == Verdict::Ok));
    assert!(rec.rows.iter().all(|r| r.diff == Some(Sek::ZERO)));
    assert!(codes(&rec).contains(&Code::KeyReproduces));
    assert!(rec.implied.is_none());
    // The result serialises in the plain shape.
    let v = serde_json::to_value(&rec).unwrap();
    assert_eq!(v["rows"][0]["verdict"], "ok");
    assert_eq!(v["fits"][0]["rounding"], "largest_remainder");
    assert_eq!(v["pot"], "1382000000");
}

#[test]
fn a_mistyped_row_is_flagged_and_the_total_is_off_by_its_error() {
    let mut rows = lr_table("population:regions:2021-11-01", POT);
    // Swap two adjacent, different digits of Region Uppsala's amount.
    let k = rows
        .iter()
        .position(|(n, _)| n == "Region Uppsala")
        .unwrap();
    let original = rows[k].1;
    let digits: Vec<char> = original.to_string().chars().collect();
    let i = (1..digits.len() - 1)
        .find(|i| digits[*i] != digits[*i + 1])
        .unwrap();
    let mut swapped = digits.clone();
    swapped.swap(i, i + 1);
    let typo: i64 = swapped.iter().collect::<String>().parse().unwrap();
    rows[k].1 = typo;
    let text = text_table(&printed(&rows), Some(&kr(POT)));
    let table = PublishedTable::parse("typo.txt", &text).unwrap();
    let rec = reconcile(&table, &statement(POT));
    println!("{rec}");

    let row = rec
        .rows
        .iter()
        .find(|r| r.name == "Region Uppsala")
        .unwrap();
    assert_eq!(row.line, line_of(k));
    assert_eq!(row.verdict, Verdict::Differs);
    assert_eq!(row.expected, Some(Sek::kronor(original)));
    assert_eq!(row.diff, Some(Sek::kronor(typo - original)));
    let differs: Vec<_> = rec.findings_with(Code::RowDiffers).collect();
    assert_eq!(differs.len(), 1);
    assert_eq!(differs[0].loc.to_string(), format!("rows[{}]", line_of(k)));
    assert!(differs[0].ctx["hint"].contains("swapped"));
    assert!(rec.rows.iter().filter(|r| r.verdict == Verdict::Ok).count() == 20);

    let mismatch: Vec<_> = rec.findings_with(Code::TableTotalMismatch).collect();
    assert_eq!(mismatch.len(), 2, "{mismatch:?}"); // against the total line and the pot
    for m in &mismatch {
        assert_eq!(m.loc.to_string(), "total");
        assert_eq!(m.ctx["diff"], (typo - original).to_string());
        assert!(m.ctx["explanation"].contains(&format!("line {}", line_of(k))));
    }
    assert_eq!(rec.fits[0].key, "population:regions:2021-11-01");
    assert!(!rec.summary.exact);
    assert!(rec.implied.is_none());
}

#[test]
fn a_missing_and_a_duplicated_region() {
    let mut rows = lr_table("population:regions:2021-11-01", POT);
    let gotland = rows
        .iter()
        .position(|(n, _)| n == "Region Gotland")
        .unwrap();
    let (_, gotland_amount) = rows.remove(gotland);
    let skane = rows
        .iter()
        .find(|(n, _)| n == "Region Skåne")
        .unwrap()
        .clone();
    rows.push(skane.clone());
    let text = text_table(&printed(&rows), None);
    let table = PublishedTable::parse("dup.txt", &text).unwrap();
    let rec = reconcile(&table, &statement(POT));

    let missing: Vec<_> = rec.findings_with(Code::RowMissing).collect();
    assert_eq!(missing.len(), 1);
    assert_eq!(missing[0].ctx["region"], "09");
    assert_eq!(missing[0].ctx["expected"], gotland_amount.to_string());
    let dup: Vec<_> = rec.findings_with(Code::RowDuplicate).collect();
    assert_eq!(dup.len(), 1);
    assert_eq!(
        dup[0].loc.to_string(),
        format!("rows[{}]", line_of(rows.len() - 1))
    );
    assert_eq!(dup[0].ctx["region"], "12");
    assert_eq!(rec.summary.missing, vec!["Region Gotland".to_owned()]);
    assert_eq!(rec.summary.duplicates, 1);
    assert_eq!(rec.rows.last().map(|r| r.verdict), Some(Verdict::Duplicate));
    let m: Vec<_> = rec.findings_with(Code::TableTotalMismatch).collect();
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].ctx["diff"], (skane.1 - gotland_amount).to_string());
    assert!(m[0].ctx["explanation"].contains("repeated"));
    assert!(m[0].ctx["explanation"].contains("Region Gotland"));
    // The 20 regions present still follow the key exactly.
    assert!(rec.fits[0].exact);
    assert_eq!(rec.fits[0].rows_compared, 19); // Skåne is repeated, Gotland missing
}

#[test]
fn a_row_under_the_wrong_name() {
    let mut rows = lr_table("population:regions:2021-11-01", POT);
    let kronoberg = rows
        .iter()
        .position(|(n, _)| n == "Region Kronoberg")
        .unwrap();
    rows[kronoberg].0 = "Kalmar län".into();
    let text = text_table(&printed(&rows), Some(&kr(POT)));
    let rec = reconcile(
        &PublishedTable::parse("name.txt", &text).unwrap(),
        &statement(POT),
    );
    let dup: Vec<_> = rec.findings_with(Code::RowDuplicate).collect();
    assert_eq!(dup.len(), 1);
    assert_eq!(
        dup[0].loc.to_string(),
        format!("rows[{}]", line_of(kronoberg))
    );
    assert_eq!(dup[0].ctx["likely_region"], "Region Kronoberg");
    let m: Vec<_> = rec.findings_with(Code::TableTotalMismatch).collect();
    assert!(m.is_empty(), "{m:?}"); // the amounts are right, only a name is wrong
    assert_eq!(rec.rows[kronoberg + 1].verdict, Verdict::Ok);
}

#[test]
fn a_total_line_off_by_the_rounding_of_one_row() {
    let rows = lr_table("population:regions:2021-11-01", POT);
    let text = text_table(&printed(&rows), Some(&kr(POT + 1)));
    let table = PublishedTable::parse("total.txt", &text).unwrap();
    let rec = reconcile(&table, &statement(POT));
    let m: Vec<_> = rec.findings_with(Code::TableTotalMismatch).collect();
    assert_eq!(m.len(), 2, "{m:?}");
    let line = m
        .iter()
        .find(|f| f.ctx["against"] == "pot" && f.ctx.contains_key("total_line"));
    assert!(line.is_some());
    let rows_vs_line = m.iter().find(|f| f.ctx.contains_key("rows_sum")).unwrap();
    assert_eq!(rows_vs_line.ctx["diff"], "-1");
    assert_eq!(rows_vs_line.ctx["line"], line_of(21).to_string());
    assert!(rows_vs_line.ctx["explanation"].contains("rounding"));
    let pot_check = rec.totals.iter().find(|t| t.against == "pot").unwrap();
    assert!(pot_check.adds_up);
    assert!(rec.summary.exact);
}

#[test]
fn plain_rounding_is_identified() {
    let k = key("population:regions:2021-11-01");
    let w: Vec<u128> = k.int_weights().to_vec();
    let total: u128 = w.iter().sum();
    let half_up = |pot: u128| -> Vec<u128> {
        w.iter()
            .map(|x| {
                let p = pot * x;
                p / total + u128::from(2 * (p % total) >= total)
            })
            .collect()
    };
    // The first pot from 1 382 000 000 on where plain rounding misses the total.
    let pot = (1_382_000_000u128..)
        .find(|p| half_up(*p).iter().sum::<u128>() != *p)
        .unwrap();
    let amounts = half_up(pot);
    let rows: Vec<(String, i64)> = k
        .recipients()
        .iter()
        .zip(&amounts)
        .map(|(r, a)| (r.name().unwrap().to_owned(), *a as i64))
        .collect();
    let sum: i64 = rows.iter().map(|r| r.1).sum();
    let text = text_table(&printed(&rows), Some(&kr(sum)));
    let table = PublishedTable::parse("plain.txt", &text).unwrap();
    let rec = reconcile(&table, &statement(pot as i64));
    let best = &rec.fits[0];
    assert_eq!(best.key, "population:regions:2021-11-01");
    assert_eq!(best.rounding, Rounding::HalfUp);
    assert!(best.exact);
    assert!(
        !rec.fits
            .iter()
            .any(|f| f.exact && f.rounding == Rounding::LargestRemainder)
    );
    let m: Vec<_> = rec
        .findings_with(Code::TableTotalMismatch)
        .filter(|f| f.ctx.contains_key("rows_sum") && f.ctx["against"] == "pot")
        .collect();
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].ctx["diff"], (sum - pot as i64).to_string());
    assert!(m[0].ctx["explanation"].contains("plain rounding"));
    let repro: Vec<_> = rec.findings_with(Code::KeyReproduces).collect();
    assert_eq!(repro[0].ctx["rounding"], "half_up");
}

#[test]
fn an_irregular_digit_grouping_is_read_so_the_table_adds_up() {
    // Find a bundled key and a pot whose largest-remainder share of Region Uppsala is
    // 54 499 160 kr, as in the 2023 table.
    let want = 54_499_160i64;
    let mut found = None;
    'dates: for date in vardavtal::reference::population_dates(vardavtal::reference::Level::Regions)
    {
        let spec = format!("population:regions:{date}");
        let k = key(&spec);
        let w = k.int_weights();
        let total: u128 = w.iter().sum();
        let up = k
            .recipients()
            .iter()
            .position(|r| r.as_str() == "03")
            .unwrap();
        let centre = (want as u128) * total / w[up];
        for pot in centre - 200..centre + 200 {
            let parts = k.split_units(pot).unwrap();
            if parts[up] == want as u128 {
                found = Some((spec, pot as i64));
                break 'dates;
            }
        }
    }
    let (spec, pot) = found.expect("a key and pot giving Uppsala 54 499 160");
    let rows = lr_table(&spec, pot);
    let mut shown = printed(&rows);
    let up = rows
        .iter()
        .position(|(n, _)| n == "Region Uppsala")
        .unwrap();
    assert_eq!(rows[up].1, want);
    shown[up].1 = "544 99 160 kr".into();
    let text = text_table(&shown, Some(&kr(pot)));
    let table = PublishedTable::parse("2023.txt", &text).unwrap();
    assert!(table.findings.is_empty(), "{:?}", table.findings);
    let rec = reconcile(&table, &statement(pot));
    println!("{rec}");

    let f: Vec<_> = rec.findings_with(Code::IrregularGrouping).collect();
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].loc.to_string(), format!("rows[{}]", line_of(up)));
    assert_eq!(f[0].ctx["readings"], "54499160,544099160,544990160");
    assert_eq!(f[0].ctx["adds_up"], "54499160");
    let row = &rec.rows[up];
    assert_eq!(row.verdict, Verdict::IrregularGrouping);
    assert_eq!(row.amount, Some(Sek::kronor(want)));
    assert_eq!(row.readings.iter().filter(|r| r.adds_up).count(), 1);
    assert!(rec.summary.adds_up);
    assert!(rec.rows.iter().all(|r| r.diff == Some(Sek::ZERO)));
    assert_eq!(rec.fits[0].key, spec);
    assert!(rec.fits[0].exact);
    assert!(rec.findings_with(Code::TableTotalMismatch).next().is_none());
}

#[test]
fn an_implied_key_is_found_when_no_bundled_key_fits() {
    let base = key("population:regions:2021-11-01");
    let perturbed: Vec<(RecipientId, Decimal)> = base
        .iter()
        .enumerate()
        .map(|(i, (r, w))| {
            let delta = ((i as i64 * 137) % 601) - 300;
            (r.clone(), w + Decimal::from(delta))
        })
        .collect();
    let t: i64 = perturbed
        .iter()
        .map(|(_, w)| i64::try_from(w.mantissa()).unwrap())
        .sum();
    let k = Key::new("perturbed", vec![], perturbed.clone(), &[]).unwrap();
    let parts = k.split(Sek::kronor(POT), Unit::Krona).unwrap();
    let rows: Vec<(String, i64)> = k
        .recipients()
        .iter()
        .zip(parts)
        .map(|(r, a)| {
            (
                r.name().unwrap().to_owned(),
                i64::try_from(a.value().mantissa()).unwrap(),
            )
        })
        .collect();
    let text = text_table(&printed(&rows), Some(&kr(POT)));
    let table = PublishedTable::parse("implied.txt", &text).unwrap();
    let start = std::time::Instant::now();
    let rec = reconcile(&table, &statement(POT));
    eprintln!("reconcile took {:?}", start.elapsed());
    println!("{rec}");
    assert!(rec.fits.iter().all(|f| !f.exact));
    assert!(codes(&rec).contains(&Code::KeyDiffers));
    let implied = rec.implied.as_ref().expect("an implied key");
    assert!(implied.candidates >= 1);
    assert!(
        implied.totals.contains(&(t as u64)),
        "{t} not among {:?}",
        implied.totals
    );
    assert!(implied.searched.0 <= t as u64 && t as u64 <= implied.searched.1);
    assert_eq!(implied.near, "population:regions:2021-11-01");
    assert_eq!(implied.populations.len(), 21);
    assert_eq!(
        implied
            .populations
            .iter()
            .map(|p| p.population)
            .sum::<u64>(),
        implied.total
    );
    if implied.total == t as u64 {
        for (p, (_, w)) in implied.populations.iter().zip(&perturbed) {
            assert_eq!(Decimal::from(p.population), *w);
        }
    }
    assert!(codes(&rec).contains(&Code::ImpliedKey));
    assert!(rec.rows.iter().all(|r| r.implied_population.is_some()));
}

#[test]
fn pasted_text_with_tkr_mnkr_and_no_break_spaces() {
    let rows = lr_table("population:regions:2021-11-01", POT);
    let nbsp = |s: String| s.replace(' ', "\u{a0}");
    let mut text = String::from("Fördelning av medel 2022\nRegion\u{a0}\u{a0}Belopp\n\n");
    for (k, (name, a)) in rows.iter().enumerate() {
        let amount = match k % 3 {
            0 => nbsp(kr(*a)),
            1 => {
                let t = (a + 500) / 1000;
                format!(
                    "{}\u{a0}tkr",
                    nbsp(kr(t).trim_end_matches(" kr").to_owned())
                )
            }
            _ => {
                let m = (a + 50_000) / 100_000; // tenths of a million
                format!("{},{}\u{202f}mnkr", m / 10, m % 10)
            }
        };
        text.push_str(&format!("{name}:\u{a0}{amount}\n"));
    }
    text.push_str("Totalt\u{a0}1\u{202f}382\u{a0}mnkr\n");
    let table = PublishedTable::parse("pasted.txt", &text).unwrap();
    assert!(table.findings.is_empty(), "{:?}", table.findings);
    assert_eq!(table.rows.len(), 21);
    assert!(table.rows.iter().all(|r| r.recipient.is_some()));
    assert_eq!(table.rows.iter().filter(|r| r.is_rounded()).count(), 14);
    assert_eq!(table.totals[0].amount, Some(Sek::kronor(POT)));
    let rec = reconcile(&table, &statement(POT));
    assert!(problems(&rec).is_empty(), "{:?}", problems(&rec));
    assert_eq!(rec.fits[0].key, "population:regions:2021-11-01");
    assert!(rec.fits[0].exact);
    assert!(rec.summary.adds_up);
    assert!(
        rec.totals
            .iter()
            .all(|t| t.adds_up && t.tolerance > Sek::ZERO)
    );
    assert!(rec.rows.iter().all(|r| r.verdict == Verdict::Ok));
    assert_eq!(rec.rows.iter().filter(|r| r.rounded).count(), 14);
    // A rounded row is stored as printed, compared within its precision.
    let second = &rec.rows[1];
    assert!(second.rounded);
    assert_eq!(
        second.amount.unwrap().value() % Decimal::from(1000),
        Decimal::ZERO
    );
}

#[test]
fn csv_with_a_header_region_amount() {
    let rows = lr_table("population:regions:2021-11-01", POT);
    let k = key("population:regions:2021-11-01");
    let mut text = String::from("region,amount\n");
    for (r, (_, a)) in k.recipients().iter().zip(&rows) {
        text.push_str(&format!("{},{a}\n", r.as_str()));
    }
    text.push_str(&format!("Totalt,{POT}\n"));
    text.push_str("Kommunförbundet,100\n");
    text.push_str("Region Gotland,\n");
    let table = PublishedTable::parse("table.csv", &text).unwrap();
    assert_eq!(table.format, TableFormat::Csv);
    assert_eq!(table.rows.len(), 22);
    assert_eq!(table.rows[0].line, 2);
    assert_eq!(table.findings.len(), 1);
    assert_eq!(table.findings[0].code, Code::TableUnparsedLine);
    assert_eq!(table.findings[0].loc.to_string(), "rows[25]");
    let rec = reconcile(&table, &Statement::default());
    assert_eq!(rec.pot, Sek::kronor(POT)); // from the total line
    assert!(rec.fits[0].exact);
    let unknown: Vec<_> = rec.findings_with(Code::RowUnknown).collect();
    assert_eq!(unknown.len(), 1);
    assert_eq!(unknown[0].ctx["label"], "Kommunförbundet");
    assert_eq!(unknown[0].loc.to_string(), "rows[24]");
    let m: Vec<_> = rec.findings_with(Code::TableTotalMismatch).collect();
    assert_eq!(m.len(), 1);
    assert!(m[0].ctx["explanation"].contains("not regions"));

    // Swedish CSV: semicolons, names, amounts in tkr per the header.
    let mut text = String::from("Region;Belopp (tkr)\n");
    for (name, a) in &rows {
        text.push_str(&format!("{name};{}\n", (a + 500) / 1000));
    }
    let table = PublishedTable::parse("tkr.csv", &text).unwrap();
    assert!(table.rows.iter().all(|r| r.is_rounded()));
    let rec = reconcile(&table, &statement(POT));
    assert!(rec.summary.adds_up);
    assert!(rec.rows.iter().all(|r| r.verdict == Verdict::Ok));
}

#[test]
fn fixed_plus_population_and_need() {
    let k = key("population:regions:2021-11-01");
    let pot = 3_600_000_000i64;
    let each = 100_000_000i64;
    let alloc =
        vardavtal::split(Sek::kronor(pot), &k, Some(Sek::kronor(each)), Unit::Krona).unwrap();
    let mut text = String::new();
    for t in alloc.by_recipient() {
        text.push_str(&format!(
            "{} {}\n",
            t.key,
            kr(i64::try_from(t.amount.value().mantissa()).unwrap())
        ));
    }
    let table = PublishedTable::parse("fixed.txt", &text).unwrap();
    let rec = reconcile(
        &table,
        &Statement::new(
            Some(Sek::kronor(pot)),
            Some(StatedRule::FixedPlusPopulation {
                each: Sek::kronor(each),
            }),
        ),
    );
    assert!(problems(&rec).is_empty(), "{:?}", problems(&rec));
    assert!(rec.fits[0].exact);
    assert_eq!(rec.fits[0].key, "population:regions:2021-11-01");

    let rows = lr_table("needs:regions:2024", 3_000_000_000);
    let text = text_table(&printed(&rows), None);
    let table = PublishedTable::parse("need.txt", &text).unwrap();
    let rec = reconcile(
        &table,
        &Statement::new(Some(Sek::kronor(3_000_000_000)), Some(StatedRule::Need)),
    );
    assert!(problems(&rec).is_empty(), "{:?}", problems(&rec));
    assert_eq!(rec.fits[0].key, "needs:regions:2024");
    assert!(rec.fits[0].exact);
}

#[test]
fn pdf_lines_and_unreadable_lines() {
    let rows = lr_table("population:regions:2021-11-01", POT);
    let mut text = String::from("Tabell 1. Fördelning per region\n");
    for (k, (name, a)) in rows.iter().enumerate() {
        if k == 0 {
            // A PDF puts the name and the amount on lines of their own.
            text.push_str(&format!("{name}\n{}\n", kr(*a)));
        } else {
            text.push_str(&format!("{name} {}\n", kr(*a)));
        }
    }
    text.push_str("Region Uppsala: se ovan\n");
    text.push_str("Region Skåne 1.382.000\n");
    let table = PublishedTable::parse("pdf.txt", &text).unwrap();
    assert_eq!(table.rows[0].line, 2);
    assert_eq!(table.rows[0].amount, Some(Sek::kronor(rows[0].1)));
    let unparsed: Vec<_> = table
        .findings
        .iter()
        .filter(|f| f.code == Code::TableUnparsedLine)
        .collect();
    assert_eq!(unparsed.len(), 2, "{unparsed:?}");
    assert!(unparsed[1].msg.contains("1.382.000"));
    assert!(PublishedTable::parse("empty.txt", "Rubrik\n\n").is_err());
    let statement: Statement = serde_json::from_str(
        r#"{"pot":"1382000000","rule":{"type":"fixed_plus_population","each":"100000000"}}"#,
    )
    .unwrap();
    assert_eq!(
        statement.rule,
        Some(StatedRule::FixedPlusPopulation {
            each: Sek::kronor(100_000_000)
        })
    );
}

#[test]
fn a_table_that_follows_no_key_is_not_held_against_the_closest() {
    // 21 equal amounts (say, performance money): no population or need key gives that.
    let each = 10_000_000i64;
    let rows: Vec<(String, i64)> = vardavtal::reference::regions()
        .iter()
        .map(|r| (r.name.to_owned(), each))
        .collect();
    let pot = each * 21;
    let text = text_table(&printed(&rows), Some(&kr(pot)));
    let table = PublishedTable::parse("equal.txt", &text).unwrap();
    let rec = reconcile(&table, &statement(pot));
    assert!(!rec.summary.exact);
    assert!(
        rec.rows.iter().all(|r| r.verdict != Verdict::Differs),
        "no row is marked as differing from a key the table does not follow"
    );
    assert!(
        rec.summary.headline.contains("follows no bundled key"),
        "{}",
        rec.summary.headline
    );
    let f = rec
        .findings
        .iter()
        .find(|f| f.code == Code::KeyDiffers)
        .unwrap();
    assert!(f.msg.contains("follows no bundled key"), "{}", f.msg);
    assert!(!codes(&rec).contains(&Code::RowDiffers));
}

#[test]
fn the_stated_rule_is_compared_with_the_key_that_reproduces_the_table() {
    let rows = lr_table("population:regions:2021-11-01", POT);
    let text = text_table(&printed(&rows), Some(&kr(POT)));
    let table = PublishedTable::parse("t.txt", &text).unwrap();
    let as_need = Statement::new(Some(Sek::kronor(POT)), Some(StatedRule::Need));
    let rec = reconcile(&table, &as_need);
    assert!(rec.summary.exact);
    assert!(
        rec.summary
            .headline
            .contains("stated as split by care need, but a population key reproduces it"),
        "{}",
        rec.summary.headline
    );
    let rec = reconcile(&table, &statement(POT));
    assert!(
        rec.summary
            .headline
            .contains("That is the rule stated: by population.")
    );
}
