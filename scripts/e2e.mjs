// Runs the Playwright journeys against the production build on a free port with a fresh database.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findBrowser } from "./find-browser.mjs";
import { freePort } from "./free-port.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const browser = await findBrowser();
if (!process.env.E2E_SKIP_BUILD) {
  const build = spawnSync(process.execPath, [path.join(root, "node_modules/@remix-run/dev/dist/cli.js"), "vite:build"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const dataDir = mkdtempSync(path.join(tmpdir(), "wijkvonk-e2e-"));
const env = {
  ...process.env,
  CHROMIUM_PATH: browser,
  E2E_PORT: String(await freePort()),
  E2E_LOOKUP_STUB_PORT: String(await freePort()),
  E2E_DATA_DIR: dataDir,
};
const result = spawnSync(process.execPath, [path.join(root, "node_modules/@playwright/test/cli.js"), "test", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env,
});
rmSync(dataDir, { recursive: true, force: true });
process.exit(result.status ?? 1);
