import { describe, expect, it } from "vitest";
import { BURST_WINDOW_MS, countInvalid, flaggedVoters, signalsOf, type ReviewedVoter } from "./ballot-review";

const start = 1_000_000_000;
const voter = (over: Partial<ReviewedVoter>): ReviewedVoter => ({
  registerId: 1,
  name: "Anna",
  email: "anna@voorbeeld.nl",
  accountCreatedAt: start - 1,
  signupIpKey: null,
  addressKey: null,
  ...over,
});
const context = { votingStartsAt: start, accountsByIp: new Map<string, number[]>(), fullAddresses: new Set<string>() };

describe("signals before the reveal", () => {
  it("raise nothing for an account made before voting, alone, at an address with room, at a real mail service", () => {
    expect(signalsOf(voter({}), context)).toEqual([]);
  });

  it("see accounts made during voting, throw-away mail and addresses at their cap", () => {
    expect(signalsOf(voter({ accountCreatedAt: start, email: "x@YopMail.com", addressKey: "k" }), { ...context, fullAddresses: new Set(["k"]) })).toEqual([
      "new-during-voting",
      "address-at-cap",
      "throwaway-domain",
    ]);
  });

  it("see three accounts from one IP within an hour as a burst, not three spread over a day", () => {
    const at = start - 10 * BURST_WINDOW_MS;
    const near = { ...context, accountsByIp: new Map([["ip", [at, at + 1000, at + BURST_WINDOW_MS]]]) };
    expect(signalsOf(voter({ signupIpKey: "ip", accountCreatedAt: at }), near)).toEqual(["burst"]);
    const spread = { ...context, accountsByIp: new Map([["ip", [at, at + 2 * BURST_WINDOW_MS, at + 4 * BURST_WINDOW_MS]]]) };
    expect(signalsOf(voter({ signupIpKey: "ip", accountCreatedAt: at }), spread)).toEqual([]);
  });

  it("list only flagged voters, the most signals first", () => {
    const voters = [
      voter({ registerId: 1 }),
      voter({ registerId: 2, accountCreatedAt: start }),
      voter({ registerId: 3, accountCreatedAt: start, email: "a@mailinator.com" }),
    ];
    expect(flaggedVoters(voters, context).map((v) => v.registerId)).toEqual([3, 2]);
  });
});

describe("countInvalid", () => {
  it("counts by reason", () => {
    expect(countInvalid(["fake-account", "other", "fake-account"])).toEqual({ total: 3, byReason: { "fake-account": 2, other: 1 } });
    expect(countInvalid([])).toEqual({ total: 0, byReason: {} });
  });
});
