import type { LoaderFunctionArgs } from "@remix-run/node";
import { loadContestForIdeas } from "~/routes-support/idea-access.server";
import { lookUpForContest } from "~/routes-support/address-lookup.server";

// The address look-up for the idea form's map (with JavaScript): the browser asks us, we ask PDOK.
// Whoever may see the round's ideas may look up an address for one.

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = await loadContestForIdeas(request, params.slug);
  const text = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 500);
  const answer = await lookUpForContest({ text, details: ctx.details, ip: context.clientIp, now: ctx.at });
  const status = answer.kind === "found" || answer.kind === "not-found" ? 200 : answer.kind === "busy" ? 429 : answer.kind === "invalid" ? 400 : 503;
  return Response.json(answer, { status, headers: { "Cache-Control": "no-store" } });
}
