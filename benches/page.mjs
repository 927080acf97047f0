// The web page's recompute of the demo agreement, measured in headless Chromium: serves
// examples/web (examples/web/serve.mjs, on 127.0.0.1 only; every other request is
// blocked), opens it with a fresh profile, waits for the demo agreement, then times the
// page's own recompute path many times, each time up to a forced layout (offsetHeight), so
// that building the DOM, style and layout are all counted:
//
//   same:   recompute() with the same inputs (what the page's #timing showed before);
//   key:    the key select changed between two population dates and its change event
//           dispatched (the path of a user choosing another key date: every amount differs);
//   unit:   the rounding select changed between kronor and öre (every amount and its text
//           differ);
//   explained: as key, with Region Uppsala's row clicked (its explanation redrawn too).
// For key and unit the select's new value is set and drawn before the clock starts (the
// browser's own redraw of the select, ~0.25 ms here); the clock runs from the change event.
//
// `key` is the headline figure (issue 12's "the page's recompute"). Prints one line of
// text per case on stderr and the figures as JSON on stdout (--out FILE writes it too).
//
//   node benches/page.mjs [--runs 200] [--out benches/.build/page.json] [--profile]
//
// Needs wasm/pkg-web (bash wasm/ci.sh), /usr/bin/chromium (or $CHROMIUM) and playwright-core
// in wasm/node_modules (npm ci in wasm/). --profile also prints where the time goes: a CPU
// profile of the `key` case (Chrome DevTools protocol), self time by function.
import { mkdtemp, rm, writeFile, mkdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir, cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { start } from "../examples/web/serve.mjs";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const PLAYWRIGHT = join(ROOT, "wasm/node_modules/playwright-core/index.mjs");

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : dflt;
};
const RUNS = Number(opt("--runs", 200));
const WARMUP = 20;
const OUT = opt("--out", null);
const PROFILE = argv.includes("--profile");

for (const [what, path, hint] of [
  ["chromium", CHROMIUM, "apt-get install chromium, or set CHROMIUM"],
  ["wasm/pkg-web", join(ROOT, "wasm/pkg-web/vardavtal_wasm.js"), "bash wasm/ci.sh"],
  ["playwright-core", PLAYWRIGHT, "(cd wasm && npm ci)"],
]) {
  if (!existsSync(path)) {
    console.error(`benches/page.mjs: no ${what} at ${path} (${hint})`);
    process.exit(2);
  }
}
const { chromium } = await import(pathToFileURL(PLAYWRIGHT).href);

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  const m = Math.floor(s.length / 2);
  const median = s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  const r = (x) => Math.round(x * 1000) / 1000;
  return { median_ms: r(median), min_ms: r(s[0]), p90_ms: r(q(0.9)), max_ms: r(s[s.length - 1]), runs: s.length };
};

/** Runs `n` timed recomputes of one case in the page; returns the milliseconds of each. */
function measureInPage([which, n, warmup]) {
  const { state, recompute } = window.vardavtal;
  const $ = (id) => document.getElementById(id);
  // A select's new value is drawn before the clock starts (that is the browser's own
  // work, whatever the page does); the clock runs from its change event on.
  const choose = (id, value) => {
    $(id).value = value;
    void document.body.offsetHeight;
  };
  const fire = (id, value) => {
    $(id).value = value;
    $(id).dispatchEvent(new Event("change"));
  };
  const change = (id) => $(id).dispatchEvent(new Event("change"));
  const keys = ["population:regions:2021-11-01", "population:regions:2023-11-01"];
  const units = ["krona", "ore"];
  const [prepare, step] = {
    same: [() => {}, () => recompute()],
    key: [(i) => choose("key", keys[i % 2]), () => change("key")],
    unit: [(i) => choose("unit", units[i % 2]), () => change("unit")],
    explained: [(i) => choose("key", keys[i % 2]), () => change("key")],
  }[which];
  // explained: as key, with a row clicked, so that its explanation is shown and redrawn too
  if (which === "explained") document.querySelector("#alloc-table tbody tr[data-recipient='03'] th.name").click();
  const times = [];
  const script = []; // the step alone, before style and layout
  for (let i = 0; i < warmup + n; i++) {
    prepare(i);
    const t0 = performance.now();
    step(i);
    const t1 = performance.now();
    void document.body.offsetHeight; // style and layout of what was rendered
    const t2 = performance.now();
    if (i >= warmup) {
      times.push(t2 - t0);
      script.push(t1 - t0);
    }
  }
  // leave the page as it was: the agreement's key, whole kronor
  fire("unit", "krona");
  fire("key", "");
  return { times, script, recipients: document.querySelectorAll("#alloc-table tbody tr").length, cells: document.querySelectorAll("#alloc-table td[data-amount]").length, key: state.key ?? null };
}

const { server, url } = await start(0);
const profileDir = await mkdtemp(join(tmpdir(), "vardavtal-page-"));
const context = await chromium.launchPersistentContext(profileDir, {
  executablePath: CHROMIUM,
  headless: true,
  viewport: { width: 1440, height: 820 },
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const result = { what: "the page's recompute of the demo agreement, with rendering and layout (headless Chromium)", cases: {} };
try {
  const page = context.pages()[0] ?? (await context.newPage());
  const problems = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  await page.route("**/*", (route) => {
    const u = new URL(route.request().url());
    return u.hostname === "127.0.0.1" || u.protocol === "data:" || u.protocol === "blob:" ? route.continue() : route.abort();
  });
  await page.goto(url);
  await page.waitForSelector("body[data-ready='true']", { timeout: 30_000 });
  if ((await page.getAttribute("#summary", "data-total")) !== "3400000000") throw new Error("the demo agreement is not shown");
  result.chromium = context.browser()?.version() ?? null;
  result.machine = { cores: cpus().length, load: loadavg().map((x) => Math.round(x * 100) / 100) };

  for (const which of ["same", "key", "unit", "explained"]) {
    const r = await page.evaluate(measureInPage, [which, RUNS, WARMUP]);
    result.cases[which] = { ...stats(r.times), script_median_ms: stats(r.script).median_ms, recipients: r.recipients, amount_cells: r.cells };
  }
  result.median_ms = result.cases.key.median_ms;
  result.timing_text = await page.textContent("#timing");

  if (PROFILE) {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 50 });
    await cdp.send("Profiler.start");
    await page.evaluate(measureInPage, ["key", RUNS, 0]);
    const { profile } = await cdp.send("Profiler.stop");
    result.profile = summarise(profile);
  }
  if (problems.length) throw new Error(problems.join("\n"));
} finally {
  await context.close();
  server.close();
  await rm(profileDir, { recursive: true, force: true });
}

/** Self and total time per function (and the share of all samples) from a CDP CPU profile. */
function summarise(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const nameOf = (n) => {
    const f = n.callFrame;
    const file = f.url ? f.url.split("/").pop() : "";
    return `${f.functionName || "(anonymous)"}${file ? ` ${file}:${f.lineNumber + 1}` : ""}`;
  };
  const self = new Map();
  const total = new Map();
  let all = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i + 1] ?? 0;
    all += us;
    const leaf = nameOf(byId.get(id));
    self.set(leaf, (self.get(leaf) ?? 0) + us);
    const seen = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const name = nameOf(byId.get(n));
      if (seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + us);
    }
  });
  const per = (us) => Math.round((us / 1000 / RUNS) * 1000) / 1000;
  const top = (m) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([name, us]) => ({ name, ms_per_run: per(us), share: Math.round((us / all) * 1000) / 10 }));
  return { self: top(self), total: top(total) };
}

const line = (name, c) =>
  `${name.padEnd(9)} median ${c.median_ms.toFixed(2)} ms (min ${c.min_ms.toFixed(2)}, p90 ${c.p90_ms.toFixed(2)}, max ${c.max_ms.toFixed(2)}; ${c.runs} runs); ` +
  `script alone ${c.script_median_ms.toFixed(2)} ms, the rest style and layout`;
console.error(`the page's recompute of the demo agreement (${result.cases.key.recipients} recipients, ${result.cases.key.amount_cells} amount cells), with rendering and layout, in headless Chromium ${result.chromium ?? ""}; load ${result.machine.load.join(" ")} on ${result.machine.cores} cores:`);
for (const [name, c] of Object.entries(result.cases)) console.error(`  ${line(name, c)}`);
if (result.profile) {
  for (const kind of ["self", "total"]) {
    console.error(`  where the time goes (key case, ${kind} time per run; style and layout count in the function that forced them):`);
    for (const p of result.profile[kind]) console.error(`    ${p.ms_per_run.toFixed(3).padStart(7)} ms ${String(p.share).padStart(5)} %  ${p.name}`);
  }
}
const json = JSON.stringify(result, null, 1);
if (OUT) {
  await mkdir(dirname(OUT), { recursive: true });
  await writeFile(OUT, json + "\n");
}
console.log(json);
