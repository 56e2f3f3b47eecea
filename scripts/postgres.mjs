// A throw-away PostgreSQL server for the tests (ADR 027): Debian's server binaries, a fresh data folder
// in /tmp, a free port on 127.0.0.1, no password (trust, loopback only), fsync off (nothing in it is
// worth keeping). `node scripts/postgres.mjs install` installs Debian's package when it is missing (what
// `.ci/run` does); the tests call startPostgres(); `node scripts/postgres.mjs start` starts one by hand.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "./free-port.mjs";

const DEBIAN_ROOT = "/usr/lib/postgresql";

/** The folder with initdb and pg_ctl (PG_BIN, or Debian's newest), or null when there is none. */
export function findPostgres() {
  const candidates = process.env.PG_BIN
    ? [process.env.PG_BIN]
    : existsSync(DEBIAN_ROOT)
      ? readdirSync(DEBIAN_ROOT)
          .filter((v) => /^\d+$/.test(v))
          .sort((a, b) => Number(b) - Number(a))
          .map((v) => path.join(DEBIAN_ROOT, v, "bin"))
      : [];
  return candidates.find((dir) => existsSync(path.join(dir, "initdb")) && existsSync(path.join(dir, "pg_ctl"))) ?? null;
}

/** Installs Debian's postgresql package when no server is found; says why not when it cannot. */
export function installPostgres() {
  if (findPostgres()) return true;
  if (process.getuid?.() !== 0 || !existsSync("/usr/bin/apt-get")) {
    console.log("PostgreSQL: not installed, and this user cannot install Debian's package (root and apt-get needed).");
    return false;
  }
  console.log("PostgreSQL: installing Debian's postgresql package…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  let run = spawnSync("apt-get", ["install", "-y", "-q", "postgresql"], { stdio: ["ignore", "ignore", "inherit"], env });
  if (run.status !== 0) {
    spawnSync("apt-get", ["update", "-q"], { stdio: ["ignore", "ignore", "inherit"], env });
    run = spawnSync("apt-get", ["install", "-y", "-q", "postgresql"], { stdio: ["ignore", "ignore", "inherit"], env });
  }
  return run.status === 0 && findPostgres() !== null;
}

/**
 * Starts a server and returns its address and a stop function. PostgreSQL refuses to run as root: then it
 * runs as the `postgres` user that Debian's package made. `durable: true` keeps PostgreSQL's own
 * durability (fsync, synchronous commit), for the benchmarks: the tests need none of it.
 */
export async function startPostgres({ durable = false } = {}) {
  const bin = findPostgres();
  if (!bin) throw new Error("No PostgreSQL server found: `node scripts/postgres.mjs install` (as root) or set PG_BIN.");
  const dir = mkdtempSync(path.join(tmpdir(), "wijkvonk-pg-"));
  const data = path.join(dir, "data");
  const asRoot = process.getuid?.() === 0;
  const run = (file, args) => {
    const command = path.join(bin, file);
    if (asRoot) execFileSync("runuser", ["-u", "postgres", "--", command, ...args], { stdio: "pipe" });
    else execFileSync(command, args, { stdio: "pipe" });
  };
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(dir, uid, gid);
    chmodSync(dir, 0o700);
  }
  const user = "wijkvonk";
  run("initdb", ["-D", data, "-U", user, "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C"]);
  const port = await freePort();
  const durability = durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1${durability} -c max_connections=200`;
  run("pg_ctl", ["-D", data, "-o", options, "-l", path.join(dir, "server.log"), "-w", "-t", "60", "start"]);
  let stopped = false;
  return {
    url: `postgres://${user}@127.0.0.1:${port}/postgres`,
    port,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const command = process.argv[2];
  if (command === "install") process.exit(installPostgres() ? 0 : 1);
  if (command === "which") {
    console.log(findPostgres() ?? "none");
    process.exit(0);
  }
  if (command === "start") {
    // A throw-away server to try things on by hand (docs/operations.md): its address on stdout, and
    // stopped and removed with Ctrl-C or SIGTERM.
    const server = await startPostgres();
    console.log(server.url);
    const stop = () => {
      server.stop();
      process.exit(0);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    setInterval(() => {}, 1 << 30);
  } else {
    console.error(`usage: node scripts/postgres.mjs install|which|start (user ${userInfo().username})`);
    process.exit(2);
  }
}
