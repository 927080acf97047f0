// The calculator page and the check of a published table: every figure comes from the
// vardavtal WebAssembly package built in this repository (wasm/pkg-web); the page only
// reads inputs and shows results. The page is Swedish first: its language button sets the
// core's language (setLang), so that explanations, findings, errors, headers and the
// downloaded files come from the core in the chosen language; the texts below are the
// page's own labels only.
import init, * as v from "../../wasm/pkg-web/vardavtal_wasm.js";
import { VIEWBOX, REGIONS } from "./map/regions.js";

const TEXT = {
  sv: {
    title: "Fördelning av överenskommelser",
    subtitle: "Exakt fördelning mellan regionerna – varje krona av potten, förklarad.",
    agreement: "Överenskommelse", pasteAgreement: "Klistra in en avtalsfil (JSON)", use: "Använd",
    key: "Fördelningsnyckel", pasteKey: "Klistra in en nyckel: CSV med kolumnerna code,weight eller t.ex. population:regions:2021-11-01",
    unit: "Avrundning", krona: "hela kronor", ore: "ören",
    outcomes: "Måluppfyllelse per region",
    outcomesHelp: "För prestationsbaserade medel: värde i år och föregående år (t.ex. 0,71 eller 71 %), eller om kravet är uppfyllt.",
    allocation: "Fördelning", csv: "CSV för Excel", xlsx: "Excel (.xlsx)", clickHint: "Klicka på en rad eller ett belopp, eller välj det med tabb och Enter, för att se hur det räknades fram.",
    chart: "Per region", byComponent: "Per del", byDate: "Per utbetalning", findings: "Kontroller",
    footer: "Beräknat i webbläsaren med vardavtal (WebAssembly). Inget skickas någonstans.",
    demo: "Exempelavtal: alla regler, med bonuspott (exempeldata)", paste: "Klistra in eller läs in en fil …",
    catalogGroup: "Katalogen", keyDefault: "Avtalets egen nyckel", keyPopulation: "Befolkning", keyNeeds: "Vårdbehov 2024 (needs:regions:2024)", keyPaste: "Klistra in en nyckel …",
    code: "Kod", name: "Mottagare", value: "Värde", previous: "Föreg. år", met: "Uppfyllt",
    summary: (t, pot, ok) => `Utdelat ${t}${pot ? ` av ${pot}` : ""}${ok ? " – varje krona av potten är fördelad." : ""}`,
    timing: (ms) => `omräkning ${ms} ms`, noFindings: "Inga anmärkningar.",
    explainFor: (n) => `Så räknades beloppen till ${n} fram`,
    years: "år", unscheduled: "ej schemalagt", loadDemoOutcomes: "Fyll i exemplets utfall", nothing: "Avtalet fördelar inget i förväg.",
    errorTitle: "Kan inte fördela:",
    downloadError: "Inget att ladda ned: avtalet kan inte fördelas (se felet ovan).",
    downloadNothing: "Inget att ladda ned: avtalet fördelar inget i förväg.",
    severity: { error: "fel", warning: "varning", info: "anteckning" },
    loadFailed: (e) => `WebAssembly-paketet kunde inte läsas in (${e}). Bygg det med: bash wasm/ci.sh`,
    tabCalc: "Fördela en överenskommelse", tabCheck: "Granska en publicerad tabell",
    checkTitle: "Granska en publicerad tabell",
    checkHelp: "Klistra in en fördelning per region från en webbsida, en PDF eller ett kalkylblad (CSV). Tabellen räknas om: går summorna ihop, saknas eller upprepas regioner, finns feltryck, och vilken fördelningsnyckel och avrundning gav beloppen?",
    tableText: "Tabell", tableExample: "Exempeltabell", tablePot: "Angiven pott (valfritt)", tablePotHint: "t.ex. 1 382 miljoner kronor",
    tableRule: "Angiven fördelningsgrund (valfritt)", ruleNone: "ej angiven", rulePopulation: "efter befolkning", ruleNeed: "efter vårdbehov",
    ruleFixed: "fast belopp per region, resten efter befolkning", tableEach: "Fast belopp per region", tableEachHint: "t.ex. 100 miljoner kronor",
    checkButton: "Granska tabellen", checkResult: "Resultat", checkRows: "Rad för rad", checkTotals: "Summor", checkFits: "Närmaste fördelningsnycklar",
    checkReport: "Rapporten som text (engelska)", checkErrorTitle: "Kan inte granska tabellen:",
    line: "Rad", region: "Region", published: "Publicerat", readAs: "Läst som", expected: "Enligt nyckeln", difference: "Skillnad", verdictCol: "Bedömning", note: "Anmärkning",
    verdict: { ok: "stämmer", differs: "avviker", irregular_grouping: "oregelbunden siffergruppering", duplicate: "upprepad region", unknown: "ingen region", not_compared: "ej jämförd" },
    rounding: { largest_remainder: "största rest", half_up: "vanlig avrundning", truncation: "avkortning" },
    against: (t) => (t.against === "pot" ? "den angivna potten" : `summaraden (rad ${t.line})`),
    stated: "Angivet", rowsSum: "Radernas summa", addsUp: "Går ihop", yes: "ja", no: "nej", explanation: "Förklaring",
    keyCol: "Nyckel", roundingCol: "Avrundning", matching: "Rader som stämmer", apart: "Avvikelse totalt",
    matchOf: (m, n) => `${m} av ${n}`, exact: "återger tabellen exakt",
    statAddsUp: (ok) => (ok ? "Raderna går ihop med den angivna summan." : "Raderna går inte ihop med den angivna summan."),
    statRegions: (n, missing) => `${n} av 21 regioner${missing.length ? ` – saknas: ${missing.join(", ")}` : ""}.`,
    statBest: (b, exact) => (exact ? `Nyckeln ${b.key} med ${TEXT.sv.rounding[b.rounding]} återger varje rad.` : `Ingen inbyggd nyckel återger tabellen; närmast är ${b.key} med ${TEXT.sv.rounding[b.rounding]} (${b.rows_matching} av ${b.rows_compared} rader).`),
    statRows: (s) => [s.differing && `${s.differing} rad(er) avviker`, s.irregular && `${s.irregular} belopp med oregelbunden siffergruppering`, s.duplicates && `${s.duplicates} upprepad(e) rad(er)`, s.unknown && `${s.unknown} rad(er) som inte är regioner`].filter(Boolean).join(", "),
    headline: (h) => `Sammanfattning (engelska): ${h}`,
    implied: (k) => `En befolkningsnyckel med totalt ${k.total.toLocaleString("sv-SE")} invånare återger tabellen exakt (${k.candidates} möjliga totaler; närmaste inbyggda nyckel: ${k.near}).`,
    impliedPop: "Befolkning enligt tabellen", bundledPop: "Inbyggd befolkning",
    views: "Vyer", tabRecipient: "En mottagare", tabYear: "Ett år", tabChange: "Förändring", tabSensitivity: "Nyckeldatum",
    assume: "Egen nyckel för det som saknar publicerad fördelning", assumeNone: "ingen (visa inte)",
    copyLink: "Kopiera länk", linkLabel: "Länk till scenariot", copied: "Länken är kopierad.", copyFailed: "Kopiera länken ur fältet.",
    openTitle: "Det här kan inte visas ännu", fillOutcomes: "Fyll i utfallen", chooseKey: "Välj en nyckel",
    amountLabel: "belopp", whyLabel: "Varför",
    coverage: { all: "fördelas helt", part: "delvis", nothing: "inget i förväg" },
    field: { value: "värde i år", previous: "värde föregående år", met: "kravet uppfyllt" },
    measureHeading: (m) => `Mått ${m}`, readBy: "Läses av",
    perCapita: "kr per invånare", perCapitaNote: (key) => `Kr per invånare efter befolkningen ${key}.`,
    map: "Karta", mapAmount: "belopp", mapPerCapita: "kr per invånare", mapCredit: "Gränser: Lantmäteriet (CC0), förenklade; kustlinje: Natural Earth (public domain).",
    mapNone: "ingen tilldelning", mapLabel: (name, amount, pc) => `${name}: ${amount}${pc ? `, ${pc} per invånare` : ""}`,
    chartDesc: (n, top, total) => `Staplar för ${n} mottagare, samma belopp som i tabellen; störst: ${top}; totalt ${total}.`,
    recipientTitle: "En mottagare i alla överenskommelser", recipientLabel: "Mottagare", yearLabel: "År", allYears: "alla år",
    yearTitle: "Alla mottagare och överenskommelser ett år", levelLabel: "Nivå", levelAsPaid: "som de betalas", levelRegions: "summerat per region",
    changeTitle: "Förändring mellan två fördelningar, uppdelad", changeHelp: "Skillnaden delas exakt upp i att potten ändrades, att mottagarens andel av nyckeln ändrades och avrundning.",
    changeAgainst: "Jämfört med överenskommelse", changeComponent: "Del", allParts: "hela avtalet", changeKeyA: "Nyckel A", changeKeyB: "Nyckel B", same: "samma", keyOwn: "avtalets egen",
    sensitivityTitle: "Känslighet för nyckelns datum", allAgreements: "alla i katalogen",
    openMoney: "Pengar som inte kan beräknas ännu", viewError: "Kan inte visa:",
  },
  en: {
    title: "Allocation of health care agreements",
    subtitle: "Exact allocation among the regions – every krona of the pot, explained.",
    agreement: "Agreement", pasteAgreement: "Paste an agreement file (JSON)", use: "Use",
    key: "Distribution key", pasteKey: "Paste a key: CSV with columns code,weight, or e.g. population:regions:2021-11-01",
    unit: "Rounding", krona: "whole kronor", ore: "öre",
    outcomes: "Performance outcomes per region",
    outcomesHelp: "For performance-based money: this year's and last year's value (e.g. 0.71, 0,71 or 71 %), or whether the requirement is met.",
    allocation: "Allocation", csv: "CSV for Excel", xlsx: "Excel (.xlsx)", clickHint: "Click a row or an amount, or reach it with Tab and press Enter, to see how it was computed.",
    chart: "By region", byComponent: "By component", byDate: "By payment", findings: "Checks",
    footer: "Computed in your browser by vardavtal (WebAssembly). Nothing is sent anywhere.",
    demo: "Example agreement: every rule, with a bonus pot (invented figures)", paste: "Paste or load a file …",
    catalogGroup: "Catalog", keyDefault: "The agreement's own key", keyPopulation: "Population", keyNeeds: "Care need 2024 (needs:regions:2024)", keyPaste: "Paste a key …",
    code: "Code", name: "Recipient", value: "Value", previous: "Last year", met: "Met",
    summary: (t, pot, ok) => `Allocated ${t}${pot ? ` of ${pot}` : ""}${ok ? " – every krona of the pot is handed out." : ""}`,
    timing: (ms) => `recomputed in ${ms} ms`, noFindings: "No findings.",
    explainFor: (n) => `How the amounts to ${n} were computed`,
    years: "years", unscheduled: "unscheduled", loadDemoOutcomes: "Fill in the example's outcomes", nothing: "The agreement allocates nothing ahead of time.",
    errorTitle: "Cannot allocate:",
    downloadError: "Nothing to download: the agreement cannot be allocated (see the error above).",
    downloadNothing: "Nothing to download: the agreement allocates nothing ahead of time.",
    severity: { error: "error", warning: "warning", info: "note" },
    loadFailed: (e) => `The WebAssembly package did not load (${e}). Build it with: bash wasm/ci.sh`,
    tabCalc: "Allocate an agreement", tabCheck: "Check a published table",
    checkTitle: "Check a published table",
    checkHelp: "Paste a per-region table from a web page, a PDF or a spreadsheet (CSV). It is recomputed: do the sums add up, are regions missing or repeated, are there misprints, and which distribution key and rounding produced the amounts?",
    tableText: "Table", tableExample: "Example table", tablePot: "Stated pot (optional)", tablePotHint: "e.g. 1 382 miljoner kronor",
    tableRule: "Stated rule (optional)", ruleNone: "not stated", rulePopulation: "by population", ruleNeed: "by care need",
    ruleFixed: "a fixed amount per region, the rest by population", tableEach: "Fixed amount per region", tableEachHint: "e.g. 100 miljoner kronor",
    checkButton: "Check the table", checkResult: "Result", checkRows: "Row by row", checkTotals: "Totals", checkFits: "Closest distribution keys",
    checkReport: "The report as text", checkErrorTitle: "Cannot check the table:",
    line: "Line", region: "Region", published: "Published", readAs: "Read as", expected: "By the key", difference: "Difference", verdictCol: "Verdict", note: "Note",
    verdict: { ok: "ok", differs: "differs", irregular_grouping: "irregular digit grouping", duplicate: "repeated region", unknown: "not a region", not_compared: "not compared" },
    rounding: { largest_remainder: "largest remainder", half_up: "plain rounding", truncation: "truncation" },
    against: (t) => (t.against === "pot" ? "the stated pot" : `the total line (line ${t.line})`),
    stated: "Stated", rowsSum: "Rows add up to", addsUp: "Adds up", yes: "yes", no: "no", explanation: "Explanation",
    keyCol: "Key", roundingCol: "Rounding", matching: "Rows matching", apart: "Apart in all",
    matchOf: (m, n) => `${m} of ${n}`, exact: "reproduces the table exactly",
    statAddsUp: (ok) => (ok ? "The rows add up to the stated total." : "The rows do not add up to the stated total."),
    statRegions: (n, missing) => `${n} of 21 regions${missing.length ? ` – missing: ${missing.join(", ")}` : ""}.`,
    statBest: (b, exact) => (exact ? `The key ${b.key} with ${TEXT.en.rounding[b.rounding]} reproduces every row.` : `No bundled key reproduces the table; the closest is ${b.key} with ${TEXT.en.rounding[b.rounding]} (${b.rows_matching} of ${b.rows_compared} rows).`),
    statRows: (s) => [s.differing && `${s.differing} row(s) differ`, s.irregular && `${s.irregular} amount(s) with irregular digit grouping`, s.duplicates && `${s.duplicates} repeated row(s)`, s.unknown && `${s.unknown} row(s) not a region`].filter(Boolean).join(", "),
    headline: (h) => h,
    implied: (k) => `A population key totalling ${k.total.toLocaleString("en-GB")} inhabitants reproduces the table exactly (${k.candidates} possible totals; the closest bundled key: ${k.near}).`,
    impliedPop: "Population by the table", bundledPop: "Bundled population",
    views: "Views", tabRecipient: "One recipient", tabYear: "One year", tabChange: "Change", tabSensitivity: "Key date",
    assume: "Own key for money whose split is not published", assumeNone: "none (do not show)",
    copyLink: "Copy link", linkLabel: "Link to the scenario", copied: "The link is copied.", copyFailed: "Copy the link from the field.",
    openTitle: "Not shown yet", fillOutcomes: "Enter the outcomes", chooseKey: "Choose a key",
    amountLabel: "amount", whyLabel: "Why",
    coverage: { all: "allocated in full", part: "in part", nothing: "nothing ahead of time" },
    field: { value: "value this year", previous: "value last year", met: "requirement met" },
    measureHeading: (m) => `Measure ${m}`, readBy: "Read by",
    perCapita: "kr per inhabitant", perCapitaNote: (key) => `Kr per inhabitant by the population ${key}.`,
    map: "Map", mapAmount: "amount", mapPerCapita: "kr per inhabitant", mapCredit: "Boundaries: Lantmäteriet (CC0), simplified; coastline: Natural Earth (public domain).",
    mapNone: "nothing allocated", mapLabel: (name, amount, pc) => `${name}: ${amount}${pc ? `, ${pc} per inhabitant` : ""}`,
    chartDesc: (n, top, total) => `Bars for ${n} recipients, the amounts of the table; the largest: ${top}; in all ${total}.`,
    recipientTitle: "One recipient across every agreement", recipientLabel: "Recipient", yearLabel: "Year", allYears: "every year",
    yearTitle: "Every recipient and agreement of one year", levelLabel: "Level", levelAsPaid: "as paid", levelRegions: "summed per region",
    changeTitle: "Change between two splits, decomposed", changeHelp: "The difference is split exactly into: the pot changed, the recipient's share of the key changed, and rounding.",
    changeAgainst: "Against agreement", changeComponent: "Component", allParts: "the whole agreement", changeKeyA: "Key A", changeKeyB: "Key B", same: "the same", keyOwn: "the agreement's own",
    sensitivityTitle: "Sensitivity to the key date", allAgreements: "all of the catalog",
    openMoney: "Money that cannot be computed yet", viewError: "Cannot show:",
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
  view: "calc", // "calc" or "check"
  agreement: null, // the agreement as an object (catalog, demo or pasted)
  agreementText: null,
  key: undefined, // undefined: the agreement's own key
  unit: "krona",
  outcomes: {},
  result: null, // the Allocation object
  totals: null, // its totals by recipient, component and date (Allocation.totals)
  notes: [], // what it does not cover, and why (Allocation.notes, in the core's language)
  pivotObj: null, // its Pivot object (for the core's headers when the table's shape changes)
  pivot: null, // the pivot's JSON form, for drawing
  error: null,
  selected: null,
  assume: undefined, // a key for money whose split the sources do not give (ShownOptions.assume)
  open: [], // what is not shown, why, and what could be supplied (ShownResult.open)
  measures: [], // the outcome inputs, one per measure the criteria read (ShownResult.measures)
  perCapita: null, // kr per invånare of the recipients' totals (ShownResult.perCapita)
  mapBy: "amount", // the map's colours: "amount" or "per_capita"
  // the other views' choices
  recipient: { code: "12", year: "2022" },
  year: { year: "2022", level: "" },
  change: { code: "12", agreement: "okad-tillganglighet-2022", component: "block-2", against: "", keyA: "", keyB: "population:regions:2023-11-01" },
  sensitivity: { agreement: "okad-tillganglighet-2022" },
};
let demo = null;
let demoOutcomes = {};
let catalog = null;

const t = (k) => TEXT[state.lang][k];

/** An amount (a plain decimal string) for display, as core writes it for people, with
 * no-break spaces so that it never wraps: "1 382 000 000 kr". */
const money = (amount) => v.formatKr(amount, true);

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

// ------------------------------------------------------------------ inputs
let ref = null;

function fillAgreementSelect() {
  const s = $("agreement");
  const keep = s.value || "demo";
  s.replaceChildren(el("option", { value: "demo" }, t("demo")));
  const g = el("optgroup", { label: t("catalogGroup") });
  for (const a of catalog.agreements) {
    const title = state.lang === "en" && a.title_en ? a.title_en : a.title;
    // how much of it can be computed as it stands (the core's coverage): marked in the list
    const cov = coverage.get(a.id);
    g.append(el("option", { value: "catalog:" + a.id, "data-coverage": cov ?? "" }, `${title} (${a.years.join(", ")})${cov ? ` – ${t("coverage")[cov]}` : ""}`));
  }
  s.append(g, el("option", { value: "paste" }, t("paste")));
  s.value = keep;
}

/** The bundled keys as options: population at every date, the care-need key of 2024. */
function keyOptions() {
  const out = ref.population_dates.regions.map((d) => el("option", { value: `population:regions:${d}` }, `${t("keyPopulation")} ${d} (population:regions:${d})`));
  out.push(el("option", { value: "needs:regions:2024" }, t("keyNeeds")));
  return out;
}

function fillKeySelect() {
  const s = $("key");
  const keep = s.value || "";
  s.replaceChildren(el("option", { value: "" }, t("keyDefault")), ...keyOptions(), el("option", { value: "paste" }, t("keyPaste")));
  s.value = keep;
  const a = $("assume");
  a.replaceChildren(el("option", { value: "" }, t("assumeNone")), ...keyOptions());
  a.value = state.assume ?? "";
}

/** How much of every catalog agreement can be computed as it stands (ShownResult.coverage). */
const coverage = new Map();

function setAgreement(obj, text, outcomes) {
  state.agreement = obj;
  state.agreementText = text;
  state.outcomes = outcomes ?? {};
  state.selected = null;
  const a = obj;
  // the agreement may be anything pasted: what is shown of it must not throw
  const amount = a?.amount ? (typeof a.amount === "string" ? a.amount : a.amount.value) : null;
  const shown = [a?.id, Array.isArray(a?.years) ? a.years.join(", ") : null, typeof amount === "string" ? guardedMoney(amount) : null];
  $("agreement-info").textContent = a ? shown.filter(Boolean).join(" · ") : "";
}

/** An amount for display, or nothing when it is not one (a pasted file may hold anything). */
function guardedMoney(amount) {
  try {
    return money(amount);
  } catch {
    return null;
  }
}

/** Run a change of the inputs; a failure clears the result and says why: the screen never
 * shows a result for other inputs than those on it. */
function guarded(change) {
  try {
    change();
  } catch (e) {
    setResult(null, null);
    state.error = e;
    render([]);
  }
}

function chooseAgreement() {
  guarded(chooseAgreementNow);
}

function chooseAgreementNow() {
  const val = $("agreement").value;
  $("paste-agreement").hidden = val !== "paste";
  if (val === "demo") setAgreement(JSON.parse(demo), demo, structuredClone(demoOutcomes));
  else if (val.startsWith("catalog:")) setAgreement(v.agreement(val.slice(8)), null, {});
  else return; // paste: wait for "use"
  recompute();
}

function usePastedAgreement() {
  guarded(usePastedAgreementNow);
}

function usePastedAgreementNow() {
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

/** What the outcome inputs were last drawn for (language, measures, recipients). */
let outcomesDrawn = null;

/** One table of inputs per measure the criteria read (the core's ShownResult.measures):
 * the fields its tests read (value, last year's value, met), per recipient. */
function renderOutcomes() {
  const measures = state.measures;
  $("outcomes-card").hidden = measures.length === 0;
  const shape = JSON.stringify([state.lang, state.agreementText === demo, measures]);
  if (outcomesDrawn === shape) return;
  outcomesDrawn = shape;
  const box = $("outcomes");
  box.replaceChildren();
  if (!measures.length) return;
  if (state.agreementText === demo) box.append(el("button", { type: "button", onclick: () => { state.outcomes = structuredClone(demoOutcomes); outcomesDrawn = null; recompute(); } }, t("loadDemoOutcomes")));
  for (const m of measures) {
    const head = el("tr", {}, el("th", { scope: "col" }, t("code")), el("th", { scope: "col" }, t("name")), ...m.fields.map((f) => el("th", { scope: "col" }, t("field")[f])));
    const table = el("table", { class: "small outcomes", "data-measure": m.measure }, el("thead", {}, head));
    const body = el("tbody");
    for (const [code, name] of m.recipients) {
      const o = state.outcomes[m.measure]?.[code] ?? {};
      const tr = el("tr", {}, el("td", {}, code), el("th", { scope: "row" }, name));
      for (const f of m.fields) {
        // the label names the region, the measure and the field: "Region Stockholm, wait90, värde i år"
        const attrs = { "aria-label": `${name}, ${m.measure}, ${t("field")[f]}`, "data-recipient": code, "data-field": f };
        const input = f === "met"
          ? el("input", { type: "checkbox", ...attrs })
          : el("input", { type: "text", inputmode: "decimal", size: "6", value: o[f] ?? "", ...attrs });
        if (f === "met") input.checked = o.met === true;
        input.addEventListener("change", () => {
          const cur = ((state.outcomes[m.measure] ??= {})[code] ??= {});
          if (f === "met") cur.met = input.checked;
          else if (input.value.trim() === "") delete cur[f];
          else cur[f] = input.value.trim();
          recompute();
        });
        tr.append(el("td", {}, input));
      }
      body.append(tr);
    }
    table.append(body);
    const readers = m.criteria.map((c) => el("li", {}, `${c.criterion} (${c.component}): ${c.name} — ${c.test}`));
    box.append(el("div", { class: "measure" }, el("h3", {}, t("measureHeading")(m.measure)), el("p", { class: "muted crit" }, t("readBy")), el("ul", { class: "muted crit" }, ...readers), el("div", { class: "scroll" }, table)));
  }
}

/** What cannot be shown yet: the core's reasons and what could be supplied, with the input
 * for exactly that (the outcomes of the measures named, or a key). */
function renderOpen() {
  const open = state.open;
  $("open-card").hidden = open.length === 0;
  $("assume-field").hidden = !open.some((o) => o.supply.type === "key") && !state.assume;
  let html = "";
  for (const o of open) {
    const amount = o.amount ? ` <span class="num">${esc(money(o.amount))}</span>` : "";
    let action = "";
    if (o.supply.type === "outcomes") action = `<button type="button" class="secondary" data-go="outcomes" data-measure="${esc(o.supply.measures[0] ?? "")}">${esc(t("fillOutcomes"))}</button>`;
    if (o.supply.type === "key") action = `<button type="button" class="secondary" data-go="assume">${esc(t("chooseKey"))}</button>`;
    let why = "";
    for (const f of o.why) why += `<li>${esc(f.msg)} ${findingRef(f)}</li>`;
    html += `<li class="missing" data-component="${esc(o.component ?? "")}" data-supply="${esc(o.supply.type)}"><strong>${esc(o.name)}</strong>${amount}<p>${esc(o.hint.msg)}</p>${action}<details><summary>${esc(t("whyLabel"))}</summary><ul>${why}</ul></details></li>`;
  }
  setHtml($("open"), html);
}

// ------------------------------------------------------------------ compute
/** The findings of validating `input`: the last ones again while the agreement is the same
 * (they depend on the agreement alone, not on the key, the unit or the outcomes). */
let validated = { input: undefined, lang: undefined, findings: [] };

function findingsOf(input) {
  if (validated.input === input && validated.lang === state.lang) return validated.findings;
  let findings;
  try {
    findings = v.validate(input).toJSON();
  } catch (e) {
    findings = e.errors ?? [{ code: "invalid_value", severity: "error", loc: [], msg: String(e), ctx: {} }];
  }
  validated = { input, lang: state.lang, findings };
  return findings;
}

/** The result shown: the Allocation and its Pivot (the one before is freed), and what the
 * page draws of them: the pivot's JSON form, the totals and the notes (no JSON form of the
 * allocation's rows: an explanation asks for them when it is shown). */
function setResult(result, pivot) {
  state.pivotObj?.free();
  state.result = result;
  state.pivotObj = pivot;
  state.pivot = pivot?.toJSON() ?? null;
  state.totals = result?.totals ?? null;
  state.notes = result?.notes ?? [];
  resultRows = null;
}

/** The rows of the result shown (their JSON form), made once and only when asked for. */
let resultRows = null;
const rowsOfResult = () => (resultRows ??= state.result?.rows ?? []);

/** Allocate with the current inputs and show the result; returns the milliseconds taken. */
function recompute() {
  const t0 = performance.now();
  // the text of the agreement when there is one (the demo, a paste): the core reads it
  // as it is, without a JSON round trip of the object (a fifth of the allocation's time)
  const input = state.agreementText ?? state.agreement ?? "";
  const options = { outcomes: state.outcomes, unit: state.unit };
  if (state.key !== undefined) options.key = state.key; // an empty pasted key is an error, not the agreement's key
  if (state.assume) options.assume = state.assume;
  try {
    // what can be shown: every pot that can be allocated, and for the rest why and what
    // could be supplied (the core's ShownResult)
    const shown = v.shown(input, options);
    const result = shown.allocation; // an Allocation object
    state.open = shown.open;
    state.measures = shown.measures;
    state.perCapita = shown.perCapita;
    shown.free();
    setResult(result, result.pivot());
    state.error = null;
  } catch (e) {
    setResult(null, null);
    state.open = [];
    state.measures = [];
    state.perCapita = null;
    state.error = e;
  }
  renderOutcomes();
  render(findingsOf(input));
  saveUrl();
  const ms = performance.now() - t0;
  $("timing").textContent = t("timing")(ms.toFixed(1));
  return ms;
}

// ------------------------------------------------------------------ output
// The result is drawn as HTML text, one assignment per part, and a part whose text is the
// same as last time is left alone (no new nodes, no style or layout of it again).
const ESC = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ESC[c]);
const drawn = new WeakMap(); // element → the HTML last set

function setHtml(e, html) {
  if (drawn.get(e) === html) return;
  e.innerHTML = html;
  drawn.set(e, html);
}

/** `money` for one drawing: an amount that occurs again (a zero, a total) is formatted once. */
function moneyOnce() {
  const seen = new Map();
  return (amount) => {
    let s = seen.get(amount);
    if (s === undefined) seen.set(amount, (s = money(amount)));
    return s;
  };
}

function columnLabel(c) {
  let s = componentName(c.component);
  if (c.tranche) s += ` / ${c.tranche}`;
  if (c.date) s += ` (${c.date})`;
  return s;
}

function render(findings) {
  const err = $("error");
  err.hidden = !state.error;
  let html = "";
  if (state.error) {
    const errors = state.error.errors ?? [];
    html = `<strong>${esc(t("errorTitle"))}</strong><ul>`;
    for (const f of errors) html += `<li>${esc(f.msg)} ${findingRef(f)}</li>`;
    if (!errors.length) html += `<li>${esc(String(state.error))}</li>`;
    html += "</ul>";
  }
  setHtml(err, html);
  const fmt = moneyOnce();
  renderOpen();
  renderTable(fmt);
  renderMap(fmt);
  renderChart(fmt);
  renderTotals(fmt);
  renderFindings(findings);
  renderExplain();
  renderDownloads();
}

/** A finding's code and location, after its message: for who looks it up or reports it. */
function findingRef(f) {
  const loc = f.loc.join(".");
  return `<code class="ref">${esc(f.code)}${loc ? ` · ${esc(loc)}` : ""}</code>`;
}

/** What the table was last drawn from: its shape (language, columns, recipients), and per
 * row its cells, so that a recompute of the same shape only changes the amounts that changed. */
let tableDrawn = null;

function renderTable(fmt) {
  const table = $("alloc-table");
  const p = state.pivot;
  const summary = $("summary");
  const note = $("percapita-note");
  const pcKey = state.perCapita?.key ?? "";
  const pcText = pcKey && p?.columns.length ? t("perCapitaNote")(pcKey) : "";
  if (note.textContent !== pcText) note.textContent = pcText;
  if (!p || !p.columns.length) {
    summary.textContent = !p ? "" : t("nothing");
    if (p) summary.dataset.total = p.total;
    table.replaceChildren();
    tableDrawn = null;
    return;
  }
  const potAmount = state.agreement?.amount ? (typeof state.agreement.amount === "string" ? state.agreement.amount : state.agreement.amount.value) : null;
  const text = t("summary")(fmt(p.total), potAmount ? fmt(potAmount) : null, potAmount === p.total);
  if (summary.textContent !== text) summary.textContent = text;
  summary.dataset.total = p.total;
  const many = p.columns.length > 1;
  const labels = p.columns.map(columnLabel);
  // kr per invånare from the core (ShownResult.perCapita), by recipient
  const pc = new Map((state.perCapita?.rows ?? []).map((r) => [r.recipient, r.per_capita]));
  const withPc = pc.size > 0;
  const shape = JSON.stringify([state.lang, labels, p.rows.map((r) => [r.recipient, r.name]), withPc]);
  const selected = state.selected?.recipient;
  if (tableDrawn?.shape === shape && table.rows.length) {
    // the same columns and recipients: change the amounts that changed, nothing else
    const setAmount = (cell, amount) => {
      if (!cell || cell.amount === amount) return;
      cell.amount = amount;
      cell.td.setAttribute("data-amount", amount);
      cell.text.data = amount === "" ? "" : fmt(amount);
    };
    p.rows.forEach((r, k) => {
      const row = tableDrawn.rows[k];
      r.amounts.forEach((amt, i) => setAmount(row.cells[i], amt));
      if (many) setAmount(row.total, r.total);
      if (withPc) setAmount(row.pc, pc.get(r.recipient) ?? "");
      if (row.selected !== (r.recipient === selected)) row.tr.classList.toggle("selected", (row.selected = r.recipient === selected));
    });
    p.totals.forEach((amt, i) => setAmount(tableDrawn.foot[i], amt));
    if (many) setAmount(tableDrawn.foot[p.totals.length], p.total);
    return;
  }
  // the headers of the code, name and total columns and the label of the sums: the core's
  // (its pivot table, in the core's language), read once per shape
  const h = coreHeaders();
  // on a phone only the name, the total and kr per invånare are shown (class "pot": the
  // per-pot columns of a table with several)
  const pot = many ? "num pot" : "num";
  let html = `<thead><tr><th class="code" scope="col">${esc(h.code)}</th><th class="name" scope="col">${esc(h.name)}</th>`;
  for (const label of labels) html += `<th class="${pot}" scope="col">${esc(label)}</th>`;
  if (many) html += `<th class="num" scope="col">${esc(h.total)}</th>`;
  if (withPc) html += `<th class="num pc" scope="col">${esc(t("perCapita"))}</th>`;
  html += "</tr></thead><tbody>";
  // a click (or Enter) on an amount explains that amount, elsewhere on a row the recipient's
  // (see main); amounts and names take keyboard focus
  for (const r of p.rows) {
    const code = esc(r.recipient);
    html += `<tr data-recipient="${code}"${r.recipient === selected ? ' class="selected"' : ""}><td class="code">${code}</td><th class="name" scope="row" tabindex="0">${esc(r.name)}</th>`;
    for (let i = 0; i < r.amounts.length; i++) html += `<td class="${pot}" tabindex="0" data-col="${i}" data-amount="${esc(r.amounts[i])}">${esc(fmt(r.amounts[i]))}</td>`;
    if (many) html += `<td class="num total" tabindex="0" data-amount="${esc(r.total)}">${esc(fmt(r.total))}</td>`;
    if (withPc) {
      const x = pc.get(r.recipient) ?? "";
      html += `<td class="num pc" data-amount="${esc(x)}">${x ? esc(fmt(x)) : ""}</td>`;
    }
    html += "</tr>";
  }
  html += `</tbody><tfoot><tr><td class="code"></td><th class="name" scope="row">${esc(h.sum)}</th>`;
  p.totals.forEach((amt, i) => {
    const last = !many && i === p.totals.length - 1;
    html += `<th class="${pot}"${last ? ' id="grand-total"' : ""} data-amount="${esc(amt)}">${esc(fmt(amt))}</th>`;
  });
  if (many) html += `<th class="num" id="grand-total" data-amount="${esc(p.total)}">${esc(fmt(p.total))}</th>`;
  if (withPc) html += `<th class="num pc"></th>`;
  table.innerHTML = html + "</tr></tfoot>";
  const cell = (td) => td && { td, text: td.firstChild ?? td.appendChild(document.createTextNode("")), amount: td.getAttribute("data-amount") };
  tableDrawn = {
    shape,
    rows: [...table.tBodies[0].rows].map((tr) => ({
      tr,
      selected: tr.classList.contains("selected"),
      cells: [...tr.querySelectorAll("td[data-col]")].map(cell),
      total: cell(tr.querySelector("td.total")),
      pc: cell(tr.querySelector("td.pc")),
    })),
    foot: [...table.tFoot.querySelectorAll("th[data-amount]")].map(cell),
  };
}

/** The core's headers of the pivot table shown: code, name, total, and the label of its
 * footer (the sums). */
function coreHeaders() {
  const table = state.pivotObj.table();
  const header = (id) => table.columns.find((c) => c.id === id)?.header ?? "";
  const foot = table.footer?.[0] ?? [];
  const nameAt = table.columns.findIndex((c) => c.id === "name");
  const sum = foot[nameAt];
  return { code: header("code"), name: header("name"), total: header("total"), sum: typeof sum === "string" ? sum : "" };
}

function select(recipient, column) {
  state.selected = { recipient, column };
  for (const row of tableDrawn?.rows ?? []) row.tr.classList.toggle("selected", (row.selected = row.tr.dataset.recipient === recipient));
  renderExplain();
  renderMap(moneyOnce());
}

function renderExplain() {
  const box = $("explain");
  const s = state.selected;
  const recipient = s && state.pivot?.rows.find((r) => r.recipient === s.recipient);
  if (!recipient || !state.result) {
    box.hidden = true;
    return;
  }
  // the core's explanations of the recipient's amounts, in row order and in the core's
  // language: one call; for one amount (a column), the rows say which are its
  let texts = state.result.explain(s.recipient);
  const col = s.column === null ? null : state.pivot.columns[s.column];
  let shown = texts.map(() => true);
  if (col) {
    const theirs = rowsOfResult().filter((r) => r.recipient === s.recipient);
    if (texts.length !== theirs.length) texts = theirs.map((r) => v.explainRow(r));
    shown = theirs.map((r) => r.component === col.component && (r.tranche ?? null) === (col.tranche ?? null));
  }
  if (!shown.includes(true)) {
    box.hidden = true;
    return;
  }
  let html = `<h3>${esc(t("explainFor")(recipient.name))}</h3><ol>`;
  texts.forEach((text, i) => {
    if (shown[i]) html += `<li>${esc(text)}</li>`;
  });
  box.hidden = false;
  setHtml(box, html + "</ol>");
}

const PALETTE = ["#1f5f8b", "#e07b39", "#3a9d5d", "#b03a48", "#7a5195", "#c9a227", "#2f9c9c", "#6b6b6b"];
const CHART = { W: 760, LABEL: 190, VALUE: 150, BAR: 16, GAP: 5, TOP: 8 };

/** What the chart was last drawn from (language, components, recipients) and its bars, so
 * that a recompute of the same shape moves the bars and changes the figures, nothing else. */
let chartDrawn = null;

function renderChart(fmt) {
  const box = $("chart");
  const p = state.pivot;
  $("chart-card").hidden = !p || !p.columns.length;
  if (!p || !p.columns.length) {
    box.replaceChildren();
    chartDrawn = null;
    return;
  }
  // one stack per recipient, one colour per component (tranches of a component merged)
  const comps = [...new Set(p.columns.map((c) => c.component))];
  const colsOf = comps.map((comp) => p.columns.flatMap((c, i) => (c.component === comp ? [i] : [])));
  const names = comps.map(componentName);
  const rows = p.rows.map((r) => ({
    name: r.name,
    total: Number(r.total), // for drawing only; the figures shown are the exact strings
    // a component of one column: its exact amount; of several (tranches): their sum, as before
    parts: colsOf.map((cols) => (cols.length === 1 ? r.amounts[cols[0]] : String(cols.reduce((s, i) => s + Number(r.amounts[i]), 0)))),
    label: fmt(r.total),
  }));
  // the chart's text alternative: what it shows, the largest bar and the total
  const top = p.rows.reduce((a, b) => (Number(b.total) > Number(a.total) ? b : a), p.rows[0]);
  const desc = top ? t("chartDesc")(p.rows.length, `${top.name} ${fmt(top.total)}`, fmt(p.total)) : "";
  if ($("chart-desc").textContent !== desc) $("chart-desc").textContent = desc;
  const { W, LABEL, VALUE, BAR, GAP, TOP } = CHART;
  const max = Math.max(1, ...rows.map((r) => r.total));
  const scale = (W - LABEL - VALUE) / max;
  // A row's stack is drawn as one bar per component from the left edge to where that
  // component's part ends, the last underneath: a change of the amounts changes widths
  // only. A part of nothing ends where the part before it ends (hidden under it).
  const ends = (r) => {
    let x = 0;
    return r.parts.map((part) => {
      const w = Number(part) * scale;
      if (!(w > 0)) return x;
      const end = x + Math.max(w, 0.5);
      x += w;
      return end;
    });
  };
  const shape = JSON.stringify([state.lang, names, rows.map((r) => r.name)]);
  if (chartDrawn?.shape === shape && box.firstChild) {
    rows.forEach((r, i) => {
      const drawn = chartDrawn.rows[i];
      const widths = ends(r);
      widths.forEach((width, j) => {
        const d = drawn.bars[j];
        if (d.width !== width) d.rect.setAttribute("width", (d.width = width));
        if (d.part !== r.parts[j]) {
          d.part = r.parts[j];
          d.title.data = `${r.name}: ${names[j]} ${fmt(d.part)}`;
        }
      });
      const end = LABEL + Math.max(0, ...widths);
      if (drawn.end !== end) drawn.value.setAttribute("x", (drawn.end = end) + 6);
      if (drawn.label !== r.label) drawn.value.firstChild.data = drawn.label = r.label;
    });
    return;
  }
  const legendH = 20 * comps.length;
  const H = TOP + rows.length * (BAR + GAP) + legendH + 8;
  let svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="chart-title chart-desc">`;
  const drawnRows = rows.map((r, i) => {
    const y = TOP + i * (BAR + GAP);
    svg += `<text x="${LABEL - 6}" y="${y + BAR - 4}" text-anchor="end" class="chart-label">${esc(r.name)}</text>`;
    const widths = ends(r);
    for (let j = widths.length - 1; j >= 0; j--) {
      svg += `<rect x="${LABEL}" y="${y}" width="${widths[j]}" height="${BAR}" fill="${PALETTE[j % PALETTE.length]}"><title>${esc(`${r.name}: ${names[j]} ${fmt(r.parts[j])}`)}</title></rect>`;
    }
    const end = LABEL + Math.max(0, ...widths);
    svg += `<text x="${end + 6}" y="${y + BAR - 4}" class="chart-value">${esc(r.label)}</text>`;
    return { bars: widths.map((width, j) => ({ width, part: r.parts[j] })), end, label: r.label };
  });
  comps.forEach((comp, j) => {
    // the legend's full text, one line per component
    const y = TOP + rows.length * (BAR + GAP) + 8 + j * 20;
    const x = 8;
    svg += `<rect x="${x}" y="${y}" width="12" height="12" fill="${PALETTE[j % PALETTE.length]}"></rect>`;
    svg += `<text x="${x + 16}" y="${y + 11}" class="chart-legend">${esc(names[j])}</text>`;
  });
  box.innerHTML = svg + "</svg>";
  const drawnSvg = box.firstChild;
  const rects = drawnSvg.querySelectorAll("rect");
  const values = drawnSvg.querySelectorAll("text.chart-value");
  let n = 0;
  drawnRows.forEach((d, i) => {
    for (let j = d.bars.length - 1; j >= 0; j--) {
      const bar = d.bars[j];
      bar.rect = rects[n++];
      bar.title = bar.rect.firstChild.firstChild;
    }
    d.value = values[i];
  });
  chartDrawn = { shape, rows: drawnRows };
}

// ------------------------------------------------------------------ map
const MAP_COLOURS = ["#deebf7", "#b4d0e8", "#83b2d6", "#5390bf", "#2b6ea3", "#144a7a"];
const REGION_CODES = new Set(REGIONS.map((r) => r.code));
let mapDrawn = null;

/** The regions coloured by their total or kr per invånare, each focusable, with the same
 * explanation as the table on click or Enter; a legend with the full ranges. */
function renderMap(fmt) {
  const card = $("map-card");
  const p = state.pivot;
  const rows = new Map((p?.rows ?? []).filter((r) => REGION_CODES.has(r.recipient)).map((r) => [r.recipient, r]));
  card.hidden = !p || !p.columns.length || rows.size === 0;
  if (card.hidden) {
    mapDrawn = null;
    return;
  }
  const pc = new Map((state.perCapita?.rows ?? []).map((r) => [r.recipient, r.per_capita]));
  const by = state.mapBy === "per_capita" && pc.size ? "per_capita" : "amount";
  const valueOf = (code) => (by === "amount" ? rows.get(code)?.total : pc.get(code));
  // for colouring only (the figures shown are the exact strings)
  const nums = [...rows.keys()].map(valueOf).filter((x) => x !== undefined).map(Number);
  const lo = Math.min(...nums);
  const hi = Math.max(...nums);
  const classes = MAP_COLOURS.length;
  const classOf = (x) => (hi > lo ? Math.min(classes - 1, Math.floor(((Number(x) - lo) / (hi - lo)) * classes)) : classes - 1);
  const key = JSON.stringify([state.lang, by, [...rows.keys()].map((c) => [c, rows.get(c).total, pc.get(c)]), state.selected?.recipient]);
  if (mapDrawn === key) return;
  mapDrawn = key;
  let svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${VIEWBOX}" role="group" aria-labelledby="map-title">`;
  for (const reg of REGIONS) {
    const row = rows.get(reg.code);
    const name = row?.name ?? reg.name;
    const val = valueOf(reg.code);
    const label = row ? t("mapLabel")(name, fmt(row.total), pc.get(reg.code) ? fmt(pc.get(reg.code)) : null) : `${name}: ${t("mapNone")}`;
    const fill = val === undefined ? "#eeeeee" : MAP_COLOURS[classOf(val)];
    const sel = state.selected?.recipient === reg.code ? " selected" : "";
    svg += `<path class="region${sel}" d="${reg.d}" fill="${fill}" data-region="${reg.code}" data-value="${esc(val ?? "")}"${row ? ' tabindex="0" role="button"' : ""} aria-label="${esc(label)}"><title>${esc(label)}</title></path>`;
  }
  $("map").innerHTML = svg + "</svg>";
  // the legend: each class's range, written by the core's formatting (whole kronor, or öre per invånare)
  const step = (hi - lo) / classes;
  const bound = (x) => fmt(by === "amount" ? String(Math.round(x)) : (Math.round(x * 100) / 100).toFixed(2));
  let legend = "";
  for (let i = 0; i < classes && hi > lo; i++) {
    legend += `<li><span class="swatch" style="background:${MAP_COLOURS[i]}"></span>${esc(bound(lo + i * step))} – ${esc(bound(i === classes - 1 ? hi : lo + (i + 1) * step))}</li>`;
  }
  if (!(hi > lo)) legend = `<li><span class="swatch" style="background:${MAP_COLOURS[classes - 1]}"></span>${esc(bound(hi))}</li>`;
  const title = by === "amount" ? t("mapAmount") : t("mapPerCapita");
  setHtml($("map-legend"), `<li class="legend-title">${esc(title)}</li>${legend}`);
}

function renderTotals(fmt) {
  const totals = state.totals;
  for (const [id, list, label] of [
    ["by-component", totals?.by_component ?? [], (x) => componentName(x.name)],
    ["by-date", totals?.by_date ?? [], (x) => (x.key === "unscheduled" ? t("unscheduled") : x.key)],
  ]) {
    let html = "";
    for (const x of list) html += `<tr><td>${esc(label(x))}</td><td class="num" data-amount="${esc(x.amount)}">${esc(fmt(x.amount))}</td></tr>`;
    setHtml($(id), html && `<tbody>${html}</tbody>`);
  }
}

function renderFindings(findings) {
  renderFindingList($("findings"), [...findings, ...state.notes]);
}

function renderFindingList(ul, all) {
  let html = all.length ? "" : `<li class="muted">${esc(t("noFindings"))}</li>`;
  for (const f of all) {
    html += `<li class="finding ${esc(f.severity)}" data-code="${esc(f.code)}"><span class="badge">${esc(t("severity")[f.severity] ?? f.severity)}</span> ${esc(f.msg)} ${findingRef(f)}</li>`;
  }
  setHtml(ul, html);
}

// ------------------------------------------------------------------ downloads
/** Why nothing can be downloaded now, or null: an error, or nothing allocated (a file of
 * headers only helps nobody). */
function downloadBlocked() {
  if (state.error || !state.result) return t("downloadError");
  if (!state.pivot?.rows.length || !state.pivot.columns.length) return t("downloadNothing");
  return null;
}

function renderDownloads() {
  const why = downloadBlocked();
  for (const id of ["csv", "xlsx"]) {
    const b = $(id);
    if (b.disabled !== Boolean(why)) b.disabled = Boolean(why);
    if (b.title !== (why ?? "")) b.title = why ?? "";
  }
  const reason = $("download-reason");
  if (reason.textContent !== (why ?? "")) reason.textContent = why ?? "";
  reason.hidden = !why;
}

/** Save `data` as the file `name`. */
function download(data, name, type) {
  const link = el("a", { href: URL.createObjectURL(new Blob([data], { type })), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

/** The allocation as the core's CSV for Swedish Excel (`toCsv(true)`: semicolons, decimal
 * comma, a byte-order mark, codes kept as text; headers in the core's language). */
function downloadCsv() {
  if (downloadBlocked()) return;
  download(state.result.toCsv(true), "fördelning.csv", "text/csv;charset=utf-8");
}

/** The allocation as the core's Excel workbook (`toExcel()`: the table, every amount, the
 * pots and the notes, one sheet each; amounts as numbers in kronor). */
function downloadXlsx() {
  if (downloadBlocked()) return;
  download(state.result.toExcel(), "fördelning.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
}

// ------------------------------------------------------------------ check a published table
const check = { result: null, error: null };

const VIEWS = ["calc", "recipient", "year", "change", "sensitivity", "check"];

/** Show one view (a tab); the others' panels are hidden. */
function chooseView(view, focus = false) {
  if (!VIEWS.includes(view)) view = "calc";
  state.view = view;
  for (const name of VIEWS) {
    const tab = $(`tab-${name}`);
    $(`${name}-view`).hidden = name !== view;
    tab.setAttribute("aria-selected", String(name === view));
    tab.tabIndex = name === view ? 0 : -1;
  }
  if (focus) $(`tab-${view}`).focus();
  renderView();
  saveUrl();
}

/** The tabs with the keyboard: arrows, Home and End move to a tab and show it. */
function tabKeys(ev) {
  const at = VIEWS.indexOf(state.view);
  const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: VIEWS.length - 1 }[ev.key];
  if (to === undefined) return;
  ev.preventDefault();
  chooseView(VIEWS[(to + VIEWS.length) % VIEWS.length], true);
}

// ------------------------------------------------------------------ the views across agreements
/** The core's table of a view as HTML (its `toHtml()`), in a scrolling box, and the money
 * that cannot be computed with why (in the core's language). */
function viewHtml(result, open = []) {
  let html = `<div class="scroll" tabindex="0" role="region" aria-label="${esc(t(`tab${state.view[0].toUpperCase()}${state.view.slice(1)}`))}">${result.toHtml()}</div>`;
  if (open.length) {
    html += `<h3>${esc(t("openMoney"))}</h3><ul class="open-money">`;
    for (const o of open) html += `<li><code>${esc(o.agreement)}${o.component ? `/${esc(o.component)}` : ""}</code>${o.amount ? ` ${esc(money(o.amount))}` : ""}: ${esc(o.why.msg)}</li>`;
    html += "</ul>";
  }
  return html;
}

/** Run `f` (which returns HTML) into the box of the current view; an error in the common shape. */
function intoView(box, f) {
  try {
    box.innerHTML = f();
  } catch (e) {
    const errors = e.errors ?? [];
    let html = `<div class="error"><strong>${esc(t("viewError"))}</strong><ul>`;
    for (const x of errors) html += `<li>${esc(x.msg)} ${findingRef(x)}</li>`;
    if (!errors.length) html += `<li>${esc(String(e))}</li>`;
    box.innerHTML = html + "</ul></div>";
  }
}

function renderView() {
  const use = (r, f) => {
    try {
      return f(r);
    } finally {
      r.free();
    }
  };
  switch (state.view) {
    case "recipient": {
      const { code, year } = state.recipient;
      intoView($("recipient-out"), () => use(v.recipient(code, year ? Number(year) : undefined), (r) => viewHtml(r, r.open)));
      break;
    }
    case "year": {
      const { year, level } = state.year;
      intoView($("year-out"), () => use(v.year(Number(year), level || undefined), (r) => viewHtml(r, r.open)));
      break;
    }
    case "change": {
      const c = state.change;
      const options = { agreement: c.agreement };
      if (c.component) options.component = c.component;
      if (c.against) options.against = c.against;
      if (c.keyA) options.keyA = c.keyA;
      if (c.keyB) options.keyB = c.keyB;
      intoView($("change-out"), () => use(v.change(c.code, options), (r) => `<p class="sentence">${esc(r.sentence)}</p>${viewHtml(r)}${r.paradoxes.map((f) => `<p class="muted">${esc(f.msg)}</p>`).join("")}`));
      break;
    }
    case "sensitivity": {
      const a = state.sensitivity.agreement;
      intoView($("sensitivity-out"), () => use(v.sensitivity(a || undefined), (r) => {
        const notes = r.pots.flatMap((p) => p.paradoxes).map((f) => `<p class="muted">${esc(f.msg)}</p>`).join("");
        return viewHtml(r, r.open) + notes;
      }));
      break;
    }
    default:
  }
}

/** The choices of the views across agreements: recipients, years, agreements, keys. */
function fillViewSelects() {
  const recipients = () => [...ref.regions.map((r) => el("option", { value: r.code }, `${r.name} (${r.code})`)), el("option", { value: "SKR" }, "SKR")];
  const years = [...new Set(catalog.agreements.flatMap((a) => a.years))].sort();
  const agreements = (first) => [...(first ? [el("option", { value: "" }, first)] : []), ...catalog.agreements.map((a) => el("option", { value: a.id }, (state.lang === "en" && a.title_en) || a.title))];
  const fill = (id, opts, value) => {
    const s = $(id);
    s.replaceChildren(...opts);
    s.value = value;
  };
  fill("recipient-code", recipients(), state.recipient.code);
  fill("recipient-year", [el("option", { value: "" }, t("allYears")), ...years.map((y) => el("option", { value: String(y) }, String(y)))], state.recipient.year);
  fill("year-year", years.map((y) => el("option", { value: String(y) }, String(y))), state.year.year);
  $("year-level").value = state.year.level;
  fill("change-code", recipients(), state.change.code);
  fill("change-agreement", agreements(null), state.change.agreement);
  fill("change-component", [el("option", { value: "" }, t("allParts")), ...componentsOf(state.change.agreement).map((c) => el("option", { value: c.id }, `${c.name} (${c.id})`))], state.change.component);
  fill("change-against", agreements(t("same")), state.change.against);
  fill("change-key-a", [el("option", { value: "" }, t("keyOwn")), ...keyOptions()], state.change.keyA);
  fill("change-key-b", [el("option", { value: "" }, t("same")), ...keyOptions()], state.change.keyB);
  fill("sensitivity-agreement", agreements(t("allAgreements")), state.sensitivity.agreement);
}

/** The components of catalog agreement `id` that have a rule (what a change can compare). */
function componentsOf(id) {
  const out = [];
  const walk = (cs) => {
    for (const c of cs ?? []) {
      if (c.rule) out.push(c);
      else walk(c.components);
    }
  };
  walk(catalog.agreements.find((a) => a.id === id)?.components);
  return out;
}

/** Read the views' choices into the state and show the view again. */
function viewInputs(ev) {
  // another agreement: its own components to choose from
  if (ev?.target?.id === "change-agreement") {
    state.change.agreement = $("change-agreement").value;
    state.change.component = "";
    fillViewSelects();
  }
  state.recipient = { code: $("recipient-code").value, year: $("recipient-year").value };
  state.year = { year: $("year-year").value, level: $("year-level").value };
  state.change = { code: $("change-code").value, agreement: $("change-agreement").value, component: $("change-component").value, against: $("change-against").value, keyA: $("change-key-a").value, keyB: $("change-key-b").value };
  state.sensitivity = { agreement: $("sensitivity-agreement").value };
  renderView();
  saveUrl();
}

// ------------------------------------------------------------------ the permalink
/** The whole scenario in the URL (agreement, keys, outcomes, unit, language, view and the
 * views' choices), so that it can be shared, cited and reloaded. */
function scenarioParams() {
  const q = new URLSearchParams();
  const a = $("agreement").value;
  q.set("a", a);
  if (a === "paste" && state.agreementText && state.agreementText.length <= 20000) q.set("text", state.agreementText);
  if (state.key !== undefined) q.set("key", state.key);
  if (state.assume) q.set("assume", state.assume);
  if (state.unit !== "krona") q.set("unit", state.unit);
  if (state.lang !== "sv") q.set("lang", state.lang);
  if (state.view !== "calc") q.set("view", state.view);
  const isDemo = state.agreementText === demo && JSON.stringify(state.outcomes) === JSON.stringify(demoOutcomes);
  if (!isDemo && Object.keys(state.outcomes).length) q.set("outcomes", JSON.stringify(state.outcomes));
  if (state.mapBy !== "amount") q.set("map", state.mapBy);
  const views = { recipient: state.recipient, year: state.year, change: state.change, sensitivity: state.sensitivity };
  for (const [name, choice] of Object.entries(views)) for (const [k, val] of Object.entries(choice)) if (val) q.set(`${name}.${k}`, val);
  return q;
}

let restoring = false;

function saveUrl() {
  if (restoring || !document.body.dataset.ready) return;
  const url = `${location.pathname}?${scenarioParams()}`;
  if (url !== `${location.pathname}${location.search}`) history.replaceState(null, "", url);
  const link = $("link");
  if (link.value !== location.href) link.value = location.href;
}

/** The scenario of the URL (see scenarioParams) into the inputs and the state. */
function restoreUrl() {
  const q = new URLSearchParams(location.search);
  if (q.get("lang") === "en" || q.get("lang") === "sv") state.lang = q.get("lang");
  if (q.get("unit") === "ore") state.unit = "ore";
  $("unit").value = state.unit;
  if (q.has("key")) state.key = q.get("key");
  if (q.has("assume")) state.assume = q.get("assume");
  if (q.get("map") === "per_capita") state.mapBy = "per_capita";
  for (const r of document.querySelectorAll("input[name='map-by']")) r.checked = r.value === state.mapBy;
  for (const name of ["recipient", "year", "change", "sensitivity"]) {
    for (const k of Object.keys(state[name])) if (q.has(`${name}.${k}`)) state[name][k] = q.get(`${name}.${k}`);
  }
  let outcomes = null;
  try {
    outcomes = q.has("outcomes") ? JSON.parse(q.get("outcomes")) : null;
  } catch {
    outcomes = null; // a mangled link: the agreement's own defaults
  }
  const a = q.get("a") ?? "demo";
  return { a, text: q.get("text"), outcomes, view: q.get("view") ?? "calc" };
}

async function copyLink() {
  saveUrl();
  const status = $("copy-status");
  try {
    await navigator.clipboard.writeText(location.href);
    status.textContent = t("copied");
  } catch {
    $("link").select();
    status.textContent = t("copyFailed");
  }
}

/** The statement the reader entered: {pot?, rule?} as the package takes it. */
function statement() {
  const options = {};
  const pot = $("table-pot").value.trim();
  if (pot) options.pot = pot;
  const rule = $("table-rule").value;
  if (rule === "fixed") options.rule = `fixed-plus-population:${$("table-each").value.trim()}`;
  else if (rule) options.rule = rule;
  return options;
}

/** Reconcile the pasted table and show the result. */
function runCheck() {
  $("table-each-field").hidden = $("table-rule").value !== "fixed";
  try {
    const rec = v.reconcile($("table-text").value, statement());
    check.result = { ...rec.toJSON(), report: rec.toText() };
    check.error = null;
  } catch (e) {
    check.result = null;
    check.error = e;
  }
  renderCheck();
}

const amountOrEmpty = (a) => (a === null || a === undefined ? "" : money(a));

function renderCheck() {
  const err = $("check-error");
  err.hidden = !check.error;
  err.replaceChildren();
  if (check.error) {
    err.append(el("strong", {}, t("checkErrorTitle")));
    const list = el("ul");
    for (const f of check.error.errors ?? []) list.append(el("li", {}, el("code", {}, f.code), ` ${f.loc.join(".") || "(root)"}: ${f.msg}`));
    if (!(check.error.errors ?? []).length) list.append(el("li", {}, String(check.error)));
    err.append(list);
  }
  const r = check.result;
  $("check-result").hidden = !r;
  if (!r) return;
  const s = r.summary;
  const stats = $("check-stats");
  stats.replaceChildren(
    el("li", { class: s.adds_up ? "good" : "bad", "data-stat": "adds-up" }, t("statAddsUp")(s.adds_up)),
    el("li", { class: s.missing.length ? "bad" : "good", "data-stat": "regions" }, t("statRegions")(s.regions, s.missing)),
  );
  if (s.best) stats.append(el("li", { class: s.exact ? "good" : "bad", "data-stat": "best" }, t("statBest")(s.best, s.exact)));
  const rowsText = t("statRows")(s);
  if (rowsText) stats.append(el("li", { class: "bad", "data-stat": "rows" }, `${rowsText}.`));
  $("check-headline").textContent = t("headline")(s.headline);

  const rows = $("check-rows");
  const head = el("tr", {}, ...["line", "region", "published", "readAs", "expected", "difference", "verdictCol", "note"].map((k) => el("th", { class: ["line", "readAs", "expected", "difference"].includes(k) ? "num" : "" }, t(k))));
  const body = el("tbody");
  for (const row of r.rows) {
    body.append(el("tr", { "data-line": row.line, "data-verdict": row.verdict, class: `verdict-${row.verdict}` },
      el("td", { class: "num" }, row.line),
      el("td", {}, row.name),
      el("td", { class: "num printed" }, row.printed),
      el("td", { class: "num", "data-amount": row.amount ?? "" }, amountOrEmpty(row.amount)),
      el("td", { class: "num", "data-amount": row.expected ?? "" }, amountOrEmpty(row.expected)),
      el("td", { class: "num", "data-amount": row.diff ?? "" }, row.diff && row.diff !== "0" ? amountOrEmpty(row.diff) : ""),
      el("td", { class: "verdict" }, el("span", { class: "badge" }, t("verdict")[row.verdict] ?? row.verdict)),
      el("td", { class: "note" }, row.note ?? ""),
    ));
  }
  rows.replaceChildren(el("thead", {}, head), body);

  const totals = $("check-totals");
  totals.replaceChildren(el("tr", {}, el("th", {}), el("th", { class: "num" }, t("stated")), el("th", { class: "num" }, t("rowsSum")), el("th", { class: "num" }, t("difference")), el("th", {}, t("addsUp"))));
  for (const c of r.totals) {
    totals.append(el("tr", { "data-against": c.against, class: c.adds_up ? "good" : "bad" },
      el("td", {}, t("against")(c)),
      el("td", { class: "num" }, money(c.stated)),
      el("td", { class: "num" }, money(c.rows_sum)),
      el("td", { class: "num" }, c.diff === "0" ? "" : money(c.diff)),
      el("td", {}, c.adds_up ? `✓ ${t("yes")}` : `✗ ${t("no")}`),
    ));
    if (c.explanation) totals.append(el("tr", {}, el("td", { colspan: "5", class: "muted wrap" }, `${t("explanation")}: ${c.explanation}`)));
  }

  const fits = $("check-fits");
  fits.replaceChildren(el("tr", {}, el("th", {}, t("keyCol")), el("th", {}, t("roundingCol")), el("th", { class: "num" }, t("matching")), el("th", { class: "num" }, t("apart"))));
  for (const f of r.fits.slice(0, 6)) {
    fits.append(el("tr", { "data-key": f.key, "data-rounding": f.rounding, "data-exact": String(f.exact), class: f.exact ? "good" : "" },
      el("td", {}, el("code", {}, f.key), f.exact ? el("span", { class: "badge exact" }, t("exact")) : ""),
      el("td", {}, t("rounding")[f.rounding] ?? f.rounding),
      el("td", { class: "num" }, t("matchOf")(f.rows_matching, f.rows_compared)),
      el("td", { class: "num" }, f.exact ? "" : money(f.total_abs_diff)),
    ));
  }

  const implied = $("check-implied");
  implied.replaceChildren();
  if (r.implied) {
    const k = r.implied;
    const table = el("table", { class: "small" }, el("tr", {}, el("th", {}, t("region")), el("th", { class: "num" }, t("impliedPop")), el("th", { class: "num" }, t("bundledPop"))));
    for (const p of k.populations) table.append(el("tr", {}, el("td", {}, p.name), el("td", { class: "num" }, p.population.toLocaleString(state.lang === "sv" ? "sv-SE" : "en-GB")), el("td", { class: "num" }, p.bundled.toLocaleString(state.lang === "sv" ? "sv-SE" : "en-GB"))));
    implied.append(el("p", { id: "implied-text" }, t("implied")(k)), el("details", {}, el("summary", {}, t("impliedPop")), table));
  }

  renderFindingList($("check-findings"), r.findings);
  $("check-report").textContent = r.report;
}

async function loadExampleTable() {
  $("table-text").value = await fetch("../published-table.txt").then((res) => res.text());
  runCheck();
}

// ------------------------------------------------------------------ language
function applyLanguage() {
  v.setLang(state.lang); // the core's texts: explanations, findings, errors, headers, files
  document.documentElement.lang = state.lang;
  for (const e of document.querySelectorAll("[data-i18n]")) e.textContent = t(e.dataset.i18n);
  for (const e of document.querySelectorAll("[data-i18n-placeholder]")) e.placeholder = t(e.dataset.i18nPlaceholder);
  $("lang").textContent = state.lang === "sv" ? "English" : "Svenska";
  for (const e of document.querySelectorAll("[data-i18n-label]")) e.setAttribute("aria-label", t(e.dataset.i18nLabel));
  fillAgreementSelect();
  fillKeySelect();
  fillViewSelects();
  outcomesDrawn = null;
  recompute();
  renderView();
  if (check.result || check.error) renderCheck();
}

// ------------------------------------------------------------------ start
/** How much of each catalog agreement can be computed as it stands, for the list. */
function markCoverage() {
  for (const a of catalog.agreements) {
    try {
      const s = v.shown(a.id);
      coverage.set(a.id, s.coverage);
      s.free();
    } catch {
      coverage.set(a.id, "nothing");
    }
  }
}

/** The calculator's inputs, table and downloads. */
function wireCalc() {
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
  $("xlsx").addEventListener("click", downloadXlsx);
  // the table is drawn as HTML: one listener for every row and amount
  $("alloc-table").addEventListener("click", (ev) => {
    const tr = ev.target.closest("#alloc-table tbody tr");
    if (!tr) return;
    const td = ev.target.closest("td[data-col]");
    select(tr.dataset.recipient, td ? Number(td.dataset.col) : null);
  });
  // Enter or Space on a focused name or amount explains it, as a click does
  $("alloc-table").addEventListener("keydown", (ev) => {
    if (ev.key !== "Enter" && ev.key !== " ") return;
    const tr = ev.target.closest("#alloc-table tbody tr");
    if (!tr) return;
    ev.preventDefault();
    const td = ev.target.closest("td[data-col]");
    select(tr.dataset.recipient, td ? Number(td.dataset.col) : null);
  });
}

/** The map (a click, Enter or Space on a region) and the buttons of what is missing. */
function wireMapAndOpen() {
  // the map: a click, Enter or Space on a region explains its amounts, as the table does
  const mapSelect = (ev) => {
    const region = ev.target.closest("path[data-region][tabindex]");
    if (!region) return;
    if (ev.type === "keydown") {
      if (ev.key !== "Enter" && ev.key !== " ") return;
      ev.preventDefault();
    }
    select(region.dataset.region, null);
    $("explain").scrollIntoView({ block: "nearest" });
  };
  $("map").addEventListener("click", mapSelect);
  $("map").addEventListener("keydown", mapSelect);
  for (const r of document.querySelectorAll("input[name='map-by']")) {
    r.addEventListener("change", () => {
      state.mapBy = r.value;
      renderMap(moneyOnce());
      saveUrl();
    });
  }
  $("assume").addEventListener("change", () => {
    state.assume = $("assume").value || undefined;
    recompute();
  });
  $("open").addEventListener("click", (ev) => {
    const go = ev.target.closest("button[data-go]");
    if (!go) return;
    if (go.dataset.go === "assume") {
      $("assume-field").hidden = false;
      $("assume").focus();
      return;
    }
    $("outcomes-card").open = true;
    const first = $("outcomes").querySelector(`table[data-measure='${CSS.escape(go.dataset.measure)}'] input`) ?? $("outcomes").querySelector("input");
    first?.focus();
  });
}

/** The link, the tabs, the views across agreements, the check of a table, the language. */
function wireViewsAndCheck() {
  $("copy-link").addEventListener("click", copyLink);
  for (const name of VIEWS) $(`tab-${name}`).addEventListener("click", () => chooseView(name));
  document.querySelector(".tabs").addEventListener("keydown", tabKeys);
  for (const id of ["recipient-code", "recipient-year", "year-year", "year-level", "change-code", "change-agreement", "change-component", "change-against", "change-key-a", "change-key-b", "sensitivity-agreement"]) {
    $(id).addEventListener("change", viewInputs);
  }
  $("check").addEventListener("click", runCheck);
  $("table-example").addEventListener("click", loadExampleTable);
  $("table-file").addEventListener("change", async (ev) => {
    const f = ev.target.files?.[0];
    if (f) {
      $("table-text").value = await f.text();
      runCheck();
    }
  });
  // once a table has been checked, a changed statement checks it again (when complete)
  const recheck = () => {
    $("table-each-field").hidden = $("table-rule").value !== "fixed";
    const complete = $("table-rule").value !== "fixed" || $("table-each").value.trim() !== "";
    if ((check.result || check.error) && complete) runCheck();
  };
  for (const id of ["table-pot", "table-rule", "table-each"]) $(id).addEventListener("change", recheck);
  $("lang").addEventListener("click", () => {
    state.lang = state.lang === "sv" ? "en" : "sv";
    applyLanguage();
  });
}

/** The scenario of the URL (see restoreUrl), or the example, into the inputs. */
function openScenario(from) {
  const sel = $("agreement");
  sel.value = from.a;
  if (sel.value !== from.a) sel.value = "demo";
  if (state.key !== undefined) {
    const k = $("key");
    k.value = state.key;
    if (k.value !== state.key) {
      k.value = "paste";
      $("key-text").value = state.key;
      $("paste-key").hidden = false;
    }
  }
  if (sel.value === "paste" && from.text) {
    $("paste-agreement").hidden = false;
    $("agreement-text").value = from.text;
    let obj = null;
    try {
      obj = JSON.parse(from.text);
    } catch {
      obj = null;
    }
    setAgreement(obj, from.text, from.outcomes ?? {});
  } else if (sel.value.startsWith("catalog:")) {
    guarded(() => setAgreement(v.agreement(sel.value.slice(8)), null, from.outcomes ?? {}));
  } else {
    sel.value = "demo";
    setAgreement(JSON.parse(demo), demo, from.outcomes ?? structuredClone(demoOutcomes));
  }
}

async function main() {
  await init();
  v.setLang(state.lang);
  ref = v.reference();
  catalog = v.catalog();
  [demo, demoOutcomes] = await Promise.all([
    fetch("../demo-agreement.json").then((r) => r.text()),
    fetch("../demo-outcomes.json").then((r) => r.json()),
  ]);
  $("version").textContent = `vardavtal ${v.version()}`;
  markCoverage();
  restoring = true;
  const from = restoreUrl();
  fillAgreementSelect();
  fillKeySelect();
  wireCalc();
  wireMapAndOpen();
  wireViewsAndCheck();
  // for the end-to-end test and the curious: the package and the recompute step
  window.vardavtal = { v, recompute, state, check, runCheck, ready: true };
  openScenario(from);
  applyLanguage();
  restoring = false;
  document.body.dataset.ready = "true";
  chooseView(from.view);
}

main().catch((e) => {
  document.body.dataset.ready = "error";
  const box = $("error");
  box.hidden = false;
  box.textContent = TEXT[state.lang].loadFailed(e);
});
