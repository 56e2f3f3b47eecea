import { describe, expect, it } from "vitest";
import { CLOSING_NOTICE_BEFORE_MS, dueNotices, RESULTS_NOTICE_WITHIN_MS } from "./due-notices";

const DAY = 24 * 60 * 60_000;
const start = Date.UTC(2027, 2, 1, 9);
const end = start + 14 * DAY;
const voting = { phase: "stemmen" as const, inGap: false, since: start, until: end };

describe("notices the scheduler sends", () => {
  it("says voting has started while voting runs, not before or in the gap after", () => {
    expect(dueNotices({ phase: voting, revealedAt: null, now: start })).toEqual(["voting-open"]);
    expect(dueNotices({ phase: { phase: "uitwerken", inGap: false, since: start - DAY, until: start }, revealedAt: null, now: start - 1 })).toEqual([]);
    expect(dueNotices({ phase: { ...voting, inGap: true }, revealedAt: null, now: end + 1 })).toEqual([]);
  });

  it("reminds in the last 2 days of voting, and not earlier", () => {
    expect(dueNotices({ phase: voting, revealedAt: null, now: end - CLOSING_NOTICE_BEFORE_MS - 1 })).toEqual(["voting-open"]);
    expect(dueNotices({ phase: voting, revealedAt: null, now: end - CLOSING_NOTICE_BEFORE_MS })).toEqual(["voting-open", "voting-closing"]);
    expect(dueNotices({ phase: voting, revealedAt: null, now: end - 1 })).toEqual(["voting-open", "voting-closing"]);
  });

  it("sends no reminder when voting lasts under 4 days: it would come right after the first mail", () => {
    const short = { ...voting, until: start + 4 * DAY - 1 };
    expect(dueNotices({ phase: short, revealedAt: null, now: short.until - 1 })).toEqual(["voting-open"]);
    const justLongEnough = { ...voting, until: start + 4 * DAY };
    expect(dueNotices({ phase: justLongEnough, revealedAt: null, now: justLongEnough.until - 1 })).toContain("voting-closing");
  });

  it("announces the results in the week after the reveal only", () => {
    const after = { phase: "prijsuitreiking" as const, inGap: false, since: end, until: end + DAY };
    expect(dueNotices({ phase: after, revealedAt: end + 60_000, now: end + 60_000 })).toEqual(["results"]);
    expect(dueNotices({ phase: after, revealedAt: end + 60_000, now: end + 60_000 + RESULTS_NOTICE_WITHIN_MS - 1 })).toEqual(["results"]);
    expect(dueNotices({ phase: after, revealedAt: end + 60_000, now: end + 60_000 + RESULTS_NOTICE_WITHIN_MS })).toEqual([]);
    expect(dueNotices({ phase: after, revealedAt: null, now: end + 60_000 })).toEqual([]);
  });
});
