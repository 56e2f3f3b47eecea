import { randomBytes } from "node:crypto";
import { insertAccount, insertIdeas, insertRound, writeE2eDatabase } from "./database-helpers";

// A test-only seed helper for the jury journey: its own contest (so closing its decision does not
// change the demo contest other tests use), with three handed-in ideas by three residents and two
// jurors with accounts; the third juror gets an account without a role, to be invited in the test.
// Its juryselectie runs 22 to 29 March 2031 (database-helpers.ts).

const hour = 60 * 60 * 1000;
const day = 24 * hour;

export const duringJury = Date.parse("2031-03-25T12:00:00+01:00");

export type JuryWorld = {
  slug: string;
  title: string;
  jurors: { chair: string; second: string; invited: string };
  ideas: { title: string; indiener: string }[];
};

export function seedJuryWorld(): JuryWorld {
  const tag = randomBytes(3).toString("hex");
  const slug = `jurytest-${tag}`;
  const title = `Jurytest ${tag}`;
  const createdAt = Date.parse("2031-01-01T12:00:00+01:00");
  return writeE2eDatabase((db): JuryWorld => {
    const contestId = insertRound(db, { slug, title, maxShortlist: 1, createdAt });
    const user = (key: string, name: string) => {
      const account = { id: `e2e-${key}-${tag}`, email: `${key}-${tag}@voorbeeld.nl`, name, createdAt };
      insertAccount(db, account);
      return account;
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
    insertIdeas(db, contestId, {
      status: "submitted",
      submittedAt: Date.parse("2031-03-15T10:00:00+01:00"),
      ideas: ideas.map((i) => ({ title: i.title, ownerId: i.owner.id })),
    });
    return {
      slug,
      title,
      jurors: { chair: chair.email, second: second.email, invited: invited.email },
      ideas: ideas.map((i) => ({ title: i.title, indiener: i.owner.email })),
    };
  });
}

export { day };
