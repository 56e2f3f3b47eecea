// `npm start`: builds when the sources are newer than the build, then starts the server with demo data
// on this machine only (HOST=0.0.0.0 opens it to the network; scripts/demo-env.mjs).
// Meant for a fresh clone and for demos; a real deployment runs `npm run build` and `npm run serve`.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildIsStale } from "./build-freshness.mjs";
import { demoEnvironment } from "./demo-env.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

if (buildIsStale(root)) {
  console.log("Wijkvonk wordt gebouwd…");
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/@remix-run/dev/dist/cli.js"), "vite:build"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const { env, warnings } = demoEnvironment(process.env);
Object.assign(process.env, env);
for (const warning of warnings) console.warn(warning);
await import(path.join(root, "server.mjs"));
