//! Views: every result as a table people read and programs take, rendered once, here.
//!
//! A [`Table`] is a title, typed [`Column`]s, rows of [`Cell`]s, a footer (total lines)
//! and notes. Core renders it as aligned text ([`Table::to_text`]), HTML
//! ([`Table::to_html`]), CSV ([`Table::to_csv`]: plain decimals, no separators) and JSON
//! records ([`Table::to_records`]: amounts as strings). Every result type implements
//! [`View`]; [`render`] picks the output for a [`Format`]. The CLI prints what this module
//! renders, Python's `repr`/`_repr_html_`/`to_records` and the JavaScript objects get the
//! same tables, so the same amount reads the same in every skin: `1 382 000 000 kr` for
//! people, `1382000000` in CSV and JSON.
//!
//! ```
//! use vardavtal::view::{Format, View, render};
//! use vardavtal::{split, Key, Sek, Unit};
//! let key = Key::from_arg("population:regions:2021-11-01")?;
//! let alloc = split(Sek::kronor(443_000_000), &key, None, Unit::Krona)?;
//! let text = alloc.text();
//! assert!(text.contains("| 03   | Region Uppsala") && text.contains("16 720 152 kr"));
//! assert!(render(&alloc, Format::Csv)?.starts_with(b"code,name,amount,"));
//! # Ok::<(), vardavtal::Error>(())
//! ```

mod across;
mod change;
mod headers;
mod render;
mod shown;
mod tables;
pub mod ts;
pub(crate) mod words;
#[cfg(feature = "xlsx")]
mod xlsx;

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::agreement::When;
use crate::finding::{Error, Loc};
use crate::message::templates::reconcile as templates;
use crate::money::Sek;

pub use headers::header;
pub use tables::{AgreementList, SourceView, municipalities, population, regions, totals};

/// What a column holds: it decides alignment and how a value is written for people.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::view::{Kind, View, regions};
let t = regions();
assert_eq!(t.columns[0].kind, Kind::Text);
assert!(Kind::Amount.is_numeric() && !Kind::Date.is_numeric());
```
"#
)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Kind {
    /// Text, left-aligned.
    Text,
    /// Money: `1 382 000 000 kr` for people, a plain decimal in CSV and JSON.
    Amount,
    /// A whole number (population, line number, rank), grouped by spaces for people.
    Integer,
    /// A decimal that is not money (a weight, a quota), decimal comma for people.
    Decimal,
    /// A date or a month.
    Date,
}

impl Kind {
    /// Whether people read the column right-aligned.
    ///
    /// ```
    /// use vardavtal::view::Kind;
    /// assert!(Kind::Integer.is_numeric());
    /// assert!(!Kind::Text.is_numeric());
    /// ```
    pub fn is_numeric(self) -> bool {
        matches!(self, Kind::Amount | Kind::Integer | Kind::Decimal)
    }
}

/// A column: its machine name (CSV header, JSON key), its header for people and its kind.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::view::{Column, Kind};
let c = Column::titled("diff", "B − A", Kind::Amount);
assert_eq!((c.id.as_str(), c.header.as_str(), c.kind), ("diff", "B − A", Kind::Amount));
```
"#
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
pub struct Column {
    /// The machine name (`"amount"`): the CSV header and the key of JSON records.
    pub id: String,
    /// The header people read (`"B − A"`).
    pub header: String,
    /// What the column holds.
    pub kind: Kind,
}

impl Column {
    /// A column whose header for people is its id, or its Swedish [`header`] when texts
    /// are in Swedish ([`Lang::current`](crate::message::Lang::current)).
    ///
    /// ```
    /// use vardavtal::message::{Lang, with_lang};
    /// use vardavtal::view::{Column, Kind};
    /// assert_eq!(Column::new("amount", Kind::Amount).header, "amount");
    /// let sv = with_lang(Lang::Sv, || Column::new("amount", Kind::Amount));
    /// assert_eq!((sv.id.as_str(), sv.header.as_str()), ("amount", "belopp"));
    /// ```
    pub fn new(id: &str, kind: Kind) -> Self {
        Column::titled(id, header(id, crate::message::Lang::current()), kind)
    }
    /// A column with a header of its own.
    ///
    /// ```
    /// use vardavtal::view::{Column, Kind};
    /// let c = Column::titled("amount", "Belopp 2022", Kind::Amount);
    /// assert_eq!((c.id.as_str(), c.header.as_str()), ("amount", "Belopp 2022"));
    /// ```
    pub fn titled(id: &str, header: &str, kind: Kind) -> Self {
        Column {
            id: id.to_owned(),
            header: header.to_owned(),
            kind,
        }
    }
}

/// One value of a table.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::Sek;
use vardavtal::view::Cell;
let c = Cell::from(Sek::kronor(1_382_000_000));
assert_eq!((c.for_people().as_str(), c.plain().as_str()), ("1 382 000 000 kr", "1382000000"));
assert_eq!(Cell::from("Region Uppsala"), Cell::Text("Region Uppsala".into()));
```
"#
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[serde(untagged)]
#[non_exhaustive]
pub enum Cell {
    /// Nothing (an empty CSV field, `null` in JSON).
    Empty,
    /// Text.
    Text(String),
    /// Money (a string in JSON).
    Amount(Sek),
    /// A whole number.
    Integer(i128),
    /// A decimal that is not money (a string in JSON).
    Decimal(#[serde(with = "crate::money::decimal_str")] Decimal),
    /// A date or a month (`"2022-06"`).
    Date(When),
}

impl Cell {
    /// Text, or [`Cell::Empty`] for `None`.
    ///
    /// ```
    /// use vardavtal::view::Cell;
    /// assert_eq!(Cell::opt_text(Some("tranche 1")), Cell::Text("tranche 1".into()));
    /// assert_eq!(Cell::opt_text(None::<String>), Cell::Empty);
    /// ```
    pub fn opt_text(s: Option<impl Into<String>>) -> Cell {
        s.map_or(Cell::Empty, |s| Cell::Text(s.into()))
    }
    /// An amount, or [`Cell::Empty`] for `None`.
    ///
    /// ```
    /// use vardavtal::{Sek, view::Cell};
    /// assert_eq!(Cell::opt_amount(Some(Sek::kronor(443_000_000))).plain(), "443000000");
    /// assert_eq!(Cell::opt_amount(None), Cell::Empty);
    /// ```
    pub fn opt_amount(a: Option<Sek>) -> Cell {
        a.map_or(Cell::Empty, Cell::Amount)
    }
    /// The value as people read it (`1 382 000 000 kr`, `3,774`).
    ///
    /// ```
    /// use vardavtal::{Sek, view::Cell};
    /// assert_eq!(Cell::Amount(Sek::kronor(1_382_000_000)).for_people(), "1 382 000 000 kr");
    /// assert_eq!(Cell::Decimal("3.774".parse()?).for_people(), "3,774");
    /// assert_eq!(Cell::Integer(10_443_100).for_people(), "10 443 100");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn for_people(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Amount(a) => crate::swedish::format_kr(a.value()),
            Cell::Integer(i) => render::group(*i),
            Cell::Decimal(d) => render::number(*d),
            Cell::Date(d) => d.to_string(),
        }
    }
    /// The value as data: a plain decimal for numbers (`1382000000`), ISO dates.
    ///
    /// ```
    /// use vardavtal::{Sek, view::Cell};
    /// assert_eq!(Cell::Amount(Sek::kronor(1_382_000_000)).plain(), "1382000000");
    /// assert_eq!(Cell::Decimal("3.7740".parse()?).plain(), "3.774");
    /// assert_eq!(Cell::Date("2022-06".parse()?).plain(), "2022-06");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn plain(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Amount(a) => a.to_string(),
            Cell::Integer(i) => i.to_string(),
            Cell::Decimal(d) => d.normalize().to_string(),
            Cell::Date(d) => d.to_string(),
        }
    }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Self {
        Cell::Text(s.to_owned())
    }
}
impl From<String> for Cell {
    fn from(s: String) -> Self {
        Cell::Text(s)
    }
}
impl From<Sek> for Cell {
    fn from(a: Sek) -> Self {
        Cell::Amount(a)
    }
}

/// A result as a table: title, typed columns, rows, footer lines (totals) and notes.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::{Key, Sek, Unit, split, view::View};
let key = Key::from_arg("population:regions:2021-11-01")?;
let t = split(Sek::kronor(443_000_000), &key, None, Unit::Krona)?.table();
assert_eq!(t.title, "Allocation of 443 000 000 kr to 21 recipients (21 rows, unit krona)");
assert_eq!((t.columns.len(), t.rows.len(), t.footer.len()), (3, 21, 1));
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
pub struct Table {
    /// What the table shows (`"Allocation of 443 000 000 kr to 21 recipients"`).
    pub title: String,
    /// The columns.
    pub columns: Vec<Column>,
    /// The rows; each has one cell per column.
    pub rows: Vec<Vec<Cell>>,
    /// Total lines, shown under the rows for people (not part of CSV or records).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub footer: Vec<Vec<Cell>>,
    /// Notes under the table for people: what each pot is, what was not allocated and why.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

impl Table {
    /// An empty table with a title and columns.
    ///
    /// ```
    /// use vardavtal::{Sek, view::{Column, Kind, Table}};
    /// let mut t = Table::new("Pots", vec![Column::new("code", Kind::Text), Column::new("amount", Kind::Amount)]);
    /// t.rows.push(vec!["01".into(), Sek::kronor(1_382_000_000).into()]);
    /// assert_eq!(t.to_csv(), "code,amount\n01,1382000000\n");
    /// ```
    pub fn new(title: impl Into<String>, columns: Vec<Column>) -> Self {
        Table {
            title: title.into(),
            columns,
            ..Table::default()
        }
    }
    /// The column ids, in order.
    ///
    /// ```
    /// use vardavtal::{Key, Sek, Unit, split, view::View};
    /// let key = Key::from_arg("population:regions:2021-11-01")?;
    /// let a = split(Sek::kronor(443_000_000), &key, None, Unit::Krona)?;
    /// assert_eq!(a.table().column_ids(), ["code", "name", "split"]);
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    pub fn column_ids(&self) -> Vec<&str> {
        self.columns.iter().map(|c| c.id.as_str()).collect()
    }
}

/// A table reads back from its JSON form (what serde writes): each cell as the kind of its
/// column says (`null` is [`Cell::Empty`]), so a table survives a round trip (the Python
/// skin pickles tables this way).
///
/// ```
/// use vardavtal::view::{Table, json, regions};
/// let t = regions();
/// assert_eq!(vardavtal::json::from_str::<Table>(&json(&t))?, t);
/// # Ok::<(), vardavtal::Error>(())
/// ```
impl<'de> Deserialize<'de> for Table {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Raw {
            title: String,
            columns: Vec<Column>,
            rows: Vec<Vec<serde_json::Value>>,
            #[serde(default)]
            footer: Vec<Vec<serde_json::Value>>,
            #[serde(default)]
            notes: Vec<String>,
        }
        let raw = Raw::deserialize(d)?;
        let cells = |rows: Vec<Vec<serde_json::Value>>| {
            rows.into_iter()
                .map(|r| {
                    r.into_iter()
                        .zip(&raw.columns)
                        .map(|(v, c)| Cell::from_json(c.kind, v))
                        .collect::<std::result::Result<Vec<_>, _>>()
                })
                .collect::<std::result::Result<Vec<_>, _>>()
                .map_err(serde::de::Error::custom)
        };
        Ok(Table {
            rows: cells(raw.rows)?,
            footer: cells(raw.footer)?,
            title: raw.title,
            notes: raw.notes,
            columns: raw.columns,
        })
    }
}

impl Cell {
    /// A cell of a column of `kind` from its JSON value (a string for text, amounts,
    /// decimals and dates, a number for integers, `null` for nothing). A string in a
    /// numeric column that is not a number is text (the "total" of a footer line).
    fn from_json(kind: Kind, v: serde_json::Value) -> std::result::Result<Cell, String> {
        use serde_json::Value;
        Ok(match (kind, v) {
            (_, Value::Null) => Cell::Empty,
            (Kind::Integer, Value::Number(n)) => {
                Cell::Integer(n.to_string().parse().map_err(|e| format!("{n}: {e}"))?)
            }
            (Kind::Amount, Value::String(s)) => {
                s.parse::<Sek>().map_or(Cell::Text(s), Cell::Amount)
            }
            (Kind::Decimal, Value::String(s)) => {
                crate::money::parse_plain_decimal(&s).map_or(Cell::Text(s), Cell::Decimal)
            }
            (Kind::Date, Value::String(s)) => s.parse::<When>().map_or(Cell::Text(s), Cell::Date),
            (_, Value::String(s)) => Cell::Text(s),
            (_, v) => return Err(format!("a {kind:?} cell cannot be {v}")),
        })
    }
}

/// A result that core can show: as a table, as text for people and as CSV.
///
/// ```
/// use vardavtal::{Key, Sek, Unit, split, view::View};
/// let key = Key::from_arg("population:regions:2021-11-01")?;
/// let alloc = split(Sek::kronor(443_000_000), &key, None, Unit::Krona)?;
/// assert!(alloc.text().contains("| 01   | Region Stockholm           | 102 311 913 kr |"));
/// assert!(alloc.csv().starts_with("code,name,amount,agreement,component,"));
/// # Ok::<(), vardavtal::Error>(())
/// ```
pub trait View {
    /// The result as a table.
    ///
    /// ```
    /// use vardavtal::{Key, Sek, Unit, split, view::View};
    /// let key = Key::from_arg("population:regions:2021-11-01")?;
    /// let alloc = split(Sek::kronor(443_000_000), &key, None, Unit::Krona)?;
    /// let t = alloc.table();
    /// assert_eq!((t.rows.len(), t.rows[1][1].plain()), (21, "Region Uppsala".to_owned()));
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    fn table(&self) -> Table;
    /// The text people read ([`View::text_unescaped`]) with every control character but
    /// the line break escaped ([`crate::escape::lines`]): an id with an ANSI or OSC escape
    /// reaches a terminal as text. A result implements `text_unescaped`, not this.
    ///
    /// ```
    /// use vardavtal::view::{Cell, Column, Kind, Table, View};
    /// let mut t = Table::new("Ids", vec![Column::new("id", Kind::Text)]);
    /// t.rows.push(vec![Cell::Text("x\u{1b}[31m".into())]);
    /// assert!(t.text().contains("x\\u{1b}[31m"));
    /// assert!(!t.text().contains('\u{1b}'));
    /// ```
    fn text(&self) -> String {
        let text = self.text_unescaped();
        match crate::escape::lines(&text) {
            std::borrow::Cow::Borrowed(_) => text,
            std::borrow::Cow::Owned(escaped) => escaped,
        }
    }
    /// The text as the result writes it: the table's text unless the result reads better
    /// otherwise (a report, a reconciliation).
    ///
    /// ```
    /// # use vardavtal::{Key, Sek, Unit, split, view::View};
    /// # let key = Key::from_arg("population:regions:2021-11-01")?;
    /// # let alloc = split(Sek::kronor(443_000_000), &key, None, Unit::Krona)?;
    /// assert_eq!(alloc.text_unescaped(), alloc.text()); // no control characters to escape
    /// assert!(alloc.text_unescaped().starts_with("Allocation of 443 000 000 kr to 21 recipients"));
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    fn text_unescaped(&self) -> String {
        self.table().to_text()
    }
    /// CSV with a header: the table's rows unless the result has a longer form (one line
    /// per amount of an allocation).
    ///
    /// ```
    /// # use vardavtal::{Key, Sek, Unit, split, view::View};
    /// # let key = Key::from_arg("population:regions:2021-11-01")?;
    /// # let alloc = split(Sek::kronor(443_000_000), &key, None, Unit::Krona)?;
    /// let csv = alloc.csv();
    /// assert_eq!(csv.lines().count(), 1 + 21);
    /// assert!(csv.lines().nth(1).is_some_and(|l| l.starts_with("01,Region Stockholm,102311913,")));
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    fn csv(&self) -> String {
        self.csv_table().to_csv()
    }
    /// The table of the CSV forms: the table, unless the result has a longer form.
    ///
    /// ```
    /// # use vardavtal::{Key, Sek, Unit, split, view::View};
    /// # let key = Key::from_arg("population:regions:2021-11-01")?;
    /// # let alloc = split(Sek::kronor(443_000_000), &key, None, Unit::Krona)?;
    /// let t = alloc.csv_table();
    /// assert_eq!(t.column_ids()[..4], ["code", "name", "amount", "agreement"]);
    /// assert_eq!(t.to_csv(), alloc.csv());
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    fn csv_table(&self) -> Table {
        self.table()
    }
    /// CSV for Swedish Excel ([`Table::to_csv_sv`]): the rows of [`View::csv_table`].
    ///
    /// ```
    /// # use vardavtal::{Key, Sek, Unit, split, view::View};
    /// # let key = Key::from_arg("population:regions:2021-11-01")?;
    /// # let alloc = split(Sek::kronor(443_000_000), &key, None, Unit::Krona)?;
    /// let csv = alloc.csv_sv();
    /// assert!(csv.starts_with("\u{feff}code;name;amount;"));
    /// assert!(csv.contains("\r\n\"=\"\"01\"\"\";Region Stockholm;102311913;"));
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    fn csv_sv(&self) -> String {
        self.csv_table().to_csv_sv()
    }
    /// The sheets of an Excel workbook: the table, and more where the result has more to
    /// show (an allocation: its rows, pots and notes).
    ///
    /// ```
    /// # use vardavtal::{Key, Sek, Unit, split, view::View};
    /// # let key = Key::from_arg("population:regions:2021-11-01")?;
    /// # let alloc = split(Sek::kronor(443_000_000), &key, None, Unit::Krona)?;
    /// let sheets = alloc.sheets();
    /// assert_eq!(sheets.len(), 4);
    /// assert_eq!(sheets[2].title, "Pots");
    /// # Ok::<(), vardavtal::Error>(())
    /// ```
    fn sheets(&self) -> Vec<Table> {
        vec![self.table()]
    }
    /// A short form for a quick look (a notebook's `repr`): the table cut to 60 rows, or
    /// the text where the result is not a table.
    ///
    /// ```
    /// use vardavtal::view::{View, municipalities};
    /// let p = municipalities().preview(); // 290 rows: 60 shown
    /// assert!(p.contains("(230 rows not shown)"));
    /// ```
    fn preview(&self) -> String {
        self.table().to_text_limited(Some(60))
    }
}

/// A table shows itself (the reference data of [`regions`], [`municipalities`] and
/// [`population`] are tables already).
impl View for Table {
    fn table(&self) -> Table {
        self.clone()
    }
    fn text_unescaped(&self) -> String {
        self.to_text()
    }
}

/// An output format.
#[cfg_attr(
    any(doc, doctest),
    doc = r#"
```
use vardavtal::view::Format;
assert_eq!("csv-sv".parse::<Format>()?, Format::CsvSv);
assert_eq!(Format::Xlsx.to_string(), "xlsx");
assert!("pdf".parse::<Format>().is_err());
# Ok::<(), vardavtal::Error>(())
```
"#
)]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify_next::Tsify))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Format {
    /// Aligned text for people.
    #[default]
    Table,
    /// CSV with a header; amounts as plain decimals.
    Csv,
    /// CSV for Swedish Excel (`csv-sv`): semicolons, decimal comma, UTF-8 with a BOM,
    /// codes kept as text.
    CsvSv,
    /// JSON; amounts as strings.
    Json,
    /// An Excel workbook (`xlsx`, bytes): one sheet per table, amounts as numbers in kronor.
    Xlsx,
}

impl Format {
    /// Every format, by name.
    pub const NAMES: &'static [&'static str] = &["table", "csv", "csv-sv", "json", "xlsx"];
    /// `"table"`, `"csv"`, `"csv-sv"`, `"json"`, `"xlsx"`.
    ///
    /// ```
    /// use vardavtal::view::Format;
    /// assert_eq!(Format::CsvSv.as_str(), "csv-sv");
    /// assert_eq!(Format::default().as_str(), "table");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Csv => "csv",
            Format::CsvSv => "csv-sv",
            Format::Json => "json",
            Format::Xlsx => "xlsx",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Format {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        match s {
            "table" | "text" => Ok(Format::Table),
            "csv" => Ok(Format::Csv),
            "csv-sv" => Ok(Format::CsvSv),
            "json" => Ok(Format::Json),
            "xlsx" => Ok(Format::Xlsx),
            _ => Err(templates::FORMAT_UNKNOWN
                .error(Loc::root().join("format"))
                .with("value", s)
                .into_error()),
        }
    }
}

/// Pretty JSON of a value with a final newline (the serde form: amounts as strings).
///
/// ```
/// use vardavtal::{Sek, view::json};
/// assert_eq!(json(&Sek::kronor(443_000_000)), "\"443000000\"\n");
/// assert_eq!(json(&[1, 2]), "[\n  1,\n  2\n]\n");
/// ```
pub fn json<T: Serialize + ?Sized>(v: &T) -> String {
    serde_json::to_string_pretty(v)
        .map(|s| s + "\n")
        .unwrap_or_default()
}

/// A result in a format, as the bytes of a file: its text, its CSV (plain, or for Swedish
/// Excel), its JSON form, or an Excel workbook of its [`View::sheets`].
///
/// ```
/// use vardavtal::{Sek, Unit, input, split, view::{Format, render}};
/// let key = input::key("code,weight\n01,1\n03,1\n")?;
/// let a = split(Sek::kronor(10), &key, None, Unit::Krona)?;
/// let csv = String::from_utf8(render(&a, Format::Csv)?).unwrap_or_default();
/// assert!(csv.contains("Region Stockholm"));
/// # Ok::<(), vardavtal::Error>(())
/// ```
///
/// # Errors
/// Only for [`Format::Xlsx`]: every error of [`xlsx()`].
pub fn render<T: View + Serialize + ?Sized>(v: &T, format: Format) -> crate::Result<Vec<u8>> {
    Ok(match format {
        Format::Table => v.text().into_bytes(),
        Format::Csv => v.csv().into_bytes(),
        Format::CsvSv => v.csv_sv().into_bytes(),
        Format::Json => json(v).into_bytes(),
        Format::Xlsx => xlsx(&v.sheets())?,
    })
}

/// The Excel workbook of `sheets` (the bytes of an `.xlsx` file).
///
/// ```
/// use vardavtal::view::{regions, xlsx};
/// let bytes = xlsx(&[regions()])?;
/// assert_eq!(&bytes[..2], b"PK"); // a zip archive
/// # Ok::<(), vardavtal::Error>(())
/// ```
///
/// # Errors
/// `invalid_value` (`xlsx_write_failed`) when the workbook cannot be written (a sheet or
/// cell Excel refuses).
#[cfg(feature = "xlsx")]
pub fn xlsx(sheets: &[Table]) -> crate::Result<Vec<u8>> {
    xlsx::workbook(sheets)
}

/// The Excel workbook of `sheets`: in a build without the feature `xlsx`, an error saying so.
///
/// ```
/// use vardavtal::view::{regions, xlsx};
/// let e = xlsx(&[regions()]).unwrap_err();
/// assert_eq!(e.findings()[0].loc.to_string(), "format");
/// ```
///
/// # Errors
/// Always: `invalid_value` (`xlsx_not_built`), located at `format`.
#[cfg(not(feature = "xlsx"))]
pub fn xlsx(_sheets: &[Table]) -> crate::Result<Vec<u8>> {
    Err(templates::XLSX_NOT_BUILT
        .error(Loc::root().join("format"))
        .into_error())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Key, Unit, split};

    #[test]
    fn every_kind_of_cell_survives_the_json_form() -> crate::Result<()> {
        let key = Key::from_arg("population:regions:2021-11-01")?;
        let alloc = split(Sek::kronor(443_000_000), &key, None, Unit::Krona)?;
        let mut dated = alloc.rows_table();
        dated.rows[0][6] = Cell::Date("2022-06".parse()?);
        dated.rows[1][6] = Cell::Date("2022-06-15".parse()?);
        let tables = [
            alloc.table(),
            dated,
            key.table(),
            population(crate::reference::Level::Regions, key_date()),
        ];
        for t in tables {
            assert_eq!(crate::json::from_str::<Table>(&json(&t))?, t);
        }
        assert!(crate::json::from_str::<Table>("{\"title\": 1}").is_err());
        Ok(())
    }

    fn key_date() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2021, 11, 1).unwrap_or_default()
    }
}
