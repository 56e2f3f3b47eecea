import { notFound } from "./http.server";
import { requireContestManager } from "./contest-access.server";

/** The console's taakgroep pages: the contest's organisers (contest:manage) who may also manage taakgroepen. */
export function requireTaakgroepManager(request: Request, slug: string | undefined) {
  return requireContestManager(request, slug, "taakgroep:manage");
}

export function parseIdeaParam(value: string | null): number | undefined {
  if (value === null || value === "") return undefined;
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  return id;
}
