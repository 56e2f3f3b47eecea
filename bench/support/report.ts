// Machine-readable figures: each bench calls record() for the figures that belong in the combined
// table; scripts/bench.mjs gives every bench the same file in BENCH_ROWS_FILE (one JSON object per
// line) and bench/support/summary.ts turns it into one table and a file in bench/results/.
// Without BENCH_ROWS_FILE (a bench run on its own) record() does nothing.

import { appendFileSync } from "node:fs";

export type BenchRow = {
  /** The bench file without .ts, e.g. "vote-throughput". */
  bench: string;
  /** What is measured, e.g. "vote, 50 connections". Rows with the same section are printed together. */
  section: string;
  /** The figure, e.g. "votes/s". */
  figure: string;
  value: number;
  unit: string;
  /** The same figure for the floor, measured in the same run; null when there is none. */
  floor: number | null;
  /** What the floor is, short: "bare node:http + insert (NORMAL)". */
  floorIs: string | null;
  better: "higher" | "lower";
  /** The target from the issue, as text ("≥ 20% of floor", "< 1000 ms"), when there is one. */
  target?: string;
  /** Whether the target is met, when there is one. */
  met?: boolean;
  note?: string;
};

export function record(row: BenchRow): void {
  const file = process.env.BENCH_ROWS_FILE;
  if (!file) return;
  appendFileSync(file, JSON.stringify(row) + "\n");
}

/** A plain text table; `align` has "l" or "r" per column, e.g. "lrrl". */
export function table(header: string[], rows: string[][], align: string): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (align[i] === "l" ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}

/** A number with sensible digits for its size: 16900, 412, 31.2, 4.07, 0.35, and whole numbers whole. */
export function formatNumber(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "-";
  const size = Math.abs(n);
  if (Number.isInteger(n) || size >= 1000) return Math.round(n).toString();
  if (size >= 100) return n.toFixed(0);
  if (size >= 10) return n.toFixed(1);
  return n.toFixed(2);
}
