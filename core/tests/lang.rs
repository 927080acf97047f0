//! Swedish and English: every explanation kind and every finding the catalog, the demo
//! and the bad-input corpus produce reads in both languages, with no English left in the
//! Swedish text and the same codes, locations and context in both.

use std::collections::BTreeSet;

use vardavtal::catalog::catalog;
use vardavtal::message::{Lang, with_lang};
use vardavtal::{Agreement, Allocation, Options, Outcomes, Part, Row, allocate};

/// Words that are English and not Swedish.
const ENGLISH: &[&str] = &[
    " the ",
    " of ",
    " is ",
    " are ",
    " has ",
    " gets ",
    " not ",
    " and ",
    " with ",
    " which ",
    " to ",
    " from ",
    " but ",
    " only ",
    " must ",
    " was ",
    " pot ",
    " weight ",
    " rounded ",
];

fn english_in(sv: &str) -> Vec<&'static str> {
    let padded = format!(" {} ", sv.replace(['(', ')', ',', ':', ';', '.'], " "));
    ENGLISH
        .iter()
        .copied()
        .filter(|w| padded.contains(w))
        .collect()
}

fn demo() -> vardavtal::Result<Allocation> {
    let a = Agreement::from_json(include_str!("../../examples/demo-agreement.json"))?;
    let o = Outcomes::from_json(include_str!("../../examples/demo-outcomes.json"))?;
    let opts = Options::new().with_outcomes(o);
    allocate(&a, &opts)
}

/// Every row of the demo and of every catalog agreement that allocates.
fn rows() -> vardavtal::Result<Vec<Row>> {
    let mut out: Vec<Row> = demo()?.rows().to_vec();
    for a in &catalog().agreements {
        if let Ok(alloc) = allocate(a, &Options::default()) {
            out.extend(alloc.rows().iter().cloned());
        }
    }
    let split = vardavtal::split(
        "1000".parse()?,
        &vardavtal::input::key("population:regions:2021-11-01")?,
        Some("10".parse()?),
        vardavtal::Unit::Krona,
    )?;
    out.extend(split.rows().iter().cloned());
    Ok(out)
}

#[test]
fn every_explanation_kind_reads_in_swedish() -> vardavtal::Result<()> {
    let rows = rows()?;
    let mut kinds = BTreeSet::new();
    for r in &rows {
        let sv = r.explain_in(Lang::Sv);
        let en = r.explain_in(Lang::En);
        assert_eq!(en, r.explain(), "English is the explanation as before");
        assert_ne!(sv, en);
        assert!(sv.contains(" får "), "{sv}");
        let found = english_in(&sv);
        assert!(found.is_empty(), "English {found:?} in {sv:?}");
        kinds.insert((r.part.as_str(), r.basis.qualified));
    }
    for part in [Part::Share, Part::Each, Part::Earned, Part::Bonus] {
        assert!(
            kinds.iter().any(|(p, _)| *p == part.as_str()),
            "no {part:?} row among {kinds:?}"
        );
    }
    assert!(kinds.contains(&("earned", Some(false))), "{kinds:?}");
    Ok(())
}

#[test]
fn the_swedish_explanation_of_a_split_says_it_in_words() -> vardavtal::Result<()> {
    let key = vardavtal::input::key("population:regions:2021-11-01")?;
    let a = vardavtal::split("443000000".parse()?, &key, None, vardavtal::Unit::Krona)?;
    let uppsala = a
        .rows()
        .iter()
        .find(|r| r.recipient.as_str() == "03")
        .cloned()
        .ok_or_else(|| {
            vardavtal::Error::new(vardavtal::Code::Note, vardavtal::Loc::root(), "03")
        })?;
    assert_eq!(
        uppsala.explain_in(Lang::Sv),
        "Region Uppsala (03) får 16 720 152 kr av 443 000 000 kr: 3,774 % av befolkningen den \
         1 november 2021 (394 154 av 10 443 100 invånare), exakt 16 720 152,2536… kr; \
         avrundat nedåt till 16 720 152 kr; de 10 kr som blev över gick till större rester."
    );
    // The language of a view follows the call's.
    let text = with_lang(Lang::Sv, || a.explain_text(Some("03")));
    assert!(text.starts_with("Region Uppsala (03) får"), "{text}");
    Ok(())
}

#[test]
fn every_finding_of_the_catalog_reads_in_swedish() -> Result<(), Box<dyn std::error::Error>> {
    let cat = catalog();
    let mut findings = vardavtal::validate::validate(catalog(), &Default::default());
    for a in &cat.agreements {
        match allocate(a, &Options::default()) {
            Ok(alloc) => findings.extend(alloc.notes.iter().cloned()),
            Err(e) => findings.extend(e.into_findings()),
        }
    }
    findings.extend(demo()?.notes.iter().cloned());
    assert!(findings.len() > 50, "{}", findings.len());
    let mut codes = BTreeSet::new();
    for f in &findings {
        assert!(f.template.is_some(), "no template: {f}");
        let sv = f.message(Lang::Sv);
        assert_ne!(sv, f.msg, "{f}");
        // Round trip through JSON (as Python's pickles and the browser do): the Swedish
        // message is found again.
        let back: vardavtal::Finding = serde_json::from_str(&serde_json::to_string(f)?)?;
        assert_eq!(back.message(Lang::Sv), sv);
        let shown = with_lang(Lang::Sv, || f.to_string());
        assert!(shown.contains(sv.as_ref()), "{shown}");
        codes.insert(f.code);
    }
    assert!(codes.len() >= 8, "{codes:?}");
    Ok(())
}

#[test]
fn a_key_as_swedish_excel_writes_it() -> vardavtal::Result<()> {
    let swedish = "\u{feff}kod;vikt\n01;2\u{a0}411\u{a0}859\n03;394 154\n04;0,5 %\n";
    let plain = "code,weight\n01,2411859\n03,394154\n04,0.005\n";
    let a = vardavtal::Key::from_csv("nyckel.csv", swedish, &[])?;
    let b = vardavtal::Key::from_csv("key.csv", plain, &[])?;
    assert_eq!(a.weights(), b.weights());
    assert_eq!(a.recipients(), b.recipients());
    // A weight that is neither plain nor grouped by threes is refused where it stands.
    let bad = vardavtal::Key::from_csv("nyckel.csv", "kod;vikt\n01;2 41 859\n", &[]);
    let err = bad.err().ok_or_else(|| {
        vardavtal::Error::new(vardavtal::Code::Note, vardavtal::Loc::root(), "accepted")
    })?;
    assert_eq!(err.code(), vardavtal::Code::InvalidAmount);
    assert_eq!(err.findings()[0].loc.to_string(), "nyckel.csv[2].weight");
    Ok(())
}

#[test]
fn weights_in_a_key_object_read_as_swedish_writes_them() -> vardavtal::Result<()> {
    let swedish =
        vardavtal::input::args::key(&serde_json::json!({"01": "2 411 859", "03": "0,5"}))?;
    let plain = vardavtal::input::args::key(&serde_json::json!({"01": "2411859", "03": "0.5"}))?;
    assert_eq!(swedish.weights(), plain.weights());
    Ok(())
}
