import { statementOn, type SharedStatement } from "~db/statement.server";
import { many, run } from "~db/query.server";
import { transact } from "~db/transact.server";
import { eq, lte } from "drizzle-orm";
import { Lucia, TimeSpan, type Adapter, type DatabaseSession, type DatabaseUser } from "lucia";
import { getDb, type Db } from "~db/client.server";
import { sessions } from "~db/schema";
import { getEnv } from "~/lib/env.server";

type SessionRow = {
  id: string;
  userId: string;
  expiresAt: number;
  email: string;
  name: string;
  postcode: string;
  isBeheerder: number;
  locale: "nl" | "en";
  emailConfirmed: number;
};

/**
 * Lucia's storage, on either database. The lookup every request makes (session and user by session
 * id) is on SQLite one statement prepared once instead of two queries built per request: it was a
 * quarter of the CPU time of a vote (docs/decisions/010-fast-vote-path.md); the same text runs on
 * PostgreSQL (db/statement.server.ts). Lucia's drizzle adapter ends its SQLite queries with get/all/run, which
 * PostgreSQL's builders lack, so the writes are said here once, for both.
 */
class SessionAdapter implements Adapter {
  private readonly lookup: SharedStatement<[string], SessionRow>;

  constructor(private readonly db: Db) {
    this.lookup = statementOn(
      db,
      `SELECT s.id AS id, s.user_id AS "userId", s.expires_at AS "expiresAt",
              u.email AS email, u.name AS name, u.postcode AS postcode, u.is_beheerder AS "isBeheerder", u.locale AS locale,
              CASE WHEN u.email_confirmed_at IS NOT NULL THEN 1 ELSE 0 END AS "emailConfirmed"
         FROM sessions AS s JOIN users AS u ON u.id = s.user_id WHERE s.id = ?`,
    );
  }

  // Each write runs as a transaction of its own, so none of its statements can land in another
  // request's transaction.
  async setSession(session: DatabaseSession): Promise<void> {
    const row = { id: session.id, userId: session.userId, expiresAt: Math.floor(session.expiresAt.getTime() / 1000) };
    await transact(this.db, () => run(this.db.insert(sessions).values(row)));
  }
  async deleteSession(sessionId: string): Promise<void> {
    await transact(this.db, () => run(this.db.delete(sessions).where(eq(sessions.id, sessionId))));
  }
  async deleteUserSessions(userId: string): Promise<void> {
    await transact(this.db, () => run(this.db.delete(sessions).where(eq(sessions.userId, userId))));
  }
  async updateSessionExpiration(sessionId: string, expiresAt: Date): Promise<void> {
    const seconds = Math.floor(expiresAt.getTime() / 1000);
    await transact(this.db, () => run(this.db.update(sessions).set({ expiresAt: seconds }).where(eq(sessions.id, sessionId))));
  }
  async deleteExpiredSessions(): Promise<void> {
    const now = Math.floor(Date.now() / 1000);
    await transact(this.db, () => run(this.db.delete(sessions).where(lte(sessions.expiresAt, now))));
  }
  async getUserSessions(userId: string): Promise<DatabaseSession[]> {
    const rows = await many(this.db.select().from(sessions).where(eq(sessions.userId, userId)));
    return rows.map((row) => ({ id: row.id, userId: row.userId, expiresAt: new Date(row.expiresAt * 1000), attributes: {} }));
  }

  async getSessionAndUser(sessionId: string): Promise<[session: DatabaseSession | null, user: DatabaseUser | null]> {
    const row = await this.lookup.get([sessionId]);
    if (!row) return [null, null];
    return [
      { id: row.id, userId: row.userId, expiresAt: new Date(row.expiresAt * 1000), attributes: {} },
      {
        id: row.userId,
        attributes: {
          email: row.email,
          name: row.name,
          postcode: row.postcode,
          isBeheerder: row.isBeheerder === 1,
          locale: row.locale,
          emailConfirmed: row.emailConfirmed === 1,
        },
      },
    ];
  }
}

function createLucia() {
  return new Lucia(new SessionAdapter(getDb()), {
    // Lucia extends a session once half of this has passed: the sliding expiry.
    sessionExpiresIn: new TimeSpan(30, "d"),
    sessionCookie: {
      name: "wv_session",
      attributes: { secure: getEnv().cookieSecure, sameSite: "lax" },
    },
    getUserAttributes: (row) => ({
      email: row.email,
      name: row.name,
      postcode: row.postcode,
      isBeheerder: row.isBeheerder,
      locale: row.locale,
      emailConfirmed: row.emailConfirmed,
    }),
  });
}

let lucia: ReturnType<typeof createLucia> | undefined;

/** Lucia lives behind app/modules/auth only, so it can be swapped out without touching routes. */
export function getLucia() {
  lucia ??= createLucia();
  return lucia;
}

export function resetLuciaForTests(): void {
  lucia = undefined;
}

declare module "lucia" {
  interface Register {
    Lucia: ReturnType<typeof createLucia>;
    DatabaseUserAttributes: {
      email: string;
      name: string;
      postcode: string;
      isBeheerder: boolean;
      locale: "nl" | "en";
      /** Only a confirmed address may vote (issue 15). */
      emailConfirmed: boolean;
    };
  }
}
