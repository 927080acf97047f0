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
    ///
    /// ```
    /// use vardavtal::{Agreement, AgreementKind, Status};
    /// let a = Agreement::new("demo-2024", "Demo 2024");
    /// assert_eq!((a.id.as_str(), a.title.as_str()), ("demo-2024", "Demo 2024"));
    /// assert_eq!((&a.kind, &a.status), (&AgreementKind::base(), &Status::Signed));
    /// assert!(a.years.is_empty() && a.amount.is_none() && a.components.is_empty());
    /// ```
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
    ///
    /// ```
    /// use vardavtal::{Agreement, AgreementKind};
    /// let a = Agreement::new("psykisk-halsa-tillagg-2022", "Tillägg psykisk hälsa 2022")
    ///     .with_kind(AgreementKind::supplementary("psykisk-halsa-2021-2022"));
    /// assert_eq!(a.kind.as_str(), "supplementary");
    /// ```
    pub fn with_kind(mut self, kind: AgreementKind) -> Self {
        self.kind = kind;
        self
    }
    /// Signed, pending or proposed.
    ///
    /// ```
    /// use vardavtal::{Agreement, AgreementKind, Status};
    /// let bill = Agreement::new("budget-2025", "Budgetproposition 2025")
    ///     .with_kind(AgreementKind::BudgetProposal {})
    ///     .with_status(Status::Proposed);
    /// assert_eq!(bill.status.as_str(), "proposed");
    /// ```
    pub fn with_status(mut self, status: Status) -> Self {
        self.status = status;
        self
    }
    /// The years the money is for.
    ///
    /// ```
    /// use vardavtal::Agreement;
    /// let a = Agreement::new("aldreomsorg", "Äldreomsorg 2020–2022").with_years(2020..=2022);
    /// assert_eq!(a.years, [2020, 2021, 2022]);
    /// assert!(a.usable_in(2021) && !a.usable_in(2023));
    /// ```
    pub fn with_years(mut self, years: impl IntoIterator<Item = i32>) -> Self {
        self.years = years.into_iter().collect();
        self
    }
    /// The total amount, stated exactly.
    ///
    /// ```
    /// use vardavtal::{Agreement, Figure, Sek};
    /// let a = Agreement::new("x", "X").with_amount(Sek::kronor(2_967_000_000));
    /// assert_eq!(a.amount, Some(Figure::exact(Sek::kronor(2_967_000_000))));
    /// assert!(a.to_json().contains(r#""value": "2967000000""#));
    /// ```
    pub fn with_amount(mut self, amount: Sek) -> Self {
        self.amount = Some(Figure::exact(amount));
        self
    }
    /// The total amount as a figure (with a precision, a qualifier or a source).
    ///
    /// ```
    /// use vardavtal::{Agreement, Figure, Sek};
    /// // "2 967 miljoner kronor": stated to the million.
    /// let stated = Figure { precision: Some(Sek::kronor(1_000_000)), ..Figure::exact(Sek::kronor(2_967_000_000)) };
    /// let a = Agreement::new("x", "X").with_figure(stated);
    /// assert_eq!(a.amount.and_then(|f| f.precision), Some(Sek::kronor(1_000_000)));
    /// ```
    pub fn with_figure(mut self, figure: Figure) -> Self {
        self.amount = Some(figure);
        self
    }
    /// One more component.
    ///
    /// ```
    /// use vardavtal::{Agreement, Component, Rule, Sek};
    /// let a = Agreement::new("x", "X")
    ///     .with_component(Component::new("block-1", "Block 1").with_rule(Rule::equal()))
    ///     .with_component(Component::new("skr", "SKR").with_amount(Sek::kronor(10_000_000)).with_rule(Rule::fixed("SKR")));
    /// let ids: Vec<&str> = a.components.iter().map(|c| c.id.as_str()).collect();
    /// assert_eq!(ids, ["block-1", "skr"]);
    /// ```
    pub fn with_component(mut self, component: Component) -> Self {
        self.components.push(component);
        self
    }
    /// One more tranche.
    ///
    /// ```
    /// use vardavtal::{Agreement, Component, Options, Rule, Sek, Tranche, allocate};
    /// let a = Agreement::new("x", "X")
    ///     .with_years([2024])
    ///     .with_component(Component::new("c", "C").with_amount(Sek::kronor(21_000_000)).with_rule(Rule::fixed("SKR")))
    ///     .with_tranche(Tranche::new("juni", "c").with_amount(Sek::kronor(7_000_000)).with_date("2024-06".parse()?))
    ///     .with_tranche(Tranche::new("december", "c").with_amount(Sek::kronor(14_000_000)).with_date("2024-12".parse()?));
    /// let by_date = allocate(&a, &Options::default())?.by_date();
    /// let paid: Vec<(&str, Sek)> = by_date.iter().map(|t| (t.key.as_str(), t.amount)).collect();
    /// assert_eq!(paid, [("2024-06", Sek::kronor(7_000_000)), ("2024-12", Sek::kronor(14_000_000))]);
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn with_tranche(mut self, tranche: Tranche) -> Self {
        self.tranches.push(tranche);
        self
    }
    /// One more recipient that is not a region, a municipality, SKR or the state.
    ///
    /// ```
    /// use vardavtal::{Agreement, Component, Options, Rule, Sek, allocate};
    /// let a = Agreement::new("x", "X")
    ///     .with_years([2024])
    ///     .with_recipient("ehalsomyndigheten", "E-hälsomyndigheten")
    ///     .with_component(Component::new("c", "C").with_amount(Sek::kronor(5_000_000)).with_rule(Rule::fixed("ehalsomyndigheten")));
    /// let alloc = allocate(&a, &Options::default())?;
    /// assert_eq!(alloc.rows()[0].name, "E-hälsomyndigheten");
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn with_recipient(mut self, id: impl Into<String>, name: impl Into<String>) -> Self {
        self.recipients.push(DeclaredRecipient {
            id: RecipientId::new(id.into()),
            name: name.into(),
            members: None,
        });
        self
    }
    /// The key of every component that names none.
    ///
    /// ```
    /// use vardavtal::{Agreement, Code, Component, Options, Rule, Sek, allocate};
    /// let a = Agreement::new("x", "X")
    ///     .with_years([2022])
    ///     .with_component(Component::new("c", "C").with_amount(Sek::kronor(443_000_000)).with_rule(Rule::per_capita()));
    /// // Without a key the default one is used, and said.
    /// assert_eq!(allocate(&a, &Options::default())?.notes[0].code, Code::DefaultKey);
    /// let a = a.with_key("population:regions:2021-11-01".parse()?);
    /// assert!(allocate(&a, &Options::default())?.notes.is_empty());
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn with_key(mut self, key: KeySpec) -> Self {
        self.key = Some(key);
        self
    }
    /// One more source, with the quote that states what is modelled.
    ///
    /// ```
    /// use vardavtal::Agreement;
    /// let a = Agreement::new("okad-tillganglighet-2022", "Ökad tillgänglighet 2022")
    ///     .with_source("003", "2 967 miljoner kronor");
    /// assert_eq!((a.sources[0].source.as_str(), a.sources[0].quote.as_str()), ("003", "2 967 miljoner kronor"));
    /// assert_eq!(a.sources[0].inferred, None);
    /// ```
    pub fn with_source(mut self, source: impl Into<String>, quote: impl Into<String>) -> Self {
        self.sources.push(SourceRef {
            source: source.into(),
            quote: quote.into(),
            inferred: None,
        });
        self
    }
    /// One more note.
    ///
    /// ```
    /// use vardavtal::Agreement;
    /// let a = Agreement::new("x", "X").with_note("No source states the key date.");
    /// assert_eq!(a.notes, ["No source states the key date."]);
    /// ```
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }
}

impl Component {
    /// A pot with an id and a name, with no recipients, amount or rule yet: a key-based rule
    /// then pays the recipients of its key (the regions by default); an equal split needs
    /// them named ([`Component::with_recipients`]).
    ///
    /// ```
    /// use vardavtal::{Component, ComponentKind};
    /// let c = Component::new("block-2", "Block 2: utvecklingsblocket");
    /// assert_eq!((c.id.as_str(), c.kind), ("block-2", ComponentKind::Block));
    /// assert!(c.recipients.is_none() && c.amount.is_none() && c.rule.is_none());
    /// ```
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
    ///
    /// ```
    /// use vardavtal::{Component, ComponentKind};
    /// let c = Component::new("omstallning", "Omställning").with_kind(ComponentKind::Earmark);
    /// assert_eq!(c.kind.as_str(), "earmark");
    /// ```
    pub fn with_kind(mut self, kind: ComponentKind) -> Self {
        self.kind = kind;
        self
    }
    /// The amount, stated exactly.
    ///
    /// ```
    /// use vardavtal::{Component, Figure, Sek};
    /// let c = Component::new("block-2", "Block 2").with_amount(Sek::kronor(443_000_000));
    /// assert_eq!(c.amount, Some(Figure::exact(Sek::kronor(443_000_000))));
    /// ```
    pub fn with_amount(mut self, amount: Sek) -> Self {
        self.amount = Some(Figure::exact(amount));
        self
    }
    /// The amount as a figure.
    ///
    /// ```
    /// use vardavtal::{Component, Figure, Sek, swedish::Qualifier};
    /// // "nära 3 miljarder kronor"
    /// let nearly = Figure {
    ///     precision: Some(Sek::kronor(1_000_000_000)),
    ///     qualifier: Some(Qualifier::Nearly),
    ///     ..Figure::exact(Sek::kronor(3_000_000_000))
    /// };
    /// let c = Component::new("c", "C").with_figure(nearly);
    /// assert_eq!(c.amount.and_then(|f| f.qualifier), Some(Qualifier::Nearly));
    /// ```
    pub fn with_figure(mut self, figure: Figure) -> Self {
        self.amount = Some(figure);
        self
    }
    /// Who may receive it (when unset, a key-based rule pays the recipients of its key and an
    /// equal split is refused with `rule_not_runnable`).
    ///
    /// ```
    /// use vardavtal::{Agreement, Component, Group, Options, Rule, Sek, allocate};
    /// // Equal parts to the 8 municipalities of Region Uppsala.
    /// let c = Component::new("c", "C")
    ///     .with_amount(Sek::kronor(8_000_000))
    ///     .with_recipients(Group::MunicipalitiesOf("03".into()))
    ///     .with_rule(Rule::equal());
    /// let alloc = allocate(&Agreement::new("x", "X").with_years([2024]).with_component(c), &Options::default())?;
    /// assert_eq!(alloc.len(), 8);
    /// assert!(alloc.rows().iter().all(|r| r.amount == Sek::kronor(1_000_000)));
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn with_recipients(mut self, group: Group) -> Self {
        self.recipients = Some(group);
        self
    }
    /// How it is split.
    ///
    /// ```
    /// use vardavtal::{Component, Rule};
    /// let c = Component::new("skr", "SKR").with_rule(Rule::fixed("SKR"));
    /// assert_eq!(c.rule.map(|r| r.as_str()), Some("fixed"));
    /// ```
    pub fn with_rule(mut self, rule: Rule) -> Self {
        self.rule = Some(rule);
        self
    }
    /// One more part of it.
    ///
    /// ```
    /// use vardavtal::{Agreement, Component, ComponentKind};
    /// let primary = Component::new("primarvard", "Primärvård")
    ///     .with_component(Component::new("omstallning", "Omställning").with_kind(ComponentKind::Earmark));
    /// let a = Agreement::new("x", "X").with_component(primary);
    /// assert_eq!(a.walk()[1].0.to_string(), "components[0].components[0]");
    /// assert_eq!(a.component("omstallning").map(|c| c.kind), Some(ComponentKind::Earmark));
    /// ```
    pub fn with_component(mut self, component: Component) -> Self {
        self.components.push(component);
        self
    }
    /// One more source, with its quote.
    ///
    /// ```
    /// use vardavtal::Component;
    /// let c = Component::new("block-2", "Block 2")
    ///     .with_source("003", "fördelas och betalas ut enligt befolkningsmängd");
    /// assert_eq!(c.sources[0].quote, "fördelas och betalas ut enligt befolkningsmängd");
    /// ```
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
    ///
    /// ```
    /// use vardavtal::Tranche;
    /// let t = Tranche::new("juni", "befolkning");
    /// assert_eq!((t.id.as_str(), t.component.as_str()), ("juni", "befolkning"));
    /// assert!(t.amount.is_none() && t.share.is_none() && t.date.is_none());
    /// ```
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
    ///
    /// ```
    /// use vardavtal::{Sek, Tranche};
    /// let t = Tranche::new("juni", "befolkning").with_amount(Sek::kronor(320_000_000));
    /// assert_eq!(t.amount.map(|f| f.value), Some(Sek::kronor(320_000_000)));
    /// ```
    pub fn with_amount(mut self, amount: Sek) -> Self {
        self.amount = Some(Figure::exact(amount));
        self
    }
    /// Its share of the component (a tranche has an amount or a share, not both).
    ///
    /// ```
    /// use vardavtal::{Agreement, Component, Options, Rule, Sek, Tranche, allocate};
    /// let a = Agreement::new("x", "X")
    ///     .with_years([2024])
    ///     .with_component(Component::new("c", "C").with_amount(Sek::kronor(420_000_000)).with_rule(Rule::fixed("SKR")))
    ///     .with_tranche(Tranche::new("vår", "c").with_share("0.25".parse()?))
    ///     .with_tranche(Tranche::new("höst", "c").with_share("0.75".parse()?));
    /// let alloc = allocate(&a, &Options::default())?;
    /// let spring: Sek = alloc.rows().iter().filter(|r| r.tranche.as_deref() == Some("vår")).map(|r| r.amount).sum();
    /// assert_eq!(spring, Sek::kronor(105_000_000));
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn with_share(mut self, share: Weight) -> Self {
        self.share = Some(share);
        self
    }
    /// When it is paid.
    ///
    /// ```
    /// use vardavtal::{Tranche, When};
    /// let t = Tranche::new("december", "prestation").with_date("2019-12".parse()?);
    /// assert_eq!(t.date.map(When::last_day).map(|d| d.to_string()), Some("2019-12-31".into()));
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn with_date(mut self, date: When) -> Self {
        self.date = Some(date);
        self
    }
}

impl Rule {
    /// Per invånare by the agreement's key (or the default population key).
    ///
    /// ```
    /// use vardavtal::{Agreement, Component, Options, Rule, Sek, allocate};
    /// let a = Agreement::new("x", "X")
    ///     .with_years([2022])
    ///     .with_component(Component::new("c", "C").with_amount(Sek::kronor(443_000_000)).with_rule(Rule::per_capita()));
    /// let alloc = allocate(&a, &Options::default())?;
    /// assert_eq!((alloc.len(), alloc.total()), (21, Sek::kronor(443_000_000)));
    /// assert!(alloc.notes[0].msg.contains("population:regions:2021-11-01")); // the default, said
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn per_capita() -> Rule {
        Rule::PerCapita { key: None }
    }
    /// Per invånare by `key`.
    ///
    /// ```
    /// use vardavtal::{Agreement, Component, Group, Options, Rule, Sek, allocate};
    /// let c = Component::new("c", "C")
    ///     .with_amount(Sek::kronor(290_000_000))
    ///     .with_recipients(Group::Municipalities)
    ///     .with_rule(Rule::per_capita_by("population:municipalities:2024-12-31".parse()?));
    /// let alloc = allocate(&Agreement::new("x", "X").with_years([2025]).with_component(c), &Options::default())?;
    /// assert_eq!((alloc.len(), alloc.total()), (290, Sek::kronor(290_000_000)));
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn per_capita_by(key: KeySpec) -> Rule {
        Rule::PerCapita { key: Some(key) }
    }
    /// By care need, by the bundled need index (or `key`).
    ///
    /// ```
    /// use vardavtal::{Agreement, Component, Options, Rule, Sek, allocate};
    /// let c = Component::new("c", "C").with_amount(Sek::kronor(1_000_000_000)).with_rule(Rule::by_need(None));
    /// let alloc = allocate(&Agreement::new("x", "X").with_years([2024]).with_component(c), &Options::default())?;
    /// assert_eq!((alloc.len(), alloc.total()), (21, Sek::kronor(1_000_000_000)));
    /// // The bundled 2024 care-need key of the regions is a rounded table, and the note says so.
    /// assert!(alloc.notes[0].msg.contains("split by the care-need key of 2024"));
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn by_need(key: Option<KeySpec>) -> Rule {
        Rule::ByNeed { key }
    }
    /// The whole amount to one recipient.
    ///
    /// ```
    /// use vardavtal::{Agreement, Component, Options, Rule, Sek, allocate};
    /// let c = Component::new("skr", "SKR").with_amount(Sek::kronor(10_000_000)).with_rule(Rule::fixed("SKR"));
    /// let alloc = allocate(&Agreement::new("x", "X").with_years([2019]).with_component(c), &Options::default())?;
    /// assert_eq!(alloc.len(), 1);
    /// assert_eq!(alloc.rows()[0].name, "Sveriges Kommuner och Regioner");
    /// assert_eq!(alloc.rows()[0].amount, Sek::kronor(10_000_000));
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn fixed(recipient: impl Into<String>) -> Rule {
        Rule::Fixed {
            recipient: RecipientId::new(recipient.into()),
        }
    }
    /// Equal parts.
    ///
    /// ```
    /// use vardavtal::{Agreement, Component, Group, Options, Rule, Sek, allocate};
    /// // An equal split needs its recipients named.
    /// let c = Component::new("c", "C")
    ///     .with_amount(Sek::kronor(21_000_000))
    ///     .with_recipients(Group::Regions)
    ///     .with_rule(Rule::equal());
    /// let alloc = allocate(&Agreement::new("x", "X").with_years([2025]).with_component(c), &Options::default())?;
    /// assert_eq!(alloc.amounts(), vec![Sek::kronor(1_000_000); 21]);
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn equal() -> Rule {
        Rule::Equal {}
    }
    /// A rule the sources do not publish: what it would need, in English and Swedish.
    ///
    /// ```
    /// use vardavtal::{Agreement, Code, Component, Options, Rule, Sek, allocate};
    /// let rule = Rule::unpublished("the annex with the per-region distribution", Some("bilagan med fördelningen per region".into()));
    /// let c = Component::new("c", "C").with_amount(Sek::kronor(100_000_000)).with_rule(rule);
    /// let alloc = allocate(&Agreement::new("x", "X").with_years([2022]).with_component(c), &Options::default())?;
    /// assert!(alloc.is_empty()); // nothing is invented
    /// assert_eq!(alloc.notes[0].code, Code::NotAllocated);
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn unpublished(needs: impl Into<String>, needs_sv: Option<String>) -> Rule {
        Rule::Unpublished {
            needs: needs.into(),
            needs_sv,
        }
    }

    /// `each` to every recipient, the rest by `key` (or the default population key).
    ///
    /// ```
    /// use vardavtal::{Agreement, Component, Options, Rule, Sek, allocate};
    /// // 10 miljoner kronor to each region, the rest by population.
    /// let rule = Rule::fixed_plus_key(Sek::kronor(10_000_000), Some("population:regions:2023-11-01".parse()?));
    /// let c = Component::new("c", "C").with_amount(Sek::kronor(1_000_000_000)).with_rule(rule);
    /// let alloc = allocate(&Agreement::new("x", "X").with_years([2024]).with_component(c), &Options::default())?;
    /// let totals = alloc.by_recipient();
    /// assert_eq!(totals.len(), 21);
    /// assert!(totals.iter().all(|t| t.amount > Sek::kronor(10_000_000)));
    /// assert_eq!(alloc.total(), Sek::kronor(1_000_000_000));
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn fixed_plus_key(each: Sek, key: Option<KeySpec>) -> Rule {
        Rule::FixedPlusKey { each, key }
    }
}

impl AgreementKind {
    /// A base agreement.
    ///
    /// ```
    /// use vardavtal::{Agreement, AgreementKind};
    /// assert_eq!(Agreement::new("x", "X").kind, AgreementKind::base());
    /// assert_eq!(AgreementKind::base().as_str(), "base");
    /// ```
    pub fn base() -> AgreementKind {
        AgreementKind::Base {}
    }
    /// A supplementary agreement to `base`.
    ///
    /// ```
    /// use vardavtal::AgreementKind;
    /// let a = vardavtal::input::agreement("psykisk-halsa-tillagg-2022")?;
    /// assert_eq!(a.kind, AgreementKind::supplementary("psykisk-halsa-2021-2022"));
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn supplementary(base: impl Into<String>) -> AgreementKind {
        AgreementKind::Supplementary { base: base.into() }
    }
    /// A sector grant (a government decision, not an agreement with SKR).
    ///
    /// ```
    /// use vardavtal::AgreementKind;
    /// let a = vardavtal::input::agreement("sektorsbidrag-2024")?;
    /// assert_eq!(a.kind, AgreementKind::sector_grant());
    /// assert_eq!(a.kind.as_str(), "sector_grant");
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
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
