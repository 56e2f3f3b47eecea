import { notFound } from "~/lib/http.server";
import { can, type Permission } from "~/modules/auth/permissions";
import { requirePermission } from "~/modules/auth/session.server";
import { getContestBySlug } from "./contests.server";

/**
 * Loads a contest for its console: 404 when it does not exist, login or 403 unless the user organises
 * it, and 403 too when a console tab asks for a further permission (`also`) the user lacks.
 */
export async function requireContestManager(request: Request, slug: string | undefined, also?: Permission) {
  const details = slug ? getContestBySlug(slug) : null;
  if (!details) notFound();
  const auth = await requirePermission(request, "contest:manage", details.target);
  if (also && !can(auth.actor, also, details.target)) throw new Response("Forbidden", { status: 403 });
  return { details, actor: auth.actor! };
}
