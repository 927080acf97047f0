//! The headers people read, by column id, in each language: a column's id stays the same
//! in every language (the CSV header of machines, the key of records); its header for
//! people is the id in English and a Swedish word in Swedish.

use crate::message::Lang;

/// Column id → Swedish header.
const SV: &[(&str, &str)] = &[
    ("a", "A"),
    ("adds_up", "stämmer"),
    ("against", "jämfört med"),
    ("agreement", "överenskommelse"),
    ("amount", "belopp"),
    ("b", "B"),
    ("bundled", "medföljande"),
    ("code", "kod"),
    ("component", "komponent"),
    ("convention", "enligt konventionen"),
    ("county", "län"),
    ("criterion", "kriterium"),
    ("date", "datum"),
    ("diff", "skillnad"),
    ("each", "fast belopp"),
    ("exact", "exakt"),
    ("expected", "förväntat"),
    ("explanation", "förklaring"),
    ("file", "fil"),
    ("id", "id"),
    ("key", "nyckel"),
    ("key_sources", "nyckelns källor"),
    ("kind", "slag"),
    ("level", "nivå"),
    ("line", "rad"),
    ("loc", "plats"),
    ("marks", "villkor"),
    ("max", "högst"),
    ("max_date", "datum för högst"),
    ("min", "minst"),
    ("min_date", "datum för minst"),
    ("model_total", "modellens summa"),
    ("msg", "meddelande"),
    ("name", "namn"),
    ("note", "anteckning"),
    ("part", "del"),
    ("per_capita", "kr per invånare"),
    ("population", "befolkning"),
    ("pot", "pott"),
    ("pot_effect", "potten ändrades"),
    ("published", "publicerat"),
    ("publisher", "utgivare"),
    ("quota", "exakt kvot"),
    ("quote", "citat"),
    ("rank", "plats i storlek"),
    ("recipients", "mottagare"),
    ("region", "region"),
    ("rounding", "avrundning"),
    ("rows_compared", "jämförda rader"),
    ("rows_matching", "rader som stämmer"),
    ("rule", "regel"),
    ("severity", "allvarlighet"),
    ("share", "andel"),
    ("share_effect", "andelen ändrades"),
    ("share_pct", "andel %"),
    ("source", "källa"),
    ("spread", "spännvidd"),
    ("text", "text"),
    ("title", "titel"),
    ("total", "totalt"),
    ("total_abs_diff", "summa av avvikelser"),
    ("tranche", "delbetalning"),
    ("verdict", "bedömning"),
    ("weight", "vikt"),
    ("what", "vad"),
    ("years", "år"),
];

/// The header people read for column `id` in `lang`: the id itself in English, or where
/// Swedish has no word for it.
///
/// ```
/// use vardavtal::{message::Lang, view::header};
/// assert_eq!(header("amount", Lang::Sv), "belopp");
/// assert_eq!(header("amount", Lang::En), "amount");
/// ```
pub fn header(id: &str, lang: Lang) -> &str {
    match lang {
        Lang::Sv => SV
            .binary_search_by(|(k, _)| k.cmp(&id))
            .ok()
            .and_then(|i| SV.get(i))
            .map_or(id, |(_, h)| h),
        _ => id,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_table_is_sorted_so_every_header_is_found() {
        assert!(super::SV.windows(2).all(|w| w[0].0 < w[1].0));
        for (id, sv) in super::SV {
            assert_eq!(super::header(id, crate::message::Lang::Sv), *sv);
        }
    }
}
