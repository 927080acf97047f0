//! The exported functions and classes: the operations of the CLI and the Python package.
//!
//! Results are classes over the core's objects (`Allocation`, `PivotResult`,
//! `ComparisonResult`, `Findings`, `KeyResult`, `ReconciliationResult`, `ReportResult`,
//! `RecipientResult`, `YearResult`, `ChangeResult`, `SensitivityResult` in JavaScript; the plain names are the TypeScript interfaces of their JSON forms, derived
//! from the core types): each has `toJSON()` (the core's
//! serde form, so `JSON.stringify` works), `toText()`, `toCsv()` and `toHtml()` (what the
//! core renders, as the CLI prints it), `toExcel()` (an `.xlsx` workbook, as bytes) and
//! `table()` (the core's `Table`), and follow-up
//! calls run on the object without a JSON round trip. Inputs are converted by
//! [`crate::convert`] and read by the core's `input` policy; every error is thrown as a
//! `VardavtalError`.

use vardavtal::message::Lang;
use vardavtal::view::View;
use wasm_bindgen::prelude::*;

use crate::convert::{self, to_value};
use crate::error::{IntoJs, JsResult};

/// A class over a core result that has a view: `toJSON` and the view's methods
/// (`view_methods!`).
macro_rules! view_class {
    ($(#[$doc:meta])* $name:ident = $js:ident($inner:ty), $ts:literal) => {
        $(#[$doc])*
        #[wasm_bindgen(js_name = $js)]
        #[derive(Debug)]
        pub struct $name($inner);

        #[wasm_bindgen(js_class = $js)]
        impl $name {
            /// The core's JSON form (amounts as strings): what `JSON.stringify` writes;
            /// the messages of its findings in the language of `setLang`.
            #[wasm_bindgen(js_name = toJSON, unchecked_return_type = $ts)]
            pub fn to_json(&self) -> JsResult<JsValue> {
                js_form(&self.0)
            }
        }

        view_methods!($name = $js);
    };
}

/// The methods of a class over a core result that has a view: `toText`, `toCsv`,
/// `toHtml`, `table`, `toExcel`.
macro_rules! view_methods {
    ($name:ident = $js:ident) => {
        #[wasm_bindgen(js_class = $js)]
        impl $name {
            /// The text people read: what the CLI prints with `--format table`.
            #[wasm_bindgen(js_name = toText)]
            pub fn to_text(&self) -> String {
                self.0.text()
            }
            /// CSV with a header, amounts as plain decimals: what the CLI prints with
            /// `--format csv`; with `swedish` true, the CSV for Swedish Excel (semicolons,
            /// decimal comma, a byte-order mark, codes kept as text: `--format csv-sv`).
            #[wasm_bindgen(js_name = toCsv)]
            pub fn to_csv(&self, swedish: Option<bool>) -> String {
                if swedish == Some(true) {
                    self.0.csv_sv()
                } else {
                    self.0.csv()
                }
            }
            /// The table as an HTML `<table>`.
            #[wasm_bindgen(js_name = toHtml)]
            pub fn to_html(&self) -> String {
                self.0.table().to_html()
            }
            /// The core's table: title, typed columns, rows of cells, footer and notes.
            #[wasm_bindgen(unchecked_return_type = "Table")]
            pub fn table(&self) -> JsResult<JsValue> {
                to_value(&self.0.table()).js()
            }
            /// An Excel workbook (the bytes of an `.xlsx` file): one sheet per table of the
            /// result, amounts as numbers in kronor, codes as text, headers in the current
            /// language (`--format xlsx`).
            #[wasm_bindgen(js_name = toExcel)]
            pub fn to_excel(&self) -> JsResult<Vec<u8>> {
                vardavtal::view::xlsx(&self.0.sheets()).js()
            }
        }
    };
}

/// A core result whose JSON form holds findings: their messages are put in the current
/// language before it crosses to JavaScript (codes, locations and context stay the same).
trait Localize: serde::Serialize + Clone {
    /// Whether the result holds findings at all (when not, it crosses as it is).
    const HAS_FINDINGS: bool = false;
    /// Every finding's message in `lang`.
    fn localize(&mut self, _lang: Lang) {}
}

fn localize_all(findings: &mut Vec<vardavtal::Finding>, lang: Lang) {
    *findings = std::mem::take(findings)
        .into_iter()
        .map(|f| f.in_lang(lang))
        .collect();
}

impl Localize for vardavtal::Allocation {
    const HAS_FINDINGS: bool = true;
    fn localize(&mut self, lang: Lang) {
        localize_all(&mut self.notes, lang);
    }
}
impl Localize for Vec<vardavtal::Finding> {
    const HAS_FINDINGS: bool = true;
    fn localize(&mut self, lang: Lang) {
        localize_all(self, lang);
    }
}
impl Localize for vardavtal::reconcile::Reconciliation {
    const HAS_FINDINGS: bool = true;
    fn localize(&mut self, lang: Lang) {
        localize_all(&mut self.findings, lang);
    }
}
impl Localize for vardavtal::report::Report {
    const HAS_FINDINGS: bool = true;
    fn localize(&mut self, lang: Lang) {
        localize_all(&mut self.package_findings, lang);
        for a in &mut self.agreements {
            localize_all(&mut a.findings, lang);
            for c in &mut a.allocations {
                localize_all(&mut c.errors, lang);
                if let Some(alloc) = &mut c.allocation {
                    alloc.localize(lang);
                }
            }
        }
    }
}
impl Localize for vardavtal::across::RecipientView {
    const HAS_FINDINGS: bool = true;
    fn localize(&mut self, lang: Lang) {
        localize_open(&mut self.open, lang);
    }
}
impl Localize for vardavtal::across::YearView {
    const HAS_FINDINGS: bool = true;
    fn localize(&mut self, lang: Lang) {
        localize_open(&mut self.open, lang);
    }
}
impl Localize for Vec<vardavtal::across::Open> {
    const HAS_FINDINGS: bool = true;
    fn localize(&mut self, lang: Lang) {
        localize_open(self, lang);
    }
}

/// The reason of every piece of money that cannot be computed, in `lang`.
fn localize_open(open: &mut [vardavtal::across::Open], lang: Lang) {
    for o in open {
        o.why = o.why.clone().in_lang(lang);
    }
}
impl Localize for vardavtal::across::Change {
    const HAS_FINDINGS: bool = true;
    fn localize(&mut self, lang: Lang) {
        self.explanation = self.explanation.clone().in_lang(lang);
        localize_all(&mut self.paradoxes, lang);
    }
}
impl Localize for vardavtal::across::Sensitivity {
    const HAS_FINDINGS: bool = true;
    fn localize(&mut self, lang: Lang) {
        self.pots.localize(lang);
        localize_open(&mut self.open, lang);
    }
}
impl Localize for Vec<vardavtal::across::PotDates> {
    const HAS_FINDINGS: bool = true;
    fn localize(&mut self, lang: Lang) {
        for p in self {
            localize_all(&mut p.paradoxes, lang);
        }
    }
}
impl Localize for Vec<vardavtal::allocation::Missing> {
    const HAS_FINDINGS: bool = true;
    fn localize(&mut self, lang: Lang) {
        for m in self {
            localize_all(&mut m.why, lang);
            m.hint = m.hint.clone().in_lang(lang);
        }
    }
}
impl Localize for vardavtal::Pivot {}
impl Localize for vardavtal::Comparison {}
impl Localize for vardavtal::Key {}

/// The JSON form of a result as a JavaScript value, its findings in the current language.
fn js_form<T: Localize>(v: &T) -> JsResult<JsValue> {
    let lang = Lang::current();
    if !T::HAS_FINDINGS || lang == Lang::En {
        return to_value(v).js();
    }
    let mut v = v.clone();
    v.localize(lang);
    to_value(&v).js()
}

view_class!(
    /// An allocation: every amount of a pot, a component or an agreement.
    Allocation = Allocation(vardavtal::Allocation),
    "AllocationData"
);
view_class!(
    /// An allocation as a table: recipients × pots, with totals.
    Pivot = PivotResult(vardavtal::Pivot),
    "Pivot"
);
view_class!(
    /// The per-recipient difference `b − a` between two allocations.
    Comparison = ComparisonResult(vardavtal::Comparison),
    "Comparison"
);
view_class!(
    /// The findings of a validation: every problem, never only the first.
    Findings = Findings(Vec<vardavtal::Finding>),
    "Finding[]"
);
view_class!(
    /// A resolved distribution key: recipients in code order, each with an exact weight.
    Key = KeyResult(vardavtal::Key),
    "Key"
);
view_class!(
    /// A published table checked against the model.
    Reconciliation = ReconciliationResult(vardavtal::reconcile::Reconciliation),
    "Reconciliation"
);
view_class!(
    /// The report of the catalog: every agreement's components and their sources.
    Report = ReportResult(vardavtal::report::Report),
    "Report"
);
view_class!(
    /// One recipient across the agreements of the catalog (or of one year): every amount
    /// with its pot, share, rank, key and kr per invånare, and the money that cannot be
    /// computed yet, with why.
    Recipient = RecipientResult(vardavtal::across::RecipientView),
    "RecipientView"
);
view_class!(
    /// One year: every recipient × every agreement of what can be allocated, with totals
    /// equal to the allocated pots.
    Year = YearResult(vardavtal::across::YearView),
    "YearView"
);

view_class!(
    /// One recipient's change between two splits, decomposed exactly into the pot's
    /// change, its share's change and rounding.
    Change = ChangeResult(vardavtal::across::Change),
    "Change"
);
view_class!(
    /// The key-date sensitivity of population-based pots: every pot under every bundled
    /// date, the convention's date, the largest movers and the paradoxes.
    Sensitivity = SensitivityResult(vardavtal::across::Sensitivity),
    "Sensitivity"
);

#[wasm_bindgen(js_class = ChangeResult)]
impl Change {
    /// `b − a` of the recipient (a plain decimal string): exactly `potEffect +
    /// shareEffect + rounding`.
    #[wasm_bindgen(getter)]
    pub fn difference(&self) -> String {
        self.0.difference.to_string()
    }
    /// "The pot changed": the old share × the pot's change.
    #[wasm_bindgen(getter, js_name = potEffect)]
    pub fn pot_effect(&self) -> String {
        self.0.pot_effect.to_string()
    }
    /// "Its share of the key changed": the new pot × the change of the share.
    #[wasm_bindgen(getter, js_name = shareEffect)]
    pub fn share_effect(&self) -> String {
        self.0.share_effect.to_string()
    }
    /// The rest: rounding (at most 2 units either way).
    #[wasm_bindgen(getter)]
    pub fn rounding(&self) -> String {
        self.0.rounding.to_string()
    }
    /// The first split (A): pot, key, weight, quota and amount.
    #[wasm_bindgen(getter, unchecked_return_type = "Side")]
    pub fn a(&self) -> JsResult<JsValue> {
        to_value(&self.0.a).js()
    }
    /// The second split (B).
    #[wasm_bindgen(getter, unchecked_return_type = "Side")]
    pub fn b(&self) -> JsResult<JsValue> {
        to_value(&self.0.b).js()
    }
    /// The decomposition in a sentence, in the language of `setLang`.
    #[wasm_bindgen(getter)]
    pub fn sentence(&self) -> String {
        self.0.sentence(Lang::current())
    }
    /// The paradoxes of largest remainder that touch the recipient, in the language of
    /// `setLang`.
    #[wasm_bindgen(getter, unchecked_return_type = "Finding[]")]
    pub fn paradoxes(&self) -> JsResult<JsValue> {
        js_form(&self.0.paradoxes)
    }
}

#[wasm_bindgen(js_class = SensitivityResult)]
impl Sensitivity {
    /// One entry per population-based pot: its amounts under every date, the movers and
    /// the paradoxes (in the language of `setLang`).
    #[wasm_bindgen(getter, unchecked_return_type = "PotDates[]")]
    pub fn pots(&self) -> JsResult<JsValue> {
        js_form(&self.0.pots)
    }
    /// Dates on which a pot could not be allocated, and why.
    #[wasm_bindgen(getter, unchecked_return_type = "Open[]")]
    pub fn open(&self) -> JsResult<JsValue> {
        js_form(&self.0.open)
    }
}

/// What can be shown of an agreement now: every pot that can be allocated (an
/// `Allocation`), what cannot and why, with what a user could supply; the outcome inputs
/// per measure; kr per invånare.
#[wasm_bindgen(js_name = ShownResult)]
#[derive(Debug)]
pub struct Shown(vardavtal::allocation::Shown);

#[wasm_bindgen(js_class = ShownResult)]
impl Shown {
    /// The allocation of every pot that can be allocated with the inputs given (its notes
    /// say what is not, and mark money split by a supplied key).
    #[wasm_bindgen(getter)]
    pub fn allocation(&self) -> Allocation {
        Allocation(self.0.allocation.clone())
    }
    /// What is not shown: why, what could be supplied (`supply`) and the same in a
    /// sentence (`hint`), in the language of `setLang`.
    #[wasm_bindgen(getter, unchecked_return_type = "Missing[]")]
    pub fn open(&self) -> JsResult<JsValue> {
        js_form(&self.0.open)
    }
    /// The outcome inputs: one per measure the performance criteria read, with the fields
    /// the tests read and the recipients measured.
    #[wasm_bindgen(getter, unchecked_return_type = "MeasureInput[]")]
    pub fn measures(&self) -> JsResult<JsValue> {
        to_value(&self.0.measures).js()
    }
    /// How much of the agreement is shown: `"all"`, `"part"` or `"nothing"`.
    #[wasm_bindgen(getter, unchecked_return_type = "Coverage")]
    pub fn coverage(&self) -> String {
        self.0.coverage().as_str().to_owned()
    }
    /// Kr per invånare of every recipient's total, by the population named in `key`, or
    /// `null`.
    #[wasm_bindgen(getter, js_name = perCapita, unchecked_return_type = "PerCapita | null")]
    pub fn per_capita(&self) -> JsResult<JsValue> {
        to_value(&self.0.per_capita).js()
    }
}
// toText (what `vardavtal shown` prints: each recipient's total and kr per invånare, then
// what is missing and what to supply), toCsv (`code,name,total,population,per_capita`), …
view_methods!(Shown = ShownResult);

#[wasm_bindgen(js_class = RecipientResult)]
impl Recipient {
    /// The sum of every line (a plain decimal string).
    #[wasm_bindgen(getter)]
    pub fn total(&self) -> String {
        self.0.total.to_string()
    }
    /// Every amount the recipient gets, by agreement in the catalog's order.
    #[wasm_bindgen(getter, unchecked_return_type = "Line[]")]
    pub fn lines(&self) -> JsResult<JsValue> {
        to_value(&self.0.lines).js()
    }
    /// Money of those agreements that cannot be computed yet, and why (in the language of
    /// `setLang`).
    #[wasm_bindgen(getter, unchecked_return_type = "Open[]")]
    pub fn open(&self) -> JsResult<JsValue> {
        js_form(&self.0.open)
    }
}

#[wasm_bindgen(js_class = YearResult)]
impl Year {
    /// What is allocated in the year: the sum of every agreement's `allocated` (a plain
    /// decimal string).
    #[wasm_bindgen(getter)]
    pub fn total(&self) -> String {
        self.0.total().to_string()
    }
    /// The agreements usable in the year, in the catalog's order: the columns.
    #[wasm_bindgen(getter, unchecked_return_type = "YearAgreement[]")]
    pub fn agreements(&self) -> JsResult<JsValue> {
        to_value(&self.0.agreements).js()
    }
    /// The recipients, in code order, as `[code, name]`: the rows.
    #[wasm_bindgen(getter, unchecked_return_type = "[RecipientId, string][]")]
    pub fn recipients(&self) -> JsResult<JsValue> {
        to_value(&self.0.recipients).js()
    }
    /// `amounts[r][a]`: what recipient `r` gets of agreement `a` in the year (plain decimal
    /// strings).
    #[wasm_bindgen(getter, unchecked_return_type = "Sek[][]")]
    pub fn amounts(&self) -> JsResult<JsValue> {
        to_value(&self.0.amounts).js()
    }
    /// Money that cannot be computed, and rows paid outside the year, with why (in the
    /// language of `setLang`).
    #[wasm_bindgen(getter, unchecked_return_type = "Open[]")]
    pub fn open(&self) -> JsResult<JsValue> {
        js_form(&self.0.open)
    }
}

#[wasm_bindgen(js_class = Allocation)]
impl Allocation {
    /// An allocation from its JSON form (as `toJSON()` gives it, or JSON text).
    #[wasm_bindgen(js_name = fromJSON)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "AllocationData | string")] value: JsValue,
    ) -> JsResult<Allocation> {
        convert::from_value(value, "allocation")
            .map(Allocation)
            .js()
    }
    /// The sum of every row (a plain decimal string).
    #[wasm_bindgen(getter)]
    pub fn total(&self) -> String {
        self.0.total().to_string()
    }
    /// Every amount as a plain decimal string, in row order, without making the rows of a
    /// split (`rows` has the figures behind each).
    #[wasm_bindgen(getter, unchecked_return_type = "Sek[]")]
    pub fn amounts(&self) -> JsResult<JsValue> {
        // One JSON text parsed by JavaScript: ten times faster than one string per amount.
        to_value(&self.0.amounts()).js()
    }
    /// Every amount in whole units of `unit` (kronor, or öre), in row order, as a
    /// `BigInt64Array`: the fastest way to read them all (throws `too_large` for an amount
    /// beyond 2^63 units).
    #[wasm_bindgen(getter)]
    pub fn units(&self) -> JsResult<Vec<i64>> {
        let too_large = || {
            let msg = "an amount is more than 2^63 units: read amounts instead";
            crate::error::invalid(vardavtal::Code::TooLarge, vardavtal::Loc::root(), msg)
        };
        let units = self.0.units().js()?;
        units
            .into_iter()
            .map(|u| i64::try_from(u).map_err(|_| too_large()))
            .collect::<Result<_, _>>()
            .js()
    }
    /// The totals by recipient, by component and by payment date, each in key order
    /// (what `toJSON().totals` holds, without making every row's JSON form).
    #[wasm_bindgen(getter, unchecked_return_type = "AllocationTotals")]
    pub fn totals(&self) -> JsResult<JsValue> {
        to_value(&vardavtal::view::ts::AllocationTotals {
            by_recipient: self.0.by_recipient(),
            by_component: self.0.by_component(),
            by_date: self.0.by_date(),
        })
        .js()
    }
    /// The rounding unit: `"krona"` or `"ore"`.
    #[wasm_bindgen(getter, unchecked_return_type = "Unit")]
    pub fn unit(&self) -> String {
        self.0.unit.as_str().to_owned()
    }
    /// Every amount, with the figures behind it.
    #[wasm_bindgen(getter, unchecked_return_type = "Row[]")]
    pub fn rows(&self) -> JsResult<JsValue> {
        to_value(self.0.rows()).js()
    }
    /// The pots handed out, one per component and tranche.
    #[wasm_bindgen(getter, unchecked_return_type = "Pot[]")]
    pub fn pots(&self) -> JsResult<JsValue> {
        to_value(&self.0.pots).js()
    }
    /// What the allocation does not cover, and why (`not_allocated`, `default_key`,
    /// `unknown_outcome`), in the language of `setLang`.
    #[wasm_bindgen(getter, unchecked_return_type = "Finding[]")]
    pub fn notes(&self) -> JsResult<JsValue> {
        js_form(&self.0.notes)
    }
    /// The allocation as a table: recipients × pots.
    pub fn pivot(&self) -> Pivot {
        Pivot(self.0.pivot())
    }
    /// The explanation of every amount, or of one recipient's (by code), in row order; in
    /// `lang` (`"sv"`, `"en"`) or the language of `setLang`.
    pub fn explain(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "string")] recipient: Option<String>,
        #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: Option<String>,
    ) -> JsResult<Vec<String>> {
        in_lang(lang, || self.0.explanations(recipient.as_deref()))
    }
    /// The explanations as text, then the notes on what was not allocated.
    #[wasm_bindgen(js_name = explainText)]
    pub fn explain_text(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "string")] recipient: Option<String>,
        #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: Option<String>,
    ) -> JsResult<String> {
        in_lang(lang, || self.0.explain_text(recipient.as_deref()))
    }
    /// The long form: one row per amount (the table of `toCsv()`).
    #[wasm_bindgen(js_name = rowsTable, unchecked_return_type = "Table")]
    pub fn rows_table(&self) -> JsResult<JsValue> {
        to_value(&self.0.rows_table()).js()
    }
}

#[wasm_bindgen(js_class = PivotResult)]
impl Pivot {
    /// The grand total.
    #[wasm_bindgen(getter)]
    pub fn total(&self) -> String {
        self.0.total.to_string()
    }
}

#[wasm_bindgen(js_class = Findings)]
impl Findings {
    /// How many findings.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.0.len()
    }
    /// The severity tally: `"2 errors, 1 warning"`.
    pub fn tally(&self) -> String {
        vardavtal::finding::tally(&self.0)
    }
}

#[wasm_bindgen(js_class = KeyResult)]
impl Key {
    /// How many recipients.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.0.len()
    }
}

/// The version of the package (the same as the core crate's).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// The bundled catalog: the source texts, every agreement and the packages.
#[wasm_bindgen(unchecked_return_type = "Catalog")]
pub fn catalog() -> JsResult<JsValue> {
    to_value(vardavtal::catalog::catalog()).js()
}

/// One agreement of the catalog, by id (throws `unknown_agreement`, with the closest ids).
#[wasm_bindgen(unchecked_return_type = "Agreement")]
pub fn agreement(id: &str) -> JsResult<JsValue> {
    to_value(vardavtal::catalog::catalog().find_agreement(id).js()?).js()
}

/// The source texts the catalog's figures are quoted from.
#[wasm_bindgen(unchecked_return_type = "Source[]")]
pub fn sources() -> JsResult<JsValue> {
    to_value(&vardavtal::catalog::catalog().sources).js()
}

/// One source of the catalog, by id, with its full text (throws `unknown_source`).
#[wasm_bindgen(unchecked_return_type = "Source")]
pub fn source(id: &str) -> JsResult<JsValue> {
    to_value(vardavtal::catalog::catalog().find_source(id).js()?).js()
}

/// The bundled SCB reference data: the regions, the municipalities and the reference
/// dates that have population figures (for keys `population:LEVEL:DATE`).
#[wasm_bindgen(unchecked_return_type = "Reference")]
pub fn reference() -> JsResult<JsValue> {
    to_value(&vardavtal::reference::bundled()).js()
}

/// The report of the bundled catalog, optionally only the agreements covering `year`.
#[wasm_bindgen]
pub fn report(year: Option<i32>) -> JsResult<Report> {
    Ok(Report(vardavtal::report::report(
        vardavtal::catalog::catalog(),
        year,
    )))
}

/// What one recipient (a region, a municipality or SKR, by code) gets from every agreement
/// of the catalog, or of those usable in `year`; throws `unknown_recipient` (at
/// `["recipient"]`) for a code that is none of them.
#[wasm_bindgen]
pub fn recipient(code: &str, year: Option<i32>) -> JsResult<Recipient> {
    let who = vardavtal::input::recipient(code);
    vardavtal::across::recipient(vardavtal::catalog::catalog(), &who, year)
        .map(Recipient)
        .js()
}

/// What every recipient gets of every agreement usable in `year`; with `level`
/// `"regions"` municipalities' money is summed to their region (throws `invalid_value` at
/// `["level"]` for another level).
#[wasm_bindgen]
pub fn year(
    year: i32,
    #[wasm_bindgen(unchecked_optional_param_type = "Level")] level: Option<String>,
) -> JsResult<Year> {
    let level = level
        .as_deref()
        .map(vardavtal::input::level)
        .transpose()
        .js()?;
    Ok(Year(vardavtal::across::year(
        vardavtal::catalog::catalog(),
        year,
        level,
    )))
}

/// One recipient's change between two splits, decomposed exactly into the pot's change,
/// its share's change and rounding: between two agreements (or one against itself, on
/// `keyA` and `keyB`), or two pots (`potA`, `potB`) split by the keys; as the CLI's
/// `change`.
#[wasm_bindgen]
pub fn change(
    code: &str,
    #[wasm_bindgen(unchecked_param_type = "ChangeOptions")] options: JsValue,
) -> JsResult<Change> {
    let args = convert::change_options(&options).js()?;
    args.run(&vardavtal::input::recipient(code))
        .map(Change)
        .js()
}

/// The key-date sensitivity of every population-based pot of the catalog, or of one
/// agreement (a catalog id), at one `level` or both; as the CLI's `sensitivity`.
#[wasm_bindgen]
pub fn sensitivity(
    #[wasm_bindgen(unchecked_optional_param_type = "string")] agreement: Option<String>,
    #[wasm_bindgen(unchecked_optional_param_type = "Level")] level: Option<String>,
) -> JsResult<Sensitivity> {
    let level = level
        .as_deref()
        .map(vardavtal::input::level)
        .transpose()
        .js()?;
    vardavtal::across::sensitivity(vardavtal::catalog::catalog(), agreement.as_deref(), level)
        .map(Sensitivity)
        .js()
}

/// What can be shown of an agreement (JSON text, an object or a catalog id) with the
/// options given: its allocatable pots, what is missing and what could be supplied, the
/// outcome inputs per measure, kr per invånare. `assume` splits money whose split the
/// sources do not give by a key of the user's, marked `supplied_key`.
#[wasm_bindgen]
pub fn shown(
    #[wasm_bindgen(unchecked_param_type = "AgreementInput")] agreement: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ShownOptions")] options: Option<JsValue>,
) -> JsResult<Shown> {
    let a = convert::agreement(&agreement).js()?;
    let (opts, assume) = convert::shown_options(&options.unwrap_or(JsValue::UNDEFINED)).js()?;
    vardavtal::allocation::shown(&a, &opts, assume.as_ref())
        .map(Shown)
        .js()
}

/// Resolve a key: its description, sources, recipients and weights.
#[wasm_bindgen(js_name = resolveKey)]
pub fn resolve_key(
    #[wasm_bindgen(unchecked_param_type = "KeyInput")] key: JsValue,
) -> JsResult<Key> {
    convert::key(&key).map(Key).js()
}

/// An amount given by a person (`"443 miljoner kronor"`, `"1,6 miljarder"`) as a plain
/// decimal string (`"443000000"`).
#[wasm_bindgen(js_name = parseAmount)]
pub fn parse_amount(
    #[wasm_bindgen(unchecked_param_type = "string")] amount: JsValue,
) -> JsResult<String> {
    convert::amount(&amount, "amount")
        .map(|s| s.to_string())
        .js()
}

/// An amount (a plain decimal string) written the Swedish way: `"1 382 000 000 kr"`.
#[wasm_bindgen(js_name = formatKr)]
///
/// With `noBreak` true the thousands are separated by no-break spaces (`"1\u00a0382\u00a0000\u00a0000\u00a0kr"`),
/// so that an amount never wraps inside a table cell or a sentence.
pub fn format_kr(
    #[wasm_bindgen(unchecked_param_type = "string")] amount: JsValue,
    #[wasm_bindgen(js_name = noBreak)] no_break: Option<bool>,
) -> JsResult<String> {
    let s = convert::amount(&amount, "amount").js()?;
    Ok(if no_break == Some(true) {
        vardavtal::swedish::format_kr_no_break(s.value())
    } else {
        vardavtal::swedish::format_kr(s.value())
    })
}

/// Split `amount` by `key` in whole `unit`s by largest remainder, optionally giving `each`
/// to every recipient first. The rows sum exactly to the amount.
#[wasm_bindgen]
pub fn split(
    #[wasm_bindgen(unchecked_param_type = "string")] amount: JsValue,
    #[wasm_bindgen(unchecked_param_type = "KeyInput")] key: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "string")] each: Option<JsValue>,
    #[wasm_bindgen(unchecked_optional_param_type = "Unit")] unit: Option<JsValue>,
) -> JsResult<Allocation> {
    let pot = convert::amount(&amount, "amount").js()?;
    let key = convert::key(&key).js()?;
    let each = convert::opt_amount(&each.unwrap_or(JsValue::UNDEFINED), "each").js()?;
    let unit = convert::unit(&unit.unwrap_or(JsValue::UNDEFINED)).js()?;
    vardavtal::split(pot, &key, each, unit).map(Allocation).js()
}

/// Allocate every component of an agreement (JSON text, an object or a catalog id), by
/// tranche, with an optional replacement key, performance outcomes and rounding unit.
#[wasm_bindgen]
pub fn allocate(
    #[wasm_bindgen(unchecked_param_type = "AgreementInput")] agreement: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "AllocateOptions")] options: Option<JsValue>,
) -> JsResult<Allocation> {
    let a = convert::agreement(&agreement).js()?;
    let opts = convert::options(&options.unwrap_or(JsValue::UNDEFINED)).js()?;
    vardavtal::allocate(&a, &opts).map(Allocation).js()
}

/// The explanation of every amount of an agreement's allocation (or of one recipient's),
/// one sentence per row: `allocate(agreement, options).explain(recipient)`.
#[wasm_bindgen]
pub fn explain(
    #[wasm_bindgen(unchecked_param_type = "AgreementInput")] agreement: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "AllocateOptions")] options: Option<JsValue>,
    #[wasm_bindgen(unchecked_optional_param_type = "string")] recipient: Option<String>,
    #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: Option<String>,
) -> JsResult<Vec<String>> {
    allocate(agreement, options)?.explain(recipient, lang)
}

/// The explanation of one row of an allocation (`alloc.rows[i]`), in `lang` or the
/// language of `setLang`.
#[wasm_bindgen(js_name = explainRow)]
pub fn explain_row(
    #[wasm_bindgen(unchecked_param_type = "Row")] row: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: Option<String>,
) -> JsResult<String> {
    let row = convert::from_value::<vardavtal::Row>(row, "row").js()?;
    in_lang(lang, || row.explain_in(Lang::current()))
}

/// Sets the language of messages, explanations and headers: `"sv"` (svenska) or `"en"`
/// (English, the default). Codes, locations and context are the same in both.
#[wasm_bindgen(js_name = setLang)]
pub fn set_lang(#[wasm_bindgen(unchecked_param_type = "Lang")] lang: String) -> JsResult<()> {
    vardavtal::message::set_lang(lang.parse().js()?);
    Ok(())
}

/// The language of messages, explanations and headers: `"sv"` or `"en"`.
#[wasm_bindgen(js_name = getLang, unchecked_return_type = "Lang")]
pub fn get_lang() -> String {
    Lang::current().as_str().to_owned()
}

/// Runs `f` with texts in `lang`, or in the current language when `None`.
fn in_lang<T>(lang: Option<String>, f: impl FnOnce() -> T) -> JsResult<T> {
    match lang {
        None => Ok(f()),
        Some(l) => Ok(vardavtal::message::with_lang(l.parse().js()?, f)),
    }
}

/// The per-recipient difference `b − a` between two allocations (another key date,
/// other outcomes, another version of an agreement).
#[wasm_bindgen]
pub fn compare(a: &Allocation, b: &Allocation) -> Comparison {
    Comparison(vardavtal::compare(&a.0, &b.0))
}

/// Check a published per-region table (CSV, or text pasted from a web page or a PDF)
/// against the model, optionally with the pot and the rule the publisher states.
#[wasm_bindgen]
pub fn reconcile(
    #[wasm_bindgen(js_name = tableText, unchecked_param_type = "string")] table_text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ReconcileOptions")] options: Option<JsValue>,
) -> JsResult<Reconciliation> {
    let text = convert::table_text(&table_text).js()?;
    let statement = convert::statement(&options.unwrap_or(JsValue::UNDEFINED)).js()?;
    // the text itself, never a path (input::table would read a one-line text as a path)
    let table = vardavtal::reconcile::PublishedTable::parse("table", &text).js()?;
    Ok(Reconciliation(vardavtal::reconcile::reconcile(
        &table, &statement,
    )))
}

/// Validate one agreement or an array of them (with the links between them): every
/// finding, never only the first. Throws only when an agreement cannot be read.
#[wasm_bindgen]
pub fn validate(
    #[wasm_bindgen(unchecked_param_type = "AgreementInput | AgreementInput[]")] agreements: JsValue,
) -> JsResult<Findings> {
    let list = convert::agreements(&agreements).js()?;
    Ok(Findings(vardavtal::validate::validate(
        &list,
        &vardavtal::validate::Checks::new(),
    )))
}

/// Validate the bundled catalog.
#[wasm_bindgen(js_name = validateCatalog)]
pub fn validate_catalog() -> Findings {
    let cat = vardavtal::catalog::catalog();
    Findings(vardavtal::validate::validate(cat, &Default::default()))
}
