// Finds a Chromium for Playwright: its own download if present, else Debian's, else installs
// Debian's when running as root, else stops with a message that says what to install.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const systemPaths = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

async function playwrightOwnBrowser() {
  try {
    const { chromium } = await import("@playwright/test");
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

export async function findBrowser({ install = true } = {}) {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  const own = await playwrightOwnBrowser();
  if (own) return own;
  const system = systemPaths.find((p) => existsSync(p));
  if (system) return system;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (install && isRoot && hasApt) {
    console.log("No browser found: installing Debian's chromium (about 20 s)…");
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    const installed = systemPaths.find((p) => existsSync(p));
    if (installed) return installed;
  }
  throw new Error(
    "No Chromium found for the end-to-end tests. Install one: `sudo apt-get install chromium` (Debian/Ubuntu), " +
      "or `npx playwright install chromium`, or set CHROMIUM_PATH to a Chromium or Chrome binary.",
  );
}
