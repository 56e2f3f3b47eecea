import { describe, expect, it } from "vitest";
import { CODE_ALPHABET, normalizeCode } from "./code-format";
import { MIN_PEPPER_BYTES } from "~/lib/keyed-hash";
import { generateVotingCodes, hashCode, randomGroupedCode, VOTING_CODE_ENTROPY_BITS } from "./voting-codes";

const pepper = "p".repeat(MIN_PEPPER_BYTES);

describe("generateVotingCodes", () => {
  it("reads back every generated code unchanged", () => {
    for (const code of generateVotingCodes(200)) expect(normalizeCode(code.toLowerCase().replace("-", " "))).toBe(code);
  });

  it("makes distinct codes in the printed format", () => {
    const codes = generateVotingCodes(2000);
    expect(codes).toHaveLength(2000);
    expect(new Set(codes).size).toBe(2000);
    for (const code of codes) expect(code).toMatch(/^[0-9ACDEFGHJKMNPQRTUVWXY]{4}-[0-9ACDEFGHJKMNPQRTUVWXY]{4}$/);
  });

  it("draws again on a collision within the batch", () => {
    // A source that repeats its first code once, then counts up.
    const draws = [...Array(8).fill(0), ...Array(8).fill(0), ...Array(7).fill(0), 1];
    const random = (max: number) => (draws.length > 0 ? draws.shift()! : Math.floor(max / 2));
    const codes = generateVotingCodes(2, { random });
    expect(codes).toEqual(["0000-0000", "0000-0001"]);
  });

  it("skips codes that are taken already", () => {
    const taken = new Set(generateVotingCodes(5));
    const draws = [...taken].join("").replace(/-/g, "");
    let i = 0;
    const random = () => (i < draws.length ? CODE_ALPHABET.indexOf(draws[i++]!) : 3);
    expect(generateVotingCodes(1, { random, isTaken: (code) => taken.has(code) })).toEqual(["3333-3333"]);
  });

  it("fails instead of hanging on a broken random source", () => {
    expect(() => generateVotingCodes(2, { random: () => 0 })).toThrow(/random source/);
  });

  it("refuses a batch size that is no whole number or absurdly large", () => {
    for (const count of [0, -1, 1.5, 1_000_000]) expect(() => generateVotingCodes(count)).toThrow(RangeError);
  });

  it("uses every character of the alphabet", () => {
    const seen = new Set(generateVotingCodes(300).join("").replace(/-/g, ""));
    expect(seen.size).toBe(30);
  });

  it("groups any length", () => {
    expect(randomGroupedCode([2, 3], () => 10)).toBe("AA-AAA");
  });
});

describe("VOTING_CODE_ENTROPY_BITS", () => {
  it("is 8 × log2(30)", () => {
    expect(VOTING_CODE_ENTROPY_BITS).toBeCloseTo(39.255, 3);
  });
});

describe("hashCode", () => {
  it("is a hex HMAC that is the same for every way of typing the code", () => {
    const hash = hashCode("K7QM-3XPA", pepper);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashCode("k7qm 3xpa", pepper)).toBe(hash);
  });

  it("depends on the pepper, so the database alone cannot be searched", () => {
    expect(hashCode("K7QM-3XPA", "q".repeat(MIN_PEPPER_BYTES))).not.toBe(hashCode("K7QM-3XPA", pepper));
  });

  it("refuses a short pepper and a text that is not a code", () => {
    expect(() => hashCode("K7QM-3XPA", "short")).toThrow(/pepper/);
    expect(() => hashCode("K7QM", pepper)).toThrow(/not a voting code/);
  });
});
