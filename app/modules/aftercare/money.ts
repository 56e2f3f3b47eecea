// The round's money overview (issue 21.5): per idea what was granted and spent, with totals, and the
// same as a CSV residents can check in a spreadsheet. Pure: no I/O.

import { moneySummary, type MoneySummary } from "./track";

export type MoneyIdea = { ideaId: number; title: string; grantedEuros: number | null; spending: readonly { amountEuros: number }[] };
export type MoneyRow = { ideaId: number; title: string } & MoneySummary;
export type MoneyOverview = { rows: MoneyRow[]; totals: { grantedEuros: number; spentEuros: number; leftEuros: number } };

/**
 * Only ideas with money on them are listed (a grant or a spending line), in the order given. The
 * total left is what was granted minus what was spent over all ideas, so an overspent idea shows in it;
 * spending without a grant counts as spent and as granted nothing.
 */
export function moneyOverview(ideas: readonly MoneyIdea[]): MoneyOverview {
  const rows = ideas
    .filter((i) => i.grantedEuros !== null || i.spending.length > 0)
    .map((i) => ({ ideaId: i.ideaId, title: i.title, ...moneySummary(i.grantedEuros, i.spending) }));
  const grantedEuros = rows.reduce((sum, r) => sum + (r.grantedEuros ?? 0), 0);
  const spentEuros = rows.reduce((sum, r) => sum + r.spentEuros, 0);
  return { rows, totals: { grantedEuros, spentEuros, leftEuros: grantedEuros - spentEuros } };
}

/** The CSV's columns: amounts as plain whole numbers (no € or thousands dot), so a spreadsheet can add them up. */
export const MONEY_CSV_HEADER = ["idee_id", "idee", "toegekend_euro", "uitgegeven_euro", "over_euro", "bedragen_inclusief_btw"] as const;

export function moneyCsvRows(overview: MoneyOverview, amountsIncludeVat: boolean): (string | number | null)[][] {
  const vat = amountsIncludeVat ? "ja" : "nee";
  return [
    ...overview.rows.map((r) => [r.ideaId, r.title, r.grantedEuros, r.spentEuros, r.leftEuros, vat]),
    ["", "Totaal", overview.totals.grantedEuros, overview.totals.spentEuros, overview.totals.leftEuros, vat],
  ];
}
