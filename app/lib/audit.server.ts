import { many, run } from "~db/query.server";
import { desc, eq } from "drizzle-orm";
import type { Db, Tx } from "~db/client.server";
import { getDb } from "~db/client.server";
import { auditLog } from "~db/schema";

export type AuditInput = {
  userId: string | null;
  contestId: number | null;
  action: string;
  subject?: string;
  before?: unknown;
  after?: unknown;
  reason?: string;
  at: number;
};

/** Written inside the transaction of the change itself: no change without its log line, and no log line without its change. */
export async function writeAudit(tx: Tx | Db, entry: AuditInput): Promise<void> {
  await run(
    tx.insert(auditLog).values({
      at: new Date(entry.at),
      userId: entry.userId,
      contestId: entry.contestId,
      action: entry.action,
      subject: entry.subject ?? null,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      reason: entry.reason ?? null,
    }),
  );
}

export async function listAudit(contestId: number, limit = 200) {
  return many(getDb().select().from(auditLog).where(eq(auditLog.contestId, contestId)).orderBy(desc(auditLog.id)).limit(limit));
}
