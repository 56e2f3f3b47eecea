import { describe, expect, it } from "vitest";
import { isContact, joinSchema, markSchema } from "./schemas";

describe("joinSchema", () => {
  it("accepts a sign-up with tags and consent", () => {
    const parsed = joinSchema.parse({ intent: "join", name: " Anna ", contact: "06 1234 5678", tags: ["geld", "contacten"], skills: "", sharesContact: "on" });
    expect(parsed).toEqual({
      intent: "join",
      name: "Anna",
      contact: "06 1234 5678",
      tags: ["geld", "contacten"],
      skills: null,
      timeAvailable: null,
      sharesContact: true,
    });
  });
  it("takes one tag as a list and no consent as false", () => {
    expect(joinSchema.parse({ intent: "join", name: "A", contact: "a@b.nl", tags: "geld" })).toMatchObject({ tags: ["geld"], sharesContact: false });
  });
  it("refuses a missing name, a contact that is neither email nor phone, and unknown tags", () => {
    expect(joinSchema.safeParse({ intent: "join", name: "", contact: "a@b.nl" }).success).toBe(false);
    expect(joinSchema.safeParse({ intent: "join", name: "A", contact: "morgen" }).success).toBe(false);
    expect(joinSchema.safeParse({ intent: "join", name: "A", contact: "a@b.nl", tags: ["hacken"] }).success).toBe(false);
  });
});

describe("isContact", () => {
  it("knows email addresses and phone numbers", () => {
    expect(isContact("anna@example.nl")).toBe(true);
    expect(isContact("+31 6 12345678")).toBe(true);
    expect(isContact("(0570) 12 34 56")).toBe(true);
    expect(isContact("12")).toBe(false);
  });
});

describe("markSchema", () => {
  it("maps 'geen' to no mark", () => {
    expect(markSchema.parse({ ideaId: "3", state: "geen" })).toEqual({ ideaId: 3, state: null });
    expect(markSchema.parse({ ideaId: "3", state: "afgerond" })).toEqual({ ideaId: 3, state: "afgerond" });
    expect(markSchema.safeParse({ ideaId: "3", state: "weg" }).success).toBe(false);
  });
});
