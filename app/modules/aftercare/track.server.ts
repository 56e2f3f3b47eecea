import { one, many, run } from "~db/query.server";
import { transact } from "~db/transact.server";
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { realisationMilestones, realisationPartners, realisationSpending, realisationTracks, realisationUpdates } from "~db/schema";
import { writeAudit } from "~/lib/audit.server";
import type { NewPhoto } from "~/modules/ideas/ideas.server";
import { withStoredPhoto } from "~/lib/photos.server";
import { updatePhotoUrl } from "./paths";
import { checkSpending, moneySummary, type SpendingDecision, type TrackStatus } from "./track";

// Use cases of the realisation track. Initiators and organisers write; everyone reads. Organiser
// changes are logged (every organiser action is); a spend over the grant needs an organiser's override.

type Conn = Pick<ReturnType<typeof getDb>, "select" | "insert" | "update">;

async function ensureTrack(tx: Conn, input: { contestId: number; ideaId: number; now: number }) {
  const row = await one(tx.select().from(realisationTracks).where(eq(realisationTracks.ideaId, input.ideaId)));
  if (row) return row;
  await run(tx.insert(realisationTracks).values({ ideaId: input.ideaId, contestId: input.contestId, updatedAt: input.now }));
  return (await one(tx.select().from(realisationTracks).where(eq(realisationTracks.ideaId, input.ideaId))))!;
}

export type Writer = { userId: string; isOrganiser: boolean };

/** Each idea's track status in a round, for the idea list's badges. */
export async function trackStatusesOf(contestId: number): Promise<Map<number, TrackStatus>> {
  const rows = await many(
    getDb()
      .select({ ideaId: realisationTracks.ideaId, status: realisationTracks.status })
      .from(realisationTracks)
      .where(eq(realisationTracks.contestId, contestId)),
  );
  return new Map(rows.map((r) => [r.ideaId, r.status]));
}

export async function getTrack(ideaId: number) {
  const db = getDb();
  const track = (await one(db.select().from(realisationTracks).where(eq(realisationTracks.ideaId, ideaId)))) ?? null;
  const milestones = await many(
    db
      .select()
      .from(realisationMilestones)
      .where(eq(realisationMilestones.ideaId, ideaId))
      .orderBy(asc(realisationMilestones.dueOn), asc(realisationMilestones.id)),
  );
  const updates = await many(
    db.select().from(realisationUpdates).where(eq(realisationUpdates.ideaId, ideaId)).orderBy(desc(realisationUpdates.createdAt), desc(realisationUpdates.id)),
  );
  const spending = await many(
    db.select().from(realisationSpending).where(eq(realisationSpending.ideaId, ideaId)).orderBy(asc(realisationSpending.spentOn), asc(realisationSpending.id)),
  );
  const partners = await many(
    db
      .select()
      .from(realisationPartners)
      .where(eq(realisationPartners.ideaId, ideaId))
      .orderBy(asc(realisationPartners.createdAt), asc(realisationPartners.id)),
  );
  return {
    status: track?.status ?? ("nog-niet-begonnen" as TrackStatus),
    money: moneySummary(track?.grantedEuros ?? null, spending),
    dashboard: { municipalityRole: track?.municipalityRole ?? "", helps: track?.helps ?? "", hinders: track?.hinders ?? "" },
    partners: partners.map((p) => ({ id: p.id, name: p.name, role: p.role, left: p.leftAt !== null })),
    milestones: milestones.map((m) => ({ id: m.id, title: m.title, dueOn: m.dueOn, done: m.doneAt !== null })),
    updates: updates.map((u) => ({
      id: u.id,
      text: u.text,
      createdAt: u.createdAt,
      photo: u.photoKey
        ? {
            url: updatePhotoUrl(u.photoKey, "large"),
            small: updatePhotoUrl(u.photoKey, "small"),
            alt: u.photoAlt ?? "",
            width: u.photoWidth ?? 0,
            height: u.photoHeight ?? 0,
          }
        : null,
    })),
    spending: spending.map((s) => ({
      id: s.id,
      description: s.description,
      amountEuros: s.amountEuros,
      spentOn: s.spentOn,
      override: s.overrideByUserId !== null,
    })),
  };
}

async function log(tx: Conn, writer: Writer, input: { contestId: number; ideaId: number; now: number }, action: string, after: unknown, before?: unknown) {
  if (!writer.isOrganiser) return;
  await writeAudit(tx as Parameters<typeof writeAudit>[0], {
    userId: writer.userId,
    contestId: input.contestId,
    action,
    subject: `idea:${input.ideaId}`,
    before,
    after,
    at: input.now,
  });
}

export async function setTrackStatus(input: { contestId: number; ideaId: number; status: TrackStatus; writer: Writer; now: number }): Promise<void> {
  await transact(getDb(), async (tx) => {
    const before = await ensureTrack(tx, input);
    if (before.status === input.status) return;
    await run(tx.update(realisationTracks).set({ status: input.status, updatedAt: input.now }).where(eq(realisationTracks.ideaId, input.ideaId)));
    await log(tx, input.writer, input, "aftercare.status", { status: input.status }, { status: before.status });
  });
}

/** Only organisers grant money; the route checks that, this logs it. */
export async function setGrant(input: { contestId: number; ideaId: number; grantedEuros: number | null; writer: Writer; now: number }): Promise<void> {
  await transact(getDb(), async (tx) => {
    const before = await ensureTrack(tx, input);
    await run(tx.update(realisationTracks).set({ grantedEuros: input.grantedEuros, updatedAt: input.now }).where(eq(realisationTracks.ideaId, input.ideaId)));
    await writeAudit(tx, {
      userId: input.writer.userId,
      contestId: input.contestId,
      action: "aftercare.grant",
      subject: `idea:${input.ideaId}`,
      before: { grantedEuros: before.grantedEuros },
      after: { grantedEuros: input.grantedEuros },
      at: input.now,
    });
  });
}

export async function addMilestone(input: { contestId: number; ideaId: number; title: string; dueOn: string; writer: Writer; now: number }): Promise<void> {
  await transact(getDb(), async (tx) => {
    await ensureTrack(tx, input);
    await run(tx.insert(realisationMilestones).values({ ideaId: input.ideaId, title: input.title.trim(), dueOn: input.dueOn, createdAt: input.now }));
    await log(tx, input.writer, input, "aftercare.milestone", { title: input.title, dueOn: input.dueOn });
  });
}

/** Marks a milestone of this idea done (or not); false when the milestone is not the idea's. */
export async function setMilestoneDone(input: {
  contestId: number;
  ideaId: number;
  milestoneId: number;
  done: boolean;
  writer: Writer;
  now: number;
}): Promise<boolean> {
  return transact(getDb(), async (tx) => {
    const where = and(eq(realisationMilestones.id, input.milestoneId), eq(realisationMilestones.ideaId, input.ideaId));
    const row = await one(tx.select().from(realisationMilestones).where(where));
    if (!row) return false;
    await run(
      tx
        .update(realisationMilestones)
        .set({ doneAt: input.done ? input.now : null })
        .where(where),
    );
    await log(tx, input.writer, input, "aftercare.milestone-done", { milestoneId: input.milestoneId, done: input.done });
    return true;
  });
}

/** A public news item, with an optional photo: the files are written first and removed again if the row is not. */
export async function addUpdate(input: {
  contestId: number;
  ideaId: number;
  text: string;
  photo: NewPhoto | null;
  writer: Writer;
  now: number;
}): Promise<void> {
  const photo = input.photo;
  await withStoredPhoto(
    photo?.processed ?? null,
    async () =>
      transact(getDb(), async (tx) => {
        await ensureTrack(tx, input);
        await run(
          tx.insert(realisationUpdates).values({
            ideaId: input.ideaId,
            authorUserId: input.writer.userId,
            text: input.text.trim(),
            createdAt: input.now,
            ...(photo
              ? { photoKey: photo.processed.storageKey, photoAlt: photo.altText.trim(), photoWidth: photo.processed.width, photoHeight: photo.processed.height }
              : {}),
          }),
        );
        await run(tx.update(realisationTracks).set({ updatedAt: input.now }).where(eq(realisationTracks.ideaId, input.ideaId)));
        await log(tx, input.writer, input, "aftercare.update", { length: input.text.length, photo: photo !== null });
      }),
    "updates",
  );
}

/** The idea a stored update photo belongs to, so its route serves it only while the idea is public. */
export async function findUpdateByPhotoKey(storageKey: string): Promise<{ contestId: number; ideaId: number } | null> {
  return (
    (await one(
      getDb()
        .select({ contestId: realisationTracks.contestId, ideaId: realisationUpdates.ideaId })
        .from(realisationUpdates)
        .innerJoin(realisationTracks, eq(realisationTracks.ideaId, realisationUpdates.ideaId))
        .where(eq(realisationUpdates.photoKey, storageKey)),
    )) ?? null
  );
}

/** A spending line; over the grant only with an organiser's explicit override, which is logged. */
export async function addSpending(input: {
  contestId: number;
  ideaId: number;
  description: string;
  amountEuros: number;
  spentOn: string;
  override: boolean;
  writer: Writer;
  now: number;
}): Promise<SpendingDecision> {
  return transact(getDb(), async (tx) => {
    const track = await ensureTrack(tx, input);
    const spent = await many(
      tx.select({ amountEuros: realisationSpending.amountEuros }).from(realisationSpending).where(eq(realisationSpending.ideaId, input.ideaId)),
    );
    const decision = checkSpending({
      grantedEuros: track.grantedEuros,
      spentEuros: moneySummary(track.grantedEuros, spent).spentEuros,
      amountEuros: input.amountEuros,
      isOrganiser: input.writer.isOrganiser,
      override: input.override,
    });
    if (!decision.ok) return decision;
    await run(
      tx.insert(realisationSpending).values({
        ideaId: input.ideaId,
        description: input.description.trim(),
        amountEuros: input.amountEuros,
        spentOn: input.spentOn,
        overrideByUserId: decision.override ? input.writer.userId : null,
        createdByUserId: input.writer.userId,
        createdAt: input.now,
      }),
    );
    if (decision.override) {
      await writeAudit(tx, {
        userId: input.writer.userId,
        contestId: input.contestId,
        action: "aftercare.spending-override",
        subject: `idea:${input.ideaId}`,
        after: { description: input.description, amountEuros: input.amountEuros, grantedEuros: track.grantedEuros },
        at: input.now,
      });
    } else {
      // Every spending line is logged, the makers' too (ADR 028): it is the round's account.
      await writeAudit(tx, {
        userId: input.writer.userId,
        contestId: input.contestId,
        action: "aftercare.spending",
        subject: `idea:${input.ideaId}`,
        after: { description: input.description, amountEuros: input.amountEuros },
        at: input.now,
      });
    }
    return decision;
  });
}

export type Dashboard = { municipalityRole: string; helps: string; hinders: string };

/** What the municipality does, what helps and what hinders: public text on the dashboard, logged like the rest. */
export async function setDashboard(input: { contestId: number; ideaId: number; dashboard: Dashboard; writer: Writer; now: number }): Promise<void> {
  await transact(getDb(), async (tx) => {
    const before = await ensureTrack(tx, input);
    const after = { municipalityRole: input.dashboard.municipalityRole.trim(), helps: input.dashboard.helps.trim(), hinders: input.dashboard.hinders.trim() };
    if (before.municipalityRole === after.municipalityRole && before.helps === after.helps && before.hinders === after.hinders) return;
    await run(
      tx
        .update(realisationTracks)
        .set({ ...after, updatedAt: input.now })
        .where(eq(realisationTracks.ideaId, input.ideaId)),
    );
    await log(tx, input.writer, input, "aftercare.dashboard", after, {
      municipalityRole: before.municipalityRole,
      helps: before.helps,
      hinders: before.hinders,
    });
  });
}

export async function addPartner(input: { contestId: number; ideaId: number; name: string; role: string; writer: Writer; now: number }): Promise<void> {
  await transact(getDb(), async (tx) => {
    await ensureTrack(tx, input);
    await run(tx.insert(realisationPartners).values({ ideaId: input.ideaId, name: input.name.trim(), role: input.role.trim(), createdAt: input.now }));
    await run(tx.update(realisationTracks).set({ updatedAt: input.now }).where(eq(realisationTracks.ideaId, input.ideaId)));
    await log(tx, input.writer, input, "aftercare.partner-added", { name: input.name.trim(), role: input.role.trim() });
  });
}

/** A partner that stops is marked, not deleted: the story keeps who took part. False when not this idea's, or already left. */
export async function partnerLeaves(input: { contestId: number; ideaId: number; partnerId: number; writer: Writer; now: number }): Promise<boolean> {
  return transact(getDb(), async (tx) => {
    const where = and(eq(realisationPartners.id, input.partnerId), eq(realisationPartners.ideaId, input.ideaId), isNull(realisationPartners.leftAt));
    const row = await one(tx.select().from(realisationPartners).where(where));
    if (!row) return false;
    await run(tx.update(realisationPartners).set({ leftAt: input.now }).where(where));
    await log(tx, input.writer, input, "aftercare.partner-left", { name: row.name });
    return true;
  });
}

/** Per idea the grant and the spending lines, for the round's money overview. */
export async function moneyOfIdeas(ideaIds: readonly number[]) {
  if (ideaIds.length === 0) return new Map<number, { grantedEuros: number | null; spending: { amountEuros: number }[] }>();
  const db = getDb();
  const grants = new Map(
    (
      await many(
        db
          .select({ ideaId: realisationTracks.ideaId, grantedEuros: realisationTracks.grantedEuros })
          .from(realisationTracks)
          .where(inArray(realisationTracks.ideaId, [...ideaIds])),
      )
    ).map((r) => [r.ideaId, r.grantedEuros] as const),
  );
  const lines = await many(
    db
      .select({ ideaId: realisationSpending.ideaId, amountEuros: realisationSpending.amountEuros })
      .from(realisationSpending)
      .where(inArray(realisationSpending.ideaId, [...ideaIds])),
  );
  return new Map(
    ideaIds.map((id) => [
      id,
      { grantedEuros: grants.get(id) ?? null, spending: lines.filter((l) => l.ideaId === id).map((l) => ({ amountEuros: l.amountEuros })) },
    ]),
  );
}
