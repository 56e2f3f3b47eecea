import { describe, expect, it } from "vitest";
import { CODE_ALPHABET, CODE_CONFUSIONS, codeEntropyBits, isWellFormedCode, normalizeCode } from "./code-format";
import { votingCodeFormSchema } from "./code-schemas";

describe("the code alphabet", () => {
  it("has 30 distinct characters without the look-alike letters", () => {
    expect(CODE_ALPHABET).toHaveLength(30);
    expect(new Set(CODE_ALPHABET).size).toBe(30);
    for (const letter of "BILOSZ") expect(CODE_ALPHABET).not.toContain(letter);
  });

  it("maps every left-out letter to a character that is in the alphabet", () => {
    for (const [letter, digit] of Object.entries(CODE_CONFUSIONS)) {
      expect(CODE_ALPHABET).not.toContain(letter);
      expect(CODE_ALPHABET).toContain(digit);
    }
  });

  it("gives at least 38 bits per code", () => {
    expect(codeEntropyBits(8)).toBeCloseTo(39.255, 3);
    expect(codeEntropyBits(8)).toBeGreaterThanOrEqual(38);
  });
});

describe("normalizeCode", () => {
  it("accepts lowercase, spaces and missing or extra dashes", () => {
    for (const typed of ["K7QM-3XPA", "k7qm-3xpa", "k7qm3xpa", " K7QM 3XPA ", "K7-QM-3X-PA", "K7QM--3XPA", "K7QM – 3XPA", "K7QM−3XPA", "k7qm.3xpa"]) {
      expect(normalizeCode(typed)).toBe("K7QM-3XPA");
    }
  });

  it("reads look-alike letters as the digit in the alphabet", () => {
    expect(normalizeCode("OILZ-SBAC")).toBe("0112-58AC");
    expect(normalizeCode("oilz sbac")).toBe("0112-58AC");
  });

  it("reads full-width characters a phone keyboard may produce", () => {
    expect(normalizeCode("Ｋ７ＱＭ－３ＸＰＡ")).toBe("K7QM-3XPA");
  });

  it("refuses the wrong length and characters that are no letter or digit", () => {
    for (const typed of ["", "K7QM-3XP", "K7QM-3XPAA", "K7QM-3XP!", "K7QM-3XPÄ"]) {
      expect(normalizeCode(typed)).toBeNull();
      expect(isWellFormedCode(typed)).toBe(false);
    }
  });
});

describe("votingCodeFormSchema", () => {
  it("gives the printed code or an i18n key", () => {
    expect(votingCodeFormSchema.parse({ code: "k7qm 3xpa" })).toEqual({ code: "K7QM-3XPA" });
    expect(votingCodeFormSchema.safeParse({ code: "K7QM" }).error?.issues[0]?.message).toBe("voting.codeMalformed");
    expect(votingCodeFormSchema.safeParse({ code: "  " }).error?.issues[0]?.message).toBe("voting.codeRequired");
    expect(votingCodeFormSchema.safeParse({}).error?.issues[0]?.message).toBe("voting.codeRequired");
  });
});
