import { afterEach, describe, expect, it, vi } from "vitest";
import { createRenderGate } from "./render-gate.server";

// Issue 19: pages are rendered a few at a time, in the order they were asked, so that 50 renders at
// once do not hold 50 pages' data in memory. A request that holds its place too long gives it up.

const settle = () => new Promise((resolve) => setImmediate(resolve));

afterEach(() => vi.useRealTimers());

describe("the render gate", () => {
  it("lets `limit` in at once and the rest in the order they came, one as each place is given back", async () => {
    const gate = createRenderGate(2, 60_000);
    const entered: number[] = [];
    const leaves: (() => void)[] = [];
    for (let i = 1; i <= 5; i++)
      void gate.enter().then((leave) => {
        entered.push(i);
        leaves[i] = leave;
      });
    await settle();
    expect(entered).toEqual([1, 2]);
    expect(gate.stats()).toEqual({ running: 2, waiting: 3 });
    leaves[2]!();
    await settle();
    expect(entered).toEqual([1, 2, 3]);
    // Giving a place back twice frees only one.
    leaves[2]!();
    await settle();
    expect(entered).toEqual([1, 2, 3]);
    leaves[1]!();
    leaves[3]!();
    await settle();
    expect(entered).toEqual([1, 2, 3, 4, 5]);
    leaves[4]!();
    leaves[5]!();
    expect(gate.stats()).toEqual({ running: 0, waiting: 0 });
  });

  it("takes the place back from a request that holds it longer than maxHoldMs, so those behind it go on", async () => {
    vi.useFakeTimers();
    const gate = createRenderGate(1, 2_000);
    const slow = await gate.enter();
    let next = false;
    void gate.enter().then(() => (next = true));
    await vi.advanceTimersByTimeAsync(1_999);
    expect(next).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(next).toBe(true);
    // The slow request's own give-back, later, changes nothing.
    slow();
    expect(gate.stats()).toEqual({ running: 1, waiting: 0 });
  });

  it("refuses a limit that would let nobody in", () => {
    expect(() => createRenderGate(0, 1_000)).toThrow();
  });
});
