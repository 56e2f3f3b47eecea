import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prepare, runFixedBudget, runIfSameWinners, type PrepareInput } from "./equal-shares-run";
import { parsePb } from "./pb-format";

/** Small rounds with costs far above what the voters start with, so that add1 would raise the share a long way. */
const round = fc
  .record({
    costs: fc.array(fc.integer({ min: 1, max: 60_000 }), { minLength: 1, maxLength: 8 }),
    voters: fc.integer({ min: 1, max: 25 }),
    approval: fc.double({ min: 0.1, max: 0.8, noNaN: true }),
    seed: fc.integer(),
    utility: fc.constantFrom("cost" as const, "approval" as const),
  })
  .chain(({ costs, voters, approval, utility }) =>
    fc
      .array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: costs.length, maxLength: costs.length }), {
        minLength: voters,
        maxLength: voters,
      })
      .map((draws): PrepareInput => ({
        projects: costs.map((cost, i) => ({ id: String(i + 1), cost })),
        ballots: draws.map((row) => row.flatMap((draw, i) => (draw < approval ? [String(i + 1)] : []))),
        utility,
      })),
  );

describe("one run of Equal Shares", () => {
  it("gives exactly the all-exact run when floating point screens the projects", () => {
    fc.assert(
      fc.property(round, fc.integer({ min: 0, max: 80_000 }), fc.integer({ min: 1, max: 7 }), (input, num, den) => {
        const p = prepare(input);
        expect(runFixedBudget(p, BigInt(num), BigInt(den))).toEqual(runFixedBudget(p, BigInt(num), BigInt(den), { screen: false }));
      }),
      { numRuns: 400 },
    );
  });

  it("also on exact ties, where floating point cannot decide", () => {
    // Three voters of 100 each; C and D (100 each, all three supporters) both have a maximum payment
    // of a third of 100, which no float holds exactly: their score bounds overlap and the exact
    // comparison finds the tie, which the lower id wins.
    const p = prepare({
      projects: [
        { id: "C", cost: 100 },
        { id: "D", cost: 100 },
        { id: "E", cost: 101 },
      ],
      ballots: [
        ["C", "D", "E"],
        ["C", "D", "E"],
        ["C", "D"],
      ],
    });
    const screened = runFixedBudget(p, 100n, 1n);
    expect(screened).toEqual(runFixedBudget(p, 100n, 1n, { screen: false }));
    expect(screened.winners).toEqual([0, 1]);
    expect(screened.purchases[0]?.tiedWith).toEqual([1]);
  });

  it("gives exactly the all-exact run on the real files", () => {
    const dir = new URL("../../../tests/fixtures/pabulib/", import.meta.url);
    const files = [
      ...readdirSync(dir)
        .filter((name) => name.endsWith(".pb"))
        .map((name) => new URL(name, dir)),
      new URL("../../../bench/fixtures/Hungary_Budapest_2023_VIII_Jozsefvaros.pb", import.meta.url),
    ];
    for (const file of files) {
      const parsed = parsePb(readFileSync(file, "utf8"));
      const p = prepare({ projects: parsed.projects, ballots: parsed.votes.map((v) => v.vote) });
      const budget = BigInt(parsed.meta.budget ?? "0");
      const voters = BigInt(p.voters);
      // The real share, and raised shares across the range add1 walks through on these files.
      for (const [num, den] of [[budget, voters], ...[1n, 2n, 5n, 13n, 50n].map((raise) => [(budget / voters + raise) * (1n + raise / 50n), 1n])] as const) {
        expect(runFixedBudget(p, num, den), `${file.pathname} at ${num}/${den}`).toEqual(runFixedBudget(p, num, den, { screen: false }));
      }
    }
  });
});

describe("proving that a range of shares keeps the winners", () => {
  it("proves only what running every share in the range confirms", () => {
    let proven = 0;
    let refused = 0;
    fc.assert(
      fc.property(round, fc.integer({ min: 1, max: 5_000 }), fc.integer({ min: 1, max: 200 }), (input, share, length) => {
        const p = prepare(input);
        const lower = runFixedBudget(p, BigInt(share), 1n);
        const top = BigInt(share + length);
        const same = runIfSameWinners(p, top, lower);
        if (!same) {
          refused += 1;
          return;
        }
        proven += 1;
        for (let b = share; b <= share + length; b++) {
          expect(runFixedBudget(p, BigInt(b), 1n).winners, `share ${b}`).toEqual(lower.winners);
        }
        // The proving run is the run at the top, apart from the ties and payments it does not name.
        const plain = runFixedBudget(p, top, 1n);
        expect(same.spent).toBe(plain.spent);
        const essentials = (run: typeof plain) => run.purchases.map(({ project, score, rho }) => ({ project, score, rho }));
        expect(essentials(same)).toEqual(essentials(plain));
      }),
      // A fixed seed, so that the counts below hold on every run.
      { numRuns: 300, seed: 22 },
    );
    // Neither outcome is vacuous on these rounds.
    expect(proven).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(10);
  });

  it("refuses a range in which the outcome changes and changes back", () => {
    // The same winners at both ends do not prove a range: at shares 154 and 161 B then A are funded,
    // at 155 to 160 B then C.
    const p = prepare({
      projects: [
        { id: "A", cost: 280 },
        { id: "B", cost: 270 },
        { id: "C", cost: 130 },
      ],
      ballots: [["B", "C"], ["A", "B"], ["A", "B", "C"], ["A"]],
    });
    const winnersAt = (share: number) => runFixedBudget(p, BigInt(share), 1n).winners;
    expect(winnersAt(154)).toEqual([1, 0]);
    expect(winnersAt(158)).toEqual([1, 2]);
    expect(winnersAt(161)).toEqual([1, 0]);
    expect(runIfSameWinners(p, 161n, runFixedBudget(p, 154n, 1n))).toBeNull();
    // Within a range that keeps them, it proves it.
    expect(runIfSameWinners(p, 160n, runFixedBudget(p, 155n, 1n))?.winners).toEqual([1, 2]);
  });
});
