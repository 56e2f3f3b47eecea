// Bench databases: the demo data, optionally many residents of the voting demo's area (with
// sessions, for the vote bench) and the generated city round with its 15,000 ballots. Each file is
// filled by bench/support/prepare-database.ts in a process of its own (the seeds use the process's
// one connection); several files can be filled at the same time.

import { spawn } from "node:child_process";
import path from "node:path";
import { benchPepper, root } from "./server";

export type PrepareOptions = {
  /** Residents of the voting demo's area, for the vote bench. */
  residents: number;
  /** Give each of them a live session ("bench-session-<n>" for "bench-user-<n>"). */
  sessions: boolean;
  /** Add the generated city round (100 ideas in stemmen, 15,000 residents who voted). */
  cityRound: boolean;
};

export type Prepared = {
  voting: { slug: string; contestId: number; ideaIds: number[] };
  city: { slug: string; contestId: number; ideaIds: number[]; voters: number } | null;
};

export function prepareDatabase(file: string, options: PrepareOptions): Promise<Prepared> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "bench/support/prepare-database.ts"), JSON.stringify(options)], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NODE_ENV: "production", DATABASE_PATH: file, VOTING_PEPPER: benchPepper, DEV_MAILBOX: "0" },
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += String(d)));
    child.stderr.on("data", (d: Buffer) => (err += String(d)));
    child.on("exit", (code) => {
      const line = out.split("\n").find((l) => l.startsWith("PREPARED "));
      if (code === 0 && line) resolve(JSON.parse(line.slice("PREPARED ".length)) as Prepared);
      else reject(new Error(`preparing ${file} failed (exit ${code}):\n${err || out}`));
    });
  });
}
