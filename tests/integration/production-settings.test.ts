import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { getEnv, missingForProduction, resetEnvForTests, publicOrigin } from "~/lib/env.server";
import { readPhotoFile, uploadsDir, writePhotoFiles } from "~/lib/photos.server";
import { startup } from "~/startup.server";
import { useTestDatabase } from "../support/test-db";

// Issue 16: production started without APP_URL and mailed reset links to whatever site a request's
// Host named; it made its own voting pepper beside the database; and TRUST_PROXY=true let every
// client choose its IP address.

const database = useTestDatabase();
const pepper = "a-production-pepper-of-at-least-32-characters";
const settings = ["NODE_ENV", "APP_URL", "VOTING_PEPPER", "TRUST_PROXY", "DATABASE_URL", "UPLOADS_DIR"] as const;
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

// Issue 20: several servers on one PostgreSQL database must store photos where all of them read them.
describe("UPLOADS_DIR", () => {
  const production = { NODE_ENV: "production", APP_URL: "https://wijkvonk.example.nl", VOTING_PEPPER: pepper };
  const postgres = "postgres://wijkvonk@db.example.nl:5432/wijkvonk";

  it("is required in production on PostgreSQL (DATABASE_URL), with a clear message at start", async () => {
    setEnv({ ...production, DATABASE_URL: postgres });
    await expect(startup({ seedDemo: false })).rejects.toThrow(/without:\n- UPLOADS_DIR \(a folder every app server shares/);
    setEnv({ ...production, DATABASE_URL: postgres, UPLOADS_DIR: "/srv/wijkvonk-uploads" });
    expect(missingForProduction(getEnv())).toEqual([]);
  });

  it("is not required on SQLite, nor outside production", () => {
    setEnv(production);
    expect(missingForProduction(getEnv())).toEqual([]);
    setEnv({ NODE_ENV: "development", DATABASE_URL: postgres });
    expect(missingForProduction(getEnv())).toEqual([]);
  });

  it("is where photos are stored when set; without it, the uploads folder beside the database", async () => {
    setEnv({});
    expect(uploadsDir("ideas")).toBe(path.join(path.dirname(path.resolve(database.file())), "uploads", "ideas"));
    expect(getEnv().uploadsDir).toBe(path.join(path.dirname(path.resolve(database.file())), "uploads"));
    const shared = mkdtempSync(path.join(tmpdir(), "wijkvonk-shared-uploads-"));
    try {
      setEnv({ UPLOADS_DIR: shared });
      expect(getEnv().uploadsDir).toBe(shared);
      expect(uploadsDir("contests")).toBe(path.join(shared, "contests"));
      const photo = { storageKey: "gedeeld", width: 1, height: 1, files: { large: Buffer.from("groot"), small: Buffer.from("klein") } };
      await writePhotoFiles(photo, "updates");
      expect(readFileSync(path.join(shared, "updates", "gedeeld-480.webp"), "utf8")).toBe("klein");
      expect((await readPhotoFile("gedeeld", "large", "updates"))?.toString()).toBe("groot");
    } finally {
      rmSync(shared, { recursive: true, force: true });
    }
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
