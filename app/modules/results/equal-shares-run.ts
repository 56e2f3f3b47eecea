// One run of the Method of Equal Shares at a fixed share per voter, in exact
// arithmetic. equal-shares.ts decides which shares to run (the add1
// completion); this file only knows how a single run goes.
//
// Every voter's remaining money is an integer number of 1/scale euros; when a
// payment rho is not a whole number of those units we multiply the scale (and
// every balance) by its denominator, so no rounding can flip a comparison. To
// keep that cheap, voters are grouped into classes of equal history (voters who
// paid for the same winners in the same way have equal balances), and BigInt
// work happens per class, not per voter. Most of it is not needed at all:
// floating point with proven error bounds screens the projects, and only the
// winner and near-ties are computed exactly (see below runIfSameWinners).

import { bigRatioToNumber, gcd } from "./exact-euros";
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

/**
 * One run of the method with every voter starting at shareNum/shareDen euros.
 * `screen: false` does every evaluation exactly, for tests that hold the float screening to it.
 */
export function runFixedBudget(p: Prepared, shareNum: bigint, shareDen: bigint, options: { screen?: boolean } = {}): Run {
  const run = runCore(p, shareNum, shareDen, null, options.screen ?? true);
  if (!run) throw new Error("equal shares: a run without a run to follow always finishes");
  return run;
}

/**
 * The run at the higher share `shareNum`, but only when it proves that every
 * share from `lower`'s share up to it picks `lower.winners` in the same order;
 * otherwise null (which proves nothing either way).
 *
 * Why a run at the top of a range can speak for the whole range: while the
 * winners so far are the same, raising the starting share never lowers any
 * voter's balance. In the first round every balance is the share itself. A
 * project's maximum payment rho is the smallest amount such that its
 * supporters paying min(balance, rho) cover the cost, so higher balances give
 * a lower or equal rho and so a higher or equal score; and what a supporter
 * keeps, max(0, balance - rho), is then higher or equal again. By induction
 * over the rounds, every score at any share in between lies between its score
 * at the lower share and its score here. So if, in every round, each other
 * affordable project's score here is below the winner's score at the lower
 * share (or equal, and the winner takes that tie-break), then at every share
 * in between the winner still has the best score. Projects unaffordable here
 * are unaffordable at every lower share too (less money), and after the last
 * winner nothing may be affordable here. Shares in between need not be whole:
 * the argument holds for any share, so `lower` may be the run at budget /
 * voters.
 *
 * Its purchases name no ties and no payments (both empty): the caller reruns
 * the last share it keeps with runFixedBudget for the full explanation.
 */
export function runIfSameWinners(p: Prepared, shareNum: bigint, lower: Run): Run | null {
  return runCore(p, shareNum, 1n, lower, true);
}

// Floating point screens the projects; exact BigInt work is done only for the
// winner of each round and where floating point cannot tell two scores apart.
// Every float used for a decision is a proven bound, not an estimate: a class's
// balance is held as an interval around its exact value, and a score interval
// is only trusted after checking it against the exact definition of rho with
// sums that round in a known direction (see screen). Where a check fails we fall
// back to the exact computation, so the outcome is exactly the exact method's.
const ULP = 2 ** -52;

/** Bounds lo <= num/den <= hi for positive num/den, with room for bigRatioToNumber's rounding (< 4 ulp + 2^-64). */
function ratioBounds(num: bigint, den: bigint): [number, number] {
  const x = bigRatioToNumber(num, den);
  const slack = x * 2 ** -48 + 2 ** -60;
  return [Math.max(0, x - slack), x + slack];
}

interface RhoBounds {
  readonly lo: number;
  readonly hi: number;
}

/** Proven bounds on a project's score, and on its rho they came from. */
interface Screened {
  readonly lo: number;
  readonly hi: number;
  readonly rho: RhoBounds;
}

function runCore(p: Prepared, shareNum: bigint, shareDen: bigint, follow: Run | null, screening: boolean): Run | null {
  // Money is counted in units of 1/scale euro; all balances are whole units.
  let scale = shareDen;
  // Each class's balance is kept in the units of the scale it was last read at (classScale); reading it
  // brings it to the current scale, so a rescale costs nothing for classes no one looks at.
  // Scales are numbered (scaleAt[version]); the factor from an old scale to the current one is
  // computed once per old scale, not once per class. A new class's balance is not even computed
  // until someone needs it exactly: it is its parent's balance less the payment (classPaid, in the
  // units of the scale it was made at), and most classes are only ever looked at through floats.
  const classBalance: (bigint | undefined)[] = [shareNum];
  const classScale: number[] = [0];
  const classParent: number[] = [-1];
  const classPaid: bigint[] = [0n];
  const scaleAt: bigint[] = [shareDen];
  let factorTo: (bigint | undefined)[] = [];
  function factorFrom(version: number): bigint {
    if (version === scaleAt.length - 1) return 1n;
    let factor = factorTo[version];
    if (factor === undefined) {
      factor = scale / (scaleAt[version] as bigint);
      factorTo[version] = factor;
    }
    return factor;
  }
  function balanceOf(k: number): bigint {
    const at = classScale[k] as number;
    const now = scaleAt.length - 1;
    const known = classBalance[k];
    if (known !== undefined && at === now) return known;
    const balance = known === undefined ? balanceOf(classParent[k] as number) - (classPaid[k] as bigint) * factorFrom(at) : known * factorFrom(at);
    classBalance[k] = balance;
    classScale[k] = now;
    return balance;
  }
  const [startLo, startHi] = ratioBounds(shareNum, shareDen);
  // The same balances in euros: lo <= exact <= hi. Rescaling changes the units, not the euros.
  const classLo: number[] = [startLo];
  const classHi: number[] = [startHi];
  const classSize: number[] = [p.voters];
  // Scratch space for charging a winner, per class.
  const chargedIn: number[] = [0];
  const movedTo: number[] = [0];
  const payingIn: number[] = [0];
  let chargeRound = 0;
  // Voters whose balance reaches 0 leave every class (-1): they can pay for nothing more.
  const voterClass = new Int32Array(p.voters);

  // Scratch space for counting a project's supporters per class.
  const seenInEvaluation: number[] = [0];
  const supportersInClass: number[] = [0];
  let evaluation = 0;

  const projectCount = p.ids.length;
  const scoreUnit = (c: number): number => (p.utility === "cost" ? (p.costs[c] ?? 0) : 1);
  // An upper bound on each project's score: scores only fall as balances fall,
  // so the last score bound computed in a run bounds every later score (as in the reference).
  const bound = new Float64Array(projectCount);
  const lastNeed: bigint[] = new Array<bigint>(projectCount).fill(0n);
  const lastPayers: bigint[] = new Array<bigint>(projectCount).fill(0n);
  let remaining: number[] = [];
  for (let c = 0; c < projectCount; c++) {
    const cost = p.costs[c] ?? 0;
    const votes = p.voteCounts[c] ?? 0;
    if (cost > 0 && votes > 0) {
      remaining.push(c);
      // rho >= cost / votes, so the score is at most votes (cost utilities) or votes / cost.
      bound[c] = p.utility === "cost" ? votes : (votes / cost) * (1 + 4 * ULP);
    }
  }

  const winners: number[] = [];
  const purchases: RunPurchase[] = [];
  let spent = 0;

  /** The classes of c's supporters who still have money; supportersInClass[k] holds how many of them. */
  function gather(c: number): number[] {
    evaluation += 1;
    const touched: number[] = [];
    for (const voter of p.approvers[c] ?? []) {
      const k = voterClass[voter] as number;
      if (k < 0) continue;
      if (seenInEvaluation[k] !== evaluation) {
        seenInEvaluation[k] = evaluation;
        supportersInClass[k] = 0;
        touched.push(k);
      }
      supportersInClass[k] = (supportersInClass[k] as number) + 1;
    }
    return touched;
  }

  function compareBalances(a: number, b: number): number {
    if ((classHi[a] as number) < (classLo[b] as number)) return -1;
    if ((classHi[b] as number) < (classLo[a] as number)) return 1;
    const x = balanceOf(a);
    const y = balanceOf(b);
    return x === y ? 0 : x < y ? -1 : 1;
  }

  /**
   * Proven bounds on c's score from the float balances; null when its supporters certainly cannot
   * afford it; undefined when floating point cannot tell and the exact evaluation must decide.
   */
  function screen(c: number): Screened | null | undefined {
    if (!screening) return undefined;
    const touched = gather(c);
    const cost = p.costs[c] ?? 0;
    // A sum of t positive products, each rounded, is within t ulp of the exact sum (first order); twice that and more.
    const sumError = (touched.length + 2) * ULP;
    let moneyLo = 0;
    let moneyHi = 0;
    let payers = 0;
    for (const k of touched) {
      const n = supportersInClass[k] as number;
      moneyLo += n * (classLo[k] as number);
      moneyHi += n * (classHi[k] as number);
      payers += n;
    }
    if (moneyHi * (1 + sumError) < cost) return null;
    if (moneyLo * (1 - sumError) < cost) return undefined;
    // A guess at rho: start from an equal split and let whoever has less than that pay all they have,
    // until the guess settles (it only rises, so it settles within a few passes). Checked below, never trusted.
    let guess = cost / payers;
    for (let pass = 0; pass < 64; pass++) {
      let paid = 0;
      let payingFull = payers;
      for (const k of touched) {
        const balance = classLo[k] as number;
        if (balance < guess) {
          const n = supportersInClass[k] as number;
          paid += n * balance;
          payingFull -= n;
        }
      }
      const next = payingFull > 0 ? (cost - paid) / payingFull : Number.NaN;
      if (!(next > guess)) break;
      guess = next;
    }
    if (!(guess > 0 && Number.isFinite(guess))) return undefined;
    const rhoLo = guess * (1 - 2 ** -36);
    const rhoHi = guess * (1 + 2 ** -36);
    // rho is the least r with sum(min(balance, r)) >= cost, and that sum only grows with r and with
    // the balances. So rho > rhoLo when even the highest balances, capped at rhoLo, fall short...
    let atLo = 0;
    for (const k of touched) atLo += (supportersInClass[k] as number) * Math.min(classHi[k] as number, rhoLo);
    if (!(atLo * (1 + sumError) < cost)) return undefined;
    // ...and rho <= rhoHi when even the lowest balances, capped at rhoHi, cover it.
    let atHi = 0;
    for (const k of touched) atHi += (supportersInClass[k] as number) * Math.min(classLo[k] as number, rhoHi);
    if (!(atHi * (1 - sumError) >= cost)) return undefined;
    // Score = unit / rho; one rounding in the division, and room to spare.
    const unit = scoreUnit(c);
    return { lo: (unit / rhoHi) * (1 - 4 * ULP), hi: (unit / rhoLo) * (1 + 4 * ULP), rho: { lo: rhoLo, hi: rhoHi } };
  }

  /**
   * The exact score, or null when the project's supporters together cannot afford it any more.
   * `rho`: proven bounds on its maximum payment from screen, when it gave some.
   */
  function evaluate(c: number, rho?: RhoBounds): Fraction | null {
    const touched = gather(c);
    let payers = 0;
    for (const k of touched) payers += supportersInClass[k] as number;
    const cost = (p.costsBig[c] ?? 0n) * scale;
    let paid = 0n;
    // Who pays all they have: exactly the classes with less than rho (whoever has less than an equal
    // share of what is still needed pays all of it, which only raises the equal share of the rest).
    // With proven bounds on rho, the classes whose float bounds lie wholly on one side are settled
    // without sorting; if any class straddles the bounds, we sort after all.
    let settled = rho !== undefined;
    if (rho) {
      for (const k of touched) {
        if ((classHi[k] as number) < rho.lo) continue;
        if ((classLo[k] as number) >= rho.hi) continue;
        settled = false;
        break;
      }
    }
    if (settled && rho) {
      for (const k of touched) {
        if ((classHi[k] as number) < rho.lo) {
          const size = supportersInClass[k] as number;
          paid += balanceOf(k) * BigInt(size);
          payers -= size;
        }
      }
    } else {
      // Poorest first. When the supporters' money falls short of the cost, every class pays all it
      // has and no payer is left (what is still needed always exceeds what the richer classes
      // hold), so this loop is also the affordability test.
      touched.sort(compareBalances);
      for (const k of touched) {
        const balance = balanceOf(k);
        const need = cost - paid;
        if (need > balance * BigInt(payers)) {
          const size = supportersInClass[k] as number;
          paid += balance * BigInt(size);
          payers -= size;
        } else {
          break;
        }
      }
    }
    if (payers === 0) return null;
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

  // A proving run is only read for its winners and scores (the caller reruns the share it keeps).
  const withPayments = follow === null;
  function charge(w: number, score: Fraction, tiedWith: number[]): void {
    const need = lastNeed[w] ?? 0n;
    const payers = lastPayers[w] ?? 1n;
    const divisor = gcd(need, payers);
    const factor = payers / divisor;
    if (factor !== 1n) {
      scale *= factor;
      scaleAt.push(scale);
      factorTo = [];
    }
    const rho = need / divisor;
    const [rhoLo, rhoHi] = ratioBounds(rho, scale);
    // Per class: where its paying members go (a new class, or -1 when they paid all they had), and how many.
    chargeRound += 1;
    const payingClasses: number[] = [];
    for (const voter of p.approvers[w] ?? []) {
      const k = voterClass[voter] as number;
      if (k < 0) continue;
      let target: number;
      if (chargedIn[k] === chargeRound) {
        target = movedTo[k] as number;
        payingIn[k] = (payingIn[k] as number) + 1;
      } else {
        chargedIn[k] = chargeRound;
        payingIn[k] = 1;
        payingClasses.push(k);
        target = -1;
        // Whether the class keeps something (balance > rho): the float bounds settle it unless they overlap rho.
        const keeps = (classLo[k] as number) > rhoHi ? true : (classHi[k] as number) < rhoLo ? false : balanceOf(k) > rho;
        if (keeps) {
          target = classBalance.length;
          classBalance.push(undefined);
          classScale.push(scaleAt.length - 1);
          classParent.push(k);
          classPaid.push(rho);
          // Interval subtraction: one rounding of at most 1 ulp each way, widened by 16.
          const lo = (classLo[k] as number) - rhoHi;
          const hi = (classHi[k] as number) - rhoLo;
          classLo.push(Math.max(0, lo - Math.abs(lo) * 2 ** -48));
          classHi.push(hi + Math.abs(hi) * 2 ** -48);
          classSize.push(0);
          seenInEvaluation.push(0);
          supportersInClass.push(0);
          chargedIn.push(0);
          movedTo.push(0);
          payingIn.push(0);
        }
        movedTo[k] = target;
      }
      classSize[k] = (classSize[k] as number) - 1;
      if (target >= 0) classSize[target] = (classSize[target] as number) + 1;
      voterClass[voter] = target;
    }
    winners.push(w);
    spent += p.costs[w] ?? 0;
    if (!withPayments) {
      purchases.push({ project: w, score, rho: { num: rho, den: scale }, payments: [], tiedWith });
      return;
    }
    let fullPayers = 0;
    const allTheyHad = new Map<bigint, number>();
    for (const k of payingClasses) {
      const voters = payingIn[k] as number;
      if ((classLo[k] as number) > rhoHi) {
        fullPayers += voters;
        continue;
      }
      const balance = balanceOf(k);
      if (balance >= rho) fullPayers += voters;
      else allTheyHad.set(balance, (allTheyHad.get(balance) ?? 0) + voters);
    }
    const payments: RunPurchase["payments"] = [];
    if (fullPayers > 0) payments.push({ voters: fullPayers, each: { num: rho, den: scale }, paidAllTheyHad: false });
    for (const [balance, voters] of [...allTheyHad].sort((a, b) => (a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : 0))) {
      payments.push({ voters, each: { num: balance, den: scale }, paidAllTheyHad: true });
    }
    purchases.push({ project: w, score, rho: { num: rho, den: scale }, payments, tiedWith });
  }

  const byBound = (a: number, b: number): number => (bound[b] as number) - (bound[a] as number) || a - b;

  for (let round = 0; follow; round++) {
    remaining.sort(byBound);
    const winner = follow.winners[round];
    // The winner's score at the lower share: every other project must stay at or below it here.
    const floor = follow.purchases[round]?.score;
    const [floorLo, floorHi] = floor ? ratioBounds(floor.num, floor.den) : [0, 0];
    const stillAffordable: number[] = [];
    for (let i = 0; i < remaining.length; i++) {
      const c = remaining[i] as number;
      if (c === winner) {
        stillAffordable.push(c);
        continue;
      }
      if (floor && (bound[c] as number) < floorLo) {
        // Sorted by bound, and a bound is never below the score: none of the rest can reach the floor.
        for (let j = i; j < remaining.length; j++) stillAffordable.push(remaining[j] as number);
        break;
      }
      const screened = screen(c);
      if (screened === null) continue;
      if (screened) {
        stillAffordable.push(c);
        bound[c] = screened.hi;
        // Still affordable after the last winner, or certainly better than the winner at the lower share.
        if (!floor || screened.lo > floorHi) return null;
        if (screened.hi < floorLo) continue;
      }
      const score = evaluate(c, screened?.rho);
      if (!score) continue;
      if (!screened) {
        stillAffordable.push(c);
        bound[c] = ratioBounds(score.num, score.den)[1];
      }
      if (!floor) return null;
      const order = compareFractions(score, floor);
      if (order > 0 || (order === 0 && !isBetterTieBreak(winner as number, c))) return null;
    }
    remaining = stillAffordable;
    if (winner === undefined) return { winners, spent, purchases };
    const score = evaluate(winner, screen(winner)?.rho);
    // More money than at the lower share, where the winner was affordable: it cannot be out of reach.
    if (!score) throw new Error("equal shares: a winner is unaffordable at a higher share");
    charge(winner, score, []);
    remaining = remaining.filter((c) => c !== winner);
  }

  for (;;) {
    remaining.sort(byBound);
    // Screen in order of bound until no project left can beat the best lower bound seen.
    let bestLo = Number.NEGATIVE_INFINITY;
    const screened: { c: number; lo: number; hi: number; exact: Fraction | null; rho: RhoBounds | undefined }[] = [];
    const stillAffordable: number[] = [];
    for (let i = 0; i < remaining.length; i++) {
      const c = remaining[i] as number;
      if ((bound[c] as number) < bestLo) {
        for (let j = i; j < remaining.length; j++) stillAffordable.push(remaining[j] as number);
        break;
      }
      const bounds = screen(c);
      if (bounds === null) continue;
      let exact: Fraction | null = null;
      let lo: number;
      let hi: number;
      if (bounds) {
        ({ lo, hi } = bounds);
      } else {
        exact = evaluate(c);
        if (!exact) continue;
        [lo, hi] = ratioBounds(exact.num, exact.den);
      }
      stillAffordable.push(c);
      bound[c] = hi;
      screened.push({ c, lo, hi, exact, rho: bounds?.rho });
      if (lo > bestLo) bestLo = lo;
    }
    remaining = stillAffordable;
    if (screened.length === 0) break;
    // Only projects whose bounds reach the best lower bound can have the best score; compare those exactly.
    let best: number[] = [];
    let bestScore: Fraction | null = null;
    const exactScores = new Map<number, Fraction>();
    for (const { c, hi, exact, rho } of screened) {
      if (hi < bestLo) continue;
      const score = exact ?? evaluate(c, rho);
      if (!score) throw new Error("equal shares: a project screened as affordable is not");
      exactScores.set(c, score);
      const order = bestScore ? compareFractions(score, bestScore) : 1;
      if (order > 0) {
        best = [c];
        bestScore = score;
      } else if (order === 0) {
        best.push(c);
      }
    }
    if (!bestScore) throw new Error("equal shares: no project reaches the best lower bound");
    let winner = best[0] as number;
    for (const c of best) if (isBetterTieBreak(c, winner)) winner = c;
    // Every contender was evaluated exactly in this round, so charge finds the winner's exact rho.
    charge(
      winner,
      exactScores.get(winner) ?? bestScore,
      // In the order the tie-break ranks them, which does not depend on how the run got there.
      best.filter((c) => c !== winner).sort((a, b) => (isBetterTieBreak(a, b) ? -1 : isBetterTieBreak(b, a) ? 1 : 0)),
    );
    remaining = remaining.filter((c) => c !== winner);
  }
  return { winners, spent, purchases };
}
