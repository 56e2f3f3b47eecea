import { statementOn, statementsPer } from "~db/statement.server";
import { getDb, type Db } from "~db/client.server";

// The minimal taakgroep record behind "ik doe mee" (issue 6), until the taakgroepen feature grows
// around it. A sign-up and a withdrawal are both rows: the record keeps who joined and who left, and
// when. Nothing here knows about ballots (ADR 007): the vote passes the ticked ideas and a person,
// and its connection, so that the sign-ups are written in the vote's own transaction.

export type SignupPerson = { userId: string | null; name: string; contact: string };

// Prepared once per connection, in plain SQL (the columns of db/schema/taakgroepen.ts): the vote
// calls these on its fast path (docs/decisions/010-fast-vote-path.md).
type Row = { ideaId: number; kind: "signup" | "withdrawal" };
type NewRow = {
  contestId: number;
  ideaId: number;
  userId: string | null;
  name: string;
  contact: string;
  consentAt: number;
  kind: "signup" | "withdrawal";
  createdAt: number;
};
const statements = statementsPer((db) => ({
  rowsOf: statementOn<{ contestId: number; userId: string }, Row>(
    db,
    'SELECT idea_id AS "ideaId", kind FROM taakgroep_signups WHERE contest_id = @contestId AND user_id = @userId ORDER BY id',
  ),
  insert: statementOn<NewRow>(
    db,
    "INSERT INTO taakgroep_signups (contest_id, idea_id, user_id, name, contact, consent_at, kind, created_at) VALUES (@contestId, @ideaId, @userId, @name, @contact, @consentAt, @kind, @createdAt)",
  ),
}));

/** Ideas this account is signed up for now in the contest: its last row per idea is a sign-up. */
async function signedUpIdeas(db: Db, contestId: number, userId: string): Promise<number[]> {
  const last = new Map<number, "signup" | "withdrawal">();
  for (const row of await statements(db).rowsOf.all({ contestId, userId })) last.set(row.ideaId, row.kind);
  return [...last]
    .filter(([, kind]) => kind === "signup")
    .map(([ideaId]) => ideaId)
    .sort((a, b) => a - b);
}

export async function currentSignups(input: { contestId: number; userId: string }): Promise<number[]> {
  return signedUpIdeas(getDb(), input.contestId, input.userId);
}

async function insertRows(
  db: Db,
  input: { contestId: number; person: SignupPerson; ideaIds: readonly number[]; kind: "signup" | "withdrawal"; now: number },
): Promise<void> {
  const insert = statements(db).insert;
  for (const ideaId of input.ideaIds) {
    await insert.run({
      contestId: input.contestId,
      ideaId,
      userId: input.person.userId,
      name: input.person.name.trim(),
      contact: input.person.contact.trim(),
      // Ticking "ik doe mee" beside the text that the initiator sees the name is the consent.
      consentAt: input.now,
      kind: input.kind,
      createdAt: input.now,
    });
  }
}

/**
 * Signs a person up for these ideas (those an account is not signed up for already). `db` is the
 * connection of the caller's transaction.
 */
export async function recordSignups(db: Db, input: { contestId: number; person: SignupPerson; ideaIds: readonly number[]; now: number }): Promise<void> {
  if (input.ideaIds.length === 0) return;
  const already = input.person.userId ? new Set(await signedUpIdeas(db, input.contestId, input.person.userId)) : new Set<number>();
  await insertRows(db, { ...input, ideaIds: [...new Set(input.ideaIds)].filter((id) => !already.has(id)), kind: "signup" });
}

/**
 * An account's ticks on the ballot are its sign-ups in the contest from now on: a new tick signs up,
 * a tick taken away (or a sticker moved off the idea) is a withdrawal.
 */
export async function replaceBallotSignups(
  db: Db,
  input: { contestId: number; person: SignupPerson & { userId: string }; ideaIds: readonly number[]; now: number },
): Promise<void> {
  const before = new Set(await signedUpIdeas(db, input.contestId, input.person.userId));
  const after = new Set(input.ideaIds);
  await insertRows(db, { ...input, ideaIds: [...after].filter((id) => !before.has(id)), kind: "signup" });
  await insertRows(db, { ...input, ideaIds: [...before].filter((id) => !after.has(id)), kind: "withdrawal" });
}
