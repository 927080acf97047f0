//! The hot path: apportioning a whole number of units (kronor or öre) over integer
//! weights, exactly.
//!
//! Method: largest remainder (Hamilton). Each recipient first gets the floor of its exact
//! quota `pot × weight / total`; the units left over (fewer than the number of recipients)
//! go one each to the largest remainders. **Tie-break:** among equal remainders the
//! recipient that comes first in the key (keys are kept in recipient-code order) wins, so
//! the result never depends on the order the input was given in.
//!
//! Everything is integer arithmetic (`u128`, with a `u64` division where the numbers fit):
//! the parts always sum exactly to the pot and each part is the floor or the ceiling of
//! its exact quota.
//!
//! ```
//! use vardavtal::apportion::largest_remainder;
//! // 10 kronor over weights 1:1:1 → 4, 3, 3 (the tie goes to the first in code order)
//! assert_eq!(largest_remainder(10, &[1, 1, 1])?, vec![4, 3, 3]);
//! assert_eq!(largest_remainder(100, &[0, 3, 1])?, vec![0, 75, 25]);
//! # Ok::<(), vardavtal::apportion::ApportionError>(())
//! ```
//!
//! A component paid in tranches is apportioned once, then each recipient's amount is
//! spread over the tranches by [`controlled_rounding`] (its own module): every tranche
//! and every recipient sum exactly, and the quota rule holds on the component.

use std::cmp::Ordering;

mod controlled;

pub use controlled::controlled_rounding;

use strength_reduce::StrengthReducedU64;

/// Why a pot cannot be apportioned.
///
/// ```
/// use vardavtal::apportion::{ApportionError, largest_remainder};
/// assert_eq!(largest_remainder(10, &[]), Err(ApportionError::Empty));
/// assert_eq!(largest_remainder(10, &[0, 0]), Err(ApportionError::ZeroTotal));
/// assert_eq!(largest_remainder(u128::MAX, &[1, 2]), Err(ApportionError::TooLarge));
/// assert_eq!(ApportionError::ZeroTotal.to_string(), "the weights of the key are all zero");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ApportionError {
    /// No weights at all.
    #[error("the key has no recipients")]
    Empty,
    /// All weights are zero.
    #[error("the weights of the key are all zero")]
    ZeroTotal,
    /// Products of the pot and the weights exceed 128 bits.
    #[error("the pot and the weights are too large to apportion exactly in 128 bits")]
    TooLarge,
}

/// Apportion `pot` units over `weights` by largest remainder (see the module docs).
///
/// ```
/// use vardavtal::apportion::largest_remainder;
/// // 10 kronor over 1:2:4: floors 1, 2, 5; the 2 left go to the remainders 6/7 and 5/7
/// let parts = largest_remainder(10, &[1, 2, 4])?;
/// assert_eq!(parts, vec![1, 3, 6]);
/// assert_eq!(parts.iter().sum::<u128>(), 10);
/// # Ok::<(), vardavtal::apportion::ApportionError>(())
/// ```
///
/// # Errors
/// [`ApportionError::Empty`] without weights, [`ApportionError::ZeroTotal`] when they are
/// all zero, [`ApportionError::TooLarge`] when their sum, or the pot × a weight, does not
/// fit 128 bits.
pub fn largest_remainder(pot: u128, weights: &[u128]) -> Result<Vec<u128>, ApportionError> {
    let mut out = vec![0; weights.len()];
    largest_remainder_into(pot, weights, &mut out)?;
    Ok(out)
}

/// The sum of the weights: refused when there are none, when it is zero or when it does
/// not fit 128 bits (the checks the roundings of the kernel start with).
#[inline]
fn total_of(weights: &[u128]) -> Result<u128, ApportionError> {
    if weights.is_empty() {
        return Err(ApportionError::Empty);
    }
    let total = weights
        .iter()
        .try_fold(0u128, |a, &w| a.checked_add(w))
        .ok_or(ApportionError::TooLarge)?;
    if total == 0 {
        return Err(ApportionError::ZeroTotal);
    }
    Ok(total)
}

/// As [`largest_remainder`], writing into `out` (which must be as long as `weights`;
/// extra elements are left untouched). Reuse `out` across calls to avoid allocating.
///
/// ```
/// use vardavtal::apportion::largest_remainder_into;
/// let mut out = [0u128; 3];
/// for (pot, want) in [(10, [1, 3, 6]), (700, [100, 200, 400])] {
///     largest_remainder_into(pot, &[1, 2, 4], &mut out)?;
///     assert_eq!(out, want);
/// }
/// # Ok::<(), vardavtal::apportion::ApportionError>(())
/// ```
///
/// # Errors
/// As [`largest_remainder`]; also [`ApportionError::TooLarge`] when `out` is shorter than
/// `weights` or there are more than `u32::MAX` weights.
pub fn largest_remainder_into(
    pot: u128,
    weights: &[u128],
    out: &mut [u128],
) -> Result<(), ApportionError> {
    // The checks of `total_of`, written out: calling it here costs the hot path ~1.3 %
    // more instructions (callgrind, 290 weights).
    if weights.is_empty() {
        return Err(ApportionError::Empty);
    }
    if u32::try_from(weights.len()).is_err() || out.len() < weights.len() {
        return Err(ApportionError::TooLarge);
    }
    let total = weights
        .iter()
        .try_fold(0u128, |a, &w| a.checked_add(w))
        .ok_or(ApportionError::TooLarge)?;
    if total == 0 {
        return Err(ApportionError::ZeroTotal);
    }
    // Fast path: when pot × total fits 64 bits, so does every pot × weight, and the
    // division by the same total is strength-reduced to a multiplication.
    if let (Ok(p), Ok(t)) = (u64::try_from(pot), u64::try_from(total))
        && (p as u128) * (t as u128) <= u64::MAX as u128
    {
        let div = StrengthReducedU64::new(t);
        // Each remainder packed with its position (inverted, so that on equal remainders
        // the lower position sorts higher): one integer comparison ranks both.
        let mut keys: Vec<u128> = Vec::with_capacity(weights.len());
        let mut given: u64 = 0;
        for (i, (w, o)) in weights.iter().zip(out.iter_mut()).enumerate() {
            let prod = p * (*w as u64); // w ≤ t, so p·w ≤ p·t fits
            let q = prod / div;
            *o = q as u128;
            given += q;
            keys.push(((prod - q * t) as u128) << 32 | (u32::MAX - i as u32) as u128);
        }
        let k = (p - given) as usize;
        if k > 0 {
            let n = keys.len();
            if k < n {
                keys.select_nth_unstable(n - k);
            }
            for key in keys.iter().skip(n.saturating_sub(k)) {
                if let Some(o) = out.get_mut((u32::MAX - *key as u32) as usize) {
                    *o += 1;
                }
            }
        }
        return Ok(());
    }
    let mut rems: Vec<u128> = Vec::with_capacity(weights.len());
    let mut given: u128 = 0;
    for (w, o) in weights.iter().zip(out.iter_mut()) {
        let prod = pot.checked_mul(*w).ok_or(ApportionError::TooLarge)?;
        let (q, r) = (prod / total, prod % total);
        *o = q;
        given += q; // ≤ pot: Σ floor(pot·w/total) ≤ pot
        rems.push(r);
    }
    // left < n, since every remainder is below `total` and they sum to left × total.
    let left = usize::try_from(pot - given).map_err(|_| ApportionError::TooLarge)?;
    hand_out(&rems, left, out);
    Ok(())
}

/// Give one more unit to each of the `k` largest remainders, ties to the lower index.
fn hand_out<T: Ord + Copy>(rems: &[T], k: usize, out: &mut [u128]) {
    if k == 0 {
        return;
    }
    let mut idx: Vec<u32> = (0..rems.len() as u32).collect();
    let by_rank = |a: &u32, b: &u32| -> Ordering {
        match (rems.get(*a as usize), rems.get(*b as usize)) {
            (Some(ra), Some(rb)) => rb.cmp(ra).then(a.cmp(b)),
            _ => a.cmp(b),
        }
    };
    if k < idx.len() {
        idx.select_nth_unstable_by(k, by_rank);
    }
    for i in idx.iter().take(k) {
        if let Some(o) = out.get_mut(*i as usize) {
            *o += 1;
        }
    }
}

/// The rank (1 = largest) of each recipient's remainder under the tie-break of this
/// module, and each remainder, for explanations. `None` on the same errors as
/// [`largest_remainder`].
///
/// ```
/// use vardavtal::apportion::remainder_ranks;
/// // 10 over 1:2:4 (total 7): remainders 3/7, 6/7 and 5/7, in sevenths, ranked
/// assert_eq!(remainder_ranks(10, &[1, 2, 4]), Some(vec![(3, 3), (6, 1), (5, 2)]));
/// assert_eq!(remainder_ranks(10, &[0, 0]), None);
/// ```
pub fn remainder_ranks(pot: u128, weights: &[u128]) -> Option<Vec<(u128, usize)>> {
    let total = weights.iter().try_fold(0u128, |a, &w| a.checked_add(w))?;
    if total == 0 {
        return None;
    }
    let rems: Vec<u128> = weights
        .iter()
        .map(|w| pot.checked_mul(*w).map(|p| p % total))
        .collect::<Option<_>>()?;
    let mut idx: Vec<usize> = (0..weights.len()).collect();
    idx.sort_by(|a, b| {
        let ra = rems.get(*a).copied().unwrap_or(0);
        let rb = rems.get(*b).copied().unwrap_or(0);
        rb.cmp(&ra).then(a.cmp(b))
    });
    let mut rank = vec![0usize; weights.len()];
    for (pos, i) in idx.iter().enumerate() {
        if let Some(r) = rank.get_mut(*i) {
            *r = pos + 1;
        }
    }
    Some(rems.into_iter().zip(rank).collect())
}

/// Each recipient's exact quota `pot × weight / total` rounded on its own: half up
/// (`round_half_up`) or truncated. Unlike [`largest_remainder`] the parts need not sum to
/// the pot: truncation gives the pot or less (short by fewer units than there are
/// recipients), half up may give more or less. Used to recognise tables published with
/// plain rounding.
fn each_quota(
    pot: u128,
    weights: &[u128],
    round_half_up: bool,
) -> Result<Vec<u128>, ApportionError> {
    let total = total_of(weights)?;
    weights
        .iter()
        .map(|w| {
            let prod = pot.checked_mul(*w).ok_or(ApportionError::TooLarge)?;
            let (q, r) = (prod / total, prod % total);
            let up = round_half_up && r.checked_mul(2).ok_or(ApportionError::TooLarge)? >= total;
            Ok(q + u128::from(up))
        })
        .collect()
}

/// Apportion `pot` over `weights` rounding each exact quota half up on its own (a quota
/// exactly halfway goes up). The parts may sum to more or less than the pot; errors as
/// [`largest_remainder`].
///
/// ```
/// use vardavtal::apportion::half_up;
/// // 10 over 1:1:1 → quotas 3⅓ each → 3, 3, 3 (sum 9); 3 over 1:1 → 1½ each → 2, 2 (sum 4)
/// assert_eq!(half_up(10, &[1, 1, 1])?, vec![3, 3, 3]);
/// assert_eq!(half_up(3, &[1, 1])?, vec![2, 2]);
/// # Ok::<(), vardavtal::apportion::ApportionError>(())
/// ```
///
/// # Errors
/// As [`largest_remainder`].
pub fn half_up(pot: u128, weights: &[u128]) -> Result<Vec<u128>, ApportionError> {
    each_quota(pot, weights, true)
}

/// Apportion `pot` over `weights` truncating each exact quota (the floor). The parts sum
/// to the pot or less, short by fewer units than there are recipients; errors as
/// [`largest_remainder`].
///
/// ```
/// use vardavtal::apportion::truncation;
/// assert_eq!(truncation(10, &[1, 1, 1])?, vec![3, 3, 3]);
/// assert_eq!(truncation(100, &[0, 3, 1])?, vec![0, 75, 25]);
/// # Ok::<(), vardavtal::apportion::ApportionError>(())
/// ```
///
/// # Errors
/// As [`largest_remainder`].
pub fn truncation(pot: u128, weights: &[u128]) -> Result<Vec<u128>, ApportionError> {
    each_quota(pot, weights, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_cases() {
        assert_eq!(largest_remainder(0, &[1, 2]).unwrap(), vec![0, 0]);
        assert_eq!(largest_remainder(7, &[1]).unwrap(), vec![7]);
        assert_eq!(largest_remainder(2, &[1, 1, 1]).unwrap(), vec![1, 1, 0]);
        assert_eq!(largest_remainder(1, &[0, 0, 5]).unwrap(), vec![0, 0, 1]);
        assert_eq!(largest_remainder(5, &[]), Err(ApportionError::Empty));
        assert_eq!(
            largest_remainder(5, &[0, 0]),
            Err(ApportionError::ZeroTotal)
        );
        assert_eq!(
            largest_remainder(u128::MAX, &[2, 3]),
            Err(ApportionError::TooLarge)
        );
    }

    #[test]
    fn large_numbers_take_the_u128_path() {
        let pot = 10u128.pow(27);
        let w = [10u128.pow(9) + 7, 3, 10u128.pow(10)];
        let a = largest_remainder(pot, &w).unwrap();
        assert_eq!(a.iter().sum::<u128>(), pot);
    }

    #[test]
    fn half_up_and_truncation_small_cases() {
        assert_eq!(half_up(3, &[1, 1]).unwrap(), vec![2, 2]);
        assert_eq!(half_up(5, &[1, 2, 2]).unwrap(), vec![1, 2, 2]);
        assert_eq!(half_up(7, &[1, 1, 2]).unwrap(), vec![2, 2, 4]);
        assert_eq!(truncation(7, &[1, 1, 2]).unwrap(), vec![1, 1, 3]);
        assert_eq!(truncation(0, &[1, 2]).unwrap(), vec![0, 0]);
        assert_eq!(half_up(9, &[4]).unwrap(), vec![9]);
        for f in [half_up, truncation] {
            assert_eq!(f(5, &[]), Err(ApportionError::Empty));
            assert_eq!(f(5, &[0, 0]), Err(ApportionError::ZeroTotal));
            assert_eq!(f(u128::MAX, &[2, 3]), Err(ApportionError::TooLarge));
        }
    }

    #[test]
    fn each_quota_roundings_bracket_largest_remainder() {
        // Truncation is the floor of each quota; largest remainder adds at most one unit to
        // each and sums to the pot; half up is floor or floor + 1, nearest the quota.
        let cases: &[(u128, &[u128])] = &[
            (10, &[1, 1, 1]),
            (443_000_000, &[2_389_000, 1_700_123, 10_450, 299_999, 7]),
            (1, &[1, 1, 1, 1]),
            (12_345, &[5, 0, 17, 3]),
        ];
        for &(pot, w) in cases {
            let total: u128 = w.iter().sum();
            let t = truncation(pot, w).unwrap();
            let h = half_up(pot, w).unwrap();
            let lr = largest_remainder(pot, w).unwrap();
            assert_eq!(lr.iter().sum::<u128>(), pot);
            let short = pot - t.iter().sum::<u128>();
            assert!(short < w.len() as u128);
            for i in 0..w.len() {
                assert_eq!(t[i], pot * w[i] / total);
                assert!(lr[i] == t[i] || lr[i] == t[i] + 1);
                let up = 2 * (pot * w[i] % total) >= total;
                assert_eq!(h[i], t[i] + u128::from(up));
            }
        }
    }

    #[test]
    fn ranks() {
        let r = remainder_ranks(10, &[1, 1, 1]).unwrap();
        assert_eq!(r, vec![(1, 1), (1, 2), (1, 3)]);
    }
}
