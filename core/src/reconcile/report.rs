//! The text of a reconciliation: the [`std::fmt::Display`] of
//! [`Reconciliation`](super::Reconciliation) and the one-sentence headline, in the
//! [current](Lang::current) language (the words are in `words`).

use super::words::{self, counted};
use super::*;
use crate::message::Lang;

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
fn stated_rule(rec: &Reconciliation, key: &str, lang: Lang) -> Option<String> {
    let by_need = key.starts_with("needs:");
    let r = rec.statement.rule.as_ref()?;
    let rule = words::rule(r, lang);
    Some(match r {
        StatedRule::Need if !by_need => words::RULE_NEED_BUT_POPULATION.say(lang, &[]),
        _ if by_need && *r != StatedRule::Need => {
            words::RULE_BUT_NEED.say(lang, &[("rule", &rule)])
        }
        _ => words::RULE_STATED.say(lang, &[("rule", &rule)]),
    })
}

/// How the rows' sum compares with the stated totals.
fn sum_sentence(rec: &Reconciliation, lang: Lang) -> String {
    let s = &rec.summary;
    let pot_check = rec.totals.iter().find(|t| t.against == "pot");
    let line_check = rec.totals.iter().find(|t| t.against == "total_line");
    let sum = kr(s.rows_sum);
    match (pot_check, line_check) {
        (Some(p), _) if !p.adds_up => if p.diff.value().is_sign_positive() {
            &words::MORE_THAN_POT
        } else {
            &words::LESS_THAN_POT
        }
        .say(
            lang,
            &[
                ("sum", &kr(p.rows_sum)),
                ("gap", &kr(Sek(p.diff.value().abs()))),
                ("pot", &kr(p.stated)),
            ],
        ),
        (_, Some(l)) if !l.adds_up => {
            words::NOT_TOTAL_LINE.say(lang, &[("sum", &kr(l.rows_sum)), ("stated", &kr(l.stated))])
        }
        (None, None) => words::NO_TOTAL.say(lang, &[("sum", &sum)]),
        _ => words::STATED_TOTAL.say(lang, &[("sum", &sum)]),
    }
}

/// The outcome in a few sentences, in `lang`.
pub(super) fn headline(rec: &Reconciliation, lang: Lang) -> String {
    let s = &rec.summary;
    let mut parts = vec![sum_sentence(rec, lang)];
    if !s.missing.is_empty() {
        parts.push(words::MISSING.say(lang, &[("names", &s.missing.join(", "))]));
    }
    let counts = [
        (s.duplicates, &words::REPEATED_ONE, &words::REPEATED_MANY),
        (s.unknown, &words::UNKNOWN_ONE, &words::UNKNOWN_MANY),
        (s.irregular, &words::IRREGULAR, &words::IRREGULAR),
    ];
    for (n, one, many) in counts {
        if n > 0 {
            parts.push(counted(n, one, many).say(lang, &[("n", &n)]));
        }
    }
    if let Some(b) = &s.best {
        let rounding = words::rounding(b.rounding, lang);
        let args: [(&str, &dyn fmt::Display); 4] = [
            ("key", &b.key),
            ("rounding", &rounding),
            ("matching", &b.rows_matching),
            ("compared", &b.rows_compared),
        ];
        if b.exact {
            parts.push(words::REPRODUCES.say(lang, &args));
            parts.extend(stated_rule(rec, &b.key, lang));
        } else {
            let t = if b.followed() {
                &words::CLOSEST
            } else {
                &words::FOLLOWS_NONE
            };
            parts.push(t.say(lang, &args));
            if let Some(k) = &rec.implied {
                let total = group(u128::from(k.total));
                let t = if k.rounding.is_some() {
                    &words::IMPLIED_REPRODUCES
                } else {
                    &words::IMPLIED_WITHIN
                };
                parts.push(t.say(lang, &[("total", &total)]));
            }
        }
    }
    if s.differing > 0 && s.best.as_ref().is_some_and(KeyFit::followed) {
        let lines: Vec<String> = rec
            .rows
            .iter()
            .filter(|r| r.verdict == Verdict::Differs)
            .map(|r| words::LINE_NAME.say(lang, &[("line", &r.line), ("name", &r.name)]))
            .collect();
        parts.push(words::DIFFERS_FROM_KEY.say(lang, &[("lines", &lines.join(", "))]));
    }
    parts.join(" ")
}

impl fmt::Display for Reconciliation {
    /// A per-row report for a reader, in the [current](Lang::current) language.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lang = Lang::current();
        self.write_head(f, lang)?;
        self.write_rows(f, lang)?;
        self.write_totals(f, lang)?;
        self.write_fits(f, lang)?;
        if !self.findings.is_empty() {
            writeln!(f)?;
            writeln!(f, "{}", words::FINDINGS.get(lang))?;
            for x in &self.findings {
                writeln!(f, "    {x}")?;
            }
        }
        if !self.summary.headline.is_empty() {
            writeln!(f)?;
            writeln!(f, "  {}", headline(self, lang))?;
        }
        Ok(())
    }
}

impl Reconciliation {
    /// The table, the pot and the best key.
    fn write_head(&self, f: &mut fmt::Formatter<'_>, lang: Lang) -> fmt::Result {
        let s = &self.summary;
        writeln!(
            f,
            "{}",
            crate::view::words::reconciliation_title(&self.table)
        )?;
        match self.statement.pot {
            Some(p) => write!(f, "{}", words::STATED_POT.say(lang, &[("pot", &kr(p))]))?,
            None => {
                let source = match self.pot_source {
                    PotSource::TotalLine => &words::FROM_TOTAL_LINE,
                    _ => &words::FROM_ROWS,
                };
                let args: [(&str, &dyn fmt::Display); 2] =
                    [("pot", &kr(self.pot)), ("source", &source.get(lang))];
                write!(f, "{}", words::NO_POT.say(lang, &args))?;
            }
        }
        match &self.statement.rule {
            Some(r) => {
                let rule = words::rule(r, lang);
                writeln!(f, "{}", words::RULE.say(lang, &[("rule", &rule)]))?;
            }
            None => writeln!(f, "{}", words::NO_RULE.get(lang))?,
        }
        let args: [(&str, &dyn fmt::Display); 3] = [
            ("rows", &s.rows),
            ("regions", &s.regions),
            ("sum", &kr(s.rows_sum)),
        ];
        writeln!(f, "{}", words::ROWS_REGIONS.say(lang, &args))?;
        if let Some(b) = &s.best {
            let apart = if b.exact {
                String::new()
            } else {
                words::APART_IN_ALL.say(lang, &[("diff", &kr(b.total_abs_diff))])
            };
            let args: [(&str, &dyn fmt::Display); 5] = [
                ("key", &b.key),
                ("rounding", &words::rounding(b.rounding, lang)),
                ("matching", &b.rows_matching),
                ("compared", &b.rows_compared),
                ("apart", &apart),
            ];
            writeln!(f, "{}", words::BEST_KEY.say(lang, &args))?;
        }
        Ok(())
    }

    /// One line per row, then the missing regions.
    fn write_rows(&self, f: &mut fmt::Formatter<'_>, lang: Lang) -> fmt::Result {
        let s = &self.summary;
        let h = words::ROW_HEADERS.each_ref().map(|t| t.get(lang));
        let [line, region, published, expected, difference, verdict] = h;
        writeln!(f)?;
        writeln!(
            f,
            "  {line:>4}  {region:<28} {published:>20} {expected:>20} {difference:>14}  {verdict}",
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
                words::verdict(r.verdict, lang)
            )?;
            if let Some(n) = words::row_note(r, self.unit, lang) {
                write!(f, " ({n})")?;
            }
            writeln!(f)?;
        }
        for m in &s.missing {
            writeln!(f, "  {:>4}  {:<28} {:>20}", "—", m, words::NO_ROW.get(lang))?;
        }
        Ok(())
    }

    /// What accounts for the difference of a total check, in `lang`: the English kept in
    /// the check, or the Swedish of its finding.
    fn explanation_in(&self, t: &TotalCheck, lang: Lang) -> Option<String> {
        let own = (lang == Lang::Sv)
            .then(|| {
                let line = t.line.map(|l| l.to_string());
                self.findings_with(Code::TableTotalMismatch)
                    .find(|x| {
                        x.ctx.get("against") == Some(&t.against)
                            && x.ctx.get("line") == line.as_ref()
                    })
                    .and_then(|x| x.ctx.get("explanation.sv"))
            })
            .flatten();
        own.or(t.explanation.as_ref()).cloned()
    }

    /// The rows' sums against the stated totals.
    fn write_totals(&self, f: &mut fmt::Formatter<'_>, lang: Lang) -> fmt::Result {
        if !self.totals.is_empty() {
            writeln!(f)?;
            writeln!(f, "{}", words::TOTALS.get(lang))?;
            for t in &self.totals {
                let what = match t.line {
                    Some(l) => words::TOTAL_LINE_AT.say(lang, &[("line", &l)]),
                    None => words::STATED_POT_LABEL.get(lang).to_owned(),
                };
                let args: [(&str, &dyn fmt::Display); 3] = [
                    ("what", &what),
                    ("stated", &kr(t.stated)),
                    ("sum", &kr(t.rows_sum)),
                ];
                write!(f, "{}", words::TOTAL_VS_ROWS.say(lang, &args))?;
                if t.adds_up {
                    if t.tolerance.value().is_zero() {
                        write!(f, "{}", words::ADDS_UP.get(lang))?;
                    } else {
                        let tol = kr(t.tolerance);
                        write!(
                            f,
                            "{}",
                            words::ADDS_UP_WITHIN.say(lang, &[("tolerance", &tol)])
                        )?;
                    }
                } else {
                    write!(
                        f,
                        "{}",
                        words::DIFFERENCE.say(lang, &[("diff", &kr(t.diff))])
                    )?;
                    if let Some(e) = self.explanation_in(t, lang) {
                        write!(f, " — {e}")?;
                    }
                }
                writeln!(f)?;
            }
        }
        Ok(())
    }

    /// The key fits and the implied key.
    fn write_fits(&self, f: &mut fmt::Formatter<'_>, lang: Lang) -> fmt::Result {
        if !self.fits.is_empty() {
            // As wide as the longest name of a rounding, and two spaces.
            let width = Rounding::ALL
                .iter()
                .map(|r| words::rounding(*r, lang).chars().count() + 2)
                .max()
                .unwrap_or(26);
            writeln!(f)?;
            writeln!(f, "{}", words::CLOSEST_KEYS.get(lang))?;
            for k in self.fits.iter().take(4) {
                writeln!(
                    f,
                    "    {:<32} {:<width$} {:>2}/{:<2} {}{}",
                    k.key,
                    words::rounding(k.rounding, lang),
                    k.rows_matching,
                    k.rows_compared,
                    words::ROWS.get(lang),
                    if k.exact {
                        words::EXACT.get(lang).to_owned()
                    } else {
                        words::APART.say(lang, &[("diff", &kr(k.total_abs_diff))])
                    }
                )?;
            }
        }
        if let Some(k) = &self.implied {
            self.write_implied(f, k, lang)?;
        }
        Ok(())
    }

    /// The implied population key, region by region.
    fn write_implied(&self, f: &mut fmt::Formatter<'_>, k: &ImpliedKey, lang: Lang) -> fmt::Result {
        writeln!(f)?;
        let t = if k.candidates == 1 {
            &words::IMPLIED_ONE
        } else {
            &words::IMPLIED_MANY
        };
        let rounding = k
            .rounding
            .map_or(String::new(), |r| format!(", {}", words::rounding(r, lang)));
        let args: [(&str, &dyn fmt::Display); 6] = [
            ("total", &group(u128::from(k.total))),
            ("candidates", &k.candidates),
            ("from", &group(u128::from(k.searched.0))),
            ("to", &group(u128::from(k.searched.1))),
            ("near", &k.near),
            ("rounding", &rounding),
        ];
        writeln!(f, "{}", t.say(lang, &args))?;
        for p in &k.populations {
            let d = i128::from(p.population) - i128::from(p.bundled);
            writeln!(
                f,
                "    {:<28} {:>12}  ({} {:>12}, {}{})",
                p.name,
                group(u128::from(p.population)),
                words::BUNDLED.get(lang),
                group(u128::from(p.bundled)),
                if d >= 0 { "+" } else { "-" },
                group(d.unsigned_abs())
            )?;
        }
        Ok(())
    }
}
