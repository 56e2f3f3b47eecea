import { DrizzleSQLiteAdapter } from "@lucia-auth/adapter-drizzle";
import { Lucia, TimeSpan } from "lucia";
import { getDb } from "~db/client.server";
import { sessions, users } from "~db/schema";
import { getEnv } from "~/lib/env.server";

function createLucia() {
  return new Lucia(new DrizzleSQLiteAdapter(getDb(), sessions, users), {
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
    };
  }
}
