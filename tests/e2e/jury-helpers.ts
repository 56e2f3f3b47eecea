import { randomBytes } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";

// A test-only seed helper for the jury journey: its own contest (so closing its decision does not
// change the demo contest other tests use), with three handed-in ideas by three residents and two
// jurors with accounts; the third juror gets an account without a role, to be invited in the test.
// It writes to the e2e server's database file (WAL: the running server sees the rows at once).

const hour = 60 * 60 * 1000;
const day = 24 * hour;

/** The phases of the test contest: juryselectie runs 22 to 29 March 2031, Amsterdam time. */
const phases: [phase: string, start: string, end: string][] = [
  ["aankondiging", "2031-03-01T09:00:00+01:00", "2031-03-08T09:00:00+01:00"],
  ["indienen", "2031-03-08T09:00:00+01:00", "2031-03-22T17:00:00+01:00"],
  ["juryselectie", "2031-03-22T17:00:00+01:00", "2031-03-29T17:00:00+02:00"],
  ["uitwerken", "2031-03-29T17:00:00+02:00", "2031-04-12T17:00:00+02:00"],
  ["stemmen", "2031-04-12T17:00:00+02:00", "2031-04-19T20:00:00+02:00"],
  ["prijsuitreiking", "2031-04-19T20:00:00+02:00", "2031-04-26T20:00:00+02:00"],
  ["nazorg", "2031-04-26T20:00:00+02:00", "2031-10-01T09:00:00+02:00"],
];
export const duringJury = Date.parse("2031-03-25T12:00:00+01:00");

export type JuryWorld = {
  slug: string;
  title: string;
  jurors: { chair: string; second: string; invited: string };
  ideas: { title: string; indiener: string }[];
};

export function seedJuryWorld(): JuryWorld {
  const file = path.join(process.env.E2E_DATA_DIR ?? "./data/e2e", "e2e.sqlite");
  const db = new Database(file);
  db.pragma("busy_timeout = 5000");
  const tag = randomBytes(3).toString("hex");
  const slug = `jurytest-${tag}`;
  const title = `Jurytest ${tag}`;
  const createdAt = Date.parse("2031-01-01T12:00:00+01:00");
  try {
    return db.transaction((): JuryWorld => {
      const passwordHash = (db.prepare("SELECT password_hash FROM users WHERE email = 'jury@keizerslanden.nl'").get() as { password_hash: string }).password_hash;
      const organisationId = (db.prepare("SELECT id FROM organisations WHERE slug = 'wijkteam-keizerslanden'").get() as { id: number }).id;
      const areaId = (db.prepare("SELECT id FROM areas WHERE name = 'Keizerslanden'").get() as { id: number }).id;
      const contestId = Number(
        db
          .prepare(
            `INSERT INTO contests (organisation_id, slug, title, intro, status, budget_euros, max_shortlist, created_at, updated_at)
             VALUES (?, ?, ?, 'Een ronde voor de jurytest.', 'gepubliceerd', 10000, 1, ?, ?)`,
          )
          .run(organisationId, slug, title, createdAt, createdAt).lastInsertRowid,
      );
      db.prepare("INSERT INTO contest_areas (contest_id, area_id) VALUES (?, ?)").run(contestId, areaId);
      const phase = db.prepare("INSERT INTO contest_phases (contest_id, phase, starts_at, ends_at) VALUES (?, ?, ?, ?)");
      for (const [name, start, end] of phases) phase.run(contestId, name, Date.parse(start), Date.parse(end));

      const user = (key: string, name: string) => {
        const email = `${key}-${tag}@voorbeeld.nl`;
        db.prepare("INSERT INTO users (id, email, name, password_hash, postcode, created_at) VALUES (?, ?, ?, ?, '7416 AB', ?)").run(`e2e-${key}-${tag}`, email, name, passwordHash, createdAt);
        return { id: `e2e-${key}-${tag}`, email };
      };
      const chair = user("voorzitter", "Vera Voorzitter");
      const second = user("jurylid", "Jan Jurylid");
      const invited = user("nieuw-jurylid", "Nina Nieuw");
      const role = db.prepare("INSERT INTO role_assignments (user_id, role, contest_id, is_chair, created_at) VALUES (?, 'jurylid', ?, ?, ?)");
      role.run(chair.id, contestId, 1, createdAt);
      role.run(second.id, contestId, 0, createdAt);

      const ideas = [
        { title: `Bloembakken in de Brinkstraat ${tag}`, owner: user("indiener-a", "Ans Bloem") },
        { title: `Jeu de boules-baan ${tag}`, owner: user("indiener-b", "Bert Boules") },
        { title: `Buurtbibliotheekkastje ${tag}`, owner: user("indiener-c", "Carla Kast") },
      ];
      const submitted = Date.parse("2031-03-15T10:00:00+01:00");
      const idea = db.prepare(
        `INSERT INTO ideas (contest_id, status, title, summary, description, cost_euros, owner_user_id, created_at, updated_at, submitted_at, contact_confirmed_at)
         VALUES (?, 'submitted', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      ideas.forEach((i, n) =>
        idea.run(contestId, i.title, "Een klein plan voor de straat.", "Buren doen mee en zorgen er samen voor.", 1500 + n * 500, i.owner.id, submitted - n * hour, submitted - n * hour, submitted + n * hour, submitted + n * hour),
      );
      return {
        slug,
        title,
        jurors: { chair: chair.email, second: second.email, invited: invited.email },
        ideas: ideas.map((i) => ({ title: i.title, indiener: i.owner.email })),
      };
    })();
  } finally {
    db.close();
  }
}

export { day };
