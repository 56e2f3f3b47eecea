// How long counting takes: parse + tally + each outcome rule, on the largest
// Pabulib sample, on Assen (the sample where add1 raises the share most
// often), and on a generated city-wide round the size of Amsterdam's
// "Begroot" rounds (15,000 voters, 100 ideas, three stickers each).
// Target: under one second per rule on a 2-core machine.
//
// Floors, measured in the same run: for the tally, a plain loop that counts the parsed ballots into a
// Map; for each rule, parse + tally alone (what every rule needs first); for the contest outcome as
// Wijkvonk computes it, the same plain count over the numeric ballots. The figures of the largest
// sample and of the city round go into the combined table of `npm run bench`.
//
//   npx tsx bench/results-tally.ts [runs]
//
// Prints the median of `runs` runs (default 7) after three warm-up runs (for work that takes
// seconds: one warm-up run and three runs), and beside a figure its floor, sampled alternately.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { cpus } from "node:os";
import { computeContestOutcome, type OutcomeRule } from "../app/modules/results/contest-outcome";
import { equalShares } from "../app/modules/results/equal-shares";
import { allocateGreedy, GREEDY_VARIANTS } from "../app/modules/results/greedy";
import { parsePb, pbBudget, writePb } from "../app/modules/results/pb-format";
import type { CostedProject } from "../app/modules/results/ranking";
import { tally, type Tally } from "../app/modules/results/tally";
import { generateCityRound } from "./support/city-round";
import { seededRandom } from "../tests/support/seeded-random";
import { record } from "./support/report";

const PABULIB = new URL("../tests/fixtures/pabulib/", import.meta.url);
const RUNS = Number(process.argv[2] ?? 7);

interface Election {
  readonly label: string;
  /** The .pb text, so that parsing is part of the measurement. */
  readonly text: string;
  readonly projects: readonly CostedProject[];
  readonly ballots: readonly (readonly string[])[];
  readonly budget: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * Median ms of `work`, and of its `floor` when given, sampled alternately so that other work on the
 * machine and garbage collection fall on both alike. Work that takes seconds gets one warm-up run
 * and three samples instead of RUNS.
 */
function time(work: () => unknown, floor?: () => unknown): { ms: number; floor: number } {
  // Warm-up: the first runs pay for JIT compilation.
  const warmup = performance.now();
  for (let i = 0; i < 3 && (i === 0 || performance.now() - warmup < 500); i++) {
    floor?.();
    work();
  }
  const samples: number[] = [];
  const floors: number[] = [];
  const began = performance.now();
  for (let i = 0; i < RUNS && (i < 3 || performance.now() - began < 5000); i++) {
    if (floor) {
      const start = performance.now();
      floor();
      floors.push(performance.now() - start);
    }
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  return { ms: median(samples), floor: floor ? median(floors) : NaN };
}

/** The generated city round (bench/support/city-round.ts), written out as a .pb file, as our open-data export would, so parsing is measured too. */
function cityRoundPb(): string {
  const round = generateCityRound();
  return writePb({
    meta: { description: "Generated city round", budget: String(round.budget), vote_type: "approval", min_length: "3", max_length: "3" },
    projects: round.projects.map((p) => ({ ...p, name: `Idee ${p.id}`, extra: {} })),
    votes: round.ballots.map((vote, i) => ({ voterId: `v${i + 1}`, vote, extra: {} })),
  });
}

/**
 * The case add1's skipping exists for: a small wijk where every idea fits in
 * the budget together, but one expensive idea has only three supporters.
 * add1 keeps raising the share until those three can pay for it alone
 * (about 20,000 one-euro raises), and almost no raise changes the outcome.
 */
function generateWijkWithOneExpensiveIdea(seed = 7): string {
  const random = seededRandom(seed);
  const costs = [5_000, 8_000, 12_000, 3_000, 7_000, 6_000, 4_000, 60_000];
  const projects = costs.map((cost, i) => ({ id: String(i + 1), cost, name: `Idee ${i + 1}`, extra: {} }));
  const votes = Array.from({ length: 300 }, (_, i) => {
    const vote = projects
      .slice(0, 7)
      .filter(() => random() < 0.3)
      .map((p) => p.id);
    if (i < 3) vote.push("8");
    return { voterId: `v${i + 1}`, vote, extra: {} };
  });
  return writePb({ meta: { description: "Generated wijk", budget: "110000", vote_type: "approval" }, projects, votes });
}

function fromText(name: string, text: string): Election {
  const file = parsePb(text);
  return {
    label: `${name} (${file.votes.length} voters, ${file.projects.length} ideas)`,
    text,
    projects: file.projects,
    ballots: file.votes.map((v) => v.vote),
    budget: pbBudget(file) ?? 0,
  };
}

function largestSample(): string {
  const names = readdirSync(PABULIB).filter((name) => name.endsWith(".pb"));
  return names.reduce((a, b) => (statSync(new URL(b, PABULIB)).size > statSync(new URL(a, PABULIB)).size ? b : a));
}

/** The floor for counting: one pass over the ballots into a Map, nothing checked. */
function plainCount<T>(ballots: readonly (readonly T[])[]): Map<T, number> {
  const totals = new Map<T, number>();
  for (const ballot of ballots) for (const id of ballot) totals.set(id, (totals.get(id) ?? 0) + 1);
  return totals;
}

const TARGET_MS = 1000;

/** `recordAs`: the election's name in the combined table, when its figures belong there. */
function bench(election: Election, recordAs?: string): void {
  const parse = () => parsePb(election.text);
  const count = () =>
    tally(
      election.ballots,
      election.projects.map((p) => p.id),
    );
  const rules: [string, (counted: Tally) => unknown][] = [
    ...GREEDY_VARIANTS.map((variant): [string, (counted: Tally) => unknown] => [
      variant,
      (counted) => allocateGreedy({ projects: election.projects, scores: counted.totals, budget: election.budget, variant }),
    ]),
    ["equal-shares (none)", () => equalShares({ ...election, completion: "none" })],
    ["equal-shares (add1)", () => equalShares({ ...election, completion: "add1" })],
    ["equal-shares (add1, one euro at a time)", () => equalShares({ ...election, completion: "add1", linearAdd1: true })],
  ];
  const add1 = equalShares({ ...election, completion: "add1" });
  console.log(`\n${election.label}`);
  console.log(`  add1: ${add1.add1Steps} one-euro raises, ${add1.runs} runs computed, ${add1.selected.length} selected`);
  const line = (what: string, ms: number, floor?: number) =>
    console.log(`  ${what.padEnd(58)} ${ms.toFixed(1).padStart(7)} ms${floor === undefined ? "" : `   (floor ${floor.toFixed(1)} ms)`}`);
  const section = `tally + outcome rules: ${recordAs ?? ""}`;
  const keep = (figure: string, value: number, floor: number, floorIs: string, rule: boolean) => {
    if (!recordAs) return;
    record({
      bench: "results-tally",
      section,
      figure,
      value,
      unit: "ms",
      floor,
      floorIs,
      better: "lower",
      ...(rule ? { target: `< ${TARGET_MS} ms`, met: value < TARGET_MS } : {}),
      note: `median of ${RUNS}`,
    });
  };
  const parseAndTally = () => {
    parse();
    count();
  };
  line("parse", time(parse).ms);
  const counted = time(count, () => plainCount(election.ballots));
  line("tally", counted.ms, counted.floor);
  keep("tally", counted.ms, counted.floor, "plain counting loop", false);
  line("parse + tally", time(parseAndTally).ms);
  for (const [name, rule] of rules) {
    const total = time(() => {
      parse();
      rule(count());
    }, parseAndTally);
    line(`parse + tally + ${name}`, total.ms, total.floor);
    if (name === "greedy" || name === "equal-shares (add1)") keep(`parse + tally + ${name}`, total.ms, total.floor, "parse + tally alone", true);
  }
  // A Wijkvonk contest as results.server.ts counts it: totals checked against the ballots, voters
  // per idea, the draw's lots and the rule, from numeric idea ids.
  if (election.projects.every((p) => /^\d+$/.test(p.id))) {
    const ideas = election.projects.map((p) => ({ id: Number(p.id), cost: p.cost }));
    const ballots = election.ballots.map((b) => b.map(Number));
    const tallied = count();
    const totals = ideas.map((idea) => {
      const digital = tallied.totals.get(String(idea.id)) ?? 0;
      return { ideaId: idea.id, digital, poster: 0, total: digital };
    });
    for (const rule of ["greedy", "equal-shares"] as const satisfies readonly OutcomeRule[]) {
      const outcome = time(
        () => computeContestOutcome({ rule, budget: election.budget, ideas, ballots, totals, drawSeed: "bench-2027" }),
        () => plainCount(ballots),
      );
      line(`contest outcome (${rule})`, outcome.ms, outcome.floor);
      keep(`contest outcome (${rule})`, outcome.ms, outcome.floor, "plain counting loop", true);
    }
  }
}

console.log(`results-tally: median of ${RUNS} runs, node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? "?"})`);
const fromSample = (name: string) => fromText(name, readFileSync(new URL(name, PABULIB), "utf8"));
const largest = fromSample(largestSample());
bench(largest, `largest real .pb, ${largest.label}`);
bench(fromSample("Netherlands_Assen_2024.pb"));
const city = fromText("generated city round", cityRoundPb());
bench(city, city.label);
bench(fromText("generated wijk, one expensive idea with 3 supporters", generateWijkWithOneExpensiveIdea()));

/**
 * Equal Shares on the largest-budget real file (bench/fixtures/README.md): 150 million forint, so add1
 * would make 74,756 one-forint raises. Only add1 is timed here (the one-unit walk takes tens of seconds).
 */
function benchLargeBudget(): void {
  const text = readFileSync(new URL("./fixtures/Hungary_Budapest_2023_VIII_Jozsefvaros.pb", import.meta.url), "utf8");
  const election = fromText("Budapest 2023 VIII Józsefváros", text);
  const add1 = equalShares({ ...election, completion: "add1" });
  console.log(`\n${election.label}, budget ${election.budget}`);
  console.log(`  add1: ${add1.add1Steps} one-unit raises, ${add1.runs} runs computed, ${add1.selected.length} selected`);
  const parseAndTally = () => tally(parsePb(text).votes.map((v) => v.vote));
  const total = time(() => {
    parseAndTally();
    equalShares({ ...election, completion: "add1" });
  }, parseAndTally);
  console.log(`  ${"parse + tally + equal-shares (add1)".padEnd(58)} ${total.ms.toFixed(1).padStart(7)} ms   (floor ${total.floor.toFixed(1)} ms)`);
  record({
    bench: "results-tally",
    section: `tally + outcome rules: largest-budget real .pb, ${election.label}`,
    figure: "parse + tally + equal-shares (add1)",
    value: total.ms,
    unit: "ms",
    floor: total.floor,
    floorIs: "parse + tally alone",
    better: "lower",
    target: `< ${TARGET_MS} ms`,
    met: total.ms < TARGET_MS,
    note: `median of ${RUNS}; ${add1.runs} runs for ${add1.add1Steps} raises`,
  });
}
benchLargeBudget();
