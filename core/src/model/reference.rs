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
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::reference;
let r = reference::region("25").ok_or("no region 25")?;
assert_eq!((r.name, r.county), ("Region Norrbotten", "Norrbottens län"));
# Ok::<(), Box<dyn std::error::Error>>(())
```
"#
)]
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
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::reference;
let m = reference::municipality("2584").ok_or("no municipality 2584")?;
assert_eq!((m.name, m.region), ("Kiruna", "25"));
# Ok::<(), Box<dyn std::error::Error>>(())
```
"#
)]
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
///
/// ```
/// use vardavtal::reference::{self, Level};
/// let rows = reference::population(Level::Regions, "2021-11-01".parse()?);
/// let stockholm = rows.iter().find(|r| r.code == "01").ok_or("no Stockholm")?;
/// assert_eq!(stockholm.population, 2_411_859);
/// assert_eq!(stockholm.source, "scb-1nov-key-reconstructed");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
    ///
    /// ```
    /// use vardavtal::reference::{self, Level};
    /// let date = "2024-12-31".parse()?;
    /// let rows = reference::population(Level::Municipalities, date);
    /// assert_eq!(rows.len(), 290);
    /// assert!(rows.iter().all(|r| r.reference_date() == Some(date)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reference_date(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.date.0, self.date.1, self.date.2)
    }
}

include!(concat!(env!("OUT_DIR"), "/reference_data.rs"));

/// Regions or municipalities: the level a population key is taken at.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::Level;
assert_eq!("municipalities".parse::<Level>()?, Level::Municipalities);
assert_eq!(Level::Regions.as_str(), "regions");
assert_eq!(Level::ALL.len(), 2);
# Ok::<(), vardavtal::Error>(())
```
"#
)]
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
///
/// ```
/// use vardavtal::reference;
/// let regions = reference::regions();
/// assert_eq!(regions.len(), 21);
/// assert_eq!((regions[0].code, regions[0].name), ("01", "Region Stockholm"));
/// assert_eq!(regions[20].code, "25");
/// ```
pub fn regions() -> &'static [Region] {
    REGIONS
}

/// The 290 municipalities, in code order.
///
/// ```
/// use vardavtal::reference;
/// let munis = reference::municipalities();
/// assert_eq!(munis.len(), 290);
/// assert_eq!((munis[0].code, munis[0].name), ("0114", "Upplands Väsby"));
/// assert_eq!(munis.iter().filter(|m| m.region == "01").count(), 26);
/// ```
pub fn municipalities() -> &'static [Municipality] {
    MUNICIPALITIES
}

/// The reference data in one value, as the browser takes it: the regions, the
/// municipalities and the reference dates that have population figures, by level.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::reference;
let data = reference::bundled();
assert_eq!((data.regions.len(), data.municipalities.len()), (21, 290));
assert!(data.population_dates.regions.contains(&"2021-11-01".parse()?));
# Ok::<(), Box<dyn std::error::Error>>(())
```
"#
)]
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
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::reference;
let dates = reference::bundled().population_dates;
assert_eq!(dates.regions.first().map(|d| d.to_string()), Some("2017-12-31".into()));
// the 1 November keys exist for the regions only
assert!(!dates.municipalities.contains(&"2021-11-01".parse()?));
# Ok::<(), Box<dyn std::error::Error>>(())
```
"#
)]
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
///
/// ```
/// use vardavtal::reference;
/// let json = serde_json::to_value(reference::bundled())?;
/// assert_eq!(json["regions"][1]["name"], "Region Uppsala");
/// assert_eq!(json["population_dates"]["regions"][0], "2017-12-31");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
///
/// ```
/// use vardavtal::reference;
/// assert_eq!(reference::region("01").map(|r| r.name), Some("Region Stockholm"));
/// assert_eq!(reference::region("02"), None); // no county has code 02
/// ```
pub fn region(code: &str) -> Option<&'static Region> {
    // The build script checks that the table is in code order.
    REGIONS
        .binary_search_by(|r| r.code.cmp(code))
        .ok()
        .and_then(|i| REGIONS.get(i))
}

/// The municipality with this code.
///
/// ```
/// use vardavtal::reference;
/// let m = reference::municipality("0180");
/// assert_eq!(m.map(|m| (m.name, m.region)), Some(("Stockholm", "01")));
/// assert_eq!(reference::municipality("180"), None);
/// ```
pub fn municipality(code: &str) -> Option<&'static Municipality> {
    MUNICIPALITIES
        .binary_search_by(|m| m.code.cmp(code))
        .ok()
        .and_then(|i| MUNICIPALITIES.get(i))
}

/// The reference dates with population figures at this level, oldest first.
///
/// ```
/// use vardavtal::reference::{self, Level};
/// let dates = reference::population_dates(Level::Municipalities);
/// assert_eq!(dates.len(), 7);
/// assert_eq!(dates.last().map(|d| d.to_string()), Some("2025-12-31".into()));
/// ```
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
///
/// ```
/// use vardavtal::reference::{self, Level};
/// let rows = reference::population(Level::Regions, "2021-11-01".parse()?);
/// assert_eq!(rows.len(), 21);
/// assert_eq!(rows.iter().map(|r| r.population).sum::<u64>(), 10_443_100);
/// assert!(reference::population(Level::Regions, "2022-11-01".parse()?).is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
///
/// ```
/// use vardavtal::reference::{self, Level};
/// let row = reference::population(Level::Regions, "2021-11-01".parse()?)[0];
/// let text = reference::data_source(row.source).ok_or("undescribed source")?;
/// assert!(text.starts_with("The population key behind a published per-region distribution"));
/// assert_eq!(reference::data_source("no-such-source"), None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn data_source(id: &str) -> Option<&'static str> {
    DATA_SOURCES.iter().find(|(k, _)| *k == id).map(|(_, v)| *v)
}

/// The bundled care-need key of the regions for 2024 (region code, weight).
///
/// ```
/// use vardavtal::reference;
/// let key = reference::needs_key_regions_2024();
/// assert_eq!(key.len(), 21);
/// assert_eq!(key[0], ("01", 1_267_100_000, "needs-key-2024-published"));
/// ```
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
