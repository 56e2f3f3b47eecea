import { describe, expect, it } from "vitest";
import type { Ballot, BallotRules } from "~/modules/voting/ballot";
import { rankByScore } from "./ranking";
import { combineVotes } from "./vote-totals";

const ideas = [11, 12, 13];
const three: BallotRules = { stickersPerVoter: 3, allowStacking: false };
const ballotOf = (...ideaIds: number[]): Ballot => ({ stickers: ideaIds.map((ideaId) => ({ ideaId })) });

describe("combineVotes", () => {
  it("adds online, code and poster stickers per idea and counts turnout per way of voting", () => {
    const result = combineVotes({
      ideaIds: ideas,
      rules: three,
      onlineBallots: [ballotOf(11, 12), ballotOf(11)],
      codeBallots: [ballotOf(11, 12, 13)],
      poster: {
        counts: [
          { ideaId: 11, count: 4 },
          { ideaId: 12, count: 0 },
          { ideaId: 13, count: 5 },
        ],
        attendance: 4,
      },
    });
    expect(result.ideas).toEqual([
      { ideaId: 11, digital: 3, poster: 4, total: 7 },
      { ideaId: 12, digital: 2, poster: 0, total: 2 },
      { ideaId: 13, digital: 1, poster: 5, total: 6 },
    ]);
    expect(result.turnout).toEqual({ online: 2, code: 1, poster: 4, total: 7 });
    expect(result.scores).toEqual(
      new Map([
        ["11", 7],
        ["12", 2],
        ["13", 6],
      ]),
    );
    expect(result.warnings).toEqual([]);
  });

  it("works without a poster vote and lists ideas nobody chose", () => {
    const result = combineVotes({ ideaIds: ideas, rules: three, onlineBallots: [ballotOf(12)], codeBallots: [], poster: null });
    expect(result.ideas.map((i) => i.total)).toEqual([0, 1, 0]);
    expect(result.turnout).toEqual({ online: 1, code: 0, poster: 0, total: 1 });
  });

  it("counts stacked stickers", () => {
    const result = combineVotes({
      ideaIds: ideas,
      rules: { stickersPerVoter: 3, allowStacking: true },
      onlineBallots: [ballotOf(13, 13, 13)],
      codeBallots: [],
      poster: null,
    });
    expect(result.scores.get("13")).toBe(3);
  });

  it("gives scores the results module can rank", () => {
    const result = combineVotes({ ideaIds: ideas, rules: three, onlineBallots: [ballotOf(13), ballotOf(13, 11)], codeBallots: [], poster: null });
    const ranked = rankByScore(
      ideas.map((id) => ({ id: String(id), cost: 1000 })),
      result.scores,
    );
    expect(ranked.map((p) => p.id)).toEqual(["13", "11", "12"]);
  });

  it("warns when the posters carry more stickers than the registered residents had", () => {
    const result = combineVotes({
      ideaIds: ideas,
      rules: three,
      onlineBallots: [],
      codeBallots: [],
      poster: {
        counts: [
          { ideaId: 11, count: 5 },
          { ideaId: 12, count: 2 },
          { ideaId: 13, count: 0 },
        ],
        attendance: 2,
      },
    });
    expect(result.warnings).toEqual([{ code: "poster-stickers-exceed-attendance", stickers: 7, attendance: 2, max: 6 }]);
  });

  it("stops on a stored ballot that breaks the rules", () => {
    const input = { ideaIds: ideas, rules: three, codeBallots: [], poster: null };
    expect(() => combineVotes({ ...input, onlineBallots: [ballotOf(11), ballotOf(11, 11)] })).toThrow(/online ballot 2 .*stacking-not-allowed/);
    expect(() => combineVotes({ ...input, onlineBallots: [ballotOf(99)] })).toThrow(/unknown-idea/);
    expect(() => combineVotes({ ...input, onlineBallots: [ballotOf()] })).toThrow(/empty/);
    expect(() => combineVotes({ ...input, onlineBallots: [], codeBallots: [ballotOf(11, 12, 13, 11)] })).toThrow(/code ballot 1/);
  });

  it("stops on poster counts that are not the reconciled set", () => {
    const input = { ideaIds: ideas, rules: three, onlineBallots: [], codeBallots: [] };
    expect(() => combineVotes({ ...input, poster: { counts: [{ ideaId: 11, count: 1 }], attendance: 1 } })).toThrow(/no poster count for idea 12, 13/);
    expect(() => combineVotes({ ...input, poster: { counts: [11, 12, 13, 99].map((ideaId) => ({ ideaId, count: 0 })), attendance: 1 } })).toThrow(/idea 99/);
    expect(() => combineVotes({ ...input, poster: { counts: ideas.map((ideaId) => ({ ideaId, count: 0 })), attendance: -1 } })).toThrow(RangeError);
  });
});
