import { one, many } from "~db/query.server";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { users } from "~db/schema";
import type { Locale } from "~/lib/i18n/core";

/** Names for a set of user ids, e.g. the "who" column of an audit log. */
export async function userNames(ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  return new Map((await many(getDb().select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted)))).map((u) => [u.id, u.name]));
}

/** Address and language of a set of user ids, for mails to an idea's makers; deleted accounts have none. */
export async function userRecipients(ids: readonly string[]): Promise<{ email: string; locale: Locale }[]> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return [];
  return many(
    getDb()
      .select({ email: users.email, locale: users.locale })
      .from(users)
      .where(and(inArray(users.id, wanted), isNull(users.deletedAt))),
  );
}

/** The account an address belongs to (emails are stored lower-cased); a deleted account has none. */
export async function accountByEmail(email: string): Promise<{ id: string; name: string; locale: Locale } | undefined> {
  return one(
    getDb()
      .select({ id: users.id, name: users.name, locale: users.locale })
      .from(users)
      .where(and(eq(users.email, email.trim().toLowerCase()), isNull(users.deletedAt))),
  );
}

/** What a vote needs to know of an account, read fresh (the confirmation link has no session yet). */
export async function voterById(id: string): Promise<{ id: string; name: string; email: string; postcode: string; locale: Locale } | undefined> {
  return one(
    getDb()
      .select({ id: users.id, name: users.name, email: users.email, postcode: users.postcode, locale: users.locale })
      .from(users)
      .where(and(eq(users.id, id), isNull(users.deletedAt))),
  );
}
