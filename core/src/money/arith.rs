//! The arithmetic of money: `+`, `-`, unary `-`, `+=`, `-=` and `Sum` on [`Sek`], and
//! `Sek` into `Decimal`.
//!
//! Overflow behaves as `rust_decimal`'s operators do: an amount beyond ±79 228 162 514 264
//! 337 593 543 950 335 panics, as an `i64` overflow does in debug builds. The crate's own
//! computations never use these operators on amounts read from input: they use
//! [`Sek::checked_add`] and [`Sek::checked_sub`], which return `None`, and report a located
//! `too_large` error.
//!
//! ```
//! use vardavtal::Sek;
//! let a = Sek::kronor(443_000_000);
//! let b = Sek::kronor(57_000_000);
//! assert_eq!(a + b, Sek::kronor(500_000_000));
//! assert_eq!(a - b - a, -b);
//! let mut t = Sek::ZERO;
//! t += a;
//! assert_eq!([a, b].into_iter().sum::<Sek>(), a + b);
//! assert_eq!([a, b].iter().sum::<Sek>(), t + b);
//! let d: rust_decimal::Decimal = a.into();
//! assert_eq!(d, rust_decimal::Decimal::from(443_000_000));
//! ```

use std::iter::Sum;
use std::ops::{Add, AddAssign, Neg, Sub, SubAssign};

use rust_decimal::Decimal;

use super::Sek;

impl Add for Sek {
    type Output = Sek;
    /// The sum. Panics on overflow (see the module docs); [`Sek::checked_add`] does not.
    fn add(self, other: Sek) -> Sek {
        Sek(self.0 + other.0)
    }
}

impl Sub for Sek {
    type Output = Sek;
    /// The difference. Panics on overflow (see the module docs); [`Sek::checked_sub`] does
    /// not.
    fn sub(self, other: Sek) -> Sek {
        Sek(self.0 - other.0)
    }
}

impl Neg for Sek {
    type Output = Sek;
    /// The amount with the other sign (never overflows).
    fn neg(self) -> Sek {
        Sek(-self.0)
    }
}

impl AddAssign for Sek {
    fn add_assign(&mut self, other: Sek) {
        *self = *self + other;
    }
}

impl SubAssign for Sek {
    fn sub_assign(&mut self, other: Sek) {
        *self = *self - other;
    }
}

impl Sum for Sek {
    /// The sum of the amounts (zero for none). Panics on overflow.
    fn sum<I: Iterator<Item = Sek>>(it: I) -> Sek {
        it.fold(Sek::ZERO, Add::add)
    }
}

impl<'a> Sum<&'a Sek> for Sek {
    fn sum<I: Iterator<Item = &'a Sek>>(it: I) -> Sek {
        it.copied().sum()
    }
}

impl From<Sek> for Decimal {
    fn from(s: Sek) -> Decimal {
        s.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operators_agree_with_checked_ones() {
        let xs = [
            Sek::kronor(1),
            Sek(Decimal::new(-25, 2)),
            Sek::kronor(443_000_000),
            Sek(Decimal::new(1, 2)),
        ];
        for a in xs {
            for b in xs {
                assert_eq!(Some(a + b), a.checked_add(b));
                assert_eq!(Some(a - b), a.checked_sub(b));
                assert_eq!(a + -b, a - b);
            }
        }
        assert_eq!(xs.iter().sum::<Sek>(), Sek(Decimal::new(44_300_000_076, 2)));
        assert_eq!(std::iter::empty::<Sek>().sum::<Sek>(), Sek::ZERO);
    }

    #[test]
    fn overflow_panics_and_checked_says_none() {
        let max = Sek(Decimal::MAX);
        assert_eq!(max.checked_add(Sek::kronor(1)), None);
        assert!(std::panic::catch_unwind(|| max + Sek::kronor(1)).is_err());
        assert!(std::panic::catch_unwind(|| -max - Sek::kronor(1)).is_err());
        let mut t = max;
        t -= max;
        assert_eq!(t, Sek::ZERO);
    }
}
