import { describe, expect, it } from "vitest";
import { moneyCsvRows, moneyOverview } from "./money";

describe("moneyOverview (issue 21.5)", () => {
  const ideas = [
    { ideaId: 1, title: "Moestuin", grantedEuros: 3000, spending: [{ amountEuros: 1150 }, { amountEuros: 420 }] },
    { ideaId: 2, title: "Zonnepanelen", grantedEuros: null, spending: [] },
    { ideaId: 3, title: "Kookclub", grantedEuros: 1000, spending: [{ amountEuros: 1100 }] },
    { ideaId: 4, title: "Bankjes", grantedEuros: null, spending: [{ amountEuros: 50 }] },
  ];

  it("lists only ideas with money on them, with granted, spent and left", () => {
    const overview = moneyOverview(ideas);
    expect(overview.rows.map((r) => r.title)).toEqual(["Moestuin", "Kookclub", "Bankjes"]);
    expect(overview.rows[0]).toMatchObject({ grantedEuros: 3000, spentEuros: 1570, leftEuros: 1430, overspent: false });
    expect(overview.rows[1]).toMatchObject({ leftEuros: -100, overspent: true });
    expect(overview.rows[2]).toMatchObject({ grantedEuros: null, spentEuros: 50, leftEuros: null });
  });

  it("adds up the totals; spending without a grant counts as spent, an overspend lowers what is left", () => {
    expect(moneyOverview(ideas).totals).toEqual({ grantedEuros: 4000, spentEuros: 2720, leftEuros: 1280 });
    expect(moneyOverview([]).totals).toEqual({ grantedEuros: 0, spentEuros: 0, leftEuros: 0 });
  });

  it("writes CSV rows with plain numbers, the VAT terms on every row, and a total", () => {
    const rows = moneyCsvRows(moneyOverview(ideas), false);
    expect(rows[1]).toEqual([3, "Kookclub", 1000, 1100, -100, "nee"]);
    expect(rows[2]).toEqual([4, "Bankjes", null, 50, null, "nee"]);
    expect(rows.at(-1)).toEqual(["", "Totaal", 4000, 2720, 1280, "nee"]);
    expect(moneyCsvRows(moneyOverview(ideas), true)[0]?.at(-1)).toBe("ja");
  });
});
