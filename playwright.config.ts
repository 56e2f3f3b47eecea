import { defineConfig, devices } from "@playwright/test";

// scripts/e2e.mjs picks the port, the browser and a fresh data folder before Playwright starts,
// so that every Playwright worker reads the same values.
const port = Number(process.env.E2E_PORT ?? 3999);
const dataDir = process.env.E2E_DATA_DIR ?? "./data/e2e";
const baseURL = `http://localhost:${port}`;
// The address look-up's stand-in (tests/support/locatieserver-stub.mjs): the server never asks PDOK in a test.
const lookupStubPort = Number(process.env.E2E_LOOKUP_STUB_PORT ?? port - 1);

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.test.ts",
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  forbidOnly: true,
  // Generous: two workers share two cores, and a journey with many pages runs slowly on a busy machine.
  timeout: 45_000,
  expect: { timeout: 7_000 },
  reporter: [["list"], ["json", { outputFile: "test-reports/e2e.json" }]],
  use: {
    baseURL,
    locale: "nl-NL",
    timezoneId: "Europe/Amsterdam",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: [
    {
      command: `node tests/support/locatieserver-stub.mjs ${lookupStubPort}`,
      url: `http://127.0.0.1:${lookupStubPort}/`,
      reuseExistingServer: false,
      timeout: 10_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: "node server.mjs",
      url: `${baseURL}/`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        NODE_ENV: "production",
        APP_URL: baseURL,
        VOTING_PEPPER: "e2e-pepper-0123456789abcdef0123456789abcdef",
        PORT: String(port),
        HOST: "127.0.0.1",
        DATABASE_PATH: `${dataDir}/e2e.sqlite`,
        SEED_DEMO: "1",
        DEV_MAILBOX: "1",
        TEST_CLOCK: "1",
        ADDRESS_LOOKUP_URL: `http://127.0.0.1:${lookupStubPort}/bzk/locatieserver/search/v3_1`,
      },
    },
  ],
});
