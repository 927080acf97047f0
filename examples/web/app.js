// The calculator page: every figure comes from the vardavtal WebAssembly package built in
// this repository (wasm/pkg-web); the page only reads inputs and shows results.
import init, * as v from "../../wasm/pkg-web/vardavtal_wasm.js";

const TEXT = {
  sv: {
    title: "Fördelning av överenskommelser",
    subtitle: "Exakt fördelning mellan regionerna – varje krona av potten, förklarad.",
    agreement: "Överenskommelse", pasteAgreement: "Klistra in en avtalsfil (JSON)", use: "Använd",
    key: "Fördelningsnyckel", pasteKey: "Klistra in en nyckel: CSV med kolumnerna code,weight eller t.ex. population:regions:2021-11-01",
    unit: "Avrundning", krona: "hela kronor", ore: "ören",
    outcomes: "Måluppfyllelse per region",
    outcomesHelp: "För prestationsbaserade medel: värde i år och föregående år (decimaltal med punkt, t.ex. 0.71), eller om kravet är uppfyllt.",
    allocation: "Fördelning", csv: "Ladda ned CSV", clickHint: "Klicka på en rad eller ett belopp för att se hur det räknades fram.",
    chart: "Per region", byComponent: "Per del", byDate: "Per utbetalning", findings: "Kontroller",
    footer: "Beräknat i webbläsaren med vardavtal (WebAssembly). Inget skickas någonstans.",
    demo: "Exempelavtal: alla regler, med bonuspott (exempeldata)", paste: "Klistra in eller läs in en fil …",
    catalogGroup: "Katalogen", keyDefault: "Avtalets egen nyckel", keyPopulation: "Befolkning", keyNeeds: "Vårdbehov 2024 (needs:regions:2024)", keyPaste: "Klistra in en nyckel …",
    code: "Kod", name: "Mottagare", total: "Totalt", sum: "Summa", value: "Värde", previous: "Föreg. år", met: "Uppfyllt",
    summary: (t, pot, ok) => `Utdelat ${t}${pot ? ` av ${pot}` : ""}${ok ? " – varje krona av potten är fördelad." : ""}`,
    timing: (ms) => `omräkning ${ms} ms`, noFindings: "Inga anmärkningar.",
    explainFor: (n) => `Så räknades beloppen till ${n} fram`, explainLang: "(förklaringarna är på engelska)",
    years: "år", unscheduled: "ej schemalagt", loadDemoOutcomes: "Fyll i exemplets utfall", nothing: "Avtalet fördelar inget i förväg.",
    errorTitle: "Kan inte fördela:",
  },
  en: {
    title: "Allocation of health care agreements",
    subtitle: "Exact allocation among the regions – every krona of the pot, explained.",
    agreement: "Agreement", pasteAgreement: "Paste an agreement file (JSON)", use: "Use",
    key: "Distribution key", pasteKey: "Paste a key: CSV with columns code,weight, or e.g. population:regions:2021-11-01",
    unit: "Rounding", krona: "whole kronor", ore: "öre",
    outcomes: "Performance outcomes per region",
    outcomesHelp: "For performance-based money: this year's and last year's value (decimal with a point, e.g. 0.71), or whether the requirement is met.",
    allocation: "Allocation", csv: "Download CSV", clickHint: "Click a row or an amount to see how it was computed.",
    chart: "By region", byComponent: "By component", byDate: "By payment", findings: "Checks",
    footer: "Computed in your browser by vardavtal (WebAssembly). Nothing is sent anywhere.",
    demo: "Example agreement: every rule, with a bonus pot (invented figures)", paste: "Paste or load a file …",
    catalogGroup: "Catalog", keyDefault: "The agreement's own key", keyPopulation: "Population", keyNeeds: "Care need 2024 (needs:regions:2024)", keyPaste: "Paste a key …",
    code: "Code", name: "Recipient", total: "Total", sum: "Sum", value: "Value", previous: "Last year", met: "Met",
    summary: (t, pot, ok) => `Allocated ${t}${pot ? ` of ${pot}` : ""}${ok ? " – every krona of the pot is handed out." : ""}`,
    timing: (ms) => `recomputed in ${ms} ms`, noFindings: "No findings.",
    explainFor: (n) => `How the amounts to ${n} were computed`, explainLang: "",
    years: "years", unscheduled: "unscheduled", loadDemoOutcomes: "Fill in the example's outcomes", nothing: "The agreement allocates nothing ahead of time.",
    errorTitle: "Cannot allocate:",
  },
};

const $ = (id) => document.getElementById(id);
const el = (tag, attrs = {}, ...kids) => {
  const e = document.createElement(tag);
  for (const [k, val] of Object.entries(attrs)) {
    if (k === "class") e.className = val;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), val);
    else e.setAttribute(k, val);
  }
  for (const k of kids) e.append(k instanceof Node ? k : document.createTextNode(String(k)));
  return e;
};

const state = {
  lang: "sv",
  agreement: null, // the agreement as an object (catalog, demo or pasted)
  agreementText: null,
  key: undefined, // undefined: the agreement's own key
  unit: "krona",
  outcomes: {},
  alloc: null,
  pivot: null,
  error: null,
  selected: null,
};
let demo = null;
let demoOutcomes = {};
let catalog = null;

const t = (k) => TEXT[state.lang][k];

/** An amount (a plain decimal string) for display. */
function money(amount) {
  if (state.lang === "sv") return v.formatKr(amount);
  const [int, frac] = amount.replace("-", "").split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${amount.startsWith("-") ? "-" : ""}SEK ${grouped}${frac ? "." + frac.padEnd(2, "0") : ""}`;
}

function componentName(id) {
  const find = (cs) => {
    for (const c of cs ?? []) {
      if (c.id === id) return c;
      const sub = find(c.components);
      if (sub) return sub;
    }
    return null;
  };
  return find(state.agreement?.components)?.name ?? id;
}

/** The performance criteria of the agreement, with the recipients they are measured for. */
function criteria() {
  const out = [];
  const walk = (cs) => {
    for (const c of cs ?? []) {
      if (c.rule?.type === "performance") {
        for (const cr of c.rule.criteria) out.push({ ...cr, component: c.id, recipients: c.recipients });
      }
      walk(c.components);
    }
  };
  walk(state.agreement?.components);
  return out;
}

function needsMet(test) {
  return test.type === "met" || (test.type === "any" && test.tests.some(needsMet));
}
function needsValue(test) {
  return test.type !== "met" && (test.type !== "any" || test.tests.some(needsValue));
}
function needsPrevious(test) {
  return test.type === "improved" || (test.type === "any" && test.tests.some(needsPrevious));
}

function recipientsOf(group, ref) {
  if (group && typeof group === "object" && Array.isArray(group.list)) return group.list.map((c) => ({ code: c, name: ref.regions.find((r) => r.code === c)?.name ?? c }));
  return ref.regions;
}

// ------------------------------------------------------------------ inputs
let ref = null;

function fillAgreementSelect() {
  const s = $("agreement");
  const keep = s.value || "demo";
  s.replaceChildren(el("option", { value: "demo" }, t("demo")));
  const g = el("optgroup", { label: t("catalogGroup") });
  for (const a of catalog.agreements) {
    const title = state.lang === "en" && a.title_en ? a.title_en : a.title;
    g.append(el("option", { value: "catalog:" + a.id }, `${title} (${a.years.join(", ")})`));
  }
  s.append(g, el("option", { value: "paste" }, t("paste")));
  s.value = keep;
}

function fillKeySelect() {
  const s = $("key");
  const keep = s.value || "";
  s.replaceChildren(el("option", { value: "" }, t("keyDefault")));
  for (const d of ref.population_dates.regions) s.append(el("option", { value: `population:regions:${d}` }, `${t("keyPopulation")} ${d} (population:regions:${d})`));
  s.append(el("option", { value: "needs:regions:2024" }, t("keyNeeds")));
  s.append(el("option", { value: "paste" }, t("keyPaste")));
  s.value = keep;
}

function setAgreement(obj, text, outcomes) {
  state.agreement = obj;
  state.agreementText = text;
  state.outcomes = outcomes ?? {};
  state.selected = null;
  renderOutcomes();
  const a = obj;
  $("agreement-info").textContent = a ? `${a.id} · ${a.years.join(", ")}${a.amount ? " · " + money(typeof a.amount === "string" ? a.amount : a.amount.value) : ""}` : "";
}

function chooseAgreement() {
  const val = $("agreement").value;
  $("paste-agreement").hidden = val !== "paste";
  if (val === "demo") setAgreement(JSON.parse(demo), demo, structuredClone(demoOutcomes));
  else if (val.startsWith("catalog:")) setAgreement(v.agreement(val.slice(8)), null, {});
  else return; // paste: wait for "use"
  recompute();
}

function usePastedAgreement() {
  const text = $("agreement-text").value;
  let obj = null;
  try {
    obj = JSON.parse(text);
  } catch {
    obj = null; // the core reports the syntax error with its line and column
  }
  setAgreement(obj, text, state.outcomes); // outcomes already entered stay
  recompute();
}

function chooseKey() {
  const val = $("key").value;
  $("paste-key").hidden = val !== "paste";
  if (val === "paste") return;
  state.key = val || undefined;
  recompute();
}

function renderOutcomes() {
  const crits = criteria();
  $("outcomes-card").hidden = crits.length === 0;
  const box = $("outcomes");
  box.replaceChildren();
  if (!crits.length) return;
  if (state.agreementText === demo) box.append(el("button", { type: "button", onclick: () => { state.outcomes = structuredClone(demoOutcomes); renderOutcomes(); recompute(); } }, t("loadDemoOutcomes")));
  for (const cr of crits) {
    const cols = [needsValue(cr.test) && "value", needsPrevious(cr.test) && "previous", needsMet(cr.test) && "met"].filter(Boolean);
    const head = el("tr", {}, el("th", {}, t("code")), el("th", {}, t("name")), ...cols.map((c) => el("th", {}, t(c))));
    const table = el("table", { class: "small outcomes", "data-criterion": cr.id }, el("thead", {}, head));
    const body = el("tbody");
    for (const r of recipientsOf(cr.recipients, ref)) {
      const o = state.outcomes[cr.id]?.[r.code] ?? {};
      const tr = el("tr", {}, el("td", {}, r.code), el("td", {}, r.name));
      for (const c of cols) {
        const input = c === "met"
          ? el("input", { type: "checkbox", "aria-label": `${cr.id} ${r.code} ${c}` })
          : el("input", { type: "text", inputmode: "decimal", size: "6", value: o[c] ?? "", "aria-label": `${cr.id} ${r.code} ${c}` });
        if (c === "met") input.checked = o.met === true;
        input.addEventListener("change", () => {
          const cur = ((state.outcomes[cr.id] ??= {})[r.code] ??= {});
          if (c === "met") cur.met = input.checked;
          else if (input.value.trim() === "") delete cur[c];
          else cur[c] = input.value.trim();
          recompute();
        });
        tr.append(el("td", {}, input));
      }
      body.append(tr);
    }
    table.append(body);
    box.append(el("div", {}, el("h3", { title: cr.name }, `${cr.id} (${cr.component})`), el("p", { class: "muted crit" }, cr.name), table));
  }
}

// ------------------------------------------------------------------ compute
/** Allocate with the current inputs and show the result; returns the milliseconds taken. */
function recompute() {
  const t0 = performance.now();
  const input = state.agreement ?? state.agreementText ?? "";
  const options = { outcomes: state.outcomes, unit: state.unit };
  if (state.key) options.key = state.key;
  try {
    state.alloc = v.allocate(input, options);
    state.pivot = v.pivot(state.alloc);
    state.error = null;
  } catch (e) {
    state.alloc = null;
    state.pivot = null;
    state.error = e;
  }
  let findings;
  try {
    findings = v.validate(input);
  } catch (e) {
    findings = e.errors ?? [{ code: "invalid_value", severity: "error", loc: [], msg: String(e), ctx: {} }];
  }
  render(findings);
  const ms = performance.now() - t0;
  $("timing").textContent = t("timing")(ms.toFixed(1));
  return ms;
}

// ------------------------------------------------------------------ output
function columnLabel(c) {
  let s = componentName(c.component);
  if (c.tranche) s += ` / ${c.tranche}`;
  if (c.date) s += ` (${c.date})`;
  return s;
}

function render(findings) {
  const err = $("error");
  err.hidden = !state.error;
  err.replaceChildren();
  if (state.error) {
    err.append(el("strong", {}, t("errorTitle")));
    const list = el("ul");
    for (const f of state.error.errors ?? []) list.append(el("li", {}, el("code", {}, f.code), ` ${f.loc.join(".") || "(root)"}: ${f.msg}`));
    if (!(state.error.errors ?? []).length) list.append(el("li", {}, String(state.error)));
    err.append(list);
  }
  renderTable();
  renderChart();
  renderTotals();
  renderFindings(findings);
  renderExplain();
}

function renderTable() {
  const table = $("alloc-table");
  table.replaceChildren();
  const p = state.pivot;
  const a = state.alloc;
  if (!p || !a) {
    $("summary").textContent = "";
    return;
  }
  const potAmount = state.agreement?.amount ? (typeof state.agreement.amount === "string" ? state.agreement.amount : state.agreement.amount.value) : null;
  $("summary").textContent = p.columns.length ? t("summary")(money(a.total), potAmount ? money(potAmount) : null, potAmount === a.total) : t("nothing");
  $("summary").dataset.total = a.total;
  if (!p.columns.length) return;
  const many = p.columns.length > 1;
  const head = el("tr", {}, el("th", {}, t("code")), el("th", {}, t("name")));
  for (const c of p.columns) head.append(el("th", { class: "num" }, columnLabel(c)));
  if (many) head.append(el("th", { class: "num" }, t("total")));
  const body = el("tbody");
  for (const r of p.rows) {
    const tr = el("tr", { "data-recipient": r.recipient, class: state.selected?.recipient === r.recipient ? "selected" : "" });
    tr.append(el("td", {}, r.recipient), el("td", {}, r.name));
    r.amounts.forEach((amt, i) => {
      const td = el("td", { class: "num", "data-amount": amt }, money(amt));
      td.addEventListener("click", (ev) => { ev.stopPropagation(); select(r.recipient, i); });
      tr.append(td);
    });
    if (many) tr.append(el("td", { class: "num total", "data-amount": r.total }, money(r.total)));
    tr.addEventListener("click", () => select(r.recipient, null));
    body.append(tr);
  }
  const foot = el("tr", {}, el("th", {}), el("th", {}, t("sum")));
  p.totals.forEach((amt) => foot.append(el("th", { class: "num", "data-amount": amt }, money(amt))));
  if (many) foot.append(el("th", { class: "num", id: "grand-total", "data-amount": p.total }, money(p.total)));
  else foot.lastChild.id = "grand-total";
  table.append(el("thead", {}, head), body, el("tfoot", {}, foot));
}

function select(recipient, column) {
  state.selected = { recipient, column };
  for (const tr of $("alloc-table").querySelectorAll("tbody tr")) tr.classList.toggle("selected", tr.dataset.recipient === recipient);
  renderExplain();
}

function renderExplain() {
  const box = $("explain");
  const s = state.selected;
  if (!s || !state.alloc) {
    box.hidden = true;
    return;
  }
  const col = s.column === null ? null : state.pivot.columns[s.column];
  const rows = state.alloc.rows.filter((r) => r.recipient === s.recipient && (!col || (r.component === col.component && (r.tranche ?? null) === (col.tranche ?? null))));
  if (!rows.length) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  const list = el("ol");
  for (const r of rows) list.append(el("li", {}, v.explainRow(r)));
  box.replaceChildren(el("h3", {}, `${t("explainFor")(rows[0].name)} ${t("explainLang")}`), list);
}

const PALETTE = ["#1f5f8b", "#e07b39", "#3a9d5d", "#b03a48", "#7a5195", "#c9a227", "#2f9c9c", "#6b6b6b"];

function renderChart() {
  const box = $("chart");
  box.replaceChildren();
  const p = state.pivot;
  if (!p || !p.columns.length) return;
  // one stack per recipient, one colour per component (tranches of a component merged)
  const comps = [...new Set(p.columns.map((c) => c.component))];
  const rows = p.rows.map((r) => ({
    name: r.name,
    total: Number(r.total), // for drawing only; the figures shown are the exact strings
    parts: comps.map((comp) => p.columns.reduce((s, c, i) => (c.component === comp ? s + Number(r.amounts[i]) : s), 0)),
    label: money(r.total),
  }));
  const max = Math.max(1, ...rows.map((r) => r.total));
  const W = 760, LABEL = 190, VALUE = 150, BAR = 16, GAP = 5, TOP = 8;
  const legendH = 22 * Math.ceil(comps.length / 3);
  const H = TOP + rows.length * (BAR + GAP) + legendH + 8;
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", t("chart"));
  const add = (tag, attrs, text) => {
    const e = document.createElementNS(ns, tag);
    for (const [k, val] of Object.entries(attrs)) e.setAttribute(k, val);
    if (text !== undefined) e.textContent = text;
    svg.append(e);
    return e;
  };
  const scale = (W - LABEL - VALUE) / max;
  rows.forEach((r, i) => {
    const y = TOP + i * (BAR + GAP);
    add("text", { x: LABEL - 6, y: y + BAR - 4, "text-anchor": "end", class: "chart-label" }, r.name);
    let x = LABEL;
    r.parts.forEach((part, j) => {
      if (part <= 0) return;
      const w = part * scale;
      add("rect", { x, y, width: Math.max(w, 0.5), height: BAR, fill: PALETTE[j % PALETTE.length] }).append(
        Object.assign(document.createElementNS(ns, "title"), { textContent: `${r.name}: ${componentName(comps[j])} ${money(String(part))}` }),
      );
      x += w;
    });
    add("text", { x: x + 6, y: y + BAR - 4, class: "chart-value" }, r.label);
  });
  comps.forEach((comp, j) => {
    const y = TOP + rows.length * (BAR + GAP) + 8 + Math.floor(j / 3) * 22;
    const x = LABEL + (j % 3) * 190;
    add("rect", { x, y, width: 12, height: 12, fill: PALETTE[j % PALETTE.length] });
    add("text", { x: x + 16, y: y + 11, class: "chart-legend" }, componentName(comp).slice(0, 28));
  });
  box.append(svg);
}

function renderTotals() {
  const a = state.alloc;
  for (const [id, list, label] of [
    ["by-component", a?.totals.by_component ?? [], (x) => componentName(x.name)],
    ["by-date", a?.totals.by_date ?? [], (x) => (x.key === "unscheduled" ? t("unscheduled") : x.key)],
  ]) {
    const table = $(id);
    table.replaceChildren();
    for (const x of list) table.append(el("tr", {}, el("td", {}, label(x)), el("td", { class: "num", "data-amount": x.amount }, money(x.amount))));
  }
}

function renderFindings(findings) {
  const ul = $("findings");
  ul.replaceChildren();
  const all = [...findings, ...(state.alloc?.notes ?? [])];
  if (!all.length) ul.append(el("li", { class: "muted" }, t("noFindings")));
  for (const f of all) ul.append(el("li", { class: `finding ${f.severity}` }, el("span", { class: "badge" }, f.severity), " ", el("code", {}, f.code), ` ${f.loc.join(".") || "(root)"}: ${f.msg}`));
}

// ------------------------------------------------------------------ CSV
function csvCell(s) {
  const x = s ?? "";
  return /[",\n\r]/.test(x) ? `"${x.replaceAll('"', '""')}"` : x;
}

function downloadCsv() {
  const a = state.alloc;
  if (!a) return;
  const header = ["code", "name", "amount", "agreement", "component", "tranche", "date", "part", "criterion", "quota", "weight", "pot"];
  const lines = [header.join(",")];
  for (const r of a.rows) lines.push([r.recipient, r.name, r.amount, r.agreement, r.component, r.tranche, r.date, r.part, r.criterion, r.basis.quota, r.basis.weight, r.basis.pot].map(csvCell).join(","));
  const blob = new Blob([lines.join("\n") + "\n"], { type: "text/csv;charset=utf-8" });
  const link = el("a", { href: URL.createObjectURL(blob), download: `${a.rows[0]?.agreement ?? "allocation"}.csv` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

// ------------------------------------------------------------------ language
function applyLanguage() {
  document.documentElement.lang = state.lang;
  for (const e of document.querySelectorAll("[data-i18n]")) e.textContent = t(e.dataset.i18n);
  $("lang").textContent = state.lang === "sv" ? "English" : "Svenska";
  fillAgreementSelect();
  fillKeySelect();
  renderOutcomes();
  recompute();
}

// ------------------------------------------------------------------ start
async function main() {
  await init();
  ref = v.reference();
  catalog = v.catalog();
  [demo, demoOutcomes] = await Promise.all([
    fetch("../demo-agreement.json").then((r) => r.text()),
    fetch("../demo-outcomes.json").then((r) => r.json()),
  ]);
  $("version").textContent = `vardavtal ${v.version()}`;
  fillAgreementSelect();
  fillKeySelect();
  $("agreement").addEventListener("change", chooseAgreement);
  $("use-agreement").addEventListener("click", usePastedAgreement);
  $("agreement-file").addEventListener("change", async (ev) => {
    const f = ev.target.files?.[0];
    if (f) $("agreement-text").value = await f.text();
  });
  $("key").addEventListener("change", chooseKey);
  $("use-key").addEventListener("click", () => {
    state.key = $("key-text").value;
    recompute();
  });
  $("unit").addEventListener("change", () => {
    state.unit = $("unit").value;
    recompute();
  });
  $("csv").addEventListener("click", downloadCsv);
  $("lang").addEventListener("click", () => {
    state.lang = state.lang === "sv" ? "en" : "sv";
    applyLanguage();
  });
  setAgreement(JSON.parse(demo), demo, structuredClone(demoOutcomes));
  applyLanguage();
  // for the end-to-end test and the curious: the package and the recompute step
  window.vardavtal = { v, recompute, state, ready: true };
  document.body.dataset.ready = "true";
}

main().catch((e) => {
  document.body.dataset.ready = "error";
  const box = $("error");
  box.hidden = false;
  box.textContent = `The WebAssembly package did not load (${e}). Build it with: bash wasm/ci.sh`;
});
