// The sample board in Chromium: search and filters, URL state, keyboard,
// deadline badges on a fixed clock, no-JS, axe-core, the Nu HTML checker,
// feeds and calendars, JSON-LD, phone widths, screenshots.
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import zlib from "node:zlib";
import { artifactsDir, buildBoard, HERE, launch, PYTHON, run, serve, tempDir } from "./lib.mjs";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");
const VNU = path.join(path.dirname(require.resolve("vnu-jar")), "build", "dist", "vnu.jar");
const TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"];

// The board's day. The sample's offers under content/exemples are open on
// it (four, from three employers), the others closed (five).
const NOW = "2026-12-05";
// The reader's clock on that day, noon in Nouméa.
const NOON = "2026-12-05T12:00:00+11:00";

const HOME = "";
const OFFER = "offres/agent-d-accueil-et-d-etat-civil-9999-26-0001-ex/"; // deadline 2026-12-11
const CLOSED_OFFER = "offres/referent-de-secteur-3134-25-1264-sr/";
const EMPLOYER = "employeurs/commune-de-demoville/";
const MONTH = "echeances/2026-12/";
const ARCHIVE = "archives/";
const FACET = "grades/attache/"; // a grade's page: one open offer, three closed
const FACETS = "lieux/"; // the places' index
const FOLLOW = "suivre/"; // every feed and calendar

let tmp, out, server, browser, base;

before(async () => {
  tmp = tempDir("postes-site-");
  out = path.join(tmp.dir, "public");
  const summary = await buildBoard({ now: NOW, output: out });
  console.log(`# ${summary}`);
  server = await serve(out);
  base = server.url;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  tmp?.remove();
});

// A page in a fresh context whose clock is fixed (NOON unless told).
async function open(pathname, { clock = NOON, ...options } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  if (clock && options.javaScriptEnabled !== false) await context.clock.setFixedTime(new Date(clock));
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && !m.text().startsWith("Failed to load resource") && errors.push(m.text()));
  // A page may be a 404 on purpose; what it loads may not.
  page.on("response", (r) => r.request().resourceType() !== "document" && r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
  if (pathname !== null) await page.goto(base + pathname);
  page.errors = errors;
  page.done = async () => {
    await context.close();
    assert.deepEqual(errors, [], "no script errors or failed loads in the page");
  };
  return page;
}

const titles = (page) => page.locator(".results > li h2").allTextContents();
// Waits (a little) for the search's answer to be the wanted titles, then
// compares, so that a failure shows what is there.
async function expectTitles(page, want, message) {
  await page.waitForFunction((w) => JSON.stringify([...document.querySelectorAll(".results > li h2")].map((h) => h.textContent)) === w,
    JSON.stringify(want), { timeout: 5000 }).catch(() => {});
  assert.deepEqual(await titles(page), want, message);
}
const status = (page) => page.locator("form.finder [role=status]").textContent();
const shownList = (page) => page.evaluate(() => {
  const u = document.querySelector("[data-scope] > ul.offers");
  return u && !u.hidden ? [...u.querySelectorAll("li h2")].map((h) => h.textContent) : null;
});

function htmlFiles(dir) {
  const files = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) files.push(...htmlFiles(p));
    else if (name.endsWith(".html")) files.push(p);
  }
  return files;
}

describe("search", () => {
  test("finds accented titles without accents, whatever the case, and announces the count", async () => {
    const page = await open(ARCHIVE);
    const q = page.locator("#f-q");
    await q.fill("referent");
    await page.waitForFunction(() => document.querySelector(".results"));
    const found = await titles(page);
    assert.ok(found.includes("Référent de secteur"), `found ${JSON.stringify(found)}`);
    assert.equal(found.length, 2);
    assert.equal(await status(page), "2 offres correspondent.");
    assert.equal(await page.locator("form.finder [role=status]").getAttribute("aria-live"), "polite");
    for (const text of ["RÉFÉRENT DE SECTEUR", "Referent de Secteur", "référent   secteur"]) {
      await q.fill(text);
      await page.waitForFunction(() => document.querySelector("form.finder [role=status]").textContent === "1 offre correspond.");
      assert.deepEqual(await titles(page), ["Référent de secteur"], text);
    }
    await q.fill("zzzzqx");
    await page.waitForFunction(() => document.querySelector("form.finder [role=status]").textContent === "Aucune offre ne correspond.");
    assert.deepEqual(await titles(page), []);
    // Emptying the field shows the page's own list again.
    await q.fill("");
    await page.waitForFunction(() => !document.querySelector("[data-scope] > ul.offers").hidden);
    assert.equal(await status(page), "");
    await page.done();
  });

  test("searches employer, place and grade too, on the open offers only", async () => {
    const page = await open(HOME);
    const q = page.locator("#f-q");
    for (const [text, want] of [
      ["etat CIVIL", ["Agent d’accueil et d’état civil"]],
      ["demoville", ["Agent d’accueil et d’état civil", "Juriste commande publique"]],
      ["port exemple", ["Technicien en information géographique (SIG)"]],
      ["attache", ["Juriste commande publique"]],
      ["referent", []], // closed: not on the home page
    ]) {
      await q.fill(text);
      await expectTitles(page, want, text);
      assert.equal(await status(page), ["Aucune offre ne correspond.", "1 offre correspond.", "2 offres correspondent."][want.length]);
    }
    await page.done();
  });

  test("an employer's page and a month's page search their own offers, open or closed", async () => {
    const page = await open(EMPLOYER);
    assert.equal(await page.locator("#f-emp").count(), 0, "no employer filter on an employer's page");
    await page.locator("#f-q").fill("e");
    await expectTitles(page, ["Agent d’accueil et d’état civil", "Juriste commande publique"]);
    await page.goto(base + "employeurs/mairie-de-noumea/?q=secteur");
    await expectTitles(page, ["Référent de secteur"]);
    await page.goto(base + "echeances/2025-04/?tri=publication");
    await expectTitles(page, ["Secrétaire général", "Chargé de mission performance de l’action publique"]);
    // A facet's page: its open offers.
    await page.goto(base + "lieux/demoville/?q=e");
    await expectTitles(page, ["Agent d’accueil et d’état civil", "Juriste commande publique"]);
    assert.equal(await page.locator("#suivre-recherche").isVisible(), false, "the page is the facet: nothing more to follow");
    await page.done();
  });

  test("the index is loaded only when the reader types a search or picks a filter", async () => {
    const page = await open(null);
    const asked = [];
    page.on("request", (r) => asked.push(new URL(r.url()).pathname));
    await page.goto(base);
    await page.waitForLoadState("networkidle");
    assert.ok(asked.includes("/facettes.json"), `the filters' values load with the page: ${asked}`);
    await page.focus("#f-q");
    await page.waitForLoadState("networkidle");
    assert.ok(!asked.includes("/recherche.json"), `loaded before any search: ${asked}`);
    let req = page.waitForRequest((r) => r.url().endsWith("/recherche.json"));
    await page.keyboard.type("j");
    await req;
    // A filter alone asks for it too.
    await page.goto(base);
    await page.waitForFunction(() => document.querySelector("#f-lieu").options.length > 1);
    asked.length = 0;
    req = page.waitForRequest((r) => r.url().endsWith("/recherche.json"));
    await page.selectOption("#f-lieu", { label: "Port-Exemple" });
    await req;
    await page.done();
  });
});

describe("filters", () => {
  const ALL = ["Agent d’accueil et d’état civil", "Technicien en information géographique (SIG)", "Juriste commande publique", "Un Éducateur de jeunes enfants (F/H)"];

  // The filters' options come from facettes.json as the page loads: a
  // reader who goes straight to "Employeur" (on a phone, without ever
  // focusing the search field) can filter.
  test("the filters are filled on load, without focus, with the open offers' values", async () => {
    const page = await open(null);
    const focused = [];
    await page.exposeFunction("sawFocus", (id) => focused.push(id));
    await page.addInitScript(() => addEventListener("focusin", (e) => window.sawFocus(e.target.id || e.target.tagName), true));
    await page.goto(base);
    await page.waitForFunction(() => document.querySelector("#f-emp").options.length > 1);
    // Sorted by name; on the open offers' page, only values with an open offer.
    assert.deepEqual(await page.locator("#f-emp option").allTextContents(), ["Tous", "Commune de Démoville", "Mairie de Ville-Exemple", "Province Exemple"]);
    assert.deepEqual(await page.locator("#f-lieu option").allTextContents(), ["Tous", "Démoville", "Port-Exemple", "Ville-Exemple"]);
    assert.deepEqual(await page.locator("#f-cat option").allTextContents(), ["Toutes", "A", "B", "C"]);
    assert.deepEqual(await page.locator("#f-fil option").allTextContents(), ["Toutes", "administrative", "sociale", "technique"]);
    // Contract types are named by the templates ("contract-label").
    assert.deepEqual(await page.locator("#f-ctr option").allTextContents(), ["Tous", "Emplois permanents (titulaires)"]);
    const grades = await page.locator("#f-grade option").allTextContents();
    assert.ok(grades.includes("Attaché") && grades.includes("Adjoint administratif"), `grades: ${grades}`);
    assert.deepEqual(focused, [], "nothing was focused");
    assert.ok(await page.evaluate(() => document.activeElement === document.body), "the page's focus is where it was");
    await page.done();
  });

  test("each filter narrows the results; sorting by posting date changes the order", async () => {
    const page = await open(HOME);
    assert.deepEqual(await shownList(page), ALL, "the page's own list, soonest deadline first");
    await page.waitForFunction(() => document.querySelector("#f-emp").options.length > 1);

    // Options are chosen by label: their values are the facets' slugs.
    const cases = [
      ["#f-emp", "Commune de Démoville", ["Agent d’accueil et d’état civil", "Juriste commande publique"], "2 offres correspondent."],
      ["#f-lieu", "Port-Exemple", ["Technicien en information géographique (SIG)"], "1 offre correspond."],
      ["#f-grade", "Attaché", ["Juriste commande publique"], "1 offre correspond."],
      ["#f-cat", "A", ["Juriste commande publique", "Un Éducateur de jeunes enfants (F/H)"], "2 offres correspondent."],
      ["#f-cat", "C", ["Agent d’accueil et d’état civil"], "1 offre correspond."],
      ["#f-fil", "technique", ["Technicien en information géographique (SIG)"], "1 offre correspond."],
      ["#f-ctr", "Emplois permanents (titulaires)", ["Un Éducateur de jeunes enfants (F/H)"], "1 offre correspond."],
      ["#f-ech", "Dans les 7 jours", ["Agent d’accueil et d’état civil"], "1 offre correspond."], // 11 December: in 6 days
      ["#f-ech", "Ce mois-ci", ["Agent d’accueil et d’état civil"], "1 offre correspond."], // December
    ];
    for (const [sel, label, want, said] of cases) {
      await page.selectOption(sel, { label });
      await expectTitles(page, want, `${sel}=${label}`);
      assert.equal(new URL(page.url()).searchParams.get(await page.getAttribute(sel, "name")), await page.inputValue(sel), "the URL names the slug");
      assert.equal(await status(page), said);
      assert.equal(await shownList(page), null, "the page's own list is hidden while filtering");
      await page.selectOption(sel, "");
      await page.waitForFunction(() => !document.querySelector("[data-scope] > ul.offers").hidden);
    }
    // Two filters together.
    await page.selectOption("#f-emp", "commune-de-demoville");
    await page.selectOption("#f-grade", { label: "Adjoint administratif" });
    await expectTitles(page, ["Agent d’accueil et d’état civil"]);
    await page.click("button[type=reset]");
    await page.waitForFunction(() => !document.querySelector("[data-scope] > ul.offers").hidden);

    await page.selectOption("#f-tri", "publication");
    await expectTitles(page, ["Un Éducateur de jeunes enfants (F/H)", "Juriste commande publique", "Technicien en information géographique (SIG)", "Agent d’accueil et d’état civil"]);
    const byPosting = await titles(page);
    assert.notDeepEqual(byPosting, ALL);
    await page.done();
  });

  test("the archive lists closed offers, latest deadline first, with its own filters", async () => {
    const page = await open(ARCHIVE);
    assert.equal(await page.locator("#f-ech").count(), 0, "no deadline window on closed offers");
    await page.waitForFunction(() => document.querySelector("#f-grade").options.length > 1);
    const grades = await page.locator("#f-grade option").allTextContents();
    assert.equal(grades.filter((g) => g.toLowerCase() === "attaché").length, 1, `one "attaché" whatever its case: ${grades}`);
    assert.ok(grades.includes("Adjoint administratif"), "before the index, the whole board's grades");
    await page.selectOption("#f-grade", { label: grades.find((g) => g.toLowerCase() === "attaché") });
    // Sample 001 names two grades, the engineer grade and Attaché.
    await expectTitles(page, ["Référent de secteur", "Secrétaire général", "Chargé de mission performance de l’action publique"]);
    // Once the index is there, the archive's filters keep the closed
    // offers' values only (the selected one stays).
    const after = await page.locator("#f-grade option").allTextContents();
    assert.ok(!after.includes("Adjoint administratif") && after.includes("Rédacteur"), `grades of closed offers: ${after}`);
    await page.done();
  });
});

describe("URL state", () => {
  test("filters go into the query string, the URL restores them, Back goes back", async () => {
    const page = await open(HOME);
    await page.waitForFunction(() => document.querySelector("#f-emp").options.length > 1);
    await page.selectOption("#f-emp", "commune-de-demoville");
    await page.waitForURL(/\?employeur=commune-de-demoville$/);
    await page.locator("#f-q").fill("juriste");
    // Typing replaces the URL (no history entry per key), after a pause.
    await page.waitForURL(/[?&]q=juriste/);
    await page.selectOption("#f-tri", "publication");
    await page.waitForURL(/tri=publication/);
    const url = page.url();
    const params = new URL(url).searchParams;
    assert.equal(params.get("q"), "juriste");
    assert.equal(params.get("employeur"), "commune-de-demoville");
    assert.equal(params.get("tri"), "publication");

    // A bookmark: the same URL in a fresh page shows the same answer.
    const again = await open(url.slice(base.length));
    await again.waitForFunction(() => document.querySelectorAll(".results > li").length === 1);
    assert.deepEqual(await titles(again), ["Juriste commande publique"]);
    assert.equal(await again.inputValue("#f-q"), "juriste");
    assert.equal(await again.inputValue("#f-emp"), "commune-de-demoville");
    assert.equal(await again.inputValue("#f-tri"), "publication");
    assert.equal(await status(again), "1 offre correspond.");
    await again.done();

    // Back: the sort undone (typing replaced the employer's entry rather
    // than adding one per key), then the whole list; Forward again.
    await page.goBack();
    await page.waitForFunction(() => document.querySelector("#f-tri").value === "");
    assert.equal(new URL(page.url()).search, "?q=juriste&employeur=commune-de-demoville");
    assert.equal(await page.inputValue("#f-q"), "juriste");
    assert.equal(await page.inputValue("#f-emp"), "commune-de-demoville");
    assert.deepEqual(await titles(page), ["Juriste commande publique"]);
    await page.goBack();
    await page.waitForFunction(() => !document.querySelector("[data-scope] > ul.offers").hidden);
    assert.equal(new URL(page.url()).search, "");
    assert.equal(await page.inputValue("#f-q"), "");
    assert.equal(await page.inputValue("#f-emp"), "");
    assert.equal(await page.locator(".results > li").count(), 0);
    assert.equal(await status(page), "");
    await page.goForward();
    await page.waitForFunction(() => document.querySelectorAll(".results > li").length === 1);
    assert.equal(await page.inputValue("#f-emp"), "commune-de-demoville");
    await page.done();
  });
});

describe("keyboard", () => {
  const focusInfo = (page) => page.evaluate(() => {
    const el = document.activeElement;
    const cs = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    return {
      tag: el.tagName.toLowerCase(), id: el.id, cls: el.className, text: (el.textContent || "").trim().slice(0, 40),
      outline: cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) >= 2 ? cs.outlineStyle + " " + cs.outlineWidth + " " + cs.outlineColor : "",
      visible: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth,
    };
  });

  test("skip link first, then the search field, then the filters, all with a visible focus", async () => {
    const page = await open(HOME);
    await page.keyboard.press("Tab");
    let f = await focusInfo(page);
    assert.equal(f.cls, "skip", `first Tab stop: ${JSON.stringify(f)}`);
    assert.equal(f.text, "Aller au contenu");
    assert.ok(f.visible, "the skip link shows when focused");
    assert.ok(f.outline, "the skip link has a focus outline");
    await page.keyboard.press("Enter");
    // Following the link changes the address a moment after the key press.
    await page.waitForURL(/#contenu$/, { timeout: 2000 });
    assert.equal(new URL(page.url()).hash, "#contenu");
    // From the content, Tab through its few links to the search field.
    const stops = [];
    for (let i = 0; i < 10 && f.id !== "f-q"; i++) {
      await page.keyboard.press("Tab");
      f = await focusInfo(page);
      stops.push(f);
      assert.ok(f.visible && f.outline, `focus visible on ${JSON.stringify(f)}`);
    }
    assert.equal(f.id, "f-q", `reached the search field: ${stops.map((s) => s.tag + (s.id ? "#" + s.id : "") + " " + s.text).join(" → ")}`);
    await page.keyboard.type("demoville");
    await page.waitForFunction(() => document.querySelector("form.finder [role=status]").textContent === "2 offres correspondent.");
    await page.keyboard.press("Tab");
    f = await focusInfo(page);
    assert.equal(f.id, "f-emp");
    assert.ok(f.outline, "the select shows its focus");
    await page.waitForFunction(() => document.querySelector("#f-emp").options.length > 1);
    await page.keyboard.press("ArrowDown"); // a closed select changes on arrows
    await page.waitForFunction(() => document.querySelector("#f-emp").value !== "");
    assert.equal(await page.inputValue("#f-emp"), "commune-de-demoville");
    await page.waitForURL(/employeur=commune-de-demoville/);
    for (let i = 0; i < 8 && f.id !== "f-tri"; i++) {
      await page.keyboard.press("Tab");
      f = await focusInfo(page);
      assert.ok(f.outline, `focus visible on ${f.id}`);
    }
    assert.equal(f.id, "f-tri");
    await page.keyboard.press("ArrowDown");
    await page.waitForFunction(() => document.querySelector("#f-tri").value === "publication");
    await page.waitForFunction(() => document.querySelector(".results > li h2")?.textContent === "Juriste commande publique");
    // The reset button, with the keyboard too.
    await page.keyboard.press("Tab");
    f = await focusInfo(page);
    assert.equal(f.tag, "button");
    assert.ok(f.outline, "the button shows its focus");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => !document.querySelector("[data-scope] > ul.offers").hidden);
    assert.equal(await page.inputValue("#f-q"), "");
    // Then on into the offers.
    await page.keyboard.press("Tab");
    f = await focusInfo(page);
    assert.equal(f.tag, "a");
    assert.ok(f.outline, "links show their focus");
    await page.done();
  });

  test("Enter in the search field keeps the reader on the page", async () => {
    const page = await open(HOME);
    await page.focus("#f-q");
    await page.keyboard.type("juriste");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\?q=juriste$/);
    await expectTitles(page, ["Juriste commande publique"]);
    assert.equal(new URL(page.url()).pathname, "/");
    await page.done();
  });
});

describe("deadline badges on the reader's clock, in Nouméa time", () => {
  // The agent's offer closes on Friday 11 December 2026, in Nouméa (UTC+11).
  // The reader is in Los Angeles: neither their zone nor UTC decides.
  const cases = [
    ["2026-12-08T12:00:00+11:00", "Plus que 3 jours", false],
    ["2026-12-10T09:00:00+11:00", "Clôture demain", false],
    // Still the 10th in UTC (22:30Z), already the last day in Nouméa.
    ["2026-12-11T09:30:00+11:00", "Dernier jour", false],
    ["2026-12-11T23:59:00+11:00", "Dernier jour", false],
    // Still the 11th in UTC (13:30Z) and in Los Angeles, the 12th in Nouméa.
    ["2026-12-12T00:30:00+11:00", "Candidatures closes", true],
  ];
  for (const [clock, want, closed] of cases) {
    test(`${clock}: “${want}”`, async () => {
      const page = await open(HOME, { clock, timezoneId: "America/Los_Angeles" });
      const item = page.locator(`li.offer[data-deadline="2026-12-11"]`);
      assert.equal(await item.locator(".badge").textContent(), want);
      assert.equal(await item.evaluate((el) => el.classList.contains("closed")), closed);
      await page.goto(base + OFFER);
      const st = page.locator("p.status");
      if (closed) {
        assert.match(await st.textContent(), /^Candidatures closes : la date limite était le vendredi 11 décembre 2026\. Cette offre est conservée pour mémoire\.$/);
        assert.equal(await st.getAttribute("class"), "status closed");
        assert.equal(await page.locator("section.apply").isVisible(), false, "no way to apply any more");
      } else {
        assert.equal(await st.locator(".badge").textContent(), want);
      }
      // The search answers on the same day: closed offers leave the open list.
      await page.goto(base + "?tri=publication");
      await page.waitForFunction(() => document.querySelector(".results"));
      const listed = await titles(page);
      assert.equal(listed.includes("Agent d’accueil et d’état civil"), !closed);
      await page.done();
    });
  }

  test("an offer that closes on the reader's day reads as the server writes a closed offer", async () => {
    const said = async (page) => {
      const st = page.locator("p.status");
      return { text: (await st.textContent()).replace(/le \S+ \d+ \S+ \d{4}\./, "le D."), cls: await st.getAttribute("class"), role: await st.getAttribute("role"), apply: await page.locator("section.apply").isVisible() };
    };
    const page = await open(OFFER, { clock: "2026-12-12T00:30:00+11:00" });
    const script = await said(page);
    await page.goto(base + CLOSED_OFFER);
    const server = await said(page);
    assert.deepEqual(script, server);
    assert.match(server.text, /^Candidatures closes : la date limite était le D\. Cette offre est conservée pour mémoire\.$/);
    await page.done();
  });

  test("far deadlines show the date, without a badge", async () => {
    const page = await open(HOME);
    const item = page.locator(`li.offer[data-deadline="2027-06-30"]`);
    assert.equal(await item.locator(".due").textContent(), "Candidatures jusqu’au 30 juin 2027");
    assert.equal(await item.locator(".badge").count(), 0);
    await page.done();
  });
});

describe("cards", () => {
  // What a card says, line by line, whitespace aside, with its links and
  // the attributes the script reads.
  const cards = (page, sel) => page.evaluate((sel) => [...document.querySelectorAll(sel)].map((li) => {
    const text = (el) => (el ? el.textContent.replace(/\s+/g, " ").trim() : null);
    return {
      href: li.querySelector("h2 a").getAttribute("href"), cls: li.className, deadline: li.dataset.deadline, closes: li.dataset.closes, posted: li.dataset.posted,
      title: text(li.querySelector("h2")), meta: text(li.querySelector(".meta")), facts: text(li.querySelector(".facts")), due: text(li.querySelector(".due")),
      links: [...li.querySelectorAll("a")].map((a) => a.getAttribute("href")), badges: [...li.querySelectorAll(".badge")].map((b) => b.className + ":" + b.textContent),
      lines: [...li.children].map((c) => c.tagName + "." + c.className),
    };
  }), sel);

  // The server's list and the script's results of the same offers, on the
  // build's day and on another: one markup, the same words.
  for (const [name, p, clock] of [["open offers", HOME + "?tri=publication", NOON], ["closed offers", ARCHIVE + "?tri=publication", NOON], ["open offers, two days on", HOME + "?tri=publication", "2026-12-10T09:00:00+11:00"]]) {
    test(`a card reads the same from the server and from the script (${name})`, async () => {
      const page = await open(p, { clock });
      await page.waitForFunction(() => document.querySelector(".results > li"));
      const server = await cards(page, "[data-scope] > ul.offers:not(.results) > li");
      const script = await cards(page, ".results > li");
      assert.ok(server.length >= 4, `${server.length} cards`);
      assert.equal(script.length, server.length);
      const byHref = new Map(script.map((c) => [c.href, c]));
      for (const c of server) assert.deepEqual(byHref.get(c.href), c, c.title);
      await page.done();
    });
  }

  // The server's card is what a reader without JavaScript sees: the
  // script's card on a day when no badge applies (every open deadline more
  // than a week away, no offer posted in the last week), word for word.
  test("a card without JavaScript reads as the script's card on a day without badges", async () => {
    const noJS = await open(HOME, { javaScriptEnabled: false });
    const server = await cards(noJS, "[data-scope] > ul.offers > li");
    await noJS.done();
    const page = await open(HOME + "?tri=publication", { clock: "2026-11-01T12:00:00+11:00" });
    await page.waitForFunction(() => document.querySelector(".results > li"));
    const script = await cards(page, ".results > li");
    assert.ok(server.length >= 4, `${server.length} cards`);
    assert.equal(script.length, server.length);
    const byHref = new Map(script.map((c) => [c.href, c]));
    for (const c of server) assert.deepEqual(byHref.get(c.href), c, c.title);
    await page.done();
  });

  // An offer that gives no deadline is withdrawn max_open_days after its
  // posting date: the server says so on its card, and the script must too
  // (recherche.json gives that day, entry 17).
  test("an offer without a deadline: the same card from the server and the script", async () => {
    const dir = tempDir("postes-nodate-");
    try {
      mkdirSync(path.join(dir.dir, "content"));
      writeFileSync(path.join(dir.dir, "content", "sans-date.txt"), "# Agent polyvalent des espaces verts\n\nRéférence : 2026-TEST-01\nEmployeur : Commune de Testville\n" +
        "Lieu de travail : Testville\nGrade : Adjoint technique\nDate de dépôt de l’offre : 01/12/2026\n\n# Missions :\n\nEntretenir les espaces verts.\n");
      const pub = path.join(dir.dir, "public");
      await buildBoard({ source: dir.dir, now: NOW, output: pub });
      const srv = await serve(pub);
      try {
        const page = await open(null);
        await page.goto(srv.url + "?tri=publication");
        await page.waitForFunction(() => document.querySelector(".results > li"));
        const [server] = await cards(page, "[data-scope] > ul.offers:not(.results) > li");
        const [script] = await cards(page, ".results > li");
        assert.match(server.due, /^Date limite non précisée : offre retirée après le 30 janvier 2027$/);
        assert.deepEqual(script, server);
        await page.done();
      } finally {
        await srv.close();
      }
    } finally {
      dir.remove();
    }
  });

  test("a card shows employer, place, posting date, grades, category, contract and working time", async () => {
    const page = await open(HOME, { javaScriptEnabled: false });
    const [educ] = (await cards(page, "li.offer")).filter((c) => c.title.startsWith("Un Éducateur"));
    assert.equal(educ.meta, "Mairie de Ville-Exemple · Ville-Exemple · publiée le 25 novembre 2026");
    assert.equal(educ.facts, "Éducateur de jeunes enfants, Éducateur de jeunes enfants de classe exceptionnelle · catégorie A · Emploi permanent - vacance d'emploi · Temps complet, 35h00 hebdomadaires");
    await page.goto(base + ARCHIVE);
    const [gusp] = (await cards(page, "li.offer")).filter((c) => c.title.startsWith("Un Référent Gestion"));
    assert.match(gusp.facts, /^Rédacteur, Rédacteur principal de 2ème classe et 3 autres · catégorie B · /, "two grades, then how many more");
    await page.done();
  });

  // "Nouvelle": posted on one of the last seven days of the reader's
  // (Nouméa's) calendar. The server never writes it: the page would change
  // every day.
  test("“Nouvelle” marks offers posted in the last 7 days, on the reader's day", async () => {
    const marked = async (page, sel) => (await cards(page, sel)).filter((c) => c.badges.includes("badge new:Nouvelle")).map((c) => c.title).sort();
    const noJS = await open(HOME, { javaScriptEnabled: false });
    assert.equal(await noJS.locator(".badge.new").count(), 0, "not in the server's HTML");
    assert.doesNotMatch(await noJS.content(), />\s*Nouvelle\s*</, "no day-dependent word in the server's HTML");
    await noJS.done();
    for (const [clock, want] of [
      // 1 December: the educator (25 November, 6 days ago) is new, the
      // jurist (24 November, 7 days ago) is not.
      ["2026-12-01T08:00:00+11:00", ["Un Éducateur de jeunes enfants (F/H)"]],
      ["2026-11-30T23:30:00+11:00", ["Juriste commande publique", "Un Éducateur de jeunes enfants (F/H)"]],
      ["2026-11-26T12:00:00+11:00", ["Agent d’accueil et d’état civil", "Juriste commande publique", "Technicien en information géographique (SIG)", "Un Éducateur de jeunes enfants (F/H)"]],
      [NOON, []],
    ]) {
      // Los Angeles is still on the day before: Nouméa's day decides.
      const page = await open(HOME + "?tri=publication", { clock, timezoneId: "America/Los_Angeles" });
      await page.waitForFunction(() => document.querySelector(".results > li"));
      assert.deepEqual(await marked(page, "[data-scope] > ul.offers:not(.results) > li"), want, `${clock}, the page's list`);
      assert.deepEqual(await marked(page, ".results > li"), want, `${clock}, the results`);
      await page.done();
    }
  });
});

describe("Suivre cette recherche", () => {
  const box = (page) => page.evaluate(() => {
    const s = document.getElementById("suivre-recherche");
    const href = (n) => s.querySelector(`[data-slot="${n}"]`).getAttribute("href");
    return s.hidden || !s.checkVisibility() ? null : {
      heading: s.querySelector("h2").textContent, labelledBy: document.getElementById(s.getAttribute("aria-labelledby"))?.textContent,
      what: s.querySelector("p").textContent.split(".")[0], feed: href("feed"), webcal: href("webcal"), ics: href("ics"), page: href("page"),
      url: s.querySelector("input").value, mail: s.querySelector("details").textContent,
    };
  });

  test("one facet value selected: its feed, calendar and page", async () => {
    const page = await open(HOME + "?grade=attache");
    await page.waitForFunction(() => document.querySelector(".results > li"));
    const b = await box(page);
    assert.ok(b, "the box shows");
    assert.equal(b.heading, "Suivre cette recherche");
    assert.equal(b.labelledBy, "Suivre cette recherche", "a region named by its heading");
    assert.equal(b.what, "Grade : Attaché");
    assert.equal(b.feed, "/grades/attache/feed.xml");
    assert.equal(b.ics, "/grades/attache/echeances.ics");
    assert.equal(b.page, "/grades/attache/");
    // Subscriptions are absolute, on the board's address (base_url).
    assert.equal(b.webcal, "webcal://emplois.example.org/grades/attache/echeances.ics");
    assert.equal(b.url, "https://emplois.example.org/grades/attache/feed.xml");
    assert.match(b.mail, /courriel/);
    assert.match(b.mail, /RSS/);
    // The links lead to the facet's files.
    for (const h of [b.feed, b.ics, b.page]) assert.equal((await fetch(base + h.slice(1))).status, 200, h);

    // Each facet, by its select.
    for (const [sel, label, facet] of [["#f-emp", "Province Exemple", "employeurs"], ["#f-lieu", "Démoville", "lieux"], ["#f-cat", "B", "categories"], ["#f-fil", "sociale", "filieres"], ["#f-ctr", "Emplois permanents (titulaires)", "contrats"]]) {
      await page.goto(base);
      await page.waitForFunction((s) => document.querySelector(s).options.length > 1, sel);
      await page.selectOption(sel, { label });
      await page.waitForFunction(() => !document.getElementById("suivre-recherche").hidden);
      const value = await page.inputValue(sel);
      const got = await box(page);
      assert.equal(got.page, `/${facet}/${value}/`, sel);
      assert.equal(got.what.split(" : ")[1], label);
      for (const h of [got.feed, got.ics, got.page]) assert.equal((await fetch(base + h.slice(1))).status, 200, h);
    }
    await page.done();
  });

  test("not for text, two filters, a deadline window, or on an employer's page", async () => {
    const page = await open(HOME + "?grade=attache&tri=publication");
    await page.waitForFunction(() => document.querySelector(".results > li"));
    assert.ok(await box(page), "a sort keeps the same offers");
    for (const p of ["?grade=attache&q=juriste", "?grade=attache&lieu=demoville", "?grade=attache&echeance=mois", "?q=juriste", EMPLOYER + "?grade=attache"]) {
      await page.goto(base + p);
      await page.waitForFunction(() => document.querySelector(".results"));
      assert.equal(await box(page), null, p);
    }
    // Clearing the form hides it.
    await page.goto(base + "?grade=attache");
    await page.waitForFunction(() => !document.getElementById("suivre-recherche").hidden);
    await page.click("button[type=reset]");
    await page.waitForFunction(() => document.getElementById("suivre-recherche").hidden);
    await page.done();
  });
});

describe("without JavaScript", () => {
  test("every list is there and the finder stays hidden", async () => {
    const page = await open(HOME, { javaScriptEnabled: false });
    assert.equal(await page.locator("[data-scope] > ul.offers > li").count(), 4);
    assert.equal(await page.locator("form.finder").isVisible(), false);
    assert.equal(await page.locator("button.fold").isVisible(), false, "no button that would do nothing");
    assert.equal(await page.locator("#suivre-recherche").isVisible(), false);
    // The server writes no word that depends on the day, so that a page
    // changes only when what it shows changes: the deadline as a date;
    // the badges ("Plus que 6 jours" on the board's day) are the script's.
    const due = page.locator(`li.offer[data-deadline="2026-12-11"] .due`);
    assert.equal(await due.textContent(), "Candidatures jusqu’au 11 décembre 2026");
    assert.equal(await due.locator(".badge").count(), 0);
    assert.doesNotMatch(await page.content(), /Plus que \d|Dernier jour|Clôture demain|Liste à jour|>\s*Nouvelle\s*</);
    for (const [p, n] of [[ARCHIVE, 5], [EMPLOYER, 2], [MONTH, 1]]) {
      await page.goto(base + p);
      assert.equal(await page.locator("[data-scope] > ul.offers > li").count(), n, p);
      assert.equal(await page.locator("form.finder").isVisible(), false, p);
    }
    await page.goto(base + OFFER);
    assert.equal(await page.locator("h1").textContent(), "Agent d’accueil et d’état civil");
    assert.equal(await page.locator("p.status").textContent(), "Candidatures jusqu’au 11 décembre 2026");
    await page.done();
  });
});

describe("accessibility (axe-core, WCAG 2.2 AA)", () => {
  const pages = [
    ["home", HOME], ["home, filtered", "?employeur=commune-de-demoville&tri=publication"], ["home, following a grade", "?grade=attache"], ["offer", OFFER], ["closed offer", CLOSED_OFFER],
    ["employer", EMPLOYER], ["employers", "employeurs/"], ["month", MONTH], ["months", "echeances/"], ["archive", ARCHIVE], ["not found", "nulle-part/"],
    ["facet", FACET], ["facet index", FACETS], ["feeds", FOLLOW],
  ];
  for (const scheme of ["light", "dark"]) {
    for (const [name, p] of pages) {
      test(`${name}, ${scheme}: 0 violations`, async () => {
        const page = await open(null, { colorScheme: scheme });
        await page.emulateMedia({ colorScheme: scheme });
        const resp = await page.goto(base + p);
        assert.equal(resp.status(), name === "not found" ? 404 : 200);
        if (p.includes("?")) await page.waitForFunction(() => document.querySelector(".results"));
        await page.addScriptTag({ path: AXE });
        const violations = await page.evaluate(async (tags) => {
          const r = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
          return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ` + v.nodes.map((n) => n.target.join(" ") + " — " + n.failureSummary.replace(/\n/g, " ")).join("\n    "));
        }, TAGS);
        assert.deepEqual(violations, [], violations.join("\n"));
        await page.done();
      });
    }
  }
  for (const scheme of ["light", "dark"]) {
    test(`home on a phone, the finder folded and open, ${scheme}: 0 violations`, async () => {
      const page = await open(null, { colorScheme: scheme, viewport: { width: 375, height: 667 } });
      await page.goto(base);
      await page.addScriptTag({ path: AXE });
      const run = () => page.evaluate(async (tags) => {
        const r = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
        return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      }, TAGS);
      let violations = await run();
      assert.deepEqual(violations, [], "folded: " + violations.join("\n"));
      await page.click("button.fold");
      await page.selectOption("#f-grade", { label: "Attaché" });
      await page.waitForFunction(() => !document.getElementById("suivre-recherche").hidden);
      await page.click("#suivre-recherche summary");
      violations = await run();
      assert.deepEqual(violations, [], "open, following: " + violations.join("\n"));
      await page.done();
    });
  }
  // Printing from a dark screen theme: the print sheet must still give
  // readable black on white.
  for (const [name, p] of [["home", HOME], ["offer", OFFER], ["closed offer", CLOSED_OFFER], ["employers", "employeurs/"]]) {
    test(`${name}, printed from the dark theme: 0 violations`, async () => {
      const page = await open(null, { colorScheme: "dark" });
      await page.emulateMedia({ media: "print", colorScheme: "dark" });
      await page.goto(base + p);
      await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate(async (tags) => {
        const r = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
        return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      }, TAGS);
      assert.deepEqual(violations, [], violations.join("\n"));
      await page.done();
    });
  }
});

describe("phones and print", () => {
  const PHONE = { width: 375, height: 667 };
  // Where an element ends, in CSS pixels from the top of the page.
  const bottom = (page, sel) => page.evaluate((sel) => {
    const el = document.querySelector(sel);
    return el && el.checkVisibility() ? Math.ceil(el.getBoundingClientRect().bottom + scrollY) : null;
  }, sel);

  test("on a phone, the finder folds behind one button, which the keyboard and screen readers can use", async () => {
    const page = await open(HOME, { viewport: PHONE });
    const fold = page.locator("button.fold");
    assert.equal(await fold.textContent(), "Rechercher et filtrer");
    assert.equal(await fold.getAttribute("aria-expanded"), "false");
    assert.equal(await fold.getAttribute("aria-controls"), await page.locator("form.finder").getAttribute("id"));
    assert.equal(await page.locator("form.finder").isVisible(), false);
    // Skip link, then the content's first stop is the button.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.waitForURL(/#contenu$/);
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.className), "fold");
    await page.keyboard.press("Enter");
    assert.equal(await fold.getAttribute("aria-expanded"), "true");
    assert.equal(await page.locator("#f-q").isVisible(), true);
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.id), "f-q");
    await page.keyboard.type("juriste");
    await expectTitles(page, ["Juriste commande publique"]);
    // Closed again with a click; the answer stays.
    await fold.click();
    assert.equal(await page.locator("form.finder").isVisible(), false);
    assert.deepEqual(await titles(page), ["Juriste commande publique"]);
    // A URL with a search opens it.
    await page.goto(base + "?lieu=demoville");
    await page.waitForFunction(() => document.querySelector(".results > li"));
    assert.equal(await fold.getAttribute("aria-expanded"), "true");
    assert.equal(await page.locator("#f-lieu").isVisible(), true);
    // On a wide screen, no button: the finder is open.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(base);
    assert.equal(await fold.isVisible(), false);
    assert.equal(await page.locator("#f-q").isVisible(), true);
    await page.done();
  });

  test("on a phone, the first screen shows a whole card, and an offer's title, employer, deadline and how to apply", async () => {
    const dir = artifactsDir();
    const page = await open(HOME, { viewport: PHONE });
    const card = await bottom(page, "[data-scope] > ul.offers > li");
    assert.ok(card && card <= PHONE.height, `the first card ends at ${card} px`);
    await page.screenshot({ path: path.join(dir, "home-375-first-screen.png") });
    await page.goto(base + OFFER);
    for (const sel of ["h1", "article .kicker a", "p.status .badge", "#postuler", "section.apply li a"]) {
      const b = await bottom(page, sel);
      assert.ok(b && b <= PHONE.height, `${sel} ends at ${b} px`);
    }
    await page.screenshot({ path: path.join(dir, "offer-375-first-screen.png") });
    console.log(`# first screens at 375 × 667 in ${dir}`);
    await page.done();
  });

  test("nothing overflows a 320 px screen", async () => {
    const page = await open(HOME, { viewport: { width: 320, height: 640 } });
    for (const p of [HOME, "?q=technicien", "?grade=attache", OFFER, CLOSED_OFFER, EMPLOYER, "employeurs/", MONTH, "echeances/", ARCHIVE, FACET, FACETS, FOLLOW]) {
      await page.goto(base + p);
      if (p.includes("?")) await page.waitForFunction(() => document.querySelector(".results"));
      const w = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(w <= 320, `${p || "/"} is ${w} px wide`);
    }
    await page.done();
  });

  test("the print stylesheet drops the navigation and the finder and shows the address", async () => {
    const page = await open(OFFER);
    await page.emulateMedia({ media: "print" });
    for (const sel of ["header.site", "footer.site", "form.finder", ".skip"]) {
      if (await page.locator(sel).count()) assert.equal(await page.locator(sel).isVisible(), false, sel);
    }
    assert.equal(await page.locator(".print-only").isVisible(), true);
    const pdf = await page.pdf({ format: "A4" });
    assert.ok(pdf.length > 1000);
    await page.done();
  });

  test("screenshots: phone and desktop, light and dark, print", async () => {
    const dir = artifactsDir();
    const shots = [];
    for (const [name, p] of [["home", HOME], ["offer", OFFER], ["home-search", "?q=demoville"], ["archive", ARCHIVE]]) {
      for (const width of [375, 1280]) {
        for (const scheme of ["light", "dark"]) {
          if (name === "archive" && scheme === "dark") continue;
          const page = await open(p, { viewport: { width, height: 800 }, colorScheme: scheme });
          if (p.includes("?")) await page.waitForFunction(() => document.querySelector(".results"));
          const file = path.join(dir, `${name}-${width}-${scheme}.png`);
          await page.screenshot({ path: file, fullPage: true });
          shots.push(file);
          await page.done();
        }
      }
    }
    const narrow = await open(HOME, { viewport: { width: 320, height: 640 } });
    await narrow.screenshot({ path: path.join(dir, "home-320-light.png"), fullPage: true });
    shots.push(path.join(dir, "home-320-light.png"));
    await narrow.done();
    for (const [name, p] of [["home", HOME], ["offer", OFFER]]) {
      const page = await open(p, { viewport: { width: 794, height: 1123 }, colorScheme: "dark" });
      await page.emulateMedia({ media: "print" });
      const file = path.join(dir, `${name}-print.png`);
      await page.screenshot({ path: file, fullPage: true });
      shots.push(file);
      const pdf = path.join(dir, `${name}-print.pdf`);
      await page.pdf({ path: pdf, format: "A4", printBackground: true });
      shots.push(pdf);
      await page.done();
    }
    console.log(`# ${shots.length} screenshots in ${dir}`);
  });
});

describe("following a facet", () => {
  test("from an offer page to its grade's page, then to that grade's feed and calendar", async () => {
    const page = await open(OFFER);
    // The offer says what it can be followed by: its place, grade, category…
    const link = page.locator("main a", { hasText: "au grade Adjoint administratif" });
    assert.equal(await link.count(), 1, "the offer links to its grade's page");
    await link.click();
    await page.waitForURL(/\/grades\/adjoint-administratif\/$/);
    assert.equal(await page.locator("h1").textContent(), "Grade : Adjoint administratif");
    assert.deepEqual(await shownList(page), ["Agent d’accueil et d’état civil"], "the grade's page lists its open offer");
    const feedHref = await page.locator(".follow a", { hasText: "Flux RSS" }).first().getAttribute("href");
    const rss = await (await fetch(new URL(feedHref, page.url()))).text();
    assert.match(rss, /<rss version="2.0"/);
    assert.match(rss, /<title>Grade : Adjoint administratif · /, "the feed is named after the page");
    assert.match(rss, /Agent d’accueil et d’état civil/, "the feed carries the offer");
    const icsHref = await page.locator(".follow a[type='text/calendar']").first().getAttribute("href");
    const ics = await (await fetch(new URL(icsHref, page.url()))).text();
    assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
    assert.match(ics, /SUMMARY:Date limite : Agent d’accueil et d’état civil/);
    // The board's OPML lists that feed among every other.
    const opml = await (await fetch(base + "flux.opml")).text();
    assert.ok(opml.includes(`xmlUrl="${new URL(feedHref, page.url())}"`) || opml.includes("grades/adjoint-administratif/feed.xml"), "flux.opml lists the grade's feed");
    await page.done();
  });

  test("a facet value with no open offer still has its page, which says so", async () => {
    const page = await open("grades/redacteur/");
    assert.match(await page.locator(".lead").textContent(), /Aucune offre n’est ouverte au grade Rédacteur aujourd’hui/);
    assert.match(await page.locator(".lead").textContent(), /offres? closes?/);
    await page.done();
  });
});

describe("files read by other programs", () => {
  test("every HTML page: 0 errors in the Nu HTML checker", { timeout: 180000 }, async () => {
    const files = htmlFiles(out);
    assert.ok(files.length >= 20, `${files.length} pages`);
    let stderr = "";
    try {
      ({ stderr } = await run("java", ["-jar", VNU, "--errors-only", "--skip-non-html", out], { maxBuffer: 16 << 20 }));
    } catch (err) {
      assert.fail(`vnu found errors:\n${err.stderr || err.message}`);
    }
    assert.equal(stderr.trim(), "");
    console.log(`# vnu: ${files.length} pages, 0 errors`);
  });

  test("no unsafe-URL placeholders from the templates", () => {
    for (const f of htmlFiles(out)) assert.ok(!readFileSync(f, "utf8").includes("ZgotmplZ"), `#ZgotmplZ in ${path.relative(out, f)}`);
  });

  test("every link between pages leads to a file of the board", () => {
    const missing = new Set();
    let n = 0;
    for (const f of htmlFiles(out)) {
      for (const [, href] of readFileSync(f, "utf8").matchAll(/\b(?:href|src)="?(\/[^"\s>#?]*)/g)) {
        n++;
        let p = path.join(out, decodeURIComponent(href));
        if (href.endsWith("/")) p = path.join(p, "index.html");
        try {
          statSync(p);
        } catch {
          missing.add(`${href} (in ${path.relative(out, f)})`);
        }
      }
    }
    assert.ok(n > 100, `${n} links`);
    assert.deepEqual([...missing], []);
  });

  test("RSS feeds (feedparser) and iCalendar files (icalendar)", async () => {
    let stdout;
    try {
      ({ stdout } = await run(PYTHON, [path.join(HERE, "feeds_check.py"), out]));
    } catch (err) {
      assert.fail(`feeds_check.py:\n${err.stdout}${err.stderr}`);
    }
    console.log("# " + stdout.trim().split("\n").pop());
  });

  test("JobPosting JSON-LD on open offers, none on closed ones", async () => {
    const page = await open(OFFER);
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    assert.equal(blocks.length, 1);
    const j = JSON.parse(blocks[0]);
    assert.equal(j["@context"], "https://schema.org");
    assert.equal(j["@type"], "JobPosting");
    assert.equal(j.title, "Agent d’accueil et d’état civil");
    assert.equal(j.datePosted, "2026-11-20");
    assert.equal(j.validThrough, "2026-12-11T23:59:59+11:00", "the end of the deadline day in Nouméa");
    assert.ok(j.description && j.description.length > 50);
    assert.equal(j.hiringOrganization["@type"], "Organization");
    assert.equal(j.hiringOrganization.name, "Commune de Démoville");
    assert.equal(j.jobLocation.address.addressLocality, "Démoville");
    assert.equal(j.jobLocation.address.addressCountry, "NC");
    await page.goto(base + CLOSED_OFFER);
    assert.equal(await page.locator('script[type="application/ld+json"]').count(), 0);
    await page.done();
  });

  test("postes.js stays under 10 KB compressed", () => {
    const js = readFileSync(path.join(out, "postes.js"));
    const gz = zlib.gzipSync(js, { level: 9 }).length;
    console.log(`# postes.js: ${js.length} B, ${gz} B gzip -9`);
    assert.ok(gz < 10 * 1024);
  });

  test("the server answers 404 with the board's page", async () => {
    const r = await fetch(base + "nulle-part/");
    assert.equal(r.status, 404);
    assert.match(await r.text(), /Page introuvable/);
  });
});
