// postes serve in a real browser: the editor's loop. An offer is edited the
// way editors' tools save (vim: swap file, backup, new file; others:
// write-then-rename), a new folder appears, a file breaks and is fixed;
// the open page reloads by itself, shows the problem as an overlay and
// keeps the last good board meanwhile.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { REPO, launch, run, tempDir } from "./lib.mjs";

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
      const m = out.match(/serving on (http:\/\/127\.0\.0\.1:\d+\/)/);
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

  // A broken file: an overlay names it, the last good page stays.
  writeFileSync(file, OFFER("Quatrièmeville", false));
  const overlay = page.locator("#postes-problems");
  await overlay.waitFor({ timeout: 15000 });
  assert.match(await overlay.textContent(), /content\/accueil\.txt:1: no employer/);
  assert.match(await page.textContent("main"), /Troisièmeville/);
  const again = await (await fetch(base + "offres/agent-d-accueil/")).text();
  assert.match(again, /Troisièmeville/, "the last good board is still served");

  // Fixed: the page reloads and the overlay is gone.
  load = reloaded();
  writeFileSync(file, OFFER("Cinquièmeville"));
  await load;
  assert.match(await page.textContent("main"), /Cinquièmeville/);
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
