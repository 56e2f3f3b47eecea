import { notFound } from "~/lib/http.server";
import { can } from "~/modules/auth/permissions";
import { requireContestManager } from "~/modules/contests/access.server";

/** The console's taakgroep pages: the contest's organisers (contest:manage) who may also manage taakgroepen. */
export async function requireTaakgroepManager(request: Request, slug: string | undefined) {
  const { details, actor } = await requireContestManager(request, slug);
  if (!can(actor, "taakgroep:manage", details.target)) throw new Response("Forbidden", { status: 403 });
  return { details, actor };
}

export function parseIdeaParam(value: string | null): number | undefined {
  if (value === null || value === "") return undefined;
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  return id;
}
