//! The TypeScript declarations of the values the package takes and returns: the core's
//! serde shapes (amounts as strings), written into the generated `.d.ts`.
//!
//! The core types do not derive `tsify`, so the shapes are declared here by hand; the
//! node tests check real results against them (`js-tests/*.test.mjs`) and `tsc`
//! checks a usage file against the generated `.d.ts`.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
/** An exact amount of kronor as a plain decimal string: "443000000", "4500000.5". */
export type Amount = string;
/** The rounding unit. */
export type Unit = "krona" | "ore";
/** A location path: ["components", 1, "amount"]. */
export type Loc = (string | number)[];
export type Severity = "error" | "warning" | "info";
/** A stable finding code (new codes may be added). */
export type Code =
  | "syntax" | "unknown_field" | "invalid_value" | "invalid_amount" | "invalid_date" | "io"
  | "negative_amount" | "negative_weight" | "amount_finer_than_unit" | "empty_key"
  | "zero_total_weight" | "unknown_recipient" | "duplicate_recipient" | "no_population_data"
  | "missing_outcomes" | "unknown_component" | "rule_not_runnable" | "too_large"
  | "shares_do_not_sum" | "parts_do_not_sum" | "earmark_exceeds_parent" | "funding_does_not_sum"
  | "tranches_do_not_sum" | "sources_disagree" | "missing_base" | "base_does_not_cover"
  | "supplement_before_base" | "base_cycle" | "dates_out_of_order" | "not_decided"
  | "frame_mismatch" | "duplicate_id" | "missing_figure" | "note"
  | "table_unparsed_line" | "table_total_mismatch" | "row_missing" | "row_duplicate" | "row_unknown"
  | "irregular_grouping" | "key_reproduces" | "key_differs" | "implied_key" | "row_differs"
  | (string & {});
/** One problem or observation: the same shape in Rust, Python, JSON and JS. */
export interface Finding {
  code: Code;
  severity: Severity;
  loc: Loc;
  msg: string;
  /** The values behind the message (amounts as plain decimal strings). */
  ctx: Record<string, string>;
}

/** The error every function throws: the first finding's fields, and every finding. */
export declare class VardavtalError extends Error {
  private constructor();
  readonly name: "VardavtalError";
  readonly code: Code;
  readonly severity: Severity;
  readonly loc: Loc;
  readonly msg: string;
  readonly ctx: Record<string, string>;
  /** Every finding, the first one first. */
  readonly errors: Finding[];
}

/** A key: "population:regions:2021-11-01", "population:municipalities:DATE",
 * "needs:regions:2024", CSV text with columns code,weight, or {code: weight} (strings). */
export type KeyInput = string | Record<string, string>;
/** Performance outcomes: criterion id → recipient code → outcome. */
export type Outcomes = Record<string, Record<string, Outcome>>;
export interface Outcome { value?: string; previous?: string; met?: boolean }
/** An agreement as JSON text or as an object in the agreement file format. */
export type AgreementInput = string | AgreementFile;
/** Options of allocate and explain. */
export interface AllocateOptions {
  /** Replaces the key of key-based rules at the same level (the what-if of another key date). */
  key?: KeyInput;
  /** Performance outcomes, as JSON text or an object. */
  outcomes?: string | Outcomes;
  unit?: Unit;
}

export type Part = "share" | "fixed" | "each" | "equal" | "earned" | "bonus" | "returned";
/** The figures behind one amount. */
export interface Basis {
  pot: Amount;
  key: string;
  weight: string;
  total_weight: string;
  /** pot × weight / total_weight, exact (to 28 significant digits when it does not terminate). */
  quota: string;
  floor: Amount;
  left_over: Amount;
  remainder_rank?: number;
  recipients: number;
  note?: string;
}
/** One amount to one recipient. */
export interface Row {
  agreement: string;
  component: string;
  tranche?: string;
  /** "2022-06-15" or "2022-06". */
  date?: string;
  recipient: string;
  name: string;
  part: Part;
  criterion?: string;
  amount: Amount;
  basis: Basis;
}
/** One pot that was apportioned. */
export interface Pot {
  agreement: string;
  component: string;
  tranche?: string;
  date?: string;
  amount: Amount;
  rule: string;
  key?: string;
  key_sources?: string[];
}
export interface Total { key: string; name: string; amount: Amount }
/** The result of split and allocate. */
export interface Allocation {
  unit: Unit;
  method: "largest_remainder";
  total: Amount;
  pots: Pot[];
  rows: Row[];
  totals: { by_recipient: Total[]; by_component: Total[]; by_date: Total[] };
  /** Components that were not allocated and why (severity info). */
  notes: Finding[];
}
export interface PivotColumn { agreement: string; component: string; tranche?: string; date?: string }
export interface PivotRow { recipient: string; name: string; amounts: Amount[]; total: Amount }
/** An allocation as recipients × pots. */
export interface Pivot { columns: PivotColumn[]; rows: PivotRow[]; totals: Amount[]; total: Amount }
export interface Difference { recipient: string; name: string; a: Amount; b: Amount; diff: Amount }
export interface Comparison { rows: Difference[] }
/** A resolved key: recipients in code order with exact weights. */
export interface ResolvedKey { description: string; sources: string[]; recipients: string[]; weights: string[] }

export interface Region { code: string; name: string; county: string }
export interface Municipality { code: string; name: string; region: string }
export interface Reference {
  regions: Region[];
  municipalities: Municipality[];
  /** Reference dates (YYYY-MM-DD) with population figures, oldest first. */
  population_dates: { regions: string[]; municipalities: string[] };
}

export interface SourceRef { source: string; quote: string }
/** A published figure (as returned: always an object). */
export interface Figure {
  value: Amount;
  precision?: Amount;
  qualifier?: "about" | "over" | "nearly" | "under";
  year?: number;
  source?: SourceRef;
}
export type KeySpec =
  | { type: "population"; level: "regions" | "municipalities"; date: string }
  | { type: "needs_regions2024" }
  | { type: "needs_weighted"; level: "regions" | "municipalities"; date: string; index: Record<string, string> }
  | { type: "weights"; name?: string; weights: Record<string, string> };
export type Test =
  | { type: "improved"; lower_is_better?: boolean }
  | { type: "at_least"; threshold: string }
  | { type: "at_most"; threshold: string }
  | { type: "met" }
  | { type: "any"; tests: Test[] };
export interface Criterion { id: string; name: string; share: string; test: Test }
export type Rule =
  | { type: "per_capita"; key?: KeySpec }
  | { type: "by_need"; key?: KeySpec }
  | { type: "fixed"; recipient: string }
  | { type: "equal" }
  | { type: "fixed_plus_key"; each: Amount; key?: KeySpec }
  | { type: "performance"; criteria: Criterion[]; unearned: "bonus_pot" | "return_to_state"; key?: KeySpec }
  | { type: "reimbursement" }
  | { type: "unpublished"; needs: string };
export type Group =
  | "regions" | "municipalities" | "regions_and_municipalities"
  | { municipalities_of: string }
  | { recipient: string }
  | { list: string[] }
  | { named: { name: string; members?: number } };
export interface Component<F = Figure> {
  id: string;
  name: string;
  kind?: "block" | "item" | "earmark";
  amount?: F;
  other_figures?: F[];
  recipients?: Group;
  rule?: Rule;
  components?: Component<F>[];
  notes?: string[];
}
export interface Tranche<F = Figure> { id: string; date?: string; component: string; amount?: F; share?: string }
export type AgreementKind =
  | { type: "base" } | { type: "supplementary"; base: string } | { type: "sector_grant" }
  | { type: "reimbursement" } | { type: "budget_proposal" };
/** An agreement as returned by catalog() and agreement(): figures are objects. */
export interface Agreement<F = Figure> {
  id: string;
  title: string;
  title_en?: string;
  kind: AgreementKind;
  parties?: string[];
  decided?: { date: string; source?: SourceRef }[];
  status?: "signed" | "proposed" | { pending: { party: string } };
  years: number[];
  amount?: F;
  other_figures?: F[];
  funding?: { payer: "state" | "regions" | "municipalities"; amount?: F }[];
  components?: Component<F>[];
  conditions?: { kind: "appropriation" | "performance"; applies_to?: string; source?: SourceRef }[];
  carry_over?: { until: string; source?: SourceRef };
  tranches?: Tranche<F>[];
  frames?: { id: string; per_year: F; years: number[] }[];
  recipients?: { id: string; name: string; members?: number }[];
  key?: KeySpec;
  sources?: SourceRef[];
  notes?: string[];
}
/** An agreement file: a figure is a plain decimal string or a figure object. */
export type AgreementFile = Agreement<Amount | Figure>;
export interface Source { id: string; file: string; title: string; publisher: string; published?: string; text?: string }
export interface Package {
  id: string;
  title: string;
  members: string[];
  year?: number;
  amount: Figure;
  other_figures?: Figure[];
  notes?: string[];
}
export interface Catalog { sources: Source[]; agreements: Agreement[]; packages: Package[] }

/** The rule a publisher states for a table (as returned). */
export type StatedRule =
  | { type: "population" } | { type: "need" } | { type: "fixed_plus_population"; each: Amount };
/** Options of reconcile: what the publisher states. */
export interface ReconcileOptions {
  /** The amount the table distributes: "1382000000", "1 382 miljoner kronor". */
  pot?: string;
  /** "population", "need" or "fixed-plus-population:AMOUNT" ("fixed-plus-population:100 miljoner kronor"). */
  rule?: string;
}
export type Rounding = "largest_remainder" | "half_up" | "truncation";
export type Verdict = "ok" | "differs" | "irregular_grouping" | "duplicate" | "unknown" | "not_compared";
/** How well one bundled key with one rounding reproduces the table. */
export interface KeyFit {
  key: string;
  rounding: Rounding;
  /** Every region row equals the model's amount (rounded rows within half their precision). */
  exact: boolean;
  rows_compared: number;
  rows_matching: number;
  total_abs_diff: Amount;
  model_total: Amount;
}
/** One reading of an irregularly grouped amount. */
export interface Reading { amount: Amount; adds_up: boolean }
/** One row of the table with its verdict. */
export interface RowVerdict {
  /** The 1-based line of the input. */
  line: number;
  text: string;
  label: string;
  recipient: string | null;
  /** The official name of the region, or the label verbatim. */
  name: string;
  /** The amount as written ("54,5 mnkr"). */
  printed: string;
  amount: Amount | null;
  /** Stated less precisely than to the krona (tkr, mnkr). */
  rounded: boolean;
  /** The model's amount with the best key. */
  expected: Amount | null;
  /** amount − expected. */
  diff: Amount | null;
  verdict: Verdict;
  readings?: Reading[];
  implied_population?: number;
  note?: string;
}
/** The rows' sum against the table's total line or the stated pot. */
export interface TotalCheck {
  against: "total_line" | "pot";
  line?: number;
  stated: Amount;
  rows_sum: Amount;
  diff: Amount;
  tolerance: Amount;
  adds_up: boolean;
  explanation?: string;
}
export interface ImpliedPopulation { recipient: string; name: string; population: number; bundled: number }
/** The population key implied by a table that no bundled key reproduces. */
export interface ImpliedKey {
  total: number;
  populations: ImpliedPopulation[];
  candidates: number;
  totals: number[];
  searched: [number, number];
  near: string;
  rounding?: Rounding;
}
export interface ReconcileSummary {
  rows: number;
  regions: number;
  missing: string[];
  duplicates: number;
  unknown: number;
  irregular: number;
  differing: number;
  rows_sum: Amount;
  adds_up: boolean;
  best: KeyFit | null;
  exact: boolean;
  headline: string;
}
/** The core's reconciliation of a published table. */
export interface Reconciliation {
  table: string;
  statement: { pot?: Amount; rule?: StatedRule };
  unit: Unit;
  pot: Amount;
  pot_source: "stated" | "total_line" | "rows";
  rows: RowVerdict[];
  totals: TotalCheck[];
  findings: Finding[];
  /** Every bundled key × rounding, best first. */
  fits: KeyFit[];
  implied: ImpliedKey | null;
  summary: ReconcileSummary;
}
/** What reconcile returns: the reconciliation and `report`, the per-row report as text. */
export type ReconcileResult = Reconciliation & { report: string };
"#;
