// Type-checked by `tsc -p wasm/tsconfig.json` against the generated pkg-web/vardavtal_wasm.d.ts
// (never run): every export is used the way README-wasm.md shows, so the declarations
// cannot drift from the documented usage unnoticed.
import init, {
  VardavtalError, allocate, allocationCsv, agreement, catalog, compare, explain, explainRow, formatKr,
  parseAmount, pivot, reconcile, reference, resolveKey, source, sources, split, validate, validateCatalog,
  version,
  type Allocation, type AgreementFile, type Catalog, type Comparison, type Finding, type ImpliedKey,
  type KeyFit, type Pivot, type ReconcileOptions, type ReconcileResult, type Reference, type ResolvedKey,
  type Row, type RowVerdict, type Source, type TotalCheck, type Verdict,
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

  // allocate / explain / pivot / compare on an agreement (text or object).
  const file: AgreementFile = {
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
  const table: Pivot = pivot(base);
  const cmp: Comparison = compare(base, other);
  const diff: string | undefined = cmp.rows[0]?.diff;
  const csv: string = allocationCsv(base); // the core's CSV: code,name,amount,…

  // reconcile(tableText, {pot?, rule?}): check a published per-region table.
  const stated: ReconcileOptions = { pot: "1 382 miljoner kronor", rule: "fixed-plus-population:100 miljoner kronor" };
  const rec: ReconcileResult = reconcile("Region Stockholm 319 176 216 kr\nRegion Uppsala 521 60 836 kr\n", stated);
  const plainRec: ReconcileResult = reconcile("Region;Belopp\nRegion Stockholm;319176216\n");
  const report: string = rec.report;
  const verdicts: Verdict[] = rec.rows.map((r: RowVerdict) => r.verdict);
  const expected: (string | null)[] = rec.rows.map((r) => r.expected);
  const readings: string[] = rec.rows.flatMap((r) => (r.readings ?? []).filter((x) => x.adds_up).map((x) => x.amount));
  const best: KeyFit | null = rec.summary.best;
  const exactKey: string | undefined = rec.fits.find((f) => f.exact)?.key;
  const checks: boolean[] = rec.totals.map((t: TotalCheck) => t.adds_up);
  const implied: ImpliedKey | null = rec.implied;
  const populations: number[] = implied ? implied.populations.map((p) => p.population) : [];
  const each: string | undefined = rec.statement.rule?.type === "fixed_plus_population" ? rec.statement.rule.each : undefined;
  const recFindings: Finding[] = rec.findings.filter((f) => f.code === "irregular_grouping");

  // data
  const cat: Catalog = catalog();
  const firstId: string | undefined = cat.agreements[0]?.id;
  const one = firstId ? agreement(firstId) : undefined;
  const srcs: Source[] = sources();
  const src: Source | undefined = srcs[0] ? source(srcs[0].id) : undefined;
  const ref: Reference = reference();
  const dates: string[] = ref.population_dates.regions;
  const key: ResolvedKey = resolveKey("needs:regions:2024");
  const plain: string = parseAmount("1,6 miljarder");
  const shown: string = formatKr(plain);

  // validation: findings, never thrown
  const findings: Finding[] = validate([file, JSON.stringify(file)]);
  const all: Finding[] = validateCatalog();
  const codes: string[] = findings.concat(all).map((f) => `${f.code} ${f.severity} ${f.loc.join(".")} ${f.msg}`);

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
  console.log(v, b, c, total, quota, why, lines, table, diff, one?.title, src?.text, dates, key, shown, codes);
  console.log(csv, plainRec.summary.headline, report, verdicts, expected, readings, best?.rounding, exactKey, checks, populations, each, recFindings);
}
