//! The words of a reconciliation for people, in each language, in one place: the report's
//! labels, the headline's sentences, what accounts for a difference, the notes on rows and
//! the stated rule. Each text is an (English, Swedish) pair with named places, filled as a
//! finding's template is ([`crate::message::fill`]); the names of ids (roundings, verdicts)
//! are with the other names in `view/words.rs`.
//!
//! The texts a reconciliation keeps as data (its headline, the explanation of a total, a
//! row's note) are English, the same in every language as a finding's context is; its
//! report ([`std::fmt::Display`]) is written in the [current](Lang::current) language.

use std::collections::BTreeMap;
use std::fmt::Display;

use super::{Rounding, RowVerdict, StatedRule, Unit, Verdict, kr, to_units};
use crate::message::{Lang, fill};
use crate::swedish::format_kr;

/// A text in English and Swedish, with `{name}` places.
pub(super) struct Text {
    en: &'static str,
    sv: &'static str,
}

const fn t(en: &'static str, sv: &'static str) -> Text {
    Text { en, sv }
}

impl Text {
    /// The text in `lang`, as it is.
    pub(super) fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Sv => self.sv,
            _ => self.en,
        }
    }
    /// The text in `lang` with its places filled from `args` (values as they are).
    pub(super) fn say(&self, lang: Lang, args: &[(&str, &dyn Display)]) -> String {
        let ctx: BTreeMap<String, String> = args
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.to_string()))
            .collect();
        fill(self.get(lang), lang, &ctx)
    }
}

/// `one` when `n` is 1, else `many` (English says `row(s)` in both).
pub(super) fn counted(n: usize, one: &'static Text, many: &'static Text) -> &'static Text {
    if n == 1 { one } else { many }
}

// ---- the report ---------------------------------------------------------------------------

pub(super) const STATED_POT: Text = t("  stated pot: {pot}", "  angiven pott: {pot}");
pub(super) const NO_POT: Text = t(
    "  no pot stated; the model splits {pot} ({source})",
    "  ingen pott angiven; modellen fördelar {pot} ({source})",
);
pub(super) const FROM_TOTAL_LINE: Text = t("the table's total line", "tabellens summarad");
pub(super) const FROM_ROWS: Text = t("the sum of the rows", "radernas summa");
pub(super) const RULE: Text = t("; rule: {rule}", "; regel: {rule}");
pub(super) const NO_RULE: Text = t("; rule not stated", "; ingen regel angiven");
pub(super) const ROWS_REGIONS: Text = t(
    "  {rows} rows, {regions} of 21 regions; the rows add up to {sum}",
    "  {rows} rader, {regions} av 21 regioner; raderna summerar till {sum}",
);
pub(super) const BEST_KEY: Text = t(
    "  best key: {key} with {rounding}: {matching} of {compared} region rows match{apart}",
    "  bästa nyckel: {key} med {rounding}: {matching} av {compared} regionrader stämmer{apart}",
);
pub(super) const APART_IN_ALL: Text = t(", {diff} apart in all", ", sammanlagd avvikelse {diff}");
/// The headers of the rows: line, region, published, expected, difference, verdict.
pub(super) const ROW_HEADERS: [Text; 6] = [
    t("line", "rad"),
    t("region", "region"),
    t("published", "publicerat"),
    t("expected", "förväntat"),
    t("difference", "skillnad"),
    t("verdict", "bedömning"),
];
pub(super) const NO_ROW: Text = t("(no row)", "(ingen rad)");
pub(super) const TOTALS: Text = t("  totals:", "  summor:");
pub(super) const TOTAL_LINE_AT: Text = t("total line (line {line})", "summaraden (rad {line})");
pub(super) const STATED_POT_LABEL: Text = t("stated pot", "angiven pott");
pub(super) const TOTAL_VS_ROWS: Text = t(
    "    {what}: {stated}; rows: {sum}; ",
    "    {what}: {stated}; rader: {sum}; ",
);
pub(super) const ADDS_UP: Text = t("adds up", "stämmer");
pub(super) const ADDS_UP_WITHIN: Text = t(
    "adds up within the rounding of the rows (±{tolerance})",
    "stämmer inom radernas avrundning (±{tolerance})",
);
pub(super) const DIFFERENCE: Text = t("DIFFERENCE {diff}", "SKILLNAD {diff}");
pub(super) const CLOSEST_KEYS: Text = t("  closest keys:", "  närmaste nycklar:");
pub(super) const ROWS: Text = t("rows", "rader");
pub(super) const EXACT: Text = t("  exact", "  exakt");
pub(super) const APART: Text = t("  {diff} apart", "  avviker med {diff}");
pub(super) const IMPLIED_ONE: Text = t(
    "  implied population key: total {total} inhabitants ({candidates} candidate total(s) in {from}–{to}; closest bundled key {near}){rounding}",
    "  befolkningsnyckel som tabellen ger: totalt {total} invånare ({candidates} möjlig summa i {from}–{to}; närmaste medföljande nyckel {near}){rounding}",
);
pub(super) const IMPLIED_MANY: Text = t(
    "  implied population key: total {total} inhabitants ({candidates} candidate total(s) in {from}–{to}; closest bundled key {near}){rounding}",
    "  befolkningsnyckel som tabellen ger: totalt {total} invånare ({candidates} möjliga summor i {from}–{to}; närmaste medföljande nyckel {near}){rounding}",
);
pub(super) const BUNDLED: Text = t("bundled", "medföljande");
pub(super) const FINDINGS: Text = t("  findings:", "  iakttagelser:");

// ---- the headline ---------------------------------------------------------------------------

pub(super) const MORE_THAN_POT: Text = t(
    "The rows add up to {sum}, {gap} more than the stated pot of {pot}.",
    "Raderna summerar till {sum}, {gap} mer än den angivna potten på {pot}.",
);
pub(super) const LESS_THAN_POT: Text = t(
    "The rows add up to {sum}, {gap} less than the stated pot of {pot}.",
    "Raderna summerar till {sum}, {gap} mindre än den angivna potten på {pot}.",
);
pub(super) const NOT_TOTAL_LINE: Text = t(
    "The rows add up to {sum}, not to the {stated} of the table's total line.",
    "Raderna summerar till {sum}, inte till de {stated} som står på tabellens summarad.",
);
pub(super) const NO_TOTAL: Text = t(
    "The rows add up to {sum} (no total stated).",
    "Raderna summerar till {sum} (ingen summa angiven).",
);
pub(super) const STATED_TOTAL: Text = t(
    "The rows add up to the stated total, {sum}.",
    "Raderna summerar till den angivna summan, {sum}.",
);
pub(super) const MISSING: Text = t("Missing: {names}.", "Saknas: {names}.");
pub(super) const REPEATED_ONE: Text = t("{n} repeated row(s).", "{n} upprepad rad.");
pub(super) const REPEATED_MANY: Text = t("{n} repeated row(s).", "{n} upprepade rader.");
pub(super) const UNKNOWN_ONE: Text = t("{n} row(s) not a region.", "{n} rad är ingen region.");
pub(super) const UNKNOWN_MANY: Text = t("{n} row(s) not a region.", "{n} rader är inte regioner.");
pub(super) const IRREGULAR: Text = t(
    "{n} amount(s) with irregular digit grouping.",
    "{n} belopp med oregelbunden siffergruppering.",
);
pub(super) const REPRODUCES: Text = t(
    "The key {key} with {rounding} reproduces every region row.",
    "Nyckeln {key} med {rounding} återger varje regionrad.",
);
pub(super) const CLOSEST: Text = t(
    "No bundled key reproduces the table; closest: {key} with {rounding} ({matching} of {compared} rows match).",
    "Ingen medföljande nyckel återger tabellen; närmast är {key} med {rounding} ({matching} av {compared} rader stämmer).",
);
pub(super) const FOLLOWS_NONE: Text = t(
    "The table follows no bundled key (the closest, {key} with {rounding}, matches {matching} of {compared} rows): it is not a split by one.",
    "Tabellen följer ingen medföljande nyckel (den närmaste, {key} med {rounding}, stämmer för {matching} av {compared} rader): den är ingen fördelning efter någon av dem.",
);
pub(super) const IMPLIED_REPRODUCES: Text = t(
    "A population key totalling {total} inhabitants reproduces it exactly.",
    "En befolkningsnyckel med totalt {total} invånare återger den exakt.",
);
pub(super) const IMPLIED_WITHIN: Text = t(
    "Every row is within 1 kr of its share under a population key totalling {total} inhabitants, but no rounding the model knows reproduces the rows.",
    "Varje rad ligger inom 1 kr från sin andel efter en befolkningsnyckel med totalt {total} invånare, men ingen avrundning som modellen känner återger raderna.",
);
pub(super) const DIFFERS_FROM_KEY: Text = t(
    "Differs from that key: {lines}.",
    "Avviker från den nyckeln: {lines}.",
);
pub(super) const LINE_NAME: Text = t("line {line} ({name})", "rad {line} ({name})");
pub(super) const RULE_NEED_BUT_POPULATION: Text = t(
    "It is stated as split by care need, but a population key reproduces it, not the care-need key.",
    "Enligt uppgift fördelas den efter vårdbehov, men det är en befolkningsnyckel som återger den, inte vårdbehovsnyckeln.",
);
pub(super) const RULE_BUT_NEED: Text = t(
    "It is stated as split {rule}, but the care-need key reproduces it.",
    "Enligt uppgift fördelas den {rule}, men det är vårdbehovsnyckeln som återger den.",
);
pub(super) const RULE_STATED: Text = t(
    "That is the rule stated: {rule}.",
    "Det är den angivna regeln: {rule}.",
);

// ---- what accounts for a difference --------------------------------------------------------

pub(super) const REPEATED_ROWS_ONE: Text = t(
    "the repeated row(s) on line {lines}",
    "den upprepade raden på rad {lines}",
);
pub(super) const REPEATED_ROWS_MANY: Text = t(
    "the repeated row(s) on line {lines}",
    "de upprepade raderna på rad {lines}",
);
pub(super) const MISSING_REGIONS_ONE: Text = t(
    "the missing region(s) {names}",
    "den saknade regionen {names}",
);
pub(super) const MISSING_REGIONS_MANY: Text = t(
    "the missing region(s) {names}",
    "de saknade regionerna {names}",
);
pub(super) const NOT_REGIONS_ONE: Text = t(
    "the row(s) that are not regions, on line {lines}",
    "raden som inte är en region, på rad {lines}",
);
pub(super) const NOT_REGIONS_MANY: Text = t(
    "the row(s) that are not regions, on line {lines}",
    "raderna som inte är regioner, på rad {lines}",
);
pub(super) const DIFFERING_ONE: Text = t(
    "the row(s) that differ from the key, on line {lines}",
    "raden som avviker från nyckeln, på rad {lines}",
);
pub(super) const DIFFERING_MANY: Text = t(
    "the row(s) that differ from the key, on line {lines}",
    "raderna som avviker från nyckeln, på rad {lines}",
);
/// Between the last two causes.
pub(super) const AND: Text = t(" and ", " och ");
/// Between readings that each add up.
pub(super) const OR: Text = t(" or ", " eller ");
pub(super) const ACCOUNTED_FOR: Text = t(
    "accounted for by {causes}",
    "skillnaden förklaras av {causes}",
);
pub(super) const ROUNDING_LOSES_TOTAL: Text = t(
    "the rows are {rounding} of the key {key}, which does not preserve the total; largest remainder would",
    "raderna är nyckeln {key} avrundad med {rounding}, som inte bevarar summan; största rest-metoden hade gjort det",
);
pub(super) const PER_ROW: Text = t(
    "no more than one krona per row: the size of rounding each row on its own",
    "högst en krona per rad, vilket är vad avrundning av varje rad för sig kan ge",
);

// ---- notes on rows ---------------------------------------------------------------------------

/// Two digits of a row exchanged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Swap {
    /// Two adjacent digits.
    Adjacent,
    /// Two digits apart.
    Apart,
}

const ADJACENT_SWAP: Text = t(
    "two adjacent digits swapped",
    "två intilliggande siffror har bytt plats",
);
const SWAP: Text = t("two digits swapped", "två siffror har bytt plats");
const SWAP_EXPECTED: Text = t(
    "{swap}: {expected} expected",
    "{swap}: {expected} förväntat",
);
const READ_AS: Text = t(
    "read as {reading}, the table adds up",
    "läst som {reading} stämmer tabellen",
);
const READINGS: Text = t("readings: {readings}", "möjliga läsningar: {readings}");

impl Swap {
    /// `two adjacent digits swapped`.
    pub(super) fn text(self, lang: Lang) -> &'static str {
        match self {
            Swap::Adjacent => ADJACENT_SWAP.get(lang),
            Swap::Apart => SWAP.get(lang),
        }
    }
}

/// "two adjacent digits swapped" when `a` and `e` have the same digits but two exchanged.
pub(super) fn swapped_digits(a: i128, e: i128) -> Option<Swap> {
    let (x, y) = (a.unsigned_abs().to_string(), e.unsigned_abs().to_string());
    if x.len() != y.len() || a.signum() != e.signum() {
        return None;
    }
    let diff: Vec<usize> = x
        .bytes()
        .zip(y.bytes())
        .enumerate()
        .filter(|(_, (p, q))| p != q)
        .map(|(k, _)| k)
        .collect();
    let [i, j] = diff.as_slice() else { return None };
    let (xb, yb) = (x.as_bytes(), y.as_bytes());
    (xb.get(*i) == yb.get(*j) && xb.get(*j) == yb.get(*i)).then_some(if j - i == 1 {
        Swap::Adjacent
    } else {
        Swap::Apart
    })
}

/// A remark on a row for a reader: two digits swapped against the key it differs from, or
/// how an irregular grouping may be read.
pub(super) fn row_note(r: &RowVerdict, unit: Unit, lang: Lang) -> Option<String> {
    match r.verdict {
        Verdict::Differs => {
            let (a, e) = (r.amount?, r.expected?);
            let swap = swapped_digits(to_units(a.value(), unit)?, to_units(e.value(), unit)?)?;
            Some(SWAP_EXPECTED.say(lang, &[("swap", &swap.text(lang)), ("expected", &kr(e))]))
        }
        Verdict::IrregularGrouping if !r.readings.is_empty() => {
            let adding: Vec<String> = r
                .readings
                .iter()
                .filter(|x| x.adds_up)
                .map(|x| kr(x.amount))
                .collect();
            Some(match adding.as_slice() {
                [one] => READ_AS.say(lang, &[("reading", one)]),
                _ => {
                    let all: Vec<String> = r.readings.iter().map(|x| kr(x.amount)).collect();
                    READINGS.say(lang, &[("readings", &all.join(", "))])
                }
            })
        }
        _ => None,
    }
}

// ---- names ---------------------------------------------------------------------------------------

const BY_POPULATION: Text = t("by population", "efter befolkning");
const FIXED_PLUS_POPULATION: Text = t(
    "{each} per region, the rest by population",
    "{each} per region, resten efter befolkning",
);
const BY_NEED: Text = t("by care need", "efter vårdbehov");

/// The rule a publisher states, in words: `by population`, `efter befolkning`.
pub(super) fn rule(r: &StatedRule, lang: Lang) -> String {
    match r {
        StatedRule::Population => BY_POPULATION.get(lang).to_owned(),
        StatedRule::FixedPlusPopulation { each } => {
            FIXED_PLUS_POPULATION.say(lang, &[("each", &format_kr(each.value()))])
        }
        StatedRule::Need => BY_NEED.get(lang).to_owned(),
    }
}

/// A rounding for people: `largest remainder`, `största rest`.
pub(super) fn rounding(r: Rounding, lang: Lang) -> String {
    match lang {
        Lang::Sv => crate::view::words::name_in(Lang::Sv, "rounding", r.as_str()).to_owned(),
        _ => r.to_string(),
    }
}

/// A verdict for people: `DIFFERS`, `AVVIKER`.
pub(super) fn verdict(v: Verdict, lang: Lang) -> &'static str {
    crate::view::words::name_in(lang, "verdict", v.as_str())
}
