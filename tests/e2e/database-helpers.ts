import path from "node:path";
import Database from "better-sqlite3";

// Test-only seeding: rows written straight into the e2e server's database file (WAL: the running server
// sees them at once), for a world a journey needs but is not about.

type Db = Database.Database;

/**
 * Runs `write` in one IMMEDIATE transaction on the e2e server's database: it waits for the write lock
 * up front (busy_timeout). A deferred one that reads first could not upgrade once the server had
 * written meanwhile, and failed at once with "database is locked" (seen in CI).
 */
export function writeE2eDatabase<T>(write: (db: Db) => T): T {
  const db = new Database(path.join(process.env.E2E_DATA_DIR ?? "./data/e2e", "e2e.sqlite"));
  db.pragma("busy_timeout = 5000");
  try {
    return db.transaction(() => write(db)).immediate();
  } finally {
    db.close();
  }
}

/** An account with the demo password and a confirmed email address, made at `createdAt`. */
export function insertAccount(db: Db, account: { id: string; email: string; name: string; postcode?: string; createdAt: number }): void {
  const { password_hash } = db.prepare("SELECT password_hash FROM users WHERE email = 'bewoner@keizerslanden.nl'").get() as { password_hash: string };
  db.prepare("INSERT INTO users (id, email, name, password_hash, postcode, created_at, email_confirmed_at) VALUES (?, ?, ?, ?, ?, ?, ?)").run(
    account.id,
    account.email,
    account.name,
    password_hash,
    account.postcode ?? "7416 AB",
    account.createdAt,
    account.createdAt,
  );
}

/** The phases of every test round, in 2031, Amsterdam time: juryselectie 22 to 29 March, stemmen 12 to 19 April, prijsuitreiking until 26 April. */
const phases2031: [phase: string, start: string, end: string][] = [
  ["aankondiging", "2031-03-01T09:00:00+01:00", "2031-03-08T09:00:00+01:00"],
  ["indienen", "2031-03-08T09:00:00+01:00", "2031-03-22T17:00:00+01:00"],
  ["juryselectie", "2031-03-22T17:00:00+01:00", "2031-03-29T17:00:00+02:00"],
  ["uitwerken", "2031-03-29T17:00:00+02:00", "2031-04-12T17:00:00+02:00"],
  ["stemmen", "2031-04-12T17:00:00+02:00", "2031-04-19T20:00:00+02:00"],
  ["prijsuitreiking", "2031-04-19T20:00:00+02:00", "2031-04-26T20:00:00+02:00"],
  ["nazorg", "2031-04-26T20:00:00+02:00", "2031-10-01T09:00:00+02:00"],
];

/** A published round of Wijkteam Keizerslanden in Keizerslanden, in 2031; returns its id. */
export function insertRound(db: Db, round: { slug: string; title: string; maxShortlist?: number; createdAt: number }): number {
  const organisationId = (db.prepare("SELECT id FROM organisations WHERE slug = 'wijkteam-keizerslanden'").get() as { id: number }).id;
  const areaId = (db.prepare("SELECT id FROM areas WHERE name = 'Keizerslanden'").get() as { id: number }).id;
  const contestId = Number(
    db
      .prepare(
        `INSERT INTO contests (organisation_id, slug, title, intro, status, budget_euros, max_shortlist, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'gepubliceerd', 10000, ?, ?, ?)`,
      )
      .run(organisationId, round.slug, round.title, `Een ronde voor een test: ${round.title}.`, round.maxShortlist ?? null, round.createdAt, round.createdAt)
      .lastInsertRowid,
  );
  db.prepare("INSERT INTO contest_areas (contest_id, area_id) VALUES (?, ?)").run(contestId, areaId);
  const phase = db.prepare("INSERT INTO contest_phases (contest_id, phase, starts_at, ends_at) VALUES (?, ?, ?, ?)");
  for (const [name, start, end] of phases2031) phase.run(contestId, name, Date.parse(start), Date.parse(end));
  return contestId;
}

/** Ideas by their owners in one status, handed in around `submittedAt`; returns their ids in order. */
export function insertIdeas(
  db: Db,
  contestId: number,
  input: { status: "submitted" | "shortlisted"; submittedAt: number; ideas: { title: string; ownerId: string }[] },
): number[] {
  const idea = db.prepare(
    `INSERT INTO ideas (contest_id, status, title, summary, description, cost_euros, owner_user_id, created_at, updated_at, submitted_at, contact_confirmed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const hour = 60 * 60 * 1000;
  const at = input.submittedAt;
  return input.ideas.map((i, n) =>
    Number(
      idea.run(
        contestId,
        input.status,
        i.title,
        "Een klein plan voor de straat.",
        "Buren doen mee en zorgen er samen voor.",
        1500 + n * 500,
        i.ownerId,
        at - n * hour,
        at - n * hour,
        at + n * hour,
        at + n * hour,
      ).lastInsertRowid,
    ),
  );
}
