import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { spawnApp, startApp, stop, type App } from "../../bench/support/server";

// Issue 16 against the built server (server.mjs) as production runs it, without a browser: what it
// refuses to start without (16.3, 16.9), whom it believes about the client (16.9), and who may read
// the development mailbox (16.4).

test.describe.configure({ mode: "serial" });

let dir = "";
let app: App | null = null;
const databasePath = () => path.join(dir, "app.sqlite");

test.beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "wijkvonk-settings-"));
});

test.afterEach(async () => {
  if (app) await stop(app.child);
  app = null;
});

test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts the server with these settings and waits for it to exit: its exit code and what it said on stderr. */
async function refusedStart(env: Record<string, string | undefined>): Promise<{ code: number | null; stderr: string }> {
  // Kept in `app` meanwhile, so that a server that does start is stopped after the test.
  app = await spawnApp({ databasePath: databasePath(), env });
  const { child } = app;
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += String(chunk)));
  const code = await new Promise<number | null>((resolve) => child.on("exit", (exitCode) => resolve(exitCode)));
  app = null;
  return { code, stderr };
}

test("production does not start without APP_URL or VOTING_PEPPER, or with TRUST_PROXY=true, and says why", async () => {
  const noAppUrl = await refusedStart({ APP_URL: undefined });
  expect(noAppUrl.code).not.toBe(0);
  expect(noAppUrl.stderr).toContain("does not start in production without:\n- APP_URL");

  const noPepper = await refusedStart({ VOTING_PEPPER: undefined });
  expect(noPepper.code).not.toBe(0);
  expect(noPepper.stderr).toContain("- VOTING_PEPPER");

  const trustAll = await refusedStart({ TRUST_PROXY: "true" });
  expect(trustAll.code).not.toBe(0);
  expect(trustAll.stderr).toContain("TRUST_PROXY: true would let every client choose its own IP address");
});

test("TRUST_PROXY=1 believes the one proxy in front about the protocol; without it, no header is believed", async () => {
  const overHttps = { "X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9" };
  app = await startApp({ databasePath: databasePath() });
  expect((await fetch(`${app.origin}/healthz`, { headers: overHttps })).headers.get("strict-transport-security")).toBeNull();
  await stop(app.child);
  app = await startApp({ databasePath: databasePath(), env: { TRUST_PROXY: "1" } });
  expect((await fetch(`${app.origin}/healthz`, { headers: overHttps })).headers.get("strict-transport-security")).toContain("max-age=");
});

test("/dev/mail answers a request from this machine, and not one a proxy passed on", async () => {
  app = await startApp({ databasePath: databasePath(), env: { DEV_MAILBOX: "1" } });
  expect((await fetch(`${app.origin}/dev/mail`)).status).toBe(200);
  expect((await fetch(`${app.origin}/dev/mail`, { headers: { "X-Forwarded-For": "127.0.0.1" } })).status).toBe(404);
});
