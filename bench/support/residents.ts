// The bench seed: many residents of the voting demo contest's area, each with a live session, written
// straight into the database (hashing a password per resident would take minutes and measure nothing).
// Session ids are "bench-session-<n>" for user "bench-user-<n>", so the bare handler needs no lookup.
import { many } from "~db/query.server";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.server";
import { ideas } from "../../db/schema";

export async function addBenchResidents(
  db: Db,
  input: { contestId: number; count: number; withSessions: boolean; now: number },
): Promise<{ ideaIds: number[] }> {
  const sqlite = db.$client;
  // Confirmed addresses: only those vote (issue 15).
  const addUser = sqlite.prepare(
    "INSERT INTO users (id, email, name, password_hash, postcode, created_at, email_confirmed_at) VALUES (?, ?, ?, 'bench-no-login', '7416 AB', ?, ?)",
  );
  const addSession = sqlite.prepare("INSERT INTO sessions (id, user_id, expires_at) VALUES (?, ?, ?)");
  // Lucia extends a session in its second half (a write per request): 30 days ahead, it never does during the bench.
  const expiresAt = Math.floor(input.now / 1000) + 30 * 24 * 60 * 60;
  sqlite.transaction(() => {
    for (let i = 0; i < input.count; i++) {
      addUser.run(`bench-user-${i}`, `bench-${i}@bench.invalid`, `Bewoner ${i}`, input.now, input.now);
      if (input.withSessions) addSession.run(`bench-session-${i}`, `bench-user-${i}`, expiresAt);
    }
  })();
  const ideaIds = (
    await many(
      db
        .select({ id: ideas.id })
        .from(ideas)
        .where(and(eq(ideas.contestId, input.contestId), eq(ideas.status, "shortlisted")))
        .orderBy(asc(ideas.id)),
    )
  ).map((r) => r.id);
  return { ideaIds };
}
