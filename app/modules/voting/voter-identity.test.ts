import { describe, expect, it } from "vitest";
import { addressKey, MAX_ADDRESSES, normalizeAddress, parseAddressList, voterEmailKey } from "./voter-identity";

const pepper = "p".repeat(32);

describe("normalizeAddress", () => {
  it("spells one address one way", () => {
    expect(normalizeAddress({ postcode: "7411ab", houseNumber: " 12 ", addition: " a " })).toBe("7411AB|12|A");
    expect(normalizeAddress({ postcode: "7411 AB", houseNumber: "12", addition: "A" })).toBe("7411AB|12|A");
    expect(normalizeAddress({ postcode: "7411 AB", houseNumber: "3", addition: "2-hoog" })).toBe(
      normalizeAddress({ postcode: "7411AB", houseNumber: "3", addition: "2 HOOG" }),
    );
    expect(normalizeAddress({ postcode: "7411 AB", houseNumber: "12" })).toBe("7411AB|12|");
  });

  it("is no address without a postcode, with a house number that is no number, or with a long addition", () => {
    expect(normalizeAddress({ postcode: "0411 AB", houseNumber: "12" })).toBeNull();
    expect(normalizeAddress({ postcode: "7411 AB", houseNumber: "0" })).toBeNull();
    expect(normalizeAddress({ postcode: "7411 AB", houseNumber: "12a" })).toBeNull();
    expect(normalizeAddress({ postcode: "7411 AB", houseNumber: "123456" })).toBeNull();
    expect(normalizeAddress({ postcode: "7411 AB", houseNumber: "12", addition: "achterhuis" })).toBeNull();
  });
});

describe("keys", () => {
  it("are equal for equal inputs, differ per purpose, and hide the input", () => {
    expect(voterEmailKey(pepper, " Anna@X.nl ")).toBe(voterEmailKey(pepper, "anna@x.nl"));
    expect(voterEmailKey(pepper, "anna@x.nl")).toMatch(/^[0-9a-f]{64}$/);
    expect(addressKey(pepper, "7411AB|12|")).not.toBe(voterEmailKey(pepper, "7411AB|12|"));
    expect(addressKey(pepper, "7411AB|12|")).not.toBe(addressKey("q".repeat(32), "7411AB|12|"));
  });
});

describe("parseAddressList", () => {
  it("reads a municipality's CSV with a header, ; or , and an empty addition", () => {
    const result = parseAddressList("\uFEFFpostcode;huisnummer;toevoeging;kiesgerechtigden\r\n7411 AB;12;;2\r\n7411AB;12;A;1\r\n\r\n");
    expect(result).toEqual({
      ok: true,
      addresses: [
        { address: "7411AB|12|", voters: 2 },
        { address: "7411AB|12|A", voters: 1 },
      ],
      totalVoters: 3,
    });
    expect(parseAddressList('"7411 AB","14","","3"')).toMatchObject({ ok: true, totalVoters: 3 });
  });

  it("takes nothing when a line is wrong, and says which lines", () => {
    const result = parseAddressList("7411 AB;12;;2\n7411 AB;12;;1\nXXXX;1;;1\n7411 AB;13;;0\n7411 AB;15\n");
    expect(result).toEqual({
      ok: false,
      problems: [
        { line: 2, problem: "duplicate" },
        { line: 3, problem: "address" },
        { line: 4, problem: "voters" },
        { line: 5, problem: "columns" },
      ],
    });
    expect(parseAddressList("\n\n")).toEqual({ ok: false, problems: [{ line: 1, problem: "empty" }] });
  });

  it("refuses a list longer than any municipality's", () => {
    const lines = Array.from({ length: MAX_ADDRESSES + 1 }, (_, i) => `7411 AB;${(i % 99999) + 1};${String.fromCharCode(65 + Math.floor(i / 99999))};1`);
    expect(parseAddressList(lines.join("\n"))).toEqual({ ok: false, problems: [{ line: MAX_ADDRESSES + 1, problem: "too-many" }] });
    // It stops reading there: what follows is not looked at.
    expect(parseAddressList([...lines, "niet;te;lezen"].join("\n"))).toEqual({ ok: false, problems: [{ line: MAX_ADDRESSES + 1, problem: "too-many" }] });
  });
});
