//! Building agreements in code: `new` and chained `with_*` setters for agreements,
//! components and tranches, and constructors for rules and agreement kinds, so that an
//! agreement written in Rust reads as its JSON file does and names only what it states.
//!
//! What is built is checked where every agreement is: by [`validate`](crate::validate)
//! and, again, by [`allocate`](crate::allocate) (the same codes at the same locations).
//!
//! ```
//! use vardavtal::{Agreement, Component, Options, Rule, Sek, Tranche, allocate};
//! let a = Agreement::new("demo-2024", "Demo 2024")
//!     .with_years([2024])
//!     .with_amount(Sek::kronor(100_000_000))
//!     .with_component(
//!         Component::new("by-population", "Per invånare")
//!             .with_amount(Sek::kronor(100_000_000))
//!             .with_rule(Rule::per_capita_by("population:regions:2023-11-01".parse()?)),
//!     )
//!     .with_tranche(Tranche::new("june", "by-population").with_share("0.5".parse()?))
//!     .with_tranche(Tranche::new("december", "by-population").with_share("0.5".parse()?));
//! let alloc = allocate(&a, &Options::default())?;
//! assert_eq!(alloc.total(), Sek::kronor(100_000_000));
//! # Ok::<(), vardavtal::Error>(())
//! ```

use crate::agreement::{
    Agreement, AgreementKind, Component, ComponentKind, Figure, SourceRef, Status, Tranche, When,
};
use crate::key::{KeySpec, Weight};
use crate::money::Sek;
use crate::recipient::{DeclaredRecipient, Group, RecipientId};
use crate::rule::Rule;

impl Agreement {
    /// A signed base agreement with an id and a title, and nothing else yet.
    pub fn new(id: impl Into<String>, title: impl Into<String>) -> Agreement {
        Agreement {
            id: id.into(),
            title: title.into(),
            title_en: None,
            kind: AgreementKind::base(),
            parties: Vec::new(),
            decided: Vec::new(),
            status: Status::default(),
            years: Vec::new(),
            amount: None,
            other_figures: Vec::new(),
            funding: Vec::new(),
            components: Vec::new(),
            conditions: Vec::new(),
            carry_over: None,
            tranches: Vec::new(),
            frames: Vec::new(),
            recipients: Vec::new(),
            key: None,
            sources: Vec::new(),
            notes: Vec::new(),
        }
    }
    /// The kind (base, supplementary, sector grant, …).
    pub fn with_kind(mut self, kind: AgreementKind) -> Self {
        self.kind = kind;
        self
    }
    /// Signed, pending or proposed.
    pub fn with_status(mut self, status: Status) -> Self {
        self.status = status;
        self
    }
    /// The years the money is for.
    pub fn with_years(mut self, years: impl IntoIterator<Item = i32>) -> Self {
        self.years = years.into_iter().collect();
        self
    }
    /// The total amount, stated exactly.
    pub fn with_amount(mut self, amount: Sek) -> Self {
        self.amount = Some(Figure::exact(amount));
        self
    }
    /// The total amount as a figure (with a precision, a qualifier or a source).
    pub fn with_figure(mut self, figure: Figure) -> Self {
        self.amount = Some(figure);
        self
    }
    /// One more component.
    pub fn with_component(mut self, component: Component) -> Self {
        self.components.push(component);
        self
    }
    /// One more tranche.
    pub fn with_tranche(mut self, tranche: Tranche) -> Self {
        self.tranches.push(tranche);
        self
    }
    /// One more recipient that is not a region, a municipality, SKR or the state.
    pub fn with_recipient(mut self, id: impl Into<String>, name: impl Into<String>) -> Self {
        self.recipients.push(DeclaredRecipient {
            id: RecipientId::new(id.into()),
            name: name.into(),
            members: None,
        });
        self
    }
    /// The key of every component that names none.
    pub fn with_key(mut self, key: KeySpec) -> Self {
        self.key = Some(key);
        self
    }
    /// One more source, with the quote that states what is modelled.
    pub fn with_source(mut self, source: impl Into<String>, quote: impl Into<String>) -> Self {
        self.sources.push(SourceRef {
            source: source.into(),
            quote: quote.into(),
            inferred: None,
        });
        self
    }
    /// One more note.
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }
}

impl Component {
    /// A pot with an id and a name, split among the regions, with no amount or rule yet.
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> Component {
        Component {
            id: id.into(),
            name: name.into(),
            kind: ComponentKind::default(),
            amount: None,
            other_figures: Vec::new(),
            recipients: None,
            rule: None,
            components: Vec::new(),
            sources: Vec::new(),
            notes: Vec::new(),
        }
    }
    /// What kind of money it is.
    pub fn with_kind(mut self, kind: ComponentKind) -> Self {
        self.kind = kind;
        self
    }
    /// The amount, stated exactly.
    pub fn with_amount(mut self, amount: Sek) -> Self {
        self.amount = Some(Figure::exact(amount));
        self
    }
    /// The amount as a figure.
    pub fn with_figure(mut self, figure: Figure) -> Self {
        self.amount = Some(figure);
        self
    }
    /// Who may receive it (default: the regions).
    pub fn with_recipients(mut self, group: Group) -> Self {
        self.recipients = Some(group);
        self
    }
    /// How it is split.
    pub fn with_rule(mut self, rule: Rule) -> Self {
        self.rule = Some(rule);
        self
    }
    /// One more part of it.
    pub fn with_component(mut self, component: Component) -> Self {
        self.components.push(component);
        self
    }
    /// One more source, with its quote.
    pub fn with_source(mut self, source: impl Into<String>, quote: impl Into<String>) -> Self {
        self.sources.push(SourceRef {
            source: source.into(),
            quote: quote.into(),
            inferred: None,
        });
        self
    }
}

impl Tranche {
    /// A payment of component `component`, with no amount, share or date yet.
    pub fn new(id: impl Into<String>, component: impl Into<String>) -> Tranche {
        Tranche {
            id: id.into(),
            date: None,
            component: component.into(),
            amount: None,
            share: None,
        }
    }
    /// Its amount, stated exactly (a tranche has an amount or a share, not both).
    pub fn with_amount(mut self, amount: Sek) -> Self {
        self.amount = Some(Figure::exact(amount));
        self
    }
    /// Its share of the component (a tranche has an amount or a share, not both).
    pub fn with_share(mut self, share: Weight) -> Self {
        self.share = Some(share);
        self
    }
    /// When it is paid.
    pub fn with_date(mut self, date: When) -> Self {
        self.date = Some(date);
        self
    }
}

impl Rule {
    /// Per invånare by the agreement's key (or the default population key).
    pub fn per_capita() -> Rule {
        Rule::PerCapita { key: None }
    }
    /// Per invånare by `key`.
    pub fn per_capita_by(key: KeySpec) -> Rule {
        Rule::PerCapita { key: Some(key) }
    }
    /// By care need, by the bundled need index (or `key`).
    pub fn by_need(key: Option<KeySpec>) -> Rule {
        Rule::ByNeed { key }
    }
    /// The whole amount to one recipient.
    pub fn fixed(recipient: impl Into<String>) -> Rule {
        Rule::Fixed {
            recipient: RecipientId::new(recipient.into()),
        }
    }
    /// Equal parts.
    pub fn equal() -> Rule {
        Rule::Equal {}
    }
    /// A rule the sources do not publish: what it would need, in English and Swedish.
    pub fn unpublished(needs: impl Into<String>, needs_sv: Option<String>) -> Rule {
        Rule::Unpublished {
            needs: needs.into(),
            needs_sv,
        }
    }

    /// `each` to every recipient, the rest by `key` (or the default population key).
    pub fn fixed_plus_key(each: Sek, key: Option<KeySpec>) -> Rule {
        Rule::FixedPlusKey { each, key }
    }
}

impl AgreementKind {
    /// A base agreement.
    pub fn base() -> AgreementKind {
        AgreementKind::Base {}
    }
    /// A supplementary agreement to `base`.
    pub fn supplementary(base: impl Into<String>) -> AgreementKind {
        AgreementKind::Supplementary { base: base.into() }
    }
    /// A sector grant (a government decision, not an agreement with SKR).
    pub fn sector_grant() -> AgreementKind {
        AgreementKind::SectorGrant {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_is_what_the_json_says() -> crate::Result<()> {
        let json = r#"{"id":"x","title":"X","kind":{"type":"base"},"years":[2024],
            "amount":"10","components":[{"id":"c","name":"C","amount":"10",
            "rule":{"type":"equal"}}]}"#;
        let built = Agreement::new("x", "X")
            .with_years([2024])
            .with_amount(Sek::kronor(10))
            .with_component(
                Component::new("c", "C")
                    .with_amount(Sek::kronor(10))
                    .with_rule(Rule::equal()),
            );
        assert_eq!(built, Agreement::from_json(json)?);
        Ok(())
    }
}
