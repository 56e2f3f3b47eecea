import { describe, expect, it } from "vitest";
import { emptyBallot } from "./ballot";
import { keptBallotFrom, keptBallotKey, keptBallotText } from "./ballot-in-progress";

const rules = { stickersPerVoter: 3, allowStacking: false };
const ideaIds = [11, 12, 13, 14];
const ballot = (...ids: number[]) => ({ stickers: ids.map((ideaId) => ({ ideaId })), ikDoeMee: [] as number[] });

describe("a ballot in progress", () => {
  it("comes back when it differs from what the page brings", () => {
    expect(keptBallotFrom(keptBallotText(ballot(13, 11)), emptyBallot, rules, ideaIds)).toEqual({ stickers: [{ ideaId: 11 }, { ideaId: 13 }], ikDoeMee: [] });
    // A move that was not confirmed comes back over the stored ballot.
    expect(keptBallotFrom(keptBallotText(ballot(12)), ballot(11), rules, ideaIds)).toEqual({ stickers: [{ ideaId: 12 }], ikDoeMee: [] });
  });

  it("does not come back when it is what is stored already", () => {
    expect(keptBallotFrom(keptBallotText(ballot(11, 13)), ballot(13, 11), rules, ideaIds)).toBeNull();
  });

  it("is ignored when it no longer fits the round or is no ballot at all", () => {
    expect(keptBallotFrom(keptBallotText(ballot(11, 99)), emptyBallot, rules, ideaIds)).toBeNull();
    expect(keptBallotFrom(keptBallotText(ballot(11, 12, 13, 14)), emptyBallot, rules, ideaIds)).toBeNull();
    expect(keptBallotFrom(keptBallotText(ballot(11, 11)), emptyBallot, rules, ideaIds)).toBeNull();
    for (const raw of [null, "", "{", "[]", '{"stickers":[{"ideaId":"11"}]}', '{"stickers":[{"ideaId":11}],"ikDoeMee":["x"]}', "x".repeat(20_000)]) {
      expect(keptBallotFrom(raw, emptyBallot, rules, ideaIds)).toBeNull();
    }
  });

  it("is kept per round and way of voting", () => {
    expect(keptBallotKey("groen-2026", "code")).not.toBe(keptBallotKey("groen-2026", "account"));
  });
});
