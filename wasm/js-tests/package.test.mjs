// The package under node (pkg-nodejs, CommonJS): run with `node --test wasm/js-tests/`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

const require = createRequire(import.meta.url);
const v = require("../pkg-nodejs/vardavtal_wasm.js");
const root = new URL("../../", import.meta.url);
const demo = readFileSync(new URL("examples/demo-agreement.json", root), "utf8");
const demoOutcomes = readFileSync(new URL("examples/demo-outcomes.json", root), "utf8");
const KEY = "population:regions:2021-11-01";

const sum = (amounts) => amounts.reduce((s, a) => s + BigInt(a), 0n);

/** Calls `f`, expects a VardavtalError, returns it. */
function thrown(f) {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof v.VardavtalError, `not a VardavtalError: ${e}`);
    assert.ok(e instanceof Error);
    assert.equal(e.name, "VardavtalError");
    return e;
  }
  assert.fail("expected an error");
}

test("split hands out the whole pot, in the core's shape, amounts as strings", () => {
  const a = v.split("443 miljoner kronor", KEY);
  assert.equal(a.total, "443000000");
  assert.equal(a.rows.length, 21);
  assert.equal(sum(a.rows.map((r) => r.amount)), 443000000n);
  assert.deepEqual(Object.keys(a.toJSON()), ["unit", "method", "total", "pots", "rows", "totals", "notes"]);
  const r = a.rows[0];
  assert.equal(r.name, "Region Stockholm");
  assert.equal(typeof r.amount, "string");
  assert.equal(typeof r.basis.quota, "string");
  assert.match(v.explainRow(r), /Region Stockholm \(01\) gets .*\(population:regions:2021-11-01\)/);
});

test("split: each, unit, CSV and object keys", () => {
  const a = v.split("2100000000", KEY, "50000000");
  assert.equal(sum(a.rows.map((r) => r.amount)), 2100000000n);
  assert.ok(a.rows.some((r) => r.part === "each"));
  assert.deepEqual(v.split("1000", { "01": "1", "03": "2" }).rows.map((r) => r.amount), ["333", "667"]);
  assert.deepEqual(v.split("1000", "code,weight\n01,1\n03,2\n").rows.map((r) => r.amount), ["333", "667"]);
  assert.deepEqual(v.split("10.01", { "01": "1", "03": "1" }, undefined, "ore").rows.map((r) => r.amount), ["5.01", "5"]);
});

test("errors are VardavtalError with code, severity, loc, msg, ctx and errors", () => {
  let e = thrown(() => v.split(443000000, KEY));
  assert.equal(e.code, "invalid_amount");
  assert.deepEqual(e.loc, ["amount"]);
  e = thrown(() => v.split("ca 11 miljarder", KEY));
  assert.equal(e.code, "invalid_amount");
  assert.equal(e.severity, "error");
  assert.equal(e.ctx.input, "ca 11 miljarder");
  assert.equal(e.errors.length, 1);
  assert.deepEqual(Object.keys(e.errors[0]), ["code", "severity", "loc", "msg", "ctx"]);
  e = thrown(() => v.split("1000", "population:regions:1999-01-01"));
  assert.equal(e.code, "no_population_data");
  assert.equal(e.loc[0], "key");
  // a whole number is a weight, exactly, as in Python (issue 18); a boolean is not, with
  // Python's code and location
  assert.deepEqual(v.split("1000", { "01": 1 }).rows.map((r) => r.amount), ["1000"]);
  e = thrown(() => v.split("1000", { "01": true }));
  assert.equal(e.code, "invalid_value");
  assert.deepEqual(e.loc, ["key", "01"]);
  e = thrown(() => v.split("1000", { "99": "1", "98": "1" }));
  assert.equal(e.code, "unknown_recipient");
  assert.equal(e.errors.length, 2);
  e = thrown(() => v.split("10.5", KEY));
  assert.equal(e.code, "amount_finer_than_unit");
  e = thrown(() => v.split("1000", KEY, undefined, "cent"));
  assert.equal(e.code, "invalid_value");
  e = thrown(() => v.allocate("{"));
  assert.equal(e.code, "syntax");
  e = thrown(() => v.allocate(demo, { outcome: {} }));
  assert.equal(e.code, "unknown_field");
});

test("allocate the demo agreement: every pot exact, performance with a bonus pot", () => {
  const a = v.allocate(demo, { outcomes: demoOutcomes });
  assert.equal(a.total, "3400000000");
  for (const p of a.pots) {
    const rows = a.rows.filter((r) => r.component === p.component && (r.tranche ?? null) === (p.tranche ?? null));
    assert.equal(sum(rows.map((r) => r.amount)), BigInt(p.amount), `${p.component}/${p.tranche}`);
  }
  assert.ok(a.rows.some((r) => r.part === "bonus"));
  // the same from an object, and the outcomes as an object
  const b = v.allocate(JSON.parse(demo), { outcomes: JSON.parse(demoOutcomes) });
  assert.deepEqual(b.toJSON(), a.toJSON());
  const e = thrown(() => v.allocate(demo));
  assert.equal(e.code, "missing_outcomes");
  assert.deepEqual(e.loc.slice(0, 3), ["components", 0, "rule"]);
});

test("pivot, explain, compare", () => {
  const a = v.allocate(demo, { outcomes: demoOutcomes });
  const p = a.pivot();
  assert.equal(p.total, "3400000000");
  assert.equal(p.toJSON().columns.length, a.pots.length);
  assert.equal(sum(p.toJSON().rows.map((r) => r.total)), 3400000000n);
  const lines = v.explain(demo, { outcomes: demoOutcomes });
  assert.equal(lines.length, a.rows.length);
  assert.equal(lines[5], v.explainRow(a.rows[5]));
  assert.ok(v.explain(demo, { outcomes: demoOutcomes }, "03").every((l) => l.includes("(03)")));
  const b = v.allocate(demo, { outcomes: demoOutcomes, key: "population:regions:2023-11-01" });
  const c = v.compare(a, b).toJSON();
  assert.equal(sum(c.rows.map((r) => r.diff)), 0n);
  assert.ok(c.rows.some((r) => r.diff !== "0"));
});

test("validate returns findings; catalog, sources and reference data", () => {
  assert.ok(Array.isArray(v.validate(demo).toJSON()));
  assert.ok(Array.isArray(v.validate([demo, JSON.parse(demo)]).toJSON()));
  assert.ok(Array.isArray(v.validateCatalog().toJSON()));
  const e = thrown(() => v.validate([demo, "{}"]));
  assert.equal(e.loc[0], 1);
  const cat = v.catalog();
  assert.ok(cat.agreements.length > 0);
  const id = cat.agreements[0].id;
  assert.equal(v.agreement(id).id, id);
  // unknown_agreement (was unknown_component): core's catalog look-up, with did-you-mean
  assert.equal(thrown(() => v.agreement("no-such-agreement")).code, "unknown_agreement");
  const s = v.sources();
  assert.ok(s.length > 0 && s.every((x) => typeof x.text === "string"));
  assert.equal(v.source(s[0].id).id, s[0].id);
  const ref = v.reference();
  assert.equal(ref.regions.length, 21);
  assert.equal(ref.municipalities.length, 290);
  assert.ok(ref.population_dates.regions.includes("2021-11-01"));
  const k = v.resolveKey("needs:regions:2024");
  assert.equal(k.toJSON().recipients.length, 21);
  assert.equal(v.parseAmount("1,6 miljarder"), "1600000000");
  assert.equal(v.formatKr("1382000000"), "1 382 000 000 kr");
  assert.equal(typeof v.version(), "string");
});
