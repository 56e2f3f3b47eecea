import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "~/lib/parse-form";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, type ShouldRevalidateFunction, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { now } from "~/lib/clock.server";
import { readFlash } from "~/lib/flash.server";
import type { MessageKey } from "~/lib/i18n";
import { useT } from "~/lib/i18n/react";
import { votingPepper } from "~/lib/secrets.server";
import { requirePhase } from "~/routes-support/refusals.server";
import { checkPhase, phaseAt } from "~/modules/contests/phases";
import { loadVisibleContest } from "~/routes-support/contest-access.server";
import { stickerCounts, type Ballot } from "~/modules/voting/ballot";
import { votePath } from "~/modules/voting/paths";
import { receiptFormSchema } from "~/modules/voting/code-schemas";
import { guessBlockedFor, minutesToWait, recordWrongGuess } from "~/modules/voting/throttle.server";
import { checkReceipt, ideaTitles } from "~/modules/voting/votes.server";
import { RouteErrorPage } from "~/ui/error-page";
import { FormErrors, TextField, validateOnSubmit } from "~/ui/form";
import { PageTitle } from "~/ui/page-title";
import { ReceiptCard, VotedList } from "~/ui/receipt-card";
import votingStyles from "~/ui/voting.css?url";
import { questionsAfterVote } from "~/modules/participation/participation.server";
import { isAnswerSubmission } from "~/modules/participation/paths";
import { ParticipationQuestions } from "~/ui/participation-questions";
import participationStyles from "~/ui/participation.css?url";
import { readForm } from "~/routes-support/http.server";
import { roundLookOf } from "~/modules/auth/organisation-look";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["voting", "participation"] } satisfies I18nHandle;

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: votingStyles },
  { rel: "stylesheet", href: participationStyles },
];

// "Is mijn stem meegeteld?" (issue 6): a receipt leads to the stickers of its ballot, never to a
// person. Right after a vote with a code, this page also shows the new receipt, once (flash cookie).

/** From voting on: receipts keep working after the count and the reveal. */
const receiptPhases = ["stemmen", "prijsuitreiking", "nazorg", "afgesloten"] as const;

async function votedItems(ballot: Ballot) {
  const counts = stickerCounts(ballot);
  const titles = await ideaTitles([...counts.keys()]);
  return [...counts].map(([ideaId, n]) => ({ title: titles.get(ideaId) ?? String(ideaId), n }));
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const at = now();
  const { details } = await loadVisibleContest(request, params.slug, at);
  requirePhase(details, receiptPhases, at);
  const { flash } = await readFlash(request);
  const receipt = flash?.key === "voting.votedFlash" && flash.params?.receipt ? flash.params.receipt : null;
  const ballot = receipt ? await checkReceipt({ contestId: details.contest.id, receipt, pepper: votingPepper() }) : null;
  return {
    slug: details.contest.slug,
    roundLook: roundLookOf(details),
    title: details.contest.title,
    stacking: details.contest.allowStacking,
    justVoted: receipt && ballot ? { receipt, items: await votedItems(ballot) } : null,
    // The optional questions on who takes part (ADR 014), right after a vote with a code.
    questions: receipt && ballot && checkPhase(phaseAt(details.clock, at), "stemmen").ok ? await questionsAfterVote(details, receipt) : null,
  };
}

type ActionData = {
  result: SubmissionResult<string[]>;
  found: { title: string; n: number }[] | null;
  message: { key: MessageKey; params?: Record<string, number> } | null;
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const at = now();
  const { details } = await loadVisibleContest(request, params.slug, at);
  requirePhase(details, receiptPhases, at);
  const submission = parseWithZod(await readForm(request), { schema: receiptFormSchema });
  const answer = (found: ActionData["found"], message: ActionData["message"], status = 200) =>
    data<ActionData>({ result: submission.reply(), found, message }, { status });
  const blocked = await guessBlockedFor("receipt", context.clientIp, at);
  if (blocked > 0) return answer(null, { key: "voting.throttled", params: { minutes: minutesToWait(blocked) } }, 429);
  if (submission.status !== "success") return answer(null, null, 400);
  const ballot = await checkReceipt({ contestId: details.contest.id, receipt: submission.value.receipt, pepper: votingPepper() });
  if (!ballot) {
    await recordWrongGuess("receipt", context.clientIp, at);
    return answer(null, { key: "voting.checkNotFound" }, 404);
  }
  return answer(await votedItems(ballot), null);
}

export default function ReceiptPage() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: receiptFormSchema }),
    ...validateOnSubmit,
  });
  return (
    <article className="page voting-page">
      <PageTitle title={`${t("voting.checkTitle")} · ${page.title}`} />
      <p className="breadcrumb">
        <Link to={votePath(page.slug)}>
          <span aria-hidden="true">← </span>
          {t("voting.title")}: {page.title}
        </Link>
      </p>
      {page.justVoted ? (
        <>
          <h1>{t("voting.votedTitle")}</h1>
          <ReceiptCard receipt={page.justVoted.receipt} mailed={false}>
            <h3>{t("voting.votedFor")}</h3>
            <VotedList items={page.justVoted.items} stacking={page.stacking} />
          </ReceiptCard>
          {page.questions ? <ParticipationQuestions questions={page.questions} receiptFirst /> : null}
          <h2>{t("voting.checkTitle")}</h2>
        </>
      ) : (
        <h1>{t("voting.checkTitle")}</h1>
      )}
      <p>{t("voting.checkLead")}</p>
      {actionData?.found ? (
        <section className="notice" role="status" aria-labelledby="meegeteld">
          <p id="meegeteld">
            <strong>{t("voting.checkFound")}</strong> {t("voting.checkFoundLead")}
          </p>
          <VotedList items={actionData.found} stacking={page.stacking} />
        </section>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="card stack receipt-form">
        {actionData?.message ? (
          <div className="form-error" role="alert">
            {t(actionData.message.key, actionData.message.params)}
          </div>
        ) : null}
        <FormErrors errors={form.errors} id={form.errorId} />
        <TextField field={fields.receipt} label={t("voting.checkField")} hint={t("voting.checkHint")} autoComplete="off" />
        <button type="submit" className="button primary" disabled={navigation.state === "submitting"}>
          {t("voting.checkButton")}
        </button>
      </Form>
    </article>
  );
}

// Answering the questions on who takes part leaves this page as it is (the receipt is shown only once).
export const shouldRevalidate: ShouldRevalidateFunction = ({ formAction, defaultShouldRevalidate }) =>
  isAnswerSubmission(formAction) ? false : defaultShouldRevalidate;

export const ErrorBoundary = RouteErrorPage;
