// Is the production build older than the sources it was made from? `npm start` builds again then;
// `npm run bench` warns that its figures are of the build, not of the sources.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export const serverBuildOf = (root) => path.join(root, "build/server/index.js");

/** True when there is no build, or app/, db/, public/ or vite.config.ts changed after it. */
export function buildIsStale(root) {
  const serverBuild = serverBuildOf(root);
  if (!existsSync(serverBuild)) return true;
  const sources = ["app", "db", "public"].map((d) => path.join(root, d)).filter(existsSync);
  return Math.max(...sources.map(newestMtime), statSync(path.join(root, "vite.config.ts")).mtimeMs) > statSync(serverBuild).mtimeMs;
}
