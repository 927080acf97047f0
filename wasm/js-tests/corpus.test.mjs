// The bad-input corpus (tests/corpus/manifest.json) through the wasm package (pkg-nodejs):
// every input gets the error the manifest expects (code and location) from the function a
// JavaScript user would call, or the expected correct result. Run with
// `node --test wasm/js-tests/`.
//
// Locations: the manifest gives them relative to the input, as the core reports them for a
// file with the file name removed. The package locates an argument's errors under the
// argument's name (`["amount"]`, `["key", 2, "weight"]`, `["outcomes", …]`), so that prefix
// is removed before comparing. Agreements are passed as text and have no prefix.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { existsSync, readFileSync } from "node:fs";

const require = createRequire(import.meta.url);
const v = require("../pkg-nodejs/vardavtal_wasm.js");
const corpus = new URL("../../tests/corpus/", import.meta.url);
const manifest = JSON.parse(readFileSync(new URL("manifest.json", corpus), "utf8"));
const demo = readFileSync(new URL("../../examples/demo-agreement.json", import.meta.url), "utf8");
const KEY = "population:regions:2021-11-01";

// Entries the package cannot yet answer as the manifest expects would be listed here and run
// as `todo`; there are none.
const TODO = {}; // every entry now passes: core answers each as the manifest expects

const files = (e) => e.files ?? [e.file];
const read = (f) => readFileSync(new URL(f, corpus), "utf8");
/** What an expectation asks for: null for success, else {code, loc, prefix}. */
const want = (x) => (x && x.code !== null ? { code: x.code, loc: x.loc, prefix: x.loc_prefix === true } : null);

/** The loc of a finding with the argument prefix `arg` removed. */
function strip(loc, arg) {
  return arg !== undefined && loc.length > 0 && loc[0] === arg ? loc.slice(1) : loc;
}

/** A finding's code and loc as `expected` sees them (only its first locs when it is a prefix). */
function seen(code, loc, expected) {
  return { code, loc: expected?.prefix ? loc.slice(0, expected.loc.length) : loc };
}
const shown = (x) => x && { code: x.code, loc: x.loc };

/** `f()` gives what `expected` says: success (null) or a VardavtalError with that code and loc. */
function answers(what, f, expected, arg) {
  let result;
  try {
    result = f();
  } catch (e) {
    assert.ok(e instanceof v.VardavtalError, `${what}: not a VardavtalError: ${e}`);
    assert.equal(e.severity, "error", what);
    assert.ok(e.msg && e.errors.length > 0, what);
    assert.ok(expected, `${what}: expected success, got ${e.code} at ${JSON.stringify(e.loc)}: ${e.msg}`);
    assert.deepEqual(seen(e.code, strip(e.loc, arg), expected), shown(expected), `${what}: ${e.msg}`);
    return null;
  }
  assert.equal(expected, null, `${what}: expected ${JSON.stringify(shown(expected))}, got success`);
  return result;
}

/** The first error finding of `findings` is `expected` (or there is none when null). */
function firstError(what, findings, expected) {
  const f = findings.find((x) => x.severity === "error");
  if (!expected) {
    assert.equal(f, undefined, `${what}: expected no error finding, got ${f && `${f.code} at ${JSON.stringify(f.loc)}: ${f.msg}`}`);
    return;
  }
  assert.ok(f, `${what}: expected ${JSON.stringify(shown(expected))}, got no error finding`);
  assert.deepEqual(seen(f.code, f.loc, expected), shown(expected), `${what}: ${f.msg}`);
}

/** Decimal strings as BigInts of a common scale. */
function scaled(amounts) {
  const scale = Math.max(0, ...amounts.map((a) => (a.split(".")[1] ?? "").length));
  return amounts.map((a) => {
    const [int, frac = ""] = a.split(".");
    return BigInt(int + frac.padEnd(scale, "0"));
  });
}

/** An allocation that succeeded: the rows of every pot sum to it exactly. */
function exact(a) {
  for (const p of a.pots) {
    const rows = a.rows.filter((r) => r.agreement === p.agreement && r.component === p.component && (r.tranche ?? null) === (p.tranche ?? null));
    const [pot, ...parts] = scaled([p.amount, ...rows.map((r) => r.amount)]);
    assert.equal(parts.reduce((s, x) => s + x, 0n), pot, `${p.component}/${p.tranche}`);
  }
}

const RUN = {
  agreement(e) {
    const text = read(e.file);
    const expected = want(e.expect);
    if (e.stage === "parse") {
      assert.ok(expected, "a parse entry expects an error");
      answers("allocate", () => v.allocate(text), expected);
      answers("validate", () => v.validate(text), expected);
      return;
    }
    const findings = v.validate(text).toJSON(); // it parses: validate returns findings
    if (e.stage === "validate") {
      firstError("validate", findings, expected);
      if (e.allocate) {
        const a = answers("allocate", () => v.allocate(text), want(e.allocate));
        if (a) exact(a);
      }
      return;
    }
    firstError("validate", findings, null);
    const a = answers("allocate", () => v.allocate(text, e.strict ? { strict: true } : undefined), expected);
    if (a) exact(a);
  },
  agreement_set(e) {
    firstError("validate", v.validate(files(e).map(read)).toJSON(), want(e.expect));
  },
  key_csv(e) {
    const text = read(e.file);
    const expected = want(e.expect);
    if (e.stage !== "split") {
      assert.ok(expected, "a key entry expects an error");
      answers("resolveKey", () => v.resolveKey(text), expected, "key");
      answers("split", () => v.split("1000", text), expected, "key");
      return;
    }
    const pot = e.pot ?? "1000";
    const a = answers("split", () => v.split(pot, text), expected, "key");
    if (a) exact(a);
  },
  amount(e) {
    const text = read(e.file);
    const expected = want(e.expect);
    if (e.stage === "parse") {
      assert.ok(expected, "an amount parse entry expects an error");
      answers("parseAmount", () => v.parseAmount(text), expected, "amount");
      answers("split", () => v.split(text, KEY), expected, "amount");
      return;
    }
    const plain = answers("parseAmount", () => v.parseAmount(text), null);
    const a = answers("split", () => v.split(text, KEY, undefined, e.unit ?? "krona"), expected, "amount");
    if (a) {
      assert.equal(a.total, plain);
      exact(a);
    }
  },
  outcomes(e) {
    const text = read(e.file);
    answers("allocate with outcomes", () => v.allocate(demo, { outcomes: text }), want(e.expect), "outcomes");
  },
};

test("the manifest has entries of every kind this runner knows", () => {
  assert.ok(manifest.length >= 100, `${manifest.length} entries`);
  for (const e of manifest) assert.ok(RUN[e.kind], `unknown kind ${e.kind}`);
});

for (const e of manifest) {
  const name = `${files(e).join(" + ")} (${e.kind}, ${e.stage}): ${e.about}`;
  // Bytes that are not UTF-8 cannot reach the package: a JavaScript string is always
  // Unicode text (the core's file reader answers io for them; the CLI and Python test that).
  if (e.bytes) {
    test(name, { skip: "not UTF-8: a JS string cannot hold these bytes" }, () => {});
    continue;
  }
  // Inputs generated at test time (the 100 MB files of core/tests/corpus.rs) are not in
  // the corpus directory; skip any entry whose file is missing.
  const missing = files(e).filter((f) => !existsSync(new URL(f, corpus)));
  if (missing.length) {
    test(name, { skip: `generated at test time: ${missing.join(", ")}` }, () => {});
    continue;
  }
  test(name, TODO[files(e)[0]] ? { todo: TODO[files(e)[0]] } : {}, () => RUN[e.kind](e));
}
