import { one, many } from "~db/query.server";
import { eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "~db/client.server";
import { ideas, users } from "~db/schema";
import type { Locale } from "~/lib/i18n";
import { getIdea, getIdeaDetails } from "~/modules/ideas/ideas.server";

// Who made an idea and how to reach them, through the ideas feature's own functions.

export type Person = { email: string; name: string; locale: Locale };

const isEmail = (value: string) => z.email().safeParse(value.trim()).success;

/** The indiener as a person to mail, or a paper idea's contact (mailed when it is an email address). */
export async function ideaOwnerContact(ideaId: number): Promise<{ person: Person | null; paperContact: string | null }> {
  const contestId = (await one(getDb().select({ contestId: ideas.contestId }).from(ideas).where(eq(ideas.id, ideaId))))?.contestId;
  const idea = contestId === undefined ? undefined : await getIdea(contestId, ideaId);
  if (!idea) return { person: null, paperContact: null };
  if (idea.isPaper) {
    const contact = idea.paperContact?.trim() ?? null;
    return contact && isEmail(contact)
      ? { person: { email: contact.toLowerCase(), name: idea.paperName ?? "", locale: "nl" }, paperContact: contact }
      : { person: null, paperContact: contact };
  }
  const owner = (await getIdeaDetails(idea)).owner;
  return { person: owner ? { email: owner.email, name: owner.name, locale: owner.locale } : null, paperContact: null };
}

/** Co-initiators who accepted, with the language of their account. */
export async function acceptedCoInitiatorEmails(ideaId: number): Promise<Person[]> {
  const contestId = (await one(getDb().select({ contestId: ideas.contestId }).from(ideas).where(eq(ideas.id, ideaId))))?.contestId;
  const idea = contestId === undefined ? undefined : await getIdea(contestId, ideaId);
  if (!idea) return [];
  const accepted = (await getIdeaDetails(idea)).coInitiators.filter((c) => c.accepted && c.userId);
  if (accepted.length === 0) return [];
  const accounts = await many(
    getDb()
      .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
      .from(users)
      .where(
        inArray(
          users.id,
          accepted.map((c) => c.userId!),
        ),
      ),
  );
  return accounts.map((a) => ({ email: a.email, name: a.name, locale: a.locale }));
}
