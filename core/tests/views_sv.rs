//! With texts in Swedish, every text the views and the catalog report make for people is
//! Swedish: titles, total lines, pot lines, names of rules, parts and kinds, yes and no,
//! tallies, the report's and catalog's headings and labels, verdicts, previews and the
//! sheets of a workbook. The English texts, the column ids and the plain CSV stay as they
//! are.

use vardavtal::message::{Lang, with_lang};
use vardavtal::reconcile::{PublishedTable, Statement, reconcile};
use vardavtal::view::{AgreementList, View};
use vardavtal::{Agreement, Key, Options, Outcomes, Sek, Unit, allocate, compare, split};

/// English words that must not be in a Swedish text for people. A word is a run of letters
/// and digits; ids (`per_capita`, `population:regions:2021-11-01`,
/// `okad-tillganglighet-2022/block-2`) are one word with their `_`, `:`, `-`, `/` and `.`.
const ENGLISH: &[&str] = &[
    "the",
    "of",
    "by",
    "to",
    "and",
    "not",
    "yes",
    "no",
    "rows",
    "allocation",
    "total",
    "recipients",
    "agreements",
    "report",
    "covering",
    "every",
    "catalog",
    "findings",
    "errors",
    "warnings",
    "warning",
    "notes",
    "totals",
    "pots",
    "comparison",
    "difference",
    "key",
    "unit",
    "share",
    "each",
    "fixed",
    "equal",
    "earned",
    "returned",
    "published",
    "funding",
    "condition",
    "frame",
    "also",
    "cannot",
    "signed",
    "proposed",
    "named",
    "regions",
    "municipalities",
    "reconciliation",
    "differs",
    "irregular",
    "grouping",
    "compared",
    "none",
    "figures",
];

/// Words of English that are also ids (the finding code `note`), found only as they would
/// read in a line for people.
const ENGLISH_LABELS: &[&str] = &["note: ", "warning[", "info[", "error["];

/// The English words of `text`, outside data the catalog's own files hold in English (what
/// an unpublished rule needs: "kräver the per-region distribution …").
fn english_words(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in text.lines() {
        let line = line.split("kräver ").next().unwrap_or(line);
        for l in ENGLISH_LABELS {
            if line.contains(l) {
                found.push(format!("{l:?} in {line:?}"));
            }
        }
        for w in
            line.split(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | ':' | '-' | '/' | '.')))
        {
            let w = w.trim_end_matches(['.', ':']).to_lowercase();
            if ENGLISH.contains(&w.as_str()) {
                found.push(format!("{w:?} in {line:?}"));
            }
        }
    }
    found
}

fn assert_swedish(what: &str, text: &str) {
    let found = english_words(text);
    assert!(found.is_empty(), "{what}: English words {found:#?}");
}

/// Every form people read of a view: text, preview, HTML (with its table's title), the
/// Swedish CSV and the titles of the workbook's sheets.
fn assert_view_swedish<V: View + ?Sized>(what: &str, v: &V) {
    assert_swedish(&format!("{what} text"), &v.text());
    assert_swedish(&format!("{what} preview"), &v.preview());
    assert_swedish(&format!("{what} html"), &v.table().to_html());
    assert_swedish(&format!("{what} csv-sv"), &v.csv_sv());
    for s in v.sheets() {
        assert_swedish(&format!("{what} sheet"), &s.title);
        assert_swedish(&format!("{what} sheet"), &s.to_text());
    }
    #[cfg(feature = "xlsx")]
    assert!(vardavtal::view::xlsx(&v.sheets()).is_ok());
}

fn uppsala_split() -> vardavtal::Result<vardavtal::Allocation> {
    let key = Key::from_arg("population:regions:2021-11-01")?;
    split(Sek::kronor(443_000_000), &key, None, Unit::Krona)
}

fn demo() -> vardavtal::Result<vardavtal::Allocation> {
    let a = Agreement::from_json(include_str!("../../examples/demo-agreement.json"))?;
    let o = Outcomes::from_json(include_str!("../../examples/demo-outcomes.json"))?;
    allocate(
        &a,
        &Options {
            outcomes: o,
            ..Options::default()
        },
    )
}

fn comparison() -> vardavtal::Result<vardavtal::Comparison> {
    let pot = Sek::kronor(443_000_000);
    let a = split(
        pot,
        &Key::from_arg("population:regions:2021-11-01")?,
        None,
        Unit::Krona,
    )?;
    let each = split(
        pot,
        &Key::from_arg("population:regions:2023-11-01")?,
        Some(Sek::kronor(1_000_000)),
        Unit::Krona,
    )?;
    Ok(compare(&a, &each))
}

fn reconciliation() -> vardavtal::Result<vardavtal::reconcile::Reconciliation> {
    let t = PublishedTable::parse(
        "examples/published-table.txt",
        include_str!("../../examples/published-table.txt"),
    )?;
    Ok(reconcile(&t, &Statement::default()))
}

#[test]
fn the_english_list_finds_english_words_not_swedish_ones() {
    assert_eq!(english_words("Allocation of 443 000 000 kr").len(), 2);
    assert!(
        english_words(
            "Fördelning av 443 000 000 kr per invånare (population:regions:2021-11-01), totalt"
        )
        .is_empty()
    );
    assert!(english_words("| per_capita | fixed_plus_key | Toto |").is_empty());
}

#[test]
fn a_split_and_the_demo_read_in_swedish() -> vardavtal::Result<()> {
    with_lang(Lang::Sv, || {
        let s = uppsala_split()?;
        assert_view_swedish("split", &s);
        let text = s.text();
        assert!(
            text.starts_with(
                "Fördelning av 443 000 000 kr till 21 mottagare (21 rader, enhet krona)"
            ),
            "{text}"
        );
        assert!(text.contains("| totalt "), "{text}");
        assert!(
            text.contains(
                "443 000 000 kr per invånare (befolkningen i regionerna den 1 november 2021)"
            ),
            "{text}"
        );
        let each = split(
            Sek::kronor(2_100_000_000),
            &Key::from_arg("population:regions:2021-11-01")?,
            Some(Sek::kronor(50_000_000)),
            Unit::Krona,
        )?;
        assert_view_swedish("split with a part each", &each);
        assert!(
            each.csv_sv()
                .starts_with("\u{feff}kod;namn;fast belopp;andel;belopp\r\n")
        );

        let d = demo()?;
        assert_view_swedish("demo", &d);
        let rows = d.rows_table().to_csv_sv();
        assert!(
            rows.contains(";uppnått;") && rows.contains(";andel;"),
            "{rows}"
        );
        let titles: Vec<String> = d.sheets().into_iter().map(|t| t.title).collect();
        assert!(titles[1].starts_with("Rader: Fördelning av"), "{titles:?}");
        assert_eq!(titles[2], "Potter");
        assert!(
            titles[3].starts_with("Anteckningar: Iakttagelser ("),
            "{titles:?}"
        );
        let pots = d.pots_table().to_text();
        assert!(
            pots.contains("efter vårdbehov") && pots.contains("mellan 3 namngivna mottagare"),
            "{pots}"
        );
        Ok(())
    })
}

#[test]
fn a_comparison_the_catalog_the_report_and_a_reconciliation_read_in_swedish()
-> vardavtal::Result<()> {
    let cat = vardavtal::catalog::catalog()?;
    with_lang(Lang::Sv, || {
        let c = comparison()?;
        assert_view_swedish("comparison", &c);
        assert!(c.text().contains("skillnad totalt"));

        let list = AgreementList(cat.agreements.iter().collect());
        assert_view_swedish("catalog", &list);
        assert!(list.table().title.ends_with(" överenskommelser"));
        let one = AgreementList(cat.for_year(2022));
        assert_view_swedish("catalog 2022", &one);
        for a in cat.for_year(2022) {
            // its notes are the catalog's own (in English)
            let mut t = a.table();
            t.notes.clear();
            assert_swedish(&a.id, &t.to_text());
            assert_swedish(&a.id, &a.text());
        }

        let r = vardavtal::report::report(cat, Some(2022));
        assert_view_swedish("report", &r);
        let text = r.text();
        assert!(text.starts_with("# vardavtal, rapport: överenskommelser som gäller 2022"));
        assert!(text.contains("   totalt: 2 967 000 000 kr"), "{text}");
        assert!(
            text.contains("; till alla 21 regioner; per invånare"),
            "{text}"
        );
        assert!(text.contains("fördelning av block-2 (per invånare, befolkningen i regionerna den 1 november 2021):"), "{text}");
        assert!(text.contains("finansiering: regionerna (medfinansiering) 100 000 000 kr"));
        let all = vardavtal::report::report(cat, None);
        assert_swedish("report of every year", &all.text());

        let rec = reconciliation()?;
        // the reconciliation's own text (its report) is made in `reconcile`; its views here
        let t = rec.table();
        assert_swedish("reconciliation table", &t.to_text());
        assert_swedish("reconciliation html", &t.to_html());
        assert_swedish("reconciliation csv-sv", &rec.csv_sv());
        assert_swedish("reconciliation totals", &rec.totals_table().to_text());
        assert_swedish("reconciliation fits", &rec.fits_table().to_text());
        assert!(t.title.starts_with("Avstämning av "));
        assert!(rec.csv_sv().contains(";OREGELBUNDEN GRUPPERING"));
        assert!(rec.fits_table().to_text().contains("största rest"));
        Ok(())
    })
}

#[test]
fn english_and_the_machine_forms_stay_as_they_were() -> vardavtal::Result<()> {
    let cat = vardavtal::catalog::catalog()?;
    let s = uppsala_split()?;
    let text = s.text();
    assert!(
        text.starts_with("Allocation of 443 000 000 kr to 21 recipients (21 rows, unit krona)\n")
    );
    assert!(
        text.contains("|      | total                      | 443 000 000 kr |"),
        "{text}"
    );
    assert!(
        text.contains(
            "split/split: 443 000 000 kr by per_capita (population:regions:2021-11-01)\n"
        )
    );
    let c = comparison()?;
    assert!(
        c.text()
            .starts_with("Comparison of 21 recipients (B − A)\n")
    );
    assert!(c.text().contains("total difference"));
    let d = demo()?;
    assert!(d.text().contains(
        "demo-tillganglighet-2022/norr: 10 000 001 kr by equal (equal parts (3 named recipients))\n"
    ));
    assert!(d.text().contains(
        "demo-tillganglighet-2022/utveckling/juni (2022-06): 500 000 000 kr by per_capita"
    ));
    let r = vardavtal::report::report(cat, Some(2022)).text();
    assert!(r.starts_with("# vardavtal report: agreements covering 2022\n"));
    assert!(
        r.contains("   allocation of block-2 (per_capita by population:regions:2021-11-01):\n")
    );
    assert!(r.contains(
        "   total: 2 967 000 000 kr (003: \"2 967 miljoner kronor\"); also 3 000 000 000 kr"
    ));
    assert!(
        r.contains("; to all 21 regions; by population\n") || r.contains("; to all 21 regions; ")
    );
    assert!(r.contains("\n## Press-release totals\n"));
    let rec = reconciliation()?;
    assert!(rec.csv_sv().contains(";IRREGULAR GROUPING"));
    assert_eq!(
        rec.table().title,
        "Reconciliation of examples/published-table.txt"
    );
    let list = AgreementList(cat.for_year(2022));
    assert!(list.table().title.ends_with(" agreements"));

    // The same machine forms in both languages: column ids, plain CSV, records, JSON.
    let machine = |lang| {
        with_lang(lang, || -> vardavtal::Result<_> {
            let d = demo()?;
            let rec = reconciliation()?;
            let list = AgreementList(cat.for_year(2022));
            Ok((
                d.csv(),
                d.pots_table().to_csv(),
                d.table().column_ids().join(","),
                serde_json::to_string(&d.rows_table().to_records()).unwrap_or_default(),
                rec.csv(),
                rec.totals_table().to_csv(),
                rec.fits_table().to_csv(),
                list.csv(),
                vardavtal::view::json(&d),
            ))
        })
    };
    assert_eq!(machine(Lang::Sv)?, machine(Lang::En)?);
    Ok(())
}
