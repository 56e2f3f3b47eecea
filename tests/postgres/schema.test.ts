import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { is } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as sqlite from "~db/schema";
import * as pgSchema from "~db/pg/schema";
import { usePostgresDatabase } from "./database";

// ADR 027: PostgreSQL holds the tables and the rules that SQLite holds, from the same description.

const { sql } = usePostgresDatabase();
const sqliteTables = Object.entries(sqlite as Record<string, unknown>).filter((entry): entry is [string, SQLiteTable] => is(entry[1], SQLiteTable));

describe("the PostgreSQL tables are SQLite's", () => {
  it("db/pg/schema.ts exports every SQLite table under the same name", () => {
    expect(Object.keys(pgSchema).sort()).toEqual(sqliteTables.map(([name]) => name).sort());
  });

  it("every table has the same columns, with the same NOT NULL, and every index and check by name", async () => {
    const columns = await sql(
      `SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, column_name`,
    );
    const constraints = await sql(`SELECT conname AS name FROM pg_constraint UNION SELECT indexname FROM pg_indexes WHERE schemaname = 'public'`);
    const names = new Set(constraints.rows.map((r) => r.name as string));
    for (const [, table] of sqliteTables) {
      const config = getTableConfig(table);
      const inPg = columns.rows.filter((r) => r.table_name === config.name).map((r) => `${r.column_name} ${r.is_nullable}`);
      const inSqlite = config.columns.map((c) => `${c.name} ${c.notNull || c.primary ? "NO" : "YES"}`);
      expect(inPg.sort(), config.name).toEqual(inSqlite.sort());
      for (const name of [...config.indexes.map((i) => i.config.name), ...config.checks.map((c) => c.name)]) {
        expect(names.has(name), `${config.name}: ${name}`).toBe(true);
      }
    }
  });
});

describe("the database's own rules hold on PostgreSQL", () => {
  const now = Date.now();
  const refused = (text: string, values: unknown[] = []) =>
    sql(text, values).then(
      () => "accepted",
      (error: Error) => error.message,
    );
  let contest = 0;
  let otherContest = 0;
  let shortlisted: number[] = [];
  let draft = 0;

  beforeAll(async () => {
    await sql(`INSERT INTO municipalities (name, slug) VALUES ('Deventer', 'deventer')`);
    await sql(`INSERT INTO organisations (municipality_id, name, slug) VALUES (1, 'Wijkteam', 'wijkteam')`);
    for (const id of ["jurylid", "buitenstaander", "bewoner"]) {
      await sql(`INSERT INTO users (id, email, name, password_hash, postcode, created_at) VALUES ($1, $2, $1, 'x', '7411 AB', $3)`, [
        id,
        `${id}@voorbeeld.nl`,
        now,
      ]);
    }
    const insertContest = async (slug: string, extra = "") =>
      (
        await sql(
          `INSERT INTO contests (organisation_id, slug, title, budget_euros, created_at, updated_at${extra ? ", " + extra.split("=")[0] : ""})
           VALUES (1, $1, $1, 10000, $2, $2${extra ? ", " + extra.split("=")[1] : ""}) RETURNING id`,
          [slug, now],
        )
      ).rows[0].id as number;
    contest = await insertContest("ronde", "max_shortlist=2");
    otherContest = await insertContest("andere");
    const idea = async (contestId: number, status: string) =>
      (
        await sql(
          `INSERT INTO ideas (contest_id, title, status, submitted_at, cost_euros, created_at, updated_at, owner_user_id) VALUES ($1, 'Idee', $2, $3, 100, $4, $4, 'bewoner') RETURNING id`,
          [contestId, status, status === "draft" ? null : now, now],
        )
      ).rows[0].id as number;
    shortlisted = [await idea(contest, "shortlisted"), await idea(contest, "shortlisted"), await idea(contest, "shortlisted")];
    draft = await idea(contest, "draft");
    await idea(otherContest, "shortlisted");
    await sql(`INSERT INTO role_assignments (user_id, role, contest_id, created_at) VALUES ('jurylid', 'jurylid', $1, $2)`, [contest, now]);
    await sql(`INSERT INTO jury_criteria (contest_id, key, name, weight, position) VALUES ($1, 'k', 'Kracht', 1, 1)`, [contest]);
  });

  it("a ballot holds a JSON list of whole ids of this round's ballot, not empty, at most three, not stacked", async () => {
    const ballot = (stickers: string, contestId = contest) =>
      refused(`INSERT INTO ballots (contest_id, channel, stickers, receipt_hash) VALUES ($1, 'online', $2, encode(sha256(random()::text::bytea), 'hex'))`, [
        contestId,
        stickers,
      ]);
    const [a, b, c] = shortlisted;
    expect(await ballot(`[${a},${b},${c}]`)).toBe("accepted");
    expect(await ballot("not json")).toBe("ballot: stickers must be a JSON list of idea ids");
    expect(await ballot(`{"a":1}`)).toBe("ballot: stickers must be a JSON list of idea ids");
    expect(await ballot(`[${a}.5]`)).toBe("ballot: stickers must be a JSON list of idea ids");
    expect(await ballot(`["${a}"]`)).toBe("ballot: stickers must be a JSON list of idea ids");
    expect(await ballot("[]")).toBe("ballot: empty");
    expect(await ballot(`[${a},${b},${c},${a}]`)).toBe("ballot: too many stickers");
    expect(await ballot(`[${a},${a}]`)).toBe("ballot: stacking not allowed");
    expect(await ballot(`[${draft}]`)).toBe("ballot: idea not on this ballot");
    expect(await ballot(`[${a}]`, otherContest)).toBe("ballot: idea not on this ballot");
    const id = (await sql(`SELECT id FROM ballots LIMIT 1`)).rows[0].id;
    expect(await refused(`UPDATE ballots SET stickers = $1 WHERE id = $2`, [`[${a},${a}]`, id])).toBe("ballot: stacking not allowed");
    expect(await refused(`UPDATE ballots SET channel = 'paper' WHERE id = $1`, [id])).toBe("ballot: only stickers can change");
    expect(await refused(`UPDATE ballots SET stickers = $1 WHERE id = $2`, [`[${b}]`, id])).toBe("accepted");
  });

  it("jury scores: only the round's own jurors, on handed-in ideas, never with a conflict, never after the decision", async () => {
    const [a, b] = shortlisted;
    const score = (juror: string, idea: number, criterion = 1) =>
      refused(`INSERT INTO jury_scores (contest_id, idea_id, juror_user_id, criterion_id, score, updated_at) VALUES ($1, $2, $3, $4, 4, $5)`, [
        contest,
        idea,
        juror,
        criterion,
        now,
      ]);
    expect(await score("buitenstaander", a!)).toBe("jury score: not a juror of this contest");
    expect(await score("jurylid", draft)).toBe("jury score: idea not handed in for this contest");
    expect(await score("jurylid", a!, 999)).toBe("jury score: criterion of another contest");
    expect(await score("jurylid", a!)).toBe("accepted");
    expect(await score("jurylid", b!)).toBe("accepted");
    expect(await refused(`UPDATE jury_scores SET idea_id = $1 WHERE idea_id = $2`, [draft, a])).toBe("jury score: only the score can change");
    expect(await refused(`UPDATE jury_scores SET score = 9 WHERE idea_id = $1`, [a])).toMatch(/jury_scores_range/);

    // A declared conflict takes the scores on that idea away, and refuses new ones.
    expect(
      await refused(`INSERT INTO jury_conflicts (contest_id, idea_id, juror_user_id, declared_at) VALUES ($1, $2, 'jurylid', $3)`, [contest, a, now]),
    ).toBe("accepted");
    expect((await sql(`SELECT count(*)::int AS n FROM jury_scores WHERE idea_id = $1`, [a])).rows[0].n).toBe(0);
    expect(await score("jurylid", a!)).toBe("jury score: conflict of interest declared");
    expect(
      await refused(`INSERT INTO jury_conflicts (contest_id, idea_id, juror_user_id, declared_at) VALUES ($1, $2, 'buitenstaander', $3)`, [contest, b, now]),
    ).toBe("jury conflict: not a juror of this contest");
  });

  it("jury decisions: never more on the shortlist than the round allows, and nothing changes once the decision is closed", async () => {
    const decide = (idea: number, outcome: string) =>
      refused(`INSERT INTO jury_decisions (idea_id, contest_id, outcome, motivation, decided_at) VALUES ($1, $2, $3, 'Past goed bij de wijk', $4)`, [
        idea,
        contest,
        outcome,
        now,
      ]);
    const [a, b, c] = shortlisted;
    expect(await decide(a!, "shortlisted")).toBe("accepted");
    expect(await decide(b!, "shortlisted")).toBe("accepted");
    expect(await decide(c!, "shortlisted")).toBe("jury decision: more shortlisted ideas than max_shortlist");
    expect(await decide(c!, "not-shortlisted")).toBe("accepted");
    expect(await refused(`UPDATE jury_decisions SET outcome = 'shortlisted' WHERE idea_id = $1`, [c])).toBe(
      "jury decision: more shortlisted ideas than max_shortlist",
    );

    await sql(`INSERT INTO jury_rounds (contest_id, decision_closed_at) VALUES ($1, $2)`, [contest, now]);
    expect(await refused(`UPDATE jury_decisions SET motivation = 'Toch een ander besluit' WHERE idea_id = $1`, [a])).toBe(
      "jury decision: the decision is closed",
    );
    expect(await refused(`DELETE FROM jury_decisions WHERE idea_id = $1`, [a])).toBe("jury decision: the decision is closed");
    expect(await refused(`UPDATE jury_decisions SET notified_at = $1 WHERE idea_id = $2`, [now, a])).toBe("accepted");
    expect(await refused(`UPDATE jury_scores SET score = 3`)).toBe("jury score: the decision is closed");
  });

  it("an address on the list votes at most as often as people live there, and who voted never changes", async () => {
    const [listed, unlisted] = ["a".repeat(64), "b".repeat(64)];
    await sql(`INSERT INTO eligible_addresses (contest_id, address_key, voters) VALUES ($1, $2, 1)`, [otherContest, listed]);
    const register = (address: string | null, email: string) =>
      refused(`INSERT INTO voter_register (contest_id, method, user_id, email_key, address_key, registered_at) VALUES ($1, 'account', 'bewoner', $2, $3, $4)`, [
        otherContest,
        email,
        address,
        now,
      ]);
    expect(await register(unlisted, "c".repeat(64))).toBe("register: address not on the list");
    expect(await register(listed, "c".repeat(64))).toBe("accepted");
    expect(await register(listed, "d".repeat(64))).toBe("register: address at its cap");
    expect(await refused(`INSERT INTO voter_register (contest_id, method, user_id, registered_at) VALUES ($1, 'account', 'bewoner', $2)`, [contest, now])).toBe(
      "register: an account vote needs its email key",
    );
    expect(await refused(`UPDATE voter_register SET user_id = 'jurylid'`)).toBe("register: who voted does not change");
  });

  it("the turnout kept with the register equals a recount after registrations, invalidations and deletions (issue 19)", async () => {
    const kept = async () =>
      (await sql(`SELECT contest_id, method, voters FROM contest_turnout WHERE voters > 0 ORDER BY contest_id, method`)).rows.map((r) => ({ ...r }));
    const recount = async () =>
      (
        await sql(
          `SELECT contest_id, method, count(*)::bigint AS voters FROM voter_register WHERE invalidated_at IS NULL GROUP BY contest_id, method ORDER BY contest_id, method`,
        )
      ).rows.map((r) => ({ ...r }));
    const attendee = (name: string) =>
      sql(
        `INSERT INTO voter_register (contest_id, method, attendee_name, attendee_name_key, attendee_postcode, registered_at, registered_by) VALUES ($1, 'poster', $2, $2, '7411AB', $3, 'jurylid')`,
        [contest, name, now],
      );
    for (const name of ["a", "b", "c"]) await attendee(name);
    expect(await kept()).toEqual(await recount());
    expect((await kept()).find((r) => r.contest_id === contest && r.method === "poster")?.voters).toBe(3);
    await sql(`UPDATE voter_register SET invalidated_at = $1, invalid_reason = 'other' WHERE attendee_name = 'a'`, [now]);
    expect(await kept()).toEqual(await recount());
    await sql(`UPDATE voter_register SET registered_at = $1 WHERE attendee_name = 'b'`, [now + 1]);
    await sql(`DELETE FROM voter_register WHERE attendee_name IN ('a', 'b')`);
    expect(await kept()).toEqual(await recount());
    expect((await kept()).find((r) => r.contest_id === contest && r.method === "poster")?.voters).toBe(1);
    expect(await refused(`UPDATE contest_turnout SET voters = -1`)).toMatch(/contest_turnout_voters/);
  });

  it("an idea has at most five photos, and a round keeps personal data between 30 days and 10 years", async () => {
    const photo = () =>
      refused(`INSERT INTO idea_photos (idea_id, storage_key, alt_text, width, height, created_at) VALUES ($1, md5(random()::text), 'Foto', 10, 10, $2)`, [
        draft,
        now,
      ]);
    for (let i = 0; i < 5; i++) expect(await photo()).toBe("accepted");
    expect(await photo()).toBe("idea_photos_max_five");
    expect(await refused(`UPDATE contests SET retention_days = 10 WHERE id = $1`, [contest])).toMatch(/contests_retention_range/);
    expect(await refused(`UPDATE contests SET retention_days = 30 WHERE id = $1`, [contest])).toBe("accepted");
  });

  it("an organisation's accent colour is #rrggbb in lower case, or none (ADR 025)", async () => {
    const colour = (value: string | null) => refused(`UPDATE organisations SET accent_colour = $1 WHERE id = 1`, [value]);
    expect(await colour("#1f3a5f")).toBe("accepted");
    expect(await colour(null)).toBe("accepted");
    for (const bad of ["red", "#ABCDEF", "#1f3a5", "#1f3a5f;x"]) expect(await colour(bad), bad).toBe("organisations: accent colour is not #rrggbb");
    expect(await refused(`INSERT INTO organisations (municipality_id, name, slug, accent_colour) VALUES (1, 'Ander', 'ander', 'blue')`)).toBe(
      "organisations: accent colour is not #rrggbb",
    );
  });
});
