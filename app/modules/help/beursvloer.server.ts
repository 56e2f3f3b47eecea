import { one, many, run } from "~db/query.server";
import { transact } from "~db/transact.server";
import { and, asc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { helpMatches, helpOffers, ideaCoInitiators, ideaNeeds, ideas, type HelpOffer } from "~db/schema";
import { writeAudit } from "~/lib/audit.server";
import { Refusal } from "~/lib/refusal";
import { supportersForOrganisation } from "~/modules/aftercare/supporters.server";
import { changeMatchStatus, needState, offerMatchable, type HelpKind, type MatchStatus, type OffererKind } from "./matches";

// The beursvloer (issue 21.4, ADR 022): offers of help for a round, what its ideas need, and the matches
// between them. Who may do what, checked here for every write:
// - anyone logged in offers help, and withdraws their own offer;
// - an organiser of the round enters a supporter's offer, and does everything below for every idea;
// - an idea's initiators (indiener, accepted co-initiators) list its needs and match offers to them.
// Contacts are personal data: the public page shows none; organisers see all, initiators those of the
// offers matched to their own ideas.

export type HelpActor = { userId: string; isOrganiser: boolean };
type Round = { id: number; organisationId: number };

const forbidden = () => new Refusal("forbidden", { message: "Dit mag je niet doen op de beursvloer." });
const missing = () => new Refusal("not-found", { message: "Dit staat niet (meer) op de beursvloer." });

/** The ideas of the round that can need help: handed in and public. */
async function roundIdeas(contestId: number) {
  return many(
    getDb()
      .select({ id: ideas.id, title: ideas.title, ownerUserId: ideas.ownerUserId })
      .from(ideas)
      .where(
        and(eq(ideas.contestId, contestId), inArray(ideas.status, ["submitted", "shortlisted"]), isNull(ideas.hiddenAt), isNotNull(ideas.contactConfirmedAt)),
      )
      .orderBy(asc(ideas.title)),
  );
}

/** The ideas of the round this person may list needs for and match offers to. */
export async function ideasManagedBy(actor: HelpActor | null, contestId: number): Promise<Set<number>> {
  const all = await roundIdeas(contestId);
  if (!actor) return new Set();
  if (actor.isOrganiser) return new Set(all.map((i) => i.id));
  const coInitiated = new Set(
    all.length === 0
      ? []
      : (
          await many(
            getDb()
              .select({ ideaId: ideaCoInitiators.ideaId })
              .from(ideaCoInitiators)
              .where(
                and(
                  eq(ideaCoInitiators.userId, actor.userId),
                  inArray(
                    ideaCoInitiators.ideaId,
                    all.map((i) => i.id),
                  ),
                ),
              ),
          )
        ).map((r) => r.ideaId),
  );
  return new Set(all.filter((i) => i.ownerUserId === actor.userId || coInitiated.has(i.id)).map((i) => i.id));
}

export type BeursvloerOffer = {
  id: number;
  offererKind: OffererKind;
  name: string;
  kind: HelpKind;
  description: string;
  inReturn: string | null;
  /** Only for those who may see it (see the top of this file). */
  contact: string | null;
  own: boolean;
  withdrawn: boolean;
};
export type BeursvloerNeed = {
  id: number;
  kind: HelpKind;
  description: string;
  state: "open" | "bezig" | "voorzien";
  matches: { id: number; status: MatchStatus; offer: BeursvloerOffer }[];
};
export type BeursvloerIdea = { id: number; title: string; mine: boolean; needs: BeursvloerNeed[] };

/** The whole beursvloer of a round as this person may see it. */
export async function beursvloerOf(contestId: number, actor: HelpActor | null): Promise<{ ideas: BeursvloerIdea[]; offers: BeursvloerOffer[] }> {
  const db = getDb();
  const managed = await ideasManagedBy(actor, contestId);
  const ideaRows = await roundIdeas(contestId);
  const offerRows = await many(db.select().from(helpOffers).where(eq(helpOffers.contestId, contestId)).orderBy(asc(helpOffers.createdAt), asc(helpOffers.id)));
  const needRows =
    ideaRows.length === 0
      ? []
      : await many(
          db
            .select()
            .from(ideaNeeds)
            .where(
              inArray(
                ideaNeeds.ideaId,
                ideaRows.map((i) => i.id),
              ),
            )
            .orderBy(asc(ideaNeeds.id)),
        );
  const matchRows =
    needRows.length === 0
      ? []
      : await many(
          db
            .select()
            .from(helpMatches)
            .where(
              inArray(
                helpMatches.needId,
                needRows.map((n) => n.id),
              ),
            )
            .orderBy(asc(helpMatches.id)),
        );
  const needIdea = new Map(needRows.map((n) => [n.id, n.ideaId]));
  const matchedToMine = new Set(matchRows.filter((m) => managed.has(needIdea.get(m.needId)!)).map((m) => m.offerId));
  const view = (o: HelpOffer): BeursvloerOffer => ({
    id: o.id,
    offererKind: o.offererKind,
    name: o.name,
    kind: o.kind,
    description: o.description,
    inReturn: o.inReturn,
    contact: actor && (actor.isOrganiser || o.userId === actor.userId || matchedToMine.has(o.id)) ? o.contact : null,
    own: actor !== null && o.userId === actor.userId,
    withdrawn: o.withdrawnAt !== null,
  });
  const offers = new Map(offerRows.map((o) => [o.id, view(o)]));
  return {
    ideas: ideaRows.map((idea) => ({
      id: idea.id,
      title: idea.title,
      mine: managed.has(idea.id),
      needs: needRows
        .filter((n) => n.ideaId === idea.id)
        .map((n) => {
          const matches = matchRows.filter((m) => m.needId === n.id).map((m) => ({ id: m.id, status: m.status, offer: offers.get(m.offerId)! }));
          return { id: n.id, kind: n.kind, description: n.description, state: needState(matches.map((m) => m.status)), matches };
        }),
    })),
    offers: [...offers.values()],
  };
}

export async function addOffer(input: {
  round: Round;
  actor: HelpActor;
  values: { offererKind: "bewoner" | "ondernemer"; name: string; kind: HelpKind; description: string; inReturn: string | null; contact: string };
  now: number;
}): Promise<number> {
  return (
    await one(
      getDb()
        .insert(helpOffers)
        .values({ contestId: input.round.id, userId: input.actor.userId, ...input.values, createdAt: input.now })
        .returning({ id: helpOffers.id }),
    )
  ).id;
}

/** An organiser enters what a supporter of the municipality's directory offers; name and contact come from the directory. */
export async function addSupporterOffer(input: {
  round: Round;
  actor: HelpActor;
  values: { supporterId: number; kind: HelpKind; description: string; inReturn: string | null };
  now: number;
}): Promise<number> {
  if (!input.actor.isOrganiser) throw forbidden();
  const supporter = (await supportersForOrganisation(input.round.organisationId)).find((s) => s.id === input.values.supporterId);
  if (!supporter) throw missing();
  return transact(getDb(), async (tx) => {
    const id = (
      await one(
        tx
          .insert(helpOffers)
          .values({
            contestId: input.round.id,
            offererKind: "ondersteuner",
            supporterId: supporter.id,
            name: supporter.name,
            contact: supporter.contact,
            kind: input.values.kind,
            description: input.values.description,
            inReturn: input.values.inReturn,
            createdAt: input.now,
          })
          .returning({ id: helpOffers.id }),
      )
    ).id;
    await writeAudit(tx, {
      userId: input.actor.userId,
      contestId: input.round.id,
      action: "help.supporter-offer",
      subject: supporter.name,
      after: input.values,
      at: input.now,
    });
    return id;
  });
}

async function offerOf(round: Round, offerId: number): Promise<HelpOffer> {
  const offer = await one(
    getDb()
      .select()
      .from(helpOffers)
      .where(and(eq(helpOffers.id, offerId), eq(helpOffers.contestId, round.id))),
  );
  if (!offer) throw missing();
  return offer;
}

/** The one who offered, or an organiser, takes an offer back; its matches stay, for the record, and fall through. */
export async function withdrawOffer(input: { round: Round; actor: HelpActor; offerId: number; now: number }): Promise<void> {
  const offer = await offerOf(input.round, input.offerId);
  if (!input.actor.isOrganiser && offer.userId !== input.actor.userId) throw forbidden();
  if (offer.withdrawnAt !== null) return;
  await transact(getDb(), async (tx) => {
    await run(tx.update(helpOffers).set({ withdrawnAt: input.now }).where(eq(helpOffers.id, offer.id)));
    await run(
      tx
        .update(helpMatches)
        .set({ status: "vervallen", updatedAt: input.now })
        .where(and(eq(helpMatches.offerId, offer.id), inArray(helpMatches.status, ["voorgesteld", "afgesproken"]))),
    );
  });
}

async function requireManagedIdea(round: Round, actor: HelpActor, ideaId: number): Promise<void> {
  if (!(await roundIdeas(round.id)).some((i) => i.id === ideaId)) throw missing();
  if (!(await ideasManagedBy(actor, round.id)).has(ideaId)) throw forbidden();
}

async function needOf(round: Round, actor: HelpActor, needId: number) {
  const need = await one(getDb().select().from(ideaNeeds).where(eq(ideaNeeds.id, needId)));
  if (!need) throw missing();
  await requireManagedIdea(round, actor, need.ideaId);
  return need;
}

export async function addNeed(input: {
  round: Round;
  actor: HelpActor;
  values: { ideaId: number; kind: HelpKind; description: string };
  now: number;
}): Promise<number> {
  await requireManagedIdea(input.round, input.actor, input.values.ideaId);
  return (
    await one(
      getDb()
        .insert(ideaNeeds)
        .values({ ...input.values, createdAt: input.now })
        .returning({ id: ideaNeeds.id }),
    )
  ).id;
}

/** A need goes with its matches; one that was met stays, as the record of who helped. */
export async function removeNeed(input: { round: Round; actor: HelpActor; needId: number }): Promise<void> {
  // Checked and deleted in one transaction: a match must not be delivered in between.
  await transact(getDb(), async (tx) => {
    const need = await needOf(input.round, input.actor, input.needId);
    const delivered = await one(
      tx
        .select({ id: helpMatches.id })
        .from(helpMatches)
        .where(and(eq(helpMatches.needId, need.id), eq(helpMatches.status, "geleverd"))),
    );
    if (delivered) throw new Refusal("conflict", { message: "Hier is al hulp voor geleverd. Dat blijft staan." });
    await run(tx.delete(ideaNeeds).where(eq(ideaNeeds.id, need.id)));
  });
}

/** Puts an offer to a need, as a proposal. The same pair twice is one match. */
export async function proposeMatch(input: { round: Round; actor: HelpActor; needId: number; offerId: number; now: number }): Promise<number> {
  const need = await needOf(input.round, input.actor, input.needId);
  const offer = await offerOf(input.round, input.offerId);
  if (!offerMatchable(offer)) throw new Refusal("conflict", { message: "Dit aanbod is ingetrokken." });
  return transact(getDb(), async (tx) => {
    const existing = await one(
      tx
        .select()
        .from(helpMatches)
        .where(and(eq(helpMatches.needId, need.id), eq(helpMatches.offerId, offer.id))),
    );
    if (existing) return existing.id;
    const id = (
      await one(
        tx
          .insert(helpMatches)
          .values({ needId: need.id, offerId: offer.id, createdByUserId: input.actor.userId, createdAt: input.now, updatedAt: input.now })
          .returning({ id: helpMatches.id }),
      )
    ).id;
    await writeAudit(tx, {
      userId: input.actor.userId,
      contestId: input.round.id,
      action: "help.match-proposed",
      subject: `idea:${need.ideaId}`,
      after: { needId: need.id, offerId: offer.id },
      at: input.now,
    });
    return id;
  });
}

/** Moves a match on, as matches.ts allows; logged with before and after. */
export async function setMatchStatus(input: { round: Round; actor: HelpActor; matchId: number; status: MatchStatus; now: number }): Promise<void> {
  const match = await one(getDb().select().from(helpMatches).where(eq(helpMatches.id, input.matchId)));
  if (!match) throw missing();
  const need = await needOf(input.round, input.actor, match.needId);
  const change = changeMatchStatus(match.status, input.status);
  if (!change.ok) throw new Refusal("conflict", { message: "Deze stap kan niet vanuit de huidige status.", reason: change.reason });
  if (input.status === "voorgesteld" && !offerMatchable(await offerOf(input.round, match.offerId)))
    throw new Refusal("conflict", { message: "Dit aanbod is ingetrokken." });
  await transact(getDb(), async (tx) => {
    await run(
      tx
        .update(helpMatches)
        .set({ status: change.status, updatedAt: input.now })
        .where(and(eq(helpMatches.id, match.id), eq(helpMatches.status, match.status))),
    );
    await writeAudit(tx, {
      userId: input.actor.userId,
      contestId: input.round.id,
      action: "help.match-status",
      subject: `idea:${need.ideaId}`,
      before: { status: match.status },
      after: { status: change.status },
      at: input.now,
    });
  });
}
