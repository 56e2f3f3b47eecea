// How fast can residents vote? Drives the real vote (the built app: Express, the session check,
// the ballot form, eligibility, castBallot with its BEGIN IMMEDIATE transaction) over HTTP on
// loopback with logged-in residents, and in the same run a bare node:http + better-sqlite3 handler
// that does the same insert (bench/support/bare-vote-server.mjs). Prints votes per second and
// p50/p99 latency for both, and their ratio.
//
//   npm run build && npx tsx bench/vote-throughput.ts [seconds per run] [connections,...]
//
// Defaults: 10 s per target at 50 and at 200 connections, in three interleaved rounds (bare NORMAL,
// bare FULL, app, and again), so that other work on the machine falls on all alike; 2 s of warm-up.
// Issue 6's target: the real vote reaches at least 20% of the bare handler's votes per second, with
// p99 under 50 ms at 50 connections, on a 2-core machine (which the load generator shares, as
// autocannon would).
//
// The bare handler runs twice, each on its own file: with synchronous=NORMAL (the floor in
// docs/stack-notes.md, and the figure the target is measured against) and with
// synchronous=FULL, which is what the app uses (ADR 001: an acknowledged vote survives a power cut,
// so every commit waits for an fsync).
//
// Each vote is by the next resident of a pool created directly in the database with a real
// session (a bench seed), so nearly every vote is a first vote: an insert. Environment:
//   BENCH_RESIDENTS   residents for the app (default 120000) and 2× that for each bare handler
//   BENCH_CPU_PROF=1  start the app with --cpu-prof; the profile lands in the printed folder
//
// With a PostgreSQL server on the machine (scripts/postgres.mjs finds Debian's), the app also runs on
// PostgreSQL (issue 20): the prepared database copied into a durable throw-away server, the same votes,
// the same floors. BENCH_POSTGRES=0 leaves it out.
//
// Memory: the resident set (RSS) of the app and of the bare NORMAL handler, read from
// /proc/<pid>/status right after start and sampled every 100 ms under the load; the peak is the
// kernel's high water mark (VmHWM), so no spike between two samples is missed.

import { spawn, type ChildProcess } from "node:child_process";
import { randomInt } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { votingDemoSlug } from "../db/seeds/voting";
import { cpuMsOf } from "./support/cpu";
import { prepareDatabase } from "./support/databases";
import { postgresCopyOf, postgresLeftOut, startAppOnPostgres, type BenchPostgres } from "./support/postgres";
import { runLoad, summarise, type LoadResult } from "./support/load";
import { memoryOf, sampleMemory, type Memory } from "./support/memory";
import { formatNumber, record } from "./support/report";
import { freePort, requireBuild, root, startApp, stop, waitFor } from "./support/server";

const seconds = Number(process.argv[2] ?? 10);
const connectionLevels = (process.argv[3] ?? "50,200").split(",").map(Number);
const warmupMs = 2000;
const ROUNDS = 3;
const appResidents = Number(process.env.BENCH_RESIDENTS ?? 120_000);
const bareResidents = appResidents * 2;

requireBuild();

/** A ballot of one to three different ideas, as the form posts it. */
function ballotBody(ideaIds: readonly number[]): string {
  const chosen = new Set<number>();
  const size = 1 + randomInt(3);
  while (chosen.size < Math.min(size, ideaIds.length)) chosen.add(ideaIds[randomInt(ideaIds.length)]!);
  return [...chosen].map((id) => `sticker=${id}`).join("&");
}

function requestMaker(port: number, ideaIds: readonly number[], poolSize: number) {
  let next = 0;
  let wrapped = false;
  const origin = `http://127.0.0.1:${port}`;
  return {
    make(): Buffer {
      const i = next++;
      if (i >= poolSize) wrapped = true;
      const body = ballotBody(ideaIds);
      return Buffer.from(
        `POST /rondes/${votingDemoSlug}/stemmen HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${origin}\r\n` +
          `Cookie: wv_session=bench-session-${i % poolSize}\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
    },
    get used() {
      return Math.min(next, poolSize);
    },
    get wrapped() {
      return wrapped;
    },
  };
}

/** A target's results at one level, with its server CPU per answered request (user + system time over the measured windows). */
const POSTGRES_TARGET = "wijkvonk (PostgreSQL)";

type Row = { target: string; result: LoadResult; cpuMsPerVote: number };

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "-");

/** What a process held right after start, and at most under the load. */
type MemoryUse = { idle: Memory | null; sampler: ReturnType<typeof sampleMemory> };

type Target = { name: string; port: number; child: ChildProcess; maker: ReturnType<typeof requestMaker>; isSuccess: (status: number) => boolean; pool: number };

async function startBare(file: string, synchronous: "NORMAL" | "FULL", contestId: number, ideaIds: number[]): Promise<Target> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(root, "bench/support/bare-vote-server.mjs"), file, String(port), synchronous, String(contestId)], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
  });
  await waitFor(child, "ready");
  return { name: `bare (${synchronous})`, port, child, maker: requestMaker(port, ideaIds, bareResidents), isSuccess: (s) => s === 302, pool: bareResidents };
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "wijkvonk-vote-bench-"));
  const profileDir = path.join(root, "bench", "profiles");
  const rows: Row[] = [];
  const targets: Target[] = [];
  let postgres: BenchPostgres | null = null;
  try {
    console.log(
      `Vote throughput: ${seconds} s per target and level in ${ROUNDS} interleaved rounds, after ${warmupMs / 1000} s warm-up; connections ${connectionLevels.join(" and ")}; ${cpus().length} cores (shared with the load generator).`,
    );
    console.log(`Preparing databases: ${appResidents} residents with sessions for the app, ${bareResidents} for each bare handler…`);
    const appFile = path.join(dir, "app.sqlite");
    // Each file is filled in a process of its own, all three at the same time.
    const [{ voting: app }, { voting: bareNormal }, { voting: bareFull }] = await Promise.all([
      prepareDatabase(appFile, { residents: appResidents, sessions: true, cityRound: false }),
      prepareDatabase(path.join(dir, "bare-normal.sqlite"), { residents: bareResidents, sessions: false, cityRound: false }),
      prepareDatabase(path.join(dir, "bare-full.sqlite"), { residents: bareResidents, sessions: false, cityRound: false }),
    ]);

    // The bare handler: NORMAL (the stack notes' floor) and FULL (the app's durability), each on its own file.
    targets.push(await startBare(path.join(dir, "bare-normal.sqlite"), "NORMAL", bareNormal.contestId, bareNormal.ideaIds));
    targets.push(await startBare(path.join(dir, "bare-full.sqlite"), "FULL", bareFull.contestId, bareFull.ideaIds));

    // The same database on PostgreSQL, copied before any vote, for the app on PostgreSQL (issue 20).
    const leftOut = postgresLeftOut();
    if (leftOut) console.log(`  (the app on PostgreSQL is not measured: ${leftOut})`);
    else postgres = await postgresCopyOf(appFile);

    // The app, built, as `npm run serve` runs it. Receipt mails go nowhere without SMTP_URL (one warning per vote).
    const profiling = process.env.BENCH_CPU_PROF === "1";
    if (profiling) mkdirSync(profileDir, { recursive: true });
    const server = await startApp({
      databasePath: appFile,
      nodeArgs: profiling ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [],
      quiet: ["[mail] not sent"],
    });
    const { port } = server;
    targets.push({
      name: "wijkvonk",
      port,
      child: server.child,
      maker: requestMaker(port, app.ideaIds, appResidents),
      isSuccess: (s) => s === 302 || s === 303,
      pool: appResidents,
    });
    const onPostgres = postgres ? await startAppOnPostgres(postgres, dir, { quiet: ["[mail] not sent"] }) : null;
    if (onPostgres)
      targets.push({
        name: POSTGRES_TARGET,
        port: onPostgres.port,
        child: onPostgres.child,
        maker: requestMaker(onPostgres.port, app.ideaIds, appResidents),
        isSuccess: (s) => s === 302 || s === 303,
        pool: appResidents,
      });

    // Memory from here on: the app and the NORMAL floor, idle after start, then sampled under the load.
    const memory = new Map<string, MemoryUse>(
      targets
        .filter((t) => t.name === "wijkvonk" || t.name === "bare (NORMAL)")
        .map((t) => [t.name, { idle: memoryOf(t.child.pid!), sampler: sampleMemory(t.child.pid!, 100) }]),
    );

    // Interleaved rounds, so that whatever else the machine does falls on all three alike.
    for (const connections of connectionLevels) {
      const runs = new Map<string, LoadResult[]>(targets.map((t) => [t.name, []]));
      const cpuMs = new Map<string, number>(targets.map((t) => [t.name, 0]));
      for (let round = 0; round < ROUNDS; round++) {
        for (const target of targets) {
          let cpuAtStart = 0;
          const result = await runLoad({
            host: "127.0.0.1",
            port: target.port,
            connections,
            warmupMs: round === 0 ? warmupMs : 500,
            durationMs: (seconds * 1000) / ROUNDS,
            nextRequest: () => target.maker.make(),
            isSuccess: target.isSuccess,
            onWindow: (edge) => {
              const cpu = cpuMsOf(target.child.pid!) ?? NaN;
              if (edge === "start") cpuAtStart = cpu;
              else cpuMs.set(target.name, cpuMs.get(target.name)! + cpu - cpuAtStart);
            },
          });
          runs.get(target.name)!.push(result);
        }
      }
      for (const target of targets) {
        const result = summarise(runs.get(target.name)!);
        rows.push({ target: target.name, result, cpuMsPerVote: cpuMs.get(target.name)! / Math.max(1, result.successes + result.failures) });
        console.log(`  ${target.name.padEnd(13)} ${String(connections).padStart(3)} connections: ${fmt(result.rate, 0)} votes/s`);
        if (result.failures > 0) console.log(`    ${result.failures} failed, first: ${result.firstFailure}`);
      }
    }
    for (const target of targets)
      if (target.maker.wrapped) console.log(`  (${target.name}: the pool of ${target.pool} residents ran out; later votes were moves, not inserts)`);
    const used = new Map([...memory].map(([name, m]) => [name, { idle: m.idle, load: m.sampler.stop() }]));
    for (const target of targets.splice(0)) await stop(target.child);
    for (const app of [server, onPostgres]) {
      const serverErrors = app?.errors();
      if (serverErrors) console.log(`Server errors:\n${serverErrors.slice(0, 2000)}`);
    }

    // Every acknowledged vote is one register row and one ballot: nothing half-written.
    const check = new Database(appFile);
    const registered = (check.prepare(`SELECT count(*) AS n FROM voter_register WHERE method <> 'poster'`).get() as { n: number }).n;
    const ballotCount = (check.prepare("SELECT count(*) AS n FROM ballots").get() as { n: number }).n;
    check.close();
    const onPostgresCounts = postgres ? await countsOnPostgres(postgres.url) : null;

    console.log("");
    console.log(`${"target".padEnd(21)} conns   votes/s   p50 ms   p90 ms   p99 ms   max ms   CPU ms/vote   failed`);
    for (const { target, result, cpuMsPerVote } of rows) {
      console.log(
        `${target.padEnd(21)} ${String(result.connections).padStart(5)} ${fmt(result.rate, 0).padStart(9)} ${fmt(result.p50, 2).padStart(8)} ${fmt(result.p90, 2).padStart(8)} ${fmt(result.p99, 2).padStart(8)} ${fmt(result.max, 1).padStart(8)} ${fmt(cpuMsPerVote, 3).padStart(13)} ${String(result.failures + result.socketErrors).padStart(8)}`,
      );
    }
    console.log("");
    for (const connections of connectionLevels) {
      const of = (target: string) => rows.find((r) => r.target === target && r.result.connections === connections)!.result;
      const real = of("wijkvonk");
      const ratioNormal = real.rate / of("bare (NORMAL)").rate;
      const ratioFull = real.rate / of("bare (FULL)").rate;
      const p99Ratio = real.p99 / of("bare (NORMAL)").p99;
      const verdict =
        connections === 50
          ? `  Issue 6 (≥ 20% of bare NORMAL, p99 < 50 ms): ${ratioNormal >= 0.2 && real.p99 < 50 ? "met" : "NOT met"}; issue 19 (p99 ≤ 1.5× bare NORMAL's): ${p99Ratio <= 1.5 ? "met" : "NOT met"}.`
          : "";
      console.log(
        `${connections} connections: wijkvonk / bare (NORMAL) = ${fmt(ratioNormal * 100)}%, wijkvonk / bare (FULL) = ${fmt(ratioFull * 100)}%, p99 ${fmt(p99Ratio, 2)}× bare NORMAL's.${verdict}`,
      );
      const onPg = rows.find((r) => r.target === POSTGRES_TARGET && r.result.connections === connections)?.result;
      if (onPg)
        console.log(
          `${connections} connections, the app on PostgreSQL: ${fmt((onPg.rate / of("bare (NORMAL)").rate) * 100)}% of bare NORMAL, ${fmt((onPg.rate / real.rate) * 100)}% of the app on SQLite, p99 ${fmt(onPg.p99 / of("bare (NORMAL)").p99, 2)}× bare NORMAL's (CPU per vote: the app's process only, not PostgreSQL's).`,
        );
    }
    console.log("");
    for (const [name, m] of used) {
      const load = m.load;
      console.log(
        `Memory (RSS) of ${name}: ${formatNumber(m.idle?.rssMb)} MB after start, ${formatNumber(load?.maxSampledMb)} MB at most in ${load?.samples ?? 0} samples under the load, peak (VmHWM) ${formatNumber(load?.peakMb)} MB.`,
      );
    }
    recordRows(rows, used);
    console.log(
      `Load average after the runs: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")} (on ${cpus().length} cores; above ${cpus().length} means other work competed).`,
    );
    const sameCount = (r: number, b: number) => `${r} register rows, ${b} ballots${r === b ? " (one ballot per registered voter)" : " (MISMATCH)"}`;
    console.log(`App database after the runs: ${sameCount(registered, ballotCount)}.`);
    if (onPostgresCounts) console.log(`App database on PostgreSQL after the runs: ${sameCount(onPostgresCounts.registered, onPostgresCounts.ballots)}.`);
    if (profiling)
      console.log(
        `CPU profile: ${readdirSync(profileDir)
          .map((f) => path.join(profileDir, f))
          .join(", ")}`,
      );
    const mismatch = registered !== ballotCount || (onPostgresCounts && onPostgresCounts.registered !== onPostgresCounts.ballots);
    if (mismatch || rows.some((r) => r.result.failures > 0)) process.exitCode = 1;
  } finally {
    for (const target of targets) await stop(target.child);
    postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function countsOnPostgres(url: string): Promise<{ registered: number; ballots: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ registered: number; ballots: number }>(
      `SELECT (SELECT count(*) FROM voter_register WHERE method <> 'poster')::int AS registered, (SELECT count(*) FROM ballots)::int AS ballots`,
    );
    return rows[0]!;
  } finally {
    await client.end();
  }
}

/** The figures for the combined table (scripts/bench.mjs): the app against bare NORMAL (issue 6's floor) and bare FULL (the app's durability). */
function recordRows(rows: Row[], used: Map<string, { idle: Memory | null; load: { maxSampledMb: number; peakMb: number } | null }>): void {
  const bench = "vote-throughput";
  const normal = "bare node:http + insert (NORMAL)";
  for (const connections of connectionLevels) {
    const rowOf = (target: string) => rows.find((r) => r.target === target && r.result.connections === connections);
    const of = (target: string) => rowOf(target)?.result;
    const real = of("wijkvonk");
    const floor = of("bare (NORMAL)");
    const full = of("bare (FULL)");
    if (!real || !floor || !full) continue;
    const section = `vote action, ${connections} connections`;
    const target50 = connections === 50;
    record({
      bench,
      section,
      figure: "votes/s",
      value: real.rate,
      unit: "/s",
      floor: floor.rate,
      floorIs: normal,
      better: "higher",
      ...(target50 ? { target: "≥ 20% of floor", met: real.rate >= 0.2 * floor.rate } : {}),
    });
    record({
      bench,
      section,
      figure: "votes/s vs the app's durability",
      value: real.rate,
      unit: "/s",
      floor: full.rate,
      floorIs: "bare node:http + insert (FULL)",
      better: "higher",
    });
    record({ bench, section, figure: "p50", value: real.p50, unit: "ms", floor: floor.p50, floorIs: normal, better: "lower" });
    record({
      bench,
      section,
      figure: "p99",
      value: real.p99,
      unit: "ms",
      floor: floor.p99,
      floorIs: normal,
      better: "lower",
      ...(target50 ? { target: "< 50 ms", met: real.p99 < 50 } : {}),
    });
    if (target50)
      record({
        bench,
        section,
        figure: "p99 against the floor's (issue 19)",
        value: real.p99,
        unit: "ms",
        floor: floor.p99,
        floorIs: normal,
        better: "lower",
        target: "≤ 1.5× floor",
        met: real.p99 <= 1.5 * floor.p99,
      });
    const onPg = rowOf(POSTGRES_TARGET);
    if (onPg) {
      const pgSection = `vote action on PostgreSQL, ${connections} connections`;
      record({ bench, section: pgSection, figure: "votes/s", value: onPg.result.rate, unit: "/s", floor: floor.rate, floorIs: normal, better: "higher" });
      record({ bench, section: pgSection, figure: "p99", value: onPg.result.p99, unit: "ms", floor: floor.p99, floorIs: normal, better: "lower" });
      record({
        bench,
        section: pgSection,
        figure: "app's CPU per vote (PostgreSQL's own not counted)",
        value: onPg.cpuMsPerVote,
        unit: "ms",
        floor: rowOf("bare (NORMAL)")!.cpuMsPerVote,
        floorIs: normal,
        better: "lower",
      });
    }
    record({
      bench,
      section,
      figure: "server CPU per vote",
      value: rowOf("wijkvonk")!.cpuMsPerVote,
      unit: "ms",
      floor: rowOf("bare (NORMAL)")!.cpuMsPerVote,
      floorIs: normal,
      better: "lower",
    });
  }
  const app = used.get("wijkvonk");
  const bare = used.get("bare (NORMAL)");
  const levels = connectionLevels.join(" and ");
  if (app?.load && bare?.load) {
    const section = "server memory (RSS) under the vote load";
    record({
      bench,
      section,
      figure: `peak RSS (VmHWM), ${levels} connections`,
      value: app.load.peakMb,
      unit: "MB",
      floor: bare.load.peakMb,
      floorIs: normal,
      better: "lower",
    });
    if (app.idle && bare.idle)
      record({
        bench,
        section,
        figure: "RSS after start, before the load",
        value: app.idle.rssMb,
        unit: "MB",
        floor: bare.idle.rssMb,
        floorIs: normal,
        better: "lower",
      });
  }
}

await main();
