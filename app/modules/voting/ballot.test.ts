import { describe, expect, it } from "vitest";
import {
  ballotFromStored,
  ballotProblemMessage,
  ballotRules,
  checkBallot,
  emptyBallot,
  moveSticker,
  normaliseBallot,
  placeSticker,
  removeSticker,
  stickerCounts,
  stickersLeft,
  storedStickers,
  tickIkDoeMee,
  type Ballot,
  type BallotRules,
  type StickerChange,
} from "./ballot";

const ideas = [11, 12, 13, 14, 15];
const three: BallotRules = { stickersPerVoter: 3, allowStacking: false };
const stacking: BallotRules = { stickersPerVoter: 3, allowStacking: true };
const ballotOf = (...ideaIds: number[]): Ballot => ({ stickers: ideaIds.map((ideaId) => ({ ideaId })), ikDoeMee: [] });

function ok(change: StickerChange): Ballot {
  if (!change.ok) throw new Error(`expected ok, got ${change.problem.code}`);
  return change.ballot;
}

describe("ballotRules", () => {
  it("takes N and stacking from the contest, with 3 and no stacking by default", () => {
    expect(ballotRules({ votesPerResident: 5, allowStacking: true })).toEqual({ stickersPerVoter: 5, allowStacking: true });
    expect(ballotRules({})).toEqual({ stickersPerVoter: 3, allowStacking: false });
  });

  it("refuses rules no contest can have", () => {
    expect(() => ballotRules({ votesPerResident: 0 })).toThrow(RangeError);
    expect(() => stickersLeft(emptyBallot, { stickersPerVoter: 2.5, allowStacking: false })).toThrow(RangeError);
  });
});

describe("placing stickers", () => {
  it("places up to N stickers on different ideas and counts down what is left", () => {
    let ballot = emptyBallot;
    expect(stickersLeft(ballot, three)).toBe(3);
    ballot = ok(placeSticker(ballot, 12, three, ideas));
    ballot = ok(placeSticker(ballot, 11, three, ideas));
    expect(stickersLeft(ballot, three)).toBe(1);
    ballot = ok(placeSticker(ballot, 15, three, ideas));
    expect(stickersLeft(ballot, three)).toBe(0);
    expect(ballot.stickers).toEqual([{ ideaId: 11 }, { ideaId: 12 }, { ideaId: 15 }]);
  });

  it("refuses a fourth sticker", () => {
    expect(placeSticker(ballotOf(11, 12, 13), 14, three, ideas)).toEqual({
      ok: false,
      problem: { code: "too-many-stickers", placed: 4, allowed: 3 },
    });
  });

  it("refuses a second sticker on one idea unless the contest allows stacking", () => {
    expect(placeSticker(ballotOf(11), 11, three, ideas)).toEqual({ ok: false, problem: { code: "stacking-not-allowed", ideaId: 11 } });
    const stacked = ok(placeSticker(ok(placeSticker(ballotOf(11), 11, stacking, ideas)), 11, stacking, ideas));
    expect(stickerCounts(stacked)).toEqual(new Map([[11, 3]]));
    expect(placeSticker(stacked, 11, stacking, ideas)).toMatchObject({ ok: false, problem: { code: "too-many-stickers" } });
  });

  it("refuses an idea that is not on the ballot", () => {
    expect(placeSticker(emptyBallot, 99, three, ideas)).toEqual({ ok: false, problem: { code: "unknown-idea", ideaId: 99 } });
  });

  it("never changes the ballot it was given", () => {
    const before = ballotOf(12);
    const frozen = JSON.stringify(before);
    ok(placeSticker(before, 11, three, ideas));
    removeSticker(before, 12);
    ok(moveSticker(before, 12, 13, three, ideas));
    expect(JSON.stringify(before)).toBe(frozen);
  });
});

describe("removing and moving stickers", () => {
  it("removes one sticker, and does nothing when the idea has none", () => {
    expect(removeSticker(ballotOf(11, 12), 11)).toEqual(ballotOf(12));
    expect(removeSticker(ballotOf(11, 11, 12), 11)).toEqual(ballotOf(11, 12));
    expect(removeSticker(ballotOf(12), 13)).toEqual(ballotOf(12));
  });

  it("moves a sticker even when all stickers are placed", () => {
    expect(ok(moveSticker(ballotOf(11, 12, 13), 13, 15, three, ideas))).toEqual(ballotOf(11, 12, 15));
  });

  it("refuses a move onto an idea that already has a sticker, unless stacking", () => {
    expect(moveSticker(ballotOf(11, 12), 11, 12, three, ideas)).toEqual({ ok: false, problem: { code: "stacking-not-allowed", ideaId: 12 } });
    expect(ok(moveSticker(ballotOf(11, 12), 11, 12, stacking, ideas))).toEqual(ballotOf(12, 12));
  });

  it("refuses a move from an idea without a sticker or to an unknown idea", () => {
    expect(moveSticker(ballotOf(11), 12, 13, three, ideas)).toEqual({ ok: false, problem: { code: "no-sticker-on-idea", ideaId: 12 } });
    expect(moveSticker(ballotOf(11), 11, 99, three, ideas)).toEqual({ ok: false, problem: { code: "unknown-idea", ideaId: 99 } });
  });

  it("treats a move onto the same idea as no move", () => {
    expect(ok(moveSticker(ballotOf(11), 11, 11, three, ideas))).toEqual(ballotOf(11));
  });

  it("drops the ik-doe-mee tick when its idea loses its last sticker, and keeps it while one is left", () => {
    const ticked: Ballot = { stickers: [{ ideaId: 11 }, { ideaId: 11 }, { ideaId: 12 }], ikDoeMee: [11] };
    expect(removeSticker(ticked, 11).ikDoeMee).toEqual([11]);
    expect(removeSticker(removeSticker(ticked, 11), 11).ikDoeMee).toEqual([]);
    expect(ok(moveSticker({ ...ballotOf(11, 12), ikDoeMee: [11] }, 11, 13, three, ideas)).ikDoeMee).toEqual([]);
  });
});

describe("ik doe mee", () => {
  it("can be ticked beside a sticker and unticked", () => {
    const ticked = ok(tickIkDoeMee(ballotOf(11, 12), 12, true));
    expect(ticked.ikDoeMee).toEqual([12]);
    expect(ok(tickIkDoeMee(ticked, 12, true)).ikDoeMee).toEqual([12]);
    expect(ok(tickIkDoeMee(ticked, 12, false)).ikDoeMee).toEqual([]);
  });

  it("needs a sticker on the same idea", () => {
    expect(tickIkDoeMee(ballotOf(11), 12, true)).toEqual({ ok: false, problem: { code: "ik-doe-mee-without-sticker", ideaId: 12 } });
  });
});

describe("checkBallot", () => {
  it("accepts fewer than N stickers and returns the ballot sorted", () => {
    expect(checkBallot({ stickers: [{ ideaId: 13 }, { ideaId: 11 }], ikDoeMee: [13, 13] }, three, ideas)).toEqual({
      ok: true,
      ballot: { stickers: [{ ideaId: 11 }, { ideaId: 13 }], ikDoeMee: [13] },
    });
  });

  it("accepts exactly N, and N stacked when stacking is allowed", () => {
    expect(checkBallot(ballotOf(11, 12, 13), three, ideas).ok).toBe(true);
    expect(checkBallot(ballotOf(11, 11, 11), stacking, ideas).ok).toBe(true);
  });

  it("refuses a ballot without stickers: that is no vote", () => {
    expect(checkBallot(emptyBallot, three, ideas)).toEqual({ ok: false, problems: [{ code: "empty" }] });
  });

  it("names every problem at once", () => {
    const result = checkBallot({ stickers: [{ ideaId: 11 }, { ideaId: 11 }, { ideaId: 99 }, { ideaId: 12 }], ikDoeMee: [13, 98] }, three, ideas);
    expect(result).toEqual({
      ok: false,
      problems: [
        { code: "stacking-not-allowed", ideaId: 11 },
        { code: "unknown-idea", ideaId: 99 },
        { code: "too-many-stickers", placed: 4, allowed: 3 },
        { code: "ik-doe-mee-without-sticker", ideaId: 13 },
        { code: "unknown-idea", ideaId: 98 },
      ],
    });
  });

  it("reports an unknown idea once, also when it is ticked too", () => {
    expect(checkBallot({ stickers: [{ ideaId: 99 }], ikDoeMee: [99] }, three, ideas)).toEqual({
      ok: false,
      problems: [{ code: "unknown-idea", ideaId: 99 }],
    });
  });

  it("accepts a ballot without an ikDoeMee list", () => {
    expect(checkBallot({ stickers: [{ ideaId: 12 }] }, three, ideas)).toEqual({ ok: true, ballot: ballotOf(12) });
  });
});

describe("normaliseBallot and messages", () => {
  it("hides the order in which stickers were placed", () => {
    expect(normaliseBallot(ballotOf(15, 11, 13))).toEqual(normaliseBallot(ballotOf(13, 15, 11)));
  });

  it("gives an i18n key per problem", () => {
    expect(ballotProblemMessage({ code: "too-many-stickers", placed: 4, allowed: 3 })).toBe("voting.tooManyStickers");
    expect(ballotProblemMessage("empty")).toBe("voting.empty");
    expect(ballotProblemMessage("ik-doe-mee-without-sticker")).toBe("voting.ikDoeMeeWithoutSticker");
  });
});

describe("stored stickers", () => {
  it("stores the stickers sorted as a JSON list, without the ik-doe-mee ticks", () => {
    expect(storedStickers({ stickers: [{ ideaId: 13 }, { ideaId: 11 }, { ideaId: 13 }], ikDoeMee: [11] })).toBe("[11,13,13]");
  });

  it("reads a stored list back, and refuses a damaged one", () => {
    expect(ballotFromStored("[13,11]")).toEqual(ballotOf(11, 13));
    for (const damaged of ['["11"]', "[0]", "[1.5]", "{}", "11"]) expect(() => ballotFromStored(damaged)).toThrow(RangeError);
    expect(() => ballotFromStored("not json")).toThrow(SyntaxError);
  });
});
