// postes serve in a real browser: the editor's loop. An offer is edited the
// way editors' tools save (vim: swap file, backup, new file; others:
// write-then-rename), a new folder appears, a file breaks and is fixed;
// the open page reloads by itself and shows the problems in a panel, a
// broken offer's last good version staying. Then each mistake an editor
// makes, seen in the offer's page in French, with a screenshot of each;
// and a board started with postes init.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { HERE, PYTHON, REPO, artifactsDir, launch, run, tempDir } from "./lib.mjs";

const require = createRequire(import.meta.url);
const VNU = path.join(path.dirname(require.resolve("vnu-jar")), "build", "dist", "vnu.jar");

const OFFER = (lieu, employer = true) => `# Agent d’accueil

${employer ? "Employeur : Commune de Test\n" : ""}Lieu de travail : ${lieu}
Date de dépôt de l’offre : 01/03/2025
Date limite de candidature : 31/03/2025

# Missions

- Accueillir le public.
`;

let site, proc, browser, base, bin;

before(async () => {
  site = tempDir("postes-serve-");
  mkdirSync(path.join(site.dir, "content"));
  writeFileSync(path.join(site.dir, "content", "accueil.txt"), OFFER("Premièreville"));
  bin = path.join(site.dir, "postes");
  await run("go", ["build", "-o", bin, "./cmd/postes"], { cwd: REPO });
  proc = spawn(bin, ["serve", "--source", site.dir, "--port", "0", "--now", "2025-03-15"], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  base = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("serve did not start:\n" + out)), 30000);
    const onData = (d) => {
      out += d;
      const m = out.match(/(?:serving on|site servi sur) (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    proc.stdout.on("data", onData);
    proc.stderr.on("data", (d) => (out += d));
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  if (proc && proc.exitCode === null) {
    proc.kill("SIGINT");
    await new Promise((r) => proc.once("exit", r));
  }
  site?.remove();
});

// vim's default save: write a swap file, move the original to a backup,
// write the new file, remove the backup.
function vimSave(file, text) {
  const dir = path.dirname(file), name = path.basename(file);
  writeFileSync(path.join(dir, `.${name}.swp`), "swap");
  writeFileSync(path.join(dir, "4913"), "");
  unlinkSync(path.join(dir, "4913"));
  renameSync(file, file + "~");
  writeFileSync(file, text);
  unlinkSync(file + "~");
  unlinkSync(path.join(dir, `.${name}.swp`));
}

function renameSave(file, text) {
  const tmp = path.join(path.dirname(file), ".tmp-save");
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

test("the page reloads after edits, shows a broken file and recovers", async () => {
  const page = await browser.newPage();
  const file = path.join(site.dir, "content", "accueil.txt");
  await page.goto(base + "offres/agent-d-accueil/");
  assert.match(await page.textContent("main"), /Premièreville/);

  // Each save must reload the page by itself (a new document).
  const reloaded = () => page.waitForEvent("load", { timeout: 15000 });

  let load = reloaded();
  vimSave(file, OFFER("Deuxièmeville"));
  await load;
  assert.match(await page.textContent("main"), /Deuxièmeville/);

  load = reloaded();
  renameSave(file, OFFER("Troisièmeville"));
  await load;
  assert.match(await page.textContent("main"), /Troisièmeville/);

  // A broken file: the page reloads, its panel names the error, and the
  // last good version of the offer stays, marked as such.
  load = reloaded();
  writeFileSync(file, OFFER("Quatrièmeville", false));
  await load;
  const panel = page.locator("#postes-file");
  assert.match(await panel.textContent(), /content\/accueil\.txt:1: erreur : pas d’employeur/);
  assert.match(await panel.textContent(), /version précédente affichée/);
  assert.match(await page.textContent("main"), /Troisièmeville/);
  const again = await (await fetch(base + "offres/agent-d-accueil/")).text();
  assert.match(again, /Troisièmeville/, "the last good version is still served");

  // Fixed: the page reloads and the error is gone.
  load = reloaded();
  writeFileSync(file, OFFER("Cinquièmeville"));
  await load;
  assert.match(await page.textContent("main"), /Cinquièmeville/);
  assert.doesNotMatch(await page.textContent("body"), /pas d’employeur/);
  assert.equal(await page.locator("#postes-problems").count(), 0);

  // A new folder with a new offer, then its deletion.
  load = reloaded();
  mkdirSync(path.join(site.dir, "content", "nouveau"));
  writeFileSync(path.join(site.dir, "content", "nouveau", "jardinier.txt"), OFFER("Jardinville").replace("Agent d’accueil", "Jardinier"));
  await load;
  assert.equal((await fetch(base + "offres/jardinier/")).status, 200);
  load = reloaded();
  rmSync(path.join(site.dir, "content", "nouveau"), { recursive: true });
  await load;
  assert.equal((await fetch(base + "offres/jardinier/")).status, 404);

  // A file added then deleted, and an edit after each: every one is
  // published (an edit once dropped the file just added, and after a
  // deletion every edit failed on the deleted file until serve restarted).
  const other = path.join(site.dir, "content", "secretaire.txt");
  load = reloaded();
  renameSave(other, OFFER("Secrétville").replace("Agent d’accueil", "Secrétaire"));
  await load;
  load = reloaded();
  renameSave(file, OFFER("Sixièmeville"));
  await load;
  assert.match(await page.textContent("main"), /Sixièmeville/);
  assert.equal((await fetch(base + "offres/secretaire/")).status, 200, "the offer added is still served");
  load = reloaded();
  unlinkSync(other);
  await load;
  assert.equal((await fetch(base + "offres/secretaire/")).status, 404);
  load = reloaded();
  renameSave(file, OFFER("Septièmeville"));
  await load;
  assert.match(await page.textContent("main"), /Septièmeville/);
  assert.equal(await page.locator("#postes-problems").count(), 0);
  await page.close();
});

test("Ctrl-C stops serve cleanly", async () => {
  proc.kill("SIGINT");
  const code = await new Promise((r) => proc.once("exit", (c) => r(c)));
  assert.equal(code, 0);
});

// serveSite starts postes serve on a site folder for the tests below,
// which stop it themselves.
async function serveSite(dir, now) {
  const p = spawn(bin, ["serve", "--source", dir, "--port", "0", "--now", now], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("serve did not start:\n" + out)), 30000);
    const onData = (d) => {
      out += d;
      const m = out.match(/(?:serving on|site servi sur) (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    p.stdout.on("data", onData);
    p.stderr.on("data", onData);
  });
  return {
    url,
    output: () => out,
    stop: async () => {
      if (p.exitCode === null) {
        p.kill("SIGINT");
        await new Promise((r) => p.once("exit", r));
      }
    },
  };
}

// An offer of a board in 2026, and another offer, each with a way to apply.
const ACCUEIL = {
  title: "# Agent d’accueil",
  employer: "Employeur : Commune de Koné",
  place: "Lieu de travail : Koné",
  posted: "Date de dépôt de l’offre : 02/02/2026",
  deadline: "Date limite de candidature : 27/02/2026",
  body: "# Missions\n\n- Accueillir le public.\n\n# Dossier de candidature\n\nLettre et CV à rh@kone.example.",
};
const text = (o) => [o.title, "", o.employer, o.place, o.posted, o.deadline, "", o.body, ""].filter((l) => l !== null).join("\n");
const JARDINIER = (ville) => `# Jardinier

Employeur : Commune de Koné
Lieu de travail : ${ville}
Date de dépôt de l’offre : 02/02/2026
Date limite de candidature : 27/02/2026

# Missions

Entretenir les jardins. Candidatures à rh@kone.example.
`;

test("each mistake an editor makes is shown in French in the offer's page, while other edits are published", async () => {
  const site2 = tempDir("postes-mistakes-");
  mkdirSync(path.join(site2.dir, "content"));
  const accueil = path.join(site2.dir, "content", "accueil.txt");
  const jardinier = path.join(site2.dir, "content", "jardinier.txt");
  writeFileSync(accueil, text(ACCUEIL));
  writeFileSync(jardinier, JARDINIER("Koné"));
  const srv = await serveSite(site2.dir, "2026-02-10");
  const shots = artifactsDir();
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  // The reader's day is the board's: the page's script says "closes in …"
  // from the browser's clock.
  await page.clock.setFixedTime(new Date("2026-02-10T12:00:00+01:00"));
  try {
    await page.goto(srv.url + "offres/agent-d-accueil/");
    assert.equal(await page.locator("#postes-panel").count(), 0, "a board without problems has no panel");
    const reloaded = () => page.waitForEvent("load", { timeout: 15000 });
    const panel = page.locator("#postes-file");
    // One save, one reload; the offer's panel says what is wrong, as the
    // terminal does, and a screenshot shows what the editor sees.
    const mistake = async (name, offer, want) => {
      const load = reloaded();
      renameSave(accueil, text(offer));
      await load;
      const said = await panel.textContent();
      for (const w of want) assert.match(said, w, `${name}: the panel says ${said}`);
      for (const line of await panel.locator("li").allTextContents()) {
        assert.ok(srv.output().includes(line), `${name}: the terminal says ${line}`);
      }
      await page.screenshot({ path: path.join(shots, `serve-${name}.png`), fullPage: false });
    };

    await mistake("label-mal-ecrit", { ...ACCUEIL, deadline: "Date limte : 27/02/2026" }, [
      /content\/accueil\.txt:6: avertissement : label « Date limte » inconnu : vouliez-vous dire « Date limite de candidature »/,
    ]);
    await mistake("date-impossible", { ...ACCUEIL, deadline: "Date limite de candidature : 31/02/2026" }, [
      /content\/accueil\.txt:6: avertissement : Date limite de candidature « 31\/02\/2026 » : ce jour n’existe pas, février 2026 n’a que 28 jours/,
    ]);
    await mistake("date-limite-avant-depot", { ...ACCUEIL, deadline: "Date limite de candidature : 01/02/2026" }, [
      /content\/accueil\.txt:6: avertissement : la date limite \(1er février 2026\) est avant la date de dépôt \(2 février 2026\)/,
    ]);
    assert.match(await page.textContent("main"), /Candidatures closes/, "the page the editor sees is the offer closed");

    // An error: the last good version stays, marked, and an edit to
    // another offer is published meanwhile.
    await mistake("sans-employeur", { ...ACCUEIL, employer: null }, [
      /content\/accueil\.txt:1: erreur : pas d’employeur : l’offre n’est pas publiée/,
      /version précédente affichée/,
    ]);
    assert.match(await page.textContent("main"), /Commune de Koné/, "the last good version is shown");
    let load = reloaded();
    renameSave(jardinier, JARDINIER("Poum"));
    await load;
    const other = await (await fetch(srv.url + "offres/jardinier/")).text();
    assert.match(other, /Poum/, "an edit to another offer is published while this one is broken");
    assert.match(await page.locator("#postes-board").textContent(), /pas d’employeur/, "the board's panel lists it");

    await mistake("sans-moyen-de-postuler", { ...ACCUEIL, body: "# Missions\n\n- Accueillir le public." }, [
      /content\/accueil\.txt:1: avertissement : aucun moyen de postuler : ni e-mail, ni lien, ni adresse postale/,
    ]);

    // The board's panel, on another page, links to the offer.
    await page.goto(srv.url);
    const board = page.locator("#postes-board");
    await board.locator("summary").click();
    await page.screenshot({ path: path.join(shots, "serve-panneau-du-site.png"), fullPage: false });
    await board.locator('a[href="/offres/agent-d-accueil/"]').first().click();
    await page.waitForURL(/\/offres\/agent-d-accueil\/$/);

    // Fixed: no panel at all.
    load = reloaded();
    renameSave(accueil, text(ACCUEIL));
    await load;
    assert.equal(await page.locator("#postes-panel").count(), 0);

    // What no file can fix alone: config.toml broken, nothing published,
    // the overlay says why.
    writeFileSync(path.join(site2.dir, "config.toml"), "titre = \"Emplois\"\n");
    const overlay = page.locator("#postes-problems");
    await overlay.waitFor({ timeout: 15000 });
    assert.match(await overlay.textContent(), /modification non publiée/);
    // In French too, with what the key was meant to be.
    assert.match(await overlay.textContent(), /config\.toml:1: erreur : clé « titre » inconnue : vouliez-vous dire « title » \?/);
    await page.screenshot({ path: path.join(shots, "serve-config-cassee.png"), fullPage: false });
    load = reloaded();
    unlinkSync(path.join(site2.dir, "config.toml"));
    await load;
    assert.equal(await page.locator("#postes-problems").count(), 0);
    console.log(`# screenshots of each mistake: ${shots}/serve-*.png`);
  } finally {
    await page.close();
    await srv.stop();
    site2.remove();
  }
});

test("postes init in an empty folder, then postes build: a valid board", { timeout: 240000 }, async () => {
  const site3 = tempDir("postes-init-");
  const dir = path.join(site3.dir, "emplois");
  try {
    const { stdout } = await run(bin, ["init", dir]);
    assert.match(stdout, /nouveau site dans/);
    // The README's build command, from the board's folder.
    const built = await run(bin, ["build"], { cwd: dir });
    assert.match(built.stdout, /^2 offres publiées \(2 ouvertes, 0 close\)/);
    assert.doesNotMatch(built.stderr, /erreur :/);
    const out = path.join(dir, "public");
    const { stderr } = await run("java", ["-jar", VNU, "--errors-only", "--skip-non-html", out], { maxBuffer: 16 << 20 });
    assert.equal(stderr.trim(), "");
    const feeds = await run(PYTHON, [path.join(HERE, "feeds_check.py"), out]);
    console.log("# init: " + feeds.stdout.trim().split("\n").pop());
  } finally {
    site3.remove();
  }
});
