// The sample board in Chromium: search and filters, URL state, keyboard,
// deadline badges on a fixed clock, no-JS, axe-core, the Nu HTML checker,
// feeds and calendars, JSON-LD, phone widths, screenshots.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
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
    await page.done();
  });

  test("the index is loaded only when the reader starts searching", async () => {
    const page = await open(null);
    const asked = [];
    page.on("request", (r) => asked.push(new URL(r.url()).pathname));
    await page.goto(base);
    await page.waitForLoadState("networkidle");
    assert.ok(!asked.includes("/recherche.json"), `loaded on page load: ${asked}`);
    const req = page.waitForRequest((r) => r.url().endsWith("/recherche.json"));
    await page.focus("#f-q");
    await req;
    await page.done();
  });
});

describe("filters", () => {
  const ALL = ["Agent d’accueil et d’état civil", "Technicien en information géographique (SIG)", "Juriste commande publique", "Un Éducateur de jeunes enfants (F/H)"];

  test("each filter narrows the results; sorting by posting date changes the order", async () => {
    const page = await open(HOME);
    assert.deepEqual(await shownList(page), ALL, "the page's own list, soonest deadline first");
    await page.focus("#f-q");
    await page.waitForFunction(() => document.querySelector("#f-emp").options.length > 1);
    // Options come from the open offers, sorted by name.
    assert.deepEqual(await page.locator("#f-emp option").allTextContents(), ["Tous", "Commune de Démoville", "Mairie de Ville-Exemple", "Province Exemple"]);
    assert.deepEqual(await page.locator("#f-lieu option").allTextContents(), ["Tous", "Démoville", "Port-Exemple", "Ville-Exemple"]);
    assert.deepEqual(await page.locator("#f-fil option").allTextContents(), ["Toutes", "administrative", "sociale", "technique"]);

    const cases = [
      ["#f-emp", "commune-de-demoville", ["Agent d’accueil et d’état civil", "Juriste commande publique"], "2 offres correspondent."],
      ["#f-lieu", "port-exemple", ["Technicien en information géographique (SIG)"], "1 offre correspond."],
      ["#f-grade", "attache", ["Juriste commande publique"], "1 offre correspond."],
      ["#f-cat", "A", ["Juriste commande publique", "Un Éducateur de jeunes enfants (F/H)"], "2 offres correspondent."],
      ["#f-cat", "C", ["Agent d’accueil et d’état civil"], "1 offre correspond."],
      ["#f-fil", "technique", ["Technicien en information géographique (SIG)"], "1 offre correspond."],
      ["#f-ech", "7j", ["Agent d’accueil et d’état civil"], "1 offre correspond."], // 11 December: in 6 days
      ["#f-ech", "mois", ["Agent d’accueil et d’état civil"], "1 offre correspond."], // December
    ];
    for (const [sel, value, want, said] of cases) {
      await page.selectOption(sel, value);
      await expectTitles(page, want, `${sel}=${value}`);
      assert.equal(await status(page), said);
      assert.equal(await shownList(page), null, "the page's own list is hidden while filtering");
      await page.selectOption(sel, "");
      await page.waitForFunction(() => !document.querySelector("[data-scope] > ul.offers").hidden);
    }
    // Two filters together.
    await page.selectOption("#f-emp", "commune-de-demoville");
    await page.selectOption("#f-grade", "adjoint-administratif");
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
    await page.focus("#f-q");
    await page.waitForFunction(() => document.querySelector("#f-grade").options.length > 1);
    const grades = await page.locator("#f-grade option").allTextContents();
    assert.equal(grades.filter((g) => g.toLowerCase() === "attaché").length, 1, `one "attaché" whatever its case: ${grades}`);
    await page.selectOption("#f-grade", "attache");
    // Sample 001 names two grades, the engineer grade and Attaché.
    await expectTitles(page, ["Référent de secteur", "Secrétaire général", "Chargé de mission performance de l’action publique"]);
    await page.done();
  });
});

describe("URL state", () => {
  test("filters go into the query string, the URL restores them, Back goes back", async () => {
    const page = await open(HOME);
    await page.focus("#f-q");
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
    for (let i = 0; i < 6 && f.id !== "f-tri"; i++) {
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
        assert.match(await st.textContent(), /^Candidatures closes : la date limite était le 11 décembre 2026\.$/);
        assert.equal(await st.getAttribute("class"), "status closed");
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

  test("far deadlines show the date, without a badge", async () => {
    const page = await open(HOME);
    const item = page.locator(`li.offer[data-deadline="2027-06-30"]`);
    assert.equal(await item.locator(".due").textContent(), "Candidatures jusqu’au 30 juin 2027");
    assert.equal(await item.locator(".badge").count(), 0);
    await page.done();
  });
});

describe("without JavaScript", () => {
  test("every list is there and the finder stays hidden", async () => {
    const page = await open(HOME, { javaScriptEnabled: false });
    assert.equal(await page.locator("[data-scope] > ul.offers > li").count(), 4);
    assert.equal(await page.locator("form.finder").isVisible(), false);
    // The build's own badges (board day 5 December: 6 days before the 11th).
    assert.equal(await page.locator(`li.offer[data-deadline="2026-12-11"] .badge`).textContent(), "Plus que 6 jours");
    for (const [p, n] of [[ARCHIVE, 5], [EMPLOYER, 2], [MONTH, 1]]) {
      await page.goto(base + p);
      assert.equal(await page.locator("[data-scope] > ul.offers > li").count(), n, p);
      assert.equal(await page.locator("form.finder").isVisible(), false, p);
    }
    await page.goto(base + OFFER);
    assert.equal(await page.locator("h1").textContent(), "Agent d’accueil et d’état civil");
    await page.done();
  });
});

describe("accessibility (axe-core, WCAG 2.2 AA)", () => {
  const pages = [
    ["home", HOME], ["home, filtered", "?employeur=commune-de-demoville&tri=publication"], ["offer", OFFER], ["closed offer", CLOSED_OFFER],
    ["employer", EMPLOYER], ["employers", "employeurs/"], ["month", MONTH], ["months", "echeances/"], ["archive", ARCHIVE], ["not found", "nulle-part/"],
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
  test("nothing overflows a 320 px screen", async () => {
    const page = await open(HOME, { viewport: { width: 320, height: 640 } });
    for (const p of [HOME, "?q=technicien", OFFER, CLOSED_OFFER, EMPLOYER, "employeurs/", MONTH, "echeances/", ARCHIVE]) {
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
