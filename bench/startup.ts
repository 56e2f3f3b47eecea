// How long does the built server take to start? Measures from just before the spawn of
// `node server.mjs` (production mode, as `npm run serve`) until the first 200 answer to GET /
// (the home page, which reads the rounds from the database), polling every 5 ms:
//   - on an empty database: the file does not exist yet, so the start creates it and applies every
//     migration (a first deployment);
//   - on a full database: the demo data plus the generated city round (100 ideas, 15,000 residents
//     who voted) and its 15,000 ballots.
// The floor for each is a bare node:http server that opens the same kind of file with better-sqlite3
// (WAL) and answers from memory (bench/support/bare-page-server.mjs): what starting node, loading
// the SQLite driver and listening cost on this machine, without the app's build, migrations or render.
//
//   npm run build && npx tsx bench/startup.ts [runs]
//
// Prints the median of `runs` (default 5) interleaved runs, and the fastest and slowest.

import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { prepareDatabase } from "./support/databases";
import { formatNumber, record, table } from "./support/report";
import { appProcess, requireBuild, root, timeToFirstResponse } from "./support/server";

const RUNS = Number(process.argv[2] ?? 5);

requireBuild();

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

async function main() {
  const started = performance.now();
  const dir = mkdtempSync(path.join(tmpdir(), "wijkvonk-startup-"));
  try {
    const full = path.join(dir, "full.sqlite");
    const prepared = await prepareDatabase(full, { residents: 0, sessions: false, cityRound: true });
    const fullMb = statSync(full).size / 1e6;
    console.log(`Start-up: spawn to the first 200 on GET /, median of ${RUNS} interleaved runs.`);
    console.log(
      `Full database: the demo plus the city round (${prepared.city!.ideaIds.length} ideas, ${prepared.city!.voters} ballots), ${fullMb.toFixed(1)} MB.`,
    );

    const app = (file: string) => (port: number) => appProcess(port, { databasePath: file }).child;
    const bare = (file: string) => (port: number) =>
      spawn(process.execPath, [path.join(root, "bench/support/bare-page-server.mjs"), String(port), "", file], {
        cwd: root,
        stdio: ["ignore", "ignore", "inherit"],
      });

    const times = { appEmpty: [] as number[], appFull: [] as number[], bareEmpty: [] as number[], bareFull: [] as number[] };
    for (let run = 0; run < RUNS; run++) {
      // A fresh file per run: each empty start creates the database and migrates it.
      times.appEmpty.push(await timeToFirstResponse(app(path.join(dir, `empty-${run}.sqlite`))));
      times.appFull.push(await timeToFirstResponse(app(full)));
      times.bareEmpty.push(await timeToFirstResponse(bare(path.join(dir, `bare-empty-${run}.sqlite`))));
      times.bareFull.push(await timeToFirstResponse(bare(full)));
    }

    const row = (name: string, values: number[]) => [name, formatNumber(median(values)), formatNumber(Math.min(...values)), formatNumber(Math.max(...values))];
    console.log("");
    console.log(
      table(
        ["server, database", "median ms", "fastest", "slowest"],
        [row("wijkvonk, empty", times.appEmpty), row("wijkvonk, full", times.appFull), row("bare, empty", times.bareEmpty), row("bare, full", times.bareFull)],
        "lrrr",
      ),
    );
    const floorIs = "bare node:http + better-sqlite3 open";
    const note = `median of ${RUNS}, spawn to first 200 on GET /`;
    record({
      bench: "startup",
      section: "start-up of the built server",
      figure: "empty database (creates + migrates)",
      value: median(times.appEmpty),
      unit: "ms",
      floor: median(times.bareEmpty),
      floorIs,
      better: "lower",
      note,
    });
    record({
      bench: "startup",
      section: "start-up of the built server",
      figure: `full database (demo + city round, ${fullMb.toFixed(0)} MB)`,
      value: median(times.appFull),
      unit: "ms",
      floor: median(times.bareFull),
      floorIs,
      better: "lower",
      note,
    });
    console.log(`\nTook ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
