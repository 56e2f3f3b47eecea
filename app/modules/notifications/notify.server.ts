import { translator, type Locale } from "~/lib/i18n";
import { sendMail } from "~/lib/mail.server";
import { accountByEmail } from "~/modules/auth/users.server";
import type { NotificationKind } from "./kinds";
import { PREFERENCES_PATH, UNSUBSCRIBE_PATH } from "./paths";
import { isMuted, linkTokenFor } from "./preferences.server";

export type Notification = {
  kind: NotificationKind;
  to: string;
  locale: Locale;
  subject: string;
  text: string;
  /** Where the links point to, e.g. "https://wijkvonk.nl". */
  origin: string;
};

export function unsubscribeLinkFor(origin: string, email: string, kind: NotificationKind): string {
  return `${origin.replace(/\/$/, "")}${UNSUBSCRIBE_PATH}?token=${encodeURIComponent(linkTokenFor(email, kind))}`;
}

/**
 * Sends a mail of a kind the person can switch off: not at all when they did, else with a footer that
 * says why they get it and how to stop with one click, and the List-Unsubscribe headers (RFC 2369 and
 * RFC 8058) so a mail program can show its own "unsubscribe" button. Returns whether it went out.
 */
export async function notify(n: Notification): Promise<boolean> {
  if (await isMuted(n.to, n.kind)) return false;
  const t = translator(n.locale);
  const unsubscribeLink = unsubscribeLinkFor(n.origin, n.to, n.kind);
  // The preferences page needs a log-in: someone who follows a round by email alone gets only the one-click link.
  const footer = t((await accountByEmail(n.to)) ? "notifications.footer" : "notifications.footerNoAccount", {
    kind: t(`notifications.kinds.${n.kind}.label`),
    unsubscribeLink,
    preferencesLink: `${n.origin.replace(/\/$/, "")}${PREFERENCES_PATH}`,
  });
  await sendMail({
    to: n.to,
    subject: n.subject,
    text: `${n.text}\n\n${footer}`,
    headers: { "List-Unsubscribe": `<${unsubscribeLink}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  });
  return true;
}
