// `npm run bench`: runs every benchmark in bench/ (TypeScript, through tsx) one after another, each
// printing its own figures, then prints one combined table (each figure beside its floor from the
// same run) and saves it in bench/results/<ISO date>-<hostname>.json and .md.
//
//   npm run build && npm run bench                     all benches; saved when all pass
//   npm run bench -- vote page                         only bench files whose name holds "vote" or "page"; not saved
//   npm run bench -- --save vote                       save a partial (or failed) run anyway
//   npm run bench -- --note "other work was running"   a note kept with the results
//
// The benches measure the built app: without build/ this stops and says so (it does not build by
// itself, so that it never measures a half-finished working tree by surprise); a build older than the
// sources gets a warning. The build is copied once, with server.mjs and the migrations, to a
// temporary folder that every bench runs the app from (BENCH_APP_DIR), so that a rebuild in the
// working tree during the run changes nothing. Takes about 4-5 minutes on 2 cores; not part of `npm test`.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildIsStale, serverBuildOf } from "./build-freshness.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const args = process.argv.slice(2);
let save = false;
let note = null;
const only = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--save") save = true;
  else if (args[i] === "--note") note = args[++i] ?? null;
  else only.push(args[i]);
}

if (!existsSync(serverBuildOf(root))) {
  console.error("No build found (build/server/index.js). The benchmarks measure the built app: run `npm run build && npm run bench`.");
  process.exit(1);
}
if (buildIsStale(root)) {
  console.warn(
    "Warning: app/, db/ or public/ changed after the last build; the figures are of the build, not of the sources. Run `npm run build` first to measure the sources.",
  );
}

const benches = readdirSync(path.join(root, "bench"))
  .filter((f) => f.endsWith(".ts") && (only.length === 0 || only.some((o) => f.includes(o))))
  .sort();
const work = mkdtempSync(path.join(tmpdir(), "wijkvonk-bench-"));
const rowsFile = path.join(work, "rows.jsonl");
// The app as built now: what server.mjs loads (build/, and both databases' migrations found beside package.json).
const appDir = path.join(work, "app");
mkdirSync(path.join(appDir, "db"), { recursive: true });
cpSync(path.join(root, "build"), path.join(appDir, "build"), { recursive: true });
for (const migrations of ["db/migrations", "db/migrations-pg"]) cpSync(path.join(root, migrations), path.join(appDir, migrations), { recursive: true });
for (const file of ["server.mjs", "package.json"]) cpSync(path.join(root, file), path.join(appDir, file));
symlinkSync(path.join(root, "node_modules"), path.join(appDir, "node_modules"), "dir");
const run = {
  rowsFile,
  benches: [],
  startedAt: new Date().toISOString(),
  loadBefore: loadavg().map((l) => Math.round(l * 100) / 100),
  all: only.length === 0,
  save,
  note,
};
let failed = 0;
try {
  for (const file of benches) {
    console.log(`\n▶ bench/${file}`);
    const started = performance.now();
    const result = spawnSync(process.execPath, ["--import", "tsx", path.join(root, "bench", file)], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, BENCH_ROWS_FILE: rowsFile, BENCH_APP_DIR: appDir },
    });
    const status = result.status ?? (result.signal ? 128 : 1);
    if (status !== 0) failed++;
    run.benches.push({ file: file.replace(/\.ts$/, ""), status, seconds: (performance.now() - started) / 1000 });
  }
  const runFile = path.join(work, "run.json");
  writeFileSync(runFile, JSON.stringify(run));
  const summary = spawnSync(process.execPath, ["--import", "tsx", path.join(root, "bench/support/summary.ts"), runFile], { cwd: root, stdio: "inherit" });
  if (summary.status !== 0) failed++;
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exit(failed > 0 ? 1 : 0);
