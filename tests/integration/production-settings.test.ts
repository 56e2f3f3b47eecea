import { afterEach, describe, expect, it } from "vitest";
import { getEnv, resetEnvForTests, publicOrigin } from "~/lib/env.server";
import { startup } from "~/startup.server";
import { useTestDatabase } from "../support/test-db";

// Issue 16: production started without APP_URL and mailed reset links to whatever site a request's
// Host named; it made its own voting pepper beside the database; and TRUST_PROXY=true let every
// client choose its IP address.

useTestDatabase();
const pepper = "a-production-pepper-of-at-least-32-characters";
const settings = ["NODE_ENV", "APP_URL", "VOTING_PEPPER", "TRUST_PROXY"] as const;
const saved = Object.fromEntries(settings.map((name) => [name, process.env[name]]));

function setEnv(values: Partial<Record<(typeof settings)[number], string>>): void {
  const env: Record<string, string | undefined> = process.env;
  for (const name of settings) {
    if (values[name] === undefined) delete env[name];
    else env[name] = values[name];
  }
  resetEnvForTests();
}

afterEach(() => setEnv(saved));

describe("production refuses to start without what it needs", () => {
  it("without APP_URL, saying so", async () => {
    setEnv({ NODE_ENV: "production", VOTING_PEPPER: pepper });
    await expect(startup({ seedDemo: false })).rejects.toThrow(/without:\n- APP_URL/);
  });

  it("without VOTING_PEPPER, saying so and where the one in use so far is", async () => {
    setEnv({ NODE_ENV: "production", APP_URL: "https://wijkvonk.example.nl" });
    await expect(startup({ seedDemo: false })).rejects.toThrow(/VOTING_PEPPER .*voting-pepper\.secret/);
  });

  it("and starts with both", async () => {
    setEnv({ NODE_ENV: "production", APP_URL: "https://wijkvonk.example.nl", VOTING_PEPPER: pepper });
    await expect(startup({ seedDemo: false })).resolves.toMatchObject({ seeded: false });
  });
});

describe("links in mails", () => {
  const forged = new Request("http://evil.example/wachtwoord-vergeten", { headers: { Host: "evil.example" } });

  it("point to APP_URL, whatever Host the request names", () => {
    setEnv({ NODE_ENV: "production", APP_URL: "https://wijkvonk.example.nl/", VOTING_PEPPER: pepper });
    expect(publicOrigin(forged, getEnv().appUrl)).toBe("https://wijkvonk.example.nl");
  });

  it("point to this server on localhost without APP_URL (development), never to the request's Host", () => {
    setEnv({ NODE_ENV: "development" });
    expect(publicOrigin(forged, getEnv().appUrl)).toBe(`http://localhost:${process.env.PORT ?? 3000}`);
  });
});

describe("TRUST_PROXY", () => {
  it("refuses true at start, saying why and what to give instead", () => {
    setEnv({ TRUST_PROXY: "true" });
    expect(() => getEnv()).toThrow(/TRUST_PROXY: true would let every client choose its own IP address .*number of proxies/);
  });

  it("takes a hop count or a list of proxy addresses", () => {
    setEnv({ TRUST_PROXY: "1" });
    expect(getEnv().trustProxy).toBe(1);
    setEnv({ TRUST_PROXY: "loopback, 10.0.0.0/8, ::1" });
    expect(getEnv().trustProxy).toEqual(["loopback", "10.0.0.0/8", "::1"]);
    setEnv({});
    expect(getEnv().trustProxy).toBeUndefined();
  });

  it("refuses what is neither", () => {
    for (const value of ["0", "yes", "10.0.0.0/33", "proxy.example.nl"]) {
      setEnv({ TRUST_PROXY: value });
      expect(() => getEnv(), value).toThrow(/TRUST_PROXY/);
    }
  });
});
