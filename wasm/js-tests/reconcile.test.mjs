// reconcile and an allocation's CSV under node (pkg-nodejs): run with `node --test wasm/js-tests/`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

const require = createRequire(import.meta.url);
const v = require("../pkg-nodejs/vardavtal_wasm.js");
const root = new URL("../../", import.meta.url);
const published = readFileSync(new URL("examples/published-table.txt", root), "utf8");
const demo = readFileSync(new URL("examples/demo-agreement.json", root), "utf8");
const demoOutcomes = readFileSync(new URL("examples/demo-outcomes.json", root), "utf8");
const KEY = "population:regions:2021-11-01";

function thrown(f) {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof v.VardavtalError, `not a VardavtalError: ${e}`);
    return e;
  }
  assert.fail("expected an error");
}

/** The model's own split of `pot`, printed as a publisher would: Swedish CSV. */
function correctTable(pot = "443000000") {
  const a = v.split(pot, KEY);
  return `Region;Belopp (kr)\n${a.rows.map((r) => `${r.name};${r.amount}\n`).join("")}`;
}

/** A reconciliation's JSON form, with `report`, its text for a reader (`toText()`). */
function reconcile(text, options) {
  const r = v.reconcile(text, options);
  return { ...r.toJSON(), report: r.toText() };
}

const withCode = (rec, code) => rec.findings.filter((f) => f.code === code);

test("a correct table: reproduced exactly by the key it was split with", () => {
  const rec = reconcile(correctTable(), { pot: "443 miljoner kronor", rule: "population" });
  assert.deepEqual(Object.keys(rec), ["table", "statement", "unit", "pot", "pot_source", "rows", "totals", "findings", "fits", "implied", "summary", "report"]);
  assert.equal(rec.summary.exact, true);
  assert.equal(rec.summary.adds_up, true);
  assert.equal(rec.summary.best.key, KEY);
  assert.equal(rec.fits[0].rounding, "largest_remainder");
  assert.deepEqual(rec.statement, { pot: "443000000", rule: { type: "population" } });
  assert.equal(rec.pot, "443000000");
  assert.equal(rec.pot_source, "stated");
  assert.equal(rec.table, "table");
  assert.equal(rec.rows.length, 21);
  assert.ok(rec.rows.every((r) => r.verdict === "ok" && r.diff === "0" && typeof r.amount === "string"));
  assert.equal(rec.rows[0].recipient, "01");
  assert.equal(rec.implied, null);
  assert.equal(withCode(rec, "key_reproduces")[0].ctx.key, KEY);
  assert.ok(rec.findings.every((f) => f.severity === "info"));
  assert.match(rec.report, /^Reconciliation of table\n/);
  assert.match(rec.report, /best key: population:regions:2021-11-01 with largest remainder: 21 of 21 region rows match/);
});

test("a mistyped row differs, with the digits swapped named", () => {
  const a = v.split("443000000", KEY);
  const uppsala = a.rows.find((r) => r.recipient === "03").amount;
  const swapped = uppsala.slice(0, 2) + uppsala[3] + uppsala[2] + uppsala.slice(4);
  const rec = reconcile(correctTable().replace(`Region Uppsala;${uppsala}\n`, `Region Uppsala;${swapped}\n`), { pot: "443000000" });
  const row = rec.rows.find((r) => r.recipient === "03");
  assert.equal(row.verdict, "differs");
  assert.equal(row.expected, uppsala);
  assert.equal(BigInt(row.diff), BigInt(swapped) - BigInt(uppsala));
  assert.match(row.note, /two adjacent digits swapped/);
  const [f] = withCode(rec, "row_differs");
  assert.deepEqual(f.loc, ["rows", row.line]);
  assert.equal(withCode(rec, "table_total_mismatch").length, 1);
  assert.equal(rec.summary.differing, 1);
  assert.equal(rec.totals[0].against, "pot");
  assert.equal(rec.totals[0].adds_up, false);
});

test("the published example: Uppsala's irregular grouping, the 2021-11-01 key reproduces it", () => {
  const rec = reconcile(published);
  const [f] = withCode(rec, "irregular_grouping");
  assert.deepEqual(f.loc, ["rows", 4]);
  assert.equal(f.ctx.printed, "521 60 836 kr");
  const row = rec.rows.find((r) => r.line === 4);
  assert.equal(row.name, "Region Uppsala");
  assert.equal(row.verdict, "irregular_grouping");
  assert.equal(row.amount, "52160836");
  assert.deepEqual(row.readings.find((x) => x.adds_up), { amount: "52160836", adds_up: true });
  assert.equal(rec.summary.exact, true);
  assert.equal(rec.fits[0].key, KEY);
  assert.equal(withCode(rec, "key_reproduces")[0].ctx.key, KEY);
  assert.equal(rec.pot_source, "total_line");
  assert.deepEqual(rec.totals.map((t) => [t.against, t.line, t.adds_up]), [["total_line", 24, true]]);
  assert.match(rec.report, /IRREGULAR GROUPING/);
});

test("no bundled key: the implied population key", () => {
  // every population of 2021-11-01 plus 1000: a key no bundled date has
  const k = v.resolveKey(KEY).toJSON();
  const weights = Object.fromEntries(k.recipients.map((c, i) => [c, String(BigInt(k.weights[i]) + 1000n)]));
  const a = v.split("443000000", weights);
  const rec = reconcile(`Region;Belopp\n${a.rows.map((r) => `${r.name};${r.amount}\n`).join("")}`, { pot: "443000000" });
  assert.equal(rec.summary.exact, false);
  assert.ok(rec.implied);
  assert.equal(rec.implied.populations.length, 21);
  assert.equal(typeof rec.implied.total, "number");
  assert.equal(rec.implied.searched.length, 2);
  assert.equal(withCode(rec, "implied_key").length, 1);
});

test("reconcile errors: VardavtalError with code and loc", () => {
  let e = thrown(() => v.reconcile("Fördelning per region\n\nnågot annat\n"));
  assert.equal(e.code, "syntax");
  assert.deepEqual(e.loc, ["table"]);
  e = thrown(() => v.reconcile(42));
  assert.equal(e.code, "invalid_value");
  assert.deepEqual(e.loc, ["table"]);
  e = thrown(() => v.reconcile(published, { pot: 1382000000 }));
  assert.equal(e.code, "invalid_amount");
  assert.deepEqual(e.loc, ["pot"]);
  e = thrown(() => v.reconcile(published, { pot: "ca 1,4 miljarder" }));
  assert.equal(e.code, "invalid_amount");
  assert.deepEqual(e.loc, ["pot"]);
  e = thrown(() => v.reconcile(published, { rule: "by population" }));
  assert.equal(e.code, "invalid_value");
  assert.deepEqual(e.loc, ["rule"]);
  e = thrown(() => v.reconcile(published, { rule: 1 }));
  assert.equal(e.code, "invalid_value");
  assert.deepEqual(e.loc, ["rule"]);
  e = thrown(() => v.reconcile(published, { potten: "1" }));
  assert.equal(e.code, "unknown_field");
  assert.deepEqual(e.loc, ["options", "potten"]);
  e = thrown(() => v.reconcile(published, "population"));
  assert.equal(e.code, "invalid_value");
});

test("the statement: Swedish pot, fixed plus population", () => {
  const rec = reconcile(published, { pot: "1 382 miljoner kronor", rule: "fixed-plus-population:100 miljoner kronor" });
  assert.deepEqual(rec.statement, { pot: "1382000000", rule: { type: "fixed_plus_population", each: "100000000" } });
  assert.equal(rec.summary.exact, false);
  assert.match(rec.report, /rule: 100 000 000 kr per region, the rest by population/);
});

test("toCsv() is the core's CSV of an allocation", () => {
  const a = v.allocate(demo, { outcomes: demoOutcomes });
  const csv = a.toCsv();
  const lines = csv.trim().split("\n");
  assert.equal(lines[0], "code,name,amount,agreement,component,tranche,date,part,criterion,quota,weight,pot");
  assert.equal(lines.length, a.rows.length + 1);
  assert.equal(lines.slice(1).reduce((s, l) => s + BigInt(l.split(",")[2]), 0n), 3400000000n);
  assert.ok(csv.endsWith("\n"));
  assert.equal(v.Allocation.fromJSON(a.toJSON()).toCsv(), csv);
  const e = thrown(() => v.Allocation.fromJSON({ rows: 1 }));
  assert.equal(e.code, "invalid_value");
  assert.deepEqual(e.loc, ["allocation"]);
});

test("keys from text go through Key::from_text: spec and CSV errors located under key", () => {
  assert.deepEqual(v.split("1000", "code,weight\n01,1\n03,2\n").rows.map((r) => r.amount), ["333", "667"]);
  assert.equal(v.split("1000", " population:regions:2021-11-01 ").rows.length, 21);
  let e = thrown(() => v.split("1000", "population:regions:1999-01-01"));
  assert.equal(e.code, "no_population_data");
  assert.equal(e.loc[0], "key");
  e = thrown(() => v.split("1000", "code,weight\n01,x\n"));
  assert.equal(e.code, "invalid_amount");
  assert.deepEqual(e.loc, ["key", 2, "weight"]);
  e = thrown(() => v.split("1000", "befolkning"));
  assert.equal(e.code, "invalid_value");
  assert.deepEqual(e.loc, ["key"]);
});
