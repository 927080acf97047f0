//! A change as the skins ask for it: two agreements (or one under two keys), or two pots
//! split by keys, with the defaults every skin shares (B is A unless told otherwise), read
//! into the two allocations that [`change`](super::change) decomposes.

use crate::agreement::Agreement;
use crate::allocation::{Allocation, Options, allocate, allocate_component, split};
use crate::finding::{Error, Loc, Result};
use crate::key::Key;
use crate::message::templates::allocate as templates;
use crate::money::{Sek, Unit};
use crate::recipient::RecipientId;

use super::change::{Change, change};

/// What to compare for one recipient: the arguments of `vardavtal change`,
/// `vardavtal.change` and the JS `change`.
///
/// Either an `agreement` (its allocatable money, or one `component`'s) under its own key or
/// `key_a`, against `against` (default: the same agreement) under `key_b` (default:
/// `key_a`); or, without an agreement, `pot_a` split by `key_a` against `pot_b` (default:
/// `pot_a`) split by `key_b` (default: `key_a`).
///
/// ```
/// use vardavtal::{across::ChangeQuery, catalog::catalog, input, RecipientId, Sek};
/// let q = ChangeQuery::new()
///     .with_agreement(catalog().find_agreement("okad-tillganglighet-2022")?.clone())
///     .with_component("block-2".to_string())
///     .with_key_a(input::key("population:regions:2021-11-01")?)
///     .with_key_b(input::key("population:regions:2023-11-01")?);
/// let c = q.run(&RecipientId::new("12"))?;
/// assert_eq!(c.pot_effect, Sek::ZERO); // the same pot, another key date
/// assert_eq!(c.share_effect + c.rounding, c.difference);
/// # Ok::<(), vardavtal::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct ChangeQuery {
    /// The agreement of A.
    pub agreement: Option<Agreement>,
    /// The agreement of B (default: as A).
    pub against: Option<Agreement>,
    /// Only this component of the agreement(s).
    pub component: Option<String>,
    /// The key of A (default: the agreement's own).
    pub key_a: Option<Key>,
    /// The key of B (default: as A).
    pub key_b: Option<Key>,
    /// Without an agreement: the pot of A, split by `key_a`.
    pub pot_a: Option<Sek>,
    /// Without an agreement: the pot of B (default: as A).
    pub pot_b: Option<Sek>,
    /// The rounding unit of both splits.
    pub unit: Unit,
}

impl ChangeQuery {
    /// A query with nothing set yet (whole kronor); set A and B with the `with_*` setters.
    pub fn new() -> ChangeQuery {
        ChangeQuery::default()
    }

    /// The agreement of A. `None` unsets it.
    pub fn with_agreement(mut self, agreement: impl Into<Option<Agreement>>) -> Self {
        self.agreement = agreement.into();
        self
    }

    /// The agreement of B (default: as A). `None` unsets it.
    pub fn with_against(mut self, against: impl Into<Option<Agreement>>) -> Self {
        self.against = against.into();
        self
    }

    /// Only this component of the agreement(s). `None` unsets it.
    pub fn with_component(mut self, component: impl Into<Option<String>>) -> Self {
        self.component = component.into();
        self
    }

    /// The key of A (default: the agreement's own). `None` unsets it.
    pub fn with_key_a(mut self, key_a: impl Into<Option<Key>>) -> Self {
        self.key_a = key_a.into();
        self
    }

    /// The key of B (default: as A). `None` unsets it.
    pub fn with_key_b(mut self, key_b: impl Into<Option<Key>>) -> Self {
        self.key_b = key_b.into();
        self
    }

    /// Without an agreement: the pot of A, split by `key_a`. `None` unsets it.
    pub fn with_pot_a(mut self, pot_a: impl Into<Option<Sek>>) -> Self {
        self.pot_a = pot_a.into();
        self
    }

    /// Without an agreement: the pot of B (default: as A). `None` unsets it.
    pub fn with_pot_b(mut self, pot_b: impl Into<Option<Sek>>) -> Self {
        self.pot_b = pot_b.into();
        self
    }

    /// The rounding unit of both splits.
    pub fn with_unit(mut self, unit: Unit) -> Self {
        self.unit = unit;
        self
    }

    /// The change of `who` from A to B, decomposed (see [`change`](super::change)).
    ///
    /// # Errors
    /// `invalid_value` (`change_nothing_to_compare`) without an agreement or a pot and key
    /// of A, or (`change_arguments_conflict`) with both, or with B's agreement or a
    /// component but no agreement; then every error of allocating the agreements (or
    /// splitting the pots) and of [`change`](super::change).
    pub fn run(&self, who: &RecipientId) -> Result<Change> {
        let (a, b) = self.allocations()?;
        change(&a, &b, who)
    }

    /// The two allocations compared: A and B.
    ///
    /// # Errors
    /// As [`ChangeQuery::run`], but for the decomposition.
    pub fn allocations(&self) -> Result<(Allocation, Allocation)> {
        let key_b = self.key_b.as_ref().or(self.key_a.as_ref());
        match (&self.agreement, self.pot_a, &self.key_a) {
            (Some(_), Some(_), _) => Err(self.conflict("pot_a")),
            (Some(a), None, key_a) => {
                if self.pot_b.is_some() {
                    return Err(self.conflict("pot_b"));
                }
                let b = self.against.as_ref().unwrap_or(a);
                Ok((
                    self.run_one(a, key_a.clone())?,
                    self.run_one(b, key_b.cloned())?,
                ))
            }
            (None, Some(pot_a), Some(key_a)) => {
                if self.against.is_some() || self.component.is_some() {
                    let field = if self.against.is_some() {
                        "against"
                    } else {
                        "component"
                    };
                    return Err(self.conflict(field));
                }
                let pot_b = self.pot_b.unwrap_or(pot_a);
                let key_b = key_b.unwrap_or(key_a);
                Ok((
                    split(pot_a, key_a, None, self.unit)?,
                    split(pot_b, key_b, None, self.unit)?,
                ))
            }
            (None, _, _) => Err(templates::CHANGE_NOTHING_TO_COMPARE
                .error(Loc::root())
                .into_error()),
        }
    }

    fn run_one(&self, a: &Agreement, key: Option<Key>) -> Result<Allocation> {
        let opts = Options::new().with_unit(self.unit).with_key(key);
        match &self.component {
            Some(c) => allocate_component(a, c, &opts),
            None => allocate(a, &opts),
        }
    }

    fn conflict(&self, field: &str) -> Error {
        templates::CHANGE_ARGUMENTS_CONFLICT
            .error(Loc::root().join(field))
            .with("field", field)
            .into_error()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Code;
    use crate::input;

    fn code(r: Result<Change>) -> Code {
        r.expect_err("an error").code()
    }

    #[test]
    fn pots_default_to_a_and_sum_exactly() {
        let q = ChangeQuery {
            pot_a: Some(Sek::kronor(443_000_000)),
            pot_b: Some(Sek::kronor(500_000_000)),
            key_a: Some(input::key("population:regions:2021-11-01").unwrap()),
            ..ChangeQuery::default()
        };
        let c = q.run(&RecipientId::new("12")).unwrap();
        assert_eq!(c.a.key, c.b.key, "key B defaults to key A");
        assert_eq!(c.share_effect, Sek::ZERO);
        assert_eq!(
            c.pot_effect.0 + c.share_effect.0 + c.rounding.0,
            c.difference.0
        );
        assert_eq!(c.difference.0, c.b.amount.0 - c.a.amount.0);
    }

    #[test]
    fn nothing_or_both_is_refused() {
        assert_eq!(
            code(ChangeQuery::default().run(&RecipientId::new("12"))),
            Code::InvalidValue
        );
        let both = ChangeQuery {
            agreement: Some(input::agreement("okad-tillganglighet-2022").unwrap()),
            pot_a: Some(Sek::kronor(1)),
            key_a: Some(input::key("population:regions:2021-11-01").unwrap()),
            ..ChangeQuery::default()
        };
        let e = both.run(&RecipientId::new("12")).unwrap_err();
        assert_eq!(e.findings()[0].loc.to_string(), "pot_a");
        assert_eq!(e.findings()[0].ctx["field"], "pot_a");
    }
}
