//! The text of a reconciliation: the [`std::fmt::Display`] of
//! [`Reconciliation`](super::Reconciliation) and the one-sentence headline.

use super::*;

/// A whole number with spaces between thousands: 10 452 301.
pub(super) fn group(n: u128) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (k, c) in s.chars().enumerate() {
        if k > 0 && (s.len() - k).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// Whether the key that reproduces the table follows the rule the publisher states.
fn stated_rule(rec: &Reconciliation, key: &str) -> Option<String> {
    let by_need = key.starts_with("needs:");
    match rec.statement.rule.as_ref()? {
        super::StatedRule::Need if !by_need => Some(
            "It is stated as split by care need, but a population key reproduces it, not the care-need key.".to_owned(),
        ),
        super::StatedRule::Need => Some("That is the rule stated: by care need.".to_owned()),
        r if by_need => Some(format!(
            "It is stated as split {r}, but the care-need key reproduces it."
        )),
        r => Some(format!("That is the rule stated: {r}.")),
    }
}

pub(super) fn headline(rec: &Reconciliation) -> String {
    let s = &rec.summary;
    let mut parts = Vec::new();
    let pot_check = rec.totals.iter().find(|t| t.against == "pot");
    let line_check = rec.totals.iter().find(|t| t.against == "total_line");
    match (pot_check, line_check) {
        (Some(p), _) if !p.adds_up => parts.push(format!(
            "The rows add up to {}, {} {} than the stated pot of {}.",
            kr(p.rows_sum),
            kr(Sek(p.diff.value().abs())),
            if p.diff.value().is_sign_positive() {
                "more"
            } else {
                "less"
            },
            kr(p.stated)
        )),
        (_, Some(l)) if !l.adds_up => parts.push(format!(
            "The rows add up to {}, not to the {} of the table's total line.",
            kr(l.rows_sum),
            kr(l.stated)
        )),
        (None, None) => parts.push(format!(
            "The rows add up to {} (no total stated).",
            kr(s.rows_sum)
        )),
        _ => parts.push(format!(
            "The rows add up to the stated total, {}.",
            kr(s.rows_sum)
        )),
    }
    if !s.missing.is_empty() {
        parts.push(format!("Missing: {}.", s.missing.join(", ")));
    }
    if s.duplicates > 0 {
        parts.push(format!("{} repeated row(s).", s.duplicates));
    }
    if s.unknown > 0 {
        parts.push(format!("{} row(s) not a region.", s.unknown));
    }
    if s.irregular > 0 {
        parts.push(format!(
            "{} amount(s) with irregular digit grouping.",
            s.irregular
        ));
    }
    match &s.best {
        Some(b) if b.exact => {
            parts.push(format!(
                "The key {} with {} reproduces every region row.",
                b.key, b.rounding
            ));
            parts.extend(stated_rule(rec, &b.key));
        }
        Some(b) => {
            parts.push(if b.followed() {
                format!(
                    "No bundled key reproduces the table; closest: {} with {} ({} of {} rows match).",
                    b.key, b.rounding, b.rows_matching, b.rows_compared
                )
            } else {
                format!(
                    "The table follows no bundled key (the closest, {} with {}, matches {} of {} rows): it is not a split by one.",
                    b.key, b.rounding, b.rows_matching, b.rows_compared
                )
            });
            if let Some(k) = &rec.implied {
                parts.push(format!(
                    "A population key totalling {} inhabitants reproduces it exactly.",
                    group(u128::from(k.total))
                ));
            }
        }
        None => {}
    }
    if s.differing > 0 && s.best.as_ref().is_some_and(KeyFit::followed) {
        let lines: Vec<String> = rec
            .rows
            .iter()
            .filter(|r| r.verdict == Verdict::Differs)
            .map(|r| format!("line {} ({})", r.line, r.name))
            .collect();
        parts.push(format!("Differs from that key: {}.", lines.join(", ")));
    }
    parts.join(" ")
}

impl fmt::Display for Reconciliation {
    /// A per-row report for a reader.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_head(f)?;
        self.write_rows(f)?;
        self.write_totals(f)?;
        self.write_fits(f)?;
        if !self.findings.is_empty() {
            writeln!(f)?;
            writeln!(f, "  findings:")?;
            for x in &self.findings {
                writeln!(f, "    {x}")?;
            }
        }
        if !self.summary.headline.is_empty() {
            writeln!(f)?;
            writeln!(f, "  {}", self.summary.headline)?;
        }
        Ok(())
    }
}

impl Reconciliation {
    /// The table, the pot and the best key.
    fn write_head(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = &self.summary;
        writeln!(f, "Reconciliation of {}", self.table)?;
        match self.statement.pot {
            Some(p) => write!(f, "  stated pot: {}", kr(p))?,
            None => write!(
                f,
                "  no pot stated; the model splits {} ({})",
                kr(self.pot),
                match self.pot_source {
                    PotSource::TotalLine => "the table's total line",
                    _ => "the sum of the rows",
                }
            )?,
        }
        match &self.statement.rule {
            Some(r) => writeln!(f, "; rule: {r}")?,
            None => writeln!(f, "; rule not stated")?,
        }
        writeln!(
            f,
            "  {} rows, {} of 21 regions; the rows add up to {}",
            s.rows,
            s.regions,
            kr(s.rows_sum)
        )?;
        if let Some(b) = &s.best {
            writeln!(
                f,
                "  best key: {} with {}: {} of {} region rows match{}",
                b.key,
                b.rounding,
                b.rows_matching,
                b.rows_compared,
                if b.exact {
                    String::new()
                } else {
                    format!(", {} apart in all", kr(b.total_abs_diff))
                }
            )?;
        }
        Ok(())
    }

    /// One line per row, then the missing regions.
    fn write_rows(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = &self.summary;
        writeln!(f)?;
        writeln!(
            f,
            "  {:>4}  {:<28} {:>20} {:>20} {:>14}  verdict",
            "line", "region", "published", "expected", "difference"
        )?;
        for r in &self.rows {
            let published = match r.amount {
                Some(_) if r.verdict == Verdict::IrregularGrouping => r.printed.clone(),
                Some(_) if r.rounded => format!("≈ {}", r.printed),
                Some(a) => kr(a),
                None => r.printed.clone(),
            };
            let mut name: String = r.name.chars().take(28).collect();
            if r.name.chars().count() > 28 {
                name.pop();
                name.push('…');
            }
            let diff = r.diff.map_or(String::new(), |d| {
                if d.value().is_zero() {
                    "0".to_owned()
                } else if d.value().is_sign_positive() {
                    format!("+{}", kr(d))
                } else {
                    kr(d)
                }
            });
            write!(
                f,
                "  {:>4}  {:<28} {:>20} {:>20} {:>14}  {}",
                r.line,
                name,
                published,
                r.expected.map_or(String::new(), kr),
                diff,
                r.verdict.as_str()
            )?;
            if let Some(n) = &r.note {
                write!(f, " ({n})")?;
            }
            writeln!(f)?;
        }
        for m in &s.missing {
            writeln!(f, "  {:>4}  {:<28} {:>20}", "—", m, "(no row)")?;
        }
        Ok(())
    }

    /// The rows' sums against the stated totals.
    fn write_totals(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.totals.is_empty() {
            writeln!(f)?;
            writeln!(f, "  totals:")?;
            for t in &self.totals {
                let what = match t.line {
                    Some(l) => format!("total line (line {l})"),
                    None => "stated pot".to_owned(),
                };
                write!(
                    f,
                    "    {what}: {}; rows: {}; ",
                    kr(t.stated),
                    kr(t.rows_sum)
                )?;
                if t.adds_up {
                    if t.tolerance.value().is_zero() {
                        write!(f, "adds up")?;
                    } else {
                        write!(
                            f,
                            "adds up within the rounding of the rows (±{})",
                            kr(t.tolerance)
                        )?;
                    }
                } else {
                    write!(f, "DIFFERENCE {}", kr(t.diff))?;
                    if let Some(e) = &t.explanation {
                        write!(f, " — {e}")?;
                    }
                }
                writeln!(f)?;
            }
        }
        Ok(())
    }

    /// The key fits and the implied key.
    fn write_fits(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.fits.is_empty() {
            writeln!(f)?;
            writeln!(f, "  closest keys:")?;
            for k in self.fits.iter().take(4) {
                writeln!(
                    f,
                    "    {:<32} {:<26} {:>2}/{:<2} rows{}",
                    k.key,
                    k.rounding.to_string(),
                    k.rows_matching,
                    k.rows_compared,
                    if k.exact {
                        "  exact".to_owned()
                    } else {
                        format!("  {} apart", kr(k.total_abs_diff))
                    }
                )?;
            }
        }
        if let Some(k) = &self.implied {
            writeln!(f)?;
            writeln!(
                f,
                "  implied population key: total {} inhabitants ({} candidate total(s) in {}–{}; closest bundled key {}){}",
                group(u128::from(k.total)),
                k.candidates,
                group(u128::from(k.searched.0)),
                group(u128::from(k.searched.1)),
                k.near,
                k.rounding.map_or(String::new(), |r| format!(", {r}"))
            )?;
            for p in &k.populations {
                let d = i128::from(p.population) - i128::from(p.bundled);
                writeln!(
                    f,
                    "    {:<28} {:>12}  (bundled {:>12}, {}{})",
                    p.name,
                    group(u128::from(p.population)),
                    group(u128::from(p.bundled)),
                    if d >= 0 { "+" } else { "-" },
                    group(d.unsigned_abs())
                )?;
            }
        }
        Ok(())
    }
}
