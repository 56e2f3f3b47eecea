import { describe, expect, it } from "vitest";
import { parseAreaPostcodes, type Area } from "~/modules/contests/postcode";
import {
  canVoteByAccount,
  howEligibilityIsChecked,
  ineligibilityMessage,
  needsAgeDeclaration,
  parseAgeDeclaration,
  votingMethodsOpen,
  type EligibilityContest,
} from "./eligibility";

function area(text: string): Area {
  const parsed = parseAreaPostcodes(text);
  if (!parsed.ok) throw new Error(text);
  return parsed.area;
}

const keizerslanden: EligibilityContest = { areas: [area("7416-7417"), area("7421 AA-7421 BZ")], minVoterAge: null, eligibleByAccount: true };
const from16: EligibilityContest = { ...keizerslanden, minVoterAge: 16 };

describe("canVoteByAccount", () => {
  it("lets in a resident whose postcode lies in any of the contest's areas", () => {
    expect(canVoteByAccount({ postcode: "7416 AB", contest: keizerslanden })).toEqual({ ok: true });
    expect(canVoteByAccount({ postcode: "7421ab", contest: keizerslanden })).toEqual({ ok: true });
  });

  it("says why not: outside the area, or no usable postcode", () => {
    expect(canVoteByAccount({ postcode: "7411 AB", contest: keizerslanden })).toEqual({ ok: false, reason: "postcode-outside-area" });
    expect(canVoteByAccount({ postcode: "7421 CA", contest: keizerslanden })).toEqual({ ok: false, reason: "postcode-outside-area" });
    for (const postcode of [null, undefined, "", "  ", "7416", "0416 AB"]) {
      expect(canVoteByAccount({ postcode, contest: keizerslanden })).toEqual({ ok: false, reason: "postcode-missing" });
    }
  });

  it("asks for the age declaration only when the contest has a minimum age", () => {
    expect(canVoteByAccount({ postcode: "7416 AB", contest: from16 })).toEqual({ ok: false, reason: "age-unknown" });
    expect(canVoteByAccount({ postcode: "7416 AB", ageDeclaration: true, contest: from16 })).toEqual({ ok: true });
    expect(canVoteByAccount({ postcode: "7416 AB", ageDeclaration: false, contest: from16 })).toEqual({ ok: false, reason: "too-young" });
    expect(canVoteByAccount({ postcode: "7416 AB", ageDeclaration: false, contest: { ...keizerslanden, minVoterAge: 0 } })).toEqual({ ok: true });
  });

  it("checks the postcode before asking the age, and the method before anything", () => {
    expect(canVoteByAccount({ postcode: "7411 AB", contest: from16 })).toEqual({ ok: false, reason: "postcode-outside-area" });
    expect(canVoteByAccount({ postcode: "7416 AB", ageDeclaration: true, contest: { ...from16, eligibleByAccount: false } })).toEqual({
      ok: false,
      reason: "account-voting-closed",
    });
  });

  it("gives an i18n key per reason", () => {
    expect(ineligibilityMessage("postcode-outside-area")).toBe("voting.postcodeOutsideArea");
    expect(ineligibilityMessage("too-young")).toBe("voting.tooYoung");
  });
});

describe("age declaration", () => {
  it("knows when to ask", () => {
    expect(needsAgeDeclaration({ minVoterAge: 16 })).toBe(true);
    expect(needsAgeDeclaration({ minVoterAge: 0 })).toBe(false);
    expect(needsAgeDeclaration({ minVoterAge: null })).toBe(false);
    expect(needsAgeDeclaration({})).toBe(false);
  });

  it("reads a tick box and a ja/nee choice", () => {
    expect(parseAgeDeclaration("on")).toBe(true);
    expect(parseAgeDeclaration("Ja")).toBe(true);
    expect(parseAgeDeclaration("nee")).toBe(false);
    expect(parseAgeDeclaration(undefined)).toBeUndefined();
    expect(parseAgeDeclaration("misschien")).toBeUndefined();
  });
});

describe("votingMethodsOpen", () => {
  it("lists the ways in, in a fixed order", () => {
    expect(votingMethodsOpen({ eligibleByAccount: true, eligibleByCode: true, eligibleByPoster: true })).toEqual(["account", "code", "poster"]);
    expect(votingMethodsOpen({ eligibleByAccount: false, eligibleByCode: true, eligibleByPoster: false })).toEqual(["code"]);
    expect(votingMethodsOpen({ eligibleByAccount: false, eligibleByCode: false, eligibleByPoster: false })).toEqual([]);
  });
});

describe("a round that checks the municipality's address list (issue 15)", () => {
  const listed: EligibilityContest = { ...keizerslanden, accountCheck: "address-list" };

  it("asks for an address instead of looking at the account's postcode", () => {
    expect(canVoteByAccount({ postcode: "9401 AB", hasAddress: false, contest: listed })).toEqual({ ok: false, reason: "address-missing" });
    expect(canVoteByAccount({ postcode: "9401 AB", hasAddress: true, contest: listed })).toEqual({ ok: true });
  });
});

describe("howEligibilityIsChecked", () => {
  const ways = { eligibleByAccount: true, eligibleByCode: false, eligibleByPoster: false, accountCheck: "postcode" as const, minVoterAge: null };

  it("names the lowest threshold as such, and every way in, then the age and the one-vote rule", () => {
    expect(howEligibilityIsChecked(ways).map((l) => l.key)).toEqual(["checkPostcode", "checkOnce"]);
    expect(howEligibilityIsChecked({ ...ways, eligibleByCode: true, eligibleByPoster: true, accountCheck: "address-list", minVoterAge: 16 })).toEqual([
      { key: "checkAddressList" },
      { key: "checkCodeAddress" },
      { key: "checkPoster" },
      { key: "checkAge", age: 16 },
      { key: "checkOnce" },
    ]);
  });

  it("says nothing for a round nobody can vote in", () => {
    expect(howEligibilityIsChecked({ ...ways, eligibleByAccount: false })).toEqual([]);
  });
});
