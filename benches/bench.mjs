// The JavaScript side of the comparison harness (run by benches/compare.py, not by hand):
//   node benches/bench.mjs INPUTS.json PKG_NODEJS_DIR [--quick]
// prints one JSON object: the timings of the vardavtal wasm package (split) and of
// dinero.js v2 `allocate` (number and bigint calculators) on the harness's inputs, and the
// amounts each gave. Timing as in the Rust binary: a warm-up (0.5 s, 0.2 s with --quick),
// then samples that last at least the target, medians over the samples of (sample time /
// iterations), by the wall clock and by CPU time (process.cpuUsage: the whole node process,
// so V8's helper threads count too).
//
// dinero.js `allocate(d, ratios)` gives each part floor(amount × ratio / Σratios) and then
// hands the units left over one each to the parts with the LARGEST RATIOS (not the largest
// remainders), in descending ratio order (see distribute() in dinero.js); the pot is in
// whole kronor here (scale 0), so a unit is one krona, as in vardavtal's split.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { allocate, dinero, toSnapshot } from "dinero.js";
import { SEK } from "dinero.js/currencies";
import { allocate as allocateBig, dinero as dineroBig, toSnapshot as toSnapshotBig } from "dinero.js/bigint";
import { SEK as SEKBig } from "dinero.js/bigint/currencies";

const [inputsPath, pkgDir] = process.argv.slice(2);
const quick = process.argv.includes("--quick");
const SAMPLES = quick ? 7 : 31;
const TARGET_NS = quick ? 5e6 : 2e7;
const WARMUP_NS = quick ? 2e8 : 5e8;

function timed(f) {
  // Warm up: V8 runs wasm first on its baseline compiler (Liftoff) and JavaScript in the
  // interpreter, and tiers up hot code in the background; time the steady state.
  const until = process.hrtime.bigint() + BigInt(WARMUP_NS);
  while (process.hrtime.bigint() < until) f();
  let iters = 1;
  for (;;) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < iters; i++) f();
    const e = Number(process.hrtime.bigint() - t);
    if (e >= TARGET_NS) break;
    iters = Math.min(Math.max(iters + 1, Math.ceil((iters * TARGET_NS) / Math.max(e, 1))), iters * 10);
  }
  const wall = [];
  const cpu = [];
  for (let s = 0; s < SAMPLES; s++) {
    const c = process.cpuUsage();
    const t = process.hrtime.bigint();
    for (let i = 0; i < iters; i++) f();
    wall.push(Number(process.hrtime.bigint() - t) / iters);
    const d = process.cpuUsage(c);
    cpu.push(((d.user + d.system) * 1e3) / iters);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { median_ns: wall[wall.length >> 1], min_ns: wall[0], max_ns: wall[wall.length - 1],
    cpu_median_ns: cpu[cpu.length >> 1], samples: SAMPLES, iters };
}

const inputs = JSON.parse(readFileSync(inputsPath, "utf8"));
const require = createRequire(import.meta.url);
const wasm = pkgDir ? require(resolve(pkgDir, "vardavtal_wasm.js")) : null;
const potStr = inputs.pot;
const pot = Number(potStr);
if (!Number.isSafeInteger(pot)) throw new Error("pot is not a safe integer");

const timings = [];
const amounts = {};
for (const c of inputs.cases) {
  const got = {};
  const weights = c.weights.map(Number);
  const weightsBig = c.weights.map(BigInt);
  const total = weights.reduce((a, b) => a + b, 0);
  // The number calculator is exact only while pot × weight stays below 2^53.
  const exactNumber = Number.isSafeInteger(pot * Math.max(...weights)) && Number.isSafeInteger(total);

  // dinero.js, number calculator, whole kronor (scale 0)
  const d = dinero({ amount: pot, currency: SEK, scale: 0 });
  const dineroSplit = () => allocate(d, weights);
  got["dinero.js"] = { codes: c.codes, amounts: dineroSplit().map((x) => String(toSnapshot(x).amount)) };
  timings.push({ impl: "node", case: c.id, what: "dinero.js allocate", t: timed(dineroSplit), exact_number: exactNumber });
  // The same with the pot in öre (SEK's own scale, 2): pot × weight passes 2^53.
  const dOre = dinero({ amount: pot * 100, currency: SEK });
  got["dinero.js öre"] = { codes: c.codes, amounts: allocate(dOre, weights).map((x) => String(toSnapshot(x).amount)) };
  // dinero.js, bigint calculator
  const db = dineroBig({ amount: BigInt(pot), currency: SEKBig, scale: 0n });
  const dineroBigSplit = () => allocateBig(db, weightsBig);
  got["dinero.js bigint"] = { codes: c.codes, amounts: dineroBigSplit().map((x) => String(toSnapshotBig(x).amount)) };
  timings.push({ impl: "node", case: c.id, what: "dinero.js/bigint allocate", t: timed(dineroBigSplit) });
  timings.push({ impl: "node", case: c.id, what: "dinero.js allocate → amounts",
    t: timed(() => dineroSplit().map((x) => toSnapshot(x).amount)) });

  if (wasm) {
    // The same numbers: the bundled key the spec names equals the CSV weights.
    const rk = wasm.resolveKey(c.spec).toJSON();
    if (JSON.stringify(rk.recipients) !== JSON.stringify(c.codes) || JSON.stringify(rk.weights) !== JSON.stringify(c.weights)) {
      throw new Error(`${c.id}: the bundled key ${c.spec} differs from the CSV weights`);
    }
    const asObject = Object.fromEntries(c.codes.map((code, i) => [code, c.weights[i]]));
    const asCsv = "code,weight\n" + c.codes.map((code, i) => `${code},${c.weights[i]}`).join("\n") + "\n";
    const bySpec = wasm.split(potStr, c.spec);
    const byObject = wasm.split(potStr, asObject);
    const byCsv = wasm.split(potStr, asCsv);
    const amountsOf = (a) => a.rows.map((r) => r.amount);
    if (JSON.stringify(amountsOf(bySpec)) !== JSON.stringify(amountsOf(byObject)) ||
        JSON.stringify(amountsOf(bySpec)) !== JSON.stringify(amountsOf(byCsv))) {
      throw new Error(`${c.id}: wasm split differs between the spec, the object and the CSV key`);
    }
    got["wasm split"] = { codes: bySpec.rows.map((r) => r.recipient), amounts: amountsOf(bySpec) };
    // Each result is freed, as a JS user of wasm-bindgen classes does (else the finalizer
    // frees it later, in the timing of other calls).
    const freed = (f) => () => { const a = f(); a.free(); };
    const read = (f, get) => () => { const a = f(); const x = get(a); a.free(); return x; };
    timings.push({ impl: "node", case: c.id, what: "wasm split(key=spec)", t: timed(freed(() => wasm.split(potStr, c.spec))) });
    timings.push({ impl: "node", case: c.id, what: "wasm split(key=object)", t: timed(freed(() => wasm.split(potStr, asObject))) });
    timings.push({ impl: "node", case: c.id, what: "wasm split(key=CSV)", t: timed(freed(() => wasm.split(potStr, asCsv))) });
    if (JSON.stringify(bySpec.amounts) !== JSON.stringify(amountsOf(bySpec))) throw new Error(`${c.id}: amounts differ from the rows' amounts`);
    timings.push({ impl: "node", case: c.id, what: "wasm split(key=spec) → amounts", t: timed(read(() => wasm.split(potStr, c.spec), (a) => a.amounts)) });
    if (bySpec.units.join(",") !== amountsOf(bySpec).join(",")) throw new Error(`${c.id}: units differ from the amounts`);
    timings.push({ impl: "node", case: c.id, what: "wasm split(key=spec) → units", t: timed(read(() => wasm.split(potStr, c.spec), (a) => a.units)) });
    timings.push({ impl: "node", case: c.id, what: "wasm split(key=spec) → rows", t: timed(read(() => wasm.split(potStr, c.spec), (a) => a.rows)) });
  }
  amounts[c.id] = got;
}
console.log(JSON.stringify({ impl: "node", node: process.version, wasm: wasm ? wasm.version() : null, timings, amounts }));
