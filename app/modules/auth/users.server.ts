import { and, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { users } from "~db/schema";
import type { Locale } from "~/lib/i18n/core";

/** Names for a set of user ids, e.g. the "who" column of an audit log. */
export function userNames(ids: (string | null)[]): Map<string, string> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  return new Map(
    getDb()
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(inArray(users.id, wanted))
      .all()
      .map((u) => [u.id, u.name]),
  );
}

/** Address and language of a set of user ids, for mails to an idea's makers; deleted accounts have none. */
export function userRecipients(ids: readonly string[]): { email: string; locale: Locale }[] {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return [];
  return getDb()
    .select({ email: users.email, locale: users.locale })
    .from(users)
    .where(and(inArray(users.id, wanted), isNull(users.deletedAt)))
    .all();
}

/** The account an address belongs to (emails are stored lower-cased); a deleted account has none. */
export function accountByEmail(email: string): { id: string; name: string; locale: Locale } | undefined {
  return getDb()
    .select({ id: users.id, name: users.name, locale: users.locale })
    .from(users)
    .where(and(eq(users.email, email.trim().toLowerCase()), isNull(users.deletedAt)))
    .get();
}

/** What a vote needs to know of an account, read fresh (the confirmation link has no session yet). */
export function voterById(id: string): { id: string; name: string; email: string; postcode: string; locale: Locale } | undefined {
  return getDb()
    .select({ id: users.id, name: users.name, email: users.email, postcode: users.postcode, locale: users.locale })
    .from(users)
    .where(and(eq(users.id, id), isNull(users.deletedAt)))
    .get();
}
