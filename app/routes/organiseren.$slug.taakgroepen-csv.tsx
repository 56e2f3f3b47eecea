import type { LoaderFunctionArgs } from "@remix-run/node";
import { now } from "~/lib/clock.server";
import { formatDateTime } from "~/lib/format";
import { parseIdeaParam, requireTaakgroepManager } from "~/routes-support/taakgroep-console.server";
import { exportTaakgroepCsv } from "~/modules/taakgroepen/taakgroepen.server";

// A resource route (no page): the taakgroep record as CSV, for the whole contest or one idea (?idee=).
// It holds contact details, so the export is logged.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { details, actor } = await requireTaakgroepManager(request, params.slug);
  const ideaId = parseIdeaParam(new URL(request.url).searchParams.get("idee"));
  const csv = await exportTaakgroepCsv({
    contestId: details.contest.id,
    ideaId,
    userId: actor.userId,
    now: now(),
    formatDate: (ms) => formatDateTime(ms, "nl"),
  });
  const name = `taakgroepen-${details.contest.slug}${ideaId ? `-idee-${ideaId}` : ""}.csv`;
  return new Response("\uFEFF" + csv, {
    headers: {
      "Cache-Control": "no-store",
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
    },
  });
}
