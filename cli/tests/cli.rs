//! The command-line skin, end to end: the binary run as a user runs it.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use rust_decimal::Decimal;
use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vardavtal"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap()
}

fn ok(args: &[&str]) -> String {
    let o = run(args);
    assert!(
        o.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

fn fails(args: &[&str]) -> String {
    let o = run(args);
    assert!(!o.status.success(), "{args:?} should fail");
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        !err.contains("panicked") && !err.contains("RUST_BACKTRACE"),
        "{err}"
    );
    err
}

fn dec(v: &Value) -> Decimal {
    v.as_str().unwrap().parse().unwrap()
}

#[test]
fn the_committed_schema_is_the_generated_one() {
    let committed = std::fs::read_to_string(root().join("schema/agreement.schema.json")).unwrap();
    let generated = ok(&["schema"]);
    assert_eq!(
        committed, generated,
        "run `cargo run -p vardavtal-cli -- schema > schema/agreement.schema.json`"
    );
}

#[test]
fn split_by_bundled_keys_and_key_files() {
    for (key, n) in [
        ("population:regions:2021-11-01", 21),
        ("population:municipalities:2024-12-31", 290),
    ] {
        let csv = ok(&[
            "split",
            "443 miljoner kronor",
            "--key",
            key,
            "--format",
            "csv",
        ]);
        let mut lines = csv.lines();
        assert!(lines.next().unwrap().starts_with("code,name,amount,"));
        let mut rdr = csv::Reader::from_reader(csv.as_bytes());
        let amounts: Vec<Decimal> = rdr
            .records()
            .map(|r| r.unwrap()[2].parse().unwrap())
            .collect();
        assert_eq!(amounts.len(), n);
        assert_eq!(amounts.iter().sum::<Decimal>(), Decimal::from(443_000_000));
    }
    let dir = std::env::temp_dir().join(format!("vardavtal-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let keyfile = dir.join("key.csv");
    std::fs::write(&keyfile, "code,weight\n01,1\n03,1\n04,1\n").unwrap();
    let v: Value = serde_json::from_str(&ok(&[
        "split",
        "100",
        "--key",
        keyfile.to_str().unwrap(),
        "--format",
        "json",
    ]))
    .unwrap();
    let amounts: Vec<Decimal> = v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| dec(&r["amount"]))
        .collect();
    assert_eq!(
        amounts,
        vec![Decimal::from(34), Decimal::from(33), Decimal::from(33)]
    );
    assert_eq!(dec(&v["total"]), Decimal::from(100));
    assert_eq!(v["totals"]["by_recipient"].as_array().unwrap().len(), 3);

    std::fs::write(&keyfile, "code,weight\n01,1\n99,2\n03,-1\n").unwrap();
    let err = fails(&["split", "100", "--key", keyfile.to_str().unwrap()]);
    assert!(
        err.contains("unknown_recipient") && err.contains("negative_weight"),
        "{err}"
    );
}

#[test]
fn split_with_a_fixed_amount_each_and_in_ore() {
    let v: Value = serde_json::from_str(&ok(&[
        "split",
        "1000000000",
        "--key",
        "population:regions:2023-11-01",
        "--each",
        "10 miljoner kronor",
        "--format",
        "json",
    ]))
    .unwrap();
    assert_eq!(dec(&v["total"]), Decimal::from(1_000_000_000));
    for t in v["totals"]["by_recipient"].as_array().unwrap() {
        assert!(dec(&t["amount"]) > Decimal::from(10_000_000));
    }
    let v: Value = serde_json::from_str(&ok(&[
        "split",
        "100.01",
        "--key",
        "population:regions:2021-11-01",
        "--unit",
        "ore",
        "--format",
        "json",
    ]))
    .unwrap();
    assert_eq!(dec(&v["total"]), "100.01".parse::<Decimal>().unwrap());
    let err = fails(&["split", "100.01", "--key", "population:regions:2021-11-01"]);
    assert!(err.contains("amount_finer_than_unit"), "{err}");
}

#[test]
fn the_example_agreement_allocates_exactly_and_explains_every_amount() {
    let args = [
        "allocate",
        "examples/demo-agreement.json",
        "--outcomes",
        "examples/demo-outcomes.json",
    ];
    let table = ok(&args);
    assert!(
        table.contains("Region Uppsala") && table.contains("3 400 000 000 kr"),
        "{table}"
    );
    let v: Value = serde_json::from_str(&ok(&[&args[..], &["--format", "json"]].concat())).unwrap();
    let rows = v["rows"].as_array().unwrap();
    for pot in v["pots"].as_array().unwrap() {
        let sum: Decimal = rows
            .iter()
            .filter(|r| {
                r["component"] == pot["component"] && r.get("tranche") == pot.get("tranche")
            })
            .map(|r| dec(&r["amount"]))
            .sum();
        assert_eq!(sum, dec(&pot["amount"]), "pot {pot}");
    }
    assert_eq!(dec(&v["total"]), Decimal::from(3_400_000_000u64));
    let rules: Vec<&str> = v["pots"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["rule"].as_str().unwrap())
        .collect();
    for r in [
        "performance",
        "per_capita",
        "fixed_plus_key",
        "by_need",
        "equal",
        "fixed",
    ] {
        assert!(rules.contains(&r), "{r} missing from {rules:?}");
    }
    let explained = ok(&[
        "explain",
        "examples/demo-agreement.json",
        "--outcomes",
        "examples/demo-outcomes.json",
    ]);
    // one sentence per row, then the notes (here: the components that name no key, and the
    // precision of the care-need key)
    let (notes, sentences): (Vec<&str>, Vec<&str>) =
        explained.lines().partition(|l| l.starts_with("note: "));
    assert_eq!(sentences.len(), rows.len());
    assert!(notes.iter().all(
        |n| n.contains("names no key: the default population:regions:")
            || n.contains("by the care-need key of 2024")
    ));
    let uppsala = ok(&[
        "explain",
        "examples/demo-agreement.json",
        "--outcomes",
        "examples/demo-outcomes.json",
        "--recipient",
        "03",
    ]);
    assert!(
        uppsala
            .lines()
            .all(|l| l.starts_with("Region Uppsala (03) gets") || l.starts_with("note: ")),
        "{uppsala}"
    );
    assert!(uppsala.contains("exact quota"));
}

#[test]
fn missing_outcomes_and_bad_files_are_clear_errors() {
    let err = fails(&["allocate", "examples/demo-agreement.json"]);
    assert!(
        err.contains("missing_outcomes") && err.contains("vardgaranti"),
        "{err}"
    );
    let err = fails(&["allocate", "no-such-file.json"]);
    assert!(
        err.contains("io") && err.contains("no-such-file.json"),
        "{err}"
    );
    let err = fails(&["split", "1e9", "--key", "population:regions:2021-11-01"]);
    assert!(err.contains("invalid_amount"), "{err}");
    let err = fails(&["split", "100", "--key", "population:regions:2030-01-01"]);
    assert!(
        err.contains("no_population_data") && err.contains("2021-11-01"),
        "{err}"
    );
}

#[test]
fn compare_two_key_dates() {
    let v: Value = serde_json::from_str(&ok(&[
        "compare",
        "examples/demo-agreement.json",
        "--outcomes",
        "examples/demo-outcomes.json",
        "--key",
        "population:regions:2021-11-01",
        "--key-b",
        "population:regions:2023-11-01",
        "--format",
        "json",
    ]))
    .unwrap();
    let rows = v["rows"].as_array().unwrap();
    assert!(rows.iter().any(|r| dec(&r["diff"]) != Decimal::ZERO));
    let total: Decimal = rows.iter().map(|r| dec(&r["diff"])).sum();
    assert_eq!(total, Decimal::ZERO);
}

#[test]
fn validate_report_catalog_and_source() {
    let out = ok(&["validate", "--catalog", "--format", "json"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    let findings = v.as_array().unwrap();
    assert!(findings.iter().any(|f| f["code"] == "parts_do_not_sum"));
    for f in findings {
        let mut keys: Vec<&str> = f.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["code", "ctx", "loc", "msg", "severity"]);
    }
    let dir = std::env::temp_dir().join(format!("vardavtal-cli-v-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    std::fs::write(
        &bad,
        r#"{"id": "x", "title": "X", "kind": {"type": "base"}, "years": [2022], "amount": "-5"}"#,
    )
    .unwrap();
    let o = run(&["validate", bad.to_str().unwrap(), "--format", "json"]);
    assert!(!o.status.success());
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v[0]["code"], "negative_amount");
    assert_eq!(v[0]["loc"], serde_json::json!(["x", "amount"]));

    let report = ok(&["report", "--year", "2022"]);
    assert!(report.contains("okad-tillganglighet-2022") && report.contains("Region Norrbotten"));
    let cat = ok(&["catalog", "--year", "2019"]);
    assert!(cat.contains("komiljard-2019") && !cat.contains("okad-tillganglighet-2022"));
    let src = ok(&["source", "okad-tillganglighet-2022/block-2"]);
    assert!(
        src.contains("fördelas och betalas ut enligt befolkningsmängd"),
        "{src}"
    );
    assert!(ok(&["source", "003"]).contains("2 967 miljoner kronor"));
    fails(&["source", "no-such-agreement"]);
}

#[test]
fn reconcile_a_published_table() {
    let out = ok(&[
        "reconcile",
        "examples/published-table.txt",
        "--pot",
        "1 382 miljoner kronor",
        "--rule",
        "population",
    ]);
    assert!(
        out.contains("IRREGULAR GROUPING (read as 52 160 836 kr"),
        "{out}"
    );
    assert!(
        out.contains(
            "population:regions:2021-11-01 with largest remainder reproduces every region row"
        ),
        "{out}"
    );
    let v: Value = serde_json::from_str(&ok(&[
        "reconcile",
        "examples/published-table.txt",
        "--format",
        "json",
    ]))
    .unwrap();
    let codes: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"irregular_grouping"), "{codes:?}");
    let err = fails(&[
        "reconcile",
        "examples/published-table.txt",
        "--rule",
        "by-magic",
    ]);
    assert!(
        err.contains("--rule") && err.contains("invalid_value"),
        "{err}"
    );
}

#[test]
fn files_for_excel_an_xlsx_workbook_and_the_swedish_csv() {
    let demo = [
        "allocate",
        "examples/demo-agreement.json",
        "--outcomes",
        "examples/demo-outcomes.json",
    ];
    let o = run(&[&demo[..], &["--format", "xlsx"]].concat());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(&o.stdout[..2], b"PK", "an xlsx file is a zip container");
    assert!(o.stdout.len() > 5_000);
    let sv = ok(&[
        "split",
        "100.01",
        "--key",
        "population:regions:2021-11-01",
        "--unit",
        "ore",
        "--format",
        "csv-sv",
    ]);
    let lines: Vec<&str> = sv.trim_start_matches('\u{feff}').lines().collect();
    assert!(sv.starts_with('\u{feff}') && sv.contains("\r\n"));
    assert!(lines[0].starts_with("code;name;amount;"), "{}", lines[0]);
    // `="01"` (Excel keeps it as text), quoted as CSV quotes a field with quotes in it
    assert!(
        lines[1].starts_with("\"=\"\"01\"\"\";Region Stockholm;"),
        "{}",
        lines[1]
    );
    let total: rust_decimal::Decimal = lines[1..]
        .iter()
        .map(|l| {
            l.split(';')
                .nth(2)
                .unwrap()
                .replace(',', ".")
                .parse::<rust_decimal::Decimal>()
                .unwrap()
        })
        .sum();
    assert_eq!(total.to_string(), "100.01");
    let e = fails(&[
        "split",
        "1",
        "--key",
        "population:regions:2021-11-01",
        "--format",
        "ods",
    ]);
    assert!(e.contains("csv-sv") && e.contains("xlsx"), "{e}");
}

#[test]
fn a_year_filter_includes_money_carried_over_to_that_year() {
    let y2023 = ok(&["catalog", "--year", "2023"]);
    assert!(
        y2023.contains("forsorjningsberedskap-lakemedel-2022"),
        "{y2023}"
    );
    assert!(y2023.contains("may be used until 2023-12-31"), "{y2023}");
    let report = ok(&["report", "--year", "2023"]);
    assert!(report.contains("forsorjningsberedskap-lakemedel-2022"));
}

#[test]
fn change_and_sensitivity_of_block_2() {
    let args = [
        "change",
        "12",
        "--agreement",
        "okad-tillganglighet-2022",
        // The agreement also pays SKR a fixed sum: its block 2 is the money split by one key.
        "--component",
        "block-2",
        "--key-a",
        "population:regions:2021-11-01",
        "--key-b",
        "population:regions:2023-11-01",
    ];
    let out = ok(&args);
    assert!(
        out.contains("249 388 kr") && out.contains("share_effect"),
        "{out}"
    );
    let csv = ok(&[&args[..], &["--format", "csv"]].concat());
    assert!(
        csv.contains("12,Region Skåne,59429771,59679159,249388,0,249388,0"),
        "{csv}"
    );
    let pots = ok(&[
        "change",
        "04",
        "--pot-a",
        "10",
        "--pot-b",
        "11",
        "--key-a",
        "population:regions:2021-11-01",
    ]);
    assert!(pots.contains("Region Sörmland"), "{pots}");
    let s = ok(&["--lang", "sv", "sensitivity", "okad-tillganglighet-2022"]);
    assert!(
        s.contains("1 november 2021*†") && s.contains("443 000 000 kr"),
        "{s}"
    );
    let m = ok(&[
        "sensitivity",
        "--level",
        "municipalities",
        "--format",
        "json",
    ]);
    assert!(m.contains("\"pots\""), "{m}");
}
