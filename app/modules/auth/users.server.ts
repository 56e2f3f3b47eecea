import { inArray } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { users } from "~db/schema";

/** Names for a set of user ids, e.g. the "who" column of an audit log. */
export function userNames(ids: (string | null)[]): Map<string, string> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  return new Map(getDb().select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted)).all().map((u) => [u.id, u.name]));
}

/** Email addresses for a set of user ids, for mails to an idea's makers. */
export function userEmails(ids: readonly string[]): string[] {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return [];
  return getDb().select({ email: users.email }).from(users).where(inArray(users.id, wanted)).all().map((u) => u.email);
}
