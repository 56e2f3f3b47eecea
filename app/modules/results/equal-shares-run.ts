// One run of the Method of Equal Shares at a fixed share per voter, in exact
// arithmetic. equal-shares.ts decides which shares to run (the add1
// completion); this file only knows how a single run goes.
//
// Every voter's remaining money is an integer number of 1/scale euros; when a
// payment rho is not a whole number of those units we multiply the scale (and
// every balance) by its denominator, so no rounding can flip a comparison. To
// keep that cheap, voters are grouped into classes of equal history (voters who
// paid for the same winners in the same way have equal balances), and BigInt
// work happens per class, not per voter.

import { gcd } from "./exact-euros";
import { compareProjectIds, type CostedProject, type ProjectId } from "./ranking";

export type EqualSharesUtility = "cost" | "approval";

export interface Prepared {
  readonly voters: number;
  readonly ids: readonly ProjectId[];
  readonly costs: readonly number[];
  readonly costsBig: readonly bigint[];
  readonly approvers: readonly Int32Array[];
  readonly voteCounts: readonly number[];
  /** Position in the last-resort tie order. */
  readonly tieRanks: readonly number[];
  readonly utility: EqualSharesUtility;
}

export interface Fraction {
  num: bigint;
  den: bigint;
}

/** Both fractions positive. */
export function compareFractions(a: Fraction, b: Fraction): number {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left === right ? 0 : left < right ? -1 : 1;
}

export interface RunPurchase {
  readonly project: number;
  readonly score: Fraction;
  readonly rho: Fraction;
  readonly payments: { voters: number; each: Fraction; paidAllTheyHad: boolean }[];
  readonly tiedWith: number[];
}

export interface Run {
  readonly winners: number[];
  readonly spent: number;
  readonly purchases: RunPurchase[];
}

export interface PrepareInput {
  readonly projects: readonly CostedProject[];
  readonly ballots: readonly (readonly ProjectId[])[];
  readonly utility?: EqualSharesUtility;
  readonly tieOrder?: readonly ProjectId[];
}

export function prepare(input: PrepareInput): Prepared {
  const index = new Map<ProjectId, number>();
  input.projects.forEach((project, i) => {
    if (index.has(project.id)) throw new RangeError(`project ${project.id} is listed twice`);
    if (!Number.isSafeInteger(project.cost) || project.cost < 0) {
      throw new RangeError(`cost of project ${project.id} must be a whole, non-negative number of euros`);
    }
    index.set(project.id, i);
  });
  const supporters: number[][] = input.projects.map(() => []);
  input.ballots.forEach((ballot, voter) => {
    // A project named twice on one ballot is still one approval.
    for (const id of new Set(ballot)) {
      const i = index.get(id);
      if (i === undefined) throw new RangeError(`ballot ${voter + 1} names unknown project ${id}`);
      supporters[i]?.push(voter);
    }
  });
  const tieOrder = new Map<ProjectId, number>();
  (input.tieOrder ?? []).forEach((id, i) => {
    if (!tieOrder.has(id)) tieOrder.set(id, i);
  });
  const byTieOrder = input.projects
    .map((project, i) => ({ id: project.id, i }))
    .sort((a, b) => (tieOrder.get(a.id) ?? Number.POSITIVE_INFINITY) - (tieOrder.get(b.id) ?? Number.POSITIVE_INFINITY) || compareProjectIds(a.id, b.id));
  const tieRanks = new Array<number>(input.projects.length).fill(0);
  byTieOrder.forEach(({ i }, rank) => {
    tieRanks[i] = rank;
  });
  return {
    voters: input.ballots.length,
    ids: input.projects.map((p) => p.id),
    costs: input.projects.map((p) => p.cost),
    costsBig: input.projects.map((p) => BigInt(p.cost)),
    approvers: supporters.map((list) => Int32Array.from(list)),
    voteCounts: supporters.map((list) => list.length),
    tieRanks,
    utility: input.utility ?? "cost",
  };
}

/** One run of the method with every voter starting at shareNum/shareDen euros. */
export function runFixedBudget(p: Prepared, shareNum: bigint, shareDen: bigint): Run {
  // Money is counted in units of 1/scale euro; all balances are whole units.
  let scale = shareDen;
  const classBalance: bigint[] = [shareNum];
  const classSize: number[] = [p.voters];
  // Voters whose balance reaches 0 leave every class (-1): they can pay for nothing more.
  const voterClass = new Int32Array(p.voters);

  // Scratch space for counting a project's supporters per class.
  const seenInEvaluation: number[] = [];
  const supportersInClass: number[] = [];
  let evaluation = 0;

  const projectCount = p.ids.length;
  // An upper bound on each project's score: scores only fall as balances fall,
  // so the last computed score bounds every later one (as in the reference).
  const bound: Fraction[] = new Array<Fraction>(projectCount);
  const lastNeed: bigint[] = new Array<bigint>(projectCount).fill(0n);
  const lastPayers: bigint[] = new Array<bigint>(projectCount).fill(0n);
  let remaining: number[] = [];
  for (let c = 0; c < projectCount; c++) {
    const cost = p.costsBig[c] ?? 0n;
    const votes = p.voteCounts[c] ?? 0;
    if (cost > 0n && votes > 0) {
      remaining.push(c);
      bound[c] = p.utility === "cost" ? { num: BigInt(votes), den: 1n } : { num: BigInt(votes), den: cost };
    }
  }

  const winners: number[] = [];
  const purchases: RunPurchase[] = [];
  let spent = 0;

  // Returns the project's score, or null when its supporters together cannot afford it any more.
  function evaluate(c: number): Fraction | null {
    evaluation += 1;
    const touched: number[] = [];
    let payers = 0;
    for (const voter of p.approvers[c] ?? []) {
      const k = voterClass[voter] ?? -1;
      if (k < 0) continue;
      if (seenInEvaluation[k] !== evaluation) {
        seenInEvaluation[k] = evaluation;
        supportersInClass[k] = 0;
        touched.push(k);
      }
      supportersInClass[k] = (supportersInClass[k] ?? 0) + 1;
      payers += 1;
    }
    const cost = (p.costsBig[c] ?? 0n) * scale;
    let money = 0n;
    for (const k of touched) money += (classBalance[k] ?? 0n) * BigInt(supportersInClass[k] ?? 0);
    if (money < cost) return null;

    // Poorest first: whoever cannot pay an equal share of what is still needed pays all they have.
    touched.sort((a, b) => {
      const x = classBalance[a] ?? 0n;
      const y = classBalance[b] ?? 0n;
      return x === y ? 0 : x < y ? -1 : 1;
    });
    let paid = 0n;
    for (const k of touched) {
      const balance = classBalance[k] ?? 0n;
      const need = cost - paid;
      if (need > balance * BigInt(payers)) {
        const size = supportersInClass[k] ?? 0;
        paid += balance * BigInt(size);
        payers -= size;
      } else {
        break;
      }
    }
    const need = cost - paid;
    const payersBig = BigInt(payers);
    lastNeed[c] = need;
    lastPayers[c] = payersBig;
    // rho = need / payers units = need / (payers * scale) euros.
    return p.utility === "cost" ? { num: (p.costsBig[c] ?? 0n) * payersBig * scale, den: need } : { num: payersBig * scale, den: need };
  }

  function isBetterTieBreak(a: number, b: number): boolean {
    const costA = p.costs[a] ?? 0;
    const costB = p.costs[b] ?? 0;
    if (costA !== costB) return costA < costB;
    const votesA = p.voteCounts[a] ?? 0;
    const votesB = p.voteCounts[b] ?? 0;
    if (votesA !== votesB) return votesA > votesB;
    return (p.tieRanks[a] ?? 0) < (p.tieRanks[b] ?? 0);
  }

  function charge(w: number, score: Fraction, tiedWith: number[]): void {
    const need = lastNeed[w] ?? 0n;
    const payers = lastPayers[w] ?? 1n;
    const divisor = gcd(need, payers);
    const factor = payers / divisor;
    if (factor !== 1n) {
      scale *= factor;
      for (let k = 0; k < classBalance.length; k++) {
        if ((classSize[k] ?? 0) > 0) classBalance[k] = (classBalance[k] ?? 0n) * factor;
      }
    }
    const rho = need / divisor;
    const movedTo = new Map<number, number>();
    let fullPayers = 0;
    const allTheyHad = new Map<bigint, number>();
    for (const voter of p.approvers[w] ?? []) {
      const k = voterClass[voter] ?? -1;
      if (k < 0) continue;
      const balance = classBalance[k] ?? 0n;
      classSize[k] = (classSize[k] ?? 0) - 1;
      if (balance > rho) {
        let target = movedTo.get(k);
        if (target === undefined) {
          target = classBalance.length;
          classBalance.push(balance - rho);
          classSize.push(0);
          movedTo.set(k, target);
        }
        classSize[target] = (classSize[target] ?? 0) + 1;
        voterClass[voter] = target;
      } else {
        voterClass[voter] = -1;
      }
      if (balance >= rho) fullPayers += 1;
      else allTheyHad.set(balance, (allTheyHad.get(balance) ?? 0) + 1);
    }
    const payments: RunPurchase["payments"] = [];
    if (fullPayers > 0) payments.push({ voters: fullPayers, each: { num: rho, den: scale }, paidAllTheyHad: false });
    for (const [balance, voters] of [...allTheyHad].sort((a, b) => (a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : 0))) {
      payments.push({ voters, each: { num: balance, den: scale }, paidAllTheyHad: true });
    }
    winners.push(w);
    spent += p.costs[w] ?? 0;
    purchases.push({ project: w, score, rho: { num: rho, den: scale }, payments, tiedWith });
  }

  for (;;) {
    remaining.sort((a, b) => compareFractions(bound[b] as Fraction, bound[a] as Fraction) || a - b);
    let best: number[] = [];
    let bestScore: Fraction | null = null;
    const stillAffordable: number[] = [];
    for (let i = 0; i < remaining.length; i++) {
      const c = remaining[i] as number;
      if (bestScore && compareFractions(bound[c] as Fraction, bestScore) < 0) {
        // Sorted by bound: neither this project nor any after it can beat the best.
        for (let j = i; j < remaining.length; j++) stillAffordable.push(remaining[j] as number);
        break;
      }
      const score = evaluate(c);
      if (!score) continue;
      stillAffordable.push(c);
      bound[c] = score;
      const order = bestScore ? compareFractions(score, bestScore) : 1;
      if (order > 0) {
        best = [c];
        bestScore = score;
      } else if (order === 0) {
        best.push(c);
      }
    }
    remaining = stillAffordable;
    if (!bestScore || best.length === 0) break;
    let winner = best[0] as number;
    for (const c of best) if (isBetterTieBreak(c, winner)) winner = c;
    charge(
      winner,
      bestScore,
      best.filter((c) => c !== winner),
    );
    remaining = remaining.filter((c) => c !== winner);
  }
  return { winners, spent, purchases };
}
