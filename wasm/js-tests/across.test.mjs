// The questions across agreements and years (issue 15) under node (pkg-nodejs):
// recipient(code, year?) and year(year, level?) as classes over the core's views. Their
// figures add up exactly (amounts compared as exact decimals, never as floats), their errors
// are VardavtalErrors with the core's codes, and with VARDAVTAL_CLI set to the CLI binary
// (wasm/ci.sh sets it) toText and toCsv are compared byte for byte with
// `vardavtal recipient …` and `vardavtal year …`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";

const require = createRequire(import.meta.url);
const v = require("../pkg-nodejs/vardavtal_wasm.js");
const KEY = "population:regions:2021-11-01";
const CLI = process.env.VARDAVTAL_CLI;
const cli = (...args) => execFileSync(CLI, args, { encoding: "utf8" });

/** A plain decimal string ("-12.5") as an exact BigInt in millionths. */
function micro(s) {
  assert.match(s, /^-?\d+(\.\d{1,6})?$/, `a plain decimal: ${s}`);
  const neg = s.startsWith("-");
  const [int, frac = ""] = (neg ? s.slice(1) : s).split(".");
  const n = BigInt(int) * 1_000_000n + BigInt(frac.padEnd(6, "0"));
  return neg ? -n : n;
}
/** The exact sum of plain decimal strings, in millionths. */
const sum = (amounts) => amounts.reduce((acc, s) => acc + micro(s), 0n);

/** Runs `f` with the package's language set to `lang`, then back to English. */
function inLang(lang, f) {
  v.setLang(lang);
  try {
    return f();
  } finally {
    v.setLang("en");
  }
}

/** The VardavtalError `f` throws. */
function thrown(f) {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof v.VardavtalError, `a VardavtalError: ${e}`);
    return e;
  }
  assert.fail("no error was thrown");
}

test("Skåne 2022: the total is the sum of its lines and its amount in the split of block 2", () => {
  const r = v.recipient("12", 2022);
  assert.ok(r instanceof v.RecipientResult);
  const j = r.toJSON();
  assert.equal(j.recipient, "12");
  assert.equal(j.name, "Region Skåne");
  assert.equal(j.year, 2022);
  assert.equal(r.total, j.total);
  assert.deepEqual(r.lines, j.lines);
  assert.deepEqual(r.open, j.open);
  assert.equal(JSON.stringify(r), JSON.stringify(j));
  assert.ok(r.lines.length > 0);
  assert.equal(sum(r.lines.map((l) => l.amount)), micro(r.total));
  // the only allocatable money of Skåne in 2022 is block 2 of okad-tillganglighet-2022
  const split = v.split("443000000", KEY);
  const skane = split.rows.filter((row) => row.recipient === "12");
  assert.equal(skane.length, 1);
  assert.equal(micro(r.total), micro(skane[0].amount));
  assert.equal(r.total, "59429771");
  const block2 = r.lines.find((l) => l.component === "block-2");
  assert.equal(block2.agreement, "okad-tillganglighet-2022");
  assert.equal(block2.pot, "443000000");
  assert.equal(block2.key, KEY);
  assert.deepEqual([block2.rank, block2.recipients], [3, 21]);
  // block 1 of the same agreement cannot be computed: open, with why
  const open = r.open.find((o) => o.agreement === "okad-tillganglighet-2022" && o.component === "block-1");
  assert.ok(open, JSON.stringify(r.open));
  assert.equal(typeof open.why.code, "string");
  assert.ok(open.why.msg.length > 0);
  // every year: at least 2022's lines
  const all = v.recipient("12");
  assert.equal(all.toJSON().year, undefined);
  assert.ok(micro(all.total) >= micro(r.total));
  assert.equal(sum(all.lines.map((l) => l.amount)), micro(all.total));
});

test("year 2022: every agreement's column sums to its allocated amount", () => {
  for (const level of [undefined, "regions", "municipalities"]) {
    const y = v.year(2022, level);
    assert.ok(y instanceof v.YearResult);
    const j = y.toJSON();
    assert.equal(j.year, 2022);
    assert.equal(j.level, level);
    assert.deepEqual(y.agreements, j.agreements);
    assert.deepEqual(y.recipients, j.recipients);
    assert.deepEqual(y.amounts, j.amounts);
    assert.deepEqual(y.open, j.open);
    assert.equal(JSON.stringify(y), JSON.stringify(j));
    assert.ok(y.agreements.length > 0);
    assert.equal(y.amounts.length, y.recipients.length);
    y.agreements.forEach((a, i) => {
      assert.equal(typeof a.allocated, "string");
      const column = y.amounts.map((row) => {
        assert.equal(row.length, y.agreements.length);
        assert.equal(typeof row[i], "string");
        return row[i];
      });
      assert.equal(sum(column), micro(a.allocated), `${level} ${a.id}`);
      if (a.amount !== undefined) {
        assert.equal(micro(a.allocated) + micro(a.not_allocated), micro(a.amount), a.id);
      }
    });
    assert.equal(sum(y.agreements.map((a) => a.allocated)), micro(y.total));
    const okad = y.agreements.find((a) => a.id === "okad-tillganglighet-2022");
    assert.equal(okad.allocated, "443000000");
  }
  // summed to the regions: no municipality remains, and no money is lost
  const regions = v.year(2022, "regions");
  assert.ok(!regions.recipients.some(([code]) => /^\d{4}$/.test(code)), JSON.stringify(regions.recipients));
  assert.equal(regions.total, v.year(2022).total);
});

test("errors are VardavtalErrors with the core's codes", () => {
  const e = thrown(() => v.recipient("99", 2022));
  assert.equal(e.code, "unknown_recipient");
  assert.deepEqual(e.loc, ["recipient"]);
  assert.equal(e.errors[0].code, "unknown_recipient");
  assert.ok(e.message.includes("99"), e.message);
  const l = thrown(() => v.year(2022, "counties"));
  assert.equal(l.code, "invalid_value");
  assert.deepEqual(l.loc, ["level"]);
});

test("Swedish: the titles, headers and notes of setLang('sv')", () => {
  inLang("sv", () => {
    const y = v.year(2022);
    assert.ok(y.table().title.startsWith("Fördelat 2022"), y.table().title);
    assert.ok(y.toText().startsWith("Fördelat 2022"));
    const r = v.recipient("12", 2022);
    assert.match(r.table().title, /^Region Skåne \(12\) 2022: 59 429 771 kr totalt/);
    // the reasons of the open money, in the getter and in toJSON, are Swedish too
    assert.ok(r.open.some((o) => / fördelas inte/.test(o.why.msg)), JSON.stringify(r.open));
    assert.deepEqual(r.open, r.toJSON().open);
    assert.deepEqual(y.open, y.toJSON().open);
    assert.match(thrown(() => v.recipient("99")).msg, /^okänd mottagarkod/);
  });
  assert.ok(v.recipient("12", 2022).open.some((o) => / are not allocated/.test(o.why.msg)));
  assert.ok(v.year(2022).table().title.startsWith("Allocated in 2022"));
});

test("toText and toCsv are byte-identical to the CLI", { skip: !CLI && "VARDAVTAL_CLI not set" }, () => {
  const r = v.recipient("12", 2022);
  assert.equal(r.toText(), cli("recipient", "12", "--year", "2022"));
  assert.equal(r.toCsv(), cli("recipient", "12", "--year", "2022", "--format", "csv"));
  assert.equal(r.toCsv(true), cli("recipient", "12", "--year", "2022", "--format", "csv-sv"));
  assert.equal(v.recipient("0180").toText(), cli("recipient", "0180"));
  const y = v.year(2022);
  assert.equal(y.toText(), cli("year", "2022"));
  assert.equal(y.toCsv(), cli("year", "2022", "--format", "csv"));
  assert.equal(v.year(2022, "regions").toText(), cli("year", "2022", "--level", "regions"));
  assert.equal(v.year(2024, "municipalities").toText(), cli("year", "2024", "--level", "municipalities"));
  inLang("sv", () => {
    assert.equal(v.year(2022).toText(), cli("--lang", "sv", "year", "2022"));
    assert.equal(v.recipient("12", 2022).toText(), cli("--lang", "sv", "recipient", "12", "--year", "2022"));
  });
});
