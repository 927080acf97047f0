//! The stated pot against the table's own total: when a publisher's text states one pot
//! ("1 357 000 000 kr utifrån befolkningsmängd") and the table's total line or rows say
//! another, the table is checked with both, and a `pot_checked` finding says which one a key
//! reproduces — so a mistyped pot in the text reads as such, rather than every row as
//! differing.

use super::report::headline;
use super::verdict::reconcile_usable;
use super::words;
use super::{KeyFit, PotSource, PublishedTable, Reconciliation, Statement, Summary};
use crate::finding::{Code, Loc, Severity};
use crate::message::templates::reconcile as templates;
use crate::money::Sek;

/// When the stated pot and the table's own total (its total line, else the rows' sum)
/// disagree, the table is checked with both, and a `pot_checked` finding says which one a
/// key reproduces. When only the table's own total is reproduced, the rows are judged
/// against it (they are not all "different" because of one mistyped figure in the text):
/// the result takes that check's rows, key fits and implied key.
pub(super) fn both_pots(table: &PublishedTable, statement: &Statement, r: &mut Reconciliation) {
    // A table with regions missing does not add up for that reason (reported on its own).
    let complete = r.summary.missing.is_empty();
    let Some(pot) = statement
        .pot
        .filter(|_| r.pot_source == PotSource::Stated && complete)
    else {
        return;
    };
    let line = r
        .totals
        .iter()
        .find(|t| t.against == "total_line" && t.stated != pot);
    let (other, source, what, what_sv) = match line {
        Some(t) => (
            t.stated,
            PotSource::TotalLine,
            "the table's total line",
            "tabellens summarad",
        ),
        None if r.summary.rows_sum != pot => (
            r.summary.rows_sum,
            PotSource::Rows,
            "the rows' own sum",
            "radernas egen summa",
        ),
        None => return,
    };
    let alt = reconcile_usable(
        table,
        &Statement {
            pot: Some(other),
            rule: statement.rule.clone(),
        },
    );
    let f = |t: &'static crate::message::Template, fit: Option<&KeyFit>| {
        let mut f = t
            .info(Loc::root().join("pot"))
            .with("pot", pot)
            .with("other", other)
            .with("other_what", what)
            .with("other_what.sv", what_sv)
            .with("diff", Sek(pot.0 - other.0));
        if let Some(b) = fit {
            f = f
                .with("key", &b.key)
                .with("rounding_name", b.rounding)
                .with(
                    "rounding_name.sv",
                    words::rounding(b.rounding, crate::message::Lang::Sv),
                )
                .with("rounding", b.rounding.as_str())
                .with("rows_matching", b.rows_matching)
                .with("rows", b.rows_compared);
        }
        f
    };
    let finding = match (r.summary.exact, alt.summary.exact) {
        (true, _) => f(&templates::POT_STATED_REPRODUCED, r.summary.best.as_ref()),
        (false, true) => {
            let mut w = f(&templates::POT_ROWS_REPRODUCED, alt.summary.best.as_ref());
            w.severity = Severity::Warning;
            adopt(r, alt, source);
            w
        }
        (false, false) => {
            let best = alt.summary.best.as_ref();
            f(&templates::POT_NEITHER_REPRODUCED, r.summary.best.as_ref())
                .with("other_key", best.map_or("–", |b| b.key.as_str()))
                .with("other_matching", best.map_or(0, |b| b.rows_matching))
                .with("rows", best.map_or(0, |b| b.rows_compared))
        }
    };
    r.findings.push(finding);
}

/// Take the rows, key fits, implied key and the key findings of the check with the
/// table's own total; keep the checks of the totals against the stated pot.
fn adopt(r: &mut Reconciliation, alt: Reconciliation, source: PotSource) {
    let key_codes = [
        Code::RowDiffers,
        Code::KeyDiffers,
        Code::KeyReproduces,
        Code::ImpliedKey,
    ];
    r.findings.retain(|f| !key_codes.contains(&f.code));
    r.findings.extend(
        alt.findings
            .into_iter()
            .filter(|f| key_codes.contains(&f.code)),
    );
    r.pot = alt.pot;
    r.pot_source = source;
    r.rows = alt.rows;
    r.fits = alt.fits;
    r.implied = alt.implied;
    let adds_up = r.summary.adds_up;
    r.summary = Summary {
        adds_up,
        ..alt.summary
    };
    r.summary.headline = headline(r, crate::message::Lang::En);
}
