import { describe, expect, it } from "vitest";
import { formatNumber, numberFormat, plural } from "./numbers";

describe("numbers in the reader's language", () => {
  it("groups thousands the way each language writes them", () => {
    expect(formatNumber(12500, "nl")).toBe("12.500");
    expect(formatNumber(12500, "en")).toBe("12,500");
    expect(formatNumber(3.84, "nl", { maximumFractionDigits: 1 })).toBe("3,8");
  });

  it("makes a formatter once per language and options", () => {
    expect(numberFormat("nl", { style: "percent" })).toBe(numberFormat("nl", { style: "percent" }));
    expect(numberFormat("nl")).not.toBe(numberFormat("en"));
  });

  it("picks the key for one or for more by the language's plural rule", () => {
    const keys = { one: "one", other: "other" } as const;
    expect([0, 1, 2, 1.5].map((n) => plural("nl", n, keys))).toEqual(["other", "one", "other", "other"]);
    expect(plural("en", 1, keys)).toBe("one");
  });
});
