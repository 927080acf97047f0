// The npm package as a web page gets it: a page whose script esbuild bundled from
// `import init, { split, ... } from "vardavtal"` (scripts/npm-package-check.sh installs the
// packed tarball into a fresh folder and bundles it), loaded in headless Chromium from
// 127.0.0.1 with every other request blocked. The page writes what the package computed
// into the DOM; this checks it against the figures of the README: the split of 443
// miljoner kronor by the population of 1 November 2021 is exact, Region Stockholm's
// amount, the catalog, and a VardavtalError for a bad amount.
//
//   node wasm/js-tests/package-bundle.mjs DIR     (DIR holds index.html and the bundle)
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { chromium } from "playwright-core";

const DIR = resolve(process.argv[2] ?? ".");
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".wasm": "application/wasm" };

const server = createServer(async (req, res) => {
  const rel = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^[/\\]+/, "") || "index.html";
  const file = join(DIR, rel);
  try {
    if (!file.startsWith(DIR + sep)) throw new Error("outside");
    const body = await readFile(file);
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
  } catch {
    res.writeHead(404).end("not found\n");
  }
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  const page = await browser.newPage();
  const problems = [];
  const outside = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  await page.route("**/*", (route) => {
    const u = new URL(route.request().url());
    if (u.hostname === "127.0.0.1") return route.continue();
    outside.push(u.href);
    return route.abort();
  });
  await page.goto(url);
  await page.waitForSelector("#result[data-done]", { timeout: 30_000 });
  const r = JSON.parse(await page.textContent("#result"));
  assert.deepEqual(problems, [], "no errors on the page");
  assert.deepEqual(outside, [], "nothing fetched from outside 127.0.0.1");
  assert.equal(r.error, undefined, `the page failed: ${r.error}`);
  assert.equal(r.total, "443000000");
  assert.equal(r.rows, 21);
  assert.equal(r.sum, "443000000", "the rows sum to the pot");
  assert.equal(r.stockholm, "102311913");
  assert.ok(r.agreements >= 28, `${r.agreements} agreements in the catalog`);
  assert.equal(r.badCode, "invalid_amount");
  assert.equal(r.isVardavtalError, true);
  assert.match(r.formatted, /^443\s000\s000\skr$/u);
  console.log(`bundled page in Chromium: split total ${r.total} kr over ${r.rows} regions, ${r.agreements} agreements, version ${r.version}`);
  console.log("1 passed, 0 failed");
} finally {
  await browser.close();
  server.close();
}
