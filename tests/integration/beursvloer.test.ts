import { one, many } from "~db/query.server";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, contests, ideas, users } from "~db/schema";
import { seedDemo } from "~db/seeds/demo";
import { Refusal } from "~/lib/refusal";
import { hashPassword } from "~/modules/auth/password.server";
import { addSupporter } from "~/modules/aftercare/supporters.server";
import { addNeed, addOffer, addSupporterOffer, beursvloerOf, proposeMatch, removeNeed, setMatchStatus, withdrawOffer } from "~/modules/help/beursvloer.server";
import { useTestDatabase } from "../support/test-db";

const { db } = useTestDatabase();
const t0 = Date.UTC(2027, 2, 1, 8);
let round = { id: 0, organisationId: 0 };
let anna = "";
let mo = "";
let sanne = "";
let annasIdea = 0;

const userId = async (email: string) => (await one(db().select({ id: users.id }).from(users).where(eq(users.email, email))))!.id;
const kind = (error: unknown) => (error instanceof Refusal ? error.kind : String(error));
async function refusal(work: () => unknown): Promise<string> {
  try {
    await work();
  } catch (error) {
    return kind(error);
  }
  return "none";
}

beforeAll(async () => {
  await seedDemo(db(), { hashPassword, now: t0 });
  const c = (await one(db().select().from(contests).where(eq(contests.slug, "vonk-keizerslanden-2027"))))!;
  round = { id: c.id, organisationId: c.organisationId };
  anna = await userId("bewoner@keizerslanden.nl");
  mo = await userId("mohamed@voorbeeld.nl");
  sanne = await userId("sanne@voorbeeld.nl");
  annasIdea = (
    await many(
      db()
        .select()
        .from(ideas)
        .where(
          and(eq(ideas.contestId, c.id), eq(ideas.ownerUserId, anna), inArray(ideas.status, ["submitted", "shortlisted"]), isNotNull(ideas.contactConfirmedAt)),
        ),
    )
  ).find((i) => i.hiddenAt === null)!.id;
});

describe("the beursvloer (issue 21.4)", () => {
  const annaActor = () => ({ userId: anna, isOrganiser: false });
  const sanneActor = () => ({ userId: sanne, isOrganiser: false });

  it("lets an initiator list a need, and nobody else but organisers", async () => {
    expect(
      await refusal(async () => addNeed({ round, actor: sanneActor(), values: { ideaId: annasIdea, kind: "ruimte", description: "Een zaal" }, now: t0 })),
    ).toBe("forbidden");
    const need = await addNeed({ round, actor: annaActor(), values: { ideaId: annasIdea, kind: "gereedschap", description: "Een boormachine" }, now: t0 });
    expect(need).toBeGreaterThan(0);
    expect(
      await addNeed({
        round,
        actor: { userId: "demo-org-1", isOrganiser: true },
        values: { ideaId: annasIdea, kind: "ruimte", description: "Een zaal" },
        now: t0,
      }),
    ).toBeGreaterThan(need);
  });

  it("matches an offer to a need and moves the match on as the rule allows, logged", async () => {
    const offerId = await addOffer({
      round,
      actor: { userId: mo, isOrganiser: false },
      values: {
        offererKind: "ondernemer",
        name: "Klusbedrijf Mo",
        kind: "gereedschap",
        description: "Boormachine te leen",
        inReturn: null,
        contact: "06-11112222",
      },
      now: t0,
    });
    const need = (await beursvloerOf(round.id, annaActor())).ideas.find((i) => i.id === annasIdea)!.needs[0]!;
    // Someone else cannot match to Anna's idea.
    expect(await refusal(async () => proposeMatch({ round, actor: sanneActor(), needId: need.id, offerId, now: t0 }))).toBe("forbidden");
    const matchId = await proposeMatch({ round, actor: annaActor(), needId: need.id, offerId, now: t0 });
    expect(await proposeMatch({ round, actor: annaActor(), needId: need.id, offerId, now: t0 })).toBe(matchId);
    expect(await refusal(async () => setMatchStatus({ round, actor: annaActor(), matchId, status: "geleverd", now: t0 }))).toBe("conflict");
    await setMatchStatus({ round, actor: annaActor(), matchId, status: "afgesproken", now: t0 });
    await setMatchStatus({ round, actor: annaActor(), matchId, status: "geleverd", now: t0 });
    const after = (await beursvloerOf(round.id, annaActor())).ideas.find((i) => i.id === annasIdea)!.needs[0]!;
    expect(after.state).toBe("voorzien");
    expect(after.matches[0]).toMatchObject({ status: "geleverd", offer: { name: "Klusbedrijf Mo", contact: "06-11112222" } });
    const log = (await many(db().select().from(auditLog).where(eq(auditLog.contestId, round.id)))).filter((l) => l.action.startsWith("help."));
    expect(log.map((l) => l.action)).toEqual(["help.match-proposed", "help.match-status", "help.match-status"]);
    // A need that was met stays, as the record of who helped.
    expect(await refusal(async () => removeNeed({ round, actor: annaActor(), needId: need.id }))).toBe("conflict");
  });

  it("shows contacts only to organisers, the one who offered, and the initiators of a matched idea", async () => {
    const contactFor = async (actor: { userId: string; isOrganiser: boolean } | null) =>
      (await beursvloerOf(round.id, actor)).offers.find((o) => o.name === "Klusbedrijf Mo")!.contact;
    expect(await contactFor(null)).toBeNull();
    expect(await contactFor(sanneActor())).toBeNull();
    expect(await contactFor(annaActor())).toBe("06-11112222");
    expect(await contactFor({ userId: mo, isOrganiser: false })).toBe("06-11112222");
    expect(await contactFor({ userId: "demo-org-1", isOrganiser: true })).toBe("06-11112222");
  });

  it("lets only the one who offered (or an organiser) withdraw, and open matches fall through", async () => {
    const offerId = await addOffer({
      round,
      actor: { userId: sanne, isOrganiser: false },
      values: { offererKind: "bewoner", name: "Sanne", kind: "ruimte", description: "Mijn schuur", inReturn: "Een bedankje", contact: "sanne@voorbeeld.nl" },
      now: t0,
    });
    const need = (await beursvloerOf(round.id, annaActor())).ideas.find((i) => i.id === annasIdea)!.needs[1]!;
    const matchId = await proposeMatch({ round, actor: annaActor(), needId: need.id, offerId, now: t0 });
    expect(await refusal(async () => withdrawOffer({ round, actor: annaActor(), offerId, now: t0 }))).toBe("forbidden");
    await withdrawOffer({ round, actor: sanneActor(), offerId, now: t0 });
    const match = (await beursvloerOf(round.id, annaActor())).ideas.find((i) => i.id === annasIdea)!.needs[1]!.matches.find((m) => m.id === matchId)!;
    expect(match.status).toBe("vervallen");
    expect(await refusal(async () => proposeMatch({ round, actor: annaActor(), needId: need.id, offerId, now: t0 }))).toBe("conflict");
  });

  it("takes a supporter's offer from the directory, through an organiser only", async () => {
    const c = (await one(db().select().from(contests).where(eq(contests.id, round.id))))!;
    const supporterId = await addSupporter({
      municipalityId: db().all<{ m: number }>(`SELECT municipality_id AS m FROM organisations WHERE id = ${c.organisationId}`)[0]!.m,
      values: { name: "Buurtnetwerk Oost", kind: "buurtnetwerk", topics: "", contact: "info@oost.nl", website: undefined },
      actor: { userId: "demo-org-1" },
      now: t0,
    });
    const values = { supporterId, kind: "hulp" as const, description: "Vrijwilligers", inReturn: null };
    expect(await refusal(async () => addSupporterOffer({ round, actor: annaActor(), values, now: t0 }))).toBe("forbidden");
    await addSupporterOffer({ round, actor: { userId: "demo-org-1", isOrganiser: true }, values, now: t0 });
    const offer = (await beursvloerOf(round.id, { userId: "demo-org-1", isOrganiser: true })).offers.find((o) => o.name === "Buurtnetwerk Oost")!;
    expect(offer).toMatchObject({ offererKind: "ondersteuner", contact: "info@oost.nl" });
  });
});
