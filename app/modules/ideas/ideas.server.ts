import { keepableChangeVersion } from "~db/change-version.server";
import { onConnection } from "~db/sqlite-engine.server";
import { one, many, run } from "~db/query.server";
import { dialectOf, transact } from "~db/transact.server";
import { and, asc, count, eq, inArray, isNotNull, isNull, notInArray, sql } from "drizzle-orm";
import { getDb, type Db } from "~db/client.server";
import { contests, ideaBuurten, ideaCategories, ideaCoInitiators, ideaCostLines, ideaPhotos, ideas, users, type Idea, type NewIdea } from "~db/schema";
import { writeAudit } from "~/lib/audit.server";
import { deletePhotoFiles, withStoredPhoto, type ProcessedPhoto } from "~/lib/photos.server";
import { newToken, sha256 } from "./tokens.server";
import type { CostLine } from "./rules";

// Use cases of handing in and changing ideas. Every change is one transaction; organiser changes
// carry their audit line in the same transaction.

type Tx = ReturnType<typeof getDb>;

export type IdeaContent = {
  title: string;
  summary?: string;
  description?: string;
  costEuros?: number;
  costLines: CostLine[];
  categoryId?: number;
  buurtId?: number;
  locationText?: string;
  point?: { latitude: number; longitude: number };
  helpNeeded?: string;
};

export type NewPhoto = { processed: ProcessedPhoto; altText: string };

export type ListOption = { id: number; name: string };

export async function getIdeaLists(contestId: number): Promise<{ categories: ListOption[]; buurten: ListOption[] }> {
  const db = getDb();
  return {
    categories: await many(
      db
        .select({ id: ideaCategories.id, name: ideaCategories.name })
        .from(ideaCategories)
        .where(eq(ideaCategories.contestId, contestId))
        .orderBy(asc(ideaCategories.position), asc(ideaCategories.name)),
    ),
    buurten: await many(
      db
        .select({ id: ideaBuurten.id, name: ideaBuurten.name })
        .from(ideaBuurten)
        .where(eq(ideaBuurten.contestId, contestId))
        .orderBy(asc(ideaBuurten.position), asc(ideaBuurten.name)),
    ),
  };
}

export async function getIdea(contestId: number, ideaId: number): Promise<Idea | undefined> {
  return one(
    getDb()
      .select()
      .from(ideas)
      .where(and(eq(ideas.id, ideaId), eq(ideas.contestId, contestId))),
  );
}

export async function acceptedCoInitiatorIds(ideaId: number): Promise<string[]> {
  return (
    await many(
      getDb()
        .select({ userId: ideaCoInitiators.userId })
        .from(ideaCoInitiators)
        .where(and(eq(ideaCoInitiators.ideaId, ideaId), isNotNull(ideaCoInitiators.userId))),
    )
  ).map((r) => r.userId!);
}

export async function countPhotos(ideaId: number): Promise<number> {
  return (await many(getDb().select({ id: ideaPhotos.id }).from(ideaPhotos).where(eq(ideaPhotos.ideaId, ideaId)))).length;
}

function contentColumns(values: IdeaContent): Partial<NewIdea> {
  const costFromLines = values.costLines.length > 0 ? values.costLines.reduce((sum, l) => sum + l.amountEuros, 0) : undefined;
  return {
    title: values.title,
    summary: values.summary ?? "",
    description: values.description ?? "",
    costEuros: values.costEuros ?? costFromLines ?? null,
    categoryId: values.categoryId ?? null,
    buurtId: values.buurtId ?? null,
    locationText: values.locationText ?? null,
    latitude: values.point?.latitude ?? null,
    longitude: values.point?.longitude ?? null,
    helpNeeded: values.helpNeeded ?? "",
  };
}

async function replaceCostLines(tx: Tx, ideaId: number, lines: readonly CostLine[]) {
  await run(tx.delete(ideaCostLines).where(eq(ideaCostLines.ideaId, ideaId)));
  if (lines.length > 0) {
    await run(tx.insert(ideaCostLines).values(lines.map((l, i) => ({ ideaId, position: i + 1, description: l.description, amountEuros: l.amountEuros }))));
  }
}

async function insertPhoto(tx: Tx, ideaId: number, photo: NewPhoto | null, now: number) {
  if (!photo) return;
  await run(
    tx.insert(ideaPhotos).values({
      ideaId,
      storageKey: photo.processed.storageKey,
      altText: photo.altText,
      width: photo.processed.width,
      height: photo.processed.height,
      createdAt: new Date(now),
    }),
  );
}

export type Author =
  | { kind: "user"; userId: string }
  | { kind: "anonymous"; draftToken: string }
  | { kind: "paper"; name: string; contact?: string; consentHow: string; enteredByUserId: string };

/**
 * A new idea: a draft (by a user or an anonymous visitor holding a token) or a paper idea an
 * organiser enters, which is handed in at once, marked as paper, with the resident's consent.
 */
export async function createIdea(input: { contestId: number; values: IdeaContent; author: Author; photo: NewPhoto | null; now: number }): Promise<number> {
  const at = new Date(input.now);
  const { author } = input;
  return withStoredPhoto(input.photo?.processed ?? null, async () =>
    transact(getDb(), async (tx) => {
      const base: NewIdea = { contestId: input.contestId, title: input.values.title, createdAt: at, updatedAt: at, ...contentColumns(input.values) };
      const authorColumns: Partial<NewIdea> =
        author.kind === "user"
          ? { ownerUserId: author.userId }
          : author.kind === "anonymous"
            ? { draftTokenHash: sha256(author.draftToken) }
            : {
                isPaper: true,
                paperName: author.name,
                paperContact: author.contact ?? null,
                paperConsentAt: at,
                paperConsentHow: author.consentHow,
                enteredByUserId: author.enteredByUserId,
                status: "submitted",
                submittedAt: at,
                contactConfirmedAt: at,
              };
      const created = await one(
        tx
          .insert(ideas)
          .values({ ...base, ...authorColumns })
          .returning({ id: ideas.id }),
      );
      await replaceCostLines(tx, created.id, input.values.costLines);
      await insertPhoto(tx, created.id, input.photo, input.now);
      if (author.kind === "paper") {
        await writeAudit(tx, {
          userId: author.enteredByUserId,
          contestId: input.contestId,
          action: "idea.paper-entered",
          subject: `idea:${created.id}`,
          after: { title: input.values.title, paperName: author.name, consentHow: author.consentHow },
          at: input.now,
        });
      }
      return created.id;
    }),
  );
}

const auditedFields = ["title", "summary", "description", "costEuros", "categoryId", "buurtId", "locationText", "latitude", "longitude", "helpNeeded"] as const;

/**
 * Saves new content (and maybe one new photo). `logged` is set for organisers: their change goes into
 * the audit log with the fields before and after, in the same transaction.
 */
export async function updateIdea(input: {
  idea: Idea;
  values: IdeaContent;
  photo: NewPhoto | null;
  actorUserId: string | null;
  logged: boolean;
  now: number;
}): Promise<void> {
  const { idea } = input;
  const columns = contentColumns(input.values);
  await withStoredPhoto(input.photo?.processed ?? null, async () =>
    transact(getDb(), async (tx) => {
      await run(
        tx
          .update(ideas)
          .set({ ...columns, updatedAt: new Date(input.now) })
          .where(eq(ideas.id, idea.id)),
      );
      await replaceCostLines(tx, idea.id, input.values.costLines);
      await insertPhoto(tx, idea.id, input.photo, input.now);
      if (input.logged) {
        const changed = auditedFields.filter((f) => (columns[f] ?? null) !== (idea[f] ?? null));
        await writeAudit(tx, {
          userId: input.actorUserId,
          contestId: idea.contestId,
          action: "idea.updated-by-organiser",
          subject: `idea:${idea.id}`,
          before: Object.fromEntries(changed.map((f) => [f, idea[f]])),
          after: Object.fromEntries(changed.map((f) => [f, columns[f]])),
          at: input.now,
        });
      }
    }),
  );
}

/**
 * Hands in a draft. A user who logged in (or had an account) is confirmed at once; an account made
 * at the end of handing in first confirms its email: then a token is returned for the mail.
 */
export async function submitDraft(input: {
  ideaId: number;
  ownerUserId: string;
  confirmed: boolean;
  now: number;
}): Promise<{ ok: true; confirmToken: string | null } | { ok: false }> {
  const at = new Date(input.now);
  const confirmToken = input.confirmed ? null : newToken();
  const changed = await run(
    getDb()
      .update(ideas)
      .set({
        status: "submitted",
        submittedAt: at,
        updatedAt: at,
        ownerUserId: input.ownerUserId,
        draftTokenHash: null,
        contactConfirmedAt: input.confirmed ? at : null,
        confirmTokenHash: confirmToken ? sha256(confirmToken) : null,
      })
      .where(and(eq(ideas.id, input.ideaId), eq(ideas.status, "draft"))),
  );
  return changed.changes === 1 ? { ok: true, confirmToken } : { ok: false };
}

/** An anonymous draft becomes the user's when they log in or make their account. */
export async function claimDraft(input: { ideaId: number; userId: string; now: number }): Promise<void> {
  await run(
    getDb()
      .update(ideas)
      .set({ ownerUserId: input.userId, draftTokenHash: null, updatedAt: new Date(input.now) })
      .where(and(eq(ideas.id, input.ideaId), isNull(ideas.ownerUserId))),
  );
}

/** The link in the submission mail: the idea shows in the list once its email address is confirmed. */
export async function confirmIdeaContact(input: { token: string; now: number }): Promise<{ ideaId: number; ownerUserId: string | null } | null> {
  const row = await one(
    getDb()
      .update(ideas)
      .set({ contactConfirmedAt: new Date(input.now), confirmTokenHash: null })
      .where(and(eq(ideas.confirmTokenHash, sha256(input.token)), isNull(ideas.contactConfirmedAt)))
      .returning({ id: ideas.id, ownerUserId: ideas.ownerUserId }),
  );
  return row ? { ideaId: row.id, ownerUserId: row.ownerUserId } : null;
}

export async function isConfirmTokenUsable(token: string): Promise<boolean> {
  return (
    (await one(
      getDb()
        .select({ id: ideas.id })
        .from(ideas)
        .where(eq(ideas.confirmTokenHash, sha256(token))),
    )) !== undefined
  );
}

/** Withdrawing keeps the idea (status withdrawn); it leaves the list. Logged, so organisers see who withdrew. */
export async function withdrawIdea(input: { idea: Idea; actorUserId: string | null; now: number }): Promise<void> {
  const { idea } = input;
  await transact(getDb(), async (tx) => {
    await run(
      tx
        .update(ideas)
        .set({ status: "withdrawn", withdrawnAt: new Date(input.now), updatedAt: new Date(input.now) })
        .where(eq(ideas.id, idea.id)),
    );
    await writeAudit(tx, {
      userId: input.actorUserId,
      contestId: idea.contestId,
      action: "idea.withdrawn",
      subject: `idea:${idea.id}`,
      before: { status: idea.status },
      after: { status: "withdrawn" },
      at: input.now,
    });
  });
}

/** A draft was never public: throwing it away deletes it with its photos. */
export async function discardDraft(idea: Idea): Promise<void> {
  if (idea.status !== "draft") throw new Error("Only drafts can be thrown away");
  // The photos are read and the draft deleted in one transaction, and the files go only when the row
  // did: `idea` may be stale (handed in, or a photo added, since it was read).
  const keys = await transact(getDb(), async (tx) => {
    const photos = await many(tx.select({ key: ideaPhotos.storageKey }).from(ideaPhotos).where(eq(ideaPhotos.ideaId, idea.id)));
    const deleted = await run(tx.delete(ideas).where(and(eq(ideas.id, idea.id), eq(ideas.status, "draft"))));
    return deleted.changes === 1 ? photos : [];
  });
  for (const { key } of keys) await deletePhotoFiles(key);
}

/** The makers remove one of their photos; a photo hidden by moderation stays (hidden content is never deleted). */
export async function removePhoto(input: { idea: Idea; photoId: number; actorUserId: string | null; logged: boolean; now: number }): Promise<boolean> {
  const db = getDb();
  const photo = await one(
    db
      .select()
      .from(ideaPhotos)
      .where(and(eq(ideaPhotos.id, input.photoId), eq(ideaPhotos.ideaId, input.idea.id), isNull(ideaPhotos.hiddenAt))),
  );
  if (!photo) return false;
  await transact(db, async (tx) => {
    await run(tx.delete(ideaPhotos).where(eq(ideaPhotos.id, photo.id)));
    if (input.logged) {
      await writeAudit(tx, {
        userId: input.actorUserId,
        contestId: input.idea.contestId,
        action: "idea.photo-removed-by-organiser",
        subject: `idea:${input.idea.id}`,
        before: { photoId: photo.id, altText: photo.altText },
        at: input.now,
      });
    }
  });
  await deletePhotoFiles(photo.storageKey);
  return true;
}

export async function saveWorkOut(input: {
  idea: Idea;
  values: { plan: string; planning: string; helpers: string; costEuros?: number; costLines: CostLine[] };
  actorUserId: string | null;
  logged: boolean;
  now: number;
}): Promise<void> {
  const { idea, values } = input;
  const total = values.costEuros ?? values.costLines.reduce((sum, l) => sum + l.amountEuros, 0);
  await transact(getDb(), async (tx) => {
    await run(
      tx
        .update(ideas)
        .set({
          plan: values.plan,
          planning: values.planning,
          helpers: values.helpers,
          costEuros: total,
          workedOutAt: new Date(input.now),
          updatedAt: new Date(input.now),
        })
        .where(eq(ideas.id, idea.id)),
    );
    await replaceCostLines(tx, idea.id, values.costLines);
    if (input.logged) {
      await writeAudit(tx, {
        userId: input.actorUserId,
        contestId: idea.contestId,
        action: "idea.worked-out-by-organiser",
        subject: `idea:${idea.id}`,
        before: { plan: idea.plan, planning: idea.planning, helpers: idea.helpers, costEuros: idea.costEuros },
        after: { plan: values.plan, planning: values.planning, helpers: values.helpers, costEuros: total },
        at: input.now,
      });
    }
  });
}

// ---------------------------------------------------------------------------
// Reading

export type IdeaCard = {
  id: number;
  title: string;
  summary: string;
  costEuros: number | null;
  status: "submitted" | "shortlisted";
  buurtId: number | null;
  buurtName: string | null;
  categoryId: number | null;
  categoryName: string | null;
  photo: { storageKey: string; altText: string } | null;
  point: { latitude: number; longitude: number } | null;
};

/** The points of the ideas everyone may see (the same ones as the list): where a round's map starts. */
export async function publicIdeaPoints(contestId: number): Promise<{ latitude: number; longitude: number }[]> {
  return (
    await many(
      getDb()
        .select({ latitude: ideas.latitude, longitude: ideas.longitude })
        .from(ideas)
        .where(
          and(
            eq(ideas.contestId, contestId),
            inArray(ideas.status, ["submitted", "shortlisted"]),
            isNull(ideas.hiddenAt),
            isNotNull(ideas.contactConfirmedAt),
            isNotNull(ideas.latitude),
            isNotNull(ideas.longitude),
          ),
        ),
    )
  ).flatMap((p) => (p.latitude !== null && p.longitude !== null ? [{ latitude: p.latitude, longitude: p.longitude }] : []));
}

/** Which ideas everyone may see in the list: handed in, confirmed, not hidden. */
const publicIdea = (contestId: number | ReturnType<typeof sql.placeholder>) =>
  and(eq(ideas.contestId, contestId), inArray(ideas.status, ["submitted", "shortlisted"]), isNull(ideas.hiddenAt), isNotNull(ideas.contactConfirmedAt));

/**
 * The list's queries, built once per connection (issue 19): the idea list and the ballot run them on
 * every view, and building drizzle's SQL cost more than running it. Only the columns a card needs (the
 * whole row has some 40; the description, the longest text, only for a search), and the photos by the
 * round rather than by a list of idea ids, whose SQL grew with every idea.
 */
function publicListBuilders(db: Db, contestId: number | ReturnType<typeof sql.placeholder>) {
  return {
    ideas: db
      .select({
        id: ideas.id,
        title: ideas.title,
        summary: ideas.summary,
        costEuros: ideas.costEuros,
        status: ideas.status,
        buurtId: ideas.buurtId,
        categoryId: ideas.categoryId,
        latitude: ideas.latitude,
        longitude: ideas.longitude,
        buurtName: ideaBuurten.name,
        categoryName: ideaCategories.name,
      })
      .from(ideas)
      .leftJoin(ideaBuurten, eq(ideas.buurtId, ideaBuurten.id))
      .leftJoin(ideaCategories, eq(ideas.categoryId, ideaCategories.id))
      .where(publicIdea(contestId)),
    photos: db
      .select({ ideaId: ideaPhotos.ideaId, storageKey: ideaPhotos.storageKey, altText: ideaPhotos.altText })
      .from(ideaPhotos)
      .innerJoin(ideas, eq(ideaPhotos.ideaId, ideas.id))
      .where(and(publicIdea(contestId), isNull(ideaPhotos.hiddenAt)))
      .orderBy(asc(ideaPhotos.id)),
    descriptions: db.select({ id: ideas.id, description: ideas.description }).from(ideas).where(publicIdea(contestId)),
  };
}

function buildPublicListQueries(db: Db) {
  const built = publicListBuilders(db, sql.placeholder("contestId"));
  return { ideas: built.ideas.prepare(), photos: built.photos.prepare(), descriptions: built.descriptions.prepare() };
}

/** The list's PostgreSQL twin: the same queries, awaited, and nothing kept (no data_version there yet). */
async function readPublicListOnPostgres(db: Db, contestId: number) {
  const built = publicListBuilders(db, contestId);
  return { ideas: await many(built.ideas), photos: await many(built.photos) };
}

const publicListStatements = new WeakMap<Db, ReturnType<typeof buildPublicListQueries>>();

function publicListQueries(db: Db) {
  let queries = publicListStatements.get(db);
  if (!queries) {
    queries = buildPublicListQueries(db);
    publicListStatements.set(db, queries);
  }
  return queries;
}

/** The descriptions of the ideas in the list, by idea id: what a search looks through besides title and summary. */
export async function publicIdeaDescriptions(contestId: number): Promise<Map<number, string>> {
  const db = getDb();
  if (dialectOf(db) === "postgres") return new Map((await many(publicListBuilders(db, contestId).descriptions)).map((r) => [r.id, r.description]));
  return onConnection(
    db.$client,
    () =>
      new Map(
        publicListQueries(db)
          .descriptions.all({ contestId })
          .map((r) => [r.id, r.description]),
      ),
  );
}

/** The ideas everyone may see in the list: handed in, confirmed, not hidden. Unordered: the route shuffles. */
export async function listPublicIdeas(contestId: number): Promise<readonly Readonly<IdeaCard>[]> {
  const db = getDb();
  if (dialectOf(db) === "postgres") return cardsOf(await readPublicListOnPostgres(db, contestId));
  // Read in one go on the connection (queued while another request's transaction is open, so never
  // what it has not committed); only then does "no transaction open" mean the list may be kept.
  return onConnection(db.$client, () => keptOrReadPublicIdeas(db, contestId));
}

function keptOrReadPublicIdeas(db: Db, contestId: number): readonly Readonly<IdeaCard>[] {
  const version = keepableChangeVersion(db);
  const kept = keptLists.get(db);
  if (version !== null && kept?.version === version) {
    const list = kept.lists.get(contestId);
    if (list) return list;
  }
  const list = readPublicIdeas(db, contestId);
  if (version === null) return list;
  if (kept?.version === version) kept.lists.set(contestId, list);
  else keptLists.set(db, { version, lists: new Map([[contestId, list]]) });
  return list;
}

function readPublicIdeas(db: Db, contestId: number): IdeaCard[] {
  const queries = publicListQueries(db);
  const ideaRows = queries.ideas.all({ contestId });
  return ideaRows.length === 0 ? [] : cardsOf({ ideas: ideaRows, photos: queries.photos.all({ contestId }) });
}

type PublicListRows = {
  ideas: Awaited<ReturnType<typeof readPublicListOnPostgres>>["ideas"];
  photos: { ideaId: number; storageKey: string; altText: string }[];
};

function cardsOf({ ideas: rows, photos }: PublicListRows): IdeaCard[] {
  const firstPhoto = new Map<number, { storageKey: string; altText: string }>();
  for (const p of photos) if (!firstPhoto.has(p.ideaId)) firstPhoto.set(p.ideaId, { storageKey: p.storageKey, altText: p.altText });
  return rows.map(({ latitude, longitude, ...idea }) =>
    Object.freeze({
      ...idea,
      status: idea.status as "submitted" | "shortlisted",
      photo: firstPhoto.get(idea.id) ?? null,
      point: latitude !== null && longitude !== null ? { latitude, longitude } : null,
    }),
  );
}

// The public list of a round is kept until the database changes (issue 19): the idea list and the
// ballot read it on every view, and it changes only when someone writes. "Changes" is any write at all,
// by this process or another one (db/change-version.server.ts: on SQLite total_changes(), which counts
// trigger writes too, and PRAGMA data_version; on PostgreSQL this server's commits and every other
// server's notices): a vote empties it as well, which costs a read of the list, as before. Nothing is
// kept from inside a transaction, which could still roll back. The cards are frozen: callers share them.
const keptLists = new WeakMap<Db, { version: number; lists: Map<number, readonly Readonly<IdeaCard>[]> }>();

/** The user's own ideas in this contest that are not (yet) in the public list: drafts and unconfirmed ones. */
export async function listOwnUnlistedIdeas(contestId: number, userId: string | null, draftIds: readonly number[]) {
  const db = getDb();
  const mine = userId
    ? await many(
        db
          .select({ id: ideas.id, title: ideas.title, status: ideas.status, contactConfirmedAt: ideas.contactConfirmedAt, hiddenAt: ideas.hiddenAt })
          .from(ideas)
          .where(and(eq(ideas.contestId, contestId), eq(ideas.ownerUserId, userId))),
      )
    : [];
  const held =
    draftIds.length > 0
      ? await many(
          db
            .select({ id: ideas.id, title: ideas.title, status: ideas.status, contactConfirmedAt: ideas.contactConfirmedAt, hiddenAt: ideas.hiddenAt })
            .from(ideas)
            .where(and(eq(ideas.contestId, contestId), inArray(ideas.id, [...draftIds]), eq(ideas.status, "draft"), isNull(ideas.ownerUserId))),
        )
      : [];
  return [...mine, ...held]
    .filter((i) => i.status === "draft" || (i.status !== "withdrawn" && (!i.contactConfirmedAt || i.hiddenAt)))
    .map((i) => ({ id: i.id, title: i.title, status: i.status, hidden: Boolean(i.hiddenAt), unconfirmed: !i.contactConfirmedAt }));
}

export type IdeaDetails = {
  photos: { id: number; storageKey: string; altText: string; width: number; height: number; hidden: boolean; hiddenReason: string | null }[];
  costLines: { description: string; amountEuros: number }[];
  owner: { id: string; name: string; email: string; locale: "nl" | "en" } | null;
  coInitiators: { id: number; email: string; name: string | null; userId: string | null; accepted: boolean }[];
  categoryName: string | null;
  buurtName: string | null;
};

/** Everything shown on the idea page besides the idea row itself. */
export async function getIdeaDetails(idea: Idea): Promise<IdeaDetails> {
  const db = getDb();
  const owner = idea.ownerUserId
    ? ((await one(db.select({ id: users.id, name: users.name, email: users.email, locale: users.locale }).from(users).where(eq(users.id, idea.ownerUserId)))) ??
      null)
    : null;
  return {
    photos: (await many(db.select().from(ideaPhotos).where(eq(ideaPhotos.ideaId, idea.id)).orderBy(asc(ideaPhotos.id)))).map((p) => ({
      id: p.id,
      storageKey: p.storageKey,
      altText: p.altText,
      width: p.width,
      height: p.height,
      hidden: Boolean(p.hiddenAt),
      hiddenReason: p.hiddenReason,
    })),
    costLines: await many(
      db
        .select({ description: ideaCostLines.description, amountEuros: ideaCostLines.amountEuros })
        .from(ideaCostLines)
        .where(eq(ideaCostLines.ideaId, idea.id))
        .orderBy(asc(ideaCostLines.position)),
    ),
    owner,
    coInitiators: (
      await many(
        db
          .select({
            id: ideaCoInitiators.id,
            email: ideaCoInitiators.email,
            name: users.name,
            userId: ideaCoInitiators.userId,
            acceptedAt: ideaCoInitiators.acceptedAt,
          })
          .from(ideaCoInitiators)
          .leftJoin(users, eq(ideaCoInitiators.userId, users.id))
          .where(eq(ideaCoInitiators.ideaId, idea.id))
          .orderBy(asc(ideaCoInitiators.id)),
      )
    ).map((c) => ({ id: c.id, email: c.email, name: c.name, userId: c.userId, accepted: c.acceptedAt !== null })),
    categoryName: idea.categoryId
      ? ((await one(db.select({ name: ideaCategories.name }).from(ideaCategories).where(eq(ideaCategories.id, idea.categoryId))))?.name ?? null)
      : null,
    buurtName: idea.buurtId
      ? ((await one(db.select({ name: ideaBuurten.name }).from(ideaBuurten).where(eq(ideaBuurten.id, idea.buurtId))))?.name ?? null)
      : null,
  };
}

/** Initiator names as shown publicly: the indiener (or paper name) and accepted co-initiators. */
export function initiatorNames(idea: Idea, details: IdeaDetails): string[] {
  const first = idea.isPaper ? idea.paperName : details.owner?.name;
  return [first, ...details.coInitiators.filter((c) => c.accepted).map((c) => c.name)].filter((n): n is string => Boolean(n));
}

/** The form's view of a stored idea, in the shape the idea form expects (strings as typed). */
export function formDefaults(idea: Idea, costLines: readonly { description: string; amountEuros: number }[]) {
  return {
    title: idea.title,
    summary: idea.summary,
    description: idea.description,
    costEuros: idea.costEuros === null ? "" : String(idea.costEuros),
    costLines: costLines.map((l) => ({ description: l.description, amount: String(l.amountEuros) })),
    categoryId: idea.categoryId === null ? "" : String(idea.categoryId),
    buurtId: idea.buurtId === null ? "" : String(idea.buurtId),
    locationText: idea.locationText ?? "",
    point: idea.latitude === null || idea.longitude === null ? "" : `${idea.latitude}, ${idea.longitude}`,
    helpNeeded: idea.helpNeeded,
  };
}

/** A stored photo by its file key, with its idea and the contest's organisation (for the photo route). */
export async function findPhotoByKey(storageKey: string) {
  return one(
    getDb()
      .select({ photo: ideaPhotos, idea: ideas, organisationId: contests.organisationId })
      .from(ideaPhotos)
      .innerJoin(ideas, eq(ideaPhotos.ideaId, ideas.id))
      .innerJoin(contests, eq(ideas.contestId, contests.id))
      .where(eq(ideaPhotos.storageKey, storageKey)),
  );
}

/** Ideas handed in for a contest, whatever became of them since (drafts and withdrawn ideas do not count). */
export async function countHandedInIdeas(contestId: number): Promise<number> {
  return (await one(
    getDb()
      .select({ n: count() })
      .from(ideas)
      .where(and(eq(ideas.contestId, contestId), notInArray(ideas.status, ["draft", "withdrawn"]))),
  ))!.n;
}
