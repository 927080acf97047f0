// The result classes under node (pkg-nodejs): toJSON (the core's serde form), toText,
// toCsv and toHtml (what the core renders), table() and the follow-up calls on the object.
// With VARDAVTAL_CLI set to the CLI binary (wasm/ci.sh sets it), toText and toCsv are
// compared byte for byte with the CLI's `--format table` and `--format csv`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const v = require("../pkg-nodejs/vardavtal_wasm.js");
const root = new URL("../../", import.meta.url);
const demoPath = fileURLToPath(new URL("examples/demo-agreement.json", root));
const outcomesPath = fileURLToPath(new URL("examples/demo-outcomes.json", root));
const publishedPath = fileURLToPath(new URL("examples/published-table.txt", root));
const demo = readFileSync(demoPath, "utf8");
const demoOutcomes = readFileSync(outcomesPath, "utf8");
const KEY = "population:regions:2021-11-01";
const CLI = process.env.VARDAVTAL_CLI;
const cli = (...args) => execFileSync(CLI, args, { encoding: "utf8" });

test("results are objects: toJSON is the core's serde form, JSON.stringify works", () => {
  const a = v.split("443000000", KEY);
  assert.ok(a instanceof v.Allocation);
  const j = a.toJSON();
  assert.equal(j.total, "443000000");
  assert.equal(JSON.stringify(a), JSON.stringify(j));
  assert.deepEqual(JSON.parse(JSON.stringify(a)), j);
  assert.equal(a.total, j.total);
  assert.deepEqual(a.rows, j.rows);
  assert.deepEqual(a.pots, j.pots);
  assert.deepEqual(v.Allocation.fromJSON(JSON.stringify(a)).toJSON(), j);
});

test("toText, toCsv, toHtml and table() are the core's renderings", () => {
  const a = v.split("443000000", KEY);
  const text = a.toText();
  assert.ok(text.includes("| 03   | Region Uppsala") && text.includes("16 720 152 kr"), text);
  assert.ok(a.toCsv().startsWith("code,name,amount,"));
  assert.ok(a.toHtml().includes("<table"));
  const t = a.table();
  assert.ok(t.title.length > 0);
  assert.ok(t.columns.every((c) => typeof c.id === "string" && typeof c.header === "string" && typeof c.kind === "string"));
  assert.equal(a.rowsTable().rows.length, 21);
  const f = v.validate(demo);
  assert.ok(f instanceof v.Findings);
  assert.equal(f.length, f.toJSON().length);
  assert.equal(typeof f.tally(), "string");
  assert.equal(typeof f.toText(), "string");
  const k = v.resolveKey(KEY);
  assert.equal(k.length, 21);
  assert.ok(k.toCsv().split("\n").length > 21);
  const r = v.report();
  assert.ok(r.toText().length > 0 && Array.isArray(r.table().rows));
});

test("follow-up calls on the object: pivot, explain, compare", () => {
  const a = v.allocate(demo, { outcomes: demoOutcomes });
  const p = a.pivot();
  assert.ok(p instanceof v.PivotResult);
  assert.equal(p.total, a.total);
  const lines = a.explain();
  assert.equal(lines.length, a.rows.length);
  assert.deepEqual(a.explain("03"), v.explain(demo, { outcomes: demoOutcomes }, "03"));
  assert.ok(a.explainText("03").startsWith(a.explain("03")[0]));
  const b = v.allocate(demo, { outcomes: demoOutcomes, key: "population:regions:2023-11-01" });
  const c = v.compare(a, b);
  assert.ok(c instanceof v.ComparisonResult);
  assert.ok(c.toText().length > 0 && c.toCsv().includes("\n"));
  assert.throws(() => v.compare(a.toJSON(), b));
  // a catalog id is an agreement too (core's input::agreement)
  const id = v.catalog().agreements[0].id;
  assert.equal(v.allocate(id).toJSON().rows[0].agreement, id);
});

test("toText and toCsv are byte-identical to the CLI", { skip: !CLI && "VARDAVTAL_CLI not set" }, () => {
  const a = v.split("443 miljoner kronor", KEY);
  assert.equal(a.toText(), cli("split", "443 miljoner kronor", "--key", KEY, "--format", "table"));
  assert.equal(a.toCsv(), cli("split", "443 miljoner kronor", "--key", KEY, "--format", "csv"));
  const d = v.allocate(demo, { outcomes: demoOutcomes });
  assert.equal(d.toText(), cli("allocate", demoPath, "--outcomes", outcomesPath, "--format", "table"));
  assert.equal(d.toCsv(), cli("allocate", demoPath, "--outcomes", outcomesPath, "--format", "csv"));
  const rec = v.reconcile(readFileSync(publishedPath, "utf8"));
  assert.equal(rec.toText(), cli("reconcile", publishedPath, "--format", "table").replaceAll(publishedPath, "table"));
  assert.equal(v.report().toText(), cli("report"));
});

test("what an allocation does not cover is in its notes; strict mode throws", () => {
  const a = v.allocate("okad-tillganglighet-2022");
  assert.deepEqual(a.notes.map((n) => n.code), ["not_allocated", "not_allocated", "default_key"]);
  assert.equal(a.notes[0].ctx.amount, "2967000000");
  let err;
  try { v.allocate("okad-tillganglighet-2022", { strict: true }); } catch (e) { err = e; }
  assert.ok(err instanceof v.VardavtalError);
  assert.deepEqual(err.errors.map((f) => f.code).sort(), ["default_key", "not_allocated", "not_allocated"]);
  try { v.allocate("okad-tillganglighet-2022", { strict: "yes" }); } catch (e) { err = e; }
  assert.equal(err.code, "invalid_value");
  assert.deepEqual(err.loc, ["strict"]);
});

test("a split's amounts in bulk: strings and units agree with the rows", () => {
  const a = v.split("443000000", "population:municipalities:2024-12-31");
  assert.equal(a.unit, "krona");
  assert.deepEqual(a.amounts, a.rows.map((r) => r.amount));
  assert.ok(a.units instanceof BigInt64Array);
  assert.equal(a.units.reduce((s, x) => s + x, 0n), 443000000n);
  assert.deepEqual(Array.from(a.units, String), a.amounts);
  const ore = v.split("100.01", { "01": "1", "03": "2" }, undefined, "ore");
  assert.deepEqual(ore.amounts, ["33.34", "66.67"]);
  assert.deepEqual(Array.from(ore.units), [3334n, 6667n]);
  a.free();
  ore.free();
});
