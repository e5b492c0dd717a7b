// Shared helpers of the browser tests: build a board with postes, serve it
// on 127.0.0.1, launch Debian's Chromium through playwright-core.
import { execFile } from "node:child_process";
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { chromium } from "playwright-core";

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(HERE, "..", "..");
export const run = promisify(execFile);

// Where screenshots and measurements go: $ARTIFACTS, else a folder in the
// system's temporary directory (printed by the tests that write there).
export function artifactsDir() {
  const dir = process.env.ARTIFACTS || path.join(os.tmpdir(), "postes-browser-artifacts");
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function tempDir(prefix) {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

// go run ./cmd/postes build ... from the repository root ($POSTES_BIN, if
// set, instead of go run). A board with warnings still builds (exit status
// 0); errors fail the test.
export async function buildBoard({ source = ".", now, output }) {
  const args = ["build", "--source", source, "--now", now, "--output", output];
  const [cmd, argv] = process.env.POSTES_BIN ? [process.env.POSTES_BIN, args] : ["go", ["run", "./cmd/postes", ...args]];
  const { stdout, stderr } = await run(cmd, argv, {
    cwd: REPO,
    maxBuffer: 64 << 20,
  });
  const lines = (stdout + "\n" + stderr).split("\n");
  return lines.find((l) => / published | publiées? /.test(l)) || lines.filter(Boolean).pop();
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".ics": "text/calendar; charset=utf-8",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
};

// A tiny static server like the hosts the README describes: index.html for
// folders, 404.html with status 404, content types by extension.
export async function serve(root) {
  const requests = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    requests.push(url.pathname);
    let rel;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = path.join(root, path.normalize(rel));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    let status = 200;
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!rel.endsWith("/")) {
        res.writeHead(301, { Location: url.pathname + "/" + url.search }).end();
        return;
      }
      file = path.join(file, "index.html");
    }
    if (!existsSync(file) || !statSync(file).isFile()) {
      status = 404;
      file = path.join(root, "404.html");
    }
    res.writeHead(status, { "Content-Type": TYPES[path.extname(file)] || "application/octet-stream", "Cache-Control": "no-store" });
    createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(resolve);
    }),
  };
}

// Debian's chromium, never a browser download of playwright's own.
export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

// Debian's python3 (with python3-feedparser and python3-icalendar), not
// whatever python3 comes first in PATH.
export const PYTHON = process.env.PYTHON || (existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3");
