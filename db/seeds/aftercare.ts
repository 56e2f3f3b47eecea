import { count, eq } from "drizzle-orm";
import type { Db } from "../client.server";
import { municipalities, supporters } from "../schema";

// The supporter directory of the demo (issue 8, nazorg): who in Deventer and Assen takes on ideas
// that did not win. Invented organisations with invented contact details.

const directory: Record<string, { name: string; kind: (typeof supporters.$inferInsert)["kind"]; topics: string; contact: string; website?: string }[]> = {
  deventer: [
    { name: "Buurtnetwerk Keizerslanden", kind: "buurtnetwerk", topics: "vrijwilligers vinden, buurtactiviteiten", contact: "buurtnetwerk@keizerslanden.nl" },
    { name: "Welzijn Deventer (voorbeeld)", kind: "welzijn", topics: "ouderen, jongeren, ontmoeting", contact: "0570 123 456 · info@welzijn-voorbeeld.nl" },
    { name: "Ideeënmakelaar Deventer", kind: "ideeenmakelaar", topics: "plan maken, vergunningen, subsidie zoeken", contact: "ideeenmakelaar@deventer-voorbeeld.nl" },
    { name: "Wijkfonds Deventer", kind: "fonds", topics: "geld voor kleine buurtplannen tot € 2.500", contact: "wijkfonds@deventer-voorbeeld.nl", website: "https://wijkfonds.example.nl" },
    { name: "Crowdfunding Samen Deventer", kind: "crowdfunding", topics: "geld ophalen bij buren en bedrijven", contact: "hallo@samen-deventer.example.nl" },
  ],
  assen: [{ name: "Ideeënmakelaar Assen", kind: "ideeenmakelaar", topics: "plan maken, subsidie zoeken", contact: "ideeen@assen-voorbeeld.nl" }],
};

/** Adds the demo supporters; does nothing when a municipality already has some. */
export function seedAftercareDemo(db: Db, options: { now: number }): void {
  for (const [slug, rows] of Object.entries(directory)) {
    const municipality = db.select().from(municipalities).where(eq(municipalities.slug, slug)).get();
    if (!municipality) continue;
    if ((db.select({ n: count() }).from(supporters).where(eq(supporters.municipalityId, municipality.id)).get()?.n ?? 0) > 0) continue;
    db.insert(supporters)
      .values(rows.map((r) => ({ ...r, municipalityId: municipality.id, createdAt: options.now, updatedAt: options.now })))
      .run();
  }
}
