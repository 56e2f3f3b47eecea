import { statfsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { closeDb, getDb } from "~db/client.server";
import { resetEnvForTests } from "~/lib/env.server";
import { checkHealth } from "~/lib/health.server";
import { useTestDatabase } from "../support/test-db";

// Issue 10: /healthz says whether this server can take votes.

const { file } = useTestDatabase();

describe("the health check", () => {
  it("is ok when the database answers and its file can be written", async () => {
    expect(await checkHealth(Date.UTC(2027, 2, 15))).toEqual({ status: "ok", checkedAt: "2027-03-15T00:00:00.000Z" });
  });

  it("is down when the database cannot be opened, and ok again once it can", async () => {
    const real = file();
    await closeDb();
    // Under a file, not a folder: nothing can be opened there.
    process.env.DATABASE_PATH = `${real}/nested/db.sqlite`;
    resetEnvForTests();
    try {
      expect((await checkHealth()).status).toBe("down");
    } finally {
      process.env.DATABASE_PATH = real;
      resetEnvForTests();
      await closeDb();
    }
    expect((await checkHealth()).status).toBe("ok");
  });

  // Issue 16.8: /healthz said ok while every write failed on a full disk; it only asked whether the file was writable.
  it("writes for real: a database that refuses writes, though its file can be written, is read-only", async () => {
    const sqlite = getDb().$client;
    sqlite.pragma("query_only = 1");
    try {
      expect((await checkHealth()).status).toBe("read-only");
    } finally {
      sqlite.pragma("query_only = 0");
    }
    expect((await checkHealth()).status).toBe("ok");
  });

  it("is disk-full when the database's folder has less free space than the threshold", async () => {
    const { bavail, bsize } = statfsSync(path.dirname(file()));
    const free = bavail * bsize;
    expect((await checkHealth(Date.now(), free + 1024 ** 3)).status).toBe("disk-full");
    expect((await checkHealth(Date.now(), Math.max(0, free - 1024 ** 3))).status).toBe("ok");
  });

  it("grows the database by nothing, however often it is asked", async () => {
    const sqlite = getDb().$client;
    const pages = sqlite.pragma("page_count", { simple: true });
    for (let i = 0; i < 200; i++) expect((await checkHealth()).status).toBe("ok");
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
    expect(sqlite.pragma("page_count", { simple: true })).toBe(pages);
  });
});
