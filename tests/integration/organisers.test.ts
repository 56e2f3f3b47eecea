import { one, many } from "~db/query.server";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, devMailbox, municipalities, organisations, roleAssignments, users } from "~db/schema";
import { seedDemo } from "~db/seeds/demo";
import { addOrganiser, listOrganisers, removeOrganiser } from "~/modules/auth/organisers.server";
import { createOrganisation } from "~/modules/auth/platform.server";
import { createSessionCookie } from "~/modules/auth/session.server";
import * as adminRoute from "~/routes/beheer";
import * as teamRoute from "~/routes/organiseren.team";
import { statusOf } from "../support/route-result";
import { useTestDatabase } from "../support/test-db";

// The organisers of an organisation: added by a colleague or a beheerder, taken off, never the last one.

const { db } = useTestDatabase();
const at = Date.UTC(2027, 0, 11, 12);
const origin = "https://wijkvonk.test";
const id: Record<string, string> = {};
const cookies: Record<string, string> = {};
let keizerslanden = 0;
let assen = 0;

const organisationId = async (slug: string) => (await one(db().select().from(organisations).where(eq(organisations.slug, slug))))!.id;
const team = async (orgId: number) => (await listOrganisers([orgId])).map((m) => m.email);
const addToWijkteam = (email: string) => addOrganiser({ organisationId: keizerslanden, email, actor: { userId: id.org! }, origin, now: at });
const removeFromWijkteam = async (userId: string) => removeOrganiser({ organisationId: keizerslanden, userId, actor: { userId: id.org! }, now: at });
const audit = async (action: string) => many(db().select().from(auditLog).where(eq(auditLog.action, action)));

type RouteFn = (args: { request: Request; params: Record<string, string>; context: never }) => Promise<unknown>;
async function post(fn: RouteFn, path: string, cookie: string, values: Record<string, string>) {
  const body = new FormData();
  for (const [k, v] of Object.entries(values)) body.append(k, v);
  const request = new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { Cookie: cookie },
    body,
  });
  return fn({ request, params: {}, context: {} as never }).catch((error: unknown) => error);
}

beforeAll(async () => {
  await seedDemo(db(), {
    hashPassword: async () => "not-a-real-hash",
    now: at,
  });
  for (const [key, email] of [
    ["org", "organisator@keizerslanden.nl"],
    ["orgAssen", "organisator@assen.nl"],
    ["beheer", "beheer@wijkvonk.nl"],
    ["sanne", "sanne@voorbeeld.nl"],
    ["anna", "bewoner@keizerslanden.nl"],
  ] as const) {
    id[key] = (await one(db().select().from(users).where(eq(users.email, email))))!.id;
    cookies[key] = (await createSessionCookie(id[key]!)).split(";")[0]!;
  }
  keizerslanden = await organisationId("wijkteam-keizerslanden");
  assen = await organisationId("gemeente-assen");
});

describe("adding an organiser", () => {
  it("makes a colleague with an account an organiser at once, logged, and mails them the way to the console", async () => {
    expect(await addToWijkteam(" Sanne@Voorbeeld.nl")).toEqual({ ok: true, name: "Sanne Visser" });
    expect(await team(keizerslanden)).toContain("sanne@voorbeeld.nl");
    expect(await audit("organisation.organiser-added")).toMatchObject([{ userId: id.org, subject: "sanne@voorbeeld.nl" }]);
    const mail = (await many(db().select().from(devMailbox).where(eq(devMailbox.to, "sanne@voorbeeld.nl")))).at(-1)!;
    expect(mail.subject).toBe("Je organiseert nu mee bij Wijkteam Keizerslanden");
    expect(mail.text).toContain(`${origin}/organiseren`);
  });

  it("refuses an address without an account, and someone already on the team", async () => {
    expect(await addToWijkteam("nieuw@voorbeeld.nl")).toEqual({ ok: false, reason: "no-account" });
    expect(await addToWijkteam("sanne@voorbeeld.nl")).toEqual({ ok: false, reason: "already" });
    expect(
      await many(
        db()
          .select()
          .from(roleAssignments)
          .where(and(eq(roleAssignments.userId, id.sanne!), eq(roleAssignments.role, "organisator"))),
      ),
    ).toHaveLength(1);
  });
});

describe("taking an organiser off", () => {
  it("works for a colleague, logged, and never for the last organiser", async () => {
    expect(await removeFromWijkteam(id.sanne!)).toEqual({ ok: true, name: "Sanne Visser" });
    expect(await team(keizerslanden)).toEqual(["organisator@keizerslanden.nl"]);
    expect(await audit("organisation.organiser-removed")).toMatchObject([{ userId: id.org, subject: "sanne@voorbeeld.nl" }]);
    expect(await removeFromWijkteam(id.org!)).toEqual({ ok: false, reason: "last" });
    expect(await removeFromWijkteam(id.anna!)).toEqual({ ok: false, reason: "not-an-organiser" });
  });
});

describe("the team page", () => {
  it("shows an organiser only their own organisations, and the beheerder all of them", async () => {
    const call = async (cookie: string) => {
      const request = new Request("http://localhost/organiseren/team", {
        headers: { Cookie: cookie },
      });
      return teamRoute.loader({ request, params: {}, context: {} as never }).catch((error: unknown) => error);
    };
    // Olga organises for the wijkteam and for Gemeente Deventer, not for Assen.
    const forOrg = (await call(cookies.org!)) as {
      organisations: { id: number }[];
    };
    expect(forOrg.organisations.map((o) => o.id).sort()).toEqual([keizerslanden, await organisationId("gemeente-deventer")].sort());
    const forBeheer = (await call(cookies.beheer!)) as {
      organisations: { id: number }[];
    };
    expect(forBeheer.organisations.map((o) => o.id)).toEqual(expect.arrayContaining([keizerslanden, assen]));
    expect(statusOf(await call(cookies.anna!))).toBe(403);
  });

  it("refuses to change another organisation's team, and a resident", async () => {
    expect(
      statusOf(
        await post(teamRoute.action as RouteFn, "/organiseren/team", cookies.orgAssen!, { organisationId: String(keizerslanden), email: "sanne@voorbeeld.nl" }),
      ),
    ).toBe(403);
    expect(
      statusOf(
        await post(teamRoute.action as RouteFn, "/organiseren/team", cookies.anna!, { organisationId: String(keizerslanden), email: "sanne@voorbeeld.nl" }),
      ),
    ).toBe(403);
    expect(
      statusOf(
        await post(teamRoute.action as RouteFn, "/organiseren/team", cookies.orgAssen!, {
          intent: "remove",
          organisationId: String(keizerslanden),
          userId: id.org!,
        }),
      ),
    ).toBe(403);
    expect(await team(keizerslanden)).toEqual(["organisator@keizerslanden.nl"]);
  });

  it("sends someone who took themselves off to the home page, as they may organise nothing any more", async () => {
    expect(await addToWijkteam("sanne@voorbeeld.nl")).toMatchObject({ ok: true });
    const sanne = (await createSessionCookie(id.sanne!)).split(";")[0]!;
    const result = await post(teamRoute.action as RouteFn, "/organiseren/team", sanne, {
      intent: "remove",
      organisationId: String(keizerslanden),
      userId: id.sanne!,
    });
    expect(statusOf(result)).toBe(302);
    expect((result as Response).headers.get("Location")).toBe("/");
    expect(await team(keizerslanden)).toEqual(["organisator@keizerslanden.nl"]);
  });

  it("says why an address cannot be added, beside the field", async () => {
    const result = await post(teamRoute.action as RouteFn, "/organiseren/team", cookies.org!, {
      organisationId: String(keizerslanden),
      email: "niemand@voorbeeld.nl",
    });
    expect(statusOf(result)).toBe(409);
    expect((result as { data: { result: { error: Record<string, string[]> } } }).data.result.error.email).toEqual(["organise.team.noAccount"]);
  });
});

describe("a new organisation", () => {
  it("is added by a beheerder with a unique slug, logged, and gets its first organiser on the team page", async () => {
    const deventer = (await one(db().select().from(municipalities).where(eq(municipalities.name, "Deventer"))))!.id;
    expect(
      await createOrganisation({
        name: "Wijkteam Keizerslanden",
        municipalityId: deventer,
        actor: { userId: id.beheer! },
        now: at,
      }),
    ).toEqual({ ok: true });
    expect((await one(db().select().from(organisations).where(eq(organisations.slug, "wijkteam-keizerslanden-2"))))?.name).toBe("Wijkteam Keizerslanden");
    expect(
      await createOrganisation({
        name: "Nergens",
        municipalityId: 999_999,
        actor: { userId: id.beheer! },
        now: at,
      }),
    ).toEqual({ ok: false, reason: "no-municipality" });
    expect(await audit("platform.organisation-created")).toHaveLength(1);

    const created = await post(adminRoute.action as RouteFn, "/beheer", cookies.beheer!, { name: "Buurtteam Zandweerd", municipalityId: String(deventer) });
    expect(statusOf(created)).toBe(302);
    const zandweerd = await organisationId("buurtteam-zandweerd");
    expect(
      statusOf(
        await post(teamRoute.action as RouteFn, "/organiseren/team", cookies.beheer!, { organisationId: String(zandweerd), email: "sanne@voorbeeld.nl" }),
      ),
    ).toBe(302);
    expect(await team(zandweerd)).toEqual(["sanne@voorbeeld.nl"]);
  });

  it("cannot be added by an organiser", async () => {
    expect(
      statusOf(
        await post(adminRoute.action as RouteFn, "/beheer", cookies.org!, {
          name: "Eigen clubje",
          municipalityId: "1",
        }),
      ),
    ).toBe(403);
  });
});
