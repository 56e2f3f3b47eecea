import { one, many, run } from "~db/query.server";
import { transact } from "~db/transact.server";
import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import { getDb, type Db } from "~db/client.server";
import { voterRegister, votingCodeBatches, votingCodes } from "~db/schema";
import { writeAudit } from "~/lib/audit.server";
import type { Pepper } from "~/lib/keyed-hash";
import { generateVotingCodes, hashCode, MAX_BATCH_SIZE } from "./voting-codes";

// Batches of one-time voting codes (ADR 007). Only the keyed hash of a code is stored: the printable
// codes exist only in the answer to the request that makes the batch. A lost batch is revoked and
// replaced, never downloaded again.

export { MAX_BATCH_SIZE };

export type BatchRequest = {
  actorUserId: string;
  contestId: number;
  label: string;
  size: number;
  /** Letters for an address list: one code per key, in this order, each voting as its address (issue 15). */
  addressKeys?: readonly string[];
  pepper: Pepper;
  now: number;
};

/**
 * Makes a batch and returns its codes, as printed: the one and only time they exist in full. In one
 * IMMEDIATE transaction of its own, or inside the caller's when it runs in one.
 */
export async function generateCodeBatch(input: BatchRequest): Promise<{ batchId: number; codes: string[] }> {
  const db = getDb();
  // Inside the caller's transaction this is a savepoint (transact nests); its statements run there.
  return transact(db, async () => writeBatch(db, input));
}

const CHUNK = 500;

/** Codes drawn for the batch whose hashes no batch (of any contest) holds yet: the hash is unique across contests. */
async function drawFreeCodes(db: Db, count: number, pepper: Pepper): Promise<Map<string, string>> {
  const free = new Map<string, string>();
  while (free.size < count) {
    const drawn = generateVotingCodes(count - free.size, { isTaken: (code) => free.has(code) });
    const hashes = new Map(drawn.map((code) => [hashCode(code, pepper), code]));
    const taken = new Set<string>();
    const keys = [...hashes.keys()];
    for (let i = 0; i < keys.length; i += CHUNK) {
      const rows = await many(
        db
          .select({ hash: votingCodes.codeHash })
          .from(votingCodes)
          .where(inArray(votingCodes.codeHash, keys.slice(i, i + CHUNK))),
      );
      for (const row of rows) taken.add(row.hash);
    }
    for (const [hash, code] of hashes) if (!taken.has(hash)) free.set(code, hash);
  }
  return free;
}

async function writeBatch(db: Db, input: BatchRequest): Promise<{ batchId: number; codes: string[] }> {
  const hashes = await drawFreeCodes(db, input.addressKeys?.length ?? input.size, input.pepper);
  const codes = [...hashes.keys()];
  const batch = await one(
    db
      .insert(votingCodeBatches)
      .values({ contestId: input.contestId, label: input.label, size: codes.length, createdBy: input.actorUserId, createdAt: input.now })
      .returning({ id: votingCodeBatches.id }),
  );
  const rows = codes.map((code, i) => ({
    contestId: input.contestId,
    batchId: batch.id,
    codeHash: hashes.get(code)!,
    addressKey: input.addressKeys?.[i] ?? null,
  }));
  for (let i = 0; i < rows.length; i += CHUNK) await run(db.insert(votingCodes).values(rows.slice(i, i + CHUNK)));
  await writeAudit(db, {
    userId: input.actorUserId,
    contestId: input.contestId,
    action: "voting.codes-generated",
    subject: String(batch.id),
    after: { label: input.label, size: codes.length, forAddresses: input.addressKeys !== undefined },
    at: input.now,
  });
  return { batchId: batch.id, codes };
}

export type BatchRow = { id: number; label: string; size: number; used: number; createdAt: number; revokedAt: number | null };

/** The batches of a contest with how many of their codes were used: counts only. */
export async function listBatches(contestId: number): Promise<BatchRow[]> {
  const db = getDb();
  const batches = await many(db.select().from(votingCodeBatches).where(eq(votingCodeBatches.contestId, contestId)).orderBy(desc(votingCodeBatches.id)));
  const used = new Map(
    (
      await many(
        db
          .select({ batchId: votingCodes.batchId, n: count() })
          .from(voterRegister)
          .innerJoin(votingCodes, eq(voterRegister.votingCodeId, votingCodes.id))
          .where(eq(voterRegister.contestId, contestId))
          .groupBy(votingCodes.batchId),
      )
    ).map((r) => [r.batchId, r.n]),
  );
  return batches.map((b) => ({ id: b.id, label: b.label, size: b.size, used: used.get(b.id) ?? 0, createdAt: b.createdAt, revokedAt: b.revokedAt }));
}

/** Stops a batch's unused codes from working; votes already cast with it stay. */
export async function revokeBatch(input: { actorUserId: string; contestId: number; batchId: number; now: number }): Promise<boolean> {
  return transact(getDb(), async (tx) => {
    const revoked = await one(
      tx
        .update(votingCodeBatches)
        .set({ revokedAt: input.now })
        .where(and(eq(votingCodeBatches.id, input.batchId), eq(votingCodeBatches.contestId, input.contestId), isNull(votingCodeBatches.revokedAt)))
        .returning({ label: votingCodeBatches.label }),
    );
    if (!revoked) return false;
    await writeAudit(tx, {
      userId: input.actorUserId,
      contestId: input.contestId,
      action: "voting.codes-revoked",
      subject: String(input.batchId),
      before: { label: revoked.label },
      at: input.now,
    });
    return true;
  });
}

/** The codes as a CSV file for a mail merge: one code per line. */
export function codesCsv(codes: readonly string[]): string {
  return ["code", ...codes].join("\r\n") + "\r\n";
}
