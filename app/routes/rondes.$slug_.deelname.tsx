import { parseWithZod } from "~/lib/parse-form";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { now } from "~/lib/clock.server";
import { useT } from "~/lib/i18n/react";
import { votingPepper } from "~/lib/secrets.server";
import { checkPhase, phaseAt } from "~/modules/contests/phases";
import { loadVisibleContest } from "~/routes-support/contest-access.server";
import { contestBuurten, recordAnswers } from "~/modules/participation/participation.server";
import { answersFormSchema } from "~/modules/participation/answers-form";
import { buurtAnswerKeys, MOMENT_PHASE, type AnswersReply } from "~/modules/participation/questions";
import { readToken } from "~/modules/participation/token";
import { RouteErrorPage } from "~/ui/error-page";
import { PageTitle } from "~/ui/page-title";
import { replyMessages } from "~/ui/participation-questions";
import { readForm } from "~/routes-support/http.server";
import { roundLookOf } from "~/modules/auth/organisation-look";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["participation"] } satisfies I18nHandle;

// Where the optional questions after a vote or hand-in are sent (issue 9, ADR 014). The loader is the
// page that explains how the answers stay anonymous; the action adds one resident's answers to the
// counts, once per token. With JavaScript the reply is shown in the form's place; without, here.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { details } = await loadVisibleContest(request, params.slug, now());
  return { slug: details.contest.slug, roundLook: roundLookOf(details), title: details.contest.title };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const at = now();
  const { details } = await loadVisibleContest(request, params.slug, at);
  const contest = { slug: details.contest.slug, title: details.contest.title };
  const reply = (state: AnswersReply["state"], status = 200) => data<AnswersReply>({ state, contest }, { status });
  const buurten = await contestBuurten(details);
  const form = await readForm(request);
  const token = String(form.get("token") ?? "");
  const pepper = votingPepper();
  const read = token.length > 0 && token.length <= 200 ? readToken(token, { contestId: details.contest.id, pepper }) : null;
  if (!read) return reply("invalid", 400);
  // Answers are taken while the moment's phase lasts, like everything else (product.md).
  if (!checkPhase(phaseAt(details.clock, at), MOMENT_PHASE[read.moment]).ok) return reply("closed", 409);
  const submission = parseWithZod(form, { schema: answersFormSchema(buurtAnswerKeys(buurten)) });
  if (submission.status !== "success") return reply("bad-answer", 400);
  const { token: _token, ...answers } = submission.value;
  const result = await recordAnswers({ contestId: details.contest.id, token, answers, buurten, pepper });
  if (result.ok) return reply("recorded");
  return reply(result.reason, result.reason === "used" ? 409 : 400);
}

export default function ParticipationPage() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as AnswersReply | undefined;
  const back = (
    <p>
      <Link to={`/rondes/${page.slug}`}>{t("participation.backToContest", { contest: page.title })}</Link>
    </p>
  );
  if (reply) {
    const title = reply.state === "recorded" || reply.state === "used" ? t("participation.thanks") : t("participation.questionsTitle");
    return (
      <section className="page narrow">
        <PageTitle title={title} />
        <h1>{title}</h1>
        <p className={reply.state === "recorded" || reply.state === "used" ? "notice" : "notice warning"} role="status">
          {reply.state === "recorded" ? t("participation.thanksLead") : t(replyMessages[reply.state])}
        </p>
        {back}
      </section>
    );
  }
  return (
    <section className="page narrow">
      <PageTitle title={t("participation.aboutTitle")} />
      <h1>{t("participation.aboutTitle")}</h1>
      <p className="lead">{t("participation.aboutLead")}</p>
      <ul>
        <li>{t("participation.aboutPoint1")}</li>
        <li>{t("participation.aboutPoint2")}</li>
        <li>{t("participation.aboutPoint3")}</li>
        <li>{t("participation.aboutPoint4")}</li>
        <li>{t("participation.aboutPoint5")}</li>
      </ul>
      {back}
    </section>
  );
}

export const ErrorBoundary = RouteErrorPage;
