import type { LoaderFunctionArgs } from "@remix-run/node";
import { now } from "~/lib/clock.server";
import { getContestBySlug } from "~/modules/contests/contests.server";
import { isPubliclyVisible, phaseAt } from "~/modules/contests/phases";
import { publicResults, PUBLIC_RESULTS_VERSION } from "~/modules/results/open-data";
import { publicContextOf, publishedResultsOf } from "~/modules/results/results.server";
import { archivedResultsOf } from "~/modules/results/archive.server";

// The public results as open data at a stable URL: /rondes/:slug/uitslag.json. A resource route
// (no page). Version 1 of the format (open-data.ts). Before the reveal: 404 with a small JSON body
// that says so, never a count. Anyone may fetch it from anywhere (CORS), as open data should be.

function json(body: unknown, status = 200): Response {
  return new Response(`${JSON.stringify(body, null, 2)}\n`, {
    status,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Access-Control-Allow-Origin": "*",
      // Short: after a logged correction the new results should reach readers soon.
      "Cache-Control": status === 200 ? "public, max-age=60" : "no-store",
    },
  });
}

export async function loader({ params }: LoaderFunctionArgs) {
  const details = params.slug ? await getContestBySlug(params.slug) : null;
  if (!details || !isPubliclyVisible(phaseAt(details.clock, now()).phase)) {
    return json({ version: PUBLIC_RESULTS_VERSION, error: "not-found" }, 404);
  }
  const archived = await archivedResultsOf(details.contest.id);
  if (archived) {
    return json({
      version: PUBLIC_RESULTS_VERSION,
      archived: true,
      contest: {
        slug: details.contest.slug,
        title: details.contest.title,
        currency: "EUR",
        budget: details.contest.budgetEuros,
        rule: details.contest.outcomeRule,
        amountsIncludeVat: details.contest.amountsIncludeVat,
      },
      source: archived.source,
      voters: archived.voters,
      officialOutcome: archived.officialOutcome,
      ideas: archived.ideas.map((idea) => ({
        sourceId: idea.sourceId,
        title: idea.title,
        cost: idea.cost,
        votes: idea.votes,
        selected: idea.selected,
        // A round with a budget in parts (ADR 026) names each idea's part; other rounds keep their fields.
        ...(archived.parts ? { part: idea.part } : {}),
      })),
      // Ballots in the file that named an idea twice; the votes above are the file's, counting them twice.
      duplicateBallots: archived.duplicateBallots,
      ...(archived.parts
        ? {
            parts: {
              kind: archived.parts.kind,
              leftover: archived.parts.leftover,
              parts: archived.parts.parts.map((p) => ({ name: p.name, budget: p.budget })),
            },
          }
        : {}),
    });
  }
  const published = await publishedResultsOf(details.contest.id);
  if (!published) return json({ version: PUBLIC_RESULTS_VERSION, error: "not-revealed", message: "The results have not been revealed yet." }, 404);
  return json(publicResults(published.snapshot.outcome, publicContextOf(details, published)));
}
