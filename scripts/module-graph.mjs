// Prints the import arrows between the feature folders in app/modules (and app/workflows), with the
// files behind each arrow: `node scripts/module-graph.mjs [--files]`. An arrow is one (from, to) pair
// of folders, however many imports make it; ADR 020 holds the order they must follow (LAYERS in
// eslint/layers.js), and ESLint keeps it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { LAYERS } from "../eslint/layers.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const app = path.join(root, "app");
const showFiles = process.argv.includes("--files");

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** "modules/voting" or "workflows" for a file under app/, else null. */
function folderOf(file) {
  const [top, feature] = path.relative(app, file).split(path.sep);
  if (top === "modules" && feature && !feature.includes(".")) return `modules/${feature}`;
  if (top === "workflows") return "workflows";
  return null;
}

function resolve(from, specifier) {
  if (specifier.startsWith("~/")) return path.join(app, specifier.slice(2));
  if (specifier.startsWith(".")) return path.resolve(path.dirname(from), specifier);
  return null;
}

const arrows = new Map();
for (const file of sourceFiles(app)) {
  const from = folderOf(file);
  if (!from) continue;
  for (const { fileName } of ts.preProcessFile(readFileSync(file, "utf8"), true, true).importedFiles) {
    const target = resolve(file, fileName);
    const to = target && folderOf(target);
    if (!to || to === from) continue;
    const key = `${from} -> ${to}`;
    if (!arrows.has(key)) arrows.set(key, new Set());
    arrows.get(key).add(path.relative(app, file));
  }
}

let against = 0;
for (const key of [...arrows.keys()].sort()) {
  const [from, to] = key.split(" -> ");
  const upward = LAYERS.indexOf(to) < LAYERS.indexOf(from);
  if (upward) against += 1;
  console.log(`${key}  (${arrows.get(key).size} file${arrows.get(key).size === 1 ? "" : "s"})${upward ? "  AGAINST THE ORDER" : ""}`);
  if (showFiles) for (const file of [...arrows.get(key)].sort()) console.log(`    ${file}`);
}
console.log(`${arrows.size} arrows, ${against} against the order`);
