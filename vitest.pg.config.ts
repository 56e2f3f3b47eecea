import { defineConfig } from "vitest/config";
import base from "./vitest.config";

// The PostgreSQL pass (ADR 027): tests in tests/postgres against a real server that the global setup
// starts and stops. scripts/test.mjs runs it when a PostgreSQL server is on the machine.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["tests/postgres/**/*.test.ts"],
    globalSetup: ["tests/postgres/global-setup.ts"],
  },
});
