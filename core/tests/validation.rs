//! Every validation check, each with a minimal input that fails it and one that passes.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use serde_json::{Value, json};
use vardavtal::validate::{Checks, validate};
use vardavtal::{Agreement, Code, Options, Outcomes, Severity, catalog::Package};

/// A minimal valid agreement with `patch` merged in (objects merged, other values replaced).
fn agreement(patch: Value) -> Agreement {
    let mut base = json!({"id": "a", "title": "A", "kind": {"type": "base"}, "years": [2022]});
    merge(&mut base, patch);
    serde_json::from_value(base).unwrap()
}

fn merge(a: &mut Value, b: Value) {
    match (a, b) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, v) in b {
                merge(a.entry(k).or_insert(Value::Null), v);
            }
        }
        (a, b) => *a = b,
    }
}

fn codes(agreements: &[Agreement]) -> Vec<Code> {
    validate(agreements, &Checks::new())
        .into_iter()
        .map(|f| f.code)
        .collect()
}

/// `bad` yields a finding with `code` (and none of `code` for `good`).
fn check(code: Code, bad: &[Agreement], good: &[Agreement]) {
    let b = codes(bad);
    assert!(b.contains(&code), "{code}: expected in {b:?}");
    let g = codes(good);
    assert!(!g.contains(&code), "{code}: not expected in {g:?}");
}

fn fig(v: &str, precision: Option<&str>, q: Option<&str>) -> Value {
    let mut f = json!({"value": v});
    if let Some(p) = precision {
        f["precision"] = json!(p);
    }
    if let Some(q) = q {
        f["qualifier"] = json!(q);
    }
    f
}

#[test]
fn parts_must_add_up_within_the_precision_of_the_figures() {
    let parts = |a: &str, b: &str, total: Value| {
        agreement(
            json!({"amount": total, "components": [{"id": "x", "name": "X", "amount": a}, {"id": "y", "name": "Y", "amount": b}]}),
        )
    };
    // 1,6 + 0,7 "miljarder" against "2,3 miljarder": fine; against 2,5: a real gap.
    check(
        Code::PartsDoNotSum,
        &[parts("1600000000", "700000000", json!("2500000000"))],
        &[parts("1600000000", "700000000", json!("2300000000"))],
    );
    // "9,4 miljarder" (±50 miljoner) covers 9 446 miljoner; exact 9 400 000 000 does not.
    let rounded = fig("9400000000", Some("100000000"), None);
    check(
        Code::PartsDoNotSum,
        &[parts("9000000000", "446000000", json!("9400000000"))],
        &[parts("9000000000", "446000000", rounded)],
    );
    let f = validate(&[parts("60", "30", json!("100"))], &Checks::new());
    assert_eq!(f[0].ctx["gap"], "10");
    assert_eq!(f[0].severity, Severity::Warning);
    assert_eq!(f[0].loc.to_string(), "a.components");
}

#[test]
fn earmarks_may_not_exceed_their_parent() {
    let e = |amount: &str| {
        agreement(
            json!({"components": [{"id": "p", "name": "P", "amount": "400",
            "components": [{"id": "e", "name": "E", "kind": "earmark", "amount": amount}]}]}),
        )
    };
    check(Code::EarmarkExceedsParent, &[e("401")], &[e("400")]);
    // An earmark is not a part that adds up with its siblings.
    assert!(!codes(&[e("100")]).contains(&Code::PartsDoNotSum));
}

#[test]
fn co_funding_must_add_up_to_the_total() {
    let f = |state: &str| {
        agreement(
            json!({"amount": "384", "funding": [{"payer": "regions", "amount": "100"}, {"payer": "state", "amount": state}]}),
        )
    };
    check(Code::FundingDoesNotSum, &[f("274")], &[f("284")]);
}

#[test]
fn tranches_must_add_up_to_what_they_pay() {
    let t = |june: &str| {
        agreement(
            json!({"components": [{"id": "k", "name": "K", "amount": "1600"}],
            "tranches": [{"id": "juni", "date": "2019-06", "component": "k", "amount": june},
                         {"id": "dec", "date": "2019-12", "component": "k", "amount": "1280"}]}),
        )
    };
    check(Code::TranchesDoNotSum, &[t("300")], &[t("320")]);
    let s = |a: &str| {
        agreement(
            json!({"components": [{"id": "k", "name": "K", "amount": "10"}],
            "tranches": [{"id": "1", "component": "k", "share": a}, {"id": "2", "component": "k", "share": "0.5"}]}),
        )
    };
    check(Code::TranchesDoNotSum, &[s("0.4")], &[s("0.5")]);
}

#[test]
fn sources_that_disagree_are_reported() {
    let d = |other: Value| agreement(json!({"amount": "1382000000", "other_figures": [other]}));
    check(
        Code::SourcesDisagree,
        &[d(json!("1436000000"))],
        &[d(fig("1400000000", Some("100000000"), None))],
    );
    let dates =
        |second: &str| agreement(json!({"decided": [{"date": "2020-12"}, {"date": second}]}));
    check(
        Code::SourcesDisagree,
        &[dates("2022-12")],
        &[dates("2020-12")],
    );
}

#[test]
fn supplements_need_a_base_that_covers_them_and_is_older() {
    let supp = |base: &str, years: Value, decided: &str| {
        agreement(
            json!({"id": "s", "kind": {"type": "supplementary", "base": base}, "years": years, "decided": [{"date": decided}]}),
        )
    };
    let base =
        agreement(json!({"id": "b", "years": [2021, 2022], "decided": [{"date": "2020-12"}]}));
    check(
        Code::MissingBase,
        &[supp("nope", json!([2022]), "2022-01")],
        &[supp("b", json!([2022]), "2022-01"), base.clone()],
    );
    check(
        Code::BaseDoesNotCover,
        &[supp("b", json!([2022, 2023]), "2022-01"), base.clone()],
        &[supp("b", json!([2022]), "2022-01"), base.clone()],
    );
    check(
        Code::SupplementBeforeBase,
        &[supp("b", json!([2022]), "2020-06"), base.clone()],
        &[supp("b", json!([2022]), "2021-01-15"), base.clone()],
    );
    let selfref = agreement(json!({"id": "s", "kind": {"type": "supplementary", "base": "s"}}));
    let x = agreement(json!({"id": "x", "kind": {"type": "supplementary", "base": "y"}}));
    let y = agreement(json!({"id": "y", "kind": {"type": "supplementary", "base": "x"}}));
    check(
        Code::BaseCycle,
        &[selfref],
        &[supp("b", json!([2022]), "2022-01"), base.clone()],
    );
    check(Code::BaseCycle, &[x, y], &[base]);
}

#[test]
fn dates_must_be_in_order() {
    let paid = |date: &str| {
        agreement(
            json!({"decided": [{"date": "2022-03-01"}], "components": [{"id": "k", "name": "K", "amount": "10"}],
            "tranches": [{"id": "t", "date": date, "component": "k", "amount": "10"}]}),
        )
    };
    check(
        Code::DatesOutOfOrder,
        &[paid("2022-02")],
        &[paid("2022-03")],
    );
    let carry = |until: &str| agreement(json!({"carry_over": {"until": until}}));
    check(
        Code::DatesOutOfOrder,
        &[carry("2022-06-30")],
        &[carry("2023-12-31")],
    );
}

#[test]
fn money_not_decided_and_frames_are_noted() {
    check(
        Code::NotDecided,
        &[agreement(json!({"status": "proposed"}))],
        &[agreement(json!({"status": "signed"}))],
    );
    check(
        Code::NotDecided,
        &[agreement(
            json!({"conditions": [{"kind": "appropriation"}]}),
        )],
        &[agreement(json!({"conditions": [{"kind": "performance"}]}))],
    );
    let frame = |amount: &str| {
        agreement(
            json!({"amount": amount, "frames": [{"id": "f", "per_year": "600", "years": [2021, 2022, 2023]}]}),
        )
    };
    check(Code::FrameMismatch, &[frame("530")], &[frame("600")]);
    let f = validate(&[frame("530")], &Checks::new());
    assert!(f.iter().all(|x| x.severity == Severity::Info));
}

#[test]
fn unknown_recipients_duplicate_ids_and_negative_amounts_are_errors() {
    let fixed = |r: &str| {
        agreement(
            json!({"components": [{"id": "k", "name": "K", "amount": "10", "rule": {"type": "fixed", "recipient": r}}]}),
        )
    };
    check(
        Code::UnknownRecipient,
        &[fixed("Socialstyrelsen")],
        &[fixed("SKR")],
    );
    let declared = agreement(
        json!({"recipients": [{"id": "Socialstyrelsen", "name": "Socialstyrelsen"}],
        "components": [{"id": "k", "name": "K", "amount": "10", "rule": {"type": "fixed", "recipient": "Socialstyrelsen"}}]}),
    );
    assert!(!codes(&[declared]).contains(&Code::UnknownRecipient));
    let list = |c: &str| {
        agreement(
            json!({"components": [{"id": "k", "name": "K", "amount": "10", "recipients": {"list": ["01", c]}, "rule": {"type": "equal"}}]}),
        )
    };
    check(Code::UnknownRecipient, &[list("02")], &[list("03")]);
    let comps = |b: &str| {
        agreement(json!({"components": [{"id": "k", "name": "K"}, {"id": b, "name": "B"}]}))
    };
    check(Code::DuplicateId, &[comps("k")], &[comps("m")]);
    check(
        Code::DuplicateId,
        &[agreement(json!({})), agreement(json!({}))],
        &[agreement(json!({})), agreement(json!({"id": "b"}))],
    );
    check(
        Code::NegativeAmount,
        &[agreement(json!({"amount": "-1"}))],
        &[agreement(json!({"amount": "0"}))],
    );
}

#[test]
fn rules_that_cannot_run_on_the_data_are_errors() {
    let per_capita = |amount: Option<&str>, key: Value| {
        let mut c = json!({"id": "k", "name": "K", "recipients": "regions", "rule": {"type": "per_capita", "key": key}});
        if let Some(a) = amount {
            c["amount"] = json!(a);
        }
        agreement(json!({"components": [c]}))
    };
    let key = |date: &str| json!({"type": "population", "level": "regions", "date": date});
    check(
        Code::NoPopulationData,
        &[per_capita(Some("10"), key("2022-11-01"))],
        &[per_capita(Some("10"), key("2021-11-01"))],
    );
    check(
        Code::RuleNotRunnable,
        &[per_capita(None, key("2021-11-01"))],
        &[per_capita(Some("10"), key("2021-11-01"))],
    );
    let each = |e: &str| {
        agreement(
            json!({"components": [{"id": "k", "name": "K", "amount": "2100", "recipients": "regions", "rule": {"type": "fixed_plus_key", "each": e}}]}),
        )
    };
    check(Code::RuleNotRunnable, &[each("101")], &[each("100")]);
    let perf = |share: &str| {
        agreement(
            json!({"components": [{"id": "k", "name": "K", "amount": "10", "recipients": "regions", "rule": {"type": "performance", "unearned": "bonus_pot",
            "criteria": [{"id": "c", "name": "C", "share": share, "test": {"type": "met"}}]}}]}),
        )
    };
    check(Code::SharesDoNotSum, &[perf("0.9")], &[perf("1")]);

    // Outcomes missing for some recipients: reported with the inputs.
    let mut outcomes = Outcomes::default();
    for r in vardavtal::reference::regions().iter().skip(1) {
        outcomes.set("c", r.code.into(), vardavtal::Outcome::stated(true));
    }
    let f = validate(
        &[perf("1")],
        &Checks::new().with_options(&Options::new().with_outcomes(outcomes.clone())),
    );
    let missing: Vec<_> = f
        .iter()
        .filter(|x| x.code == Code::MissingOutcomes)
        .collect();
    assert_eq!(missing.len(), 1);
    assert_eq!(missing[0].ctx["recipients"], "01");
    outcomes.set("c", "01".into(), vardavtal::Outcome::stated(false));
    let f = validate(
        &[perf("1")],
        &Checks::new().with_options(&Options::new().with_outcomes(outcomes)),
    );
    assert!(f.iter().all(|x| x.code != Code::MissingOutcomes), "{f:?}");
}

#[test]
fn package_totals_are_checked_against_their_members() {
    let a = agreement(json!({"id": "a", "amount": "1600000000"}));
    let b = agreement(json!({"id": "b", "amount": "700000000"}));
    let pkg = |amount: Value| -> Package {
        serde_json::from_value(
            json!({"id": "p", "title": "P", "members": ["a", "b"], "amount": amount}),
        )
        .unwrap()
    };
    let found = |p: Package| {
        validate(&[a.clone(), b.clone()], &Checks::new().with_packages(&[p]))
            .into_iter()
            .map(|f| f.code)
            .collect::<Vec<_>>()
    };
    assert!(
        found(pkg(fig("2000000000", Some("1000000000"), Some("nearly"))))
            .contains(&Code::PartsDoNotSum)
    );
    assert!(!found(pkg(fig("2300000000", Some("100000000"), None))).contains(&Code::PartsDoNotSum));
}

#[test]
fn every_finding_has_the_common_shape() {
    let f = validate(
        &[agreement(json!({"amount": "-1", "status": "proposed"}))],
        &Checks::new(),
    );
    assert!(f.len() >= 2, "all findings, not only the first");
    for x in f {
        let v = serde_json::to_value(&x).unwrap();
        let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["code", "ctx", "loc", "msg", "severity"]);
    }
}

/// One contract (issue 19): what `allocate` refuses, `validate` reports as an error with
/// the same code and location (validation puts the agreement's id in front), and the
/// other way round; what depends on the options, `validate` with `Checks::options` reports.
#[test]
fn validate_and_allocate_refuse_the_same_things() {
    let comp = |rule: Value| json!({"id": "c", "name": "C", "amount": "1000", "recipients": "regions", "rule": rule});
    let cases = [
        json!({"components": [comp(json!({"type": "per_capita"})), comp(json!({"type": "per_capita"}))]}),
        json!({"components": [comp(json!({"type": "per_capita"}))],
               "tranches": [{"id": "t", "component": "zz", "amount": "1000"}]}),
        json!({"components": [comp(json!({"type": "per_capita"}))],
               "tranches": [{"id": "t", "component": "c", "amount": "1000", "share": "1"}]}),
        json!({"components": [comp(json!({"type": "fixed_plus_key", "each": "-1"}))]}),
        json!({"years": [2022, 2022], "components": [comp(json!({"type": "per_capita"}))]}),
        json!({"components": [comp(json!({"type": "per_capita"}))],
               "tranches": [{"id": "t1", "component": "c", "share": "0.5"}, {"id": "t2", "component": "c", "share": "0.4"}]}),
        json!({"components": [comp(json!({"type": "performance", "unearned": "bonus_pot", "criteria": []}))]}),
    ];
    for patch in cases {
        let a = agreement(patch.clone());
        let first = vardavtal::validate::validate(&a, &Checks::new())
            .into_iter()
            .find(|f| f.severity == Severity::Error)
            .unwrap_or_else(|| panic!("no error for {patch}"));
        let e = vardavtal::allocate(&a, &Options::default()).unwrap_err();
        let f = &e.findings()[0];
        assert_eq!(f.code, first.code, "{patch}");
        assert_eq!(
            f.loc.prefixed(&vardavtal::Loc::root().join("a")),
            first.loc,
            "{patch}"
        );
        assert!(e.findings().iter().all(|f| f.severity == Severity::Error));
    }
    // Declared recipients in a list group with a weights key: both accept it.
    let a = agreement(json!({"recipients": [{"id": "SKR", "name": "SKR"}],
        "components": [{"id": "c", "name": "C", "amount": "1000", "recipients": {"list": ["SKR", "01"]},
                        "rule": {"type": "per_capita", "key": {"type": "weights", "name": "w", "weights": {"SKR": "1", "01": "3"}}}}]}));
    assert!(
        vardavtal::validate::validate(&a, &Checks::new())
            .iter()
            .all(|f| f.severity != Severity::Error)
    );
    let alloc = vardavtal::allocate(&a, &Options::default()).unwrap();
    assert_eq!(
        alloc
            .amounts()
            .iter()
            .map(|x| x.to_string())
            .collect::<Vec<_>>(),
        ["750", "250"],
        "01 (weight 3), then SKR (weight 1)"
    );
    // 0,50 kr each: the unit decides; validate with the options says what allocate says.
    let a =
        agreement(json!({"components": [comp(json!({"type": "fixed_plus_key", "each": "0.5"}))]}));
    assert!(
        vardavtal::validate::validate(&a, &Checks::new())
            .iter()
            .all(|f| f.severity != Severity::Error)
    );
    let krona = validate(
        std::slice::from_ref(&a),
        &Checks::new().with_options(&Options::default()),
    );
    let f = krona
        .iter()
        .find(|f| f.severity == Severity::Error)
        .unwrap();
    assert_eq!(f.code, Code::AmountFinerThanUnit);
    let ore = Options::new().with_unit(vardavtal::Unit::Ore);
    assert!(
        validate(std::slice::from_ref(&a), &Checks::new().with_options(&ore))
            .iter()
            .all(|f| f.severity != Severity::Error)
    );
    vardavtal::allocate(&a, &ore).unwrap();
}
