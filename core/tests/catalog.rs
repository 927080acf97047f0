#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! The bundled catalog: it loads, every figure is traceable to the quoted Swedish phrase of
//! a source text and reads back to exactly the recorded value, precision and hedge word,
//! the figures DOMAIN.md lists are there, and supplements point at their base agreements.

use std::collections::BTreeSet;

use rust_decimal::Decimal;
use serde_json::Value;
use vardavtal::catalog::{Catalog, catalog};
use vardavtal::swedish::parse_swedish;
use vardavtal::{AgreementKind, ComponentKind, Figure, Status, When};

fn cat() -> &'static Catalog {
    catalog()
}

fn dec(s: &str) -> Decimal {
    s.parse::<Decimal>()
        .unwrap_or_else(|e| panic!("{s:?} is not a decimal: {e}"))
}

fn text(c: &'static Catalog, id: &str) -> &'static str {
    c.source(id)
        .unwrap_or_else(|| panic!("unknown source {id:?}"))
        .text
        .as_str()
}

/// Every JSON object anywhere in `v`, with its path.
fn objects<'a>(
    v: &'a Value,
    at: String,
    out: &mut Vec<(String, &'a serde_json::Map<String, Value>)>,
) {
    match v {
        Value::Object(m) => {
            out.push((at.clone(), m));
            for (k, x) in m {
                objects(x, format!("{at}.{k}"), out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                objects(x, format!("{at}[{i}]"), out);
            }
        }
        _ => {}
    }
}

fn catalog_json() -> Value {
    serde_json::to_value(cat()).expect("the catalog serializes")
}

#[test]
fn catalog_loads_with_unique_ids_and_known_sources() {
    let c = cat();
    assert!(
        c.agreements.len() >= 25,
        "only {} agreements",
        c.agreements.len()
    );
    let mut ids = BTreeSet::new();
    for a in &c.agreements {
        assert!(ids.insert(a.id.as_str()), "duplicate agreement id {}", a.id);
        assert!(
            a.id.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "agreement id {:?} is not lowercase ASCII with hyphens",
            a.id
        );
        assert!(!a.sources.is_empty(), "{} names no source", a.id);
        assert!(a.title_en.is_some(), "{} has no English title", a.id);
        assert!(!a.years.is_empty(), "{} covers no year", a.id);
    }
    let mut source_ids = BTreeSet::new();
    for s in &c.sources {
        assert!(
            source_ids.insert(s.id.as_str()),
            "duplicate source id {}",
            s.id
        );
        assert!(
            !s.text.trim().is_empty(),
            "source {} ({}) has no text",
            s.id,
            s.file
        );
    }
    for id in ["000", "001", "002", "003", "004", "domain-further"] {
        assert!(source_ids.contains(id), "source {id} missing");
    }
    // Publication dates only where the texts state them.
    let published = |id: &str| {
        c.source(id)
            .and_then(|s| s.published)
            .map(|d| d.to_string())
    };
    assert_eq!(published("002").as_deref(), Some("2022-01-29"));
    assert_eq!(published("003").as_deref(), Some("2022-08-15"));
    assert_eq!(published("004").as_deref(), Some("2023-09-15"));
    assert_eq!(published("000"), None);
    assert_eq!(published("001"), None);

    // Every SourceRef anywhere (agreement sources, figures, conditions, carry-over,
    // decided dates, packages) names a known source and quotes it verbatim.
    let v = catalog_json();
    let mut objs = Vec::new();
    objects(&v["agreements"], "agreements".into(), &mut objs);
    objects(&v["packages"], "packages".into(), &mut objs);
    objects(&v["tables"], "tables".into(), &mut objs);
    let mut refs = 0;
    for (at, m) in &objs {
        if let (Some(Value::String(src)), Some(Value::String(quote))) =
            (m.get("source"), m.get("quote"))
        {
            refs += 1;
            assert!(
                source_ids.contains(src.as_str()),
                "{at}: unknown source {src:?}"
            );
            assert!(!quote.trim().is_empty(), "{at}: empty quote");
            assert!(
                text(c, src).contains(quote.as_str()),
                "{at}: {quote:?} is not in source {src}"
            );
        }
    }
    assert!(refs >= 100, "only {refs} source references found");

    // Packages name agreements (or other packages) that exist.
    let mut pids = BTreeSet::new();
    for p in &c.packages {
        assert!(pids.insert(p.id.as_str()), "duplicate package id {}", p.id);
        assert!(!p.members.is_empty(), "package {} has no members", p.id);
        for m in &p.members {
            let is_package = c.packages.iter().any(|q| &q.id == m && q.id != p.id);
            assert!(
                c.agreement(m).is_some() || is_package,
                "package {} names unknown member {m}",
                p.id
            );
        }
    }
}

#[test]
fn every_figure_is_quoted_and_reads_back_exactly() {
    let c = cat();
    let v = catalog_json();
    let mut objs = Vec::new();
    objects(&v["agreements"], "agreements".into(), &mut objs);
    objects(&v["packages"], "packages".into(), &mut objs);
    let mut figures = 0;
    for (at, m) in &objs {
        let Some(value) = m.get("value") else {
            continue;
        };
        figures += 1;
        let value = dec(value
            .as_str()
            .unwrap_or_else(|| panic!("{at}: value is not a string")));
        let src = m
            .get("source")
            .unwrap_or_else(|| panic!("{at}: figure {value} has no source"));
        let id = src["source"]
            .as_str()
            .unwrap_or_else(|| panic!("{at}: source id"));
        let quote = src["quote"]
            .as_str()
            .unwrap_or_else(|| panic!("{at}: quote"));
        assert!(
            text(c, id).contains(quote),
            "{at}: {quote:?} is not verbatim in source {id}"
        );
        // An inferred figure (half of a stated total, say) quotes the sentence it is
        // inferred from and says how; it does not read back from the quote.
        if let Some(how) = src.get("inferred") {
            assert!(
                how.as_str().is_some_and(|h| h.len() > 20),
                "{at}: an inferred figure says how it was inferred"
            );
            continue;
        }
        let parsed =
            parse_swedish(quote).unwrap_or_else(|e| panic!("{at}: {quote:?} does not parse: {e}"));
        assert_eq!(
            parsed.value, value,
            "{at}: {quote:?} reads {} not {value}",
            parsed.value
        );
        let precision = m
            .get("precision")
            .map_or(Decimal::ONE, |p| dec(p.as_str().expect("precision string")));
        assert_eq!(parsed.precision, precision, "{at}: precision of {quote:?}");
        let qualifier = m
            .get("qualifier")
            .map(|q| q.as_str().expect("qualifier string").to_owned());
        assert_eq!(
            parsed.qualifier.map(|q| q.as_str().to_owned()),
            qualifier,
            "{at}: qualifier of {quote:?}"
        );
        if m.contains_key("precision") {
            assert_ne!(
                precision,
                Decimal::ONE,
                "{at}: precision 1 is written by leaving it out"
            );
        }
    }
    assert!(figures >= 60, "only {figures} figures found");

    // The typed walk finds the same number of figures, so the generic walk missed none.
    fn comp_figs(cs: &[vardavtal::Component]) -> usize {
        cs.iter()
            .map(|x| {
                usize::from(x.amount.is_some()) + x.other_figures.len() + comp_figs(&x.components)
            })
            .sum()
    }
    let typed: usize = c
        .agreements
        .iter()
        .map(|a| {
            usize::from(a.amount.is_some())
                + a.other_figures.len()
                + a.funding.iter().filter(|f| f.amount.is_some()).count()
                + comp_figs(&a.components)
                + a.tranches.iter().filter(|t| t.amount.is_some()).count()
                + a.frames.len()
        })
        .sum::<usize>()
        + c.packages
            .iter()
            .map(|p| 1 + p.other_figures.len())
            .sum::<usize>();
    assert_eq!(typed, figures);
}

/// The amount of an agreement (component `""`) or of one of its components.
fn amount(agreement: &str, component: &str) -> &'static Figure {
    let a = cat()
        .agreement(agreement)
        .unwrap_or_else(|| panic!("no agreement {agreement}"));
    let f = if component.is_empty() {
        a.amount.as_ref()
    } else {
        a.component(component)
            .unwrap_or_else(|| panic!("{agreement} has no component {component}"))
            .amount
            .as_ref()
    };
    f.unwrap_or_else(|| panic!("{agreement}/{component} has no amount"))
}

#[test]
fn figures_match_domain() {
    #[rustfmt::skip]
    let table: &[(&str, &str, &str)] = &[
        ("komiljard-2019", "", "1600000000"),
        ("komiljard-2019", "befolkning", "320000000"),
        ("komiljard-2019", "prestation", "1280000000"),
        ("vardens-medarbetare-2019", "", "3300000000"),
        ("vardens-medarbetare-2019", "regioner", "3200000000"),
        ("vardens-medarbetare-2019", "specialistsjukskoterskor", "400000000"),
        ("vardens-medarbetare-2019", "kommuner", "100000000"),
        ("god-och-nara-vard-2019", "", "2400000000"),
        ("psykisk-halsa-2019", "", "1700000000"),
        ("cancervard-2019", "", "446000000"),
        ("forlossningsvard-2019", "", "1590000000"),
        ("barnhalsovard-2019", "", "120000000"),
        ("standardiserade-vardforlopp-2019", "", "100000000"),
        ("okad-tillganglighet-2022", "", "2967000000"),
        ("okad-tillganglighet-2022", "block-1", "2512600000"),
        ("okad-tillganglighet-2022", "block-2", "443000000"),
        ("sammanhallen-jamlik-saker-vard-2022", "", "384000000"),
        ("sammanhallen-jamlik-saker-vard-2022", "sakrare-vard-strama", "4500000"),
        ("sammanhallen-jamlik-saker-vard-2022", "kvalitetsregister", "174500000"),
        ("sammanhallen-jamlik-saker-vard-2022", "lakemedelsuppgifter", "5000000"),
        ("sammanhallen-jamlik-saker-vard-2022", "sallsynta-halsotillstand", "10000000"),
        ("sammanhallen-jamlik-saker-vard-2022", "personcentrerade-vardforlopp", "190000000"),
        ("god-och-nara-vard-2022", "", "6373000000"),
        ("god-och-nara-vard-2022", "regioner", "5070000000"),
        ("god-och-nara-vard-2022", "kommuner", "1000000000"),
        ("god-och-nara-vard-2022", "gemensamt", "250000000"),
        ("god-och-nara-vard-2022", "skr", "53000000"),
        ("forlossningsvard-tillagg-2021-2022", "", "445000000"),
        ("psykisk-halsa-tillagg-2022", "", "1635000000"),
        ("cancervard-2022", "", "530000000"),
        ("aldreomsorg-2020-2022", "", "200000000"),
        ("aldreomsorg-2020-2022", "kommuner", "183700000"),
        ("aldreomsorg-2020-2022", "modellkommuner", "15000000"),
        ("aldreomsorg-2020-2022", "skr", "16300000"),
        ("lakemedelsformanerna-2022", "", "34355000000"),
        ("civilt-forsvar-2022", "", "200000000"),
        ("forsorjningsberedskap-lakemedel-2022", "", "500000000"),
        ("sektorsbidrag-2024", "", "3000000000"),
        ("prestationsbundna-bidrag-2024", "", "5000000000"),
        ("prestationsbundna-bidrag-2025", "", "6500000000"),
        ("digital-infrastruktur-2024", "", "77000000"),
    ];
    assert!(table.len() >= 25);
    for (a, comp, want) in table {
        assert_eq!(amount(a, comp).value.value(), dec(want), "{a}/{comp}");
    }

    let c = cat();
    // Sources that disagree or restate are all recorded.
    let others = |id: &str| -> Vec<String> {
        c.agreement(id)
            .unwrap()
            .other_figures
            .iter()
            .map(|f| f.value.to_string())
            .collect()
    };
    assert_eq!(
        others("god-och-nara-vard-2022"),
        ["6370000000", "6300000000"]
    );
    assert_eq!(others("okad-tillganglighet-2022"), ["3000000000"]);
    assert_eq!(others("cancervard-2019"), ["500000000"]);
    // Corrected totals: the exact figure of the party's own page first, the press
    // release's rounded figures kept as other figures.
    assert_eq!(
        others("psykisk-halsa-tillagg-2022"),
        ["1600000000", "1600000000"]
    );
    assert_eq!(
        others("forlossningsvard-2019"),
        ["1590000000", "1600000000"]
    );
    assert_eq!(
        amount("forlossningsvard-2019", "")
            .source
            .as_ref()
            .unwrap()
            .source,
        "g0vse-forlossning-utbetalning-2019"
    );
    assert_eq!(
        amount("okad-tillganglighet-2022", "")
            .source
            .as_ref()
            .unwrap()
            .source,
        "003"
    );
    assert_eq!(amount("aldreomsorg-2020-2022", "").year, Some(2022));
    assert_eq!(
        amount("cancervard-2019", "").source.as_ref().unwrap().quote,
        "446 miljoner"
    );

    // Hedge words as published.
    let ogn = c.agreement("god-och-nara-vard-2022").unwrap();
    assert_eq!(
        ogn.other_figures[1].qualifier.map(|q| q.as_str()),
        Some("over")
    );
    assert_eq!(
        ogn.other_figures[1]
            .precision
            .map(|p| p.to_string())
            .as_deref(),
        Some("100000000")
    );

    // Kömiljarden 2019: tranches in June and December; by population and on performance.
    let k = c.agreement("komiljard-2019").unwrap();
    assert_eq!(k.parties, ["staten", "SKL"]);
    assert_eq!(
        k.status,
        Status::Pending {
            party: "SKL".into()
        }
    );
    let tranche = |id: &str| k.tranches.iter().find(|t| t.id == id).unwrap();
    assert_eq!(
        tranche("juni").date,
        Some("2019-06".parse::<When>().unwrap())
    );
    assert_eq!(tranche("juni").component, "befolkning");
    assert_eq!(
        tranche("juni").amount.as_ref().unwrap().value.to_string(),
        "320000000"
    );
    assert_eq!(
        tranche("december").date,
        Some("2019-12".parse::<When>().unwrap())
    );
    assert_eq!(
        tranche("december")
            .amount
            .as_ref()
            .unwrap()
            .value
            .to_string(),
        "1280000000"
    );
    assert_eq!(
        k.component("befolkning")
            .unwrap()
            .rule
            .as_ref()
            .unwrap()
            .as_str(),
        "per_capita"
    );
    match k.component("prestation").unwrap().rule.as_ref().unwrap() {
        vardavtal::Rule::Performance(p) => {
            assert_eq!(p.criteria.len(), 1);
            assert_eq!(p.criteria[0].id, "wait90");
            assert_eq!(p.criteria[0].share.value(), Decimal::ONE);
            assert_eq!(
                p.criteria[0].test.describe(),
                "improved on last year (wait90) or at least 0.71 (wait60)"
            );
        }
        r => panic!("kömiljard performance block has rule {}", r.as_str()),
    }
    assert_eq!(k.other_figures[0].value.to_string(), "1610000000");
    assert_eq!(
        k.other_figures[0].source.as_ref().unwrap().source,
        "domain-further"
    );
    assert_eq!(
        c.agreement("psykisk-halsa-2019").unwrap().status,
        Status::Pending {
            party: "SKL".into()
        }
    );
    assert_eq!(
        c.agreement("vardens-medarbetare-2019").unwrap().status,
        Status::Signed
    );

    // Staff 2019: the 400 is an earmark inside the regions' 3,2 miljarder.
    let staff = c.agreement("vardens-medarbetare-2019").unwrap();
    let regions = staff.component("regioner").unwrap();
    assert_eq!(regions.components[0].kind, ComponentKind::Earmark);
    assert_eq!(
        c.agreement("aldreomsorg-2020-2022")
            .unwrap()
            .component("modellkommuner")
            .unwrap()
            .kind,
        ComponentKind::Earmark
    );

    // Ökad tillgänglighet 2022: block 2 by population; block 1's criteria shares unpublished.
    let ot = c.agreement("okad-tillganglighet-2022").unwrap();
    assert_eq!(
        ot.component("block-2")
            .unwrap()
            .rule
            .as_ref()
            .unwrap()
            .as_str(),
        "per_capita"
    );
    assert_eq!(
        ot.component("block-1")
            .unwrap()
            .rule
            .as_ref()
            .unwrap()
            .as_str(),
        "unpublished"
    );

    // Co-funding of Sammanhållen vård: regions 100, state 284.
    let s = c.agreement("sammanhallen-jamlik-saker-vard-2022").unwrap();
    let funding: Vec<(String, String)> = s
        .funding
        .iter()
        .map(|f| {
            (
                format!("{:?}", f.payer),
                f.amount.as_ref().unwrap().value.to_string(),
            )
        })
        .collect();
    assert_eq!(
        funding,
        [
            ("Regions".to_owned(), "100000000".to_owned()),
            ("State".to_owned(), "284000000".to_owned())
        ]
    );
    assert!(s.components.iter().all(|x| x.kind == ComponentKind::Item));

    // Cancer 2022: a 600-a-year frame for 2021–2023 subject to appropriation.
    let cancer = c.agreement("cancervard-2022").unwrap();
    assert_eq!(cancer.frames[0].per_year.value.to_string(), "600000000");
    assert_eq!(cancer.frames[0].years, [2021, 2022, 2023]);
    assert_eq!(
        cancer.conditions[0].kind,
        vardavtal::agreement::ConditionKind::Appropriation
    );
    assert_eq!(
        cancer.conditions[0].applies_to.as_deref(),
        Some(cancer.frames[0].id.as_str())
    );
    let frame_2024 = &c.agreement("cancer-barncancer-2024-2026").unwrap().frames[0];
    assert_eq!(frame_2024.per_year.value.to_string(), "500000000");
    assert_eq!(frame_2024.years, [2024, 2025, 2026]);

    // Försörjningsberedskap: may also be used in 2023.
    let f = c.agreement("forsorjningsberedskap-lakemedel-2022").unwrap();
    let co = f.carry_over.as_ref().unwrap();
    assert_eq!(co.until.to_string(), "2023-12-31");
    assert_eq!(
        co.source.as_ref().unwrap().quote,
        "Medlen får även användas 2023"
    );

    // Covid vaccination is a reimbursement without an amount.
    let vacc = c.agreement("covid-vaccination-2022").unwrap();
    assert_eq!(vacc.kind, AgreementKind::Reimbursement {});
    assert!(vacc.amount.is_none());
    assert_eq!(
        vacc.components[0].rule.as_ref().unwrap().as_str(),
        "reimbursement"
    );

    // The sector grant 2024: proposed, by care need.
    let sg = c.agreement("sektorsbidrag-2024").unwrap();
    assert_eq!(sg.status, Status::Proposed);
    assert_eq!(sg.components[0].rule.as_ref().unwrap().as_str(), "by_need");
    for a in &c.agreements {
        if a.kind == (AgreementKind::BudgetProposal {}) {
            assert_eq!(a.status, Status::Proposed, "{}", a.id);
        }
    }

    // The psykisk hälsa base agreement: both published decision dates, [003] first.
    let ph = c.agreement("psykisk-halsa-2021-2022").unwrap();
    let decided: Vec<(String, String)> = ph
        .decided
        .iter()
        .map(|d| {
            (
                d.date.to_string(),
                d.source.as_ref().unwrap().source.clone(),
            )
        })
        .collect();
    assert_eq!(
        decided,
        [
            ("2020-12".to_owned(), "003".to_owned()),
            ("2022-12".to_owned(), "000".to_owned())
        ]
    );

    // Packages.
    let pkg = |id: &str| {
        c.packages
            .iter()
            .find(|p| p.id == id)
            .unwrap_or_else(|| panic!("no package {id}"))
    };
    assert_eq!(
        pkg("kortare-koer-2019").amount.value.to_string(),
        "9400000000"
    );
    assert_eq!(pkg("kortare-koer-2019").members.len(), 5);
    assert_eq!(
        pkg("overenskommelser-januari-2022")
            .amount
            .value
            .to_string(),
        "11000000000"
    );
    assert_eq!(
        pkg("overenskommelser-januari-2022")
            .amount
            .qualifier
            .map(|q| q.as_str()),
        Some("about")
    );
    assert_eq!(
        pkg("overenskommelser-januari-2022").other_figures[0]
            .qualifier
            .map(|q| q.as_str()),
        Some("nearly")
    );
    assert_eq!(
        pkg("cancer-psykisk-halsa-civilt-forsvar-2022")
            .amount
            .value
            .to_string(),
        "2300000000"
    );
    assert_eq!(
        pkg("cancer-psykisk-halsa-civilt-forsvar-2022").other_figures[0]
            .value
            .to_string(),
        "2000000000"
    );
    assert_eq!(
        pkg("forlossningsvard-2022").amount.value.to_string(),
        "1382000000"
    );
    assert_eq!(
        pkg("forlossningsvard-2022").other_figures[0]
            .value
            .to_string(),
        "1436000000"
    );
    assert_eq!(
        pkg("forlossningsvard-2022").other_figures[0]
            .source
            .as_ref()
            .unwrap()
            .source,
        "002"
    );
}

#[test]
fn supplements_point_at_their_base() {
    let c = cat();
    // Bases the sources do not describe: no catalog entry, reported by validation.
    let expected_missing = ["forsorjningsberedskap-lakemedel-grund"];
    let mut missing = Vec::new();
    let mut supplements = 0;
    for a in &c.agreements {
        if let AgreementKind::Supplementary { base } = &a.kind {
            supplements += 1;
            match c.agreement(base) {
                Some(b) => {
                    assert!(
                        !matches!(b.kind, AgreementKind::Supplementary { .. }),
                        "{} has a supplement as base",
                        a.id
                    );
                    for y in &a.years {
                        assert!(
                            b.years.contains(y),
                            "{} covers {y}, its base {} does not",
                            a.id,
                            b.id
                        );
                    }
                }
                None => missing.push(base.as_str()),
            }
        }
    }
    assert_eq!(missing, expected_missing);
    assert_eq!(supplements, 4);
    let base_of = |id: &str| match &c.agreement(id).unwrap().kind {
        AgreementKind::Supplementary { base } => base.clone(),
        k => panic!("{id} is {}", k.as_str()),
    };
    assert_eq!(
        base_of("psykisk-halsa-tillagg-2022"),
        "psykisk-halsa-2021-2022"
    );
    assert_eq!(
        base_of("forlossningsvard-tillagg-2021-2022"),
        "forlossningsvard-kvinnors-halsa-2020-2022"
    );
    assert_eq!(base_of("covid-snabbtester-2022"), "covid-testning-2022");
    assert_eq!(
        c.agreement("psykisk-halsa-2021-2022").unwrap().kind,
        AgreementKind::Base {}
    );
}

/// Swedish output never falls back to English for what an unpublished rule needs: every
/// such rule of the catalog says it in Swedish too, and the Swedish report shows it.
#[test]
fn unpublished_rules_say_what_they_need_in_swedish() {
    let mut seen = 0;
    for a in &cat().agreements {
        for (loc, c) in a.walk() {
            if let Some(vardavtal::Rule::Unpublished {
                needs, needs_sv, ..
            }) = &c.rule
            {
                seen += 1;
                let sv = needs_sv
                    .as_deref()
                    .unwrap_or_else(|| panic!("{} {loc}: no needs_sv for {needs:?}", a.id));
                assert_ne!(sv, needs, "{} {loc}", a.id);
            }
        }
    }
    assert!(seen >= 19, "{seen} unpublished rules");
    let sv = vardavtal::message::with_lang(vardavtal::message::Lang::Sv, || {
        vardavtal::report::report(cat(), Some(2019)).to_string()
    });
    assert!(
        sv.contains("kräver bilagan med fördelningen per region"),
        "{sv}"
    );
    assert!(!sv.contains("kräver the "), "{sv}");
}
