import { describe, expect, it } from "vitest";
import { auditChanges } from "./audit-view";

describe("auditChanges", () => {
  it("lists only the fields that changed, with before and after", () => {
    expect(auditChanges(JSON.stringify({ budgetEuros: 1000, title: "A" }), JSON.stringify({ budgetEuros: 2000, title: "A" }))).toEqual([
      { field: "budgetEuros", before: "1000", after: "2000" },
    ]);
  });

  it("shows a field that appears or disappears against a dash", () => {
    expect(auditChanges(null, JSON.stringify({ status: "gepubliceerd" }))).toEqual([{ field: "status", before: "—", after: "gepubliceerd" }]);
    expect(auditChanges(JSON.stringify({ x: [1, 2] }), null)).toEqual([{ field: "x", before: "[1,2]", after: "—" }]);
  });

  it("flattens a schedule and shows moments through the formatter", () => {
    const before = { stemmen: { start: 1_800_000_000_000, end: 1_800_100_000_000 } };
    const after = { stemmen: { start: 1_800_000_000_000, end: 1_800_200_000_000 } };
    expect(auditChanges(JSON.stringify(before), JSON.stringify(after), (ms) => `t${ms}`)).toEqual([
      { field: "stemmen.end", before: "t1800100000000", after: "t1800200000000" },
    ]);
  });

  it("nothing recorded means nothing to show", () => {
    expect(auditChanges(null, null)).toEqual([]);
  });
});
