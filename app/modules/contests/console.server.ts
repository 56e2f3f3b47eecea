import { one, many, run } from "~db/query.server";
import { transact } from "~db/transact.server";
import { and, count, eq, inArray, isNotNull, isNull, like } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { contestAreas, contestPhaseOverrides, contestPhases, contestPrizes, contests, contestSubscriptions, areas, organisations } from "~db/schema";
import { writeAudit } from "~/lib/audit.server";
import { freeSlug, slugify } from "~/lib/slug";
import { deletePhotoFiles, withStoredPhoto, type ProcessedPhoto } from "~/lib/photos.server";
import type { ContestDetails } from "./contests.server";
import {
  applyOverride,
  couldReopenVoting,
  type OverrideProblem,
  effectiveSchedule,
  hasPhaseEnded,
  phaseAt,
  PHASES,
  type PhaseOverride,
  type Schedule,
} from "./phases";
import { lockedChanges, type ContestSettings } from "./settings";
import { partsConflicts } from "./budget-parts-form";
import { budgetPartsOf, partsOf } from "./budget-parts.server";

type Actor = { userId: string };

/** The settings form's view of a contest, in the shape of contestSettingsSchema's output. */
export function settingsOf(details: ContestDetails): ContestSettings {
  const c = details.contest;
  return {
    title: c.title,
    intro: c.intro,
    areaIds: details.areas.map((a) => a.id),
    budgetEuros: c.budgetEuros,
    amountsIncludeVat: c.amountsIncludeVat,
    prizes: details.prizes.map((p) => ({ name: p.name, amountEuros: p.amountEuros, description: p.description })),
    votesPerResident: c.votesPerResident,
    allowStacking: c.allowStacking,
    minTaakgroepSize: c.minTaakgroepSize,
    maxShortlist: c.maxShortlist ?? undefined,
    outcomeRule: c.outcomeRule,
    eligibleByAccount: c.eligibleByAccount,
    eligibleByCode: c.eligibleByCode,
    eligibleByPoster: c.eligibleByPoster,
    accountCheck: c.accountCheck,
    minVoterAge: c.minVoterAge ?? undefined,
    retentionDays: c.retentionDays,
  };
}

/** A contest slug from its title that no other contest has (a new round, or an imported archive). */
export async function uniqueContestSlug(title: string): Promise<string> {
  const base = slugify(title);
  return freeSlug(
    base,
    new Set(
      (
        await many(
          getDb()
            .select({ slug: contests.slug })
            .from(contests)
            .where(like(contests.slug, `${base}%`)),
        )
      ).map((r) => r.slug),
    ),
  );
}

/** A new contest starts as a concept with the defaults of the two methods (3 stickers, taakgroep of 4). */
export async function createContest(input: {
  actor: Actor;
  organisationId: number;
  title: string;
  budgetEuros: number;
  now: number;
}): Promise<{ slug: string }> {
  const db = getDb();
  const at = new Date(input.now);
  return transact(db, async (tx) => {
    const slug = await uniqueContestSlug(input.title);
    const created = await one(
      tx
        .insert(contests)
        .values({ organisationId: input.organisationId, slug, title: input.title, budgetEuros: input.budgetEuros, createdAt: at, updatedAt: at })
        .returning(),
    );
    await writeAudit(tx, {
      userId: input.actor.userId,
      contestId: created.id,
      action: "contest.created",
      after: { title: input.title, budgetEuros: input.budgetEuros },
      at: input.now,
    });
    return { slug };
  });
}

export type SettingsResult =
  { ok: true } | { ok: false; lockedFields: string[] } | { ok: false; unknownAreas: true } | { ok: false; partsConflicts: ReturnType<typeof partsConflicts> };

/** Saves the settings in one transaction with an audit line holding the fields that changed, before and after. */
export async function updateContestSettings(input: { actor: Actor; details: ContestDetails; values: ContestSettings; now: number }): Promise<SettingsResult> {
  const { details, values } = input;
  const before = settingsOf(details);
  const locked = lockedChanges(before, values, phaseAt(details.clock, input.now));
  if (locked.length > 0) return { ok: false, lockedFields: locked };
  const parts = await budgetPartsOf(details.contest);
  const conflicts = partsConflicts(values, { split: parts.split, total: partsOf(parts).reduce((sum, p) => sum + p.budget, 0) });
  if (Object.keys(conflicts).length > 0) return { ok: false, partsConflicts: conflicts };
  const db = getDb();
  const municipalityId = (await one(
    db.select({ id: organisations.municipalityId }).from(organisations).where(eq(organisations.id, details.contest.organisationId)),
  ))!.id;
  const allowedAreas = new Set((await many(db.select({ id: areas.id }).from(areas).where(eq(areas.municipalityId, municipalityId)))).map((a) => a.id));
  if (!values.areaIds.every((id) => allowedAreas.has(id))) return { ok: false, unknownAreas: true };

  const changed = (Object.keys(values) as (keyof ContestSettings)[]).filter((k) => JSON.stringify(values[k] ?? null) !== JSON.stringify(before[k] ?? null));
  if (changed.length === 0) return { ok: true };
  const id = details.contest.id;
  await transact(db, async (tx) => {
    await run(
      tx
        .update(contests)
        .set({
          title: values.title,
          intro: values.intro,
          budgetEuros: values.budgetEuros,
          amountsIncludeVat: values.amountsIncludeVat,
          votesPerResident: values.votesPerResident,
          allowStacking: values.allowStacking,
          minTaakgroepSize: values.minTaakgroepSize,
          maxShortlist: values.maxShortlist ?? null,
          outcomeRule: values.outcomeRule,
          eligibleByAccount: values.eligibleByAccount,
          eligibleByCode: values.eligibleByCode,
          eligibleByPoster: values.eligibleByPoster,
          accountCheck: values.accountCheck,
          minVoterAge: values.minVoterAge ?? null,
          // Left empty, the retention period stays as it was.
          retentionDays: values.retentionDays ?? details.contest.retentionDays,
          updatedAt: new Date(input.now),
        })
        .where(eq(contests.id, id)),
    );
    if (changed.includes("areaIds")) {
      await run(tx.delete(contestAreas).where(eq(contestAreas.contestId, id)));
      await run(tx.insert(contestAreas).values(values.areaIds.map((areaId) => ({ contestId: id, areaId }))));
    }
    if (changed.includes("prizes")) {
      await run(tx.delete(contestPrizes).where(eq(contestPrizes.contestId, id)));
      if (values.prizes.length > 0) await run(tx.insert(contestPrizes).values(values.prizes.map((p, i) => ({ contestId: id, position: i + 1, ...p }))));
    }
    await writeAudit(tx, {
      userId: input.actor.userId,
      contestId: id,
      action: "contest.settings-changed",
      before: Object.fromEntries(changed.map((k) => [k, before[k] ?? null])),
      after: Object.fromEntries(changed.map((k) => [k, values[k] ?? null])),
      at: input.now,
    });
  });
  return { ok: true };
}

/** The plan can be rewritten freely while the contest is a concept; after publishing only overrides (with a reason) change it. */
export async function saveSchedule(input: {
  actor: Actor;
  details: ContestDetails;
  schedule: Schedule;
  now: number;
}): Promise<{ ok: true } | { ok: false; published: true }> {
  const { details, schedule } = input;
  if (details.contest.status !== "concept") return { ok: false, published: true };
  const id = details.contest.id;
  await transact(getDb(), async (tx) => {
    await run(tx.delete(contestPhases).where(eq(contestPhases.contestId, id)));
    await run(tx.insert(contestPhases).values(PHASES.map((phase) => ({ contestId: id, phase, startsAt: schedule[phase].start, endsAt: schedule[phase].end }))));
    await writeAudit(tx, {
      userId: input.actor.userId,
      contestId: id,
      action: "contest.schedule-set",
      before: details.schedule,
      after: schedule,
      at: input.now,
    });
  });
  return { ok: true };
}

export type PublishProblem = "no-schedule" | "no-area" | "already-published";

export function publishProblems(details: ContestDetails): PublishProblem[] {
  const problems: PublishProblem[] = [];
  if (details.contest.status !== "concept") problems.push("already-published");
  if (!details.schedule) problems.push("no-schedule");
  if (details.areas.length === 0) problems.push("no-area");
  return problems;
}

export async function publishContest(input: {
  actor: Actor;
  details: ContestDetails;
  now: number;
}): Promise<{ ok: true } | { ok: false; problems: PublishProblem[] }> {
  const problems = publishProblems(input.details);
  if (problems.length > 0) return { ok: false, problems };
  const id = input.details.contest.id;
  await transact(getDb(), async (tx) => {
    await run(
      tx
        .update(contests)
        .set({ status: "gepubliceerd", updatedAt: new Date(input.now) })
        .where(and(eq(contests.id, id), eq(contests.status, "concept"))),
    );
    await writeAudit(tx, {
      userId: input.actor.userId,
      contestId: id,
      action: "contest.published",
      before: { status: "concept" },
      after: { status: "gepubliceerd" },
      at: input.now,
    });
  });
  return { ok: true };
}

/** Why a change of the planning is refused: the schedule's own rules, or the round's state. */
export type PlanningProblem = OverrideProblem | { code: "not-published" } | { code: "count-final" };

/** Closes a phase early, extends it or reopens it: checked against the effective schedule, stored with its reason, logged. */
export async function addPhaseOverride(input: {
  actor: Actor;
  details: ContestDetails;
  override: Omit<PhaseOverride, "at">;
  now: number;
}): Promise<{ ok: true } | { ok: false; problem: PlanningProblem }> {
  const { details } = input;
  if (details.contest.status !== "gepubliceerd" || !details.schedule) return { ok: false, problem: { code: "not-published" } };
  // ADR 007: once totals may be seen, voting stays closed.
  if (details.contest.votingFinalAt !== null && couldReopenVoting(input.override.phase)) return { ok: false, problem: { code: "count-final" } };
  const override: PhaseOverride = { ...input.override, at: input.now };
  const current = effectiveSchedule(details.schedule, details.overrides);
  const applied = applyOverride(current, override);
  if (!applied.ok) return applied;
  const id = details.contest.id;
  await transact(getDb(), async (tx) => {
    await run(
      tx.insert(contestPhaseOverrides).values({
        contestId: id,
        kind: override.kind,
        phase: override.phase,
        at: override.at,
        newEnd: override.newEnd ?? null,
        nextPhase: override.kind === "close-early" ? (override.nextPhase ?? "now") : null,
        reason: override.reason,
        userId: input.actor.userId,
      }),
    );
    await writeAudit(tx, {
      userId: input.actor.userId,
      contestId: id,
      action: `contest.phase-${override.kind}`,
      subject: override.phase,
      before: current[override.phase],
      after: applied.schedule[override.phase],
      reason: override.reason,
      at: input.now,
    });
  });
  return { ok: true };
}

export type FinaliseResult = { ok: true } | { ok: false; reason: "voting-not-ended" };

/**
 * Makes the count final (ADR 007): from then on per-idea totals may be seen, and voting can no longer
 * be reopened nor a ballot declared invalid. Only after voting has ended; doing it twice changes nothing.
 */
export async function finaliseVoting(input: { actor: Actor; details: ContestDetails; now: number }): Promise<FinaliseResult> {
  const { details } = input;
  if (!hasPhaseEnded(phaseAt(details.clock, input.now), "stemmen")) return { ok: false, reason: "voting-not-ended" };
  const id = details.contest.id;
  await transact(getDb(), async (tx) => {
    const set = await run(
      tx
        .update(contests)
        .set({ votingFinalAt: input.now })
        .where(and(eq(contests.id, id), isNull(contests.votingFinalAt))),
    );
    if (set.changes === 1)
      await writeAudit(tx, { userId: input.actor.userId, contestId: id, action: "contest.voting-final", after: { votingFinalAt: input.now }, at: input.now });
  });
  return { ok: true };
}

/** Confirmed followers of the contest who have not unsubscribed. */
export async function subscriberCount(contestId: number): Promise<number> {
  return (await one(
    getDb()
      .select({ n: count() })
      .from(contestSubscriptions)
      .where(and(eq(contestSubscriptions.contestId, contestId), isNotNull(contestSubscriptions.confirmedAt), isNull(contestSubscriptions.unsubscribedAt))),
  ))!.n;
}

/** The organisations in which this person may start a contest (every one for a beheerder). */
export async function organisationsManagedBy(actor: { isBeheerder: boolean; grants: { role: string; organisationId?: number | null }[] }) {
  const db = getDb();
  const query = db.select({ id: organisations.id, name: organisations.name }).from(organisations);
  if (actor.isBeheerder) return many(query.orderBy(organisations.name));
  const ids = actor.grants.flatMap((g) => (g.role === "organisator" && g.organisationId ? [g.organisationId] : []));
  return ids.length === 0 ? [] : many(query.where(inArray(organisations.id, ids)).orderBy(organisations.name));
}

/** Replaces the contest's picture (already re-encoded without metadata); the old files go once the new row is saved. */
export async function setContestImage(input: { actor: Actor; details: ContestDetails; photo: ProcessedPhoto; altText: string; now: number }): Promise<void> {
  const { details, photo } = input;
  const previous = details.contest.imagePath;
  await withStoredPhoto(
    photo,
    async () =>
      transact(getDb(), async (tx) => {
        await run(
          tx
            .update(contests)
            .set({ imagePath: photo.storageKey, imageAlt: input.altText, updatedAt: new Date(input.now) })
            .where(eq(contests.id, details.contest.id)),
        );
        await writeAudit(tx, {
          userId: input.actor.userId,
          contestId: details.contest.id,
          action: "contest.image-changed",
          before: { imageAlt: details.contest.imageAlt },
          after: { imageAlt: input.altText },
          at: input.now,
        });
      }),
    "contests",
  );
  if (previous) await deletePhotoFiles(previous, "contests");
}

/** Takes the contest's picture away; its files go once the row no longer names them. False when there was none. */
export async function removeContestImage(input: { actor: Actor; details: ContestDetails; now: number }): Promise<boolean> {
  const { details } = input;
  const previous = details.contest.imagePath;
  if (!previous) return false;
  await transact(getDb(), async (tx) => {
    await run(
      tx
        .update(contests)
        .set({ imagePath: null, imageAlt: null, updatedAt: new Date(input.now) })
        .where(eq(contests.id, details.contest.id)),
    );
    await writeAudit(tx, {
      userId: input.actor.userId,
      contestId: details.contest.id,
      action: "contest.image-removed",
      before: { imageAlt: details.contest.imageAlt },
      after: {},
      at: input.now,
    });
  });
  await deletePhotoFiles(previous, "contests");
  return true;
}

export async function findContestByImage(storageKey: string) {
  return one(getDb().select({ id: contests.id }).from(contests).where(eq(contests.imagePath, storageKey)));
}
