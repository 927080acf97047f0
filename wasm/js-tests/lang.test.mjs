// The language of the core's texts (setLang, getLang, the `lang` arguments) and the files
// for Excel (toCsv(true), toExcel()), and the totals getter of an Allocation, under node
// (pkg-nodejs). The package's default stays English; the web page chooses Swedish.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const v = require("../pkg-nodejs/vardavtal_wasm.js");
const root = new URL("../../", import.meta.url);
const demo = readFileSync(fileURLToPath(new URL("examples/demo-agreement.json", root)), "utf8");
const outcomes = JSON.parse(readFileSync(fileURLToPath(new URL("examples/demo-outcomes.json", root)), "utf8"));
const KEY = "population:regions:2021-11-01";

/** Runs `f` with the package's language set to `lang`, then back to English. */
function inLang(lang, f) {
  v.setLang(lang);
  try {
    return f();
  } finally {
    v.setLang("en");
  }
}

test("the package speaks English unless told otherwise", () => {
  assert.equal(v.getLang(), "en");
  const a = v.split("443000000", KEY);
  assert.match(a.explain("03")[0], /^Region Uppsala \(03\) gets /);
  assert.match(a.explain("03", "sv")[0], /^Region Uppsala \(03\) får .*invånare/, "a call's own lang");
  assert.equal(v.getLang(), "en", "a call's lang does not stay");
});

test("setLang('sv'): explanations, notes, findings, errors and headers in Swedish", () => {
  inLang("sv", () => {
    assert.equal(v.getLang(), "sv");
    const a = v.allocate(demo, { outcomes });
    assert.match(a.explain("03").join("\n"), / får .*invånare/);
    assert.match(a.explain("03", "en")[0], / gets /, "lang overrides setLang for one call");
    const notes = a.notes;
    assert.ok(notes.length > 0);
    assert.ok(notes.every((n) => !/ names no key/.test(n.msg)), "notes in Swedish");
    assert.match(notes.find((n) => n.code === "default_key").msg, /fördelningsnyckel/);
    assert.deepEqual(a.toJSON().notes, notes, "toJSON holds the same Swedish notes");
    const findings = v.validate(demo).toJSON();
    assert.ok(findings.some((f) => /fördelningsnyckel/.test(f.msg)), "validation findings in Swedish");
    const report = v.allocate("okad-tillganglighet-2022").notes;
    assert.match(report[0].msg, /fördelar 454 000 000 kr av sina 2 967 000 000 kr/);
    assert.throws(() => v.allocate('{"id": "x"'), (e) => e instanceof v.VardavtalError && e.code === "syntax" && /kan inte läsas som JSON/.test(e.msg));
    assert.equal(a.table().columns[0].header, "kod");
  });
  // codes, locations and context are the same in English
  const en = v.allocate(demo, { outcomes }).notes;
  const sv = inLang("sv", () => v.allocate(demo, { outcomes }).notes);
  assert.deepEqual(en.map(({ code, loc, ctx }) => ({ code, loc, ctx })), sv.map(({ code, loc, ctx }) => ({ code, loc, ctx })));
  assert.notDeepEqual(en.map((n) => n.msg), sv.map((n) => n.msg));
});

test("Allocation.totals is toJSON().totals, without the rows", () => {
  const a = v.allocate(demo, { outcomes });
  assert.deepEqual(a.totals, a.toJSON().totals);
  const sum = (xs) => xs.reduce((s, x) => s + BigInt(x.amount), 0n);
  for (const list of Object.values(a.totals)) assert.equal(sum(list), BigInt(a.total));
  assert.deepEqual(Object.keys(a.totals), ["by_recipient", "by_component", "by_date"]);
});

test("toCsv(true): the CSV for Swedish Excel, in the package's language", () => {
  const a = v.split("443 miljoner kronor", KEY, undefined, "ore");
  const sv = inLang("sv", () => a.toCsv(true));
  assert.equal(sv[0], "\ufeff", "a byte-order mark");
  const lines = sv.slice(1).trim().split(/\r?\n/);
  assert.deepEqual(lines[0].split(";").slice(0, 3), ["kod", "namn", "belopp"]);
  const rows = lines.slice(1).map((l) => l.split(";"));
  assert.equal(rows.length, 21);
  assert.equal(rows[0][0], '"=""01"""', "a code kept as text");
  const ore = (s) => {
    const [kr, frac = ""] = s.split(",");
    return BigInt(kr) * 100n + BigInt((frac + "00").slice(0, 2));
  };
  assert.equal(rows.reduce((s, r) => s + ore(r[2]), 0n), 44300000000n);
  assert.match(a.toCsv(true).split(/\r?\n/)[0], /^\ufeffcode;name;amount/, "English headers in English");
  assert.doesNotMatch(a.toCsv(), /;/, "the plain CSV is unchanged");
});

test("toExcel(): an .xlsx workbook on every result class", () => {
  const a = v.allocate(demo, { outcomes });
  const book = a.toExcel();
  assert.ok(book instanceof Uint8Array);
  assert.equal(Buffer.from(book.subarray(0, 4)).toString("latin1"), "PK\u0003\u0004", "a zip container");
  assert.ok(book.length > 5000);
  for (const r of [a.pivot(), v.validate(demo), v.resolveKey(KEY), v.compare(a, a), v.validateCatalog()]) {
    const bytes = r.toExcel();
    assert.equal(Buffer.from(bytes.subarray(0, 2)).toString("latin1"), "PK", r.constructor.name);
  }
});
