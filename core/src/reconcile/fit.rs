//! Which bundled key with which rounding reproduces the table: the candidate keys (every
//! regional population date and the care-need key), the model's amounts under each
//! rounding (all from the kernel in [`crate::apportion`]), and — when none reproduces the
//! table — the population key the table implies.

use super::*;

/// One bundled key with one rounding against the table, in whole units.
pub(super) struct Fit {
    pub(super) cand: usize,
    pub(super) rounding: Rounding,
    pub(super) expected: Vec<i128>,
    pub(super) excess2: u128,
    pub(super) compared: usize,
    pub(super) matching: usize,
}

/// Every candidate key × rounding against the observed rows, best first.
pub(super) fn fit_keys(
    cands: &[Cand],
    obs: &[Option<Obs>; N],
    pot_u: u128,
    each_u: u128,
) -> Vec<Fit> {
    let mut fits: Vec<Fit> = Vec::new();
    for (ci, cand) in cands.iter().enumerate() {
        for rounding in Rounding::ALL {
            let Some(expected) = model(pot_u, each_u, &cand.weights, rounding) else {
                continue;
            };
            let (mut excess2, mut compared, mut matching) = (0u128, 0usize, 0usize);
            for (o, e) in obs.iter().zip(&expected) {
                if let Some(o) = o {
                    compared += 1;
                    matching += usize::from(o.matches(*e));
                    excess2 = excess2.saturating_add(o.excess2(*e));
                }
            }
            fits.push(Fit {
                cand: ci,
                rounding,
                expected,
                excess2,
                compared,
                matching,
            });
        }
    }
    fits.sort_by_key(|f| (f.excess2, f.compared - f.matching, f.cand, f.rounding));
    fits
}

/// The public form of each fit, in the same order.
pub(super) fn key_fits(fits: &[Fit], cands: &[Cand], unit: Unit) -> Vec<KeyFit> {
    fits.iter()
        .map(|f| KeyFit {
            key: cands
                .get(f.cand)
                .map(|c| c.name.clone())
                .unwrap_or_default(),
            rounding: f.rounding,
            exact: f.compared > 0 && f.matching == f.compared,
            rows_compared: f.compared,
            rows_matching: f.matching,
            total_abs_diff: from_half_units(f.excess2, unit),
            model_total: from_units(f.expected.iter().sum(), unit),
        })
        .collect()
}

pub(super) struct Cand {
    pub(super) name: String,
    pub(super) weights: Vec<u128>,
    pub(super) population: bool,
}

pub(super) fn candidates(rule: Option<&StatedRule>) -> Vec<Cand> {
    let mut specs: Vec<KeySpec> = reference::population_dates(Level::Regions)
        .into_iter()
        .rev()
        .map(|date| KeySpec::Population {
            level: Level::Regions,
            date,
        })
        .collect();
    if matches!(rule, Some(StatedRule::Need)) {
        specs.insert(0, KeySpec::NeedsRegions2024 {});
    } else {
        specs.push(KeySpec::NeedsRegions2024 {});
    }
    specs
        .into_iter()
        .filter_map(|spec| {
            let key = spec.resolve().ok()?;
            let mut weights = vec![0u128; N];
            for (r, w) in key.recipients().iter().zip(key.int_weights()) {
                let i = region_index(r.as_str())?;
                *weights.get_mut(i)? = *w;
            }
            Some(Cand {
                name: spec.to_string(),
                weights,
                population: matches!(spec, KeySpec::Population { .. }),
            })
        })
        .collect()
}

/// `pot` over `weights` with `rounding`, plus `each` to every one; `None` on overflow.
pub(super) fn model(
    pot: u128,
    each: u128,
    weights: &[u128],
    rounding: Rounding,
) -> Option<Vec<i128>> {
    let rest = pot.checked_sub(each.checked_mul(weights.len() as u128)?)?;
    let parts: Vec<u128> = match rounding {
        Rounding::LargestRemainder => apportion::largest_remainder(rest, weights).ok()?,
        Rounding::HalfUp => apportion::half_up(rest, weights).ok()?,
        Rounding::Truncation => apportion::truncation(rest, weights).ok()?,
    };
    parts
        .into_iter()
        .map(|p| i128::try_from(p.checked_add(each)?).ok())
        .collect()
}

/// The implied population key: every total T in ±8 % around the centre key's total for
/// which each row is the floor or ceiling of `pot·p_i/T` with whole p_i summing to T.
pub(super) fn implied_key(obs: &[Obs], pot: u128, each: u128, center: &Cand) -> Option<ImpliedKey> {
    let rest = pot.checked_sub(each.checked_mul(obs.len() as u128)?)?;
    if rest == 0 {
        return None;
    }
    let c: u128 = center.weights.iter().sum();
    // Below two kronor per inhabitant the amounts cannot pin the populations down.
    if rest <= c.checked_mul(2)? {
        return None;
    }
    let lo_t = u64::try_from(c.checked_mul(92)? / 100).ok()?.max(1);
    let hi_t = u64::try_from(c.checked_mul(108)? / 100).ok()?;
    let each = i128::try_from(each).ok()?;
    let d = i128::try_from(rest).ok()?.checked_mul(2)?;
    // Per row: 2·(amount − each) and the doubled half-width (precision + 2).
    let rows: Vec<(i128, i128)> = obs
        .iter()
        .map(|o| (2 * (o.a - each), o.p.max(1) + 2))
        .collect();
    // Guard the products (a·T) against overflow once.
    let max_a = rows.iter().map(|r| r.0.abs() + r.1).max().unwrap_or(0);
    max_a.checked_mul(i128::from(hi_t))?;
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by_key(|k| rows.get(*k).map_or(0, |r| r.1));
    let bounds = |t: i128, k: usize| -> Option<(i128, i128)> {
        let (a2, w) = *rows.get(k)?;
        let low = (a2 - w) * t;
        let high = (a2 + w) * t;
        let lo = if low < 0 { 0 } else { low / d + 1 };
        let hi = if high <= 0 { -1 } else { (high - 1) / d };
        (lo <= hi).then_some((lo, hi))
    };
    let mut count = 0u64;
    let mut totals = Vec::new();
    let mut best: Option<u64> = None;
    for t in lo_t..=hi_t {
        let ti = i128::from(t);
        let (mut sum_lo, mut sum_hi) = (0i128, 0i128);
        let mut ok = true;
        for k in &order {
            match bounds(ti, *k) {
                Some((lo, hi)) => {
                    sum_lo += lo;
                    sum_hi += hi;
                    if sum_lo > ti {
                        ok = false;
                        break;
                    }
                }
                None => {
                    ok = false;
                    break;
                }
            }
        }
        if ok && sum_lo <= ti && ti <= sum_hi {
            count += 1;
            if totals.len() < 100 {
                totals.push(t);
            }
            let nearer = best.is_none_or(|b| u128::from(t).abs_diff(c) < u128::from(b).abs_diff(c));
            if nearer {
                best = Some(t);
            }
        }
    }
    let t = best?;
    let ti = i128::from(t);
    let mut pops: Vec<i128> = Vec::with_capacity(rows.len());
    let mut his = Vec::with_capacity(rows.len());
    for k in 0..rows.len() {
        let (lo, hi) = bounds(ti, k)?;
        pops.push(lo);
        his.push(hi);
    }
    let mut left = ti - pops.iter().sum::<i128>();
    for (p, hi) in pops.iter_mut().zip(&his) {
        let add = left.min(hi - *p);
        *p += add;
        left -= add;
    }
    let weights: Vec<u128> = pops
        .iter()
        .map(|p| u128::try_from(*p).unwrap_or(0))
        .collect();
    let rounding = Rounding::ALL.into_iter().find(|r| {
        model(pot, u128::try_from(each).unwrap_or(0), &weights, *r)
            .is_some_and(|m| m.iter().zip(obs).all(|(e, o)| o.matches(*e)))
    });
    let populations = reference::regions()
        .iter()
        .zip(&pops)
        .zip(&center.weights)
        .map(|((r, p), b)| ImpliedPopulation {
            recipient: RecipientId::new(r.code),
            name: r.name.to_owned(),
            population: u64::try_from(*p).unwrap_or(0),
            bundled: u64::try_from(*b).unwrap_or(0),
        })
        .collect();
    Some(ImpliedKey {
        total: t,
        populations,
        candidates: count,
        totals,
        searched: (lo_t, hi_t),
        near: center.name.clone(),
        rounding,
    })
}
