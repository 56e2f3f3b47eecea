import { formatDateTime } from "~/lib/format";
import { translator, type Locale } from "~/lib/i18n";
import { sendMail } from "~/lib/mail.server";
import { notify } from "~/modules/notifications/notify.server";
import { confirmIdeaPath, ideaPath, invitationPath } from "./paths";

// The emails of the idea pages. Plain text, in the recipient's language, with full links.

type Recipient = { email: string; name: string; locale: Locale };
type About = { slug: string; contestTitle: string; ideaId: number; ideaTitle: string; origin: string };

export async function sendSubmittedMail(input: { to: Recipient; about: About; confirmToken: string | null; deadline: number | null }) {
  const { to, about } = input;
  const t = translator(to.locale);
  const params = {
    name: to.name,
    title: about.ideaTitle,
    contest: about.contestTitle,
    link: `${about.origin}${ideaPath(about.slug, about.ideaId)}`,
    deadline: input.deadline === null ? "-" : formatDateTime(input.deadline, to.locale),
    confirmLink: input.confirmToken ? `${about.origin}${confirmIdeaPath(about.slug)}?token=${encodeURIComponent(input.confirmToken)}` : "",
  };
  const subject = t("ideas.mail.submittedSubject", params);
  // With a confirmation link the mail is needed to finish handing in; without, it is a receipt the
  // maker may switch off.
  if (input.confirmToken) await sendMail({ to: to.email, subject, text: t("ideas.mail.submittedConfirm", params) });
  else await notify({ kind: "submitted", to: to.email, locale: to.locale, subject, text: t("ideas.mail.submittedBody", params), origin: about.origin });
}

export async function sendInviteMail(input: { to: string; locale: Locale; inviterName: string; about: About; token: string }) {
  const t = translator(input.locale);
  const params = {
    name: input.inviterName,
    title: input.about.ideaTitle,
    contest: input.about.contestTitle,
    link: `${input.about.origin}${invitationPath(input.about.slug)}?token=${encodeURIComponent(input.token)}`,
  };
  await sendMail({ to: input.to, subject: t("ideas.mail.inviteSubject", params), text: t("ideas.mail.inviteBody", params) });
}

export async function sendHiddenMail(input: { to: Recipient; about: About; reason: string; photo: boolean }) {
  const t = translator(input.to.locale);
  const params = {
    name: input.to.name,
    title: input.about.ideaTitle,
    contest: input.about.contestTitle,
    reason: input.reason,
    link: `${input.about.origin}${ideaPath(input.about.slug, input.about.ideaId)}`,
  };
  await sendMail({
    to: input.to.email,
    subject: t(input.photo ? "ideas.mail.photoHiddenSubject" : "ideas.mail.hiddenSubject", params),
    text: t(input.photo ? "ideas.mail.photoHiddenBody" : "ideas.mail.hiddenBody", params),
  });
}
