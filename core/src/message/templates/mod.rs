//! Every message template, by the part of vardavtal that reports it: one file per folder
//! of `core/src` ([`allocate`], [`input`] for `model/` and `input/`, [`validate`] for
//! `validate/` and `catalog/`, [`reconcile`] for `reconcile/`, `money/` and `view/`), and
//! the general ones here. [`all`] lists them all, for the test that every code has a
//! template in both languages.

pub mod allocate;
pub mod input;
pub mod reconcile;
pub mod validate;

/// Declares templates: `NAME = "id", Code { en: "…", sv: "…" }`, each a `pub static`
/// [`Template`](super::Template), and `ALL`, the list of them.
macro_rules! templates {
    ($( $(#[$doc:meta])* $name:ident = $id:literal, $code:ident { en: $en:literal, sv: $sv:literal $(,)? } )*) => {
        $(
            $(#[$doc])*
            pub static $name: $crate::message::Template = $crate::message::Template {
                code: $crate::finding::Code::$code,
                id: $id,
                en: $en,
                sv: $sv,
            };
        )*
        /// Every template of this file.
        pub(super) const ALL: &[&$crate::message::Template] = &[$(&$name),*];
    };
}
pub(crate) use templates;

mod general {
    super::templates! {
        /// The last finding of an error that kept only the first of very many.
        MORE_PROBLEMS = "more_problems", InvalidValue {
            en: "… and {more} more problems, not listed",
            sv: "… och {more} problem till, som inte listas",
        }
        /// An amount with digits finer than the rounding unit.
        AMOUNT_FINER_THAN_UNIT = "amount_finer_than_unit", AmountFinerThanUnit {
            en: "{amount:kr} has digits finer than the rounding unit ({unit})",
            sv: "{amount:kr} har siffror finare än avrundningsenheten ({unit})",
        }
    }
}
pub use general::*;

/// Every template, of every file.
///
/// ```
/// use std::collections::BTreeSet;
/// use vardavtal::message::templates;
/// let ids: BTreeSet<&str> = templates::all().map(|t| t.id).collect();
/// assert_eq!(ids.len(), templates::all().count()); // ids are unique
/// assert!(ids.contains("amount_finer_than_unit"));
/// ```
pub fn all() -> impl Iterator<Item = &'static super::Template> {
    [
        general::ALL,
        allocate::ALL,
        input::ALL,
        reconcile::ALL,
        validate::ALL,
    ]
    .into_iter()
    .flatten()
    .copied()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use crate::finding::Code;

    /// The places (`{name}`, `{name:form}`) of a text.
    fn places(text: &str) -> BTreeSet<&str> {
        text.split('{')
            .skip(1)
            .filter_map(|s| s.split_once('}').map(|(p, _)| p))
            .collect()
    }

    #[test]
    fn ids_are_unique_and_both_languages_name_the_same_places() {
        let mut ids = BTreeSet::new();
        for t in super::all() {
            assert!(ids.insert(t.id), "two templates named {}", t.id);
            assert_eq!(places(t.en), places(t.sv), "{}: the places differ", t.id);
            assert_ne!(t.en, t.sv, "{}: the Swedish text is the English one", t.id);
        }
    }

    /// Words that are English and not Swedish: none may be in a Swedish text.
    const ENGLISH: &[&str] = &[
        " the ", " of ", " is ", " are ", " has ", " have ", " not ", " and ", " with ", " which ",
        " to ", " from ", " but ", " only ", " must ", " was ",
    ];

    #[test]
    fn no_english_in_swedish_texts() {
        for t in super::all() {
            let sv = format!(" {} ", t.sv.replace(['(', ')', ',', ':', ';'], " "));
            for w in ENGLISH {
                assert!(!sv.contains(w), "{}: {w:?} in {:?}", t.id, t.sv);
            }
        }
    }

    #[test]
    fn every_code_has_a_template() {
        let covered: BTreeSet<Code> = super::all().map(|t| t.code).collect();
        let missing: Vec<&str> = Code::ALL
            .iter()
            .filter(|c| !covered.contains(c))
            .map(|c| c.as_str())
            .collect();
        assert!(missing.is_empty(), "codes with no template: {missing:?}");
    }
}
