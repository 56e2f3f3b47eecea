import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { now } from "~/lib/clock.server";
import { readForm, redirectWith } from "~/routes-support/http.server";
import { getTranslator } from "~/routes-support/locale.server";
import { useT } from "~/lib/i18n/react";
import { parseWithZod } from "~/lib/parse-form";
import { votingPepper } from "~/lib/secrets.server";
import { requireContestManager } from "~/routes-support/contest-access.server";
import { INVALID_REASONS } from "~/modules/voting/ballot-review";
import { declareBallotInvalid, reviewBallots, votingStartOf } from "~/modules/voting/ballot-review.server";
import { invalidateSchema } from "~/modules/voting/console-forms";
import { ballotReviewPath, votingConsolePath } from "~/modules/voting/paths";
import { PageTitle } from "~/ui/page-title";
import votingStyles from "~/ui/voting.css?url";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["rounds", "voting"] } satisfies I18nHandle;

// Stemmen › Controle (issue 15): the votes that look wrong (new accounts during the vote, bursts from
// one place, addresses at their cap, throw-away mail), with who voted but never what. Until the count
// is final an organiser may declare an account's ballot invalid with a reason: it is deleted unseen
// and the register keeps the decision, logged. Afterwards the page only reports.

export const links: LinksFunction = () => [{ rel: "stylesheet", href: votingStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { details } = await requireContestManager(request, params.slug);
  const review = await reviewBallots({ contestId: details.contest.id, votingStartsAt: votingStartOf(details) });
  return {
    slug: details.contest.slug,
    title: details.contest.title,
    final: details.contest.votingFinalAt !== null,
    flagged: review.flagged.map((v) => ({ registerId: v.registerId, name: v.name, email: v.email, signals: v.signals })),
    invalid: review.invalid.total,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { details, actor } = await requireContestManager(request, params.slug);
  const submission = parseWithZod(await readForm(request), { schema: invalidateSchema });
  if (submission.status !== "success") return data({ registerId: Number(submission.payload.registerId) || 0, result: submission.reply() }, { status: 400 });
  // ADR 007: once totals can be seen, one ballot fewer would show in them.
  if (details.contest.votingFinalAt !== null) throw data({ message: (await getTranslator(request))("voting.reviewFinal") }, { status: 409 });
  const done = await declareBallotInvalid({
    actorUserId: actor.userId,
    contestId: details.contest.id,
    ...submission.value,
    pepper: votingPepper(),
    now: now(),
  });
  const back = ballotReviewPath(details.contest.slug);
  if (!done.ok && done.reason === "not-found") throw new Response("Not Found", { status: 404 });
  return redirectWith(back, { flash: done.ok ? { key: "voting.invalidatedFlash", params: { name: done.name } } : { key: "voting.invalidAlready" } });
}

export default function BallotReview() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  return (
    <>
      <PageTitle title={`${page.title} · ${t("voting.reviewTitle")}`} />
      <p className="breadcrumb">
        <Link to={votingConsolePath(page.slug)}>{t("voting.tab")}</Link>
      </p>
      <section className="card stack" aria-labelledby="controle-titel">
        <h2 id="controle-titel">{t("voting.reviewTitle")}</h2>
        <p>{t("voting.reviewLead")}</p>
        {page.final ? <p className="notice">{t("voting.reviewFinal")}</p> : null}
        <p>{t("voting.reviewInvalidSummary", { count: page.invalid })}</p>
        <p className="muted small">{t("voting.reviewCodesNote")}</p>
      </section>
      {page.flagged.length === 0 ? (
        <p className="notice">{t("voting.reviewNone")}</p>
      ) : (
        <ul className="review-list">
          {page.flagged.map((voter) => (
            <li key={voter.registerId} className="card stack">
              <h3>
                {voter.name} <span className="muted">({voter.email})</span>
              </h3>
              <p>
                <span className="visually-hidden">{t("voting.reviewSignals")}: </span>
                {voter.signals.map((s) => t(`voting.signal.${s}`)).join(" · ")}
              </p>
              {page.final ? null : (
                <Form method="post" className="review-form">
                  <input type="hidden" name="registerId" value={voter.registerId} />
                  <div className="field">
                    <label htmlFor={`reason-${voter.registerId}`}>{t("voting.invalidReasonLabel")}</label>
                    <select id={`reason-${voter.registerId}`} name="reason" defaultValue="fake-account">
                      {INVALID_REASONS.map((r) => (
                        <option key={r} value={r}>
                          {t(`rounds.invalidReason.${r}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="field" data-invalid={failed?.registerId === voter.registerId || undefined}>
                    <label htmlFor={`note-${voter.registerId}`}>{t("voting.invalidNote")}</label>
                    <input id={`note-${voter.registerId}`} name="note" required minLength={5} maxLength={500} />
                    {failed?.registerId === voter.registerId ? (
                      <p className="field-error" role="alert">
                        {t("validation.reasonRequired")}
                      </p>
                    ) : null}
                  </div>
                  <button type="submit" className="button">
                    {t("voting.invalidButton")}
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
