//! Explanations: [`Row::explain`], the sentence behind every amount, and the exact quota
//! figures of a row's [`Basis`](super::Basis), computed from integers.

use rust_decimal::Decimal;

use super::{Part, Row};
use crate::money::Sek;

impl Row {
    /// A sentence a person can read: the key figures, the exact quota, and how rounding
    /// moved the amount.
    pub fn explain(&self) -> String {
        let b = &self.basis;
        let what = match (self.part, &self.criterion) {
            (Part::Earned, Some(c)) => format!("{} (criterion {c})", self.component),
            (Part::Bonus, _) => format!("the bonus pot of {}", self.component),
            _ => self.component.clone(),
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
                let rounding = if self.amount == b.floor {
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
        match &b.note {
            Some(n) => format!("{head}: {body}. {n}."),
            None => format!("{head}: {body}."),
        }
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
