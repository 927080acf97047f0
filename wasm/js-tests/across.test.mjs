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
    assert.equal(okad.allocated, "454000000"); // block 2 and SKR's fixed 11 000 000 kr
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

// ---------------------------------------------------------------- change and sensitivity
test("change: Skåne's block 2 from the 2021 key to the 2023 key, decomposed exactly", () => {
  const c = v.change("12", { agreement: "okad-tillganglighet-2022", component: "block-2", keyB: "population:regions:2023-11-01" });
  assert.ok(c instanceof v.ChangeResult);
  const j = c.toJSON();
  assert.equal(j.name, "Region Skåne");
  assert.equal(c.a.amount, "59429771"); // its line in the recipient view of 2022
  assert.equal(c.b.amount, "59679159");
  assert.equal(c.difference, "249388");
  assert.equal(c.potEffect, "0", "the same pot");
  assert.equal(micro(c.potEffect) + micro(c.shareEffect) + micro(c.rounding), micro(c.difference), "the parts sum to the difference");
  assert.equal(micro(c.b.amount) - micro(c.a.amount), micro(c.difference));
  assert.equal(c.a.key, KEY);
  assert.equal(c.b.key, "population:regions:2023-11-01");
  assert.match(c.sentence, /Region Skåne \(12\) gets 59 679 159 kr instead of 59 429 771 kr/);
  assert.match(inLang("sv", () => c.sentence), /Region Skåne \(12\) får /, "the sentence in Swedish");
  assert.deepEqual(c.paradoxes, j.paradoxes);
  assert.equal(JSON.stringify(c), JSON.stringify(j));
});

test("change: two pots by one key — only the pot effect", () => {
  const c = v.change("12", { potA: "443 miljoner kronor", potB: "500 miljoner kronor", keyA: KEY });
  assert.equal(c.a.pot, "443000000");
  assert.equal(c.b.pot, "500000000");
  assert.equal(c.difference, "7646720");
  assert.equal(c.potEffect, "7646720");
  assert.equal(c.shareEffect, "0");
  assert.equal(c.rounding, "0");
});

test("change: errors carry the core's codes and locations", () => {
  let e = thrown(() => v.change("12", {}));
  assert.equal(e.code, "invalid_value");
  assert.match(e.msg, /agreement|pot/);
  e = thrown(() => v.change("12", { potA: "100" }));
  assert.equal(e.code, "invalid_value", "a pot without its key: nothing to compare");
  e = thrown(() => v.change("12", { agreement: "okad-tillganglighet-2022", potA: "100", keyA: KEY }));
  assert.deepEqual(e.loc, ["pot_a"], "an agreement and a pot conflict");
  e = thrown(() => v.change("12", { agreement: "okad-tillganglighet-2022", kye: 1 }));
  assert.equal(e.code, "unknown_field");
  e = thrown(() => v.change("12", { potA: 100, keyA: KEY }));
  assert.equal(e.code, "invalid_amount");
  assert.deepEqual(e.loc, ["potA"]);
  e = thrown(() => v.change("99", { potA: "100", keyA: KEY }));
  assert.equal(e.code, "unknown_recipient");
  e = thrown(() => v.change("12", { agreement: "no-such-agreement" }));
  assert.equal(e.code, "unknown_agreement");
});

test("sensitivity: block 2 under every bundled date; every column sums to the pot", () => {
  const s = v.sensitivity("okad-tillganglighet-2022");
  assert.ok(s instanceof v.SensitivityResult);
  const [pot] = s.pots;
  assert.equal(pot.component, "block-2");
  assert.equal(pot.pot, "443000000");
  assert.equal(pot.convention, "2021-11-01");
  assert.equal(pot.used, "2021-11-01");
  assert.deepEqual(pot.dates, v.reference().population_dates.regions);
  assert.equal(pot.recipients.length, 21);
  for (let d = 0; d < pot.dates.length; d++) assert.equal(sum(pot.amounts.map((row) => row[d])), micro(pot.pot), `date ${pot.dates[d]}`);
  const top = pot.movers[0];
  assert.equal(top.recipient, "01");
  assert.deepEqual(top.min, ["101035860", "2017-12-31"]);
  assert.deepEqual(top.max, ["103852530", "2025-12-31"]);
  assert.equal(micro(top.spread), micro(top.max[0]) - micro(top.min[0]));
  assert.deepEqual(s.toJSON().pots, s.pots);
  const all = v.sensitivity(undefined, "regions");
  assert.ok(all.pots.length >= 2 && all.pots.every((p) => p.level === "regions"));
  assert.equal(thrown(() => v.sensitivity(undefined, "counties")).code, "invalid_value");
  assert.equal(thrown(() => v.sensitivity("nope")).code, "unknown_agreement");
});

test("change and sensitivity: toText and toCsv byte for byte the CLI's", { skip: !CLI && "VARDAVTAL_CLI not set" }, () => {
  const c = v.change("12", { agreement: "okad-tillganglighet-2022", component: "block-2", keyB: "population:regions:2023-11-01" });
  const args = ["change", "12", "--agreement", "okad-tillganglighet-2022", "--component", "block-2", "--key-b", "population:regions:2023-11-01"];
  assert.equal(c.toText(), cli(...args));
  assert.equal(c.toCsv(), cli(...args, "--format", "csv"));
  assert.equal(inLang("sv", () => c.toText()), cli("--lang", "sv", ...args));
  const s = v.sensitivity("okad-tillganglighet-2022");
  assert.equal(s.toText(), cli("sensitivity", "okad-tillganglighet-2022"));
  assert.equal(s.toCsv(), cli("sensitivity", "okad-tillganglighet-2022", "--format", "csv"));
  assert.equal(inLang("sv", () => s.toText()), cli("--lang", "sv", "sensitivity", "okad-tillganglighet-2022"));
});

// ---------------------------------------------------------------- what can be shown
test("shown: kömiljarden 2019 shows its population part, asks for both measures, completes", () => {
  const s = v.shown("komiljard-2019");
  assert.ok(s instanceof v.ShownResult);
  assert.equal(s.allocation.total, "320000000");
  assert.deepEqual(s.measures.map((m) => [m.measure, m.fields]), [["wait60", ["value"]], ["wait90", ["value", "previous"]]]);
  assert.ok(s.measures.every((m) => m.recipients.length === 21 && m.criteria[0].criterion === "wait90"));
  const prestation = s.open.find((o) => o.component === "prestation");
  assert.deepEqual(prestation.supply.type, "outcomes");
  assert.deepEqual(prestation.supply.measures, ["wait60", "wait90"]);
  assert.equal(prestation.hint.code, "supply");
  assert.match(inLang("sv", () => v.shown("komiljard-2019").open.find((o) => o.component === "prestation").hint.msg), /fyll i utfallen \[wait60, wait90\] för 21 mottagare/);
  assert.equal(s.perCapita.rows.length, 21);
  const uppsala = s.perCapita.rows.find((r) => r.recipient === "03");
  // kr per invånare = its total / its population, to öre
  assert.equal(Math.round((Number(uppsala.total) / uppsala.population) * 100) / 100, Number(uppsala.per_capita));
  // every region's outcomes of both measures: the performance part is allocated too
  const outcomes = { wait60: {}, wait90: {} };
  for (const r of v.reference().regions) {
    outcomes.wait90[r.code] = { value: "0,80", previous: "0,75" };
    outcomes.wait60[r.code] = { value: "0,60" };
  }
  const done = v.shown("komiljard-2019", { outcomes });
  assert.ok(!done.open.some((o) => o.component === "prestation"));
  assert.equal(done.allocation.total, "1600000000");
  assert.equal(sum(done.allocation.amounts), 1_600_000_000_000_000n);
});

test("shown: money whose split is not published, split by a supplied key and marked", () => {
  const plain = v.shown("okad-tillganglighet-2022");
  assert.equal(plain.open.find((o) => o.component === "block-1").supply.type, "key");
  const s = v.shown("okad-tillganglighet-2022", { assume: "population:regions:2023-11-01" });
  // block 2 (443 000 000), SKR's fixed 11 000 000 and block 1 (2 512 600 000) by the supplied key
  assert.equal(s.allocation.total, "2966600000");
  assert.ok(s.allocation.notes.some((n) => n.code === "supplied_key"));
  assert.equal(thrown(() => v.shown("okad-tillganglighet-2022", { assume: 7 })).loc[0], "assume");
});

test("shown: the text and CSV are the CLI's", () => {
  const s = v.shown("komiljard-2019");
  assert.equal(s.toText(), cli("shown", "komiljard-2019"));
  assert.equal(s.toCsv(), cli("shown", "komiljard-2019", "--format", "csv"));
  assert.equal(inLang("sv", () => s.toText()), cli("--lang", "sv", "shown", "komiljard-2019"));
  assert.match(s.toText(), /^komiljard-2019: what can be shown now \(part of it\)/);
});

test("shown: the Swedish CSV, the table, HTML and Excel are the view's, as on every result", () => {
  const s = v.shown("komiljard-2019");
  assert.equal(s.toCsv(true), cli("shown", "komiljard-2019", "--format", "csv-sv"));
  const t = s.table();
  assert.deepEqual(t.columns.map((c) => c.id), ["code", "name", "total", "population", "per_capita"]);
  assert.equal(t.rows.length, 21);
  assert.equal(t.footer.length, 1, "the total");
  const trs = s.toHtml().match(/<tr>/g).length;
  assert.equal(trs, 1 + t.rows.length + t.footer.length, "a header row, one per recipient and the total");
  const book = s.toExcel();
  assert.equal(Buffer.from(book.subarray(0, 4)).toString("latin1"), "PK\u0003\u0004");
});

test("formatKr with noBreak: no-break spaces", () => {
  assert.equal(v.formatKr("1382000000"), "1 382 000 000 kr");
  assert.equal(v.formatKr("1382000000", true), "1\u00a0382\u00a0000\u00a0000\u00a0kr");
});
