//! Change decomposed: what one recipient gets in two splits of a pot by a key (two years,
//! two key dates, two pots), and the difference split exactly into "the pot changed", "its
//! share of the key changed" and "rounding"; and the apportionment paradoxes of largest
//! remainder in such a pair of splits ([`paradoxes`]).
//!
//! With pots `P_a`, `P_b` (in units of the rounding unit) and the recipient's shares
//! `s_a = w_a / W_a`, `s_b = w_b / W_b` of the key, the exact quotas are `q = P × s`, and
//!
//! ```text
//! q_b − q_a = s_a × (P_b − P_a)  +  P_b × (s_b − s_a)
//!             "the pot changed"     "its share changed"
//! ```
//!
//! exactly. Both effects are computed as fractions of integers and each is rounded to a
//! whole unit **half away from zero**; `rounding` is the rest: the difference of the two
//! amounts less the two rounded effects. So the three parts always sum to the difference
//! to the unit. `rounding` holds what largest remainder did to each amount (less than one
//! unit each way) and the rounding of the two effects (at most half a unit each): it is at
//! most 2 units either way.
//!
//! ```
//! use vardavtal::{across, input, Sek, Unit, RecipientId};
//! let a = input::key("population:regions:2021-11-01")?;
//! let b = input::key("population:regions:2023-11-01")?;
//! let pot = Sek::kronor(443_000_000);
//! let c = across::decompose(pot, &a, pot, &b, &RecipientId::new("12"), Unit::Krona)?;
//! assert_eq!(c.pot_effect, Sek::ZERO); // the same pot
//! assert_eq!(c.pot_effect + c.share_effect + c.rounding, c.difference);
//! # Ok::<(), vardavtal::Error>(())
//! ```

use std::collections::BTreeMap;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use crate::allocation::{Allocation, Part, split};
use crate::finding::{Error, Finding, Loc, Result};
use crate::key::Key;
use crate::message::Lang;
use crate::message::templates::allocate as templates;
use crate::money::{Sek, Unit};
use crate::recipient::RecipientId;

/// One side of a change: the pot, the key and what the recipient gets of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[non_exhaustive]
pub struct Side {
    /// The pot split by the key.
    pub pot: Sek,
    /// The key (`population:regions:2021-11-01`).
    pub key: String,
    /// The recipient's weight in the key (zero when it is not in it).
    #[serde(with = "crate::money::decimal_str")]
    pub weight: Decimal,
    /// The sum of the weights.
    #[serde(with = "crate::money::decimal_str")]
    pub total_weight: Decimal,
    /// The exact quota `pot × weight / total_weight`, to 28 significant digits.
    #[serde(with = "crate::money::decimal_str")]
    pub quota: Decimal,
    /// What the recipient gets.
    pub amount: Sek,
}

/// One recipient's change between two splits, decomposed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[non_exhaustive]
pub struct Change {
    /// The recipient.
    pub recipient: RecipientId,
    /// Its name.
    pub name: String,
    /// The rounding unit of both splits.
    pub unit: Unit,
    /// The first split (A).
    pub a: Side,
    /// The second split (B).
    pub b: Side,
    /// `b.amount − a.amount`: the sum of the three parts below, exactly.
    pub difference: Sek,
    /// "The pot changed": the old share × the pot's change, rounded to the unit half away
    /// from zero.
    pub pot_effect: Sek,
    /// "Its share of the key changed": the new pot × the change of the share, rounded to
    /// the unit half away from zero.
    pub share_effect: Sek,
    /// The rest: largest remainder's rounding of both amounts and of the two effects (at
    /// most 2 units either way).
    pub rounding: Sek,
    /// The decomposition in a sentence (an info finding, code `note`; read it in either
    /// language with [`Change::sentence`]).
    pub explanation: Finding,
    /// The paradoxes of largest remainder that touch this recipient (`apportionment_paradox`).
    pub paradoxes: Vec<Finding>,
}

impl Change {
    /// The decomposition in a sentence, in `lang`.
    ///
    /// ```
    /// use vardavtal::{RecipientId, Sek, Unit, across, input, message::Lang, split};
    /// let key = input::key("code,weight\n01,3\n03,1\n")?;
    /// let a = split(Sek::kronor(100), &key, None, Unit::Krona)?;
    /// let b = split(Sek::kronor(200), &key, None, Unit::Krona)?;
    /// let c = across::change(&a, &b, &RecipientId::new("01"))?;
    /// // Each side: the pot, the recipient's weight of the key's total, its exact quota, its amount.
    /// assert_eq!((c.a.pot, c.a.amount, c.b.amount), (Sek::kronor(100), Sek::kronor(75), Sek::kronor(150)));
    /// assert_eq!((c.a.weight.to_string(), c.a.total_weight.to_string()), ("3".into(), "4".into()));
    /// assert!(c.sentence(Lang::En).starts_with("Region Stockholm (01) gets 150 kr instead of 75 kr"));
    /// assert!(c.sentence(Lang::Sv).starts_with("Region Stockholm (01) får 150 kr i stället för 75 kr"));
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn sentence(&self, lang: Lang) -> String {
        self.explanation.message(lang).into_owned()
    }
}

/// What one allocation gives, read as one pot split by one key.
struct Split {
    unit: Unit,
    pot: u128,
    key: String,
    total: Decimal,
    /// Recipient → (name, weight, amount in units).
    by: BTreeMap<RecipientId, (String, Decimal, u128)>,
}

/// The change of `who` from allocation `a` to allocation `b`, decomposed (see the module
/// docs). Each must be money split by one key: every row a share by the key (a per-capita
/// component, a split, its tranches), in the same unit.
///
/// ```
/// use vardavtal::{RecipientId, Sek, Unit, across, input, split};
/// let key = input::key("code,weight\n01,3\n03,1\n")?;
/// let a = split(Sek::kronor(100), &key, None, Unit::Krona)?; // 75, 25
/// let b = split(Sek::kronor(200), &key, None, Unit::Krona)?; // 150, 50
/// let c = across::change(&a, &b, &RecipientId::new("01"))?;
/// assert_eq!(c.difference, Sek::kronor(75));
/// assert_eq!((c.pot_effect, c.share_effect), (Sek::kronor(75), Sek::ZERO));
/// # Ok::<(), vardavtal::Error>(())
/// ```
///
/// # Errors
/// `rule_not_runnable` (`change_not_one_key`) when an allocation has no rows, a row that is
/// not a share by the key (a fixed amount, a criterion's), or more than one key;
/// `invalid_value` (`change_units_differ`) when the two are in different units;
/// `unknown_recipient` (`change_recipient_absent`) when `who` has a row in neither;
/// `too_large` when the figures do not fit 128 bits. For an allocation read back from JSON
/// whose rows are not whole units, the errors of [`Unit::to_units`].
pub fn change(a: &Allocation, b: &Allocation, who: &RecipientId) -> Result<Change> {
    let (sa, sb) = (read(a, "a")?, read(b, "b")?);
    if sa.unit != sb.unit {
        let f = templates::CHANGE_UNITS_DIFFER.error(Loc::root());
        return Err(f
            .with("a", sa.unit.as_str())
            .with("b", sb.unit.as_str())
            .into_error());
    }
    let name = sa
        .by
        .get(who)
        .or_else(|| sb.by.get(who))
        .map(|(n, _, _)| n.clone())
        .ok_or_else(|| {
            templates::CHANGE_RECIPIENT_ABSENT
                .error(Loc::root().join("recipient"))
                .with("recipient", who)
                .into_error()
        })?;
    let (wa, qa) = sa.weight_of(who);
    let (wb, qb) = sb.weight_of(who);
    let (xa, xb) = (ratio(wa, sa.total)?, ratio(wb, sb.total)?);
    let (pa, pb) = (int(sa.pot)?, int(sb.pot)?);
    // Pot effect: wa × (pb − pa) / Wa. Share effect: pb × (wb·Wa − wa·Wb) / (Wa·Wb).
    let pot_num = mul(xa.0, pb.checked_sub(pa).ok_or_else(too_large)?)?;
    let pot_effect = div_half_away(pot_num, xa.1)?;
    let cross = mul(xb.0, xa.1)?
        .checked_sub(mul(xa.0, xb.1)?)
        .ok_or_else(too_large)?;
    let share_effect = div_half_away(mul(pb, cross)?, mul(xa.1, xb.1)?)?;
    let difference = int(qb)?.checked_sub(int(qa)?).ok_or_else(too_large)?;
    let rounding = difference
        .checked_sub(pot_effect)
        .and_then(|d| d.checked_sub(share_effect))
        .ok_or_else(too_large)?;
    let unit = sa.unit;
    let money = |u: i128| sek(u, unit);
    let side = |s: &Split, w: Decimal, q: u128| -> Result<Side> {
        Ok(Side {
            pot: money(int(s.pot)?)?,
            key: s.key.clone(),
            weight: w,
            total_weight: s.total,
            quota: quota(s.pot, w, s.total, unit),
            amount: money(int(q)?)?,
        })
    };
    let (a_side, b_side) = (side(&sa, wa, qa)?, side(&sb, wb, qb)?);
    let mut out = Change {
        recipient: who.clone(),
        name,
        unit,
        a: a_side,
        b: b_side,
        difference: money(difference)?,
        pot_effect: money(pot_effect)?,
        share_effect: money(share_effect)?,
        rounding: money(rounding)?,
        explanation: templates::CHANGE_DECOMPOSED.info(Loc::root()),
        paradoxes: paradoxes_of(&sa, &sb, Some(who))?,
    };
    out.explanation = explanation(&out);
    Ok(out)
}

/// The change of `who` between `pot_a` split by `key_a` and `pot_b` split by `key_b`, by
/// largest remainder in `unit` (see [`change`]).
///
/// ```
/// use vardavtal::{RecipientId, Sek, Unit, across, input};
/// let a = input::key("code,weight\n01,1\n03,1\n")?;
/// let b = input::key("code,weight\n01,3\n03,1\n")?;
/// let pot = Sek::kronor(100);
/// let c = across::decompose(pot, &a, pot, &b, &RecipientId::new("01"), Unit::Krona)?;
/// assert_eq!(c.difference, Sek::kronor(25)); // 50 → 75: the same pot, another key
/// assert_eq!((c.pot_effect, c.share_effect), (Sek::ZERO, Sek::kronor(25)));
/// # Ok::<(), vardavtal::Error>(())
/// ```
///
/// # Errors
/// Every error of [`split`] on each side (its pot located at `amount`), then of [`change`].
pub fn decompose(
    pot_a: Sek,
    key_a: &Key,
    pot_b: Sek,
    key_b: &Key,
    who: &RecipientId,
    unit: Unit,
) -> Result<Change> {
    let a = split(pot_a, key_a, None, unit)?;
    let b = split(pot_b, key_b, None, unit)?;
    change(&a, &b, who)
}

/// The paradoxes of largest remainder between two splits of a pot by a key (each as
/// [`change`] reads it), as info findings with code `apportionment_paradox`:
///
/// - **Alabama**: the key is the same (every recipient's share is), the pot is larger, and
///   a recipient gets less.
/// - **Population** (Balinski and Young): the key changed and a recipient whose exact quota
///   did not fall (its weight grew relative to the others', or stayed as theirs shrank)
///   gets less.
///
/// Largest remainder keeps every amount within one unit of its quota, so each is a loss of
/// one unit; it is worth knowing, not wrong.
///
/// ```
/// use vardavtal::{across, input, split, Sek, Unit};
/// let key = input::key("code,weight\n01,6\n03,6\n04,2\n")?;
/// let a = split(Sek::kronor(10), &key, None, Unit::Krona)?; // 4, 4, 2
/// let b = split(Sek::kronor(11), &key, None, Unit::Krona)?; // 5, 5, 1
/// let found = across::paradoxes(&a, &b)?;
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].ctx["recipient"], "04");
/// # Ok::<(), vardavtal::Error>(())
/// ```
///
/// # Errors
/// As [`change`] reading the allocations: `rule_not_runnable` when one is not one pot split
/// by one key, `too_large` when the figures do not fit (and the errors of
/// [`Unit::to_units`] for rows that are not whole units).
pub fn paradoxes(a: &Allocation, b: &Allocation) -> Result<Vec<Finding>> {
    paradoxes_of(&read(a, "a")?, &read(b, "b")?, None)
}

fn paradoxes_of(a: &Split, b: &Split, only: Option<&RecipientId>) -> Result<Vec<Finding>> {
    let same_key = a.by.len() == b.by.len()
        && a.by.iter().zip(&b.by).all(|((ra, x), (rb, y))| {
            ra == rb && cross_eq((x.1, a.total), (y.1, b.total)).unwrap_or(false)
        });
    let mut out = Vec::new();
    for (who, (name, wa, qa)) in &a.by {
        if only.is_some_and(|o| o != who) {
            continue;
        }
        let Some((_, wb, qb)) = b.by.get(who) else {
            continue;
        };
        if qb >= qa {
            continue;
        }
        let t = if same_key && b.pot > a.pot {
            &templates::ALABAMA_PARADOX
        } else if !same_key && quota_did_not_fall(a, *wa, b, *wb)? {
            &templates::POPULATION_PARADOX
        } else {
            continue;
        };
        let (unit, quota_dp) = (a.unit, 4);
        let q = |s: &Split, w| quota(s.pot, w, s.total, unit).round_dp(quota_dp);
        out.push(
            t.info(Loc::root().join(who.as_str()))
                .with("recipient", who)
                .with("name", name)
                .with("a", sek(int(*qa)?, unit)?)
                .with("b", sek(int(*qb)?, unit)?)
                .with("pot_a", sek(int(a.pot)?, unit)?)
                .with("pot_b", sek(int(b.pot)?, unit)?)
                .with("quota_a", q(a, *wa))
                .with("quota_b", q(b, *wb))
                .with("key_a", &a.key)
                .with("key_b", &b.key)
                .with("key_a.sv", key_sv(&a.key))
                .with("key_b.sv", key_sv(&b.key)),
        );
    }
    Ok(out)
}

/// Whether `pot_b × wb / Wb ≥ pot_a × wa / Wa`, exactly.
fn quota_did_not_fall(a: &Split, wa: Decimal, b: &Split, wb: Decimal) -> Result<bool> {
    let (xa, xb) = (ratio(wa, a.total)?, ratio(wb, b.total)?);
    let left = mul(mul(int(b.pot)?, xb.0)?, xa.1)?;
    let right = mul(mul(int(a.pot)?, xa.0)?, xb.1)?;
    Ok(left >= right)
}

/// Whether two fractions of decimals are equal.
fn cross_eq(x: (Decimal, Decimal), y: (Decimal, Decimal)) -> Result<bool> {
    let (a, b) = (ratio(x.0, x.1)?, ratio(y.0, y.1)?);
    Ok(mul(a.0, b.1)? == mul(b.0, a.1)?)
}

/// An allocation read as one pot split by one key (`side` names it in errors).
fn read(al: &Allocation, side: &str) -> Result<Split> {
    let rows = al.rows();
    let first = rows.first().ok_or_else(|| {
        templates::CHANGE_NOT_ONE_KEY
            .error(Loc::root().join(side))
            .with("side", side)
            .with("why", "no rows")
            .with("why.sv", "inga rader")
            .into_error()
    })?;
    let not_one_key = |why: String, why_sv: String| {
        templates::CHANGE_NOT_ONE_KEY
            .error(Loc::root().join(side))
            .with("side", side)
            .with("why", why)
            .with("why.sv", why_sv)
            .into_error()
    };
    let mut by: BTreeMap<RecipientId, (String, Decimal, u128)> = BTreeMap::new();
    for r in rows {
        if r.part != Part::Share {
            return Err(not_one_key(
                format!("{}: {}", r.component, r.part.as_str()),
                format!("{}: {}", r.component, r.part.as_str()),
            ));
        }
        if r.basis.key != first.basis.key || r.basis.total_weight != first.basis.total_weight {
            let keys = format!("{}, {}", first.basis.key, r.basis.key);
            return Err(not_one_key(
                format!("more than one key: {keys}"),
                format!("mer än en nyckel: {keys}"),
            ));
        }
        let units = al.unit.to_units(r.amount)?;
        let e = by
            .entry(r.recipient.clone())
            .or_insert_with(|| (r.name.clone(), r.basis.weight, 0));
        e.2 = e.2.checked_add(units).ok_or_else(too_large)?;
    }
    Ok(Split {
        unit: al.unit,
        pot: al.unit.to_units(al.total())?,
        key: first.basis.key.clone(),
        total: first.basis.total_weight,
        by,
    })
}

impl Split {
    /// The weight of `who` and what it gets (zero when it is not in the key).
    fn weight_of(&self, who: &RecipientId) -> (Decimal, u128) {
        self.by
            .get(who)
            .map_or((Decimal::ZERO, 0), |(_, w, q)| (*w, *q))
    }
}

/// `weight / total` as a fraction of integers (both scaled to the same number of decimals).
fn ratio(w: Decimal, total: Decimal) -> Result<(i128, i128)> {
    let scale = w.scale().max(total.scale());
    let up = |d: Decimal| {
        10i128
            .checked_pow(scale - d.scale())
            .and_then(|f| d.mantissa().checked_mul(f))
            .ok_or_else(too_large)
    };
    Ok((up(w)?, up(total)?))
}

/// `n / d` rounded to a whole number, half away from zero (`d > 0`).
fn div_half_away(n: i128, d: i128) -> Result<i128> {
    if d <= 0 {
        return Err(too_large());
    }
    let (q, r) = (n / d, n % d);
    let twice = r.checked_abs().and_then(|r| r.checked_mul(2));
    let up = twice.ok_or_else(too_large)? >= d;
    Ok(if up { q + n.signum() } else { q })
}

fn mul(a: i128, b: i128) -> Result<i128> {
    a.checked_mul(b).ok_or_else(too_large)
}

fn int(u: u128) -> Result<i128> {
    i128::try_from(u).map_err(|_| too_large())
}

fn too_large() -> Error {
    templates::CHANGE_TOO_LARGE.error(Loc::root()).into_error()
}

/// An amount of `u` units.
fn sek(u: i128, unit: Unit) -> Result<Sek> {
    Decimal::try_from_i128_with_scale(u, unit.scale())
        .map(Sek)
        .map_err(|_| too_large())
}

/// The exact quota in kronor, `pot × w / total` (to 28 significant digits).
fn quota(pot: u128, w: Decimal, total: Decimal, unit: Unit) -> Decimal {
    let pot = Decimal::from_i128_with_scale(i128::try_from(pot).unwrap_or(0), unit.scale());
    match total.is_zero() {
        true => Decimal::ZERO,
        false => pot
            .checked_mul(w)
            .and_then(|x| x.checked_div(total))
            .unwrap_or(Decimal::ZERO),
    }
}

/// The share in per cent, to 4 decimals (half away from zero).
fn percent(w: Decimal, total: Decimal) -> Decimal {
    if total.is_zero() {
        return Decimal::ZERO;
    }
    (w * Decimal::ONE_HUNDRED / total)
        .round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero)
}

/// The sentence of a change.
fn explanation(c: &Change) -> Finding {
    templates::CHANGE_DECOMPOSED
        .info(Loc::root().join(c.recipient.as_str()))
        .with("recipient", &c.recipient)
        .with("name", &c.name)
        .with("a", c.a.amount)
        .with("b", c.b.amount)
        .with("diff", c.difference)
        .with("pot_a", c.a.pot)
        .with("pot_b", c.b.pot)
        .with("pot_effect", c.pot_effect)
        .with("share_a", percent(c.a.weight, c.a.total_weight))
        .with("share_b", percent(c.b.weight, c.b.total_weight))
        .with("share_effect", c.share_effect)
        .with("rounding", c.rounding)
        .with("key_a", &c.a.key)
        .with("key_b", &c.b.key)
        .with("key_a.sv", key_sv(&c.a.key))
        .with("key_b.sv", key_sv(&c.b.key))
}

/// A key in Swedish words (`befolkningen i regionerna den 1 november 2021`).
fn key_sv(desc: &str) -> String {
    crate::message::with_lang(Lang::Sv, || crate::view::words::key(desc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_away_from_zero() {
        let r = |n, d| div_half_away(n, d).unwrap();
        assert_eq!(
            (r(5, 2), r(-5, 2), r(4, 3), r(-4, 3), r(7, 1)),
            (3, -3, 1, -1, 7)
        );
        assert_eq!((r(0, 5), r(2, 4), r(-2, 4), r(1, 4)), (0, 1, -1, 0));
        assert!(div_half_away(1, 0).is_err());
    }

    #[test]
    fn decimal_weights_become_one_fraction() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(ratio(d("1.5"), d("10")).unwrap(), (15, 100));
        assert_eq!(ratio(d("3"), d("7.25")).unwrap(), (300, 725));
    }
}
