// `npm start`: builds when the sources are newer than the build, then starts the server with demo data.
// Meant for a fresh clone and for demos; a real deployment runs `npm run build` and `npm run serve`.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildIsStale } from "./build-freshness.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

if (buildIsStale(root)) {
  console.log("Wijkvonk wordt gebouwd…");
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/@remix-run/dev/dist/cli.js"), "vite:build"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

process.env.NODE_ENV ??= "production";
process.env.SEED_DEMO ??= "1";
// Without a mail server the demo shows its emails at /dev/mail, so password reset can be tried out.
if (!process.env.SMTP_URL) process.env.DEV_MAILBOX ??= "1";
// The demo runs on plain http://localhost; a real deployment behind TLS keeps secure cookies on.
process.env.COOKIE_SECURE ??= "0";
// The demo's terminal shows the address and the demo accounts, not a JSON line per request.
process.env.LOG_LEVEL ??= "warn";
await import(path.join(root, "server.mjs"));
