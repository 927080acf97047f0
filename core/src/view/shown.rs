//! The table of what can be shown of an agreement now ([`Shown`]): each recipient's total
//! of the money that can be allocated, its population and kr per invånare, and as notes
//! what cannot be shown yet and what could be supplied to show it.

use super::words::pick;
use super::{Cell, Column, Kind, Table, View};
use crate::allocation::{Coverage, Shown, Supply};
use crate::finding::Severity;
use crate::message::Lang;

impl View for Shown {
    /// One row per recipient of the allocatable money: its total, population and kr per
    /// invånare (where a bundled population fits); a total line; the missing parts, with
    /// what could be supplied (and, where nothing can be, the errors that stop them), as
    /// notes.
    fn table(&self) -> Table {
        let mut columns = vec![
            Column::new("code", Kind::Text),
            Column::new("name", Kind::Text),
        ];
        columns.push(Column::new("total", Kind::Amount));
        columns.push(Column::new("population", Kind::Integer));
        columns.push(Column::new("per_capita", Kind::Amount));
        let title = format!(
            "{}: {} ({})",
            self.agreement,
            pick("what can be shown now", "det som kan visas nu"),
            coverage_words(self.coverage())
        );
        let mut t = Table::new(title, columns);
        let per_capita = self.per_capita.as_ref().map(|p| &p.rows[..]).unwrap_or(&[]);
        for total in self.allocation.by_recipient() {
            let pc = per_capita
                .iter()
                .find(|r| r.recipient.as_str() == total.key);
            t.rows.push(vec![
                Cell::Text(total.key),
                Cell::Text(total.name),
                Cell::Amount(total.amount),
                pc.map_or(Cell::Empty, |r| Cell::Integer(i128::from(r.population))),
                pc.map_or(Cell::Empty, |r| Cell::Amount(r.per_capita)),
            ]);
        }
        let mut footer = vec![Cell::Text(pick("total", "totalt").to_owned()), Cell::Empty];
        footer.push(Cell::Amount(self.allocation.total()));
        footer.resize(t.columns.len(), Cell::Empty);
        t.footer.push(footer);
        let lang = Lang::current();
        if let Some(p) = &self.per_capita {
            t.notes.push(format!(
                "{} {}",
                pick("Kr per invånare by", "Kr per invånare efter"),
                super::words::key(&p.key)
            ));
        }
        for m in &self.open {
            t.notes.push(m.hint.message(lang).into_owned());
            // where nothing can be supplied, the errors say why (the hint points to them)
            if m.supply == Supply::Nothing {
                t.notes.extend(
                    m.why
                        .iter()
                        .filter(|f| f.severity == Severity::Error)
                        .map(|f| format!("  {}", f.message(lang))),
                );
            }
        }
        t
    }
}

/// How much is shown, in words.
fn coverage_words(c: Coverage) -> &'static str {
    match c {
        Coverage::All => pick("all of it", "allt"),
        Coverage::Part => pick("part of it", "en del"),
        _ => pick("nothing yet", "inget ännu"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::allocation::{Options, shown};
    use crate::message::with_lang;

    #[test]
    fn komiljarden_without_outcomes_shows_the_population_part_and_asks_for_outcomes() {
        let cat = crate::catalog::catalog();
        let a = cat.find_agreement("komiljard-2019").expect("kömiljarden");
        let s = shown(a, &Options::new(), None).expect("shown");
        let t = s.table();
        assert_eq!(t.rows.len(), 21);
        // the total line is the allocation's total: 320 000 000 kr by population
        assert_eq!(
            t.footer.first().and_then(|f| f.get(2)),
            Some(&Cell::Amount(crate::Sek::kronor(320_000_000)))
        );
        let text = s.text();
        assert!(
            text.contains("komiljard-2019: what can be shown now (part of it)"),
            "{text}"
        );
        assert!(
            text.contains("enter the outcomes [wait60, wait90] of 21 recipients"),
            "{text}"
        );
        let sv = with_lang(Lang::Sv, || s.text());
        assert!(sv.contains("det som kan visas nu (en del)"), "{sv}");
        assert!(
            sv.contains("fyll i utfallen [wait60, wait90] för 21 mottagare"),
            "{sv}"
        );
        assert!(
            sv.contains("Kr per invånare efter befolkningen i regionerna"),
            "{sv}"
        );
        // every row's kr per invånare is its total over its population, to the öre
        for row in &t.rows {
            if let [
                _,
                _,
                Cell::Amount(total),
                Cell::Integer(pop),
                Cell::Amount(pc),
            ] = &row[..]
            {
                let exact = total.value() / rust_decimal::Decimal::from(*pop as i64);
                assert!((exact - pc.value()).abs() <= rust_decimal::Decimal::new(5, 3));
            } else {
                panic!("a row without population: {row:?}");
            }
        }
    }
}
