import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { demoEnvironment } from "./demo-env.mjs";
const dir = mkdtempSync(path.join(tmpdir(), "axe-"));
const port = 3877;
const server = spawn(process.execPath, ["server.mjs"], {
  env: demoEnvironment({ ...process.env, PORT: String(port), DATABASE_PATH: path.join(dir, "db.sqlite") }).env,
  stdio: ["ignore", "pipe", "inherit"],
});
await new Promise((r) => server.stdout.on("data", (d) => String(d).includes("draait op") && r()));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage();
const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
for (const p of [
  "/",
  "/rondes/groen-keizerslanden-2026",
  "/rondes/groen-keizerslanden-2026/ideeen",
  "/rondes/vonk-keizerslanden-2027/ideeen/nieuw",
  "/rondes/buurtvonk-keizerslanden-2025/uitslag",
]) {
  let t = Date.now();
  await page.goto(`http://127.0.0.1:${port}${p}`);
  const nav = Date.now() - t;
  t = Date.now();
  await new AxeBuilder({ page }).withTags(tags).analyze();
  const full = Date.now() - t;
  t = Date.now();
  await new AxeBuilder({ page }).withTags(tags).analyze();
  const full2 = Date.now() - t;
  t = Date.now();
  await new AxeBuilder({ page }).withTags(tags).setLegacyMode(true).analyze();
  const legacy = Date.now() - t;
  t = Date.now();
  await new AxeBuilder({ page }).withTags(tags).disableRules(["color-contrast"]).analyze();
  const nocc = Date.now() - t;
  console.log(p, { nav, full, full2, legacy, nocc });
}
await browser.close();
server.kill();
