/* tslint:disable */
/* eslint-disable */

/** An exact amount of kronor as a plain decimal string: "443000000", "4500000.5". */
export type Sek = string;
/** An exact decimal (a weight, a quota) as a string. */
export type Decimal = string;
/** A date, "YYYY-MM-DD". */
export type NaiveDate = string;
/** A date ("YYYY-MM-DD") or a month ("YYYY-MM"). */
export type When = string;
/** A figure in a file: a plain decimal string (exact, without a source) or its object form. */
export type Figure = Sek | FigureObject;



/** The error every function throws (js/error.js): the first finding's fields, and every finding. */
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


/**
 * A check of the rows\' sum against a stated total.
 */
export interface TotalCheck {
    /**
     * `\"total_line\"` (the table\'s own total) or `\"pot\"` (the stated pot).
     */
    against: string;
    /**
     * The line of the total line.
     */
    line?: number;
    /**
     * The stated total.
     */
    stated: Sek;
    /**
     * What the rows add up to.
     */
    rows_sum: Sek;
    /**
     * rows_sum − stated.
     */
    diff: Sek;
    /**
     * How far apart they may be because rows are rounded (`tkr`, `mnkr`).
     */
    tolerance: Sek;
    /**
     * True when |diff| ≤ tolerance.
     */
    adds_up: boolean;
    /**
     * What accounts for the difference, when something does.
     */
    explanation?: string;
}

/**
 * A column of a [`Pivot`]: one pot (agreement, component, tranche).
 */
export interface PivotColumn {
    /**
     * Agreement id.
     */
    agreement: string;
    /**
     * Component id.
     */
    component: string;
    /**
     * Tranche id.
     */
    tranche?: string;
    /**
     * Payment date.
     */
    date?: When;
}

/**
 * A column: its machine name (CSV header, JSON key), its header for people and its kind.
 */
export interface Column {
    /**
     * The machine name (`\"amount\"`): the CSV header and the key of JSON records.
     */
    id: string;
    /**
     * The header people read (`\"B − A\"`).
     */
    header: string;
    /**
     * What the column holds.
     */
    kind: Kind;
}

/**
 * A condition on an agreement\'s money.
 */
export interface Condition {
    /**
     * What kind of condition.
     */
    kind: ConditionKind;
    /**
     * The component or frame it applies to (the whole agreement when absent).
     */
    applies_to?: string;
    /**
     * Where it is stated.
     */
    source?: SourceRef;
}

/**
 * A criterion that reads a measure.
 */
export interface Reader {
    /**
     * The component of the performance rule.
     */
    component: string;
    /**
     * The criterion id.
     */
    criterion: string;
    /**
     * The criterion\'s name as published.
     */
    name: string;
    /**
     * Its test in words, in the language current when it was made.
     */
    test: string;
}

/**
 * A date with the source that states it.
 */
export interface Dated {
    /**
     * The date.
     */
    date: When;
    /**
     * Where it is stated.
     */
    source?: SourceRef;
}

/**
 * A funding component: a block, item or earmark, with its amount, recipients and rule,
 * and its own parts.
 */
export interface Component {
    /**
     * Id, unique within the agreement.
     */
    id: string;
    /**
     * Swedish name as published.
     */
    name: string;
    /**
     * Block, item or earmark.
     */
    kind?: ComponentKind;
    /**
     * The amount, where published (a plain decimal string or a figure object).
     */
    amount?: Figure;
    /**
     * The same amount as stated by other sources.
     */
    other_figures?: Figure[];
    /**
     * Who it pays.
     */
    recipients?: Group;
    /**
     * How it is split. A component with a rule is allocated whole; its parts describe
     * the use of the money and are not allocated again.
     */
    rule?: Rule;
    /**
     * Its parts.
     */
    components?: Component[];
    /**
     * Where its recipients and rule are stated (its amount carries its own source).
     */
    sources?: SourceRef[];
    /**
     * Remarks.
     */
    notes?: string[];
}

/**
 * A hedge word in front of a published figure.
 *
 * Swedish words, case-insensitive: `About`: \"ca\", \"ca.\", \"c:a\", \"cirka\", \"omkring\", \"runt\",
 * \"ungefär\"; `Over`: \"över\", \"drygt\", \"mer än\"; `Nearly`: \"nära\", \"nästan\", \"knappt\",
 * \"närmare\"; `Under`: \"under\", \"mindre än\".
 */
export type Qualifier = "about" | "over" | "nearly" | "under";

/**
 * A key weight or need index, exact; a plain decimal string in files (read also as Swedish
 * writes it: `\"0,72\"`, `\"72 %\"`, `\"2 411 859\"`).
 *
 * Built in code ([`Weight::new`], `parse`) a weight is never negative. Read from a file it
 * can be, so that the problem is reported where it is: a key with a negative weight is
 * refused (`negative_weight`, located at the weight) when it is built or validated.
 */
export type Weight = Decimal;

/**
 * A key: `\"population:regions:2021-11-01\"`, `\"population:municipalities:DATE\"`,
 * `\"needs:regions:2024\"`, CSV text with columns `code,weight`, or `{code: weight}`
 * with weights as strings.
 */
export type KeyInput = string | Record<RecipientId, Weight>;

/**
 * A line that was skipped as a header or title line.
 */
export interface IgnoredLine {
    /**
     * The 1-based line of the input.
     */
    line: number;
    /**
     * The line as written.
     */
    text: string;
}

/**
 * A location path such as `[\"agreements\", 2, \"components\", 0, \"amount\"]`.
 */
export type Loc = LocPart[];

/**
 * A multi-year frame: an amount per year intended for several years, usually subject to
 * appropriation.
 */
export interface Frame {
    /**
     * Id, unique within the agreement.
     */
    id: string;
    /**
     * The amount per year.
     */
    per_year: Figure;
    /**
     * The years of the frame.
     */
    years: number[];
}

/**
 * A municipality (kommun), by SCB municipality code.
 */
export interface Municipality {
    /**
     * SCB municipality code, four digits (`\"0114\"`).
     */
    code: string;
    /**
     * Name (`\"Upplands Väsby\"`).
     */
    name: string;
    /**
     * Code of the region it lies in.
     */
    region: string;
}

/**
 * A payer of an agreement\'s money.
 */
export type Payer = "state" | "regions" | "municipalities";

/**
 * A payment tranche: when part of a component\'s money is paid.
 */
export interface Tranche {
    /**
     * Id, unique within the agreement.
     */
    id: string;
    /**
     * When it is paid.
     */
    date?: When;
    /**
     * The component it pays.
     */
    component: string;
    /**
     * How much it pays (give this or `share`).
     */
    amount?: Figure;
    /**
     * Which share of the component it pays, as a fraction (\"0.5\").
     */
    share?: Weight;
}

/**
 * A per-region table as published, read line by line.
 */
export interface PublishedTable {
    /**
     * A name for the table (a file name), shown in reports.
     */
    name: string;
    /**
     * CSV or pasted text.
     */
    format: TableFormat;
    /**
     * The rows with an amount other than total lines, in input order.
     */
    rows: TableRow[];
    /**
     * The table\'s own total lines (`Totalt`, `Summa`, `Total`, `Riket`).
     */
    totals: TableRow[];
    /**
     * Header and title lines that were skipped.
     */
    ignored: IgnoredLine[];
    /**
     * Lines that could not be read (`table_unparsed_line`).
     */
    findings: Finding[];
}

/**
 * A performance-based rule.
 */
export interface Performance {
    /**
     * The criteria (prestationskrav); their shares must add up to 1.
     */
    criteria: Criterion[];
    /**
     * What happens to money not earned.
     */
    unearned: Unearned;
    /**
     * The key each criterion\'s money is divided by (default as for `per_capita`).
     */
    key?: KeySpec;
}

/**
 * A pointer to the text that states a figure: the source\'s id and the quoted phrase.
 */
export interface SourceRef {
    /**
     * Source id (for the bundled catalog, the seed file\'s number: `\"003\"`).
     */
    source: string;
    /**
     * The Swedish phrase as published.
     */
    quote: string;
    /**
     * Set when the source does not state the fact itself: it was reached by reasoning
     * (say how), e.g. a rule and key date found by fitting a published table to SCB data.
     * Shown as inferred, never as stated.
     */
    inferred?: string;
}

/**
 * A press-release total over several agreements (\"totalt ca 11 miljarder kronor\").
 */
export interface Package {
    /**
     * Id.
     */
    id: string;
    /**
     * What the press release calls it.
     */
    title: string;
    /**
     * The ids of the agreements the total covers, or of other packages (a package of
     * packages: `overenskommelser-januari-2022` lists `forlossningsvard-2022`).
     */
    members: string[];
    /**
     * The year the total is for.
     */
    year?: number;
    /**
     * The total as published.
     */
    amount: Figure;
    /**
     * The same total as stated by other sources.
     */
    other_figures?: Figure[];
    /**
     * Remarks (e.g. which members the source does not name).
     */
    notes?: string[];
}

/**
 * A published per-region table bundled with the catalog, as listed in `tables.json`.
 */
export interface TableEntry {
    /**
     * Id (`\"forlossningsvard-2019\"`).
     */
    id: string;
    /**
     * The file name of the table in `core/catalog/tables/` (CSV `region,amount`, a
     * `Summa` line for the published total).
     */
    file: string;
    /**
     * What the table is.
     */
    title: string;
    /**
     * The agreement whose money it distributes, when the catalog has it.
     */
    agreement?: string;
    /**
     * The component of that agreement it distributes.
     */
    component?: string;
    /**
     * Where it is published, with the sentence that introduces it.
     */
    source: SourceRef;
    /**
     * What the publisher states: the pot and the rule.
     */
    statement?: Statement;
    /**
     * Remarks (where the copy comes from, what is missing).
     */
    notes?: string[];
}

/**
 * A published table checked against the model.
 */
export interface Receipt {
    /**
     * The table\'s id.
     */
    table: string;
    /**
     * What the table is.
     */
    title: string;
    /**
     * Where it is published.
     */
    source: SourceRef;
    /**
     * The agreement it belongs to, if any.
     */
    agreement?: string;
    /**
     * The component it distributes, if any.
     */
    component?: string;
    /**
     * True when the model reproduces every row (for a table of no component: when a
     * bundled key does).
     */
    reproduced: boolean;
    /**
     * The key of the model\'s allocation compared with.
     */
    key?: string;
    /**
     * Rows compared (the union of the table\'s regions and the model\'s recipients).
     */
    rows: number;
    /**
     * The rows where table and model differ.
     */
    differences: RowDifference[];
    /**
     * The published amount per recipient.
     */
    published: Record<RecipientId, Sek>;
    /**
     * The table checked on its own: sums, best bundled key and rounding, implied key
     * (absent when the table cannot be read).
     */
    reconciliation?: Reconciliation;
    /**
     * The verdict in one finding (`table_reproduced` or `table_not_reproduced`).
     */
    finding: Finding;
}

/**
 * A recipient an agreement names that is not a region, municipality, SKR or the state
 * (for example a national authority or \"the 10 model municipalities\" as one recipient).
 */
export interface DeclaredRecipient {
    /**
     * The code used in rules.
     */
    id: RecipientId;
    /**
     * The name as published.
     */
    name: string;
    /**
     * How many members a group recipient has, where the source says (and its members
     * are unknown).
     */
    members?: number;
}

/**
 * A recipient code: `\"03\"` (a region), `\"0114\"` (a municipality), `\"SKR\"`, `\"staten\"`
 * (the state, for money returned to it) or the id of a recipient an agreement declares.
 *
 * Read from JSON, a code has at most [`crate::input::bounds::MAX_CODE_CHARS`] characters.
 */
export type RecipientId = string;

/**
 * A region (län), by SCB county code.
 */
export interface Region {
    /**
     * SCB county code, two digits (`\"01\"` Stockholm … `\"25\"` Norrbotten).
     */
    code: string;
    /**
     * Official name (`\"Region Uppsala\"`).
     */
    name: string;
    /**
     * County name (`\"Uppsala län\"`).
     */
    county: string;
}

/**
 * A resolved distribution key: recipients in code order, each with an exact weight.
 */
export interface Key {
    description: string;
    sources: string[];
    recipients: RecipientId[];
    weights: Decimal[];
}

/**
 * A result as a table: title, typed columns, rows, footer lines (totals) and notes.
 */
export interface Table {
    /**
     * What the table shows (`\"Allocation of 443 000 000 kr to 21 recipients\"`).
     */
    title: string;
    /**
     * The columns.
     */
    columns: Column[];
    /**
     * The rows; each has one cell per column.
     */
    rows: Cell[][];
    /**
     * Total lines, shown under the rows for people (not part of CSV or records).
     */
    footer: Cell[][];
    /**
     * Notes under the table for people: what each pot is, what was not allocated and why.
     */
    notes: string[];
}

/**
 * A row of a [`Pivot`]: one recipient\'s amount in each column, and its total.
 */
export interface PivotRow {
    /**
     * Recipient code.
     */
    recipient: RecipientId;
    /**
     * Recipient name.
     */
    name: string;
    /**
     * Amount per column (zero where the recipient has none).
     */
    amounts: Sek[];
    /**
     * The recipient\'s total.
     */
    total: Sek;
}

/**
 * A source text: a press release or web page the catalog\'s figures are quoted from (the
 * whole text, or for the further public sources the sentences quoted from it).
 */
export interface Source {
    /**
     * Id (`\"003\"`), used in [`crate::SourceRef::source`].
     */
    id: string;
    /**
     * The file name of the text in `core/catalog/sources/`.
     */
    file: string;
    /**
     * Its headline, as published.
     */
    title: string;
    /**
     * Who published it.
     */
    publisher: string;
    /**
     * When it was published, where the text says.
     */
    published?: NaiveDate;
    /**
     * Where it is published: the page\'s address, or a public repository\'s file.
     */
    url?: string;
}

/**
 * A stable, machine-readable finding code. The string forms never change once
 * published; new codes may be added.
 */
export type Code = "syntax" | "unknown_field" | "invalid_value" | "invalid_amount" | "invalid_date" | "io" | "negative_amount" | "negative_weight" | "amount_finer_than_unit" | "empty_key" | "zero_total_weight" | "unknown_recipient" | "duplicate_recipient" | "no_population_data" | "missing_outcomes" | "unknown_component" | "unknown_agreement" | "unknown_source" | "rule_not_runnable" | "not_allocated" | "default_key" | "partial_key" | "unknown_outcome" | "too_large" | "shares_do_not_sum" | "parts_do_not_sum" | "earmark_exceeds_parent" | "funding_does_not_sum" | "tranches_do_not_sum" | "sources_disagree" | "missing_base" | "base_does_not_cover" | "supplement_before_base" | "base_cycle" | "dates_out_of_order" | "not_decided" | "frame_mismatch" | "duplicate_id" | "missing_figure" | "note" | "table_unparsed_line" | "table_total_mismatch" | "row_missing" | "row_duplicate" | "row_unknown" | "irregular_grouping" | "key_reproduces" | "key_differs" | "implied_key" | "row_differs" | "apportionment_paradox" | "supply" | "supplied_key" | "table_reproduced" | "table_not_reproduced" | "pot_checked";

/**
 * A total for one key (recipient, component, date).
 */
export interface Total {
    /**
     * The recipient code, component id or date.
     */
    key: string;
    /**
     * A name for it.
     */
    name: string;
    /**
     * The total.
     */
    amount: Sek;
}

/**
 * An agreement as JSON text, a catalog id, or an object in the agreement file format.
 */
export type AgreementInput = string | Agreement;

/**
 * An agreement between the state and SKR (or a budget proposal), as published.
 */
export interface Agreement {
    /**
     * Stable id (`\"okad-tillganglighet-2022\"`).
     */
    id: string;
    /**
     * Swedish title as published.
     */
    title: string;
    /**
     * English title.
     */
    title_en?: string;
    /**
     * Base, supplementary, sector grant, reimbursement or budget proposal.
     */
    kind: AgreementKind;
    /**
     * The parties (`[\"staten\", \"SKR\"]`).
     */
    parties?: string[];
    /**
     * When it was decided or signed, as each source states it (the first is the one
     * used; sources that disagree are all recorded).
     */
    decided?: Dated[];
    /**
     * Signed, pending approval by a party, or only proposed.
     */
    status?: Status;
    /**
     * The years the agreement covers (`[2020, 2021, 2022]`).
     */
    years: number[];
    /**
     * The total as published, where published.
     */
    amount?: Figure;
    /**
     * The same total as published by other sources, where they differ or restate it.
     */
    other_figures?: Figure[];
    /**
     * Who pays: the state, and co-funding by regions or municipalities (medfinansiering).
     */
    funding?: Funding[];
    /**
     * The funding components (blocks, items, earmarks), as a tree.
     */
    components?: Component[];
    /**
     * Conditions, such as parliament\'s appropriation.
     */
    conditions?: Condition[];
    /**
     * Until when the money may be used (medlen får även användas …).
     */
    carry_over?: CarryOver;
    /**
     * Payment tranches.
     */
    tranches?: Tranche[];
    /**
     * Multi-year frames the agreed amounts belong to (\"600 miljoner kronor per år 2021–2023\").
     */
    frames?: Frame[];
    /**
     * Recipients other than regions, municipalities, SKR and the state.
     */
    recipients?: DeclaredRecipient[];
    /**
     * The default distribution key of the agreement\'s key-based rules.
     */
    key?: KeySpec;
    /**
     * Where the agreement is described.
     */
    sources?: SourceRef[];
    /**
     * Remarks.
     */
    notes?: string[];
}

/**
 * An allocation as a table: recipients × pots, with totals.
 */
export interface Pivot {
    /**
     * The columns, in the order the pots were allocated.
     */
    columns: PivotColumn[];
    /**
     * One row per recipient, in code order.
     */
    rows: PivotRow[];
    /**
     * Column totals.
     */
    totals: Sek[];
    /**
     * The grand total.
     */
    total: Sek;
}

/**
 * An output format.
 */
export type Format = "table" | "csv" | "csv_sv" | "json" | "xlsx";

/**
 * Every recipient × every agreement of one year.
 */
export interface YearView {
    /**
     * The year.
     */
    year: number;
    /**
     * Municipalities summed to their region when `Regions`.
     */
    level?: Level;
    /**
     * The agreements usable in the year, in the catalog\'s order.
     */
    agreements: YearAgreement[];
    /**
     * The recipients, in code order, with their names.
     */
    recipients: [RecipientId, string][];
    /**
     * `amounts[r][a]`: what recipient `r` gets of agreement `a` in the year.
     */
    amounts: Sek[][];
    /**
     * Money that cannot be computed, and rows paid outside the year or undated in an
     * agreement of several years (which year they fall in is not known).
     */
    open: Open[];
}

/**
 * How a component is split.
 */
export type Rule = { type: "per_capita"; key?: KeySpec } | { type: "by_need"; key?: KeySpec } | { type: "fixed"; recipient: RecipientId } | { type: "equal" } | { type: "fixed_plus_key"; each: Sek; key?: KeySpec } | ({ type: "performance" } & Performance) | { type: "reimbursement" } | { type: "unpublished"; needs: string; needs_sv?: string };

/**
 * How a key\'s exact quotas are rounded to whole kronor.
 */
export type Rounding = "largest_remainder" | "half_up" | "truncation";

/**
 * How a published table was written.
 */
export type TableFormat = "csv" | "text";

/**
 * How a recipient qualifies on a criterion, from its outcome.
 *
 * Each test reads the outcome recorded under the criterion\'s id, or under `measure` when
 * it names another one (a criterion met by \"improved on the 90-day share, or at least
 * 71 % within 60 days\" reads two measures).
 */
export type Test = { type: "improved"; lower_is_better?: boolean; measure?: string } | { type: "at_least"; threshold: Decimal; measure?: string } | { type: "at_most"; threshold: Decimal; measure?: string } | { type: "met"; measure?: string } | { type: "any"; tests: Test[] };

/**
 * How a row of a component paid in tranches got its tranche\'s amount: the component is
 * apportioned once (the [`Basis`] figures), and each recipient\'s amount `of` is spread
 * over the tranches in proportion to them. The row\'s amount is `floor` or one unit more
 * (never more than one unit from `quota`), chosen so that each recipient\'s tranches sum
 * exactly to its `of` and each tranche\'s rows to its `pot`.
 */
export interface TrancheBasis {
    /**
     * The recipient\'s amount of the whole component (this part of it), which its rows of
     * the tranches sum to.
     */
    of: Sek;
    /**
     * The tranche\'s amount.
     */
    pot: Sek;
    /**
     * The component\'s amount, which the tranches sum to.
     */
    component: Sek;
    /**
     * The exact share `of × pot / component`, in kronor (to 28 significant digits when it
     * does not terminate).
     */
    quota: Decimal;
    /**
     * The quota rounded down to the unit.
     */
    floor: Sek;
}

/**
 * How much of an agreement is shown: for a list of agreements that marks which can be
 * computed.
 */
export type Coverage = "all" | "part" | "nothing";

/**
 * How much one recipient\'s money of a pot moves over the dates.
 */
export interface Mover {
    /**
     * The recipient.
     */
    recipient: RecipientId;
    /**
     * Its name.
     */
    name: string;
    /**
     * The least it gets, and on which date (the earliest of equal ones).
     */
    min: [Sek, NaiveDate];
    /**
     * The most it gets, and on which date (the earliest of equal ones).
     */
    max: [Sek, NaiveDate];
    /**
     * `max − min`.
     */
    spread: Sek;
}

/**
 * How serious a finding is.
 */
export type Severity = "info" | "warning" | "error";

/**
 * How well one bundled key with one rounding reproduces the table.
 */
export interface KeyFit {
    /**
     * The key (`\"population:regions:2021-11-01\"`, `\"needs:regions:2024\"`).
     */
    key: string;
    /**
     * The rounding.
     */
    rounding: Rounding;
    /**
     * True when every region row of the table equals the model\'s amount (rows in `tkr` or
     * `mnkr` within half their precision).
     */
    exact: boolean;
    /**
     * Region rows compared.
     */
    rows_compared: number;
    /**
     * Region rows equal to the model\'s amount.
     */
    rows_matching: number;
    /**
     * The sum over the compared rows of |table − model| (beyond the precision of rounded rows).
     */
    total_abs_diff: Sek;
    /**
     * What the model\'s amounts sum to (differs from the pot under plain rounding or truncation).
     */
    model_total: Sek;
}

/**
 * Kinds of condition.
 */
export type ConditionKind = "appropriation" | "performance" | "reporting";

/**
 * Kronor per invånare of every recipient\'s total, by one population.
 */
export interface PerCapita {
    /**
     * The population used (`population:regions:2021-11-01`): the key of the pots when
     * they share one population key, else the population on the date the convention
     * gives for the agreement\'s first year.
     */
    key: string;
    /**
     * One entry per recipient of the allocation that the population has, in code order.
     */
    rows: PerCapitaRow[];
}

/**
 * Money of an agreement that cannot be computed now, and why: a rule the sources do not
 * publish, performance outcomes not given, costs reimbursed afterwards.
 */
export interface Open {
    /**
     * The agreement id.
     */
    agreement: string;
    /**
     * The component id, when one component is open (else the whole agreement).
     */
    component?: string;
    /**
     * Its amount, when stated.
     */
    amount?: Sek;
    /**
     * Why it cannot be computed: the finding an allocation gives.
     */
    why: Finding;
}

/**
 * Money of the agreement that is not shown, why, and what could be supplied.
 */
export interface Missing {
    /**
     * The component id (none: the agreement as a whole).
     */
    component?: string;
    /**
     * The component\'s name (or the agreement\'s title).
     */
    name: string;
    /**
     * Its amount, when stated.
     */
    amount?: Sek;
    /**
     * Why it is not shown: the notes or errors of the allocation.
     */
    why: Finding[];
    /**
     * What could be supplied to show it.
     */
    supply: Supply;
    /**
     * The same in a sentence (code `supply`, info), in both languages.
     */
    hint: Finding;
}

/**
 * Money that may also be used later.
 */
export interface CarryOver {
    /**
     * The last day the money may be used.
     */
    until: NaiveDate;
    /**
     * Where it is stated.
     */
    source?: SourceRef;
}

/**
 * One agreement in the report.
 */
export interface AgreementReport {
    /**
     * The agreement.
     */
    agreement: Agreement;
    /**
     * Its components, depth first.
     */
    components: ComponentLine[];
    /**
     * The allocations its rules allow.
     */
    allocations: ComponentAllocation[];
    /**
     * Its published per-region tables, each checked against the model.
     */
    receipts: Receipt[];
    /**
     * Its findings.
     */
    findings: Finding[];
}

/**
 * One agreement of the year view.
 */
export interface YearAgreement {
    /**
     * The agreement id.
     */
    id: string;
    /**
     * Its title.
     */
    title: string;
    /**
     * Its stated amount (the state\'s money), when stated.
     */
    amount?: Sek;
    /**
     * What is allocated of it in the year (the sum of its column).
     */
    allocated: Sek;
    /**
     * The stated amount less what is allocated, when an amount is stated.
     */
    not_allocated?: Sek;
    /**
     * Co-funding by others than the state (the regions\' own money), apart.
     */
    cofunding: [Payer, Sek | null][];
    /**
     * Proposed, pending or conditional money.
     */
    marks: Mark[];
    /**
     * Whether the model reproduces the agreement\'s published tables (`table_reproduced`,
     * `table_not_reproduced`); empty when the catalog bundles none.
     */
    receipts: Finding[];
}

/**
 * One amount the recipient gets, with the figures that place it among the others.
 */
export interface Line {
    /**
     * The agreement id.
     */
    agreement: string;
    /**
     * The component id.
     */
    component: string;
    /**
     * The tranche id, when paid in tranches.
     */
    tranche?: string;
    /**
     * The payment date, when known.
     */
    date?: When;
    /**
     * What the money is (a share by the key, a fixed amount, …).
     */
    part: Part;
    /**
     * The amount.
     */
    amount: Sek;
    /**
     * The pot it is a part of.
     */
    pot: Sek;
    /**
     * The amount\'s share of the pot, in per cent, rounded to 4 decimals (half away from
     * zero).
     */
    share: Decimal;
    /**
     * Its rank among the recipients of the pot (1 = the most).
     */
    rank: number;
    /**
     * How many recipients share the pot.
     */
    recipients: number;
    /**
     * The key (`population:regions:2021-11-01`).
     */
    key: string;
    /**
     * The population of the recipient by the key, for a population key.
     */
    population?: number;
    /**
     * Kronor per invånare by that population, rounded to öre (half away from zero).
     */
    per_capita?: Sek;
    /**
     * Proposed, pending or conditional money.
     */
    marks: Mark[];
    /**
     * What the published table of this component gives the recipient, when the catalog
     * bundles one (zero when the table has no row for it); absent when the recipient\'s
     * money of the component is paid in several lines.
     */
    published?: Sek;
}

/**
 * One amount to one recipient.
 */
export interface Row {
    /**
     * The agreement id (`\"split\"` for a plain split), shared by every row of the
     * agreement (one copy, however many rows).
     */
    agreement: string;
    /**
     * The component id, shared by the rows of the component.
     */
    component: string;
    /**
     * The tranche id, when the component is paid in tranches (shared).
     */
    tranche?: string;
    /**
     * The payment date, when known.
     */
    date?: When;
    /**
     * Who gets it.
     */
    recipient: RecipientId;
    /**
     * The recipient\'s name.
     */
    name: string;
    /**
     * What the money is.
     */
    part: Part;
    /**
     * The performance criterion, for earned money (shared).
     */
    criterion?: string;
    /**
     * The amount.
     */
    amount: Sek;
    /**
     * The figures behind the amount.
     */
    basis: Basis;
}

/**
 * One component, as a line of the report.
 */
export interface ComponentLine {
    /**
     * Depth in the tree (1 = top level).
     */
    depth: number;
    /**
     * Component id.
     */
    id: string;
    /**
     * Swedish name.
     */
    name: string;
    /**
     * Block, item or earmark.
     */
    kind: string;
    /**
     * The amount, with its source.
     */
    amount?: Figure;
    /**
     * Who it pays.
     */
    recipients?: string;
    /**
     * The rule.
     */
    rule?: string;
}

/**
 * One figure with where it comes from.
 */
export interface Citation {
    /**
     * What the figure is (`\"okad-tillganglighet-2022/block-1 amount\"`).
     */
    what: string;
    /**
     * The figure.
     */
    figure: Figure;
    /**
     * The source\'s headline and publisher.
     */
    source_title?: string;
    /**
     * The line of the source text that holds the quote.
     */
    context?: string;
}

/**
 * One line of a published table that holds an amount: a region row, an unknown row or a
 * total line.
 */
export interface TableRow {
    /**
     * The 1-based line of the input.
     */
    line: number;
    /**
     * The line as written (two lines joined by `\" / \"` when a PDF put the name and the
     * amount on lines of their own).
     */
    text: string;
    /**
     * The region name or code as written.
     */
    label: string;
    /**
     * The region the label names, when it names one.
     */
    recipient: RecipientId | null;
    /**
     * The amount as written (`\"54,5 mnkr\"`).
     */
    printed: string;
    /**
     * The amount in kronor; `None` when the digit grouping is irregular (see `readings`).
     */
    amount: Sek | null;
    /**
     * The kronor worth of one unit of the last digit written: 1 for `\"54 499 160 kr\"`,
     * 1000 for `\"54 499 tkr\"`, 100 000 for `\"54,5 mnkr\"`. Above one krona the amount is
     * rounded and is compared within half of this.
     */
    precision: Sek;
    /**
     * For an amount with an irregular digit grouping, the readings that regroup it
     * (digits concatenated first, then short groups padded with zeros).
     */
    readings: Sek[];
}

/**
 * One measure that the performance criteria read: the inputs an outcome form needs.
 */
export interface MeasureInput {
    /**
     * The outcome id (`wait60`): the key of outcome files.
     */
    measure: string;
    /**
     * The fields the tests read, in the order value, previous, met.
     */
    fields: OutcomeField[];
    /**
     * The recipients measured, in code order, with their names.
     */
    recipients: [RecipientId, string][];
    /**
     * The criteria that read it.
     */
    criteria: Reader[];
}

/**
 * One performance criterion.
 */
export interface Criterion {
    /**
     * Id, used in outcome files.
     */
    id: string;
    /**
     * What it measures.
     */
    name: string;
    /**
     * The share of the pot it carries, as a fraction (\"0.5\").
     */
    share: Weight;
    /**
     * How a recipient qualifies.
     */
    test: Test;
}

/**
 * One population-based pot under every bundled date of its level.
 *
 */
export interface PotDates {
    /**
     * The agreement id.
     */
    agreement: string;
    /**
     * The component id.
     */
    component: string;
    /**
     * The pot (what the component hands out).
     */
    pot: Sek;
    /**
     * The level of the population key.
     */
    level: Level;
    /**
     * The date of the key the allocation uses (named, or by default).
     */
    used: NaiveDate;
    /**
     * The date the convention gives (none when the agreement has no years or the data
     * has no date early enough).
     */
    convention?: NaiveDate;
    /**
     * The bundled dates it was allocated on, oldest first.
     */
    dates: NaiveDate[];
    /**
     * The recipients, in code order, with their names.
     */
    recipients: [RecipientId, string][];
    /**
     * `amounts[r][d]`: what recipient `r` gets of the pot by the population on date `d`.
     */
    amounts: Sek[][];
    /**
     * Every recipient, the largest spread first (then in code order).
     */
    movers: Mover[];
    /**
     * Paradoxes of largest remainder from one date to the next (`apportionment_paradox`).
     */
    paradoxes: Finding[];
}

/**
 * One pot that was apportioned: the rows with the same agreement, component, tranche,
 * part and criterion sum exactly to it.
 */
export interface Pot {
    /**
     * The agreement id.
     */
    agreement: string;
    /**
     * The component id.
     */
    component: string;
    /**
     * The tranche id.
     */
    tranche?: string;
    /**
     * The payment date.
     */
    date?: When;
    /**
     * The amount handed out.
     */
    amount: Sek;
    /**
     * The rule (`\"per_capita\"`, …).
     */
    rule: string;
    /**
     * The key, for key-based rules.
     */
    key?: string;
    /**
     * Where the key\'s figures come from (source ids).
     */
    key_sources?: string[];
}

/**
 * One problem or observation, with a stable code, a location and context values.
 *
 * Two findings are equal when their code, severity, location, message and context are:
 * the template is how the message was made, not part of what it says.
 */
export interface Finding {
    /**
     * Stable machine-readable code.
     */
    code: Code;
    /**
     * How serious it is.
     */
    severity: Severity;
    /**
     * Where it is.
     */
    loc: Loc;
    /**
     * What is wrong, for a person.
     */
    msg: string;
    /**
     * The values behind the message (amounts as plain decimal strings).
     */
    ctx: Record<string, string>;
}

/**
 * One reading of an irregularly grouped amount.
 */
export interface Reading {
    /**
     * The amount under this reading.
     */
    amount: Sek;
    /**
     * True when with this reading the rows add up to the stated total.
     */
    adds_up: boolean;
}

/**
 * One recipient across agreements.
 *
 */
export interface RecipientView {
    /**
     * The recipient.
     */
    recipient: RecipientId;
    /**
     * Its name.
     */
    name: string;
    /**
     * The year asked for (money usable in it), or every year.
     */
    year?: number;
    /**
     * Every amount it gets, by agreement in the catalog\'s order.
     */
    lines: Line[];
    /**
     * The sum of `lines`.
     */
    total: Sek;
    /**
     * Money of those agreements that cannot be computed yet, and why.
     */
    open: Open[];
    /**
     * Whether the model reproduces the published tables of the components it gets money
     * of (`table_reproduced`, `table_not_reproduced`).
     */
    receipts: Finding[];
}

/**
 * One recipient\'s change between two splits, decomposed.
 */
export interface Change {
    /**
     * The recipient.
     */
    recipient: RecipientId;
    /**
     * Its name.
     */
    name: string;
    /**
     * The rounding unit of both splits.
     */
    unit: Unit;
    /**
     * The first split (A).
     */
    a: Side;
    /**
     * The second split (B).
     */
    b: Side;
    /**
     * `b.amount − a.amount`: the sum of the three parts below, exactly.
     */
    difference: Sek;
    /**
     * \"The pot changed\": the old share × the pot\'s change, rounded to the unit half away
     * from zero.
     */
    pot_effect: Sek;
    /**
     * \"Its share of the key changed\": the new pot × the change of the share, rounded to
     * the unit half away from zero.
     */
    share_effect: Sek;
    /**
     * The rest: largest remainder\'s rounding of both amounts and of the two effects (at
     * most 2 units either way).
     */
    rounding: Sek;
    /**
     * The decomposition in a sentence (an info finding, code `note`; read it in either
     * language with [`Change::sentence`]).
     */
    explanation: Finding;
    /**
     * The paradoxes of largest remainder that touch this recipient (`apportionment_paradox`).
     */
    paradoxes: Finding[];
}

/**
 * One recipient\'s kr per invånare.
 */
export interface PerCapitaRow {
    /**
     * The recipient.
     */
    recipient: RecipientId;
    /**
     * Its total in the allocation.
     */
    total: Sek;
    /**
     * Its population by [`PerCapita::key`].
     */
    population: number;
    /**
     * `total / population`, rounded to öre (half away from zero).
     */
    per_capita: Sek;
}

/**
 * One recipient\'s outcome on one criterion.
 */
export interface Outcome {
    /**
     * This year\'s value.
     */
    value?: Decimal;
    /**
     * Last year\'s value.
     */
    previous?: Decimal;
    /**
     * Whether the requirement is met, where stated directly.
     */
    met?: boolean;
}

/**
 * One recipient\'s totals in two allocations.
 */
export interface Difference {
    /**
     * Recipient code.
     */
    recipient: string;
    /**
     * Recipient name.
     */
    name: string;
    /**
     * Total in the first allocation (zero when absent).
     */
    a: Sek;
    /**
     * Total in the second allocation (zero when absent).
     */
    b: Sek;
    /**
     * `b − a`.
     */
    diff: Sek;
}

/**
 * One region of an implied key.
 */
export interface ImpliedPopulation {
    /**
     * The region.
     */
    recipient: RecipientId;
    /**
     * Its name.
     */
    name: string;
    /**
     * Inhabitants implied by the table.
     */
    population: number;
    /**
     * Inhabitants in the bundled key the search was centred on.
     */
    bundled: number;
}

/**
 * One row of the table with its verdict.
 */
export interface RowVerdict {
    /**
     * The 1-based line of the input.
     */
    line: number;
    /**
     * The line as written.
     */
    text: string;
    /**
     * The region name or code as written.
     */
    label: string;
    /**
     * The region, when the label names one.
     */
    recipient: RecipientId | null;
    /**
     * The official name of the region, or the label verbatim.
     */
    name: string;
    /**
     * The amount as written.
     */
    printed: string;
    /**
     * The amount in kronor (for an irregular grouping: the reading that makes the table add
     * up, else the reading nearest the model).
     */
    amount: Sek | null;
    /**
     * True when the amount is stated less precisely than to the krona (`tkr`, `mnkr`).
     */
    rounded: boolean;
    /**
     * The model\'s amount with the best key (the closest one when the table follows none).
     */
    expected: Sek | null;
    /**
     * amount − expected.
     */
    diff: Sek | null;
    /**
     * The verdict.
     */
    verdict: Verdict;
    /**
     * For an irregular grouping, every reading and whether it makes the table add up.
     */
    readings: Reading[];
    /**
     * The region\'s population in the implied key, when one was found.
     */
    implied_population?: number;
    /**
     * A remark for a reader (\"two adjacent digits swapped: 54 499 160 kr expected\").
     */
    note?: string;
}

/**
 * One row where the published table and the model differ.
 */
export interface RowDifference {
    /**
     * The recipient.
     */
    recipient: RecipientId;
    /**
     * Its name.
     */
    name: string;
    /**
     * The published amount (zero when the table has no row for it).
     */
    published: Sek;
    /**
     * The model\'s amount (zero when the model pays it nothing).
     */
    model: Sek;
    /**
     * published − model.
     */
    diff: Sek;
}

/**
 * One side of a change: the pot, the key and what the recipient gets of it.
 */
export interface Side {
    /**
     * The pot split by the key.
     */
    pot: Sek;
    /**
     * The key (`population:regions:2021-11-01`).
     */
    key: string;
    /**
     * The recipient\'s weight in the key (zero when it is not in it).
     */
    weight: Decimal;
    /**
     * The sum of the weights.
     */
    total_weight: Decimal;
    /**
     * The exact quota `pot × weight / total_weight`, to 28 significant digits.
     */
    quota: Decimal;
    /**
     * What the recipient gets.
     */
    amount: Sek;
}

/**
 * One step of a location path: a field name or a list index.
 */
export type LocPart = string | number;

/**
 * One value of a table.
 */
export type Cell = null | string | Sek | number | Decimal | When;

/**
 * Outcomes by criterion id, then recipient code. In files, a criterion or recipient given
 * twice is an error.
 */
export type Outcomes = Record<string, Record<RecipientId, Outcome>>;

/**
 * Performance outcomes: JSON text or an object.
 */
export type OutcomesInput = string | Outcomes;

/**
 * Regions or municipalities: the level a population key is taken at.
 */
export type Level = "regions" | "municipalities";

/**
 * The JSON form of an [`Allocation`](crate::Allocation), with its totals: what its
 * `Serialize` writes (`AllocationData` in TypeScript).
 */
export interface AllocationData {
    /**
     * The rounding unit.
     */
    unit: Unit;
    /**
     * The apportionment method.
     */
    method: Method;
    /**
     * The sum of every row.
     */
    total: Sek;
    /**
     * The pots handed out.
     */
    pots: Pot[];
    /**
     * Every amount.
     */
    rows: Row[];
    /**
     * The totals by recipient, component and date.
     */
    totals: AllocationTotals;
    /**
     * What the allocation does not cover, and why (`not_allocated`, `default_key`, `unknown_outcome`).
     */
    notes: Finding[];
}

/**
 * The allocation of one component, or why it cannot be made.
 */
export interface ComponentAllocation {
    /**
     * Component id.
     */
    component: string;
    /**
     * The allocation, when it could be made.
     */
    allocation?: Allocation;
    /**
     * Why it could not be made.
     */
    errors: Finding[];
}

/**
 * The apportionment method.
 */
export type Method = "largest_remainder";

/**
 * The catalog: sources, agreements and packages.
 */
export interface Catalog {
    /**
     * The source texts.
     */
    sources: Source[];
    /**
     * Every agreement.
     */
    agreements: Agreement[];
    /**
     * Press-release totals.
     */
    packages: Package[];
    /**
     * Published per-region tables, the receipts the model is checked against.
     */
    tables: TableEntry[];
}

/**
 * The family of a [`Code`]: what went wrong, at which stage.
 */
export type ErrorKind = "input" | "allocation" | "validation";

/**
 * The field of an outcome a test reads.
 */
export type OutcomeField = "value" | "previous" | "met";

/**
 * The figures behind one amount.
 *
 */
export interface Basis {
    /**
     * The pot of this step (a component, criterion or bonus pot; for a component paid in
     * tranches, the figures are those of the whole component and [`Basis::tranche`] says
     * how the recipient\'s amount was spread over the tranches).
     */
    pot: Sek;
    /**
     * What the weights are (`\"population:regions:2021-11-01\"`).
     */
    key: string;
    /**
     * The recipient\'s weight.
     */
    weight: Decimal;
    /**
     * The sum of the weights.
     */
    total_weight: Decimal;
    /**
     * The exact quota `pot × weight / total_weight`, in kronor (to 28 significant digits
     * when it does not terminate).
     */
    quota: Decimal;
    /**
     * The quota rounded down to the unit.
     */
    floor: Sek;
    /**
     * Units left over after every recipient got its floor, handed out by largest remainder.
     */
    left_over: Sek;
    /**
     * The rank of the recipient\'s remainder when it got one of the units left over.
     */
    remainder_rank?: number;
    /**
     * How many recipients share the pot.
     */
    recipients: number;
    /**
     * Why the recipient qualified or not, for performance money.
     */
    note?: string;
    /**
     * The same note in Swedish.
     */
    note_sv?: string;
    /**
     * For performance money: whether the recipient qualified (when not, its share by the
     * key, `floor` or one unit more, went to the bonus pot or back to the state).
     */
    qualified?: boolean;
    /**
     * For a row of one tranche: how the recipient\'s amount of the whole component (which
     * the figures above are of) was spread over the tranches. `None` for a component paid
     * at once.
     */
    tranche?: TrancheBasis;
}

/**
 * The key-date sensitivity of the population-based pots of a catalog or an agreement.
 */
export interface Sensitivity {
    /**
     * The agreement asked for, or every agreement of the catalog.
     */
    agreement?: string;
    /**
     * The level asked for, or both.
     */
    level?: Level;
    /**
     * One entry per population-based pot, in the catalog\'s order.
     */
    pots: PotDates[];
    /**
     * Dates on which a pot could not be allocated, and why.
     */
    open: Open[];
}

/**
 * The language of a text for people. Codes, locations and context are the same in every
 * language.
 */
export type Lang = "en" | "sv";

/**
 * The object form of a [`Figure`] in files.
 */
export interface FigureObject {
    /**
     * The amount in kronor.
     */
    value: Sek;
    /**
     * The value of one unit of the last digit stated (\"9,4 miljarder\" → \"100000000\");
     * absent when the figure is exact to the krona.
     */
    precision?: Sek | null;
    /**
     * A hedge word in front of the figure.
     */
    qualifier?: Qualifier | null;
    /**
     * The year the amount is for, when the figure is for one year of several.
     */
    year?: number | null;
    /**
     * The source stating the figure.
     */
    source?: SourceRef | null;
}

/**
 * The options of `allocate` and `explain` (read by `input::args::options`).
 */
export interface AllocateOptions {
    /**
     * Replaces the key of key-based rules at the same level.
     */
    key?: KeyInput;
    /**
     * Performance outcomes.
     */
    outcomes?: OutcomesInput;
    /**
     * The rounding unit (default krona).
     */
    unit?: Unit;
    /**
     * Money not allocated and keys chosen by default are errors, not notes.
     */
    strict?: boolean;
}

/**
 * The options of `shown` (read by `input::args::shown_options`): an allocation\'s, and
 * `assume`, a key for money whose split the sources do not give.
 */
export interface ShownOptions extends AllocateOptions {
    /**
     * Splits money whose split the sources do not give, marked `supplied_key`.
     */
    assume?: KeyInput;
}

/**
 * The outcome in a few figures and one sentence.
 */
export interface Summary {
    /**
     * Rows with an amount (total lines not counted).
     */
    rows: number;
    /**
     * Distinct regions named.
     */
    regions: number;
    /**
     * Names of the regions with no row.
     */
    missing: string[];
    /**
     * Rows that repeat a region.
     */
    duplicates: number;
    /**
     * Rows whose name is not a region.
     */
    unknown: number;
    /**
     * Rows with an irregular digit grouping.
     */
    irregular: number;
    /**
     * Region rows that differ from the best key.
     */
    differing: number;
    /**
     * What the rows add up to.
     */
    rows_sum: Sek;
    /**
     * True when the rows add up to every stated total (within rounding).
     */
    adds_up: boolean;
    /**
     * The best key and rounding.
     */
    best: KeyFit | null;
    /**
     * True when a bundled key reproduces every region row.
     */
    exact: boolean;
    /**
     * One sentence for a reader.
     */
    headline: string;
}

/**
 * The per-recipient comparison of two allocations.
 */
export interface Comparison {
    /**
     * One row per recipient in either allocation, in code order.
     */
    rows: Difference[];
}

/**
 * The population key implied by a table that no bundled key reproduces.
 */
export interface ImpliedKey {
    /**
     * The total population T (of the candidates, the one nearest the closest bundled key).
     */
    total: number;
    /**
     * The population of each region under T, in region code order.
     */
    populations: ImpliedPopulation[];
    /**
     * How many totals in the searched range every row is consistent with (within its
     * precision of its exact share).
     */
    candidates: number;
    /**
     * The first candidate totals (at most 100), ascending.
     */
    totals: number[];
    /**
     * The searched range of T (inclusive), ±8 % around the closest bundled population key.
     */
    searched: [number, number];
    /**
     * The bundled population key the search was centred on.
     */
    near: string;
    /**
     * The rounding that reproduces every row with these populations; none when no
     * rounding the model knows does (the rows are then only within their precision of
     * the shares, and the key is not said to reproduce the table).
     */
    rounding?: Rounding;
}

/**
 * The reference data in one value, as the browser takes it: the regions, the
 * municipalities and the reference dates that have population figures, by level.
 */
export interface Reference {
    /**
     * The 21 regions.
     */
    regions: Region[];
    /**
     * The 290 municipalities.
     */
    municipalities: Municipality[];
    /**
     * The dates with population figures.
     */
    population_dates: PopulationDates;
}

/**
 * The reference dates that have population figures, by level, oldest first.
 */
export interface PopulationDates {
    /**
     * For the regions.
     */
    regions: NaiveDate[];
    /**
     * For the municipalities.
     */
    municipalities: NaiveDate[];
}

/**
 * The report over the catalog (or the agreements of one year).
 */
export interface Report {
    /**
     * The year, when the report is for one.
     */
    year?: number;
    /**
     * The agreements.
     */
    agreements: AgreementReport[];
    /**
     * Findings on the packages (press-release totals) of the year.
     */
    package_findings: Finding[];
}

/**
 * The result of [`reconcile`]: a verdict per row, the findings, the key fits, the implied key.
 */
export interface Reconciliation {
    /**
     * The table\'s name.
     */
    table: string;
    /**
     * What the publisher states.
     */
    statement: Statement;
    /**
     * The rounding unit of the comparison (öre when an amount has öre).
     */
    unit: Unit;
    /**
     * The pot the model splits.
     */
    pot: Sek;
    /**
     * Where that pot comes from.
     */
    pot_source: PotSource;
    /**
     * Every row, in input order.
     */
    rows: RowVerdict[];
    /**
     * The rows\' sum against the total line and the pot.
     */
    totals: TotalCheck[];
    /**
     * Every finding: lines that could not be read, then the checks.
     */
    findings: Finding[];
    /**
     * Every bundled key × rounding, best first.
     */
    fits: KeyFit[];
    /**
     * The implied population key, when no bundled key reproduces the table.
     */
    implied: ImpliedKey | null;
    /**
     * The outcome in brief.
     */
    summary: Summary;
}

/**
 * The rule a publisher states for a table.
 */
export type StatedRule = { type: "population" } | { type: "fixed_plus_population"; each: Sek } | { type: "need" };

/**
 * The sides of `change` (read by `input::args::change`): two agreements (or one
 * against itself) on their keys, or two pots split by the keys.
 */
export interface ChangeOptions {
    /**
     * The agreement of A: a catalog id, JSON text or an object.
     */
    agreement?: AgreementInput;
    /**
     * The agreement of B (default: A\'s).
     */
    against?: AgreementInput;
    /**
     * Only this component of the agreement(s).
     */
    component?: string;
    /**
     * The key of A (default: the agreement\'s own).
     */
    keyA?: KeyInput;
    /**
     * The key of B (default: A\'s).
     */
    keyB?: KeyInput;
    /**
     * Without an agreement: the pot of A, an amount string.
     */
    potA?: string;
    /**
     * The pot of B (default: A\'s).
     */
    potB?: string;
    /**
     * The rounding unit (default krona).
     */
    unit?: Unit;
}

/**
 * The totals of an [`AllocationData`].
 */
export interface AllocationTotals {
    /**
     * By recipient.
     */
    by_recipient: Total[];
    /**
     * By component.
     */
    by_component: Total[];
    /**
     * By payment date.
     */
    by_date: Total[];
}

/**
 * The unit an allocation rounds to: whole kronor (the practice of official distributions)
 * or öre.
 */
export type Unit = "krona" | "ore";

/**
 * The verdict on one row.
 */
export type Verdict = "ok" | "differs" | "irregular_grouping" | "duplicate" | "unknown" | "not_compared";

/**
 * What a column holds: it decides alignment and how a value is written for people.
 */
export type Kind = "text" | "amount" | "integer" | "decimal" | "date";

/**
 * What a component is to its parent.
 */
export type ComponentKind = "block" | "item" | "earmark";

/**
 * What a row\'s money is.
 */
export type Part = "share" | "fixed" | "each" | "equal" | "earned" | "bonus" | "returned";

/**
 * What a user could supply to compute money that cannot be computed now.
 */
export type Supply = { type: "outcomes"; measures: string[]; recipients: RecipientId[] } | { type: "key" } | { type: "nothing" };

/**
 * What happens to performance money a recipient does not earn.
 */
export type Unearned = "bonus_pot" | "return_to_state";

/**
 * What kind of agreement this is.
 */
export type AgreementKind = { type: "base" } | { type: "supplementary"; base: string } | { type: "sector_grant" } | { type: "reimbursement" } | { type: "budget_proposal" };

/**
 * What kind of recipient a code names.
 */
export type RecipientKind = "region" | "municipality" | "skr" | "state" | "other";

/**
 * What may change whether money is paid: the agreement is only proposed or awaits a
 * party\'s approval, or the money is conditional (on an appropriation, on results).
 *
 */
export type Mark = "proposed" | "pending" | "conditional";

/**
 * What the publisher states about a table (read by `input::args::statement`).
 */
export interface ReconcileOptions {
    /**
     * The pot, an amount string (`\"1 382 miljoner kronor\"`).
     */
    pot?: string;
    /**
     * `\"population\"`, `\"need\"` or `\"fixed-plus-population:AMOUNT\"`.
     */
    rule?: string;
}

/**
 * What the publisher states about a table: the pot and, if known, the rule.
 */
export interface Statement {
    /**
     * The amount the table distributes.
     */
    pot?: Sek;
    /**
     * How it is distributed.
     */
    rule?: StatedRule;
}

/**
 * Where an agreement stands.
 */
export type Status = "signed" | { pending: { party: string } } | "proposed";

/**
 * Where the pot the model splits comes from.
 */
export type PotSource = "stated" | "total_line" | "rows";

/**
 * Which distribution key to use.
 */
export type KeySpec = { type: "population"; level: Level; date: NaiveDate } | { type: "needs_regions2024" } | { type: "needs_weighted"; level: Level; date: NaiveDate; index: Record<RecipientId, Weight> } | { type: "weights"; name?: string; weights: Record<RecipientId, Weight> };

/**
 * Who a component pays.
 */
export type Group = "regions" | "municipalities" | "regions_and_municipalities" | { municipalities_of: string } | { recipient: RecipientId } | { list: RecipientId[] } | { named: { name: string; members?: number } };

/**
 * Who pays part of an agreement\'s money.
 */
export interface Funding {
    /**
     * The payer.
     */
    payer: Payer;
    /**
     * How much it pays.
     */
    amount?: Figure;
}


/**
 * r" An allocation: every amount of a pot, a component or an agreement.
 */
export class Allocation {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * The explanations as text, then the notes on what was not allocated.
     */
    explainText(recipient?: string, lang?: Lang): string;
    /**
     * The explanation of every amount, or of one recipient's (by code), in row order; in
     * `lang` (`"sv"`, `"en"`) or the language of `setLang`.
     */
    explain(recipient?: string, lang?: Lang): string[];
    /**
     * An allocation from its JSON form (as `toJSON()` gives it, or JSON text).
     */
    static fromJSON(value: AllocationData | string): Allocation;
    /**
     * The allocation as a table: recipients × pots.
     */
    pivot(): PivotResult;
    /**
     * The long form: one row per amount (the table of `toCsv()`).
     */
    rowsTable(): Table;
    /**
     * The core's table: title, typed columns, rows of cells, footer and notes.
     */
    table(): Table;
    /**
     * CSV with a header, amounts as plain decimals: what the CLI prints with
     * `--format csv`; with `swedish` true, the CSV for Swedish Excel (semicolons,
     * decimal comma, a byte-order mark, codes kept as text: `--format csv-sv`).
     */
    toCsv(swedish?: boolean | null): string;
    /**
     * An Excel workbook (the bytes of an `.xlsx` file): one sheet per table of the
     * result, amounts as numbers in kronor, codes as text, headers in the current
     * language (`--format xlsx`).
     */
    toExcel(): Uint8Array;
    /**
     * The table as an HTML `<table>`.
     */
    toHtml(): string;
    /**
     * The core's JSON form (amounts as strings): what `JSON.stringify` writes;
     * the messages of its findings in the language of `setLang`.
     */
    toJSON(): AllocationData;
    /**
     * The text people read: what the CLI prints with `--format table`.
     */
    toText(): string;
    /**
     * Every amount as a plain decimal string, in row order, without making the rows of a
     * split (`rows` has the figures behind each).
     */
    readonly amounts: Sek[];
    /**
     * What the allocation does not cover, and why (`not_allocated`, `default_key`,
     * `unknown_outcome`), in the language of `setLang`.
     */
    readonly notes: Finding[];
    /**
     * The pots handed out, one per component and tranche.
     */
    readonly pots: Pot[];
    /**
     * Every amount, with the figures behind it.
     */
    readonly rows: Row[];
    /**
     * The sum of every row (a plain decimal string).
     */
    readonly total: string;
    /**
     * The totals by recipient, by component and by payment date, each in key order
     * (what `toJSON().totals` holds, without making every row's JSON form).
     */
    readonly totals: AllocationTotals;
    /**
     * The rounding unit: `"krona"` or `"ore"`.
     */
    readonly unit: Unit;
    /**
     * Every amount in whole units of `unit` (kronor, or öre), in row order, as a
     * `BigInt64Array`: the fastest way to read them all (throws `too_large` for an amount
     * beyond 2^63 units).
     */
    readonly units: BigInt64Array;
}

/**
 * r" One recipient's change between two splits, decomposed exactly into the pot's
 * r" change, its share's change and rounding.
 */
export class ChangeResult {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * The core's table: title, typed columns, rows of cells, footer and notes.
     */
    table(): Table;
    /**
     * CSV with a header, amounts as plain decimals: what the CLI prints with
     * `--format csv`; with `swedish` true, the CSV for Swedish Excel (semicolons,
     * decimal comma, a byte-order mark, codes kept as text: `--format csv-sv`).
     */
    toCsv(swedish?: boolean | null): string;
    /**
     * An Excel workbook (the bytes of an `.xlsx` file): one sheet per table of the
     * result, amounts as numbers in kronor, codes as text, headers in the current
     * language (`--format xlsx`).
     */
    toExcel(): Uint8Array;
    /**
     * The table as an HTML `<table>`.
     */
    toHtml(): string;
    /**
     * The core's JSON form (amounts as strings): what `JSON.stringify` writes;
     * the messages of its findings in the language of `setLang`.
     */
    toJSON(): Change;
    /**
     * The text people read: what the CLI prints with `--format table`.
     */
    toText(): string;
    /**
     * The first split (A): pot, key, weight, quota and amount.
     */
    readonly a: Side;
    /**
     * The second split (B).
     */
    readonly b: Side;
    /**
     * `b − a` of the recipient (a plain decimal string): exactly `potEffect +
     * shareEffect + rounding`.
     */
    readonly difference: string;
    /**
     * The paradoxes of largest remainder that touch the recipient, in the language of
     * `setLang`.
     */
    readonly paradoxes: Finding[];
    /**
     * "The pot changed": the old share × the pot's change.
     */
    readonly potEffect: string;
    /**
     * The rest: rounding (at most 2 units either way).
     */
    readonly rounding: string;
    /**
     * The decomposition in a sentence, in the language of `setLang`.
     */
    readonly sentence: string;
    /**
     * "Its share of the key changed": the new pot × the change of the share.
     */
    readonly shareEffect: string;
}

/**
 * r" The per-recipient difference `b − a` between two allocations.
 */
export class ComparisonResult {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * The core's table: title, typed columns, rows of cells, footer and notes.
     */
    table(): Table;
    /**
     * CSV with a header, amounts as plain decimals: what the CLI prints with
     * `--format csv`; with `swedish` true, the CSV for Swedish Excel (semicolons,
     * decimal comma, a byte-order mark, codes kept as text: `--format csv-sv`).
     */
    toCsv(swedish?: boolean | null): string;
    /**
     * An Excel workbook (the bytes of an `.xlsx` file): one sheet per table of the
     * result, amounts as numbers in kronor, codes as text, headers in the current
     * language (`--format xlsx`).
     */
    toExcel(): Uint8Array;
    /**
     * The table as an HTML `<table>`.
     */
    toHtml(): string;
    /**
     * The core's JSON form (amounts as strings): what `JSON.stringify` writes;
     * the messages of its findings in the language of `setLang`.
     */
    toJSON(): Comparison;
    /**
     * The text people read: what the CLI prints with `--format table`.
     */
    toText(): string;
}

/**
 * r" The findings of a validation: every problem, never only the first.
 */
export class Findings {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * The core's table: title, typed columns, rows of cells, footer and notes.
     */
    table(): Table;
    /**
     * The severity tally: `"2 errors, 1 warning"`.
     */
    tally(): string;
    /**
     * CSV with a header, amounts as plain decimals: what the CLI prints with
     * `--format csv`; with `swedish` true, the CSV for Swedish Excel (semicolons,
     * decimal comma, a byte-order mark, codes kept as text: `--format csv-sv`).
     */
    toCsv(swedish?: boolean | null): string;
    /**
     * An Excel workbook (the bytes of an `.xlsx` file): one sheet per table of the
     * result, amounts as numbers in kronor, codes as text, headers in the current
     * language (`--format xlsx`).
     */
    toExcel(): Uint8Array;
    /**
     * The table as an HTML `<table>`.
     */
    toHtml(): string;
    /**
     * The core's JSON form (amounts as strings): what `JSON.stringify` writes;
     * the messages of its findings in the language of `setLang`.
     */
    toJSON(): Finding[];
    /**
     * The text people read: what the CLI prints with `--format table`.
     */
    toText(): string;
    /**
     * How many findings.
     */
    readonly length: number;
}

/**
 * r" A resolved distribution key: recipients in code order, each with an exact weight.
 */
export class KeyResult {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * The core's table: title, typed columns, rows of cells, footer and notes.
     */
    table(): Table;
    /**
     * CSV with a header, amounts as plain decimals: what the CLI prints with
     * `--format csv`; with `swedish` true, the CSV for Swedish Excel (semicolons,
     * decimal comma, a byte-order mark, codes kept as text: `--format csv-sv`).
     */
    toCsv(swedish?: boolean | null): string;
    /**
     * An Excel workbook (the bytes of an `.xlsx` file): one sheet per table of the
     * result, amounts as numbers in kronor, codes as text, headers in the current
     * language (`--format xlsx`).
     */
    toExcel(): Uint8Array;
    /**
     * The table as an HTML `<table>`.
     */
    toHtml(): string;
    /**
     * The core's JSON form (amounts as strings): what `JSON.stringify` writes;
     * the messages of its findings in the language of `setLang`.
     */
    toJSON(): Key;
    /**
     * The text people read: what the CLI prints with `--format table`.
     */
    toText(): string;
    /**
     * How many recipients.
     */
    readonly length: number;
}

/**
 * r" An allocation as a table: recipients × pots, with totals.
 */
export class PivotResult {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * The core's table: title, typed columns, rows of cells, footer and notes.
     */
    table(): Table;
    /**
     * CSV with a header, amounts as plain decimals: what the CLI prints with
     * `--format csv`; with `swedish` true, the CSV for Swedish Excel (semicolons,
     * decimal comma, a byte-order mark, codes kept as text: `--format csv-sv`).
     */
    toCsv(swedish?: boolean | null): string;
    /**
     * An Excel workbook (the bytes of an `.xlsx` file): one sheet per table of the
     * result, amounts as numbers in kronor, codes as text, headers in the current
     * language (`--format xlsx`).
     */
    toExcel(): Uint8Array;
    /**
     * The table as an HTML `<table>`.
     */
    toHtml(): string;
    /**
     * The core's JSON form (amounts as strings): what `JSON.stringify` writes;
     * the messages of its findings in the language of `setLang`.
     */
    toJSON(): Pivot;
    /**
     * The text people read: what the CLI prints with `--format table`.
     */
    toText(): string;
    /**
     * The grand total.
     */
    readonly total: string;
}

/**
 * r" One recipient across the agreements of the catalog (or of one year): every amount
 * r" with its pot, share, rank, key and kr per invånare, and the money that cannot be
 * r" computed yet, with why.
 */
export class RecipientResult {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * The core's table: title, typed columns, rows of cells, footer and notes.
     */
    table(): Table;
    /**
     * CSV with a header, amounts as plain decimals: what the CLI prints with
     * `--format csv`; with `swedish` true, the CSV for Swedish Excel (semicolons,
     * decimal comma, a byte-order mark, codes kept as text: `--format csv-sv`).
     */
    toCsv(swedish?: boolean | null): string;
    /**
     * An Excel workbook (the bytes of an `.xlsx` file): one sheet per table of the
     * result, amounts as numbers in kronor, codes as text, headers in the current
     * language (`--format xlsx`).
     */
    toExcel(): Uint8Array;
    /**
     * The table as an HTML `<table>`.
     */
    toHtml(): string;
    /**
     * The core's JSON form (amounts as strings): what `JSON.stringify` writes;
     * the messages of its findings in the language of `setLang`.
     */
    toJSON(): RecipientView;
    /**
     * The text people read: what the CLI prints with `--format table`.
     */
    toText(): string;
    /**
     * Every amount the recipient gets, by agreement in the catalog's order.
     */
    readonly lines: Line[];
    /**
     * Money of those agreements that cannot be computed yet, and why (in the language of
     * `setLang`).
     */
    readonly open: Open[];
    /**
     * The sum of every line (a plain decimal string).
     */
    readonly total: string;
}

/**
 * r" A published table checked against the model.
 */
export class ReconciliationResult {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * The core's table: title, typed columns, rows of cells, footer and notes.
     */
    table(): Table;
    /**
     * CSV with a header, amounts as plain decimals: what the CLI prints with
     * `--format csv`; with `swedish` true, the CSV for Swedish Excel (semicolons,
     * decimal comma, a byte-order mark, codes kept as text: `--format csv-sv`).
     */
    toCsv(swedish?: boolean | null): string;
    /**
     * An Excel workbook (the bytes of an `.xlsx` file): one sheet per table of the
     * result, amounts as numbers in kronor, codes as text, headers in the current
     * language (`--format xlsx`).
     */
    toExcel(): Uint8Array;
    /**
     * The table as an HTML `<table>`.
     */
    toHtml(): string;
    /**
     * The core's JSON form (amounts as strings): what `JSON.stringify` writes;
     * the messages of its findings in the language of `setLang`.
     */
    toJSON(): Reconciliation;
    /**
     * The text people read: what the CLI prints with `--format table`.
     */
    toText(): string;
}

/**
 * r" The report of the catalog: every agreement's components and their sources.
 */
export class ReportResult {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * The core's table: title, typed columns, rows of cells, footer and notes.
     */
    table(): Table;
    /**
     * CSV with a header, amounts as plain decimals: what the CLI prints with
     * `--format csv`; with `swedish` true, the CSV for Swedish Excel (semicolons,
     * decimal comma, a byte-order mark, codes kept as text: `--format csv-sv`).
     */
    toCsv(swedish?: boolean | null): string;
    /**
     * An Excel workbook (the bytes of an `.xlsx` file): one sheet per table of the
     * result, amounts as numbers in kronor, codes as text, headers in the current
     * language (`--format xlsx`).
     */
    toExcel(): Uint8Array;
    /**
     * The table as an HTML `<table>`.
     */
    toHtml(): string;
    /**
     * The core's JSON form (amounts as strings): what `JSON.stringify` writes;
     * the messages of its findings in the language of `setLang`.
     */
    toJSON(): Report;
    /**
     * The text people read: what the CLI prints with `--format table`.
     */
    toText(): string;
}

/**
 * r" The key-date sensitivity of population-based pots: every pot under every bundled
 * r" date, the convention's date, the largest movers and the paradoxes.
 */
export class SensitivityResult {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * The core's table: title, typed columns, rows of cells, footer and notes.
     */
    table(): Table;
    /**
     * CSV with a header, amounts as plain decimals: what the CLI prints with
     * `--format csv`; with `swedish` true, the CSV for Swedish Excel (semicolons,
     * decimal comma, a byte-order mark, codes kept as text: `--format csv-sv`).
     */
    toCsv(swedish?: boolean | null): string;
    /**
     * An Excel workbook (the bytes of an `.xlsx` file): one sheet per table of the
     * result, amounts as numbers in kronor, codes as text, headers in the current
     * language (`--format xlsx`).
     */
    toExcel(): Uint8Array;
    /**
     * The table as an HTML `<table>`.
     */
    toHtml(): string;
    /**
     * The core's JSON form (amounts as strings): what `JSON.stringify` writes;
     * the messages of its findings in the language of `setLang`.
     */
    toJSON(): Sensitivity;
    /**
     * The text people read: what the CLI prints with `--format table`.
     */
    toText(): string;
    /**
     * Dates on which a pot could not be allocated, and why.
     */
    readonly open: Open[];
    /**
     * One entry per population-based pot: its amounts under every date, the movers and
     * the paradoxes (in the language of `setLang`).
     */
    readonly pots: PotDates[];
}

/**
 * What can be shown of an agreement now: every pot that can be allocated (an
 * `Allocation`), what cannot and why, with what a user could supply; the outcome inputs
 * per measure; kr per invånare.
 */
export class ShownResult {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * The core's table: title, typed columns, rows of cells, footer and notes.
     */
    table(): Table;
    /**
     * CSV with a header, amounts as plain decimals: what the CLI prints with
     * `--format csv`; with `swedish` true, the CSV for Swedish Excel (semicolons,
     * decimal comma, a byte-order mark, codes kept as text: `--format csv-sv`).
     */
    toCsv(swedish?: boolean | null): string;
    /**
     * An Excel workbook (the bytes of an `.xlsx` file): one sheet per table of the
     * result, amounts as numbers in kronor, codes as text, headers in the current
     * language (`--format xlsx`).
     */
    toExcel(): Uint8Array;
    /**
     * The table as an HTML `<table>`.
     */
    toHtml(): string;
    /**
     * The text people read: what the CLI prints with `--format table`.
     */
    toText(): string;
    /**
     * The allocation of every pot that can be allocated with the inputs given (its notes
     * say what is not, and mark money split by a supplied key).
     */
    readonly allocation: Allocation;
    /**
     * How much of the agreement is shown: `"all"`, `"part"` or `"nothing"`.
     */
    readonly coverage: Coverage;
    /**
     * The outcome inputs: one per measure the performance criteria read, with the fields
     * the tests read and the recipients measured.
     */
    readonly measures: MeasureInput[];
    /**
     * What is not shown: why, what could be supplied (`supply`) and the same in a
     * sentence (`hint`), in the language of `setLang`.
     */
    readonly open: Missing[];
    /**
     * Kr per invånare of every recipient's total, by the population named in `key`, or
     * `null`.
     */
    readonly perCapita: PerCapita | null;
}

/**
 * r" One year: every recipient × every agreement of what can be allocated, with totals
 * r" equal to the allocated pots.
 */
export class YearResult {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * The core's table: title, typed columns, rows of cells, footer and notes.
     */
    table(): Table;
    /**
     * CSV with a header, amounts as plain decimals: what the CLI prints with
     * `--format csv`; with `swedish` true, the CSV for Swedish Excel (semicolons,
     * decimal comma, a byte-order mark, codes kept as text: `--format csv-sv`).
     */
    toCsv(swedish?: boolean | null): string;
    /**
     * An Excel workbook (the bytes of an `.xlsx` file): one sheet per table of the
     * result, amounts as numbers in kronor, codes as text, headers in the current
     * language (`--format xlsx`).
     */
    toExcel(): Uint8Array;
    /**
     * The table as an HTML `<table>`.
     */
    toHtml(): string;
    /**
     * The core's JSON form (amounts as strings): what `JSON.stringify` writes;
     * the messages of its findings in the language of `setLang`.
     */
    toJSON(): YearView;
    /**
     * The text people read: what the CLI prints with `--format table`.
     */
    toText(): string;
    /**
     * The agreements usable in the year, in the catalog's order: the columns.
     */
    readonly agreements: YearAgreement[];
    /**
     * `amounts[r][a]`: what recipient `r` gets of agreement `a` in the year (plain decimal
     * strings).
     */
    readonly amounts: Sek[][];
    /**
     * Money that cannot be computed, and rows paid outside the year, with why (in the
     * language of `setLang`).
     */
    readonly open: Open[];
    /**
     * The recipients, in code order, as `[code, name]`: the rows.
     */
    readonly recipients: [RecipientId, string][];
    /**
     * What is allocated in the year: the sum of every agreement's `allocated` (a plain
     * decimal string).
     */
    readonly total: string;
}

/**
 * One agreement of the catalog, by id (throws `unknown_agreement`, with the closest ids).
 */
export function agreement(id: string): Agreement;

/**
 * Allocate every component of an agreement (JSON text, an object or a catalog id), by
 * tranche, with an optional replacement key, performance outcomes and rounding unit.
 */
export function allocate(agreement: AgreementInput, options?: AllocateOptions): Allocation;

/**
 * The bundled catalog: the source texts, every agreement and the packages.
 */
export function catalog(): Catalog;

/**
 * One recipient's change between two splits, decomposed exactly into the pot's change,
 * its share's change and rounding: between two agreements (or one against itself, on
 * `keyA` and `keyB`), or two pots (`potA`, `potB`) split by the keys; as the CLI's
 * `change`.
 */
export function change(code: string, options: ChangeOptions): ChangeResult;

/**
 * The per-recipient difference `b − a` between two allocations (another key date,
 * other outcomes, another version of an agreement).
 */
export function compare(a: Allocation, b: Allocation): ComparisonResult;

/**
 * The explanation of every amount of an agreement's allocation (or of one recipient's),
 * one sentence per row: `allocate(agreement, options).explain(recipient)`.
 */
export function explain(agreement: AgreementInput, options?: AllocateOptions, recipient?: string, lang?: Lang): string[];

/**
 * The explanation of one row of an allocation (`alloc.rows[i]`), in `lang` or the
 * language of `setLang`.
 */
export function explainRow(row: Row, lang?: Lang): string;

/**
 * An amount (a plain decimal string) written the Swedish way: `"1 382 000 000 kr"`.
 *
 * With `noBreak` true the thousands are separated by no-break spaces (`"1\u00a0382\u00a0000\u00a0000\u00a0kr"`),
 * so that an amount never wraps inside a table cell or a sentence.
 */
export function formatKr(amount: string, noBreak?: boolean | null): string;

/**
 * The language of messages, explanations and headers: `"sv"` or `"en"`.
 */
export function getLang(): Lang;

/**
 * An amount given by a person (`"443 miljoner kronor"`, `"1,6 miljarder"`) as a plain
 * decimal string (`"443000000"`).
 */
export function parseAmount(amount: string): string;

/**
 * What one recipient (a region, a municipality or SKR, by code) gets from every agreement
 * of the catalog, or of those usable in `year`; throws `unknown_recipient` (at
 * `["recipient"]`) for a code that is none of them.
 */
export function recipient(code: string, year?: number | null): RecipientResult;

/**
 * Check a published per-region table (CSV, or text pasted from a web page or a PDF)
 * against the model, optionally with the pot and the rule the publisher states.
 */
export function reconcile(tableText: string, options?: ReconcileOptions): ReconciliationResult;

/**
 * The bundled SCB reference data: the regions, the municipalities and the reference
 * dates that have population figures (for keys `population:LEVEL:DATE`).
 */
export function reference(): Reference;

/**
 * The report of the bundled catalog, optionally only the agreements covering `year`.
 */
export function report(year?: number | null): ReportResult;

/**
 * Resolve a key: its description, sources, recipients and weights.
 */
export function resolveKey(key: KeyInput): KeyResult;

/**
 * The key-date sensitivity of every population-based pot of the catalog, or of one
 * agreement (a catalog id), at one `level` or both; as the CLI's `sensitivity`.
 */
export function sensitivity(agreement?: string, level?: Level): SensitivityResult;

/**
 * Sets the language of messages, explanations and headers: `"sv"` (svenska) or `"en"`
 * (English, the default). Codes, locations and context are the same in both.
 */
export function setLang(lang: Lang): void;

/**
 * What can be shown of an agreement (JSON text, an object or a catalog id) with the
 * options given: its allocatable pots, what is missing and what could be supplied, the
 * outcome inputs per measure, kr per invånare. `assume` splits money whose split the
 * sources do not give by a key of the user's, marked `supplied_key`.
 */
export function shown(agreement: AgreementInput, options?: ShownOptions): ShownResult;

/**
 * One source of the catalog, by id, with its full text (throws `unknown_source`).
 */
export function source(id: string): Source;

/**
 * The source texts the catalog's figures are quoted from.
 */
export function sources(): Source[];

/**
 * Split `amount` by `key` in whole `unit`s by largest remainder, optionally giving `each`
 * to every recipient first. The rows sum exactly to the amount.
 */
export function split(amount: string, key: KeyInput, each?: string, unit?: Unit): Allocation;

/**
 * Validate one agreement or an array of them (with the links between them): every
 * finding, never only the first. Throws only when an agreement cannot be read.
 */
export function validate(agreements: AgreementInput | AgreementInput[]): Findings;

/**
 * Validate the bundled catalog.
 */
export function validateCatalog(): Findings;

/**
 * The version of the package (the same as the core crate's).
 */
export function version(): string;

/**
 * What every recipient gets of every agreement usable in `year`; with `level`
 * `"regions"` municipalities' money is summed to their region (throws `invalid_value` at
 * `["level"]` for another level).
 */
export function year(year: number, level?: Level): YearResult;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly __wbg_allocation_free: (a: number, b: number) => void;
    readonly __wbg_changeresult_free: (a: number, b: number) => void;
    readonly __wbg_comparisonresult_free: (a: number, b: number) => void;
    readonly __wbg_findings_free: (a: number, b: number) => void;
    readonly __wbg_keyresult_free: (a: number, b: number) => void;
    readonly __wbg_pivotresult_free: (a: number, b: number) => void;
    readonly __wbg_recipientresult_free: (a: number, b: number) => void;
    readonly __wbg_reconciliationresult_free: (a: number, b: number) => void;
    readonly __wbg_reportresult_free: (a: number, b: number) => void;
    readonly __wbg_sensitivityresult_free: (a: number, b: number) => void;
    readonly __wbg_shownresult_free: (a: number, b: number) => void;
    readonly __wbg_yearresult_free: (a: number, b: number) => void;
    readonly agreement: (a: number, b: number) => [number, number, number];
    readonly allocate: (a: any, b: number) => [number, number, number];
    readonly allocation_amounts: (a: number) => [number, number, number];
    readonly allocation_explain: (a: number, b: number, c: number, d: number, e: number) => [number, number, number, number];
    readonly allocation_explainText: (a: number, b: number, c: number, d: number, e: number) => [number, number, number, number];
    readonly allocation_fromJSON: (a: any) => [number, number, number];
    readonly allocation_notes: (a: number) => [number, number, number];
    readonly allocation_pivot: (a: number) => number;
    readonly allocation_pots: (a: number) => [number, number, number];
    readonly allocation_rows: (a: number) => [number, number, number];
    readonly allocation_rowsTable: (a: number) => [number, number, number];
    readonly allocation_table: (a: number) => [number, number, number];
    readonly allocation_toCsv: (a: number, b: number) => [number, number];
    readonly allocation_toExcel: (a: number) => [number, number, number, number];
    readonly allocation_toHtml: (a: number) => [number, number];
    readonly allocation_toJSON: (a: number) => [number, number, number];
    readonly allocation_toText: (a: number) => [number, number];
    readonly allocation_total: (a: number) => [number, number];
    readonly allocation_totals: (a: number) => [number, number, number];
    readonly allocation_unit: (a: number) => [number, number];
    readonly allocation_units: (a: number) => [number, number, number, number];
    readonly catalog: () => [number, number, number];
    readonly change: (a: number, b: number, c: any) => [number, number, number];
    readonly changeresult_a: (a: number) => [number, number, number];
    readonly changeresult_b: (a: number) => [number, number, number];
    readonly changeresult_difference: (a: number) => [number, number];
    readonly changeresult_paradoxes: (a: number) => [number, number, number];
    readonly changeresult_potEffect: (a: number) => [number, number];
    readonly changeresult_rounding: (a: number) => [number, number];
    readonly changeresult_sentence: (a: number) => [number, number];
    readonly changeresult_shareEffect: (a: number) => [number, number];
    readonly changeresult_table: (a: number) => [number, number, number];
    readonly changeresult_toCsv: (a: number, b: number) => [number, number];
    readonly changeresult_toExcel: (a: number) => [number, number, number, number];
    readonly changeresult_toHtml: (a: number) => [number, number];
    readonly changeresult_toJSON: (a: number) => [number, number, number];
    readonly changeresult_toText: (a: number) => [number, number];
    readonly compare: (a: number, b: number) => number;
    readonly comparisonresult_table: (a: number) => [number, number, number];
    readonly comparisonresult_toCsv: (a: number, b: number) => [number, number];
    readonly comparisonresult_toExcel: (a: number) => [number, number, number, number];
    readonly comparisonresult_toHtml: (a: number) => [number, number];
    readonly comparisonresult_toJSON: (a: number) => [number, number, number];
    readonly comparisonresult_toText: (a: number) => [number, number];
    readonly explain: (a: any, b: number, c: number, d: number, e: number, f: number) => [number, number, number, number];
    readonly explainRow: (a: any, b: number, c: number) => [number, number, number, number];
    readonly findings_length: (a: number) => number;
    readonly findings_table: (a: number) => [number, number, number];
    readonly findings_tally: (a: number) => [number, number];
    readonly findings_toCsv: (a: number, b: number) => [number, number];
    readonly findings_toExcel: (a: number) => [number, number, number, number];
    readonly findings_toHtml: (a: number) => [number, number];
    readonly findings_toJSON: (a: number) => [number, number, number];
    readonly findings_toText: (a: number) => [number, number];
    readonly formatKr: (a: any, b: number) => [number, number, number, number];
    readonly getLang: () => [number, number];
    readonly keyresult_length: (a: number) => number;
    readonly keyresult_table: (a: number) => [number, number, number];
    readonly keyresult_toCsv: (a: number, b: number) => [number, number];
    readonly keyresult_toExcel: (a: number) => [number, number, number, number];
    readonly keyresult_toHtml: (a: number) => [number, number];
    readonly keyresult_toJSON: (a: number) => [number, number, number];
    readonly keyresult_toText: (a: number) => [number, number];
    readonly parseAmount: (a: any) => [number, number, number, number];
    readonly pivotresult_table: (a: number) => [number, number, number];
    readonly pivotresult_toCsv: (a: number, b: number) => [number, number];
    readonly pivotresult_toExcel: (a: number) => [number, number, number, number];
    readonly pivotresult_toHtml: (a: number) => [number, number];
    readonly pivotresult_toJSON: (a: number) => [number, number, number];
    readonly pivotresult_toText: (a: number) => [number, number];
    readonly pivotresult_total: (a: number) => [number, number];
    readonly recipient: (a: number, b: number, c: number) => [number, number, number];
    readonly recipientresult_lines: (a: number) => [number, number, number];
    readonly recipientresult_open: (a: number) => [number, number, number];
    readonly recipientresult_table: (a: number) => [number, number, number];
    readonly recipientresult_toCsv: (a: number, b: number) => [number, number];
    readonly recipientresult_toExcel: (a: number) => [number, number, number, number];
    readonly recipientresult_toHtml: (a: number) => [number, number];
    readonly recipientresult_toJSON: (a: number) => [number, number, number];
    readonly recipientresult_toText: (a: number) => [number, number];
    readonly recipientresult_total: (a: number) => [number, number];
    readonly reconcile: (a: any, b: number) => [number, number, number];
    readonly reconciliationresult_table: (a: number) => [number, number, number];
    readonly reconciliationresult_toCsv: (a: number, b: number) => [number, number];
    readonly reconciliationresult_toExcel: (a: number) => [number, number, number, number];
    readonly reconciliationresult_toHtml: (a: number) => [number, number];
    readonly reconciliationresult_toJSON: (a: number) => [number, number, number];
    readonly reconciliationresult_toText: (a: number) => [number, number];
    readonly reference: () => [number, number, number];
    readonly report: (a: number) => [number, number, number];
    readonly reportresult_table: (a: number) => [number, number, number];
    readonly reportresult_toCsv: (a: number, b: number) => [number, number];
    readonly reportresult_toExcel: (a: number) => [number, number, number, number];
    readonly reportresult_toHtml: (a: number) => [number, number];
    readonly reportresult_toJSON: (a: number) => [number, number, number];
    readonly reportresult_toText: (a: number) => [number, number];
    readonly resolveKey: (a: any) => [number, number, number];
    readonly sensitivity: (a: number, b: number, c: number, d: number) => [number, number, number];
    readonly sensitivityresult_open: (a: number) => [number, number, number];
    readonly sensitivityresult_pots: (a: number) => [number, number, number];
    readonly sensitivityresult_table: (a: number) => [number, number, number];
    readonly sensitivityresult_toCsv: (a: number, b: number) => [number, number];
    readonly sensitivityresult_toExcel: (a: number) => [number, number, number, number];
    readonly sensitivityresult_toHtml: (a: number) => [number, number];
    readonly sensitivityresult_toJSON: (a: number) => [number, number, number];
    readonly sensitivityresult_toText: (a: number) => [number, number];
    readonly setLang: (a: number, b: number) => [number, number];
    readonly shown: (a: any, b: number) => [number, number, number];
    readonly shownresult_allocation: (a: number) => number;
    readonly shownresult_coverage: (a: number) => [number, number];
    readonly shownresult_measures: (a: number) => [number, number, number];
    readonly shownresult_open: (a: number) => [number, number, number];
    readonly shownresult_perCapita: (a: number) => [number, number, number];
    readonly shownresult_table: (a: number) => [number, number, number];
    readonly shownresult_toCsv: (a: number, b: number) => [number, number];
    readonly shownresult_toExcel: (a: number) => [number, number, number, number];
    readonly shownresult_toHtml: (a: number) => [number, number];
    readonly shownresult_toText: (a: number) => [number, number];
    readonly source: (a: number, b: number) => [number, number, number];
    readonly sources: () => [number, number, number];
    readonly split: (a: any, b: any, c: number, d: number) => [number, number, number];
    readonly validate: (a: any) => [number, number, number];
    readonly validateCatalog: () => number;
    readonly version: () => [number, number];
    readonly year: (a: number, b: number, c: number) => [number, number, number];
    readonly yearresult_agreements: (a: number) => [number, number, number];
    readonly yearresult_amounts: (a: number) => [number, number, number];
    readonly yearresult_open: (a: number) => [number, number, number];
    readonly yearresult_recipients: (a: number) => [number, number, number];
    readonly yearresult_table: (a: number) => [number, number, number];
    readonly yearresult_toCsv: (a: number, b: number) => [number, number];
    readonly yearresult_toExcel: (a: number) => [number, number, number, number];
    readonly yearresult_toHtml: (a: number) => [number, number];
    readonly yearresult_toJSON: (a: number) => [number, number, number];
    readonly yearresult_toText: (a: number) => [number, number];
    readonly yearresult_total: (a: number) => [number, number];
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __externref_table_dealloc: (a: number) => void;
    readonly __externref_drop_slice: (a: number, b: number) => void;
    readonly __wbindgen_start: () => void;
}

export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Instantiates the given `module`, which can either be bytes or
 * a precompiled `WebAssembly.Module`.
 *
 * @param {{ module: SyncInitInput }} module - Passing `SyncInitInput` directly is deprecated.
 *
 * @returns {InitOutput}
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * If `module_or_path` is {RequestInfo} or {URL}, makes a request and
 * for everything else, calls `WebAssembly.instantiate` directly.
 *
 * @param {{ module_or_path: InitInput | Promise<InitInput> }} module_or_path - Passing `InitInput` directly is deprecated.
 *
 * @returns {Promise<InitOutput>}
 */
export default function __wbg_init (module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
