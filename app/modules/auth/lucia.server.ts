import { onStatement, type PreparedStatement } from "~db/sqlite-engine.server";
import { transact } from "~db/transact.server";
import { DrizzleSQLiteAdapter } from "@lucia-auth/adapter-drizzle";
import { Lucia, TimeSpan, type DatabaseSession, type DatabaseUser } from "lucia";
import { getDb, type Db } from "~db/client.server";
import { sessions, users } from "~db/schema";
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
 * The Drizzle adapter, except for the lookup every request makes: session and user by session id,
 * as one statement prepared once instead of two queries built per request. That lookup was a
 * quarter of the CPU time of a vote (docs/decisions/010-fast-vote-path.md). Writes stay the adapter's.
 */
class SessionAdapter extends DrizzleSQLiteAdapter {
  private readonly lookup: PreparedStatement<string, SessionRow>;

  private readonly database: Db;

  constructor(db: Db) {
    super(db, sessions, users);
    this.database = db;
    this.lookup = db.$client.prepare(
      `SELECT s.id AS id, s.user_id AS userId, s.expires_at AS expiresAt,
              u.email AS email, u.name AS name, u.postcode AS postcode, u.is_beheerder AS isBeheerder, u.locale AS locale,
              u.email_confirmed_at IS NOT NULL AS emailConfirmed
         FROM sessions AS s JOIN users AS u ON u.id = s.user_id WHERE s.id = ?`,
    ) as unknown as PreparedStatement<string, SessionRow>;
  }

  // The adapter's own queries are drizzle's, awaited inside its methods: each method runs as a
  // transaction of its own, so none of its statements can land in another request's transaction.
  override setSession(...args: Parameters<DrizzleSQLiteAdapter["setSession"]>) {
    return transact(this.database, () => super.setSession(...args));
  }
  override deleteSession(...args: Parameters<DrizzleSQLiteAdapter["deleteSession"]>) {
    return transact(this.database, () => super.deleteSession(...args));
  }
  override deleteUserSessions(...args: Parameters<DrizzleSQLiteAdapter["deleteUserSessions"]>) {
    return transact(this.database, () => super.deleteUserSessions(...args));
  }
  override updateSessionExpiration(...args: Parameters<DrizzleSQLiteAdapter["updateSessionExpiration"]>) {
    return transact(this.database, () => super.updateSessionExpiration(...args));
  }
  override deleteExpiredSessions() {
    return transact(this.database, () => super.deleteExpiredSessions());
  }
  override getUserSessions(...args: Parameters<DrizzleSQLiteAdapter["getUserSessions"]>) {
    return transact(this.database, () => super.getUserSessions(...args));
  }

  override async getSessionAndUser(sessionId: string): Promise<[session: DatabaseSession | null, user: DatabaseUser | null]> {
    const row = await onStatement(this.lookup, (s) => s.get(sessionId));
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
