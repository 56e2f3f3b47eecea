import { describe, expect, it } from "vitest";
import { matchStatusSchema, needSchema, offerSchema } from "./schemas";

describe("beursvloer forms", () => {
  it("reads an offer, with nothing asked in return as null", () => {
    const r = offerSchema.safeParse({
      intent: "offer",
      offererKind: "ondernemer",
      name: " Bouwmarkt ",
      kind: "gereedschap",
      description: "Een boormachine",
      inReturn: "",
      contact: "06-12345678",
    });
    expect(r.success && r.data).toMatchObject({ name: "Bouwmarkt", inReturn: null });
  });
  it("refuses an offer as a supporter: those come from the directory, through an organiser", () => {
    expect(offerSchema.safeParse({ intent: "offer", offererKind: "ondersteuner", name: "x", kind: "hulp", description: "x", contact: "x@x.nl" }).success).toBe(
      false,
    );
  });
  it("limits the sizes", () => {
    expect(needSchema.safeParse({ intent: "need", ideaId: "3", kind: "ruimte", description: "x".repeat(301) }).success).toBe(false);
    expect(needSchema.safeParse({ intent: "need", ideaId: "3", kind: "ruimte", description: "Een zaal voor 40 mensen" }).success).toBe(true);
  });
  it("knows only the match statuses", () => {
    expect(matchStatusSchema.safeParse({ intent: "match-status", matchId: "1", status: "geleverd" }).success).toBe(true);
    expect(matchStatusSchema.safeParse({ intent: "match-status", matchId: "1", status: "klaar" }).success).toBe(false);
  });
});
