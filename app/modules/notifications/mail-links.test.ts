import { describe, expect, it } from "vitest";
import { NOTIFICATION_KINDS } from "./kinds";
import { addressKeyOf, readUnsubscribeToken, unsubscribeToken } from "./mail-links";

const key = "k".repeat(40);

describe("unsubscribe links", () => {
  it("reads back the address key and kind it was made for, for every kind", () => {
    for (const kind of NOTIFICATION_KINDS) {
      const token = unsubscribeToken(key, "anna@example.nl", kind);
      expect(readUnsubscribeToken(key, token)).toEqual({ addressKey: addressKeyOf(key, "anna@example.nl"), kind });
    }
  });

  it("treats an address the same whatever its case or spaces", () => {
    expect(addressKeyOf(key, " Anna@Example.NL ")).toBe(addressKeyOf(key, "anna@example.nl"));
    expect(addressKeyOf(key, "anna@example.nl")).toHaveLength(43);
    expect(addressKeyOf(key, "bram@example.nl")).not.toBe(addressKeyOf(key, "anna@example.nl"));
  });

  it("does not show the address in the link", () => {
    expect(unsubscribeToken(key, "anna@example.nl", "voting")).not.toContain("anna");
  });

  it("refuses a link whose kind was changed", () => {
    const token = unsubscribeToken(key, "anna@example.nl", "voting");
    expect(readUnsubscribeToken(key, token.replace(".voting.", ".results."))).toBeNull();
  });

  it("refuses a link moved to another address", () => {
    const token = unsubscribeToken(key, "anna@example.nl", "voting");
    const other = addressKeyOf(key, "bram@example.nl");
    expect(readUnsubscribeToken(key, `${other}${token.slice(43)}`)).toBeNull();
  });

  it("refuses a link signed with another key", () => {
    expect(readUnsubscribeToken(key, unsubscribeToken("x".repeat(40), "anna@example.nl", "jury"))).toBeNull();
  });

  it("refuses an unknown kind and anything not shaped like a link", () => {
    const token = unsubscribeToken(key, "anna@example.nl", "jury");
    for (const bad of ["", "abc", token + "x", token.replace(".jury.", ".spam."), `${token.slice(0, -1)}!`, token.replace(".jury.", ".JURY.")]) {
      expect(readUnsubscribeToken(key, bad)).toBeNull();
    }
  });
});
