import { one } from "~db/query.server";
import { execFile } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import type Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { users } from "~db/schema";
import { seedDemo } from "~db/seeds/demo";
import { votingDemoSlug } from "~db/seeds/voting";
import { closeDb, getDb, projectRoot } from "~db/client.server";
import { translator } from "~/lib/i18n";
import { votingPepper } from "~/lib/secrets.server";
import { createSessionCookie } from "~/modules/auth/session.server";
import { getContestBySlug } from "~/modules/contests/contests.server";
import { createIdea } from "~/modules/ideas/ideas.server";
import { uploadsDir } from "~/lib/photos.server";
import type { Ballot } from "~/modules/voting/ballot";
import { ballotIdeaIds, castBallot, castBallotWithCode, votingContestOf, type VotingContest } from "~/modules/voting/votes.server";
import * as voteRoute from "~/routes/rondes.$slug_.stemmen";
import { doubles, prepareVoters, storedVotesOf, voteCounts } from "../support/fault-votes";
import { testRequestHandler } from "../support/test-build";
import { backgroundMailSent } from "~/lib/mail.server";
import { useTestDatabase } from "../support/test-db";

// Issue 10, fault tests: "a read-only database file and a full disk give a clear error and no
// partial writes". A vote writes a register row and a ballot (and sign-ups); a paper idea writes the
// idea, its cost lines, its photo (files and row) and an audit line. On a database that refuses the
// write, each must fail with SQLite's own error, leave no row and no photo file behind, and the app
// must take writes again once the disk has room, without a restart.
//
// - Read-only: the real thing. The file is made read-only (chmod 444) and a process that is not
//   root (root may write anyway) opens it the way the server does and tries to write
//   (tests/support/readonly-writer.ts).
// - Full disk: `PRAGMA max_page_count` caps the file at its size after a VACUUM (which leaves no
//   free pages), so SQLite answers SQLITE_FULL exactly as on a full disk. It is a setting of one
//   connection: the test's own, which the use cases use.
// - The page: a vote posted through Remix's own request handler (real entry.server, root and vote
//   route; tests/support/test-build.ts) on a full database answers 500 with the error page that
//   names the request id, and that id is in the log line with SQLite's error.

const { db, file } = useTestDatabase();
const execFileAsync = promisify(execFile);
const RESIDENTS = 200;
const CODES = 200;

let contest: VotingContest;
let pepper = "";
let voters: string[] = [];
let ideaIds: number[] = [];
let ideasContestId = 0;
let organiserId = "";
let annaId = "";
let draftId = 0;

function tableCounts(sqlite: Database.Database): Record<string, number> {
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(tables.map((t) => [t, sqlite.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]));
}

function uploadedFiles(): string[] {
  const dir = path.join(path.dirname(file()), "uploads");
  return existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.join(e.parentPath, e.name))
        .sort()
    : [];
}

/** Caps the database file at its present size, with no free pages left: from now on SQLite answers SQLITE_FULL where a write needs a page. */
function fillTheDisk(sqlite: Database.Database): () => void {
  const unlimited = sqlite.pragma("max_page_count", { simple: true }) as number;
  sqlite.exec("VACUUM");
  expect(sqlite.pragma("freelist_count", { simple: true })).toBe(0);
  sqlite.pragma(`max_page_count = ${sqlite.pragma("page_count", { simple: true }) as number}`);
  return () => void sqlite.pragma(`max_page_count = ${unlimited}`);
}

function ballotFor(i: number): Ballot {
  return {
    stickers: Array.from({ length: 1 + (i % 3) }, (_, k) => ({ ideaId: ideaIds[(i + k) % ideaIds.length]! })),
    ikDoeMee: i % 4 === 0 ? [ideaIds[i % ideaIds.length]!] : [],
  };
}

/** One vote through the use case, as fault-vote-worker.ts casts it: the receipt, or the error it was refused with. */
async function vote(voter: string, i: number): Promise<{ voter: string; receipt?: string; error?: unknown }> {
  const key = voter.slice(voter.indexOf(":") + 1);
  try {
    if (voter.startsWith("code:")) {
      const result = await castBallotWithCode({
        contest,
        code: key,
        ballot: ballotFor(i),
        helper: { name: `Helper ${i}`, contact: `helper${i}@voorbeeld.nl` },
        pepper,
        now: Date.now(),
      });
      if (!result.ok) throw new Error(`refused: ${result.reason}`);
      return { voter, receipt: result.receipt };
    }
    const user = (await one(getDb().select().from(users).where(eq(users.id, key))))!;
    const result = await castBallot({ contest, voter: user, ballot: ballotFor(i), ageDeclaration: true, pepper, now: Date.now() });
    if (!result.ok || result.kind !== "first") throw new Error(`refused: ${JSON.stringify(result)}`);
    return { voter, receipt: result.receipt };
  } catch (error) {
    return { voter, error };
  }
}

function paperIdea(title: string, photoKey: string) {
  return createIdea({
    contestId: ideasContestId,
    values: {
      title,
      summary: "Een bankje bij de speeltuin.",
      description: "Waar ouders kunnen zitten. ".repeat(40),
      costLines: [
        { description: "Bankje", amountEuros: 400 },
        { description: "Plaatsen", amountEuros: 150 },
      ],
    },
    author: { kind: "paper", name: "Mevrouw Jansen", consentHow: "op het formulier getekend", enteredByUserId: organiserId },
    photo: {
      processed: { storageKey: photoKey, width: 4, height: 3, files: { large: Buffer.alloc(2000, 1), small: Buffer.alloc(500, 2) } },
      altText: "Een bankje",
    },
    now: Date.now(),
  });
}

function ideaRows(sqlite: Database.Database, title: string) {
  const one = (sql: string, ...params: unknown[]) =>
    sqlite
      .prepare(sql)
      .pluck()
      .get(...params) as number;
  const id = sqlite.prepare("SELECT id FROM ideas WHERE title = ?").pluck().get(title) as number | undefined;
  return {
    ideas: one("SELECT count(*) FROM ideas WHERE title = ?", title),
    costLines: id === undefined ? 0 : one("SELECT count(*) FROM idea_cost_lines WHERE idea_id = ?", id),
    photos: id === undefined ? 0 : one("SELECT count(*) FROM idea_photos WHERE idea_id = ?", id),
    audit: id === undefined ? 0 : one("SELECT count(*) FROM audit_log WHERE subject = ?", `idea:${id}`),
  };
}

const photoFilesOf = (photoKey: string) => uploadedFiles().filter((f) => path.basename(f).startsWith(photoKey));

beforeAll(async () => {
  await seedDemo(db(), { hashPassword: async () => "not-a-real-hash", now: Date.now() });
  pepper = votingPepper();
  contest = votingContestOf((await getContestBySlug(votingDemoSlug))!);
  ideaIds = await ballotIdeaIds(contest.id);
  ideasContestId = (await getContestBySlug("vonk-keizerslanden-2027"))!.contest.id;
  voters = await prepareVoters(db(), { contestId: contest.id, residents: RESIDENTS, codes: CODES, pepper, now: Date.now() });
  organiserId = (await one(db().select().from(users).where(eq(users.email, "organisator@keizerslanden.nl"))))!.id;
  annaId = (await one(db().select().from(users).where(eq(users.email, "bewoner@keizerslanden.nl"))))!.id;
  draftId = await createIdea({
    contestId: ideasContestId,
    values: { title: "Concept van Anna", costEuros: 500, costLines: [] },
    author: { kind: "user", userId: annaId },
    photo: null,
    now: Date.now(),
  });
});

afterAll(() => {
  // Whatever happened, leave the files writable, so that the temporary folder can be removed.
  for (const name of [file(), `${file()}-wal`, `${file()}-shm`]) if (existsSync(name)) chmodSync(name, 0o644);
});

describe("a read-only database file", () => {
  it("refuses votes and idea hand-ins with SQLite's read-only error and writes nothing, no photo file either", async () => {
    const before = tableCounts(db().$client);
    const filesBefore = uploadedFiles();
    // As a server on this file would be: the only process that has it open.
    await closeDb();
    const folder = path.dirname(file());
    // The folder stays writable (photos go there); only the database file is read-only.
    for (const dir of [folder, uploadsDir("ideas")]) {
      mkdirSync(dir, { recursive: true });
      chmodSync(dir, 0o777);
    }
    chmodSync(file(), 0o444);
    const asRoot = process.getuid?.() === 0;
    const input = {
      userId: annaId,
      code: voters.find((v) => v.startsWith("code:"))!.slice(5),
      contestSlug: "vonk-keizerslanden-2027",
      draftId,
      ownerUserId: annaId,
      organiserUserId: organiserId,
      photoKey: "readonly-photo",
    };
    let stdout = "";
    try {
      ({ stdout } = await execFileAsync(
        process.execPath,
        ["--import", "tsx", path.join(projectRoot(), "tests/support/readonly-writer.ts"), JSON.stringify(input)],
        {
          cwd: projectRoot(),
          // The pepper file beside the database is the owner's alone: the other user gets it from the environment.
          env: { ...process.env, VOTING_PEPPER: pepper },
          timeout: 20_000,
          ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
        },
      ));
    } finally {
      for (const name of [file(), `${file()}-wal`, `${file()}-shm`]) if (existsSync(name)) chmodSync(name, 0o644);
    }
    const results = JSON.parse(stdout) as Record<string, { code: string; message?: string }>;
    // The server starts on a read-only file (opening and reading need no write); every write is refused.
    expect(results.open).toEqual({ code: "ok" });
    for (const what of ["vote", "codeVote", "paperIdea", "handIn"]) {
      expect({ what, ...results[what] }).toEqual({ what, code: expect.stringMatching(/^SQLITE_READONLY/), message: "attempt to write a readonly database" });
    }

    const sqlite = getDb().$client;
    expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(tableCounts(sqlite)).toEqual(before);
    expect(uploadedFiles()).toEqual(filesBefore);
    expect(sqlite.prepare("SELECT status FROM ideas WHERE id = ?").pluck().get(draftId)).toBe("draft");
  }, 20_000);
});

describe("a full disk", () => {
  it("fails votes and idea hand-ins with SQLITE_FULL, leaves none half-written, and takes them again once there is room", async () => {
    const sqlite = db().$client;
    const votesBefore = voteCounts(sqlite, contest.id);
    const makeRoom = fillTheDisk(sqlite);
    try {
      // Votes eight at a time (one shared commit, as on the server) until the database refuses some.
      const outcomes: Awaited<ReturnType<typeof vote>>[] = [];
      for (let i = 0; i < 160 && !outcomes.some((o) => o.error); i += 8) {
        outcomes.push(...(await Promise.all(voters.slice(i, i + 8).map((voter, j) => vote(voter, i + j)))));
      }
      const refused = outcomes.filter((o) => o.error);
      expect(refused.length).toBeGreaterThan(0);
      for (const { error } of refused) expect(error).toMatchObject({ code: "SQLITE_FULL", message: "database or disk is full" });
      for (const o of outcomes) {
        const expected = o.error ? { registered: 0, ballots: 0 } : { registered: 1, ballots: 1 };
        expect({ voter: o.voter, ...storedVotesOf(sqlite, { contestId: contest.id, pepper, voter: o.voter, receipt: o.receipt }) }).toEqual({
          voter: o.voter,
          ...expected,
        });
      }
      const votes = voteCounts(sqlite, contest.id);
      const accepted = outcomes.filter((o) => !o.error);
      expect(votes.accountRegister - votesBefore.accountRegister + votes.codeRegister - votesBefore.codeRegister).toBe(accepted.length);
      expect(votes.onlineBallots - votesBefore.onlineBallots).toBe(votes.accountRegister - votesBefore.accountRegister);
      expect(votes.codeBallots - votesBefore.codeBallots).toBe(votes.codeRegister - votesBefore.codeRegister);

      // Paper ideas with a photo, until one does not fit: those that fit are whole, the one that does not leaves nothing.
      let failed: { title: string; key: string; error: unknown } | null = null;
      const stored: { title: string; key: string }[] = [];
      for (let i = 0; i < 40 && !failed; i++) {
        const title = `Bankje ${i} op een volle schijf`;
        const key = `full-photo-${i}`;
        const countsBefore = tableCounts(sqlite);
        try {
          await paperIdea(title, key);
          stored.push({ title, key });
        } catch (error) {
          failed = { title, key, error };
          expect(tableCounts(sqlite)).toEqual(countsBefore);
        }
      }
      expect(failed).not.toBeNull();
      expect(failed!.error).toMatchObject({ code: "SQLITE_FULL", message: "database or disk is full" });
      expect(ideaRows(sqlite, failed!.title)).toEqual({ ideas: 0, costLines: 0, photos: 0, audit: 0 });
      expect(photoFilesOf(failed!.key)).toEqual([]);
      for (const idea of stored) {
        expect(ideaRows(sqlite, idea.title)).toEqual({ ideas: 1, costLines: 2, photos: 1, audit: 1 });
        expect(photoFilesOf(idea.key)).toHaveLength(2);
      }
      expect(doubles(sqlite, contest.id)).toEqual({ voters: [], receipts: [] });
      expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");

      // Room again: the refused votes and the idea go through, without a restart.
      makeRoom();
      const retried = await Promise.all(refused.map((o) => vote(o.voter, voters.indexOf(o.voter))));
      expect(retried.filter((o) => o.error)).toEqual([]);
      for (const o of retried)
        expect(storedVotesOf(sqlite, { contestId: contest.id, pepper, voter: o.voter, receipt: o.receipt })).toEqual({ registered: 1, ballots: 1 });
      await paperIdea(failed!.title, failed!.key);
      expect(ideaRows(sqlite, failed!.title)).toEqual({ ideas: 1, costLines: 2, photos: 1, audit: 1 });
    } finally {
      makeRoom();
    }
  });

  it("answers a vote posted on a full database with the error page and its request id, and stores nothing", async () => {
    const sqlite = db().$client;
    const handler = testRequestHandler([{ id: "routes/rondes.$slug_.stemmen", path: "rondes/:slug/stemmen", module: voteRoute }]);
    // Residents of the area, logged in before the disk fills (a login writes its session).
    const addUser = sqlite.prepare(
      "INSERT INTO users (id, email, name, password_hash, postcode, created_at, email_confirmed_at) VALUES (?, ?, ?, 'no-login', '7416 AB', ?, ?)",
    );
    const residents: { id: string; cookie: string }[] = [];
    for (let i = 0; i < 60; i++) {
      addUser.run(`page-user-${i}`, `page-${i}@voorbeeld.nl`, `Paginabewoner ${i}`, Date.now(), Date.now());
      residents.push({ id: `page-user-${i}`, cookie: (await createSessionCookie(`page-user-${i}`)).split(";")[0]! });
    }
    const logged: { msg?: string; reqId?: string; method?: string; path?: string; err?: unknown }[] = [];
    // The error is logged on purpose here; the suite's setup fails a test on any console.error it does not expect.
    vi.spyOn(console, "error").mockImplementation((entry: unknown) => void logged.push(entry as (typeof logged)[number]));
    const makeRoom = fillTheDisk(sqlite);
    try {
      // Until the database refuses one: a vote that still fits (room left on its pages) is simply stored.
      let answered500 = false;
      for (const [i, resident] of residents.entries()) {
        const requestId = `fault-req-${i}`;
        // The receipt mail of the vote before goes out after its answer: let it land first.
        await backgroundMailSent();
        const countsBefore = tableCounts(sqlite);
        const response = await handler(
          new Request(`http://localhost/rondes/${votingDemoSlug}/stemmen`, {
            method: "POST",
            headers: { Cookie: resident.cookie, "Content-Type": "application/x-www-form-urlencoded" },
            body: `sticker=${ideaIds[0]}&sticker=${ideaIds[1]}&ikDoeMee=${ideaIds[0]}`,
          }),
          { requestId },
        );
        const votes = storedVotesOf(sqlite, { contestId: contest.id, pepper, voter: `user:${resident.id}` });
        if (response.status === 302) {
          expect(votes).toEqual({ registered: 1, ballots: 1 });
          continue;
        }
        expect(response.status).toBe(500);
        expect(response.headers.get("Content-Type")).toContain("text/html");
        const html = await response.text();
        const main = html.match(/<main[\s\S]*<\/main>/)?.[0] ?? "";
        const t = translator("nl");
        expect(main).toContain(`<h1>${t("errors.unexpectedTitle")}</h1>`);
        expect(main).toContain(t("errors.unexpected", { id: requestId }));
        expect(html).toContain(`<meta name="request-id" content="${requestId}"/>`);
        // Nothing of SQLite's message reaches the resident; the log has it, under the same id.
        expect(html).not.toContain("database or disk is full");
        const line = logged.find((entry) => entry.msg === "request failed" && entry.reqId === requestId);
        expect(line).toMatchObject({ method: "POST", path: `/rondes/${votingDemoSlug}/stemmen`, err: { code: "SQLITE_FULL" } });
        expect(votes).toEqual({ registered: 0, ballots: 0 });
        expect(tableCounts(sqlite)).toEqual(countsBefore);
        answered500 = true;
        break;
      }
      expect(answered500).toBe(true);
      // A receipt mail of a vote that did fit is sent after the answer: let it settle while the log is caught.
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      makeRoom();
    }
    // Logged: the refused vote once, and at most receipt mails of stored votes that did not fit.
    expect(logged.filter((entry) => entry.msg === "request failed")).toHaveLength(1);
    for (const entry of logged) expect(entry.msg).toMatch(/^request failed$|^receipt mail not sent$/);
  });
});
