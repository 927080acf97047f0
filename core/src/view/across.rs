//! The tables of the questions across agreements and years: a recipient's money
//! ([`RecipientView`]) and a year's ([`YearView`]), with what cannot be computed as notes.

use super::words::pick;
use super::{Cell, Column, Kind, Table, View};
use crate::across::{Mark, Open, RecipientView, YearAgreement, YearView};
use crate::message::Lang;
use crate::money::Sek;
use crate::swedish::format_kr;

fn text(s: &str) -> Cell {
    Cell::Text(s.to_owned())
}

/// The note on money that cannot be computed: `agreement/component: why`.
fn open_note(o: &Open) -> String {
    let what = match &o.component {
        Some(c) => format!("{}/{c}", o.agreement),
        None => o.agreement.clone(),
    };
    format!("{what}: {}", o.why.message(Lang::current()))
}

impl View for RecipientView {
    /// One row per amount: agreement, component, tranche, date, amount, pot, share, rank,
    /// key, population and kr per invånare.
    fn table(&self) -> Table {
        let mut columns: Vec<Column> = ["agreement", "component", "tranche"]
            .map(|c| Column::new(c, Kind::Text))
            .into();
        columns.push(Column::new("date", Kind::Date));
        columns.push(Column::new("amount", Kind::Amount));
        columns.push(Column::new("pot", Kind::Amount));
        columns.push(Column::new("share_pct", Kind::Decimal));
        columns.push(Column::new("rank", Kind::Integer));
        columns.push(Column::new("recipients", Kind::Integer));
        columns.push(Column::new("key", Kind::Text));
        columns.push(Column::new("population", Kind::Integer));
        columns.push(Column::new("per_capita", Kind::Amount));
        columns.push(Column::new("marks", Kind::Text));
        columns.push(Column::new("published", Kind::Amount));
        let year = self.year.map_or(String::new(), |y| format!(" {y}"));
        let title = format!(
            "{} ({}){year}: {} {}",
            self.name,
            self.recipient,
            format_kr(self.total.0),
            pick("in all", "totalt")
        );
        let mut t = Table::new(title, columns);
        for l in &self.lines {
            let marks: Vec<&str> = l.marks.iter().map(|m| mark_name(*m)).collect();
            t.rows.push(vec![
                text(&l.agreement),
                text(&l.component),
                Cell::opt_text(l.tranche.clone()),
                l.date.map_or(Cell::Empty, Cell::Date),
                Cell::Amount(l.amount),
                Cell::Amount(l.pot),
                Cell::Decimal(l.share),
                Cell::Integer(l.rank as i128),
                Cell::Integer(l.recipients as i128),
                text(&l.key),
                l.population
                    .map_or(Cell::Empty, |p| Cell::Integer(i128::from(p))),
                l.per_capita.map_or(Cell::Empty, Cell::Amount),
                Cell::opt_text((!marks.is_empty()).then(|| marks.join(", "))),
                l.published.map_or(Cell::Empty, Cell::Amount),
            ]);
        }
        let mut total = vec![text(pick("total", "totalt"))];
        total.extend([Cell::Empty, Cell::Empty, Cell::Empty]);
        total.push(Cell::Amount(self.total));
        total.resize(t.columns.len(), Cell::Empty);
        t.footer.push(total);
        t.notes = self
            .receipts
            .iter()
            .map(|f| f.message(Lang::current()).into_owned())
            .chain(self.open.iter().map(open_note))
            .collect();
        t
    }
}

impl View for YearView {
    /// Recipients × agreements, a total per recipient, a total and a not-allocated line per
    /// agreement.
    fn table(&self) -> Table {
        // A column per agreement that allocates something; the others are in the notes.
        let shown: Vec<usize> = (0..self.agreements.len())
            .filter(|i| {
                self.agreements
                    .get(*i)
                    .is_some_and(|a| !a.allocated.0.is_zero())
            })
            .collect();
        let agreements: Vec<&YearAgreement> = shown
            .iter()
            .filter_map(|i| self.agreements.get(*i))
            .collect();
        let mut columns = vec![
            Column::new("code", Kind::Text),
            Column::new("name", Kind::Text),
        ];
        columns.extend(
            agreements
                .iter()
                .map(|a| Column::titled(&a.id, &a.id, Kind::Amount)),
        );
        columns.push(Column::new("total", Kind::Amount));
        let title = format!(
            "{} {}: {} {}",
            pick("Allocated in", "Fördelat"),
            self.year,
            format_kr(self.total().0),
            pick(
                &format!("of {} agreements", self.agreements.len()),
                &format!("av {} överenskommelser", self.agreements.len())
            )
        );
        let mut t = Table::new(title, columns);
        for ((code, name), amounts) in self.recipients.iter().zip(&self.amounts) {
            let mut row = vec![text(code.as_str()), text(name)];
            row.extend(
                shown
                    .iter()
                    .map(|i| Cell::Amount(amounts.get(*i).copied().unwrap_or(Sek::ZERO))),
            );
            row.push(Cell::Amount(sum(amounts.iter().copied())));
            t.rows.push(row);
        }
        let mut total = vec![text(""), text(pick("total", "totalt"))];
        total.extend(agreements.iter().map(|a| Cell::Amount(a.allocated)));
        total.push(Cell::Amount(self.total()));
        t.footer.push(total);
        let mut rest = vec![text(""), text(pick("not allocated", "ej fördelat"))];
        rest.extend(
            agreements
                .iter()
                .map(|a| a.not_allocated.map_or(Cell::Empty, Cell::Amount)),
        );
        rest.push(Cell::Empty);
        t.footer.push(rest);
        t.notes = self.notes();
        t
    }
}

impl YearView {
    /// The notes of the year's table: co-funding and marks per agreement, then what cannot
    /// be computed.
    fn notes(&self) -> Vec<String> {
        let mut out = Vec::new();
        for a in &self.agreements {
            for (payer, amount) in &a.cofunding {
                let amount = amount.map_or(String::from("?"), |x| format_kr(x.0));
                out.push(format!(
                    "{}: {} {amount} ({})",
                    a.id,
                    pick("co-funded by", "medfinansieras av"),
                    payer.as_str()
                ));
            }
            if !a.marks.is_empty() {
                let marks: Vec<&str> = a.marks.iter().map(|m| mark_name(*m)).collect();
                out.push(format!("{}: {}", a.id, marks.join(", ")));
            }
            // Whether a published table exists, and whether the model reproduces it.
            if !a.allocated.0.is_zero() && a.receipts.is_empty() {
                out.push(format!(
                    "{}: {}",
                    a.id,
                    pick(
                        "no published per-region table is bundled",
                        "ingen publicerad tabell per region medföljer"
                    )
                ));
            }
            out.extend(
                a.receipts
                    .iter()
                    .map(|f| f.message(Lang::current()).into_owned()),
            );
        }
        out.extend(self.open.iter().map(open_note));
        out
    }
}

/// A mark for people: `proposed`, or `förslag` in Swedish.
fn mark_name(m: Mark) -> &'static str {
    match m {
        Mark::Proposed => pick("proposed", "förslag"),
        Mark::Pending => pick("pending approval", "väntar på godkännande"),
        Mark::Conditional => pick("conditional", "villkorat"),
    }
}

fn sum(it: impl Iterator<Item = Sek>) -> Sek {
    Sek(crate::money::saturating_sum(it.map(|s| s.0)))
}
