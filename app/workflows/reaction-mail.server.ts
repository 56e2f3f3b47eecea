import { translator } from "~/lib/i18n";
import { takeAttempt } from "~/modules/auth/throttle.server";
import { userRecipients } from "~/modules/auth/users.server";
import { acceptedCoInitiatorIds } from "~/modules/ideas/ideas.server";
import { ideaPath } from "~/modules/ideas/paths";
import { notify } from "~/modules/notifications/notify.server";

// A mail to an idea's makers when someone reacts (issue 21 leftover). It is the kind "reactions", so
// anyone can switch it off (ADR 017), and a busy discussion mails each maker at most once an hour per
// idea: the hour is counted before the mail, in the throttle table, so two reactions at once send one.
// Lives in workflows because it reads the ideas' makers and mails through notifications.

const HOUR = 60 * 60 * 1000;
export const REACTION_MAIL_POLICY = { maxFailures: 1, windowMs: HOUR, blockMs: HOUR };
const EXCERPT = 300;

export async function mailMakersAboutReaction(input: {
  idea: { id: number; title: string; ownerUserId: string | null };
  contestSlug: string;
  author: { userId: string; name: string };
  body: string;
  origin: string;
  now: number;
}): Promise<number> {
  const makers = [...(input.idea.ownerUserId ? [input.idea.ownerUserId] : []), ...(await acceptedCoInitiatorIds(input.idea.id))].filter(
    (id) => id !== input.author.userId,
  );
  const link = `${input.origin}${ideaPath(input.contestSlug, input.idea.id)}#reacties`;
  const text = input.body.trim();
  const excerpt = text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text;
  let sent = 0;
  for (const makerId of new Set(makers)) {
    // Keyed by account, not address: the throttle table holds no email address.
    const [person] = await userRecipients([makerId]);
    if (!person) continue;
    if ((await takeAttempt([{ key: `reaction-mail:${input.idea.id}:${makerId}`, policy: REACTION_MAIL_POLICY }], input.now)) > 0) continue;
    const t = translator(person.locale);
    const params = { title: input.idea.title, name: input.author.name, excerpt, link };
    const mail = { subject: t("initiative.reactionMail.subject", params), text: t("initiative.reactionMail.body", params) };
    if (await notify({ kind: "reactions", to: person.email, locale: person.locale, ...mail, origin: input.origin })) sent++;
  }
  return sent;
}
