//! The tables of a change decomposed ([`Change`]) and of the key-date sensitivity
//! ([`Sensitivity`]): its largest movers, and per pot every recipient × every bundled date.

use super::words::{day, pick};
use super::{Cell, Column, Kind, Table, View};
use crate::across::{Change, PotDates, Sensitivity};
use crate::message::Lang;
use crate::reference::Level;
use crate::swedish::format_kr;

/// How many movers of each pot the summary shows.
const MOVERS_SHOWN: usize = 5;

fn text(s: &str) -> Cell {
    Cell::Text(s.to_owned())
}

impl View for Change {
    /// One row: the recipient, both amounts, the difference and its three parts; the
    /// sentence, both sides and any paradox as notes.
    fn table(&self) -> Table {
        let mut columns = vec![
            Column::new("code", Kind::Text),
            Column::new("name", Kind::Text),
        ];
        for id in ["a", "b", "diff", "pot_effect", "share_effect", "rounding"] {
            columns.push(Column::new(id, Kind::Amount));
        }
        let title = format!(
            "{} {} ({}): A → B",
            pick("Change for", "Förändring för"),
            self.name,
            self.recipient
        );
        let mut t = Table::new(title, columns);
        t.rows.push(vec![
            text(self.recipient.as_str()),
            text(&self.name),
            Cell::Amount(self.a.amount),
            Cell::Amount(self.b.amount),
            Cell::Amount(self.difference),
            Cell::Amount(self.pot_effect),
            Cell::Amount(self.share_effect),
            Cell::Amount(self.rounding),
        ]);
        let lang = Lang::current();
        t.notes.push(self.sentence(lang));
        for (name, s) in [("A", &self.a), ("B", &self.b)] {
            t.notes.push(format!(
                "{name}: {} {} {}, {} {} / {} ({} {})",
                format_kr(s.pot.0),
                pick("by", "efter"),
                super::words::key(&s.key),
                pick("weight", "vikt"),
                super::render::number(s.weight),
                super::render::number(s.total_weight),
                pick("exact quota", "exakt kvot"),
                format_kr(s.quota.round_dp(4)),
            ));
        }
        t.notes
            .extend(self.paradoxes.iter().map(|f| f.message(lang).into_owned()));
        t
    }
}

impl View for Sensitivity {
    /// The largest movers of each pot (at most five): their least and most amount over the
    /// bundled dates, and the spread; the dates and paradoxes of each pot as notes.
    fn table(&self) -> Table {
        let mut columns: Vec<Column> = ["agreement", "component", "code", "name"]
            .map(|c| Column::new(c, Kind::Text))
            .into();
        columns.push(Column::new("min", Kind::Amount));
        columns.push(Column::new("min_date", Kind::Date));
        columns.push(Column::new("max", Kind::Amount));
        columns.push(Column::new("max_date", Kind::Date));
        columns.push(Column::new("spread", Kind::Amount));
        let title = format!(
            "{}: {}",
            pick(
                "Sensitivity to the key date, largest movers",
                "Känslighet för nyckelns datum, störst förändring"
            ),
            self.agreement.as_deref().unwrap_or(pick(
                "every population-based pot of the catalog",
                "alla befolkningsbaserade potter i katalogen"
            ))
        );
        let mut t = Table::new(title, columns);
        for p in &self.pots {
            for m in p.movers.iter().take(MOVERS_SHOWN) {
                t.rows.push(vec![
                    text(&p.agreement),
                    text(&p.component),
                    text(m.recipient.as_str()),
                    text(&m.name),
                    Cell::Amount(m.min.0),
                    Cell::Date(crate::agreement::When::Day(m.min.1)),
                    Cell::Amount(m.max.0),
                    Cell::Date(crate::agreement::When::Day(m.max.1)),
                    Cell::Amount(m.spread),
                ]);
            }
            t.notes.push(pot_note(p));
        }
        let lang = Lang::current();
        for p in &self.pots {
            t.notes
                .extend(p.paradoxes.iter().map(|f| f.message(lang).into_owned()));
        }
        t.notes.extend(self.open.iter().map(|o| {
            format!(
                "{}/{}: {}",
                o.agreement,
                o.component.as_deref().unwrap_or(""),
                o.why.message(lang)
            )
        }));
        t
    }

    /// The movers, then (for one agreement) every pot's recipients × dates.
    fn text_unescaped(&self) -> String {
        let mut out = self.table().to_text();
        if self.agreement.is_some() {
            for p in &self.pots {
                out.push('\n');
                out.push_str(&pot_table(p).to_text());
            }
        }
        out
    }

    /// One line per pot, recipient and date: the long form for data.
    fn csv_table(&self) -> Table {
        let mut columns: Vec<Column> = ["agreement", "component", "level"]
            .map(|c| Column::new(c, Kind::Text))
            .into();
        columns.push(Column::new("date", Kind::Date));
        columns.push(Column::new("convention", Kind::Text));
        columns.push(Column::new("code", Kind::Text));
        columns.push(Column::new("name", Kind::Text));
        columns.push(Column::new("amount", Kind::Amount));
        let mut t = Table::new(self.table().title, columns);
        for p in &self.pots {
            for ((who, name), row) in p.recipients.iter().zip(&p.amounts) {
                for (date, amount) in p.dates.iter().zip(row) {
                    let yes = if p.convention == Some(*date) {
                        "yes"
                    } else {
                        "no"
                    };
                    t.rows.push(vec![
                        text(&p.agreement),
                        text(&p.component),
                        text(p.level.as_str()),
                        Cell::Date(crate::agreement::When::Day(*date)),
                        text(yes),
                        text(who.as_str()),
                        text(name),
                        Cell::Amount(*amount),
                    ]);
                }
            }
        }
        t
    }

    /// The movers, and a sheet per pot of its recipients × dates.
    fn sheets(&self) -> Vec<Table> {
        let mut out = vec![self.table()];
        out.extend(self.pots.iter().map(pot_table));
        out
    }
}

/// `okad-tillganglighet-2022/block-2: 443 000 000 kr by the population of the regions on 9
/// dates (2019-12-31 … 2024-12-31); the convention gives 2021-11-01; the allocation uses
/// 2021-11-01`.
fn pot_note(p: &PotDates) -> String {
    let span = match (p.dates.first(), p.dates.last()) {
        (Some(f), Some(l)) => format!("{} … {}", day(*f), day(*l)),
        _ => String::new(),
    };
    let convention = p.convention.map_or_else(|| "–".to_owned(), day);
    if super::words::sv() {
        format!(
            "{}/{}: {} efter befolkningen i {} på {} datum ({span}); konventionen ger {convention}; fördelningen använder {}",
            p.agreement,
            p.component,
            format_kr(p.pot.0),
            level_sv(p.level),
            p.dates.len(),
            day(p.used)
        )
    } else {
        format!(
            "{}/{}: {} by the population of the {} on {} dates ({span}); the convention gives {convention}; the allocation uses {}",
            p.agreement,
            p.component,
            format_kr(p.pot.0),
            p.level.as_str(),
            p.dates.len(),
            day(p.used)
        )
    }
}

fn level_sv(level: Level) -> &'static str {
    match level {
        Level::Regions => "regionerna",
        Level::Municipalities => "kommunerna",
    }
}

/// One pot: recipients × dates, the spread per recipient, the total per date (the pot).
/// The convention's date is marked `*`, the one the allocation uses `†`.
fn pot_table(p: &PotDates) -> Table {
    let mut columns = vec![
        Column::new("code", Kind::Text),
        Column::new("name", Kind::Text),
    ];
    for d in &p.dates {
        let mut header = day(*d);
        if p.convention == Some(*d) {
            header.push('*');
        }
        if p.used == *d {
            header.push('†');
        }
        columns.push(Column::titled(&d.to_string(), &header, Kind::Amount));
    }
    columns.push(Column::new("spread", Kind::Amount));
    let mut t = Table::new(pot_note(p), columns);
    for ((who, name), row) in p.recipients.iter().zip(&p.amounts) {
        let mut cells = vec![text(who.as_str()), text(name)];
        cells.extend(row.iter().copied().map(Cell::Amount));
        let (lo, hi) = (row.iter().min(), row.iter().max());
        let spread = lo.zip(hi).map(|(l, h)| crate::money::Sek(h.0 - l.0));
        cells.push(Cell::opt_amount(spread));
        t.rows.push(cells);
    }
    let mut total = vec![text(""), text(super::words::total())];
    for i in 0..p.dates.len() {
        let sum =
            crate::money::saturating_sum(p.amounts.iter().filter_map(|r| r.get(i)).map(|s| s.0));
        total.push(Cell::Amount(crate::money::Sek(sum)));
    }
    total.push(Cell::Empty);
    t.footer.push(total);
    t.notes.push(pick(
        "* the date the convention gives (1 November of the year before); † the date the allocation uses",
        "* datumet som konventionen ger (1 november året före); † datumet som fördelningen använder",
    ).to_owned());
    t
}
