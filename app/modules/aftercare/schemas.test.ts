import { describe, expect, it } from "vitest";
import { trackActionSchema } from "./schemas";

describe("trackActionSchema", () => {
  it("reads each small form", () => {
    expect(trackActionSchema.parse({ intent: "status", status: "gerealiseerd" })).toEqual({ intent: "status", status: "gerealiseerd" });
    expect(trackActionSchema.parse({ intent: "milestone", title: " Opening ", dueOn: "2026-12-01" })).toEqual({
      intent: "milestone",
      title: "Opening",
      dueOn: "2026-12-01",
    });
    expect(trackActionSchema.parse({ intent: "spending", description: "Hout", amount: "€ 1.250", spentOn: "2026-11-02" })).toEqual({
      intent: "spending",
      description: "Hout",
      amount: 1250,
      spentOn: "2026-11-02",
      override: false,
    });
    expect(trackActionSchema.parse({ intent: "grant", granted: "3000" })).toEqual({ intent: "grant", granted: 3000 });
    expect(trackActionSchema.parse({ intent: "milestone-done", milestoneId: "7", done: "ja" })).toEqual({
      intent: "milestone-done",
      milestoneId: 7,
      done: true,
    });
  });
  it("refuses bad dates, amounts and empty text", () => {
    expect(trackActionSchema.safeParse({ intent: "milestone", title: "x", dueOn: "1 december" }).success).toBe(false);
    expect(trackActionSchema.safeParse({ intent: "spending", description: "Hout", amount: "0", spentOn: "2026-11-02" }).success).toBe(false);
    expect(trackActionSchema.safeParse({ intent: "spending", description: "Hout", amount: "12,50", spentOn: "2026-11-02" }).success).toBe(false);
    expect(trackActionSchema.safeParse({ intent: "update", text: "  " }).success).toBe(false);
    expect(trackActionSchema.safeParse({ intent: "status", status: "klaar" }).success).toBe(false);
  });
});
