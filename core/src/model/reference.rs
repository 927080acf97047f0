//! The bundled reference data from Statistics Sweden (SCB): the 21 regions, the 290
//! municipalities, their population at reference dates, and the 2024 care-need key.
//!
//! The CSV files in `core/data/` are compiled into static tables by the build script;
//! every row names its source (see `core/data/SOURCES.md`, and [`data_source`]).
//!
//! ```
//! use vardavtal::reference::{self, Level};
//! assert_eq!(reference::regions().len(), 21);
//! assert_eq!(reference::region("03").map(|r| r.name), Some("Region Uppsala"));
//! let dates = reference::population_dates(Level::Regions);
//! assert!(dates.contains(&"2021-11-01".parse()?));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A region (län), by SCB county code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[non_exhaustive]
pub struct Region {
    /// SCB county code, two digits (`"01"` Stockholm … `"25"` Norrbotten).
    pub code: &'static str,
    /// Official name (`"Region Uppsala"`).
    pub name: &'static str,
    /// County name (`"Uppsala län"`).
    pub county: &'static str,
}

/// A municipality (kommun), by SCB municipality code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[non_exhaustive]
pub struct Municipality {
    /// SCB municipality code, four digits (`"0114"`).
    pub code: &'static str,
    /// Name (`"Upplands Väsby"`).
    pub name: &'static str,
    /// Code of the region it lies in.
    pub region: &'static str,
}

/// One population figure of the bundled data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct PopulationRow {
    /// Region or municipality code.
    pub code: &'static str,
    /// Reference date as (year, month, day).
    pub date: (i32, u32, u32),
    /// Inhabitants.
    pub population: u64,
    /// Source id (see [`data_source`]).
    pub source: &'static str,
}

impl PopulationRow {
    /// The reference date.
    pub fn reference_date(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.date.0, self.date.1, self.date.2)
    }
}

include!(concat!(env!("OUT_DIR"), "/reference_data.rs"));

/// Regions or municipalities: the level a population key is taken at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// The 21 regions.
    Regions,
    /// The 290 municipalities.
    Municipalities,
}

crate::names::names!(Level { Regions => "regions", Municipalities => "municipalities" });

impl Level {
    fn rows(self) -> &'static [PopulationRow] {
        match self {
            Level::Regions => POPULATION_REGIONS,
            Level::Municipalities => POPULATION_MUNICIPALITIES,
        }
    }
}

/// The 21 regions, in code order.
pub fn regions() -> &'static [Region] {
    REGIONS
}

/// The 290 municipalities, in code order.
pub fn municipalities() -> &'static [Municipality] {
    MUNICIPALITIES
}

/// The reference data in one value, as the browser takes it: the regions, the
/// municipalities and the reference dates that have population figures, by level.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[non_exhaustive]
pub struct Reference {
    /// The 21 regions.
    pub regions: &'static [Region],
    /// The 290 municipalities.
    pub municipalities: &'static [Municipality],
    /// The dates with population figures.
    pub population_dates: PopulationDates,
}

/// The reference dates that have population figures, by level, oldest first.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[non_exhaustive]
pub struct PopulationDates {
    /// For the regions.
    pub regions: Vec<NaiveDate>,
    /// For the municipalities.
    pub municipalities: Vec<NaiveDate>,
}

/// The bundled reference data ([`Reference`]).
pub fn bundled() -> Reference {
    Reference {
        regions: REGIONS,
        municipalities: MUNICIPALITIES,
        population_dates: PopulationDates {
            regions: population_dates(Level::Regions),
            municipalities: population_dates(Level::Municipalities),
        },
    }
}

/// The region with this code.
pub fn region(code: &str) -> Option<&'static Region> {
    // The build script checks that the table is in code order.
    REGIONS
        .binary_search_by(|r| r.code.cmp(code))
        .ok()
        .and_then(|i| REGIONS.get(i))
}

/// The municipality with this code.
pub fn municipality(code: &str) -> Option<&'static Municipality> {
    MUNICIPALITIES
        .binary_search_by(|m| m.code.cmp(code))
        .ok()
        .and_then(|i| MUNICIPALITIES.get(i))
}

/// The reference dates with population figures at this level, oldest first.
pub fn population_dates(level: Level) -> Vec<NaiveDate> {
    let mut d: Vec<NaiveDate> = level
        .rows()
        .iter()
        .filter_map(PopulationRow::reference_date)
        .collect();
    d.sort();
    d.dedup();
    d
}

/// The population rows at this level and date (empty when the data has no such date).
pub fn population(level: Level, date: NaiveDate) -> Vec<&'static PopulationRow> {
    level
        .rows()
        .iter()
        .filter(|r| r.reference_date() == Some(date))
        .collect()
}

/// The population date used by default for money paid in `year`: SCB's population on
/// 1 November of the year before where the bundled data has it, else the latest date
/// before that.
///
/// ```
/// use vardavtal::reference::{default_population_date, Level};
/// assert_eq!(default_population_date(Level::Regions, 2022).map(|d| d.to_string()), Some("2021-11-01".into()));
/// assert_eq!(default_population_date(Level::Regions, 2021).map(|d| d.to_string()), Some("2019-12-31".into()));
/// ```
pub fn default_population_date(level: Level, year: i32) -> Option<NaiveDate> {
    let nov1 = NaiveDate::from_ymd_opt(year.checked_sub(1)?, 11, 1)?;
    population_dates(level).into_iter().rfind(|d| *d <= nov1)
}

/// The description of a source id used in the bundled data (`"scb-2021-table"` …).
pub fn data_source(id: &str) -> Option<&'static str> {
    DATA_SOURCES.iter().find(|(k, _)| *k == id).map(|(_, v)| *v)
}

/// The bundled care-need key of the regions for 2024 (region code, weight).
pub fn needs_key_regions_2024() -> &'static [(&'static str, u64, &'static str)] {
    NEEDS_REGIONS_2024
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_equal_sum_of_municipalities_at_common_dates() {
        for date in population_dates(Level::Municipalities) {
            let munis = population(Level::Municipalities, date);
            assert_eq!(munis.len(), 290, "{date}");
            for r in population(Level::Regions, date) {
                let sum: u64 = munis
                    .iter()
                    .filter(|m| municipality(m.code).map(|x| x.region) == Some(r.code))
                    .map(|m| m.population)
                    .sum();
                assert_eq!(sum, r.population, "{} {date}", r.code);
            }
        }
    }

    #[test]
    fn every_date_is_complete_and_every_source_described() {
        for level in [Level::Regions, Level::Municipalities] {
            let n = match level {
                Level::Regions => 21,
                Level::Municipalities => 290,
            };
            for d in population_dates(level) {
                assert_eq!(population(level, d).len(), n);
            }
            for r in level.rows() {
                assert!(data_source(r.source).is_some(), "{}", r.source);
            }
        }
        assert!(data_source("needs-key-2024-published").is_some());
    }
}
