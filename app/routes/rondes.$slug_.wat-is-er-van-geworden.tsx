import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { now } from "~/lib/clock.server";
import { formatAmount, formatDate, formatMoney, vatTerms, type VatTerms } from "~/lib/format";
import { useLocale, useT } from "~/lib/i18n/react";
import { contestStory } from "~/workflows/story.server";
import { TRACK_SHOW_PHASES } from "~/modules/aftercare/track";
import { checkPhase } from "~/modules/contests/phases";
import { loadVisibleContest } from "~/routes-support/contest-access.server";
import { ideaPath } from "~/modules/ideas/paths";
import { moneyPath } from "~/modules/aftercare/paths";
import { PageTitle } from "~/ui/page-title";
import { UpdatePhotoImage } from "~/ui/realisation-track";
import { TaakgroepBadge } from "~/ui/taakgroepen";
import ideasStyles from "~/ui/ideas.css?url";
import taakgroepenStyles from "~/ui/taakgroepen.css?url";
import { roundLookOf } from "~/modules/auth/organisation-look";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["taakgroepen", "aftercare", "initiative"] } satisfies I18nHandle;

export const links = () => [
  { rel: "stylesheet", href: ideasStyles },
  { rel: "stylesheet", href: taakgroepenStyles },
];

// "Wat is er van geworden?" (issue 8): what became of every idea of a round, readable as a story with
// photos, for anyone. Residents lose trust when they hear nothing back; this page is the answer.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const at = now();
  const { details, info } = await loadVisibleContest(request, params.slug, at);
  const contest = { slug: details.contest.slug, title: details.contest.title, vat: vatTerms(details.contest) };
  const roundLook = roundLookOf(details);
  if (!checkPhase(info, TRACK_SHOW_PHASES).ok) return { contest, roundLook, story: null };
  return { contest, roundLook, story: await contestStory(details, at) };
}

type Story = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["story"]>;
type StoryIdea = Story["winners"][number];

function IdeaStory({ idea, slug, showWon, vat }: { idea: StoryIdea; slug: string; showWon: boolean; vat: VatTerms }) {
  const t = useT();
  const locale = useLocale();
  const headingId = `verhaal-${idea.ideaId}`;
  const latest = idea.updates[0];
  return (
    <article className="card stack story-idea" aria-labelledby={headingId}>
      <h3 id={headingId}>{idea.title}</h3>
      <p className="story-badges">
        {showWon && idea.won ? <span className="badge badge-ok">{idea.prizeName ?? t("aftercare.story.won")}</span> : null}{" "}
        <span className={`badge track-${idea.status}`}>{t(`taakgroepen.track.statuses.${idea.status}`)}</span>{" "}
        {idea.taakgroep ? <TaakgroepBadge status={idea.taakgroep} /> : null}
      </p>
      {idea.milestones.total > 0 ? <p>{t("aftercare.story.milestones", { done: idea.milestones.done, total: idea.milestones.total })}</p> : null}
      {idea.money.grantedEuros !== null || idea.money.spentEuros > 0 ? (
        <p>
          {idea.money.grantedEuros !== null
            ? // "€ 500 van € 1.000 incl. btw uitgegeven": the terms once, after the pair they hold for.
              t("aftercare.story.money", { spent: formatMoney(idea.money.spentEuros, locale), granted: formatAmount(idea.money.grantedEuros, locale, vat) })
            : t("aftercare.story.moneyNoGrant", { spent: formatAmount(idea.money.spentEuros, locale, vat) })}
        </p>
      ) : null}
      {idea.helpedBy.length > 0 ? <p>{t("aftercare.story.helpedBy", { names: idea.helpedBy.join(", ") })}</p> : null}
      <h4>{t("aftercare.story.latest")}</h4>
      {latest ? (
        <div className="story-update">
          <p className="muted small">{formatDate(latest.createdAt, locale)}</p>
          <p className="idea-text">{latest.text}</p>
          {latest.photo ? <UpdatePhotoImage photo={latest.photo} /> : null}
        </div>
      ) : (
        <p className="muted">{t("aftercare.story.noNews")}</p>
      )}
      <p>
        <Link to={ideaPath(slug, idea.ideaId)}>{t("aftercare.story.readMore", { title: idea.title })}</Link>
      </p>
    </article>
  );
}

export default function StoryPage() {
  const t = useT();
  const { contest, story } = useLoaderData<typeof loader>();
  return (
    <section className="page narrow story-page">
      <PageTitle title={`${t("aftercare.story.title")} · ${contest.title}`} />
      <p className="breadcrumb">
        <Link to={`/rondes/${contest.slug}`}>
          <span aria-hidden="true">← </span>
          {t("aftercare.story.back")}
        </Link>
      </p>
      <h1>{t("aftercare.story.title")}</h1>
      {story === null ? (
        <p className="lead">{t("aftercare.story.notYet")}</p>
      ) : (
        <>
          <p className="lead">{t("aftercare.story.lead", { contest: contest.title })}</p>
          {story.revealed ? (
            <p>
              <Link to={moneyPath(contest.slug)}>{t("initiative.moneyLink")}</Link>
            </p>
          ) : null}
          {story.winners.length + story.others.length === 0 ? <p>{t("aftercare.story.none")}</p> : null}
          {story.winners.length > 0 ? (
            <section className="stack" aria-labelledby="winnaars">
              <h2 id="winnaars">{t("aftercare.story.winners")}</h2>
              {story.winners.map((idea) => (
                <IdeaStory key={idea.ideaId} idea={idea} slug={contest.slug} showWon vat={contest.vat} />
              ))}
            </section>
          ) : null}
          {story.others.length > 0 ? (
            <section className="stack" aria-labelledby="andere-ideeen">
              {story.revealed ? (
                <h2 id="andere-ideeen">{t("aftercare.story.others")}</h2>
              ) : (
                <h2 id="andere-ideeen" className="visually-hidden">
                  {t("aftercare.story.title")}
                </h2>
              )}
              {story.others.map((idea) => (
                <IdeaStory key={idea.ideaId} idea={idea} slug={contest.slug} showWon={false} vat={contest.vat} />
              ))}
            </section>
          ) : null}
        </>
      )}
    </section>
  );
}
