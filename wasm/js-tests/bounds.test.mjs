// Issue 18 in JavaScript: the same code and loc as the CLI and Python for the cases the
// skins answered differently (the Python twin is py/tests/test_bounds.py), bounded values
// and escaped output.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const v = require("../pkg-nodejs/vardavtal_wasm.js");
const KEY = "population:regions:2021-11-01";

/** The code and loc of the error `f` throws, a VardavtalError. */
function raised(f) {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof v.VardavtalError, `not a VardavtalError: ${e}`);
    return { code: e.code, loc: e.loc, msg: e.msg, ctx: e.errors[0].ctx };
  }
  assert.fail("expected an error");
}

test("integer weights are exact, as in Python", () => {
  const a = v.split("100", { "01": 1, "03": 3 });
  assert.deepEqual(a.rows.map((r) => r.amount), ["25", "75"]);
});

test("boolean, fractional and unsafe weights are invalid_value at the code, as in Python", () => {
  for (const w of [true, false, 0.5, 2 ** 53]) {
    const e = raised(() => v.split("100", { "01": w, "03": 1 }));
    assert.deepEqual([e.code, e.loc], ["invalid_value", ["key", "01"]], `${w}: ${e.msg}`);
  }
});

test("a key text of only a byte-order mark is syntax at line 1, as from a file", () => {
  for (const text of ["\ufeff", "\ufeff\n"]) {
    const e = raised(() => v.split("100", text));
    assert.deepEqual([e.code, e.loc], ["syntax", ["key", 1]]);
  }
});

test("two code columns are an error naming both", () => {
  const e = raised(() => v.split("100", "region_code,code,weight\n01,03,1\n"));
  assert.deepEqual([e.code, e.loc], ["syntax", ["key", 1]]);
  assert.ok(e.msg.includes("region_code, code"), e.msg);
});

test("the pot's own errors are located at amount", () => {
  assert.deepEqual(Object.values(raised(() => v.split("-5", KEY))).slice(0, 2), ["negative_amount", ["amount"]]);
  assert.deepEqual(Object.values(raised(() => v.split("1.5", KEY))).slice(0, 2), ["amount_finer_than_unit", ["amount"]]);
});

test("a cyclic or very deep object is a clear error, not 'not a object'", () => {
  const looped = { unit: "krona" };
  looped.self = looped;
  let e = raised(() => v.split("100", KEY, undefined, looped));
  assert.equal(e.code, "invalid_value");
  assert.ok(e.msg.includes("cannot be written as JSON") && !e.msg.includes("not a object"), e.msg);
  let deep = {};
  for (let i = 0; i < 300; i++) deep = { k: deep };
  e = raised(() => v.allocate("okad-tillganglighet-2022", { key: deep }));
  assert.equal(e.code, "invalid_value");
  assert.ok(e.msg.includes("nests more than 128 levels deep"), e.msg);
  const cyclicKey = {};
  cyclicKey.x = cyclicKey;
  e = raised(() => v.split("100", cyclicKey));
  assert.deepEqual([e.code, e.loc], ["invalid_value", ["key"]]);
});

test("an id longer than its limit is refused at its place; a long code makes a short error", () => {
  const a = { id: "a".repeat(257), title: "T", kind: { type: "base" }, years: [2022], components: [] };
  const e = raised(() => v.allocate(a));
  assert.deepEqual([e.code, e.loc, e.ctx.length, e.ctx.limit], ["invalid_value", ["id"], "257", "256"]);
  const long = raised(() => v.split("100", `code,weight\n${"9".repeat(1_000_000)},1\n`));
  assert.equal(long.code, "invalid_value");
  assert.ok(long.msg.length < 400, `${long.msg.length}`);
});

test("escapes in ids are escaped in text; formulas neutralised in the Swedish CSV", () => {
  const a = v.allocate({
    id: "x\u001b]8;;http://e.com\u0007y\u001b[2J", title: "T", kind: { type: "base" }, years: [2022],
    components: [{ id: '=HYPERLINK("http://e.com")', name: "C", amount: "100",
      recipients: { list: ["01", "03"] }, rule: { type: "equal" } }],
  });
  const text = a.toText();
  assert.ok(!text.includes("\u001b") && !text.includes("\u0007") && text.includes("\\u{1b}"), text);
  assert.ok(a.toCsv(true).includes("'=HYPERLINK"), a.toCsv(true));
  assert.ok(a.toCsv().includes('"=HYPERLINK(""http://e.com"")"'), a.toCsv());
});
