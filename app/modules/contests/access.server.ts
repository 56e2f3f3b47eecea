import { notFound } from "~/lib/http.server";
import { requirePermission } from "~/modules/auth/session.server";
import { getContestBySlug } from "./contests.server";

/** Loads a contest for its console: 404 when it does not exist, login or 403 unless the user organises it. */
export async function requireContestManager(request: Request, slug: string | undefined) {
  const details = slug ? getContestBySlug(slug) : null;
  if (!details) notFound();
  const auth = await requirePermission(request, "contest:manage", details.target);
  return { details, actor: auth.actor! };
}
