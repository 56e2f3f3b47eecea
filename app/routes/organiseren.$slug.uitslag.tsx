import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "~/lib/parse-form";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { now } from "~/lib/clock.server";
import { formatDateTime, vatTerms } from "~/lib/format";
import { readForm, redirectWith } from "~/routes-support/http.server";
import { useCountText, useLocale, useT } from "~/lib/i18n/react";
import { requireContestManager } from "~/routes-support/contest-access.server";
import { checkPhase, phaseAt } from "~/modules/contests/phases";
import { ideaPath } from "~/modules/ideas/paths";
import { correctionSchema, resultsActionSchema } from "~/modules/results/forms";
import { ceremonyPath, EXPORT_FILES, exportPath, resultsConsolePath, resultsJsonPath, resultsPath, type ExportFile } from "~/modules/results/paths";
import { correctResults, RESULTS_PHASES, resultsForOrganiser, revealResults, type ResultsProblem } from "~/modules/results/results.server";
import { resultsView } from "~/modules/results/view";
import { ballotReviewPath, postersPath } from "~/modules/voting/paths";
import { finaliseVoting } from "~/modules/contests/console.server";
import { reviewSummary, type ReviewSummary } from "~/modules/voting/ballot-review.server";
import type { Turnout } from "~/modules/voting/tally-input";
import { FormErrors, TextAreaField, validateOnSubmit } from "~/ui/form";
import { PageTitle } from "~/ui/page-title";
import { ResultsIdeas, ResultsOverview, ResultsRule } from "~/ui/results-view";
import resultsStyles from "~/ui/results.css?url";
import { TurnoutFigures } from "~/ui/turnout";
import { asHttp } from "~/routes-support/refusals.server";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["rounds", "results", "voting", "budgetParts"] } satisfies I18nHandle;

// The console's Uitslag tab: during the vote only the turnout (ADR 007); after it the count as it
// stands, what blocks it (open poster counts), the way to the ceremony, the reveal, a correction
// when the count changed after the reveal, and the open-data downloads.

export const links: LinksFunction = () => [{ rel: "stylesheet", href: resultsStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { details } = await requireContestManager(request, params.slug);
  const at = now();
  const slug = details.contest.slug;
  const results = await resultsForOrganiser(details, at);
  const published =
    results.state === "voting-open" || results.state === "not-final" || !results.published
      ? null
      : { revealedAt: results.published.revealedAt, corrections: results.published.corrections };
  return {
    slug,
    title: details.contest.title,
    votesPerResident: details.contest.votesPerResident,
    vat: vatTerms(details.contest),
    state: results.state,
    turnout: results.state === "voting-open" || results.state === "not-final" ? results.turnout : null,
    review: results.state === "not-final" ? await reviewSummary(details) : null,
    problem: results.state === "problem" ? results.problem : null,
    published,
    changedSincePublished: results.state === "ready" && results.changedSincePublished,
    warnings: results.state === "ready" ? results.live.warnings : [],
    view: results.state === "ready" ? resultsView(results.live, (ideaId) => ideaPath(slug, ideaId)) : null,
    canReveal: results.state === "ready" && !results.published && checkPhase(phaseAt(details.clock, at), RESULTS_PHASES).ok,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { details, actor } = await requireContestManager(request, params.slug);
  const at = now();
  const submission = parseWithZod(await readForm(request), { schema: resultsActionSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), problem: null }, { status: 400 });
  const back = resultsConsolePath(details.contest.slug);
  if (submission.value.intent === "finalise") {
    const finalised = await finaliseVoting({ actor, details, now: at });
    return redirectWith(back, { flash: { key: finalised.ok ? "results.console.finalisedFlash" : "results.console.votingNotEnded" } });
  }
  if (submission.value.intent === "reveal") {
    const revealed = await asHttp(async () => revealResults({ details, actorUserId: actor.userId, now: at }));
    if (revealed.ok) return redirectWith(back, { flash: { key: "results.console.revealedFlash" } });
    if (revealed.reason === "already-revealed") return redirectWith(back, { flash: { key: "results.console.alreadyRevealed" } });
    if (revealed.reason === "not-final") return redirectWith(back, { flash: { key: "results.console.finaliseFirst" } });
    return data({ result: submission.reply(), problem: revealed.problem }, { status: 409 });
  }
  const corrected = await correctResults({ details, actorUserId: actor.userId, reason: submission.value.reason, now: at });
  if (corrected.ok) return redirectWith(back, { flash: { key: "results.console.correctedFlash" } });
  if (corrected.reason !== "problem") {
    return redirectWith(back, corrected.reason === "unchanged" ? { flash: { key: "results.console.correctionUnchanged" } } : {});
  }
  return data({ result: submission.reply(), problem: corrected.problem }, { status: 409 });
}

const DOWNLOAD_LABELS = {
  "uitslag.csv": "results.console.downloadResultsCsv",
  "uitslag.json": "results.console.downloadResultsJson",
  "stembiljetten.csv": "results.console.downloadBallotsCsv",
  "stembiljetten.json": "results.console.downloadBallotsJson",
  "ronde.pb": "results.console.downloadPb",
} as const satisfies Record<ExportFile, string>;

export default function ResultsConsole() {
  const t = useT();
  const locale = useLocale();
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const problem = actionData?.problem ?? page.problem;
  return (
    <>
      <PageTitle title={`${page.title} · ${t("results.console.tab")}`} />

      {page.state === "voting-open" && page.turnout ? (
        <section className="card" aria-labelledby="opkomst">
          <h2 id="opkomst">{t("results.console.turnoutTitle")}</h2>
          <p>{t("results.console.votingOpen")}</p>
          <TurnoutFigures turnout={page.turnout} />
        </section>
      ) : null}

      {page.state === "not-final" && page.turnout && page.review ? <FinaliseCount turnout={page.turnout} review={page.review} slug={page.slug} /> : null}

      {problem ? <Problem problem={problem} slug={page.slug} /> : null}

      {page.published ? (
        <section className="card" aria-labelledby="status-titel">
          <h2 id="status-titel">{t("results.title")}</h2>
          <p className="notice">{t("results.console.publicSince", { date: formatDateTime(page.published.revealedAt, locale) })}</p>
          <p className="results-console-actions">
            <Link to={resultsPath(page.slug)}>{t("results.console.viewPublic")}</Link>
            <Link to={ceremonyPath(page.slug)}>{t("results.console.ceremonyButton")}</Link>
          </p>
          {page.published.corrections.length > 0 ? (
            <>
              <h3>{t("results.correctionsTitle")}</h3>
              <ul>
                {page.published.corrections.map((c, i) => (
                  <li key={i}>{t("results.correctionLine", { date: formatDateTime(c.at, locale), reason: c.reason })}</li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      {page.changedSincePublished ? <CorrectionForm /> : null}

      {page.state === "ready" && !page.published ? (
        <div className="results-summary">
          <section className="card" aria-labelledby="uitreiking-titel">
            <h2 id="uitreiking-titel">{t("results.console.ceremonyTitle")}</h2>
            <p>{t("results.console.ceremonyLead")}</p>
            <Link className="button primary" to={ceremonyPath(page.slug)}>
              {t("results.console.ceremonyButton")}
            </Link>
          </section>
          <section className="card" aria-labelledby="openbaar-titel">
            <h2 id="openbaar-titel">{t("results.console.revealTitle")}</h2>
            <p className="notice warning">{t("results.console.notPublic")}</p>
            <p>{t("results.console.revealLead")}</p>
            {page.canReveal ? (
              <Form method="post">
                <input type="hidden" name="intent" value="reveal" />
                <button type="submit" className="button">
                  {t("results.console.revealButton")}
                </button>
              </Form>
            ) : null}
          </section>
        </div>
      ) : null}

      {page.warnings.map((w, i) => (
        <p key={i} className="notice warning" role="note">
          {t("results.console.warningPoster", { stickers: w.stickers, attendance: w.attendance, max: w.max })}
        </p>
      ))}

      {page.view ? (
        <>
          {page.published ? null : <h2 className="results-preview-title">{t("results.console.previewTitle")}</h2>}
          <ResultsOverview view={page.view} vat={page.vat} />
          <ResultsIdeas view={page.view} vat={page.vat} />
          <ResultsRule view={page.view} vat={page.vat} />
        </>
      ) : null}

      {page.state !== "voting-open" && page.state !== "not-final" ? (
        <section className="card" aria-labelledby="downloads-titel">
          <h2 id="downloads-titel">{t("results.console.downloadsTitle")}</h2>
          {page.published ? (
            <>
              <p>{t("results.console.downloadsLead")}</p>
              <ul className="results-downloads">
                {EXPORT_FILES.map((file) => (
                  <li key={file}>
                    <a href={exportPath(page.slug, file)} download>
                      {t(DOWNLOAD_LABELS[file])}
                    </a>
                  </li>
                ))}
              </ul>
              <p>
                <a href={resultsJsonPath(page.slug)}>{t("results.console.publicJson")}</a>: <code>{resultsJsonPath(page.slug)}</code>
              </p>
            </>
          ) : (
            <p className="muted">{t("results.console.downloadsLater")}</p>
          )}
        </section>
      ) : null}
    </>
  );
}

/**
 * Between the close of voting and the totals (ADR 007): check the register, then make the count final.
 * Only then are totals shown, so no two totals ever differ by one ballot.
 */
function FinaliseCount({ turnout, review, slug }: { turnout: Turnout; review: ReviewSummary; slug: string }) {
  const t = useT();
  const count = useCountText();
  return (
    <div className="results-summary">
      <section className="card" aria-labelledby="opkomst">
        <h2 id="opkomst">{t("results.console.votingClosedTitle")}</h2>
        <TurnoutFigures turnout={turnout} />
        <p>
          {t("results.console.reviewLead")}{" "}
          {count(review.flagged, { one: "results.console.reviewFlaggedOne", other: "results.console.reviewFlagged" }, { count: review.flagged })}{" "}
          {count(review.invalid, { one: "results.console.reviewInvalidOne", other: "results.console.reviewInvalid" }, { count: review.invalid })}
        </p>
        <p>
          <Link to={ballotReviewPath(slug)}>{t("results.console.reviewLink")}</Link>
        </p>
      </section>
      <section className="card" aria-labelledby="definitief-titel">
        <h2 id="definitief-titel">{t("results.console.finaliseTitle")}</h2>
        <p>{t("results.console.finaliseLead")}</p>
        <p className="notice warning">{t("results.console.finaliseWarning")}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="finalise" />
          <button type="submit" className="button primary">
            {t("results.console.finaliseButton")}
          </button>
        </Form>
      </section>
    </div>
  );
}

function Problem({ problem, slug }: { problem: ResultsProblem; slug: string }) {
  const t = useT();
  return (
    <section className="card" aria-labelledby="probleem-titel">
      <h2 id="probleem-titel">{t("results.console.problemTitle")}</h2>
      {problem.code === "poster-counts-open" ? (
        <>
          <p className="notice warning">{t("results.console.problemPosters")}</p>
          <p>
            <Link to={postersPath(slug)}>{t("results.console.problemPostersLink")}</Link>
          </p>
        </>
      ) : problem.code === "equal-shares-needs-ballots" ? (
        <p className="notice warning">{t("results.console.problemEqualShares")}</p>
      ) : problem.code === "parts-need-greedy" ? (
        <p className="notice warning">{t("budgetParts.results.problemNeedsGreedy")}</p>
      ) : problem.code === "idea-without-part" ? (
        <p className="notice warning">{t("budgetParts.results.problemIdeaWithoutPart")}</p>
      ) : (
        <p className="notice warning">{t("results.console.problemCount", { message: problem.message })}</p>
      )}
    </section>
  );
}

function CorrectionForm() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: correctionSchema }),
    ...validateOnSubmit,
  });
  return (
    <section className="card" aria-labelledby="veranderd-titel">
      <h2 id="veranderd-titel">{t("results.console.changedTitle")}</h2>
      <p className="notice warning">{t("results.console.changedLead")}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors errors={form.errors} id={form.errorId} />
        <input type="hidden" name="intent" value="correct" />
        <TextAreaField field={fields.reason} label={t("results.console.correctionReason")} hint={t("results.console.correctionHint")} rows={3} />
        <button type="submit" className="button primary">
          {t("results.console.correctionButton")}
        </button>
      </Form>
    </section>
  );
}
