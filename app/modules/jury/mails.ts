// The jury's emails as text. Pure: the caller passes the translator of the recipient's language
// and everything the mail mentions; jury.server.ts sends them.

import type { Translate } from "~/lib/i18n";
import type { Outcome } from "./shortlist";

export type MailText = { subject: string; text: string };

export type OutcomeMailInput = {
  outcome: Outcome;
  name: string;
  ideaTitle: string;
  contestTitle: string;
  motivation: string;
  /** Full link to the idea's page. */
  ideaLink: string;
  /** Full link to the contest's page. */
  contestLink: string;
  /** When working out ends (already formatted in the recipient's language), for shortlisted ideas. */
  workOutUntil: string | null;
};

/**
 * Every indiener gets an answer with the jury's motivation (product.md: "every indiener gets a
 * motivated answer"). An idea that does not go on is not a dead end: the mail says what aftercare
 * offers (De Vonk's nazorg: informal networks, supporters, funds).
 */
export function outcomeMail(t: Translate, input: OutcomeMailInput): MailText {
  const params = {
    name: input.name,
    title: input.ideaTitle,
    contest: input.contestTitle,
    motivation: input.motivation.trim(),
    link: input.ideaLink,
    contestLink: input.contestLink,
    until: input.workOutUntil ?? "-",
  };
  if (input.outcome === "shortlisted") {
    return {
      subject: t("jury.mail.shortlistedSubject", params),
      text: t(input.workOutUntil ? "jury.mail.shortlistedBody" : "jury.mail.shortlistedBodyNoDate", params),
    };
  }
  return {
    subject: t("jury.mail.notShortlistedSubject", params),
    text: t("jury.mail.notShortlistedBody", { ...params, aftercare: t("jury.aftercareText") }),
  };
}

export function invitationMail(t: Translate, input: { contestTitle: string; inviterName: string; link: string; isChair: boolean }): MailText {
  const params = { contest: input.contestTitle, name: input.inviterName, link: input.link };
  return {
    subject: t("jury.mail.inviteSubject", params),
    text: t(input.isChair ? "jury.mail.inviteBodyChair" : "jury.mail.inviteBody", params),
  };
}

/** Someone taken off the jury hears it from us, not only from a page that no longer opens. */
export function removedMail(t: Translate, input: { name: string; contestTitle: string }): MailText {
  const params = { name: input.name, contest: input.contestTitle };
  return { subject: t("jury.mail.removedSubject", params), text: t("jury.mail.removedBody", params) };
}

export function feedbackMail(t: Translate, input: { name: string; ideaTitle: string; contestTitle: string; ideaLink: string }): MailText {
  const params = { name: input.name, title: input.ideaTitle, contest: input.contestTitle, link: input.ideaLink };
  return { subject: t("jury.mail.feedbackSubject", params), text: t("jury.mail.feedbackBody", params) };
}
