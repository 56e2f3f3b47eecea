import { formatDateTime } from "~/lib/format";
import { translator, type Locale } from "~/lib/i18n";
import { sendMailLater } from "~/lib/mail.server";
import { stickerCounts, type Ballot } from "./ballot";
import { receiptPath } from "./paths";
import { contestIdeaTitles } from "./votes.server";

// The account voter's receipt by email (issue 6): what they voted for and, after the first vote, the
// receipt code. The mail goes to the voter's own address only. Sent after the vote is committed and
// not awaited by the vote's answer: a slow mail server never holds up a resident's "opgeslagen".

type Recipient = { email: string; name: string; locale: Locale };

export function stickerLines(ballot: Ballot, titles: Map<number, string>, locale: Locale): string {
  const t = translator(locale);
  return [...stickerCounts(ballot)]
    .map(([ideaId, n]) => `- ${titles.get(ideaId) ?? ideaId}${n > 1 ? ` (${t("voting.stickersOnIdea", { n })})` : ""}`)
    .join("\n");
}

/** The receipt mail, sent after the answer: the vote itself is already safe on disk. */
export function sendReceiptMailLater(input: {
  to: Recipient;
  contest: { id: number; slug: string; title: string };
  ballot: Ballot;
  /** The receipt, on the first vote; null when stickers moved. */
  receipt: string | null;
  closesAt: number | null;
  origin: string;
}): void {
  sendMailLater(async () => {
    const { to } = input;
    const t = translator(to.locale);
    const titles = await contestIdeaTitles(input.contest.id);
    const params = {
      name: to.name,
      contest: input.contest.title,
      stickers: stickerLines(input.ballot, titles, to.locale),
      receipt: input.receipt ?? "",
      link: `${input.origin}${receiptPath(input.contest.slug)}`,
      date: input.closesAt === null ? "-" : formatDateTime(input.closesAt, to.locale),
    };
    return input.receipt
      ? { to: to.email, subject: t("voting.mailSubject", params), text: t("voting.mailBody", params) }
      : { to: to.email, subject: t("voting.mailMovedSubject", params), text: t("voting.mailMovedBody", params) };
  }, "receipt mail");
}
