// How many pages per second does the server render? Drives GETs of the contest page and the idea list
// (server render, as a first visit without cookies) of two rounds in stemmen: the demo's wijk round
// (5 ideas) and the generated city round (100 ideas, 15,000 ballots), against the built app, and in
// the same run a bare node:http server that returns the same HTML from memory
// (bench/support/bare-page-server.mjs): the floor for serving those bytes over HTTP on this machine.
//
//   npm run build && npx tsx bench/page-render.ts [seconds per target and page] [connections]
//
// Defaults: 3 s per target and page (two interleaved rounds, after 1 s of warm-up) at 50 connections.
// The load generator shares the machine's cores with the server, as autocannon would.
// Not measured: the JavaScript and CSS the browser loads next (bench/page-weight.ts weighs those).

import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { prepareDatabase } from "./support/databases";
import { runLoad, summarise, type LoadResult } from "./support/load";
import { formatNumber, record, table } from "./support/report";
import { freePort, requireBuild, root, startApp, stop, waitFor } from "./support/server";

const seconds = Number(process.argv[2] ?? 3);
const connections = Number(process.argv[3] ?? 50);
const ROUNDS = 2;
const warmupMs = 1000;

requireBuild();

type Target = { name: "wijkvonk" | "bare"; port: number; child: ChildProcess };

function getRequest(port: number, pathname: string): Buffer {
  return Buffer.from(`GET ${pathname} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAccept: text/html\r\nAccept-Language: nl\r\n\r\n`);
}

async function main() {
  const started = performance.now();
  const dir = mkdtempSync(path.join(tmpdir(), "wijkvonk-page-render-"));
  const targets: Target[] = [];
  try {
    console.log(`Page render: ${seconds} s per target and page in ${ROUNDS} interleaved rounds, ${connections} connections, anonymous first visits.`);
    const file = path.join(dir, "app.sqlite");
    const prepared = await prepareDatabase(file, { residents: 0, sessions: false, cityRound: true });
    const city = prepared.city!;
    const pages = [
      { name: "contest page, wijk round (5 ideas)", path: `/rondes/${prepared.voting.slug}` },
      { name: "idea list, wijk round (5 ideas)", path: `/rondes/${prepared.voting.slug}/ideeen` },
      { name: `contest page, city round (${city.ideaIds.length} ideas, ${city.voters} ballots)`, path: `/rondes/${city.slug}` },
      { name: `idea list, city round (${city.ideaIds.length} ideas)`, path: `/rondes/${city.slug}/ideeen` },
    ];

    const app = await startApp({ databasePath: file });
    targets.push({ name: "wijkvonk", port: app.port, child: app.child });

    // The floor serves exactly what the app rendered for each page, once.
    const files: Record<string, string> = {};
    const sizes = new Map<string, number>();
    for (const [i, page] of pages.entries()) {
      const response = await fetch(`${app.origin}${page.path}`, { redirect: "manual", headers: { Accept: "text/html", "Accept-Language": "nl" } });
      if (response.status !== 200) throw new Error(`${page.path}: HTTP ${response.status}, expected 200`);
      const html = await response.text();
      files[page.path] = path.join(dir, `page-${i}.html`);
      writeFileSync(files[page.path]!, html);
      sizes.set(page.path, Buffer.byteLength(html));
    }
    writeFileSync(path.join(dir, "pages.json"), JSON.stringify(files));
    const barePort = await freePort();
    const bare = spawn(process.execPath, [path.join(root, "bench/support/bare-page-server.mjs"), String(barePort), path.join(dir, "pages.json")], {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
    });
    await waitFor(bare, "ready");
    targets.push({ name: "bare", port: barePort, child: bare });

    const rows: string[][] = [];
    for (const page of pages) {
      const runs = new Map<string, LoadResult[]>(targets.map((t) => [t.name, []]));
      for (let round = 0; round < ROUNDS; round++) {
        for (const target of targets) {
          const request = getRequest(target.port, page.path);
          runs.get(target.name)!.push(
            await runLoad({
              host: "127.0.0.1",
              port: target.port,
              connections,
              warmupMs: round === 0 ? warmupMs : 300,
              durationMs: (seconds * 1000) / ROUNDS,
              nextRequest: () => request,
              isSuccess: (status) => status === 200,
            }),
          );
        }
      }
      const real = summarise(runs.get("wijkvonk")!);
      const floor = summarise(runs.get("bare")!);
      if (real.failures > 0) console.log(`  ${page.path}: ${real.failures} failed, first: ${real.firstFailure}`);
      const kb = (sizes.get(page.path)! / 1000).toFixed(1);
      for (const [name, r] of [
        ["wijkvonk", real],
        ["bare", floor],
      ] as const) {
        rows.push([page.name, name, formatNumber(r.rate), formatNumber(r.p50), formatNumber(r.p99), String(r.failures + r.socketErrors)]);
      }
      const section = `page render: ${page.name}`;
      const floorIs = "bare node:http, same HTML from memory";
      const note = `${kb} kB HTML, ${connections} connections`;
      record({ bench: "page-render", section, figure: "pages/s", value: real.rate, unit: "/s", floor: floor.rate, floorIs, better: "higher", note });
      record({ bench: "page-render", section, figure: "p99", value: real.p99, unit: "ms", floor: floor.p99, floorIs, better: "lower", note });
      if (real.failures > 0) process.exitCode = 1;
    }
    console.log("");
    console.log(table(["page", "server", "pages/s", "p50 ms", "p99 ms", "failed"], rows, "llrrrr"));
    console.log(`\nHTML sizes: ${pages.map((p) => `${p.path} ${(sizes.get(p.path)! / 1000).toFixed(1)} kB`).join(", ")}.`);
    const errors = app.errors();
    if (errors) console.log(`Server errors:\n${errors.slice(0, 2000)}`);
    console.log(`Took ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    for (const target of targets) await stop(target.child);
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
