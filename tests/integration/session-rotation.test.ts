import { one, many } from "~db/query.server";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { devMailbox, users } from "~db/schema";
import { seedDemo } from "~db/seeds/demo";
import { getLucia } from "~/modules/auth/lucia.server";
import { createSessionCookie } from "~/modules/auth/session.server";
import { getContestBySlug } from "~/modules/contests/contests.server";
import { inviteJuror } from "~/modules/jury/panel.server";
import * as acceptRoute from "~/routes/jury.uitnodiging";
import { useTestDatabase } from "../support/test-db";

// Issue 10: a session id is replaced when its person gains rights. Whoever knew the old id (a shared
// computer, a leaked cookie from before) does not become a juror with it.

const { db } = useTestDatabase();
const userId = async (email: string) => (await one(db().select().from(users).where(eq(users.email, email))))!.id;

beforeAll(async () => {
  await seedDemo(db(), { hashPassword: async () => "not-a-real-hash", now: Date.now() });
});

describe("accepting a jury invitation", () => {
  it("ends the old session and starts a new one", async () => {
    const details = (await getContestBySlug("vonk-keizerslanden-2027"))!;
    await inviteJuror({
      details,
      actor: { userId: await userId("organisator@keizerslanden.nl"), name: "Olga" },
      email: "mohamed@voorbeeld.nl",
      isChair: false,
      origin: "http://localhost",
      locale: "nl",
      now: Date.now(),
    });
    const mail = (await many(db().select().from(devMailbox).where(eq(devMailbox.to, "mohamed@voorbeeld.nl")))).at(-1)!;
    const token = decodeURIComponent(mail.text.match(/token=([^\s]+)/)![1]!);
    const oldCookie = (await createSessionCookie(await userId("mohamed@voorbeeld.nl"))).split(";")[0]!;
    const oldId = oldCookie.split("=")[1]!;
    const body = new FormData();
    body.append("token", token);
    const response = (await acceptRoute.action({
      request: new Request("http://localhost/jury/uitnodiging", { method: "POST", headers: { Cookie: oldCookie }, body }),
      params: {},
      context: {},
    })) as Response;
    expect(response.status).toBe(302);
    const lucia = getLucia();
    expect((await lucia.validateSession(oldId)).session).toBeNull();
    const newCookie = response.headers
      .getSetCookie()
      .find((c) => c.startsWith(`${lucia.sessionCookieName}=`) && !c.startsWith(`${lucia.sessionCookieName}=;`))!;
    const newId = newCookie.split(";")[0]!.split("=")[1]!;
    expect(newId).not.toBe(oldId);
    expect((await lucia.validateSession(newId)).user?.id).toBe(await userId("mohamed@voorbeeld.nl"));
  });
});
