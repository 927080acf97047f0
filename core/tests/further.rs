#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! The catalog from the further public sources: every verified quote of the copied fact
//! collection is in the stored text of its source; every bundled published table is
//! reconciled against the model (reproduced, or the difference explained by a finding);
//! at least eight agreements allocate per region from the catalog alone with a quoted rule,
//! on the key date a source states (or the default key, reported); the corrected totals
//! change the findings; and a table whose stated pot is mistyped reads as such.

use std::collections::BTreeSet;

use vardavtal::across;
use vardavtal::catalog::{Catalog, catalog, receipts};
use vardavtal::reconcile::{PotSource, PublishedTable, StatedRule, Statement, reconcile};
use vardavtal::{Code, KeySpec, Options, RecipientId, Sek, Severity, Unit, allocate_component};

fn cat() -> &'static Catalog {
    catalog()
}

/// The source key of a fact row, as the stored texts name it on their first line.
fn key_of(source: &str) -> &str {
    let s = source.split(" ;").next().unwrap_or(source);
    s.split(" (").next().unwrap_or(s).trim()
}

#[test]
fn every_verified_quote_of_the_facts_is_in_its_stored_source() {
    let c = cat();
    let facts = include_str!("../catalog/further/facts.csv");
    let mut rows = csv::Reader::from_reader(facts.as_bytes());
    let (mut checked, mut inferred, mut elsewhere) = (0, 0, 0);
    for (i, row) in rows.records().enumerate() {
        let row = row.unwrap();
        assert_eq!(row.len(), 7, "facts.csv row {}", i + 2);
        let (quote, source, confidence) = (&row[4], &row[5], &row[6]);
        if confidence == "inferred" {
            inferred += 1;
            continue;
        }
        assert_eq!(confidence, "verified-quote", "row {}", i + 2);
        let key = key_of(source);
        let header = format!("Source: {key}\n");
        let Some(s) = c.sources.iter().find(|s| s.text.starts_with(&header)) else {
            // The one row that quotes a press release the catalog already has (001).
            assert!(
                key.starts_with("core/catalog/sources/001_"),
                "row {}: no stored source {key}",
                i + 2
            );
            assert!(c.source("001").unwrap().text.contains(quote));
            elsewhere += 1;
            continue;
        };
        assert!(s.url.is_some(), "source {} has no url", s.id);
        assert!(
            s.text.contains(quote),
            "row {}: {quote:?} is not in source {}",
            i + 2,
            s.id
        );
        checked += 1;
    }
    assert_eq!((checked, inferred, elsewhere), (57, 7, 1));
}

#[test]
fn inferred_facts_are_marked_and_never_stated() {
    let c = cat();
    let rule_sources = |a: &str, comp: &str| {
        c.agreement(a)
            .unwrap()
            .component(comp)
            .unwrap()
            .sources
            .clone()
    };
    // The key of the 2019 and 2020 maternity care money is found by fitting the published
    // tables, not stated: every source of the rule says so.
    for (a, comp) in [
        ("forlossningsvard-2019", "regioner"),
        ("forlossningsvard-kvinnors-halsa-2020-2022", "regioner-2020"),
    ] {
        let s = rule_sources(a, comp);
        assert!(
            !s.is_empty() && s.iter().all(|r| r.inferred.is_some()),
            "{a}/{comp}"
        );
    }
    // Stated rules carry no inference.
    for (a, comp) in [
        ("komiljard-2019", "befolkning"),
        ("okad-tillganglighet-2022", "block-2"),
        ("prestationsbundna-bidrag-2025", "statsbidrag"),
        ("cancervard-2025", "andra"),
    ] {
        let s = rule_sources(a, comp);
        assert!(
            !s.is_empty() && s.iter().all(|r| r.inferred.is_none()),
            "{a}/{comp}"
        );
    }
    // An inferred figure is cited as inferred.
    let half = c
        .agreement("cancervard-2025")
        .unwrap()
        .component("forsta")
        .unwrap()
        .amount
        .clone()
        .unwrap();
    assert_eq!(half.value, Sek::kronor(182_500_000));
    assert!(half.cite().ends_with("; inferred)"), "{}", half.cite());
}

#[test]
fn at_least_eight_agreements_allocate_per_region_with_a_quoted_rule() {
    let c = cat();
    let mut per_region = BTreeSet::new();
    for a in &c.agreements {
        for al in across::money_of(a, &Options::default()).allocations {
            let comp = al.pots[0].component.clone();
            let regions: BTreeSet<_> = al
                .rows()
                .iter()
                .filter(|r| r.recipient.as_str().len() == 2)
                .map(|r| r.recipient.clone())
                .collect();
            let quoted = !a.component(&comp).unwrap().sources.is_empty();
            if regions.len() >= 18 && quoted {
                assert_eq!(
                    al.total(),
                    a.component(&comp).unwrap().amount.as_ref().unwrap().value
                );
                per_region.insert(a.id.as_str());
            }
        }
    }
    assert_eq!(
        per_region.into_iter().collect::<Vec<_>>(),
        [
            "cancervard-2019",
            "cancervard-2023",
            "cancervard-2025",
            "forlossningsvard-2019",
            "forlossningsvard-kvinnors-halsa-2020-2022",
            "komiljard-2019",
            "okad-tillganglighet-2022",
            "prestationsbundna-bidrag-2025",
            "sektorsbidrag-2024",
        ]
    );
}

/// The key of the allocation of `a/comp` and whether it was chosen by default.
fn key_of_allocation(a: &str, comp: &str) -> (String, bool) {
    let al = allocate_component(cat().agreement(a).unwrap(), comp, &Options::default()).unwrap();
    let default = al.notes.iter().any(|n| n.code == Code::DefaultKey);
    (al.pots[0].key.clone().unwrap(), default)
}

#[test]
fn key_dates_as_stated_or_the_default_reported() {
    let k = |a: &str, c: &str, key: &str, default: bool| {
        assert_eq!(
            key_of_allocation(a, c),
            (key.to_owned(), default),
            "{a}/{c}"
        );
    };
    // Stated (or inferred from the published table): 31 December of the year before, of
    // two years before, and the published key of the second 2025 cancer payment.
    k(
        "forlossningsvard-2019",
        "regioner",
        "population:regions:2018-12-31",
        false,
    );
    k(
        "forlossningsvard-kvinnors-halsa-2020-2022",
        "regioner-2020",
        "population:regions:2018-12-31",
        false,
    );
    k(
        "cancervard-2025",
        "andra",
        "Befolkningsmängd exkl. 3 regioner (sep 2025)",
        false,
    );
    k(
        "sektorsbidrag-2024",
        "regioner",
        "needs:regions:2024",
        false,
    );
    // Not stated: the default key, reported (1 November of the year before, or the latest
    // bundled date before it).
    k(
        "komiljard-2019",
        "befolkning",
        "population:regions:2017-12-31",
        true,
    );
    k(
        "okad-tillganglighet-2022",
        "block-2",
        "population:regions:2021-11-01",
        true,
    );
    k(
        "cancervard-2023",
        "forsta",
        "population:regions:2021-12-31",
        true,
    );
    k(
        "prestationsbundna-bidrag-2025",
        "statsbidrag",
        "population:regions:2023-11-01",
        true,
    );
    // The published key of 1 November 2019 is bundled.
    let dates = vardavtal::reference::population_dates(vardavtal::reference::Level::Regions);
    assert!(dates.iter().any(|d| d.to_string() == "2019-11-01"));
    let key = "population:regions:2019-11-01"
        .parse::<KeySpec>()
        .unwrap()
        .resolve()
        .unwrap();
    assert_eq!(key.total().to_string(), "10319473");
}

#[test]
fn the_2025_rules_fixed_plus_population_equal_and_excluded_regions() {
    let c = cat();
    let a = c.agreement("prestationsbundna-bidrag-2025").unwrap();
    let al = allocate_component(a, "statsbidrag", &Options::default()).unwrap();
    assert_eq!(al.total(), Sek::kronor(5_886_500_000));
    assert!(
        al.by_recipient()
            .iter()
            .all(|t| t.amount > Sek::kronor(100_000_000))
    );
    let eq = allocate_component(a, "vardgarantifunktion", &Options::default()).unwrap();
    assert_eq!(eq.total(), Sek::kronor(100_000_000));
    assert_eq!(eq.len(), 21);
    let svf = allocate_component(
        c.agreement("cancervard-2025").unwrap(),
        "andra",
        &Options::default(),
    )
    .unwrap();
    assert_eq!(svf.total(), Sek::kronor(182_500_000));
    let paid: BTreeSet<&str> = svf
        .rows()
        .iter()
        .filter(|r| r.amount != Sek::ZERO)
        .map(|r| r.recipient.as_str())
        .collect();
    assert_eq!(paid.len(), 18);
    for excluded in ["13", "21", "24"] {
        assert!(!paid.contains(excluded), "{excluded} did not qualify");
    }
}

#[test]
fn okad_tillganglighet_2022_the_11_msek_are_skr_s() {
    let c = cat();
    let a = c.agreement("okad-tillganglighet-2022").unwrap();
    let skr = allocate_component(a, "skr", &Options::default()).unwrap();
    assert_eq!(skr.rows()[0].recipient, RecipientId::new("SKR"));
    assert_eq!(skr.total(), Sek::kronor(11_000_000));
    // God och nära vård 2019 names SKR's 15 MSEK too.
    let gonv = c.agreement("god-och-nara-vard-2019").unwrap();
    let skr19 = allocate_component(gonv, "skr", &Options::default()).unwrap();
    assert_eq!(skr19.total(), Sek::kronor(15_000_000));
    let findings = vardavtal::validate::validate(catalog(), &Default::default());
    let of = |id: &str, code: Code| {
        findings
            .iter()
            .filter(|f| f.code == code && f.loc.to_string().starts_with(id))
            .count()
    };
    assert_eq!(of("okad-tillganglighet-2022", Code::PartsDoNotSum), 0);
    assert_eq!(of("okad-tillganglighet-2022", Code::TranchesDoNotSum), 0);
    let paid: Sek = a
        .tranches
        .iter()
        .map(|t| t.amount.as_ref().unwrap().value)
        .sum();
    assert_eq!(paid, Sek::kronor(2_512_600_000));
    // The corrected 1 635 000 000 kr of psykisk hälsa 2022 no longer fits the "2,3
    // miljarder" of cancer, psykisk hälsa and civilt försvar.
    assert!(findings.iter().any(|f| {
        f.code == Code::PartsDoNotSum
            && f.loc
                .to_string()
                .contains("cancer-psykisk-halsa-civilt-forsvar-2022")
            && f.msg.contains("2 365 000 000 kr")
    }));
}

#[test]
fn every_bundled_table_is_reconciled() {
    let c = cat();
    let rs = receipts::receipts(c);
    assert_eq!(rs.len(), c.tables.len());
    assert_eq!(rs.len(), 6);
    for r in &rs {
        let rec = r.reconciliation.as_ref().expect("every table reads");
        // The rows add up to the published total, except where a row is cut off.
        let missing = !rec.summary.missing.is_empty();
        assert_eq!(
            rec.summary.adds_up,
            !missing || r.table.contains("2025"),
            "{}",
            r.table
        );
        if r.reproduced {
            assert_eq!(r.finding.code, Code::TableReproduced, "{}", r.table);
            assert!(r.differences.is_empty());
        } else {
            assert_eq!(r.finding.code, Code::TableNotReproduced, "{}", r.table);
            // A warning where the model's allocation differs from it; an info for a table
            // of no catalog component.
            let severity = if r.component.is_some() {
                Severity::Warning
            } else {
                Severity::Info
            };
            assert_eq!(r.finding.severity, severity, "{}", r.table);
        }
    }
    let get = |id: &str| rs.iter().find(|r| r.table == id).unwrap();
    let diff = |id: &str| {
        let r = get(id);
        (
            r.reproduced,
            r.differences.len(),
            r.max_diff(),
            r.key.clone(),
        )
    };
    let pop = |d: &str| Some(format!("population:regions:{d}"));
    // Maternity care 2019 and 2020: within 1 kr of SCB's population of 31 December 2018,
    // not exactly (the publisher's rounding is not one the model knows).
    assert_eq!(
        diff("forlossningsvard-2019"),
        (false, 8, Sek::kronor(1), pop("2018-12-31"))
    );
    assert_eq!(
        diff("forlossningsvard-kvinnors-halsa-2020"),
        (false, 4, Sek::kronor(1), pop("2018-12-31"))
    );
    // The rows are within 1 kr of shares of a population key, but no rounding the model
    // knows gives them: no key is said to reproduce these tables.
    for id in [
        "forlossningsvard-2019",
        "forlossningsvard-kvinnors-halsa-2020",
    ] {
        let r = get(id);
        assert!(
            !r.finding.msg.contains("inhabitants does"),
            "{}",
            r.finding.msg
        );
        let rec = r.reconciliation.as_ref().unwrap();
        let implied = rec.implied.as_ref().unwrap();
        assert_eq!(implied.rounding, None, "{id}");
        let f = rec
            .findings
            .iter()
            .find(|f| f.code == Code::ImpliedKey)
            .unwrap();
        assert!(f.msg.contains("no rounding the model knows"), "{}", f.msg);
        assert!(!f.msg.contains("reproduced exactly"), "{}", f.msg);
        let headline = &rec.summary.headline;
        assert!(
            headline.contains("no rounding the model knows"),
            "{headline}"
        );
        assert!(!headline.contains("reproduces it exactly"), "{headline}");
    }
    // Cancer 2025, second payment: reproduced by its published key (18 regions).
    let svf25 = get("cancervard-svf-2025-andra-utbetalningen");
    assert!(svf25.reproduced, "{}", svf25.finding.msg);
    assert_eq!(svf25.rows, 18);
    // Cancer 2023 and the 2025 grant: no bundled key fits; the population key that does
    // is named (its date is not bundled).
    for (id, total) in [
        ("cancervard-svf-2023-andra-utbetalningen", "10 554 692"),
        ("statsbidrag-tillganglighet-2025", "10 587 140"),
    ] {
        let r = get(id);
        assert!(!r.reproduced);
        assert_eq!(r.differences.len(), 21, "{id}");
        assert!(
            r.finding
                .msg
                .contains(&format!("a population key of {total} inhabitants")),
            "{}",
            r.finding.msg
        );
    }
    // The 2021 cancer table is the receipt of the published 1 November 2019 key: within 1 kr
    // on every row it has (Gotland's is cut off), 18 of 20 exactly.
    let svf21 = get("cancervard-svf-2021-andra-utbetalningen");
    assert!(svf21.component.is_none());
    let best = svf21
        .reconciliation
        .as_ref()
        .unwrap()
        .summary
        .best
        .clone()
        .unwrap();
    assert_eq!(
        (best.key.as_str(), best.rows_matching, best.rows_compared),
        ("population:regions:2019-11-01", 18, 20)
    );
    assert_eq!(best.total_abs_diff, Sek::kronor(2));
    // Swedish messages come from the same templates.
    let sv = get("forlossningsvard-2019")
        .finding
        .message(vardavtal::message::Lang::Sv);
    assert!(sv.contains("skiljer sig på 8 av 21 rader"), "{sv}");
}

/// A table of rows that are the split of `rows_pot` by 1 November 2021, with a total
/// line of `total_line`.
fn table(rows_pot: i64, total_line: i64) -> PublishedTable {
    let key = "population:regions:2021-11-01"
        .parse::<KeySpec>()
        .unwrap()
        .resolve()
        .unwrap();
    let parts = key.split(Sek::kronor(rows_pot), Unit::Krona).unwrap();
    let mut text = String::from("Region;Belopp (kr)\n");
    for (r, a) in key.recipients().iter().zip(&parts) {
        text.push_str(&format!("{};{a}\n", r.name().unwrap()));
    }
    text.push_str(&format!("Totalt;{total_line}\n"));
    PublishedTable::parse("t.csv", &text).unwrap()
}

#[test]
fn a_mistyped_pot_in_the_text_reads_as_such() {
    // The text says 1 357 000 000 kr "utifrån befolkningsmängd"; the rows and the total
    // line are the population split of 1 367 000 000 kr.
    let st = Statement::new(
        Some(Sek::kronor(1_357_000_000)),
        Some(StatedRule::Population),
    );
    let rec = reconcile(&table(1_367_000_000, 1_367_000_000), &st);
    let checked: Vec<_> = rec.findings_with(Code::PotChecked).collect();
    assert_eq!(checked.len(), 1);
    assert_eq!(checked[0].severity, Severity::Warning);
    assert!(
        checked[0]
            .msg
            .contains("the stated pot 1 357 000 000 kr is not what the rows split"),
        "{}",
        checked[0].msg
    );
    assert!(
        checked[0]
            .msg
            .contains("1 367 000 000 kr, split by population:regions:2021-11-01"),
        "{}",
        checked[0].msg
    );
    assert!(
        checked[0].msg.contains("-10 000 000 kr off"),
        "{}",
        checked[0].msg
    );
    // Not every row marked as differing: the rows are judged against their own total.
    assert_eq!(rec.findings_with(Code::RowDiffers).count(), 0);
    assert!(rec.summary.exact);
    assert_eq!(rec.pot_source, PotSource::TotalLine);
    assert_eq!(rec.pot, Sek::kronor(1_367_000_000));
    // The sums against the stated pot are still reported.
    assert!(rec.findings_with(Code::TableTotalMismatch).count() >= 1);
    assert!(!rec.summary.adds_up);
    // Swedish.
    assert!(
        checked[0]
            .message(vardavtal::message::Lang::Sv)
            .contains("felskriven siffra i texten")
    );

    // The other way round: the rows are the split of the stated pot and the total line is
    // mistyped: the stated pot is the one reproduced.
    let st = Statement::new(
        Some(Sek::kronor(1_357_000_000)),
        Some(StatedRule::Population),
    );
    let rec = reconcile(&table(1_357_000_000, 1_367_000_000), &st);
    let checked: Vec<_> = rec.findings_with(Code::PotChecked).collect();
    assert_eq!(checked.len(), 1);
    assert_eq!(checked[0].severity, Severity::Info);
    assert!(
        checked[0]
            .msg
            .contains("the stated pot 1 357 000 000 kr split by population:regions:2021-11-01"),
        "{}",
        checked[0].msg
    );
    assert_eq!(rec.pot_source, PotSource::Stated);
    assert!(rec.summary.exact);

    // A pot that agrees with the table: nothing to try twice.
    let rec = reconcile(&table(1_357_000_000, 1_357_000_000), &st);
    assert_eq!(rec.findings_with(Code::PotChecked).count(), 0);
}
