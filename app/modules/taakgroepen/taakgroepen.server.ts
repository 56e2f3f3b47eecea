import { one, many, run } from "~db/query.server";
import { transact } from "~db/transact.server";
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb, type Tx } from "~db/client.server";
import { ideas, taakgroepen, taakgroepSignups, users, type TaakgroepSignup } from "~db/schema";
import { writeAudit } from "~/lib/audit.server";
import { translator, type Locale } from "~/lib/i18n";
import { notify } from "~/modules/notifications/notify.server";
import {
  csvHeader,
  currentMembers,
  formatTags,
  isFormed,
  parseTags,
  personKey,
  recordCsvRows,
  taakgroepStatus,
  toCsv,
  visibleMembers,
  type Member,
  type OrganiserState,
  type RecordRow,
  type TaakgroepStatus,
  type TaakgroepTag,
} from "./record";

// The taakgroep use cases on top of the record in db/schema/taakgroepen.ts. The ballot's "ik doe mee"
// (signups.server.ts) writes the same rows; this file adds the idea page's sign-up, withdrawal, the
// organiser's marks, the "your group is formed" mail and the export.

function toRecordRow(r: TaakgroepSignup): RecordRow {
  return {
    id: r.id,
    ideaId: r.ideaId,
    userId: r.userId,
    name: r.name,
    contact: r.contact,
    sharesContact: r.sharesContact,
    kind: r.kind,
    skills: r.skills,
    tags: parseTags(r.tags),
    timeAvailable: r.timeAvailable,
    createdAt: r.createdAt,
  };
}

type Conn = Pick<ReturnType<typeof getDb>, "select">;

async function recordOf(db: Conn, contestId: number, ideaId?: number): Promise<RecordRow[]> {
  const where =
    ideaId === undefined ? eq(taakgroepSignups.contestId, contestId) : and(eq(taakgroepSignups.contestId, contestId), eq(taakgroepSignups.ideaId, ideaId));
  return (await many(db.select().from(taakgroepSignups).where(where).orderBy(asc(taakgroepSignups.createdAt), asc(taakgroepSignups.id)))).map(toRecordRow);
}

async function stateOf(db: Conn, ideaId: number) {
  return (await one(db.select().from(taakgroepen).where(eq(taakgroepen.ideaId, ideaId)))) ?? null;
}

export type SignupInput = {
  contestId: number;
  ideaId: number;
  /** null for a sign-up an organiser typed in from paper; that organiser is `enteredBy`, and logged. */
  userId: string | null;
  enteredBy?: string;
  name: string;
  contact: string;
  skills: string | null;
  tags: readonly TaakgroepTag[];
  timeAvailable: string | null;
  sharesContact: boolean;
  minimum: number;
  now: number;
};

export type TaakgroepView = {
  status: TaakgroepStatus;
  /** The viewer's own current sign-up, to show "you are in" and the withdraw button. */
  own: Member | null;
  /** Members with their contact, only for those allowed to see them and only those who consented. */
  members: Member[] | null;
};

export async function taakgroepView(input: {
  contestId: number;
  ideaId: number;
  minimum: number;
  userId: string | null;
  canSeeMembers: boolean;
}): Promise<TaakgroepView> {
  const db = getDb();
  const members = currentMembers(await recordOf(db, input.contestId, input.ideaId));
  const state = (await stateOf(db, input.ideaId))?.state ?? null;
  const ownKey = input.userId ? personKey({ userId: input.userId, contact: "" }) : null;
  return {
    status: taakgroepStatus(members, input.minimum, state),
    own: ownKey ? (members.find((m) => personKey(m) === ownKey) ?? null) : null,
    members: input.canSeeMembers ? visibleMembers(members) : null,
  };
}

/** Statuses of every taakgroep in a contest, for the organiser's overview. */
export async function contestTaakgroepen(contestId: number, minimum: number) {
  const db = getDb();
  const rows = await recordOf(db, contestId);
  const ideaRows = await many(
    db
      .select({ id: ideas.id, title: ideas.title, state: taakgroepen.state })
      .from(ideas)
      .leftJoin(taakgroepen, eq(taakgroepen.ideaId, ideas.id))
      .where(and(eq(ideas.contestId, contestId), inArray(ideas.status, ["submitted", "shortlisted"])))
      .orderBy(asc(ideas.title)),
  );
  return ideaRows.map((idea) => {
    const members = currentMembers(rows.filter((r) => r.ideaId === idea.id));
    return {
      ideaId: idea.id,
      title: idea.title,
      status: taakgroepStatus(members, minimum, idea.state ?? null),
      members: members.length,
      visible: visibleMembers(members),
    };
  });
}

function looksLikeEmail(contact: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contact.trim());
}

type FormedMail = { to: string; locale: Locale; subject: string; text: string };

/**
 * The mails to send when a group has just reached its minimum: each member with an email address hears
 * how to reach the others, in the language of their account.
 */
export function formedMails(input: { ideaTitle: string; members: readonly Member[]; link: string; localeOf: (userId: string | null) => Locale }): FormedMail[] {
  const shared = visibleMembers(input.members);
  const list = shared.map((m) => `- ${m.name}: ${m.contact}`).join("\n");
  return input.members
    .filter((m) => looksLikeEmail(m.contact))
    .map((m) => {
      const locale = input.localeOf(m.userId);
      const t = translator(locale);
      const params = { name: m.name, title: input.ideaTitle, link: input.link };
      const contacts = shared.length > 0 ? t("taakgroepen.mail.formedContacts", { list }) : t("taakgroepen.mail.formedNoContacts");
      return {
        to: m.contact.trim(),
        locale,
        subject: t("taakgroepen.mail.formedSubject", params),
        text: t("taakgroepen.mail.formedBody", { ...params, contacts }),
      };
    });
}

async function localesOf(tx: Tx, userIds: readonly (string | null)[]): Promise<(userId: string | null) => Locale> {
  const ids = userIds.filter((id): id is string => id !== null);
  const rows = ids.length === 0 ? [] : await many(tx.select({ id: users.id, locale: users.locale }).from(users).where(inArray(users.id, ids)));
  const byId = new Map(rows.map((r) => [r.id, r.locale]));
  return (userId) => (userId ? byId.get(userId) : undefined) ?? "nl";
}

/**
 * "Ik doe mee" from the idea page: a sign-up row (a second one updates the first, see currentMembers).
 * When this makes the group reach its minimum for the first time, the members are mailed, once.
 */
export async function joinTaakgroep(input: SignupInput & { ideaTitle: string; origin: string; ideaPath: string }): Promise<{ formedNow: boolean }> {
  const db = getDb();
  const mails = await transact(db, async (tx) => {
    await run(
      tx.insert(taakgroepSignups).values({
        contestId: input.contestId,
        ideaId: input.ideaId,
        userId: input.userId,
        name: input.name.trim(),
        contact: input.contact.trim(),
        consentAt: input.now,
        kind: "signup",
        createdAt: input.now,
        skills: input.skills?.trim() || null,
        tags: formatTags(input.tags),
        timeAvailable: input.timeAvailable?.trim() || null,
        sharesContact: input.sharesContact,
      }),
    );
    if (input.enteredBy) {
      await writeAudit(tx, {
        userId: input.enteredBy,
        contestId: input.contestId,
        action: "taakgroep.paper-signup",
        subject: input.ideaTitle,
        after: { name: input.name.trim() },
        at: input.now,
      });
    }
    const members = currentMembers(await recordOf(tx, input.contestId, input.ideaId));
    const state = await stateOf(tx, input.ideaId);
    if (!isFormed(members.length, input.minimum) || state?.formedMailAt != null) return [];
    if (state) await run(tx.update(taakgroepen).set({ formedMailAt: input.now, updatedAt: input.now }).where(eq(taakgroepen.ideaId, input.ideaId)));
    else await run(tx.insert(taakgroepen).values({ ideaId: input.ideaId, contestId: input.contestId, formedMailAt: input.now, updatedAt: input.now }));
    return formedMails({
      ideaTitle: input.ideaTitle,
      members,
      link: `${input.origin}${input.ideaPath}`,
      localeOf: await localesOf(
        tx,
        members.map((m) => m.userId),
      ),
    });
  });
  for (const mail of mails) await notify({ kind: "taakgroep", ...mail, origin: input.origin });
  return { formedNow: mails.length > 0 || false };
}

/** Withdrawal is a row: the record keeps that this person joined and left. Returns false when they were not in. */
export async function withdrawFromTaakgroep(input: { contestId: number; ideaId: number; userId: string; now: number }): Promise<boolean> {
  return transact(getDb(), async (tx) => withdrawWithin(tx, input));
}

/** The withdrawal as part of a larger transaction (deleting an account withdraws from every group). */
export async function withdrawWithin(tx: Tx, input: { contestId: number; ideaId: number; userId: string; now: number }): Promise<boolean> {
  const key = personKey({ userId: input.userId, contact: "" });
  const member = currentMembers(await recordOf(tx, input.contestId, input.ideaId)).find((m) => personKey(m) === key);
  if (!member) return false;
  await run(
    tx.insert(taakgroepSignups).values({
      contestId: input.contestId,
      ideaId: input.ideaId,
      userId: input.userId,
      name: member.name,
      contact: member.contact,
      consentAt: input.now,
      kind: "withdrawal",
      createdAt: input.now,
      sharesContact: member.sharesContact,
    }),
  );
  return true;
}

/** An organiser marks a taakgroep active, finished or stopped (or clears the mark); logged. */
export async function markTaakgroep(input: { contestId: number; ideaId: number; state: OrganiserState | null; userId: string; now: number }): Promise<void> {
  const db = getDb();
  await transact(db, async (tx) => {
    const before = await stateOf(tx, input.ideaId);
    if ((before?.state ?? null) === input.state) return;
    if (before) await run(tx.update(taakgroepen).set({ state: input.state, updatedAt: input.now }).where(eq(taakgroepen.ideaId, input.ideaId)));
    else await run(tx.insert(taakgroepen).values({ ideaId: input.ideaId, contestId: input.contestId, state: input.state, updatedAt: input.now }));
    await writeAudit(tx, {
      userId: input.userId,
      contestId: input.contestId,
      action: "taakgroep.mark",
      subject: `idea:${input.ideaId}`,
      before: { state: before?.state ?? null },
      after: { state: input.state },
      at: input.now,
    });
  });
}

/** The record as CSV, per contest or per idea; logged, since it holds contact details. */
export async function exportTaakgroepCsv(input: {
  contestId: number;
  ideaId?: number;
  userId: string;
  now: number;
  formatDate: (ms: number) => string;
}): Promise<string> {
  const db = getDb();
  const rows = await recordOf(db, input.contestId, input.ideaId);
  const titles = new Map(
    (await many(db.select({ id: ideas.id, title: ideas.title }).from(ideas).where(eq(ideas.contestId, input.contestId)))).map((i) => [i.id, i.title] as const),
  );
  await writeAudit(db, {
    userId: input.userId,
    contestId: input.contestId,
    action: "taakgroep.export",
    subject: input.ideaId === undefined ? "contest" : `idea:${input.ideaId}`,
    at: input.now,
  });
  return toCsv(csvHeader, recordCsvRows(rows, titles, input.formatDate));
}
