// `npm test`: every kind of test, in order of speed, stopping at the first kind that fails:
// ESLint (with the layer order of ADR 020; cached in .cache/eslint), the type check, Vitest (unit and
// integration, real SQLite files), the PostgreSQL pass (ADR 027: tests/postgres against a throw-away
// server, when the machine has one; `.ci/run` installs it), then Playwright against the built app.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findPostgres } from "./postgres.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = (pkg, file) => path.join(root, "node_modules", pkg, file);
const results = path.join(root, "test-reports");
rmSync(path.join(results, "vitest.json"), { force: true });
rmSync(path.join(results, "e2e.json"), { force: true });
rmSync(path.join(results, "vitest-pg.json"), { force: true });

const steps = [
  { name: "lint", args: [bin("eslint", "bin/eslint.js"), "--cache", "--cache-location", path.join(root, ".cache/eslint/"), root] },
  // Prettier with the project's line width (.prettierrc.json): only says which files differ, never rewrites them here.
  { name: "format check", args: [bin("prettier", "bin/prettier.cjs"), "--check", "--log-level", "warn", "."] },
  { name: "type check", args: [bin("typescript", "bin/tsc"), "--noEmit", "-p", "."] },
  {
    name: "unit and integration tests",
    args: [bin("vitest", "vitest.mjs"), "run", "--reporter=default", "--reporter=json", `--outputFile.json=${path.join(results, "vitest.json")}`],
  },
  {
    name: "PostgreSQL tests",
    unless: () => (findPostgres() ? null : "no PostgreSQL server on this machine (`node scripts/postgres.mjs install` as root adds Debian's)"),
    args: [
      bin("vitest", "vitest.mjs"),
      "run",
      "--config",
      path.join(root, "vitest.pg.config.ts"),
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${path.join(results, "vitest-pg.json")}`,
    ],
  },
  { name: "end-to-end tests", args: [path.join(root, "scripts/e2e.mjs")] },
];

function counts() {
  let passed = 0;
  let failed = 0;
  for (const file of ["vitest.json", "vitest-pg.json"]) {
    const vitest = path.join(results, file);
    if (!existsSync(vitest)) continue;
    const r = JSON.parse(readFileSync(vitest, "utf8"));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
  }
  const e2e = path.join(results, "e2e.json");
  if (existsSync(e2e)) {
    const r = JSON.parse(readFileSync(e2e, "utf8"));
    passed += r.stats.expected;
    failed += r.stats.unexpected + r.stats.flaky;
  }
  return { passed, failed };
}

let exitCode = 0;
for (const step of steps) {
  console.log(`\n▶ ${step.name}`);
  const skipReason = step.unless?.();
  if (skipReason) {
    console.log(`  ${step.name}: not run: ${skipReason}`);
    continue;
  }
  const started = Date.now();
  const run = spawnSync(process.execPath, step.args, { cwd: root, stdio: "inherit" });
  console.log(`  ${step.name}: ${run.status === 0 ? "ok" : "FAILED"} (${Math.round((Date.now() - started) / 1000)} s)`);
  if (run.status !== 0) {
    exitCode = run.status || 1;
    break;
  }
}
const { passed, failed } = counts();
console.log(`\n${passed} passed, ${exitCode !== 0 && failed === 0 ? 1 : failed} failed`);
process.exit(exitCode);
