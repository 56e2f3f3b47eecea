import { getEnv, publicOrigin } from "~/lib/env.server";
import type { Locale } from "~/lib/i18n";
import type { ContestDetails } from "~/modules/contests/contests.server";
import { phaseAt } from "~/modules/contests/phases";
import { submitDraft } from "./ideas.server";
import { sendSubmittedMail } from "./mails.server";

/** Hands in a draft for a user and sends the confirmation mail (with a confirm link for a brand-new account). */
export async function handIn(input: {
  request: Request;
  details: ContestDetails;
  idea: { id: number; title: string };
  user: { id: string; email: string; name: string; locale: Locale };
  confirmed: boolean;
  now: number;
}): Promise<boolean> {
  const result = await submitDraft({ ideaId: input.idea.id, ownerUserId: input.user.id, confirmed: input.confirmed, now: input.now });
  if (!result.ok) return false;
  await sendSubmittedMail({
    to: input.user,
    about: {
      slug: input.details.contest.slug,
      contestTitle: input.details.contest.title,
      ideaId: input.idea.id,
      ideaTitle: input.idea.title,
      origin: publicOrigin(input.request, getEnv().appUrl),
    },
    confirmToken: result.confirmToken,
    deadline: phaseAt(input.details.clock, input.now).schedule?.indienen.end ?? null,
  });
  return true;
}

export function ideaOrigin(request: Request): string {
  return publicOrigin(request, getEnv().appUrl);
}
