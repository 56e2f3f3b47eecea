// How long counting takes: parse + tally + each outcome rule, on the largest
// Pabulib sample, on Assen (the sample where add1 raises the share most
// often), and on a generated city-wide round the size of Amsterdam's
// "Begroot" rounds (15,000 voters, 100 ideas, three stickers each).
// Target: under one second per rule on a 2-core machine.
//
//   npx tsx bench/results-tally.ts [runs]
//
// Prints the median of `runs` runs (default 7) after one warm-up run.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { cpus } from "node:os";
import { computeContestOutcome, type OutcomeRule } from "../app/modules/results/contest-outcome";
import { equalShares } from "../app/modules/results/equal-shares";
import { allocateGreedy, GREEDY_VARIANTS } from "../app/modules/results/greedy";
import { parsePb, pbBudget, writePb } from "../app/modules/results/pb-format";
import type { CostedProject } from "../app/modules/results/ranking";
import { tally, type Tally } from "../app/modules/results/tally";

const PABULIB = new URL("../../shared/data/pabulib/", import.meta.url);
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

function time(work: () => unknown): number {
  // Warm-up: the first runs pay for JIT compilation.
  for (let i = 0; i < 3; i++) work();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/** mulberry32: small, fast and the same on every machine, so every run benchmarks the same round. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A city-wide round: 100 ideas costing 5,000 to 150,000 euros, 15,000 voters
 * each putting three stickers on three different ideas. Popularity is skewed
 * (a few ideas draw many stickers, most draw few), as in real rounds. Written
 * out as a .pb file, as our open-data export would, so parsing is measured too.
 */
function generateCityRound(seed = 2027): string {
  const random = seededRandom(seed);
  const projects = Array.from({ length: 100 }, (_, i) => ({
    id: String(1001 + i),
    cost: 5_000 + Math.floor(random() * 145_001),
  }));
  const weights = projects.map(() => 0.2 + random() ** 2 * 3);
  const totalWeight = weights.reduce((sum, w) => sum + w, 0);
  const pick = () => {
    let r = random() * totalWeight;
    for (const [i, w] of weights.entries()) {
      r -= w;
      if (r <= 0) return i;
    }
    return weights.length - 1;
  };
  const ballots = Array.from({ length: 15_000 }, () => {
    const chosen = new Set<number>();
    while (chosen.size < 3) chosen.add(pick());
    return [...chosen].map((i) => projects[i]?.id ?? "");
  });
  return writePb({
    meta: { description: "Generated city round", budget: "1000000", vote_type: "approval", min_length: "3", max_length: "3" },
    projects: projects.map((p) => ({ ...p, name: `Idee ${p.id}`, extra: {} })),
    votes: ballots.map((vote, i) => ({ voterId: `v${i + 1}`, vote, extra: {} })),
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
    const vote = projects.slice(0, 7).filter(() => random() < 0.3).map((p) => p.id);
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

function bench(election: Election): void {
  const parse = () => parsePb(election.text);
  const count = () => tally(election.ballots, election.projects.map((p) => p.id));
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
  const line = (what: string, ms: number) => console.log(`  ${what.padEnd(58)} ${ms.toFixed(1).padStart(7)} ms`);
  line("parse", time(parse));
  line("tally", time(count));
  for (const [name, rule] of rules) {
    const total = time(() => {
      parse();
      rule(count());
    });
    line(`parse + tally + ${name}`, total);
  }
  // A Wijkvonk contest as results.server.ts counts it: totals checked against the ballots, voters
  // per idea, the draw's lots and the rule, from numeric idea ids.
  if (election.projects.every((p) => /^\d+$/.test(p.id))) {
    const ideas = election.projects.map((p) => ({ id: Number(p.id), cost: p.cost }));
    const ballots = election.ballots.map((b) => b.map(Number));
    const counted = count();
    const totals = ideas.map((idea) => {
      const digital = counted.totals.get(String(idea.id)) ?? 0;
      return { ideaId: idea.id, digital, poster: 0, total: digital };
    });
    for (const rule of ["greedy", "equal-shares"] as const satisfies readonly OutcomeRule[]) {
      line(
        `contest outcome (${rule})`,
        time(() => computeContestOutcome({ rule, budget: election.budget, ideas, ballots, totals, drawSeed: "bench-2027" })),
      );
    }
  }
}

console.log(`results-tally: median of ${RUNS} runs, node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? "?"})`);
const fromSample = (name: string) => fromText(name, readFileSync(new URL(name, PABULIB), "utf8"));
bench(fromSample(largestSample()));
bench(fromSample("Netherlands_Assen_2024.pb"));
bench(fromText("generated city round", generateCityRound()));
bench(fromText("generated wijk, one expensive idea with 3 supporters", generateWijkWithOneExpensiveIdea()));
