import { one, run } from "~db/query.server";
import { transact } from "~db/transact.server";
import { eq } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { organisations } from "~db/schema";
import { writeAudit } from "~/lib/audit.server";
import { deletePhotoFiles, withStoredPhoto, type ProcessedPhoto } from "~/lib/photos.server";
import { checkAccent, type AccentCheck } from "./organisation-look";

// Reads and changes an organisation's look (ADR 025). Who may is the route's question (can(…,
// "organisation:change-look")); every change is one audit row without a contest, in the change's
// own transaction, as the team's changes are (ADR 018).

export type OrganisationLook = { id: number; name: string; slug: string; accentColour: string | null; logoKey: string | null };

const lookColumns = {
  id: organisations.id,
  name: organisations.name,
  slug: organisations.slug,
  accentColour: organisations.accentColour,
  logoKey: organisations.logoKey,
};

export async function organisationLookBySlug(slug: string): Promise<OrganisationLook | undefined> {
  return one(getDb().select(lookColumns).from(organisations).where(eq(organisations.slug, slug)));
}

export async function organisationLookById(id: number): Promise<OrganisationLook | undefined> {
  return one(getDb().select(lookColumns).from(organisations).where(eq(organisations.id, id)));
}

/** The organisation whose logo has this storage key (to serve it: a logo is public wherever it is set). */
export async function organisationByLogo(storageKey: string): Promise<{ id: number } | undefined> {
  return one(getDb().select({ id: organisations.id }).from(organisations).where(eq(organisations.logoKey, storageKey)));
}

/**
 * Sets the accent colour after the contrast rule (checked here again, whatever the form said), or goes
 * back to the Wijkvonk colour with null. A refused colour changes nothing and comes back with the reason.
 */
export async function setAccentColour(input: {
  organisation: OrganisationLook;
  colour: string | null;
  actor: { userId: string };
  now: number;
}): Promise<AccentCheck | { ok: true; colour: null }> {
  const check = input.colour === null ? ({ ok: true, colour: null } as const) : checkAccent(input.colour);
  if (!check.ok) return check;
  await transact(getDb(), async (tx) => {
    await run(tx.update(organisations).set({ accentColour: check.colour }).where(eq(organisations.id, input.organisation.id)));
    await writeAudit(tx, {
      userId: input.actor.userId,
      contestId: null,
      action: "organisation.accent-changed",
      subject: input.organisation.name,
      before: { accentColour: input.organisation.accentColour },
      after: { accentColour: check.colour },
      at: input.now,
    });
  });
  return check;
}

/** Replaces the logo (already re-encoded by sharp, without metadata); the old files go once the new row is saved. */
export async function setOrganisationLogo(input: {
  organisation: OrganisationLook;
  logo: ProcessedPhoto;
  actor: { userId: string };
  now: number;
}): Promise<void> {
  const previous = input.organisation.logoKey;
  await withStoredPhoto(
    input.logo,
    async () =>
      transact(getDb(), async (tx) => {
        await run(tx.update(organisations).set({ logoKey: input.logo.storageKey }).where(eq(organisations.id, input.organisation.id)));
        await writeAudit(tx, {
          userId: input.actor.userId,
          contestId: null,
          action: "organisation.logo-changed",
          subject: input.organisation.name,
          at: input.now,
        });
      }),
    "organisations",
  );
  if (previous) await deletePhotoFiles(previous, "organisations");
}

/** Takes the logo off: the pages show the organisation's name alone again. */
export async function removeOrganisationLogo(input: { organisation: OrganisationLook; actor: { userId: string }; now: number }): Promise<boolean> {
  const previous = input.organisation.logoKey;
  if (!previous) return false;
  await transact(getDb(), async (tx) => {
    await run(tx.update(organisations).set({ logoKey: null }).where(eq(organisations.id, input.organisation.id)));
    await writeAudit(tx, { userId: input.actor.userId, contestId: null, action: "organisation.logo-removed", subject: input.organisation.name, at: input.now });
  });
  await deletePhotoFiles(previous, "organisations");
  return true;
}
