// The end of `npm run bench`: reads the figures every bench recorded (bench/support/report.ts), prints
// one table with each figure beside its floor from the same run, and (when asked) writes
// bench/results/<ISO date>-<hostname>.json and .md with the date, the machine and the figures, so
// that a regression shows against earlier runs. Compare the value/floor ratios more than the raw
// figures: other work on the machine moves both alike.
//
//   node --import tsx bench/support/summary.ts <run.json>
//
// run.json (written by scripts/bench.mjs): { rowsFile, benches: [{ file, status, seconds }],
// startedAt, loadBefore, all, save, note }. Saved when every bench ran and passed, or with save.

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, hostname, loadavg, release, totalmem, type } from "node:os";
import path from "node:path";
import { formatNumber, table, type BenchRow } from "./report";
import { root } from "./server";

type Run = {
  rowsFile: string;
  benches: { file: string; status: number | null; seconds: number }[];
  startedAt: string;
  loadBefore: number[];
  /** Every bench in bench/ ran. */
  all: boolean;
  /** --save: keep the results even of a partial or failed run. */
  save: boolean;
  note: string | null;
};

type Results = {
  date: string;
  machine: { hostname: string; cpu: string; cores: number; memoryGb: number; os: string; node: string; loadBefore: number[]; loadAfter: number[] };
  git: { commit: string; dirty: boolean } | null;
  note: string | null;
  benches: Run["benches"];
  rows: BenchRow[];
};

const resultsDir = path.join(root, "bench", "results");
// The order of the combined table: the issue's list.
const benchOrder = ["vote-throughput", "vote-crash", "page-render", "page-weight", "results-tally", "startup"];

function readRows(file: string): BenchRow[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as BenchRow);
}

function git(): Results["git"] {
  try {
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: root, encoding: "utf8" }).trim() !== "";
    return { commit, dirty };
  } catch {
    return null;
  }
}

const keyOf = (r: BenchRow) => `${r.bench}|${r.section}|${r.figure}`;
const ratioOf = (r: BenchRow) => (r.floor !== null && r.floor > 0 && Number.isFinite(r.value) ? r.value / r.floor : null);
const formatRatio = (ratio: number | null) =>
  ratio === null ? "-" : `${ratio >= 10 ? ratio.toFixed(0) : ratio >= 1 ? ratio.toFixed(1) : ratio.toPrecision(2)}×`;

/** The latest earlier results from this host, to show how each ratio moved. */
function previousResults(host: string, except: string): Results | null {
  if (!existsSync(resultsDir)) return null;
  const files = readdirSync(resultsDir)
    .filter((f) => f.endsWith(`-${host}.json`) && f !== except)
    .sort();
  const last = files.at(-1);
  return last ? (JSON.parse(readFileSync(path.join(resultsDir, last), "utf8")) as Results) : null;
}

function sortRows(rows: BenchRow[]): BenchRow[] {
  const rank = (bench: string) => (benchOrder.includes(bench) ? benchOrder.indexOf(bench) : benchOrder.length);
  // Stable: within a bench, the order it recorded.
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => rank(a.row.bench) - rank(b.row.bench) || a.i - b.i)
    .map(({ row }) => row);
}

type Line = { section: string; cells: string[] };

function lines(rows: BenchRow[], previous: Results | null): Line[] {
  const before = new Map((previous?.rows ?? []).map((r) => [keyOf(r), r]));
  return rows.map((r) => {
    const prior = before.get(keyOf(r));
    const verdict = r.target ? `${r.target} ${r.met ? "met" : "NOT met"}` : "";
    return {
      section: r.section,
      cells: [
        r.figure,
        `${formatNumber(r.value)} ${r.unit}`,
        r.floor === null ? "-" : `${formatNumber(r.floor)} ${r.unit}`,
        formatRatio(ratioOf(r)),
        prior ? formatRatio(ratioOf(prior)) : "",
        verdict,
        r.floorIs ?? "",
      ],
    };
  });
}

const header = ["figure", "value", "floor", "value/floor", "last run", "target", "floor is"];

function textTable(all: Line[]): string {
  const out: string[] = [];
  // One table for the widths, printed with a heading line per section.
  const rendered = table(
    header,
    all.map((l) => l.cells),
    "lrrrrll",
  ).split("\n");
  out.push(rendered[0]!);
  let section = "";
  for (const [i, l] of all.entries()) {
    if (l.section !== section) {
      section = l.section;
      out.push(`── ${section}`);
    }
    out.push(rendered[i + 1]!);
  }
  return out.join("\n");
}

function markdownTable(all: Line[]): string {
  const escape = (s: string) => s.replace(/\|/g, "\\|");
  const out = [`| ${["section", ...header].join(" | ")} |`, `|${["section", ...header].map(() => "---").join("|")}|`];
  for (const l of all) out.push(`| ${[l.section, ...l.cells].map(escape).join(" | ")} |`);
  return out.join("\n");
}

function main() {
  const run = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as Run;
  const rows = sortRows(readRows(run.rowsFile));
  const host = hostname();
  const stamp = run.startedAt.replace(/\.\d+Z$/, "Z").replace(/:/g, "-");
  const fileBase = `${stamp}-${host}`;
  const cpu = cpus();
  const results: Results = {
    date: run.startedAt,
    machine: {
      hostname: host,
      cpu: cpu[0]?.model.trim() ?? "unknown",
      cores: cpu.length,
      memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
      os: `${type()} ${release()}`,
      node: process.version,
      loadBefore: run.loadBefore,
      loadAfter: loadavg().map((l) => Math.round(l * 100) / 100),
    },
    git: git(),
    note: run.note,
    benches: run.benches,
    rows,
  };
  const previous = previousResults(host, `${fileBase}.json`);
  const all = lines(rows, previous);
  const m = results.machine;
  const machineLine = `${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, ${m.os}, node ${m.node.replace(/^v/, "")}; load average ${m.loadBefore.join(" ")} before, ${m.loadAfter.join(" ")} after`;
  const failed = run.benches.filter((b) => b.status !== 0);
  const took = run.benches.reduce((s, b) => s + b.seconds, 0);

  console.log(`\n═══ Wijkvonk benchmarks, ${run.startedAt} on ${host}`);
  console.log(`${machineLine}${results.git ? `; commit ${results.git.commit}${results.git.dirty ? " with local changes" : ""}` : ""}`);
  if (run.note) console.log(`Note: ${run.note}`);
  console.log(
    `Floors are measured in the same run; "last run" is value/floor in ${previous ? `the results of ${previous.date}` : "(no earlier results from this host)"}.\n`,
  );
  console.log(textTable(all));
  console.log(
    `\n${run.benches.map((b) => `${b.file} ${b.seconds.toFixed(0)} s${b.status === 0 ? "" : ` (FAILED, exit ${b.status})`}`).join(", ")}; ${took.toFixed(0)} s in all.`,
  );
  if (failed.length > 0) console.log(`Failed: ${failed.map((b) => b.file).join(", ")} (their figures are missing or incomplete).`);

  if (!run.save && !(run.all && failed.length === 0)) {
    console.log(`Not saved (${failed.length > 0 ? "a bench failed" : "a partial run"}; pass --save to keep it in bench/results/ anyway).`);
    return;
  }
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(path.join(resultsDir, `${fileBase}.json`), JSON.stringify(results, null, 2) + "\n");
  const markdown = [
    `# Benchmarks, ${run.startedAt}, ${host}`,
    "",
    `- Machine: ${machineLine}`,
    `- Code: ${results.git ? `commit ${results.git.commit}${results.git.dirty ? " with local changes" : ""}` : "unknown"}`,
    ...(run.note ? [`- Note: ${run.note}`] : []),
    `- Benches: ${run.benches.map((b) => `${b.file} (${b.seconds.toFixed(0)} s${b.status === 0 ? "" : `, FAILED exit ${b.status}`})`).join(", ")}`,
    `- Floors are measured in the same run; compare value/floor between runs more than raw figures. "last run" is value/floor in ${previous ? `the results of ${previous.date}` : "(none: no earlier results from this host)"}.`,
    "",
    markdownTable(all),
    "",
  ].join("\n");
  writeFileSync(path.join(resultsDir, `${fileBase}.md`), markdown);
  console.log(`Saved bench/results/${fileBase}.json and .md.`);
}

main();
