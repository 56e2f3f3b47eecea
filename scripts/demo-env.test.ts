import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { demoEnvironment } from "./demo-env.mjs";

// Issue 16: `npm start` put the demo, with /dev/mail and its reset links, on every network interface.

const dir = mkdtempSync(path.join(tmpdir(), "wijkvonk-demo-env-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const databasePath = path.join(dir, "demo.sqlite");

describe("the demo's settings", () => {
  it("listen on this machine only, with links in mails to localhost and a pepper kept beside the demo database", () => {
    const { env, warnings } = demoEnvironment({ DATABASE_PATH: databasePath, PORT: "3100" });
    expect(env).toMatchObject({ NODE_ENV: "production", HOST: "127.0.0.1", APP_URL: "http://localhost:3100", DEV_MAILBOX: "1", SEED_DEMO: "1" });
    expect(env.VOTING_PEPPER).toBe(readFileSync(path.join(dir, "voting-pepper.secret"), "utf8"));
    expect(env.VOTING_PEPPER.length).toBeGreaterThanOrEqual(32);
    expect(warnings).toEqual([]);
    // The same pepper at the next start, so that voting codes keep working.
    expect(demoEnvironment({ DATABASE_PATH: databasePath }).env.VOTING_PEPPER).toBe(env.VOTING_PEPPER);
  });

  it("opens to the network only when HOST says so, and then warns", () => {
    const { env, warnings } = demoEnvironment({ DATABASE_PATH: databasePath, HOST: "0.0.0.0" });
    expect(env.HOST).toBe("0.0.0.0");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("HOST=0.0.0.0");
    expect(demoEnvironment({ DATABASE_PATH: databasePath, HOST: "localhost" }).warnings).toEqual([]);
  });

  it("leaves every variable that is set as it is", () => {
    const set = {
      DATABASE_PATH: databasePath,
      APP_URL: "https://demo.example.nl",
      VOTING_PEPPER: "p".repeat(40),
      SMTP_URL: "smtp://mail.example.nl",
      COOKIE_SECURE: "1",
    };
    const { env } = demoEnvironment(set);
    expect(env).toMatchObject(set);
    expect(env.DEV_MAILBOX).toBeUndefined();
  });
});
