import { describe, expect, it } from "vitest";
import { answerOverview } from "./answers";

describe("answerOverview", () => {
  const monday = Date.parse("2026-12-07T09:00:00Z");
  const ideas = [
    { id: 1, title: "Answered", submittedAt: Date.parse("2026-11-30T09:00:00Z"), withdrawn: false },
    { id: 2, title: "Long overdue", submittedAt: Date.parse("2026-11-23T09:00:00Z"), withdrawn: false },
    { id: 3, title: "Just overdue", submittedAt: Date.parse("2026-11-30T09:00:00Z"), withdrawn: false },
    { id: 4, title: "New", submittedAt: Date.parse("2026-12-04T09:00:00Z"), withdrawn: false },
    { id: 5, title: "Withdrawn", submittedAt: Date.parse("2026-11-23T09:00:00Z"), withdrawn: true },
    { id: 6, title: "Never handed in", submittedAt: null, withdrawn: false },
  ];
  it("lists the waiting ideas overdue first, longest overdue on top, and leaves out answered and withdrawn ones", () => {
    const result = answerOverview({ ideas, workingDays: 3, answeredAt: new Map([[1, Date.parse("2026-12-01T10:00:00Z")]]), now: monday });
    expect(result.waiting.map((r) => [r.id, r.clock.state])).toEqual([
      [2, "overdue"],
      [3, "overdue"],
      [4, "waiting"],
    ]);
    expect(result.overdue).toBe(2);
    expect(result.rows.map((r) => r.id)).toEqual([1, 2, 3, 4]);
  });
  it("has nothing waiting without a promise", () => {
    const result = answerOverview({ ideas, workingDays: null, answeredAt: new Map(), now: monday });
    expect(result.waiting).toEqual([]);
    expect(result.overdue).toBe(0);
  });
});
