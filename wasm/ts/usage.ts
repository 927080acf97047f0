// Type-checked by `tsc -p wasm/tsconfig.json` against the generated pkg-web/vardavtal_wasm.d.ts
// (never run): every export is used the way the crate docs show, so the declarations,
// generated from the Rust types (tsify-next), cannot drift from the documented usage unnoticed.
import init, {
  Allocation, ComparisonResult, Findings, KeyResult, PivotResult, RecipientResult, ReconciliationResult, ReportResult, VardavtalError,
  YearResult, allocate, agreement, catalog, compare, explain, explainRow, formatKr, parseAmount, reconcile, recipient, reference,
  report, resolveKey, source, sources, split, validate, validateCatalog, version, year,
  type Agreement, type AllocationData, type Catalog, type Cell, type Column, type Comparison, type Finding,
  type ImpliedKey, type KeyFit, type Pivot, type ReconcileOptions, type Reconciliation, type Reference,
  type Key, type Row, type RowVerdict, type Source, type Table, type TotalCheck, type Verdict,
  type Line, type Open, type RecipientView, type YearAgreement, type YearView,
  ChangeResult, SensitivityResult, ShownResult, change, sensitivity, shown as shownOf,
  type Change, type Side, type PotDates, type Mover, type Missing, type MeasureInput, type PerCapita, type Coverage,
} from "../pkg-web/vardavtal_wasm.js";

export async function usage(): Promise<void> {
  await init();
  const v: string = version();

  // split(amount, key, each?, unit?): amounts are strings, Swedish forms accepted.
  const a: Allocation = split("443 miljoner kronor", "population:regions:2021-11-01");
  const b: Allocation = split("443000000", "code,weight\n01,2\n03,1", "1000", "krona");
  const c: Allocation = split("100.50", { "01": "2", "03": "1" }, undefined, "ore");
  const total: string = a.total;
  const first: Row | undefined = a.rows[0];
  const quota: string | undefined = first?.basis.quota;
  const why: string = first ? explainRow(first) : "";

  // results are objects: the core's JSON form, its renderings, its table
  const data: AllocationData = a.toJSON();
  const json: string = JSON.stringify(a);
  const text: string = a.toText(); // what the CLI prints with --format table
  const csv: string = a.toCsv(); // the core's CSV: code,name,amount,…
  const html: string = a.toHtml();
  const t: Table = a.table();
  const cols: Column[] = t.columns;
  const cells: Cell[] | undefined = t.rows[0];
  const back: Allocation = Allocation.fromJSON(data);

  // allocate / explain / pivot / compare on an agreement (text, object or catalog id).
  const file: Agreement = {
    id: "d", title: "D", kind: { type: "base" }, years: [2022],
    components: [{ id: "b", name: "B", amount: "1000", recipients: "regions", rule: { type: "per_capita" } }],
  };
  const base: Allocation = allocate(file);
  const other: Allocation = allocate(JSON.stringify(file), {
    key: "population:regions:2023-11-01",
    outcomes: { crit: { "01": { value: "0.8", previous: "0.7" } } },
    unit: "krona",
  });
  const lines: string[] = explain(file, {}, "03");
  const mine: string[] = base.explain("03");
  const all: string[] = base.explain();
  const why2: string = base.explainText();
  const pivot: PivotResult = base.pivot();
  const pivotData: Pivot = pivot.toJSON();
  const cmp: ComparisonResult = compare(base, other);
  const cmpData: Comparison = cmp.toJSON();
  const diff: string | undefined = cmpData.rows[0]?.diff;

  // reconcile(tableText, {pot?, rule?}): check a published per-region table.
  const stated: ReconcileOptions = { pot: "1 382 miljoner kronor", rule: "fixed-plus-population:100 miljoner kronor" };
  const recObj: ReconciliationResult = reconcile("Region Stockholm 319 176 216 kr\nRegion Uppsala 521 60 836 kr\n", stated);
  const rec: Reconciliation = recObj.toJSON();
  const plainRec: Reconciliation = reconcile("Region;Belopp\nRegion Stockholm;319176216\n").toJSON();
  const reportText: string = recObj.toText();
  const verdicts: Verdict[] = rec.rows.map((r: RowVerdict) => r.verdict);
  const expected: (string | undefined)[] = rec.rows.map((r) => r.expected ?? undefined);
  const readings: string[] = rec.rows.flatMap((r) => (r.readings ?? []).filter((x) => x.adds_up).map((x) => x.amount));
  const best: KeyFit | undefined = rec.summary.best ?? undefined;
  const exactKey: string | undefined = rec.fits.find((f) => f.exact)?.key;
  const checks: boolean[] = rec.totals.map((t: TotalCheck) => t.adds_up);
  const implied: ImpliedKey | undefined = rec.implied ?? undefined;
  const populations: number[] = implied ? implied.populations.map((p) => p.population) : [];
  const recFindings: Finding[] = rec.findings.filter((f) => f.code === "irregular_grouping");

  // data
  const cat: Catalog = catalog();
  const firstId: string | undefined = cat.agreements[0]?.id;
  const one: Agreement | undefined = firstId ? agreement(firstId) : undefined;
  const srcs: Source[] = sources();
  const src: Source | undefined = srcs[0] ? source(srcs[0].id) : undefined;
  const ref: Reference = reference();
  const dates: string[] = ref.population_dates.regions;
  const key: KeyResult = resolveKey("needs:regions:2024");
  const resolved: Key = key.toJSON();
  const n: number = key.length;
  const rep: ReportResult = report(2022);
  const plain: string = parseAmount("1,6 miljarder");
  const shown: string = formatKr(plain);

  // across agreements and years: one recipient, one year (recipients × agreements)
  const skane: RecipientResult = recipient("12", 2022);
  const skaneTotal: string = skane.total;
  const skaneLines: Line[] = skane.lines;
  const perCapita: (string | undefined)[] = skaneLines.map((l) => l.per_capita ?? undefined);
  const skaneOpen: Open[] = skane.open;
  const skaneData: RecipientView = skane.toJSON();
  const y2022: YearResult = year(2022);
  const regionsYear: YearResult = year(2022, "regions");
  const columns: YearAgreement[] = y2022.agreements;
  const rowsOfYear: [string, string][] = y2022.recipients;
  const cellsOfYear: string[][] = y2022.amounts;
  const yearData: YearView = regionsYear.toJSON();
  console.log(skaneTotal, perCapita, skaneOpen.map((o) => o.why.code), skaneData.name, y2022.total, y2022.toText());
  console.log(columns.map((a) => a.allocated), rowsOfYear, cellsOfYear, yearData.level, recipient("0180").toCsv(true));

  // one recipient's change between two splits, decomposed; the key-date sensitivity
  const ch: ChangeResult = change("12", { agreement: "okad-tillganglighet-2022", component: "block-2", keyB: "population:regions:2023-11-01" });
  const pots: ChangeResult = change("12", { potA: "443 miljoner kronor", potB: "500000000", keyA: "population:regions:2021-11-01", unit: "krona" });
  const parts: string[] = [ch.difference, ch.potEffect, ch.shareEffect, ch.rounding, ch.sentence];
  const sides: Side[] = [ch.a, ch.b];
  const changeData: Change = pots.toJSON();
  const sens: SensitivityResult = sensitivity("okad-tillganglighet-2022", "regions");
  const potDates: PotDates[] = sens.pots;
  const movers: Mover[] = potDates[0]?.movers ?? [];
  console.log(parts, sides.map((x) => x.key), changeData.paradoxes, movers.map((m) => m.spread), sens.open, sensitivity().toText());

  // what can be shown of an agreement, and what it needs
  const sh: ShownResult = shownOf("komiljard-2019", { outcomes: {}, assume: "population:regions:2023-11-01" });
  const shownAlloc: Allocation = sh.allocation;
  const missing: Missing[] = sh.open;
  const inputs: MeasureInput[] = sh.measures;
  const pc: PerCapita | null = sh.perCapita;
  const cov: Coverage = sh.coverage;
  console.log(shownAlloc.total, missing.map((m) => [m.supply.type, m.hint.msg]), inputs.map((m) => m.fields), pc?.key, cov, formatKr("1000", true));

  // validation: findings, never thrown
  const found: Findings = validate([file, JSON.stringify(file)]);
  const findings: Finding[] = found.toJSON();
  const tally: string = found.tally();
  const everything: Finding[] = validateCatalog().toJSON();
  const codes: string[] = findings.concat(everything).map((f) => `${f.code} ${f.severity} ${f.loc.join(".")} ${f.msg}`);

  // errors: a VardavtalError with the finding shape
  try {
    split("ca 11 miljarder", "population:regions:2021-11-01");
  } catch (e) {
    if (e instanceof VardavtalError) {
      const loc: (string | number)[] = e.loc;
      const ctx: Record<string, string> = e.ctx;
      const every: Finding[] = e.errors;
      console.log(e.code, e.severity, e.msg, loc, ctx, every.length);
    }
  }
  console.log(v, b, c, total, quota, why, json, text, csv, html, cols, cells, back, lines, mine, all, why2);
  console.log(pivotData, diff, one?.title, src?.id, dates, resolved, n, rep.toText(), shown, tally, codes);
  console.log(plainRec.summary.headline, reportText, verdicts, expected, readings, best?.rounding, exactKey, checks, populations, recFindings);
}
