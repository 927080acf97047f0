//! The table of every result: allocation and pivot, comparison, findings, key, catalog
//! list, report, reconciliation, source, and the bundled reference data.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::{Cell, Column, Kind, Table, View, render, words};
use crate::agreement::Agreement;
use crate::catalog::Source;
use crate::finding::{Finding, tally_in};
use crate::money::Sek;
use crate::recipient::RecipientId;
use crate::reconcile::Reconciliation;
use crate::reference::{self, Level};
use crate::report::{AgreementReport, Citation, Report, component_lines};
use crate::swedish::format_kr;
use crate::{Allocation, Comparison, Key, Pivot, Pot, Total};

fn text(s: &str) -> Cell {
    Cell::Text(s.to_owned())
}

fn code_name() -> Vec<Column> {
    vec![
        Column::new("code", Kind::Text),
        Column::new("name", Kind::Text),
    ]
}

/// `agreement/component/tranche (date): 443 000 000 kr by per_capita (key)`.
fn pot_line(p: &Pot) -> String {
    let mut s = format!("{}/{}", p.agreement, p.component);
    if let Some(t) = &p.tranche {
        s.push_str(&format!("/{t}"));
    }
    if let Some(d) = p.date {
        s.push_str(&format!(" ({})", words::when(d)));
    }
    s.push_str(&words::pot_how(&format_kr(p.amount.value()), &p.rule));
    if let Some(k) = &p.key {
        s.push_str(&format!(" ({})", words::key(k)));
    }
    s
}

impl View for Pivot {
    /// One row per recipient, one column per pot (and a total column when there is more
    /// than one), a total line.
    fn table(&self) -> Table {
        let many = self.columns.len() > 1;
        let mut columns = code_name();
        // A pot's header is its id for records and CSV too; the same header twice (two
        // agreements with a component of the same name) gets its position.
        let headers: Vec<String> = self.columns.iter().map(|c| c.header()).collect();
        for (i, h) in headers.iter().enumerate() {
            let id = match headers.iter().take(i).any(|o| o == h) {
                true => format!("{h} ({i})"),
                false => h.clone(),
            };
            columns.push(Column::titled(&id, h, Kind::Amount));
        }
        if many {
            columns.push(Column::new("total", Kind::Amount));
        }
        let mut t = Table::new(
            words::pivot_title(&format_kr(self.total.value()), self.rows.len()),
            columns,
        );
        for r in &self.rows {
            let mut row = vec![text(r.recipient.as_str()), text(&r.name)];
            row.extend(r.amounts.iter().copied().map(Cell::Amount));
            if many {
                row.push(Cell::Amount(r.total));
            }
            t.rows.push(row);
        }
        let mut tot = vec![Cell::Empty, text(words::total())];
        tot.extend(self.totals.iter().copied().map(Cell::Amount));
        if many {
            tot.push(Cell::Amount(self.total));
        }
        t.footer.push(tot);
        t
    }
}

impl View for Allocation {
    /// The pivot (recipients × pots) with what each pot is and what was not allocated.
    fn table(&self) -> Table {
        let p = self.pivot();
        let mut t = p.table();
        t.title = words::allocation_title(
            &format_kr(self.total().value()),
            p.rows.len(),
            self.len(),
            self.unit.as_str(),
        );
        t.notes.extend(self.pots.iter().map(pot_line));
        t.notes.extend(self.notes.iter().map(note_line));
        t
    }
    /// One line per amount ([`Allocation::rows_table`]); for a split with a fixed part
    /// each, one line per recipient with the parts as columns ([`Allocation::parts_table`]).
    fn csv_table(&self) -> Table {
        match self.pots.as_slice() {
            [p] if p.rule == "fixed_plus_key" => self.parts_table(),
            _ => self.rows_table(),
        }
    }
    /// The pivot, every amount, the pots and the notes.
    fn sheets(&self) -> Vec<Table> {
        let mut notes = self.notes.as_slice().table();
        notes.title = words::notes_sheet(&notes.title);
        let mut rows = self.rows_table();
        rows.title = words::rows_sheet(&rows.title);
        vec![self.table(), rows, self.pots_table(), notes]
    }
}

impl Allocation {
    /// One row per recipient, in code order, with one column per part of its money (`each`,
    /// `share`, …, in the order they first appear) and the total: `code`, `name`, the parts,
    /// `amount`.
    ///
    /// ```
    /// use vardavtal::view::View;
    /// let key = vardavtal::input::key("population:regions:2021-11-01")?;
    /// let a = vardavtal::split("2100000000".parse()?, &key, Some("50000000".parse()?), vardavtal::Unit::Krona)?;
    /// let csv = a.csv();
    /// assert_eq!(csv.lines().next(), Some("code,name,each,share,amount"));
    /// assert_eq!(csv.lines().count(), 22);
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn parts_table(&self) -> Table {
        let mut parts: Vec<crate::Part> = Vec::new();
        let mut by: BTreeMap<&str, (&str, BTreeMap<crate::Part, Sek>)> = BTreeMap::new();
        for r in self.rows() {
            if !parts.contains(&r.part) {
                parts.push(r.part);
            }
            let e = by
                .entry(r.recipient.as_str())
                .or_insert((&r.name, BTreeMap::new()));
            let x = e.1.entry(r.part).or_insert(Sek::ZERO);
            *x = x.checked_add(r.amount).unwrap_or(*x);
        }
        let mut columns = vec![
            Column::new("code", Kind::Text),
            Column::new("name", Kind::Text),
        ];
        columns.extend(parts.iter().map(|p| Column::new(p.as_str(), Kind::Amount)));
        columns.push(Column::new("amount", Kind::Amount));
        let mut t = Table::new(
            words::parts_title(&format_kr(self.total().value())),
            columns,
        );
        for (code, (name, amounts)) in by {
            let mut row = vec![text(code), text(name)];
            row.extend(
                parts
                    .iter()
                    .map(|p| Cell::Amount(amounts.get(p).copied().unwrap_or(Sek::ZERO))),
            );
            let total = amounts
                .values()
                .fold(Sek::ZERO, |a, x| a.checked_add(*x).unwrap_or(a));
            row.push(Cell::Amount(total));
            t.rows.push(row);
        }
        t
    }
}

/// Totals (by recipient, component or date) as a table: `key_column`, `name`, `amount`.
pub fn totals(title: &str, key_column: &str, totals: &[Total]) -> Table {
    let mut columns = vec![
        Column::new(key_column, Kind::Text),
        Column::new("name", Kind::Text),
    ];
    columns.push(Column::new("amount", Kind::Amount));
    let mut t = Table::new(title, columns);
    for x in totals {
        t.rows
            .push(vec![text(&x.key), text(&x.name), Cell::Amount(x.amount)]);
    }
    t
}

impl std::fmt::Display for crate::Row {
    /// `demo/b2/t1: 03 Region Uppsala share 16 720 152 kr`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.agreement, self.component)?;
        if let Some(t) = &self.tranche {
            write!(f, "/{t}")?;
        }
        let amount = format_kr(self.amount.value());
        write!(
            f,
            ": {} {} {} {amount}",
            self.recipient,
            self.name,
            words::name("part", self.part.as_str())
        )
    }
}

impl View for Comparison {
    /// One row per recipient: A, B and B − A, with the total difference.
    fn table(&self) -> Table {
        let mut columns = code_name();
        columns.push(Column::titled("a", "A", Kind::Amount));
        columns.push(Column::titled("b", "B", Kind::Amount));
        columns.push(Column::titled("diff", "B − A", Kind::Amount));
        let mut t = Table::new(words::comparison_title(self.rows.len()), columns);
        for r in &self.rows {
            t.rows.push(vec![
                text(&r.recipient),
                text(&r.name),
                Cell::Amount(r.a),
                Cell::Amount(r.b),
                Cell::Amount(r.diff),
            ]);
        }
        t.footer.push(vec![
            Cell::Empty,
            text(words::total_difference()),
            Cell::Empty,
            Cell::Empty,
            Cell::Amount(self.total_diff()),
        ]);
        t
    }
}

impl View for [Finding] {
    /// One row per finding: code, severity, location, message.
    fn table(&self) -> Table {
        let columns = ["code", "severity", "loc", "msg"].map(|c| Column::new(c, Kind::Text));
        let tally = tally_in(self, crate::message::Lang::current());
        let mut t = Table::new(words::findings_title(&tally), columns.to_vec());
        for f in self {
            t.rows.push(vec![
                text(f.code.as_str()),
                text(f.severity.as_str()),
                Cell::Text(f.loc.to_string()),
                text(&f.message(crate::message::Lang::current())),
            ]);
        }
        t
    }
    /// The text: it is short enough to show whole.
    fn preview(&self) -> String {
        self.text()
    }
    /// One line per finding (`warning[code] at loc: message`) and the tally.
    fn text_unescaped(&self) -> String {
        let mut s: String = self.iter().map(|f| format!("{f}\n")).collect();
        s.push_str(&tally_in(self, crate::message::Lang::current()));
        s.push('\n');
        s
    }
}

impl View for Vec<Finding> {
    fn table(&self) -> Table {
        self.as_slice().table()
    }
    fn text_unescaped(&self) -> String {
        self.as_slice().text()
    }
    fn preview(&self) -> String {
        self.as_slice().text()
    }
}

impl View for Key {
    /// One row per recipient with its weight; the total weight; where the figures come from.
    fn table(&self) -> Table {
        let mut columns = code_name();
        columns.push(Column::new("weight", Kind::Decimal));
        let mut t = Table::new(words::key_title(self.description(), self.len()), columns);
        for (id, w) in self.iter() {
            t.rows.push(vec![
                text(id.as_str()),
                Cell::opt_text(id.name()),
                Cell::Decimal(w),
            ]);
        }
        t.footer.push(vec![
            Cell::Empty,
            text(words::total()),
            Cell::Decimal(self.total()),
        ]);
        t.notes.extend(self.sources().iter().map(|s| {
            let what = reference::data_source(s).unwrap_or("");
            words::key_source(s, what)
        }));
        t
    }
}

impl View for Agreement {
    /// Every component of the tree, depth first: where it is, id, name, kind, amount, who
    /// it pays and by which rule.
    fn table(&self) -> Table {
        let mut columns = ["loc", "id", "name", "kind"]
            .map(|c| Column::new(c, Kind::Text))
            .to_vec();
        columns.push(Column::new("amount", Kind::Amount));
        columns.extend(["recipients", "rule"].map(|c| Column::new(c, Kind::Text)));
        let years: Vec<String> = self.years.iter().map(ToString::to_string).collect();
        let total = self
            .amount
            .as_ref()
            .map_or(words::no_total().to_owned(), |f| format_kr(f.value.value()));
        let title = format!(
            "{} — {} ({}, {}; {total})",
            self.id,
            self.title,
            words::name("kind", self.kind.as_str()),
            years.join(", ")
        );
        let mut t = Table::new(title, columns);
        for (loc, c) in self.walk() {
            t.rows.push(vec![
                Cell::Text(loc.to_string()),
                text(&c.id),
                text(&c.name),
                text(c.kind.as_str()),
                Cell::opt_amount(c.amount.as_ref().map(|f| f.value)),
                Cell::opt_text(c.recipients.as_ref().map(crate::Group::describe)),
                Cell::opt_text(c.rule.as_ref().map(|r| r.as_str())),
            ]);
        }
        t.notes.clone_from(&self.notes);
        t
    }
    /// The agreement with its components and figures, as `vardavtal catalog` prints it.
    fn text_unescaped(&self) -> String {
        AgreementList(vec![self]).text()
    }
    /// The text: it is short enough to show whole.
    fn preview(&self) -> String {
        self.text()
    }
}

/// The agreements of the catalog (or of one year), as a list.
#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
pub struct AgreementList<'a>(pub Vec<&'a Agreement>);

impl View for AgreementList<'_> {
    /// One row per agreement: id, title, years, kind, amount and its source and quote.
    fn table(&self) -> Table {
        let mut columns = ["id", "title", "years", "kind"]
            .map(|c| Column::new(c, Kind::Text))
            .to_vec();
        columns.push(Column::new("amount", Kind::Amount));
        columns.push(Column::new("source", Kind::Text));
        columns.push(Column::new("quote", Kind::Text));
        let mut t = Table::new(words::agreements(self.0.len()), columns);
        for a in &self.0 {
            let src = a.amount.as_ref().and_then(|f| f.source.as_ref());
            let years: Vec<String> = a.years.iter().map(ToString::to_string).collect();
            t.rows.push(vec![
                text(&a.id),
                text(&a.title),
                Cell::Text(years.join(" ")),
                text(a.kind.as_str()),
                Cell::opt_amount(a.amount.as_ref().map(|f| f.value)),
                Cell::opt_text(src.map(|s| s.source.clone())),
                Cell::opt_text(src.map(|s| s.quote.clone())),
            ]);
        }
        t
    }
    /// The text: it is short enough to show whole.
    fn preview(&self) -> String {
        self.text()
    }
    /// Each agreement with its components and figures.
    fn text_unescaped(&self) -> String {
        let mut s = String::new();
        for a in &self.0 {
            let r = AgreementReport {
                agreement: (*a).clone(),
                components: component_lines(a),
                allocations: Vec::new(),
                receipts: Vec::new(),
                findings: Vec::new(),
            };
            s.push_str(&format!("{r}\n"));
        }
        s
    }
}

impl View for Report {
    /// One row per amount allocated in the report, and one per component that cannot be
    /// allocated with why.
    fn table(&self) -> Table {
        let mut columns = ["agreement", "component", "tranche"]
            .map(|c| Column::new(c, Kind::Text))
            .to_vec();
        columns.push(Column::new("date", Kind::Date));
        columns.extend(code_name());
        columns.push(Column::new("amount", Kind::Amount));
        columns.push(Column::new("note", Kind::Text));
        let title = words::report_title(self.year);
        let mut t = Table::new(title, columns);
        for a in &self.agreements {
            for c in &a.allocations {
                for r in c.allocation.iter().flat_map(|x| x.rows()) {
                    t.rows.push(vec![
                        text(&r.agreement),
                        text(&r.component),
                        Cell::opt_text(r.tranche.as_deref()),
                        r.date.map_or(Cell::Empty, Cell::Date),
                        text(r.recipient.as_str()),
                        text(&r.name),
                        Cell::Amount(r.amount),
                        Cell::Empty,
                    ]);
                }
                for e in &c.errors {
                    t.rows.push(vec![
                        text(&a.agreement.id),
                        text(&c.component),
                        Cell::Empty,
                        Cell::Empty,
                        Cell::Empty,
                        Cell::Empty,
                        Cell::Empty,
                        Cell::Text(format!(
                            "{}: {}",
                            e.code,
                            e.message(crate::message::Lang::current())
                        )),
                    ]);
                }
            }
        }
        t
    }
    /// The text: it is short enough to show whole.
    fn preview(&self) -> String {
        self.text()
    }
    /// The text report.
    fn text_unescaped(&self) -> String {
        self.to_string()
    }
}

impl View for Reconciliation {
    /// One row per line of the published table: what it says, what the key gives, the
    /// difference and the verdict.
    fn table(&self) -> Table {
        let mut columns = vec![Column::new("line", Kind::Integer)];
        columns.extend(code_name());
        columns.push(Column::new("published", Kind::Amount));
        columns.push(Column::new("expected", Kind::Amount));
        columns.push(Column::new("diff", Kind::Amount));
        columns.push(Column::new("verdict", Kind::Text));
        let mut t = Table::new(words::reconciliation_title(&self.table), columns);
        for v in &self.rows {
            t.rows.push(vec![
                Cell::Integer(v.line as i128),
                Cell::opt_text(v.recipient.as_ref().map(RecipientId::to_string)),
                text(&v.name),
                Cell::opt_amount(v.amount),
                Cell::opt_amount(v.expected),
                Cell::opt_amount(v.diff),
                text(v.verdict.as_str()),
            ]);
        }
        t
    }
    /// The text: it is short enough to show whole.
    fn preview(&self) -> String {
        self.text()
    }
    /// The per-row report with totals, closest keys and findings.
    fn text_unescaped(&self) -> String {
        self.to_string()
    }
}

/// A catalog look-up: a source with its text, or the figures behind an id with their
/// quotes.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum SourceView<'a> {
    /// A source (`"003"`).
    Source(&'a Source),
    /// The figures behind an agreement, component or package id.
    Citations(Vec<Citation>),
}

impl SourceView<'static> {
    /// What a catalog id stands for: a source id (`"003"`), or the figures behind an
    /// agreement, `AGREEMENT/COMPONENT` or package id.
    ///
    /// # Errors
    /// Every error of [`crate::report::citations`] for an id that is not a source:
    /// `unknown_component`.
    pub fn find(id: &str) -> crate::Result<Self> {
        let cat = crate::catalog::catalog();
        match cat.source(id) {
            Some(s) => Ok(SourceView::Source(s)),
            None => crate::report::citations(cat, id).map(SourceView::Citations),
        }
    }
}

impl View for SourceView<'_> {
    /// One row per figure (or the source's one row).
    fn table(&self) -> Table {
        match self {
            SourceView::Source(s) => {
                let columns = ["id", "title", "publisher", "published", "file"]
                    .map(|c| Column::new(c, Kind::Text));
                let mut t = Table::new(s.title.clone(), columns.to_vec());
                t.rows.push(vec![
                    text(&s.id),
                    text(&s.title),
                    text(&s.publisher),
                    Cell::opt_text(s.published.map(|d| d.to_string())),
                    Cell::Text(format!("core/catalog/sources/{}", s.file)),
                ]);
                t
            }
            SourceView::Citations(c) => {
                let mut columns = vec![
                    Column::new("what", Kind::Text),
                    Column::new("amount", Kind::Amount),
                ];
                columns.extend(["quote", "source", "text"].map(|c| Column::new(c, Kind::Text)));
                let mut t = Table::new(words::figures(c.len()), columns);
                for x in c {
                    t.rows.push(vec![
                        text(&x.what),
                        Cell::Amount(x.figure.value),
                        Cell::opt_text(x.figure.source.as_ref().map(|s| s.quote.clone())),
                        Cell::opt_text(x.source_title.clone()),
                        Cell::opt_text(x.context.clone()),
                    ]);
                }
                t
            }
        }
    }
    /// The text: it is short enough to show whole.
    fn preview(&self) -> String {
        self.text()
    }
    /// The source with its whole text, or each figure with its quote in context.
    fn text_unescaped(&self) -> String {
        match self {
            SourceView::Source(src) => {
                let [publisher, published, file, not_stated] = words::source_labels();
                format!(
                    "{} — {}\n{publisher}: {}\n{published}: {}\n{file}: core/catalog/sources/{}\n\n{}\n",
                    src.id,
                    src.title,
                    src.publisher,
                    src.published.map_or(not_stated.to_owned(), words::day),
                    src.file,
                    src.text
                )
            }
            SourceView::Citations(c) => {
                let [source, text, none, not_found] = words::citation_labels();
                c.iter()
                    .map(|c| {
                        format!(
                            "{}: {}\n  {source}: {}\n  {text}: {}\n",
                            words::citation_what(&c.what),
                            c.figure.cite(),
                            c.source_title.as_deref().unwrap_or(none),
                            c.context.as_deref().unwrap_or(not_found)
                        )
                    })
                    .collect()
            }
        }
    }
}

/// The 21 regions: code, name, county.
pub fn regions() -> Table {
    let columns = ["code", "name", "county"].map(|c| Column::new(c, Kind::Text));
    let mut t = Table::new(words::regions_title(), columns.to_vec());
    for r in reference::regions() {
        t.rows
            .push(vec![text(r.code), text(r.name), text(r.county)]);
    }
    t
}

/// The 290 municipalities: code, name, region.
pub fn municipalities() -> Table {
    let columns = ["code", "name", "region"].map(|c| Column::new(c, Kind::Text));
    let mut t = Table::new(words::municipalities_title(), columns.to_vec());
    for m in reference::municipalities() {
        t.rows
            .push(vec![text(m.code), text(m.name), text(m.region)]);
    }
    t
}

/// The bundled population of a level at a date: code, name, population, source (empty
/// when there is no data for the date).
pub fn population(level: Level, date: NaiveDate) -> Table {
    let mut columns = code_name();
    columns.push(Column::new("population", Kind::Integer));
    columns.push(Column::new("source", Kind::Text));
    let mut t = Table::new(words::population_title(level, date), columns);
    for r in reference::population(level, date) {
        let name = RecipientId::new(r.code).name();
        t.rows.push(vec![
            text(r.code),
            Cell::opt_text(name),
            Cell::Integer(i128::from(r.population)),
            text(r.source),
        ]);
    }
    t
}

impl Allocation {
    /// One row per amount: `code, name, amount, agreement, component, tranche, date, part,
    /// criterion, quota, weight, pot` (the CSV form of an allocation).
    pub fn rows_table(&self) -> Table {
        let mut columns = code_name();
        columns.push(Column::new("amount", Kind::Amount));
        columns.extend(["agreement", "component", "tranche"].map(|c| Column::new(c, Kind::Text)));
        columns.push(Column::new("date", Kind::Date));
        columns.extend(["part", "criterion"].map(|c| Column::new(c, Kind::Text)));
        columns.push(Column::new("quota", Kind::Decimal));
        columns.push(Column::new("weight", Kind::Decimal));
        columns.push(Column::new("pot", Kind::Amount));
        let mut t = Table::new(
            words::rows_title(&format_kr(self.total().value()), self.len()),
            columns,
        );
        for r in self.rows() {
            t.rows.push(vec![
                text(r.recipient.as_str()),
                text(&r.name),
                Cell::Amount(r.amount),
                text(&r.agreement),
                text(&r.component),
                Cell::opt_text(r.tranche.as_deref()),
                r.date.map_or(Cell::Empty, Cell::Date),
                text(r.part.as_str()),
                Cell::opt_text(r.criterion.as_deref()),
                Cell::Decimal(r.basis.quota),
                Cell::Decimal(r.basis.weight),
                Cell::Amount(r.basis.pot),
            ]);
        }
        t
    }

    /// The pots handed out: agreement, component, tranche, date, amount, rule, key and its
    /// sources.
    pub fn pots_table(&self) -> Table {
        let mut columns = ["agreement", "component", "tranche"]
            .map(|c| Column::new(c, Kind::Text))
            .to_vec();
        columns.push(Column::new("date", Kind::Date));
        columns.push(Column::new("amount", Kind::Amount));
        columns.extend(["rule", "key", "key_sources"].map(|c| Column::new(c, Kind::Text)));
        let mut t = Table::new(words::pots(), columns);
        for p in &self.pots {
            t.rows.push(vec![
                text(&p.agreement),
                text(&p.component),
                Cell::opt_text(p.tranche.clone()),
                p.date.map_or(Cell::Empty, Cell::Date),
                Cell::Amount(p.amount),
                text(&p.rule),
                Cell::opt_text(p.key.clone()),
                Cell::Text(p.key_sources.join(" ")),
            ]);
        }
        t
    }

    /// The explanation of every amount, or of one recipient's amounts (by code), in row
    /// order.
    ///
    /// ```
    /// use vardavtal::{split, Key, Sek, Unit};
    /// let alloc = split(Sek::kronor(443_000_000), &Key::from_arg("population:regions:2021-11-01")?, None, Unit::Krona)?;
    /// let e = alloc.explanations(Some("03"));
    /// assert_eq!(e.len(), 1);
    /// assert!(e[0].contains("Region Uppsala"));
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn explanations(&self, recipient: Option<&str>) -> Vec<String> {
        self.rows()
            .iter()
            .filter(|r| recipient.is_none_or(|x| r.recipient.as_str() == x))
            .map(|r| r.explain_in(crate::message::Lang::current()))
            .collect()
    }

    /// The explanations as text, one line per amount, then the notes on what was not
    /// allocated.
    pub fn explain_text(&self, recipient: Option<&str>) -> String {
        let mut s = String::new();
        for e in self.explanations(recipient) {
            s.push_str(&e);
            s.push('\n');
        }
        for n in &self.notes {
            s.push_str(&note_line(n));
            s.push('\n');
        }
        s
    }
}

fn yes_no(b: bool) -> Cell {
    text(if b { "yes" } else { "no" })
}

impl Reconciliation {
    /// The rows' sum against the table's total line and the stated pot.
    ///
    /// ```
    /// use vardavtal::Sek;
    /// use vardavtal::reconcile::{PublishedTable, Statement, reconcile};
    /// let table = PublishedTable::parse("t", "Region Stockholm 100 kr\nRegion Uppsala 50 kr\nSumma 150 kr\n")?;
    /// let rec = reconcile(&table, &Statement::new(Some(Sek::kronor(200)), None));
    /// let t = rec.totals_table();
    /// assert_eq!(t.rows[0][0].plain(), "total_line"); // 150 kr: adds up
    /// let pot: Vec<_> = t.rows[1].iter().map(|c| c.plain()).collect();
    /// assert_eq!(pot, ["pot", "", "200", "150", "-50", "0", "no", ""]);
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn totals_table(&self) -> Table {
        let mut columns = vec![
            Column::new("against", Kind::Text),
            Column::new("line", Kind::Integer),
        ];
        for c in ["stated", "rows_sum", "diff", "tolerance"] {
            columns.push(Column::new(c, Kind::Amount));
        }
        columns.extend(["adds_up", "explanation"].map(|c| Column::new(c, Kind::Text)));
        let mut t = Table::new(words::totals(), columns);
        for x in &self.totals {
            t.rows.push(vec![
                text(&x.against),
                x.line.map_or(Cell::Empty, |l| Cell::Integer(l as i128)),
                Cell::Amount(x.stated),
                Cell::Amount(x.rows_sum),
                Cell::Amount(x.diff),
                Cell::Amount(x.tolerance),
                yes_no(x.adds_up),
                Cell::opt_text(x.explanation.clone()),
            ]);
        }
        t
    }

    /// Every bundled key with every rounding, best first.
    ///
    /// ```
    /// use vardavtal::{Key, Sek, Unit};
    /// use vardavtal::reconcile::{PublishedTable, Statement, reconcile};
    /// // A table made with the population of 2021-11-01
    /// let key = Key::from_arg("population:regions:2021-11-01")?;
    /// let mut text = String::from("Region;Belopp (kr)\n");
    /// for (r, a) in key.recipients().iter().zip(key.split(Sek::kronor(443_000_000), Unit::Krona)?) {
    ///     text.push_str(&format!("{};{a}\n", r.name().unwrap_or_default()));
    /// }
    /// let rec = reconcile(&PublishedTable::parse("t", &text)?, &Statement::default());
    /// let best: Vec<_> = rec.fits_table().rows[0].iter().map(|c| c.plain()).collect();
    /// assert_eq!(best[..4], ["population:regions:2021-11-01", "largest_remainder", "yes", "21"]);
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn fits_table(&self) -> Table {
        let mut columns = ["key", "rounding", "exact"]
            .map(|c| Column::new(c, Kind::Text))
            .to_vec();
        columns.push(Column::new("rows_matching", Kind::Integer));
        columns.push(Column::new("rows_compared", Kind::Integer));
        columns.push(Column::new("total_abs_diff", Kind::Amount));
        columns.push(Column::new("model_total", Kind::Amount));
        let mut t = Table::new(words::fits(), columns);
        for f in &self.fits {
            t.rows.push(vec![
                text(&f.key),
                text(f.rounding.as_str()),
                yes_no(f.exact),
                Cell::Integer(f.rows_matching as i128),
                Cell::Integer(f.rows_compared as i128),
                Cell::Amount(f.total_abs_diff),
                Cell::Amount(f.model_total),
            ]);
        }
        t
    }
}

impl crate::reconcile::ImpliedKey {
    /// The population per region that the table implies, beside the bundled one.
    ///
    /// ```
    /// use vardavtal::{Key, Sek, Unit, rust_decimal::Decimal};
    /// use vardavtal::reconcile::{PublishedTable, StatedRule, Statement, reconcile};
    /// // A table made with 1 000 more inhabitants in Region Uppsala than any bundled key has
    /// let base = Key::from_arg("population:regions:2021-11-01")?;
    /// let more = |r: &vardavtal::RecipientId| if r.as_str() == "03" { Decimal::from(1000) } else { Decimal::ZERO };
    /// let key = Key::new("moved", vec![], base.iter().map(|(r, w)| (r.clone(), w + more(r))), &[])?;
    /// let mut text = String::from("Region;Belopp (kr)\n");
    /// for (r, a) in key.recipients().iter().zip(key.split(Sek::kronor(443_000_000), Unit::Krona)?) {
    ///     text.push_str(&format!("{};{a}\n", r.name().unwrap_or_default()));
    /// }
    /// let stated = Statement::new(Some(Sek::kronor(443_000_000)), Some(StatedRule::Population));
    /// let rec = reconcile(&PublishedTable::parse("t", &text)?, &stated);
    /// let t = rec.implied.map(|i| i.table()).unwrap_or_default();
    /// assert_eq!(t.title, "Implied population key (total 10 444 100)");
    /// let uppsala: Vec<_> = t.rows[1].iter().map(|c| c.plain()).collect();
    /// assert_eq!(uppsala, ["03", "Region Uppsala", "395154", "394154"]);
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn table(&self) -> Table {
        let mut columns = code_name();
        columns.push(Column::new("population", Kind::Integer));
        columns.push(Column::new("bundled", Kind::Integer));
        let mut t = Table::new(
            words::implied_title(&render::group(i128::from(self.total))),
            columns,
        );
        for p in &self.populations {
            t.rows.push(vec![
                text(p.recipient.as_str()),
                text(&p.name),
                Cell::Integer(i128::from(p.population)),
                Cell::Integer(i128::from(p.bundled)),
            ]);
        }
        t
    }
}

/// A note of an allocation as a line: `note: …`, or `warning: …` for what was ignored.
fn note_line(n: &Finding) -> String {
    let lang = crate::message::Lang::current();
    let word = match n.severity {
        crate::Severity::Info => words::pick("note", "anteckning"),
        s => words::severity(s),
    };
    format!("{word}: {}", n.message(lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Sek, Unit, split};

    #[test]
    fn the_csv_of_an_allocation_is_its_rows_table_or_for_parts_one_row_per_recipient()
    -> crate::Result<()> {
        let key = Key::from_arg("population:municipalities:2024-12-31")?;
        let plain = split(Sek::kronor(443_000_000), &key, None, Unit::Krona)?;
        assert_eq!(plain.csv(), plain.to_csv());
        assert_eq!(plain.rows_table().rows.len(), plain.len());
        let each = split(
            Sek::kronor(443_000_000),
            &key,
            Some(Sek::kronor(1)),
            Unit::Krona,
        )?;
        assert_eq!(each.rows_table().rows.len(), each.len());
        let t = each.parts_table();
        assert_eq!(each.csv(), t.to_csv());
        assert_eq!((t.rows.len(), each.len()), (290, 580));
        // each row: each + share = amount, and the amounts sum to the pot
        let mut sum = Sek::ZERO;
        for r in &t.rows {
            let [_, _, Cell::Amount(e), Cell::Amount(s), Cell::Amount(a)] = r.as_slice() else {
                panic!("{r:?}");
            };
            assert_eq!(e.checked_add(*s), Some(*a));
            sum = sum.checked_add(*a).unwrap_or(sum);
        }
        assert_eq!(sum, Sek::kronor(443_000_000));
        Ok(())
    }
}
