import { describe, expect, it } from "vitest";
import { ballotHeadingNow } from "./ballot-now";

describe("ballotHeadingNow", () => {
  it("asks to choose only someone who still can", () => {
    expect(ballotHeadingNow({ state: "ballot", voted: false })).toBe("choose");
    expect(ballotHeadingNow({ state: "login", voted: false })).toBe("choose");
  });
  it("after voting the page is about their vote, not 'choose the best ideas'", () => {
    expect(ballotHeadingNow({ state: "ballot", voted: true })).toBe("yourVote");
  });
  it("someone who cannot vote here is not asked to choose", () => {
    for (const state of ["ineligible", "at-meeting", "poster-only"] as const) expect(ballotHeadingNow({ state, voted: false })).toBe("voting");
  });
});
