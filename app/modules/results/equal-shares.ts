// The Method of Equal Shares for approval ballots, as defined by the reference
// implementation on equalshares.net (implementation/computation), which is
// what Assen used in 2024 (Pabulib rule "equalshares/add1"):
//
// - The budget is split equally over all voters, including voters whose
//   ballot is empty (their share simply stays unspent).
// - Each round, every project still affordable by its supporters gets a
//   "maximum payment" rho: the smallest amount such that supporters paying
//   min(what they have left, rho) together cover the cost. The reference
//   picks the project with the highest *effective vote count* cost / rho.
//   That is the "cost utilities" variant (a supporter values a project at its
//   cost), not "one unit of utility per approved project", which would pick
//   the lowest rho and favour cheap projects. `utility: "approval"` gives the
//   latter for comparison; only "cost" reproduces Assen.
// - Ties in effective vote count: lower cost first, then more votes (the
//   equalshares.net recommendation), then, where the site says "by lot", an
//   explicit order (tieOrder) or else the lower project id.
// - Completion "add1": the reference first runs with the real budget; while
//   the outcome is not exhaustive (some unselected project would still fit in
//   the real budget) it reruns with every voter's share raised to the next
//   whole euro (the virtual budget grows by one euro per voter), keeping the
//   new outcome only while it still fits the real budget, and stops at the
//   first that does not. There is no greedy top-up afterwards: Assen's
//   official outcome leaves 23,300 euros unspent although project 7 (12,000)
//   would fit, which only add1 without a top-up reproduces.
//
// Amounts are exact (see equal-shares-run.ts), and add1 skips ranges of raises
// proven to keep the same winners in the same order (runIfSameWinners), so the
// answer is exactly the one-unit walk's, only sooner: Budapest 2023 VIII
// (150 million forint) needs 74,756 raises and about 800 runs.

import { bigRatioToNumber, exactEuros, type ExactEuros } from "./exact-euros";
import { prepare, runFixedBudget, runIfSameWinners, type EqualSharesUtility, type Fraction, type Prepared, type Run } from "./equal-shares-run";
import type { CostedProject, ProjectId } from "./ranking";

export type { EqualSharesUtility } from "./equal-shares-run";

export type EqualSharesCompletion = "add1" | "none";

export interface EqualSharesInput {
  readonly projects: readonly CostedProject[];
  /** One approval ballot per voter (project ids). */
  readonly ballots: readonly (readonly ProjectId[])[];
  /** Whole euros. */
  readonly budget: number;
  readonly completion: EqualSharesCompletion;
  /** Default "cost", as equalshares.net. */
  readonly utility?: EqualSharesUtility;
  /** Last-resort order for ties that cost and vote count do not settle (e.g. drawn by lot). */
  readonly tieOrder?: readonly ProjectId[];
  /**
   * When add1 stops raising: "exhaustive" (default, equalshares.net's reference: at the first
   * outcome that leaves no room for any other project, or at the first raise that no longer fits)
   * or "over-budget" (only at the first raise that no longer fits, as Pabulib's checker does).
   * They differ only once an exhaustive outcome is reached; Wieliczka 2023 (Green Budget) is
   * reproduced only by "over-budget", Assen 2024 and Świecie 2023 by both.
   */
  readonly add1Until?: "exhaustive" | "over-budget";
  /** Raise one euro at a time like the reference, without skipping; for tests and benchmarks. */
  readonly linearAdd1?: boolean;
}

export interface PaymentGroup {
  readonly voters: number;
  /** What each voter in this group paid. */
  readonly each: ExactEuros;
  /** True when the share was more than these voters had left, so they paid all they had. */
  readonly paidAllTheyHad: boolean;
}

export interface EqualSharesPurchase {
  readonly projectId: ProjectId;
  readonly cost: number;
  /** Voters who approved the project. */
  readonly supporters: number;
  /** cost / maxPayment: the number equalshares.net ranks projects by in each round. */
  readonly effectiveVotes: number;
  /** rho: what each supporter with enough money left paid. */
  readonly maxPayment: ExactEuros;
  /** How the cost was shared; the groups add up to the cost exactly. */
  readonly payments: PaymentGroup[];
  /** Projects with the same effective vote count in this round, beaten by the tie-break. */
  readonly tiedWith: ProjectId[];
}

export interface EqualSharesOutcome {
  /** In order of selection. */
  readonly selected: ProjectId[];
  readonly spent: number;
  readonly leftover: number;
  /** Each voter's starting share in the run that produced this outcome. */
  readonly perVoterBudget: ExactEuros;
  /** How many one-euro raises add1 kept. */
  readonly add1Steps: number;
  /** Fixed-budget runs computed (one, plus one per raise tried). */
  readonly runs: number;
  /** One per selected project, in order of selection. */
  readonly purchases: EqualSharesPurchase[];
}

function toOutcome(p: Prepared, run: Run, budget: number, share: Fraction, add1Steps: number, runs: number): EqualSharesOutcome {
  return {
    selected: run.winners.map((w) => p.ids[w] as ProjectId),
    spent: run.spent,
    leftover: budget - run.spent,
    perVoterBudget: exactEuros(share.num, share.den),
    add1Steps,
    runs,
    purchases: run.purchases.map((purchase) => ({
      projectId: p.ids[purchase.project] as ProjectId,
      cost: p.costs[purchase.project] ?? 0,
      supporters: p.voteCounts[purchase.project] ?? 0,
      effectiveVotes:
        p.utility === "cost"
          ? bigRatioToNumber(purchase.score.num, purchase.score.den)
          : bigRatioToNumber((p.costsBig[purchase.project] ?? 0n) * purchase.score.num, purchase.score.den),
      maxPayment: exactEuros(purchase.rho.num, purchase.rho.den),
      payments: purchase.payments.map((group) => ({
        voters: group.voters,
        each: exactEuros(group.each.num, group.each.den),
        paidAllTheyHad: group.paidAllTheyHad,
      })),
      tiedWith: purchase.tiedWith.map((c) => p.ids[c] as ProjectId),
    })),
  };
}

export function equalShares(input: EqualSharesInput): EqualSharesOutcome {
  const { budget } = input;
  if (!Number.isSafeInteger(budget) || budget < 0) {
    throw new RangeError(`budget must be a whole, non-negative number of euros, not ${budget}`);
  }
  const p = prepare(input);
  if (p.voters === 0) {
    return toOutcome(p, { winners: [], spent: 0, purchases: [] }, budget, { num: 0n, den: 1n }, 0, 0);
  }
  const voters = BigInt(p.voters);
  const realShare: Fraction = { num: BigInt(budget), den: voters };
  let run = runFixedBudget(p, realShare.num, realShare.den);
  let runs = 1;
  if (input.completion === "none") return toOutcome(p, run, budget, realShare, 0, runs);

  const supported = p.ids.map((_, c) => (p.costs[c] ?? 0) > 0 && (p.voteCounts[c] ?? 0) > 0);
  const stopWhenExhaustive = input.add1Until !== "over-budget";
  // The reference raises from the whole-euro share just below budget / voters.
  const firstShare = BigInt(budget) / voters;
  // The share whose outcome we hold (null: the real share) and the share add1 has reached.
  let runShare: bigint | null = null;
  let share = firstShare;
  // Whether `run` came from runIfSameWinners, whose purchases leave out ties and payments.
  let certified = false;
  // How many raises to try to cover at once. The walk only ever looks at the winners (to test
  // exhaustive or over budget, and for the answer), so a range of shares proven to pick the same
  // winners in the same order is a range of raises the walk would accept without stopping: it would
  // end at the top of the range in exactly the state we jump to. The proof (runIfSameWinners) costs
  // one run but needs the range to be short enough near a change, so the step doubles after each
  // proof (unless the last try failed) and halves after each failure; at one raise we simply take
  // the next run, as the walk does. Doubling cannot run away: once the share exceeds what all
  // projects cost together, every supported project is chosen and the walk stops.
  let step = 1n;
  let failedLast = false;
  for (;;) {
    const chosen = new Set(run.winners);
    // Exhaustive: nothing left out would still fit in the real budget.
    if (stopWhenExhaustive && p.costs.every((cost, c) => chosen.has(c) || run.spent + cost > budget)) break;
    // Once every project with supporters is in, more money cannot add anything; the reference
    // would raise forever here (it only stops on exhaustive or over budget), so we stop.
    if (supported.every((isSupported, c) => !isSupported || chosen.has(c))) break;

    if (step > 1n) {
      const same = runIfSameWinners(p, share + step, run);
      runs += 1;
      if (same) {
        share += step;
        run = same;
        runShare = share;
        certified = true;
        // Right after a failure the change that caused it is near: try the same length again first.
        if (!failedLast) step *= 2n;
        failedLast = false;
      } else {
        step /= 2n;
        failedLast = true;
      }
      continue;
    }
    const next = runFixedBudget(p, share + 1n, 1n);
    runs += 1;
    if (next.spent > budget) break;
    // While raises keep changing the winners, proving a longer range would only fail.
    if (!input.linearAdd1 && sameWinners(next, run)) step = 2n;
    share += 1n;
    run = next;
    runShare = share;
    certified = false;
  }
  if (certified) {
    // The winners are proven; the ties and payments come from a plain run at this share.
    run = runFixedBudget(p, share, 1n);
    runs += 1;
  }
  const finalShare: Fraction = runShare === null ? realShare : { num: share, den: 1n };
  return toOutcome(p, run, budget, finalShare, runShare === null ? 0 : Number(share - firstShare), runs);
}

function sameWinners(a: Run, b: Run): boolean {
  return a.winners.length === b.winners.length && a.winners.every((w, i) => w === b.winners[i]);
}
