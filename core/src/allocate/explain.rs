//! Explanations: [`Row::explain`] and [`Row::explain_in`], the sentence behind every amount
//! in English or Swedish, and the exact quota figures of a row's [`Basis`](super::Basis),
//! computed from integers. A row of a tranche says both steps: how the recipient's amount
//! of the whole component came about, then how that amount was spread over the tranches
//! ([`TrancheBasis`](super::TrancheBasis)).

use rust_decimal::Decimal;

use super::{Part, Row, TrancheBasis};
use crate::key::KeySpec;
use crate::message::{Lang, day_sv};
use crate::money::Sek;
use crate::swedish::format_number;

impl Row {
    /// The sentence behind the amount in `lang`: what the recipient gets of which pot, the
    /// key figures, the exact quota and how rounding moved the amount; the figures
    /// themselves are in [`Row::basis`](super::Basis).
    ///
    /// ```
    /// use vardavtal::{split, Key, Sek, Unit, message::Lang};
    /// let key = vardavtal::input::key("population:regions:2021-11-01")?;
    /// let a = split("443000000".parse::<Sek>()?, &key, None, Unit::Krona)?;
    /// let uppsala = a.rows().iter().find(|r| r.recipient.as_str() == "03").unwrap();
    /// assert!(uppsala.explain_in(Lang::Sv).starts_with(
    ///     "Region Uppsala (03) får 16 720 152 kr av 443 000 000 kr: 3,774 % av befolkningen den 1 november 2021 (394 154 av 10 443 100 invånare), exakt 16 720 152,2536… kr"
    /// ));
    /// assert_eq!(uppsala.explain_in(Lang::En), uppsala.explain());
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn explain_in(&self, lang: Lang) -> String {
        match lang {
            Lang::Sv => self.explain_sv(),
            _ => self.explain(),
        }
    }

    /// A sentence a person can read: the key figures, the exact quota, and how rounding
    /// moved the amount.
    pub fn explain(&self) -> String {
        let b = &self.basis;
        let what = match (self.part, &self.criterion) {
            (Part::Earned, Some(c)) => format!("{} (criterion {c})", self.component),
            (Part::Bonus, _) => format!("the bonus pot of {}", self.component),
            _ => self.component.to_string(),
        };
        let when = match (&self.tranche, self.date) {
            (Some(t), Some(d)) => format!(", tranche {t} paid {d}"),
            (Some(t), None) => format!(", tranche {t}"),
            (None, Some(d)) => format!(", paid {d}"),
            (None, None) => String::new(),
        };
        let head = format!(
            "{} ({}) gets {} of {what}{when}",
            self.name,
            self.recipient,
            kr(self.amount)
        );
        let body = match self.part {
            Part::Fixed => format!("the whole pot of {} goes to this recipient", kr(b.pot)),
            Part::Each => format!(
                "the fixed amount of {} that every recipient of the key gets first",
                kr(b.pot)
            ),
            Part::Returned => format!(
                "money not earned on performance ({}) returns to the state",
                kr(b.pot)
            ),
            Part::Earned if b.qualified == Some(false) => format!(
                "its share of the criterion's pot would have been pot {} × weight {} / total weight {} ({}), about {}, but it did not qualify",
                kr(b.pot),
                b.weight.normalize(),
                b.total_weight.normalize(),
                b.key,
                kr(Sek(b.quota.round_dp(0))),
            ),
            _ => {
                let rounding = if own(self) == b.floor {
                    if b.left_over.0.is_zero() {
                        "no rounding was needed".to_owned()
                    } else {
                        format!(
                            "rounded down to {}; the {} left over went to larger remainders",
                            kr(b.floor),
                            kr(b.left_over)
                        )
                    }
                } else {
                    format!(
                        "rounded down to {} and given one unit of the {} left over (remainder rank {} of {})",
                        kr(b.floor),
                        kr(b.left_over),
                        b.remainder_rank.unwrap_or(0),
                        b.recipients
                    )
                };
                let shown = b.quota.round_dp(4);
                let approx = if shown == b.quota { "" } else { "…" };
                format!(
                    "pot {} × weight {} / total weight {} ({}) = exact quota {}{approx}; {rounding}",
                    kr(b.pot),
                    b.weight.normalize(),
                    b.total_weight.normalize(),
                    b.key,
                    kr(Sek(shown)),
                )
            }
        };
        let body = match &b.tranche {
            Some(t) => format!(
                "its {} of {what} in all: {body}; {}",
                kr(t.of),
                tranche(self, t, Lang::En)
            ),
            None => body,
        };
        match &b.note {
            Some(n) => format!("{head}: {body}. {n}."),
            None => format!("{head}: {body}."),
        }
    }
}

/// The recipient's amount of the whole component that the figures of the basis are of:
/// the row's amount, or for a row of a tranche the amount spread over the tranches.
fn own(row: &Row) -> Sek {
    row.basis.tranche.as_ref().map_or(row.amount, |t| t.of)
}

/// The tranche's exact share and how it was rounded: `(quota, rounded)` in `lang`.
fn tranche_rounding(row: &Row, t: &TrancheBasis, sv: bool) -> (String, String) {
    let shown = t.quota.round_dp(4).normalize();
    let approx = if shown == t.quota { "" } else { "…" };
    let quota = kr(Sek(shown));
    // As the quotas of each language are written: `33,3333 kr…`, `33,3333… kr`.
    let quota = match (sv, quota.strip_suffix(" kr")) {
        (true, Some(n)) => format!("{n}{approx} kr"),
        _ => format!("{quota}{approx}"),
    };
    let rounded = match (row.amount == t.floor, t.floor.0 == t.quota, sv) {
        (true, true, false) => "no rounding was needed".to_owned(),
        (true, true, true) => "ingen avrundning behövdes".to_owned(),
        (true, false, false) => format!("rounded down to {}", kr(row.amount)),
        (true, false, true) => format!("avrundat nedåt till {}", kr(row.amount)),
        (false, _, false) => format!("rounded up to {}", kr(row.amount)),
        (false, _, true) => format!("avrundat uppåt till {}", kr(row.amount)),
    };
    (quota, rounded)
}

/// How a recipient's tranche is cut from its component amount, in `lang`:
/// `tranche t1 pays 25 kr of the component's 100 kr: 34 kr × 25 kr / 100 kr = exact 8,5 kr;
/// rounded up to 9 kr, …`.
fn tranche(row: &Row, t: &TrancheBasis, lang: Lang) -> String {
    let (quota, rounded) = tranche_rounding(row, t, lang == Lang::Sv);
    let name = row.tranche.as_deref().unwrap_or_default();
    let (pot, component, of) = (kr(t.pot), kr(t.component), kr(t.of));
    match lang {
        Lang::Sv => format!(
            "delbetalning {name} är {pot} av komponentens {component}: {of} × {pot} / {component} = exakt {quota}; {rounded}, så att mottagarens delbetalningar summerar till {of} och delbetalningens rader till {pot}"
        ),
        _ => format!(
            "tranche {name} pays {pot} of the component's {component}: {of} × {pot} / {component} = exact {quota}; {rounded}, so that the recipient's tranches sum to {of} and the tranche's rows to {pot}"
        ),
    }
}

impl Row {
    fn explain_sv(&self) -> String {
        let b = &self.basis;
        let what = match (self.part, &self.criterion) {
            (Part::Earned, Some(c)) => format!("{} (kriterium {c})", self.component),
            (Part::Bonus, _) => format!("bonuspotten i {}", self.component),
            _ if &*self.agreement == "split" => kr(b.pot),
            _ => self.component.to_string(),
        };
        let when = match (&self.tranche, self.date) {
            (Some(t), Some(d)) => format!(", delbetalning {t} den {}", day_sv(d.first_day())),
            (Some(t), None) => format!(", delbetalning {t}"),
            (None, Some(d)) => format!(", utbetalt den {}", day_sv(d.first_day())),
            (None, None) => String::new(),
        };
        let head = format!(
            "{} ({}) får {} av {what}{when}",
            self.name,
            self.recipient,
            kr(self.amount)
        );
        let body = match self.part {
            Part::Fixed => format!("hela potten på {} går till denna mottagare", kr(b.pot)),
            Part::Each => format!(
                "det fasta beloppet på {} som varje mottagare i nyckeln får först",
                kr(b.pot)
            ),
            Part::Returned => format!(
                "pengar som inte uppnåtts genom prestation ({}) går tillbaka till staten",
                kr(b.pot)
            ),
            Part::Earned if b.qualified == Some(false) => format!(
                "dess andel av kriteriets pott hade varit {} av {} ≈ {}, men den uppfyllde inte kravet",
                share_sv(self),
                kr(b.pot),
                kr(Sek(b.quota.round_dp(0))),
            ),
            Part::Equal => format!(
                "en lika del av {} för var och en av {} mottagare, exakt {}; {}",
                kr(b.pot),
                b.recipients,
                quota_sv(self),
                rounding_sv(self)
            ),
            _ => {
                let of_pot = if &*self.agreement == "split" {
                    String::new()
                } else {
                    format!(" av potten på {}", kr(b.pot))
                };
                format!(
                    "{}{of_pot}, exakt {}; {}",
                    share_sv(self),
                    quota_sv(self),
                    rounding_sv(self)
                )
            }
        };
        let body = match &b.tranche {
            Some(t) => format!(
                "dess {} av {what} totalt: {body}; {}",
                kr(t.of),
                tranche(self, t, Lang::Sv)
            ),
            None => body,
        };
        match b.note_sv.as_ref().or(b.note.as_ref()) {
            Some(n) => format!("{head}: {body}. {n}."),
            None => format!("{head}: {body}."),
        }
    }
}

/// `3,774 % av befolkningen den 1 november 2021 (394 154 av 10 443 100 invånare)`.
fn share_sv(row: &Row) -> String {
    let b = &row.basis;
    let pct = if b.total_weight.is_zero() {
        Decimal::ZERO
    } else {
        (b.weight * Decimal::ONE_HUNDRED / b.total_weight).round_dp(3)
    };
    let pct = format_number(pct);
    let (w, t) = (format_number(b.weight), format_number(b.total_weight));
    if row.part == Part::Bonus {
        return format!("{pct} % av det som uppnåddes på kriterierna ({w} av {t})");
    }
    match b.key.parse::<KeySpec>() {
        Ok(KeySpec::Population { date, .. }) => format!(
            "{pct} % av befolkningen den {} ({w} av {t} invånare)",
            day_sv(date)
        ),
        Ok(KeySpec::NeedsRegions2024 {}) => {
            format!("{pct} % av vårdbehovsnyckeln 2024 ({w} av {t} kr i den publicerade tabellen)")
        }
        Ok(KeySpec::NeedsWeighted { date, .. }) => format!(
            "{pct} % av den behovsviktade befolkningen den {} (vikt {w} av {t})",
            day_sv(date)
        ),
        _ => format!("{pct} % av nyckeln {} (vikt {w} av {t})", b.key),
    }
}

/// The exact quota: `16 720 152,2617… kr`.
fn quota_sv(row: &Row) -> String {
    let b = &row.basis;
    let shown = b.quota.round_dp(4);
    let approx = if shown == b.quota { "" } else { "…" };
    let text = kr(Sek(shown));
    match text.strip_suffix(" kr") {
        Some(n) => format!("{n}{approx} kr"),
        None => text,
    }
}

/// How rounding moved the amount.
fn rounding_sv(row: &Row) -> String {
    let b = &row.basis;
    if own(row) != b.floor {
        return format!(
            "avrundat nedåt till {} och en enhet av de {} som blev över (resten är nummer {} av {} i storlek)",
            kr(b.floor),
            kr(b.left_over),
            b.remainder_rank.unwrap_or(0),
            b.recipients
        );
    }
    if b.left_over.0.is_zero() {
        "ingen avrundning behövdes".to_owned()
    } else {
        format!(
            "avrundat nedåt till {}; de {} som blev över gick till större rester",
            kr(b.floor),
            kr(b.left_over)
        )
    }
}

pub(super) fn kr(s: Sek) -> String {
    crate::swedish::format_kr(s.0)
}

/// The exact quota `floor + rem / total` (in units of `10^-unit_scale` kronor) as a decimal in
/// kronor, from integers: exact when the fraction terminates within the digits a `Decimal`
/// holds, else truncated to them. `None` when the integers do not fit (the caller then
/// divides decimals). Integer arithmetic is much faster than decimal division, notably in
/// WebAssembly.
pub(super) fn quota_decimal(
    floor: u128,
    rem: u128,
    total: u128,
    unit_scale: u32,
) -> Option<Decimal> {
    const MAX_MANTISSA: u128 = (1 << 96) - 1;
    if total == 0 || floor > MAX_MANTISSA {
        return None;
    }
    if rem == 0 {
        return i128::try_from(floor)
            .ok()
            .and_then(|f| Decimal::try_from_i128_with_scale(f, unit_scale).ok());
    }
    // A Decimal holds 28 to 29 significant digits: start where floor·10^d just fits.
    let floor_digits = floor.checked_ilog10().map_or(0, |x| x + 1);
    let mut d = 28u32
        .saturating_sub(unit_scale)
        .min(29u32.saturating_sub(floor_digits));
    loop {
        let p = 10u128.checked_pow(d)?;
        let fits = rem
            .checked_mul(p)
            .zip(floor.checked_mul(p))
            .and_then(|(r, f)| f.checked_add(r / total))
            .filter(|m| *m <= MAX_MANTISSA);
        if let Some(m) = fits {
            return i128::try_from(m)
                .ok()
                .and_then(|m| Decimal::try_from_i128_with_scale(m, d + unit_scale).ok());
        }
        d = d.checked_sub(1)?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_quotas_equal_decimal_division() {
        let cases: &[(u128, u128, u128, u32)] = &[
            (443_000_000, 2_411_859, 10_443_100, 0),
            (443_000_000, 394_154, 10_443_100, 0),
            (1, 1, 3, 0),
            (10_001, 7, 9, 2),
            (0, 5, 7, 0),
            (123_456_789_012_345, 999_999_937, 1_000_000_007, 2),
        ];
        for &(pot, w, total, scale) in cases {
            let floor = pot * w / total;
            let rem = pot * w - floor * total;
            let q = quota_decimal(floor, rem, total, scale).unwrap();
            let unit = Decimal::new(1, scale);
            let exact = Decimal::from(pot) * unit * Decimal::from(w) / Decimal::from(total);
            assert!(
                (q - exact).abs() < Decimal::new(1, 18),
                "{pot} {w} {total}: {q} vs {exact}"
            );
            assert!(q <= exact, "truncated, never rounded up: {q} vs {exact}");
        }
        assert_eq!(quota_decimal(3, 0, 7, 0), Some(Decimal::from(3)));
    }
}
