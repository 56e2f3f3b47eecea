import { redirect } from "@remix-run/node";
import type { User } from "lucia";
import { can, type Actor, type Permission, type Target } from "~/modules/auth/permissions";
import { getAuth, type Auth } from "~/modules/auth/session.server";

// Who may open a page: anonymous visitors go to the login page, others without the right get a 403.

function loginRedirect(request: Request): never {
  const url = new URL(request.url);
  throw redirect(`/inloggen?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
}

export async function requireUser(request: Request): Promise<Auth & { user: User; actor: NonNullable<Actor> }> {
  const auth = await getAuth(request);
  if (!auth.user || !auth.actor) loginRedirect(request);
  return auth as Auth & { user: User; actor: NonNullable<Actor> };
}

/** Anonymous visitors go to the login page; a logged-in user without the right gets a 403 page. */
export async function requirePermission(request: Request, permission: Permission, target?: Target): Promise<Auth> {
  const auth = await getAuth(request);
  if (can(auth.actor, permission, target)) return auth;
  if (!auth.actor) loginRedirect(request);
  throw new Response("Forbidden", { status: 403 });
}
