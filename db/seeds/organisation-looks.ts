import { one, run } from "../query.server";
import { eq } from "drizzle-orm";
import type { Db } from "../client.server";
import { organisations } from "../schema";
import { storedPicture } from "./pictures/seed";

// Each demo organisation gets a logo and an accent colour (issue 18.13, ADR 025), so the demo shows
// its rounds, letters, posters and ceremony in their own look. The logos are drawn here for the demo
// (simple shapes, no lettering: fonts differ per machine), rendered to PNG with sharp and then stored,
// cached as the demo pictures are, through the same path as an uploaded logo. Every colour passes the contrast rule with room to spare.

type DemoLook = { slug: string; accent: string; svg: string };

const demoLooks: DemoLook[] = [
  {
    // A crown for the Keizerslanden (the emperor's lands) over the roofs of the wijk.
    slug: "wijkteam-keizerslanden",
    accent: "#2f6b3a",
    svg: `<rect x="8" y="8" width="224" height="224" rx="48" fill="#2f6b3a"/>
      <path d="M58 112 L78 62 L100 96 L120 52 L140 96 L162 62 L182 112 Z" fill="#ffd43b"/>
      <path d="M48 188 V150 L78 124 L108 150 V188 Z M132 188 V140 L162 114 L192 140 V188 Z" fill="#fff"/>
      <rect x="70" y="162" width="16" height="26" fill="#2f6b3a"/><rect x="154" y="160" width="16" height="28" fill="#2f6b3a"/>`,
  },
  {
    // A shield with a tower and the river along the town.
    slug: "gemeente-deventer",
    accent: "#9f1d35",
    svg: `<path d="M120 12 L220 44 V120 C220 176 176 214 120 230 C64 214 20 176 20 120 V44 Z" fill="#9f1d35"/>
      <path d="M100 60 h40 v20 h-8 v80 h-24 v-80 h-8 Z" fill="#fff"/>
      <path d="M112 44 L120 28 L128 44 Z" fill="#fff"/>
      <path d="M40 176 q20 -14 40 0 t40 0 t40 0 t40 0" stroke="#fff" stroke-width="10" fill="none" stroke-linecap="round"/>
      <path d="M52 200 q17 -12 34 0 t34 0 t34 0 t34 0" stroke="#fff" stroke-width="8" fill="none" stroke-linecap="round"/>`,
  },
  {
    // A round tree on the heath: Drenthe's green around the town.
    slug: "gemeente-assen",
    accent: "#1c5a94",
    svg: `<circle cx="120" cy="120" r="112" fill="#1c5a94"/>
      <circle cx="120" cy="96" r="52" fill="#fff"/>
      <circle cx="88" cy="112" r="30" fill="#fff"/><circle cx="152" cy="112" r="30" fill="#fff"/>
      <rect x="112" y="120" width="16" height="64" rx="4" fill="#fff"/>
      <path d="M44 196 q76 -30 152 0" stroke="#8fd18b" stroke-width="12" fill="none" stroke-linecap="round"/>`,
  },
];

export async function seedOrganisationLooks(db: Db): Promise<void> {
  for (const look of demoLooks) {
    const organisation = await one(db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, look.slug)));
    if (!organisation) continue;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="480" viewBox="0 0 240 240">${look.svg}</svg>`;
    const logo = await storedPicture(svg, "organisations", "png");
    await run(db.update(organisations).set({ accentColour: look.accent, logoKey: logo.storageKey }).where(eq(organisations.id, organisation.id)));
  }
}
