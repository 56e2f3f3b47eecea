// Why add1 can skip ahead without changing its answer.
//
// add1 reruns the method with every voter's share one euro higher, again and
// again; Assen 2024 needs 843 raises, a small wijk with one expensive idea
// backed by few residents can need tens of thousands, and most raises change
// nothing. Within one run, as long as the same decisions are taken, every
// voter's balance is an affine function of the starting share b (it starts at
// b, and each payment rho is (cost - what poorer supporters pay) / number of
// richer supporters, affine again). Every decision compares two such
// functions, and an affine comparison can flip at most once. So we replay the
// run with balances as (alpha * b + beta) and collect, for every comparison,
// the last whole b at which it still goes the same way. Up to the smallest of
// those, every run picks the same winners in the same order, and so spends the
// same: add1 would accept each of those raises and learn nothing new.
//
// Comparisons that are exactly equal at b are only trusted when the two
// functions are identical (a tie that holds for every b, which the tie-break
// settles the same way every time); otherwise we give up skipping here.

import { gcd } from "./exact-euros";
import type { Prepared, Run } from "./equal-shares-run";

/**
 * The largest whole share h >= share such that runs at every whole share in
 * [share, h] pick exactly `run.winners`, in that order. `run` must be the run
 * at `share`. null: no larger share changes the outcome.
 */
export function sameWinnersUpTo(p: Prepared, share: bigint, run: Run): bigint | null {
  const b0 = share;
  let limit: bigint | null = null;
  let exactlyOnEdge = false;

  // G(b) = alpha * b + beta must stay > 0 (or be identically 0).
  function keep(alpha: bigint, beta: bigint): void {
    const value = alpha * b0 + beta;
    if (value > 0n) {
      if (alpha < 0n) {
        // beta > -alpha * b0 >= 0 here, so this is a floor division of non-negative numbers.
        const last = (beta - 1n) / -alpha;
        if (limit === null || last < limit) limit = last;
      }
    } else if (value === 0n) {
      if (alpha !== 0n) exactlyOnEdge = true;
    } else {
      throw new Error("equal shares: the parametric replay disagrees with the run it replays");
    }
  }

  let scale = 1n;
  const slope: bigint[] = [1n];
  const offset: bigint[] = [0n];
  const classSize: number[] = [p.voters];
  const voterClass = new Int32Array(p.voters);
  const seenInEvaluation: number[] = [];
  const supportersInClass: number[] = [];
  let evaluation = 0;

  let remaining: number[] = [];
  for (let c = 0; c < p.ids.length; c++) {
    if ((p.costs[c] ?? 0) > 0 && (p.voteCounts[c] ?? 0) > 0) remaining.push(c);
  }

  interface Evaluated {
    readonly classes: readonly number[];
    readonly counts: readonly bigint[];
    readonly moneySlope: bigint;
    readonly moneyOffset: bigint;
    readonly rhoSlope: bigint;
    readonly rhoOffset: bigint;
    readonly payers: bigint;
    readonly poor: readonly number[];
    readonly rich: readonly number[];
  }

  // The decisions that shape the run: this project stays affordable and the
  // same supporters keep paying all they have (poor) or the full share (rich).
  function keepShape(c: number, e: Evaluated): void {
    const cost = (p.costsBig[c] ?? 0n) * scale;
    keep(e.moneySlope, e.moneyOffset - cost);
    for (const k of e.poor) keep(e.rhoSlope - e.payers * (slope[k] ?? 0n), e.rhoOffset - e.payers * (offset[k] ?? 0n));
    for (const k of e.rich) keep(e.payers * (slope[k] ?? 0n) - e.rhoSlope, e.payers * (offset[k] ?? 0n) - e.rhoOffset);
  }

  /**
   * How far project c keeps losing to the winner. c beats w exactly when c's
   * supporters, each paying at most t = rho_w * u_c / u_w, could already cover
   * c's cost. Their money F(b) = sum of min(balance, t) is piecewise affine in
   * b (a class switches between "pays its balance" and "pays t" where the two
   * lines cross), so we walk the pieces until F reaches the cost or we pass the
   * limit found so far. How c itself would be split may change on the way; that
   * does not matter as long as it keeps losing.
   */
  function keepLosing(c: number, e: Evaluated, w: number, won: Evaluated): void {
    const uw = p.utility === "cost" ? (p.costsBig[w] ?? 0n) : 1n;
    const uc = p.utility === "cost" ? (p.costsBig[c] ?? 0n) : 1n;
    // Everything in units of 1 / (scale * payers_w * u_w) euro.
    const toUnits = won.payers * uw;
    const capSlope = won.rhoSlope * uc;
    const capOffset = won.rhoOffset * uc;
    const need = (p.costsBig[c] ?? 0n) * scale * toUnits;
    interface Crossing {
      readonly num: bigint;
      readonly den: bigint;
      readonly n: bigint;
      readonly slope: bigint;
      readonly offset: bigint;
    }
    // G(b) = need - sum over classes paying their balance - (classes paying the cap) * cap.
    let gSlope = 0n;
    let gOffset = need;
    const crossings: Crossing[] = [];
    e.classes.forEach((k, i) => {
      const n = e.counts[i] ?? 0n;
      const s = (slope[k] ?? 0n) * toUnits;
      const o = (offset[k] ?? 0n) * toUnits;
      const dSlope = s - capSlope;
      const dOffset = o - capOffset;
      const atStart = dSlope * b0 + dOffset;
      const paysBalance = atStart < 0n || (atStart === 0n && dSlope < 0n);
      if (paysBalance) {
        gSlope -= n * s;
        gOffset -= n * o;
        if (dSlope > 0n) crossings.push({ num: -dOffset, den: dSlope, n, slope: s, offset: o });
      } else {
        gSlope -= n * capSlope;
        gOffset -= n * capOffset;
        if (dSlope < 0n) crossings.push({ num: dOffset, den: -dSlope, n, slope: s, offset: o });
      }
    });
    if (gSlope * b0 + gOffset <= 0n) throw new Error("equal shares: the replay finds a loser that beats the winner");
    crossings.sort((x, y) => {
      const l = x.num * y.den;
      const r = y.num * x.den;
      return l === r ? 0 : l < r ? -1 : 1;
    });
    let next = 0;
    for (;;) {
      const crossing = crossings[next];
      if (gSlope < 0n) {
        // Root of this piece: b = gOffset / -gSlope; the last whole b before it still loses.
        const rootNum = gOffset;
        const rootDen = -gSlope;
        if (!crossing || rootNum * crossing.den <= crossing.num * rootDen) {
          const last = (rootNum - 1n) / rootDen;
          if (limit === null || last < limit) limit = last;
          return;
        }
      }
      if (!crossing) return; // no root ahead: c loses for every larger share
      if (limit !== null && crossing.num > limit * crossing.den) return; // beyond what we can use anyway
      // Past this crossing the class pays the cap instead of its balance, or the other way round.
      const wasBalance = crossing.slope - capSlope > 0n;
      const sign = wasBalance ? 1n : -1n;
      gSlope += sign * crossing.n * (crossing.slope - capSlope);
      gOffset += sign * crossing.n * (crossing.offset - capOffset);
      next += 1;
    }
  }

  for (let round = 0; round <= run.winners.length; round++) {
    const winner = run.winners[round];
    const balanceAt = (k: number): bigint => (slope[k] ?? 0n) * b0 + (offset[k] ?? 0n);
    const evaluated = new Map<number, Evaluated>();

    for (const c of remaining) {
      evaluation += 1;
      const touched: number[] = [];
      for (const voter of p.approvers[c] ?? []) {
        const k = voterClass[voter] ?? -1;
        if (k < 0) continue;
        if (seenInEvaluation[k] !== evaluation) {
          seenInEvaluation[k] = evaluation;
          supportersInClass[k] = 0;
          touched.push(k);
        }
        supportersInClass[k] = (supportersInClass[k] ?? 0) + 1;
      }
      const cost = (p.costsBig[c] ?? 0n) * scale;
      let moneySlope = 0n;
      let moneyOffset = 0n;
      let payers = 0n;
      for (const k of touched) {
        const n = BigInt(supportersInClass[k] ?? 0);
        moneySlope += n * (slope[k] ?? 0n);
        moneyOffset += n * (offset[k] ?? 0n);
        payers += n;
      }
      if (moneySlope * b0 + moneyOffset < cost) {
        // Dropped in this round; it must stay unaffordable, or later rounds would have to consider it.
        keep(-moneySlope, cost - moneyOffset);
        continue;
      }

      const balances = new Map<number, bigint>(touched.map((k) => [k, balanceAt(k)]));
      touched.sort((a, b) => {
        const x = balances.get(a) ?? 0n;
        const y = balances.get(b) ?? 0n;
        return x === y ? 0 : x < y ? -1 : 1;
      });
      const counts = touched.map((k) => BigInt(supportersInClass[k] ?? 0));
      let paidSlope = 0n;
      let paidOffset = 0n;
      let paidNow = 0n;
      let poorCount = 0;
      for (const [i, k] of touched.entries()) {
        const balance = balances.get(k) ?? 0n;
        if (cost - paidNow > balance * payers) {
          const n = counts[i] ?? 0n;
          paidSlope += n * (slope[k] ?? 0n);
          paidOffset += n * (offset[k] ?? 0n);
          paidNow += n * balance;
          payers -= n;
          poorCount += 1;
        } else {
          break;
        }
      }
      // rho = (rhoSlope * b + rhoOffset) / (payers * scale) euros.
      evaluated.set(c, {
        classes: touched,
        counts,
        moneySlope,
        moneyOffset,
        rhoSlope: -paidSlope,
        rhoOffset: cost - paidOffset,
        payers,
        poor: touched.slice(0, poorCount),
        rich: touched.slice(poorCount),
      });
    }
    if (exactlyOnEdge) return b0;

    if (winner === undefined) {
      if (evaluated.size > 0) throw new Error("equal shares: the replay finds an affordable project the run did not take");
      break;
    }
    const won = evaluated.get(winner);
    if (!won) throw new Error("equal shares: the replay finds the winner unaffordable");
    keepShape(winner, won);
    if (exactlyOnEdge) return b0;

    const winnerWeight = p.utility === "cost" ? (p.costsBig[winner] ?? 0n) : 1n;
    for (const [c, other] of evaluated) {
      if (c === winner) continue;
      const otherWeight = p.utility === "cost" ? (p.costsBig[c] ?? 0n) : 1n;
      // Scores compare as rho_c / u_c against rho_w / u_w.
      const left = won.payers * winnerWeight;
      const right = other.payers * otherWeight;
      const differenceSlope = other.rhoSlope * left - won.rhoSlope * right;
      const differenceOffset = other.rhoOffset * left - won.rhoOffset * right;
      if (differenceSlope * b0 + differenceOffset === 0n) {
        // A tie the tie-break settled: only safe while it stays the very same tie.
        keepShape(c, other);
        keep(differenceSlope, differenceOffset);
      } else {
        keepLosing(c, other, winner, won);
      }
      if (exactlyOnEdge) return b0;
    }

    // Charge the winner's supporters, exactly as the run does, with affine balances.
    const divisor = gcd(gcd(won.rhoSlope, won.rhoOffset), won.payers) || 1n;
    const factor = won.payers / divisor;
    if (factor !== 1n) {
      scale *= factor;
      for (let k = 0; k < slope.length; k++) {
        if ((classSize[k] ?? 0) > 0) {
          slope[k] = (slope[k] ?? 0n) * factor;
          offset[k] = (offset[k] ?? 0n) * factor;
        }
      }
    }
    const rhoSlope = won.rhoSlope / divisor;
    const rhoOffset = won.rhoOffset / divisor;
    const rho = rhoSlope * b0 + rhoOffset;
    const movedTo = new Map<number, number>();
    for (const voter of p.approvers[winner] ?? []) {
      const k = voterClass[voter] ?? -1;
      if (k < 0) continue;
      classSize[k] = (classSize[k] ?? 0) - 1;
      if (balanceAt(k) > rho) {
        let target = movedTo.get(k);
        if (target === undefined) {
          target = slope.length;
          slope.push((slope[k] ?? 0n) - rhoSlope);
          offset.push((offset[k] ?? 0n) - rhoOffset);
          classSize.push(0);
          movedTo.set(k, target);
        }
        classSize[target] = (classSize[target] ?? 0) + 1;
        voterClass[voter] = target;
      } else {
        voterClass[voter] = -1;
      }
    }
    remaining = [...evaluated.keys()].filter((c) => c !== winner);
  }
  return limit;
}
