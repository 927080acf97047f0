// A page of a user of the npm package: esbuild bundles this with `vardavtal` from
// node_modules into dist/ (the .wasm copied beside it by --loader:.wasm=file); the
// browser test (wasm/js-tests/package-bundle.mjs) reads what it writes into #result.
import init, { split, catalog, formatKr, version, VardavtalError } from "vardavtal";
import wasmUrl from "vardavtal/vardavtal_wasm_bg.wasm";

const out = document.getElementById("result");
try {
  // esbuild gives the .wasm file's path relative to the bundle: resolve it against the bundle
  await init({ module_or_path: new URL(wasmUrl, import.meta.url) });
  const a = split("443 miljoner kronor", "population:regions:2021-11-01");
  const rows = a.rows;
  let bad;
  try {
    split("ca 11 miljarder", "population:regions:2021-11-01");
  } catch (e) {
    bad = e;
  }
  out.textContent = JSON.stringify({
    version: version(),
    total: a.total,
    rows: rows.length,
    sum: rows.reduce((s, r) => s + BigInt(r.amount), 0n).toString(),
    stockholm: rows.find((r) => r.recipient === "01")?.amount,
    agreements: catalog().agreements.length,
    badCode: bad?.code,
    isVardavtalError: bad instanceof VardavtalError,
    formatted: formatKr(a.total),
  });
} catch (e) {
  out.textContent = JSON.stringify({ error: String(e?.stack ?? e) });
}
out.dataset.done = "true";
