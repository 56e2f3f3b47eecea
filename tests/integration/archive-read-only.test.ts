import { one } from "~db/query.server";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { contests, users } from "~db/schema";
import { seedDemo } from "~db/seeds/demo";
import { votingDemoSlug } from "~db/seeds/voting";
import { createSessionCookie } from "~/modules/auth/session.server";
import { getContestBySlug } from "~/modules/contests/contests.server";
import * as settingsRoute from "~/routes/organiseren.$slug.instellingen";
import { statusOf } from "../support/route-result";
import { useTestDatabase } from "../support/test-db";
import { callRoute, type RouteFn } from "../support/route-call";

// product.md: "afgesloten | read-only archive". Once nazorg ends an organiser can still read the
// settings, but not change them: they are what the residents were promised.

const { db } = useTestDatabase();
const day = 86_400_000;
let cookie = "";
let archivedAt = 0;

function call(fn: RouteFn, at: number, body?: FormData) {
  return callRoute(fn, { path: `/organiseren/${votingDemoSlug}/instellingen`, params: { slug: votingDemoSlug }, cookie, at, body });
}

beforeAll(async () => {
  process.env.TEST_CLOCK = "1";
  await seedDemo(db(), { hashPassword: async () => "not-a-real-hash", now: Date.now() });
  const org = (await one(db().select().from(users).where(eq(users.email, "organisator@keizerslanden.nl"))))!;
  cookie = (await createSessionCookie(org.id)).split(";")[0]!;
  archivedAt = (await getContestBySlug(votingDemoSlug))!.schedule!.nazorg.end + day;
});

describe("an archived round's settings", () => {
  it("are shown read-only, and a change is refused with 409 and left undone", async () => {
    const before = (await one(db().select().from(contests).where(eq(contests.slug, votingDemoSlug))))!;
    expect((await call(settingsRoute.loader as RouteFn, Date.now())) as { archived: boolean }).toMatchObject({ archived: false });
    expect((await call(settingsRoute.loader as RouteFn, archivedAt)) as { archived: boolean }).toMatchObject({ archived: true });
    const body = new FormData();
    body.append("title", "Een nieuwe titel achteraf");
    const result = await call(settingsRoute.action as RouteFn, archivedAt, body);
    expect(statusOf(result)).toBe(409);
    expect((await one(db().select().from(contests).where(eq(contests.slug, votingDemoSlug))))!.title).toBe(before.title);
  });
});
