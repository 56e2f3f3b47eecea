import { describe, expect, it } from "vitest";
import { closeDb } from "~db/client.server";
import { resetEnvForTests } from "~/lib/env.server";
import { checkHealth } from "~/lib/health.server";
import { useTestDatabase } from "../support/test-db";

// Issue 10: /healthz says whether this server can take votes.

const { file } = useTestDatabase();

describe("the health check", () => {
  it("is ok when the database answers and its file can be written", () => {
    expect(checkHealth(Date.UTC(2027, 2, 15))).toEqual({ status: "ok", checkedAt: "2027-03-15T00:00:00.000Z" });
  });

  it("is down when the database cannot be opened, and ok again once it can", () => {
    const real = file();
    closeDb();
    // Under a file, not a folder: nothing can be opened there.
    process.env.DATABASE_PATH = `${real}/nested/db.sqlite`;
    resetEnvForTests();
    try {
      expect(checkHealth().status).toBe("down");
    } finally {
      process.env.DATABASE_PATH = real;
      resetEnvForTests();
      closeDb();
    }
    expect(checkHealth().status).toBe("ok");
  });
});
