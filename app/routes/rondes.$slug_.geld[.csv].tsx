import type { LoaderFunctionArgs } from "@remix-run/node";
import { now } from "~/lib/clock.server";
import { notFound } from "~/routes-support/http.server";
import { loadVisibleContest } from "~/routes-support/contest-access.server";
import { MONEY_CSV_HEADER, moneyCsvRows } from "~/modules/aftercare/money";
import { TRACK_SHOW_PHASES } from "~/modules/aftercare/track";
import { checkPhase } from "~/modules/contests/phases";
import { toCsv } from "~/modules/taakgroepen/record";
import { contestMoney } from "~/workflows/money-overview.server";

// The round's money overview as CSV (issue 21.5), a resource route: what the page shows, amounts as
// plain whole numbers, the VAT terms in a column, UTF-8 with a BOM as the other CSV exports (so a
// spreadsheet reads the ë in Ideeën). Public: it holds no personal data, only ideas and amounts.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const at = now();
  const { details, info } = await loadVisibleContest(request, params.slug, at);
  if (!checkPhase(info, TRACK_SHOW_PHASES).ok) notFound();
  const money = await contestMoney(details, at);
  if (!money.revealed) notFound();
  const csv = toCsv(MONEY_CSV_HEADER, moneyCsvRows(money.overview, details.contest.amountsIncludeVat));
  return new Response("\uFEFF" + csv, {
    headers: {
      "Cache-Control": "no-store",
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="geld-${details.contest.slug}.csv"`,
    },
  });
}
