//! Judging the table row by row: regions found, missing and repeated; the reading of an
//! irregular digit grouping that makes the table add up; each row against the best key
//! (with swapped digits recognised); the sums against the total line and the pot.

use super::fit::*;
use super::table::loc_row;
use super::words::{self, Swap, counted, row_note, swapped_digits};
use super::*;
use crate::message::templates::reconcile as templates;
use crate::message::{Lang, Template};

/// Working state of one row during reconciliation.
struct Work<'a> {
    row: &'a TableRow,
    region: Option<usize>,
    obs: Option<Obs>,
    readings: Vec<(i128, bool)>,
    verdict: Verdict,
    canonical: bool,
}

/// The rows of a table, judged step by step, and what the steps share.
pub(super) struct Ctx<'f> {
    pub(super) unit: Unit,
    pub(super) best: Option<&'f Fit>,
    pub(super) best_name: String,
    pub(super) best_rounding: Rounding,
    /// The table follows the best key when at least half its region rows match it.
    pub(super) follows: bool,
    pub(super) exact: bool,
    pub(super) missing: Vec<usize>,
}

impl Ctx<'_> {
    /// The best key's amount for region `i`.
    pub(super) fn expected_of(&self, i: usize) -> Option<i128> {
        self.best.and_then(|b| b.expected.get(i).copied())
    }
}

/// `s` in whole units of `unit`.
fn units_in(s: Sek, unit: Unit) -> Option<i128> {
    to_units(s.value(), unit)
}

/// A row's precision in whole units (1 for a row to the unit).
fn precision_in(r: &TableRow, unit: Unit) -> i128 {
    units_in(r.precision, unit).unwrap_or(1).max(1)
}

/// What the publisher states the rows add up to.
struct Stated<'t> {
    pot_units: Option<i128>,
    total_line: Option<(&'t TableRow, i128)>,
    target: Option<i128>,
    total_line_tol2: i128,
}

pub(super) fn reconcile_usable(table: &PublishedTable, statement: &Statement) -> Reconciliation {
    let mut findings: Vec<Finding> = table.findings.clone();
    let unit = comparison_unit(table, statement);
    let mut work = read_rows(table, unit);
    let count = region_counts(&work);
    let duplicated = |i: usize| count.get(i).copied().unwrap_or(0) > 1;
    let missing: Vec<usize> = (0..N).filter(|i| count.get(*i) == Some(&0)).collect();
    let stated = stated_totals(table, statement, unit);
    resolve_irregular(&mut work, stated.target, unit);
    let (pot, pot_source, each) = model_pot(&work, statement, &stated, unit, &mut findings);
    let pot_u = u128::try_from(pot).unwrap_or(0);
    let each_u = u128::try_from(each).unwrap_or(0);

    // Key fits, over the first row of each region that is not repeated.
    let mut obs: [Option<Obs>; N] = [None; N];
    for w in &work {
        if let Some(i) = w.region.filter(|i| !duplicated(*i))
            && let Some(slot) = obs.get_mut(i)
        {
            *slot = w.obs;
        }
    }
    let cands = candidates(statement.rule.as_ref());
    let fits = fit_keys(&cands, &obs, pot_u, each_u);
    let key_fits = key_fits(&fits, &cands, unit);
    let best = fits.first();
    let best_fit = key_fits.first().cloned();
    let cx = Ctx {
        unit,
        best,
        best_name: best
            .and_then(|b| cands.get(b.cand))
            .map_or(String::new(), |c| c.name.clone()),
        best_rounding: best.map_or(Rounding::LargestRemainder, |b| b.rounding),
        follows: best.is_some_and(|b| b.compared > 0 && b.matching * 2 >= b.compared),
        exact: best_fit.as_ref().is_some_and(|f| f.exact),
        missing,
    };

    pick_canonical(&mut work, &count, &cx);
    let dup_findings = duplicate_findings(&work, &cx);
    nearest_readings(&mut work, &cx);
    let mut row_findings = row_verdicts(&mut work, &cx);
    row_findings.extend(irregular_findings(&work, stated.target, &cx));
    row_findings.extend(unknown_findings(&work));
    row_findings.extend(dup_findings);
    row_findings.sort_by_key(|(line, _)| *line);
    findings.extend(missing_findings(&cx));
    findings.extend(row_findings.into_iter().map(|(_, f)| f));

    let rows_sum: i128 = work.iter().filter_map(|w| w.obs).map(|o| o.a).sum();
    let totals = total_checks(table, &stated, &work, &cx, pot, rows_sum, &mut findings);
    let adds_up = totals.iter().all(|t| t.adds_up);

    if let (Some(b), Some(bf)) = (best, &best_fit) {
        key_finding(b, bf, &key_fits, &cx, &mut findings);
    }
    let complete = obs.iter().all(Option::is_some);
    let mut implied = None;
    if !cx.exact && complete {
        let center = fits
            .iter()
            .find(|f| cands.get(f.cand).is_some_and(|c| c.population))
            .and_then(|f| cands.get(f.cand));
        let obs_all: Vec<Obs> = obs.iter().flatten().copied().collect();
        if let Some(c) = center {
            implied = implied_key(&obs_all, pot_u, each_u, c);
        }
        if let Some(k) = &implied {
            implied_finding(k, center, &mut findings);
        }
    }

    let rows = rows_out(&work, implied.as_ref(), &cx);
    let summary = summarize(&rows, &work, &count, &cx, rows_sum, adds_up, best_fit);
    let mut rec = Reconciliation {
        table: table.name.clone(),
        statement: statement.clone(),
        unit,
        pot: from_units(pot, unit),
        pot_source,
        rows,
        totals,
        findings,
        fits: key_fits,
        implied,
        summary,
    };
    rec.summary.headline = headline(&rec, Lang::En);
    rec
}

/// The unit of the comparison: öre when any amount has öre.
fn comparison_unit(table: &PublishedTable, statement: &Statement) -> Unit {
    let has_ore = table
        .rows
        .iter()
        .chain(&table.totals)
        .filter_map(|r| r.amount)
        .chain(statement.pot)
        .chain(match &statement.rule {
            Some(StatedRule::FixedPlusPopulation { each }) => Some(*each),
            _ => None,
        })
        .any(|a| a.value().normalize().scale() > 0);
    if has_ore { Unit::Ore } else { Unit::Krona }
}

/// Each row with its region, amount in units, readings and first verdict.
fn read_rows(table: &PublishedTable, unit: Unit) -> Vec<Work<'_>> {
    let units_of = |s: Sek| units_in(s, unit);
    let precision_of = |r: &TableRow| precision_in(r, unit);
    table
        .rows
        .iter()
        .map(|row| {
            let region = row
                .recipient
                .as_ref()
                .and_then(|r| region_index(r.as_str()));
            let obs = row.amount.and_then(units_of).map(|a| Obs {
                a,
                p: precision_of(row),
            });
            let readings = row
                .readings
                .iter()
                .filter_map(|r| units_of(*r))
                .map(|a| (a, false))
                .collect();
            Work {
                row,
                region,
                obs,
                readings,
                verdict: if region.is_none() {
                    Verdict::Unknown
                } else if row.is_irregular() {
                    Verdict::IrregularGrouping
                } else {
                    Verdict::NotCompared
                },
                canonical: false,
            }
        })
        .collect()
}

/// How many rows name each region.
fn region_counts(work: &[Work]) -> [usize; N] {
    let mut count = [0usize; N];
    for w in work {
        if let Some(c) = w.region.and_then(|i| count.get_mut(i)) {
            *c += 1;
        }
    }
    count
}

/// The stated pot and the table's total line, in units.
fn stated_totals<'t>(table: &'t PublishedTable, statement: &Statement, unit: Unit) -> Stated<'t> {
    let units_of = |s: Sek| units_in(s, unit);
    let precision_of = |r: &TableRow| precision_in(r, unit);
    let pot_units = statement.pot.and_then(units_of);
    let total_line = table
        .totals
        .iter()
        .find_map(|t| Some((t, units_of(t.amount?)?)));
    let target = pot_units.or(total_line.map(|t| t.1));
    let total_line_tol2 = total_line.map_or(0, |(t, _)| {
        Obs {
            a: 0,
            p: precision_of(t),
        }
        .tol2()
    });
    Stated {
        pot_units,
        total_line,
        target,
        total_line_tol2,
    }
}

/// Irregular groupings: mark the readings that make the rows add up to `target`, and
/// take the first combination that does.
fn resolve_irregular(work: &mut [Work], target: Option<i128>, unit: Unit) {
    let precision_of = |r: &TableRow| precision_in(r, unit);
    let base_sum: i128 = work.iter().filter_map(|w| w.obs).map(|o| o.a).sum();
    let base_tol2: i128 = work.iter().filter_map(|w| w.obs).map(Obs::tol2).sum();
    let irregular: Vec<usize> = work
        .iter()
        .enumerate()
        .filter(|(_, w)| !w.readings.is_empty())
        .map(|(k, _)| k)
        .collect();
    if let Some(target) = target {
        let combos: usize = irregular
            .iter()
            .filter_map(|k| work.get(*k))
            .map(|w| w.readings.len())
            .product();
        if !irregular.is_empty() && combos <= 4096 {
            let mut matching: Vec<Vec<usize>> = Vec::new();
            for c in 0..combos {
                let mut rest = c;
                let mut pick = Vec::with_capacity(irregular.len());
                let mut sum = base_sum;
                let mut tol2 = base_tol2;
                for k in &irregular {
                    let Some(w) = work.get(*k) else { continue };
                    let n = w.readings.len().max(1);
                    let r = rest % n;
                    rest /= n;
                    pick.push(r);
                    sum += w.readings.get(r).map_or(0, |x| x.0);
                    tol2 += Obs {
                        a: 0,
                        p: precision_of(w.row),
                    }
                    .tol2();
                }
                if (sum - target).unsigned_abs().saturating_mul(2) <= tol2.unsigned_abs() {
                    matching.push(pick);
                }
            }
            for pick in &matching {
                for (k, r) in irregular.iter().zip(pick) {
                    if let Some(x) = work.get_mut(*k).and_then(|w| w.readings.get_mut(*r)) {
                        x.1 = true;
                    }
                }
            }
            if let Some(pick) = matching.first() {
                for (k, r) in irregular.iter().zip(pick) {
                    if let Some(w) = work.get_mut(*k) {
                        let p = precision_of(w.row);
                        w.obs = w.readings.get(*r).map(|x| Obs { a: x.0, p });
                    }
                }
            }
        }
    }
}

/// The pot the model splits and where it comes from, and the fixed amount per region;
/// an error finding when the fixed amounts exceed the pot.
fn model_pot(
    work: &[Work],
    statement: &Statement,
    stated: &Stated,
    unit: Unit,
    findings: &mut Vec<Finding>,
) -> (i128, PotSource, i128) {
    let units_of = |s: Sek| units_in(s, unit);
    let (pot_units, total_line) = (stated.pot_units, stated.total_line);
    let rows_sum_now: i128 = work.iter().filter_map(|w| w.obs).map(|o| o.a).sum();
    let (pot, pot_source) = match (pot_units, total_line) {
        (Some(p), _) => (p, PotSource::Stated),
        (None, Some((_, t))) => (t, PotSource::TotalLine),
        (None, None) => (rows_sum_now, PotSource::Rows),
    };
    let each = match &statement.rule {
        Some(StatedRule::FixedPlusPopulation { each }) => units_of(*each).unwrap_or(0),
        _ => 0,
    };
    let pot_u = u128::try_from(pot).unwrap_or(0);
    let each_u = u128::try_from(each).unwrap_or(0);
    if each_u.saturating_mul(N as u128) > pot_u {
        findings.push(
            templates::STATED_FIXED_EXCEEDS_POT
                .error(Loc::root().join("statement"))
                .with("each", from_units(each, unit))
                .with("pot", from_units(pot, unit)),
        );
    }
    (pot, pot_source, each)
}

/// Duplicates: the row that matches the key is the region's row; the others repeat it.
fn pick_canonical(work: &mut [Work], count: &[usize; N], cx: &Ctx) {
    let duplicated = |i: usize| count.get(i).copied().unwrap_or(0) > 1;
    let expected_of = |i: usize| cx.expected_of(i);
    for i in 0..N {
        if !duplicated(i) {
            for w in work.iter_mut().filter(|w| w.region == Some(i)) {
                w.canonical = true;
            }
            continue;
        }
        let e = expected_of(i);
        let pick = work
            .iter()
            .position(|w| {
                w.region == Some(i) && matches!((w.obs, e), (Some(o), Some(e)) if o.matches(e))
            })
            .or_else(|| work.iter().position(|w| w.region == Some(i)));
        for (k, w) in work.iter_mut().enumerate() {
            if w.region == Some(i) {
                w.canonical = Some(k) == pick;
            }
        }
    }
}

/// A warning for each repeated row, naming the missing region whose amount it has.
fn duplicate_findings(work: &[Work], cx: &Ctx) -> Vec<(usize, Finding)> {
    let unit = cx.unit;
    let expected_of = |i: usize| cx.expected_of(i);
    let (follows, missing) = (cx.follows, &cx.missing);
    let first_line_of = |i: usize, work: &[Work]| {
        work.iter()
            .find(|w| w.region == Some(i) && w.canonical)
            .map_or(0, |w| w.row.line)
    };
    let mut dup_findings = Vec::new();
    for w in work.iter().filter(|w| w.region.is_some() && !w.canonical) {
        let Some(i) = w.region else { continue };
        let region = reference::regions().get(i);
        let name = region.map_or("", |r| r.name);
        let first = first_line_of(i, work);
        let mut f = templates::ROW_DUPLICATE
            .warning(loc_row(w.row.line))
            .with("line", w.row.line)
            .with("region", region.map_or("", |r| r.code))
            .with("name", name)
            .with("first_line", first)
            .with("label", &w.row.label);
        if let Some(o) = w.obs {
            f = f.with("amount", from_units(o.a, unit));
            // Is it the amount of a missing region, under a different name?
            if follows
                && let Some(m) = missing
                    .iter()
                    .find(|m| expected_of(**m).is_some_and(|e| o.matches(e)))
            {
                let mname = reference::regions().get(*m).map_or("", |r| r.name);
                f = Finding {
                    template: Some(&templates::ROW_DUPLICATE_LIKELY_REGION),
                    ..f
                }
                .with("likely_region", mname);
            }
        }
        dup_findings.push((w.row.line, f));
    }
    dup_findings
}

/// Irregular rows with no reading that adds up: the reading nearest the model.
fn nearest_readings(work: &mut [Work], cx: &Ctx) {
    let unit = cx.unit;
    let expected_of = |i: usize| cx.expected_of(i);
    let precision_of = |r: &TableRow| precision_in(r, unit);
    for w in work
        .iter_mut()
        .filter(|w| !w.readings.is_empty() && w.obs.is_none())
    {
        let e = w.region.and_then(expected_of);
        let p = precision_of(w.row);
        let pick = match e {
            Some(e) => w
                .readings
                .iter()
                .min_by_key(|r| r.0.abs_diff(e))
                .map(|r| r.0),
            None => w.readings.first().map(|r| r.0),
        };
        w.obs = pick.map(|a| Obs { a, p });
    }
}

/// Each row against the best key: its verdict, and a warning (with swapped digits
/// recognised) when it differs from a key the table follows.
fn row_verdicts(work: &mut [Work], cx: &Ctx) -> Vec<(usize, Finding)> {
    let unit = cx.unit;
    let expected_of = |i: usize| cx.expected_of(i);
    let best_name = &cx.best_name;
    let (best_rounding, follows) = (cx.best_rounding, cx.follows);
    let mut row_findings = Vec::new();
    for w in work.iter_mut() {
        let e = w.region.and_then(expected_of);
        let Some(i) = w.region else { continue };
        if !w.canonical {
            w.verdict = Verdict::Duplicate;
            continue;
        }
        let (Some(o), Some(e)) = (w.obs, e) else {
            continue;
        };
        let ok = o.matches(e);
        if w.verdict != Verdict::IrregularGrouping {
            // A row differs from a key the table follows; when it follows none, a row that
            // does not match is not held against the closest key.
            w.verdict = match (ok, follows) {
                (true, _) => Verdict::Ok,
                (false, true) => Verdict::Differs,
                (false, false) => Verdict::NotCompared,
            };
        }
        if !ok && follows && w.verdict == Verdict::Differs {
            let name = reference::regions().get(i).map_or("", |r| r.name);
            let hint = swapped_digits(o.a, e);
            let t = match hint {
                None => &templates::ROW_DIFFERS,
                Some(Swap::Adjacent) => &templates::ROW_DIFFERS_ADJACENT_SWAP,
                Some(Swap::Apart) => &templates::ROW_DIFFERS_SWAP,
            };
            let mut f = t
                .warning(loc_row(w.row.line))
                .with("signed_diff", signed_kr(o.a - e, unit))
                .with("rounding_name", best_rounding)
                .with("rounding_name.sv", words::rounding(best_rounding, Lang::Sv))
                .with("region", reference::regions().get(i).map_or("", |r| r.code))
                .with("name", name)
                .with("printed", &w.row.printed)
                .with("amount", from_units(o.a, unit))
                .with("expected", from_units(e, unit))
                .with("diff", from_units(o.a - e, unit))
                .with("key", best_name)
                .with("rounding", best_rounding.as_str());
            if let Some(h) = hint {
                f = f.with("hint", h.text(Lang::En));
            }
            row_findings.push((w.row.line, f));
        }
    }

    row_findings
}

/// A warning for each irregular grouping: its readings, which add up, which the key gives.
fn irregular_findings(work: &[Work], target: Option<i128>, cx: &Ctx) -> Vec<(usize, Finding)> {
    let unit = cx.unit;
    let expected_of = |i: usize| cx.expected_of(i);
    let best_name = &cx.best_name;
    let precision_of = |r: &TableRow| precision_in(r, unit);
    let mut row_findings = Vec::new();
    for w in work.iter().filter(|w| !w.readings.is_empty()) {
        let list: Vec<String> = w.readings.iter().map(|r| kr_units(r.0, unit)).collect();
        let adding: Vec<String> = w
            .readings
            .iter()
            .filter(|r| r.1)
            .map(|r| kr_units(r.0, unit))
            .collect();
        let name = w
            .region
            .and_then(|i| reference::regions().get(i))
            .map_or(w.row.label.as_str(), |r| r.name);
        let adds = match (adding.len(), target) {
            (_, None) => Adds::NoTotal,
            (1, Some(_)) => Adds::One,
            (0, Some(_)) => Adds::None,
            (_, Some(_)) => Adds::Several,
        };
        let model_reading = w
            .region
            .and_then(expected_of)
            .and_then(|e| {
                w.readings.iter().find(|r| {
                    Obs {
                        a: r.0,
                        p: precision_of(w.row),
                    }
                    .matches(e)
                })
            })
            .map(|r| r.0);
        let mut f = irregular_template(adds, model_reading.is_some())
            .warning(loc_row(w.row.line))
            .with("name", name)
            .with("printed_quoted", format!("{:?}", w.row.printed))
            .with("readings_kr", list.join(", "))
            .with("adding_kr", adding.join(words::OR.get(Lang::En)))
            .with("adding_kr.sv", adding.join(words::OR.get(Lang::Sv)))
            .with("key", best_name)
            .with("printed", &w.row.printed)
            .with(
                "readings",
                w.readings
                    .iter()
                    .map(|r| from_units(r.0, unit).to_string())
                    .collect::<Vec<_>>()
                    .join(","),
            )
            .with(
                "adds_up",
                w.readings
                    .iter()
                    .filter(|r| r.1)
                    .map(|r| from_units(r.0, unit).to_string())
                    .collect::<Vec<_>>()
                    .join(","),
            );
        if let Some(m) = model_reading {
            f = f.with("key_reading", from_units(m, unit));
        }
        row_findings.push((w.row.line, f));
    }
    row_findings
}

/// How the readings of an irregular grouping make the rows add up to the stated total.
#[derive(Clone, Copy)]
enum Adds {
    /// There is no stated total.
    NoTotal,
    One,
    None,
    Several,
}

/// The template of an irregular grouping, with or without the reading the key gives.
fn irregular_template(adds: Adds, key: bool) -> &'static Template {
    match (adds, key) {
        (Adds::NoTotal, false) => &templates::ROW_IRREGULAR,
        (Adds::NoTotal, true) => &templates::ROW_IRREGULAR_KEY,
        (Adds::One, false) => &templates::ROW_IRREGULAR_ONE,
        (Adds::One, true) => &templates::ROW_IRREGULAR_ONE_KEY,
        (Adds::None, false) => &templates::ROW_IRREGULAR_NONE,
        (Adds::None, true) => &templates::ROW_IRREGULAR_NONE_KEY,
        (Adds::Several, false) => &templates::ROW_IRREGULAR_SEVERAL,
        (Adds::Several, true) => &templates::ROW_IRREGULAR_SEVERAL_KEY,
    }
}

/// A warning for each row that names no region.
fn unknown_findings(work: &[Work]) -> Vec<(usize, Finding)> {
    let mut row_findings = Vec::new();
    for w in work.iter().filter(|w| w.region.is_none()) {
        row_findings.push((
            w.row.line,
            templates::ROW_UNKNOWN
                .warning(loc_row(w.row.line))
                .with("quoted", format!("{:?}", w.row.label))
                .with("label", &w.row.label)
                .with("printed", &w.row.printed),
        ));
    }
    row_findings
}

/// A warning for each region with no row, with what the key gives it.
fn missing_findings(cx: &Ctx) -> Vec<Finding> {
    let unit = cx.unit;
    let expected_of = |i: usize| cx.expected_of(i);
    let best_name = &cx.best_name;
    let mut findings = Vec::new();
    for i in &cx.missing {
        let Some(r) = reference::regions().get(*i) else {
            continue;
        };
        let mut f = templates::ROW_MISSING
            .warning(Loc::root().join("rows"))
            .with("region", r.code)
            .with("name", r.name);
        if let Some(e) = expected_of(*i) {
            f = Finding {
                template: Some(&templates::ROW_MISSING_KEY),
                ..f
            }
            .with("key", best_name)
            .with("expected", from_units(e, unit));
        }
        findings.push(f);
    }
    findings
}

/// What accounts for `diff` between the rows and a stated total, when something does.
fn explain_diff(diff: i128, work: &[Work], cx: &Ctx, pot: i128) -> Option<Explanation> {
    let unit = cx.unit;
    let expected_of = |i: usize| cx.expected_of(i);
    let (follows, missing, best, exact) = (cx.follows, &cx.missing, cx.best, cx.exact);
    let mut parts: Vec<(Cause, i128)> = Vec::new();
    let lines = |ws: &[&Work]| ws.iter().map(|w| w.row.line).collect::<Vec<_>>();
    let dups: Vec<&Work> = work
        .iter()
        .filter(|w| w.region.is_some() && !w.canonical)
        .collect();
    let unknown: Vec<&Work> = work.iter().filter(|w| w.region.is_none()).collect();
    let differing: Vec<&Work> = work
        .iter()
        .filter(|w| w.canonical && w.verdict == Verdict::Differs)
        .collect();
    if !dups.is_empty() {
        parts.push((
            Cause::Repeated(lines(&dups)),
            dups.iter().filter_map(|w| w.obs).map(|o| o.a).sum(),
        ));
    }
    if !missing.is_empty() && follows {
        let names: Vec<&str> = missing
            .iter()
            .filter_map(|i| reference::regions().get(*i))
            .map(|r| r.name)
            .collect();
        parts.push((
            Cause::Missing(names),
            -missing.iter().filter_map(|i| expected_of(*i)).sum::<i128>(),
        ));
    }
    if !unknown.is_empty() {
        parts.push((
            Cause::NotRegions(lines(&unknown)),
            unknown.iter().filter_map(|w| w.obs).map(|o| o.a).sum(),
        ));
    }
    if !differing.is_empty() && follows {
        parts.push((
            Cause::Differing(lines(&differing)),
            differing
                .iter()
                .filter_map(|w| Some(w.obs?.a - expected_of(w.region?)?))
                .sum(),
        ));
    }
    // The smallest combination of causes that accounts for the whole difference.
    let n = parts.len();
    for size in 1..=n {
        for mask in 0u32..(1 << n) {
            if mask.count_ones() as usize != size {
                continue;
            }
            let chosen: Vec<&(Cause, i128)> = parts
                .iter()
                .enumerate()
                .filter(|(k, _)| mask & (1 << k) != 0)
                .map(|(_, p)| p)
                .collect();
            if chosen.iter().map(|p| p.1).sum::<i128>() == diff {
                let what = chosen
                    .into_iter()
                    .map(|(c, a)| (c.clone(), signed_kr(*a, unit)))
                    .collect();
                return Some(Explanation::Causes(what));
            }
        }
    }
    if let Some(b) = best {
        let model_total: i128 = b.expected.iter().sum();
        if b.rounding != Rounding::LargestRemainder && exact && model_total - pot == diff {
            return Some(Explanation::Rounding(b.rounding));
        }
    }
    let rows = work.len() as u128;
    (diff.unsigned_abs() <= rows).then_some(Explanation::PerRow)
}

/// One cause of a difference between the rows and a stated total.
#[derive(Clone)]
enum Cause {
    /// Repeated rows, on these lines.
    Repeated(Vec<usize>),
    /// Regions with no row, by name.
    Missing(Vec<&'static str>),
    /// Rows that are not regions, on these lines.
    NotRegions(Vec<usize>),
    /// Rows that differ from the key, on these lines.
    Differing(Vec<usize>),
}

impl Cause {
    /// `the repeated row(s) on line 23`, `den upprepade raden på rad 23`.
    fn text(&self, lang: Lang) -> String {
        let join = |xs: &[usize]| {
            let s: Vec<String> = xs.iter().map(ToString::to_string).collect();
            (xs.len(), s.join(", "))
        };
        let (n, list, one, many) = match self {
            Cause::Repeated(l) => {
                let (n, s) = join(l);
                (n, s, &words::REPEATED_ROWS_ONE, &words::REPEATED_ROWS_MANY)
            }
            Cause::Missing(names) => (
                names.len(),
                names.join(", "),
                &words::MISSING_REGIONS_ONE,
                &words::MISSING_REGIONS_MANY,
            ),
            Cause::NotRegions(l) => {
                let (n, s) = join(l);
                (n, s, &words::NOT_REGIONS_ONE, &words::NOT_REGIONS_MANY)
            }
            Cause::Differing(l) => {
                let (n, s) = join(l);
                (n, s, &words::DIFFERING_ONE, &words::DIFFERING_MANY)
            }
        };
        counted(n, one, many).say(lang, &[("lines", &list), ("names", &list)])
    }
}

/// What accounts for a difference between the rows and a stated total.
enum Explanation {
    /// The causes found, each with its amount (signed, in kronor).
    Causes(Vec<(Cause, String)>),
    /// The rows are a rounding of the key that does not preserve the total.
    Rounding(Rounding),
    /// No more than a krona a row.
    PerRow,
}

impl Explanation {
    /// The causes in `lang`: `the repeated row(s) on line 23 (+185 399 420 kr) and …`.
    fn causes(&self, lang: Lang) -> Option<String> {
        let Explanation::Causes(c) = self else {
            return None;
        };
        let what: Vec<String> = c
            .iter()
            .map(|(cause, amount)| format!("{} ({amount})", cause.text(lang)))
            .collect();
        Some(what.join(words::AND.get(lang)))
    }
    /// The explanation in `lang` (English as `ctx["explanation"]` and
    /// [`TotalCheck::explanation`]).
    fn text(&self, key: &str, lang: Lang) -> String {
        match self {
            Explanation::Causes(_) => {
                let c = self.causes(lang).unwrap_or_default();
                words::ACCOUNTED_FOR.say(lang, &[("causes", &c)])
            }
            Explanation::Rounding(r) => words::ROUNDING_LOSES_TOTAL.say(
                lang,
                &[("rounding", &words::rounding(*r, lang)), ("key", &key)],
            ),
            Explanation::PerRow => words::PER_ROW.get(lang).to_owned(),
        }
    }
}

/// The template of rows that do not add up to the pot or a total line (`pot`), by more or
/// less (`more`), with what explains it.
fn total_template(pot: bool, more: bool, e: Option<&Explanation>) -> &'static Template {
    use templates::*;
    let k = match e {
        None => 0,
        Some(Explanation::Causes(_)) => 1,
        Some(Explanation::Rounding(_)) => 2,
        Some(Explanation::PerRow) => 3,
    };
    let all: [[&'static Template; 4]; 4] = [
        [
            &TOTAL_MORE_THAN_POT,
            &TOTAL_MORE_THAN_POT_CAUSES,
            &TOTAL_MORE_THAN_POT_ROUNDING,
            &TOTAL_MORE_THAN_POT_ROW_ROUNDING,
        ],
        [
            &TOTAL_LESS_THAN_POT,
            &TOTAL_LESS_THAN_POT_CAUSES,
            &TOTAL_LESS_THAN_POT_ROUNDING,
            &TOTAL_LESS_THAN_POT_ROW_ROUNDING,
        ],
        [
            &TOTAL_MORE_THAN_LINE,
            &TOTAL_MORE_THAN_LINE_CAUSES,
            &TOTAL_MORE_THAN_LINE_ROUNDING,
            &TOTAL_MORE_THAN_LINE_ROW_ROUNDING,
        ],
        [
            &TOTAL_LESS_THAN_LINE,
            &TOTAL_LESS_THAN_LINE_CAUSES,
            &TOTAL_LESS_THAN_LINE_ROUNDING,
            &TOTAL_LESS_THAN_LINE_ROW_ROUNDING,
        ],
    ];
    let row = usize::from(!more) + if pot { 0 } else { 2 };
    all.get(row)
        .and_then(|r| r.get(k))
        .copied()
        .unwrap_or(&TOTAL_MORE_THAN_POT)
}

/// `f` with what explains it, in English and Swedish: the causes, the rounding, the whole
/// explanation.
fn explained(mut f: Finding, e: &Explanation, key: &str) -> Finding {
    if let Explanation::Rounding(r) = e {
        f = f
            .with("rounding_name", r)
            .with("rounding_name.sv", words::rounding(*r, Lang::Sv));
    }
    if let (Some(en), Some(sv)) = (e.causes(Lang::En), e.causes(Lang::Sv)) {
        f = f.with("causes", en).with("causes.sv", sv);
    }
    f.with("explanation", e.text(key, Lang::En))
        .with("explanation.sv", e.text(key, Lang::Sv))
}

/// The rows' sum against each total line and the stated pot, and the total line against
/// the pot.
fn total_checks(
    table: &PublishedTable,
    stated: &Stated,
    work: &[Work],
    cx: &Ctx,
    pot: i128,
    rows_sum: i128,
    findings: &mut Vec<Finding>,
) -> Vec<TotalCheck> {
    let unit = cx.unit;
    let units_of = |s: Sek| units_in(s, unit);
    let precision_of = |r: &TableRow| precision_in(r, unit);
    let rows_tol2: i128 = work.iter().filter_map(|w| w.obs).map(Obs::tol2).sum();
    let (pot_units, total_line, total_line_tol2) =
        (stated.pot_units, stated.total_line, stated.total_line_tol2);
    let mut totals = Vec::new();
    let mut check = |against: &str,
                     line: Option<usize>,
                     stated: i128,
                     extra_tol2: i128,
                     findings: &mut Vec<Finding>| {
        let diff = rows_sum - stated;
        let tol2 = rows_tol2 + extra_tol2;
        let adds_up = diff.unsigned_abs().saturating_mul(2) <= tol2.unsigned_abs();
        let explanation = if adds_up {
            None
        } else {
            explain_diff(diff, work, cx, pot)
        };
        let text = explanation
            .as_ref()
            .map(|e| e.text(&cx.best_name, Lang::En));
        if !adds_up {
            let t = total_template(against == "pot", diff > 0, explanation.as_ref());
            let mut f = t
                .warning(Loc::root().join("total"))
                .with("gap", from_units(diff.abs(), unit))
                .with("key", &cx.best_name)
                .with("against", against)
                .with("rows_sum", from_units(rows_sum, unit))
                .with("stated", from_units(stated, unit))
                .with("diff", from_units(diff, unit));
            if tol2 > 0 {
                f = f.with("tolerance", from_half_units(tol2.unsigned_abs(), unit));
            }
            if let Some(l) = line {
                f = f.with("line", l);
            }
            if let Some(e) = &explanation {
                f = explained(f, e, &cx.best_name);
            }
            findings.push(f);
        }
        totals.push(TotalCheck {
            against: against.to_owned(),
            line,
            stated: from_units(stated, unit),
            rows_sum: from_units(rows_sum, unit),
            diff: from_units(diff, unit),
            tolerance: from_half_units(tol2.unsigned_abs(), unit),
            adds_up,
            explanation: text,
        });
    };
    for t in &table.totals {
        if let Some(a) = t.amount.and_then(units_of) {
            let tol2 = Obs {
                a: 0,
                p: precision_of(t),
            }
            .tol2();
            check("total_line", Some(t.line), a, tol2, findings);
        }
    }
    if let Some(p) = pot_units {
        check("pot", None, p, 0, findings);
        if let Some((t, a)) = total_line {
            let d = a - p;
            if d.unsigned_abs().saturating_mul(2) > total_line_tol2.unsigned_abs() {
                findings.push(
                    templates::TOTAL_LINE_DIFFERS_FROM_POT
                        .warning(Loc::root().join("total"))
                        .with("printed", &t.printed)
                        .with("signed_diff", signed_kr(d, unit))
                        .with("against", "pot")
                        .with("line", t.line)
                        .with("total_line", from_units(a, unit))
                        .with("stated", from_units(p, unit))
                        .with("diff", from_units(d, unit)),
                );
            }
        }
    }
    totals
}

/// Which key: the one that reproduces the table, or the closest.
fn key_finding(b: &Fit, bf: &KeyFit, key_fits: &[KeyFit], cx: &Ctx, findings: &mut Vec<Finding>) {
    let best_name = &cx.best_name;
    if bf.exact {
        let others = |lang: Lang| {
            let v: Vec<String> = key_fits
                .iter()
                .skip(1)
                .filter(|f| f.exact)
                .map(|f| format!("{} ({})", f.key, words::rounding(f.rounding, lang)))
                .collect();
            v.join(", ")
        };
        let others_en = others(Lang::En);
        let t = if others_en.is_empty() {
            &templates::KEY_REPRODUCES
        } else {
            &templates::KEY_REPRODUCES_OTHERS
        };
        findings.push(
            t.info(Loc::root())
                .with("rounding_name", b.rounding)
                .with("rounding_name.sv", words::rounding(b.rounding, Lang::Sv))
                .with("rows_matching", bf.rows_matching)
                .with("others", others_en)
                .with("others.sv", others(Lang::Sv))
                .with("key", best_name)
                .with("rounding", b.rounding.as_str())
                .with("rows", bf.rows_compared),
        );
    } else {
        findings.push(
            if cx.follows {
                &templates::KEY_DIFFERS
            } else {
                &templates::KEY_NONE_FOLLOWED
            }
            .info(Loc::root())
            .with("rounding_name", b.rounding)
            .with("rounding_name.sv", words::rounding(b.rounding, Lang::Sv))
            .with("key", best_name)
            .with("rounding", b.rounding.as_str())
            .with("rows_matching", bf.rows_matching)
            .with("rows_compared", bf.rows_compared)
            .with("total_abs_diff", bf.total_abs_diff),
        );
    }
}

/// The implied key, for a reader: its total, how many totals do, the closest bundled key;
/// said to reproduce the table only when a rounding does.
fn implied_finding(k: &ImpliedKey, center: Option<&Cand>, findings: &mut Vec<Finding>) {
    let head: Vec<String> = k
        .totals
        .iter()
        .take(5)
        .map(|t| group(u128::from(*t)))
        .collect();
    let t = if k.rounding.is_none() {
        &templates::KEY_IMPLIED_WITHIN
    } else if k.candidates > 1 {
        &templates::KEY_IMPLIED_SEVERAL
    } else {
        &templates::KEY_IMPLIED
    };
    let more = if k.candidates > 5 { ", …" } else { "" };
    findings.push(
        t.info(Loc::root())
            .with("total_grouped", group(u128::from(k.total)))
            .with("totals_grouped", format!("{}{more}", head.join(", ")))
            .with(
                "near_total_grouped",
                group(center.map_or(0, |c| c.weights.iter().sum())),
            )
            .with("total", k.total)
            .with("candidates", k.candidates)
            .with(
                "totals",
                k.totals
                    .iter()
                    .take(10)
                    .map(u64::to_string)
                    .collect::<Vec<_>>()
                    .join(","),
            )
            .with("near", &k.near)
            .with(
                "populations",
                k.populations
                    .iter()
                    .map(|p| format!("{}:{}", p.recipient, p.population))
                    .collect::<Vec<_>>()
                    .join(","),
            ),
    );
}

/// Every row, in input order, with its verdict.
fn rows_out(work: &[Work], implied: Option<&ImpliedKey>, cx: &Ctx) -> Vec<RowVerdict> {
    let unit = cx.unit;
    let expected_of = |i: usize| cx.expected_of(i);
    let implied_of = |i: usize| {
        implied
            .and_then(|k: &ImpliedKey| k.populations.get(i))
            .map(|p| p.population)
    };
    work.iter()
        .map(|w| {
            let e = w.region.and_then(expected_of);
            RowVerdict {
                line: w.row.line,
                text: w.row.text.clone(),
                label: w.row.label.clone(),
                recipient: w.row.recipient.clone(),
                name: w
                    .region
                    .and_then(|i| reference::regions().get(i))
                    .map_or_else(|| w.row.label.clone(), |r| r.name.to_owned()),
                printed: w.row.printed.clone(),
                amount: w.obs.map(|o| from_units(o.a, unit)),
                rounded: w.row.is_rounded(),
                expected: e.map(|e| from_units(e, unit)),
                diff: w.obs.zip(e).map(|(o, e)| from_units(o.a - e, unit)),
                verdict: w.verdict,
                readings: w
                    .readings
                    .iter()
                    .map(|r| Reading {
                        amount: from_units(r.0, unit),
                        adds_up: r.1,
                    })
                    .collect(),
                implied_population: w.region.filter(|_| w.canonical).and_then(implied_of),
                note: None,
            }
        })
        .map(|mut r| {
            r.note = row_note(&r, unit, Lang::En);
            r
        })
        .collect()
}

/// The outcome in a few figures (the headline is written from the whole result).
fn summarize(
    rows: &[RowVerdict],
    work: &[Work],
    count: &[usize; N],
    cx: &Ctx,
    rows_sum: i128,
    adds_up: bool,
    best_fit: Option<KeyFit>,
) -> Summary {
    let (unit, missing, exact) = (cx.unit, &cx.missing, cx.exact);
    let differing = rows
        .iter()
        .filter(|r| r.verdict == Verdict::Differs)
        .count();
    Summary {
        rows: rows.len(),
        regions: count.iter().filter(|c| **c > 0).count(),
        missing: missing
            .iter()
            .filter_map(|i| reference::regions().get(*i))
            .map(|r| r.name.to_owned())
            .collect(),
        duplicates: rows
            .iter()
            .filter(|r| r.verdict == Verdict::Duplicate)
            .count(),
        unknown: rows
            .iter()
            .filter(|r| r.verdict == Verdict::Unknown)
            .count(),
        irregular: work.iter().filter(|w| !w.readings.is_empty()).count(),
        differing,
        rows_sum: from_units(rows_sum, unit),
        adds_up,
        best: best_fit,
        exact,
        headline: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn swapped() {
        assert_eq!(
            swapped_digits(54_949_160, 54_499_160).map(|s| s.text(Lang::En)),
            Some("two adjacent digits swapped")
        );
        assert_eq!(swapped_digits(54_499_160, 54_994_160), Some(Swap::Apart));
        assert_eq!(swapped_digits(54_499_161, 54_499_160), None);
        assert_eq!(group(10_452_301), "10 452 301");
        assert_eq!(group(999), "999");
    }
}
