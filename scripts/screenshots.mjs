// Takes screenshots of the main pages at phone (375 px) and desktop (1280 px) width, for the README
// and for looking at what we build. Usage: npm run build && node scripts/screenshots.mjs [out-dir] [path ...]
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";
import { demoEnvironment } from "./demo-env.mjs";
import { findBrowser } from "./find-browser.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = path.resolve(process.argv[2] ?? path.join(root, "screenshots"));
const pages = process.argv.slice(3).length > 0 ? process.argv.slice(3) : ["/", "/inloggen", "/registreren", "/bestaat-niet"];
const port = 3900 + Math.floor(Math.random() * 90);
const dataDir = mkdtempSync(path.join(tmpdir(), "wijkvonk-shots-"));

const server = spawn(process.execPath, [path.join(root, "server.mjs")], {
  env: demoEnvironment({ ...process.env, PORT: String(port), DATABASE_PATH: path.join(dataDir, "db.sqlite") }).env,
  stdio: ["ignore", "pipe", "inherit"],
});
await new Promise((resolve) => server.stdout.on("data", (d) => String(d).includes("draait op") && resolve()));

const browser = await chromium.launch({
  executablePath: await findBrowser(),
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
mkdirSync(outDir, { recursive: true });
try {
  for (const [label, width] of [
    ["phone", 375],
    ["desktop", 1280],
  ]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    if (process.env.SHOT_LOGIN) {
      await page.goto(`http://127.0.0.1:${port}/inloggen`);
      await page.getByLabel("E-mailadres").fill(process.env.SHOT_LOGIN);
      await page.getByLabel("Wachtwoord", { exact: true }).fill("wijkvonk-demo");
      await page.getByRole("button", { name: "Inloggen" }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/inloggen"));
    }
    for (const p of pages) {
      await page.goto(`http://127.0.0.1:${port}${p}`);
      const name = (p === "/" ? "home" : p.replace(/^\//, "").replace(/[^\w-]+/g, "_")) + `-${label}.png`;
      await page.screenshot({ path: path.join(outDir, name), fullPage: true });
      console.log(path.join(outDir, name));
    }
    await page.close();
  }
} finally {
  await browser.close();
  server.kill();
  rmSync(dataDir, { recursive: true, force: true });
}
