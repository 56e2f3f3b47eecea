import { describe, expect, it } from "vitest";
import { formatArea, isInAnyArea, isInArea, parseAreaPostcodes, unionAreas, type Area } from "./postcode";
import { normalizePostcode } from "~/lib/postcode";

function area(text: string): Area {
  const result = parseAreaPostcodes(text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.area;
}

describe("normalizePostcode", () => {
  it.each([
    ["7411 AB", "7411 AB"],
    ["7411ab", "7411 AB"],
    ["  7411   aB ", "7411 AB"],
    ["7411\u00a0AB", "7411 AB"],
    ["1000 AA", "1000 AA"],
    ["9999 ZZ", "9999 ZZ"],
  ])("%j -> %s", (input, expected) => {
    expect(normalizePostcode(input)).toBe(expected);
  });

  it.each(["", "7411", "0411 AB", "741 AB", "74111 AB", "7411 A", "7411 ABC", "7411-AB", "7411 SA", "7411 sd", "7411SS", "74A1 AB", "AB 7411"])(
    "refuses %j",
    (input) => {
      expect(normalizePostcode(input)).toBeNull();
    },
  );

  it("accepts letter pairs that merely start with S", () => {
    expect(normalizePostcode("7411 SB")).toBe("7411 SB");
  });
});

describe("parseAreaPostcodes", () => {
  it("reads every kind of entry", () => {
    expect(parseAreaPostcodes("7411\n7412-7418\n7421 AB\n7422 AA-7422 BZ")).toEqual({
      ok: true,
      area: {
        entries: [
          { kind: "number", number: 7411 },
          { kind: "number-range", from: 7412, to: 7418 },
          { kind: "postcode", number: 7421, letters: "AB" },
          { kind: "letter-range", number: 7422, from: "AA", to: "BZ" },
        ],
      },
    });
  });

  it("accepts commas, semicolons, spaces, tabs and Windows line ends between entries", () => {
    const text = "7411, 7412;7413\t7414 7415\r\n7416";
    expect(formatArea(area(text), ", ")).toBe("7411, 7412, 7413, 7414, 7415, 7416");
  });

  it("is tolerant of spacing and case inside entries", () => {
    const expected = "7411 AA-7411 BZ";
    for (const text of ["7411AA-BZ", "7411 aa - bz", "7411 AA-7411 BZ", "7411aa-7411bz", "7411 AA – 7411 BZ", "7411AA -7411 BZ"]) {
      expect(formatArea(area(text)), text).toBe(expected);
    }
    expect(formatArea(area("7411 - 7418"))).toBe("7411-7418");
    expect(formatArea(area("7411ab 7412 cd"), ", ")).toBe("7411 AB, 7412 CD");
  });

  it("sorts the entries and drops exact duplicates", () => {
    expect(formatArea(area("7421 AB, 7411-7418, 7421, 7411-7418, 7421ab, 1234"))).toBe("1234\n7411-7418\n7421\n7421 AB");
  });

  it("simplifies ranges of one", () => {
    expect(formatArea(area("7411-7411, 7412 AB-AB"), ", ")).toBe("7411, 7412 AB");
  });

  it("round-trips through formatArea", () => {
    const first = area("7411 ab; 7400-7410, 7422AA-BZ\n9999");
    expect(area(formatArea(first))).toEqual(first);
  });

  it("says what is wrong, with the line and the entry as typed", () => {
    const result = parseAreaPostcodes("7411\n74A1, 7412\n0741");
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 2, item: "74A1", problem: "digits" },
        { line: 3, item: "0741", problem: "leadingZero" },
      ],
    });
  });

  // The texts for these problems, in Dutch and English, are tested in area-form.test.ts.
  it.each([
    ["741", "digits"],
    ["74111", "digits"],
    ["7411 A", "letters"],
    ["7411 abc", "letters"],
    ["7411 ss", "unusedLetters"],
    ["AB", "digits"],
    ["7411.", "digits"],
    ["7418-7411", "numbersBackwards"],
    ["7411 BZ-AA", "lettersBackwards"],
    ["7411 AA-7412 BZ", "twoNumberGroups"],
    ["7411-", "badRange"],
    ["7411-7418 AB", "badRange"],
    ["7411 AB-7418", "badRange"],
    ["7411 SA-SZ", "unusedLetters"],
  ])("refuses %j (%s)", (text, problem) => {
    expect(parseAreaPostcodes(text)).toEqual({ ok: false, errors: [{ line: 1, item: text, problem }] });
  });

  it("reports every wrong entry at once", () => {
    const result = parseAreaPostcodes("12, 7411, 34\n\n56");
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map((e) => [e.line, e.item])).toEqual([
        [1, "12"],
        [1, "34"],
        [3, "56"],
      ]);
  });

  it("asks for at least one postcode", () => {
    for (const text of ["", "  \n , ; "]) {
      expect(parseAreaPostcodes(text)).toEqual({ ok: false, errors: [{ line: 1, item: "", problem: "empty" }] });
    }
  });
});

describe("isInArea", () => {
  const deventerNoord = area("7411, 7413-7415, 7416 AB, 7417 AA-7417 BZ");

  it.each([
    ["7411 AA", true],
    ["7411zz", true],
    ["7413 AA", true],
    ["7415 ZZ", true],
    ["7412 AA", false],
    ["7416 AB", true],
    ["7416 AC", false],
    ["7417 AA", true],
    ["7417 BK", true],
    ["7417 BZ", true],
    ["7417 CA", false],
    ["7418 AA", false],
  ])("%s -> %s", (postcode, expected) => {
    expect(isInArea(postcode, deventerNoord)).toBe(expected);
  });

  it("never places an invalid or incomplete postcode in an area", () => {
    expect(isInArea("7411", deventerNoord)).toBe(false);
    expect(isInArea("7411 SA", deventerNoord)).toBe(false);
    expect(isInArea("", deventerNoord)).toBe(false);
  });

  it("combines the areas of several wijken", () => {
    const wijken = [area("7411"), area("7421 AA-7421 KZ")];
    expect(isInAnyArea("7411 AB", wijken)).toBe(true);
    expect(isInAnyArea("7421 KZ", wijken)).toBe(true);
    expect(isInAnyArea("7421 LA", wijken)).toBe(false);
    expect(isInAnyArea("7411 AB", [])).toBe(false);
    const union = unionAreas(wijken);
    expect(formatArea(union, ", ")).toBe("7411, 7421 AA-7421 KZ");
    expect(isInArea("7421 KZ", union)).toBe(true);
  });
});
