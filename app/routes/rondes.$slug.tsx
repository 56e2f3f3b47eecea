import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "~/lib/parse-form";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useEffect } from "react";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { now } from "~/lib/clock.server";
import { getEnv, publicOrigin } from "~/lib/env.server";
import { formatAmount, formatDateTime, vatTerms } from "~/lib/format";
import { readForm } from "~/routes-support/http.server";
import type { MessageKey } from "~/lib/i18n";
import { getLocale } from "~/routes-support/locale.server";
import { useLocale, useT } from "~/lib/i18n/react";
import { requirePhase } from "~/routes-support/refusals.server";
import { checkPhase, effectiveSchedule, phaseIndex } from "~/modules/contests/phases";
import { contestImageUrl } from "~/modules/contests/contest-image";
import { loadVisibleContest } from "~/routes-support/contest-access.server";
import { shareCardFor } from "~/routes-support/share.server";
import { previousEditionOf } from "~/modules/contests/contests.server";
import { shareMeta } from "~/ui/share-meta";
import { guidanceFor, paragraphsOf, publicOverrides } from "~/modules/contests/public-view";
import { SUBSCRIBE_PHASES, subscribeLeadAt, type SubscribeLead } from "~/modules/contests/subscription-phases";
import { subscribeSchema } from "~/modules/contests/subscription-schemas";
import { subscribeToContest } from "~/modules/contests/subscriptions.server";
import { DeadlineFact } from "~/ui/contest-card";
import { guidanceText, joinList, votesPhrase } from "~/ui/contest-texts";
import { RouteErrorPage } from "~/ui/error-page";
import { FormErrors, PlainTextField } from "~/ui/plain-form";
import { PageTitle } from "~/ui/page-title";
import { PhaseBadge } from "~/ui/phase-badge";
import roundsStyles from "~/ui/rounds.css?url";
import { Timeline } from "~/ui/timeline";
import { TurnoutFigures } from "~/ui/turnout";
import votingStyles from "~/ui/voting.css?url";
import { votePath } from "~/modules/voting/paths";
import { resultsPath } from "~/modules/results/paths";
import { partsRuleLine, renderLine } from "~/modules/results/explain";
import { storyPath } from "~/modules/aftercare/paths";
import { TRACK_SHOW_PHASES } from "~/modules/aftercare/track";
import { hasPublicResults } from "~/modules/results/results.server";
import { archivedResultsOf } from "~/modules/results/archive.server";
import { turnout } from "~/modules/voting/votes.server";
import { howEligibilityIsChecked } from "~/modules/voting/eligibility";
import { EligibilityCheck } from "~/ui/eligibility-check";
import { phaseName } from "~/ui/phase-words";
import { roundLookOf } from "~/modules/auth/organisation-look";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["rounds", "results", "ideas", "voting", "aftercare", "spread", "help", "budgetParts"] } satisfies I18nHandle;

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: roundsStyles },
  { rel: "stylesheet", href: votingStyles },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const at = now();
  const { details, info, preview } = await loadVisibleContest(request, params.slug, at);
  const { contest } = details;
  const archived = (await archivedResultsOf(contest.id)) !== null;
  return {
    now: at,
    preview,
    contest: {
      slug: contest.slug,
      title: contest.title,
      intro: contest.intro,
      budgetEuros: contest.budgetEuros,
      amountsIncludeVat: contest.amountsIncludeVat,
      votesPerResident: contest.votesPerResident,
      allowStacking: contest.allowStacking,
      outcomeRule: contest.outcomeRule,
      budgetSplit: contest.budgetSplit,
      leftoverPolicy: contest.leftoverPolicy,
      eligibleByAccount: contest.eligibleByAccount,
      eligibleByCode: contest.eligibleByCode,
      eligibleByPoster: contest.eligibleByPoster,
    },
    organisationName: details.organisationName,
    roundLook: roundLookOf(details),
    image: contest.imagePath ? { src: contestImageUrl(contest.imagePath, "large"), alt: contest.imageAlt ?? "" } : null,
    areaNames: details.areas.map((a) => a.name),
    eligibility: howEligibilityIsChecked(contest),
    prizes: details.prizes.map((p) => ({ position: p.position, name: p.name, amountEuros: p.amountEuros, description: p.description })),
    phase: { phase: info.phase, inGap: info.inGap, since: info.since, until: info.until, next: info.next },
    // A concept is off the clock (phaseAt gives no schedule), but its preview still shows the planned dates.
    schedule: info.schedule ?? (details.schedule ? effectiveSchedule(details.schedule, details.overrides) : null),
    changes: details.schedule ? publicOverrides(details.schedule, details.overrides) : [],
    // From voting on: how many residents voted and how, never what they chose (issue 6).
    turnout: phaseIndex(info.phase) >= phaseIndex("stemmen") ? await turnout(contest.id) : null,
    // After the reveal (or for an archived round): the way to the results (issue 7).
    resultsPath: (await hasPublicResults(contest.id)) ? resultsPath(contest.slug) : null,
    // After the vote: what became of the ideas (issue 8). An archived .pb round has no tracks.
    storyPath: checkPhase(info, TRACK_SHOW_PHASES).ok && !archived ? storyPath(contest.slug) : null,
    // An archived round was decided by votes, not stickers: its rule per part says so (ADR 026).
    scoreWord: archived ? ("votes" as const) : ("stickers" as const),
    previousEdition: await previousEditionOf(contest),
    share: await shareCardFor(request, {
      title: contest.title,
      description: contest.intro,
      path: `/rondes/${contest.slug}`,
      image: contest.imagePath ? { src: contestImageUrl(contest.imagePath, "large"), alt: contest.imageAlt ?? contest.title } : null,
    }),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? shareMeta(data.share) : []);

export async function action({ request, params }: ActionFunctionArgs) {
  const at = now();
  const { details } = await loadVisibleContest(request, params.slug, at);
  requirePhase(details, SUBSCRIBE_PHASES, at);
  const submission = parseWithZod(await readForm(request), { schema: subscribeSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), sentTo: null }, { status: 400 });
  await subscribeToContest({
    contest: { id: details.contest.id, slug: details.contest.slug, title: details.contest.title },
    email: submission.value.email,
    locale: await getLocale(request),
    origin: publicOrigin(request, getEnv().appUrl),
    now: at,
  });
  // The same answer whether or not this address was on the list already.
  return { result: submission.reply({ resetForm: true }), sentTo: submission.value.email };
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function ContestPage() {
  const t = useT();
  const locale = useLocale();
  const page = useLoaderData<typeof loader>();
  const { contest, phase, now } = page;
  const votes = votesPhrase(t, locale, contest.votesPerResident);
  const plan = paragraphsOf(contest.intro);
  const subscribeLead = subscribeLeadAt(phase);
  // Ideas are public from the moment they can be handed in.
  const showIdeas = phaseIndex(phase.phase) >= phaseIndex("indienen");
  return (
    <article className="page contest-page">
      <PageTitle title={contest.title} />
      <p className="breadcrumb">
        <Link to="/rondes">
          <span aria-hidden="true">← </span>
          {t("rounds.back")}
        </Link>
      </p>
      {page.preview ? (
        <div className="notice warning preview-banner" role="note">
          <p className="preview-title">{t("rounds.previewTitle")}</p>
          <p>
            {phase.phase === "binnenkort" && phase.until !== null
              ? t("rounds.previewSoon", { date: formatDateTime(phase.until, locale) })
              : t("rounds.previewConcept")}
          </p>
        </div>
      ) : null}

      <header className="contest-header">
        <PhaseBadge phase={phase.phase} inGap={phase.inGap} />
        <h1>{contest.title}</h1>
        <p className="lead">
          {t("rounds.organisedBy", { organisation: page.organisationName })}
          {page.areaNames.length > 0 ? ` · ${joinList(page.areaNames, locale)}` : null}
        </p>
        <p>
          <Link to={`/rondes/${contest.slug}/beursvloer`}>{t("help.link")}</Link>
        </p>
        {page.previousEdition ? (
          <p>
            <Link to={`/rondes/${page.previousEdition.slug}`}>{t("spread.previousEdition", { title: page.previousEdition.title })}</Link>
          </p>
        ) : null}
      </header>
      {page.image ? <img className="contest-image" src={page.image.src} alt={page.image.alt} /> : null}

      <div className="contest-top">
        <section className="card contest-now" aria-labelledby="nu-titel">
          <h2 id="nu-titel">{t("rounds.nowTitle")}</h2>
          <p className="contest-now-text">{guidanceText(t, locale, guidanceFor(phase), contest.votesPerResident, page.resultsPath !== null)}</p>
          {subscribeLead && !showIdeas ? <SubscribeForm lead={subscribeLead} /> : null}
          {showIdeas ? (
            <p className="hero-actions">
              {phase.phase === "stemmen" && !phase.inGap ? (
                <Link className="button primary" to={votePath(contest.slug)}>
                  {t("voting.voteNow")}
                </Link>
              ) : null}
              {phase.phase === "indienen" && !phase.inGap ? (
                <Link className="button primary" to={`/rondes/${contest.slug}/ideeen/nieuw`}>
                  {t("ideas.handIn")}
                </Link>
              ) : null}
              <Link className="button" to={`/rondes/${contest.slug}/ideeen`}>
                {t("rounds.seeIdeas")}
              </Link>
            </p>
          ) : null}
          {/* Once there is something to do, that comes first; keeping up to date comes after it. */}
          {subscribeLead && showIdeas ? <SubscribeForm lead={subscribeLead} /> : null}
          {page.resultsPath || page.storyPath ? (
            <p className="hero-actions">
              {page.resultsPath ? (
                <Link className="button primary" to={page.resultsPath}>
                  {t("results.linkFromContest")}
                </Link>
              ) : null}
              {page.storyPath ? (
                <Link className="button" to={page.storyPath}>
                  {t("aftercare.story.title")}
                </Link>
              ) : null}
            </p>
          ) : null}
        </section>
        <section className="card contest-key-facts" aria-label={t("rounds.factsLabel")}>
          <dl className="contest-facts">
            <DeadlineFact phase={phase} now={now} />
            <div>
              <dt>{t("rounds.budget")}</dt>
              <dd className="nowrap">{formatAmount(contest.budgetEuros, locale, vatTerms(contest))}</dd>
            </div>
          </dl>
        </section>
      </div>

      {page.turnout ? (
        <section className="card contest-turnout" aria-labelledby="opkomst-titel">
          <h2 id="opkomst-titel">{t("voting.turnoutTitle")}</h2>
          <TurnoutFigures turnout={page.turnout} />
          {phaseIndex(phase.phase) <= phaseIndex("stemmen") ? <p className="muted">{t("voting.turnoutNote")}</p> : null}
        </section>
      ) : null}

      <section className="card contest-schedule" aria-labelledby="planning-titel">
        <h2 id="planning-titel">{t("rounds.timelineTitle")}</h2>
        {page.changes.length > 0 ? <ScheduleChanges changes={page.changes} /> : null}
        {page.schedule ? <Timeline schedule={page.schedule} info={phase} now={now} labelledBy="planning-titel" /> : <p>{t("rounds.timelineNoSchedule")}</p>}
      </section>

      <div className="contest-columns">
        <section className="contest-plan" aria-labelledby="plan-titel">
          <h2 id="plan-titel">{t("rounds.planTitle")}</h2>
          {plan.length > 0 ? plan.map((paragraph, i) => <p key={i}>{paragraph}</p>) : <p className="muted">{t("rounds.planEmpty")}</p>}
        </section>
        <div className="contest-side">
          <section className="card" aria-labelledby="geld-titel">
            <h2 id="geld-titel">{t("rounds.moneyTitle")}</h2>
            <p className="contest-budget-total">
              {t("rounds.budgetTotal")}: <strong className="nowrap">{formatAmount(contest.budgetEuros, locale, vatTerms(contest))}</strong>
            </p>
            {page.prizes.length > 0 ? (
              <>
                <h3>{t("rounds.prizesTitle")}</h3>
                <ol className="prize-list">
                  {page.prizes.map((prize) => (
                    <li key={prize.position}>
                      <span className="prize-name">{prize.name}</span>
                      <span className="prize-amount nowrap">{formatAmount(prize.amountEuros, locale, vatTerms(contest))}</span>
                      {prize.description ? <span className="prize-description">{prize.description}</span> : null}
                    </li>
                  ))}
                </ol>
              </>
            ) : (
              <p>{t("rounds.noPrizes")}</p>
            )}
          </section>
          <section className="card" aria-labelledby="regels-titel">
            <h2 id="regels-titel">{t("rounds.rulesTitle")}</h2>
            <p>
              {contest.budgetSplit === "none"
                ? t(`rounds.outcome.${contest.outcomeRule}`)
                : renderLine(partsRuleLine(contest.outcomeRule, contest.leftoverPolicy, page.scoreWord), t, locale)}
            </p>
            <p>{t("results.tieBreak.contestPage")}</p>
            <p>
              {t("rounds.votesRule", { votes })} {contest.allowStacking ? t("rounds.stackingYes") : t("rounds.stackingNo")}
            </p>
            <EligibilityCheck lines={page.eligibility} areaNames={page.areaNames} title="whoVotes" />
          </section>
        </div>
      </div>
    </article>
  );
}

function SubscribeForm({ lead }: { lead: SubscribeLead }) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  // Checked by the server only, as a plain form: zod in the browser would add 40 kB to the most visited
  // page and conform 10 kB, for one field (ADR 030). The reply is conform's, read here as data: its
  // errors (message keys) and the address as typed, cut to the schema's limit (lib/parse-form.ts).
  const result: SubmissionResult<string[]> | undefined = actionData?.result;
  const errors = result?.error ?? {};
  const typed = result?.initialValue?.email;
  // As conform does: a refused address puts the cursor back in the field, where the message is read out.
  useEffect(() => {
    if (result?.status === "error" && result.error?.email) document.getElementById("aanmelden-email")?.focus();
  }, [result]);
  return (
    <div className="subscribe" aria-labelledby="aanmelden-titel" role="group">
      <h3 id="aanmelden-titel">{t(lead === "rounds.subscribeLead" ? "rounds.subscribeTitle" : "rounds.subscribeTitleLater")}</h3>
      {actionData?.sentTo ? (
        <p className="notice" role="status">
          {t("rounds.subscribeSent", { email: actionData.sentTo })}
        </p>
      ) : (
        <p>{t(lead)}</p>
      )}
      {/* noValidate: the server's message, in the reader's language, not the browser's own. */}
      <Form method="post" id="aanmelden" noValidate className="stack subscribe-form">
        <FormErrors errors={errors[""] ?? undefined} id="aanmelden-fout" />
        {/* A new field after a post that came through: empty, as the page without JavaScript has it. */}
        <PlainTextField
          key={actionData?.sentTo ?? "email"}
          id="aanmelden-email"
          name="email"
          label={t("rounds.subscribeEmail")}
          errors={errors.email ?? undefined}
          defaultValue={typeof typed === "string" ? typed : undefined}
          type="email"
          autoComplete="email"
          inputMode="email"
        />
        <button type="submit" className={lead === "rounds.subscribeLead" ? "button primary" : "button"} disabled={navigation.state === "submitting"}>
          {t("rounds.subscribeButton")}
        </button>
      </Form>
      <p className="field-hint subscribe-privacy">{t("rounds.subscribePrivacy")}</p>
    </div>
  );
}

function ScheduleChanges({ changes }: { changes: LoaderData["changes"] }) {
  const t = useT();
  const locale = useLocale();
  const keys: Record<(typeof changes)[number]["kind"], MessageKey> = {
    extend: "rounds.changeExtend",
    "close-early": "rounds.changeCloseEarly",
    reopen: "rounds.changeReopen",
  };
  return (
    <div className="notice warning schedule-changes">
      <h3>{t("rounds.changesTitle")}</h3>
      <ul>
        {changes.map((change, i) => (
          <li key={i}>
            {t(keys[change.kind], { phase: phaseName(t, change.phase), date: formatDateTime(change.effectiveAt, locale) })}{" "}
            {t("rounds.changeReason", { reason: change.reason })}
          </li>
        ))}
      </ul>
    </div>
  );
}

export const ErrorBoundary = RouteErrorPage;
