import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { shareCardFor } from "~/routes-support/share.server";
import { getTranslator } from "~/routes-support/locale.server";
import { contestImageUrl } from "~/modules/contests/contest-image";
import { shareMeta } from "~/ui/share-meta";
import { Link, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { readFlash } from "~/lib/flash.server";
import { notFound } from "~/routes-support/http.server";
import { formatAmount, formatDate, formatDateTime, vatTerms, vatWords, formatMoney, type VatTerms } from "~/lib/format";
import { useCountText, useLocale, useT } from "~/lib/i18n/react";
import { resultsPath } from "~/modules/results/paths";
import { BALLOT_BACK_PARAM, ballotBackPath } from "~/modules/voting/paths";
import { publishedIdeaResult } from "~/modules/results/results.server";
import { checkPhase, hasPhaseEnded } from "~/modules/contests/phases";
import { loadIdeaContext } from "~/routes-support/idea-access.server";
import { getIdeaDetails, initiatorNames } from "~/modules/ideas/ideas.server";
import {
  editIdeaPath,
  ideaPath,
  ideasPath,
  moderateIdeaPath,
  posterPath,
  reportIdeaPath,
  withdrawIdeaPath,
  workOutIdeaPath,
  photoUrl,
} from "~/modules/ideas/paths";
import { editDecision, pageVisibility, SUBMIT_PHASES, withdrawDecision, workOutDecision } from "~/modules/ideas/rules";
import { IdeaBadgeView } from "~/ui/idea-card";
import { ideaBadgeNow } from "~/ui/idea-now";
import { PageTitle } from "~/ui/page-title";
import ideasStyles from "~/ui/ideas.css?url";
import { ideaJuryOutcome } from "~/modules/jury/outcome.server";
import { IdeaJuryOutcome } from "~/ui/jury";
import juryStyles from "~/ui/jury.css?url";
import { taakgroepSection } from "~/routes-support/taakgroep-access.server";
import { TaakgroepSection } from "~/ui/taakgroepen";
import taakgroepenStyles from "~/ui/taakgroepen.css?url";
import { trackSection } from "~/routes-support/aftercare-access.server";
import { moneyPath } from "~/modules/aftercare/paths";
import { RealisationTrack } from "~/ui/realisation-track";
import { questionsAfterHandIn } from "~/modules/participation/participation.server";
import { isAnswerSubmission } from "~/modules/participation/paths";
import { ParticipationQuestions } from "~/ui/participation-questions";
import participationStyles from "~/ui/participation.css?url";
import { backingSection, promiseSection, reactionsSection } from "~/routes-support/draagvlak-access.server";
import { AnswerPromise, BackingCard, Reactions } from "~/ui/draagvlak";
import draagvlakStyles from "~/ui/draagvlak.css?url";
import mapStyles from "~/ui/map.css?url";
import { currentMap } from "~/routes-support/map-settings.server";
import { IdeaPlaceMap } from "~/ui/ideas-map";
import { roundLookOf } from "~/modules/auth/organisation-look";
import type { I18nHandle } from "~/lib/i18n/sections";

export const handle = { i18n: ["ideas", "jury", "voting", "taakgroepen", "draagvlak", "participation", "spread", "initiative", "geo"] } satisfies I18nHandle;

export const links = () => [
  { rel: "stylesheet", href: mapStyles },
  { rel: "stylesheet", href: ideasStyles },
  { rel: "stylesheet", href: juryStyles },
  { rel: "stylesheet", href: taakgroepenStyles },
  { rel: "stylesheet", href: participationStyles },
  { rel: "stylesheet", href: draagvlakStyles },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await loadIdeaContext(request, params);
  const { idea, relation, details: contest } = ctx;
  const visibility = pageVisibility(relation, idea);
  if (visibility === "not-found") notFound();
  // Opened from a ballot during the vote: the way back to it (issue 18).
  const ballotBack = ctx.phase.phase === "stemmen" ? ballotBackPath(contest.contest.slug, new URL(request.url).searchParams.get(BALLOT_BACK_PARAM)) : null;
  const base = {
    slug: contest.contest.slug,
    roundLook: roundLookOf(contest),
    contestTitle: contest.contest.title,
    vat: vatTerms(contest.contest),
    ballotBack,
    map: currentMap(),
  };
  if (visibility !== "full") return { ...base, notice: visibility, idea: null };

  const details = await getIdeaDetails(idea);
  const isMaker = relation !== "none";
  const submitOpen = checkPhase(ctx.phase, SUBMIT_PHASES).ok;
  // Right after handing in, the optional questions on who takes part (ADR 014), with the token the
  // hand-in put in the flash cookie.
  const { flash } = await readFlash(request);
  const handedIn = flash?.key === "ideas.submitted" || flash?.key === "ideas.submittedCheckMail";
  const questions = handedIn && submitOpen && relation === "owner" ? await questionsAfterHandIn(contest, flash?.params?.deelname) : null;
  return {
    questions,
    ...base,
    notice: null,
    idea: {
      id: idea.id,
      title: idea.title,
      summary: idea.summary,
      description: idea.description,
      costEuros: idea.costEuros,
      helpNeeded: idea.helpNeeded,
      locationText: idea.locationText,
      point: idea.latitude !== null && idea.longitude !== null ? { latitude: idea.latitude, longitude: idea.longitude } : null,
      status: idea.status,
      isPaper: idea.isPaper,
      hidden: idea.hiddenAt !== null,
      hiddenReason: isMaker ? idea.hiddenReason : null,
      unconfirmed: idea.status !== "draft" && idea.contactConfirmedAt === null,
      submittedAt: idea.submittedAt?.getTime() ?? null,
      categoryName: details.categoryName,
      buurtName: details.buurtName,
      costLines: details.costLines,
      workedOut: idea.workedOutAt ? { plan: idea.plan ?? "", planning: idea.planning ?? "", helpers: idea.helpers ?? "" } : null,
      // Makers and organisers see hidden photos with a notice; everyone else only the visible ones.
      photos: details.photos
        .filter((p) => isMaker || !p.hidden)
        .map((p) => ({
          id: p.id,
          small: photoUrl(p.storageKey, "small"),
          large: photoUrl(p.storageKey, "large"),
          altText: p.altText,
          width: p.width,
          height: p.height,
          hidden: p.hidden,
        })),
      initiators: initiatorNames(idea, details),
    },
    // Backing from the area, and for the makers the organisation's answer promise (issue 21).
    backing: await backingSection(ctx),
    promise: await promiseSection(ctx),
    reactions: await reactionsSection(ctx),
    deadline: ctx.phase.schedule?.indienen.end ?? null,
    actions: {
      edit: editDecision(relation, idea.status, ctx.phase).ok,
      editClosed: (relation === "owner" || relation === "co-initiator") && !submitOpen && idea.status !== "withdrawn",
      workOut: workOutDecision(relation, idea.status, ctx.phase).ok,
      withdraw: withdrawDecision(relation, idea.status, idea.isPaper).ok,
      // A poster asks for stickers: after the vote it would ask for something that can no longer be given.
      poster: (idea.status === "submitted" || idea.status === "shortlisted") && !hasPhaseEnded(ctx.phase, "stemmen"),
      moderate: relation === "organiser",
      report: idea.status !== "draft" && !idea.hiddenAt,
    },
    // What later phases add: the jury's answer (juryselectie), the sticker total (after the results are
    // revealed) and the realisation track (nazorg). Until then nothing is shown.
    later: {
      // The jury's answer once the decision is closed: the motivation and aftercare only for the idea's makers (issue 5).
      jury: await ideaJuryOutcome({ ideaId: idea.id, contestId: contest.contest.id, forMakers: isMaker }),
      votes: await publishedIdeaResult(contest.contest.id, idea.id),
      // The realisation track after the vote (issue 8).
      aftercare: await trackSection(ctx),
      // "Ik doe mee" and the taakgroep's status (issue 8).
      taakgroep: await taakgroepSection(ctx),
    },
    share: await ideaShareCard(request, ctx.details.contest, idea, details.photos),
  };
}

/** A handed-in idea's share card: its first public photo, else the round's picture (issue 21.7). A draft has none. */
async function ideaShareCard(
  request: Request,
  contest: { slug: string; title: string; imagePath: string | null; imageAlt: string | null },
  idea: { id: number; title: string; summary: string | null; status: string },
  photos: readonly { storageKey: string; altText: string; hidden: boolean }[],
) {
  if (idea.status !== "submitted" && idea.status !== "shortlisted") return null;
  const photo = photos.find((p) => !p.hidden);
  const image = photo
    ? { src: photoUrl(photo.storageKey, "large"), alt: photo.altText }
    : contest.imagePath
      ? { src: contestImageUrl(contest.imagePath, "large"), alt: contest.imageAlt ?? contest.title }
      : null;
  const t = await getTranslator(request);
  return shareCardFor(request, {
    title: idea.title,
    description: idea.summary || t("spread.shareDescriptionIdea", { contest: contest.title }),
    path: ideaPath(contest.slug, idea.id),
    image,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data && "share" in data && data.share ? shareMeta(data.share) : []);

export default function IdeaPage() {
  const t = useT();
  const locale = useLocale();
  const loaded = useLoaderData<typeof loader>();
  const { slug, contestTitle, vat } = loaded;
  const breadcrumb = loaded.ballotBack ? (
    <p className="breadcrumb">
      <Link to={loaded.ballotBack}>
        <span aria-hidden="true">← </span>
        {t("voting.backToBallot")}
      </Link>
    </p>
  ) : (
    <p className="breadcrumb">
      <Link to={`/rondes/${slug}`}>{contestTitle}</Link> <span aria-hidden="true">›</span> <Link to={ideasPath(slug)}>{t("ideas.listTitle")}</Link>
    </p>
  );
  if (!loaded.idea) {
    const text = loaded.notice === "hidden-notice" ? t("ideas.hiddenNotice") : t("ideas.withdrawnNotice");
    return (
      <section className="page idea-page">
        <PageTitle title={text} />
        {breadcrumb}
        <h1>{text}</h1>
        <p>
          <Link to={ideasPath(slug)}>{t("ideas.backToList")}</Link>
        </p>
      </section>
    );
  }
  const { idea, actions, deadline } = loaded;
  const [mainPhoto, ...morePhotos] = idea.photos;
  const track = loaded.later.aftercare?.status ?? null;
  const badge = ideaBadgeNow({ status: idea.status, hidden: idea.hidden, chosen: loaded.later.votes?.chosen ?? null, track });
  return (
    <article className="page idea-page">
      <PageTitle title={idea.title} />
      {breadcrumb}
      <header className="idea-head">
        <div className="idea-badges">
          <IdeaBadgeView badge={badge} />
          {idea.categoryName ? <span className="badge badge-category">{idea.categoryName}</span> : null}
        </div>
        <h1>{idea.title}</h1>
        {idea.initiators.length > 0 ? (
          <p className="idea-by">
            {idea.isPaper ? t("ideas.paperBy", { name: idea.initiators.join(", ") }) : t("ideas.by", { names: idea.initiators.join(", ") })}
          </p>
        ) : null}
        {/* On a phone the facts card comes after the text: the cost and buurt are repeated up here. */}
        <p className="idea-keyfacts">
          <strong className="nowrap">{idea.costEuros !== null ? formatAmount(idea.costEuros, locale, vat) : t("ideas.costUnknown")}</strong>
          {idea.buurtName ? ` · ${idea.buurtName}` : null}
        </p>
      </header>

      {idea.status === "draft" ? (
        <p className="notice warning">
          {actions.edit && deadline !== null ? t("ideas.draftNotice", { date: formatDateTime(deadline, locale) }) : t("ideas.draftNoticeClosed")}
        </p>
      ) : null}
      {idea.unconfirmed ? <p className="notice warning">{t("ideas.confirmNotice")}</p> : null}
      {idea.hidden ? (
        <div className="notice warning" role="note">
          <p>{t("ideas.hiddenNoticeOwner")}</p>
          {idea.hiddenReason ? (
            <p>
              <strong>{t("ideas.hiddenReasonLabel")}:</strong> {idea.hiddenReason}
            </p>
          ) : null}
        </div>
      ) : null}

      {loaded.questions ? <ParticipationQuestions questions={loaded.questions} /> : null}
      {loaded.promise ? <AnswerPromise days={loaded.promise.days} clock={loaded.promise.clock} /> : null}

      {loaded.later.jury ? <IdeaJuryOutcome view={loaded.later.jury} /> : null}
      {loaded.later.votes ? <IdeaResult result={loaded.later.votes} slug={slug} vat={vat} /> : null}

      <div className="idea-layout">
        <div className="idea-main">
          {mainPhoto ? <IdeaPhoto photo={mainPhoto} slug={slug} ideaId={idea.id} canReport={actions.report} large /> : null}
          {idea.summary ? (
            <section aria-labelledby="kort">
              <h2 id="kort">{t("ideas.summary")}</h2>
              <p className="idea-summary">{idea.summary}</p>
            </section>
          ) : null}
          {idea.description ? (
            <section aria-labelledby="idee">
              <h2 id="idee">{t("ideas.description")}</h2>
              <p className="idea-text">{idea.description}</p>
            </section>
          ) : null}
          {idea.workedOut ? (
            <section aria-labelledby="uitgewerkt" className="worked-out">
              <h2 id="uitgewerkt">{t("ideas.workedOut")}</h2>
              <h3>{t("ideas.plan")}</h3>
              <p className="idea-text">{idea.workedOut.plan}</p>
              <h3>{t("ideas.planning")}</h3>
              <p className="idea-text">{idea.workedOut.planning}</p>
              <h3>{t("ideas.helpers")}</h3>
              <p className="idea-text">{idea.workedOut.helpers}</p>
            </section>
          ) : null}
          {idea.helpNeeded ? (
            <section aria-labelledby="hulp">
              <h2 id="hulp">{t("ideas.helpNeeded")}</h2>
              <p className="idea-text">{idea.helpNeeded}</p>
            </section>
          ) : null}
          {loaded.later.aftercare ? (
            <RealisationTrack vat={vat} view={loaded.later.aftercare} managePath={`${ideaPath(slug, idea.id)}/uitvoering`} moneyPath={moneyPath(slug)} />
          ) : null}
          {morePhotos.length > 0 ? (
            <section aria-labelledby="fotos">
              <h2 id="fotos">{t("ideas.photos")}</h2>
              <ul className="photo-grid">
                {morePhotos.map((p) => (
                  <li key={p.id}>
                    <IdeaPhoto photo={p} slug={slug} ideaId={idea.id} canReport={actions.report} />
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {loaded.reactions ? (
            <Reactions
              view={loaded.reactions}
              action={`${ideaPath(slug, idea.id)}/reacties`}
              loginPath={`/inloggen?redirectTo=${encodeURIComponent(ideaPath(slug, idea.id))}`}
            />
          ) : null}
        </div>

        <aside className="idea-side">
          <div className="card">
            <h2 className="visually-hidden">{t("ideas.costBreakdown")}</h2>
            <dl className="idea-facts">
              <dt>{t("ideas.cost")}</dt>
              <dd className="idea-cost">{idea.costEuros !== null ? formatAmount(idea.costEuros, locale, vat) : t("ideas.costUnknown")}</dd>
              {idea.buurtName || idea.locationText || idea.point ? (
                <>
                  <dt>{t("ideas.where")}</dt>
                  <dd>
                    {[idea.buurtName, idea.locationText].filter(Boolean).join(", ")}
                    {idea.point ? (
                      <>
                        {" "}
                        <a
                          href={`https://www.openstreetmap.org/?mlat=${idea.point.latitude}&mlon=${idea.point.longitude}#map=18/${idea.point.latitude}/${idea.point.longitude}`}
                          rel="noopener noreferrer"
                        >
                          {t("ideas.openMap")}
                        </a>
                      </>
                    ) : null}
                  </dd>
                </>
              ) : null}
              {idea.submittedAt !== null ? (
                <>
                  {/* A date, not a status: "Status: Ingediend op …" went stale once the jury or the vote had spoken. */}
                  <dt>{t("ideas.statusSubmitted")}</dt>
                  <dd>{formatDate(idea.submittedAt, locale)}</dd>
                </>
              ) : null}
            </dl>
            {idea.point && loaded.map ? <IdeaPlaceMap config={loaded.map} point={idea.point} title={idea.title} /> : null}
            {idea.costLines.length > 0 ? (
              <table className="cost-table">
                <caption>
                  {t("ideas.costBreakdown")} ({vatWords(vat, locale)})
                </caption>
                <tbody>
                  {idea.costLines.map((line, i) => (
                    <tr key={i}>
                      <th scope="row">{line.description}</th>
                      <td>{formatMoney(line.amountEuros, locale)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t("ideas.total")}</th>
                    <td>
                      {formatMoney(
                        idea.costLines.reduce((s, l) => s + l.amountEuros, 0),
                        locale,
                      )}
                    </td>
                  </tr>
                </tfoot>
              </table>
            ) : null}
          </div>

          {loaded.backing ? (
            <BackingCard
              view={loaded.backing}
              action={`${ideaPath(slug, idea.id)}/steunen`}
              loginPath={`/inloggen?redirectTo=${encodeURIComponent(ideaPath(slug, idea.id))}`}
            />
          ) : null}

          {loaded.later.taakgroep ? <TaakgroepSection view={loaded.later.taakgroep} track={track} joinPath={`${ideaPath(slug, idea.id)}/meedoen`} /> : null}

          {idea.initiators.length > 0 ? (
            <div className="card">
              <h2>{t("ideas.initiators")}</h2>
              <ul className="plain-list">
                {idea.initiators.map((name, i) => (
                  <li key={i}>
                    {name} <span className="muted">({i === 0 ? t("ideas.indiener") : t("ideas.coInitiator")})</span>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}

          {actions.edit || actions.workOut || actions.withdraw || actions.poster || actions.moderate || actions.editClosed ? (
            <div className="card idea-actions">
              <h2>{t("ideas.actionsTitle")}</h2>
              <ul className="plain-list">
                {actions.edit ? (
                  <li>
                    <Link to={editIdeaPath(slug, idea.id)} className="button primary">
                      {t("ideas.edit")}
                    </Link>
                  </li>
                ) : null}
                {actions.editClosed && deadline !== null ? (
                  <li className="muted">{t("ideas.editClosed", { date: formatDateTime(deadline, locale) })}</li>
                ) : null}
                {actions.workOut ? (
                  <li>
                    <Link to={workOutIdeaPath(slug, idea.id)} className="button primary">
                      {t("ideas.workOut")}
                    </Link>
                  </li>
                ) : null}
                {actions.poster ? (
                  <li>
                    <Link to={posterPath(slug, idea.id)}>{t("ideas.poster")}</Link>
                  </li>
                ) : null}
                {actions.moderate ? (
                  <li>
                    <Link to={moderateIdeaPath(slug, idea.id)}>{t("ideas.moderate")}</Link>
                  </li>
                ) : null}
                {actions.withdraw ? (
                  <li>
                    <Link to={withdrawIdeaPath(slug, idea.id)}>{t("ideas.withdraw")}</Link>
                  </li>
                ) : null}
              </ul>
            </div>
          ) : null}

          {actions.report ? (
            <p className="report-link">
              <span className="muted small">{t("ideas.reportLead")}</span> <Link to={reportIdeaPath(slug, idea.id)}>{t("ideas.report")}</Link>
            </p>
          ) : null}
        </aside>
      </div>
    </article>
  );
}

type Photo = { id: number; small: string; large: string; altText: string; width: number; height: number; hidden: boolean };

function IdeaPhoto({ photo, slug, ideaId, canReport, large }: { photo: Photo; slug: string; ideaId: number; canReport: boolean; large?: boolean }) {
  const t = useT();
  return (
    <figure className={`idea-photo${photo.hidden ? " is-hidden" : ""}`}>
      <a href={photo.large}>
        <img
          src={large ? photo.large : photo.small}
          srcSet={`${photo.small} 480w, ${photo.large} ${photo.width}w`}
          sizes={large ? "(min-width: 60rem) 40rem, 100vw" : "(min-width: 60rem) 13rem, 50vw"}
          alt={photo.altText}
          width={photo.width}
          height={photo.height}
          loading={large ? "eager" : "lazy"}
        />
      </a>
      {photo.hidden ? (
        <figcaption className="notice warning small">{t("ideas.photoHiddenNotice")}</figcaption>
      ) : canReport ? (
        <figcaption className="small">
          <Link to={`${reportIdeaPath(slug, ideaId)}?foto=${photo.id}`}>{t("ideas.reportPhoto")}</Link>
        </figcaption>
      ) : null}
    </figure>
  );
}

// Answering the questions on who takes part leaves this page as it is.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formAction, defaultShouldRevalidate }) =>
  isAnswerSubmission(formAction) ? false : defaultShouldRevalidate;

/** After the reveal: the idea's stickers and place, and what it won, with the way to the whole result. */
function IdeaResult({
  result,
  slug,
  vat,
}: {
  result: { stickers: number; rank: number; amount: number; prizeName: string | null; chosen: boolean };
  slug: string;
  vat: VatTerms;
}) {
  const t = useT();
  const locale = useLocale();
  const count = useCountText();
  return (
    <section className="card idea-result" aria-labelledby="uitslag-titel">
      <h2 id="uitslag-titel">{t("ideas.resultTitle")}</h2>
      <p>{count(result.stickers, { one: "ideas.resultStickersOne", other: "ideas.resultStickers" }, { count: result.stickers, rank: result.rank })}</p>
      {result.chosen ? (
        <p>
          <strong>
            {result.prizeName
              ? t("ideas.resultPrize", { prize: result.prizeName, amount: formatAmount(result.amount, locale, vat) })
              : t("ideas.resultFunded", { amount: formatAmount(result.amount, locale, vat) })}
          </strong>
        </p>
      ) : null}
      <p>
        <Link to={resultsPath(slug)}>{t("ideas.resultLink")}</Link>
      </p>
    </section>
  );
}
