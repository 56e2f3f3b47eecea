import { statementOn, statementsPer } from "~db/statement.server";
import type { Session, User } from "lucia";
import { getDb } from "~db/client.server";
import { requestScoped } from "~/lib/request-scope.server";
import { getLucia } from "./lucia.server";
import type { Actor, Grant } from "./permissions";

export type Auth = { user: User | null; session: Session | null; actor: Actor; setCookie: string | null };

// Every request of a logged-in user reads its grants: one statement, prepared once per connection (ADR 010).
type GrantRow = { role: "organisator" | "jurylid"; organisationId: number | null; contestId: number | null; isChair: number };
const grantStatement = statementsPer((db) =>
  statementOn<[string], GrantRow>(
    db,
    'SELECT role, organisation_id AS "organisationId", contest_id AS "contestId", is_chair AS "isChair" FROM role_assignments WHERE user_id = ?',
  ),
);

async function grantRows(userId: string): Promise<GrantRow[]> {
  return grantStatement(getDb()).all([userId]);
}

async function loadGrants(userId: string): Promise<Grant[]> {
  return (await grantRows(userId)).map((r): Grant =>
    r.role === "jurylid"
      ? { role: "jurylid", contestId: r.contestId!, isChair: r.isChair === 1 }
      : { role: "organisator", organisationId: r.organisationId, contestId: r.contestId },
  );
}

// Loaders of one request share the answer, so the session is validated (and extended) once: Remix
// gives each loader its own Request, so within a page request the answer is kept in its scope, for
// the Cookie header it was found from.
const perRequest = new WeakMap<Request, Promise<Auth>>();

/** Who is asking. setCookie is set when the session was extended or has gone: the root loader sends it back. */
export function getAuth(request: Request): Promise<Auth> {
  let auth = perRequest.get(request);
  if (!auth) {
    auth = requestScoped(`auth ${request.headers.get("Cookie") ?? ""}`, () => validate(request));
    perRequest.set(request, auth);
  }
  return auth;
}

async function validate(request: Request): Promise<Auth> {
  const lucia = getLucia();
  const sessionId = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (!sessionId) return { user: null, session: null, actor: null, setCookie: null };
  const { session, user } = await lucia.validateSession(sessionId);
  if (!session || !user) {
    return { user: null, session: null, actor: null, setCookie: lucia.createBlankSessionCookie().serialize() };
  }
  return {
    user,
    session,
    actor: { userId: user.id, isBeheerder: user.isBeheerder, grants: await loadGrants(user.id) },
    setCookie: session.fresh ? lucia.createSessionCookie(session.id).serialize() : null,
  };
}

export async function createSessionCookie(userId: string): Promise<string> {
  const lucia = getLucia();
  const session = await lucia.createSession(userId, {});
  return lucia.createSessionCookie(session.id).serialize();
}

export async function endSession(request: Request): Promise<string> {
  const lucia = getLucia();
  const sessionId = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (sessionId) await lucia.invalidateSession(sessionId);
  return lucia.createBlankSessionCookie().serialize();
}

export async function endAllSessions(userId: string): Promise<void> {
  await getLucia().invalidateUserSessions(userId);
}

/**
 * A new session id when a person gains rights (a jury role, becoming a co-initiator): whoever held the
 * old id, from before the change, does not inherit the new rights (issue 10, session rotation).
 */
export async function rotateSession(request: Request, userId: string): Promise<string> {
  await endSession(request);
  return createSessionCookie(userId);
}
