// Keystroke latency of the search on a 10,000-offer board, measured in
// Chromium. The corpus comes from tools/gencorpus (seed 1); if that tool
// does not build, a small generator below writes 10,000 offers in layout a.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import zlib from "node:zlib";
import { artifactsDir, buildBoard, launch, REPO, run, serve, tempDir } from "./lib.mjs";

const N = 10000;
const QUERY = "technicien voirie";
const BUDGET_MS = 50;

let tmp, browser;
const boards = {}; // name -> { out, server, summary }

// A fallback corpus: N offers in layout a, deterministic.
function writeCorpus(dir, n) {
  const content = path.join(dir, "content", "offres");
  mkdirSync(content, { recursive: true });
  const titles = ["Technicien voirie", "Agent d’accueil", "Chargé de mission urbanisme", "Référent de secteur", "Éducateur de jeunes enfants", "Juriste commande publique", "Technicien SIG", "Secrétaire général", "Rédacteur ressources humaines", "Animateur périscolaire"];
  const places = ["Nouméa", "Dumbéa", "Mont-Dore", "Païta", "Koné", "Bourail", "Lifou", "Poum", "Thio", "La Foa"];
  const grades = ["Attaché", "Rédacteur", "Technicien", "Adjoint administratif", "Ingénieur", "Animateur"];
  const words = "voirie réseaux bâtiments espaces verts urbanisme finances marchés accueil état civil jeunesse sport culture social logement eau assainissement déchets informatique".split(" ");
  let seed = 1;
  const rnd = (k) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % k);
  for (let i = 1; i <= n; i++) {
    const d = new Date(Date.UTC(2024, 6, 1) + rnd(730) * 864e5);
    const p = new Date(d - (14 + rnd(32)) * 864e5);
    const fr = (x) => x.toISOString().slice(0, 10).split("-").reverse().join("/");
    const emp = "Commune n° " + (1 + rnd(500));
    const body = Array.from({ length: 120 }, () => words[rnd(words.length)]).join(" ");
    writeFileSync(
      path.join(content, String(i).padStart(6, "0") + ".txt"),
      `# ${titles[rnd(titles.length)]}\n\nRéférence : ${i}-GEN\nEmployeur : ${emp}\nCorps ou Cadre d’emploi / Domaine : ${grades[rnd(grades.length)]}\nLieu de travail : ${places[rnd(places.length)]}\nDate de dépôt de l’offre : ${fr(p)}\nDate limite de candidature : ${fr(d)}\n\n# Missions :\n\n${body}\n`,
    );
  }
}

// The reader's clock, moved to the board's day: Date only, so that
// performance.now() (and event timestamps) stay the browser's own.
function shiftClock(target) {
  const Real = Date;
  const shift = target - Real.now();
  class ShiftedDate extends Real {
    constructor(...a) {
      if (a.length === 0) super(Real.now() + shift);
      else super(...a);
    }
    static now() {
      return Real.now() + shift;
    }
  }
  globalThis.Date = ShiftedDate;
}

// In-page probe: from each keydown in the search field to (1) the results
// written in the DOM and (2) the next frame after them (the answer on screen).
function probe() {
  window.__lat = [];
  let t0 = null;
  addEventListener("keydown", (e) => {
    if (e.target && e.target.name === "q") t0 = performance.now();
  }, true);
  document.addEventListener("DOMContentLoaded", () => {
    const scope = document.querySelector("[data-scope]");
    if (!scope) return;
    const mo = new MutationObserver(() => {
      if (t0 === null) return;
      const start = t0;
      t0 = null;
      const dom = performance.now() - start;
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => window.__lat.push({ dom, paint: performance.now() - start });
        ch.port2.postMessage(0);
      });
    });
    mo.observe(scope, { childList: true, subtree: true, characterData: true });
  });
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const median = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return { median: +median.toFixed(1), max: +s[s.length - 1].toFixed(1), n: s.length };
};

async function measure(board, pagePath, now) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(shiftClock, Date.parse(now + "T12:00:00+11:00"));
  await context.addInitScript(probe);
  const page = await context.newPage();
  await page.goto(board.server.url + pagePath);
  // The filters are filled from facettes.json as the page loads.
  await page.waitForFunction(() => document.querySelector("#f-lieu").options.length > 1, null, { timeout: 60000 });
  const t = Date.now();
  await page.focus("#f-q");
  // The index loads with the first letter typed; measure the steady
  // state: wait for its first answer, then start again.
  await page.keyboard.type(QUERY[0]);
  await page.waitForFunction(() => document.querySelector("form.finder [role=status]").textContent !== "", null, { timeout: 60000 });
  const indexLoad = Date.now() - t;
  const inScope = await page.evaluate(() => document.querySelectorAll("#f-lieu option").length - 1);
  const lat = [];
  for (let round = 0; round < 2; round++) {
    await page.fill("#f-q", "");
    await page.evaluate(() => { window.__lat = []; });
    for (let i = 0; i < QUERY.length; i++) {
      await page.keyboard.type(QUERY[i]);
      await page.waitForFunction((n) => window.__lat.length >= n, i + 1);
    }
    lat.push(...(await page.evaluate(() => window.__lat)));
  }
  const status = await page.textContent("form.finder [role=status]");
  const shown = await page.locator(".results > li").count();
  await context.close();
  return { dom: stats(lat.map((x) => x.dom)), paint: stats(lat.map((x) => x.paint)), indexLoad, status, shown, locations: inScope };
}

describe(`search at ${N.toLocaleString("en")} offers`, { timeout: 8 * 60 * 1000 }, () => {
  before(async () => {
    tmp = tempDir("postes-perf-");
    const corpus = path.join(tmp.dir, "corpus");
    try {
      await run("go", ["run", "./tools/gencorpus", "-n", String(N), "-seed", "1", "-out", corpus], { cwd: REPO, maxBuffer: 64 << 20 });
    } catch (err) {
      console.log(`# tools/gencorpus did not run (${String(err.message).split("\n")[0]}); writing ${N} offers in layout a instead`);
      writeCorpus(corpus, N);
    }
    // The board day (a third of the offers published, the open ones
    // on the home page) and the corpus' last posting day (all 10,000
    // published, nearly all of them closed: the archive searches them all).
    for (const [name, now] of [["early", "2025-01-15"], ["all", "2026-06-16"]]) {
      const out = path.join(tmp.dir, "out-" + name);
      const summary = await buildBoard({ source: corpus, now, output: out });
      boards[name] = { out, now, summary, server: await serve(out) };
      console.log(`# --now ${now}: ${summary}`);
    }
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    for (const b of Object.values(boards)) await b.server.close();
    tmp?.remove();
  });

  test("postes.js and the search index, compressed", () => {
    const b = boards.all;
    const js = readFileSync(path.join(b.out, "postes.js"));
    const idx = readFileSync(path.join(b.out, "recherche.json"));
    const count = JSON.parse(idx).offers.length;
    const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;
    console.log(`# postes.js: ${js.length} B, ${gz(js)} B gzip -9`);
    console.log(`# recherche.json (${count} offers): ${(idx.length / 1048576).toFixed(2)} MiB, ${(gz(idx) / 1048576).toFixed(2)} MiB gzip -9`);
    const fac = readFileSync(path.join(b.out, "facettes.json"));
    console.log(`# facettes.json (loaded with every page that has a finder): ${(fac.length / 1024).toFixed(1)} KiB, ${(gz(fac) / 1024).toFixed(1)} KiB gzip -9`);
    assert.equal(count, N);
    assert.ok(gz(js) < 10 * 1024, "postes.js must stay under 10 KB compressed");
  });

  test("long answers show 100 offers, then 100 more on request, the keyboard kept in place", async () => {
    const b = boards.all;
    const context = await browser.newContext();
    await context.addInitScript(shiftClock, Date.parse(b.now + "T12:00:00+11:00"));
    const page = await context.newPage();
    await page.goto(b.server.url + "archives/?q=technicien");
    await page.waitForFunction(() => document.querySelectorAll(".results > li").length === 100, null, { timeout: 60000 });
    const said = await page.textContent("form.finder [role=status]");
    const total = Number(said.match(/^(\d+) offres correspondent\.$/)?.[1]);
    assert.ok(total > 200, said);
    await page.focus("button.more");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelectorAll(".results > li").length === 200);
    const focused = await page.evaluate(() => [...document.querySelectorAll(".results > li > h2 > a")].indexOf(document.activeElement));
    assert.equal(focused, 100, "focus on the first offer added");
    await context.close();
  });

  const figures = {};
  for (const [name, pagePath, what] of [["early", "", "home page, --now 2025-01-15"], ["all", "archives/", "archive page, all 10,000 published"]]) {
    test(`each keystroke answers in under ${BUDGET_MS} ms (${what})`, async () => {
      const b = boards[name];
      const r = await measure(b, pagePath, b.now);
      figures[name] = r;
      console.log(`# ${what}: first answer ${r.indexLoad} ms after the first letter (index loaded); "${QUERY}" typed twice, ${r.dom.n} keystrokes: ` +
        `results in the DOM median ${r.dom.median} ms, max ${r.dom.max} ms; next frame median ${r.paint.median} ms, max ${r.paint.max} ms; ` +
        `final status "${r.status}" (${r.shown} shown)`);
      writeFileSync(path.join(artifactsDir(), `latency-${name}.json`), JSON.stringify({ query: QUERY, ...r }, null, 2));
      assert.ok(r.shown > 0, "the query finds offers");
      assert.ok(r.paint.median < BUDGET_MS, `median keystroke latency ${r.paint.median} ms`);
    });
  }
});
