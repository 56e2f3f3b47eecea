import { describe, expect, it } from "vitest";
import { accountPolicy, blockedFor, countAttempt, forgiveAttempt, recordFailure, type ThrottleState } from "./throttle";

const minute = 60_000;

describe("login throttle", () => {
  it("blocks an account after five failures within the window, for the block time", () => {
    let state: ThrottleState | undefined;
    const t0 = 1_000_000;
    for (let i = 0; i < 4; i++) state = recordFailure(state, t0 + i * minute, accountPolicy);
    expect(blockedFor(state, t0 + 4 * minute)).toBe(0);
    state = recordFailure(state, t0 + 4 * minute, accountPolicy);
    expect(blockedFor(state, t0 + 4 * minute)).toBe(15 * minute);
    expect(blockedFor(state, t0 + 19 * minute - 1)).toBe(1);
    expect(blockedFor(state, t0 + 19 * minute)).toBe(0);
  });

  it("starts counting again once the window has passed", () => {
    let state = recordFailure(undefined, 0, accountPolicy);
    for (let i = 1; i < 4; i++) state = recordFailure(state, i, accountPolicy);
    state = recordFailure(state, 15 * minute, accountPolicy);
    expect(state.failures).toBe(1);
    expect(state.blockedUntil).toBeNull();
  });

  it("nothing recorded means not blocked", () => {
    expect(blockedFor(undefined, 5)).toBe(0);
  });

  it("counts an attempt before it is checked: the fifth goes ahead, the sixth waits, and waiting does not lengthen the block", () => {
    let state: ThrottleState | undefined;
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      const { next, waitMs } = countAttempt(state, 1000 + i, accountPolicy);
      state = next;
      waits.push(waitMs);
    }
    expect(waits.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(waits[5]).toBe(15 * minute - 1);
    expect(state!.failures).toBe(7);
    expect(state!.blockedUntil).toBe(1004 + 15 * minute);
  });

  it("takes back an attempt that turned out fine, lifting a block it caused", () => {
    const atLimit = { failures: 5, windowStartedAt: 0, blockedUntil: 15 * minute };
    expect(forgiveAttempt(atLimit, accountPolicy)).toEqual({ failures: 4, windowStartedAt: 0, blockedUntil: null });
    expect(forgiveAttempt({ failures: 0, windowStartedAt: 0, blockedUntil: null }, accountPolicy).failures).toBe(0);
  });
});
