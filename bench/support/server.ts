// Starting and stopping the built app (server.mjs, as `npm run serve` runs it) and other server
// processes for the benchmarks, on a free loopback port.
//
// The app runs from BENCH_APP_DIR when set: scripts/bench.mjs copies build/, server.mjs and the
// migrations there once, so that every bench measures the same build even when something rebuilds
// build/ in the working tree meanwhile. Without it (a bench run on its own) it runs from the tree.

import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync } from "node:fs";
import http from "node:http";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Where server.mjs and build/ are taken from. */
export const appDir = process.env.BENCH_APP_DIR ? path.resolve(process.env.BENCH_APP_DIR) : root;
export const benchPepper = "bench-pepper-0123456789abcdef0123456789abcdef";

/** Stops the bench with a clear message when there is no build to measure. */
export function requireBuild(what = "this benchmark drives the built app"): void {
  if (!existsSync(path.join(appDir, "build/server/index.js"))) {
    console.error(`No build found. Run \`npm run build\` first: ${what}.`);
    process.exit(1);
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Resolves once `text` shows on the child's stdout; rejects when it exits first or after `timeoutMs`. */
export function waitFor(child: ChildProcess, text: string, timeoutMs = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => reject(new Error(`no "${text}" within ${timeoutMs / 1000} s:\n${seen}`)), timeoutMs);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`the process exited (${code}) before it was ready:\n${seen}`));
    };
    child.stdout!.on("data", (d: Buffer) => {
      seen += String(d);
      if (seen.includes(text)) {
        clearTimeout(timer);
        child.off("exit", onExit);
        resolve();
      }
    });
    child.on("exit", onExit);
  });
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.on("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

export type AppOptions = {
  databasePath: string;
  /** Default: a free one. */
  port?: number;
  /** SEED_DEMO: fill an empty database with the demo data at start. */
  seedDemo?: boolean;
  /** Extra node flags, e.g. --cpu-prof. */
  nodeArgs?: string[];
  /** Lines on stderr starting with one of these are expected and not collected (the SMTP warning, receipt mails). */
  quiet?: string[];
  /** Settings over the ones above (undefined leaves one out). */
  env?: Record<string, string | undefined>;
};

export type App = {
  child: ChildProcess;
  pid: number;
  port: number;
  origin: string;
  /** Unexpected stderr lines so far. */
  errors: () => string;
  /** The file the server's stdout (its request log) goes to. */
  logFile: string;
};

/** Spawns server.mjs (production mode, loopback, no mail) on a free port, without waiting for it. */
export async function spawnApp(options: AppOptions): Promise<App> {
  return appProcess(options.port ?? (await freePort()), options);
}

/**
 * Spawns server.mjs on `port`, without waiting for it. Its stdout,
 * a log line per request in production, goes to a file beside the database, as a deployment's log would:
 * read through a pipe, those lines cost the bench process (which is also the load generator) a core's
 * worth of CPU at 10,000 answers a second and held back the figures of the app, not of the floor.
 */
export function appProcess(port: number, options: AppOptions): App {
  const logFile = `${options.databasePath}.server-${port}.log`;
  const out = openSync(logFile, "a");
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), path.join(appDir, "server.mjs")], {
    cwd: appDir,
    stdio: ["ignore", out, "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      APP_URL: `http://127.0.0.1:${port}`,
      DATABASE_PATH: options.databasePath,
      VOTING_PEPPER: benchPepper,
      COOKIE_SECURE: "0",
      DEV_MAILBOX: "0",
      SEED_DEMO: options.seedDemo ? "1" : "0",
      TEST_CLOCK: "0",
      ...options.env,
    },
  });
  closeSync(out);
  const quiet = ["[startup]", ...(options.quiet ?? [])];
  let errors = "";
  child.stderr!.on("data", (d: Buffer) => {
    for (const line of String(d).split("\n")) if (line && !quiet.some((q) => line.startsWith(q)) && errors.length < 10_000) errors += line + "\n";
  });
  return { child, pid: child.pid!, port, origin: `http://127.0.0.1:${port}`, errors: () => errors, logFile };
}

/** Starts the built app and waits until its log says it listens. */
export async function startApp(options: AppOptions, timeoutMs = 60_000): Promise<App> {
  const app = await spawnApp(options);
  const started = performance.now();
  for (;;) {
    if (readFileSync(app.logFile, "utf8").includes("draait op")) return app;
    if (app.child.exitCode !== null || app.child.signalCode !== null)
      throw new Error(`the app exited (${app.child.exitCode}) before it was ready:\n${app.errors()}`);
    if (performance.now() - started > timeoutMs) throw new Error(`the app did not start within ${timeoutMs / 1000} s:\n${app.errors()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** One GET on loopback without keep-alive; resolves with the status, rejects when nothing answers. */
export function getStatus(port: number, pathname = "/"): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: "127.0.0.1", port, path: pathname, agent: false }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    });
    request.on("error", reject);
    request.setTimeout(5_000, () => request.destroy(new Error("timeout")));
  });
}

/**
 * Spawns a server and measures, in ms, from just before the spawn until the first successful (2xx)
 * answer to GET `pathname`, polling every `everyMs`. Then stops it.
 */
export async function timeToFirstResponse(spawnServer: (port: number) => ChildProcess, pathname = "/", everyMs = 5, timeoutMs = 60_000): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawnServer(port);
  let exited = false;
  child.on("exit", () => (exited = true));
  try {
    for (;;) {
      if (exited) throw new Error(`the server exited (${child.exitCode}) before it answered`);
      if (performance.now() - started > timeoutMs) throw new Error(`no answer within ${timeoutMs / 1000} s`);
      const status = await getStatus(port, pathname).catch(() => 0);
      if (status >= 200 && status < 300) return performance.now() - started;
      if (status !== 0) throw new Error(`GET ${pathname}: HTTP ${status}`);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  } finally {
    await stop(child);
  }
}
